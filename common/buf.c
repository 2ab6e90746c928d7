/*
 * Bounded byte buffer, after OpenSSH's sshbuf. Data lives in d[off..size);
 * writes append at size, reads advance off. Nothing grows past max.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "err.h"

struct buf {
	uint8_t	*d;
	size_t	 off;		/* first unread byte */
	size_t	 size;		/* end of data */
	size_t	 alloc;		/* bytes allocated */
	size_t	 max;		/* most bytes the buffer may ever hold */
	int	 readonly;
};

#define BUF_INITIAL	256

/* Allocates an empty buffer that may hold at most max bytes. */
struct buf *
buf_new(size_t max)
{
	struct buf	*b;

	if ((b = calloc(1, sizeof *b)) == NULL)
		return NULL;
	b->max = max;
	return b;
}

/* Allocates a read-only buffer holding a copy of data. */
struct buf *
buf_from(const void *data, size_t len)
{
	struct buf	*b;

	if ((b = buf_new(len)) == NULL)
		return NULL;
	if (len > 0 && buf_put(b, data, len) != 0) {
		buf_free(b);
		return NULL;
	}
	b->readonly = 1;
	return b;
}

/* Wipes and frees a buffer; NULL is ignored. */
void
buf_free(struct buf *b)
{
	if (b == NULL)
		return;
	if (b->d != NULL) {
		sodium_memzero(b->d, b->alloc);
		free(b->d);
	}
	free(b);
}

/* Empties a buffer, wiping what it held. */
void
buf_reset(struct buf *b)
{
	if (b->d != NULL)
		sodium_memzero(b->d, b->alloc);
	b->off = b->size = 0;
}

/* Bytes available to read. */
size_t
buf_len(const struct buf *b)
{
	return b->size - b->off;
}

/* The most bytes the buffer may hold. */
size_t
buf_max(const struct buf *b)
{
	return b->max;
}

/* Pointer to the first unread byte. */
const uint8_t *
buf_ptr(const struct buf *b)
{
	static const uint8_t	empty[1];

	if (b->d == NULL)
		return empty;
	return b->d + b->off;
}

/* Changes the maximum; fails if the buffer already holds more. */
int
buf_set_max(struct buf *b, size_t max)
{
	if (buf_len(b) > max)
		return SUS_ERR_NO_SPACE;
	b->max = max;
	return 0;
}

/* Drops len bytes from the read side. */
int
buf_consume(struct buf *b, size_t len)
{
	if (len > buf_len(b))
		return SUS_ERR_INCOMPLETE;
	b->off += len;
	if (b->off == b->size)
		b->off = b->size = 0;
	return 0;
}

/* Drops len bytes from the write side. */
int
buf_consume_end(struct buf *b, size_t len)
{
	if (len > buf_len(b))
		return SUS_ERR_INCOMPLETE;
	b->size -= len;
	return 0;
}

/* Makes room for len more bytes and points *dp at them. */
int
buf_reserve(struct buf *b, size_t len, uint8_t **dp)
{
	size_t	 need, nalloc;
	uint8_t	*nd;

	*dp = NULL;
	if (b->readonly)
		return SUS_ERR_STATE;
	/* Check against max before any arithmetic that could overflow. */
	if (len > b->max || buf_len(b) > b->max - len)
		return SUS_ERR_NO_SPACE;
	if (b->off > 0 && b->size + len > b->alloc) {
		/* Slide unread data down before growing. */
		memmove(b->d, b->d + b->off, b->size - b->off);
		b->size -= b->off;
		b->off = 0;
	}
	need = b->size + len;
	if (need > b->alloc) {
		nalloc = b->alloc == 0 ? BUF_INITIAL : b->alloc;
		while (nalloc < need)
			nalloc = nalloc > b->max / 2 ? b->max : nalloc * 2;
		if ((nd = malloc(nalloc)) == NULL)
			return SUS_ERR_ALLOC;
		if (b->d != NULL) {
			memcpy(nd, b->d, b->size);
			sodium_memzero(b->d, b->alloc);
			free(b->d);
		}
		b->d = nd;
		b->alloc = nalloc;
	}
	*dp = b->d + b->size;
	b->size += len;
	return 0;
}

/* Appends len bytes. */
int
buf_put(struct buf *b, const void *v, size_t len)
{
	uint8_t	*p;
	int	 r;

	if (len == 0)
		return 0;
	if ((r = buf_reserve(b, len, &p)) != 0)
		return r;
	memcpy(p, v, len);
	return 0;
}

/* Appends the unread contents of src. */
int
buf_putb(struct buf *dst, const struct buf *src)
{
	return buf_put(dst, buf_ptr(src), buf_len(src));
}

int
buf_put_u8(struct buf *b, uint8_t v)
{
	return buf_put(b, &v, 1);
}

int
buf_put_u16(struct buf *b, uint16_t v)
{
	uint8_t	p[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	return buf_put(b, p, sizeof p);
}

int
buf_put_u32(struct buf *b, uint32_t v)
{
	uint8_t	p[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16),
	    (uint8_t)(v >> 8), (uint8_t)v };

	return buf_put(b, p, sizeof p);
}

int
buf_put_u64(struct buf *b, uint64_t v)
{
	int	r;

	if ((r = buf_put_u32(b, (uint32_t)(v >> 32))) != 0)
		return r;
	return buf_put_u32(b, (uint32_t)v);
}

/* Appends u32 length || bytes. */
int
buf_put_string(struct buf *b, const void *v, size_t len)
{
	int	r;

	if (len > UINT32_MAX)
		return SUS_ERR_STRING_LEN;
	if (len > b->max || buf_len(b) + 4 > b->max - len)
		return SUS_ERR_NO_SPACE;
	if ((r = buf_put_u32(b, (uint32_t)len)) != 0)
		return r;
	return buf_put(b, v, len);
}

/* Appends a C string as u32 length || bytes; NULL is the empty string. */
int
buf_put_cstring(struct buf *b, const char *s)
{
	if (s == NULL)
		s = "";
	return buf_put_string(b, s, strlen(s));
}

/* Reads len bytes into v. */
int
buf_get(struct buf *b, void *v, size_t len)
{
	if (len > buf_len(b))
		return SUS_ERR_INCOMPLETE;
	if (v != NULL && len > 0)
		memcpy(v, buf_ptr(b), len);
	return buf_consume(b, len);
}

int
buf_get_u8(struct buf *b, uint8_t *v)
{
	return buf_get(b, v, 1);
}

int
buf_get_u16(struct buf *b, uint16_t *v)
{
	uint8_t	p[2];
	int	r;

	if ((r = buf_get(b, p, sizeof p)) != 0)
		return r;
	if (v != NULL)
		*v = (uint16_t)((p[0] << 8) | p[1]);
	return 0;
}

int
buf_get_u32(struct buf *b, uint32_t *v)
{
	uint8_t	p[4];
	int	r;

	if ((r = buf_get(b, p, sizeof p)) != 0)
		return r;
	if (v != NULL)
		*v = ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
		    ((uint32_t)p[2] << 8) | p[3];
	return 0;
}

int
buf_get_u64(struct buf *b, uint64_t *v)
{
	uint32_t	hi, lo;
	int		r;

	if (buf_len(b) < 8)
		return SUS_ERR_INCOMPLETE;
	if ((r = buf_get_u32(b, &hi)) != 0 || (r = buf_get_u32(b, &lo)) != 0)
		return r;
	if (v != NULL)
		*v = ((uint64_t)hi << 32) | lo;
	return 0;
}

/* Reads a u16 at offset off from the read position without consuming. */
int
buf_peek_u16(const struct buf *b, size_t off, uint16_t *v)
{
	const uint8_t	*p;

	if (off > buf_len(b) || buf_len(b) - off < 2)
		return SUS_ERR_INCOMPLETE;
	p = buf_ptr(b) + off;
	*v = (uint16_t)((p[0] << 8) | p[1]);
	return 0;
}

/* Reports whether s[0..len) is valid UTF-8 without NUL bytes. */
int
utf8_valid(const void *v, size_t len)
{
	const uint8_t	*s = v;
	size_t		 i = 0, n, k;
	uint32_t	 cp;

	while (i < len) {
		if (s[i] == 0)
			return 0;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((s[i] & 0xe0) == 0xc0) {
			n = 1;
			cp = s[i] & 0x1f;
		} else if ((s[i] & 0xf0) == 0xe0) {
			n = 2;
			cp = s[i] & 0x0f;
		} else if ((s[i] & 0xf8) == 0xf0) {
			n = 3;
			cp = s[i] & 0x07;
		} else
			return 0;
		if (len - i <= n)
			return 0;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		/* Reject overlong forms, surrogates and values past U+10FFFF. */
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
		    (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += n + 1;
	}
	return 1;
}

/* Reads u32 length || bytes as a new NUL-terminated, validated string. */
int
buf_get_cstring(struct buf *b, char **sp, size_t *lenp, size_t maxlen)
{
	uint32_t	 len;
	uint16_t	 hi, lo;
	char		*s;

	*sp = NULL;
	if (lenp != NULL)
		*lenp = 0;
	if (buf_peek_u16(b, 0, &hi) != 0 || buf_peek_u16(b, 2, &lo) != 0)
		return SUS_ERR_INCOMPLETE;
	len = ((uint32_t)hi << 16) | lo;
	if (len > maxlen)
		return SUS_ERR_STRING_LEN;
	/* The length must be covered by bytes present before we allocate. */
	if (buf_len(b) - 4 < len)
		return SUS_ERR_INCOMPLETE;
	if (!utf8_valid(buf_ptr(b) + 4, len))
		return SUS_ERR_UTF8;
	if ((s = malloc((size_t)len + 1)) == NULL)
		return SUS_ERR_ALLOC;
	memcpy(s, buf_ptr(b) + 4, len);
	s[len] = '\0';
	(void)buf_consume(b, (size_t)len + 4);
	*sp = s;
	if (lenp != NULL)
		*lenp = len;
	return 0;
}
