/*
 * libFuzzer target for the known_servers parser: any file content must give
 * one of the three verdicts, never a crash, and a text that pins the key
 * must still match whatever garbage comes before it.
 *
 *	clang -fsanitize=fuzzer,address,undefined -std=c11 -D_GNU_SOURCE \
 *	    -Icommon -Iserver tests/fuzz/fuzz_known.c common/known.c \
 *	    common/err.c -lsodium
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "known.h"

#define FUZZ_HOST	"sus.example.org:4646"
/* Standard base64 of the bytes 0, 1, ..., 31. */
#define FUZZ_ENTRY	"\n" FUZZ_HOST " sus-x25519 " \
			"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Checks one input as a pin file, then with a good entry appended. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t	 key[32], other[32];
	char	*t;
	size_t	 i, elen = strlen(FUZZ_ENTRY);
	int	 r;

	for (i = 0; i < sizeof key; i++) {
		key[i] = (uint8_t)i;
		other[i] = (uint8_t)(i + 1);
	}
	r = known_check_text((const char *)data, size, FUZZ_HOST, key);
	if (r != KNOWN_MATCH && r != KNOWN_NONE && r != KNOWN_MISMATCH)
		abort();

	if ((t = malloc(size + elen)) == NULL)
		abort();
	memcpy(t, data, size);
	memcpy(t + size, FUZZ_ENTRY, elen);
	if (known_check_text(t, size + elen, FUZZ_HOST, key) != KNOWN_MATCH)
		abort();
	r = known_check_text(t, size + elen, FUZZ_HOST, other);
	if (r != KNOWN_MATCH && r != KNOWN_MISMATCH)
		abort();
	free(t);
	return 0;
}
