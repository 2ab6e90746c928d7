/*
 * Idempotent batches of participants (issue 7, MSG_BATCH_DELTAGARE)
 * through the real protocol: each row checked by the rules of the single
 * registration with its refusal on the row (cell, code, sentence) and
 * the good rows of the same batch stored; utregistrering by
 * personnummer; rows stored before reported as such; a write the
 * database refuses undone alone; who may send a batch. The key's cases
 * (replay, dry run, races, a dropped connection) are in batch_key.c.
 *
 * The cases make their own insatser in Samordningsförbundet Göteborg,
 * named "Integ batch ...", with deltagaransv's uppdrag, and use only the
 * official test numbers given to these cases. The clean-up runs with
 * triggers off (session_replication_role = replica), as
 * deltagare_save.c's does; audit rows stay.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch_int.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"
#include "xmalloc.h"

#define BT_INSATS	"(SELECT id FROM insats WHERE namn LIKE '" BT "%%')"

/* The official test numbers of these cases (tests/data). */
const char *const bt_pnr[BT_NPNR] = {
	"189606049808", "189606079813", "189711099813", "189904149805",
	"189904159812", "190009189804", "190009199811", "190202229803",
	"190202239836", "190307289819", "190307299800", "190402299812",
	"190412309809", "190501029813", "190606059822", "190606089811",
	"190711099804", "190711109819", "190904149804", "190904159811",
	"191001279809", "191001289816", "191003229802", "191003239819",
	"191005159825", "191005169816", "191007089806", "191007099813",
	"191008309815", "191008319848", "191010239810", "191010249801",
	"191012169817", "191012179808",
};

struct bt_known	bt;

static int
bt_clean(void)
{
	char	list[BT_NPNR * 16 + 8];
	size_t	i;

	list[0] = '\0';
	for (i = 0; i < BT_NPNR; i++) {
		strlcat(list, i > 0 ? ",'" : "'", sizeof list);
		strlcat(list, bt_pnr[i], sizeof list);
		strlcat(list, "'", sizeof list);
	}
	return integ_sql(NULL, 0, "DROP TRIGGER IF EXISTS integ_batch_refuse"
	    " ON deltagande; DROP FUNCTION IF EXISTS integ_batch_refuse();"
	    " DROP TRIGGER IF EXISTS integ_batch_commit ON import_batch;"
	    " DROP FUNCTION IF EXISTS integ_batch_commit();"
	    " SET session_replication_role = replica;"
	    " DELETE FROM import_batch_rad WHERE batch_id IN (SELECT id FROM"
	    " import_batch WHERE insats_id IN " BT_INSATS ");"
	    " DELETE FROM import_batch WHERE insats_id IN " BT_INSATS ";"
	    " DELETE FROM fraga_svar WHERE deltagande_id IN (SELECT id FROM"
	    " deltagande WHERE insats_id IN " BT_INSATS ");"
	    " DELETE FROM mattillfalle_forsorjning WHERE deltagande_id IN"
	    " (SELECT id FROM deltagande WHERE insats_id IN " BT_INSATS ");"
	    " DELETE FROM mattillfalle WHERE deltagande_id IN (SELECT id FROM"
	    " deltagande WHERE insats_id IN " BT_INSATS ");"
	    " DELETE FROM deltagande WHERE insats_id IN " BT_INSATS ";"
	    " DELETE FROM person p WHERE p.personnummer IN (%s) AND NOT EXISTS"
	    " (SELECT 1 FROM deltagande d WHERE d.person_id = p.id);"
	    " DELETE FROM folkbokforing WHERE personnummer = '" BT_SKYDD "';"
	    " DELETE FROM uppdrag WHERE insats_id IN " BT_INSATS ";"
	    " DELETE FROM insats_malgrupp WHERE insats_id IN " BT_INSATS ";"
	    " DELETE FROM insats WHERE namn LIKE '" BT "%%'", list);
}

/* An insats of Göteborg from 2023 with deltagaransv's uppdrag; its id. */
static uint32_t
bt_insats(const char *namn)
{
	return integ_sql_u32("WITH i AS (INSERT INTO insats (samverkansorg_id,"
	    " namn, startdatum, inriktning_id, preciserad_id, matningsmetod_id)"
	    " SELECT s.id, '%s', DATE '2023-01-01',"
	    " (SELECT id FROM kod WHERE lista = 'inriktning' AND kod ="
	    " 'INDIVID'), (SELECT id FROM kod WHERE lista ="
	    " 'preciserad_inriktning' AND kod = 'REHAB'), (SELECT id FROM kod"
	    " WHERE lista = 'matningsmetod' AND kod = 'PERSON')"
	    " FROM samverkansorg s WHERE s.namn ="
	    " 'Samordningsförbundet Göteborg' RETURNING id),"
	    " m AS (INSERT INTO insats_malgrupp (insats_id, malgrupp_id)"
	    " SELECT i.id, k.id FROM i, kod k WHERE k.lista = 'malgrupp'"
	    " AND k.kod = 'UNGA'),"
	    " u AS (INSERT INTO uppdrag (anvandare_id, roll, insats_id,"
	    " giltig_from) SELECT a.id, 'deltagaransvarig', i.id,"
	    " current_date - 1 FROM i, anvandare a WHERE"
	    " a.username = 'deltagaransv') SELECT id FROM i", namn);
}

static int
bt_codes(void)
{
	char	out[256], dates[64];

	if (integ_sql(out, sizeof out, "SELECT string_agg(k.id::text, ' '"
	    " ORDER BY v.o) FROM (VALUES ('forsorjning', 'AKASSA', 1),"
	    " ('sysselsattning', 'ARBETE', 2),"
	    " ('sysselsattning', 'ARBETSSOKANDE', 3),"
	    " ('utbildningsniva', 'GYMN', 4),"
	    " ('tid_forsorjning', 'UNDER_1', 5),"
	    " ('avslutsanledning', 'ENLIGT_PLAN', 6)) AS v(l, k, o)"
	    " JOIN kod k ON k.lista = v.l AND k.kod = v.k") != 0 ||
	    integ_sql(dates, sizeof dates, "SELECT current_date || ' ' ||"
	    " (current_date + 1)") != 0)
		return -1;
	if (sscanf(out, "%u %u %u %u %u %u", &bt.akassa, &bt.arbete,
	    &bt.sokande, &bt.gymn, &bt.under1, &bt.plan) != 6 ||
	    sscanf(dates, "%15s %15s", bt.today, bt.tomorrow) != 2)
		return fail("codes: %s / %s", out, dates);
	bt.fraga = integ_sql_u32("SELECT id FROM fraga WHERE namn LIKE 'Har"
	    " deltagaren tidigare deltagit%%'");
	return bt.fraga != 0 ? 0 : -1;
}

/* Cleans, makes the fixtures and logs in as user (NULL: nobody). */
int
bt_begin(struct conn *cn, const char *user)
{
	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
	if (bt_clean() != 0 || bt_codes() != 0 ||
	    (bt.iid = bt_insats(BT " öppen")) == 0 ||
	    (bt.iid2 = bt_insats(BT " andra")) == 0 ||
	    integ_sql(NULL, 0, "INSERT INTO folkbokforing (personnummer, namn,"
	    " kommunkod, skyddad) VALUES ('" BT_SKYDD "', 'Integ Skyddad',"
	    " '1280', true)") != 0)
		return -1;
	return user != NULL && case_login(cn, user) != 0 ? -1 : 0;
}

int
bt_end(struct conn *cn, int rv)
{
	if (bt_clean() != 0)
		rv = -1;
	if (cn->fd != -1)
		conn_close(cn);
	return rv;
}

/* A fresh key: this process, this moment and a counter. */
void
bt_key(struct bt_batch *b)
{
	snprintf(b->key, sizeof b->key, "%016lx%016lx%016x%016x",
	    (unsigned long)getpid(), (unsigned long)time(NULL), ++bt.nkey,
	    0xba7cu);
}

/* An empty batch for the fixture insats with a fresh key. */
void
bt_new(struct bt_batch *b, uint8_t flaggor)
{
	memset(b, 0, sizeof *b);
	bt_key(b);
	b->q.insats_id = bt.iid;
	b->q.nyckel = b->key;
	b->q.flaggor = flaggor;
	b->q.rader = b->rad;
}

/* Adds a nyinregistrering that passes every rule; returns it to spoil. */
struct msg_deltagare_save *
bt_in(struct bt_batch *b, const char *pnr, const char *start)
{
	uint32_t			 n = b->q.nrader++;
	struct msg_deltagare_save	*q = &b->rad[n].rad;

	b->rad[n].radnr = n + 2;
	q->insats_id = bt.iid;
	q->personnummer = (char *)pnr;
	q->namn = "Integ Batchsson";
	q->kommunkod = "1280";
	q->samtycke_datum = "";
	q->samtycke = 1;
	q->tillfalle.typ = FRAGA_IN;
	q->tillfalle.datum = (char *)start;
	b->fors[n].id = bt.akassa;
	q->tillfalle.forsorjning = &b->fors[n];
	q->tillfalle.nforsorjning = 1;
	q->tillfalle.sysselsattning_id = bt.sokande;
	q->tillfalle.utbildning_id = bt.gymn;
	q->tillfalle.tid_id = bt.under1;
	q->tillfalle.andrad = q->tillfalle.andrad_av = "";
	q->tillfalle.svar = &b->svar[n];
	/* Göteborg asks its question of every inregistrering from 2024. */
	if (strcmp(start, "2024-01-01") >= 0) {
		b->svar[n].fraga_id = bt.fraga;
		b->svar[n].ja = 1;
		q->tillfalle.nsvar = 1;
	}
	return q;
}

/* Adds an utregistrering by personnummer. */
struct msg_deltagare_save *
bt_ut(struct bt_batch *b, const char *pnr, const char *slut)
{
	struct msg_deltagare_save	*q = bt_in(b, pnr, slut);

	q->samtycke = 0;
	q->namn = q->kommunkod = "";
	q->tillfalle.typ = FRAGA_UT;
	q->tillfalle.avslut_id = bt.plan;
	q->tillfalle.utbildning_id = q->tillfalle.tid_id = 0;
	q->tillfalle.nsvar = 0;
	return q;
}

/* Sends the batch; as integ_call() into res (zeroed or cleared first). */
int
bt_send(struct conn *cn, struct bt_batch *b, struct msg_batch_result *res)
{
	msg_clear(MSG_BATCH_RESULT, res);
	return integ_call(cn, MSG_BATCH_DELTAGARE, &b->q, MSG_BATCH_RESULT,
	    res);
}

/* Sends the batch; anything but a result for it fails the case. */
int
bt_call(struct conn *cn, struct bt_batch *b, struct msg_batch_result *res,
    int upprepad, int provkorning, const char *what)
{
	msg_clear(MSG_BATCH_RESULT, res);
	if (integ_call_ok(cn, MSG_BATCH_DELTAGARE, &b->q, MSG_BATCH_RESULT,
	    res, what) != 0)
		return -1;
	return bt_shape(b, res, upprepad, provkorning, what);
}

/* Expects the result to be for b: one row per row sent, counts right. */
int
bt_shape(const struct bt_batch *b, const struct msg_batch_result *r,
    int upprepad, int provkorning, const char *what)
{
	uint32_t	i, ok = 0, fel = 0, finns = 0;

	if (strcmp(r->nyckel, b->key) != 0 || r->upprepad != upprepad ||
	    r->provkorning != provkorning || r->nrader != b->q.nrader)
		return fail("%s: key %s upprepad %u provkorning %u rows %u",
		    what, r->nyckel, r->upprepad, r->provkorning, r->nrader);
	for (i = 0; i < r->nrader; i++) {
		if (r->rader[i].radnr != b->rad[i].radnr)
			return fail("%s: row %u is radnr %u", what, i,
			    r->rader[i].radnr);
		ok += r->rader[i].status == BATCH_OK;
		fel += r->rader[i].status == BATCH_FEL;
		finns += r->rader[i].status == BATCH_FINNS;
		if (strlen(r->rader[i].meddelande) > 0 &&
		    strpbrk(r->rader[i].meddelande, "0123456789") != NULL) {
			size_t	k;

			for (k = 0; k < BT_NPNR; k++) {
				if (strstr(r->rader[i].meddelande,
				    bt_pnr[k] + 8) != NULL)
					return fail("%s: row %u names a "
					    "number: %s", what, i,
					    r->rader[i].meddelande);
			}
		}
	}
	if (ok != r->antal_ok || fel != r->antal_fel ||
	    finns != r->antal_finns || r->utford[0] == '\0')
		return fail("%s: counts %u/%u/%u, rows %u/%u/%u, utford %s",
		    what, r->antal_ok, r->antal_fel, r->antal_finns, ok, fel,
		    finns, r->utford);
	return 0;
}

/* Expects row i refused in cell falt with code and text. */
int
bt_fel(const struct msg_batch_result *r, uint32_t i, uint32_t falt,
    uint32_t fraga, uint32_t kod, const char *text)
{
	const struct batch_resultat_rad	*x = &r->rader[i];

	if (x->status != BATCH_FEL || x->falt != falt ||
	    x->fraga_id != fraga || x->kod != kod ||
	    strstr(x->meddelande, text) == NULL || x->id != 0)
		return fail("row %u: status %u falt %u fraga %u kod %u id %u"
		    " \"%s\"; want FEL falt %u fraga %u kod %u \"%s\"", i,
		    x->status, x->falt, x->fraga_id, x->kod, x->id,
		    x->meddelande, falt, fraga, kod, text);
	return 0;
}

/* Expects row i with status st and an id (a participation of iid). */
int
bt_stat(const struct msg_batch_result *r, uint32_t i, uint8_t st)
{
	const struct batch_resultat_rad	*x = &r->rader[i];

	if (x->status != st || x->id == 0 || x->kod != 0 || x->falt != 0 ||
	    integ_sql_u32("SELECT count(*) FROM deltagande WHERE id = %u"
	    " AND insats_id = %u", x->id, bt.iid) != 1)
		return fail("row %u: status %u id %u kod %u \"%s\", want %u",
		    i, x->status, x->id, x->kod, x->meddelande, st);
	return 0;
}

/* Rows in the tables a registration writes, for the fixture insats. */
uint32_t
bt_count(const char *what)
{
	if (strcmp(what, "deltagande") == 0)
		return integ_sql_u32("SELECT count(*) FROM deltagande WHERE"
		    " insats_id = %u", bt.iid);
	if (strcmp(what, "mattillfalle") == 0)
		return integ_sql_u32("SELECT count(*) FROM mattillfalle m JOIN"
		    " deltagande d ON d.id = m.deltagande_id WHERE"
		    " d.insats_id = %u", bt.iid);
	if (strcmp(what, "skriv") == 0 || strcmp(what, "las") == 0)
		return integ_sql_u32("SELECT count(*) FROM audit_person WHERE"
		    " insats_id = %u AND action = '%s' AND session_id IS NOT"
		    " NULL AND purpose = 'Registrera deltagare'", bt.iid, what);
	return integ_sql_u32("SELECT count(*) FROM import_batch WHERE"
	    " insats_id = %u", bt.iid);
}

/*
 * A trigger (dropped by the clean-up) that refuses, as SU056, a
 * participation in the fixture insats of a person born in 1899: the
 * checks pass such a row and the database refuses its write.
 */
int
bt_refuse_1899(void)
{
	return integ_sql(NULL, 0, "CREATE FUNCTION integ_batch_refuse()"
	    " RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.insats_id ="
	    " %u AND NEW.fodelsear = 1899 THEN RAISE EXCEPTION 'integ'"
	    " USING ERRCODE = 'SU056'; END IF; RETURN NEW; END $$;"
	    " CREATE TRIGGER integ_batch_refuse BEFORE INSERT ON deltagande"
	    " FOR EACH ROW EXECUTE FUNCTION integ_batch_refuse()", bt.iid);
}

/* Good rows: every one stored with its occasion and audit row. */
static int
batch_good(void)
{
	struct conn		cn;
	struct bt_batch		b;
	struct msg_batch_result	r;
	uint32_t		i;
	int			rv = -1;

	memset(&r, 0, sizeof r);
	if (bt_begin(&cn, "deltagaransv") != 0)
		goto out;
	bt_new(&b, 0);
	for (i = 0; i < 5; i++)
		bt_in(&b, bt_pnr[i], i < 3 ? "2023-03-01" : "2024-02-01");
	if (bt_call(&cn, &b, &r, 0, 0, "good batch") != 0)
		goto out;
	for (i = 0; i < 5; i++)
		if (bt_stat(&r, i, BATCH_OK) != 0)
			goto out;
	CHECK(r.antal_ok == 5 && bt_count("deltagande") == 5 &&
	    bt_count("mattillfalle") == 5 && bt_count("skriv") == 5,
	    "stored: %u participations, %u occasions, %u audit rows",
	    bt_count("deltagande"), bt_count("mattillfalle"),
	    bt_count("skriv"));
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga_svar s JOIN deltagande"
	    " d ON d.id = s.deltagande_id WHERE d.insats_id = %u AND"
	    " s.fraga_id = %u AND s.ja", bt.iid, bt.fraga) == 2, "answers");
	CHECK(integ_sql_u32("SELECT count(*) FROM import_batch b WHERE"
	    " b.insats_id = %u AND b.nyckel = '%s' AND b.typ = 'deltagare'"
	    " AND b.antal_ok = 5 AND b.antal_fel = 0 AND (SELECT count(*)"
	    " FROM import_batch_rad r WHERE r.batch_id = b.id AND r.status = 0"
	    " AND r.objekt_id IS NOT NULL) = 5", bt.iid, b.key) == 1,
	    "the batch's outcome is not stored");
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return bt_end(&cn, rv);
}

/* The bad rows of one batch, each refused on its cell; the good stored. */
static int
batch_bad_rows(void)
{
	struct conn			 cn;
	struct bt_batch			 b;
	struct msg_batch_result		 r;
	int				 rv = -1;

	memset(&r, 0, sizeof r);
	if (bt_begin(&cn, "deltagaransv") != 0)
		goto out;
	bt_new(&b, 0);
	bt_in(&b, bt_pnr[0], "2023-03-01");				/* 0 */
	bt_in(&b, "189606079814", "2023-03-01");			/* 1 */
	bt_in(&b, "711099813", "2023-03-01");				/* 2 */
	bt_in(&b, bt_pnr[3], "2022-12-31");				/* 3 */
	bt_in(&b, bt_pnr[4], bt.tomorrow);				/* 4 */
	bt_in(&b, bt_pnr[5], "2023-03-01")->samtycke = 0;		/* 5 */
	bt_in(&b, bt_pnr[6], "2023-03-01");				/* 6 */
	b.fors[6].id = 999999;
	bt_in(&b, bt_pnr[7], "2023-03-01")->tillfalle.sysselsattning_id =
	    bt.arbete;							/* 7 */
	bt_in(&b, bt_pnr[8], "2024-03-01")->tillfalle.nsvar = 0;	/* 8 */
	bt_in(&b, BT_SKYDD, "2023-03-01");				/* 9 */
	bt_in(&b, bt_pnr[9], "2023-03-01")->insats_id = bt.iid2;	/* 10 */
	bt_in(&b, bt_pnr[10], "2024-03-01");				/* 11 */
	if (bt_call(&cn, &b, &r, 0, 0, "mixed batch") != 0)
		goto out;
	if (bt_stat(&r, 0, BATCH_OK) != 0 ||
	    bt_fel(&r, 1, BATCH_FALT_PNR, 0, ERR_VALIDATION,
	    "kontrollsiffra") != 0 ||
	    bt_fel(&r, 2, BATCH_FALT_PNR, 0, ERR_VALIDATION,
	    "9 siffror") != 0 ||
	    bt_fel(&r, 3, BATCH_FALT_DATUM, 0, ERR_VALIDATION,
	    "före insatsens startdatum 2023-01-01") != 0 ||
	    bt_fel(&r, 4, BATCH_FALT_DATUM, 0, ERR_VALIDATION,
	    "senare än i dag") != 0 ||
	    bt_fel(&r, 5, BATCH_FALT_SAMTYCKE, 0, ERR_VALIDATION,
	    "9443") != 0 ||
	    bt_fel(&r, 6, BATCH_FALT_FORSORJNING, 0, ERR_VALIDATION,
	    "finns inte i kodlistan") != 0 ||
	    bt_fel(&r, 7, BATCH_FALT_OMFATTNING, 0, ERR_VALIDATION,
	    "Omfattning saknas") != 0 ||
	    bt_fel(&r, 8, BATCH_FALT_FRAGA, bt.fraga, ERR_VALIDATION,
	    "Obligatorisk fråga obesvarad") != 0 ||
	    bt_fel(&r, 9, BATCH_FALT_PNR, 0, ERR_VALIDATION,
	    "Registrera anonyma deltagare") != 0 ||
	    bt_fel(&r, 10, BATCH_FALT_INGET, 0, ERR_VALIDATION,
	    "annan insats") != 0 || bt_stat(&r, 11, BATCH_OK) != 0)
		goto out;
	CHECK(r.antal_ok == 2 && r.antal_fel == 10 && r.antal_finns == 0,
	    "counts %u/%u/%u", r.antal_ok, r.antal_fel, r.antal_finns);
	CHECK(bt_count("deltagande") == 2 && bt_count("skriv") == 2 &&
	    bt_count("mattillfalle") == 2 && integ_sql_u32("SELECT count(*)"
	    " FROM deltagande WHERE insats_id = %u", bt.iid2) == 0 &&
	    integ_sql_u32("SELECT count(*) FROM person WHERE personnummer"
	    " IN ('" BT_SKYDD "', '%s', '%s')", bt_pnr[5], bt_pnr[7]) == 0,
	    "stored: %u participations, %u audit rows", bt_count("deltagande"),
	    bt_count("skriv"));
	CHECK(integ_sql_u32("SELECT count(*) FROM import_batch_rad r JOIN"
	    " import_batch b ON b.id = r.batch_id WHERE b.nyckel = '%s' AND"
	    " r.status = 1 AND r.kod = %u AND r.meddelande <> ''", b.key,
	    ERR_VALIDATION) == 10, "the refusals are not stored");
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return bt_end(&cn, rv);
}

/* Utregistrering by personnummer; done again, it is there already. */
static int
batch_ut(void)
{
	struct conn		cn;
	struct bt_batch		b;
	struct msg_batch_result	r, r2;
	uint32_t		d0, d1;
	int			rv = -1;

	memset(&r, 0, sizeof r);
	memset(&r2, 0, sizeof r2);
	if (bt_begin(&cn, "deltagaransv") != 0)
		goto out;
	bt_new(&b, 0);
	bt_in(&b, bt_pnr[0], "2023-02-01");
	bt_in(&b, bt_pnr[1], "2023-02-01");
	if (bt_call(&cn, &b, &r, 0, 0, "in") != 0 || r.antal_ok != 2)
		goto out;
	d0 = r.rader[0].id;
	d1 = r.rader[1].id;
	bt_new(&b, 0);
	bt_ut(&b, bt_pnr[0], "2023-08-31");
	bt_ut(&b, bt_pnr[1], "2023-09-30");
	bt_ut(&b, bt_pnr[2], "2023-09-30");
	if (bt_call(&cn, &b, &r, 0, 0, "ut") != 0 ||
	    bt_stat(&r, 0, BATCH_OK) != 0 || bt_stat(&r, 1, BATCH_OK) != 0 ||
	    bt_fel(&r, 2, BATCH_FALT_PNR, 0, ERR_NOT_FOUND,
	    "inget pågående deltagande") != 0)
		goto out;
	CHECK(r.rader[0].id == d0 && r.rader[1].id == d1 &&
	    integ_sql_u32("SELECT count(*) FROM deltagande d JOIN mattillfalle"
	    " m ON m.deltagande_id = d.id AND m.typ = 'ut' WHERE d.id IN (%u,"
	    " %u) AND d.slutdatum IN ('2023-08-31', '2023-09-30') AND"
	    " m.avslut_id = %u", d0, d1, bt.plan) == 2 && bt_count("skriv") ==
	    4, "utregistrering not stored as sent");
	/* The same rows under a new key: stored already, nothing written. */
	bt_key(&b);
	if (bt_call(&cn, &b, &r2, 0, 0, "ut again") != 0 ||
	    bt_stat(&r2, 0, BATCH_FINNS) != 0 ||
	    bt_stat(&r2, 1, BATCH_FINNS) != 0)
		goto out;
	CHECK(r2.rader[0].id == d0 && r2.rader[1].id == d1 &&
	    r2.rader[2].status == BATCH_FEL && bt_count("skriv") == 4 &&
	    bt_count("las") == 2, "ut again: %u skriv, %u las",
	    bt_count("skriv"), bt_count("las"));
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	msg_clear(MSG_BATCH_RESULT, &r2);
	return bt_end(&cn, rv);
}

/* A corrected file imported again: the rows stored are FINNS, not errors. */
static int
batch_finns(void)
{
	struct conn		cn;
	struct bt_batch		b;
	struct msg_batch_result	r, r2;
	int			rv = -1;

	memset(&r, 0, sizeof r);
	memset(&r2, 0, sizeof r2);
	if (bt_begin(&cn, "deltagaransv") != 0)
		goto out;
	bt_new(&b, 0);
	bt_in(&b, bt_pnr[3], "2023-02-01");
	bt_in(&b, bt_pnr[4], "2023-02-01")->samtycke = 0;
	bt_in(&b, bt_pnr[5], "2024-02-01");
	if (bt_call(&cn, &b, &r, 0, 0, "first import") != 0 ||
	    r.antal_ok != 2 || r.antal_fel != 1)
		goto out;
	bt_key(&b);
	b.rad[1].rad.samtycke = 1;
	if (bt_call(&cn, &b, &r2, 0, 0, "corrected") != 0 ||
	    bt_stat(&r2, 0, BATCH_FINNS) != 0 ||
	    bt_stat(&r2, 1, BATCH_OK) != 0 || bt_stat(&r2, 2, BATCH_FINNS) != 0)
		goto out;
	CHECK(r2.rader[0].id == r.rader[0].id &&
	    r2.rader[2].id == r.rader[2].id && bt_count("deltagande") == 3 &&
	    bt_count("skriv") == 3 && bt_count("las") == 2,
	    "corrected import: %u participations, %u skriv, %u las",
	    bt_count("deltagande"), bt_count("skriv"), bt_count("las"));
	/* Another start for the same person is an overlap, not FINNS. */
	bt_new(&b, 0);
	bt_in(&b, bt_pnr[3], "2023-03-01");
	if (bt_call(&cn, &b, &r, 0, 0, "overlap") != 0 ||
	    bt_fel(&r, 0, BATCH_FALT_DATUM, 0, ERR_VALIDATION,
	    "deltar redan") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	msg_clear(MSG_BATCH_RESULT, &r2);
	return bt_end(&cn, rv);
}

/*
 * A row the checks pass but a trigger refuses: captured on the row with
 * its cell from the SQLSTATE, and what the row wrote before (the
 * person) undone, the other rows kept.
 */
static int
batch_trigger(void)
{
	struct conn		cn;
	struct bt_batch		b;
	struct msg_batch_result	r;
	int			rv = -1;

	memset(&r, 0, sizeof r);
	if (bt_begin(&cn, "deltagaransv") != 0 || bt_refuse_1899() != 0)
		goto out;
	bt_new(&b, 0);
	bt_in(&b, bt_pnr[0], "2023-02-01");
	bt_in(&b, bt_pnr[3], "2023-02-01");
	bt_in(&b, bt_pnr[5], "2023-02-01");
	if (bt_call(&cn, &b, &r, 0, 0, "trigger") != 0 ||
	    bt_stat(&r, 0, BATCH_OK) != 0 ||
	    bt_fel(&r, 1, BATCH_FALT_PNR, 0, ERR_VALIDATION,
	    "Registrera anonyma deltagare") != 0 ||
	    bt_stat(&r, 2, BATCH_OK) != 0)
		goto out;
	CHECK(bt_count("deltagande") == 2 && bt_count("skriv") == 2 &&
	    integ_sql_u32("SELECT count(*) FROM person WHERE personnummer ="
	    " '%s'", bt_pnr[3]) == 0, "the refused row's person was kept");
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return bt_end(&cn, rv);
}

/* Batches refused as a whole: a bad key, no rows, the wrong callers. */
static int
batch_refused(void)
{
	static const char *const users[] = { "slund", "insatsansv" };
	struct conn		cn;
	struct bt_batch		b;
	struct msg_batch_result	r;
	size_t			i;
	int			rv = -1;

	memset(&r, 0, sizeof r);
	if (bt_begin(&cn, "deltagaransv") != 0)
		goto out;
	bt_new(&b, 0);
	bt_in(&b, bt_pnr[6], "2023-02-01");
	b.key[5] = 'A';
	if (integ_refused(bt_send(&cn, &b, &r), ERR_BAD_REQUEST, "nyckel",
	    "upper-case key") != 0)
		goto out;
	b.key[5] = '0';
	b.key[63] = '\0';
	if (integ_refused(bt_send(&cn, &b, &r), ERR_BAD_REQUEST, "nyckel",
	    "short key") != 0)
		goto out;
	bt_key(&b);
	b.q.nrader = 0;
	if (integ_refused(bt_send(&cn, &b, &r), ERR_BAD_REQUEST, "rader",
	    "no rows") != 0)
		goto out;
	b.q.nrader = 1;
	for (i = 0; i < sizeof users / sizeof users[0]; i++) {
		conn_close(&cn);
		if (case_login(&cn, users[i]) != 0 ||
		    integ_refused(bt_send(&cn, &b, &r), ERR_FORBIDDEN, NULL,
		    users[i]) != 0)
			goto out;
	}
	CHECK(bt_count("deltagande") == 0 && bt_count("batch") == 0,
	    "a refused batch stored something");
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return bt_end(&cn, rv);
}

const struct integ_case cases_batch[] = {
	{ "main", "batch_good", batch_good },
	{ "main", "batch_bad_rows", batch_bad_rows },
	{ "main", "batch_replay", batch_replay },
	{ "main", "batch_dry_run", batch_dry_run },
	{ "main", "batch_race", batch_race },
	{ "main", "batch_dropped", batch_dropped },
	{ "main", "batch_ut", batch_ut },
	{ "main", "batch_finns", batch_finns },
	{ "main", "batch_trigger", batch_trigger },
	{ "main", "batch_refused", batch_refused },
	{ "main", "batch_one_person", batch_one_person },
	{ "main", "batch_rerun", batch_rerun },
	{ "main", "batch_commit_fails", batch_commit_fails },
	{ "main", "batch_other_insats", batch_other_insats },
	{ NULL, NULL, NULL }
};
