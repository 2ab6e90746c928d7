/*
 * Sök samverkansorg: a name field with '*' as wildcard and a result list
 * that fetches further pages from the server as the cursor passes the
 * rows already loaded. Enter on a row opens the read-only detail view.
 */
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "err.h"
#include "proto.h"
#include "xmalloc.h"

/* Rows of the screen above the list: field, hint, count, header. */
#define SAMORG_LIST_TOP	6

struct samorg {
	struct form_field	 fields[1];
	struct form		 form;
	int			 in_list;	/* keys go to the list */
	int			 searched;
	char			 pattern[ENTRY_MAX * 4 + 1];
	struct vlist		 vl;
	struct samorg_row	*rows;
	size_t			 cap;
	char			 find[256];
};

/* Columns of the result list, in display order. */
enum samorg_col {
	COL_NAMN,
	COL_FORM,
	COL_START,
	COL_SLUT,
	COL_KOMMUNER,
	COL__COUNT
};

/*
 * Each column's title, its narrowest and widest useful width, and when it
 * gives way on a narrow terminal (0: never; lower goes first). Names come
 * first: up to 50 characters, and never narrower than 36, so that
 * "Samordningsförbundet Östra Skaraborg" rows can be told apart.
 */
static const struct {
	const char	*title;
	int		 min, max;
	int		 drop;
} samorg_cols[COL__COUNT] = {
	[COL_NAMN] = { "Namn", 36, 50, 0 },
	[COL_FORM] = { "Samverkansform", 15, 22, 3 },
	[COL_START] = { "Startdatum", 10, 10, 0 },
	[COL_SLUT] = { "Slutdatum", 10, 10, 2 },
	[COL_KOMMUNER] = { "Kommuner", 8, 1000, 1 },
};

/* Column widths for a screen width; 0 hides a column. */
struct samorg_cols {
	int	w[COL__COUNT];
};

/* Frees the loaded rows. */
static void
samorg_rows_free(struct samorg *so)
{
	struct msg_samorg_list	l;

	memset(&l, 0, sizeof l);
	l.nrows = (uint32_t)so->vl.loaded;
	l.rows = so->rows;
	msg_clear(MSG_SAMORG_LIST, &l);
	so->rows = NULL;
	so->cap = 0;
}

/* Fetches one page at offset and appends it; 0 on success. */
static int
samorg_fetch(struct screen *s, size_t offset)
{
	struct samorg		*so = s->data;
	struct msg_samorg_search req;
	struct msg_samorg_list	 rep;
	size_t			 want, i;
	int			 rv;

	memset(&rep, 0, sizeof rep);
	want = so->vl.height > LIST_PAGE_ROWS ? so->vl.height : LIST_PAGE_ROWS;
	memset(&req, 0, sizeof req);
	req.pattern = so->pattern;
	req.offset = (uint32_t)offset;
	req.limit = (uint32_t)want;
	rv = ui_call(s->ui, MSG_SAMORG_SEARCH, &req, MSG_SAMORG_LIST, &rep);
	if (rv != 0)
		return rv < 0 ? rv : SUS_ERR_INVALID;
	if (offset == 0) {
		samorg_rows_free(so);
		vlist_reset(&so->vl, rep.total, 0);
	}
	so->vl.total = rep.total;
	if (so->vl.loaded + rep.nrows > so->cap) {
		so->cap = so->vl.loaded + rep.nrows;
		so->rows = xreallocarray(so->rows, so->cap, sizeof *so->rows);
	}
	/* The strings change owner: the reply gives up its rows. */
	for (i = 0; i < rep.nrows; i++)
		so->rows[so->vl.loaded++] = rep.rows[i];
	free(rep.rows);
	if (so->vl.loaded > so->vl.total)
		so->vl.total = so->vl.loaded;
	/* A short page means the server has no more, whatever total said. */
	if (rep.nrows == 0)
		so->vl.total = so->vl.loaded;
	return 0;
}

/* Loads whatever the list needs to show its cursor and a full page. */
static void
samorg_fill(struct screen *s)
{
	struct samorg	*so = s->data;
	size_t		 offset;

	while (vlist_want(&so->vl, &offset)) {
		if (samorg_fetch(s, offset) != 0) {
			vlist_clamp_loaded(&so->vl);
			return;
		}
	}
}

/* Starts a new search with the name field's pattern. */
static void
samorg_search(struct screen *s)
{
	struct samorg	*so = s->data;
	char		 prev[sizeof so->pattern];

	memcpy(prev, so->pattern, sizeof prev);
	if (entry_get(&so->fields[0].entry, so->pattern,
	    sizeof so->pattern) != 0) {
		ui_message(s->ui, 1, "Namnet är för långt. Korta det och "
		    "sök igen.");
		return;
	}
	if (samorg_fetch(s, 0) != 0) {
		/* Keep showing the previous result with its own pattern. */
		memcpy(so->pattern, prev, sizeof prev);
		return;
	}
	so->searched = 1;
	samorg_fill(s);
	if (so->vl.total == 0)
		ui_message(s->ui, 0, "Inga samverkansorganisationer matchar. "
		    "Prova en kortare början med * efter, t.ex. Samord*.");
	else {
		ui_message(s->ui, 0, "%zu träffar.", so->vl.total);
		so->in_list = 1;
	}
}

/* Finds the next loaded row after the cursor containing so->find. */
static void
samorg_find(struct screen *s)
{
	struct samorg		*so = s->data;
	struct samorg_row	*r;
	size_t			 i, n = so->vl.loaded, row;

	if (so->find[0] == '\0' || n == 0)
		return;
	for (i = 1; i <= n; i++) {
		row = (so->vl.cursor + i) % n;
		r = &so->rows[row];
		if (text_contains(r->namn, so->find) ||
		    text_contains(r->samverkansform, so->find) ||
		    text_contains(r->kommuner, so->find)) {
			vlist_goto(&so->vl, row);
			ui_message(s->ui, 0, "%s", "");
			return;
		}
	}
	ui_message(s->ui, 1, "Ingen träff på \"%s\" bland de %zu hämtade "
	    "raderna.", so->find, n);
}

/* Handles keys while the result list has focus. */
static int
samorg_list_key(struct screen *s, const struct keyev *ev)
{
	struct samorg	*so = s->data;
	long		 page = so->vl.height > 1 ? (long)so->vl.height - 1 : 1;

	if (ev->action == ACT_NEXT || ev->action == ACT_PREV) {
		so->in_list = 0;
		return 1;
	}
	if (ev->action == ACT_FIND) {
		if (ui_prompt(s->ui, "Sök i listan: ", so->find,
		    sizeof so->find))
			samorg_find(s);
		return 1;
	}
	if (ev->action == ACT_FIND_NEXT) {
		samorg_find(s);
		return 1;
	}
	if (keys_is_enter(ev)) {
		if (so->vl.cursor < so->vl.loaded)
			ui_push(s->ui, scr_samorg_detail_new(s->ui,
			    &so->rows[so->vl.cursor]));
		return 1;
	}
	switch (ev->code) {
	case KEY_UP:
		if (so->vl.cursor == 0) {
			so->in_list = 0;
			return 1;
		}
		vlist_move(&so->vl, -1);
		break;
	case KEY_DOWN:
		vlist_move(&so->vl, 1);
		break;
	case KEY_PPAGE:
		vlist_move(&so->vl, -page);
		break;
	case KEY_NPAGE:
		vlist_move(&so->vl, page);
		break;
	case KEY_HOME:
		vlist_goto(&so->vl, 0);
		break;
	case KEY_END:
		vlist_goto(&so->vl, so->vl.total);
		break;
	default:
		return 0;
	}
	samorg_fill(s);
	return 1;
}

/* Edits the name field, saying so when it is full. */
static int
samorg_form_key(struct screen *s, const struct keyev *ev)
{
	struct samorg		*so = s->data;
	struct form_field	*ff = &so->fields[so->form.focus];
	char			 text[160];
	int			 rv;

	if ((rv = form_key(&so->form, ev)) == ENTRY_KEY_FULL) {
		entry_full_text(&ff->entry, ff->label, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	return rv;
}

/* Routes keys to the search field or the list. */
static int
samorg_key(struct screen *s, const struct keyev *ev)
{
	struct samorg	*so = s->data;

	if (ev->action == ACT_SEARCH) {
		samorg_search(s);
		return 1;
	}
	if (so->in_list && so->vl.total > 0)
		return samorg_list_key(s, ev);
	if (keys_is_enter(ev)) {
		samorg_search(s);
		return 1;
	}
	if ((ev->action == ACT_NEXT || ev->code == KEY_DOWN) &&
	    so->vl.total > 0) {
		so->in_list = 1;
		return 1;
	}
	if (ev->action == ACT_NEXT || ev->action == ACT_PREV)
		return 1;
	return samorg_form_key(s, ev);
}

/* Drops columns until the rest fit, then widens names first. */
static void
samorg_columns(int width, struct samorg_cols *c)
{
	int	i, need, shown, extra, add, drop;

	for (i = 0; i < COL__COUNT; i++)
		c->w[i] = samorg_cols[i].min;
	for (drop = 1;; drop++) {
		need = shown = 0;
		for (i = 0; i < COL__COUNT; i++) {
			if (c->w[i] > 0) {
				need += c->w[i];
				shown++;
			}
		}
		need += shown - 1;
		if (need <= width)
			break;
		for (i = 0; i < COL__COUNT; i++) {
			if (samorg_cols[i].drop == drop)
				c->w[i] = 0;
		}
		if (drop > COL__COUNT)
			break;
	}
	extra = width - need;
	for (i = 0; i < COL__COUNT && extra > 0; i++) {
		if (c->w[i] == 0)
			continue;
		add = samorg_cols[i].max - c->w[i];
		if (add > extra)
			add = extra;
		c->w[i] += add;
		extra -= add;
	}
}

/* Draws one row of the list at y from one value per column. */
static void
samorg_draw_row(WINDOW *w, int y, const struct samorg_cols *c,
    const char *const *v)
{
	int	i, x = 1;

	for (i = 0; i < COL__COUNT; i++) {
		if (c->w[i] == 0)
			continue;
		if (x > 1)
			text_put(w, y, x - 1, " ", 1);
		text_put(w, y, x, v[i], c->w[i]);
		x += c->w[i] + 1;
	}
}

/* Draws the search field and the visible rows of the result. */
static void
samorg_draw(struct screen *s, WINDOW *w)
{
	struct samorg		*so = s->data;
	struct samorg_cols	 c;
	struct samorg_row	*r;
	const char		*v[COL__COUNT];
	char			 line[sizeof so->pattern + 96];
	size_t			 i, row;
	int			 y;

	form_draw(&so->form, w, 1, 1, s->cols - 2, !so->in_list);
	if (!so->searched) {
		text_put(w, 4, 1, "Skriv ett namn och tryck Enter eller F3.",
		    s->cols - 2);
		return;
	}
	/* Say what the list is for: the field may have been edited since. */
	if (so->vl.total == 0)
		snprintf(line, sizeof line, "Inga träffar för \"%s\".",
		    so->pattern);
	else if (so->pattern[0] == '\0')
		snprintf(line, sizeof line, "Träffar: %zu (rad %zu), alla "
		    "samverkansorganisationer", so->vl.total,
		    so->vl.cursor + 1);
	else
		snprintf(line, sizeof line, "Träffar: %zu (rad %zu) för "
		    "\"%s\"", so->vl.total, so->vl.cursor + 1, so->pattern);
	text_put(w, 4, 1, line, s->cols - 2);
	if (so->vl.total == 0)
		return;
	samorg_columns(s->cols - 2, &c);
	for (i = 0; i < COL__COUNT; i++)
		v[i] = samorg_cols[i].title;
	wattron(w, A_BOLD | A_UNDERLINE);
	samorg_draw_row(w, SAMORG_LIST_TOP - 1, &c, v);
	wattroff(w, A_BOLD | A_UNDERLINE);
	for (i = 0; i < so->vl.height; i++) {
		row = so->vl.top + i;
		if (row >= so->vl.total)
			break;
		y = SAMORG_LIST_TOP + (int)i;
		if (row >= so->vl.loaded) {
			text_put(w, y, 1, "…", s->cols - 2);
			continue;
		}
		r = &so->rows[row];
		if (row == so->vl.cursor)
			wattron(w, so->in_list ? A_REVERSE : A_BOLD);
		v[COL_NAMN] = r->namn;
		v[COL_FORM] = r->samverkansform;
		v[COL_START] = r->startdatum;
		v[COL_SLUT] = r->slutdatum;
		v[COL_KOMMUNER] = r->kommuner;
		samorg_draw_row(w, y, &c, v);
		wattroff(w, A_REVERSE | A_BOLD);
	}
}

/* Fits the list to the screen's new height. */
static void
samorg_layout(struct screen *s, int lines, int cols)
{
	struct samorg	*so = s->data;

	vlist_resize(&so->vl, lines > SAMORG_LIST_TOP ?
	    (size_t)(lines - SAMORG_LIST_TOP) : 1);
}

/* Fetches rows the larger window now shows. */
static void
samorg_enter(struct screen *s)
{
	struct samorg	*so = s->data;

	if (so->searched && remote_connected(s->ui->remote))
		samorg_fill(s);
}

/* Puts the cursor in the name field while it has focus. */
static int
samorg_cursor(struct screen *s, int *y, int *x)
{
	struct samorg	*so = s->data;

	if (so->in_list)
		return 0;
	form_cursor(&so->form, 1, 1, s->cols - 2, y, x);
	return 1;
}

/* Frees the screen's data. */
static void
samorg_free(struct screen *s)
{
	struct samorg	*so = s->data;

	samorg_rows_free(so);
	free(so);
}

static const struct screen_type scr_samorg_type = {
	.title = "Sök samverkansorg",
	.enter = samorg_enter,
	.layout = samorg_layout,
	.draw = samorg_draw,
	.key = samorg_key,
	.free = samorg_free,
	.cursor = samorg_cursor,
};

/* Creates the search screen with an empty name field. */
struct screen *
scr_samorg_new(struct ui *ui)
{
	struct samorg	*so;

	so = xcalloc(1, sizeof *so);
	so->fields[0].label = "Namn";
	so->fields[0].hint = "* är jokertecken, t.ex. Samordningsförbundet*";
	/* The protocol limit, in bytes: å, ä and ö take two. */
	entry_init(&so->fields[0].entry, SUS_PATTERN_MAX, 0);
	entry_limit_bytes(&so->fields[0].entry, SUS_PATTERN_MAX);
	form_init(&so->form, so->fields, 1);
	return screen_new(ui, &scr_samorg_type, so);
}
