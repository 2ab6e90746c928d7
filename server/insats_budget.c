/*
 * The insats's Budget tab: planerat antal deltagare and budget lines
 * per calendar year (domain.md 2.5, rules 6, 10, 11).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "susd.h"

/* Not built yet: the issue 5 helpers replace this. */
int
insats_budget_get(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart än.");
}

/* Not built yet: the issue 5 helpers replace this. */
int
insats_budget_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart än.");
}
