/* STUB: being written. */
#include "proto.h"
#include "susd.h"

int
insats_search(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}
