/*
 * The 9447 order.
 * STUB: replaced by the helper that owns this file.
 */
#include "msg.h"
#include "proto.h"
#include "susd.h"

int
samorg_order_submit(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_error(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}

int
samorg_order_search(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_error(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}

int
samorg_order_decide(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_error(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}
