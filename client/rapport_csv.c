/*
 * A report as CSV for Swedish Excel (common/csvw.c: BOM, ';', CRLF,
 * decimal comma), the same bytes from the report screen's Exportera and
 * from `sus report --csv`:
 *
 *	titel
 *	urval
 *	Skapad: YYYY-MM-DD HH:MM
 *	(empty line)
 *	Grupp;<the columns' titles>
 *	<grupp>;<namn>;<figures>	one per row; ".." hidden, "" empty
 *	(empty line)
 *	<footnotes>			one per line
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "csvw.h"
#include "proto.h"
#include "rapport.h"

int
rapport_csv_fp(const struct msg_rapport *r, FILE *fp)
{
	const struct rapport_rad_row	*rad;
	const struct rapport_cell_row	*c;
	struct csvw			*w;
	char				 line[160];
	uint32_t			 i, k;

	if ((w = csvw_open(fp)) == NULL)
		return -1;
	csvw_text(w, r->titel);
	csvw_end(w);
	csvw_text(w, r->urval);
	csvw_end(w);
	snprintf(line, sizeof line, "Skapad: %s", r->skapad);
	csvw_text(w, line);
	csvw_end(w);
	csvw_end(w);
	csvw_text(w, "Grupp");
	for (k = 0; k < r->nkol; k++)
		csvw_text(w, r->kol[k].titel);
	csvw_end(w);
	for (i = 0; i < r->nrader; i++) {
		rad = &r->rader[i];
		csvw_text(w, rad->grupp);
		csvw_text(w, rad->namn);
		for (k = 1; k < r->nkol; k++) {
			if (k - 1 >= rad->nceller) {
				csvw_empty(w);
				continue;
			}
			c = &rad->celler[k - 1];
			if (c->flagga == RAPPORT_C_DOLD)
				csvw_text(w, "..");
			else if (c->flagga == RAPPORT_C_TOM)
				csvw_empty(w);
			else
				csvw_decimal(w, c->varde, r->kol[k].skala);
		}
		csvw_end(w);
	}
	if (r->nfotnoter > 0)
		csvw_end(w);
	for (i = 0; i < r->nfotnoter; i++) {
		csvw_text(w, r->fotnoter[i].text);
		csvw_end(w);
	}
	return csvw_close(w);
}

int
rapport_csv_write(const struct msg_rapport *r, const char *path, char *why,
    size_t len)
{
	FILE	*fp;
	int	 rv, e;

	if ((fp = fopen(path, "w")) == NULL) {
		snprintf(why, len, "Kan inte skriva %s: %s.", path,
		    strerror(errno));
		return -1;
	}
	rv = rapport_csv_fp(r, fp);
	e = ferror(fp) ? errno : 0;
	if (fclose(fp) != 0 && rv == 0) {
		e = errno;
		rv = -1;
	}
	if (rv != 0) {
		snprintf(why, len, "Filen %s blev inte hel: %s.", path,
		    strerror(e != 0 ? e : EIO));
		return -1;
	}
	return 0;
}
