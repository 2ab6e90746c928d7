/*
 * Insatsbudget cases (domain.md 2.5, rules 4, 6, 10, 11) through the
 * real protocol: the years an insats may have a budget (within both the
 * insats and its organisation), no Organisation on a FINSAM insats and
 * only ingående ones elsewhere, budgettyp from its list, a save that
 * inserts, updates and deletes lines and sets and removes planerat
 * antal with audit rows only for real changes, the organisation's
 * Budgeterat i insatserna, and who may do it.
 *
 * The fixtures are insatser and an organisation of their own, made
 * through psql as the database superuser and removed before and after
 * every case, so reruns start from the demo data:
 *	"Integ IB Göteborg"	in Samordningsförbundet Göteborg (FINSAM),
 *				2015-06-01 to 2017-12-31
 *	"Integ IB Värmland"	a Tvåpartsfinsam organisation 2010-2020 with
 *				Försäkringskassan ingående, and in it
 *	"Integ IB Värmland insats" 2012-03-01 to 2020-12-31
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

#define GBG_INSATS	"Integ IB Göteborg"
#define TVA_ORG		"Integ IB Värmland"
#define TVA_INSATS	"Integ IB Värmland insats"
/* Runs past its organisation's end: made with the rule's trigger off. */
#define TVA_LATE	"Integ IB Värmland sen"

/* The replies these cases decode; integ_call() fills the union. */
union ibreply {
	union reply			 r;
	struct msg_insats_budget	 ib;
	struct msg_budget		 b;
};

/* What the cases refer to. */
struct ids {
	uint32_t	 gbg;		/* Samordningsförbundet Göteborg */
	uint32_t	 ins;		/* GBG_INSATS */
	uint32_t	 tva;		/* TVA_INSATS */
	uint32_t	 jarva;		/* an insats of Stockholms stad */
	uint32_t	 steget;	/* an insats of Göteborg */
	uint32_t	 fk;		/* Försäkringskassan */
	uint32_t	 malmo;		/* Malmö stad */
	uint32_t	 insats;	/* budgettyp Insatskostnad */
	uint32_t	 esf;		/* budgettyp ESF Insatskostnad */
	uint32_t	 personal;	/* kostnadstyp Personal: not a budgettyp */
	uint32_t	 user;		/* insatsansv, for the audit rows */
};

/* Removes the fixtures; 0 or -1. */
static int
clean(void)
{
	return integ_sql(NULL, 0, "DELETE FROM insats WHERE namn IN ('"
	    GBG_INSATS "', '" TVA_INSATS "', '" TVA_LATE "');"
	    " DELETE FROM samverkansorg WHERE namn = '" TVA_ORG "'");
}

/* Makes the fixtures (see the top of the file); 0 or -1. */
static int
fixtures(void)
{
	return integ_sql(NULL, 0,
	    "INSERT INTO samverkansorg (namn, samverkansform_id, startdatum,"
	    " slutdatum) SELECT '" TVA_ORG "', id, '2010-01-01', '2020-12-31'"
	    " FROM samverkansform WHERE kod = 'TVAPARTSFINSAM';"
	    " INSERT INTO samverkansorg_organisation (samverkansorg_id,"
	    " organisation_id, medlem, finansiar) SELECT s.id, o.id, true, true"
	    " FROM samverkansorg s, organisation o WHERE s.namn = '" TVA_ORG
	    "' AND o.namn = 'Försäkringskassan';"
	    " INSERT INTO insats (samverkansorg_id, namn, startdatum, slutdatum)"
	    " SELECT id, '" GBG_INSATS "', DATE '2015-06-01', DATE '2017-12-31'"
	    " FROM samverkansorg WHERE namn = 'Samordningsförbundet Göteborg'"
	    " UNION ALL SELECT id, '" TVA_INSATS "', DATE '2012-03-01',"
	    " DATE '2020-12-31'"
	    " FROM samverkansorg WHERE namn = '" TVA_ORG "'");
}

/* Looks up every id the cases use; 0 or -1. */
static int
find_ids(struct ids *d)
{
	static const char insats[] = "SELECT id FROM insats WHERE namn = '%s'";
	static const char org[] =
	    "SELECT id FROM organisation WHERE namn = '%s'";
	static const char kod[] =
	    "SELECT id FROM kod WHERE lista = '%s' AND kod = '%s'";

	memset(d, 0, sizeof *d);
	if ((d->gbg = integ_sql_u32("SELECT id FROM samverkansorg WHERE"
	    " namn = 'Samordningsförbundet Göteborg'")) == 0 ||
	    (d->ins = integ_sql_u32(insats, GBG_INSATS)) == 0 ||
	    (d->tva = integ_sql_u32(insats, TVA_INSATS)) == 0 ||
	    (d->jarva = integ_sql_u32(insats, "Järva jobbstart")) == 0 ||
	    (d->steget = integ_sql_u32(insats, "Steget vidare")) == 0 ||
	    (d->fk = integ_sql_u32(org, "Försäkringskassan")) == 0 ||
	    (d->malmo = integ_sql_u32(org, "Malmö stad")) == 0 ||
	    (d->insats = integ_sql_u32(kod, "budgettyp", "INSATS")) == 0 ||
	    (d->esf = integ_sql_u32(kod, "budgettyp", "ESF")) == 0 ||
	    (d->personal = integ_sql_u32(kod, "kostnadstyp",
	    "PERSONAL")) == 0 ||
	    (d->user = integ_sql_u32("SELECT id FROM anvandare"
	    " WHERE username = 'insatsansv'")) == 0)
		return -1;
	return 0;
}

/* Makes the fixtures, finds the ids and logs in as user; 0 or -1. */
static int
begin(struct conn *cn, const char *user, struct ids *d)
{
	memset(cn, 0, sizeof *cn);
	memset(d, 0, sizeof *d);
	cn->fd = -1;
	if (clean() != 0 || fixtures() != 0 || find_ids(d) != 0)
		return -1;
	return case_login(cn, user) != 0 ? -1 : 0;
}

/* Removes the fixtures and closes; returns rv. */
static int
end(struct conn *cn, int rv)
{
	if (clean() != 0)
		rv = -1;
	if (cn->fd != -1)
		conn_close(cn);
	return rv;
}

/* MSG_INSATS_BUDGET_GET into *b (cleared by the caller); as integ_call(). */
static int
get(struct conn *cn, uint32_t insats, uint32_t ar, struct msg_insats_budget *b)
{
	struct msg_insats_budget_get	q;
	union ibreply			u;
	int				r;

	memset(&q, 0, sizeof q);
	memset(&u, 0, sizeof u);
	q.insats_id = insats;
	q.ar = ar;
	r = integ_call(cn, MSG_INSATS_BUDGET_GET, &q, MSG_INSATS_BUDGET, &u);
	if (r == 0)
		*b = u.ib;
	else
		memset(b, 0, sizeof *b);
	return r;
}

/* A year to save; the fields a save ignores stay empty. */
struct year {
	struct msg_insats_budget	b;
	struct insats_budgetrad		rad[4];
};

static void
year_init(struct year *y, uint32_t insats, uint32_t ar)
{
	memset(y, 0, sizeof *y);
	y->b.insats_id = insats;
	y->b.ar = ar;
	y->b.insats = y->b.samorg = y->b.samverkansform = (char *)"";
	y->b.startdatum = y->b.slutdatum = (char *)"";
	y->b.rader = y->rad;
}

/* Appends a line; utfall < 0 for none. */
static void
rad_add(struct year *y, uint32_t id, uint32_t typ, uint32_t org,
    uint64_t budget, long long utfall, const char *text)
{
	struct insats_budgetrad	*r = &y->rad[y->b.nrader++];

	r->id = id;
	r->budgettyp_id = typ;
	r->budgettyp = r->organisation = (char *)"";
	r->organisation_id = org;
	r->budget = budget;
	r->has_utfall = utfall >= 0;
	r->utfall = utfall >= 0 ? (uint64_t)utfall : 0;
	r->beskrivning = (char *)text;
}

/* MSG_INSATS_BUDGET_SAVE of y; as integ_call(). */
static int
save(struct conn *cn, struct year *y)
{
	return integ_call(cn, MSG_INSATS_BUDGET_SAVE, &y->b, MSG_OK, NULL);
}

/* Checks r is ERR code with a message holding t1 and t2 (each or NULL). */
static int
refused(int r, uint32_t code, const char *what, const char *t1,
    const char *t2)
{
	if (integ_refused(r, code, t1, what) != 0)
		return -1;
	if (t2 != NULL && strstr(integ_last_err, t2) == NULL)
		return fail("%s: \"%s\" lacks \"%s\"", what, integ_last_err,
		    t2);
	return 0;
}

/* Reports whether the years with data of b hold ar. */
static int
has_year(const struct msg_insats_budget *b, uint32_t ar)
{
	uint32_t	i;

	for (i = 0; i < b->nar; i++) {
		if (b->ar_med_data[i].ar == ar)
			return 1;
	}
	return 0;
}

/* Rows of insats_budgetpost and insats_ar of insats for year ar. */
static uint32_t
stored(uint32_t insats, uint32_t ar)
{
	return integ_sql_u32("SELECT (SELECT count(*) FROM insats_budgetpost"
	    " WHERE insats_id = %u AND ar = %u) + (SELECT count(*) FROM"
	    " insats_ar WHERE insats_id = %u AND ar = %u)", insats, ar, insats,
	    ar);
}

/* Rule 4: no year before the insats's start; its start year works. */
static int
ib_year_before_start(void)
{
	struct conn			cn;
	struct ids			d;
	struct msg_insats_budget	b;
	struct year			y;
	int				rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "insatsansv", &d) != 0)
		goto out;
	if (refused(get(&cn, d.ins, 2014, &b), ERR_VALIDATION, "GET 2014",
	    "år inom både insatsens och",
	    "Budget för 2014 kan inte registreras, "
	    "bara för 2015–2017") != 0)
		goto out;
	year_init(&y, d.ins, 2014);
	y.b.has_planerat = 1;
	y.b.planerat = 5;
	rad_add(&y, 0, d.insats, 0, 1000, -1, "Före start");
	if (refused(save(&cn, &y), ERR_VALIDATION, "SAVE 2014",
	    "Budget för 2014 kan inte registreras, "
	    "bara för 2015–2017", NULL) != 0)
		goto out;
	CHECK(stored(d.ins, 2014) == 0, "something was stored for 2014");
	CHECK(get(&cn, d.ins, 2015, &b) == 0, "GET 2015: %s", integ_last_err);
	CHECK(b.ar == 2015 && b.forsta_ar == 2015 && b.sista_ar == 2017 &&
	    b.finsam == 1 && b.nrader == 0 && !b.has_planerat && b.nar == 0,
	    "2015: ar %u, span %u-%u, finsam %u, %u lines", b.ar,
	    b.forsta_ar, b.sista_ar, b.finsam, b.nrader);
	CHECK(b.insats_id == d.ins && strcmp(b.insats, GBG_INSATS) == 0 &&
	    strcmp(b.samorg, "Samordningsförbundet Göteborg") == 0 &&
	    strcmp(b.samverkansform, "FINSAM") == 0 &&
	    strcmp(b.startdatum, "2015-06-01") == 0 &&
	    strcmp(b.slutdatum, "2017-12-31") == 0, "header: %s, %s, %s, "
	    "%s-%s", b.insats, b.samorg, b.samverkansform, b.startdatum,
	    b.slutdatum);
	rv = 0;
out:
	msg_clear(MSG_INSATS_BUDGET, &b);
	return end(&cn, rv);
}

/* Rule 4: no year after the insats's end; no year asked is the nearest. */
static int
ib_year_after_end(void)
{
	struct conn			cn;
	struct ids			d;
	struct msg_insats_budget	b;
	struct year			y;
	int				rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "insatsansv", &d) != 0)
		goto out;
	if (refused(get(&cn, d.ins, 2018, &b), ERR_VALIDATION, "GET 2018",
	    "Budget för 2018 kan inte registreras, "
	    "bara för 2015–2017", NULL) != 0)
		goto out;
	year_init(&y, d.ins, 2018);
	y.b.has_planerat = 1;
	y.b.planerat = 5;
	if (refused(save(&cn, &y), ERR_VALIDATION, "SAVE 2018",
	    "samverkansorganisationens tid",
	    "Budget för 2018 kan inte registreras, bara för 2015–2017") != 0)
		goto out;
	CHECK(stored(d.ins, 2018) == 0, "something was stored for 2018");
	year_init(&y, d.ins, 0);
	if (refused(save(&cn, &y), ERR_VALIDATION, "SAVE year 0",
	    "Välj budgetår", NULL) != 0)
		goto out;
	/* The insats has ended: its last year is the nearest to now. */
	CHECK(get(&cn, d.ins, 0, &b) == 0, "GET 0: %s", integ_last_err);
	CHECK(b.ar == 2017, "no year asked gave %u, want 2017", b.ar);
	msg_clear(MSG_INSATS_BUDGET, &b);
	CHECK(get(&cn, d.steget, 0, &b) == 0, "GET Steget 0: %s",
	    integ_last_err);
	CHECK(b.ar == integ_sql_u32("SELECT extract(year FROM current_date)")
	    && b.sista_ar == 0 && b.forsta_ar == 2020, "Steget vidare: ar %u, "
	    "span %u-%u", b.ar, b.forsta_ar, b.sista_ar);
	CHECK(b.has_planerat && b.planerat == 40 && has_year(&b, b.ar),
	    "Steget vidare's planned 40 this year not read");
	rv = 0;
out:
	msg_clear(MSG_INSATS_BUDGET, &b);
	return end(&cn, rv);
}

/*
 * Rule 6: no year after the organisation's end, even on an insats that
 * (from before the rule) runs on past it; made with the trigger off.
 */
static int
ib_year_after_org_end(void)
{
	struct conn			cn;
	struct ids			d;
	struct msg_insats_budget	b;
	struct year			y;
	uint32_t			late;
	int				rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "admin", &d) != 0)
		goto out;
	if (integ_sql(NULL, 0, "ALTER TABLE insats DISABLE TRIGGER"
	    " insats_rules; INSERT INTO insats (samverkansorg_id, namn,"
	    " startdatum, slutdatum) SELECT id, '" TVA_LATE "', '2012-03-01',"
	    " '2022-12-31' FROM samverkansorg WHERE namn = '" TVA_ORG "';"
	    " ALTER TABLE insats ENABLE TRIGGER insats_rules") != 0 ||
	    (late = integ_sql_u32("SELECT id FROM insats WHERE namn = '"
	    TVA_LATE "'")) == 0)
		goto out;
	if (refused(get(&cn, late, 2021, &b), ERR_VALIDATION, "GET 2021",
	    "Budget för 2021 kan inte registreras, "
	    "bara för 2012–2020", NULL) != 0)
		goto out;
	year_init(&y, late, 2021);
	rad_add(&y, 0, d.insats, 0, 1000, -1, "Efter förbundet");
	if (refused(save(&cn, &y), ERR_VALIDATION, "SAVE 2021",
	    "Budget för 2021 kan inte registreras, "
	    "bara för 2012–2020", NULL) != 0)
		goto out;
	CHECK(stored(late, 2021) == 0, "something was stored for 2021");
	CHECK(get(&cn, late, 0, &b) == 0, "GET 0: %s", integ_last_err);
	CHECK(b.ar == 2020 && b.forsta_ar == 2012 && b.sista_ar == 2020,
	    "no year asked: ar %u, span %u-%u", b.ar, b.forsta_ar, b.sista_ar);
	rv = 0;
out:
	msg_clear(MSG_INSATS_BUDGET, &b);
	return end(&cn, rv);
}

/* Rule 10: a FINSAM insats's lines name no organisation. */
static int
ib_finsam_organisation(void)
{
	struct conn	cn;
	struct ids	d;
	struct year	y;
	int		rv = -1;

	if (begin(&cn, "insatsansv", &d) != 0)
		goto out;
	year_init(&y, d.ins, 2016);
	rad_add(&y, 0, d.insats, 0, 100000, -1, "Coacher");
	rad_add(&y, 0, d.insats, d.fk, 50000, -1, "FK:s del");
	if (refused(save(&cn, &y), ERR_VALIDATION, "organisation on FINSAM",
	    "Rad 2: Fältet Organisation används inte för FINSAM", NULL) != 0)
		goto out;
	CHECK(stored(d.ins, 2016) == 0, "a refused save stored lines");
	y.rad[1].organisation_id = 0;
	CHECK(save(&cn, &y) == 0, "without organisation: %s", integ_last_err);
	CHECK(stored(d.ins, 2016) == 2, "not two lines stored");
	rv = 0;
out:
	return end(&cn, rv);
}

/* SU041: elsewhere the organisation is none or an ingående one. */
static int
ib_not_ingaende(void)
{
	struct conn			cn;
	struct ids			d;
	struct msg_insats_budget	b;
	struct year			y;
	int				rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "admin", &d) != 0)
		goto out;
	year_init(&y, d.tva, 2015);
	rad_add(&y, 0, d.insats, 0, 1000, -1, "Utan organisation");
	rad_add(&y, 0, d.esf, d.malmo, 2000, -1, "Malmö");
	if (refused(save(&cn, &y), ERR_VALIDATION, "not ingående",
	    "Rad 2: Malmö stad är inte en ingående organisation i "
	    TVA_ORG, NULL) != 0)
		goto out;
	y.rad[1].organisation_id = 2000000000u;
	if (refused(save(&cn, &y), ERR_VALIDATION, "no such organisation",
	    "Rad 2: organisationen finns inte", NULL) != 0)
		goto out;
	CHECK(stored(d.tva, 2015) == 0, "a refused save stored lines");
	y.rad[1].organisation_id = d.fk;
	CHECK(save(&cn, &y) == 0, "ingående: %s", integ_last_err);
	CHECK(get(&cn, d.tva, 2015, &b) == 0, "GET: %s", integ_last_err);
	CHECK(b.finsam == 0 && strcmp(b.samverkansform, "Tvåpartsfinsam") == 0,
	    "finsam %u, form %s", b.finsam, b.samverkansform);
	CHECK(b.nrader == 2 && b.rader[0].organisation_id == 0 &&
	    b.rader[1].organisation_id == d.fk &&
	    strcmp(b.rader[1].organisation, "Försäkringskassan") == 0 &&
	    b.rader[1].budgettyp_id == d.esf &&
	    strcmp(b.rader[1].budgettyp, "ESF Insatskostnad") == 0,
	    "lines read back wrong (%u)", b.nrader);
	rv = 0;
out:
	msg_clear(MSG_INSATS_BUDGET, &b);
	return end(&cn, rv);
}

/* Rule 11 and the columns: budgettyp, amounts and beskrivning checked. */
static int
ib_line_limits(void)
{
	struct conn	cn;
	struct ids	d;
	struct year	y;
	char		text[400];
	int		i, rv = -1;

	if (begin(&cn, "insatsansv", &d) != 0)
		goto out;
	year_init(&y, d.ins, 2016);
	rad_add(&y, 0, d.insats, 0, 1, -1, "");
	rad_add(&y, 0, 0, 0, 1, -1, "Utan typ");
	if (refused(save(&cn, &y), ERR_VALIDATION, "no budgettyp",
	    "Rad 2: välj budgettyp", NULL) != 0)
		goto out;
	y.rad[1].budgettyp_id = d.personal;
	if (refused(save(&cn, &y), ERR_VALIDATION, "kostnadstyp as budgettyp",
	    "Rad 2: budgettypen finns inte", NULL) != 0)
		goto out;
	y.rad[1].budgettyp_id = d.esf;
	y.rad[1].budget = 1000000000000ULL;
	if (refused(save(&cn, &y), ERR_VALIDATION, "budget of 10^12",
	    "Rad 2: ett belopp får vara högst 999 999 999 999", NULL) != 0)
		goto out;
	y.rad[1].budget = 999999999999ULL;
	y.rad[1].has_utfall = 1;
	y.rad[1].utfall = 1000000000000ULL;
	if (refused(save(&cn, &y), ERR_VALIDATION, "utfall of 10^12",
	    "Rad 2", "högst 999 999 999 999") != 0)
		goto out;
	y.rad[1].utfall = 999999999999ULL;
	for (i = 0, text[0] = '\0'; i < 101; i++)
		strcat(text, "å");
	y.rad[0].beskrivning = text;
	if (refused(save(&cn, &y), ERR_VALIDATION, "101 characters",
	    "Rad 1: beskrivningen får vara högst 100 tecken", NULL) != 0)
		goto out;
	text[strlen(text) - 2] = '\0';
	y.b.has_planerat = 1;
	y.b.planerat = 1000001;
	if (refused(save(&cn, &y), ERR_VALIDATION, "planerat 1000001",
	    "högst 1 000 000", NULL) != 0)
		goto out;
	CHECK(stored(d.ins, 2016) == 0, "a refused save stored something");
	y.b.planerat = 1000000;
	CHECK(save(&cn, &y) == 0, "100 å and the largest numbers: %s",
	    integ_last_err);
	CHECK(stored(d.ins, 2016) == 3, "not two lines and a planned number");
	rv = 0;
out:
	return end(&cn, rv);
}

/* Audit rows by insatsansv of table for object id with action. */
static uint32_t
audit_count(const struct ids *d, const char *table, uint32_t id,
    const char *action, const char *extra)
{
	return integ_sql_u32("SELECT count(*) FROM audit"
	    " WHERE object_type = '%s' AND object_id = %u AND action = '%s'"
	    " AND anvandare_id = %u AND session_id ~ '^[0-9a-f]{16}$' %s",
	    table, id, action, d->user, extra);
}

/* The lines saved first, their ids; 0 or -1. */
static int
saved_ids(struct conn *cn, const struct ids *d, uint32_t *a, uint32_t *b)
{
	struct msg_insats_budget	r;
	int				rv = -1;

	CHECK(get(cn, d->ins, 2016, &r) == 0, "GET: %s", integ_last_err);
	CHECK(r.nrader == 2 && has_year(&r, 2016) && r.has_planerat &&
	    r.planerat == 12 && r.rader[0].budgettyp_id == d->insats &&
	    strcmp(r.rader[0].budgettyp, "Insatskostnad") == 0 &&
	    r.rader[0].budget == 100000 && !r.rader[0].has_utfall &&
	    strcmp(r.rader[0].beskrivning, "Coacher") == 0 &&
	    r.rader[1].budgettyp_id == d->esf && r.rader[1].budget == 50000,
	    "first save read back wrong: %u lines", r.nrader);
	*a = r.rader[0].id;
	*b = r.rader[1].id;
	rv = 0;
out:
	msg_clear(MSG_INSATS_BUDGET, &r);
	return rv;
}

/* The row versions of an insats's 2016 lines and planned number. */
#define XMIN_SQL	"SELECT string_agg(xmin::text, ',' ORDER BY id)" \
	" || '/' || (SELECT xmin FROM insats_ar WHERE insats_id = %u" \
	" AND ar = 2016) FROM insats_budgetpost WHERE insats_id = %u" \
	" AND ar = 2016"

/*
 * A save inserts, the next adds utfall to the same line, an unchanged
 * save changes nothing, a line of another year or insats is refused, a
 * save without a line deletes it; only changes leave audit rows.
 */
static int
ib_save_update_delete(void)
{
	struct conn			cn;
	struct ids			d;
	struct msg_insats_budget	b;
	struct year			y, other;
	uint32_t			a_id, b_id, other_id;
	char				xmin[256], xmin2[256];
	int				rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "insatsansv", &d) != 0)
		goto out;
	year_init(&y, d.ins, 2016);
	y.b.has_planerat = 1;
	y.b.planerat = 12;
	rad_add(&y, 0, d.insats, 0, 100000, -1, "Coacher");
	rad_add(&y, 0, d.esf, 0, 50000, -1, "ESF-del");
	CHECK(save(&cn, &y) == 0, "first save: %s", integ_last_err);
	CHECK(strcmp(integ_last_ok, "Budgeten för 2016 är sparad.") == 0,
	    "OK said \"%s\"", integ_last_ok);
	if (saved_ids(&cn, &d, &a_id, &b_id) != 0)
		goto out;

	/* Utfall added: the same line changes; then nothing changes. */
	y.rad[0].id = a_id;
	y.rad[0].has_utfall = 1;
	y.rad[0].utfall = 90000;
	y.rad[1].id = b_id;
	CHECK(save(&cn, &y) == 0, "utfall save: %s", integ_last_err);
	/* Unchanged rows are not even rewritten: their xmin stays. */
	if (integ_sql(xmin, sizeof xmin, XMIN_SQL, d.ins, d.ins) != 0)
		goto out;
	CHECK(save(&cn, &y) == 0, "unchanged save: %s", integ_last_err);
	if (integ_sql(xmin2, sizeof xmin2, XMIN_SQL, d.ins, d.ins) != 0)
		goto out;
	CHECK(strcmp(xmin, xmin2) == 0, "an unchanged save rewrote rows: "
	    "%s, then %s", xmin, xmin2);
	CHECK(get(&cn, d.ins, 2016, &b) == 0, "GET: %s", integ_last_err);
	CHECK(b.nrader == 2 && b.rader[0].id == a_id &&
	    b.rader[0].has_utfall && b.rader[0].utfall == 90000 &&
	    b.rader[1].id == b_id, "after utfall: %u lines", b.nrader);
	msg_clear(MSG_INSATS_BUDGET, &b);

	/* Lines of another year, or of another insats, are not this year's. */
	year_init(&other, d.ins, 2015);
	rad_add(&other, 0, d.insats, 0, 7000, -1, "Annat år");
	CHECK(save(&cn, &other) == 0, "other year: %s", integ_last_err);
	if ((other_id = integ_sql_u32("SELECT id FROM insats_budgetpost"
	    " WHERE insats_id = %u AND ar = 2015", d.ins)) == 0)
		goto out;
	y.rad[1].id = other_id;
	if (refused(save(&cn, &y), ERR_CONFLICT, "a line of another year",
	    "Rad 2: raden finns inte längre", NULL) != 0)
		goto out;
	y.rad[1].id = integ_sql_u32("SELECT min(id) FROM insats_budgetpost"
	    " WHERE insats_id = %u", d.steget);
	if (refused(save(&cn, &y), ERR_CONFLICT, "a line of another insats",
	    "Rad 2: raden finns inte längre", NULL) != 0)
		goto out;
	y.rad[1].id = a_id;
	if (refused(save(&cn, &y), ERR_BAD_REQUEST, "a line twice",
	    "Rad 2: raden finns två gånger", NULL) != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT ar FROM insats_budgetpost WHERE id = %u",
	    other_id) == 2015, "the other year's line moved");

	/* Without line 2 the save deletes it; line 1 stays as it was. */
	y.b.nrader = 1;
	CHECK(save(&cn, &y) == 0, "delete save: %s", integ_last_err);
	CHECK(get(&cn, d.ins, 2016, &b) == 0, "GET: %s", integ_last_err);
	CHECK(b.nrader == 1 && b.rader[0].id == a_id && has_year(&b, 2015) &&
	    has_year(&b, 2016) && !has_year(&b, 2017),
	    "after delete: %u lines, years %u", b.nrader, b.nar);

	CHECK(audit_count(&d, "insats_budgetpost", a_id, "insert",
	    "AND detail->'new'->>'budget' = '100000'") == 1,
	    "no audit row for the insert");
	CHECK(audit_count(&d, "insats_budgetpost", a_id, "update",
	    "AND detail->'old'->>'utfall' IS NULL"
	    " AND detail->'new'->>'utfall' = '90000'") == 1 &&
	    audit_count(&d, "insats_budgetpost", a_id, "update", "") == 1,
	    "not one audit row for the utfall update");
	CHECK(audit_count(&d, "insats_budgetpost", b_id, "update", "") == 0,
	    "an audit row for an unchanged line");
	CHECK(audit_count(&d, "insats_budgetpost", b_id, "delete",
	    "AND detail->'new' = 'null'::jsonb") == 1,
	    "no audit row for the delete");
	CHECK(audit_count(&d, "insats_ar", d.ins, "update", "") == 0,
	    "an audit row for an unchanged planned number");
	rv = 0;
out:
	msg_clear(MSG_INSATS_BUDGET, &b);
	return end(&cn, rv);
}

/* Planerat antal: set alone, changed, kept, removed; each audited. */
static int
ib_planerat(void)
{
	struct conn			cn;
	struct ids			d;
	struct msg_insats_budget	b;
	struct year			y;
	int				rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "insatsansv", &d) != 0)
		goto out;
	year_init(&y, d.ins, 2017);
	y.b.has_planerat = 1;
	y.b.planerat = 25;
	CHECK(save(&cn, &y) == 0, "planerat 25: %s", integ_last_err);
	CHECK(save(&cn, &y) == 0, "planerat 25 again: %s", integ_last_err);
	CHECK(get(&cn, d.ins, 2017, &b) == 0, "GET: %s", integ_last_err);
	CHECK(b.has_planerat && b.planerat == 25 && b.nrader == 0 &&
	    has_year(&b, 2017), "planerat read back: %u %u", b.has_planerat,
	    b.planerat);
	msg_clear(MSG_INSATS_BUDGET, &b);
	y.b.planerat = 0;
	CHECK(save(&cn, &y) == 0, "planerat 0: %s", integ_last_err);
	CHECK(integ_sql_u32("SELECT planerat_antal + 1 FROM insats_ar"
	    " WHERE insats_id = %u AND ar = 2017", d.ins) == 1,
	    "planerat 0 not stored as 0");
	y.b.has_planerat = 0;
	CHECK(save(&cn, &y) == 0, "no planerat: %s", integ_last_err);
	CHECK(get(&cn, d.ins, 2017, &b) == 0, "GET: %s", integ_last_err);
	CHECK(!b.has_planerat && !has_year(&b, 2017),
	    "planerat not removed: %u %u", b.has_planerat, b.planerat);
	CHECK(audit_count(&d, "insats_ar", d.ins, "insert",
	    "AND detail->'new'->>'planerat_antal' = '25'") == 1 &&
	    audit_count(&d, "insats_ar", d.ins, "update",
	    "AND detail->'new'->>'planerat_antal' = '0'") == 1 &&
	    audit_count(&d, "insats_ar", d.ins, "update", "") == 1 &&
	    audit_count(&d, "insats_ar", d.ins, "delete", "") == 1,
	    "audit rows of the planned number wrong");
	rv = 0;
out:
	msg_clear(MSG_INSATS_BUDGET, &b);
	return end(&cn, rv);
}

/* A saved line shows in the organisation's Budgeterat i insatserna. */
static int
ib_in_org_budget(void)
{
	struct conn		cn;
	struct ids		d;
	struct msg_budget_get	q;
	union ibreply		u;
	struct year		y;
	uint32_t		i, found = 0;
	int			rv = -1;

	memset(&u, 0, sizeof u);
	if (begin(&cn, "insatsansv", &d) != 0)
		goto out;
	year_init(&y, d.ins, 2016);
	rad_add(&y, 0, d.insats, 0, 123456, 100000, "Coacher");
	rad_add(&y, 0, d.esf, 0, 4, -1, "ESF-del");
	CHECK(save(&cn, &y) == 0, "save: %s", integ_last_err);
	conn_close(&cn);
	if (case_login(&cn, "samadm") != 0)
		goto out;
	memset(&q, 0, sizeof q);
	q.samorg_id = d.gbg;
	q.ar = 2016;
	CHECK(integ_call(&cn, MSG_BUDGET_GET, &q, MSG_BUDGET, &u) == 0,
	    "MSG_BUDGET_GET: %s", integ_last_err);
	for (i = 0; i < u.b.ninsatser; i++) {
		if (u.b.insatser[i].insats_id == d.ins)
			found = i + 1;
	}
	CHECK(found != 0, "the insats is not in Budgeterat i insatserna");
	CHECK(u.b.insatser[found - 1].budget == 123460 &&
	    u.b.insatser[found - 1].utfall == 100000 &&
	    strcmp(u.b.insatser[found - 1].namn, GBG_INSATS) == 0,
	    "Budgeterat i insatserna: %llu / %llu",
	    (unsigned long long)u.b.insatser[found - 1].budget,
	    (unsigned long long)u.b.insatser[found - 1].utfall);
	CHECK(u.b.insats_budget >= 123460, "total %llu",
	    (unsigned long long)u.b.insats_budget);
	rv = 0;
out:
	msg_clear(MSG_BUDGET, &u.b);
	return end(&cn, rv);
}

/* Only insatsansvariga of the insats's organisation, and superadmin. */
static int
ib_forbidden(void)
{
	struct conn			cn;
	struct ids			d;
	struct msg_insats_budget	b;
	struct year			y;
	int				rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "insatsansv", &d) != 0)
		goto out;
	if (refused(get(&cn, d.jarva, 0, &b), ERR_FORBIDDEN, "GET Järva",
	    "behörighet", NULL) != 0 ||
	    refused(get(&cn, d.tva, 0, &b), ERR_FORBIDDEN, "GET Värmland",
	    "behörighet", NULL) != 0)
		goto out;
	year_init(&y, d.jarva, integ_sql_u32("SELECT extract(year FROM"
	    " current_date)"));
	rad_add(&y, 0, d.insats, 0, 1, -1, "Intrång");
	if (refused(save(&cn, &y), ERR_FORBIDDEN, "SAVE Järva", "behörighet",
	    NULL) != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM insats_budgetpost WHERE"
	    " beskrivning = 'Intrång'") == 0, "a forbidden save stored");
	conn_close(&cn);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	if (refused(get(&cn, d.ins, 0, &b), ERR_FORBIDDEN, "rapport GET",
	    "behörighet", NULL) != 0)
		goto out;
	conn_close(&cn);
	if (case_login(&cn, "samadm") != 0)
		goto out;
	if (refused(get(&cn, d.ins, 0, &b), ERR_FORBIDDEN, "samadm GET",
	    "behörighet", NULL) != 0)
		goto out;
	conn_close(&cn);
	if (case_login(&cn, "admin") != 0)
		goto out;
	CHECK(get(&cn, d.jarva, 0, &b) == 0, "admin GET Järva: %s",
	    integ_last_err);
	msg_clear(MSG_INSATS_BUDGET, &b);
	if (refused(get(&cn, 2000000000u, 0, &b), ERR_NOT_FOUND,
	    "GET of no insats", "Insatsen finns inte", NULL) != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_INSATS_BUDGET, &b);
	return end(&cn, rv);
}

const struct integ_case cases_insats_budget[] = {
	{ "main", "ib_year_before_start", ib_year_before_start },
	{ "main", "ib_year_after_end", ib_year_after_end },
	{ "main", "ib_year_after_org_end", ib_year_after_org_end },
	{ "main", "ib_finsam_organisation", ib_finsam_organisation },
	{ "main", "ib_not_ingaende", ib_not_ingaende },
	{ "main", "ib_line_limits", ib_line_limits },
	{ "main", "ib_save_update_delete", ib_save_update_delete },
	{ "main", "ib_planerat", ib_planerat },
	{ "main", "ib_in_org_budget", ib_in_org_budget },
	{ "main", "ib_forbidden", ib_forbidden },
	{ NULL, NULL, NULL }
};
