/*
 * Bulk batches (issue 7): each row of a batch run under a savepoint with
 * its refusal captured instead of replied, and MSG_BATCH_DELTAGARE, whose
 * rows are single registrations (deltagare_save_apply(), the very checks
 * and writes of MSG_DELTAGARE_SAVE). The keys and the stored outcomes
 * are batch_store.c's.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "batch.h"
#include "date.h"
#include "deltagare_save.h"
#include "err.h"
#include "log.h"
#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/*
 * The cell a trigger's refusal concerns (schema 0008), for a row whose
 * checks all passed and whose write the database refused.
 */
static const struct {
	const char	*state;
	uint32_t	 falt;
} batch_state_falt[] = {
	{ "SU050", BATCH_FALT_DATUM },
	{ "SU051", BATCH_FALT_DATUM },
	{ "SU052", BATCH_FALT_DATUM },
	{ "SU053", BATCH_FALT_DATUM },
	{ "SU054", BATCH_FALT_DATUM },
	{ "SU055", BATCH_FALT_SAMTYCKE },
	{ "SU056", BATCH_FALT_PNR },
	{ "SU057", BATCH_FALT_DATUM },
	{ "SU059", BATCH_FALT_SYSSELSATTNING },
	{ "SU062", BATCH_FALT_FRAGA },
};

static uint32_t
batch_falt_of(const char *state)
{
	size_t	i;

	for (i = 0; i < sizeof batch_state_falt / sizeof batch_state_falt[0];
	    i++) {
		if (strcmp(batch_state_falt[i].state, state) == 0)
			return batch_state_falt[i].falt;
	}
	return BATCH_FALT_INGET;
}

/*
 * Runs sql (one or more statements, no parameters) by the simple
 * protocol: the savepoint commands, two in one round trip.
 */
static int
batch_simple(struct session *s, const char *sql)
{
	PGresult	*res;
	const char	*state;
	int		 ok;

	if (db_open(s) != 0)
		return SUS_ERR_SYSTEM;
	res = PQexec(s->db, sql);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok) {
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		strlcpy(s->sqlstate, state != NULL ? state : "?",
		    sizeof s->sqlstate);
		log_error("batch savepoint failed: sqlstate %s", s->sqlstate);
	}
	PQclear(res);
	return ok ? 0 : SUS_ERR_SYSTEM;
}

/* Undoes what the running row did; its savepoint stays set. */
static int
batch_undo(struct session *s)
{
	return batch_simple(s, "ROLLBACK TO SAVEPOINT batch_rad");
}

/*
 * Refuses the whole batch: a row could not be run to a verdict (a
 * server fault, not a rule), so nothing is kept and the client sends
 * the same batch again.
 */
static int
batch_fault(struct session *s, uint32_t id, uint32_t radnr)
{
	s->capture = NULL;
	return session_refuse(s, id, ERR_INTERNAL, "Batchen sparades inte på "
	    "grund av ett serverfel vid rad %u: skicka den igen.", radnr);
}

int
batch_row(struct session *s, uint32_t id, struct batch *b, uint32_t radnr,
    batch_row_fn fn, const void *row, void *arg)
{
	struct session_capture	 cap;
	uint32_t		 objid = 0;
	uint8_t			 status = BATCH_OK;
	char			 state[sizeof s->sqlstate];
	int			 rv;

	if (b->res.nrader >= b->cap)
		return SUS_ERR_INVALID;
	if (!b->optimistic && !b->savepoint) {
		if (batch_simple(s, "SAVEPOINT batch_rad") != 0)
			return batch_fault(s, id, radnr);
		b->savepoint = 1;
	}
	memset(&cap, 0, sizeof cap);
	s->capture = &cap;
	session_falt(s, BATCH_FALT_INGET, 0);
	rv = fn(s, id, row, arg, &objid, &status);
	s->capture = NULL;
	session_falt(s, BATCH_FALT_INGET, 0);
	strlcpy(state, s->sqlstate, sizeof state);
	if (rv < 0 || rv == BATCH_RESTART)
		return rv;
	if (rv == 0) {
		/* Kept: the next row's savepoint in the same round trip. */
		if (!b->optimistic && batch_simple(s, "RELEASE SAVEPOINT"
		    " batch_rad; SAVEPOINT batch_rad") != 0)
			return batch_fault(s, id, radnr);
		batch_record(b, radnr, status, objid, NULL);
		return 0;
	}
	if (b->optimistic) {
		/* Without a savepoint only a refusal before any write stays. */
		if (PQtransactionStatus(s->db) != PQTRANS_INTRANS)
			return BATCH_RESTART;
	} else if (batch_undo(s) != 0)
		return batch_fault(s, id, radnr);
	if (!cap.set || cap.code == ERR_INTERNAL || cap.code == ERR_UNAVAILABLE)
		return batch_fault(s, id, radnr);
	if (cap.falt == BATCH_FALT_INGET)
		cap.falt = batch_falt_of(state);
	batch_record(b, radnr, BATCH_FEL, 0, &cap);
	return 0;
}

/* The participation a personnummer ($1) has in an insats ($2). */
static const char bd_person_sql[] =
	"SELECT d.id, coalesce(to_char(d.slutdatum, 'YYYY-MM-DD'), ''),"
	" to_char(d.startdatum, 'YYYY-MM-DD'),"
	" EXISTS (SELECT 1 FROM mattillfalle m WHERE m.deltagande_id = d.id"
	" AND m.typ = 'ut')"
	" FROM deltagande d JOIN person p ON p.id = d.person_id"
	" WHERE p.personnummer = $1 AND d.insats_id = $2::bigint"
	" ORDER BY d.startdatum DESC";

/* A participation ($1) of the insats ($2) utregistrerad on $3. */
static const char bd_ended_sql[] =
	"SELECT d.id FROM deltagande d WHERE d.id = $1::bigint"
	" AND d.insats_id = $2::bigint AND d.slutdatum = $3::date"
	" AND EXISTS (SELECT 1 FROM mattillfalle m WHERE m.deltagande_id = d.id"
	" AND m.typ = 'ut')";

/* What a row already stored is: its participation, read and audited. */
static int
bd_finns(struct session *s, uint32_t id, uint32_t insats_id, uint32_t did,
    uint32_t *objid, uint8_t *status)
{
	if (audit_person_deltaganden(s, "las", DT_PURPOSE, insats_id, &did,
	    1) != 0)
		return session_refuse(s, id, ERR_INTERNAL, "%s",
		    rule_deltagande_db_message("SU063"));
	*objid = did;
	*status = BATCH_FINNS;
	return 0;
}

/*
 * An utregistrering by personnummer: the person's ongoing participation
 * in the insats goes to *did; one that already ended on the row's
 * slutdatum makes the row BATCH_FINNS (*did stays 0).
 */
static int
bd_ut_find(struct session *s, uint32_t id, const struct msg_deltagare_save *q,
    uint32_t *did, uint32_t *objid, uint8_t *status)
{
	PGresult	*res;
	char		 pnr[13], ins[16];
	const char	*params[2], *why;
	uint32_t	 ongoing = 0, ended = 0;
	int		 i;

	*did = 0;
	session_falt(s, BATCH_FALT_PNR, 0);
	if ((why = rule_pnr_refusal(q->personnummer, pnr, sizeof pnr)) != NULL)
		return session_refuse(s, id, ERR_VALIDATION, "%s", why);
	snprintf(ins, sizeof ins, "%u", q->insats_id);
	params[0] = pnr;
	params[1] = ins;
	if ((res = db_exec(s, bd_person_sql, 2, params)) == NULL)
		return db_refused(s, id);
	for (i = 0; i < PQntuples(res); i++) {
		if (PQgetvalue(res, i, 1)[0] == '\0' && ongoing == 0)
			ongoing = db_u32(res, i, 0);
		else if (ended == 0 && PQgetvalue(res, i, 3)[0] == 't' &&
		    strcmp(PQgetvalue(res, i, 1), q->tillfalle.datum) == 0)
			ended = db_u32(res, i, 0);
	}
	PQclear(res);
	if (ended != 0)
		return bd_finns(s, id, q->insats_id, ended, objid, status);
	if (ongoing == 0)
		return session_refuse(s, id, ERR_NOT_FOUND, "Personen har "
		    "inget pågående deltagande i insatsen att utregistrera.");
	*did = ongoing;
	return 0;
}

/*
 * After a refusal: whether the row is one stored before (the same
 * person in the insats from the same startdatum, or the participation
 * already utregistrerad on the same slutdatum). Asked only after the
 * refusals such a row meets (overlap, already utregistrerad), so the
 * rows that pass pay nothing. Returns 0 with *status BATCH_FINNS, or
 * rv, the refusal, unchanged.
 */
static int
bd_stored(struct session *s, uint32_t id, const struct msg_deltagare_save *q,
    int savepoint, const char *state, uint32_t *objid, uint8_t *status,
    int rv)
{
	const struct session_capture	*cap = s->capture;
	PGresult			*res;
	char				 pnr[13], ins[16], did[16];
	const char			*params[3];
	uint32_t			 found;
	int				 in = q->tillfalle.typ == FRAGA_IN;

	if (in && (q->deltagande_id != 0 || (cap->falt != BATCH_FALT_DATUM &&
	    strcmp(state, "SU057") != 0)))
		return rv;
	if (!in && cap->code != ERR_CONFLICT)
		return rv;
	if (!date_valid(q->tillfalle.datum))
		return rv;
	if (in && rule_pnr_refusal(q->personnummer, pnr, sizeof pnr) != NULL)
		return rv;
	/* A server fault here is captured too: batch_row() ends the batch. */
	if (savepoint && batch_undo(s) != 0)
		return session_refuse(s, id, ERR_INTERNAL, "Serverfel.");
	snprintf(ins, sizeof ins, "%u", q->insats_id);
	snprintf(did, sizeof did, "%u", q->deltagande_id);
	params[0] = in ? pnr : did;
	params[1] = ins;
	params[2] = q->tillfalle.datum;
	if (in)
		res = db_exec(s, "SELECT d.id FROM deltagande d JOIN person p"
		    " ON p.id = d.person_id WHERE p.personnummer = $1"
		    " AND d.insats_id = $2::bigint AND d.startdatum = $3::date",
		    3, params);
	else
		res = db_exec(s, bd_ended_sql, 3, params);
	if (res == NULL)
		return session_refuse(s, id, ERR_INTERNAL, "Serverfel.");
	found = PQntuples(res) == 1 ? db_u32(res, 0, 0) : 0;
	PQclear(res);
	if (found == 0)
		return rv;
	s->capture->set = 0;
	return bd_finns(s, id, q->insats_id, found, objid, status);
}

/* What the rows of one MSG_BATCH_DELTAGARE share. */
struct bd_ctx {
	uint32_t	 insats_id;
	int		 optimistic;	/* rows run without savepoints */
	struct dt_cache	 cache;		/* the insats, the questions */
};

/* One participant row of MSG_BATCH_DELTAGARE. */
static int
bd_row(struct session *s, uint32_t id, const void *row, void *arg,
    uint32_t *objid, uint8_t *status)
{
	const struct batch_deltagare_rad	*br = row;
	struct bd_ctx				*b = arg;
	const struct msg_deltagare_save		*q = &br->rad;
	struct msg_deltagare_save		 ut;
	char					 state[sizeof s->sqlstate];
	const char				*msg;
	uint32_t				 did = 0;
	int					 rv;

	if (q->insats_id != b->insats_id)
		return session_refuse(s, id, ERR_VALIDATION, "Raden gäller en "
		    "annan insats än batchen: skicka den i en batch för sin "
		    "insats.");
	if (q->deltagande_id == 0 && q->tillfalle.typ == FRAGA_UT) {
		if ((rv = bd_ut_find(s, id, q, &did, objid, status)) != 0 ||
		    *status == BATCH_FINNS)
			return rv;
		ut = *q;
		ut.deltagande_id = did;
		q = &ut;
	}
	b->cache.wrote = 0;
	if ((rv = deltagare_save_cached(s, id, q, &b->cache, objid,
	    &msg)) != REQ_ROLLBACK)
		return rv;
	/* Only a savepoint undoes a row that wrote or the database refused. */
	if (b->optimistic && (b->cache.wrote ||
	    PQtransactionStatus(s->db) != PQTRANS_INTRANS))
		return BATCH_RESTART;
	strlcpy(state, s->sqlstate, sizeof state);
	rv = bd_stored(s, id, q, !b->optimistic, state, objid, status, rv);
	/* A FINNS found after a trigger's refusal: that state is spent. */
	if (rv == 0)
		s->sqlstate[0] = '\0';
	return rv;
}

/* MSG_BATCH_DELTAGARE → MSG_BATCH_RESULT. */
int
batch_deltagare(struct session *s, uint32_t id, void *m)
{
	struct msg_batch_deltagare	*q = m;
	struct batch			 b;
	struct bd_ctx			 ctx;
	uint32_t			 i;
	int				 rv;

	/*
	 * A row refuses before it writes, unless the database refuses its
	 * write: so rows run without savepoints (a round trip and a
	 * subtransaction each), and the rare batch where one is needed runs
	 * again from the start with them.
	 */
	memset(&ctx, 0, sizeof ctx);
	ctx.insats_id = q->insats_id;
	ctx.optimistic = 1;
again:
	if ((rv = batch_begin(s, id, &b, "deltagare", q->insats_id, q->nyckel,
	    q->flaggor, q->nrader)) != 0)
		return rv == BATCH_REPLAYED ? 0 : rv;
	b.optimistic = ctx.optimistic;
	for (i = 0; i < q->nrader; i++) {
		if ((rv = batch_row(s, id, &b, q->rader[i].radnr, bd_row,
		    &q->rader[i], &ctx)) != 0)
			goto out;
	}
	rv = batch_finish(s, id, &b);
out:
	dt_cache_clear(&ctx.cache);
	batch_clear(&b);
	if (rv == BATCH_RESTART && ctx.optimistic) {
		log_info("batch: a row needs a savepoint; running it again");
		ctx.optimistic = 0;
		db_rollback(s);
		if (db_begin(s) != 0)
			return session_refuse(s, id, ERR_UNAVAILABLE,
			    "Databasen är inte tillgänglig just nu.");
		goto again;
	}
	return rv;
}
