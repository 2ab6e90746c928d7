/* Unit tests for small-cell suppression in reports (server/rule_rapport.c). */
#include <stdint.h>
#include <string.h>

#include "rule.h"
#include "unit.h"

START_TEST(suppress_national_level_nothing)
{
	const uint64_t	c[] = { 1, 2, 0, 7 };
	uint8_t		s[4];

	ck_assert_uint_eq(rule_suppress(c, s, 2, 2, 0, 1, 1), 0);
	ck_assert_uint_eq(s[0] + s[1] + s[2] + s[3], 0);
}
END_TEST

START_TEST(suppress_primary_only)
{
	const uint64_t	c[] = { 0, 1, 2, 3, 10 };
	uint8_t		s[5];

	ck_assert_uint_eq(rule_suppress(c, s, 1, 5, 3, 0, 0), 2);
	ck_assert_uint_eq(s[0], 0);	/* zeros say nothing */
	ck_assert_uint_eq(s[1], 1);
	ck_assert_uint_eq(s[2], 1);
	ck_assert_uint_eq(s[3], 0);	/* the threshold itself is shown */
	ck_assert_uint_eq(s[4], 0);
}
END_TEST

/* With the row's sum shown, the 1 could be had as 13 - 5 - 7. */
START_TEST(suppress_secondary_in_row)
{
	const uint64_t	c[] = { 1, 7, 5 };
	uint8_t		s[3];

	ck_assert_uint_eq(rule_suppress(c, s, 1, 3, 3, 1, 0), 2);
	ck_assert_uint_eq(s[0], 1);
	ck_assert_uint_eq(s[1], 0);
	ck_assert_uint_eq(s[2], 1);	/* the smallest other */
}
END_TEST

/*
 * The 5 hidden beside the 1 must not be had from its column's sum
 * either: with no other count there, the zero under it is hidden.
 */
START_TEST(suppress_zero_as_last_resort)
{
	const uint64_t	c[] = {
		1, 5,
		4, 0,
	};
	const uint8_t	want[] = {
		1, 1,
		1, 1,
	};
	uint8_t		s[4];

	ck_assert_uint_eq(rule_suppress(c, s, 2, 2, 3, 1, 1), 4);
	ck_assert_mem_eq(s, want, sizeof want);
}
END_TEST

/* A sum that is itself hidden gives nothing away. */
START_TEST(suppress_small_sum_hides_itself)
{
	const uint64_t	c[] = { 1, 0, 1 };
	uint8_t		s[3];

	ck_assert_uint_eq(rule_suppress(c, s, 1, 3, 3, 1, 0), 2);
	ck_assert_uint_eq(s[1], 0);
	ck_assert(rule_suppress_small(2, 3));
	ck_assert(!rule_suppress_small(0, 3));
	ck_assert(!rule_suppress_small(3, 3));
}
END_TEST

/*
 * Rows and columns summed: one small cell takes three more with it, to
 * a rectangle where no sum has a single hidden cell.
 */
START_TEST(suppress_rectangle)
{
	const uint64_t	c[] = {
		1, 4, 5,
		6, 7, 8,
		9, 10, 11,
	};
	const uint8_t	want[] = {
		1, 1, 0,
		1, 1, 0,
		0, 0, 0,
	};
	uint8_t		s[9];

	ck_assert_uint_eq(rule_suppress(c, s, 3, 3, 3, 1, 1), 4);
	ck_assert_mem_eq(s, want, sizeof want);
}
END_TEST

/*
 * Every line whose sum is shown (not small, and not over cells all
 * hidden) has no hidden cell or at least two; every small count is
 * hidden, and a zero only as a line's last resort.
 */
static void
check_safe(const uint64_t *c, const uint8_t *s, size_t rows, size_t cols,
    uint64_t t)
{
	uint64_t	sum;
	size_t		i, j, hidden;

	for (i = 0; i < rows * cols; i++) {
		if (rule_suppress_small(c[i], t))
			ck_assert_uint_eq(s[i], 1);
	}
	for (i = 0; i < rows; i++) {
		for (sum = 0, hidden = 0, j = 0; j < cols; j++) {
			sum += c[i * cols + j];
			hidden += s[i * cols + j];
		}
		if (!rule_suppress_small(sum, t) && hidden < cols)
			ck_assert_uint_ne(hidden, 1);
	}
	for (j = 0; j < cols; j++) {
		for (sum = 0, hidden = 0, i = 0; i < rows; i++) {
			sum += c[i * cols + j];
			hidden += s[i * cols + j];
		}
		if (!rule_suppress_small(sum, t) && hidden < rows)
			ck_assert_uint_ne(hidden, 1);
	}
}

/* Many tables of small counts: no shown sum ever gives a cell away. */
START_TEST(suppress_random_tables_safe)
{
	uint64_t	c[8 * 6];
	uint8_t		s[8 * 6];
	uint32_t	x = 12345;
	size_t		i, rows, cols, n;
	int		k;

	for (k = 0; k < 2000; k++) {
		x = x * 1103515245u + 12345u;
		rows = 1 + (x >> 16) % 8;
		x = x * 1103515245u + 12345u;
		cols = 1 + (x >> 16) % 6;
		for (i = 0; i < rows * cols; i++) {
			x = x * 1103515245u + 12345u;
			c[i] = (x >> 16) % 4 == 0 ? 0 : (x >> 8) % 12;
		}
		n = rule_suppress(c, s, rows, cols, 3, 1, 1);
		ck_assert_uint_le(n, rows * cols);
		check_safe(c, s, rows, cols, 3);
	}
}
END_TEST

static Suite *
suite_rule_rapport(void)
{
	Suite	*s = suite_create("rule_rapport");
	TCase	*tc = tcase_create("suppress");

	tcase_add_test(tc, suppress_national_level_nothing);
	tcase_add_test(tc, suppress_primary_only);
	tcase_add_test(tc, suppress_secondary_in_row);
	tcase_add_test(tc, suppress_small_sum_hides_itself);
	tcase_add_test(tc, suppress_rectangle);
	tcase_add_test(tc, suppress_zero_as_last_resort);
	tcase_add_test(tc, suppress_random_tables_safe);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_rule_rapport)
