/*
 * The personal-data operator commands that strip identifying data
 * (domain.md §8, rule 54): susd skydda for persons who have been given
 * skyddade personuppgifter, and susd gallra for participations and Af/FK
 * ärenden that ended more than gallring_ar years ago, run by hand or on
 * a timer. Stripping cuts a participation or an ärende from its person
 * and deletes the person once nothing links to it; kön, födelseår,
 * dates, codes, periods and answers stay, so every count over
 * deltagande_statistik and affk_statistik stays the same. Each
 * participation and ärende stripped gets an audit_person row and each
 * run a gallring row, in the same transaction.
 *
 * Also the helpers the other operator commands share (gallring.h):
 * folkbokforing.c loads the register copy, registerutdrag.c answers a
 * GDPR request. No personnummer reaches the log; messages to the
 * operator show them masked.
 */
#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "err.h"
#include "gallring.h"
#include "log.h"
#include "pnr.h"
#include "susd.h"
#include "xmalloc.h"

/* Personnummer one susd skydda takes: notices name a few, not thousands. */
#define SKYDDA_MAX		10000

/* Connects as the operator and begins the run's transaction. */
int
oper_begin(struct oper *o, const char *cmd, int snapshot)
{
	struct passwd	*pw;
	const char	*who, *sudo;
	char		 uid[32];

	memset(o, 0, sizeof *o);
	o->cmd = cmd;
	if ((pw = getpwuid(getuid())) != NULL)
		who = pw->pw_name;
	else {
		snprintf(uid, sizeof uid, "uid %lu", (unsigned long)getuid());
		who = uid;
	}
	/* Root through sudo: the person who asked is the one to record. */
	sudo = getuid() == 0 ? getenv("SUDO_USER") : NULL;
	if (sudo != NULL && *sudo != '\0')
		snprintf(o->utford_av, sizeof o->utford_av,
		    "susd %s (%s via sudo)", cmd, sudo);
	else
		snprintf(o->utford_av, sizeof o->utford_av, "susd %s (%s)",
		    cmd, who);
	if ((o->c = db_connect(susd.admin_conninfo)) == NULL)
		return SUS_ERR_SYSTEM;
	if (oper_cmd(o, snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ" :
	    "BEGIN", 0, NULL) != 0) {
		oper_close(o);
		return SUS_ERR_SYSTEM;
	}
	return 0;
}

/* Commits the run, or rolls a dry run back. */
int
oper_end(struct oper *o, int dry)
{
	/* The deferred SU063 check runs here: a refusal rolls back all. */
	return oper_cmd(o, dry ? "ROLLBACK" : "COMMIT", 0, NULL);
}

/* Rolls back what is still open and disconnects. */
void
oper_close(struct oper *o)
{
	PGresult	*res;

	if (o->c == NULL)
		return;
	if (PQtransactionStatus(o->c) != PQTRANS_IDLE) {
		res = PQexec(o->c, "ROLLBACK");
		PQclear(res);
	}
	PQfinish(o->c);
	o->c = NULL;
}

/* Runs one statement; logs a failure without its DETAIL. */
PGresult *
oper_exec(struct oper *o, const char *sql, int n, const char *const *params)
{
	PGresult	*res;
	const char	*msg, *state;

	res = PQexecParams(o->c, sql, n, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) == PGRES_COMMAND_OK ||
	    PQresultStatus(res) == PGRES_TUPLES_OK)
		return res;
	msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	log_error("%s: database error %s: %s", o->cmd,
	    state != NULL ? state : "?", msg != NULL ? msg :
	    "no connection");
	PQclear(res);
	return NULL;
}

/* Runs one statement whose rows are not needed. */
int
oper_cmd(struct oper *o, const char *sql, int n, const char *const *params)
{
	PGresult	*res;

	if ((res = oper_exec(o, sql, n, params)) == NULL)
		return SUS_ERR_SYSTEM;
	PQclear(res);
	return 0;
}

/* A count from the first row. */
long
oper_long(PGresult *res, int col)
{
	if (PQntuples(res) < 1 || PQgetisnull(res, 0, col))
		return 0;
	return strtol(PQgetvalue(res, 0, col), NULL, 10);
}

/* Reads one line, without its line end. */
int
oper_read_line(FILE *fp, char *buf, size_t len)
{
	size_t	n;
	int	ch, longer = 0;

	if (fgets(buf, (int)len, fp) == NULL)
		return ferror(fp) ? -1 : 0;
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (n + 1 == len && (ch = fgetc(fp)) != EOF && ch != '\n') {
		/* The rest of an overlong line is skipped, not read as more. */
		longer = 1;
		while ((ch = fgetc(fp)) != EOF && ch != '\n')
			;
	}
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return longer ? -1 : 1;
}

/* Makes the temporary tables a stripping works from. */
int
oper_strip_prepare(struct oper *o)
{
	if (oper_cmd(o, "CREATE TEMPORARY TABLE strip (deltagande_id bigint"
	    " PRIMARY KEY, orsak text NOT NULL) ON COMMIT DROP", 0, NULL) != 0)
		return SUS_ERR_SYSTEM;
	if (oper_cmd(o, "CREATE TEMPORARY TABLE strip_arende (arende_id"
	    " bigint PRIMARY KEY, orsak text NOT NULL) ON COMMIT DROP", 0,
	    NULL) != 0)
		return SUS_ERR_SYSTEM;
	return oper_cmd(o, "CREATE TEMPORARY TABLE strip_person (person_id"
	    " bigint PRIMARY KEY, orsak text NOT NULL, borttagen boolean"
	    " NOT NULL DEFAULT false) ON COMMIT DROP", 0, NULL);
}

/*
 * The steps of a stripping, in order; $1 is the purpose. The persons of
 * the participations and ärenden listed come first, then every ärende of
 * a person stripped for skyddade personuppgifter (skydda and the
 * register load list persons, not ärenden). The audit rows come before
 * the stripping, while the participations and ärenden still name their
 * person: the hash of the personnummer is what lets a later
 * registerutdrag find them. A person listed without any participation
 * or ärende stripped now (an orphan, or skydda for someone with none)
 * gets a row of its own. A person goes only when neither a
 * participation nor an ärende links to it any more.
 */
static const struct {
	const char	*sql;
	int		 nparams;
} oper_strip_steps[] = {
	{ "INSERT INTO strip_person (person_id, orsak)"
	" SELECT d.person_id, max(s.orsak) FROM strip s"
	" JOIN deltagande d ON d.id = s.deltagande_id"
	" WHERE d.person_id IS NOT NULL GROUP BY d.person_id"
	" ON CONFLICT (person_id) DO NOTHING", 0 },

	{ "INSERT INTO strip_person (person_id, orsak)"
	" SELECT a.person_id, max(s.orsak) FROM strip_arende s"
	" JOIN affk_arende a ON a.id = s.arende_id"
	" WHERE a.person_id IS NOT NULL GROUP BY a.person_id"
	" ON CONFLICT (person_id) DO NOTHING", 0 },

	{ "INSERT INTO strip_arende (arende_id, orsak)"
	" SELECT a.id, 'skyddad' FROM affk_arende a"
	" JOIN strip_person sp ON sp.person_id = a.person_id"
	" WHERE sp.orsak = 'skyddad' ORDER BY a.id FOR UPDATE OF a"
	" ON CONFLICT (arende_id) DO NOTHING", 0 },

	{ "INSERT INTO audit_person (action, purpose, pnr_hash, person_id,"
	" deltagande_id, insats_id)"
	" SELECT CASE s.orsak WHEN 'gallring' THEN 'gallra'"
	" ELSE 'avidentifiera' END, $1, pnr_hash(p.personnummer), p.id,"
	" d.id, d.insats_id FROM strip s"
	" JOIN deltagande d ON d.id = s.deltagande_id"
	" JOIN person p ON p.id = d.person_id", 1 },

	{ "INSERT INTO audit_person (action, purpose, pnr_hash, person_id,"
	" arende_id)"
	" SELECT CASE s.orsak WHEN 'gallring' THEN 'gallra'"
	" ELSE 'avidentifiera' END, $1, pnr_hash(p.personnummer), p.id,"
	" a.id FROM strip_arende s"
	" JOIN affk_arende a ON a.id = s.arende_id"
	" JOIN person p ON p.id = a.person_id", 1 },

	{ "INSERT INTO audit_person (action, purpose, pnr_hash, person_id)"
	" SELECT CASE sp.orsak WHEN 'gallring' THEN 'gallra'"
	" ELSE 'avidentifiera' END, $1, pnr_hash(p.personnummer), p.id"
	" FROM strip_person sp JOIN person p ON p.id = sp.person_id"
	" WHERE NOT EXISTS (SELECT 1 FROM deltagande d"
	" WHERE d.person_id = p.id) AND NOT EXISTS (SELECT 1"
	" FROM affk_arende a WHERE a.person_id = p.id)", 1 },

	{ "UPDATE deltagande d SET person_id = NULL, avidentifierad = now(),"
	" avidentifierad_orsak = s.orsak FROM strip s"
	" WHERE d.id = s.deltagande_id AND d.person_id IS NOT NULL", 0 },

	{ "UPDATE affk_arende a SET person_id = NULL, avidentifierad = now(),"
	" avidentifierad_orsak = s.orsak FROM strip_arende s"
	" WHERE a.id = s.arende_id AND a.person_id IS NOT NULL", 0 },

	{ "WITH del AS (DELETE FROM person p USING strip_person sp"
	" WHERE p.id = sp.person_id AND NOT EXISTS (SELECT 1 FROM deltagande d"
	" WHERE d.person_id = p.id) AND NOT EXISTS (SELECT 1"
	" FROM affk_arende a WHERE a.person_id = p.id) RETURNING p.id)"
	" UPDATE strip_person sp SET borttagen = true FROM del"
	" WHERE sp.person_id = del.id", 0 },
};

/* Strips what the tables hold and records it (gallring.h). */
int
oper_strip(struct oper *o, const char *purpose, const char *grans,
    const char *always_orsak, struct oper_counts counts[2])
{
	PGresult	*res;
	const char	*params[4];
	size_t		 i;
	int		 row;

	memset(counts, 0, 2 * sizeof counts[0]);
	params[0] = purpose;
	for (i = 0; i < sizeof oper_strip_steps / sizeof oper_strip_steps[0];
	    i++) {
		if (oper_cmd(o, oper_strip_steps[i].sql,
		    oper_strip_steps[i].nparams, params) != 0)
			return SUS_ERR_SYSTEM;
	}
	params[0] = o->utford_av;
	params[1] = grans;
	params[2] = always_orsak;
	if (oper_cmd(o,
	    "INSERT INTO gallring (orsak, utford_av, grans, antal_deltaganden,"
	    " antal_personer, deltaganden)"
	    " SELECT o.orsak, $1, CASE o.orsak WHEN 'gallring' THEN $2::date"
	    " END, (SELECT count(*) FROM strip s WHERE s.orsak = o.orsak),"
	    " (SELECT count(*) FROM strip_person sp WHERE sp.orsak = o.orsak"
	    " AND sp.borttagen), ARRAY(SELECT s.deltagande_id FROM strip s"
	    " WHERE s.orsak = o.orsak ORDER BY 1)"
	    " FROM (VALUES ('gallring'), ('skyddad')) AS o(orsak)"
	    " WHERE o.orsak = $3 OR EXISTS (SELECT 1 FROM strip s"
	    " WHERE s.orsak = o.orsak) OR EXISTS (SELECT 1 FROM strip_arende s"
	    " WHERE s.orsak = o.orsak) OR EXISTS (SELECT 1 FROM strip_person sp"
	    " WHERE sp.orsak = o.orsak AND sp.borttagen)", 3, params) != 0)
		return SUS_ERR_SYSTEM;
	res = oper_exec(o,
	    "SELECT o.orsak = 'skyddad',"
	    " (SELECT count(*) FROM strip s WHERE s.orsak = o.orsak),"
	    " (SELECT count(*) FROM strip_person sp WHERE sp.orsak = o.orsak"
	    " AND sp.borttagen),"
	    " (SELECT count(*) FROM strip_person sp WHERE sp.orsak = o.orsak"
	    " AND NOT sp.borttagen),"
	    " (SELECT count(*) FROM strip_arende s WHERE s.orsak = o.orsak)"
	    " FROM (VALUES ('gallring'), ('skyddad')) AS o(orsak)", 0, NULL);
	if (res == NULL)
		return SUS_ERR_SYSTEM;
	for (row = 0; row < PQntuples(res); row++) {
		i = strcmp(PQgetvalue(res, row, 0), "t") == 0;
		counts[i].deltaganden = strtol(PQgetvalue(res, row, 1), NULL,
		    10);
		counts[i].borttagna = strtol(PQgetvalue(res, row, 2), NULL, 10);
		counts[i].kvar = strtol(PQgetvalue(res, row, 3), NULL, 10);
		counts[i].arenden = strtol(PQgetvalue(res, row, 4), NULL, 10);
	}
	PQclear(res);
	return 0;
}

/* "1 deltagande", "3 deltaganden". */
static const char *
oper_plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/*
 * Prints what a stripping did, in Swedish; would says it was a trial.
 * Af/FK ärenden are named only when there were any, so that a site
 * without the co-operation reads what it always has.
 */
static void
oper_print_counts(const char *what, const struct oper_counts *c, int would)
{
	printf("%s: %ld %s", what, c->deltaganden,
	    oper_plural(c->deltaganden, "deltagande", "deltaganden"));
	if (c->arenden > 0)
		printf(" och %ld %s i Af/FK-samarbetet", c->arenden,
		    oper_plural(c->arenden, "ärende", "ärenden"));
	printf(" %s, %ld %s %s",
	    would ? "skulle avidentifieras" : "avidentifierades",
	    c->borttagna, oper_plural(c->borttagna, "person", "personer"),
	    would ? "skulle tas bort ur sus" : "togs bort ur sus");
	if (c->kvar > 0)
		printf(", %ld %s kvar för %s deltagande eller ärende",
		    c->kvar, c->kvar == 1 ? "person finns" : "personer finns",
		    c->kvar == 1 ? "ett pågående eller senare" :
		    "pågående eller senare");
	printf(".\n");
}

/*
 * susd skydda: personnummer on stdin, one a line, in any accepted form;
 * never on the command line, where ps and shell history would keep them.
 * Every line must be a valid number or nothing is done.
 */
int
admin_skydda(int argc, char **argv)
{
	struct oper		 o;
	struct oper_counts	 counts[2];
	struct pnr		 p;
	PGresult		*res;
	char			 line[OPER_LINE_MAX], masked[24], rad[24];
	const char		*params[2];
	long			 lines = 0, numbers = 0, bad = 0, marked;
	long			 distinct, unknown;
	int			 r, rr, i, istty = isatty(STDIN_FILENO);

	if (argc != 1) {
		fprintf(stderr, "usage: susd skydda < personnummer\n"
		    "susd: skydda läser personnumren från standard in, ett per "
		    "rad, aldrig från kommandoraden\n");
		return SUS_ERR_INVALID;
	}
	if ((r = oper_begin(&o, "skydda", 0)) != 0)
		return r;
	r = SUS_ERR_SYSTEM;
	if (oper_cmd(&o, "CREATE TEMPORARY TABLE sk_in (rad integer NOT NULL,"
	    " personnummer char(12) NOT NULL) ON COMMIT DROP", 0, NULL) != 0)
		goto out;
	if (istty)
		fprintf(stderr, "Personnummer, ett per rad; avsluta med "
		    "Ctrl-D:\n");
	while ((rr = oper_read_line(stdin, line, sizeof line)) != 0) {
		lines++;
		pnr_mask(line, masked, sizeof masked);
		if (rr < 0) {
			fprintf(stderr, "susd: skydda: rad %ld: raden är för "
			    "lång\n", lines);
			bad++;
			continue;
		}
		if (line[strspn(line, " \t")] == '\0' || line[0] == '#')
			continue;
		if ((rr = pnr_parse(line, 0, &p)) != PNR_OK) {
			if (++bad <= OPER_ERRORS_SHOWN)
				fprintf(stderr, "susd: skydda: rad %ld: %s "
				    "(%s)\n", lines, pnr_strerror(rr), masked);
			continue;
		}
		if (++numbers > SKYDDA_MAX) {
			fprintf(stderr, "susd: skydda: fler än %d personnummer; "
			    "dela upp listan\n", SKYDDA_MAX);
			r = SUS_ERR_INVALID;
			goto out;
		}
		snprintf(rad, sizeof rad, "%ld", lines);
		params[0] = rad;
		params[1] = p.norm;
		if (oper_cmd(&o, "INSERT INTO sk_in VALUES ($1, $2)", 2,
		    params) != 0)
			goto out;
	}
	explicit_bzero(line, sizeof line);
	explicit_bzero(&p, sizeof p);
	if (ferror(stdin)) {
		log_error("skydda: reading standard input: %s",
		    strerror(errno));
		goto out;
	}
	if (bad > 0) {
		fprintf(stderr, "susd: skydda: %ld %s fel; inget har ändrats\n",
		    bad, oper_plural(bad, "rad är", "rader är"));
		r = SUS_ERR_INVALID;
		goto out;
	}
	if (numbers == 0) {
		fprintf(stderr, "susd: skydda: inga personnummer på standard "
		    "in; inget har ändrats\n");
		r = SUS_ERR_INVALID;
		goto out;
	}

	/* Numbers sus knows nothing of: named by line, masked. */
	if ((res = oper_exec(&o, "SELECT i.rad, i.personnummer FROM sk_in i"
	    " WHERE NOT EXISTS (SELECT 1 FROM person p"
	    " WHERE p.personnummer = i.personnummer)"
	    " AND NOT EXISTS (SELECT 1 FROM folkbokforing f"
	    " WHERE f.personnummer = i.personnummer) ORDER BY i.rad", 0,
	    NULL)) == NULL)
		goto out;
	for (i = 0; i < PQntuples(res); i++) {
		pnr_mask(PQgetvalue(res, i, 1), masked, sizeof masked);
		fprintf(stderr, "susd: skydda: rad %s: %s finns varken bland "
		    "deltagarna eller i folkbokföringen; inget att ändra\n",
		    PQgetvalue(res, i, 0), masked);
	}
	PQclear(res);

	/*
	 * The flag goes on the register copy, so that "Hämta" and the
	 * registration trigger (SU056) refuse the person from now on; a
	 * person registered by hand gets a register row from the person's
	 * own data.
	 */
	if ((res = oper_exec(&o, "WITH u AS (UPDATE folkbokforing f"
	    " SET skyddad = true, uppdaterad = now()"
	    " WHERE f.personnummer IN (SELECT personnummer FROM sk_in)"
	    " AND NOT f.skyddad RETURNING 1), n AS (INSERT INTO folkbokforing"
	    " (personnummer, namn, kommunkod, stadsdel_id, skyddad)"
	    " SELECT p.personnummer, p.namn, p.kommunkod, p.stadsdel_id, true"
	    " FROM person p WHERE p.personnummer IN (SELECT personnummer"
	    " FROM sk_in) ON CONFLICT (personnummer) DO NOTHING RETURNING 1)"
	    " SELECT (SELECT count(*) FROM u) + (SELECT count(*) FROM n)", 0,
	    NULL)) == NULL)
		goto out;
	marked = oper_long(res, 0);
	PQclear(res);
	if ((res = oper_exec(&o, "SELECT count(DISTINCT i.personnummer),"
	    " count(DISTINCT i.personnummer) FILTER (WHERE NOT EXISTS (SELECT 1"
	    " FROM folkbokforing f WHERE f.personnummer = i.personnummer))"
	    " FROM sk_in i", 0, NULL)) == NULL)
		goto out;
	distinct = oper_long(res, 0);
	unknown = oper_long(res, 1);
	PQclear(res);

	if (oper_strip_prepare(&o) != 0 ||
	    oper_cmd(&o, "INSERT INTO strip_person (person_id, orsak)"
	    " SELECT p.id, 'skyddad' FROM person p WHERE p.personnummer IN"
	    " (SELECT personnummer FROM sk_in)", 0, NULL) != 0 ||
	    oper_cmd(&o, "INSERT INTO strip (deltagande_id, orsak)"
	    " SELECT d.id, 'skyddad' FROM deltagande d"
	    " JOIN strip_person sp ON sp.person_id = d.person_id"
	    " ORDER BY d.id FOR UPDATE OF d", 0, NULL) != 0 ||
	    oper_strip(&o, "susd skydda", NULL, "skyddad", counts) != 0 ||
	    oper_end(&o, 0) != 0)
		goto out;
	printf("%ld personnummer lästes: %ld markerades som skyddade i "
	    "folkbokföringen, %ld var redan markerade, %ld finns inte i sus.\n",
	    distinct, marked, distinct - marked - unknown, unknown);
	oper_print_counts("Skyddade personuppgifter", &counts[1], 0);
	log_info("skydda: %ld numbers read, %ld flagged, %ld participations "
	    "and %ld Af/FK ärenden stripped, %ld persons deleted", numbers,
	    marked, counts[1].deltaganden, counts[1].arenden,
	    counts[1].borttagna);
	r = 0;
out:
	explicit_bzero(line, sizeof line);
	if (r != 0 && r != SUS_ERR_INVALID)
		fprintf(stderr, "susd: skydda: inget har ändrats\n");
	oper_close(&o);
	return r;
}

/*
 * susd gallra [-n] [-a år]: strips the participations and Af/FK ärenden
 * that ended more than gallring_ar (or -a) years ago, and every
 * participation and ärende of a person the register copy marks skyddad.
 * -n runs the same statements and rolls them back.
 */
int
admin_gallra(int argc, char **argv)
{
	struct oper		 o;
	struct oper_counts	 counts[2];
	PGresult		*res;
	char			 years[16], grans[16], *end;
	const char		*params[1];
	long			 ar = susd.conf.gallring_ar;
	int			 ch, dry = 0, r;

	optind = 1;
	while ((ch = getopt(argc, argv, "a:n")) != -1) {
		switch (ch) {
		case 'a':
			errno = 0;
			ar = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || end == optarg ||
			    ar < 1 || ar > 100) {
				fprintf(stderr, "susd: gallra: -a ska vara ett "
				    "antal år från 1 till 100\n");
				return SUS_ERR_INVALID;
			}
			break;
		case 'n':
			dry = 1;
			break;
		default:
			fprintf(stderr, "usage: susd gallra [-n] [-a år]\n");
			return SUS_ERR_INVALID;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: susd gallra [-n] [-a år]\n");
		return SUS_ERR_INVALID;
	}
	if ((r = oper_begin(&o, "gallra", 0)) != 0)
		return r;
	r = SUS_ERR_SYSTEM;
	snprintf(years, sizeof years, "%ld", ar);
	params[0] = years;
	if ((res = oper_exec(&o, "SELECT (current_date"
	    " - make_interval(years => $1::integer))::date", 1,
	    params)) == NULL)
		goto out;
	strlcpy(grans, PQgetvalue(res, 0, 0), sizeof grans);
	PQclear(res);
	params[0] = grans;
	if (oper_strip_prepare(&o) != 0 ||
	    oper_cmd(&o, "INSERT INTO strip (deltagande_id, orsak)"
	    " SELECT d.id, CASE WHEN f.skyddad THEN 'skyddad'"
	    " ELSE 'gallring' END FROM deltagande d"
	    " JOIN person p ON p.id = d.person_id"
	    " LEFT JOIN folkbokforing f ON f.personnummer = p.personnummer"
	    " AND f.skyddad"
	    " WHERE f.skyddad OR d.slutdatum < $1::date"
	    " ORDER BY d.id FOR UPDATE OF d", 1, params) != 0 ||
	    oper_cmd(&o, "INSERT INTO strip_arende (arende_id, orsak)"
	    " SELECT a.id, CASE WHEN f.skyddad THEN 'skyddad'"
	    " ELSE 'gallring' END FROM affk_arende a"
	    " JOIN person p ON p.id = a.person_id"
	    " LEFT JOIN folkbokforing f ON f.personnummer = p.personnummer"
	    " AND f.skyddad"
	    " WHERE f.skyddad OR a.slutdatum < $1::date"
	    " ORDER BY a.id FOR UPDATE OF a", 1, params) != 0 ||
	    oper_cmd(&o, "INSERT INTO strip_person (person_id, orsak)"
	    " SELECT p.id, CASE WHEN EXISTS (SELECT 1 FROM folkbokforing f"
	    " WHERE f.personnummer = p.personnummer AND f.skyddad)"
	    " THEN 'skyddad' ELSE 'gallring' END FROM person p"
	    " WHERE NOT EXISTS (SELECT 1 FROM deltagande d"
	    " WHERE d.person_id = p.id) AND NOT EXISTS (SELECT 1"
	    " FROM affk_arende a WHERE a.person_id = p.id)", 0, NULL) != 0 ||
	    oper_strip(&o, "susd gallra", grans, "gallring", counts) != 0 ||
	    oper_end(&o, dry) != 0)
		goto out;
	printf("Gallring av deltaganden och Af/FK-ärenden som avslutades "
	    "före %s (%ld år):\n", grans, ar);
	oper_print_counts("Gallring", &counts[0], dry);
	oper_print_counts("Skyddade personuppgifter", &counts[1], dry);
	if (dry)
		printf("Provkörning (-n): inget har ändrats.\n");
	log_info("gallra%s: cutoff %s, %ld participations and %ld Af/FK "
	    "ärenden stripped, %ld persons deleted, %ld kept; protected: %ld "
	    "participations, %ld ärenden, %ld persons",
	    dry ? " -n (rolled back)" : "", grans, counts[0].deltaganden,
	    counts[0].arenden, counts[0].borttagna, counts[0].kvar,
	    counts[1].deltaganden, counts[1].arenden, counts[1].borttagna);
	r = 0;
out:
	if (r != 0)
		fprintf(stderr, "susd: gallra: inget har ändrats\n");
	oper_close(&o);
	return r;
}
