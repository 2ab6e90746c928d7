/*
 * Startsida cases (MSG_START_GET): each role sees its organisations and
 * insatser with exactly the actions its uppdrag allow, in the order the
 * screen shows them, and nothing from an uppdrag not in force. The
 * insatser the cases look at are their own, made in Samordningsförbundet
 * Göteborg through the database (names starting "Startsidetest") and
 * removed again with every uppdrag on them; only the demo users, their
 * uppdrag in Göteborg and the insats Steget vidare are taken as found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "integ.h"
#include "msg.h"
#include "proto.h"

/* The fixtures' names, all starting with the tag the cleanup matches. */
#define TAG		"Startsidetest"
#define VOLYM		TAG " Zeta"	/* STRUKTUR, ANTAL */
#define PERSON		TAG " Åby"	/* INDIVID, PERSON */
#define OPEN		TAG " Älv"	/* not categorised */
#define ENDED		TAG " Avslutad"	/* PERSON, ended 2020 */
#define ENDED_TOM	"2020-12-31"

/* What an insatsansvarig may do with every insats of the organisation. */
#define A_INSATS	(START_A_INSATS | START_A_INSATS_BUDGET | START_A_VISA)
#define A_SAMADM	(START_A_SAMORG | START_A_SAMORG_BUDGET |	\
			    START_A_FRAGOR | START_A_UPPDRAG | START_A_VISA)

/* Ids the cases need. */
struct ids {
	uint32_t	 gbg;		/* Samordningsförbundet Göteborg */
	uint32_t	 volym, person, open, ended;	/* the fixtures */
};

/* Removes the fixtures and any uppdrag on them; 0 or -1. */
static int
clean(void)
{
	return integ_sql(NULL, 0,
	    "DELETE FROM uppdrag WHERE insats_id IN (SELECT id FROM insats"
	    " WHERE namn LIKE '" TAG "%%');"
	    " DELETE FROM insats WHERE namn LIKE '" TAG "%%';"
	    " DELETE FROM uppdrag WHERE anvandare_id = (SELECT id FROM"
	    " anvandare WHERE username = 'nberg');"
	    " INSERT INTO anvandare_roll (anvandare_id, roll) SELECT id,"
	    " 'insatsansvarig' FROM anvandare WHERE username = 'nberg'"
	    " ON CONFLICT DO NOTHING");
}

/* The id of a fixture by name, 0 after fail(). */
static uint32_t
fixture_id(const char *namn)
{
	return integ_sql_u32("SELECT id FROM insats WHERE namn = '%s'", namn);
}

/*
 * Makes the four insatser in Göteborg: a categorised volyminsats, a
 * categorised insats for persons, one not categorised and one that has
 * ended. 0 or -1.
 */
static int
fixtures(struct ids *d)
{
	memset(d, 0, sizeof *d);
	if (clean() != 0 || (d->gbg = integ_sql_u32("SELECT id FROM"
	    " samverkansorg WHERE namn = 'Samordningsförbundet Göteborg'")) ==
	    0)
		return -1;
	if (integ_sql(NULL, 0,
	    "INSERT INTO insats (samverkansorg_id, namn, startdatum,"
	    " slutdatum, inriktning_id, preciserad_id, matningsmetod_id)"
	    " SELECT %u, v.namn, v.startdatum::date, v.slutdatum::date,"
	    " r.id, p.id, m.id FROM (VALUES"
	    " ('" VOLYM "', '2022-01-01', NULL, 'STRUKTUR', 'NATVERK', 'ANTAL'),"
	    " ('" PERSON "', '2021-01-01', NULL, 'INDIVID', 'ARBETSTRANING',"
	    " 'PERSON'),"
	    " ('" OPEN "', '2023-01-01', NULL, NULL, NULL, NULL),"
	    " ('" ENDED "', '2020-01-01', '" ENDED_TOM "', 'INDIVID', 'REHAB',"
	    " 'PERSON')) AS v(namn, startdatum, slutdatum, inr, prec, metod)"
	    " LEFT JOIN kod r ON r.lista = 'inriktning' AND r.kod = v.inr"
	    " LEFT JOIN kod p ON p.lista = 'preciserad_inriktning'"
	    " AND p.kod = v.prec"
	    " LEFT JOIN kod m ON m.lista = 'matningsmetod' AND m.kod = v.metod;"
	    " INSERT INTO insats_malgrupp (insats_id, malgrupp_id)"
	    " SELECT i.id, k.id FROM insats i, kod k WHERE k.lista = 'malgrupp'"
	    " AND k.kod = CASE WHEN i.namn = '" VOLYM "' THEN 'PERSONAL'"
	    " ELSE 'UNGA' END AND i.namn IN ('" VOLYM "', '" PERSON "', '"
	    ENDED "')", d->gbg) != 0)
		return -1;
	if ((d->volym = fixture_id(VOLYM)) == 0 ||
	    (d->person = fixture_id(PERSON)) == 0 ||
	    (d->open = fixture_id(OPEN)) == 0 ||
	    (d->ended = fixture_id(ENDED)) == 0)
		return -1;
	return 0;
}

/* Removes the fixtures, closes the connection; returns rv or -1. */
static int
end(struct conn *cn, struct msg_start *st, int rv)
{
	msg_clear(MSG_START, st);
	if (cn->fd != -1)
		conn_close(cn);
	if (clean() != 0)
		rv = -1;
	return rv;
}

/* Logs in as user and fetches the Startsida into st; 0 or -1. */
static int
start_as(struct conn *cn, const char *user, struct msg_start *st)
{
	if (cn->fd != -1)
		conn_close(cn);
	msg_clear(MSG_START, st);
	if (case_login(cn, user) != 0)
		return -1;
	return integ_call_ok(cn, MSG_START_GET, NULL, MSG_START, st,
	    "START_GET");
}

/* Fetches the Startsida again on the same connection; 0 or -1. */
static int
refetch(struct conn *cn, struct msg_start *st)
{
	msg_clear(MSG_START, st);
	return integ_call_ok(cn, MSG_START_GET, NULL, MSG_START, st,
	    "START_GET");
}

/* The index of the row of an organisation (insats 0) or insats, or -1. */
static int
row_of(const struct msg_start *st, uint32_t samorg_id, uint32_t insats_id)
{
	uint32_t	i;

	for (i = 0; i < st->nrader; i++) {
		if (st->rader[i].insats_id == insats_id &&
		    (insats_id != 0 || st->rader[i].samorg_id == samorg_id))
			return (int)i;
	}
	return -1;
}

/* The index of an insats's row by name, or -1. */
static int
row_named(const struct msg_start *st, const char *namn)
{
	uint32_t	i;

	for (i = 0; i < st->nrader; i++) {
		if (st->rader[i].insats_id != 0 &&
		    strcmp(st->rader[i].insats, namn) == 0)
			return (int)i;
	}
	return -1;
}

/* Counts the insats rows. */
static uint32_t
insats_rows(const struct msg_start *st)
{
	uint32_t	i, n = 0;

	for (i = 0; i < st->nrader; i++)
		n += st->rader[i].insats_id != 0;
	return n;
}

/*
 * Checks that the rows after organisation row org up to the next
 * organisation row all belong to it and returns the index of that next
 * row (nrader when none).
 */
static int
group_end(const struct msg_start *st, int org)
{
	uint32_t	i;

	for (i = (uint32_t)org + 1; i < st->nrader; i++) {
		if (st->rader[i].insats_id == 0)
			break;
		if (st->rader[i].samorg_id != st->rader[org].samorg_id) {
			fail("row %u (%s) of another organisation in the group",
			    i, st->rader[i].insats);
			return -1;
		}
	}
	return (int)i;
}

/*
 * An insatsansvarig sees the organisation with Registrera ny insats and
 * every insats in it: VOLYM only on the volyminsats, DELTAGARANSV only
 * where persons are registered or nothing is chosen yet; the insatser
 * in Swedish order, the ended one last, all under their organisation.
 */
static int
start_insatsansvarig(void)
{
	struct conn		 cn = { .fd = -1 };
	struct msg_start	 st;
	struct ids		 d;
	int			 org, last, v, p, o, e, rv = -1;

	memset(&st, 0, sizeof st);
	if (fixtures(&d) != 0 || start_as(&cn, "insatsansv", &st) != 0)
		goto out;
	CHECK((org = row_of(&st, d.gbg, 0)) >= 0, "no Göteborg row");
	CHECK(st.rader[org].actions == (START_A_NY_INSATS | START_A_VISA),
	    "Göteborg actions %#x", st.rader[org].actions);
	CHECK(st.rader[org].roller == ROLE_INSATSANSVARIG,
	    "Göteborg roller %#x", st.rader[org].roller);
	CHECK(strcmp(st.rader[org].samorg, "Samordningsförbundet Göteborg") ==
	    0 && st.rader[org].insats[0] == '\0', "Göteborg row names");
	v = row_of(&st, 0, d.volym);
	p = row_of(&st, 0, d.person);
	o = row_of(&st, 0, d.open);
	e = row_of(&st, 0, d.ended);
	CHECK(v >= 0 && p >= 0 && o >= 0 && e >= 0,
	    "fixtures missing: %d %d %d %d", v, p, o, e);
	CHECK(row_named(&st, "Steget vidare") >= 0, "Steget vidare missing");
	CHECK(st.rader[v].actions == (A_INSATS | START_A_VOLYM),
	    "volyminsats actions %#x", st.rader[v].actions);
	CHECK(st.rader[v].volym == 1 && st.rader[v].kategoriserad == 1,
	    "volyminsats flags %u %u", st.rader[v].volym,
	    st.rader[v].kategoriserad);
	CHECK(st.rader[p].actions == (A_INSATS | START_A_DELTAGARANSV),
	    "person insats actions %#x", st.rader[p].actions);
	CHECK(st.rader[o].actions == (A_INSATS | START_A_DELTAGARANSV),
	    "uncategorised insats actions %#x", st.rader[o].actions);
	CHECK(st.rader[o].kategoriserad == 0 && st.rader[o].volym == 0,
	    "uncategorised flags");
	CHECK(st.rader[e].actions == (A_INSATS | START_A_DELTAGARANSV),
	    "ended insats actions %#x", st.rader[e].actions);
	CHECK(strcmp(st.rader[e].slutdatum, ENDED_TOM) == 0 &&
	    st.rader[v].slutdatum[0] == '\0' &&
	    strcmp(st.rader[v].startdatum, "2022-01-01") == 0,
	    "dates %s %s", st.rader[e].slutdatum, st.rader[v].startdatum);
	CHECK(st.rader[p].roller == ROLE_INSATSANSVARIG &&
	    st.rader[p].samorg_id == d.gbg, "person insats roller/samorg");
	/* Z, Å, Ä the Swedish way; bytes would put Ä before Å. */
	CHECK(org < v && v < p && p < o, "order %d %d %d %d", org, v, p, o);
	CHECK((last = group_end(&st, org)) >= 0, "group");
	CHECK(o < e && e < last, "ended insats not last in its group: %d %d "
	    "%d", o, e, last);
	rv = 0;
out:
	return end(&cn, &st, rv);
}

/* A samverkansadministratör: the organisation's five, and no insatser. */
static int
start_samverkansadmin(void)
{
	struct conn		 cn = { .fd = -1 };
	struct msg_start	 st;
	struct ids		 d;
	int			 org, rv = -1;

	memset(&st, 0, sizeof st);
	if (fixtures(&d) != 0 || start_as(&cn, "samadm", &st) != 0)
		goto out;
	CHECK((org = row_of(&st, d.gbg, 0)) >= 0, "no Göteborg row");
	CHECK(st.rader[org].actions == A_SAMADM, "Göteborg actions %#x",
	    st.rader[org].actions);
	CHECK(st.rader[org].roller == ROLE_SAMVERKANSADMIN,
	    "Göteborg roller %#x", st.rader[org].roller);
	CHECK(insats_rows(&st) == 0, "%u insats rows for a samverkansadmin",
	    insats_rows(&st));
	rv = 0;
out:
	return end(&cn, &st, rv);
}

/*
 * A deltagaransvarig sees the insatser of his uppdrag and their
 * organisation, only to look at, and Registrera deltagare and
 * Registrera anonyma deltagare once the insats is categorised (målgrupp
 * too) for persons; no other insats, and neither action on a
 * volyminsats.
 */
static int
start_deltagaransvarig(void)
{
	struct conn		 cn = { .fd = -1 };
	struct msg_start	 st;
	struct ids		 d;
	int			 org, o, sv, rv = -1;

	memset(&st, 0, sizeof st);
	if (fixtures(&d) != 0 || integ_sql(NULL, 0, "INSERT INTO uppdrag"
	    " (anvandare_id, roll, insats_id) SELECT id, 'deltagaransvarig',"
	    " %u FROM anvandare WHERE username = 'deltagaransv'", d.open) != 0 ||
	    start_as(&cn, "deltagaransv", &st) != 0)
		goto out;
	CHECK((org = row_of(&st, d.gbg, 0)) >= 0, "no Göteborg row");
	CHECK(st.rader[org].actions == START_A_VISA &&
	    st.rader[org].roller == ROLE_DELTAGARANSVARIG,
	    "Göteborg actions %#x roller %#x", st.rader[org].actions,
	    st.rader[org].roller);
	CHECK((sv = row_named(&st, "Steget vidare")) >= 0,
	    "Steget vidare missing");
	/* The demo's Steget vidare is categorised for persons. */
	CHECK(st.rader[sv].actions == (START_A_VISA | START_A_DELTAGARE |
	    START_A_ANONYM), "Steget vidare actions %#x",
	    st.rader[sv].actions);
	CHECK((o = row_of(&st, 0, d.open)) >= 0, "own insats missing");
	CHECK(st.rader[o].actions == START_A_VISA &&
	    st.rader[o].roller == ROLE_DELTAGARANSVARIG,
	    "uncategorised: actions %#x roller %#x", st.rader[o].actions,
	    st.rader[o].roller);
	CHECK(row_of(&st, 0, d.volym) < 0 && row_of(&st, 0, d.person) < 0 &&
	    row_of(&st, 0, d.ended) < 0 &&
	    row_named(&st, "Hisingens arbetsväg") < 0,
	    "an insats without his uppdrag shown");
	CHECK(insats_rows(&st) == 2, "%u insats rows, want 2",
	    insats_rows(&st));

	/* PERSON without a målgrupp is not categorised yet. */
	if (integ_sql(NULL, 0, "UPDATE insats SET inriktning_id = (SELECT id"
	    " FROM kod WHERE lista = 'inriktning' AND kod = 'INDIVID'),"
	    " preciserad_id = (SELECT id FROM kod WHERE"
	    " lista = 'preciserad_inriktning' AND kod = 'SAMORDNING'),"
	    " matningsmetod_id = (SELECT id FROM kod WHERE"
	    " lista = 'matningsmetod' AND kod = 'PERSON') WHERE id = %u",
	    d.open) != 0 || refetch(&cn, &st) != 0)
		goto out;
	CHECK((o = row_of(&st, 0, d.open)) >= 0, "own insats missing");
	CHECK(st.rader[o].actions == START_A_VISA,
	    "PERSON without målgrupp: actions %#x", st.rader[o].actions);
	if (integ_sql(NULL, 0, "INSERT INTO insats_malgrupp (insats_id,"
	    " malgrupp_id) SELECT %u, id FROM kod WHERE lista = 'malgrupp'"
	    " AND kod = 'UNGA'", d.open) != 0 || refetch(&cn, &st) != 0)
		goto out;
	CHECK((o = row_of(&st, 0, d.open)) >= 0, "own insats missing");
	CHECK(st.rader[o].actions == (START_A_DELTAGARE | START_A_ANONYM |
	    START_A_VISA), "categorised PERSON: actions %#x",
	    st.rader[o].actions);
	CHECK(st.rader[o].kategoriserad == 1, "not marked kategoriserad");

	/*
	 * A volyminsats never offers Registrera deltagare. The database
	 * refuses a deltagaransvarig there (SU036), so the uppdrag is made
	 * with the triggers off, as one left over from a fault would be.
	 */
	if (integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " INSERT INTO uppdrag (anvandare_id, roll, insats_id) SELECT id,"
	    " 'deltagaransvarig', %u FROM anvandare"
	    " WHERE username = 'deltagaransv'", d.volym) != 0 ||
	    refetch(&cn, &st) != 0)
		goto out;
	CHECK((o = row_of(&st, 0, d.volym)) >= 0, "volyminsats missing");
	CHECK(st.rader[o].actions == START_A_VISA && st.rader[o].volym == 1,
	    "volyminsats: actions %#x", st.rader[o].actions);
	rv = 0;
out:
	return end(&cn, &st, rv);
}

/*
 * Only uppdrag in force count: one that ended yesterday or starts
 * tomorrow gives no row, one that ends today does, unless the role has
 * gone. Nils Berg holds insatsansvarig and no uppdrag in the demo data.
 */
static int
start_uppdrag_ended(void)
{
	static const char set[] = "DELETE FROM uppdrag WHERE anvandare_id ="
	    " (SELECT id FROM anvandare WHERE username = 'nberg');"
	    " INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id,"
	    " giltig_from, giltig_tom) SELECT a.id, 'insatsansvarig', s.id,"
	    " %s, %s FROM anvandare a, samverkansorg s"
	    " WHERE a.username = 'nberg'"
	    " AND s.namn = 'Samordningsförbundet Göteborg'";
	struct conn		 cn = { .fd = -1 };
	struct msg_start	 st;
	struct ids		 d;
	int			 rv = -1;

	memset(&st, 0, sizeof st);
	if (fixtures(&d) != 0 || integ_sql(NULL, 0, set, "current_date - 30",
	    "current_date - 1") != 0 || start_as(&cn, "nberg", &st) != 0)
		goto out;
	CHECK(st.nrader == 0, "ended uppdrag gave %u rows", st.nrader);
	if (integ_sql(NULL, 0, set, "current_date + 1", "NULL") != 0 ||
	    refetch(&cn, &st) != 0)
		goto out;
	CHECK(st.nrader == 0, "future uppdrag gave %u rows", st.nrader);
	if (integ_sql(NULL, 0, set, "current_date - 30", "current_date") !=
	    0 || refetch(&cn, &st) != 0)
		goto out;
	CHECK(row_of(&st, d.gbg, 0) >= 0 && row_of(&st, 0, d.person) >= 0,
	    "uppdrag ending today gave no Göteborg rows (%u rows)",
	    st.nrader);
	/*
	 * Nor does an uppdrag for a role no longer held. Taking the role
	 * takes its uppdrag (schema 0005), so the role goes with the
	 * triggers off; clean() gives it back.
	 */
	if (integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " DELETE FROM anvandare_roll WHERE roll = 'insatsansvarig' AND"
	    " anvandare_id = (SELECT id FROM anvandare"
	    " WHERE username = 'nberg')") != 0 || refetch(&cn, &st) != 0)
		goto out;
	CHECK(st.nrader == 0, "uppdrag without the role gave %u rows",
	    st.nrader);
	rv = 0;
out:
	return end(&cn, &st, rv);
}

/* SUSrapport, a superadministratör and a beställare: no rows, no error. */
static int
start_no_rows(void)
{
	static const char *const users[] = { "rapport", "admin",
	    "bestallare" };
	struct conn		 cn = { .fd = -1 };
	struct msg_start	 st;
	struct ids		 d;
	size_t			 i;
	int			 rv = -1;

	memset(&st, 0, sizeof st);
	if (fixtures(&d) != 0)
		goto out;
	for (i = 0; i < sizeof users / sizeof users[0]; i++) {
		if (start_as(&cn, users[i], &st) != 0)
			goto out;
		CHECK(st.nrader == 0, "%s got %u rows", users[i], st.nrader);
	}
	rv = 0;
out:
	return end(&cn, &st, rv);
}

const struct integ_case cases_startsida[] = {
	{ "main", "start_insatsansvarig", start_insatsansvarig },
	{ "main", "start_samverkansadmin", start_samverkansadmin },
	{ "main", "start_deltagaransvarig", start_deltagaransvarig },
	{ "main", "start_uppdrag_ended", start_uppdrag_ended },
	{ "main", "start_no_rows", start_no_rows },
	{ NULL, NULL, NULL }
};
