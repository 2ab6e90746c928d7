/*
 * The read-only view of one samverkansorganisation, open to every role:
 * base data, contact information, the kommuner and stadsdelar it serves
 * and its ingående organisationer, fetched whole with MSG_SAMORG_GET. The
 * page scrolls when it is taller than the screen (80x24 always is). When
 * the server says the caller may change it, F4 opens Hantera
 * samverkansorg on it.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* Columns for labels; the values start after them. */
#define VIEW_LABEL_W	20
#define VIEW_CELLS	5

enum view_kind {
	VK_TEXT,	/* a line of text, maybe with a label */
	VK_HEAD,	/* column titles of a table */
	VK_ROW		/* one row of a table */
};

enum view_table {
	VT_KOMMUN,
	VT_ORG,
	VT__COUNT
};

/* One line of the page. */
struct vline {
	enum view_kind	 kind;
	int		 attr;
	enum view_table	 table;
	int		 cont;		/* a value's further line */
	char		*label;
	char		*cell[VIEW_CELLS];	/* cell[0] is the text */
};

struct view {
	uint32_t	 id;
	struct msg_samorg so;
	int		 loaded;
	int		 stale;		/* fetch again when shown */
	struct vline	*lines;
	size_t		 n, cap;
	int		 width;		/* the lines are broken for it */
	int		 top;
};

static const struct tbl_col view_kommun_cols[] = {
	{ "Kommun", 12, 20, 0, NULL, 1 },
	{ "Stadsdel", 15, 24, 0, NULL, 0 },
	{ "Län", 20, 24, 1, NULL, 1 },
};

static const struct tbl_col view_org_cols[] = {
	{ "Organisation", 14, 40, 0, NULL, 0 },
	{ "Typ", 8, 20, 1, NULL, 1 },
	{ "Medlem", 6, 6, 0, NULL, 0 },
	{ "Finansiär", 9, 9, 0, NULL, 0 },
	{ "Konsument", 9, 9, 0, NULL, 0 },
};

static const struct {
	const struct tbl_col	*cols;
	size_t			 n;
} view_tables[VT__COUNT] = {
	[VT_KOMMUN] = { view_kommun_cols, 3 },
	[VT_ORG] = { view_org_cols, 5 },
};

/* Base data and contact information: label and member, in page order. */
#define VIEW_SECTION	((size_t)-1)

static const struct {
	const char	*label;
	size_t		 off;
} view_fields[] = {
	{ "Samverkansform", offsetof(struct msg_samorg, samverkansform) },
	{ "Organisationsnummer",
	    offsetof(struct msg_samorg, organisationsnummer) },
	{ "Startdatum", offsetof(struct msg_samorg, startdatum) },
	{ "Slutdatum", offsetof(struct msg_samorg, slutdatum) },
	{ "Beskrivning", offsetof(struct msg_samorg, beskrivning) },
	{ "Kontaktinformation", VIEW_SECTION },
	{ "Utdelningsadress", offsetof(struct msg_samorg, utdelningsadress) },
	{ "Postnummer", offsetof(struct msg_samorg, postnummer) },
	{ "Postort", offsetof(struct msg_samorg, postort) },
	{ "Telefon", offsetof(struct msg_samorg, telefon) },
	{ "E-post", offsetof(struct msg_samorg, epost) },
	{ "Webbplats", offsetof(struct msg_samorg, webbplats) },
	{ "Kontaktperson", VIEW_SECTION },
	{ "Namn", offsetof(struct msg_samorg, kontakt_namn) },
	{ "Telefon", offsetof(struct msg_samorg, kontakt_telefon) },
	{ "E-post", offsetof(struct msg_samorg, kontakt_epost) },
};

/* Frees the lines of the page. */
static void
view_lines_clear(struct view *v)
{
	size_t	i, j;

	for (i = 0; i < v->n; i++) {
		free(v->lines[i].label);
		for (j = 0; j < VIEW_CELLS; j++)
			free(v->lines[i].cell[j]);
	}
	v->n = 0;
}

/* Appends a line and returns it, zeroed. */
static struct vline *
view_add(struct view *v, enum view_kind kind, int attr)
{
	struct vline	*l;

	if (v->n == v->cap) {
		v->cap = v->cap == 0 ? 64 : v->cap * 2;
		v->lines = xreallocarray(v->lines, v->cap, sizeof *v->lines);
	}
	l = &v->lines[v->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->attr = attr;
	return l;
}

/* Appends a text line. */
static void
view_text(struct view *v, const char *label, const char *text, int attr)
{
	struct vline	*l = view_add(v, VK_TEXT, attr);

	l->label = label != NULL ? xstrdup(label) : NULL;
	l->cell[0] = xstrdup(text);
}

/* Appends "Label: value", the value broken over as many lines as needed. */
static void
view_pair(struct view *v, const char *label, const char *value)
{
	const char	*lines[512];
	char		 buf[8192 + 1];
	size_t		 i, n;
	int		 vw = v->width - VIEW_LABEL_W - 1;

	if (value == NULL || *value == '\0') {
		view_text(v, label, "–", A_DIM);
		return;
	}
	n = text_lines(value, vw > 8 ? vw : 8, buf, sizeof buf, lines, 512);
	for (i = 0; i < n; i++) {
		view_text(v, i == 0 ? label : NULL, lines[i], A_NORMAL);
		v->lines[v->n - 1].cont = i > 0;
	}
}

/* Appends a table row of n cells. */
static void
view_row(struct view *v, enum view_table t, const char *const *cells)
{
	struct vline	*l = view_add(v, VK_ROW, A_NORMAL);
	size_t		 i;

	l->table = t;
	for (i = 0; i < view_tables[t].n; i++)
		l->cell[i] = xstrdup(cells[i] != NULL ? cells[i] : "");
}

/* Appends a section title and a table's column titles. */
static void
view_table(struct view *v, const char *title, enum view_table t, size_t n)
{
	char	line[128];

	view_text(v, NULL, "", A_NORMAL);
	snprintf(line, sizeof line, "%s (%zu)", title, n);
	view_text(v, NULL, line, A_BOLD);
	if (n > 0)
		view_add(v, VK_HEAD, A_NORMAL)->table = t;
}

/* Appends the kommuner and stadsdelar. */
static void
view_kommuner(struct view *v)
{
	const struct samorg_kommun	*k;
	const char			*c[3];
	uint32_t			 i;

	view_table(v, "Kommun, stadsdel", VT_KOMMUN, v->so.nkommuner);
	if (v->so.nkommuner == 0)
		view_text(v, NULL, "Ingen kommun registrerad.", A_DIM);
	for (i = 0; i < v->so.nkommuner; i++) {
		k = &v->so.kommuner[i];
		c[0] = k->kommun;
		c[1] = k->stadsdel_id != 0 ? k->stadsdel : "(hela kommunen)";
		c[2] = k->lan;
		view_row(v, VT_KOMMUN, c);
	}
}

/* Appends the ingående organisationer with their three flags. */
static void
view_orgs(struct view *v)
{
	const struct samorg_org	*o;
	const char		*c[5];
	uint32_t		 i;

	view_table(v, "Ingående organisationer", VT_ORG,
	    v->so.norganisationer);
	if (v->so.norganisationer == 0)
		view_text(v, NULL, "Ingen organisation registrerad.", A_DIM);
	for (i = 0; i < v->so.norganisationer; i++) {
		o = &v->so.organisationer[i];
		c[0] = o->namn;
		c[1] = o->organisationstyp;
		c[2] = o->medlem ? "ja" : "–";
		c[3] = o->finansiar ? "ja" : "–";
		c[4] = o->konsument ? "ja" : "–";
		view_row(v, VT_ORG, c);
	}
}

/* Breaks the whole page into lines for a width. */
static void
view_build(struct view *v, int width)
{
	const char	*val;
	size_t		 i;

	view_lines_clear(v);
	v->width = width;
	if (!v->loaded)
		return;
	view_text(v, NULL, v->so.namn, A_BOLD);
	view_text(v, NULL, "", A_NORMAL);
	for (i = 0; i < sizeof view_fields / sizeof view_fields[0]; i++) {
		if (view_fields[i].off == VIEW_SECTION) {
			view_text(v, NULL, "", A_NORMAL);
			view_text(v, NULL, view_fields[i].label, A_BOLD);
			continue;
		}
		val = *(char *const *)(const void *)((const char *)&v->so +
		    view_fields[i].off);
		view_pair(v, view_fields[i].label, val);
	}
	view_kommuner(v);
	view_orgs(v);
}

/* Rows the page has between the top and the key line. */
static int
view_rows(const struct screen *s)
{
	return s->lines - 1 > 1 ? s->lines - 1 : 1;
}

/* Keeps the first line shown within the page. */
static void
view_clamp(struct screen *s)
{
	struct view	*v = s->data;
	int		 last = (int)v->n - view_rows(s);

	if (v->top > last)
		v->top = last;
	if (v->top < 0)
		v->top = 0;
}

/*
 * Fetches organisation id into so, replacing what it held when *loaded;
 * on failure so is kept and ui_call has said why. 0 on success.
 */
int
samorg_fetch(struct ui *ui, uint32_t id, struct msg_samorg *so, int *loaded)
{
	struct msg_samorg_get	 req;
	struct msg_samorg	 rep;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.id = id;
	if (ui_call(ui, MSG_SAMORG_GET, &req, MSG_SAMORG, &rep) != 0)
		return -1;
	if (*loaded)
		msg_clear(MSG_SAMORG, so);
	*so = rep;
	*loaded = 1;
	return 0;
}

/* Fetches the organisation and lays the page out again. */
static int
view_load(struct screen *s)
{
	struct view	*v = s->data;

	if (samorg_fetch(s->ui, v->id, &v->so, &v->loaded) != 0)
		return -1;
	v->stale = 0;
	view_build(v, s->cols - 2);
	view_clamp(s);
	return 0;
}

/* Draws one line of the page at screen row y. */
static void
view_draw_line(struct screen *s, WINDOW *w, const struct vline *l, int y)
{
	const struct tbl_col	*cols = view_tables[l->table].cols;
	size_t			 n = view_tables[l->table].n;
	int			 cw[VIEW_CELLS], width = s->cols - 2;

	if (l->kind != VK_TEXT) {
		tbl_fit(cols, n, width, cw);
		if (l->kind == VK_HEAD)
			tbl_draw_head(w, y, 1, width, cols, cw, n);
		else
			tbl_draw_row(w, y, 1, width, cw, n,
			    (const char *const *)l->cell);
		return;
	}
	if (l->label != NULL) {
		text_put(w, y, 1, l->label, VIEW_LABEL_W - 1);
		text_put(w, y, VIEW_LABEL_W, ":", 1);
	}
	wattron(w, l->attr);
	if (l->label != NULL || l->cont)
		text_put(w, y, VIEW_LABEL_W + 2, l->cell[0],
		    width - VIEW_LABEL_W - 1);
	else
		text_put(w, y, 1, l->cell[0], width);
	wattroff(w, l->attr);
}

/* Draws the visible lines and what the keys do. */
static void
view_draw(struct screen *s, WINDOW *w)
{
	struct view	*v = s->data;
	char		 line[160];
	int		 i, rows = view_rows(s);

	if (!v->loaded) {
		text_wrap(w, 1, 1, "Uppgifterna kunde inte hämtas. F3 försöker "
		    "igen, Esc går tillbaka.", s->cols - 2, 2);
		return;
	}
	if (v->width != s->cols - 2)
		view_build(v, s->cols - 2);
	view_clamp(s);
	for (i = 0; i < rows && v->top + i < (int)v->n; i++)
		view_draw_line(s, w, &v->lines[v->top + i], i);
	if ((int)v->n > rows)
		snprintf(line, sizeof line, "Rad %d–%d av %zu (PgDn)",
		    v->top + 1, v->top + rows, v->n);
	else
		snprintf(line, sizeof line, "Endast visning");
	if (v->so.rights & SAMORG_R_EDIT)
		strlcat(line, "  F4 Ändra", sizeof line);
	strlcat(line, "  Esc tillbaka", sizeof line);
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, line, s->cols - 2);
	wattroff(w, A_DIM);
}

/* Scrolls; F4 opens Hantera samverkansorg when the server allows. */
static int
view_key(struct screen *s, const struct keyev *ev)
{
	struct view	*v = s->data;

	if (ev->action == ACT_SEARCH) {
		if (view_load(s) == 0)
			ui_message(s->ui, 0, "Uppgifterna är hämtade igen.");
		return 1;
	}
	if (ev->code == KEY_F(4)) {
		if (!v->loaded || !(v->so.rights & SAMORG_R_EDIT))
			ui_message(s->ui, 1, "Du får inte ändra den här "
			    "samverkansorganisationen.");
		else {
			v->stale = 1;
			ui_push(s->ui, scr_samorg_edit_open(s->ui, v->id));
		}
		return 1;
	}
	if (!keys_scroll(ev->code, view_rows(s), (int)v->n, &v->top))
		return 0;
	view_clamp(s);
	return 1;
}

/* Fetches the organisation the first time, and after Ändra. */
static void
view_enter(struct screen *s)
{
	struct view	*v = s->data;

	if ((!v->loaded || v->stale) && remote_connected(s->ui->remote))
		(void)view_load(s);
}

/* Frees the lines and the organisation. */
static void
view_free(struct screen *s)
{
	struct view	*v = s->data;

	view_lines_clear(v);
	free(v->lines);
	if (v->loaded)
		msg_clear(MSG_SAMORG, &v->so);
	free(v);
}

static const struct screen_type scr_samorg_view_type = {
	.title = "Visa samverkansorg",
	.enter = view_enter,
	.draw = view_draw,
	.key = view_key,
	.free = view_free,
};

/* Creates the view of one organisation; it is fetched when shown. */
struct screen *
scr_samorg_view_new(struct ui *ui, uint32_t samorg_id)
{
	struct view	*v;

	v = xcalloc(1, sizeof *v);
	v->id = samorg_id;
	return screen_new(ui, &scr_samorg_view_type, v);
}
