/* STUB: being written. */
#include "proto.h"
#include "susd.h"

int
bestallning_agreement_save(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}

int
bestallning_bestallare_save(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}

int
bestallning_submit(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}

int
bestallning_search(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}

int
bestallning_decide(struct session *s, uint32_t id, void *m)
{
	return session_error(s, id, ERR_UNSUPPORTED, "Inte klart.");
}
