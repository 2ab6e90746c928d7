/*
 * Samverkansorganisationsbudget (domain.md 2.2, rules 4, 6-9): one
 * organisation's finance lines and administrativa kostnader for one
 * calendar year, and the read-only sum of the year's insats budgets
 * (2.5). The request table has checked the role and the uppdrag; this
 * file checks every line first so the refusal can name it ("Rad 2 ..."),
 * and the triggers of schema 0006 stay the backstop for any other path
 * in. A save makes the year's lines exactly those sent, changing only
 * what changed, so the audit trail shows real changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "samverkansorg.h"
#include "susd.h"
#include "xmalloc.h"

/* The amounts the tables accept: whole kronor below a trillion. */
#define BUDGET_BELOPP_MAX	999999999999ULL
/* Characters of a line's beskrivning (the tables' CHECK). */
#define BUDGET_TEXT_MAX		100
/* The years the tables accept at all (their CHECK on ar). */
#define BUDGET_AR_MIN		1990
#define BUDGET_AR_MAX		2200
/* What an eget-kapital line's beskrivning must begin with (rule 8). */
#define BUDGET_EGET_KAPITAL	"Eget kapital"

/* What a budget request needs to know of its organisation. */
struct budget_org {
	char		 samorg[16];	/* the id as a parameter */
	char		 namn[256];
	char		 form[128];
	char		 start[16];
	char		 slut[16];	/* "" while active */
	uint32_t	 forsta;	/* first and last year; sista 0 = open */
	uint32_t	 sista;
	uint32_t	 i_ar;		/* the database's current year */
	int		 finsam;
};

static const char budget_org_sql[] =
	"SELECT s.namn, f.namn, to_char(s.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(s.slutdatum, 'YYYY-MM-DD'), ''),"
	" extract(year FROM s.startdatum)::integer,"
	" coalesce(extract(year FROM s.slutdatum)::integer, 0),"
	" extract(year FROM current_date)::integer, f.kod = 'FINSAM'"
	" FROM samverkansorg s JOIN samverkansform f"
	" ON f.id = s.samverkansform_id WHERE s.id = $1::integer";

/*
 * A save holds the organisation's row: two saves of one year, or a save
 * and a change of the organisation's dates, then follow each other.
 */
static const char budget_org_lock_sql[] =
	"SELECT 1 FROM samverkansorg WHERE id = $1::integer FOR NO KEY UPDATE";

/* The years that have lines of the organisation's own. */
static const char budget_years_sql[] =
	"SELECT ar FROM samorg_finansiering WHERE samverkansorg_id = $1::integer"
	" UNION SELECT ar FROM samorg_admkostnad"
	" WHERE samverkansorg_id = $1::integer ORDER BY 1";

static const char budget_fin_sql[] =
	"SELECT f.id, coalesce(f.organisation_id, 0), coalesce(o.namn, ''),"
	" f.eget_kapital, f.belopp, f.utfall IS NOT NULL,"
	" coalesce(f.utfall, 0), f.beskrivning"
	" FROM samorg_finansiering f"
	" LEFT JOIN organisation o ON o.id = f.organisation_id"
	" WHERE f.samverkansorg_id = $1::integer AND f.ar = $2::integer"
	" ORDER BY f.id";

static const char budget_adm_sql[] =
	"SELECT a.id, a.kostnadstyp_id, k.namn, a.budget, a.utfall IS NOT NULL,"
	" coalesce(a.utfall, 0), a.beskrivning"
	" FROM samorg_admkostnad a JOIN kod k"
	" ON k.lista = a.kostnadstyp_lista AND k.id = a.kostnadstyp_id"
	" WHERE a.samverkansorg_id = $1::integer AND a.ar = $2::integer"
	" ORDER BY a.id";

/*
 * Budgeterat i insatserna: every insats running in the year or holding
 * lines for it, with the year's sums; the totals count every insats,
 * even past the rows one reply carries.
 */
static const char budget_insats_sql[] =
	"SELECT i.id, i.namn, coalesce(sum(b.budget), 0),"
	" coalesce(sum(b.utfall), 0),"
	" sum(coalesce(sum(b.budget), 0)) OVER (),"
	" sum(coalesce(sum(b.utfall), 0)) OVER ()"
	" FROM insats i LEFT JOIN insats_budgetpost b"
	" ON b.insats_id = i.id AND b.ar = $2::integer"
	" WHERE i.samverkansorg_id = $1::integer"
	" GROUP BY i.id, i.namn"
	" HAVING count(b.id) > 0"
	" OR (extract(year FROM i.startdatum) <= $2::integer"
	" AND (i.slutdatum IS NULL"
	" OR extract(year FROM i.slutdatum) >= $2::integer))"
	" ORDER BY i.namn, i.id LIMIT $3::integer";

/* The ingående organisationer, for rule 7. */
static const char budget_ingaende_sql[] =
	"SELECT o.organisation_id, g.namn, o.finansiar"
	" FROM samverkansorg_organisation o"
	" JOIN organisation g ON g.id = o.organisation_id"
	" WHERE o.samverkansorg_id = $1::integer";

static const char budget_kostnadstyp_sql[] =
	"SELECT id, aktiv FROM kod WHERE lista = 'kostnadstyp'";

/* One kind of line: its table and the words its refusals use. */
struct budget_table {
	const char	*panel;		/* "finansiering" in "Rad 2 (...)" */
	const char	*ids_sql;	/* $1, $2 → the year's ids (locked) */
	const char	*delete_sql;	/* $1, $2, $3 ids kept */
	const char	*insert_sql;
	const char	*update_sql;
};

static const struct budget_table budget_fin_table = {
	"finansiering",
	"SELECT id, 0 FROM samorg_finansiering"
	" WHERE samverkansorg_id = $1::integer AND ar = $2::integer FOR UPDATE",
	"DELETE FROM samorg_finansiering WHERE samverkansorg_id = $1::integer"
	" AND ar = $2::integer AND id <> ALL ($3::integer[])",
	"INSERT INTO samorg_finansiering (samverkansorg_id, ar,"
	" organisation_id, eget_kapital, belopp, utfall, beskrivning)"
	" VALUES ($1::integer, $2::integer, nullif($3::integer, 0),"
	" $4::boolean, $5::bigint, $6::bigint, $7::text)",
	"UPDATE samorg_finansiering SET organisation_id = nullif($3::integer,"
	" 0), eget_kapital = $4::boolean, belopp = $5::bigint,"
	" utfall = $6::bigint, beskrivning = $7::text"
	" WHERE id = $8::integer AND samverkansorg_id = $1::integer"
	" AND ar = $2::integer AND (organisation_id, eget_kapital, belopp,"
	" utfall, beskrivning) IS DISTINCT FROM (nullif($3::integer, 0),"
	" $4::boolean, $5::bigint, $6::bigint, $7::text)",
};

static const struct budget_table budget_adm_table = {
	"administrativa kostnader",
	"SELECT id, kostnadstyp_id FROM samorg_admkostnad"
	" WHERE samverkansorg_id = $1::integer AND ar = $2::integer FOR UPDATE",
	"DELETE FROM samorg_admkostnad WHERE samverkansorg_id = $1::integer"
	" AND ar = $2::integer AND id <> ALL ($3::integer[])",
	"INSERT INTO samorg_admkostnad (samverkansorg_id, ar, kostnadstyp_id,"
	" budget, utfall, beskrivning)"
	" VALUES ($1::integer, $2::integer, $3::integer, $4::bigint,"
	" $5::bigint, $6::text)",
	"UPDATE samorg_admkostnad SET kostnadstyp_id = $3::integer,"
	" budget = $4::bigint, utfall = $5::bigint, beskrivning = $6::text"
	" WHERE id = $7::integer AND samverkansorg_id = $1::integer"
	" AND ar = $2::integer AND (kostnadstyp_id, budget, utfall,"
	" beskrivning) IS DISTINCT FROM ($3::integer, $4::bigint, $5::bigint,"
	" $6::text)",
};

/* What one save works with besides the request. */
struct budget_save_ctx {
	struct session		*s;
	uint32_t		 id;
	const struct msg_budget	*q;
	struct budget_org	 org;
	char			 ar[16];
	PGresult		*ingaende;	/* organisation_id, namn, finansiar */
	PGresult		*kostnadstyp;	/* id, aktiv */
	PGresult		*fin_old;	/* id, 0 */
	PGresult		*adm_old;	/* id, kostnadstyp_id */
};

/* Reports whether a boolean column is true. */
static int
budget_true(PGresult *res, int row, int col)
{
	return PQgetvalue(res, row, col)[0] == 't';
}

/*
 * Reads the organisation (and with lock holds its row). Returns 0, or
 * what the handler returns after answering.
 */
static int
budget_org_read(struct session *s, uint32_t id, uint32_t samorg_id, int lock,
    struct budget_org *o)
{
	PGresult	*res;
	const char	*params[1];

	memset(o, 0, sizeof *o);
	snprintf(o->samorg, sizeof o->samorg, "%u", samorg_id);
	params[0] = o->samorg;
	if (lock) {
		if ((res = db_exec(s, budget_org_lock_sql, 1, params)) == NULL)
			return db_refused(s, id);
		PQclear(res);
	}
	if ((res = db_exec(s, budget_org_sql, 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Samverkansorganisationen finns inte.");
	}
	strlcpy(o->namn, PQgetvalue(res, 0, 0), sizeof o->namn);
	strlcpy(o->form, PQgetvalue(res, 0, 1), sizeof o->form);
	strlcpy(o->start, PQgetvalue(res, 0, 2), sizeof o->start);
	strlcpy(o->slut, PQgetvalue(res, 0, 3), sizeof o->slut);
	o->forsta = db_u32(res, 0, 4);
	o->sista = db_u32(res, 0, 5);
	o->i_ar = db_u32(res, 0, 6);
	o->finsam = budget_true(res, 0, 7);
	PQclear(res);
	return 0;
}

/*
 * Checks that the organisation may have a budget for ar (rules 4, 6).
 * Returns 0, or what the handler returns after answering.
 */
static int
budget_year_check(struct session *s, uint32_t id, const struct budget_org *o,
    uint32_t ar)
{
	char	text[512];

	if (ar < o->forsta)
		snprintf(text, sizeof text, "Budget kan inte registreras för "
		    "%u: startdatum är %s.", ar, o->start);
	else if (o->sista != 0 && ar > o->sista)
		snprintf(text, sizeof text, "Budget kan inte registreras för "
		    "%u: slutdatum är %s.", ar, o->slut);
	else if (ar < BUDGET_AR_MIN || ar > BUDGET_AR_MAX)
		snprintf(text, sizeof text, "Budgetåret måste ligga mellan %d "
		    "och %d.", BUDGET_AR_MIN, BUDGET_AR_MAX);
	else
		return 0;
	return session_refuse(s, id, ERR_VALIDATION, "%s", text);
}

/* The years in column 0 of res as a reply's list (none: NULL, 0). */
void
budget_years_fill(PGresult *res, struct budget_year **out, uint32_t *n)
{
	int	i;

	*n = (uint32_t)PQntuples(res);
	*out = *n > 0 ? xcalloc(*n, sizeof **out) : NULL;
	for (i = 0; i < (int)*n; i++)
		(*out)[i].ar = db_u32(res, i, 0);
}

/* Fills the years with lines; 0 or -1. */
static int
budget_get_years(struct session *s, const char *const *params,
    struct msg_budget *b, PGresult **keep)
{
	if ((*keep = db_exec(s, budget_years_sql, 1, params)) == NULL)
		return -1;
	budget_years_fill(*keep, &b->ar_med_data, &b->nar);
	return 0;
}

/* Fills the year's finance lines; 0 or -1. */
static int
budget_get_fin(struct session *s, const char *const *params,
    struct msg_budget *b, PGresult **keep)
{
	struct budget_fin	*f;
	int			 i;

	if ((*keep = db_exec(s, budget_fin_sql, 2, params)) == NULL)
		return -1;
	b->nfin = (uint32_t)PQntuples(*keep);
	if (b->nfin > 0)
		b->fin = xcalloc(b->nfin, sizeof *b->fin);
	for (i = 0; i < (int)b->nfin; i++) {
		f = &b->fin[i];
		f->id = db_u32(*keep, i, 0);
		f->organisation_id = db_u32(*keep, i, 1);
		f->organisation = PQgetvalue(*keep, i, 2);
		f->eget_kapital = (uint8_t)budget_true(*keep, i, 3);
		f->belopp = db_u64(*keep, i, 4);
		f->has_utfall = (uint8_t)budget_true(*keep, i, 5);
		f->utfall = db_u64(*keep, i, 6);
		f->beskrivning = PQgetvalue(*keep, i, 7);
	}
	return 0;
}

/* Fills the year's administrativa kostnader; 0 or -1. */
static int
budget_get_adm(struct session *s, const char *const *params,
    struct msg_budget *b, PGresult **keep)
{
	struct budget_adm	*a;
	int			 i;

	if ((*keep = db_exec(s, budget_adm_sql, 2, params)) == NULL)
		return -1;
	b->nadm = (uint32_t)PQntuples(*keep);
	if (b->nadm > 0)
		b->adm = xcalloc(b->nadm, sizeof *b->adm);
	for (i = 0; i < (int)b->nadm; i++) {
		a = &b->adm[i];
		a->id = db_u32(*keep, i, 0);
		a->kostnadstyp_id = db_u32(*keep, i, 1);
		a->kostnadstyp = PQgetvalue(*keep, i, 2);
		a->budget = db_u64(*keep, i, 3);
		a->has_utfall = (uint8_t)budget_true(*keep, i, 4);
		a->utfall = db_u64(*keep, i, 5);
		a->beskrivning = PQgetvalue(*keep, i, 6);
	}
	return 0;
}

/* Fills Budgeterat i insatserna and its totals; 0 or -1. */
static int
budget_get_insatser(struct session *s, const char *const *params,
    struct msg_budget *b, PGresult **keep)
{
	struct budget_insats	*bi;
	char			 limit[16];
	const char		*p3[3];
	int			 i;

	snprintf(limit, sizeof limit, "%d", SUS_LIST_MAX);
	p3[0] = params[0];
	p3[1] = params[1];
	p3[2] = limit;
	if ((*keep = db_exec(s, budget_insats_sql, 3, p3)) == NULL)
		return -1;
	b->ninsatser = (uint32_t)PQntuples(*keep);
	if (b->ninsatser > 0) {
		b->insatser = xcalloc(b->ninsatser, sizeof *b->insatser);
		b->insats_budget = db_u64(*keep, 0, 4);
		b->insats_utfall = db_u64(*keep, 0, 5);
	}
	for (i = 0; i < (int)b->ninsatser; i++) {
		bi = &b->insatser[i];
		bi->insats_id = db_u32(*keep, i, 0);
		bi->namn = PQgetvalue(*keep, i, 1);
		bi->budget = db_u64(*keep, i, 2);
		bi->utfall = db_u64(*keep, i, 3);
	}
	return 0;
}

/* MSG_BUDGET_GET → MSG_BUDGET: the organisation's year and its context. */
int
budget_get(struct session *s, uint32_t id, void *m)
{
	struct msg_budget_get	*q = m;
	struct msg_budget	 b;
	struct budget_org	 o;
	PGresult		*keep[4] = { NULL, NULL, NULL, NULL };
	char			 ar[16];
	const char		*params[2];
	size_t			 i;
	int			 rv;

	memset(&b, 0, sizeof b);
	if ((rv = budget_org_read(s, id, q->samorg_id, 0, &o)) != 0)
		return rv;
	b.ar = rule_year_pick(q->ar, o.i_ar, o.forsta, o.sista);
	if ((rv = budget_year_check(s, id, &o, b.ar)) != 0)
		return rv;
	snprintf(ar, sizeof ar, "%u", b.ar);
	params[0] = o.samorg;
	params[1] = ar;
	if (budget_get_years(s, params, &b, &keep[0]) != 0 ||
	    budget_get_fin(s, params, &b, &keep[1]) != 0 ||
	    budget_get_adm(s, params, &b, &keep[2]) != 0 ||
	    budget_get_insatser(s, params, &b, &keep[3]) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	b.samorg_id = q->samorg_id;
	b.samorg = o.namn;
	b.samverkansform = o.form;
	b.startdatum = o.start;
	b.slutdatum = o.slut;
	/* The years offered are the years the tables take. */
	b.forsta_ar = o.forsta > BUDGET_AR_MIN ? o.forsta : BUDGET_AR_MIN;
	b.sista_ar = o.sista < BUDGET_AR_MAX ? o.sista : BUDGET_AR_MAX;
	b.finsam = (uint8_t)o.finsam;
	rv = session_reply(s, id, MSG_BUDGET, &b);
out:
	/* The strings belong to the results; only the arrays are ours. */
	free(b.ar_med_data);
	free(b.fin);
	free(b.adm);
	free(b.insatser);
	for (i = 0; i < sizeof keep / sizeof keep[0]; i++)
		PQclear(keep[i]);
	return rv;
}

/* Refuses line n of a panel with a sentence that names it. */
static int
budget_refuse_line(struct budget_save_ctx *c, const struct budget_table *t,
    uint32_t n, uint32_t code, const char *text)
{
	return session_refuse(c->s, c->id, code, "Rad %u (%s): %s", n,
	    t->panel, text);
}

/*
 * Checks what every budget line has, the organisation's and the
 * insats's alike: its id is one of the year's rows in old (column 0) and
 * not among ids[0] .. ids[n - 2], the lines before it; its amounts and
 * its beskrivning fit. Returns 0, or the ERR_* code with why filled in.
 */
uint32_t
budget_line_refusal(PGresult *old, const uint32_t *ids, uint32_t n,
    const struct budget_line *l, char *why, size_t len)
{
	uint32_t	i;

	if (l->id != 0) {
		for (i = 0; i + 1 < n; i++) {
			if (ids[i] == l->id) {
				snprintf(why, len, "raden finns två gånger.");
				return ERR_BAD_REQUEST;
			}
		}
		if (db_find_row(old, l->id) < 0) {
			snprintf(why, len, "raden finns inte längre; hämta "
			    "budgeten igen.");
			return ERR_CONFLICT;
		}
	}
	if (l->belopp > BUDGET_BELOPP_MAX || (l->has_utfall &&
	    l->utfall > BUDGET_BELOPP_MAX)) {
		snprintf(why, len, "ett belopp får vara högst 999 999 999 999 "
		    "kronor.");
		return ERR_VALIDATION;
	}
	if (rule_utf8_chars(l->beskrivning) > BUDGET_TEXT_MAX) {
		snprintf(why, len, "beskrivningen får vara högst %d tecken.",
		    BUDGET_TEXT_MAX);
		return ERR_VALIDATION;
	}
	return 0;
}

/* budget_line_refusal() for line n of a panel, refused in its words. */
static int
budget_check_common(struct budget_save_ctx *c, const struct budget_table *t,
    PGresult *old, uint32_t n, const uint32_t *ids,
    const struct budget_line *l)
{
	char		why[160];
	uint32_t	code;

	if ((code = budget_line_refusal(old, ids, n, l, why, sizeof why)) == 0)
		return 0;
	return budget_refuse_line(c, t, n, code, why);
}

/* The name of organisation org_id in the register, into out. */
static int
budget_org_name(struct budget_save_ctx *c, uint32_t org_id, char *out,
    size_t len)
{
	PGresult	*res;
	char		 oid[16];
	const char	*params[1];

	snprintf(oid, sizeof oid, "%u", org_id);
	params[0] = oid;
	if ((res = db_exec(c->s, "SELECT namn FROM organisation"
	    " WHERE id = $1::integer", 1, params)) == NULL)
		return -1;
	if (PQntuples(res) == 1)
		strlcpy(out, PQgetvalue(res, 0, 0), len);
	else
		out[0] = '\0';
	PQclear(res);
	return 0;
}

/* Reports whether a beskrivning begins "Eget kapital", as SU014 does. */
static int
budget_is_eget_kapital(const char *text)
{
	while (*text == ' ')
		text++;
	return strncasecmp(text, BUDGET_EGET_KAPITAL,
	    strlen(BUDGET_EGET_KAPITAL)) == 0;
}

/*
 * Rules 7 and 8 for finance line n: a finansiär among the ingående
 * organisationer marked so (none only for eget kapital), and eget
 * kapital described as such. Returns 0 or the refusal.
 */
static int
budget_check_fin(struct budget_save_ctx *c, uint32_t n,
    const struct budget_fin *f)
{
	const struct budget_table *t = &budget_fin_table;
	char			 name[256], why[600];
	int			 row;

	if (f->organisation_id == 0 && !f->eget_kapital)
		return budget_refuse_line(c, t, n, ERR_VALIDATION, "välj "
		    "finansiär (bara eget kapital kan stå utan).");
	if (f->eget_kapital && !budget_is_eget_kapital(f->beskrivning))
		return budget_refuse_line(c, t, n, ERR_VALIDATION, "överskott "
		    "ska beskrivas \"" BUDGET_EGET_KAPITAL " ...\".");
	if (f->organisation_id == 0)
		return 0;
	row = db_find_row(c->ingaende, f->organisation_id);
	if (row >= 0 && budget_true(c->ingaende, row, 2))
		return 0;
	if (row >= 0)
		snprintf(why, sizeof why, "%s är inte markerad som "
		    "finansiär.", PQgetvalue(c->ingaende, row, 1));
	else {
		if (budget_org_name(c, f->organisation_id, name,
		    sizeof name) != 0)
			return db_refused(c->s, c->id);
		if (name[0] == '\0')
			return budget_refuse_line(c, t, n, ERR_VALIDATION,
			    "finansiären finns inte i organisationsregistret.");
		snprintf(why, sizeof why, "%s är inte en ingående "
		    "organisation.", name);
	}
	return budget_refuse_line(c, t, n, ERR_VALIDATION, why);
}

/*
 * The kostnadstyp of administrative line n: a code of list kostnadstyp,
 * active unless the line keeps the code it already had. Returns 0 or the
 * refusal.
 */
static int
budget_check_adm(struct budget_save_ctx *c, uint32_t n,
    const struct budget_adm *a)
{
	const struct budget_table *t = &budget_adm_table;
	int			 row, old;

	if (a->kostnadstyp_id == 0)
		return budget_refuse_line(c, t, n, ERR_VALIDATION,
		    "välj kostnadstyp.");
	if ((row = db_find_row(c->kostnadstyp, a->kostnadstyp_id)) < 0)
		return budget_refuse_line(c, t, n, ERR_VALIDATION,
		    "kostnadstypen finns inte.");
	if (budget_true(c->kostnadstyp, row, 1))
		return 0;
	old = a->id != 0 ? db_find_row(c->adm_old, a->id) : -1;
	if (old >= 0 && db_u32(c->adm_old, old, 1) == a->kostnadstyp_id)
		return 0;
	return budget_refuse_line(c, t, n, ERR_VALIDATION, "kostnadstypen "
	    "är inte längre aktiv.");
}

/* Checks every line before anything is written; 0 or the refusal. */
static int
budget_check_lines(struct budget_save_ctx *c, uint32_t *ids)
{
	const struct msg_budget	*q = c->q;
	const struct budget_fin	*f;
	const struct budget_adm	*a;
	struct budget_line	 line;
	char			 why[600];
	uint32_t		 i;
	int			 rv;

	for (i = 0; i < q->nfin; i++) {
		f = &q->fin[i];
		ids[i] = f->id;
		line.id = f->id;
		line.belopp = f->belopp;
		line.has_utfall = f->has_utfall;
		line.utfall = f->utfall;
		line.beskrivning = f->beskrivning;
		if ((rv = budget_check_common(c, &budget_fin_table, c->fin_old,
		    i + 1, ids, &line)) != 0 ||
		    (rv = budget_check_fin(c, i + 1, f)) != 0)
			return rv;
	}
	if (q->nadm > 0 && !c->org.finsam) {
		snprintf(why, sizeof why, "Administrativa kostnader finns bara "
		    "för FINSAM, inte för %s.", c->org.form);
		return session_refuse(c->s, c->id, ERR_VALIDATION, "%s", why);
	}
	for (i = 0; i < q->nadm; i++) {
		a = &q->adm[i];
		ids[i] = a->id;
		line.id = a->id;
		line.belopp = a->budget;
		line.has_utfall = a->has_utfall;
		line.utfall = a->utfall;
		line.beskrivning = a->beskrivning;
		if ((rv = budget_check_common(c, &budget_adm_table, c->adm_old,
		    i + 1, ids, &line)) != 0 ||
		    (rv = budget_check_adm(c, i + 1, a)) != 0)
			return rv;
	}
	return 0;
}

/* Reads what the checks need: the year's lines, finansiärer, codes. */
static int
budget_save_load(struct budget_save_ctx *c)
{
	const char	*params[2] = { c->org.samorg, c->ar };

	if ((c->fin_old = db_exec(c->s, budget_fin_table.ids_sql, 2,
	    params)) == NULL ||
	    (c->adm_old = db_exec(c->s, budget_adm_table.ids_sql, 2,
	    params)) == NULL ||
	    (c->ingaende = db_exec(c->s, budget_ingaende_sql, 1,
	    params)) == NULL ||
	    (c->kostnadstyp = db_exec(c->s, budget_kostnadstyp_sql, 0,
	    NULL)) == NULL)
		return -1;
	return 0;
}

/*
 * Deletes the year's lines of a table whose ids are not in ids[0..n):
 * "{1,2,3}" as one array parameter. Returns 0 or -1.
 */
static int
budget_delete_rest(struct budget_save_ctx *c, const struct budget_table *t,
    const uint32_t *ids, uint32_t n)
{
	const char	*params[3];
	char		*arr;
	size_t		 len = 3 + (size_t)n * 11, o = 0;
	uint32_t	 i;
	int		 rv;

	arr = xmalloc(len);
	arr[o++] = '{';
	for (i = 0; i < n; i++) {
		if (ids[i] == 0)
			continue;
		o += (size_t)snprintf(arr + o, len - o, "%s%u",
		    o > 1 ? "," : "", ids[i]);
	}
	arr[o++] = '}';
	arr[o] = '\0';
	params[0] = c->org.samorg;
	params[1] = c->ar;
	params[2] = arr;
	rv = db_exec_cmd(c->s, t->delete_sql, 3, params);
	free(arr);
	return rv != 0 ? -1 : 0;
}

/* Writes one finance line: an update when it has an id, else an insert. */
static int
budget_write_fin(struct budget_save_ctx *c, const struct budget_fin *f)
{
	const char	*params[8];
	char		 org[16], belopp[24], utfall[24], lid[16];

	snprintf(org, sizeof org, "%u", f->organisation_id);
	snprintf(belopp, sizeof belopp, "%llu", (unsigned long long)f->belopp);
	snprintf(utfall, sizeof utfall, "%llu", (unsigned long long)f->utfall);
	snprintf(lid, sizeof lid, "%u", f->id);
	params[0] = c->org.samorg;
	params[1] = c->ar;
	params[2] = org;
	params[3] = f->eget_kapital ? "true" : "false";
	params[4] = belopp;
	params[5] = f->has_utfall ? utfall : NULL;
	params[6] = f->beskrivning;
	params[7] = lid;
	if (f->id != 0)
		return db_exec_cmd(c->s, budget_fin_table.update_sql, 8, params);
	return db_exec_cmd(c->s, budget_fin_table.insert_sql, 7, params);
}

/* Writes one administrative line, as budget_write_fin(). */
static int
budget_write_adm(struct budget_save_ctx *c, const struct budget_adm *a)
{
	const char	*params[7];
	char		 typ[16], budget[24], utfall[24], lid[16];

	snprintf(typ, sizeof typ, "%u", a->kostnadstyp_id);
	snprintf(budget, sizeof budget, "%llu", (unsigned long long)a->budget);
	snprintf(utfall, sizeof utfall, "%llu", (unsigned long long)a->utfall);
	snprintf(lid, sizeof lid, "%u", a->id);
	params[0] = c->org.samorg;
	params[1] = c->ar;
	params[2] = typ;
	params[3] = budget;
	params[4] = a->has_utfall ? utfall : NULL;
	params[5] = a->beskrivning;
	params[6] = lid;
	if (a->id != 0)
		return db_exec_cmd(c->s, budget_adm_table.update_sql, 7, params);
	return db_exec_cmd(c->s, budget_adm_table.insert_sql, 6, params);
}

/*
 * Makes the year's lines those sent: removals first, then changes, then
 * new lines. Returns 0 or -1 with the failing statement's SQLSTATE kept.
 */
static int
budget_write(struct budget_save_ctx *c)
{
	const struct msg_budget	*q = c->q;
	uint32_t		*ids;
	uint32_t		 i, n = q->nfin > q->nadm ? q->nfin : q->nadm;
	int			 rv = -1;

	ids = xcalloc(n + 1, sizeof *ids);
	for (i = 0; i < q->nfin; i++)
		ids[i] = q->fin[i].id;
	if (budget_delete_rest(c, &budget_fin_table, ids, q->nfin) != 0)
		goto out;
	for (i = 0; i < q->nadm; i++)
		ids[i] = q->adm[i].id;
	if (budget_delete_rest(c, &budget_adm_table, ids, q->nadm) != 0)
		goto out;
	/* Updates before inserts, each in the order the user sees. */
	for (i = 0; i < q->nfin; i++) {
		if (q->fin[i].id != 0 && budget_write_fin(c, &q->fin[i]) != 0)
			goto out;
	}
	for (i = 0; i < q->nadm; i++) {
		if (q->adm[i].id != 0 && budget_write_adm(c, &q->adm[i]) != 0)
			goto out;
	}
	for (i = 0; i < q->nfin; i++) {
		if (q->fin[i].id == 0 && budget_write_fin(c, &q->fin[i]) != 0)
			goto out;
	}
	for (i = 0; i < q->nadm; i++) {
		if (q->adm[i].id == 0 && budget_write_adm(c, &q->adm[i]) != 0)
			goto out;
	}
	rv = 0;
out:
	free(ids);
	return rv;
}

/*
 * MSG_BUDGET_SAVE: the year's lines become exactly those sent, in the
 * request's one transaction; any refusal leaves the year as it was.
 */
int
budget_save(struct session *s, uint32_t id, void *m)
{
	struct budget_save_ctx	 c;
	struct msg_ok		 ok;
	uint32_t		*ids = NULL;
	char			 text[128];
	int			 rv;

	memset(&c, 0, sizeof c);
	c.s = s;
	c.id = id;
	c.q = m;
	if (c.q->ar == 0)
		return session_refuse(s, id, ERR_VALIDATION, "Välj budgetår.");
	if ((rv = budget_org_read(s, id, c.q->samorg_id, 1, &c.org)) != 0)
		return rv;
	if ((rv = budget_year_check(s, id, &c.org, c.q->ar)) != 0)
		return rv;
	snprintf(c.ar, sizeof c.ar, "%u", c.q->ar);
	if (budget_save_load(&c) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	ids = xcalloc((c.q->nfin > c.q->nadm ? c.q->nfin : c.q->nadm) + 1,
	    sizeof *ids);
	if ((rv = budget_check_lines(&c, ids)) != 0)
		goto out;
	if (budget_write(&c) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	snprintf(text, sizeof text, "Budgeten för %u är sparad.", c.q->ar);
	ok.id = 0;
	ok.message = text;
	rv = session_reply(s, id, MSG_OK, &ok);
out:
	free(ids);
	PQclear(c.fin_old);
	PQclear(c.adm_old);
	PQclear(c.ingaende);
	PQclear(c.kostnadstyp);
	return rv;
}
