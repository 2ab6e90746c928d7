/* Stub: filled in by the Deltagande issue's work on samtycke. */
#include "err.h"
#include "proto.h"
#include "susd.h"

int
samtycke_aterkalla(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart ännu.");
}
