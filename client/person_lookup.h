/*
 * A person looked up by personnummer in the register copy (Hämta in
 * Registrera deltagare, Sök in Registrera medverkan) and the stadsdelar
 * of a kommun to choose among (client/person_lookup.c).
 */
#ifndef SUS_PERSON_LOOKUP_H
#define SUS_PERSON_LOOKUP_H

#include "client.h"

/*
 * MSG_PERSON_LOOKUP for pnr on the insats into rep (the caller clears
 * it); 0 on success, else the refusal is shown.
 */
int		 person_lookup(struct ui *, uint32_t insats_id, char *pnr,
		    struct msg_person *rep);
/* Forgets a person looked up: *hamtad 0, pnr (the number) "". */
void		 person_lookup_forget(struct msg_person *, int *hamtad,
		    char *pnr);
/* A person's twelve digits as shown: "ÅÅÅÅMMDD-NNNN". */
void		 person_pnr_shown(const char *norm, char *buf, size_t len);
/*
 * Says what the lookup found: not in the register, a stadsdel to choose
 * (choose set), else found (NULL: "Hämtad från folkbokföringen.").
 */
void		 person_lookup_said(struct ui *, const struct msg_person *,
		    int choose, const char *found);
/*
 * The stadsdelar of kommun kommunkod, each passed to add with its id and
 * name; 0 on success, else the refusal is shown.
 */
int		 person_stadsdelar(struct ui *, const char *kommunkod,
		    const char *kommun, void (*add)(void *, uint32_t,
		    const char *), void *arg);

#endif
