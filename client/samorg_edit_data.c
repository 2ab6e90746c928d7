/*
 * Hantera samverkansorg: the organisation as read with MSG_SAMORG_GET, the
 * fields and panels filled from it, what has changed since, and the body
 * of a Spara built back from them. The uppdrag panels are read with
 * MSG_UPPDRAG_SEARCH and only shown here.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "samorg_edit.h"
#include "xmalloc.h"

const struct edit_text_def samorg_edit_texts[ET__COUNT] = {
	[ET_NAMN] = { "Namn", 50, offsetof(struct msg_samorg, namn),
	    ETF_BASE },
	[ET_START] = { "Startdatum", 10, offsetof(struct msg_samorg,
	    startdatum), ETF_BASE | ETF_DATE },
	[ET_SLUT] = { "Slutdatum", 10, offsetof(struct msg_samorg, slutdatum),
	    ETF_DATE },
	[ET_ADRESS] = { "Utdelningsadress", 100, offsetof(struct msg_samorg,
	    utdelningsadress), 0 },
	[ET_POSTNR] = { "Postnummer", 6, offsetof(struct msg_samorg,
	    postnummer), 0 },
	[ET_POSTORT] = { "Postort", 50, offsetof(struct msg_samorg, postort),
	    0 },
	[ET_TELEFON] = { "Telefon", 30, offsetof(struct msg_samorg, telefon),
	    0 },
	[ET_EPOST] = { "E-post", 100, offsetof(struct msg_samorg, epost), 0 },
	[ET_WEBB] = { "Webbplats", 200, offsetof(struct msg_samorg,
	    webbplats), 0 },
	[ET_KNAMN] = { "Namn", 100, offsetof(struct msg_samorg, kontakt_namn),
	    0 },
	[ET_KTEL] = { "Telefon", 30, offsetof(struct msg_samorg,
	    kontakt_telefon), 0 },
	[ET_KEPOST] = { "E-post", 100, offsetof(struct msg_samorg,
	    kontakt_epost), 0 },
};

/* The number of rows of panel p. */
size_t
samorg_edit_panel_n(const struct samorg_edit *e, enum edit_panel p)
{
	switch (p) {
	case EP_KOMMUN:
		return e->nkommuner;
	case EP_ORG:
		return e->norgs;
	default:
		return e->npeople[p - EP_SA];
	}
}

/* Frees the rows of the two uppdrag panels. */
static void
edit_people_clear(struct samorg_edit *e)
{
	size_t	i, j, k;

	for (i = 0; i < 2; i++) {
		for (j = 0; j < e->npeople[i]; j++) {
			for (k = 0; k < 4; k++)
				free(e->people[i][j].cell[k]);
		}
		free(e->people[i]);
		e->people[i] = NULL;
		e->npeople[i] = 0;
	}
}

/* Frees the panel rows. */
void
samorg_edit_lists_clear(struct samorg_edit *e)
{
	struct msg_samorg	 m;

	memset(&m, 0, sizeof m);
	m.kommuner = e->kommuner;
	m.nkommuner = (uint32_t)e->nkommuner;
	m.organisationer = e->orgs;
	m.norganisationer = (uint32_t)e->norgs;
	msg_clear(MSG_SAMORG, &m);
	e->kommuner = NULL;
	e->orgs = NULL;
	e->nkommuner = e->norgs = 0;
	edit_people_clear(e);
}

/* Copies a kommun row; every string owned. */
static void
edit_kommun_copy(struct samorg_kommun *d, const struct samorg_kommun *k)
{
	d->kommunkod = xstrdup(k->kommunkod);
	d->kommun = xstrdup(k->kommun != NULL ? k->kommun : "");
	d->stadsdel_id = k->stadsdel_id;
	d->stadsdel = xstrdup(k->stadsdel != NULL ? k->stadsdel : "");
	d->lan = xstrdup(k->lan != NULL ? k->lan : "");
}

/* Copies an organisation row. */
static void
edit_org_copy(struct samorg_org *d, const struct samorg_org *o)
{
	*d = *o;
	d->namn = xstrdup(o->namn != NULL ? o->namn : "");
	d->organisationstyp = xstrdup(o->organisationstyp != NULL ?
	    o->organisationstyp : "");
}

/* Appends copies of the read panels. */
static void
edit_lists_fill(struct samorg_edit *e, const struct msg_samorg *m)
{
	uint32_t	 i;

	e->kommuner = xcalloc(m->nkommuner + 1, sizeof *e->kommuner);
	for (i = 0; i < m->nkommuner; i++)
		edit_kommun_copy(&e->kommuner[i], &m->kommuner[i]);
	e->nkommuner = m->nkommuner;
	e->orgs = xcalloc(m->norganisationer + 1, sizeof *e->orgs);
	for (i = 0; i < m->norganisationer; i++)
		edit_org_copy(&e->orgs[i], &m->organisationer[i]);
	e->norgs = m->norganisationer;
}

/* Loads the uppdrag in force or to come into the two read-only panels. */
int
samorg_edit_people_load(struct screen *s)
{
	struct samorg_edit	*e = s->data;
	struct msg_uppdrag_search req;
	struct msg_uppdrag_list	 all;
	struct uppdrag_row	*r;
	struct edit_person	*p;
	char			 today[16];
	size_t			 i, k;
	int			 rv;

	memset(&req, 0, sizeof req);
	req.samorg_id = e->id;
	if ((rv = uppdrag_fetch_all(s->ui, &req, &all)) != 0)
		return rv;
	date_today_plus(0, 0, today, sizeof today);
	edit_people_clear(e);
	for (i = 0; i < all.nrows; i++) {
		r = &all.rows[i];
		k = r->roll == ROLE_SAMVERKANSADMIN ? 0 :
		    r->roll == ROLE_INSATSANSVARIG ? 1 : 2;
		if (k == 2 || r->insats_id != 0 || (r->giltig_tom[0] != '\0' &&
		    strcmp(r->giltig_tom, today) < 0))
			continue;
		e->people[k] = xreallocarray(e->people[k], e->npeople[k] + 1,
		    sizeof *e->people[k]);
		p = &e->people[k][e->npeople[k]++];
		p->cell[0] = xstrdup(r->efternamn);
		p->cell[1] = xstrdup(r->fornamn);
		p->cell[2] = xstrdup(r->epost);
		p->cell[3] = xstrdup(r->arbetsgivare);
	}
	msg_clear(MSG_UPPDRAG_LIST, &all);
	for (i = 0; i < 2; i++) {
		if (e->cur[EP_SA + i] >= e->npeople[i])
			e->cur[EP_SA + i] = 0;
	}
	return 0;
}

/* The samverkansformer offered: the active ones and the present one. */
static void
edit_forms_fill(struct samorg_edit *e, struct ui *ui)
{
	const struct kod_row	*k[EDIT_FORMS];
	size_t			 i, n;

	n = kod_codes(ui, "samverkansform", 0, 0, k, EDIT_FORMS - 1);
	e->nforms = 0;
	e->form = -1;
	for (i = 0; i < n; i++) {
		if (!k[i]->aktiv && k[i]->id != e->orig.samverkansform_id)
			continue;
		if (k[i]->id == e->orig.samverkansform_id)
			e->form = (int)e->nforms;
		e->form_names[e->nforms] = k[i]->namn;
		e->form_ids[e->nforms++] = k[i]->id;
	}
	if (e->form < 0) {
		/* Without the code list the present form is still shown. */
		e->form = (int)e->nforms;
		e->form_names[e->nforms] = e->orig.samverkansform;
		e->form_ids[e->nforms++] = e->orig.samverkansform_id;
	}
}

/* The string member at off of a message. */
static char **
edit_member(struct msg_samorg *m, size_t off)
{
	return (char **)(void *)((char *)m + off);
}

/* Fills the fields from what was read. */
static void
edit_fields_fill(struct screen *s)
{
	struct samorg_edit	*e = s->data;
	const char		*v;
	size_t			 i;

	for (i = 0; i < ET__COUNT; i++) {
		entry_init(&e->text[i], samorg_edit_texts[i].max, 0);
		v = *edit_member(&e->orig, samorg_edit_texts[i].off);
		if (v != NULL)
			(void)entry_set(&e->text[i], v);
	}
	(void)textarea_set(&e->beskr, e->orig.beskrivning != NULL ?
	    e->orig.beskrivning : "");
	edit_forms_fill(e, s->ui);
	samorg_edit_lists_clear(e);
	edit_lists_fill(e, &e->orig);
	for (i = 0; i < EP__COUNT; i++) {
		if (e->cur[i] >= samorg_edit_panel_n(e, (enum edit_panel)i))
			e->cur[i] = 0;
	}
}

/* Fetches the organisation and its uppdrag; 0 on success. */
int
samorg_edit_load(struct screen *s)
{
	struct samorg_edit	*e = s->data;

	if (samorg_fetch(s->ui, e->id, &e->orig, &e->loaded) != 0)
		return -1;
	edit_fields_fill(s);
	if (samorg_edit_people_load(s) != 0)
		ui_message(s->ui, 1, "Uppdragen kunde inte hämtas; panelerna "
		    "är tomma.");
	e->mode = EM_EDIT;
	return 0;
}

/* Reports whether the text of entry i differs from what was read. */
static int
edit_text_changed(struct samorg_edit *e, size_t i)
{
	char		 buf[ENTRY_MAX * 4 + 1];
	const char	*v = *edit_member(&e->orig, samorg_edit_texts[i].off);

	if (entry_get(&e->text[i], buf, sizeof buf) != 0)
		return 1;
	return strcmp(buf, v != NULL ? v : "") != 0;
}

/* Reports whether anything differs from what was read. */
int
samorg_edit_dirty(struct samorg_edit *e)
{
	const struct msg_samorg	*o = &e->orig;
	char			*b;
	size_t			 i;
	int			 diff;

	if (e->mode != EM_EDIT || !e->loaded)
		return 0;
	for (i = 0; i < ET__COUNT; i++) {
		if (edit_text_changed(e, i))
			return 1;
	}
	b = textarea_get(&e->beskr);
	diff = strcmp(b, o->beskrivning != NULL ? o->beskrivning : "") != 0;
	free(b);
	if (diff || e->form_ids[e->form] != o->samverkansform_id ||
	    e->nkommuner != o->nkommuner || e->norgs != o->norganisationer)
		return 1;
	for (i = 0; i < e->nkommuner; i++) {
		if (strcmp(e->kommuner[i].kommunkod, o->kommuner[i].kommunkod)
		    != 0 || e->kommuner[i].stadsdel_id !=
		    o->kommuner[i].stadsdel_id)
			return 1;
	}
	for (i = 0; i < e->norgs; i++) {
		if (e->orgs[i].organisation_id !=
		    o->organisationer[i].organisation_id ||
		    e->orgs[i].medlem != o->organisationer[i].medlem ||
		    e->orgs[i].finansiar != o->organisationer[i].finansiar ||
		    e->orgs[i].konsument != o->organisationer[i].konsument)
			return 1;
	}
	return 0;
}

/*
 * Builds the body of a Spara from the fields, every string owned; checks
 * the form of the dates, leaving their order to the server. 0 when ready.
 */
int
samorg_edit_collect(struct screen *s, struct msg_samorg *m)
{
	struct samorg_edit		*e = s->data;
	const struct edit_text_def	*t;
	char				 buf[ENTRY_MAX * 4 + 1];
	size_t				 i;

	memset(m, 0, sizeof *m);
	for (i = 0; i < ET__COUNT; i++) {
		t = &samorg_edit_texts[i];
		if (entry_get(&e->text[i], buf, sizeof buf) != 0)
			buf[0] = '\0';
		if ((t->flags & ETF_DATE) && (buf[0] != '\0' ||
		    i == ET_START) && !date_valid(buf)) {
			ui_message(s->ui, 1, "%s ska vara ett datum som "
			    "ÅÅÅÅ-MM-DD%s.", t->label,
			    i == ET_START ? "" : ", eller tomt");
			samorg_page_focus_text(s, (enum edit_text)i);
			msg_clear(MSG_SAMORG, m);
			return -1;
		}
		*edit_member(m, t->off) = xstrdup(buf);
	}
	m->id = e->id;
	m->organisationsnummer = xstrdup(e->orig.organisationsnummer != NULL ?
	    e->orig.organisationsnummer : "");
	m->samverkansform_id = e->form_ids[e->form];
	m->samverkansform = xstrdup(e->form_names[e->form]);
	m->beskrivning = textarea_get(&e->beskr);
	m->andrad = xstrdup(e->orig.andrad != NULL ? e->orig.andrad : "");
	m->rights = e->orig.rights;
	m->kommuner = xcalloc(e->nkommuner + 1, sizeof *m->kommuner);
	for (i = 0; i < e->nkommuner; i++)
		edit_kommun_copy(&m->kommuner[i], &e->kommuner[i]);
	m->nkommuner = (uint32_t)e->nkommuner;
	m->organisationer = xcalloc(e->norgs + 1, sizeof *m->organisationer);
	for (i = 0; i < e->norgs; i++)
		edit_org_copy(&m->organisationer[i], &e->orgs[i]);
	m->norganisationer = (uint32_t)e->norgs;
	return 0;
}

/* Told by "Välj kommun, stadsdel": adds the rows not there yet. */
void
samorg_edit_kommun_picked(struct screen *s, const struct samorg_kommun *k,
    size_t n)
{
	struct samorg_edit	*e = s->data;
	size_t			 i, j, added = 0;

	for (i = 0; i < n; i++) {
		for (j = 0; j < e->nkommuner; j++) {
			if (strcmp(e->kommuner[j].kommunkod,
			    k[i].kommunkod) == 0 &&
			    e->kommuner[j].stadsdel_id == k[i].stadsdel_id)
				break;
		}
		if (j < e->nkommuner)
			continue;
		e->kommuner = xreallocarray(e->kommuner, e->nkommuner + 1,
		    sizeof *e->kommuner);
		edit_kommun_copy(&e->kommuner[e->nkommuner], &k[i]);
		e->cur[EP_KOMMUN] = e->nkommuner++;
		added++;
	}
	snprintf(e->note, sizeof e->note, "%zu tillagd%s%s. Inget är sparat "
	    "förrän du trycker F2 Spara.", added, added == 1 ? "" : "a",
	    added < n ? ", resten fanns redan" : "");
}

/* Told by "Välj organisation": adds it, without flags, unless there. */
void
samorg_edit_org_picked(struct screen *s, const struct samorg_org *o)
{
	struct samorg_edit	*e = s->data;
	size_t			 i;

	for (i = 0; i < e->norgs; i++) {
		if (e->orgs[i].organisation_id == o->organisation_id) {
			e->cur[EP_ORG] = i;
			snprintf(e->note, sizeof e->note, "%s finns redan "
			    "bland ingående organisationer.", o->namn);
			return;
		}
	}
	e->orgs = xreallocarray(e->orgs, e->norgs + 1, sizeof *e->orgs);
	edit_org_copy(&e->orgs[e->norgs], o);
	e->orgs[e->norgs].medlem = e->orgs[e->norgs].finansiar =
	    e->orgs[e->norgs].konsument = 0;
	e->cur[EP_ORG] = e->norgs++;
	e->flag = 0;
	snprintf(e->note, sizeof e->note, "%s tillagd. Markera Medlem, "
	    "Finansiär eller Konsument med mellanslag, spara med F2.",
	    o->namn);
}

/* Minus on a row of Kommun, stadsdel or Ingående organisationer. */
void
samorg_edit_remove(struct screen *s, enum edit_panel p)
{
	struct samorg_edit	*e = s->data;
	size_t			 i = e->cur[p], n = samorg_edit_panel_n(e, p);

	if (i >= n)
		return;
	if (p == EP_KOMMUN) {
		free(e->kommuner[i].kommunkod);
		free(e->kommuner[i].kommun);
		free(e->kommuner[i].stadsdel);
		free(e->kommuner[i].lan);
		memmove(&e->kommuner[i], &e->kommuner[i + 1],
		    (n - i - 1) * sizeof *e->kommuner);
		e->nkommuner--;
	} else {
		free(e->orgs[i].namn);
		free(e->orgs[i].organisationstyp);
		memmove(&e->orgs[i], &e->orgs[i + 1],
		    (n - i - 1) * sizeof *e->orgs);
		e->norgs--;
	}
	if (e->cur[p] > 0 && e->cur[p] + 1 >= n)
		e->cur[p]--;
	ui_message(s->ui, 0, "Borttagen ur listan. Inget är sparat förrän du "
	    "trycker F2 Spara.");
}

/* Space in Ingående organisationer: the flag under the cursor. */
void
samorg_edit_flag_toggle(struct samorg_edit *e)
{
	struct samorg_org	*o;
	uint8_t			*f;

	if (e->cur[EP_ORG] >= e->norgs)
		return;
	o = &e->orgs[e->cur[EP_ORG]];
	f = e->flag == 0 ? &o->medlem : e->flag == 1 ? &o->finansiar :
	    &o->konsument;
	*f = !*f;
}
