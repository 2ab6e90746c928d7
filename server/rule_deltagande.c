/*
 * Deltagande rules that need no I/O, and the Swedish sentence for each
 * refusal of schema 0008 (SU050-SU063). No sentence repeats a
 * personnummer: messages end up on screens and in the audit of refusals.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "pnr.h"
#include "rule.h"

static const struct {
	const char	*state;
	const char	*message;
} rule_deltagande_messages[] = {
	{ "SU050", "Startdatum får inte vara före insatsens eller "
	    "samverkansorganisationens startdatum." },
	{ "SU051", "Startdatum får inte vara efter insatsens slutdatum." },
	{ "SU052", "Datumet får inte vara senare än i dag." },
	{ "SU053", "Slutdatum får inte vara före startdatum." },
	{ "SU054", "Slutdatum får inte vara efter insatsens slutdatum." },
	{ "SU055", "Samtycke saknas: ett undertecknat samtycke (blankett "
	    "9443) måste finnas innan något sparas." },
	{ "SU056", "Personen kan inte registreras med personuppgifter. "
	    "Använd Registrera anonyma deltagare." },
	{ "SU057", "Personen deltar redan i insatsen under samma tid: "
	    "deltagandena får inte överlappa." },
	{ "SU058", "Deltagandet är avidentifierat och kan inte ändras." },
	{ "SU059", "Sysselsättning saknas, eller omfattningen passar inte "
	    "sysselsättningen." },
	{ "SU060", "Uppgifterna hör inte till mättillfället (in- eller "
	    "utregistrering)." },
	{ "SU061", "Anonyma deltagare registreras bara för år då insatsen "
	    "pågår, inte för kommande år." },
	{ "SU062", "Ett svar gäller en fråga som inte ställs vid "
	    "mättillfället eller inte gäller det datumet." },
	{ "SU063", "Personuppgifterna kunde inte loggas och sparades inte." },
};

const char *
rule_deltagande_db_message(const char *sqlstate)
{
	size_t	i;

	for (i = 0; i < sizeof rule_deltagande_messages /
	    sizeof rule_deltagande_messages[0]; i++) {
		if (strcmp(rule_deltagande_messages[i].state, sqlstate) == 0)
			return rule_deltagande_messages[i].message;
	}
	return NULL;
}

/* What to say for each pnr_parse() error, by the negated code. */
static const char *const rule_pnr_messages[] = {
	NULL,							/* PNR_OK */
	"Personnumret ska skrivas ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN.",
	"Personnumret innehåller ett datum som inte finns.",
	"Personnumret har fel kontrollsiffra: kontrollera siffrorna.",
	"Personnumret har födelsenummer 000, som aldrig delas ut.",
	"Personnumret har ett födelsedatum i framtiden.",
};

/*
 * Checks a personnummer or samordningsnummer as typed. Counts the digits
 * first, so that one missing or one too many gets its own sentence
 * before the shape is looked at. No sentence holds any of the digits.
 */
const char *
rule_pnr_refusal(const char *typed, char *out, size_t len)
{
	struct pnr	 p;
	const char	*c;
	size_t		 digits = 0, other = 0;
	int		 r;

	if (len > 0)
		out[0] = '\0';
	if (typed == NULL)
		typed = "";
	for (c = typed; *c != '\0'; c++) {
		if (*c >= '0' && *c <= '9')
			digits++;
		else if (*c != '-' && *c != '+' && *c != ' ' && *c != '\t')
			other++;
	}
	if (digits == 0 && other == 0)
		return "Ange personnummer eller samordningsnummer.";
	if (other > 0)
		return "Personnumret får bara innehålla siffror och "
		    "bindestreck.";
	if (digits == 9)
		return "Personnumret har bara 9 siffror: en siffra saknas. "
		    "Skriv 10 eller 12 siffror.";
	if (digits == 11)
		return "Personnumret har 11 siffror: en siffra saknas eller är "
		    "för mycket. Skriv 10 eller 12 siffror.";
	if (digits != 10 && digits != 12)
		return "Personnumret ska ha 10 eller 12 siffror.";
	if ((r = pnr_parse(typed, 0, &p)) != PNR_OK) {
		if (r < 0 && -r < (int)(sizeof rule_pnr_messages /
		    sizeof rule_pnr_messages[0]))
			return rule_pnr_messages[-r];
		return "Personnumret är felaktigt.";
	}
	if (len > 0)
		snprintf(out, len, "%s", p.norm);
	return NULL;
}

/* Kommuner whose persons are registered with a stadsdel (rule 39). */
static const char *const rule_stadsdel_kommuner[] = {
	"0180",		/* Stockholm */
	"1480",		/* Göteborg */
};

int
rule_stadsdel_kravs(const char *kommunkod)
{
	size_t	i;

	if (kommunkod == NULL)
		return 0;
	for (i = 0; i < sizeof rule_stadsdel_kommuner /
	    sizeof rule_stadsdel_kommuner[0]; i++) {
		if (strcmp(rule_stadsdel_kommuner[i], kommunkod) == 0)
			return 1;
	}
	return 0;
}
