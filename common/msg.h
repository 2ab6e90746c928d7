/*
 * Message bodies, defined once for both programs. Each message type has a
 * C struct and a layout table (common/msg.c) from which one generic
 * encoder and decoder work, so the two ends cannot disagree.
 *
 * Strings are u32 length || UTF-8 bytes without NUL and decode to newly
 * allocated C strings; lists are u32 count || elements. Decoding consumes
 * the body exactly: trailing bytes are an error. A declared list count is
 * checked against the bytes present before anything is allocated.
 */
#ifndef SUS_MSG_H
#define SUS_MSG_H

#include <stddef.h>
#include <stdint.h>

struct buf;

struct msg_login {
	char		*username;
	char		*password;
};

struct msg_login_ok {
	uint32_t	 user_id;
	char		*username;
	char		*fornamn;
	char		*efternamn;
	uint32_t	 roles;		/* ROLE_* bits */
};

struct msg_ping {
	uint64_t	 nonce;
};

struct msg_err {
	uint32_t	 code;		/* enum sus_errcode */
	char		*message;	/* Swedish, for the message line */
};

struct msg_ok {
	uint32_t	 id;		/* id of what was created, or 0 */
	char		*message;
};

struct msg_samorg_search {
	char		*pattern;	/* name, '*' as wildcard; "" = all */
	uint32_t	 offset;
	uint32_t	 limit;
};

struct samorg_row {
	uint32_t	 id;
	char		*namn;
	char		*samverkansform;
	char		*organisationsnummer;
	char		*startdatum;	/* YYYY-MM-DD */
	char		*slutdatum;	/* YYYY-MM-DD or "" */
	char		*kommuner;	/* "Kommun (stadsdel, ...), Kommun" */
};

struct msg_samorg_list {
	uint32_t	 total;		/* matches in all, for the pager */
	uint32_t	 nrows;
	struct samorg_row *rows;
};

/* Reports whether type has a layout (i.e. is a known message type). */
int		 msg_known(uint16_t type);
/* The struct size for a type, 0 if unknown. */
size_t		 msg_size(uint16_t type);
/* The type's name for logs, "unknown" if none. */
const char	*msg_name(uint16_t type);
/* Appends the encoding of m (a struct of type's layout) to out. */
int		 msg_encode(uint16_t type, const void *m, struct buf *out);
/*
 * Decodes all of in into m (zeroed first). On failure m is left empty
 * and nothing leaks.
 */
int		 msg_decode(uint16_t type, struct buf *in, void *m);
/* Frees what a decoded (or hand-filled) m owns and zeroes it. */
void		 msg_clear(uint16_t type, void *m);

#endif
