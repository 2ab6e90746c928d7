/*
 * Rules for roles, passwords and dates (domain.md 4.2, rules 17-18, 21).
 * Pure: no I/O and no globals, so the unit tests call them directly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"
#include "rule.h"

const char *
rule_roles_refusal(const struct rule_person *p)
{
	if ((p->roles & ROLE_DELTAGARANSVARIG) != 0) {
		if ((p->roles & ROLE_SAMVERKANSADMIN) != 0)
			return "Samverkansadministratör och deltagaransvarig "
			    "får inte innehas av samma person.";
		if (p->organisationstyp != NULL &&
		    strcmp(p->organisationstyp, "Samordningsförbund") == 0)
			return "Den som är anställd av ett samordningsförbund "
			    "får inte vara deltagaransvarig.";
		if (p->bestallare)
			return "En registrerad beställare får inte vara "
			    "deltagaransvarig.";
	}
	if ((p->roles & ROLE_SUPERADMIN) != 0 && !p->sus_forvaltning)
		return "Superadministratör får bara den som arbetar med "
		    "SUS-förvaltningen på Försäkringskassan.";
	return NULL;
}

/* SQLSTATEs that are a rule saying no, and what to tell the user. */
static const struct {
	const char	*state;
	const char	*message;
} rule_db_messages[] = {
	{ "SU001", "Samverkansadministratör och deltagaransvarig får inte "
	    "innehas av samma person." },
	{ "SU002", "Den som är anställd av ett samordningsförbund får inte "
	    "vara deltagaransvarig." },
	{ "SU003", "En registrerad beställare får inte vara "
	    "deltagaransvarig." },
	{ "SU004", "Superadministratör får bara den som arbetar med "
	    "SUS-förvaltningen på Försäkringskassan." },
	{ "SU005", "Användaren har inte den roll som uppdraget kräver." },
	{ "SU006", "Organisationen har ingen giltig överenskommelse med "
	    "Försäkringskassan." },
	{ "SU007", "Beställaren måste vara anställd av organisationen." },
	{ "SU008", "Användaren är inte aktiv." },
	{ "23505", "Uppgiften finns redan." },
	{ "23514", "Ett värde är inte tillåtet." },
	{ "23503", "Något som uppgiften hänvisar till finns inte." },
};

const char *
rule_db_message(const char *sqlstate)
{
	size_t	i;

	if (sqlstate == NULL)
		return NULL;
	if (strncmp(sqlstate, "SU", 2) == 0 &&
	    rule_samorg_db_message(sqlstate) != NULL)
		return rule_samorg_db_message(sqlstate);
	if (strncmp(sqlstate, "SU", 2) == 0 &&
	    rule_insats_db_message(sqlstate) != NULL)
		return rule_insats_db_message(sqlstate);
	if (strncmp(sqlstate, "SU", 2) == 0 &&
	    rule_affk_db_message(sqlstate) != NULL)
		return rule_affk_db_message(sqlstate);
	if (strncmp(sqlstate, "SU", 2) == 0 &&
	    rule_deltagande_db_message(sqlstate) != NULL)
		return rule_deltagande_db_message(sqlstate);
	for (i = 0; i < sizeof rule_db_messages / sizeof rule_db_messages[0];
	    i++) {
		if (strcmp(rule_db_messages[i].state, sqlstate) == 0)
			return rule_db_messages[i].message;
	}
	return NULL;
}

const char *
rule_password_refusal(const char *pw, const char *username, const char *old)
{
	size_t	len = strlen(pw);

	if (len < RULE_PASSWORD_MIN)
		return "Lösenordet måste ha minst 10 tecken.";
	if (len > RULE_PASSWORD_MAX)
		return "Lösenordet får ha högst 128 tecken.";
	if (username != NULL && strcasecmp(pw, username) == 0)
		return "Lösenordet får inte vara ditt användarnamn.";
	if (old != NULL && strcmp(pw, old) == 0)
		return "Det nya lösenordet måste skilja sig från det gamla.";
	return NULL;
}
