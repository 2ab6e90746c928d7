/* Unit tests for the CSV writer for Swedish Excel (common/csvw.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "csvw.h"
#include "unit.h"

/* What a writer wrote to a memory stream, NUL-terminated; caller frees. */
struct out {
	char	*buf;
	size_t	 len;
	FILE	*fp;
};

static struct csvw *
out_open(struct out *o)
{
	struct csvw	*w;

	memset(o, 0, sizeof *o);
	o->fp = open_memstream(&o->buf, &o->len);
	ck_assert_ptr_nonnull(o->fp);
	w = csvw_open(o->fp);
	ck_assert_ptr_nonnull(w);
	return w;
}

static void
out_close(struct out *o, struct csvw *w)
{
	ck_assert_int_eq(csvw_close(w), 0);
	ck_assert_int_eq(fclose(o->fp), 0);
}

START_TEST(csvw_bom_separator_crlf)
{
	struct out	 o;
	struct csvw	*w = out_open(&o);

	csvw_text(w, "Insats");
	csvw_text(w, "Kvinnor");
	csvw_end(w);
	csvw_text(w, "Steget vidare");
	csvw_integer(w, 12);
	csvw_end(w);
	out_close(&o, w);
	ck_assert_str_eq(o.buf, "\xef\xbb\xbfInsats;Kvinnor\r\n"
	    "Steget vidare;12\r\n");
	free(o.buf);
}
END_TEST

START_TEST(csvw_quoting)
{
	struct out	 o;
	struct csvw	*w = out_open(&o);

	csvw_text(w, "a;b");
	csvw_text(w, "säger \"hej\"");
	csvw_text(w, "två\r\nrader");
	csvw_text(w, " blank");
	csvw_text(w, "blank ");
	csvw_text(w, "Åsa, Örjan");
	csvw_text(w, NULL);
	csvw_empty(w);
	csvw_end(w);
	out_close(&o, w);
	ck_assert_str_eq(o.buf, "\xef\xbb\xbf\"a;b\";\"säger \"\"hej\"\"\";"
	    "\"två\r\nrader\";\" blank\";\"blank \";Åsa, Örjan;;\r\n");
	free(o.buf);
}
END_TEST

START_TEST(csvw_decimal_comma)
{
	struct out	 o;
	struct csvw	*w = out_open(&o);

	csvw_decimal(w, 125, 1);
	csvw_decimal(w, -125, 1);
	csvw_decimal(w, 5, 2);
	csvw_decimal(w, -5, 2);
	csvw_decimal(w, 0, 1);
	csvw_decimal(w, 7, 0);
	csvw_decimal(w, -9223372036854775807LL - 1, 18);
	csvw_integer(w, -3);
	csvw_end(w);
	out_close(&o, w);
	ck_assert_str_eq(o.buf, "\xef\xbb\xbf" "12,5;-12,5;0,05;-0,05;0,0;7;"
	    "-9,223372036854775808;-3\r\n");
	free(o.buf);
}
END_TEST

/* Text that Excel would run as a formula is written as text. */
START_TEST(csvw_formula_injection)
{
	struct out	 o;
	struct csvw	*w = out_open(&o);

	csvw_text(w, "=HYPERLINK(\"http://x\")");
	csvw_text(w, "+1");
	csvw_text(w, "-1");
	csvw_text(w, "@SUM(A1)");
	csvw_text(w, "\tx");
	csvw_text(w, "a=b");
	csvw_text(w, "–");
	csvw_end(w);
	out_close(&o, w);
	ck_assert_str_eq(o.buf, "\xef\xbb\xbf\"'=HYPERLINK(\"\"http://x\"\")\";"
	    "\"'+1\";\"'-1\";\"'@SUM(A1)\";\"'\tx\";a=b;–\r\n");
	free(o.buf);
}
END_TEST

/* What the writer writes, the reader of sus import reads back. */
START_TEST(csvw_reads_back)
{
	static const char *const in[] = {
		"Samordningsförbundet Göteborg", "a;b", "\"citat\"",
		"rad 1\nrad 2", "", " kant ",
	};
	struct out		 o;
	struct csvw		*w = out_open(&o);
	struct csv		*c;
	struct csv_record	 r;
	FILE			*fp;
	size_t			 i;

	for (i = 0; i < sizeof in / sizeof in[0]; i++)
		csvw_text(w, in[i]);
	csvw_end(w);
	csvw_decimal(w, 31, 1);
	csvw_end(w);
	out_close(&o, w);
	fp = fmemopen(o.buf, o.len, "r");
	ck_assert_ptr_nonnull(fp);
	c = csv_open_file(fp);
	ck_assert_int_eq(csv_next(c, &r), 1);
	ck_assert_uint_eq(r.nfields, sizeof in / sizeof in[0]);
	for (i = 0; i < sizeof in / sizeof in[0]; i++)
		ck_assert_str_eq(r.field[i], in[i]);
	ck_assert_int_eq(csv_next(c, &r), 1);
	ck_assert_uint_eq(r.nfields, 1);
	ck_assert_str_eq(r.field[0], "3,1");
	ck_assert_int_eq(csv_next(c, &r), 0);
	csv_free(c);
	fclose(fp);
	free(o.buf);
}
END_TEST

/* A stream whose every write fails, as a full disk would. */
static ssize_t
full_write(void *cookie, const char *buf, size_t len)
{
	(void)cookie;
	(void)buf;
	(void)len;
	return -1;
}

/* A stream that fails to write makes csvw_close() say so. */
START_TEST(csvw_write_error)
{
	cookie_io_functions_t	 io = { NULL, full_write, NULL, NULL };
	struct csvw		*w;
	FILE			*fp = fopencookie(NULL, "w", io);

	ck_assert_ptr_nonnull(fp);
	w = csvw_open(fp);
	ck_assert_ptr_nonnull(w);
	csvw_text(w, "x");
	csvw_end(w);
	ck_assert_int_eq(csvw_close(w), -1);
	fclose(fp);
}
END_TEST

static Suite *
suite_csvw(void)
{
	Suite	*s = suite_create("csvw");
	TCase	*tc = tcase_create("excel");

	tcase_add_test(tc, csvw_bom_separator_crlf);
	tcase_add_test(tc, csvw_quoting);
	tcase_add_test(tc, csvw_decimal_comma);
	tcase_add_test(tc, csvw_formula_injection);
	tcase_add_test(tc, csvw_reads_back);
	tcase_add_test(tc, csvw_write_error);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_csvw)
