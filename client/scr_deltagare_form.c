/*
 * Registrera deltagare (domain.md 2.6(a), 5.2; rules 32-46): the form
 * for one insats. A nyinregistrering starts with the personnummer,
 * checked as it is typed; Enter or F5 Hämta asks the server for the
 * person (MSG_PERSON_LOOKUP): namn, folkbokföringskommun and stadsdel
 * from the register, or typed by hand when the person is not there, and
 * the person's earlier participations in the insats, offered under
 * Mättillfälle to correct an inregistrering or to make or correct an
 * utregistrering (rule 41). The occasion follows: the date, försörjning
 * (one or more), sysselsättning with omfattning for work and study
 * (rule 45), utbildningsnivå and tid i offentlig försörjning at
 * inregistrering, avslutsanledning at utregistrering, and the
 * kompletterande frågor valid on the date.
 *
 * Nothing is sent for a nyinregistrering until consent (blankett 9443)
 * is ticked (rules 32, 33). F2 Spara sends one MSG_DELTAGARE_SAVE; a
 * refusal is shown as the server words it and every field stays. After
 * a save the form is emptied for the next participant, since people are
 * registered many in a row; opened on one participation (from the
 * person's view), it goes back there instead. Esc after changes asks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "client.h"
#include "deltagande.h"
#include "deltagare_form.h"
#include "insats.h"
#include "person_lookup.h"
#include "pnr.h"
#include "proto.h"
#include "xmalloc.h"

/* The ⓘ of Omfattning (domain.md 3.6, rule 45). */
static const char *const dfs_omf_info[] = {
	"Omfattning anges i procent av heltid, där 100 % är",
	"40 timmar i veckan: 20 timmar är 50 %.",
	"",
	"Den anges bara för arbete (även med stöd och eget",
	"företag), studier och arbetsmarknadspolitiskt program.",
	"Arbetsmarknadsutbildning räknas som studier. Den som är",
	"anställd men inte kan arbeta på grund av sjukdom räknas",
	"som att inte arbeta.",
};

/* Fetches the participation opened directly into orig; 0 on success. */
static int
dfs_get(struct screen *s, uint32_t deltagande_id)
{
	struct deltagare_form	*e = s->data;
	struct msg_deltagare_get req;
	struct msg_deltagare	 rep, old;
	int			 had = e->loaded;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.insats_id = e->insats_id;
	req.deltagande_id = deltagande_id;
	if (ui_call(s->ui, MSG_DELTAGARE_GET, &req, MSG_DELTAGARE, &rep) != 0)
		return -1;
	old = e->orig;
	e->orig = rep;
	e->loaded = 1;
	e->deltagande_id = deltagande_id;
	/*
	 * The person's fields point into orig: at the new one before the
	 * old is freed, since a request draws the screen.
	 */
	if (e->direct)
		df_arrange_person(s);
	if (had)
		msg_clear(MSG_DELTAGARE, &old);
	return 0;
}

/*
 * The occasion of what is edited: read, or empty; then its questions
 * and the answers given. The occasion counts as unchanged after it.
 */
static void
dfs_occasion_open(struct screen *s)
{
	struct deltagare_form		*e = s->data;
	const struct tillfalle_row	*t = df_tillfalle(e);

	if (t != NULL)
		df_occasion_fill(s, t);
	else
		df_occasion_defaults(s);
	df_arrange(s);
	(void)df_fragor_fetch(s);
	df_fragor_apply(e, t != NULL ? t->svar : NULL, t != NULL ? t->nsvar :
	    0);
	df_arrange(s);
	df_mark_occ_clean(e);
}

/* Back to a nyinregistrering of the person fetched. */
static void
dfs_back_to_ny(struct screen *s)
{
	struct deltagare_form	*e = s->data;

	if (e->loaded)
		msg_clear(MSG_DELTAGARE, &e->orig);
	memset(&e->orig, 0, sizeof e->orig);
	e->loaded = 0;
	e->deltagande_id = 0;
	e->typ = FRAGA_IN;
	e->fields[DF_TILLFALLE].value = 0;
	dfs_occasion_open(s);
}

/* Opens what the screen was made for; 0 on success. */
static int
dfs_open(struct screen *s)
{
	struct deltagare_form	*e = s->data;

	(void)insats_fetch(s->ui, e->insats_id, &e->insats, &e->insats_loaded);
	df_codes(s);
	e->open_failed = 0;
	if (e->direct && dfs_get(s, e->deltagande_id) != 0) {
		e->open_failed = 1;
		return -1;
	}
	dfs_occasion_open(s);
	df_mark_person_clean(e);
	mform_focus(&e->form, 0);
	if (e->direct && e->orig.avidentifierad)
		ui_message(s->ui, 1, "Deltagandet är avidentifierat: det kan "
		    "inte ändras.");
	return 0;
}

/* Counts digits, and reports whether anything but digits, - and + is. */
static int
dfs_pnr_digits(const char *v, int *other)
{
	int	n = 0;

	*other = 0;
	for (; *v != '\0'; v++) {
		if (*v >= '0' && *v <= '9')
			n++;
		else if (*v != '-' && *v != '+' && *v != ' ')
			*other = 1;
	}
	return n;
}

/* Says what is wrong with a personnummer: the error, and the count. */
static void
dfs_pnr_error(struct screen *s, int rv, int digits)
{
	struct deltagare_form	*e = s->data;

	if (rv == PNR_ERR_FORMAT && digits != 10 && digits != 12)
		snprintf(e->pnr_said, sizeof e->pnr_said, "%s; du har skrivit "
		    "%d.", pnr_strerror(rv), digits);
	else
		snprintf(e->pnr_said, sizeof e->pnr_said, "%s.",
		    pnr_strerror(rv));
	ui_message(s->ui, 1, "%s", e->pnr_said);
}

/*
 * After a key changed the personnummer: what Hämta brought no longer
 * holds, and a complete number is checked at once. Ten digits that may
 * be the start of twelve (18, 19, 20 first) wait for the rest.
 */
static void
dfs_pnr_typed(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	struct pnr		 pn;
	char			 v[64];
	int			 rv, nd, other, sep;

	df_entry_text(e, DF_PNR, v, sizeof v);
	rv = pnr_parse(v, 0, &pn);
	if (e->hamtad && (rv != PNR_OK ||
	    strcmp(pn.norm, e->hamtad_pnr) != 0)) {
		df_person_forget(s);
		if (!df_is_ny(e))
			dfs_back_to_ny(s);
		df_arrange(s);
	}
	nd = dfs_pnr_digits(v, &other);
	sep = strpbrk(v, "-+") != NULL;
	if (rv == PNR_OK) {
		snprintf(e->pnr_said, sizeof e->pnr_said, "Giltigt "
		    "personnummer. Enter eller F5 hämtar namn och kommun.");
		ui_message(s->ui, 0, "%s", e->pnr_said);
	} else if (other || nd > 12 || nd == 12 || (nd == 10 && (sep ||
	    !(strncmp(v, "18", 2) == 0 || strncmp(v, "19", 2) == 0 ||
	    strncmp(v, "20", 2) == 0))))
		dfs_pnr_error(s, rv, nd);
	else if (e->pnr_said[0] != '\0' && strcmp(s->ui->message,
	    e->pnr_said) == 0) {
		/* Shorter again: the old verdict no longer applies. */
		ui_message(s->ui, 0, "%s", "");
		e->pnr_said[0] = '\0';
	}
}

/* Leaving the personnummer: anything typed must be a number by now. */
static void
dfs_pnr_leave(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	struct pnr		 pn;
	char			 v[64];
	int			 rv, other;

	df_entry_text(e, DF_PNR, v, sizeof v);
	if (v[0] == '\0' || (rv = pnr_parse(v, 0, &pn)) == PNR_OK)
		return;
	dfs_pnr_error(s, rv, dfs_pnr_digits(v, &other));
}

/* Enter or F5 on the personnummer: Hämta (MSG_PERSON_LOOKUP). */
static void
dfs_hamta(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	struct msg_person	 rep;
	struct pnr		 pn;
	char			 v[64];
	int			 rv, other;

	if (e->direct || e->fields[DF_PNR].kind != MF_ENTRY) {
		ui_message(s->ui, 0, "Hämta gäller en ny inregistrering.");
		return;
	}
	mform_focus(&e->form, DF_PNR);
	df_entry_text(e, DF_PNR, v, sizeof v);
	if ((rv = pnr_parse(v, 0, &pn)) != PNR_OK) {
		dfs_pnr_error(s, rv, dfs_pnr_digits(v, &other));
		return;
	}
	if (person_lookup(s->ui, e->insats_id, v, &rep) != 0)
		return;		/* a refusal is shown; the number stays */
	df_person_forget(s);
	e->person = rep;
	e->hamtad = 1;
	if (!df_is_ny(e))
		dfs_back_to_ny(s);
	df_person_fill(s);
	df_arrange(s);
	/* What the register gave is not unsaved work; what is typed is. */
	df_mark_person_clean(e);
	mform_focus(&e->form, DF_PNR + 1);
	person_lookup_said(s->ui, &rep, e->stadsdel.n > 1,
	    rep.ndeltaganden > 0 ? "Hämtad. Har deltagit i insatsen förut: "
	    "se Mättillfälle." : NULL);
}

/* Told the kommun chosen by hand; its stadsdelar are looked up later. */
static void
dfs_kommun_picked(struct screen *parent, const struct samorg_kommun *k,
    size_t n)
{
	struct deltagare_form	*e = parent->data;

	if (n == 0)
		return;
	snprintf(e->kommunkod, sizeof e->kommunkod, "%s", k[0].kommunkod);
	snprintf(e->kommun, sizeof e->kommun, "%s", k[0].kommun);
	e->picked_stadsdel = k[0].stadsdel_id;
	e->kommun_check = 1;
}

/* After the picker: the stadsdelar of the kommun, if it has any. */
static void
dfs_kommun_check(struct screen *s)
{
	struct deltagare_form	*e = s->data;

	e->kommun_check = 0;
	if (df_stadsdelar(s, e->kommunkod, e->kommun, e->picked_stadsdel) != 0)
		return;
	df_arrange(s);
	if (e->stadsdel.n > 1 && e->fields[DF_STADSDEL].value == 0) {
		mform_focus(&e->form, DF_STADSDEL);
		ui_message(s->ui, 0, "%s är vald. Välj stadsdel: den krävs "
		    "där.", e->kommun);
	} else
		ui_message(s->ui, 0, "%s är vald.", e->kommun);
}

/* A new Mättillfälle: the occasion chosen is read, or a new one begun. */
static void
dfs_tillfalle(struct screen *s, int old)
{
	static const char *const ask[] = {
		"Det du har ändrat för tillfället sparas inte.",
		"Byta mättillfälle ändå? (j/n)",
	};
	struct deltagare_form	*e = s->data;
	const struct df_tillf	*t;
	size_t			 v = (size_t)e->fields[DF_TILLFALLE].value;

	if (v >= e->ntillf)
		return;
	t = &e->tillf[v];
	if (df_occ_dirty(e) && !ui_ask(s->ui, "Byta mättillfälle", ask, 2)) {
		e->fields[DF_TILLFALLE].value = old;
		return;
	}
	if (t->deltagande_id == 0) {
		dfs_back_to_ny(s);
		df_mark_person_clean(e);
		ui_message(s->ui, 0, "Ny inregistrering.");
		return;
	}
	if (dfs_get(s, t->deltagande_id) != 0) {
		e->fields[DF_TILLFALLE].value = old;
		return;
	}
	e->typ = t->typ;
	dfs_occasion_open(s);
	/* Choosing an occasion is no change to save. */
	df_mark_person_clean(e);
	mform_focus(&e->form, DF_TILLFALLE);
	if (e->orig.avidentifierad)
		ui_message(s->ui, 1, "Deltagandet är avidentifierat: det kan "
		    "inte ändras.");
	else
		ui_message(s->ui, 0, "%s: %s.", t->name, df_tillfalle(e) !=
		    NULL ? "hämtad för rättning" : "fyll i och spara");
}

/* F2 after a save: empty for the next participant, or back. */
static void
dfs_saved(struct screen *s, const char *said)
{
	struct deltagare_form	*e = s->data;
	struct ui		*ui = s->ui;
	char			 msg[SUS_MESSAGE_MAX + 1];

	snprintf(msg, sizeof msg, "%s", said);
	if (e->direct) {
		ui_pop(ui);
		ui_message(ui, 0, "%s", msg);
		return;
	}
	df_clear(s);
	dfs_occasion_open(s);
	df_arrange(s);
	df_mark_person_clean(e);
	mform_focus(&e->form, DF_PNR);
	e->top = 0;
	ui_message(ui, 0, "%s Nästa deltagare.", msg);
}

/*
 * Before a Spara: the questions must be those of the date saved. When
 * the date has changed and other questions are asked on it, they are
 * shown to be answered first; 0 when the questions shown hold.
 */
static int
dfs_fragor_current(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	uint32_t		*ids;
	size_t			 i, n = e->nq;
	int			 same;

	if (!df_fragor_stale(e))
		return 0;
	ids = xcalloc(n + 1, sizeof *ids);
	for (i = 0; i < n; i++)
		ids[i] = e->q[i].fraga_id;
	if (df_fragor_fetch(s) != 0) {
		free(ids);
		return -1;
	}
	same = e->nq == n;
	for (i = 0; same && i < n; i++)
		same = ids[i] == e->q[i].fraga_id;
	free(ids);
	if (same)
		return 0;
	ui_message(s->ui, 1, "Andra frågor ställs den %s: se över svaren och "
	    "spara igen.", e->fragor_datum);
	return -1;
}

/* F2 Spara: one MSG_DELTAGARE_SAVE. */
static void
dfs_save(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	struct msg_deltagare_save m;
	struct msg_ok		 ok;
	char			 said[SUS_MESSAGE_MAX + 1];

	if (df_tillfalle(e) != NULL && !df_occ_dirty(e)) {
		ui_message(s->ui, 0, "Det finns inga ändringar att spara.");
		return;
	}
	if (dfs_fragor_current(s) != 0)
		return;
	if (df_collect(s, &m) != 0)
		return;
	memset(&ok, 0, sizeof ok);
	if (ui_call(s->ui, MSG_DELTAGARE_SAVE, &m, MSG_OK, &ok) != 0) {
		msg_clear(MSG_DELTAGARE_SAVE, &m);
		return;		/* the reason is shown; the fields stay */
	}
	msg_clear(MSG_DELTAGARE_SAVE, &m);
	snprintf(said, sizeof said, "%s", ok.message != NULL &&
	    ok.message[0] != '\0' ? ok.message : "Uppgifterna är sparade.");
	msg_clear(MSG_OK, &ok);
	dfs_saved(s, said);
}

/* Esc: asks first when something is not saved, then goes back. */
static void
dfs_cancel(struct screen *s)
{
	static const char *const ask[] = {
		"Ändringarna är inte sparade. Avbryta ändå? (j/n)",
	};
	struct deltagare_form	*e = s->data;

	if (df_dirty(e) && !ui_ask(s->ui, "Avbryta", ask, 1))
		return;
	ui_pop(s->ui);
}

/*
 * F3: a correction is read again (after a conflict, say), asking first
 * when that drops changes; a new occasion gets its questions again.
 */
static void
dfs_reload(struct screen *s)
{
	static const char *const ask[] = {
		"Ändringarna är inte sparade. Läsa om ändå? (j/n)",
	};
	struct deltagare_form	*e = s->data;
	uint8_t			 typ = e->typ;

	if (df_tillfalle(e) == NULL) {
		if (df_fragor_fetch(s) == 0)
			ui_message(s->ui, 0, "%zu %s.", e->nq, e->nq == 1 ?
			    "fråga ställs" : "frågor ställs");
		return;
	}
	if (df_occ_dirty(e) && !ui_ask(s->ui, "Läsa om", ask, 1))
		return;
	if (dfs_get(s, e->deltagande_id) != 0)
		return;
	e->typ = typ;
	dfs_occasion_open(s);
	ui_message(s->ui, 0, "%s är läst igen.", typ == FRAGA_IN ?
	    "Inregistreringen" : "Utregistreringen");
}

/*
 * Refuses a character a field of digits does not take; 1 when it did.
 * The personnummer also takes - and +.
 */
static int
dfs_refuse_char(struct screen *s, const struct keyev *ev)
{
	struct deltagare_form	*e = s->data;
	size_t			 f = e->form.focus;
	wint_t			 c = ev->ch;

	if (ev->code != 0 || ev->action != ACT_NONE || !iswprint(c) ||
	    (c >= L'0' && c <= L'9'))
		return 0;
	if (f == DF_PNR && e->fields[f].kind == MF_ENTRY && c != L'-' &&
	    c != L'+') {
		ui_message(s->ui, 1, "Personnummer skrivs med siffror: "
		    "ÅÅÅÅMMDD-NNNN.");
		return 1;
	}
	if (e->meta[f].digits && e->fields[f].kind == MF_ENTRY) {
		ui_message(s->ui, 1, f == DF_OMF ? "Omfattning skrivs med "
		    "siffror, 1–100." : "Svaret är ett heltal: bara siffror.");
		return 1;
	}
	return 0;
}

/* Moves the focus by dir, checking what is left behind. */
static void
dfs_move(struct screen *s, int dir)
{
	struct deltagare_form	*e = s->data;
	struct keyev		 step;
	size_t			 from = e->form.focus;

	memset(&step, 0, sizeof step);
	step.action = dir > 0 ? ACT_NEXT : ACT_PREV;
	(void)mform_key(&e->form, &step);
	if (from == DF_PNR && e->form.focus != from)
		dfs_pnr_leave(s);
	if (from == DF_DATUM && df_fragor_stale(e) && df_fragor_fetch(s) == 0)
		ui_message(s->ui, 0, "%zu kompletterande %s vid %s %s.", e->nq,
		    e->nq == 1 ? "fråga ställs" : "frågor ställs", e->typ ==
		    FRAGA_IN ? "inregistrering" : "utregistrering",
		    e->fragor_datum);
}

/* Keys on a field: movement, Enter, the ⓘ, then the field's own. */
static int
dfs_field_key(struct screen *s, const struct keyev *ev)
{
	struct deltagare_form	*e = s->data;
	size_t			 f = e->form.focus;
	struct mfield		*mf = &e->fields[f];
	char			 pnr_before[64], pnr_after[64], text[160];
	int			 syss, avslut, tillf, rv;

	if (ev->action == ACT_NEXT || ev->code == KEY_DOWN) {
		dfs_move(s, 1);
		return 1;
	}
	if (ev->action == ACT_PREV || ev->code == KEY_UP) {
		dfs_move(s, -1);
		return 1;
	}
	if (keys_is_enter(ev)) {
		if (f == DF_PNR && mf->kind == MF_ENTRY)
			dfs_hamta(s);
		else if (mf->kind == MF_BUTTON)
			ui_push(s->ui, kommun_pick_new(s->ui, s,
			    dfs_kommun_picked));
		else
			dfs_move(s, 1);
		return 1;
	}
	if (f == DF_OMF && ev->code == 0 && (ev->ch == L'i' ||
	    ev->ch == L'?')) {
		ui_notice(s->ui, "Omfattning", dfs_omf_info,
		    sizeof dfs_omf_info / sizeof dfs_omf_info[0]);
		return 1;
	}
	if (dfs_refuse_char(s, ev))
		return 1;
	df_entry_text(e, DF_PNR, pnr_before, sizeof pnr_before);
	syss = e->fields[DF_SYSS].value;
	avslut = e->fields[DF_AVSLUT].value;
	tillf = e->fields[DF_TILLFALLE].value;
	if ((rv = mform_key(&e->form, ev)) == ENTRY_KEY_FULL) {
		entry_full_text(&mf->entry, mf->label != NULL &&
		    mf->label[0] != '\0' ? mf->label : "Svaret", text,
		    sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	df_entry_text(e, DF_PNR, pnr_after, sizeof pnr_after);
	if (strcmp(pnr_before, pnr_after) != 0)
		dfs_pnr_typed(s);
	if (e->fields[DF_SYSS].value != syss ||
	    e->fields[DF_AVSLUT].value != avslut)
		df_follow_choices(s);
	if (e->fields[DF_TILLFALLE].value != tillf)
		dfs_tillfalle(s, tillf);
	return rv != 0;
}

/* Routes keys: the form-wide ones first, then the focused field's. */
static int
dfs_key(struct screen *s, const struct keyev *ev)
{
	struct deltagare_form	*e = s->data;

	if (e->open_failed) {
		if (ev->action != ACT_SEARCH)
			return 0;
		(void)dfs_open(s);
		return 1;
	}
	if (ev->action == ACT_CANCEL)
		dfs_cancel(s);	/* s may be gone */
	else if (ev->action == ACT_SAVE)
		dfs_save(s);
	else if (ev->action == ACT_SEARCH)
		dfs_reload(s);
	else if (ev->code == KEY_F(5))
		dfs_hamta(s);
	else if (ev->code == KEY_NPAGE || ev->code == KEY_PPAGE) {
		if (e->form.focus == DF_PNR)
			dfs_pnr_leave(s);
		df_page_jump(s, ev->code == KEY_NPAGE ? 1 : -1);
	} else
		return dfs_field_key(s, ev);
	return 1;
}

/* Draws the page, or why there is none. */
static void
dfs_draw(struct screen *s, WINDOW *w)
{
	struct deltagare_form	*e = s->data;

	if (e->open_failed)
		text_put(w, 1, 1, "Deltagandet kunde inte hämtas. F3 försöker "
		    "igen, Esc går tillbaka.", s->cols - 2);
	else
		df_page_draw(s, w);
}

/* The cursor in the focused entry. */
static int
dfs_cursor(struct screen *s, int *y, int *x)
{
	struct deltagare_form	*e = s->data;

	return e->open_failed ? 0 : df_page_cursor(s, y, x);
}

/* Opens the form the first time; after the kommun picker, its stadsdel. */
static void
dfs_enter(struct screen *s)
{
	struct deltagare_form	*e = s->data;

	if (!e->started && remote_connected(s->ui->remote)) {
		e->started = 1;
		(void)dfs_open(s);
	}
	if (e->kommun_check)
		dfs_kommun_check(s);
}

/* Frees the form. */
static void
dfs_free(struct screen *s)
{
	struct deltagare_form	*e = s->data;

	df_free(e);
	free(e);
}

/* For the frame: unsaved changes must not vanish unasked. */
static int
dfs_dirty(struct screen *s)
{
	struct deltagare_form	*e = s->data;

	return !e->open_failed && df_dirty(e);
}

static const struct screen_type scr_deltagare_form_type = {
	.title = "Registrera deltagare",
	.enter = dfs_enter,
	.draw = dfs_draw,
	.key = dfs_key,
	.free = dfs_free,
	.cursor = dfs_cursor,
	.dirty = dfs_dirty,
};

/*
 * The registration form for insats_id. deltagande_id 0 with FRAGA_IN is
 * a nyinregistrering; otherwise occasion typ of that participation is
 * opened, to correct it or, for an utregistrering not yet made, to make
 * it.
 */
struct screen *
scr_deltagare_form_new(struct ui *ui, uint32_t insats_id,
    uint32_t deltagande_id, uint8_t typ)
{
	struct deltagare_form	*e;

	e = xcalloc(1, sizeof *e);
	e->insats_id = insats_id;
	e->deltagande_id = deltagande_id;
	e->typ = deltagande_id == 0 || typ != FRAGA_UT ? FRAGA_IN : FRAGA_UT;
	e->direct = deltagande_id != 0;
	df_init(e);
	return screen_new(ui, &scr_deltagare_form_type, e);
}
