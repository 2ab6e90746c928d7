/*
 * Startsida: the caller's samverkansorganisationer and insatser with
 * the actions the caller's roles and uppdrag allow.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "susd.h"

/* Not built yet: the issue 5 helpers replace this. */
int
start_get(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart än.");
}
