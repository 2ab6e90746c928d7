/*
 * Unit tests for the insats rules of server/rule_insats.c: the
 * insatsnamn (rule 24) counted in characters, the month of a volume
 * count, and a Swedish sentence for every refusal of schema 0007.
 */
#include <stdio.h>
#include <string.h>

#include "rule.h"
#include "unit.h"

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

/* Reports whether the refusal of namn holds text. */
static int
name_says(const char *namn, const char *text)
{
	const char	*why = rule_insats_name_refusal(namn);

	return why != NULL && strstr(why, text) != NULL;
}

START_TEST(name_accepted)
{
	char	buf[512];

	ck_assert_ptr_null(rule_insats_name_refusal("Steget vidare"));
	ck_assert_ptr_null(rule_insats_name_refusal("Å"));
	ck_assert_ptr_null(rule_insats_name_refusal("Järva jobbstart 2.0 "
	    "(ESF) – del 1/3"));
	/* 100 ö are 200 bytes and still 100 characters. */
	ck_assert_ptr_null(rule_insats_name_refusal(repeat(buf, sizeof buf,
	    "ö", RULE_INSATS_NAME_MAX)));
	ck_assert_uint_eq(strlen(buf), 2 * RULE_INSATS_NAME_MAX);
}
END_TEST

START_TEST(name_refused)
{
	char	buf[512];

	ck_assert(name_says("", "Ange ett insatsnamn"));
	ck_assert(name_says(" Steget", "mellanslag"));
	ck_assert(name_says("Steget ", "mellanslag"));
	ck_assert(name_says(" ", "mellanslag"));
	ck_assert(name_says("Steget\nvidare", "styrtecken"));
	ck_assert(name_says("Steget\tvidare", "styrtecken"));
	ck_assert(name_says("Steget\x7fvidare", "styrtecken"));
	ck_assert(name_says(repeat(buf, sizeof buf, "ö",
	    RULE_INSATS_NAME_MAX + 1), "högst 100 tecken"));
	ck_assert(name_says(repeat(buf, sizeof buf, "a",
	    RULE_INSATS_NAME_MAX + 1), "högst 100 tecken"));
}
END_TEST

START_TEST(period_accepted)
{
	int	y = 0, m = 0;

	ck_assert_int_eq(rule_insats_period("2024-01", &y, &m), 1);
	ck_assert_int_eq(y, 2024);
	ck_assert_int_eq(m, 1);
	ck_assert_int_eq(rule_insats_period("1990-12", &y, &m), 1);
	ck_assert_int_eq(y, 1990);
	ck_assert_int_eq(m, 12);
	ck_assert_int_eq(rule_insats_period("2200-06", NULL, NULL), 1);
}
END_TEST

START_TEST(period_refused)
{
	static const char *const bad[] = {
		"", "2024", "2024-1", "2024-001", "2024-00", "2024-13",
		"1989-12", "2201-01", "2024/01", "24-01", "2024-01-01",
		"2024-1a", "abcd-01", " 2024-01", "2024-01 ", "+024-01",
		"2024--1",
	};
	size_t	i;
	int	y = -1, m = -1;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(rule_insats_period(bad[i], &y, &m) == 0,
		    "\"%s\" accepted", bad[i]);
	/* A refusal leaves the caller's values alone. */
	ck_assert_int_eq(y, -1);
	ck_assert_int_eq(m, -1);
}
END_TEST

START_TEST(db_messages)
{
	char		state[16];
	const char	*msg;
	int		i;

	for (i = 30; i <= 45; i++) {
		snprintf(state, sizeof state, "SU0%02d", i);
		msg = rule_insats_db_message(state);
		ck_assert_msg(msg != NULL && msg[0] != '\0', "%s: no text",
		    state);
		/* And db_refused() finds it through the one entry point. */
		ck_assert_ptr_eq(rule_db_message(state), msg);
	}
	ck_assert_ptr_null(rule_insats_db_message("SU029"));
	ck_assert_ptr_null(rule_insats_db_message("SU046"));
	ck_assert_ptr_null(rule_insats_db_message("23505"));
	ck_assert_ptr_nonnull(strstr(rule_insats_db_message("SU033"),
	    "kategoriseringen kan inte längre ändras"));
}
END_TEST

START_TEST(year_pick)
{
	/* A year asked for is kept, even outside: the check refuses it. */
	ck_assert_uint_eq(rule_year_pick(2019, 2026, 2020, 0), 2019);
	/* This year when it lies in the range, open or closed. */
	ck_assert_uint_eq(rule_year_pick(0, 2026, 2020, 0), 2026);
	ck_assert_uint_eq(rule_year_pick(0, 2026, 2020, 2026), 2026);
	/* Else the nearest end. */
	ck_assert_uint_eq(rule_year_pick(0, 2026, 2015, 2019), 2019);
	ck_assert_uint_eq(rule_year_pick(0, 2026, 2027, 0), 2027);
}
END_TEST

static Suite *
suite_rule_insats(void)
{
	Suite	*s = suite_create("rule_insats");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, name_accepted);
	tcase_add_test(tc, name_refused);
	tcase_add_test(tc, period_accepted);
	tcase_add_test(tc, period_refused);
	tcase_add_test(tc, db_messages);
	tcase_add_test(tc, year_pick);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_rule_insats)
