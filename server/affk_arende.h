/*
 * Af/FK-samarbetet: what affk_arende.c (medverkan, övergång, historik)
 * and affk_uppgifter.c (a period's answers) share. Every function that
 * refuses answers the request itself and returns what a handler
 * returns; 0 means go on.
 */
#ifndef AFFK_ARENDE_H
#define AFFK_ARENDE_H

#include <stddef.h>
#include <stdint.h>

struct session;

/* AFFK_AF or AFFK_FK as the database writes it ("AF", "FK"). */
const char	*affk_myndighet_kod(int);
/* The database's today, YYYY-MM-DD, into out. */
int		 affk_today(struct session *, uint32_t id, char *out,
		    size_t len);
/* The number of questions step insatstyp_id asks, into *n. */
int		 affk_nfragor(struct session *, uint32_t id,
		    uint32_t insatstyp_id, uint32_t *n);

#endif
