/*
 * Server key pinning as ssh does it for known_hosts: the system file is
 * consulted first and, when it names the server, decides alone; otherwise
 * the user's file, and for an unknown server a question on the terminal
 * before anything else is sent. A changed key is never a question.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "client.h"
#include "err.h"
#include "keyfile.h"
#include "known.h"

/* Prints the warning for a server whose key changed, ssh style. */
static void
hostkey_warn_changed(FILE *out, const char *hostport, const char *fp,
    const char *pins)
{
	fprintf(out,
	    "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
	    "@    VARNING: SERVERNS NYCKEL HAR ÄNDRATS!                 @\n"
	    "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
	    "Någon kan försöka avlyssna dig just nu (en mellanhandsattack)!\n"
	    "Det kan också vara så att servern har fått en ny nyckel.\n"
	    "Servern %s visade nyckeln med fingeravtrycket\n"
	    "%s\n"
	    "men en annan nyckel finns sparad i %s.\n"
	    "Kontakta systemförvaltningen. Anslutningen avbryts.\n",
	    hostport, fp, pins);
	fflush(out);
}

/* Asks whether to trust an unknown key; returns 1 for yes. */
static int
hostkey_ask(FILE *in, FILE *out, const char *hostport, const char *fp)
{
	char	 line[64];
	size_t	 n;

	fprintf(out,
	    "Serverns äkthet kan inte fastställas: %s.\n"
	    "Servernyckel (X25519) med fingeravtrycket:\n"
	    "Fingeravtryck: %s\n"
	    "Nyckeln finns inte sparad sedan tidigare.\n", hostport, fp);
	for (;;) {
		fprintf(out, "Vill du fortsätta ansluta (ja/nej)? ");
		fflush(out);
		if (fgets(line, sizeof line, in) == NULL) {
			fputc('\n', out);
			return 0;
		}
		n = strlen(line);
		while (n > 0 && isspace((unsigned char)line[n - 1]))
			line[--n] = '\0';
		if (strcasecmp(line, "ja") == 0 ||
		    strcasecmp(line, "yes") == 0)
			return 1;
		if (strcasecmp(line, "nej") == 0 ||
		    strcasecmp(line, "no") == 0)
			return 0;
		fprintf(out, "Svara \"ja\" eller \"nej\".\n");
	}
}

/* Checks a server key against the pins and asks about unknown ones. */
int
hostkey_verify(const char *system_pins, const char *user_pins,
    const char *hostport, const uint8_t key[32], FILE *in, FILE *out)
{
	char	fp[KEYFILE_FP_LEN];
	int	r;

	keyfile_fingerprint(key, fp, sizeof fp);
	if (system_pins != NULL) {
		r = known_check(system_pins, hostport, key);
		if (r < 0)
			return r;
		if (r == KNOWN_MATCH)
			return 0;
		if (r == KNOWN_MISMATCH) {
			hostkey_warn_changed(out, hostport, fp, system_pins);
			return SUS_ERR_PIN_MISMATCH;
		}
	}
	r = known_check(user_pins, hostport, key);
	if (r < 0)
		return r;
	if (r == KNOWN_MATCH)
		return 0;
	if (r == KNOWN_MISMATCH) {
		hostkey_warn_changed(out, hostport, fp, user_pins);
		return SUS_ERR_PIN_MISMATCH;
	}
	if (in == NULL || !hostkey_ask(in, out, hostport, fp)) {
		fprintf(out, "Servernyckeln godtogs inte; ingen anslutning.\n");
		fflush(out);
		return SUS_ERR_HANDSHAKE;
	}
	if ((r = known_add(user_pins, hostport, key)) != 0) {
		fprintf(out, "Kunde inte spara nyckeln i %s.\n", user_pins);
		fflush(out);
		return r;
	}
	fprintf(out, "Varning: %s har lagts till bland kända servrar i %s.\n",
	    hostport, user_pins);
	fflush(out);
	return 1;
}
