/*
 * Users, their roles and their employers: "Visa användare" and the user
 * pickers, "Ändra roller", activation and deactivation, and the
 * organisation search. The rules of 4.2 are checked here first, for a
 * clear sentence, and by the database triggers again (schema 0005).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anvandare.h"
#include "log.h"
#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/* Rows in a page when the client does not say. */
#define ANVANDARE_PAGE_DEFAULT	100

/* Writes exactly the role bits as a text[] literal of role names. */
static void
anvandare_names(uint32_t bits, char *out, size_t len)
{
	const char	*name;
	uint32_t	 bit;

	strlcpy(out, "{", len);
	for (bit = 1; bit <= ROLE_SUSRAPPORT; bit <<= 1) {
		if ((bits & bit) == 0 || (name = auth_role_name(bit)) == NULL)
			continue;
		if (out[1] != '\0')
			strlcat(out, ",", len);
		strlcat(out, name, len);
	}
	strlcat(out, "}", len);
}

/* Role bits as a text[] literal, SUSrapport implied (anvandare.h). */
void
anvandare_roles_array(uint32_t bits, char *out, size_t len)
{
	bits &= ROLE_ANY;
	if ((bits & ~(uint32_t)ROLE_SUSRAPPORT) != 0)
		bits |= ROLE_SUSRAPPORT;
	anvandare_names(bits, out, len);
}

/* Checks rules 17-18 for a user and a role set (anvandare.h). */
int
anvandare_roles_check(struct session *s, uint32_t id, uint32_t uid,
    uint32_t bits)
{
	struct rule_person	 p;
	PGresult		*res;
	const char		*params[1], *why;
	char			 u[16];
	int			 r;

	snprintf(u, sizeof u, "%u", uid);
	params[0] = u;
	/* The row lock keeps two role changes for one user in order. */
	res = db_exec(s, "SELECT o.organisationstyp,"
	    " coalesce(o.sus_forvaltning, false),"
	    " EXISTS (SELECT 1 FROM bestallare b WHERE b.anvandare_id = a.id"
	    "  AND b.giltig_tom >= current_date)"
	    " FROM anvandare a LEFT JOIN organisation o"
	    " ON o.id = a.arbetsgivare_id WHERE a.id = $1 FOR UPDATE OF a",
	    1, params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		r = session_error(s, id, ERR_NOT_FOUND,
		    "Användaren finns inte.");
		return r != 0 ? r : REQ_ROLLBACK;
	}
	memset(&p, 0, sizeof p);
	p.roles = bits;
	p.organisationstyp = PQgetisnull(res, 0, 0) ? NULL :
	    PQgetvalue(res, 0, 0);
	p.sus_forvaltning = PQgetvalue(res, 0, 1)[0] == 't';
	p.bestallare = PQgetvalue(res, 0, 2)[0] == 't';
	why = rule_roles_refusal(&p);
	r = why != NULL ? session_error(s, id, ERR_VALIDATION, "%s", why) : 0;
	PQclear(res);
	if (why == NULL)
		return 0;
	return r != 0 ? r : REQ_ROLLBACK;
}

/* Makes bits a user's whole role set (anvandare.h). */
int
anvandare_roles_replace(struct session *s, uint32_t uid, uint32_t bits)
{
	char		 u[16], names[160];
	const char	*params[2] = { u, names };

	snprintf(u, sizeof u, "%u", uid);
	anvandare_roles_array(bits, names, sizeof names);
	/*
	 * Removals first: a role going out may be what makes a new one
	 * allowed, and the triggers check after each statement.
	 */
	if (db_exec_cmd(s, "DELETE FROM anvandare_roll WHERE anvandare_id = $1"
	    " AND NOT (roll = ANY ($2::text[]))", 2, params) != 0)
		return -1;
	if (db_exec_cmd(s, "INSERT INTO anvandare_roll (anvandare_id, roll)"
	    " SELECT $1::integer, x FROM unnest($2::text[]) AS x"
	    " ON CONFLICT DO NOTHING", 2, params) != 0)
		return -1;
	return 0;
}

/*
 * The filters of "Visa användare": $1-$3 LIKE patterns on förnamn,
 * efternamn and employer, $4 an employer id or 0, $5 role names, $6
 * whether registered beställare count, $7 whether to filter on roles at
 * all, $8 whether the caller is a superadministratör (who sees inactive
 * users too).
 */
#define USER_SEARCH_FROM						\
	" FROM anvandare a"						\
	" LEFT JOIN organisation o ON o.id = a.arbetsgivare_id"		\
	" WHERE a.fornamn ILIKE $1 AND a.efternamn ILIKE $2"		\
	" AND coalesce(o.namn, '') ILIKE $3"				\
	" AND ($4::integer = 0 OR a.arbetsgivare_id = $4::integer)"	\
	" AND (NOT $7::boolean OR EXISTS (SELECT 1 FROM anvandare_roll r" \
	"  WHERE r.anvandare_id = a.id AND r.roll = ANY ($5::text[]))"	\
	"  OR ($6::boolean AND ar_bestallare(a.id, current_date)))"	\
	" AND ($8::boolean OR a.aktiv)"

#define USER_SEARCH_SQL							\
	"SELECT a.id, CASE WHEN $8::boolean THEN a.username ELSE '' END," \
	" a.fornamn, a.efternamn, coalesce(a.epost, ''),"		\
	" coalesce(a.arbetsgivare_id, 0), coalesce(o.namn, ''),"	\
	" coalesce((SELECT string_agg(r.roll, ',') FROM anvandare_roll r" \
	"  WHERE r.anvandare_id = a.id), ''), a.aktiv,"		\
	" coalesce((SELECT to_char(max(b.giltig_tom), 'YYYY-MM-DD')"	\
	"  FROM bestallare b WHERE b.anvandare_id = a.id"		\
	"  AND b.giltig_from <= current_date"				\
	"  AND b.giltig_tom >= current_date), '')"			\
	USER_SEARCH_FROM						\
	" ORDER BY a.efternamn COLLATE \"sv-SE-x-icu\","		\
	" a.fornamn COLLATE \"sv-SE-x-icu\", a.id"			\
	" OFFSET $9 LIMIT $10"

/*
 * MSG_USER_SEARCH → MSG_USER_LIST. Everyone may search (the pickers and
 * "Visa användare"); only a superadministratör sees usernames and
 * inactive accounts.
 */
int
anvandare_search(struct session *s, uint32_t id, void *m)
{
	struct msg_user_search	*q = m;
	struct msg_user_list	 list;
	struct db_page		 pg;
	PGresult		*res;
	char			 fn[256], en[256], ag[256], org[16], names[160];
	const char		*params[10];
	uint32_t		 i;
	int			 super = (s->roles & ROLE_SUPERADMIN) != 0, rv;

	memset(&list, 0, sizeof list);
	db_page_init(&pg, q->offset, q->limit, ANVANDARE_PAGE_DEFAULT);
	if ((q->roles & ~(uint32_t)(ROLE_ANY | ROLE_BESTALLARE)) != 0)
		return session_error(s, id, ERR_BAD_REQUEST,
		    "Okänd roll i sökningen.");
	search_pattern(q->fornamn, fn, sizeof fn);
	search_pattern(q->efternamn, en, sizeof en);
	search_pattern(q->arbetsgivare, ag, sizeof ag);
	snprintf(org, sizeof org, "%u", q->organisation_id);
	/* Holding any of these: SUSrapport only when asked for. */
	anvandare_names(q->roles & ROLE_ANY, names, sizeof names);
	params[0] = fn;
	params[1] = en;
	params[2] = ag;
	params[3] = org;
	params[4] = names;
	params[5] = (q->roles & ROLE_BESTALLARE) ? "t" : "f";
	params[6] = q->roles != 0 ? "t" : "f";
	params[7] = super ? "t" : "f";
	if ((rv = db_page_fetch(s, id, &pg, "SELECT count(*)"
	    USER_SEARCH_FROM, USER_SEARCH_SQL, params, 8)) != 0)
		goto out;
	res = pg.rows;
	list.total = pg.total;
	list.nrows = pg.nrows;
	if (list.nrows > 0)
		list.rows = xcalloc(list.nrows, sizeof *list.rows);
	for (i = 0; i < list.nrows; i++) {
		struct user_row	*u = &list.rows[i];
		int		 n = (int)i;

		u->id = db_u32(res, n, 0);
		u->username = PQgetvalue(res, n, 1);
		u->fornamn = PQgetvalue(res, n, 2);
		u->efternamn = PQgetvalue(res, n, 3);
		u->epost = PQgetvalue(res, n, 4);
		u->arbetsgivare_id = db_u32(res, n, 5);
		u->arbetsgivare = PQgetvalue(res, n, 6);
		u->roles = auth_roles_parse(PQgetvalue(res, n, 7));
		u->aktiv = PQgetvalue(res, n, 8)[0] == 't';
		u->bestallare_tom = PQgetvalue(res, n, 9);
	}
	rv = session_reply(s, id, MSG_USER_LIST, &list);
out:
	/* Strings belong to the PGresult; only the array is ours. */
	free(list.rows);
	db_page_clear(&pg);
	return rv;
}

/*
 * MSG_ROLE_SET: a user's whole role set, SUSrapport implied (rule 19).
 * Rules 17-18 are checked first for a clear sentence; the triggers check
 * again.
 */
int
anvandare_role_set(struct session *s, uint32_t id, void *m)
{
	struct msg_role_set	*q = m;
	struct msg_ok		 ok;
	int			 r;

	if ((q->roles & ~(uint32_t)ROLE_ANY) != 0)
		return session_error(s, id, ERR_VALIDATION,
		    "Okänd roll: bara de fem rollerna kan ges.");
	if (q->user_id == s->user_id && (q->roles & ROLE_SUPERADMIN) == 0)
		return session_error(s, id, ERR_VALIDATION,
		    "Du kan inte ta bort din egen roll som "
		    "superadministratör.");
	if ((r = anvandare_roles_check(s, id, q->user_id, q->roles)) != 0)
		return r;
	if (anvandare_roles_replace(s, q->user_id, q->roles) != 0)
		return db_refused(s, id);
	log_info("roles of user %u set to 0x%02x by user %u", q->user_id,
	    q->roles, s->user_id);
	memset(&ok, 0, sizeof ok);
	ok.id = q->user_id;
	ok.message = q->roles == 0 ? "Användaren har inte längre några "
	    "roller." : "Rollerna är sparade.";
	return session_reply(s, id, MSG_OK, &ok);
}

/*
 * MSG_USER_ACTIVE: activates or deactivates an account. Deactivation is
 * recorded with its time; the user's open sessions end at their next
 * request, and the trigger takes the user's uppdrag away (rule 16).
 */
int
anvandare_active(struct session *s, uint32_t id, void *m)
{
	struct msg_user_active	*q = m;
	struct msg_ok		 ok;
	PGresult		*res;
	char			 u[16], text[160];
	const char		*params[2];
	int			 rv;

	if (q->user_id == s->user_id && !q->aktiv)
		return session_error(s, id, ERR_VALIDATION,
		    "Du kan inte inaktivera ditt eget konto.");
	snprintf(u, sizeof u, "%u", q->user_id);
	params[0] = u;
	params[1] = q->aktiv ? "t" : "f";
	res = db_exec(s, "UPDATE anvandare SET aktiv = $2::boolean,"
	    " inaktiverad_at = CASE WHEN $2::boolean THEN NULL"
	    " WHEN aktiv THEN now() ELSE inaktiverad_at END"
	    " WHERE id = $1 RETURNING fornamn || ' ' || efternamn", 2, params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_error(s, id, ERR_NOT_FOUND,
		    "Användaren finns inte.");
	}
	snprintf(text, sizeof text, "%s är %s.", PQgetvalue(res, 0, 0),
	    q->aktiv ? "aktiverad" : "inaktiverad");
	PQclear(res);
	log_info("user %u %s by user %u", q->user_id,
	    q->aktiv ? "activated" : "deactivated", s->user_id);
	memset(&ok, 0, sizeof ok);
	ok.id = q->user_id;
	ok.message = text;
	rv = session_reply(s, id, MSG_OK, &ok);
	return rv;
}

#define ORG_SEARCH_FROM							\
	" FROM organisation o"						\
	" LEFT JOIN overenskommelse k ON k.organisation_id = o.id"	\
	" WHERE o.namn ILIKE $1"

/*
 * MSG_ORG_SEARCH → MSG_ORG_LIST: organisations with their agreement,
 * kommun, län and whether they are still offered (aktiv).
 */
int
organisation_search(struct session *s, uint32_t id, void *m)
{
	struct msg_org_search	*q = m;
	struct msg_org_list	 list;
	struct db_page		 pg;
	PGresult		*res;
	char			 pat[256];
	const char		*params[3];
	uint32_t		 i;
	int			 rv;

	memset(&list, 0, sizeof list);
	db_page_init(&pg, q->offset, q->limit, ANVANDARE_PAGE_DEFAULT);
	search_pattern(q->pattern, pat, sizeof pat);
	params[0] = pat;
	if ((rv = db_page_fetch(s, id, &pg, "SELECT count(*)" ORG_SEARCH_FROM,
	    "SELECT o.id, o.namn, o.organisationstyp,"
	    " coalesce(to_char(k.undertecknad, 'YYYY-MM-DD'), ''),"
	    " coalesce(to_char(k.upphor, 'YYYY-MM-DD'), ''),"
	    " o.sus_forvaltning, coalesce(o.kommunkod::text, ''),"
	    " coalesce(o.lanskod::text, ''), o.aktiv" ORG_SEARCH_FROM
	    " ORDER BY o.namn COLLATE \"sv-SE-x-icu\", o.id"
	    " OFFSET $2 LIMIT $3", params, 1)) != 0)
		goto out;
	res = pg.rows;
	list.total = pg.total;
	list.nrows = pg.nrows;
	if (list.nrows > 0)
		list.rows = xcalloc(list.nrows, sizeof *list.rows);
	for (i = 0; i < list.nrows; i++) {
		struct org_row	*o = &list.rows[i];
		int		 n = (int)i;

		o->id = db_u32(res, n, 0);
		o->namn = PQgetvalue(res, n, 1);
		o->organisationstyp = PQgetvalue(res, n, 2);
		o->undertecknad = PQgetvalue(res, n, 3);
		o->upphor = PQgetvalue(res, n, 4);
		o->sus_forvaltning = PQgetvalue(res, n, 5)[0] == 't';
		o->kommunkod = PQgetvalue(res, n, 6);
		o->lanskod = PQgetvalue(res, n, 7);
		o->aktiv = PQgetvalue(res, n, 8)[0] == 't';
	}
	rv = session_reply(s, id, MSG_ORG_LIST, &list);
out:
	free(list.rows);
	db_page_clear(&pg);
	return rv;
}
