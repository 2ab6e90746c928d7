/*
 * The pure pieces of the report engine (rapport.h, issue 9): standard
 * values, dates, åldersgrupper, per cent and the urval line. No I/O, so
 * the unit tests link them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport.h"
#include "xmalloc.h"

/* The years reports accept (the tables' CHECKs). */
#define RAPPORT_AR_MIN		1990
#define RAPPORT_AR_MAX		2200

/* Reads exactly n digits at s as a number; -1 when they are not digits. */
static int
rapport_siffror(const char *s, size_t n)
{
	int	v = 0;
	size_t	i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Whether s is a real day in the years reports accept. */
int
rapport_datum_ok(const char *s)
{
	static const int dagar[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	y = rapport_siffror(s, 4);
	m = rapport_siffror(s + 5, 2);
	d = rapport_siffror(s + 8, 2);
	if (y < RAPPORT_AR_MIN || y > RAPPORT_AR_MAX || m < 1 || m > 12 ||
	    d < 1 || d > dagar[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return 0;
	return 1;
}

/*
 * Reads an offset "", "-N" or "+N" (N up to 3 digits) after a keyword;
 * 0, or -1 when it is something else.
 */
static int
rapport_forskjutning(const char *s, int *n)
{
	size_t	len = strlen(s);
	int	v;

	*n = 0;
	if (len == 0)
		return 0;
	if ((s[0] != '-' && s[0] != '+') || len < 2 || len > 4)
		return -1;
	if ((v = rapport_siffror(s + 1, len - 1)) < 0)
		return -1;
	*n = s[0] == '-' ? -v : v;
	return 0;
}

/* Resolves a parameter's standard value against today. */
int
rapport_standard(const char *standard, const char *idag, char *out,
    size_t len)
{
	/* Keywords and what each gives for year y (the offset applied). */
	static const struct {
		const char	*namn;
		const char	*fmt;	/* %04d the year; NULL: as idag */
	} ord[] = {
		{ "arstart", "%04d-01-01" },
		{ "arslut", "%04d-12-31" },
		{ "ar", "%04d" },
	};
	size_t	i, n;
	int	y, k, r;

	if (strcmp(standard, "idag") == 0) {
		if (strlcpy(out, idag, len) >= len)
			return -1;
		return 0;
	}
	if (strcmp(standard, "manadstart") == 0) {
		r = snprintf(out, len, "%.8s01", idag);
		return r < 0 || (size_t)r >= len ? -1 : 0;
	}
	for (i = 0; i < sizeof ord / sizeof ord[0]; i++) {
		n = strlen(ord[i].namn);
		if (strncmp(standard, ord[i].namn, n) != 0 ||
		    rapport_forskjutning(standard + n, &k) != 0)
			continue;
		if ((y = rapport_siffror(idag, 4)) < 0)
			return -1;
		y += k;
		if (y < RAPPORT_AR_MIN || y > RAPPORT_AR_MAX)
			return -1;
		r = snprintf(out, len, ord[i].fmt, y);
		return r < 0 || (size_t)r >= len ? -1 : 0;
	}
	if (strlcpy(out, standard, len) >= len)
		return -1;
	return 0;
}

/* Reads an åldersgrupp kod into its first and last age. */
int
rapport_alder_parse(const char *kod, int *min, int *max)
{
	const char	*dash;
	int		 a, b;

	*min = 0;
	*max = 200;
	if (*kod == '\0')
		return 0;
	if ((dash = strchr(kod, '-')) == NULL || dash == kod ||
	    dash - kod > 3)
		return -1;
	if ((a = rapport_siffror(kod, (size_t)(dash - kod))) < 0)
		return -1;
	if (dash[1] == '\0')
		b = 200;
	else if (strlen(dash + 1) > 3 ||
	    (b = rapport_siffror(dash + 1, strlen(dash + 1))) < 0)
		return -1;
	if (a > b || b > 200)
		return -1;
	*min = a;
	*max = b;
	return 0;
}

/* del / hel in tenths of a per cent, half away from zero. */
int64_t
rapport_promille(int64_t del, int64_t hel)
{
	int64_t	num, q;
	int	neg;

	if (hel == 0)
		return 0;
	num = del * 1000;
	neg = (num < 0) != (hel < 0);
	if (num < 0)
		num = -num;
	if (hel < 0)
		hel = -hel;
	q = (2 * num + hel) / (2 * hel);
	return neg ? -q : q;
}

/* Drops a UTF-8 character that a full buf cut in half. */
static void
rapport_utf8_trim(char *buf, size_t len)
{
	size_t		 n = strlen(buf), i, want;
	unsigned char	 c;

	if (len == 0 || n + 1 < len)
		return;
	i = n;
	while (i > 0 && ((unsigned char)buf[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	c = (unsigned char)buf[i - 1];
	if (c < 0xC0)
		return;
	want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	if (n - (i - 1) < want)
		buf[i - 1] = '\0';
}

/* Appends one choice in words to the urval line. */
void
rapport_urval_add(char *buf, size_t len, const char *titel,
    const char *varde)
{
	if (len == 0)
		return;
	if (buf[0] != '\0')
		strlcat(buf, "; ", len);
	strlcat(buf, titel, len);
	strlcat(buf, ": ", len);
	strlcat(buf, varde, len);
	rapport_utf8_trim(buf, len);
}
