/*
 * Insats requests. "Sök insatser" is open to every role, like "Sök
 * samverkansorg": it shows no personal data. It also feeds the pickers
 * of the uppdrag panels.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "susd.h"
#include "xmalloc.h"

/* Rows in a page when the client does not say. */
#define INSATS_PAGE_DEFAULT	100

/* $1 a samverkansorganisation or 0 for all, $2 a LIKE pattern. */
#define INSATS_SEARCH_FROM						\
	" FROM insats i"						\
	" JOIN samverkansorg s ON s.id = i.samverkansorg_id"		\
	" WHERE ($1::integer = 0 OR i.samverkansorg_id = $1::integer)"	\
	" AND i.namn ILIKE $2"

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
	PGresult		*res;
	char			 org[16], pat[256];
	const char		*params[4];
	uint32_t		 i;
	int			 rv;

	memset(&list, 0, sizeof list);
	db_page_init(&pg, q->offset, q->limit, INSATS_PAGE_DEFAULT);
	snprintf(org, sizeof org, "%u", q->samorg_id);
	search_pattern(q->pattern, pat, sizeof pat);
	params[0] = org;
	params[1] = pat;
	if ((rv = db_page_fetch(s, id, &pg, "SELECT count(*)"
	    INSATS_SEARCH_FROM, "SELECT i.id, i.samverkansorg_id, s.namn,"
	    " i.namn, to_char(i.startdatum, 'YYYY-MM-DD'),"
	    " coalesce(to_char(i.slutdatum, 'YYYY-MM-DD'), '')"
	    INSATS_SEARCH_FROM
	    " ORDER BY s.namn COLLATE \"sv-SE-x-icu\","
	    " i.namn COLLATE \"sv-SE-x-icu\", i.id"
	    " OFFSET $3 LIMIT $4", params, 2)) != 0)
		goto out;
	res = pg.rows;
	list.total = pg.total;
	list.nrows = pg.nrows;
	if (list.nrows > 0)
		list.rows = xcalloc(list.nrows, sizeof *list.rows);
	for (i = 0; i < list.nrows; i++) {
		struct insats_row	*r = &list.rows[i];
		int			 n = (int)i;

		r->id = db_u32(res, n, 0);
		r->samorg_id = db_u32(res, n, 1);
		r->samorg = PQgetvalue(res, n, 2);
		r->namn = PQgetvalue(res, n, 3);
		r->startdatum = PQgetvalue(res, n, 4);
		r->slutdatum = PQgetvalue(res, n, 5);
	}
	rv = session_reply(s, id, MSG_INSATS_LIST, &list);
out:
	/* Strings belong to the PGresult; only the array is ours. */
	free(list.rows);
	db_page_clear(&pg);
	return rv;
}

/* Not built yet: the issue 5 helpers replace this. */
int
insats_get(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_refuse(s, id, ERR_UNSUPPORTED, "Inte klart än.");
}
