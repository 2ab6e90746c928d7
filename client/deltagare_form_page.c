/*
 * Registrera deltagare's page: the insats and what is registered on the
 * title row, then the person, the occasion and its kompletterande frågor
 * top to bottom, and what the keys do on the last row. A field's label
 * stands to the left of its value when both fit the width, else on a
 * line of its own above it, so every choice shows whole at 80x24. The
 * page is taller than the screen: it is drawn whole into a pad and the
 * part in sight copied out, scrolled to follow the focus.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "deltagare_form.h"
#include "proto.h"

/* Most lines a text of the page wraps to. */
#define DF_TEXT_LINES	6

/* The first field of each part, for PgDn and PgUp. */
static const size_t df_parts[] = { DF_H_PERSON, DF_H_OCC, DF_H_FRAGOR };
#define DF_NPARTS	(sizeof df_parts / sizeof df_parts[0])

/* The page width the fields are laid out for. */
int
df_page_width(const struct screen *s)
{
	return s->cols - 2;
}

/* Rows of the page between the title row and the key line. */
static int
df_page_rows(const struct screen *s)
{
	return s->lines - 2 > 1 ? s->lines - 2 : 1;
}

/* The widest name a choice offers. */
static int
df_widest(const struct mfield *f)
{
	size_t	i;
	int	w, max = 0;

	for (i = 0; i < f->nchoices; i++) {
		if ((w = text_width(f->choices[i])) > max)
			max = w;
	}
	return max;
}

/* Reports whether a field's label stands to the left of its value. */
static int
df_inline(const struct mfield *f, int width)
{
	if (f->label == NULL || f->label[0] == '\0' ||
	    text_width(f->label) > DF_LABEL_W)
		return 0;
	if (f->kind == MF_CHOICE)
		return df_widest(f) + 4 <= width - DF_LABEL_W - 2;
	return 1;
}

/* The value of a check box, choice or button as drawn. */
static void
df_value_text(const struct mfield *f, char *line, size_t len)
{
	switch (f->kind) {
	case MF_CHECK:
		snprintf(line, len, "[%s] %s", f->value ? "x" : " ",
		    f->text != NULL ? f->text : "");
		break;
	case MF_CHOICE:
		snprintf(line, len, "‹ %s ›", f->nchoices > 0 &&
		    (size_t)f->value < f->nchoices ? f->choices[f->value] : "");
		break;
	default:
		snprintf(line, len, "[ %s ]", f->text != NULL ? f->text : "");
		break;
	}
}

/* Draws the lines of a text from row y at x; returns the count. */
static int
df_text(WINDOW *w, int y, int x, int vw, const char *text, int attr)
{
	const char	*lines[DF_TEXT_LINES];
	char		 buf[1024];
	size_t		 n, j;

	n = text_lines(text != NULL ? text : "", vw, buf, sizeof buf, lines,
	    DF_TEXT_LINES);
	if (n == 0) {
		lines[0] = "";
		n = 1;
	}
	for (j = 0; w != NULL && j < n; j++) {
		wattron(w, attr);
		text_put(w, y + (int)j, x, lines[j], vw);
		wattroff(w, attr);
	}
	return (int)n;
}

/*
 * Draws field i from row y (w NULL: only counts) and returns the rows it
 * takes; with cy set, also where the cursor goes in it.
 */
static int
df_field(struct screen *s, WINDOW *w, size_t i, int y, int *cy, int *cx)
{
	struct deltagare_form	*e = s->data;
	struct mfield		*f = &e->fields[i];
	const struct df_meta	*m = &e->meta[i];
	char			 line[512];
	int			 width = df_page_width(s), x = 1, y0 = y;
	int			 vx, vw, ew, focused = i == e->form.focus;

	if (f->hidden)
		return 0;
	y += m->blank;
	if (df_inline(f, width)) {
		if (w != NULL) {
			text_put(w, y, x, f->label, DF_LABEL_W);
			text_put(w, y, x + DF_LABEL_W, ":", 1);
		}
		vx = x + DF_LABEL_W + 2;
	} else if (f->label != NULL && f->label[0] != '\0') {
		snprintf(line, sizeof line, "%s:", f->label);
		if (w != NULL)
			text_put(w, y, x, line, width);
		y++;
		vx = x + 2;
	} else
		vx = x + m->indent;
	vw = x + width - vx;
	if (f->kind == MF_TEXT)
		y += df_text(w, y, vx, vw, f->text, m->attr);
	else if (f->kind == MF_ENTRY) {
		ew = (int)f->entry.max + 1 < vw ? (int)f->entry.max + 1 : vw;
		if (w != NULL)
			entry_draw(&f->entry, w, y, vx, ew, focused);
		if (cy != NULL && focused) {
			*cy = y;
			*cx = vx + entry_scroll(&f->entry, ew);
		}
		y++;
	} else {
		df_value_text(f, line, sizeof line);
		if (w != NULL && focused)
			wattron(w, A_REVERSE);
		if (w != NULL)
			text_put(w, y, vx, line, text_width(line) < vw ?
			    text_width(line) : vw);
		if (w != NULL)
			wattroff(w, A_REVERSE);
		y++;
	}
	if (f->hint != NULL) {
		if (w != NULL) {
			wattron(w, A_DIM);
			text_put(w, y, vx, f->hint, vw);
			wattroff(w, A_DIM);
		}
		y++;
	}
	return y - y0;
}

/* The page row field i starts on; the page's height for nfields. */
static int
df_field_y(struct screen *s, size_t i)
{
	struct deltagare_form	*e = s->data;
	size_t			 j;
	int			 y = 0;

	for (j = 0; j < i && j < e->nfields; j++)
		y += df_field(s, NULL, j, y, NULL, NULL);
	return y;
}

/*
 * Scrolls so the focused field shows, with the texts over it (its
 * question, the part's heading) when they fit too.
 */
static void
df_follow(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	size_t			 f = e->form.focus, a = f;
	int			 ph = df_page_rows(s), y0, end, start, total;

	y0 = df_field_y(s, f);
	end = y0 + df_field(s, NULL, f, y0, NULL, NULL);
	while (a > 0 && (e->fields[a - 1].hidden ||
	    e->fields[a - 1].kind == MF_TEXT))
		a--;
	start = df_field_y(s, a);
	if (end - start > ph)
		start = y0;
	if (start < e->top)
		e->top = start;
	if (end > e->top + ph)
		e->top = end - ph;
	total = df_field_y(s, e->nfields);
	if (e->top > total - ph)
		e->top = total - ph;
	if (e->top < 0)
		e->top = 0;
}

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

/* Draws the title row: the insats, what is registered, and if saved. */
static void
df_draw_title(struct screen *s, WINDOW *w)
{
	struct deltagare_form	*e = s->data;
	const char		*what, *state;
	char			 line[320];
	int			 width = df_page_width(s), sw;

	state = df_dirty(e) ? "Ej sparat" : NULL;
	if (df_is_ny(e))
		what = "nyinregistrering";
	else if (e->typ == FRAGA_IN)
		what = "rätta inregistrering";
	else
		what = df_tillfalle(e) != NULL ? "rätta utregistrering" :
		    "utregistrering";
	snprintf(line, sizeof line, "%s: %s", e->insats.namn != NULL ?
	    e->insats.namn : "Insatsen", what);
	sw = state != NULL ? text_width(state) + 1 : 0;
	wattron(w, A_BOLD);
	text_put(w, 0, 1, line, width - sw);
	if (state != NULL)
		text_put(w, 0, 1 + width - sw + 1, state, sw - 1);
	wattroff(w, A_BOLD);
}

/* Draws the title, the page in sight and what the keys do. */
void
df_page_draw(struct screen *s, WINDOW *w)
{
	struct deltagare_form	*e = s->data;
	WINDOW			*pad;
	size_t			 i;
	int			 ph = df_page_rows(s), total, y = 0;

	df_draw_title(s, w);
	df_follow(s);
	total = df_field_y(s, e->nfields);
	pad = newpad(total > e->top + ph ? total : e->top + ph, s->cols);
	if (pad != NULL) {
		for (i = 0; i < e->nfields; i++)
			y += df_field(s, pad, i, y, NULL, NULL);
		copywin(pad, w, e->top, 0, 1, 0, ph, s->cols - 1, FALSE);
		delwin(pad);
	}
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, df_hint(s), df_page_width(s) - 1);
	wattroff(w, A_DIM);
	/* More of the page above or below. */
	text_put(w, s->lines - 1, s->cols - 1, e->top + ph < total ? "↓" :
	    e->top > 0 ? "↑" : "", 1);
}

/* Places the cursor in the focused entry. */
int
df_page_cursor(struct screen *s, int *y, int *x)
{
	struct deltagare_form	*e = s->data;
	size_t			 f = e->form.focus;
	int			 cy = -1, cx = 0;

	if (f >= e->nfields || e->fields[f].kind != MF_ENTRY ||
	    e->fields[f].hidden || e->fields[f].locked)
		return 0;
	(void)df_field(s, NULL, f, df_field_y(s, f), &cy, &cx);
	if (cy < 0)
		return 0;
	*y = cy - e->top + 1;
	*x = cx;
	return *y >= 1 && *y <= df_page_rows(s);
}
