/*
 * Af/FK-samarbetet: the offices (styrdata kept by the
 * superadministratör; each office is an insats of its authority's
 * samverkansorganisation), Byt kontor and Visa deltagare (issue 8).
 * STUB: the contract only; a helper fills it in.
 */
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"

int
affk_kontor_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt än.");
}

int
affk_sok(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt än.");
}

int
affk_byt_kontor(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt än.");
}
