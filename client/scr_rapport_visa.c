/*
 * A report's result (issue 9): the title, the choices in words and when
 * it was made, then the table, every unit of the level (grupp) as a
 * heading where it changes, the row names in the first column and the
 * figures right-aligned in Swedish (space between thousands, decimal
 * comma, ".." hidden, "–" nothing to show), sum rows in bold, and the
 * footnotes last. The screen takes the whole width (F9 brings the menu
 * back); columns that do not fit scroll with ← → behind the frozen first
 * column. F6 shows one column as horizontal bars (chart.c), ← → choose
 * the column; F4 exports the report as CSV (rapport_csv.c).
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "chart.h"
#include "client.h"
#include "proto.h"
#include "rapport.h"
#include "xmalloc.h"

/* Widest first column and figure column, in display columns. */
#define VS_NAMN_MAX	36
#define VS_KOL_MAX	20
/* Lines one footnote may wrap to. */
#define VS_FOT_RADER	8

enum vs_slag {
	VL_GRUPP,		/* a unit's heading */
	VL_RAD,			/* a row of the table */
	VL_TOM,			/* an empty line */
	VL_FOT			/* a line of a footnote */
};

struct vs_line {
	enum vs_slag	 slag;
	uint32_t	 i;		/* the row */
	const char	*text;		/* VL_FOT */
};

struct visa {
	struct msg_rapport *r;
	int		*bredd;		/* per column */
	struct vs_line	*l;
	size_t		 nl;
	char		**fotbuf;	/* the footnotes' wrapped copies */
	int		 fotbredd;	/* the width they were wrapped for */
	int		 top;		/* first line shown */
	uint32_t	 left;		/* first column shown after the first */
	uint32_t	 sista;		/* last column shown */
	int		 diagram;
	uint32_t	 dkol;		/* the column the chart shows */
	int		 unicode;
	int		 bara_summor;	/* every row is a sum row */
	int		 export;	/* asking for the file name */
	struct entry	 fil;
};

/* Reports whether a column holds figures a chart can show. */
static int
vs_tal(const struct msg_rapport *r, uint32_t k)
{
	return k > 0 && k < r->nkol && r->kol[k].slag != RAPPORT_K_TEXT;
}

/* The width of the widest word of a title: a line is never narrower. */
static int
vs_ord_max(const char *titel)
{
	char		 buf[512], *p, *ord;
	int		 w, max = 0;

	strlcpy(buf, titel, sizeof buf);
	for (p = buf; (ord = strsep(&p, " ")) != NULL;) {
		if ((w = text_width(ord)) > max)
			max = w;
	}
	return max;
}

/* Measures every column once. */
static void
vs_bredd(struct visa *v)
{
	const struct msg_rapport	*r = v->r;
	char				 t[64];
	uint32_t			 i, k;
	int				 b, tw;

	v->bredd = xcalloc(r->nkol + 1, sizeof *v->bredd);
	if (r->nkol == 0)
		return;
	v->bredd[0] = text_width(r->kol[0].titel);
	for (i = 0; i < r->nrader; i++)
		if ((b = text_width(r->rader[i].namn)) > v->bredd[0])
			v->bredd[0] = b;
	if (v->bredd[0] > VS_NAMN_MAX)
		v->bredd[0] = VS_NAMN_MAX;
	if (v->bredd[0] < 10)
		v->bredd[0] = 10;
	for (k = 1; k < r->nkol; k++) {
		/* Titles wrap to two lines. */
		tw = text_width(r->kol[k].titel);
		b = tw <= 10 ? tw : (tw + 1) / 2 + 2;
		if (vs_ord_max(r->kol[k].titel) > b)
			b = vs_ord_max(r->kol[k].titel);
		for (i = 0; i < r->nrader; i++) {
			rapport_cell_text(r, &r->rader[i], k, t, sizeof t);
			if (text_width(t) > b)
				b = text_width(t);
		}
		if (b > VS_KOL_MAX)
			b = VS_KOL_MAX;
		v->bredd[k] = b < 3 ? 3 : b;
	}
}

/* Frees the footnotes' wrapped lines. */
static void
vs_fot_free(struct visa *v)
{
	uint32_t	i;

	if (v->fotbuf == NULL)
		return;
	for (i = 0; i < v->r->nfotnoter; i++)
		free(v->fotbuf[i]);
	free(v->fotbuf);
	v->fotbuf = NULL;
}

/* The lines to scroll through: headings, rows, footnotes for width. */
static void
vs_lines(struct visa *v, int width)
{
	const struct msg_rapport	*r = v->r;
	const char			*fl[VS_FOT_RADER];
	const char			*grupp = NULL;
	size_t				 cap, n, j, len;
	uint32_t			 i;

	if (v->l != NULL && v->fotbredd == width)
		return;
	free(v->l);
	vs_fot_free(v);
	cap = (size_t)r->nrader * 2 + (size_t)r->nfotnoter * VS_FOT_RADER + 2;
	v->l = xcalloc(cap, sizeof *v->l);
	v->nl = 0;
	for (i = 0; i < r->nrader; i++) {
		if (r->rader[i].grupp[0] != '\0' && (grupp == NULL ||
		    strcmp(grupp, r->rader[i].grupp) != 0)) {
			v->l[v->nl].slag = VL_GRUPP;
			v->l[v->nl++].i = i;
		}
		grupp = r->rader[i].grupp;
		v->l[v->nl].slag = VL_RAD;
		v->l[v->nl++].i = i;
	}
	if (r->nfotnoter > 0) {
		v->l[v->nl++].slag = VL_TOM;
		v->fotbuf = xcalloc(r->nfotnoter, sizeof *v->fotbuf);
	}
	for (i = 0; i < r->nfotnoter; i++) {
		len = strlen(r->fotnoter[i].text) * 2 + 64;
		v->fotbuf[i] = xmalloc(len);
		n = text_lines(r->fotnoter[i].text, width > 10 ? width : 10,
		    v->fotbuf[i], len, fl, VS_FOT_RADER);
		for (j = 0; j < n; j++) {
			v->l[v->nl].slag = VL_FOT;
			v->l[v->nl++].text = fl[j];
		}
	}
	v->fotbredd = width;
}

/* The first line of the body and the lines it holds. */
#define VS_HEAD_Y	4
static int
vs_body_y(const struct visa *v)
{
	return VS_HEAD_Y + (v->diagram ? 1 : 2);
}

static int
vs_hojd(const struct screen *s)
{
	const struct visa	*v = s->data;
	int			 h = s->lines - 1 - vs_body_y(v);

	return h < 1 ? 1 : h;
}

/* Keeps top within the lines. */
static void
vs_clamp(struct screen *s)
{
	struct visa	*v = s->data;
	int		 max = (int)v->nl - vs_hojd(s);

	if (v->top > max)
		v->top = max;
	if (v->top < 0)
		v->top = 0;
}

/* Draws text right-aligned in width columns at x. */
static void
vs_hoger(WINDOW *w, int y, int x, int width, const char *t)
{
	int	tw = text_width(t);

	if (tw > width)
		tw = width;
	text_put(w, y, x + width - tw, t, tw);
}

/* The columns shown after the first from left, for cols columns. */
static uint32_t
vs_sista(const struct visa *v, int cols)
{
	uint32_t	k, sista = v->left;
	int		x = v->bredd[0] + 2;

	for (k = v->left; k < v->r->nkol; k++) {
		if (x + 2 + v->bredd[k] > cols - 2 && k > v->left)
			break;
		x += 2 + v->bredd[k];
		sista = k;
	}
	return sista;
}

/* Scrolls back left while the columns from there on all fit. */
static void
vs_vanster(struct visa *v, int cols)
{
	uint32_t	k;
	int		x;

	while (v->left > 1) {
		x = v->bredd[0] + 2;
		for (k = v->left - 1; k < v->r->nkol; k++)
			x += 2 + v->bredd[k];
		if (x > cols - 2)
			break;
		v->left--;
	}
}

/* The table's column titles, two lines, right-aligned over figures. */
static void
vs_head(struct screen *s, WINDOW *w)
{
	struct visa	*v = s->data;
	const char	*tl[2];
	char		 buf[512];
	uint32_t	 k;
	size_t		 n;
	int		 x = 1 + v->bredd[0] + 2;

	wattron(w, A_BOLD);
	text_put(w, VS_HEAD_Y + 1, 1, v->r->kol[0].titel, v->bredd[0]);
	for (k = v->left; k <= v->sista && k < v->r->nkol; k++) {
		n = text_lines(v->r->kol[k].titel, v->bredd[k], buf,
		    sizeof buf, tl, 2);
		if (n == 1)
			vs_hoger(w, VS_HEAD_Y + 1, x, v->bredd[k], tl[0]);
		else if (n == 2) {
			vs_hoger(w, VS_HEAD_Y, x, v->bredd[k], tl[0]);
			vs_hoger(w, VS_HEAD_Y + 1, x, v->bredd[k], tl[1]);
		}
		x += v->bredd[k] + 2;
	}
	wattroff(w, A_BOLD);
	if (v->left > 1)
		text_put(w, VS_HEAD_Y + 1, v->bredd[0] + 1, "‹", 1);
	if (v->sista + 1 < v->r->nkol)
		text_put(w, VS_HEAD_Y + 1, s->cols - 1, "›", 1);
}

/* One row of the table. */
static void
vs_rad(struct screen *s, WINDOW *w, int y, const struct rapport_rad_row *rad)
{
	struct visa	*v = s->data;
	char		 t[64];
	uint32_t	 k;
	int		 x = 1 + v->bredd[0] + 2;

	if (rad->summa)
		wattron(w, A_BOLD);
	text_put(w, y, 1, rad->namn, v->bredd[0]);
	for (k = v->left; k <= v->sista && k < v->r->nkol; k++) {
		rapport_cell_text(v->r, rad, k, t, sizeof t);
		vs_hoger(w, y, x, v->bredd[k], t);
		x += v->bredd[k] + 2;
	}
	wattroff(w, A_BOLD);
}

/* The largest figure of the chart's column (sums aside unless all). */
static uint64_t
vs_max(const struct visa *v)
{
	const struct rapport_cell_row	*c;
	uint64_t			 max = 0, a;
	uint32_t			 i;
	int				 pass;

	for (pass = 0; pass < 2 && max == 0; pass++) {
		for (i = 0; i < v->r->nrader; i++) {
			if (v->r->rader[i].summa && pass == 0)
				continue;
			if (v->dkol - 1 >= v->r->rader[i].nceller)
				continue;
			c = &v->r->rader[i].celler[v->dkol - 1];
			if (c->flagga != RAPPORT_C_VARDE)
				continue;
			a = c->varde < 0 ? (uint64_t)0 - (uint64_t)c->varde :
			    (uint64_t)c->varde;
			if (a > max)
				max = a;
		}
	}
	return max;
}

/* One row as a bar of the chart's column. */
static void
vs_stapel(struct screen *s, WINDOW *w, int y,
    const struct rapport_rad_row *rad, uint64_t max)
{
	struct visa			*v = s->data;
	const struct rapport_cell_row	*c = NULL;
	char				 t[64], bar[CHART_WIDTH_MAX * 3 + 1];
	int				 nw = v->bredd[0], vw, bw;
	uint64_t			 a;

	if (nw > s->cols / 3)
		nw = s->cols / 3;
	vw = v->bredd[v->dkol];
	bw = s->cols - nw - vw - 6;
	if (bw < 1)
		bw = 1;
	if (rad->summa)
		wattron(w, A_BOLD);
	text_put(w, y, 1, rad->namn, nw);
	rapport_cell_text(v->r, rad, v->dkol, t, sizeof t);
	vs_hoger(w, y, nw + 2, vw, t);
	if (v->dkol - 1 < rad->nceller)
		c = &rad->celler[v->dkol - 1];
	/* A sum's bar would run off the scale of the rows it sums. */
	if (c != NULL && c->flagga == RAPPORT_C_VARDE &&
	    (!rad->summa || v->bara_summor)) {
		a = c->varde < 0 ? (uint64_t)0 - (uint64_t)c->varde :
		    (uint64_t)c->varde;
		if (chart_bar(bar, sizeof bar, a, max, bw, v->unicode) > 0)
			text_put(w, y, nw + vw + 4, bar, bw);
	}
	wattroff(w, A_BOLD);
}

static void
vs_draw(struct screen *s, WINDOW *w)
{
	struct visa			*v = s->data;
	const struct msg_rapport	*r = v->r;
	const struct vs_line		*l;
	char				 pos[128], rubrik[256];
	uint64_t			 max = 0;
	int				 y, i, h = vs_hojd(s);

	vs_lines(v, s->cols - 2);
	vs_clamp(s);
	vs_vanster(v, s->cols);
	v->sista = vs_sista(v, s->cols);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, r->titel, s->cols - 2);
	wattroff(w, A_BOLD);
	text_put(w, 1, 1, r->urval, s->cols - 2);
	snprintf(pos, sizeof pos, "Rad %d–%d av %zu", v->nl == 0 ? 0 :
	    v->top + 1, v->top + h < (int)v->nl ? v->top + h : (int)v->nl,
	    v->nl);
	text_put(w, 2, 1, "Skapad ", 7);
	text_put(w, 2, 8, r->skapad, s->cols - 10 - text_width(pos));
	vs_hoger(w, 2, 1, s->cols - 2, pos);
	if (r->nkol == 0)
		return;
	if (v->diagram) {
		snprintf(rubrik, sizeof rubrik, "Diagram: %s  (← → byter "
		    "kolumn)", r->kol[v->dkol].titel);
		wattron(w, A_BOLD);
		text_put(w, VS_HEAD_Y, 1, rubrik, s->cols - 2);
		wattroff(w, A_BOLD);
		max = vs_max(v);
	} else
		vs_head(s, w);
	y = vs_body_y(v);
	for (i = 0; i < h && v->top + i < (int)v->nl; i++, y++) {
		l = &v->l[v->top + i];
		switch (l->slag) {
		case VL_GRUPP:
			wattron(w, A_BOLD | A_UNDERLINE);
			text_put(w, y, 1, r->rader[l->i].grupp,
			    text_width(r->rader[l->i].grupp) < s->cols - 2 ?
			    text_width(r->rader[l->i].grupp) : s->cols - 2);
			wattroff(w, A_BOLD | A_UNDERLINE);
			break;
		case VL_RAD:
			if (v->diagram)
				vs_stapel(s, w, y, &r->rader[l->i], max);
			else
				vs_rad(s, w, y, &r->rader[l->i]);
			break;
		case VL_FOT:
			text_put(w, y, 1, l->text, s->cols - 2);
			break;
		case VL_TOM:
			break;
		}
	}
	if (v->export) {
		text_put(w, s->lines - 1, 1, "Spara som:", 10);
		entry_draw(&v->fil, w, s->lines - 1, 12, s->cols - 13, 1);
		return;
	}
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, v->diagram ? "↑↓ PgUp PgDn bläddrar  "
	    "← → kolumn  F6 tabell  F4 exportera  Esc tillbaka" :
	    "↑↓ PgUp PgDn bläddrar  ← → kolumner  F6 diagram  F4 exportera  "
	    "Esc tillbaka", s->cols - 2);
	wattroff(w, A_DIM);
}

static int
vs_cursor(struct screen *s, int *y, int *x)
{
	struct visa	*v = s->data;

	if (!v->export)
		return 0;
	*y = s->lines - 1;
	*x = 12 + entry_scroll(&v->fil, s->cols - 13);
	return 1;
}

/* The file name offered: <rapport>-<typ>-<date>.csv here. */
static void
vs_filnamn(const struct visa *v, char *out, size_t len)
{
	char	today[16];

	date_today_plus(0, 0, today, sizeof today);
	snprintf(out, len, "%s-%s-%s.csv", v->r->rapport, v->r->typ, today);
}

/* Writes the CSV to the file typed, asking before replacing one. */
static void
vs_exportera(struct screen *s)
{
	struct visa	*v = s->data;
	struct stat	 st;
	char		 path[1024], full[2048], cwd[1024], why[1200];
	char		 q[1200];
	const char	*lines[1];

	if (entry_get(&v->fil, path, sizeof path) != 0 || path[0] == '\0') {
		ui_message(s->ui, 1, "Skriv ett filnamn.");
		return;
	}
	v->export = 0;
	if (stat(path, &st) == 0) {
		snprintf(q, sizeof q, "Filen %s finns redan. Skriva över "
		    "den? (j/n)", path);
		lines[0] = q;
		if (!ui_ask(s->ui, "Exportera", lines, 1)) {
			ui_message(s->ui, 0, "Inget exporterades.");
			return;
		}
	}
	if (rapport_csv_write(v->r, path, why, sizeof why) != 0) {
		ui_message(s->ui, 1, "%s", why);
		return;
	}
	if (path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
		snprintf(full, sizeof full, "%s/%s", cwd, path);
	else
		snprintf(full, sizeof full, "%s", path);
	ui_message(s->ui, 0, "Exporterad till %s", full);
}

/* Keys while the file name is asked for. */
static int
vs_export_key(struct screen *s, const struct keyev *ev)
{
	struct visa	*v = s->data;

	if (ev->action == ACT_CANCEL) {
		v->export = 0;
		ui_message(s->ui, 0, "Inget exporterades.");
	} else if (keys_is_enter(ev) || ev->action == ACT_SAVE)
		vs_exportera(s);
	else if (entry_key(&v->fil, ev) == ENTRY_KEY_FULL)
		ui_message(s->ui, 1, "Filnamnet får vara högst %zu tecken.",
		    v->fil.max);
	return 1;
}

/* The next column a chart can show, from k in direction dir. */
static uint32_t
vs_nasta(const struct visa *v, uint32_t k, int dir)
{
	uint32_t	n;

	for (n = 0; n < v->r->nkol; n++) {
		k = dir > 0 ? (k + 1) % v->r->nkol :
		    (k + v->r->nkol - 1) % v->r->nkol;
		if (vs_tal(v->r, k))
			return k;
	}
	return v->dkol;
}

static int
vs_key(struct screen *s, const struct keyev *ev)
{
	struct visa	*v = s->data;
	char		 namn[256];
	int		 h = vs_hojd(s);

	if (v->export)
		return vs_export_key(s, ev);
	if (keys_scroll_by(ev->code, h, (int)v->nl, &v->top)) {
		vs_clamp(s);
		return 1;
	}
	switch (ev->code) {
	case KEY_LEFT:
		if (v->diagram)
			v->dkol = vs_nasta(v, v->dkol, -1);
		else if (v->left > 1)
			v->left--;
		break;
	case KEY_RIGHT:
		if (v->diagram)
			v->dkol = vs_nasta(v, v->dkol, 1);
		else if (v->sista + 1 < v->r->nkol)
			v->left++;
		break;
	default:
		if (ev->code == KEY_F(6)) {
			if (!vs_tal(v->r, v->dkol)) {
				ui_message(s->ui, 1, "Rapporten har inga tal "
				    "att visa som diagram.");
				return 1;
			}
			v->diagram = !v->diagram;
			return 1;
		}
		if (ev->code == KEY_F(4)) {
			vs_filnamn(v, namn, sizeof namn);
			entry_set(&v->fil, namn);
			entry_end(&v->fil);
			v->export = 1;
			ui_message(s->ui, 0, "Enter sparar filen, Esc avbryter.");
			return 1;
		}
		return 0;
	}
	vs_clamp(s);
	return 1;
}

static void
vs_free(struct screen *s)
{
	struct visa	*v = s->data;

	vs_fot_free(v);
	free(v->l);
	free(v->bredd);
	msg_clear(MSG_RAPPORT, v->r);
	free(v->r);
	free(v);
}

static const struct screen_type vs_type = {
	.title = "Rapport",
	.draw = vs_draw,
	.key = vs_key,
	.free = vs_free,
	.cursor = vs_cursor,
	.wide = 1,
};

struct screen *
scr_rapport_visa_new(struct ui *ui, struct msg_rapport *r)
{
	struct visa	*v;
	uint32_t	 k;

	v = xcalloc(1, sizeof *v);
	v->r = r;
	v->left = 1;
	v->unicode = rapport_unicode();
	entry_init(&v->fil, 200, 0);
	vs_bredd(v);
	v->bara_summor = 1;
	for (k = 0; k < r->nrader; k++)
		if (!r->rader[k].summa)
			v->bara_summor = 0;
	v->dkol = r->diagram_kol;
	if (!vs_tal(r, v->dkol)) {
		for (k = 1; k < r->nkol && !vs_tal(r, k); k++)
			;
		v->dkol = k < r->nkol ? k : 0;
	}
	return screen_new(ui, &vs_type, v);
}
