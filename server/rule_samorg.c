/*
 * Rules of the samverkansorganisation (domain.md rules 1-11, 44): the
 * Swedish sentences for the refusals of schema 0006, the name rule and
 * the formats of the contact fields. Pure: no I/O.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "samverkansorg.h"

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

/* Characters (code points) in a valid UTF-8 string, not bytes. */
size_t
rule_utf8_chars(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n = 0;

	for (; *u != '\0'; u++) {
		/* Continuation bytes are part of the character before. */
		if ((*u & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/*
 * Copies s into out folded as namn_har_samverkansform() compares: ASCII
 * and Latin-1 letters (Å Ä Ö É ...) in lower case, '-' as a space. The
 * bytes keep their places, so a match in out is a match in s.
 */
static void
rule_samorg_fold(const char *s, char *out, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 o = 0;

	for (; *u != '\0' && o + 2 < len; u++) {
		if (*u >= 'A' && *u <= 'Z')
			out[o++] = (char)(*u + ('a' - 'A'));
		else if (*u == '-')
			out[o++] = ' ';
		else if (*u == 0xc3 && u[1] >= 0x80 && u[1] <= 0x9e &&
		    u[1] != 0x97) {
			/* U+00C0-U+00DE but ×: lower case is 0x20 on. */
			out[o++] = (char)*u;
			out[o++] = (char)(*++u + 0x20);
		} else
			out[o++] = (char)*u;
	}
	out[o] = '\0';
}

const char *
rule_samorg_name_form(const char *namn, const char *const *forms,
    size_t nforms)
{
	char		 n[RULE_SAMORG_NAME_MAX * 4 + 4], f[256];
	const char	*found = NULL;
	size_t		 i;

	rule_samorg_fold(namn, n, sizeof n);
	for (i = 0; i < nforms; i++) {
		rule_samorg_fold(forms[i], f, sizeof f);
		if (f[0] == '\0' || strstr(n, f) == NULL)
			continue;
		/* "Tvåpartsfinsam" says more than the "FINSAM" inside it. */
		if (found == NULL || strlen(forms[i]) > strlen(found))
			found = forms[i];
	}
	return found;
}

/* Reports whether s holds a control character; tab and newline if line. */
static int
rule_samorg_has_control(const char *s, int line)
{
	const unsigned char	*u = (const unsigned char *)s;

	for (; *u != '\0'; u++) {
		if (*u == 0x7f)
			return 1;
		if (*u < 0x20 && (line || (*u != '\n' && *u != '\t')))
			return 1;
	}
	return 0;
}

const char *
rule_samorg_name_refusal(const char *namn, const char *const *forms,
    size_t nforms, char *out, size_t len)
{
	const char	*form;
	size_t		 n = rule_utf8_chars(namn);

	if (strspn(namn, " ") == strlen(namn))
		snprintf(out, len, "Ange samverkansorganisationens namn.");
	else if (n > RULE_SAMORG_NAME_MAX)
		snprintf(out, len, "Namnet får ha högst %d tecken inklusive "
		    "mellanslag; det har %zu.", RULE_SAMORG_NAME_MAX, n);
	else if (rule_samorg_has_control(namn, 1))
		snprintf(out, len, "Namnet får inte innehålla radbrytningar "
		    "eller tabbar.");
	else if ((form = rule_samorg_name_form(namn, forms, nforms)) != NULL)
		snprintf(out, len, "Namnet får inte innehålla "
		    "samverkansformen \"%s\".", form);
	else
		return NULL;
	return out;
}

int
rule_postnummer(const char *in, char *out, size_t len)
{
	char	d[5];
	size_t	i, n = 0;

	for (i = 0; in[i] != '\0'; i++) {
		if (in[i] >= '0' && in[i] <= '9' && n < sizeof d)
			d[n++] = in[i];
		else if (in[i] != ' ' || i != 3 || n != 3)
			return -1;
	}
	if (n != 5 || len < 7)
		return -1;
	snprintf(out, len, "%.3s %.2s", d, d + 3);
	return 0;
}

/*
 * Normalises an organisationsnummer to NNNNNN-NNNN: spaces go, and ten
 * digits without the hyphen get one. Returns 0, or -1 for another shape.
 */
int
rule_orgnr_normalise(const char *in, char *out, size_t len)
{
	char	digits[11];
	size_t	n = 0, i;
	int	hyphen = -1;

	for (i = 0; in[i] != '\0'; i++) {
		if (in[i] == ' ')
			continue;
		if (in[i] == '-' && hyphen == -1 && n == 6) {
			hyphen = (int)n;
			continue;
		}
		if (in[i] < '0' || in[i] > '9' || n == 10)
			return -1;
		digits[n++] = in[i];
	}
	if (n != 10 || len < 12)
		return -1;
	digits[10] = '\0';
	snprintf(out, len, "%.6s-%.4s", digits, digits + 6);
	return 0;
}

/*
 * Checks the last digit of an organisationsnummer NNNNNN-NNNN with the
 * Luhn algorithm over the other nine, as Bolagsverket does.
 */
int
rule_orgnr_luhn(const char *nr)
{
	int	sum = 0, weight = 2, d, k;
	size_t	i;

	if (strlen(nr) != 11)
		return 0;
	for (i = k = 0; nr[i] != '\0' && k < 9; i++) {
		if (nr[i] == '-')
			continue;
		d = (nr[i] - '0') * weight;
		sum += d / 10 + d % 10;
		weight = weight == 2 ? 1 : 2;
		k++;
	}
	return (10 - sum % 10) % 10 == nr[10] - '0';
}

/* The e-post rule: one @ with something either side and no space. */
static int
rule_epost_ok(const char *e)
{
	const char	*at = strchr(e, '@');

	return at != NULL && at != e && at[1] != '\0' &&
	    strchr(at + 1, '@') == NULL && strchr(e, ' ') == NULL;
}

/* The telefon rule: digits, spaces and + - ( ), at least one digit. */
static int
rule_telefon_ok(const char *t)
{
	return strspn(t, "0123456789 +-()") == strlen(t) &&
	    strpbrk(t, "0123456789") != NULL;
}

const char *
rule_samorg_field_refusal(const char *label, const char *value, size_t max,
    int format, char *out, size_t len)
{
	char	pn[8];

	if (*value == '\0')
		return NULL;
	if (rule_utf8_chars(value) > max)
		snprintf(out, len, "%s får ha högst %zu tecken.", label, max);
	else if (rule_samorg_has_control(value, format != RULE_FIELD_TEXT))
		snprintf(out, len, "%s får inte innehålla radbrytningar eller "
		    "tabbar.", label);
	else if (format == RULE_FIELD_POSTNUMMER &&
	    rule_postnummer(value, pn, sizeof pn) != 0)
		snprintf(out, len, "%s ska vara fem siffror, skrivet NNN NN "
		    "(till exempel 411 04).", label);
	else if (format == RULE_FIELD_EPOST && !rule_epost_ok(value))
		snprintf(out, len, "%s ska vara en e-postadress med @, till "
		    "exempel namn@exempel.se.", label);
	else if (format == RULE_FIELD_TELEFON && !rule_telefon_ok(value))
		snprintf(out, len, "%s får bara innehålla siffror, mellanslag "
		    "och tecknen + - ( ).", label);
	else
		return NULL;
	return out;
}
