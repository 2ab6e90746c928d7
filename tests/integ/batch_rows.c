/*
 * Batches of participants (issue 7) whose rows depend on each other or
 * on another insats: one person's rows in one batch (in, ut, in again,
 * an overlap, a duplicate), the same batch run again with savepoints
 * after a trigger's refusal, a COMMIT that fails, and rows that name a
 * participation or a person of another insats. Fixtures and helpers are
 * in batch.c.
 */
#include <stdio.h>
#include <string.h>

#include "batch_int.h"
#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/*
 * One person's rows in one batch (pnr bt_pnr[13]): in, ut by
 * personnummer, in again, an overlapping start, the second start once
 * more; and a person by hand (bt_pnr[14]). With rerun, a row the
 * database refuses (bt_pnr[3], born 1899: bt_refuse_1899()) makes
 * susd run the batch again with savepoints.
 */
static int
bt_person_rows(int rerun)
{
	struct conn		cn;
	struct bt_batch		b;
	struct msg_batch_result	r;
	struct msg_deltagare_save *q;
	int			rv = -1;

	memset(&r, 0, sizeof r);
	if (bt_begin(&cn, "deltagaransv") != 0)
		goto out;
	if (rerun && bt_refuse_1899() != 0)
		goto out;
	bt_new(&b, 0);
	bt_in(&b, bt_pnr[13], "2023-02-01");				/* 0 */
	bt_ut(&b, bt_pnr[13], "2023-03-31");				/* 1 */
	bt_in(&b, bt_pnr[13], "2023-05-01");				/* 2 */
	bt_in(&b, bt_pnr[13], "2023-06-01");				/* 3 */
	bt_in(&b, bt_pnr[13], "2023-05-01");				/* 4 */
	q = bt_in(&b, bt_pnr[14], "2023-02-01");			/* 5 */
	q->namn = "Integ Handsson";
	if (rerun)
		bt_in(&b, bt_pnr[3], "2023-02-01");			/* 6 */
	if (bt_call(&cn, &b, &r, 0, 0, rerun ? "rerun" : "one person") != 0 ||
	    bt_stat(&r, 0, BATCH_OK) != 0 || bt_stat(&r, 1, BATCH_OK) != 0 ||
	    bt_stat(&r, 2, BATCH_OK) != 0 ||
	    bt_fel(&r, 3, BATCH_FALT_DATUM, 0, ERR_VALIDATION,
	    "deltar redan") != 0 ||
	    bt_stat(&r, 4, BATCH_FINNS) != 0 || bt_stat(&r, 5, BATCH_OK) != 0)
		goto out;
	if (rerun && bt_fel(&r, 6, BATCH_FALT_PNR, 0, ERR_VALIDATION,
	    "Registrera anonyma deltagare") != 0)
		goto out;
	CHECK(r.rader[1].id == r.rader[0].id && r.rader[2].id !=
	    r.rader[0].id && r.rader[4].id == r.rader[2].id,
	    "ids %u %u %u %u", r.rader[0].id, r.rader[1].id, r.rader[2].id,
	    r.rader[4].id);
	/* Each write audited once, the duplicate read once; no more. */
	CHECK(bt_count("deltagande") == 3 && bt_count("mattillfalle") == 4 &&
	    bt_count("skriv") == 4 && bt_count("las") == 1,
	    "%u participations, %u occasions, %u skriv, %u las",
	    bt_count("deltagande"), bt_count("mattillfalle"),
	    bt_count("skriv"), bt_count("las"));
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande d JOIN person p"
	    " ON p.id = d.person_id WHERE d.insats_id = %u AND p.personnummer"
	    " = '%s' AND ((d.startdatum = '2023-02-01' AND d.slutdatum ="
	    " '2023-03-31') OR (d.startdatum = '2023-05-01' AND d.slutdatum IS"
	    " NULL))", bt.iid, bt_pnr[13]) == 2, "the person's participations");
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return bt_end(&cn, rv);
}

/* One person's rows in one batch, run without savepoints. */
int
batch_one_person(void)
{
	return bt_person_rows(0);
}

/* The same rows run again with savepoints: the same outcome and trail. */
int
batch_rerun(void)
{
	return bt_person_rows(1);
}

/*
 * A COMMIT that fails (a deferred trigger on import_batch): the batch is
 * refused, nothing of it stays (rows, outcome, audit), and the same key
 * sent again is applied, once.
 */
int
batch_commit_fails(void)
{
	struct conn		cn;
	struct bt_batch		b;
	struct msg_batch_result	r;
	int			rv = -1;

	memset(&r, 0, sizeof r);
	if (bt_begin(&cn, "deltagaransv") != 0 ||
	    integ_sql(NULL, 0, "CREATE FUNCTION integ_batch_commit() RETURNS"
	    " trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'integ';"
	    " END $$; CREATE CONSTRAINT TRIGGER integ_batch_commit AFTER"
	    " INSERT ON import_batch DEFERRABLE INITIALLY DEFERRED FOR EACH"
	    " ROW EXECUTE FUNCTION integ_batch_commit()") != 0)
		goto out;
	bt_new(&b, 0);
	bt_in(&b, bt_pnr[15], "2023-02-01");
	bt_in(&b, bt_pnr[16], "2023-02-01");
	if (integ_refused(bt_send(&cn, &b, &r), ERR_INTERNAL, "inte sparas",
	    "commit fails") != 0)
		goto out;
	CHECK(bt_count("deltagande") == 0 && bt_count("skriv") == 0 &&
	    bt_count("batch") == 0, "a batch whose COMMIT failed left %u"
	    " participations, %u audit rows, %u batches",
	    bt_count("deltagande"), bt_count("skriv"), bt_count("batch"));
	if (integ_sql(NULL, 0, "DROP TRIGGER integ_batch_commit ON"
	    " import_batch; DROP FUNCTION integ_batch_commit()") != 0 ||
	    bt_call(&cn, &b, &r, 0, 0, "sent again") != 0 ||
	    bt_stat(&r, 0, BATCH_OK) != 0 || bt_stat(&r, 1, BATCH_OK) != 0 ||
	    bt_call(&cn, &b, &r, 1, 0, "and again") != 0)
		goto out;
	CHECK(bt_count("deltagande") == 2 && bt_count("skriv") == 2 &&
	    bt_count("batch") == 1, "sent again: %u participations, %u audit"
	    " rows", bt_count("deltagande"), bt_count("skriv"));
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return bt_end(&cn, rv);
}

/*
 * Rows of a batch for one insats that name another insats's
 * participation (by its id, or the person's only one by personnummer):
 * refused without a word of it, nothing of it changed, and the person's
 * participation elsewhere is not "already stored" here.
 */
int
batch_other_insats(void)
{
	struct conn		cn;
	struct bt_batch		b;
	struct msg_batch_result	r;
	struct msg_deltagare_save *q;
	uint32_t		d2;
	int			rv = -1;

	memset(&r, 0, sizeof r);
	if (bt_begin(&cn, "deltagaransv") != 0)
		goto out;
	bt_new(&b, 0);
	b.q.insats_id = bt.iid2;
	bt_in(&b, bt_pnr[17], "2023-02-01")->insats_id = bt.iid2;
	if (bt_call(&cn, &b, &r, 0, 0, "elsewhere") != 0 ||
	    r.rader[0].status != BATCH_OK)
		goto out;
	d2 = r.rader[0].id;
	bt_new(&b, 0);
	q = bt_ut(&b, bt_pnr[17], "2023-03-31");			/* 0 */
	q->deltagande_id = d2;
	bt_ut(&b, bt_pnr[17], "2023-03-31");				/* 1 */
	bt_in(&b, bt_pnr[17], "2023-02-01");				/* 2 */
	if (bt_call(&cn, &b, &r, 0, 0, "here") != 0 ||
	    bt_fel(&r, 0, BATCH_FALT_INGET, 0, ERR_NOT_FOUND,
	    "finns inte i insatsen") != 0 ||
	    bt_fel(&r, 1, BATCH_FALT_PNR, 0, ERR_NOT_FOUND,
	    "inget pågående deltagande") != 0 ||
	    bt_stat(&r, 2, BATCH_OK) != 0)
		goto out;
	CHECK(r.rader[2].id != d2 && integ_sql_u32("SELECT count(*) FROM"
	    " deltagande d WHERE d.id = %u AND d.slutdatum IS NULL AND NOT"
	    " EXISTS (SELECT 1 FROM mattillfalle m WHERE m.deltagande_id ="
	    " d.id AND m.typ = 'ut')", d2) == 1 && bt_count("skriv") == 1,
	    "the other insats's participation was touched");
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return bt_end(&cn, rv);
}
