/*
 * Drives server/pgembed.c against a real PostgreSQL: first start creates
 * the cluster, a second start reuses it, status and stop work, and the
 * cluster listens on its socket only and authenticates by peer alone.
 * Prints one TAP line per check; built and run by tests/db/run.
 *
 *	pgembed_check DIR [RUN_AS APP_USER]
 */
#include <sys/stat.h>

#include <grp.h>
#include <pwd.h>
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
	struct passwd	*pw;
	char		 ci[1024], ci2[1024], small[16], path[1024];
	const char	*dir, *run_as, *app;
	gid_t		 app_gid = (gid_t)-1;
	int		 started = -1, r;

	if (argc < 2) {
		fprintf(stderr, "usage: pgembed_check DIR [RUN_AS APP_USER]\n");
		return 2;
	}
	dir = argv[1];
	run_as = argc > 2 ? argv[2] : NULL;
	app = argc > 3 ? argv[3] : NULL;
	if (app != NULL && (pw = getpwnam(app)) != NULL)
		app_gid = pw->pw_gid;
	log_init("pgembed_check", LOG_LEVEL_ERROR, NULL);

	check(pgembed_status(dir, "", run_as) == 0,
	    "status of a missing cluster is 0");
	check(pgembed_stop(dir, "", run_as) == 0,
	    "stopping a missing cluster is a no-op");
	check(pgembed_start("relative/pg", "", run_as, app, ci, sizeof ci,
	    &started) == SUS_ERR_INVALID, "a relative directory is refused");
	check(pgembed_start(dir, "/nonexistent", run_as, app, ci, sizeof ci,
	    &started) == SUS_ERR_CONFIG, "a bindir without initdb is refused");

	r = pgembed_start(dir, "", run_as, app, ci, sizeof ci, &started);
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
	check(query_is(ci, "SELECT count(*)::text FROM pg_hba_file_rules"
	    " WHERE auth_method <> 'peer' OR type <> 'local'", "0"),
	    "every hba rule is local and peer");
	check(query_is(ci, "SELECT count(*)::text FROM pg_hba_file_rules",
	    "2"), "the hba file has the superuser and the session rule");
	check(query_is(ci, "SELECT count(*)::text FROM pg_ident_file_mappings"
	    " WHERE error IS NULL", "3"), "the ident map has three lines");
	check(query_is(ci, "SELECT current_setting('hba_file') LIKE"
	    " '%/data/sus_hba.conf'", "t"), "the cluster reads our hba file");
	snprintf(path, sizeof path, "%s/sock", dir);
	if (app_gid == (gid_t)-1)
		check(stat(path, &st) == 0 && (st.st_mode & 077) == 0,
		    "socket directory is private");
	else
		check(stat(path, &st) == 0 && (st.st_mode & 07777) == 0710 &&
		    st.st_gid == app_gid,
		    "socket directory is 0710 and the session account's group");
	snprintf(path, sizeof path, "%s/data", dir);
	check(stat(path, &st) == 0 && (st.st_mode & 077) == 0,
	    "data directory is private");

	r = pgembed_start(dir, "", run_as, app, ci2, sizeof ci2, &started);
	check(r == 0 && started == 0 && strcmp(ci, ci2) == 0,
	    "second start reuses the running cluster");
	check(pgembed_start(dir, "", run_as, app, small, sizeof small,
	    &started) == SUS_ERR_NO_SPACE,
	    "a short conninfo buffer is refused");
	check(pgembed_status(dir, "", run_as) == 1, "status says running");
	check(pgembed_stop(dir, "", run_as) == 0, "stop succeeds");
	check(pgembed_status(dir, "", run_as) == 0, "status says stopped");
	check(PQping(ci) == PQPING_NO_RESPONSE, "nothing answers after stop");

	r = pgembed_start(dir, "", run_as, app, ci, sizeof ci, &started);
	check(r == 0 && started == 1, "a stopped cluster starts again");
	check(query_is(ci, "SELECT current_database()", "sus"),
	    "the restarted cluster answers");
	if (run_as != NULL)
		check(pgembed_start(dir, "", run_as, run_as, ci, sizeof ci,
		    &started) == SUS_ERR_CONFIG,
		    "sessions as the cluster's owner are refused");
	check(pgembed_stop(dir, "", run_as) == 0, "final stop succeeds");

	return failures != 0;
}
