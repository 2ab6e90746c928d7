/*
 * make bench, issue 7: one registration's writes over raw libpq (see
 * pqrow.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "pqrow.h"
#include "rows.h"

/* The statements of one row, prepared once; $n as bench_params fills. */
static const struct {
	const char	*name;
	const char	*sql;
	int		 nparams;
} bench_stmts[] = {
	{ "person",
	  "INSERT INTO person (personnummer, namn, kommunkod, stadsdel_id)"
	  " VALUES ($1, $2, $3, NULL) ON CONFLICT (personnummer) DO UPDATE"
	  " SET namn = EXCLUDED.namn, kommunkod = EXCLUDED.kommunkod,"
	  " stadsdel_id = EXCLUDED.stadsdel_id", 3 },
	{ "deltagande",
	  "INSERT INTO deltagande (insats_id, startdatum, person_id, kon_id,"
	  " fodelsear, samtycke, samtycke_datum, registrerad_av)"
	  " VALUES ($1::bigint, $2::date, (SELECT id FROM person"
	  " WHERE personnummer = $3), $4::integer, $5::smallint, true,"
	  " current_date, $6::integer)", 6 },
	{ "mattillfalle",
	  "INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id,"
	  " omfattning, utbildning_id, tid_id, skapad_av, andrad_av)"
	  " VALUES (currval('deltagande_id_seq'), 'in', $1::integer,"
	  " nullif($2::integer, 0), $3::integer, $4::integer, $5::integer,"
	  " $5::integer)", 5 },
	{ "forsorjning",
	  "INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,"
	  " forsorjning_id) VALUES (currval('deltagande_id_seq'), 'in',"
	  " $1::integer)", 1 },
	{ "audit",
	  "INSERT INTO audit_person (anvandare_id, session_id, action,"
	  " purpose, pnr_hash, person_id, deltagande_id, insats_id)"
	  " SELECT $1::integer, $2, 'skriv', 'Registrera deltagare',"
	  " pnr_hash(p.personnummer), d.person_id, d.id, d.insats_id"
	  " FROM deltagande d JOIN person p ON p.id = d.person_id"
	  " WHERE d.id = (SELECT currval('deltagande_id_seq'))", 2 },
};
#define BENCH_NSTMTS	(int)(sizeof bench_stmts / sizeof bench_stmts[0])

/* The parameters of row i's statements, as text. */
struct bench_params {
	char		 num[8][16];
	const char	*p[BENCH_NSTMTS][6];
};

void
bench_ok(PGresult *res, const char *what)
{
	ExecStatusType	st = PQresultStatus(res);

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK &&
	    st != PGRES_COPY_IN)
		bench_die("%s: %s", what, PQresultErrorMessage(res));
}

void
bench_exec(PGconn *pg, const char *sql)
{
	PGresult	*res = PQexec(pg, sql);

	bench_ok(res, sql);
	PQclear(res);
}

void
bench_ctx_open(struct bench_ctx *c, const char *conninfo, const char *pnrfile,
    const char *idsfile)
{
	PGresult	*res;

	memset(c, 0, sizeof *c);
	bench_set_load(&c->set, pnrfile, idsfile);
	c->pg = PQconnectdb(conninfo);
	if (PQstatus(c->pg) != CONNECTION_OK)
		bench_die("%s", PQerrorMessage(c->pg));
	/* As susd's connections (server/db.c): "today" is Swedish. */
	bench_exec(c->pg, "SET TIME ZONE 'Europe/Stockholm'");
	bench_set_register(&c->set, c->pg);
	bench_codes_load(&c->codes, c->pg);
	res = PQexec(c->pg, "SELECT id FROM anvandare"
	    " WHERE username = 'benchansv'");
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1)
		bench_die("no user benchansv: run import_setup.sql first");
	snprintf(c->uid, sizeof c->uid, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
}

void
bench_ctx_close(struct bench_ctx *c)
{
	PQfinish(c->pg);
	free(c->set.insats);
	c->pg = NULL;
	c->set.insats = NULL;
}

void
bench_prepare(struct bench_ctx *c)
{
	PGresult	*res;
	int		 k;

	for (k = 0; k < BENCH_NSTMTS; k++) {
		res = PQprepare(c->pg, bench_stmts[k].name, bench_stmts[k].sql,
		    bench_stmts[k].nparams, NULL);
		bench_ok(res, bench_stmts[k].name);
		PQclear(res);
	}
}

/* Fills the parameters of every statement of row i. */
static void
bench_params(struct bench_ctx *c, long i, struct bench_row *r,
    struct bench_params *b)
{
	const struct bench_codes	*k = &c->codes;

	bench_row(&c->set, i, r);
	snprintf(b->num[0], sizeof b->num[0], "%u", r->insats);
	snprintf(b->num[1], sizeof b->num[1], "%u", r->p->male ? k->kon_m :
	    k->kon_k);
	snprintf(b->num[2], sizeof b->num[2], "%d", r->p->year);
	snprintf(b->num[3], sizeof b->num[3], "%u", bench_code(k, 1, r->syss));
	snprintf(b->num[4], sizeof b->num[4], "%d", r->omf);
	snprintf(b->num[5], sizeof b->num[5], "%u", bench_code(k, 2, r->utb));
	snprintf(b->num[6], sizeof b->num[6], "%u", bench_code(k, 3, r->tid));
	snprintf(b->num[7], sizeof b->num[7], "%u", bench_code(k, 0, r->fors));
	/* person */
	b->p[0][0] = r->p->pnr;
	b->p[0][1] = r->p->namn;
	b->p[0][2] = r->p->kommun;
	/* deltagande */
	b->p[1][0] = b->num[0];
	b->p[1][1] = r->start;
	b->p[1][2] = r->p->pnr;
	b->p[1][3] = b->num[1];
	b->p[1][4] = b->num[2];
	b->p[1][5] = c->uid;
	/* mattillfalle */
	b->p[2][0] = b->num[3];
	b->p[2][1] = b->num[4];
	b->p[2][2] = b->num[5];
	b->p[2][3] = b->num[6];
	b->p[2][4] = c->uid;
	/* forsorjning */
	b->p[3][0] = b->num[7];
	/* audit */
	b->p[4][0] = c->uid;
	b->p[4][1] = "bench-baseline";
}

/* Reads the results of nq queries and the sync that ends them. */
static void
bench_pipe_drain(PGconn *pg, long nq)
{
	PGresult	*res;
	long		 q;

	for (q = 0; q < nq; q++) {
		while ((res = PQgetResult(pg)) != NULL) {
			bench_ok(res, "pipeline");
			PQclear(res);
		}
	}
	res = PQgetResult(pg);
	if (PQresultStatus(res) != PGRES_PIPELINE_SYNC)
		bench_die("pipeline: no sync: %s", PQerrorMessage(pg));
	PQclear(res);
}

static void
bench_send(PGconn *pg, const char *sql)
{
	if (!PQsendQueryParams(pg, sql, 0, NULL, NULL, NULL, NULL, 0))
		bench_die("send: %s", PQerrorMessage(pg));
}

void
bench_pipe_tx(struct bench_ctx *c, long from, long to)
{
	struct bench_params	 b;
	struct bench_row	 r;
	long			 i;
	int			 k;

	bench_send(c->pg, "BEGIN");
	for (i = from; i < to; i++) {
		bench_params(c, i, &r, &b);
		for (k = 0; k < BENCH_NSTMTS; k++) {
			if (!PQsendQueryPrepared(c->pg, bench_stmts[k].name,
			    bench_stmts[k].nparams, b.p[k], NULL, NULL, 0))
				bench_die("send: %s", PQerrorMessage(c->pg));
		}
	}
	bench_send(c->pg, "COMMIT");
	if (!PQpipelineSync(c->pg))
		bench_die("sync: %s", PQerrorMessage(c->pg));
	bench_pipe_drain(c->pg, 2 + (to - from) * BENCH_NSTMTS);
}

void
bench_seq_tx(struct bench_ctx *c, long i)
{
	struct bench_params	 b;
	struct bench_row	 r;
	PGresult		*res;
	int			 k;

	bench_params(c, i, &r, &b);
	bench_exec(c->pg, "BEGIN");
	for (k = 0; k < BENCH_NSTMTS; k++) {
		res = PQexecPrepared(c->pg, bench_stmts[k].name,
		    bench_stmts[k].nparams, b.p[k], NULL, NULL, 0);
		bench_ok(res, bench_stmts[k].name);
		PQclear(res);
	}
	bench_exec(c->pg, "COMMIT");
}
