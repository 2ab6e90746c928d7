/*
 * Reports: the choices of a run (rapport_urval.c), for the engine (rapport.c);
 * the rapporttyper see rapport.h only.
 */
#ifndef RAPPORT_URVAL_H
#define RAPPORT_URVAL_H

#include <stddef.h>

#include "rapport.h"

/* Bytes of the urval line (the message's cap). */
#define RAPPORT_URVAL_MAX	2000

/*
 * Checks the choices of c->q against c->def and c->typ, resolves the
 * standards into c->varde, fills c->u and writes the choices in words to
 * urval. Returns 0, or what the handler returns after a refusal.
 */
int		 rapport_urval_las(struct rapport_ctx *, char *urval,
		    size_t len);
/* Remembers the caller's choices (rapport_val) in the request's tx. */
int		 rapport_urval_spara(struct rapport_ctx *);

#endif
