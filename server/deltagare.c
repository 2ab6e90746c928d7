/* Stub: filled in by the Deltagande issue's work on deltagare. */
#include "err.h"
#include "proto.h"
#include "susd.h"

int
deltagare_search(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart ännu.");
}

int
deltagare_get(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart ännu.");
}

int
person_lookup(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart ännu.");
}
