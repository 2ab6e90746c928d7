/*
 * make bench, issue 7: the rows every part of the import benchmark
 * writes (see rows.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pnr.h"
#include "rows.h"

/* The codes rows cycle through, by kod; omfattning goes with syss. */
static const char *const bench_fors[] = { "AKASSA", "EKONOMISKT_BISTAND",
    "SJUKPENNING", "AKTIVITETSSTOD" };
static const char *const bench_syss[] = { "ARBETSSOKANDE", "INGEN",
    "ARBETE_STOD", "PROGRAM" };
static const int bench_omf[] = { 0, 0, 50, 100 };
static const char *const bench_utb[] = { "GYMN", "FORGYMN", "EFTERGYMN_KORT",
    "EFTERGYMN_LANG", "SAKNAS" };
static const char *const bench_tid[] = { "UNDER_1", "AR_1_2", "AR_3_5",
    "AR_6_10", "OVER_10", "INGEN" };

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/* The lists, in the order bench_code() numbers them. */
static const struct {
	const char		 *lista;
	const char *const	 *kods;
	size_t			  n;
} bench_listor[] = {
	{ "forsorjning", bench_fors, NELEM(bench_fors) },
	{ "sysselsattning", bench_syss, NELEM(bench_syss) },
	{ "utbildningsniva", bench_utb, NELEM(bench_utb) },
	{ "tid_forsorjning", bench_tid, NELEM(bench_tid) },
};

void
bench_die(const char *fmt, ...)
{
	va_list	ap;

	fputs("bench: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

double
bench_now_us(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int
bench_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
bench_pct(double *v, long n, int pct)
{
	long	i;

	if (n <= 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, bench_cmp);
	i = (n * pct) / 100;
	return v[i < n ? i : n - 1];
}

void
bench_set_load(struct bench_set *s, const char *pnrfile, const char *idsfile)
{
	FILE		*fp;
	char		 line[256], *semi;
	struct pnr	 p;
	long		 cap = 0;

	memset(s, 0, sizeof *s);
	if ((fp = fopen(pnrfile, "r")) == NULL)
		bench_die("cannot read %s", pnrfile);
	while (fgets(line, sizeof line, fp) != NULL) {
		if ((semi = strchr(line, ';')) != NULL)
			*semi = '\0';
		if (pnr_parse(line, 0, &p) != PNR_OK)
			continue;	/* the header */
		if (s->np == BENCH_MAX_PERSONS)
			break;
		memcpy(s->p[s->np].pnr, p.norm, sizeof s->p[s->np].pnr);
		s->p[s->np].male = p.male;
		s->p[s->np].year = p.year;
		s->np++;
	}
	fclose(fp);
	if (s->np == 0)
		bench_die("no personnummer in %s", pnrfile);
	if ((fp = fopen(idsfile, "r")) == NULL)
		bench_die("cannot read %s", idsfile);
	while (fgets(line, sizeof line, fp) != NULL) {
		if (s->ninsats == cap) {
			cap = cap ? cap * 2 : 1024;
			s->insats = realloc(s->insats, (size_t)cap *
			    sizeof *s->insats);
			if (s->insats == NULL)
				bench_die("out of memory");
		}
		s->insats[s->ninsats++] = (uint32_t)strtoul(line, NULL, 10);
	}
	fclose(fp);
	if (s->ninsats == 0)
		bench_die("no insats ids in %s", idsfile);
}

void
bench_set_register(struct bench_set *s, PGconn *pg)
{
	PGresult	*res;
	const char	*params[1];
	int		 i;

	for (i = 0; i < s->np; i++) {
		params[0] = s->p[i].pnr;
		res = PQexecParams(pg, "SELECT namn, coalesce(kommunkod, '')"
		    " FROM folkbokforing WHERE personnummer = $1", 1, NULL,
		    params, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK ||
		    PQntuples(res) != 1)
			bench_die("a bench person is not in folkbokforing");
		snprintf(s->p[i].namn, sizeof s->p[i].namn, "%s",
		    PQgetvalue(res, 0, 0));
		snprintf(s->p[i].kommun, sizeof s->p[i].kommun, "%s",
		    PQgetvalue(res, 0, 1));
		PQclear(res);
	}
}

void
bench_row(const struct bench_set *s, long i, struct bench_row *r)
{
	struct tm	 tm;
	time_t		 t;
	long		 ins = i / s->np;

	if (ins >= s->ninsats)
		bench_die("row %ld needs more than %ld insatser", i,
		    s->ninsats);
	memset(r, 0, sizeof *r);
	r->insats = s->insats[ins];
	r->p = &s->p[i % s->np];
	/* A day in 2024-2025, well after the insatser start (2020). */
	memset(&tm, 0, sizeof tm);
	tm.tm_year = 2024 - 1900;
	tm.tm_mday = 1 + (int)((i * 37) % 700);
	tm.tm_hour = 12;
	t = timegm(&tm);
	gmtime_r(&t, &tm);
	strftime(r->start, sizeof r->start, "%Y-%m-%d", &tm);
	r->fors = bench_fors[i % NELEM(bench_fors)];
	r->syss = bench_syss[(i / 3) % NELEM(bench_syss)];
	r->omf = bench_omf[(i / 3) % NELEM(bench_syss)];
	r->utb = bench_utb[(i / 7) % NELEM(bench_utb)];
	r->tid = bench_tid[(i / 11) % NELEM(bench_tid)];
}

static uint32_t *
bench_code_slot(struct bench_codes *c, int which)
{
	uint32_t	*slots[] = { c->fors, c->syss, c->utb, c->tid };

	return slots[which];
}

void
bench_codes_load(struct bench_codes *c, PGconn *pg)
{
	PGresult	*res;
	const char	*params[2];
	size_t		 j;
	int		 w;

	memset(c, 0, sizeof *c);
	for (w = 0; w < (int)NELEM(bench_listor); w++) {
		for (j = 0; j < bench_listor[w].n; j++) {
			params[0] = bench_listor[w].lista;
			params[1] = bench_listor[w].kods[j];
			res = PQexecParams(pg, "SELECT id FROM kod WHERE"
			    " lista = $1 AND kod = $2", 2, NULL, params, NULL,
			    NULL, 0);
			if (PQresultStatus(res) != PGRES_TUPLES_OK ||
			    PQntuples(res) != 1)
				bench_die("no code %s %s", params[0],
				    params[1]);
			bench_code_slot(c, w)[j] = (uint32_t)strtoul(
			    PQgetvalue(res, 0, 0), NULL, 10);
			PQclear(res);
		}
	}
	res = PQexec(pg, "SELECT (SELECT id FROM kod WHERE lista = 'kon'"
	    " AND kod = 'K'), (SELECT id FROM kod WHERE lista = 'kon'"
	    " AND kod = 'M')");
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1)
		bench_die("no kön codes");
	c->kon_k = (uint32_t)strtoul(PQgetvalue(res, 0, 0), NULL, 10);
	c->kon_m = (uint32_t)strtoul(PQgetvalue(res, 0, 1), NULL, 10);
	PQclear(res);
}

uint32_t
bench_code(const struct bench_codes *c, int which, const char *kod)
{
	size_t	j;

	for (j = 0; j < bench_listor[which].n; j++) {
		if (strcmp(bench_listor[which].kods[j], kod) == 0)
			return bench_code_slot((struct bench_codes *)c,
			    which)[j];
	}
	bench_die("unknown kod %s", kod);
}

const char *
bench_csv_header(void)
{
	return "insats;personnummer;startdatum;samtycke;forsorjning;"
	    "sysselsattning;omfattning;utbildning;tid_i_forsorjning\r\n";
}

int
bench_csv_row(const struct bench_row *r, char *out, size_t len)
{
	char	omf[8] = "";

	if (r->omf != 0)
		snprintf(omf, sizeof omf, "%d", r->omf);
	return snprintf(out, len, "%u;%s;%s;ja;%s;%s;%s;%s;%s\r\n", r->insats,
	    r->p->pnr, r->start, r->fors, r->syss, omf, r->utb, r->tid);
}
