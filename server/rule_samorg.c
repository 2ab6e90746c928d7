/*
 * Rules of the samverkansorganisation (domain.md rules 1-11, 44): the
 * Swedish sentences for the refusals of schema 0006. Pure: no I/O.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule.h"

/* SQLSTATEs of schema 0006 and what to tell the user. */
static const struct {
	const char	*state;
	const char	*message;
} rule_samorg_messages[] = {
	{ "SU010", "Namnet får inte innehålla samverkansformen." },
	{ "SU011", "Finansiären måste vara en ingående organisation markerad "
	    "som finansiär." },
	{ "SU012", "Budget kan bara registreras för år från "
	    "samverkansorganisationens startår till och med dess slutår." },
	{ "SU013", "Administrativa kostnader finns bara för samverkansformen "
	    "FINSAM." },
	{ "SU014", "En post med överskott från tidigare år ska beskrivas "
	    "\"Eget kapital\"." },
	{ "SU015", "Frågan har besvarats och kan inte tas bort. Avsluta den "
	    "i stället genom att sätta ett slutdatum." },
	{ "SU016", "Koden används av reglerna i SUS och kan inte ändras, "
	    "inaktiveras eller tas bort." },
	{ "SU017", "Datumen skulle lämna registrerad budget utanför "
	    "samverkansorganisationens verksamhetsår." },
	{ "SU018", "Frågan har besvarats: svarstypen och besvarade "
	    "svarsalternativ kan inte ändras." },
	{ "SU019", "Det finns redan en samverkansorganisation eller en "
	    "beställning med samma namn eller organisationsnummer." },
	{ "SU020", "Koden måste höra till en kod i den överordnade listan." },
	{ "SU021", "Frågor och svarsalternativ får inte handla om känsliga "
	    "personuppgifter (till exempel hälsa, etnicitet eller brott)." },
	{ "SU022", "Samverkansformen är stängd för nya "
	    "samverkansorganisationer." },
	{ "SU023", "En envals- eller flervalsfråga ska ha minst två "
	    "svarsalternativ; andra svarstyper har inga." },
};

const char *
rule_samorg_db_message(const char *sqlstate)
{
	size_t	i;

	for (i = 0; i < sizeof rule_samorg_messages /
	    sizeof rule_samorg_messages[0]; i++) {
		if (strcmp(rule_samorg_messages[i].state, sqlstate) == 0)
			return rule_samorg_messages[i].message;
	}
	return NULL;
}
