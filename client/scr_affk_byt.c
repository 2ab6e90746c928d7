/*
 * Byt kontor (domain.md 5.2, A5; rule 52): the handläggande Af- and
 * FK-kontor of a person's open ärende change from a date. The
 * deltagaransvarig chooses the office he works from (skipped when he
 * has one), types the personnummer and Hämtar (Enter, F3 or F5:
 * MSG_AFFK_HISTORIK_GET), which shows the name and the open ärende's
 * offices now; then under "Byt kontor till" a new Af-kontor and a new
 * FK-kontor, both needed, their lists narrowed by marknadsområde and
 * arbetsmarknadsområde (Af) and verksamhetsområde (FK), and the date.
 * F2 Spara sends MSG_AFFK_BYT_KONTOR; afterwards the offices the person
 * now belongs to show. A refusal keeps every field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk.h"
#include "affk_form.h"
#include "client.h"
#include "pnr.h"
#include "proto.h"
#include "xmalloc.h"

#define BK_MAX		64
#define BK_KODER_MAX	128

enum {
	BK_KONTOR, BK_PNR, BK_NAMN, BK_NU_AF, BK_NU_FK, BK_H, BK_MO, BK_AMO,
	BK_AF, BK_VO, BK_FK, BK_DATUM, BK__COUNT
};

struct byt {
	int			 started;
	struct mfield		 f[BK__COUNT];
	struct affk_meta	 meta[BK__COUNT];
	struct affk_page	 page;
	const struct affk_kontor_row *mina[BK_MAX];
	size_t			 nmina;
	int			 kontor_val;
	struct affk_choice	 kontor, mo, amo, vo, af, fk;
	int			 mo_val, amo_val, vo_val;
	/* Hämta: the person and the open ärende. */
	int			 hamtad;
	int			 bytt;		/* saved: Hämta anew */
	char			 hamtad_pnr[13];
	uint32_t		 arende_id;
	uint32_t		 nu_af_id, nu_fk_id;
	char			 namn[256];
	char			 nu_af[256];
	char			 nu_fk[256];
};

static const char *
bk_str(const char *s)
{
	return s != NULL ? s : "";
}

static const struct affk_kontor_row *
bk_kontor(struct byt *b)
{
	uint32_t	id;
	size_t		i;

	if (b->nmina == 1)
		return b->mina[0];
	id = affk_choice_id(&b->f[BK_KONTOR], &b->kontor);
	for (i = 0; i < b->nmina; i++) {
		if (b->mina[i]->id == id)
			return b->mina[i];
	}
	return NULL;
}

/* A filter's choice: "(alla)" and the codes of lista. */
static void
bk_filter(struct screen *s, struct affk_choice *c, struct mfield *f,
    const char *lista)
{
	const struct affk_kod_row	*k[BK_KODER_MAX];
	size_t				 i, n;

	affk_choice_clear(c);
	affk_choice_add(c, 0, "(alla)");
	n = affk_koder(s->ui, lista, 0, k, BK_KODER_MAX);
	for (i = 0; i < n; i++)
		affk_choice_add(c, k[i]->id, k[i]->namn);
	affk_choice_field(f, c, 0);
}

/* The office lists under the filters, keeping the office chosen. */
static void
bk_offices(struct screen *s)
{
	struct byt			*b = s->data;
	const struct affk_kontor_row	*k[BK_MAX];
	uint32_t			 mo, amo, vo, af, fk;
	size_t				 i, n;

	mo = affk_choice_id(&b->f[BK_MO], &b->mo);
	amo = affk_choice_id(&b->f[BK_AMO], &b->amo);
	vo = affk_choice_id(&b->f[BK_VO], &b->vo);
	af = affk_choice_id(&b->f[BK_AF], &b->af);
	fk = affk_choice_id(&b->f[BK_FK], &b->fk);
	affk_choice_clear(&b->af);
	affk_choice_clear(&b->fk);
	affk_choice_add(&b->af, 0, "(välj Af-kontor)");
	n = affk_kontor_list(s->ui, AFFK_AF, 0, k, BK_MAX);
	for (i = 0; i < n; i++) {
		if ((mo == 0 || k[i]->omrade_id == mo) &&
		    (amo == 0 || k[i]->amo_id == amo))
			affk_choice_add(&b->af, k[i]->id, k[i]->namn);
	}
	affk_choice_add(&b->fk, 0, "(välj FK-kontor)");
	n = affk_kontor_list(s->ui, AFFK_FK, 0, k, BK_MAX);
	for (i = 0; i < n; i++) {
		if (vo == 0 || k[i]->omrade_id == vo)
			affk_choice_add(&b->fk, k[i]->id, k[i]->namn);
	}
	affk_choice_field(&b->f[BK_AF], &b->af, af);
	affk_choice_field(&b->f[BK_FK], &b->fk, fk);
	b->mo_val = b->f[BK_MO].value;
	b->amo_val = b->f[BK_AMO].value;
	b->vo_val = b->f[BK_VO].value;
}

/* Forgets the person fetched. */
static void
bk_forget(struct byt *b)
{
	b->hamtad = b->bytt = 0;
	b->hamtad_pnr[0] = '\0';
	b->arende_id = b->nu_af_id = b->nu_fk_id = 0;
	b->namn[0] = b->nu_af[0] = b->nu_fk[0] = '\0';
	b->f[BK_NAMN].hidden = b->f[BK_NU_AF].hidden = 1;
	b->f[BK_NU_FK].hidden = 1;
}

static void
bk_show_person(struct byt *b)
{
	b->f[BK_NAMN].hidden = b->f[BK_NU_AF].hidden = 0;
	b->f[BK_NU_FK].hidden = 0;
	b->f[BK_NAMN].text = b->namn;
	b->f[BK_NU_AF].text = b->nu_af;
	b->f[BK_NU_FK].text = b->nu_fk;
}

static void
bk_clear(struct screen *s)
{
	struct byt	*b = s->data;
	char		 today[16];

	date_today_plus(0, 0, today, sizeof today);
	bk_forget(b);
	entry_clear(&b->f[BK_PNR].entry);
	(void)entry_set(&b->f[BK_DATUM].entry, today);
	bk_filter(s, &b->mo, &b->f[BK_MO], "marknadsomrade");
	bk_filter(s, &b->amo, &b->f[BK_AMO], "arbetsmarknadsomrade");
	bk_filter(s, &b->vo, &b->f[BK_VO], "verksamhetsomrade");
	b->f[BK_AF].value = b->f[BK_FK].value = 0;
	bk_offices(s);
	b->kontor_val = b->f[BK_KONTOR].value;
	b->page.top = 0;
	mform_focus(&b->page.form, b->nmina > 1 ? BK_KONTOR : BK_PNR);
	affk_page_clean(&b->page);
}

static void
bk_open(struct screen *s)
{
	struct byt	*b = s->data;
	size_t		 i;

	b->nmina = affk_mina_kontor(s->ui, b->mina, BK_MAX);
	affk_choice_clear(&b->kontor);
	for (i = 0; i < b->nmina; i++)
		affk_choice_add(&b->kontor, b->mina[i]->id, b->mina[i]->namn);
	if (b->nmina == 1) {
		b->f[BK_KONTOR].kind = MF_TEXT;
		b->f[BK_KONTOR].text = b->mina[0]->namn;
	} else {
		b->f[BK_KONTOR].kind = MF_CHOICE;
		affk_choice_field(&b->f[BK_KONTOR], &b->kontor, 0);
	}
	b->f[BK_KONTOR].hidden = b->nmina == 0;
	bk_clear(s);
	if (b->nmina == 0)
		ui_message(s->ui, 1, "Du är inte deltagaransvarig för något "
		    "Af/FK-kontor.");
}

/* Enter, F3 or F5: Hämta the person's open ärende on the office. */
static void
bk_hamta(struct screen *s)
{
	struct byt			*b = s->data;
	const struct affk_kontor_row	*k = bk_kontor(b);
	const struct affk_arende_row	*a = NULL;
	struct msg_affk_historik_get	 req;
	struct msg_affk_historik	 rep;
	char				 v[64], norm[13], why[160];
	uint32_t			 i;

	mform_focus(&b->page.form, BK_PNR);
	affk_page_text(&b->page, BK_PNR, v, sizeof v);
	if (affk_pnr_check(v, norm, why, sizeof why) != 0) {
		ui_message(s->ui, 1, "%s", why);
		return;
	}
	if (k == NULL) {
		(void)affk_page_refuse(s, &b->page, BK_KONTOR, "Välj kontor "
		    "först.");
		return;
	}
	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.kontor_insats_id = k->insats_id;
	req.personnummer = norm;
	if (ui_call(s->ui, MSG_AFFK_HISTORIK_GET, &req, MSG_AFFK_HISTORIK,
	    &rep) != 0)
		return;		/* the refusal is shown; the number stays */
	bk_forget(b);
	for (i = 0; i < rep.narenden && a == NULL; i++) {
		if (bk_str(rep.arenden[i].slutdatum)[0] == '\0')
			a = &rep.arenden[i];
	}
	if (a == NULL) {
		ui_message(s->ui, 1, "%s", rep.narenden == 0 ? "Personen har "
		    "inget ärende på kontoret." : "Personen har inget "
		    "pågående ärende på kontoret: bara ett pågående samarbete "
		    "kan byta kontor.");
		msg_clear(MSG_AFFK_HISTORIK, &rep);
		return;
	}
	b->hamtad = 1;
	snprintf(b->hamtad_pnr, sizeof b->hamtad_pnr, "%s", norm);
	b->arende_id = a->id;
	b->nu_af_id = a->af_kontor_id;
	b->nu_fk_id = a->fk_kontor_id;
	snprintf(b->namn, sizeof b->namn, "%s", bk_str(rep.namn));
	snprintf(b->nu_af, sizeof b->nu_af, "%s", bk_str(a->af_kontor));
	snprintf(b->nu_fk, sizeof b->nu_fk, "%s", bk_str(a->fk_kontor));
	msg_clear(MSG_AFFK_HISTORIK, &rep);
	snprintf(v, sizeof v, "%.8s-%s", norm, norm + 8);
	(void)entry_set(&b->f[BK_PNR].entry, v);
	bk_show_person(b);
	mform_focus(&b->page.form, BK_MO);
	ui_message(s->ui, 0, "Hämtad: välj nytt Af-kontor och nytt "
	    "FK-kontor och datum för bytet.");
}

/* F2 Spara: MSG_AFFK_BYT_KONTOR with both offices and the date. */
static void
bk_save(struct screen *s)
{
	struct byt			*b = s->data;
	const struct affk_kontor_row	*k = bk_kontor(b), *na, *nf;
	struct msg_affk_byt_kontor	 m;
	struct msg_affk_saved		 rep;
	char				 v[64], norm[13], why[160], datum[16];

	affk_page_text(&b->page, BK_PNR, v, sizeof v);
	if (affk_pnr_check(v, norm, why, sizeof why) != 0) {
		(void)affk_page_refuse(s, &b->page, BK_PNR, why);
		return;
	}
	if (!b->hamtad || b->bytt || strcmp(norm, b->hamtad_pnr) != 0) {
		(void)affk_page_refuse(s, &b->page, BK_PNR, b->bytt ?
		    "Kontoret är redan bytt: hämta personen igen för ett nytt "
		    "byte." : "Hämta personen först: Enter eller F5 på "
		    "Personnummer.");
		return;
	}
	memset(&m, 0, sizeof m);
	m.kontor_insats_id = k != NULL ? k->insats_id : 0;
	m.arende_id = b->arende_id;
	m.af_kontor_id = affk_choice_id(&b->f[BK_AF], &b->af);
	m.fk_kontor_id = affk_choice_id(&b->f[BK_FK], &b->fk);
	if (m.af_kontor_id == 0) {
		(void)affk_page_refuse(s, &b->page, BK_AF, "Välj nytt "
		    "Af-kontor: både Af-kontor och FK-kontor ska anges.");
		return;
	}
	if (m.fk_kontor_id == 0) {
		(void)affk_page_refuse(s, &b->page, BK_FK, "Välj nytt "
		    "FK-kontor: både Af-kontor och FK-kontor ska anges.");
		return;
	}
	affk_page_text(&b->page, BK_DATUM, datum, sizeof datum);
	if (!date_valid(datum)) {
		(void)affk_page_refuse(s, &b->page, BK_DATUM, "Datum för "
		    "bytet ska vara ett datum som ÅÅÅÅ-MM-DD.");
		return;
	}
	m.datum = datum;
	memset(&rep, 0, sizeof rep);
	if (ui_call(s->ui, MSG_AFFK_BYT_KONTOR, &m, MSG_AFFK_SAVED, &rep) != 0)
		return;		/* the reason is shown; the fields stay */
	msg_clear(MSG_AFFK_SAVED, &rep);
	na = affk_kontor_by_id(s->ui, m.af_kontor_id);
	nf = affk_kontor_by_id(s->ui, m.fk_kontor_id);
	snprintf(b->nu_af, sizeof b->nu_af, "%s (från %s)", na != NULL ?
	    na->namn : "", datum);
	snprintf(b->nu_fk, sizeof b->nu_fk, "%s (från %s)", nf != NULL ?
	    nf->namn : "", datum);
	b->bytt = 1;
	affk_page_clean(&b->page);
	mform_focus(&b->page.form, BK_PNR);
	ui_message(s->ui, 0, "Kontoret är bytt från %s. Deltagaren hör nu "
	    "till kontoren ovan.", datum);
}

static void
bk_cancel(struct screen *s)
{
	static const char *const ask[] = {
		"Ändringarna är inte sparade. Avbryta ändå? (j/n)",
	};
	struct byt	*b = s->data;

	if (affk_page_dirty(&b->page) && !ui_ask(s->ui, "Avbryta", ask, 1))
		return;
	if (s->ui->nstack > 1)
		ui_pop(s->ui);
	else {
		bk_clear(s);
		s->ui->menu_focus = 1;
	}
}

static const char *
bk_hint(struct byt *b)
{
	const struct mfield	*f = &b->f[b->page.form.focus];

	if (b->page.form.focus == BK_PNR)
		return "Enter/F5 Hämta  Tab nästa  F2 Spara  Esc Avbryt";
	if (f->kind == MF_CHOICE)
		return "←→/bokstav byter  Tab nästa  F2 Spara  Esc Avbryt";
	return "Tab nästa  F2 Spara  Esc Avbryt";
}

static int
bk_key(struct screen *s, const struct keyev *ev)
{
	struct byt	*b = s->data;
	size_t		 f = b->page.form.focus;
	char		 before[64], after[64], norm[13], why[160];
	int		 rv;

	if (ev->action == ACT_CANCEL) {
		bk_cancel(s);	/* s may be gone */
		return 1;
	}
	if (ev->action == ACT_SAVE) {
		bk_save(s);
		return 1;
	}
	if (ev->action == ACT_SEARCH || ev->code == KEY_F(5) ||
	    (f == BK_PNR && keys_is_enter(ev))) {
		bk_hamta(s);
		return 1;
	}
	if (keys_is_enter(ev)) {
		(void)mform_key(&b->page.form, &(struct keyev){
		    .action = ACT_NEXT });
		return 1;
	}
	if (f == BK_PNR && affk_pnr_refuse_char(s->ui, ev))
		return 1;
	affk_page_text(&b->page, BK_PNR, before, sizeof before);
	if ((rv = affk_page_key(&b->page, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(&b->page.form, why, sizeof why);
		ui_message(s->ui, 1, "%s", why);
	}
	affk_page_text(&b->page, BK_PNR, after, sizeof after);
	if (strcmp(before, after) != 0 && b->hamtad &&
	    (affk_pnr_check(after, norm, why, sizeof why) != 0 ||
	    strcmp(norm, b->hamtad_pnr) != 0))
		bk_forget(b);
	if (b->f[BK_KONTOR].kind == MF_CHOICE &&
	    b->f[BK_KONTOR].value != b->kontor_val) {
		b->kontor_val = b->f[BK_KONTOR].value;
		bk_forget(b);
	}
	if (b->f[BK_MO].value != b->mo_val ||
	    b->f[BK_AMO].value != b->amo_val || b->f[BK_VO].value != b->vo_val)
		bk_offices(s);
	return rv != 0;
}

static void
bk_draw(struct screen *s, WINDOW *w)
{
	struct byt	*b = s->data;

	affk_page_draw(s, &b->page, w, "Byt kontor (Af/FK)", bk_hint(b));
}

static int
bk_cursor(struct screen *s, int *y, int *x)
{
	struct byt	*b = s->data;

	return affk_page_cursor(s, &b->page, y, x);
}

static void
bk_enter(struct screen *s)
{
	struct byt	*b = s->data;

	if (!b->started && remote_connected(s->ui->remote)) {
		b->started = 1;
		bk_open(s);
	}
}

static int
bk_dirty(struct screen *s)
{
	struct byt	*b = s->data;

	return affk_page_dirty(&b->page);
}

static void
bk_free(struct screen *s)
{
	struct byt	*b = s->data;

	affk_choice_clear(&b->kontor);
	affk_choice_clear(&b->mo);
	affk_choice_clear(&b->amo);
	affk_choice_clear(&b->vo);
	affk_choice_clear(&b->af);
	affk_choice_clear(&b->fk);
	affk_page_free(&b->page);
	free(b);
}

static const struct screen_type scr_affk_byt_type = {
	.title = "Byt kontor",
	.enter = bk_enter,
	.draw = bk_draw,
	.key = bk_key,
	.free = bk_free,
	.cursor = bk_cursor,
	.dirty = bk_dirty,
};

struct screen *
scr_affk_byt_new(struct ui *ui)
{
	struct byt	*b;

	b = xcalloc(1, sizeof *b);
	b->f[BK_KONTOR] = (struct mfield){ .kind = MF_TEXT, .label = "Kontor",
	    .text = "" };
	b->f[BK_PNR] = (struct mfield){ .kind = MF_ENTRY,
	    .label = "Personnummer", .hint = "ÅÅÅÅMMDD-NNNN, Enter hämtar" };
	entry_init(&b->f[BK_PNR].entry, 13, 0);
	b->f[BK_NAMN] = (struct mfield){ .kind = MF_TEXT, .label = "Namn",
	    .hidden = 1 };
	b->f[BK_NU_AF] = (struct mfield){ .kind = MF_TEXT,
	    .label = "Af-kontor nu", .hidden = 1 };
	b->f[BK_NU_FK] = (struct mfield){ .kind = MF_TEXT,
	    .label = "FK-kontor nu", .hidden = 1 };
	b->f[BK_H] = (struct mfield){ .kind = MF_TEXT, .label = "",
	    .text = "Byt kontor till" };
	b->meta[BK_H].attr = A_BOLD;
	b->meta[BK_KONTOR].no_dirty = b->meta[BK_MO].no_dirty = 1;
	b->meta[BK_AMO].no_dirty = b->meta[BK_VO].no_dirty = 1;
	b->meta[BK_H].blank = 1;
	b->f[BK_MO] = (struct mfield){ .kind = MF_CHOICE,
	    .label = "Marknadsområde" };
	b->f[BK_AMO] = (struct mfield){ .kind = MF_CHOICE,
	    .label = "Arbetsmarkn.omr." };
	b->f[BK_AF] = (struct mfield){ .kind = MF_CHOICE,
	    .label = "Nytt Af-kontor *" };
	b->f[BK_VO] = (struct mfield){ .kind = MF_CHOICE,
	    .label = "Verksamhetsomr." };
	b->f[BK_FK] = (struct mfield){ .kind = MF_CHOICE,
	    .label = "Nytt FK-kontor *" };
	b->f[BK_DATUM] = (struct mfield){ .kind = MF_ENTRY,
	    .label = "Datum för bytet" };
	b->meta[BK_DATUM].blank = 1;
	entry_init(&b->f[BK_DATUM].entry, 10, 0);
	affk_page_init(&b->page, b->f, b->meta, BK__COUNT);
	return screen_new(ui, &scr_affk_byt_type, b);
}
