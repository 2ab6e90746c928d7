/*
 * Swedish personnummer and samordningsnummer: parsing, validation and
 * formatting. Pure functions apart from reading the clock when asked for
 * "now", so the client and the server reach the same verdict.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pnr.h"

/* A samordningsnummer carries the birth day plus this in the day field. */
#define PNR_SAMORDNING_OFFSET	60
/*
 * No one alive was born before this; it also keeps the year arithmetic far
 * from overflow and outside the proleptic-Gregorian guesswork of old years.
 */
#define PNR_YEAR_MIN		1800
/* Longest input worth looking at once spaces are trimmed: YYYYMMDD-NNNC. */
#define PNR_TEXT_MAX		13

/* A calendar date, compared field by field. */
struct pnr_date {
	int	year, month, day;
};

/* One accepted shape of input: its length and where its separator sits. */
struct pnr_shape {
	size_t	len;		/* characters after trimming */
	int	sep;		/* index of '-' or '+', or -1 for none */
	int	century;	/* 1 when the year has four digits */
	int	plus_ok;	/* 1 when '+' may stand in for '-' */
};

/*
 * The accepted shapes. '+' only means something in the ten-digit form,
 * where it says "100 years or older"; a four-digit year needs no hint.
 */
static const struct pnr_shape pnr_shapes[] = {
	{ 12, -1, 1, 0 },	/* YYYYMMDDNNNC */
	{ 13, 8, 1, 0 },	/* YYYYMMDD-NNNC */
	{ 10, -1, 0, 0 },	/* YYMMDDNNNC */
	{ 11, 6, 0, 1 },	/* YYMMDD-NNNC, YYMMDD+NNNC */
};

/* Messages for the message line, indexed by the negated error code. */
static const char *pnr_messages[] = {
	"Personnumret är giltigt",				/* PNR_OK */
	"Personnumret ska ha 10 eller 12 siffror",		/* FORMAT */
	"Personnumret innehåller ett datum som inte finns",	/* DATE */
	"Personnumret har fel kontrollsiffra",			/* CHECKSUM */
	"Personnumret har födelsenummer 000, som aldrig delas ut", /* SERIAL */
	"Personnumret innehåller ett datum i framtiden",	/* FUTURE */
};

/* Returns 1 when year is a Gregorian leap year. */
static int
pnr_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Returns 1 when the date exists in the Gregorian calendar. */
static int
pnr_date_valid(const struct pnr_date *d)
{
	static const int	mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int			 last;

	if (d->year < PNR_YEAR_MIN || d->month < 1 || d->month > 12)
		return 0;
	last = mdays[d->month - 1];
	if (d->month == 2 && pnr_leap(d->year))
		last = 29;
	return d->day >= 1 && d->day <= last;
}

/* Compares two dates: negative, zero or positive like strcmp. */
static int
pnr_date_cmp(const struct pnr_date *a, const struct pnr_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

/* Fills d with the local calendar date of t (0 means now). */
static int
pnr_date_of(time_t t, struct pnr_date *d)
{
	struct tm	tm;

	if (t == 0)
		t = time(NULL);
	if (localtime_r(&t, &tm) == NULL)
		return -1;
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
	return 0;
}

/* Reads n decimal digits from s as a number. */
static int
pnr_number(const char *s, int n)
{
	int	v = 0, i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Returns the Luhn check digit for the nine digits at s. */
static int
pnr_luhn(const char *s)
{
	int	sum = 0, i, v;

	for (i = 0; i < 9; i++) {
		v = s[i] - '0';
		/* Weights alternate 2, 1, 2, ... from the first digit. */
		if (i % 2 == 0) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return (10 - sum % 10) % 10;
}

/*
 * Splits the trimmed text t (length len) into its digits, checking the
 * shape. Returns the shape or NULL when no shape fits.
 */
static const struct pnr_shape *
pnr_shape_match(const char *t, size_t len, char *digits, char *sep)
{
	const struct pnr_shape	*sh;
	size_t			 i, n, j;

	for (i = 0; i < sizeof pnr_shapes / sizeof pnr_shapes[0]; i++) {
		sh = &pnr_shapes[i];
		if (sh->len != len)
			continue;
		*sep = '-';
		for (j = 0, n = 0; j < len; j++) {
			if (sh->sep >= 0 && j == (size_t)sh->sep) {
				if (t[j] != '-' && !(sh->plus_ok && t[j] == '+'))
					return NULL;
				*sep = t[j];
				continue;
			}
			if (t[j] < '0' || t[j] > '9')
				return NULL;
			digits[n++] = t[j];
		}
		digits[n] = '\0';
		return sh;
	}
	return NULL;
}

/*
 * Picks the century for a two-digit year: the latest year ending in yy
 * whose birthday (month, day) is not after today, then a further hundred
 * years back when the separator is '+'.
 */
static int
pnr_century(int yy, int month, int day, char sep, const struct pnr_date *now)
{
	struct pnr_date	 d;

	d.year = now->year - ((now->year - yy) % 100 + 100) % 100;
	d.month = month;
	d.day = day;
	if (pnr_date_cmp(&d, now) > 0)
		d.year -= 100;
	if (sep == '+')
		d.year -= 100;
	return d.year;
}

/* Parses s as of the reference date today and fills *p. */
int
pnr_parse(const char *s, time_t today, struct pnr *p)
{
	const struct pnr_shape	*sh;
	struct pnr_date		 now, birth;
	char			 digits[PNR_TEXT_MAX + 1], sep;
	const char		*t, *ten;
	size_t			 len;
	int			 day_field, year;

	memset(p, 0, sizeof *p);
	if (s == NULL)
		return PNR_ERR_FORMAT;
	while (*s == ' ' || *s == '\t')
		s++;
	t = s;
	len = strlen(t);
	while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\t'))
		len--;
	if (len > PNR_TEXT_MAX)
		return PNR_ERR_FORMAT;
	if ((sh = pnr_shape_match(t, len, digits, &sep)) == NULL)
		return PNR_ERR_FORMAT;
	if (pnr_date_of(today, &now) != 0)
		return PNR_ERR_FORMAT;

	ten = sh->century ? digits + 2 : digits;
	birth.month = pnr_number(ten + 2, 2);
	day_field = pnr_number(ten + 4, 2);
	birth.day = day_field;
	if (day_field > PNR_SAMORDNING_OFFSET) {
		p->samordning = 1;
		birth.day -= PNR_SAMORDNING_OFFSET;
	}
	if (sh->century)
		year = pnr_number(digits, 4);
	else
		year = pnr_century(pnr_number(ten, 2), birth.month, birth.day,
		    sep, &now);
	birth.year = year;

	/* Date before checksum: a mistyped date gets the clearer message. */
	if (!pnr_date_valid(&birth))
		return PNR_ERR_DATE;
	if (pnr_number(ten + 6, 3) == 0)
		return PNR_ERR_SERIAL;
	if (pnr_luhn(ten) != ten[9] - '0')
		return PNR_ERR_CHECKSUM;
	if (pnr_date_cmp(&birth, &now) > 0)
		return PNR_ERR_FUTURE;

	/* The year is 1800..today, so its century is two digits. */
	p->norm[0] = (char)('0' + birth.year / 1000);
	p->norm[1] = (char)('0' + birth.year / 100 % 10);
	memcpy(p->norm + 2, ten, 10);
	p->norm[12] = '\0';
	p->year = birth.year;
	p->month = birth.month;
	p->day = birth.day;
	p->male = (ten[8] - '0') % 2;
	return PNR_OK;
}

/* Returns a Swedish message for a pnr_parse() result. */
const char *
pnr_strerror(int code)
{
	if (code > 0 || -code >= (int)(sizeof pnr_messages /
	    sizeof pnr_messages[0]))
		return "Personnumret är felaktigt";
	return pnr_messages[-code];
}

/* Masks a personnummer as typed: see pnr.h. */
void
pnr_mask(const char *typed, char *out, size_t len)
{
	char	d[12];
	size_t	n = 0;
	int	bad = 0;

	for (; *typed != '\0' && !bad; typed++) {
		if (*typed >= '0' && *typed <= '9') {
			if (n < sizeof d)
				d[n] = *typed;
			n++;
		} else if (*typed != '-' && *typed != '+' && *typed != ' ')
			bad = 1;
	}
	if (!bad && (n == 10 || n == 12))
		snprintf(out, len, "********-%.4s", d + n - 4);
	else
		snprintf(out, len, "%s", "********-????");
}

/* Formats as YYYYMMDD-NNNC into out. */
void
pnr_format(const struct pnr *p, char *out, size_t len)
{
	if (len == 0)
		return;
	snprintf(out, len, "%.8s-%.4s", p->norm, p->norm + 8);
}

/*
 * Age in whole years at the date of when (0 means now). Someone born on
 * 29 February has their birthday on 1 March in common years, since the
 * date comparison only counts a birthday once it has been reached.
 */
int
pnr_age(const struct pnr *p, time_t when)
{
	struct pnr_date	now;
	int		age;

	if (pnr_date_of(when, &now) != 0)
		return -1;
	age = now.year - p->year;
	if (now.month < p->month || (now.month == p->month &&
	    now.day < p->day))
		age--;
	return age < 0 ? 0 : age;
}
