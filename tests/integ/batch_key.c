/*
 * The idempotency key of a batch of participants (issue 7): the same key
 * again is answered from the stored outcome and applies nothing, also
 * with rows changed, after a dropped connection and when two
 * connections send it at once; another user's key is not a replay; a
 * dry run stores nothing and does not replay. Fixtures and helpers are
 * in batch.c.
 */
#include <stdio.h>
#include <string.h>

#include "batch_int.h"
#include "buf.h"
#include "chan.h"
#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/* Expects two results to carry the same rows. */
static int
bt_same(const struct msg_batch_result *a, const struct msg_batch_result *b)
{
	uint32_t	i;

	if (a->nrader != b->nrader || a->antal_ok != b->antal_ok ||
	    a->antal_fel != b->antal_fel || a->antal_finns != b->antal_finns ||
	    strcmp(a->utford, b->utford) != 0)
		return fail("replay differs: %u/%u rows, utford %s / %s",
		    a->nrader, b->nrader, a->utford, b->utford);
	for (i = 0; i < a->nrader; i++) {
		if (a->rader[i].radnr != b->rader[i].radnr ||
		    a->rader[i].status != b->rader[i].status ||
		    a->rader[i].id != b->rader[i].id ||
		    a->rader[i].falt != b->rader[i].falt ||
		    a->rader[i].fraga_id != b->rader[i].fraga_id ||
		    a->rader[i].kod != b->rader[i].kod ||
		    strcmp(a->rader[i].meddelande, b->rader[i].meddelande) != 0)
			return fail("replay row %u differs", i);
	}
	return 0;
}

/* The same key again: the stored outcome, nothing applied. */
int
batch_replay(void)
{
	struct conn		cn;
	struct bt_batch		b;
	struct msg_batch_result	r1, r2;
	uint32_t		n[4];
	int			rv = -1;

	memset(&r1, 0, sizeof r1);
	memset(&r2, 0, sizeof r2);
	if (bt_begin(&cn, "deltagaransv") != 0)
		goto out;
	bt_new(&b, 0);
	bt_in(&b, bt_pnr[11], "2023-04-01");
	bt_in(&b, bt_pnr[12], "2023-04-01")->samtycke = 0;
	bt_in(&b, bt_pnr[13], "2024-04-01")->tillfalle.nsvar = 0;
	bt_in(&b, bt_pnr[14], "2023-04-01");
	if (bt_call(&cn, &b, &r1, 0, 0, "first") != 0)
		goto out;
	n[0] = bt_count("deltagande");
	n[1] = bt_count("skriv");
	n[2] = bt_count("batch");
	n[3] = bt_count("mattillfalle");
	CHECK(n[0] == 2 && n[1] == 2 && n[2] == 1, "first: %u %u %u", n[0],
	    n[1], n[2]);
	/* Even with a row changed: the key, not the content, decides. */
	b.rad[1].rad.samtycke = 1;
	if (bt_call(&cn, &b, &r2, 1, 0, "again") != 0 ||
	    bt_same(&r1, &r2) != 0)
		goto out;
	CHECK(bt_count("deltagande") == n[0] && bt_count("skriv") == n[1] &&
	    bt_count("batch") == n[2] && bt_count("mattillfalle") == n[3],
	    "the replay applied something");
	/* The same key for another insats is refused, not replayed. */
	b.q.insats_id = bt.iid2;
	if (integ_refused(bt_send(&cn, &b, &r2), ERR_CONFLICT, "nyckel",
	    "key of another insats") != 0)
		goto out;
	/* Another user's batch under the same key is not a replay. */
	b.q.insats_id = bt.iid;
	conn_close(&cn);
	if (integ_sql(NULL, 0, "INSERT INTO uppdrag (anvandare_id, roll,"
	    " insats_id, giltig_from) SELECT a.id, 'deltagaransvarig', %u,"
	    " current_date - 1 FROM anvandare a WHERE a.username = 'slund'",
	    bt.iid) != 0 || case_login(&cn, "slund") != 0)
		goto out;
	if (bt_call(&cn, &b, &r2, 0, 0, "slund") != 0)
		goto out;
	CHECK(r2.rader[0].status == BATCH_FINNS &&
	    r2.rader[0].id == r1.rader[0].id &&
	    r2.rader[1].status == BATCH_OK && bt_count("batch") == n[2] + 1 &&
	    bt_count("deltagande") == n[0] + 1,
	    "slund's batch: %u %u", r2.rader[0].status, r2.rader[1].status);
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r1);
	msg_clear(MSG_BATCH_RESULT, &r2);
	return bt_end(&cn, rv);
}

/* A dry run checks every row, stores nothing, and replays nothing. */
int
batch_dry_run(void)
{
	struct conn		cn;
	struct bt_batch		b;
	struct msg_batch_result	r;
	uint32_t		audit;
	int			rv = -1;

	memset(&r, 0, sizeof r);
	if (bt_begin(&cn, "deltagaransv") != 0)
		goto out;
	audit = integ_sql_u32("SELECT count(*) FROM audit WHERE action ="
	    " 'personal_data' AND detail->>'provkorning' = 'true'");
	bt_new(&b, BATCH_F_DRY_RUN);
	bt_in(&b, bt_pnr[15], "2023-05-01");
	bt_in(&b, bt_pnr[16], "2023-05-01")->samtycke = 0;
	bt_in(&b, bt_pnr[17], "2023-05-01");
	if (bt_call(&cn, &b, &r, 0, 1, "dry run") != 0)
		goto out;
	CHECK(r.rader[0].status == BATCH_OK && r.rader[2].status == BATCH_OK &&
	    bt_fel(&r, 1, BATCH_FALT_SAMTYCKE, 0, ERR_VALIDATION, "9443") == 0,
	    "dry run rows %u %u", r.rader[0].status, r.rader[2].status);
	CHECK(bt_count("deltagande") == 0 && bt_count("batch") == 0 &&
	    bt_count("skriv") == 0 && integ_sql_u32("SELECT count(*) FROM"
	    " person WHERE personnummer IN ('%s', '%s')", bt_pnr[15],
	    bt_pnr[17]) == 0, "the dry run stored something");
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE action ="
	    " 'personal_data' AND detail->>'provkorning' = 'true'") ==
	    audit + 1, "the dry run left no audit row");
	/* Again dry: still checked afresh, not replayed. */
	if (bt_call(&cn, &b, &r, 0, 1, "dry run again") != 0)
		goto out;
	b.q.flaggor = 0;
	if (bt_call(&cn, &b, &r, 0, 0, "for real") != 0)
		goto out;
	CHECK(r.antal_ok == 2 && bt_count("deltagande") == 2 &&
	    bt_count("batch") == 1 && bt_count("skriv") == 2,
	    "the real send after a dry run: %u stored", bt_count("deltagande"));
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return bt_end(&cn, rv);
}

/* Receives the result of request id into r; 0 or -1. */
static int
bt_recv(struct conn *cn, uint32_t id, struct msg_batch_result *r)
{
	struct chan_msg	m;
	int		rc;

	if ((rc = conn_recv(cn, INTEG_REPLY_MS, &m)) != 0)
		return fail("no result: %s", sus_strerror(rc));
	rc = m.type == MSG_BATCH_RESULT && m.id == id ?
	    msg_decode(MSG_BATCH_RESULT, m.body, r) : -1;
	buf_free(m.body);
	return rc == 0 ? 0 : fail("reply %s for %u", msg_name(m.type), id);
}

/* Two connections with the same key at once: applied exactly once. */
int
batch_race(void)
{
	struct conn		cn, cn2;
	struct bt_batch		b;
	struct msg_batch_result	r1, r2;
	uint32_t		i;
	int			rv = -1;

	memset(&r1, 0, sizeof r1);
	memset(&r2, 0, sizeof r2);
	memset(&cn2, 0, sizeof cn2);
	cn2.fd = -1;
	if (bt_begin(&cn, "deltagaransv") != 0 ||
	    case_login(&cn2, "deltagaransv") != 0)
		goto out;
	bt_new(&b, 0);
	for (i = 0; i < 12; i++)
		bt_in(&b, bt_pnr[18 + i], "2023-06-01");
	if (conn_send(&cn, MSG_BATCH_DELTAGARE, 901, &b.q) != 0 ||
	    conn_send(&cn2, MSG_BATCH_DELTAGARE, 902, &b.q) != 0) {
		fail("send");
		goto out;
	}
	if (bt_recv(&cn, 901, &r1) != 0 || bt_recv(&cn2, 902, &r2) != 0)
		goto out;
	CHECK(r1.upprepad + r2.upprepad == 1, "upprepad %u and %u",
	    r1.upprepad, r2.upprepad);
	if (bt_same(&r1, &r2) != 0)
		goto out;
	CHECK(r1.antal_ok == 12 && bt_count("deltagande") == 12 &&
	    bt_count("skriv") == 12 && bt_count("batch") == 1,
	    "applied %u times over", bt_count("deltagande"));
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r1);
	msg_clear(MSG_BATCH_RESULT, &r2);
	if (cn2.fd != -1)
		conn_close(&cn2);
	return bt_end(&cn, rv);
}

/* A connection dropped before the result: sent again, applied once. */
int
batch_dropped(void)
{
	struct conn		cn;
	struct bt_batch		b;
	struct msg_batch_result	r;
	uint32_t		i, stored = 0;
	long long		until;
	int			rv = -1;

	memset(&r, 0, sizeof r);
	if (bt_begin(&cn, "deltagaransv") != 0)
		goto out;
	bt_new(&b, 0);
	for (i = 0; i < 8; i++)
		bt_in(&b, bt_pnr[i], "2023-07-01");
	if (conn_send(&cn, MSG_BATCH_DELTAGARE, ++cn.next_id, &b.q) != 0) {
		fail("send");
		goto out;
	}
	conn_close(&cn);
	/* susd finishes the request; whether it committed, the key says. */
	for (until = now_ms() + 10000; now_ms() < until; sleep_ms(50)) {
		if ((stored = bt_count("batch")) != 0)
			break;
	}
	/* Audited writes whose result this client never read. */
	if (stored)
		pd_unseen(8);
	if (case_login(&cn, "deltagaransv") != 0 ||
	    bt_call(&cn, &b, &r, stored != 0, 0, "sent again") != 0)
		goto out;
	CHECK(stored == 1 && r.antal_ok == 8 && bt_count("deltagande") == 8 &&
	    bt_count("skriv") == 8 && bt_count("batch") == 1,
	    "stored %u before; now %u participations", stored,
	    bt_count("deltagande"));
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return bt_end(&cn, rv);
}
