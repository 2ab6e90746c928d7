/*
 * Registrera antal i volyminsats (domain.md 2.6(c), rules 4 and 29)
 * through the real protocol: counts only on a volyminsats, only for
 * months within the insats that have begun, a correction only with a
 * reason and against the row the caller saw, history that nothing can
 * change or delete, the audit trail, and who may do it.
 *
 * The cases make their own insatser through psql as the database
 * superuser, named "Integ volym ...", so they depend on nothing of the
 * demo data but the organisations, the codes and the users. History
 * cannot be deleted through the schema (SU044), so the clean-up runs
 * with triggers off (session_replication_role = replica), which only a
 * superuser may do and no path through susd can.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "integ.h"
#include "msg.h"
#include "proto.h"

#define GBG		"Samordningsförbundet Göteborg"
#define STHLM		"Samordningsförbundet Stockholms stad"
/* Every fixture's name starts so; the clean-up removes them all. */
#define FX_PREFIX	"Integ volym"

/* The insatser a case may ask for. */
enum fx_kind {
	FX_OPEN,	/* Göteborg, ANTAL, from 2023-03-15, open */
	FX_ENDED,	/* Göteborg, ANTAL, 2020-01-01 to 2021-06-30 */
	FX_PERSON,	/* Göteborg, PERSON: not a volyminsats */
	FX_STHLM,	/* Stockholms stad, ANTAL */
	FX__COUNT
};

static const struct {
	const char	*samorg;
	const char	*namn;
	const char	*start;		/* SQL */
	const char	*slut;		/* SQL */
	const char	*inriktning;
	const char	*preciserad;
	const char	*metod;
} fx_table[FX__COUNT] = {
	[FX_OPEN] = { GBG, FX_PREFIX " öppen", "DATE '2023-03-15'", "NULL",
	    "STRUKTUR", "NATVERK", "ANTAL" },
	[FX_ENDED] = { GBG, FX_PREFIX " avslutad", "DATE '2020-01-01'",
	    "DATE '2021-06-30'", "STRUKTUR", "NATVERK", "ANTAL" },
	[FX_PERSON] = { GBG, FX_PREFIX " personer", "DATE '2023-01-01'",
	    "NULL", "INDIVID", "REHAB", "PERSON" },
	[FX_STHLM] = { STHLM, FX_PREFIX " Stockholm", "s.startdatum", "NULL",
	    "STRUKTUR", "NATVERK", "ANTAL" },
};

/* Removes every fixture and its counts, triggers off; 0 or -1. */
static int
fx_clean(void)
{
	return integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " DELETE FROM volym_antal WHERE insats_id IN (SELECT id FROM"
	    " insats WHERE namn LIKE '" FX_PREFIX "%%');"
	    " DELETE FROM insats_malgrupp WHERE insats_id IN (SELECT id FROM"
	    " insats WHERE namn LIKE '" FX_PREFIX "%%');"
	    " DELETE FROM insats WHERE namn LIKE '" FX_PREFIX "%%'");
}

/* Creates a categorised insats with målgrupp Personal; its id or 0. */
static uint32_t
fx_make(enum fx_kind k)
{
	return integ_sql_u32("WITH i AS (INSERT INTO insats"
	    " (samverkansorg_id, namn, startdatum, slutdatum, inriktning_id,"
	    " preciserad_id, matningsmetod_id) SELECT s.id, '%s', %s, %s,"
	    " (SELECT id FROM kod WHERE lista = 'inriktning' AND kod = '%s'),"
	    " (SELECT id FROM kod WHERE lista = 'preciserad_inriktning'"
	    " AND kod = '%s'),"
	    " (SELECT id FROM kod WHERE lista = 'matningsmetod' AND kod = '%s')"
	    " FROM samverkansorg s WHERE s.namn = '%s' RETURNING id),"
	    " m AS (INSERT INTO insats_malgrupp (insats_id, malgrupp_id)"
	    " SELECT i.id, k.id FROM i, kod k WHERE k.lista = 'malgrupp'"
	    " AND k.kod = 'PERSONAL')"
	    " SELECT id FROM i", fx_table[k].namn, fx_table[k].start,
	    fx_table[k].slut, fx_table[k].inriktning, fx_table[k].preciserad,
	    fx_table[k].metod, fx_table[k].samorg);
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

/* MSG_VOLYM_GET into *v (cleared by the caller); as integ_call(). */
static int
get(struct conn *cn, uint32_t iid, uint32_t ar, struct msg_volym *v)
{
	struct msg_volym_get	q;

	memset(v, 0, sizeof *v);
	q.insats_id = iid;
	q.ar = ar;
	return integ_call(cn, MSG_VOLYM_GET, &q, MSG_VOLYM, v);
}

/* MSG_VOLYM_SAVE of one month; as integ_call(), the text in integ_last_ok. */
static int
save(struct conn *cn, uint32_t iid, const char *period, uint32_t ersatter,
    uint32_t k, uint32_t m, uint32_t o, const char *kommentar)
{
	struct msg_volym_save	q;

	memset(&q, 0, sizeof q);
	q.insats_id = iid;
	q.period = (char *)period;
	q.ersatter = ersatter;
	q.kvinnor = k;
	q.man = m;
	q.okant = o;
	q.kommentar = (char *)kommentar;
	return integ_call(cn, MSG_VOLYM_SAVE, &q, MSG_OK, NULL);
}

/* Rows the insats has, current and replaced. */
static uint32_t
rows(uint32_t iid)
{
	return integ_sql_u32("SELECT count(*) FROM volym_antal"
	    " WHERE insats_id = %u", iid);
}

/* Rule 29: no counts on an insats that registers persons. */
static int
volym_not_volyminsats(void)
{
	struct conn		cn;
	struct msg_volym	v;
	uint32_t		iid;
	int			rv = -1;

	memset(&v, 0, sizeof v);
	if (begin(&cn, "insatsansv", FX_PERSON, &iid) != 0)
		goto out;
	if (integ_refused(save(&cn, iid, "2024-05", 0, 3, 2, 0, ""),
	    ERR_VALIDATION, "är ingen volyminsats", "SAVE on PERSON") != 0 ||
	    integ_refused(get(&cn, iid, 0, &v), ERR_VALIDATION,
	    "är ingen volyminsats", "GET on PERSON") != 0)
		goto out;
	CHECK(strstr(integ_last_err, fx_table[FX_PERSON].namn) != NULL,
	    "the refusal does not name the insats: %s", integ_last_err);
	CHECK(rows(iid) == 0, "a count was stored on a PERSON insats");
	if (integ_refused(save(&cn, 2000000000u, "2024-05", 0, 1, 1, 0, ""),
	    ERR_FORBIDDEN, NULL, "SAVE on no insats") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_VOLYM, &v);
	return end(&cn, rv);
}

/* Rule 4: nothing before the insats's start; its first month works. */
static int
volym_before_start(void)
{
	struct conn		cn;
	struct msg_volym	v;
	uint32_t		iid;
	int			rv = -1;

	memset(&v, 0, sizeof v);
	if (begin(&cn, "insatsansv", FX_OPEN, &iid) != 0)
		goto out;
	if (integ_refused(save(&cn, iid, "2023-02", 0, 3, 2, 0, ""),
	    ERR_VALIDATION, "pågår 2023-03-15 – tills vidare",
	    "month before the start") != 0)
		goto out;
	CHECK(strstr(integ_last_err, "februari 2023") != NULL,
	    "the refusal does not name the month: %s", integ_last_err);
	if (integ_refused(get(&cn, iid, 2022, &v), ERR_VALIDATION,
	    "2023-03-15", "GET of the year before") != 0 ||
	    integ_refused(save(&cn, iid, "2023-3", 0, 1, 1, 0, ""),
	    ERR_VALIDATION, "ÅÅÅÅ-MM", "period 2023-3") != 0 ||
	    integ_refused(save(&cn, iid, "2023-13", 0, 1, 1, 0, ""),
	    ERR_VALIDATION, "ÅÅÅÅ-MM", "period 2023-13") != 0)
		goto out;
	CHECK(rows(iid) == 0, "a refused month was stored");
	CHECK(save(&cn, iid, "2023-03", 0, 3, 2, 0, "") == 0,
	    "the start month: %s", integ_last_err);
	CHECK(strcmp(integ_last_ok, "Antalet för mars 2023 är sparat.") == 0,
	    "OK said \"%s\"", integ_last_ok);
	CHECK(integ_last_ok_id != 0 && integ_sql_u32("SELECT count(*) FROM"
	    " volym_antal WHERE id = %u AND insats_id = %u AND period ="
	    " '2023-03-01' AND kvinnor = 3 AND man = 2 AND okant = 0"
	    " AND ersatt IS NULL AND ersatter IS NULL AND registrerad_av ="
	    " (SELECT id FROM anvandare WHERE username = 'insatsansv')",
	    integ_last_ok_id, iid) == 1, "row %u not stored as sent",
	    integ_last_ok_id);
	rv = 0;
out:
	msg_clear(MSG_VOLYM, &v);
	return end(&cn, rv);
}

/* Rule 4: nothing after the insats's end; its last month works. */
static int
volym_after_end(void)
{
	struct conn		cn;
	struct msg_volym	v;
	uint32_t		iid;
	int			rv = -1;

	memset(&v, 0, sizeof v);
	if (begin(&cn, "insatsansv", FX_ENDED, &iid) != 0)
		goto out;
	if (integ_refused(save(&cn, iid, "2021-07", 0, 3, 2, 0, ""),
	    ERR_VALIDATION, "pågår 2020-01-01 – 2021-06-30",
	    "month after the end") != 0 ||
	    integ_refused(get(&cn, iid, 2022, &v), ERR_VALIDATION,
	    "2021-06-30", "GET of the year after") != 0)
		goto out;
	CHECK(strstr(integ_last_err, "2022") != NULL, "GET refusal does not "
	    "name the year: %s", integ_last_err);
	CHECK(rows(iid) == 0, "a month after the end was stored");
	CHECK(save(&cn, iid, "2021-06", 0, 0, 0, 4, "Bara okänt kön") == 0,
	    "the last month: %s", integ_last_err);
	/* No year asked: the nearest the insats has. */
	CHECK(get(&cn, iid, 0, &v) == 0, "GET: %s", integ_last_err);
	CHECK(v.ar == 2021 && v.forsta_ar == 2020 && v.sista_ar == 2021,
	    "ended insats: ar %u, span %u-%u", v.ar, v.forsta_ar, v.sista_ar);
	CHECK(strcmp(v.startdatum, "2020-01-01") == 0 &&
	    strcmp(v.slutdatum, "2021-06-30") == 0 &&
	    strcmp(v.insats, fx_table[FX_ENDED].namn) == 0 &&
	    strcmp(v.samorg, GBG) == 0, "context: %s, %s, %s-%s", v.insats,
	    v.samorg, v.startdatum, v.slutdatum);
	CHECK(v.nrader == 1 && v.rader[0].okant == 4 && v.rader[0].aktuell &&
	    strcmp(v.rader[0].period, "2021-06") == 0 &&
	    strcmp(v.rader[0].kommentar, "Bara okänt kön") == 0,
	    "%u rows read back", v.nrader);
	rv = 0;
out:
	msg_clear(MSG_VOLYM, &v);
	return end(&cn, rv);
}

/* A month that has not begun takes no counts; this month does. */
static int
volym_future_month(void)
{
	struct conn		cn;
	struct msg_volym	v;
	char			next[16], now[16];
	uint32_t		iid, ar;
	int			rv = -1;

	memset(&v, 0, sizeof v);
	if (begin(&cn, "insatsansv", FX_OPEN, &iid) != 0 ||
	    integ_sql(next, sizeof next, "SELECT to_char(current_date"
	    " + interval '1 month', 'YYYY-MM')") != 0 ||
	    integ_sql(now, sizeof now, "SELECT to_char(current_date,"
	    " 'YYYY-MM')") != 0)
		goto out;
	if (integ_refused(save(&cn, iid, next, 0, 3, 2, 0, ""),
	    ERR_VALIDATION, "Antal kan inte registreras för en månad som "
	    "inte har börjat.", "next month") != 0)
		goto out;
	CHECK(rows(iid) == 0, "next month was stored");
	CHECK(save(&cn, iid, now, 0, 7, 1, 0, "") == 0, "this month: %s",
	    integ_last_err);
	ar = (uint32_t)strtoul(now, NULL, 10);
	CHECK(get(&cn, iid, 0, &v) == 0, "GET: %s", integ_last_err);
	CHECK(v.ar == ar && v.forsta_ar == 2023 && v.sista_ar == 0 &&
	    v.slutdatum[0] == '\0', "open insats: ar %u (want %u), span "
	    "%u-%u", v.ar, ar, v.forsta_ar, v.sista_ar);
	CHECK(v.nrader == 1 && strcmp(v.rader[0].period, now) == 0,
	    "this month not read back");
	rv = 0;
out:
	msg_clear(MSG_VOLYM, &v);
	return end(&cn, rv);
}

/* Counts and kommentar within the table's limits, said in Swedish. */
static int
volym_limits(void)
{
	struct conn	cn;
	char		text[420];
	uint32_t	iid;
	int		i, rv = -1;

	if (begin(&cn, "insatsansv", FX_OPEN, &iid) != 0)
		goto out;
	if (integ_refused(save(&cn, iid, "2023-06", 0, 1000001, 0, 0, ""),
	    ERR_VALIDATION, "högst 1 000 000", "1 000 001 kvinnor") != 0 ||
	    integ_refused(save(&cn, iid, "2023-06", 0, 0, 0, 1000001, ""),
	    ERR_VALIDATION, "högst 1 000 000", "1 000 001 okänt") != 0)
		goto out;
	/* 201 characters fit the message only when each is one byte. */
	memset(text, 'a', 201);
	text[201] = '\0';
	if (integ_refused(save(&cn, iid, "2023-06", 0, 1, 1, 0, text),
	    ERR_VALIDATION, "högst 200 tecken", "201 characters") != 0 ||
	    integ_refused(save(&cn, iid, "2023-06", 0, 1, 1, 0, "två\nrader"),
	    ERR_VALIDATION, "radbrytningar", "a newline") != 0)
		goto out;
	CHECK(rows(iid) == 0, "a refused count was stored");
	for (i = 0, text[0] = '\0'; i < 200; i++)
		strcat(text, "å");
	CHECK(save(&cn, iid, "2023-06", 0, 1000000, 1000000, 1000000,
	    text) == 0, "the largest counts and 200 å: %s", integ_last_err);
	rv = 0;
out:
	return end(&cn, rv);
}

/* A correction needs a reason and a change; a first one needs neither. */
static int
volym_correction_reason(void)
{
	struct conn	cn;
	uint32_t	iid, first;
	int		rv = -1;

	if (begin(&cn, "insatsansv", FX_OPEN, &iid) != 0)
		goto out;
	CHECK(save(&cn, iid, "2023-09", 0, 10, 4, 0, "") == 0,
	    "first registration: %s", integ_last_err);
	first = integ_last_ok_id;
	if (integ_refused(save(&cn, iid, "2023-09", first, 12, 4, 0, ""),
	    ERR_VALIDATION, "Ange orsak till rättelsen.", "no reason") != 0 ||
	    integ_refused(save(&cn, iid, "2023-09", first, 12, 4, 0, "   "),
	    ERR_VALIDATION, "Ange orsak till rättelsen.", "blank reason") != 0 ||
	    integ_refused(save(&cn, iid, "2023-09", first, 10, 4, 0,
	    "Kontrollerat"), ERR_VALIDATION, "ingen ändring",
	    "the same counts") != 0)
		goto out;
	CHECK(rows(iid) == 1 && integ_sql_u32("SELECT count(*) FROM"
	    " volym_antal WHERE id = %u AND ersatt IS NULL AND kvinnor = 10",
	    first) == 1, "a refused correction changed the month");
	CHECK(save(&cn, iid, "2023-09", first, 12, 4, 0, "Närvarolistan") == 0,
	    "correction with a reason: %s", integ_last_err);
	CHECK(strcmp(integ_last_ok, "Antalet för september 2023 är rättat.")
	    == 0, "OK said \"%s\"", integ_last_ok);
	rv = 0;
out:
	return end(&cn, rv);
}

/* ersatter must name the month's current row: else a conflict. */
static int
volym_stale_conflict(void)
{
	struct conn	cn;
	uint32_t	iid, first, second;
	int		rv = -1;

	if (begin(&cn, "insatsansv", FX_OPEN, &iid) != 0)
		goto out;
	CHECK(save(&cn, iid, "2023-10", 0, 5, 5, 0, "") == 0, "first: %s",
	    integ_last_err);
	first = integ_last_ok_id;
	/* Two users saw no count: the second to save must not overwrite. */
	if (integ_refused(save(&cn, iid, "2023-10", 0, 6, 5, 0, ""),
	    ERR_CONFLICT, "Antalet för oktober 2023 har ändrats sedan du "
	    "hämtade det", "second first registration") != 0)
		goto out;
	CHECK(save(&cn, iid, "2023-10", first, 6, 5, 0, "Sen anmälan") == 0,
	    "correction: %s", integ_last_err);
	second = integ_last_ok_id;
	if (integ_refused(save(&cn, iid, "2023-10", first, 7, 5, 0,
	    "Från en gammal bild"), ERR_CONFLICT, "har ändrats sedan du "
	    "hämtade det", "correction of the replaced row") != 0)
		goto out;
	/* A current row of another month is not this month's. */
	CHECK(save(&cn, iid, "2023-11", 0, 1, 1, 0, "") == 0, "November: %s",
	    integ_last_err);
	if (integ_refused(save(&cn, iid, "2023-10", integ_last_ok_id, 7, 5, 0,
	    "Fel månad"), ERR_CONFLICT, "oktober 2023",
	    "ersatter of another month") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM volym_antal WHERE insats_id"
	    " = %u AND period = '2023-10-01' AND ersatt IS NULL AND id = %u"
	    " AND kvinnor = 6", iid, second) == 1 && rows(iid) == 3,
	    "the month's current row is not the correction");
	rv = 0;
out:
	return end(&cn, rv);
}

/* Finds the GET row with id; NULL when missing. */
static const struct volym_rad *
find_rad(const struct msg_volym *v, uint32_t id)
{
	uint32_t	i;

	for (i = 0; i < v->nrader; i++) {
		if (v->rader[i].id == id)
			return &v->rader[i];
	}
	return NULL;
}

/* Checks the order of GET: current rows by month, then replaced newest. */
static int
check_order(const struct msg_volym *v, uint32_t r03, uint32_t r04b,
    uint32_t r05, uint32_t r04a)
{
	static const char *const periods[4] = { "2023-03", "2023-04",
	    "2023-05", "2023-04" };
	const uint32_t	ids[4] = { r03, r04b, r05, r04a };
	uint32_t	i;

	if (v->nrader != 4)
		return fail("GET: %u rows, want 4", v->nrader);
	for (i = 0; i < 4; i++) {
		if (v->rader[i].id != ids[i] ||
		    strcmp(v->rader[i].period, periods[i]) != 0 ||
		    v->rader[i].aktuell != (i < 3))
			return fail("GET row %u: id %u %s aktuell %u, want id "
			    "%u %s", i, v->rader[i].id, v->rader[i].period,
			    v->rader[i].aktuell, ids[i], periods[i]);
	}
	return 0;
}

/*
 * A correction keeps the history: the old row stays as it was, marked
 * ersatt, GET shows both, and each change leaves its audit row.
 */
static int
volym_history_kept(void)
{
	struct conn		 cn;
	struct msg_volym	 v;
	const struct volym_rad	*old, *cur;
	char			 namn[256], before[512], after[512];
	uint32_t		 iid, uid;
	uint32_t		 r03 = 0, r04a = 0, r04b = 0, r05 = 0;
	int			 rv = -1;

	memset(&v, 0, sizeof v);
	if (begin(&cn, "insatsansv", FX_OPEN, &iid) != 0 ||
	    (uid = integ_sql_u32("SELECT id FROM anvandare"
	    " WHERE username = 'insatsansv'")) == 0 ||
	    integ_sql(namn, sizeof namn, "SELECT fornamn || ' ' || efternamn"
	    " FROM anvandare WHERE id = %u", uid) != 0)
		goto out;
	CHECK(save(&cn, iid, "2023-05", 0, 2, 2, 0, "") == 0 &&
	    (r05 = integ_last_ok_id) != 0, "May: %s", integ_last_err);
	CHECK(save(&cn, iid, "2023-04", 0, 8, 3, 1, "Från listan") == 0 &&
	    (r04a = integ_last_ok_id) != 0, "April: %s", integ_last_err);
	CHECK(save(&cn, iid, "2023-03", 0, 1, 0, 0, "") == 0 &&
	    (r03 = integ_last_ok_id) != 0, "March: %s", integ_last_err);
	if (integ_sql(before, sizeof before, "SELECT row(v.*)::text FROM"
	    " volym_antal v WHERE id = %u", r04a) != 0)
		goto out;
	CHECK(save(&cn, iid, "2023-04", r04a, 9, 3, 1, "En deltagare saknades")
	    == 0 && (r04b = integ_last_ok_id) != 0, "correction: %s",
	    integ_last_err);
	CHECK(rows(iid) == 4, "%u rows after the correction, want 4",
	    rows(iid));
	if (integ_sql(after, sizeof after, "SELECT row(v.id, v.insats_id,"
	    " v.period, v.kvinnor, v.man, v.okant, v.kommentar, v.ersatter,"
	    " v.registrerad_av, v.registrerad, NULL::timestamptz)::text FROM"
	    " volym_antal v WHERE id = %u AND ersatt IS NOT NULL", r04a) != 0)
		goto out;
	CHECK(strcmp(before, after) == 0, "the replaced row changed: %s / %s",
	    before, after);

	CHECK(get(&cn, iid, 2023, &v) == 0, "GET: %s", integ_last_err);
	if (check_order(&v, r03, r04b, r05, r04a) != 0)
		goto out;
	old = find_rad(&v, r04a);
	cur = find_rad(&v, r04b);
	CHECK(old->kvinnor == 8 && old->man == 3 && old->okant == 1 &&
	    strcmp(old->kommentar, "Från listan") == 0 && old->ersatter == 0,
	    "old row read back: %u/%u/%u", old->kvinnor, old->man, old->okant);
	CHECK(cur->kvinnor == 9 && cur->ersatter == r04a &&
	    strcmp(cur->kommentar, "En deltagare saknades") == 0,
	    "new row: %u, ersatter %u", cur->kvinnor, cur->ersatter);
	CHECK(strlen(cur->registrerad) == 16 && cur->registrerad[10] == ' ' &&
	    cur->registrerad[13] == ':' &&
	    strcmp(cur->registrerad_av, namn) == 0,
	    "registrerad \"%s\" av \"%s\", want %s", cur->registrerad,
	    cur->registrerad_av, namn);
	msg_clear(MSG_VOLYM, &v);
	CHECK(get(&cn, iid, 2024, &v) == 0 && v.nrader == 0,
	    "2024 shows %u rows of 2023", v.nrader);

	/* The audit trail: the insert, the mark and the correction. */
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE object_type ="
	    " 'volym_antal' AND action = 'insert' AND object_id IN"
	    " (%u, %u, %u, %u) AND anvandare_id = %u"
	    " AND session_id ~ '^[0-9a-f]{16}$'", r03, r04a, r04b, r05, uid)
	    == 4, "not one insert audit row per count");
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE object_type ="
	    " 'volym_antal' AND action = 'update' AND object_id = %u"
	    " AND anvandare_id = %u AND detail->'old'->>'ersatt' IS NULL"
	    " AND detail->'new'->>'ersatt' IS NOT NULL"
	    " AND detail->'new'->>'kvinnor' = '8'", r04a, uid) == 1,
	    "no audit row for marking the old count ersatt");
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE object_type ="
	    " 'volym_antal' AND object_id = %u AND action = 'insert'"
	    " AND detail->'new'->>'ersatter' = '%u'", r04b, r04a) == 1,
	    "the correction's audit row does not name the old row");
	rv = 0;
out:
	msg_clear(MSG_VOLYM, &v);
	return end(&cn, rv);
}

/* Runs sql as the superuser and prints its SQLSTATE, or "ok". */
static int
try_sql(char *out, size_t len, const char *sql)
{
	return integ_sql(out, len, "CREATE FUNCTION pg_temp.volym_try(q text)"
	    " RETURNS text LANGUAGE plpgsql AS $f$ BEGIN EXECUTE q;"
	    " RETURN 'ok'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END"
	    " $f$; SELECT pg_temp.volym_try($q$%s$q$)", sql);
}

/* SU044: even the database superuser cannot rewrite or drop history. */
static int
volym_history_locked(void)
{
	struct conn	cn;
	char		sql[256], state[64], before[512], after[512];
	uint32_t	iid, first = 0, second = 0;
	int		rv = -1;

	if (begin(&cn, "insatsansv", FX_OPEN, &iid) != 0)
		goto out;
	CHECK(save(&cn, iid, "2023-12", 0, 4, 4, 0, "") == 0 &&
	    (first = integ_last_ok_id) != 0, "first: %s", integ_last_err);
	CHECK(save(&cn, iid, "2023-12", first, 5, 4, 0, "Rättat") == 0 &&
	    (second = integ_last_ok_id) != 0, "correction: %s",
	    integ_last_err);
	if (integ_sql(before, sizeof before, "SELECT string_agg(row(v.*)::text,"
	    " ';' ORDER BY id) FROM volym_antal v WHERE insats_id = %u",
	    iid) != 0)
		goto out;
	snprintf(sql, sizeof sql, "UPDATE volym_antal SET kvinnor = 99"
	    " WHERE id = %u", first);
	CHECK(try_sql(state, sizeof state, sql) == 0 &&
	    strcmp(state, "SU044") == 0, "UPDATE of a replaced row: %s", state);
	snprintf(sql, sizeof sql, "UPDATE volym_antal SET kvinnor = 99"
	    " WHERE id = %u", second);
	CHECK(try_sql(state, sizeof state, sql) == 0 &&
	    strcmp(state, "SU044") == 0, "UPDATE of the current row: %s",
	    state);
	snprintf(sql, sizeof sql, "UPDATE volym_antal SET ersatt = NULL"
	    " WHERE id = %u", first);
	CHECK(try_sql(state, sizeof state, sql) == 0 &&
	    strcmp(state, "SU044") == 0, "ersatt taken back: %s", state);
	snprintf(sql, sizeof sql, "DELETE FROM volym_antal WHERE id IN (%u, %u)",
	    first, second);
	CHECK(try_sql(state, sizeof state, sql) == 0 &&
	    strcmp(state, "SU044") == 0, "DELETE: %s", state);
	if (integ_sql(after, sizeof after, "SELECT string_agg(row(v.*)::text,"
	    " ';' ORDER BY id) FROM volym_antal v WHERE insats_id = %u",
	    iid) != 0)
		goto out;
	CHECK(strcmp(before, after) == 0, "history changed: %s / %s", before,
	    after);
	rv = 0;
out:
	return end(&cn, rv);
}

/* Expects GET and SAVE on iid refused for the logged-in user. */
static int
forbidden(struct conn *cn, uint32_t iid, const char *who)
{
	struct msg_volym	v;
	char			what[128];
	int			r;

	snprintf(what, sizeof what, "%s GET", who);
	r = integ_refused(get(cn, iid, 0, &v), ERR_FORBIDDEN, "behörighet",
	    what);
	msg_clear(MSG_VOLYM, &v);
	if (r != 0)
		return -1;
	snprintf(what, sizeof what, "%s SAVE", who);
	return integ_refused(save(cn, iid, "2023-04", 0, 1, 1, 0, ""),
	    ERR_FORBIDDEN, "behörighet", what);
}

/*
 * Only an insatsansvarig of the insats's organisation (matrix: not the
 * superadministratör, samverkansadministratör or deltagaransvarig).
 */
static int
volym_who(void)
{
	static const char *const users[] = { "admin", "samadm",
	    "deltagaransv", "nberg", "rapport" };
	struct conn	cn;
	uint32_t	iid, sthlm;
	size_t		i;
	int		rv = -1;

	if (begin(&cn, "insatsansv", FX_OPEN, &iid) != 0 ||
	    (sthlm = fx_make(FX_STHLM)) == 0)
		goto out;
	/* Another förbund's volyminsats. */
	if (forbidden(&cn, sthlm, "insatsansv on Stockholm") != 0)
		goto out;
	CHECK(rows(sthlm) == 0, "a count was stored in Stockholm");
	for (i = 0; i < sizeof users / sizeof users[0]; i++) {
		conn_close(&cn);
		if (case_login(&cn, users[i]) != 0 ||
		    forbidden(&cn, iid, users[i]) != 0)
			goto out;
	}
	CHECK(rows(iid) == 0, "a refused caller stored a count");
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE action ="
	    " 'denied' AND anvandare_id = (SELECT id FROM anvandare"
	    " WHERE username = 'admin') AND detail->>'request' = '%d'",
	    MSG_VOLYM_SAVE) >= 1,
	    "no denied audit row for the superadministratör");
	rv = 0;
out:
	return end(&cn, rv);
}

const struct integ_case cases_volym[] = {
	{ "main", "volym_not_volyminsats", volym_not_volyminsats },
	{ "main", "volym_before_start", volym_before_start },
	{ "main", "volym_after_end", volym_after_end },
	{ "main", "volym_future_month", volym_future_month },
	{ "main", "volym_limits", volym_limits },
	{ "main", "volym_correction_reason", volym_correction_reason },
	{ "main", "volym_stale_conflict", volym_stale_conflict },
	{ "main", "volym_history_kept", volym_history_kept },
	{ "main", "volym_history_locked", volym_history_locked },
	{ "main", "volym_who", volym_who },
	{ NULL, NULL, NULL }
};
