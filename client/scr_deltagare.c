/*
 * Registrera deltagare (domain.md 5.2, rule 36): the deltagaransvarig
 * chooses one of the insatser he registers participants in (those the
 * Startsida marks START_A_DELTAGARE; with one only, it opens at once),
 * then sees its participants: the personnummer masked as the server
 * sends it, the name, the dates and the avslutsanledning. A status
 * choice (Pågående, Avslutade, Alla; F6 cycles it) and a search field
 * (namn with '*', or a whole personnummer) narrow the list, which pages
 * as the cursor moves. Enter opens the person's own view, F3 registers
 * a new participant and F7 registers the row's participant out; back
 * from any of them the list is fetched again on the same row.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deltagande.h"
#include "proto.h"
#include "xmalloc.h"

/* The chooser's columns. */
enum { DC_NAMN, DC_SAMORG, DC_START, DC__COUNT };

/*
 * The insats chooser's columns, shared with the grids (scr_grid.c);
 * column 0 (DC_NAMN) is the insats's name.
 */
const size_t deltagare_insats_ncols = DC__COUNT;
const struct tbl_col deltagare_insats_cols[DC__COUNT] = {
	[DC_NAMN] = { "Insats", 20, 40, 0, NULL, 0 },
	[DC_SAMORG] = { "Samverkansorganisation", 14, 50, 2, NULL, 0 },
	[DC_START] = { "Startdatum", 10, 10, 1, NULL, 0 },
};

/* The fields over the list. */
enum { DF_SOK, DF_STATUS, DF__COUNT };

/* The status choice, in the order Space cycles it. */
static const char *const dl_status_names[] = { "Pågående", "Avslutade",
    "Alla" };
static const uint8_t dl_status_codes[] = { DELTAGARE_S_PAGAENDE,
    DELTAGARE_S_AVSLUTADE, DELTAGARE_S_ALLA };
/* The same in the count line: "3 pågående". */
static const char *const dl_status_lower[] = { "pågående", "avslutade",
    "" };
#define DL_NSTATUS	(sizeof dl_status_names / sizeof dl_status_names[0])

/* Rows: the heading, the fields (three with the hint), the count. */
#define DL_LIST_Y	5
/* Under the list: the row's details and two key lines. */
#define DL_FOOT		3

static const struct rlist_kind dl_kind = {
	MSG_DELTAGARE_SEARCH, MSG_DELTAGARE_LIST,
	sizeof(struct msg_deltagare_list), sizeof(struct deltagare_row),
	offsetof(struct msg_deltagare_list, total),
	offsetof(struct msg_deltagare_list, nrows),
	offsetof(struct msg_deltagare_list, rows),
	offsetof(struct msg_deltagare_search, offset),
	offsetof(struct msg_deltagare_search, limit),
};

/*
 * At 80 columns the list has 52 (it takes the right margin): the masked
 * number, the name, wide enough for "(avidentifierad)", and the start;
 * Slut and Avslut mean nothing while taking part, so Pågående leaves
 * them out, and otherwise Avslut gives way first (the line under the
 * list names it for the row under the cursor).
 */
static const struct rlist_col dl_cols[] = {
	{ "Personnummer", 13, 13, 0 },
	{ "Namn", 16, 40, 0 },
	{ "Start", 10, 10, 0 },
	{ "Slut", 10, 10, 2 },
	{ "Avslut", 10, 40, 1 },
};
#define DL_COLS		(sizeof dl_cols / sizeof dl_cols[0])
#define DL_COLS_PAGAENDE 3

struct dlist {
	uint32_t		 insats_id;
	char			 insats[SUS_NAME_MAX * 4 + 1];
	int			 choosing;	/* the chooser is shown */
	int			 several;	/* Esc goes back to it */
	int			 started;
	int			 back;		/* fetch again when shown */
	struct chooser		 ch;
	struct mfield		 f[DF__COUNT];
	struct mform		 form;
	int			 in_list;
	char			 pattern[SUS_PATTERN_MAX * 4 + 1];
	int			 status;	/* index of the list shown */
	struct msg_deltagare_search req;	/* points into pattern */
	struct rlist		 list;
};

/* One row's cells; a stripped row has neither number nor name. */
static void
dl_values(const void *row, const char **v, char (*buf)[RLIST_CELL])
{
	const struct deltagare_row *r = row;

	(void)buf;
	v[0] = r->avidentifierad ? "–" : r->personnummer;
	v[1] = r->avidentifierad ? "(avidentifierad)" : r->namn;
	v[2] = r->startdatum;
	v[3] = r->slutdatum;
	v[4] = r->avslutsanledning;
}

/*
 * Chooser fetch: the insatser of the Startsida where the user registers
 * participants. The Startsida comes whole, so a later page is empty.
 */
int
deltagare_insats_fetch(struct plist *pl, size_t offset, size_t limit,
    size_t *total)
{
	struct screen		*s = pl->arg;
	struct msg_start	 rep;
	const struct start_rad	*r;
	const char		*v[DC__COUNT];
	uint32_t		 i;
	size_t			 n = 0;

	(void)limit;
	if (offset > 0) {
		*total = offset;
		return 0;
	}
	memset(&rep, 0, sizeof rep);
	if (ui_call(s->ui, MSG_START_GET, NULL, MSG_START, &rep) != 0)
		return -1;
	for (i = 0; i < rep.nrader; i++) {
		r = &rep.rader[i];
		if (r->insats_id == 0 || !(r->actions & START_A_DELTAGARE))
			continue;
		v[DC_NAMN] = r->insats;
		v[DC_SAMORG] = r->samorg;
		v[DC_START] = r->startdatum;
		plist_add(pl, r->insats_id, r->samorg_id, v);
		n++;
	}
	*total = n;
	msg_clear(MSG_START, &rep);
	return 0;
}

/* Points the request at the criteria of the list shown. */
static void
dl_req_set(struct dlist *d)
{
	memset(&d->req, 0, sizeof d->req);
	d->req.insats_id = d->insats_id;
	d->req.status = dl_status_codes[d->status];
	d->req.pattern = d->pattern;
	d->list.ncols = dl_status_codes[d->status] == DELTAGARE_S_PAGAENDE ?
	    DL_COLS_PAGAENDE : DL_COLS;
}

/* Fits the list between the fields and the footer. */
static void
dl_fit(struct screen *s)
{
	struct dlist	*d = s->data;

	rlist_resize(&d->list, s->lines - DL_LIST_Y - DL_FOOT);
	chooser_layout(&d->ch, s->lines);
}

/*
 * Searches with the fields' text and status. The list shown keeps its
 * own criteria for its further pages when the search fails.
 */
static void
dl_search(struct screen *s)
{
	struct dlist	*d = s->data;
	char		 keep[sizeof d->pattern], typed[sizeof d->pattern];
	int		 keep_status = d->status;
	size_t		 a, b;

	if (entry_get(&d->f[DF_SOK].entry, typed, sizeof typed) != 0) {
		ui_message(s->ui, 1, "Söktexten är för lång. Korta den och "
		    "sök igen.");
		return;
	}
	/* Spaces around the text are not part of a name or a number. */
	a = strspn(typed, " ");
	for (b = strlen(typed); b > a && typed[b - 1] == ' '; b--)
		;
	typed[b] = '\0';
	strlcpy(keep, d->pattern, sizeof keep);
	strlcpy(d->pattern, typed + a, sizeof d->pattern);
	d->status = d->f[DF_STATUS].value;
	dl_req_set(d);
	if (rlist_search(&d->list, s->ui) != 0) {
		strlcpy(d->pattern, keep, sizeof d->pattern);
		d->status = keep_status;
		d->f[DF_STATUS].value = keep_status;
		dl_req_set(d);
		return;
	}
	if (d->list.vl.total == 0) {
		ui_message(s->ui, 0, "%s", d->pattern[0] != '\0' ? "Ingen "
		    "deltagare matchar. Sök namn med *, t.ex. Lind*, eller hela "
		    "personnumret." : "Inga deltagare med den statusen.");
		d->in_list = 0;
		return;
	}
	ui_message(s->ui, 0, "%s", "");
	d->in_list = 1;
}

/* Opens the list of insats id, named namn. */
static void
dl_open(struct screen *s, uint32_t id, const char *namn)
{
	struct dlist	*d = s->data;

	d->insats_id = id;
	strlcpy(d->insats, namn != NULL && *namn != '\0' ? namn : "insatsen",
	    sizeof d->insats);
	d->choosing = 0;
	d->in_list = 0;
	d->list.searched = 0;
	dl_fit(s);
	dl_search(s);
}

/* The insats's name from the chooser's rows, "" when it is not there. */
static const char *
dl_name_of(struct dlist *d, uint32_t id)
{
	size_t	i;

	for (i = 0; i < d->ch.pl.vl.loaded; i++) {
		if (d->ch.pl.rows[i].id == id)
			return d->ch.pl.rows[i].cell[DC_NAMN];
	}
	return "";
}

/* Opens a screen over the list; the list is fetched again after it. */
static void
dl_push(struct screen *s, struct screen *next)
{
	struct dlist	*d = s->data;

	d->back = 1;
	ui_push(s->ui, next);
}

/* The row under the cursor when the list has one, else NULL. */
static const struct deltagare_row *
dl_current(struct dlist *d)
{
	if (!d->list.searched)
		return NULL;
	return rlist_current(&d->list);
}

/* F7: the row's participant registered out, or the utregistrering. */
static void
dl_utregistrera(struct screen *s)
{
	struct dlist			*d = s->data;
	const struct deltagare_row	*r = dl_current(d);

	if (r == NULL)
		ui_message(s->ui, 1, "Välj först en deltagare i listan.");
	else if (r->avidentifierad)
		ui_message(s->ui, 1, "Personuppgifterna är borttagna; "
		    "deltagandet kan inte ändras.");
	else
		dl_push(s, scr_deltagare_form_new(s->ui, d->insats_id,
		    r->deltagande_id, FRAGA_UT));
}

/* Enter on a row: the person's own view. */
static void
dl_visa(struct screen *s)
{
	struct dlist			*d = s->data;
	const struct deltagare_row	*r = dl_current(d);

	if (r != NULL)
		dl_push(s, scr_deltagare_view_new(s->ui, d->insats_id,
		    r->deltagande_id));
}

/* F5: the list again on the same row. */
static void
dl_refresh(struct screen *s)
{
	struct dlist	*d = s->data;

	if (!d->list.searched) {
		dl_search(s);
		return;
	}
	if (rlist_refresh(&d->list, s->ui) == 0)
		ui_message(s->ui, 0, "Listan är uppdaterad.");
}

/* F6: the next status, searched at once. */
static void
dl_next_status(struct screen *s)
{
	struct dlist	*d = s->data;

	d->f[DF_STATUS].value = (d->f[DF_STATUS].value + 1) %
	    (int)DL_NSTATUS;
	dl_search(s);
}

/* Keys while the list has the focus. */
static int
dl_list_key(struct screen *s, const struct keyev *ev)
{
	struct dlist	*d = s->data;

	if (ev->action == ACT_NEXT || ev->action == ACT_PREV ||
	    (ev->code == KEY_UP && d->list.vl.cursor == 0)) {
		d->in_list = 0;
		mform_focus(&d->form, ev->action == ACT_NEXT ? DF_SOK :
		    DF_STATUS);
		return 1;
	}
	if (keys_is_enter(ev)) {
		dl_visa(s);
		return 1;
	}
	return rlist_key(&d->list, s->ui, ev);
}

/* Keys in the fields: Enter searches, a new status at once. */
static int
dl_form_key(struct screen *s, const struct keyev *ev)
{
	struct dlist	*d = s->data;
	char		 text[160];
	int		 down, rv, status = d->f[DF_STATUS].value;

	if (keys_is_enter(ev)) {
		dl_search(s);
		return 1;
	}
	down = ev->action == ACT_NEXT || ev->code == KEY_DOWN;
	if (down && d->form.focus == DF_STATUS) {
		if (d->list.vl.total > 0)
			d->in_list = 1;
		else if (ev->action == ACT_NEXT)
			mform_focus(&d->form, DF_SOK);
		return 1;
	}
	if ((ev->action == ACT_PREV || ev->code == KEY_UP) &&
	    d->form.focus == DF_SOK)
		return 1;
	if ((rv = mform_key(&d->form, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(&d->form, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	if (d->f[DF_STATUS].value != status)
		dl_search(s);
	return rv != 0;
}

/* Keys on the list screen: the function keys first, then the focus. */
static int
dl_key_list(struct screen *s, const struct keyev *ev)
{
	struct dlist	*d = s->data;

	if (ev->action == ACT_CANCEL) {
		if (!d->several)
			return 0;
		d->choosing = 1;
		ui_message(s->ui, 0, "%s", "");
		return 1;
	}
	if (ev->action == ACT_SEARCH || ev->code == KEY_F(3))
		dl_push(s, scr_deltagare_form_new(s->ui, d->insats_id, 0,
		    FRAGA_IN));
	else if (ev->code == KEY_F(5))
		dl_refresh(s);
	else if (ev->code == KEY_F(6))
		dl_next_status(s);
	else if (ev->code == KEY_F(7))
		dl_utregistrera(s);
	else if (d->in_list && d->list.vl.total > 0)
		return dl_list_key(s, ev);
	else {
		d->in_list = 0;
		return dl_form_key(s, ev);
	}
	return 1;
}

/* Routes keys: the chooser until an insats is chosen, then the list. */
static int
dl_key(struct screen *s, const struct keyev *ev)
{
	struct dlist		*d = s->data;
	struct plist_row	*row;
	int			 rv;

	if (!d->choosing)
		return dl_key_list(s, ev);
	if (ev->action == ACT_CANCEL)
		return 0;
	rv = chooser_key(&d->ch, s->ui, ev);
	if (rv == CHOOSER_PICKED && (row = plist_current(&d->ch.pl)) != NULL) {
		dl_open(s, row->id, row->cell[DC_NAMN]);
		return 1;
	}
	return rv;
}

/* The line under the fields: how many, which row, for what. */
static void
dl_draw_count(struct screen *s, WINDOW *w, int y)
{
	struct dlist	*d = s->data;
	const char	*st = dl_status_lower[d->status];
	char		 what[sizeof d->pattern + 16], line[sizeof what + 96];

	/* A personnummer searched for is not repeated on the screen. */
	what[0] = '\0';
	if (d->pattern[0] != '\0' && d->pattern[strspn(d->pattern,
	    "0123456789-+")] == '\0')
		strlcpy(what, " för personnumret", sizeof what);
	else if (d->pattern[0] != '\0')
		snprintf(what, sizeof what, " för \"%s\"", d->pattern);
	if (!d->list.searched)
		snprintf(line, sizeof line, "Deltagarna kunde inte hämtas. "
		    "F5 försöker igen.");
	else if (d->list.vl.total == 0)
		snprintf(line, sizeof line, "Inga %s%sdeltagare%s.", st,
		    *st != '\0' ? " " : "", what);
	else
		snprintf(line, sizeof line, "%s: %zu (rad %zu)%s",
		    dl_status_names[d->status], d->list.vl.total,
		    d->list.vl.cursor + 1, what);
	text_put(w, y, 1, line, s->cols - 2);
}

/* The row under the cursor in words: how it ended, or kön and year. */
static void
dl_draw_detail(struct screen *s, WINDOW *w, int y)
{
	struct dlist			*d = s->data;
	const struct deltagare_row	*r = dl_current(d);
	char				 line[512];

	if (r == NULL)
		return;
	if (r->slutdatum[0] != '\0')
		snprintf(line, sizeof line, "Avslutad %s: %s", r->slutdatum,
		    r->avslutsanledning);
	else
		snprintf(line, sizeof line, "%s, född %u. Pågår sedan %s.",
		    r->kon, r->fodelsear, r->startdatum);
	wattron(w, A_DIM);
	text_put(w, y, 1, line, s->cols - 2);
	wattroff(w, A_DIM);
}

/* Draws the heading, the fields, the list and the keys. */
static void
dl_draw_list(struct screen *s, WINDOW *w)
{
	struct dlist			*d = s->data;
	const struct deltagare_row	*r;
	char				 line[sizeof d->insats + 32];
	int				 width = s->cols - 2;

	snprintf(line, sizeof line, "Deltagare i %s", d->insats);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, line, width);
	wattroff(w, A_BOLD);
	mform_draw(&d->form, w, 1, 1, width, !d->in_list);
	dl_draw_count(s, w, DL_LIST_Y - 1);
	if (d->list.searched && d->list.vl.total > 0) {
		rlist_draw(&d->list, w, DL_LIST_Y, 1, width + 1, d->in_list);
		dl_draw_detail(s, w, s->lines - DL_FOOT);
	}
	r = d->list.searched ? dl_current(d) : NULL;
	/* F7 on a row already registered out opens its correction. */
	text_put(w, s->lines - 2, 1, r != NULL && r->slutdatum[0] != '\0' ?
	    "Enter Visa  F3 Ny deltagare  F7 Ändra utreg." :
	    "Enter Visa  F3 Ny deltagare  F7 Utregistrera", width);
	text_put(w, s->lines - 1, 1, d->several ? "F5 Uppdatera  F6 Status  "
	    "Esc Välj insats" : "F5 Uppdatera  F6 Status  Esc Tillbaka",
	    width);
}

static void
dl_draw(struct screen *s, WINDOW *w)
{
	struct dlist	*d = s->data;

	if (d->choosing && d->ch.pl.ready && d->ch.pl.vl.total == 0)
		text_wrap(w, 1, 1, "Du är inte deltagaransvarig för någon "
		    "insats där deltagare registreras med personuppgifter.",
		    s->cols - 2, 3);
	else if (d->choosing)
		chooser_draw(&d->ch, w, s->lines, s->cols);
	else
		dl_draw_list(s, w);
}

/*
 * The first time: the insatser to choose among (from the menu), or the
 * name of the one given. Back from a screen opened here: the list again,
 * on the same row, since a participant may have been added or changed.
 */
static void
dl_enter(struct screen *s)
{
	struct dlist		*d = s->data;
	struct plist_row	*only;

	if (!remote_connected(s->ui->remote))
		return;
	if (!d->started) {
		d->started = 1;
		if (!d->choosing) {
			if (plist_load(&d->ch.pl) != 0)
				d->ch.pl.ready = 0;
			dl_open(s, d->insats_id, dl_name_of(d, d->insats_id));
			return;
		}
		if (chooser_start(&d->ch, s->ui) != 0)
			return;
		if ((only = chooser_only(&d->ch)) != NULL)
			dl_open(s, only->id, only->cell[DC_NAMN]);
		else
			d->several = d->ch.pl.vl.total > 1;
		return;
	}
	if (d->choosing) {
		if (d->ch.pl.ready)
			plist_fill(&d->ch.pl);
		return;
	}
	if (d->back && d->list.searched)
		(void)rlist_refresh(&d->list, s->ui);
	else if (d->back)
		dl_search(s);
	else
		rlist_fill(&d->list, s->ui);
	d->back = 0;
}

static void
dl_layout(struct screen *s, int lines, int cols)
{
	(void)lines;
	(void)cols;
	dl_fit(s);
}

/* The cursor in the search field while it has the focus. */
static int
dl_cursor(struct screen *s, int *y, int *x)
{
	struct dlist	*d = s->data;

	if (d->choosing)
		return chooser_cursor(&d->ch, s->cols, y, x);
	if (d->in_list)
		return 0;
	return mform_cursor(&d->form, 1, 1, s->cols - 2, y, x);
}

static void
dl_free(struct screen *s)
{
	struct dlist	*d = s->data;

	rlist_free(&d->list);
	chooser_free(&d->ch);
	free(d);
}

static const struct screen_type scr_deltagare_type = {
	.title = "Registrera deltagare",
	.enter = dl_enter,
	.layout = dl_layout,
	.draw = dl_draw,
	.key = dl_key,
	.free = dl_free,
	.cursor = dl_cursor,
};

/* The participants of one insats, from the Startsida. */
struct screen *
scr_deltagare_insats_new(struct ui *ui, uint32_t insats_id)
{
	struct screen	*s;
	struct dlist	*d;

	d = xcalloc(1, sizeof *d);
	d->insats_id = insats_id;
	d->f[DF_SOK].kind = MF_ENTRY;
	d->f[DF_SOK].label = "Sök";
	d->f[DF_SOK].hint = "Namn med *, t.ex. Lind*, eller personnummer";
	/* The protocol measures patterns in bytes: å takes two. */
	entry_init(&d->f[DF_SOK].entry, SUS_PATTERN_MAX, 0);
	entry_limit_bytes(&d->f[DF_SOK].entry, SUS_PATTERN_MAX);
	d->f[DF_STATUS].kind = MF_CHOICE;
	d->f[DF_STATUS].label = "Status";
	d->f[DF_STATUS].choices = dl_status_names;
	d->f[DF_STATUS].nchoices = DL_NSTATUS;
	mform_init(&d->form, d->f, DF__COUNT);
	rlist_init(&d->list, &dl_kind, &d->req, dl_cols, DL_COLS, dl_values);
	dl_req_set(d);
	s = screen_new(ui, &scr_deltagare_type, d);
	chooser_init(&d->ch, "insats", 0, deltagare_insats_cols, DC__COUNT,
	    deltagare_insats_fetch, s);
	return s;
}

/* From the menu: the insats is chosen first, unless there is one. */
struct screen *
scr_deltagare_new(struct ui *ui)
{
	struct screen	*s = scr_deltagare_insats_new(ui, 0);

	((struct dlist *)s->data)->choosing = 1;
	return s;
}
