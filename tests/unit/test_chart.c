/* Unit tests for the report chart bars (client/chart.c). */
#include <stdint.h>
#include <string.h>

#include "chart.h"
#include "unit.h"

START_TEST(chart_whole_and_eighths)
{
	char	b[256];

	/* 10 of 10 over 4 cells: four full blocks. */
	ck_assert_int_eq(chart_bar(b, sizeof b, 10, 10, 4, 1), 4);
	ck_assert_str_eq(b, "████");
	/* 5 of 10 over 3 cells: 12 eighths = one full and a half. */
	ck_assert_int_eq(chart_bar(b, sizeof b, 5, 10, 3, 1), 2);
	ck_assert_str_eq(b, "█▌");
	/* 1 of 8 over 1 cell: one eighth. */
	ck_assert_int_eq(chart_bar(b, sizeof b, 1, 8, 1, 1), 1);
	ck_assert_str_eq(b, "▏");
	/* 7 of 8 over 1 cell. */
	ck_assert_int_eq(chart_bar(b, sizeof b, 7, 8, 1, 1), 1);
	ck_assert_str_eq(b, "▉");
}
END_TEST

START_TEST(chart_ascii)
{
	char	b[256];

	ck_assert_int_eq(chart_bar(b, sizeof b, 5, 10, 10, 0), 5);
	ck_assert_str_eq(b, "#####");
	/* 1 of 1000 over 40 cells rounds to none, but one is not none. */
	ck_assert_int_eq(chart_bar(b, sizeof b, 1, 1000, 40, 0), 1);
	ck_assert_str_eq(b, "#");
	ck_assert_int_eq(chart_bar(b, sizeof b, 1, 1000000, 40, 1), 1);
	ck_assert_str_eq(b, "▏");
}
END_TEST

START_TEST(chart_zero_and_limits)
{
	char	b[8];

	ck_assert_int_eq(chart_bar(b, sizeof b, 0, 10, 10, 1), 0);
	ck_assert_str_eq(b, "");
	ck_assert_int_eq(chart_bar(b, sizeof b, 3, 0, 10, 1), 0);
	ck_assert_str_eq(b, "");
	/* Above max is drawn as max. */
	ck_assert_int_eq(chart_bar(b, sizeof b, 30, 10, 2, 1), 2);
	ck_assert_str_eq(b, "██");
	/* Three full blocks need 9 bytes and the NUL: too small, empty. */
	ck_assert_int_eq(chart_bar(b, sizeof b, 3, 3, 3, 1), -1);
	ck_assert_str_eq(b, "");
	ck_assert_int_eq(chart_bar(b, sizeof b, 1, 1, CHART_WIDTH_MAX + 1, 0),
	    -1);
	ck_assert_int_eq(chart_bar(b, 0, 1, 1, 1, 0), -1);
	/* Huge counts do not overflow the arithmetic. */
	ck_assert_int_eq(chart_bar(b, sizeof b, UINT64_MAX / 8 * 7, UINT64_MAX,
	    2, 0), 2);
	ck_assert_str_eq(b, "##");
	ck_assert_int_eq(chart_bar(b, sizeof b, UINT64_MAX / 8, UINT64_MAX,
	    2, 0), 1);
	ck_assert_int_eq(chart_bar(b, sizeof b, UINT64_MAX, UINT64_MAX, 1, 1),
	    1);
	ck_assert_str_eq(b, "█");
	ck_assert_int_eq(chart_bar(b, sizeof b, 1, UINT64_MAX, 1, 1), 1);
	ck_assert_str_eq(b, "▏");
}
END_TEST

/* Bars of values in proportion have cells in proportion. */
START_TEST(chart_proportional)
{
	char	b[1024];
	int	v, cells, prev = 0;

	for (v = 0; v <= 100; v++) {
		cells = chart_bar(b, sizeof b, (uint64_t)v, 100, 50, 0);
		ck_assert_int_ge(cells, prev);
		ck_assert_int_le(cells, 50);
		ck_assert_uint_eq(strlen(b), (size_t)cells);
		prev = cells;
	}
	ck_assert_int_eq(prev, 50);
	ck_assert_int_eq(chart_bar(b, sizeof b, 50, 100, 50, 0), 25);
}
END_TEST

static Suite *
suite_chart(void)
{
	Suite	*s = suite_create("chart");
	TCase	*tc = tcase_create("bars");

	tcase_add_test(tc, chart_whole_and_eighths);
	tcase_add_test(tc, chart_ascii);
	tcase_add_test(tc, chart_zero_and_limits);
	tcase_add_test(tc, chart_proportional);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_chart)
