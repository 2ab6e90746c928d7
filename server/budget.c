/*
 * Samverkansorganisationsbudget.
 * STUB: replaced by the helper that owns this file.
 */
#include "msg.h"
#include "proto.h"
#include "susd.h"

int
budget_get(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_error(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}

int
budget_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_error(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}
