/*
 * The Af/FK reports' shared part (rapport_affk.h): the filtered periods,
 * each ärende's status at tom, the units of the level, and the counting
 * of a perspective's rows by kön.
 *
 * The periods counted ("p") are those overlapping [from, tom] of ärenden
 * passing every filter. A period carries its offices, so level kontor
 * and the office filters go by the office of the period (the Af or the
 * FK office, parameter kontor_myndighet); level län and the kommun
 * filter go by the ärende's folkbokföringskommun. An ärende's status at
 * tom is that of its last period begun by tom: aktivitet = "aktuell",
 * väntan = "vantan", an ending = "avslutad". The parameters after the
 * engine's nine:
 *	$10 marknadsomrade  $11 af_kontor  $12 verksamhetsomrade
 *	$13 fk_kontor  $14 kommun  $15 status  $16 initierad_av
 *	$17 inskriven_fore  $18 kontor_myndighet  ($19 anonymous shown)
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"
#include "rapport.h"
#include "rapport_affk.h"
#include "susd.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/* The bound on one report's SQL. */
#define AFFK_SQL_MAX	16384

static const char affk_bas_sql[] =
    "WITH p AS (SELECT st.period_id, st.arende_id, st.kon, st.insatstyp,"
    " st.slag, st.initierad_av, st.arende_slut, %s AS enhet,"
    " CASE WHEN $18::text = 'fk' THEN st.fk_kontor_id"
    " ELSE st.af_kontor_id END AS kontor_id,"
    " CASE WHEN $18::text = 'fk' THEN kf.namn ELSE ka.namn END AS kontor"
    " FROM affk_statistik st"
    " JOIN affk_kontor ka ON ka.id = st.af_kontor_id"
    " JOIN affk_kontor kf ON kf.id = st.fk_kontor_id"
    " LEFT JOIN kommun km ON km.kommunkod = st.kommunkod"
    " LEFT JOIN lan l ON l.lanskod = km.lanskod"
    " WHERE st.startdatum <= $2::date"
    " AND (st.slutdatum IS NULL OR st.slutdatum >= $1::date)"
    " AND ($3::text = '' OR km.lanskod = $3::text)"
    " AND ($6::text = '' OR st.kon = $6::text)"
    " AND extract(year FROM $2::date)::integer - st.fodelsear"
    " BETWEEN $7::integer AND $8::integer"
    " AND ($10::text = '' OR kod_kod(ka.omrade_id) = $10::text)"
    " AND ($11::integer = 0 OR st.af_kontor_id = $11::integer)"
    " AND ($12::text = '' OR kod_kod(kf.omrade_id) = $12::text)"
    " AND ($13::integer = 0 OR st.fk_kontor_id = $13::integer)"
    " AND ($14::text = '' OR st.kommunkod = $14::text)"
    " AND ($16::text = '' OR st.initierad_av = upper($16::text))"
    " AND ($17::text = '' OR EXISTS (SELECT 1 FROM affk_statistik q"
    " JOIN affk_svar sv ON sv.period_id = q.period_id"
    " JOIN affk_fraga fr ON fr.id = sv.fraga_id"
    " WHERE q.arende_id = st.arende_id AND fr.kod = 'INSKRIVEN_AF_FORE'"
    " AND kod_kod(sv.svar_id) = upper($17::text)))),"
    " stat AS (SELECT DISTINCT ON (q.arende_id) q.arende_id, q.period_id,"
    " CASE q.slag WHEN 'aktivitet' THEN 'aktuell'"
    " WHEN 'vantan' THEN 'vantan' ELSE 'avslutad' END AS status"
    " FROM affk_statistik q WHERE q.arende_id IN (SELECT arende_id FROM p)"
    " AND q.startdatum <= $2::date"
    " ORDER BY q.arende_id, q.startdatum DESC),"
    " pf AS (SELECT p.*, s.status, s.period_id = p.period_id"
    " AS statusperiod FROM p JOIN stat s ON s.arende_id = p.arende_id"
    " WHERE $15::text = '' OR s.status = $15::text)";

/*
 * Anonymous participants on the offices (affk_kontor.insats_id), in
 * their registration year, where $19 allows them: per office at level
 * kontor (of the chosen authority), else in one unit.
 */
static const char affk_anon_sql[] =
    ", anon AS (SELECT %s AS enhet, kod_kod(ad.kon_id) AS kon, ad.antal"
    " FROM anonym_deltagande ad"
    " JOIN affk_kontor k ON k.insats_id = ad.insats_id"
    " WHERE $19::text = '1'"
    " AND ad.ar BETWEEN extract(year FROM $1::date)"
    " AND extract(year FROM $2::date)"
    " AND ($6::text = '' OR kod_kod(ad.kon_id) = $6::text)"
    " AND ($11::integer = 0 OR k.id = $11::integer)"
    " AND ($13::integer = 0 OR k.id = $13::integer)"
    " AND ($10::text = '' OR (k.myndighet = 'AF'"
    " AND kod_kod(k.omrade_id) = $10::text))"
    " AND ($12::text = '' OR (k.myndighet = 'FK'"
    " AND kod_kod(k.omrade_id) = $12::text)) %s)";

static const char affk_rad_sql[] =
    " SELECT * FROM (SELECT e.enhet, c.ord, c.namn, c.summa,"
    " count(DISTINCT m.arende_id) FILTER (WHERE m.kon = 'K') AS k,"
    " count(DISTINCT m.arende_id) FILTER (WHERE m.kon = 'M') AS m,"
    " count(DISTINCT m.arende_id) AS t, c.nyckel"
    " FROM enh e CROSS JOIN cats c"
    " LEFT JOIN m ON m.enhet = e.enhet AND m.nyckel = c.nyckel"
    " GROUP BY e.enhet, c.ord, c.namn, c.summa, c.nyckel %s %s) x"
    " ORDER BY x.enhet COLLATE \"sv-SE-x-icu\", x.ord,"
    " x.namn COLLATE \"sv-SE-x-icu\"";

static const char affk_anon_rad_sql[] =
    " UNION ALL SELECT enhet, 100000, 'Anonyma deltagare', 0,"
    " coalesce(sum(antal) FILTER (WHERE kon = 'K'), 0),"
    " coalesce(sum(antal) FILTER (WHERE kon = 'M'), 0), sum(antal),"
    " 'ANONYM' FROM anon GROUP BY enhet";

/* The unit of a period row at each level. */
static const char *
affk_enhet(enum rapport_niva niva)
{
	switch (niva) {
	case NIVA_LAN:
		return "coalesce(l.namn, 'Okänt län')";
	case NIVA_KONTOR:
		return "(CASE WHEN $18::text = 'fk' THEN kf.namn"
		    " ELSE ka.namn END)";
	default:
		return "'Riket'";
	}
}

/* The spec of row key nyckel, or NULL for a row of the unit's total. */
static const struct affk_egen *
affk_egen_hitta(const struct affk_persp *pp, const char *nyckel)
{
	size_t	i, n;

	for (i = 0; i < pp->negen; i++) {
		n = strlen(pp->egen[i].nyckel);
		if (n > 0 && pp->egen[i].nyckel[n - 1] == '*') {
			if (strncmp(nyckel, pp->egen[i].nyckel, n - 1) == 0)
				return &pp->egen[i];
		} else if (strcmp(nyckel, pp->egen[i].nyckel) == 0)
			return &pp->egen[i];
	}
	return NULL;
}

/* An id choice as a number for SQL, "0" when none. */
static const char *
affk_id(const struct rapport_ctx *c, const char *namn)
{
	const char	*v = rapport_arg(c, namn);

	return v[0] == '\0' ? "0" : v;
}

int
rapport_affk_run(struct rapport_ctx *c, const struct affk_persp *pp)
{
	char		 sql[AFFK_SQL_MAX], anon[2048], *at = sql;
	const char	*extra[10], *myndighet, *anonenhet;
	PGresult	*res;
	const struct affk_egen *e;
	size_t		 left = sizeof sql;
	int		 anon_ok = 0, len, r, n, i, q, bas, first;

	myndighet = rapport_arg(c, "kontor_myndighet");
	if (strcmp(myndighet, "fk") != 0)
		myndighet = "af";
	if (pp->anonym && c->u.niva != NIVA_LAN && c->u.lanskod[0] == '\0' &&
	    c->u.alder_min == 0 && c->u.alder_max == 200 &&
	    rapport_arg(c, "kommun")[0] == '\0')
		anon_ok = 1;

	len = snprintf(at, left, affk_bas_sql, affk_enhet(c->u.niva));
	if (len < 0 || (size_t)len >= left)
		goto toolong;
	at += len;
	left -= (size_t)len;
	if (pp->anonym) {
		anonenhet = c->u.niva == NIVA_KONTOR ? "k.namn" : "'Riket'";
		len = snprintf(anon, sizeof anon, affk_anon_sql, anonenhet,
		    c->u.niva == NIVA_KONTOR ? "AND k.myndighet = "
		    "upper($18::text)" : "");
		if (len < 0 || (size_t)len >= sizeof anon)
			goto toolong;
	} else
		anon[0] = '\0';
	len = snprintf(at, left, "%s, enh AS (SELECT DISTINCT enhet FROM pf%s)%s",
	    anon, pp->anonym ? " UNION SELECT enhet FROM anon" : "",
	    pp->cte);
	if (len < 0 || (size_t)len >= left)
		goto toolong;
	at += len;
	left -= (size_t)len;
	len = snprintf(at, left, affk_rad_sql, pp->bara_med ?
	    "HAVING count(DISTINCT m.arende_id) > 0 OR c.summa = 1" : "",
	    pp->anonym ? affk_anon_rad_sql : "");
	if (len < 0 || (size_t)len >= left)
		goto toolong;

	extra[0] = rapport_arg(c, "marknadsomrade");
	extra[1] = affk_id(c, "af_kontor");
	extra[2] = rapport_arg(c, "verksamhetsomrade");
	extra[3] = affk_id(c, "fk_kontor");
	extra[4] = rapport_arg(c, "kommun");
	extra[5] = rapport_arg(c, "status");
	extra[6] = rapport_arg(c, "initierad_av");
	extra[7] = rapport_arg(c, "inskriven_fore");
	extra[8] = myndighet;
	extra[9] = anon_ok ? "1" : "0";
	res = rapport_query(c, sql, pp->anonym ? 10 : 9, extra);
	if (res == NULL)
		return REQ_ROLLBACK;

	if (rapport_kol(c, "", RAPPORT_K_TEXT, 0) < 0 ||
	    rapport_kol(c, "Kvinnor", RAPPORT_K_ANTAL, 0) < 0 ||
	    rapport_kol(c, "Män", RAPPORT_K_ANTAL, 0) < 0 ||
	    rapport_kol(c, "Totalt", RAPPORT_K_ANTAL, 0) < 0)
		goto fail;
	rapport_kol_summa(c, 3, 1, 2);
	rapport_diagram(c, 3);
	n = PQntuples(res);
	bas = (int)c->out.nrader;
	for (first = 0, r = 0; r < n; r++) {
		if (strcmp(PQgetvalue(res, r, 0), PQgetvalue(res, first, 0)) != 0)
			first = r;
		if ((e = affk_egen_hitta(pp, PQgetvalue(res, r, 7))) == NULL) {
			if (rapport_rad(c, PQgetvalue(res, r, 0),
			    PQgetvalue(res, r, 2),
			    PQgetvalue(res, r, 3)[0] == '1') < 0)
				goto fail;
		} else {
			/* Its foralder: an earlier row of the unit. */
			for (q = first; e->foralder != NULL && q < r; q++) {
				if (strcmp(PQgetvalue(res, q, 7),
				    e->foralder) == 0)
					break;
			}
			if (rapport_rad_utanfor(c, PQgetvalue(res, r, 0),
			    PQgetvalue(res, r, 2), e->foralder != NULL &&
			    q < r ? bas + q : -1, e->uppdelning ?
			    RAPPORT_UTANFOR_UPPDELNING : RAPPORT_UTANFOR_DEL) < 0)
				goto fail;
		}
		for (i = 4; i < 7; i++)
			rapport_cell(c, strtoll(PQgetvalue(res, r, i), NULL,
			    10));
	}
	PQclear(res);
	if (c->u.niva == NIVA_KONTOR)
		rapport_fotnot(c, "Kontor: %s kontor under perioden.",
		    strcmp(myndighet, "fk") == 0 ? "Försäkringskassans" :
		    "Arbetsförmedlingens");
	if (pp->anonym && !anon_ok)
		rapport_fotnot(c, "Anonyma deltagare redovisas inte per län "
		    "eller kommun eller med urval på ålder: de registreras "
		    "bara med kön och år på ett kontor.");
	else if (pp->anonym)
		rapport_fotnot(c, "Anonyma deltagare räknas det år de "
		    "registrerades och ingår inte i Samtliga.");
	return 0;
fail:
	PQclear(res);
	return session_refuse(c->s, c->id, ERR_INTERNAL,
	    "Rapporten blev för stor.");
toolong:
	return session_refuse(c->s, c->id, ERR_INTERNAL,
	    "Rapporten kunde inte tas fram.");
}
