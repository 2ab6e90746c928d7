/*
 * Deltagarrapport Af/FK (domain.md 6.5, issue 9): participants of the
 * Af/FK co-operation from several perspectives (rapporttyper), each by
 * kön, at level riket, län (folkbokföring) or kontor. The counting and
 * the filters are rapport_affk.c's; here are the perspectives' rows.
 */
#include <stddef.h>

#include "proto.h"
#include "rapport.h"
#include "rapport_affk.h"
#include "susd.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/* Every ärende in the period, under the key ALLA (the sum row). */
#define AFFK_ALLA(from)							\
	" UNION ALL SELECT enhet, arende_id, kon, 'ALLA' FROM " from

/* Participants in each insatstyp during the period. */
static const struct affk_persp affk_insatstyp = {
	", m AS (SELECT enhet, arende_id, kon, insatstyp AS nyckel FROM pf"
	AFFK_ALLA("pf") "),"
	" cats (nyckel, ord, namn, summa) AS (SELECT k.kod, k.ordning::integer,"
	" k.namn::text, 0 FROM kod k WHERE k.lista = 'affk_insatstyp'"
	" UNION ALL SELECT 'ALLA', 1000, 'Samtliga deltagare', 1)",
	0, 0, NULL, 0
};

/* Status at tom: in insats, waiting, ended (in the period). */
static const struct affk_persp affk_status = {
	", m AS (SELECT enhet, arende_id, kon, status AS nyckel FROM pf"
	" WHERE statusperiod"
	" UNION ALL SELECT enhet, arende_id, kon, 'ALLA' FROM pf"
	" WHERE statusperiod),"
	" cats (nyckel, ord, namn, summa) AS (VALUES"
	" ('aktuell', 1, 'I insats (aktuell)', 0),"
	" ('vantan', 2, 'I väntan', 0),"
	" ('avslutad', 3, 'Avslutad', 0),"
	" ('ALLA', 1000, 'Samtliga deltagare', 1))",
	0, 0, NULL, 0
};

/*
 * The answers of an Avslutat samarbete are parts of it, and the types of
 * work a breakdown of "Arbetar efter": rows after the sum row (which
 * sums Avslutat and Avbrutet) and no part of it (rapport_rad_utanfor()).
 */
static const struct affk_egen affk_avslut_egen[] = {
	{ "INSKRIVEN_AF_EFTER:JA", "AVSLUTAT", 0 },
	{ "ARBETAR_EFTER:JA", "AVSLUTAT", 0 },
	{ "TYP_AV_ARBETE:*", "ARBETAR_EFTER:JA", 1 },
	{ "STUDERAR_EFTER:JA", "AVSLUTAT", 0 },
};

/* Ended in the period: how, and what the ending's answers say. */
static const struct affk_persp affk_avslut = {
	", av AS (SELECT * FROM pf WHERE slag = 'avslut'"
	" AND arende_slut BETWEEN $1::date AND $2::date),"
	/*
	 * The answers joined to the table itself, not to a second CTE: two
	 * CTEs without statistics joined made a nested loop of every ended
	 * period with every answer (over a minute at national volume).
	 */
	" m AS (SELECT enhet, arende_id, kon, insatstyp AS nyckel FROM av"
	AFFK_ALLA("av")
	" UNION ALL SELECT a.enhet, a.arende_id, a.kon,"
	" f.kod || ':' || k.kod FROM av a"
	" JOIN affk_svar s ON s.period_id = a.period_id"
	" JOIN affk_fraga f ON f.id = s.fraga_id"
	" JOIN kod k ON k.id = s.svar_id),"
	" cats (nyckel, ord, namn, summa) AS (VALUES"
	" ('AVSLUTAT', 1, 'Avslutat samarbete', 0),"
	" ('AVBRUTET', 2, 'Avbrutet samarbete', 0),"
	" ('ALLA', 1000, 'Samtliga avslutade', 1),"
	" ('INSKRIVEN_AF_EFTER:JA', 1001, 'Inskriven hos Af efter samarbetet',"
	" 0), ('ARBETAR_EFTER:JA', 1002, 'Arbetar efter samarbetet', 0),"
	" ('STUDERAR_EFTER:JA', 1500, 'Studerar efter samarbetet', 0)"
	" UNION ALL SELECT 'TYP_AV_ARBETE:' || k.kod, 1010 + k.ordning,"
	" 'Typ av arbete: ' || k.namn, 0 FROM kod k"
	" WHERE k.lista = 'affk_typ_arbete')",
	0, 0, affk_avslut_egen, NELEM(affk_avslut_egen)
};

/* Who initiated the co-operation. */
static const struct affk_persp affk_initierad = {
	", m AS (SELECT enhet, arende_id, kon, initierad_av AS nyckel FROM pf"
	AFFK_ALLA("pf") "),"
	" cats (nyckel, ord, namn, summa) AS (VALUES"
	" ('AF', 1, 'Initierad av Arbetsförmedlingen', 0),"
	" ('FK', 2, 'Initierad av Försäkringskassan', 0),"
	" ('ALLA', 1000, 'Samtliga deltagare', 1))",
	0, 0, NULL, 0
};

/* Per office (of kontor_myndighet) with someone in the period. */
static const struct affk_persp affk_kontor = {
	", m AS (SELECT enhet, arende_id, kon, kontor_id::text AS nyckel"
	" FROM pf" AFFK_ALLA("pf") "),"
	" cats (nyckel, ord, namn, summa) AS (SELECT DISTINCT"
	" kontor_id::text, 1, kontor::text, 0 FROM pf"
	" UNION ALL SELECT 'ALLA', 1000, 'Samtliga deltagare', 1)",
	1, 0, NULL, 0
};

static int
affk_run_insatstyp(struct rapport_ctx *c)
{
	return rapport_affk_run(c, &affk_insatstyp);
}

static int
affk_run_status(struct rapport_ctx *c)
{
	return rapport_affk_run(c, &affk_status);
}

static int
affk_run_avslut(struct rapport_ctx *c)
{
	return rapport_affk_run(c, &affk_avslut);
}

static int
affk_run_initierad(struct rapport_ctx *c)
{
	return rapport_affk_run(c, &affk_initierad);
}

static int
affk_run_kontor(struct rapport_ctx *c)
{
	return rapport_affk_run(c, &affk_kontor);
}

const struct rapport_typ rapport_affk_deltagare_typer[] = {
	{ "insatstyp", "Insatstyp", "Deltagare i varje insatstyp under "
	    "perioden.", affk_run_insatstyp },
	{ "status", "Status", "Deltagare i insats, i väntan och avslutade "
	    "vid periodens slut.", affk_run_status },
	{ "avslut", "Avslut", "Avslutade under perioden: avslutat eller "
	    "avbrutet, och arbete, studier och inskrivning efter.",
	    affk_run_avslut },
	{ "initierad", "Initierad av", "Deltagare efter vem som initierade "
	    "samarbetet.", affk_run_initierad },
	{ "kontor", "Kontor", "Deltagare per kontor under perioden.",
	    affk_run_kontor },
};
const size_t rapport_affk_deltagare_ntyper =
    NELEM(rapport_affk_deltagare_typer);

static const struct rapport_val_row affk_myndighet_val[] = {
	{ (char *)"af", (char *)"Arbetsförmedlingens kontor" },
	{ (char *)"fk", (char *)"Försäkringskassans kontor" },
};

static const struct rapport_val_row affk_status_val[] = {
	{ (char *)"", (char *)"Alla" },
	{ (char *)"aktuell", (char *)"I insats (aktuell)" },
	{ (char *)"vantan", (char *)"I väntan" },
	{ (char *)"avslutad", (char *)"Avslutad" },
};

static const struct rapport_val_row affk_initierad_val[] = {
	{ (char *)"", (char *)"Af och FK" },
	{ (char *)"af", (char *)"Arbetsförmedlingen" },
	{ (char *)"fk", (char *)"Försäkringskassan" },
};

static const struct rapport_val_row affk_janej_val[] = {
	{ (char *)"", (char *)"Alla" },
	{ (char *)"ja", (char *)"Ja" },
	{ (char *)"nej", (char *)"Nej" },
};

const struct rapport_param rapport_affk_deltagare_param[] = {
	{ "from", "Från och med", RAPPORT_P_DATUM, "", 0, 1, "", "",
	    NULL, 0 },
	{ "tom", "Till och med", RAPPORT_P_DATUM, "", 0, 1, "", "idag",
	    NULL, 0 },
	{ "niva", "Nivå", RAPPORT_P_VAL, "", 0, 1, "", "riket",
	    rapport_affk_niva_val, RAPPORT_AFFK_NIVA_NVAL },
	{ "kontor_myndighet", "Kontor", RAPPORT_P_VAL, "", 0, 1, "", "af",
	    affk_myndighet_val, NELEM(affk_myndighet_val) },
	{ "kon", "Kön", RAPPORT_P_VAL, "", 0, 0, "", "", rapport_kon_val,
	    RAPPORT_KON_NVAL },
	{ "alder", "Ålder", RAPPORT_P_VAL, "", 0, 0, "", "",
	    rapport_alder_val, RAPPORT_ALDER_NVAL },
	{ "lan", "Län (folkbokföring)", RAPPORT_P_LAN, "", 1, 0, "", "",
	    NULL, 0 },
	{ "kommun", "Folkbokföringskommun", RAPPORT_P_KOMMUN, "", 1, 0, "",
	    "", NULL, 0 },
	{ "marknadsomrade", "Marknadsområde", RAPPORT_P_KOD,
	    "marknadsomrade", 1, 0, "", "", NULL, 0 },
	{ "af_kontor", "Arbetsförmedling", RAPPORT_P_AF_KONTOR, "", 1, 0, "",
	    "", NULL, 0 },
	{ "verksamhetsomrade", "Verksamhetsområde", RAPPORT_P_KOD,
	    "verksamhetsomrade", 1, 0, "", "", NULL, 0 },
	{ "fk_kontor", "Försäkringskassans kontor", RAPPORT_P_FK_KONTOR, "",
	    1, 0, "", "", NULL, 0 },
	{ "status", "Deltagarstatus", RAPPORT_P_VAL, "", 1, 0, "", "",
	    affk_status_val, NELEM(affk_status_val) },
	{ "initierad_av", "Initierad av", RAPPORT_P_VAL, "", 1, 0, "", "",
	    affk_initierad_val, NELEM(affk_initierad_val) },
	{ "inskriven_fore", "Inskriven hos Af före samarbetet",
	    RAPPORT_P_VAL, "", 1, 0, "", "", affk_janej_val,
	    NELEM(affk_janej_val) },
};
const size_t rapport_affk_deltagare_nparam =
    NELEM(rapport_affk_deltagare_param);
