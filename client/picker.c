/*
 * Pickers and the lists they are made of: a table whose columns give way
 * on a narrow terminal, a list that fetches its rows a page at a time, a
 * chooser (a name field over such a list; Enter picks a row) and the
 * shared pop-up "Välj användare" (domain.md 5.2). The pop-up lists only
 * users who hold the role asked for (rule 12) and hands the users chosen
 * to the screen below it; nothing is stored until that screen's Spara
 * (rule 15).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "err.h"
#include "proto.h"
#include "xmalloc.h"

/*
 * Widens the columns shown up to their widest, lowest grow first and in
 * table order among equals, until width is used.
 */
static void
tbl_widen(const struct tbl_col *cols, size_t n, int extra, int *w)
{
	size_t	i;
	int	add, grow, maxgrow = 0;

	for (i = 0; i < n; i++) {
		if (cols[i].grow > maxgrow)
			maxgrow = cols[i].grow;
	}
	for (grow = 0; grow <= maxgrow && extra > 0; grow++) {
		for (i = 0; i < n && extra > 0; i++) {
			if (w[i] == 0 || cols[i].grow != grow)
				continue;
			add = cols[i].max - w[i];
			if (add > extra)
				add = extra;
			if (add > 0) {
				w[i] += add;
				extra -= add;
			}
		}
	}
}

/* Drops columns, lowest drop first, until the rest fit; then widens. */
void
tbl_fit(const struct tbl_col *cols, size_t n, int width, int *w)
{
	size_t	i;
	int	need, shown, drop, maxdrop = 0;

	for (i = 0; i < n; i++) {
		w[i] = cols[i].min;
		if (cols[i].drop > maxdrop)
			maxdrop = cols[i].drop;
	}
	for (drop = 1;; drop++) {
		need = shown = 0;
		for (i = 0; i < n; i++) {
			if (w[i] > 0) {
				need += w[i];
				shown++;
			}
		}
		if (shown > 0)
			need += shown - 1;
		if (need <= width || drop > maxdrop)
			break;
		for (i = 0; i < n; i++) {
			if (cols[i].drop == drop)
				w[i] = 0;
		}
	}
	if (width > need)
		tbl_widen(cols, n, width - need, w);
}

/* Draws one value per shown column, padded to the whole width. */
void
tbl_draw_row(WINDOW *w, int y, int x, int width, const int *cw, size_t n,
    const char *const *v)
{
	size_t	i;
	int	used = 0, room;

	for (i = 0; i < n && used < width; i++) {
		if (cw[i] == 0)
			continue;
		if (used > 0) {
			text_put(w, y, x + used, " ", 1);
			if (++used >= width)
				break;
		}
		room = cw[i] < width - used ? cw[i] : width - used;
		text_put(w, y, x + used, v[i], room);
		used += room;
	}
	if (used < width)
		text_put(w, y, x + used, "", width - used);
}

/* Draws the column titles, bold and underlined. */
void
tbl_draw_head(WINDOW *w, int y, int x, int width, const struct tbl_col *cols,
    const int *cw, size_t n)
{
	const char	*v[TBL_MAXCOLS];
	size_t		 i;

	for (i = 0; i < n && i < TBL_MAXCOLS; i++)
		v[i] = cols[i].title;
	wattron(w, A_BOLD | A_UNDERLINE);
	tbl_draw_row(w, y, x, width, cw, n, v);
	wattroff(w, A_BOLD | A_UNDERLINE);
}

/* Sets up an empty list over columns and a fetch function. */
void
plist_init(struct plist *pl, const struct tbl_col *cols, size_t n,
    plist_fetch fetch, void *arg)
{
	memset(pl, 0, sizeof *pl);
	pl->cols = cols;
	pl->ncols = n > TBL_MAXCOLS ? TBL_MAXCOLS : n;
	pl->fetch = fetch;
	pl->arg = arg;
	pl->vl.height = 1;
}

/* Frees the rows and forgets the result. */
void
plist_clear(struct plist *pl)
{
	size_t	i, j;

	for (i = 0; i < pl->vl.loaded; i++) {
		for (j = 0; j < TBL_MAXCOLS; j++)
			free(pl->rows[i].cell[j]);
	}
	free(pl->rows);
	pl->rows = NULL;
	pl->cap = 0;
	vlist_reset(&pl->vl, 0, 0);
	pl->ready = 0;
}

/* Appends a row with copies of its cells. */
struct plist_row *
plist_add(struct plist *pl, uint32_t id, uint32_t aux,
    const char *const *cells)
{
	struct plist_row	*r;
	size_t			 i;

	if (pl->vl.loaded == pl->cap) {
		pl->cap = pl->cap == 0 ? 16 : pl->cap * 2;
		pl->rows = xreallocarray(pl->rows, pl->cap, sizeof *pl->rows);
	}
	r = &pl->rows[pl->vl.loaded++];
	memset(r, 0, sizeof *r);
	r->id = id;
	r->aux = aux;
	for (i = 0; i < pl->ncols; i++)
		r->cell[i] = xstrdup(cells[i] != NULL ? cells[i] : "");
	if (pl->vl.total < pl->vl.loaded)
		pl->vl.total = pl->vl.loaded;
	return r;
}

/* Fetches one page at offset; a page that adds nothing ends the list. */
static int
plist_fetch_page(struct plist *pl, size_t offset)
{
	size_t	want, total = 0, before = pl->vl.loaded;

	want = pl->vl.height > LIST_PAGE_ROWS ? pl->vl.height : LIST_PAGE_ROWS;
	if (pl->fetch(pl, offset, want, &total) != 0)
		return -1;
	pl->vl.total = total;
	if (pl->vl.loaded > pl->vl.total || pl->vl.loaded == before)
		pl->vl.total = pl->vl.loaded;
	return 0;
}

/* Starts the list over from its first row. */
int
plist_load(struct plist *pl)
{
	plist_clear(pl);
	if (plist_fetch_page(pl, 0) != 0)
		return -1;
	pl->ready = 1;
	plist_fill(pl);
	return 0;
}

/* Loads whatever the list needs to show its cursor and a full page. */
void
plist_fill(struct plist *pl)
{
	size_t	offset;

	while (vlist_want(&pl->vl, &offset)) {
		if (plist_fetch_page(pl, offset) != 0) {
			vlist_clamp_loaded(&pl->vl);
			return;
		}
	}
}

/* Moves to the next loaded row after the cursor holding pl->find. */
static void
plist_find(struct plist *pl, struct ui *ui)
{
	size_t	i, j, n = pl->vl.loaded, row;

	if (pl->find[0] == '\0' || n == 0)
		return;
	for (i = 1; i <= n; i++) {
		row = (pl->vl.cursor + i) % n;
		for (j = 0; j < pl->ncols; j++) {
			if (text_contains(pl->rows[row].cell[j], pl->find)) {
				vlist_goto(&pl->vl, row);
				ui_message(ui, 0, "%s", "");
				return;
			}
		}
	}
	ui_message(ui, 1, "Ingen träff på \"%s\" bland de %zu hämtade "
	    "raderna.", pl->find, n);
}

/* Moves the cursor, fetching rows it reaches; / and n search the list. */
int
plist_key(struct plist *pl, struct ui *ui, const struct keyev *ev)
{
	if (ev->action == ACT_FIND) {
		if (ui_prompt(ui, "Sök i listan: ", pl->find,
		    sizeof pl->find))
			plist_find(pl, ui);
		return 1;
	}
	if (ev->action == ACT_FIND_NEXT) {
		plist_find(pl, ui);
		return 1;
	}
	if (!vlist_key(&pl->vl, ev))
		return 0;
	plist_fill(pl);
	return 1;
}

/* The row under the cursor. */
struct plist_row *
plist_current(struct plist *pl)
{
	if (pl->vl.total == 0 || pl->vl.cursor >= pl->vl.loaded)
		return NULL;
	return &pl->rows[pl->vl.cursor];
}

/* Draws the titles and the visible rows, the cursor row highlighted. */
void
plist_draw(struct plist *pl, WINDOW *w, int y, int x, int width,
    int focused)
{
	const struct tbl_col	*c;
	struct plist_row	*r;
	const char		*v[TBL_MAXCOLS];
	char			 buf[TBL_MAXCOLS][160];
	int			 cw[TBL_MAXCOLS];
	size_t			 i, j, row;

	tbl_fit(pl->cols, pl->ncols, width, cw);
	tbl_draw_head(w, y, x, width, pl->cols, cw, pl->ncols);
	for (i = 0; i < pl->vl.height; i++) {
		row = pl->vl.top + i;
		if (row >= pl->vl.total)
			break;
		if (row >= pl->vl.loaded) {
			text_put(w, y + 1 + (int)i, x, "…", width);
			continue;
		}
		r = &pl->rows[row];
		for (j = 0; j < pl->ncols; j++) {
			c = &pl->cols[j];
			v[j] = c->show != NULL ? c->show(r, cw[j], buf[j],
			    sizeof buf[j]) : r->cell[j];
		}
		if (row == pl->vl.cursor)
			wattron(w, focused ? A_REVERSE : A_BOLD);
		tbl_draw_row(w, y + 1 + (int)i, x, width, cw, pl->ncols, v);
		wattroff(w, A_REVERSE | A_BOLD);
	}
}

/* Sets up a chooser; a searchable one has a name field with '*'. */
void
chooser_init(struct chooser *ch, const char *what, int searchable,
    const struct tbl_col *cols, size_t n, plist_fetch fetch, void *arg)
{
	memset(ch, 0, sizeof *ch);
	ch->what = what;
	ch->searchable = searchable;
	ch->in_list = !searchable;
	ch->field.label = "Namn";
	ch->field.hint = "* är jokertecken; tomt visar alla";
	entry_init(&ch->field.entry, SUS_PATTERN_MAX, 0);
	entry_limit_bytes(&ch->field.entry, SUS_PATTERN_MAX);
	form_init(&ch->form, &ch->field, 1);
	plist_init(&ch->pl, cols, n, fetch, arg);
}

/* Frees the chooser's rows. */
void
chooser_free(struct chooser *ch)
{
	plist_clear(&ch->pl);
}

/* Loads the list for the name field's text. */
int
chooser_search(struct chooser *ch, struct ui *ui)
{
	if (entry_get(&ch->field.entry, ch->pattern, sizeof ch->pattern) != 0) {
		ui_message(ui, 1, "Namnet är för långt. Korta det och sök "
		    "igen.");
		return -1;
	}
	if (plist_load(&ch->pl) != 0)
		return -1;
	if (ch->pl.vl.total == 0) {
		ch->in_list = 0;
		ui_message(ui, 0, ch->searchable ? "Ingen %s matchar. Prova "
		    "en kortare början med * efter." : "Du har ingen %s att "
		    "välja.", ch->what);
		return 0;
	}
	ch->in_list = 1;
	return 0;
}

/* Loads the first list; a name can still be typed to narrow it. */
int
chooser_start(struct chooser *ch, struct ui *ui)
{
	int	rv;

	rv = chooser_search(ch, ui);
	if (ch->searchable)
		ch->in_list = 0;
	return rv;
}

/*
 * The one row a list that cannot be searched holds, or NULL: with one
 * choice only, a screen goes straight to it.
 */
struct plist_row *
chooser_only(struct chooser *ch)
{
	if (ch->searchable || ch->pl.vl.total != 1)
		return NULL;
	return &ch->pl.rows[0];
}

/* Keys while the name field has focus. */
static int
chooser_field_key(struct chooser *ch, struct ui *ui, const struct keyev *ev)
{
	char	text[160];
	int	rv;

	if (keys_is_enter(ev) || ev->action == ACT_SEARCH) {
		chooser_search(ch, ui);
		return 1;
	}
	if ((ev->action == ACT_NEXT || ev->code == KEY_DOWN) &&
	    ch->pl.vl.total > 0) {
		ch->in_list = 1;
		return 1;
	}
	if (ev->action == ACT_NEXT || ev->action == ACT_PREV)
		return 1;
	if ((rv = entry_key(&ch->field.entry, ev)) == ENTRY_KEY_FULL) {
		entry_full_text(&ch->field.entry, ch->field.label, text,
		    sizeof text);
		ui_message(ui, 1, "%s", text);
	}
	return rv != 0;
}

/* Moves between the field and the list; Enter on a row picks it. */
int
chooser_key(struct chooser *ch, struct ui *ui, const struct keyev *ev)
{
	if (ch->searchable && !ch->in_list)
		return chooser_field_key(ch, ui, ev);
	if (ev->action == ACT_SEARCH) {
		if (ch->searchable)
			chooser_search(ch, ui);
		else if (plist_load(&ch->pl) == 0 && ch->pl.vl.total == 0)
			ui_message(ui, 0, "Du har ingen %s att välja.",
			    ch->what);
		return 1;
	}
	if (keys_is_enter(ev))
		return plist_current(&ch->pl) != NULL ? CHOOSER_PICKED : 1;
	if (ch->searchable && (ev->action == ACT_NEXT ||
	    ev->action == ACT_PREV || (ev->code == KEY_UP &&
	    ch->pl.vl.cursor == 0))) {
		ch->in_list = 0;
		return 1;
	}
	return plist_key(&ch->pl, ui, ev);
}

/* Rows above the list: the field and its hint, then a blank row. */
static int
chooser_top(const struct chooser *ch)
{
	return ch->searchable ? 5 : 3;
}

/* Fits the list under the field and the title. */
void
chooser_layout(struct chooser *ch, int lines)
{
	int	h = lines - chooser_top(ch) - 2;

	vlist_resize(&ch->pl.vl, h > 0 ? (size_t)h : 1);
}

/* Draws the field, what to do, and the list. */
void
chooser_draw(struct chooser *ch, WINDOW *w, int lines, int cols)
{
	char	line[sizeof ch->pattern + 128];
	int	y = 1;

	if (ch->searchable)
		y = form_draw(&ch->form, w, 1, 1, cols - 2, !ch->in_list) + 1;
	if (!ch->pl.ready)
		snprintf(line, sizeof line, "Välj %s. F3 hämtar listan.",
		    ch->what);
	else if (ch->pl.vl.total == 0)
		snprintf(line, sizeof line, "Ingen %s att välja.", ch->what);
	else
		snprintf(line, sizeof line, "Välj med pilarna och Enter. "
		    "Rad %zu av %zu.", ch->pl.vl.cursor + 1, ch->pl.vl.total);
	text_put(w, y, 1, line, cols - 2);
	if (ch->pl.vl.total > 0)
		plist_draw(&ch->pl, w, chooser_top(ch), 1, cols - 2,
		    ch->in_list);
}

/* Puts the cursor in the name field while it has focus. */
int
chooser_cursor(struct chooser *ch, int cols, int *y, int *x)
{
	if (!ch->searchable || ch->in_list)
		return 0;
	form_cursor(&ch->form, 1, 1, cols - 2, y, x);
	return 1;
}

/*
 * Joins the names of a role set, or their short codes when too wide.
 * SUSrapport comes with every other role, so it is named only alone, as
 * role_codes() does.
 */
void
picker_role_list(uint32_t roles, int width, char *out, size_t len)
{
	if ((roles & ROLE_ANY & ~(uint32_t)ROLE_SUSRAPPORT) != 0)
		roles &= ~(uint32_t)ROLE_SUSRAPPORT;
	role_names(roles, out, len);
	if (len != 0 && text_width(out) > width)
		role_codes(roles, out, len);
}

/*
 * "Välj användare". The focus moves through the zones in this order with
 * Tab; the three search fields are one form.
 */
enum picker_zone {
	PZ_FIELDS,
	PZ_RESULT,
	PZ_CHOSEN,
	PZ_FROM,
	PZ_TOM,
	PZ__COUNT
};

enum picker_field {
	PF_FORNAMN,
	PF_EFTERNAMN,
	PF_ARBETSGIVARE,
	PF__COUNT
};

struct picker {
	struct screen		*parent;
	uint32_t		 roll;
	picker_done		 done;
	enum picker_zone	 zone;
	struct form_field	 fields[PF__COUNT];
	struct form		 form;
	/* The patterns of the search shown, for its further pages. */
	char			 pat[PF__COUNT][SUS_PATTERN_MAX + 1];
	struct plist		 result;
	struct picker_pick	*chosen;
	size_t			 nchosen;
	struct vlist		 cvl;		/* over chosen */
	struct entry		 from;
	struct entry		 tom;
};

/* Columns of Sökresultat: the mark first, then who. */
enum { PC_VALD, PC_EFTERNAMN, PC_FORNAMN, PC_ARBETSGIVARE, PC_EPOST,
	PC__COUNT };

static const char *picker_show_mark(const struct plist_row *, int, char *,
    size_t);

static const struct tbl_col picker_cols[PC__COUNT] = {
	[PC_VALD] = { "Vald", 4, 4, 0, picker_show_mark, 0 },
	[PC_EFTERNAMN] = { "Efternamn", 10, 14, 0, NULL, 0 },
	[PC_FORNAMN] = { "Förnamn", 8, 12, 0, NULL, 0 },
	[PC_ARBETSGIVARE] = { "Arbetsgivare", 12, 40, 2, NULL, 0 },
	[PC_EPOST] = { "E-post", 12, 30, 1, NULL, 0 },
};

/* Columns of Valt resultat. */
static const struct tbl_col picker_chosen_cols[] = {
	{ "Efternamn", 15, 19, 0, NULL, 0 },
	{ "Förnamn", 8, 12, 0, NULL, 0 },
	{ "Arbetsgivare", 12, 40, 1, NULL, 0 },
};

/* "[x]" on a chosen row of Sökresultat. */
static const char *
picker_show_mark(const struct plist_row *r, int width, char *buf, size_t len)
{
	return r->mark ? " [x]" : " [ ]";
}

/* Finds a user among those chosen; returns the index or nchosen. */
static size_t
picker_find(const struct picker *p, uint32_t user_id)
{
	size_t	i;

	for (i = 0; i < p->nchosen; i++) {
		if (p->chosen[i].user_id == user_id)
			break;
	}
	return i;
}

/* Fetches a page of users who hold the role and match the fields. */
static int
picker_fetch(struct plist *pl, size_t offset, size_t limit, size_t *total)
{
	struct screen		*s = pl->arg;
	struct picker		*p = s->data;
	struct msg_user_search	 req;
	struct msg_user_list	 rep;
	struct user_row		*u;
	struct plist_row	*r;
	const char		*v[PC__COUNT];
	size_t			 i;
	int			 rv;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.fornamn = p->pat[PF_FORNAMN];
	req.efternamn = p->pat[PF_EFTERNAMN];
	req.arbetsgivare = p->pat[PF_ARBETSGIVARE];
	req.roles = p->roll;
	req.offset = (uint32_t)offset;
	req.limit = (uint32_t)limit;
	if ((rv = ui_call(s->ui, MSG_USER_SEARCH, &req, MSG_USER_LIST,
	    &rep)) != 0)
		return rv;
	for (i = 0; i < rep.nrows; i++) {
		u = &rep.rows[i];
		/* Trust no list blindly: rule 12 is the point of the picker. */
		if (!(u->roles & p->roll))
			continue;
		v[PC_VALD] = NULL;
		v[PC_EFTERNAMN] = u->efternamn;
		v[PC_FORNAMN] = u->fornamn;
		v[PC_ARBETSGIVARE] = u->arbetsgivare;
		v[PC_EPOST] = u->epost;
		r = plist_add(pl, u->id, u->roles, v);
		r->mark = picker_find(p, u->id) < p->nchosen;
	}
	*total = rep.total;
	msg_clear(MSG_USER_LIST, &rep);
	return 0;
}

/* Runs the search in the fields. */
static void
picker_search(struct screen *s)
{
	struct picker	*p = s->data;
	size_t		 i;

	for (i = 0; i < PF__COUNT; i++) {
		if (entry_get(&p->fields[i].entry, p->pat[i],
		    sizeof p->pat[i]) != 0) {
			ui_message(s->ui, 1, "%s är för långt.",
			    p->fields[i].label);
			return;
		}
	}
	if (plist_load(&p->result) != 0)
		return;
	if (p->result.vl.total == 0) {
		ui_message(s->ui, 0, "Ingen användare med rollen %s matchar. "
		    "Prova en kortare början med * efter.",
		    role_name(p->roll));
		return;
	}
	ui_message(s->ui, 0, "%zu %s. Mellanslag väljer.",
	    p->result.vl.total, p->result.vl.total == 1 ? "träff" : "träffar");
	p->zone = PZ_RESULT;
}

/* Frees the strings of one chosen user. */
static void
picker_pick_free(struct picker_pick *pk)
{
	free(pk->fornamn);
	free(pk->efternamn);
	free(pk->epost);
	free(pk->arbetsgivare);
}

/* Marks or unmarks a user in the loaded result rows. */
static void
picker_mark(struct picker *p, uint32_t user_id, int mark)
{
	size_t	i;

	for (i = 0; i < p->result.vl.loaded; i++) {
		if (p->result.rows[i].id == user_id)
			p->result.rows[i].mark = mark;
	}
}

/* Drops chosen user i. */
static void
picker_unchoose(struct picker *p, size_t i)
{
	picker_mark(p, p->chosen[i].user_id, 0);
	picker_pick_free(&p->chosen[i]);
	memmove(&p->chosen[i], &p->chosen[i + 1],
	    (p->nchosen - i - 1) * sizeof p->chosen[0]);
	p->nchosen--;
	p->cvl.total = p->cvl.loaded = p->nchosen;
	vlist_goto(&p->cvl, p->cvl.cursor);
}

/* Space on a result row: chooses it, or unchooses it. */
static void
picker_toggle(struct screen *s)
{
	struct picker		*p = s->data;
	struct plist_row	*r = plist_current(&p->result);
	struct picker_pick	*pk;
	size_t			 i;

	if (r == NULL)
		return;
	if ((i = picker_find(p, r->id)) < p->nchosen) {
		picker_unchoose(p, i);
		return;
	}
	p->chosen = xreallocarray(p->chosen, p->nchosen + 1,
	    sizeof *p->chosen);
	pk = &p->chosen[p->nchosen++];
	pk->user_id = r->id;
	pk->efternamn = xstrdup(r->cell[PC_EFTERNAMN]);
	pk->fornamn = xstrdup(r->cell[PC_FORNAMN]);
	pk->arbetsgivare = xstrdup(r->cell[PC_ARBETSGIVARE]);
	pk->epost = xstrdup(r->cell[PC_EPOST]);
	r->mark = 1;
	p->cvl.total = p->cvl.loaded = p->nchosen;
	vlist_goto(&p->cvl, p->nchosen - 1);
	/* Down to the next row, so several can be marked in a row. */
	vlist_move(&p->result.vl, 1);
	plist_fill(&p->result);
}

/* OK: checks the dates, hands the chosen users over and closes. */
static void
picker_ok(struct screen *s)
{
	struct picker	*p = s->data;
	char		 from[16], tom[16];

	if (p->nchosen == 0) {
		ui_message(s->ui, 1, "Ingen användare är vald. Markera med "
		    "mellanslag i Sökresultat.");
		return;
	}
	if (entry_get(&p->from, from, sizeof from) != 0 || (from[0] != '\0' &&
	    !date_valid(from))) {
		p->zone = PZ_FROM;
		ui_message(s->ui, 1, "Från ska vara ett datum som ÅÅÅÅ-MM-DD.");
		return;
	}
	if (from[0] == '\0')
		date_today_plus(0, 0, from, sizeof from);
	if (entry_get(&p->tom, tom, sizeof tom) != 0 || (tom[0] != '\0' &&
	    !date_valid(tom))) {
		p->zone = PZ_TOM;
		ui_message(s->ui, 1, "Till ska vara ett datum som ÅÅÅÅ-MM-DD, "
		    "eller tomt.");
		return;
	}
	if (tom[0] != '\0' && strcmp(tom, from) < 0) {
		p->zone = PZ_TOM;
		ui_message(s->ui, 1, "Till får inte vara före Från.");
		return;
	}
	p->done(p->parent, p->roll, p->chosen, p->nchosen, from, tom);
	ui_pop(s->ui);
}

/* Reports whether a zone can take the focus now. */
static int
picker_zone_ok(const struct picker *p, enum picker_zone z)
{
	if (z == PZ_RESULT)
		return p->result.vl.total > 0;
	if (z == PZ_CHOSEN)
		return p->nchosen > 0;
	return 1;
}

/* Tab and Shift-Tab: the next zone that can take the focus. */
static void
picker_next_zone(struct picker *p, int dir)
{
	int	z = (int)p->zone;

	do
		z = (z + dir + PZ__COUNT) % PZ__COUNT;
	while (!picker_zone_ok(p, (enum picker_zone)z));
	p->zone = (enum picker_zone)z;
	if (p->zone == PZ_FIELDS)
		p->form.focus = dir > 0 ? 0 : PF__COUNT - 1;
}

/* Keys in the search fields: Enter searches, arrows move. */
static int
picker_fields_key(struct screen *s, const struct keyev *ev)
{
	struct picker		*p = s->data;
	struct form_field	*ff = &p->fields[p->form.focus];
	char			 text[160];

	if (keys_is_enter(ev)) {
		picker_search(s);
		return 1;
	}
	if (ev->code == KEY_DOWN && p->form.focus + 1 == PF__COUNT) {
		if (picker_zone_ok(p, PZ_RESULT))
			p->zone = PZ_RESULT;
		return 1;
	}
	if (ev->code == KEY_UP && p->form.focus == 0)
		return 1;
	if (form_key(&p->form, ev) == ENTRY_KEY_FULL) {
		entry_full_text(&ff->entry, ff->label, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	return 1;
}

/* Keys in Valt resultat: arrows move, space or Delete drops a user. */
static int
picker_chosen_key(struct screen *s, const struct keyev *ev)
{
	struct picker	*p = s->data;

	if ((ev->code == 0 && ev->ch == L' ') || ev->code == KEY_DC) {
		if (p->cvl.cursor < p->nchosen)
			picker_unchoose(p, p->cvl.cursor);
		if (p->nchosen == 0)
			picker_next_zone(p, -1);
		return 1;
	}
	if (keys_is_enter(ev)) {
		picker_ok(s);
		return 1;
	}
	if (ev->code == KEY_UP)
		vlist_move(&p->cvl, -1);
	else if (ev->code == KEY_DOWN)
		vlist_move(&p->cvl, 1);
	return 1;
}

/* Routes keys to the zone with the focus. */
static int
picker_key(struct screen *s, const struct keyev *ev)
{
	struct picker	*p = s->data;
	struct entry	*e;

	if (ev->action == ACT_CANCEL) {
		ui_pop(s->ui);
		return 1;
	}
	if (ev->action == ACT_SAVE) {
		picker_ok(s);
		return 1;
	}
	if (ev->action == ACT_SEARCH) {
		picker_search(s);
		return 1;
	}
	if (ev->action == ACT_NEXT || ev->action == ACT_PREV) {
		if (p->zone == PZ_FIELDS && ((ev->action == ACT_NEXT &&
		    p->form.focus + 1 < PF__COUNT) ||
		    (ev->action == ACT_PREV && p->form.focus > 0)))
			return form_key(&p->form, ev);
		picker_next_zone(p, ev->action == ACT_NEXT ? 1 : -1);
		return 1;
	}
	switch (p->zone) {
	case PZ_FIELDS:
		return picker_fields_key(s, ev);
	case PZ_RESULT:
		if ((ev->code == 0 && ev->ch == L' ') || keys_is_enter(ev)) {
			picker_toggle(s);
			return 1;
		}
		if (ev->code == KEY_UP && p->result.vl.cursor == 0) {
			p->zone = PZ_FIELDS;
			return 1;
		}
		plist_key(&p->result, s->ui, ev);
		return 1;
	case PZ_CHOSEN:
		return picker_chosen_key(s, ev);
	default:
		e = p->zone == PZ_FROM ? &p->from : &p->tom;
		if (keys_is_enter(ev))
			picker_ok(s);
		else
			entry_key(e, ev);
		return 1;
	}
}

/* Rows of the two panels for a pop-up of h lines: result, chosen. */
static void
picker_rows(int h, size_t *nres, size_t *ncho)
{
	int	cho = h >= 25 ? 4 : 3, res = h - 11 - cho;

	*nres = res > 1 ? (size_t)res : 1;
	*ncho = (size_t)cho;
}

/* Fits the panels to the pop-up. */
static void
picker_layout(struct screen *s, int lines, int cols)
{
	struct picker	*p = s->data;
	size_t		 nres, ncho;

	picker_rows(lines, &nres, &ncho);
	vlist_resize(&p->result.vl, nres);
	vlist_resize(&p->cvl, ncho);
}

/* Draws a panel title, bold, with the focus shown by a marker. */
static void
picker_title(WINDOW *w, int y, int x, int width, const char *title,
    int focused)
{
	char	line[128];

	snprintf(line, sizeof line, "%s %s", focused ? "▶" : " ", title);
	wattron(w, A_BOLD);
	text_put(w, y, x, line, width);
	wattroff(w, A_BOLD);
}

/* Draws Valt resultat from row y. */
static void
picker_draw_chosen(struct picker *p, WINDOW *w, int y, int x, int width)
{
	const char	*v[3];
	int		 cw[3];
	size_t		 i, row;

	tbl_fit(picker_chosen_cols, 3, width, cw);
	if (p->nchosen == 0) {
		wattron(w, A_DIM);
		text_put(w, y, x, "Ingen vald ännu.", width);
		wattroff(w, A_DIM);
		return;
	}
	for (i = 0; i < p->cvl.height; i++) {
		row = p->cvl.top + i;
		if (row >= p->nchosen)
			break;
		v[0] = p->chosen[row].efternamn;
		v[1] = p->chosen[row].fornamn;
		v[2] = p->chosen[row].arbetsgivare;
		if (row == p->cvl.cursor && p->zone == PZ_CHOSEN)
			wattron(w, A_REVERSE);
		tbl_draw_row(w, y + (int)i, x, width, cw, 3, v);
		wattroff(w, A_REVERSE);
	}
}

/* Where the date entries start on their row, and their width. */
#define PICKER_FROM_X	8
#define PICKER_TOM_X	27
#define PICKER_DATE_W	12

/* Draws the pop-up: frame, fields, both panels, dates and keys. */
static void
picker_draw(struct screen *s, WINDOW *w)
{
	struct picker	*p = s->data;
	WINDOW		*frame;
	char		 line[160];
	size_t		 nres, ncho;
	int		 h = s->lines, wd = s->cols, iw = wd - 4, y;

	if ((frame = derwin(w, h, wd, 0, 0)) != NULL) {
		box(frame, 0, 0);
		delwin(frame);
	}
	snprintf(line, sizeof line, " Välj användare – %s ",
	    role_name(p->roll));
	wattron(w, A_BOLD);
	text_put(w, 0, 2, line, text_width(line) < iw ? text_width(line) : iw);
	wattroff(w, A_BOLD);
	y = form_draw(&p->form, w, 1, 2, iw, p->zone == PZ_FIELDS);
	wattron(w, A_DIM);
	text_put(w, y++, 2, "* är jokertecken. Enter eller F3 söker.", iw);
	wattroff(w, A_DIM);
	picker_rows(h, &nres, &ncho);
	if (p->result.ready)
		snprintf(line, sizeof line, "Sökresultat (%zu)",
		    p->result.vl.total);
	else
		snprintf(line, sizeof line, "Sökresultat");
	picker_title(w, y++, 1, iw + 1, line, p->zone == PZ_RESULT);
	plist_draw(&p->result, w, y, 2, iw, p->zone == PZ_RESULT);
	y += 1 + (int)nres;
	snprintf(line, sizeof line, "Valt resultat (%zu)", p->nchosen);
	picker_title(w, y++, 1, iw + 1, line, p->zone == PZ_CHOSEN);
	picker_draw_chosen(p, w, y, 2, iw);
	y += (int)ncho;
	text_put(w, y, 2, "Från:", PICKER_FROM_X - 2);
	entry_draw(&p->from, w, y, PICKER_FROM_X, PICKER_DATE_W,
	    p->zone == PZ_FROM);
	text_put(w, y, PICKER_TOM_X - 6, "Till:", 6);
	entry_draw(&p->tom, w, y, PICKER_TOM_X, PICKER_DATE_W,
	    p->zone == PZ_TOM);
	if (p->tom.len == 0 && p->zone != PZ_TOM) {
		wattron(w, A_DIM | A_UNDERLINE);
		text_put(w, y, PICKER_TOM_X, "tills vidare", PICKER_DATE_W);
		wattroff(w, A_DIM | A_UNDERLINE);
	}
	text_put(w, y + 1, 2, iw >= 53 ? "Mellanslag väljer  Tab byter del  "
	    "F2 OK  Esc avbryter" : "Mellanslag väljer  F2 OK  Esc avbryter",
	    iw);
}

/* Puts the cursor in the field or date with the focus. */
static int
picker_cursor(struct screen *s, int *y, int *x)
{
	struct picker	*p = s->data;
	size_t		 nres, ncho;
	int		 dy;

	picker_rows(s->lines, &nres, &ncho);
	/* Fields, hint, title, header, rows, title, rows. */
	dy = 1 + PF__COUNT + 1 + 1 + 1 + (int)nres + 1 + (int)ncho;
	switch (p->zone) {
	case PZ_FIELDS:
		form_cursor(&p->form, 1, 2, s->cols - 4, y, x);
		return 1;
	case PZ_FROM:
		*y = dy;
		*x = PICKER_FROM_X + entry_scroll(&p->from, PICKER_DATE_W);
		return 1;
	case PZ_TOM:
		*y = dy;
		*x = PICKER_TOM_X + entry_scroll(&p->tom, PICKER_DATE_W);
		return 1;
	default:
		return 0;
	}
}

/* Frees the pop-up's data. */
static void
picker_free(struct screen *s)
{
	struct picker	*p = s->data;
	size_t		 i;

	plist_clear(&p->result);
	for (i = 0; i < p->nchosen; i++)
		picker_pick_free(&p->chosen[i]);
	free(p->chosen);
	free(p);
}

static const struct screen_type picker_type = {
	.title = "Välj användare",
	.layout = picker_layout,
	.draw = picker_draw,
	.key = picker_key,
	.free = picker_free,
	.cursor = picker_cursor,
};

/* Creates the pop-up with empty fields and Från set to today. */
struct screen *
picker_new(struct ui *ui, struct screen *parent, uint32_t roll,
    picker_done done)
{
	static const char *const labels[PF__COUNT] = {
		"Förnamn", "Efternamn", "Arbetsgivare"
	};
	struct screen	*s;
	struct picker	*p;
	char		 today[16];
	size_t		 i;

	p = xcalloc(1, sizeof *p);
	p->parent = parent;
	p->roll = roll;
	p->done = done;
	for (i = 0; i < PF__COUNT; i++) {
		p->fields[i].label = labels[i];
		entry_init(&p->fields[i].entry, SUS_PATTERN_MAX, 0);
		entry_limit_bytes(&p->fields[i].entry, SUS_PATTERN_MAX);
	}
	form_init(&p->form, p->fields, PF__COUNT);
	entry_init(&p->from, 10, 0);
	entry_init(&p->tom, 10, 0);
	date_today_plus(0, 0, today, sizeof today);
	entry_set(&p->from, today);
	s = screen_new(ui, &picker_type, p);
	plist_init(&p->result, picker_cols, PC__COUNT, picker_fetch, s);
	p->cvl.height = 1;
	return s;
}
