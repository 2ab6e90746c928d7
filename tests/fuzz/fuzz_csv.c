/*
 * libFuzzer target for the CSV reader (common/csv.c) that sus import
 * reads its files with: any bytes must give records or per-record
 * errors, never a crash; every field handed out is valid UTF-8, no
 * record has more fields than the limit, line numbers never go back,
 * the reader's memory never changes, and the file ends in a bounded
 * number of calls.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csv.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv		*c;
	struct csv_record	 r;
	FILE			*fp;
	size_t			 mem, calls = 0, i;
	long			 line = 0;
	int			 rv;

	if (size == 0)
		return 0;
	if ((fp = fmemopen((void *)(uintptr_t)data, size, "r")) == NULL)
		abort();
	c = csv_open_file(fp);
	mem = csv_memory(c);
	while ((rv = csv_next(c, &r)) != 0) {
		/* Each call consumes at least one byte or ends the file. */
		if (++calls > size + 2)
			abort();
		if (r.line < line)
			abort();
		line = r.line;
		if (rv > 0) {
			if (r.nfields > CSV_FIELDS_MAX)
				abort();
			for (i = 0; i < r.nfields; i++) {
				if (!utf8_valid(r.field[i], strlen(r.field[i])))
					abort();
			}
		} else if (csv_strerror(rv) == NULL)
			abort();
		if (csv_memory(c) != mem)
			abort();
	}
	csv_free(c);
	fclose(fp);
	return 0;
}
