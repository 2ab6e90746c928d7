/*
 * Consent withdrawn (domain.md 8, rule 32) through the real protocol:
 * the participation ends (today, or on the day given, or as it already
 * did) with an utregistrering saying why unless it has one, the person
 * goes unless another participation still needs it, one gallring row
 * and one audit row record it, and what reports see over
 * deltagande_statistik does not change. Fixtures: deltagare_fx.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deltagare_int.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/*
 * What reports see of insatser iid and iid2 (deltagande_statistik):
 * with all set, every column of every row and the counts per insats,
 * kön, year and avslutsanledning; else only what no ending changes.
 */
static int
statistik(const struct fx_case *c, int all, char *out, size_t len)
{
	return integ_sql(out, len, "SELECT coalesce(string_agg(t, ';'"
	    " ORDER BY t), '') FROM (SELECT format('%%s|%%s|%%s|%%s|%%s|%%s|%%s"
	    "|%%s', insats_id, kon, fodelsear, startdatum, sysselsattning_fore,"
	    " utbildningsniva, tid_forsorjning, forsorjning_fore) ||"
	    " CASE WHEN %d = 1 THEN format('|%%s|%%s|%%s|%%s', slutdatum,"
	    " avslutsanledning, sysselsattning_efter, forsorjning_efter)"
	    " ELSE '' END AS t FROM deltagande_statistik WHERE insats_id IN"
	    " (%u, %u) UNION ALL SELECT format('n %%s %%s %%s %%s %%s',"
	    " insats_id, kon, fodelsear, CASE WHEN %d = 1 THEN"
	    " avslutsanledning END, count(*)) FROM deltagande_statistik"
	    " WHERE insats_id IN (%u, %u) GROUP BY insats_id, kon, fodelsear,"
	    " CASE WHEN %d = 1 THEN avslutsanledning END) x", all, c->iid,
	    c->iid2, all, c->iid, c->iid2, all);
}

/*
 * The one 'skriv' row of a withdrawal: by deltagaransv's session, for
 * the participation, its person as it was and the hash of the number.
 */
static int
audit_withdrawal(const struct fx_case *c, uint32_t mark, uint32_t did,
    uint32_t pid, const char *pnr)
{
	if (integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u",
	    mark) != 1)
		return fail("withdrawal: not exactly one audit row");
	if (integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u"
	    " AND action = 'skriv' AND purpose = 'Återkalla samtycke'"
	    " AND anvandare_id = %u AND session_id IS NOT NULL"
	    " AND insats_id = %u AND deltagande_id = %u AND person_id = %u"
	    " AND pnr_hash = pnr_hash('%s')", mark, c->ansv, c->iid, did, pid,
	    pnr) != 1)
		return fail("withdrawal: the audit row lacks user, session, "
		    "insats, participation, person or hash");
	return 0;
}

/*
 * Consent withdrawn from a current participation: it ends today with an
 * utregistrering saying why, the person is gone, the gallring row is
 * there, one audit row, and what reports see is otherwise unchanged.
 */
int
samtycke_withdraw_current(void)
{
	struct fx_case		 c;
	struct msg_deltagare	 d;
	uint32_t		 dd, pid, mark, gid;
	char			 before[2048], after[2048];
	int			 rv = -1;

	memset(&d, 0, sizeof d);
	if (dl_begin(&c, "deltagaransv") != 0 ||
	    (dd = dl_deltagande(c.iid, FX_D)) == 0 ||
	    statistik(&c, 0, before, sizeof before) != 0)
		goto out;
	pid = integ_sql_u32("SELECT person_id FROM deltagande WHERE id = %u",
	    dd);
	mark = dl_audit_mark();
	gid = integ_sql_u32("SELECT coalesce(max(id), 0) FROM gallring");
	if (integ_accepted(dl_aterkalla(&c, c.iid, dd, ""), "withdrawal") != 0)
		goto out;
	CHECK(integ_last_ok_id == dd && !dl_has_number(integ_last_ok),
	    "OK id %u: %s", integ_last_ok_id, integ_last_ok);
	if (audit_withdrawal(&c, mark, dd, pid, dl_fx[FX_D].pnr) != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande WHERE id = %u"
	    " AND person_id IS NULL AND avidentifierad IS NOT NULL"
	    " AND avidentifierad_orsak = 'samtycke'"
	    " AND slutdatum = current_date", dd) == 1,
	    "the participation is not ended today and stripped");
	CHECK(integ_sql_u32("SELECT count(*) FROM mattillfalle WHERE"
	    " deltagande_id = %u AND typ = 'ut' AND sysselsattning_id IS NULL"
	    " AND avslut_id = " FX_KOD("avslutsanledning",
	    "'SAMTYCKE_ATERKALLAT'"), dd) == 1,
	    "no utregistrering Samtycket återkallat");
	CHECK(integ_sql_u32("SELECT count(*) FROM person WHERE id = %u"
	    " OR personnummer = '%s'", pid, dl_fx[FX_D].pnr) == 0,
	    "the person is still there");
	CHECK(integ_sql_u32("SELECT count(*) FROM gallring WHERE id > %u"
	    " AND orsak = 'samtycke' AND utford_av = 'Johan Ekström'"
	    " AND antal_deltaganden = 1 AND antal_personer = 1"
	    " AND deltaganden = ARRAY[%u]::bigint[]", gid, dd) == 1 &&
	    integ_sql_u32("SELECT count(*) FROM gallring WHERE id > %u",
	    gid) == 1, "no single gallring row for the withdrawal");
	if (statistik(&c, 0, after, sizeof after) != 0)
		goto out;
	CHECK(strcmp(before, after) == 0, "reports changed:\n%s\n%s", before,
	    after);
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande_statistik WHERE"
	    " id = %u AND avslutsanledning = 'SAMTYCKE_ATERKALLAT'", dd) == 1,
	    "reports do not see why it ended");
	mark = dl_audit_mark();
	if (integ_accepted(dl_get(&c, c.iid, dd, &d), "own view after") != 0)
		goto out;
	CHECK(d.personnummer[0] == '\0' && d.namn[0] == '\0' &&
	    d.kommunkod[0] == '\0' && d.person_id == 0 && d.avidentifierad &&
	    d.fodelsear == 1975 && d.ntillfallen == 2 &&
	    d.tillfallen[1].sysselsattning_id == 0, "stripped view: '%s' '%s' "
	    "%u occasions", d.personnummer, d.namn, d.ntillfallen);
	if (dl_audit_rows(&c, mark, "las", "Visa deltagare", &dd, 1) != 0 ||
	    dl_refused(dl_aterkalla(&c, c.iid, dd, ""), ERR_VALIDATION, "redan",
	    "withdrawal twice") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_DELTAGARE, &d);
	return dl_end(&c, rv);
}

/*
 * Consent withdrawn from an ended participation of a person who takes
 * part elsewhere too: the end and its avslutsanledning stay, the person
 * stays for the other participation, and reports see nothing change.
 */
int
samtycke_withdraw_ended(void)
{
	struct fx_case		 c;
	uint32_t		 e, e2, pid, mark, gid;
	char			 before[2048], after[2048];
	int			 rv = -1;

	if (dl_begin(&c, "deltagaransv") != 0 ||
	    (e = dl_deltagande(c.iid, FX_E)) == 0 ||
	    (e2 = dl_deltagande(c.iid2, FX_E)) == 0 ||
	    statistik(&c, 1, before, sizeof before) != 0)
		goto out;
	pid = integ_sql_u32("SELECT person_id FROM deltagande WHERE id = %u",
	    e);
	mark = dl_audit_mark();
	gid = integ_sql_u32("SELECT coalesce(max(id), 0) FROM gallring");
	if (integ_accepted(dl_aterkalla(&c, c.iid, e, "2024-06-01"),
	    "withdrawal after the end") != 0 ||
	    audit_withdrawal(&c, mark, e, pid, dl_fx[FX_E].pnr) != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande WHERE id = %u"
	    " AND person_id IS NULL AND slutdatum = DATE '%s'", e,
	    dl_fx[FX_E].slut) == 1, "the end moved or the person stayed");
	CHECK(integ_sql_u32("SELECT count(*) FROM mattillfalle WHERE"
	    " deltagande_id = %u AND typ = 'ut' AND avslut_id = "
	    FX_KOD("avslutsanledning", "'STUDIER'"), e) == 1,
	    "the avslutsanledning changed");
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande d JOIN person p"
	    " ON p.id = d.person_id WHERE d.id = %u AND p.id = %u", e2,
	    pid) == 1, "the other participation lost its person");
	CHECK(integ_sql_u32("SELECT count(*) FROM gallring WHERE id > %u"
	    " AND antal_deltaganden = 1 AND antal_personer = 0"
	    " AND deltaganden = ARRAY[%u]::bigint[]", gid, e) == 1,
	    "no gallring row with the person kept");
	if (statistik(&c, 1, after, sizeof after) != 0)
		goto out;
	CHECK(strcmp(before, after) == 0, "reports changed:\n%s\n%s", before,
	    after);
	rv = 0;
out:
	return dl_end(&c, rv);
}

/*
 * The day a withdrawal ends a participation: not before its start, not
 * ahead, a real date; a day given is kept; a stripped one is refused.
 * Refusals change nothing and leave no audit or gallring row.
 */
int
samtycke_withdraw_datum(void)
{
	struct fx_case		 c;
	uint32_t		 a, cc, mark, gid;
	char			 tomorrow[16];
	int			 rv = -1;

	if (dl_begin(&c, "deltagaransv") != 0 ||
	    (a = dl_deltagande(c.iid, FX_A)) == 0 ||
	    (cc = dl_deltagande(c.iid, FX_C)) == 0 ||
	    integ_sql(tomorrow, sizeof tomorrow, "SELECT to_char(current_date"
	    " + 1, 'YYYY-MM-DD')") != 0)
		goto out;
	mark = dl_audit_mark();
	gid = integ_sql_u32("SELECT coalesce(max(id), 0) FROM gallring");
	if (dl_refused(dl_aterkalla(&c, c.iid, a, "2024-02-29"), ERR_VALIDATION,
	    "före deltagandets startdatum 2024-03-01", "before the start")
	    != 0 || dl_refused(dl_aterkalla(&c, c.iid, a, tomorrow),
	    ERR_VALIDATION, "Slutdatum får inte vara senare än i dag",
	    "tomorrow") != 0 ||
	    dl_refused(dl_aterkalla(&c, c.iid, a, "2024-13-01"), ERR_VALIDATION,
	    "ÅÅÅÅ-MM-DD", "no such date") != 0 ||
	    dl_refused(dl_aterkalla(&c, c.iid, cc, ""), ERR_VALIDATION, "redan",
	    "already stripped") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u",
	    mark) == 0 && integ_sql_u32("SELECT count(*) FROM gallring"
	    " WHERE id > %u", gid) == 0,
	    "refusals left audit or gallring rows");
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande WHERE id = %u"
	    " AND person_id IS NOT NULL AND slutdatum IS NULL", a) == 1,
	    "a refusal changed the participation");
	if (integ_accepted(dl_aterkalla(&c, c.iid, a, "2024-06-15"),
	    "withdrawal on a day") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande WHERE id = %u"
	    " AND person_id IS NULL AND slutdatum = DATE '2024-06-15'", a) == 1,
	    "not ended on the day given");
	rv = 0;
out:
	return dl_end(&c, rv);
}

