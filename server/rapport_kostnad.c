/*
 * Kostnadsrapport (domain.md 6.3, issue 9): money per budget year,
 * ar_from to ar_tom, at level riket, län or samverkansorganisation, for
 * FINSAM and Tvåpartsfinsam. Four rapporttyper:
 *
 *	medel		Medelstillgångar: finance lines by the finansiär's
 *			organisationstyp (stat, kommuner, landsting,
 *			samordningsförbund, ESF, övriga) and Eget kapital;
 *			detaljerad lists each organisation under its group.
 *	insatskostnad	Insatskostnad and ESF Insatskostnad per
 *			samverkansorganisation (insats_budgetpost).
 *	admin		Administrativa kostnader per samverkansorganisation;
 *			detaljerad adds a row per kostnadstyp.
 *	sammanstallning	Medelstillgångar − administrativa kostnader −
 *			insatskostnader = kvar.
 *
 * Every figure is kronor (RAPPORT_K_BELOPP, never hidden): budget, and
 * utfall as registered (a line without utfall adds nothing). A unit is
 * listed when one of its organisations has any budget line in the
 * years. Each SQL returns the finished rows in order: unit, row name,
 * sum flag, then the figures; this file only copies them out.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"
#include "rapport.h"
#include "susd.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/*
 * The organisations counted, with the unit label of the level ($20, set
 * below) and only those with data in the years $10..$11; $3 and $4 are
 * the engine's län and samverkansorganisation filters.
 */
#define KOSTNAD_ORG							\
	"org AS (SELECT s.id, s.namn, %s AS enhet"			\
	" FROM samverkansorg s JOIN samverkansform sf"			\
	" ON sf.id = s.samverkansform_id"				\
	" WHERE sf.kod IN ('FINSAM', 'TVAPARTSFINSAM')"			\
	" AND ($3::text = '' OR samorg_lan(s.id) = $3::text)"		\
	" AND ($4::integer = 0 OR s.id = $4::integer)"			\
	" AND (EXISTS (SELECT 1 FROM samorg_finansiering x"		\
	" WHERE x.samverkansorg_id = s.id"				\
	" AND x.ar BETWEEN $10::integer AND $11::integer)"		\
	" OR EXISTS (SELECT 1 FROM samorg_admkostnad x"			\
	" WHERE x.samverkansorg_id = s.id"				\
	" AND x.ar BETWEEN $10::integer AND $11::integer)"		\
	" OR EXISTS (SELECT 1 FROM insats_budgetpost x"			\
	" JOIN insats xi ON xi.id = x.insats_id"			\
	" WHERE xi.samverkansorg_id = s.id"				\
	" AND x.ar BETWEEN $10::integer AND $11::integer))),"		\
	" enh AS (SELECT DISTINCT enhet FROM org)"

/* Finance lines of the years with their group (g, as in the table). */
#define KOSTNAD_FIN							\
	" grp (g, kod, titel) AS (VALUES (1, 'STAT', 'Stat'),"		\
	" (2, 'KOMMUN', 'Kommuner'), (3, 'REGION', 'Landsting/regioner'),"\
	" (4, 'SAMORDNINGSFORBUND', 'Samordningsförbund'),"		\
	" (5, 'ESF', 'ESF-medel'), (6, 'OVRIGA', 'Övriga'),"		\
	" (7, 'EGET', 'Eget kapital')),"				\
	" fin AS (SELECT o.enhet, CASE WHEN f.eget_kapital THEN 7"	\
	" ELSE coalesce(g.g, 6) END AS g, og.namn AS orgnamn,"		\
	" f.belopp, coalesce(f.utfall, 0) AS utfall"			\
	" FROM org o JOIN samorg_finansiering f"			\
	" ON f.samverkansorg_id = o.id"					\
	" LEFT JOIN organisation og ON og.id = f.organisation_id"	\
	" LEFT JOIN kod k ON k.lista = 'organisationstyp'"		\
	" AND k.namn = og.organisationstyp"				\
	" LEFT JOIN grp g ON g.kod = k.kod"				\
	" WHERE f.ar BETWEEN $10::integer AND $11::integer)"

#define KOSTNAD_ADM							\
	" adm AS (SELECT o.id, o.enhet, o.namn, k.namn AS typ,"	\
	" k.ordning, a.budget, coalesce(a.utfall, 0) AS utfall"		\
	" FROM org o JOIN samorg_admkostnad a"				\
	" ON a.samverkansorg_id = o.id"					\
	" JOIN kod k ON k.id = a.kostnadstyp_id"			\
	" WHERE a.ar BETWEEN $10::integer AND $11::integer)"

#define KOSTNAD_INS							\
	" ins AS (SELECT o.id, o.enhet, o.namn, k.kod AS typ, b.budget,"\
	" coalesce(b.utfall, 0) AS utfall"				\
	" FROM org o JOIN insats i ON i.samverkansorg_id = o.id"	\
	" JOIN insats_budgetpost b ON b.insats_id = i.id"		\
	" JOIN kod k ON k.id = b.budgettyp_id"				\
	" WHERE b.ar BETWEEN $10::integer AND $11::integer)"

/*
 * Medelstillgångar: every group per unit (zeros too); with detaljerad
 * ($12) the group is a sum row over its organisations' rows; last the
 * unit's total.
 */
static const char kostnad_medel_sql[] =
    "WITH " KOSTNAD_ORG "," KOSTNAD_FIN ","
    " rad AS (SELECT e.enhet, g.g, 0 AS n, g.titel AS namn,"
    " CASE WHEN $12::text = 'detaljerad' THEN 1 ELSE 0 END AS summa,"
    " coalesce(sum(f.belopp), 0) AS budget,"
    " coalesce(sum(f.utfall), 0) AS utfall"
    " FROM enh e CROSS JOIN grp g"
    " LEFT JOIN fin f ON f.enhet = e.enhet AND f.g = g.g"
    " GROUP BY e.enhet, g.g, g.titel"
    " UNION ALL SELECT f.enhet, f.g, 1, f.orgnamn, 0, sum(f.belopp),"
    " sum(f.utfall) FROM fin f WHERE $12::text = 'detaljerad'"
    " AND f.g <> 7 AND f.orgnamn IS NOT NULL"
    " GROUP BY f.enhet, f.g, f.orgnamn"
    " UNION ALL SELECT e.enhet, 99, 0, 'Summa medelstillgångar', 1,"
    " coalesce(sum(f.belopp), 0), coalesce(sum(f.utfall), 0)"
    " FROM enh e LEFT JOIN fin f ON f.enhet = e.enhet GROUP BY e.enhet)"
    " SELECT enhet, namn, summa, budget, utfall FROM rad"
    " ORDER BY enhet COLLATE \"sv-SE-x-icu\", g, n,"
    " namn COLLATE \"sv-SE-x-icu\"";

/*
 * Insatskostnader per organisation: the two budgettyper and their sum;
 * a sum row per unit unless the unit is the organisation ($12 = '0').
 */
static const char kostnad_insats_sql[] =
    "WITH " KOSTNAD_ORG "," KOSTNAD_INS ","
    " per AS (SELECT o.enhet, o.namn,"
    " coalesce(sum(i.budget) FILTER (WHERE i.typ = 'INSATS'), 0) AS ib,"
    " coalesce(sum(i.utfall) FILTER (WHERE i.typ = 'INSATS'), 0) AS iu,"
    " coalesce(sum(i.budget) FILTER (WHERE i.typ = 'ESF'), 0) AS eb,"
    " coalesce(sum(i.utfall) FILTER (WHERE i.typ = 'ESF'), 0) AS eu"
    " FROM org o LEFT JOIN ins i ON i.id = o.id GROUP BY o.enhet, o.namn),"
    " rad AS (SELECT enhet, 0 AS n, namn, 0 AS summa, ib, iu, eb, eu"
    " FROM per UNION ALL SELECT enhet, 1, 'Summa', 1, sum(ib), sum(iu),"
    " sum(eb), sum(eu) FROM per WHERE $12::text = '1' GROUP BY enhet)"
    " SELECT enhet, namn, summa, ib, iu, eb, eu, ib + eb, iu + eu"
    " FROM rad ORDER BY enhet COLLATE \"sv-SE-x-icu\", n,"
    " namn COLLATE \"sv-SE-x-icu\"";

/*
 * Administrativa kostnader per organisation; detaljerad ($13) makes the
 * organisation a sum row over a row per kostnadstyp; a sum row per unit
 * unless the unit is the organisation ($12 = '0').
 */
static const char kostnad_admin_sql[] =
    "WITH " KOSTNAD_ORG "," KOSTNAD_ADM ","
    " rad AS (SELECT o.enhet, o.namn AS org, 0 AS n, 0 AS ord,"
    " o.namn, CASE WHEN $13::text = 'detaljerad' THEN 1 ELSE 0 END"
    " AS summa, coalesce(sum(a.budget), 0) AS budget,"
    " coalesce(sum(a.utfall), 0) AS utfall"
    " FROM org o LEFT JOIN adm a ON a.id = o.id"
    " GROUP BY o.enhet, o.namn"
    " UNION ALL SELECT a.enhet, a.namn, 0, a.ordning, a.typ, 0,"
    " sum(a.budget), sum(a.utfall) FROM adm a"
    " WHERE $13::text = 'detaljerad'"
    " GROUP BY a.enhet, a.namn, a.ordning, a.typ"
    " UNION ALL SELECT o.enhet, NULL, 1, 0, 'Summa', 1,"
    " coalesce(sum(a.budget), 0), coalesce(sum(a.utfall), 0)"
    " FROM org o LEFT JOIN adm a ON a.id = o.id WHERE $12::text = '1'"
    " GROUP BY o.enhet)"
    " SELECT enhet, namn, summa, budget, utfall FROM rad"
    " ORDER BY enhet COLLATE \"sv-SE-x-icu\", n,"
    " org COLLATE \"sv-SE-x-icu\", ord";

/* Sammanställning per unit: funds, the two costs and what remains. */
static const char kostnad_samman_sql[] =
    "WITH " KOSTNAD_ORG "," KOSTNAD_FIN "," KOSTNAD_ADM ","
    KOSTNAD_INS ","
    " m AS (SELECT e.enhet,"
    " (SELECT coalesce(sum(belopp), 0) FROM fin f WHERE f.enhet = e.enhet)"
    " AS mb, (SELECT coalesce(sum(utfall), 0) FROM fin f"
    " WHERE f.enhet = e.enhet) AS mu,"
    " (SELECT coalesce(sum(budget), 0) FROM adm a WHERE a.enhet = e.enhet)"
    " AS ab, (SELECT coalesce(sum(utfall), 0) FROM adm a"
    " WHERE a.enhet = e.enhet) AS au,"
    " (SELECT coalesce(sum(budget), 0) FROM ins i WHERE i.enhet = e.enhet)"
    " AS ib, (SELECT coalesce(sum(utfall), 0) FROM ins i"
    " WHERE i.enhet = e.enhet) AS iu FROM enh e)"
    " SELECT enhet, v.namn, v.summa, v.b, v.u FROM m CROSS JOIN LATERAL"
    " (VALUES (1, 'Medelstillgångar', 0, mb, mu),"
    " (2, 'Administrativa kostnader', 0, ab, au),"
    " (3, 'Insatskostnader', 0, ib, iu),"
    " (4, 'Kvar (medel − kostnader)', 1, mb - ab - ib, mu - au - iu))"
    " AS v(ord, namn, summa, b, u)"
    " ORDER BY enhet COLLATE \"sv-SE-x-icu\", v.ord";

/* The unit label of a level over samverkansorg s. */
static const char *
kostnad_enhet(enum rapport_niva niva)
{
	switch (niva) {
	case NIVA_LAN:
		return "coalesce((SELECT l.namn FROM lan l"
		    " WHERE l.lanskod = samorg_lan(s.id)), 'Okänt län')";
	case NIVA_SAMORG:
		return "s.namn";
	default:
		return "'Riket'";
	}
}

/*
 * Runs one of the queries above (its %s the unit label) with nextra
 * parameters of: the years, p12 and p13 (PostgreSQL must see each one
 * used), and copies the rows out: unit, name, sum flag and ncell
 * amounts after the first column.
 */
static int
kostnad_run(struct rapport_ctx *c, const char *fmt, int nextra,
    const char *p12, const char *p13, const char *const *kol, size_t ncell)
{
	char		 ar_from[16], ar_tom[16], *sql = NULL;
	const char	*extra[4];
	PGresult	*res;
	size_t		 i;
	int		 r, n, len;

	len = snprintf(NULL, 0, fmt, kostnad_enhet(c->u.niva));
	if (len < 0 || (sql = malloc((size_t)len + 1)) == NULL)
		return session_refuse(c->s, c->id, ERR_INTERNAL,
		    "Rapporten kunde inte tas fram.");
	snprintf(sql, (size_t)len + 1, fmt, kostnad_enhet(c->u.niva));
	snprintf(ar_from, sizeof ar_from, "%d", c->u.ar_from);
	snprintf(ar_tom, sizeof ar_tom, "%d", c->u.ar_tom);
	extra[0] = ar_from;
	extra[1] = ar_tom;
	extra[2] = p12;
	extra[3] = p13;
	res = rapport_query(c, sql, nextra, extra);
	free(sql);
	if (res == NULL)
		return REQ_ROLLBACK;

	if (rapport_kol(c, "", RAPPORT_K_TEXT, 0) < 0)
		goto fail;
	for (i = 0; i < ncell; i++) {
		if (rapport_kol(c, kol[i], RAPPORT_K_BELOPP, 0) < 0)
			goto fail;
	}
	rapport_diagram(c, 1);
	n = PQntuples(res);
	for (r = 0; r < n; r++) {
		if (rapport_rad(c, PQgetvalue(res, r, 0), PQgetvalue(res, r, 1),
		    PQgetvalue(res, r, 2)[0] == '1') < 0)
			goto fail;
		for (i = 0; i < ncell; i++)
			rapport_cell(c, strtoll(PQgetvalue(res, r,
			    (int)i + 3), NULL, 10));
	}
	PQclear(res);
	if (c->u.ar_from != c->u.ar_tom)
		rapport_fotnot(c, "Beloppen är summor över budgetåren %d–%d.",
		    c->u.ar_from, c->u.ar_tom);
	rapport_fotnot(c, "Utfall räknas där det är registrerat; en post "
	    "utan utfall bidrar med 0 kr.");
	return 0;
fail:
	PQclear(res);
	return session_refuse(c->s, c->id, ERR_INTERNAL,
	    "Rapporten blev för stor.");
}

static const char *const kostnad_kol_bu[] = { "Budget (kr)", "Utfall (kr)" };

static int
kostnad_medel(struct rapport_ctx *c)
{
	return kostnad_run(c, kostnad_medel_sql, 3, rapport_arg(c, "detalj"),
	    "", kostnad_kol_bu, NELEM(kostnad_kol_bu));
}

static int
kostnad_insats(struct rapport_ctx *c)
{
	static const char *const kol[] = { "Insatskostnad budget (kr)",
	    "Insatskostnad utfall (kr)", "ESF Insatskostnad budget (kr)",
	    "ESF Insatskostnad utfall (kr)", "Summa budget (kr)",
	    "Summa utfall (kr)" };

	return kostnad_run(c, kostnad_insats_sql, 3,
	    c->u.niva == NIVA_SAMORG ? "0" : "1", "", kol, NELEM(kol));
}

static int
kostnad_admin(struct rapport_ctx *c)
{
	return kostnad_run(c, kostnad_admin_sql, 4,
	    c->u.niva == NIVA_SAMORG ? "0" : "1", rapport_arg(c, "detalj"),
	    kostnad_kol_bu, NELEM(kostnad_kol_bu));
}

static int
kostnad_samman(struct rapport_ctx *c)
{
	return kostnad_run(c, kostnad_samman_sql, 2, "", "", kostnad_kol_bu,
	    NELEM(kostnad_kol_bu));
}

const struct rapport_typ rapport_kostnad_typer[] = {
	{ "medel", "Medelstillgångar", "Finansiering per finansiärsgrupp "
	    "(stat, kommuner, landsting, samordningsförbund, ESF-medel, "
	    "övriga) och eget kapital, budget och utfall.", kostnad_medel },
	{ "insatskostnad", "Insatskostnader", "Insatskostnad och ESF "
	    "Insatskostnad per samverkansorganisation, budget och utfall.",
	    kostnad_insats },
	{ "admin", "Administrativa kostnader", "Administrativa kostnader "
	    "per samverkansorganisation, budget och utfall.", kostnad_admin },
	{ "sammanstallning", "Sammanställning", "Medelstillgångar minus "
	    "administrativa kostnader och insatskostnader.", kostnad_samman },
};
const size_t rapport_kostnad_ntyper = NELEM(rapport_kostnad_typer);

static const struct rapport_val_row kostnad_detalj_val[] = {
	{ (char *)"summerad", (char *)"Summerad" },
	{ (char *)"detaljerad", (char *)"Detaljerad" },
};

const struct rapport_param rapport_kostnad_param[] = {
	{ "ar_from", "Budgetår från", RAPPORT_P_AR, "", 0, 1, "", "ar",
	    NULL, 0 },
	{ "ar_tom", "Budgetår till", RAPPORT_P_AR, "", 0, 1, "", "ar",
	    NULL, 0 },
	/* riket, län and samverkansorganisation: the first three. */
	{ "niva", "Nivå", RAPPORT_P_VAL, "", 0, 1, "", "riket",
	    rapport_niva_val, 3 },
	{ "detalj", "Rapportnivå", RAPPORT_P_VAL, "", 0, 1, "medel,admin",
	    "summerad", kostnad_detalj_val, NELEM(kostnad_detalj_val) },
	{ "lan", "Län", RAPPORT_P_LAN, "", 1, 0, "", "", NULL, 0 },
	{ "samorg", "Samverkansorganisation", RAPPORT_P_SAMORG, "", 1, 0, "",
	    "", NULL, 0 },
};
const size_t rapport_kostnad_nparam = NELEM(rapport_kostnad_param);
