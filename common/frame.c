/*
 * Incremental u16 length-prefixed frames. The length is checked against
 * the limits as soon as its two bytes are in, so a bad length fails before
 * any body is awaited; the body buffer is fixed, so nothing the peer says
 * causes an allocation.
 */
#include <string.h>

#include "buf.h"
#include "err.h"
#include "frame.h"

/* Prepares a reader that accepts bodies of min..max bytes. */
void
frame_reader_init(struct frame_reader *fr, size_t min, size_t max)
{
	memset(fr, 0, sizeof *fr);
	frame_reader_limits(fr, min, max);
}

/* Changes the accepted body lengths for the next frame. */
void
frame_reader_limits(struct frame_reader *fr, size_t min, size_t max)
{
	if (max > sizeof fr->body)
		max = sizeof fr->body;
	fr->min = min;
	fr->max = max;
}

/* Consumes bytes until one frame is complete; see frame.h. */
int
frame_reader_feed(struct frame_reader *fr, const uint8_t *data, size_t len,
    size_t *used, const uint8_t **body, size_t *blen)
{
	size_t	n, take;

	*used = 0;
	*body = NULL;
	*blen = 0;
	n = 0;
	if (fr->hdr_have == 2 && fr->have == fr->need) {
		/* The previous frame was handed out; start a new one. */
		fr->hdr_have = fr->need = fr->have = 0;
	}
	while (fr->hdr_have < 2 && n < len)
		fr->hdr[fr->hdr_have++] = data[n++];
	if (fr->hdr_have < 2) {
		*used = n;
		return 0;
	}
	if (fr->need == 0 && fr->have == 0) {
		fr->need = (size_t)((fr->hdr[0] << 8) | fr->hdr[1]);
		if (fr->need < fr->min || fr->need > fr->max) {
			*used = n;
			return SUS_ERR_FRAME_LEN;
		}
	}
	take = fr->need - fr->have;
	if (take > len - n)
		take = len - n;
	memcpy(fr->body + fr->have, data + n, take);
	fr->have += take;
	n += take;
	*used = n;
	if (fr->have < fr->need)
		return 0;
	*body = fr->body;
	*blen = fr->need;
	return 1;
}

/* True when the reader holds part of a frame. */
int
frame_reader_partial(const struct frame_reader *fr)
{
	if (fr->hdr_have == 0)
		return 0;
	if (fr->hdr_have == 2 && fr->have == fr->need)
		return 0;
	return 1;
}

/* Appends u16 len || body to out. */
int
frame_write(struct buf *out, const uint8_t *body, size_t len)
{
	int	r;

	if (len > 65535)
		return SUS_ERR_FRAME_LEN;
	if ((r = buf_put_u16(out, (uint16_t)len)) != 0)
		return r;
	return buf_put(out, body, len);
}
