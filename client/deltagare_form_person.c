/*
 * Registrera deltagare: the person. A nyinregistrering begins with the
 * personnummer and "Hämta" (MSG_PERSON): namn, folkbokföringskommun and
 * stadsdel from the register (rule 39), or namn typed and kommun chosen
 * with "Välj kommun, stadsdel" for a person the register lacks; Stockholm
 * and Göteborg need a stadsdel, chosen among the kommun's. The person's
 * earlier participations in the insats become the Mättillfälle choice
 * (rule 41). A participation opened directly shows its person as read
 * (MSG_DELTAGARE), the number in full: it is the person's own view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "deltagare_form.h"
#include "person_lookup.h"
#include "pnr.h"
#include "proto.h"
#include "xmalloc.h"

/* Forgets what Hämta brought, when the personnummer changes. */
void
df_person_forget(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	static const size_t	 shown[] = { DF_NAMN, DF_KOMMUN, DF_STADSDEL,
				    DF_TILLFALLE };
	size_t			 i;

	/*
	 * The fields point into what is freed here, and a request (which
	 * draws the screen) may come before df_arrange() shows them again.
	 */
	for (i = 0; i < sizeof shown / sizeof shown[0]; i++) {
		e->fields[shown[i]].hidden = 1;
		e->fields[shown[i]].text = "";
		e->fields[shown[i]].choices = NULL;
		e->fields[shown[i]].nchoices = 0;
	}
	person_lookup_forget(&e->person, &e->hamtad, e->hamtad_pnr);
	e->kommunkod[0] = e->kommun[0] = '\0';
	e->picked_stadsdel = 0;
	e->kommun_check = 0;
	df_choice_clear(&e->stadsdel);
	free(e->tillf);
	free(e->tillf_names);
	e->tillf = NULL;
	e->tillf_names = NULL;
	e->ntillf = 0;
	entry_clear(&e->fields[DF_NAMN].entry);
	e->fields[DF_STADSDEL].value = 0;
	e->fields[DF_TILLFALLE].value = 0;
}

/* Appends a Mättillfälle choice. */
static void
df_tillf_add(struct deltagare_form *e, uint32_t did, uint8_t typ,
    const char *fmt, const char *a, const char *b)
{
	struct df_tillf	*t;

	e->tillf = xreallocarray(e->tillf, e->ntillf + 1, sizeof *e->tillf);
	t = &e->tillf[e->ntillf++];
	memset(t, 0, sizeof *t);
	t->deltagande_id = did;
	t->typ = typ;
	snprintf(t->name, sizeof t->name, fmt, a, b);
}

/*
 * The Mättillfälle choice (domain.md 2.6, rule 41): Nyinregistrering,
 * then for each earlier participation in the insats its inregistrering
 * to correct, and its utregistrering to correct or to make.
 */
static void
df_tillf_fill(struct deltagare_form *e)
{
	const struct deltagare_row	*d;
	const char			*slut;
	uint32_t			 i;
	size_t				 j;

	free(e->tillf);
	free(e->tillf_names);
	e->tillf = NULL;
	e->ntillf = 0;
	df_tillf_add(e, 0, FRAGA_IN, "%s%s", "Nyinregistrering", "");
	for (i = 0; i < e->person.ndeltaganden; i++) {
		d = &e->person.deltaganden[i];
		slut = df_str(d->slutdatum);
		df_tillf_add(e, d->deltagande_id, FRAGA_IN, "Inregistrering "
		    "%s%s", df_str(d->startdatum), slut[0] != '\0' ? "" :
		    " (pågår)");
		if (slut[0] != '\0')
			df_tillf_add(e, d->deltagande_id, FRAGA_UT,
			    "Utregistrering %s%s", slut, "");
		else
			df_tillf_add(e, d->deltagande_id, FRAGA_UT,
			    "Nyutregistrering, start %s%s",
			    df_str(d->startdatum), "");
	}
	e->tillf_names = xcalloc(e->ntillf, sizeof *e->tillf_names);
	for (j = 0; j < e->ntillf; j++)
		e->tillf_names[j] = e->tillf[j].name;
	e->fields[DF_TILLFALLE].choices = e->tillf_names;
	e->fields[DF_TILLFALLE].nchoices = e->ntillf;
	e->fields[DF_TILLFALLE].value = 0;
}

/* After Hämta: the person's fields and the Mättillfälle choice. */
void
df_person_fill(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	const struct msg_person	*p = &e->person;
	char			 shown[16];

	person_pnr_shown(df_str(p->personnummer), shown, sizeof shown);
	(void)entry_set(&e->fields[DF_PNR].entry, shown);
	snprintf(e->hamtad_pnr, sizeof e->hamtad_pnr, "%s",
	    df_str(p->personnummer));
	entry_clear(&e->fields[DF_NAMN].entry);
	df_choice_clear(&e->stadsdel);
	e->kommunkod[0] = e->kommun[0] = '\0';
	e->picked_stadsdel = 0;
	df_tillf_fill(e);
	/* Stockholm and Göteborg: a stadsdel the register lacks is chosen. */
	if (p->i_register && p->stadsdel_kravs && p->stadsdel_id == 0)
		(void)df_stadsdelar(s, df_str(p->kommunkod), df_str(p->kommun),
		    0);
}

/* One stadsdel into the choice, after "(välj stadsdel)" first. */
static void
df_stadsdel_add(void *arg, uint32_t id, const char *name)
{
	struct deltagare_form	*e = arg;

	if (e->stadsdel.n == 0)
		df_choice_add(&e->stadsdel, 0, "", "(välj stadsdel)");
	df_choice_add(&e->stadsdel, id, "", name);
}

/* The stadsdelar of a kommun into the choice; 0 on success. */
int
df_stadsdelar(struct screen *s, const char *kommunkod, const char *kommun,
    uint32_t chosen)
{
	struct deltagare_form	*e = s->data;

	df_choice_clear(&e->stadsdel);
	if (person_stadsdelar(s->ui, kommunkod, kommun, df_stadsdel_add,
	    e) != 0)
		return -1;
	df_choice_field(e, DF_STADSDEL, &e->stadsdel, chosen);
	return 0;
}

/* The person's part: the number, name, kommun, stadsdel and kön. */
void
df_arrange_person(struct screen *s)
{
	struct deltagare_form	*e = s->data;
	const struct msg_person	*p = &e->person;
	const struct msg_deltagare *o = &e->orig;
	int			 hand = e->hamtad && !p->i_register;

	df_show(e, DF_H_PERSON, MF_TEXT, "", "Deltagare");
	if (e->direct) {
		/* The number in full: this is the person's own view. */
		snprintf(e->pnr_text, sizeof e->pnr_text, "%.8s-%s",
		    df_str(o->personnummer), strlen(df_str(o->personnummer))
		    == 12 ? o->personnummer + 8 : "");
		df_show(e, DF_PNR, MF_TEXT, "Personnummer", e->pnr_text);
		df_show(e, DF_NAMN, MF_TEXT, "Namn", df_str(o->namn));
		snprintf(e->kon_text, sizeof e->kon_text, "%s, född %u",
		    df_str(o->kon), o->fodelsear);
		df_show(e, DF_KON, MF_TEXT, "Kön", e->kon_text);
		df_show(e, DF_KOMMUN, MF_TEXT, "Kommun", df_str(o->kommun));
		df_show(e, DF_STADSDEL, MF_TEXT, "Stadsdel",
		    df_str(o->stadsdel));
		e->fields[DF_KOMMUN].hidden = df_str(o->kommun)[0] == '\0';
		e->fields[DF_STADSDEL].hidden = df_str(o->stadsdel)[0] == '\0';
		e->fields[DF_TILLFALLE].hidden = 1;
		return;
	}
	df_show(e, DF_PNR, MF_ENTRY, "Personnummer", NULL);
	if (!e->hamtad) {
		e->fields[DF_PNR].hint = "ÅÅÅÅMMDD-NNNN, Enter hämtar";
		e->fields[DF_NAMN].hidden = e->fields[DF_KON].hidden = 1;
		e->fields[DF_KOMMUN].hidden = e->fields[DF_STADSDEL].hidden = 1;
		e->fields[DF_TILLFALLE].hidden = 1;
		return;
	}
	df_show(e, DF_NAMN, hand ? MF_ENTRY : MF_TEXT, "Namn", df_str(p->namn));
	if (hand)
		e->fields[DF_NAMN].hint = "Ej i folkbokföringen, skrivs här";
	snprintf(e->kon_text, sizeof e->kon_text, "%s, född %u",
	    df_str(p->kon), p->fodelsear);
	df_show(e, DF_KON, MF_TEXT, "Kön", e->kon_text);
	if (hand)
		df_show(e, DF_KOMMUN, MF_BUTTON, "Kommun",
		    e->kommun[0] != '\0' ? e->kommun : "Välj kommun …");
	else
		df_show(e, DF_KOMMUN, MF_TEXT, "Kommun", df_str(p->kommun));
	if (e->stadsdel.n > 1)
		df_show(e, DF_STADSDEL, MF_CHOICE, "Stadsdel", NULL);
	else if (!hand && p->stadsdel_id != 0)
		df_show(e, DF_STADSDEL, MF_TEXT, "Stadsdel",
		    df_str(p->stadsdel));
	else
		e->fields[DF_STADSDEL].hidden = 1;
	df_show(e, DF_TILLFALLE, MF_CHOICE, "Mättillfälle", NULL);
}

/* The person of a nyinregistrering: checked, then into the body. */
int
df_collect_person(struct screen *s, struct msg_deltagare_save *m)
{
	struct deltagare_form	*e = s->data;
	const struct msg_person	*p = &e->person;
	struct pnr		 pn;
	char			 v[ENTRY_MAX * 4 + 1];
	int			 rv;

	df_entry_text(e, DF_PNR, v, sizeof v);
	if ((rv = pnr_parse(v, 0, &pn)) != PNR_OK) {
		snprintf(v, sizeof v, "%s.", pnr_strerror(rv));
		return df_refuse(s, DF_PNR, v);
	}
	if (!e->hamtad || strcmp(pn.norm, e->hamtad_pnr) != 0)
		return df_refuse(s, DF_PNR, "Hämta personen först: Enter eller "
		    "F5 på Personnummer.");
	df_entry_text(e, DF_NAMN, v, sizeof v);
	if (!p->i_register && v[0] == '\0')
		return df_refuse(s, DF_NAMN, "Skriv deltagarens namn: personen "
		    "finns inte i folkbokföringen.");
	if (!p->i_register && e->kommunkod[0] == '\0')
		return df_refuse(s, DF_KOMMUN, "Välj folkbokföringskommun: "
		    "Enter på Kommun.");
	if (e->stadsdel.n > 1 && e->fields[DF_STADSDEL].value == 0)
		return df_refuse(s, DF_STADSDEL, "Välj stadsdel: den krävs för "
		    "Stockholm och Göteborg.");
	m->personnummer = xstrdup(pn.norm);
	m->namn = xstrdup(p->i_register ? df_str(p->namn) : v);
	m->kommunkod = xstrdup(p->i_register ? df_str(p->kommunkod) :
	    e->kommunkod);
	if (e->stadsdel.n > 1)
		m->stadsdel_id = df_choice_id(e, &e->stadsdel, DF_STADSDEL);
	else
		m->stadsdel_id = p->i_register ? p->stadsdel_id :
		    e->picked_stadsdel;
	df_entry_text(e, DF_SAMT_DATUM, v, sizeof v);
	if (!date_valid(v))
		return df_refuse(s, DF_SAMT_DATUM, "Samtyckesdatum ska vara "
		    "ett datum som ÅÅÅÅ-MM-DD.");
	m->samtycke = e->fields[DF_SAMTYCKE].value != 0;
	m->samtycke_datum = xstrdup(v);
	return 0;
}
