/*
 * The month grid of Registrera antal i volyminsats: twelve months with
 * the counts per kön, their sums and when each was registered, and the
 * month helpers the screen's keys share (client/scr_volym.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "volym.h"

const char *const volym_kort[12] = { "jan", "feb", "mar", "apr", "maj",
    "jun", "jul", "aug", "sep", "okt", "nov", "dec" };
const char *const volym_lang[12] = { "januari", "februari", "mars",
    "april", "maj", "juni", "juli", "augusti", "september", "oktober",
    "november", "december" };

/* "2025-03" for month i of the year shown. */
void
volym_period(const struct volym *v, int i, char *out, size_t len)
{
	snprintf(out, len, "%04u-%02d", v->rep.ar, i + 1);
}

/* "mars 2025". */
void
volym_manad(const struct volym *v, int i, char *out, size_t len)
{
	snprintf(out, len, "%s %u", volym_lang[i], v->rep.ar);
}

/*
 * Why month i takes no counts, or NULL when it does: within the insats
 * and begun (the server decides; this spares a refused round trip).
 */
const char *
volym_closed(const struct volym *v, int i)
{
	char	p[24];

	volym_period(v, i, p, sizeof p);
	if (strncmp(p, v->rep.startdatum, 7) < 0)
		return "Månaden är före insatsens startdatum.";
	if (v->rep.slutdatum[0] != '\0' && strncmp(p, v->rep.slutdatum, 7) > 0)
		return "Månaden är efter insatsens slutdatum.";
	if (strncmp(p, v->today, 7) > 0)
		return "Antal kan inte registreras för en månad som inte har "
		    "börjat.";
	return NULL;
}

/* The value of cell c of month i as typed; "" counts as 0. */
uint32_t
volym_val(const struct volym *v, int i, int c)
{
	return (uint32_t)strtoul(v->m[i].val[c], NULL, 10);
}

/* Reports whether month i differs from what the server holds. */
int
volym_changed(const struct volym *v, int i)
{
	const struct vmanad	*mm = &v->m[i];
	const struct volym_rad	*r;

	if (mm->cur < 0)
		return mm->val[0][0] != '\0' || mm->val[1][0] != '\0' ||
		    mm->val[2][0] != '\0';
	r = &v->rep.rader[mm->cur];
	return volym_val(v, i, 0) != r->kvinnor ||
	    volym_val(v, i, 1) != r->man || volym_val(v, i, 2) != r->okant;
}

/* A change of counts already registered: a correction, with a reason. */
int
volym_correction(const struct volym *v, int i)
{
	return v->m[i].cur >= 0 && volym_changed(v, i);
}

/* The number of months changed and not saved. */
int
volym_nchanged(const struct volym *v)
{
	int	i, n = 0;

	for (i = 0; v->loaded && i < 12; i++)
		n += volym_changed(v, i);
	return n;
}

/*
 * The last year offered: this year (no later year has a month begun),
 * or the end year when earlier, but never before the first.
 */
uint32_t
volym_last_year(const struct volym *v)
{
	uint32_t	last = (uint32_t)strtoul(v->today, NULL, 10);

	if (v->rep.sista_ar != 0 && v->rep.sista_ar < last)
		last = v->rep.sista_ar;
	return last > v->rep.forsta_ar ? last : v->rep.forsta_ar;
}

/* The grid's columns, and where each starts for a width. */
enum { VG_MANAD, VG_K, VG_M, VG_O, VG_SUMMA, VG_REG, VG__COUNT };

static const char *const volym_heads[VG__COUNT] = { "Månad", "Kvinnor",
    "Män", "Okänt kön", "Summa", "Registrerad" };

struct vcols {
	int	x[VG__COUNT];
	int	w[VG__COUNT];
	int	lang;		/* whole month names fit */
};

static void
volym_cols(int width, struct vcols *c)
{
	static const int	base[VG__COUNT] = { 5, 7, 7, 9, 7, 11 };
	int			i, x = 1;

	/* 51 columns hold the short names; "september" needs four more. */
	c->lang = width >= 55;
	for (i = 0; i < VG__COUNT; i++) {
		c->w[i] = base[i] + (i == VG_MANAD && c->lang ? 4 : 0);
		c->x[i] = x;
		x += c->w[i] + 1;
	}
}

/* Draws text right-aligned in column i. */
static void
volym_put_right(WINDOW *w, int y, const struct vcols *c, int i,
    const char *text)
{
	int	tw = text_width(text), x = c->x[i] + c->w[i] - tw;

	text_put(w, y, x, text, tw);
}

/* Draws the column titles. */
static void
volym_draw_head(WINDOW *w, int y, const struct vcols *c)
{
	int	i;

	wattron(w, A_BOLD | A_UNDERLINE);
	text_put(w, y, c->x[0], "", c->x[VG_REG] + c->w[VG_REG] - 1);
	for (i = 0; i < VG__COUNT; i++) {
		if (i == VG_MANAD || i == VG_REG)
			text_put(w, y, c->x[i], volym_heads[i], c->w[i]);
		else
			volym_put_right(w, y, c, i, volym_heads[i]);
	}
	wattroff(w, A_BOLD | A_UNDERLINE);
}

/* Draws month i at y: name, counts, sum and when it was registered. */
static void
volym_draw_month(struct screen *s, WINDOW *w, int y, int i,
    const struct vcols *c)
{
	struct volym	*v = s->data;
	struct vmanad	*mm = &v->m[i];
	char		 sum[16], reg[16];
	int		 k, closed = volym_closed(v, i) != NULL;
	int		 changed = volym_changed(v, i), attr;

	attr = closed ? A_DIM : i == v->row ? A_BOLD : A_NORMAL;
	wattron(w, attr);
	text_put(w, y, c->x[VG_MANAD], c->lang ? volym_lang[i] : volym_kort[i],
	    c->w[VG_MANAD]);
	for (k = 0; k < 3; k++) {
		if (i == v->row && k == v->col) {
			wattron(w, A_REVERSE);
			text_put(w, y, c->x[VG_K + k], "", c->w[VG_K + k]);
		}
		volym_put_right(w, y, c, VG_K + k, mm->val[k]);
		if (i == v->row && k == v->col)
			wattroff(w, A_REVERSE);
	}
	if (mm->cur >= 0 || changed) {
		snprintf(sum, sizeof sum, "%lu", (unsigned long)volym_val(v, i,
		    0) + volym_val(v, i, 1) + volym_val(v, i, 2));
		volym_put_right(w, y, c, VG_SUMMA, sum);
	}
	reg[0] = '\0';
	if (changed)
		snprintf(reg, sizeof reg, "ej sparad");
	else if (mm->cur >= 0)
		snprintf(reg, sizeof reg, "%.10s",
		    v->rep.rader[mm->cur].registrerad);
	text_put(w, y, c->x[VG_REG], reg, c->w[VG_REG]);
	wattroff(w, attr);
}

/* Draws the year's totals under the months. */
static void
volym_draw_sums(struct screen *s, WINDOW *w, int y, const struct vcols *c)
{
	struct volym	*v = s->data;
	unsigned long	 tot[4] = { 0, 0, 0, 0 };
	char		 text[24];
	int		 i, k;

	for (i = 0; i < 12; i++) {
		for (k = 0; k < 3; k++) {
			tot[k] += volym_val(v, i, k);
			tot[3] += volym_val(v, i, k);
		}
	}
	wattron(w, A_BOLD);
	text_put(w, y, c->x[VG_MANAD], "Summa", c->w[VG_MANAD]);
	for (k = 0; k < 4; k++) {
		snprintf(text, sizeof text, "%lu", tot[k]);
		volym_put_right(w, y, c, VG_K + k, text);
	}
	wattroff(w, A_BOLD);
}

/* The line under the grid: what the cursor month is, or what it needs. */
static void
volym_info(const struct volym *v, char *out, size_t len)
{
	const struct volym_rad	*r;
	const char		*why;
	char			 manad[32];

	if (v->row < 0) {
		snprintf(out, len, "← → och PgUp/PgDn byter år.");
		return;
	}
	volym_manad(v, v->row, manad, sizeof manad);
	if ((why = volym_closed(v, v->row)) != NULL)
		snprintf(out, len, "%s", why);
	else if (volym_correction(v, v->row))
		snprintf(out, len, "Rättelse av %s: orsak krävs.", manad);
	else if (v->m[v->row].cur >= 0) {
		r = &v->rep.rader[v->m[v->row].cur];
		snprintf(out, len, "%s %s av %s", r->ersatter != 0 ?
		    "Rättad" : "Registrerad", r->registrerad,
		    r->registrerad_av);
	} else
		snprintf(out, len, "Inget antal registrerat för %s.", manad);
}

/* Draws Orsak, the cursor month's line and the keys at the bottom. */
static void
volym_draw_foot(struct screen *s, WINDOW *w, int y)
{
	struct volym	*v = s->data;
	char		 line[400];
	int		 width = s->cols - 2, n = volym_nchanged(v);

	if (v->row >= 0 && (v->col == VC_ORSAK ||
	    volym_correction(v, v->row))) {
		text_put(w, y, 1, "Orsak:", 7);
		entry_draw(&v->m[v->row].orsak, w, y, 8, width - 7,
		    v->col == VC_ORSAK);
	}
	volym_info(v, line, sizeof line);
	wattron(w, A_DIM);
	text_put(w, y + 1, 1, line, width);
	wattroff(w, A_DIM);
	if (n > 0) {
		snprintf(line, sizeof line, "Ej sparat: %d månad%s. F2 Spara, "
		    "Esc Avbryt.", n, n == 1 ? "" : "er");
		wattron(w, A_BOLD);
	} else {
		snprintf(line, sizeof line, "Siffror ändrar  F2 Spara  "
		    "F5 Historik  PgUp/PgDn år");
		wattron(w, A_DIM);
	}
	text_put(w, s->lines - 1, 1, line, width);
	wattroff(w, A_BOLD | A_DIM);
}

/* Draws the insats, the year and the grid. */
static void
volym_draw_grid(struct screen *s, WINDOW *w)
{
	struct volym	*v = s->data;
	struct vcols	 c;
	char		 line[600];
	int		 width = s->cols - 2, i, y = VOLYM_TOP;

	wattron(w, A_BOLD);
	text_put(w, 0, 1, v->rep.insats, width);
	wattroff(w, A_BOLD);
	snprintf(line, sizeof line, "%s – %s, %s", v->rep.startdatum,
	    v->rep.slutdatum[0] != '\0' ? v->rep.slutdatum : "tills vidare",
	    v->rep.samorg);
	text_put(w, 1, 1, line, width);
	text_put(w, 2, 1, "År:", 4);
	snprintf(line, sizeof line, "‹ %u ›", v->rep.ar);
	if (v->row < 0)
		wattron(w, A_REVERSE);
	text_put(w, 2, 5, line, text_width(line));
	wattroff(w, A_REVERSE);
	snprintf(line, sizeof line, "(%u–%u)", v->rep.forsta_ar,
	    volym_last_year(v));
	text_put(w, 2, 6 + text_width("‹ 0000 ›"), line, width - 14);
	volym_cols(width, &c);
	volym_draw_head(w, y++, &c);
	for (i = 0; i < 12; i++)
		volym_draw_month(s, w, y++, i, &c);
	volym_draw_sums(s, w, y++, &c);
	volym_draw_foot(s, w, y);
}

/* Draws the chooser, the grid, or why neither can show. */
void
volym_draw(struct screen *s, WINDOW *w)
{
	struct volym	*v = s->data;

	if (v->choosing && v->ch.pl.ready && v->ch.pl.vl.total == 0)
		text_wrap(w, 1, 1, "Du är inte insatsansvarig för någon "
		    "volyminsats.", s->cols - 2, 3);
	else if (v->choosing)
		chooser_draw(&v->ch, w, s->lines, s->cols);
	else if (v->loaded)
		volym_draw_grid(s, w);
	else
		text_wrap(w, 1, 1, v->fel[0] != '\0' ? v->fel :
		    "Hämtar antalen …", s->cols - 2, s->lines - 2);
}

/* The terminal cursor: in Orsak, or after the number being typed. */
int
volym_cursor(struct screen *s, int *y, int *x)
{
	struct volym	*v = s->data;
	struct vcols	 c;
	int		 width = s->cols - 2;

	if (v->choosing)
		return chooser_cursor(&v->ch, s->cols, y, x);
	if (!v->loaded || v->row < 0)
		return 0;
	if (v->col == VC_ORSAK) {
		*y = VOLYM_TOP + 14;
		*x = 8 + entry_scroll(&v->m[v->row].orsak, width - 7);
		return 1;
	}
	volym_cols(width, &c);
	*y = VOLYM_TOP + 1 + v->row;
	*x = c.x[VG_K + v->col] + c.w[VG_K + v->col];
	return 1;
}
