/*
 * Registrera medverkan's form, private to its files: the screen, its
 * keys and the Spara (scr_affk_medverkan.c), and the person: Sök in the
 * register copy, a person typed by hand with the kommun chosen, the
 * stadsdel Stockholm and Göteborg need (affk_medverkan_person.c).
 */
#ifndef SUS_AFFK_MEDVERKAN_H
#define SUS_AFFK_MEDVERKAN_H

#include "affk.h"
#include "affk_form.h"
#include "client.h"

/* A name in characters (the schema's limit); most offices or steps. */
#define AM_NAMN_MAX	200
#define AM_MAX		64

/* The fields, top to bottom. */
enum {
	AM_KONTOR, AM_PNR, AM_NAMN, AM_KOMMUN, AM_STADSDEL, AM_SAMTYCKE,
	AM_SAMT_DATUM, AM_INITIERAD, AM_H_KONTOR, AM_AF, AM_FK, AM_TYP,
	AM_DATUM, AM__COUNT
};

struct medverkan {
	int			 started;
	struct mfield		 f[AM__COUNT];
	struct affk_meta	 meta[AM__COUNT];
	struct affk_page	 page;
	const struct affk_kontor_row *mina[AM_MAX];
	size_t			 nmina;
	int			 kontor_val;	/* office the choices follow */
	struct affk_choice	 kontor, init, af, fk, typ, stadsdel;
	char			 typ_text[160];
	/* Sök: the person as the register has it. */
	struct msg_person	 person;
	int			 hamtad;
	char			 hamtad_pnr[13];
	/* A kommun chosen by hand. */
	char			 kommunkod[5];
	char			 kommun[AM_NAMN_MAX * 4 + 1];
	uint32_t		 picked_stadsdel;
	int			 kommun_check;
};

/* scr_affk_medverkan.c */
/* The office worked from, NULL when there is none. */
const struct affk_kontor_row *am_kontor(struct medverkan *);

/* affk_medverkan_person.c */
/* A string of a message, "" for none. */
const char	*am_str(const char *);
/* Forgets what Sök brought, when the number or the office changes. */
void		 am_person_forget(struct medverkan *);
/* Shows the person's fields for what is known of them. */
void		 am_person_arrange(struct medverkan *);
/* Enter, F3 or F5 on Personnummer: MSG_PERSON_LOOKUP. */
void		 am_sok(struct screen *);
/* Told the kommun chosen by hand, and after the picker its stadsdelar. */
void		 am_kommun_picked(struct screen *,
		    const struct samorg_kommun *, size_t);
void		 am_kommun_check(struct screen *);
/* The person into the body of a Spara; 0 when fit, else said why. */
int		 am_collect_person(struct screen *,
		    struct msg_affk_medverkan_save *);

#endif
