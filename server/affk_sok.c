/*
 * Af/FK-samarbetet: Visa deltagare (domain.md 5.2, rules 51 and 53), a
 * criteria search over the ärenden the caller's office handles now: as
 * its Af or FK office, never stripped ones. Each row carries the masked
 * personnummer, the name, the current (or last) step and its start, the
 * ärende's dates and its offices; every row sent is a read of that
 * ärende and gets its audit_person row in the transaction that reads it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "pnr.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/* Room for a masked personnummer, "********-NNNC". */
#define SOK_PNR_LEN	16

/*
 * The filters: $1 the office, $2 AFFK_S_*, $3 the current step (0 =
 * any), $4 and $5 the period [from, tom] ("" = open), $6 initierad av
 * ("" = either), $7 kön ("" = either), $8 a LIKE pattern on the name.
 * The current step is the open period, or for an ended ärende its last.
 */
#define SOK_FROM							\
	" FROM affk_arende a JOIN person p ON p.id = a.person_id"	\
	" LEFT JOIN LATERAL (SELECT x.insatstyp_id, x.startdatum"	\
	"  FROM affk_period x WHERE x.arende_id = a.id"			\
	"  ORDER BY x.startdatum DESC, x.id DESC LIMIT 1) cur ON true"	\
	" LEFT JOIN affk_insatstyp t ON t.kod_id = cur.insatstyp_id"

#define SOK_WHERE							\
	" WHERE a.avidentifierad IS NULL"				\
	" AND (a.af_kontor_id = $1::integer"				\
	"  OR a.fk_kontor_id = $1::integer)"				\
	" AND CASE $2::integer"						\
	"  WHEN 1 THEN a.slutdatum IS NULL"				\
	"   AND coalesce(t.slag, '') = 'aktivitet'"			\
	"  WHEN 2 THEN a.slutdatum IS NULL"				\
	"   AND coalesce(t.slag, '') <> 'aktivitet'"			\
	"  WHEN 3 THEN a.slutdatum IS NOT NULL"				\
	"  WHEN 4 THEN a.slutdatum IS NULL"				\
	"  ELSE true END"						\
	" AND ($3::integer = 0 OR cur.insatstyp_id = $3::integer)"	\
	" AND (NULLIF($4::text, '')::date IS NULL"			\
	"  OR coalesce(a.slutdatum, 'infinity'::date)"			\
	"  >= NULLIF($4::text, '')::date)"				\
	" AND (NULLIF($5::text, '')::date IS NULL"			\
	"  OR a.startdatum <= NULLIF($5::text, '')::date)"		\
	" AND ($6::text = '' OR a.initierad_av = $6::text)"		\
	" AND ($7::text = '' OR kod_kod(a.kon_id) = $7::text)"		\
	" AND p.namn ILIKE $8::text"

/* Parameters of the count; the page query has two more. */
#define SOK_NFILTER	8

static const char sok_count_sql[] =
	"SELECT count(*)" SOK_FROM SOK_WHERE;

/* A name as a reply carries it (200 bytes): a longer one is cut. */
static const char sok_rows_sql[] =
	"SELECT a.id, p.personnummer,"
	" CASE WHEN octet_length(p.namn) <= 200 THEN p.namn"
	" ELSE left(p.namn, 50) END,"
	" coalesce(cur.insatstyp_id, 0), coalesce(k.namn, ''),"
	" CASE WHEN a.slutdatum IS NOT NULL THEN 3"
	" WHEN t.slag = 'aktivitet' THEN 1 ELSE 2 END,"
	" coalesce(to_char(cur.startdatum, 'YYYY-MM-DD'), ''),"
	" to_char(a.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(a.slutdatum, 'YYYY-MM-DD'), ''),"
	" af.namn, fk.namn"
	SOK_FROM
	" LEFT JOIN kod k ON k.id = cur.insatstyp_id"
	" JOIN affk_kontor af ON af.id = a.af_kontor_id"
	" JOIN affk_kontor fk ON fk.id = a.fk_kontor_id"
	SOK_WHERE
	" ORDER BY p.namn COLLATE \"sv-SE-x-icu\", a.startdatum DESC, a.id"
	" OFFSET $9 LIMIT $10";

/* The table's spelling of initierad av, by AFFK_AF and AFFK_FK. */
static const char *const sok_initierad[] = { "", "AF", "FK" };

/* Checks the criteria that need no database; 0 or the refusal. */
static int
sok_check(struct session *s, uint32_t id, const struct msg_affk_sok *q)
{
	if (q->status > AFFK_S_PAGAENDE)
		return session_refuse(s, id, ERR_BAD_REQUEST, "Okänt val av "
		    "status.");
	if (q->initierad_av > AFFK_FK)
		return session_refuse(s, id, ERR_BAD_REQUEST, "Okänt val av "
		    "initierad av.");
	if (q->kon[0] != '\0' && strcmp(q->kon, "K") != 0 &&
	    strcmp(q->kon, "M") != 0)
		return session_refuse(s, id, ERR_VALIDATION, "Välj kön kvinna "
		    "(K), man (M) eller båda.");
	if ((q->from[0] != '\0' && !date_valid(q->from)) ||
	    (q->tom[0] != '\0' && !date_valid(q->tom)))
		return session_refuse(s, id, ERR_VALIDATION, "Perioden ska "
		    "anges med datum ÅÅÅÅ-MM-DD.");
	if (q->from[0] != '\0' && q->tom[0] != '\0' &&
	    strcmp(q->from, q->tom) > 0)
		return session_refuse(s, id, ERR_VALIDATION, "Periodens "
		    "slut (%s) är före dess början (%s).", q->tom, q->from);
	return 0;
}

/* Fills the rows from res; masked numbers go to pnr (nrows of them). */
static void
sok_fill(struct msg_affk_sok_list *l, PGresult *res, char (*pnr)[SOK_PNR_LEN])
{
	struct affk_sok_row	*r;
	uint32_t		 i;

	for (i = 0; i < l->nrows; i++) {
		r = &l->rows[i];
		r->arende_id = db_u32(res, (int)i, 0);
		pnr_mask(PQgetvalue(res, (int)i, 1), pnr[i], SOK_PNR_LEN);
		r->personnummer = pnr[i];
		r->namn = PQgetvalue(res, (int)i, 2);
		r->insatstyp_id = db_u32(res, (int)i, 3);
		r->insatstyp = PQgetvalue(res, (int)i, 4);
		r->status = (uint8_t)db_u32(res, (int)i, 5);
		r->sedan = PQgetvalue(res, (int)i, 6);
		r->startdatum = PQgetvalue(res, (int)i, 7);
		r->slutdatum = PQgetvalue(res, (int)i, 8);
		r->af_kontor = PQgetvalue(res, (int)i, 9);
		r->fk_kontor = PQgetvalue(res, (int)i, 10);
	}
}

/*
 * MSG_AFFK_SOK → MSG_AFFK_SOK_LIST: one page of the ärenden on the
 * caller's office that match, personnummer masked, every row audited.
 */
int
affk_sok(struct session *s, uint32_t id, void *m)
{
	struct msg_affk_sok		*q = m;
	struct msg_affk_sok_list	 list;
	struct affk_kontor		 k;
	struct db_page			 pg;
	const char			*params[SOK_NFILTER + 2];
	char				 kid[16], status[4], typ[16];
	char				 pat[SUS_PATTERN_MAX * 2 + 8];
	char				(*pnr)[SOK_PNR_LEN] = NULL;
	uint32_t			*ids = NULL, i;
	int				 rv;

	memset(&list, 0, sizeof list);
	db_page_init(&pg, q->offset, q->limit, SUS_LIST_MAX);
	if ((rv = affk_kontor_of(s, id, q->kontor_insats_id, &k)) != 0)
		goto out;
	if ((rv = sok_check(s, id, q)) != 0)
		goto out;
	snprintf(kid, sizeof kid, "%u", k.id);
	snprintf(status, sizeof status, "%u", q->status);
	snprintf(typ, sizeof typ, "%u", q->insatstyp_id);
	search_pattern(q->namn, pat, sizeof pat);
	params[0] = kid;
	params[1] = status;
	params[2] = typ;
	params[3] = q->from;
	params[4] = q->tom;
	params[5] = sok_initierad[q->initierad_av];
	params[6] = q->kon;
	params[7] = pat;
	if ((rv = db_page_fetch(s, id, &pg, sok_count_sql, sok_rows_sql,
	    params, SOK_NFILTER)) != 0)
		goto out;
	list.total = pg.total;
	list.nrows = pg.nrows;
	if (list.nrows > 0) {
		list.rows = xcalloc(list.nrows, sizeof *list.rows);
		pnr = xcalloc(list.nrows, sizeof *pnr);
		ids = xcalloc(list.nrows, sizeof *ids);
		sok_fill(&list, pg.rows, pnr);
		for (i = 0; i < list.nrows; i++)
			ids[i] = list.rows[i].arende_id;
		if (audit_person_arenden(s, "las", "Visa deltagare Af/FK",
		    k.insats_id, ids, list.nrows) != 0) {
			rv = session_refuse(s, id, ERR_INTERNAL, "Deltagarna "
			    "kan inte visas: läsningen kunde inte loggas på "
			    "grund av ett serverfel.");
			goto out;
		}
	}
	rv = session_reply(s, id, MSG_AFFK_SOK_LIST, &list);
out:
	/* Strings belong to the page's results; only the arrays are ours. */
	free(ids);
	free(pnr);
	free(list.rows);
	db_page_clear(&pg);
	return rv;
}
