/*
 * Registrera deltagare's page: the insats and what is registered on the
 * title row, then the person, the occasion and its kompletterande frågor
 * top to bottom, and what the keys do on the last row: the page of
 * fpage.c, a label on one line above its value when it does not fit to
 * the left, so every choice shows whole at 80x24; PgDn and PgUp by part.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "deltagare_form.h"
#include "fpage.h"
#include "proto.h"

/* Most lines a text of the page wraps to. */
#define DF_TEXT_LINES	6

/* The first field of each part, for PgDn and PgUp. */
static const size_t df_parts[] = { DF_H_PERSON, DF_H_OCC, DF_H_FRAGOR };
#define DF_NPARTS	(sizeof df_parts / sizeof df_parts[0])

/* A field's look, as its meta says. */
static void
df_look(const void *arg, size_t i, struct fpage_look *l)
{
	const struct deltagare_form	*e = arg;

	l->attr = e->meta[i].attr;
	l->blank = e->meta[i].blank;
	l->indent = e->meta[i].indent;
}

/* A label too wide for the left stands on one line above its value. */
static const struct fpage_style df_style = { DF_LABEL_W, DF_TEXT_LINES, 0,
	df_look };

/* Reports whether field i takes the focus. */
static int
df_focusable(const struct deltagare_form *e, size_t i)
{
	return !e->fields[i].hidden && e->fields[i].kind != MF_TEXT;
}

/* The first field from i on that takes the focus, nfields if none. */
static size_t
df_first_from(const struct deltagare_form *e, size_t i)
{
	for (; i < e->nfields; i++) {
		if (df_focusable(e, i))
			return i;
	}
	return e->nfields;
}

/*
 * PgDn: the first field of the next part (at the end, the last field);
 * PgUp: the first of this part, or of the one before when there already.
 */
void
df_page_jump(struct screen *s, int dir)
{
	struct deltagare_form	*e = s->data;
	size_t			 f = e->form.focus, to = e->nfields, p, i;

	for (p = 0; p < DF_NPARTS; p++) {
		i = df_first_from(e, df_parts[dir > 0 ? p : DF_NPARTS - 1 - p]);
		if (i == e->nfields)
			continue;
		if ((dir > 0 && i > f) || (dir < 0 && i < f)) {
			to = i;
			break;
		}
	}
	if (to == e->nfields && dir > 0) {
		/* The last field, and the page's end in sight. */
		e->top = INT_MAX / 2;
		for (i = e->nfields; i > 0; i--) {
			if (df_focusable(e, i - 1)) {
				to = i - 1;
				break;
			}
		}
	}
	if (to < e->nfields)
		e->form.focus = to;
}

/* What the keys do where the focus is. */
static const char *
df_hint(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	const struct mfield	*f = &e->fields[e->form.focus];
	int			 ny = !e->direct;	/* emptied by Spara */

	if (e->form.focus == DF_PNR && f->kind == MF_ENTRY)
		return ny ? "Enter/F5 Hämta  F2 Spara → nästa  Esc Avbryt" :
		    "Enter/F5 Hämta  F2 Spara  Esc Avbryt";
	if (e->form.focus == DF_OMF)
		return "1–100  i förklarar  Tab nästa  F2 Spara";
	switch (f->kind) {
	case MF_BUTTON:
		return "Enter väljer kommun  Tab nästa  F2 Spara";
	case MF_CHECK:
		return ny ? "Mellanslag kryssar  Tab nästa  F2 Spara → nästa" :
		    "Mellanslag kryssar i/ur  Tab nästa  F2 Spara";
	case MF_CHOICE:
		return ny ? "Mellanslag/←→ byter  Tab nästa  F2 Spara → nästa" :
		    "Mellanslag/←→ byter  Tab nästa  F2 Spara";
	default:
		if (df_tillfalle(e) != NULL)
			return "Tab nästa  F2 Spara  F3 Läs om  Esc Avbryt";
		return ny ? "Tab nästa  PgDn nästa del  F2 Spara → nästa" :
		    "Tab nästa  PgDn nästa del  F2 Spara  Esc Avbryt";
	}
}

/* The title row: the insats and what is registered. */
static void
df_title(const struct deltagare_form *e, char *line, size_t len)
{
	const char	*what;

	if (df_is_ny(e))
		what = "nyinregistrering";
	else if (e->typ == FRAGA_IN)
		what = "rätta inregistrering";
	else
		what = df_tillfalle(e) != NULL ? "rätta utregistrering" :
		    "utregistrering";
	snprintf(line, len, "%s: %s", e->insats.namn != NULL ?
	    e->insats.namn : "Insatsen", what);
}

/* Draws the title, the page in sight and what the keys do. */
void
df_page_draw(struct screen *s, WINDOW *w)
{
	struct deltagare_form	*e = s->data;
	struct fpage		 fp = { s, &df_style, e, e->fields, e->nfields,
				    e->form.focus, &e->top };
	char			 line[320];

	df_title(e, line, sizeof line);
	fpage_draw(&fp, w, line, df_dirty(e), df_hint(s));
}

/* Places the cursor in the focused entry. */
int
df_page_cursor(struct screen *s, int *y, int *x)
{
	struct deltagare_form	*e = s->data;
	struct fpage		 fp = { s, &df_style, e, e->fields, e->nfields,
				    e->form.focus, &e->top };

	return fpage_cursor(&fp, y, x);
}
