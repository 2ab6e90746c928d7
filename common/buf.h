/*
 * Bounded byte buffer in the style of OpenSSH's sshbuf: every put checks the
 * buffer's maximum, every get checks bounds, and all return 0 or a negative
 * SUS_ERR_* code. Integers are big-endian. Memory is wiped when freed.
 */
#ifndef SUS_BUF_H
#define SUS_BUF_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* Allocates an empty buffer that may hold at most max bytes. */
struct buf	*buf_new(size_t max);
/* Allocates a read-only buffer holding a copy of data. */
struct buf	*buf_from(const void *data, size_t len);
/* Wipes and frees a buffer; NULL is ignored. */
void		 buf_free(struct buf *);
/* Empties a buffer, wiping what it held. */
void		 buf_reset(struct buf *);

size_t		 buf_len(const struct buf *);	/* bytes available to read */
size_t		 buf_max(const struct buf *);
const uint8_t	*buf_ptr(const struct buf *);	/* first unread byte */
int		 buf_set_max(struct buf *, size_t);

/* Drops len bytes from the front (read side) or back (write side). */
int		 buf_consume(struct buf *, size_t len);
int		 buf_consume_end(struct buf *, size_t len);

/* Makes room for len more bytes and points *dp at them. */
int		 buf_reserve(struct buf *, size_t len, uint8_t **dp);

int		 buf_put(struct buf *, const void *, size_t);
int		 buf_putb(struct buf *dst, const struct buf *src);
int		 buf_put_u8(struct buf *, uint8_t);
int		 buf_put_u16(struct buf *, uint16_t);
int		 buf_put_u32(struct buf *, uint32_t);
int		 buf_put_u64(struct buf *, uint64_t);
/* u32 length || bytes. */
int		 buf_put_string(struct buf *, const void *, size_t);
int		 buf_put_cstring(struct buf *, const char *);

int		 buf_get(struct buf *, void *, size_t);
int		 buf_get_u8(struct buf *, uint8_t *);
int		 buf_get_u16(struct buf *, uint16_t *);
int		 buf_get_u32(struct buf *, uint32_t *);
int		 buf_get_u64(struct buf *, uint64_t *);
int		 buf_peek_u16(const struct buf *, size_t off, uint16_t *);
/*
 * Reads u32 length || bytes as a NUL-terminated, newly allocated string.
 * Fails with SUS_ERR_STRING_LEN past maxlen and SUS_ERR_UTF8 unless the
 * bytes are valid UTF-8 without NUL. The length is checked against the
 * bytes present before anything is allocated.
 */
int		 buf_get_cstring(struct buf *, char **, size_t *lenp,
		     size_t maxlen);

/* Reports whether s[0..len) is valid UTF-8 without NUL bytes. */
int		 utf8_valid(const void *s, size_t len);

#endif
