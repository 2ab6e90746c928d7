/*
 * Insats cases through the real protocol: Sök insatser's filters and the
 * "Egna" flag, the read-only view with the caller's rights, and the audit
 * rows a save leaves. The fixtures and helpers are tests/integ/insats.c's
 * (insats_int.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "insats_int.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/* What the search cases' insatser are called before Alfa, Beta, Gamma. */
#define SEARCH_PREFIX	"hA Sök "

/*
 * Searches and writes the names found, SEARCH_PREFIX left out, into out
 * (unless NULL); as integ_call().
 */
static int
search(struct conn *cn, const struct msg_insats_search *q, char *out,
    size_t len, uint32_t *total)
{
	union ireply	u;
	uint32_t	i;
	const char	*n;
	int		r;

	if (out != NULL)
		out[0] = '\0';
	memset(&u, 0, sizeof u);
	if ((r = integ_call(cn, MSG_INSATS_SEARCH, q, MSG_INSATS_LIST,
	    &u.l)) != 0)
		return r;
	for (i = 0; i < u.l.nrows && out != NULL; i++) {
		n = u.l.rows[i].namn;
		if (strncmp(n, SEARCH_PREFIX, strlen(SEARCH_PREFIX)) == 0)
			n += strlen(SEARCH_PREFIX);
		snprintf(out + strlen(out), len - strlen(out), "%s%s",
		    i > 0 ? "," : "", n);
	}
	if (total != NULL)
		*total = u.l.total;
	msg_clear(MSG_INSATS_LIST, &u.l);
	return 0;
}

/* Searches and fails unless the names found are want. */
static int
expect(struct conn *cn, const struct msg_insats_search *q, const char *want,
    const char *what)
{
	char	got[2048];

	if (integ_accepted(search(cn, q, got, sizeof got, NULL), what) != 0)
		return -1;
	if (strcmp(got, want) != 0)
		return fail("%s: found \"%s\", want \"%s\"", what, got, want);
	return 0;
}

/* A search of Göteborg's "hA Sök" insatser with no other filter. */
static void
search_init(struct msg_insats_search *q, const struct ids *d)
{
	memset(q, 0, sizeof *q);
	q->samorg_id = d->gbg;
	q->pattern = (char *)"hA Sök";
	q->aktiv_from = q->aktiv_tom = (char *)"";
}

/* Makes the three insatser the search cases look for; 0 or -1. */
static int
search_fixtures(struct conn *cn, const struct ids *d)
{
	struct ins	w;

	ins_new(&w, d->gbg, "hA Sök Alfa", "2010-01-01", "2011-12-31");
	ins_kat(&w, d->individ, d->rehab, d->person, d->unga, 0);
	if (ins_save_ok(cn, &w, "Alfa") == 0)
		return -1;
	ins_new(&w, d->gbg, "hA Sök Beta", "2015-01-01", "");
	ins_kat(&w, d->struktur, d->natverk, 0, d->personal, 0);
	if (ins_save_ok(cn, &w, "Beta") == 0)
		return -1;
	ins_new(&w, d->gbg, "hA Sök Gamma", "2013-06-01", "2013-12-31");
	return ins_save_ok(cn, &w, "Gamma") == 0 ? -1 : 0;
}

/* Sök insatser: each filter, the row's columns, paging, bad periods. */
static int
insats_search_filters(void)
{
	struct conn			cn;
	struct ids			d;
	struct msg_insats_search	q;
	union ireply			u;
	int				rv = -1;

	memset(&u, 0, sizeof u);
	if (ins_begin(&cn, "insatsansv", &d) != 0 ||
	    search_fixtures(&cn, &d) != 0 || ins_relogin(&cn, "rapport") != 0)
		goto out;
	search_init(&q, &d);
	if (expect(&cn, &q, "Alfa,Beta,Gamma", "no filter") != 0)
		goto out;
	q.inriktning_id = d.struktur;
	if (expect(&cn, &q, "Beta", "inriktning") != 0)
		goto out;
	search_init(&q, &d);
	q.malgrupp_id = d.unga;
	if (expect(&cn, &q, "Alfa", "målgrupp") != 0)
		goto out;
	search_init(&q, &d);
	q.aktiv_from = (char *)"2011-06-01";
	q.aktiv_tom = (char *)"2013-07-01";
	if (expect(&cn, &q, "Alfa,Gamma", "period") != 0)
		goto out;
	q.aktiv_from = (char *)"2012-01-01";
	q.aktiv_tom = (char *)"2012-12-31";
	if (expect(&cn, &q, "", "period with none") != 0)
		goto out;
	q.aktiv_from = (char *)"2014-01-01";
	q.aktiv_tom = (char *)"";
	if (expect(&cn, &q, "Beta", "period open at the end") != 0)
		goto out;
	q.aktiv_from = (char *)"";
	q.aktiv_tom = (char *)"2010-06-01";
	if (expect(&cn, &q, "Alfa", "period open at the start") != 0)
		goto out;
	search_init(&q, &d);
	q.pattern = (char *)"hA S*ta";
	if (expect(&cn, &q, "Beta", "name with *") != 0)
		goto out;
	search_init(&q, &d);
	q.flags = INSATS_S_VOLYM;
	if (expect(&cn, &q, "Beta", "volym") != 0)
		goto out;
	q.flags = INSATS_S_PERSON;
	if (expect(&cn, &q, "Alfa", "person") != 0)
		goto out;

	/* The columns and paging. */
	search_init(&q, &d);
	q.offset = 1;
	q.limit = 1;
	CHECK(integ_call(&cn, MSG_INSATS_SEARCH, &q, MSG_INSATS_LIST,
	    &u.l) == 0, "page: %s", integ_last_err);
	CHECK(u.l.total == 3 && u.l.nrows == 1 &&
	    strcmp(u.l.rows[0].namn, "hA Sök Beta") == 0 &&
	    u.l.rows[0].samorg_id == d.gbg &&
	    strcmp(u.l.rows[0].inriktning, "Strukturövergripande") == 0 &&
	    strcmp(u.l.rows[0].matningsmetod,
	    "Endast antal (volyminsats)") == 0 && u.l.rows[0].volym == 1 &&
	    u.l.rows[0].kategoriserad == 1 &&
	    strcmp(u.l.rows[0].startdatum, "2015-01-01") == 0 &&
	    u.l.rows[0].slutdatum[0] == '\0', "page: %u of %u", u.l.nrows,
	    u.l.total);
	msg_clear(MSG_INSATS_LIST, &u.l);
	q.offset = 2;
	CHECK(integ_call(&cn, MSG_INSATS_SEARCH, &q, MSG_INSATS_LIST,
	    &u.l) == 0, "page: %s", integ_last_err);
	CHECK(u.l.nrows == 1 && u.l.rows[0].kategoriserad == 0 &&
	    u.l.rows[0].volym == 0 && u.l.rows[0].inriktning[0] == '\0',
	    "Gamma is not shown uncategorised");
	msg_clear(MSG_INSATS_LIST, &u.l);

	q.aktiv_from = (char *)"2011-02-30";
	if (integ_refused(search(&cn, &q, NULL, 0, NULL), ERR_VALIDATION,
	    "Aktiv från måste vara ett datum", "bad day") != 0)
		goto out;
	q.aktiv_from = (char *)"2012-01-01";
	q.aktiv_tom = (char *)"2011-01-01";
	if (integ_refused(search(&cn, &q, NULL, 0, NULL), ERR_VALIDATION,
	    "Aktiv till får inte vara före", "period backwards") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_INSATS_LIST, &u.l);
	return ins_end(&cn, rv);
}

/* The insatser found with INSATS_S_EGNA as user: total, and in Göteborg. */
static int
egna(struct conn *cn, const struct ids *d, const char *user,
    uint32_t *total, uint32_t *gbg, uint32_t *alfa)
{
	struct msg_insats_search	q;
	union ireply			u;
	uint32_t			i;

	memset(&u, 0, sizeof u);
	if (ins_relogin(cn, user) != 0)
		return -1;
	memset(&q, 0, sizeof q);
	q.pattern = q.aktiv_from = q.aktiv_tom = (char *)"";
	q.flags = INSATS_S_EGNA;
	q.limit = SUS_LIST_MAX;
	if (integ_accepted(integ_call(cn, MSG_INSATS_SEARCH, &q,
	    MSG_INSATS_LIST, &u.l), user) != 0)
		return -1;
	*total = u.l.total;
	*gbg = *alfa = 0;
	for (i = 0; i < u.l.nrows; i++) {
		*gbg += u.l.rows[i].samorg_id == d->gbg;
		*alfa += strcmp(u.l.rows[i].namn, "hA Sök Alfa") == 0;
	}
	msg_clear(MSG_INSATS_LIST, &u.l);
	return 0;
}

/* INSATS_S_EGNA: what the caller may edit, by role and uppdrag. */
static int
insats_search_egna(void)
{
	struct conn	cn;
	struct ids	d;
	uint32_t	total, gbg, alfa, all;
	int		rv = -1;

	if (ins_begin(&cn, "insatsansv", &d) != 0 ||
	    search_fixtures(&cn, &d) != 0)
		goto out;
	if (egna(&cn, &d, "insatsansv", &total, &gbg, &alfa) != 0)
		goto out;
	CHECK(total > 0 && gbg == total && alfa == 1,
	    "insatsansv: %u found, %u in Göteborg", total, gbg);
	if (egna(&cn, &d, "admin", &all, &gbg, &alfa) != 0)
		goto out;
	CHECK(all > total && alfa == 1, "admin: %u, insatsansv %u", all,
	    total);
	if (egna(&cn, &d, "nberg", &total, &gbg, &alfa) != 0)
		goto out;
	CHECK(total == 0, "nberg (no uppdrag): %u", total);
	if (egna(&cn, &d, "rapport", &total, &gbg, &alfa) != 0)
		goto out;
	CHECK(total == 0, "rapport: %u", total);
	rv = 0;
out:
	return ins_end(&cn, rv);
}

/* Reads insats id as user and checks the rights; 0 or -1. */
static int
rights_as(struct conn *cn, const char *user, uint32_t id, uint8_t want,
    struct msg_insats *o)
{
	if (ins_relogin(cn, user) != 0)
		return -1;
	if (integ_accepted(ins_get(cn, id, o), user) != 0)
		return -1;
	if (o->rights != want)
		return fail("%s: rights %u, want %u", user, o->rights, want);
	return 0;
}

/*
 * The view for every role: rights only where the caller may edit, the
 * participants as one number, the budget years summed.
 */
static int
insats_view_roles(void)
{
	struct conn		cn;
	struct ids		d;
	struct msg_insats	o;
	uint32_t		id, vol;
	int			rv = -1;

	memset(&o, 0, sizeof o);
	if (ins_begin(&cn, "insatsansv", &d) != 0 ||
	    (id = ins_make(&cn, &d, "hA Vy", d.individ, d.rehab, d.person,
	    d.unga)) == 0 ||
	    (vol = ins_make(&cn, &d, "hA Vy volym", d.struktur, d.natverk, 0,
	    d.personal)) == 0)
		goto out;
	if (integ_deltagande(id, "2021-03-01", "2021-12-31") != 0 ||
	    integ_deltagande(id, "2022-04-01", NULL) != 0 ||
	    integ_sql(NULL, 0, "INSERT INTO insats_ar (insats_id, ar, planerat_antal)"
	    " VALUES (%u, 2022, 40);"
	    " INSERT INTO insats_budgetpost (insats_id, ar, budgettyp_id,"
	    " budget, utfall) SELECT %u, v.ar, k.id, v.b, v.u FROM (VALUES"
	    " (2021, 1000, 900), (2021, 500, NULL), (2023, 70, 70))"
	    " AS v(ar, b, u) JOIN kod k ON k.lista = 'budgettyp'"
	    " AND k.kod = 'INSATS'", id, id) != 0)
		goto out;
	if (rights_as(&cn, "rapport", id, 0, &o) != 0)
		goto out;
	CHECK(o.antal_deltagande == 2 && o.locked == 1 && o.nar == 3,
	    "rapport: antal %u, locked %u, %u years", o.antal_deltagande,
	    o.locked, o.nar);
	CHECK(o.ar[0].ar == 2021 && o.ar[0].budget == 1500 &&
	    o.ar[0].utfall == 900 && !o.ar[0].has_planerat &&
	    o.ar[1].ar == 2022 && o.ar[1].has_planerat &&
	    o.ar[1].planerat == 40 && o.ar[1].budget == 0 &&
	    o.ar[2].ar == 2023 && o.ar[2].utfall == 70, "years summed wrong");
	msg_clear(MSG_INSATS, &o);
	if (rights_as(&cn, "deltagaransv", id, 0, &o) != 0)
		goto out;
	msg_clear(MSG_INSATS, &o);
	if (rights_as(&cn, "nberg", vol, 0, &o) != 0)
		goto out;
	msg_clear(MSG_INSATS, &o);
	if (rights_as(&cn, "admin", vol, INSATS_R_EDIT, &o) != 0)
		goto out;
	msg_clear(MSG_INSATS, &o);
	if (rights_as(&cn, "insatsansv", vol, INSATS_R_EDIT | INSATS_R_VOLYM,
	    &o) != 0)
		goto out;
	msg_clear(MSG_INSATS, &o);
	if (rights_as(&cn, "insatsansv", id, INSATS_R_EDIT, &o) != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_INSATS, &o);
	return ins_end(&cn, rv);
}

/* How many audit rows of table for insats id with action, by the user. */
static uint32_t
audit_count(const struct ids *d, const char *table, uint32_t id,
    const char *action)
{
	return integ_sql_u32("SELECT count(*) FROM audit"
	    " WHERE object_type = '%s' AND object_id = %u AND action = '%s'"
	    " AND anvandare_id = %u AND session_id ~ '^[0-9a-f]{16}$'", table,
	    id, action, d->insatsansv);
}

/* Every change leaves its audit row, and only changes do. */
static int
insats_audit(void)
{
	struct conn		cn;
	struct ids		d;
	struct ins		w;
	struct msg_insats	o, o2;
	uint32_t		id;
	int			rv = -1;

	memset(&o, 0, sizeof o);
	memset(&o2, 0, sizeof o2);
	if (ins_begin(&cn, "insatsansv", &d) != 0)
		goto out;
	ins_new(&w, d.gbg, "hA Granskad", "2021-01-01", "");
	ins_kat(&w, d.individ, d.rehab, d.person, d.unga, d.sjuk);
	if ((id = ins_save_ok(&cn, &w, "create")) == 0)
		goto out;
	CHECK(ins_get(&cn, id, &o) == 0, "GET: %s", integ_last_err);
	ins_from(&w, &o);
	w.m.beskrivning = (char *)"Granskad beskrivning";
	w.mal[1].id = d.personal;
	if (ins_save_ok(&cn, &w, "change") == 0)
		goto out;
	/* Unchanged: no audit row, but the version still moves. */
	CHECK(ins_get(&cn, id, &o2) == 0, "GET: %s", integ_last_err);
	ins_from(&w, &o2);
	if (ins_save_ok(&cn, &w, "unchanged") == 0)
		goto out;
	CHECK(audit_count(&d, "insats", id, "insert") == 1,
	    "no audit row for the insert");
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE object_type ="
	    " 'insats' AND object_id = %u AND action = 'update'"
	    " AND detail->'old'->>'beskrivning' = ''"
	    " AND detail->'new'->>'beskrivning' = 'Granskad beskrivning'",
	    id) == 1 && audit_count(&d, "insats", id, "update") == 1,
	    "not one audit row for the one change of the insats");
	CHECK(audit_count(&d, "insats_malgrupp", id, "insert") == 3 &&
	    audit_count(&d, "insats_malgrupp", id, "delete") == 1 &&
	    integ_sql_u32("SELECT count(*) FROM audit WHERE object_type ="
	    " 'insats_malgrupp' AND object_id = %u AND action = 'delete'"
	    " AND (detail->'old'->>'malgrupp_id')::integer = %u", id,
	    d.sjuk) == 1, "målgrupp audit rows: the unchanged one rewritten?");
	rv = 0;
out:
	msg_clear(MSG_INSATS, &o);
	msg_clear(MSG_INSATS, &o2);
	return ins_end(&cn, rv);
}

const struct integ_case cases_insats_sok[] = {
	{ "main", "insats_search_filters", insats_search_filters },
	{ "main", "insats_search_egna", insats_search_egna },
	{ "main", "insats_view_roles", insats_view_roles },
	{ "main", "insats_audit", insats_audit },
	{ NULL, NULL, NULL }
};
