/*
 * Snabbregistrering and Snabb utregistrering (issue 7): the insats is
 * chosen first among those where the user registers participants (the
 * Startsida's START_A_DELTAGARE; with one only, it opens at once). For
 * inregistrering the grid opens with one empty row and grows as rows are
 * saved; for utregistrering the ongoing participants are listed first
 * (personnummer masked, as the list shows them), Space marks those to
 * register out and Enter opens the grid with one row each.
 *
 * The columns are the occasion's fields and one per mandatory
 * kompletterande fråga asked at the occasion on today's date
 * (MSG_DELTAGARE_FRAGOR). The grid, its keys and its send queue are
 * client/grid.c and grid_send.c; the participant list is scr_grid_ut.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deltagande.h"
#include "grid.h"
#include "proto.h"
#include "xmalloc.h"

/* Codes a column offers at most; the lists hold about ten. */
#define GS_CODES_MAX	64
/* Rows over the grid (title) and under it (counts, detail, two keys). */
#define GS_TOP		1
#define GS_FOOT		5

/* A fixed column of an occasion: its cell, list and width. */
struct gs_coldef {
	uint8_t		 typ;		/* FRAGA_IN, FRAGA_UT */
	const char	*title;
	const char	*lang;
	int		 width;
	enum grid_kind	 kind;
	uint32_t	 falt;
	const char	*lista;		/* code list, or NULL */
	const char	*skip;		/* a kod not offered */
};

static const struct gs_coldef gs_coldefs[] = {
	{ FRAGA_IN, "Personnummer", "Personnummer", 13, GK_PNR,
	    BATCH_FALT_PNR, NULL, NULL },
	{ FRAGA_IN, "Start", "Startdatum", 10, GK_DATUM, BATCH_FALT_DATUM,
	    NULL, NULL },
	{ FRAGA_IN, "Försörjning", "Försörjning", 16, GK_KODER,
	    BATCH_FALT_FORSORJNING, "forsorjning", NULL },
	{ FRAGA_IN, "Sysselsättn.", "Sysselsättning", 14, GK_KOD,
	    BATCH_FALT_SYSSELSATTNING, "sysselsattning", NULL },
	{ FRAGA_IN, "Omf %", "Omfattning", 5, GK_SIFFROR,
	    BATCH_FALT_OMFATTNING, NULL, NULL },
	{ FRAGA_IN, "Utbildning", "Utbildningsnivå", 12, GK_KOD,
	    BATCH_FALT_UTBILDNING, "utbildningsniva", NULL },
	{ FRAGA_IN, "Tid i förs.", "Tid i offentlig försörjning", 12, GK_KOD,
	    BATCH_FALT_TID, "tid_forsorjning", NULL },
	{ FRAGA_IN, "Samtycke", "Samtycke (J/N)", 8, GK_JN,
	    BATCH_FALT_SAMTYCKE, NULL, NULL },
	{ FRAGA_UT, "Personnummer", "Personnummer", 13, GK_FAST,
	    BATCH_FALT_PNR, NULL, NULL },
	{ FRAGA_UT, "Slut", "Slutdatum", 10, GK_DATUM, BATCH_FALT_DATUM,
	    NULL, NULL },
	/* Withdrawn consent has its own command (samtycke återkallat). */
	{ FRAGA_UT, "Avslut", "Avslutsanledning", 16, GK_KOD,
	    BATCH_FALT_AVSLUT, "avslutsanledning", "SAMTYCKE_ATERKALLAT" },
	{ FRAGA_UT, "Försörjn. efter", "Försörjning efter", 16, GK_KODER,
	    BATCH_FALT_FORSORJNING, "forsorjning", NULL },
	{ FRAGA_UT, "Syssels. efter", "Sysselsättning efter", 14, GK_KOD,
	    BATCH_FALT_SYSSELSATTNING, "sysselsattning", NULL },
	{ FRAGA_UT, "Omf %", "Omfattning", 5, GK_SIFFROR,
	    BATCH_FALT_OMFATTNING, NULL, NULL },
};

/* A code column's names from its list; 0 when the lists are there. */
static int
gs_col_codes(struct screen *s, struct grid_col *c, const char *lista,
    const char *skip)
{
	const struct kod_row	*k[GS_CODES_MAX];
	const char		*names[GS_CODES_MAX], *kods[GS_CODES_MAX];
	uint32_t		 ids[GS_CODES_MAX];
	size_t			 i, n, m = 0;

	n = kod_codes(s->ui, lista, 1, 0, k, GS_CODES_MAX);
	for (i = 0; i < n; i++) {
		if (skip != NULL && strcmp(k[i]->kod, skip) == 0)
			continue;
		names[m] = k[i]->namn;
		kods[m] = k[i]->kod;
		ids[m++] = k[i]->id;
	}
	grid_col_values(c, m, names, kods, ids);
	return n > 0 ? 0 : -1;
}

/* A question's column: J/N, an option (or several), or digits. */
static void
gs_col_fraga(struct gscr *d, const struct msg_fraga *f, size_t nr)
{
	static const enum grid_kind kinds[] = {
		[SVAR_JANEJ] = GK_JN, [SVAR_ENVAL] = GK_KOD,
		[SVAR_FLERVAL] = GK_KODER, [SVAR_HELTAL] = GK_SIFFROR,
	};
	struct grid_col	*c;
	const char	**names;
	uint32_t	*ids, j;
	char		 title[16];
	enum grid_kind	 kind = GK_SIFFROR;

	if (f->svarstyp < sizeof kinds / sizeof kinds[0] &&
	    kinds[f->svarstyp] != 0)
		kind = kinds[f->svarstyp];
	snprintf(title, sizeof title, "Fråga %zu", nr);
	c = grid_add_col(&d->g, title, f->namn != NULL ? f->namn : title,
	    kind == GK_JN ? 8 : 14, kind, BATCH_FALT_FRAGA);
	if (c == NULL)
		return;
	c->fraga_id = f->id;
	c->svarstyp = f->svarstyp;
	if (kind != GK_KOD && kind != GK_KODER)
		return;
	names = xcalloc(f->nalternativ + 1, sizeof *names);
	ids = xcalloc(f->nalternativ + 1, sizeof *ids);
	for (j = 0; j < f->nalternativ; j++) {
		names[j] = f->alternativ[j].text;
		ids[j] = f->alternativ[j].id;
	}
	grid_col_values(c, f->nalternativ, names, NULL, ids);
	free(names);
	free(ids);
}

/*
 * The columns of the occasion: the fixed ones, then one per mandatory
 * question asked today. 0 on success; else it has been said why.
 */
static int
gs_columns(struct screen *s)
{
	struct gscr			*d = s->data;
	const struct gs_coldef		*cd;
	struct grid_col			*c;
	struct msg_deltagare_fragor	 req;
	struct msg_fraga_list		 rep;
	char				 idag[16];
	uint32_t			 k;
	size_t				 i, nr = 0;

	if (kod_lists(s->ui) == NULL)
		return -1;
	date_today_plus(0, 0, idag, sizeof idag);
	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.insats_id = d->insats_id;
	req.datum = idag;
	req.tillfalle = d->typ;
	if (ui_call(s->ui, MSG_DELTAGARE_FRAGOR, &req, MSG_FRAGA_LIST,
	    &rep) != 0)
		return -1;
	grid_free(&d->g);
	grid_init(&d->g, s->ui, d->insats_id, d->typ);
	for (i = 0; i < sizeof gs_coldefs / sizeof gs_coldefs[0]; i++) {
		cd = &gs_coldefs[i];
		if (cd->typ != d->typ)
			continue;
		c = grid_add_col(&d->g, cd->title, cd->lang, cd->width,
		    cd->kind, cd->falt);
		if (c != NULL && cd->lista != NULL)
			(void)gs_col_codes(s, c, cd->lista, cd->skip);
	}
	for (k = 0; k < rep.nrows; k++) {
		if (rep.rows[k].obligatorisk)
			gs_col_fraga(d, &rep.rows[k], ++nr);
	}
	msg_clear(MSG_FRAGA_LIST, &rep);
	d->g.height = s->lines - GS_TOP - GS_FOOT - 1;
	return 0;
}

/* Opens the inregistrering grid on the insats chosen. */
static void
gs_open_in(struct screen *s)
{
	struct gscr	*d = s->data;

	if (gs_columns(s) != 0) {
		d->state = GSS_INSATS;
		return;
	}
	d->g.growing = 1;
	(void)grid_add_row(&d->g);
	grid_goto(&d->g, 0, 0);
	d->state = GSS_GRID;
	ui_message(s->ui, 0, "Skriv personnumret. Tab går till nästa cell, "
	    "Enter sparar raden.");
}

/*
 * Opens the utregistrering grid with a row per participant marked (or
 * the one under the cursor); 0 on success.
 */
int
gs_open_ut(struct screen *s, const struct plist_row *const *rows, size_t n)
{
	struct gscr	*d = s->data;
	struct grid_row	*r;
	size_t		 i, k;

	if (n == 0 || gs_columns(s) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		k = grid_add_row(&d->g);
		r = &d->g.rows[k];
		r->deltagande_id = rows[i]->id;
		strlcpy(r->cell[0], rows[i]->cell[GU_PNR], sizeof r->cell[0]);
		snprintf(r->namn, sizeof r->namn, "%s, start %s",
		    rows[i]->cell[GU_NAMN], rows[i]->cell[GU_START]);
	}
	grid_goto(&d->g, 0, 1);
	d->state = GSS_GRID;
	ui_message(s->ui, 0, "%zu deltagare att registrera ut. Enter sparar "
	    "raden.", n);
	return 0;
}

/* The insats chosen: its grid, or for utregistrering its participants. */
static void
gs_pick(struct screen *s, uint32_t id, const char *namn)
{
	struct gscr	*d = s->data;

	d->insats_id = id;
	strlcpy(d->insats, namn != NULL ? namn : "", sizeof d->insats);
	if (d->typ == FRAGA_IN)
		gs_open_in(s);
	else
		gs_ut_list(s);
}

/* Esc in the grid: asks first when rows are not stored. */
static int
gs_leave_grid(struct screen *s)
{
	static const char *const ask[] = {
		"Det finns rader som inte är sparade. Det som står i dem",
		"försvinner om du lämnar rutnätet.",
		"",
		"Lämna ändå? (j/n)",
	};
	struct gscr	*d = s->data;

	if (grid_unsaved(&d->g) && !ui_ask(s->ui, "Ej sparat", ask,
	    sizeof ask / sizeof ask[0]))
		return 1;
	grid_free(&d->g);
	grid_init(&d->g, s->ui, d->insats_id, d->typ);
	ui_message(s->ui, 0, "%s", "");
	if (d->typ == FRAGA_UT) {
		gs_ut_list(s);
		return 1;
	}
	if (d->several) {
		d->state = GSS_INSATS;
		return 1;
	}
	return 0;
}

/* Keys while the grid is shown. */
static int
gs_grid_key(struct screen *s, const struct keyev *ev)
{
	struct gscr	*d = s->data;

	if (ev->action == ACT_CANCEL)
		return gs_leave_grid(s);
	if (keys_is_enter(ev) || ev->action == ACT_SAVE) {
		grid_save_row(&d->g);
		return 1;
	}
	if (ev->code == KEY_F(5)) {
		grid_flush(&d->g);
		return 1;
	}
	return grid_key(&d->g, ev);
}

/* Routes keys by what is shown. */
static int
gs_key(struct screen *s, const struct keyev *ev)
{
	struct gscr		*d = s->data;
	struct plist_row	*row;
	int			 rv;

	if (d->state == GSS_GRID)
		return gs_grid_key(s, ev);
	if (d->state == GSS_DELTAGARE)
		return gs_ut_key(s, ev);
	if (ev->action == ACT_CANCEL)
		return 0;
	rv = chooser_key(&d->ch, s->ui, ev);
	if (rv == CHOOSER_PICKED && (row = plist_current(&d->ch.pl)) != NULL) {
		gs_pick(s, row->id, row->cell[DELTAGARE_INSATS_NAMN]);
		return 1;
	}
	return rv;
}

/* The line under the grid: how many rows of each kind. */
static void
gs_draw_counts(struct gscr *d, WINDOW *w, int y, int width)
{
	size_t	i, n[GS_FEL + 1];
	char	line[160];

	memset(n, 0, sizeof n);
	for (i = 0; i < d->g.nrows; i++)
		n[d->g.rows[i].status]++;
	snprintf(line, sizeof line, "Sparade %zu · fanns %zu · fel %zu · "
	    "ej skickade %zu", n[GS_SPARAD], n[GS_FANNS], n[GS_FEL],
	    n[GS_EJ_SKICKAD]);
	wattron(w, A_DIM);
	text_put(w, y, 1, line, width);
	wattroff(w, A_DIM);
}

/* Draws the grid with its title, counts, detail and keys. */
static void
gs_draw_grid(struct screen *s, WINDOW *w)
{
	struct gscr	*d = s->data;
	char		 line[sizeof d->insats + 64];
	int		 width = s->cols - 1, y = s->lines - GS_FOOT;

	snprintf(line, sizeof line, "%s: %s", d->typ == FRAGA_IN ?
	    "Snabbregistrering" : "Snabb utregistrering", d->insats);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, line, width);
	wattroff(w, A_BOLD);
	d->g.height = s->lines - GS_TOP - GS_FOOT - 1;
	grid_draw(&d->g, w, GS_TOP, width);
	gs_draw_counts(d, w, y, width);
	grid_draw_detail(&d->g, w, y + 1, width);
	text_put(w, s->lines - 2, 1, "Enter Spara rad  Tab/S-Tab Cell  "
	    "^D Som ovan", width);
	text_put(w, s->lines - 1, 1, "F5 Skicka igen  \u2191\u2193 Rad  "
	    "Esc Tillbaka", width);
}

/* Draws the chooser, the participant list or the grid. */
static void
gs_draw(struct screen *s, WINDOW *w)
{
	struct gscr	*d = s->data;

	if (d->state == GSS_GRID)
		gs_draw_grid(s, w);
	else if (d->state == GSS_DELTAGARE)
		gs_ut_draw(s, w);
	else if (d->ch.pl.ready && d->ch.pl.vl.total == 0)
		text_wrap(w, 1, 1, "Du är inte deltagaransvarig för någon "
		    "insats där deltagare registreras med personuppgifter.",
		    s->cols - 2, 3);
	else
		chooser_draw(&d->ch, w, s->lines, s->cols);
}

/* The first time: the insatser to choose among, or the only one. */
static void
gs_enter(struct screen *s)
{
	struct gscr		*d = s->data;
	struct plist_row	*only;

	if (d->started || !remote_connected(s->ui->remote))
		return;
	d->started = 1;
	if (chooser_start(&d->ch, s->ui) != 0)
		return;
	if ((only = chooser_only(&d->ch)) != NULL)
		gs_pick(s, only->id, only->cell[DELTAGARE_INSATS_NAMN]);
	else
		d->several = d->ch.pl.vl.total > 1;
}

/* Fits the lists and the grid to the screen's lines. */
static void
gs_layout(struct screen *s, int lines, int cols)
{
	struct gscr	*d = s->data;

	(void)cols;
	chooser_layout(&d->ch, lines);
	gs_ut_layout(s, lines);
	d->g.height = lines - GS_TOP - GS_FOOT - 1;
}

/* The cursor in the cell being typed, or the chooser's field. */
static int
gs_cursor(struct screen *s, int *y, int *x)
{
	struct gscr	*d = s->data;

	if (d->state == GSS_GRID)
		return grid_cursor(&d->g, GS_TOP, s->cols - 1, y, x);
	if (d->state == GSS_INSATS)
		return chooser_cursor(&d->ch, s->cols, y, x);
	return 0;
}

/* For the frame: rows typed and not stored must not vanish unasked. */
static int
gs_dirty(struct screen *s)
{
	struct gscr	*d = s->data;

	return d->state == GSS_GRID && grid_unsaved(&d->g);
}

/* Frees the screen's data. */
static void
gs_free(struct screen *s)
{
	struct gscr	*d = s->data;

	grid_free(&d->g);
	gs_ut_free(s);
	chooser_free(&d->ch);
	free(d);
}

static const struct screen_type scr_grid_in_type = {
	.title = "Snabbregistrering",
	.enter = gs_enter,
	.layout = gs_layout,
	.draw = gs_draw,
	.key = gs_key,
	.free = gs_free,
	.cursor = gs_cursor,
	.dirty = gs_dirty,
	.wide = 1,
};

static const struct screen_type scr_grid_ut_type = {
	.title = "Snabb utregistrering",
	.enter = gs_enter,
	.layout = gs_layout,
	.draw = gs_draw,
	.key = gs_key,
	.free = gs_free,
	.cursor = gs_cursor,
	.dirty = gs_dirty,
	.wide = 1,
};

/* A grid screen for occasion typ; the insats is chosen first. */
static struct screen *
gs_new(struct ui *ui, uint8_t typ)
{
	struct screen	*s;
	struct gscr	*d;

	d = xcalloc(1, sizeof *d);
	d->typ = typ;
	d->state = GSS_INSATS;
	grid_init(&d->g, ui, 0, typ);
	s = screen_new(ui, typ == FRAGA_IN ? &scr_grid_in_type :
	    &scr_grid_ut_type, d);
	chooser_init(&d->ch, "insats", 0, deltagare_insats_cols,
	    deltagare_insats_ncols, deltagare_insats_fetch,
	    s);
	gs_ut_init(s);
	return s;
}

/* Snabbregistrering from the menu. */
struct screen *
scr_grid_in_new(struct ui *ui)
{
	return gs_new(ui, FRAGA_IN);
}

/* Snabb utregistrering from the menu. */
struct screen *
scr_grid_ut_new(struct ui *ui)
{
	return gs_new(ui, FRAGA_UT);
}
