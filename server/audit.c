/*
 * The audit trail: one append-only row per security-relevant event and per
 * read or write of personal data. Rows go into the caller's transaction so
 * an audited change and its audit row commit or vanish together.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "buf.h"
#include "chan.h"
#include "err.h"
#include "susd.h"

/*
 * The first two parameters of every audit insert: who (NULL before
 * login) and in which session (NULL outside one). uid must outlive the
 * statement.
 */
static void
audit_who(struct session *s, char *uid, size_t len, const char **params)
{
	snprintf(uid, len, "%u", s->user_id);
	params[0] = s->user_id != 0 ? uid : NULL;
	params[1] = s->chan != NULL ? chan_session_id(s->chan) : NULL;
}

/* Records an event by the session's user; detail_json may be NULL. */
int
audit_log(struct session *s, const char *action, const char *object_type,
    long long object_id, int personal, const char *detail_json)
{
	char		 uid[16], oid[24];
	const char	*params[7];

	audit_who(s, uid, sizeof uid, params);
	snprintf(oid, sizeof oid, "%lld", object_id);
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

/*
 * Writes one audit_person row per id in ids with sql, whose parameters
 * are $1 user, $2 session, $3 action, $4 purpose, $5 insats and $6 the
 * ids as a bigint[]; every id must give exactly one row.
 */
static int
audit_person_ids(struct session *s, const char *sql, const char *action,
    const char *purpose, uint32_t insats_id, const uint32_t *ids, size_t n)
{
	struct buf	*arr;
	char		 uid[16], ins[16], num[16];
	const char	*params[6];
	PGresult	*res;
	size_t		 i;
	int		 r = SUS_ERR_SYSTEM;

	if (n == 0)
		return 0;
	if ((arr = buf_new(16 + n * 11)) == NULL)
		return SUS_ERR_ALLOC;
	if (buf_put(arr, "{", 1) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		snprintf(num, sizeof num, "%s%u", i > 0 ? "," : "", ids[i]);
		if (buf_put(arr, num, strlen(num)) != 0)
			goto out;
	}
	if (buf_put(arr, "}", 2) != 0)
		goto out;
	audit_who(s, uid, sizeof uid, params);
	snprintf(ins, sizeof ins, "%u", insats_id);
	params[2] = action;
	params[3] = purpose;
	params[4] = ins;
	params[5] = (const char *)buf_ptr(arr);
	if ((res = db_exec(s, sql, 6, params)) == NULL)
		goto out;
	r = (size_t)strtoul(PQcmdTuples(res), NULL, 10) == n ? 0 :
	    SUS_ERR_INVALID;
	PQclear(res);
out:
	buf_free(arr);
	return r;
}

/*
 * One audit_person row per participation in ids: the person and the
 * hash of the personnummer come from the rows themselves, so a caller
 * cannot name the wrong person. Ids not of insats_id are refused.
 */
int
audit_person_deltaganden(struct session *s, const char *action,
    const char *purpose, uint32_t insats_id, const uint32_t *ids, size_t n)
{
	return audit_person_ids(s,
	    "INSERT INTO audit_person (anvandare_id, session_id, action,"
	    " purpose, pnr_hash, person_id, deltagande_id, insats_id)"
	    " SELECT $1, $2, $3, $4, pnr_hash(p.personnummer), d.person_id,"
	    " d.id, d.insats_id FROM deltagande d"
	    " LEFT JOIN person p ON p.id = d.person_id"
	    " WHERE d.id = ANY ($6::bigint[]) AND d.insats_id = $5",
	    action, purpose, insats_id, ids, n);
}

/* One audit_person row for a personnummer looked up ("Hämta"). */
int
audit_person_pnr(struct session *s, const char *action, const char *purpose,
    uint32_t insats_id, const char *pnr)
{
	char		 uid[16], ins[16];
	const char	*params[6];

	audit_who(s, uid, sizeof uid, params);
	snprintf(ins, sizeof ins, "%u", insats_id);
	params[2] = action;
	params[3] = purpose;
	params[4] = ins;
	params[5] = pnr;
	return db_exec_cmd(s,
	    "INSERT INTO audit_person (anvandare_id, session_id, action,"
	    " purpose, pnr_hash, person_id, insats_id)"
	    " SELECT $1, $2, $3, $4, pnr_hash($6),"
	    " (SELECT p.id FROM person p WHERE p.personnummer = $6), $5",
	    6, params);
}

/*
 * One audit_person row per Af/FK ärende in ids, naming the office's
 * insats the request came through (susd.h).
 */
int
audit_person_arenden(struct session *s, const char *action,
    const char *purpose, uint32_t insats_id, const uint32_t *ids, size_t n)
{
	return audit_person_ids(s,
	    "INSERT INTO audit_person (anvandare_id, session_id, action,"
	    " purpose, pnr_hash, person_id, arende_id, insats_id)"
	    " SELECT $1, $2, $3, $4, pnr_hash(p.personnummer), a.person_id,"
	    " a.id, $5::integer FROM affk_arende a"
	    " LEFT JOIN person p ON p.id = a.person_id"
	    " WHERE a.id = ANY ($6::bigint[])",
	    action, purpose, insats_id, ids, n);
}
