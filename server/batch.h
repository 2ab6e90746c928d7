/*
 * Bulk batches (issue 7): what batch.c (the idempotency keys, the rows
 * run one by one under a savepoint, the stored outcome) offers the batch
 * handlers of batch.c and batch_count.c.
 *
 * A handler runs:
 *	if ((rv = batch_begin(s, id, &b, "anonym", q->insats_id, q->nyckel,
 *	    q->flaggor, q->nrader)) != 0)
 *		return rv == BATCH_REPLAYED ? 0 : rv;
 *	for (i = 0; i < q->nrader; i++)
 *		if ((rv = batch_row(s, id, &b, q->rader[i].radnr, fn,
 *		    &q->rader[i], arg)) != 0)
 *			goto out;
 *	rv = batch_finish(s, id, &b);
 *   out:
 *	batch_clear(&b);
 */
#ifndef BATCH_H
#define BATCH_H

#include <stdint.h>

#include "msg.h"

struct session;

/* batch_begin(): the key was seen; the stored outcome is the reply. */
#define BATCH_REPLAYED	100
/*
 * batch_row() of an optimistic batch: a row failed in the database or
 * after it wrote, which only a savepoint undoes. The handler rolls the
 * transaction back and runs the batch again, not optimistic.
 */
#define BATCH_RESTART	101

struct batch {
	char			 typ[16];	/* deltagare, anonym, volym */
	uint32_t		 insats_id;
	int			 dry_run;
	struct msg_batch_result	 res;		/* rows as they are run */
	uint32_t		 cap;		/* room in res.rader */
	int			 savepoint;	/* the row savepoint is set */
	/*
	 * Rows without savepoints, for a handler whose rows refuse only
	 * before they write (set after batch_begin()); see BATCH_RESTART.
	 */
	int			 optimistic;
};

/*
 * One row's work: checks and writes row (refusing through session_refuse
 * and naming the cell with session_falt), with its audit rows; *objid
 * gets the id of what was stored and *status BATCH_OK or BATCH_FINNS.
 * Returns 0, REQ_ROLLBACK after a refusal, or a negative error.
 */
typedef int	(*batch_row_fn)(struct session *, uint32_t id, const void *row,
		    void *arg, uint32_t *objid, uint8_t *status);

/*
 * Checks the key, serialises batches of the same key, and answers a key
 * the caller sent before from the stored outcome (BATCH_REPLAYED, reply
 * held). 0 = run the rows; else what the handler returns.
 */
int	batch_begin(struct session *, uint32_t id, struct batch *,
	    const char *typ, uint32_t insats_id, const char *nyckel,
	    uint8_t flaggor, uint32_t nrader);
/* Runs one row under a savepoint and records its outcome. */
int	batch_row(struct session *, uint32_t id, struct batch *,
	    uint32_t radnr, batch_row_fn, const void *row, void *arg);
/*
 * Stores the batch and its outcomes (not for a dry run) and holds the
 * MSG_BATCH_RESULT reply. Returns 0 (commit), or REQ_ROLLBACK for a dry
 * run, so that nothing it did is kept.
 */
int	batch_finish(struct session *, uint32_t id, struct batch *);
void	batch_clear(struct batch *);

/*
 * batch_store.c, for batch_row(): appends a row's outcome to the
 * result; cap is the captured refusal of a BATCH_FEL row (else NULL).
 */
struct session_capture;
void	batch_record(struct batch *, uint32_t radnr, uint8_t status,
	    uint32_t objid, const struct session_capture *cap);

#endif
