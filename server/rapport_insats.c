/*
 * Insatsrapport (domain.md 6.1, issue 9): one row per insats running in
 * the period, under the unit of the chosen level, with its planned
 * participants, its participants registered with personnummer (in the
 * period, new, ended, ongoing at the end), its anonymous participants
 * (counted in their registration year only: the years the period
 * touches), its volume counts (the months the period touches; summed
 * months, so contacts rather than persons), its insats costs for the
 * year of the period's end, and its deltagaransvariga now. Each unit
 * ends with a sum row (but at level insats, where the unit is the row).
 * The only report covering anonymous participants and volyminsatser.
 * Filters: inriktning, målgrupp, kön (persons, anonymous and volume
 * counts of that kön), åldersgrupp (persons only: anonymous and volume
 * counts have no age, so they are left empty).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"
#include "rapport.h"
#include "susd.h"
#include "xmalloc.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/* The columns after the first, in order; the query gives them likewise. */
static const struct {
	const char	*titel;
	int		 slag;
	int		 alder;		/* has an age (else empty with one) */
} insats_kol[] = {
	{ "Planerat antal deltagare", RAPPORT_K_TAL, 1 },
	{ "Deltagare under perioden", RAPPORT_K_ANTAL, 1 },
	{ "Nya under perioden", RAPPORT_K_ANTAL, 1 },
	{ "Avslutade under perioden", RAPPORT_K_ANTAL, 1 },
	{ "Pågående vid periodens slut", RAPPORT_K_ANTAL, 1 },
	{ "Anonyma kvinnor", RAPPORT_K_ANTAL, 0 },
	{ "Anonyma män", RAPPORT_K_ANTAL, 0 },
	{ "Volym kvinnor (summa av månader)", RAPPORT_K_TAL, 0 },
	{ "Volym män (summa av månader)", RAPPORT_K_TAL, 0 },
	{ "Volym okänt kön (summa av månader)", RAPPORT_K_TAL, 0 },
	{ "Budget insatskostnad (kr)", RAPPORT_K_BELOPP, 1 },
	{ "Utfall insatskostnad (kr)", RAPPORT_K_BELOPP, 1 },
	{ "Deltagaransvariga", RAPPORT_K_TAL, 1 },
};

/* The column the chart shows first: participants in the period. */
#define INSATS_DIAGRAM_KOL	2

/*
 * %s: the unit of the level (rapport_niva_sql()), the row's name, and
 * the scope condition (rapport_scope_sql()). $10 inriktning, $11
 * målgrupp ('' = all). Insatser of Af/FK-samarbetet are offices, not
 * insatser, and stay out.
 */
static const char insats_sql_fmt[] =
	"WITH ins AS (SELECT i.id, %s AS grupp, %s AS namn"
	" FROM insats i JOIN samverkansorg s ON s.id = i.samverkansorg_id"
	" JOIN samverkansform f ON f.id = s.samverkansform_id"
	" WHERE f.kod <> 'AFFK' AND %s"
	" AND i.startdatum <= $2::date"
	" AND (i.slutdatum IS NULL OR i.slutdatum >= $1::date)"
	" AND ($10::text = '' OR kod_kod(i.inriktning_id) = $10::text)"
	" AND ($11::text = '' OR EXISTS (SELECT 1 FROM insats_malgrupp m"
	" WHERE m.insats_id = i.id AND kod_kod(m.malgrupp_id) = $11::text))),"
	" d AS (SELECT d.insats_id,"
	" count(*) AS under,"
	" count(*) FILTER (WHERE d.startdatum >= $1::date) AS nya,"
	" count(*) FILTER (WHERE d.slutdatum <= $2::date) AS avslutade,"
	" count(*) FILTER (WHERE d.slutdatum IS NULL OR d.slutdatum > $2::date)"
	" AS pagaende"
	" FROM deltagande_statistik d JOIN ins ON ins.id = d.insats_id"
	" WHERE d.startdatum <= $2::date"
	" AND (d.slutdatum IS NULL OR d.slutdatum >= $1::date)"
	" AND ($6::text = '' OR d.kon = $6::text)"
	" AND (($7::integer = 0 AND $8::integer = 200) OR"
	" $9::integer - d.fodelsear BETWEEN $7::integer AND $8::integer)"
	" GROUP BY d.insats_id),"
	" a AS (SELECT a.insats_id,"
	" coalesce(sum(a.antal) FILTER (WHERE kod_kod(a.kon_id) = 'K'), 0)"
	" AS kvinnor,"
	" coalesce(sum(a.antal) FILTER (WHERE kod_kod(a.kon_id) = 'M'), 0)"
	" AS man"
	" FROM anonym_deltagande a JOIN ins ON ins.id = a.insats_id"
	" WHERE a.ar BETWEEN extract(year FROM $1::date)"
	" AND extract(year FROM $2::date)"
	" GROUP BY a.insats_id),"
	" v AS (SELECT v.insats_id, sum(v.kvinnor) AS kvinnor,"
	" sum(v.man) AS man, sum(v.okant) AS okant"
	" FROM volym_antal v JOIN ins ON ins.id = v.insats_id"
	" WHERE v.ersatt IS NULL AND v.period <= $2::date"
	" AND (v.period + interval '1 month')::date > $1::date"
	" GROUP BY v.insats_id),"
	" b AS (SELECT b.insats_id, sum(b.budget) AS budget,"
	" sum(b.utfall) AS utfall"
	" FROM insats_budgetpost b JOIN ins ON ins.id = b.insats_id"
	" WHERE b.ar = $9::integer GROUP BY b.insats_id),"
	" u AS (SELECT u.insats_id, count(DISTINCT u.anvandare_id) AS antal"
	" FROM uppdrag u JOIN ins ON ins.id = u.insats_id"
	" WHERE u.roll = 'deltagaransvarig' AND u.giltig_from <= current_date"
	" AND (u.giltig_tom IS NULL OR u.giltig_tom >= current_date)"
	" GROUP BY u.insats_id)"
	" SELECT ins.grupp, ins.namn,"
	" coalesce(p.planerat_antal, 0),"
	" coalesce(d.under, 0), coalesce(d.nya, 0), coalesce(d.avslutade, 0),"
	" coalesce(d.pagaende, 0),"
	" CASE WHEN $6::text = 'M' THEN 0 ELSE coalesce(a.kvinnor, 0) END,"
	" CASE WHEN $6::text = 'K' THEN 0 ELSE coalesce(a.man, 0) END,"
	" CASE WHEN $6::text = 'M' THEN 0 ELSE coalesce(v.kvinnor, 0) END,"
	" CASE WHEN $6::text = 'K' THEN 0 ELSE coalesce(v.man, 0) END,"
	" CASE WHEN $6::text <> '' THEN 0 ELSE coalesce(v.okant, 0) END,"
	" coalesce(b.budget, 0), coalesce(b.utfall, 0), coalesce(u.antal, 0)"
	" FROM ins"
	" LEFT JOIN insats_ar p ON p.insats_id = ins.id AND p.ar = $9::integer"
	" LEFT JOIN d ON d.insats_id = ins.id"
	" LEFT JOIN a ON a.insats_id = ins.id"
	" LEFT JOIN v ON v.insats_id = ins.id"
	" LEFT JOIN b ON b.insats_id = ins.id"
	" LEFT JOIN u ON u.insats_id = ins.id"
	" ORDER BY ins.grupp, ins.namn, ins.id";

/* The row name: the insats, with its organisation above that level. */
static const char *
insats_namn_sql(enum rapport_niva niva)
{
	if (niva == NIVA_SAMORG || niva == NIVA_INSATS)
		return "i.namn";
	return "(i.namn || ' (' || s.namn || ')')";
}

/* Adds group grupp's sum row from sum (not at level insats). */
static void
insats_summa(struct rapport_ctx *c, const char *grupp, const int64_t *sum,
    int utan_alder)
{
	size_t	k;

	/* At level insats the unit is the one row: nothing to sum. */
	if (c->u.niva == NIVA_INSATS)
		return;
	if (rapport_rad(c, grupp, "Summa", 1) < 0)
		return;
	for (k = 0; k < NELEM(insats_kol); k++) {
		if (utan_alder && !insats_kol[k].alder)
			rapport_cell_tom(c);
		else
			rapport_cell(c, sum[k]);
	}
}

static int
insats_alla(struct rapport_ctx *c)
{
	PGresult	*res;
	const char	*extra[2];
	char		*sql, grupp[512];
	int64_t		 sum[NELEM(insats_kol)], v;
	size_t		 k;
	int		 i, n, utan_alder;

	utan_alder = c->u.alder_min != 0 || c->u.alder_max != 200;
	rapport_kol(c, "Insats", RAPPORT_K_TEXT, 0);
	for (k = 0; k < NELEM(insats_kol); k++)
		rapport_kol(c, insats_kol[k].titel, insats_kol[k].slag, 0);
	rapport_diagram(c, INSATS_DIAGRAM_KOL);
	xasprintf(&sql, insats_sql_fmt, rapport_niva_sql(c->u.niva),
	    insats_namn_sql(c->u.niva), rapport_scope_sql());
	extra[0] = rapport_arg(c, "inriktning");
	extra[1] = rapport_arg(c, "malgrupp");
	res = rapport_query(c, sql, 2, extra);
	free(sql);
	if (res == NULL)
		return REQ_ROLLBACK;
	n = PQntuples(res);
	grupp[0] = '\0';
	memset(sum, 0, sizeof sum);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(grupp, PQgetvalue(res, i, 0)) != 0) {
			insats_summa(c, grupp, sum, utan_alder);
			memset(sum, 0, sizeof sum);
		}
		strlcpy(grupp, PQgetvalue(res, i, 0), sizeof grupp);
		if (rapport_rad(c, grupp, PQgetvalue(res, i, 1), 0) < 0)
			break;
		for (k = 0; k < NELEM(insats_kol); k++) {
			v = strtoll(PQgetvalue(res, i, 2 + (int)k), NULL, 10);
			sum[k] += v;
			if (utan_alder && !insats_kol[k].alder)
				rapport_cell_tom(c);
			else
				rapport_cell(c, v);
		}
	}
	if (n > 0)
		insats_summa(c, grupp, sum, utan_alder);
	PQclear(res);
	if (utan_alder)
		rapport_fotnot(c, "Anonyma deltagare och volyminsatser har "
		    "ingen ålder och visas inte när en åldersgrupp är vald.");
	rapport_fotnot(c, "Anonyma deltagare räknas det år de registrerades; "
	    "volymer är summan av de månader perioden berör. Planerat antal, "
	    "budget och utfall gäller %.4s.", c->u.tom);
	return 0;
}

const struct rapport_typ rapport_insats_typer[] = {
	{ "alla", "Insatser", "En rad per insats med deltagare, anonyma, "
	    "volymer, planerat antal och kostnader.", insats_alla },
};
const size_t rapport_insats_ntyper = NELEM(rapport_insats_typer);

const struct rapport_param rapport_insats_param[] = {
	{ "from", "Från och med", RAPPORT_P_DATUM, "", 0, 1, "", "arstart",
	    NULL, 0 },
	{ "tom", "Till och med", RAPPORT_P_DATUM, "", 0, 1, "", "idag",
	    NULL, 0 },
	{ "niva", "Nivå", RAPPORT_P_VAL, "", 0, 1, "", "riket",
	    rapport_niva_val, RAPPORT_NIVA_NVAL },
	{ "kon", "Kön", RAPPORT_P_VAL, "", 0, 0, "", "", rapport_kon_val,
	    RAPPORT_KON_NVAL },
	{ "alder", "Åldersgrupp", RAPPORT_P_VAL, "", 0, 0, "", "",
	    rapport_alder_val, RAPPORT_ALDER_NVAL },
	{ "lan", "Län", RAPPORT_P_LAN, "", 1, 0, "", "", NULL, 0 },
	{ "samorg", "Samverkansorganisation", RAPPORT_P_SAMORG, "", 1, 0, "",
	    "", NULL, 0 },
	{ "insats", "Insats", RAPPORT_P_INSATS, "", 1, 0, "", "", NULL, 0 },
	{ "inriktning", "Inriktning", RAPPORT_P_KOD, "inriktning", 1, 0, "",
	    "", NULL, 0 },
	{ "malgrupp", "Specifik målgrupp", RAPPORT_P_KOD, "malgrupp", 1, 0,
	    "", "", NULL, 0 },
};
const size_t rapport_insats_nparam = NELEM(rapport_insats_param);
