/*
 * libFuzzer target: the handshake as either end sees it, with fixed keys.
 * The first byte picks the role: even feeds the rest to a server from its
 * first byte (preamble, message 1, message 3), odd to a client that has
 * sent its preamble and message 1 (server preamble, message 2). Output is
 * thrown away as if written, so the early-bytes rule does not stop the
 * fuzzer at the first frame.
 *
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 \
 *	    -D_GNU_SOURCE -DSUS_TEST_HOOKS -Icommon tests/fuzz/fuzz_handshake.c \
 *	    common/chan.c common/chan_hello.c common/noise.c common/buf.c \
 *	    common/frame.c \
 *	    common/xmalloc.c common/log.c common/err.c -lsodium \
 *	    -o tests/bin/fuzz_handshake
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "chan.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const uint8_t	fz_static[NOISE_KEY_LEN] = {
	0x4a, 0x3a, 0xcb, 0xfd, 0xb1, 0x63, 0xde, 0xc6, 0x51, 0xdf, 0xa3,
	0x19, 0x4d, 0xec, 0xe6, 0x76, 0xd4, 0x37, 0x02, 0x9c, 0x62, 0xa4,
	0x08, 0xb4, 0xc5, 0xea, 0x91, 0x14, 0x24, 0x6e, 0x48, 0x93
};
static const uint8_t	fz_ephemeral[NOISE_KEY_LEN] = {
	0xbb, 0xdb, 0x4c, 0xdb, 0xd3, 0x09, 0xf1, 0xa1, 0xf2, 0xe1, 0x45,
	0x69, 0x67, 0xfe, 0x28, 0x8c, 0xad, 0xd6, 0xf7, 0x12, 0xd6, 0x5d,
	0xc7, 0xb7, 0x79, 0x3d, 0x5e, 0x63, 0xda, 0x6b, 0x37, 0x5b
};

/* Feeds one input to a fresh channel. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chan	*c;
	struct chan_msg	 m;
	size_t		 off = 0, used, step;
	int		 client;

	if (size == 0)
		return 0;
	client = data[0] & 1;
	/* The second byte, if any, sets the size of each read. */
	step = size > 1 && data[1] != 0 ? data[1] : size;
	off = size > 1 ? 2 : 1;
	c = chan_new(client ? CHAN_CLIENT : CHAN_SERVER, fz_static, "fuzz");
	if (c == NULL)
		return 0;
	chan_test_set_ephemeral(c, fz_ephemeral);
	if (client && chan_start(c) != 0)
		goto out;
	buf_reset(chan_output(c));
	while (off < size) {
		if (chan_input(c, data + off, size - off < step ? size - off :
		    step, &used) != 0)
			break;
		off += used;
		buf_reset(chan_output(c));
		if (chan_state(c) == CHAN_VERIFY) {
			(void)chan_remote_static(c);
			if (chan_accept(c) != 0)
				break;
			buf_reset(chan_output(c));
		}
		while (chan_recv(c, &m) == 1)
			buf_free(m.body);
	}
out:
	chan_free(c);
	return 0;
}
