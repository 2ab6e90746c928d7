/*
 * Uppdrag cases: the search behind the panels, who may save which panel
 * (rules 13-14), rule 12, dates, and that one Spara is all or nothing.
 * Only the demo users nberg (insatsansvarig) and slund (deltagaransvarig)
 * get uppdrag here, none of which they hold in the demo data: every case
 * takes away all of theirs when it ends, so the fixtures stay as found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/* The replies these cases decode; conn_call() fills the union reply. */
union ureply {
	union reply		 r;
	struct msg_uppdrag_list	 up;
	struct msg_user_list	 users;
	struct msg_insats_list	 ins;
	struct msg_samorg_list	 so;
};

/* What the cases refer to, looked up by name in the demo data. */
struct ids {
	uint32_t	 gbg;		/* SF Göteborg */
	uint32_t	 sthlm;		/* SF Stockholms stad */
	uint32_t	 steget;	/* insats Steget vidare (SF Göteborg) */
	uint32_t	 jarva;		/* insats Järva jobbstart (SF Sthlm) */
	uint32_t	 nberg;		/* Nils Berg, insatsansvarig */
	uint32_t	 slund;		/* Sara Lund, deltagaransvarig */
	uint32_t	 samadm;	/* Erik Öberg, samverkansadmin */
	uint32_t	 insatsansv;	/* Maria Åkesson, insatsansvarig */
	uint32_t	 deltagaransv;	/* Johan Ekström, deltagaransvarig */
};

/* An id no row will have. */
#define NO_SUCH_ID	2000000000u

/* Sends a request and reports anything but a reply of type want. */
static int
call(struct conn *cn, uint16_t type, const void *req, uint16_t want,
    union ureply *u, const char *what)
{
	memset(u, 0, sizeof *u);
	return integ_call_ok(cn, type, req, want, u, what);
}

/* The id of the samverkansorganisation named name, 0 on failure. */
static uint32_t
find_samorg(struct conn *cn, const char *name)
{
	struct msg_samorg_search	q;
	union ureply			u;
	uint32_t			i, found = 0;

	memset(&q, 0, sizeof q);
	q.pattern = (char *)name;
	q.offset = 0;
	q.limit = 0;
	if (call(cn, MSG_SAMORG_SEARCH, &q, MSG_SAMORG_LIST, &u,
	    "SAMORG_SEARCH") != 0)
		return 0;
	for (i = 0; i < u.so.nrows; i++) {
		if (strcmp(u.so.rows[i].namn, name) == 0)
			found = u.so.rows[i].id;
	}
	msg_clear(MSG_SAMORG_LIST, &u);
	if (found == 0)
		fail("no samverkansorganisation \"%s\"", name);
	return found;
}

/* The id of the insats named name, 0 on failure. */
static uint32_t
find_insats(struct conn *cn, const char *name)
{
	struct msg_insats_search	q;
	union ureply			u;
	uint32_t			i, found = 0;

	memset(&q, 0, sizeof q);
	q.samorg_id = 0;
	q.pattern = (char *)name;
	q.offset = 0;
	q.limit = 0;
	if (call(cn, MSG_INSATS_SEARCH, &q, MSG_INSATS_LIST, &u,
	    "INSATS_SEARCH") != 0)
		return 0;
	for (i = 0; i < u.ins.nrows; i++) {
		if (strcmp(u.ins.rows[i].namn, name) == 0)
			found = u.ins.rows[i].id;
	}
	msg_clear(MSG_INSATS_LIST, &u);
	if (found == 0)
		fail("no insats \"%s\"", name);
	return found;
}

/* The id of the user with exactly these names, 0 on failure. */
static uint32_t
find_user(struct conn *cn, const char *fornamn, const char *efternamn)
{
	struct msg_user_search	q;
	union ureply		u;
	uint32_t		i, found = 0;

	memset(&q, 0, sizeof q);
	q.fornamn = (char *)fornamn;
	q.efternamn = (char *)efternamn;
	q.arbetsgivare = (char *)"";
	if (call(cn, MSG_USER_SEARCH, &q, MSG_USER_LIST, &u,
	    "USER_SEARCH") != 0)
		return 0;
	for (i = 0; i < u.users.nrows; i++) {
		if (strcmp(u.users.rows[i].fornamn, fornamn) == 0 &&
		    strcmp(u.users.rows[i].efternamn, efternamn) == 0)
			found = u.users.rows[i].id;
	}
	msg_clear(MSG_USER_LIST, &u);
	if (found == 0)
		fail("no user %s %s", fornamn, efternamn);
	return found;
}

/* Looks up every id the cases use; 0 or -1. */
static int
find_ids(struct conn *cn, struct ids *ids)
{
	memset(ids, 0, sizeof *ids);
	if ((ids->gbg = find_samorg(cn, "Samordningsförbundet Göteborg")) ==
	    0 || (ids->sthlm = find_samorg(cn,
	    "Samordningsförbundet Stockholms stad")) == 0 ||
	    (ids->steget = find_insats(cn, "Steget vidare")) == 0 ||
	    (ids->jarva = find_insats(cn, "Järva jobbstart")) == 0 ||
	    (ids->nberg = find_user(cn, "Nils", "Berg")) == 0 ||
	    (ids->slund = find_user(cn, "Sara", "Lund")) == 0 ||
	    (ids->samadm = find_user(cn, "Erik", "Öberg")) == 0 ||
	    (ids->insatsansv = find_user(cn, "Maria", "Åkesson")) == 0 ||
	    (ids->deltagaransv = find_user(cn, "Johan", "Ekström")) == 0)
		return -1;
	return 0;
}

/* Searches uppdrag; the caller clears *l with msg_clear(). */
static int
search(struct conn *cn, uint32_t user, uint32_t samorg, uint32_t insats,
    uint32_t offset, uint32_t limit, struct msg_uppdrag_list *l)
{
	struct msg_uppdrag_search	q;
	union ureply			u;

	memset(l, 0, sizeof *l);
	q.user_id = user;
	q.samorg_id = samorg;
	q.insats_id = insats;
	q.offset = offset;
	q.limit = limit;
	if (call(cn, MSG_UPPDRAG_SEARCH, &q, MSG_UPPDRAG_LIST, &u,
	    "UPPDRAG_SEARCH") != 0)
		return -1;
	*l = u.up;
	if (l->total < l->nrows)
		return fail("UPPDRAG_SEARCH: total %u < %u rows", l->total,
		    l->nrows);
	return 0;
}

/* Index of the uppdrag of user with roll on samorg/insats, -1 if none. */
static int
row_find(const struct msg_uppdrag_list *l, uint32_t user, uint32_t roll,
    uint32_t samorg, uint32_t insats)
{
	uint32_t	i;

	for (i = 0; i < l->nrows; i++) {
		if (l->rows[i].user_id == user && l->rows[i].roll == roll &&
		    (samorg == 0 || l->rows[i].samorg_id == samorg) &&
		    l->rows[i].insats_id == insats)
			return (int)i;
	}
	return -1;
}

/* How many uppdrag a user holds, -1 on failure. */
static int
count_user(struct conn *cn, uint32_t user)
{
	struct msg_uppdrag_list	l;
	int			n;

	if (search(cn, user, 0, 0, 0, SUS_LIST_MAX, &l) != 0)
		return -1;
	n = (int)l.total;
	msg_clear(MSG_UPPDRAG_LIST, &l);
	return n;
}

/*
 * Sends one Spara. Returns 0 for OK, the ERR code for an error reply
 * (its text in msg), -1 for a lost link or an odd reply.
 */
static int
save(struct conn *cn, uint16_t type, uint32_t target,
    const struct uppdrag_add *adds, uint32_t nadds, const uint32_t *removes,
    uint32_t nremoves, char *msg, size_t msglen)
{
	struct msg_uppdrag_save	 q;
	struct uppdrag_remove	 rm[8];
	union ureply		 u;
	uint16_t		 rtype;
	uint32_t		 i;
	int			 r;

	msg[0] = '\0';
	if (nremoves > sizeof rm / sizeof rm[0])
		return fail("too many removals");
	for (i = 0; i < nremoves; i++)
		rm[i].id = removes[i];
	q.target_id = target;
	q.nadds = nadds;
	q.adds = (struct uppdrag_add *)adds;
	q.nremoves = nremoves;
	q.removes = rm;
	memset(&u, 0, sizeof u);
	if ((r = conn_call(cn, type, &q, &rtype, &u.r)) != 0)
		return fail("save %u: %s", type, sus_strerror(r));
	if (rtype == MSG_OK) {
		snprintf(msg, msglen, "%s", u.r.ok.message);
		r = 0;
	} else if (rtype == MSG_ERR) {
		snprintf(msg, msglen, "%s", u.r.err.message);
		r = (int)u.r.err.code;
	} else
		r = fail("save %u: reply type %u", type, rtype);
	msg_clear(rtype, &u);
	return r;
}

/* Fills one add. */
static void
add_set(struct uppdrag_add *a, uint32_t user, uint32_t roll,
    const char *from, const char *tom)
{
	a->user_id = user;
	a->roll = roll;
	a->giltig_from = (char *)from;
	a->giltig_tom = (char *)tom;
}

/* Saves and fails the case unless the answer is want (0 = OK). */
static int
expect_save(struct conn *cn, uint16_t type, uint32_t target,
    const struct uppdrag_add *adds, uint32_t nadds, const uint32_t *removes,
    uint32_t nremoves, int want, const char *text, const char *what)
{
	char	msg[512];
	int	r;

	r = save(cn, type, target, adds, nadds, removes, nremoves, msg,
	    sizeof msg);
	if (r < 0)
		return -1;
	if (r != want)
		return fail("%s: got %d \"%s\", want %d", what, r, msg, want);
	if (text != NULL && strstr(msg, text) == NULL)
		return fail("%s: \"%s\" lacks \"%s\"", what, msg, text);
	return 0;
}

/*
 * Takes away every uppdrag nberg and slund hold, as admin: the state the
 * demo data has them in. Returns 0 or -1.
 */
static int
restore(void)
{
	struct conn		 cn;
	struct ids		 ids;
	struct msg_uppdrag_list	 l;
	uint32_t		 users[2], i, k, rid;
	uint16_t		 type;
	int			 rv = -1;

	memset(&l, 0, sizeof l);
	if (case_login(&cn, "admin") != 0 || find_ids(&cn, &ids) != 0)
		goto out;
	users[0] = ids.nberg;
	users[1] = ids.slund;
	for (k = 0; k < 2; k++) {
		if (search(&cn, users[k], 0, 0, 0, SUS_LIST_MAX, &l) != 0)
			goto out;
		for (i = 0; i < l.nrows; i++) {
			rid = l.rows[i].id;
			type = l.rows[i].insats_id != 0 ?
			    MSG_UPPDRAG_SAVE_INSATS : MSG_UPPDRAG_SAVE_SAMORG;
			if (expect_save(&cn, type, l.rows[i].insats_id != 0 ?
			    l.rows[i].insats_id : l.rows[i].samorg_id, NULL, 0,
			    &rid, 1, 0, NULL, "restore") != 0)
				goto out;
		}
		msg_clear(MSG_UPPDRAG_LIST, &l);
	}
	rv = 0;
out:
	msg_clear(MSG_UPPDRAG_LIST, &l);
	conn_close(&cn);
	return rv;
}

/* Logs in, looks the ids up and starts from the demo state. */
static int
begin(struct conn *cn, const char *user, struct ids *ids)
{
	cn->fd = -1;
	cn->c = NULL;
	if (restore() != 0)
		return -1;
	if (case_login(cn, user) != 0)
		return -1;
	return find_ids(cn, ids);
}

/* Ends a case: restores the demo state, which a pass also needs. */
static int
end(struct conn *cn, int rv)
{
	conn_close(cn);
	if (restore() != 0)
		return -1;
	return rv;
}

/*
 * The panels' search: a samverkansorganisation's own uppdrag and those on
 * its insatser, sorted by role; the insats and user filters; paging.
 */
static int
uppdrag_search_demo(void)
{
	struct conn		 cn;
	struct ids		 ids;
	struct msg_uppdrag_list	 l, p;
	int			 a, b, c;
	int			 rv = -1;

	memset(&l, 0, sizeof l);
	memset(&p, 0, sizeof p);
	/* A beställare without a role may read it too (admin looks up). */
	if (begin(&cn, "admin", &ids) != 0)
		goto out;
	conn_close(&cn);
	if (case_login(&cn, "bestallare") != 0)
		goto out;
	if (search(&cn, 0, ids.gbg, 0, 0, 0, &l) != 0)
		goto out;
	a = row_find(&l, ids.samadm, ROLE_SAMVERKANSADMIN, ids.gbg, 0);
	b = row_find(&l, ids.insatsansv, ROLE_INSATSANSVARIG, ids.gbg, 0);
	c = row_find(&l, ids.deltagaransv, ROLE_DELTAGARANSVARIG, ids.gbg,
	    ids.steget);
	CHECK(a >= 0 && b >= 0 && c >= 0, "SF Göteborg: demo uppdrag "
	    "missing (%d %d %d of %u rows)", a, b, c, l.nrows);
	CHECK(a < b && b < c, "not sorted by role: %d %d %d", a, b, c);
	CHECK(l.total == l.nrows, "total %u, %u rows", l.total, l.nrows);
	CHECK(strcmp(l.rows[a].fornamn, "Erik") == 0 &&
	    strcmp(l.rows[a].efternamn, "Öberg") == 0 &&
	    strcmp(l.rows[a].epost, "erik.oberg@example.se") == 0 &&
	    strcmp(l.rows[a].arbetsgivare, "Samordningsförbundet Göteborg")
	    == 0, "samadm's row: %s %s %s %s", l.rows[a].fornamn,
	    l.rows[a].efternamn, l.rows[a].epost, l.rows[a].arbetsgivare);
	CHECK(strcmp(l.rows[a].samorg, "Samordningsförbundet Göteborg") == 0
	    && l.rows[a].insats[0] == '\0' &&
	    strcmp(l.rows[a].giltig_from, "2024-01-01") == 0 &&
	    l.rows[a].giltig_tom[0] == '\0', "samadm's row: %s \"%s\" %s "
	    "\"%s\"", l.rows[a].samorg, l.rows[a].insats,
	    l.rows[a].giltig_from, l.rows[a].giltig_tom);
	/* An insats uppdrag names the insats and its owner. */
	CHECK(strcmp(l.rows[c].insats, "Steget vidare") == 0 &&
	    strcmp(l.rows[c].samorg, "Samordningsförbundet Göteborg") == 0,
	    "deltagaransv's row: %s / %s", l.rows[c].samorg,
	    l.rows[c].insats);

	/* Page two of size one is the second row of the whole list. */
	if (search(&cn, 0, ids.gbg, 0, 1, 1, &p) != 0)
		goto out;
	CHECK(p.nrows == 1 && p.total == l.total && p.rows[0].id ==
	    l.rows[1].id, "page 2 of 1: %u rows, total %u", p.nrows, p.total);
	msg_clear(MSG_UPPDRAG_LIST, &p);

	/* Another organisation's list holds none of these. */
	if (search(&cn, 0, ids.sthlm, 0, 0, 0, &p) != 0)
		goto out;
	CHECK(row_find(&p, ids.samadm, ROLE_SAMVERKANSADMIN, 0, 0) < 0 &&
	    row_find(&p, ids.deltagaransv, ROLE_DELTAGARANSVARIG, 0,
	    ids.steget) < 0, "SF Stockholms stad shows Göteborg's uppdrag");
	msg_clear(MSG_UPPDRAG_LIST, &p);

	/* The insats filter: only the insats's own. */
	if (search(&cn, 0, 0, ids.steget, 0, 0, &p) != 0)
		goto out;
	CHECK(p.nrows >= 1 && row_find(&p, ids.deltagaransv,
	    ROLE_DELTAGARANSVARIG, ids.gbg, ids.steget) >= 0,
	    "Steget vidare: deltagaransv missing");
	CHECK(row_find(&p, ids.samadm, ROLE_SAMVERKANSADMIN, 0, 0) < 0,
	    "insats filter shows a samverkansorg uppdrag");
	msg_clear(MSG_UPPDRAG_LIST, &p);

	/* The user filter. */
	if (search(&cn, ids.insatsansv, 0, 0, 0, 0, &p) != 0)
		goto out;
	CHECK(p.nrows == 1 && p.rows[0].user_id == ids.insatsansv &&
	    p.rows[0].roll == ROLE_INSATSANSVARIG,
	    "insatsansv: %u rows", p.nrows);
	rv = 0;
out:
	msg_clear(MSG_UPPDRAG_LIST, &l);
	msg_clear(MSG_UPPDRAG_LIST, &p);
	return end(&cn, rv);
}

/*
 * A samverkansadministratör gives nberg an insatsansvarig uppdrag in his
 * own organisation, sees it, cannot give it twice, and takes it away.
 */
static int
uppdrag_samadm_assign(void)
{
	struct conn		 cn;
	struct ids		 ids;
	struct msg_uppdrag_list	 l;
	struct uppdrag_add	 add;
	uint32_t		 rid;
	int			 i, rv = -1;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "samadm", &ids) != 0)
		goto out;
	add_set(&add, ids.nberg, ROLE_INSATSANSVARIG, "", "");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, &add, 1, NULL,
	    0, 0, "sparade", "samadm adds nberg") != 0)
		goto out;
	if (search(&cn, ids.nberg, 0, 0, 0, 0, &l) != 0)
		goto out;
	i = row_find(&l, ids.nberg, ROLE_INSATSANSVARIG, ids.gbg, 0);
	CHECK(l.nrows == 1 && i == 0, "nberg: %u rows after the add",
	    l.nrows);
	CHECK(strcmp(l.rows[0].fornamn, "Nils") == 0 &&
	    strcmp(l.rows[0].arbetsgivare, "Göteborgs stad") == 0 &&
	    strlen(l.rows[0].giltig_from) == 10 &&
	    l.rows[0].giltig_tom[0] == '\0', "nberg's row: %s %s %s \"%s\"",
	    l.rows[0].fornamn, l.rows[0].arbetsgivare, l.rows[0].giltig_from,
	    l.rows[0].giltig_tom);
	rid = l.rows[0].id;
	msg_clear(MSG_UPPDRAG_LIST, &l);

	/* It shows in the organisation's panel too. */
	if (search(&cn, 0, ids.gbg, 0, 0, 0, &l) != 0)
		goto out;
	CHECK(row_find(&l, ids.nberg, ROLE_INSATSANSVARIG, ids.gbg, 0) >= 0,
	    "nberg missing from SF Göteborg's uppdrag");
	msg_clear(MSG_UPPDRAG_LIST, &l);

	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, &add, 1, NULL,
	    0, ERR_CONFLICT, "Nils Berg är redan insatsansvarig",
	    "the same uppdrag twice") != 0)
		goto out;
	CHECK(count_user(&cn, ids.nberg) == 1, "a second uppdrag was stored");

	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, NULL, 0, &rid,
	    1, 0, "1 borttaget", "samadm removes nberg") != 0)
		goto out;
	CHECK(count_user(&cn, ids.nberg) == 0, "nberg's uppdrag is still "
	    "there");
	rv = 0;
out:
	msg_clear(MSG_UPPDRAG_LIST, &l);
	return end(&cn, rv);
}

/* A samverkansadministratör has no say in another organisation. */
static int
uppdrag_samadm_scope(void)
{
	struct conn		 cn;
	struct ids		 ids;
	struct uppdrag_add	 add;
	int			 rv = -1;

	if (begin(&cn, "samadm", &ids) != 0)
		goto out;
	add_set(&add, ids.nberg, ROLE_INSATSANSVARIG, "", "");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.sthlm, &add, 1,
	    NULL, 0, ERR_FORBIDDEN, NULL, "samadm in SF Stockholms stad") != 0)
		goto out;
	CHECK(count_user(&cn, ids.nberg) == 0, "the refused add was stored");
	/* Nor in one that does not exist. */
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, NO_SUCH_ID, &add, 1,
	    NULL, 0, ERR_FORBIDDEN, NULL, "samadm in no organisation") != 0)
		goto out;
	rv = 0;
out:
	return end(&cn, rv);
}

/* The superadministratör may save any organisation's and insats's panel. */
static int
uppdrag_admin_anywhere(void)
{
	struct conn		 cn;
	struct ids		 ids;
	struct msg_uppdrag_list	 l;
	struct uppdrag_add	 adds[2];
	uint32_t		 rids[2];
	int			 a, b, rv = -1;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "admin", &ids) != 0)
		goto out;
	add_set(&adds[0], ids.nberg, ROLE_INSATSANSVARIG, "", "");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.sthlm, adds, 1,
	    NULL, 0, 0, "1 tillagt", "admin in SF Stockholms stad") != 0)
		goto out;
	add_set(&adds[1], ids.slund, ROLE_DELTAGARANSVARIG, "", "");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_INSATS, ids.jarva, &adds[1], 1,
	    NULL, 0, 0, "1 tillagt", "admin on Järva jobbstart") != 0)
		goto out;
	if (search(&cn, 0, ids.sthlm, 0, 0, 0, &l) != 0)
		goto out;
	a = row_find(&l, ids.nberg, ROLE_INSATSANSVARIG, ids.sthlm, 0);
	b = row_find(&l, ids.slund, ROLE_DELTAGARANSVARIG, ids.sthlm,
	    ids.jarva);
	CHECK(a >= 0 && b >= 0, "SF Stockholms stad: %d %d", a, b);
	CHECK(strcmp(l.rows[b].insats, "Järva jobbstart") == 0,
	    "insats \"%s\"", l.rows[b].insats);
	rids[0] = l.rows[a].id;
	rids[1] = l.rows[b].id;
	msg_clear(MSG_UPPDRAG_LIST, &l);
	/* Not on an insats that does not exist. */
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_INSATS, NO_SUCH_ID, &adds[1], 1,
	    NULL, 0, ERR_NOT_FOUND, NULL, "admin on no insats") != 0 ||
	    expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, NO_SUCH_ID, adds, 1,
	    NULL, 0, ERR_NOT_FOUND, NULL, "admin in no samorg") != 0)
		goto out;
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.sthlm, NULL, 0,
	    &rids[0], 1, 0, NULL, "admin removes nberg") != 0 ||
	    expect_save(&cn, MSG_UPPDRAG_SAVE_INSATS, ids.jarva, NULL, 0,
	    &rids[1], 1, 0, NULL, "admin removes slund") != 0)
		goto out;
	CHECK(count_user(&cn, ids.nberg) == 0 && count_user(&cn, ids.slund)
	    == 0, "removed uppdrag are still there");
	rv = 0;
out:
	msg_clear(MSG_UPPDRAG_LIST, &l);
	return end(&cn, rv);
}

/* Roles without the right to a panel are refused, whatever they send. */
static int
uppdrag_roles_forbidden(void)
{
	static const char *const samorg_users[] = { "rapport", "deltagaransv",
	    "insatsansv", "bestallare" };
	static const char *const insats_users[] = { "rapport", "deltagaransv",
	    "samadm", "bestallare" };
	struct conn		 cn;
	struct ids		 ids;
	struct uppdrag_add	 add;
	size_t			 i;
	int			 rv = -1;

	/* A beställare may not search samverkansorg: admin looks up. */
	if (begin(&cn, "admin", &ids) != 0)
		goto out;
	conn_close(&cn);
	for (i = 0; i < sizeof samorg_users / sizeof samorg_users[0]; i++) {
		if (case_login(&cn, samorg_users[i]) != 0)
			goto out;
		add_set(&add, ids.nberg, ROLE_INSATSANSVARIG, "", "");
		if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, &add, 1,
		    NULL, 0, ERR_FORBIDDEN, NULL, samorg_users[i]) != 0)
			goto out;
		/* An empty Spara is no way round it. */
		if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, NULL, 0,
		    NULL, 0, ERR_FORBIDDEN, NULL, samorg_users[i]) != 0)
			goto out;
		conn_close(&cn);
	}
	for (i = 0; i < sizeof insats_users / sizeof insats_users[0]; i++) {
		if (case_login(&cn, insats_users[i]) != 0)
			goto out;
		add_set(&add, ids.slund, ROLE_DELTAGARANSVARIG, "", "");
		if (expect_save(&cn, MSG_UPPDRAG_SAVE_INSATS, ids.steget, &add,
		    1, NULL, 0, ERR_FORBIDDEN, NULL, insats_users[i]) != 0)
			goto out;
		conn_close(&cn);
	}
	if (case_login(&cn, "admin") != 0)
		goto out;
	CHECK(count_user(&cn, ids.nberg) == 0 && count_user(&cn, ids.slund)
	    == 0, "a refused add was stored");
	rv = 0;
out:
	return end(&cn, rv);
}

/*
 * Rule 12: no uppdrag for a role the person lacks, with her name in the
 * message, and a refused add undoes the whole Spara: the valid add beside
 * it and a removal before it.
 */
static int
uppdrag_role_not_held(void)
{
	struct conn		 cn;
	struct ids		 ids;
	struct msg_uppdrag_list	 l;
	struct uppdrag_add	 adds[2];
	uint32_t		 rid;
	int			 rv = -1;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "samadm", &ids) != 0)
		goto out;
	add_set(&adds[0], ids.nberg, ROLE_INSATSANSVARIG, "", "");
	add_set(&adds[1], ids.slund, ROLE_INSATSANSVARIG, "", "");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, &adds[1], 1,
	    NULL, 0, ERR_VALIDATION, "Sara Lund har inte rollen "
	    "insatsansvarig", "slund as insatsansvarig") != 0)
		goto out;
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, adds, 2, NULL,
	    0, ERR_VALIDATION, "Sara Lund", "valid and invalid add") != 0)
		goto out;
	CHECK(count_user(&cn, ids.nberg) == 0, "the valid add was stored "
	    "although the Spara was refused");
	CHECK(count_user(&cn, ids.slund) == 0, "slund got an uppdrag");
	/* A samverkansadmin uppdrag for an insatsansvarig: no either. */
	add_set(&adds[1], ids.nberg, ROLE_SAMVERKANSADMIN, "", "");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, &adds[1], 1,
	    NULL, 0, ERR_VALIDATION, "Nils Berg har inte rollen "
	    "samverkansadministratör", "nberg as samverkansadmin") != 0)
		goto out;
	/* A deltagaransvarig uppdrag is not the organisation's to give. */
	add_set(&adds[1], ids.slund, ROLE_DELTAGARANSVARIG, "", "");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, &adds[1], 1,
	    NULL, 0, ERR_VALIDATION, NULL, "deltagaransvarig in a samorg") != 0)
		goto out;

	/* A removal is undone by a refused add after it. */
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, adds, 1, NULL,
	    0, 0, NULL, "samadm adds nberg") != 0)
		goto out;
	if (search(&cn, ids.nberg, 0, 0, 0, 0, &l) != 0)
		goto out;
	CHECK(l.nrows == 1, "nberg: %u uppdrag", l.nrows);
	rid = l.rows[0].id;
	add_set(&adds[1], ids.slund, ROLE_INSATSANSVARIG, "", "");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, &adds[1], 1,
	    &rid, 1, ERR_VALIDATION, "Sara Lund", "remove and bad add") != 0)
		goto out;
	CHECK(count_user(&cn, ids.nberg) == 1, "the removal stood although "
	    "the Spara was refused");
	rv = 0;
out:
	msg_clear(MSG_UPPDRAG_LIST, &l);
	return end(&cn, rv);
}

/*
 * An insatsansvarig gives deltagaransvarig uppdrag on her organisation's
 * insatser, not on another's, and has no say in the organisation panel.
 */
static int
uppdrag_insatsansv(void)
{
	struct conn		 cn;
	struct ids		 ids;
	struct msg_uppdrag_list	 l;
	struct uppdrag_add	 add;
	uint32_t		 rid;
	int			 i, rv = -1;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "insatsansv", &ids) != 0)
		goto out;
	add_set(&add, ids.slund, ROLE_DELTAGARANSVARIG, "", "");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_INSATS, ids.steget, &add, 1,
	    NULL, 0, 0, "1 tillagt", "slund on Steget vidare") != 0)
		goto out;
	if (search(&cn, 0, 0, ids.steget, 0, 0, &l) != 0)
		goto out;
	i = row_find(&l, ids.slund, ROLE_DELTAGARANSVARIG, ids.gbg,
	    ids.steget);
	CHECK(i >= 0, "slund missing from Steget vidare");
	CHECK(strcmp(l.rows[i].arbetsgivare, "Arbetsförmedlingen") == 0 &&
	    strcmp(l.rows[i].insats, "Steget vidare") == 0, "slund's row: "
	    "%s %s", l.rows[i].arbetsgivare, l.rows[i].insats);
	rid = l.rows[i].id;
	msg_clear(MSG_UPPDRAG_LIST, &l);

	if (expect_save(&cn, MSG_UPPDRAG_SAVE_INSATS, ids.jarva, &add, 1,
	    NULL, 0, ERR_FORBIDDEN, NULL, "slund on Järva jobbstart") != 0)
		goto out;
	add_set(&add, ids.nberg, ROLE_INSATSANSVARIG, "", "");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_INSATS, ids.steget, &add, 1,
	    NULL, 0, ERR_VALIDATION, "deltagaransvarig",
	    "insatsansvarig on an insats") != 0)
		goto out;
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, &add, 1, NULL,
	    0, ERR_FORBIDDEN, NULL, "insatsansv in the samorg panel") != 0)
		goto out;
	CHECK(count_user(&cn, ids.nberg) == 0 && count_user(&cn, ids.slund)
	    == 1, "refused adds were stored");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_INSATS, ids.steget, NULL, 0,
	    &rid, 1, 0, NULL, "insatsansv removes slund") != 0)
		goto out;
	CHECK(count_user(&cn, ids.slund) == 0, "slund's uppdrag is still "
	    "there");
	rv = 0;
out:
	msg_clear(MSG_UPPDRAG_LIST, &l);
	return end(&cn, rv);
}

/* A panel removes only its own uppdrag, and only ones that exist. */
static int
uppdrag_remove_foreign(void)
{
	struct conn		 cn;
	struct ids		 ids;
	struct msg_uppdrag_list	 l;
	struct uppdrag_add	 add;
	uint32_t		 sthlm_rid, demo_rid, none;
	int			 i, rv = -1;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "admin", &ids) != 0)
		goto out;
	add_set(&add, ids.nberg, ROLE_INSATSANSVARIG, "", "");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.sthlm, &add, 1,
	    NULL, 0, 0, NULL, "admin adds nberg in Stockholm") != 0)
		goto out;
	if (search(&cn, ids.nberg, 0, 0, 0, 0, &l) != 0)
		goto out;
	CHECK(l.nrows == 1, "nberg: %u uppdrag", l.nrows);
	sthlm_rid = l.rows[0].id;
	msg_clear(MSG_UPPDRAG_LIST, &l);
	if (search(&cn, ids.deltagaransv, 0, 0, 0, 0, &l) != 0)
		goto out;
	i = row_find(&l, ids.deltagaransv, ROLE_DELTAGARANSVARIG, ids.gbg,
	    ids.steget);
	CHECK(i >= 0, "deltagaransv's demo uppdrag missing");
	demo_rid = l.rows[i].id;
	msg_clear(MSG_UPPDRAG_LIST, &l);
	conn_close(&cn);

	if (case_login(&cn, "samadm") != 0)
		goto out;
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, NULL, 0,
	    &sthlm_rid, 1, ERR_VALIDATION, NULL,
	    "samadm removes a Stockholm uppdrag") != 0)
		goto out;
	/* An insats uppdrag is not the organisation panel's either. */
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, NULL, 0,
	    &demo_rid, 1, ERR_VALIDATION, NULL,
	    "samadm removes a deltagaransvarig uppdrag") != 0)
		goto out;
	none = NO_SUCH_ID;
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, NULL, 0,
	    &none, 1, ERR_NOT_FOUND, NULL, "samadm removes no uppdrag") != 0)
		goto out;
	conn_close(&cn);
	if (case_login(&cn, "insatsansv") != 0)
		goto out;
	/* Steget vidare's panel cannot take away a Stockholm uppdrag. */
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_INSATS, ids.steget, NULL, 0,
	    &sthlm_rid, 1, ERR_VALIDATION, NULL,
	    "insatsansv removes a samorg uppdrag") != 0)
		goto out;
	CHECK(count_user(&cn, ids.nberg) == 1 &&
	    count_user(&cn, ids.deltagaransv) == 1,
	    "a refused removal took place");
	rv = 0;
out:
	msg_clear(MSG_UPPDRAG_LIST, &l);
	return end(&cn, rv);
}

/* Dates: real ones, tom not before from, a future uppdrag is kept. */
static int
uppdrag_dates(void)
{
	static const struct {
		const char	*from, *tom, *text;
	} bad[] = {
		{ "2030-06-01", "2030-05-31", "före giltig från" },
		{ "2030-02-30", "", "giltig från" },
		{ "", "31/12/2030", "giltig till" },
		{ "2030-1-01", "", "giltig från" },
		{ "2000-01-01", "2001-01-01", "upphört" },
	};
	struct conn		 cn;
	struct ids		 ids;
	struct msg_uppdrag_list	 l;
	struct uppdrag_add	 add;
	size_t			 i;
	int			 rv = -1;

	memset(&l, 0, sizeof l);
	if (begin(&cn, "samadm", &ids) != 0)
		goto out;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		add_set(&add, ids.nberg, ROLE_INSATSANSVARIG, bad[i].from,
		    bad[i].tom);
		if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, &add, 1,
		    NULL, 0, ERR_VALIDATION, bad[i].text, bad[i].text) != 0)
			goto out;
	}
	CHECK(count_user(&cn, ids.nberg) == 0, "a bad date was stored");
	add_set(&add, ids.nberg, ROLE_INSATSANSVARIG, "2030-01-01",
	    "2030-01-01");
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, &add, 1, NULL,
	    0, 0, NULL, "a one-day future uppdrag") != 0)
		goto out;
	if (search(&cn, ids.nberg, 0, 0, 0, 0, &l) != 0)
		goto out;
	CHECK(l.nrows == 1 && strcmp(l.rows[0].giltig_from, "2030-01-01") ==
	    0 && strcmp(l.rows[0].giltig_tom, "2030-01-01") == 0,
	    "future uppdrag: %u rows", l.nrows);
	rv = 0;
out:
	msg_clear(MSG_UPPDRAG_LIST, &l);
	return end(&cn, rv);
}

/* An empty Spara is answered OK and changes nothing. */
static int
uppdrag_empty_save(void)
{
	struct conn		 cn;
	struct ids		 ids;
	struct msg_uppdrag_list	 before, after;
	uint32_t		 i;
	int			 rv = -1;

	memset(&before, 0, sizeof before);
	memset(&after, 0, sizeof after);
	if (begin(&cn, "samadm", &ids) != 0)
		goto out;
	if (search(&cn, 0, ids.gbg, 0, 0, SUS_LIST_MAX, &before) != 0)
		goto out;
	if (expect_save(&cn, MSG_UPPDRAG_SAVE_SAMORG, ids.gbg, NULL, 0, NULL,
	    0, 0, "inga ändringar", "empty Spara") != 0)
		goto out;
	if (search(&cn, 0, ids.gbg, 0, 0, SUS_LIST_MAX, &after) != 0)
		goto out;
	CHECK(before.total == after.total && before.nrows == after.nrows,
	    "%u uppdrag before, %u after", before.total, after.total);
	for (i = 0; i < after.nrows; i++)
		CHECK(before.rows[i].id == after.rows[i].id,
		    "row %u changed", i);
	rv = 0;
out:
	msg_clear(MSG_UPPDRAG_LIST, &before);
	msg_clear(MSG_UPPDRAG_LIST, &after);
	return end(&cn, rv);
}

const struct integ_case cases_uppdrag[] = {
	{ "main", "uppdrag_search_panels_filters_paging", uppdrag_search_demo },
	{ "main", "uppdrag_samadm_assigns_and_removes", uppdrag_samadm_assign },
	{ "main", "uppdrag_samadm_only_own_samorg", uppdrag_samadm_scope },
	{ "main", "uppdrag_admin_anywhere", uppdrag_admin_anywhere },
	{ "main", "uppdrag_other_roles_forbidden", uppdrag_roles_forbidden },
	{ "main", "uppdrag_role_not_held_atomic", uppdrag_role_not_held },
	{ "main", "uppdrag_insatsansv_deltagaransvarig", uppdrag_insatsansv },
	{ "main", "uppdrag_remove_only_own", uppdrag_remove_foreign },
	{ "main", "uppdrag_dates_checked", uppdrag_dates },
	{ "main", "uppdrag_empty_save_ok", uppdrag_empty_save },
	{ NULL, NULL, NULL }
};
