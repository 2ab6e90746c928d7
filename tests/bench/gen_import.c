/*
 * make bench, issue 7: writes the inregistrering CSV that sus import
 * reads (header row, ";", CRLF), rows first..first+n-1 of rows.h, to
 * stdout, streaming: memory does not grow with n.
 *
 *	bench_gen pnrfile idsfile first n > file.csv
 */
#include <stdio.h>
#include <stdlib.h>

#include "rows.h"

int
main(int argc, char **argv)
{
	struct bench_set	 set;
	struct bench_row	 r;
	char			 line[512];
	long			 first, n, i;

	if (argc != 5) {
		fprintf(stderr, "usage: bench_gen pnrfile idsfile first n\n");
		return 2;
	}
	bench_set_load(&set, argv[1], argv[2]);
	first = atol(argv[3]);
	n = atol(argv[4]);
	fputs(bench_csv_header(), stdout);
	for (i = first; i < first + n; i++) {
		bench_row(&set, i, &r);
		bench_csv_row(&r, line, sizeof line);
		fputs(line, stdout);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		bench_die("cannot write the CSV");
	free(set.insats);
	return 0;
}
