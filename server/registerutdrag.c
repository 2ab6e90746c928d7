/*
 * susd registerutdrag: what sus holds about one person, for a request
 * under article 15 of the GDPR. The personnummer comes on stdin, never
 * on the command line. Prints, in plain Swedish text: the person row,
 * the register copy's row, every participation with its insats,
 * organisation, occasions, codes and answers, every Af/FK ärende with
 * its offices, periods, answers and office changes, how many
 * participations and ärenden have been stripped, and the access history
 * from audit_person, found
 * through the keyed hash of the number so that it covers lookups and
 * accesses from before any stripping. The extract itself is recorded
 * (action 'utdrag'), in the transaction that read the data.
 */
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

/* The audit_person actions in the words of the extract. */
static const struct {
	const char	*action;
	const char	*ord;
} ru_actions[] = {
	{ "las", "läsning" },
	{ "skriv", "registrering" },
	{ "avidentifiera", "avidentifiering" },
	{ "gallra", "gallring" },
	{ "utdrag", "registerutdrag" },
};

/* Widths of the history's columns, in characters. */
static const int ru_widths[] = { 21, 16, 17, 30 };

/* Prints s and pads it with spaces to width characters (UTF-8). */
static void
ru_pad(const char *s, int width)
{
	int		 n = 0;
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80)
			n++;
	}
	/* Two spaces at least, so that a long value stays apart. */
	printf("%s  ", s);
	for (n += 2; n < width; n++)
		putchar(' ');
}

/* Prints a heading and underlines it. */
static void
ru_heading(const char *h)
{
	const char	*p;

	printf("\n%s\n", h);
	for (p = h; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80)
			putchar('-');
	}
	putchar('\n');
}

/*
 * Prints row of res, from column first on, as "label: value" lines, the
 * labels being the column names; empty values are left out.
 */
static void
ru_fields(PGresult *res, int row, int first, const char *indent)
{
	int	col;

	for (col = first; col < PQnfields(res); col++) {
		if (PQgetisnull(res, row, col) ||
		    *PQgetvalue(res, row, col) == '\0')
			continue;
		printf("%s%s: %s\n", indent, PQfname(res, col),
		    PQgetvalue(res, row, col));
	}
}

/* The person row and the register copy's row. */
static int
ru_person(struct oper *o, const char *pnr, int *found)
{
	PGresult	*res;
	const char	*params[1] = { pnr };

	ru_heading("Personuppgifter i sus");
	if ((res = oper_exec(o, "SELECT p.namn AS \"Namn\","
	    " k.namn || ' (' || p.kommunkod || ')' AS \"Folkbokföringskommun\","
	    " s.namn AS \"Stadsdel\","
	    " to_char(p.skapad, 'YYYY-MM-DD') AS \"Registrerad i sus\""
	    " FROM person p LEFT JOIN kommun k ON k.kommunkod = p.kommunkod"
	    " LEFT JOIN stadsdel s ON s.id = p.stadsdel_id"
	    " WHERE p.personnummer = $1", 1, params)) == NULL)
		return SUS_ERR_SYSTEM;
	if (PQntuples(res) == 0)
		printf("Personen är inte registrerad som deltagare.\n");
	else {
		ru_fields(res, 0, 0, "");
		*found = 1;
	}
	PQclear(res);

	ru_heading("Folkbokföringsuppgifter (sus kopia av registret)");
	if ((res = oper_exec(o, "SELECT f.namn AS \"Namn\","
	    " k.namn || ' (' || f.kommunkod || ')' AS \"Folkbokföringskommun\","
	    " s.namn AS \"Stadsdel\", CASE WHEN f.skyddad THEN 'ja' ELSE 'nej'"
	    " END AS \"Skyddade personuppgifter\","
	    " to_char(f.uppdaterad, 'YYYY-MM-DD') AS \"Uppdaterad\""
	    " FROM folkbokforing f LEFT JOIN kommun k ON k.kommunkod = f.kommunkod"
	    " LEFT JOIN stadsdel s ON s.id = f.stadsdel_id"
	    " WHERE f.personnummer = $1", 1, params)) == NULL)
		return SUS_ERR_SYSTEM;
	if (PQntuples(res) == 0)
		printf("Personen finns inte i sus kopia av registret.\n");
	else {
		ru_fields(res, 0, 0, "");
		*found = 1;
	}
	PQclear(res);
	return 0;
}

/* One participation's occasions and answers, as "label: value" lines. */
static int
ru_deltagande_detail(struct oper *o, const char *id)
{
	PGresult	*res;
	const char	*params[1] = { id };
	int		 row;

	if ((res = oper_exec(o,
	    "SELECT CASE m.typ WHEN 'in' THEN 'Inregistrering'"
	    " ELSE 'Utregistrering' END || ', ' || v.etikett, v.varde"
	    " FROM mattillfalle m CROSS JOIN LATERAL (VALUES"
	    " (1, 'försörjning', (SELECT string_agg(k.namn, ', '"
	    " ORDER BY k.ordning) FROM mattillfalle_forsorjning f"
	    " JOIN kod k ON k.id = f.forsorjning_id"
	    " WHERE f.deltagande_id = m.deltagande_id AND f.typ = m.typ)),"
	    " (2, 'sysselsättning', (SELECT k.namn FROM kod k"
	    " WHERE k.id = m.sysselsattning_id) || coalesce(', ' || m.omfattning"
	    " || ' %', '')),"
	    " (3, 'utbildningsnivå', (SELECT k.namn FROM kod k"
	    " WHERE k.id = m.utbildning_id)),"
	    " (4, 'tid i offentlig försörjning', (SELECT k.namn FROM kod k"
	    " WHERE k.id = m.tid_id)),"
	    " (5, 'avslutsanledning', (SELECT k.namn FROM kod k"
	    " WHERE k.id = m.avslut_id))) AS v(ordning, etikett, varde)"
	    " WHERE m.deltagande_id = $1 AND v.varde IS NOT NULL"
	    " UNION ALL"
	    " SELECT 'Svar vid ' || CASE s.tillfalle WHEN 'in'"
	    " THEN 'inregistrering' ELSE 'utregistrering' END || ', '"
	    " || f.namn, string_agg(coalesce(a.text, s.heltal::text,"
	    " CASE s.ja WHEN true THEN 'Ja' WHEN false THEN 'Nej' END), ', '"
	    " ORDER BY a.ordning)"
	    " FROM fraga_svar s JOIN fraga f ON f.id = s.fraga_id"
	    " LEFT JOIN fraga_alternativ a ON a.id = s.alternativ_id"
	    " WHERE s.deltagande_id = $1"
	    " GROUP BY s.tillfalle, f.namn, f.ordning", 1, params)) == NULL)
		return SUS_ERR_SYSTEM;
	for (row = 0; row < PQntuples(res); row++)
		printf("  %s: %s\n", PQgetvalue(res, row, 0),
		    PQgetvalue(res, row, 1));
	PQclear(res);
	return 0;
}

/*
 * One ärende's steps in date order, each with the answers of its period,
 * and its office changes: one line each, the answers indented.
 */
static int
ru_arende_detail(struct oper *o, const char *id)
{
	PGresult	*res;
	const char	*params[1] = { id };
	int		 row;

	if ((res = oper_exec(o,
	    "SELECT x.rad FROM ("
	    " SELECT q.startdatum AS datum, 0 AS byte, q.id AS pid, 0 AS slag,"
	    " 0 AS ordning, 'Steg: ' || t.namn || ', ' || CASE"
	    " WHEN q.slutdatum IS NULL THEN q.startdatum || ', pågår'"
	    " WHEN q.slutdatum = q.startdatum THEN q.startdatum::text"
	    " ELSE q.startdatum || ' till ' || q.slutdatum END"
	    " || ' (registrerat av ' || CASE q.myndighet"
	    " WHEN 'AF' THEN 'Arbetsförmedlingen' ELSE 'Försäkringskassan' END"
	    " || coalesce(', ' || u.username, '') || ')' AS rad"
	    " FROM affk_period q JOIN kod t ON t.id = q.insatstyp_id"
	    " LEFT JOIN anvandare u ON u.id = q.registrerad_av"
	    " WHERE q.arende_id = $1"
	    " UNION ALL"
	    " SELECT q.startdatum, 0, q.id, 1, f.ordning,"
	    " '  ' || f.text || ': ' || k.namn"
	    " FROM affk_svar s JOIN affk_period q ON q.id = s.period_id"
	    " JOIN affk_fraga f ON f.id = s.fraga_id"
	    " JOIN kod k ON k.id = s.svar_id WHERE q.arende_id = $1"
	    " UNION ALL"
	    " SELECT b.datum, 1, b.id, 0, 0, 'Byte av kontor ' || b.datum"
	    " || ': ' || concat_ws(', ', CASE WHEN b.fran_af_kontor_id <>"
	    " b.till_af_kontor_id THEN fa.namn || ' till ' || ta.namn END,"
	    " CASE WHEN b.fran_fk_kontor_id <> b.till_fk_kontor_id"
	    " THEN ff.namn || ' till ' || tf.namn END)"
	    " FROM affk_kontorsbyte b"
	    " JOIN affk_kontor fa ON fa.id = b.fran_af_kontor_id"
	    " JOIN affk_kontor ta ON ta.id = b.till_af_kontor_id"
	    " JOIN affk_kontor ff ON ff.id = b.fran_fk_kontor_id"
	    " JOIN affk_kontor tf ON tf.id = b.till_fk_kontor_id"
	    " WHERE b.arende_id = $1) x"
	    " ORDER BY x.datum, x.byte, x.pid, x.slag, x.ordning", 1,
	    params)) == NULL)
		return SUS_ERR_SYSTEM;
	for (row = 0; row < PQntuples(res); row++)
		printf("  %s\n", PQgetvalue(res, row, 0));
	PQclear(res);
	return 0;
}

/* What the person is tied to: participations or Af/FK ärenden. */
struct ru_tied {
	const char	*heading;
	const char	*list;		/* id, what, then fields by name */
	const char	*none;
	int		(*detail)(struct oper *, const char *id);
	const char	*stripped;	/* how many were stripped of it */
	const char	*one, *many;	/* "deltagande har" */
};

/*
 * Each one tied to the person with its detail, then how many were
 * stripped of it; *n the count still tied.
 */
static int
ru_tied(struct oper *o, const char *pnr, const struct ru_tied *t, int *n)
{
	PGresult	*res;
	const char	*params[1] = { pnr };
	int		 row;

	ru_heading(t->heading);
	if ((res = oper_exec(o, t->list, 1, params)) == NULL)
		return SUS_ERR_SYSTEM;
	*n = PQntuples(res);
	if (*n == 0)
		printf("%s\n", t->none);
	for (row = 0; row < *n; row++) {
		printf("%s%d. %s\n", row > 0 ? "\n" : "", row + 1,
		    PQgetvalue(res, row, 1));
		ru_fields(res, row, 2, "  ");
		if (t->detail(o, PQgetvalue(res, row, 0)) != 0) {
			PQclear(res);
			return SUS_ERR_SYSTEM;
		}
	}
	PQclear(res);

	if ((res = oper_exec(o, t->stripped, 1, params)) == NULL)
		return SUS_ERR_SYSTEM;
	if (oper_long(res, 0) > 0)
		printf("\n%ld %s avidentifierats (gallring, skyddade "
		    "personuppgifter eller återkallat samtycke) och kan inte "
		    "längre knytas till personen.\n", oper_long(res, 0),
		    oper_long(res, 0) == 1 ? t->one : t->many);
	PQclear(res);
	return 0;
}

/* The participations still tied to the person. */
static const struct ru_tied ru_deltaganden = {
	"Deltaganden",
	"SELECT d.id, i.namn || ' (' || so.namn"
	" || ')', d.startdatum::text AS \"Startdatum\","
	" coalesce(d.slutdatum::text, 'pågår') AS \"Slutdatum\","
	" d.samtycke_datum::text AS \"Samtycke lämnat\","
	" u.username AS \"Registrerad av\","
	" (SELECT k.namn FROM kod k WHERE k.id = d.kon_id) AS \"Kön\","
	" d.fodelsear::text AS \"Födelseår\""
	" FROM deltagande d JOIN person p ON p.id = d.person_id"
	" JOIN insats i ON i.id = d.insats_id"
	" JOIN samverkansorg so ON so.id = i.samverkansorg_id"
	" LEFT JOIN anvandare u ON u.id = d.registrerad_av"
	" WHERE p.personnummer = $1 ORDER BY d.startdatum, d.id",
	"Inga deltaganden är knutna till personen.",
	ru_deltagande_detail,
	"SELECT count(DISTINCT deltagande_id)"
	" FROM audit_person WHERE pnr_hash = pnr_hash($1)"
	" AND action IN ('avidentifiera', 'gallra')",
	"deltagande har", "deltaganden har"
};

/* The Af/FK ärenden still tied to the person. */
static const struct ru_tied ru_arenden = {
	"Ärenden i Af/FK-samarbetet",
	"SELECT a.id, af.namn || ' och ' || fk.namn,"
	" a.startdatum::text AS \"Startdatum\","
	" coalesce(a.slutdatum::text, 'pågår') AS \"Slutdatum\","
	" a.samtycke_datum::text AS \"Samtycke lämnat\","
	" CASE a.initierad_av WHEN 'AF' THEN 'Arbetsförmedlingen'"
	" ELSE 'Försäkringskassan' END AS \"Initierat av\","
	" u.username AS \"Registrerat av\","
	" (SELECT k.namn FROM kod k WHERE k.id = a.kon_id) AS \"Kön\","
	" a.fodelsear::text AS \"Födelseår\""
	" FROM affk_arende a JOIN person p ON p.id = a.person_id"
	" JOIN affk_kontor af ON af.id = a.af_kontor_id"
	" JOIN affk_kontor fk ON fk.id = a.fk_kontor_id"
	" LEFT JOIN anvandare u ON u.id = a.registrerad_av"
	" WHERE p.personnummer = $1 ORDER BY a.startdatum, a.id",
	"Inga ärenden är knutna till personen.",
	ru_arende_detail,
	"SELECT count(DISTINCT arende_id)"
	" FROM audit_person WHERE pnr_hash = pnr_hash($1)"
	" AND action IN ('avidentifiera', 'gallra')",
	"ärende har", "ärenden har"
};

/* The access history: every audit_person row for the number but ours. */
static int
ru_history(struct oper *o, const char *pnr, int *n)
{
	PGresult	*res;
	const char	*params[1] = { pnr }, *v;
	size_t		 i;
	int		 row, col;

	if ((res = oper_exec(o, "SELECT to_char(a.at, 'YYYY-MM-DD HH24:MI:SS'),"
	    " coalesce(u.username, 'operatör'), a.action, a.purpose,"
	    " coalesce(i.namn, CASE WHEN a.arende_id IS NOT NULL"
	    " THEN 'Af/FK-ärende' END, ''),"
	    " coalesce(u.fornamn || ' ' || u.efternamn,"
	    " '') FROM audit_person a"
	    " LEFT JOIN anvandare u ON u.id = a.anvandare_id"
	    " LEFT JOIN insats i ON i.id = a.insats_id"
	    " WHERE (a.pnr_hash = pnr_hash($1) OR a.person_id = (SELECT p.id"
	    " FROM person p WHERE p.personnummer = $1))"
	    " AND a.txid <> txid_current() ORDER BY a.at, a.id", 1,
	    params)) == NULL)
		return SUS_ERR_SYSTEM;
	*n = PQntuples(res);
	ru_heading("Åtkomsthistorik");
	if (*n == 0) {
		printf("Inga åtkomster är registrerade.\n");
		PQclear(res);
		return 0;
	}
	ru_pad("Tid", ru_widths[0]);
	ru_pad("Användare", ru_widths[1]);
	ru_pad("Åtgärd", ru_widths[2]);
	ru_pad("Ändamål", ru_widths[3]);
	printf("Insats\n");
	for (row = 0; row < *n; row++) {
		for (col = 0; col < 4; col++) {
			v = PQgetvalue(res, row, col);
			for (i = 0; col == 2 && i < sizeof ru_actions /
			    sizeof ru_actions[0]; i++) {
				if (strcmp(ru_actions[i].action, v) == 0)
					v = ru_actions[i].ord;
			}
			ru_pad(v, ru_widths[col]);
		}
		printf("%s\n", PQgetvalue(res, row, 4));
	}
	/* Who the users are, once each. */
	printf("\nAnvändare:\n");
	for (row = 0; row < *n; row++) {
		for (col = 0; col < row; col++) {
			if (strcmp(PQgetvalue(res, col, 1),
			    PQgetvalue(res, row, 1)) == 0)
				break;
		}
		if (col < row)
			continue;
		if (*PQgetvalue(res, row, 5) != '\0')
			printf("  %s: %s\n", PQgetvalue(res, row, 1),
			    PQgetvalue(res, row, 5));
		else
			printf("  %s: körning av susd på servern\n",
			    PQgetvalue(res, row, 1));
	}
	PQclear(res);
	return 0;
}

/* susd registerutdrag: one personnummer on stdin, the extract on stdout. */
int
admin_registerutdrag(int argc, char **argv)
{
	struct oper	 o;
	struct pnr	 p;
	PGresult	*res;
	char		 line[OPER_LINE_MAX], shown[16];
	const char	*params[2];
	int		 r, e, found = 0, ndelt = 0, narende = 0, nhist = 0;

	memset(&o, 0, sizeof o);
	if (argc != 1) {
		fprintf(stderr, "usage: susd registerutdrag < personnummer\n"
		    "susd: registerutdrag läser personnumret från standard in, "
		    "aldrig från kommandoraden\n");
		return SUS_ERR_INVALID;
	}
	if (isatty(STDIN_FILENO))
		fprintf(stderr, "Personnummer: ");
	if (oper_read_line(stdin, line, sizeof line) != 1) {
		fprintf(stderr, "susd: registerutdrag: inget personnummer på "
		    "standard in\n");
		return SUS_ERR_INVALID;
	}
	e = pnr_parse(line, 0, &p);
	explicit_bzero(line, sizeof line);
	if (e != PNR_OK) {
		fprintf(stderr, "susd: registerutdrag: %s\n", pnr_strerror(e));
		return SUS_ERR_INVALID;
	}
	if ((r = oper_begin(&o, "registerutdrag", 1)) != 0)
		goto out;
	r = SUS_ERR_SYSTEM;
	params[0] = p.norm;
	params[1] = o.utford_av;
	if (oper_cmd(&o, "INSERT INTO audit_person (action, purpose, pnr_hash,"
	    " person_id) SELECT 'utdrag', 'susd registerutdrag', pnr_hash($1),"
	    " (SELECT id FROM person WHERE personnummer = $1)", 1,
	    params) != 0)
		goto out;
	if ((res = oper_exec(&o, "SELECT to_char(now(), 'YYYY-MM-DD HH24:MI')",
	    0, NULL)) == NULL)
		goto out;
	pnr_format(&p, shown, sizeof shown);
	printf("REGISTERUTDRAG ur sus (artikel 15 i dataskyddsförordningen)\n"
	    "Personnummer: %s\nUtfärdat: %s av %s\n", shown,
	    PQgetvalue(res, 0, 0), o.utford_av);
	PQclear(res);
	if (ru_person(&o, p.norm, &found) != 0 ||
	    ru_tied(&o, p.norm, &ru_deltaganden, &ndelt) != 0 ||
	    ru_tied(&o, p.norm, &ru_arenden, &narende) != 0 ||
	    ru_history(&o, p.norm, &nhist) != 0 || oper_end(&o, 0) != 0)
		goto out;
	printf("\nDetta utdrag har registrerats i åtkomsthistoriken.\n");
	log_info("registerutdrag: %s, %d participations, %d Af/FK ärenden, "
	    "%d accesses", found ? "person known" : "person unknown", ndelt,
	    narende, nhist);
	r = 0;
out:
	explicit_bzero(&p, sizeof p);
	explicit_bzero(shown, sizeof shown);
	if (r != 0)
		fprintf(stderr, "susd: registerutdrag: inget utdrag gjordes\n");
	oper_close(&o);
	return r;
}
