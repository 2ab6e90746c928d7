/*
 * Unit tests for a report as CSV (client/rapport_csv.c) and the Swedish
 * figures of the report screen (client/rapport_data.c): a built report
 * against the exact bytes expected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proto.h"
/* The client's rapport.h: -Iserver comes first and has its own. */
#include "../../client/rapport.h"
#include "unit.h"

/*
 * A report of two units: Blekinge län with two rows and a sum, Kronoberg
 * with a hidden count, an empty share, a negative change and a name that
 * must be quoted; one footnote.
 */
static struct rapport_kol_row kol[] = {
	{ (char *)"Insatstyp", RAPPORT_K_TEXT, 0 },
	{ (char *)"Deltagare", RAPPORT_K_ANTAL, 0 },
	{ (char *)"Andel %", RAPPORT_K_PROCENT, 1 },
	{ (char *)"Budget", RAPPORT_K_BELOPP, 0 },
};
static struct rapport_cell_row c1[] = { { 12, 0 }, { 545, 0 },
    { 1234567, 0 } };
static struct rapport_cell_row c2[] = { { 10, 0 }, { 455, 0 }, { 0, 0 } };
static struct rapport_cell_row c3[] = { { 22, 0 }, { 1000, 0 },
    { 1234567, 0 } };
static struct rapport_cell_row c4[] = { { 2, RAPPORT_C_DOLD },
    { 0, RAPPORT_C_TOM }, { -1500, 0 } };
static struct rapport_cell_row c5[] = { { 7, 0 }, { -35, 0 } };
static struct rapport_rad_row rader[] = {
	{ (char *)"Blekinge län", (char *)"Individinsats", 0, 3, c1 },
	{ (char *)"Blekinge län", (char *)"Gruppinsats", 0, 3, c2 },
	{ (char *)"Blekinge län", (char *)"Summa", 1, 3, c3 },
	{ (char *)"Kronobergs län", (char *)"Team; samverkan", 0, 3, c4 },
	/* One cell short: the rest are empty. */
	{ (char *)"Kronobergs län", (char *)"=Övrigt", 0, 2, c5 },
};
static struct rapport_text_row fot[] = {
	{ (char *)"Antal under 3 visas inte (..) på annan nivå än riket." },
};

static void
rapport_fill(struct msg_rapport *r)
{
	memset(r, 0, sizeof *r);
	r->rapport = (char *)"insats";
	r->typ = (char *)"alla";
	r->titel = (char *)"Insatsrapport – Alla";
	r->urval = (char *)"2001-01-01–2001-12-31, län";
	r->skapad = (char *)"2026-11-23 10:15";
	r->diagram_kol = 1;
	r->nkol = 4;
	r->kol = kol;
	r->nrader = 5;
	r->rader = rader;
	r->nfotnoter = 1;
	r->fotnoter = fot;
}

static const char expected[] =
    "\xef\xbb\xbf"
    "Insatsrapport – Alla\r\n"
    "2001-01-01–2001-12-31, län\r\n"
    "Skapad: 2026-11-23 10:15\r\n"
    "\r\n"
    "Grupp;Insatstyp;Deltagare;Andel %;Budget\r\n"
    "Blekinge län;Individinsats;12;54,5;1234567\r\n"
    "Blekinge län;Gruppinsats;10;45,5;0\r\n"
    "Blekinge län;Summa;22;100,0;1234567\r\n"
    "Kronobergs län;\"Team; samverkan\";..;;-1500\r\n"
    "Kronobergs län;\"'=Övrigt\";7;-3,5;\r\n"
    "\r\n"
    "Antal under 3 visas inte (..) på annan nivå än riket.\r\n";

START_TEST(rapport_csv_exact)
{
	struct msg_rapport	 r;
	char			*buf = NULL;
	size_t			 len = 0;
	FILE			*fp;

	rapport_fill(&r);
	fp = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(rapport_csv_fp(&r, fp), 0);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_str_eq(buf, expected);
	free(buf);
}
END_TEST

START_TEST(rapport_csv_file)
{
	struct msg_rapport	 r;
	char			 path[] = "/tmp/rapport-csv-XXXXXX", why[256];
	char			 buf[4096];
	FILE			*fp;
	size_t			 n;
	int			 fd;

	rapport_fill(&r);
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(rapport_csv_write(&r, path, why, sizeof why), 0);
	fp = fopen(path, "rb");
	ck_assert_ptr_nonnull(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	unlink(path);
	ck_assert_uint_eq(n, strlen(expected));
	ck_assert_str_eq(buf, expected);
	/* A directory that is not there: a reason, not a crash. */
	ck_assert_int_eq(rapport_csv_write(&r, "/nonexistent/x.csv", why,
	    sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "/nonexistent/x.csv"));
}
END_TEST

START_TEST(rapport_tal_swedish)
{
	char	b[64];

	rapport_tal(0, 0, b, sizeof b);
	ck_assert_str_eq(b, "0");
	rapport_tal(999, 0, b, sizeof b);
	ck_assert_str_eq(b, "999");
	rapport_tal(1000, 0, b, sizeof b);
	ck_assert_str_eq(b, "1 000");
	rapport_tal(1234567, 0, b, sizeof b);
	ck_assert_str_eq(b, "1 234 567");
	rapport_tal(-1234567, 0, b, sizeof b);
	ck_assert_str_eq(b, "-1 234 567");
	rapport_tal(545, 1, b, sizeof b);
	ck_assert_str_eq(b, "54,5");
	rapport_tal(-35, 1, b, sizeof b);
	ck_assert_str_eq(b, "-3,5");
	rapport_tal(5, 1, b, sizeof b);
	ck_assert_str_eq(b, "0,5");
	rapport_tal(123456789, 2, b, sizeof b);
	ck_assert_str_eq(b, "1 234 567,89");
	rapport_tal(INT64_MIN, 0, b, sizeof b);
	ck_assert_str_eq(b, "-9 223 372 036 854 775 808");
}
END_TEST

START_TEST(rapport_cell_texts)
{
	struct msg_rapport	r;
	char			b[64];

	rapport_fill(&r);
	rapport_cell_text(&r, &rader[3], 0, b, sizeof b);
	ck_assert_str_eq(b, "Team; samverkan");
	rapport_cell_text(&r, &rader[3], 1, b, sizeof b);
	ck_assert_str_eq(b, "..");
	rapport_cell_text(&r, &rader[3], 2, b, sizeof b);
	ck_assert_str_eq(b, "–");
	rapport_cell_text(&r, &rader[0], 3, b, sizeof b);
	ck_assert_str_eq(b, "1 234 567");
	rapport_cell_text(&r, &rader[4], 3, b, sizeof b);
	ck_assert_str_eq(b, "");
}
END_TEST

START_TEST(rapport_param_typer)
{
	struct rapport_param_row	p;

	memset(&p, 0, sizeof p);
	p.typer = (char *)"";
	ck_assert_int_eq(rapport_param_galler(&p, "alla"), 1);
	p.typer = (char *)"forsorjning,bakgrund";
	ck_assert_int_eq(rapport_param_galler(&p, "bakgrund"), 1);
	ck_assert_int_eq(rapport_param_galler(&p, "forsorjning"), 1);
	ck_assert_int_eq(rapport_param_galler(&p, "bak"), 0);
	ck_assert_int_eq(rapport_param_galler(&p, "sysselsattning"), 0);
}
END_TEST

static Suite *
suite_rapport_csv(void)
{
	Suite	*s = suite_create("rapport_csv");
	TCase	*tc = tcase_create("client");

	tcase_add_test(tc, rapport_csv_exact);
	tcase_add_test(tc, rapport_csv_file);
	tcase_add_test(tc, rapport_tal_swedish);
	tcase_add_test(tc, rapport_cell_texts);
	tcase_add_test(tc, rapport_param_typer);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_rapport_csv)
