/*
 * Uppdrag (domain.md 2.8): who works where. The search is the data behind
 * every uppdrag panel and is open to every role; the two saves are one
 * Spara of a panel, for a samverkansorganisation (samverkansadministratörer
 * and insatsansvariga, rule 13) or for an insats (deltagaransvariga, rule
 * 14). The request table has checked the caller's role and uppdrag; the
 * database re-checks rules 12 and 17 in triggers and audits every change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/* A page when the client asks for none. */
#define UPPDRAG_PAGE	100

/*
 * The uppdrag matching the search: $1 user, $2 samverkansorganisation
 * (its own uppdrag and those on its insatser), $3 insats; 0 = any. An
 * insats uppdrag belongs to the insats's samverkansorganisation.
 */
#define UPPDRAG_FROM							\
	" FROM uppdrag u"						\
	" JOIN anvandare a ON a.id = u.anvandare_id"			\
	" LEFT JOIN organisation o ON o.id = a.arbetsgivare_id"		\
	" LEFT JOIN insats i ON i.id = u.insats_id"			\
	" JOIN samverkansorg s"						\
	" ON s.id = coalesce(u.samverkansorg_id, i.samverkansorg_id)"	\
	" WHERE ($1::bigint = 0 OR u.anvandare_id = $1::bigint)"	\
	" AND ($2::bigint = 0 OR s.id = $2::bigint)"			\
	" AND ($3::bigint = 0 OR u.insats_id = $3::bigint)"

static const char uppdrag_count_sql[] = "SELECT count(*)" UPPDRAG_FROM;

static const char uppdrag_search_sql[] =
	"SELECT u.id, a.id, a.fornamn, a.efternamn, coalesce(a.epost, ''),"
	" coalesce(o.namn, ''), u.roll, s.id, s.namn, coalesce(i.id, 0),"
	" coalesce(i.namn, ''), to_char(u.giltig_from, 'YYYY-MM-DD'),"
	" coalesce(to_char(u.giltig_tom, 'YYYY-MM-DD'), '')"
	UPPDRAG_FROM
	" ORDER BY s.namn COLLATE \"sv-SE-x-icu\","
	" CASE u.roll WHEN 'samverkansadmin' THEN 1"
	" WHEN 'insatsansvarig' THEN 2 ELSE 3 END,"
	" a.efternamn COLLATE \"sv-SE-x-icu\","
	" a.fornamn COLLATE \"sv-SE-x-icu\","
	" i.namn COLLATE \"sv-SE-x-icu\", u.id"
	" OFFSET $4 LIMIT $5";

/*
 * What one save needs to know of its target: the roles its uppdrag may
 * have and the SQL that differs between a samverkansorganisation and an
 * insats. Everything else is shared.
 */
struct uppdrag_target {
	uint32_t	 roles;		/* ROLE_* an uppdrag here may have */
	const char	*place;		/* "i", "på": "insatsansvarig i X" */
	const char	*missing;	/* the target does not exist */
	const char	*wrong_roll;	/* an add with another role */
	const char	*wrong_target;	/* a removal of someone else's */
	const char	*name_sql;	/* $1 target → its name */
	const char	*owner_sql;	/* $1 uppdrag, $2 target → ours? */
	const char	*dup_sql;	/* $1 user, $2 roll, $3 target */
	const char	*insert_sql;	/* $1..$6, see uppdrag_add_one() */
};

static const struct uppdrag_target uppdrag_samorg = {
	ROLE_SAMVERKANSADMIN | ROLE_INSATSANSVARIG,
	"i",
	"Samverkansorganisationen finns inte.",
	"I en samverkansorganisation kan uppdrag bara ges som "
	    "samverkansadministratör eller insatsansvarig.",
	"Uppdraget hör inte till samverkansorganisationens "
	    "samverkansadministratörer eller insatsansvariga.",
	"SELECT namn FROM samverkansorg WHERE id = $1::bigint",
	"SELECT u.samverkansorg_id IS NOT DISTINCT FROM $2::bigint"
	    " AND u.roll IN ('samverkansadmin', 'insatsansvarig')"
	    " FROM uppdrag u WHERE u.id = $1::bigint FOR UPDATE",
	"SELECT 1 FROM uppdrag WHERE anvandare_id = $1::bigint"
	    " AND roll = $2 AND samverkansorg_id = $3::bigint",
	"INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id,"
	    " giltig_from, giltig_tom, skapad_av)"
	    " VALUES ($1::bigint, $2, $3::bigint, $4::date, $5::date,"
	    " $6::bigint)",
};

static const struct uppdrag_target uppdrag_insats = {
	ROLE_DELTAGARANSVARIG,
	"på",
	"Insatsen finns inte.",
	"På en insats kan uppdrag bara ges som deltagaransvarig.",
	"Uppdraget hör inte till insatsens deltagaransvariga.",
	"SELECT namn FROM insats WHERE id = $1::bigint",
	"SELECT u.insats_id IS NOT DISTINCT FROM $2::bigint"
	    " FROM uppdrag u WHERE u.id = $1::bigint FOR UPDATE",
	"SELECT 1 FROM uppdrag WHERE anvandare_id = $1::bigint"
	    " AND roll = $2 AND insats_id = $3::bigint",
	"INSERT INTO uppdrag (anvandare_id, roll, insats_id,"
	    " giltig_from, giltig_tom, skapad_av)"
	    " VALUES ($1::bigint, $2, $3::bigint, $4::date, $5::date,"
	    " $6::bigint)",
};

/* How the roles are named in sentences (auth_role_name() gives the stored). */
static const struct {
	uint32_t	 bit;
	const char	*text;
} uppdrag_roll_texts[] = {
	{ ROLE_SAMVERKANSADMIN, "samverkansadministratör" },
	{ ROLE_INSATSANSVARIG, "insatsansvarig" },
	{ ROLE_DELTAGARANSVARIG, "deltagaransvarig" },
};

/* The Swedish word for one role bit, "" if none. */
static const char *
uppdrag_roll_text(uint32_t bit)
{
	size_t	i;

	for (i = 0; i < sizeof uppdrag_roll_texts /
	    sizeof uppdrag_roll_texts[0]; i++) {
		if (uppdrag_roll_texts[i].bit == bit)
			return uppdrag_roll_texts[i].text;
	}
	return "";
}

/* MSG_UPPDRAG_SEARCH → MSG_UPPDRAG_LIST, one page in the panels' order. */
int
uppdrag_search(struct session *s, uint32_t id, void *m)
{
	struct msg_uppdrag_search	*q = m;
	struct msg_uppdrag_list		 list;
	struct uppdrag_row		*row;
	struct db_page			 pg;
	PGresult			*res;
	char				 user[16], samorg[16], insats[16];
	const char			*params[5];
	uint32_t			 i;
	int				 rv;

	memset(&list, 0, sizeof list);
	db_page_init(&pg, q->offset, q->limit, UPPDRAG_PAGE);
	snprintf(user, sizeof user, "%u", q->user_id);
	snprintf(samorg, sizeof samorg, "%u", q->samorg_id);
	snprintf(insats, sizeof insats, "%u", q->insats_id);
	params[0] = user;
	params[1] = samorg;
	params[2] = insats;
	if ((rv = db_page_fetch(s, id, &pg, uppdrag_count_sql,
	    uppdrag_search_sql, params, 3)) != 0)
		goto out;
	res = pg.rows;
	list.total = pg.total;
	list.nrows = pg.nrows;
	if (list.nrows > 0)
		list.rows = xcalloc(list.nrows, sizeof *list.rows);
	for (i = 0; i < list.nrows; i++) {
		row = &list.rows[i];
		row->id = db_u32(res, (int)i, 0);
		row->user_id = db_u32(res, (int)i, 1);
		row->fornamn = PQgetvalue(res, (int)i, 2);
		row->efternamn = PQgetvalue(res, (int)i, 3);
		row->epost = PQgetvalue(res, (int)i, 4);
		row->arbetsgivare = PQgetvalue(res, (int)i, 5);
		row->roll = auth_role_bit(PQgetvalue(res, (int)i, 6));
		row->samorg_id = db_u32(res, (int)i, 7);
		row->samorg = PQgetvalue(res, (int)i, 8);
		row->insats_id = db_u32(res, (int)i, 9);
		row->insats = PQgetvalue(res, (int)i, 10);
		row->giltig_from = PQgetvalue(res, (int)i, 11);
		row->giltig_tom = PQgetvalue(res, (int)i, 12);
	}
	rv = session_reply(s, id, MSG_UPPDRAG_LIST, &list);
out:
	/* Strings belong to the PGresult; only the array is ours. */
	free(list.rows);
	db_page_clear(&pg);
	return rv;
}

/* Removes one uppdrag of the target; 0, or what the handler returns. */
static int
uppdrag_remove_one(struct session *s, uint32_t id,
    const struct uppdrag_target *t, const char *target, uint32_t uid)
{
	PGresult	*res;
	char		 ustr[16];
	const char	*params[2];
	int		 ours;

	snprintf(ustr, sizeof ustr, "%u", uid);
	params[0] = ustr;
	params[1] = target;
	if ((res = db_exec(s, t->owner_sql, 2, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Uppdraget som skulle tas bort finns inte längre.");
	}
	ours = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	if (!ours)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    t->wrong_target);
	if (db_exec_cmd(s, "DELETE FROM uppdrag WHERE id = $1::bigint", 1,
	    params) != 0)
		return db_refused(s, id);
	return 0;
}

/*
 * Adds one uppdrag on the target after the checks that have a clearer
 * answer than the database's: the role, the person, the dates, rule 12
 * and a duplicate. Returns 0, or what the handler returns.
 */
static int
uppdrag_add_one(struct session *s, uint32_t id,
    const struct uppdrag_target *t, const char *target,
    const char *target_name, const char *today, const struct uppdrag_add *a)
{
	PGresult	*res = NULL;
	char		 ustr[16], creator[16], name[128], text[400];
	const char	*roll, *from, *tom, *params[6];
	int		 aktiv, holds;

	roll = auth_role_name(a->roll);
	if (roll == NULL || (a->roll & t->roles) == 0)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    t->wrong_roll);
	snprintf(ustr, sizeof ustr, "%u", a->user_id);
	params[0] = ustr;
	params[1] = roll;
	if ((res = db_exec(s, "SELECT a.fornamn || ' ' || a.efternamn,"
	    " a.aktiv, EXISTS (SELECT 1 FROM anvandare_roll r"
	    " WHERE r.anvandare_id = a.id AND r.roll = $2)"
	    " FROM anvandare a WHERE a.id = $1::bigint", 2, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Användaren som skulle få uppdraget finns inte.");
	}
	strlcpy(name, PQgetvalue(res, 0, 0), sizeof name);
	aktiv = strcmp(PQgetvalue(res, 0, 1), "t") == 0;
	holds = strcmp(PQgetvalue(res, 0, 2), "t") == 0;
	PQclear(res);

	from = a->giltig_from[0] == '\0' ? today : a->giltig_from;
	tom = a->giltig_tom[0] == '\0' ? NULL : a->giltig_tom;
	if (!date_valid(from)) {
		snprintf(text, sizeof text, "Uppdraget för %s: giltig från "
		    "måste vara ett datum (ÅÅÅÅ-MM-DD).", name);
		return session_refuse(s, id, ERR_VALIDATION, "%s", text);
	}
	if (tom != NULL && !date_valid(tom)) {
		snprintf(text, sizeof text, "Uppdraget för %s: giltig till "
		    "måste vara ett datum (ÅÅÅÅ-MM-DD).", name);
		return session_refuse(s, id, ERR_VALIDATION, "%s", text);
	}
	/* Valid dates in one format compare as strings. */
	if (tom != NULL && strcmp(tom, from) < 0) {
		snprintf(text, sizeof text, "Uppdraget för %s: giltig till "
		    "får inte vara före giltig från.", name);
		return session_refuse(s, id, ERR_VALIDATION, "%s", text);
	}
	/* An uppdrag no longer valid must go (rule 16), so never comes. */
	if (tom != NULL && strcmp(tom, today) < 0) {
		snprintf(text, sizeof text, "Uppdraget för %s har redan "
		    "upphört (giltig till %s).", name, tom);
		return session_refuse(s, id, ERR_VALIDATION, "%s", text);
	}
	if (!aktiv) {
		snprintf(text, sizeof text, "%s är inte en aktiv användare.",
		    name);
		return session_refuse(s, id, ERR_VALIDATION, "%s", text);
	}
	if (!holds) {
		snprintf(text, sizeof text, "%s har inte rollen %s.", name,
		    uppdrag_roll_text(a->roll));
		return session_refuse(s, id, ERR_VALIDATION, "%s", text);
	}

	params[2] = target;
	if ((res = db_exec(s, t->dup_sql, 3, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) > 0) {
		PQclear(res);
		snprintf(text, sizeof text, "%s är redan %s %s %s.", name,
		    uppdrag_roll_text(a->roll), t->place, target_name);
		return session_refuse(s, id, ERR_CONFLICT, "%s", text);
	}
	PQclear(res);

	snprintf(creator, sizeof creator, "%u", s->user_id);
	params[3] = from;
	params[4] = tom;
	params[5] = creator;
	if (db_exec_cmd(s, t->insert_sql, 6, params) != 0)
		return db_refused(s, id);
	return 0;
}

/*
 * Applies one Spara of an uppdrag panel: removals first, so that an
 * uppdrag can be taken away and given again with new dates, then adds.
 * Returns 0, or what the handler returns after a refusal; any refusal
 * rolls back the whole save.
 */
static int
uppdrag_apply(struct session *s, uint32_t id,
    const struct uppdrag_target *t, const struct msg_uppdrag_save *q)
{
	PGresult	*res;
	char		 target[16], target_name[128], today[16];
	const char	*params[1];
	uint32_t	 i;
	int		 rv;

	today[0] = '\0';
	snprintf(target, sizeof target, "%u", q->target_id);
	params[0] = target;
	if ((res = db_exec(s, t->name_sql, 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND, "%s",
		    t->missing);
	}
	strlcpy(target_name, PQgetvalue(res, 0, 0), sizeof target_name);
	PQclear(res);

	for (i = 0; i < q->nremoves; i++) {
		if ((rv = uppdrag_remove_one(s, id, t, target,
		    q->removes[i].id)) != 0)
			return rv;
	}
	if (q->nadds > 0) {
		/* The database's day, so that "" means the same as DEFAULT. */
		if ((res = db_exec(s, "SELECT to_char(current_date,"
		    " 'YYYY-MM-DD')", 0, NULL)) == NULL)
			return db_refused(s, id);
		strlcpy(today, PQgetvalue(res, 0, 0), sizeof today);
		PQclear(res);
	}
	for (i = 0; i < q->nadds; i++) {
		if ((rv = uppdrag_add_one(s, id, t, target, target_name,
		    today, &q->adds[i])) != 0)
			return rv;
	}
	return 0;
}

/* One Spara of an uppdrag panel, answered with what changed. */
static int
uppdrag_save(struct session *s, uint32_t id,
    const struct uppdrag_target *t, const struct msg_uppdrag_save *q)
{
	struct msg_ok	 ok;
	char		 text[160];
	int		 rv;

	if ((rv = uppdrag_apply(s, id, t, q)) != 0)
		return rv;
	if (q->nadds == 0 && q->nremoves == 0)
		snprintf(text, sizeof text, "Uppdragen är sparade: inga "
		    "ändringar.");
	else
		snprintf(text, sizeof text, "Uppdragen är sparade: %u %s, "
		    "%u %s.", q->nadds, q->nadds == 1 ? "tillagt" : "tillagda",
		    q->nremoves, q->nremoves == 1 ? "borttaget" : "borttagna");
	ok.id = 0;
	ok.message = text;
	return session_reply(s, id, MSG_OK, &ok);
}

int
uppdrag_apply_insats(struct session *s, uint32_t id,
    const struct msg_uppdrag_save *q)
{
	return uppdrag_apply(s, id, &uppdrag_insats, q);
}

/* MSG_UPPDRAG_SAVE_SAMORG: samverkansadministratörer, insatsansvariga. */
int
uppdrag_save_samorg(struct session *s, uint32_t id, void *m)
{
	return uppdrag_save(s, id, &uppdrag_samorg, m);
}

/* MSG_UPPDRAG_SAVE_INSATS: the deltagaransvariga of one insats. */
int
uppdrag_save_insats(struct session *s, uint32_t id, void *m)
{
	return uppdrag_save(s, id, &uppdrag_insats, m);
}
