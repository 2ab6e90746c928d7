/*
 * Samverkansorganisation requests. "Sök samverkansorg" is open to every
 * role: it shows no personal data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "log.h"
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
	char			 pat[256];
	const char		*params[3];
	uint32_t		 i;
	int			 rv;

	memset(&list, 0, sizeof list);
	/* A whole list at most when the client does not say. */
	db_page_init(&pg, q->offset, q->limit, SUS_LIST_MAX);
	search_pattern(q->pattern, pat, sizeof pat);
	params[0] = pat;
	if ((rv = db_page_fetch(s, id, &pg, SAMORG_SEARCH_COUNT_SQL,
	    SAMORG_SEARCH_SQL, params, 1)) != 0)
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

/* STUB: the samverkansorg helper replaces these. */
int
samverkansorg_get(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_error(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}

int
samverkansorg_save(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_error(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}

int
kommun_search(struct session *s, uint32_t id, void *m)
{
	(void)m;
	return session_error(s, id, ERR_UNSUPPORTED, "Inte byggt ännu.");
}
