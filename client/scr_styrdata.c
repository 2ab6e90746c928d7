/*
 * Styrdata for the superadministratör (domain.md 3): Kodlistor, the code
 * lists every drop-down reads (the lists above, the codes of the chosen
 * one below, a small form to add or change a code), and Organisationer,
 * the organisations register with its organisationstyp, kommun and län.
 * The server checks every rule and says no in its own words; what was
 * typed stays. After a code is saved the cached lists are dropped
 * (kod_forget) so that every screen shows the change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "styrdata.h"
#include "xmalloc.h"



/* Appends a choice; the strings are copied. */
void
choices_add(struct choices *c, const char *text, const char *key)
{
	if (c->n == STYR_CHOICES_MAX)
		return;
	c->text[c->n] = xstrdup(text);
	c->key[c->n++] = xstrdup(key);
}

/* Frees the copies. */
void
choices_clear(struct choices *c)
{
	size_t	i;

	for (i = 0; i < c->n; i++) {
		free((char *)c->text[i]);
		free(c->key[i]);
	}
	c->n = 0;
}

/* The index of key among the choices, 0 (the first) if absent. */
int
choices_find(const struct choices *c, const char *key)
{
	size_t	i;

	for (i = 0; i < c->n; i++) {
		if (strcmp(c->key[i], key) == 0)
			return (int)i;
	}
	return 0;
}

/* Points a choice field at c. */
void
choices_attach(struct mfield *mf, const struct choices *c, int value)
{
	mf->choices = c->text;
	mf->nchoices = c->n;
	mf->value = value < (int)c->n ? value : 0;
}

/* Reads an entry as UTF-8; "" when it does not fit (limits prevent it). */
void
styr_get(const struct mfield *mf, char *out, size_t len)
{
	if (entry_get(&mf->entry, out, len) != 0)
		out[0] = '\0';
}

/* Esc on a form: asks first when something is not saved; 1 to stay. */
int
styr_cancel(struct screen *s)
{
	static const char *const ask[] = {
		"Ändringarna är inte sparade. Avbryta ändå? (j/n)",
	};

	if (s->type->dirty != NULL && s->type->dirty(s) &&
	    !ui_ask(s->ui, "Avbryta", ask, 1))
		return 1;
	return 0;
}

/*
 * Sends a save; on success marks the screen below stale with the saved
 * id to show, pops the form and shows the server's word.
 */
int
styr_save(struct screen *s, uint16_t type, const void *req, int *stale,
    uint32_t *want_id)
{
	struct ui	*ui = s->ui;
	struct msg_ok	 ok;
	char		 text[SUS_MESSAGE_MAX];

	memset(&ok, 0, sizeof ok);
	if (ui_call(ui, type, req, MSG_OK, &ok) != 0)
		return -1;
	snprintf(text, sizeof text, "%s", ok.message != NULL ? ok.message :
	    "Sparat.");
	*stale = 1;
	*want_id = ok.id;
	msg_clear(MSG_OK, &ok);
	ui_pop(ui);
	ui_message(ui, 0, "%s", text);
	return 0;
}


/* Draws the fields and what the keys do. */
void
styrform_draw(struct screen *s, WINDOW *w)
{
	struct styrform	*sf = s->data;
	int		 y;

	y = mform_draw(&sf->form, w, 1, 2, s->cols - 4, 1);
	text_wrap(w, y + 1, 2, "F2 sparar, Esc avbryter. Mellanslag eller "
	    "←/→ byter val, en bokstav hoppar dit.", s->cols - 4, 2);
}

/*
 * F2 saves and Esc asks before dropping changes; letters jump in
 * choices, and typing in a locked field says why it is locked.
 */
int
styrform_key(struct screen *s, const struct keyev *ev)
{
	struct styrform	*sf = s->data;
	struct mfield	*mf = &sf->form.fields[sf->form.focus];
	char		 text[160];
	int		 rv = 1;

	if (ev->action == ACT_SAVE) {
		sf->submit(s);
		return 1;
	}
	if (ev->action == ACT_CANCEL)
		return styr_cancel(s);
	if (keys_is_enter(ev)) {
		if (mf->kind == MF_CHECK && !mf->locked)
			mf->value = !mf->value;
		else
			mform_focus(&sf->form, sf->form.focus + 1);
	} else if (mf->locked && ((ev->code == 0 && ev->ch >= L' ') ||
	    ev->code == KEY_BACKSPACE || ev->code == KEY_DC ||
	    ev->code == KEY_LEFT || ev->code == KEY_RIGHT))
		ui_message(s->ui, 1, "%s", sf->locked);
	else if ((rv = mform_key(&sf->form, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(&sf->form, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	if (sf->changed != NULL)
		sf->changed(s);
	return rv != 0;
}

/* Places the cursor in a focused entry. */
int
styrform_cursor(struct screen *s, int *y, int *x)
{
	struct styrform	*sf = s->data;

	return mform_cursor(&sf->form, 1, 2, s->cols - 4, y, x);
}

/* ---- Kodlistor ---- */

struct kodscr {
	struct plist	 lists;
	struct plist	 codes;
	int		 in_codes;	/* keys go to the codes */
	char		 lista[64];	/* the list shown below */
	uint32_t	 want_id;	/* put the cursor here after a load */
	int		 stale;		/* a code was saved: fetch again */
};

static const struct tbl_col kodscr_list_cols[] = {
	{ "Lista", 16, 44, 0, NULL, 0 },
	{ "Koder", 5, 5, 2, NULL, 0 },
	{ "Ändras", 6, 6, 1, NULL, 0 },
};

/* Narrow terminals lose Fast first (the note says it), then Ordning. */
static const struct tbl_col kodscr_code_cols[] = {
	{ "Kod", 10, 22, 0, NULL, 1 },
	{ "Namn", 16, 50, 0, NULL, 0 },
	{ "Ordn.", 5, 5, 2, NULL, 2 },
	{ "Aktiv", 5, 5, 0, NULL, 2 },
	{ "Fast", 4, 4, 1, NULL, 2 },
	{ "Överordnad", 10, 30, 3, NULL, 2 },
};
#define KODSCR_NCOLS	(sizeof kodscr_code_cols / sizeof kodscr_code_cols[0])

/*
 * The list named namn in the cache, NULL if none. Only what is kept:
 * drawing must never send a request (which draws again).
 */
static const struct kodlista_row *
kodscr_lista(struct ui *ui, const char *namn)
{
	const struct msg_kod_list	*l = ui->kod;
	uint32_t			 i;

	for (i = 0; l != NULL && i < l->nlistor; i++) {
		if (strcmp(l->listor[i].namn, namn) == 0)
			return &l->listor[i];
	}
	return NULL;
}

/* The code with id in the cache (kept only, as above), NULL if none. */
static const struct kod_row *
kodscr_code(struct ui *ui, uint32_t id, const char *lista)
{
	const struct msg_kod_list	*l = ui->kod;
	uint32_t			 i;

	for (i = 0; l != NULL && i < l->nrows; i++) {
		if (l->rows[i].id == id && strcmp(l->rows[i].lista, lista) == 0)
			return &l->rows[i];
	}
	return NULL;
}

/* Fills the lists panel from the cache: title, codes, changeable. */
static int
kodscr_fetch_lists(struct plist *pl, size_t offset, size_t limit,
    size_t *total)
{
	struct screen			*s = pl->arg;
	const struct msg_kod_list	*l;
	const char			*v[3];
	char				 n[16];
	uint32_t			 i, j, c;

	(void)limit;
	if ((l = kod_lists(s->ui)) == NULL)
		return -1;
	*total = l->nlistor;
	for (i = 0; offset == 0 && i < l->nlistor; i++) {
		for (j = c = 0; j < l->nrows; j++)
			c += strcmp(l->rows[j].lista, l->listor[i].namn) == 0;
		snprintf(n, sizeof n, "%u", c);
		v[0] = l->listor[i].titel;
		v[1] = n;
		v[2] = l->listor[i].editable ? "ja" : "nej";
		plist_add(pl, i, l->listor[i].editable, v);
	}
	return 0;
}

/* Fills the codes panel with the chosen list's codes. */
static int
kodscr_fetch_codes(struct plist *pl, size_t offset, size_t limit,
    size_t *total)
{
	struct screen			*s = pl->arg;
	struct kodscr			*ks = s->data;
	const struct msg_kod_list	*l;
	const struct kodlista_row	*lr;
	const struct kod_row		*k;
	const char			*v[KODSCR_NCOLS];
	char				 ord[16];
	uint32_t			 i;

	(void)limit;
	if ((l = kod_lists(s->ui)) == NULL ||
	    (lr = kodscr_lista(s->ui, ks->lista)) == NULL)
		return -1;
	for (i = 0; offset == 0 && i < l->nrows; i++) {
		k = &l->rows[i];
		if (strcmp(k->lista, ks->lista) != 0)
			continue;
		snprintf(ord, sizeof ord, "%u", k->ordning);
		v[0] = k->kod;
		v[1] = k->namn;
		v[2] = ord;
		v[3] = k->aktiv ? "ja" : "nej";
		v[4] = k->fast ? "låst" : "";
		v[5] = kod_name(s->ui, lr->overordnad, k->overordnad_id);
		plist_add(pl, k->id, k->fast, v);
	}
	*total = pl->vl.loaded;
	return 0;
}

/* Moves a list's cursor to the row with id, if it is there. */
static void
kodscr_goto(struct plist *pl, uint32_t id)
{
	size_t	i;

	for (i = 0; i < pl->vl.loaded; i++) {
		if (pl->rows[i].id == id) {
			vlist_goto(&pl->vl, i);
			return;
		}
	}
}

/* Shows the codes of the list under the lists cursor. */
static void
kodscr_show(struct screen *s)
{
	struct kodscr			*ks = s->data;
	const struct msg_kod_list	*l = kod_lists(s->ui);
	struct plist_row		*r = plist_current(&ks->lists);
	const struct kodlista_row	*lr;

	if (l == NULL || r == NULL || r->id >= l->nlistor)
		return;
	lr = &l->listor[r->id];
	snprintf(ks->lista, sizeof ks->lista, "%s", lr->namn);
	/* The Överordnad column only for a list that has a parent list. */
	ks->codes.ncols = *lr->overordnad != '\0' ? KODSCR_NCOLS :
	    KODSCR_NCOLS - 1;
	(void)plist_load(&ks->codes);
	kodscr_goto(&ks->codes, ks->want_id);
	ks->want_id = 0;
}

/* Loads the lists from the cache, keeping the chosen list. */
static void
kodscr_load(struct screen *s)
{
	struct kodscr			*ks = s->data;
	const struct msg_kod_list	*l;
	size_t				 i;

	if (plist_load(&ks->lists) != 0 || (l = kod_lists(s->ui)) == NULL)
		return;
	for (i = 0; i < ks->lists.vl.loaded; i++) {
		if (ks->lists.rows[i].id < l->nlistor && strcmp(ks->lista,
		    l->listor[ks->lists.rows[i].id].namn) == 0)
			vlist_goto(&ks->lists.vl, i);
	}
	kodscr_show(s);
}

static struct screen *kodform_new(struct screen *, const struct kod_row *);

/* Ny kod, Ändra and Aktivera/Inaktivera act on a changeable list only. */
static int
kodscr_editable(struct screen *s)
{
	struct kodscr			*ks = s->data;
	const struct kodlista_row	*lr = kodscr_lista(s->ui, ks->lista);

	if (lr == NULL)
		return 0;
	if (!lr->editable) {
		ui_message(s->ui, 1, "Listan %s är en egen tabell i SUS och "
		    "kan inte ändras här.", lr->titel);
		return 0;
	}
	return 1;
}

/* Activates or deactivates the code under the cursor, after asking. */
static void
kodscr_toggle(struct screen *s)
{
	struct kodscr		*ks = s->data;
	struct plist_row	*r = plist_current(&ks->codes);
	const struct kod_row	*k;
	struct kod_row		 req;
	struct msg_ok		 ok;
	const char		*text[3];
	char			 q[400];

	if (r == NULL || (k = kodscr_code(s->ui, r->id, ks->lista)) == NULL)
		return;
	if (k->fast) {
		ui_message(s->ui, 1, "%s är en fast kod: reglerna i SUS bygger "
		    "på den, så den kan inte inaktiveras.", k->namn);
		return;
	}
	snprintf(q, sizeof q, "%s %s (%s)?", k->aktiv ? "Inaktivera" :
	    "Aktivera", k->namn, k->kod);
	text[0] = q;
	text[1] = k->aktiv ? "Nya registreringar kan då inte välja den." :
	    "Den kan då väljas igen.";
	text[2] = "Fortsätta? (j/n)";
	if (!ui_ask(s->ui, k->aktiv ? "Inaktivera kod" : "Aktivera kod", text,
	    3))
		return;
	req = *k;
	req.aktiv = !k->aktiv;
	memset(&ok, 0, sizeof ok);
	if (ui_call(s->ui, MSG_KOD_SAVE, &req, MSG_OK, &ok) != 0)
		return;
	snprintf(q, sizeof q, "%s", ok.message != NULL ? ok.message : "");
	msg_clear(MSG_OK, &ok);
	ks->want_id = req.id;
	kod_forget(s->ui);
	kodscr_load(s);
	ui_message(s->ui, 0, "%s", q);
}

/* Keys on the codes panel: Ins/+ new, Enter change, a (in)activate. */
static int
kodscr_codes_key(struct screen *s, const struct keyev *ev)
{
	struct kodscr		*ks = s->data;
	struct plist_row	*r = plist_current(&ks->codes);
	const struct kod_row	*k;

	if (keys_is_enter(ev)) {
		if (r != NULL && kodscr_editable(s) &&
		    (k = kodscr_code(s->ui, r->id, ks->lista)) != NULL)
			ui_push(s->ui, kodform_new(s, k));
		return 1;
	}
	if (ev->code == 0 && (ev->ch == L'a' || ev->ch == L'A')) {
		if (kodscr_editable(s))
			kodscr_toggle(s);
		return 1;
	}
	if (ev->code == KEY_UP && ks->codes.vl.cursor == 0) {
		ks->in_codes = 0;
		return 1;
	}
	return plist_key(&ks->codes, s->ui, ev);
}

/* Routes keys: Tab between the panels, F3 fetches again. */
static int
kodscr_key(struct screen *s, const struct keyev *ev)
{
	struct kodscr	*ks = s->data;
	size_t		 before = ks->lists.vl.cursor;

	if (ev->action == ACT_NEXT || ev->action == ACT_PREV) {
		ks->in_codes = !ks->in_codes;
		return 1;
	}
	if (ev->action == ACT_SEARCH) {
		kod_forget(s->ui);
		kodscr_load(s);
		ui_message(s->ui, 0, "Kodlistorna är hämtade igen.");
		return 1;
	}
	if (ev->code == KEY_IC || (ev->code == 0 && ev->ch == L'+')) {
		if (kodscr_editable(s))
			ui_push(s->ui, kodform_new(s, NULL));
		return 1;
	}
	if (ks->in_codes)
		return kodscr_codes_key(s, ev);
	if (keys_is_enter(ev) || (ev->code == KEY_DOWN &&
	    ks->lists.vl.cursor + 1 == ks->lists.vl.total)) {
		ks->in_codes = ks->codes.vl.total > 0;
		return 1;
	}
	if (!plist_key(&ks->lists, s->ui, ev))
		return 0;
	if (ks->lists.vl.cursor != before)
		kodscr_show(s);
	return 1;
}

/* Loads the lists on first entry and after a save below. */
static void
kodscr_enter(struct screen *s)
{
	struct kodscr	*ks = s->data;

	if (!remote_connected(s->ui->remote))
		return;
	if (ks->stale) {
		/* A code was saved: every drop-down must see it too. */
		ks->stale = 0;
		ks->in_codes = ks->want_id != 0;
		kod_forget(s->ui);
		kodscr_load(s);
	} else if (!ks->lists.ready)
		kodscr_load(s);
}

/* Fits the panels: a few lists above, the codes below. */
static void
kodscr_layout(struct screen *s, int lines, int cols)
{
	struct kodscr	*ks = s->data;
	int		 h = lines - 1 - STYR_LIST_ROWS - 1 - 3 - 1 - 2;

	(void)cols;
	vlist_resize(&ks->lists.vl, STYR_LIST_ROWS);
	vlist_resize(&ks->codes.vl, h > 1 ? (size_t)h : 1);
}

/* The line under the codes: what the code under the cursor is. */
static const char *
kodscr_note(struct screen *s)
{
	struct kodscr			*ks = s->data;
	const struct kodlista_row	*lr = kodscr_lista(s->ui, ks->lista);
	struct plist_row		*r = plist_current(&ks->codes);
	const struct kod_row		*k;

	if (lr != NULL && !lr->editable)
		return "Egen tabell i SUS: visas här men ändras inte här.";
	if (!ks->in_codes || r == NULL ||
	    (k = kodscr_code(s->ui, r->id, ks->lista)) == NULL)
		return "";
	if (k->fast)
		return "Fast kod – bara ordningen kan ändras.";
	if (!k->aktiv)
		return "Inaktiv: erbjuds inte i nya registreringar.";
	return "";
}

/* Draws the lists, the chosen list's description and its codes. */
static void
kodscr_draw(struct screen *s, WINDOW *w)
{
	struct kodscr			*ks = s->data;
	const struct kodlista_row	*lr = kodscr_lista(s->ui, ks->lista);
	int				 y = 1 + STYR_LIST_ROWS + 2;

	plist_draw(&ks->lists, w, 1, 1, s->cols - 2, !ks->in_codes);
	if (lr != NULL) {
		wattron(w, A_DIM);
		text_wrap(w, y, 1, *lr->beskrivning != '\0' ? lr->beskrivning :
		    lr->titel, s->cols - 2, 2);
		wattroff(w, A_DIM);
	}
	if (ks->codes.vl.total > 0)
		plist_draw(&ks->codes, w, y + 2, 1, s->cols - 2, ks->in_codes);
	else if (lr != NULL)
		text_put(w, y + 2, 1, "Listan har inga koder än.", s->cols - 2);
	wattron(w, A_BOLD);
	text_put(w, s->lines - 2, 1, kodscr_note(s), s->cols - 2);
	wattroff(w, A_BOLD);
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, ks->in_codes ? "Ins Ny  Enter Ändra  "
	    "a (In)aktivera  Tab Listor" : "↑↓ Lista  Enter Koder  "
	    "Ins Ny kod  F3 Hämta igen", s->cols - 2);
	wattroff(w, A_DIM);
}

/* Frees both panels. */
static void
kodscr_free(struct screen *s)
{
	struct kodscr	*ks = s->data;

	plist_clear(&ks->lists);
	plist_clear(&ks->codes);
	free(ks);
}

static const struct screen_type scr_styrdata_type = {
	.title = "Kodlistor",
	.enter = kodscr_enter,
	.layout = kodscr_layout,
	.draw = kodscr_draw,
	.key = kodscr_key,
	.free = kodscr_free,
};

/* Creates Administration → Kodlistor. */
struct screen *
scr_styrdata_new(struct ui *ui)
{
	struct kodscr	*ks;
	struct screen	*s;

	ks = xcalloc(1, sizeof *ks);
	s = screen_new(ui, &scr_styrdata_type, ks);
	plist_init(&ks->lists, kodscr_list_cols, sizeof kodscr_list_cols /
	    sizeof kodscr_list_cols[0], kodscr_fetch_lists, s);
	plist_init(&ks->codes, kodscr_code_cols, KODSCR_NCOLS,
	    kodscr_fetch_codes, s);
	return s;
}

/* ---- Ny kod / Ändra kod ---- */

enum {
	KF_LISTA,
	KF_KOD,
	KF_NAMN,
	KF_ORDNING,
	KF_PARENT,
	KF_AKTIV,
	KF_NOTE,
	KF__COUNT
};

struct kodform {
	struct styrform	 sf;		/* first: the shared functions see it */
	struct mfield	 f[KF__COUNT];
	struct kodscr	*owner;
	uint32_t	 id;		/* 0 for a new code */
	char		 lista[64];
	char		 titel[STYR_NAMN_BYTES + 1];
	struct choices	 parents;
	char		 was[3][STYR_NAMN_BYTES + 1];	/* kod, namn, ordning */
	int		 was_parent, was_aktiv;
};

/* Reports whether anything differs from what the form was opened with. */
static int
kodform_dirty(struct screen *s)
{
	struct kodform	*kf = s->data;
	char		 now[STYR_NAMN_BYTES + 1];
	size_t		 i;

	for (i = 0; i < 3; i++) {
		styr_get(&kf->f[KF_KOD + i], now, sizeof now);
		if (strcmp(now, kf->was[i]) != 0)
			return 1;
	}
	return kf->f[KF_PARENT].value != kf->was_parent ||
	    kf->f[KF_AKTIV].value != kf->was_aktiv;
}

/* Checks what the client can and sends the code (MSG_KOD_SAVE). */
static void
kodform_submit(struct screen *s)
{
	struct kodform	*kf = s->data;
	struct kod_row	 req;
	char		 kod[STYR_KOD_MAX * 4 + 1], namn[STYR_NAMN_BYTES + 1];
	char		 ord[32], *p;
	unsigned long	 n;

	styr_get(&kf->f[KF_KOD], kod, sizeof kod);
	styr_get(&kf->f[KF_NAMN], namn, sizeof namn);
	styr_get(&kf->f[KF_ORDNING], ord, sizeof ord);
	/* Codes are written in capitals; spare the user the Shift key. */
	for (p = kod; *p != '\0'; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	(void)entry_set(&kf->f[KF_KOD].entry, kod);
	n = strtoul(ord, &p, 10);
	if (ord[0] != '\0' && (*p != '\0' || ord[0] == '-')) {
		mform_focus(&kf->sf.form, KF_ORDNING);
		ui_message(s->ui, 1, "Ordning ska vara ett heltal, t.ex. 10.");
		return;
	}
	memset(&req, 0, sizeof req);
	req.id = kf->id;
	req.lista = kf->lista;
	req.kod = kod;
	req.namn = namn;
	req.ordning = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
	req.aktiv = (uint8_t)kf->f[KF_AKTIV].value;
	if (!kf->f[KF_PARENT].hidden && kf->parents.n > 0)
		req.overordnad_id = (uint32_t)strtoul(
		    kf->parents.key[kf->f[KF_PARENT].value], NULL, 10);
	(void)styr_save(s, MSG_KOD_SAVE, &req, &kf->owner->stale,
	    &kf->owner->want_id);
}

/* Frees the form. */
static void
kodform_free(struct screen *s)
{
	struct kodform	*kf = s->data;

	choices_clear(&kf->parents);
	free(kf);
}

/* One form under two titles: Ny kod and Ändra kod. */
static const struct screen_type scr_kodform_types[2] = {
	{ .title = "Ny kod", .draw = styrform_draw, .key = styrform_key,
	    .free = kodform_free, .cursor = styrform_cursor,
	    .dirty = kodform_dirty },
	{ .title = "Ändra kod", .draw = styrform_draw, .key = styrform_key,
	    .free = kodform_free, .cursor = styrform_cursor,
	    .dirty = kodform_dirty },
};

/* Offers the active codes of the parent list, and the current one. */
static void
kodform_parents(struct ui *ui, struct kodform *kf, const char *parent,
    uint32_t current)
{
	const struct kod_row	*codes[STYR_CHOICES_MAX];
	char			 key[16];
	size_t			 i, n;

	choices_add(&kf->parents, "(välj)", "0");
	n = kod_codes(ui, parent, 0, 0, codes, STYR_CHOICES_MAX - 1);
	for (i = 0; i < n; i++) {
		if (!codes[i]->aktiv && codes[i]->id != current)
			continue;
		snprintf(key, sizeof key, "%u", codes[i]->id);
		choices_add(&kf->parents, codes[i]->namn, key);
	}
	snprintf(key, sizeof key, "%u", current);
	choices_attach(&kf->f[KF_PARENT], &kf->parents,
	    choices_find(&kf->parents, key));
}

/* Sets up the fields from a code, or empty ones for a new code. */
static void
kodform_fields(struct kodform *kf, const struct kod_row *k)
{
	static const struct {
		const char	*label;
		size_t		 max, bytes;
	} entries[] = {
		{ "Kod", STYR_KOD_MAX, STYR_KOD_MAX },
		{ "Namn", STYR_NAMN_MAX, STYR_NAMN_BYTES },
		{ "Ordning", 5, 5 },
	};
	size_t	i;

	kf->f[KF_LISTA].kind = MF_TEXT;
	kf->f[KF_LISTA].label = "Lista";
	kf->f[KF_LISTA].text = kf->titel;
	for (i = 0; i < 3; i++) {
		kf->f[KF_KOD + i].kind = MF_ENTRY;
		kf->f[KF_KOD + i].label = entries[i].label;
		entry_init(&kf->f[KF_KOD + i].entry, entries[i].max, 0);
		entry_limit_bytes(&kf->f[KF_KOD + i].entry, entries[i].bytes);
	}
	kf->f[KF_KOD].hint = "A–Z, 0–9 och _, t.ex. PERSONAL";
	kf->f[KF_ORDNING].hint = "Lägre visas först";
	kf->f[KF_PARENT].kind = MF_CHOICE;
	kf->f[KF_PARENT].label = "Överordnad";
	kf->f[KF_AKTIV].kind = MF_CHECK;
	kf->f[KF_AKTIV].label = "Aktiv";
	kf->f[KF_AKTIV].text = "erbjuds i nya registreringar";
	kf->f[KF_AKTIV].value = k == NULL || k->aktiv;
	kf->f[KF_NOTE].kind = MF_TEXT;
	kf->f[KF_NOTE].label = "";
	kf->f[KF_NOTE].text = "Fast kod (låst): reglerna i SUS bygger på "
	    "den. Bara ordningen kan ändras.";
	kf->f[KF_NOTE].hidden = k == NULL || !k->fast;
	if (k == NULL)
		return;
	(void)entry_set(&kf->f[KF_KOD].entry, k->kod);
	(void)entry_set(&kf->f[KF_NAMN].entry, k->namn);
	entry_home(&kf->f[KF_NAMN].entry);
	snprintf(kf->was[2], sizeof kf->was[2], "%u", k->ordning);
	(void)entry_set(&kf->f[KF_ORDNING].entry, kf->was[2]);
	kf->f[KF_KOD].locked = kf->f[KF_NAMN].locked = k->fast;
	kf->f[KF_PARENT].locked = kf->f[KF_AKTIV].locked = k->fast;
}

/* Opens the form over Kodlistor: k to change, NULL for a new code. */
static struct screen *
kodform_new(struct screen *owner, const struct kod_row *k)
{
	struct kodscr			*ks = owner->data;
	const struct kodlista_row	*lr = kodscr_lista(owner->ui,
					    ks->lista);
	struct kodform			*kf;

	kf = xcalloc(1, sizeof *kf);
	kf->owner = ks;
	kf->id = k != NULL ? k->id : 0;
	snprintf(kf->lista, sizeof kf->lista, "%s", ks->lista);
	snprintf(kf->titel, sizeof kf->titel, "%s", lr != NULL ? lr->titel :
	    ks->lista);
	kodform_fields(kf, k);
	if (lr != NULL && *lr->overordnad != '\0')
		kodform_parents(owner->ui, kf, lr->overordnad,
		    k != NULL ? k->overordnad_id : 0);
	else
		kf->f[KF_PARENT].hidden = 1;
	mform_init(&kf->sf.form, kf->f, KF__COUNT);
	kf->sf.submit = kodform_submit;
	kf->sf.locked = "Fast kod: reglerna i SUS bygger på den. Bara "
	    "ordningen kan ändras.";
	mform_focus(&kf->sf.form, k != NULL && k->fast ? KF_ORDNING : KF_KOD);
	if (k != NULL) {
		snprintf(kf->was[0], sizeof kf->was[0], "%s", k->kod);
		snprintf(kf->was[1], sizeof kf->was[1], "%s", k->namn);
	}
	kf->was_parent = kf->f[KF_PARENT].value;
	kf->was_aktiv = kf->f[KF_AKTIV].value;
	return screen_new(owner->ui, &scr_kodform_types[k != NULL], kf);
}
