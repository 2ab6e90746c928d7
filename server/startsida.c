/*
 * Startsida (domain.md 5.2): the caller's samverkansorganisationer and
 * insatser with the actions the caller's roles and uppdrag allow. Only
 * uppdrag in force today count (the rule of har_uppdrag() in schema
 * 0005), and only for a role the caller still holds. The reply holds one
 * row per organisation, followed by its insatser: every insats of an
 * organisation where the caller is insatsansvarig, and the insatser the
 * caller is deltagaransvarig on. Within an organisation the insatser
 * still running come first, then those that have ended (slutdatum before
 * today), each group sorted the Swedish way; the row's slutdatum says
 * which is which. Organisations are sorted by name, ended or not; their
 * rows carry the organisation's own start and end.
 *
 * The actions are what the request table would let the caller do with
 * the row, so the client never offers a screen that then says no.
 * Superadministratörer work through the menu: without an uppdrag they
 * get no rows, nor do SUSrapport users and beställare.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "susd.h"
#include "xmalloc.h"

/*
 * Rows in one reply: the layout's cap (common/msg.c). A förbund runs a
 * few dozen insatser and a user works in a handful of förbund, so even
 * an insatsansvarig of many förbund stays far below it; more is not
 * realistic, and were it reached the last rows would simply be left out.
 */
#define START_RADER_MAX	2000

/*
 * $1 the caller. The rows with the caller's roles that gave them, as
 * "insatsansvarig,deltagaransvarig"; organisation rows have insats 0.
 */
static const char start_sql[] =
	"WITH u AS (SELECT u.roll, u.samverkansorg_id, u.insats_id"
	" FROM uppdrag u JOIN anvandare_roll r"
	" ON r.anvandare_id = u.anvandare_id AND r.roll = u.roll"
	" WHERE u.anvandare_id = $1::bigint"
	" AND u.giltig_from <= current_date"
	" AND (u.giltig_tom IS NULL OR u.giltig_tom >= current_date)),"
	" rad AS (SELECT coalesce(u.samverkansorg_id, i.samverkansorg_id)"
	" AS samorg_id, 0 AS insats_id, u.roll"
	" FROM u LEFT JOIN insats i ON i.id = u.insats_id"
	" UNION SELECT i.samverkansorg_id, i.id, u.roll"
	" FROM u JOIN insats i ON i.id = u.insats_id"
	" OR (u.roll = 'insatsansvarig'"
	" AND i.samverkansorg_id = u.samverkansorg_id))"
	" SELECT s.id, s.namn, r.insats_id, coalesce(i.namn, ''),"
	" to_char(coalesce(i.startdatum, s.startdatum), 'YYYY-MM-DD'),"
	" coalesce(to_char(CASE WHEN r.insats_id = 0 THEN s.slutdatum"
	" ELSE i.slutdatum END, 'YYYY-MM-DD'), ''),"
	" kod_kod(i.matningsmetod_id), insats_kategoriserad(i.id),"
	" string_agg(r.roll, ','), s.affk_myndighet IS NOT NULL"
	" FROM rad r JOIN samverkansorg s ON s.id = r.samorg_id"
	" LEFT JOIN insats i ON i.id = r.insats_id"
	" GROUP BY s.id, r.insats_id, i.id"
	" ORDER BY s.namn COLLATE \"sv-SE-x-icu\", s.id, r.insats_id <> 0,"
	" coalesce(i.slutdatum < current_date, false),"
	" i.namn COLLATE \"sv-SE-x-icu\", i.id"
	" LIMIT $2::bigint";

/* Columns of start_sql. */
enum {
	COL_SAMORG_ID, COL_SAMORG, COL_INSATS_ID, COL_INSATS, COL_START,
	COL_SLUT, COL_METOD, COL_KATEGORISERAD, COL_ROLLER, COL_AFFK
};

/* When a grant applies besides the role: the insats's mätningsmetod. */
enum start_when {
	WHEN_ALWAYS,
	WHEN_NOT_ANTAL,		/* registers persons, or not chosen yet */
	WHEN_ANTAL,		/* a volyminsats */
	WHEN_PERSON_READY,	/* categorised, and registers persons */
	WHEN_AFFK,		/* Af/FK: an office, or its organisation */
	WHEN_NOT_AFFK
};

/*
 * What a role's uppdrag gives a row: the request table's rows for the
 * screens behind each action (server/request.c) in short.
 */
static const struct start_grant {
	uint32_t	 role;
	int		 insats;	/* an insats row, else an organisation */
	enum start_when	 when;
	uint32_t	 actions;
} start_grants[] = {
	{ ROLE_SAMVERKANSADMIN, 0, WHEN_ALWAYS, START_A_SAMORG |
	    START_A_SAMORG_BUDGET | START_A_FRAGOR | START_A_UPPDRAG |
	    START_A_VISA },
	{ ROLE_INSATSANSVARIG, 0, WHEN_ALWAYS, START_A_VISA },
	{ ROLE_INSATSANSVARIG, 0, WHEN_NOT_AFFK, START_A_NY_INSATS },
	{ ROLE_DELTAGARANSVARIG, 0, WHEN_ALWAYS, START_A_VISA },
	{ ROLE_INSATSANSVARIG, 1, WHEN_ALWAYS, START_A_VISA },
	{ ROLE_INSATSANSVARIG, 1, WHEN_NOT_AFFK, START_A_INSATS |
	    START_A_INSATS_BUDGET },
	{ ROLE_INSATSANSVARIG, 1, WHEN_NOT_ANTAL, START_A_DELTAGARANSV },
	{ ROLE_INSATSANSVARIG, 1, WHEN_ANTAL, START_A_VOLYM },
	{ ROLE_DELTAGARANSVARIG, 1, WHEN_ALWAYS, START_A_VISA },
	{ ROLE_DELTAGARANSVARIG, 1, WHEN_PERSON_READY, START_A_DELTAGARE |
	    START_A_ANONYM },
	{ ROLE_DELTAGARANSVARIG, 1, WHEN_AFFK, START_A_AFFK |
	    START_A_ANONYM },
};

/* Reports whether a grant's condition holds for a row. */
static int
start_when_holds(enum start_when when, const char *metod, int kategoriserad,
    int affk)
{
	switch (when) {
	case WHEN_AFFK:
		return affk;
	case WHEN_NOT_AFFK:
		return !affk;
	case WHEN_ALWAYS:
		return 1;
	case WHEN_NOT_ANTAL:
		return strcmp(metod, "ANTAL") != 0;
	case WHEN_ANTAL:
		return strcmp(metod, "ANTAL") == 0;
	case WHEN_PERSON_READY:
		return !affk && kategoriserad && strcmp(metod, "PERSON") == 0;
	}
	return 0;
}

/* The START_A_* actions of a row from the grants of its roles. */
static uint32_t
start_actions(uint32_t roller, int insats, const char *metod,
    int kategoriserad, int affk)
{
	const struct start_grant	*g;
	uint32_t			 actions = 0;
	size_t				 i;

	for (i = 0; i < sizeof start_grants / sizeof start_grants[0]; i++) {
		g = &start_grants[i];
		if ((roller & g->role) && g->insats == insats &&
		    start_when_holds(g->when, metod, kategoriserad, affk))
			actions |= g->actions;
	}
	return actions;
}

/* Fills one reply row from row i of res; strings point into res. */
static void
start_row(PGresult *res, int i, struct start_rad *r)
{
	const char	*metod = PQgetvalue(res, i, COL_METOD);
	int		 kat = PQgetvalue(res, i, COL_KATEGORISERAD)[0] == 't';

	r->samorg_id = db_u32(res, i, COL_SAMORG_ID);
	r->samorg = PQgetvalue(res, i, COL_SAMORG);
	r->insats_id = db_u32(res, i, COL_INSATS_ID);
	r->insats = PQgetvalue(res, i, COL_INSATS);
	r->startdatum = PQgetvalue(res, i, COL_START);
	r->slutdatum = PQgetvalue(res, i, COL_SLUT);
	r->volym = strcmp(metod, "ANTAL") == 0;
	r->kategoriserad = (uint8_t)kat;
	r->roller = auth_roles_parse(PQgetvalue(res, i, COL_ROLLER));
	r->actions = start_actions(r->roller, r->insats_id != 0, metod, kat,
	    PQgetvalue(res, i, COL_AFFK)[0] == 't');
}

/* MSG_START_GET: the caller's Startsida rows. */
int
start_get(struct session *s, uint32_t id, void *m)
{
	struct msg_start	 st;
	PGresult		*res;
	const char		*params[2];
	char			 user[16], limit[16];
	int			 i, n, rv;

	(void)m;
	memset(&st, 0, sizeof st);
	snprintf(user, sizeof user, "%u", s->user_id);
	snprintf(limit, sizeof limit, "%d", START_RADER_MAX);
	params[0] = user;
	params[1] = limit;
	if ((res = db_exec(s, start_sql, 2, params)) == NULL) {
		rv = session_error(s, id, ERR_INTERNAL, "Startsidan kunde "
		    "inte hämtas på grund av ett serverfel.");
		return rv != 0 ? rv : REQ_ROLLBACK;
	}
	n = PQntuples(res);
	if (n > 0)
		st.rader = xcalloc((size_t)n, sizeof *st.rader);
	for (i = 0; i < n; i++)
		start_row(res, i, &st.rader[i]);
	st.nrader = (uint32_t)n;
	rv = session_reply(s, id, MSG_START, &st);
	/* Strings belong to the PGresult; only the array is ours. */
	free(st.rader);
	PQclear(res);
	return rv;
}
