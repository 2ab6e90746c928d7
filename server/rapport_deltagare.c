/*
 * Deltagarrapport (domain.md 6.2): participants registered with
 * personnummer, in seven rapporttyper: försörjning before and after, the
 * försörjning after of one källa before, sysselsättning before and after
 * (those three in rapport_deltagare_tab.c, shared with the
 * Standardrapport), bakgrund of the new ones, avslutsanledning,
 * kompletterande frågor, and participants per insats. What is counted
 * is described in rapport_deltagare.h.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "proto.h"
#include "rapport.h"
#include "rapport_deltagare.h"
#include "susd.h"
#include "xmalloc.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/* The age groups of bakgrund: the lowest age of each (rd_alder_sql). */
static const struct rd_grupp rd_aldrar[] = {
	{ 0, { "0", "Under 16 år" } },
	{ 16, { "1", "16–24 år" } },
	{ 25, { "2", "25–29 år" } },
	{ 30, { "3", "30–39 år" } },
	{ 40, { "4", "40–49 år" } },
	{ 50, { "5", "50–59 år" } },
	{ 60, { "6", "60 år och äldre" } },
};

/* The variables of bakgrund: a code list, or the age groups (lista NULL). */
static const struct {
	const char	*kod;
	const char	*titel;
	const char	*lista;
	const char	*uttryck;	/* the category of participation d */
} rd_bakgrunder[] = {
	{ "utbildning", "Högsta utbildningsnivå", "utbildningsniva",
	    "d.utbildningsniva" },
	{ "alder", "Åldersgrupp", NULL,
	    "(SELECT count(*) FROM unnest($12::integer[]) g"
	    " WHERE $9::integer - d.fodelsear >= g)::text" },
	{ "tid", "Tid i offentlig försörjning före insatsen",
	    "tid_forsorjning", "d.tid_forsorjning" },
};

static const struct rapport_val_row rd_variabel_val[] = {
	{ (char *)"utbildning", (char *)"Högsta utbildningsnivå" },
	{ (char *)"alder", (char *)"Ålder" },
	{ (char *)"tid", (char *)"Tid i offentlig försörjning" },
};

/*
 * Bakgrund of the participations new in the period: highest education,
 * age group (at the end of the period) or time in public support before.
 */
static int
rd_bakgrund(struct rapport_ctx *c)
{
	struct rd_tabell	 t;
	struct rd_kat		 kat[NELEM(rd_aldrar)];
	const char		*var = rapport_arg(c, "variabel");
	char			*sql, granser[NELEM(rd_aldrar) * 8];
	const char		*p = granser;
	size_t			 b;
	int			 r;

	for (b = 0; b < NELEM(rd_bakgrunder); b++) {
		if (strcmp(rd_bakgrunder[b].kod, var) == 0)
			break;
	}
	if (b == NELEM(rd_bakgrunder))
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Välj "
		    "utbildning, ålder eller tid i offentlig försörjning.");
	rd_grupper_kon(&t, kat, rd_aldrar, NELEM(rd_aldrar), granser,
	    sizeof granser);
	t.lista = rd_bakgrunder[b].lista;
	t.summa = "Samtliga nya deltagare";
	if (rd_kol_kon(c, rd_bakgrunder[b].titel) != 0)
		return rd_fel(c);
	rapport_fotnot(c, "Deltagare som börjat under perioden, enligt "
	    "inregistreringen.%s", t.lista == NULL ? " Åldern är den som "
	    "deltagaren fyller det år perioden slutar." : "");
	xasprintf(&sql, "SELECT d.insats_id, t.kod,"
	    " count(*) FILTER (WHERE d.kon = 'K') AS v0,"
	    " count(*) FILTER (WHERE d.kon = 'M') AS v1"
	    " FROM" RD_D " CROSS JOIN LATERAL (VALUES (%s),"
	    " (NULL)) AS t(kod)"
	    " WHERE" RD_NY " AND" RD_URVAL
	    " AND $12::integer[] IS NOT NULL GROUP BY 1, 2",
	    rd_bakgrunder[b].uttryck);
	r = rd_tabell(c, &t, sql, 1, &p);
	free(sql);
	return r;
}

/* Avslutsanledning of the participations ended in the period. */
static int
rd_avslut(struct rapport_ctx *c)
{
	static const struct rd_tabell t = { "avslutsanledning",
	    "FELREGISTRERING", NULL, 0, "Samtliga avslutade deltagare", 2,
	    rd_celler_kon };

	if (rd_kol_kon(c, "Avslutsanledning") != 0)
		return rd_fel(c);
	rapport_fotnot(c, "Deltagare som avslutats under perioden. "
	    "Felregistreringar räknas inte.");
	return rd_tabell(c, &t,
	    "SELECT d.insats_id, t.kod,"
	    " count(*) FILTER (WHERE d.kon = 'K') AS v0,"
	    " count(*) FILTER (WHERE d.kon = 'M') AS v1"
	    " FROM" RD_D " CROSS JOIN LATERAL (VALUES"
	    " (d.avslutsanledning), (NULL)) AS t(kod)"
	    " WHERE" RD_AVSLUTAD " AND" RD_URVAL " GROUP BY 1, 2", 0, NULL);
}

/*
 * Kompletterande frågor: per question answered at an occasion in the
 * period (an inregistrering of a new participation, an utregistrering of
 * an ended one), how many participations gave each answer. A yes/no or
 * single-choice question has no row of its own: its answers sum to it,
 * and a shown sum would give a hidden answer away. A multiple-choice
 * or number question has one, with how many answered it at all.
 */
static int
rd_fragor(struct rapport_ctx *c)
{
	PGresult	*res = NULL;
	char		*sql = NULL, namn[600];
	int		 r, rows, ret = REQ_ROLLBACK;

	if (rapport_kol(c, "Fråga och svar", RAPPORT_K_TEXT, 0) < 0 ||
	    rapport_kol(c, "Antal deltaganden", RAPPORT_K_ANTAL, 0) < 0)
		return rd_fel(c);
	rapport_diagram(c, 1);
	rapport_fotnot(c, "Deltaganden med svar vid inregistrering under "
	    "perioden eller utregistrering under perioden. Vid flerval räknas "
	    "deltagandet under varje alternativ det valt.");
	xasprintf(&sql, "WITH x AS (SELECT %s AS grupp, fs.fraga_id,"
	    " fs.deltagande_id, CASE WHEN fs.alternativ_id IS NOT NULL"
	    " THEN fs.alternativ_id::text WHEN fs.ja THEN 'ja'"
	    " WHEN NOT fs.ja THEN 'nej' END AS svar"
	    " FROM fraga_svar fs"
	    " JOIN" RD_D " ON d.id = fs.deltagande_id"
	    " JOIN insats i ON i.id = d.insats_id"
	    " JOIN samverkansorg s ON s.id = i.samverkansorg_id"
	    " WHERE CASE fs.tillfalle WHEN 'in' THEN" RD_NY " ELSE"
	    RD_AVSLUTAD " END AND" RD_URVAL " AND %s" RD_INSATS "),"
	    " n AS (SELECT grupp, fraga_id, svar,"
	    " count(DISTINCT deltagande_id) AS antal FROM x"
	    " WHERE svar IS NOT NULL GROUP BY 1, 2, 3"
	    " UNION ALL SELECT grupp, fraga_id, NULL,"
	    " count(DISTINCT deltagande_id) FROM x GROUP BY 1, 2),"
	    " q AS (SELECT DISTINCT grupp, fraga_id FROM n),"
	    " a AS (SELECT f.id AS fraga_id, NULL::text AS svar,"
	    " NULL::text AS text, 0 AS ordning FROM fraga f"
	    " WHERE f.svarstyp IN ('flerval', 'heltal')"
	    " AND f.id IN (SELECT fraga_id FROM q)"
	    " UNION ALL SELECT f.id, v.svar, v.text, v.ordning FROM fraga f"
	    " CROSS JOIN (VALUES ('ja', 'Ja', 1), ('nej', 'Nej', 2))"
	    " AS v(svar, text, ordning) WHERE f.svarstyp = 'janej'"
	    " AND f.id IN (SELECT fraga_id FROM q)"
	    " UNION ALL SELECT o.fraga_id, o.id::text, o.text, o.ordning + 1"
	    " FROM fraga_alternativ o WHERE o.fraga_id IN"
	    " (SELECT fraga_id FROM q))"
	    " SELECT q.grupp, f.namn, a.text, coalesce(n.antal, 0)"
	    " FROM q JOIN fraga f ON f.id = q.fraga_id"
	    " JOIN samverkansorg fo ON fo.id = f.samverkansorg_id"
	    " JOIN a ON a.fraga_id = q.fraga_id"
	    " LEFT JOIN n ON n.grupp = q.grupp AND n.fraga_id = q.fraga_id"
	    " AND n.svar IS NOT DISTINCT FROM a.svar"
	    " ORDER BY q.grupp, fo.namn, f.ordning, f.id, a.ordning, a.text",
	    rapport_niva_sql(c->u.niva), rapport_scope_sql());
	if ((res = rd_query(c, sql, 0, NULL)) == NULL)
		goto out;
	rows = PQntuples(res);
	for (r = 0; r < rows; r++) {
		if (PQgetisnull(res, r, 2))
			snprintf(namn, sizeof namn, "%s",
			    PQgetvalue(res, r, 1));
		else
			snprintf(namn, sizeof namn, "%s – %s",
			    PQgetvalue(res, r, 1), PQgetvalue(res, r, 2));
		if (rapport_rad(c, PQgetvalue(res, r, 0), namn, 0) < 0)
			break;
		rapport_cell(c, strtoll(PQgetvalue(res, r, 3), NULL, 10));
	}
	if (rows == 0)
		rapport_fotnot(c, "Inga svar på kompletterande frågor i "
		    "urvalet.");
	ret = 0;
out:
	free(sql);
	PQclear(res);
	return ret;
}

/* The columns of per_insats: kvinnor, män, totalt for each count. */
static const struct {
	const char	*titel;
} rd_insats_kol[] = {
	{ "Nya kvinnor" }, { "Nya män" }, { "Nya totalt" },
	{ "Avslutade kvinnor" }, { "Avslutade män" }, { "Avslutade totalt" },
	{ "Pågående kvinnor" }, { "Pågående män" }, { "Pågående totalt" },
};

/* Adds the sum row of a unit of per_insats. */
static void
rd_insats_summa(struct rapport_ctx *c, const char *grupp, const int64_t *sum)
{
	size_t	k;

	if (rapport_rad(c, grupp, "Samtliga insatser", 1) < 0)
		return;
	for (k = 0; k < NELEM(rd_insats_kol); k++)
		rapport_cell(c, sum[k]);
}

/*
 * Participants per insats: new, ended and ongoing at the end of the
 * period, by kön, for every insats with participants in the period.
 */
static int
rd_per_insats(struct rapport_ctx *c)
{
	PGresult	*res = NULL;
	char		*sql = NULL, namn[600], *grupp = NULL;
	int64_t		 v[NELEM(rd_insats_kol)], sum[NELEM(rd_insats_kol)];
	size_t		 k;
	int		 r, rows, ret = REQ_ROLLBACK;

	if (rapport_kol(c, "Insats", RAPPORT_K_TEXT, 0) < 0)
		return rd_fel(c);
	for (k = 0; k < NELEM(rd_insats_kol); k++) {
		if (rapport_kol(c, rd_insats_kol[k].titel, RAPPORT_K_ANTAL,
		    0) < 0)
			return rd_fel(c);
	}
	for (k = 0; k < NELEM(rd_insats_kol); k += 3)
		rapport_kol_summa(c, (uint32_t)k + 3, (uint32_t)k + 1,
		    (uint32_t)k + 2);
	rapport_diagram(c, 3);
	rapport_fotnot(c, "Nya: började under perioden. Avslutade: slutade "
	    "under perioden. Pågående: deltar vid periodens slut. "
	    "Felregistreringar räknas inte.");
	xasprintf(&sql, "WITH x AS (SELECT d.insats_id,"
	    " count(*) FILTER (WHERE" RD_NY " AND d.kon = 'K') AS v0,"
	    " count(*) FILTER (WHERE" RD_NY " AND d.kon = 'M') AS v1,"
	    " count(*) FILTER (WHERE" RD_AVSLUTAD " AND d.kon = 'K') AS v2,"
	    " count(*) FILTER (WHERE" RD_AVSLUTAD " AND d.kon = 'M') AS v3,"
	    " count(*) FILTER (WHERE (d.slutdatum IS NULL"
	    " OR d.slutdatum > $2::date) AND d.kon = 'K') AS v4,"
	    " count(*) FILTER (WHERE (d.slutdatum IS NULL"
	    " OR d.slutdatum > $2::date) AND d.kon = 'M') AS v5"
	    " FROM" RD_D " WHERE" RD_I_PERIODEN " AND" RD_URVAL
	    " GROUP BY 1)"
	    " SELECT %s AS grupp, i.namn, s.namn, sum(x.v0)::bigint,"
	    " sum(x.v1)::bigint, sum(x.v2)::bigint, sum(x.v3)::bigint,"
	    " sum(x.v4)::bigint, sum(x.v5)::bigint"
	    " FROM x JOIN insats i ON i.id = x.insats_id"
	    " JOIN samverkansorg s ON s.id = i.samverkansorg_id"
	    " WHERE %s" RD_INSATS
	    " GROUP BY 1, i.id, i.namn, s.namn ORDER BY 1, i.namn, s.namn, i.id",
	    rapport_niva_sql(c->u.niva), rapport_scope_sql());
	if ((res = rd_query(c, sql, 0, NULL)) == NULL)
		goto out;
	memset(sum, 0, sizeof sum);
	rows = PQntuples(res);
	for (r = 0; r < rows; r++) {
		if (grupp != NULL && strcmp(grupp, PQgetvalue(res, r, 0)) != 0) {
			rd_insats_summa(c, grupp, sum);
			memset(sum, 0, sizeof sum);
			free(grupp);
			grupp = NULL;
		}
		if (grupp == NULL)
			grupp = xstrdup(PQgetvalue(res, r, 0));
		/* Below the organisation its name says nothing new. */
		if (c->u.niva == NIVA_RIKET || c->u.niva == NIVA_LAN)
			snprintf(namn, sizeof namn, "%s (%s)",
			    PQgetvalue(res, r, 1), PQgetvalue(res, r, 2));
		else
			snprintf(namn, sizeof namn, "%s", PQgetvalue(res, r, 1));
		for (k = 0; k < 3; k++) {
			v[3 * k] = strtoll(PQgetvalue(res, r, 3 + 2 * (int)k),
			    NULL, 10);
			v[3 * k + 1] = strtoll(PQgetvalue(res, r,
			    4 + 2 * (int)k), NULL, 10);
			v[3 * k + 2] = v[3 * k] + v[3 * k + 1];
		}
		if (rapport_rad(c, grupp, namn, 0) < 0)
			break;
		for (k = 0; k < NELEM(v); k++) {
			rapport_cell(c, v[k]);
			sum[k] += v[k];
		}
	}
	if (grupp == NULL && c->u.niva == NIVA_RIKET)
		grupp = xstrdup("Riket");
	if (grupp != NULL)
		rd_insats_summa(c, grupp, sum);
	ret = 0;
out:
	free(grupp);
	free(sql);
	PQclear(res);
	return ret;
}

const struct rapport_typ rapport_deltagare_typer[] = {
	{ "forsorjning", "Försörjning före och efter", "Avslutade deltagares "
	    "försörjningskällor vid in- och utregistrering, med förändring i "
	    "procent.", rd_forsorjning },
	{ "forsorjning_kalla", "Försörjning efter, per källa före",
	    "Försörjning efter insatsen för avslutade deltagare med en vald "
	    "försörjningskälla före.", rd_forsorjning_kalla },
	{ "sysselsattning", "Sysselsättning före och efter", "Avslutade "
	    "deltagares sysselsättning vid in- och utregistrering, med "
	    "förändring i procent.", rd_sysselsattning },
	{ "bakgrund", "Bakgrund", "Nya deltagares högsta utbildning, ålder "
	    "eller tid i offentlig försörjning, per kön.", rd_bakgrund },
	{ "avslut", "Avslutsanledning", "Varför deltagarna avslutades, per "
	    "kön.", rd_avslut },
	{ "fragor", "Kompletterande frågor", "Antal deltaganden per fråga "
	    "och svarsalternativ.", rd_fragor },
	{ "per_insats", "Deltagare per insats", "Nya, avslutade och pågående "
	    "deltagare per insats och kön.", rd_per_insats },
};
const size_t rapport_deltagare_ntyper = NELEM(rapport_deltagare_typer);

const struct rapport_param rapport_deltagare_param[] = {
	RD_PARAM_DELAD,
	{ "variabel", "Bakgrund", RAPPORT_P_VAL, "", 0, 1, "bakgrund",
	    "utbildning", rd_variabel_val, NELEM(rd_variabel_val) },
	{ "fore", "Försörjningskälla före", RAPPORT_P_KOD, "forsorjning", 0,
	    1, "forsorjning_kalla", "", NULL, 0 },
};
const size_t rapport_deltagare_nparam = NELEM(rapport_deltagare_param);
