/*
 * Drives server/pgembed.c against a real PostgreSQL: first start creates
 * the cluster, a second start reuses it, status and stop work, and the
 * cluster listens on its socket only. Prints one TAP line per check; built
 * and run by tests/db/run.
 *
 *	pgembed_check DIR [RUN_AS]
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "err.h"
#include "log.h"
#include "pgembed.h"

static int	failures;

/* Prints one TAP line and counts failures. */
static void
check(int ok, const char *what)
{
	printf("%sok - pgembed: %s\n", ok ? "" : "not ", what);
	if (!ok)
		failures++;
}

/* Runs one query and compares its single value with want. */
static int
query_is(const char *conninfo, const char *sql, const char *want)
{
	PGconn		*c;
	PGresult	*res;
	int		 ok = 0;

	c = PQconnectdb(conninfo);
	if (PQstatus(c) == CONNECTION_OK) {
		res = PQexec(c, sql);
		ok = PQresultStatus(res) == PGRES_TUPLES_OK &&
		    PQntuples(res) == 1 &&
		    strcmp(PQgetvalue(res, 0, 0), want) == 0;
		if (!ok)
			fprintf(stderr, "# %s: got %s\n", sql,
			    PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) :
			    PQerrorMessage(c));
		PQclear(res);
	} else
		fprintf(stderr, "# %s", PQerrorMessage(c));
	PQfinish(c);
	return ok;
}

/* Runs the checks; exits non-zero if any failed. */
int
main(int argc, char **argv)
{
	struct stat	 st;
	char		 ci[1024], ci2[1024], small[16], path[1024];
	const char	*dir, *run_as;
	int		 started = -1, r;

	if (argc < 2) {
		fprintf(stderr, "usage: pgembed_check DIR [RUN_AS]\n");
		return 2;
	}
	dir = argv[1];
	run_as = argc > 2 ? argv[2] : NULL;
	log_init("pgembed_check", LOG_LEVEL_ERROR, NULL);

	check(pgembed_status(dir, "", run_as) == 0,
	    "status of a missing cluster is 0");
	check(pgembed_stop(dir, "", run_as) == 0,
	    "stopping a missing cluster is a no-op");
	check(pgembed_start("relative/pg", "", run_as, ci, sizeof ci,
	    &started) == SUS_ERR_INVALID, "a relative directory is refused");
	check(pgembed_start(dir, "/nonexistent", run_as, ci, sizeof ci,
	    &started) == SUS_ERR_CONFIG, "a bindir without initdb is refused");

	r = pgembed_start(dir, "", run_as, ci, sizeof ci, &started);
	check(r == 0 && started == 1, "first start creates and starts");
	check(strstr(ci, "dbname=sus") != NULL &&
	    strstr(ci, "user=postgres") != NULL, "conninfo names sus/postgres");
	check(query_is(ci, "SELECT current_database()", "sus"),
	    "database sus exists and answers");
	check(query_is(ci, "SELECT current_setting('listen_addresses')", ""),
	    "no TCP listener");
	check(query_is(ci, "SELECT current_setting('server_encoding')",
	    "UTF8"), "cluster is UTF8");
	check(query_is(ci, "SELECT count(*)::text FROM pg_collation"
	    " WHERE collname = 'sv-SE-x-icu'", "1"),
	    "the Swedish ICU collation exists");
	snprintf(path, sizeof path, "%s/sock", dir);
	check(stat(path, &st) == 0 && (st.st_mode & 077) == 0,
	    "socket directory is private");

	r = pgembed_start(dir, "", run_as, ci2, sizeof ci2, &started);
	check(r == 0 && started == 0 && strcmp(ci, ci2) == 0,
	    "second start reuses the running cluster");
	check(pgembed_start(dir, "", run_as, small, sizeof small,
	    &started) == SUS_ERR_NO_SPACE,
	    "a short conninfo buffer is refused");
	check(pgembed_status(dir, "", run_as) == 1, "status says running");
	check(pgembed_stop(dir, "", run_as) == 0, "stop succeeds");
	check(pgembed_status(dir, "", run_as) == 0, "status says stopped");
	check(PQping(ci) == PQPING_NO_RESPONSE, "nothing answers after stop");

	r = pgembed_start(dir, "", run_as, ci, sizeof ci, &started);
	check(r == 0 && started == 1, "a stopped cluster starts again");
	check(query_is(ci, "SELECT current_database()", "sus"),
	    "the restarted cluster answers");
	check(pgembed_stop(dir, "", run_as) == 0, "final stop succeeds");

	return failures != 0;
}
