/*
 * Af/FK-samarbetet: the Swedish sentence for each refusal of schema 0010
 * (SU070-SU080). Sentences that depend on who is asking (which authority
 * registers a step) are made by the handlers; these are the database's
 * last word. No sentence repeats a personnummer.
 */
#include <stddef.h>
#include <string.h>

#include "proto.h"
#include "rule.h"

static const struct {
	const char	*state;
	const char	*message;
} rule_affk_messages[] = {
	{ "SU070", "Övergången finns inte i Af/FK-samarbetet: välj en "
	    "insatstyp som kan följa på den nuvarande." },
	{ "SU071", "Övergången registreras av den andra myndigheten." },
	{ "SU072", "Datumet måste vara efter starten av den nuvarande "
	    "perioden (och efter ett tidigare kontorsbyte)." },
	{ "SU073", "Samarbetet är avslutat. Kommer personen tillbaka "
	    "registreras ny medverkan med nytt samtycke." },
	{ "SU074", "Personen har redan ett pågående samarbete, eller ett "
	    "som slutar samma dag eller senare." },
	{ "SU075", "Kontoret hör inte till rätt myndighet eller är "
	    "stängt." },
	{ "SU076", "Både Af-kontor och FK-kontor är desamma som förut: "
	    "inget kontor byts." },
	{ "SU077", "Ett svar hör till en fråga som inte ställs för "
	    "insatstypen." },
	{ "SU078", "En period ändras bara genom nästa övergång." },
	{ "SU079", "Kontorets insats hör inte till myndighetens "
	    "samverkansorganisation." },
	{ "SU080", "Datumet är före Af/FK-samarbetets start." },
	{ "SU081", "Samtycket är från ett tidigare samarbete: den som "
	    "kommer tillbaka ger ett nytt samtycke, daterat efter att det "
	    "förra samarbetet slutade." },
};

const char *
rule_affk_db_message(const char *sqlstate)
{
	size_t	i;

	for (i = 0; i < sizeof rule_affk_messages /
	    sizeof rule_affk_messages[0]; i++) {
		if (strcmp(rule_affk_messages[i].state, sqlstate) == 0)
			return rule_affk_messages[i].message;
	}
	return NULL;
}

const char *
rule_affk_myndighet(int m)
{
	static const char *const names[] = { "", "Arbetsförmedlingen",
	    "Försäkringskassan", "Arbetsförmedlingen eller "
	    "Försäkringskassan" };

	if (m < 0 || (size_t)m >= sizeof names / sizeof names[0])
		return "";
	return names[m];
}
