/* libFuzzer target: the incremental frame reader, fed in random pieces. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "err.h"
#include "frame.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct frame_reader fr;
	const uint8_t	*body;
	size_t		 used, blen, off = 0, step;
	int		 r;

	if (len < 1)
		return 0;
	/* The first byte chooses how the rest is split across reads. */
	step = (size_t)(data[0] % 7) + 1;
	data++;
	len--;
	frame_reader_init(&fr, 16, 65535);
	while (off < len) {
		size_t n = len - off < step ? len - off : step;
		r = frame_reader_feed(&fr, data + off, n, &used, &body, &blen);
		if (r < 0)
			break;
		if (used > n)
			__builtin_trap();
		if (r == 1 && (blen < 16 || blen > 65535))
			__builtin_trap();
		off += used;
		if (used == 0 && r == 0)
			break;
	}
	return 0;
}
