/*
 * Swedish personnummer and samordningsnummer: parsing and validation,
 * shared by client (comfort) and server (truth).
 *
 * Accepted forms: YYYYMMDDNNNC, YYYYMMDD-NNNC, YYMMDDNNNC, YYMMDD-NNNC,
 * YYMMDD+NNNC (the '+' marks age 100 or more). Ten-digit forms take the
 * century from the reference date. The check digit is Luhn over the ten
 * digits YYMMDDNNN; the date must exist (day + 60 for samordningsnummer);
 * birth number 000 is never issued.
 */
#ifndef SUS_PNR_H
#define SUS_PNR_H

#include <time.h>

enum pnr_error {
	PNR_OK = 0,
	PNR_ERR_FORMAT = -1,	/* wrong length or characters */
	PNR_ERR_DATE = -2,	/* no such calendar date */
	PNR_ERR_CHECKSUM = -3,	/* Luhn check digit wrong */
	PNR_ERR_SERIAL = -4,	/* birth number 000 */
	PNR_ERR_FUTURE = -5	/* born after the reference date */
};

struct pnr {
	char	norm[13];	/* 12 digits, NUL-terminated: YYYYMMDDNNNC */
	int	year, month, day;	/* real birth date (day - 60 for samordn.) */
	int	samordning;	/* 1 for a samordningsnummer */
	int	male;		/* ninth digit odd */
};

/*
 * Parses s as of the reference date today (Unix time; 0 means now) and
 * fills *p. Leading and trailing spaces are ignored. Returns PNR_OK or a
 * negative enum pnr_error.
 */
int		 pnr_parse(const char *s, time_t today, struct pnr *p);
/* A Swedish message for a pnr_parse() error, for the message line. */
const char	*pnr_strerror(int);
/* Formats as YYYYMMDD-NNNC into out (at least 14 bytes). */
void		 pnr_format(const struct pnr *, char *out, size_t len);
/*
 * Masks a personnummer as typed for a report or message that must not
 * show it: "********-NNNC" (its last four digits) when it has 10 or 12
 * digits with only '-', '+' or spaces besides, else "********-????".
 * out needs at least 14 bytes.
 */
void		 pnr_mask(const char *typed, char *out, size_t len);
/* Age in whole years at the given date (Unix time). */
int		 pnr_age(const struct pnr *, time_t when);

#endif
