/*
 * Samverkansorganisation requests (domain.md 2.1): "Sök samverkansorg"
 * with its filters and the read-only view, both open to every role since
 * they show no personal data; "Hantera samverkansorg", one Spara of base
 * data, contact information and the Kommun, stadsdel and ingående
 * organisationer panels; and "Välj kommun, stadsdel". The request table
 * has checked roles and uppdrag; the database keeps the rules in triggers
 * (schemas 0003 and 0006) and audits every row that really changes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "msg.h"
#include "proto.h"
#include "samverkansorg.h"
#include "susd.h"
#include "xmalloc.h"

/*
 * Turns a user's search text into a LIKE pattern: '*' matches anything,
 * LIKE's own metacharacters are taken literally, and text without '*'
 * matches names containing it.
 */
void
search_pattern(const char *in, char *out, size_t len)
{
	size_t	o = 0;
	int	star = strchr(in, '*') != NULL;

	while (*in == ' ')
		in++;
	if (!star && o + 1 < len)
		out[o++] = '%';
	for (; *in != '\0' && o + 3 < len; in++) {
		if (*in == '*')
			out[o++] = '%';
		else if (*in == '%' || *in == '_' || *in == '\\') {
			out[o++] = '\\';
			out[o++] = *in;
		} else
			out[o++] = *in;
	}
	/* Trailing spaces are never meant. */
	while (o > 0 && out[o - 1] == ' ')
		o--;
	if (!star && o + 1 < len)
		out[o++] = '%';
	out[o] = '\0';
}

/* MSG_SAMORG_SEARCH → MSG_SAMORG_LIST, one page sorted the Swedish way. */
int
samverkansorg_search(struct session *s, uint32_t id, void *m)
{
	struct msg_samorg_search *q = m;
	struct msg_samorg_list	 list;
	struct db_page		 pg;
	PGresult		*res;
	char			 pat[256], form[16], status[4];
	const char		*params[SAMORG_SEARCH_NFILTER + 2];
	uint32_t		 i;
	int			 rv;

	memset(&list, 0, sizeof list);
	/* A whole list at most when the client does not say. */
	db_page_init(&pg, q->offset, q->limit, SUS_LIST_MAX);
	if (q->status > SAMORG_ENDED) {
		rv = session_refuse(s, id, ERR_BAD_REQUEST,
		    "Okänt val av aktiva eller avslutade.");
		goto out;
	}
	search_pattern(q->pattern, pat, sizeof pat);
	snprintf(form, sizeof form, "%u", q->samverkansform_id);
	snprintf(status, sizeof status, "%u", q->status);
	params[0] = pat;
	params[1] = form;
	params[2] = q->lanskod;
	params[3] = q->kommunkod;
	params[4] = status;
	if ((rv = db_page_fetch(s, id, &pg, SAMORG_SEARCH_COUNT_SQL,
	    SAMORG_SEARCH_SQL, params, SAMORG_SEARCH_NFILTER)) != 0)
		goto out;
	res = pg.rows;
	list.total = pg.total;
	list.nrows = pg.nrows;
	if (list.nrows > 0)
		list.rows = xcalloc(list.nrows, sizeof *list.rows);
	for (i = 0; i < list.nrows; i++) {
		list.rows[i].id = db_u32(res, (int)i, 0);
		list.rows[i].namn = PQgetvalue(res, (int)i, 1);
		list.rows[i].samverkansform = PQgetvalue(res, (int)i, 2);
		list.rows[i].organisationsnummer = PQgetvalue(res, (int)i, 3);
		list.rows[i].startdatum = PQgetvalue(res, (int)i, 4);
		list.rows[i].slutdatum = PQgetvalue(res, (int)i, 5);
		list.rows[i].kommuner = PQgetvalue(res, (int)i, 6);
	}
	rv = session_reply(s, id, MSG_SAMORG_LIST, &list);
out:
	/* Strings belong to the PGresult; only the array is ours. */
	free(list.rows);
	db_page_clear(&pg);
	return rv;
}

/*
 * One organisation; $1 its id, $2 the caller when a samverkansadmin (its
 * uppdrag there gives the right to edit), else 0. Strings first, in the
 * order of samorg_columns; andrad is the row's version: updated_at, which
 * every save moves, to the microsecond.
 */
#define SAMORG_GET_SQL							\
	"SELECT s.id, s.namn, coalesce(s.organisationsnummer, ''), f.namn," \
	" to_char(s.startdatum, 'YYYY-MM-DD'),"				\
	" coalesce(to_char(s.slutdatum, 'YYYY-MM-DD'), ''),"		\
	" coalesce(s.beskrivning, ''), coalesce(s.utdelningsadress, '')," \
	" coalesce(s.postnummer, ''), coalesce(s.postort, ''),"		\
	" coalesce(s.telefon, ''), coalesce(s.epost, ''),"		\
	" coalesce(s.webbplats, ''), coalesce(s.kontaktperson_namn, '')," \
	" coalesce(s.kontaktperson_telefon, ''),"			\
	" coalesce(s.kontaktperson_epost, ''),"				\
	" to_char(s.updated_at AT TIME ZONE 'UTC',"			\
	"  'YYYY-MM-DD HH24:MI:SS.US'),"				\
	" s.samverkansform_id, har_uppdrag($2, 'samverkansadmin', 1, s.id)" \
	" FROM samverkansorg s"						\
	" JOIN samverkansform f ON f.id = s.samverkansform_id"		\
	" WHERE s.id = $1::bigint"

/* Where columns 1-16 of SAMORG_GET_SQL go. */
static const size_t samorg_columns[] = {
	offsetof(struct msg_samorg, namn),
	offsetof(struct msg_samorg, organisationsnummer),
	offsetof(struct msg_samorg, samverkansform),
	offsetof(struct msg_samorg, startdatum),
	offsetof(struct msg_samorg, slutdatum),
	offsetof(struct msg_samorg, beskrivning),
	offsetof(struct msg_samorg, utdelningsadress),
	offsetof(struct msg_samorg, postnummer),
	offsetof(struct msg_samorg, postort),
	offsetof(struct msg_samorg, telefon),
	offsetof(struct msg_samorg, epost),
	offsetof(struct msg_samorg, webbplats),
	offsetof(struct msg_samorg, kontakt_namn),
	offsetof(struct msg_samorg, kontakt_telefon),
	offsetof(struct msg_samorg, kontakt_epost),
	offsetof(struct msg_samorg, andrad),
};
#define SAMORG_NCOLUMNS	(sizeof samorg_columns / sizeof samorg_columns[0])

/* The Kommun, stadsdel panel: kommuner by name, each before its parts. */
static const char samorg_kommun_sql[] =
	"SELECT sk.kommunkod, k.namn, coalesce(sk.stadsdel_id, 0),"
	" coalesce(d.namn, ''), l.namn"
	" FROM samverkansorg_kommun sk"
	" JOIN kommun k ON k.kommunkod = sk.kommunkod"
	" JOIN lan l ON l.lanskod = k.lanskod"
	" LEFT JOIN stadsdel d ON d.id = sk.stadsdel_id"
	" WHERE sk.samverkansorg_id = $1::bigint"
	" ORDER BY k.namn COLLATE \"sv-SE-x-icu\", sk.kommunkod,"
	" sk.stadsdel_id IS NOT NULL, d.namn COLLATE \"sv-SE-x-icu\"";

static const char samorg_org_sql[] =
	"SELECT o.id, o.namn, o.organisationstyp, so.medlem, so.finansiar,"
	" so.konsument FROM samverkansorg_organisation so"
	" JOIN organisation o ON o.id = so.organisation_id"
	" WHERE so.samverkansorg_id = $1::bigint"
	" ORDER BY o.namn COLLATE \"sv-SE-x-icu\", o.id";

/*
 * Reads organisation sid's own row into o (strings point into *resp,
 * which the caller clears), with the caller's rights; lock takes the row
 * for a save. Returns 0, or what the handler returns after answering.
 */
int
samverkansorg_read(struct session *s, uint32_t id, const char *sid, int lock,
    struct msg_samorg *o, PGresult **resp)
{
	PGresult	*res;
	char		 uid[16];
	const char	*params[2] = { sid, uid };
	size_t		 i;
	int		 uppdrag;

	/* Only a samverkansadministratör's uppdrag gives rights here. */
	snprintf(uid, sizeof uid, "%u", (s->roles & ROLE_SAMVERKANSADMIN) ?
	    s->user_id : 0);
	res = db_exec(s, lock ? SAMORG_GET_SQL " FOR UPDATE OF s" :
	    SAMORG_GET_SQL, 2, params);
	if ((*resp = res) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1)
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Samverkansorganisationen finns inte.");
	o->id = db_u32(res, 0, 0);
	for (i = 0; i < SAMORG_NCOLUMNS; i++)
		*(char **)((char *)o + samorg_columns[i]) =
		    PQgetvalue(res, 0, (int)i + 1);
	o->samverkansform_id = db_u32(res, 0, SAMORG_NCOLUMNS + 1);
	uppdrag = PQgetvalue(res, 0, SAMORG_NCOLUMNS + 2)[0] == 't';
	if (s->roles & ROLE_SUPERADMIN)
		o->rights = SAMORG_R_EDIT | SAMORG_R_BASE;
	else if (uppdrag)
		o->rights = SAMORG_R_EDIT;
	return 0;
}

/* Reads the two panels of organisation sid into o. */
static int
samorg_read_panels(struct session *s, uint32_t id, const char *sid,
    struct msg_samorg *o, PGresult **kom, PGresult **org)
{
	const char	*params[1] = { sid };
	uint32_t	 i;
	int		 r;

	if ((*kom = db_exec(s, samorg_kommun_sql, 1, params)) == NULL ||
	    (*org = db_exec(s, samorg_org_sql, 1, params)) == NULL)
		return db_refused(s, id);
	o->nkommuner = (uint32_t)PQntuples(*kom);
	if (o->nkommuner > 0)
		o->kommuner = xcalloc(o->nkommuner, sizeof *o->kommuner);
	for (i = 0; i < o->nkommuner; i++) {
		r = (int)i;
		o->kommuner[i].kommunkod = PQgetvalue(*kom, r, 0);
		o->kommuner[i].kommun = PQgetvalue(*kom, r, 1);
		o->kommuner[i].stadsdel_id = db_u32(*kom, r, 2);
		o->kommuner[i].stadsdel = PQgetvalue(*kom, r, 3);
		o->kommuner[i].lan = PQgetvalue(*kom, r, 4);
	}
	o->norganisationer = (uint32_t)PQntuples(*org);
	if (o->norganisationer > 0)
		o->organisationer = xcalloc(o->norganisationer,
		    sizeof *o->organisationer);
	for (i = 0; i < o->norganisationer; i++) {
		r = (int)i;
		o->organisationer[i].organisation_id = db_u32(*org, r, 0);
		o->organisationer[i].namn = PQgetvalue(*org, r, 1);
		o->organisationer[i].organisationstyp = PQgetvalue(*org, r, 2);
		o->organisationer[i].medlem = PQgetvalue(*org, r, 3)[0] == 't';
		o->organisationer[i].finansiar =
		    PQgetvalue(*org, r, 4)[0] == 't';
		o->organisationer[i].konsument =
		    PQgetvalue(*org, r, 5)[0] == 't';
	}
	return 0;
}

/* MSG_SAMORG_GET → MSG_SAMORG: the whole organisation, for any role. */
int
samverkansorg_get(struct session *s, uint32_t id, void *m)
{
	struct msg_samorg_get	*q = m;
	struct msg_samorg	 o;
	PGresult		*base = NULL, *kom = NULL, *org = NULL;
	char			 sid[16];
	int			 rv;

	memset(&o, 0, sizeof o);
	snprintf(sid, sizeof sid, "%u", q->id);
	if ((rv = samverkansorg_read(s, id, sid, 0, &o, &base)) != 0 ||
	    (rv = samorg_read_panels(s, id, sid, &o, &kom, &org)) != 0)
		goto out;
	rv = session_reply(s, id, MSG_SAMORG, &o);
out:
	/* Strings belong to the PGresults; only the arrays are ours. */
	free(o.kommuner);
	free(o.organisationer);
	PQclear(base);
	PQclear(kom);
	PQclear(org);
	return rv;
}

/*
 * "Välj kommun, stadsdel": $1 a länskod or "", $2 a LIKE pattern for the
 * kommun's name. Each kommun comes as a row with stadsdel 0, followed by
 * its stadsdelar in force today (only Stockholm and Göteborg have any);
 * the page counts both kinds of row.
 */
#define KOMMUN_SEARCH_FROM						\
	" FROM kommun k JOIN lan l ON l.lanskod = k.lanskod"		\
	" CROSS JOIN LATERAL (SELECT 0 AS id,"				\
	"  '' COLLATE \"sv-SE-x-icu\" AS namn UNION ALL"		\
	"  SELECT d.id, d.namn FROM stadsdel d"				\
	"  WHERE d.kommunkod = k.kommunkod"				\
	"  AND d.giltig_from <= current_date"				\
	"  AND (d.giltig_tom IS NULL OR d.giltig_tom >= current_date)) d" \
	" WHERE ($1::bpchar = '' OR k.lanskod = $1::bpchar)"		\
	" AND k.namn ILIKE $2"

/* MSG_KOMMUN_SEARCH → MSG_KOMMUN_LIST, kommuner in Swedish order. */
int
kommun_search(struct session *s, uint32_t id, void *m)
{
	struct msg_kommun_search *q = m;
	struct msg_kommun_list	 list;
	struct kommun_row	*row;
	struct db_page		 pg;
	char			 pat[256];
	const char		*params[4];
	uint32_t		 i;
	int			 rv;

	memset(&list, 0, sizeof list);
	db_page_init(&pg, q->offset, q->limit, SUS_LIST_MAX);
	search_pattern(q->pattern, pat, sizeof pat);
	params[0] = q->lanskod;
	params[1] = pat;
	if ((rv = db_page_fetch(s, id, &pg, "SELECT count(*)"
	    KOMMUN_SEARCH_FROM, "SELECT k.kommunkod, k.namn, k.lanskod,"
	    " l.namn, d.id, d.namn" KOMMUN_SEARCH_FROM
	    " ORDER BY k.namn COLLATE \"sv-SE-x-icu\", k.kommunkod,"
	    " d.id <> 0, d.namn COLLATE \"sv-SE-x-icu\", d.id"
	    " OFFSET $3 LIMIT $4", params, 2)) != 0)
		goto out;
	list.total = pg.total;
	list.nrows = pg.nrows;
	if (list.nrows > 0)
		list.rows = xcalloc(list.nrows, sizeof *list.rows);
	for (i = 0; i < list.nrows; i++) {
		row = &list.rows[i];
		row->kommunkod = PQgetvalue(pg.rows, (int)i, 0);
		row->kommun = PQgetvalue(pg.rows, (int)i, 1);
		row->lanskod = PQgetvalue(pg.rows, (int)i, 2);
		row->lan = PQgetvalue(pg.rows, (int)i, 3);
		row->stadsdel_id = db_u32(pg.rows, (int)i, 4);
		row->stadsdel = PQgetvalue(pg.rows, (int)i, 5);
	}
	rv = session_reply(s, id, MSG_KOMMUN_LIST, &list);
out:
	/* Strings belong to the PGresult; only the array is ours. */
	free(list.rows);
	db_page_clear(&pg);
	return rv;
}
