/*
 * Registrera medverkan: the person. Sök (MSG_PERSON_LOOKUP on the
 * office's insats) brings namn and folkbokföringskommun from the
 * register copy, and for Stockholm and Göteborg without a stadsdel there
 * the kommun's stadsdelar to choose among; a person the copy lacks has
 * the namn typed and the kommun chosen in "Välj kommun, stadsdel". The
 * personnummer is shown whole: the form registers this person.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk_medverkan.h"
#include "person_lookup.h"
#include "proto.h"
#include "xmalloc.h"

const char *
am_str(const char *s)
{
	return s != NULL ? s : "";
}

/* Forgets what Sök brought, when the number or the office changes. */
void
am_person_forget(struct medverkan *m)
{
	person_lookup_forget(&m->person, &m->hamtad, m->hamtad_pnr);
	m->kommunkod[0] = m->kommun[0] = '\0';
	m->picked_stadsdel = 0;
	m->kommun_check = 0;
	affk_choice_clear(&m->stadsdel);
	entry_clear(&m->f[AM_NAMN].entry);
	m->f[AM_NAMN].hidden = m->f[AM_KOMMUN].hidden = 1;
	m->f[AM_STADSDEL].hidden = 1;
	m->f[AM_STADSDEL].choices = NULL;
	m->f[AM_STADSDEL].nchoices = 0;
	m->f[AM_STADSDEL].value = 0;
}

/* Shows the person's fields for what is known of them. */
void
am_person_arrange(struct medverkan *m)
{
	const struct msg_person	*p = &m->person;
	int			 hand = m->hamtad && !p->i_register;

	if (!m->hamtad) {
		m->f[AM_NAMN].hidden = m->f[AM_KOMMUN].hidden = 1;
		m->f[AM_STADSDEL].hidden = 1;
		return;
	}
	m->f[AM_NAMN].hidden = m->f[AM_KOMMUN].hidden = 0;
	m->f[AM_NAMN].kind = hand ? MF_ENTRY : MF_TEXT;
	m->f[AM_NAMN].text = am_str(p->namn);
	m->f[AM_NAMN].hint = hand ? "Ej i folkbokföringen, skrivs här" : NULL;
	m->f[AM_KOMMUN].kind = hand ? MF_BUTTON : MF_TEXT;
	m->f[AM_KOMMUN].text = hand ? (m->kommun[0] != '\0' ? m->kommun :
	    "Välj kommun …") : am_str(p->kommun);
	if (m->stadsdel.n > 1) {
		m->f[AM_STADSDEL].kind = MF_CHOICE;
		m->f[AM_STADSDEL].hidden = 0;
	} else if (!hand && p->stadsdel_id != 0) {
		m->f[AM_STADSDEL].kind = MF_TEXT;
		m->f[AM_STADSDEL].text = am_str(p->stadsdel);
		m->f[AM_STADSDEL].hidden = 0;
	} else
		m->f[AM_STADSDEL].hidden = 1;
}

/* One stadsdel into the choice, after "(välj stadsdel)" first. */
static void
am_stadsdel_add(void *arg, uint32_t id, const char *name)
{
	struct medverkan	*m = arg;

	if (m->stadsdel.n == 0)
		affk_choice_add(&m->stadsdel, 0, "(välj stadsdel)");
	affk_choice_add(&m->stadsdel, id, name);
}

/* The stadsdelar of a kommun into the choice; 0 on success. */
static int
am_stadsdelar(struct screen *s, const char *kommunkod, const char *kommun,
    uint32_t chosen)
{
	struct medverkan	*m = s->data;

	affk_choice_clear(&m->stadsdel);
	if (person_stadsdelar(s->ui, kommunkod, kommun, am_stadsdel_add,
	    m) != 0)
		return -1;
	affk_choice_field(&m->f[AM_STADSDEL], &m->stadsdel, chosen);
	return 0;
}

/* Enter, F3 or F5: Sök the person (MSG_PERSON_LOOKUP). */
void
am_sok(struct screen *s)
{
	struct medverkan		*m = s->data;
	const struct affk_kontor_row	*k = am_kontor(m);
	struct msg_person		 rep;
	char				 v[64], norm[13], why[160];

	mform_focus(&m->page.form, AM_PNR);
	affk_page_text(&m->page, AM_PNR, v, sizeof v);
	if (affk_pnr_check(v, norm, why, sizeof why) != 0) {
		ui_message(s->ui, 1, "%s", why);
		return;
	}
	if (k == NULL) {
		(void)affk_page_refuse(s, &m->page, AM_KONTOR, "Välj kontor "
		    "först.");
		return;
	}
	if (person_lookup(s->ui, k->insats_id, v, &rep) != 0)
		return;		/* the refusal is shown; the number stays */
	am_person_forget(m);
	m->person = rep;
	m->hamtad = 1;
	snprintf(m->hamtad_pnr, sizeof m->hamtad_pnr, "%s",
	    am_str(rep.personnummer));
	person_pnr_shown(m->hamtad_pnr, v, sizeof v);
	(void)entry_set(&m->f[AM_PNR].entry, v);
	if (rep.i_register && rep.stadsdel_kravs && rep.stadsdel_id == 0)
		(void)am_stadsdelar(s, am_str(rep.kommunkod),
		    am_str(rep.kommun), 0);
	am_person_arrange(m);
	mform_focus(&m->page.form, AM_NAMN);
	person_lookup_said(s->ui, &rep, m->stadsdel.n > 1, NULL);
}

void
am_kommun_picked(struct screen *parent, const struct samorg_kommun *k,
    size_t n)
{
	struct medverkan	*m = parent->data;

	if (n == 0)
		return;
	snprintf(m->kommunkod, sizeof m->kommunkod, "%s", k[0].kommunkod);
	snprintf(m->kommun, sizeof m->kommun, "%s", k[0].kommun);
	m->picked_stadsdel = k[0].stadsdel_id;
	m->kommun_check = 1;
}

/* After the kommun picker: its stadsdelar, if it has any. */
void
am_kommun_check(struct screen *s)
{
	struct medverkan	*m = s->data;

	m->kommun_check = 0;
	if (am_stadsdelar(s, m->kommunkod, m->kommun, m->picked_stadsdel) != 0)
		return;
	am_person_arrange(m);
	if (m->stadsdel.n > 1 && m->f[AM_STADSDEL].value == 0) {
		mform_focus(&m->page.form, AM_STADSDEL);
		ui_message(s->ui, 0, "%s är vald. Välj stadsdel: den krävs "
		    "där.", m->kommun);
	} else
		ui_message(s->ui, 0, "%s är vald.", m->kommun);
}

/* The person into the body; 0 when fit, else said why. */
int
am_collect_person(struct screen *s, struct msg_affk_medverkan_save *b)
{
	struct medverkan	*m = s->data;
	const struct msg_person	*p = &m->person;
	char			 v[ENTRY_MAX * 4 + 1], norm[13], why[160];

	affk_page_text(&m->page, AM_PNR, v, sizeof v);
	if (affk_pnr_check(v, norm, why, sizeof why) != 0)
		return affk_page_refuse(s, &m->page, AM_PNR, why);
	if (!m->hamtad || strcmp(norm, m->hamtad_pnr) != 0)
		return affk_page_refuse(s, &m->page, AM_PNR, "Sök personen "
		    "först: Enter eller F5 på Personnummer.");
	affk_page_text(&m->page, AM_NAMN, v, sizeof v);
	if (!p->i_register && v[0] == '\0')
		return affk_page_refuse(s, &m->page, AM_NAMN, "Skriv "
		    "deltagarens namn: personen finns inte i "
		    "folkbokföringen.");
	if (!p->i_register && m->kommunkod[0] == '\0')
		return affk_page_refuse(s, &m->page, AM_KOMMUN, "Välj "
		    "folkbokföringskommun: Enter på Kommun.");
	if (m->stadsdel.n > 1 && m->f[AM_STADSDEL].value == 0)
		return affk_page_refuse(s, &m->page, AM_STADSDEL, "Välj "
		    "stadsdel: den krävs för Stockholm och Göteborg.");
	b->personnummer = xstrdup(norm);
	b->namn = xstrdup(p->i_register ? "" : v);
	b->kommunkod = xstrdup(p->i_register ? "" : m->kommunkod);
	if (m->stadsdel.n > 1)
		b->stadsdel_id = affk_choice_id(&m->f[AM_STADSDEL],
		    &m->stadsdel);
	else
		b->stadsdel_id = p->i_register ? p->stadsdel_id :
		    m->picked_stadsdel;
	return 0;
}
