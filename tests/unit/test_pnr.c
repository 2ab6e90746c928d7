/* Unit tests for personnummer and samordningsnummer parsing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pnr.h"
#include "unit.h"

#define TP_MAX	256

/* One row of tests/data/testpersonnummer.csv. */
struct tp_row {
	char	pnr[13];
	int	male;
};

static struct tp_row	tp_rows[TP_MAX];
static int		tp_count;

/*
 * Skatteverket test samordningsnummer, copied from the table in the shared
 * reference data README (born 1914-01-08 ... 2023-01-01).
 */
static const struct {
	const char	*nr;
	int		 year, month, day, male;
} samordning[] = {
	{ "191401682396", 1914, 1, 8, 1 },
	{ "193310822394", 1933, 10, 22, 1 },
	{ "194809772389", 1948, 9, 17, 0 },
	{ "195403862393", 1954, 3, 26, 1 },
	{ "198905672385", 1989, 5, 7, 0 },
	{ "200002872380", 2000, 2, 27, 0 },
	{ "201002682399", 2010, 2, 8, 1 },
	{ "202301612392", 2023, 1, 1, 1 },
};

/* Local noon on the given date, so no time zone moves the day. */
static time_t
tp_date(int year, int month, int day)
{
	struct tm	tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* Loads the official test numbers once per test process. */
static void
tp_load(void)
{
	char	 path[512], line[128];
	FILE	*fp;

	if (tp_count > 0)
		return;
	snprintf(path, sizeof path, "%s/testpersonnummer.csv",
	    unit_data_dir());
	fp = fopen(path, "r");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	ck_assert(fgets(line, sizeof line, fp) != NULL);
	ck_assert_str_eq(line, "personnummer;kon\n");
	while (fgets(line, sizeof line, fp) != NULL) {
		ck_assert_int_lt(tp_count, TP_MAX);
		ck_assert_int_eq(strlen(line), 15);
		ck_assert(line[12] == ';');
		memcpy(tp_rows[tp_count].pnr, line, 12);
		tp_rows[tp_count].pnr[12] = '\0';
		ck_assert(line[13] == 'M' || line[13] == 'K');
		tp_rows[tp_count].male = line[13] == 'M';
		tp_count++;
	}
	fclose(fp);
	ck_assert_int_eq(tp_count, 200);
}

/* Reads n digits at s. */
static int
tp_num(const char *s, int n)
{
	int	v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/* Checks that p holds the twelve-digit number nr. */
static void
tp_check(const struct pnr *p, const char *nr, int male)
{
	ck_assert_str_eq(p->norm, nr);
	ck_assert_int_eq(p->year, tp_num(nr, 4));
	ck_assert_int_eq(p->month, tp_num(nr + 4, 2));
	ck_assert_int_eq(p->day, tp_num(nr + 6, 2));
	ck_assert_int_eq(p->samordning, 0);
	ck_assert_int_eq(p->male, male);
}

START_TEST(test_official_twelve)
{
	struct pnr	p;
	char		buf[32];
	time_t		ref = tp_date(2026, 6, 15);
	int		i;

	tp_load();
	for (i = 0; i < tp_count; i++) {
		ck_assert_msg(pnr_parse(tp_rows[i].pnr, ref, &p) == PNR_OK,
		    "row %d rejected", i);
		tp_check(&p, tp_rows[i].pnr, tp_rows[i].male);

		snprintf(buf, sizeof buf, "%.8s-%.4s", tp_rows[i].pnr,
		    tp_rows[i].pnr + 8);
		ck_assert_int_eq(pnr_parse(buf, ref, &p), PNR_OK);
		tp_check(&p, tp_rows[i].pnr, tp_rows[i].male);
	}
}
END_TEST

START_TEST(test_official_ten)
{
	struct pnr	p;
	char		buf[32], sep;
	time_t		ref = tp_date(2026, 6, 15);
	int		i, y, md, r;

	tp_load();
	for (i = 0; i < tp_count; i++) {
		y = tp_num(tp_rows[i].pnr, 4);
		md = tp_num(tp_rows[i].pnr + 4, 4);
		/* 100 or older on 2026-06-15: born on or before 1926-06-15. */
		sep = (y < 1926 || (y == 1926 && md <= 615)) ? '+' : '-';
		snprintf(buf, sizeof buf, "%.6s%c%.4s", tp_rows[i].pnr + 2,
		    sep, tp_rows[i].pnr + 8);
		r = pnr_parse(buf, ref, &p);
		ck_assert_msg(r == PNR_OK, "%s rejected: %d", buf, r);
		tp_check(&p, tp_rows[i].pnr, tp_rows[i].male);

		/* Without a separator the number is taken as under 100. */
		if (sep == '-') {
			snprintf(buf, sizeof buf, "%.10s",
			    tp_rows[i].pnr + 2);
			ck_assert_int_eq(pnr_parse(buf, ref, &p), PNR_OK);
			tp_check(&p, tp_rows[i].pnr, tp_rows[i].male);
		}
	}
}
END_TEST

START_TEST(test_century_boundary)
{
	struct pnr	p;

	/* Official test number 192606267439: the 100th birthday. */
	ck_assert_int_eq(pnr_parse("260626-7439", tp_date(2026, 6, 25), &p),
	    PNR_OK);
	ck_assert_int_eq(p.year, 1926);
	ck_assert_int_eq(pnr_parse("260626+7439", tp_date(2026, 6, 26), &p),
	    PNR_OK);
	ck_assert_int_eq(p.year, 1926);
	ck_assert_int_eq(pnr_parse("260626-7439", tp_date(2026, 6, 26), &p),
	    PNR_OK);
	ck_assert_int_eq(p.year, 2026);
	ck_assert_int_eq(pnr_age(&p, tp_date(2026, 6, 26)), 0);

	/* Official 189009189805 read with '-' lands a century later. */
	ck_assert_int_eq(pnr_parse("900918-9805", tp_date(2026, 6, 15), &p),
	    PNR_OK);
	ck_assert_int_eq(p.year, 1990);
	ck_assert_int_eq(pnr_parse("900918+9805", tp_date(2026, 6, 15), &p),
	    PNR_OK);
	ck_assert_int_eq(p.year, 1890);
}
END_TEST

START_TEST(test_leap_days)
{
	struct pnr	p;
	time_t		ref = tp_date(2026, 6, 15);

	/* Official leap-day numbers in both forms. */
	ck_assert_int_eq(pnr_parse("200002292399", ref, &p), PNR_OK);
	ck_assert_int_eq(pnr_parse("000229-2399", ref, &p), PNR_OK);
	ck_assert_int_eq(p.year, 2000);
	ck_assert_int_eq(pnr_parse("189202299815", ref, &p), PNR_OK);
	ck_assert_int_eq(pnr_parse("920229+9815", ref, &p), PNR_OK);
	ck_assert_int_eq(p.year, 1892);
	/* 1900 was no leap year: 29 February 1900 does not exist. */
	ck_assert_int_eq(pnr_parse("190002299815", ref, &p), PNR_ERR_DATE);
	/* 1992 was, but 1892 read as 1992 via '-' still checks the date. */
	ck_assert_int_eq(pnr_parse("920229-9815", ref, &p), PNR_OK);
	ck_assert_int_eq(p.year, 1992);
	/* Born 29 February: a year older on 1 March in a common year. */
	ck_assert_int_eq(pnr_parse("200002292399", ref, &p), PNR_OK);
	ck_assert_int_eq(pnr_age(&p, tp_date(2001, 2, 28)), 0);
	ck_assert_int_eq(pnr_age(&p, tp_date(2001, 3, 1)), 1);
	ck_assert_int_eq(pnr_age(&p, tp_date(2026, 6, 15)), 26);
}
END_TEST

START_TEST(test_wrong_check_digit)
{
	struct pnr	p;
	char		buf[16];
	time_t		ref = tp_date(2026, 6, 15);
	int		i, d;

	tp_load();
	for (i = 0; i < tp_count; i++) {
		for (d = 1; d < 10; d++) {
			memcpy(buf, tp_rows[i].pnr, 13);
			buf[11] = (char)('0' + (buf[11] - '0' + d) % 10);
			ck_assert_int_eq(pnr_parse(buf, ref, &p),
			    PNR_ERR_CHECKSUM);
		}
	}
	ck_assert_str_eq(pnr_strerror(PNR_ERR_CHECKSUM),
	    "Personnumret har fel kontrollsiffra");
}
END_TEST

START_TEST(test_bad_dates)
{
	struct pnr	p;
	time_t		ref = tp_date(2026, 6, 15);
	static const char *bad[] = {
		"199001329805",		/* day 32 */
		"199001929805",		/* day 92: samordning 32 + 60 */
		"199013189805",		/* month 13 */
		"199000189805",		/* month 00 */
		"199002309805",		/* 30 February */
		"199004319805",		/* 31 April */
		"199001009805",		/* day 00 */
		"199001609805",		/* day 60: samordning day 0 */
		"900132-9805",
		"901318-9805",
		"900230+9805",
		"900192-9805",
	};
	size_t		i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(pnr_parse(bad[i], ref, &p) == PNR_ERR_DATE,
		    "%s not a date error", bad[i]);
	ck_assert_str_eq(pnr_strerror(PNR_ERR_DATE),
	    "Personnumret innehåller ett datum som inte finns");
}
END_TEST

START_TEST(test_bad_format)
{
	struct pnr	p;
	time_t		ref = tp_date(2026, 6, 15);
	static const char *bad[] = {
		"",
		"   ",
		"890091898",		/* 9 digits */
		"18900918980",		/* 11 digits */
		"1890091898050",	/* 13 digits */
		"18900918980A",
		"1890O9189805",
		"8909189805x",
		"189009189805 x",
		"18900918+9805",	/* '+' means nothing with a century */
		"189009-189805",
		"900918/9805",
		"90-0918-9805",
		"-9009189805",
		"900918 9805",
		"900918--9805",
		"18900918-98055",
		"１８９００９１８９８０５",	/* full-width digits */
	};
	size_t		i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(pnr_parse(bad[i], ref, &p) == PNR_ERR_FORMAT,
		    "\"%s\" not a format error", bad[i]);
	ck_assert_int_eq(pnr_parse(NULL, ref, &p), PNR_ERR_FORMAT);
	ck_assert_str_eq(pnr_strerror(PNR_ERR_FORMAT),
	    "Personnumret ska ha 10 eller 12 siffror");
}
END_TEST

START_TEST(test_serial_and_future)
{
	struct pnr	p;

	/* Birth number 000 is never issued, whatever the check digit. */
	ck_assert_int_eq(pnr_parse("189009180005", tp_date(2026, 6, 15), &p),
	    PNR_ERR_SERIAL);
	ck_assert_int_eq(pnr_parse("900918+0000", tp_date(2026, 6, 15), &p),
	    PNR_ERR_SERIAL);
	/* Official 202002292387, seen from before that birth. */
	ck_assert_int_eq(pnr_parse("202002292387", tp_date(2020, 2, 28), &p),
	    PNR_ERR_FUTURE);
	ck_assert_int_eq(pnr_parse("202002292387", tp_date(2020, 2, 29), &p),
	    PNR_OK);
	/* Ten digits never land in the future: the century goes back. */
	ck_assert_int_eq(pnr_parse("200229-2387", tp_date(2020, 2, 28), &p),
	    PNR_OK);
	ck_assert_int_eq(p.year, 1920);
}
END_TEST

START_TEST(test_samordning)
{
	struct pnr	p;
	char		buf[16];
	time_t		ref = tp_date(2026, 6, 15);
	size_t		i;

	for (i = 0; i < sizeof samordning / sizeof samordning[0]; i++) {
		ck_assert_msg(pnr_parse(samordning[i].nr, ref, &p) == PNR_OK,
		    "%s rejected", samordning[i].nr);
		ck_assert_int_eq(p.samordning, 1);
		ck_assert_str_eq(p.norm, samordning[i].nr);
		ck_assert_int_eq(p.year, samordning[i].year);
		ck_assert_int_eq(p.month, samordning[i].month);
		ck_assert_int_eq(p.day, samordning[i].day);
		ck_assert_int_eq(p.male, samordning[i].male);

		snprintf(buf, sizeof buf, "%.6s%c%.4s", samordning[i].nr + 2,
		    samordning[i].year <= 1926 ? '+' : '-',
		    samordning[i].nr + 8);
		ck_assert_int_eq(pnr_parse(buf, ref, &p), PNR_OK);
		ck_assert_str_eq(p.norm, samordning[i].nr);
		ck_assert_int_eq(p.samordning, 1);

		/* A wrong check digit is caught here too. */
		memcpy(buf, samordning[i].nr, 13);
		buf[11] = (char)('0' + (buf[11] - '0' + 5) % 10);
		ck_assert_int_eq(pnr_parse(buf, ref, &p), PNR_ERR_CHECKSUM);
	}
}
END_TEST

START_TEST(test_format_and_trim)
{
	struct pnr	p;
	char		out[14];
	time_t		ref = tp_date(2026, 6, 15);

	ck_assert_int_eq(pnr_parse("  \t192510067560 \t", ref, &p), PNR_OK);
	ck_assert_str_eq(p.norm, "192510067560");
	ck_assert_int_eq(p.male, 0);
	pnr_format(&p, out, sizeof out);
	ck_assert_str_eq(out, "19251006-7560");
	ck_assert_int_eq(pnr_age(&p, ref), 100);
	ck_assert_int_eq(pnr_age(&p, tp_date(2025, 10, 5)), 99);
	ck_assert_int_eq(pnr_age(&p, tp_date(2025, 10, 6)), 100);

	/* A failed parse leaves nothing behind. */
	ck_assert_int_eq(pnr_parse("199013189805", ref, &p), PNR_ERR_DATE);
	ck_assert_str_eq(p.norm, "");
}
END_TEST

START_TEST(test_strerror)
{
	int	codes[] = { PNR_ERR_FORMAT, PNR_ERR_DATE, PNR_ERR_CHECKSUM,
	    PNR_ERR_SERIAL, PNR_ERR_FUTURE };
	size_t	i, j;

	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		ck_assert_ptr_nonnull(strstr(pnr_strerror(codes[i]),
		    "Personnumret"));
		for (j = 0; j < i; j++)
			ck_assert_str_ne(pnr_strerror(codes[i]),
			    pnr_strerror(codes[j]));
	}
	ck_assert_ptr_nonnull(pnr_strerror(-99));
	ck_assert_ptr_nonnull(pnr_strerror(7));
}
END_TEST

/* The personnummer suite. */
/* Masking shows the last four digits of a number's shape, else none. */
START_TEST(test_mask)
{
	char	m[16];

	pnr_mask("196201122808", m, sizeof m);
	ck_assert_str_eq(m, "********-2808");
	pnr_mask("620112-2808", m, sizeof m);
	ck_assert_str_eq(m, "********-2808");
	pnr_mask(" 19620112+2808 ", m, sizeof m);
	ck_assert_str_eq(m, "********-2808");
	/* Nine or eleven digits, letters, nothing: no digit shown. */
	pnr_mask("501029813", m, sizeof m);
	ck_assert_str_eq(m, "********-????");
	pnr_mask("19620112280", m, sizeof m);
	ck_assert_str_eq(m, "********-????");
	pnr_mask("19620112x808", m, sizeof m);
	ck_assert_str_eq(m, "********-????");
	pnr_mask("1962011228081962011228", m, sizeof m);
	ck_assert_str_eq(m, "********-????");
	pnr_mask("", m, sizeof m);
	ck_assert_str_eq(m, "********-????");
}
END_TEST

static Suite *
suite_pnr(void)
{
	Suite	*s = suite_create("pnr");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_official_twelve);
	tcase_add_test(tc, test_official_ten);
	tcase_add_test(tc, test_century_boundary);
	tcase_add_test(tc, test_leap_days);
	tcase_add_test(tc, test_wrong_check_digit);
	tcase_add_test(tc, test_bad_dates);
	tcase_add_test(tc, test_bad_format);
	tcase_add_test(tc, test_serial_and_future);
	tcase_add_test(tc, test_samordning);
	tcase_add_test(tc, test_format_and_trim);
	tcase_add_test(tc, test_strerror);
	tcase_add_test(tc, test_mask);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_pnr)
