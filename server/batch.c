/*
 * Bulk batches (issue 7): MSG_BATCH_DELTAGARE. To be written.
 */
#include <stdint.h>

#include "msg.h"
#include "proto.h"
#include "susd.h"

/* MSG_BATCH_DELTAGARE → MSG_BATCH_RESULT. */
int
batch_deltagare(struct session *s, uint32_t id, void *m)
{
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}
