/*
 * libFuzzer target for the susd.conf parser: any input must either fail
 * cleanly with an error and an empty struct, or parse into settings whose
 * dump parses back to the same dump.
 *
 *	clang -fsanitize=fuzzer,address,undefined -std=c11 -D_GNU_SOURCE \
 *	    -Icommon -Iserver tests/fuzz/fuzz_config.c server/config.c \
 *	    common/xmalloc.c common/log.c common/err.c -lsodium
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "err.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Dumps c into a malloc'd string. */
static char *
fuzz_dump(const struct config *c)
{
	char	*out = NULL;
	size_t	 len = 0;
	FILE	*fp;

	if ((fp = open_memstream(&out, &len)) == NULL)
		abort();
	config_dump(c, fp);
	if (fclose(fp) != 0)
		abort();
	return out;
}

/* Parses one input and checks the round trip through config_dump(). */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config	 c, d;
	char		 err[512], *one, *two, *opt;

	if (config_parse((const char *)data, size, &c, err, sizeof err) != 0) {
		/* A failure leaves nothing behind and always says why. */
		if (c.listen != NULL || err[0] == '\0')
			abort();
	} else {
		one = fuzz_dump(&c);
		if (config_parse(one, strlen(one), &d, err, sizeof err) != 0)
			abort();
		two = fuzz_dump(&d);
		if (strcmp(one, two) != 0)
			abort();
		free(one);
		free(two);
		config_free(&d);
		config_free(&c);
	}

	/* The same bytes as a -o override. */
	if ((opt = malloc(size + 1)) == NULL)
		abort();
	memcpy(opt, data, size);
	opt[size] = '\0';
	config_defaults(&c);
	(void)config_set_option(&c, opt, err, sizeof err);
	config_free(&c);
	free(opt);
	return 0;
}
