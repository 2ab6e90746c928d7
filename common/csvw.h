/*
 * A CSV writer for files that open correctly in Swedish Excel: UTF-8 with
 * a byte-order mark (without it Excel reads Windows-1252 and åäö break),
 * ';' between fields (Swedish Excel's list separator; ',' is the decimal
 * comma), CRLF line ends, and numbers with a decimal comma. For report
 * exports (sus report --csv, the report screens).
 *
 *	struct csvw	*w = csvw_open(fp);
 *
 *	csvw_text(w, "Insats");
 *	csvw_text(w, "Andel");
 *	csvw_end(w);
 *	csvw_text(w, name);
 *	csvw_decimal(w, 125, 1);	(12,5)
 *	csvw_end(w);
 *	if (csvw_close(w) != 0)
 *		the file is incomplete: say so
 *
 * Text is quoted when it holds ';', '"', a line break, or space at either
 * end; inside quotes '"' is doubled (RFC 4180). Text that Excel would
 * take for a formula (starting with '=', '+', '-', '@', tab or CR) gets
 * a leading apostrophe, which Excel shows as text: a name typed into SUS
 * must never run as a formula on a reader's machine (CSV injection).
 * Numbers written with csvw_integer() and csvw_decimal() are never
 * quoted or prefixed.
 */
#ifndef SUS_CSVW_H
#define SUS_CSVW_H

#include <stdio.h>

struct csvw;

/* Writes the byte-order mark; NULL only if memory ran out. */
struct csvw	*csvw_open(FILE *);
void		 csvw_text(struct csvw *, const char *utf8);
void		 csvw_integer(struct csvw *, long long);
/* value / 10^scale with a decimal comma: (125, 1) is "12,5". */
void		 csvw_decimal(struct csvw *, long long value, int scale);
/* An empty cell (a suppressed or missing figure is text, not this). */
void		 csvw_empty(struct csvw *);
/* Ends the record with CRLF. */
void		 csvw_end(struct csvw *);
/*
 * Flushes and frees; 0, or -1 when any write failed (the stream's error
 * stays set for the caller to report). Does not close the FILE.
 */
int		 csvw_close(struct csvw *);

#endif
