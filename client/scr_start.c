/*
 * Startsida: welcomes the user by name, lists the roles held (or says the
 * user is a beställare), the orders that concern the user, so that both
 * the beställare and the person ordered for see how they went, and Mina
 * samverkansorganisationer och insatser (domain.md 5.2): the user's
 * organisations, each followed by its insatser, from MSG_START. Enter on
 * a row opens a small menu of what the user's uppdrag allow there; the
 * choice opens its screen over the Startsida, and Esc comes back to a
 * list fetched anew, so an insats just registered is there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "affk.h"
#include "client.h"
#include "deltagande.h"
#include "insats.h"
#include "proto.h"
#include "xmalloc.h"

/* Orders fetched for the page; more are in Mina beställningar. */
#define START_ORDERS	20
/* Rows of the list kept visible before the orders may take the rest. */
#define START_LIST_MIN	8
/* Indent of an insats under its organisation. */
#define START_INDENT	2

/* How to get going, one paragraph a row, wrapped to the screen. */
static const char *const start_help[] = {
	"Välj i menyträdet till vänster med piltangenterna och Enter. "
	"Enter på en rubrik öppnar eller stänger den; + öppnar alla och "
	"- stänger alla.",
	"F9 flyttar till menyn, F1 visar hjälp, F10 avslutar.",
	"Funktionstangenterna fungerar också som Esc följt av siffran "
	"(Esc 0 för F10).",
};

/*
 * One action a row may offer: its screen and how it is called. One of
 * the four constructors is set; the id and name are the row's insats on
 * an insats row, else its organisation, and a pair is (insats, samorg).
 */
struct start_action {
	uint32_t	 bit;		/* START_A_* */
	int		 insats;	/* on an insats row, else organisation */
	const char	*label;		/* in the pop-up menu */
	const char	*hint;		/* short, on the row */
	int		 first;		/* hinted first: tells rows apart */
	screen_ctor	 open;		/* chooses what it works on itself */
	struct screen	*(*open_id)(struct ui *, uint32_t);
	struct screen	*(*open_named)(struct ui *, uint32_t, const char *);
	struct screen	*(*open_pair)(struct ui *, uint32_t, uint32_t);
	struct screen	*(*open_row)(struct ui *, const struct start_rad *);
};

#define OPEN(f)		f, NULL, NULL, NULL, NULL
#define OPEN_ID(f)	NULL, f, NULL, NULL, NULL
#define OPEN_NAMED(f)	NULL, NULL, f, NULL, NULL
#define OPEN_PAIR(f)	NULL, NULL, NULL, f, NULL
#define OPEN_ROW(f)	NULL, NULL, NULL, NULL, f

/* Deltagaransvariga on the row's insats, named as the chooser would. */
static struct screen *
start_uppdrag_insats(struct ui *ui, const struct start_rad *r)
{
	return scr_uppdrag_insats_open(ui, r->insats_id, r->insats, r->samorg);
}

/*
 * The actions in the order the menu lists them. Hantera frågor and
 * Hantera uppdrag cannot yet be opened on one organisation: they let the
 * user choose (at once when there is only one).
 */
static const struct start_action start_actions[] = {
	{ START_A_INSATS, 1, "Registrera insats", "ändra", 0,
	    OPEN_PAIR(scr_insats_edit_new) },
	{ START_A_INSATS_BUDGET, 1, "Budget", "budget", 0,
	    OPEN_NAMED(scr_insats_budget_new) },
	{ START_A_DELTAGARANSV, 1, "Deltagaransvariga", "deltagaransv.", 1,
	    OPEN_ROW(start_uppdrag_insats) },
	{ START_A_VOLYM, 1, "Registrera antal i volyminsats", "antal", 1,
	    OPEN_ID(scr_volym_insats_new) },
	{ START_A_DELTAGARE, 1, "Registrera deltagare", "deltagare", 1,
	    OPEN_ID(scr_deltagare_insats_new) },
	{ START_A_ANONYM, 1, "Registrera anonyma deltagare", "anonyma", 0,
	    OPEN_ID(scr_anonym_insats_new) },
	{ START_A_AFFK, 1, "Registrera medverkan", "medverkan", 1,
	    OPEN(scr_affk_medverkan_new) },
	{ START_A_AFFK, 1, "Historik enskild deltagare", "historik", 0,
	    OPEN(scr_affk_historik_new) },
	{ START_A_AFFK, 1, "Visa deltagare", "visa deltagare", 0,
	    OPEN(scr_affk_sok_new) },
	{ START_A_AFFK, 1, "Byt kontor", "byt kontor", 0,
	    OPEN(scr_affk_byt_new) },
	{ START_A_VISA, 1, "Visa insats", "visa", 0,
	    OPEN_ID(scr_insats_view_new) },
	{ START_A_NY_INSATS, 0, "Registrera ny insats", "ny insats", 1,
	    OPEN_PAIR(scr_insats_edit_new) },
	{ START_A_SAMORG, 0, "Hantera samverkansorg", "hantera", 0,
	    OPEN_ID(scr_samorg_edit_open) },
	{ START_A_SAMORG_BUDGET, 0, "Budget för samverkansorg", "budget", 0,
	    OPEN_NAMED(scr_budget_new) },
	{ START_A_FRAGOR, 0, "Hantera frågor", "frågor", 0,
	    OPEN(scr_fraga_new) },
	{ START_A_UPPDRAG, 0, "Hantera uppdrag", "uppdrag", 0,
	    OPEN(scr_uppdrag_samorg_new) },
	{ START_A_VISA, 0, "Visa samverkansorg", "visa", 0,
	    OPEN_ID(scr_samorg_view_new) },
};
#define START_NACTIONS	(sizeof start_actions / sizeof start_actions[0])

struct start {
	int			 failed;	/* the orders */
	struct msg_order_list	 orders;
	int			 rows_failed;
	struct msg_start	 rows;
	struct vlist		 vl;
	int			 list_y;	/* row of the first list row */
	/* The action pop-up of the row under the cursor. */
	int			 popup;
	const struct start_action *items[START_NACTIONS];
	size_t			 nitems;
	size_t			 item;
};

/* The row under the cursor, NULL when there is none. */
static const struct start_rad *
start_current(struct start *st)
{
	if (st->vl.cursor >= st->rows.nrader)
		return NULL;
	return &st->rows.rader[st->vl.cursor];
}

/* The label of list row i, or of pop-up item i. */
typedef const char *(*start_label_fn)(const struct start *, size_t);

/* The name a list row shows. */
static const char *
start_row_label(const struct start *st, size_t i)
{
	const struct start_rad	*r = &st->rows.rader[i];

	return r->insats_id != 0 ? r->insats : r->samorg;
}

/* The text of a pop-up item. */
static const char *
start_item_label(const struct start *st, size_t i)
{
	return st->items[i]->label;
}

/* Fills items with the actions the row offers; returns the count. */
static size_t
start_row_actions(const struct start_rad *r,
    const struct start_action **items)
{
	size_t	i, n = 0;

	for (i = 0; i < START_NACTIONS; i++) {
		if ((r->actions & start_actions[i].bit) &&
		    start_actions[i].insats == (r->insats_id != 0))
			items[n++] = &start_actions[i];
	}
	return n;
}

/* Fetches the orders that concern the user. */
static void
scr_start_fetch_orders(struct screen *s)
{
	struct start		*st = s->data;
	struct msg_order_search	 req;

	msg_clear(MSG_ORDER_LIST, &st->orders);
	st->failed = 0;
	memset(&req, 0, sizeof req);
	req.status = 0;
	req.limit = START_ORDERS;
	/* A superadministratör's queue is in Behandla beställningar. */
	if (s->ui->login.roles & ROLE_SUPERADMIN)
		req.status = ORDER_SUBMITTED;
	if (ui_call(s->ui, MSG_ORDER_SEARCH, &req, MSG_ORDER_LIST,
	    &st->orders) != 0) {
		memset(&st->orders, 0, sizeof st->orders);
		st->failed = 1;
	}
}

/*
 * Fetches the organisations and insatser, keeping the cursor on the row
 * it was on when that row is still there.
 */
static void
scr_start_fetch_rows(struct screen *s)
{
	struct start		*st = s->data;
	const struct start_rad	*cur = start_current(st);
	uint32_t		 samorg = 0, insats = 0, i;
	size_t			 row = 0;

	if (cur != NULL) {
		samorg = cur->samorg_id;
		insats = cur->insats_id;
		row = st->vl.cursor;
	}
	msg_clear(MSG_START, &st->rows);
	st->rows_failed = ui_call(s->ui, MSG_START_GET, NULL, MSG_START,
	    &st->rows) != 0;
	if (st->rows_failed)
		memset(&st->rows, 0, sizeof st->rows);
	for (i = 0; i < st->rows.nrader; i++) {
		if (st->rows.rader[i].samorg_id == samorg &&
		    st->rows.rader[i].insats_id == insats) {
			row = i;
			break;
		}
	}
	vlist_reset(&st->vl, st->rows.nrader, st->rows.nrader);
	vlist_goto(&st->vl, row);
}

/*
 * Fetches the page each time it becomes current: coming back from a
 * screen opened here, the list shows what was done there.
 */
static void
scr_start_enter(struct screen *s)
{
	struct start	*st = s->data;

	st->popup = 0;
	if (!remote_connected(s->ui->remote))
		return;
	scr_start_fetch_orders(s);
	scr_start_fetch_rows(s);
	/* Nothing to choose here: the keys stay with the menu tree. */
	if (st->rows.nrader == 0)
		s->ui->menu_focus = 1;
}

/* Writes the roles line: the roles, and Beställare when registered. */
static void
scr_start_roles(uint32_t roles, char *out, size_t len)
{
	char	names[256];

	if ((roles & ROLE_ANY) == 0) {
		snprintf(out, len, "Roller: %s", (roles & ROLE_BESTALLARE) ?
		    "Beställare" : "inga roller");
		return;
	}
	menu_role_names(roles & ROLE_ANY, names, sizeof names);
	snprintf(out, len, "Roller: %s%s", names, (roles & ROLE_BESTALLARE) ?
	    ", Beställare" : "");
}

/* Draws one order and, when room allows, its decision; returns rows. */
static int
scr_start_order(WINDOW *w, int y, int width, const struct order_row *o,
    int room)
{
	char	line[512];
	int	n;

	snprintf(line, sizeof line, "%-10.10s  ", o->skapad);
	text_put(w, y, 2, line, 12);
	wattron(w, A_BOLD);
	text_put(w, y, 14, order_status_name(o->status), 11);
	wattroff(w, A_BOLD);
	snprintf(line, sizeof line, "%s: %s %s", order_typ_name(o->typ),
	    o->fornamn, o->efternamn);
	text_put(w, y, 25, line, width - 23);
	if (room < 2 || o->beslutad == NULL || *o->beslutad == '\0')
		return 1;
	snprintf(line, sizeof line, "Beslut %.10s%s%s%s%s", o->beslutad,
	    *o->beslutad_av != '\0' ? " av " : "", o->beslutad_av,
	    *o->kommentar != '\0' ? ": " : "", o->kommentar);
	wattron(w, A_DIM);
	n = text_wrap(w, y + 1, 4, line, width - 2, room > 2 ? 2 : 1);
	wattroff(w, A_DIM);
	return 1 + n;
}

/*
 * Draws the orders section from row y, the orders up to row last (one a
 * row when compact, which shows at least one); returns the next free
 * row, at most last + 2.
 */
static int
scr_start_orders(struct screen *s, WINDOW *w, int y, int width, int last,
    int compact)
{
	struct start	*st = s->data;
	char		 line[256];
	uint32_t	 i;

	if (last < y + (compact ? 2 : 4))
		last = y + (compact ? 2 : 4);
	if (s->ui->login.roles & ROLE_SUPERADMIN) {
		if (st->failed)
			return y;
		snprintf(line, sizeof line, "Inskickade beställningar att "
		    "behandla: %u", st->orders.total);
		text_put(w, y, 2, line, width);
		return y + 2;
	}
	wattron(w, A_BOLD);
	text_put(w, y++, 2, "Beställningar som gäller dig", width);
	wattroff(w, A_BOLD);
	if (st->failed) {
		text_put(w, y, 2, "Beställningarna kunde inte hämtas.", width);
		return y + 2;
	}
	if (st->orders.nrows == 0) {
		text_put(w, y, 2, "Inga beställningar.", width);
		return y + 2;
	}
	for (i = 0; i < st->orders.nrows && y < last; i++)
		y += scr_start_order(w, y, width, &st->orders.rows[i],
		    compact ? 1 : last - y);
	if (i < st->orders.total) {
		snprintf(line, sizeof line, "… och %u till.",
		    st->orders.total - i);
		text_put(w, y++, 2, line, width);
	}
	return y + 1;
}

/* Draws the welcome, the user and the server; returns the next row. */
static int
scr_start_header(struct screen *s, WINDOW *w, int width)
{
	struct ui	*ui = s->ui;
	char		 line[512];
	int		 y;

	snprintf(line, sizeof line, "Välkommen till SUS, %s %s!",
	    ui->login.fornamn != NULL ? ui->login.fornamn : "",
	    ui->login.efternamn != NULL ? ui->login.efternamn : "");
	wattron(w, A_BOLD);
	text_put(w, 1, 2, line, width);
	wattroff(w, A_BOLD);
	snprintf(line, sizeof line, "Inloggad som: %s",
	    ui->login.username != NULL ? ui->login.username : "");
	text_put(w, 3, 2, line, width);
	scr_start_roles(ui->login.roles, line, sizeof line);
	y = 4 + text_wrap(w, 4, 2, line, width, 2);
	snprintf(line, sizeof line, "Server: %s", ui->remote->hostport);
	text_put(w, y++, 2, line, width);
	return y + 1;
}

/*
 * Writes the row's short hints in at most width columns, those that tell
 * rows apart first ("antal, ändra, budget, visa"); when not all fit, as
 * many as do and "…" for the rest.
 */
static void
start_hint(const struct start_rad *r, int width, char *out, size_t len)
{
	const struct start_action	*items[START_NACTIONS];
	const char			*hints[START_NACTIONS];
	char				 all[256], next[300];
	size_t				 i, n, k = 0;
	int				 pass;

	n = start_row_actions(r, items);
	for (pass = 1; pass >= 0; pass--)
		for (i = 0; i < n; i++)
			if (items[i]->first == pass)
				hints[k++] = items[i]->hint;
	all[0] = '\0';
	for (i = 0; i < n; i++)
		snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s",
		    i > 0 ? ", " : "", hints[i]);
	if (text_width(all) <= width) {
		snprintf(out, len, "%s", all);
		return;
	}
	all[0] = '\0';
	for (i = 0; i < n; i++) {
		snprintf(next, sizeof next, "%s%s, …", all, hints[i]);
		if (text_width(next) > width)
			break;
		snprintf(all + strlen(all), sizeof all - strlen(all), "%s, ",
		    hints[i]);
	}
	snprintf(out, len, "%s…", all);
}

/* Draws list row i at y: the name, indented for an insats, and hints. */
static void
start_draw_row(struct screen *s, WINDOW *w, int y, int width, size_t i)
{
	struct start		*st = s->data;
	const struct start_rad	*r = &st->rows.rader[i];
	char			 name[512], hint[256];
	int			 x = 2, hx, hw, cur;

	cur = i == st->vl.cursor && !s->ui->menu_focus;
	if (r->insats_id != 0)
		x += START_INDENT;
	snprintf(name, sizeof name, "%s%s", r->insats_id != 0 ? r->insats :
	    r->samorg, *r->slutdatum != '\0' ? " (avslutad)" : "");
	/* The hints in a column of their own, two fifths of the width. */
	hw = width * 2 / 5;
	hx = 2 + width - hw;
	start_hint(r, hw, hint, sizeof hint);
	if (cur)
		wattron(w, A_REVERSE);
	else if (r->insats_id == 0)
		wattron(w, A_BOLD);
	text_put(w, y, x, name, hx - x - 1);
	text_put(w, y, hx - 1, " ", 1);
	wattroff(w, A_BOLD);
	if (!cur)
		wattron(w, A_DIM);
	text_put(w, y, hx, hint, hw);
	wattroff(w, A_DIM | A_REVERSE);
}

/*
 * Writes the key line under the list: how to reach the list from the
 * menu tree, or what Enter offers on the row and where the list is.
 */
static void
start_draw_keys(struct screen *s, char *line, size_t len, int width)
{
	struct start		*st = s->data;
	const struct start_rad	*r = start_current(st);
	char			 pos[32], hint[200];

	pos[0] = '\0';
	if (st->rows.nrader > st->vl.height)
		snprintf(pos, sizeof pos, "  %zu/%u", st->vl.cursor + 1,
		    st->rows.nrader);
	if (s->ui->menu_focus || r == NULL) {
		snprintf(line, len, "Tab flyttar hit från menyträdet.%s", pos);
		return;
	}
	start_hint(r, width - 7 - text_width(pos), hint, sizeof hint);
	snprintf(line, len, "Enter: %s%s", hint, pos);
}

/* Draws the list and the key line under it, from row y. */
static void
start_draw_list(struct screen *s, WINDOW *w, int y, int width)
{
	struct start	*st = s->data;
	char		 line[256];
	size_t		 i;
	int		 rows = s->lines - 1 - (y + 1);

	wattron(w, A_BOLD);
	text_put(w, y, 2, "Mina samverkansorganisationer och insatser", width);
	wattroff(w, A_BOLD);
	vlist_resize(&st->vl, rows > 1 ? (size_t)rows : 1);
	st->list_y = y + 1;
	for (i = 0; i < st->vl.height && st->vl.top + i < st->rows.nrader; i++)
		start_draw_row(s, w, y + 1 + (int)i, width, st->vl.top + i);
	start_draw_keys(s, line, sizeof line, width);
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 2, line, width);
	wattroff(w, A_DIM);
}

/* Draws the action pop-up under (or over) the cursor row. */
static void
start_draw_popup(struct screen *s, WINDOW *w)
{
	struct start		*st = s->data;
	const struct start_rad	*r = start_current(st);
	WINDOW			*box_w;
	char			 title[256];
	size_t			 i;
	int			 h, wd, y, x = 4, cy;

	if (r == NULL)
		return;
	snprintf(title, sizeof title, " %s ", start_row_label(st,
	    st->vl.cursor));
	h = (int)st->nitems + 2;
	wd = text_width(title);
	for (i = 0; i < st->nitems; i++)
		if (text_width(st->items[i]->label) > wd)
			wd = text_width(st->items[i]->label);
	wd += 6;
	if (wd > s->cols - x - 1)
		wd = s->cols - x - 1;
	cy = st->list_y + (int)(st->vl.cursor - st->vl.top);
	y = cy + 1 + h <= s->lines ? cy + 1 : cy - h;
	if (y < 0)
		y = 0;
	if ((box_w = derwin(w, h, wd, y, x)) == NULL)
		return;
	werase(box_w);
	box(box_w, 0, 0);
	text_put(box_w, 0, 2, title, wd - 4 < text_width(title) ? wd - 4 :
	    text_width(title));
	for (i = 0; i < st->nitems; i++) {
		if (i == st->item)
			wattron(box_w, A_REVERSE);
		text_put(box_w, 1 + (int)i, 2, st->items[i]->label, wd - 4);
		wattroff(box_w, A_REVERSE);
	}
	delwin(box_w);
}

/* Draws the text when the user has no organisations or insatser. */
static int
start_draw_none(struct screen *s, WINDOW *w, int y, int width)
{
	struct start	*st = s->data;
	const char	*text;

	if (!remote_connected(s->ui->remote))
		return y;
	text = st->rows_failed ? "Dina samverkansorganisationer och insatser "
	    "kunde inte hämtas." : "Du har inga uppdrag i någon "
	    "samverkansorganisation eller insats.";
	return y + 1 + text_wrap(w, y, 2, text, width, 2);
}

/*
 * Draws the page. With rows, the list gets what the header and the
 * orders leave (the orders give way down to one a row), and the help is
 * the key line under it; without, the orders and the help as before.
 */
static void
scr_start_draw(struct screen *s, WINDOW *w)
{
	struct start	*st = s->data;
	size_t		 i;
	int		 width = s->cols - 4, y, need;

	/* The menu tree took the keys: the pop-up has gone with them. */
	if (s->ui->menu_focus)
		st->popup = 0;
	y = scr_start_header(s, w, width);
	if (st->rows.nrader > 0) {
		need = st->rows.nrader < START_LIST_MIN ?
		    (int)st->rows.nrader : START_LIST_MIN;
		y = scr_start_orders(s, w, y, width, s->lines - need - 4, 1);
		start_draw_list(s, w, y, width);
		if (st->popup)
			start_draw_popup(s, w);
		return;
	}
	y = scr_start_orders(s, w, y, width, s->lines - 8, 0);
	y = start_draw_none(s, w, y, width);
	for (i = 0; i < sizeof start_help / sizeof start_help[0] &&
	    y < s->lines; i++)
		y += text_wrap(w, y, 2, start_help[i], width, s->lines - y);
}

/* Opens the chosen action's screen over the Startsida. */
static void
start_open(struct screen *s, const struct start_action *a)
{
	struct start		*st = s->data;
	const struct start_rad	*r = start_current(st);
	uint32_t		 id;
	const char		*name;
	struct screen		*next;

	st->popup = 0;
	if (r == NULL)
		return;
	id = a->insats ? r->insats_id : r->samorg_id;
	name = a->insats ? r->insats : r->samorg;
	if (a->open != NULL)
		next = a->open(s->ui);
	else if (a->open_id != NULL)
		next = a->open_id(s->ui, id);
	else if (a->open_named != NULL)
		next = a->open_named(s->ui, id, name);
	else if (a->open_pair != NULL)
		next = a->open_pair(s->ui, r->insats_id, r->samorg_id);
	else
		next = a->open_row(s->ui, r);
	ui_push(s->ui, next);
}

/*
 * The next of n entries after cur whose label starts with ch (any case),
 * or cur when none does: typing a letter jumps, as in the menu tree.
 */
static size_t
start_jump(const struct start *st, size_t n, size_t cur,
    start_label_fn label_of, wint_t ch)
{
	const char	*label;
	wchar_t		 first;
	size_t		 i, k;

	for (i = 1; i <= n; i++) {
		k = (cur + i) % n;
		label = label_of(st, k);
		if (mbtowc(&first, label, strlen(label)) > 0 &&
		    towlower((wint_t)first) == towlower(ch))
			return k;
	}
	return cur;
}

/* Keys while the pop-up is open: it takes them all. */
static int
start_popup_key(struct screen *s, const struct keyev *ev)
{
	struct start	*st = s->data;

	if (ev->action == ACT_CANCEL)
		st->popup = 0;
	else if (keys_is_enter(ev))
		start_open(s, st->items[st->item]);
	else if (ev->code == KEY_UP && st->item > 0)
		st->item--;
	else if (ev->code == KEY_DOWN && st->item + 1 < st->nitems)
		st->item++;
	else if (ev->code == KEY_HOME)
		st->item = 0;
	else if (ev->code == KEY_END)
		st->item = st->nitems - 1;
	else if (ev->code == 0 && iswalnum(ev->ch))
		st->item = start_jump(st, st->nitems, st->item,
		    start_item_label, ev->ch);
	return 1;
}

/* Moves in the list, also by first letter; Enter opens the pop-up. */
static int
scr_start_key(struct screen *s, const struct keyev *ev)
{
	struct start		*st = s->data;
	const struct start_rad	*r;

	if (st->popup)
		return start_popup_key(s, ev);
	if (st->rows.nrader == 0)
		return 0;
	if (vlist_key(&st->vl, ev))
		return 1;
	if (ev->code == 0 && iswalnum(ev->ch)) {
		vlist_goto(&st->vl, start_jump(st, st->rows.nrader,
		    st->vl.cursor, start_row_label, ev->ch));
		return 1;
	}
	if (!keys_is_enter(ev) || (r = start_current(st)) == NULL)
		return 0;
	st->nitems = start_row_actions(r, st->items);
	st->item = 0;
	if (st->nitems == 0)
		ui_message(s->ui, 0, "Inget att göra på raden här.");
	else
		st->popup = 1;
	return 1;
}

/* Frees the orders and the rows. */
static void
scr_start_free(struct screen *s)
{
	struct start	*st = s->data;

	msg_clear(MSG_ORDER_LIST, &st->orders);
	msg_clear(MSG_START, &st->rows);
	free(st);
}

static const struct screen_type scr_start_type = {
	.title = "Startsida",
	.enter = scr_start_enter,
	.draw = scr_start_draw,
	.key = scr_start_key,
	.free = scr_start_free,
};

/* Creates the start page. */
struct screen *
scr_start_new(struct ui *ui)
{
	struct start	*st;

	st = xcalloc(1, sizeof *st);
	st->vl.height = 1;
	return screen_new(ui, &scr_start_type, st);
}
