/*
 * Organisationer: the organisations register of the superadministratör,
 * with organisationstyp, kommun and län (domain.md 2.1). The shared form
 * pieces are in scr_styrdata.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "client.h"
#include "proto.h"
#include "styrdata.h"
#include "xmalloc.h"

/* ---- Organisationer ---- */

/* Names of kommuner and län by code, for the list and the form. */
struct orgnames {
	struct msg_kommun_list	 kommuner;	/* by name, with stadsdelar */
	struct choices		 lan;		/* "(inget län)", then län */
	int			 tried;		/* kommuner asked for once */
};

/*
 * The names the list's cells are made from: rlist_values_fn carries no
 * context, and one Organisationer screen exists at a time.
 */
static const struct orgnames *orgscr_names;

struct orgscr {
	struct form_field	 fields[1];
	struct rsearch		 rs;
	struct msg_org_search	 req;
	char			 pat[SUS_PATTERN_MAX + 1];
	int			 stale;
	uint32_t		 want_id;
	struct orgnames		 names;
};

static const struct rlist_col orgscr_cols[] = {
	{ "Namn", 20, 50, 0 },
	{ "Typ", 10, 20, 2 },
	{ "Kommun/Län", 12, 30, 1 },
	{ "Aktiv", 5, 5, 0 },
};

/* The kommun with kommunkod, NULL when unknown. */
static const struct kommun_row *
orgnames_kommun(const struct orgnames *on, const char *kommunkod)
{
	uint32_t	i;

	for (i = 0; on != NULL && i < on->kommuner.nrows; i++) {
		if (on->kommuner.rows[i].stadsdel_id == 0 &&
		    strcmp(on->kommuner.rows[i].kommunkod, kommunkod) == 0)
			return &on->kommuner.rows[i];
	}
	return NULL;
}

/* Reads every kommun and the län, once; stadsdelar are skipped in use. */
static void
orgnames_load(struct ui *ui, struct orgnames *on)
{
	const struct kod_row	*lan[STYR_CHOICES_MAX];
	struct msg_kommun_search req;
	struct msg_kommun_list	 rep;
	struct msg_kommun_list	*all = &on->kommuner;
	size_t			 i, n;

	if (on->tried)
		return;
	on->tried = 1;
	choices_add(&on->lan, "(inget län)", "");
	n = kod_codes(ui, "lan", 1, 0, lan, STYR_CHOICES_MAX - 1);
	for (i = 0; i < n; i++)
		choices_add(&on->lan, lan[i]->namn, lan[i]->kod);
	memset(&req, 0, sizeof req);
	req.lanskod = (char *)"";
	req.pattern = (char *)"";
	req.limit = SUS_LIST_MAX;
	do {
		memset(&rep, 0, sizeof rep);
		req.offset = all->nrows;
		if (ui_call(ui, MSG_KOMMUN_SEARCH, &req, MSG_KOMMUN_LIST,
		    &rep) != 0)
			return;
		all->rows = xreallocarray(all->rows, all->nrows + rep.nrows +
		    1, sizeof *rep.rows);
		if (rep.nrows > 0)
			memcpy(all->rows + all->nrows, rep.rows, rep.nrows *
			    sizeof *rep.rows);
		all->nrows += rep.nrows;
		/* The strings changed owner; only the array is left. */
		free(rep.rows);
	} while (rep.nrows > 0 && all->nrows < rep.total);
}

/* The name of a län by code, the code when unknown. */
static const char *
orgnames_lan(const struct orgnames *on, const char *lanskod)
{
	size_t	i;

	for (i = 1; on != NULL && i < on->lan.n; i++) {
		if (strcmp(on->lan.key[i], lanskod) == 0)
			return on->lan.text[i];
	}
	return lanskod;
}

/* The cells of one organisation: kommun, else län, by name. */
static void
orgscr_values(const void *row, const char **v, char (*buf)[RLIST_CELL])
{
	const struct org_row	*o = row;
	const struct kommun_row	*k;

	(void)buf;
	v[0] = o->namn;
	v[1] = o->organisationstyp;
	if (*o->kommunkod != '\0')
		v[2] = (k = orgnames_kommun(orgscr_names, o->kommunkod)) !=
		    NULL ? k->kommun : o->kommunkod;
	else if (*o->lanskod != '\0')
		v[2] = orgnames_lan(orgscr_names, o->lanskod);
	else
		v[2] = "–";
	v[3] = o->aktiv ? "ja" : "nej";
}

/* Searches the register by name. */
static void
orgscr_search(struct screen *s)
{
	struct orgscr	*os = s->data;

	if (entry_get(&os->fields[0].entry, os->pat, sizeof os->pat) != 0)
		os->pat[0] = '\0';
	memset(&os->req, 0, sizeof os->req);
	os->req.pattern = os->pat;
	(void)rsearch_run(&os->rs, s->ui, "Inga organisationer matchar. "
	    "Prova en kortare början med * efter, t.ex. Göteborg*.");
}

static struct screen *orgform_new(struct screen *, const struct org_row *);

/* Routes keys: Ins (or + in the list) adds, Enter on a row changes. */
static int
orgscr_key(struct screen *s, const struct keyev *ev)
{
	struct orgscr	*os = s->data;
	struct org_row	*o;

	if (ev->code == KEY_IC || (os->rs.in_list && ev->code == 0 &&
	    ev->ch == L'+')) {
		ui_push(s->ui, orgform_new(s, NULL));
		return 1;
	}
	switch (rsearch_key(&os->rs, s->ui, ev)) {
	case RSEARCH_RUN:
		orgscr_search(s);
		return 1;
	case RSEARCH_OPEN:
		if ((o = rlist_current(&os->rs.list)) != NULL)
			ui_push(s->ui, orgform_new(s, o));
		return 1;
	case 0:
		return 0;
	}
	return 1;
}

/* Moves the cursor to the saved organisation, if it is loaded. */
static void
orgscr_goto(struct orgscr *os)
{
	struct org_row	*o;
	size_t		 i;

	for (i = 0; (o = rlist_row(&os->rs.list, i)) != NULL; i++) {
		if (o->id == os->want_id) {
			vlist_goto(&os->rs.list.vl, i);
			os->rs.in_list = 1;
			break;
		}
	}
	os->want_id = 0;
}

/* Lists every organisation at first; reads again after a save. */
static void
orgscr_enter(struct screen *s)
{
	struct orgscr	*os = s->data;

	if (!remote_connected(s->ui->remote))
		return;
	orgscr_names = &os->names;
	orgnames_load(s->ui, &os->names);
	if (!os->rs.list.searched) {
		orgscr_search(s);
		os->rs.in_list = 0;
	} else if (os->stale) {
		os->stale = 0;
		(void)rlist_refresh(&os->rs.list, s->ui);
		orgscr_goto(os);
	} else
		rlist_fill(&os->rs.list, s->ui);
}

/* Fits the list, leaving a row for the keys. */
static void
orgscr_layout(struct screen *s, int lines, int cols)
{
	struct orgscr	*os = s->data;

	(void)cols;
	rsearch_layout(&os->rs, lines, 1);
}

/* Draws the field, the list and the keys. */
static void
orgscr_draw(struct screen *s, WINDOW *w)
{
	struct orgscr	*os = s->data;

	rsearch_draw(&os->rs, w, s->cols, "Skriv ett namn och tryck Enter.");
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, "Ins Ny organisation  Enter Ändra  "
	    "/ Sök i listan", s->cols - 2);
	wattroff(w, A_DIM);
}

/* Puts the cursor in the name field. */
static int
orgscr_cursor(struct screen *s, int *y, int *x)
{
	struct orgscr	*os = s->data;

	return rsearch_cursor(&os->rs, s->cols, y, x);
}

/* Frees the list, the names and the screen. */
static void
orgscr_free(struct screen *s)
{
	struct orgscr	*os = s->data;

	if (orgscr_names == &os->names)
		orgscr_names = NULL;
	rlist_free(&os->rs.list);
	msg_clear(MSG_KOMMUN_LIST, &os->names.kommuner);
	choices_clear(&os->names.lan);
	free(os);
}

static const struct screen_type scr_orgreg_type = {
	.title = "Organisationer",
	.enter = orgscr_enter,
	.layout = orgscr_layout,
	.draw = orgscr_draw,
	.key = orgscr_key,
	.free = orgscr_free,
	.cursor = orgscr_cursor,
};

/* Creates Administration → Organisationer. */
struct screen *
scr_orgreg_new(struct ui *ui)
{
	struct orgscr	*os;

	os = xcalloc(1, sizeof *os);
	os->fields[0].label = "Namn";
	os->fields[0].hint = "* är jokertecken, t.ex. Göteborg*";
	entry_init(&os->fields[0].entry, SUS_PATTERN_MAX, 0);
	entry_limit_bytes(&os->fields[0].entry, SUS_PATTERN_MAX);
	rsearch_init(&os->rs, os->fields, 1, &rlist_orgs, &os->req,
	    orgscr_cols, sizeof orgscr_cols / sizeof orgscr_cols[0],
	    orgscr_values);
	return screen_new(ui, &scr_orgreg_type, os);
}

/* ---- Ny organisation / Ändra organisation ---- */

enum {
	OF_NAMN,
	OF_TYP,
	OF_LAN,
	OF_KOMMUN,
	OF_AKTIV,
	OF__COUNT
};

struct orgform {
	struct styrform	 sf;		/* first: the shared functions see it */
	struct mfield	 f[OF__COUNT];
	struct orgscr	*owner;
	uint32_t	 id;		/* 0 for a new organisation */
	struct choices	 typ, kommun;
	int		 lan_shown;	/* the län whose kommuner are offered */
	char		 was_namn[SUS_NAME_MAX + 1];
	char		 was[3][STYR_NAMN_BYTES + 1];	/* typ, län, kommun */
	int		 was_aktiv;
};

/* The key of a choice field's current value. */
static const char *
orgform_key_of(const struct orgform *of, size_t field)
{
	const struct choices	*c = field == OF_TYP ? &of->typ :
				    field == OF_LAN ? &of->owner->names.lan :
				    &of->kommun;
	int			 v = of->f[field].value;

	return v >= 0 && (size_t)v < c->n ? c->key[v] : "";
}

/*
 * Offers the kommuner of the län shown ("(ingen kommun)" first), all
 * when none is; keeps kommunkod chosen when it is offered, and as its
 * bare code when the names could not be read.
 */
static void
orgform_kommuner(struct orgform *of, const char *kommunkod)
{
	const struct msg_kommun_list	*all = &of->owner->names.kommuner;
	const char			*lanskod;
	char				 keep[8];
	uint32_t			 i;

	snprintf(keep, sizeof keep, "%s", kommunkod);
	lanskod = (size_t)of->lan_shown < of->owner->names.lan.n ?
	    of->owner->names.lan.key[of->lan_shown] : "";
	choices_clear(&of->kommun);
	choices_add(&of->kommun, "(ingen kommun)", "");
	for (i = 0; i < all->nrows; i++) {
		if (all->rows[i].stadsdel_id == 0 && (*lanskod == '\0' ||
		    strcmp(all->rows[i].lanskod, lanskod) == 0))
			choices_add(&of->kommun, all->rows[i].kommun,
			    all->rows[i].kommunkod);
	}
	if (*keep != '\0' && all->nrows == 0)
		choices_add(&of->kommun, keep, keep);
	choices_attach(&of->f[OF_KOMMUN], &of->kommun,
	    choices_find(&of->kommun, keep));
}

/* Keeps kommun and län together after a change of either. */
static void
orgform_sync(struct screen *s)
{
	struct orgform		*of = s->data;
	const struct kommun_row	*k;
	char			 kk[8];

	snprintf(kk, sizeof kk, "%s", orgform_key_of(of, OF_KOMMUN));
	if (of->f[OF_LAN].value != of->lan_shown) {
		of->lan_shown = of->f[OF_LAN].value;
		orgform_kommuner(of, kk);
	} else if (of->lan_shown == 0 && *kk != '\0' &&
	    (k = orgnames_kommun(&of->owner->names, kk)) != NULL) {
		/* A kommun chosen among all brings its län along. */
		of->f[OF_LAN].value = choices_find(&of->owner->names.lan,
		    k->lanskod);
		of->lan_shown = of->f[OF_LAN].value;
		orgform_kommuner(of, kk);
	}
}

/* Reports whether anything differs from what the form was opened with. */
static int
orgform_dirty(struct screen *s)
{
	struct orgform	*of = s->data;
	char		 namn[SUS_NAME_MAX + 1];
	size_t		 i;

	styr_get(&of->f[OF_NAMN], namn, sizeof namn);
	for (i = 0; i < 3; i++) {
		if (strcmp(orgform_key_of(of, OF_TYP + i), of->was[i]) != 0)
			return 1;
	}
	return strcmp(namn, of->was_namn) != 0 ||
	    of->f[OF_AKTIV].value != of->was_aktiv;
}

/* Checks the name and type and sends the organisation (MSG_ORG_SAVE). */
static void
orgform_submit(struct screen *s)
{
	struct orgform		*of = s->data;
	struct msg_org_save	 req;
	char			 namn[SUS_NAME_MAX + 1];

	styr_get(&of->f[OF_NAMN], namn, sizeof namn);
	if (namn[strspn(namn, " ")] == '\0') {
		mform_focus(&of->sf.form, OF_NAMN);
		ui_message(s->ui, 1, "Fyll i Namn.");
		return;
	}
	if (*orgform_key_of(of, OF_TYP) == '\0') {
		mform_focus(&of->sf.form, OF_TYP);
		ui_message(s->ui, 1, "Välj Organisationstyp.");
		return;
	}
	memset(&req, 0, sizeof req);
	req.id = of->id;
	req.namn = namn;
	req.organisationstyp = (char *)orgform_key_of(of, OF_TYP);
	req.lanskod = (char *)orgform_key_of(of, OF_LAN);
	req.kommunkod = (char *)orgform_key_of(of, OF_KOMMUN);
	req.aktiv = (uint8_t)of->f[OF_AKTIV].value;
	(void)styr_save(s, MSG_ORG_SAVE, &req, &of->owner->stale,
	    &of->owner->want_id);
}

/* Frees the form. */
static void
orgform_free(struct screen *s)
{
	struct orgform	*of = s->data;

	choices_clear(&of->typ);
	choices_clear(&of->kommun);
	free(of);
}

/* One form under two titles: Ny organisation and Ändra organisation. */
static const struct screen_type scr_orgform_types[2] = {
	{ .title = "Ny organisation", .draw = styrform_draw,
	    .key = styrform_key, .free = orgform_free,
	    .cursor = styrform_cursor, .dirty = orgform_dirty },
	{ .title = "Ändra organisation", .draw = styrform_draw,
	    .key = styrform_key, .free = orgform_free,
	    .cursor = styrform_cursor, .dirty = orgform_dirty },
};

/* Offers the active organisationstyper, and the current one if closed. */
static void
orgform_types(struct ui *ui, struct orgform *of, const char *current)
{
	const struct kod_row	*codes[STYR_CHOICES_MAX];
	char			 text[STYR_NAMN_BYTES + 16];
	size_t			 i, n;

	if (*current == '\0')
		choices_add(&of->typ, "(välj typ)", "");
	n = kod_codes(ui, "organisationstyp", 0, 0, codes,
	    STYR_CHOICES_MAX - 1);
	for (i = 0; i < n; i++) {
		if (codes[i]->aktiv)
			choices_add(&of->typ, codes[i]->namn, codes[i]->namn);
		else if (strcmp(codes[i]->namn, current) == 0) {
			snprintf(text, sizeof text, "%s (inaktiv)", current);
			choices_add(&of->typ, text, current);
		}
	}
	choices_attach(&of->f[OF_TYP], &of->typ, choices_find(&of->typ,
	    current));
}

/* Opens the form over Organisationer: o to change, NULL for a new one. */
static struct screen *
orgform_new(struct screen *owner, const struct org_row *o)
{
	static const char *const labels[OF__COUNT] = { "Namn",
	    "Organisationstyp", "Län", "Kommun", "Aktiv" };
	struct orgscr	*os = owner->data;
	struct orgform	*of;
	size_t		 i;

	of = xcalloc(1, sizeof *of);
	of->owner = os;
	of->id = o != NULL ? o->id : 0;
	for (i = 0; i < OF__COUNT; i++) {
		of->f[i].kind = MF_CHOICE;
		of->f[i].label = labels[i];
	}
	of->f[OF_NAMN].kind = MF_ENTRY;
	entry_init(&of->f[OF_NAMN].entry, STYR_NAMN_MAX, 0);
	entry_limit_bytes(&of->f[OF_NAMN].entry, SUS_NAME_MAX);
	of->f[OF_AKTIV].kind = MF_CHECK;
	of->f[OF_AKTIV].text = "kan väljas för nya";
	of->f[OF_AKTIV].value = o == NULL || o->aktiv;
	of->f[OF_KOMMUN].hint = "Utan län visas alla kommuner";
	orgform_types(owner->ui, of, o != NULL ? o->organisationstyp : "");
	/* A län the names lack is kept as its code, never dropped. */
	if (o != NULL && *o->lanskod != '\0' &&
	    choices_find(&os->names.lan, o->lanskod) == 0)
		choices_add(&os->names.lan, o->lanskod, o->lanskod);
	choices_attach(&of->f[OF_LAN], &os->names.lan, o != NULL ?
	    choices_find(&os->names.lan, o->lanskod) : 0);
	of->lan_shown = of->f[OF_LAN].value;
	orgform_kommuner(of, o != NULL ? o->kommunkod : "");
	if (o != NULL) {
		(void)entry_set(&of->f[OF_NAMN].entry, o->namn);
		entry_home(&of->f[OF_NAMN].entry);
		snprintf(of->was_namn, sizeof of->was_namn, "%s", o->namn);
	}
	for (i = 0; i < 3; i++)
		snprintf(of->was[i], sizeof of->was[i], "%s",
		    orgform_key_of(of, OF_TYP + i));
	of->was_aktiv = of->f[OF_AKTIV].value;
	mform_init(&of->sf.form, of->f, OF__COUNT);
	of->sf.submit = orgform_submit;
	of->sf.changed = orgform_sync;
	of->sf.locked = "";
	return screen_new(owner->ui, &scr_orgform_types[o != NULL], of);
}
