/*
 * Bulk batches of counts (issue 7): MSG_BATCH_ANONYM and MSG_BATCH_VOLYM,
 * the anonymous participants per year and a volyminsats's months that
 * sus import reads from a file. Each row is the single request it
 * stands for (MSG_ANONYM_SAVE, MSG_VOLYM_SAVE with ersatter 0), checked
 * and written by the same function, run by batch.c under a savepoint
 * with its refusal kept for the result; the key makes a batch sent again
 * a replay.
 *
 * Anonymous counts add up (rule 43: several batches per kön and year),
 * so a row is never "already stored": only the key keeps a file from
 * counting twice. A volym month has one current row: a row for a month
 * already counted with the same numbers is BATCH_FINNS, with other
 * numbers refused (a batch does not correct; the screen does, with a
 * reason).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "batch.h"
#include "msg.h"
#include "proto.h"
#include "susd.h"

/* One anonymous row: women and men for a year, as MSG_ANONYM_SAVE. */
static int
batch_anonym_row(struct session *s, uint32_t id, const void *row, void *arg,
    uint32_t *objid, uint8_t *status)
{
	const struct batch_anonym_rad	*r = row;
	const struct msg_batch_anonym	*b = arg;
	struct msg_anonym_save		 q;
	struct count_saved		 out;
	int				 rv;

	/* The single request takes 0 as this year; a file names its year. */
	if (r->ar == 0) {
		session_falt(s, BATCH_FALT_AR, 0);
		return session_refuse(s, id, ERR_VALIDATION, "Ange året, till "
		    "exempel 2025.");
	}
	memset(&q, 0, sizeof q);
	q.insats_id = b->insats_id;
	q.ar = r->ar;
	q.kvinnor = r->kvinnor;
	q.man = r->man;
	if ((rv = anonym_save_apply(s, id, &q, &out)) != 0)
		return rv;
	*objid = out.id;
	*status = out.status;
	return 0;
}

/* One volym row: a month's counts, as MSG_VOLYM_SAVE of a new month. */
static int
batch_volym_row(struct session *s, uint32_t id, const void *row, void *arg,
    uint32_t *objid, uint8_t *status)
{
	const struct batch_volym_rad	*r = row;
	const struct msg_batch_volym	*b = arg;
	struct msg_volym_save		 q;
	struct count_saved		 out;
	int				 rv;

	memset(&q, 0, sizeof q);
	q.insats_id = b->insats_id;
	q.period = r->period;
	q.kvinnor = r->kvinnor;
	q.man = r->man;
	q.okant = r->okant;
	q.kommentar = r->kommentar;
	q.ersatter = 0;
	if ((rv = volym_save_apply(s, id, &q, 1, &out)) != 0)
		return rv;
	*objid = out.id;
	*status = out.status;
	return 0;
}

/* Both kinds of row begin with their radnr, as batch_count_run() reads it. */
_Static_assert(offsetof(struct batch_anonym_rad, radnr) == 0,
    "radnr first");
_Static_assert(offsetof(struct batch_volym_rad, radnr) == 0, "radnr first");

/*
 * Runs a batch of counts: nrader rows of size bytes from rader, each by
 * fn with the message as its argument, under the key.
 */
static int
batch_count_run(struct session *s, uint32_t id, const char *typ,
    uint32_t insats_id, const char *nyckel, uint8_t flaggor, uint32_t nrader,
    const void *rader, size_t size, batch_row_fn fn, void *msg)
{
	struct batch	 b;
	const char	*row;
	uint32_t	 i;
	int		 rv;

	if ((rv = batch_begin(s, id, &b, typ, insats_id, nyckel, flaggor,
	    nrader)) != 0)
		return rv == BATCH_REPLAYED ? 0 : rv;
	for (i = 0; i < nrader; i++) {
		row = (const char *)rader + (size_t)i * size;
		if ((rv = batch_row(s, id, &b, *(const uint32_t *)(const void *)
		    row, fn, row, msg)) != 0)
			goto out;
	}
	rv = batch_finish(s, id, &b);
out:
	batch_clear(&b);
	return rv;
}

/* MSG_BATCH_ANONYM → MSG_BATCH_RESULT. */
int
batch_anonym(struct session *s, uint32_t id, void *m)
{
	struct msg_batch_anonym	*q = m;

	return batch_count_run(s, id, "anonym", q->insats_id, q->nyckel,
	    q->flaggor, q->nrader, q->rader, sizeof *q->rader,
	    batch_anonym_row, q);
}

/* MSG_BATCH_VOLYM → MSG_BATCH_RESULT. */
int
batch_volym(struct session *s, uint32_t id, void *m)
{
	struct msg_batch_volym	*q = m;

	return batch_count_run(s, id, "volym", q->insats_id, q->nyckel,
	    q->flaggor, q->nrader, q->rader, sizeof *q->rader,
	    batch_volym_row, q);
}
