/*
 * make bench, issue 7: the raw libpq baselines sus import is measured
 * against. Both write exactly what a registration through susd writes
 * for rows first..first+n-1 of rows.h: the person (upsert, from the
 * register copy), the participation, its mättillfälle 'in' with one
 * försörjning, and one audit_person 'skriv' row per participation, which
 * schema 0008's deferred SU063 triggers demand in the same transaction.
 * None of susd's checks is made: this is the cost of the writes alone.
 *
 *	bench_base pipeline conninfo pnrfile idsfile first n [rows-per-commit]
 *	bench_base copy conninfo pnrfile idsfile first n
 *
 * pipeline: prepared statements in libpq pipeline mode, a commit every
 * 500 rows (or rows-per-commit). copy: COPY into each table, 10,000
 * rows a transaction, the physical limit (triggers fire as they do; copy
 * needs a role that may setval the participation sequence and ANALYZE).
 *
 * Prints one line: "MODE rows N seconds S rows/s R".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "pqrow.h"
#include "rows.h"

static double
bench_pipeline(struct bench_ctx *c, long first, long n, long per)
{
	double	t0;
	long	i;

	bench_prepare(c);
	if (!PQenterPipelineMode(c->pg))
		bench_die("cannot enter pipeline mode");
	t0 = bench_now_us();
	for (i = first; i < first + n; i += per)
		bench_pipe_tx(c, i, i + per < first + n ? i + per : first + n);
	t0 = bench_now_us() - t0;
	PQexitPipelineMode(c->pg);
	return t0;
}

/* Sends one COPY's rows, made by fn for each row. */
static void
bench_copy(struct bench_ctx *c, const char *sql, long first, long n,
    long did0, const char *const *pid, const char *const *hash,
    int (*fn)(struct bench_ctx *, const struct bench_row *, long,
    const char *, const char *, char *, size_t))
{
	struct bench_row	 r;
	PGresult		*res;
	char			 line[512];
	long			 i;
	int			 len;

	res = PQexec(c->pg, sql);
	if (PQresultStatus(res) != PGRES_COPY_IN)
		bench_die("%s: %s", sql, PQerrorMessage(c->pg));
	PQclear(res);
	for (i = first; i < first + n; i++) {
		bench_row(&c->set, i, &r);
		len = fn(c, &r, did0 + (i - first), pid[i % c->set.np],
		    hash[i % c->set.np], line, sizeof line);
		if (PQputCopyData(c->pg, line, len) != 1)
			bench_die("copy: %s", PQerrorMessage(c->pg));
	}
	if (PQputCopyEnd(c->pg, NULL) != 1)
		bench_die("copy: %s", PQerrorMessage(c->pg));
	while ((res = PQgetResult(c->pg)) != NULL) {
		bench_ok(res, sql);
		PQclear(res);
	}
}

static int
bench_copy_deltagande(struct bench_ctx *c, const struct bench_row *r,
    long did, const char *pid, const char *hash, char *out, size_t len)
{
	return snprintf(out, len, "%ld\t%u\t%s\t%s\t%u\t%d\tt\t%s\t%s\n", did,
	    r->insats, r->start, pid, r->p->male ? c->codes.kon_m :
	    c->codes.kon_k, r->p->year, "today", c->uid);
}

static int
bench_copy_mattillfalle(struct bench_ctx *c, const struct bench_row *r,
    long did, const char *pid, const char *hash, char *out, size_t len)
{
	char	omf[8] = "\\N";

	if (r->omf != 0)
		snprintf(omf, sizeof omf, "%d", r->omf);
	return snprintf(out, len, "%ld\tin\t%u\t%s\t%u\t%u\t%s\t%s\n", did,
	    bench_code(&c->codes, 1, r->syss), omf, bench_code(&c->codes, 2,
	    r->utb), bench_code(&c->codes, 3, r->tid), c->uid, c->uid);
}

static int
bench_copy_forsorjning(struct bench_ctx *c, const struct bench_row *r,
    long did, const char *pid, const char *hash, char *out, size_t len)
{
	return snprintf(out, len, "%ld\tin\t%u\n", did, bench_code(&c->codes,
	    0, r->fors));
}

static int
bench_copy_audit(struct bench_ctx *c, const struct bench_row *r, long did,
    const char *pid, const char *hash, char *out, size_t len)
{
	return snprintf(out, len, "%s\tbench-baseline\tskriv\tRegistrera "
	    "deltagare\t\\\\x%s\t%s\t%ld\t%u\n", c->uid, hash, pid, did,
	    r->insats);
}

/*
 * One transaction of rows first..first+n-1: the persons upserted from the
 * register in one statement, their ids and hashes read back, the
 * participation ids reserved, then one COPY per table.
 */
static void
bench_copy_tx(struct bench_ctx *c, const char *arr, long first, long n)
{
	PGresult	*res;
	char		*pid[BENCH_MAX_PERSONS], *hash[BENCH_MAX_PERSONS];
	char		 num[32];
	const char	*params[1];
	long		 did0;
	int		 k, j;

	params[0] = arr;
	bench_exec(c->pg, "BEGIN");
	res = PQexecParams(c->pg, "INSERT INTO person (personnummer, namn,"
	    " kommunkod, stadsdel_id) SELECT personnummer, namn, kommunkod,"
	    " stadsdel_id FROM folkbokforing WHERE personnummer = ANY ($1)"
	    " ON CONFLICT (personnummer) DO UPDATE SET namn = EXCLUDED.namn,"
	    " kommunkod = EXCLUDED.kommunkod,"
	    " stadsdel_id = EXCLUDED.stadsdel_id", 1, NULL, params, NULL, NULL,
	    0);
	bench_ok(res, "person");
	PQclear(res);
	res = PQexecParams(c->pg, "SELECT personnummer, id,"
	    " encode(pnr_hash(personnummer), 'hex') FROM person"
	    " WHERE personnummer = ANY ($1)", 1, NULL, params, NULL, NULL, 0);
	bench_ok(res, "person ids");
	for (k = 0; k < c->set.np; k++) {
		for (j = 0; j < PQntuples(res); j++) {
			if (strcmp(PQgetvalue(res, j, 0), c->set.p[k].pnr) == 0)
				break;
		}
		if (j == PQntuples(res))
			bench_die("a person was not stored");
		pid[k] = strdup(PQgetvalue(res, j, 1));
		hash[k] = strdup(PQgetvalue(res, j, 2));
	}
	PQclear(res);
	snprintf(num, sizeof num, "%ld", n);
	params[0] = num;
	res = PQexecParams(c->pg, "SELECT setval('deltagande_id_seq',"
	    " nextval('deltagande_id_seq') + $1::bigint - 1) - $1::bigint + 1",
	    1, NULL, params, NULL, NULL, 0);
	bench_ok(res, "reserve ids");
	did0 = atol(PQgetvalue(res, 0, 0));
	PQclear(res);
	bench_copy(c, "COPY deltagande (id, insats_id, startdatum, person_id,"
	    " kon_id, fodelsear, samtycke, samtycke_datum, registrerad_av)"
	    " FROM STDIN", first, n, did0, (const char *const *)pid,
	    (const char *const *)hash, bench_copy_deltagande);
	bench_copy(c, "COPY mattillfalle (deltagande_id, typ,"
	    " sysselsattning_id, omfattning, utbildning_id, tid_id, skapad_av,"
	    " andrad_av) FROM STDIN", first, n, did0, (const char *const *)pid,
	    (const char *const *)hash, bench_copy_mattillfalle);
	bench_copy(c, "COPY mattillfalle_forsorjning (deltagande_id, typ,"
	    " forsorjning_id) FROM STDIN", first, n, did0,
	    (const char *const *)pid, (const char *const *)hash,
	    bench_copy_forsorjning);
	bench_copy(c, "COPY audit_person (anvandare_id, session_id, action,"
	    " purpose, pnr_hash, person_id, deltagande_id, insats_id)"
	    " FROM STDIN", first, n, did0, (const char *const *)pid,
	    (const char *const *)hash, bench_copy_audit);
	bench_exec(c->pg, "COMMIT");
	for (k = 0; k < c->set.np; k++) {
		free(pid[k]);
		free(hash[k]);
	}
}

/*
 * COPY in transactions of BENCH_COPY_ROWS, the first one small, with an
 * ANALYZE after each: deltagande_rules() caches its overlap query's plan
 * for the session, and a plan made while the table held a handful of
 * rows scans it whole for every row, which made one 100,000-row
 * transaction quadratic (minutes); fresh statistics make it an index scan.
 */
#define BENCH_COPY_ROWS		10000
#define BENCH_COPY_FIRST	1000

static double
bench_copy_all(struct bench_ctx *c, long first, long n)
{
	char		 arr[BENCH_MAX_PERSONS * 14 + 4];
	double		 t0;
	long		 i, per;
	int		 k;

	if (n < c->set.np)
		bench_die("copy needs at least %d rows", c->set.np);
	snprintf(arr, sizeof arr, "{");
	for (k = 0; k < c->set.np; k++)
		snprintf(arr + strlen(arr), sizeof arr - strlen(arr), "%s%s",
		    k ? "," : "", c->set.p[k].pnr);
	strncat(arr, "}", sizeof arr - strlen(arr) - 1);
	t0 = bench_now_us();
	for (i = first; i < first + n; i += per) {
		per = i == first ? BENCH_COPY_FIRST : BENCH_COPY_ROWS;
		if (first + n - i < per + c->set.np)
			per = first + n - i;
		bench_copy_tx(c, arr, i, per);
		bench_exec(c->pg, "ANALYZE deltagande, audit_person");
	}
	return bench_now_us() - t0;
}

int
main(int argc, char **argv)
{
	struct bench_ctx	 c;
	double			 us;
	long			 first, n, per = 500;

	if (argc < 7 || (strcmp(argv[1], "pipeline") != 0 &&
	    strcmp(argv[1], "copy") != 0)) {
		fprintf(stderr, "usage: bench_base pipeline|copy conninfo "
		    "pnrfile idsfile first n [rows-per-commit]\n");
		return 2;
	}
	first = atol(argv[5]);
	n = atol(argv[6]);
	if (argc > 7)
		per = atol(argv[7]);
	if (n <= 0 || per <= 0)
		bench_die("n and rows-per-commit must be positive");
	bench_ctx_open(&c, argv[2], argv[3], argv[4]);
	if (strcmp(argv[1], "pipeline") == 0)
		us = bench_pipeline(&c, first, n, per);
	else
		us = bench_copy_all(&c, first, n);
	printf("%s rows %ld seconds %.2f rows/s %.0f\n", argv[1], n, us / 1e6,
	    n / (us / 1e6));
	bench_ctx_close(&c);
	return 0;
}
