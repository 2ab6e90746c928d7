/*
 * Deltagande rules that need no I/O, and the Swedish sentence for each
 * refusal of schema 0008 (SU050-SU063). No sentence repeats a
 * personnummer: messages end up on screens and in the audit of refusals.
 */
#include <stddef.h>
#include <string.h>

#include "pnr.h"
#include "rule.h"

static const struct {
	const char	*state;
	const char	*message;
} rule_deltagande_messages[] = {
	{ "SU050", "Startdatum får inte vara före insatsens eller "
	    "samverkansorganisationens startdatum." },
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

const char *
rule_pnr_refusal(const char *typed, char *out, size_t len)
{
	(void)typed;
	if (len > 0)
		out[0] = '\0';
	return "Personnumret kan inte kontrolleras ännu.";
}
