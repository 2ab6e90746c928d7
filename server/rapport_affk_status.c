/*
 * Standardrapport – status (domain.md 6.5, A13; issue 9): Af/FK
 * participants in insats (gemensam kartläggning or an aktiv insats) and
 * waiting (begäran om kartläggning or a planned insats) at tom, those
 * whose co-operation ended in the period and how many of them work or
 * study after, "Samtliga" (without the anonymous), and anonymous
 * participants on the offices in their registration year, separately.
 * By kön, at level riket, län or kontor; the chart shows Totalt. The
 * counting is rapport_affk.c's.
 */
#include <stddef.h>

#include "proto.h"
#include "rapport.h"
#include "rapport_affk.h"
#include "susd.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/*
 * "varav med arbete eller studier efter" is a part of the ended, and the
 * anonymous are counted beside Samtliga: rows after the sum row and no
 * part of it (rapport_rad_utanfor()).
 */
static const struct affk_egen affk_standard_egen[] = {
	{ "ARBSTUD", "avslutad", 0 },
	{ "ANONYM", NULL, 0 },
};

static const struct affk_persp affk_standard = {
	", sv AS (SELECT s.period_id, f.kod || ':' || kod_kod(s.svar_id)"
	" AS svar FROM affk_svar s JOIN affk_fraga f ON f.id = s.fraga_id"
	" WHERE s.period_id IN (SELECT period_id FROM pf"
	" WHERE statusperiod AND status = 'avslutad')),"
	" sp AS (SELECT * FROM pf WHERE statusperiod),"
	" m AS (SELECT enhet, arende_id, kon, status AS nyckel FROM sp"
	" UNION ALL SELECT enhet, arende_id, kon, 'ALLA' FROM sp"
	" UNION ALL SELECT p.enhet, p.arende_id, p.kon, 'ARBSTUD' FROM sp p"
	" JOIN sv ON sv.period_id = p.period_id"
	" WHERE sv.svar IN ('ARBETAR_EFTER:JA', 'STUDERAR_EFTER:JA')),"
	" cats (nyckel, ord, namn, summa) AS (VALUES"
	" ('aktuell', 1, 'I insats (kartläggning eller aktiv insats)', 0),"
	" ('vantan', 2, 'I väntan (begäran eller planerad insats)', 0),"
	" ('avslutad', 3, 'Avslutade under perioden', 0),"
	" ('ALLA', 1000, 'Samtliga (utom anonyma)', 1),"
	" ('ARBSTUD', 1001, 'varav avslutade med arbete eller studier efter',"
	" 0))",
	0, 1, affk_standard_egen, NELEM(affk_standard_egen)
};

static int
affk_run_standard(struct rapport_ctx *c)
{
	return rapport_affk_run(c, &affk_standard);
}

const struct rapport_typ rapport_affk_status_typer[] = {
	{ "status", "Status", "I insats, i väntan och avslutade under "
	    "perioden, och anonyma deltagare för sig.", affk_run_standard },
};
const size_t rapport_affk_status_ntyper = NELEM(rapport_affk_status_typer);

static const struct rapport_val_row affk_status_myndighet_val[] = {
	{ (char *)"af", (char *)"Arbetsförmedlingens kontor" },
	{ (char *)"fk", (char *)"Försäkringskassans kontor" },
};

const struct rapport_param rapport_affk_status_param[] = {
	{ "from", "Från och med", RAPPORT_P_DATUM, "", 0, 1, "", "",
	    NULL, 0 },
	{ "tom", "Till och med", RAPPORT_P_DATUM, "", 0, 1, "", "idag",
	    NULL, 0 },
	{ "niva", "Nivå", RAPPORT_P_VAL, "", 0, 1, "", "riket",
	    rapport_affk_niva_val, RAPPORT_AFFK_NIVA_NVAL },
	{ "kontor_myndighet", "Kontor", RAPPORT_P_VAL, "", 0, 1, "", "af",
	    affk_status_myndighet_val, NELEM(affk_status_myndighet_val) },
	{ "kon", "Kön", RAPPORT_P_VAL, "", 0, 0, "", "", rapport_kon_val,
	    RAPPORT_KON_NVAL },
	{ "alder", "Ålder", RAPPORT_P_VAL, "", 1, 0, "", "",
	    rapport_alder_val, RAPPORT_ALDER_NVAL },
	{ "lan", "Län (folkbokföring)", RAPPORT_P_LAN, "", 1, 0, "", "",
	    NULL, 0 },
	{ "af_kontor", "Arbetsförmedling", RAPPORT_P_AF_KONTOR, "", 1, 0, "",
	    "", NULL, 0 },
	{ "fk_kontor", "Försäkringskassans kontor", RAPPORT_P_FK_KONTOR, "",
	    1, 0, "", "", NULL, 0 },
};
const size_t rapport_affk_status_nparam = NELEM(rapport_affk_status_param);
