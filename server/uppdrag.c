/* STUB: being written. */
#include "proto.h"
#include "susd.h"

int
uppdrag_search(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}

int
uppdrag_save_samorg(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}

int
uppdrag_save_insats(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}
