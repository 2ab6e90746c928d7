/*
 * Af/FK-samarbetet: Registrera medverkan, övergångar, Registrera
 * uppgifter and Historik enskild deltagare (issue 8). STUB: the
 * contract only; a helper fills it in.
 */
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"

int
affk_medverkan_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt än.");
}

int
affk_overgang_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt än.");
}

int
affk_uppgifter_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt än.");
}

int
affk_historik_get(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte byggt än.");
}
