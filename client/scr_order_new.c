/*
 * Beställ behörighet (blankett 9445): a beställare orders a new user, new
 * roles for a user of the own organisation or the removal of a user's
 * authorisation. The server checks the roles against the rules and says
 * no in its own words; what was typed stays. Välj person lists the
 * organisation's users.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

enum {
	ON_TYP,
	ON_USERNAME,
	ON_FORNAMN,
	ON_EFTERNAMN,
	ON_EPOST,
	ON_PERSON,
	ON_ROLE,		/* first of the role boxes */
	ON__COUNT = ON_ROLE + 4
};

/* Roles a beställare may order, in the order of blankett 9445. */
static const uint32_t on_roles[] = {
	ROLE_SAMVERKANSADMIN, ROLE_INSATSANSVARIG, ROLE_DELTAGARANSVARIG,
	ROLE_SUSRAPPORT,
};

static const char *const on_typer[] = {
	"Ny användare", "Ändra roller", "Ta bort behörighet",
};
/* ORDER_* for each choice above. */
static const uint8_t on_typ_order[] = { ORDER_NEW, ORDER_CHANGE,
    ORDER_REMOVE };

struct order_new {
	struct mfield	 f[ON__COUNT];
	struct mform	 form;
	uint32_t	 org_id;	/* own employer, once looked up */
	char		 org[256];
	uint32_t	 person_id;	/* chosen for a change or removal */
	uint32_t	 person_roles;
	char		 person_fornamn[256];
	char		 person_efternamn[256];
	char		 person[320];
};

/* Shows the fields the order kind uses. */
static void
order_new_kind(struct order_new *on)
{
	uint8_t	typ = on_typ_order[on->f[ON_TYP].value];
	size_t	i;

	for (i = ON_USERNAME; i <= ON_EPOST; i++)
		on->f[i].hidden = typ != ORDER_NEW;
	on->f[ON_PERSON].hidden = typ == ORDER_NEW;
	for (i = 0; i < 4; i++)
		on->f[ON_ROLE + i].hidden = typ == ORDER_REMOVE;
}

/* SUSrapport comes with every other role, as in Användare. */
static void
order_new_rapport(struct order_new *on)
{
	struct mfield	*rap = &on->f[ON_ROLE + 3];
	size_t		 i;
	int		 other = 0;

	for (i = 0; i < 3; i++)
		other |= on->f[ON_ROLE + i].value;
	rap->locked = other;
	if (other)
		rap->value = 1;
}

/*
 * Finds the beställare's own employer: the client knows only the name,
 * so it looks itself up among the users. Returns 0 when found.
 */
static int
order_new_org(struct screen *s)
{
	struct order_new	*on = s->data;
	struct msg_user_search	 req;
	struct msg_user_list	 rep;
	uint32_t		 i;
	int			 rv = -1;

	if (on->org_id != 0)
		return 0;
	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.fornamn = s->ui->login.fornamn;
	req.efternamn = s->ui->login.efternamn;
	req.arbetsgivare = "";
	req.limit = LIST_PAGE_ROWS;
	if (ui_call(s->ui, MSG_USER_SEARCH, &req, MSG_USER_LIST, &rep) != 0)
		return -1;
	for (i = 0; i < rep.nrows; i++) {
		if (rep.rows[i].id != s->ui->login.user_id)
			continue;
		on->org_id = rep.rows[i].arbetsgivare_id;
		snprintf(on->org, sizeof on->org, "%s",
		    rep.rows[i].arbetsgivare);
		rv = on->org_id != 0 ? 0 : -1;
	}
	msg_clear(MSG_USER_LIST, &rep);
	if (rv != 0)
		ui_message(s->ui, 1, "Din organisation kunde inte hittas.");
	return rv;
}

/* Välj person: the own organisation's users; Enter picks one. */
struct order_pick {
	struct form_field	 fields[1];
	struct rsearch		 rs;
	struct msg_user_search	 req;
	char			 pat[SUS_PATTERN_MAX + 1];
	struct order_new	*on;
};

static const struct rlist_col pick_cols[] = {
	{ "Efternamn", 12, 25, 0 },
	{ "Förnamn", 10, 20, 0 },
	{ "Roller", 8, 14, 0 },
	{ "Aktiv", 5, 5, 1 },
};

/* The cells of one user in the picker. */
static void
pick_values(const void *row, const char **v, char (*buf)[RLIST_CELL])
{
	const struct user_row	*u = row;

	v[0] = u->efternamn;
	v[1] = u->fornamn;
	role_codes(u->roles, buf[2], RLIST_CELL);
	v[2] = buf[2];
	v[3] = u->aktiv ? "Ja" : "Nej";
}

/* Searches the organisation's users by surname. */
static void
pick_search(struct screen *s)
{
	struct order_pick	*op = s->data;

	if (entry_get(&op->fields[0].entry, op->pat, sizeof op->pat) != 0)
		op->pat[0] = '\0';
	memset(&op->req, 0, sizeof op->req);
	op->req.fornamn = "";
	op->req.efternamn = op->pat;
	op->req.arbetsgivare = "";
	op->req.organisation_id = op->on->org_id;
	(void)rsearch_run(&op->rs, s->ui, "Ingen i organisationen matchar.");
}

/* Copies the chosen user into the order and returns to it. */
static void
pick_choose(struct screen *s, const struct user_row *u)
{
	struct order_pick	*op = s->data;
	struct order_new	*on = op->on;
	struct ui		*ui = s->ui;
	size_t			 i;

	on->person_id = u->id;
	on->person_roles = u->roles;
	snprintf(on->person_fornamn, sizeof on->person_fornamn, "%s",
	    u->fornamn);
	snprintf(on->person_efternamn, sizeof on->person_efternamn, "%s",
	    u->efternamn);
	snprintf(on->person, sizeof on->person, "%s %s", u->fornamn,
	    u->efternamn);
	on->f[ON_PERSON].text = on->person;
	/* A change starts from the roles held now. */
	for (i = 0; i < 4; i++)
		on->f[ON_ROLE + i].value = (u->roles & on_roles[i]) != 0;
	order_new_rapport(on);
	mform_focus(&on->form, ON_ROLE);
	ui_pop(ui);
}

/* Routes keys to the field or the list. */
static int
pick_key(struct screen *s, const struct keyev *ev)
{
	struct order_pick	*op = s->data;
	struct user_row		*u;

	switch (rsearch_key(&op->rs, s->ui, ev)) {
	case RSEARCH_RUN:
		pick_search(s);
		return 1;
	case RSEARCH_OPEN:
		if ((u = rlist_current(&op->rs.list)) != NULL)
			pick_choose(s, u);
		return 1;
	case 0:
		return 0;
	}
	return 1;
}

/* Lists the whole organisation at first. */
static void
pick_enter(struct screen *s)
{
	struct order_pick	*op = s->data;

	if (!op->rs.list.searched && remote_connected(s->ui->remote)) {
		/* The whole organisation; the field keeps the focus. */
		pick_search(s);
		op->rs.in_list = 0;
	}
}

/* Fits the list. */
static void
pick_layout(struct screen *s, int lines, int cols)
{
	struct order_pick	*op = s->data;

	rsearch_layout(&op->rs, lines, 1);
}

/* Draws the field, the list and what Enter does. */
static void
pick_draw(struct screen *s, WINDOW *w)
{
	struct order_pick	*op = s->data;
	char			 line[320];

	rsearch_draw(&op->rs, w, s->cols, NULL);
	snprintf(line, sizeof line, "Användare i %s. Enter väljer, Esc "
	    "avbryter.", op->on->org);
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, line, s->cols - 2);
	wattroff(w, A_DIM);
}

/* Puts the cursor in the field. */
static int
pick_cursor(struct screen *s, int *y, int *x)
{
	struct order_pick	*op = s->data;

	return rsearch_cursor(&op->rs, s->cols, y, x);
}

/* Frees the picker. */
static void
pick_free(struct screen *s)
{
	struct order_pick	*op = s->data;

	rlist_free(&op->rs.list);
	free(op);
}

static const struct screen_type scr_order_pick_type = {
	.title = "Välj person",
	.enter = pick_enter,
	.layout = pick_layout,
	.draw = pick_draw,
	.key = pick_key,
	.free = pick_free,
	.cursor = pick_cursor,
};

/* Opens Välj person over the order form. */
static void
order_new_pick(struct screen *s)
{
	struct order_new	*on = s->data;
	struct order_pick	*op;

	if (order_new_org(s) != 0)
		return;
	op = xcalloc(1, sizeof *op);
	op->on = on;
	op->fields[0].label = "Efternamn";
	op->fields[0].hint = "* är jokertecken, t.ex. Ka*";
	entry_init(&op->fields[0].entry, SUS_PATTERN_MAX, 0);
	entry_limit_bytes(&op->fields[0].entry, SUS_PATTERN_MAX);
	rsearch_init(&op->rs, op->fields, 1, &rlist_users, &op->req,
	    pick_cols, sizeof pick_cols / sizeof pick_cols[0], pick_values);
	ui_push(s->ui, screen_new(s->ui, &scr_order_pick_type, op));
}

/* Empties the form after an order went, keeping the kind. */
static void
order_new_clear(struct order_new *on)
{
	size_t	i;

	for (i = ON_USERNAME; i <= ON_EPOST; i++)
		entry_clear(&on->f[i].entry);
	for (i = 0; i < 4; i++)
		on->f[ON_ROLE + i].value = 0;
	order_new_rapport(on);
	on->person_id = 0;
	on->f[ON_PERSON].text = "Välj person …";
	mform_focus(&on->form, ON_TYP);
}

/* Reads an entry; says which field is empty when it must not be. */
static int
order_new_get(struct screen *s, size_t i, char *out, size_t len,
    int required)
{
	struct order_new	*on = s->data;

	if (entry_get(&on->f[i].entry, out, len) != 0)
		out[0] = '\0';
	if (required && out[0] == '\0') {
		mform_focus(&on->form, i);
		ui_message(s->ui, 1, "Fyll i %s.", on->f[i].label);
		return -1;
	}
	return 0;
}

/* Checks the order and sends it (MSG_ORDER_SUBMIT). */
static void
order_new_submit(struct screen *s)
{
	struct order_new	*on = s->data;
	struct msg_order_submit	 req;
	struct msg_ok		 ok;
	const char		*text[3];
	char			 user[SUS_USERNAME_MAX + 1], q[400];
	char			 fornamn[SUS_NAME_MAX + 1];
	char			 efternamn[SUS_NAME_MAX + 1];
	char			 epost[SUS_NAME_MAX + 1];
	size_t			 i;

	memset(&req, 0, sizeof req);
	req.typ = on_typ_order[on->f[ON_TYP].value];
	for (i = 0; i < 4 && req.typ != ORDER_REMOVE; i++) {
		if (on->f[ON_ROLE + i].value)
			req.roles |= on_roles[i];
	}
	if (req.typ == ORDER_NEW) {
		if (order_new_get(s, ON_USERNAME, user, sizeof user, 1) ||
		    order_new_get(s, ON_FORNAMN, fornamn, sizeof fornamn, 1) ||
		    order_new_get(s, ON_EFTERNAMN, efternamn,
		    sizeof efternamn, 1) ||
		    order_new_get(s, ON_EPOST, epost, sizeof epost, 0))
			return;
		req.username = user;
		req.fornamn = fornamn;
		req.efternamn = efternamn;
		req.epost = epost;
	} else {
		if (on->person_id == 0) {
			mform_focus(&on->form, ON_PERSON);
			ui_message(s->ui, 1, "Välj personen beställningen "
			    "gäller (Enter på Person).");
			return;
		}
		req.user_id = on->person_id;
		req.username = "";
		req.fornamn = on->person_fornamn;
		req.efternamn = on->person_efternamn;
		req.epost = "";
	}
	if (req.typ != ORDER_REMOVE && req.roles == 0) {
		mform_focus(&on->form, ON_ROLE);
		ui_message(s->ui, 1, "Välj minst en roll.");
		return;
	}
	if (req.typ == ORDER_REMOVE) {
		snprintf(q, sizeof q, "Beställa borttag av behörigheten för "
		    "%s?", on->person);
		text[0] = q;
		text[1] = "";
		text[2] = "Fortsätta? (j/n)";
		if (!ui_ask(s->ui, "Ta bort behörighet", text, 3))
			return;
	}
	memset(&ok, 0, sizeof ok);
	if (ui_call(s->ui, MSG_ORDER_SUBMIT, &req, MSG_OK, &ok) != 0)
		return;
	order_new_clear(on);
	if (ok.id != 0)
		ui_message(s->ui, 0, "Beställningen är skickad (nummer %u). "
		    "Följ den under Mina beställningar.", ok.id);
	else
		ui_message(s->ui, 0, "Beställningen är skickad. Följ den "
		    "under Mina beställningar.");
	msg_clear(MSG_OK, &ok);
}

/* Draws the form and what the keys do. */
static void
order_new_draw(struct screen *s, WINDOW *w)
{
	struct order_new	*on = s->data;
	int			 y;

	wattron(w, A_BOLD);
	text_put(w, 1, 2, "Beställning av behörighet (blankett 9445)",
	    s->cols - 4);
	wattroff(w, A_BOLD);
	y = mform_draw(&on->form, w, 3, 2, s->cols - 4, 1);
	text_wrap(w, y + 1, 2, "Mellanslag väljer, F2 skickar beställningen "
	    "till Försäkringskassan.", s->cols - 4, 2);
}

/* Handles the form: kind, fields, Välj person, F2. */
static int
order_new_key(struct screen *s, const struct keyev *ev)
{
	struct order_new	*on = s->data;
	struct mfield		*mf = &on->f[on->form.focus];
	char			 text[160];
	int			 rv;

	if (ev->action == ACT_SAVE) {
		order_new_submit(s);
		return 1;
	}
	if (keys_is_enter(ev)) {
		if (mf->kind == MF_BUTTON)
			order_new_pick(s);
		else if (mf->kind == MF_CHECK && !mf->locked) {
			mf->value = !mf->value;
			order_new_rapport(on);
		} else
			mform_focus(&on->form, on->form.focus + 1);
		return 1;
	}
	if (ev->action == ACT_CANCEL)
		return 0;
	rv = mform_key(&on->form, ev);
	if (rv == ENTRY_KEY_FULL) {
		mform_full_text(&on->form, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	order_new_kind(on);
	order_new_rapport(on);
	return rv != 0;
}

/* Places the cursor in a focused entry. */
static int
order_new_cursor(struct screen *s, int *y, int *x)
{
	struct order_new	*on = s->data;

	return mform_cursor(&on->form, 3, 2, s->cols - 4, y, x);
}

/* Frees the form. */
static void
order_new_free(struct screen *s)
{
	free(s->data);
}

static const struct screen_type scr_order_new_type = {
	.title = "Beställ behörighet",
	.draw = order_new_draw,
	.key = order_new_key,
	.free = order_new_free,
	.cursor = order_new_cursor,
};

/* Creates Beställningar → Beställ behörighet. */
struct screen *
scr_order_new_new(struct ui *ui)
{
	static const struct {
		const char	*label;
		size_t		 max;	/* characters, as the schema allows */
	} entries[] = {
		{ "Användarnamn", 32 },
		{ "Förnamn", 50 },
		{ "Efternamn", 50 },
		{ "E-post", 100 },
	};
	struct order_new	*on;
	size_t			 i;

	on = xcalloc(1, sizeof *on);
	on->f[ON_TYP].kind = MF_CHOICE;
	on->f[ON_TYP].label = "Typ";
	on->f[ON_TYP].choices = on_typer;
	on->f[ON_TYP].nchoices = sizeof on_typer / sizeof on_typer[0];
	on->f[ON_TYP].hint = "Byt med mellanslag eller ←/→";
	for (i = 0; i < 4; i++) {
		on->f[ON_USERNAME + i].kind = MF_ENTRY;
		on->f[ON_USERNAME + i].label = entries[i].label;
		entry_init(&on->f[ON_USERNAME + i].entry, entries[i].max, 0);
		entry_limit_bytes(&on->f[ON_USERNAME + i].entry,
		    entries[i].max * 2);
	}
	on->f[ON_EPOST].hint = " ";
	on->f[ON_PERSON].kind = MF_BUTTON;
	on->f[ON_PERSON].label = "Person";
	on->f[ON_PERSON].hint = " ";
	for (i = 0; i < 4; i++) {
		on->f[ON_ROLE + i].kind = MF_CHECK;
		on->f[ON_ROLE + i].label = i == 0 ? "Roller" : "";
		on->f[ON_ROLE + i].text = role_name(on_roles[i]);
	}
	on->f[ON_ROLE + 3].hint = "Ingår med varje annan roll.";
	mform_init(&on->form, on->f, ON__COUNT);
	order_new_clear(on);
	order_new_kind(on);
	return screen_new(ui, &scr_order_new_type, on);
}
