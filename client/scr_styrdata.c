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
#include <wctype.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* Longest code or organisation name, in characters (schema 0006). */
#define STYR_NAMN_MAX		100
/* Longest code name in bytes: kod_row.namn (common/msg.c). */
#define STYR_NAMN_BYTES		400
/* Longest kod: A-Z, 0-9 and _ (schema 0006). */
#define STYR_KOD_MAX		40
/* Rows of the lists panel: four leave the codes room at 80x24. */
#define STYR_LIST_ROWS		4
/* Most choices a form offers: codes of one list, kommuner of one län. */
#define STYR_CHOICES_MAX	400

/* Choices copied from the cache, with the key each one stands for. */
struct choices {
	const char	*text[STYR_CHOICES_MAX];
	char		*key[STYR_CHOICES_MAX];
	size_t		 n;
};

/* Appends a choice; the strings are copied. */
static void
choices_add(struct choices *c, const char *text, const char *key)
{
	if (c->n == STYR_CHOICES_MAX)
		return;
	c->text[c->n] = xstrdup(text);
	c->key[c->n++] = xstrdup(key);
}

/* Frees the copies. */
static void
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
static int
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
static void
choices_attach(struct mfield *mf, const struct choices *c, int value)
{
	mf->choices = c->text;
	mf->nchoices = c->n;
	mf->value = value < (int)c->n ? value : 0;
}

/* A letter on a choice jumps to the next choice starting with it. */
static int
styr_choice_jump(struct mfield *mf, const struct keyev *ev)
{
	wchar_t	first;
	size_t	i, n;

	if (mf->kind != MF_CHOICE || mf->locked || ev->code != 0 ||
	    !iswalnum(ev->ch) || mf->nchoices == 0)
		return 0;
	for (i = 1; i <= mf->nchoices; i++) {
		n = ((size_t)mf->value + i) % mf->nchoices;
		if (mbtowc(&first, mf->choices[n], strlen(mf->choices[n])) > 0
		    && towlower((wint_t)first) == towlower(ev->ch)) {
			mf->value = (int)n;
			return 1;
		}
	}
	return 1;
}

/* Reads an entry as UTF-8; "" when it does not fit (limits prevent it). */
static void
styr_get(const struct mfield *mf, char *out, size_t len)
{
	if (entry_get(&mf->entry, out, len) != 0)
		out[0] = '\0';
}

/* Esc on a form: asks first when something is not saved; 1 to stay. */
static int
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
static int
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

/*
 * What Ny kod and Ny organisation share: the fields, what F2 does, what
 * follows a change, and why a locked field is locked. Each form's data
 * starts with one, so one draw, key and cursor function serve both.
 */
struct styrform {
	struct mform	 form;
	void		(*submit)(struct screen *);
	void		(*changed)(struct screen *);	/* or NULL */
	const char	*locked;
};

/* Draws the fields and what the keys do. */
static void
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
static int
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
	else if (!styr_choice_jump(mf, ev) &&
	    (rv = mform_key(&sf->form, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(&sf->form, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	if (sf->changed != NULL)
		sf->changed(s);
	return rv != 0;
}

/* Places the cursor in a focused entry. */
static int
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
	of->f[OF_AKTIV].text = "kan väljas i nya registreringar";
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
