/*
 * The fixtures and helpers of the Deltagande read and withdrawal cases
 * (deltagare_int.h). Participants are made through psql as the database
 * superuser: person, deltagande, occasions and answers in one
 * transaction together with audit rows that carry no session, as the
 * deferred SU063 check wants, without touching the count of
 * tests/integ/run, which compares the rows sessions write. Only
 * official test personnummer. The clean-up runs with triggers off
 * (session_replication_role = replica).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deltagare_int.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

#define FX_INSATS	"(SELECT id FROM insats WHERE namn LIKE '" FX_PREFIX \
			"%%')"

const struct dl_person dl_fx[FX__COUNT] = {
	[FX_A] = { "198203269264", "Anna Integsdotter", 'K', "2024-03-01",
	    NULL, NULL, 0 },
	[FX_B] = { "196310072993", "Bertil Integsson", 'M', "2024-02-01",
	    "2024-09-30", "ARBETE", 0 },
	[FX_C] = { "194611173388", "Cecilia Integsdotter", 'K', "2023-01-10",
	    "2023-06-30", "AVBRUTET", 1 },
	[FX_D] = { "197503309176", "David Återkallsson", 'M', "2024-05-02",
	    NULL, NULL, 0 },
	[FX_E] = { "196605253225", "Eva Ömsesidig", 'K', "2024-01-15",
	    "2024-04-30", "STUDIER", 0 },
	[FX_H] = { "199107032394", "Hugo Handregistrerad", 'M', "2025-01-07",
	    NULL, NULL, 0 },
};


static int
fx_clean(void)
{
	return integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " DELETE FROM fraga_svar WHERE deltagande_id IN (SELECT id FROM"
	    " deltagande WHERE insats_id IN " FX_INSATS ");"
	    " DELETE FROM mattillfalle_forsorjning WHERE deltagande_id IN"
	    " (SELECT id FROM deltagande WHERE insats_id IN " FX_INSATS ");"
	    " DELETE FROM mattillfalle WHERE deltagande_id IN (SELECT id FROM"
	    " deltagande WHERE insats_id IN " FX_INSATS ");"
	    " DELETE FROM deltagande WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM person p WHERE p.personnummer IN ('%s', '%s', '%s',"
	    " '%s', '%s', '%s') AND NOT EXISTS (SELECT 1 FROM deltagande d"
	    " WHERE d.person_id = p.id);"
	    " DELETE FROM fraga WHERE namn LIKE '" FX_PREFIX "%%';"
	    " DELETE FROM uppdrag WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM insats_malgrupp WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM insats WHERE namn LIKE '" FX_PREFIX "%%'",
	    dl_fx[FX_A].pnr, dl_fx[FX_B].pnr, dl_fx[FX_C].pnr, dl_fx[FX_D].pnr,
	    dl_fx[FX_E].pnr, dl_fx[FX_H].pnr);
}

/* A categorised PERSON insats in Göteborg from 2022; its id or 0. */
static uint32_t
fx_insats(const char *namn)
{
	return integ_sql_u32("WITH i AS (INSERT INTO insats (samverkansorg_id,"
	    " namn, startdatum, inriktning_id, preciserad_id,"
	    " matningsmetod_id) SELECT s.id, '%s', DATE '2022-01-01',"
	    " " FX_KOD("inriktning", "'INDIVID'") ","
	    " " FX_KOD("preciserad_inriktning", "'REHAB'") ","
	    " " FX_KOD("matningsmetod", "'PERSON'")
	    " FROM samverkansorg s WHERE s.namn = '" GBG "' RETURNING id),"
	    " m AS (INSERT INTO insats_malgrupp (insats_id, malgrupp_id)"
	    " SELECT i.id, k.id FROM i, kod k WHERE k.lista = 'malgrupp'"
	    " AND k.kod = 'UNGA') SELECT id FROM i", namn);
}

/*
 * Makes participant k in insats iid with its inregistrering (and
 * utregistrering when it has ended), in one transaction with an audit
 * row for the person and one for the participation, as every write
 * must have; stripped afterwards when k says so. Its id, or 0.
 */
uint32_t
dl_deltagande(uint32_t iid, enum fx_person k)
{
	const struct dl_person	*f = &dl_fx[k];
	char			 slut[32], ut[1024];

	snprintf(slut, sizeof slut, f->slut != NULL ? "DATE '%s'" : "NULL",
	    f->slut);
	ut[0] = '\0';
	if (f->slut != NULL)
		snprintf(ut, sizeof ut, "INSERT INTO mattillfalle"
		    " (deltagande_id, typ, sysselsattning_id, omfattning,"
		    " avslut_id, skapad_av) SELECT"
		    " currval('deltagande_id_seq'), 'ut',"
		    " " FX_KOD("sysselsattning", "'ARBETE'") ", 75,"
		    " " FX_KOD("avslutsanledning", "'%s'") ", " FX_ANSV ";"
		    " INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,"
		    " forsorjning_id) SELECT currval('deltagande_id_seq'),"
		    " 'ut', " FX_KOD("forsorjning", "'INGEN'") ";", f->avslut);
	return integ_sql_u32("INSERT INTO person (personnummer, namn,"
	    " kommunkod, stadsdel_id) SELECT '%s', '%s', '1480', s.id FROM"
	    " stadsdel s WHERE s.kommunkod = '1480' AND s.namn = 'Hisingen'"
	    " AND s.giltig_tom IS NULL ON CONFLICT (personnummer) DO NOTHING;"
	    " INSERT INTO audit_person (action, purpose, person_id) SELECT"
	    " 'skriv', 'integ fixture', id FROM person"
	    " WHERE personnummer = '%s';"
	    " INSERT INTO deltagande (insats_id, person_id, kon_id, fodelsear,"
	    " samtycke, samtycke_datum, registrerad_av, startdatum, slutdatum)"
	    " SELECT %u, p.id, " FX_KOD("kon", "'%c'") ", %.4s, true,"
	    " DATE '%s', " FX_ANSV ", DATE '%s', %s FROM person p"
	    " WHERE p.personnummer = '%s';"
	    " INSERT INTO audit_person (action, purpose, person_id,"
	    " deltagande_id, insats_id) SELECT 'skriv', 'integ fixture',"
	    " person_id, id, insats_id FROM deltagande"
	    " WHERE id = currval('deltagande_id_seq');"
	    " INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id,"
	    " utbildning_id, tid_id, skapad_av) SELECT"
	    " currval('deltagande_id_seq'), 'in',"
	    " " FX_KOD("sysselsattning", "'ARBETSSOKANDE'") ","
	    " " FX_KOD("utbildningsniva", "'GYMN'") ","
	    " " FX_KOD("tid_forsorjning", "'AR_1_2'") ", " FX_ANSV ";"
	    " INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,"
	    " forsorjning_id) SELECT currval('deltagande_id_seq'), 'in', id"
	    " FROM kod WHERE lista = 'forsorjning'"
	    " AND kod IN ('AKASSA', 'EKONOMISKT_BISTAND');"
	    " %s %s"
	    " SELECT currval('deltagande_id_seq')",
	    f->pnr, f->namn, f->pnr, iid, f->kon, f->pnr, f->start, f->start,
	    slut, f->pnr, ut, f->strip ? "UPDATE deltagande SET person_id ="
	    " NULL, avidentifierad = now(), avidentifierad_orsak = 'samtycke'"
	    " WHERE id = currval('deltagande_id_seq');"
	    " DELETE FROM person p WHERE p.id = (SELECT person_id FROM"
	    " audit_person WHERE deltagande_id = currval('deltagande_id_seq'))"
	    " AND NOT EXISTS (SELECT 1 FROM deltagande d"
	    " WHERE d.person_id = p.id);" : "");
}

/*
 * Gives participation did answers to three questions of its own: ja to
 * a janej and 12 to a heltal at the inregistrering, two options of a
 * flerval at the utregistrering. 0 or -1.
 */
int
dl_svar(uint32_t iid, uint32_t did)
{
	return integ_sql(NULL, 0, "INSERT INTO fraga (samverkansorg_id, namn,"
	    " giltig_from, mattillfalle, svarstyp, ordning) SELECT s.id,"
	    " v.namn, DATE '2022-01-01', v.tf, v.typ, v.ord FROM"
	    " samverkansorg s, (VALUES ('" FX_PREFIX " janej', 'in', 'janej',"
	    " 91), ('" FX_PREFIX " heltal', 'in', 'heltal', 92),"
	    " ('" FX_PREFIX " flerval', 'ut', 'flerval', 93)) v(namn, tf, typ,"
	    " ord) WHERE s.namn = '" GBG "';"
	    " INSERT INTO fraga_alternativ (fraga_id, text, ordning) SELECT"
	    " f.id, v.t, v.o FROM fraga f, (VALUES ('Cykel', 1), ('Buss', 2),"
	    " ('Bil', 3)) v(t, o) WHERE f.namn = '" FX_PREFIX " flerval';"
	    " INSERT INTO audit_person (action, purpose, deltagande_id,"
	    " insats_id) VALUES ('skriv', 'integ fixture', %u, %u);"
	    " INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle, ja)"
	    " SELECT id, %u, 'in', true FROM fraga"
	    " WHERE namn = '" FX_PREFIX " janej';"
	    " INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle,"
	    " heltal) SELECT id, %u, 'in', 12 FROM fraga"
	    " WHERE namn = '" FX_PREFIX " heltal';"
	    " INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle,"
	    " alternativ_id) SELECT f.id, %u, 'ut', a.id FROM fraga f JOIN"
	    " fraga_alternativ a ON a.fraga_id = f.id WHERE f.namn ="
	    " '" FX_PREFIX " flerval' AND a.text IN ('Cykel', 'Buss')",
	    did, iid, did, did, did);
}

/*
 * Cleans, makes both insatser, deltagaransv's uppdrag on the first and
 * logs in as user (NULL: nobody); 0 or -1.
 */
int
dl_begin(struct fx_case *c, const char *user)
{
	memset(c, 0, sizeof *c);
	c->cn.fd = -1;
	if (fx_clean() != 0 || (c->iid = fx_insats(FX_PREFIX)) == 0 ||
	    (c->iid2 = fx_insats(FX_PREFIX " annan")) == 0 ||
	    (c->ansv = integ_sql_u32("SELECT " FX_ANSV)) == 0)
		return -1;
	if (integ_sql(NULL, 0, "INSERT INTO uppdrag (anvandare_id, roll,"
	    " insats_id, giltig_from) VALUES (%u, 'deltagaransvarig', %u,"
	    " current_date)", c->ansv, c->iid) != 0)
		return -1;
	if (user != NULL && case_login(&c->cn, user) != 0)
		return -1;
	return 0;
}

/* Cleans up and closes; returns rv. */
int
dl_end(struct fx_case *c, int rv)
{
	if (fx_clean() != 0)
		rv = -1;
	if (c->cn.fd != -1)
		conn_close(&c->cn);
	return rv;
}

/* The year of birth participant k's number gives. */
uint32_t
dl_year(enum fx_person k)
{
	return (uint32_t)(strtoull(dl_fx[k].pnr, NULL, 10) / 100000000u);
}

/* The highest audit_person id so far; rows above it are the case's. */
uint32_t
dl_audit_mark(void)
{
	return integ_sql_u32("SELECT coalesce(max(id), 0) FROM audit_person");
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Checks the audit_person rows since mark: exactly one per participation
 * in ids (n of them; for a pnr row, ids NULL and n 1), each by
 * deltagaransv's session with action, purpose and insats, naming the
 * participation's person and the hash of its number as they stand now.
 * 0 or -1 after fail().
 */
int
dl_audit_rows(const struct fx_case *c, uint32_t mark, const char *action,
    const char *purpose, const uint32_t *ids, uint32_t n)
{
	uint32_t	sorted[64], i, good;
	char		want[1024], got[1024];
	size_t		o;

	if (n > 64)
		return fail("audit_rows: too many");
	o = (size_t)snprintf(want, sizeof want, "%u:", n);
	if (ids != NULL) {
		memcpy(sorted, ids, n * sizeof *ids);
		qsort(sorted, n, sizeof *sorted, cmp_u32);
		for (i = 0; i < n && o < sizeof want; i++)
			o += (size_t)snprintf(want + o, sizeof want - o, "%s%u",
			    i > 0 ? "," : "", sorted[i]);
	}
	/* Every row since mark, whoever wrote it: none may be extra. */
	if (integ_sql(got, sizeof got, "SELECT count(*) || ':' ||"
	    " coalesce(string_agg(deltagande_id::text, ',' ORDER BY"
	    " deltagande_id), '') FROM audit_person WHERE id > %u", mark) != 0)
		return -1;
	if (strcmp(want, got) != 0)
		return fail("audit_person since the request: %s, want %s", got,
		    want);
	good = integ_sql_u32("SELECT count(*) FROM audit_person a"
	    " LEFT JOIN deltagande d ON d.id = a.deltagande_id"
	    " LEFT JOIN person p ON p.id = d.person_id"
	    " WHERE a.id > %u AND a.anvandare_id = %u"
	    " AND a.session_id IS NOT NULL AND a.action = '%s'"
	    " AND a.purpose = '%s' AND a.insats_id = %u"
	    " AND (a.deltagande_id IS NULL OR (a.person_id IS NOT DISTINCT FROM"
	    " d.person_id AND a.pnr_hash IS NOT DISTINCT FROM"
	    " pnr_hash(p.personnummer)))", mark, c->ansv, action, purpose,
	    c->iid);
	if (good != n)
		return fail("%u of %u audit rows name user, session, action %s,"
		    " purpose %s, insats, person and hash", good, n, action,
		    purpose);
	return 0;
}

/* Reports whether s holds a run of six digits or more (a number). */
int
dl_has_number(const char *s)
{
	int	run = 0;

	for (; s != NULL && *s != '\0'; s++) {
		run = isdigit((unsigned char)*s) ? run + 1 : 0;
		if (run >= 6)
			return 1;
	}
	return 0;
}

/*
 * MSG_DELTAGARE_SEARCH into *l, which must be zeroed or hold an earlier
 * reply (freed first); the caller clears it. As integ_call().
 */
int
dl_search(struct fx_case *c, uint32_t iid, uint8_t status, const char *pattern,
    uint32_t offset, uint32_t limit, struct msg_deltagare_list *l)
{
	struct msg_deltagare_search	q;

	memset(&q, 0, sizeof q);
	msg_clear(MSG_DELTAGARE_LIST, l);
	q.insats_id = iid;
	q.status = status;
	q.pattern = (char *)pattern;
	q.offset = offset;
	q.limit = limit;
	return integ_call(&c->cn, MSG_DELTAGARE_SEARCH, &q, MSG_DELTAGARE_LIST,
	    l);
}

/* MSG_DELTAGARE_GET into *d, as dl_search(). */
int
dl_get(struct fx_case *c, uint32_t iid, uint32_t did, struct msg_deltagare *d)
{
	struct msg_deltagare_get	q;

	memset(&q, 0, sizeof q);
	msg_clear(MSG_DELTAGARE, d);
	q.insats_id = iid;
	q.deltagande_id = did;
	return integ_call(&c->cn, MSG_DELTAGARE_GET, &q, MSG_DELTAGARE, d);
}

/* MSG_PERSON_LOOKUP into *p, as dl_search(). */
int
dl_lookup(struct fx_case *c, uint32_t iid, const char *pnr,
    struct msg_person *p)
{
	struct msg_person_lookup	q;

	memset(&q, 0, sizeof q);
	msg_clear(MSG_PERSON, p);
	q.insats_id = iid;
	q.personnummer = (char *)pnr;
	return integ_call(&c->cn, MSG_PERSON_LOOKUP, &q, MSG_PERSON, p);
}

/* MSG_SAMTYCKE_ATERKALLA; as integ_call(), the text in integ_last_ok. */
int
dl_aterkalla(struct fx_case *c, uint32_t iid, uint32_t did, const char *datum)
{
	struct msg_samtycke_aterkalla	q;

	memset(&q, 0, sizeof q);
	q.insats_id = iid;
	q.deltagande_id = did;
	q.datum = (char *)datum;
	return integ_call(&c->cn, MSG_SAMTYCKE_ATERKALLA, &q, MSG_OK, NULL);
}

/* Checks a refusal, then that its text names no personnummer. */
int
dl_refused(int r, uint32_t code, const char *text, const char *what)
{
	if (integ_refused(r, code, text, what) != 0)
		return -1;
	if (dl_has_number(integ_last_err))
		return fail("%s: the refusal holds a number: %s", what,
		    integ_last_err);
	return 0;
}

