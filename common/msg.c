/*
 * Message bodies: one layout table per message type drives a single
 * encoder, decoder and destructor, so client and server cannot disagree
 * about a field. Adding a message means adding a struct in msg.h and a
 * layout here.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "msg.h"
#include "proto.h"
#include "xmalloc.h"

enum field_type {
	F_U8,
	F_U16,
	F_U32,
	F_U64,
	F_STR,		/* char *, at most max bytes */
	F_LIST		/* u32 count at count_off, array pointer at off */
};

struct layout;

struct field {
	enum field_type		 type;
	size_t			 off;
	size_t			 max;		/* string bytes or list count */
	const struct layout	*sub;		/* list element layout */
	size_t			 count_off;	/* list: offset of uint32_t */
};

struct layout {
	const char		*name;
	size_t			 size;
	const struct field	*fields;
	size_t			 nfields;
};

#define NF(a)		(sizeof(a) / sizeof((a)[0]))
#define U8(s, f)	{ F_U8, offsetof(struct s, f), 0, NULL, 0 }
#define U16(s, f)	{ F_U16, offsetof(struct s, f), 0, NULL, 0 }
#define U32(s, f)	{ F_U32, offsetof(struct s, f), 0, NULL, 0 }
#define U64(s, f)	{ F_U64, offsetof(struct s, f), 0, NULL, 0 }
#define STR(s, f, m)	{ F_STR, offsetof(struct s, f), m, NULL, 0 }
#define LIST(s, f, n, m, sub) \
	{ F_LIST, offsetof(struct s, f), m, &sub, offsetof(struct s, n) }
#define LAYOUT(s, fl)	{ #s, sizeof(struct s), fl, NF(fl) }

static const struct field login_f[] = {
	STR(msg_login, username, SUS_USERNAME_MAX),
	STR(msg_login, password, SUS_PASSWORD_MAX),
};
static const struct layout login_l = LAYOUT(msg_login, login_f);

static const struct field login_ok_f[] = {
	U32(msg_login_ok, user_id),
	STR(msg_login_ok, username, SUS_USERNAME_MAX),
	STR(msg_login_ok, fornamn, SUS_NAME_MAX),
	STR(msg_login_ok, efternamn, SUS_NAME_MAX),
	U32(msg_login_ok, roles),
};
static const struct layout login_ok_l = LAYOUT(msg_login_ok, login_ok_f);

static const struct field ping_f[] = {
	U64(msg_ping, nonce),
};
static const struct layout ping_l = LAYOUT(msg_ping, ping_f);

static const struct field err_f[] = {
	U32(msg_err, code),
	STR(msg_err, message, SUS_MESSAGE_MAX),
};
static const struct layout err_l = LAYOUT(msg_err, err_f);

static const struct field ok_f[] = {
	U32(msg_ok, id),
	STR(msg_ok, message, SUS_MESSAGE_MAX),
};
static const struct layout ok_l = LAYOUT(msg_ok, ok_f);

static const struct field samorg_search_f[] = {
	STR(msg_samorg_search, pattern, SUS_PATTERN_MAX),
	U32(msg_samorg_search, offset),
	U32(msg_samorg_search, limit),
};
static const struct layout samorg_search_l =
    LAYOUT(msg_samorg_search, samorg_search_f);

static const struct field samorg_row_f[] = {
	U32(samorg_row, id),
	STR(samorg_row, namn, SUS_NAME_MAX),
	STR(samorg_row, samverkansform, 100),
	STR(samorg_row, organisationsnummer, 20),
	STR(samorg_row, startdatum, 10),
	STR(samorg_row, slutdatum, 10),
	STR(samorg_row, kommuner, 4000),
};
static const struct layout samorg_row_l = LAYOUT(samorg_row, samorg_row_f);

static const struct field samorg_list_f[] = {
	U32(msg_samorg_list, total),
	LIST(msg_samorg_list, rows, nrows, SUS_LIST_MAX, samorg_row_l),
};
static const struct layout samorg_list_l =
    LAYOUT(msg_samorg_list, samorg_list_f);

/* BYE has an empty body. */
static const struct layout empty_l = { "empty", 0, NULL, 0 };

static const struct {
	uint16_t		 type;
	const char		*name;
	const struct layout	*layout;
} msg_table[] = {
	{ MSG_LOGIN, "LOGIN", &login_l },
	{ MSG_LOGIN_OK, "LOGIN_OK", &login_ok_l },
	{ MSG_PING, "PING", &ping_l },
	{ MSG_PONG, "PONG", &ping_l },
	{ MSG_BYE, "BYE", &empty_l },
	{ MSG_ERR, "ERR", &err_l },
	{ MSG_OK, "OK", &ok_l },
	{ MSG_SAMORG_SEARCH, "SAMORG_SEARCH", &samorg_search_l },
	{ MSG_SAMORG_LIST, "SAMORG_LIST", &samorg_list_l },
};

/* Finds the table row for a type. */
static int
msg_find(uint16_t type)
{
	size_t	i;

	for (i = 0; i < NF(msg_table); i++) {
		if (msg_table[i].type == type)
			return (int)i;
	}
	return -1;
}

/* Reports whether type has a layout. */
int
msg_known(uint16_t type)
{
	return msg_find(type) >= 0;
}

/* The struct size for a type, 0 if unknown. */
size_t
msg_size(uint16_t type)
{
	int	i = msg_find(type);

	return i < 0 ? 0 : msg_table[i].layout->size;
}

/* The type's name for logs. */
const char *
msg_name(uint16_t type)
{
	int	i = msg_find(type);

	return i < 0 ? "unknown" : msg_table[i].name;
}

/* Smallest encoding of one element, to bound a declared list count. */
static size_t
layout_min_size(const struct layout *l)
{
	static const size_t	sizes[] = { 1, 2, 4, 8, 4, 4 };
	size_t			i, n = 0;

	for (i = 0; i < l->nfields; i++)
		n += sizes[l->fields[i].type];
	return n == 0 ? 1 : n;
}

static int	encode(const struct layout *, const void *, struct buf *);
static int	decode(const struct layout *, struct buf *, void *);
static void	clear(const struct layout *, void *);

/* Encodes one struct by its layout. */
static int
encode(const struct layout *l, const void *m, struct buf *out)
{
	const uint8_t	*base = m;
	const struct field *f;
	const char	*s;
	const uint8_t	*elems;
	uint32_t	 count, j;
	size_t		 i;
	int		 r = 0;

	for (i = 0; i < l->nfields && r == 0; i++) {
		f = &l->fields[i];
		switch (f->type) {
		case F_U8:
			r = buf_put_u8(out, *(const uint8_t *)(base + f->off));
			break;
		case F_U16:
			r = buf_put_u16(out, *(const uint16_t *)(base + f->off));
			break;
		case F_U32:
			r = buf_put_u32(out, *(const uint32_t *)(base + f->off));
			break;
		case F_U64:
			r = buf_put_u64(out, *(const uint64_t *)(base + f->off));
			break;
		case F_STR:
			s = *(char *const *)(base + f->off);
			if (s == NULL)
				s = "";
			if (strlen(s) > f->max)
				return SUS_ERR_STRING_LEN;
			if (!utf8_valid(s, strlen(s)))
				return SUS_ERR_UTF8;
			r = buf_put_cstring(out, s);
			break;
		case F_LIST:
			count = *(const uint32_t *)(base + f->count_off);
			elems = *(const uint8_t *const *)(base + f->off);
			if (count > f->max)
				return SUS_ERR_TOO_LARGE;
			if (count > 0 && elems == NULL)
				return SUS_ERR_INVALID;
			r = buf_put_u32(out, count);
			for (j = 0; j < count && r == 0; j++)
				r = encode(f->sub, elems + j * f->sub->size, out);
			break;
		}
	}
	return r;
}

/* Decodes one struct by its layout; the caller clears on failure. */
static int
decode(const struct layout *l, struct buf *in, void *m)
{
	uint8_t		*base = m;
	const struct field *f;
	uint8_t		*elems;
	uint32_t	 count, j;
	size_t		 i;
	int		 r = 0;

	for (i = 0; i < l->nfields && r == 0; i++) {
		f = &l->fields[i];
		switch (f->type) {
		case F_U8:
			r = buf_get_u8(in, (uint8_t *)(base + f->off));
			break;
		case F_U16:
			r = buf_get_u16(in, (uint16_t *)(base + f->off));
			break;
		case F_U32:
			r = buf_get_u32(in, (uint32_t *)(base + f->off));
			break;
		case F_U64:
			r = buf_get_u64(in, (uint64_t *)(base + f->off));
			break;
		case F_STR:
			r = buf_get_cstring(in, (char **)(base + f->off), NULL,
			    f->max);
			break;
		case F_LIST:
			if ((r = buf_get_u32(in, &count)) != 0)
				break;
			if (count > f->max)
				return SUS_ERR_TOO_LARGE;
			/* Never allocate more than the bytes present justify. */
			if (count > buf_len(in) / layout_min_size(f->sub))
				return SUS_ERR_INCOMPLETE;
			if (count == 0)
				break;
			if ((elems = calloc(count, f->sub->size)) == NULL)
				return SUS_ERR_ALLOC;
			*(uint8_t **)(base + f->off) = elems;
			for (j = 0; j < count && r == 0; j++) {
				r = decode(f->sub, in, elems + j * f->sub->size);
				/* Count what is filled so clear() frees it all. */
				*(uint32_t *)(base + f->count_off) = j + 1;
			}
			break;
		}
	}
	return r;
}

/* Frees what a struct owns by its layout. */
static void
clear(const struct layout *l, void *m)
{
	char		*str;
	uint8_t		*base = m;
	const struct field *f;
	uint8_t		*elems;
	uint32_t	 count, j;
	size_t		 i;

	for (i = 0; i < l->nfields; i++) {
		f = &l->fields[i];
		if (f->type == F_STR) {
			str = *(char **)(base + f->off);
			/* Strings may be passwords or personal data: wipe. */
			if (str != NULL)
				freezero(str, strlen(str) + 1);
			*(char **)(base + f->off) = NULL;
		} else if (f->type == F_LIST) {
			elems = *(uint8_t **)(base + f->off);
			count = *(uint32_t *)(base + f->count_off);
			for (j = 0; elems != NULL && j < count; j++)
				clear(f->sub, elems + j * f->sub->size);
			free(elems);
			*(uint8_t **)(base + f->off) = NULL;
			*(uint32_t *)(base + f->count_off) = 0;
		}
	}
}

/* Appends the encoding of m to out. */
int
msg_encode(uint16_t type, const void *m, struct buf *out)
{
	int	i = msg_find(type);

	if (i < 0)
		return SUS_ERR_INVALID;
	return encode(msg_table[i].layout, m, out);
}

/* Decodes all of in into m; on failure m is left empty. */
int
msg_decode(uint16_t type, struct buf *in, void *m)
{
	const struct layout	*l;
	int			 i = msg_find(type), r;

	if (i < 0)
		return SUS_ERR_INVALID;
	l = msg_table[i].layout;
	if (l->size > 0)
		memset(m, 0, l->size);
	if ((r = decode(l, in, m)) == 0 && buf_len(in) != 0)
		r = SUS_ERR_TRAILING;
	if (r != 0)
		clear(l, m);
	return r;
}

/* Frees what m owns and zeroes it. */
void
msg_clear(uint16_t type, void *m)
{
	int	i = msg_find(type);

	if (i < 0 || m == NULL)
		return;
	clear(msg_table[i].layout, m);
	if (msg_table[i].layout->size > 0)
		memset(m, 0, msg_table[i].layout->size);
}
