/*
 * Deltagarrapport and Standardrapport deltagare: the table over a code
 * list both build most of their rapporttyper with, and the rapporttyper
 * they share (försörjning and sysselsättning before and after). See
 * rapport_deltagare.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "proto.h"
#include "rapport.h"
#include "rapport_deltagare.h"
#include "susd.h"
#include "xmalloc.h"

/* The rows of a code list, in its order. */
static const char rd_kod_sql[] =
	"SELECT kod, namn FROM kod WHERE lista = $10::text"
	" AND kod IS DISTINCT FROM $11::text ORDER BY ordning, namn";

PGresult *
rd_query(struct rapport_ctx *c, const char *sql, int n,
    const char *const *extra)
{
	const char	*p[2 + RD_EXTRA_MAX];
	int		 i;

	if (n < 0 || n > RD_EXTRA_MAX)
		n = 0;
	p[0] = rapport_arg(c, "inriktning");
	p[1] = rapport_arg(c, "malgrupp");
	for (i = 0; i < n; i++)
		p[2 + i] = extra[i];
	return rapport_query(c, sql, 2 + n, p);
}

int
rd_fel(struct rapport_ctx *c)
{
	return session_refuse(c->s, c->id, ERR_INTERNAL, "Rapporten kunde "
	    "inte byggas på grund av ett serverfel.");
}

/* Reads the values of row r of res from column 2 on into v. */
static void
rd_varden(PGresult *res, int r, int nv, int64_t *v)
{
	int	i;

	for (i = 0; i < nv; i++)
		v[i] += strtoll(PQgetvalue(res, r, 2 + i), NULL, 10);
}

/*
 * Adds one unit's rows: a row per category with its values (zero when
 * the query had none), then the sum row.
 */
static void
rd_enhet(struct rapport_ctx *c, const struct rd_tabell *t, const char *grupp,
    PGresult *kat, size_t nkat, const int64_t *v)
{
	const int64_t	*sum = v + nkat * (size_t)t->nv;
	const char	*namn;
	size_t		 k;

	for (k = 0; k < nkat; k++) {
		namn = kat != NULL ? PQgetvalue(kat, (int)k, 1) : t->kat[k].namn;
		if (rapport_rad(c, grupp, namn, 0) < 0)
			return;
		t->celler(c, v + k * (size_t)t->nv, sum);
	}
	if (t->summa != NULL && rapport_rad(c, grupp, t->summa, 1) >= 0)
		t->celler(c, sum, sum);
}

/* The index of category kod among t's rows, or nkat when none. */
static size_t
rd_kat_index(const struct rd_tabell *t, PGresult *kat, size_t nkat,
    const char *kod)
{
	size_t	k;

	for (k = 0; k < nkat; k++) {
		if (strcmp(kat != NULL ? PQgetvalue(kat, (int)k, 0) :
		    t->kat[k].kod, kod) == 0)
			return k;
	}
	return nkat;
}

int
rd_tabell(struct rapport_ctx *c, const struct rd_tabell *t,
    const char *inner, int n, const char *const *extra)
{
	PGresult	*kat = NULL, *res = NULL;
	const char	*kp[2];
	char		*sql = NULL, sums[RD_NV_MAX * 40], *grupp = NULL;
	int64_t		*v = NULL;
	size_t		 nkat, k, len = 0;
	int		 i, r, rows, ret = REQ_ROLLBACK;

	if (t->nv < 1 || t->nv > RD_NV_MAX)
		return rd_fel(c);
	if (t->lista != NULL) {
		kp[0] = t->lista;
		kp[1] = t->utom;
		if ((kat = rapport_query(c, rd_kod_sql, 2, kp)) == NULL)
			goto out;
		nkat = (size_t)PQntuples(kat);
	} else
		nkat = t->nkat;
	sums[0] = '\0';
	for (i = 0; i < t->nv; i++)
		len += (size_t)snprintf(sums + len, sizeof sums - len,
		    ", sum(x.v%d)::bigint", i);
	xasprintf(&sql, "WITH x AS (%s) SELECT %s AS grupp, x.kod%s FROM x"
	    " JOIN insats i ON i.id = x.insats_id"
	    " JOIN samverkansorg s ON s.id = i.samverkansorg_id"
	    " WHERE %s" RD_INSATS " GROUP BY 1, 2 ORDER BY 1", inner,
	    rapport_niva_sql(c->u.niva), sums, rapport_scope_sql());
	if ((res = rd_query(c, sql, n, extra)) == NULL)
		goto out;
	v = xcalloc((nkat + 1) * (size_t)t->nv, sizeof *v);
	rows = PQntuples(res);
	for (r = 0; r < rows; r++) {
		if (grupp != NULL && strcmp(grupp, PQgetvalue(res, r, 0)) != 0) {
			rd_enhet(c, t, grupp, kat, nkat, v);
			memset(v, 0, (nkat + 1) * (size_t)t->nv * sizeof *v);
			free(grupp);
			grupp = NULL;
		}
		if (grupp == NULL)
			grupp = xstrdup(PQgetvalue(res, r, 0));
		if (PQgetisnull(res, r, 1))
			k = nkat;
		else if ((k = rd_kat_index(t, kat, nkat,
		    PQgetvalue(res, r, 1))) == nkat)
			continue;	/* a code left out */
		rd_varden(res, r, t->nv, v + k * (size_t)t->nv);
	}
	/* The country is one unit even when nothing is counted. */
	if (grupp == NULL && c->u.niva == NIVA_RIKET)
		grupp = xstrdup("Riket");
	if (grupp != NULL)
		rd_enhet(c, t, grupp, kat, nkat, v);
	ret = 0;
out:
	free(grupp);
	free(v);
	free(sql);
	PQclear(res);
	PQclear(kat);
	return ret;
}

void
rd_grupper_kon(struct rd_tabell *t, struct rd_kat *kat,
    const struct rd_grupp *g, size_t n, char *granser, size_t len)
{
	size_t	i, off;

	off = (size_t)snprintf(granser, len, "{");
	for (i = 0; i < n; i++) {
		kat[i] = g[i].kat;
		if (i > 0)
			off += (size_t)snprintf(granser + off, len - off,
			    "%s%d", i > 1 ? "," : "", g[i].fran);
	}
	snprintf(granser + off, len - off, "}");
	memset(t, 0, sizeof *t);
	t->kat = kat;
	t->nkat = n;
	t->nv = 2;
	t->celler = rd_celler_kon;
}

void
rd_celler_fore_efter(struct rapport_ctx *c, const int64_t *v,
    const int64_t *sum)
{
	(void)sum;
	rapport_cell(c, v[0]);
	rapport_cell(c, v[1]);
	rapport_cell_andring(c, v[0], v[1]);
}

void
rd_celler_kon(struct rapport_ctx *c, const int64_t *v, const int64_t *sum)
{
	(void)sum;
	rapport_cell(c, v[0]);
	rapport_cell(c, v[1]);
	rapport_cell(c, v[0] + v[1]);
}

void
rd_celler_andel(struct rapport_ctx *c, const int64_t *v, const int64_t *sum)
{
	rapport_cell(c, v[0]);
	rapport_cell_andel(c, v[0], sum[0]);
}

int
rd_kol_fore_efter(struct rapport_ctx *c, const char *rader)
{
	if (rapport_kol(c, rader, RAPPORT_K_TEXT, 0) < 0 ||
	    rapport_kol(c, "Före", RAPPORT_K_ANTAL, 0) < 0 ||
	    rapport_kol(c, "Efter", RAPPORT_K_ANTAL, 0) < 0 ||
	    rapport_kol(c, "Förändring (%)", RAPPORT_K_PROCENT, 1) < 0)
		return -1;
	rapport_kol_fran(c, 3, 1, 2);
	rapport_diagram(c, 2);
	return 0;
}

int
rd_kol_kon(struct rapport_ctx *c, const char *rader)
{
	if (rapport_kol(c, rader, RAPPORT_K_TEXT, 0) < 0 ||
	    rapport_kol(c, "Kvinnor", RAPPORT_K_ANTAL, 0) < 0 ||
	    rapport_kol(c, "Män", RAPPORT_K_ANTAL, 0) < 0 ||
	    rapport_kol(c, "Totalt", RAPPORT_K_ANTAL, 0) < 0)
		return -1;
	rapport_kol_summa(c, 3, 1, 2);
	rapport_diagram(c, 3);
	return 0;
}

int
rd_kol_andel(struct rapport_ctx *c, const char *rader, const char *andel)
{
	if (rapport_kol(c, rader, RAPPORT_K_TEXT, 0) < 0 ||
	    rapport_kol(c, "Antal", RAPPORT_K_ANTAL, 0) < 0 ||
	    rapport_kol(c, andel, RAPPORT_K_PROCENT, 1) < 0)
		return -1;
	rapport_kol_fran(c, 2, 1, -1);
	rapport_diagram(c, 1);
	return 0;
}

/*
 * Försörjning before and after of the ended participations, per källa:
 * a participation with several källor counts under each.
 */
int
rd_forsorjning(struct rapport_ctx *c)
{
	static const struct rd_tabell t = { "forsorjning", NULL, NULL, 0,
	    "Samtliga avslutade deltagare", 2, rd_celler_fore_efter };

	if (rd_kol_fore_efter(c, "Försörjningskälla") != 0)
		return rd_fel(c);
	rapport_fotnot(c, "Deltagare som avslutats under perioden, med "
	    "försörjning vid in- och utregistrering. En deltagare med flera "
	    "försörjningskällor räknas under var och en, så kolumnerna kan "
	    "summera till mer än antalet deltagare.");
	rapport_fotnot(c, "Förändringen är i procent av antalet före; den "
	    "saknas där ingen hade källan före.");
	return rd_tabell(c, &t,
	    "WITH e AS (SELECT d.id, d.insats_id FROM" RD_D
	    " WHERE" RD_UTFALL " AND" RD_URVAL ")"
	    " SELECT e.insats_id, k.kod,"
	    " count(*) FILTER (WHERE f.typ = 'in') AS v0,"
	    " count(*) FILTER (WHERE f.typ = 'ut') AS v1"
	    " FROM e JOIN mattillfalle_forsorjning f ON f.deltagande_id = e.id"
	    " JOIN kod k ON k.id = f.forsorjning_id GROUP BY 1, 2"
	    " UNION ALL SELECT e.insats_id, NULL, count(*), count(*) FROM e"
	    " GROUP BY 1", 0, NULL);
}

/*
 * Försörjning after of the ended participations that had the chosen
 * källa ("fore") before: count and share of them per källa after.
 */
int
rd_forsorjning_kalla(struct rapport_ctx *c)
{
	static const struct rd_tabell t = { "forsorjning", NULL, NULL, 0,
	    NULL, 1, rd_celler_andel };
	struct rd_tabell tt = t;
	PGresult	*res;
	const char	*fore = rapport_arg(c, "fore");
	char		 summa[300];
	int		 r;

	if (*fore == '\0')
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Välj "
		    "försörjningskälla före insatsen.");
	if ((res = rapport_query(c, "SELECT namn FROM kod WHERE"
	    " lista = 'forsorjning' AND kod = $10::text", 1, &fore)) == NULL)
		return REQ_ROLLBACK;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Det finns "
		    "ingen sådan försörjningskälla.");
	}
	snprintf(summa, sizeof summa, "Deltagare med %s före",
	    PQgetvalue(res, 0, 0));
	rapport_fotnot(c, "Avslutade deltagare under perioden som hade %s "
	    "före insatsen: försörjning efter, antal och andel av dem. En "
	    "deltagare med flera försörjningskällor efter räknas under var "
	    "och en.", PQgetvalue(res, 0, 0));
	PQclear(res);
	tt.summa = summa;
	if (rd_kol_andel(c, "Försörjning efter", "Andel (%)") != 0)
		return rd_fel(c);
	r = rd_tabell(c, &tt,
	    "WITH e AS (SELECT d.id, d.insats_id FROM" RD_D
	    " WHERE" RD_UTFALL " AND" RD_URVAL " AND EXISTS (SELECT 1"
	    " FROM mattillfalle_forsorjning f JOIN kod k"
	    " ON k.id = f.forsorjning_id WHERE f.deltagande_id = d.id"
	    " AND f.typ = 'in' AND k.kod = $12::text))"
	    " SELECT e.insats_id, k.kod, count(*) AS v0"
	    " FROM e JOIN mattillfalle_forsorjning f ON f.deltagande_id = e.id"
	    " AND f.typ = 'ut' JOIN kod k ON k.id = f.forsorjning_id"
	    " GROUP BY 1, 2"
	    " UNION ALL SELECT e.insats_id, NULL, count(*) FROM e GROUP BY 1",
	    1, &fore);
	return r;
}

/* Sysselsättning before and after of the ended participations. */
int
rd_sysselsattning(struct rapport_ctx *c)
{
	static const struct rd_tabell t = { "sysselsattning", NULL, NULL, 0,
	    "Samtliga avslutade deltagare", 2, rd_celler_fore_efter };

	if (rd_kol_fore_efter(c, "Sysselsättning") != 0)
		return rd_fel(c);
	rapport_fotnot(c, "Deltagare som avslutats under perioden: "
	    "sysselsättning vid in- och utregistrering.");
	return rd_tabell(c, &t,
	    "SELECT d.insats_id, t.kod, sum(t.fore) AS v0, sum(t.efter) AS v1"
	    " FROM" RD_D " CROSS JOIN LATERAL (VALUES"
	    " (d.sysselsattning_fore, 1, 0), (d.sysselsattning_efter, 0, 1),"
	    " (NULL, 1, 1)) AS t(kod, fore, efter)"
	    " WHERE" RD_UTFALL " AND" RD_URVAL " GROUP BY 1, 2", 0, NULL);
}
