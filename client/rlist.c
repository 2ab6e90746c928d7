/*
 * A paged result list for the administration and order screens. The
 * screen owns its search request and fills in the criteria; the list sets
 * offset and limit, keeps the loaded prefix of rows (vlist) and draws the
 * columns that fit. A kind row says where total, nrows and rows sit in
 * the reply struct, so one piece of code pages every list message.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "err.h"
#include "proto.h"
#include "xmalloc.h"

#define RLIST_KIND(s, l, reply, row, req) {				\
	s, l, sizeof(struct reply), sizeof(struct row),			\
	offsetof(struct reply, total), offsetof(struct reply, nrows),	\
	offsetof(struct reply, rows), offsetof(struct req, offset),	\
	offsetof(struct req, limit) }

const struct rlist_kind rlist_users = RLIST_KIND(MSG_USER_SEARCH,
    MSG_USER_LIST, msg_user_list, user_row, msg_user_search);
const struct rlist_kind rlist_orgs = RLIST_KIND(MSG_ORG_SEARCH,
    MSG_ORG_LIST, msg_org_list, org_row, msg_org_search);
const struct rlist_kind rlist_orders = RLIST_KIND(MSG_ORDER_SEARCH,
    MSG_ORDER_LIST, msg_order_list, order_row, msg_order_search);

/* Sets up an empty list over a screen's request. */
void
rlist_init(struct rlist *pl, const struct rlist_kind *kind, void *req,
    const struct rlist_col *cols, size_t ncols, rlist_values_fn values)
{
	memset(pl, 0, sizeof *pl);
	pl->kind = kind;
	pl->req = req;
	pl->cols = cols;
	pl->ncols = ncols > RLIST_MAXCOLS ? RLIST_MAXCOLS : ncols;
	pl->values = values;
}

/* Reads a uint32_t member at off. */
static uint32_t
rlist_u32(const void *base, size_t off)
{
	uint32_t	v;

	memcpy(&v, (const unsigned char *)base + off, sizeof v);
	return v;
}

/* Writes a uint32_t member at off. */
static void
rlist_set_u32(void *base, size_t off, uint32_t v)
{
	memcpy((unsigned char *)base + off, &v, sizeof v);
}

/* Frees the loaded rows through the message codec. */
static void
rlist_rows_free(struct rlist *pl)
{
	void	*reply;

	if (pl->rows == NULL)
		return;
	reply = xcalloc(1, pl->kind->reply_size);
	rlist_set_u32(reply, pl->kind->nrows_off, (uint32_t)pl->vl.loaded);
	memcpy((unsigned char *)reply + pl->kind->rows_off, &pl->rows,
	    sizeof pl->rows);
	msg_clear(pl->kind->list, reply);
	free(reply);
	pl->rows = NULL;
	pl->cap = 0;
	pl->vl.loaded = 0;
}

/* Fetches one page at offset and appends it; returns as ui_call(). */
static int
rlist_fetch(struct rlist *pl, struct ui *ui, size_t offset)
{
	const struct rlist_kind	*k = pl->kind;
	unsigned char		*reply, *rows = NULL;
	size_t			 want;
	uint32_t		 total, nrows;
	int			 rv;

	want = pl->vl.height > LIST_PAGE_ROWS ? pl->vl.height :
	    LIST_PAGE_ROWS;
	rlist_set_u32(pl->req, k->offset_off, (uint32_t)offset);
	rlist_set_u32(pl->req, k->limit_off, (uint32_t)want);
	reply = xcalloc(1, k->reply_size);
	rv = ui_call(ui, k->search, pl->req, k->list, reply);
	if (rv != 0) {
		free(reply);
		return rv;
	}
	total = rlist_u32(reply, k->total_off);
	nrows = rlist_u32(reply, k->nrows_off);
	memcpy(&rows, reply + k->rows_off, sizeof rows);
	free(reply);
	if (offset == 0) {
		rlist_rows_free(pl);
		vlist_reset(&pl->vl, total, 0);
	}
	pl->vl.total = total;
	if (pl->vl.loaded + nrows > pl->cap) {
		pl->cap = pl->vl.loaded + nrows;
		pl->rows = xreallocarray(pl->rows, pl->cap, k->row_size);
	}
	/* The strings change owner: the reply gives up its rows. */
	if (nrows > 0)
		memcpy(pl->rows + pl->vl.loaded * k->row_size, rows,
		    nrows * k->row_size);
	free(rows);
	pl->vl.loaded += nrows;
	if (pl->vl.loaded > pl->vl.total)
		pl->vl.total = pl->vl.loaded;
	/* An empty page means the server has no more, whatever total said. */
	if (nrows == 0)
		pl->vl.total = pl->vl.loaded;
	return 0;
}

/* Loads whatever the list needs to show its cursor and a full page. */
void
rlist_fill(struct rlist *pl, struct ui *ui)
{
	size_t	offset;

	while (pl->searched && vlist_want(&pl->vl, &offset)) {
		if (rlist_fetch(pl, ui, offset) != 0) {
			vlist_clamp_loaded(&pl->vl);
			return;
		}
	}
}

/* Runs the search from the first row. */
int
rlist_search(struct rlist *pl, struct ui *ui)
{
	int	rv;

	if ((rv = rlist_fetch(pl, ui, 0)) != 0)
		return rv;
	pl->searched = 1;
	rlist_fill(pl, ui);
	return 0;
}

/* Runs the search again and goes back to the row number it was on. */
int
rlist_refresh(struct rlist *pl, struct ui *ui)
{
	size_t	cursor = pl->vl.cursor;
	int	rv;

	if (!pl->searched)
		return 0;
	if ((rv = rlist_search(pl, ui)) != 0)
		return rv;
	vlist_goto(&pl->vl, cursor);
	rlist_fill(pl, ui);
	return 0;
}

/* Returns row i when it is loaded. */
void *
rlist_row(struct rlist *pl, size_t i)
{
	if (i >= pl->vl.loaded)
		return NULL;
	return pl->rows + i * pl->kind->row_size;
}

/* Returns the row under the cursor. */
void *
rlist_current(struct rlist *pl)
{
	if (pl->vl.total == 0)
		return NULL;
	return rlist_row(pl, pl->vl.cursor);
}

/* Finds the next loaded row after the cursor holding pl->find. */
static void
rlist_find(struct rlist *pl, struct ui *ui)
{
	const char	*v[RLIST_MAXCOLS];
	char		 buf[RLIST_MAXCOLS][RLIST_CELL];
	size_t		 i, c, n = pl->vl.loaded, row;

	if (pl->find[0] == '\0' || n == 0)
		return;
	for (i = 1; i <= n; i++) {
		row = (pl->vl.cursor + i) % n;
		memset(v, 0, sizeof v);
		pl->values(rlist_row(pl, row), v, buf);
		for (c = 0; c < pl->ncols; c++) {
			if (v[c] != NULL && text_contains(v[c], pl->find)) {
				vlist_goto(&pl->vl, row);
				ui_message(ui, 0, "%s", "");
				return;
			}
		}
	}
	ui_message(ui, 1, "Ingen träff på \"%s\" bland de %zu hämtade "
	    "raderna.", pl->find, n);
}

/* Moves in the list; / and n search the loaded rows. */
int
rlist_key(struct rlist *pl, struct ui *ui, const struct keyev *ev)
{
	if (ev->action == ACT_FIND) {
		if (ui_prompt(ui, "Sök i listan: ", pl->find, sizeof pl->find))
			rlist_find(pl, ui);
		return 1;
	}
	if (ev->action == ACT_FIND_NEXT) {
		rlist_find(pl, ui);
		return 1;
	}
	if (!vlist_key(&pl->vl, ev))
		return 0;
	rlist_fill(pl, ui);
	return 1;
}

/* Sets the rows shown under the header line. */
void
rlist_resize(struct rlist *pl, int rows)
{
	vlist_resize(&pl->vl, rows > 1 ? (size_t)(rows - 1) : 1);
}

/* Hides columns by their drop order until the rest fit, then widens. */
static void
rlist_columns(const struct rlist *pl, int width, int *w)
{
	size_t	i;
	int	need, shown, extra, add, drop;

	for (i = 0; i < pl->ncols; i++)
		w[i] = pl->cols[i].min;
	for (drop = 1;; drop++) {
		need = shown = 0;
		for (i = 0; i < pl->ncols; i++) {
			if (w[i] > 0) {
				need += w[i];
				shown++;
			}
		}
		need += shown > 0 ? shown - 1 : 0;
		if (need <= width || drop > (int)pl->ncols + 1)
			break;
		for (i = 0; i < pl->ncols; i++) {
			if (pl->cols[i].drop == drop)
				w[i] = 0;
		}
	}
	extra = width - need;
	for (i = 0; i < pl->ncols && extra > 0; i++) {
		if (w[i] == 0)
			continue;
		add = pl->cols[i].max - w[i];
		if (add > extra)
			add = extra;
		w[i] += add;
		extra -= add;
	}
}

/* Draws one line of cells. */
static void
rlist_draw_cells(const struct rlist *pl, WINDOW *w, int y, int x,
    const int *cw, const char *const *v)
{
	size_t	i;
	int	cx = x;

	for (i = 0; i < pl->ncols; i++) {
		if (cw[i] == 0)
			continue;
		if (cx > x)
			text_put(w, y, cx - 1, " ", 1);
		text_put(w, y, cx, v[i] != NULL ? v[i] : "", cw[i]);
		cx += cw[i] + 1;
	}
}

/* Draws the header at y and the visible rows below it. */
void
rlist_draw(struct rlist *pl, WINDOW *w, int y, int x, int width,
    int focused)
{
	const char	*v[RLIST_MAXCOLS];
	char		 buf[RLIST_MAXCOLS][RLIST_CELL];
	int		 cw[RLIST_MAXCOLS];
	size_t		 i, row;

	rlist_columns(pl, width, cw);
	for (i = 0; i < pl->ncols; i++)
		v[i] = pl->cols[i].title;
	wattron(w, A_BOLD | A_UNDERLINE);
	rlist_draw_cells(pl, w, y, x, cw, v);
	wattroff(w, A_BOLD | A_UNDERLINE);
	for (i = 0; i < pl->vl.height; i++) {
		row = pl->vl.top + i;
		if (row >= pl->vl.total)
			break;
		if (row >= pl->vl.loaded) {
			text_put(w, y + 1 + (int)i, x, "…", width);
			continue;
		}
		memset(v, 0, sizeof v);
		pl->values(rlist_row(pl, row), v, buf);
		if (row == pl->vl.cursor)
			wattron(w, focused ? A_REVERSE : A_BOLD);
		rlist_draw_cells(pl, w, y + 1 + (int)i, x, cw, v);
		wattroff(w, A_REVERSE | A_BOLD);
	}
}

/* Frees the rows; the request belongs to the screen. */
void
rlist_free(struct rlist *pl)
{
	rlist_rows_free(pl);
}

/* Rows the form takes: each field and its hint line. */
static int
rsearch_form_rows(const struct rsearch *rs)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < rs->form.nfields; i++)
		n += rs->form.fields[i].hint != NULL ? 2 : 1;
	return n;
}

/* Sets up search fields over a list. */
void
rsearch_init(struct rsearch *rs, struct form_field *fields, size_t n,
    const struct rlist_kind *kind, void *req, const struct rlist_col *cols,
    size_t ncols, rlist_values_fn values)
{
	memset(rs, 0, sizeof *rs);
	form_init(&rs->form, fields, n);
	rlist_init(&rs->list, kind, req, cols, ncols, values);
}

/*
 * Routes a key: F3 or Enter in a field asks the screen to search, Enter
 * on a row to open it; Tab from the last field and Down go to the list.
 */
int
rsearch_key(struct rsearch *rs, struct ui *ui, const struct keyev *ev)
{
	struct form_field	*ff;
	char			 text[160];
	int			 rv;

	if (ev->action == ACT_SEARCH)
		return RSEARCH_RUN;
	if (rs->in_list && rs->list.vl.total > 0) {
		if (ev->action == ACT_NEXT || ev->action == ACT_PREV ||
		    (ev->code == KEY_UP && rs->list.vl.cursor == 0)) {
			rs->in_list = 0;
			return 1;
		}
		if (keys_is_enter(ev))
			return rlist_current(&rs->list) != NULL ?
			    RSEARCH_OPEN : 1;
		return rlist_key(&rs->list, ui, ev);
	}
	if (keys_is_enter(ev))
		return RSEARCH_RUN;
	if (rs->list.vl.total > 0 && (ev->code == KEY_DOWN ||
	    ev->action == ACT_NEXT) && rs->form.focus + 1 ==
	    rs->form.nfields) {
		rs->in_list = 1;
		return 1;
	}
	ff = &rs->form.fields[rs->form.focus];
	if ((rv = form_key(&rs->form, ev)) == ENTRY_KEY_FULL) {
		entry_full_text(&ff->entry, ff->label, text, sizeof text);
		ui_message(ui, 1, "%s", text);
		return 1;
	}
	return rv;
}

/* Runs the search the screen has filled in; says how it went. */
int
rsearch_run(struct rsearch *rs, struct ui *ui, const char *none)
{
	int	rv;

	if ((rv = rlist_search(&rs->list, ui)) != 0)
		return rv;
	if (rs->list.vl.total == 0) {
		ui_message(ui, 0, "%s", none);
		rs->in_list = 0;
	} else {
		ui_message(ui, 0, "%zu %s.", rs->list.vl.total,
		    rs->list.vl.total == 1 ? "träff" : "träffar");
		rs->in_list = 1;
	}
	return 0;
}

/* Fits the list between the form and footer rows left at the bottom. */
void
rsearch_layout(struct rsearch *rs, int lines, int footer)
{
	rs->list_y = 1 + rsearch_form_rows(rs) + 2;
	rlist_resize(&rs->list, lines - rs->list_y - footer);
}

/* Draws the fields, a count line and the list. */
void
rsearch_draw(struct rsearch *rs, WINDOW *w, int cols, const char *before)
{
	char	line[128];

	form_draw(&rs->form, w, 1, 1, cols - 2, !rs->in_list);
	if (!rs->list.searched) {
		if (before != NULL)
			text_put(w, rs->list_y - 1, 1, before, cols - 2);
		return;
	}
	if (rs->list.vl.total == 0)
		snprintf(line, sizeof line, "Inga träffar.");
	else
		snprintf(line, sizeof line, "Träffar: %zu (rad %zu)",
		    rs->list.vl.total, rs->list.vl.cursor + 1);
	text_put(w, rs->list_y - 1, 1, line, cols - 2);
	if (rs->list.vl.total > 0)
		rlist_draw(&rs->list, w, rs->list_y, 1, cols - 2,
		    rs->in_list);
}

/* Places the cursor in the focused field unless the list has focus. */
int
rsearch_cursor(struct rsearch *rs, int cols, int *y, int *x)
{
	if (rs->in_list)
		return 0;
	form_cursor(&rs->form, 1, 1, cols - 2, y, x);
	return 1;
}
