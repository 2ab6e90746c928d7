/*
 * libFuzzer target: every message decoder. The first two bytes choose the
 * type; the rest is the body. A decoded message must re-encode to the same
 * bytes, since the codec is one table for both directions.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "msg.h"
#include "proto.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const uint16_t types[] = {
	MSG_LOGIN, MSG_LOGIN_OK, MSG_PING, MSG_PONG, MSG_BYE, MSG_ERR, MSG_OK,
	MSG_SAMORG_SEARCH, MSG_SAMORG_LIST
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct buf	*in, *out;
	uint16_t	 type;
	uint8_t		*m;

	if (len < 1)
		return 0;
	type = types[data[0] % (sizeof types / sizeof types[0])];
	if ((in = buf_from(data + 1, len - 1)) == NULL)
		return 0;
	m = calloc(1, msg_size(type) + 1);
	if (msg_decode(type, in, m) == 0) {
		out = buf_new(SUS_MSG_MAX);
		if (msg_encode(type, m, out) != 0 || buf_len(out) != len - 1 ||
		    memcmp(buf_ptr(out), data + 1, len - 1) != 0)
			__builtin_trap();
		buf_free(out);
	}
	msg_clear(type, m);
	free(m);
	buf_free(in);
	return 0;
}
