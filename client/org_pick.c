/*
 * "Välj organisation": a pop-up over Hantera samverkansorg that searches
 * the organisations register by name (with '*') and hands the one chosen
 * with Enter to the screen below, for its Ingående organisationer panel.
 * Nothing is stored until that screen's Spara.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

struct org_pick {
	struct screen	*parent;
	org_pick_done	 done;
	struct chooser	 ch;
};

enum { OC_NAMN, OC_TYP, OC__COUNT };

static const struct tbl_col org_pick_cols[OC__COUNT] = {
	[OC_NAMN] = { "Organisation", 20, 40, 0, NULL, 0 },
	[OC_TYP] = { "Organisationstyp", 16, 28, 1, NULL, 1 },
};

/* Fetches a page of organisations matching the name. */
static int
org_pick_fetch(struct plist *pl, size_t offset, size_t limit, size_t *total)
{
	struct screen		*s = pl->arg;
	struct org_pick		*op = s->data;
	struct msg_org_search	 req;
	struct msg_org_list	 rep;
	const char		*v[OC__COUNT];
	char			 typ[160];
	size_t			 i;
	int			 rv;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.pattern = op->ch.pattern;
	req.offset = (uint32_t)offset;
	req.limit = (uint32_t)limit;
	if ((rv = ui_call(s->ui, MSG_ORG_SEARCH, &req, MSG_ORG_LIST,
	    &rep)) != 0)
		return rv;
	for (i = 0; i < rep.nrows; i++) {
		/* Shown, so paging stays exact, but never chosen. */
		snprintf(typ, sizeof typ, "%s%s", rep.rows[i].organisationstyp,
		    rep.rows[i].aktiv ? "" : " (inaktiv)");
		v[OC_NAMN] = rep.rows[i].namn;
		v[OC_TYP] = typ;
		plist_add(pl, rep.rows[i].id, rep.rows[i].aktiv, v);
	}
	*total = rep.total;
	msg_clear(MSG_ORG_LIST, &rep);
	return 0;
}

/* Enter on a row: hands an active organisation over and closes. */
static void
org_pick_ok(struct screen *s, const struct plist_row *r)
{
	struct org_pick		*op = s->data;
	struct samorg_org	 o;
	char			*typ, *p;

	if (!r->aux) {
		ui_message(s->ui, 1, "%s är inaktiv i organisationsregistret "
		    "och kan inte läggas till.", r->cell[OC_NAMN]);
		return;
	}
	typ = xstrdup(r->cell[OC_TYP]);
	if ((p = strstr(typ, " (inaktiv)")) != NULL)
		*p = '\0';
	memset(&o, 0, sizeof o);
	o.organisation_id = r->id;
	o.namn = r->cell[OC_NAMN];
	o.organisationstyp = typ;
	op->done(op->parent, &o);
	free(typ);
	ui_pop(s->ui);
}

/* Esc closes; the chooser does the rest. */
static int
org_pick_key(struct screen *s, const struct keyev *ev)
{
	struct org_pick	*op = s->data;

	if (ev->action == ACT_CANCEL) {
		ui_pop(s->ui);
		return 1;
	}
	if (chooser_key(&op->ch, s->ui, ev) == CHOOSER_PICKED)
		org_pick_ok(s, plist_current(&op->ch.pl));
	return 1;
}

/* Fits the list inside the frame, above the key line. */
static void
org_pick_layout(struct screen *s, int lines, int cols)
{
	struct org_pick	*op = s->data;

	chooser_layout(&op->ch, lines - 1);
}

/* Draws the frame, the chooser and what the keys do. */
static void
org_pick_draw(struct screen *s, WINDOW *w)
{
	struct org_pick	*op = s->data;
	WINDOW		*frame;

	if ((frame = derwin(w, s->lines, s->cols, 0, 0)) != NULL) {
		box(frame, 0, 0);
		delwin(frame);
	}
	if ((frame = derwin(w, s->lines - 1, s->cols - 2, 0, 1)) != NULL) {
		chooser_draw(&op->ch, frame, s->lines - 1, s->cols - 2);
		delwin(frame);
	}
	wattron(w, A_BOLD);
	text_put(w, 0, 2, " Välj organisation ", 19);
	wattroff(w, A_BOLD);
	wattron(w, A_DIM);
	text_put(w, s->lines - 2, 2, s->cols >= 60 ? "Enter söker i fältet "
	    "och väljer i listan  Tab byter  Esc avbryter" : "Enter söker/"
	    "väljer  Tab byter  Esc avbryter", s->cols - 4);
	wattroff(w, A_DIM);
}

/* The cursor in the name field. */
static int
org_pick_cursor(struct screen *s, int *y, int *x)
{
	struct org_pick	*op = s->data;

	if (!chooser_cursor(&op->ch, s->cols - 2, y, x))
		return 0;
	*x += 1;
	return 1;
}

/* Frees the rows. */
static void
org_pick_free(struct screen *s)
{
	struct org_pick	*op = s->data;

	chooser_free(&op->ch);
	free(op);
}

static const struct screen_type org_pick_type = {
	.title = "Välj organisation",
	.layout = org_pick_layout,
	.draw = org_pick_draw,
	.key = org_pick_key,
	.free = org_pick_free,
	.cursor = org_pick_cursor,
};

/* Creates the pop-up with an empty name field. */
struct screen *
org_pick_new(struct ui *ui, struct screen *parent, org_pick_done done)
{
	struct screen	*s;
	struct org_pick	*op;

	op = xcalloc(1, sizeof *op);
	op->parent = parent;
	op->done = done;
	s = screen_new(ui, &org_pick_type, op);
	chooser_init(&op->ch, "organisation", 1, org_pick_cols, OC__COUNT,
	    org_pick_fetch, s);
	return s;
}
