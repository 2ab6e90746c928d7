/*
 * The hello payload each side sends inside the encrypted handshake
 * (chan.h, struct chan_hello): its encoding and its strict decoding.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "chan.h"
#include "chan_int.h"
#include "err.h"
#include "proto.h"

/* Encodes this side's hello: version, minor, max message, time. */
int
chan_hello_encode(const char *version, struct buf **bp)
{
	struct buf	*b;
	int		 r;

	*bp = NULL;
	if ((b = buf_new(SUS_HS_MSG_MAX)) == NULL)
		return SUS_ERR_ALLOC;
	if ((r = buf_put_cstring(b, version)) != 0 ||
	    (r = buf_put_u8(b, SUS_PROTO_MINOR)) != 0 ||
	    (r = buf_put_u32(b, SUS_MSG_MAX)) != 0 ||
	    (r = buf_put_u64(b, (uint64_t)time(NULL))) != 0) {
		buf_free(b);
		return r;
	}
	*bp = b;
	return 0;
}

/* Decodes a peer's hello, which must be consumed exactly. */
int
chan_hello_decode(const uint8_t *p, size_t len, struct chan_hello *h)
{
	struct buf	*b;
	char		*s = NULL;
	size_t		 slen;
	int		 r;

	memset(h, 0, sizeof *h);
	if ((b = buf_from(p, len)) == NULL)
		return SUS_ERR_ALLOC;
	if ((r = buf_get_cstring(b, &s, &slen, sizeof h->version - 1)) != 0)
		goto out;
	memcpy(h->version, s, slen + 1);
	if ((r = buf_get_u8(b, &h->minor)) != 0 ||
	    (r = buf_get_u32(b, &h->max_message)) != 0 ||
	    (r = buf_get_u64(b, &h->time)) != 0)
		goto out;
	if (buf_len(b) != 0)
		r = SUS_ERR_TRAILING;
out:
	free(s);
	buf_free(b);
	return r;
}
