/*
 * libFuzzer target: the transport record layer of an open server channel.
 * A client and server with fixed keys shake hands in memory; the input is
 * then a list of operations, each "u8 op || u16 len || len bytes":
 *	op 0	the bytes are one record plaintext (header and body), which
 *		the client encrypts as a frame: record parsing and MORE
 *		reassembly behind a valid tag
 *	op 1	the bytes go to the server raw: framing and decryption
 *	op 2	the server's maximum message becomes 16 * len
 *	op 3	the client sends the bytes as a message through chan_send
 *
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 \
 *	    -D_GNU_SOURCE -DSUS_TEST_HOOKS -Icommon tests/fuzz/fuzz_record.c \
 *	    common/chan.c common/chan_hello.c common/noise.c common/buf.c \
 *	    common/frame.c \
 *	    common/xmalloc.c common/log.c common/err.c -lsodium \
 *	    -o tests/bin/fuzz_record
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "chan.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int	fz_pump(struct chan *, struct chan *);

static const uint8_t	fz_key[2][NOISE_KEY_LEN] = {
	{ 0xe6, 0x1e, 0xf9, 0x91, 0x9c, 0xde, 0x45, 0xdd, 0x5f, 0x82, 0x16,
	  0x64, 0x04, 0xbd, 0x08, 0xe3, 0x8b, 0xce, 0xb5, 0xdf, 0xdf, 0xde,
	  0xd0, 0xa3, 0x4c, 0x8d, 0xf7, 0xed, 0x54, 0x22, 0x14, 0xd1 },
	{ 0x4a, 0x3a, 0xcb, 0xfd, 0xb1, 0x63, 0xde, 0xc6, 0x51, 0xdf, 0xa3,
	  0x19, 0x4d, 0xec, 0xe6, 0x76, 0xd4, 0x37, 0x02, 0x9c, 0x62, 0xa4,
	  0x08, 0xb4, 0xc5, 0xea, 0x91, 0x14, 0x24, 0x6e, 0x48, 0x93 }
};

/* Moves from's output into to; returns chan_input's result. */
static int
fz_pump(struct chan *from, struct chan *to)
{
	struct buf	*out = chan_output(from);
	size_t		 used;
	int		 r;

	r = chan_input(to, buf_ptr(out), buf_len(out), &used);
	buf_reset(out);
	return r;
}

/* Runs one list of operations against a freshly opened pair. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chan	*c, *s;
	struct chan_msg	 m;
	size_t		 off = 0, len, used;
	uint8_t		 op;

	c = chan_new(CHAN_CLIENT, fz_key[0], "fuzz client");
	s = chan_new(CHAN_SERVER, fz_key[1], "fuzz server");
	if (c == NULL || s == NULL)
		goto out;
	if (chan_start(c) != 0 || fz_pump(c, s) != 0 || fz_pump(s, c) != 0 ||
	    chan_accept(c) != 0 || fz_pump(c, s) != 0 ||
	    chan_state(s) != CHAN_OPEN)
		__builtin_trap();	/* the good path must always work */
	while (size - off >= 3) {
		op = data[off] & 3;
		len = (size_t)(data[off + 1] << 8 | data[off + 2]);
		off += 3;
		if (len > size - off)
			len = size - off;
		if (op == 0) {
			if (chan_test_send_raw(c, data + off, len) != 0 ||
			    fz_pump(c, s) != 0)
				break;
		} else if (op == 1) {
			if (chan_input(s, data + off, len, &used) != 0)
				break;
		} else if (op == 2)
			chan_set_max_message(s, len * 16);
		else {
			if (chan_send(c, (uint16_t)len, (uint32_t)off,
			    data + off, len) == 0 && fz_pump(c, s) != 0)
				break;
		}
		off += len;
		while (chan_recv(s, &m) == 1)
			buf_free(m.body);
		(void)chan_partial(s);
	}
out:
	chan_free(c);
	chan_free(s);
	return 0;
}
