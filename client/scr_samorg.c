/*
 * Sök samverkansorg: a name field with '*' as wildcard over a result list
 * that fetches further pages as the cursor passes the rows loaded. F4
 * shows more criteria (samverkansform, län, kommun, active or ended), as
 * report screens do with "Visa fler urval"; they apply while hidden too,
 * and the screen says which are set. Enter on a row opens the read-only
 * view of that organisation.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* Codes held for a choice: the lists have 4 forms and 21 län. */
#define SAMORG_CHOICES	48

/* The criteria shown with F4. */
enum samorg_filter {
	SF_FORM,
	SF_LAN,
	SF_KOMMUN,
	SF_STATUS,
	SF__COUNT
};

enum samorg_zone {
	SZ_NAMN,
	SZ_FILTER,
	SZ_LIST
};

/* A choice's names, and the code each one stands for. */
struct samorg_choice {
	const char	*names[SAMORG_CHOICES + 1];
	uint32_t	 ids[SAMORG_CHOICES + 1];
	char		 codes[SAMORG_CHOICES + 1][3];
	size_t		 n;
};

/* The criteria of the list shown, which its further pages use. */
struct samorg_crit {
	char		 pattern[ENTRY_MAX * 4 + 1];
	char		 lanskod[3];
	char		 kommunkod[5];
	uint32_t	 form_id;
	uint8_t		 status;
	char		 urval[256];	/* the criteria in words */
};

struct samorg {
	struct form_field	 fields[1];
	struct form		 form;
	struct mfield		 f[SF__COUNT];
	struct mform		 filters;
	int			 show_filters;
	int			 choices_loaded;
	enum samorg_zone	 zone;
	struct samorg_choice	 forms, lans;
	struct samorg_crit	 crit;
	struct msg_samorg_search req;	/* points into crit */
	struct rlist		 list;
};

static void	samorg_layout_list(struct screen *);

static const char *const samorg_status_names[] = {
	[SAMORG_ALL] = "Alla",
	[SAMORG_ACTIVE] = "Aktiva",
	[SAMORG_ENDED] = "Avslutade",
};

static const struct rlist_kind rlist_samorg = {
	MSG_SAMORG_SEARCH, MSG_SAMORG_LIST, sizeof(struct msg_samorg_list),
	sizeof(struct samorg_row), offsetof(struct msg_samorg_list, total),
	offsetof(struct msg_samorg_list, nrows),
	offsetof(struct msg_samorg_list, rows),
	offsetof(struct msg_samorg_search, offset),
	offsetof(struct msg_samorg_search, limit),
};

/*
 * Names come first: up to 50 characters, and never narrower than 36, so
 * that "Samordningsförbundet Östra Skaraborg" rows can be told apart.
 */
static const struct rlist_col samorg_cols[] = {
	{ "Namn", 36, 50, 0 },
	{ "Samverkansform", 15, 22, 3 },
	{ "Startdatum", 10, 10, 0 },
	{ "Slutdatum", 10, 10, 2 },
	{ "Kommuner", 8, 1000, 1 },
};

/* One row's cells. */
static void
samorg_values(const void *row, const char **v, char (*buf)[RLIST_CELL])
{
	const struct samorg_row	*r = row;

	v[0] = r->namn;
	v[1] = r->samverkansform;
	v[2] = r->startdatum;
	v[3] = r->slutdatum;
	v[4] = r->kommuner;
}

/* Fills the samverkansform choice: "Alla", then the code list. */
static void
samorg_forms_load(struct ui *ui, struct samorg_choice *c)
{
	const struct kod_row	*k[SAMORG_CHOICES];
	size_t			 i, n;

	c->names[0] = "Alla";
	c->ids[0] = 0;
	n = kod_codes(ui, "samverkansform", 0, 0, k, SAMORG_CHOICES);
	for (i = 0; i < n; i++) {
		c->names[i + 1] = k[i]->namn;
		c->ids[i + 1] = k[i]->id;
	}
	c->n = n + 1;
}

/* F4: shows or hides the criteria, fetching the code lists once. */
static void
samorg_toggle_filters(struct screen *s)
{
	struct samorg	*so = s->data;

	if (!so->choices_loaded && kod_lists(s->ui) != NULL) {
		samorg_forms_load(s->ui, &so->forms);
		so->lans.n = lan_choices(s->ui, so->lans.names,
		    so->lans.codes, SAMORG_CHOICES + 1);
		so->f[SF_FORM].choices = so->forms.names;
		so->f[SF_FORM].nchoices = so->forms.n;
		so->f[SF_LAN].choices = so->lans.names;
		so->f[SF_LAN].nchoices = so->lans.n;
		so->choices_loaded = 1;
	}
	so->show_filters = !so->show_filters;
	if (so->show_filters) {
		so->zone = SZ_FILTER;
		mform_focus(&so->filters, 0);
	} else if (so->zone == SZ_FILTER)
		so->zone = SZ_NAMN;
	samorg_layout_list(s);
}

/* Reports whether two names are the same but for case (Ö and ö too). */
static int
samorg_same_name(const char *a, const char *b)
{
	return text_width(a) == text_width(b) && text_contains(a, b);
}

/*
 * Finds the kommun the Kommun field names, in the chosen län: the one
 * whose name it is, or the only one matching. 0 with code and shown set;
 * otherwise the message line says why.
 */
static int
samorg_kommun(struct screen *s, const char *name, const char *lanskod,
    char *code, char *shown, size_t len)
{
	struct msg_kommun_search req;
	struct msg_kommun_list	 rep;
	struct kommun_row	*r, *first = NULL, *exact = NULL, *pick;
	char			 names[160] = "";
	size_t			 i, n = 0;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.lanskod = (char *)lanskod;
	req.pattern = (char *)name;
	req.limit = LIST_PAGE_ROWS;
	if (ui_call(s->ui, MSG_KOMMUN_SEARCH, &req, MSG_KOMMUN_LIST,
	    &rep) != 0)
		return -1;
	for (i = 0; i < rep.nrows; i++) {
		r = &rep.rows[i];
		if (r->stadsdel_id != 0)
			continue;
		if (n++ < 4) {
			if (names[0] != '\0')
				strlcat(names, ", ", sizeof names);
			strlcat(names, r->kommun, sizeof names);
		}
		if (first == NULL)
			first = r;
		if (samorg_same_name(r->kommun, name))
			exact = r;
	}
	pick = exact != NULL ? exact : n == 1 ? first : NULL;
	if (pick != NULL) {
		strlcpy(code, pick->kommunkod, 5);
		strlcpy(shown, pick->kommun, len);
	} else if (n == 0)
		ui_message(s->ui, 1, "Ingen kommun heter \"%s\"%s. Prova med * "
		    "efter, t.ex. Göte*.", name, lanskod[0] != '\0' ?
		    " i det länet" : "");
	else
		ui_message(s->ui, 1, "%zu kommuner matchar \"%s\": %s%s. "
		    "Skriv mer av namnet.", n, name, names, n > 4 ? " …" : "");
	msg_clear(MSG_KOMMUN_LIST, &rep);
	return pick != NULL ? 0 : -1;
}

/* Says the criteria of a search in words, for the count line. */
static void
samorg_urval_text(struct samorg *so, const char *kommun, char *out,
    size_t len)
{
	out[0] = '\0';
	if (so->f[SF_FORM].value > 0)
		strlcat(out, so->forms.names[so->f[SF_FORM].value], len);
	if (so->f[SF_LAN].value > 0) {
		if (out[0] != '\0')
			strlcat(out, ", ", len);
		strlcat(out, so->lans.names[so->f[SF_LAN].value], len);
	}
	if (kommun[0] != '\0') {
		if (out[0] != '\0')
			strlcat(out, ", ", len);
		strlcat(out, kommun, len);
	}
	if (so->f[SF_STATUS].value > 0) {
		if (out[0] != '\0')
			strlcat(out, ", ", len);
		strlcat(out, so->f[SF_STATUS].value == SAMORG_ACTIVE ?
		    "aktiva" : "avslutade", len);
	}
}

/*
 * Reads the criteria of the fields into crit. The Kommun field is looked
 * up and written back as the kommun's own name. 0 when they are usable.
 */
static int
samorg_criteria(struct screen *s, struct samorg_crit *c)
{
	struct samorg	*so = s->data;
	struct entry	*ke = &so->f[SF_KOMMUN].entry;
	char		 name[ENTRY_MAX * 4 + 1], kommun[SUS_NAME_MAX + 1];

	memset(c, 0, sizeof *c);
	if (entry_get(&so->fields[0].entry, c->pattern,
	    sizeof c->pattern) != 0) {
		ui_message(s->ui, 1, "Namnet är för långt. Korta det och "
		    "sök igen.");
		return -1;
	}
	kommun[0] = '\0';
	if (so->choices_loaded) {
		strlcpy(c->lanskod, so->lans.codes[so->f[SF_LAN].value],
		    sizeof c->lanskod);
		c->form_id = so->forms.ids[so->f[SF_FORM].value];
	}
	c->status = (uint8_t)so->f[SF_STATUS].value;
	if (entry_get(ke, name, sizeof name) == 0 && name[0] != '\0' &&
	    samorg_kommun(s, name, c->lanskod, c->kommunkod, kommun,
	    sizeof kommun) != 0) {
		so->show_filters = 1;
		so->zone = SZ_FILTER;
		mform_focus(&so->filters, SF_KOMMUN);
		samorg_layout_list(s);
		return -1;
	}
	if (kommun[0] != '\0')
		entry_set(ke, kommun);
	samorg_urval_text(so, kommun, c->urval, sizeof c->urval);
	return 0;
}

/* Points the request at the criteria. */
static void
samorg_req_set(struct samorg *so)
{
	so->req.pattern = so->crit.pattern;
	so->req.samverkansform_id = so->crit.form_id;
	so->req.lanskod = so->crit.lanskod;
	so->req.kommunkod = so->crit.kommunkod;
	so->req.status = so->crit.status;
}

/* Starts a new search with the fields' criteria. */
static void
samorg_search(struct screen *s)
{
	struct samorg		*so = s->data;
	struct samorg_crit	 keep = so->crit;

	if (samorg_criteria(s, &so->crit) != 0) {
		so->crit = keep;
		return;
	}
	samorg_req_set(so);
	if (rlist_search(&so->list, s->ui) != 0) {
		/* The list shown keeps its own criteria for its next pages. */
		so->crit = keep;
		samorg_req_set(so);
		return;
	}
	if (so->list.vl.total == 0) {
		ui_message(s->ui, 0, "Inga samverkansorganisationer matchar. "
		    "Prova en kortare början med * efter, t.ex. Samord*%s.",
		    so->crit.urval[0] != '\0' ? ", eller färre urval (F4)" :
		    "");
		return;
	}
	ui_message(s->ui, 0, "%zu %s.", so->list.vl.total,
	    so->list.vl.total == 1 ? "träff" : "träffar");
	so->zone = SZ_LIST;
}

/* The row of the list's column titles. */
static int
samorg_list_y(const struct samorg *so)
{
	return so->show_filters ? 4 + SF__COUNT + 1 : 5;
}

/* Fits the list under the fields. */
static void
samorg_layout_list(struct screen *s)
{
	struct samorg	*so = s->data;

	rlist_resize(&so->list, s->lines - samorg_list_y(so));
	rlist_fill(&so->list, s->ui);
}

/* Keys while the list has focus. */
static int
samorg_list_key(struct screen *s, const struct keyev *ev)
{
	struct samorg		*so = s->data;
	struct samorg_row	*r;

	if (ev->action == ACT_NEXT) {
		so->zone = SZ_NAMN;
		return 1;
	}
	if (ev->action == ACT_PREV || (ev->code == KEY_UP &&
	    so->list.vl.cursor == 0)) {
		so->zone = so->show_filters ? SZ_FILTER : SZ_NAMN;
		if (so->show_filters)
			mform_focus(&so->filters, SF__COUNT - 1);
		return 1;
	}
	if (keys_is_enter(ev)) {
		if ((r = rlist_current(&so->list)) != NULL)
			ui_push(s->ui, scr_samorg_view_new(s->ui, r->id));
		return 1;
	}
	return rlist_key(&so->list, s->ui, ev);
}

/* Keys in the criteria: the edges lead to the name and the list. */
static int
samorg_filter_key(struct screen *s, const struct keyev *ev)
{
	struct samorg	*so = s->data;
	char		 text[160];
	int		 rv;

	if (keys_is_enter(ev)) {
		samorg_search(s);
		return 1;
	}
	if ((ev->action == ACT_NEXT || ev->code == KEY_DOWN) &&
	    so->filters.focus + 1 == SF__COUNT) {
		so->zone = so->list.vl.total > 0 ? SZ_LIST : SZ_NAMN;
		return 1;
	}
	if ((ev->action == ACT_PREV || ev->code == KEY_UP) &&
	    so->filters.focus == 0) {
		so->zone = SZ_NAMN;
		return 1;
	}
	if ((rv = mform_key(&so->filters, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(&so->filters, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	return rv != 0;
}

/* Keys in the name field. */
static int
samorg_namn_key(struct screen *s, const struct keyev *ev)
{
	struct samorg		*so = s->data;
	struct form_field	*ff = &so->fields[0];
	char			 text[160];
	int			 rv;

	if (keys_is_enter(ev)) {
		samorg_search(s);
		return 1;
	}
	if (ev->action == ACT_NEXT || ev->code == KEY_DOWN) {
		if (so->show_filters) {
			so->zone = SZ_FILTER;
			mform_focus(&so->filters, 0);
		} else if (so->list.vl.total > 0)
			so->zone = SZ_LIST;
		return 1;
	}
	if (ev->action == ACT_PREV || ev->code == KEY_UP)
		return 1;
	if ((rv = form_key(&so->form, ev)) == ENTRY_KEY_FULL) {
		entry_full_text(&ff->entry, ff->label, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	return rv != 0;
}

/* Routes keys: F3 searches, F4 shows the criteria, the rest by zone. */
static int
samorg_key(struct screen *s, const struct keyev *ev)
{
	struct samorg	*so = s->data;

	if (ev->action == ACT_SEARCH) {
		samorg_search(s);
		return 1;
	}
	if (ev->code == KEY_F(4)) {
		samorg_toggle_filters(s);
		return 1;
	}
	if (so->zone == SZ_LIST && so->list.vl.total > 0)
		return samorg_list_key(s, ev);
	if (so->zone == SZ_FILTER && so->show_filters)
		return samorg_filter_key(s, ev);
	so->zone = SZ_NAMN;
	return samorg_namn_key(s, ev);
}

/* The line under the name: the criteria set, or how to set them. */
static void
samorg_draw_urval(struct screen *s, WINDOW *w)
{
	struct samorg	*so = s->data;
	char		 now[256], line[300];
	char		 kommun[ENTRY_MAX * 4 + 1];

	if (entry_get(&so->f[SF_KOMMUN].entry, kommun, sizeof kommun) != 0)
		kommun[0] = '\0';
	samorg_urval_text(so, kommun, now, sizeof now);
	if (now[0] == '\0') {
		wattron(w, A_DIM);
		text_put(w, 3, 1, "F4 Fler urval: samverkansform, län, "
		    "kommun, status", s->cols - 2);
		wattroff(w, A_DIM);
		return;
	}
	snprintf(line, sizeof line, "Urval: %s (F4 ändrar)", now);
	text_put(w, 3, 1, line, s->cols - 2);
}

/* Draws the count line: how many, which row, for what. */
static void
samorg_draw_count(struct screen *s, WINDOW *w, int y)
{
	struct samorg		*so = s->data;
	const struct samorg_crit *c = &so->crit;
	char			 line[sizeof c->pattern + sizeof c->urval + 96];
	size_t			 total = so->list.vl.total;

	if (total == 0)
		snprintf(line, sizeof line, "Inga träffar för \"%s\"%s%s%s.",
		    c->pattern, c->urval[0] != '\0' ? " (" : "",
		    c->urval, c->urval[0] != '\0' ? ")" : "");
	else if (c->pattern[0] == '\0')
		snprintf(line, sizeof line, "Träffar: %zu (rad %zu), %s",
		    total, so->list.vl.cursor + 1, c->urval[0] != '\0' ?
		    c->urval : "alla samverkansorganisationer");
	else
		snprintf(line, sizeof line, "Träffar: %zu (rad %zu) för "
		    "\"%s\"%s%s", total, so->list.vl.cursor + 1, c->pattern,
		    c->urval[0] != '\0' ? "; " : "", c->urval);
	text_put(w, y, 1, line, s->cols - 2);
}

/* Draws the fields, the criteria and the visible rows. */
static void
samorg_draw(struct screen *s, WINDOW *w)
{
	struct samorg	*so = s->data;
	int		 ly = samorg_list_y(so);

	form_draw(&so->form, w, 1, 1, s->cols - 2, so->zone == SZ_NAMN);
	if (so->show_filters)
		mform_draw(&so->filters, w, 3, 1, s->cols - 2,
		    so->zone == SZ_FILTER);
	else
		samorg_draw_urval(s, w);
	if (!so->list.searched) {
		text_put(w, ly - 1, 1, "Skriv ett namn och tryck Enter eller "
		    "F3.", s->cols - 2);
		return;
	}
	samorg_draw_count(s, w, ly - 1);
	if (so->list.vl.total > 0)
		rlist_draw(&so->list, w, ly, 1, s->cols - 2,
		    so->zone == SZ_LIST);
}

/* Fits the list to the screen's new height. */
static void
samorg_layout(struct screen *s, int lines, int cols)
{
	struct samorg	*so = s->data;

	rlist_resize(&so->list, lines - samorg_list_y(so));
}

/* Fetches rows a larger window now shows. */
static void
samorg_enter(struct screen *s)
{
	struct samorg	*so = s->data;

	if (so->list.searched && remote_connected(s->ui->remote))
		rlist_fill(&so->list, s->ui);
}

/* Puts the cursor in the name or a criterion while it has focus. */
static int
samorg_cursor(struct screen *s, int *y, int *x)
{
	struct samorg	*so = s->data;

	if (so->zone == SZ_FILTER && so->show_filters)
		return mform_cursor(&so->filters, 3, 1, s->cols - 2, y, x);
	if (so->zone != SZ_NAMN)
		return 0;
	form_cursor(&so->form, 1, 1, s->cols - 2, y, x);
	return 1;
}

/* Frees the screen's data. */
static void
samorg_free(struct screen *s)
{
	struct samorg	*so = s->data;

	rlist_free(&so->list);
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

/* Sets up the criteria shown with F4, all "Alla" at first. */
static void
samorg_filters_init(struct samorg *so)
{
	static const char *const none[] = { "Alla" };
	struct mfield	*f = so->f;

	f[SF_FORM].kind = MF_CHOICE;
	f[SF_FORM].label = "Samverkansform";
	f[SF_FORM].choices = none;
	f[SF_FORM].nchoices = 1;
	f[SF_LAN].kind = MF_CHOICE;
	f[SF_LAN].label = "Län";
	f[SF_LAN].choices = none;
	f[SF_LAN].nchoices = 1;
	f[SF_KOMMUN].kind = MF_ENTRY;
	f[SF_KOMMUN].label = "Kommun";
	/* Kommun names are at most 50 characters; '*' may stand in. */
	entry_init(&f[SF_KOMMUN].entry, 50, 0);
	entry_limit_bytes(&f[SF_KOMMUN].entry, SUS_PATTERN_MAX);
	f[SF_STATUS].kind = MF_CHOICE;
	f[SF_STATUS].label = "Status";
	f[SF_STATUS].choices = samorg_status_names;
	f[SF_STATUS].nchoices = 3;
	mform_init(&so->filters, f, SF__COUNT);
}

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
	samorg_filters_init(so);
	samorg_req_set(so);
	rlist_init(&so->list, &rlist_samorg, &so->req, samorg_cols,
	    sizeof samorg_cols / sizeof samorg_cols[0], samorg_values);
	return screen_new(ui, &scr_samorg_type, so);
}
