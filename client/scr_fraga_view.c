/*
 * Visa frågeformulär (domain.md 2.3, 5.2): the questions a
 * deltagaransvarig is asked to answer at one occasion on one day, drawn
 * as the form will show them (ja/nej and single choice as radio buttons,
 * multiple choice as check boxes, an integer as a field, * for a
 * mandatory question), read-only. Opened from Hantera kompletterande
 * frågor.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "scr_fraga.h"
#include "xmalloc.h"

enum { FV_TILL, FV_DATUM, FV__COUNT };

static const char *const fraga_view_tillfallen[] = { "Inregistrering",
    "Utregistrering" };
/* FRAGA_* for each choice above. */
static const uint8_t fraga_view_till[] = { FRAGA_IN, FRAGA_UT };

/* Rows above the form: title, two fields, a note and a blank row. */
#define FRAGA_VIEW_TOP		5

/* One drawn line of the form. */
struct fraga_line {
	char		*text;
	int		 attr;
};

struct fraga_view {
	uint32_t		 samorg_id;
	char			 samorg[256];
	struct mfield		 f[FV__COUNT];
	struct mform		 form;
	struct msg_fraga_list	 list;
	int			 loaded;
	char			 shown[128];	/* what the form shows */
	struct fraga_line	*lines;
	size_t			 nlines;
	size_t			 top;
	int			 width;		/* the lines were made for */
};

/* Forgets the drawn lines. */
static void
fraga_view_lines_clear(struct fraga_view *v)
{
	size_t	i;

	for (i = 0; i < v->nlines; i++)
		free(v->lines[i].text);
	free(v->lines);
	v->lines = NULL;
	v->nlines = 0;
}

/* Appends a line of the form. */
static void
fraga_view_add(struct fraga_view *v, const char *text, int attr)
{
	v->lines = xreallocarray(v->lines, v->nlines + 1, sizeof *v->lines);
	v->lines[v->nlines].text = xstrdup(text);
	v->lines[v->nlines++].attr = attr;
}

/*
 * Appends text broken to width, the first line after lead and the rest
 * under its start: "1. Har du ..." or "   ( ) Buss".
 */
static void
fraga_view_wrap(struct fraga_view *v, const char *lead, int indent,
    const char *text, int width, int attr)
{
	const char	*lines[8];
	char		 buf[1024], line[1200];
	size_t		 i, n;
	int		 lw = text_width(lead), room = width - indent - lw;

	n = text_lines(text, room > 10 ? room : 10, buf, sizeof buf, lines, 8);
	if (n == 0) {
		lines[0] = "";
		n = 1;
	}
	for (i = 0; i < n; i++) {
		if (i == 0)
			snprintf(line, sizeof line, "%*s%s%s", indent, "", lead,
			    lines[0]);
		else
			snprintf(line, sizeof line, "%*s%s", indent + lw, "",
			    lines[i]);
		fraga_view_add(v, line, attr);
	}
}

/* Appends one question as its field on the form will look. */
static void
fraga_view_question(struct fraga_view *v, const struct msg_fraga *q,
    uint32_t nr, int width)
{
	char		lead[32], text[1024];
	uint32_t	i;

	snprintf(lead, sizeof lead, "%u. ", nr);
	/* A no-break space keeps the mark on the line of the last word. */
	snprintf(text, sizeof text, "%s%s", q->namn,
	    q->obligatorisk ? "\u00a0*" : "");
	fraga_view_wrap(v, lead, 0, text, width, A_BOLD);
	switch (q->svarstyp) {
	case SVAR_JANEJ:
		fraga_view_add(v, "   ( ) Ja    ( ) Nej", A_NORMAL);
		break;
	case SVAR_HELTAL:
		fraga_view_add(v, "   [__________]  (ett heltal)", A_NORMAL);
		break;
	default:
		for (i = 0; i < q->nalternativ; i++)
			fraga_view_wrap(v, q->svarstyp == SVAR_ENVAL ?
			    "( ) " : "[ ] ", 3, q->alternativ[i].text, width,
			    A_NORMAL);
		break;
	}
	fraga_view_add(v, "", A_NORMAL);
}

/* Makes the form's lines for a width from the questions loaded. */
static void
fraga_view_build(struct fraga_view *v, int width)
{
	char		line[256];
	uint32_t	i;

	fraga_view_lines_clear(v);
	v->width = width;
	if (!v->loaded)
		return;
	if (v->list.nrows == 0) {
		snprintf(line, sizeof line, "Inga kompletterande frågor ställs "
		    "vid %s.", v->shown);
		fraga_view_add(v, line, A_NORMAL);
		return;
	}
	for (i = 0; i < v->list.nrows; i++)
		fraga_view_question(v, &v->list.rows[i], i + 1, width);
}

/* Fetches the questions for the occasion and day in the fields. */
static void
fraga_view_load(struct screen *s)
{
	struct fraga_view	*v = s->data;
	struct msg_fraga_search	 req;
	struct msg_fraga_list	 rep;
	char			 datum[16];
	uint8_t			 till = fraga_view_till[v->f[FV_TILL].value];

	if (entry_get(&v->f[FV_DATUM].entry, datum, sizeof datum) != 0 ||
	    !date_valid(datum)) {
		mform_focus(&v->form, FV_DATUM);
		ui_message(s->ui, 1, "Skriv datumet som ÅÅÅÅ-MM-DD.");
		return;
	}
	memset(&rep, 0, sizeof rep);
	req.samorg_id = v->samorg_id;
	req.datum = datum;
	req.mattillfalle = till;
	if (ui_call(s->ui, MSG_FRAGA_SEARCH, &req, MSG_FRAGA_LIST, &rep) != 0)
		return;
	msg_clear(MSG_FRAGA_LIST, &v->list);
	v->list = rep;
	v->loaded = 1;
	v->top = 0;
	snprintf(v->shown, sizeof v->shown, "%s %s",
	    till == FRAGA_IN ? "inregistrering" : "utregistrering", datum);
	fraga_view_build(v, v->width);
	ui_message(s->ui, 0, "%u %s vid %s.", v->list.nrows,
	    v->list.nrows == 1 ? "fråga ställs" : "frågor ställs", v->shown);
}

/* Rows the form has on a screen of lines. */
static size_t
fraga_view_rows(int lines)
{
	return lines > FRAGA_VIEW_TOP + 2 ?
	    (size_t)(lines - FRAGA_VIEW_TOP - 1) : 1;
}

/* Scrolls the form by delta rows, within its lines. */
static void
fraga_view_scroll(struct screen *s, long delta)
{
	struct fraga_view	*v = s->data;
	size_t			 rows = fraga_view_rows(s->lines), last;

	last = v->nlines > rows ? v->nlines - rows : 0;
	if (delta < 0)
		v->top = (size_t)-delta > v->top ? 0 : v->top - (size_t)-delta;
	else
		v->top = v->top + (size_t)delta > last ? last :
		    v->top + (size_t)delta;
}

/* The occasion changes at once; the day with Enter or F3. */
static int
fraga_view_key(struct screen *s, const struct keyev *ev)
{
	struct fraga_view	*v = s->data;
	long			 page = (long)fraga_view_rows(s->lines) - 1;
	int			 before = v->f[FV_TILL].value, rv;
	char			 text[160];

	if (ev->action == ACT_SEARCH || keys_is_enter(ev)) {
		fraga_view_load(s);
		return 1;
	}
	switch (ev->code) {
	case KEY_UP:
	case KEY_DOWN:
		fraga_view_scroll(s, ev->code == KEY_UP ? -1 : 1);
		return 1;
	case KEY_PPAGE:
	case KEY_NPAGE:
		fraga_view_scroll(s, ev->code == KEY_PPAGE ? -page : page);
		return 1;
	case KEY_HOME:
		v->top = 0;
		return 1;
	case KEY_END:
		fraga_view_scroll(s, (long)v->nlines);
		return 1;
	}
	if (ev->action == ACT_CANCEL)
		return 0;
	rv = mform_key(&v->form, ev);
	if (rv == ENTRY_KEY_FULL) {
		mform_full_text(&v->form, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	if (v->f[FV_TILL].value != before)
		fraga_view_load(s);
	return rv != 0;
}

/* Draws the fields and the form under them. */
static void
fraga_view_draw(struct screen *s, WINDOW *w)
{
	struct fraga_view	*v = s->data;
	char			 line[320];
	size_t			 i, rows = fraga_view_rows(s->lines);
	int			 width = s->cols - 2;

	if (v->width != width - 2)
		fraga_view_build(v, width - 2);
	snprintf(line, sizeof line, "Frågeformulär: %s", v->samorg);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, line, width);
	wattroff(w, A_BOLD);
	mform_draw(&v->form, w, 1, 1, width, 1);
	wattron(w, A_DIM);
	text_put(w, 3, 1, "Deltagaransvarigs vy, skrivskyddad. * "
	    "obligatorisk", width);
	wattroff(w, A_DIM);
	mvwhline(w, FRAGA_VIEW_TOP - 1, 1, ACS_HLINE, width);
	for (i = 0; i < rows && v->top + i < v->nlines; i++) {
		wattron(w, v->lines[v->top + i].attr);
		text_put(w, FRAGA_VIEW_TOP + (int)i, 2,
		    v->lines[v->top + i].text, width - 2);
		wattroff(w, v->lines[v->top + i].attr);
	}
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, v->nlines > rows ? "Mellanslag byter "
	    "tillfälle  ↑↓ PgUp PgDn bläddrar" : "Mellanslag byter tillfälle, "
	    "Enter visar datumet", width);
	wattroff(w, A_DIM);
}

/* Shows the form for today's inregistrering the first time. */
static void
fraga_view_enter(struct screen *s)
{
	struct fraga_view	*v = s->data;

	if (!v->loaded && remote_connected(s->ui->remote))
		fraga_view_load(s);
}

/* Places the cursor in the day's field. */
static int
fraga_view_cursor(struct screen *s, int *y, int *x)
{
	struct fraga_view	*v = s->data;

	return mform_cursor(&v->form, 1, 1, s->cols - 2, y, x);
}

/* Frees the preview. */
static void
fraga_view_free(struct screen *s)
{
	struct fraga_view	*v = s->data;

	fraga_view_lines_clear(v);
	msg_clear(MSG_FRAGA_LIST, &v->list);
	free(v);
}

static const struct screen_type scr_fraga_view_type = {
	.title = "Visa frågeformulär",
	.enter = fraga_view_enter,
	.draw = fraga_view_draw,
	.key = fraga_view_key,
	.free = fraga_view_free,
	.cursor = fraga_view_cursor,
};

/* Visa frågeformulär for an organisation: today's inregistrering. */
struct screen *
scr_fraga_view_new(struct ui *ui, uint32_t samorg_id, const char *samorg)
{
	struct fraga_view	*v;
	char			 today[16];

	v = xcalloc(1, sizeof *v);
	v->samorg_id = samorg_id;
	snprintf(v->samorg, sizeof v->samorg, "%s", samorg);
	v->f[FV_TILL].kind = MF_CHOICE;
	v->f[FV_TILL].label = "Tillfälle";
	v->f[FV_TILL].choices = fraga_view_tillfallen;
	v->f[FV_TILL].nchoices = sizeof fraga_view_tillfallen /
	    sizeof fraga_view_tillfallen[0];
	v->f[FV_DATUM].kind = MF_ENTRY;
	v->f[FV_DATUM].label = "Datum";
	entry_init(&v->f[FV_DATUM].entry, 10, 0);
	date_today_plus(0, 0, today, sizeof today);
	entry_set(&v->f[FV_DATUM].entry, today);
	mform_init(&v->form, v->f, FV__COUNT);
	v->width = -1;
	return screen_new(ui, &scr_fraga_view_type, v);
}
