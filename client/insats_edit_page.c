/*
 * Registrera (ny) insats's page: the organisation it belongs to, then
 * Grunduppgifter, Beskrivning, the panel Kategorisering av insats and the
 * panel Deltagaransvariga för insatsen, top to bottom. The page is taller
 * than 80x24 shows: it is drawn whole into a pad and the part in sight
 * copied to the screen, scrolled to follow the focus.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "insats_edit.h"
#include "proto.h"

/* Lines of Beskrivning shown; the text scrolls inside them. */
#define IE_AREA_ROWS	4
/* Most lines a note of the page wraps to. */
#define IE_NOTE_LINES	4

static const struct tbl_col ie_da_cols[] = {
	{ "Efternamn", 10, 20, 0, NULL, 1 },
	{ "Förnamn", 8, 15, 0, NULL, 1 },
	{ "E-post", 12, 30, 1, NULL, 2 },
	{ "Arbetsgivare", 12, 30, 2, NULL, 0 },
	{ "Ändring", 8, 8, 0, NULL, 0 },
};
#define IE_DA_NCOLS	(sizeof ie_da_cols / sizeof ie_da_cols[0])

/* The page width the parts are laid out for. */
int
ie_page_width(const struct screen *s)
{
	return s->cols - 2;
}

/* Rows of the page between the title row and the key line. */
static int
ie_page_rows(const struct screen *s)
{
	return s->lines - 2 > 1 ? s->lines - 2 : 1;
}

/* Draws text wrapped to width from row y (or only counts, w NULL). */
static int
ie_note(WINDOW *w, int y, const char *text, int width, int attr)
{
	const char	*lines[IE_NOTE_LINES];
	char		 buf[512];
	size_t		 i, n;

	if (text == NULL)
		return 0;
	n = text_lines(text, width, buf, sizeof buf, lines, IE_NOTE_LINES);
	for (i = 0; w != NULL && i < n; i++) {
		wattron(w, attr);
		text_put(w, y + (int)i, 1, lines[i], width);
		wattroff(w, attr);
	}
	return (int)n;
}

/* Draws a part's heading. */
static void
ie_head(WINDOW *w, int y, const char *text)
{
	wattron(w, A_BOLD);
	text_put(w, y, 1, text, text_width(text));
	wattroff(w, A_BOLD);
}

/* Rows fields take in a form up to (not including) field end. */
static int
ie_form_rows(const struct mform *f, size_t end)
{
	size_t	i;
	int	y = 0;

	/* Every text of these forms fits one line at 80 columns. */
	for (i = 0; i < end && i < f->nfields; i++) {
		if (!f->fields[i].hidden)
			y += 1 + (f->fields[i].hint != NULL);
	}
	return y;
}

/* The first (dir -1) or last (dir 1) field of a form that takes focus. */
static size_t
ie_form_edge(const struct mform *f, int dir)
{
	size_t	i, n = f->nfields;

	for (i = 0; i < n; i++) {
		const struct mfield *mf = &f->fields[dir < 0 ? i : n - 1 - i];

		if (!mf->hidden && mf->kind != MF_TEXT)
			return dir < 0 ? i : n - 1 - i;
	}
	return 0;
}

/* The organisation the insats belongs to, for context. */
static int
ie_context(struct screen *s, WINDOW *w, int y)
{
	struct insats_edit	*e = s->data;
	const struct msg_insats	*o = &e->orig;
	char			 line[512];

	if (o->samorg_slut != NULL && o->samorg_slut[0] != '\0')
		snprintf(line, sizeof line, "Samverkansorganisation: %s, %s, "
		    "%s – %s", o->samorg, o->samverkansform, o->samorg_start,
		    o->samorg_slut);
	else
		snprintf(line, sizeof line, "Samverkansorganisation: %s, %s, "
		    "från %s", o->samorg, o->samverkansform, o->samorg_start);
	return ie_note(w, y, line, ie_page_width(s), A_DIM) + 1;
}

/*
 * Grunduppgifter: Insatsnamn, Startdatum and Slutdatum, under the
 * organisation they must fit in.
 */
static int
ie_part_base(struct screen *s, WINDOW *w, int y)
{
	struct insats_edit	*e = s->data;
	int			 n = ie_context(s, w, y);

	if (w != NULL) {
		ie_head(w, y + n, "Grunduppgifter");
		mform_draw(&e->bform, w, y + n + 1, 1, ie_page_width(s),
		    e->zone == IZ_BASE);
	}
	return n + 1 + ie_form_rows(&e->bform, e->bform.nfields);
}

/* Beskrivning, several lines. */
static int
ie_part_beskr(struct screen *s, WINDOW *w, int y)
{
	struct insats_edit	*e = s->data;
	char			 line[96];
	int			 r, width = ie_page_width(s), ln, col;

	if (w == NULL)
		return 2 + IE_AREA_ROWS;
	textarea_scroll(&e->beskr, width, IE_AREA_ROWS, &ln, &col);
	snprintf(line, sizeof line, "Beskrivning (%zu av %d tecken)",
	    e->beskr.len, IE_BESKRIVNING_MAX);
	text_put(w, y, 1, line, width);
	for (r = 0; r < IE_AREA_ROWS; r++)
		textarea_draw_row(&e->beskr, w, y + 1 + r, 1, width, r,
		    e->zone == IZ_BESKR);
	return 2 + IE_AREA_ROWS;
}

/* What Kategorisering says above its choices: locked, or not complete. */
static int
ie_kat_note(struct screen *s, WINDOW *w, int y)
{
	struct insats_edit	*e = s->data;

	if (e->orig.locked)
		return ie_note(w, y, "Låst: det finns registrerade deltagare "
		    "på insatsen.", ie_page_width(s), A_BOLD);
	if (ie_editable(e) && !ie_kat_complete(e))
		return ie_note(w, y, "Ej komplett: välj allt och minst en "
		    "målgrupp.", ie_page_width(s), A_DIM);
	return 0;
}

/* Kategorisering av insats (rules 26-28). */
static int
ie_part_kat(struct screen *s, WINDOW *w, int y)
{
	struct insats_edit	*e = s->data;
	int			 n;

	if (w != NULL)
		ie_head(w, y, "Kategorisering av insats");
	n = ie_kat_note(s, w, y + 1);
	if (w != NULL)
		mform_draw(&e->kform, w, y + 1 + n, 1, ie_page_width(s),
		    e->zone == IZ_KAT);
	return 1 + n + ie_form_rows(&e->kform, e->kform.nfields);
}

/* Reports whether the Deltagaransvariga panel is on the page. */
int
ie_page_has_da(struct screen *s)
{
	struct insats_edit	*e = s->data;

	return ie_metod_is(e, "PERSON") || e->nda > 0;
}

/* The line under the panel's title. */
static int
ie_da_help(struct screen *s, WINDOW *w, int y)
{
	struct insats_edit	*e = s->data;

	if (ie_metod_is(e, "ANTAL"))
		return ie_note(w, y, "En volyminsats har inga "
		    "deltagaransvariga: ta bort dem med -.", ie_page_width(s),
		    A_BOLD);
	return ie_note(w, y, ie_editable(e) ? "+ lägger till  - tar bort  "
	    "i förklarar panelen" : "i förklarar panelen", ie_page_width(s),
	    A_DIM);
}

/* Draws the rows of the panel from row y. */
static void
ie_da_draw_rows(struct screen *s, WINDOW *w, int y)
{
	struct insats_edit	*e = s->data;
	const struct ie_da	*r;
	const char		*v[IE_DA_NCOLS];
	int			 cw[IE_DA_NCOLS], width = ie_page_width(s);
	size_t			 i;

	tbl_fit(ie_da_cols, IE_DA_NCOLS, width, cw);
	tbl_draw_head(w, y, 1, width, ie_da_cols, cw, IE_DA_NCOLS);
	if (e->nda == 0) {
		wattron(w, A_DIM);
		text_put(w, y + 1, 1, "Inga deltagaransvariga.", width);
		wattroff(w, A_DIM);
	}
	for (i = 0; i < e->nda; i++) {
		r = &e->da[i];
		memcpy(v, r->cell, sizeof r->cell);
		v[4] = r->uppdrag_id == 0 ? "ny" : r->remove ? "tas bort" : "";
		if (i == e->da_cur && e->zone == IZ_DA)
			wattron(w, A_REVERSE);
		tbl_draw_row(w, y + 1 + (int)i, 1, width, cw, IE_DA_NCOLS, v);
		wattroff(w, A_REVERSE);
	}
}

/* Deltagaransvariga för insatsen, with ⓘ (domain.md 2.4, 5.3). */
static int
ie_part_da(struct screen *s, WINDOW *w, int y)
{
	struct insats_edit	*e = s->data;
	char			 title[96];
	int			 n;

	if (!ie_page_has_da(s))
		return 0;
	/* A blank row between it and Kategorisering. */
	if (w != NULL) {
		snprintf(title, sizeof title, "%s Deltagaransvariga för "
		    "insatsen (%zu) ⓘ", e->zone == IZ_DA ? "▶" : " ",
		    ie_da_kept(e));
		wattron(w, A_BOLD);
		text_put(w, y + 1, 0, title, ie_page_width(s) + 1);
		wattroff(w, A_BOLD);
	}
	n = ie_da_help(s, w, y + 2);
	if (w != NULL)
		ie_da_draw_rows(s, w, y + 2 + n);
	return 3 + n + (e->nda > 0 ? (int)e->nda : 1);
}

/* The row of the focus inside a part, from the part's first row. */
static int
ie_focus_row(struct screen *s)
{
	struct insats_edit	*e = s->data;
	int			 ln, col;

	switch (e->zone) {
	case IZ_BASE:
		return ie_context(s, NULL, 0) + 1 +
		    ie_form_rows(&e->bform, e->bform.focus);
	case IZ_BESKR:
		textarea_scroll(&e->beskr, ie_page_width(s), IE_AREA_ROWS,
		    &ln, &col);
		return 1 + ln;
	case IZ_KAT:
		return 1 + ie_kat_note(s, NULL, 0) +
		    ie_form_rows(&e->kform, e->kform.focus);
	default:
		return 3 + ie_da_help(s, NULL, 0) + (int)e->da_cur;
	}
}

/* The parts, top to bottom; each draws at y (or counts, w NULL). */
static const struct {
	int	  zone;		/* enum ie_zone */
	int	(*part)(struct screen *, WINDOW *, int);
} ie_parts[] = {
	{ IZ_BASE, ie_part_base },
	{ IZ_BESKR, ie_part_beskr },
	{ IZ_KAT, ie_part_kat },
	{ IZ_DA, ie_part_da },
};
#define IE_NPARTS	(sizeof ie_parts / sizeof ie_parts[0])

/* The first row of the part of zone z; the page's height for IZ__COUNT. */
static int
ie_part_y(struct screen *s, int z, int *end)
{
	size_t	i;
	int	y = 0, h;

	for (i = 0; i < IE_NPARTS; i++) {
		h = ie_parts[i].part(s, NULL, y);
		if (ie_parts[i].zone == z) {
			*end = y + h;
			return y;
		}
		y += h;
	}
	*end = y;
	return y;
}

/* Reports whether zone z takes the focus. */
static int
ie_zone_ok(struct screen *s, int z)
{
	return z != IZ_DA || ie_page_has_da(s);
}

/* Scrolls so the focus shows, and its whole part when it fits. */
static void
ie_page_follow(struct screen *s)
{
	struct insats_edit	*e = s->data;
	int			 ph = ie_page_rows(s), y0, end, c, total;

	if (!ie_zone_ok(s, (int)e->zone))
		ie_page_step(s, -1);	/* the panel went with the metod */
	y0 = ie_part_y(s, (int)e->zone, &end);
	c = y0 + ie_focus_row(s);
	if (e->shown != (int)e->zone && c - y0 < ph) {
		/* Into a part: as much of it as shows with the focus. */
		e->shown = (int)e->zone;
		e->top = y0;
	}
	if (end - y0 <= ph) {
		if (y0 < e->top)
			e->top = y0;
		else if (end > e->top + ph)
			e->top = end - ph;
	} else if (c < e->top || c >= e->top + ph)
		e->top = c - y0 < ph ? y0 : c < e->top ? c : c - ph + 1;
	(void)ie_part_y(s, IZ__COUNT, &total);
	if (e->top > total - ph)
		e->top = total - ph;
	if (e->top < 0)
		e->top = 0;
}

/* Puts the focus on a field of a part, or a row of the panel. */
void
ie_page_focus(struct screen *s, enum ie_zone z, size_t field)
{
	struct insats_edit	*e = s->data;

	e->zone = z;
	if (z == IZ_BASE)
		mform_focus(&e->bform, field);
	else if (z == IZ_KAT)
		mform_focus(&e->kform, field);
	else if (z == IZ_DA)
		e->da_cur = field < e->nda ? field : 0;
}

/*
 * The next part in direction dir that takes the focus, wrapping round
 * when wrap is set; else the same part at either end of the page.
 */
static enum ie_zone
ie_zone_next(struct screen *s, int dir, int wrap)
{
	struct insats_edit	*e = s->data;
	int			 z = (int)e->zone, n;

	for (n = 0; n < IZ__COUNT; n++) {
		z += dir > 0 ? 1 : -1;
		if (!wrap && (z < 0 || z >= IZ__COUNT))
			return e->zone;
		z = (z + IZ__COUNT) % IZ__COUNT;
		if (ie_zone_ok(s, z))
			break;
	}
	return (enum ie_zone)z;
}

/* Moves to the next part, entering it at its edge. */
void
ie_page_step(struct screen *s, int dir)
{
	struct insats_edit	*e = s->data;
	enum ie_zone		 z = ie_zone_next(s, dir, 1);

	if (z == IZ_BASE)
		ie_page_focus(s, z, ie_form_edge(&e->bform, -dir));
	else if (z == IZ_KAT)
		ie_page_focus(s, z, ie_form_edge(&e->kform, -dir));
	else
		ie_page_focus(s, z, dir > 0 || e->nda == 0 ? 0 : e->nda - 1);
}

/*
 * Moves to the first field of the next or previous part; at the end of
 * the page, to its last (or first) field.
 */
void
ie_page_jump(struct screen *s, int dir)
{
	struct insats_edit	*e = s->data;
	enum ie_zone		 z = ie_zone_next(s, dir, 0);
	int			 to = -1;

	/* At either end of the page: the first or last field there. */
	if (z == e->zone)
		to = dir;
	if (z == IZ_BASE)
		ie_page_focus(s, z, ie_form_edge(&e->bform, to));
	else if (z == IZ_KAT)
		ie_page_focus(s, z, ie_form_edge(&e->kform, to));
	else
		ie_page_focus(s, z, to < 0 || e->nda == 0 ? 0 : e->nda - 1);
}

/* Reports whether the focus is at the edge of its part in direction dir. */
int
ie_page_at_edge(struct screen *s, int dir)
{
	struct insats_edit	*e = s->data;

	switch (e->zone) {
	case IZ_BASE:
		return e->bform.focus == ie_form_edge(&e->bform, dir);
	case IZ_KAT:
		return e->kform.focus == ie_form_edge(&e->kform, dir);
	case IZ_DA:
		return dir < 0 ? e->da_cur == 0 : e->da_cur + 1 >= e->nda;
	default:
		return 1;
	}
}

/* What the keys do where the focus is. */
static const char *
ie_hint(struct screen *s)
{
	struct insats_edit	*e = s->data;
	const struct mfield	*f = &e->kat[e->kform.focus];

	if (!ie_editable(e))
		return "Endast visning. PgDn nästa del, Esc tillbaka.";
	switch (e->zone) {
	case IZ_BESKR:
		return "Enter ny rad  Tab nästa fält  F2 Spara  Esc Avbryt";
	case IZ_KAT:
		if (!ie_kat_editable(e))
			return "Låst. PgDn nästa del  F2 Spara  Esc Avbryt";
		return f->kind == MF_CHECK ? "Mellanslag kryssar i/ur  Tab "
		    "nästa  F2 Spara" : "Mellanslag/←→ byter  Tab nästa  "
		    "F2 Spara";
	case IZ_DA:
		return ie_metod_is(e, "PERSON") ? "+ Lägg till  - Ta bort  i "
		    "Hjälp  F2 Spara" : "- Ta bort  i Hjälp  F2 Spara  Esc "
		    "Avbryt";
	default:
		if (e->id == 0)
			return "F2 Spara  Tab nästa fält  Esc Avbryt";
		return ie_metod_is(e, "ANTAL") ? "F2 Spara F3 Hämta F6 Budget "
		    "F7 Antal Esc Avbryt" : "F2 Spara  F3 Hämta igen  F6 "
		    "Budget  Esc Avbryt";
	}
}

/* Draws the title row: the insats, and whether it is saved. */
static void
ie_draw_title(struct screen *s, WINDOW *w)
{
	struct insats_edit	*e = s->data;
	const char		*state = NULL;
	int			 width = ie_page_width(s), sw;

	if (ie_dirty(e))
		state = "Ej sparat";
	else if (!ie_editable(e))
		state = "Endast visning";
	sw = state != NULL ? text_width(state) + 1 : 0;
	wattron(w, A_BOLD);
	text_put(w, 0, 1, e->id == 0 ? "Ny insats" : e->orig.namn,
	    width - sw);
	if (state != NULL)
		text_put(w, 0, 1 + width - sw + 1, state, sw - 1);
	wattroff(w, A_BOLD);
}

/* Draws the title, the page in sight and what the keys do. */
void
ie_page_draw(struct screen *s, WINDOW *w)
{
	struct insats_edit	*e = s->data;
	WINDOW			*pad;
	size_t			 i;
	int			 ph = ie_page_rows(s), total, y = 0;
	int			 width = ie_page_width(s);

	ie_draw_title(s, w);
	ie_page_follow(s);
	(void)ie_part_y(s, IZ__COUNT, &total);
	pad = newpad(total > e->top + ph ? total : e->top + ph, s->cols);
	if (pad != NULL) {
		for (i = 0; i < IE_NPARTS; i++)
			y += ie_parts[i].part(s, pad, y);
		copywin(pad, w, e->top, 0, 1, 0, ph, s->cols - 1, FALSE);
		delwin(pad);
	}
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, ie_hint(s), width);
	wattroff(w, A_DIM);
	/* More of the page above or below. */
	text_put(w, s->lines - 1, s->cols - 1, e->top + ph < total ? "↓" :
	    e->top > 0 ? "↑" : "", 1);
}

/* Places the cursor in the focused entry or Beskrivning. */
int
ie_page_cursor(struct screen *s, int *y, int *x)
{
	struct insats_edit	*e = s->data;
	int			 y0, end, ln, col, sy;

	y0 = ie_part_y(s, (int)e->zone, &end) - e->top + 1;
	if (e->zone == IZ_BASE) {
		if (!mform_cursor(&e->bform, y0 + ie_context(s, NULL, 0) + 1, 1,
		    ie_page_width(s), y, x))
			return 0;
	} else if (e->zone == IZ_BESKR && ie_editable(e)) {
		textarea_scroll(&e->beskr, ie_page_width(s), IE_AREA_ROWS,
		    &ln, &col);
		*y = y0 + 1 + ln;
		*x = 1 + col;
	} else
		return 0;
	sy = *y;
	return sy >= 1 && sy <= ie_page_rows(s) && ie_editable(e);
}
