/*
 * make bench, issue 7: the participants every part of the import
 * benchmark registers. Row i is a pure function of i, the official test
 * personnummer (tests/data/testpersonnummer.csv) and the bench insatser
 * (tests/bench/import_setup.sql), so that the CSV for sus import, the raw
 * libpq baselines and the single-row clients write the very same rows:
 * person i % npersons in insats i / npersons (a person only once per
 * insats), with the codes and dates cycling.
 */
#ifndef BENCH_ROWS_H
#define BENCH_ROWS_H

#include <stdint.h>

#include <libpq-fe.h>

#define BENCH_MAX_PERSONS	256

struct bench_person {
	char		 pnr[13];
	int		 male;
	int		 year;
	char		 namn[64];	/* from the register copy, if read */
	char		 kommun[5];
};

struct bench_set {
	struct bench_person	 p[BENCH_MAX_PERSONS];
	int			 np;
	uint32_t		*insats;	/* ids, in setup order */
	long			 ninsats;
};

/* One participant's inregistrering, as codes (kod) and text. */
struct bench_row {
	uint32_t			 insats;
	const struct bench_person	*p;
	char				 start[11];
	const char			*fors;	/* forsorjning */
	const char			*syss;	/* sysselsattning */
	int				 omf;	/* 0 = none */
	const char			*utb;	/* utbildningsniva */
	const char			*tid;	/* tid_forsorjning */
};

/* The code ids of the kods rows use, looked up once. */
struct bench_codes {
	uint32_t	 fors[8], syss[8], utb[8], tid[8];
	uint32_t	 kon_k, kon_m;
};

/* Reads the numbers and the insats ids (one per line); exits on error. */
void	bench_set_load(struct bench_set *, const char *pnrfile,
	    const char *idsfile);
/* Fills namn and kommun from folkbokforing; exits on error. */
void	bench_set_register(struct bench_set *, PGconn *);
/* Row i (0-based); exits when i needs an insats beyond the list. */
void	bench_row(const struct bench_set *, long i, struct bench_row *);
/* Looks the code ids up; exits on error. */
void	bench_codes_load(struct bench_codes *, PGconn *);
/* The id of the row's codes: which is 0 fors, 1 syss, 2 utb, 3 tid. */
uint32_t bench_code(const struct bench_codes *, int which, const char *kod);
/* CSV header and one row of the inregistrering file (";", no quoting). */
const char *bench_csv_header(void);
int	bench_csv_row(const struct bench_row *, char *, size_t);

/* Microseconds on the monotonic clock. */
double	bench_now_us(void);
/* Sorts n latencies and returns the percentile pct (0-100). */
double	bench_pct(double *, long n, int pct);
void	bench_die(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
