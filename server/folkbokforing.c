/*
 * susd folkbokforing FILE: loads the copy of the population register
 * (SPAR/Navet) that "Hämta" reads. The file is UTF-8, ';'-separated,
 * with the header personnummer;namn;kommunkod;stadsdel;skyddad. Every
 * row is checked first, in C and then against kommun and stadsdel; one
 * bad row and nothing is stored. The rows are then upserted in one
 * transaction. Persons registered in sus whom the register marks
 * skyddad are stripped in the same transaction (rule 54), so protection
 * never waits for the next scheduled gallra.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libpq-fe.h>

#include "buf.h"
#include "err.h"
#include "gallring.h"
#include "log.h"
#include "pnr.h"
#include "susd.h"

#define FB_FIELDS		5
#define FB_NAMN_MAX		200	/* folkbokforing.namn, in characters */
#define FB_STADSDEL_MAX		50	/* stadsdel.namn */
/*
 * The checked rows are held whole before COPY, so that nothing reaches
 * the database from a file with a bad row. The whole of Sweden's
 * register is about 10 million rows of some 60 bytes; a copy for sus
 * covers the participants' kommuner, far less.
 */
#define FB_COPY_MAX		((size_t)1 << 30)
/* COPY data goes to the server in pieces of this size. */
#define FB_COPY_CHUNK		65536

/* The columns, in the order the header names them. */
static const char *const fb_columns[FB_FIELDS] = {
	"personnummer", "namn", "kommunkod", "stadsdel", "skyddad",
};

enum { FB_PNR, FB_NAMN, FB_KOMMUN, FB_STADSDEL, FB_SKYDDAD };

/* The words of the skyddad column. */
static const struct {
	const char	*word;
	const char	*value;
} fb_skyddad_words[] = {
	{ "ja", "t" }, { "nej", "f" }, { "1", "t" }, { "0", "f" },
};

/* One load: the file, the rows read and the errors found. */
struct fb_load {
	const char	*path;
	long		 rows;		/* data rows read */
	long		 bad;		/* errors, a row may have several */
};

/* Reports a bad row: row number, column and reason; never the number. */
static void __attribute__((format(printf, 4, 5)))
fb_bad(struct fb_load *l, long rad, const char *column, const char *fmt, ...)
{
	va_list	ap;
	char	why[256];

	if (++l->bad > OPER_ERRORS_SHOWN)
		return;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	if (column != NULL)
		fprintf(stderr, "susd: folkbokforing: rad %ld, kolumn %s: %s\n",
		    rad, column, why);
	else
		fprintf(stderr, "susd: folkbokforing: rad %ld: %s\n", rad, why);
}

/* Characters (code points) in valid UTF-8 s. */
static size_t
fb_chars(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/* Reports whether s holds a control character. */
static int
fb_control(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	}
	return 0;
}

/*
 * Splits line in place at ';', keeping the first max fields. A field
 * may be in double quotes, with "" for a quote inside; unquoted fields
 * lose surrounding blanks. Returns the number of fields, or -1 for a
 * quote that does not close.
 */
static int
fb_split(char *line, char **fields, int max)
{
	char	*p = line, *w, *start;
	int	 n = 0;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		start = w = p;
		if (n < max)
			fields[n] = start;
		n++;
		if (*p == '"') {
			start = w = ++p;
			if (n <= max)
				fields[n - 1] = start;
			for (;;) {
				if (*p == '\0')
					return -1;
				if (*p == '"' && p[1] == '"') {
					*w++ = '"';
					p += 2;
				} else if (*p == '"') {
					p++;
					break;
				} else
					*w++ = *p++;
			}
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p != ';' && *p != '\0')
				return -1;
		} else {
			while (*p != ';' && *p != '\0')
				p++;
			w = p;
			while (w > start && (w[-1] == ' ' || w[-1] == '\t'))
				w--;
		}
		if (*p == '\0') {
			*w = '\0';
			return n;
		}
		p++;
		*w = '\0';
	}
}

/* Reports whether the header line names the columns in order. */
static int
fb_header_ok(char *line)
{
	char	*f[FB_FIELDS];
	int	 i;

	/* A BOM is how some spreadsheet programs say UTF-8. */
	if (strncmp(line, "\xef\xbb\xbf", 3) == 0)
		memmove(line, line + 3, strlen(line + 3) + 1);
	if (fb_split(line, f, FB_FIELDS) != FB_FIELDS)
		return 0;
	for (i = 0; i < FB_FIELDS; i++) {
		if (strcasecmp(f[i], fb_columns[i]) != 0)
			return 0;
	}
	return 1;
}

/* Appends s to b in COPY text format: backslash, tab and line ends escaped. */
static int
fb_copy_field(struct buf *b, const char *s, int last)
{
	int	r = 0;

	for (; *s != '\0' && r == 0; s++) {
		if (*s == '\\' || *s == '\t' || *s == '\n' || *s == '\r')
			r = buf_put(b, "\\", 1);
		if (r == 0)
			r = buf_put(b, *s == '\t' ? "t" : *s == '\n' ? "n" :
			    *s == '\r' ? "r" : s, 1);
	}
	if (r == 0)
		r = buf_put(b, last ? "\n" : "\t", 1);
	return r;
}

/*
 * Checks one data row; on success appends it to b as a COPY line
 * (rad, personnummer, namn, kommunkod, stadsdel, skyddad).
 */
static int
fb_row(struct fb_load *l, long rad, char *line, struct buf *b)
{
	char		*f[FB_FIELDS], masked[24], num[24];
	const char	*skyddad = NULL;
	struct pnr	 p;
	size_t		 i;
	int		 n, e, ok = 1;

	if (!utf8_valid(line, strlen(line))) {
		fb_bad(l, rad, NULL, "raden är inte giltig UTF-8");
		return 0;
	}
	if ((n = fb_split(line, f, FB_FIELDS)) != FB_FIELDS) {
		if (n < 0)
			fb_bad(l, rad, NULL, "ett citattecken avslutas inte");
		else
			fb_bad(l, rad, NULL, "raden har %d fält, ska ha %d "
			    "åtskilda av ';'", n, FB_FIELDS);
		return 0;
	}
	pnr_mask(f[FB_PNR], masked, sizeof masked);
	if ((e = pnr_parse(f[FB_PNR], 0, &p)) != PNR_OK) {
		fb_bad(l, rad, "personnummer", "%s (%s)", pnr_strerror(e),
		    masked);
		ok = 0;
	}
	if (*f[FB_NAMN] == '\0' || fb_chars(f[FB_NAMN]) > FB_NAMN_MAX ||
	    fb_control(f[FB_NAMN])) {
		fb_bad(l, rad, "namn", "namnet ska ha 1 till %d tecken "
		    "(%s)", FB_NAMN_MAX, masked);
		ok = 0;
	}
	if (strlen(f[FB_KOMMUN]) != 4 ||
	    strspn(f[FB_KOMMUN], "0123456789") != 4) {
		fb_bad(l, rad, "kommunkod", "kommunkoden ska ha fyra siffror "
		    "(%s)", masked);
		ok = 0;
	}
	if (fb_chars(f[FB_STADSDEL]) > FB_STADSDEL_MAX ||
	    fb_control(f[FB_STADSDEL])) {
		fb_bad(l, rad, "stadsdel", "stadsdelen ska ha högst %d tecken "
		    "(%s)", FB_STADSDEL_MAX, masked);
		ok = 0;
	}
	for (i = 0; i < sizeof fb_skyddad_words / sizeof fb_skyddad_words[0];
	    i++) {
		if (strcasecmp(f[FB_SKYDDAD], fb_skyddad_words[i].word) == 0)
			skyddad = fb_skyddad_words[i].value;
	}
	if (skyddad == NULL) {
		fb_bad(l, rad, "skyddad", "ska vara ja, nej, 1 eller 0 (%s)",
		    masked);
		ok = 0;
	}
	if (!ok)
		return 0;
	snprintf(num, sizeof num, "%ld", rad);
	if (fb_copy_field(b, num, 0) != 0 || fb_copy_field(b, p.norm, 0) != 0 ||
	    fb_copy_field(b, f[FB_NAMN], 0) != 0 ||
	    fb_copy_field(b, f[FB_KOMMUN], 0) != 0 ||
	    fb_copy_field(b, f[FB_STADSDEL], 0) != 0 ||
	    fb_copy_field(b, skyddad, 1) != 0) {
		fb_bad(l, rad, NULL, "filen är för stor");
		return 0;
	}
	explicit_bzero(&p, sizeof p);
	return 1;
}

/* Reads and checks the whole file into b (COPY text). */
static int
fb_read(struct fb_load *l, FILE *fp, struct buf *b)
{
	char	line[OPER_LINE_MAX];
	long	rad = 0;
	int	rr;

	rr = oper_read_line(fp, line, sizeof line);
	rad++;
	if (rr <= 0 || !fb_header_ok(line)) {
		fprintf(stderr, "susd: folkbokforing: %s: första raden ska "
		    "vara personnummer;namn;kommunkod;stadsdel;skyddad\n",
		    l->path);
		return SUS_ERR_INVALID;
	}
	while ((rr = oper_read_line(fp, line, sizeof line)) != 0) {
		rad++;
		if (rr < 0) {
			if (ferror(fp))
				break;
			fb_bad(l, rad, NULL, "raden är längre än %d byte",
			    OPER_LINE_MAX - 2);
			continue;
		}
		if (line[strspn(line, " \t")] == '\0')
			continue;
		l->rows++;
		fb_row(l, rad, line, b);
	}
	explicit_bzero(line, sizeof line);
	if (ferror(fp)) {
		log_error("folkbokforing: %s: %s", l->path, strerror(errno));
		return SUS_ERR_SYSTEM;
	}
	return 0;
}

/* Streams the checked rows into the temporary table fb_in. */
static int
fb_copy(struct oper *o, struct buf *b)
{
	PGresult	*res;
	size_t		 off, n;
	int		 r = 0;

	if (oper_cmd(o, "CREATE TEMPORARY TABLE fb_in (rad integer NOT NULL,"
	    " personnummer char(12) NOT NULL, namn text NOT NULL,"
	    " kommunkod char(4) NOT NULL, stadsdel text NOT NULL,"
	    " skyddad boolean NOT NULL) ON COMMIT DROP", 0, NULL) != 0)
		return SUS_ERR_SYSTEM;
	res = PQexec(o->c, "COPY fb_in FROM STDIN");
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		log_error("folkbokforing: COPY refused");
		PQclear(res);
		return SUS_ERR_SYSTEM;
	}
	PQclear(res);
	for (off = 0; off < buf_len(b) && r == 0; off += n) {
		n = buf_len(b) - off < FB_COPY_CHUNK ? buf_len(b) - off :
		    FB_COPY_CHUNK;
		if (PQputCopyData(o->c, (const char *)buf_ptr(b) + off,
		    (int)n) != 1)
			r = SUS_ERR_SYSTEM;
	}
	if (PQputCopyEnd(o->c, r == 0 ? NULL : "aborted") != 1)
		r = SUS_ERR_SYSTEM;
	while ((res = PQgetResult(o->c)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			r = SUS_ERR_SYSTEM;
		PQclear(res);
	}
	if (r != 0)
		log_error("folkbokforing: COPY failed");
	return r;
}

/*
 * What only the database can check, each query giving the row, the
 * column, the masked number and what is wrong.
 */
static const char *const fb_checks[] = {
	"SELECT i.rad, 'kommunkod', i.personnummer, 'kommunkoden '"
	" || i.kommunkod || ' finns inte' FROM fb_in i"
	" WHERE NOT EXISTS (SELECT 1 FROM kommun k"
	" WHERE k.kommunkod = i.kommunkod)",

	"SELECT i.rad, 'stadsdel', i.personnummer, 'stadsdelen finns inte i"
	" kommunen ' || i.kommunkod FROM fb_in i WHERE i.stadsdel <> ''"
	" AND EXISTS (SELECT 1 FROM kommun k WHERE k.kommunkod = i.kommunkod)"
	" AND NOT EXISTS (SELECT 1 FROM stadsdel s"
	" WHERE s.kommunkod = i.kommunkod AND lower(s.namn) = lower(i.stadsdel)"
	" AND s.giltig_from <= current_date AND (s.giltig_tom IS NULL"
	" OR s.giltig_tom >= current_date))",

	"SELECT i.rad, 'personnummer', i.personnummer, 'samma personnummer"
	" som rad ' || i.forsta FROM (SELECT rad, personnummer, min(rad)"
	" OVER (PARTITION BY personnummer) AS forsta FROM fb_in) i"
	" WHERE i.rad > i.forsta",
};

/* Runs fb_checks; reports every bad row. */
static int
fb_check(struct oper *o, struct fb_load *l)
{
	PGresult	*res;
	char		 masked[24];
	size_t		 i;
	int		 row;

	for (i = 0; i < sizeof fb_checks / sizeof fb_checks[0]; i++) {
		if ((res = oper_exec(o, fb_checks[i], 0, NULL)) == NULL)
			return SUS_ERR_SYSTEM;
		for (row = 0; row < PQntuples(res); row++) {
			pnr_mask(PQgetvalue(res, row, 2), masked,
			    sizeof masked);
			fb_bad(l, strtol(PQgetvalue(res, row, 0), NULL, 10),
			    PQgetvalue(res, row, 1), "%s (%s)",
			    PQgetvalue(res, row, 3), masked);
		}
		PQclear(res);
	}
	return 0;
}

/* Upserts fb_in; fills the counts of new and changed rows. */
static int
fb_store(struct oper *o, long *nya, long *andrade)
{
	PGresult	*res;

	res = oper_exec(o,
	    "WITH up AS (INSERT INTO folkbokforing AS f (personnummer, namn,"
	    " kommunkod, stadsdel_id, skyddad)"
	    " SELECT i.personnummer, i.namn, i.kommunkod, (SELECT s.id"
	    " FROM stadsdel s WHERE s.kommunkod = i.kommunkod"
	    " AND lower(s.namn) = lower(i.stadsdel)"
	    " AND s.giltig_from <= current_date AND (s.giltig_tom IS NULL"
	    " OR s.giltig_tom >= current_date) ORDER BY s.giltig_from DESC"
	    " LIMIT 1), i.skyddad FROM fb_in i"
	    " ON CONFLICT (personnummer) DO UPDATE SET namn = excluded.namn,"
	    " kommunkod = excluded.kommunkod, stadsdel_id = excluded.stadsdel_id,"
	    " skyddad = excluded.skyddad, uppdaterad = now()"
	    " WHERE (f.namn, f.kommunkod, f.stadsdel_id, f.skyddad)"
	    " IS DISTINCT FROM (excluded.namn, excluded.kommunkod,"
	    " excluded.stadsdel_id, excluded.skyddad)"
	    " RETURNING (xmax = 0) AS ny)"
	    " SELECT count(*) FILTER (WHERE ny), count(*) FILTER (WHERE NOT ny)"
	    " FROM up", 0, NULL);
	if (res == NULL)
		return SUS_ERR_SYSTEM;
	*nya = oper_long(res, 0);
	*andrade = oper_long(res, 1);
	PQclear(res);
	return 0;
}

/* susd folkbokforing FILE: checks the whole file, then loads it. */
int
admin_folkbokforing(int argc, char **argv)
{
	struct oper		 o;
	struct oper_counts	 counts[2];
	struct fb_load		 l;
	struct buf		*b = NULL;
	FILE			*fp = NULL;
	long			 nya = 0, andrade = 0;
	int			 r = SUS_ERR_INVALID;

	memset(&o, 0, sizeof o);
	memset(&l, 0, sizeof l);
	if (argc != 2) {
		fprintf(stderr, "usage: susd folkbokforing fil\n");
		return SUS_ERR_INVALID;
	}
	l.path = argv[1];
	if (strcmp(l.path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(l.path, "r")) == NULL) {
		fprintf(stderr, "susd: folkbokforing: %s: %s\n", l.path,
		    strerror(errno));
		return SUS_ERR_SYSTEM;
	}
	if ((b = buf_new(FB_COPY_MAX)) == NULL) {
		r = SUS_ERR_ALLOC;
		goto out;
	}
	if ((r = fb_read(&l, fp, b)) != 0)
		goto out;
	r = SUS_ERR_INVALID;
	if (l.bad == 0 && l.rows == 0) {
		fprintf(stderr, "susd: folkbokforing: %s: inga rader\n", l.path);
		goto out;
	}
	if (l.bad > 0)
		goto refused;
	if ((r = oper_begin(&o, "folkbokforing", 0)) != 0)
		goto out;
	r = SUS_ERR_SYSTEM;
	if (fb_copy(&o, b) != 0 || fb_check(&o, &l) != 0)
		goto out;
	if (l.bad > 0) {
		r = SUS_ERR_INVALID;
		goto refused;
	}
	if (fb_store(&o, &nya, &andrade) != 0 ||
	    oper_strip_prepare(&o) != 0 ||
	    oper_cmd(&o, "INSERT INTO strip_person (person_id, orsak)"
	    " SELECT p.id, 'skyddad' FROM person p JOIN folkbokforing f"
	    " ON f.personnummer = p.personnummer AND f.skyddad", 0, NULL) != 0 ||
	    oper_cmd(&o, "INSERT INTO strip (deltagande_id, orsak)"
	    " SELECT d.id, 'skyddad' FROM deltagande d"
	    " JOIN strip_person sp ON sp.person_id = d.person_id"
	    " ORDER BY d.id FOR UPDATE OF d", 0, NULL) != 0 ||
	    oper_strip(&o, "susd folkbokforing", NULL, NULL, counts) != 0 ||
	    oper_end(&o, 0) != 0)
		goto out;
	printf("Folkbokföringen: %ld %s lästa, %ld %s, %ld %s, %ld "
	    "oförändrade.\n", l.rows, l.rows == 1 ? "rad" : "rader", nya,
	    nya == 1 ? "ny" : "nya", andrade, andrade == 1 ? "ändrad" :
	    "ändrade", l.rows - nya - andrade);
	if (counts[1].deltaganden > 0 || counts[1].arenden > 0 ||
	    counts[1].borttagna > 0) {
		printf("Personer i sus som har skyddade personuppgifter enligt "
		    "registret avidentifierades nu:\n");
		printf("Skyddade personuppgifter: %ld %s", counts[1].deltaganden,
		    counts[1].deltaganden == 1 ? "deltagande" : "deltaganden");
		if (counts[1].arenden > 0)
			printf(" och %ld %s i Af/FK-samarbetet",
			    counts[1].arenden, counts[1].arenden == 1 ?
			    "ärende" : "ärenden");
		printf(" avidentifierades, %ld %s togs bort ur sus.\n",
		    counts[1].borttagna, counts[1].borttagna == 1 ? "person" :
		    "personer");
	}
	log_info("folkbokforing: %ld rows, %ld new, %ld changed; protected: "
	    "%ld participations and %ld Af/FK ärenden stripped, %ld persons "
	    "deleted", l.rows, nya, andrade, counts[1].deltaganden,
	    counts[1].arenden, counts[1].borttagna);
	r = 0;
	goto out;
refused:
	if (l.bad > OPER_ERRORS_SHOWN)
		fprintf(stderr, "susd: folkbokforing: och %ld fel till\n",
		    l.bad - OPER_ERRORS_SHOWN);
	fprintf(stderr, "susd: folkbokforing: %ld fel; inget har sparats\n",
	    l.bad);
out:
	if (r == SUS_ERR_SYSTEM)
		fprintf(stderr, "susd: folkbokforing: inget har sparats\n");
	oper_close(&o);
	buf_free(b);		/* wipes the rows it held */
	if (fp != NULL && fp != stdin)
		fclose(fp);
	return r;
}
