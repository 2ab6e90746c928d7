/*
 * "Välj samverkansorganisation" and "Välj insats" for the urvalsbild: a
 * pop-up that searches every organisation or insats by name (with '*';
 * reports are open to every role, so the choice is never limited to the
 * caller's own) and hands the one chosen with Enter to the screen below.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "rapport.h"
#include "xmalloc.h"

struct rapport_valj {
	struct screen		*parent;
	rapport_valj_done	 done;
	int			 slag;		/* RAPPORT_P_SAMORG, _INSATS */
	struct chooser		 ch;
};

enum { RV_NAMN, RV_AGARE, RV__COUNT };

static const struct tbl_col rv_samorg_cols[] = {
	{ "Samverkansorganisation", 30, 60, 0, NULL, 0 },
};
static const struct tbl_col rv_insats_cols[RV__COUNT] = {
	[RV_NAMN] = { "Insats", 20, 40, 0, NULL, 0 },
	[RV_AGARE] = { "Samverkansorganisation", 16, 36, 1, NULL, 1 },
};

/* A page of organisations or insatser (the first two cells) by name. */
static int
rv_fetch(struct plist *pl, size_t offset, size_t limit, size_t *total)
{
	struct screen		*s = pl->arg;
	struct rapport_valj	*v = s->data;
	size_t			 got;

	if (v->slag == RAPPORT_P_INSATS)
		return insats_search_page(s->ui, 0, v->ch.pattern, offset,
		    limit, pl, total, &got);
	return samorg_search_page(s->ui, v->ch.pattern, pl, offset, limit,
	    total);
}

static int
rv_key(struct screen *s, const struct keyev *ev)
{
	struct rapport_valj	*v = s->data;
	struct plist_row	*r;
	struct screen		*parent = v->parent;
	rapport_valj_done	 done = v->done;
	char			*namn;
	uint32_t		 id;

	if (ev->action == ACT_CANCEL) {
		ui_pop(s->ui);
		return 1;
	}
	if (chooser_key(&v->ch, s->ui, ev) == CHOOSER_PICKED &&
	    (r = plist_current(&v->ch.pl)) != NULL) {
		id = r->id;
		namn = xstrdup(r->cell[RV_NAMN]);
		ui_pop(s->ui);
		done(parent, id, namn);
		free(namn);
	}
	return 1;
}

static void
rv_layout(struct screen *s, int lines, int cols)
{
	struct rapport_valj	*v = s->data;

	chooser_layout(&v->ch, lines - 1);
}

static void
rv_draw(struct screen *s, WINDOW *w)
{
	struct rapport_valj	*v = s->data;
	WINDOW			*frame;
	const char		*title = v->slag == RAPPORT_P_INSATS ?
	    " Välj insats " : " Välj samverkansorganisation ";

	if ((frame = derwin(w, s->lines, s->cols, 0, 0)) != NULL) {
		box(frame, 0, 0);
		delwin(frame);
	}
	if ((frame = derwin(w, s->lines - 1, s->cols - 2, 0, 1)) != NULL) {
		chooser_draw(&v->ch, frame, s->lines - 1, s->cols - 2);
		delwin(frame);
	}
	wattron(w, A_BOLD);
	text_put(w, 0, 2, title, text_width(title));
	wattroff(w, A_BOLD);
	wattron(w, A_DIM);
	text_put(w, s->lines - 2, 2, "Enter söker/väljer  Tab byter  "
	    "Esc avbryter", s->cols - 4);
	wattroff(w, A_DIM);
}

static int
rv_cursor(struct screen *s, int *y, int *x)
{
	struct rapport_valj	*v = s->data;

	if (!chooser_cursor(&v->ch, s->cols - 2, y, x))
		return 0;
	*x += 1;
	return 1;
}

static void
rv_free(struct screen *s)
{
	struct rapport_valj	*v = s->data;

	chooser_free(&v->ch);
	free(v);
}

static const struct screen_type rv_type = {
	.title = "Välj",
	.layout = rv_layout,
	.draw = rv_draw,
	.key = rv_key,
	.free = rv_free,
	.cursor = rv_cursor,
};

struct screen *
rapport_valj_new(struct ui *ui, struct screen *parent, int slag,
    rapport_valj_done done)
{
	struct screen		*s;
	struct rapport_valj	*v;

	v = xcalloc(1, sizeof *v);
	v->parent = parent;
	v->done = done;
	v->slag = slag;
	s = screen_new(ui, &rv_type, v);
	if (slag == RAPPORT_P_INSATS)
		chooser_init(&v->ch, "insats", 1, rv_insats_cols, RV__COUNT,
		    rv_fetch, s);
	else
		chooser_init(&v->ch, "samverkansorganisation", 1,
		    rv_samorg_cols, 1, rv_fetch, s);
	return s;
}
