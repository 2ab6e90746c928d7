/*
 * The superadministratör's Beställda samverkansorg for the 9447 order
 * (seed 003), where an order is approved (which creates the organisation
 * and the first samverkansadministratör's uppdrag) or rejected with a
 * reason, and the lists of orders it shares with Beställ samverkansorg
 * (scr_samorg_order.c): the inbox and the orderer's own.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "samorg_order.h"
#include "xmalloc.h"

/* One page of orders, for rlist: where the paging fields sit. */
static const struct rlist_kind so_orders_kind = {
	MSG_SAMORG_ORDER_SEARCH, MSG_SAMORG_ORDER_LIST,
	sizeof(struct msg_samorg_order_list), sizeof(struct samorg_order_row),
	offsetof(struct msg_samorg_order_list, total),
	offsetof(struct msg_samorg_order_list, nrows),
	offsetof(struct msg_samorg_order_list, rows),
	offsetof(struct msg_samorg_order_search, offset),
	offsetof(struct msg_samorg_order_search, limit),
};

/* Copies a string that may be NULL. */
static char *
so_dup(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

/* Copies an order row with its strings. */
static void
so_row_copy(struct samorg_order_row *d, const struct samorg_order_row *o)
{
	*d = *o;
	d->skapad = so_dup(o->skapad);
	d->skapad_av = so_dup(o->skapad_av);
	d->namn = so_dup(o->namn);
	d->organisationsnummer = so_dup(o->organisationsnummer);
	d->samverkansform = so_dup(o->samverkansform);
	d->startdatum = so_dup(o->startdatum);
	d->admin = so_dup(o->admin);
	d->kontakt_namn = so_dup(o->kontakt_namn);
	d->kontakt_telefon = so_dup(o->kontakt_telefon);
	d->kontakt_epost = so_dup(o->kontakt_epost);
	d->beslutad = so_dup(o->beslutad);
	d->beslutad_av = so_dup(o->beslutad_av);
	d->kommentar = so_dup(o->kommentar);
}

/* Frees a copied row through the message codec. */
static void
so_row_free(struct samorg_order_row *o)
{
	struct msg_samorg_order_list	l;

	memset(&l, 0, sizeof l);
	l.nrows = 1;
	l.rows = xcalloc(1, sizeof *l.rows);
	*l.rows = *o;
	msg_clear(MSG_SAMORG_ORDER_LIST, &l);
	memset(o, 0, sizeof *o);
}

/* ---- One order: shown, and decided by a superadministratör ---- */

enum {
	SD_NAMN,
	SD_ORGNR,
	SD_FORM,
	SD_START,
	SD_ADMIN,
	SD_KONTAKT,
	SD_SKAPAD,
	SD_STATUS,
	SD_BESLUTAD,
	SD_KOMMENTAR_TEXT,
	SD_BESLUT,
	SD_KOMMENTAR,
	SD__COUNT
};

static const char *const sd_beslut[] = { "Godkänn", "Avslå" };

struct so_detail {
	struct samorg_order_row	 o;
	struct mfield		 f[SD__COUNT];
	struct mform		 form;
	int			 decide;	/* with Godkänn / Avslå */
	int			*stale;		/* the list reads again */
	char			 kontakt[512];
	char			 skapad[256];
	char			 beslutad[256];
};

/* Asks, then sends the decision (MSG_SAMORG_ORDER_DECIDE). */
static void
so_detail_decide(struct screen *s)
{
	struct so_detail		*sd = s->data;
	struct msg_samorg_order_decide	 req;
	struct msg_ok			 ok;
	struct ui			*ui = s->ui;
	const char			*text[5];
	char				 kommentar[ENTRY_MAX * 4 + 1], q[320];
	char				 who[320];
	int				 approve = sd->f[SD_BESLUT].value == 0;
	int				*stale = sd->stale;

	if (entry_get(&sd->f[SD_KOMMENTAR].entry, kommentar,
	    sizeof kommentar) != 0)
		kommentar[0] = '\0';
	if (!approve && kommentar[strspn(kommentar, " ")] == '\0') {
		mform_focus(&sd->form, SD_KOMMENTAR);
		ui_message(ui, 1, "Skriv i Kommentar varför beställningen "
		    "avslås.");
		return;
	}
	snprintf(q, sizeof q, "%s beställningen av %s?", approve ?
	    "Godkänna" : "Avslå", sd->o.namn);
	snprintf(who, sizeof who, "%s blir samverkansadministratör.",
	    sd->o.admin);
	text[0] = q;
	text[1] = approve ? "Samverkansorganisationen skapas, och" : "";
	text[2] = approve ? who : "";
	text[3] = "";
	text[4] = "Fortsätta? (j/n)";
	if (!ui_ask(ui, approve ? "Godkänn beställning" : "Avslå beställning",
	    text, 5))
		return;
	memset(&ok, 0, sizeof ok);
	req.order_id = sd->o.id;
	req.approve = (uint8_t)approve;
	req.kommentar = kommentar;
	if (ui_call(ui, MSG_SAMORG_ORDER_DECIDE, &req, MSG_OK, &ok) != 0)
		return;
	*stale = 1;
	ui_pop(ui);
	/* After the pop: the list has read itself again by now. */
	ui_message(ui, 0, "%s", ok.message != NULL && *ok.message != '\0' ?
	    ok.message : approve ? "Beställningen är godkänd." :
	    "Beställningen är avslagen.");
	msg_clear(MSG_OK, &ok);
}

/* Draws the order and, when it may be decided, the decision fields. */
static void
so_detail_draw(struct screen *s, WINDOW *w)
{
	struct so_detail	*sd = s->data;
	int			 y;

	y = mform_draw(&sd->form, w, 1, 2, s->cols - 4, 1);
	text_wrap(w, y + 1, 2, sd->decide ? "Välj beslut med mellanslag, "
	    "skriv en kommentar och besluta med F2. Esc går tillbaka." :
	    "Beställningen visas endast. Esc går tillbaka.", s->cols - 4, 2);
}

/* Moves between the decision fields; F2 or Enter on Kommentar decides. */
static int
so_detail_key(struct screen *s, const struct keyev *ev)
{
	struct so_detail	*sd = s->data;
	char			 text[160];
	int			 rv;

	if (!sd->decide)
		return 0;
	if (ev->action == ACT_SAVE || (keys_is_enter(ev) &&
	    sd->form.focus == SD_KOMMENTAR)) {
		so_detail_decide(s);
		return 1;
	}
	if (keys_is_enter(ev)) {
		mform_focus(&sd->form, SD_KOMMENTAR);
		return 1;
	}
	if ((rv = mform_key(&sd->form, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(&sd->form, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	return rv != 0;
}

/* Places the cursor in Kommentar. */
static int
so_detail_cursor(struct screen *s, int *y, int *x)
{
	struct so_detail	*sd = s->data;

	return mform_cursor(&sd->form, 1, 2, s->cols - 4, y, x);
}

/* Frees the copied order. */
static void
so_detail_free(struct screen *s)
{
	struct so_detail	*sd = s->data;

	so_row_free(&sd->o);
	free(sd);
}

static const struct screen_type scr_so_detail_type = {
	.title = "Beställd samverkansorg",
	.draw = so_detail_draw,
	.key = so_detail_key,
	.free = so_detail_free,
	.cursor = so_detail_cursor,
};

/* Creates the view of a copy of an order; decide adds the decision. */
static struct screen *
so_detail_new(struct ui *ui, const struct samorg_order_row *o, int decide,
    int *stale)
{
	static const char *const labels[SD__COUNT] = {
		[SD_NAMN] = "Namn",
		[SD_ORGNR] = "Organisationsnr",
		[SD_FORM] = "Samverkansform",
		[SD_START] = "Startdatum",
		[SD_ADMIN] = "Administratör",
		[SD_KONTAKT] = "Kontaktperson",
		[SD_SKAPAD] = "Beställd",
		[SD_STATUS] = "Status",
		[SD_BESLUTAD] = "Beslut",
		[SD_KOMMENTAR_TEXT] = "Kommentar",
		[SD_BESLUT] = "Beslut",
		[SD_KOMMENTAR] = "Kommentar",
	};
	struct so_detail	*sd;
	size_t			 i;

	sd = xcalloc(1, sizeof *sd);
	so_row_copy(&sd->o, o);
	sd->decide = decide && o->status == ORDER_SUBMITTED;
	sd->stale = stale;
	snprintf(sd->kontakt, sizeof sd->kontakt, "%s, %s, %s",
	    sd->o.kontakt_namn, sd->o.kontakt_telefon, sd->o.kontakt_epost);
	snprintf(sd->skapad, sizeof sd->skapad, "%s av %s", sd->o.skapad,
	    sd->o.skapad_av);
	snprintf(sd->beslutad, sizeof sd->beslutad, "%s av %s",
	    sd->o.beslutad, sd->o.beslutad_av);
	for (i = 0; i < SD__COUNT; i++) {
		sd->f[i].kind = MF_TEXT;
		sd->f[i].label = labels[i];
	}
	sd->f[SD_NAMN].text = sd->o.namn;
	sd->f[SD_ORGNR].text = sd->o.organisationsnummer;
	sd->f[SD_FORM].text = sd->o.samverkansform;
	sd->f[SD_START].text = sd->o.startdatum;
	sd->f[SD_ADMIN].text = sd->o.admin;
	sd->f[SD_KONTAKT].text = sd->kontakt;
	sd->f[SD_SKAPAD].text = sd->skapad;
	sd->f[SD_STATUS].text = order_status_name(sd->o.status);
	sd->f[SD_BESLUTAD].text = sd->beslutad;
	sd->f[SD_BESLUTAD].hidden = *sd->o.beslutad == '\0';
	sd->f[SD_KOMMENTAR_TEXT].text = sd->o.kommentar;
	sd->f[SD_KOMMENTAR_TEXT].hidden = *sd->o.kommentar == '\0';
	sd->f[SD_STATUS].hint = sd->decide ? " " : NULL;
	sd->f[SD_BESLUT].kind = MF_CHOICE;
	sd->f[SD_BESLUT].choices = sd_beslut;
	sd->f[SD_BESLUT].nchoices = 2;
	sd->f[SD_BESLUT].hint = "Byt med mellanslag eller ←/→";
	sd->f[SD_KOMMENTAR].kind = MF_ENTRY;
	/* The schema keeps 500 characters; the entry holds what fits. */
	entry_init(&sd->f[SD_KOMMENTAR].entry, ENTRY_MAX, 0);
	sd->f[SD_BESLUT].hidden = sd->f[SD_KOMMENTAR].hidden = !sd->decide;
	mform_init(&sd->form, sd->f, SD__COUNT);
	return screen_new(ui, &scr_so_detail_type, sd);
}

/* ---- Lists of orders: the inbox and the orderer's own ---- */

/* The status filter, cycled with ←/→. */
static const struct {
	uint8_t		 status;	/* 0 = every state */
	const char	*name;
	const char	*none;
} so_filters[] = {
	{ ORDER_SUBMITTED, "Inskickade", "Inga beställningar väntar på "
	    "beslut." },
	{ ORDER_APPROVED, "Godkända", "Inga godkända beställningar." },
	{ ORDER_REJECTED, "Avslagna", "Inga avslagna beställningar." },
	{ 0, "Alla", "Inga beställningar." },
};
#define SO_NFILTERS	(sizeof so_filters / sizeof so_filters[0])
#define SO_FILTER_ALL	(SO_NFILTERS - 1)

struct so_list {
	struct rlist			 list;
	struct msg_samorg_order_search	 req;
	int				 inbox;	/* may decide */
	size_t				 filter;
	int				 stale;
};

static const struct rlist_col so_inbox_cols[] = {
	{ "Beställd", 10, 10, 0 },
	{ "Namn", 14, 50, 0 },
	{ "Samverkansform", 10, 16, 2 },
	{ "Beställare", 10, 25, 1 },
	{ "Status", 9, 9, 0 },
};

static const struct rlist_col so_mine_cols[] = {
	{ "Beställd", 10, 10, 0 },
	{ "Namn", 14, 50, 0 },
	{ "Samverkansform", 10, 16, 1 },
	{ "Status", 9, 9, 0 },
};

/* The cells of one order in the inbox. */
static void
so_inbox_values(const void *row, const char **v, char (*buf)[RLIST_CELL])
{
	const struct samorg_order_row	*o = row;

	snprintf(buf[0], RLIST_CELL, "%.10s", o->skapad);
	v[0] = buf[0];
	v[1] = o->namn;
	v[2] = o->samverkansform;
	v[3] = o->skapad_av;
	v[4] = order_status_name(o->status);
}

/* The cells of one of the orderer's own orders. */
static void
so_mine_values(const void *row, const char **v, char (*buf)[RLIST_CELL])
{
	const struct samorg_order_row	*o = row;

	snprintf(buf[0], RLIST_CELL, "%.10s", o->skapad);
	v[0] = buf[0];
	v[1] = o->namn;
	v[2] = o->samverkansform;
	v[3] = order_status_name(o->status);
}

/* Sets up a list of orders over req, with the columns for inbox or not. */
void
samorg_order_list_init(struct rlist *l, struct msg_samorg_order_search *req,
    int inbox)
{
	if (inbox)
		rlist_init(l, &so_orders_kind, req, so_inbox_cols,
		    sizeof so_inbox_cols / sizeof so_inbox_cols[0],
		    so_inbox_values);
	else
		rlist_init(l, &so_orders_kind, req, so_mine_cols,
		    sizeof so_mine_cols / sizeof so_mine_cols[0],
		    so_mine_values);
}

/* Reads the orders again with the current filter. */
static void
so_list_load(struct screen *s)
{
	struct so_list	*sl = s->data;

	memset(&sl->req, 0, sizeof sl->req);
	sl->req.status = so_filters[sl->filter].status;
	if (rlist_search(&sl->list, s->ui) == 0 && sl->list.vl.total == 0)
		ui_message(s->ui, 0, "%s", so_filters[sl->filter].none);
}

/* Enter opens an order; ←/→ change the filter; F3 reads again. */
static int
so_list_key(struct screen *s, const struct keyev *ev)
{
	struct so_list			*sl = s->data;
	struct samorg_order_row		*o;

	if (keys_is_enter(ev)) {
		if ((o = rlist_current(&sl->list)) != NULL)
			ui_push(s->ui, so_detail_new(s->ui, o, sl->inbox,
			    &sl->stale));
		return 1;
	}
	if (ev->code == KEY_RIGHT || ev->code == KEY_LEFT) {
		sl->filter = (sl->filter + (ev->code == KEY_RIGHT ? 1 :
		    SO_NFILTERS - 1)) % SO_NFILTERS;
		so_list_load(s);
		return 1;
	}
	if (ev->action == ACT_SEARCH) {
		so_list_load(s);
		return 1;
	}
	return rlist_key(&sl->list, s->ui, ev);
}

/* Loads at first, and again after an order was decided. */
static void
so_list_enter(struct screen *s)
{
	struct so_list	*sl = s->data;

	if (!remote_connected(s->ui->remote))
		return;
	if (!sl->list.searched || sl->stale) {
		sl->stale = 0;
		so_list_load(s);
	} else
		rlist_fill(&sl->list, s->ui);
}

/* Fits the list between the heading and the footer. */
static void
so_list_layout(struct screen *s, int lines, int cols)
{
	struct so_list	*sl = s->data;

	rlist_resize(&sl->list, lines - 3 - 1);
}

/* Draws the filter, the count, the list and what the keys do. */
static void
so_list_draw(struct screen *s, WINDOW *w)
{
	struct so_list	*sl = s->data;
	char		 line[200];

	snprintf(line, sizeof line, "Status: ‹ %s ›  Beställningar: %zu",
	    so_filters[sl->filter].name, sl->list.vl.total);
	wattron(w, A_BOLD);
	text_put(w, 1, 1, line, s->cols - 2);
	wattroff(w, A_BOLD);
	if (sl->list.vl.total > 0)
		rlist_draw(&sl->list, w, 2, 1, s->cols - 2, 1);
	else if (sl->list.searched)
		text_put(w, 3, 1, so_filters[sl->filter].none, s->cols - 2);
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, sl->inbox ? "Enter behandlar, ←/→ "
	    "byter status, F3 läser om." : "Enter visar, ←/→ byter status, "
	    "F3 läser om.", s->cols - 2);
	wattroff(w, A_DIM);
}

/* Frees the list. */
static void
so_list_free(struct screen *s)
{
	struct so_list	*sl = s->data;

	rlist_free(&sl->list);
	free(sl);
}

static const struct screen_type scr_so_inbox_type = {
	.title = "Beställda samverkansorg",
	.enter = so_list_enter,
	.layout = so_list_layout,
	.draw = so_list_draw,
	.key = so_list_key,
	.free = so_list_free,
};

static const struct screen_type scr_so_mine_type = {
	.title = "Mina beställda samverkansorg",
	.enter = so_list_enter,
	.layout = so_list_layout,
	.draw = so_list_draw,
	.key = so_list_key,
	.free = so_list_free,
};

/* Creates a list of orders: the inbox waits on the submitted ones. */
struct screen *
samorg_order_list_new(struct ui *ui, int inbox)
{
	struct so_list	*sl;

	sl = xcalloc(1, sizeof *sl);
	sl->inbox = inbox;
	sl->filter = inbox ? 0 : SO_FILTER_ALL;
	samorg_order_list_init(&sl->list, &sl->req, inbox);
	return screen_new(ui, inbox ? &scr_so_inbox_type : &scr_so_mine_type,
	    sl);
}

/* Creates Administration → Beställda samverkansorg. */
struct screen *
scr_samorg_order_inbox_new(struct ui *ui)
{
	return samorg_order_list_new(ui, 1);
}
