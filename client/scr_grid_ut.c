/*
 * Snabb utregistrering's first step: the insats's ongoing participants
 * (MSG_DELTAGARE_SEARCH, DELTAGARE_S_PAGAENDE), personnummer masked as
 * the server sends them. Space marks a row, a marks or unmarks all, /
 * searches the rows loaded, and Enter opens the grid with a row for each
 * participant marked, or for the one under the cursor.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deltagande.h"
#include "grid.h"
#include "proto.h"
#include "xmalloc.h"

static const char *gu_show_mark(const struct plist_row *, int, char *,
    size_t);

static const struct tbl_col gu_cols[GU__COUNT] = {
	[GU_VALD] = { "Vald", 4, 4, 0, gu_show_mark, 0 },
	[GU_PNR] = { "Personnummer", 13, 13, 0, NULL, 0 },
	[GU_NAMN] = { "Namn", 14, 40, 0, NULL, 0 },
	[GU_START] = { "Start", 10, 10, 1, NULL, 0 },
};

/* Rows over the list (title, help, count) and under it (keys). */
#define GU_TOP		3
#define GU_FOOT		2

/* "[x]" on a marked row. */
static const char *
gu_show_mark(const struct plist_row *r, int width, char *buf, size_t len)
{
	(void)width;
	(void)buf;
	(void)len;
	return r->mark ? "[x]" : "[ ]";
}

/* Fetches a page of the ongoing participants. */
static int
gu_fetch(struct plist *pl, size_t offset, size_t limit, size_t *total)
{
	struct screen			*s = pl->arg;
	struct gscr			*d = s->data;
	struct msg_deltagare_search	 req;
	struct msg_deltagare_list	 rep;
	const struct deltagare_row	*r;
	const char			*v[GU__COUNT];
	uint32_t			 i;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.insats_id = d->insats_id;
	req.status = DELTAGARE_S_PAGAENDE;
	req.pattern = (char *)"";
	req.offset = (uint32_t)offset;
	req.limit = (uint32_t)limit;
	if (ui_call(s->ui, MSG_DELTAGARE_SEARCH, &req, MSG_DELTAGARE_LIST,
	    &rep) != 0)
		return -1;
	for (i = 0; i < rep.nrows; i++) {
		r = &rep.rows[i];
		v[GU_VALD] = "";
		v[GU_PNR] = r->avidentifierad ? "–" : r->personnummer;
		v[GU_NAMN] = r->avidentifierad ? "(avidentifierad)" : r->namn;
		v[GU_START] = r->startdatum;
		plist_add(pl, r->deltagande_id, r->avidentifierad, v);
	}
	*total = rep.total;
	msg_clear(MSG_DELTAGARE_LIST, &rep);
	return 0;
}

/* Sets up the participant list. */
void
gs_ut_init(struct screen *s)
{
	struct gscr	*d = s->data;

	plist_init(&d->ut, gu_cols, GU__COUNT, gu_fetch, s);
}

/* Frees the participant list. */
void
gs_ut_free(struct screen *s)
{
	struct gscr	*d = s->data;

	plist_clear(&d->ut);
}

/* Fits the participant list between its heading and its keys. */
void
gs_ut_layout(struct screen *s, int lines)
{
	struct gscr	*d = s->data;
	int		 h = lines - GU_TOP - GU_FOOT - 1;

	vlist_resize(&d->ut.vl, h > 0 ? (size_t)h : 1);
}

/* Lists the insats's ongoing participants, none marked. */
void
gs_ut_list(struct screen *s)
{
	struct gscr	*d = s->data;

	d->state = GSS_DELTAGARE;
	gs_ut_layout(s, s->lines);
	d->ut_ready = plist_load(&d->ut) == 0;
	if (d->ut_ready && d->ut.vl.total == 0)
		ui_message(s->ui, 0, "Ingen deltagare pågår i %s.",
		    d->insats);
	else if (d->ut_ready)
		ui_message(s->ui, 0, "Markera med mellanslag, Enter öppnar "
		    "rutnätet.");
}

/* Loads every page, so that a marks the whole list. */
static void
gu_load_all(struct gscr *d)
{
	size_t	keep = d->ut.vl.cursor;

	while (d->ut.vl.loaded < d->ut.vl.total) {
		vlist_goto(&d->ut.vl, d->ut.vl.total - 1);
		plist_fill(&d->ut);
		if (d->ut.vl.loaded < d->ut.vl.total &&
		    d->ut.vl.cursor >= d->ut.vl.loaded)
			break;
	}
	vlist_goto(&d->ut.vl, keep);
}

/* Enter: the grid with the rows marked, or the one under the cursor. */
static void
gu_open(struct screen *s)
{
	struct gscr		 *d = s->data;
	const struct plist_row	**rows, *cur;
	size_t			  i, n = 0;

	rows = xcalloc(d->ut.vl.loaded + 1, sizeof *rows);
	for (i = 0; i < d->ut.vl.loaded && n < GRID_ROWS_MAX; i++) {
		if (d->ut.rows[i].mark && !d->ut.rows[i].aux)
			rows[n++] = &d->ut.rows[i];
	}
	if (n == 0 && (cur = plist_current(&d->ut)) != NULL && !cur->aux)
		rows[n++] = cur;
	if (n == 0)
		ui_message(s->ui, 1, "Välj först en deltagare i listan.");
	else
		(void)gs_open_ut(s, rows, n);
	free(rows);
}

/* Keys on the participant list. */
int
gs_ut_key(struct screen *s, const struct keyev *ev)
{
	struct gscr		*d = s->data;
	struct plist_row	*r;
	size_t			 i;
	int			 all = 1;

	if (ev->action == ACT_CANCEL) {
		if (!d->several)
			return 0;
		d->state = GSS_INSATS;
		ui_message(s->ui, 0, "%s", "");
		return 1;
	}
	if (ev->code == KEY_F(5)) {
		gs_ut_list(s);
		return 1;
	}
	if (!d->ut_ready || d->ut.vl.total == 0)
		return 0;
	if (keys_is_enter(ev)) {
		gu_open(s);
		return 1;
	}
	if (ev->code == 0 && ev->ch == L' ') {
		if ((r = plist_current(&d->ut)) != NULL && r->aux)
			ui_message(s->ui, 1, "Personuppgifterna är borttagna; "
			    "deltagandet kan inte ändras.");
		else if (r != NULL)
			r->mark = !r->mark;
		vlist_move(&d->ut.vl, 1);
		plist_fill(&d->ut);
		return 1;
	}
	if (ev->code == 0 && ev->ch == L'a') {
		gu_load_all(d);
		for (i = 0; i < d->ut.vl.loaded; i++)
			all = all && (d->ut.rows[i].mark || d->ut.rows[i].aux);
		for (i = 0; i < d->ut.vl.loaded; i++)
			d->ut.rows[i].mark = !all && !d->ut.rows[i].aux;
		return 1;
	}
	return plist_key(&d->ut, s->ui, ev);
}

/* Draws the list with how many are marked, and the keys. */
void
gs_ut_draw(struct screen *s, WINDOW *w)
{
	struct gscr	*d = s->data;
	char		 line[sizeof d->insats + 64];
	size_t		 i, n = 0;
	int		 width = s->cols - 2;

	snprintf(line, sizeof line, "Snabb utregistrering: %s", d->insats);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, line, width);
	wattroff(w, A_BOLD);
	for (i = 0; i < d->ut.vl.loaded; i++)
		n += d->ut.rows[i].mark != 0;
	if (!d->ut_ready)
		snprintf(line, sizeof line, "Deltagarna kunde inte hämtas. "
		    "F5 försöker igen.");
	else
		snprintf(line, sizeof line, "Pågående: %zu, markerade: %zu",
		    d->ut.vl.total, n);
	text_put(w, 1, 1, line, width);
	if (d->ut_ready && d->ut.vl.total > 0)
		plist_draw(&d->ut, w, GU_TOP - 1, 1, width, 1);
	text_put(w, s->lines - 2, 1, "Mellanslag Markera  a Alla  "
	    "Enter Öppna rutnät", width);
	text_put(w, s->lines - 1, 1, d->several ? "/ Sök  F5 Uppdatera  "
	    "Esc Välj insats" : "/ Sök  F5 Uppdatera  Esc Tillbaka", width);
}
