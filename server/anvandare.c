/* STUB: being written. */
#include "proto.h"
#include "susd.h"

int
anvandare_search(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}

int
anvandare_role_set(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}

int
anvandare_active(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}

int
organisation_search(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}
