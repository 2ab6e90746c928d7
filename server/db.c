/*
 * The session's PostgreSQL connection: opened lazily at login, released
 * after a stretch of idleness so idle case officers pin no backend, and
 * used through parameterised queries only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "chan.h"
#include "err.h"
#include "log.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/*
 * Prepared statements, per connection: a query sent with parameters is
 * parsed and planned once per session rather than once per call, which
 * is most of the cost of the short queries a bulk batch makes per row.
 * Keyed by the text (FNV-1a, then compared); when the table is full the
 * query simply goes unprepared.
 */
#define DB_PREPARED_MAX	256

struct db_prepared {
	uint32_t	 hash;
	char		*sql;		/* NULL = free slot */
};

static struct db_prepared	db_prepared[DB_PREPARED_MAX];
static int			db_nprepared;

/* Forgets every statement: they died with the connection. */
static void
db_prepared_clear(void)
{
	int	i;

	for (i = 0; i < db_nprepared; i++) {
		free(db_prepared[i].sql);
		db_prepared[i].sql = NULL;
	}
	db_nprepared = 0;
}

static uint32_t
db_hash(const char *sql)
{
	uint32_t	h = 2166136261u;

	for (; *sql != '\0'; sql++)
		h = (h ^ (uint8_t)*sql) * 16777619u;
	return h;
}

/*
 * The name of sql's prepared statement, preparing it first if need be;
 * NULL when it cannot be prepared (the caller sends it unprepared).
 */
static const char *
db_prepare(struct session *s, const char *sql, int n, char *name,
    size_t len)
{
	PGresult	*res;
	uint32_t	 h = db_hash(sql);
	int		 i, ok;

	for (i = 0; i < db_nprepared; i++) {
		if (db_prepared[i].hash == h &&
		    strcmp(db_prepared[i].sql, sql) == 0) {
			snprintf(name, len, "sus%d", i);
			return name;
		}
	}
	if (db_nprepared == DB_PREPARED_MAX ||
	    PQtransactionStatus(s->db) == PQTRANS_INERROR)
		return NULL;
	i = db_nprepared;
	snprintf(name, len, "sus%d", i);
	res = PQprepare(s->db, name, sql, n, NULL);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	PQclear(res);
	if (!ok)
		return NULL;
	db_prepared[i].hash = h;
	db_prepared[i].sql = xstrdup(sql);
	db_nprepared++;
	return name;
}

/* Quietens libpq's notices: they would go to stderr unformatted. */
static void
db_notice(void *arg, const char *msg)
{
	log_debug("postgres: %s", msg);
}

/* Connects with conninfo and sets the session parameters we rely on. */
PGconn *
db_connect(const char *conninfo)
{
	PGconn		*c;
	PGresult	*res;

	c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) {
		log_error("database connection failed: %s",
		    PQerrorMessage(c));
		PQfinish(c);
		return NULL;
	}
	PQsetNoticeProcessor(c, db_notice, NULL);
	res = PQexec(c, "SET client_encoding = 'UTF8'; "
	    "SET datestyle = 'ISO'; SET TimeZone = 'Europe/Stockholm'");
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		log_error("database setup failed: %s", PQerrorMessage(c));
		PQclear(res);
		PQfinish(c);
		return NULL;
	}
	PQclear(res);
	return c;
}

/* Opens the session's connection if it is not open. */
int
db_open(struct session *s)
{
	if (s->db != NULL && PQstatus(s->db) == CONNECTION_OK)
		return 0;
	db_close(s);
	if ((s->db = db_connect(susd.app_conninfo)) == NULL)
		return SUS_ERR_SYSTEM;
	log_debug("database connection opened");
	if (s->logged_in && db_set_user(s) != 0) {
		db_close(s);
		return SUS_ERR_SYSTEM;
	}
	return 0;
}

/*
 * Tells the database who is asking, for the audit triggers of schema
 * 0005: the user and the session id stay set on this connection.
 */
int
db_set_user(struct session *s)
{
	PGresult	*res;
	char		 uid[16];
	const char	*params[2];

	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = uid;
	params[1] = s->chan != NULL ? chan_session_id(s->chan) : "";
	res = PQexecParams(s->db, "SELECT set_config('sus.user_id', $1, false),"
	    " set_config('sus.session_id', $2, false)", 2, NULL, params, NULL,
	    NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		PQclear(res);
		return SUS_ERR_SYSTEM;
	}
	PQclear(res);
	return 0;
}

/* Gives the connection back. */
void
db_close(struct session *s)
{
	if (s->db != NULL) {
		PQfinish(s->db);
		s->db = NULL;
		db_prepared_clear();
		log_debug("database connection released");
	}
}

/* Runs a parameterised query returning rows; NULL and a log on failure. */
PGresult *
db_exec(struct session *s, const char *sql, int n, const char *const *params)
{
	PGresult	*res;
	ExecStatusType	 st;

	const char	*state, *stmt = NULL;
	char		 name[16];

	s->sqlstate[0] = '\0';
	if (db_open(s) != 0)
		return NULL;
	/* Statements without parameters are BEGIN, COMMIT and the like. */
	if (n > 0)
		stmt = db_prepare(s, sql, n, name, sizeof name);
	if (stmt != NULL)
		res = PQexecPrepared(s->db, stmt, n, params, NULL, NULL, 0);
	else
		res = PQexecParams(s->db, sql, n, NULL, params, NULL, NULL, 0);
	st = PQresultStatus(res);
	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		strlcpy(s->sqlstate, state != NULL ? state : "?",
		    sizeof s->sqlstate);
		/*
		 * The message may quote a value: log only the SQLSTATE. A
		 * business rule refusing (class SU, checks, unique keys) is
		 * the user's business, not a server fault.
		 */
		if (rule_db_message(s->sqlstate) != NULL)
			log_info("query refused: sqlstate %s", s->sqlstate);
		else
			log_error("query failed: sqlstate %s", s->sqlstate);
		PQclear(res);
		return NULL;
	}
	return res;
}

/* Runs a parameterised command; 0 or SUS_ERR_SYSTEM. */
int
db_exec_cmd(struct session *s, const char *sql, int n,
    const char *const *params)
{
	PGresult	*res;

	if ((res = db_exec(s, sql, n, params)) == NULL)
		return SUS_ERR_SYSTEM;
	PQclear(res);
	return 0;
}

/* Starts the request's transaction. */
int
db_begin(struct session *s)
{
	return db_exec_cmd(s, "BEGIN", 0, NULL);
}

/* Commits the request's transaction. */
int
db_commit(struct session *s)
{
	return db_exec_cmd(s, "COMMIT", 0, NULL);
}

/* Rolls back whatever is open; harmless when nothing is. */
void
db_rollback(struct session *s)
{
	PGresult	*res;

	if (s->db == NULL)
		return;
	if (PQtransactionStatus(s->db) == PQTRANS_IDLE)
		return;
	res = PQexec(s->db, "ROLLBACK");
	PQclear(res);
}

/*
 * Answers a failed statement: a rule's refusal gets its Swedish sentence
 * as ERR_VALIDATION, anything else a plain server fault. Returns
 * REQ_ROLLBACK (or the error from sending) for the handler to return.
 */
int
db_refused(struct session *s, uint32_t id)
{
	const char	*msg;
	int		 r;

	if ((msg = rule_db_message(s->sqlstate)) != NULL)
		r = session_error(s, id, ERR_VALIDATION, "%s", msg);
	else
		r = session_error(s, id, ERR_INTERNAL, "Uppgifterna kunde inte "
		    "sparas på grund av ett serverfel.");
	return r != 0 ? r : REQ_ROLLBACK;
}

/* Reads a non-negative integer column as uint32_t. */
uint32_t
db_u32(PGresult *res, int row, int col)
{
	return (uint32_t)strtoul(PQgetvalue(res, row, col), NULL, 10);
}

/* The row of res whose column 0 is id, or -1. */
int
db_find_row(PGresult *res, uint32_t id)
{
	int	i;

	for (i = 0; i < PQntuples(res); i++) {
		if (db_u32(res, i, 0) == id)
			return i;
	}
	return -1;
}

/* Reads a non-negative integer column as uint64_t (amounts). */
uint64_t
db_u64(PGresult *res, int row, int col)
{
	return strtoull(PQgetvalue(res, row, col), NULL, 10);
}

/*
 * Sets up one page of a list request: a limit of 0 means dflt, and none
 * may pass SUS_LIST_MAX.
 */
void
db_page_init(struct db_page *pg, uint32_t offset, uint32_t limit,
    uint32_t dflt)
{
	memset(pg, 0, sizeof *pg);
	if (limit == 0)
		limit = dflt;
	if (limit > SUS_LIST_MAX)
		limit = SUS_LIST_MAX;
	snprintf(pg->offset, sizeof pg->offset, "%u", offset);
	snprintf(pg->limit, sizeof pg->limit, "%u", limit);
}

/*
 * Counts the matches with the first nfilter params, then fetches the page
 * with the same params followed by offset and limit ($nfilter+1 and
 * $nfilter+2); params must have room for both. On failure answers the
 * request and returns REQ_ROLLBACK (or the error from sending).
 */
int
db_page_fetch(struct session *s, uint32_t id, struct db_page *pg,
    const char *count_sql, const char *rows_sql, const char **params,
    int nfilter)
{
	int	r;

	params[nfilter] = pg->offset;
	params[nfilter + 1] = pg->limit;
	if ((pg->count = db_exec(s, count_sql, nfilter, params)) == NULL ||
	    (pg->rows = db_exec(s, rows_sql, nfilter + 2, params)) == NULL) {
		r = session_error(s, id, ERR_INTERNAL,
		    "Sökningen misslyckades på grund av ett serverfel.");
		return r != 0 ? r : REQ_ROLLBACK;
	}
	pg->total = db_u32(pg->count, 0, 0);
	pg->nrows = (uint32_t)PQntuples(pg->rows);
	return 0;
}

/* Frees what a page holds; the reply's strings pointed into it. */
void
db_page_clear(struct db_page *pg)
{
	PQclear(pg->count);
	PQclear(pg->rows);
	pg->count = pg->rows = NULL;
}
