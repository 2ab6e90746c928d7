/*
 * Styrdata.
 * STUB: replaced by the helper that owns this file.
 */
#include "msg.h"
#include "proto.h"
#include "susd.h"

int
kod_search(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_error(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}

int
kod_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_error(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}

int
organisation_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_error(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}
