/*
 * The CSV writer for Swedish Excel; see csvw.h for the format and why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvw.h"

/* Largest scale csvw_decimal() takes: 10^18 still fits a long long. */
#define CSVW_SCALE_MAX	18

struct csvw {
	FILE	*fp;
	int	 nfields;	/* in the record being written */
	int	 failed;
};

/* Characters that make Excel read a cell as a formula. */
static const char csvw_formula[] = "=+-@\t\r";

struct csvw *
csvw_open(FILE *fp)
{
	struct csvw	*w;

	if ((w = calloc(1, sizeof *w)) == NULL)
		return NULL;
	w->fp = fp;
	if (fputs("\xef\xbb\xbf", fp) == EOF)
		w->failed = 1;
	return w;
}

/* Writes the separator before every field but the first of a record. */
static void
csvw_sep(struct csvw *w)
{
	if (w->nfields++ > 0 && putc(';', w->fp) == EOF)
		w->failed = 1;
}

/* Reports whether text must be quoted. */
static int
csvw_needs_quotes(const char *s)
{
	size_t	len = strlen(s);

	if (len > 0 && (s[0] == ' ' || s[len - 1] == ' '))
		return 1;
	return strpbrk(s, ";\"\r\n") != NULL;
}

void
csvw_text(struct csvw *w, const char *s)
{
	int	quote;

	csvw_sep(w);
	if (s == NULL)
		s = "";
	quote = csvw_needs_quotes(s) || (s[0] != '\0' &&
	    strchr(csvw_formula, s[0]) != NULL);
	if (quote && putc('"', w->fp) == EOF)
		w->failed = 1;
	if (s[0] != '\0' && strchr(csvw_formula, s[0]) != NULL &&
	    putc('\'', w->fp) == EOF)
		w->failed = 1;
	for (; *s != '\0'; s++) {
		if (*s == '"' && quote && putc('"', w->fp) == EOF)
			w->failed = 1;
		if (putc((unsigned char)*s, w->fp) == EOF)
			w->failed = 1;
	}
	if (quote && putc('"', w->fp) == EOF)
		w->failed = 1;
}

void
csvw_integer(struct csvw *w, long long v)
{
	csvw_sep(w);
	if (fprintf(w->fp, "%lld", v) < 0)
		w->failed = 1;
}

void
csvw_decimal(struct csvw *w, long long v, int scale)
{
	unsigned long long	 a, div = 1;
	int			 i;

	if (scale <= 0 || scale > CSVW_SCALE_MAX) {
		csvw_integer(w, v);
		return;
	}
	csvw_sep(w);
	for (i = 0; i < scale; i++)
		div *= 10;
	/* The magnitude without overflow, LLONG_MIN included. */
	a = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	if (fprintf(w->fp, "%s%llu,%0*llu", v < 0 ? "-" : "", a / div, scale,
	    a % div) < 0)
		w->failed = 1;
}

void
csvw_empty(struct csvw *w)
{
	csvw_sep(w);
}

void
csvw_end(struct csvw *w)
{
	if (fputs("\r\n", w->fp) == EOF)
		w->failed = 1;
	w->nfields = 0;
}

int
csvw_close(struct csvw *w)
{
	int	rv;

	if (w == NULL)
		return -1;
	if (fflush(w->fp) == EOF || ferror(w->fp))
		w->failed = 1;
	rv = w->failed ? -1 : 0;
	free(w);
	return rv;
}
