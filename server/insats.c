/*
 * Insats requests (domain.md 2.4, 5.2): "Sök insatser" with its filters
 * and the read-only view of one insats, both open to every role since
 * they show no personal data: participants appear only as one number.
 * The search also feeds the pickers of the uppdrag panels. The save is
 * in insats_save.c.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "proto.h"
#include "susd.h"
#include "xmalloc.h"

/* Rows in a page when the client does not say. */
#define INSATS_PAGE_DEFAULT	100

/* The INSATS_S_* flags this server knows. */
#define INSATS_S_ALL	(INSATS_S_EGNA | INSATS_S_VOLYM | INSATS_S_PERSON)

/*
 * The filters: $1 a samverkansorganisation or 0 for all, $2 a LIKE
 * pattern, $3 an inriktning and $4 a målgrupp (0 = any), $5..$6 a period
 * the insats must overlap ("" leaves that end open), $7 the INSATS_S_*
 * flags, $8 whether the caller may edit every insats (superadmin) and $9
 * the insatsansvarig whose uppdrag count for INSATS_S_EGNA (0 = none).
 */
#define INSATS_SEARCH_FROM						\
	" FROM insats i"						\
	" JOIN samverkansorg s ON s.id = i.samverkansorg_id"		\
	" LEFT JOIN kod ki ON ki.id = i.inriktning_id"			\
	" LEFT JOIN kod km ON km.id = i.matningsmetod_id"		\
	" WHERE ($1::bigint = 0 OR i.samverkansorg_id = $1::bigint)"	\
	" AND i.namn ILIKE $2"						\
	" AND ($3::bigint = 0 OR i.inriktning_id = $3::bigint)"	\
	" AND ($4::bigint = 0 OR EXISTS (SELECT 1 FROM insats_malgrupp m" \
	"  WHERE m.insats_id = i.id AND m.malgrupp_id = $4::bigint))"	\
	" AND (nullif($5, '') IS NULL OR i.slutdatum IS NULL"		\
	"  OR i.slutdatum >= nullif($5, '')::date)"			\
	" AND (nullif($6, '') IS NULL"					\
	"  OR i.startdatum <= nullif($6, '')::date)"			\
	" AND (($7::integer & 1) = 0 OR $8::boolean"			\
	"  OR har_uppdrag($9::integer, 'insatsansvarig', 3, i.id))"	\
	" AND (($7::integer & 2) = 0 OR km.kod = 'ANTAL')"		\
	" AND (($7::integer & 4) = 0 OR km.kod = 'PERSON')"

/* Parameters of the count; the page query has two more. */
#define INSATS_SEARCH_NFILTER	9

static const char insats_search_sql[] =
	"SELECT i.id, i.samverkansorg_id, s.namn, i.namn,"
	" to_char(i.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(i.slutdatum, 'YYYY-MM-DD'), ''),"
	" coalesce(ki.namn, ''), coalesce(km.namn, ''),"
	" coalesce(km.kod = 'ANTAL', false), insats_kategoriserad(i.id)"
	INSATS_SEARCH_FROM
	" ORDER BY s.namn COLLATE \"sv-SE-x-icu\","
	" i.namn COLLATE \"sv-SE-x-icu\", i.id"
	" OFFSET $10 LIMIT $11";

/*
 * One insats, $1 its id, $2 the caller when an insatsansvarig (its
 * uppdrag in the organisation gives the rights), else 0. andrad is the
 * row's version: updated_at, which every save moves, to the microsecond.
 * antal_deltagande counts registrations of every kind, never persons.
 */
static const char insats_get_sql[] =
	"SELECT i.id, i.samverkansorg_id, s.namn, f.namn,"
	" to_char(s.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(s.slutdatum, 'YYYY-MM-DD'), ''), i.namn,"
	" i.beskrivning, to_char(i.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(i.slutdatum, 'YYYY-MM-DD'), ''),"
	" coalesce(i.inriktning_id, 0), coalesce(ki.namn, ''),"
	" coalesce(i.preciserad_id, 0), coalesce(kp.namn, ''),"
	" coalesce(i.matningsmetod_id, 0), coalesce(km.namn, ''),"
	" to_char(i.updated_at AT TIME ZONE 'UTC',"
	"  'YYYY-MM-DD HH24:MI:SS.US'),"
	" insats_har_deltagare(i.id),"
	" (SELECT count(*) FROM deltagande d WHERE d.insats_id = i.id)"
	" + (SELECT coalesce(sum(a.antal), 0) FROM anonym_deltagande a"
	"  WHERE a.insats_id = i.id)"
	" + (SELECT coalesce(sum(v.kvinnor + v.man + v.okant), 0)"
	"  FROM volym_antal v WHERE v.insats_id = i.id AND v.ersatt IS NULL),"
	" har_uppdrag($2::integer, 'insatsansvarig', 1, i.samverkansorg_id),"
	" coalesce(km.kod = 'ANTAL', false)"
	" FROM insats i"
	" JOIN samverkansorg s ON s.id = i.samverkansorg_id"
	" JOIN samverkansform f ON f.id = s.samverkansform_id"
	" LEFT JOIN kod ki ON ki.id = i.inriktning_id"
	" LEFT JOIN kod kp ON kp.id = i.preciserad_id"
	" LEFT JOIN kod km ON km.id = i.matningsmetod_id"
	" WHERE i.id = $1::bigint";

/* The specifika målgrupper in the code list's order. */
static const char insats_malgrupp_sql[] =
	"SELECT m.malgrupp_id, k.namn FROM insats_malgrupp m"
	" JOIN kod k ON k.id = m.malgrupp_id"
	" WHERE m.insats_id = $1::bigint ORDER BY k.ordning, k.namn, k.id";

/*
 * Every year with planned participants or budget lines, with the year's
 * sums: the budget tab's years at a glance.
 */
static const char insats_ar_sql[] =
	"SELECT y.ar, a.planerat_antal IS NOT NULL,"
	" coalesce(a.planerat_antal, 0), coalesce(b.budget, 0),"
	" coalesce(b.utfall, 0)"
	" FROM (SELECT ar FROM insats_budgetpost WHERE insats_id = $1::bigint"
	"  UNION SELECT ar FROM insats_ar WHERE insats_id = $1::bigint) y"
	" LEFT JOIN insats_ar a ON a.insats_id = $1::bigint AND a.ar = y.ar"
	" LEFT JOIN (SELECT ar, sum(budget) AS budget,"
	"  sum(coalesce(utfall, 0)) AS utfall FROM insats_budgetpost"
	"  WHERE insats_id = $1::bigint GROUP BY ar) b ON b.ar = y.ar"
	" ORDER BY y.ar";

/*
 * The deltagaransvariga of the insats whose uppdrag has not ended (those
 * starting later too, so that they can be taken away), in the columns of
 * insats_uppdrag_cols.
 */
static const char insats_da_sql[] =
	"SELECT u.id, a.id, a.fornamn, a.efternamn, coalesce(a.epost, ''),"
	" coalesce(o.namn, ''), u.roll, s.id, s.namn, i.id, i.namn,"
	" to_char(u.giltig_from, 'YYYY-MM-DD'),"
	" coalesce(to_char(u.giltig_tom, 'YYYY-MM-DD'), '')"
	" FROM uppdrag u"
	" JOIN anvandare a ON a.id = u.anvandare_id"
	" LEFT JOIN organisation o ON o.id = a.arbetsgivare_id"
	" JOIN insats i ON i.id = u.insats_id"
	" JOIN samverkansorg s ON s.id = i.samverkansorg_id"
	" WHERE u.insats_id = $1::bigint"
	" AND (u.giltig_tom IS NULL OR u.giltig_tom >= current_date)"
	" ORDER BY a.efternamn COLLATE \"sv-SE-x-icu\","
	" a.fornamn COLLATE \"sv-SE-x-icu\", u.id";

/* How a column of a result goes into a struct. */
enum insats_kind {
	COL_U32,	/* uint32_t */
	COL_U64,	/* uint64_t */
	COL_STR,	/* char *, pointing into the result */
	COL_BOOL,	/* uint8_t, 1 for 't' */
	COL_ROLL,	/* uint32_t ROLE_* bit of a stored role name */
	COL_SKIP	/* read by the handler itself */
};

struct insats_col {
	size_t		 off;
	enum insats_kind kind;
};

#define COL(st, f, k)	{ offsetof(struct st, f), k }
#define SKIP		{ 0, COL_SKIP }

static const struct insats_col insats_row_cols[] = {
	COL(insats_row, id, COL_U32),
	COL(insats_row, samorg_id, COL_U32),
	COL(insats_row, samorg, COL_STR),
	COL(insats_row, namn, COL_STR),
	COL(insats_row, startdatum, COL_STR),
	COL(insats_row, slutdatum, COL_STR),
	COL(insats_row, inriktning, COL_STR),
	COL(insats_row, matningsmetod, COL_STR),
	COL(insats_row, volym, COL_BOOL),
	COL(insats_row, kategoriserad, COL_BOOL),
};

static const struct insats_col insats_cols[] = {
	COL(msg_insats, id, COL_U32),
	COL(msg_insats, samorg_id, COL_U32),
	COL(msg_insats, samorg, COL_STR),
	COL(msg_insats, samverkansform, COL_STR),
	COL(msg_insats, samorg_start, COL_STR),
	COL(msg_insats, samorg_slut, COL_STR),
	COL(msg_insats, namn, COL_STR),
	COL(msg_insats, beskrivning, COL_STR),
	COL(msg_insats, startdatum, COL_STR),
	COL(msg_insats, slutdatum, COL_STR),
	COL(msg_insats, inriktning_id, COL_U32),
	COL(msg_insats, inriktning, COL_STR),
	COL(msg_insats, preciserad_id, COL_U32),
	COL(msg_insats, preciserad, COL_STR),
	COL(msg_insats, matningsmetod_id, COL_U32),
	COL(msg_insats, matningsmetod, COL_STR),
	COL(msg_insats, andrad, COL_STR),
	COL(msg_insats, locked, COL_BOOL),
	COL(msg_insats, antal_deltagande, COL_U32),
	SKIP,		/* the caller's uppdrag in the organisation */
	SKIP,		/* a volyminsats */
};
/* The columns of insats_get_sql after insats_cols' own. */
#define INSATS_COL_UPPDRAG	19
#define INSATS_COL_VOLYM	20

static const struct insats_col insats_malgrupp_cols[] = {
	COL(insats_malgrupp, id, COL_U32),
	COL(insats_malgrupp, namn, COL_STR),
};

static const struct insats_col insats_ar_cols[] = {
	COL(insats_ar_sum, ar, COL_U32),
	COL(insats_ar_sum, has_planerat, COL_BOOL),
	COL(insats_ar_sum, planerat, COL_U32),
	COL(insats_ar_sum, budget, COL_U64),
	COL(insats_ar_sum, utfall, COL_U64),
};

static const struct insats_col insats_uppdrag_cols[] = {
	COL(uppdrag_row, id, COL_U32),
	COL(uppdrag_row, user_id, COL_U32),
	COL(uppdrag_row, fornamn, COL_STR),
	COL(uppdrag_row, efternamn, COL_STR),
	COL(uppdrag_row, epost, COL_STR),
	COL(uppdrag_row, arbetsgivare, COL_STR),
	COL(uppdrag_row, roll, COL_ROLL),
	COL(uppdrag_row, samorg_id, COL_U32),
	COL(uppdrag_row, samorg, COL_STR),
	COL(uppdrag_row, insats_id, COL_U32),
	COL(uppdrag_row, insats, COL_STR),
	COL(uppdrag_row, giltig_from, COL_STR),
	COL(uppdrag_row, giltig_tom, COL_STR),
};

#undef COL
#undef SKIP
#define NCOLS(a)	(sizeof (a) / sizeof (a)[0])

/* Fills the struct at base from row of res, column by column. */
static void
insats_fill(void *base, const struct insats_col *cols, size_t ncols,
    PGresult *res, int row)
{
	char		*p;
	const char	*v;
	uint64_t	 u64;
	uint32_t	 u32;
	size_t		 i;

	for (i = 0; i < ncols; i++) {
		p = (char *)base + cols[i].off;
		v = PQgetvalue(res, row, (int)i);
		switch (cols[i].kind) {
		case COL_U32:
			u32 = db_u32(res, row, (int)i);
			memcpy(p, &u32, sizeof u32);
			break;
		case COL_U64:
			u64 = strtoull(v, NULL, 10);
			memcpy(p, &u64, sizeof u64);
			break;
		case COL_STR:
			memcpy(p, &v, sizeof v);
			break;
		case COL_BOOL:
			*(uint8_t *)p = v[0] == 't';
			break;
		case COL_ROLL:
			u32 = auth_role_bit(v);
			memcpy(p, &u32, sizeof u32);
			break;
		case COL_SKIP:
			break;
		}
	}
}

/*
 * Fills an array of structs of size each from every row of res; the
 * caller frees *out. Returns the number of rows.
 */
static uint32_t
insats_fill_all(void **out, size_t size, const struct insats_col *cols,
    size_t ncols, PGresult *res)
{
	uint32_t	 i, n = (uint32_t)PQntuples(res);
	char		*a = NULL;

	if (n > 0)
		a = xcalloc(n, size);
	for (i = 0; i < n; i++)
		insats_fill(a + (size_t)i * size, cols, ncols, res, (int)i);
	*out = a;
	return n;
}

/* Checks the period filter of a search; 0, or what the handler returns. */
static int
insats_search_check(struct session *s, uint32_t id,
    const struct msg_insats_search *q)
{
	if ((q->flags & ~INSATS_S_ALL) != 0)
		return session_refuse(s, id, ERR_BAD_REQUEST,
		    "Okänt sökval för insatser.");
	if (q->aktiv_from[0] != '\0' && !date_valid(q->aktiv_from))
		return session_refuse(s, id, ERR_VALIDATION, "Aktiv från måste "
		    "vara ett datum (ÅÅÅÅ-MM-DD) eller tomt.");
	if (q->aktiv_tom[0] != '\0' && !date_valid(q->aktiv_tom))
		return session_refuse(s, id, ERR_VALIDATION, "Aktiv till måste "
		    "vara ett datum (ÅÅÅÅ-MM-DD) eller tomt.");
	/* Valid dates in one format compare as strings. */
	if (q->aktiv_from[0] != '\0' && q->aktiv_tom[0] != '\0' &&
	    strcmp(q->aktiv_tom, q->aktiv_from) < 0)
		return session_refuse(s, id, ERR_VALIDATION, "Aktiv till får "
		    "inte vara före aktiv från.");
	return 0;
}

/*
 * MSG_INSATS_SEARCH → MSG_INSATS_LIST, one page sorted the Swedish way
 * by samverkansorganisation, then by insats.
 */
int
insats_search(struct session *s, uint32_t id, void *m)
{
	struct msg_insats_search *q = m;
	struct msg_insats_list	 list;
	struct db_page		 pg;
	char			 org[16], pat[256], inr[16], mal[16];
	char			 flags[8], uid[16];
	const char		*params[INSATS_SEARCH_NFILTER + 2];
	int			 rv;

	memset(&list, 0, sizeof list);
	db_page_init(&pg, q->offset, q->limit, INSATS_PAGE_DEFAULT);
	if ((rv = insats_search_check(s, id, q)) != 0)
		goto out;
	snprintf(org, sizeof org, "%u", q->samorg_id);
	search_pattern(q->pattern, pat, sizeof pat);
	snprintf(inr, sizeof inr, "%u", q->inriktning_id);
	snprintf(mal, sizeof mal, "%u", q->malgrupp_id);
	snprintf(flags, sizeof flags, "%u", q->flags);
	/* Only an insatsansvarig's uppdrag make an insats the caller's own. */
	snprintf(uid, sizeof uid, "%u", (s->roles & ROLE_INSATSANSVARIG) ?
	    s->user_id : 0);
	params[0] = org;
	params[1] = pat;
	params[2] = inr;
	params[3] = mal;
	params[4] = q->aktiv_from;
	params[5] = q->aktiv_tom;
	params[6] = flags;
	params[7] = (s->roles & ROLE_SUPERADMIN) ? "t" : "f";
	params[8] = uid;
	if ((rv = db_page_fetch(s, id, &pg, "SELECT count(*)"
	    INSATS_SEARCH_FROM, insats_search_sql, params,
	    INSATS_SEARCH_NFILTER)) != 0)
		goto out;
	list.total = pg.total;
	list.nrows = insats_fill_all((void **)&list.rows, sizeof *list.rows,
	    insats_row_cols, NCOLS(insats_row_cols), pg.rows);
	rv = session_reply(s, id, MSG_INSATS_LIST, &list);
out:
	/* Strings belong to the PGresult; only the array is ours. */
	free(list.rows);
	db_page_clear(&pg);
	return rv;
}

/* What one GET reads; the reply's strings point into these results. */
struct insats_results {
	PGresult	*base;
	PGresult	*malgrupp;
	PGresult	*ar;
	PGresult	*da;
};

/* Reads the lists of the insats iid into o. */
static int
insats_read_lists(struct session *s, uint32_t id, const char *iid,
    struct msg_insats *o, struct insats_results *r)
{
	const char	*params[1] = { iid };

	if ((r->malgrupp = db_exec(s, insats_malgrupp_sql, 1, params)) ==
	    NULL || (r->ar = db_exec(s, insats_ar_sql, 1, params)) == NULL ||
	    (r->da = db_exec(s, insats_da_sql, 1, params)) == NULL)
		return db_refused(s, id);
	o->nmalgrupper = insats_fill_all((void **)&o->malgrupper,
	    sizeof *o->malgrupper, insats_malgrupp_cols,
	    NCOLS(insats_malgrupp_cols), r->malgrupp);
	o->nar = insats_fill_all((void **)&o->ar, sizeof *o->ar,
	    insats_ar_cols, NCOLS(insats_ar_cols), r->ar);
	o->nda = insats_fill_all((void **)&o->deltagaransvariga,
	    sizeof *o->deltagaransvariga, insats_uppdrag_cols,
	    NCOLS(insats_uppdrag_cols), r->da);
	return 0;
}

/*
 * The caller's rights on an insats: a superadministratör edits every
 * one, an insatsansvarig those of the organisations where the uppdrag
 * is, and registers counts there on volyminsatser (not the
 * superadministratör: domain.md 4.3).
 */
static uint8_t
insats_rights(const struct session *s, int uppdrag, int volym)
{
	uint8_t	r = 0;

	if (s->roles & ROLE_SUPERADMIN)
		r |= INSATS_R_EDIT;
	if ((s->roles & ROLE_INSATSANSVARIG) && uppdrag) {
		r |= INSATS_R_EDIT;
		if (volym)
			r |= INSATS_R_VOLYM;
	}
	return r;
}

/* MSG_INSATS_GET → MSG_INSATS: the whole insats, for any role. */
int
insats_get(struct session *s, uint32_t id, void *m)
{
	struct msg_insats_get	*q = m;
	struct msg_insats	 o;
	struct insats_results	 r;
	char			 iid[16], uid[16];
	const char		*params[2] = { iid, uid };
	int			 rv;

	memset(&o, 0, sizeof o);
	memset(&r, 0, sizeof r);
	snprintf(iid, sizeof iid, "%u", q->id);
	snprintf(uid, sizeof uid, "%u", (s->roles & ROLE_INSATSANSVARIG) ?
	    s->user_id : 0);
	if ((r.base = db_exec(s, insats_get_sql, 2, params)) == NULL) {
		rv = db_refused(s, id);
		goto out;
	}
	if (PQntuples(r.base) != 1) {
		rv = session_refuse(s, id, ERR_NOT_FOUND,
		    "Insatsen finns inte.");
		goto out;
	}
	insats_fill(&o, insats_cols, NCOLS(insats_cols), r.base, 0);
	o.rights = insats_rights(s,
	    PQgetvalue(r.base, 0, INSATS_COL_UPPDRAG)[0] == 't',
	    PQgetvalue(r.base, 0, INSATS_COL_VOLYM)[0] == 't');
	if ((rv = insats_read_lists(s, id, iid, &o, &r)) != 0)
		goto out;
	rv = session_reply(s, id, MSG_INSATS, &o);
out:
	/* Strings belong to the PGresults; only the arrays are ours. */
	free(o.malgrupper);
	free(o.ar);
	free(o.deltagaransvariga);
	PQclear(r.base);
	PQclear(r.malgrupp);
	PQclear(r.ar);
	PQclear(r.da);
	return rv;
}
