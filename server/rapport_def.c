/*
 * The table of reports (domain.md 6): one row per report, pointing at
 * the rapporttyper and parameters its own file declares, and the option
 * lists several reports share. The menu, the urvalsbild and `sus report`
 * all come from here through MSG_RAPPORT_DEFS.
 */
#include <stddef.h>
#include <string.h>

#include "proto.h"
#include "rapport.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

const struct rapport_val_row rapport_niva_val[] = {
	{ (char *)"riket", (char *)"Riket" },
	{ (char *)"lan", (char *)"Län" },
	{ (char *)"samorg", (char *)"Samverkansorganisation" },
	{ (char *)"insats", (char *)"Insats" },
};
const size_t rapport_niva_nval = NELEM(rapport_niva_val);

const struct rapport_val_row rapport_affk_niva_val[] = {
	{ (char *)"riket", (char *)"Riket" },
	{ (char *)"lan", (char *)"Län (folkbokföring)" },
	{ (char *)"kontor", (char *)"Kontor" },
};
const size_t rapport_affk_niva_nval = NELEM(rapport_affk_niva_val);

const struct rapport_val_row rapport_kon_val[] = {
	{ (char *)"", (char *)"Kvinnor och män" },
	{ (char *)"K", (char *)"Kvinnor" },
	{ (char *)"M", (char *)"Män" },
};
const size_t rapport_kon_nval = NELEM(rapport_kon_val);

const struct rapport_val_row rapport_alder_val[] = {
	{ (char *)"", (char *)"Alla åldrar" },
	{ (char *)"16-24", (char *)"16–24 år" },
	{ (char *)"25-29", (char *)"25–29 år" },
	{ (char *)"30-39", (char *)"30–39 år" },
	{ (char *)"40-49", (char *)"40–49 år" },
	{ (char *)"50-59", (char *)"50–59 år" },
	{ (char *)"60-", (char *)"60 år och äldre" },
};
const size_t rapport_alder_nval = NELEM(rapport_alder_val);

_Static_assert(NELEM(rapport_niva_val) == RAPPORT_NIVA_NVAL, "niva");
_Static_assert(NELEM(rapport_affk_niva_val) == RAPPORT_AFFK_NIVA_NVAL,
    "affk niva");
_Static_assert(NELEM(rapport_kon_val) == RAPPORT_KON_NVAL, "kon");
_Static_assert(NELEM(rapport_alder_val) == RAPPORT_ALDER_NVAL, "alder");

#define FINSAM	"Rapporter Finsam/Tvåpartsfinsam"
#define AFFK	"Rapporter Af/FK-samarbetet"
#define DEF(n, t, g, b, x) \
	{ n, t, g, b, rapport_##x##_typer, 0, rapport_##x##_param, 0 }

/* The counts are filled in by rapport_def_init() (C has no constant). */
static struct rapport_def rapport_defs_tab[] = {
	DEF("insats", "Insatsrapport", FINSAM, "Insatser och projekt: hur "
	    "många, vilka typer, deltagare med personuppgifter, anonyma "
	    "och i volyminsatser.", insats),
	DEF("deltagare", "Deltagarrapport", FINSAM, "Deltagare registrerade "
	    "med personnummer: försörjning, sysselsättning, bakgrund och "
	    "avslut.", deltagare),
	DEF("kostnad", "Kostnadsrapport", FINSAM, "Medelstillgångar, "
	    "insatskostnader, administrativa kostnader och sammanställning "
	    "per budgetår.", kostnad),
	DEF("standard", "Standardrapport deltagare", FINSAM, "Nyckeltal för "
	    "deltagare: sysselsättning och försörjning före och efter.",
	    standard),
	DEF("affk_deltagare", "Deltagarrapport Af/FK", AFFK, "Deltagare i "
	    "Af/FK-samarbetet ur olika perspektiv.", affk_deltagare),
	DEF("affk_status", "Standardrapport – status", AFFK, "Deltagare i "
	    "insats, i väntan och avslutade, och anonyma.", affk_status),
};
#undef DEF

size_t
rapport_def_count(void)
{
	return NELEM(rapport_defs_tab);
}

const struct rapport_def *
rapport_def_at(size_t i)
{
	return i < NELEM(rapport_defs_tab) ? &rapport_defs_tab[i] : NULL;
}

const struct rapport_def *
rapport_def_find(const char *namn)
{
	size_t	i;

	for (i = 0; i < NELEM(rapport_defs_tab); i++) {
		if (strcmp(rapport_defs_tab[i].namn, namn) == 0)
			return &rapport_defs_tab[i];
	}
	return NULL;
}

/* Fills in the counts of each row once, at start-up. */
void
rapport_def_init(void)
{
	static const size_t *const nt[] = { &rapport_insats_ntyper,
	    &rapport_deltagare_ntyper, &rapport_kostnad_ntyper,
	    &rapport_standard_ntyper, &rapport_affk_deltagare_ntyper,
	    &rapport_affk_status_ntyper };
	static const size_t *const np[] = { &rapport_insats_nparam,
	    &rapport_deltagare_nparam, &rapport_kostnad_nparam,
	    &rapport_standard_nparam, &rapport_affk_deltagare_nparam,
	    &rapport_affk_status_nparam };
	size_t	i;

	for (i = 0; i < NELEM(rapport_defs_tab); i++) {
		rapport_defs_tab[i].ntyper = *nt[i];
		rapport_defs_tab[i].nparam = *np[i];
	}
}
