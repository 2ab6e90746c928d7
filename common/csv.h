/*
 * A streaming CSV reader for `sus import`: RFC 4180 records from a file
 * descriptor or a FILE *, in UTF-8 or Windows-1252, with flat memory.
 *
 *	struct csv		*c = csv_open(fd);
 *	struct csv_record	 r;
 *	int			 n;
 *
 *	while ((n = csv_next(c, &r)) != 0) {
 *		if (n < 0) {
 *			report("rad %ld: %s", r.line, csv_strerror(n));
 *			continue;
 *		}
 *		use(r.nfields, r.field);
 *	}
 *	csv_free(c);
 *
 * The format, as Excel writes it and RFC 4180 describes it:
 *
 * - Fields are separated by ';' or ','. The separator is detected from
 *   the first record (the header): ';' when a ';' occurs outside quotes
 *   in it, else ','. Swedish Excel writes ';' and a Swedish header may
 *   well hold a comma in a column name, so any ';' wins.
 * - A field may be quoted; inside quotes "" is one quote, and separators
 *   and line breaks are data (kept as they are in the file). A record
 *   therefore may span several physical lines.
 * - Records end at LF or CRLF outside quotes; a CR directly before LF or
 *   the end of the file is part of the line end, any other CR is data.
 *   The last record needs no line end.
 * - An empty line (no bytes before its line end) is skipped: Excel and
 *   editors leave them at the end of files and they carry nothing. A line
 *   of separators only (";;") is a record of empty fields, returned.
 *
 * Encoding, decided once per file and never changed after:
 *
 * - A UTF-8 byte-order mark at the start is stripped and makes the file
 *   UTF-8.
 * - Otherwise the first record holding a byte >= 0x80 decides: valid
 *   UTF-8 makes the file UTF-8, anything else makes it Windows-1252.
 *   Swedish letters in Windows-1252 are practically never valid UTF-8,
 *   so one record is enough, and sticking to the decision means a
 *   damaged row in a UTF-8 file is reported rather than silently read as
 *   Windows-1252.
 * - In a UTF-8 file a record that is not valid UTF-8 is an error
 *   (CSV_ERR_UTF8). In a Windows-1252 file every record is converted to
 *   UTF-8; the five bytes Windows-1252 leaves undefined (0x81, 0x8D,
 *   0x8F, 0x90, 0x9D) are an error for their record (CSV_ERR_CP1252).
 *
 * Errors are per record: csv_next() returns a negative csv_error for a
 * broken record, having read past it to the next line end outside
 * quotes, so the caller reports it and calls csv_next() again for the
 * rows that follow. Only CSV_ERR_READ ends the file: the next call
 * returns 0.
 *
 * Memory is allocated once, in csv_open(), and never grows: a read
 * buffer, a record buffer of CSV_RECORD_MAX bytes and a conversion
 * buffer three times that. A longer record, or one with more than
 * CSV_FIELDS_MAX fields, is an error for that record only.
 */
#ifndef SUS_CSV_H
#define SUS_CSV_H

#include <stddef.h>
#include <stdio.h>

/*
 * Most bytes in one record as written in the file, quotes and
 * separators included, line end excluded. A participant row is a few
 * hundred bytes; 64 KiB allows any sane sheet while bounding memory.
 */
#define CSV_RECORD_MAX		(64 * 1024)
/* Most fields in one record: the import has a few dozen columns. */
#define CSV_FIELDS_MAX		256
/*
 * Bytes asked of read() at once. It is also how much of the first
 * record separator detection can see: a header fits many times over.
 */
#define CSV_READ_SIZE		(64 * 1024)

enum csv_error {
	CSV_OK = 0,
	CSV_ERR_READ = -1,	/* read(2) or fread(3) failed; see errno */
	CSV_ERR_QUOTE_EOF = -2,	/* a quoted field runs to the end of file */
	CSV_ERR_QUOTE_BARE = -3, /* a quote inside an unquoted field */
	CSV_ERR_AFTER_QUOTE = -4, /* text after a closing quote: "ab"c */
	CSV_ERR_LONG = -5,	/* record longer than CSV_RECORD_MAX */
	CSV_ERR_FIELDS = -6,	/* more than CSV_FIELDS_MAX fields */
	CSV_ERR_NUL = -7,	/* a NUL byte: fields are C strings */
	CSV_ERR_UTF8 = -8,	/* invalid UTF-8 in a UTF-8 file */
	CSV_ERR_CP1252 = -9	/* neither UTF-8 nor Windows-1252 */
};

struct csv;

/*
 * One record. The strings live in the reader and are valid until the
 * next csv_next() or csv_free(). After an error only line is set.
 */
struct csv_record {
	long			 line;	 /* physical line it starts on, from 1 */
	size_t			 nfields; /* 1 to CSV_FIELDS_MAX */
	const char *const	*field;	 /* NUL-terminated UTF-8 strings */
};

/*
 * Starts reading fd, or fp, from its current position. Nothing is read
 * until the first csv_next(). The reader neither closes fd nor fp.
 * Allocation failure aborts, as with xmalloc().
 */
struct csv	*csv_open(int fd);
struct csv	*csv_open_file(FILE *fp);
/* Frees the reader; NULL is ignored. */
void		 csv_free(struct csv *);
/*
 * Reads the next record into *r: returns 1 for a record, 0 at the end of
 * the file, or a negative enum csv_error for a broken record (r->line
 * says where it started).
 */
int		 csv_next(struct csv *, struct csv_record *r);
/* A Swedish description of a csv_next() error, for the per-row report. */
const char	*csv_strerror(int);
/* The separator, ';' or ','; known after the first csv_next(), '\0' before. */
char		 csv_separator(const struct csv *);
/* 1 once the file has been found to be Windows-1252, else 0. */
int		 csv_cp1252(const struct csv *);
/* Bytes the reader holds allocated; constant for its life. For tests. */
size_t		 csv_memory(const struct csv *);

#endif
