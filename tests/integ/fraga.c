/*
 * Kompletterande frågor (domain.md 2.3, rule 44) through the real
 * protocol: every answer type, the presentation order and its changes,
 * the search by day and occasion, changes that keep options by id,
 * deleting and closing, the refusals with their Swedish sentences, and
 * who may do it.
 *
 * Answers come from the Deltagande issue, so the cases make a question
 * answered, look up ids and read the audit trail through psql as the
 * database superuser ($PG_TEST_BINDIR, $STACK_DB_ADMIN from
 * tests/lib/stack.sh). Every question the cases create is named
 * "Integ ..." and removed before and after each case, so reruns start
 * from the demo data.
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

/* Most options a case sends: the protocol's limit. */
#define ALTS_MAX	50
/* An id no row will have. */
#define NO_SUCH_ID	2000000000u

/* The replies these cases decode; conn_call() fills the union reply. */
union freply {
	union reply		 r;
	struct msg_fraga_list	 l;
};

/* What the cases refer to, looked up by name in the demo data. */
struct ids {
	uint32_t	 gbg;		/* SF Göteborg: samadm's */
	uint32_t	 sthlm;		/* SF Stockholms stad: not samadm's */
	uint32_t	 zeta;	/* Integtest Zeta, from tests/integ/run */
	uint32_t	 samadm;
};

/* One question to send; options are texts with ids (0 = new). */
struct q {
	uint32_t	 id;
	const char	*namn;
	const char	*from;
	const char	*tom;
	uint8_t		 till;
	uint8_t		 typ;
	uint8_t		 obl;
	size_t		 nalt;
	const char	*alt[ALTS_MAX];
	uint32_t	 altid[ALTS_MAX];
};


/* Removes every question the cases make, answers first; 0 or -1. */
static int
clean(void)
{
	char	out[64];

	return integ_sql(out, sizeof out,
	    "SET session_replication_role = replica;"
	    " DELETE FROM fraga_svar WHERE fraga_id IN"
	    " (SELECT id FROM fraga WHERE namn LIKE 'Integ %%');"
	    " DELETE FROM fraga WHERE namn LIKE 'Integ %%'");
}

/* Looks up the ids, clears old questions and logs in; 0 or -1. */
static int
begin(struct conn *cn, const char *user, struct ids *d)
{
	static const char samorg[] =
	    "SELECT id FROM samverkansorg WHERE namn = '%s'";

	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
	memset(d, 0, sizeof *d);
	if ((d->gbg = integ_sql_u32(samorg,
	    "Samordningsförbundet Göteborg")) == 0 ||
	    (d->sthlm = integ_sql_u32(samorg,
	    "Samordningsförbundet Stockholms stad")) == 0 ||
	    (d->zeta = integ_sql_u32(samorg, "Integtest Zeta")) == 0 ||
	    (d->samadm = integ_sql_u32("SELECT id FROM anvandare"
	    " WHERE username = 'samadm'")) == 0 || clean() != 0)
		return -1;
	return case_login(cn, user) != 0 ? -1 : 0;
}

/* Clears the questions again and closes; returns rv. */
static int
end(struct conn *cn, int rv)
{
	if (clean() != 0)
		rv = -1;
	if (cn->fd != -1)
		conn_close(cn);
	return rv;
}

/*
 * Sends a request and decodes a reply of type want into u (MSG_OK goes
 * to integ_last_ok and integ_last_ok_id). Returns 0, the ERR code (> 0, text in
 * integ_last_err), or -1 after fail().
 */
static int
call(struct conn *cn, uint16_t type, const void *req, uint16_t want,
    union freply *u)
{
	memset(u, 0, sizeof *u);
	return integ_call(cn, type, req, want, want == MSG_OK ? NULL : u);
}

/* MSG_FRAGA_SAVE of q in samorg; as call(), the id in integ_last_ok_id. */
static int
save(struct conn *cn, uint32_t samorg, const struct q *q)
{
	struct msg_fraga	f;
	struct fraga_alt	alts[ALTS_MAX];
	union freply		u;
	size_t			i;

	memset(&f, 0, sizeof f);
	f.id = q->id;
	f.samorg_id = samorg;
	f.namn = (char *)q->namn;
	f.giltig_from = (char *)(q->from != NULL ? q->from : "2020-01-01");
	f.giltig_tom = (char *)(q->tom != NULL ? q->tom : "");
	f.mattillfalle = q->till;
	f.svarstyp = q->typ;
	f.obligatorisk = q->obl;
	f.nalternativ = (uint32_t)q->nalt;
	f.alternativ = alts;
	for (i = 0; i < q->nalt; i++) {
		alts[i].id = q->altid[i];
		alts[i].text = (char *)q->alt[i];
	}
	return call(cn, MSG_FRAGA_SAVE, &f, MSG_OK, &u);
}

/* Saves q, which must succeed; its id, or 0 after fail(). */
static uint32_t
create(struct conn *cn, uint32_t samorg, const struct q *q)
{
	if (integ_accepted(save(cn, samorg, q), q->namn) != 0)
		return 0;
	if (integ_last_ok_id == 0)
		fail("%s: saved without an id", q->namn);
	return integ_last_ok_id;
}

/* MSG_FRAGA_SEARCH into *l (cleared by the caller); as call(). */
static int
search(struct conn *cn, uint32_t samorg, const char *datum, uint8_t till,
    struct msg_fraga_list *l)
{
	struct msg_fraga_search	q;
	union freply		u;
	int			r;

	q.samorg_id = samorg;
	q.datum = (char *)datum;
	q.mattillfalle = till;
	r = call(cn, MSG_FRAGA_SEARCH, &q, MSG_FRAGA_LIST, &u);
	*l = u.l;
	if (r != 0)
		memset(l, 0, sizeof *l);
	return r;
}

/* The question with id in l, NULL if it is not there. */
static const struct msg_fraga *
find(const struct msg_fraga_list *l, uint32_t id)
{
	uint32_t	i;

	for (i = 0; i < l->nrows; i++) {
		if (l->rows[i].id == id)
			return &l->rows[i];
	}
	return NULL;
}

/* The position of id in l, -1 if it is not there. */
static int
position(const struct msg_fraga_list *l, uint32_t id)
{
	const struct msg_fraga	*f = find(l, id);

	return f != NULL ? (int)(f - l->rows) : -1;
}

/* Checks q's options are exactly texts, in order; 0 or -1. */
static int
alts_are(const struct msg_fraga *f, const char *const *texts, size_t n)
{
	size_t	i;

	if (f->nalternativ != n)
		return fail("%s: %u options, want %zu", f->namn,
		    f->nalternativ, n);
	for (i = 0; i < n; i++) {
		if (strcmp(f->alternativ[i].text, texts[i]) != 0)
			return fail("%s: option %zu is \"%s\", want \"%s\"",
			    f->namn, i + 1, f->alternativ[i].text, texts[i]);
		if (f->alternativ[i].id == 0)
			return fail("%s: option %zu without an id", f->namn,
			    i + 1);
	}
	return 0;
}

/* MSG_FRAGA_DELETE; as call(). */
static int
delete(struct conn *cn, uint32_t samorg, uint32_t fraga)
{
	struct msg_fraga_delete	q;
	union freply		u;

	q.samorg_id = samorg;
	q.fraga_id = fraga;
	return call(cn, MSG_FRAGA_DELETE, &q, MSG_OK, &u);
}

/* MSG_FRAGA_ORDER with n ids; as call(). */
static int
order(struct conn *cn, uint32_t samorg, const uint32_t *ids, size_t n)
{
	struct msg_fraga_order	q;
	struct fraga_ref	refs[64];
	union freply		u;
	size_t			i;

	if (n > 64)
		return fail("order: too many ids for the test");
	for (i = 0; i < n; i++)
		refs[i].id = ids[i];
	q.samorg_id = samorg;
	q.nids = (uint32_t)n;
	q.ids = refs;
	return call(cn, MSG_FRAGA_ORDER, &q, MSG_OK, &u);
}

/* The ids of samorg's questions in the order listed; the count, or -1. */
static int
listed_ids(struct conn *cn, uint32_t samorg, uint32_t *ids, size_t max)
{
	struct msg_fraga_list	l;
	uint32_t		i;

	if (integ_accepted(search(cn, samorg, "", 0, &l), "FRAGA_SEARCH") != 0)
		return -1;
	for (i = 0; i < l.nrows && i < max; i++)
		ids[i] = l.rows[i].id;
	msg_clear(MSG_FRAGA_LIST, &l);
	return (int)i;
}

/*
 * Makes a question answered, as a participant's answer would. Only the
 * fact of an answer matters to these cases, so the row is put in with
 * the triggers that want a real participation switched off.
 */
static int
answer(uint32_t fraga, uint32_t alt)
{
	char	out[64];

	if (alt != 0)
		return integ_sql(out, sizeof out,
		    "SET session_replication_role = replica;"
		    " INSERT INTO fraga_svar (fraga_id,"
		    " deltagande_id, tillfalle, alternativ_id)"
		    " VALUES (%u, 1, 'in', %u)", fraga, alt);
	return integ_sql(out, sizeof out, "SET session_replication_role ="
	    " replica; INSERT INTO fraga_svar (fraga_id, deltagande_id,"
	    " tillfalle, ja) VALUES (%u, 1, 'in', true)", fraga);
}

/* Every answer type is stored and listed as sent, in creation order. */
static int
fraga_create_types(void)
{
	static const char *const spr[] = { "Svenska", "Engelska",
	    "Arabiska eller somaliska" };
	static const char *const res[] = { "Buss", "Bil", "Cykel", "Gång" };
	struct q	 janej = { 0, "Integ Har du körkort för personbil?",
	    NULL, NULL, FRAGA_IN, SVAR_JANEJ, 1, 0, { NULL }, { 0 } };
	struct q	 enval = { 0, "Integ Vilket språk talar du helst?",
	    "2024-01-01", "2030-12-31", FRAGA_UT, SVAR_ENVAL, 0, 3,
	    { spr[0], spr[1], spr[2] }, { 0 } };
	struct q	 flerval = { 0, "Integ Hur tar du dig till insatsen?",
	    NULL, NULL, FRAGA_BADA, SVAR_FLERVAL, 1, 4,
	    { res[0], res[1], res[2], res[3] }, { 0 } };
	struct q	 heltal = { 0, "Integ Hur många år har du arbetat?",
	    NULL, NULL, FRAGA_IN, SVAR_HELTAL, 0, 0, { NULL }, { 0 } };
	struct msg_fraga_list l;
	const struct msg_fraga *f;
	struct conn	 cn;
	struct ids	 d;
	uint32_t	 id[4];
	int		 rv = -1, i;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "samadm", &d) != 0 ||
	    (id[0] = create(&cn, d.gbg, &janej)) == 0 ||
	    (id[1] = create(&cn, d.gbg, &enval)) == 0 ||
	    (id[2] = create(&cn, d.gbg, &flerval)) == 0 ||
	    (id[3] = create(&cn, d.gbg, &heltal)) == 0)
		goto out;
	CHECK(strstr(integ_last_ok, "registrerad") != NULL, "OK says \"%s\"",
	    integ_last_ok);
	if (integ_accepted(search(&cn, d.gbg, "", 0, &l), "FRAGA_SEARCH") != 0)
		goto out;
	for (i = 0; i < 4; i++) {
		CHECK(find(&l, id[i]) != NULL, "question %d not listed", i);
		CHECK(i == 0 || position(&l, id[i]) > position(&l, id[i - 1]),
		    "question %d listed before question %d", i, i - 1);
		CHECK(i == 0 || find(&l, id[i])->ordning ==
		    find(&l, id[i - 1])->ordning + 1,
		    "ordning %u after %u, want last + 1",
		    find(&l, id[i])->ordning, find(&l, id[i - 1])->ordning);
		CHECK(find(&l, id[i])->antal_svar == 0 &&
		    find(&l, id[i])->samorg_id == d.gbg,
		    "question %d: answers or organisation wrong", i);
	}
	f = find(&l, id[0]);
	CHECK(strcmp(f->namn, janej.namn) == 0 && f->svarstyp == SVAR_JANEJ &&
	    f->mattillfalle == FRAGA_IN && f->obligatorisk &&
	    strcmp(f->giltig_from, "2020-01-01") == 0 &&
	    f->giltig_tom[0] == '\0' && f->nalternativ == 0,
	    "ja/nej stored wrong: %s %u %u %u %s-%s", f->namn, f->svarstyp,
	    f->mattillfalle, f->obligatorisk, f->giltig_from, f->giltig_tom);
	f = find(&l, id[1]);
	CHECK(f->svarstyp == SVAR_ENVAL && f->mattillfalle == FRAGA_UT &&
	    !f->obligatorisk && strcmp(f->giltig_from, "2024-01-01") == 0 &&
	    strcmp(f->giltig_tom, "2030-12-31") == 0,
	    "envalsfråga stored wrong");
	if (alts_are(f, spr, 3) != 0)
		goto out;
	f = find(&l, id[2]);
	CHECK(f->svarstyp == SVAR_FLERVAL && f->mattillfalle == FRAGA_BADA,
	    "flervalsfråga stored wrong");
	if (alts_are(f, res, 4) != 0)
		goto out;
	f = find(&l, id[3]);
	CHECK(f->svarstyp == SVAR_HELTAL && f->nalternativ == 0,
	    "heltalsfråga stored wrong");
	/* Every change leaves an audit row naming who made it. */
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE action = 'insert'"
	    " AND object_type = 'fraga' AND object_id IN (%u, %u, %u, %u)"
	    " AND anvandare_id = %u", id[0], id[1], id[2], id[3],
	    d.samadm) == 4, "no audit row for each question");
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE action = 'insert'"
	    " AND object_type = 'fraga_alternativ' AND anvandare_id = %u"
	    " AND (detail->'new'->>'fraga_id')::int IN (%u, %u)", d.samadm,
	    id[1], id[2]) == 7, "no audit row for each option");
	rv = 0;
out:
	msg_clear(MSG_FRAGA_LIST, &l);
	return end(&cn, rv);
}

/* The search gives the questions valid on a day and asked at an occasion. */
static int
fraga_search_filters(void)
{
	struct q	 in = { 0, "Integ Fråga vid inskrivning 2020",
	    "2020-01-01", "2020-12-31", FRAGA_IN, SVAR_JANEJ, 0, 0, { NULL },
	    { 0 } };
	struct q	 ut = { 0, "Integ Fråga vid utskrivning", "2021-01-01",
	    NULL, FRAGA_UT, SVAR_JANEJ, 0, 0, { NULL }, { 0 } };
	struct q	 bada = { 0, "Integ Fråga vid båda tillfällena",
	    "2020-06-01", NULL, FRAGA_BADA, SVAR_HELTAL, 0, 0, { NULL },
	    { 0 } };
	static const struct {
		const char	*datum;
		uint8_t		 till;
		int		 in, ut, bada;
	} want[] = {
		{ "", 0, 1, 1, 1 },
		{ "2020-03-01", 0, 1, 0, 0 },
		{ "2020-07-01", 0, 1, 0, 1 },
		{ "2020-12-31", 0, 1, 0, 1 },
		{ "2021-01-01", 0, 0, 1, 1 },
		{ "2019-12-31", 0, 0, 0, 0 },
		{ "", FRAGA_IN, 1, 0, 1 },
		{ "", FRAGA_UT, 0, 1, 1 },
		{ "", FRAGA_BADA, 0, 0, 1 },
		{ "2020-07-01", FRAGA_UT, 0, 0, 1 },
		{ "2022-05-05", FRAGA_IN, 0, 0, 1 },
		{ "2020-05-05", FRAGA_IN, 1, 0, 0 },
	};
	struct msg_fraga_list l;
	struct conn	 cn;
	struct ids	 d;
	uint32_t	 a, b, c;
	size_t		 i;
	int		 rv = -1;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "samadm", &d) != 0 || (a = create(&cn, d.gbg, &in)) ==
	    0 || (b = create(&cn, d.gbg, &ut)) == 0 ||
	    (c = create(&cn, d.gbg, &bada)) == 0)
		goto out;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		if (integ_accepted(search(&cn, d.gbg, want[i].datum,
		    want[i].till, &l), "FRAGA_SEARCH") != 0)
			goto out;
		CHECK((find(&l, a) != NULL) == want[i].in &&
		    (find(&l, b) != NULL) == want[i].ut &&
		    (find(&l, c) != NULL) == want[i].bada,
		    "datum \"%s\" tillfälle %u: in %d ut %d båda %d",
		    want[i].datum, want[i].till, find(&l, a) != NULL,
		    find(&l, b) != NULL, find(&l, c) != NULL);
		msg_clear(MSG_FRAGA_LIST, &l);
	}
	if (integ_refused(search(&cn, d.gbg, "2020-02-30", 0, &l),
	    ERR_VALIDATION, "ÅÅÅÅ-MM-DD", "a day that does not exist") != 0 ||
	    integ_refused(search(&cn, d.gbg, "", 4, &l), ERR_VALIDATION, NULL,
	    "an unknown occasion") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_FRAGA_LIST, &l);
	return end(&cn, rv);
}

/*
 * A change keeps options by id: a changed text updates, a left-out one
 * goes, a new one comes, and the order sent is kept; texts may even swap.
 */
static int
fraga_update(void)
{
	static const char *const after[] = { "Annat", "Bil eller moped",
	    "Buss" };
	static const char *const swapped[] = { "Annat", "Buss",
	    "Bil eller moped" };
	struct q	 q = { 0, "Integ Hur reser du?", NULL, NULL, FRAGA_IN,
	    SVAR_ENVAL, 0, 3, { "Buss", "Bil", "Cykel" }, { 0 } };
	struct msg_fraga_list l;
	const struct msg_fraga *f;
	struct conn	 cn;
	struct ids	 d;
	uint32_t	 id, buss, bil;
	int		 rv = -1;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "samadm", &d) != 0 ||
	    (id = create(&cn, d.gbg, &q)) == 0 ||
	    integ_accepted(search(&cn, d.gbg, "", 0, &l), "FRAGA_SEARCH") != 0)
		goto out;
	CHECK((f = find(&l, id)) != NULL && f->nalternativ == 3,
	    "the new question is not listed with its options");
	buss = f->alternativ[0].id;
	bil = f->alternativ[1].id;
	msg_clear(MSG_FRAGA_LIST, &l);

	q.id = id;
	q.namn = "Integ Hur reser du oftast?";
	q.obl = 1;
	q.till = FRAGA_BADA;
	q.tom = "2031-06-30";
	q.nalt = 3;
	q.alt[0] = "Annat";
	q.altid[0] = 0;
	q.alt[1] = "Bil eller moped";
	q.altid[1] = bil;
	q.alt[2] = "Buss";
	q.altid[2] = buss;
	if (integ_accepted(save(&cn, d.gbg, &q), "the change") != 0)
		goto out;
	CHECK(integ_last_ok_id == id && strstr(integ_last_ok, "sparad") != NULL,
	    "OK %u \"%s\" after a change", integ_last_ok_id, integ_last_ok);
	if (integ_accepted(search(&cn, d.gbg, "", 0, &l), "FRAGA_SEARCH") != 0)
		goto out;
	CHECK((f = find(&l, id)) != NULL, "the question is gone");
	CHECK(strcmp(f->namn, q.namn) == 0 && f->obligatorisk &&
	    f->mattillfalle == FRAGA_BADA &&
	    strcmp(f->giltig_tom, "2031-06-30") == 0,
	    "the question's fields were not changed");
	if (alts_are(f, after, 3) != 0)
		goto out;
	CHECK(f->alternativ[1].id == bil && f->alternativ[2].id == buss,
	    "options not kept by id: %u %u, want %u %u",
	    f->alternativ[1].id, f->alternativ[2].id, bil, buss);
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga_alternativ"
	    " WHERE fraga_id = %u AND text = 'Cykel'", id) == 0,
	    "the left-out option is still stored");
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE action = 'update'"
	    " AND object_type = 'fraga_alternativ' AND object_id = %u"
	    " AND detail->'old'->>'text' = 'Bil'"
	    " AND detail->'new'->>'text' = 'Bil eller moped'", bil) == 1,
	    "the renamed option has no audit row with both texts");
	q.altid[0] = f->alternativ[0].id;
	msg_clear(MSG_FRAGA_LIST, &l);

	/* Two options trade texts: unique per question, yet allowed. */
	q.alt[1] = "Buss";
	q.alt[2] = "Bil eller moped";
	if (integ_accepted(save(&cn, d.gbg, &q), "options trading texts")
	    != 0 ||
	    integ_accepted(search(&cn, d.gbg, "", 0, &l), "FRAGA_SEARCH") != 0)
		goto out;
	CHECK((f = find(&l, id)) != NULL, "the question is gone");
	if (alts_are(f, swapped, 3) != 0)
		goto out;
	msg_clear(MSG_FRAGA_LIST, &l);

	/* Unanswered, it may become another type; its options go. */
	q.typ = SVAR_JANEJ;
	q.nalt = 0;
	if (integ_accepted(save(&cn, d.gbg, &q), "envalsfråga to ja/nej")
	    != 0 ||
	    integ_accepted(search(&cn, d.gbg, "", 0, &l), "FRAGA_SEARCH") != 0)
		goto out;
	CHECK((f = find(&l, id)) != NULL && f->svarstyp == SVAR_JANEJ &&
	    f->nalternativ == 0, "the type change was not stored");
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga_alternativ"
	    " WHERE fraga_id = %u", id) == 0, "options left on a ja/nej");
	rv = 0;
out:
	msg_clear(MSG_FRAGA_LIST, &l);
	return end(&cn, rv);
}

/* Checks that the organisation's questions are listed as ids; 0 or -1. */
static int
order_is(struct conn *cn, uint32_t samorg, const uint32_t *ids, size_t n,
    const char *what)
{
	uint32_t	got[64];
	int		k;
	size_t		i;

	if ((k = listed_ids(cn, samorg, got, 64)) < 0)
		return -1;
	if ((size_t)k != n)
		return fail("%s: %d questions listed, want %zu", what, k, n);
	for (i = 0; i < n; i++) {
		if (got[i] != ids[i])
			return fail("%s: position %zu holds %u, want %u", what,
			    i + 1, got[i], ids[i]);
	}
	return 0;
}

/*
 * The presentation order: saved as sent, and only a list of exactly the
 * organisation's questions is accepted.
 */
static int
fraga_reorder(void)
{
	struct q	 q = { 0, NULL, NULL, NULL, FRAGA_IN, SVAR_JANEJ, 0, 0,
	    { NULL }, { 0 } };
	static const char *const namn[] = { "Integ Första frågan",
	    "Integ Andra frågan", "Integ Tredje frågan" };
	static const char demo_sql[] = "SELECT string_agg(id || ':' ||"
	    " ordning, ' ' ORDER BY id) FROM fraga WHERE samverkansorg_id = %u"
	    " AND namn NOT LIKE 'Integ %%'";
	struct conn	 cn, ad;
	struct ids	 d;
	uint32_t	 ids[64], rev[64], bad[64], foreign;
	char		 demo[1024], demo_after[1024];
	int		 rv = -1, n, i;

	memset(&ad, 0, sizeof ad);
	ad.fd = -1;
	if (begin(&cn, "samadm", &d) != 0 ||
	    integ_sql(demo, sizeof demo, demo_sql, d.gbg) != 0)
		goto out;
	for (i = 0; i < 3; i++) {
		q.namn = namn[i];
		if (create(&cn, d.gbg, &q) == 0)
			goto out;
	}
	if ((n = listed_ids(&cn, d.gbg, ids, 64)) < 3)
		goto out;
	for (i = 0; i < n; i++)
		rev[i] = ids[n - 1 - i];
	if (integ_accepted(order(&cn, d.gbg, rev, (size_t)n), "FRAGA_ORDER")
	    != 0)
		goto out;
	CHECK(strstr(integ_last_ok, "ordningen är sparad") != NULL,
	    "OK says \"%s\"", integ_last_ok);
	if (order_is(&cn, d.gbg, rev, (size_t)n, "after the new order") != 0)
		goto out;

	/* One left out, one twice, one of another organisation. */
	if (integ_refused(order(&cn, d.gbg, rev, (size_t)n - 1), ERR_CONFLICT,
	    "saknar 1", "an incomplete order") != 0)
		goto out;
	memcpy(bad, rev, (size_t)n * sizeof *bad);
	bad[1] = bad[0];
	if (integ_refused(order(&cn, d.gbg, bad, (size_t)n), ERR_VALIDATION,
	    "två gånger", "an order with a question twice") != 0)
		goto out;
	if (case_login(&ad, "admin") != 0)
		goto out;
	q.namn = "Integ Stockholms fråga";
	if ((foreign = create(&ad, d.sthlm, &q)) == 0)
		goto out;
	bad[1] = foreign;
	if (integ_refused(order(&cn, d.gbg, bad, (size_t)n), ERR_NOT_FOUND,
	    "hör inte till", "an order with another's question") != 0 ||
	    integ_refused(order(&cn, d.gbg, NULL, 0), ERR_CONFLICT, "saknar",
	    "an empty order") != 0)
		goto out;
	if (order_is(&cn, d.gbg, rev, (size_t)n, "after the refusals") != 0)
		goto out;
	/* The superadministratör orders any organisation's questions. */
	if (integ_accepted(order(&ad, d.gbg, ids, (size_t)n), "admin's order")
	    != 0 ||
	    order_is(&cn, d.gbg, ids, (size_t)n, "after admin's order") != 0)
		goto out;
	/* Back in the first order, the demo questions are where they were. */
	if (integ_sql(demo_after, sizeof demo_after, demo_sql, d.gbg) != 0)
		goto out;
	CHECK(strcmp(demo, demo_after) == 0, "demo questions moved: %s, "
	    "were %s", demo_after, demo);
	rv = 0;
out:
	if (ad.fd != -1)
		conn_close(&ad);
	return end(&cn, rv);
}

/* A question nobody has answered can be deleted, options and all. */
static int
fraga_delete_unanswered(void)
{
	struct q	 q = { 0, "Integ Vill du ha sms-påminnelser?", NULL,
	    NULL, FRAGA_IN, SVAR_ENVAL, 0, 2, { "Ja, gärna", "Nej tack" },
	    { 0 } };
	struct msg_fraga_list l;
	struct conn	 cn;
	struct ids	 d;
	uint32_t	 id;
	int		 rv = -1;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "samadm", &d) != 0 ||
	    (id = create(&cn, d.gbg, &q)) == 0 ||
	    integ_accepted(delete(&cn, d.gbg, id), "FRAGA_DELETE") != 0)
		goto out;
	CHECK(strstr(integ_last_ok, "borttagen") != NULL, "OK says \"%s\"",
	    integ_last_ok);
	if (integ_accepted(search(&cn, d.gbg, "", 0, &l), "FRAGA_SEARCH") != 0)
		goto out;
	CHECK(find(&l, id) == NULL, "the deleted question is still listed");
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga_alternativ"
	    " WHERE fraga_id = %u", id) == 0, "its options are still there");
	CHECK(integ_sql_u32("SELECT count(*) FROM audit WHERE action = 'delete'"
	    " AND object_type = 'fraga' AND object_id = %u", id) == 1,
	    "no audit row for the deletion");
	if (integ_refused(delete(&cn, d.gbg, id), ERR_NOT_FOUND, "finns inte",
	    "deleting it again") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_FRAGA_LIST, &l);
	return end(&cn, rv);
}

/*
 * An answered question cannot be deleted, change type or lose or rename
 * a chosen option; it can be closed, renamed and given new options.
 */
static int
fraga_answered(void)
{
	static const char *const after[] = { "Ja, heltid", "Ja, deltid",
	    "Nej" };
	struct q	 jn = { 0, "Integ Har du arbetat senaste månaden?",
	    NULL, NULL, FRAGA_BADA, SVAR_JANEJ, 1, 0, { NULL }, { 0 } };
	struct q	 ev = { 0, "Integ Arbetar du nu?", NULL, NULL, FRAGA_UT,
	    SVAR_ENVAL, 0, 2, { "Ja, heltid", "Nej" }, { 0 } };
	struct msg_fraga_list l;
	const struct msg_fraga *f;
	struct conn	 cn;
	struct ids	 d;
	uint32_t	 a, b, heltid, nej;
	char		 today[16];
	int		 rv = -1;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "samadm", &d) != 0 ||
	    (a = create(&cn, d.gbg, &jn)) == 0 ||
	    (b = create(&cn, d.gbg, &ev)) == 0 ||
	    integ_accepted(search(&cn, d.gbg, "", 0, &l), "FRAGA_SEARCH") != 0)
		goto out;
	CHECK((f = find(&l, b)) != NULL && f->nalternativ == 2,
	    "the envalsfråga is not listed");
	heltid = f->alternativ[0].id;
	nej = f->alternativ[1].id;
	msg_clear(MSG_FRAGA_LIST, &l);
	if (answer(a, 0) != 0 || answer(b, heltid) != 0 ||
	    integ_accepted(search(&cn, d.gbg, "", 0, &l), "FRAGA_SEARCH") != 0)
		goto out;
	CHECK(find(&l, a) != NULL && find(&l, a)->antal_svar == 1 &&
	    find(&l, b) != NULL && find(&l, b)->antal_svar == 1,
	    "antal_svar does not count the answers");
	msg_clear(MSG_FRAGA_LIST, &l);

	if (integ_refused(delete(&cn, d.gbg, a), ERR_VALIDATION,
	    "besvarats och kan inte tas bort", "deleting an answered question")
	    != 0)
		goto out;
	CHECK(strstr(integ_last_err, "Avsluta") != NULL,
	    "the refusal does not say "
	    "to close it instead: %s", integ_last_err);
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga WHERE id = %u", a) == 1,
	    "the answered question was deleted");
	jn.id = a;
	jn.typ = SVAR_HELTAL;
	if (integ_refused(save(&cn, d.gbg, &jn), ERR_VALIDATION, "svarstyp",
	    "changing an answered question's type") != 0)
		goto out;

	/* The chosen option may be neither left out nor renamed. */
	ev.id = b;
	ev.typ = SVAR_FLERVAL;
	ev.altid[0] = heltid;
	ev.altid[1] = nej;
	if (integ_refused(save(&cn, d.gbg, &ev), ERR_VALIDATION, "svarstyp",
	    "changing an answered envalsfråga to flerval") != 0)
		goto out;
	ev.typ = SVAR_ENVAL;
	ev.alt[0] = "Nej";
	ev.altid[0] = nej;
	ev.alt[1] = "Kanske";
	ev.altid[1] = 0;
	if (integ_refused(save(&cn, d.gbg, &ev), ERR_VALIDATION,
	    "\"Ja, heltid\" har valts i svar och kan inte tas bort",
	    "leaving out a chosen option") != 0)
		goto out;
	ev.alt[0] = "Ja, på heltid";
	ev.altid[0] = heltid;
	ev.alt[1] = "Nej";
	ev.altid[1] = nej;
	if (integ_refused(save(&cn, d.gbg, &ev), ERR_VALIDATION,
	    "kan inte ändras", "renaming a chosen option") != 0)
		goto out;
	/* New options and other unchosen texts are fine. */
	ev.nalt = 3;
	ev.alt[0] = "Ja, heltid";
	ev.alt[1] = "Ja, deltid";
	ev.altid[1] = 0;
	ev.alt[2] = "Nej";
	ev.altid[2] = nej;
	if (integ_accepted(save(&cn, d.gbg, &ev), "a new option on an answered "
	    "question") != 0)
		goto out;

	/* Closing it: giltig till today. */
	if (integ_sql(today, sizeof today, "SELECT current_date") != 0)
		goto out;
	jn.typ = SVAR_JANEJ;
	jn.tom = today;
	jn.namn = "Integ Har du haft arbete senaste månaden?";
	if (integ_accepted(save(&cn, d.gbg, &jn),
	    "closing an answered question") != 0 ||
	    integ_accepted(search(&cn, d.gbg, "", 0, &l), "FRAGA_SEARCH") != 0)
		goto out;
	CHECK((f = find(&l, a)) != NULL && strcmp(f->giltig_tom, today) == 0 &&
	    strcmp(f->namn, jn.namn) == 0, "the closing was not stored");
	CHECK((f = find(&l, b)) != NULL, "the envalsfråga is gone");
	if (alts_are(f, after, 3) != 0)
		goto out;
	CHECK(f->alternativ[0].id == heltid, "the chosen option lost its id");
	rv = 0;
out:
	msg_clear(MSG_FRAGA_LIST, &l);
	return end(&cn, rv);
}

/* One refused question: what is sent and what the refusal must say. */
struct bad {
	const char	*what;
	struct q	 q;
	uint32_t	 code;
	const char	*says;
};

/* Fills q with n options "Alternativ 1".. held in texts. */
static void
many_alts(struct q *q, size_t n, char texts[][32])
{
	size_t	i;

	q->nalt = n;
	for (i = 0; i < n; i++) {
		snprintf(texts[i], 32, "Alternativ %zu", i + 1);
		q->alt[i] = texts[i];
		q->altid[i] = 0;
	}
}

/* Every refusal of a question that breaks a rule, none of them stored. */
static int
fraga_refusals(void)
{
	static char	 ooo[6 + 195 * 2 + 1], aaa[102];
	static char	 texts[ALTS_MAX][32];
	struct bad	 bad[] = {
		{ "an envalsfråga with one option", { 0, "Integ Enval",
		    NULL, NULL, FRAGA_IN, SVAR_ENVAL, 0, 1, { "Ensam" },
		    { 0 } }, ERR_VALIDATION, "2–50 svarsalternativ" },
		{ "a flervalsfråga without options", { 0, "Integ Flerval",
		    NULL, NULL, FRAGA_IN, SVAR_FLERVAL, 0, 0, { NULL },
		    { 0 } }, ERR_VALIDATION, "2–50 svarsalternativ" },
		{ "a ja/nej with options", { 0, "Integ Jn", NULL, NULL,
		    FRAGA_IN, SVAR_JANEJ, 0, 2, { "Ja", "Nej" }, { 0 } },
		    ERR_VALIDATION, "ja/nej-fråga har inga svarsalternativ" },
		{ "a heltalsfråga with options", { 0, "Integ Ht", NULL, NULL,
		    FRAGA_IN, SVAR_HELTAL, 0, 2, { "1", "2" }, { 0 } },
		    ERR_VALIDATION, "heltalsfråga har inga svarsalternativ" },
		{ "no text", { 0, "", NULL, NULL, FRAGA_IN, SVAR_JANEJ, 0, 0,
		    { NULL }, { 0 } }, ERR_VALIDATION, "1–200 tecken" },
		{ "only spaces", { 0, "   ", NULL, NULL, FRAGA_IN, SVAR_JANEJ,
		    0, 0, { NULL }, { 0 } }, ERR_VALIDATION, "1–200 tecken" },
		{ "201 characters", { 0, ooo, NULL, NULL, FRAGA_IN,
		    SVAR_JANEJ, 0, 0, { NULL }, { 0 } }, ERR_VALIDATION,
		    "1–200 tecken" },
		{ "a line break", { 0, "Integ Två\nrader", NULL, NULL,
		    FRAGA_IN, SVAR_JANEJ, 0, 0, { NULL }, { 0 } },
		    ERR_VALIDATION, "radbrytningar" },
		{ "30 February", { 0, "Integ Datum", "2024-02-30", NULL,
		    FRAGA_IN, SVAR_JANEJ, 0, 0, { NULL }, { 0 } },
		    ERR_VALIDATION, "Giltig från måste vara ett datum" },
		{ "giltig till not a date", { 0, "Integ Datum", NULL,
		    "31/12/2024", FRAGA_IN, SVAR_JANEJ, 0, 0, { NULL },
		    { 0 } }, ERR_VALIDATION,
		    "Giltig till måste vara ett datum" },
		{ "giltig till before från", { 0, "Integ Datum", "2024-05-01",
		    "2024-04-30", FRAGA_IN, SVAR_JANEJ, 0, 0, { NULL },
		    { 0 } }, ERR_VALIDATION, "får inte vara före giltig från" },
		{ "no occasion", { 0, "Integ Tillfälle", NULL, NULL, 0,
		    SVAR_JANEJ, 0, 0, { NULL }, { 0 } }, ERR_VALIDATION,
		    "när frågan ställs" },
		{ "occasion 4", { 0, "Integ Tillfälle", NULL, NULL, 4,
		    SVAR_JANEJ, 0, 0, { NULL }, { 0 } }, ERR_VALIDATION,
		    "när frågan ställs" },
		{ "answer type 5", { 0, "Integ Typ", NULL, NULL, FRAGA_IN, 5,
		    0, 0, { NULL }, { 0 } }, ERR_VALIDATION, "svarstyp" },
		{ "the same option twice", { 0, "Integ Dubbel", NULL, NULL,
		    FRAGA_IN, SVAR_FLERVAL, 0, 3, { "Ja", "Nej", "Ja" },
		    { 0 } }, ERR_VALIDATION, "\"Ja\" finns två gånger" },
		{ "a blank option", { 0, "Integ Tomt", NULL, NULL, FRAGA_IN,
		    SVAR_ENVAL, 0, 2, { "Ja", " " }, { 0 } }, ERR_VALIDATION,
		    "Svarsalternativ 2 måste ha en text på 1–100 tecken" },
		{ "a 101-character option", { 0, "Integ Långt", NULL, NULL,
		    FRAGA_IN, SVAR_ENVAL, 0, 2, { "Ja", aaa }, { 0 } },
		    ERR_VALIDATION, "1–100 tecken" },
		{ "an option id on a new question", { 0, "Integ Id", NULL,
		    NULL, FRAGA_IN, SVAR_ENVAL, 0, 2, { "Ja", "Nej" },
		    { 1, 0 } }, ERR_NOT_FOUND, "hör inte till frågan" },
		{ "another question's id", { NO_SUCH_ID, "Integ Okänd", NULL,
		    NULL, FRAGA_IN, SVAR_JANEJ, 0, 0, { NULL }, { 0 } },
		    ERR_NOT_FOUND, "finns inte" },
	};
	struct q	 many = { 0, NULL, NULL, NULL, FRAGA_IN, SVAR_FLERVAL,
	    0, 0, { NULL }, { 0 } };
	struct conn	 cn;
	struct ids	 d;
	size_t		 i;
	int		 rv = -1;

	/* "Integ " and 195 ö: 201 characters, 396 bytes. */
	memcpy(ooo, "Integ ", 6);
	for (i = 0; i < 195; i++)
		memcpy(ooo + 6 + i * 2, "ö", 2);
	ooo[6 + 195 * 2] = '\0';
	memset(aaa, 'a', 101);
	aaa[101] = '\0';
	if (begin(&cn, "samadm", &d) != 0)
		goto out;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (integ_refused(save(&cn, d.gbg, &bad[i].q), bad[i].code,
		    bad[i].says, bad[i].what) != 0)
			goto out;
	}
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga"
	    " WHERE namn LIKE 'Integ %%'") == 0,
	    "a refused question was stored");
	/*
	 * The limits themselves pass: 200 characters, 50 options (the
	 * message layout carries no more, so 51 cannot even be sent).
	 */
	ooo[6 + 194 * 2] = '\0';
	many.namn = ooo;
	many_alts(&many, 50, texts);
	if (create(&cn, d.gbg, &many) == 0)
		goto out;
	rv = 0;
out:
	return end(&cn, rv);
}

/* A question or an option naming a blocked word (rule 44) is refused. */
static int
fraga_blocked_word(void)
{
	struct q	 q = { 0, "Integ Hur är din hälsa idag?", NULL, NULL,
	    FRAGA_IN, SVAR_JANEJ, 0, 0, { NULL }, { 0 } };
	struct q	 alt = { 0, "Integ Vad vill du ha stöd med?", NULL,
	    NULL, FRAGA_IN, SVAR_FLERVAL, 0, 3, { "Arbete", "Boende",
	    "Psykisk Hälsa" }, { 0 } };
	struct conn	 cn;
	struct ids	 d;
	uint32_t	 id;
	int		 rv = -1;

	if (begin(&cn, "samadm", &d) != 0)
		goto out;
	if (integ_refused(save(&cn, d.gbg, &q), ERR_VALIDATION,
	    "innehåller ordet \"hälsa\"", "a question about hälsa") != 0 ||
	    integ_refused(save(&cn, d.gbg, &alt), ERR_VALIDATION,
	    "\"Psykisk Hälsa\" innehåller ordet \"hälsa\"",
	    "an option about hälsa") != 0)
		goto out;
	CHECK(strstr(integ_last_err, "känsliga personuppgifter") != NULL,
	    "the refusal does not say why: %s", integ_last_err);
	/* Nor may a stored question be changed into one. */
	alt.alt[2] = "Studier";
	if ((id = create(&cn, d.gbg, &alt)) == 0)
		goto out;
	alt.id = id;
	alt.namn = "Integ Har du en diagnos?";
	alt.nalt = 0;
	alt.typ = SVAR_JANEJ;
	if (integ_refused(save(&cn, d.gbg, &alt), ERR_VALIDATION,
	    "ordet \"diagnos\"", "a question changed to name a diagnos") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga WHERE id = %u"
	    " AND namn = 'Integ Vad vill du ha stöd med?'", id) == 1,
	    "the refused change was stored");
	rv = 0;
out:
	return end(&cn, rv);
}

/*
 * A samverkansadministratör reaches only the own organisation's questions,
 * not even by naming another's question id under the own organisation.
 */
static int
fraga_other_samorg(void)
{
	struct q	 q = { 0, "Integ Stockholms egen fråga", NULL, NULL,
	    FRAGA_IN, SVAR_JANEJ, 0, 0, { NULL }, { 0 } };
	struct msg_fraga_list l;
	struct conn	 cn, ad, other;
	struct ids	 d;
	uint32_t	 foreign, ids[1];
	int		 rv = -1;

	memset(&l, 0, sizeof l);
	memset(&ad, 0, sizeof ad);
	ad.fd = -1;
	memset(&other, 0, sizeof other);
	other.fd = -1;
	if (begin(&cn, "samadm", &d) != 0 || case_login(&ad, "admin") != 0 ||
	    (foreign = create(&ad, d.sthlm, &q)) == 0)
		goto out;
	ids[0] = foreign;
	if (integ_refused(search(&cn, d.sthlm, "", 0, &l), ERR_FORBIDDEN, NULL,
	    "listing another organisation's questions") != 0 ||
	    integ_refused(save(&cn, d.sthlm, &q), ERR_FORBIDDEN, NULL,
	    "a question for another organisation") != 0 ||
	    integ_refused(delete(&cn, d.sthlm, foreign), ERR_FORBIDDEN, NULL,
	    "deleting another organisation's question") != 0 ||
	    integ_refused(order(&cn, d.sthlm, ids, 1), ERR_FORBIDDEN, NULL,
	    "ordering another organisation's questions") != 0)
		goto out;
	/* Its id under the own organisation: not found, and not changed. */
	q.id = foreign;
	q.namn = "Integ Kapad fråga";
	if (integ_refused(save(&cn, d.gbg, &q), ERR_NOT_FOUND, "finns inte",
	    "changing another's question under the own id") != 0 ||
	    integ_refused(delete(&cn, d.gbg, foreign), ERR_NOT_FOUND,
	    "finns inte", "deleting another's question under the own id") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga WHERE id = %u"
	    " AND namn = 'Integ Stockholms egen fråga'"
	    " AND samverkansorg_id = %u", foreign, d.sthlm) == 1,
	    "another organisation's question was changed");
	/* Other roles, and a samverkansadministratör without an uppdrag. */
	if (case_login(&other, "insatsansv") != 0 ||
	    integ_refused(search(&other, d.gbg, "", 0, &l), ERR_FORBIDDEN, NULL,
	    "an insatsansvarig listing questions") != 0)
		goto out;
	conn_close(&other);
	if (case_login(&other, "akarlsson") != 0 ||
	    integ_refused(search(&other, d.gbg, "", 0, &l), ERR_FORBIDDEN, NULL,
	    "a samverkansadministratör without uppdrag") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_FRAGA_LIST, &l);
	if (other.fd != -1)
		conn_close(&other);
	if (ad.fd != -1)
		conn_close(&ad);
	return end(&cn, rv);
}

/*
 * The superadministratör manages any organisation's questions; an
 * organisation that does not exist, or has as many as allowed, says so.
 */
static int
fraga_superadmin(void)
{
	struct q	 q = { 0, "Integ Fråga i Zeta", NULL, NULL, FRAGA_UT,
	    SVAR_ENVAL, 1, 2, { "Ja", "Nej" }, { 0 } };
	struct msg_fraga_list l;
	struct conn	 cn;
	struct ids	 d;
	uint32_t	 id;
	char		 out[64];
	int		 rv = -1;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "admin", &d) != 0 || (id = create(&cn, d.zeta, &q)) == 0)
		goto out;
	q.id = id;
	q.alt[0] = "Ja, absolut";
	if (integ_accepted(save(&cn, d.zeta, &q), "admin's change") != 0 ||
	    integ_accepted(search(&cn, d.zeta, "", FRAGA_UT, &l),
	    "FRAGA_SEARCH") != 0)
		goto out;
	CHECK(find(&l, id) != NULL && find(&l, id)->nalternativ == 2 &&
	    strcmp(find(&l, id)->alternativ[0].text, "Ja, absolut") == 0,
	    "admin's change not listed");
	msg_clear(MSG_FRAGA_LIST, &l);
	if (integ_accepted(delete(&cn, d.zeta, id), "admin's delete") != 0)
		goto out;
	if (integ_refused(search(&cn, NO_SUCH_ID, "", 0, &l), ERR_NOT_FOUND,
	    "Samverkansorganisationen finns inte", "an unknown organisation")
	    != 0)
		goto out;
	q.id = 0;
	if (integ_refused(save(&cn, NO_SUCH_ID, &q), ERR_NOT_FOUND,
	    "Samverkansorganisationen finns inte",
	    "a question for an unknown organisation") != 0)
		goto out;
	/* As many questions as one organisation may have: no more. */
	if (integ_sql(out, sizeof out,
	    "INSERT INTO fraga (samverkansorg_id, namn,"
	    " giltig_from, mattillfalle, svarstyp, ordning)"
	    " SELECT %u, 'Integ Massfråga ' || g, DATE '2020-01-01', 'in',"
	    " 'janej', g FROM generate_series(1, 100) g", d.zeta) != 0)
		goto out;
	if (integ_refused(save(&cn, d.zeta, &q), ERR_VALIDATION, "högst 100",
	    "question 101") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_FRAGA_LIST, &l);
	return end(&cn, rv);
}

const struct integ_case cases_fraga[] = {
	{ "main", "fraga_every_type_in_order", fraga_create_types },
	{ "main", "fraga_search_by_day_and_occasion", fraga_search_filters },
	{ "main", "fraga_update_keeps_options_by_id", fraga_update },
	{ "main", "fraga_reorder_whole_list_only", fraga_reorder },
	{ "main", "fraga_delete_unanswered", fraga_delete_unanswered },
	{ "main", "fraga_answered_kept_closed_not_deleted", fraga_answered },
	{ "main", "fraga_refusals_in_swedish", fraga_refusals },
	{ "main", "fraga_blocked_word_refused", fraga_blocked_word },
	{ "main", "fraga_other_samorg_refused", fraga_other_samorg },
	{ "main", "fraga_superadmin_any_samorg", fraga_superadmin },
	{ NULL, NULL, NULL }
};
