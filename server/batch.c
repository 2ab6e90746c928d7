/*
 * Bulk batches (issue 7): MSG_BATCH_DELTAGARE, the idempotency keys and
 * the stored outcomes. To be written: these stubs refuse.
 */
#include <stdint.h>
#include <string.h>

#include "batch.h"
#include "msg.h"
#include "proto.h"
#include "susd.h"

int
batch_begin(struct session *s, uint32_t id, struct batch *b, const char *typ,
    uint32_t insats_id, const char *nyckel, uint8_t flaggor, uint32_t nrader)
{
	memset(b, 0, sizeof *b);
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}

int
batch_row(struct session *s, uint32_t id, struct batch *b, uint32_t radnr,
    batch_row_fn fn, const void *row, void *arg)
{
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}

int
batch_finish(struct session *s, uint32_t id, struct batch *b)
{
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}

void
batch_clear(struct batch *b)
{
	msg_clear(MSG_BATCH_RESULT, &b->res);
}

/* MSG_BATCH_DELTAGARE → MSG_BATCH_RESULT. */
int
batch_deltagare(struct session *s, uint32_t id, void *m)
{
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}
