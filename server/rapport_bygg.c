/*
 * Reports: the builder (rapport.h). A rapporttyp declares its columns,
 * then adds rows and fills each row's cells in column order; everything
 * lands in c->out, which the engine hides small counts in, sends and
 * frees with rapport_clear().
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "rapport.h"
#include "xmalloc.h"

/* Most footnotes a result has (the message's cap). */
#define RAPPORT_FOTNOT_MAX	20
/* Bytes of a title or name (the message's SHORT_MAX). */
#define RAPPORT_NAMN_MAX	400

/* A copy of s cut to max bytes, never inside a UTF-8 character. */
static char *
rapport_strdup(const char *s, size_t max)
{
	size_t	n = strlen(s);

	if (n <= max)
		return xstrdup(s);
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return xstrndup(s, n);
}

/* Adds a column; its index, or -1 after the rows began or when full. */
int
rapport_kol(struct rapport_ctx *c, const char *titel, int slag, int skala)
{
	struct rapport_kol_row	*k;

	if (c->out.nrader > 0 || c->out.nkol > RAPPORT_KOL_MAX)
		return -1;
	if (c->out.kol == NULL)
		c->out.kol = xcalloc(RAPPORT_KOL_MAX + 1, sizeof *c->out.kol);
	k = &c->out.kol[c->out.nkol];
	k->titel = rapport_strdup(titel, RAPPORT_NAMN_MAX);
	k->slag = (uint8_t)slag;
	k->skala = (uint8_t)skala;
	return (int)c->out.nkol++;
}

/* Adds a row of empty cells; its index, or -1 when the table is full. */
int
rapport_rad(struct rapport_ctx *c, const char *grupp, const char *namn,
    int summa)
{
	struct rapport_rad_row	*r;
	uint32_t		 i, n;

	if (c->out.nrader >= RAPPORT_RADER_MAX) {
		c->for_manga = 1;
		return -1;
	}
	if (c->out.nrader == c->krad) {
		c->krad = c->krad == 0 ? 64 : c->krad * 2;
		if (c->krad > RAPPORT_RADER_MAX)
			c->krad = RAPPORT_RADER_MAX;
		c->out.rader = xreallocarray(c->out.rader, c->krad,
		    sizeof *c->out.rader);
		c->radinfo = xreallocarray(c->radinfo, c->krad,
		    sizeof *c->radinfo);
	}
	c->radinfo[c->out.nrader].utanfor = 0;
	c->radinfo[c->out.nrader].slag = RAPPORT_UTANFOR_DEL;
	c->radinfo[c->out.nrader].foralder = -1;
	r = &c->out.rader[c->out.nrader];
	memset(r, 0, sizeof *r);
	r->grupp = rapport_strdup(grupp, RAPPORT_NAMN_MAX);
	r->namn = rapport_strdup(namn, RAPPORT_NAMN_MAX);
	r->summa = summa != 0;
	n = c->out.nkol > 0 ? c->out.nkol - 1 : 0;
	r->nceller = n;
	r->celler = xcalloc(n > 0 ? n : 1, sizeof *r->celler);
	for (i = 0; i < n; i++)
		r->celler[i].flagga = RAPPORT_C_TOM;
	c->ncell = 0;
	return (int)c->out.nrader++;
}

/*
 * Adds a row outside its unit's total, a part of row foralder (or one of
 * its breakdown, slag); foralder counts only when it is an earlier row
 * of the same grupp.
 */
int
rapport_rad_utanfor(struct rapport_ctx *c, const char *grupp,
    const char *namn, int foralder, int slag)
{
	int	r;

	if ((r = rapport_rad(c, grupp, namn, 0)) < 0)
		return -1;
	c->radinfo[r].utanfor = 1;
	c->radinfo[r].slag = slag == RAPPORT_UTANFOR_UPPDELNING ?
	    RAPPORT_UTANFOR_UPPDELNING : RAPPORT_UTANFOR_DEL;
	if (foralder >= 0 && foralder < r &&
	    strcmp(c->out.rader[foralder].grupp, c->out.rader[r].grupp) == 0)
		c->radinfo[r].foralder = foralder;
	return r;
}

/* The next cell of the last row, or NULL when the row is full. */
static struct rapport_cell_row *
rapport_nasta(struct rapport_ctx *c)
{
	struct rapport_rad_row	*r;

	if (c->out.nrader == 0)
		return NULL;
	r = &c->out.rader[c->out.nrader - 1];
	if (c->ncell >= r->nceller)
		return NULL;
	return &r->celler[c->ncell++];
}

/* Fills the next cell of the last row with a figure. */
void
rapport_cell(struct rapport_ctx *c, int64_t varde)
{
	struct rapport_cell_row	*cell;

	if ((cell = rapport_nasta(c)) == NULL)
		return;
	cell->varde = varde;
	cell->flagga = RAPPORT_C_VARDE;
}

/* Leaves the next cell of the last row empty. */
void
rapport_cell_tom(struct rapport_ctx *c)
{
	struct rapport_cell_row	*cell;

	if ((cell = rapport_nasta(c)) == NULL)
		return;
	cell->varde = 0;
	cell->flagga = RAPPORT_C_TOM;
}

/* The change from a to b in tenths of a per cent, empty when a is 0. */
void
rapport_cell_andring(struct rapport_ctx *c, int64_t a, int64_t b)
{
	if (a == 0)
		rapport_cell_tom(c);
	else
		rapport_cell(c, rapport_promille(b - a, a));
}

/* del of hel in tenths of a per cent, empty when hel is 0. */
void
rapport_cell_andel(struct rapport_ctx *c, int64_t del, int64_t hel)
{
	if (hel == 0)
		rapport_cell_tom(c);
	else
		rapport_cell(c, rapport_promille(del, hel));
}

/* Adds a footnote once (the same text twice is one). */
int
rapport_fotnot(struct rapport_ctx *c, const char *fmt, ...)
{
	va_list		 ap;
	char		*text;
	uint32_t	 i;
	int		 r;

	va_start(ap, fmt);
	r = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (r < 0)
		return -1;
	for (i = 0; i < c->out.nfotnoter; i++) {
		if (strcmp(c->out.fotnoter[i].text, text) == 0) {
			free(text);
			return 0;
		}
	}
	if (c->out.nfotnoter >= RAPPORT_FOTNOT_MAX) {
		free(text);
		return -1;
	}
	if (c->out.fotnoter == NULL)
		c->out.fotnoter = xcalloc(RAPPORT_FOTNOT_MAX,
		    sizeof *c->out.fotnoter);
	c->out.fotnoter[c->out.nfotnoter++].text = text;
	return 0;
}

/* Names the column a chart shows first. */
void
rapport_diagram(struct rapport_ctx *c, uint32_t kol)
{
	if (kol < c->out.nkol || c->out.nkol == 0)
		c->out.diagram_kol = kol;
}

/* Marks kol as computed from a and b (hidden with them). */
void
rapport_kol_fran(struct rapport_ctx *c, uint32_t kol, int a, int b)
{
	if (kol > RAPPORT_KOL_MAX)
		return;
	c->fran[kol][0] = a;
	c->fran[kol][1] = b;
}

/* Marks kol as the row total of forsta..sista. */
void
rapport_kol_summa(struct rapport_ctx *c, uint32_t kol, uint32_t forsta,
    uint32_t sista)
{
	if (kol > RAPPORT_KOL_MAX || forsta > sista || sista > RAPPORT_KOL_MAX)
		return;
	c->summa[kol][0] = (int)forsta;
	c->summa[kol][1] = (int)sista;
}

/* Frees the built table and the resolved choices. */
void
rapport_clear(struct rapport_ctx *c)
{
	size_t	i;

	msg_clear(MSG_RAPPORT, &c->out);
	free(c->radinfo);
	c->radinfo = NULL;
	if (c->varde != NULL && c->def != NULL) {
		for (i = 0; i < c->def->nparam; i++)
			free(c->varde[i]);
	}
	free(c->varde);
	c->varde = NULL;
	c->krad = 0;
	c->ncell = 0;
}
