/*
 * Unit tests for the streaming CSV reader of common/csv.c: separators
 * and their detection, quoting, line ends, encodings, per-record errors
 * with resynchronisation, line numbers, and memory that stays flat
 * through a 50 MB stream.
 */
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "unit.h"

/* A reader over bytes held in a temporary file, by fd or by FILE *. */
struct src {
	FILE		*fp;
	struct csv	*c;
};

/* Opens a reader over len bytes of s; by descriptor when use_fd. */
static struct csv *
src_open(struct src *src, const void *s, size_t len, int use_fd)
{
	ck_assert_ptr_nonnull(src->fp = tmpfile());
	ck_assert_uint_eq(fwrite(s, 1, len, src->fp), len);
	ck_assert_int_eq(fflush(src->fp), 0);
	ck_assert_int_eq(fseek(src->fp, 0, SEEK_SET), 0);
	if (use_fd)
		src->c = csv_open(fileno(src->fp));
	else
		src->c = csv_open_file(src->fp);
	ck_assert_ptr_nonnull(src->c);
	return src->c;
}

/* Opens a reader over a C string, through a FILE *. */
static struct csv *
src_str(struct src *src, const char *s)
{
	return src_open(src, s, strlen(s), 0);
}

/* Frees the reader and its file. */
static void
src_close(struct src *src)
{
	csv_free(src->c);
	fclose(src->fp);
}

/*
 * Asserts that the next record starts on line and holds exactly the n
 * fields given.
 */
static void
expect(struct csv *c, long line, size_t n, ...)
{
	struct csv_record	 r;
	va_list			 ap;
	size_t			 i;

	ck_assert_int_eq(csv_next(c, &r), 1);
	ck_assert_int_eq(r.line, line);
	ck_assert_uint_eq(r.nfields, n);
	va_start(ap, n);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(r.field[i], va_arg(ap, const char *));
	va_end(ap);
}

/* Asserts that the next record is the error err, starting on line. */
static void
expect_error(struct csv *c, long line, int err)
{
	struct csv_record	r;

	ck_assert_int_eq(csv_next(c, &r), err);
	ck_assert_int_eq(r.line, line);
}

/* Asserts the end of the file, twice: the end stays the end. */
static void
expect_end(struct csv *c)
{
	struct csv_record	r;

	ck_assert_int_eq(csv_next(c, &r), 0);
	ck_assert_int_eq(csv_next(c, &r), 0);
}

START_TEST(separator_semicolon)
{
	struct src	 src;
	struct csv	*c = src_str(&src, "namn;ort;antal\nAnna;Kiruna;3\n");

	ck_assert_int_eq(csv_separator(c), '\0');
	expect(c, 1, 3, "namn", "ort", "antal");
	ck_assert_int_eq(csv_separator(c), ';');
	expect(c, 2, 3, "Anna", "Kiruna", "3");
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(separator_comma)
{
	struct src	 src;
	struct csv	*c = src_str(&src, "namn,ort\nAnna,\"Kiruna; Norrbotten\""
	    "\nBo;Lund,2\n");

	expect(c, 1, 2, "namn", "ort");
	ck_assert_int_eq(csv_separator(c), ',');
	expect(c, 2, 2, "Anna", "Kiruna; Norrbotten");
	/* Once the file is ',' a ';' is data. */
	expect(c, 3, 2, "Bo;Lund", "2");
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(separator_detection)
{
	static const struct {
		const char	*text;
		char		 sep;
	} cases[] = {
		/* Both outside quotes: ';' wins, as Swedish Excel writes. */
		{ "Efternamn, förnamn;pnr\n", ';' },
		{ "a,b,c,d;e\n", ';' },
		/* Inside quotes neither counts. */
		{ "\"a;b\",c\n", ',' },
		{ "\"a,b\";c\n", ';' },
		{ "\"a\"\";b\",c\n", ',' },
		/* Only the first record decides. */
		{ "a,b\nc;d\n", ',' },
		/* A quoted line break does not end the first record. */
		{ "\"a\nb\",c\nd;e\n", ',' },
		{ "\"a;\nb\",c\n", ',' },
		/* One column: nothing to go on, so the Swedish default. */
		{ "pnr\n", ';' },
		{ "\xef\xbb\xbf" "a,b\n", ',' },
	};
	struct src		 src;
	struct csv		*c;
	struct csv_record	 r;
	size_t			 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		c = src_str(&src, cases[i].text);
		ck_assert_int_eq(csv_next(c, &r), 1);
		ck_assert_msg(csv_separator(c) == cases[i].sep,
		    "case %zu: '%c'", i, csv_separator(c));
		src_close(&src);
	}
}
END_TEST

START_TEST(quotes)
{
	struct src	 src;
	struct csv	*c = src_str(&src, "a;b;c;d\n"
	    "\"sa \"\"hej\"\"\";\"x;y\";\"rad 1\nrad 2\";z\n"
	    "\"\";\"\"\"\";\"\"\"\"\"\";\"a,b\"\n");

	expect(c, 1, 4, "a", "b", "c", "d");
	expect(c, 2, 4, "sa \"hej\"", "x;y", "rad 1\nrad 2", "z");
	expect(c, 4, 4, "", "\"", "\"\"", "a,b");
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(crlf)
{
	struct src	 src;
	struct csv	*c = src_str(&src, "a;b\r\n1;2\r\n\"x\r\ny\";z\r\n"
	    "p\rq;r\r\n\"s\"\r\n");

	expect(c, 1, 2, "a", "b");
	expect(c, 2, 2, "1", "2");
	/* Inside quotes a line break is data, kept as the file has it. */
	expect(c, 3, 2, "x\r\ny", "z");
	/* A CR not before LF is data. */
	expect(c, 5, 2, "p\rq", "r");
	expect(c, 6, 1, "s");
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(no_final_newline)
{
	static const char	*texts[] = {
		"a;b\n1;2", "a;b\r\n1;2\r", "a;b\n1;\"2\"", "a;b\n1;",
	};
	static const char	*second[] = { "2", "2", "2", "" };
	struct src		 src;
	struct csv		*c;
	size_t			 i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		c = src_str(&src, texts[i]);
		expect(c, 1, 2, "a", "b");
		expect(c, 2, 2, "1", second[i]);
		expect_end(c);
		src_close(&src);
	}
}
END_TEST

START_TEST(bom)
{
	struct src	 src;
	struct csv	*c = src_str(&src, "\xef\xbb\xbfnamn;ort\nÅsa;Örebro\n"
	    "\xe5;x\nö;y\n");

	expect(c, 1, 2, "namn", "ort");
	expect(c, 2, 2, "Åsa", "Örebro");
	/* The mark says UTF-8: a Windows-1252 byte is an error, not a switch. */
	expect_error(c, 3, CSV_ERR_UTF8);
	ck_assert_int_eq(csv_cp1252(c), 0);
	expect(c, 4, 2, "ö", "y");
	expect_end(c);
	src_close(&src);

	/* A mark anywhere but the start is data. */
	c = src_str(&src, "a\n\xef\xbb\xbf" "b\n");
	expect(c, 1, 1, "a");
	expect(c, 2, 1, "\xef\xbb\xbf" "b");
	src_close(&src);
}
END_TEST

START_TEST(cp1252)
{
	struct src	 src;
	struct csv	*c = src_str(&src, "namn;ort\n"
	    "\xe5\xe4\xf6;\xc5\xc4\xd6\n"
	    "Andr\xe9;\x80 100\n"
	    "\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8e"
	    "\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9e\x9f\n"
	    "\xa0\xa7\xbd\xd7\xdf\xf7\xff\n"
	    "\xc3\xa5\n");

	expect(c, 1, 2, "namn", "ort");
	ck_assert_int_eq(csv_cp1252(c), 0);
	expect(c, 2, 2, "åäö", "ÅÄÖ");
	ck_assert_int_eq(csv_cp1252(c), 1);
	expect(c, 3, 2, "André", "€ 100");
	expect(c, 4, 1, "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
	expect(c, 5, 1, "\xc2\xa0§½×ß÷ÿ");
	/* Once Windows-1252, always: bytes that look like UTF-8 are not. */
	expect(c, 6, 1, "Ã¥");
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(cp1252_undefined)
{
	static const unsigned char	 undefined[] = {
		0x81, 0x8d, 0x8f, 0x90, 0x9d
	};
	struct src			 src;
	struct csv			*c;
	char				 text[64];
	size_t				 i;

	for (i = 0; i < sizeof undefined; i++) {
		snprintf(text, sizeof text, "a;b\n\xe5;%c\n\xf6;c\n",
		    undefined[i]);
		c = src_str(&src, text);
		expect(c, 1, 2, "a", "b");
		expect_error(c, 2, CSV_ERR_CP1252);
		/* The bad row decided the encoding; the next row is read. */
		ck_assert_int_eq(csv_cp1252(c), 1);
		expect(c, 3, 2, "ö", "c");
		expect_end(c);
		src_close(&src);
	}
}
END_TEST

START_TEST(utf8_then_invalid)
{
	struct src	 src;
	struct csv	*c = src_str(&src, "a\nÅsa\nG\xf6ran\nö\n\xc3\n");

	expect(c, 1, 1, "a");
	expect(c, 2, 1, "Åsa");
	expect_error(c, 3, CSV_ERR_UTF8);
	expect(c, 4, 1, "ö");
	/* A truncated sequence at the end of a field. */
	expect_error(c, 5, CSV_ERR_UTF8);
	ck_assert_int_eq(csv_cp1252(c), 0);
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(long_record_resync)
{
	struct src		 src;
	struct csv		*c;
	struct csv_record	 r;
	size_t			 len, cap = 4 * CSV_RECORD_MAX, n;
	size_t			 breaks = CSV_RECORD_MAX / 9 + 10;
	char			*text = malloc(cap);

	ck_assert_ptr_nonnull(text);
	/* A record of exactly the limit is fine... */
	memset(text, 'x', CSV_RECORD_MAX);
	text[CSV_RECORD_MAX - 2] = ';';
	len = CSV_RECORD_MAX;
	text[len++] = '\n';
	/* ...one byte more is not... */
	memset(text + len, 'y', CSV_RECORD_MAX + 1);
	len += CSV_RECORD_MAX + 1;
	len += (size_t)snprintf(text + len, cap - len, "\r\nok;1\n\"");
	/* ...nor a quoted one whose line breaks and quotes are data. */
	for (n = 0; n < breaks; n++)
		len += (size_t)snprintf(text + len, cap - len,
		    "z;\"\"\n\"\"\"\"");
	len += (size_t)snprintf(text + len, cap - len, "\";2\nok;3");

	c = src_open(&src, text, len, 1);
	ck_assert_int_eq(csv_next(c, &r), 1);
	ck_assert_int_eq(r.line, 1);
	ck_assert_uint_eq(r.nfields, 2);
	ck_assert_uint_eq(strlen(r.field[0]), CSV_RECORD_MAX - 2);
	ck_assert_str_eq(r.field[1], "x");
	expect_error(c, 2, CSV_ERR_LONG);
	expect(c, 3, 2, "ok", "1");
	/* Had the resync ignored quotes, a "z" row would come next. */
	expect_error(c, 4, CSV_ERR_LONG);
	expect(c, 5 + (long)breaks, 2, "ok", "3");
	expect_end(c);
	src_close(&src);
	free(text);
}
END_TEST

START_TEST(long_record_first)
{
	struct src	 src;
	struct csv	*c;
	size_t		 len = 2 * CSV_RECORD_MAX, n;
	char		*text = malloc(len + 16);

	/* Longer than the read buffer, so detection sees only part of it. */
	ck_assert_ptr_nonnull(text);
	for (n = 0; n < len; n++)
		text[n] = n < 8 && n % 2 ? ',' : 'a';
	n = len + (size_t)snprintf(text + len, 16, "\nb,c\n");
	c = src_open(&src, text, n, 0);
	expect_error(c, 1, CSV_ERR_LONG);
	ck_assert_int_eq(csv_separator(c), ',');
	expect(c, 2, 2, "b", "c");
	expect_end(c);
	src_close(&src);
	free(text);
}
END_TEST

START_TEST(too_many_fields)
{
	struct src		 src;
	struct csv		*c;
	struct csv_record	 r;
	char			 text[4 * CSV_FIELDS_MAX + 64];
	size_t			 len = 0, i;

	/* Exactly the limit: CSV_FIELDS_MAX - 1 separators. */
	for (i = 0; i < CSV_FIELDS_MAX - 1; i++)
		text[len++] = ';';
	text[len++] = '\n';
	for (i = 0; i < CSV_FIELDS_MAX; i++) {
		text[len++] = 'f';
		text[len++] = ';';
	}
	text[len++] = '\n';
	len += (size_t)snprintf(text + len, sizeof text - len, "ok;1\n");
	c = src_open(&src, text, len, 0);
	ck_assert_int_eq(csv_next(c, &r), 1);
	ck_assert_uint_eq(r.nfields, CSV_FIELDS_MAX);
	ck_assert_str_eq(r.field[CSV_FIELDS_MAX - 1], "");
	/* One separator more is one field too many. */
	expect_error(c, 2, CSV_ERR_FIELDS);
	expect(c, 3, 2, "ok", "1");
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(unterminated_quote)
{
	struct src	 src;
	struct csv	*c = src_str(&src, "a;b\n1;2\n3;\"open\n4;5\n6;7\n");

	expect(c, 1, 2, "a", "b");
	expect(c, 2, 2, "1", "2");
	expect_error(c, 3, CSV_ERR_QUOTE_EOF);
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(bare_quote)
{
	struct src	 src;
	struct csv	*c = src_str(&src, "a;b\n"
	    "x\"y;z\n"
	    "ok;1\n"
	    "ab\";\"multi\nline\"\n"
	    "ok;2\n"
	    "\"ab\"c;d\n"
	    "\"ab\" ;d\n"
	    "ok;3\n");

	expect(c, 1, 2, "a", "b");
	expect_error(c, 2, CSV_ERR_QUOTE_BARE);
	expect(c, 3, 2, "ok", "1");
	/* The quoted field after the stray quote still holds its break. */
	expect_error(c, 4, CSV_ERR_QUOTE_BARE);
	expect(c, 6, 2, "ok", "2");
	expect_error(c, 7, CSV_ERR_AFTER_QUOTE);
	expect_error(c, 8, CSV_ERR_AFTER_QUOTE);
	expect(c, 9, 2, "ok", "3");
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(empty_fields_and_lines)
{
	struct src	 src;
	struct csv	*c = src_str(&src, "\n\r\na;b;c\n\n;;\n\r\n\"\";x;\n"
	    " \n\n\n");

	expect(c, 3, 3, "a", "b", "c");
	expect(c, 5, 3, "", "", "");
	expect(c, 7, 3, "", "x", "");
	/* A space is not nothing. */
	expect(c, 8, 1, " ");
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(line_numbers)
{
	struct src	 src;
	struct csv	*c = src_str(&src, "h;i\n"
	    "\"1\n2\n3\";x\n"
	    "next;\"a\r\nb\"\r\n"
	    "\n"
	    "\"\n\";\"\n\"\n"
	    "last;y");

	expect(c, 1, 2, "h", "i");
	expect(c, 2, 2, "1\n2\n3", "x");
	expect(c, 5, 2, "next", "a\r\nb");
	expect(c, 8, 2, "\n", "\n");
	expect(c, 11, 2, "last", "y");
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(nul_byte)
{
	static const char	 text[] = "a;b\nx\0y;z\nok;1\n";
	struct src		 src;
	struct csv		*c = src_open(&src, text, sizeof text - 1, 1);

	expect(c, 1, 2, "a", "b");
	expect_error(c, 2, CSV_ERR_NUL);
	expect(c, 3, 2, "ok", "1");
	expect_end(c);
	src_close(&src);
}
END_TEST

START_TEST(read_error)
{
	struct csv		*c = csv_open(-1);
	struct csv_record	 r;

	ck_assert_int_eq(csv_next(c, &r), CSV_ERR_READ);
	ck_assert_int_eq(csv_next(c, &r), 0);
	csv_free(c);
}
END_TEST

START_TEST(messages)
{
	static const struct {
		int		 err;
		const char	*says;
	} cases[] = {
		{ CSV_ERR_READ, "kunde inte läsas" },
		{ CSV_ERR_QUOTE_EOF, "citattecknet avslutas aldrig" },
		{ CSV_ERR_QUOTE_BARE,
		    "ett citattecken mitt i ett fält utan citattecken" },
		{ CSV_ERR_AFTER_QUOTE, "efter ett avslutande citattecken" },
		{ CSV_ERR_LONG, "raden är för lång" },
		{ CSV_ERR_FIELDS, "för många fält" },
		{ CSV_ERR_NUL, "NUL" },
		{ CSV_ERR_UTF8, "inte är UTF-8" },
		{ CSV_ERR_CP1252,
		    "tecken som varken är UTF-8 eller Windows-1252" },
	};
	size_t	i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(strstr(csv_strerror(cases[i].err),
		    cases[i].says) != NULL, "%d: %s", cases[i].err,
		    csv_strerror(cases[i].err));
	ck_assert_str_eq(csv_strerror(-1000), "okänt fel i CSV-filen");
	ck_assert_str_eq(csv_strerror(1), "okänt fel i CSV-filen");
}
END_TEST

/* Bytes in the stream; one row in LONG_EVERY is over-long. */
#define STREAM_BYTES	(50L * 1024 * 1024)
#define LONG_EVERY	100000

/* Writes one generated row for row i into buf; returns its length. */
static size_t
stream_row(char *buf, size_t len, long i)
{
	if (i % LONG_EVERY == LONG_EVERY - 1) {
		memset(buf, 'x', CSV_RECORD_MAX + 10);
		buf[CSV_RECORD_MAX + 10] = '\n';
		return CSV_RECORD_MAX + 11;
	}
	return (size_t)snprintf(buf, len, "%ld;Åsa Öberg;\"sa \"\"hej\"\"; "
	    "och\nhej då\";2024-01-15\r\n", i);
}

/* The writer: rows into fd until STREAM_BYTES, then the end. */
static void
stream_write(int fd)
{
	static char	 buf[2 * CSV_RECORD_MAX];
	long		 total = 0, i;
	size_t		 len, off;
	ssize_t		 n;

	for (i = 0; total < STREAM_BYTES; i++) {
		len = stream_row(buf, sizeof buf, i);
		for (off = 0; off < len; off += (size_t)n) {
			if ((n = write(fd, buf + off, len - off)) == -1 &&
			    errno != EINTR)
				_exit(1);
			if (n == -1)
				n = 0;
		}
		total += (long)len;
	}
	_exit(0);
}

START_TEST(flat_memory)
{
	struct csv		*c;
	struct csv_record	 r;
	struct rusage		 ru;
	char			 want[32];
	size_t			 mem;
	long			 rows = 0, errors = 0, bad = 0, line = 1;
	long			 before;
	int			 fds[2], n, status;
	pid_t			 pid;

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_ne(pid = fork(), -1);
	if (pid == 0) {
		close(fds[0]);
		stream_write(fds[1]);
	}
	close(fds[1]);

	c = csv_open(fds[0]);
	mem = csv_memory(c);
	ck_assert_uint_lt(mem, 512 * 1024);
	ck_assert_int_eq(getrusage(RUSAGE_SELF, &ru), 0);
	before = ru.ru_maxrss;

	/*
	 * No ck_assert in the loop: each one costs Check a message and
	 * the sanitizer quarantines its memory, which would swamp the RSS
	 * measured here. Mismatches are counted and asserted after.
	 */
	while ((n = csv_next(c, &r)) != 0) {
		if (r.line != line || csv_memory(c) != mem)
			bad++;
		if (n < 0) {
			if (n != CSV_ERR_LONG)
				bad++;
			errors++;
			line++;
			continue;
		}
		snprintf(want, sizeof want, "%ld", rows + errors);
		if (r.nfields != 4 || strcmp(r.field[0], want) != 0 ||
		    strcmp(r.field[2], "sa \"hej\"; och\nhej då") != 0)
			bad++;
		rows++;
		line += 2;
	}
	ck_assert_int_eq(bad, 0);
	csv_free(c);
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	/* The whole 50 MB came through, long rows skipped and counted. */
	ck_assert_int_gt(rows, STREAM_BYTES / 80);
	ck_assert_int_eq(errors, (rows + errors) / LONG_EVERY);
	ck_assert_int_gt(errors, 0);
	/* Peak RSS grew by far less than the stream (ru_maxrss is KiB). */
	ck_assert_int_eq(getrusage(RUSAGE_SELF, &ru), 0);
	ck_assert_int_lt(ru.ru_maxrss - before, 8 * 1024);
}
END_TEST

static Suite *
suite_csv(void)
{
	Suite	*s = suite_create("csv");
	TCase	*tc = tcase_create("core");
	TCase	*big = tcase_create("stream");

	tcase_add_test(tc, separator_semicolon);
	tcase_add_test(tc, separator_comma);
	tcase_add_test(tc, separator_detection);
	tcase_add_test(tc, quotes);
	tcase_add_test(tc, crlf);
	tcase_add_test(tc, no_final_newline);
	tcase_add_test(tc, bom);
	tcase_add_test(tc, cp1252);
	tcase_add_test(tc, cp1252_undefined);
	tcase_add_test(tc, utf8_then_invalid);
	tcase_add_test(tc, long_record_resync);
	tcase_add_test(tc, long_record_first);
	tcase_add_test(tc, too_many_fields);
	tcase_add_test(tc, unterminated_quote);
	tcase_add_test(tc, bare_quote);
	tcase_add_test(tc, empty_fields_and_lines);
	tcase_add_test(tc, line_numbers);
	tcase_add_test(tc, nul_byte);
	tcase_add_test(tc, read_error);
	tcase_add_test(tc, messages);
	suite_add_tcase(s, tc);
	/* 50 MB through a sanitizer build takes seconds, not milliseconds. */
	tcase_set_timeout(big, 300);
	tcase_add_test(big, flat_memory);
	suite_add_tcase(s, big);
	return s;
}

UNIT_SUITE(suite_csv)
