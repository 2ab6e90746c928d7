/*
 * Registrera medverkan (domain.md 3.14, 5.2; rules 47-50): a new
 * Af/FK ärende and its first period. The deltagaransvarig chooses the
 * office he works from (skipped when he has one), types the
 * personnummer and Söker (Enter, F3 or F5: MSG_PERSON_LOOKUP on the
 * office's insats), which brings namn and folkbokföringskommun from the
 * register copy and asks for a stadsdel in Stockholm and Göteborg; a
 * person the copy lacks has namn typed and kommun chosen. Then the
 * joint consent and its date, who initiated the co-operation, the
 * handläggande Af- and FK-kontor (his own pre-filled), the first
 * insatstyp (those his authority registers, from the styrdata) and its
 * date. F2 Spara sends MSG_AFFK_MEDVERKAN_SAVE; a refusal is shown and
 * every field stays. After a save the form is emptied for the next
 * person and, when the step asks questions, Registrera uppgifter opens
 * over it for the period just written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk_medverkan.h"
#include "pnr.h"
#include "proto.h"
#include "xmalloc.h"

/* The office worked from, NULL when there is none. */
const struct affk_kontor_row *
am_kontor(struct medverkan *m)
{
	uint32_t	id;
	size_t		i;

	if (m->nmina == 1)
		return m->mina[0];
	id = affk_choice_id(&m->f[AM_KONTOR], &m->kontor);
	for (i = 0; i < m->nmina; i++) {
		if (m->mina[i]->id == id)
			return m->mina[i];
	}
	return NULL;
}

/* The choices that follow the office: own office pre-filled, the steps. */
static void
am_follow_kontor(struct screen *s)
{
	struct medverkan		*m = s->data;
	const struct affk_kontor_row	*k = am_kontor(m), *ko[AM_MAX];
	const struct affk_insatstyp_row	*t[AM_MAX];
	uint8_t				 myn[AM_MAX];
	size_t				 i, n;
	int				 own = k != NULL ? k->myndighet : 0;

	m->kontor_val = m->f[AM_KONTOR].value;
	affk_choice_clear(&m->af);
	affk_choice_clear(&m->fk);
	affk_choice_clear(&m->typ);
	affk_choice_add(&m->af, 0, "(välj Af-kontor)");
	n = affk_kontor_list(s->ui, AFFK_AF, 0, ko, AM_MAX);
	for (i = 0; i < n; i++)
		affk_choice_add(&m->af, ko[i]->id, ko[i]->namn);
	affk_choice_add(&m->fk, 0, "(välj FK-kontor)");
	n = affk_kontor_list(s->ui, AFFK_FK, 0, ko, AM_MAX);
	for (i = 0; i < n; i++)
		affk_choice_add(&m->fk, ko[i]->id, ko[i]->namn);
	affk_choice_field(&m->f[AM_AF], &m->af, own == AFFK_AF ? k->id : 0);
	affk_choice_field(&m->f[AM_FK], &m->fk, own == AFFK_FK ? k->id : 0);
	affk_choice_field(&m->f[AM_INITIERAD], &m->init, (uint32_t)own);
	n = affk_nasta_typer(s->ui, 0, t, myn, AM_MAX);
	for (i = 0; i < n; i++) {
		if (myn[i] != own)
			continue;
		if (m->typ.n == 0)
			affk_choice_add(&m->typ, 0, "(välj insatstyp)");
		affk_choice_add(&m->typ, t[i]->id, t[i]->namn);
	}
	if (m->typ.n > 0) {
		m->f[AM_TYP].kind = MF_CHOICE;
		affk_choice_field(&m->f[AM_TYP], &m->typ, 0);
	} else {
		/* Who registers the first step, as the styrdata says. */
		snprintf(m->typ_text, sizeof m->typ_text, "Registreras av %s",
		    n > 0 ? affk_myndighet_namn(myn[0]) : "ingen");
		m->f[AM_TYP].kind = MF_TEXT;
		m->f[AM_TYP].text = m->typ_text;
	}
}

/* An empty form: today's dates, the office's choices, no person. */
static void
am_clear(struct screen *s)
{
	struct medverkan	*m = s->data;
	char			 today[16];

	date_today_plus(0, 0, today, sizeof today);
	am_person_forget(m);
	entry_clear(&m->f[AM_PNR].entry);
	m->f[AM_SAMTYCKE].value = 0;
	(void)entry_set(&m->f[AM_SAMT_DATUM].entry, today);
	(void)entry_set(&m->f[AM_DATUM].entry, today);
	am_follow_kontor(s);
	am_person_arrange(m);
	m->page.top = 0;
	mform_focus(&m->page.form, m->nmina > 1 ? AM_KONTOR : AM_PNR);
	affk_page_clean(&m->page);
}

/* The first time: the offices and steps from the styrdata. */
static void
am_open(struct screen *s)
{
	struct medverkan	*m = s->data;
	size_t			 i;

	m->nmina = affk_mina_kontor(s->ui, m->mina, AM_MAX);
	affk_choice_clear(&m->kontor);
	for (i = 0; i < m->nmina; i++)
		affk_choice_add(&m->kontor, m->mina[i]->id, m->mina[i]->namn);
	if (m->nmina == 1) {
		m->f[AM_KONTOR].kind = MF_TEXT;
		m->f[AM_KONTOR].text = m->mina[0]->namn;
	} else {
		m->f[AM_KONTOR].kind = MF_CHOICE;
		affk_choice_field(&m->f[AM_KONTOR], &m->kontor, 0);
	}
	m->f[AM_KONTOR].hidden = m->nmina == 0;
	am_clear(s);
	if (m->nmina == 0)
		ui_message(s->ui, 1, "Du är inte deltagaransvarig för något "
		    "Af/FK-kontor.");
}

/* A date field: as typed, or why not, with the focus there. */
static int
am_date(struct screen *s, size_t field, const char *what, char *v,
    size_t len)
{
	struct medverkan	*m = s->data;
	char			 why[128];

	affk_page_text(&m->page, field, v, len);
	if (date_valid(v))
		return 0;
	snprintf(why, sizeof why, "%s ska vara ett datum som ÅÅÅÅ-MM-DD.",
	    what);
	return affk_page_refuse(s, &m->page, field, why);
}

/* The body of a Spara; 0 when the client found it fit. */
static int
am_collect(struct screen *s, struct msg_affk_medverkan_save *b)
{
	struct medverkan		*m = s->data;
	const struct affk_kontor_row	*k = am_kontor(m);
	char				 v[32], why[200];

	memset(b, 0, sizeof *b);
	if (k == NULL)
		return affk_page_refuse(s, &m->page, AM_KONTOR, "Välj kontor.");
	b->kontor_insats_id = k->insats_id;
	if (am_collect_person(s, b) != 0)
		return -1;
	if (!m->f[AM_SAMTYCKE].value)
		return affk_page_refuse(s, &m->page, AM_SAMTYCKE, "Samtycke "
		    "till Af/FK-samarbetet krävs: kryssa i med mellanslag när "
		    "det finns.");
	b->samtycke = 1;
	if (am_date(s, AM_SAMT_DATUM, "Samtyckesdatum", v, sizeof v) != 0)
		return -1;
	b->samtycke_datum = xstrdup(v);
	b->initierad_av = (uint8_t)affk_choice_id(&m->f[AM_INITIERAD],
	    &m->init);
	if (b->initierad_av == 0)
		return affk_page_refuse(s, &m->page, AM_INITIERAD, "Välj vem "
		    "som initierade samarbetet.");
	if ((b->af_kontor_id = affk_choice_id(&m->f[AM_AF], &m->af)) == 0)
		return affk_page_refuse(s, &m->page, AM_AF, "Välj "
		    "handläggande Af-kontor.");
	if ((b->fk_kontor_id = affk_choice_id(&m->f[AM_FK], &m->fk)) == 0)
		return affk_page_refuse(s, &m->page, AM_FK, "Välj "
		    "handläggande FK-kontor.");
	if (m->f[AM_TYP].kind != MF_CHOICE) {
		snprintf(why, sizeof why, "Medverkan registreras av %s: "
		    "det första steget är deras.", m->typ_text +
		    strlen("Registreras av "));
		return affk_page_refuse(s, &m->page, AM_DATUM, why);
	}
	if ((b->insatstyp_id = affk_choice_id(&m->f[AM_TYP], &m->typ)) == 0)
		return affk_page_refuse(s, &m->page, AM_TYP, "Välj första "
		    "insatstyp.");
	if (am_date(s, AM_DATUM, "Startdatum", v, sizeof v) != 0)
		return -1;
	b->datum = xstrdup(v);
	return 0;
}

/* F2 Spara: MSG_AFFK_MEDVERKAN_SAVE, then Registrera uppgifter. */
static void
am_save(struct screen *s)
{
	struct medverkan		*m = s->data;
	struct msg_affk_medverkan_save	 b;
	struct msg_affk_saved		 rep;
	const struct affk_insatstyp_row	*t;
	char				 rubrik[512], mask[16], namn[256];
	char				 datum[16];
	uint32_t			 insats_id, typ_id;

	if (am_collect(s, &b) != 0) {
		msg_clear(MSG_AFFK_MEDVERKAN_SAVE, &b);
		return;
	}
	memset(&rep, 0, sizeof rep);
	if (ui_call(s->ui, MSG_AFFK_MEDVERKAN_SAVE, &b, MSG_AFFK_SAVED,
	    &rep) != 0) {
		msg_clear(MSG_AFFK_MEDVERKAN_SAVE, &b);
		return;		/* the reason is shown; the fields stay */
	}
	pnr_mask(b.personnummer, mask, sizeof mask);
	snprintf(namn, sizeof namn, "%s", m->person.i_register ?
	    am_str(m->person.namn) : am_str(b.namn));
	snprintf(datum, sizeof datum, "%s", b.datum);
	insats_id = b.kontor_insats_id;
	typ_id = b.insatstyp_id;
	t = affk_typ_by_id(s->ui, typ_id);
	snprintf(rubrik, sizeof rubrik, "%s %s: %s från %s", namn, mask,
	    t != NULL ? t->namn : "", datum);
	msg_clear(MSG_AFFK_MEDVERKAN_SAVE, &b);
	am_clear(s);
	if (rep.nfragor > 0 && rep.period_id != 0) {
		ui_push(s->ui, scr_affk_uppgifter_new(s->ui, insats_id,
		    rep.period_id, typ_id, rubrik, NULL, 0));
		ui_message(s->ui, 0, "Medverkan är registrerad. Svara på "
		    "frågorna och spara.");
	} else
		ui_message(s->ui, 0, "Medverkan är registrerad.");
	msg_clear(MSG_AFFK_SAVED, &rep);
}

static void
am_cancel(struct screen *s)
{
	static const char *const ask[] = {
		"Ändringarna är inte sparade. Avbryta ändå? (j/n)",
	};
	struct medverkan	*m = s->data;

	if (affk_page_dirty(&m->page) && !ui_ask(s->ui, "Avbryta", ask, 1))
		return;
	if (s->ui->nstack > 1)
		ui_pop(s->ui);
	else {
		am_clear(s);
		s->ui->menu_focus = 1;
	}
}

static const char *
am_hint(struct medverkan *m)
{
	const struct mfield	*f = &m->f[m->page.form.focus];

	if (m->page.form.focus == AM_PNR)
		return "Enter/F5 Sök  Tab nästa  F2 Spara  Esc Avbryt";
	switch (f->kind) {
	case MF_BUTTON:
		return "Enter väljer kommun  Tab nästa  F2 Spara";
	case MF_CHECK:
		return "Mellanslag kryssar  Tab nästa  F2 Spara";
	case MF_CHOICE:
		return "←→/bokstav byter  Tab nästa  F2 Spara  Esc Avbryt";
	default:
		return "Tab nästa  F2 Spara  Esc Avbryt";
	}
}

static int
am_key(struct screen *s, const struct keyev *ev)
{
	struct medverkan	*m = s->data;
	size_t			 f = m->page.form.focus;
	char			 before[64], after[64], norm[13], why[160];
	int			 rv, was_dirty;

	if (ev->action == ACT_CANCEL) {
		am_cancel(s);	/* s may be gone */
		return 1;
	}
	if (ev->action == ACT_SAVE) {
		am_save(s);
		return 1;
	}
	if (ev->action == ACT_SEARCH || ev->code == KEY_F(5) ||
	    (f == AM_PNR && keys_is_enter(ev))) {
		am_sok(s);
		return 1;
	}
	if (keys_is_enter(ev)) {
		if (m->f[f].kind == MF_BUTTON)
			ui_push(s->ui, kommun_pick_new(s->ui, s,
			    am_kommun_picked));
		else
			(void)mform_key(&m->page.form, &(struct keyev){
			    .action = ACT_NEXT });
		return 1;
	}
	if (f == AM_PNR && affk_pnr_refuse_char(s->ui, ev))
		return 1;
	affk_page_text(&m->page, AM_PNR, before, sizeof before);
	was_dirty = affk_page_dirty(&m->page);
	if ((rv = affk_page_key(&m->page, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(&m->page.form, why, sizeof why);
		ui_message(s->ui, 1, "%s", why);
	}
	affk_page_text(&m->page, AM_PNR, after, sizeof after);
	if (strcmp(before, after) != 0 && m->hamtad &&
	    (affk_pnr_check(after, norm, why, sizeof why) != 0 ||
	    strcmp(norm, m->hamtad_pnr) != 0)) {
		am_person_forget(m);
		am_person_arrange(m);
	}
	if (m->f[AM_KONTOR].kind == MF_CHOICE &&
	    m->f[AM_KONTOR].value != m->kontor_val) {
		/* Choosing the office is no work to lose by itself. */
		am_person_forget(m);
		am_follow_kontor(s);
		am_person_arrange(m);
		if (!was_dirty)
			affk_page_clean(&m->page);
	}
	return rv != 0;
}

static void
am_draw(struct screen *s, WINDOW *w)
{
	struct medverkan	*m = s->data;

	affk_page_draw(s, &m->page, w, "Registrera medverkan (Af/FK)",
	    am_hint(m));
}

static int
am_cursor(struct screen *s, int *y, int *x)
{
	struct medverkan	*m = s->data;

	return affk_page_cursor(s, &m->page, y, x);
}

static void
am_enter(struct screen *s)
{
	struct medverkan	*m = s->data;

	if (!m->started && remote_connected(s->ui->remote)) {
		m->started = 1;
		am_open(s);
	}
	if (m->kommun_check)
		am_kommun_check(s);
}

static int
am_dirty(struct screen *s)
{
	struct medverkan	*m = s->data;

	return affk_page_dirty(&m->page);
}

static void
am_free(struct screen *s)
{
	struct medverkan	*m = s->data;

	am_person_forget(m);
	affk_choice_clear(&m->kontor);
	affk_choice_clear(&m->init);
	affk_choice_clear(&m->af);
	affk_choice_clear(&m->fk);
	affk_choice_clear(&m->typ);
	affk_page_free(&m->page);
	free(m);
}

static const struct screen_type scr_affk_medverkan_type = {
	.title = "Registrera medverkan",
	.enter = am_enter,
	.draw = am_draw,
	.key = am_key,
	.free = am_free,
	.cursor = am_cursor,
	.dirty = am_dirty,
};

struct screen *
scr_affk_medverkan_new(struct ui *ui)
{
	struct medverkan	*m;

	m = xcalloc(1, sizeof *m);
	m->f[AM_KONTOR] = (struct mfield){ .kind = MF_TEXT, .label = "Kontor",
	    .text = "" };
	m->f[AM_PNR] = (struct mfield){ .kind = MF_ENTRY,
	    .label = "Personnummer", .hint = "ÅÅÅÅMMDD-NNNN, Enter söker" };
	entry_init(&m->f[AM_PNR].entry, 13, 0);
	m->f[AM_NAMN] = (struct mfield){ .kind = MF_TEXT, .label = "Namn",
	    .hidden = 1 };
	entry_init(&m->f[AM_NAMN].entry, AM_NAMN_MAX, 0);
	m->f[AM_KOMMUN] = (struct mfield){ .kind = MF_TEXT, .label = "Kommun",
	    .hidden = 1 };
	m->f[AM_STADSDEL] = (struct mfield){ .kind = MF_CHOICE,
	    .label = "Stadsdel", .hidden = 1 };
	m->f[AM_SAMTYCKE] = (struct mfield){ .kind = MF_CHECK, .label = "",
	    .text = "Samtycke till Af/FK-samarbetet finns" };
	m->meta[AM_SAMTYCKE].blank = 1;
	m->f[AM_SAMT_DATUM] = (struct mfield){ .kind = MF_ENTRY,
	    .label = "Samtyckesdatum" };
	entry_init(&m->f[AM_SAMT_DATUM].entry, 10, 0);
	m->f[AM_INITIERAD] = (struct mfield){ .kind = MF_CHOICE,
	    .label = "Initierad av" };
	m->f[AM_H_KONTOR] = (struct mfield){ .kind = MF_TEXT, .label = "",
	    .text = "Handläggande kontor" };
	m->meta[AM_H_KONTOR].attr = A_BOLD;
	m->meta[AM_H_KONTOR].blank = 1;
	m->f[AM_AF] = (struct mfield){ .kind = MF_CHOICE,
	    .label = "Af-kontor" };
	m->f[AM_FK] = (struct mfield){ .kind = MF_CHOICE,
	    .label = "FK-kontor" };
	m->f[AM_TYP] = (struct mfield){ .kind = MF_CHOICE,
	    .label = "Första insatstyp" };
	m->meta[AM_TYP].blank = 1;
	m->f[AM_DATUM] = (struct mfield){ .kind = MF_ENTRY,
	    .label = "Startdatum" };
	entry_init(&m->f[AM_DATUM].entry, 10, 0);
	affk_choice_add(&m->init, 0, "(välj)");
	affk_choice_add(&m->init, AFFK_FK, affk_myndighet_namn(AFFK_FK));
	affk_choice_add(&m->init, AFFK_AF, affk_myndighet_namn(AFFK_AF));
	affk_page_init(&m->page, m->f, m->meta, AM__COUNT);
	return screen_new(ui, &scr_affk_medverkan_type, m);
}
