/*
 * make bench, issue 9: every report and rapporttyp at national level over
 * five years, through susd (MSG_RAPPORT_RUN over the Noise channel, as
 * sus sends it) against the bare SQL the report runs, sent directly with
 * libpq, in the same run on the same database. Prints, per rapporttyp,
 *
 *	bench report NAME/TYP: X ms; sql Y ms (ratio R)
 *
 * X and Y are medians of 5 rounds after one warm-up of each; the rounds
 * alternate (susd, then libpq) so that whatever else the machine does
 * hits both alike. Asserts nothing.
 *
 *	bench_report host port pins user conninfo-app conninfo-admin pglog
 *	    from tom [only]
 *
 * The bare SQL is not copied by hand: a first session runs each
 * rapporttyp once with PostgreSQL logging every statement of the susd
 * role in this database (ALTER ROLE .. IN DATABASE .. SET
 * log_min_duration_statement = 0, through conninfo-admin), and the
 * statements the report ran, read back from the cluster's log (pglog)
 * with their parameters, are what libpq replays: the queries bound with
 * the engine's standard parameters (rapport_query(): at least
 * RAPPORT_STD_PARAMS of them), minus the remembering of choices
 * (rapport_val). So the comparison follows the reports as they change.
 * The replay uses PQexecParams with the logged text values, as psql
 * would; susd prepares its statements (db_exec), so after five runs in
 * one session PostgreSQL may plan them generically, which the ratio
 * then shows. The logging is switched off again before the timed
 * session.
 *
 * conninfo-app is the susd role on the bench database (the replay runs
 * with the same rights and settings as a session); only names the
 * reports to run ("insats" or "insats/typ"), all when missing. A report
 * statement running over BENCH_REPORT_MAX_S seconds (60), or writing
 * over 2 GB of temporary files, is cancelled (statement_timeout and
 * temp_file_limit of the susd role here, for both sessions and the
 * replay) and the rapporttyp reported as not timed.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "buf.h"
#include "chan.h"
#include "chan_io.h"
#include "known.h"
#include "msg.h"
#include "net.h"
#include "noise.h"
#include "proto.h"
#include "rows.h"
#include "xmalloc.h"

#define RB_TIMEOUT	600000	/* a report may take long: that is the point */
#define RB_ROUNDS	5
#define RB_STD_PARAMS	9	/* server/rapport.h RAPPORT_STD_PARAMS */
#define RB_MAX_STMT	32
#define RB_MAX_PARAM	64
#define RB_MAX_ARGS	64
#define RB_MAX_RUNS	128
#define RB_MAX_S	60	/* a statement's cap, BENCH_REPORT_MAX_S */
#define RB_TEMP		"'2GB'"	/* a statement's temporary files */

/* A logged-in connection to susd. */
struct rb_sus {
	struct chan	*c;
	int		 fd;
	uint32_t	 id;
	struct buf	*b;
};

/* One statement a report ran, as the log showed it. */
struct rb_stmt {
	char		*sql;
	int		 n;
	char		*val[RB_MAX_PARAM];	/* NULL: SQL NULL */
};

/* One rapporttyp to time. */
struct rb_run {
	char		 namn[160];	/* "rapport/typ" */
	char		*rapport;
	char		*typ;
	struct rapport_arg args[RB_MAX_ARGS];
	uint32_t	 nargs;
	struct rb_stmt	 stmt[RB_MAX_STMT];
	int		 nstmt;
	char		 fel[256];	/* why it cannot be timed */
	uint32_t	 nrader, nkol;
};

static void
rb_sus_connect(struct rb_sus *s, const char *host, const char *port,
    const char *pins, const char *user)
{
	struct chan_msg		 m;
	struct msg_login	 l;
	uint8_t			 priv[32], pub[32];
	char			 hp[300];
	int			 e;

	memset(s, 0, sizeof *s);
	noise_keypair(priv, pub);
	if ((s->fd = net_connect(host, port, RB_TIMEOUT, &e)) == -1)
		bench_die("cannot connect to susd");
	s->c = chan_new(CHAN_CLIENT, priv, "sus-bench");
	if (chan_io_handshake(s->c, s->fd, RB_TIMEOUT) != 0)
		bench_die("handshake with susd failed");
	snprintf(hp, sizeof hp, "%s:%s", host, port);
	if (known_check(pins, hp, chan_remote_static(s->c)) != KNOWN_MATCH)
		bench_die("susd's key is not pinned");
	if (chan_accept(s->c) != 0)
		bench_die("channel");
	s->b = buf_new(SUS_MSG_MAX);
	memset(&l, 0, sizeof l);
	l.username = (char *)user;
	l.password = (char *)"demo2026";
	msg_encode(MSG_LOGIN, &l, s->b);
	if (chan_io_send(s->c, s->fd, RB_TIMEOUT, MSG_LOGIN, 1, s->b) != 0 ||
	    chan_io_recv(s->c, s->fd, RB_TIMEOUT, &m) != 0 ||
	    m.type != MSG_LOGIN_OK)
		bench_die("login as %s failed", user);
	buf_free(m.body);
	s->id = 2;
}

static void
rb_sus_close(struct rb_sus *s)
{
	buf_reset(s->b);
	(void)chan_io_send(s->c, s->fd, RB_TIMEOUT, MSG_BYE, s->id++, s->b);
	buf_free(s->b);
	chan_free(s->c);
	close(s->fd);
}

/* The request in s->b; its answer in m (the caller frees m->body). */
static void
rb_sus_call(struct rb_sus *s, uint16_t type, struct chan_msg *m)
{
	if (chan_io_send(s->c, s->fd, RB_TIMEOUT, type, s->id++, s->b) != 0 ||
	    chan_io_recv(s->c, s->fd, RB_TIMEOUT, m) != 0)
		bench_die("susd went away");
}

/*
 * Runs r once; 0 and the table's size in r on MSG_RAPPORT, -1 with the
 * reason in r->fel otherwise.
 */
static int
rb_sus_run(struct rb_sus *s, struct rb_run *r)
{
	struct msg_rapport_run	 q;
	struct msg_rapport	 a;
	struct msg_err		 err;
	struct chan_msg		 m;
	int			 rc = -1;

	memset(&q, 0, sizeof q);
	q.rapport = r->rapport;
	q.typ = r->typ;
	q.nargs = r->nargs;
	q.args = r->args;
	buf_reset(s->b);
	if (msg_encode(MSG_RAPPORT_RUN, &q, s->b) != 0)
		bench_die("cannot encode %s", r->namn);
	rb_sus_call(s, MSG_RAPPORT_RUN, &m);
	if (m.type == MSG_RAPPORT) {
		memset(&a, 0, sizeof a);
		if (msg_decode(MSG_RAPPORT, m.body, &a) != 0)
			bench_die("%s: bad MSG_RAPPORT", r->namn);
		r->nrader = a.nrader;
		r->nkol = a.nkol;
		msg_clear(MSG_RAPPORT, &a);
		rc = 0;
	} else if (m.type == MSG_ERR && msg_decode(MSG_ERR, m.body,
	    &err) == 0) {
		snprintf(r->fel, sizeof r->fel, "MSG_ERR %u: %s", err.code,
		    err.message != NULL ? err.message : "");
		msg_clear(MSG_ERR, &err);
	} else
		snprintf(r->fel, sizeof r->fel, "answer type %u", m.type);
	buf_free(m.body);
	return rc;
}

static void
rb_arg(struct rb_run *r, const char *namn, const char *varde)
{
	if (r->nargs == RB_MAX_ARGS)
		bench_die("%s: too many parameters", r->namn);
	r->args[r->nargs].namn = xstrdup(namn);
	r->args[r->nargs].varde = xstrdup(varde);
	r->nargs++;
}

/* Whether parameter p applies to rapporttyp typ ("a,b" or "" = all). */
static int
rb_param_for(const struct rapport_param_row *p, const char *typ)
{
	const char	*t = p->typer;
	size_t		 n = strlen(typ);

	if (t == NULL || *t == '\0')
		return 1;
	while (*t != '\0') {
		if (strncmp(t, typ, n) == 0 && (t[n] == ',' || t[n] == '\0'))
			return 1;
		if ((t = strchr(t, ',')) == NULL)
			break;
		t++;
	}
	return 0;
}

/*
 * The choices of one rapporttyp at national level over [from, tom]:
 * the period, the budget years, riket; a required parameter with no
 * standard takes its first option, or the first code of its list.
 */
static void
rb_run_args(struct rb_run *r, const struct rapport_def_row *d,
    const char *from, const char *tom, PGconn *pg)
{
	const struct rapport_param_row	*p;
	PGresult			*res;
	const char			*v;
	char				 ar[8];
	uint32_t			 i;

	for (i = 0; i < d->nparam; i++) {
		p = &d->param[i];
		if (!rb_param_for(p, r->typ))
			continue;
		v = NULL;
		if (strcmp(p->namn, "from") == 0)
			v = from;
		else if (strcmp(p->namn, "tom") == 0)
			v = tom;
		else if (strcmp(p->namn, "ar_from") == 0 ||
		    strcmp(p->namn, "ar_tom") == 0) {
			snprintf(ar, sizeof ar, "%.4s",
			    strcmp(p->namn, "ar_from") == 0 ? from : tom);
			v = ar;
		} else if (strcmp(p->namn, "niva") == 0)
			v = "riket";
		if (v != NULL) {
			rb_arg(r, p->namn, v);
			continue;
		}
		if (!p->kravs || (p->standard != NULL && *p->standard != '\0'))
			continue;
		if (p->slag == RAPPORT_P_VAL && p->nval > 0) {
			rb_arg(r, p->namn, p->val[0].kod);
			continue;
		}
		if (p->slag == RAPPORT_P_KOD && p->lista != NULL) {
			const char *pv[1] = { p->lista };

			res = PQexecParams(pg, "SELECT kod FROM kod WHERE "
			    "lista = $1 ORDER BY ordning, id LIMIT 1", 1, NULL,
			    pv, NULL, NULL, 0);
			if (PQresultStatus(res) == PGRES_TUPLES_OK &&
			    PQntuples(res) == 1)
				rb_arg(r, p->namn, PQgetvalue(res, 0, 0));
			PQclear(res);
			continue;
		}
		fprintf(stderr, "bench report %s: required parameter %s has "
		    "no standard; left out\n", r->namn, p->namn);
	}
}

/* The rapporttyper to time, from MSG_RAPPORT_DEFS. */
static int
rb_runs(struct rb_sus *s, struct rb_run *runs, const char *only,
    const char *from, const char *tom, PGconn *pg)
{
	struct msg_rapport_defs_get	 q;
	struct msg_rapport_defs		 defs;
	struct chan_msg			 m;
	const struct rapport_def_row	*d;
	struct rb_run			*r;
	uint32_t			 i, j;
	int				 n = 0;
	size_t				 len;

	memset(&q, 0, sizeof q);
	buf_reset(s->b);
	msg_encode(MSG_RAPPORT_DEFS_GET, &q, s->b);
	rb_sus_call(s, MSG_RAPPORT_DEFS_GET, &m);
	memset(&defs, 0, sizeof defs);
	if (m.type != MSG_RAPPORT_DEFS ||
	    msg_decode(MSG_RAPPORT_DEFS, m.body, &defs) != 0)
		bench_die("no MSG_RAPPORT_DEFS (answer type %u)", m.type);
	buf_free(m.body);
	for (i = 0; i < defs.ndefs; i++) {
		d = &defs.defs[i];
		for (j = 0; j < d->ntyper; j++) {
			if (only != NULL) {
				len = strlen(d->namn);
				if (strncmp(only, d->namn, len) != 0 ||
				    (only[len] != '\0' && (only[len] != '/' ||
				    strcmp(only + len + 1,
				    d->typer[j].namn) != 0)))
					continue;
			}
			if (n == RB_MAX_RUNS)
				bench_die("too many rapporttyper");
			r = &runs[n++];
			memset(r, 0, sizeof *r);
			snprintf(r->namn, sizeof r->namn, "%s/%s", d->namn,
			    d->typer[j].namn);
			r->rapport = xstrdup(d->namn);
			r->typ = xstrdup(d->typer[j].namn);
			rb_run_args(r, d, from, tom, pg);
		}
	}
	msg_clear(MSG_RAPPORT_DEFS, &defs);
	return n;
}

static void
rb_pg_ok(PGresult *res, const char *what)
{
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)
		bench_die("%s: %s", what, PQresultErrorMessage(res));
	PQclear(res);
}

/*
 * Sets (or with v NULL resets) a setting of the susd role's sessions in
 * this database from their next connection on.
 */
static void
rb_role_set(PGconn *admin, const char *namn, const char *v)
{
	PGresult	*res;
	char		*db, sql[512];

	if ((db = PQescapeIdentifier(admin, PQdb(admin),
	    strlen(PQdb(admin)))) == NULL)
		bench_die("database name");
	if (v != NULL)
		snprintf(sql, sizeof sql, "ALTER ROLE susd IN DATABASE %s "
		    "SET %s = %s", db, namn, v);
	else
		snprintf(sql, sizeof sql, "ALTER ROLE susd IN DATABASE %s "
		    "RESET %s", db, namn);
	PQfreemem(db);
	res = PQexec(admin, sql);
	rb_pg_ok(res, "ALTER ROLE");
}

static off_t
rb_log_size(const char *path)
{
	struct stat	st;

	if (stat(path, &st) == -1)
		bench_die("cannot stat %s", path);
	return st.st_size;
}

/* The log from offset off to its end, NUL-terminated. */
static char *
rb_log_read(const char *path, off_t off)
{
	FILE	*fp;
	off_t	 end = rb_log_size(path);
	char	*t;
	size_t	 n;

	t = xmalloc((size_t)(end - off) + 1);
	if ((fp = fopen(path, "r")) == NULL || fseeko(fp, off, SEEK_SET) != 0)
		bench_die("cannot read %s", path);
	n = fread(t, 1, (size_t)(end - off), fp);
	t[n] = '\0';
	fclose(fp);
	return t;
}

/* Whether line starts a log entry ("2026-11-23 05:28:14.269 CET [1] "). */
static const char *
rb_log_entry(const char *line)
{
	const char	*p;

	if (!isdigit((unsigned char)line[0]) || line[4] != '-' ||
	    line[7] != '-' || line[10] != ' ')
		return NULL;
	if ((p = strstr(line, "] ")) == NULL || memchr(line, '\n',
	    (size_t)(p - line)) != NULL)
		return NULL;
	return p + 2;
}

/*
 * Parses "$1 = '...', $2 = NULL, .." into st; 0 on success. Quotes
 * inside a value are doubled.
 */
static int
rb_parse_params(const char *p, struct rb_stmt *st)
{
	char	*v;
	size_t	 n;
	int	 k;

	st->n = 0;
	while (*p == '$') {
		k = (int)strtol(p + 1, (char **)&p, 10);
		if (k != st->n + 1 || k > RB_MAX_PARAM ||
		    strncmp(p, " = ", 3) != 0)
			return -1;
		p += 3;
		if (strncmp(p, "NULL", 4) == 0) {
			st->val[st->n++] = NULL;
			p += 4;
		} else if (*p == '\'') {
			v = xmalloc(strlen(p) + 1);
			n = 0;
			for (p++; *p != '\0'; p++) {
				if (*p == '\'' && p[1] == '\'')
					v[n++] = *p++;
				else if (*p == '\'')
					break;
				else
					v[n++] = *p;
			}
			if (*p != '\'') {
				free(v);
				return -1;
			}
			v[n] = '\0';
			st->val[st->n++] = v;
			p++;
		} else
			return -1;
		if (strncmp(p, ", ", 2) == 0)
			p += 2;
	}
	return 0;
}

static void
rb_stmt_free(struct rb_stmt *st)
{
	int	i;

	for (i = 0; i < st->n; i++)
		free(st->val[i]);
	free(st->sql);
	memset(st, 0, sizeof *st);
}

/*
 * The report's statements in the log text t: each "execute NAME: SQL"
 * with its "parameters:" detail, kept when bound with the standard
 * parameters and not the remembering of choices.
 */
static void
rb_capture(struct rb_run *r, char *t)
{
	struct rb_stmt	 st;
	char		*line, *next, *body, *e, *sql = NULL;

	memset(&st, 0, sizeof st);
	for (line = t; line != NULL && *line != '\0'; line = next) {
		/* The entry runs to the next line that starts one. */
		next = line;
		while ((next = strchr(next, '\n')) != NULL) {
			next++;
			if (*next == '\0' || rb_log_entry(next) != NULL)
				break;
		}
		if ((body = (char *)rb_log_entry(line)) == NULL)
			continue;
		if (next != NULL && next[-1] == '\n')
			next[-1] = '\0';
		if (strncmp(body, "LOG:  duration: ", 16) == 0 &&
		    (e = strstr(body, " ms  execute ")) != NULL &&
		    (e = strchr(e + 13, ':')) != NULL) {
			free(sql);
			sql = xstrdup(e + 2);
			/* Without parameters it has no detail line. */
			continue;
		}
		if (strncmp(body, "DETAIL:  parameters: ", 21) == 0 &&
		    sql != NULL) {
			memset(&st, 0, sizeof st);
			if (rb_parse_params(body + 21, &st) == 0 &&
			    st.n >= RB_STD_PARAMS &&
			    strstr(sql, "rapport_val") == NULL &&
			    r->nstmt < RB_MAX_STMT) {
				st.sql = sql;
				sql = NULL;
				r->stmt[r->nstmt++] = st;
			} else {
				st.sql = NULL;
				rb_stmt_free(&st);
			}
		}
		free(sql);
		sql = NULL;
	}
	free(sql);
}

/*
 * The report's statements through libpq, one after the other; -1 with
 * the reason in r->fel when one fails.
 */
static int
rb_sql_run(PGconn *pg, struct rb_run *r)
{
	PGresult	*res;
	int		 i;

	for (i = 0; i < r->nstmt; i++) {
		res = PQexecParams(pg, r->stmt[i].sql, r->stmt[i].n, NULL,
		    (const char *const *)r->stmt[i].val, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK &&
		    PQresultStatus(res) != PGRES_COMMAND_OK) {
			snprintf(r->fel, sizeof r->fel, "libpq, statement "
			    "%d: %s", i + 1, PQresultErrorMessage(res));
			r->fel[strcspn(r->fel, "\n")] = '\0';
			PQclear(res);
			return -1;
		}
		PQclear(res);
	}
	return 0;
}

/* Adds to r->fel what the log from off says cancelled a statement. */
static void
rb_why(const char *path, off_t off, struct rb_run *r, int maxs)
{
	char	*t = rb_log_read(path, off), why[96] = "";

	if (strstr(t, "canceling statement due to statement timeout") != NULL)
		snprintf(why, sizeof why, " (a statement ran over the %d s "
		    "cap)", maxs);
	else if (strstr(t, "exceeds temp_file_limit") != NULL)
		snprintf(why, sizeof why, " (a statement wrote over %s of "
		    "temporary files)", RB_TEMP);
	free(t);
	strlcat(r->fel, why, sizeof r->fel);
}

static double
rb_median(double *v, int n)
{
	return bench_pct(v, n, 50);
}

int
main(int argc, char **argv)
{
	static struct rb_run	 runs[RB_MAX_RUNS];
	struct rb_sus		 s;
	struct rb_run		*r;
	PGconn			*pg, *admin;
	PGresult		*res;
	double			 tsus[RB_ROUNDS], tsql[RB_ROUNDS], t0, x, y;
	const char		*only, *e;
	char			*logtext, cap[64];
	off_t			 off;
	int			 nruns, i, k, maxs, ok[RB_MAX_RUNS];

	if (argc != 10 && argc != 11) {
		fprintf(stderr, "usage: bench_report host port pins user "
		    "conninfo-app conninfo-admin pglog from tom [only]\n");
		return 2;
	}
	if (sodium_init() < 0)
		return 2;
	only = argc == 11 ? argv[10] : NULL;
	e = getenv("BENCH_REPORT_MAX_S");
	maxs = e != NULL && atoi(e) > 0 ? atoi(e) : RB_MAX_S;
	admin = PQconnectdb(argv[6]);
	if (PQstatus(admin) != CONNECTION_OK)
		bench_die("cannot connect: %s", PQerrorMessage(admin));
	/*
	 * The caps hold for every connection of the susd role here from
	 * now on, the replay's included: a statement over the time cap is
	 * cancelled (the report then answers MSG_ERR and is not timed)
	 * rather than holding the bench up, and one spilling more than
	 * RB_TEMP to disk fails rather than filling the machine's.
	 */
	snprintf(cap, sizeof cap, "'%ds'", maxs);
	rb_role_set(admin, "statement_timeout", cap);
	rb_role_set(admin, "temp_file_limit", RB_TEMP);
	pg = PQconnectdb(argv[5]);
	if (PQstatus(pg) != CONNECTION_OK)
		bench_die("cannot connect: %s", PQerrorMessage(pg));
	/* As a session sets its connection (server/db.c). */
	res = PQexec(pg, "SET client_encoding = 'UTF8'; SET datestyle = "
	    "'ISO'; SET TimeZone = 'Europe/Stockholm'");
	rb_pg_ok(res, "settings");

	/* The first session: one run each, its statements logged. */
	rb_role_set(admin, "log_min_duration_statement", "0");
	rb_sus_connect(&s, argv[1], argv[2], argv[3], argv[4]);
	nruns = rb_runs(&s, runs, only, argv[8], argv[9], pg);
	if (nruns == 0)
		bench_die("no report to run%s%s", only ? " named " : "",
		    only ? only : "");
	for (i = 0; i < nruns; i++) {
		r = &runs[i];
		off = rb_log_size(argv[7]);
		if (!(ok[i] = rb_sus_run(&s, r) == 0))
			rb_why(argv[7], off, r, maxs);
		/* The backend writes the log before susd has its rows. */
		logtext = rb_log_read(argv[7], off);
		rb_capture(r, logtext);
		free(logtext);
		if (ok[i] && r->nstmt == 0) {
			snprintf(r->fel, sizeof r->fel, "no report SQL in "
			    "the log (none bound with the %d standard "
			    "parameters)", RB_STD_PARAMS);
			ok[i] = 0;
		}
	}
	rb_sus_close(&s);
	rb_role_set(admin, "log_min_duration_statement", NULL);

	/* The second session: warm-up, then alternating rounds. */
	rb_sus_connect(&s, argv[1], argv[2], argv[3], argv[4]);
	for (i = 0; i < nruns; i++) {
		r = &runs[i];
		if (!ok[i]) {
			printf("bench report %s: not timed: %s\n", r->namn,
			    r->fel);
			fflush(stdout);
			continue;
		}
		off = rb_log_size(argv[7]);
		if (rb_sus_run(&s, r) != 0 || rb_sql_run(pg, r) != 0) {
			rb_why(argv[7], off, r, maxs);
			printf("bench report %s: not timed: %s\n", r->namn,
			    r->fel);
			fflush(stdout);
			continue;
		}
		for (k = 0; k < RB_ROUNDS; k++) {
			off = rb_log_size(argv[7]);
			t0 = bench_now_us();
			if (rb_sus_run(&s, r) != 0)
				break;
			tsus[k] = (bench_now_us() - t0) / 1e3;
			t0 = bench_now_us();
			if (rb_sql_run(pg, r) != 0)
				break;
			tsql[k] = (bench_now_us() - t0) / 1e3;
		}
		if (k < RB_ROUNDS) {
			rb_why(argv[7], off, r, maxs);
			printf("bench report %s: not timed: round %d: %s\n",
			    r->namn, k + 1, r->fel);
			fflush(stdout);
			continue;
		}
		x = rb_median(tsus, RB_ROUNDS);
		y = rb_median(tsql, RB_ROUNDS);
		printf("report %s: %u rows, %u columns, %d statements\n",
		    r->namn, r->nrader, r->nkol, r->nstmt);
		printf("bench report %s: %.0f ms; sql %.0f ms (ratio %.2f)\n",
		    r->namn, x, y, y > 0 ? x / y : 0);
		fflush(stdout);
	}
	rb_sus_close(&s);
	rb_role_set(admin, "statement_timeout", NULL);
	rb_role_set(admin, "temp_file_limit", NULL);
	PQfinish(admin);
	PQfinish(pg);
	return 0;
}
