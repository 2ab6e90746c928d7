/* Stub: filled in by the Deltagande issue's work on deltagare_save. */
#include "err.h"
#include "proto.h"
#include "susd.h"

int
deltagare_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart ännu.");
}
