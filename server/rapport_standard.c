/*
 * Standardrapport deltagare (domain.md 6.4): key figures of the
 * participations ended in the period, always shown as a chart and a
 * table: sysselsättning before and after, as codes and grouped,
 * how many work or study after (and started or increased it),
 * försörjning before and after, the försörjning after of one källa
 * before, and how long the participations lasted. What is counted is
 * described in rapport_deltagare.h; the shared rapporttyper are in
 * rapport_deltagare_tab.c.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "proto.h"
#include "rapport.h"
#include "rapport_deltagare.h"
#include "susd.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/* The groups of sysselsättning (domain.md 3.6), in the table's order. */
enum rs_grupp {
	RS_ARBETE,
	RS_STUDIER,
	RS_SOKANDE,
	RS_OVRIGA,
	RS__ANTAL
};

static const struct rd_kat rs_grupper[RS__ANTAL] = {
	[RS_ARBETE] = { "ARBETE", "Förvärvsarbete" },
	[RS_STUDIER] = { "STUDIER", "Studier" },
	[RS_SOKANDE] = { "SOKANDE", "Aktivt arbetssökande som inte arbetar "
	    "eller studerar" },
	[RS_OVRIGA] = { "OVRIGA", "Övriga" },
};

/*
 * The sysselsättning codes (schema 0006) of each group; every other code,
 * Ingen sysselsättning and Övrigt among them, is Övriga. A program is
 * labour-market policy for the unemployed, so it counts as seeking work.
 */
static const struct {
	const char	*kod;
	enum rs_grupp	 grupp;
} rs_sysselsattning[] = {
	{ "ARBETE", RS_ARBETE },
	{ "ARBETE_STOD", RS_ARBETE },
	{ "EGET_FORETAG", RS_ARBETE },
	{ "STUDIER", RS_STUDIER },
	{ "ARBETSSOKANDE", RS_SOKANDE },
	{ "PROGRAM", RS_SOKANDE },
};

/*
 * Writes the codes of group g as an SQL array ("{A,B}") to buf, or
 * every code with its group's kod beside it in grupp (when not NULL).
 */
static void
rs_koder(char *buf, size_t len, char *grupp, size_t glen, int g)
{
	size_t	i, n = 0, m = 0;
	int	forsta = 1;

	n += (size_t)snprintf(buf, len, "{");
	if (grupp != NULL)
		m += (size_t)snprintf(grupp, glen, "{");
	for (i = 0; i < NELEM(rs_sysselsattning); i++) {
		if (g >= 0 && (int)rs_sysselsattning[i].grupp != g)
			continue;
		if (n < len)
			n += (size_t)snprintf(buf + n, len - n, "%s%s",
			    forsta ? "" : ",", rs_sysselsattning[i].kod);
		if (grupp != NULL && m < glen)
			m += (size_t)snprintf(grupp + m, glen - m, "%s%s",
			    forsta ? "" : ",",
			    rs_grupper[rs_sysselsattning[i].grupp].kod);
		forsta = 0;
	}
	if (n < len)
		snprintf(buf + n, len - n, "}");
	if (grupp != NULL && m < glen)
		snprintf(grupp + m, glen - m, "}");
}

/* Sysselsättning before and after in the four groups. */
static int
rs_sysselsattning_grupp(struct rapport_ctx *c)
{
	static const struct rd_tabell t = { NULL, NULL, rs_grupper,
	    RS__ANTAL, "Samtliga avslutade deltagare", 2,
	    rd_celler_fore_efter };
	char		 koder[400], grupper[400];
	const char	*p[3] = { koder, grupper, rs_grupper[RS_OVRIGA].kod };

	rs_koder(koder, sizeof koder, grupper, sizeof grupper, -1);
	if (rd_kol_fore_efter(c, "Sysselsättning") != 0)
		return rd_fel(c);
	rapport_fotnot(c, "Deltagare som avslutats under perioden. "
	    "Förvärvsarbete är arbete, med eller utan stöd, och eget "
	    "företag; aktivt arbetssökande är arbetssökande och "
	    "arbetsmarknadspolitiskt program; övriga är ingen "
	    "sysselsättning och annat.");
	return rd_tabell(c, &t,
	    "SELECT d.insats_id, g.kod, sum(t.fore) AS v0, sum(t.efter) AS v1"
	    " FROM" RD_D " CROSS JOIN LATERAL (VALUES"
	    " (d.sysselsattning_fore, 1, 0), (d.sysselsattning_efter, 0, 1),"
	    " (NULL, 1, 1)) AS t(kod, fore, efter)"
	    " CROSS JOIN LATERAL (SELECT CASE WHEN t.kod IS NULL THEN NULL"
	    " ELSE coalesce((SELECT m.g FROM unnest($12::text[], $13::text[])"
	    " AS m(k, g) WHERE m.k = t.kod), $14::text) END) AS g(kod)"
	    " WHERE" RD_UTFALL " AND" RD_URVAL " GROUP BY 1, 2", 3, p);
}

/* The rows of arbete_studier, as its query names them. */
static const struct rd_kat rs_arbete_studier_rader[] = {
	{ "ARBETAR", "Arbetar efter insatsen" },
	{ "STUDERAR", "Studerar efter insatsen" },
	{ "ARBETAR_STUDERAR", "Arbetar eller studerar efter insatsen" },
	{ "BORJAT", "Har börjat arbeta eller studera" },
	{ "OKAT", "Har ökat omfattningen av arbete eller studier" },
	{ "BORJAT_OKAT", "Har börjat eller ökat arbete eller studier" },
};

/*
 * Of the participations ended with an outcome: how many work and how
 * many study after, and how many started to, or increased the
 * omfattning of what they already did.
 */
static int
rs_arbete_studier(struct rapport_ctx *c)
{
	static const struct rd_tabell t = { NULL, NULL,
	    rs_arbete_studier_rader, NELEM(rs_arbete_studier_rader),
	    "Samtliga avslutade deltagare", 1, rd_celler_andel };
	char		 arbete[400], studier[400];
	const char	*p[2] = { arbete, studier };

	rs_koder(arbete, sizeof arbete, NULL, 0, RS_ARBETE);
	rs_koder(studier, sizeof studier, NULL, 0, RS_STUDIER);
	if (rd_kol_andel(c, "Arbete och studier", "Andel av avslutade (%)")
	    != 0)
		return rd_fel(c);
	rapport_fotnot(c, "Deltagare som avslutats under perioden. Arbete är "
	    "arbete, med eller utan stöd, och eget företag. Börjat: arbetade "
	    "eller studerade inte före. Ökat: arbetade eller studerade redan "
	    "före, med större omfattning (procent av heltid) efter.");
	return rd_tabell(c, &t,
	    "SELECT d.insats_id, t.kod, count(*) AS v0"
	    " FROM" RD_D
	    " CROSS JOIN LATERAL (SELECT"
	    " d.sysselsattning_efter = ANY ($12::text[]) AS arb,"
	    " d.sysselsattning_efter = ANY ($13::text[]) AS stu,"
	    " d.sysselsattning_fore = ANY ($12::text[])"
	    " OR d.sysselsattning_fore = ANY ($13::text[]) AS fore) AS b"
	    " CROSS JOIN LATERAL (VALUES ('ARBETAR', b.arb),"
	    " ('STUDERAR', b.stu), ('ARBETAR_STUDERAR', b.arb OR b.stu),"
	    " ('BORJAT', (b.arb OR b.stu) AND NOT b.fore),"
	    " ('OKAT', (b.arb OR b.stu) AND b.fore"
	    " AND d.omfattning_efter > d.omfattning_fore),"
	    " ('BORJAT_OKAT', (b.arb OR b.stu) AND (NOT b.fore"
	    " OR d.omfattning_efter > d.omfattning_fore)),"
	    " (NULL, true)) AS t(kod, ja)"
	    " WHERE t.ja AND" RD_UTFALL " AND" RD_URVAL " GROUP BY 1, 2", 2, p);
}

/* The bands of tid: the fewest whole months of each. */
static const struct rd_grupp rs_tider[] = {
	{ 0, { "0", "Under 3 månader" } },
	{ 3, { "1", "3–6 månader" } },
	{ 6, { "2", "6–12 månader" } },
	{ 12, { "3", "12 månader eller mer" } },
};

/* How long the participations ended in the period lasted, by kön. */
static int
rs_tid(struct rapport_ctx *c)
{
	struct rd_tabell	 t;
	struct rd_kat		 kat[NELEM(rs_tider)];
	char			 granser[NELEM(rs_tider) * 8];
	const char		*p = granser;

	rd_grupper_kon(&t, kat, rs_tider, NELEM(rs_tider), granser,
	    sizeof granser);
	t.summa = "Samtliga avslutade deltagare";
	if (rd_kol_kon(c, "Tid i insatsen") != 0)
		return rd_fel(c);
	rapport_fotnot(c, "Deltagare som avslutats under perioden, efter "
	    "hela månader från in- till utregistrering. Felregistreringar "
	    "räknas inte.");
	return rd_tabell(c, &t,
	    "SELECT d.insats_id, t.kod,"
	    " count(*) FILTER (WHERE d.kon = 'K') AS v0,"
	    " count(*) FILTER (WHERE d.kon = 'M') AS v1"
	    " FROM" RD_D
	    " CROSS JOIN LATERAL (SELECT age(d.slutdatum, d.startdatum)) AS a(t)"
	    " CROSS JOIN LATERAL (VALUES ((SELECT count(*)"
	    " FROM unnest($12::integer[]) g WHERE extract(year FROM a.t) * 12"
	    " + extract(month FROM a.t) >= g)::text), (NULL)) AS t(kod)"
	    " WHERE" RD_AVSLUTAD " AND" RD_URVAL " GROUP BY 1, 2", 1, &p);
}

const struct rapport_typ rapport_standard_typer[] = {
	{ "sysselsattning", "Sysselsättning före och efter", "Avslutade "
	    "deltagares sysselsättning före och efter, med förändring i "
	    "procent.", rd_sysselsattning },
	{ "sysselsattning_grupp", "Sysselsättning i grupper", "Förvärvsarbete, "
	    "studier, aktivt arbetssökande och övriga, före och efter.",
	    rs_sysselsattning_grupp },
	{ "arbete_studier", "Arbete och studier efter", "Hur många avslutade "
	    "som arbetar eller studerar efter, och hur många som börjat eller "
	    "ökat.", rs_arbete_studier },
	{ "forsorjning", "Försörjning före och efter", "Avslutade deltagares "
	    "försörjningskällor före och efter, med förändring i procent.",
	    rd_forsorjning },
	{ "forsorjning_efter", "Försörjning efter, per källa före",
	    "Försörjning efter insatsen för avslutade deltagare med en vald "
	    "försörjningskälla före.", rd_forsorjning_kalla },
	{ "tid", "Tid i insatsen", "Hur länge de avslutade deltagandena "
	    "varade, per kön.", rs_tid },
};
const size_t rapport_standard_ntyper = NELEM(rapport_standard_typer);

const struct rapport_param rapport_standard_param[] = {
	RD_PARAM_DELAD,
	{ "fore", "Försörjningskälla före", RAPPORT_P_KOD, "forsorjning", 0,
	    1, "forsorjning_efter", "", NULL, 0 },
};
const size_t rapport_standard_nparam = NELEM(rapport_standard_param);
