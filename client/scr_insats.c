/*
 * Sök insatser (domain.md 5.2): every role searches the insatser by name
 * ('*' as wildcard) and samverkansorganisation; F4 shows more criteria
 * (inriktning, specifik målgrupp, active some day in a period), which
 * apply while hidden too. All fields are one form whose F4 fields hide;
 * the organisation is typed and looked up, like the Kommun of Sök
 * samverkansorg. The result list pages as the cursor moves and marks
 * volyminsatser and insatser not yet categorised; Enter opens the
 * read-only view.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "insats.h"
#include "proto.h"
#include "xmalloc.h"

/* Codes held for a choice: 2 inriktningar, 12 målgrupper, with room. */
#define ISOK_CODES	40
/* Organisations named when a typed name matches several. */
#define ISOK_NAMED	4

enum isok_field {
	IS_NAMN,
	IS_SAMORG,
	IS_INRIKTNING,	/* the first of those F4 shows */
	IS_MALGRUPP,
	IS_FROM,
	IS_TOM,
	IS__COUNT
};

/* A code list as a choice: "Alla" first, with id 0. */
struct isok_codes {
	const char	*names[ISOK_CODES + 1];
	uint32_t	 ids[ISOK_CODES + 1];
};

/* The criteria of the list shown, which its further pages use. */
struct isok_crit {
	char		 pattern[ENTRY_MAX * 4 + 1];
	char		 from[ENTRY_MAX * 4 + 1];
	char		 tom[ENTRY_MAX * 4 + 1];
	uint32_t	 samorg_id;
	uint32_t	 inriktning_id;
	uint32_t	 malgrupp_id;
	char		 urval[320];	/* the criteria in words */
};

struct isok {
	struct mfield		 f[IS__COUNT];
	struct mform		 form;
	int			 more;		/* F4: the criteria shown */
	int			 coded;		/* the choices are filled */
	int			 in_list;
	int			 back;		/* back from a view */
	struct isok_codes	 inriktning, malgrupp;
	uint32_t		 samorg_id;	/* the organisation found */
	char			 samorg[SUS_NAME_MAX * 4 + 1];
	struct isok_crit	 crit;
	struct msg_insats_search req;		/* points into crit */
	struct rlist		 list;
};

static const struct rlist_kind isok_kind = {
	MSG_INSATS_SEARCH, MSG_INSATS_LIST, sizeof(struct msg_insats_list),
	sizeof(struct insats_row), offsetof(struct msg_insats_list, total),
	offsetof(struct msg_insats_list, nrows),
	offsetof(struct msg_insats_list, rows),
	offsetof(struct msg_insats_search, offset),
	offsetof(struct msg_insats_search, limit),
};

/*
 * At 80 columns the list has 51: a mark, the insats, the organisation
 * (without "Samordningsförbundet", which nearly all names begin with)
 * and the two dates. The organisation is left out when one is chosen.
 */
static const struct rlist_col isok_cols[] = {
	{ " ", 1, 1, 0 },
	{ "Insats", 17, 40, 0 },
	{ "Start", 10, 10, 0 },
	{ "Slut", 10, 10, 0 },
	{ "Samv.org", 9, 34, 0 },
};
#define ISOK_COLS	(sizeof isok_cols / sizeof isok_cols[0])

static const char isok_legend[] = "V volyminsats (endast antal)  "
    "? inte kategoriserad";
static const char isok_prefix[] = "Samordningsförbundet ";

/* One row's cells. */
static void
isok_values(const void *row, const char **v, char (*buf)[RLIST_CELL])
{
	const struct insats_row	*r = row;
	size_t			 n = sizeof isok_prefix - 1;

	(void)buf;
	v[0] = r->volym ? "V" : r->kategoriserad ? "" : "?";
	v[1] = r->namn;
	v[2] = r->startdatum;
	v[3] = r->slutdatum;
	v[4] = strncmp(r->samorg, isok_prefix, n) == 0 &&
	    r->samorg[n] != '\0' ? r->samorg + n : r->samorg;
}

/* Fills a choice with "Alla" and the codes of lista. */
static void
isok_codes_fill(struct ui *ui, const char *lista, struct isok_codes *c,
    struct mfield *mf)
{
	const struct kod_row	*k[ISOK_CODES];
	size_t			 i, n;

	n = kod_codes(ui, lista, 0, 0, k, ISOK_CODES);
	c->names[0] = "Alla";
	c->ids[0] = 0;
	for (i = 0; i < n; i++) {
		c->names[i + 1] = k[i]->namn;
		c->ids[i + 1] = k[i]->id;
	}
	mf->choices = c->names;
	mf->nchoices = n + 1;
}

/* Rows the form takes as drawn now. */
static int
isok_form_rows(const struct isok *so)
{
	int	i, n = 0;

	for (i = 0; i < IS__COUNT; i++) {
		if (!so->f[i].hidden)
			n += 1 + (so->f[i].hint != NULL);
	}
	return n;
}

/* The row of the list's column titles: under the form and the count. */
static int
isok_list_y(const struct isok *so)
{
	return 1 + isok_form_rows(so) + (so->more ? 0 : 1) + 1;
}

/* Fits the list between the form and the legend at the bottom. */
static void
isok_fit(struct screen *s)
{
	struct isok	*so = s->data;

	rlist_resize(&so->list, s->lines - isok_list_y(so) - 1);
}

/* Shows or hides the F4 criteria; their values stay either way. */
static void
isok_show_more(struct screen *s, int more, size_t focus)
{
	struct isok	*so = s->data;
	int		 i;

	if (more && !so->coded && kod_lists(s->ui) != NULL) {
		isok_codes_fill(s->ui, "inriktning", &so->inriktning,
		    &so->f[IS_INRIKTNING]);
		isok_codes_fill(s->ui, "malgrupp", &so->malgrupp,
		    &so->f[IS_MALGRUPP]);
		so->coded = 1;
	}
	so->more = more;
	for (i = IS_INRIKTNING; i < IS__COUNT; i++)
		so->f[i].hidden = !more;
	if (more) {
		mform_focus(&so->form, focus);
		so->in_list = 0;
	} else if (so->form.focus >= IS_INRIKTNING)
		mform_focus(&so->form, IS_NAMN);
	isok_fit(s);
	if (remote_connected(s->ui->remote))
		rlist_fill(&so->list, s->ui);
}

/* Puts the focus on a field, showing the criteria when it is one. */
static void
isok_goto(struct screen *s, enum isok_field i)
{
	struct isok	*so = s->data;

	if (i >= IS_INRIKTNING && !so->more)
		isok_show_more(s, 1, i);
	so->in_list = 0;
	mform_focus(&so->form, i);
}

/*
 * Looks up the organisation the field names: the one whose name it is
 * (case aside), or the only one matching. The field then shows its full
 * name. 0 with so->samorg_id set; otherwise the message line says why.
 */
static int
isok_samorg_find(struct screen *s, const char *typed)
{
	struct isok		*so = s->data;
	struct msg_samorg_search req;
	struct msg_samorg_list	 rep;
	const struct samorg_row	*pick = NULL;
	char			 names[200] = "";
	uint32_t		 i;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.pattern = (char *)typed;
	req.limit = LIST_PAGE_ROWS;
	if (ui_call(s->ui, MSG_SAMORG_SEARCH, &req, MSG_SAMORG_LIST,
	    &rep) != 0)
		return -1;
	for (i = 0; i < rep.nrows && pick == NULL; i++) {
		if (text_width(rep.rows[i].namn) == text_width(typed) &&
		    text_contains(rep.rows[i].namn, typed))
			pick = &rep.rows[i];
	}
	if (pick == NULL && rep.total == 1 && rep.nrows == 1)
		pick = &rep.rows[0];
	for (i = 0; pick == NULL && i < rep.nrows && i < ISOK_NAMED; i++) {
		if (i > 0)
			strlcat(names, ", ", sizeof names);
		strlcat(names, rep.rows[i].namn, sizeof names);
	}
	if (pick != NULL) {
		so->samorg_id = pick->id;
		strlcpy(so->samorg, pick->namn, sizeof so->samorg);
		entry_set(&so->f[IS_SAMORG].entry, pick->namn);
	} else if (rep.total == 0)
		ui_message(s->ui, 1, "Ingen samverkansorganisation heter "
		    "\"%s\". Skriv en del av namnet, t.ex. Göteborg.", typed);
	else
		ui_message(s->ui, 1, "%u samverkansorganisationer matchar "
		    "\"%s\": %s%s. Skriv mer av namnet.", rep.total, typed,
		    names, rep.total > ISOK_NAMED ? " …" : "");
	msg_clear(MSG_SAMORG_LIST, &rep);
	return pick != NULL ? 0 : -1;
}

/* Reads the organisation field: "" for all, else looked up once. */
static int
isok_samorg(struct screen *s, struct isok_crit *c)
{
	struct isok	*so = s->data;
	char		 typed[ENTRY_MAX * 4 + 1];

	if (entry_get(&so->f[IS_SAMORG].entry, typed, sizeof typed) != 0)
		typed[0] = '\0';
	if (typed[strspn(typed, " ")] == '\0') {
		so->samorg_id = 0;
		so->samorg[0] = '\0';
	} else if (so->samorg_id == 0 || strcmp(typed, so->samorg) != 0) {
		so->samorg_id = 0;
		if (isok_samorg_find(s, typed) != 0)
			return -1;
	}
	c->samorg_id = so->samorg_id;
	return 0;
}

/* Reads a period date: empty, or a real date; else says so. */
static int
isok_date(struct screen *s, enum isok_field i, char *out, size_t len)
{
	struct isok	*so = s->data;

	if (entry_get(&so->f[i].entry, out, len) == 0 &&
	    (out[0] == '\0' || date_valid(out)))
		return 0;
	ui_message(s->ui, 1, "%s: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. "
	    "2024-01-31, eller lämna fältet tomt.", so->f[i].label);
	isok_goto(s, i);
	return -1;
}

/* Appends one criterion to the words of the urval. */
static void
isok_urval_add(char *out, size_t len, const char *what)
{
	if (out[0] != '\0')
		strlcat(out, ", ", len);
	strlcat(out, what, len);
}

/* Says the F4 criteria as they stand in the fields, in words. */
static void
isok_urval_text(struct isok *so, char *out, size_t len)
{
	char	from[16], tom[16], period[64];

	out[0] = '\0';
	if (so->coded && so->f[IS_INRIKTNING].value > 0)
		isok_urval_add(out, len,
		    so->inriktning.names[so->f[IS_INRIKTNING].value]);
	if (so->coded && so->f[IS_MALGRUPP].value > 0)
		isok_urval_add(out, len,
		    so->malgrupp.names[so->f[IS_MALGRUPP].value]);
	if (entry_get(&so->f[IS_FROM].entry, from, sizeof from) != 0)
		from[0] = '\0';
	if (entry_get(&so->f[IS_TOM].entry, tom, sizeof tom) != 0)
		tom[0] = '\0';
	if (from[0] == '\0' && tom[0] == '\0')
		return;
	if (tom[0] == '\0')
		snprintf(period, sizeof period, "aktiv från %s", from);
	else if (from[0] == '\0')
		snprintf(period, sizeof period, "aktiv till %s", tom);
	else
		snprintf(period, sizeof period, "aktiv %s–%s", from, tom);
	isok_urval_add(out, len, period);
}

/*
 * Reads the fields into c; 0 when they make a search. A field that does
 * not gets the focus and the message line says why.
 */
static int
isok_criteria(struct screen *s, struct isok_crit *c)
{
	struct isok	*so = s->data;

	memset(c, 0, sizeof *c);
	if (entry_get(&so->f[IS_NAMN].entry, c->pattern,
	    sizeof c->pattern) != 0) {
		ui_message(s->ui, 1, "Namnet är för långt. Korta det och sök "
		    "igen.");
		return -1;
	}
	if (isok_date(s, IS_FROM, c->from, sizeof c->from) != 0 ||
	    isok_date(s, IS_TOM, c->tom, sizeof c->tom) != 0)
		return -1;
	if (c->from[0] != '\0' && c->tom[0] != '\0' &&
	    strcmp(c->from, c->tom) > 0) {
		ui_message(s->ui, 1, "Aktiv till ligger före Aktiv från. "
		    "Ändra en av dem.");
		isok_goto(s, IS_TOM);
		return -1;
	}
	if (isok_samorg(s, c) != 0) {
		isok_goto(s, IS_SAMORG);
		return -1;
	}
	if (so->coded) {
		c->inriktning_id =
		    so->inriktning.ids[so->f[IS_INRIKTNING].value];
		c->malgrupp_id = so->malgrupp.ids[so->f[IS_MALGRUPP].value];
	}
	isok_urval_text(so, c->urval, sizeof c->urval);
	return 0;
}

/*
 * Points the request at the criteria of the list; the list names the
 * organisation only when it may hold several.
 */
static void
isok_req_set(struct isok *so)
{
	memset(&so->req, 0, sizeof so->req);
	so->req.samorg_id = so->crit.samorg_id;
	so->req.pattern = so->crit.pattern;
	so->req.inriktning_id = so->crit.inriktning_id;
	so->req.malgrupp_id = so->crit.malgrupp_id;
	so->req.aktiv_from = so->crit.from;
	so->req.aktiv_tom = so->crit.tom;
	so->list.ncols = so->crit.samorg_id != 0 ? ISOK_COLS - 1 : ISOK_COLS;
}

/* Starts a new search with the fields' criteria. */
static void
isok_search(struct screen *s)
{
	struct isok		*so = s->data;
	struct isok_crit	 keep = so->crit;

	if (isok_criteria(s, &so->crit) != 0) {
		so->crit = keep;
		return;
	}
	isok_req_set(so);
	if (rlist_search(&so->list, s->ui) != 0) {
		/* The list shown keeps its own criteria for its next pages. */
		so->crit = keep;
		isok_req_set(so);
		return;
	}
	if (so->list.vl.total == 0) {
		ui_message(s->ui, 0, "Inga insatser matchar. Prova en kortare "
		    "början med * efter, t.ex. Steg*%s.", so->crit.urval[0] !=
		    '\0' || so->crit.samorg_id != 0 ? ", eller färre urval" :
		    "");
		so->in_list = 0;
		return;
	}
	ui_message(s->ui, 0, "%zu %s.", so->list.vl.total,
	    so->list.vl.total == 1 ? "träff" : "träffar");
	so->in_list = 1;
}

/* The last field shown: Tab and Down there lead to the list. */
static size_t
isok_last(const struct isok *so)
{
	return so->more ? IS_TOM : IS_SAMORG;
}

/* Keys while the list has focus; Enter opens the view of the row. */
static int
isok_list_key(struct screen *s, const struct keyev *ev)
{
	struct isok		*so = s->data;
	struct insats_row	*r;

	if (ev->action == ACT_NEXT || ev->action == ACT_PREV ||
	    (ev->code == KEY_UP && so->list.vl.cursor == 0)) {
		so->in_list = 0;
		mform_focus(&so->form, ev->action == ACT_NEXT ? IS_NAMN :
		    isok_last(so));
		return 1;
	}
	if (keys_is_enter(ev)) {
		if ((r = rlist_current(&so->list)) != NULL) {
			so->back = 1;
			ui_push(s->ui, scr_insats_view_new(s->ui, r->id));
		}
		return 1;
	}
	return rlist_key(&so->list, s->ui, ev);
}

/* Keys in the fields: Enter searches, the edges lead to the list. */
static int
isok_form_key(struct screen *s, const struct keyev *ev)
{
	struct isok	*so = s->data;
	int		 down, up;

	if (keys_is_enter(ev)) {
		isok_search(s);
		return 1;
	}
	down = ev->action == ACT_NEXT || ev->code == KEY_DOWN;
	up = ev->action == ACT_PREV || ev->code == KEY_UP;
	if (down && so->form.focus == isok_last(so)) {
		if (so->list.vl.total > 0)
			so->in_list = 1;
		else if (ev->action == ACT_NEXT)
			mform_focus(&so->form, IS_NAMN);
		return 1;
	}
	if (up && so->form.focus == IS_NAMN)
		return 1;
	return mform_key_said(&so->form, s->ui, ev) != 0;
}

/* Routes keys: F3 searches, F4 shows or hides the criteria. */
static int
isok_key(struct screen *s, const struct keyev *ev)
{
	struct isok	*so = s->data;

	if (ev->action == ACT_SEARCH) {
		isok_search(s);
		return 1;
	}
	if (ev->code == KEY_F(4)) {
		isok_show_more(s, !so->more, IS_INRIKTNING);
		return 1;
	}
	if (so->in_list && so->list.vl.total > 0)
		return isok_list_key(s, ev);
	so->in_list = 0;
	return isok_form_key(s, ev);
}

/* The line under the fields while the criteria hide: what is set. */
static void
isok_draw_urval(struct screen *s, WINDOW *w, int y)
{
	struct isok	*so = s->data;
	char		 now[320], line[360];

	isok_urval_text(so, now, sizeof now);
	if (now[0] == '\0') {
		wattron(w, A_DIM);
		text_put(w, y, 1, "F4 Fler urval: inriktning, målgrupp, "
		    "period", s->cols - 2);
		wattroff(w, A_DIM);
		return;
	}
	snprintf(line, sizeof line, "Urval: %s (F4 ändrar)", now);
	text_put(w, y, 1, line, s->cols - 2);
}

/* The count line: how many, which row, for what. */
static void
isok_draw_count(struct screen *s, WINDOW *w, int y)
{
	struct isok		*so = s->data;
	const struct isok_crit	*c = &so->crit;
	char			 what[sizeof c->pattern + sizeof c->urval + 8];
	char			 line[sizeof what + 64];

	what[0] = '\0';
	if (c->pattern[0] != '\0')
		snprintf(what, sizeof what, "\"%s\"", c->pattern);
	if (c->urval[0] != '\0')
		isok_urval_add(what, sizeof what, c->urval);
	if (so->list.vl.total == 0)
		snprintf(line, sizeof line, "Inga träffar%s%s.",
		    what[0] != '\0' ? " för " : "", what);
	else
		snprintf(line, sizeof line, "Träffar: %zu (rad %zu)%s%s",
		    so->list.vl.total, so->list.vl.cursor + 1,
		    what[0] != '\0' ? " för " : "", what);
	text_put(w, y, 1, line, s->cols - 2);
}

/* Draws the fields, the criteria, the list and its legend. */
static void
isok_draw(struct screen *s, WINDOW *w)
{
	struct isok	*so = s->data;
	int		 y, ly = isok_list_y(so);

	y = mform_draw(&so->form, w, 1, 1, s->cols - 2, !so->in_list);
	if (!so->more)
		isok_draw_urval(s, w, y);
	if (!so->list.searched) {
		text_put(w, ly - 1, 1, "Skriv ett namn (eller inget) och "
		    "tryck Enter.", s->cols - 2);
		return;
	}
	isok_draw_count(s, w, ly - 1);
	if (so->list.vl.total == 0)
		return;
	rlist_draw(&so->list, w, ly, 1, s->cols - 2, so->in_list);
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, isok_legend, s->cols - 2);
	wattroff(w, A_DIM);
}

/* Fits the list to the screen's new height. */
static void
isok_layout(struct screen *s, int lines, int cols)
{
	(void)lines;
	(void)cols;
	isok_fit(s);
}

/*
 * Back from the view, where the insats may have been changed: the
 * search runs again on the same row. Otherwise fetches what a larger
 * window shows.
 */
static void
isok_enter(struct screen *s)
{
	struct isok	*so = s->data;

	if (!so->list.searched || !remote_connected(s->ui->remote))
		return;
	if (so->back)
		(void)rlist_refresh(&so->list, s->ui);
	else
		rlist_fill(&so->list, s->ui);
	so->back = 0;
}

/* Puts the cursor in the focused entry while the fields have focus. */
static int
isok_cursor(struct screen *s, int *y, int *x)
{
	struct isok	*so = s->data;

	if (so->in_list)
		return 0;
	return mform_cursor(&so->form, 1, 1, s->cols - 2, y, x);
}

static void
isok_free(struct screen *s)
{
	struct isok	*so = s->data;

	rlist_free(&so->list);
	free(so);
}

static const struct screen_type scr_insats_type = {
	.title = "Sök insatser",
	.enter = isok_enter,
	.layout = isok_layout,
	.draw = isok_draw,
	.key = isok_key,
	.free = isok_free,
	.cursor = isok_cursor,
};

/* The fields: label, kind, most characters, hint. */
static const struct {
	const char		*label;
	enum mfield_kind	 kind;
	size_t			 max;
	const char		*hint;
} isok_fields[IS__COUNT] = {
	[IS_NAMN] = { "Insatsnamn", MF_ENTRY, SUS_PATTERN_MAX,
	    "* är jokertecken, t.ex. Steg*" },
	[IS_SAMORG] = { "Samverkansorg", MF_ENTRY, SUS_PATTERN_MAX,
	    "Tomt för alla, t.ex. Göteborg" },
	[IS_INRIKTNING] = { "Inriktning", MF_CHOICE, 0, NULL },
	[IS_MALGRUPP] = { "Målgrupp", MF_CHOICE, 0, NULL },
	[IS_FROM] = { "Aktiv från", MF_ENTRY, 10, NULL },
	[IS_TOM] = { "Aktiv till", MF_ENTRY, 10,
	    "ÅÅÅÅ-MM-DD, någon dag i perioden" },
};

/* Creates the search screen: empty fields, the criteria hidden. */
struct screen *
scr_insats_new(struct ui *ui)
{
	static const char *const alla[] = { "Alla" };
	struct isok	*so;
	struct mfield	*mf;
	size_t		 i;

	so = xcalloc(1, sizeof *so);
	for (i = 0; i < IS__COUNT; i++) {
		mf = &so->f[i];
		mf->kind = isok_fields[i].kind;
		mf->label = isok_fields[i].label;
		mf->hint = isok_fields[i].hint;
		mf->hidden = i >= IS_INRIKTNING;
		mf->choices = alla;
		mf->nchoices = 1;
		/* The protocol measures patterns in bytes: å takes two. */
		entry_init(&mf->entry, isok_fields[i].max, 0);
		entry_limit_bytes(&mf->entry, isok_fields[i].max);
	}
	mform_init(&so->form, so->f, IS__COUNT);
	rlist_init(&so->list, &isok_kind, &so->req, isok_cols, ISOK_COLS,
	    isok_values);
	isok_req_set(so);
	return screen_new(ui, &scr_insats_type, so);
}
