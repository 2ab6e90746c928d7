/*
 * Registrera (ny) insats: the insats as read with MSG_INSATS_GET (or an
 * empty one in the chosen samverkansorganisation), the forms and the
 * Deltagaransvariga panel filled from it, what has changed since, and
 * the body of a Spara built back from them. The choices are the code
 * lists of domain.md 3.2-3.4 and 3.12; preciserad inriktning lists only
 * the codes under the inriktning chosen (rule 27).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "insats.h"
#include "insats_edit.h"
#include "proto.h"
#include "xmalloc.h"

static const struct {
	const char	*label;
	size_t		 max;
	size_t		 off;		/* in struct msg_insats */
} ie_base_defs[IB__COUNT] = {
	[IB_NAMN] = { "Insatsnamn", IE_NAMN_MAX,
	    offsetof(struct msg_insats, namn) },
	[IB_START] = { "Startdatum", 10,
	    offsetof(struct msg_insats, startdatum) },
	[IB_SLUT] = { "Slutdatum", 10, offsetof(struct msg_insats, slutdatum) },
};

/* The labels over the choices of Kategorisering av insats. */
static const char *const ie_kat_labels[KF_MALGRUPP] = {
	[KF_INR_LABEL] = "Inriktning:",
	[KF_PREC_LABEL] = "Preciserad inriktning:",
	[KF_METOD_LABEL] = "Deltagarregistrering (mätningsmetod):",
	[KF_MAL_LABEL] = "Specifik målgrupp, en eller flera:",
};

/* A string of a message, "" for none. */
static const char *
ie_str(const char *s)
{
	return s != NULL ? s : "";
}

/* The string member at off of a message. */
static char **
ie_member(struct msg_insats *m, size_t off)
{
	return (char **)(void *)((char *)m + off);
}

/* The choice behind a field of Kategorisering. */
static const struct ie_choice *
ie_choice_of(const struct insats_edit *e, enum ie_kat f)
{
	return f == KF_INR ? &e->inr : f == KF_PREC ? &e->prec : &e->metod;
}

/* The code chosen in field f, 0 for "(ej vald)". */
uint32_t
ie_choice_id(const struct insats_edit *e, enum ie_kat f)
{
	const struct ie_choice	*c = ie_choice_of(e, f);
	size_t			 v = (size_t)e->kat[f].value;

	return v < c->n ? c->ids[v] : 0;
}

/* The kod of the code chosen in field f, "" for none. */
static const char *
ie_choice_kod(const struct insats_edit *e, enum ie_kat f)
{
	const struct ie_choice	*c = ie_choice_of(e, f);
	size_t			 v = (size_t)e->kat[f].value;

	return v < c->n ? c->kods[v] : "";
}

/* Reports whether the mätningsmetod chosen is kod. */
int
ie_metod_is(const struct insats_edit *e, const char *kod)
{
	return strcmp(ie_choice_kod(e, KF_METOD), kod) == 0;
}

/* Reports whether the caller may change the insats at all. */
int
ie_editable(const struct insats_edit *e)
{
	return (e->orig.rights & INSATS_R_EDIT) != 0;
}

/* Reports whether the categorisation may change: not after participants. */
int
ie_kat_editable(const struct insats_edit *e)
{
	return ie_editable(e) && !e->orig.locked;
}

/* Appends a choice, copying its name and kod. */
static void
ie_choice_add(struct ie_choice *c, uint32_t id, const char *kod,
    const char *name)
{
	snprintf(c->buf[c->n], sizeof c->buf[c->n], "%s", name);
	snprintf(c->kods[c->n], sizeof c->kods[c->n], "%s", kod);
	c->names[c->n] = c->buf[c->n];
	c->ids[c->n++] = id;
}

/*
 * Fills a choice with none, then the active codes of lista (under parent
 * when not 0) and the present one cur even when inactive. When the lists
 * could not be fetched, cur is still shown by cur_name (if given).
 * Returns the index of cur, 0 when it is not there.
 */
static int
ie_choice_fill(struct ie_choice *c, struct ui *ui, const char *lista,
    uint32_t parent, uint32_t cur, const char *cur_name, const char *none)
{
	const struct kod_row	*k[IE_CODES];
	size_t			 i, n;
	int			 at = -1;

	c->n = 0;
	ie_choice_add(c, 0, "", none);
	n = kod_codes(ui, lista, 0, parent, k, IE_CODES - 2);
	for (i = 0; i < n; i++) {
		if (!k[i]->aktiv && k[i]->id != cur)
			continue;
		if (k[i]->id == cur)
			at = (int)c->n;
		ie_choice_add(c, k[i]->id, k[i]->kod, k[i]->namn);
	}
	if (at < 0 && cur != 0 && cur_name != NULL && *cur_name != '\0') {
		at = (int)c->n;
		ie_choice_add(c, cur, "", cur_name);
	}
	return at < 0 ? 0 : at;
}

/* Points a choice field at its choices, on value at. */
static void
ie_choice_field(struct mfield *f, const struct ie_choice *c, int at)
{
	f->kind = MF_CHOICE;
	f->choices = c->names;
	f->nchoices = c->n;
	f->value = at;
}

/* The preciseringar of the inriktning chosen, on cur if it is one. */
static void
ie_prec_fill(struct screen *s, uint32_t cur, const char *cur_name)
{
	struct insats_edit	*e = s->data;
	uint32_t		 inr = ie_choice_id(e, KF_INR);
	int			 at = 0;

	if (inr == 0) {
		e->prec.n = 0;
		ie_choice_add(&e->prec, 0, "", "(välj inriktning först)");
	} else
		at = ie_choice_fill(&e->prec, s->ui, "preciserad_inriktning",
		    inr, cur, cur_name, "(ej vald)");
	ie_choice_field(&e->kat[KF_PREC], &e->prec, at);
}

/* Reports whether the insats as read has målgrupp id. */
static int
ie_malgrupp_had(const struct msg_insats *o, uint32_t id)
{
	uint32_t	i;

	for (i = 0; i < o->nmalgrupper; i++) {
		if (o->malgrupper[i].id == id)
			return 1;
	}
	return 0;
}

/* Appends a målgrupp check box; returns 1 when there was room. */
static int
ie_malgrupp_add(struct insats_edit *e, uint32_t id, const char *name, int on)
{
	struct mfield	*f;
	size_t		 i;

	for (i = 0; i < e->nmal; i++) {
		if (e->mal_ids[i] == id)
			return 1;
	}
	if (e->nmal == IE_MALGRUPPER)
		return 0;
	f = &e->kat[KF_MALGRUPP + e->nmal];
	snprintf(e->mal_names[e->nmal], sizeof e->mal_names[e->nmal], "%s",
	    name);
	f->kind = MF_CHECK;
	f->text = e->mal_names[e->nmal];
	f->value = on;
	f->hidden = 0;
	e->mal_ids[e->nmal++] = id;
	return 1;
}

/* The målgrupper: the active codes and those the insats has. */
static void
ie_malgrupp_fill(struct screen *s)
{
	struct insats_edit	*e = s->data;
	const struct msg_insats	*o = &e->orig;
	const struct kod_row	*k[IE_MALGRUPPER];
	size_t			 i, n;
	int			 had;

	e->nmal = 0;
	for (i = KF_MALGRUPP; i < IE_KAT_FIELDS; i++) {
		e->kat[i].kind = MF_CHECK;
		e->kat[i].hidden = 1;
	}
	n = kod_codes(s->ui, "malgrupp", 0, 0, k, IE_MALGRUPPER);
	for (i = 0; i < n; i++) {
		had = ie_malgrupp_had(o, k[i]->id);
		if (k[i]->aktiv || had)
			(void)ie_malgrupp_add(e, k[i]->id, k[i]->namn, had);
	}
	/* Those the code lists did not give: they could not be fetched. */
	for (i = 0; i < o->nmalgrupper; i++)
		(void)ie_malgrupp_add(e, o->malgrupper[i].id,
		    ie_str(o->malgrupper[i].namn), 1);
}

/* Kategorisering av insats from what was read; locked after participants. */
static void
ie_kat_fill(struct screen *s)
{
	struct insats_edit	*e = s->data;
	const struct msg_insats	*o = &e->orig;
	size_t			 i;
	int			 at;

	memset(e->kat, 0, sizeof e->kat);
	for (i = 0; i < KF_MALGRUPP; i++) {
		e->kat[i].kind = MF_TEXT;
		e->kat[i].text = ie_kat_labels[i];
	}
	at = ie_choice_fill(&e->inr, s->ui, "inriktning", 0, o->inriktning_id,
	    o->inriktning, "(ej vald)");
	ie_choice_field(&e->kat[KF_INR], &e->inr, at);
	ie_prec_fill(s, o->preciserad_id, o->preciserad);
	at = ie_choice_fill(&e->metod, s->ui, "matningsmetod", 0,
	    o->matningsmetod_id, o->matningsmetod, "(ej vald)");
	ie_choice_field(&e->kat[KF_METOD], &e->metod, at);
	ie_malgrupp_fill(s);
	for (i = 0; i < IE_KAT_FIELDS; i++)
		e->kat[i].locked = !ie_kat_editable(e);
	mform_init(&e->kform, e->kat, IE_KAT_FIELDS);
}

/* Frees one row of the Deltagaransvariga panel. */
static void
ie_da_free(struct ie_da *r)
{
	size_t	i;

	for (i = 0; i < 4; i++)
		free(r->cell[i]);
	free(r->from);
	free(r->tom);
}

/* Frees the rows of the Deltagaransvariga panel. */
static void
ie_da_clear(struct insats_edit *e)
{
	size_t	i;

	for (i = 0; i < e->nda; i++)
		ie_da_free(&e->da[i]);
	free(e->da);
	e->da = NULL;
	e->nda = 0;
}

/* Appends a row to the Deltagaransvariga panel. */
static struct ie_da *
ie_da_add(struct insats_edit *e, uint32_t user_id, const char *efternamn,
    const char *fornamn, const char *epost, const char *arbetsgivare)
{
	struct ie_da	*r;

	e->da = xreallocarray(e->da, e->nda + 1, sizeof *e->da);
	r = &e->da[e->nda++];
	memset(r, 0, sizeof *r);
	r->user_id = user_id;
	r->cell[0] = xstrdup(ie_str(efternamn));
	r->cell[1] = xstrdup(ie_str(fornamn));
	r->cell[2] = xstrdup(ie_str(epost));
	r->cell[3] = xstrdup(ie_str(arbetsgivare));
	return r;
}

/* The deltagaransvariga in force, as read. */
static void
ie_da_fill(struct insats_edit *e)
{
	const struct uppdrag_row	*u;
	struct ie_da			*r;
	uint32_t			 i;

	ie_da_clear(e);
	for (i = 0; i < e->orig.nda; i++) {
		u = &e->orig.deltagaransvariga[i];
		r = ie_da_add(e, u->user_id, u->efternamn, u->fornamn,
		    u->epost, u->arbetsgivare);
		r->uppdrag_id = u->id;
		r->from = xstrdup(ie_str(u->giltig_from));
		r->tom = xstrdup(ie_str(u->giltig_tom));
	}
	if (e->da_cur >= e->nda)
		e->da_cur = e->nda > 0 ? e->nda - 1 : 0;
}

/* Fills every field from what was read, keeping where the focus was. */
static void
ie_fill(struct screen *s)
{
	struct insats_edit	*e = s->data;
	struct msg_insats	*o = &e->orig;
	size_t			 i, bfocus = e->bform.focus;
	size_t			 kfocus = e->kform.focus;

	memset(e->base, 0, sizeof e->base);
	for (i = 0; i < IB__COUNT; i++) {
		e->base[i].kind = MF_ENTRY;
		e->base[i].label = ie_base_defs[i].label;
		e->base[i].locked = !ie_editable(e);
		entry_init(&e->base[i].entry, ie_base_defs[i].max, 0);
		(void)entry_set(&e->base[i].entry,
		    ie_str(*ie_member(o, ie_base_defs[i].off)));
	}
	snprintf(e->start_hint, sizeof e->start_hint, "ÅÅÅÅ-MM-DD, tidigast "
	    "%s", ie_str(o->samorg_start));
	if (ie_str(o->samorg_slut)[0] != '\0')
		snprintf(e->slut_hint, sizeof e->slut_hint, "ÅÅÅÅ-MM-DD, "
		    "senast %s", o->samorg_slut);
	else
		snprintf(e->slut_hint, sizeof e->slut_hint, "ÅÅÅÅ-MM-DD, tomt "
		    "medan insatsen pågår");
	e->base[IB_START].hint = e->start_hint;
	e->base[IB_SLUT].hint = e->slut_hint;
	mform_init(&e->bform, e->base, IB__COUNT);
	(void)textarea_set(&e->beskr, ie_str(o->beskrivning));
	ie_kat_fill(s);
	ie_da_fill(e);
	mform_focus(&e->bform, bfocus < IB__COUNT ? bfocus : 0);
	mform_focus(&e->kform, kfocus < IE_KAT_FIELDS ? kfocus : 0);
	e->mode = IEM_EDIT;
}

/* Forgets the insats: back to the choice. */
void
ie_forget(struct insats_edit *e)
{
	ie_da_clear(e);
	if (e->loaded)
		msg_clear(MSG_INSATS, &e->orig);
	memset(&e->orig, 0, sizeof e->orig);
	e->loaded = 0;
	e->mode = IEM_CHOOSE;
}

/* Fetches insats e->id into the fields; 0 on success. */
int
ie_load(struct screen *s)
{
	struct insats_edit	*e = s->data;
	struct msg_insats	 rep;
	int			 got = 0;

	memset(&rep, 0, sizeof rep);
	if (insats_fetch(s->ui, e->id, &rep, &got) != 0)
		return -1;
	ie_da_clear(e);
	if (e->loaded)
		msg_clear(MSG_INSATS, &e->orig);
	e->orig = rep;
	e->loaded = 1;
	e->samorg_id = rep.samorg_id;
	ie_fill(s);
	return 0;
}

/*
 * An empty insats in e->samorg_id, with the organisation's name, form
 * and dates to go by; 0 on success. The server decides on Spara whether
 * the caller may create it.
 */
int
ie_start_new(struct screen *s)
{
	struct insats_edit	*e = s->data;
	struct msg_insats	*o = &e->orig;
	struct msg_samorg	 so;
	int			 loaded = 0;

	memset(&so, 0, sizeof so);
	if (samorg_fetch(s->ui, e->samorg_id, &so, &loaded) != 0)
		return -1;
	ie_forget(e);
	e->id = 0;
	o->samorg_id = e->samorg_id;
	o->samorg = xstrdup(ie_str(so.namn));
	o->samverkansform = xstrdup(ie_str(so.samverkansform));
	o->samorg_start = xstrdup(ie_str(so.startdatum));
	o->samorg_slut = xstrdup(ie_str(so.slutdatum));
	o->rights = INSATS_R_EDIT;
	msg_clear(MSG_SAMORG, &so);
	e->loaded = 1;
	e->bform.focus = e->kform.focus = 0;
	e->da_cur = 0;
	e->zone = IZ_BASE;
	e->shown = IZ_BASE;
	e->top = 0;
	ie_fill(s);
	return 0;
}

/* Reports whether the målgrupper checked differ from those read. */
static int
ie_malgrupp_changed(const struct insats_edit *e)
{
	size_t	i, n = 0;

	for (i = 0; i < e->nmal; i++) {
		if (!e->kat[KF_MALGRUPP + i].value)
			continue;
		if (!ie_malgrupp_had(&e->orig, e->mal_ids[i]))
			return 1;
		n++;
	}
	return n != e->orig.nmalgrupper;
}

/* Reports whether anything differs from what was read. */
int
ie_dirty(struct insats_edit *e)
{
	struct msg_insats	*o = &e->orig;
	const char		*v;
	char			 buf[ENTRY_MAX * 4 + 1], *b;
	size_t			 i;
	int			 diff;

	if (e->mode != IEM_EDIT || !e->loaded)
		return 0;
	for (i = 0; i < IB__COUNT; i++) {
		v = ie_str(*ie_member(o, ie_base_defs[i].off));
		if (entry_get(&e->base[i].entry, buf, sizeof buf) != 0 ||
		    strcmp(buf, v) != 0)
			return 1;
	}
	b = textarea_get(&e->beskr);
	diff = strcmp(b, ie_str(o->beskrivning)) != 0;
	free(b);
	if (diff || ie_choice_id(e, KF_INR) != o->inriktning_id ||
	    ie_choice_id(e, KF_PREC) != o->preciserad_id ||
	    ie_choice_id(e, KF_METOD) != o->matningsmetod_id ||
	    ie_malgrupp_changed(e))
		return 1;
	for (i = 0; i < e->nda; i++) {
		if (e->da[i].uppdrag_id == 0 || e->da[i].remove)
			return 1;
	}
	return 0;
}

/* Reports whether the insats is categorised enough for participants. */
int
ie_kat_complete(const struct insats_edit *e)
{
	size_t	i;

	if (ie_choice_id(e, KF_INR) == 0 || ie_choice_id(e, KF_PREC) == 0 ||
	    ie_choice_id(e, KF_METOD) == 0)
		return 0;
	for (i = 0; i < e->nmal; i++) {
		if (e->kat[KF_MALGRUPP + i].value)
			return 1;
	}
	return 0;
}

/* Rows of the panel that stay after Spara. */
size_t
ie_da_kept(const struct insats_edit *e)
{
	size_t	i, n = 0;

	for (i = 0; i < e->nda; i++)
		n += !e->da[i].remove;
	return n;
}

/* Says why a field is not fit and puts the focus on it; returns -1. */
static int
ie_refuse(struct screen *s, enum ie_zone z, size_t field, const char *why)
{
	ui_message(s->ui, 1, "%s", why);
	ie_page_focus(s, z, field);
	return -1;
}

/* Reads the one-line fields, the name without spaces around it. */
static void
ie_base_get(struct insats_edit *e, char (*v)[ENTRY_MAX * 4 + 1])
{
	size_t	i, len;
	char	*p;

	for (i = 0; i < IB__COUNT; i++) {
		if (entry_get(&e->base[i].entry, v[i], sizeof v[i]) != 0)
			v[i][0] = '\0';
		for (len = strlen(v[i]); len > 0 && v[i][len - 1] == ' '; len--)
			v[i][len - 1] = '\0';
		for (p = v[i]; *p == ' '; p++)
			continue;
		memmove(v[i], p, strlen(p) + 1);
	}
}

/* Checks the fields the client can judge; 0 when they are fit. */
static int
ie_check(struct screen *s, char (*v)[ENTRY_MAX * 4 + 1])
{
	struct insats_edit	*e = s->data;

	if (v[IB_NAMN][0] == '\0')
		return ie_refuse(s, IZ_BASE, IB_NAMN, "Fyll i insatsnamn.");
	if (!date_valid(v[IB_START]))
		return ie_refuse(s, IZ_BASE, IB_START, "Startdatum ska vara "
		    "ett datum som ÅÅÅÅ-MM-DD, till exempel 2025-01-01.");
	if (v[IB_SLUT][0] != '\0' && !date_valid(v[IB_SLUT]))
		return ie_refuse(s, IZ_BASE, IB_SLUT, "Slutdatum ska vara ett "
		    "datum som ÅÅÅÅ-MM-DD, eller tomt medan insatsen pågår.");
	if (ie_metod_is(e, "ANTAL") && ie_da_kept(e) > 0)
		return ie_refuse(s, IZ_DA, 0, "En volyminsats har inga "
		    "deltagaransvariga: ta bort dem med - först.");
	return 0;
}

/* The målgrupper checked, into the body. */
static void
ie_collect_malgrupper(const struct insats_edit *e, struct msg_insats *m)
{
	size_t	i;

	m->malgrupper = xcalloc(e->nmal + 1, sizeof *m->malgrupper);
	for (i = 0; i < e->nmal; i++) {
		if (e->kat[KF_MALGRUPP + i].value)
			m->malgrupper[m->nmalgrupper++].id = e->mal_ids[i];
	}
}

/* The panel's additions and removals, into the body (rule 15). */
static void
ie_collect_da(const struct insats_edit *e, struct msg_insats *m)
{
	const struct ie_da	*r;
	struct uppdrag_add	*a;
	size_t			 i;

	m->da_adds = xcalloc(e->nda + 1, sizeof *m->da_adds);
	m->da_removes = xcalloc(e->nda + 1, sizeof *m->da_removes);
	for (i = 0; i < e->nda; i++) {
		r = &e->da[i];
		if (r->uppdrag_id != 0 && r->remove)
			m->da_removes[m->nda_removes++].id = r->uppdrag_id;
		else if (r->uppdrag_id == 0) {
			a = &m->da_adds[m->nda_adds++];
			a->user_id = r->user_id;
			a->roll = ROLE_DELTAGARANSVARIG;
			a->giltig_from = xstrdup(ie_str(r->from));
			a->giltig_tom = xstrdup(ie_str(r->tom));
		}
	}
}

/*
 * Builds the body of a Spara, every string owned; checks what the client
 * can (a name, the form of the dates), leaving the rest to the server.
 * 0 when ready.
 */
int
ie_collect(struct screen *s, struct msg_insats *m)
{
	struct insats_edit	*e = s->data;
	char			 v[IB__COUNT][ENTRY_MAX * 4 + 1];

	memset(m, 0, sizeof *m);
	ie_base_get(e, v);
	if (ie_check(s, v) != 0)
		return -1;
	m->id = e->id;
	m->samorg_id = e->samorg_id;
	m->namn = xstrdup(v[IB_NAMN]);
	m->startdatum = xstrdup(v[IB_START]);
	m->slutdatum = xstrdup(v[IB_SLUT]);
	m->beskrivning = textarea_get(&e->beskr);
	m->inriktning_id = ie_choice_id(e, KF_INR);
	m->preciserad_id = ie_choice_id(e, KF_PREC);
	m->matningsmetod_id = ie_choice_id(e, KF_METOD);
	m->andrad = xstrdup(ie_str(e->orig.andrad));
	ie_collect_malgrupper(e, m);
	ie_collect_da(e, m);
	return 0;
}

/* The index of the choice with kod, 0 when there is none. */
static int
ie_choice_find(const struct ie_choice *c, const char *kod)
{
	size_t	i;

	for (i = 1; i < c->n; i++) {
		if (strcmp(c->kods[i], kod) == 0)
			return (int)i;
	}
	return 0;
}

/* What a change of inriktning did, by what it cleared and what it set. */
static const char *const ie_inr_said[2][2] = {
	{ NULL, "Strukturövergripande: deltagarregistrering satt till Endast "
	    "antal." },
	{ "Preciserad inriktning tömd: välj en som hör till den nya "
	    "inriktningen.", "Preciserad inriktning tömd; deltagarregistrering "
	    "satt till Endast antal." },
};

/* A new inriktning: its own preciseringar, and rule 28. */
static void
ie_inriktning_changed(struct screen *s)
{
	struct insats_edit	*e = s->data;
	uint32_t		 old = ie_choice_id(e, KF_PREC);
	int			 cleared, set = 0, antal;

	ie_prec_fill(s, old, NULL);
	cleared = old != 0 && ie_choice_id(e, KF_PREC) == 0;
	antal = ie_choice_find(&e->metod, "ANTAL");
	if (strcmp(ie_choice_kod(e, KF_INR), "STRUKTUR") == 0 &&
	    ie_choice_id(e, KF_METOD) == 0 && antal > 0) {
		e->kat[KF_METOD].value = antal;
		set = 1;
	}
	if (ie_inr_said[cleared][set] != NULL)
		ui_message(s->ui, 0, "%s", ie_inr_said[cleared][set]);
}

/* After a key in Kategorisering: what a new choice brings with it. */
void
ie_kat_changed(struct screen *s, int old_inr, int old_metod)
{
	struct insats_edit	*e = s->data;

	if (e->kat[KF_INR].value != old_inr)
		ie_inriktning_changed(s);
	if (e->kat[KF_METOD].value != old_metod && ie_metod_is(e, "ANTAL") &&
	    ie_da_kept(e) > 0)
		ui_message(s->ui, 1, "En volyminsats har inga "
		    "deltagaransvariga: ta bort dem i panelen med -.");
}

/* Told by "Välj användare": adds the users not in the panel yet. */
void
ie_da_picked(struct screen *s, uint32_t roll, const struct picker_pick *pk,
    size_t n, const char *from, const char *tom)
{
	struct insats_edit	*e = s->data;
	struct ie_da		*r;
	size_t			 i, j, added = 0;

	(void)roll;
	for (i = 0; i < n; i++) {
		for (j = 0; j < e->nda && e->da[j].user_id != pk[i].user_id;
		    j++)
			continue;
		if (j < e->nda) {
			/* Picked again after "tas bort": it stays. */
			added += e->da[j].remove;
			e->da[j].remove = 0;
			continue;
		}
		r = ie_da_add(e, pk[i].user_id, pk[i].efternamn,
		    pk[i].fornamn, pk[i].epost, pk[i].arbetsgivare);
		r->from = xstrdup(ie_str(from));
		r->tom = xstrdup(ie_str(tom));
		added++;
	}
	e->da_cur = e->nda > 0 ? e->nda - 1 : 0;
	snprintf(e->note, sizeof e->note, "%zu %s%s. Inget är sparat förrän "
	    "du trycker F2 Spara.", added, added == 1 ? "tillagd" :
	    "tillagda", added < n ? ", resten fanns redan" : "");
}

/* Minus on a row: marks it "tas bort", or forgets one only added here. */
void
ie_da_remove(struct screen *s)
{
	struct insats_edit	*e = s->data;
	size_t			 i = e->da_cur;

	if (i >= e->nda)
		return;
	if (e->da[i].uppdrag_id != 0) {
		e->da[i].remove = !e->da[i].remove;
		ui_message(s->ui, 0, e->da[i].remove ? "Markerad att tas bort. "
		    "Inget är sparat förrän du trycker F2 Spara." :
		    "Tas inte bort.");
		return;
	}
	ie_da_free(&e->da[i]);
	memmove(&e->da[i], &e->da[i + 1], (e->nda - i - 1) * sizeof *e->da);
	e->nda--;
	if (e->da_cur > 0 && e->da_cur >= e->nda)
		e->da_cur--;
	ui_message(s->ui, 0, "Tillägget är borttaget.");
}
