/*
 * The 9447 order (seed 003): Beställ samverkansorg, where whoever is
 * responsible for a förbund orders a new samverkansorganisation and
 * follows the own orders (the lists are in scr_samorg_inbox.c). The
 * server checks the rules and says no in its own words; the form keeps
 * what was typed and moves to the field named.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "samorg_order.h"
#include "xmalloc.h"

/* Longest name, in characters including spaces (rule 2). */
#define SO_NAMN_MAX		50
/* Most samverkansformer offered; the code list has four. */
#define SO_FORMS_MAX		16

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
		ui_push(s->ui, samorg_order_list_new(s->ui, 0));
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
	samorg_order_list_init(&sf->mine, &sf->mine_req, 0);
	sf->mine_req.status = 0;
	mform_init(&sf->form, sf->f, SO__COUNT);
	so_form_clear(sf);
	return screen_new(ui, &scr_so_form_type, sf);
}
