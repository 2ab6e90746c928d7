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
	PGresult		*res = NULL, *cnt = NULL;
	char			 pat[256], off[16], lim[16];
	const char		*params[3];
	uint32_t		 limit, i;
	int			 rv;

	memset(&list, 0, sizeof list);
	limit = q->limit == 0 || q->limit > SUS_LIST_MAX ? SUS_LIST_MAX :
	    q->limit;
	search_pattern(q->pattern, pat, sizeof pat);
	snprintf(off, sizeof off, "%u", q->offset);
	snprintf(lim, sizeof lim, "%u", limit);
	params[0] = pat;
	params[1] = off;
	params[2] = lim;
	cnt = db_exec(s, SAMORG_SEARCH_COUNT_SQL, 1, params);
	res = db_exec(s, SAMORG_SEARCH_SQL, 3, params);
	if (res == NULL || cnt == NULL) {
		session_error(s, id, ERR_INTERNAL,
		    "Sökningen misslyckades på grund av ett serverfel.");
		rv = REQ_ROLLBACK;
		goto out;
	}
	list.total = (uint32_t)strtoul(PQgetvalue(cnt, 0, 0), NULL, 10);
	list.nrows = (uint32_t)PQntuples(res);
	if (list.nrows > 0)
		list.rows = xcalloc(list.nrows, sizeof *list.rows);
	for (i = 0; i < list.nrows; i++) {
		list.rows[i].id = (uint32_t)strtoul(PQgetvalue(res, (int)i, 0),
		    NULL, 10);
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
	PQclear(cnt);
	PQclear(res);
	return rv;
}
