/*
 * Incremental u16 length-prefixed frames. No I/O happens here: bytes are
 * fed in as they arrive and complete frames are taken out.
 */
#ifndef SUS_FRAME_H
#define SUS_FRAME_H

#include <stddef.h>
#include <stdint.h>

struct buf;

struct frame_reader {
	uint8_t		 hdr[2];
	size_t		 hdr_have;
	size_t		 need;		/* body length from the header */
	size_t		 have;		/* body bytes received */
	size_t		 min;		/* shortest acceptable body */
	size_t		 max;		/* longest acceptable body */
	uint8_t		 body[65535];
};

/* Prepares a reader that accepts bodies of min..max bytes (max ≤ 65535). */
void	frame_reader_init(struct frame_reader *, size_t min, size_t max);
void	frame_reader_limits(struct frame_reader *, size_t min, size_t max);
/*
 * Consumes bytes from data[0..len), stopping after one complete frame.
 * *used gets how many bytes were taken. Returns 1 when a frame is complete
 * (then *body and *blen point into the reader, valid until the next call),
 * 0 when more bytes are needed, SUS_ERR_FRAME_LEN for a bad length.
 */
int	frame_reader_feed(struct frame_reader *, const uint8_t *data,
	    size_t len, size_t *used, const uint8_t **body, size_t *blen);
/* True when the reader holds part of a frame. */
int	frame_reader_partial(const struct frame_reader *);
/* Appends u16 len || body to out. */
int	frame_write(struct buf *out, const uint8_t *body, size_t len);

#endif
