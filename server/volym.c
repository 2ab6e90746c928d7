/*
 * Registrera antal i volyminsats: counts per month and kön,
 * corrections kept as history (domain.md 2.6(c), rule 29).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "susd.h"

/* Not built yet: the issue 5 helpers replace this. */
int
volym_get(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart än.");
}

/* Not built yet: the issue 5 helpers replace this. */
int
volym_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart än.");
}
