/*
 * Samverkansorganisation cases (issue 4): the filters of "Sök
 * samverkansorg", the read-only view for every role, every rule of a
 * "Hantera samverkansorg" save with its Swedish refusal, "Välj kommun,
 * stadsdel", and the audit rows a save leaves.
 *
 * Saves go to a fixture of our own, "Integtest Hantera" (recognised by
 * organisationsnummer FIX_ORGNR whatever its name has become), made and
 * removed through psql as the database superuser, which also reads the
 * audit trail. The cases that save the demo organisation Samordnings-
 * förbundet Göteborg as its samverkansadministratör put it back as found.
 */
#include <sys/wait.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"
#include "xmalloc.h"

/* The fixture's organisationsnummer: no demo organisation has it. */
#define FIX_ORGNR	"222222-9901"
#define FIX_NAME	"Integtest Hantera"
#define GBG		"Samordningsförbundet Göteborg"
#define STHLM		"Samordningsförbundet Stockholms stad"
#define NO_SUCH_ID	2000000000u

#define CONFLICT_TEXT	"Någon annan har ändrat samverkansorganisationen " \
			"sedan du öppnade den. Öppna den igen."
#define BASE_TEXT	"Namn, samverkansform och startdatum kan bara " \
			"ändras av Försäkringskassan (superadministratör)."

/* The replies these cases decode; conn_call() fills the union reply. */
union sreply {
	union reply		 r;
	struct msg_samorg	 so;
	struct msg_samorg_list	 list;
	struct msg_kommun_list	 kl;
};

/* integ_sql() for a number; -1 after fail(). */
static long long
sql_num(const char *fmt, const char *arg)
{
	char	out[64];

	if (integ_sql(out, sizeof out, fmt, arg) != 0)
		return -1;
	return strtoll(out, NULL, 10);
}

/* Sends a request and fails the case unless the reply is of type want. */
static int
call(struct conn *cn, uint16_t type, const void *req, uint16_t want,
    union sreply *u, const char *what)
{
	memset(u, 0, sizeof *u);
	return integ_call_ok(cn, type, req, want, u, what);
}

/* Sends a request that must be refused with code and a text holding text. */
static int
refused(struct conn *cn, uint16_t type, const void *req, uint32_t code,
    const char *text, const char *what)
{
	union sreply	u;
	uint16_t	rtype;
	int		r, rv = -1;

	memset(&u, 0, sizeof u);
	if ((r = conn_call(cn, type, req, &rtype, &u.r)) != 0)
		return fail("%s: %s", what, sus_strerror(r));
	if (rtype != MSG_ERR)
		fail("%s: accepted (reply type %u), want ERR %u", what, rtype,
		    code);
	else if (u.r.err.code != code)
		fail("%s: ERR %u \"%s\", want ERR %u", what, u.r.err.code,
		    u.r.err.message, code);
	else if (strstr(u.r.err.message, text) == NULL)
		fail("%s: \"%s\" lacks \"%s\"", what, u.r.err.message, text);
	else
		rv = 0;
	msg_clear(rtype, &u);
	return rv;
}

/* Reads organisation id into *o; the caller clears it. */
static int
get(struct conn *cn, uint32_t id, struct msg_samorg *o)
{
	struct msg_samorg_get	q;
	union sreply		u;

	memset(o, 0, sizeof *o);
	q.id = id;
	if (call(cn, MSG_SAMORG_GET, &q, MSG_SAMORG, &u, "SAMORG_GET") != 0)
		return -1;
	*o = u.so;
	return 0;
}

/* Saves o, which must be accepted with a Swedish confirmation. */
static int
save_ok(struct conn *cn, const struct msg_samorg *o, const char *what)
{
	union sreply	u;
	int		rv = 0;

	if (call(cn, MSG_SAMORG_SAVE, o, MSG_OK, &u, what) != 0)
		return -1;
	if (strstr(u.r.ok.message, "är sparad") == NULL)
		rv = fail("%s: OK says \"%s\"", what, u.r.ok.message);
	msg_clear(MSG_OK, &u);
	return rv;
}

/* Saves o, which must be refused with code and a text holding text. */
static int
save_refused(struct conn *cn, const struct msg_samorg *o, uint32_t code,
    const char *text, const char *what)
{
	return refused(cn, MSG_SAMORG_SAVE, o, code, text, what);
}

/* Replaces a decoded string with a copy of v. */
static void
set(char **field, const char *v)
{
	free(*field);
	*field = xstrdup(v);
}

/* A string of n copies of the UTF-8 character c, in buf. */
static const char *
repeat(char *buf, size_t len, const char *c, size_t n)
{
	size_t	i;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		strlcat(buf, c, len);
	return buf;
}

/* Adds a kommun row (stadsdel 0 = the whole kommun) to o's panel. */
static void
kommun_add(struct msg_samorg *o, const char *kod, uint32_t sd)
{
	struct samorg_kommun	*k;

	o->kommuner = xreallocarray(o->kommuner, o->nkommuner + 1,
	    sizeof *o->kommuner);
	k = &o->kommuner[o->nkommuner++];
	memset(k, 0, sizeof *k);
	k->kommunkod = xstrdup(kod);
	k->stadsdel_id = sd;
}

/* Removes o's kommun row i. */
static void
kommun_del(struct msg_samorg *o, uint32_t i)
{
	struct samorg_kommun	*k = &o->kommuner[i];

	free(k->kommunkod);
	free(k->kommun);
	free(k->stadsdel);
	free(k->lan);
	memmove(k, k + 1, (o->nkommuner - i - 1) * sizeof *k);
	o->nkommuner--;
}

/* Index of o's kommun row kod/sd, -1 if none. */
static int
kommun_find(const struct msg_samorg *o, const char *kod, uint32_t sd)
{
	uint32_t	i;

	for (i = 0; i < o->nkommuner; i++) {
		if (strcmp(o->kommuner[i].kommunkod, kod) == 0 &&
		    o->kommuner[i].stadsdel_id == sd)
			return (int)i;
	}
	return -1;
}

/* Adds an ingående organisation with its flags to o's panel. */
static void
org_add(struct msg_samorg *o, uint32_t id, int m, int f, int k)
{
	struct samorg_org	*g;

	o->organisationer = xreallocarray(o->organisationer,
	    o->norganisationer + 1, sizeof *o->organisationer);
	g = &o->organisationer[o->norganisationer++];
	memset(g, 0, sizeof *g);
	g->organisation_id = id;
	g->medlem = (uint8_t)m;
	g->finansiar = (uint8_t)f;
	g->konsument = (uint8_t)k;
}

/* Removes o's ingående organisation i. */
static void
org_del(struct msg_samorg *o, uint32_t i)
{
	struct samorg_org	*g = &o->organisationer[i];

	free(g->namn);
	free(g->organisationstyp);
	memmove(g, g + 1, (o->norganisationer - i - 1) * sizeof *g);
	o->norganisationer--;
}

/* Index of organisation id in o's panel, -1 if none. */
static int
org_find(const struct msg_samorg *o, uint32_t id)
{
	uint32_t	i;

	for (i = 0; i < o->norganisationer; i++) {
		if (o->organisationer[i].organisation_id == id)
			return (int)i;
	}
	return -1;
}

/* The id of the organisation register's row named namn; 0 after fail(). */
static uint32_t
org_id(const char *namn)
{
	long long	id;

	id = sql_num("SELECT id FROM organisation WHERE namn = '%s'", namn);
	if (id <= 0)
		fail("no organisation %s", namn);
	return id > 0 ? (uint32_t)id : 0;
}

/* The id of the samverkansorganisation named namn; 0 after fail(). */
static uint32_t
samorg_id(const char *namn)
{
	long long	id;

	id = sql_num("SELECT id FROM samverkansorg WHERE namn = '%s'", namn);
	if (id <= 0)
		fail("no samverkansorganisation %s", namn);
	return id > 0 ? (uint32_t)id : 0;
}

/* Removes the fixture and whatever hangs on it. */
static int
fixture_drop(void)
{
	static const char *const tables[] = { "samorg_finansiering", "insats",
	    "samverkansorg_kommun", "samverkansorg_organisation" };
	size_t	i;

	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		if (integ_sql(NULL, 0,
		    "DELETE FROM %s WHERE samverkansorg_id IN"
		    " (SELECT id FROM samverkansorg WHERE organisationsnummer"
		    " = '" FIX_ORGNR "')", tables[i]) != 0)
			return -1;
	}
	return integ_sql(NULL, 0, "DELETE FROM samverkansorg"
	    " WHERE organisationsnummer = '" FIX_ORGNR "'");
}

/*
 * Makes the fixture afresh: FINSAM from 2020-01-01, serving Malmö, with
 * Försäkringskassan (medlem, finansiär) and Malmö stad (all three).
 * Returns its id, 0 after fail().
 */
static uint32_t
fixture(void)
{
	char	out[32];

	if (fixture_drop() != 0 || integ_sql(out, sizeof out, "INSERT INTO"
	    " samverkansorg (namn, organisationsnummer, samverkansform_id,"
	    " startdatum, beskrivning) VALUES ('" FIX_NAME "', '" FIX_ORGNR
	    "', 1, '2020-01-01', 'Fixtur') RETURNING id") != 0)
		return 0;
	if (integ_sql(NULL, 0,
	    "INSERT INTO samverkansorg_kommun (samverkansorg_id,"
	    " kommunkod) VALUES (%s, '1280')", out) != 0 ||
	    integ_sql(NULL, 0, "INSERT INTO samverkansorg_organisation"
	    " (samverkansorg_id, organisation_id, medlem, finansiar,"
	    " konsument) SELECT %s, o.id, true, true, o.namn = 'Malmö stad'"
	    " FROM organisation o WHERE o.namn IN ('Försäkringskassan',"
	    " 'Malmö stad')", out) != 0)
		return 0;
	return (uint32_t)strtoul(out, NULL, 10);
}

/* Logs in as user and reads the fixture into *o. */
static int
begin(struct conn *cn, const char *user, uint32_t *fix, struct msg_samorg *o)
{
	memset(o, 0, sizeof *o);
	cn->fd = -1;
	cn->c = NULL;
	if ((*fix = fixture()) == 0 || case_login(cn, user) != 0)
		return -1;
	return get(cn, *fix, o);
}

/* Ends a fixture case: the fixture goes, whatever happened. */
static int
end(struct conn *cn, struct msg_samorg *o, int rv)
{
	msg_clear(MSG_SAMORG, o);
	conn_close(cn);
	if (fixture_drop() != 0)
		return -1;
	return rv;
}

/* Searches with q; the caller clears *l. */
static int
search(struct conn *cn, struct msg_samorg_search *q,
    struct msg_samorg_list *l)
{
	union sreply	u;

	memset(l, 0, sizeof *l);
	if (q->pattern == NULL)
		q->pattern = (char *)"";
	if (call(cn, MSG_SAMORG_SEARCH, q, MSG_SAMORG_LIST, &u,
	    "SAMORG_SEARCH") != 0)
		return -1;
	*l = u.list;
	/* Less than a page: all of them. */
	if (l->total < l->nrows || (q->limit == 0 && l->total != l->nrows))
		return fail("SAMORG_SEARCH: total %u, %u rows", l->total,
		    l->nrows);
	return 0;
}

/* Index of the row named namn, -1 if absent. */
static int
list_find(const struct msg_samorg_list *l, const char *namn)
{
	uint32_t	i;

	for (i = 0; i < l->nrows; i++) {
		if (strcmp(l->rows[i].namn, namn) == 0)
			return (int)i;
	}
	return -1;
}

/* Reports whether an id appears twice in the list. */
static int
list_has_twice(const struct msg_samorg_list *l)
{
	uint32_t	i, j;

	for (i = 0; i < l->nrows; i++) {
		for (j = 0; j < i; j++) {
			if (l->rows[i].id == l->rows[j].id)
				return 1;
		}
	}
	return 0;
}

/*
 * Each filter alone and together, with counts the database confirms:
 * samverkansform, län and kommun served (through samverkansorg_kommun,
 * so a kommun served with stadsdelar counts once), active or ended.
 */
static int
search_filters(void)
{
	struct conn			cn;
	struct msg_samorg_search	q;
	struct msg_samorg_list		l;
	long long			want;
	uint32_t			i;
	int				rv = -1;

	memset(&l, 0, sizeof l);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	memset(&q, 0, sizeof q);
	q.samverkansform_id = 2;
	if (search(&cn, &q, &l) != 0)
		goto out;
	want = sql_num("SELECT count(*) FROM samverkansorg"
	    " WHERE samverkansform_id = %s", "2");
	CHECK(l.total == want && want >= 3, "Tvåpartsfinsam: %u rows, "
	    "the database has %lld", l.total, want);
	for (i = 0; i < l.nrows; i++)
		CHECK(strcmp(l.rows[i].samverkansform, "Tvåpartsfinsam") == 0,
		    "%s is %s", l.rows[i].namn, l.rows[i].samverkansform);
	msg_clear(MSG_SAMORG_LIST, &l);

	memset(&q, 0, sizeof q);
	q.lanskod = (char *)"14";
	if (search(&cn, &q, &l) != 0)
		goto out;
	want = sql_num("SELECT count(DISTINCT sk.samverkansorg_id) FROM"
	    " samverkansorg_kommun sk JOIN kommun k USING (kommunkod)"
	    " WHERE k.lanskod = '%s'", "14");
	CHECK(l.total == want, "län 14: %u rows, want %lld", l.total, want);
	CHECK(list_find(&l, GBG) >= 0 &&
	    list_find(&l, "Samordningsförbundet Östra Skaraborg") >= 0 &&
	    list_find(&l, "Samordningsförbundet Malmö") < 0,
	    "län 14: wrong organisations");
	CHECK(!list_has_twice(&l), "län 14: an organisation twice");
	msg_clear(MSG_SAMORG_LIST, &l);

	memset(&q, 0, sizeof q);
	q.kommunkod = (char *)"1480";
	if (search(&cn, &q, &l) != 0)
		goto out;
	want = sql_num("SELECT count(DISTINCT samverkansorg_id) FROM"
	    " samverkansorg_kommun WHERE kommunkod = '%s'", "1480");
	CHECK(l.total == want && list_find(&l, GBG) >= 0,
	    "kommun 1480: %u rows, want %lld with %s", l.total, want, GBG);
	CHECK(!list_has_twice(&l), "kommun 1480: an organisation twice");
	for (i = 0; i < l.nrows; i++)
		CHECK(strstr(l.rows[i].kommuner, "Göteborg") != NULL,
		    "%s does not serve Göteborg: %s", l.rows[i].namn,
		    l.rows[i].kommuner);
	msg_clear(MSG_SAMORG_LIST, &l);

	/* Both: a kommun outside the län matches nothing. */
	memset(&q, 0, sizeof q);
	q.kommunkod = (char *)"0180";
	q.lanskod = (char *)"01";
	if (search(&cn, &q, &l) != 0)
		goto out;
	CHECK(list_find(&l, STHLM) >= 0, "0180 in 01: %s missing", STHLM);
	msg_clear(MSG_SAMORG_LIST, &l);
	q.lanskod = (char *)"14";
	if (search(&cn, &q, &l) != 0)
		goto out;
	CHECK(l.total == 0, "0180 in län 14: %u rows", l.total);
	rv = 0;
out:
	msg_clear(MSG_SAMORG_LIST, &l);
	conn_close(&cn);
	return rv;
}

/* Counts the organisations matching pattern and status; -1 on failure. */
static long long
status_count(struct conn *cn, const char *pattern, uint32_t form,
    uint8_t status, const char *name, int *has)
{
	struct msg_samorg_search	q;
	struct msg_samorg_list		l;
	long long			n;

	memset(&q, 0, sizeof q);
	q.pattern = (char *)pattern;
	q.samverkansform_id = form;
	q.status = status;
	if (search(cn, &q, &l) != 0)
		return -1;
	n = l.total;
	if (has != NULL)
		*has = list_find(&l, name) >= 0;
	msg_clear(MSG_SAMORG_LIST, &l);
	return n;
}

/*
 * Active means no slutdatum or one today or later; ended, one before
 * today. The fixture ends today: still active.
 */
static int
search_status(void)
{
	struct conn			cn;
	struct msg_samorg_search	q;
	struct msg_samorg_list		l;
	char				today[16];
	long long			all, act, ended, want;
	uint32_t			i;
	int				has, rv = -1;

	memset(&l, 0, sizeof l);
	cn.fd = -1;
	cn.c = NULL;
	if (fixture() == 0 || integ_sql(today, sizeof today,
	    "UPDATE samverkansorg"
	    " SET slutdatum = current_date WHERE organisationsnummer = '"
	    FIX_ORGNR "' RETURNING to_char(slutdatum, 'YYYY-MM-DD')") != 0 ||
	    case_login(&cn, "insatsansv") != 0)
		goto out;
	all = status_count(&cn, "", 0, SAMORG_ALL, NULL, NULL);
	act = status_count(&cn, "", 0, SAMORG_ACTIVE, FIX_NAME, &has);
	CHECK(has, "the fixture ending today is not active");
	ended = status_count(&cn, "", 0, SAMORG_ENDED, FIX_NAME, &has);
	CHECK(!has, "the fixture ending today is ended");
	want = sql_num("SELECT count(*) FROM samverkansorg"
	    " WHERE slutdatum < %s", "current_date");
	CHECK(ended == want && ended >= 3 && act + ended == all, "active "
	    "%lld + ended %lld (want %lld) != all %lld", act, ended, want, all);
	memset(&q, 0, sizeof q);
	q.status = SAMORG_ENDED;
	if (search(&cn, &q, &l) != 0)
		goto out;
	for (i = 0; i < l.nrows; i++)
		CHECK(l.rows[i].slutdatum[0] != '\0' &&
		    strcmp(l.rows[i].slutdatum, today) < 0,
		    "%s ended %s", l.rows[i].namn, l.rows[i].slutdatum);
	msg_clear(MSG_SAMORG_LIST, &l);
	/* Combined with a samverkansform and a name. */
	CHECK(status_count(&cn, "", 2, SAMORG_ENDED,
	    "LFC Sundsvall och Landstinget Västernorrland", &has) == 1 && has,
	    "ended Tvåpartsfinsam: not only LFC Sundsvall");
	CHECK(status_count(&cn, "Umeå", 1, SAMORG_ACTIVE, NULL, NULL) == 0 &&
	    status_count(&cn, "Umeå", 1, SAMORG_ENDED, NULL, NULL) == 1,
	    "Umeå (ended 2019) in the wrong list");
	q.status = 3;
	if (refused(&cn, MSG_SAMORG_SEARCH, &q, ERR_BAD_REQUEST, "aktiva",
	    "status 3") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_SAMORG_LIST, &l);
	conn_close(&cn);
	if (fixture_drop() != 0)
		rv = -1;
	return rv;
}

/* Filtered lists keep the Swedish order (Å < Ä < Ö) and page whole. */
static int
search_order_paging(void)
{
	struct conn			cn;
	struct msg_samorg_search	q;
	struct msg_samorg_list		all, page;
	uint32_t			off, i;
	int				a, b, c, rv = -1;

	memset(&all, 0, sizeof all);
	memset(&page, 0, sizeof page);
	if (case_login(&cn, "deltagaransv") != 0)
		goto out;
	memset(&q, 0, sizeof q);
	q.samverkansform_id = 1;
	q.status = SAMORG_ACTIVE;
	if (search(&cn, &q, &all) != 0)
		goto out;
	a = list_find(&all, "Årjängs och Edas samordningsförbund");
	b = list_find(&all, "Ängelholms samordningsförbund");
	c = list_find(&all, "Östersunds samordningsförbund");
	CHECK(a >= 0 && b >= 0 && c >= 0, "a demo organisation is missing");
	/* Byte order would put Ä (C3 84) before Å (C3 85). */
	CHECK(a < b && b < c, "not Å < Ä < Ö: %d %d %d", a, b, c);
	for (off = 0; off < all.nrows; off += 4) {
		q.offset = off;
		q.limit = 4;
		if (search(&cn, &q, &page) != 0)
			goto out;
		CHECK(page.nrows == (all.nrows - off < 4 ? all.nrows - off : 4),
		    "offset %u: %u rows", off, page.nrows);
		for (i = 0; i < page.nrows; i++)
			CHECK(page.rows[i].id == all.rows[off + i].id,
			    "offset %u row %u differs", off, i);
		msg_clear(MSG_SAMORG_LIST, &page);
	}
	rv = 0;
out:
	msg_clear(MSG_SAMORG_LIST, &all);
	msg_clear(MSG_SAMORG_LIST, &page);
	conn_close(&cn);
	return rv;
}

/* Checks the view of Samordningsförbundet Göteborg, as seed data has it. */
static int
check_gbg(const struct msg_samorg *o)
{
	int	i, gbg, his, esf;

	if (strcmp(o->namn, GBG) != 0 ||
	    strcmp(o->organisationsnummer, "222222-0101") != 0 ||
	    o->samverkansform_id != 1 || strcmp(o->samverkansform, "FINSAM") ||
	    strcmp(o->startdatum, "2005-01-01") || o->slutdatum[0] != '\0' ||
	    strcmp(o->postort, "Göteborg") ||
	    strcmp(o->epost, "info@sf-goteborg.example.se") ||
	    strstr(o->beskrivning, "Göteborgare") == NULL)
		return fail("base data: %s %s %s", o->namn, o->samverkansform,
		    o->startdatum);
	/* "YYYY-MM-DD HH:MM:SS.uuuuuu": a version to the microsecond. */
	if (strlen(o->andrad) < 26)
		return fail("andrad \"%s\" is no version", o->andrad);
	gbg = kommun_find(o, "1480", 0);
	his = -1;
	for (i = 0; i < (int)o->nkommuner; i++) {
		if (strcmp(o->kommuner[i].stadsdel, "Hisingen") == 0)
			his = i;
	}
	if (gbg < 0 || his < 0 || o->nkommuner != 3)
		return fail("kommuner: %u rows, Göteborg %d, Hisingen %d",
		    o->nkommuner, gbg, his);
	if (strcmp(o->kommuner[gbg].kommun, "Göteborg") ||
	    strcmp(o->kommuner[gbg].lan, "Västra Götalands län") ||
	    o->kommuner[his].stadsdel_id == 0 || his < gbg)
		return fail("kommun rows: %s %s", o->kommuner[gbg].kommun,
		    o->kommuner[gbg].lan);
	esf = org_find(o, org_id("Svenska ESF-rådet"));
	if (o->norganisationer != 6 || esf < 0)
		return fail("%u ingående organisationer", o->norganisationer);
	if (strcmp(o->organisationer[esf].organisationstyp, "ESF") ||
	    o->organisationer[esf].medlem ||
	    !o->organisationer[esf].finansiar ||
	    o->organisationer[esf].konsument)
		return fail("Svenska ESF-rådet: %s %u%u%u",
		    o->organisationer[esf].organisationstyp,
		    o->organisationer[esf].medlem,
		    o->organisationer[esf].finansiar,
		    o->organisationer[esf].konsument);
	return 0;
}

/*
 * Every role sees the whole organisation; only a superadministratör may
 * change the base data, and a samverkansadministratör the rest where an
 * uppdrag is in force.
 */
static int
view_roles(void)
{
	static const struct {
		const char	*user;
		uint8_t		 gbg;	/* rights there */
	} users[] = {
		{ "admin", SAMORG_R_EDIT | SAMORG_R_BASE },
		{ "samadm", SAMORG_R_EDIT },
		{ "akarlsson", 0 },	/* samverkansadmin, no uppdrag */
		{ "insatsansv", 0 },
		{ "deltagaransv", 0 },
		{ "rapport", 0 },
	};
	struct conn		cn;
	struct msg_samorg	o;
	struct msg_samorg_get	q;
	uint32_t		gbg, sthlm;
	size_t			i;
	int			rv = -1;

	memset(&o, 0, sizeof o);
	cn.fd = -1;
	cn.c = NULL;
	if ((gbg = samorg_id(GBG)) == 0 || (sthlm = samorg_id(STHLM)) == 0)
		goto out;
	for (i = 0; i < sizeof users / sizeof users[0]; i++) {
		if (case_login(&cn, users[i].user) != 0 ||
		    get(&cn, gbg, &o) != 0)
			goto out;
		if (check_gbg(&o) != 0)
			goto out;
		CHECK(o.rights == users[i].gbg, "%s: rights %u, want %u",
		    users[i].user, o.rights, users[i].gbg);
		msg_clear(MSG_SAMORG, &o);
		if (get(&cn, sthlm, &o) != 0)
			goto out;
		CHECK(o.rights == (users[i].gbg & SAMORG_R_BASE ?
		    users[i].gbg : 0), "%s in Stockholm: rights %u",
		    users[i].user, o.rights);
		msg_clear(MSG_SAMORG, &o);
		q.id = NO_SUCH_ID;
		if (refused(&cn, MSG_SAMORG_GET, &q, ERR_NOT_FOUND,
		    "finns inte", "an unknown id") != 0)
			goto out;
		conn_close(&cn);
	}
	rv = 0;
out:
	msg_clear(MSG_SAMORG, &o);
	conn_close(&cn);
	return rv;
}

/* Fills the base and contact fields of a superadministratör's save. */
static void
fill_all(struct msg_samorg *o)
{
	set(&o->namn, "Integtest Hantera Ny");
	set(&o->beskrivning, "Förbundet för\nintegrationstester.");
	set(&o->slutdatum, "2030-12-31");
	set(&o->utdelningsadress, "Box 123");
	set(&o->postnummer, "41104");
	set(&o->postort, "Göteborg");
	set(&o->telefon, "+46 31-123 45 67");
	set(&o->epost, "kansli@integtest.example.se");
	set(&o->webbplats, "https://integtest.example.se");
	set(&o->kontakt_namn, "Åsa Öström");
	set(&o->kontakt_telefon, "031-765 43 21");
	set(&o->kontakt_epost, "asa.ostrom@integtest.example.se");
}

/*
 * A superadministratör's whole save: base data, contact fields and both
 * panels, read back as sent; "" stores NULL.
 */
static int
save_all(void)
{
	struct conn		cn;
	struct msg_samorg	o, n;
	char			old[64], null[8];
	uint32_t		fix, hisingen, fk, skane;
	int			i, rv = -1;

	memset(&n, 0, sizeof n);
	if (begin(&cn, "admin", &fix, &o) != 0)
		goto out;
	CHECK(o.rights == (SAMORG_R_EDIT | SAMORG_R_BASE), "rights %u",
	    o.rights);
	if ((fk = org_id("Försäkringskassan")) == 0 ||
	    (skane = org_id("Region Skåne")) == 0 ||
	    (hisingen = (uint32_t)sql_num("SELECT id FROM stadsdel WHERE"
	    " kommunkod = '1480' AND namn = '%s' AND giltig_tom IS NULL",
	    "Hisingen")) == 0)
		goto out;
	snprintf(old, sizeof old, "%s", o.andrad);
	fill_all(&o);
	kommun_del(&o, (uint32_t)kommun_find(&o, "1280", 0));
	kommun_add(&o, "1480", 0);
	kommun_add(&o, "1480", hisingen);
	kommun_add(&o, "0180", 0);
	o.organisationer[org_find(&o, fk)].konsument = 1;
	org_add(&o, skane, 1, 0, 0);
	if (save_ok(&cn, &o, "the whole save") != 0 || get(&cn, fix, &n) != 0)
		goto out;
	CHECK(strcmp(n.namn, "Integtest Hantera Ny") == 0 &&
	    strcmp(n.beskrivning, o.beskrivning) == 0 &&
	    strcmp(n.slutdatum, "2030-12-31") == 0 &&
	    strcmp(n.postnummer, "411 04") == 0 &&
	    strcmp(n.telefon, o.telefon) == 0 &&
	    strcmp(n.kontakt_namn, "Åsa Öström") == 0 &&
	    strcmp(n.kontakt_epost, o.kontakt_epost) == 0 &&
	    strcmp(n.webbplats, o.webbplats) == 0,
	    "read back: %s / %s / %s", n.namn, n.postnummer, n.kontakt_namn);
	CHECK(strcmp(n.andrad, old) != 0, "andrad did not move");
	CHECK(n.nkommuner == 3 && kommun_find(&n, "1280", 0) < 0 &&
	    kommun_find(&n, "1480", hisingen) >= 0 &&
	    kommun_find(&n, "0180", 0) >= 0, "kommuner: %u rows",
	    n.nkommuner);
	/* Göteborg, then its Hisingen, then Stockholm: Swedish order. */
	CHECK(strcmp(n.kommuner[0].kommun, "Göteborg") == 0 &&
	    n.kommuner[0].stadsdel_id == 0 &&
	    strcmp(n.kommuner[1].stadsdel, "Hisingen") == 0 &&
	    strcmp(n.kommuner[2].kommun, "Stockholm") == 0,
	    "kommun order: %s, %s", n.kommuner[0].kommun,
	    n.kommuner[2].kommun);
	i = org_find(&n, fk);
	CHECK(n.norganisationer == 3 && i >= 0 &&
	    n.organisationer[i].konsument && org_find(&n, skane) >= 0 &&
	    strcmp(n.organisationer[org_find(&n, skane)].organisationstyp,
	    "Landsting/Region") == 0, "organisationer: %u",
	    n.norganisationer);
	/* Empty optional fields are NULL, not "". */
	set(&n.postort, "");
	set(&n.webbplats, "");
	if (save_ok(&cn, &n, "clearing fields") != 0 ||
	    integ_sql(null, sizeof null,
	    "SELECT postort IS NULL AND webbplats IS"
	    " NULL FROM samverkansorg WHERE organisationsnummer = '%s'",
	    FIX_ORGNR) != 0)
		goto out;
	CHECK(strcmp(null, "t") == 0, "\"\" stored as \"\", not NULL");
	rv = 0;
out:
	msg_clear(MSG_SAMORG, &n);
	return end(&cn, &o, rv);
}

/*
 * Rule 2: at most 50 characters counted as characters (50 å, 100 bytes,
 * pass; 51 do not), unique, never containing a samverkansform, which the
 * refusal names.
 */
static int
name_rules(void)
{
	static const struct {
		const char	*namn;
		uint32_t	 code;
		const char	*text;
	} bad[] = {
		{ "Integtest Finsam Väst", ERR_VALIDATION, "\"FINSAM\"" },
		{ "Integtest TVÅPARTSFINSAM", ERR_VALIDATION,
		    "\"Tvåpartsfinsam\"" },
		{ "Integtest Af/FK samarbete", ERR_VALIDATION,
		    "\"Af/FK-samarbete\"" },
		{ "samordningsförbundet göteborg", ERR_CONFLICT,
		    "finns redan" },
		{ "   ", ERR_VALIDATION, "Ange" },
		{ "Integtest\nHantera", ERR_VALIDATION, "radbrytningar" },
	};
	struct conn		cn;
	struct msg_samorg	o, n;
	char			name[256], len[32];
	uint32_t		fix;
	size_t			i;
	int			rv = -1;

	memset(&n, 0, sizeof n);
	if (begin(&cn, "admin", &fix, &o) != 0)
		goto out;
	set(&o.namn, repeat(name, sizeof name, "å", 51));
	if (save_refused(&cn, &o, ERR_VALIDATION, "högst 50 tecken",
	    "51 å") != 0)
		goto out;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		set(&o.namn, bad[i].namn);
		if (save_refused(&cn, &o, bad[i].code, bad[i].text,
		    bad[i].namn) != 0)
			goto out;
	}
	set(&o.namn, repeat(name, sizeof name, "å", 50));
	if (save_ok(&cn, &o, "50 å") != 0 || get(&cn, fix, &n) != 0 ||
	    integ_sql(len, sizeof len, "SELECT char_length(namn) || ' ' ||"
	    " octet_length(namn) FROM samverkansorg"
	    " WHERE organisationsnummer = '%s'", FIX_ORGNR) != 0)
		goto out;
	CHECK(strcmp(n.namn, name) == 0 && strcmp(len, "50 100") == 0,
	    "50 å stored as %s characters and bytes", len);
	/* Blanks round a name are not part of it. */
	set(&n.namn, "  " FIX_NAME " ");
	if (save_ok(&cn, &n, "a name with blanks") != 0 ||
	    samorg_id(FIX_NAME) != fix)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_SAMORG, &n);
	return end(&cn, &o, rv);
}

/*
 * Dates: slutdatum ≥ startdatum (rule 4), real dates, budget years kept
 * inside (SU017 from the trigger of 0006), no insats before the start.
 */
static int
date_rules(void)
{
	static const struct {
		const char	*start;
		const char	*slut;
		const char	*text;
	} bad[] = {
		{ "2020-01-01", "2019-12-31",
		    "Slutdatum får inte vara före startdatum." },
		{ "2020-01-01", "2023-02-30",
		    "Slutdatum måste vara ett datum" },
		{ "2020-13-01", "", "Startdatum måste vara ett datum" },
		{ "", "", "Startdatum måste vara ett datum" },
		{ "2020-01-01", "2024-12-31", "verksamhetsår" },
		{ "2022-01-01", "", "Insatsen Integtest insats startar "
		    "2021-03-01" },
	};
	struct conn		cn;
	struct msg_samorg	o;
	char			fixs[16];
	uint32_t		fix;
	size_t			i;
	int			rv = -1;

	if (begin(&cn, "admin", &fix, &o) != 0)
		goto out;
	snprintf(fixs, sizeof fixs, "%u", fix);
	if (integ_sql(NULL, 0,
	    "INSERT INTO samorg_finansiering (samverkansorg_id,"
	    " ar, organisation_id, belopp) SELECT %s, 2025, id, 1000"
	    " FROM organisation WHERE namn = 'Försäkringskassan'", fixs) != 0 ||
	    integ_sql(NULL, 0, "INSERT INTO insats (samverkansorg_id, namn,"
	    " startdatum, slutdatum) VALUES (%s, 'Integtest insats',"
	    " '2021-03-01', '2024-06-30')", fixs) != 0)
		goto out;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		set(&o.startdatum, bad[i].start);
		set(&o.slutdatum, bad[i].slut);
		if (save_refused(&cn, &o, ERR_VALIDATION, bad[i].text,
		    bad[i].text) != 0)
			goto out;
	}
	/* Ending the day it starts, or the year of the last budget, is fine. */
	set(&o.startdatum, "2021-03-01");
	set(&o.slutdatum, "2025-12-31");
	if (save_ok(&cn, &o, "start at the insats, end with the budget") != 0)
		goto out;
	msg_clear(MSG_SAMORG, &o);
	if (get(&cn, fix, &o) != 0)
		goto out;
	set(&o.slutdatum, o.startdatum);
	if (save_refused(&cn, &o, ERR_VALIDATION, "verksamhetsår",
	    "the budget year after the end") != 0 ||
	    integ_sql(NULL, 0, "DELETE FROM samorg_finansiering"
	    " WHERE samverkansorg_id = %s", fixs) != 0 ||
	    save_refused(&cn, &o, ERR_VALIDATION, "en insats utanför",
	    "the insats running after the end") != 0 ||
	    integ_sql(NULL, 0, "DELETE FROM insats"
	    " WHERE samverkansorg_id = %s", fixs) != 0 ||
	    save_ok(&cn, &o, "slutdatum = startdatum") != 0)
		goto out;
	rv = 0;
out:
	return end(&cn, &o, rv);
}

/*
 * A samverkansadministratör in Samordningsförbundet Göteborg: saves the
 * view back unchanged (no audit row), may change beskrivning, may not
 * change namn, samverkansform, startdatum nor organisationsnummer, and
 * may not save another organisation (the request table refuses).
 */
static int
samadm_rules(void)
{
	struct conn		cn;
	struct msg_samorg	o, n;
	char			orig[2100], gbgs[16], before[32];
	uint32_t		gbg, sthlm;
	int			rv = -1;

	memset(&o, 0, sizeof o);
	memset(&n, 0, sizeof n);
	orig[0] = '\0';
	cn.fd = -1;
	cn.c = NULL;
	if ((gbg = samorg_id(GBG)) == 0 || (sthlm = samorg_id(STHLM)) == 0 ||
	    case_login(&cn, "samadm") != 0 || get(&cn, gbg, &o) != 0)
		goto out;
	snprintf(gbgs, sizeof gbgs, "%u", gbg);
	snprintf(orig, sizeof orig, "%s", o.beskrivning);
	if (integ_sql(before, sizeof before, "SELECT max(id) FROM audit")
	    != 0 ||
	    save_ok(&cn, &o, "the view saved back unchanged") != 0)
		goto out;
	CHECK(sql_num("SELECT count(*) FROM audit WHERE id > %s AND"
	    " object_type LIKE 'samverkansorg%%'", before) == 0,
	    "an unchanged save left audit rows");
	msg_clear(MSG_SAMORG, &o);
	if (get(&cn, gbg, &o) != 0)
		goto out;

	set(&o.startdatum, "2005-01-02");
	if (save_refused(&cn, &o, ERR_FORBIDDEN, BASE_TEXT, "startdatum") != 0)
		goto out;
	set(&o.startdatum, "2005-01-01");
	set(&o.namn, "Samordningsförbundet Storgöteborg");
	if (save_refused(&cn, &o, ERR_FORBIDDEN, BASE_TEXT, "namn") != 0)
		goto out;
	set(&o.namn, GBG);
	o.samverkansform_id = 2;
	if (save_refused(&cn, &o, ERR_FORBIDDEN, BASE_TEXT, "form") != 0)
		goto out;
	o.samverkansform_id = 1;
	set(&o.organisationsnummer, "222222-0199");
	if (save_refused(&cn, &o, ERR_FORBIDDEN, "Organisationsnumret kan "
	    "bara ändras", "organisationsnummer") != 0)
		goto out;
	set(&o.organisationsnummer, "222222-0101");
	set(&o.beskrivning, "Ändrad av samverkansadministratören.");
	if (save_ok(&cn, &o, "beskrivning") != 0 || get(&cn, gbg, &n) != 0)
		goto out;
	CHECK(strcmp(n.beskrivning, o.beskrivning) == 0, "beskrivning %s",
	    n.beskrivning);
	set(&n.beskrivning, orig);
	if (save_ok(&cn, &n, "beskrivning back") != 0)
		goto out;
	msg_clear(MSG_SAMORG, &n);

	/* Another organisation: no uppdrag there. */
	if (get(&cn, sthlm, &n) != 0 || save_refused(&cn, &n, ERR_FORBIDDEN,
	    "behörighet", "samadm saving Stockholm") != 0)
		goto out;
	conn_close(&cn);
	if (case_login(&cn, "akarlsson") != 0 || save_refused(&cn, &o,
	    ERR_FORBIDDEN, "behörighet", "akarlsson (no uppdrag)") != 0)
		goto out;
	conn_close(&cn);
	if (case_login(&cn, "insatsansv") != 0 || save_refused(&cn, &o,
	    ERR_FORBIDDEN, "behörighet", "an insatsansvarig") != 0)
		goto out;
	CHECK(sql_num("SELECT count(*) FROM samverkansorg WHERE id = %s AND"
	    " beskrivning LIKE 'Finansiell samordning%%'", gbgs) == 1,
	    "Samordningsförbundet Göteborg not restored");
	rv = 0;
out:
	/* Whatever failed, the demo organisation is left as found. */
	if (orig[0] != '\0' && integ_sql(NULL, 0, "UPDATE samverkansorg SET"
	    " beskrivning = $o$%s$o$ WHERE id = %s AND beskrivning <> $o$%s$o$",
	    orig, gbgs, orig) != 0)
		rv = -1;
	msg_clear(MSG_SAMORG, &o);
	msg_clear(MSG_SAMORG, &n);
	conn_close(&cn);
	return rv;
}

/*
 * A save over someone else's newer one is refused, panels alone move the
 * version too, and the refused save changes nothing.
 */
static int
conflict(void)
{
	struct conn		cn;
	struct msg_samorg	o, n;
	uint32_t		fix;
	int			rv = -1;

	memset(&n, 0, sizeof n);
	if (begin(&cn, "admin", &fix, &o) != 0)
		goto out;
	set(&o.beskrivning, "Först");
	if (save_ok(&cn, &o, "the first save") != 0)
		goto out;
	set(&o.beskrivning, "Sedan");
	if (save_refused(&cn, &o, ERR_CONFLICT, CONFLICT_TEXT,
	    "a save with the old andrad") != 0 || get(&cn, fix, &n) != 0)
		goto out;
	CHECK(strcmp(n.beskrivning, "Först") == 0, "the stale save wrote %s",
	    n.beskrivning);
	/* Only the Kommun panel changes: the version still moves. */
	kommun_add(&n, "1281", 0);
	if (save_ok(&cn, &n, "a panel alone") != 0 ||
	    save_refused(&cn, &n, ERR_CONFLICT, CONFLICT_TEXT,
	    "the panel save again") != 0)
		goto out;
	set(&n.andrad, "");
	if (save_refused(&cn, &n, ERR_CONFLICT, CONFLICT_TEXT, "no andrad") !=
	    0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_SAMORG, &n);
	return end(&cn, &o, rv);
}

/*
 * The Kommun, stadsdel panel: stadsdelar only for a kommun that has them
 * (Stockholm and Göteborg), in that kommun and in force; a stored old
 * stadsdel may stay; no row twice; no unknown kommun.
 */
static int
kommun_rules(void)
{
	struct conn		cn;
	struct msg_samorg	o;
	char			fixs[16];
	long long		his, old;
	uint32_t		fix;
	int			rv = -1;

	if (begin(&cn, "admin", &fix, &o) != 0)
		goto out;
	snprintf(fixs, sizeof fixs, "%u", fix);
	his = sql_num("SELECT id FROM stadsdel WHERE kommunkod = '1480' AND"
	    " namn = '%s' AND giltig_tom IS NULL", "Hisingen");
	old = sql_num("SELECT min(id) FROM stadsdel WHERE kommunkod = '0180'"
	    " AND namn = '%s' AND giltig_tom IS NOT NULL", "Bromma");
	if (his <= 0 || old <= 0)
		goto out;
	o.kommuner[0].stadsdel_id = (uint32_t)his;
	if (save_refused(&cn, &o, ERR_VALIDATION, "Malmö har inga "
	    "stadsdelar", "Malmö with a stadsdel") != 0)
		goto out;
	set(&o.kommuner[0].kommunkod, "0180");
	if (save_refused(&cn, &o, ERR_VALIDATION, "Stadsdelen finns inte i "
	    "Stockholm", "Stockholm with Hisingen") != 0)
		goto out;
	o.kommuner[0].stadsdel_id = (uint32_t)old;
	if (save_refused(&cn, &o, ERR_VALIDATION, "Stadsdelen Bromma i "
	    "Stockholm gäller inte i dag", "an old stadsdel") != 0)
		goto out;
	o.kommuner[0].stadsdel_id = 0;
	kommun_add(&o, "0180", 0);
	if (save_refused(&cn, &o, ERR_VALIDATION, "Stockholm finns två "
	    "gånger", "Stockholm twice") != 0)
		goto out;
	set(&o.kommuner[1].kommunkod, "9999");
	if (save_refused(&cn, &o, ERR_VALIDATION, "ingen kommun med "
	    "kommunkod 9999", "kommun 9999") != 0)
		goto out;
	set(&o.kommuner[1].kommunkod, "12a4");
	if (save_refused(&cn, &o, ERR_VALIDATION, "kommunkod 12a4",
	    "kommun 12a4") != 0)
		goto out;
	/* A stadsdel stored before its division changed may stay. */
	msg_clear(MSG_SAMORG, &o);
	if (integ_sql(NULL, 0,
	    "INSERT INTO samverkansorg_kommun (samverkansorg_id,"
	    " kommunkod, stadsdel_id) SELECT %s, '0180', min(id) FROM stadsdel"
	    " WHERE kommunkod = '0180' AND namn = 'Bromma'"
	    " AND giltig_tom IS NOT NULL", fixs) != 0 || get(&cn, fix, &o) != 0)
		goto out;
	CHECK(kommun_find(&o, "0180", (uint32_t)old) >= 0,
	    "the old stadsdel is not in the view");
	if (save_ok(&cn, &o, "keeping an old stadsdel") != 0)
		goto out;
	rv = 0;
out:
	return end(&cn, &o, rv);
}

/*
 * Ingående organisationer: none twice, none unknown or inactive, one
 * flag at least, and a finansiär with finance lines stays one (rule 7).
 */
static int
org_rules(void)
{
	struct conn		cn;
	struct msg_samorg	o, n;
	char			fixs[16];
	uint32_t		fix, fk, inaktiv;
	int			i, rv = -1;

	memset(&n, 0, sizeof n);
	if (begin(&cn, "admin", &fix, &o) != 0)
		goto out;
	snprintf(fixs, sizeof fixs, "%u", fix);
	if ((fk = org_id("Försäkringskassan")) == 0 ||
	    integ_sql(NULL, 0,
	    "INSERT INTO organisation (namn, organisationstyp,"
	    " aktiv) VALUES ('Integtest inaktiv', 'Övriga', false)"
	    " ON CONFLICT (namn) DO NOTHING") != 0 ||
	    (inaktiv = org_id("Integtest inaktiv")) == 0)
		goto out;
	org_add(&o, fk, 1, 0, 1);
	if (save_refused(&cn, &o, ERR_VALIDATION, "Försäkringskassan finns "
	    "två gånger bland de ingående organisationerna", "twice") != 0)
		goto out;
	o.organisationer[o.norganisationer - 1].organisation_id = NO_SUCH_ID;
	if (save_refused(&cn, &o, ERR_VALIDATION, "finns inte i "
	    "organisationsregistret", "unknown") != 0)
		goto out;
	o.organisationer[o.norganisationer - 1].organisation_id = inaktiv;
	if (save_refused(&cn, &o, ERR_VALIDATION, "Integtest inaktiv är "
	    "inaktiv", "inactive") != 0)
		goto out;
	org_del(&o, o.norganisationer - 1);
	i = org_find(&o, fk);
	o.organisationer[i].medlem = 0;
	o.organisationer[i].finansiar = 0;
	if (save_refused(&cn, &o, ERR_VALIDATION, "Markera Medlem, Finansiär "
	    "eller Konsument för Försäkringskassan", "no flag") != 0)
		goto out;
	o.organisationer[i].medlem = 1;

	if (integ_sql(NULL, 0,
	    "INSERT INTO samorg_finansiering (samverkansorg_id,"
	    " ar, organisation_id, belopp) VALUES (%s, 2021, (SELECT id FROM"
	    " organisation WHERE namn = 'Försäkringskassan'), 500000)",
	    fixs) != 0)
		goto out;
	if (save_refused(&cn, &o, ERR_VALIDATION, "Försäkringskassan har "
	    "finansieringsposter i budgeten och måste vara finansiär",
	    "finansiär no more") != 0)
		goto out;
	org_del(&o, (uint32_t)i);
	if (save_refused(&cn, &o, ERR_VALIDATION, "Försäkringskassan har "
	    "finansieringsposter i budgeten och kan inte tas bort",
	    "finansiär removed") != 0 || get(&cn, fix, &n) != 0)
		goto out;
	CHECK(org_find(&n, fk) >= 0 && n.organisationer[org_find(&n,
	    fk)].finansiar, "Försäkringskassan lost its finansiär flag");
	/* Without the lines it may go. */
	if (integ_sql(NULL, 0, "DELETE FROM samorg_finansiering"
	    " WHERE samverkansorg_id = %s", fixs) != 0 ||
	    save_ok(&cn, &o, "the finansiär removed") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_SAMORG, &n);
	if (integ_sql(NULL, 0, "DELETE FROM organisation WHERE namn ="
	    " 'Integtest inaktiv'") != 0)
		rv = -1;
	return end(&cn, &o, rv);
}

/* Contact fields and beskrivning: lengths in characters and formats. */
static int
field_rules(void)
{
	struct conn		cn;
	struct msg_samorg	o;
	char			big[2600], ok[512];
	uint32_t		fix;
	int			rv = -1;

	if (begin(&cn, "admin", &fix, &o) != 0)
		goto out;
#define BAD(field, v, text) do {					\
	set(&o.field, v);						\
	if (save_refused(&cn, &o, ERR_VALIDATION, text, #field " " v) != 0) \
		goto out;						\
	set(&o.field, "");						\
} while (0)
	BAD(postnummer, "4110", "Postnummer ska vara fem siffror");
	BAD(postnummer, "411-04", "Postnummer ska vara fem siffror");
	BAD(epost, "kansli.example.se", "E-post ska vara en e-postadress");
	BAD(kontakt_epost, "a@b@c", "Kontaktpersonens e-post ska vara");
	BAD(telefon, "031-abc", "Telefon får bara innehålla siffror");
	BAD(kontakt_telefon, "ring mig", "Kontaktpersonens telefon får bara");
	BAD(postort, "Göte\nborg", "Postort får inte innehålla radbrytningar");
	BAD(organisationsnummer, "2222229901",
	    "Organisationsnummer ska skrivas NNNNNN-NNNN");
#undef BAD
	set(&o.organisationsnummer, FIX_ORGNR);
	set(&o.utdelningsadress, repeat(big, sizeof big, "a", 101));
	if (save_refused(&cn, &o, ERR_VALIDATION, "Utdelningsadress får ha "
	    "högst 100 tecken", "101 characters") != 0)
		goto out;
	set(&o.beskrivning, repeat(big, sizeof big, "x", 2001));
	set(&o.utdelningsadress, "");
	if (save_refused(&cn, &o, ERR_VALIDATION, "Beskrivning får ha högst "
	    "2000 tecken", "2001 characters") != 0)
		goto out;
	/* Limits count characters: 100 ö are 200 bytes and fit. */
	set(&o.beskrivning, "Två rader:\nden andra.");
	set(&o.utdelningsadress, repeat(ok, sizeof ok, "ö", 100));
	set(&o.postnummer, "411 04");
	set(&o.kontakt_epost, "namn@exempel.se");
	if (save_ok(&cn, &o, "100 ö and a two-line beskrivning") != 0)
		goto out;
	rv = 0;
out:
	return end(&cn, &o, rv);
}

/* Searches kommuner; the caller clears *l. */
static int
kommuner(struct conn *cn, const char *lan, const char *pattern,
    uint32_t offset, uint32_t limit, struct msg_kommun_list *l)
{
	struct msg_kommun_search	q;
	union sreply			u;

	memset(l, 0, sizeof *l);
	q.lanskod = (char *)lan;
	q.pattern = (char *)pattern;
	q.offset = offset;
	q.limit = limit;
	if (call(cn, MSG_KOMMUN_SEARCH, &q, MSG_KOMMUN_LIST, &u,
	    "KOMMUN_SEARCH") != 0)
		return -1;
	*l = u.kl;
	if (l->total < l->nrows)
		return fail("KOMMUN_SEARCH: total %u < %u rows", l->total,
		    l->nrows);
	return 0;
}

/* Index of kommun row namn (stadsdel "" for the kommun), -1 if absent. */
static int
kl_find(const struct msg_kommun_list *l, const char *kommun,
    const char *stadsdel)
{
	uint32_t	i;

	for (i = 0; i < l->nrows; i++) {
		if (strcmp(l->rows[i].kommun, kommun) == 0 &&
		    strcmp(l->rows[i].stadsdel, stadsdel) == 0)
			return (int)i;
	}
	return -1;
}

/*
 * "Välj kommun, stadsdel": '*' patterns, a län, Swedish order, each
 * kommun before its stadsdelar in force, paging.
 */
static int
kommun_search(void)
{
	static const char *const karl[] = { "Karlsborg", "Karlshamn",
	    "Karlskoga", "Karlskrona", "Karlstad" };
	struct conn		cn;
	struct msg_kommun_list	l, page;
	char			want[1024], got[1024];
	uint32_t		i, off;
	int			rv = -1;

	memset(&l, 0, sizeof l);
	memset(&page, 0, sizeof page);
	if (case_login(&cn, "samadm") != 0 ||
	    kommuner(&cn, "", "karl*", 0, 0, &l) != 0)
		goto out;
	CHECK(l.total == 5 && l.nrows == 5, "karl*: %u rows", l.nrows);
	for (i = 0; i < 5; i++)
		CHECK(strcmp(l.rows[i].kommun, karl[i]) == 0 &&
		    l.rows[i].stadsdel_id == 0, "karl* row %u: %s", i,
		    l.rows[i].kommun);
	msg_clear(MSG_KOMMUN_LIST, &l);
	if (kommuner(&cn, "17", "Karl*", 0, 0, &l) != 0)
		goto out;
	CHECK(l.nrows == 1 && strcmp(l.rows[0].kommun, "Karlstad") == 0 &&
	    strcmp(l.rows[0].lan, "Värmlands län") == 0 &&
	    strcmp(l.rows[0].lanskod, "17") == 0 &&
	    strcmp(l.rows[0].kommunkod, "1780") == 0, "Karl* in 17: %u rows",
	    l.nrows);
	msg_clear(MSG_KOMMUN_LIST, &l);

	/* Göteborg, then its stadsdelar in force, in Swedish order. */
	if (integ_sql(want, sizeof want,
	    "SELECT 'Göteborg|' || string_agg(namn,"
	    " '|' ORDER BY namn COLLATE \"sv-SE-x-icu\") FROM stadsdel"
	    " WHERE kommunkod = '1480' AND giltig_from <= current_date AND"
	    " (giltig_tom IS NULL OR giltig_tom >= current_date)") != 0 ||
	    kommuner(&cn, "14", "Göteborg", 0, 0, &l) != 0)
		goto out;
	got[0] = '\0';
	for (i = 0; i < l.nrows; i++) {
		CHECK(strcmp(l.rows[i].kommunkod, "1480") == 0 &&
		    (l.rows[i].stadsdel_id == 0) == (i == 0),
		    "Göteborg row %u: %s %u", i, l.rows[i].kommunkod,
		    l.rows[i].stadsdel_id);
		if (i > 0)
			strlcat(got, "|", sizeof got);
		strlcat(got, i == 0 ? l.rows[i].kommun : l.rows[i].stadsdel,
		    sizeof got);
	}
	CHECK(strcmp(got, want) == 0, "Göteborg: %s, want %s", got, want);
	msg_clear(MSG_KOMMUN_LIST, &l);

	/* Every kommun: Å < Ä < Ö, which byte order gets wrong. */
	if (kommuner(&cn, "", "*", 0, 0, &l) != 0)
		goto out;
	CHECK(l.total == sql_num("SELECT count(*) + (SELECT count(*) FROM"
	    " stadsdel WHERE giltig_from <= current_date AND (giltig_tom IS"
	    " NULL OR giltig_tom >= current_date)) FROM %s", "kommun"),
	    "all: total %u", l.total);
	CHECK(kl_find(&l, "Vårgårda", "") < kl_find(&l, "Åmål", "") &&
	    kl_find(&l, "Åmål", "") < kl_find(&l, "Ängelholm", "") &&
	    kl_find(&l, "Ängelholm", "") < kl_find(&l, "Örebro", "") &&
	    kl_find(&l, "Vårgårda", "") >= 0, "not V < Å < Ä < Ö");
	msg_clear(MSG_KOMMUN_LIST, &l);

	/* Stockholm's län in pages of 7. */
	if (kommuner(&cn, "01", "", 0, 0, &l) != 0)
		goto out;
	CHECK(kl_find(&l, "Stockholm", "Södermalm") > kl_find(&l,
	    "Stockholm", "") && kl_find(&l, "Stockholm", "") >= 0 &&
	    kl_find(&l, "Göteborg", "") < 0, "län 01: wrong rows");
	for (off = 0; off < l.nrows; off += 7) {
		if (kommuner(&cn, "01", "", off, 7, &page) != 0)
			goto out;
		CHECK(page.total == l.total, "offset %u: total %u", off,
		    page.total);
		for (i = 0; i < page.nrows; i++)
			CHECK(strcmp(page.rows[i].kommunkod,
			    l.rows[off + i].kommunkod) == 0 &&
			    page.rows[i].stadsdel_id ==
			    l.rows[off + i].stadsdel_id,
			    "offset %u row %u differs", off, i);
		msg_clear(MSG_KOMMUN_LIST, &page);
	}
	rv = 0;
out:
	msg_clear(MSG_KOMMUN_LIST, &l);
	msg_clear(MSG_KOMMUN_LIST, &page);
	conn_close(&cn);
	return rv;
}

/*
 * A save leaves audit rows for what changed and nothing else, each with
 * the user, the session and old and new values.
 */
static int
audit_rows(void)
{
	struct conn		cn;
	struct msg_samorg	o;
	char			before[32], q[512];
	uint32_t		fix, fk;
	int			rv = -1;

	if (begin(&cn, "admin", &fix, &o) != 0 ||
	    (fk = org_id("Försäkringskassan")) == 0 ||
	    integ_sql(before, sizeof before, "SELECT max(id) FROM audit") != 0)
		goto out;
	set(&o.beskrivning, "Granskad ändring");
	kommun_add(&o, "1480", 0);
	o.organisationer[org_find(&o, fk)].konsument = 1;
	if (save_ok(&cn, &o, "the audited save") != 0)
		goto out;
	snprintf(q, sizeof q, "SELECT count(*) FROM audit a JOIN anvandare u"
	    " ON u.id = a.anvandare_id WHERE a.id > %s AND a.object_id = %u"
	    " AND u.username = 'admin' AND a.session_id ~ '^[0-9a-f]{16}$'"
	    " AND ", before, fix);
	CHECK(sql_num("%s a.object_type = 'samverkansorg' AND a.action ="
	    " 'update' AND a.detail->'old'->>'beskrivning' = 'Fixtur' AND"
	    " a.detail->'new'->>'beskrivning' = 'Granskad ändring'", q) == 1,
	    "no audit row for beskrivning");
	CHECK(sql_num("%s a.object_type = 'samverkansorg_kommun' AND a.action"
	    " = 'insert' AND a.detail->'new'->>'kommunkod' = '1480'", q) == 1,
	    "no audit row for the kommun added");
	CHECK(sql_num("%s a.object_type = 'samverkansorg_organisation' AND"
	    " a.action = 'update' AND (a.detail->'old'->>'konsument')::boolean"
	    " = false AND (a.detail->'new'->>'konsument')::boolean", q) == 1,
	    "no audit row for Försäkringskassan's konsument flag");
	/* Malmö and Malmö stad stayed: not deleted and inserted again. */
	CHECK(sql_num("SELECT count(*) FROM audit WHERE id > %s", before) == 3,
	    "the save left other audit rows too");
	rv = 0;
out:
	return end(&cn, &o, rv);
}

const struct integ_case cases_samorg_admin[] = {
	{ "main", "samorg_admin_search_filters", search_filters },
	{ "main", "samorg_admin_search_status", search_status },
	{ "main", "samorg_admin_search_order_paging", search_order_paging },
	{ "main", "samorg_admin_view_every_role", view_roles },
	{ "main", "samorg_admin_save_all", save_all },
	{ "main", "samorg_admin_name_rules", name_rules },
	{ "main", "samorg_admin_date_rules", date_rules },
	{ "main", "samorg_admin_samadm_rules", samadm_rules },
	{ "main", "samorg_admin_conflict", conflict },
	{ "main", "samorg_admin_kommun_rules", kommun_rules },
	{ "main", "samorg_admin_org_rules", org_rules },
	{ "main", "samorg_admin_field_rules", field_rules },
	{ "main", "samorg_admin_kommun_search", kommun_search },
	{ "main", "samorg_admin_audit_rows", audit_rows },
	{ NULL, NULL, NULL }
};
