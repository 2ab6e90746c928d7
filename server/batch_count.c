/*
 * Bulk batches of counts (issue 7): MSG_BATCH_ANONYM, MSG_BATCH_VOLYM.
 * To be written.
 */
#include <stdint.h>

#include "msg.h"
#include "proto.h"
#include "susd.h"

/* MSG_BATCH_ANONYM → MSG_BATCH_RESULT. */
int
batch_anonym(struct session *s, uint32_t id, void *m)
{
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}

/* MSG_BATCH_VOLYM → MSG_BATCH_RESULT. */
int
batch_volym(struct session *s, uint32_t id, void *m)
{
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}
