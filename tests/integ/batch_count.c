/*
 * Counts imported in batches (issue 7) through the real protocol:
 * MSG_BATCH_ANONYM (anonymous participants per year, rule 43, as
 * MSG_ANONYM_SAVE) and MSG_BATCH_VOLYM (a volyminsats's months, rule 4,
 * as MSG_VOLYM_SAVE of a new month). Good rows are stored while the bad
 * rows of the same batch are refused, each with its cell; the same key
 * again replays the stored outcome and adds nothing; a dry run stores
 * nothing; a volym month already counted is BATCH_FINNS with the same
 * numbers and refused with others; only the roles of the single
 * requests may send them.
 *
 * The cases make their own insatser through psql as the database
 * superuser, named "Integ batchantal ...", and remove them with
 * everything they got with triggers off (session_replication_role =
 * replica), which only a superuser may do and no path through susd can.
 * No personnummer is involved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "integ.h"
#include "msg.h"
#include "proto.h"

#define GBG		"Samordningsförbundet Göteborg"
/* Every fixture's name starts so; the clean-up removes them all. */
#define FX_PREFIX	"Integ batchantal"
#define FX_INSATS	"(SELECT id FROM insats WHERE namn LIKE '" FX_PREFIX \
			"%%')"

/* The insatser a case may ask for, both in Göteborg. */
enum fx_kind {
	FX_PERSON,	/* PERSON from 2020-01-01, deltagaransv's uppdrag */
	FX_ANTAL,	/* a volyminsats from 2023-03-15 */
	FX__COUNT
};

static const struct {
	const char	*namn;
	const char	*start;
	const char	*inriktning;
	const char	*preciserad;
	const char	*metod;
	const char	*malgrupp;
} fx_table[FX__COUNT] = {
	[FX_PERSON] = { FX_PREFIX " personer", "2020-01-01", "INDIVID",
	    "REHAB", "PERSON", "UNGA" },
	[FX_ANTAL] = { FX_PREFIX " volym", "2023-03-15", "STRUKTUR",
	    "NATVERK", "ANTAL", "PERSONAL" },
};

/* One row's expected outcome. */
struct want {
	uint32_t	 radnr;
	uint8_t		 status;
	uint32_t	 falt;
	uint32_t	 kod;
	const char	*text;		/* in the meddelande; NULL: any */
};

/* Removes every fixture and all it got, triggers off; 0 or -1. */
static int
fx_clean(void)
{
	return integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " DELETE FROM import_batch_rad WHERE batch_id IN (SELECT id FROM"
	    " import_batch WHERE insats_id IN " FX_INSATS ");"
	    " DELETE FROM import_batch WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM anonym_deltagande WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM volym_antal WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM uppdrag WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM insats_malgrupp WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM insats WHERE namn LIKE '" FX_PREFIX "%%'");
}

/* Creates a categorised insats of kind k; its id or 0. */
static uint32_t
fx_make(enum fx_kind k)
{
	uint32_t	iid;

	iid = integ_sql_u32("WITH i AS (INSERT INTO insats"
	    " (samverkansorg_id, namn, startdatum, inriktning_id,"
	    " preciserad_id, matningsmetod_id) SELECT s.id, '%s', DATE '%s',"
	    " (SELECT id FROM kod WHERE lista = 'inriktning' AND kod = '%s'),"
	    " (SELECT id FROM kod WHERE lista = 'preciserad_inriktning'"
	    " AND kod = '%s'),"
	    " (SELECT id FROM kod WHERE lista = 'matningsmetod' AND kod = '%s')"
	    " FROM samverkansorg s WHERE s.namn = '" GBG "' RETURNING id),"
	    " m AS (INSERT INTO insats_malgrupp (insats_id, malgrupp_id)"
	    " SELECT i.id, k.id FROM i, kod k WHERE k.lista = 'malgrupp'"
	    " AND k.kod = '%s')"
	    " SELECT id FROM i", fx_table[k].namn, fx_table[k].start,
	    fx_table[k].inriktning, fx_table[k].preciserad, fx_table[k].metod,
	    fx_table[k].malgrupp);
	if (iid == 0 || k != FX_PERSON)
		return iid;
	if (integ_sql(NULL, 0, "INSERT INTO uppdrag (anvandare_id, roll,"
	    " insats_id, giltig_from) SELECT a.id, 'deltagaransvarig', %u,"
	    " current_date FROM anvandare a WHERE a.username = 'deltagaransv'",
	    iid) != 0)
		return 0;
	return iid;
}

/* Cleans, makes insats kind k into *iid and logs in as user; 0 or -1. */
static int
begin(struct conn *cn, const char *user, enum fx_kind k, uint32_t *iid)
{
	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
	if (fx_clean() != 0 || (*iid = fx_make(k)) == 0)
		return -1;
	return case_login(cn, user) != 0 ? -1 : 0;
}

/* Cleans up and closes; returns rv. */
static int
end(struct conn *cn, int rv)
{
	if (fx_clean() != 0)
		rv = -1;
	if (cn->fd != -1)
		conn_close(cn);
	return rv;
}

/* A key no batch has had: the process, the time and a counter. */
static void
new_key(char *key, size_t len)
{
	static unsigned	n;

	snprintf(key, len, "%08x%08x%048x", (unsigned)getpid(),
	    (unsigned)time(NULL), ++n);
}

/* MSG_BATCH_ANONYM into *r (cleared by the caller); as integ_call(). */
static int
send_anonym(struct conn *cn, uint32_t iid, const char *key, uint8_t flaggor,
    struct batch_anonym_rad *rader, uint32_t n, struct msg_batch_result *r)
{
	struct msg_batch_anonym	q;

	memset(r, 0, sizeof *r);
	memset(&q, 0, sizeof q);
	q.insats_id = iid;
	q.nyckel = (char *)key;
	q.flaggor = flaggor;
	q.nrader = n;
	q.rader = rader;
	return integ_call(cn, MSG_BATCH_ANONYM, &q, MSG_BATCH_RESULT, r);
}

/* MSG_BATCH_VOLYM into *r (cleared by the caller); as integ_call(). */
static int
send_volym(struct conn *cn, uint32_t iid, const char *key, uint8_t flaggor,
    struct batch_volym_rad *rader, uint32_t n, struct msg_batch_result *r)
{
	struct msg_batch_volym	q;

	memset(r, 0, sizeof *r);
	memset(&q, 0, sizeof q);
	q.insats_id = iid;
	q.nyckel = (char *)key;
	q.flaggor = flaggor;
	q.nrader = n;
	q.rader = rader;
	return integ_call(cn, MSG_BATCH_VOLYM, &q, MSG_BATCH_RESULT, r);
}

/*
 * Checks a result's rows against w, in order, and its counts: a stored
 * row has an id, a refused one none, a code, the cell and the text
 * wanted. 0, or -1 after fail().
 */
static int
check_rows(const struct msg_batch_result *r, const struct want *w, size_t n,
    const char *what)
{
	const struct batch_resultat_rad	*g;
	uint32_t			 cnt[3] = { 0, 0, 0 };
	size_t				 i;

	if (r->nrader != n)
		return fail("%s: %u rows in the result, %zu sent", what,
		    r->nrader, n);
	for (i = 0; i < n; i++) {
		g = &r->rader[i];
		cnt[w[i].status]++;
		if (g->radnr != w[i].radnr || g->status != w[i].status)
			return fail("%s: row %zu is radnr %u status %u (%s), "
			    "want %u status %u", what, i, g->radnr, g->status,
			    g->meddelande, w[i].radnr, w[i].status);
		if (g->status == BATCH_FEL && (g->id != 0 ||
		    g->kod != w[i].kod || g->falt != w[i].falt))
			return fail("%s: rad %u refused with id %u kod %u falt "
			    "%u (%s), want kod %u falt %u", what, g->radnr,
			    g->id, g->kod, g->falt, g->meddelande, w[i].kod,
			    w[i].falt);
		if (g->status != BATCH_FEL && (g->id == 0 || g->kod != 0))
			return fail("%s: rad %u kept with id %u kod %u", what,
			    g->radnr, g->id, g->kod);
		if (w[i].text != NULL && strstr(g->meddelande, w[i].text) ==
		    NULL)
			return fail("%s: rad %u said \"%s\", want \"%s\"", what,
			    g->radnr, g->meddelande, w[i].text);
	}
	if (r->antal_ok != cnt[BATCH_OK] || r->antal_fel != cnt[BATCH_FEL] ||
	    r->antal_finns != cnt[BATCH_FINNS])
		return fail("%s: counts %u ok %u fel %u finns, want %u/%u/%u",
		    what, r->antal_ok, r->antal_fel, r->antal_finns,
		    cnt[BATCH_OK], cnt[BATCH_FEL], cnt[BATCH_FINNS]);
	return 0;
}

/* This year as the database sees it. */
static uint32_t
this_year(void)
{
	return integ_sql_u32("SELECT extract(year FROM current_date)::integer");
}

/* The anonymous participants of kön kon (K, M) in insats iid, year ar. */
static uint32_t
anonym_sum(uint32_t iid, uint32_t ar, const char *kon)
{
	return integ_sql_u32("SELECT coalesce(sum(a.antal), 0) FROM"
	    " anonym_deltagande a JOIN kod k ON k.id = a.kon_id"
	    " WHERE a.insats_id = %u AND a.ar = %u AND k.kod = '%s'", iid, ar,
	    kon);
}

static uint32_t
anonym_rows(uint32_t iid)
{
	return integ_sql_u32("SELECT count(*) FROM anonym_deltagande"
	    " WHERE insats_id = %u", iid);
}

static uint32_t
volym_rows(uint32_t iid)
{
	return integ_sql_u32("SELECT count(*) FROM volym_antal"
	    " WHERE insats_id = %u", iid);
}

/* Batches stored under key, and their rows. */
static uint32_t
stored(const char *key)
{
	return integ_sql_u32("SELECT count(*) FROM import_batch"
	    " WHERE nyckel = '%s'", key);
}

/*
 * A good anonymous batch: each row adds its women and men to its year
 * (one anonym_deltagande row per kön with a number, each audited), the
 * batch and its outcomes are stored under the key, as the sender's.
 */
static int
batch_anonym_stored(void)
{
	struct conn		 cn;
	struct msg_batch_result	 r;
	struct batch_anonym_rad	 rader[3];
	struct want		 w[3];
	char			 key[SUS_BATCH_KEY_LEN + 1];
	uint32_t		 iid, ar, i;
	int			 rv = -1;

	memset(&r, 0, sizeof r);
	memset(rader, 0, sizeof rader);
	memset(w, 0, sizeof w);
	if ((ar = this_year()) == 0 ||
	    begin(&cn, "deltagaransv", FX_PERSON, &iid) != 0)
		goto out;
	rader[0] = (struct batch_anonym_rad){ 2, 2021, 3, 2 };
	rader[1] = (struct batch_anonym_rad){ 3, 2022, 0, 4 };
	rader[2] = (struct batch_anonym_rad){ 5, ar, 1, 0 };
	for (i = 0; i < 3; i++)
		w[i] = (struct want){ rader[i].radnr, BATCH_OK, 0, 0, NULL };
	new_key(key, sizeof key);
	CHECK(send_anonym(&cn, iid, key, 0, rader, 3, &r) == 0, "batch: %s",
	    integ_last_err);
	if (check_rows(&r, w, 3, "good batch") != 0)
		goto out;
	CHECK(r.upprepad == 0 && r.provkorning == 0 &&
	    strcmp(r.nyckel, key) == 0 && r.utford[0] != '\0',
	    "upprepad %u provkorning %u nyckel %s utford \"%s\"", r.upprepad,
	    r.provkorning, r.nyckel, r.utford);
	CHECK(anonym_sum(iid, 2021, "K") == 3 && anonym_sum(iid, 2021, "M") ==
	    2 && anonym_sum(iid, 2022, "K") == 0 &&
	    anonym_sum(iid, 2022, "M") == 4 && anonym_sum(iid, ar, "K") == 1 &&
	    anonym_sum(iid, ar, "M") == 0, "the sums are not as sent");
	CHECK(anonym_rows(iid) == 4, "%u rows for 3 batch rows of 4 numbers",
	    anonym_rows(iid));
	for (i = 0; i < 3; i++)
		CHECK(integ_sql_u32("SELECT count(*) FROM anonym_deltagande"
		    " WHERE id = %u AND insats_id = %u AND ar = %u",
		    r.rader[i].id, iid, rader[i].ar) == 1,
		    "rad %u's id %u is not its row", r.rader[i].radnr,
		    r.rader[i].id);
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE object_type ="
	    " 'anonym_deltagande' AND action = 'insert'"
	    " AND (detail->'new'->>'insats_id')::integer = %u", iid) == 4,
	    "not one audit row per row added");
	CHECK(integ_sql_u32("SELECT count(*) FROM import_batch b"
	    " JOIN anvandare a ON a.id = b.anvandare_id"
	    " WHERE b.nyckel = '%s' AND a.username = 'deltagaransv'"
	    " AND b.typ = 'anonym' AND b.insats_id = %u AND b.antal_ok = 3"
	    " AND b.antal_fel = 0 AND b.antal_finns = 0", key, iid) == 1,
	    "the batch is not stored as the sender's");
	CHECK(integ_sql_u32("SELECT count(*) FROM import_batch_rad r"
	    " JOIN import_batch b ON b.id = r.batch_id WHERE b.nyckel = '%s'"
	    " AND r.status = 0", key) == 3, "the outcomes are not stored");
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return end(&cn, rv);
}

/*
 * Bad rows (rule 43's years, the counts, a missing year) are refused
 * with their cell while the good rows of the same batch are stored; the
 * same key again replays the outcome and adds nothing.
 */
static int
batch_anonym_refused(void)
{
	struct conn		 cn;
	struct msg_batch_result	 r, again;
	struct batch_anonym_rad	 rader[7];
	char			 key[SUS_BATCH_KEY_LEN + 1];
	uint32_t		 iid, ar;
	int			 rv = -1;

	memset(&r, 0, sizeof r);
	memset(&again, 0, sizeof again);
	if ((ar = this_year()) == 0 ||
	    begin(&cn, "deltagaransv", FX_PERSON, &iid) != 0)
		goto out;
	rader[0] = (struct batch_anonym_rad){ 10, 2021, 1, 1 };
	rader[1] = (struct batch_anonym_rad){ 11, 2019, 1, 0 };
	rader[2] = (struct batch_anonym_rad){ 12, ar + 1, 1, 0 };
	rader[3] = (struct batch_anonym_rad){ 13, 2021, 10001, 0 };
	rader[4] = (struct batch_anonym_rad){ 14, 2021, 0, 0 };
	rader[5] = (struct batch_anonym_rad){ 15, 0, 1, 1 };
	rader[6] = (struct batch_anonym_rad){ 16, 2022, 2, 0 };
	{
		const struct want w[7] = {
			{ 10, BATCH_OK, 0, 0, NULL },
			{ 11, BATCH_FEL, BATCH_FALT_AR, ERR_VALIDATION,
			    "År 2019 är före insatsens start (2020-01-01)" },
			{ 12, BATCH_FEL, BATCH_FALT_AR, ERR_VALIDATION,
			    "har inte börjat" },
			{ 13, BATCH_FEL, BATCH_FALT_ANTAL, ERR_VALIDATION,
			    "högst 10 000" },
			{ 14, BATCH_FEL, BATCH_FALT_ANTAL, ERR_VALIDATION,
			    "minst en deltagare" },
			{ 15, BATCH_FEL, BATCH_FALT_AR, ERR_VALIDATION,
			    "Ange året" },
			{ 16, BATCH_OK, 0, 0, NULL },
		};

		new_key(key, sizeof key);
		CHECK(send_anonym(&cn, iid, key, 0, rader, 7, &r) == 0,
		    "batch: %s", integ_last_err);
		if (check_rows(&r, w, 7, "mixed batch") != 0)
			goto out;
		CHECK(anonym_sum(iid, 2021, "K") == 1 &&
		    anonym_sum(iid, 2021, "M") == 1 &&
		    anonym_sum(iid, 2022, "K") == 2 && anonym_rows(iid) == 3,
		    "stored: 2021 %u+%u, 2022 %u, %u rows",
		    anonym_sum(iid, 2021, "K"), anonym_sum(iid, 2021, "M"),
		    anonym_sum(iid, 2022, "K"), anonym_rows(iid));
		CHECK(send_anonym(&cn, iid, key, 0, rader, 7, &again) == 0,
		    "the same batch again: %s", integ_last_err);
		CHECK(again.upprepad == 1 && strcmp(again.utford, r.utford) ==
		    0, "sent again: upprepad %u, utford %s then %s",
		    again.upprepad, r.utford, again.utford);
		if (check_rows(&again, w, 7, "replay") != 0)
			goto out;
		CHECK(again.rader[0].id == r.rader[0].id &&
		    again.rader[6].id == r.rader[6].id,
		    "the replay names other rows");
	}
	CHECK(anonym_rows(iid) == 3 && anonym_sum(iid, 2021, "K") == 1 &&
	    anonym_sum(iid, 2022, "K") == 2, "the replay added: %u rows",
	    anonym_rows(iid));
	CHECK(stored(key) == 1, "%u batches under one key", stored(key));
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &again);
	msg_clear(MSG_BATCH_RESULT, &r);
	return end(&cn, rv);
}

/*
 * A dry run checks every row the same way and stores nothing: no
 * counts, no batch, and the key stays unused.
 */
static int
batch_count_dry_run(void)
{
	struct conn		 cn;
	struct msg_batch_result	 r;
	struct batch_anonym_rad	 an[2];
	struct batch_volym_rad	 vo[2];
	char			 key[SUS_BATCH_KEY_LEN + 1];
	uint32_t		 iid;
	int			 rv = -1;
	const struct want	 wa[2] = {
		{ 2, BATCH_OK, 0, 0, NULL },
		{ 3, BATCH_FEL, BATCH_FALT_AR, ERR_VALIDATION, "2019" },
	};
	const struct want	 wv[2] = {
		{ 2, BATCH_OK, 0, 0, NULL },
		{ 3, BATCH_FEL, BATCH_FALT_PERIOD, ERR_VALIDATION, "ÅÅÅÅ-MM" },
	};

	memset(&r, 0, sizeof r);
	memset(vo, 0, sizeof vo);
	if (begin(&cn, "deltagaransv", FX_PERSON, &iid) != 0)
		goto out;
	an[0] = (struct batch_anonym_rad){ 2, 2021, 3, 2 };
	an[1] = (struct batch_anonym_rad){ 3, 2019, 1, 1 };
	new_key(key, sizeof key);
	CHECK(send_anonym(&cn, iid, key, BATCH_F_DRY_RUN, an, 2, &r) == 0,
	    "anonym dry run: %s", integ_last_err);
	if (check_rows(&r, wa, 2, "anonym dry run") != 0)
		goto out;
	CHECK(r.provkorning == 1 && r.upprepad == 0, "provkorning %u "
	    "upprepad %u", r.provkorning, r.upprepad);
	CHECK(anonym_rows(iid) == 0 && stored(key) == 0,
	    "the dry run stored %u rows, %u batches", anonym_rows(iid),
	    stored(key));
	msg_clear(MSG_BATCH_RESULT, &r);
	conn_close(&cn);
	cn.fd = -1;
	if (fx_clean() != 0 || (iid = fx_make(FX_ANTAL)) == 0 ||
	    case_login(&cn, "insatsansv") != 0)
		goto out;
	vo[0] = (struct batch_volym_rad){ 2, (char *)"2023-04", 3, 2, 1,
	    (char *)"" };
	vo[1] = (struct batch_volym_rad){ 3, (char *)"2023-4", 3, 2, 1,
	    (char *)"" };
	new_key(key, sizeof key);
	CHECK(send_volym(&cn, iid, key, BATCH_F_DRY_RUN, vo, 2, &r) == 0,
	    "volym dry run: %s", integ_last_err);
	if (check_rows(&r, wv, 2, "volym dry run") != 0)
		goto out;
	CHECK(r.provkorning == 1, "volym: provkorning %u", r.provkorning);
	CHECK(volym_rows(iid) == 0 && stored(key) == 0,
	    "the dry run stored %u months, %u batches", volym_rows(iid),
	    stored(key));
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return end(&cn, rv);
}

/*
 * Volym months: good months stored; a bad period, a month before the
 * insats, one not begun, a count over the limit and a kommentar too long
 * refused with their cell. A month the batch already counted is
 * BATCH_FINNS with the same numbers and refused, naming the month, with
 * others; nothing is ever replaced by a batch.
 */
static int
batch_volym_months(void)
{
	struct conn		 cn;
	struct msg_batch_result	 r, b2, again;
	struct batch_volym_rad	 vo[10];
	char			 key[SUS_BATCH_KEY_LEN + 1];
	char			 next[16], lang[256];
	uint32_t		 iid, mars = 0;
	int			 rv = -1;

	memset(&r, 0, sizeof r);
	memset(&b2, 0, sizeof b2);
	memset(&again, 0, sizeof again);
	memset(vo, 0, sizeof vo);
	memset(lang, 'x', 201);
	lang[201] = '\0';
	if (begin(&cn, "insatsansv", FX_ANTAL, &iid) != 0 ||
	    integ_sql(next, sizeof next, "SELECT to_char(current_date"
	    " + interval '1 month', 'YYYY-MM')") != 0)
		goto out;
	vo[0] = (struct batch_volym_rad){ 2, (char *)"2023-03", 5, 4, 1,
	    (char *)"" };
	vo[1] = (struct batch_volym_rad){ 3, (char *)"2023-04", 2, 2, 0,
	    (char *)"Från enkäten" };
	vo[2] = (struct batch_volym_rad){ 4, (char *)"2023-4", 1, 1, 0,
	    (char *)"" };
	vo[3] = (struct batch_volym_rad){ 5, (char *)"2023-02", 1, 1, 0,
	    (char *)"" };
	vo[4] = (struct batch_volym_rad){ 6, next, 1, 1, 0, (char *)"" };
	vo[5] = (struct batch_volym_rad){ 7, (char *)"2023-05", 2000000, 0,
	    0, (char *)"" };
	vo[6] = (struct batch_volym_rad){ 8, (char *)"2023-06", 1, 0, 0,
	    lang };
	vo[7] = (struct batch_volym_rad){ 9, (char *)"2023-07", 3, 0, 0,
	    (char *)"" };
	vo[8] = (struct batch_volym_rad){ 10, (char *)"2023-07", 3, 0, 0,
	    (char *)"" };
	vo[9] = (struct batch_volym_rad){ 11, (char *)"2023-07", 4, 0, 0,
	    (char *)"" };
	{
		const struct want w[10] = {
			{ 2, BATCH_OK, 0, 0, NULL },
			{ 3, BATCH_OK, 0, 0, NULL },
			{ 4, BATCH_FEL, BATCH_FALT_PERIOD, ERR_VALIDATION,
			    "Ange månaden som ÅÅÅÅ-MM" },
			{ 5, BATCH_FEL, BATCH_FALT_PERIOD, ERR_VALIDATION,
			    "februari 2023: insatsen " FX_PREFIX " volym pågår "
			    "2023-03-15 – tills vidare" },
			{ 6, BATCH_FEL, BATCH_FALT_PERIOD, ERR_VALIDATION,
			    "inte har börjat" },
			{ 7, BATCH_FEL, BATCH_FALT_ANTAL, ERR_VALIDATION,
			    "högst 1 000 000" },
			{ 8, BATCH_FEL, BATCH_FALT_KOMMENTAR, ERR_VALIDATION,
			    "Kommentaren" },
			{ 9, BATCH_OK, 0, 0, NULL },
			{ 10, BATCH_FINNS, 0, 0, NULL },
			{ 11, BATCH_FEL, BATCH_FALT_PERIOD, ERR_CONFLICT,
			    "Antalet för juli 2023 är redan registrerat med "
			    "andra siffror (3 kvinnor, 0 män, 0 okänt kön)" },
		};

		new_key(key, sizeof key);
		CHECK(send_volym(&cn, iid, key, 0, vo, 10, &r) == 0,
		    "batch: %s", integ_last_err);
		if (check_rows(&r, w, 10, "first batch") != 0)
			goto out;
	}
	CHECK(r.rader[8].id == r.rader[7].id, "FINNS names row %u, not %u",
	    r.rader[8].id, r.rader[7].id);
	mars = r.rader[0].id;
	CHECK(volym_rows(iid) == 3 && integ_sql_u32("SELECT count(*) FROM"
	    " volym_antal WHERE insats_id = %u AND ersatt IS NULL AND"
	    " ((period = '2023-03-01' AND kvinnor = 5 AND man = 4 AND"
	    " okant = 1 AND id = %u) OR (period = '2023-04-01' AND"
	    " kvinnor = 2 AND man = 2 AND kommentar = 'Från enkäten') OR"
	    " (period = '2023-07-01' AND kvinnor = 3))", iid, mars) == 3,
	    "stored %u months, not March, April and July as sent",
	    volym_rows(iid));
	/* The file again with April changed and August added. */
	vo[0].radnr = 2;
	vo[1] = (struct batch_volym_rad){ 3, (char *)"2023-04", 3, 2, 0,
	    (char *)"" };
	vo[2] = (struct batch_volym_rad){ 4, (char *)"2023-08", 1, 1, 1,
	    (char *)"" };
	{
		const struct want w[3] = {
			{ 2, BATCH_FINNS, 0, 0, NULL },
			{ 3, BATCH_FEL, BATCH_FALT_PERIOD, ERR_CONFLICT,
			    "Antalet för april 2023 är redan registrerat med "
			    "andra siffror (2 kvinnor, 2 män, 0 okänt kön)" },
			{ 4, BATCH_OK, 0, 0, NULL },
		};

		new_key(key, sizeof key);
		CHECK(send_volym(&cn, iid, key, 0, vo, 3, &b2) == 0,
		    "second batch: %s", integ_last_err);
		if (check_rows(&b2, w, 3, "second batch") != 0)
			goto out;
		CHECK(b2.rader[0].id == mars, "March FINNS as %u, stored as %u",
		    b2.rader[0].id, mars);
		CHECK(send_volym(&cn, iid, key, 0, vo, 3, &again) == 0,
		    "second batch again: %s", integ_last_err);
		CHECK(again.upprepad == 1, "not a replay");
		if (check_rows(&again, w, 3, "replay") != 0)
			goto out;
	}
	CHECK(volym_rows(iid) == 4 && integ_sql_u32("SELECT count(*) FROM"
	    " volym_antal WHERE insats_id = %u AND (ersatt IS NOT NULL OR"
	    " ersatter IS NOT NULL OR (period = '2023-04-01' AND"
	    " kvinnor <> 2))", iid) == 0,
	    "%u months; a batch replaced or changed one", volym_rows(iid));
	CHECK(stored(key) == 1, "%u batches under one key", stored(key));
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &again);
	msg_clear(MSG_BATCH_RESULT, &b2);
	msg_clear(MSG_BATCH_RESULT, &r);
	return end(&cn, rv);
}

/*
 * Only the single requests' callers: a deltagaransvarig with an
 * uppdrag on the insats for anonymous counts, the insatsansvarig of its
 * organisation for volym. The others are refused before any row runs.
 */
static int
batch_count_who(void)
{
	struct conn		 cn;
	struct msg_batch_result	 r;
	struct batch_anonym_rad	 an[1] = { { 2, 2021, 1, 1 } };
	struct batch_volym_rad	 vo[1];
	char			 key[SUS_BATCH_KEY_LEN + 1];
	uint32_t		 person, antal;
	int			 rv = -1;

	memset(&r, 0, sizeof r);
	vo[0] = (struct batch_volym_rad){ 2, (char *)"2023-04", 1, 1, 0,
	    (char *)"" };
	if (begin(&cn, "deltagaransv", FX_PERSON, &person) != 0 ||
	    (antal = fx_make(FX_ANTAL)) == 0)
		goto out;
	new_key(key, sizeof key);
	if (integ_refused(send_volym(&cn, antal, key, 0, vo, 1, &r),
	    ERR_FORBIDDEN, "behörighet", "deltagaransv on volym") != 0)
		goto out;
	conn_close(&cn);
	cn.fd = -1;
	if (case_login(&cn, "insatsansv") != 0)
		goto out;
	if (integ_refused(send_anonym(&cn, person, key, 0, an, 1, &r),
	    ERR_FORBIDDEN, "behörighet", "insatsansv on anonym") != 0)
		goto out;
	conn_close(&cn);
	cn.fd = -1;
	if (case_login(&cn, "slund") != 0)
		goto out;
	if (integ_refused(send_anonym(&cn, person, key, 0, an, 1, &r),
	    ERR_FORBIDDEN, "behörighet", "slund (no uppdrag) on anonym") != 0)
		goto out;
	CHECK(anonym_rows(person) == 0 && volym_rows(antal) == 0 &&
	    stored(key) == 0, "a refused caller stored something");
	rv = 0;
out:
	msg_clear(MSG_BATCH_RESULT, &r);
	return end(&cn, rv);
}

const struct integ_case cases_batch_count[] = {
	{ "main", "batch_anonym_stored", batch_anonym_stored },
	{ "main", "batch_anonym_refused", batch_anonym_refused },
	{ "main", "batch_count_dry_run", batch_count_dry_run },
	{ "main", "batch_volym_months", batch_volym_months },
	{ "main", "batch_count_who", batch_count_who },
	{ NULL, NULL, NULL }
};
