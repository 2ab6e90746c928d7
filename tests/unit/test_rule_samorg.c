/*
 * Unit tests for the samverkansorganisation rules of server/rule_samorg.c:
 * characters counted as characters, the name rule (rule 2) naming the
 * samverkansform it finds, the formats of the contact fields, and the
 * Swedish sentences for the refusals of schema 0006.
 */
#include <stdio.h>
#include <string.h>

#include "rule.h"
#include "samverkansorg.h"
#include "unit.h"

/* The samverkansformer of schema 0002. */
static const char *const forms[] = { "FINSAM", "Tvåpartsfinsam",
    "Handlingsplansamverkan", "Af/FK-samarbete" };
#define NFORMS	(sizeof forms / sizeof forms[0])

/* n copies of the UTF-8 character c in buf. */
static const char *
repeat(char *buf, size_t len, const char *c, size_t n)
{
	size_t	i;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		strncat(buf, c, len - strlen(buf) - 1);
	return buf;
}

/* The name refusal of namn, NULL when accepted. */
static const char *
name_refusal(const char *namn)
{
	static char	out[256];

	return rule_samorg_name_refusal(namn, forms, NFORMS, out, sizeof out);
}

/* The refusal of value in a field of format with at most max characters. */
static const char *
field(const char *value, size_t max, int format)
{
	static char	out[256];

	return rule_samorg_field_refusal("Fältet", value, max, format, out,
	    sizeof out);
}

START_TEST(utf8_chars)
{
	char	buf[512];

	ck_assert_uint_eq(rule_utf8_chars(""), 0);
	ck_assert_uint_eq(rule_utf8_chars("abc"), 3);
	ck_assert_uint_eq(rule_utf8_chars("åäö"), 3);
	ck_assert_uint_eq(rule_utf8_chars("€"), 1);
	ck_assert_uint_eq(rule_utf8_chars("\xf0\x9f\x98\x80"), 1);
	ck_assert_uint_eq(rule_utf8_chars(repeat(buf, sizeof buf, "ö", 50)),
	    50);
	ck_assert_uint_eq(strlen(buf), 100);
}
END_TEST

START_TEST(name_length_in_characters)
{
	char		 buf[512];
	const char	*why;

	/* 50 å are 100 bytes and still 50 characters. */
	ck_assert_ptr_null(name_refusal(repeat(buf, sizeof buf, "å", 50)));
	ck_assert_ptr_null(name_refusal(repeat(buf, sizeof buf, "a", 50)));
	why = name_refusal(repeat(buf, sizeof buf, "å", 51));
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "högst 50 tecken"));
	ck_assert_ptr_nonnull(strstr(why, "51"));
	ck_assert_ptr_nonnull(name_refusal(repeat(buf, sizeof buf, " ", 51)));
	ck_assert_ptr_nonnull(strstr(name_refusal(""), "Ange"));
	ck_assert_ptr_nonnull(strstr(name_refusal("   "), "Ange"));
	ck_assert_ptr_nonnull(strstr(name_refusal("Integ\ttest"),
	    "radbrytningar"));
	ck_assert_ptr_nonnull(strstr(name_refusal("Integ\ntest"),
	    "radbrytningar"));
	ck_assert_ptr_null(name_refusal("Samordningsförbundet Göteborg"));
}
END_TEST

START_TEST(name_with_form)
{
	const char	*why;

	ck_assert_str_eq(rule_samorg_name_form("Finsam Väst", forms, NFORMS),
	    "FINSAM");
	ck_assert_str_eq(rule_samorg_name_form("Samordning finsam", forms,
	    NFORMS), "FINSAM");
	/* The longest form found is named, Å folded like A. */
	ck_assert_str_eq(rule_samorg_name_form("LFC X TVÅPARTSFINSAM", forms,
	    NFORMS), "Tvåpartsfinsam");
	/* '-' and ' ' count as the same, as in namn_har_samverkansform(). */
	ck_assert_str_eq(rule_samorg_name_form("Af/FK samarbete Syd", forms,
	    NFORMS), "Af/FK-samarbete");
	ck_assert_str_eq(rule_samorg_name_form("Område "
	    "handlingsplansamverkan", forms, NFORMS),
	    "Handlingsplansamverkan");
	ck_assert_ptr_null(rule_samorg_name_form("Samverkansområde Dalarna",
	    forms, NFORMS));
	ck_assert_ptr_null(rule_samorg_name_form("Fin-sam Väst", forms,
	    NFORMS));
	ck_assert_ptr_null(rule_samorg_name_form("Finsam", forms, 0));
	why = name_refusal("Samordningsförbundet Finsam Väst");
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "\"FINSAM\""));
}
END_TEST

START_TEST(field_lengths)
{
	char	buf[512];

	ck_assert_ptr_null(field("", 5, RULE_FIELD_LINE));
	ck_assert_ptr_null(field("", 5, RULE_FIELD_EPOST));
	ck_assert_ptr_null(field("", 5, RULE_FIELD_POSTNUMMER));
	ck_assert_ptr_null(field("abcde", 5, RULE_FIELD_LINE));
	ck_assert_ptr_null(field(repeat(buf, sizeof buf, "ö", 100), 100,
	    RULE_FIELD_LINE));
	ck_assert_ptr_nonnull(field(repeat(buf, sizeof buf, "ö", 101), 100,
	    RULE_FIELD_LINE));
	ck_assert_str_eq(field("abcdef", 5, RULE_FIELD_LINE),
	    "Fältet får ha högst 5 tecken.");
	/* Free text may have several lines; one-line fields may not. */
	ck_assert_ptr_null(field("en\ntvå\tkolumn", 100, RULE_FIELD_TEXT));
	ck_assert_ptr_nonnull(strstr(field("en\ntvå", 100, RULE_FIELD_LINE),
	    "Fältet får inte innehålla radbrytningar"));
	ck_assert_ptr_nonnull(field("a\x01" "b", 100, RULE_FIELD_TEXT));
}
END_TEST

START_TEST(field_postnummer)
{
	static const char *const good[] = { "411 04", "41104", "000 00" };
	static const char *const bad[] = { "4110", "411-04", "411  04",
	    "41 104", "411040", "abc de", "411 0a", " 41104" };
	char	out[8];
	size_t	i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(field(good[i], 6, RULE_FIELD_POSTNUMMER) == NULL,
		    "%s refused", good[i]);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(field(bad[i], 6, RULE_FIELD_POSTNUMMER) != NULL,
		    "%s accepted", bad[i]);
	ck_assert_ptr_nonnull(strstr(field("4110", 6, RULE_FIELD_POSTNUMMER),
	    "NNN NN"));
	ck_assert_int_eq(rule_postnummer("41104", out, sizeof out), 0);
	ck_assert_str_eq(out, "411 04");
	ck_assert_int_eq(rule_postnummer("411 04", out, sizeof out), 0);
	ck_assert_str_eq(out, "411 04");
	ck_assert_int_eq(rule_postnummer("4110", out, sizeof out), -1);
	ck_assert_int_eq(rule_postnummer("41104", out, 6), -1);
}
END_TEST

START_TEST(field_epost_telefon)
{
	ck_assert_ptr_null(field("namn@exempel.se", 100, RULE_FIELD_EPOST));
	ck_assert_ptr_null(field("å@ö", 100, RULE_FIELD_EPOST));
	ck_assert_ptr_nonnull(field("exempel.se", 100, RULE_FIELD_EPOST));
	ck_assert_ptr_nonnull(field("@exempel.se", 100, RULE_FIELD_EPOST));
	ck_assert_ptr_nonnull(field("namn@", 100, RULE_FIELD_EPOST));
	ck_assert_ptr_nonnull(field("a@b@c", 100, RULE_FIELD_EPOST));
	ck_assert_ptr_nonnull(field("na mn@exempel.se", 100,
	    RULE_FIELD_EPOST));
	ck_assert_ptr_nonnull(strstr(field("x", 100, RULE_FIELD_EPOST),
	    "Fältet ska vara en e-postadress"));
	ck_assert_ptr_null(field("+46 (0)31-123 45 67", 30,
	    RULE_FIELD_TELEFON));
	ck_assert_ptr_nonnull(field("031-abc", 30, RULE_FIELD_TELEFON));
	ck_assert_ptr_nonnull(field("--- ()", 30, RULE_FIELD_TELEFON));
	ck_assert_ptr_nonnull(strstr(field("x", 30, RULE_FIELD_TELEFON),
	    "Fältet får bara innehålla siffror"));
}
END_TEST

START_TEST(db_messages)
{
	char		 state[8];
	const char	*m[14];
	unsigned int	 i, j;

	for (i = 0; i < 14; i++) {
		snprintf(state, sizeof state, "SU0%02u", 10 + i);
		m[i] = rule_samorg_db_message(state);
		ck_assert_msg(m[i] != NULL, "no message for %s", state);
		ck_assert_msg(m[i][strlen(m[i]) - 1] == '.', "%s: no sentence",
		    state);
		/* db_refused() finds the same sentence. */
		ck_assert_ptr_eq(rule_db_message(state), m[i]);
		for (j = 0; j < i; j++)
			ck_assert_msg(strcmp(m[i], m[j]) != 0,
			    "SU0%u and SU0%u say the same", 10 + i, 10 + j);
	}
	ck_assert_ptr_nonnull(strstr(rule_samorg_db_message("SU010"),
	    "samverkansformen"));
	ck_assert_ptr_nonnull(strstr(rule_samorg_db_message("SU011"),
	    "finansiär"));
	ck_assert_ptr_null(rule_samorg_db_message("SU009"));
	ck_assert_ptr_null(rule_samorg_db_message("SU024"));
	ck_assert_ptr_null(rule_samorg_db_message("SU01"));
	ck_assert_ptr_null(rule_samorg_db_message(""));
}
END_TEST

START_TEST(orgnr_shape_and_check_digit)
{
	char	out[16];

	ck_assert_int_eq(rule_orgnr_normalise("5560360793", out, sizeof out),
	    0);
	ck_assert_str_eq(out, "556036-0793");
	ck_assert_int_eq(rule_orgnr_normalise("556036 0793", out, sizeof out),
	    0);
	ck_assert_str_eq(out, "556036-0793");
	ck_assert_int_eq(rule_orgnr_normalise("55603-60793", out, sizeof out),
	    -1);
	ck_assert_int_eq(rule_orgnr_normalise("556036-079", out, sizeof out),
	    -1);
	ck_assert_int_eq(rule_orgnr_normalise("556036-07931", out,
	    sizeof out), -1);
	ck_assert_int_eq(rule_orgnr_normalise("55603a-0793", out, sizeof out),
	    -1);
	/* Too small a buffer is refused, never cut. */
	ck_assert_int_eq(rule_orgnr_normalise("5560360793", out, 11), -1);
	ck_assert_int_eq(rule_orgnr_luhn("556036-0793"), 1);
	ck_assert_int_eq(rule_orgnr_luhn("556036-0794"), 0);
	ck_assert_int_eq(rule_orgnr_luhn("202100-5489"), 1);
	ck_assert_int_eq(rule_orgnr_luhn("202100-5488"), 0);
	ck_assert_int_eq(rule_orgnr_luhn("5560360793"), 0);
}
END_TEST

static Suite *
suite_rule_samorg(void)
{
	Suite	*s = suite_create("rule_samorg");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, utf8_chars);
	tcase_add_test(tc, name_length_in_characters);
	tcase_add_test(tc, name_with_form);
	tcase_add_test(tc, field_lengths);
	tcase_add_test(tc, field_postnummer);
	tcase_add_test(tc, field_epost_telefon);
	tcase_add_test(tc, db_messages);
	tcase_add_test(tc, orgnr_shape_and_check_digit);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_rule_samorg)
