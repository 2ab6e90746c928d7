/*
 * The insats's Budget tab (domain.md 2.5, rules 4, 6, 10, 11): planerat
 * antal deltagare and budget lines of one insats for one calendar year.
 * The request table has checked the role and the uppdrag in the
 * insats's organisation; this file checks the year and every line
 * first, so a refusal names the allowed years or the line ("Rad 2: ..."),
 * and the triggers of schema 0007 (SU039-SU041) stay the backstop for
 * any other path in. A save makes the year's planned number and lines
 * exactly those sent, writing only what changed, so the audit trail
 * shows real changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "samverkansorg.h"
#include "susd.h"
#include "xmalloc.h"

/* Lines one message carries (common/msg.c). */
#define IB_LINES_MAX		200
/* Planerat antal deltagare (insats_ar's CHECK). */
#define IB_PLANERAT_MAX		1000000
/* The years the tables accept at all. */
#define IB_AR_MIN		1990
#define IB_AR_MAX		2200

/* What a budget request needs to know of its insats. */
struct ib_insats {
	char		 id[16];	/* the id as a parameter */
	char		 namn[256];
	char		 samorg[256];
	char		 form[128];
	char		 start[16];
	char		 slut[16];	/* "" while open */
	uint32_t	 samorg_id;
	uint32_t	 forsta;	/* first and last year; sista 0 = open */
	uint32_t	 sista;
	uint32_t	 i_ar;		/* the database's current year */
	int		 finsam;
};

/*
 * The insats with its organisation. The years are those within both
 * (rules 4, 6): the later start year and the earlier end year; least()
 * passes over an open end.
 */
static const char ib_insats_sql[] =
	"SELECT i.namn, s.namn, f.namn, to_char(i.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(i.slutdatum, 'YYYY-MM-DD'), ''),"
	" greatest(extract(year FROM i.startdatum),"
	" extract(year FROM s.startdatum))::integer,"
	" coalesce(least(extract(year FROM i.slutdatum),"
	" extract(year FROM s.slutdatum))::integer, 0),"
	" extract(year FROM current_date)::integer, f.kod = 'FINSAM', s.id"
	" FROM insats i JOIN samverkansorg s ON s.id = i.samverkansorg_id"
	" JOIN samverkansform f ON f.id = s.samverkansform_id"
	" WHERE i.id = $1::integer";

/*
 * A save holds the insats's row: two saves of one insats, or a save and
 * a change of the insats's dates, then follow each other.
 */
static const char ib_lock_sql[] =
	"SELECT 1 FROM insats WHERE id = $1::integer FOR NO KEY UPDATE";

/* The years with lines or a planned number. */
static const char ib_years_sql[] =
	"SELECT ar FROM insats_budgetpost WHERE insats_id = $1::integer"
	" UNION SELECT ar FROM insats_ar WHERE insats_id = $1::integer"
	" ORDER BY 1";

static const char ib_planerat_sql[] =
	"SELECT planerat_antal FROM insats_ar"
	" WHERE insats_id = $1::integer AND ar = $2::integer";

static const char ib_lines_sql[] =
	"SELECT b.id, b.budgettyp_id, k.namn, coalesce(b.organisation_id, 0),"
	" coalesce(o.namn, ''), b.budget, b.utfall IS NOT NULL,"
	" coalesce(b.utfall, 0), b.beskrivning"
	" FROM insats_budgetpost b JOIN kod k"
	" ON k.lista = b.budgettyp_lista AND k.id = b.budgettyp_id"
	" LEFT JOIN organisation o ON o.id = b.organisation_id"
	" WHERE b.insats_id = $1::integer AND b.ar = $2::integer"
	" ORDER BY b.id";

/* The year's lines as they stand, held until the save ends. */
static const char ib_old_sql[] =
	"SELECT id, budgettyp_id FROM insats_budgetpost"
	" WHERE insats_id = $1::integer AND ar = $2::integer FOR UPDATE";

/* The ingående organisationer of the insats's organisation. */
static const char ib_ingaende_sql[] =
	"SELECT o.organisation_id, g.namn FROM samverkansorg_organisation o"
	" JOIN organisation g ON g.id = o.organisation_id"
	" WHERE o.samverkansorg_id = $1::integer";

static const char ib_budgettyp_sql[] =
	"SELECT id, aktiv FROM kod WHERE lista = 'budgettyp'";

static const char ib_orgname_sql[] =
	"SELECT namn FROM organisation WHERE id = $1::integer";

static const char ib_delete_sql[] =
	"DELETE FROM insats_budgetpost WHERE id = $1::integer"
	" AND insats_id = $2::integer AND ar = $3::integer";

static const char ib_insert_sql[] =
	"INSERT INTO insats_budgetpost (insats_id, ar, budgettyp_id,"
	" organisation_id, budget, utfall, beskrivning)"
	" VALUES ($1::integer, $2::integer, $3::integer,"
	" nullif($4::integer, 0), $5::bigint, $6::bigint, $7::text)";

/* Only a line that differs is written, so unchanged lines leave no audit. */
static const char ib_update_sql[] =
	"UPDATE insats_budgetpost SET budgettyp_id = $3::integer,"
	" organisation_id = nullif($4::integer, 0), budget = $5::bigint,"
	" utfall = $6::bigint, beskrivning = $7::text"
	" WHERE id = $8::integer AND insats_id = $1::integer"
	" AND ar = $2::integer AND (budgettyp_id, organisation_id, budget,"
	" utfall, beskrivning) IS DISTINCT FROM ($3::integer,"
	" nullif($4::integer, 0), $5::bigint, $6::bigint, $7::text)";

static const char ib_planerat_set_sql[] =
	"INSERT INTO insats_ar (insats_id, ar, planerat_antal)"
	" VALUES ($1::integer, $2::integer, $3::integer)"
	" ON CONFLICT (insats_id, ar) DO UPDATE"
	" SET planerat_antal = excluded.planerat_antal"
	" WHERE insats_ar.planerat_antal <> excluded.planerat_antal";

static const char ib_planerat_del_sql[] =
	"DELETE FROM insats_ar WHERE insats_id = $1::integer"
	" AND ar = $2::integer";

/* What one save works with besides the request. */
struct ib_save {
	struct session			*s;
	uint32_t			 id;
	const struct msg_insats_budget	*q;
	struct ib_insats		 ins;
	char				 ar[16];
	PGresult			*old;		/* id, budgettyp_id */
	PGresult			*ingaende;	/* organisation_id, namn */
	PGresult			*budgettyp;	/* id, aktiv */
};

/* Copies the insats's row into *o. */
static void
ib_insats_fill(PGresult *res, struct ib_insats *o)
{
	strlcpy(o->namn, PQgetvalue(res, 0, 0), sizeof o->namn);
	strlcpy(o->samorg, PQgetvalue(res, 0, 1), sizeof o->samorg);
	strlcpy(o->form, PQgetvalue(res, 0, 2), sizeof o->form);
	strlcpy(o->start, PQgetvalue(res, 0, 3), sizeof o->start);
	strlcpy(o->slut, PQgetvalue(res, 0, 4), sizeof o->slut);
	o->forsta = db_u32(res, 0, 5);
	o->sista = db_u32(res, 0, 6);
	o->i_ar = db_u32(res, 0, 7);
	o->finsam = PQgetvalue(res, 0, 8)[0] == 't';
	o->samorg_id = db_u32(res, 0, 9);
	/* The years offered are also years the tables take. */
	if (o->forsta < IB_AR_MIN)
		o->forsta = IB_AR_MIN;
	if (o->sista > IB_AR_MAX)
		o->sista = IB_AR_MAX;
}

/*
 * Reads the insats (and with lock holds its row). Returns 0, or what the
 * handler returns after answering.
 */
static int
ib_insats_read(struct session *s, uint32_t id, uint32_t insats_id, int lock,
    struct ib_insats *o)
{
	PGresult	*res;
	const char	*params[1];

	memset(o, 0, sizeof *o);
	snprintf(o->id, sizeof o->id, "%u", insats_id);
	params[0] = o->id;
	if (lock) {
		if ((res = db_exec(s, ib_lock_sql, 1, params)) == NULL)
			return db_refused(s, id);
		PQclear(res);
	}
	if ((res = db_exec(s, ib_insats_sql, 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Insatsen finns inte.");
	}
	ib_insats_fill(res, o);
	PQclear(res);
	return 0;
}

/*
 * Rules 4 and 6: the year lies within both the insats and its
 * organisation. The refusal says the year and the years allowed, as
 * schema 0007's SU039 would. Returns 0, or what the handler returns
 * after answering.
 */
static int
ib_year_check(struct session *s, uint32_t id, const struct ib_insats *o,
    uint32_t ar)
{
	char		 span[64];

	if (ar >= o->forsta && (o->sista == 0 || ar <= o->sista))
		return 0;
	if (o->sista == 0)
		snprintf(span, sizeof span, "%u och framåt", o->forsta);
	else if (o->sista < o->forsta)
		snprintf(span, sizeof span, "inget år");
	else
		snprintf(span, sizeof span, "%u–%u", o->forsta, o->sista);
	/* The years first: the message line may be cut at 80 columns. */
	return session_refuse(s, id, ERR_VALIDATION, "Budget för %u kan inte "
	    "registreras, bara för %s: år inom både insatsens och "
	    "samverkansorganisationens tid.", ar, span);
}

/* Fills the years with data and the planned number; 0 or -1. */
static int
ib_get_years(struct session *s, const char *const *params,
    struct msg_insats_budget *b, PGresult **keep)
{
	PGresult	*res;

	if ((*keep = db_exec(s, ib_years_sql, 1, params)) == NULL)
		return -1;
	budget_years_fill(*keep, &b->ar_med_data, &b->nar);
	if ((res = db_exec(s, ib_planerat_sql, 2, params)) == NULL)
		return -1;
	if (PQntuples(res) == 1) {
		b->has_planerat = 1;
		b->planerat = db_u32(res, 0, 0);
	}
	PQclear(res);
	return 0;
}

/* Fills the year's lines; 0 or -1. */
static int
ib_get_lines(struct session *s, const char *const *params,
    struct msg_insats_budget *b, PGresult **keep)
{
	struct insats_budgetrad	*r;
	int			 i;

	if ((*keep = db_exec(s, ib_lines_sql, 2, params)) == NULL)
		return -1;
	b->nrader = (uint32_t)PQntuples(*keep);
	if (b->nrader > 0)
		b->rader = xcalloc(b->nrader, sizeof *b->rader);
	for (i = 0; i < (int)b->nrader; i++) {
		r = &b->rader[i];
		r->id = db_u32(*keep, i, 0);
		r->budgettyp_id = db_u32(*keep, i, 1);
		r->budgettyp = PQgetvalue(*keep, i, 2);
		r->organisation_id = db_u32(*keep, i, 3);
		r->organisation = PQgetvalue(*keep, i, 4);
		r->budget = db_u64(*keep, i, 5);
		r->has_utfall = PQgetvalue(*keep, i, 6)[0] == 't';
		r->utfall = db_u64(*keep, i, 7);
		r->beskrivning = PQgetvalue(*keep, i, 8);
	}
	return 0;
}

/* MSG_INSATS_BUDGET_GET → MSG_INSATS_BUDGET: the year and its context. */
int
insats_budget_get(struct session *s, uint32_t id, void *m)
{
	struct msg_insats_budget_get	*q = m;
	struct msg_insats_budget	 b;
	struct ib_insats		 o;
	PGresult			*keep[2] = { NULL, NULL };
	char				 ar[16];
	const char			*params[2];
	int				 rv;

	memset(&b, 0, sizeof b);
	if ((rv = ib_insats_read(s, id, q->insats_id, 0, &o)) != 0)
		return rv;
	b.ar = rule_year_pick(q->ar, o.i_ar, o.forsta, o.sista);
	if ((rv = ib_year_check(s, id, &o, b.ar)) != 0)
		return rv;
	snprintf(ar, sizeof ar, "%u", b.ar);
	params[0] = o.id;
	params[1] = ar;
	if (ib_get_years(s, params, &b, &keep[0]) != 0 ||
	    ib_get_lines(s, params, &b, &keep[1]) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	b.insats_id = q->insats_id;
	b.insats = o.namn;
	b.samorg = o.samorg;
	b.samverkansform = o.form;
	b.startdatum = o.start;
	b.slutdatum = o.slut;
	b.forsta_ar = o.forsta;
	b.sista_ar = o.sista;
	b.finsam = (uint8_t)o.finsam;
	rv = session_reply(s, id, MSG_INSATS_BUDGET, &b);
out:
	/* The strings belong to the results; only the arrays are ours. */
	free(b.ar_med_data);
	free(b.rader);
	PQclear(keep[0]);
	PQclear(keep[1]);
	return rv;
}

/* Refuses line n with a sentence that names it. */
static int
ib_refuse_line(struct ib_save *c, uint32_t n, uint32_t code,
    const char *text)
{
	return session_refuse(c->s, c->id, code, "Rad %u: %s", n, text);
}

/* budget_line_refusal() for line n; ids holds the lines before it. */
static int
ib_check_common(struct ib_save *c, uint32_t n, const uint32_t *ids)
{
	const struct insats_budgetrad	*r = &c->q->rader[n - 1];
	struct budget_line		 l;
	char				 why[160];
	uint32_t			 code;

	l.id = r->id;
	l.belopp = r->budget;
	l.has_utfall = r->has_utfall;
	l.utfall = r->utfall;
	l.beskrivning = r->beskrivning;
	if ((code = budget_line_refusal(c->old, ids, n, &l, why,
	    sizeof why)) == 0)
		return 0;
	return ib_refuse_line(c, n, code, why);
}

/*
 * Rule 11: the budgettyp is a code of list budgettyp, active unless the
 * line keeps the code it had. Returns 0 or the refusal.
 */
static int
ib_check_typ(struct ib_save *c, uint32_t n)
{
	const struct insats_budgetrad	*r = &c->q->rader[n - 1];
	int				 row, old;

	if (r->budgettyp_id == 0)
		return ib_refuse_line(c, n, ERR_VALIDATION, "välj budgettyp.");
	if ((row = db_find_row(c->budgettyp, r->budgettyp_id)) < 0)
		return ib_refuse_line(c, n, ERR_VALIDATION, "budgettypen finns "
		    "inte (Insatskostnad eller ESF Insatskostnad).");
	if (PQgetvalue(c->budgettyp, row, 1)[0] == 't')
		return 0;
	old = r->id != 0 ? db_find_row(c->old, r->id) : -1;
	if (old >= 0 && db_u32(c->old, old, 1) == r->budgettyp_id)
		return 0;
	return ib_refuse_line(c, n, ERR_VALIDATION, "budgettypen är inte "
	    "längre aktiv.");
}

/*
 * Rule 10 and SU041: no organisation on a FINSAM insats, otherwise none
 * or an ingående organisation. Returns 0 or the refusal.
 */
static int
ib_check_org(struct ib_save *c, uint32_t n)
{
	const struct insats_budgetrad	*r = &c->q->rader[n - 1];
	PGresult			*res;
	char				 oid[16], why[700];
	const char			*params[1] = { oid };

	if (r->organisation_id == 0)
		return 0;
	if (c->ins.finsam)
		return ib_refuse_line(c, n, ERR_VALIDATION,
		    rule_insats_db_message("SU040"));
	if (db_find_row(c->ingaende, r->organisation_id) >= 0)
		return 0;
	snprintf(oid, sizeof oid, "%u", r->organisation_id);
	if ((res = db_exec(c->s, ib_orgname_sql, 1, params)) == NULL)
		return db_refused(c->s, c->id);
	if (PQntuples(res) == 1)
		snprintf(why, sizeof why, "%s är inte en ingående organisation "
		    "i %s.", PQgetvalue(res, 0, 0), c->ins.samorg);
	else
		snprintf(why, sizeof why, "organisationen finns inte i "
		    "organisationsregistret.");
	PQclear(res);
	return ib_refuse_line(c, n, ERR_VALIDATION, why);
}

/* Checks the planned number and every line; 0 or the refusal. */
static int
ib_check(struct ib_save *c)
{
	uint32_t	ids[IB_LINES_MAX], i;
	int		rv;

	if (c->q->has_planerat && c->q->planerat > IB_PLANERAT_MAX)
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Planerat "
		    "antal deltagare får vara högst 1 000 000.");
	if (c->q->nrader > IB_LINES_MAX)
		return session_refuse(c->s, c->id, ERR_BAD_REQUEST, "Högst %d "
		    "rader per år.", IB_LINES_MAX);
	for (i = 1; i <= c->q->nrader; i++) {
		ids[i - 1] = c->q->rader[i - 1].id;
		if ((rv = ib_check_common(c, i, ids)) != 0 ||
		    (rv = ib_check_typ(c, i)) != 0 ||
		    (rv = ib_check_org(c, i)) != 0)
			return rv;
	}
	return 0;
}

/* Reads what the checks need: the year's lines, organisations, codes. */
static int
ib_save_load(struct ib_save *c)
{
	char		 samorg[16];
	const char	*params[2] = { c->ins.id, c->ar };
	const char	*p1[1] = { samorg };

	snprintf(samorg, sizeof samorg, "%u", c->ins.samorg_id);
	if ((c->old = db_exec(c->s, ib_old_sql, 2, params)) == NULL ||
	    (c->ingaende = db_exec(c->s, ib_ingaende_sql, 1, p1)) == NULL ||
	    (c->budgettyp = db_exec(c->s, ib_budgettyp_sql, 0,
	    NULL)) == NULL)
		return -1;
	return 0;
}

/* Reports whether the request keeps the saved line id. */
static int
ib_kept(const struct msg_insats_budget *q, uint32_t id)
{
	uint32_t	i;

	for (i = 0; i < q->nrader; i++) {
		if (q->rader[i].id == id)
			return 1;
	}
	return 0;
}

/* Writes line r: an update when it has an id, else an insert; 0 or -1. */
static int
ib_write_line(struct ib_save *c, const struct insats_budgetrad *r)
{
	const char	*params[8];
	char		 lid[16], typ[16], org[16], budget[24], utfall[24];

	snprintf(lid, sizeof lid, "%u", r->id);
	snprintf(typ, sizeof typ, "%u", r->budgettyp_id);
	snprintf(org, sizeof org, "%u", r->organisation_id);
	snprintf(budget, sizeof budget, "%llu", (unsigned long long)r->budget);
	snprintf(utfall, sizeof utfall, "%llu", (unsigned long long)r->utfall);
	params[0] = c->ins.id;
	params[1] = c->ar;
	params[2] = typ;
	params[3] = org;
	params[4] = budget;
	params[5] = r->has_utfall ? utfall : NULL;
	params[6] = r->beskrivning;
	params[7] = lid;
	if (r->id != 0)
		return db_exec_cmd(c->s, ib_update_sql, 8, params) != 0 ? -1 : 0;
	return db_exec_cmd(c->s, ib_insert_sql, 7, params) != 0 ? -1 : 0;
}

/* Sets or removes the year's planned number; 0 or -1. */
static int
ib_write_planerat(struct ib_save *c)
{
	char		 antal[16];
	const char	*params[3] = { c->ins.id, c->ar, antal };

	snprintf(antal, sizeof antal, "%u", c->q->planerat);
	if (!c->q->has_planerat)
		return db_exec_cmd(c->s, ib_planerat_del_sql, 2, params) != 0 ?
		    -1 : 0;
	return db_exec_cmd(c->s, ib_planerat_set_sql, 3, params) != 0 ?
	    -1 : 0;
}

/*
 * Makes the year what was sent: removals first, then changes, then new
 * lines, each in the order the user sees. Returns 0 or -1 with the
 * failing statement's SQLSTATE kept.
 */
static int
ib_write(struct ib_save *c)
{
	const struct msg_insats_budget	*q = c->q;
	const char			*params[3];
	uint32_t			 i;
	int				 pass;

	params[1] = c->ins.id;
	params[2] = c->ar;
	for (i = 0; i < (uint32_t)PQntuples(c->old); i++) {
		if (ib_kept(q, db_u32(c->old, (int)i, 0)))
			continue;
		params[0] = PQgetvalue(c->old, (int)i, 0);
		if (db_exec_cmd(c->s, ib_delete_sql, 3, params) != 0)
			return -1;
	}
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < q->nrader; i++) {
			if ((q->rader[i].id == 0) == (pass == 0))
				continue;
			if (ib_write_line(c, &q->rader[i]) != 0)
				return -1;
		}
	}
	return ib_write_planerat(c);
}

/*
 * MSG_INSATS_BUDGET_SAVE: the year becomes exactly what was sent, in the
 * request's one transaction; any refusal leaves the year as it was.
 */
int
insats_budget_save(struct session *s, uint32_t id, void *m)
{
	struct ib_save	 c;
	struct msg_ok	 ok;
	char		 text[128];
	int		 rv;

	memset(&c, 0, sizeof c);
	c.s = s;
	c.id = id;
	c.q = m;
	if (c.q->ar == 0)
		return session_refuse(s, id, ERR_VALIDATION, "Välj budgetår.");
	if ((rv = ib_insats_read(s, id, c.q->insats_id, 1, &c.ins)) != 0)
		return rv;
	if ((rv = ib_year_check(s, id, &c.ins, c.q->ar)) != 0)
		return rv;
	snprintf(c.ar, sizeof c.ar, "%u", c.q->ar);
	if (ib_save_load(&c) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	if ((rv = ib_check(&c)) != 0)
		goto out;
	if (ib_write(&c) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	snprintf(text, sizeof text, "Budgeten för %u är sparad.", c.q->ar);
	memset(&ok, 0, sizeof ok);
	ok.message = text;
	rv = session_reply(s, id, MSG_OK, &ok);
out:
	PQclear(c.old);
	PQclear(c.ingaende);
	PQclear(c.budgettyp);
	return rv;
}
