/*
 * Administration → Af/FK-kontor (superadministratör): the offices of
 * the Af/FK co-operation, open and closed, from the Af/FK styrdata
 * (affk_data.c), filtered by authority (F6 or the choice over the
 * list). Ins adds an office, Enter changes one: the authority only when
 * it is new, the name, the area from the authority's own list
 * (marknadsområde for Arbetsförmedlingen, verksamhetsområde for
 * Försäkringskassan), the kontorstyp TA or FV for Försäkringskassan,
 * the older arbetsmarknadsområde for Arbetsförmedlingen, and whether it
 * is open. F2 sends MSG_AFFK_KONTOR_SAVE; the server decides and a
 * refusal keeps what was typed. After a save the styrdata are dropped
 * (affk_forget) so every screen sees the change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk.h"
#include "client.h"
#include "proto.h"
#include "styrdata.h"
#include "xmalloc.h"

/* Rows over the list: the authority and the count. */
#define KO_LIST_Y	2
/* Under the list: the office in words (two lines), and two key lines. */
#define KO_FOOT		4
#define KO_NAMN_MAX	100

static const char *const ko_mynd_names[] = { "Alla", "Arbetsförmedlingen",
    "Försäkringskassan" };
static const int ko_mynd_codes[] = { 0, AFFK_AF, AFFK_FK };

enum { KC_MYND, KC_NAMN, KC_OMRADE, KC_TYP, KC_STATUS, KC__COUNT };

static const struct tbl_col ko_cols[KC__COUNT] = {
	[KC_MYND] = { "Mynd.", 5, 5, 0, NULL, 2 },
	[KC_NAMN] = { "Namn", 27, 40, 0, NULL, 0 },
	[KC_OMRADE] = { "Område", 10, 24, 2, NULL, 1 },
	[KC_TYP] = { "Typ", 4, 16, 1, NULL, 1 },
	[KC_STATUS] = { "Status", 6, 6, 0, NULL, 2 },
};

struct koscr {
	struct mfield	 f[1];
	struct mform	 form;
	int		 in_list;
	int		 started;
	int		 stale;
	uint32_t	 want_id;
	int		 filter;	/* the authority listed, by index */
	struct plist	 pl;
	struct ui	*ui;
};

/* Lists the offices of the authority chosen, from the styrdata. */
static int
ko_fetch(struct plist *pl, size_t offset, size_t limit, size_t *total)
{
	struct koscr			*ko = pl->arg;
	const struct msg_affk_styrdata	*d;
	const struct affk_kontor_row	*k;
	const char			*v[KC__COUNT];
	char				 typ[256];
	uint32_t			 i;
	int				 m = ko_mynd_codes[ko->filter];

	(void)limit;
	if (offset > 0) {
		*total = offset;
		return 0;
	}
	if ((d = affk_styrdata(ko->ui)) == NULL)
		return -1;
	for (i = 0; i < d->nkontor; i++) {
		k = &d->kontor[i];
		if (m != 0 && k->myndighet != m)
			continue;
		if (k->myndighet == AFFK_FK)
			strlcpy(typ, k->kontorstyp, sizeof typ);
		else
			strlcpy(typ, k->amo_id != 0 ? affk_kod_namn(ko->ui,
			    k->amo_id) : "", sizeof typ);
		v[KC_MYND] = affk_myndighet_kort(k->myndighet);
		v[KC_NAMN] = k->namn;
		v[KC_OMRADE] = k->omrade;
		v[KC_TYP] = typ;
		v[KC_STATUS] = k->aktiv ? "öppet" : "stängt";
		plist_add(pl, k->id, k->myndighet, v);
	}
	*total = pl->vl.loaded;
	return 0;
}

static void
ko_fit(struct screen *s)
{
	struct koscr	*ko = s->data;
	int		 rows = s->lines - KO_LIST_Y - 1 - KO_FOOT;

	vlist_resize(&ko->pl.vl, rows > 1 ? (size_t)rows : 1);
}

/* Lists again, the cursor on the office with want_id if it is there. */
static void
ko_load(struct screen *s)
{
	struct koscr	*ko = s->data;
	size_t		 i;

	ko->filter = ko->f[0].value;
	if (plist_load(&ko->pl) != 0)
		return;
	for (i = 0; ko->want_id != 0 && i < ko->pl.vl.loaded; i++) {
		if (ko->pl.rows[i].id == ko->want_id) {
			vlist_goto(&ko->pl.vl, i);
			ko->in_list = 1;
		}
	}
	ko->want_id = 0;
}

static struct screen *koform_new(struct screen *, uint32_t id);

static int
ko_key(struct screen *s, const struct keyev *ev)
{
	struct koscr		*ko = s->data;
	struct plist_row	*r;
	int			 was = ko->f[0].value, rv;

	if (ev->code == KEY_IC || (ko->in_list && ev->code == 0 &&
	    ev->ch == L'+')) {
		ui_push(s->ui, koform_new(s, 0));
		return 1;
	}
	if (ev->code == KEY_F(6)) {
		ko->f[0].value = (ko->f[0].value + 1) % 3;
		ko_load(s);
		return 1;
	}
	if (ev->code == KEY_F(5)) {
		affk_forget(s->ui);
		ko_load(s);
		return 1;
	}
	if (ev->action == ACT_CANCEL)
		return 0;
	if (!ko->in_list) {
		if (keys_is_enter(ev) || ev->action == ACT_NEXT ||
		    ev->code == KEY_DOWN) {
			ko->in_list = ko->pl.vl.total > 0;
			return 1;
		}
		rv = mform_key(&ko->form, ev);
		if (ko->f[0].value != was)
			ko_load(s);
		return rv != 0;
	}
	if (ev->action == ACT_NEXT || ev->action == ACT_PREV ||
	    (ev->code == KEY_UP && ko->pl.vl.cursor == 0)) {
		ko->in_list = 0;
		return 1;
	}
	if (keys_is_enter(ev)) {
		if ((r = plist_current(&ko->pl)) != NULL)
			ui_push(s->ui, koform_new(s, r->id));
		return 1;
	}
	return plist_key(&ko->pl, s->ui, ev);
}

/* The office under the cursor in words: what narrow columns leave out. */
static void
ko_draw_detail(struct screen *s, WINDOW *w, int y)
{
	struct koscr			*ko = s->data;
	const struct affk_kontor_row	*k;
	struct plist_row		*r;
	char				 line[1024];

	/* Drawing never asks the server: only what is held is shown. */
	if (s->ui->affk == NULL || (r = plist_current(&ko->pl)) == NULL ||
	    (k = affk_kontor_by_id(s->ui, r->id)) == NULL)
		return;
	if (k->myndighet == AFFK_FK)
		snprintf(line, sizeof line, "%s: verksamhetsområde %s, "
		    "kontorstyp %s.", k->namn, k->omrade, k->kontorstyp);
	else
		snprintf(line, sizeof line, "%s: marknadsområde %s%s%s.",
		    k->namn, k->omrade, k->amo_id != 0 ?
		    ", arbetsmarknadsområde " : "", k->amo_id != 0 ?
		    affk_kod_namn(s->ui, k->amo_id) : "");
	wattron(w, A_DIM);
	text_wrap(w, y, 1, line, s->cols - 2, 2);
	wattroff(w, A_DIM);
}

static void
ko_draw(struct screen *s, WINDOW *w)
{
	struct koscr	*ko = s->data;
	char		 line[128];
	int		 width = s->cols - 2;

	(void)mform_draw(&ko->form, w, 0, 1, width, !ko->in_list);
	if (!ko->pl.ready)
		text_put(w, 1, 1, "Kontoren kunde inte hämtas. F5 försöker "
		    "igen.", width);
	else {
		snprintf(line, sizeof line, "Kontor: %zu (rad %zu)",
		    ko->pl.vl.total, ko->pl.vl.total > 0 ?
		    ko->pl.vl.cursor + 1 : 0);
		text_put(w, 1, 1, line, width);
		plist_draw(&ko->pl, w, KO_LIST_Y, 1, width, ko->in_list);
		ko_draw_detail(s, w, s->lines - KO_FOOT);
	}
	wattron(w, A_DIM);
	text_put(w, s->lines - 2, 1, "Ins Nytt kontor  Enter Ändra  "
	    "F6 Myndighet", width);
	text_put(w, s->lines - 1, 1, "F5 Uppdatera  / Sök i listan", width);
	wattroff(w, A_DIM);
}

static void
ko_enter(struct screen *s)
{
	struct koscr	*ko = s->data;

	if (!remote_connected(s->ui->remote))
		return;
	ko_fit(s);
	if (!ko->started || ko->stale) {
		ko->started = 1;
		ko->stale = 0;
		ko_load(s);
	}
}

static void
ko_layout(struct screen *s, int lines, int cols)
{
	(void)lines;
	(void)cols;
	ko_fit(s);
}

static void
ko_free(struct screen *s)
{
	struct koscr	*ko = s->data;

	plist_clear(&ko->pl);
	free(ko);
}

static const struct screen_type scr_affk_kontor_type = {
	.title = "Af/FK-kontor",
	.enter = ko_enter,
	.layout = ko_layout,
	.draw = ko_draw,
	.key = ko_key,
	.free = ko_free,
};

struct screen *
scr_affk_kontor_new(struct ui *ui)
{
	struct koscr	*ko;

	ko = xcalloc(1, sizeof *ko);
	ko->ui = ui;
	ko->f[0].kind = MF_CHOICE;
	ko->f[0].label = "Myndighet";
	ko->f[0].choices = ko_mynd_names;
	ko->f[0].nchoices = 3;
	mform_init(&ko->form, ko->f, 1);
	plist_init(&ko->pl, ko_cols, KC__COUNT, ko_fetch, ko);
	return screen_new(ui, &scr_affk_kontor_type, ko);
}

/* ---- Nytt kontor / Ändra kontor ---- */

enum { KF_MYND, KF_NAMN, KF_OMRADE, KF_TYP, KF_AMO, KF_AKTIV, KF__COUNT };

static const char *const kf_mynd_names[] = { "Arbetsförmedlingen",
    "Försäkringskassan" };
static const char *const kf_typ_names[] = { "TA", "FV" };

struct koform {
	struct styrform	 sf;		/* first: the shared functions see it */
	struct mfield	 f[KF__COUNT];
	struct koscr	*owner;
	uint32_t	 id;		/* 0 for a new office */
	int		 shown;		/* the authority the areas are of */
	struct choices	 omrade, amo;
	char		 was_namn[KO_NAMN_MAX * 4 + 1];
	int		 was[KF__COUNT];
};

static int
kf_myndighet(const struct koform *kf)
{
	return kf->f[KF_MYND].value == 0 ? AFFK_AF : AFFK_FK;
}

/* The areas of the authority chosen; keeps omrade_id when offered. */
static void
kf_areas(struct koform *kf, struct ui *ui, uint32_t omrade_id)
{
	const struct affk_kod_row	*c[STYR_CHOICES_MAX];
	char				 key[16];
	size_t				 i, n;
	int				 m = kf_myndighet(kf);

	choices_clear(&kf->omrade);
	choices_add(&kf->omrade, m == AFFK_AF ? "(välj marknadsområde)" :
	    "(välj verksamhetsområde)", "");
	n = affk_koder(ui, m == AFFK_AF ? "marknadsomrade" :
	    "verksamhetsomrade", 1, c, STYR_CHOICES_MAX - 1);
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof key, "%u", c[i]->id);
		choices_add(&kf->omrade, c[i]->namn, key);
	}
	snprintf(key, sizeof key, "%u", omrade_id);
	if (omrade_id != 0 && choices_find(&kf->omrade, key) == 0)
		choices_add(&kf->omrade, affk_kod_namn(ui, omrade_id), key);
	choices_attach(&kf->f[KF_OMRADE], &kf->omrade,
	    choices_find(&kf->omrade, key));
	kf->f[KF_TYP].hidden = m != AFFK_FK;
	kf->f[KF_AMO].hidden = m != AFFK_AF;
	kf->shown = kf->f[KF_MYND].value;
}

/* A new authority: its own areas. */
static void
kf_changed(struct screen *s)
{
	struct koform	*kf = s->data;

	if (kf->f[KF_MYND].value != kf->shown)
		kf_areas(kf, s->ui, 0);
}

static uint32_t
kf_id_of(const struct choices *c, int v)
{
	return v >= 0 && (size_t)v < c->n ? (uint32_t)strtoul(c->key[v],
	    NULL, 10) : 0;
}

static int
kf_dirty(struct screen *s)
{
	struct koform	*kf = s->data;
	char		 namn[sizeof kf->was_namn];
	size_t		 i;

	styr_get(&kf->f[KF_NAMN], namn, sizeof namn);
	if (strcmp(namn, kf->was_namn) != 0)
		return 1;
	for (i = 0; i < KF__COUNT; i++) {
		if (i != KF_NAMN && kf->f[i].value != kf->was[i])
			return 1;
	}
	return 0;
}

/* Checks what the client can and sends the office. */
static void
kf_submit(struct screen *s)
{
	struct koform		*kf = s->data;
	struct ui		*ui = s->ui;
	struct koscr		*owner = kf->owner;
	struct affk_kontor_row	 req;
	struct msg_ok		 ok;
	char			 namn[sizeof kf->was_namn], said[SUS_MESSAGE_MAX];
	int			 m = kf_myndighet(kf);

	styr_get(&kf->f[KF_NAMN], namn, sizeof namn);
	if (namn[strspn(namn, " ")] == '\0') {
		mform_focus(&kf->sf.form, KF_NAMN);
		ui_message(ui, 1, "Fyll i Namn.");
		return;
	}
	memset(&req, 0, sizeof req);
	req.id = kf->id;
	req.myndighet = (uint8_t)m;
	req.namn = namn;
	req.omrade = (char *)"";
	req.omrade_id = kf_id_of(&kf->omrade, kf->f[KF_OMRADE].value);
	if (req.omrade_id == 0) {
		mform_focus(&kf->sf.form, KF_OMRADE);
		ui_message(ui, 1, "Välj %s.", m == AFFK_AF ? "marknadsområde" :
		    "verksamhetsområde");
		return;
	}
	req.amo_id = m == AFFK_AF ? kf_id_of(&kf->amo,
	    kf->f[KF_AMO].value) : 0;
	req.kontorstyp = (char *)(m == AFFK_FK ?
	    kf_typ_names[kf->f[KF_TYP].value] : "");
	req.aktiv = (uint8_t)kf->f[KF_AKTIV].value;
	memset(&ok, 0, sizeof ok);
	/* A refusal is on the message line; what was typed stays. */
	if (ui_call(ui, MSG_AFFK_KONTOR_SAVE, &req, MSG_OK, &ok) != 0)
		return;
	snprintf(said, sizeof said, "%s", ok.message != NULL &&
	    ok.message[0] != '\0' ? ok.message : "Kontoret är sparat.");
	owner->want_id = ok.id;
	owner->stale = 1;
	msg_clear(MSG_OK, &ok);
	/* Every screen reads the offices again. */
	affk_forget(ui);
	ui_pop(ui);
	ui_message(ui, 0, "%s", said);
}

static void
kf_free(struct screen *s)
{
	struct koform	*kf = s->data;

	choices_clear(&kf->omrade);
	choices_clear(&kf->amo);
	free(kf);
}

static const struct screen_type scr_koform_types[2] = {
	{ .title = "Nytt Af/FK-kontor", .draw = styrform_draw,
	    .key = styrform_key, .free = kf_free,
	    .cursor = styrform_cursor, .dirty = kf_dirty },
	{ .title = "Ändra Af/FK-kontor", .draw = styrform_draw,
	    .key = styrform_key, .free = kf_free,
	    .cursor = styrform_cursor, .dirty = kf_dirty },
};

/* Opens the form over the list: office id to change, 0 for a new one. */
static struct screen *
koform_new(struct screen *owner, uint32_t id)
{
	static const char *const labels[KF__COUNT] = { "Myndighet", "Namn",
	    "Område", "Kontorstyp", "Arbetsmarknadsomr.", "Öppet" };
	const struct affk_kontor_row	*k = NULL;
	const struct affk_kod_row	*c[STYR_CHOICES_MAX];
	struct ui			*ui = owner->ui;
	struct koform			*kf;
	char				 key[16];
	size_t				 i, n;

	if (id != 0)
		k = affk_kontor_by_id(ui, id);
	kf = xcalloc(1, sizeof *kf);
	kf->owner = owner->data;
	kf->id = k != NULL ? k->id : 0;
	for (i = 0; i < KF__COUNT; i++) {
		kf->f[i].kind = MF_CHOICE;
		kf->f[i].label = labels[i];
	}
	kf->f[KF_MYND].choices = kf_mynd_names;
	kf->f[KF_MYND].nchoices = 2;
	/* A new office is of the authority listed, if one is. */
	kf->f[KF_MYND].value = k != NULL ? k->myndighet == AFFK_FK :
	    ko_mynd_codes[((struct koscr *)owner->data)->filter] == AFFK_FK;
	kf->f[KF_MYND].locked = k != NULL;
	kf->f[KF_NAMN].kind = MF_ENTRY;
	entry_init(&kf->f[KF_NAMN].entry, KO_NAMN_MAX, 0);
	entry_limit_bytes(&kf->f[KF_NAMN].entry, SUS_NAME_MAX);
	kf->f[KF_TYP].choices = kf_typ_names;
	kf->f[KF_TYP].nchoices = 2;
	kf->f[KF_TYP].value = k != NULL && strcmp(k->kontorstyp, "FV") == 0;
	choices_add(&kf->amo, "(inget)", "0");
	n = affk_koder(ui, "arbetsmarknadsomrade", 1, c, STYR_CHOICES_MAX - 1);
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof key, "%u", c[i]->id);
		choices_add(&kf->amo, c[i]->namn, key);
	}
	snprintf(key, sizeof key, "%u", k != NULL ? k->amo_id : 0);
	if (k != NULL && k->amo_id != 0 && choices_find(&kf->amo, key) == 0)
		choices_add(&kf->amo, affk_kod_namn(ui, k->amo_id), key);
	choices_attach(&kf->f[KF_AMO], &kf->amo, choices_find(&kf->amo, key));
	kf->f[KF_AKTIV].kind = MF_CHECK;
	kf->f[KF_AKTIV].text = "kan väljas för deltagare";
	kf->f[KF_AKTIV].value = k == NULL || k->aktiv;
	kf_areas(kf, ui, k != NULL ? k->omrade_id : 0);
	if (k != NULL) {
		(void)entry_set(&kf->f[KF_NAMN].entry, k->namn);
		entry_home(&kf->f[KF_NAMN].entry);
		strlcpy(kf->was_namn, k->namn, sizeof kf->was_namn);
	}
	for (i = 0; i < KF__COUNT; i++)
		kf->was[i] = kf->f[i].value;
	mform_init(&kf->sf.form, kf->f, KF__COUNT);
	mform_focus(&kf->sf.form, k != NULL ? KF_NAMN : KF_MYND);
	kf->sf.submit = kf_submit;
	kf->sf.changed = kf_changed;
	kf->sf.locked = "Ett kontor byter inte myndighet; skapa ett nytt.";
	return screen_new(ui, &scr_koform_types[k != NULL], kf);
}
