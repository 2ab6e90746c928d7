/*
 * Historik enskild deltagare's page (see affk_historik.h): each ärende's
 * heading, its periods as rows of a table whose narrow columns give way,
 * and its office changes, broken into lines for the width; the cursor
 * kept on a period row and the page scrolled to show it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk.h"
#include "affk_historik.h"
#include "xmalloc.h"

/* The period table's columns, in the order domain.md 5.2 names them. */
enum { HC_TYP, HC_AF, HC_START, HC_SLUT, HC_REG, HC_UPPG, HC__COUNT };

static const struct tbl_col hi_cols[HC__COUNT] = {
	[HC_TYP] = { "Insatstyp", 14, 40, 0, NULL, 0 },
	[HC_AF] = { "Af-kontor", 10, 30, 2, NULL, 1 },
	[HC_START] = { "Start", 10, 10, 0, NULL, 2 },
	[HC_SLUT] = { "Slut", 10, 10, 0, NULL, 2 },
	[HC_REG] = { "Reg. av", 8, 24, 1, NULL, 1 },
	[HC_UPPG] = { "Uppg.", 5, 5, 0, NULL, 2 },
};

void
hi_lines_free(struct hist *hi)
{
	size_t	i;

	for (i = 0; i < hi->nl; i++)
		free(hi->l[i].text);
	free(hi->l);
	hi->l = NULL;
	hi->nl = 0;
}

static struct hline *
hi_add(struct hist *hi, int kind)
{
	struct hline	*l;

	hi->l = xreallocarray(hi->l, hi->nl + 1, sizeof *hi->l);
	l = &hi->l[hi->nl++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	return l;
}

/* Adds text broken into lines of width columns, the rest indented. */
static void
hi_text(struct hist *hi, const char *text, int width, int attr)
{
	const char	*lines[16];
	char		 buf[2048];
	size_t		 i, n;

	n = text_lines(text, width, buf, sizeof buf, lines, 16);
	if (n == 0)
		n = 1, lines[0] = "";
	for (i = 0; i < n; i++) {
		struct hline	*l = hi_add(hi, HL_TEXT);

		l->attr = attr;
		l->text = xstrdup(lines[i]);
	}
}

/* The ärende's heading: dates, status, who initiated it, its offices. */
static void
hi_build_arende(struct hist *hi, const struct affk_arende_row *a,
    int width)
{
	char	line[1024];

	if (a->slutdatum[0] != '\0')
		snprintf(line, sizeof line, "Ärende %s – %s: %s",
		    a->startdatum, a->slutdatum, affk_status_namn(a->status));
	else
		snprintf(line, sizeof line, "Ärende från %s: %s",
		    a->startdatum, affk_status_namn(a->status));
	hi_text(hi, line, width, A_BOLD);
	snprintf(line, sizeof line, "Initierad av %s. Samtycke %s.",
	    affk_myndighet_namn(a->initierad_av), a->samtycke_datum[0] !=
	    '\0' ? a->samtycke_datum : "finns");
	hi_text(hi, line, width, 0);
	snprintf(line, sizeof line, "Af-kontor: %s", a->af_kontor);
	hi_text(hi, line, width, 0);
	snprintf(line, sizeof line, "FK-kontor: %s", a->fk_kontor);
	hi_text(hi, line, width, 0);
}

/* The office changes under the periods. */
static void
hi_build_byten(struct hist *hi, const struct affk_arende_row *a, int width)
{
	const struct affk_kontorsbyte_row	*b;
	char					 line[1024];
	uint32_t				 i;

	if (a->nbyten == 0)
		return;
	hi_text(hi, "Kontorsbyten:", width, A_BOLD);
	for (i = 0; i < a->nbyten; i++) {
		b = &a->byten[i];
		snprintf(line, sizeof line, "%s Af: %s → %s. FK: %s → %s. "
		    "Av %s.", b->datum, b->fran_af_kontor, b->till_af_kontor,
		    b->fran_fk_kontor, b->till_fk_kontor, b->andrad_av);
		hi_text(hi, line, width, 0);
	}
}

/* Breaks the history into lines for width columns. */
void
hi_build(struct hist *hi, int width)
{
	const struct affk_arende_row	*a;
	struct hline			*l;
	size_t				 i, j;

	hi_lines_free(hi);
	hi->built_width = width;
	if (!hi->loaded)
		return;
	if (hi->h.narenden == 0)
		hi_text(hi, "Personen har inget ärende på kontoret.", width, 0);
	for (i = 0; i < hi->h.narenden; i++) {
		a = &hi->h.arenden[i];
		if (i > 0)
			hi_text(hi, "", width, 0);
		hi_build_arende(hi, a, width);
		(void)hi_add(hi, HL_HEAD);
		for (j = 0; j < a->nperioder; j++) {
			l = hi_add(hi, HL_PERIOD);
			l->a = i;
			l->p = j;
		}
		hi_build_byten(hi, a, width);
	}
}

int
hi_page_y(struct screen *s)
{
	struct hist	*hi = s->data;

	/* The fields, and the person's line under them. */
	return (hi->f[HF_KONTOR].hidden ? 1 : 2) + 1;
}

int
hi_rows(struct screen *s)
{
	int	n = s->lines - hi_page_y(s) - HI_FOOT;

	return n > 1 ? n : 1;
}

/* The period under the cursor, NULL when none. */
const struct affk_period_row *
hi_period(struct hist *hi, const struct affk_arende_row **ap)
{
	const struct hline	*l;

	if (!hi->loaded || hi->cur >= hi->nl ||
	    hi->l[hi->cur].kind != HL_PERIOD)
		return NULL;
	l = &hi->l[hi->cur];
	if (ap != NULL)
		*ap = &hi->h.arenden[l->a];
	return &hi->h.arenden[l->a].perioder[l->p];
}

/* Keeps the page in range and, when follow, the cursor's line on it. */
void
hi_clamp(struct screen *s, int follow)
{
	struct hist	*hi = s->data;
	int		 rows = hi_rows(s);

	if (follow && hi->in_list && hi->cur < hi->nl) {
		if ((int)hi->cur < hi->top)
			hi->top = (int)hi->cur;
		if ((int)hi->cur >= hi->top + rows)
			hi->top = (int)hi->cur - rows + 1;
	}
	if (hi->top > (int)hi->nl - rows)
		hi->top = (int)hi->nl - rows;
	if (hi->top < 0)
		hi->top = 0;
}

/* The cursor on the period with id, else the first ärende's current. */
void
hi_place(struct hist *hi, uint32_t period_id)
{
	const struct affk_period_row	*p;
	size_t				 i, first = hi->nl;

	hi->cur = hi->nl;
	for (i = 0; i < hi->nl; i++) {
		if (hi->l[i].kind != HL_PERIOD)
			continue;
		p = &hi->h.arenden[hi->l[i].a].perioder[hi->l[i].p];
		if (period_id != 0 && p->id == period_id) {
			hi->cur = i;
			return;
		}
		/* The last period of the newest ärende. */
		if (hi->l[i].a == 0)
			first = i;
	}
	hi->cur = first;
	hi->top = 0;
}

/* One period's cells. */
static void
hi_cells(const struct affk_period_row *p, const char **v, char *reg,
    size_t len)
{
	static const char *const uppg[] = { "", "Skapa", "Välj" };

	snprintf(reg, len, "%s %s", affk_myndighet_kort(p->myndighet),
	    p->registrerad_av);
	v[HC_TYP] = p->insatstyp;
	v[HC_AF] = p->af_kontor;
	v[HC_START] = p->startdatum;
	v[HC_SLUT] = p->slutdatum[0] != '\0' ? p->slutdatum : "–";
	v[HC_REG] = reg;
	v[HC_UPPG] = p->uppgifter <= AFFK_U_FINNS ? uppg[p->uppgifter] : "";
}

/* The row under the cursor in words: what the narrow table leaves out. */
void
hi_draw_detail(struct screen *s, WINDOW *w, int y)
{
	struct hist			*hi = s->data;
	const struct affk_period_row	*p;
	char				 line[1024];

	if (!hi->in_list || (p = hi_period(hi, NULL)) == NULL)
		return;
	snprintf(line, sizeof line, "%s. Af: %s. FK: %s. Registrerad av %s, "
	    "%s.", p->insatstyp, p->af_kontor, p->fk_kontor,
	    affk_myndighet_kort(p->myndighet), p->registrerad_av);
	wattron(w, A_DIM);
	text_wrap(w, y, 1, line, s->cols - 2, 2);
	wattroff(w, A_DIM);
}

void
hi_draw_page(struct screen *s, WINDOW *w, int y0)
{
	struct hist	*hi = s->data;
	const char	*v[HC__COUNT];
	char		 reg[256];
	int		 cw[HC__COUNT], i, rows = hi_rows(s), width = s->cols - 2;
	const struct hline *l;

	tbl_fit(hi_cols, HC__COUNT, width, cw);
	for (i = 0; i < rows && hi->top + i < (int)hi->nl; i++) {
		l = &hi->l[hi->top + i];
		switch (l->kind) {
		case HL_TEXT:
			wattron(w, l->attr);
			text_put(w, y0 + i, 1, l->text, width);
			wattroff(w, l->attr);
			break;
		case HL_HEAD:
			tbl_draw_head(w, y0 + i, 1, width, hi_cols, cw,
			    HC__COUNT);
			break;
		case HL_PERIOD:
			hi_cells(&hi->h.arenden[l->a].perioder[l->p], v, reg,
			    sizeof reg);
			if ((size_t)(hi->top + i) == hi->cur)
				wattron(w, hi->in_list ? A_REVERSE : A_BOLD);
			tbl_draw_row(w, y0 + i, 1, width, cw, HC__COUNT, v);
			wattroff(w, A_REVERSE | A_BOLD);
			break;
		}
	}
}
