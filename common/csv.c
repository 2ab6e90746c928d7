/*
 * The streaming CSV reader described in csv.h. Bytes go one at a time
 * through a state machine whose states are rows of a table; the field
 * bytes collect in a fixed record buffer, and a finished record is
 * checked as UTF-8 or converted from Windows-1252 as a whole.
 */
#include <sys/types.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "csv.h"
#include "xmalloc.h"

/* Record buffer: the content and a NUL per field never pass raw + 1. */
#define CSV_REC_SIZE	(CSV_RECORD_MAX + 1)
/* Windows-1252 needs at most three UTF-8 bytes per byte (U+2122). */
#define CSV_CONV_SIZE	(3 * CSV_REC_SIZE)

/* Returned by csv_getc() at the end of input, beside the bytes 0-255. */
#define CSV_EOF		(-256)

enum csv_encoding {
	CSV_ENC_UNKNOWN,	/* no byte >= 0x80 seen yet */
	CSV_ENC_UTF8,
	CSV_ENC_CP1252
};

enum csv_state {
	CSV_START,		/* at the start of a field */
	CSV_UNQUOTED,		/* inside a field without quotes */
	CSV_QUOTED,		/* inside quotes */
	CSV_QUOTE_SEEN		/* a quote inside quotes: "" or the end */
};

struct csv {
	ssize_t		 (*readfn)(struct csv *, void *, size_t);
	int		 fd;
	FILE		*fp;

	int		 started;	/* separator and BOM handled */
	int		 eof;		/* the source said end or failed */
	int		 failed;	/* 1: read error, 2: reported */
	char		 sep;
	enum csv_encoding enc;
	long		 line;		/* line of the next unread byte */

	unsigned char	*in;		/* read buffer */
	size_t		 incap, inpos, inlen;

	char		*rec;		/* field bytes, NUL after each */
	size_t		 reccap, reclen;
	char		*conv;		/* rec converted from Windows-1252 */
	size_t		 convcap;

	const char	*field[CSV_FIELDS_MAX];
	size_t		 nfields;
	size_t		 raw;		/* bytes of the record in the file */
	int		 err;		/* first error in the record */
};

static enum csv_state	csv_in_start(struct csv *, int);
static enum csv_state	csv_in_unquoted(struct csv *, int);
static enum csv_state	csv_in_quoted(struct csv *, int);
static enum csv_state	csv_in_quote_seen(struct csv *, int);

/*
 * What each state does with a byte of the record. Line ends outside
 * quotes never get here: csv_next() ends the record on them.
 */
static enum csv_state (*const csv_states[])(struct csv *, int) = {
	[CSV_START] = csv_in_start,
	[CSV_UNQUOTED] = csv_in_unquoted,
	[CSV_QUOTED] = csv_in_quoted,
	[CSV_QUOTE_SEEN] = csv_in_quote_seen,
};

/*
 * Windows-1252 0x80-0x9F as Unicode code points; 0 marks the five bytes
 * it leaves undefined. 0xA0-0xFF are ISO 8859-1, i.e. U+00A0-U+00FF.
 */
static const uint16_t csv_cp1252_c1[32] = {
	0x20ac, 0,	0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, /* 80 */
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,	0x017d, 0,	/* 88 */
	0,	0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, /* 90 */
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,	0x017e, 0x0178, /* 98 */
};

/* Messages for the per-row report, indexed by -error. */
static const char *const csv_errors[] = {
	[-CSV_OK] = "inget fel",
	[-CSV_ERR_READ] = "filen kunde inte läsas",
	[-CSV_ERR_QUOTE_EOF] = "citattecknet avslutas aldrig",
	[-CSV_ERR_QUOTE_BARE] =
	    "ett citattecken mitt i ett fält utan citattecken",
	[-CSV_ERR_AFTER_QUOTE] = "tecken efter ett avslutande citattecken",
	[-CSV_ERR_LONG] = "raden är för lång (högst 64 KiB)",
	[-CSV_ERR_FIELDS] = "för många fält (högst 256)",
	[-CSV_ERR_NUL] = "ett NUL-tecken i raden",
	[-CSV_ERR_UTF8] =
	    "tecken som inte är UTF-8, fast filen i övrigt är UTF-8",
	[-CSV_ERR_CP1252] = "tecken som varken är UTF-8 eller Windows-1252",
};

/* The messages above spell out the limits. */
_Static_assert(CSV_RECORD_MAX == 64 * 1024, "update csv_errors");
_Static_assert(CSV_FIELDS_MAX == 256, "update csv_errors");

/* Reads from a descriptor, retrying when a signal interrupts. */
static ssize_t
csv_read_fd(struct csv *c, void *p, size_t len)
{
	ssize_t	n;

	do
		n = read(c->fd, p, len);
	while (n == -1 && errno == EINTR);
	return n;
}

/* Reads from a stdio stream; -1 only when the stream has an error. */
static ssize_t
csv_read_fp(struct csv *c, void *p, size_t len)
{
	size_t	n;

	n = fread(p, 1, len, c->fp);
	if (n == 0 && ferror(c->fp))
		return -1;
	return (ssize_t)n;
}

/* Allocates a reader with every buffer it will ever use. */
static struct csv *
csv_new(ssize_t (*readfn)(struct csv *, void *, size_t))
{
	struct csv	*c;

	c = xcalloc(1, sizeof *c);
	c->readfn = readfn;
	c->line = 1;
	c->incap = CSV_READ_SIZE;
	c->in = xmalloc(c->incap);
	c->reccap = CSV_REC_SIZE;
	c->rec = xmalloc(c->reccap);
	c->convcap = CSV_CONV_SIZE;
	c->conv = xmalloc(c->convcap);
	return c;
}

/* Starts reading a file descriptor. */
struct csv *
csv_open(int fd)
{
	struct csv	*c;

	c = csv_new(csv_read_fd);
	c->fd = fd;
	return c;
}

/* Starts reading a stdio stream. */
struct csv *
csv_open_file(FILE *fp)
{
	struct csv	*c;

	c = csv_new(csv_read_fp);
	c->fd = -1;
	c->fp = fp;
	return c;
}

/* Frees the reader and its buffers. */
void
csv_free(struct csv *c)
{
	if (c == NULL)
		return;
	free(c->in);
	free(c->rec);
	free(c->conv);
	free(c);
}

/*
 * Appends what the source gives after the unread bytes, starting over
 * when all are read. A read error is remembered and then looks like the
 * end of the file, so the parser has one way out.
 */
static void
csv_fill(struct csv *c)
{
	ssize_t	n;

	if (c->eof)
		return;
	if (c->inpos == c->inlen)
		c->inpos = c->inlen = 0;
	if (c->inlen == c->incap)
		return;
	n = c->readfn(c, c->in + c->inlen, c->incap - c->inlen);
	if (n <= 0) {
		c->eof = 1;
		if (n < 0)
			c->failed = 1;
		return;
	}
	c->inlen += (size_t)n;
}

/* The next byte without taking it, or CSV_EOF. */
static int
csv_peek(struct csv *c)
{
	if (c->inpos == c->inlen)
		csv_fill(c);
	if (c->inpos == c->inlen)
		return CSV_EOF;
	return c->in[c->inpos];
}

/* Takes the next byte, or returns CSV_EOF. */
static int
csv_getc(struct csv *c)
{
	int	b;

	if ((b = csv_peek(c)) != CSV_EOF)
		c->inpos++;
	return b;
}

/* Whether a CR just taken is part of a line end rather than data. */
static int
csv_cr_ends_line(struct csv *c)
{
	int	b = csv_peek(c);

	return b == '\n' || b == CSV_EOF;
}

/*
 * Fills the read buffer, strips a byte-order mark and detects the
 * separator from the first record: any ';' outside quotes makes it ';'.
 * A quote toggles the state; "" toggles it twice, which is right.
 */
static void
csv_start(struct csv *c)
{
	size_t	i;
	int	quoted = 0, comma = 0, semicolon = 0;

	c->started = 1;
	while (c->inlen < c->incap && !c->eof)
		csv_fill(c);
	if (c->inlen >= 3 && memcmp(c->in, "\xef\xbb\xbf", 3) == 0) {
		c->inpos = 3;
		c->enc = CSV_ENC_UTF8;
	}
	for (i = c->inpos; i < c->inlen && !semicolon; i++) {
		if (c->in[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c->in[i] == '\n')
			break;
		else if (c->in[i] == ';')
			semicolon = 1;
		else if (c->in[i] == ',')
			comma = 1;
	}
	c->sep = comma && !semicolon ? ',' : ';';
}

/* Remembers the first error of a record; the rest of it is only read. */
static void
csv_fail(struct csv *c, int err)
{
	if (c->err == 0)
		c->err = err;
}

/* Appends a byte to the current field. */
static void
csv_put(struct csv *c, int b)
{
	if (c->err != 0)
		return;
	if (b == '\0') {
		csv_fail(c, CSV_ERR_NUL);
		return;
	}
	/* Cannot happen while raw <= CSV_RECORD_MAX; kept as a bound. */
	if (c->reclen + 1 >= c->reccap) {
		csv_fail(c, CSV_ERR_LONG);
		return;
	}
	c->rec[c->reclen++] = (char)b;
}

/* Ends the current field with its NUL. */
static void
csv_field_end(struct csv *c)
{
	if (c->err != 0)
		return;
	if (c->nfields == CSV_FIELDS_MAX) {
		csv_fail(c, CSV_ERR_FIELDS);
		return;
	}
	if (c->reclen >= c->reccap) {
		csv_fail(c, CSV_ERR_LONG);
		return;
	}
	c->rec[c->reclen++] = '\0';
	c->nfields++;
}

/* A byte at the start of a field. */
static enum csv_state
csv_in_start(struct csv *c, int b)
{
	if (b == '"')
		return CSV_QUOTED;
	if (b == c->sep) {
		csv_field_end(c);
		return CSV_START;
	}
	csv_put(c, b);
	return CSV_UNQUOTED;
}

/* A byte inside a field without quotes. */
static enum csv_state
csv_in_unquoted(struct csv *c, int b)
{
	if (b == '"') {
		/*
		 * Taking the quote as data would hide a broken file; taking
		 * it as an opening quote would swallow the lines after it.
		 * So it is an error, and the rest of the line is read on.
		 */
		csv_fail(c, CSV_ERR_QUOTE_BARE);
		return CSV_UNQUOTED;
	}
	if (b == c->sep) {
		csv_field_end(c);
		return CSV_START;
	}
	csv_put(c, b);
	return CSV_UNQUOTED;
}

/* A byte inside quotes: everything but a quote is data. */
static enum csv_state
csv_in_quoted(struct csv *c, int b)
{
	if (b == '"')
		return CSV_QUOTE_SEEN;
	csv_put(c, b);
	return CSV_QUOTED;
}

/* The byte after a quote inside quotes: another quote, or the end. */
static enum csv_state
csv_in_quote_seen(struct csv *c, int b)
{
	if (b == '"') {
		csv_put(c, '"');
		return CSV_QUOTED;
	}
	if (b == c->sep) {
		csv_field_end(c);
		return CSV_START;
	}
	csv_fail(c, CSV_ERR_AFTER_QUOTE);
	return CSV_UNQUOTED;
}

/* Whether every field of the record is valid UTF-8. */
static int
csv_rec_utf8(const struct csv *c)
{
	const char	*p = c->rec;
	size_t		 i, len;

	for (i = 0; i < c->nfields; i++) {
		len = strlen(p);
		if (!utf8_valid(p, len))
			return 0;
		p += len + 1;
	}
	return 1;
}

/* Converts the record from Windows-1252 into conv, NULs included. */
static int
csv_rec_cp1252(struct csv *c)
{
	const unsigned char	*in = (const unsigned char *)c->rec;
	unsigned char		*out = (unsigned char *)c->conv;
	size_t			 i;
	unsigned int		 cp;

	for (i = 0; i < c->reclen; i++) {
		if (in[i] < 0x80) {
			*out++ = in[i];
			continue;
		}
		cp = in[i] < 0xa0 ? csv_cp1252_c1[in[i] - 0x80] : in[i];
		if (cp == 0)
			return CSV_ERR_CP1252;
		if (cp < 0x800) {
			*out++ = (unsigned char)(0xc0 | cp >> 6);
			*out++ = (unsigned char)(0x80 | (cp & 0x3f));
		} else {
			*out++ = (unsigned char)(0xe0 | cp >> 12);
			*out++ = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
			*out++ = (unsigned char)(0x80 | (cp & 0x3f));
		}
	}
	return 0;
}

/*
 * Settles the encoding of a complete record and points the fields at
 * UTF-8: the record buffer as it is, or its conversion.
 */
static int
csv_decode(struct csv *c, struct csv_record *r)
{
	const char	*p = c->rec;
	size_t		 i;
	int		 high = 0, err;

	for (i = 0; i < c->reclen && !high; i++)
		high = (unsigned char)c->rec[i] >= 0x80;
	if (high && c->enc == CSV_ENC_UNKNOWN)
		c->enc = csv_rec_utf8(c) ? CSV_ENC_UTF8 : CSV_ENC_CP1252;
	if (high && c->enc == CSV_ENC_UTF8 && !csv_rec_utf8(c))
		return CSV_ERR_UTF8;
	if (high && c->enc == CSV_ENC_CP1252) {
		if ((err = csv_rec_cp1252(c)) != 0)
			return err;
		p = c->conv;
	}
	for (i = 0; i < c->nfields; i++) {
		c->field[i] = p;
		p += strlen(p) + 1;
	}
	r->nfields = c->nfields;
	r->field = c->field;
	return 1;
}

/* The end of input: a read error is reported once, then it is the end. */
static int
csv_end(struct csv *c)
{
	if (c->failed == 1) {
		c->failed = 2;
		return CSV_ERR_READ;
	}
	return 0;
}

/* Reads the next record; see csv.h. */
int
csv_next(struct csv *c, struct csv_record *r)
{
	enum csv_state	st = CSV_START;
	int		b;

	memset(r, 0, sizeof *r);
	if (!c->started)
		csv_start(c);

	/* Empty lines carry nothing; see csv.h. */
	for (;;) {
		if ((b = csv_getc(c)) == CSV_EOF)
			return csv_end(c);
		if (b == '\n')
			c->line++;
		else if (b != '\r' || !csv_cr_ends_line(c))
			break;
	}

	r->line = c->line;
	c->reclen = c->nfields = c->raw = 0;
	c->err = 0;
	for (;; b = csv_getc(c)) {
		if (b == CSV_EOF) {
			if (c->failed)
				return csv_end(c);
			/* The root cause, even when the record also ran long. */
			if (st == CSV_QUOTED)
				c->err = CSV_ERR_QUOTE_EOF;
			break;
		}
		if (b == '\n') {
			c->line++;
			if (st != CSV_QUOTED)
				break;
		} else if (b == '\r' && st != CSV_QUOTED &&
		    csv_cr_ends_line(c))
			continue;
		/*
		 * Past the limit the state machine still runs, storing
		 * nothing, so the reader finds the real end of the record.
		 */
		if (++c->raw > CSV_RECORD_MAX)
			csv_fail(c, CSV_ERR_LONG);
		st = csv_states[st](c, b);
	}
	csv_field_end(c);
	if (c->err != 0)
		return c->err;
	return csv_decode(c, r);
}

/* Describes an error of csv_next() in Swedish. */
const char *
csv_strerror(int err)
{
	size_t	i = (size_t)-(long)err;

	if (err > 0 || i >= sizeof csv_errors / sizeof csv_errors[0] ||
	    csv_errors[i] == NULL)
		return "okänt fel i CSV-filen";
	return csv_errors[i];
}

/* The separator, once the first record has been asked for. */
char
csv_separator(const struct csv *c)
{
	return c->started ? c->sep : '\0';
}

/* Whether the file is being read as Windows-1252. */
int
csv_cp1252(const struct csv *c)
{
	return c->enc == CSV_ENC_CP1252;
}

/* All the reader has allocated; nothing is allocated after csv_open(). */
size_t
csv_memory(const struct csv *c)
{
	return sizeof *c + c->incap + c->reccap + c->convcap;
}
