/*
 * Rules of the insats (domain.md rules 24-31): the Swedish sentences for
 * the refusals of schema 0007 and the checks that need no database.
 * Pure: no I/O.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "samverkansorg.h"

/* SQLSTATEs of schema 0007 and what to tell the user. */
static const struct {
	const char	*state;
	const char	*message;
} rule_insats_messages[] = {
	{ "SU030", "Insatsens startdatum får inte vara före "
	    "samverkansorganisationens startdatum." },
	{ "SU031", "Insatsen får inte pågå efter samverkansorganisationens "
	    "slutdatum." },
	{ "SU032", "Den preciserade inriktningen hör inte till den valda "
	    "inriktningen." },
	{ "SU033", "Det finns registrerade deltagare på insatsen: "
	    "kategoriseringen kan inte längre ändras." },
	{ "SU034", "En insats kan inte flyttas till en annan "
	    "samverkansorganisation." },
	{ "SU035", "Datumen skulle lämna registrerad budget, antal eller "
	    "deltagare utanför insatsens tid." },
	{ "SU036", "En volyminsats har inga deltagaransvariga: ta bort dem "
	    "innan mätningsmetoden ändras till Endast antal." },
	{ "SU037", "Antal kan bara registreras på en volyminsats (mätningsmetod "
	    "Endast antal)." },
	{ "SU038", "Perioden ligger utanför insatsens tid." },
	{ "SU039", "Budget kan bara registreras för år inom både insatsens "
	    "och samverkansorganisationens tid." },
	{ "SU040", "Fältet Organisation används inte för FINSAM-insatser." },
	{ "SU041", "Organisationen måste vara en ingående organisation i "
	    "samverkansorganisationen." },
	{ "SU042", "Insatsen måste kategoriseras innan deltagare "
	    "registreras." },
	{ "SU043", "På en volyminsats registreras bara antal, inte "
	    "deltagare." },
	{ "SU044", "Registrerade antal ändras genom en rättelse; historiken "
	    "kan inte ändras eller tas bort." },
	{ "SU045", "Datumen skulle lämna en insats utanför "
	    "samverkansorganisationens tid." },
};

const char *
rule_insats_db_message(const char *sqlstate)
{
	size_t	i;

	for (i = 0; i < sizeof rule_insats_messages /
	    sizeof rule_insats_messages[0]; i++) {
		if (strcmp(rule_insats_messages[i].state, sqlstate) == 0)
			return rule_insats_messages[i].message;
	}
	return NULL;
}

/*
 * Checks a month as YYYY-MM with a plausible year. Returns 1 and the
 * year and month when valid.
 */
int
rule_insats_period(const char *s, int *year, int *month)
{
	int	y, m;

	if (strlen(s) != 7 || s[4] != '-')
		return 0;
	if (strspn(s, "0123456789") != 4 || strspn(s + 5, "0123456789") != 2)
		return 0;
	y = atoi(s);
	m = atoi(s + 5);
	if (y < 1990 || y > 2200 || m < 1 || m > 12)
		return 0;
	if (year != NULL)
		*year = y;
	if (month != NULL)
		*month = m;
	return 1;
}

/*
 * Checks an insatsnamn (rule 24): 1 to 100 characters, no leading or
 * trailing space, no control characters. NULL when acceptable.
 */
const char *
rule_insats_name_refusal(const char *namn)
{
	const unsigned char	*u;
	size_t			 len = strlen(namn);

	if (len == 0)
		return "Ange ett insatsnamn.";
	if (namn[0] == ' ' || namn[len - 1] == ' ')
		return "Insatsnamnet får inte börja eller sluta med mellanslag.";
	for (u = (const unsigned char *)namn; *u != '\0'; u++) {
		if (*u < 0x20 || *u == 0x7f)
			return "Insatsnamnet får inte innehålla styrtecken.";
	}
	if (rule_utf8_chars(namn) > RULE_INSATS_NAME_MAX)
		return "Insatsnamnet får vara högst 100 tecken.";
	return NULL;
}

uint32_t
rule_year_pick(uint32_t ar, uint32_t this_year, uint32_t forsta,
    uint32_t sista)
{
	if (ar != 0)
		return ar;
	if (sista != 0 && this_year > sista)
		return sista;
	if (this_year < forsta)
		return forsta;
	return this_year;
}
