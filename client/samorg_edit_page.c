/*
 * Hantera samverkansorg's page: the items it is made of, top to bottom,
 * laid out for the screen's width; the focus moves between the items that
 * take it and the page, taller than 80x24 shows, scrolls to follow.
 * Panels show all their rows; the page scrolls over them.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "samorg_edit.h"
#include "xmalloc.h"

/* Lines of Beskrivning shown; the text scrolls inside them. */
#define EDIT_AREA_ROWS		5
/* Label column: "Organisationsnummer". */
#define EDIT_LABEL_W		19

static const struct tbl_col edit_kommun_cols[] = {
	{ "Kommun", 12, 20, 0, NULL, 1 },
	{ "Stadsdel", 15, 24, 0, NULL, 0 },
	{ "Län", 20, 24, 1, NULL, 1 },
};

static const struct tbl_col edit_org_cols[] = {
	{ "Organisation", 14, 40, 0, NULL, 0 },
	{ "Medlem", 6, 6, 0, NULL, 0 },
	{ "Finansiär", 9, 9, 0, NULL, 0 },
	{ "Konsument", 9, 9, 0, NULL, 0 },
};

static const struct tbl_col edit_person_cols[] = {
	{ "Efternamn", 10, 20, 0, NULL, 0 },
	{ "Förnamn", 8, 15, 0, NULL, 0 },
	{ "E-post", 12, 30, 2, NULL, 0 },
	{ "Arbetsgivare", 12, 30, 1, NULL, 0 },
};

/* The panels: title, what an empty one says, and columns. */
static const struct {
	const char		*title;
	const char		*empty;
	const struct tbl_col	*cols;
	size_t			 ncols;
} edit_panels[EP__COUNT] = {
	[EP_KOMMUN] = { "Kommun, stadsdel", "Ingen kommun. + lägger till.",
	    edit_kommun_cols, 3 },
	[EP_ORG] = { "Ingående organisationer", "Ingen organisation. + "
	    "lägger till.", edit_org_cols, 4 },
	[EP_SA] = { "Samverkansadministratörer", "Inga uppdrag. F7 lägger "
	    "till.", edit_person_cols, 4 },
	[EP_IA] = { "Insatsansvariga för samverkansorganisationen", "Inga "
	    "uppdrag. F7 lägger till.", edit_person_cols, 4 },
};

const struct edit_item samorg_edit_items[] = {
	{ IK_HEAD, "Grunduppgifter", 0, 0 },
	{ IK_NOTE, "Namn, samverkansform och startdatum ändras av en "
	    "superadministratör.", 0, 0 },
	{ IK_TEXT, NULL, ET_NAMN, 0 },
	{ IK_FORM, "Samverkansform", 0, 0 },
	{ IK_ORGNR, "Organisationsnummer", 0, 0 },
	{ IK_TEXT, NULL, ET_START, 0 },
	{ IK_TEXT, NULL, ET_SLUT, 0 },
	{ IK_AREA, "Beskrivning", 0, 0 },
	{ IK_BLANK, NULL, 0, 0 },
	{ IK_TOGGLE, "Kontaktinformation", 0, 0 },
	{ IK_SUB, "Adressinformation", 0, IF_CONTACT },
	{ IK_TEXT, NULL, ET_ADRESS, IF_CONTACT },
	{ IK_TEXT, NULL, ET_POSTNR, IF_CONTACT },
	{ IK_TEXT, NULL, ET_POSTORT, IF_CONTACT },
	{ IK_TEXT, NULL, ET_TELEFON, IF_CONTACT },
	{ IK_TEXT, NULL, ET_EPOST, IF_CONTACT },
	{ IK_TEXT, NULL, ET_WEBB, IF_CONTACT },
	{ IK_SUB, "Kontaktperson", 0, IF_CONTACT },
	{ IK_TEXT, NULL, ET_KNAMN, IF_CONTACT },
	{ IK_TEXT, NULL, ET_KTEL, IF_CONTACT },
	{ IK_TEXT, NULL, ET_KEPOST, IF_CONTACT },
	{ IK_BLANK, NULL, 0, 0 },
	{ IK_PANEL, NULL, EP_KOMMUN, 0 },
	{ IK_BLANK, NULL, 0, 0 },
	{ IK_PANEL, NULL, EP_ORG, 0 },
	{ IK_BLANK, NULL, 0, 0 },
	{ IK_PANEL, NULL, EP_SA, 0 },
	{ IK_BLANK, NULL, 0, 0 },
	{ IK_PANEL, NULL, EP_IA, 0 },
};
#define EDIT_NITEMS	(sizeof samorg_edit_items / sizeof samorg_edit_items[0])

/* Reports whether a base field is locked for this caller. */
static int
edit_locked(const struct samorg_edit *e, const struct edit_item *it)
{
	if (e->orig.rights & SAMORG_R_BASE)
		return 0;
	return it->kind == IK_FORM || (it->kind == IK_TEXT &&
	    (samorg_edit_texts[it->arg].flags & ETF_BASE));
}

/* Rows item i takes on the page; 0 when hidden. */
static int
edit_item_rows(const struct samorg_edit *e, size_t i, int width)
{
	const struct edit_item	*it = &samorg_edit_items[i];
	const char		*lines[4];
	char			 buf[256];
	size_t			 n;

	if ((it->flags & IF_CONTACT) && !e->show_contact)
		return 0;
	switch (it->kind) {
	case IK_NOTE:
		if (e->orig.rights & SAMORG_R_BASE)
			return 0;
		n = text_lines(it->label, width, buf, sizeof buf, lines, 4);
		return (int)n;
	case IK_AREA:
		return 1 + EDIT_AREA_ROWS;
	case IK_PANEL:
		n = samorg_edit_panel_n(e, (enum edit_panel)it->arg);
		return 2 + (n > 0 ? (int)n : 1);
	default:
		return 1;
	}
}

/* Reports whether item i can take the focus. */
static int
edit_focusable(const struct samorg_edit *e, size_t i, int width)
{
	const struct edit_item	*it = &samorg_edit_items[i];

	if (edit_item_rows(e, i, width) == 0 || edit_locked(e, it))
		return 0;
	return it->kind == IK_TEXT || it->kind == IK_FORM ||
	    it->kind == IK_AREA || it->kind == IK_TOGGLE ||
	    it->kind == IK_PANEL;
}

/* The page row item i starts on. */
static int
edit_item_y(const struct samorg_edit *e, size_t i, int width)
{
	size_t	 j;
	int	 y = 0;

	for (j = 0; j < i; j++)
		y += edit_item_rows(e, j, width);
	return y;
}

/* Rows of the page between the title row and the key line. */
static int
edit_page_rows(const struct screen *s)
{
	return s->lines - 2 > 1 ? s->lines - 2 : 1;
}

/* The page width the items are laid out for. */
int
samorg_page_width(const struct screen *s)
{
	return s->cols - 2;
}

/* Columns for a one-line value after its label. */
static int
edit_value_width(const struct screen *s)
{
	return s->cols - EDIT_LABEL_W - 4;
}

/* The page row of the focus's cursor: a text line or a panel row. */
static int
edit_cursor_row(struct screen *s, int y)
{
	struct samorg_edit	*e = s->data;
	const struct edit_item	*it = &samorg_edit_items[e->focus];
	int			 line, col;

	if (it->kind == IK_AREA) {
		textarea_scroll(&e->beskr, samorg_page_width(s), EDIT_AREA_ROWS,
		    &line, &col);
		return y + 1 + line;
	}
	if (it->kind == IK_PANEL)
		return y + 2 + (int)e->cur[it->arg];
	return y;
}

/* Scrolls so the focused item, and the headings just above it, show. */
void
samorg_page_follow(struct screen *s)
{
	struct samorg_edit	*e = s->data;
	int			 width = samorg_page_width(s);
	int			 ph = edit_page_rows(s), y, h, c, y0, total;
	size_t			 i;

	y = edit_item_y(e, e->focus, width);
	h = edit_item_rows(e, e->focus, width);
	c = edit_cursor_row(s, y);
	y0 = y;
	for (i = e->focus; i > 0; i--) {
		if (samorg_edit_items[i - 1].kind != IK_HEAD &&
		    samorg_edit_items[i - 1].kind != IK_SUB &&
		    samorg_edit_items[i - 1].kind != IK_NOTE)
			break;
		y0 = edit_item_y(e, i - 1, width);
	}
	if (y + h - y0 <= ph && y0 < e->top)
		e->top = y0;
	if (h <= ph && y + h > e->top + ph)
		e->top = y + h - ph;
	if (y < e->top && h <= ph)
		e->top = y;
	if (c >= e->top + ph)
		e->top = c - ph + 1;
	if (c < e->top)
		e->top = c;
	total = edit_item_y(e, EDIT_NITEMS, width);
	if (e->top > total - ph)
		e->top = total - ph;
	if (e->top < 0)
		e->top = 0;
}

/* Moves the focus to the next focusable item in direction dir. */
void
samorg_page_step(struct screen *s, int dir)
{
	struct samorg_edit	*e = s->data;
	const struct edit_item	*it;
	size_t			 n, i = e->focus, rows;

	for (n = 0; n < EDIT_NITEMS; n++) {
		i = dir > 0 ? (i + 1) % EDIT_NITEMS :
		    (i + EDIT_NITEMS - 1) % EDIT_NITEMS;
		if (!edit_focusable(e, i, samorg_page_width(s)))
			continue;
		e->focus = i;
		it = &samorg_edit_items[i];
		if (it->kind == IK_PANEL) {
			/* Coming from below: the panel's last row. */
			rows = samorg_edit_panel_n(e, (enum edit_panel)it->arg);
			e->cur[it->arg] = dir < 0 && rows > 0 ? rows - 1 : 0;
		}
		return;
	}
}

/* PgUp and PgDn: a page further, the focus on what is then shown. */
void
samorg_page_scroll(struct screen *s, int dir)
{
	struct samorg_edit	*e = s->data;
	int			 width = samorg_page_width(s);
	int			 ph = edit_page_rows(s), y;
	size_t			 i, best = e->focus;

	e->top += dir * (ph - 1);
	for (i = 0; i < EDIT_NITEMS; i++) {
		if (!edit_focusable(e, i, width))
			continue;
		y = edit_item_y(e, i, width);
		if (dir > 0 && y >= e->top) {
			best = i;
			break;
		}
		if (dir < 0 && y < e->top + ph)
			best = i;
		if (dir < 0 && y >= e->top)
			break;
	}
	e->focus = best;
	if (samorg_edit_items[best].kind == IK_PANEL)
		e->cur[samorg_edit_items[best].arg] = 0;
}

/* Puts the focus on the item that shows text field t. */
void
samorg_page_focus_text(struct screen *s, enum edit_text t)
{
	struct samorg_edit	*e = s->data;
	size_t			 i;

	for (i = 0; i < EDIT_NITEMS; i++) {
		if (samorg_edit_items[i].kind == IK_TEXT &&
		    samorg_edit_items[i].arg == (int)t) {
			e->focus = i;
			return;
		}
	}
}

/* The screen row of page row y, or -1 when it is scrolled away. */
static int
edit_row(struct screen *s, int y)
{
	struct samorg_edit	*e = s->data;

	if (y < e->top || y >= e->top + edit_page_rows(s))
		return -1;
	return 1 + y - e->top;
}

/* Draws "Label: " for a one-line field. */
static void
edit_draw_label(WINDOW *w, int sy, const char *label)
{
	text_put(w, sy, 1, label, EDIT_LABEL_W);
	text_put(w, sy, 1 + EDIT_LABEL_W, ": ", 2);
}

/* Draws a one-line item: text, samverkansform or organisationsnummer. */
static void
edit_draw_field(struct screen *s, WINDOW *w, const struct edit_item *it,
    int sy, int focused)
{
	struct samorg_edit	*e = s->data;
	struct entry		*en = &e->text[it->arg];
	char			 line[ENTRY_MAX * 4 + 8];
	char			 buf[ENTRY_MAX * 4 + 1];
	int			 vx = EDIT_LABEL_W + 3;
	int			 vw = edit_value_width(s);

	edit_draw_label(w, sy, it->kind == IK_TEXT ?
	    samorg_edit_texts[it->arg].label : it->label);
	if (it->kind == IK_TEXT && !edit_locked(e, it)) {
		entry_draw(en, w, sy, vx, (int)en->max + 1 < vw ?
		    (int)en->max + 1 : vw, focused);
		return;
	}
	if (it->kind == IK_TEXT)
		snprintf(line, sizeof line, "%s", entry_get(en, buf,
		    sizeof buf) == 0 ? buf : "");
	else if (it->kind == IK_ORGNR)
		snprintf(line, sizeof line, "%s", e->orig.organisationsnummer);
	else if (edit_locked(e, it))
		snprintf(line, sizeof line, "%s", e->form_names[e->form]);
	else
		snprintf(line, sizeof line, "‹ %s ›", e->form_names[e->form]);
	wattron(w, focused ? A_REVERSE : it->kind == IK_FORM &&
	    !edit_locked(e, it) ? A_NORMAL : A_DIM);
	text_put(w, sy, vx, line[0] != '\0' ? line : "–",
	    text_width(line) < vw && line[0] != '\0' ? text_width(line) : vw);
	wattroff(w, A_REVERSE | A_DIM);
}

/* Draws the rows of Beskrivning that are in sight. */
static void
edit_draw_area(struct screen *s, WINDOW *w, int y, int focused)
{
	struct samorg_edit	*e = s->data;
	char			 line[96];
	int			 r, sy, line_no, col;
	int			 width = samorg_page_width(s);

	textarea_scroll(&e->beskr, width, EDIT_AREA_ROWS, &line_no, &col);
	if ((sy = edit_row(s, y)) >= 0) {
		snprintf(line, sizeof line, "Beskrivning (%zu av %d tecken)",
		    e->beskr.len, EDIT_BESKRIVNING_MAX);
		text_put(w, sy, 1, line, width);
	}
	for (r = 0; r < EDIT_AREA_ROWS; r++) {
		if ((sy = edit_row(s, y + 1 + r)) >= 0)
			textarea_draw_row(&e->beskr, w, sy, 1, width, r,
			    focused);
	}
}

/* The cells of row i of panel p. */
static void
edit_panel_cells(struct samorg_edit *e, enum edit_panel p, size_t i,
    const char **v)
{
	const struct samorg_kommun	*k;
	const struct samorg_org		*o;

	switch (p) {
	case EP_KOMMUN:
		k = &e->kommuner[i];
		v[0] = k->kommun;
		v[1] = k->stadsdel_id != 0 ? k->stadsdel : "(hela kommunen)";
		v[2] = k->lan;
		break;
	case EP_ORG:
		o = &e->orgs[i];
		v[0] = o->namn;
		v[1] = o->medlem ? "[x]" : "[ ]";
		v[2] = o->finansiar ? "[x]" : "[ ]";
		v[3] = o->konsument ? "[x]" : "[ ]";
		break;
	default:
		memcpy(v, e->people[p - EP_SA][i].cell, 4 * sizeof *v);
		break;
	}
}

/* Draws a panel: title, column titles and the rows in sight. */
static void
edit_draw_panel(struct screen *s, WINDOW *w, enum edit_panel p, int y,
    int focused)
{
	struct samorg_edit	*e = s->data;
	const char		*v[4];
	char			 title[128];
	size_t			 i, n = samorg_edit_panel_n(e, p);
	int			 cw[4], sy, x, width = samorg_page_width(s), c;

	tbl_fit(edit_panels[p].cols, edit_panels[p].ncols, width, cw);
	if ((sy = edit_row(s, y)) >= 0) {
		snprintf(title, sizeof title, "%s %s (%zu)", focused ? "▶" :
		    " ", edit_panels[p].title, n);
		wattron(w, A_BOLD);
		text_put(w, sy, 0, title, width + 1);
		wattroff(w, A_BOLD);
	}
	if ((sy = edit_row(s, y + 1)) >= 0)
		tbl_draw_head(w, sy, 1, width, edit_panels[p].cols, cw,
		    edit_panels[p].ncols);
	if (n == 0 && (sy = edit_row(s, y + 2)) >= 0) {
		wattron(w, A_DIM);
		text_put(w, sy, 1, edit_panels[p].empty, width);
		wattroff(w, A_DIM);
	}
	for (i = 0; i < n; i++) {
		if ((sy = edit_row(s, y + 2 + (int)i)) < 0)
			continue;
		edit_panel_cells(e, p, i, v);
		if (i == e->cur[p] && focused)
			wattron(w, p == EP_ORG ? A_BOLD : A_REVERSE);
		tbl_draw_row(w, sy, 1, width, cw, edit_panels[p].ncols, v);
		wattroff(w, A_BOLD | A_REVERSE);
		if (p != EP_ORG || i != e->cur[p] || !focused)
			continue;
		/* The flag Space changes stands out. */
		for (x = 1, c = 0; c <= e->flag; c++)
			x += cw[c] + 1;
		wattron(w, A_REVERSE);
		text_put(w, sy, x, v[1 + e->flag], 3);
		wattroff(w, A_REVERSE);
	}
}

/* Draws item i at page row y. */
static void
edit_draw_item(struct screen *s, WINDOW *w, size_t i, int y)
{
	struct samorg_edit	*e = s->data;
	const struct edit_item	*it = &samorg_edit_items[i];
	const char		*lines[4];
	char			 buf[256], line[128];
	size_t			 n, j;
	int			 sy, focused = i == e->focus;
	int			 width = samorg_page_width(s);

	switch (it->kind) {
	case IK_AREA:
		edit_draw_area(s, w, y, focused);
		return;
	case IK_PANEL:
		edit_draw_panel(s, w, (enum edit_panel)it->arg, y, focused);
		return;
	case IK_NOTE:
		n = text_lines(it->label, width, buf, sizeof buf, lines, 4);
		wattron(w, A_DIM);
		for (j = 0; j < n; j++) {
			if ((sy = edit_row(s, y + (int)j)) >= 0)
				text_put(w, sy, 1, lines[j], width);
		}
		wattroff(w, A_DIM);
		return;
	default:
		break;
	}
	if ((sy = edit_row(s, y)) < 0 || it->kind == IK_BLANK)
		return;
	if (it->kind == IK_HEAD || it->kind == IK_SUB) {
		wattron(w, it->kind == IK_HEAD ? A_BOLD : A_UNDERLINE);
		text_put(w, sy, 1, it->label, text_width(it->label));
		wattroff(w, A_BOLD | A_UNDERLINE);
	} else if (it->kind == IK_TOGGLE) {
		snprintf(line, sizeof line, "%s %s (F5 %s)", e->show_contact ?
		    "▾" : "▸", it->label, e->show_contact ? "döljer" :
		    "visar");
		wattron(w, focused ? A_REVERSE | A_BOLD : A_BOLD);
		text_put(w, sy, 1, line, text_width(line));
		wattroff(w, A_REVERSE | A_BOLD);
	} else
		edit_draw_field(s, w, it, sy, focused);
}

/* What the keys do where the focus is, short when narrow. */
static const char *
edit_hint(struct screen *s)
{
	struct samorg_edit	*e = s->data;
	const struct edit_item *it = &samorg_edit_items[e->focus];
	int		 wide = samorg_page_width(s) >= 66;

	if (it->kind == IK_AREA)
		return "Enter ny rad  Tab nästa fält  F2 Spara  Esc Avbryt";
	if (it->kind == IK_PANEL && it->arg == EP_KOMMUN)
		return "+ Lägg till  - Ta bort  F2 Spara  Esc Avbryt";
	if (it->kind == IK_PANEL && it->arg == EP_ORG)
		return wide ? "Mellanslag växlar  ←→ kolumn  + Lägg till  "
		    "- Ta bort  F2 Spara" : "Mellanslag växlar ←→ kolumn + "
		    "Lägg till - Ta bort";
	if (it->kind == IK_PANEL)
		return "Endast visning här. F7 öppnar Hantera uppdrag.";
	return wide ? "F2 Spara  F5 Dölj/visa kontakt  F6 Budget  F7 Uppdrag "
	    " Esc Avbryt" : "F2 Spara F5 Kontakt F6 Budget F7 Uppdrag Esc "
	    "Avbryt";
}

/* Draws the title, the page in sight and what the keys do. */
void
samorg_page_draw(struct screen *s, WINDOW *w)
{
	struct samorg_edit	*e = s->data;
	size_t			 i;
	int			 y = 0, h, width = samorg_page_width(s), dirty;

	dirty = samorg_edit_dirty(e);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, e->orig.namn, width - (dirty ? 10 : 0));
	if (dirty)
		text_put(w, 0, s->cols - 10, "Ej sparat", 9);
	wattroff(w, A_BOLD);
	samorg_page_follow(s);
	for (i = 0; i < EDIT_NITEMS; i++) {
		if ((h = edit_item_rows(e, i, width)) == 0)
			continue;
		if (y + h > e->top && y < e->top + edit_page_rows(s))
			edit_draw_item(s, w, i, y);
		y += h;
	}
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, edit_hint(s), width);
	wattroff(w, A_DIM);
}

/* Places the cursor in the focused text or Beskrivning. */
int
samorg_page_cursor(struct screen *s, int *y, int *x)
{
	struct samorg_edit	*e = s->data;
	const struct edit_item	*it = &samorg_edit_items[e->focus];
	int			 width = samorg_page_width(s);
	int			 sy, line, col, vw;

	sy = edit_row(s, edit_item_y(e, e->focus, width));
	if (it->kind == IK_AREA) {
		textarea_scroll(&e->beskr, width, EDIT_AREA_ROWS, &line, &col);
		sy = edit_row(s, edit_item_y(e, e->focus, width) + 1 + line);
		*x = 1 + col;
	} else if (it->kind == IK_TEXT) {
		vw = edit_value_width(s);
		if ((int)e->text[it->arg].max + 1 < vw)
			vw = (int)e->text[it->arg].max + 1;
		*x = EDIT_LABEL_W + 3 + entry_scroll(&e->text[it->arg], vw);
	} else
		return 0;
	*y = sy;
	return sy >= 0;
}
