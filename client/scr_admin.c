/*
 * Administration, for superadministratörer: Användare (search, then per
 * user the roles, activation and registration as a beställare on
 * blankett 9463) and Överenskommelser (an organisation's agreement with
 * Försäkringskassan). The server checks every rule; what it refuses is
 * shown in its own words and what was typed stays.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* Copies a string that may be NULL. */
static char *
admin_dup(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

/* Reads a field as UTF-8 into out; the limits keep it in bounds. */
static void
admin_get(const struct form_field *ff, char *out, size_t len)
{
	if (entry_get(&ff->entry, out, len) != 0)
		out[0] = '\0';
}

/*
 * Two dates and a save function: the beställare registration and the
 * agreement share this screen.
 */
struct datepair {
	char			 info[3][320];	/* lines above the form */
	const char		*help;
	struct form_field	 fields[2];
	struct form		 form;
	int			 second_optional;
	/* Sends the dates; 0 when saved (the screen is then gone). */
	int			(*save)(struct screen *, const char *,
				    const char *);
	void			*ctx;
	uint32_t		 id;
};

/* Sets up the two date fields with their labels and first values. */
static void
datepair_init(struct datepair *dp, const char *l1, const char *v1,
    const char *l2, const char *v2)
{
	size_t	i;

	dp->fields[0].label = l1;
	dp->fields[1].label = l2;
	for (i = 0; i < 2; i++) {
		entry_init(&dp->fields[i].entry, 10, 0);
		entry_limit_bytes(&dp->fields[i].entry, 10);
		dp->fields[i].hint = i == 0 ? "ÅÅÅÅ-MM-DD" : NULL;
	}
	(void)entry_set(&dp->fields[0].entry, v1);
	(void)entry_set(&dp->fields[1].entry, v2);
	form_init(&dp->form, dp->fields, 2);
}

/* Checks the dates and calls the screen's save function. */
static void
datepair_submit(struct screen *s)
{
	struct datepair	*dp = s->data;
	char		 a[16], b[16];

	admin_get(&dp->fields[0], a, sizeof a);
	admin_get(&dp->fields[1], b, sizeof b);
	if (!date_valid(a)) {
		dp->form.focus = 0;
		ui_message(s->ui, 1, "Skriv %s som ÅÅÅÅ-MM-DD, t.ex. 2026-01-31.",
		    dp->fields[0].label);
		return;
	}
	if ((b[0] != '\0' || !dp->second_optional) && !date_valid(b)) {
		dp->form.focus = 1;
		ui_message(s->ui, 1, "Skriv %s som ÅÅÅÅ-MM-DD, t.ex. 2026-01-31.",
		    dp->fields[1].label);
		return;
	}
	if (b[0] != '\0' && strcmp(b, a) < 0) {
		dp->form.focus = 1;
		ui_message(s->ui, 1, "%s får inte vara före %s.",
		    dp->fields[1].label, dp->fields[0].label);
		return;
	}
	dp->save(s, a, b);
}

/* Draws the heading lines, the form and the help. */
static void
datepair_draw(struct screen *s, WINDOW *w)
{
	struct datepair	*dp = s->data;
	size_t		 i;
	int		 y = 1;

	for (i = 0; i < 3; i++) {
		if (dp->info[i][0] == '\0')
			continue;
		if (i == 0)
			wattron(w, A_BOLD);
		text_put(w, y++, 2, dp->info[i], s->cols - 4);
		wattroff(w, A_BOLD);
	}
	y = form_draw(&dp->form, w, y + 1, 2, s->cols - 4, 1);
	if (dp->help != NULL)
		y += text_wrap(w, y + 1, 2, dp->help, s->cols - 4, 3) + 1;
	text_wrap(w, y + 1, 2, "F2 sparar, Esc går tillbaka utan att spara.",
	    s->cols - 4, 2);
}

/* Counts the rows above the form, for the cursor. */
static int
datepair_top(const struct datepair *dp)
{
	size_t	i;
	int	y = 1;

	for (i = 0; i < 3; i++)
		y += dp->info[i][0] != '\0';
	return y + 1;
}

/* Edits the dates; Enter on the last field or F2 saves. */
static int
datepair_key(struct screen *s, const struct keyev *ev)
{
	struct datepair	*dp = s->data;
	char		 text[160];
	int		 rv;

	if (ev->action == ACT_SAVE ||
	    (keys_is_enter(ev) && dp->form.focus == 1)) {
		datepair_submit(s);
		return 1;
	}
	if (keys_is_enter(ev)) {
		dp->form.focus = 1;
		return 1;
	}
	if ((rv = form_key(&dp->form, ev)) == ENTRY_KEY_FULL) {
		entry_full_text(&dp->fields[dp->form.focus].entry,
		    dp->fields[dp->form.focus].label, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	return rv != 0;
}

/* Puts the cursor in the focused date. */
static int
datepair_cursor(struct screen *s, int *y, int *x)
{
	struct datepair	*dp = s->data;

	form_cursor(&dp->form, datepair_top(dp), 2, s->cols - 4, y, x);
	return 1;
}

/* Frees the screen's data. */
static void
datepair_free(struct screen *s)
{
	free(s->data);
}

/* ---- Användare ---- */

enum {
	UF_FORNAMN,
	UF_EFTERNAMN,
	UF_ARBETSGIVARE,
	UF__COUNT
};

struct anv {
	struct form_field	 fields[UF__COUNT];
	struct rsearch		 rs;
	struct msg_user_search	 req;
	char			 pat[UF__COUNT][SUS_PATTERN_MAX + 1];
	int			 stale;		/* a detail changed a row */
};

static const struct rlist_col anv_cols[] = {
	{ "Efternamn", 9, 20, 0 },
	{ "Förnamn", 7, 15, 0 },
	{ "Arbetsgivare", 8, 40, 0 },
	{ "Roller", 7, 14, 0 },
	{ "Aktiv", 5, 5, 0 },
	{ "Best.t.o.m", 10, 10, 0 },
};

/* The cells of one user row. */
static void
anv_values(const void *row, const char **v, char (*buf)[RLIST_CELL])
{
	const struct user_row	*u = row;

	v[0] = u->efternamn;
	v[1] = u->fornamn;
	v[2] = u->arbetsgivare;
	role_codes(u->roles, buf[3], RLIST_CELL);
	v[3] = buf[3];
	v[4] = u->aktiv ? "Ja" : "Nej";
	v[5] = u->bestallare_tom != NULL && *u->bestallare_tom != '\0' ?
	    u->bestallare_tom : "–";
}

/* The detail of one user: facts, role check boxes and actions. */
enum {
	AD_NAMN,
	AD_USER,
	AD_EPOST,
	AD_ORG,
	AD_AKTIV,
	AD_BEST,
	AD_ROLE,		/* first of the role boxes */
	AD__COUNT = AD_ROLE + 5
};

struct anv_detail {
	struct user_row		 u;
	struct mfield		 f[AD__COUNT];
	struct mform		 form;
	char			 namn[256];
	char			 aktiv[64];
	char			 best[64];
	int			*stale;
};

/* Writes the text fields from the copy of the row. */
static void
anv_detail_texts(struct anv_detail *ad)
{
	snprintf(ad->namn, sizeof ad->namn, "%s %s", ad->u.fornamn,
	    ad->u.efternamn);
	snprintf(ad->aktiv, sizeof ad->aktiv, "%s", ad->u.aktiv ? "Ja" :
	    "Nej (kan inte logga in)");
	if (*ad->u.bestallare_tom != '\0')
		snprintf(ad->best, sizeof ad->best, "Ja, t.o.m. %s",
		    ad->u.bestallare_tom);
	else
		snprintf(ad->best, sizeof ad->best, "Nej");
}

/* SUSrapport comes with every other role, so its box follows them. */
static void
anv_detail_rapport(struct anv_detail *ad)
{
	struct mfield	*rap = NULL;
	size_t		 i;
	int		 other = 0;

	for (i = 0; i < role_ntable; i++) {
		if (role_table[i].bit == ROLE_SUSRAPPORT)
			rap = &ad->f[AD_ROLE + i];
		else if (ad->f[AD_ROLE + i].value)
			other = 1;
	}
	if (rap == NULL)
		return;
	rap->locked = other;
	if (other)
		rap->value = 1;
}

/* The role set the boxes say. */
static uint32_t
anv_detail_roles(const struct anv_detail *ad)
{
	uint32_t	roles = 0;
	size_t		i;

	for (i = 0; i < role_ntable; i++) {
		if (ad->f[AD_ROLE + i].value)
			roles |= role_table[i].bit;
	}
	return roles;
}

/* Saves the checked roles (MSG_ROLE_SET). */
static void
anv_detail_save(struct screen *s)
{
	struct anv_detail	*ad = s->data;
	struct msg_role_set	 req;
	struct msg_ok		 ok;

	memset(&ok, 0, sizeof ok);
	req.user_id = ad->u.id;
	req.roles = anv_detail_roles(ad);
	if (ui_call(s->ui, MSG_ROLE_SET, &req, MSG_OK, &ok) != 0)
		return;
	ad->u.roles = req.roles;
	*ad->stale = 1;
	ui_message(s->ui, 0, "%s", ok.message != NULL && *ok.message != '\0' ?
	    ok.message : "Rollerna är sparade.");
	msg_clear(MSG_OK, &ok);
}

/* Activates or deactivates the account after asking (MSG_USER_ACTIVE). */
static void
anv_detail_active(struct screen *s)
{
	struct anv_detail	*ad = s->data;
	struct msg_user_active	 req;
	struct msg_ok		 ok;
	const char		*text[4];
	char			 q[320];

	snprintf(q, sizeof q, "%s %s (%s)?", ad->u.aktiv ? "Inaktivera" :
	    "Aktivera", ad->namn, ad->u.username);
	text[0] = q;
	text[1] = ad->u.aktiv ? "Kontot kan då inte logga in, och en öppen "
	    "session avslutas." : "Kontot kan då logga in igen.";
	text[2] = "";
	text[3] = "Fortsätta? (j/n)";
	if (!ui_ask(s->ui, ad->u.aktiv ? "Inaktivera användare" :
	    "Aktivera användare", text, 4))
		return;
	memset(&ok, 0, sizeof ok);
	req.user_id = ad->u.id;
	req.aktiv = !ad->u.aktiv;
	if (ui_call(s->ui, MSG_USER_ACTIVE, &req, MSG_OK, &ok) != 0)
		return;
	ad->u.aktiv = req.aktiv;
	anv_detail_texts(ad);
	*ad->stale = 1;
	ui_message(s->ui, 0, "%s", ok.message != NULL && *ok.message != '\0' ?
	    ok.message : ad->u.aktiv ? "Användaren är aktiverad." :
	    "Användaren är inaktiverad.");
	msg_clear(MSG_OK, &ok);
}

/* Saves a beställare registration for the user under the screen. */
static int
anv_best_save(struct screen *s, const char *from, const char *tom)
{
	struct datepair			*dp = s->data;
	struct anv_detail		*ad = dp->ctx;
	struct msg_bestallare_save	 req;
	struct msg_ok			 ok;
	struct ui			*ui = s->ui;
	char				 msg[SUS_MESSAGE_MAX];

	memset(&ok, 0, sizeof ok);
	req.user_id = dp->id;
	req.giltig_from = (char *)from;
	req.giltig_tom = (char *)tom;
	if (ui_call(ui, MSG_BESTALLARE_SAVE, &req, MSG_OK, &ok) != 0)
		return -1;
	free(ad->u.bestallare_tom);
	ad->u.bestallare_tom = xstrdup(tom);
	anv_detail_texts(ad);
	*ad->stale = 1;
	snprintf(msg, sizeof msg, "%s", ok.message != NULL &&
	    *ok.message != '\0' ? ok.message : "Beställaren är registrerad.");
	msg_clear(MSG_OK, &ok);
	ui_pop(ui);
	ui_message(ui, 0, "%s", msg);
	return 0;
}

static const struct screen_type scr_bestallare_type = {
	.title = "Registrera beställare",
	.draw = datepair_draw,
	.key = datepair_key,
	.free = datepair_free,
	.cursor = datepair_cursor,
};

/* Opens blankett 9463 for the user: today and two years less a day. */
static void
anv_detail_bestallare(struct screen *s)
{
	struct anv_detail	*ad = s->data;
	struct datepair		*dp;
	char			 from[16], tom[16];

	dp = xcalloc(1, sizeof *dp);
	snprintf(dp->info[0], sizeof dp->info[0], "Registrera beställare "
	    "(blankett 9463)");
	snprintf(dp->info[1], sizeof dp->info[1], "Namn: %s", ad->namn);
	snprintf(dp->info[2], sizeof dp->info[2], "Organisation: %s",
	    ad->u.arbetsgivare);
	dp->help = "En beställare beställer behörigheter för sin "
	    "arbetsgivare, som måste ha en överenskommelse med "
	    "Försäkringskassan. Högst två år åt gången.";
	date_today_plus(0, 0, from, sizeof from);
	date_today_plus(2, -1, tom, sizeof tom);
	datepair_init(dp, "Giltig från", from, "Giltig till", tom);
	dp->save = anv_best_save;
	dp->ctx = ad;
	dp->id = ad->u.id;
	ui_push(s->ui, screen_new(s->ui, &scr_bestallare_type, dp));
}

/* Draws the facts, the role boxes and what the keys do. */
static void
anv_detail_draw(struct screen *s, WINDOW *w)
{
	struct anv_detail	*ad = s->data;
	int			 y;

	y = mform_draw(&ad->form, w, 1, 2, s->cols - 4, 1);
	text_wrap(w, y + 1, 2, "Mellanslag väljer roll, F2 sparar rollerna.",
	    s->cols - 4, 2);
	text_wrap(w, y + 2, 2, ad->u.aktiv ? "i inaktiverar kontot, b "
	    "registrerar som beställare, Esc går tillbaka." : "i aktiverar "
	    "kontot, b registrerar som beställare, Esc går tillbaka.",
	    s->cols - 4, 2);
}

/* Handles the detail's keys: roles, F2, i and b. */
static int
anv_detail_key(struct screen *s, const struct keyev *ev)
{
	struct anv_detail	*ad = s->data;
	struct mfield		*mf = &ad->form.fields[ad->form.focus];
	int			 rv;

	if (ev->action == ACT_SAVE) {
		anv_detail_save(s);
		return 1;
	}
	if (ev->code == 0 && (ev->ch == L'i' || ev->ch == L'I')) {
		anv_detail_active(s);
		return 1;
	}
	if (ev->code == 0 && (ev->ch == L'b' || ev->ch == L'B')) {
		anv_detail_bestallare(s);
		return 1;
	}
	if (keys_is_enter(ev) && mf->kind == MF_CHECK && !mf->locked) {
		mf->value = !mf->value;
		anv_detail_rapport(ad);
		return 1;
	}
	rv = mform_key(&ad->form, ev);
	anv_detail_rapport(ad);
	return rv != 0;
}

/* Frees the copied row. */
static void
anv_detail_free(struct screen *s)
{
	struct anv_detail	*ad = s->data;
	struct msg_user_list	 l;

	memset(&l, 0, sizeof l);
	l.nrows = 1;
	l.rows = xcalloc(1, sizeof *l.rows);
	*l.rows = ad->u;
	msg_clear(MSG_USER_LIST, &l);
	free(ad);
}

static const struct screen_type scr_anv_detail_type = {
	.title = "Användare",
	.draw = anv_detail_draw,
	.key = anv_detail_key,
	.free = anv_detail_free,
};

/* Creates the detail view of a copy of a user row. */
static struct screen *
anv_detail_new(struct ui *ui, const struct user_row *u, int *stale)
{
	static const struct {
		const char	*label;
		size_t		 off;	/* where the text is in anv_detail */
	} texts[] = {
		{ "Namn", offsetof(struct anv_detail, namn) },
		{ "Användarnamn", 0 },
		{ "E-post", 0 },
		{ "Arbetsgivare", 0 },
		{ "Aktiv", offsetof(struct anv_detail, aktiv) },
		{ "Beställare", offsetof(struct anv_detail, best) },
	};
	struct anv_detail	*ad;
	size_t			 i;

	ad = xcalloc(1, sizeof *ad);
	ad->u = *u;
	ad->u.username = admin_dup(u->username);
	ad->u.fornamn = admin_dup(u->fornamn);
	ad->u.efternamn = admin_dup(u->efternamn);
	ad->u.epost = admin_dup(u->epost);
	ad->u.arbetsgivare = admin_dup(u->arbetsgivare);
	ad->u.bestallare_tom = admin_dup(u->bestallare_tom);
	ad->stale = stale;
	anv_detail_texts(ad);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		ad->f[i].kind = MF_TEXT;
		ad->f[i].label = texts[i].label;
		if (texts[i].off != 0)
			ad->f[i].text = (const char *)ad + texts[i].off;
	}
	ad->f[AD_USER].text = ad->u.username;
	ad->f[AD_EPOST].text = ad->u.epost;
	ad->f[AD_ORG].text = ad->u.arbetsgivare;
	ad->f[AD_BEST].hint = " ";
	for (i = 0; i < role_ntable; i++) {
		ad->f[AD_ROLE + i].kind = MF_CHECK;
		ad->f[AD_ROLE + i].label = i == 0 ? "Roller" : "";
		ad->f[AD_ROLE + i].text = role_table[i].name;
		ad->f[AD_ROLE + i].value = (u->roles & role_table[i].bit) != 0;
		if (role_table[i].bit == ROLE_SUSRAPPORT)
			ad->f[AD_ROLE + i].hint = "Ingår med varje annan roll.";
	}
	mform_init(&ad->form, ad->f, AD__COUNT);
	anv_detail_rapport(ad);
	return screen_new(ui, &scr_anv_detail_type, ad);
}

/* Searches with the three name fields. */
static void
anv_search(struct screen *s)
{
	struct anv	*a = s->data;
	size_t		 i;

	for (i = 0; i < UF__COUNT; i++)
		admin_get(&a->fields[i], a->pat[i], sizeof a->pat[i]);
	memset(&a->req, 0, sizeof a->req);
	a->req.fornamn = a->pat[UF_FORNAMN];
	a->req.efternamn = a->pat[UF_EFTERNAMN];
	a->req.arbetsgivare = a->pat[UF_ARBETSGIVARE];
	(void)rsearch_run(&a->rs, s->ui, "Inga användare matchar. Prova en "
	    "kortare början med * efter, t.ex. Ka*.");
}

/* Routes keys to the fields or the list. */
static int
anv_key(struct screen *s, const struct keyev *ev)
{
	struct anv	*a = s->data;
	struct user_row	*u;

	switch (rsearch_key(&a->rs, s->ui, ev)) {
	case RSEARCH_RUN:
		anv_search(s);
		return 1;
	case RSEARCH_OPEN:
		if ((u = rlist_current(&a->rs.list)) != NULL)
			ui_push(s->ui, anv_detail_new(s->ui, u, &a->stale));
		return 1;
	case 0:
		return 0;
	}
	return 1;
}

/* Lists everyone at first; after a change below, reads the rows again. */
static void
anv_enter(struct screen *s)
{
	struct anv	*a = s->data;

	if (!remote_connected(s->ui->remote))
		return;
	if (!a->rs.list.searched) {
		/* Everyone at first; the fields keep the focus to narrow. */
		anv_search(s);
		a->rs.in_list = 0;
	}
	else if (a->stale) {
		a->stale = 0;
		(void)rlist_refresh(&a->rs.list, s->ui);
	} else
		rlist_fill(&a->rs.list, s->ui);
}

/* Fits the list, leaving a row for the role legend. */
static void
anv_layout(struct screen *s, int lines, int cols)
{
	struct anv	*a = s->data;

	rsearch_layout(&a->rs, lines, 2);
}

/* Draws the fields, the list and the legend. */
static void
anv_draw(struct screen *s, WINDOW *w)
{
	struct anv	*a = s->data;

	rsearch_draw(&a->rs, w, s->cols, "Skriv namn och tryck Enter.");
	wattron(w, A_DIM);
	text_wrap(w, s->lines - 2, 1, "SU superadm., SA samverkansadm., IA "
	    "insatsansv., DA deltagaransv., RA SUSrapport", s->cols - 2, 2);
	wattroff(w, A_DIM);
}

/* Puts the cursor in the focused field. */
static int
anv_cursor(struct screen *s, int *y, int *x)
{
	struct anv	*a = s->data;

	return rsearch_cursor(&a->rs, s->cols, y, x);
}

/* Frees the list and the screen. */
static void
anv_free(struct screen *s)
{
	struct anv	*a = s->data;

	rlist_free(&a->rs.list);
	free(a);
}

static const struct screen_type scr_anvandare_type = {
	.title = "Användare",
	.enter = anv_enter,
	.layout = anv_layout,
	.draw = anv_draw,
	.key = anv_key,
	.free = anv_free,
	.cursor = anv_cursor,
};

/* Creates Administration → Användare. */
struct screen *
scr_anvandare_new(struct ui *ui)
{
	static const char *const labels[UF__COUNT] = { "Förnamn", "Efternamn",
	    "Arbetsgivare" };
	struct anv	*a;
	size_t		 i;

	a = xcalloc(1, sizeof *a);
	for (i = 0; i < UF__COUNT; i++) {
		a->fields[i].label = labels[i];
		entry_init(&a->fields[i].entry, SUS_PATTERN_MAX, 0);
		entry_limit_bytes(&a->fields[i].entry, SUS_PATTERN_MAX);
	}
	a->fields[UF__COUNT - 1].hint = "* är jokertecken, t.ex. Ka*";
	rsearch_init(&a->rs, a->fields, UF__COUNT, &rlist_users, &a->req,
	    anv_cols, sizeof anv_cols / sizeof anv_cols[0], anv_values);
	return screen_new(ui, &scr_anvandare_type, a);
}

/* ---- Överenskommelser ---- */

struct avtal {
	struct form_field	 fields[1];
	struct rsearch		 rs;
	struct msg_org_search	 req;
	char			 pat[SUS_PATTERN_MAX + 1];
	int			 stale;
};

static const struct rlist_col avtal_cols[] = {
	{ "Organisation", 20, 50, 0 },
	{ "Typ", 10, 20, 1 },
	{ "Undertecknad", 12, 12, 0 },
	{ "Upphör", 10, 10, 0 },
};

/* The cells of one organisation row. */
static void
avtal_values(const void *row, const char **v, char (*buf)[RLIST_CELL])
{
	const struct org_row	*o = row;

	v[0] = o->namn;
	v[1] = o->organisationstyp;
	v[2] = *o->undertecknad != '\0' ? o->undertecknad : "–";
	v[3] = *o->upphor != '\0' ? o->upphor : "–";
}

/* Saves the agreement of the organisation under the screen. */
static int
avtal_save(struct screen *s, const char *from, const char *tom)
{
	struct datepair			*dp = s->data;
	struct msg_agreement_save	 req;
	struct msg_ok			 ok;
	struct ui			*ui = s->ui;
	char				 msg[SUS_MESSAGE_MAX];

	memset(&ok, 0, sizeof ok);
	req.organisation_id = dp->id;
	req.undertecknad = (char *)from;
	req.upphor = (char *)tom;
	if (ui_call(ui, MSG_AGREEMENT_SAVE, &req, MSG_OK, &ok) != 0)
		return -1;
	*(int *)dp->ctx = 1;
	snprintf(msg, sizeof msg, "%s", ok.message != NULL &&
	    *ok.message != '\0' ? ok.message : "Överenskommelsen är sparad.");
	msg_clear(MSG_OK, &ok);
	ui_pop(ui);
	ui_message(ui, 0, "%s", msg);
	return 0;
}

static const struct screen_type scr_avtal_edit_type = {
	.title = "Överenskommelse",
	.draw = datepair_draw,
	.key = datepair_key,
	.free = datepair_free,
	.cursor = datepair_cursor,
};

/* Opens the agreement of an organisation for editing. */
static void
avtal_open(struct screen *s, const struct org_row *o)
{
	struct avtal	*av = s->data;
	struct datepair	*dp;
	char		 today[16];

	dp = xcalloc(1, sizeof *dp);
	snprintf(dp->info[0], sizeof dp->info[0], "Överenskommelse med "
	    "Försäkringskassan");
	snprintf(dp->info[1], sizeof dp->info[1], "Organisation: %s",
	    o->namn);
	snprintf(dp->info[2], sizeof dp->info[2], "Typ: %s",
	    o->organisationstyp);
	dp->help = "Överenskommelsen gäller tills vidare; fyll i Upphör "
	    "först när den sägs upp. Utan giltig överenskommelse kan "
	    "organisationen inte ha beställare.";
	date_today_plus(0, 0, today, sizeof today);
	datepair_init(dp, "Undertecknad", *o->undertecknad != '\0' ?
	    o->undertecknad : today, "Upphör", o->upphor);
	dp->second_optional = 1;
	dp->save = avtal_save;
	dp->ctx = &av->stale;
	dp->id = o->id;
	ui_push(s->ui, screen_new(s->ui, &scr_avtal_edit_type, dp));
}

/* Searches organisations by name. */
static void
avtal_search(struct screen *s)
{
	struct avtal	*av = s->data;

	admin_get(&av->fields[0], av->pat, sizeof av->pat);
	memset(&av->req, 0, sizeof av->req);
	av->req.pattern = av->pat;
	(void)rsearch_run(&av->rs, s->ui, "Inga organisationer matchar. "
	    "Prova en kortare början med * efter, t.ex. Göteborg*.");
}

/* Routes keys to the field or the list. */
static int
avtal_key(struct screen *s, const struct keyev *ev)
{
	struct avtal	*av = s->data;
	struct org_row	*o;

	switch (rsearch_key(&av->rs, s->ui, ev)) {
	case RSEARCH_RUN:
		avtal_search(s);
		return 1;
	case RSEARCH_OPEN:
		if ((o = rlist_current(&av->rs.list)) != NULL)
			avtal_open(s, o);
		return 1;
	case 0:
		return 0;
	}
	return 1;
}

/* Lists every organisation at first; reads again after a change. */
static void
avtal_enter(struct screen *s)
{
	struct avtal	*av = s->data;

	if (!remote_connected(s->ui->remote))
		return;
	if (!av->rs.list.searched) {
		/* Everyone at first; the fields keep the focus to narrow. */
		avtal_search(s);
		av->rs.in_list = 0;
	}
	else if (av->stale) {
		av->stale = 0;
		(void)rlist_refresh(&av->rs.list, s->ui);
	} else
		rlist_fill(&av->rs.list, s->ui);
}

/* Fits the list to the screen. */
static void
avtal_layout(struct screen *s, int lines, int cols)
{
	struct avtal	*av = s->data;

	rsearch_layout(&av->rs, lines, 0);
}

/* Draws the field and the list. */
static void
avtal_draw(struct screen *s, WINDOW *w)
{
	struct avtal	*av = s->data;

	rsearch_draw(&av->rs, w, s->cols, "Skriv ett namn och tryck Enter.");
}

/* Puts the cursor in the name field. */
static int
avtal_cursor(struct screen *s, int *y, int *x)
{
	struct avtal	*av = s->data;

	return rsearch_cursor(&av->rs, s->cols, y, x);
}

/* Frees the list and the screen. */
static void
avtal_free(struct screen *s)
{
	struct avtal	*av = s->data;

	rlist_free(&av->rs.list);
	free(av);
}

static const struct screen_type scr_agreement_type = {
	.title = "Överenskommelser",
	.enter = avtal_enter,
	.layout = avtal_layout,
	.draw = avtal_draw,
	.key = avtal_key,
	.free = avtal_free,
	.cursor = avtal_cursor,
};

/* Creates Administration → Överenskommelser. */
struct screen *
scr_agreement_new(struct ui *ui)
{
	struct avtal	*av;

	av = xcalloc(1, sizeof *av);
	av->fields[0].label = "Organisation";
	av->fields[0].hint = "* är jokertecken, t.ex. Göteborg*";
	entry_init(&av->fields[0].entry, SUS_PATTERN_MAX, 0);
	entry_limit_bytes(&av->fields[0].entry, SUS_PATTERN_MAX);
	rsearch_init(&av->rs, av->fields, 1, &rlist_orgs, &av->req,
	    avtal_cols, sizeof avtal_cols / sizeof avtal_cols[0],
	    avtal_values);
	return screen_new(ui, &scr_agreement_type, av);
}
