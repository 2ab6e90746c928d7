/*
 * Unit tests for the behörighet rules of server/rule_behorighet.c: role
 * combinations (rules 17-18), the Swedish sentences for database
 * refusals, new passwords and calendar dates.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "proto.h"
#include "rule.h"
#include "unit.h"

/* Returns the refusal for roles held by a person with the given employer. */
static const char *
roles_refusal(uint32_t roles, const char *typ, int forvaltning, int best)
{
	struct rule_person	p;

	memset(&p, 0, sizeof p);
	p.roles = roles;
	p.organisationstyp = typ;
	p.sus_forvaltning = forvaltning;
	p.bestallare = best;
	return rule_roles_refusal(&p);
}

/* Asserts that a refusal is the database's sentence for the SQLSTATE. */
static void
assert_refusal(const char *got, const char *sqlstate)
{
	const char	*want = rule_db_message(sqlstate);

	ck_assert_ptr_nonnull(want);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
}

START_TEST(roles_each_rule)
{
	/* Rule 17: samverkansadministratör and deltagaransvarig. */
	assert_refusal(roles_refusal(ROLE_SAMVERKANSADMIN |
	    ROLE_DELTAGARANSVARIG, "Kommun", 0, 0), "SU001");
	/* Rule 17: a förbund employee is never deltagaransvarig. */
	assert_refusal(roles_refusal(ROLE_DELTAGARANSVARIG,
	    "Samordningsförbund", 0, 0), "SU002");
	/* Rule 17: nor is a registered beställare. */
	assert_refusal(roles_refusal(ROLE_DELTAGARANSVARIG, "Kommun", 0, 1),
	    "SU003");
	/* Rule 18: superadministratör only in the SUS-förvaltning. */
	assert_refusal(roles_refusal(ROLE_SUPERADMIN, "Stat", 0, 0),
	    "SU004");
	assert_refusal(roles_refusal(ROLE_SUPERADMIN, NULL, 0, 0), "SU004");
}
END_TEST

START_TEST(roles_combinations)
{
	/* Several reasons at once: the first rule in 4.2's order speaks. */
	assert_refusal(roles_refusal(ROLE_SAMVERKANSADMIN |
	    ROLE_DELTAGARANSVARIG, "Samordningsförbund", 0, 1), "SU001");
	assert_refusal(roles_refusal(ROLE_DELTAGARANSVARIG,
	    "Samordningsförbund", 0, 1), "SU002");
	assert_refusal(roles_refusal(ROLE_DELTAGARANSVARIG | ROLE_SUPERADMIN,
	    "Kommun", 0, 1), "SU003");
	/* A compatible role does not hide an incompatible pair. */
	assert_refusal(roles_refusal(ROLE_ANY, "Stat", 1, 0), "SU001");
	assert_refusal(roles_refusal(ROLE_SUPERADMIN | ROLE_INSATSANSVARIG |
	    ROLE_SUSRAPPORT, "Kommun", 0, 0), "SU004");
	assert_refusal(roles_refusal(ROLE_DELTAGARANSVARIG |
	    ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT, "Samordningsförbund", 0, 0),
	    "SU002");
}
END_TEST

START_TEST(roles_compatible)
{
	ck_assert_ptr_null(roles_refusal(0, NULL, 0, 0));
	ck_assert_ptr_null(roles_refusal(ROLE_SUSRAPPORT,
	    "Samordningsförbund", 0, 1));
	ck_assert_ptr_null(roles_refusal(ROLE_DELTAGARANSVARIG, "Kommun",
	    0, 0));
	ck_assert_ptr_null(roles_refusal(ROLE_DELTAGARANSVARIG, NULL, 0, 0));
	ck_assert_ptr_null(roles_refusal(ROLE_DELTAGARANSVARIG |
	    ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT, "Landsting/Region", 0, 0));
	/* A förbund employee may administer and run insatser. */
	ck_assert_ptr_null(roles_refusal(ROLE_SAMVERKANSADMIN |
	    ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT, "Samordningsförbund", 0, 0));
	/* A beställare may hold any role but deltagaransvarig. */
	ck_assert_ptr_null(roles_refusal(ROLE_SAMVERKANSADMIN |
	    ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT, "Kommun", 0, 1));
	/* The SUS-förvaltning may have superadmins, with other roles. */
	ck_assert_ptr_null(roles_refusal(ROLE_SUPERADMIN, "Stat", 1, 0));
	ck_assert_ptr_null(roles_refusal(ROLE_SUPERADMIN |
	    ROLE_DELTAGARANSVARIG | ROLE_SUSRAPPORT, "Stat", 1, 0));
	ck_assert_ptr_null(roles_refusal(ROLE_SUPERADMIN |
	    ROLE_SAMVERKANSADMIN | ROLE_INSATSANSVARIG, "Stat", 1, 1));
	/* Only the exact organisationstyp is a förbund, as in the trigger. */
	ck_assert_ptr_null(roles_refusal(ROLE_DELTAGARANSVARIG,
	    "samordningsförbund ", 0, 0));
}
END_TEST

START_TEST(db_message_codes)
{
	static const char	*codes[] = { "SU001", "SU002", "SU003", "SU004",
	    "SU005", "SU006", "SU007", "SU008", "23505", "23514", "23503" };
	const size_t		 n = sizeof codes / sizeof codes[0];
	const char		*m[sizeof codes / sizeof codes[0]];
	size_t			 i, j;

	for (i = 0; i < n; i++) {
		m[i] = rule_db_message(codes[i]);
		ck_assert_msg(m[i] != NULL, "no message for %s", codes[i]);
		ck_assert_msg(strlen(m[i]) > 10, "short message for %s",
		    codes[i]);
		/* A sentence: capital first, full stop last. */
		ck_assert_msg(m[i][0] >= 'A' && m[i][0] <= 'Z' &&
		    m[i][strlen(m[i]) - 1] == '.',
		    "%s: not a sentence", codes[i]);
		for (j = 0; j < i; j++)
			ck_assert_msg(strcmp(m[i], m[j]) != 0,
			    "%s and %s say the same", codes[i], codes[j]);
	}
	ck_assert_ptr_nonnull(strstr(rule_db_message("SU004"),
	    "SUS-förvaltningen"));
	ck_assert_ptr_nonnull(strstr(rule_db_message("SU006"),
	    "överenskommelse"));
	ck_assert_ptr_nonnull(strstr(rule_db_message("SU008"), "aktiv"));
}
END_TEST

START_TEST(db_message_unknown)
{
	/* Faults, not rules: the caller reports an internal error. */
	ck_assert_ptr_null(rule_db_message("08006"));
	ck_assert_ptr_null(rule_db_message("40001"));
	ck_assert_ptr_null(rule_db_message("42501"));
	ck_assert_ptr_null(rule_db_message("XX000"));
	ck_assert_ptr_null(rule_db_message("SU000"));
	ck_assert_ptr_null(rule_db_message("SU009"));
	/* Only the whole state matches. */
	ck_assert_ptr_null(rule_db_message("SU00"));
	ck_assert_ptr_null(rule_db_message("SU0011"));
	ck_assert_ptr_null(rule_db_message("2350"));
	ck_assert_ptr_null(rule_db_message(""));
	ck_assert_ptr_null(rule_db_message(NULL));
}
END_TEST

/* Fills buf with n letters (buf holds at least n + 1). */
static const char *
pw_of(char *buf, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		buf[i] = "abcdefghijklmnopqrstuvwxyz"[i % 26];
	buf[n] = '\0';
	return buf;
}

START_TEST(password_length)
{
	char	buf[RULE_PASSWORD_MAX + 8];

	ck_assert_int_eq(RULE_PASSWORD_MIN, 10);
	ck_assert_int_eq(RULE_PASSWORD_MAX, 128);
	ck_assert_ptr_nonnull(rule_password_refusal("", NULL, NULL));
	ck_assert_ptr_nonnull(rule_password_refusal(pw_of(buf, 9), "kalle",
	    "gammalt-losen"));
	ck_assert_ptr_null(rule_password_refusal(pw_of(buf, 10), "kalle",
	    "gammalt-losen"));
	ck_assert_ptr_null(rule_password_refusal(pw_of(buf, 128), "kalle",
	    "gammalt-losen"));
	ck_assert_ptr_nonnull(rule_password_refusal(pw_of(buf, 129), "kalle",
	    "gammalt-losen"));
	ck_assert_ptr_nonnull(strstr(rule_password_refusal(pw_of(buf, 9),
	    NULL, NULL), "10"));
	ck_assert_ptr_nonnull(strstr(rule_password_refusal(pw_of(buf, 129),
	    NULL, NULL), "128"));
	/* The limits count bytes: five two-byte letters are enough. */
	ck_assert_ptr_null(rule_password_refusal("åäöåä", NULL, NULL));
	ck_assert_ptr_nonnull(rule_password_refusal("åäöå", NULL, NULL));
}
END_TEST

START_TEST(password_username)
{
	const char	*same;

	same = rule_password_refusal("kalle.ekstrom", "kalle.ekstrom", NULL);
	ck_assert_ptr_nonnull(same);
	ck_assert_ptr_nonnull(strstr(same, "användarnamn"));
	ck_assert_ptr_nonnull(rule_password_refusal("Kalle.Ekstrom",
	    "kalle.ekstrom", NULL));
	ck_assert_ptr_nonnull(rule_password_refusal("KALLE.EKSTROM",
	    "kalle.ekstrom", "annat-gammalt"));
	ck_assert_str_eq(rule_password_refusal("KALLE.EKSTROM",
	    "kalle.ekstrom", NULL), same);
	/* Containing the username is not being it. */
	ck_assert_ptr_null(rule_password_refusal("kalle.ekstrom1",
	    "kalle.ekstrom", NULL));
	ck_assert_ptr_null(rule_password_refusal("kalle.ekstrom", NULL,
	    NULL));
}
END_TEST

START_TEST(password_old)
{
	const char	*same;

	same = rule_password_refusal("sommar-2026!", "kalle",
	    "sommar-2026!");
	ck_assert_ptr_nonnull(same);
	ck_assert_str_ne(same, rule_password_refusal("kalle12345",
	    "KALLE12345", NULL));
	/* Differing only in case is a different password. */
	ck_assert_ptr_null(rule_password_refusal("Sommar-2026!", "kalle",
	    "sommar-2026!"));
	ck_assert_ptr_null(rule_password_refusal("sommar-2027!", "kalle",
	    "sommar-2026!"));
	ck_assert_ptr_null(rule_password_refusal("sommar-2026!", "kalle",
	    NULL));
}
END_TEST

START_TEST(date_valid_leap)
{
	ck_assert_int_eq(date_valid("2024-02-29"), 1);
	ck_assert_int_eq(date_valid("2023-02-29"), 0);
	ck_assert_int_eq(date_valid("2023-02-28"), 1);
	ck_assert_int_eq(date_valid("1900-02-29"), 0);
	ck_assert_int_eq(date_valid("2100-02-29"), 0);
	ck_assert_int_eq(date_valid("2000-02-29"), 1);
	ck_assert_int_eq(date_valid("2024-02-30"), 0);
}
END_TEST

START_TEST(date_valid_months)
{
	static const int	 days[] = { 31, 28, 31, 30, 31, 30, 31, 31,
	    30, 31, 30, 31 };
	char			 s[32];
	int			 m;

	for (m = 1; m <= 12; m++) {
		snprintf(s, sizeof s, "2025-%02d-%02d", m, days[m - 1]);
		ck_assert_msg(date_valid(s), "%s refused", s);
		snprintf(s, sizeof s, "2025-%02d-%02d", m, days[m - 1] + 1);
		ck_assert_msg(!date_valid(s), "%s accepted", s);
		snprintf(s, sizeof s, "2025-%02d-01", m);
		ck_assert_msg(date_valid(s), "%s refused", s);
		snprintf(s, sizeof s, "2025-%02d-00", m);
		ck_assert_msg(!date_valid(s), "%s accepted", s);
	}
	ck_assert_int_eq(date_valid("2025-13-01"), 0);
	ck_assert_int_eq(date_valid("2025-00-10"), 0);
	ck_assert_int_eq(date_valid("2025-99-10"), 0);
	ck_assert_int_eq(date_valid("2025-01-99"), 0);
}
END_TEST

START_TEST(date_valid_format)
{
	static const char	*bad[] = {
		"", "2025", "2025-1-01", "2025-01-1", "20250101",
		"2025/01/01", "2025.01.01", "25-01-01", "02025-01-01",
		"2025-01-01x", "2025-01-01 ", " 2025-01-01", "2025-01-01T00",
		"2025-0a-01", "2025-01-0b", "2x25-01-01", "+025-01-01",
		"-025-01-01", "2025--1-01", "2025-01--1", "2025 01 01",
		"2025-01-01\n", "01-01-2025", "2025-001-01",
	};
	size_t			 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!date_valid(bad[i]), "\"%s\" accepted",
		    bad[i]);
	ck_assert_int_eq(date_valid("2025-01-01"), 1);
	ck_assert_int_eq(date_valid("1999-12-31"), 1);
}
END_TEST

/* The behörighet rules suite. */
static Suite *
suite_rule_behorighet(void)
{
	Suite	*s = suite_create("rule_behorighet");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, roles_each_rule);
	tcase_add_test(tc, roles_combinations);
	tcase_add_test(tc, roles_compatible);
	tcase_add_test(tc, db_message_codes);
	tcase_add_test(tc, db_message_unknown);
	tcase_add_test(tc, password_length);
	tcase_add_test(tc, password_username);
	tcase_add_test(tc, password_old);
	tcase_add_test(tc, date_valid_leap);
	tcase_add_test(tc, date_valid_months);
	tcase_add_test(tc, date_valid_format);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_rule_behorighet)
