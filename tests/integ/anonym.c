/*
 * Registrera anonyma deltagare (domain.md 2.6(b), rules 35 and 43)
 * through the real protocol: women and men added per insats and year,
 * the year's sums, each batch with who registered it, years only within
 * the insats and begun, counts within the table's limits, only on an
 * insats categorised to register persons, only for a deltagaransvarig
 * with an uppdrag on the insats, and nothing stored but insats, year,
 * kön and antal (with who and when).
 *
 * The main case uses the demo's Steget vidare, where deltagaransv has
 * his uppdrag; the others make their own insatser through psql as the
 * database superuser, named "Integ anonym ...", each with an uppdrag for
 * deltagaransv. Rows a case adds are removed again with triggers off
 * (session_replication_role = replica), so the audit trail of the
 * clean-up does not mix with the rows checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "integ.h"
#include "msg.h"
#include "proto.h"

#define GBG		"Samordningsförbundet Göteborg"
#define STEGET		"Steget vidare"
/* Every fixture's name starts so; the clean-up removes them all. */
#define FX_PREFIX	"Integ anonym"
#define FX_INSATS	"(SELECT id FROM insats WHERE namn LIKE '" FX_PREFIX \
			"%%')"

/* The insatser a case may ask for, each with deltagaransv's uppdrag. */
enum fx_kind {
	FX_ENDED,	/* PERSON, 2020-01-01 to 2021-06-30 */
	FX_OKAT,	/* not categorised */
	FX_ANTAL,	/* a volyminsats: the uppdrag only with triggers off */
	FX__COUNT
};

static const struct {
	const char	*namn;
	const char	*slut;		/* SQL */
	const char	*metod;		/* NULL: not categorised */
} fx_table[FX__COUNT] = {
	[FX_ENDED] = { FX_PREFIX " avslutad", "DATE '2021-06-30'", "PERSON" },
	[FX_OKAT] = { FX_PREFIX " okategoriserad", "NULL", NULL },
	[FX_ANTAL] = { FX_PREFIX " volym", "NULL", "ANTAL" },
};

/* Removes every fixture, its rows and uppdrag, triggers off; 0 or -1. */
static int
fx_clean(void)
{
	return integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " DELETE FROM anonym_deltagande WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM uppdrag WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM insats_malgrupp WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM insats WHERE namn LIKE '" FX_PREFIX "%%'");
}

/* Creates insats kind k in Göteborg from 2020; its id or 0. */
static uint32_t
fx_make(enum fx_kind k)
{
	uint32_t	iid;

	if (fx_table[k].metod == NULL)
		iid = integ_sql_u32("INSERT INTO insats (samverkansorg_id,"
		    " namn, startdatum, slutdatum) SELECT s.id, '%s',"
		    " DATE '2020-01-01', %s FROM samverkansorg s"
		    " WHERE s.namn = '" GBG "' RETURNING id",
		    fx_table[k].namn, fx_table[k].slut);
	else
		iid = integ_sql_u32("WITH i AS (INSERT INTO insats"
		    " (samverkansorg_id, namn, startdatum, slutdatum,"
		    " inriktning_id, preciserad_id, matningsmetod_id)"
		    " SELECT s.id, '%s', DATE '2020-01-01', %s,"
		    " (SELECT id FROM kod WHERE lista = 'inriktning'"
		    " AND kod = 'INDIVID'),"
		    " (SELECT id FROM kod WHERE lista = 'preciserad_inriktning'"
		    " AND kod = 'REHAB'),"
		    " (SELECT id FROM kod WHERE lista = 'matningsmetod'"
		    " AND kod = '%s')"
		    " FROM samverkansorg s WHERE s.namn = '" GBG "'"
		    " RETURNING id),"
		    " m AS (INSERT INTO insats_malgrupp (insats_id,"
		    " malgrupp_id) SELECT i.id, k.id FROM i, kod k"
		    " WHERE k.lista = 'malgrupp' AND k.kod = 'UNGA')"
		    " SELECT id FROM i", fx_table[k].namn, fx_table[k].slut,
		    fx_table[k].metod);
	if (iid == 0)
		return 0;
	/*
	 * A volyminsats has no deltagaransvariga (SU036): only with the
	 * triggers off can one get there, to reach susd's own check.
	 */
	if (integ_sql(NULL, 0, "%s INSERT INTO uppdrag (anvandare_id, roll,"
	    " insats_id, giltig_from) SELECT a.id, 'deltagaransvarig', %u,"
	    " current_date FROM anvandare a WHERE a.username = 'deltagaransv'",
	    k == FX_ANTAL ? "SET session_replication_role = replica;" : "",
	    iid) != 0)
		return 0;
	return iid;
}

/* Steget vidare's id. */
static uint32_t
steget(void)
{
	return integ_sql_u32("SELECT i.id FROM insats i JOIN samverkansorg s"
	    " ON s.id = i.samverkansorg_id WHERE s.namn = '" GBG "'"
	    " AND i.namn = '" STEGET "'");
}

/* The highest anonym_deltagande id so far; rows above it are a case's. */
static uint32_t
max_id(void)
{
	return integ_sql_u32("SELECT coalesce(max(id), 0) FROM"
	    " anonym_deltagande");
}

/* Removes the rows above first of insats iid, triggers off; 0 or -1. */
static int
drop_rows(uint32_t iid, uint32_t first)
{
	return integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " DELETE FROM anonym_deltagande WHERE insats_id = %u AND id > %u",
	    iid, first);
}

/* This year as the database sees it. */
static uint32_t
this_year(void)
{
	return integ_sql_u32("SELECT extract(year FROM current_date)::integer");
}

/* Logs in as user on a fresh connection; 0 or -1. */
static int
begin(struct conn *cn, const char *user)
{
	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
	return case_login(cn, user) != 0 ? -1 : 0;
}

/* Cleans up the fixtures and closes; returns rv. */
static int
end(struct conn *cn, int rv)
{
	if (fx_clean() != 0)
		rv = -1;
	if (cn->fd != -1)
		conn_close(cn);
	return rv;
}

/* MSG_ANONYM_GET into *a (cleared by the caller); as integ_call(). */
static int
get(struct conn *cn, uint32_t iid, uint32_t ar, struct msg_anonym *a)
{
	struct msg_anonym_get	q;

	memset(a, 0, sizeof *a);
	memset(&q, 0, sizeof q);
	q.insats_id = iid;
	q.ar = ar;
	return integ_call(cn, MSG_ANONYM_GET, &q, MSG_ANONYM, a);
}

/* MSG_ANONYM_SAVE; as integ_call(), the text in integ_last_ok. */
static int
save(struct conn *cn, uint32_t iid, uint32_t ar, uint32_t k, uint32_t m)
{
	struct msg_anonym_save	q;

	memset(&q, 0, sizeof q);
	q.insats_id = iid;
	q.ar = ar;
	q.kvinnor = k;
	q.man = m;
	return integ_call(cn, MSG_ANONYM_SAVE, &q, MSG_OK, NULL);
}

/* Rows the insats has above first. */
static uint32_t
rows(uint32_t iid, uint32_t first)
{
	return integ_sql_u32("SELECT count(*) FROM anonym_deltagande"
	    " WHERE insats_id = %u AND id > %u", iid, first);
}

/* Counts the batch rows of a reply registered by name with kön kon. */
static uint32_t
batch_sum(const struct msg_anonym *a, const char *kon, const char *name)
{
	uint32_t	i, n = 0;

	for (i = 0; i < a->nrader; i++) {
		if (strcmp(a->rader[i].kon, kon) == 0 &&
		    strcmp(a->rader[i].registrerad_av, name) == 0)
			n += a->rader[i].antal;
	}
	return n;
}

/* Checks what the table holds: no column beyond insats, year, kön, antal. */
static int
only_counts(void)
{
	char	cols[512];

	if (integ_sql(cols, sizeof cols, "SELECT string_agg(column_name, ','"
	    " ORDER BY column_name) FROM information_schema.columns"
	    " WHERE table_name = 'anonym_deltagande'") != 0)
		return -1;
	if (strcmp(cols, "antal,ar,id,insats_id,kon_id,kon_lista,"
	    "registrerad,registrerad_av") != 0)
		return fail("anonym_deltagande has columns %s", cols);
	return 0;
}

/*
 * Two saves as deltagaransv on Steget vidare: the sums add up, each
 * batch shows who registered it, each save adds one row per kön with a
 * number, and the rows hold only insats, year, kön and antal. Ordinary
 * audit rows, no personal-data audit.
 */
static int
anonym_save_get(void)
{
	struct conn		cn;
	struct msg_anonym	a0, a;
	char			want[128], namn[256];
	uint32_t		iid, first, ar, uid, pd;
	int			rv = -1;

	memset(&a0, 0, sizeof a0);
	memset(&a, 0, sizeof a);
	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	first = max_id();
	if ((iid = steget()) == 0 || (ar = this_year()) == 0 ||
	    begin(&cn, "deltagaransv") != 0 ||
	    integ_sql(namn, sizeof namn, "SELECT fornamn || ' ' || efternamn"
	    " FROM anvandare WHERE username = 'deltagaransv'") != 0 ||
	    (uid = integ_sql_u32("SELECT id FROM anvandare WHERE"
	    " username = 'deltagaransv'")) == 0)
		goto out;
	pd = integ_sql_u32("SELECT count(*) FROM audit_person");
	CHECK(get(&cn, iid, 0, &a0) == 0, "GET: %s", integ_last_err);
	CHECK(a0.ar == ar && a0.forsta_ar == 2020 && a0.sista_ar == ar &&
	    strcmp(a0.insats, STEGET) == 0 && strcmp(a0.samorg, GBG) == 0,
	    "GET: %s (%s) %u, span %u-%u", a0.insats, a0.samorg, a0.ar,
	    a0.forsta_ar, a0.sista_ar);
	CHECK(save(&cn, iid, ar, 3, 2) == 0, "save 3+2: %s", integ_last_err);
	snprintf(want, sizeof want, "3 kvinnor och 2 män registrerade för %u.",
	    ar);
	CHECK(strcmp(integ_last_ok, want) == 0, "OK said \"%s\"",
	    integ_last_ok);
	CHECK(rows(iid, first) == 2, "3+2 gave %u rows", rows(iid, first));
	CHECK(save(&cn, iid, 0, 1, 0) == 0, "save 1+0: %s", integ_last_err);
	CHECK(rows(iid, first) == 3, "a save of women only added %u rows",
	    rows(iid, first) - 2);
	CHECK(get(&cn, iid, ar, &a) == 0, "GET again: %s", integ_last_err);
	CHECK(a.kvinnor == a0.kvinnor + 4 && a.man == a0.man + 2,
	    "sums %u/%u after %u/%u + 4/2", a.kvinnor, a.man, a0.kvinnor,
	    a0.man);
	CHECK(a.nrader == a0.nrader + 3, "%u batch rows, %u before",
	    a.nrader, a0.nrader);
	/* Newest first: the save of one woman, then 3 women, 2 men. */
	CHECK(a.rader[0].antal == 1 && strcmp(a.rader[0].kon, "Kvinna") == 0 &&
	    strcmp(a.rader[1].kon, "Kvinna") == 0 && a.rader[1].antal == 3 &&
	    strcmp(a.rader[2].kon, "Man") == 0 && a.rader[2].antal == 2,
	    "batches read back as %s %u, %s %u, %s %u", a.rader[0].kon,
	    a.rader[0].antal, a.rader[1].kon, a.rader[1].antal,
	    a.rader[2].kon, a.rader[2].antal);
	CHECK(batch_sum(&a, "Kvinna", namn) >= 4 &&
	    batch_sum(&a, "Man", namn) >= 2 &&
	    strncmp(a.rader[0].registrerad, a.rader[2].registrerad, 4) == 0 &&
	    strlen(a.rader[0].registrerad) == 16,
	    "registrerad_av \"%s\" / registrerad \"%s\"",
	    a.rader[0].registrerad_av, a.rader[0].registrerad);
	CHECK(integ_sql_u32("SELECT count(*) FROM anonym_deltagande a"
	    " JOIN kod k ON k.id = a.kon_id WHERE a.insats_id = %u"
	    " AND a.id > %u AND a.ar = %u AND a.registrerad_av = %u AND ((k.kod = 'K'"
	    " AND a.antal IN (3, 1)) OR (k.kod = 'M' AND a.antal = 2))",
	    iid, first, ar, uid) == 3, "the rows are not as sent");
	if (only_counts() != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE object_type ="
	    " 'anonym_deltagande' AND action = 'insert' AND anvandare_id = %u"
	    " AND object_id > %u AND (detail->'new'->>'insats_id')::integer"
	    " = %u", uid, first, iid) == 3, "no audit row per row added");
	CHECK(integ_sql_u32("SELECT count(*) FROM audit_person") == pd,
	    "anonymous counts wrote personal-data audit rows");
	rv = 0;
out:
	msg_clear(MSG_ANONYM, &a0);
	msg_clear(MSG_ANONYM, &a);
	if (iid != 0 && drop_rows(iid, first) != 0)
		rv = -1;
	return end(&cn, rv);
}

/* Rule 43: no year before the insats, none not yet begun. */
static int
anonym_years(void)
{
	struct conn		cn;
	struct msg_anonym	a;
	char			span[32];
	uint32_t		iid, first, ar;
	int			rv = -1;

	memset(&a, 0, sizeof a);
	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	first = max_id();
	if ((iid = steget()) == 0 || (ar = this_year()) == 0 ||
	    begin(&cn, "deltagaransv") != 0)
		goto out;
	snprintf(span, sizeof span, "2020–%u", ar);
	if (integ_refused(save(&cn, iid, 2019, 3, 2), ERR_VALIDATION,
	    "År 2019 är före insatsens start (2020-01-01)", "2019") != 0)
		goto out;
	CHECK(strstr(integ_last_err, span) != NULL, "no range in \"%s\"",
	    integ_last_err);
	if (integ_refused(get(&cn, iid, 2019, &a), ERR_VALIDATION, span,
	    "GET 2019") != 0)
		goto out;
	msg_clear(MSG_ANONYM, &a);
	if (integ_refused(save(&cn, iid, ar + 1, 3, 2), ERR_VALIDATION,
	    "har inte börjat", "next year") != 0)
		goto out;
	CHECK(strstr(integ_last_err, span) != NULL, "no range in \"%s\"",
	    integ_last_err);
	if (integ_refused(get(&cn, iid, ar + 1, &a), ERR_VALIDATION,
	    "har inte börjat", "GET next year") != 0)
		goto out;
	msg_clear(MSG_ANONYM, &a);
	CHECK(rows(iid, first) == 0, "a refused year was stored");
	rv = 0;
out:
	msg_clear(MSG_ANONYM, &a);
	return end(&cn, rv);
}

/* Rule 43 at the other end: nothing after the insats ended. */
static int
anonym_after_end(void)
{
	struct conn		cn;
	struct msg_anonym	a;
	uint32_t		iid;
	int			rv = -1;

	memset(&a, 0, sizeof a);
	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	if (fx_clean() != 0 || (iid = fx_make(FX_ENDED)) == 0 ||
	    begin(&cn, "deltagaransv") != 0)
		goto out;
	if (integ_refused(save(&cn, iid, 2022, 1, 1), ERR_VALIDATION,
	    "År 2022 är efter insatsens slut (2021-06-30). Välj ett år "
	    "2020–2021.", "2022") != 0)
		goto out;
	CHECK(rows(iid, 0) == 0, "a year after the end was stored");
	/* No year asked: the last the insats has. */
	CHECK(get(&cn, iid, 0, &a) == 0, "GET: %s", integ_last_err);
	CHECK(a.ar == 2021 && a.forsta_ar == 2020 && a.sista_ar == 2021 &&
	    a.kvinnor == 0 && a.man == 0 && a.nrader == 0,
	    "ended insats: ar %u, span %u-%u, %u rows", a.ar, a.forsta_ar,
	    a.sista_ar, a.nrader);
	CHECK(save(&cn, iid, 2021, 0, 5) == 0, "the last year: %s",
	    integ_last_err);
	CHECK(integ_sql_u32("SELECT count(*) FROM anonym_deltagande a"
	    " JOIN kod k ON k.id = a.kon_id WHERE a.insats_id = %u"
	    " AND a.ar = 2021 AND k.kod = 'M' AND a.antal = 5", iid) == 1 &&
	    rows(iid, 0) == 1, "men only: not one row of 5 men");
	rv = 0;
out:
	msg_clear(MSG_ANONYM, &a);
	return end(&cn, rv);
}

/* Counts: at least one, at most 10 000 per kön. */
static int
anonym_counts(void)
{
	struct conn	cn;
	uint32_t	iid, first;
	int		rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	first = max_id();
	if ((iid = steget()) == 0 || begin(&cn, "deltagaransv") != 0)
		goto out;
	if (integ_refused(save(&cn, iid, 0, 0, 0), ERR_VALIDATION,
	    "minst en deltagare", "0 + 0") != 0 ||
	    integ_refused(save(&cn, iid, 0, 10001, 0), ERR_VALIDATION,
	    "högst 10 000", "10 001 kvinnor") != 0 ||
	    integ_refused(save(&cn, iid, 0, 1, 10001), ERR_VALIDATION,
	    "högst 10 000", "10 001 män") != 0)
		goto out;
	CHECK(rows(iid, first) == 0, "a refused count was stored");
	CHECK(save(&cn, iid, 0, 10000, 10000) == 0, "10 000 of each: %s",
	    integ_last_err);
	CHECK(rows(iid, first) == 2, "10 000 + 10 000 not stored");
	rv = 0;
out:
	if (iid != 0 && drop_rows(iid, first) != 0)
		rv = -1;
	return end(&cn, rv);
}

/*
 * Rules 26 and 29: only on an insats categorised to register persons.
 * A deltagaransvarig may hold an uppdrag on one not yet categorised; on
 * a volyminsats he cannot (SU036), so the demo's is refused by the
 * request table and a fixture made with triggers off reaches susd's
 * own check.
 */
static int
anonym_not_person(void)
{
	struct conn		cn;
	struct msg_anonym	a;
	uint32_t		okat, antal, nat;
	int			rv = -1;

	memset(&a, 0, sizeof a);
	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	if (fx_clean() != 0 || (okat = fx_make(FX_OKAT)) == 0 ||
	    (antal = fx_make(FX_ANTAL)) == 0 ||
	    (nat = integ_sql_u32("SELECT id FROM insats WHERE namn ="
	    " 'Nätverksträffar Göteborg'")) == 0 ||
	    begin(&cn, "deltagaransv") != 0)
		goto out;
	if (integ_refused(save(&cn, okat, 0, 3, 2), ERR_VALIDATION,
	    "Insatsen " FX_PREFIX " okategoriserad är inte kategoriserad",
	    "uncategorised SAVE") != 0 ||
	    integ_refused(get(&cn, okat, 0, &a), ERR_VALIDATION,
	    "inte kategoriserad", "uncategorised GET") != 0)
		goto out;
	msg_clear(MSG_ANONYM, &a);
	if (integ_refused(save(&cn, antal, 0, 3, 2), ERR_VALIDATION,
	    "Insatsen " FX_PREFIX " volym är en volyminsats",
	    "volyminsats SAVE") != 0 ||
	    integ_refused(get(&cn, antal, 0, &a), ERR_VALIDATION,
	    "volyminsats", "volyminsats GET") != 0)
		goto out;
	msg_clear(MSG_ANONYM, &a);
	if (integ_refused(save(&cn, nat, 0, 3, 2), ERR_FORBIDDEN,
	    "behörighet", "Nätverksträffar SAVE") != 0)
		goto out;
	CHECK(rows(okat, 0) + rows(antal, 0) + rows(nat, 0) == 0,
	    "anonymous participants stored where none belong");
	rv = 0;
out:
	msg_clear(MSG_ANONYM, &a);
	return end(&cn, rv);
}

/* Expects GET and SAVE on iid refused for the logged-in user. */
static int
forbidden(struct conn *cn, uint32_t iid, const char *who)
{
	struct msg_anonym	a;
	char			what[128];
	int			r;

	snprintf(what, sizeof what, "%s GET", who);
	r = integ_refused(get(cn, iid, 0, &a), ERR_FORBIDDEN, "behörighet",
	    what);
	msg_clear(MSG_ANONYM, &a);
	if (r != 0)
		return -1;
	snprintf(what, sizeof what, "%s SAVE", who);
	return integ_refused(save(cn, iid, 0, 1, 1), ERR_FORBIDDEN,
	    "behörighet", what);
}

/*
 * Only a deltagaransvarig with an uppdrag on the insats: not another
 * deltagaransvarig (slund), not its insatsansvarig, samverkans-
 * administratör or the superadministratör.
 */
static int
anonym_who(void)
{
	static const char *const users[] = { "slund", "insatsansv",
	    "samadm", "admin", "rapport" };
	struct conn	cn;
	uint32_t	iid, first;
	size_t		i;
	int		rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	if ((iid = steget()) == 0)
		goto out;
	first = max_id();
	for (i = 0; i < sizeof users / sizeof users[0]; i++) {
		if (cn.fd != -1)
			conn_close(&cn);
		if (begin(&cn, users[i]) != 0 ||
		    forbidden(&cn, iid, users[i]) != 0)
			goto out;
	}
	CHECK(rows(iid, first) == 0, "a refused caller stored a count");
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE action ="
	    " 'denied' AND anvandare_id = (SELECT id FROM anvandare"
	    " WHERE username = 'slund') AND detail->>'request' = '%d'",
	    MSG_ANONYM_SAVE) >= 1, "no denied audit row for slund");
	rv = 0;
out:
	return end(&cn, rv);
}

const struct integ_case cases_anonym[] = {
	{ "main", "anonym_save_get", anonym_save_get },
	{ "main", "anonym_years", anonym_years },
	{ "main", "anonym_after_end", anonym_after_end },
	{ "main", "anonym_counts", anonym_counts },
	{ "main", "anonym_not_person", anonym_not_person },
	{ "main", "anonym_who", anonym_who },
	{ NULL, NULL, NULL }
};
