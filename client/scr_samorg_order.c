/*
 * The 9447 order (seed 003): Beställ samverkansorg, where whoever is
 * responsible for a förbund orders a new samverkansorganisation and
 * follows the own orders, and the superadministratör's Beställda
 * samverkansorg, where an order is approved (which creates the
 * organisation and the first samverkansadministratör's uppdrag) or
 * rejected with a reason. The server checks the rules and says no in its
 * own words; the form keeps what was typed and moves to the field named.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* Longest name, in characters including spaces (rule 2). */
#define SO_NAMN_MAX		50
/* Most samverkansformer offered; the code list has four. */
#define SO_FORMS_MAX		16

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
static void
so_list_init(struct rlist *l, struct msg_samorg_order_search *req,
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
static struct screen *
so_list_new(struct ui *ui, int inbox)
{
	struct so_list	*sl;

	sl = xcalloc(1, sizeof *sl);
	sl->inbox = inbox;
	sl->filter = inbox ? 0 : SO_FILTER_ALL;
	so_list_init(&sl->list, &sl->req, inbox);
	return screen_new(ui, inbox ? &scr_so_inbox_type : &scr_so_mine_type,
	    sl);
}

/* Creates Administration → Beställda samverkansorg. */
struct screen *
scr_samorg_order_inbox_new(struct ui *ui)
{
	return so_list_new(ui, 1);
}

/* ---- Beställ samverkansorg: the form ---- */

enum {
	SO_NAMN,
	SO_ORGNR,
	SO_FORM,
	SO_START,
	SO_ADMIN,
	SO_KNAMN,
	SO_KTEL,
	SO_KEPOST,
	SO__COUNT
};

/* The fields: kind, label, hint, and for entries characters and bytes. */
static const struct {
	enum mfield_kind kind;
	const char	*label;
	const char	*hint;
	size_t		 max;		/* characters, as the schema keeps */
	size_t		 max_bytes;	/* as the protocol carries */
} so_fields[SO__COUNT] = {
	[SO_NAMN] = { MF_ENTRY, "Namn", "", SO_NAMN_MAX, SUS_NAME_MAX },
	[SO_ORGNR] = { MF_ENTRY, "Organisationsnr", "NNNNNN-NNNN", 13, 20 },
	[SO_FORM] = { MF_CHOICE, "Samverkansform",
	    "Byt med mellanslag eller ←/→", 0, 0 },
	[SO_START] = { MF_ENTRY, "Startdatum", "ÅÅÅÅ-MM-DD", 10, 10 },
	[SO_ADMIN] = { MF_BUTTON, "Administratör",
	    "Första samverkansadministratören", 0, 0 },
	[SO_KNAMN] = { MF_ENTRY, "Kontaktperson", NULL, 100, 400 },
	[SO_KTEL] = { MF_ENTRY, "Telefon", NULL, 30, 120 },
	[SO_KEPOST] = { MF_ENTRY, "E-post", NULL, 100, 400 },
};

/*
 * Which field a refusal from the server is about, by a piece of its
 * sentence; the first match wins, so the contact fields (whose sentences
 * say "namn") come before the organisation's name.
 */
static const struct {
	const char	*text;
	size_t		 field;
} so_blame[] = {
	{ "Kontaktpersonens namn", SO_KNAMN },
	{ "Kontaktpersonens telefon", SO_KTEL },
	{ "Kontaktpersonens e-post", SO_KEPOST },
	{ "Namnet", SO_NAMN },
	{ "organisationens namn", SO_NAMN },
	{ "som heter", SO_NAMN },
	{ "beställning av", SO_NAMN },
	{ "rganisationsnum", SO_ORGNR },
	{ "amverkansadministratör", SO_ADMIN },
	{ "amverkansform", SO_FORM },
	{ "tartdatum", SO_START },
};

struct so_form {
	struct mfield	 f[SO__COUNT];
	struct mform	 form;
	char		 count[64];	/* the live "n/50 tecken" */
	char		 forms[SO_FORMS_MAX][128];
	const char	*form_names[SO_FORMS_MAX];
	uint32_t	 form_ids[SO_FORMS_MAX];
	size_t		 nforms;
	int		 prefilled;	/* contact details looked up */
	char		 start0[16];	/* what Startdatum starts with */
	char		 knamn0[512];	/* and the contact fields */
	char		 ktel0[512];
	char		 kepost0[512];
	uint32_t	 admin_id;	/* chosen in Välj användare */
	char		 admin[320];	/* the name, on the button */
	char		 employer[320];	/* under it */
	char		 note[160];	/* said when the screen is back */
	struct rlist	 mine;		/* own orders, under the form */
	struct msg_samorg_order_search mine_req;
	int		 list_y;
};

/* Writes "n/50 tecken" for the name as typed so far. */
static void
so_count(struct so_form *sf)
{
	snprintf(sf->count, sizeof sf->count, "%zu/%d tecken inkl. blanksteg",
	    sf->f[SO_NAMN].entry.len, SO_NAMN_MAX);
}

/* Reports whether an entry holds other text than was put in. */
static int
so_changed(const struct mfield *mf, const char *was)
{
	char	now[ENTRY_MAX * 4 + 1];

	if (entry_get(&mf->entry, now, sizeof now) != 0)
		return 1;
	return strcmp(now, was) != 0;
}

/* For the frame: whatever was typed or chosen must not vanish unasked. */
static int
so_form_dirty(struct screen *s)
{
	struct so_form	*sf = s->data;

	return sf->f[SO_NAMN].entry.len > 0 || sf->f[SO_ORGNR].entry.len > 0 ||
	    sf->admin_id != 0 || sf->f[SO_FORM].value != 0 ||
	    so_changed(&sf->f[SO_START], sf->start0) ||
	    so_changed(&sf->f[SO_KNAMN], sf->knamn0) ||
	    so_changed(&sf->f[SO_KTEL], sf->ktel0) ||
	    so_changed(&sf->f[SO_KEPOST], sf->kepost0);
}

/* Offers the open samverkansformer of the code list, copied. */
static void
so_forms_load(struct so_form *sf, struct ui *ui)
{
	const struct kod_row	*codes[SO_FORMS_MAX];
	size_t			 i, n;

	n = kod_codes(ui, "samverkansform", 1, 0, codes, SO_FORMS_MAX);
	for (i = 0; i < n; i++) {
		snprintf(sf->forms[i], sizeof sf->forms[i], "%s",
		    codes[i]->namn);
		sf->form_names[i] = sf->forms[i];
		sf->form_ids[i] = codes[i]->id;
	}
	sf->nforms = n;
	sf->f[SO_FORM].choices = sf->form_names;
	sf->f[SO_FORM].nchoices = n;
	sf->f[SO_FORM].value = 0;
}

/*
 * Fills the contact details from the logged-in user: the name from the
 * login, the e-post address from the user's own row.
 */
static void
so_prefill(struct so_form *sf, struct ui *ui)
{
	struct msg_user_search	 req;
	struct msg_user_list	 rep;
	uint32_t		 i;

	snprintf(sf->knamn0, sizeof sf->knamn0, "%s %s", ui->login.fornamn,
	    ui->login.efternamn);
	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.fornamn = ui->login.fornamn;
	req.efternamn = ui->login.efternamn;
	req.arbetsgivare = "";
	req.limit = LIST_PAGE_ROWS;
	if (ui_call(ui, MSG_USER_SEARCH, &req, MSG_USER_LIST, &rep) == 0) {
		for (i = 0; i < rep.nrows; i++) {
			if (rep.rows[i].id == ui->login.user_id)
				snprintf(sf->kepost0, sizeof sf->kepost0, "%s",
				    rep.rows[i].epost);
		}
		msg_clear(MSG_USER_LIST, &rep);
	}
	entry_set(&sf->f[SO_KNAMN].entry, sf->knamn0);
	entry_set(&sf->f[SO_KEPOST].entry, sf->kepost0);
	sf->prefilled = 1;
}

/* Empties what belongs to one order, keeping the contact details. */
static void
so_form_clear(struct so_form *sf)
{
	entry_clear(&sf->f[SO_NAMN].entry);
	entry_clear(&sf->f[SO_ORGNR].entry);
	entry_set(&sf->f[SO_START].entry, sf->start0);
	sf->f[SO_FORM].value = 0;
	sf->admin_id = 0;
	sf->f[SO_ADMIN].text = "Välj användare …";
	sf->f[SO_ADMIN].hint = so_fields[SO_ADMIN].hint;
	so_count(sf);
	mform_focus(&sf->form, SO_NAMN);
}

/* Reads an entry; says which field is empty when it must not be. */
static int
so_get(struct screen *s, size_t i, char *out, size_t len)
{
	struct so_form	*sf = s->data;

	if (entry_get(&sf->f[i].entry, out, len) != 0)
		out[0] = '\0';
	if (out[strspn(out, " ")] == '\0') {
		mform_focus(&sf->form, i);
		ui_message(s->ui, 1, "Fyll i %s.", sf->f[i].label);
		return -1;
	}
	return 0;
}

/* Moves to the field a refusal names, if it names one. */
static void
so_blame_field(struct so_form *sf, const char *message)
{
	size_t	i;

	for (i = 0; i < sizeof so_blame / sizeof so_blame[0]; i++) {
		if (strstr(message, so_blame[i].text) != NULL) {
			mform_focus(&sf->form, so_blame[i].field);
			return;
		}
	}
}

/* Checks what the client can and sends the order (SAMORG_ORDER_SUBMIT). */
static void
so_submit(struct screen *s)
{
	struct so_form			*sf = s->data;
	struct msg_samorg_order_submit	 req;
	struct msg_ok			 ok;
	char				 namn[SUS_NAME_MAX + 1], orgnr[32];
	char				 start[16], knamn[512], ktel[512];
	char				 kepost[512];

	if (sf->nforms == 0)
		so_forms_load(sf, s->ui);
	if (so_get(s, SO_NAMN, namn, sizeof namn) != 0 ||
	    so_get(s, SO_ORGNR, orgnr, sizeof orgnr) != 0)
		return;
	if (sf->nforms == 0) {
		mform_focus(&sf->form, SO_FORM);
		ui_message(s->ui, 1, "Samverkansformerna kunde inte hämtas. "
		    "Försök igen.");
		return;
	}
	if (so_get(s, SO_START, start, sizeof start) != 0)
		return;
	if (!date_valid(start)) {
		mform_focus(&sf->form, SO_START);
		ui_message(s->ui, 1, "Startdatum ska vara ett datum som "
		    "ÅÅÅÅ-MM-DD.");
		return;
	}
	if (sf->admin_id == 0) {
		mform_focus(&sf->form, SO_ADMIN);
		ui_message(s->ui, 1, "Välj den första "
		    "samverkansadministratören (Enter på Administratör).");
		return;
	}
	if (so_get(s, SO_KNAMN, knamn, sizeof knamn) != 0 ||
	    so_get(s, SO_KTEL, ktel, sizeof ktel) != 0 ||
	    so_get(s, SO_KEPOST, kepost, sizeof kepost) != 0)
		return;
	memset(&req, 0, sizeof req);
	req.namn = namn;
	req.organisationsnummer = orgnr;
	req.samverkansform_id = sf->form_ids[sf->f[SO_FORM].value];
	req.startdatum = start;
	req.admin_id = sf->admin_id;
	req.kontakt_namn = knamn;
	req.kontakt_telefon = ktel;
	req.kontakt_epost = kepost;
	memset(&ok, 0, sizeof ok);
	if (ui_call(s->ui, MSG_SAMORG_ORDER_SUBMIT, &req, MSG_OK, &ok) != 0) {
		/* ui_call has put the server's sentence on the message line. */
		so_blame_field(sf, s->ui->message);
		return;
	}
	/* What the contact fields hold now is what leaving would keep. */
	snprintf(sf->knamn0, sizeof sf->knamn0, "%s", knamn);
	snprintf(sf->ktel0, sizeof sf->ktel0, "%s", ktel);
	snprintf(sf->kepost0, sizeof sf->kepost0, "%s", kepost);
	so_form_clear(sf);
	if (sf->mine.searched)
		(void)rlist_refresh(&sf->mine, s->ui);
	else
		(void)rlist_search(&sf->mine, s->ui);
	ui_message(s->ui, 0, "%s", ok.message != NULL ? ok.message :
	    "Beställningen är skickad.");
	msg_clear(MSG_OK, &ok);
}

/* Told by "Välj användare": one samverkansadministratör, or none. */
static void
so_picked(struct screen *parent, uint32_t roll, const struct picker_pick *pk,
    size_t n, const char *from, const char *tom)
{
	struct so_form	*sf = parent->data;

	if (n != 1) {
		snprintf(sf->note, sizeof sf->note, "Välj en enda "
		    "samverkansadministratör; %zu var valda.", n);
		return;
	}
	sf->admin_id = pk->user_id;
	snprintf(sf->admin, sizeof sf->admin, "%s %s", pk->fornamn,
	    pk->efternamn);
	snprintf(sf->employer, sizeof sf->employer, "%s", pk->arbetsgivare);
	sf->f[SO_ADMIN].text = sf->admin;
	if (sf->employer[0] != '\0')
		sf->f[SO_ADMIN].hint = sf->employer;
	mform_focus(&sf->form, SO_KNAMN);
}

/* Handles the form: fields, the picker, F2 and F3. */
static int
so_form_key(struct screen *s, const struct keyev *ev)
{
	struct so_form	*sf = s->data;
	char		 text[160];
	int		 rv;

	if (ev->action == ACT_SAVE) {
		so_submit(s);
		return 1;
	}
	if (ev->action == ACT_SEARCH) {
		ui_push(s->ui, so_list_new(s->ui, 0));
		return 1;
	}
	if (keys_is_enter(ev)) {
		if (sf->form.focus == SO_ADMIN)
			ui_push(s->ui, picker_new(s->ui, s,
			    ROLE_SAMVERKANSADMIN, so_picked));
		else
			mform_focus(&sf->form, sf->form.focus + 1);
		return 1;
	}
	if (ev->action == ACT_CANCEL)
		return 0;
	rv = mform_key(&sf->form, ev);
	if (rv == ENTRY_KEY_FULL) {
		mform_full_text(&sf->form, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	so_count(sf);
	return rv != 0;
}

/* Loads the code list, the contact details and the own orders once. */
static void
so_form_enter(struct screen *s)
{
	struct so_form	*sf = s->data;

	if (sf->note[0] != '\0') {
		ui_message(s->ui, 1, "%s", sf->note);
		sf->note[0] = '\0';
	}
	if (!remote_connected(s->ui->remote))
		return;
	if (sf->nforms == 0)
		so_forms_load(sf, s->ui);
	if (!sf->prefilled)
		so_prefill(sf, s->ui);
	if (!sf->mine.searched)
		(void)rlist_search(&sf->mine, s->ui);
}

/* Rows the form takes: each field, its hint line under it. */
static int
so_form_rows(void)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < SO__COUNT; i++)
		n += so_fields[i].hint != NULL ? 2 : 1;
	return n;
}

/* The own orders get the rows under the form and its help line. */
static void
so_form_layout(struct screen *s, int lines, int cols)
{
	struct so_form	*sf = s->data;

	sf->list_y = 3 + so_form_rows() + 2;
	rlist_resize(&sf->mine, lines - sf->list_y - 1);
}

/* Draws the heading, the form, the keys and the own orders. */
static void
so_form_draw(struct screen *s, WINDOW *w)
{
	struct so_form	*sf = s->data;
	char		 line[160];

	wattron(w, A_BOLD);
	text_put(w, 1, 2, "Beställ samverkansorganisation (blankett 9447)",
	    s->cols - 4);
	wattroff(w, A_BOLD);
	mform_draw(&sf->form, w, 3, 2, s->cols - 4, 1);
	text_put(w, sf->list_y - 2, 2, "F2 skickar. F3 visar alla dina "
	    "beställningar.", s->cols - 4);
	if (sf->list_y + 1 >= s->lines)
		return;
	snprintf(line, sizeof line, "Dina beställningar: %zu",
	    sf->mine.vl.total);
	wattron(w, A_BOLD);
	text_put(w, sf->list_y, 2, line, s->cols - 4);
	wattroff(w, A_BOLD);
	if (sf->mine.vl.total > 0)
		rlist_draw(&sf->mine, w, sf->list_y + 1, 2, s->cols - 4, 0);
}

/* Places the cursor in a focused entry. */
static int
so_form_cursor(struct screen *s, int *y, int *x)
{
	struct so_form	*sf = s->data;

	return mform_cursor(&sf->form, 3, 2, s->cols - 4, y, x);
}

/* Frees the form and its list. */
static void
so_form_free(struct screen *s)
{
	struct so_form	*sf = s->data;

	rlist_free(&sf->mine);
	free(sf);
}

static const struct screen_type scr_so_form_type = {
	.title = "Beställ samverkansorg",
	.enter = so_form_enter,
	.layout = so_form_layout,
	.draw = so_form_draw,
	.key = so_form_key,
	.free = so_form_free,
	.cursor = so_form_cursor,
	.dirty = so_form_dirty,
};

/*
 * Creates Samverkansorganisation → Beställ samverkansorg. Startdatum
 * starts at 1 January this year, as seed 003 advises for an organisation
 * that registers nothing for earlier years.
 */
struct screen *
scr_samorg_order_new(struct ui *ui)
{
	struct so_form	*sf;
	struct mfield	*mf;
	size_t		 i;

	sf = xcalloc(1, sizeof *sf);
	for (i = 0; i < SO__COUNT; i++) {
		mf = &sf->f[i];
		mf->kind = so_fields[i].kind;
		mf->label = so_fields[i].label;
		mf->hint = so_fields[i].hint;
		if (mf->kind != MF_ENTRY)
			continue;
		entry_init(&mf->entry, so_fields[i].max, 0);
		entry_limit_bytes(&mf->entry, so_fields[i].max_bytes);
	}
	sf->f[SO_NAMN].hint = sf->count;
	date_today_plus(0, 0, sf->start0, sizeof sf->start0);
	memcpy(sf->start0 + 5, "01-01", 5);
	so_list_init(&sf->mine, &sf->mine_req, 0);
	sf->mine_req.status = 0;
	mform_init(&sf->form, sf->f, SO__COUNT);
	so_form_clear(sf);
	return screen_new(ui, &scr_so_form_type, sf);
}
