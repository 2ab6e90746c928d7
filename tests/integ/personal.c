/*
 * Counts, on the client side and apart from the server's own trail, every
 * access to personal data the tests make: each participant row received
 * (a list, the person's own view, "Hämta") is one read, and each
 * acknowledged registration or withdrawal of consent is one write (Af/FK:
 * each ärende listed or shown is one read, each MSG_AFFK_SAVED one
 * write); of a batch's result (neither replayed nor a dry run), each
 * BATCH_OK row is one write and each BATCH_FINNS row one read, as susd
 * audits them. At
 * exit the counts go to $INTEG_SCRATCH/personal.counts, and every ERR
 * text received to $INTEG_SCRATCH/errors.txt, for tests/integ/run to
 * compare with audit_person and scan for personnummer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_int.h"
#include "buf.h"
#include "chan.h"
#include "chan_io.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

static unsigned long	pd_reads;
static unsigned long	pd_writes;
static int		pd_registered;

/* Appends the counts once, at exit, so every integ process adds its own. */
static void
pd_flush(void)
{
	char	 path[1024];
	FILE	*fp;

	if (integ.scratch == NULL)
		return;
	snprintf(path, sizeof path, "%s/personal.counts", integ.scratch);
	if ((fp = fopen(path, "a")) == NULL)
		return;
	fprintf(fp, "%lu %lu\n", pd_reads, pd_writes);
	fclose(fp);
}

static void
pd_register(void)
{
	if (!pd_registered) {
		pd_registered = 1;
		atexit(pd_flush);
	}
}

/* Remembers which request went out under id, for its reply. */
void
pd_sent(struct conn *cn, uint16_t type, uint32_t id)
{
	cn->sent[id % PD_SENT_RING] = type;
}

void
pd_unseen(unsigned long writes)
{
	pd_register();
	pd_writes += writes;
}

/* Appends a message text to errors.txt for the personnummer scan. */
static void
pd_error_text(const char *text)
{
	char	 path[1024];
	FILE	*fp;

	if (integ.scratch == NULL)
		return;
	snprintf(path, sizeof path, "%s/errors.txt", integ.scratch);
	if ((fp = fopen(path, "a")) != NULL) {
		fprintf(fp, "%s\n", text);
		fclose(fp);
	}
}

/* Keeps an ERR's text for the personnummer scan. */
static void
pd_error(const struct chan_msg *m)
{
	struct msg_err	 e;
	struct buf	*b;

	if ((b = buf_from(buf_ptr(m->body), buf_len(m->body))) == NULL)
		return;
	memset(&e, 0, sizeof e);
	if (msg_decode(MSG_ERR, b, &e) == 0) {
		pd_error_text(e.message);
		msg_clear(MSG_ERR, &e);
	}
	buf_free(b);
}

/*
 * A batch's result: its writes and reads unless replayed or a dry run,
 * and every refusal's text for the scan.
 */
static void
pd_batch(const struct chan_msg *m)
{
	struct msg_batch_result	 r;
	struct buf		*b;
	uint32_t		 i;

	if ((b = buf_from(buf_ptr(m->body), buf_len(m->body))) == NULL)
		return;
	memset(&r, 0, sizeof r);
	if (msg_decode(MSG_BATCH_RESULT, b, &r) == 0) {
		for (i = 0; i < r.nrader; i++) {
			if (r.rader[i].status == BATCH_FEL)
				pd_error_text(r.rader[i].meddelande);
			if (r.upprepad || r.provkorning)
				continue;
			if (r.rader[i].status == BATCH_OK)
				pd_writes++;
			else if (r.rader[i].status == BATCH_FINNS)
				pd_reads++;
		}
		msg_clear(MSG_BATCH_RESULT, &r);
	}
	buf_free(b);
}

/* The ärenden an Af/FK list or history carries: one read each. */
static unsigned long
pd_affk_reads(const struct chan_msg *m)
{
	struct msg_affk_sok_list	 l;
	struct msg_affk_historik	 h;
	struct buf			*b;
	unsigned long			 n = 0;

	if ((b = buf_from(buf_ptr(m->body), buf_len(m->body))) == NULL)
		return 0;
	if (m->type == MSG_AFFK_SOK_LIST) {
		memset(&l, 0, sizeof l);
		if (msg_decode(MSG_AFFK_SOK_LIST, b, &l) == 0) {
			n = l.nrows;
			msg_clear(MSG_AFFK_SOK_LIST, &l);
		}
	} else {
		memset(&h, 0, sizeof h);
		if (msg_decode(MSG_AFFK_HISTORIK, b, &h) == 0) {
			n = h.narenden;
			msg_clear(MSG_AFFK_HISTORIK, &h);
		}
	}
	buf_free(b);
	return n;
}

/* Counts the personal data a received message carries. */
void
pd_received(struct conn *cn, const struct chan_msg *m)
{
	struct msg_deltagare_list	 l;
	struct buf			*b;
	uint16_t			 sent;

	pd_register();
	sent = cn->sent[m->id % PD_SENT_RING];
	switch (m->type) {
	case MSG_ERR:
		pd_error(m);
		break;
	case MSG_BATCH_RESULT:
		/* Anonymous and volume batches write no personal data. */
		if (sent == MSG_BATCH_DELTAGARE)
			pd_batch(m);
		break;
	case MSG_DELTAGARE:
	case MSG_PERSON:
		pd_reads++;
		break;
	case MSG_DELTAGARE_LIST:
		if ((b = buf_from(buf_ptr(m->body), buf_len(m->body))) == NULL)
			break;
		memset(&l, 0, sizeof l);
		if (msg_decode(MSG_DELTAGARE_LIST, b, &l) == 0) {
			pd_reads += l.nrows;
			msg_clear(MSG_DELTAGARE_LIST, &l);
		}
		buf_free(b);
		break;
	case MSG_OK:
		if (sent == MSG_DELTAGARE_SAVE ||
		    sent == MSG_SAMTYCKE_ATERKALLA)
			pd_writes++;
		break;
	case MSG_AFFK_SAVED:
		/*
		 * Af/FK (issue 8): medverkan, övergång, uppgifter and Byt
		 * kontor each write one ärende (a withdrawn consent's
		 * stripping is no read or write).
		 */
		pd_writes++;
		break;
	case MSG_AFFK_SOK_LIST:
	case MSG_AFFK_HISTORIK:
		/* Visa deltagare, Historik: each ärende sent is a read. */
		pd_reads += pd_affk_reads(m);
		break;
	default:
		break;
	}
}
