/*
 * Reports: the engine's requests (rapport.h). MSG_RAPPORT_DEFS_GET sends
 * the table of reports with the standards resolved and the caller's
 * remembered choices; MSG_RAPPORT_RUN checks the choices
 * (rapport_urval.c), remembers them, runs the rapporttyp, which builds
 * its table (rapport_bygg.c) from rapport_query(), hides small counts
 * (rapport_dolj.c) and replies. Logs name the report and its timing,
 * never a choice.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "msg.h"
#include "proto.h"
#include "rapport.h"
#include "rapport_urval.h"
#include "susd.h"
#include "xmalloc.h"

/* Most remembered choices sent back (the message's cap). */
#define RAPPORT_SPARADE_MAX	2000

static const char rapport_idag_sql[] =
	"SELECT to_char(current_date, 'YYYY-MM-DD'),"
	" to_char(now(), 'YYYY-MM-DD HH24:MI')";

static const char rapport_sparade_sql[] =
	"SELECT rapport, namn, varde FROM rapport_val"
	" WHERE anvandare_id = $1::integer ORDER BY rapport, namn LIMIT 2000";

/* The first CTE of every report query: the standard parameters typed. */
#define RAPPORT_STD_CTE							\
	"rapport_std AS (SELECT $1::date AS fran, $2::date AS tom,"	\
	" $3::text AS lan, $4::integer AS samorg, $5::integer AS insats," \
	" $6::text AS kon, $7::integer AS alder_min,"			\
	" $8::integer AS alder_max, $9::integer AS ar)"

/* The unit of each level over an insats i of samverkansorg s. */
static const char *const rapport_niva_uttryck[] = {
	[NIVA_RIKET] = "'Riket'",
	[NIVA_LAN] = "coalesce((SELECT l.namn FROM lan l"
	    " WHERE l.lanskod = samorg_lan(s.id)), 'Okänt län')",
	[NIVA_SAMORG] = "s.namn",
	[NIVA_INSATS] = "(i.namn || ' (' || s.namn || ')')",
	[NIVA_KONTOR] = "k.namn",
};

static const char rapport_scope[] =
	"($3::text = '' OR samorg_lan(s.id) = $3::text)"
	" AND ($4::integer = 0 OR s.id = $4::integer)"
	" AND ($5::integer = 0 OR i.id = $5::integer)";

/*
 * Reads the database's today (and now, for skapad) into idag and nu;
 * 0, or -1 after a logged failure.
 */
static int
rapport_idag(struct session *s, char *idag, size_t ilen, char *nu,
    size_t nlen)
{
	PGresult	*res;

	if ((res = db_exec(s, rapport_idag_sql, 0, NULL)) == NULL)
		return -1;
	strlcpy(idag, PQgetvalue(res, 0, 0), ilen);
	if (nu != NULL)
		strlcpy(nu, PQgetvalue(res, 0, 1), nlen);
	PQclear(res);
	return 0;
}

/* Answers a report that could not be read. */
static int
rapport_serverfel(struct session *s, uint32_t id)
{
	return session_refuse(s, id, ERR_INTERNAL, "Rapporten kunde inte "
	    "skapas på grund av ett serverfel.");
}

/* Fills row d from def, the standards resolved against idag. */
static void
rapport_def_fill(struct rapport_def_row *d, const struct rapport_def *def,
    const char *idag, char (*std)[101])
{
	const struct rapport_param	*p;
	struct rapport_param_row	*pr;
	size_t				 j;

	d->namn = (char *)def->namn;
	d->titel = (char *)def->titel;
	d->grupp = (char *)def->grupp;
	d->beskrivning = (char *)def->beskrivning;
	d->ntyper = (uint32_t)def->ntyper;
	d->typer = xcalloc(def->ntyper + 1, sizeof *d->typer);
	for (j = 0; j < def->ntyper; j++) {
		d->typer[j].namn = (char *)def->typer[j].namn;
		d->typer[j].titel = (char *)def->typer[j].titel;
		d->typer[j].beskrivning = (char *)def->typer[j].beskrivning;
	}
	d->nparam = (uint32_t)def->nparam;
	d->param = xcalloc(def->nparam + 1, sizeof *d->param);
	for (j = 0; j < def->nparam; j++) {
		p = &def->param[j];
		pr = &d->param[j];
		pr->namn = (char *)p->namn;
		pr->titel = (char *)p->titel;
		pr->slag = (uint8_t)p->slag;
		pr->lista = (char *)(p->lista != NULL ? p->lista : "");
		pr->fler = (uint8_t)p->fler;
		pr->kravs = (uint8_t)p->kravs;
		pr->typer = (char *)(p->typer != NULL ? p->typer : "");
		if (rapport_standard(p->standard != NULL ? p->standard : "",
		    idag, std[j], sizeof std[j]) != 0)
			std[j][0] = '\0';
		pr->standard = std[j];
		pr->nval = (uint32_t)p->nval;
		pr->val = (struct rapport_val_row *)p->val;
	}
}

/*
 * MSG_RAPPORT_DEFS_GET: every report with its rapporttyper and
 * parameters, the threshold, and what the caller chose last time.
 */
int
rapport_defs_get(struct session *s, uint32_t id, void *m)
{
	struct msg_rapport_defs	 out;
	PGresult		*res = NULL;
	char			 idag[11], uid[16];
	char			(**std)[101] = NULL;
	const char		*params[1];
	size_t			 i, n = rapport_def_count();
	int			 r, j;

	(void)m;
	memset(&out, 0, sizeof out);
	if (rapport_idag(s, idag, sizeof idag, NULL, 0) != 0)
		return rapport_serverfel(s, id);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = uid;
	if ((res = db_exec(s, rapport_sparade_sql, 1, params)) == NULL)
		return rapport_serverfel(s, id);
	out.troskel = (uint32_t)susd.conf.rapport_troskel;
	out.ndefs = (uint32_t)n;
	out.defs = xcalloc(n + 1, sizeof *out.defs);
	std = xcalloc(n + 1, sizeof *std);
	for (i = 0; i < n; i++) {
		std[i] = xcalloc(rapport_def_at(i)->nparam + 1, sizeof *std[i]);
		rapport_def_fill(&out.defs[i], rapport_def_at(i), idag, std[i]);
	}
	out.nsparade = (uint32_t)PQntuples(res);
	out.sparade = xcalloc(out.nsparade + 1, sizeof *out.sparade);
	for (j = 0; j < PQntuples(res); j++) {
		out.sparade[j].rapport = PQgetvalue(res, j, 0);
		out.sparade[j].namn = PQgetvalue(res, j, 1);
		out.sparade[j].varde = PQgetvalue(res, j, 2);
	}
	r = session_reply(s, id, MSG_RAPPORT_DEFS, &out);
	for (i = 0; i < n; i++) {
		free(out.defs[i].typer);
		free(out.defs[i].param);
		free(std[i]);
	}
	free(std);
	free(out.defs);
	free(out.sparade);
	PQclear(res);
	return r;
}

/* The rapporttyp namn of def ("" = the first), or NULL. */
static const struct rapport_typ *
rapport_typ_find(const struct rapport_def *def, const char *namn)
{
	size_t	i;

	if (def->ntyper == 0)
		return NULL;
	if (*namn == '\0')
		return &def->typer[0];
	for (i = 0; i < def->ntyper; i++) {
		if (strcmp(def->typer[i].namn, namn) == 0)
			return &def->typer[i];
	}
	return NULL;
}

/* Sets the report's title, urval line and time of creation. */
static void
rapport_rubrik(struct rapport_ctx *c, const char *nu, const char *urval)
{
	c->out.rapport = xstrdup(c->def->namn);
	c->out.typ = xstrdup(c->typ->namn);
	if (c->def->ntyper > 1)
		xasprintf(&c->out.titel, "%s – %s", c->def->titel,
		    c->typ->titel);
	else
		c->out.titel = xstrdup(c->def->titel);
	c->out.urval = xstrdup(urval);
	c->out.skapad = xstrdup(nu);
}

/*
 * MSG_RAPPORT_RUN: checks the choices, remembers them, runs the
 * rapporttyp, hides small counts and replies with the table.
 */
int
rapport_run(struct session *s, uint32_t id, void *m)
{
	const struct msg_rapport_run	*q = m;
	struct rapport_ctx		*c;
	char				 nu[20];
	char				 urval[RAPPORT_URVAL_MAX + 1];
	long long			 t0 = session_now_ms();
	size_t				 i;
	int				 r;

	c = xcalloc(1, sizeof *c);
	c->s = s;
	c->id = id;
	c->q = q;
	for (i = 0; i <= RAPPORT_KOL_MAX; i++) {
		c->fran[i][0] = c->fran[i][1] = -1;
		c->summa[i][0] = c->summa[i][1] = -1;
	}
	if ((c->def = rapport_def_find(q->rapport != NULL ? q->rapport :
	    "")) == NULL) {
		r = session_refuse(s, id, ERR_NOT_FOUND, "Rapporten %s finns "
		    "inte.", q->rapport != NULL ? q->rapport : "");
		goto out;
	}
	if ((c->typ = rapport_typ_find(c->def, q->typ != NULL ? q->typ :
	    "")) == NULL) {
		r = session_refuse(s, id, ERR_NOT_FOUND, "%s har ingen "
		    "rapporttyp som heter %s.", c->def->titel, q->typ);
		goto out;
	}
	if (rapport_idag(s, c->idag, sizeof c->idag, nu, sizeof nu) != 0) {
		r = rapport_serverfel(s, id);
		goto out;
	}
	urval[0] = '\0';
	if ((r = rapport_urval_las(c, urval, sizeof urval)) != 0)
		goto out;
	if ((r = rapport_urval_spara(c)) != 0)
		goto out;
	rapport_rubrik(c, nu, urval);
	/*
	 * A statement prepared for the session may, from its sixth run,
	 * get a generic plan that ignores what the choices select; at a
	 * national volume that plan is many times slower (make bench).
	 * Reports plan for the values at hand, for this transaction only.
	 */
	if (db_exec_cmd(s, "SET LOCAL plan_cache_mode = force_custom_plan", 0,
	    NULL) != 0) {
		r = rapport_serverfel(s, id);
		goto out;
	}
	if ((r = c->typ->run(c)) != 0)
		goto out;
	if (c->for_manga) {
		r = session_refuse(s, id, ERR_VALIDATION, "Rapporten får fler "
		    "än %d rader. Välj en högre nivå eller ett snävare urval.",
		    RAPPORT_RADER_MAX);
		goto out;
	}
	rapport_dolj(c);
	r = session_reply(s, id, MSG_RAPPORT, &c->out);
	log_info("rapport %s/%s: %u rader på %lld ms", c->def->namn,
	    c->typ->namn, c->out.nrader, session_now_ms() - t0);
out:
	rapport_clear(c);
	free(c);
	return r;
}

/* The resolved value of parameter namn, "" when it has none. */
const char *
rapport_arg(const struct rapport_ctx *c, const char *namn)
{
	size_t	i;

	if (c->varde == NULL)
		return "";
	for (i = 0; i < c->def->nparam; i++) {
		if (strcmp(c->def->param[i].namn, namn) == 0)
			return c->varde[i] != NULL ? c->varde[i] : "";
	}
	return "";
}

/* sql with the rapport_std CTE first, in a string to free. */
static char *
rapport_sql_med_std(const char *sql)
{
	const char	*p = sql;
	char		*out;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	if (strncasecmp(p, "WITH RECURSIVE ", 15) == 0)
		xasprintf(&out, "WITH RECURSIVE " RAPPORT_STD_CTE ", %s",
		    p + 15);
	else if (strncasecmp(p, "WITH ", 5) == 0)
		xasprintf(&out, "WITH " RAPPORT_STD_CTE ", %s", p + 5);
	else
		xasprintf(&out, "WITH " RAPPORT_STD_CTE " %s", p);
	return out;
}

/* Runs sql with $1..$9 bound from the choices and n more. */
PGresult *
rapport_query(struct rapport_ctx *c, const char *sql, int n,
    const char *const *extra)
{
	const struct rapport_urval	*u = &c->u;
	PGresult			*res;
	const char			**params;
	char				 samorg[16], insats[16], amin[16];
	char				 amax[16], ar[8], *full;
	int				 i;

	if (n < 0 || n > 90)
		n = 0;
	params = xcalloc((size_t)RAPPORT_STD_PARAMS + (size_t)n,
	    sizeof *params);
	snprintf(samorg, sizeof samorg, "%u", u->samorg_id);
	snprintf(insats, sizeof insats, "%u", u->insats_id);
	snprintf(amin, sizeof amin, "%d", u->alder_min);
	snprintf(amax, sizeof amax, "%d", u->alder_max);
	snprintf(ar, sizeof ar, "%.4s", u->tom);
	params[0] = u->from;
	params[1] = u->tom;
	params[2] = u->lanskod;
	params[3] = samorg;
	params[4] = insats;
	params[5] = u->kon;
	params[6] = amin;
	params[7] = amax;
	params[8] = ar;
	for (i = 0; i < n; i++)
		params[RAPPORT_STD_PARAMS + i] = extra[i];
	full = rapport_sql_med_std(sql);
	res = db_exec(c->s, full, RAPPORT_STD_PARAMS + n, params);
	free(full);
	free(params);
	if (res == NULL) {
		log_error("rapport %s/%s: query failed", c->def->namn,
		    c->typ->namn);
		rapport_serverfel(c->s, c->id);
	}
	return res;
}

/* The SQL naming the unit of level niva (riket for one unknown). */
const char *
rapport_niva_sql(enum rapport_niva niva)
{
	if ((size_t)niva >= sizeof rapport_niva_uttryck /
	    sizeof rapport_niva_uttryck[0])
		return rapport_niva_uttryck[NIVA_RIKET];
	return rapport_niva_uttryck[niva];
}

/* The SQL condition of the län, samorg and insats choices. */
const char *
rapport_scope_sql(void)
{
	return rapport_scope;
}
