/*
 * What the rows of one batch of registrations share (issue 7): the
 * insats and the kompletterande frågor of an occasion on a date, read
 * once per batch instead of once per row. A single registration passes
 * no cache and reads them as before; either way the checks are the same.
 */
#include <stdint.h>
#include <string.h>

#include "deltagare_save.h"
#include "susd.h"
#include "xmalloc.h"

/* The questions of the insats's organisation asked at an occasion. */
#define DT_FRAGA_FROM							\
	" FROM fraga f JOIN insats i"					\
	" ON i.samverkansorg_id = f.samverkansorg_id"			\
	" WHERE i.id = $1::bigint AND f.mattillfalle IN ($2, 'bada')"	\
	" AND f.giltig_from <= $3::date"				\
	" AND (f.giltig_tom IS NULL OR f.giltig_tom >= $3::date)"

static const char dt_fragor_sql[] =
	"SELECT f.id, f.svarstyp, f.obligatorisk, f.namn" DT_FRAGA_FROM
	" ORDER BY f.ordning, f.id";

static const char dt_alts_sql[] =
	"SELECT a.fraga_id, a.id FROM fraga_alternativ a"
	" JOIN (SELECT f.id" DT_FRAGA_FROM ") q ON q.id = a.fraga_id";

int
dt_insats_get(struct session *s, uint32_t id, uint32_t insats_id,
    struct dt_cache *c, struct dt_insats *ins)
{
	int	rv;

	if (c != NULL && c->have_insats && c->ins.id == insats_id) {
		*ins = c->ins;
		return 0;
	}
	/* A refusal is not kept: the next row asks again. */
	if ((rv = dt_insats_load(s, id, insats_id, ins)) != 0)
		return rv;
	ins->cache = c;
	if (c != NULL) {
		c->ins = *ins;
		c->have_insats = 1;
	}
	return 0;
}

/* The cache's slot for the occasion and date, or -1. */
static int
dt_cache_find(const struct dt_cache *c, uint32_t insats_id, uint8_t typ,
    const char *datum)
{
	unsigned	i;

	for (i = 0; i < c->nfr; i++) {
		if (c->fr[i].insats_id == insats_id && c->fr[i].typ == typ &&
		    strcmp(c->fr[i].datum, datum) == 0)
			return (int)i;
	}
	return -1;
}

int
dt_fragor_load(struct session *s, uint32_t id, const struct dt_insats *ins,
    uint8_t typ, const char *datum, struct dt_fragor *f)
{
	struct dt_cache	*c = ins->cache;
	const char	*params[3];
	int		 i;

	dt_fragor_clear(f);
	if (c != NULL && (i = dt_cache_find(c, ins->id, typ, datum)) >= 0) {
		f->fragor = c->fr[i].fragor;
		f->alts = c->fr[i].alts;
		f->borrowed = 1;
		return 0;
	}
	params[0] = ins->ids;
	params[1] = dt_tillfalle_db(typ);
	params[2] = datum;
	if ((f->fragor = db_exec(s, dt_fragor_sql, 3, params)) == NULL ||
	    (f->alts = db_exec(s, dt_alts_sql, 3, params)) == NULL)
		return db_refused(s, id);
	if (c == NULL || strlen(datum) >= sizeof c->fr[0].datum)
		return 0;
	/* Kept for the rows to come; the oldest date makes room. */
	if (c->nfr < DT_CACHE_DATES)
		i = (int)c->nfr++;
	else {
		i = (int)c->next;
		c->next = (c->next + 1) % DT_CACHE_DATES;
		PQclear(c->fr[i].fragor);
		PQclear(c->fr[i].alts);
	}
	c->fr[i].insats_id = ins->id;
	c->fr[i].typ = typ;
	strlcpy(c->fr[i].datum, datum, sizeof c->fr[i].datum);
	c->fr[i].fragor = f->fragor;
	c->fr[i].alts = f->alts;
	f->borrowed = 1;
	return 0;
}

void
dt_fragor_clear(struct dt_fragor *f)
{
	if (!f->borrowed) {
		PQclear(f->fragor);
		PQclear(f->alts);
	}
	f->fragor = f->alts = NULL;
	f->borrowed = 0;
}

PGresult *
dt_cache_query(struct session *s, struct dt_cache *c, const char *key,
    const char *sql, int n, const char *const *params, int *borrowed)
{
	PGresult	*res;
	unsigned	 i;

	*borrowed = 0;
	if (c == NULL || strlen(key) >= DT_CACHE_KEY)
		return db_exec(s, sql, n, params);
	for (i = 0; i < c->nq; i++) {
		if (strcmp(c->q[i].key, key) == 0) {
			*borrowed = 1;
			return c->q[i].res;
		}
	}
	if ((res = db_exec(s, sql, n, params)) == NULL)
		return NULL;
	if (c->nq < DT_CACHE_QUERIES)
		i = c->nq++;
	else {
		i = c->qnext;
		c->qnext = (c->qnext + 1) % DT_CACHE_QUERIES;
		PQclear(c->q[i].res);
	}
	strlcpy(c->q[i].key, key, sizeof c->q[i].key);
	c->q[i].res = res;
	*borrowed = 1;
	return res;
}

void
dt_cache_clear(struct dt_cache *c)
{
	unsigned	i;

	for (i = 0; i < c->nfr; i++) {
		PQclear(c->fr[i].fragor);
		PQclear(c->fr[i].alts);
	}
	for (i = 0; i < c->nq; i++)
		PQclear(c->q[i].res);
	memset(c, 0, sizeof *c);
}
