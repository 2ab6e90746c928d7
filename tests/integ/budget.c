/*
 * Samverkansorganisationsbudget cases (domain.md 2.2, rules 4, 6-9)
 * through the real protocol: the years an organisation may have a
 * budget, finance lines only from its finansiärer, eget kapital so
 * described, administrativa kostnader only for FINSAM, a save that
 * inserts, updates and deletes, Budgeterat i insatserna, who may do it,
 * and the audit rows a save leaves.
 *
 * Ids, insats budget lines (no request writes them yet) and the audit
 * checks go through psql as the database superuser ($PG_TEST_BINDIR,
 * $STACK_DB_ADMIN from tests/lib/stack.sh). The cases work on years no
 * other test uses and remove their lines before and after, so reruns
 * start from the demo data.
 */
#include <sys/wait.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/*
 * The years the cases use: Göteborg's, a second one, and one when both
 * its running insatser ran (the demo data fills only last year and this
 * one, so these stay empty whatever the date).
 */
#define AR		2012
#define AR_OTHER	2013
#define AR_INSATS	2021
/* Marks the insats budget lines the cases insert. */
#define INSATS_TAG	"integ-budget"

/* The replies these cases decode; conn_call() fills the union reply. */
union breply {
	union reply		 r;
	struct msg_budget	 b;
};

/* What the cases refer to, looked up by name in the demo data. */
struct ids {
	uint32_t	 gbg;		/* SF Göteborg: FINSAM from 2005 */
	uint32_t	 umea;		/* SF Umeå: 2008-2019 */
	uint32_t	 karlstad;	/* LFC Karlstad ...: Tvåpartsfinsam */
	uint32_t	 sthlm;		/* SF Stockholms stad */
	uint32_t	 fk;		/* Försäkringskassan: finansiär */
	uint32_t	 region;	/* Region Västra Götaland: finansiär */
	uint32_t	 arbetsbron; /* ingående in Göteborg, not finansiär */
	uint32_t	 malmo;		/* Malmö stad: not in Göteborg at all */
	uint32_t	 personal;	/* kostnadstyp Personal */
	uint32_t	 revision;	/* kostnadstyp Revision */
	uint32_t	 insatskostnad;	/* budgettyp Insatskostnad */
	uint32_t	 steget;	/* insatser of Göteborg ... */
	uint32_t	 hisingen;
	uint32_t	 nordost;	/* ... which ended in 2019 */
	uint32_t	 jarva;		/* insats of Stockholms stad */
	uint32_t	 samadm;	/* the user */
};


/* Looks up every id the cases use; 0 or -1. */
static int
find_ids(struct ids *d)
{
	static const char samorg[] =
	    "SELECT id FROM samverkansorg WHERE namn = '%s'";
	static const char org[] =
	    "SELECT id FROM organisation WHERE namn = '%s'";
	static const char kod[] =
	    "SELECT id FROM kod WHERE lista = '%s' AND kod = '%s'";
	static const char insats[] =
	    "SELECT id FROM insats WHERE namn = '%s'";

	memset(d, 0, sizeof *d);
	if ((d->gbg = integ_sql_u32(samorg,
	    "Samordningsförbundet Göteborg")) == 0 ||
	    (d->umea = integ_sql_u32(samorg,
	    "Samordningsförbundet Umeå")) == 0 ||
	    (d->karlstad = integ_sql_u32(samorg,
	    "LFC Karlstad och Landstinget i Värmland")) == 0 ||
	    (d->sthlm = integ_sql_u32(samorg,
	    "Samordningsförbundet Stockholms stad")) == 0 ||
	    (d->fk = integ_sql_u32(org, "Försäkringskassan")) == 0 ||
	    (d->region = integ_sql_u32(org, "Region Västra Götaland")) == 0 ||
	    (d->arbetsbron = integ_sql_u32(org,
	    "Ideell förening Arbetsbron")) == 0 ||
	    (d->malmo = integ_sql_u32(org, "Malmö stad")) == 0 ||
	    (d->personal = integ_sql_u32(kod, "kostnadstyp",
	    "PERSONAL")) == 0 ||
	    (d->revision = integ_sql_u32(kod, "kostnadstyp",
	    "REVISION")) == 0 ||
	    (d->insatskostnad = integ_sql_u32(kod, "budgettyp",
	    "INSATS")) == 0 ||
	    (d->steget = integ_sql_u32(insats, "Steget vidare")) == 0 ||
	    (d->hisingen = integ_sql_u32(insats, "Hisingens arbetsväg")) == 0 ||
	    (d->nordost = integ_sql_u32(insats, "Nordost i arbete")) == 0 ||
	    (d->jarva = integ_sql_u32(insats, "Järva jobbstart")) == 0 ||
	    (d->samadm = integ_sql_u32("SELECT id FROM anvandare"
	    " WHERE username = 'samadm'")) == 0)
		return -1;
	return 0;
}

/* Removes every line the cases may have left; 0 or -1. */
static int
clean(const struct ids *d)
{
	char	out[64];

	return integ_sql(out, sizeof out,
	    "DELETE FROM samorg_finansiering WHERE"
	    " (samverkansorg_id = %u AND ar IN (%d, %d))"
	    " OR (samverkansorg_id = %u AND ar = 2019);"
	    " DELETE FROM samorg_admkostnad WHERE"
	    " (samverkansorg_id = %u AND ar IN (%d, %d))"
	    " OR samverkansorg_id IN (%u, %u);"
	    " DELETE FROM insats_budgetpost WHERE beskrivning = '" INSATS_TAG
	    "'", d->gbg, AR, AR_OTHER, d->umea, d->gbg, AR, AR_OTHER, d->umea,
	    d->karlstad);
}

/* Finds the ids, logs in as user and clears the years; 0 or -1. */
static int
begin(struct conn *cn, const char *user, struct ids *d)
{
	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
	if (find_ids(d) != 0 || clean(d) != 0)
		return -1;
	return case_login(cn, user) != 0 ? -1 : 0;
}

/* Clears the years again and closes; returns rv. */
static int
end(struct conn *cn, const struct ids *d, int rv)
{
	if (d->gbg != 0 && clean(d) != 0)
		rv = -1;
	if (cn->fd != -1)
		conn_close(cn);
	return rv;
}

/*
 * Sends a request and decodes a reply of type want into u (MSG_OK's text
 * goes to integ_last_ok). Returns 0, the ERR code (> 0, text in
 * integ_last_err), or -1 after fail().
 */
static int
call(struct conn *cn, uint16_t type, const void *req, uint16_t want,
    union breply *u)
{
	memset(u, 0, sizeof *u);
	return integ_call(cn, type, req, want, want == MSG_OK ? NULL : u);
}

/* MSG_BUDGET_GET into *b (cleared by the caller); as call(). */
static int
get(struct conn *cn, uint32_t samorg, uint32_t ar, struct msg_budget *b)
{
	struct msg_budget_get	q;
	union breply		u;
	int			r;

	q.samorg_id = samorg;
	q.ar = ar;
	r = call(cn, MSG_BUDGET_GET, &q, MSG_BUDGET, &u);
	if (r == 0)
		*b = u.b;
	else
		memset(b, 0, sizeof *b);
	return r;
}

/* A year's lines to save; the fields a save ignores stay empty. */
struct lines {
	struct msg_budget	 b;
	struct budget_fin	 fin[4];
	struct budget_adm	 adm[4];
};

static void
lines_init(struct lines *l, uint32_t samorg, uint32_t ar)
{
	memset(l, 0, sizeof *l);
	l->b.samorg_id = samorg;
	l->b.ar = ar;
	l->b.samorg = l->b.samverkansform = (char *)"";
	l->b.startdatum = l->b.slutdatum = (char *)"";
	l->b.fin = l->fin;
	l->b.adm = l->adm;
}

/* Appends a finance line; utfall < 0 for none. */
static void
fin_add(struct lines *l, uint32_t id, uint32_t org, int eget_kapital,
    uint64_t belopp, long long utfall, const char *text)
{
	struct budget_fin	*f = &l->fin[l->b.nfin++];

	f->id = id;
	f->organisation_id = org;
	f->organisation = (char *)"";
	f->eget_kapital = (uint8_t)eget_kapital;
	f->belopp = belopp;
	f->has_utfall = utfall >= 0;
	f->utfall = utfall >= 0 ? (uint64_t)utfall : 0;
	f->beskrivning = (char *)text;
}

/* Appends an administrative line; utfall < 0 for none. */
static void
adm_add(struct lines *l, uint32_t id, uint32_t typ, uint64_t budget,
    long long utfall, const char *text)
{
	struct budget_adm	*a = &l->adm[l->b.nadm++];

	a->id = id;
	a->kostnadstyp_id = typ;
	a->kostnadstyp = (char *)"";
	a->budget = budget;
	a->has_utfall = utfall >= 0;
	a->utfall = utfall >= 0 ? (uint64_t)utfall : 0;
	a->beskrivning = (char *)text;
}

/* MSG_BUDGET_SAVE of l; as call(). */
static int
save(struct conn *cn, struct lines *l)
{
	union breply	u;

	return call(cn, MSG_BUDGET_SAVE, &l->b, MSG_OK, &u);
}

/* Checks that r is ERR code with a message holding each text given. */
static int
refused(int r, uint32_t code, const char *what, const char *t1,
    const char *t2)
{
	if (r < 0)
		return -1;
	if (r == 0)
		return fail("%s: accepted", what);
	if ((uint32_t)r != code)
		return fail("%s: ERR %d (%s), want %u", what, r, integ_last_err,
		    code);
	if ((t1 != NULL && strstr(integ_last_err, t1) == NULL) ||
	    (t2 != NULL && strstr(integ_last_err, t2) == NULL))
		return fail("%s: message \"%s\" lacks \"%s\"%s%s", what,
		    integ_last_err, t1 != NULL ? t1 : "",
		    t2 != NULL ? " or " : "", t2 != NULL ? t2 : "");
	return 0;
}

/* Reports whether the year list of b holds ar. */
static int
has_year(const struct msg_budget *b, uint32_t ar)
{
	uint32_t	i;

	for (i = 0; i < b->nar; i++) {
		if (b->ar_med_data[i].ar == ar)
			return 1;
	}
	return 0;
}

/* Rule 4: nothing before the start year; the start year itself works. */
static int
budget_year_before_start(void)
{
	struct conn		cn;
	struct ids		d;
	struct msg_budget	b;
	struct lines		l;
	int			rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "samadm", &d) != 0)
		goto out;
	if (refused(get(&cn, d.gbg, 2004, &b), ERR_VALIDATION, "GET 2004",
	    "2004", "startdatum är 2005-01-01") != 0)
		goto out;
	lines_init(&l, d.gbg, 2004);
	fin_add(&l, 0, d.fk, 0, 1000, -1, "Före start");
	if (refused(save(&cn, &l), ERR_VALIDATION, "SAVE 2004",
	    "Budget kan inte registreras för 2004", "startdatum") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM samorg_finansiering"
	    " WHERE ar = 2004") == 0, "a line for 2004 was stored");
	CHECK(get(&cn, d.gbg, 2005, &b) == 0, "GET 2005: %s", integ_last_err);
	CHECK(b.ar == 2005 && b.forsta_ar == 2005 && b.sista_ar == 0 &&
	    b.finsam == 1, "2005: ar %u, span %u-%u, finsam %u", b.ar,
	    b.forsta_ar, b.sista_ar, b.finsam);
	CHECK(strcmp(b.samorg, "Samordningsförbundet Göteborg") == 0 &&
	    strcmp(b.samverkansform, "FINSAM") == 0 &&
	    strcmp(b.startdatum, "2005-01-01") == 0 && b.slutdatum[0] == '\0',
	    "header: %s, %s, %s-%s", b.samorg, b.samverkansform,
	    b.startdatum, b.slutdatum);
	rv = 0;
out:
	msg_clear(MSG_BUDGET, &b);
	return end(&cn, &d, rv);
}

/* Rules 4 and 6: nothing after the end year; no year asked means a good one. */
static int
budget_year_after_end(void)
{
	struct conn		cn;
	struct ids		d;
	struct msg_budget	b;
	struct lines		l;
	uint32_t		now;
	int			rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "admin", &d) != 0)
		goto out;
	if (refused(get(&cn, d.umea, 2020, &b), ERR_VALIDATION, "GET 2020",
	    "Budget kan inte registreras för 2020",
	    "slutdatum är 2019-12-31") != 0)
		goto out;
	lines_init(&l, d.umea, 2020);
	if (refused(save(&cn, &l), ERR_VALIDATION, "SAVE 2020", "2020",
	    "slutdatum") != 0)
		goto out;
	CHECK(get(&cn, d.umea, 0, &b) == 0, "GET Umeå 0: %s", integ_last_err);
	CHECK(b.ar == 2019 && b.forsta_ar == 2008 && b.sista_ar == 2019,
	    "Umeå, no year: ar %u, span %u-%u", b.ar, b.forsta_ar,
	    b.sista_ar);
	msg_clear(MSG_BUDGET, &b);
	if ((now = integ_sql_u32("SELECT extract(year FROM current_date)"))
	    == 0)
		goto out;
	CHECK(get(&cn, d.gbg, 0, &b) == 0, "GET Göteborg 0: %s",
	    integ_last_err);
	CHECK(b.ar == now, "Göteborg, no year: %u, want %u", b.ar, now);
	msg_clear(MSG_BUDGET, &b);
	if (refused(get(&cn, 2000000000u, AR, &b), ERR_NOT_FOUND,
	    "GET of no organisation", "finns inte", NULL) != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_BUDGET, &b);
	return end(&cn, &d, rv);
}

/* Rule 7: only ingående organisationer marked finansiär; all or nothing. */
static int
budget_fin_not_finansiar(void)
{
	struct conn		cn;
	struct ids		d;
	struct msg_budget	b;
	struct lines		l;
	int			rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "samadm", &d) != 0)
		goto out;
	lines_init(&l, d.gbg, AR);
	fin_add(&l, 0, d.fk, 0, 500000, -1, "Statlig andel");
	fin_add(&l, 0, d.arbetsbron, 0, 1000, -1, "Gåva");
	if (refused(save(&cn, &l), ERR_VALIDATION, "ingående non-finansiär",
	    "Rad 2 (finansiering)", "Ideell förening Arbetsbron är inte "
	    "markerad som finansiär") != 0)
		goto out;
	l.fin[1].organisation_id = d.malmo;
	if (refused(save(&cn, &l), ERR_VALIDATION, "not ingående",
	    "Rad 2 (finansiering)", "Malmö stad är inte en ingående "
	    "organisation") != 0)
		goto out;
	l.fin[1].organisation_id = 0;
	if (refused(save(&cn, &l), ERR_VALIDATION, "no finansiär",
	    "Rad 2 (finansiering)", "välj finansiär") != 0)
		goto out;
	CHECK(get(&cn, d.gbg, AR, &b) == 0, "GET: %s", integ_last_err);
	CHECK(b.nfin == 0 && !has_year(&b, AR),
	    "a refused save stored %u lines", b.nfin);
	/* The same line from a finansiär goes through. */
	l.fin[1].organisation_id = d.region;
	CHECK(save(&cn, &l) == 0, "save with finansiärer: %s", integ_last_err);
	rv = 0;
out:
	msg_clear(MSG_BUDGET, &b);
	return end(&cn, &d, rv);
}

/* Rule 8: surplus is "Eget kapital"; it needs no finansiär. */
static int
budget_eget_kapital(void)
{
	struct conn		cn;
	struct ids		d;
	struct msg_budget	b;
	struct lines		l;
	int			rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "samadm", &d) != 0)
		goto out;
	lines_init(&l, d.gbg, AR);
	fin_add(&l, 0, 0, 1, 250000, -1, "Överskott från 2011");
	if (refused(save(&cn, &l), ERR_VALIDATION, "surplus described so",
	    "Rad 1 (finansiering)", "beskrivas \"Eget kapital") != 0)
		goto out;
	l.fin[0].beskrivning = (char *)"  eget kapital från 2011";
	fin_add(&l, 0, d.fk, 1, 10000, 10000, "Eget kapital, FK:s del");
	CHECK(save(&cn, &l) == 0, "eget kapital saved: %s", integ_last_err);
	CHECK(strcmp(integ_last_ok, "Budgeten för 2012 är sparad.") == 0,
	    "OK said \"%s\"", integ_last_ok);
	CHECK(get(&cn, d.gbg, AR, &b) == 0, "GET: %s", integ_last_err);
	CHECK(b.nfin == 2 && b.fin[0].eget_kapital &&
	    b.fin[0].organisation_id == 0 && b.fin[0].belopp == 250000 &&
	    !b.fin[0].has_utfall && b.fin[1].organisation_id == d.fk &&
	    strcmp(b.fin[1].organisation, "Försäkringskassan") == 0 &&
	    b.fin[1].has_utfall && b.fin[1].utfall == 10000,
	    "lines read back wrong (%u)", b.nfin);
	rv = 0;
out:
	msg_clear(MSG_BUDGET, &b);
	return end(&cn, &d, rv);
}

/* Rule 9: administrativa kostnader only for FINSAM. */
static int
budget_adm_not_finsam(void)
{
	struct conn		cn;
	struct ids		d;
	struct msg_budget	b;
	struct lines		l;
	int			rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "admin", &d) != 0)
		goto out;
	CHECK(get(&cn, d.karlstad, 2010, &b) == 0, "GET: %s", integ_last_err);
	CHECK(b.finsam == 0 && strcmp(b.samverkansform, "Tvåpartsfinsam") == 0,
	    "Karlstad: finsam %u, form %s", b.finsam, b.samverkansform);
	lines_init(&l, d.karlstad, 2010);
	adm_add(&l, 0, d.personal, 100000, -1, "Kansli");
	if (refused(save(&cn, &l), ERR_VALIDATION, "adm on Tvåpartsfinsam",
	    "bara för FINSAM", "Tvåpartsfinsam") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM samorg_admkostnad"
	    " WHERE samverkansorg_id = %u", d.karlstad) == 0,
	    "an administrative line was stored");
	rv = 0;
out:
	msg_clear(MSG_BUDGET, &b);
	return end(&cn, &d, rv);
}

/* Amounts, beskrivning and kostnadstyp are checked line by line. */
static int
budget_line_limits(void)
{
	struct conn		cn;
	struct ids		d;
	struct lines		l;
	char			text[400];
	int			i, rv = -1;

	if (begin(&cn, "samadm", &d) != 0)
		goto out;
	lines_init(&l, d.gbg, AR);
	fin_add(&l, 0, d.fk, 0, 999999999999ULL, 1000000000000LL, "Max");
	if (refused(save(&cn, &l), ERR_VALIDATION, "utfall of 10^12",
	    "Rad 1 (finansiering)", "högst 999 999 999 999") != 0)
		goto out;
	l.fin[0].utfall = 999999999999ULL;
	for (i = 0, text[0] = '\0'; i < 101; i++)
		strcat(text, "å");
	l.fin[0].beskrivning = text;
	if (refused(save(&cn, &l), ERR_VALIDATION, "101 characters",
	    "Rad 1", "högst 100 tecken") != 0)
		goto out;
	text[strlen(text) - 2] = '\0';
	adm_add(&l, 0, d.personal, 1, -1, "");
	adm_add(&l, 0, 0, 1, -1, "Utan typ");
	if (refused(save(&cn, &l), ERR_VALIDATION, "no kostnadstyp",
	    "Rad 2 (administrativa kostnader)", "välj kostnadstyp") != 0)
		goto out;
	l.adm[1].kostnadstyp_id = d.insatskostnad;
	if (refused(save(&cn, &l), ERR_VALIDATION, "budgettyp as kostnadstyp",
	    "Rad 2 (administrativa kostnader)", "finns inte") != 0)
		goto out;
	l.adm[1].kostnadstyp_id = d.revision;
	CHECK(save(&cn, &l) == 0, "100 å and the largest amounts: %s",
	    integ_last_err);
	rv = 0;
out:
	return end(&cn, &d, rv);
}

/* How many audit rows of table by samadm for object id with action. */
static uint32_t
audit_count(const struct ids *d, const char *table, uint32_t id,
    const char *action, const char *extra)
{
	return integ_sql_u32("SELECT count(*) FROM audit"
	    " WHERE object_type = '%s'"
	    " AND object_id = %u AND action = '%s' AND anvandare_id = %u"
	    " AND session_id ~ '^[0-9a-f]{16}$' %s", table, id, action,
	    d->samadm, extra);
}

/*
 * A save inserts, the next adds utfall to the same line, an unchanged
 * save changes nothing, a save without the line deletes it; a line of
 * another year is refused; every change leaves its audit row.
 */
static int
budget_save_update_delete(void)
{
	struct conn		cn;
	struct ids		d;
	struct msg_budget	b;
	struct lines		l, other;
	uint32_t		fin_id, adm_id, other_id;
	int			rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "samadm", &d) != 0)
		goto out;
	lines_init(&l, d.gbg, AR);
	fin_add(&l, 0, d.fk, 0, 1250000, -1, "Statlig andel");
	adm_add(&l, 0, d.personal, 400000, -1, "Förbundschef");
	CHECK(save(&cn, &l) == 0, "first save: %s", integ_last_err);
	CHECK(get(&cn, d.gbg, AR, &b) == 0, "GET: %s", integ_last_err);
	CHECK(b.nfin == 1 && b.nadm == 1 && has_year(&b, AR),
	    "%u finance, %u adm lines; year marked %d", b.nfin, b.nadm,
	    has_year(&b, AR));
	CHECK(b.adm[0].kostnadstyp_id == d.personal &&
	    strcmp(b.adm[0].kostnadstyp, "Personal") == 0 &&
	    b.adm[0].budget == 400000 &&
	    strcmp(b.adm[0].beskrivning, "Förbundschef") == 0,
	    "adm line read back: %s %llu", b.adm[0].kostnadstyp,
	    (unsigned long long)b.adm[0].budget);
	fin_id = b.fin[0].id;
	adm_id = b.adm[0].id;
	msg_clear(MSG_BUDGET, &b);

	/* Utfall added: the same line changes, no new one. */
	l.fin[0].id = fin_id;
	l.fin[0].has_utfall = 1;
	l.fin[0].utfall = 1200000;
	l.adm[0].id = adm_id;
	CHECK(save(&cn, &l) == 0, "utfall save: %s", integ_last_err);
	CHECK(save(&cn, &l) == 0, "unchanged save: %s", integ_last_err);
	CHECK(get(&cn, d.gbg, AR, &b) == 0, "GET: %s", integ_last_err);
	CHECK(b.nfin == 1 && b.fin[0].id == fin_id && b.fin[0].has_utfall &&
	    b.fin[0].utfall == 1200000, "after utfall: %u lines, id %u",
	    b.nfin, b.nfin > 0 ? b.fin[0].id : 0);
	msg_clear(MSG_BUDGET, &b);

	/* A line of another year is not this year's to change. */
	lines_init(&other, d.gbg, AR_OTHER);
	fin_add(&other, 0, d.region, 0, 300000, -1, "Regionens andel");
	CHECK(save(&cn, &other) == 0, "other year: %s", integ_last_err);
	if ((other_id = integ_sql_u32("SELECT id FROM samorg_finansiering"
	    " WHERE samverkansorg_id = %u AND ar = %d", d.gbg,
	    AR_OTHER)) == 0)
		goto out;
	l.fin[0].id = other_id;
	if (refused(save(&cn, &l), ERR_CONFLICT, "a line of another year",
	    "Rad 1 (finansiering)", "finns inte längre") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT ar FROM samorg_finansiering WHERE id = %u",
	    other_id) == AR_OTHER, "the other year's line moved");

	/* Without the line the save deletes it; the adm line stays. */
	l.b.nfin = 0;
	CHECK(save(&cn, &l) == 0, "delete save: %s", integ_last_err);
	CHECK(get(&cn, d.gbg, AR, &b) == 0, "GET: %s", integ_last_err);
	CHECK(b.nfin == 0 && b.nadm == 1 && b.adm[0].id == adm_id,
	    "after delete: %u finance, %u adm", b.nfin, b.nadm);
	CHECK(has_year(&b, AR) && has_year(&b, AR_OTHER),
	    "years with lines not both marked");

	CHECK(audit_count(&d, "samorg_finansiering", fin_id, "insert",
	    "AND detail->'new'->>'belopp' = '1250000'") == 1,
	    "no audit row for the insert");
	CHECK(audit_count(&d, "samorg_finansiering", fin_id, "update",
	    "AND detail->'old'->>'utfall' IS NULL"
	    " AND detail->'new'->>'utfall' = '1200000'") == 1,
	    "not one audit row for the utfall update");
	CHECK(audit_count(&d, "samorg_finansiering", fin_id, "delete",
	    "AND detail->'new' = 'null'::jsonb") == 1,
	    "no audit row for the delete");
	CHECK(audit_count(&d, "samorg_admkostnad", adm_id, "insert", "") == 1 &&
	    audit_count(&d, "samorg_admkostnad", adm_id, "update", "") == 0,
	    "adm line: audit rows for changes that were none");
	rv = 0;
out:
	msg_clear(MSG_BUDGET, &b);
	return end(&cn, &d, rv);
}

/* Budgeterat i insatserna sums the year's insats budget lines. */
static int
budget_insats_sums(void)
{
	struct conn		cn;
	struct ids		d;
	struct msg_budget	b;
	char			out[64];
	uint32_t		i, steget = 0, hisingen = 0, other = 0;
	int			rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "samadm", &d) != 0)
		goto out;
	if (integ_sql(out, sizeof out,
	    "INSERT INTO insats_budgetpost (insats_id, ar,"
	    " budgettyp_id, budget, utfall, beskrivning) VALUES"
	    " (%u, %d, %u, 100000, 90000, '" INSATS_TAG "'),"
	    " (%u, %d, %u, 25000, NULL, '" INSATS_TAG "'),"
	    " (%u, %d, %u, 300000, NULL, '" INSATS_TAG "'),"
	    " (%u, %d, %u, 7000, 7000, '" INSATS_TAG "'),"
	    " (%u, %d, %u, 555, 555, '" INSATS_TAG "')",
	    d.steget, AR_INSATS, d.insatskostnad,
	    d.steget, AR_INSATS, d.insatskostnad,
	    d.hisingen, AR_INSATS, d.insatskostnad,
	    d.steget, AR_INSATS - 1, d.insatskostnad,
	    d.jarva, AR_INSATS, d.insatskostnad) != 0)
		goto out;
	CHECK(get(&cn, d.gbg, AR_INSATS, &b) == 0, "GET: %s", integ_last_err);
	for (i = 0; i < b.ninsatser; i++) {
		if (b.insatser[i].insats_id == d.steget)
			steget = i + 1;
		else if (b.insatser[i].insats_id == d.hisingen)
			hisingen = i + 1;
		else
			other++;
	}
	CHECK(steget != 0 && hisingen != 0 && other == 0,
	    "insatser listed: %u (Steget %u, Hisingen %u)", b.ninsatser,
	    steget, hisingen);
	CHECK(b.insatser[steget - 1].budget == 125000 &&
	    b.insatser[steget - 1].utfall == 90000 &&
	    strcmp(b.insatser[steget - 1].namn, "Steget vidare") == 0,
	    "Steget vidare: %llu / %llu",
	    (unsigned long long)b.insatser[steget - 1].budget,
	    (unsigned long long)b.insatser[steget - 1].utfall);
	CHECK(b.insatser[hisingen - 1].budget == 300000 &&
	    b.insatser[hisingen - 1].utfall == 0, "Hisingens arbetsväg");
	CHECK(b.insats_budget == 425000 && b.insats_utfall == 90000,
	    "totals %llu / %llu, want 425000 / 90000",
	    (unsigned long long)b.insats_budget,
	    (unsigned long long)b.insats_utfall);
	CHECK(!has_year(&b, AR_INSATS), "insats lines marked the year as "
	    "having organisation lines");
	msg_clear(MSG_BUDGET, &b);
	/* Nordost i arbete ran 2016-2019: listed then, with nothing. */
	CHECK(get(&cn, d.gbg, 2018, &b) == 0, "GET 2018: %s", integ_last_err);
	CHECK(b.ninsatser == 1 && b.insatser[0].insats_id == d.nordost &&
	    b.insats_budget == 0, "2018: %u insatser", b.ninsatser);
	rv = 0;
out:
	msg_clear(MSG_BUDGET, &b);
	return end(&cn, &d, rv);
}

/* Only the organisation's own samverkansadministratörer, and superadmin. */
static int
budget_other_org_forbidden(void)
{
	struct conn		cn;
	struct ids		d;
	struct msg_budget	b;
	struct lines		l;
	int			rv = -1;

	memset(&b, 0, sizeof b);
	if (begin(&cn, "samadm", &d) != 0)
		goto out;
	if (refused(get(&cn, d.sthlm, AR, &b), ERR_FORBIDDEN, "GET Stockholm",
	    "behörighet", NULL) != 0)
		goto out;
	lines_init(&l, d.sthlm, AR);
	if (refused(save(&cn, &l), ERR_FORBIDDEN, "SAVE Stockholm",
	    "behörighet", NULL) != 0)
		goto out;
	conn_close(&cn);
	if (case_login(&cn, "insatsansv") != 0)
		goto out;
	if (refused(get(&cn, d.gbg, AR, &b), ERR_FORBIDDEN,
	    "insatsansvarig GET", "behörighet", NULL) != 0)
		goto out;
	conn_close(&cn);
	if (case_login(&cn, "admin") != 0)
		goto out;
	CHECK(get(&cn, d.sthlm, AR, &b) == 0, "admin GET Stockholm: %s",
	    integ_last_err);
	rv = 0;
out:
	msg_clear(MSG_BUDGET, &b);
	return end(&cn, &d, rv);
}

const struct integ_case cases_budget[] = {
	{ "main", "budget_year_before_start", budget_year_before_start },
	{ "main", "budget_year_after_end", budget_year_after_end },
	{ "main", "budget_fin_not_finansiar", budget_fin_not_finansiar },
	{ "main", "budget_eget_kapital", budget_eget_kapital },
	{ "main", "budget_adm_not_finsam", budget_adm_not_finsam },
	{ "main", "budget_line_limits", budget_line_limits },
	{ "main", "budget_save_update_delete", budget_save_update_delete },
	{ "main", "budget_insats_sums", budget_insats_sums },
	{ "main", "budget_other_org_forbidden", budget_other_org_forbidden },
	{ NULL, NULL, NULL }
};
