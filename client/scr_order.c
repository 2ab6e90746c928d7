/*
 * Beställningar (blankett 9445) as lists: a beställare follows the own
 * orders in Mina beställningar; a superadministratör approves or rejects
 * them in Behandla beställningar. A new user's temporary password is
 * shown once, in a box that stays until a key is pressed, and is kept
 * nowhere. The order form is in scr_order_new.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* Copies a string that may be NULL. */
static char *
order_dup(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

/* ---- One order: shown, and decided by a superadministratör ---- */

enum {
	OD_TYP,
	OD_PERSON,
	OD_ROLLER,
	OD_BESTALLARE,
	OD_ORG,
	OD_SKAPAD,
	OD_STATUS,
	OD_BESLUTAD,
	OD_KOMMENTAR_TEXT,
	OD_BESLUT,
	OD_KOMMENTAR,
	OD__COUNT
};

static const char *const od_beslut[] = { "Godkänn", "Avslå" };

struct order_detail {
	struct order_row	 o;
	struct mfield		 f[OD__COUNT];
	struct mform		 form;
	int			 decide;	/* shown with Godkänn / Avslå */
	int			*stale;
	char			 person[256];
	char			 roller[256];
	char			 bestallare[256];
	char			 beslutad[256];
};

/* Frees a copied order row. */
static void
order_row_free(struct order_row *o)
{
	struct msg_order_list	l;

	memset(&l, 0, sizeof l);
	l.nrows = 1;
	l.rows = xcalloc(1, sizeof *l.rows);
	*l.rows = *o;
	msg_clear(MSG_ORDER_LIST, &l);
	memset(o, 0, sizeof *o);
}

/* Copies an order row with its strings. */
static void
order_row_copy(struct order_row *dst, const struct order_row *src)
{
	*dst = *src;
	dst->skapad = order_dup(src->skapad);
	dst->bestallare = order_dup(src->bestallare);
	dst->organisation = order_dup(src->organisation);
	dst->fornamn = order_dup(src->fornamn);
	dst->efternamn = order_dup(src->efternamn);
	dst->beslutad = order_dup(src->beslutad);
	dst->beslutad_av = order_dup(src->beslutad_av);
	dst->kommentar = order_dup(src->kommentar);
}

/*
 * Shows the temporary password from the approval: the OK message, broken
 * into lines, in a box that stays until a key, then wiped.
 */
static void
order_show_password(struct ui *ui, char *message)
{
	const char	*lines[12];
	char		 buf[SUS_MESSAGE_MAX + 1], text[SUS_MESSAGE_MAX + 1];
	size_t		 i, j, n;
	int		 width = COLS - 8 > 70 ? 70 : COLS - 8;

	/* One sentence a line keeps the password whole on its own line. */
	for (i = j = 0; message[i] != '\0' && j + 2 < sizeof text; i++) {
		text[j++] = message[i];
		if ((message[i] == '.' || message[i] == ';') &&
		    message[i + 1] == ' ') {
			text[j++] = '\n';
			i++;	/* the space */
		}
	}
	text[j] = '\0';
	n = text_lines(text, width, buf, sizeof buf, lines, 7);
	lines[n++] = "";
	lines[n++] = "Lösenordet visas bara nu och sparas ingenstans.";
	lines[n++] = "Tryck på en tangent när du har skrivit upp det.";
	ui_notice(ui, "Beställningen är godkänd", lines, n);
	explicit_bzero(buf, sizeof buf);
	explicit_bzero(text, sizeof text);
	explicit_bzero(message, strlen(message));
}

/* Asks, then sends the decision (MSG_ORDER_DECIDE). */
static void
order_detail_decide(struct screen *s)
{
	struct order_detail	*od = s->data;
	struct msg_order_decide	 req;
	struct msg_ok		 ok;
	struct ui		*ui = s->ui;
	const char		*text[4];
	char			 kommentar[ENTRY_MAX * 4 + 1], q[320];
	int			 approve = od->f[OD_BESLUT].value == 0;
	int			*stale = od->stale, newuser;

	if (entry_get(&od->f[OD_KOMMENTAR].entry, kommentar,
	    sizeof kommentar) != 0)
		kommentar[0] = '\0';
	if (!approve && kommentar[0] == '\0') {
		mform_focus(&od->form, OD_KOMMENTAR);
		ui_message(ui, 1, "Skriv i Kommentar varför beställningen "
		    "avslås.");
		return;
	}
	snprintf(q, sizeof q, "%s beställningen för %s?", approve ?
	    "Godkänna" : "Avslå", od->person);
	text[0] = q;
	text[1] = approve && od->o.typ == ORDER_NEW ? "Kontot skapas med "
	    "ett tillfälligt lösenord, som visas en gång." : "";
	text[2] = "";
	text[3] = "Fortsätta? (j/n)";
	if (!ui_ask(ui, approve ? "Godkänn beställning" : "Avslå beställning",
	    text, 4))
		return;
	memset(&ok, 0, sizeof ok);
	req.order_id = od->o.id;
	req.approve = (uint8_t)approve;
	req.kommentar = kommentar;
	if (ui_call(ui, MSG_ORDER_DECIDE, &req, MSG_OK, &ok) != 0)
		return;
	newuser = approve && od->o.typ == ORDER_NEW;
	*stale = 1;
	/* The box goes over the order, before the list is read again. */
	if (newuser && ok.message != NULL)
		order_show_password(ui, ok.message);
	ui_pop(ui);
	if (!newuser && ok.message != NULL && *ok.message != '\0')
		ui_message(ui, 0, "%s", ok.message);
	else
		ui_message(ui, 0, "%s", approve ? "Beställningen är godkänd." :
		    "Beställningen är avslagen.");
	msg_clear(MSG_OK, &ok);
}

/* Draws the order and, when it may be decided, the decision fields. */
static void
order_detail_draw(struct screen *s, WINDOW *w)
{
	struct order_detail	*od = s->data;
	int			 y;

	y = mform_draw(&od->form, w, 1, 2, s->cols - 4, 1);
	text_wrap(w, y + 1, 2, od->decide ? "Välj beslut med mellanslag, "
	    "skriv en kommentar och spara med F2. Esc går tillbaka." :
	    "Beställningen visas endast. Esc går tillbaka.", s->cols - 4, 2);
}

/* Moves between the decision fields; F2 or Enter on Kommentar decides. */
static int
order_detail_key(struct screen *s, const struct keyev *ev)
{
	struct order_detail	*od = s->data;
	char			 text[160];
	int			 rv;

	if (!od->decide)
		return 0;
	if (ev->action == ACT_SAVE || (keys_is_enter(ev) &&
	    od->form.focus == OD_KOMMENTAR)) {
		order_detail_decide(s);
		return 1;
	}
	if (keys_is_enter(ev)) {
		mform_focus(&od->form, OD_KOMMENTAR);
		return 1;
	}
	if ((rv = mform_key(&od->form, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(&od->form, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	return rv != 0;
}

/* Places the cursor in Kommentar. */
static int
order_detail_cursor(struct screen *s, int *y, int *x)
{
	struct order_detail	*od = s->data;

	return mform_cursor(&od->form, 1, 2, s->cols - 4, y, x);
}

/* Frees the copied order. */
static void
order_detail_free(struct screen *s)
{
	struct order_detail	*od = s->data;

	order_row_free(&od->o);
	free(od);
}

static const struct screen_type scr_order_detail_type = {
	.title = "Beställning",
	.draw = order_detail_draw,
	.key = order_detail_key,
	.free = order_detail_free,
	.cursor = order_detail_cursor,
};

/* Creates the view of a copy of an order; decide adds the decision. */
static struct screen *
order_detail_new(struct ui *ui, const struct order_row *o, int decide,
    int *stale)
{
	static const char *const labels[OD__COUNT] = {
		[OD_TYP] = "Typ",
		[OD_PERSON] = "Person",
		[OD_ROLLER] = "Roller",
		[OD_BESTALLARE] = "Beställare",
		[OD_ORG] = "Organisation",
		[OD_SKAPAD] = "Beställd",
		[OD_STATUS] = "Status",
		[OD_BESLUTAD] = "Beslut",
		[OD_KOMMENTAR_TEXT] = "Kommentar",
		[OD_BESLUT] = "Beslut",
		[OD_KOMMENTAR] = "Kommentar",
	};
	struct order_detail	*od;
	size_t			 i;

	od = xcalloc(1, sizeof *od);
	order_row_copy(&od->o, o);
	od->decide = decide && o->status == ORDER_SUBMITTED;
	od->stale = stale;
	snprintf(od->person, sizeof od->person, "%s %s", od->o.fornamn,
	    od->o.efternamn);
	role_names(od->o.roles, od->roller, sizeof od->roller);
	snprintf(od->bestallare, sizeof od->bestallare, "%s",
	    od->o.bestallare);
	snprintf(od->beslutad, sizeof od->beslutad, "%s%s%s", od->o.beslutad,
	    *od->o.beslutad_av != '\0' ? " av " : "", od->o.beslutad_av);
	for (i = 0; i < OD__COUNT; i++) {
		od->f[i].kind = MF_TEXT;
		od->f[i].label = labels[i];
	}
	od->f[OD_TYP].text = order_typ_name(od->o.typ);
	od->f[OD_PERSON].text = od->person;
	od->f[OD_ROLLER].text = od->roller;
	od->f[OD_ROLLER].hidden = od->o.typ == ORDER_REMOVE;
	od->f[OD_BESTALLARE].text = od->bestallare;
	od->f[OD_ORG].text = od->o.organisation;
	od->f[OD_SKAPAD].text = od->o.skapad;
	od->f[OD_STATUS].text = order_status_name(od->o.status);
	od->f[OD_BESLUTAD].text = od->beslutad;
	od->f[OD_BESLUTAD].hidden = *od->o.beslutad == '\0';
	od->f[OD_KOMMENTAR_TEXT].text = od->o.kommentar;
	od->f[OD_KOMMENTAR_TEXT].hidden = *od->o.kommentar == '\0';
	od->f[OD_STATUS].hint = od->decide ? " " : NULL;
	od->f[OD_BESLUT].kind = MF_CHOICE;
	od->f[OD_BESLUT].choices = od_beslut;
	od->f[OD_BESLUT].nchoices = 2;
	od->f[OD_BESLUT].hint = "Byt med mellanslag eller ←/→";
	od->f[OD_KOMMENTAR].kind = MF_ENTRY;
	entry_init(&od->f[OD_KOMMENTAR].entry, ENTRY_MAX, 0);
	od->f[OD_BESLUT].hidden = od->f[OD_KOMMENTAR].hidden = !od->decide;
	mform_init(&od->form, od->f, OD__COUNT);
	return screen_new(ui, &scr_order_detail_type, od);
}

/* ---- Behandla beställningar and Mina beställningar ---- */

struct orders {
	struct rlist			 list;
	struct msg_order_search		 req;
	int				 inbox;	/* may decide, may show all */
	int				 all;	/* every state, not submitted */
	int				 stale;
};

static const struct rlist_col orders_cols[] = {
	{ "Beställd", 10, 10, 0 },
	{ "Typ", 12, 12, 0 },
	{ "Person", 12, 30, 0 },
	{ "Beställare", 12, 25, 2 },
	{ "Organisation", 12, 30, 1 },
	{ "Status", 9, 9, 0 },
};

/* The cells of one order row. */
static void
orders_values(const void *row, const char **v, char (*buf)[RLIST_CELL])
{
	const struct order_row	*o = row;

	snprintf(buf[0], RLIST_CELL, "%.10s", o->skapad);
	v[0] = buf[0];
	v[1] = order_typ_name(o->typ);
	snprintf(buf[2], RLIST_CELL, "%s, %s", o->efternamn, o->fornamn);
	v[2] = buf[2];
	v[3] = o->bestallare;
	v[4] = o->organisation;
	v[5] = order_status_name(o->status);
}

/* Reads the orders again with the current filter. */
static void
orders_load(struct screen *s)
{
	struct orders	*os = s->data;

	memset(&os->req, 0, sizeof os->req);
	os->req.status = os->inbox && !os->all ? ORDER_SUBMITTED : 0;
	if (rlist_search(&os->list, s->ui) == 0 && os->list.vl.total == 0)
		ui_message(s->ui, 0, "%s", os->inbox && !os->all ?
		    "Inga beställningar väntar på beslut." :
		    "Inga beställningar.");
}

/* Opens an order; a toggles all orders in the inbox. */
static int
orders_key(struct screen *s, const struct keyev *ev)
{
	struct orders		*os = s->data;
	struct order_row	*o;

	if (keys_is_enter(ev)) {
		if ((o = rlist_current(&os->list)) != NULL)
			ui_push(s->ui, order_detail_new(s->ui, o, os->inbox,
			    &os->stale));
		return 1;
	}
	if (os->inbox && ev->code == 0 && (ev->ch == L'a' || ev->ch == L'A')) {
		os->all = !os->all;
		orders_load(s);
		return 1;
	}
	if (ev->action == ACT_SEARCH) {
		orders_load(s);
		return 1;
	}
	return rlist_key(&os->list, s->ui, ev);
}

/* Loads at first, and again after an order was decided. */
static void
orders_enter(struct screen *s)
{
	struct orders	*os = s->data;

	if (!remote_connected(s->ui->remote))
		return;
	if (!os->list.searched || os->stale) {
		os->stale = 0;
		orders_load(s);
	} else
		rlist_fill(&os->list, s->ui);
}

/* Fits the list between the heading and the footer. */
static void
orders_layout(struct screen *s, int lines, int cols)
{
	struct orders	*os = s->data;

	rlist_resize(&os->list, lines - 3 - 1);
}

/* Draws the heading, the list and what the keys do. */
static void
orders_draw(struct screen *s, WINDOW *w)
{
	struct orders	*os = s->data;
	char		 line[160];

	if (os->inbox)
		snprintf(line, sizeof line, "%s: %zu", os->all ?
		    "Alla beställningar" : "Beställningar att behandla",
		    os->list.vl.total);
	else
		snprintf(line, sizeof line, "Mina beställningar: %zu",
		    os->list.vl.total);
	wattron(w, A_BOLD);
	text_put(w, 1, 1, line, s->cols - 2);
	wattroff(w, A_BOLD);
	if (os->list.vl.total > 0)
		rlist_draw(&os->list, w, 2, 1, s->cols - 2, 1);
	else if (os->list.searched)
		text_put(w, 3, 1, os->inbox && !os->all ? "Inga beställningar "
		    "väntar på beslut." : "Inga beställningar.", s->cols - 2);
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, !os->inbox ? "Enter visar "
	    "beställningen, F3 läser om listan." : os->all ? "Enter visar "
	    "beställningen, a visar bara inskickade." : "Enter behandlar "
	    "beställningen, a visar alla.", s->cols - 2);
	wattroff(w, A_DIM);
}

/* Frees the list. */
static void
orders_free(struct screen *s)
{
	struct orders	*os = s->data;

	rlist_free(&os->list);
	free(os);
}

static const struct screen_type scr_order_inbox_type = {
	.title = "Behandla beställningar",
	.enter = orders_enter,
	.layout = orders_layout,
	.draw = orders_draw,
	.key = orders_key,
	.free = orders_free,
};

static const struct screen_type scr_order_mine_type = {
	.title = "Mina beställningar",
	.enter = orders_enter,
	.layout = orders_layout,
	.draw = orders_draw,
	.key = orders_key,
	.free = orders_free,
};

/* Creates an order list; inbox for the superadministratör's queue. */
static struct screen *
orders_new(struct ui *ui, int inbox)
{
	struct orders	*os;

	os = xcalloc(1, sizeof *os);
	os->inbox = inbox;
	rlist_init(&os->list, &rlist_orders, &os->req, orders_cols,
	    sizeof orders_cols / sizeof orders_cols[0], orders_values);
	return screen_new(ui, inbox ? &scr_order_inbox_type :
	    &scr_order_mine_type, os);
}

/* Creates Administration → Behandla beställningar. */
struct screen *
scr_order_inbox_new(struct ui *ui)
{
	return orders_new(ui, 1);
}

/* Creates Beställningar → Mina beställningar. */
struct screen *
scr_order_mine_new(struct ui *ui)
{
	return orders_new(ui, 0);
}
