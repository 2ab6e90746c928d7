/*
 * make bench, issue 7: the writes of one registration over raw libpq,
 * shared by the pipeline baseline (import_base.c) and the single-row
 * baseline (import_single.c): the person upserted from the register copy,
 * the participation, its mättillfälle 'in' with one försörjning and the
 * one audit_person 'skriv' row that schema 0008's SU063 demands. None of
 * susd's checks is made: the cost of the writes alone.
 */
#ifndef BENCH_PQROW_H
#define BENCH_PQROW_H

#include <libpq-fe.h>

#include "rows.h"

/* What every row needs besides itself. */
struct bench_ctx {
	PGconn			*pg;
	struct bench_set	 set;
	struct bench_codes	 codes;
	char			 uid[16];	/* benchansv's id */
};

/* Connects, reads the rows' persons, codes and user; exits on error. */
void	bench_ctx_open(struct bench_ctx *, const char *conninfo,
	    const char *pnrfile, const char *idsfile);
void	bench_ctx_close(struct bench_ctx *);
/* Dies unless res succeeded. */
void	bench_ok(PGresult *, const char *what);
void	bench_exec(PGconn *, const char *sql);
/* Prepares the row's statements on the connection. */
void	bench_prepare(struct bench_ctx *);
/*
 * Rows from..to-1 in one transaction, prepared statements in pipeline
 * mode (the caller entered it), one round trip; returns when committed.
 */
void	bench_pipe_tx(struct bench_ctx *, long from, long to);
/* Row i in one transaction, one statement at a time (PQexecPrepared). */
void	bench_seq_tx(struct bench_ctx *, long i);

#endif
