/*
 * Bulk batches (issue 7): the idempotency keys and the stored outcomes.
 * A batch's key is the sender's; batches of one (user, key) are run one
 * at a time under a transaction-scoped advisory lock, and a key already
 * stored is answered from import_batch and import_batch_rad and applies
 * nothing. The outcome is stored in the transaction that applied the
 * rows (two statements in all), so a batch is applied exactly once
 * whatever happens to the connection. A dry run checks every row on the
 * same path, is rolled back and is never stored.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "batch.h"
#include "buf.h"
#include "err.h"
#include "log.h"
#include "msg.h"
#include "proto.h"
#include "susd.h"
#include "xmalloc.h"

/* Largest array literal of a batch's outcomes (messages quoted). */
#define BATCH_ARR_MAX	(SUS_BATCH_MAX * (2 * SUS_MESSAGE_MAX + 8) + 64)

/* The request each kind of batch is, for the audit trail. */
static const struct {
	const char	*typ;
	uint16_t	 request;
	int		 personal;
} batch_kinds[] = {
	{ "deltagare", MSG_BATCH_DELTAGARE, 1 },
	{ "anonym", MSG_BATCH_ANONYM, 0 },
	{ "volym", MSG_BATCH_VOLYM, 0 },
};

/*
 * A stored batch of the caller by key ($1 user, $2 key) with its rows in
 * order; no rows when the key is new.
 */
static const char batch_stored_sql[] =
	"SELECT b.typ, b.insats_id, to_char(b.utford, 'YYYY-MM-DD HH24:MI:SS'),"
	" r.radnr, r.status, coalesce(r.objekt_id, 0), r.falt,"
	" coalesce(r.fraga_id, 0), r.kod, r.meddelande"
	" FROM import_batch b JOIN import_batch_rad r ON r.batch_id = b.id"
	" WHERE b.anvandare_id = $1::integer AND b.nyckel = $2"
	" ORDER BY r.ordning";

/*
 * The batch and every row's outcome in one statement: $1 user, $2 key,
 * $3 typ, $4 insats, $5-$7 counts, then one array per column.
 */
static const char batch_store_sql[] =
	"WITH b AS (INSERT INTO import_batch (anvandare_id, nyckel, typ,"
	" insats_id, antal_ok, antal_fel, antal_finns) VALUES ($1::integer,"
	" $2, $3, $4::integer, $5::integer, $6::integer, $7::integer)"
	" RETURNING id, utford),"
	" r AS (INSERT INTO import_batch_rad (batch_id, ordning, radnr,"
	" status, objekt_id, falt, fraga_id, kod, meddelande)"
	" SELECT b.id, v.ord - 1, v.radnr, v.status, nullif(v.objekt, 0),"
	" v.falt, nullif(v.fraga, 0), v.kod, v.medd FROM b,"
	" unnest($8::bigint[], $9::smallint[], $10::bigint[], $11::smallint[],"
	" $12::integer[], $13::smallint[], $14::text[]) WITH ORDINALITY"
	" AS v(radnr, status, objekt, falt, fraga, kod, medd, ord))"
	" SELECT to_char(utford, 'YYYY-MM-DD HH24:MI:SS') FROM b";

/* Reports whether key is SUS_BATCH_KEY_LEN lowercase hex digits. */
static int
batch_key_valid(const char *key)
{
	size_t	n;

	if (key == NULL || strlen(key) != SUS_BATCH_KEY_LEN)
		return 0;
	for (n = 0; n < SUS_BATCH_KEY_LEN; n++) {
		if (strchr("0123456789abcdef", key[n]) == NULL)
			return 0;
	}
	return 1;
}

/* The kind row of typ; the first for anything unknown. */
static size_t
batch_kind(const char *typ)
{
	size_t	i;

	for (i = 0; i < sizeof batch_kinds / sizeof batch_kinds[0]; i++) {
		if (strcmp(batch_kinds[i].typ, typ) == 0)
			return i;
	}
	return 0;
}

void
batch_record(struct batch *b, uint32_t radnr, uint8_t status, uint32_t objid,
    const struct session_capture *cap)
{
	struct batch_resultat_rad	*r;

	if (b->res.nrader >= b->cap)
		return;
	r = &b->res.rader[b->res.nrader++];
	memset(r, 0, sizeof *r);
	r->radnr = radnr;
	r->status = status;
	r->id = objid;
	if (status == BATCH_FEL && cap != NULL) {
		r->falt = cap->falt;
		r->fraga_id = cap->fraga_id;
		r->kod = cap->code;
		r->meddelande = xstrdup(cap->text);
	} else
		r->meddelande = xstrdup("");
	if (status == BATCH_OK)
		b->res.antal_ok++;
	else if (status == BATCH_FEL)
		b->res.antal_fel++;
	else
		b->res.antal_finns++;
}

/*
 * Answers from the stored outcome in res (rows of batch_stored_sql):
 * the same rows, upprepad. A key used for another insats or kind of
 * batch is refused, not replayed.
 */
static int
batch_replay(struct session *s, uint32_t id, struct batch *b, PGresult *res)
{
	struct session_capture	 cap;
	int			 i, n = PQntuples(res);

	if (strcmp(PQgetvalue(res, 0, 0), b->typ) != 0 ||
	    db_u32(res, 0, 1) != b->insats_id)
		return session_refuse(s, id, ERR_CONFLICT, "Nyckeln har redan "
		    "använts för en annan batch: skicka batchen med en ny "
		    "nyckel.");
	if ((uint32_t)n > b->cap) {
		b->res.rader = xreallocarray(b->res.rader, (size_t)n,
		    sizeof *b->res.rader);
		b->cap = (uint32_t)n;
	}
	free(b->res.utford);
	b->res.utford = xstrdup(PQgetvalue(res, 0, 2));
	b->res.upprepad = 1;
	for (i = 0; i < n; i++) {
		memset(&cap, 0, sizeof cap);
		cap.falt = db_u32(res, i, 6);
		cap.fraga_id = db_u32(res, i, 7);
		cap.code = db_u32(res, i, 8);
		strlcpy(cap.text, PQgetvalue(res, i, 9), sizeof cap.text);
		batch_record(b, db_u32(res, i, 3), (uint8_t)db_u32(res, i, 4),
		    db_u32(res, i, 5), &cap);
	}
	return session_reply(s, id, MSG_BATCH_RESULT, &b->res);
}

/*
 * Takes the (user, key) lock for the rest of the transaction, then looks
 * the key up: the lock is taken by a statement of its own, so that the
 * look-up's snapshot sees a batch of the same key committed while this
 * one waited. Returns 0 (new key), BATCH_REPLAYED, or what a handler
 * returns after a refusal.
 */
static int
batch_lookup(struct session *s, uint32_t id, struct batch *b, const char *key)
{
	PGresult	*res;
	char		 uid[16];
	const char	*params[2];
	int		 rv;

	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = uid;
	params[1] = key;
	if ((res = db_exec(s, "SELECT pg_advisory_xact_lock(hashtextextended("
	    "'sus-batch:' || $1 || ':' || $2, 0))", 2, params)) == NULL)
		return db_refused(s, id);
	PQclear(res);
	if ((res = db_exec(s, batch_stored_sql, 2, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return 0;
	}
	rv = batch_replay(s, id, b, res);
	PQclear(res);
	return rv != 0 ? rv : BATCH_REPLAYED;
}

int
batch_begin(struct session *s, uint32_t id, struct batch *b, const char *typ,
    uint32_t insats_id, const char *nyckel, uint8_t flaggor, uint32_t nrader)
{
	int	rv;

	memset(b, 0, sizeof *b);
	strlcpy(b->typ, typ, sizeof b->typ);
	b->insats_id = insats_id;
	b->dry_run = (flaggor & BATCH_F_DRY_RUN) != 0;
	b->res.provkorning = (uint8_t)b->dry_run;
	b->res.nyckel = xstrdup(nyckel != NULL ? nyckel : "");
	b->res.utford = xstrdup("");
	if (!batch_key_valid(nyckel)) {
		rv = session_refuse(s, id, ERR_BAD_REQUEST, "Batchens nyckel "
		    "ska vara %d tecken 0-9 och a-f.", SUS_BATCH_KEY_LEN);
		goto out;
	}
	if (nrader == 0 || nrader > SUS_BATCH_MAX) {
		rv = session_refuse(s, id, ERR_BAD_REQUEST, "En batch ska ha "
		    "1–%d rader.", SUS_BATCH_MAX);
		goto out;
	}
	b->cap = nrader;
	b->res.rader = xcalloc(nrader, sizeof *b->res.rader);
	/* A dry run stores nothing, so it has nothing to replay either. */
	if (b->dry_run)
		return 0;
	if ((rv = batch_lookup(s, id, b, nyckel)) == 0)
		return 0;
out:
	/* The handler returns at once: nothing may stay allocated. */
	batch_clear(b);
	return rv;
}

/* Appends v to a Postgres array literal as a quoted element. */
static int
batch_arr_text(struct buf *a, const char *v)
{
	const char	*p;
	int		 r;

	if ((r = buf_put(a, buf_len(a) > 1 ? ",\"" : "\"",
	    buf_len(a) > 1 ? 2 : 1)) != 0)
		return r;
	for (p = v; *p != '\0'; p++) {
		if ((*p == '"' || *p == '\\') && (r = buf_put(a, "\\", 1)) != 0)
			return r;
		if ((r = buf_put(a, p, 1)) != 0)
			return r;
	}
	return buf_put(a, "\"", 1);
}

static int
batch_arr_num(struct buf *a, uint32_t v)
{
	char	num[16];

	snprintf(num, sizeof num, "%s%u", buf_len(a) > 1 ? "," : "", v);
	return buf_put(a, num, strlen(num));
}

/* The seven column arrays of the outcomes, NUL-terminated literals. */
#define BATCH_NCOLS	7

static int
batch_arrays(const struct batch *b, struct buf **a)
{
	const struct batch_resultat_rad	*r;
	uint32_t			 i;
	int				 c, rv = 0;

	for (c = 0; c < BATCH_NCOLS; c++) {
		if ((a[c] = buf_new(BATCH_ARR_MAX)) == NULL)
			return SUS_ERR_ALLOC;
		if ((rv = buf_put(a[c], "{", 1)) != 0)
			return rv;
	}
	for (i = 0; i < b->res.nrader && rv == 0; i++) {
		r = &b->res.rader[i];
		if ((rv = batch_arr_num(a[0], r->radnr)) != 0 ||
		    (rv = batch_arr_num(a[1], r->status)) != 0 ||
		    (rv = batch_arr_num(a[2], r->id)) != 0 ||
		    (rv = batch_arr_num(a[3], r->falt)) != 0 ||
		    (rv = batch_arr_num(a[4], r->fraga_id)) != 0 ||
		    (rv = batch_arr_num(a[5], r->kod)) != 0 ||
		    (rv = batch_arr_text(a[6], r->meddelande)) != 0)
			break;
	}
	for (c = 0; c < BATCH_NCOLS && rv == 0; c++)
		rv = buf_put(a[c], "}", 2);
	return rv;
}

/* Stores the batch and its outcomes; utford gets the time it was. */
static int
batch_store(struct session *s, uint32_t id, struct batch *b)
{
	struct buf	*a[BATCH_NCOLS] = { NULL };
	PGresult	*res;
	char		 uid[16], ins[16], n[3][16];
	const char	*params[7 + BATCH_NCOLS];
	int		 c, rv;

	if ((rv = batch_arrays(b, a)) != 0) {
		rv = session_refuse(s, id, ERR_INTERNAL, "Batchen kunde inte "
		    "sparas på grund av ett serverfel.");
		goto out;
	}
	snprintf(uid, sizeof uid, "%u", s->user_id);
	snprintf(ins, sizeof ins, "%u", b->insats_id);
	snprintf(n[0], sizeof n[0], "%u", b->res.antal_ok);
	snprintf(n[1], sizeof n[1], "%u", b->res.antal_fel);
	snprintf(n[2], sizeof n[2], "%u", b->res.antal_finns);
	params[0] = uid;
	params[1] = b->res.nyckel;
	params[2] = b->typ;
	params[3] = ins;
	params[4] = n[0];
	params[5] = n[1];
	params[6] = n[2];
	for (c = 0; c < BATCH_NCOLS; c++)
		params[7 + c] = (const char *)buf_ptr(a[c]);
	if ((res = db_exec(s, batch_store_sql, 7 + BATCH_NCOLS,
	    params)) == NULL) {
		rv = db_refused(s, id);
		goto out;
	}
	free(b->res.utford);
	b->res.utford = xstrdup(PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) :
	    "");
	PQclear(res);
out:
	for (c = 0; c < BATCH_NCOLS; c++)
		buf_free(a[c]);
	return rv;
}

/*
 * Ends a dry run: the reply is held, everything the rows did is rolled
 * back, and a batch of personal data leaves its audit row in a
 * transaction of its own, since it read the register for the numbers
 * sent (the request's own row would be rolled back with the rest).
 */
static int
batch_dry_end(struct session *s, uint32_t id, struct batch *b)
{
	PGresult	*res;
	char		 detail[128];
	size_t		 k = batch_kind(b->typ);
	int		 rv;

	if ((res = db_exec(s, "SELECT to_char(now(), 'YYYY-MM-DD HH24:MI:SS')",
	    0, NULL)) != NULL) {
		free(b->res.utford);
		b->res.utford = xstrdup(PQgetvalue(res, 0, 0));
		PQclear(res);
	}
	if ((rv = session_reply(s, id, MSG_BATCH_RESULT, &b->res)) != 0)
		return rv;
	db_rollback(s);
	if (batch_kinds[k].personal) {
		snprintf(detail, sizeof detail, "{\"request\": %u, "
		    "\"provkorning\": true, \"rader\": %u}",
		    batch_kinds[k].request, b->res.nrader);
		if (audit_log(s, "personal_data", "request", 0, 1, detail) != 0)
			log_warn("could not audit a dry run");
	}
	return REQ_ROLLBACK;
}

int
batch_finish(struct session *s, uint32_t id, struct batch *b)
{
	int	rv;

	if (b->dry_run)
		return batch_dry_end(s, id, b);
	if ((rv = batch_store(s, id, b)) != 0)
		return rv;
	return session_reply(s, id, MSG_BATCH_RESULT, &b->res);
}

void
batch_clear(struct batch *b)
{
	msg_clear(MSG_BATCH_RESULT, &b->res);
	b->cap = 0;
}
