/*
 * Registrera deltagare: the fields of the form, shown and labelled for
 * what is edited, and the occasion in them: the participation's
 * inregistrering or utregistrering as read (MSG_DELTAGARE), or empty
 * with today's date. The choices are the code lists of domain.md
 * 3.5-3.10, fetched once per login (client/kod.c); an inactive code an
 * occasion already holds is still offered. Which fields changed is told
 * by comparing their values with those remembered when they were
 * filled. A Spara's body is built back from the fields after the checks
 * the client can make at once; the server decides the rest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "deltagare_form.h"
#include "fpage.h"
#include "proto.h"
#include "xmalloc.h"

/* Codes of list sysselsattning that carry an omfattning (rule 45). */
static const char *const df_omf_kods[] = {
	"ARBETE", "ARBETE_STOD", "EGET_FORETAG", "STUDIER", "PROGRAM",
};

/* Codes a choice offers at most; the lists hold about ten. */
#define DF_CODES_MAX	64

/* A string of a message, "" for none. */
const char *
df_str(const char *s)
{
	return s != NULL ? s : "";
}

/* Grows the field arrays to hold n fields, the new ones empty. */
void
df_fields_reserve(struct deltagare_form *e, size_t n)
{
	if (n <= e->cap)
		return;
	e->fields = xreallocarray(e->fields, n, sizeof *e->fields);
	e->meta = xreallocarray(e->meta, n, sizeof *e->meta);
	memset(e->fields + e->cap, 0, (n - e->cap) * sizeof *e->fields);
	memset(e->meta + e->cap, 0, (n - e->cap) * sizeof *e->meta);
	e->cap = n;
	e->form.fields = e->fields;
}

/* Forgets a choice's codes. */
void
df_choice_clear(struct df_choice *c)
{
	size_t	i;

	for (i = 0; i < c->n; i++) {
		free((void *)c->names[i]);
		free(c->kods[i]);
	}
	free(c->names);
	free(c->kods);
	free(c->ids);
	memset(c, 0, sizeof *c);
}

/* Appends a code, copying its kod and name. */
void
df_choice_add(struct df_choice *c, uint32_t id, const char *kod,
    const char *name)
{
	c->names = xreallocarray(c->names, c->n + 1, sizeof *c->names);
	c->kods = xreallocarray(c->kods, c->n + 1, sizeof *c->kods);
	c->ids = xreallocarray(c->ids, c->n + 1, sizeof *c->ids);
	c->names[c->n] = xstrdup(name);
	c->kods[c->n] = xstrdup(kod);
	c->ids[c->n++] = id;
}

/* The index of code id in a choice, 0 when it is not there. */
static int
df_choice_index(const struct df_choice *c, uint32_t id)
{
	size_t	i;

	for (i = 0; id != 0 && i < c->n; i++) {
		if (c->ids[i] == id)
			return (int)i;
	}
	return 0;
}

/* The code behind a choice field's value, 0 for none. */
uint32_t
df_choice_id(const struct deltagare_form *e, const struct df_choice *c,
    size_t field)
{
	size_t	v = (size_t)e->fields[field].value;

	return v < c->n ? c->ids[v] : 0;
}

/* The kod behind a choice field's value, "" for none. */
static const char *
df_choice_kod(const struct deltagare_form *e, const struct df_choice *c,
    size_t field)
{
	size_t	v = (size_t)e->fields[field].value;

	return v < c->n ? c->kods[v] : "";
}

/* Reports whether id is among keep. */
static int
df_kept(uint32_t id, const uint32_t *keep, size_t nkeep)
{
	size_t	i;

	for (i = 0; i < nkeep; i++) {
		if (keep[i] == id)
			return 1;
	}
	return 0;
}

/*
 * Fills a choice with none (unless NULL), then the active codes of
 * lista but skip, and those in keep even when inactive.
 */
static void
df_choice_codes(struct df_choice *c, struct ui *ui, const char *lista,
    const char *none, const char *skip, const uint32_t *keep, size_t nkeep)
{
	const struct kod_row	*k[DF_CODES_MAX];
	size_t			 i, n;

	df_choice_clear(c);
	if (none != NULL)
		df_choice_add(c, 0, "", none);
	n = kod_codes(ui, lista, 0, 0, k, DF_CODES_MAX);
	for (i = 0; i < n; i++) {
		if (skip != NULL && strcmp(k[i]->kod, skip) == 0)
			continue;
		if (k[i]->aktiv || df_kept(k[i]->id, keep, nkeep))
			df_choice_add(c, k[i]->id, k[i]->kod, k[i]->namn);
	}
}

/* Points a choice field at its names, keeping the code chosen. */
void
df_choice_field(struct deltagare_form *e, size_t field,
    const struct df_choice *c, uint32_t id)
{
	struct mfield	*f = &e->fields[field];

	f->choices = c->names;
	f->nchoices = c->n;
	f->value = df_choice_index(c, id);
}

/* Sets up the fields that are always there. */
void
df_init(struct deltagare_form *e)
{
	size_t	i;

	df_fields_reserve(e, DF_Q + 16);
	e->nfields = DF_Q;
	for (i = 0; i < DF_Q; i++) {
		e->fields[i].kind = MF_TEXT;
		e->fields[i].label = "";
		e->fields[i].hidden = 1;
	}
	entry_init(&e->fields[DF_PNR].entry, 13, 0);
	entry_init(&e->fields[DF_NAMN].entry, DF_NAMN_MAX, 0);
	entry_limit_bytes(&e->fields[DF_NAMN].entry, SUS_NAME_MAX);
	entry_init(&e->fields[DF_SAMT_DATUM].entry, 10, 0);
	entry_init(&e->fields[DF_DATUM].entry, 10, 0);
	entry_init(&e->fields[DF_OMF].entry, 3, 0);
	e->meta[DF_OMF].digits = 1;
	e->meta[DF_H_PERSON].attr = A_BOLD;
	e->meta[DF_H_OCC].attr = A_BOLD;
	e->meta[DF_H_OCC].blank = 1;
	e->meta[DF_H_FRAGOR].attr = A_BOLD;
	e->meta[DF_H_FRAGOR].blank = 1;
	e->meta[DF_FELREG].attr = A_DIM;
	e->meta[DF_FRAGOR_NOTE].attr = A_DIM;
	e->meta[DF_SAMTYCKE].blank = 1;
	for (i = 0; i < DF_FORS_MAX; i++)
		e->meta[DF_FORS + i].indent = 2;
	e->form.fields = e->fields;
	e->form.nfields = e->nfields;
}

/* Frees what the form holds. */
void
df_free(struct deltagare_form *e)
{
	df_fragor_free(e);
	df_choice_clear(&e->fors);
	df_choice_clear(&e->syss);
	df_choice_clear(&e->utb);
	df_choice_clear(&e->tid);
	df_choice_clear(&e->avslut);
	df_choice_clear(&e->stadsdel);
	if (e->hamtad)
		msg_clear(MSG_PERSON, &e->person);
	if (e->loaded)
		msg_clear(MSG_DELTAGARE, &e->orig);
	if (e->insats_loaded)
		msg_clear(MSG_INSATS, &e->insats);
	free(e->tillf);
	free(e->tillf_names);
	free(e->fields);
	free(e->meta);
	free(e->base_person);
	free(e->base_occ);
}

/* Reports whether the form registers a new participant. */
int
df_is_ny(const struct deltagare_form *e)
{
	return e->deltagande_id == 0;
}

/* The occasion read for what is edited, NULL for a new one. */
const struct tillfalle_row *
df_tillfalle(const struct deltagare_form *e)
{
	uint32_t	i;

	if (!e->loaded || e->deltagande_id == 0)
		return NULL;
	for (i = 0; i < e->orig.ntillfallen; i++) {
		if (e->orig.tillfallen[i].typ == e->typ)
			return &e->orig.tillfallen[i];
	}
	return NULL;
}

/* Reports whether sysselsättning is work or study (rule 45). */
int
df_syss_has_omf(const struct deltagare_form *e)
{
	const char	*kod = df_choice_kod(e, &e->syss, DF_SYSS);
	size_t		 i;

	for (i = 0; i < sizeof df_omf_kods / sizeof df_omf_kods[0]; i++) {
		if (strcmp(kod, df_omf_kods[i]) == 0)
			return 1;
	}
	return 0;
}

/* Reports whether avslutsanledning is Felregistrering. */
int
df_is_felreg(const struct deltagare_form *e)
{
	return e->typ == FRAGA_UT &&
	    strcmp(df_choice_kod(e, &e->avslut, DF_AVSLUT),
	    "FELREGISTRERING") == 0;
}

/*
 * The code lists into the choices and the försörjning check boxes,
 * keeping what the fields hold and what keep names (an occasion read).
 */
static void
df_codes_keep(struct screen *s, const uint32_t *keep, size_t nkeep)
{
	struct deltagare_form	*e = s->data;
	uint32_t		 cur[5 + DF_FORS_MAX], *all;
	size_t			 i, n = 0;
	int			 on;

	/*
	 * Fetched first, if need be: a request draws the screen, whose
	 * fields point at the names freed below. Without lists the choices
	 * stay as they are.
	 */
	if (kod_lists(s->ui) == NULL)
		return;
	cur[n++] = df_choice_id(e, &e->syss, DF_SYSS);
	cur[n++] = df_choice_id(e, &e->utb, DF_UTB);
	cur[n++] = df_choice_id(e, &e->tid, DF_TID);
	cur[n++] = df_choice_id(e, &e->avslut, DF_AVSLUT);
	for (i = 0; i < e->fors.n && i < DF_FORS_MAX; i++) {
		if (e->fields[DF_FORS + i].value)
			cur[n++] = e->fors.ids[i];
	}
	all = xcalloc(n + nkeep + 1, sizeof *all);
	memcpy(all, cur, n * sizeof *all);
	if (nkeep > 0)
		memcpy(all + n, keep, nkeep * sizeof *all);
	df_choice_codes(&e->fors, s->ui, "forsorjning", NULL, NULL, all,
	    n + nkeep);
	df_choice_codes(&e->syss, s->ui, "sysselsattning", "(välj)", NULL,
	    all, n + nkeep);
	df_choice_codes(&e->utb, s->ui, "utbildningsniva", "(välj)", NULL,
	    all, n + nkeep);
	df_choice_codes(&e->tid, s->ui, "tid_forsorjning", "(välj)", NULL,
	    all, n + nkeep);
	/* Withdrawn consent has its own command (samtycke återkallat). */
	df_choice_codes(&e->avslut, s->ui, "avslutsanledning", "(välj)",
	    "SAMTYCKE_ATERKALLAT", all, n + nkeep);
	df_choice_field(e, DF_SYSS, &e->syss, cur[0]);
	df_choice_field(e, DF_UTB, &e->utb, cur[1]);
	df_choice_field(e, DF_TID, &e->tid, cur[2]);
	df_choice_field(e, DF_AVSLUT, &e->avslut, cur[3]);
	for (i = 0; i < DF_FORS_MAX; i++) {
		on = i < e->fors.n && df_kept(e->fors.ids[i], cur + 4, n - 4);
		e->fields[DF_FORS + i].kind = MF_CHECK;
		e->fields[DF_FORS + i].value = on;
		e->fields[DF_FORS + i].text = i < e->fors.n ?
		    e->fors.names[i] : "";
	}
	free(all);
}

/* The code lists into the choices; the current values are kept. */
void
df_codes(struct screen *s)
{
	df_codes_keep(s, NULL, 0);
}

/* Today as YYYY-MM-DD. */
static void
df_today(char *buf, size_t len)
{
	date_today_plus(0, 0, buf, len);
}

/* Empty occasion fields (dates today) for what is edited. */
void
df_occasion_defaults(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	char			 today[16];
	size_t			 i;

	df_today(today, sizeof today);
	(void)entry_set(&e->fields[DF_DATUM].entry, today);
	(void)entry_set(&e->fields[DF_SAMT_DATUM].entry, today);
	e->fields[DF_SAMTYCKE].value = 0;
	e->fields[DF_SYSS].value = 0;
	e->fields[DF_UTB].value = 0;
	e->fields[DF_TID].value = 0;
	e->fields[DF_AVSLUT].value = 0;
	for (i = 0; i < DF_FORS_MAX; i++)
		e->fields[DF_FORS + i].value = 0;
	entry_clear(&e->fields[DF_OMF].entry);
	df_codes(s);
	df_fragor_apply(e, NULL, 0);
}

/* The occasion's fields from what was read. */
void
df_occasion_fill(struct screen *s, const struct tillfalle_row *t)
{
	struct deltagare_form	*e = s->data;
	uint32_t		*keep;
	size_t			 i, n = 0;
	char			 omf[16];

	df_occasion_defaults(s);
	keep = xcalloc(t->nforsorjning + 5, sizeof *keep);
	keep[n++] = t->sysselsattning_id;
	keep[n++] = t->utbildning_id;
	keep[n++] = t->tid_id;
	keep[n++] = t->avslut_id;
	for (i = 0; i < t->nforsorjning; i++)
		keep[n++] = t->forsorjning[i].id;
	df_codes_keep(s, keep, n);
	df_choice_field(e, DF_SYSS, &e->syss, t->sysselsattning_id);
	df_choice_field(e, DF_UTB, &e->utb, t->utbildning_id);
	df_choice_field(e, DF_TID, &e->tid, t->tid_id);
	df_choice_field(e, DF_AVSLUT, &e->avslut, t->avslut_id);
	for (i = 0; i < e->fors.n && i < DF_FORS_MAX; i++)
		e->fields[DF_FORS + i].value = df_kept(e->fors.ids[i],
		    keep + 4, n - 4);
	free(keep);
	(void)entry_set(&e->fields[DF_DATUM].entry, df_str(t->datum));
	if (t->omfattning != 0) {
		snprintf(omf, sizeof omf, "%u", t->omfattning);
		(void)entry_set(&e->fields[DF_OMF].entry, omf);
	}
}

/* Forgets the person and the participation: a blank nyinregistrering. */
void
df_clear(struct screen *s)
{
	struct deltagare_form	*e = s->data;

	df_person_forget(s);
	if (e->loaded)
		msg_clear(MSG_DELTAGARE, &e->orig);
	memset(&e->orig, 0, sizeof e->orig);
	e->loaded = 0;
	e->deltagande_id = 0;
	e->typ = FRAGA_IN;
	entry_clear(&e->fields[DF_PNR].entry);
	e->pnr_said[0] = '\0';
	df_occasion_defaults(s);
}

/* Omfattning and Felregistrering follow the choices made. */
void
df_follow_choices(struct screen *s)
{
	struct deltagare_form	*e = s->data;

	if (!df_syss_has_omf(e))
		entry_clear(&e->fields[DF_OMF].entry);
	df_arrange(s);
}

/* Sets a field's kind, label and text, shown. */
void
df_show(struct deltagare_form *e, size_t i, enum mfield_kind kind,
    const char *label, const char *text)
{
	struct mfield	*f = &e->fields[i];

	f->kind = kind;
	f->label = label;
	f->text = text;
	f->hint = NULL;
	f->hidden = 0;
}

/* The occasion's part: date, avslut, försörjning and sysselsättning. */
static void
df_arrange_occasion(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	const struct msg_insats	*in = &e->insats;
	const char		*from, *vid = e->typ == FRAGA_IN ? "före" :
				    "efter";
	int			 ut = e->typ == FRAGA_UT, fel = df_is_felreg(e);
	size_t			 i;

	snprintf(e->occ_head, sizeof e->occ_head, "%s%s", ut ?
	    "Utregistrering" : "Inregistrering", df_tillfalle(e) != NULL ?
	    " (rättning)" : "");
	df_show(e, DF_H_OCC, MF_TEXT, "", e->occ_head);
	df_show(e, DF_DATUM, MF_ENTRY, ut ? "Slutdatum" : "Startdatum", NULL);
	if (ut)
		from = df_str(e->orig.startdatum);
	else
		from = strcmp(df_str(in->startdatum), df_str(in->samorg_start))
		    >= 0 ? df_str(in->startdatum) : df_str(in->samorg_start);
	snprintf(e->hint_datum, sizeof e->hint_datum, from[0] != '\0' ?
	    "ÅÅÅÅ-MM-DD, tidigast %s" : "ÅÅÅÅ-MM-DD%s", from);
	e->fields[DF_DATUM].hint = e->hint_datum;
	df_show(e, DF_AVSLUT, MF_CHOICE, "Avslutsanledning", NULL);
	e->fields[DF_AVSLUT].hidden = !ut;
	df_show(e, DF_FELREG, MF_TEXT, "", "Felregistrering: försörjning "
	    "och sysselsättning efter behövs inte.");
	e->fields[DF_FELREG].hidden = !fel;
	snprintf(e->fors_label, sizeof e->fors_label, "Försörjning %s, en "
	    "eller flera:", vid);
	df_show(e, DF_FORS_LABEL, MF_TEXT, "", e->fors_label);
	e->fields[DF_FORS_LABEL].hidden = fel;
	for (i = 0; i < DF_FORS_MAX; i++)
		e->fields[DF_FORS + i].hidden = fel || i >= e->fors.n;
	snprintf(e->syss_label, sizeof e->syss_label, "Sysselsättning %s",
	    vid);
	df_show(e, DF_SYSS, MF_CHOICE, e->syss_label, NULL);
	e->fields[DF_SYSS].hidden = fel;
	if (df_syss_has_omf(e)) {
		df_show(e, DF_OMF, MF_ENTRY, "Omfattning % ⓘ", NULL);
		e->fields[DF_OMF].hint = "% av 40 h/vecka; i förklarar";
	} else
		df_show(e, DF_OMF, MF_TEXT, "Omfattning % ⓘ", "– (bara för "
		    "arbete och studier)");
	e->fields[DF_OMF].hidden = fel;
	df_show(e, DF_UTB, MF_CHOICE, "Utbildningsnivå", NULL);
	df_show(e, DF_TID, MF_CHOICE, "Tid i offentlig försörjning före "
	    "insatsen", NULL);
	e->fields[DF_UTB].hidden = e->fields[DF_TID].hidden = ut;
}

/* Hides, shows and labels the fields for what is edited now. */
void
df_arrange(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	const char		*vid;
	char			 datum[16];
	int			 ny = df_is_ny(e);

	df_arrange_person(s);
	e->fields[DF_STADSDEL].choices = e->stadsdel.names;
	e->fields[DF_STADSDEL].nchoices = e->stadsdel.n;
	snprintf(e->start_text, sizeof e->start_text, "%s",
	    df_str(e->orig.startdatum));
	df_show(e, DF_START_INFO, MF_TEXT, "Startdatum", e->start_text);
	e->fields[DF_START_INFO].hidden = e->typ != FRAGA_UT;
	df_show(e, DF_SAMTYCKE, MF_CHECK, "", "Underskrivet samtycke "
	    "(blankett 9443) finns");
	e->fields[DF_SAMTYCKE].hint = "Utan samtycke sparas inga "
	    "personuppgifter.";
	e->fields[DF_SAMTYCKE].hidden = !ny;
	df_show(e, DF_SAMT_DATUM, MF_ENTRY, "Samtyckesdatum", NULL);
	e->fields[DF_SAMT_DATUM].hidden = !ny;
	df_arrange_occasion(s);
	df_show(e, DF_H_FRAGOR, MF_TEXT, "", "Kompletterande frågor");
	vid = e->typ == FRAGA_IN ? "inregistrering" : "utregistrering";
	df_entry_text(e, DF_DATUM, datum, sizeof datum);
	if (!e->fragor_loaded)
		snprintf(e->fragor_note, sizeof e->fragor_note, "Frågorna är "
		    "inte hämtade. F3 hämtar dem.");
	else
		snprintf(e->fragor_note, sizeof e->fragor_note, "Inga "
		    "kompletterande frågor ställs vid %s %s.", vid,
		    e->fragor_datum);
	df_show(e, DF_FRAGOR_NOTE, MF_TEXT, "", e->fragor_note);
	e->fields[DF_FRAGOR_NOTE].hidden = e->fragor_loaded && e->nq > 0;
	e->form.fields = e->fields;
	e->form.nfields = e->nfields;
	mform_focus(&e->form, e->form.focus);
}

/* A field's text, spaces around it trimmed, into buf. */
void
df_entry_text(const struct deltagare_form *e, size_t field, char *buf,
    size_t len)
{
	fpage_entry_text(&e->fields[field].entry, buf, len);
}

/* Appends a field's value to a growing text. */
static void
df_fp_add(char **out, size_t *len, const struct deltagare_form *e, size_t i)
{
	char	v[ENTRY_MAX * 4 + 32];
	size_t	n;

	if (e->fields[i].kind == MF_ENTRY) {
		if (entry_get(&e->fields[i].entry, v, sizeof v - 16) != 0)
			v[0] = '\0';
	} else if (e->fields[i].kind == MF_BUTTON)
		snprintf(v, sizeof v, "%s", df_str(e->fields[i].text));
	else
		snprintf(v, sizeof v, "%d", e->fields[i].value);
	n = strlen(v);
	*out = xreallocarray(*out, *len + n + 24, 1);
	*len += (size_t)snprintf(*out + *len, n + 24, "%zu=%s\x1f", i, v);
}

/* The values of fields from up to (not including) to, as one text. */
static char *
df_fingerprint(const struct deltagare_form *e, size_t from, size_t to)
{
	char	*out = xstrdup("");
	size_t	 len = 0, i;

	for (i = from; i < to && i < e->nfields; i++)
		df_fp_add(&out, &len, e, i);
	return out;
}

/* Remembers the person's part (up to the consent) as unchanged. */
void
df_mark_person_clean(struct deltagare_form *e)
{
	free(e->base_person);
	e->base_person = df_fingerprint(e, 0, DF_SAMTYCKE);
}

/* Remembers the occasion's part (the consent on) as unchanged. */
void
df_mark_occ_clean(struct deltagare_form *e)
{
	free(e->base_occ);
	e->base_occ = df_fingerprint(e, DF_SAMTYCKE, e->nfields);
}

/* Compares fields from up to to with a remembered text. */
static int
df_differs(const struct deltagare_form *e, size_t from, size_t to,
    const char *base)
{
	char	*now;
	int	 diff;

	if (base == NULL)
		return 0;
	now = df_fingerprint(e, from, to);
	diff = strcmp(now, base) != 0;
	free(now);
	return diff;
}

/*
 * Reports whether anything was typed that is not saved: a personnummer
 * not yet fetched, a namn or kommun given by hand, or the occasion.
 */
int
df_dirty(const struct deltagare_form *e)
{
	return df_differs(e, 0, DF_SAMTYCKE, e->base_person) ||
	    df_occ_dirty(e);
}

/* Reports whether the occasion's part differs from when it was filled. */
int
df_occ_dirty(const struct deltagare_form *e)
{
	return df_differs(e, DF_SAMTYCKE, e->nfields, e->base_occ);
}

/* Says why the fields are not fit and puts the focus there; -1. */
int
df_refuse(struct screen *s, size_t field, const char *why)
{
	struct deltagare_form	*e = s->data;

	ui_message(s->ui, 1, "%s", why);
	if (field < e->nfields && !e->fields[field].hidden)
		mform_focus(&e->form, field);
	return -1;
}

/* Försörjning, sysselsättning and omfattning; none at Felregistrering. */
static int
df_collect_utfall(struct screen *s, struct tillfalle_row *t)
{
	struct deltagare_form	*e = s->data;
	const char		*vid = e->typ == FRAGA_IN ? "före" : "efter";
	char			 v[32], why[128];
	unsigned long		 omf;
	size_t			 i;

	t->forsorjning = xcalloc(DF_FORS_MAX + 1, sizeof *t->forsorjning);
	if (df_is_felreg(e))
		return 0;
	for (i = 0; i < e->fors.n && i < DF_FORS_MAX; i++) {
		if (e->fields[DF_FORS + i].value)
			t->forsorjning[t->nforsorjning++].id = e->fors.ids[i];
	}
	snprintf(why, sizeof why, "Välj minst en försörjningskälla %s: "
	    "kryssa i med mellanslag.", vid);
	if (t->nforsorjning == 0)
		return df_refuse(s, DF_FORS, why);
	snprintf(why, sizeof why, "Välj sysselsättning %s.", vid);
	if ((t->sysselsattning_id = df_choice_id(e, &e->syss, DF_SYSS)) == 0)
		return df_refuse(s, DF_SYSS, why);
	if (!df_syss_has_omf(e))
		return 0;
	df_entry_text(e, DF_OMF, v, sizeof v);
	omf = strtoul(v, NULL, 10);
	if (v[0] == '\0' || strspn(v, "0123456789") != strlen(v) || omf < 1 ||
	    omf > DF_OMF_MAX)
		return df_refuse(s, DF_OMF, "Omfattning ska vara 1–100 procent "
		    "av 40 timmar i veckan.");
	t->omfattning = (uint32_t)omf;
	return 0;
}

/* The occasion: date, codes, answers and the version read. */
static int
df_collect_tillfalle(struct screen *s, struct tillfalle_row *t)
{
	struct deltagare_form		*e = s->data;
	const struct tillfalle_row	*read = df_tillfalle(e);
	const struct df_fraga		*q;
	char				 v[32], why[128];
	int				 ut = e->typ == FRAGA_UT;

	t->typ = e->typ;
	df_entry_text(e, DF_DATUM, v, sizeof v);
	snprintf(why, sizeof why, "%s ska vara ett datum som ÅÅÅÅ-MM-DD.",
	    ut ? "Slutdatum" : "Startdatum");
	if (!date_valid(v))
		return df_refuse(s, DF_DATUM, why);
	t->datum = xstrdup(v);
	if (ut && (t->avslut_id = df_choice_id(e, &e->avslut,
	    DF_AVSLUT)) == 0)
		return df_refuse(s, DF_AVSLUT, "Välj avslutsanledning.");
	if (df_collect_utfall(s, t) != 0)
		return -1;
	if (!ut && (t->utbildning_id = df_choice_id(e, &e->utb,
	    DF_UTB)) == 0)
		return df_refuse(s, DF_UTB, "Välj utbildningsnivå.");
	if (!ut && (t->tid_id = df_choice_id(e, &e->tid, DF_TID)) == 0)
		return df_refuse(s, DF_TID, "Välj tid i offentlig försörjning "
		    "före insatsen.");
	/* Felregistrering records no outcome: no answer is required. */
	if (!df_is_felreg(e) && (q = df_fragor_missing(e)) != NULL) {
		snprintf(why, sizeof why, "Svara på fråga %zu: den är "
		    "obligatorisk (*).", (size_t)(q - e->q) + 1);
		return df_refuse(s, q->first, why);
	}
	t->svar = df_fragor_answers(e, &t->nsvar);
	t->andrad = xstrdup(read != NULL ? df_str(read->andrad) : "");
	t->andrad_av = xstrdup("");
	return 0;
}

/*
 * The body of a Spara, every string owned (msg_clear frees it); 0 when
 * the client found the fields fit. Consent comes first: without it
 * nothing personal leaves the client (rules 32, 33).
 */
int
df_collect(struct screen *s, struct msg_deltagare_save *m)
{
	struct deltagare_form	*e = s->data;

	memset(m, 0, sizeof *m);
	if (df_is_ny(e) && !e->fields[DF_SAMTYCKE].value)
		return df_refuse(s, DF_SAMTYCKE, "Samtycke saknas: kryssa i "
		    "att underskrivet samtycke (blankett 9443) finns.");
	m->insats_id = e->insats_id;
	m->deltagande_id = e->deltagande_id;
	if (df_is_ny(e) && df_collect_person(s, m) != 0)
		goto fail;
	if (df_collect_tillfalle(s, &m->tillfalle) != 0)
		goto fail;
	return 0;
fail:
	msg_clear(MSG_DELTAGARE_SAVE, m);
	return -1;
}
