/*
 * Registrera (ny) insats: base data, categorisation and the
 * deltagaransvariga panel in one transaction (domain.md 2.4, rules
 * 24-30).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "susd.h"

/* Not built yet: the issue 5 helpers replace this. */
int
insats_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart än.");
}
