/*
 * Af/FK-samarbetet (issue 8) through the real protocol: the offices
 * (Administration → Af/FK-kontor), Byt kontor (rule 52), Visa deltagare
 * (rules 51, 53) and anonymous participants counted on an office.
 *
 * The ärenden searched and moved are made through the protocol too, by
 * fkhandl (Försäkringskassan Göteborg): Registrera medverkan, övergångar,
 * a withdrawn consent that strips one, and Byt kontor for those that
 * must end up on Malmö's offices. Their persons carry the official test
 * personnummer of this file's slice and names that start "H2test"; the
 * offices a case makes are named "Integ H2 ...". Everything is removed
 * again through psql as the database superuser with triggers off, so the
 * demo data is as it was for the permission matrix; the audit trail
 * stays, as every session's access must.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "integ.h"
#include "msg.h"
#include "proto.h"

#define AF_GBG		"Arbetsförmedlingen Göteborg"
#define AF_ANGERED	"Arbetsförmedlingen Angered"
#define AF_MALMO	"Arbetsförmedlingen Malmö"
#define FK_GBG		"Försäkringskassan Göteborg"
#define FK_MALMO	"Försäkringskassan Malmö"
#define FX_NAMN		"H2test"
#define FX_KONTOR	"Integ H2"
/* Borås: a kommun without stadsdelar, for persons not in the register. */
#define FX_KOMMUN	"1490"
/* This file's personnummer (tests/data/testpersonnummer.csv). */
#define FX_SLICE	"('199307012386', '199307012394', '199412292394'," \
			" '199412302383', '199612282393', '199612292384'," \
			" '199812302397', '199812312388')"
#define NO_SUCH_ID	999999
/* Most ärenden one case makes. */
#define FX_MAX		32

/* A fixture ärende: its person, offices and first step. */
struct fx {
	const char	*pnr;
	const char	*namn;
	const char	*kon;		/* "K" or "M", as the number says */
	int		 initierad;	/* AFFK_AF or AFFK_FK */
	const char	*af;
	const char	*fk;
	int		 start;		/* days before today */
	const char	*typ;		/* the first step */
};

/* fkhandl's connection for the fixtures, and the ärenden made. */
static struct conn	fx_cn = { .fd = -1 };
static uint32_t		fx_ids[FX_MAX];
static size_t		fx_nids;

/* The day n days before today, YYYY-MM-DD, into out (16 bytes). */
static int
day(char *out, int n)
{
	return integ_sql(out, 16, "SELECT to_char(current_date - %d,"
	    " 'YYYY-MM-DD')", n);
}

static uint32_t
kontor_id(const char *namn)
{
	return integ_sql_u32("SELECT id FROM affk_kontor WHERE namn = '%s'",
	    namn);
}

static uint32_t
kontor_insats(const char *namn)
{
	return integ_sql_u32("SELECT insats_id FROM affk_kontor"
	    " WHERE namn = '%s'", namn);
}

static uint32_t
kod_id(const char *lista, const char *kod)
{
	return integ_sql_u32("SELECT id FROM kod WHERE lista = '%s'"
	    " AND kod = '%s'", lista, kod);
}

/*
 * Removes every fixture ärende (those of the slice's persons and those
 * made this case, stripped ones too), person and office, triggers off.
 */
static int
fx_clean(void)
{
	char	ids[FX_MAX * 12 + 4];
	size_t	i, o = 0;
	int	r;

	if (fx_cn.fd != -1)
		conn_close(&fx_cn);
	fx_cn.fd = -1;
	o += (size_t)snprintf(ids + o, sizeof ids - o, "0");
	for (i = 0; i < fx_nids; i++)
		o += (size_t)snprintf(ids + o, sizeof ids - o, ",%u",
		    fx_ids[i]);
	fx_nids = 0;
	r = integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " CREATE TEMP TABLE h2x AS SELECT a.id FROM affk_arende a"
	    " LEFT JOIN person p ON p.id = a.person_id WHERE p.personnummer"
	    " IN " FX_SLICE " OR a.id IN (%s);"
	    " DELETE FROM affk_kontorsbyte WHERE arende_id IN"
	    " (SELECT id FROM h2x);"
	    " DELETE FROM affk_svar WHERE period_id IN (SELECT p.id FROM"
	    " affk_period p WHERE p.arende_id IN (SELECT id FROM h2x));"
	    " DELETE FROM affk_period WHERE arende_id IN (SELECT id FROM h2x);"
	    " DELETE FROM affk_arende WHERE id IN (SELECT id FROM h2x);"
	    " DELETE FROM person WHERE personnummer IN " FX_SLICE ";"
	    " DELETE FROM uppdrag u USING anvandare a WHERE"
	    " a.id = u.anvandare_id AND a.username = 'afhandl' AND"
	    " u.insats_id = (SELECT insats_id FROM affk_kontor"
	    " WHERE namn = '" AF_ANGERED "');"
	    " DELETE FROM uppdrag WHERE insats_id IN (SELECT insats_id FROM"
	    " affk_kontor WHERE namn LIKE '" FX_KONTOR "%%');"
	    " DELETE FROM anonym_deltagande WHERE insats_id IN (SELECT"
	    " insats_id FROM affk_kontor WHERE namn LIKE '" FX_KONTOR "%%');"
	    " CREATE TEMP TABLE h2k AS SELECT insats_id FROM affk_kontor"
	    " WHERE namn LIKE '" FX_KONTOR "%%';"
	    " DELETE FROM affk_kontor WHERE namn LIKE '" FX_KONTOR "%%';"
	    " DELETE FROM insats WHERE id IN (SELECT insats_id FROM h2k)", ids);
	return r;
}

/* fkhandl's connection, opened at first use; NULL after fail(). */
static struct conn *
fx_conn(void)
{
	if (fx_cn.fd != -1)
		return &fx_cn;
	memset(&fx_cn, 0, sizeof fx_cn);
	fx_cn.fd = -1;
	if (case_login(&fx_cn, "fkhandl") != 0) {
		fx_cn.fd = -1;
		return NULL;
	}
	return &fx_cn;
}

/* Byt kontor of ärende aid by fkhandl to af and fk from days ago. */
static int
fx_byt(uint32_t aid, const char *af, const char *fk, int days)
{
	struct msg_affk_byt_kontor	q;
	struct msg_affk_saved		r;
	struct conn			*cn;
	char				d[16];

	if ((cn = fx_conn()) == NULL || day(d, days) != 0)
		return -1;
	memset(&q, 0, sizeof q);
	memset(&r, 0, sizeof r);
	q.kontor_insats_id = kontor_insats(FK_GBG);
	q.arende_id = aid;
	q.af_kontor_id = kontor_id(af);
	q.fk_kontor_id = kontor_id(fk);
	q.datum = d;
	return integ_call_ok(cn, MSG_AFFK_BYT_KONTOR, &q, MSG_AFFK_SAVED, &r,
	    "fixture: Byt kontor");
}

/*
 * Registrera medverkan of f by fkhandl, on f's Af office and FK
 * Göteborg, then Byt kontor when f's FK office is another. Its id, or 0
 * after fail().
 */
static uint32_t
fx_make(const struct fx *f)
{
	struct msg_affk_medverkan_save	q;
	struct msg_affk_saved		r;
	struct conn			*cn;
	char				namn[128], d[16];

	if (fx_nids == FX_MAX) {
		fail("more than %d fixture ärenden", FX_MAX);
		return 0;
	}
	if ((cn = fx_conn()) == NULL || day(d, f->start) != 0)
		return 0;
	snprintf(namn, sizeof namn, FX_NAMN " %s", f->namn);
	memset(&q, 0, sizeof q);
	memset(&r, 0, sizeof r);
	q.kontor_insats_id = kontor_insats(FK_GBG);
	q.personnummer = (char *)f->pnr;
	q.namn = namn;
	q.kommunkod = FX_KOMMUN;
	q.samtycke = 1;
	q.samtycke_datum = d;
	q.initierad_av = (uint8_t)f->initierad;
	q.af_kontor_id = kontor_id(f->af);
	q.fk_kontor_id = kontor_id(FK_GBG);
	q.insatstyp_id = kod_id("affk_insatstyp", f->typ);
	q.datum = d;
	if (integ_call_ok(cn, MSG_AFFK_MEDVERKAN_SAVE, &q, MSG_AFFK_SAVED, &r,
	    "fixture: medverkan") != 0)
		return 0;
	if (r.arende_id == 0) {
		fail("fixture: medverkan saved ärende 0");
		return 0;
	}
	fx_ids[fx_nids++] = r.arende_id;
	if (strcmp(f->fk, FK_GBG) != 0 &&
	    fx_byt(r.arende_id, f->af, f->fk, f->start) != 0)
		return 0;
	return r.arende_id;
}

/*
 * The övergång of ärende aid to typ, days before today, by fkhandl; the
 * new period's id, or 0 after fail().
 */
static uint32_t
fx_step(uint32_t aid, const char *typ, int days)
{
	struct msg_affk_overgang_save	q;
	struct msg_affk_saved		r;
	struct conn			*cn;
	char				d[16];

	if ((cn = fx_conn()) == NULL || day(d, days) != 0)
		return 0;
	memset(&q, 0, sizeof q);
	memset(&r, 0, sizeof r);
	q.kontor_insats_id = kontor_insats(FK_GBG);
	q.arende_id = aid;
	q.insatstyp_id = kod_id("affk_insatstyp", typ);
	q.datum = d;
	if (integ_call_ok(cn, MSG_AFFK_OVERGANG_SAVE, &q, MSG_AFFK_SAVED, &r,
	    "fixture: övergång") != 0)
		return 0;
	if (r.period_id == 0)
		fail("fixture: övergång saved period 0");
	return r.period_id;
}

/*
 * Ends ärende aid days ago with Avbrutet samarbete, consent withdrawn:
 * the ärende is stripped of its person. 0 or -1.
 */
static int
fx_strip(uint32_t aid, int days)
{
	struct msg_affk_uppgifter_save	q;
	struct msg_affk_saved		r;
	struct affk_svar_row		svar;
	struct conn			*cn;

	memset(&q, 0, sizeof q);
	memset(&r, 0, sizeof r);
	memset(&svar, 0, sizeof svar);
	if ((q.period_id = fx_step(aid, "AVBRUTET", days)) == 0 ||
	    (cn = fx_conn()) == NULL)
		return -1;
	svar.fraga_id = integ_sql_u32("SELECT f.id FROM affk_fraga f JOIN kod"
	    " k ON k.id = f.insatstyp_id WHERE k.kod = 'AVBRUTET' AND"
	    " f.kod = 'ORSAK'");
	svar.svar_id = kod_id("affk_avbrott", "SAMTYCKE_ATERKALLAT");
	q.kontor_insats_id = kontor_insats(FK_GBG);
	q.nsvar = 1;
	q.svar = &svar;
	if (integ_call_ok(cn, MSG_AFFK_UPPGIFTER_SAVE, &q, MSG_AFFK_SAVED, &r,
	    "fixture: samtycke återkallat") != 0)
		return -1;
	if (integ_sql_u32("SELECT count(*) FROM affk_arende WHERE id = %u"
	    " AND person_id IS NULL AND avidentifierad IS NOT NULL", aid) != 1)
		return fail("fixture: ärende %u not stripped", aid);
	return 0;
}

/* The highest audit_person id; rows above it are a request's. */
static uint32_t
audit_max(void)
{
	return integ_sql_u32("SELECT coalesce(max(id), 0) FROM audit_person");
}

/* Logs in as user on a fresh connection; 0 or -1. */
static int
begin(struct conn *cn, const char *user)
{
	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
	return case_login(cn, user) != 0 ? -1 : 0;
}

/* Cleans up and closes; returns rv, or -1 when the clean-up failed. */
static int
end(struct conn *cn, int n, int rv)
{
	int	i;

	for (i = 0; i < n; i++)
		conn_close(&cn[i]);
	if (fx_clean() != 0)
		return -1;
	return rv;
}

/* --- Visa deltagare ------------------------------------------------ */

/* A search of the office insats iid with every filter open. */
static void
sok_init(struct msg_affk_sok *q, uint32_t iid)
{
	memset(q, 0, sizeof *q);
	q->kontor_insats_id = iid;
	q->from = "";
	q->tom = "";
	q->kon = "";
	q->namn = FX_NAMN "*";
}

/*
 * Runs search q, which must answer with a list; checks every number is
 * masked and that exactly one read was audited per row, naming its
 * ärende. 0 or -1.
 */
static int
sok_ok(struct conn *cn, const struct msg_affk_sok *q,
    struct msg_affk_sok_list *l, const char *what)
{
	uint32_t	 before = audit_max(), n, i;
	const char	*p;

	memset(l, 0, sizeof *l);
	if (integ_call_ok(cn, MSG_AFFK_SOK, q, MSG_AFFK_SOK_LIST, l, what) !=
	    0)
		return -1;
	for (i = 0; i < l->nrows; i++) {
		p = l->rows[i].personnummer;
		if (strncmp(p, "********-", 9) != 0 || strlen(p) != 13)
			return fail("%s: row %u's personnummer is not masked",
			    what, i);
		n = integ_sql_u32("SELECT count(*) FROM audit_person WHERE"
		    " id > %u AND arende_id = %u AND action = 'las' AND"
		    " purpose = 'Visa deltagare Af/FK' AND session_id IS NOT"
		    " NULL AND insats_id = %u", before, l->rows[i].arende_id,
		    q->kontor_insats_id);
		if (n != 1)
			return fail("%s: ärende %u read with %u audit rows",
			    what, l->rows[i].arende_id, n);
	}
	n = integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u",
	    before);
	if (n != l->nrows)
		return fail("%s: %u rows sent, %u audit rows", what, l->nrows,
		    n);
	return 0;
}

/* Whether ärende aid is on the list. */
static int
sok_has(const struct msg_affk_sok_list *l, uint32_t aid)
{
	uint32_t	i;

	for (i = 0; i < l->nrows; i++) {
		if (l->rows[i].arende_id == aid)
			return 1;
	}
	return 0;
}

/* Searches q and checks the total and that it is the names in order. */
static int
sok_expect(struct conn *cn, const struct msg_affk_sok *q, uint32_t total,
    const char *const *namn, size_t n, const char *what)
{
	struct msg_affk_sok_list	l;
	size_t				i;
	int				rv = -1;

	if (sok_ok(cn, q, &l, what) != 0)
		goto out;
	CHECK(l.total == total, "%s: total %u, want %u", what, l.total,
	    total);
	CHECK(l.nrows == n, "%s: %u rows, want %zu", what, l.nrows, n);
	for (i = 0; i < n; i++)
		CHECK(strcmp(l.rows[i].namn, namn[i]) == 0, "%s: row %zu is %s,"
		    " want %s", what, i, l.rows[i].namn, namn[i]);
	rv = 0;
out:
	msg_clear(MSG_AFFK_SOK_LIST, &l);
	return rv;
}

/* The ärenden the search cases use (see their comment). */
enum { SA, SB, SC, SD, SE, SF, SG, S__N };
static const struct fx sok_fx[S__N] = {
	[SA] = { "199307012386", "Anna Berg", "K", AFFK_FK, AF_GBG, FK_GBG, 100,
	    "BEGARAN_GK" },
	[SB] = { "199307012394", "Bo Berg", "M", AFFK_AF, AF_GBG, FK_GBG, 50,
	    "BEGARAN_GK" },
	[SC] = { "199412292394", "Carl Dahl", "M", AFFK_FK, AF_GBG, FK_GBG, 300,
	    "GK" },
	[SD] = { "199412302383", "Disa Ek", "K", AFFK_FK, AF_GBG, FK_GBG, 20,
	    "GK" },
	[SE] = { "199612282393", "Erik Fors", "M", AFFK_FK, AF_MALMO, FK_MALMO,
	    40, "GK" },
	[SF] = { "199612292384", "Frida Gran", "K", AFFK_FK, AF_GBG, FK_GBG,
	    200, "GK" },
	[SG] = { "199812302397", "Gustav Holm", "M", AFFK_AF, AF_GBG, FK_MALMO,
	    40, "GK" },
};

/*
 * A: GK since 80 days (aktuell); B: waiting for GK; C: ended 200 days
 * ago; D: planned insats (waiting); E: on the Malmö offices; F: ended
 * and stripped; G: Af Göteborg with FK Malmö. ids gets their ids.
 */
static int
sok_fixtures(uint32_t *ids)
{
	int	i;

	if (fx_clean() != 0)
		return -1;
	for (i = 0; i < S__N; i++) {
		if ((ids[i] = fx_make(&sok_fx[i])) == 0)
			return -1;
	}
	if (fx_step(ids[SA], "GK", 80) == 0 ||
	    fx_step(ids[SC], "AVSLUTAT", 200) == 0 ||
	    fx_step(ids[SD], "PLANERAD_FORBEREDANDE", 10) == 0 ||
	    fx_strip(ids[SF], 150) != 0)
		return -1;
	return 0;
}

#define N(a)	(sizeof (a) / sizeof (a)[0])

/*
 * Visa deltagare as afhandl (Af Göteborg): every filter alone, the row
 * as sent, paging, and neither the Malmö ärende nor the stripped one.
 */
static int
affk_sok_filters(void)
{
	static const char *const alla[] = { FX_NAMN " Anna Berg",
	    FX_NAMN " Bo Berg", FX_NAMN " Carl Dahl", FX_NAMN " Disa Ek",
	    FX_NAMN " Gustav Holm" };
	static const char *const aktuell[] = { alla[0], alla[4] };
	static const char *const vantan[] = { alla[1], alla[3] };
	static const char *const avslutad[] = { alla[2] };
	static const char *const pagaende[] = { alla[0], alla[1], alla[3],
	    alla[4] };
	static const char *const planerad[] = { alla[3] };
	static const char *const af[] = { alla[1], alla[4] };
	static const char *const fk[] = { alla[0], alla[2], alla[3] };
	static const char *const kvinnor[] = { alla[0], alla[3] };
	static const char *const man[] = { alla[1], alla[2], alla[4] };
	static const char *const fkgbg[] = { alla[0], alla[1], alla[2],
	    alla[3] };
	struct conn			 cn[2];
	struct msg_affk_sok		 q;
	struct msg_affk_sok_list	 l;
	struct affk_sok_row		*r;
	uint32_t			 ids[S__N], iid;
	char				 d1[16], d2[16], d3[16];
	int				 rv = -1;

	memset(&l, 0, sizeof l);
	memset(cn, 0, sizeof cn);
	cn[0].fd = cn[1].fd = -1;
	if (sok_fixtures(ids) != 0 || begin(&cn[0], "afhandl") != 0 ||
	    begin(&cn[1], "fkhandl") != 0)
		goto out;
	iid = kontor_insats(AF_GBG);

	sok_init(&q, iid);
	if (sok_expect(&cn[0], &q, 5, alla, N(alla), "all") != 0)
		goto out;
	/* The row as sent: A is in GK since 80 days. */
	if (sok_ok(&cn[0], &q, &l, "row") != 0)
		goto out;
	r = &l.rows[0];
	if (day(d1, 80) != 0 || day(d2, 100) != 0)
		goto out;
	CHECK(r->arende_id == ids[SA] && strcmp(r->personnummer,
	    "********-2386") == 0, "row 0: ärende %u", r->arende_id);
	CHECK(r->insatstyp_id == kod_id("affk_insatstyp", "GK") &&
	    strcmp(r->insatstyp, "Gemensam kartläggning") == 0 &&
	    r->status == AFFK_S_AKTUELL, "row 0: step %u %s status %u",
	    r->insatstyp_id, r->insatstyp, r->status);
	CHECK(strcmp(r->sedan, d1) == 0 && strcmp(r->startdatum, d2) == 0 &&
	    r->slutdatum[0] == '\0', "row 0: dates %s %s %s", r->sedan,
	    r->startdatum, r->slutdatum);
	CHECK(strcmp(r->af_kontor, AF_GBG) == 0 &&
	    strcmp(r->fk_kontor, FK_GBG) == 0, "row 0: offices %s, %s",
	    r->af_kontor, r->fk_kontor);
	r = &l.rows[2];
	if (day(d1, 200) != 0)
		goto out;
	CHECK(r->arende_id == ids[SC] && r->status == AFFK_S_AVSLUTAD &&
	    strcmp(r->slutdatum, d1) == 0 && strcmp(r->sedan, d1) == 0 &&
	    strcmp(r->insatstyp, "Avslutat samarbete") == 0,
	    "row 2: status %u ended %s step %s", r->status, r->slutdatum,
	    r->insatstyp);
	CHECK(!sok_has(&l, ids[SE]) && !sok_has(&l, ids[SF]),
	    "another office's or a stripped ärende listed");
	msg_clear(MSG_AFFK_SOK_LIST, &l);

	q.status = AFFK_S_AKTUELL;
	if (sok_expect(&cn[0], &q, 2, aktuell, N(aktuell), "aktuell") != 0)
		goto out;
	q.status = AFFK_S_VANTAN;
	if (sok_expect(&cn[0], &q, 2, vantan, N(vantan), "väntan") != 0)
		goto out;
	q.status = AFFK_S_AVSLUTAD;
	if (sok_expect(&cn[0], &q, 1, avslutad, N(avslutad), "avslutad") != 0)
		goto out;
	q.status = AFFK_S_PAGAENDE;
	if (sok_expect(&cn[0], &q, 4, pagaende, N(pagaende), "pågående") != 0)
		goto out;

	sok_init(&q, iid);
	q.insatstyp_id = kod_id("affk_insatstyp", "GK");
	if (sok_expect(&cn[0], &q, 2, aktuell, N(aktuell), "step GK") != 0)
		goto out;
	q.insatstyp_id = kod_id("affk_insatstyp", "PLANERAD_FORBEREDANDE");
	if (sok_expect(&cn[0], &q, 1, planerad, N(planerad), "step planned")
	    != 0)
		goto out;
	q.insatstyp_id = kod_id("affk_insatstyp", "BEGARAN_GK");
	if (sok_expect(&cn[0], &q, 1, &alla[1], 1, "step begäran") != 0)
		goto out;

	/* [from, tom] overlaps the ärende: open ends, both ends. */
	sok_init(&q, iid);
	if (day(d1, 250) != 0 || day(d2, 210) != 0 || day(d3, 60) != 0)
		goto out;
	q.from = d1;
	q.tom = d2;
	if (sok_expect(&cn[0], &q, 1, avslutad, N(avslutad), "period C") != 0)
		goto out;
	q.from = d3;
	q.tom = "";
	if (sok_expect(&cn[0], &q, 4, pagaende, N(pagaende), "from") != 0)
		goto out;
	if (day(d3, 90) != 0)
		goto out;
	q.from = "";
	q.tom = d3;
	{
		static const char *const tidiga[] = { alla[0], alla[2] };

		if (sok_expect(&cn[0], &q, 2, tidiga, N(tidiga), "tom") != 0)
			goto out;
	}
	if (day(d3, 199) != 0 || day(d2, 101) != 0)
		goto out;
	q.from = d3;
	q.tom = d2;
	if (sok_expect(&cn[0], &q, 0, NULL, 0, "between C and A") != 0)
		goto out;

	sok_init(&q, iid);
	q.initierad_av = AFFK_AF;
	if (sok_expect(&cn[0], &q, 2, af, N(af), "initierad av Af") != 0)
		goto out;
	q.initierad_av = AFFK_FK;
	if (sok_expect(&cn[0], &q, 3, fk, N(fk), "initierad av FK") != 0)
		goto out;
	sok_init(&q, iid);
	q.kon = "K";
	if (sok_expect(&cn[0], &q, 2, kvinnor, N(kvinnor), "kvinnor") != 0)
		goto out;
	q.kon = "M";
	if (sok_expect(&cn[0], &q, 3, man, N(man), "män") != 0)
		goto out;
	sok_init(&q, iid);
	q.namn = FX_NAMN "*berg";
	if (sok_expect(&cn[0], &q, 2, alla, 2, "namn *berg") != 0)
		goto out;
	q.namn = FX_NAMN " disa";
	if (sok_expect(&cn[0], &q, 1, &alla[3], 1, "namn disa") != 0)
		goto out;

	/* Paging: two, two, one; the total every time. */
	sok_init(&q, iid);
	q.limit = 2;
	if (sok_expect(&cn[0], &q, 5, alla, 2, "page 1") != 0)
		goto out;
	q.offset = 2;
	if (sok_expect(&cn[0], &q, 5, &alla[2], 2, "page 2") != 0)
		goto out;
	q.offset = 4;
	if (sok_expect(&cn[0], &q, 5, &alla[4], 1, "page 3") != 0)
		goto out;

	/* FK Göteborg sees what it handles: not G, whose FK is Malmö. */
	sok_init(&q, kontor_insats(FK_GBG));
	if (sok_expect(&cn[1], &q, 4, fkgbg, N(fkgbg), "FK Göteborg") != 0)
		goto out;

	/* Criteria that cannot be. */
	sok_init(&q, iid);
	q.from = "2025-02-30";
	if (integ_refused(integ_call(&cn[0], MSG_AFFK_SOK, &q,
	    MSG_AFFK_SOK_LIST, NULL), ERR_VALIDATION, "ÅÅÅÅ-MM-DD",
	    "a date that is none") != 0)
		goto out;
	q.from = "2025-03-01";
	q.tom = "2025-02-01";
	if (integ_refused(integ_call(&cn[0], MSG_AFFK_SOK, &q,
	    MSG_AFFK_SOK_LIST, NULL), ERR_VALIDATION, "före dess början",
	    "tom before from") != 0)
		goto out;
	sok_init(&q, iid);
	q.kon = "X";
	if (integ_refused(integ_call(&cn[0], MSG_AFFK_SOK, &q,
	    MSG_AFFK_SOK_LIST, NULL), ERR_VALIDATION, "Välj kön",
	    "kön X") != 0)
		goto out;
	sok_init(&q, iid);
	q.status = AFFK_S_PAGAENDE + 1;
	if (integ_refused(integ_call(&cn[0], MSG_AFFK_SOK, &q,
	    MSG_AFFK_SOK_LIST, NULL), ERR_BAD_REQUEST, NULL,
	    "an unknown status") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_AFFK_SOK_LIST, &l);
	return end(cn, 2, rv);
}

/*
 * A search outside the own office: one the caller has no uppdrag on is
 * refused by the request table, a Finsam insats the caller is
 * deltagaransvarig on by the handler, as no office; neither is audited.
 */
static int
affk_sok_outside(void)
{
	struct conn		cn[2];
	struct msg_affk_sok	q;
	uint32_t		before, steget;
	int			rv = -1;

	memset(cn, 0, sizeof cn);
	cn[0].fd = cn[1].fd = -1;
	if (fx_clean() != 0 || fx_make(&sok_fx[SE]) == 0 ||
	    begin(&cn[0], "afhandl") != 0 || begin(&cn[1], "deltagaransv") != 0)
		goto out;
	before = audit_max();
	sok_init(&q, kontor_insats(AF_MALMO));
	if (integ_refused(integ_call(&cn[0], MSG_AFFK_SOK, &q,
	    MSG_AFFK_SOK_LIST, NULL), ERR_FORBIDDEN, NULL,
	    "Af Malmö as afhandl") != 0)
		goto out;
	sok_init(&q, kontor_insats(FK_MALMO));
	if (integ_refused(integ_call(&cn[0], MSG_AFFK_SOK, &q,
	    MSG_AFFK_SOK_LIST, NULL), ERR_FORBIDDEN, NULL,
	    "FK Malmö as afhandl") != 0)
		goto out;
	steget = integ_sql_u32("SELECT i.id FROM insats i JOIN samverkansorg"
	    " s ON s.id = i.samverkansorg_id WHERE i.namn = 'Steget vidare'"
	    " AND s.namn = 'Samordningsförbundet Göteborg'");
	CHECK(integ_sql_u32("SELECT count(*) FROM uppdrag u JOIN anvandare a"
	    " ON a.id = u.anvandare_id WHERE a.username = 'deltagaransv'"
	    " AND u.insats_id = %u AND u.roll = 'deltagaransvarig'", steget)
	    > 0, "deltagaransv has no uppdrag on Steget vidare");
	sok_init(&q, steget);
	if (integ_refused(integ_call(&cn[1], MSG_AFFK_SOK, &q,
	    MSG_AFFK_SOK_LIST, NULL), ERR_VALIDATION, "inte ett kontor",
	    "a Finsam insats") != 0)
		goto out;
	CHECK(audit_max() == before, "a refused search was audited");
	rv = 0;
out:
	return end(cn, 2, rv);
}

/* --- Byt kontor ---------------------------------------------------- */

static const struct fx byt_fx = { "199812312388", "Hanna Ivarsson", "K",
    AFFK_FK, AF_GBG, FK_GBG, 60, "BEGARAN_GK" };

/* A Byt kontor request. */
static void
byt_init(struct msg_affk_byt_kontor *q, uint32_t iid, uint32_t aid,
    uint32_t af, uint32_t fk, char *datum)
{
	memset(q, 0, sizeof *q);
	q->kontor_insats_id = iid;
	q->arende_id = aid;
	q->af_kontor_id = af;
	q->fk_kontor_id = fk;
	q->datum = datum;
}

/* A Historik request: by personnummer, or by ärende when pnr is "". */
static void
hist_init(struct msg_affk_historik_get *q, uint32_t iid, const char *pnr,
    uint32_t aid)
{
	memset(q, 0, sizeof *q);
	q->kontor_insats_id = iid;
	q->personnummer = (char *)pnr;
	q->arende_id = aid;
}

/* Sends q, which must be refused with code and text; nothing changes. */
static int
byt_refused(struct conn *cn, const struct msg_affk_byt_kontor *q,
    uint32_t code, const char *text, const char *what)
{
	uint32_t	before = audit_max();
	uint32_t	byten = integ_sql_u32("SELECT count(*) FROM"
			    " affk_kontorsbyte");

	if (integ_refused(integ_call(cn, MSG_AFFK_BYT_KONTOR, q,
	    MSG_AFFK_SAVED, NULL), code, text, what) != 0)
		return -1;
	if (audit_max() != before)
		return fail("%s: refused but audited", what);
	if (integ_sql_u32("SELECT count(*) FROM affk_kontorsbyte") != byten)
		return fail("%s: refused but written", what);
	return 0;
}

/* Sends q, which must be accepted: one history row, one audit row. */
static int
byt_ok(struct conn *cn, const struct msg_affk_byt_kontor *q,
    const char *what)
{
	struct msg_affk_saved	r;
	uint32_t		before = audit_max(), n;

	memset(&r, 0, sizeof r);
	if (integ_call_ok(cn, MSG_AFFK_BYT_KONTOR, q, MSG_AFFK_SAVED, &r,
	    what) != 0)
		return -1;
	if (r.arende_id != q->arende_id || r.period_id != 0)
		return fail("%s: saved ärende %u period %u", what, r.arende_id,
		    r.period_id);
	n = integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u",
	    before);
	if (n != 1)
		return fail("%s: %u audit rows, want 1", what, n);
	n = integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u"
	    " AND arende_id = %u AND action = 'skriv' AND purpose ="
	    " 'Byt kontor' AND insats_id = %u AND session_id IS NOT NULL",
	    before, q->arende_id, q->kontor_insats_id);
	if (n != 1)
		return fail("%s: the audit row does not name the change", what);
	n = integ_sql_u32("SELECT count(*) FROM affk_arende WHERE id = %u AND"
	    " af_kontor_id = %u AND fk_kontor_id = %u", q->arende_id,
	    q->af_kontor_id, q->fk_kontor_id);
	if (n != 1)
		return fail("%s: the ärende has not the new offices", what);
	return 0;
}

/*
 * Byt kontor by fkhandl (FK Göteborg): every refusal, then the ärende
 * moved to Af Angered and FK Malmö with its history; the old offices
 * lose sight of it, the new one gains it; a later change may not be
 * dated before the earlier one.
 */
static int
affk_byt_kontor_flow(void)
{
	struct conn			 cn[3];
	struct msg_affk_byt_kontor	 q;
	struct msg_affk_sok		 s;
	struct msg_affk_sok_list	 l;
	struct msg_affk_historik_get	 hq;
	struct msg_affk_historik	 h;
	struct affk_kontorsbyte_row	*b;
	struct msg_uppdrag_save		 u;
	struct uppdrag_add		 add;
	uint32_t			 aid, ended, other, stripped;
	uint32_t			 fkgbg, afgbg, ang, fkmalmo, afmalmo;
	uint32_t			 closed;
	char				 today[16], d20[16], d25[16], d31[16];
	char				 tomorrow[16];
	int				 rv = -1;

	memset(&l, 0, sizeof l);
	memset(&h, 0, sizeof h);
	memset(cn, 0, sizeof cn);
	cn[0].fd = cn[1].fd = cn[2].fd = -1;
	if (fx_clean() != 0 || (aid = fx_make(&byt_fx)) == 0 ||
	    fx_step(aid, "GK", 30) == 0 ||
	    (ended = fx_make(&sok_fx[SC])) == 0 ||
	    fx_step(ended, "AVSLUTAT", 200) == 0 ||
	    (other = fx_make(&sok_fx[SE])) == 0 ||
	    (stripped = fx_make(&sok_fx[SF])) == 0 ||
	    fx_strip(stripped, 150) != 0)
		goto out;
	if (day(today, 0) != 0 || day(d20, 20) != 0 || day(d25, 25) != 0 ||
	    day(d31, 31) != 0 || day(tomorrow, -1) != 0)
		goto out;
	fkgbg = kontor_id(FK_GBG);
	afgbg = kontor_id(AF_GBG);
	ang = kontor_id(AF_ANGERED);
	fkmalmo = kontor_id(FK_MALMO);
	afmalmo = kontor_id(AF_MALMO);
	/* A closed FK office, made for this case. */
	if (integ_sql(NULL, 0, "WITH i AS (INSERT INTO insats"
	    " (samverkansorg_id, namn, startdatum) SELECT id, '" FX_KONTOR
	    " stängt', startdatum FROM samverkansorg WHERE affk_myndighet ="
	    " 'FK' RETURNING id) INSERT INTO affk_kontor (myndighet, namn,"
	    " omrade_lista, omrade_id, kontorstyp, insats_id, aktiv) SELECT"
	    " 'FK', '" FX_KONTOR " stängt', 'verksamhetsomrade', k.id, 'TA',"
	    " i.id, false FROM i, kod k WHERE k.lista = 'verksamhetsomrade'"
	    " AND k.kod = 'SJUKFORSAKRING'") != 0 ||
	    (closed = kontor_id(FX_KONTOR " stängt")) == 0)
		goto out;
	if (begin(&cn[0], "fkhandl") != 0 || begin(&cn[1], "afhandl") != 0 ||
	    begin(&cn[2], "affkansv") != 0)
		goto out;

	/* Rule 52: both offices, the right authorities, open, dated. */
	byt_init(&q, kontor_insats(FK_GBG), aid, ang, 0, d20);
	if (byt_refused(&cn[0], &q, ERR_VALIDATION, "Välj både nytt "
	    "Af-kontor och nytt FK-kontor.", "no FK office") != 0)
		goto out;
	byt_init(&q, kontor_insats(FK_GBG), aid, 0, fkmalmo, d20);
	if (byt_refused(&cn[0], &q, ERR_VALIDATION, "Välj både nytt "
	    "Af-kontor och nytt FK-kontor.", "no Af office") != 0)
		goto out;
	byt_init(&q, kontor_insats(FK_GBG), aid, fkmalmo, fkgbg, d20);
	if (byt_refused(&cn[0], &q, ERR_VALIDATION, "Arbetsförmedlingens",
	    "an FK office as Af office") != 0)
		goto out;
	byt_init(&q, kontor_insats(FK_GBG), aid, ang, afmalmo, d20);
	if (byt_refused(&cn[0], &q, ERR_VALIDATION, "Försäkringskassans",
	    "an Af office as FK office") != 0)
		goto out;
	byt_init(&q, kontor_insats(FK_GBG), aid, ang, closed, d20);
	if (byt_refused(&cn[0], &q, ERR_VALIDATION, "stängt",
	    "a closed office") != 0)
		goto out;
	byt_init(&q, kontor_insats(FK_GBG), aid, afgbg, fkgbg, d20);
	if (byt_refused(&cn[0], &q, ERR_VALIDATION, "inget kontor byts",
	    "nothing changed") != 0)
		goto out;
	byt_init(&q, kontor_insats(FK_GBG), aid, ang, fkmalmo, d31);
	if (byt_refused(&cn[0], &q, ERR_VALIDATION, "före starten av den "
	    "nuvarande perioden", "before the current period") != 0)
		goto out;
	byt_init(&q, kontor_insats(FK_GBG), aid, ang, fkmalmo, tomorrow);
	if (byt_refused(&cn[0], &q, ERR_VALIDATION, "senare än i dag",
	    "tomorrow") != 0)
		goto out;
	byt_init(&q, kontor_insats(FK_GBG), aid, ang, fkmalmo, "");
	if (byt_refused(&cn[0], &q, ERR_VALIDATION, "Ange från vilket datum",
	    "no date") != 0)
		goto out;
	byt_init(&q, kontor_insats(FK_GBG), ended, ang, fkmalmo, today);
	if (byt_refused(&cn[0], &q, ERR_VALIDATION, "Samarbetet är "
	    "avslutat", "an ended ärende") != 0)
		goto out;
	byt_init(&q, kontor_insats(FK_GBG), other, ang, fkgbg, today);
	if (byt_refused(&cn[0], &q, ERR_NOT_FOUND, "inte på ditt kontor",
	    "an ärende on Malmö's offices") != 0)
		goto out;
	byt_init(&q, kontor_insats(FK_GBG), stripped, ang, fkmalmo, today);
	if (byt_refused(&cn[0], &q, ERR_NOT_FOUND, "inte på ditt kontor",
	    "a stripped ärende") != 0)
		goto out;
	byt_init(&q, kontor_insats(AF_MALMO), other, ang, fkgbg, today);
	if (byt_refused(&cn[0], &q, ERR_FORBIDDEN, NULL,
	    "naming Malmö's office") != 0)
		goto out;

	/* Moved, dated within GK; the history keeps where from. */
	byt_init(&q, kontor_insats(FK_GBG), aid, ang, fkmalmo, d20);
	if (byt_ok(&cn[0], &q, "to Angered and FK Malmö") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_kontorsbyte WHERE"
	    " arende_id = %u AND datum = '%s' AND fran_af_kontor_id = %u AND"
	    " till_af_kontor_id = %u AND fran_fk_kontor_id = %u AND"
	    " till_fk_kontor_id = %u AND andrad_av = (SELECT id FROM"
	    " anvandare WHERE username = 'fkhandl')", aid, d20, afgbg, ang,
	    fkgbg, fkmalmo) == 1, "no history row for the change");

	/* The old offices lose sight of it. */
	if (byt_refused(&cn[0], &q, ERR_NOT_FOUND, "inte på ditt kontor",
	    "again by the old office") != 0)
		goto out;
	sok_init(&s, kontor_insats(FK_GBG));
	if (sok_ok(&cn[0], &s, &l, "FK Göteborg after") != 0)
		goto out;
	CHECK(!sok_has(&l, aid), "FK Göteborg still lists the ärende");
	msg_clear(MSG_AFFK_SOK_LIST, &l);
	sok_init(&s, kontor_insats(AF_GBG));
	if (sok_ok(&cn[1], &s, &l, "Af Göteborg after") != 0)
		goto out;
	CHECK(!sok_has(&l, aid), "Af Göteborg still lists the ärende");
	msg_clear(MSG_AFFK_SOK_LIST, &l);
	hist_init(&hq, kontor_insats(FK_GBG), "", aid);
	if (integ_refused(integ_call(&cn[0], MSG_AFFK_HISTORIK_GET, &hq,
	    MSG_AFFK_HISTORIK, NULL), ERR_NOT_FOUND, "inte på ditt kontor",
	    "Historik of the ärende by the old office") != 0)
		goto out;
	hist_init(&hq, kontor_insats(FK_GBG), byt_fx.pnr, 0);
	if (integ_refused(integ_call(&cn[0], MSG_AFFK_HISTORIK_GET, &hq,
	    MSG_AFFK_HISTORIK, NULL), ERR_NOT_FOUND, "inte på ditt kontor",
	    "Historik of the person by the old office") != 0)
		goto out;

	/* Af Angered gains it, once it has a deltagaransvarig. */
	sok_init(&s, kontor_insats(AF_ANGERED));
	if (integ_refused(integ_call(&cn[1], MSG_AFFK_SOK, &s,
	    MSG_AFFK_SOK_LIST, NULL), ERR_FORBIDDEN, NULL,
	    "Angered before the uppdrag") != 0)
		goto out;
	memset(&u, 0, sizeof u);
	memset(&add, 0, sizeof add);
	add.user_id = integ_sql_u32("SELECT id FROM anvandare WHERE"
	    " username = 'afhandl'");
	add.roll = ROLE_DELTAGARANSVARIG;
	add.giltig_from = "";
	add.giltig_tom = "";
	u.target_id = kontor_insats(AF_ANGERED);
	u.nadds = 1;
	u.adds = &add;
	if (integ_call_ok(&cn[2], MSG_UPPDRAG_SAVE_INSATS, &u, MSG_OK, NULL,
	    "afhandl on Angered") != 0)
		goto out;
	if (sok_ok(&cn[1], &s, &l, "Angered after") != 0)
		goto out;
	CHECK(l.total == 1 && l.nrows == 1 && l.rows[0].arende_id == aid &&
	    strcmp(l.rows[0].af_kontor, AF_ANGERED) == 0 &&
	    strcmp(l.rows[0].fk_kontor, FK_MALMO) == 0,
	    "Angered lists %u rows", l.nrows);
	msg_clear(MSG_AFFK_SOK_LIST, &l);
	hist_init(&hq, kontor_insats(AF_ANGERED), byt_fx.pnr, 0);
	if (integ_call_ok(&cn[1], MSG_AFFK_HISTORIK_GET, &hq,
	    MSG_AFFK_HISTORIK, &h, "Historik by Angered") != 0)
		goto out;
	CHECK(h.narenden == 1 && h.arenden[0].id == aid &&
	    h.arenden[0].nbyten == 1, "Angered's Historik: %u ärenden",
	    h.narenden);
	b = &h.arenden[0].byten[0];
	CHECK(strcmp(b->datum, d20) == 0 &&
	    strcmp(b->fran_af_kontor, AF_GBG) == 0 &&
	    strcmp(b->till_af_kontor, AF_ANGERED) == 0 &&
	    strcmp(b->fran_fk_kontor, FK_GBG) == 0 &&
	    strcmp(b->till_fk_kontor, FK_MALMO) == 0,
	    "Historik's office change: %s %s→%s %s→%s", b->datum,
	    b->fran_af_kontor, b->till_af_kontor, b->fran_fk_kontor,
	    b->till_fk_kontor);
	msg_clear(MSG_AFFK_HISTORIK, &h);

	/* Not before the earlier change; on its day or later it may. */
	byt_init(&q, kontor_insats(AF_ANGERED), aid, ang, fkgbg, d25);
	if (byt_refused(&cn[1], &q, ERR_VALIDATION, "förra kontorsbytet",
	    "before the earlier change") != 0)
		goto out;
	byt_init(&q, kontor_insats(AF_ANGERED), aid, ang, fkgbg, today);
	if (byt_ok(&cn[1], &q, "back to FK Göteborg") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_kontorsbyte WHERE"
	    " arende_id = %u", aid) == 2, "not two history rows");
	sok_init(&s, kontor_insats(FK_GBG));
	if (sok_ok(&cn[0], &s, &l, "FK Göteborg again") != 0)
		goto out;
	CHECK(sok_has(&l, aid), "FK Göteborg does not list it again");
	rv = 0;
out:
	msg_clear(MSG_AFFK_SOK_LIST, &l);
	msg_clear(MSG_AFFK_HISTORIK, &h);
	return end(cn, 3, rv);
}

/* --- The offices --------------------------------------------------- */

/* An office row for a save. */
static void
kontor_init(struct affk_kontor_row *k, uint32_t id, int myndighet,
    const char *namn, uint32_t omrade, uint32_t amo, const char *typ)
{
	memset(k, 0, sizeof *k);
	k->id = id;
	k->myndighet = (uint8_t)myndighet;
	k->namn = (char *)namn;
	k->omrade_id = omrade;
	k->amo_id = amo;
	k->kontorstyp = (char *)typ;
	k->omrade = "";
	k->aktiv = 1;
}

/* Saves k, which must be refused with text; nothing is written. */
static int
kontor_refused(struct conn *cn, const struct affk_kontor_row *k,
    uint32_t code, const char *text, const char *what)
{
	uint32_t	n = integ_sql_u32("SELECT count(*) FROM affk_kontor");
	uint32_t	i = integ_sql_u32("SELECT count(*) FROM insats");

	if (integ_refused(integ_call(cn, MSG_AFFK_KONTOR_SAVE, k, MSG_OK,
	    NULL), code, text, what) != 0)
		return -1;
	if (integ_sql_u32("SELECT count(*) FROM affk_kontor") != n ||
	    integ_sql_u32("SELECT count(*) FROM insats") != i)
		return fail("%s: refused but written", what);
	return 0;
}

/*
 * The superadministratör's offices: a new one with its insats in the
 * authority's organisation, every refusal, a rename of both, no change
 * of authority, no closing while ärenden are open; and a new office can
 * at once get a deltagaransvarig who can then use it.
 */
static int
affk_kontor_admin(void)
{
	struct conn			 cn[3];
	struct affk_kontor_row		 k;
	struct msg_affk_sok		 s;
	struct msg_affk_sok_list	 l;
	struct msg_uppdrag_save		 u;
	struct uppdrag_add		 add;
	struct fx			 f;
	char				 lang[128];
	uint32_t			 vast, syd, storstad, sjuk, funk;
	uint32_t			 afid, fkid, iid, aid;
	int				 rv = -1;

	memset(&l, 0, sizeof l);
	memset(cn, 0, sizeof cn);
	cn[0].fd = cn[1].fd = cn[2].fd = -1;
	if (fx_clean() != 0 || begin(&cn[0], "admin") != 0 ||
	    begin(&cn[1], "affkansv") != 0 || begin(&cn[2], "afhandl") != 0)
		goto out;
	vast = kod_id("marknadsomrade", "VAST");
	syd = kod_id("marknadsomrade", "SYD");
	storstad = kod_id("arbetsmarknadsomrade", "STORSTAD");
	sjuk = kod_id("verksamhetsomrade", "SJUKFORSAKRING");
	funk = kod_id("verksamhetsomrade", "FUNKTIONSNEDSATTNING");

	/* Refused before anything is written. */
	kontor_init(&k, 0, 0, FX_KONTOR " Af", vast, 0, "");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "Välj om kontoret",
	    "no authority") != 0)
		goto out;
	kontor_init(&k, 0, AFFK_AF, "   ", vast, 0, "");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "Ange kontorets namn",
	    "a blank name") != 0)
		goto out;
	memset(lang, 'x', 101);
	lang[101] = '\0';
	kontor_init(&k, 0, AFFK_AF, lang, vast, 0, "");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "högst 100 tecken",
	    "101 characters") != 0)
		goto out;
	kontor_init(&k, 0, AFFK_AF, "arbetsförmedlingen göteborg", vast, 0,
	    "");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "redan ett kontor som "
	    "heter", "a name taken") != 0)
		goto out;
	kontor_init(&k, 0, AFFK_AF, FX_KONTOR " Af", sjuk, 0, "");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "Välj ett "
	    "marknadsområde ur listan", "an FK area for Af") != 0)
		goto out;
	kontor_init(&k, 0, AFFK_FK, FX_KONTOR " FK", vast, 0, "TA");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "Välj ett "
	    "verksamhetsområde ur listan", "an Af area for FK") != 0)
		goto out;
	kontor_init(&k, 0, AFFK_AF, FX_KONTOR " Af", 0, 0, "");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "Välj kontorets "
	    "marknadsområde", "no area") != 0)
		goto out;
	kontor_init(&k, 0, AFFK_FK, FX_KONTOR " FK", sjuk, 0, "");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "TA eller FV",
	    "FK without a type") != 0)
		goto out;
	kontor_init(&k, 0, AFFK_FK, FX_KONTOR " FK", sjuk, 0, "XY");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "TA eller FV",
	    "FK with type XY") != 0)
		goto out;
	kontor_init(&k, 0, AFFK_AF, FX_KONTOR " Af", vast, 0, "TA");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "Kontorstyp anges "
	    "bara", "Af with a type") != 0)
		goto out;
	kontor_init(&k, 0, AFFK_FK, FX_KONTOR " FK", sjuk, storstad, "TA");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "Arbetsmarknadsområde "
	    "anges bara", "FK with an arbetsmarknadsområde") != 0)
		goto out;
	kontor_init(&k, 0, AFFK_AF, FX_KONTOR " Af", vast, syd, "");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "arbetsmarknadsområde "
	    "ur listan", "a marknadsområde as arbetsmarknadsområde") != 0)
		goto out;
	kontor_init(&k, NO_SUCH_ID, AFFK_AF, FX_KONTOR " Af", vast, 0, "");
	if (kontor_refused(&cn[0], &k, ERR_NOT_FOUND, NULL, "no such office")
	    != 0)
		goto out;
	kontor_init(&k, 0, AFFK_AF, FX_KONTOR " Af", vast, 0, "");
	if (kontor_refused(&cn[1], &k, ERR_FORBIDDEN, NULL,
	    "an insatsansvarig") != 0)
		goto out;

	/* New: the office and its insats, trimmed, in one go. */
	kontor_init(&k, 0, AFFK_AF, "  " FX_KONTOR " Af  ", vast, storstad,
	    "");
	if (integ_call_ok(&cn[0], MSG_AFFK_KONTOR_SAVE, &k, MSG_OK, NULL,
	    "new Af office") != 0)
		goto out;
	afid = integ_last_ok_id;
	CHECK(afid == kontor_id(FX_KONTOR " Af"), "MSG_OK id %u", afid);
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_kontor k JOIN insats i"
	    " ON i.id = k.insats_id JOIN samverkansorg s ON s.id ="
	    " i.samverkansorg_id WHERE k.id = %u AND k.myndighet = 'AF' AND"
	    " i.namn = k.namn AND s.affk_myndighet = 'AF' AND i.startdatum ="
	    " s.startdatum AND i.beskrivning = 'Kontor i Af/FK-samarbetet.'"
	    " AND k.omrade_id = %u AND k.amo_id = %u AND k.kontorstyp IS NULL"
	    " AND k.aktiv", afid, vast, storstad) == 1,
	    "the new office or its insats is not as saved");
	kontor_init(&k, 0, AFFK_FK, FX_KONTOR " FK", funk, 0, "FV");
	if (integ_call_ok(&cn[0], MSG_AFFK_KONTOR_SAVE, &k, MSG_OK, NULL,
	    "new FK office") != 0)
		goto out;
	fkid = integ_last_ok_id;
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_kontor k JOIN insats i"
	    " ON i.id = k.insats_id JOIN samverkansorg s ON s.id ="
	    " i.samverkansorg_id WHERE k.id = %u AND s.affk_myndighet = 'FK'"
	    " AND k.kontorstyp = 'FV' AND k.omrade_id = %u", fkid, funk) == 1,
	    "the new FK office is not as saved");
	kontor_init(&k, 0, AFFK_AF, FX_KONTOR " AF", vast, 0, "");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "Arbetsförmedlingen "
	    "har redan ett kontor som heter", "the name again") != 0)
		goto out;

	/* Renamed: office and insats; another area. */
	kontor_init(&k, afid, AFFK_AF, FX_KONTOR " Af Centrum", syd, 0, "");
	if (integ_call_ok(&cn[0], MSG_AFFK_KONTOR_SAVE, &k, MSG_OK, NULL,
	    "rename") != 0)
		goto out;
	CHECK(integ_last_ok_id == afid, "rename answered id %u",
	    integ_last_ok_id);
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_kontor k JOIN insats i"
	    " ON i.id = k.insats_id WHERE k.id = %u AND k.namn = '" FX_KONTOR
	    " Af Centrum' AND i.namn = k.namn AND k.omrade_id = %u AND"
	    " k.amo_id IS NULL", afid, syd) == 1, "not renamed in both");
	kontor_init(&k, fkid, AFFK_FK, FX_KONTOR " Af Centrum", sjuk, 0, "TA");
	if (integ_call_ok(&cn[0], MSG_AFFK_KONTOR_SAVE, &k, MSG_OK, NULL,
	    "FK with Af's name") != 0)
		goto out;
	kontor_init(&k, afid, AFFK_FK, FX_KONTOR " Af Centrum", sjuk, 0, "TA");
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "byter inte "
	    "myndighet", "Af office made FK") != 0)
		goto out;
	kontor_init(&k, fkid, AFFK_FK, FX_KONTOR " Af Centrum", sjuk, 0, "TA");
	k.namn = FX_KONTOR " FK";
	if (integ_call_ok(&cn[0], MSG_AFFK_KONTOR_SAVE, &k, MSG_OK, NULL,
	    "FK renamed back") != 0)
		goto out;

	/* A deltagaransvarig at once, who can then use the office. */
	iid = kontor_insats(FX_KONTOR " Af Centrum");
	sok_init(&s, iid);
	if (integ_refused(integ_call(&cn[2], MSG_AFFK_SOK, &s,
	    MSG_AFFK_SOK_LIST, NULL), ERR_FORBIDDEN, NULL,
	    "the new office before the uppdrag") != 0)
		goto out;
	memset(&u, 0, sizeof u);
	memset(&add, 0, sizeof add);
	add.user_id = integ_sql_u32("SELECT id FROM anvandare WHERE"
	    " username = 'afhandl'");
	add.roll = ROLE_DELTAGARANSVARIG;
	add.giltig_from = "";
	add.giltig_tom = "";
	u.target_id = iid;
	u.nadds = 1;
	u.adds = &add;
	if (integ_call_ok(&cn[1], MSG_UPPDRAG_SAVE_INSATS, &u, MSG_OK, NULL,
	    "afhandl on the new office") != 0)
		goto out;
	if (sok_ok(&cn[2], &s, &l, "the new office after the uppdrag") != 0)
		goto out;
	CHECK(l.total == 0 && l.nrows == 0, "a new office lists %u",
	    l.total);
	msg_clear(MSG_AFFK_SOK_LIST, &l);

	/* Not closed while an ärende is open on it; then it may be. */
	f = byt_fx;
	f.af = FX_KONTOR " Af Centrum";
	if ((aid = fx_make(&f)) == 0)
		goto out;
	if (sok_ok(&cn[2], &s, &l, "the new office with an ärende") != 0)
		goto out;
	CHECK(l.total == 1 && l.nrows == 1 && l.rows[0].arende_id == aid,
	    "the new office lists %u", l.total);
	msg_clear(MSG_AFFK_SOK_LIST, &l);
	kontor_init(&k, afid, AFFK_AF, FX_KONTOR " Af Centrum", syd, 0, "");
	k.aktiv = 0;
	if (kontor_refused(&cn[0], &k, ERR_VALIDATION, "har 1 pågående "
	    "ärende och kan inte stängas", "closing with an open ärende") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_kontor WHERE id = %u"
	    " AND aktiv", afid) == 1, "closed all the same");
	if (fx_step(aid, "AVBRUTET", 0) == 0)
		goto out;
	if (integ_call_ok(&cn[0], MSG_AFFK_KONTOR_SAVE, &k, MSG_OK, NULL,
	    "closing with none open") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_kontor WHERE id = %u"
	    " AND NOT aktiv", afid) == 1, "not closed");
	k.aktiv = 1;
	if (integ_call_ok(&cn[0], MSG_AFFK_KONTOR_SAVE, &k, MSG_OK, NULL,
	    "reopened") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_kontor WHERE id = %u"
	    " AND aktiv", afid) == 1, "not reopened");
	rv = 0;
out:
	msg_clear(MSG_AFFK_SOK_LIST, &l);
	return end(cn, 3, rv);
}

/* --- Anonymous participants ---------------------------------------- */

/*
 * Anonymous Af/FK participants are counted on the office, as in Finsam:
 * the year's sums grow by what is saved; another office's handläggare
 * is refused by the request table.
 */
static int
affk_anonym_kontor(void)
{
	struct conn		cn[2];
	struct msg_anonym_get	g;
	struct msg_anonym_save	q;
	struct msg_anonym	a;
	uint32_t		iid, first, kv, ma;
	int			rv = -1;

	memset(&a, 0, sizeof a);
	memset(cn, 0, sizeof cn);
	cn[0].fd = cn[1].fd = -1;
	iid = kontor_insats(AF_GBG);
	first = integ_sql_u32("SELECT coalesce(max(id), 0) FROM"
	    " anonym_deltagande");
	if (begin(&cn[0], "afhandl") != 0 || begin(&cn[1], "fkhandl") != 0)
		goto out;
	memset(&g, 0, sizeof g);
	g.insats_id = iid;
	if (integ_call_ok(&cn[0], MSG_ANONYM_GET, &g, MSG_ANONYM, &a,
	    "the office's year") != 0)
		goto out;
	CHECK(strcmp(a.insats, AF_GBG) == 0, "insats %s", a.insats);
	kv = a.kvinnor;
	ma = a.man;
	msg_clear(MSG_ANONYM, &a);
	memset(&q, 0, sizeof q);
	q.insats_id = iid;
	q.kvinnor = 2;
	q.man = 1;
	if (integ_call_ok(&cn[0], MSG_ANONYM_SAVE, &q, MSG_OK, NULL,
	    "two women and a man") != 0)
		goto out;
	if (integ_call_ok(&cn[0], MSG_ANONYM_GET, &g, MSG_ANONYM, &a,
	    "the year after") != 0)
		goto out;
	CHECK(a.kvinnor == kv + 2 && a.man == ma + 1, "sums %u %u, want %u %u",
	    a.kvinnor, a.man, kv + 2, ma + 1);
	if (integ_refused(integ_call(&cn[1], MSG_ANONYM_SAVE, &q, MSG_OK,
	    NULL), ERR_FORBIDDEN, NULL, "FK Göteborg on Af's office") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_ANONYM, &a);
	conn_close(&cn[0]);
	conn_close(&cn[1]);
	if (integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " DELETE FROM anonym_deltagande WHERE insats_id = %u AND id > %u",
	    iid, first) != 0)
		return -1;
	return rv;
}

const struct integ_case cases_affk_kontor[] = {
	{ "main", "affk_kontor_create_rename_close_and_refusals",
	    affk_kontor_admin },
	{ "main", "affk_byt_kontor_history_sight_and_refusals",
	    affk_byt_kontor_flow },
	{ "main", "affk_visa_deltagare_filters_paging_audit",
	    affk_sok_filters },
	{ "main", "affk_visa_deltagare_outside_the_office",
	    affk_sok_outside },
	{ "main", "affk_anonymous_counts_on_an_office", affk_anonym_kontor },
	{ NULL, NULL, NULL }
};
