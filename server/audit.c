/*
 * The audit trail: one append-only row per security-relevant event and per
 * read or write of personal data. Rows go into the caller's transaction so
 * an audited change and its audit row commit or vanish together.
 */
#include <stdio.h>

#include "chan.h"
#include "err.h"
#include "susd.h"

/* Records an event by the session's user; detail_json may be NULL. */
int
audit_log(struct session *s, const char *action, const char *object_type,
    long long object_id, int personal, const char *detail_json)
{
	char		 uid[16], oid[24];
	const char	*params[7];

	snprintf(uid, sizeof uid, "%u", s->user_id);
	snprintf(oid, sizeof oid, "%lld", object_id);
	params[0] = s->user_id != 0 ? uid : NULL;
	params[1] = s->chan != NULL ? chan_session_id(s->chan) : NULL;
	params[2] = action;
	params[3] = object_type;
	params[4] = object_id != 0 ? oid : NULL;
	params[5] = personal ? "true" : "false";
	params[6] = detail_json;
	return db_exec_cmd(s,
	    "INSERT INTO audit (anvandare_id, session_id, action, object_type,"
	    " object_id, personal, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
	    7, params);
}
