/*
 * Unit tests for the deltagande rules of server/rule_deltagande.c: the
 * personnummer refusal the server gives (a sentence for each way a
 * number can be mistyped, none repeating any of its digits), the
 * kommuner that need a stadsdel, and a Swedish sentence for every
 * refusal of schema 0008. Only Skatteverket's test numbers are used; a
 * wrong check digit is an official number with its last digit changed.
 */
#include <stdio.h>
#include <string.h>

#include "rule.h"
#include "unit.h"

/* Official test numbers (tests/data/testpersonnummer.csv). */
#define ASA		"196201122808"
#define BRITT		"195503142027"
/* An official test samordningsnummer (testsamordningsnummer.csv). */
#define SAMORDNING	"198905672385"

/* The longest run of digits in s. */
static size_t
digit_run(const char *s)
{
	size_t	run = 0, best = 0;

	for (; *s != '\0'; s++) {
		run = *s >= '0' && *s <= '9' ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

/*
 * The refusal of typed, checked to hold text and to repeat no number:
 * no run of more than four digits (blankett 9443 is the longest), and
 * out left empty.
 */
static void
refused(const char *typed, const char *text)
{
	char		 out[13] = "x";
	const char	*why = rule_pnr_refusal(typed, out, sizeof out);

	ck_assert_msg(why != NULL, "\"%s\" accepted", typed);
	ck_assert_msg(strstr(why, text) != NULL, "\"%s\": \"%s\" lacks \"%s\"",
	    typed, why, text);
	ck_assert_msg(digit_run(why) <= 4, "\"%s\": \"%s\" repeats digits",
	    typed, why);
	ck_assert_str_eq(out, "");
}

/* The twelve-digit form of an accepted number. */
static void
accepted(const char *typed, const char *norm)
{
	char		 out[13];
	const char	*why = rule_pnr_refusal(typed, out, sizeof out);

	ck_assert_msg(why == NULL, "\"%s\" refused: %s", typed, why);
	ck_assert_str_eq(out, norm);
}

START_TEST(pnr_accepted)
{
	accepted(ASA, ASA);
	accepted("19620112-2808", ASA);
	accepted("620112-2808", ASA);
	accepted("6201122808", ASA);
	accepted(" " BRITT " ", BRITT);
	/* A samordningsnummer is a number the server takes too. */
	accepted(SAMORDNING, SAMORDNING);
	accepted("890567-2385", SAMORDNING);
}
END_TEST

/* Every official number passes, and fails with its last digit changed. */
START_TEST(pnr_official_all)
{
	char	 path[512], line[64], nr[13];
	FILE	*fp;
	int	 n = 0;

	snprintf(path, sizeof path, "%s/testpersonnummer.csv",
	    unit_data_dir());
	ck_assert_msg((fp = fopen(path, "r")) != NULL, "cannot open %s", path);
	ck_assert(fgets(line, sizeof line, fp) != NULL);
	while (fgets(line, sizeof line, fp) != NULL) {
		memcpy(nr, line, 12);
		nr[12] = '\0';
		accepted(nr, nr);
		nr[11] = (char)('0' + (nr[11] - '0' + 1) % 10);
		refused(nr, "fel kontrollsiffra");
		n++;
	}
	fclose(fp);
	ck_assert_int_eq(n, 200);
}
END_TEST

START_TEST(pnr_refused)
{
	refused("", "Ange personnummer");
	refused("   ", "Ange personnummer");
	refused(NULL, "Ange personnummer");
	/* Asa's number with its last digit changed. */
	refused("196201122809", "fel kontrollsiffra");
	refused("620112-2809", "fel kontrollsiffra");
	/* One digit missing, or one too many or missing: their own words. */
	refused("620112280", "bara 9 siffror");
	refused("620112-280", "bara 9 siffror");
	refused("19620112280", "11 siffror");
	refused("19620112-280", "11 siffror");
	refused("62011228", "10 eller 12 siffror");
	refused("1962011228081", "10 eller 12 siffror");
	refused("62O112-2808", "bara innehålla siffror");
	refused("620112/2808", "bara innehålla siffror");
	/* The right digits in the wrong shape. */
	refused("6201-122808", "ÅÅMMDD-NNNN");
	refused("19620112+2808", "ÅÅMMDD-NNNN");
}
END_TEST

START_TEST(pnr_short_buffer)
{
	char	out[4] = "x";

	/* Accepted, but only what fits is written, terminated. */
	ck_assert_ptr_null(rule_pnr_refusal(ASA, out, sizeof out));
	ck_assert_str_eq(out, "196");
	ck_assert_ptr_null(rule_pnr_refusal(ASA, out, 0));
}
END_TEST

START_TEST(stadsdel_kravs)
{
	ck_assert_int_eq(rule_stadsdel_kravs("0180"), 1);	/* Stockholm */
	ck_assert_int_eq(rule_stadsdel_kravs("1480"), 1);	/* Göteborg */
	ck_assert_int_eq(rule_stadsdel_kravs("1280"), 0);	/* Malmö */
	ck_assert_int_eq(rule_stadsdel_kravs(""), 0);
	ck_assert_int_eq(rule_stadsdel_kravs(NULL), 0);
}
END_TEST

START_TEST(db_messages)
{
	char		 state[16];
	const char	*msg;
	int		 i;

	for (i = 50; i <= 63; i++) {
		snprintf(state, sizeof state, "SU0%02d", i);
		msg = rule_deltagande_db_message(state);
		ck_assert_msg(msg != NULL && msg[0] != '\0', "%s: no text",
		    state);
		/* db_refused() reaches it through the one entry point. */
		ck_assert_ptr_eq(rule_db_message(state), msg);
		ck_assert_msg(digit_run(msg) <= 4, "%s: digits", state);
	}
	ck_assert_ptr_null(rule_deltagande_db_message("SU049"));
	ck_assert_ptr_null(rule_deltagande_db_message("SU064"));
	ck_assert_ptr_null(rule_deltagande_db_message("23505"));
	ck_assert_ptr_nonnull(strstr(rule_deltagande_db_message("SU055"),
	    "9443"));
	ck_assert_ptr_nonnull(strstr(rule_deltagande_db_message("SU056"),
	    "Registrera anonyma deltagare"));
}
END_TEST

static Suite *
suite_rule_deltagande(void)
{
	Suite	*s = suite_create("rule_deltagande");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, pnr_accepted);
	tcase_add_test(tc, pnr_official_all);
	tcase_add_test(tc, pnr_refused);
	tcase_add_test(tc, pnr_short_buffer);
	tcase_add_test(tc, stadsdel_kravs);
	tcase_add_test(tc, db_messages);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_rule_deltagande)
