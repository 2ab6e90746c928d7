/*
 * sus import (issue 7): non-interactive CSV import. To be written.
 */
#include <stdio.h>

#include "client.h"

/* sus import [flaggor] [användare@]server[:port] FIL; argv[0] is "import". */
int
import_main(int argc, char **argv)
{
	fprintf(stderr, "sus import: inte byggt ännu\n");
	return 2;
}
