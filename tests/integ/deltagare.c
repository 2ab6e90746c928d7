/*
 * Reading personal data and withdrawing consent (domain.md 2.6(a), 8;
 * rules 34, 36, 39) through the real protocol: the participant list
 * with personnummer masked, current and former participants, its
 * filters and pages; the person's own view with the number in full and
 * its occasions; "Hämta" from the register copy, refusing a protected
 * person; consent withdrawn, which ends and strips a participation and
 * leaves the report counts as they were; one audit_person row per row
 * sent or written; and nobody else (another deltagaransvarig, an
 * insatsansvarig, a samverkansadministratör) sees or does any of it.
 *
 * The cases make their own insatser in Samordningsförbundet Göteborg,
 * named "Integ deltagare ...", with an uppdrag for deltagaransv on the
 * first only, and their participants (deltagare_fx.c). Consent
 * withdrawn is in deltagare_samtycke.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deltagare_int.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/* The register copy's protected person and others it knows (demo.sql). */
#define PNR_SKYDDAD	"197911109291"
#define PNR_ASA		"196201122808"
#define PNR_BRITT	"195503142027"	/* Stockholm, no stadsdel */
#define SNR_K		"198905672385"	/* a samordningsnummer */
/* A number nobody has registered: not in the register, not a person. */
#define PNR_OKAND	"201504122381"

/*
 * The list: current, former and stripped participants alike, newest
 * first, the number masked to its last four digits everywhere, and one
 * 'las' row per row sent, stripped ones (no person, no hash) included.
 */
static int
deltagare_list_masked(void)
{
	struct fx_case			 c;
	struct msg_deltagare_list	 l;
	const struct deltagare_row	*r;
	uint32_t			 id[3], got[3], mark, i;
	const enum fx_person		 order[3] = { FX_A, FX_B, FX_C };
	char				 mask[16];
	int				 rv = -1;

	memset(&l, 0, sizeof l);
	if (dl_begin(&c, "deltagaransv") != 0)
		goto out;
	for (i = 0; i < 3; i++)
		if ((id[i] = dl_deltagande(c.iid, order[i])) == 0)
			goto out;
	mark = dl_audit_mark();
	if (integ_accepted(dl_search(&c, c.iid, DELTAGARE_S_ALLA, "", 0, 0, &l),
	    "list") != 0)
		goto out;
	CHECK(l.total == 3 && l.nrows == 3, "list: total %u, rows %u, want 3",
	    l.total, l.nrows);
	for (i = 0; i < 3; i++) {
		r = &l.rows[i];
		got[i] = r->deltagande_id;
		CHECK(r->deltagande_id == id[i], "row %u is %u, want %u "
		    "(newest first)", i, r->deltagande_id, id[i]);
		CHECK(!dl_has_number(r->personnummer) &&
		    !dl_has_number(r->namn) && !dl_has_number(r->kon) &&
		    !dl_has_number(r->avslutsanledning),
		    "row %u carries a number: %s", i, r->personnummer);
		CHECK(strcmp(r->kon, dl_fx[order[i]].kon == 'K' ? "Kvinna" :
		    "Man") == 0 && r->fodelsear == dl_year(order[i]),
		    "row %u: kön %s, år %u", i, r->kon, r->fodelsear);
		CHECK(strcmp(r->startdatum, dl_fx[order[i]].start) == 0,
		    "row %u starts %s", i, r->startdatum);
	}
	snprintf(mask, sizeof mask, "********-%s", dl_fx[FX_A].pnr + 8);
	r = &l.rows[0];
	CHECK(strcmp(r->personnummer, mask) == 0 && strcmp(r->namn,
	    dl_fx[FX_A].namn) == 0 && r->slutdatum[0] == '\0' &&
	    r->avslutsanledning[0] == '\0' && r->person_id != 0 &&
	    !r->avidentifierad, "current participant: %s %s slut '%s'",
	    r->personnummer, r->namn, r->slutdatum);
	snprintf(mask, sizeof mask, "********-%s", dl_fx[FX_B].pnr + 8);
	r = &l.rows[1];
	CHECK(strcmp(r->personnummer, mask) == 0 && strcmp(r->slutdatum,
	    dl_fx[FX_B].slut) == 0 && strcmp(r->avslutsanledning,
	    "Till arbete") == 0, "former participant: %s slut %s avslut %s",
	    r->personnummer, r->slutdatum, r->avslutsanledning);
	r = &l.rows[2];
	CHECK(r->personnummer[0] == '\0' && r->namn[0] == '\0' &&
	    r->person_id == 0 && r->avidentifierad && strcmp(r->kon,
	    "Kvinna") == 0 && r->fodelsear == 1946, "stripped participant: "
	    "'%s' '%s' person %u avidentifierad %u", r->personnummer, r->namn,
	    r->person_id, r->avidentifierad);
	if (dl_audit_rows(&c, mark, "las", "Deltagare i insatsen", got, 3) != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u"
	    " AND pnr_hash IS NULL", mark) == 1, "the stripped row's audit "
	    "row is not the only one without a hash");
	rv = 0;
out:
	msg_clear(MSG_DELTAGARE_LIST, &l);
	return dl_end(&c, rv);
}

/*
 * The filters: pågående and avslutade, a name with and without '*', a
 * whole number in each accepted form, a part of one refused, pages with
 * the total, and each read audited row for row.
 */
static int
deltagare_list_filter(void)
{
	struct fx_case			 c;
	struct msg_deltagare_list	 l;
	uint32_t			 a, b, cc, mark;
	char				 ten[16];
	int				 rv = -1;

	memset(&l, 0, sizeof l);
	if (dl_begin(&c, "deltagaransv") != 0 ||
	    (a = dl_deltagande(c.iid, FX_A)) == 0 ||
	    (b = dl_deltagande(c.iid, FX_B)) == 0 ||
	    (cc = dl_deltagande(c.iid, FX_C)) == 0 ||
	    dl_deltagande(c.iid2, FX_D) == 0)
		goto out;
#define LIST_IS(st, pat, off, lim, tot, n, first, what) do {		\
	mark = dl_audit_mark();						\
	if (integ_accepted(dl_search(&c, c.iid, st, pat, off, lim, &l),	\
	    what) != 0)							\
		goto out;						\
	CHECK(l.total == (tot) && l.nrows == (n) && ((n) == 0 ||	\
	    l.rows[0].deltagande_id == (first)), "%s: total %u rows %u"	\
	    " first %u, want %u %u %u", what, l.total, l.nrows,		\
	    l.nrows > 0 ? l.rows[0].deltagande_id : 0, (uint32_t)(tot),	\
	    (uint32_t)(n), (uint32_t)(first));				\
	CHECK(integ_sql_u32("SELECT count(*) FROM audit_person"	\
	    " WHERE id > %u AND action = 'las' AND session_id IS NOT NULL", \
	    mark) == (n), "%s: audit rows differ from rows sent", what); \
} while (0)
	LIST_IS(DELTAGARE_S_PAGAENDE, "", 0, 0, 1, 1, a, "pågående");
	LIST_IS(DELTAGARE_S_AVSLUTADE, "", 0, 0, 2, 2, b, "avslutade");
	CHECK(l.rows[1].deltagande_id == cc, "avslutade: second row %u",
	    l.rows[1].deltagande_id);
	LIST_IS(DELTAGARE_S_ALLA, "integsson", 0, 0, 1, 1, b, "name part");
	LIST_IS(DELTAGARE_S_ALLA, "*dotter", 0, 0, 1, 1, a, "name '*'");
	LIST_IS(DELTAGARE_S_AVSLUTADE, "Anna*", 0, 0, 0, 0, 0,
	    "name and status");
	LIST_IS(DELTAGARE_S_ALLA, "Cecilia", 0, 0, 0, 0, 0, "stripped name");
	LIST_IS(DELTAGARE_S_ALLA, "David", 0, 0, 0, 0, 0, "other insats");
	LIST_IS(DELTAGARE_S_ALLA, dl_fx[FX_B].pnr, 0, 0, 1, 1, b, "12 digits");
	snprintf(ten, sizeof ten, "%.6s-%s", dl_fx[FX_B].pnr + 2,
	    dl_fx[FX_B].pnr + 8);
	LIST_IS(DELTAGARE_S_ALLA, ten, 0, 0, 1, 1, b, "YYMMDD-NNNN");
	LIST_IS(DELTAGARE_S_ALLA, dl_fx[FX_C].pnr, 0, 0, 0, 0, 0,
	    "a stripped number");
	LIST_IS(DELTAGARE_S_ALLA, "", 1, 1, 3, 1, b, "page 2 of 1");
	LIST_IS(DELTAGARE_S_ALLA, "", 2, 5, 3, 1, cc, "last page");
	LIST_IS(DELTAGARE_S_ALLA, "", 3, 5, 3, 0, 0, "past the end");
	LIST_IS(DELTAGARE_S_ALLA, "", 0, 100000, 3, 3, a, "limit over max");
#undef LIST_IS
	mark = dl_audit_mark();
	if (dl_refused(dl_search(&c, c.iid, DELTAGARE_S_ALLA, "196310", 0, 0,
	    &l), ERR_VALIDATION, "hela personnumret", "part of a number") != 0)
		goto out;
	ten[10] = ten[10] == '9' ? '0' : ten[10] + 1;
	if (dl_refused(dl_search(&c, c.iid, DELTAGARE_S_ALLA, ten, 0, 0, &l),
	    ERR_VALIDATION, "kontrollsiffra", "wrong check digit") != 0 ||
	    dl_refused(dl_search(&c, c.iid, 7, "", 0, 0, &l), ERR_BAD_REQUEST,
	    NULL, "unknown status") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u",
	    mark) == 0, "a refused search left audit rows");
	rv = 0;
out:
	msg_clear(MSG_DELTAGARE_LIST, &l);
	return dl_end(&c, rv);
}

/*
 * A page holds SUS_LIST_MAX rows at most, whatever the client asks, and
 * each row sent is audited: 501 one-day participations of one person.
 */
static int
deltagare_list_cap(void)
{
	struct fx_case			 c;
	struct msg_deltagare_list	 l;
	uint32_t			 mark;
	int				 rv = -1;

	memset(&l, 0, sizeof l);
	if (dl_begin(&c, "deltagaransv") != 0 ||
	    integ_sql(NULL, 0, "INSERT INTO person (personnummer, namn,"
	    " kommunkod) VALUES ('%s', '%s', '1480') ON CONFLICT DO NOTHING;"
	    " INSERT INTO audit_person (action, purpose, person_id) SELECT"
	    " 'skriv', 'integ fixture', id FROM person WHERE personnummer ="
	    " '%s'; WITH d AS (INSERT INTO deltagande (insats_id, person_id,"
	    " kon_id, fodelsear, samtycke, samtycke_datum, startdatum,"
	    " slutdatum) SELECT %u, p.id, " FX_KOD("kon", "'K'") ", 1982,"
	    " true, DATE '2022-01-01' + g, DATE '2022-01-01' + g,"
	    " DATE '2022-01-01' + g FROM person p, generate_series(0, %d) g"
	    " WHERE p.personnummer = '%s' RETURNING id, person_id, insats_id)"
	    " INSERT INTO audit_person (action, purpose, person_id,"
	    " deltagande_id, insats_id) SELECT 'skriv', 'integ fixture',"
	    " person_id, id, insats_id FROM d", dl_fx[FX_A].pnr,
	    dl_fx[FX_A].namn, dl_fx[FX_A].pnr, c.iid, SUS_LIST_MAX,
	    dl_fx[FX_A].pnr) != 0)
		goto out;
	mark = dl_audit_mark();
	if (integ_accepted(dl_search(&c, c.iid, DELTAGARE_S_ALLA, "", 0, 0, &l),
	    "no limit") != 0)
		goto out;
	CHECK(l.total == SUS_LIST_MAX + 1 && l.nrows == SUS_LIST_MAX,
	    "no limit: total %u rows %u", l.total, l.nrows);
	if (integ_accepted(dl_search(&c, c.iid, DELTAGARE_S_ALLA, "", 0, 100000,
	    &l), "limit 100000") != 0)
		goto out;
	CHECK(l.nrows == SUS_LIST_MAX, "limit 100000: rows %u", l.nrows);
	if (integ_accepted(dl_search(&c, c.iid, DELTAGARE_S_ALLA, "",
	    SUS_LIST_MAX, 0, &l), "the last page") != 0)
		goto out;
	CHECK(l.nrows == 1 && strcmp(l.rows[0].startdatum, "2022-01-01") == 0,
	    "the last page: rows %u", l.nrows);
	CHECK(integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u"
	    " AND action = 'las' AND session_id IS NOT NULL AND insats_id = %u",
	    mark, c.iid) == 2 * SUS_LIST_MAX + 1, "not one audit row per row "
	    "sent");
	rv = 0;
out:
	msg_clear(MSG_DELTAGARE_LIST, &l);
	return dl_end(&c, rv);
}

/*
 * The person's own view: the number in full, the person, the consent,
 * both occasions with their codes, answers (flerval one row per option)
 * and version, and one 'las' row.
 */
static int
deltagare_get_view(void)
{
	struct fx_case		 c;
	struct msg_deltagare	 d;
	const struct tillfalle_row *in, *ut;
	uint32_t		 b, mark, i, fj, fh, ff, alt = 0;
	char			 want[256];
	int			 rv = -1;

	memset(&d, 0, sizeof d);
	if (dl_begin(&c, "deltagaransv") != 0 ||
	    (b = dl_deltagande(c.iid, FX_B)) == 0 || dl_svar(c.iid, b) != 0)
		goto out;
	fj = integ_sql_u32("SELECT id FROM fraga WHERE namn = '" FX_PREFIX
	    " janej'");
	fh = integ_sql_u32("SELECT id FROM fraga WHERE namn = '" FX_PREFIX
	    " heltal'");
	ff = integ_sql_u32("SELECT id FROM fraga WHERE namn = '" FX_PREFIX
	    " flerval'");
	mark = dl_audit_mark();
	if (integ_accepted(dl_get(&c, c.iid, b, &d), "get") != 0)
		goto out;
	CHECK(strcmp(d.personnummer, dl_fx[FX_B].pnr) == 0 && strcmp(d.namn,
	    dl_fx[FX_B].namn) == 0 && d.person_id != 0 && !d.avidentifierad,
	    "own view: '%s' %s", d.personnummer, d.namn);
	CHECK(strcmp(d.kommunkod, "1480") == 0 && strcmp(d.kommun,
	    "Göteborg") == 0 && strcmp(d.stadsdel, "Hisingen") == 0 &&
	    d.stadsdel_id != 0, "kommun %s %s stadsdel %u %s", d.kommunkod,
	    d.kommun, d.stadsdel_id, d.stadsdel);
	CHECK(strcmp(d.kon, "Man") == 0 && d.fodelsear == 1963 &&
	    strcmp(d.samtycke_datum, dl_fx[FX_B].start) == 0 &&
	    strcmp(d.registrerad_av, "Johan Ekström") == 0 &&
	    strlen(d.registrerad) == 16 && strcmp(d.startdatum,
	    dl_fx[FX_B].start) == 0 &&
	    strcmp(d.slutdatum, dl_fx[FX_B].slut) == 0,
	    "kön %s år %u samtycke %s av %s (%s) %s–%s", d.kon, d.fodelsear,
	    d.samtycke_datum, d.registrerad_av, d.registrerad, d.startdatum,
	    d.slutdatum);
	CHECK(d.ntillfallen == 2, "%u occasions, want 2", d.ntillfallen);
	in = &d.tillfallen[0];
	ut = &d.tillfallen[1];
	CHECK(in->typ == FRAGA_IN && ut->typ == FRAGA_UT && strcmp(in->datum,
	    dl_fx[FX_B].start) == 0 && strcmp(ut->datum, dl_fx[FX_B].slut) == 0,
	    "occasions %u %s, %u %s", in->typ, in->datum, ut->typ, ut->datum);
	CHECK(in->nforsorjning == 2 && ut->nforsorjning == 1 &&
	    in->forsorjning[0].id == integ_sql_u32("SELECT "
	    FX_KOD("forsorjning", "'AKASSA'")) && in->forsorjning[1].id ==
	    integ_sql_u32("SELECT " FX_KOD("forsorjning",
	    "'EKONOMISKT_BISTAND'")) && ut->forsorjning[0].id ==
	    integ_sql_u32("SELECT " FX_KOD("forsorjning", "'INGEN'")),
	    "försörjning: %u in, %u ut", in->nforsorjning, ut->nforsorjning);
	CHECK(in->sysselsattning_id == integ_sql_u32("SELECT "
	    FX_KOD("sysselsattning", "'ARBETSSOKANDE'")) && in->omfattning == 0
	    && in->utbildning_id == integ_sql_u32("SELECT "
	    FX_KOD("utbildningsniva", "'GYMN'")) && in->tid_id ==
	    integ_sql_u32("SELECT " FX_KOD("tid_forsorjning", "'AR_1_2'")) &&
	    in->avslut_id == 0, "inregistrering codes");
	CHECK(ut->sysselsattning_id == integ_sql_u32("SELECT "
	    FX_KOD("sysselsattning", "'ARBETE'")) && ut->omfattning == 75 &&
	    ut->avslut_id == integ_sql_u32("SELECT " FX_KOD("avslutsanledning",
	    "'ARBETE'")) && ut->utbildning_id == 0 && ut->tid_id == 0,
	    "utregistrering codes");
	CHECK(in->nsvar == 2 && in->svar[0].fraga_id == fj && in->svar[0].ja
	    && in->svar[1].fraga_id == fh && in->svar[1].har_heltal &&
	    in->svar[1].heltal == 12, "answers in: %u", in->nsvar);
	CHECK(ut->nsvar == 2, "answers ut: %u, want one per option",
	    ut->nsvar);
	for (i = 0; i < 2; i++) {
		CHECK(ut->svar[i].fraga_id == ff && ut->svar[i].alternativ_id
		    != alt, "flerval row %u", i);
		alt = ut->svar[i].alternativ_id;
	}
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga_alternativ WHERE id IN"
	    " (%u, %u) AND text IN ('Cykel', 'Buss')",
	    ut->svar[0].alternativ_id, ut->svar[1].alternativ_id) == 2,
	    "flerval options are not those chosen");
	if (integ_sql(want, sizeof want, "SELECT to_char(updated_at,"
	    " 'YYYY-MM-DD HH24:MI:SS.US') FROM mattillfalle"
	    " WHERE deltagande_id = %u AND typ = 'in'", b) != 0)
		goto out;
	CHECK(strcmp(in->andrad, want) == 0 && strcmp(in->andrad_av,
	    "Johan Ekström") == 0, "version '%s' by %s, want '%s'", in->andrad,
	    in->andrad_av, want);
	if (dl_audit_rows(&c, mark, "las", "Visa deltagare", &b, 1) != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_DELTAGARE, &d);
	return dl_end(&c, rv);
}

/*
 * A participation is read only through its own insats: another's id
 * is not found, and nothing is shown or audited.
 */
static int
deltagare_get_other_insats(void)
{
	struct fx_case		 c;
	struct msg_deltagare	 d;
	uint32_t		 dd, mark;
	int			 rv = -1;

	memset(&d, 0, sizeof d);
	if (dl_begin(&c, "deltagaransv") != 0 ||
	    (dd = dl_deltagande(c.iid2, FX_D)) == 0)
		goto out;
	mark = dl_audit_mark();
	if (dl_refused(dl_get(&c, c.iid, dd, &d), ERR_NOT_FOUND,
	    "finns inte i insatsen", "GET of another insats's") != 0 ||
	    dl_refused(dl_get(&c, c.iid, 0xfffffff0u, &d), ERR_NOT_FOUND,
	    "finns inte", "GET of no participation") != 0 ||
	    dl_refused(dl_aterkalla(&c, c.iid, dd, ""), ERR_NOT_FOUND,
	    "finns inte i insatsen", "withdrawal in another insats") != 0 ||
	    dl_refused(dl_get(&c, c.iid2, dd, &d), ERR_FORBIDDEN, NULL,
	    "GET in an insats without uppdrag") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u",
	    mark) == 0, "refused reads left audit rows");
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande WHERE id = %u"
	    " AND person_id IS NOT NULL AND slutdatum IS NULL", dd) == 1,
	    "the other insats's participation changed");
	rv = 0;
out:
	msg_clear(MSG_DELTAGARE, &d);
	return dl_end(&c, rv);
}

/*
 * Rule 36: a user who is not a deltagaransvarig with an uppdrag on the
 * insats is refused all five personal-data requests, sees nothing,
 * changes nothing and leaves no audit_person row.
 */
static int
forbidden_for(const char *user)
{
	struct fx_case			 c;
	struct msg_deltagare_list	 l;
	struct msg_deltagare		 d;
	struct msg_person		 p;
	struct msg_deltagare_save	 sv;
	uint32_t			 a, mark, gmark, steget;
	int				 rv = -1;

	memset(&l, 0, sizeof l);
	memset(&d, 0, sizeof d);
	memset(&p, 0, sizeof p);
	memset(&sv, 0, sizeof sv);
	if (dl_begin(&c, user) != 0 || (a = dl_deltagande(c.iid, FX_A)) == 0)
		goto out;
	steget = integ_sql_u32("SELECT i.id FROM insats i JOIN samverkansorg s"
	    " ON s.id = i.samverkansorg_id WHERE s.namn = '" GBG "'"
	    " AND i.namn = '" STEGET "'");
	CHECK(integ_sql_u32("SELECT count(*) FROM uppdrag u JOIN anvandare a"
	    " ON a.id = u.anvandare_id WHERE a.username = '%s'"
	    " AND u.insats_id IN (%u, %u)", user, c.iid, steget) == 0,
	    "%s has an uppdrag on the insats", user);
	mark = dl_audit_mark();
	gmark = integ_sql_u32("SELECT coalesce(max(id), 0) FROM gallring");
	sv.insats_id = c.iid;
	sv.deltagande_id = a;
	sv.tillfalle.typ = FRAGA_UT;
	sv.tillfalle.datum = "2024-06-01";
	if (dl_refused(dl_search(&c, c.iid, DELTAGARE_S_ALLA, "", 0, 0, &l),
	    ERR_FORBIDDEN, NULL, "DELTAGARE_SEARCH") != 0 ||
	    dl_refused(dl_search(&c, steget, DELTAGARE_S_ALLA, "", 0, 0, &l),
	    ERR_FORBIDDEN, NULL, "DELTAGARE_SEARCH on " STEGET) != 0 ||
	    dl_refused(dl_get(&c, c.iid, a, &d), ERR_FORBIDDEN, NULL,
	    "DELTAGARE_GET") != 0 ||
	    dl_refused(dl_lookup(&c, c.iid, dl_fx[FX_A].pnr, &p),
	    ERR_FORBIDDEN, NULL, "PERSON_LOOKUP") != 0 ||
	    dl_refused(integ_call(&c.cn, MSG_DELTAGARE_SAVE, &sv, MSG_OK, NULL),
	    ERR_FORBIDDEN, NULL, "DELTAGARE_SAVE") != 0 ||
	    dl_refused(dl_aterkalla(&c, c.iid, a, ""), ERR_FORBIDDEN, NULL,
	    "SAMTYCKE_ATERKALLA") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u",
	    mark) == 0, "%s: refused requests left audit_person rows", user);
	CHECK(integ_sql_u32("SELECT count(*) FROM gallring WHERE id > %u",
	    gmark) == 0, "%s: a refused withdrawal stripped", user);
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande WHERE id = %u"
	    " AND person_id IS NOT NULL AND slutdatum IS NULL", a) == 1,
	    "%s: the participation changed", user);
	rv = 0;
out:
	msg_clear(MSG_DELTAGARE_LIST, &l);
	msg_clear(MSG_DELTAGARE, &d);
	msg_clear(MSG_PERSON, &p);
	return dl_end(&c, rv);
}

/* Another deltagaransvarig, without an uppdrag here. */
static int
deltagare_forbidden_deltagaransvarig(void)
{
	if (integ_sql_u32("SELECT count(*) FROM anvandare_roll r JOIN"
	    " anvandare a ON a.id = r.anvandare_id WHERE a.username = 'slund'"
	    " AND r.roll = 'deltagaransvarig'") != 1)
		return fail("slund is not a deltagaransvarig");
	return forbidden_for("slund");
}

static int
deltagare_forbidden_insatsansvarig(void)
{
	return forbidden_for("insatsansv");
}

static int
deltagare_forbidden_samverkansadmin(void)
{
	return forbidden_for("samadm");
}

/* Rule 34: "Hämta" of a protected person says what to do, and no more. */
static int
person_lookup_protected(void)
{
	struct fx_case		 c;
	struct msg_person	 p;
	uint32_t		 mark;
	int			 rv = -1;

	memset(&p, 0, sizeof p);
	if (dl_begin(&c, "deltagaransv") != 0)
		goto out;
	mark = dl_audit_mark();
	if (dl_refused(dl_lookup(&c, c.iid, PNR_SKYDDAD, &p), ERR_VALIDATION,
	    "registrera som anonym deltagare", "protected") != 0 ||
	    dl_refused(dl_lookup(&c, c.iid, "791110-9291", &p), ERR_VALIDATION,
	    "skyddade personuppgifter", "protected, ten digits") != 0)
		goto out;
	CHECK(strstr(integ_last_err, "Skyddad") == NULL, "the refusal "
	    "names the person: %s", integ_last_err);
	CHECK(integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u",
	    mark) == 0, "a refused lookup left audit rows");
	rv = 0;
out:
	msg_clear(MSG_PERSON, &p);
	return dl_end(&c, rv);
}

/* One lookup that must succeed, with its one audit row; 0 or -1. */
static int
lookup_ok(struct fx_case *c, const char *typed, const char *pnr,
    struct msg_person *p)
{
	uint32_t	mark = dl_audit_mark();

	if (integ_accepted(dl_lookup(c, c->iid, typed, p), typed) != 0)
		return -1;
	if (strcmp(p->personnummer, pnr) != 0)
		return fail("%s: personnummer %s", typed, p->personnummer);
	if (dl_audit_rows(c, mark, "las", "Hämta personuppgifter", NULL,
	    1) != 0)
		return -1;
	if (integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u"
	    " AND pnr_hash = pnr_hash('%s') AND person_id IS NOT DISTINCT FROM"
	    " (SELECT id FROM person WHERE personnummer = '%s')", mark, pnr,
	    pnr) != 1)
		return fail("%s: the audit row names another person", typed);
	return 0;
}

/*
 * Rule 39: "Hämta" gives what the register holds (Stockholm and
 * Göteborg asking for a stadsdel when it holds none), else what an
 * earlier registration by hand in the insats holds, else nothing but
 * kön and year; the person's participations in the insats come with it.
 */
static int
person_lookup_register(void)
{
	struct fx_case		 c;
	struct msg_person	 p;
	uint32_t		 h, mark;
	int			 rv = -1;

	memset(&p, 0, sizeof p);
	if (dl_begin(&c, "deltagaransv") != 0 ||
	    (h = dl_deltagande(c.iid, FX_H)) == 0)
		goto out;
	if (lookup_ok(&c, PNR_ASA, PNR_ASA, &p) != 0)
		goto out;
	CHECK(p.i_register && strcmp(p.namn, "Åsa Lindqvist") == 0 &&
	    strcmp(p.kommunkod, "1480") == 0 && strcmp(p.kommun,
	    "Göteborg") == 0 && strcmp(p.stadsdel, "Nordost") == 0 &&
	    p.stadsdel_id != 0 && !p.stadsdel_kravs && !p.samordningsnummer &&
	    strcmp(p.kon, "Kvinna") == 0 && p.fodelsear == 1962 &&
	    p.ndeltaganden == 0, "register person: %u %s %s %s %s kräver %u "
	    "%s %u, %u deltaganden", p.i_register, p.namn, p.kommunkod,
	    p.kommun, p.stadsdel, p.stadsdel_kravs, p.kon, p.fodelsear,
	    p.ndeltaganden);
	if (lookup_ok(&c, "620112-2808", PNR_ASA, &p) != 0)
		goto out;
	CHECK(strcmp(p.namn, "Åsa Lindqvist") == 0, "ten digits: %s", p.namn);
	if (lookup_ok(&c, PNR_BRITT, PNR_BRITT, &p) != 0)
		goto out;
	CHECK(p.i_register && strcmp(p.kommunkod, "0180") == 0 &&
	    strcmp(p.kommun, "Stockholm") == 0 && p.stadsdel_id == 0 &&
	    p.stadsdel_kravs, "Stockholm without stadsdel: %s %s %u kräver %u",
	    p.kommunkod, p.kommun, p.stadsdel_id, p.stadsdel_kravs);
	if (lookup_ok(&c, dl_fx[FX_H].pnr, dl_fx[FX_H].pnr, &p) != 0)
		goto out;
	CHECK(!p.i_register && strcmp(p.namn, dl_fx[FX_H].namn) == 0 &&
	    strcmp(p.kommun, "Göteborg") == 0 && strcmp(p.stadsdel,
	    "Hisingen") == 0 && !p.stadsdel_kravs && strcmp(p.kon, "Man") == 0
	    && p.fodelsear == 1991, "registered by hand: %u %s %s %s",
	    p.i_register, p.namn, p.kommun, p.stadsdel);
	CHECK(p.ndeltaganden == 1 && p.deltaganden[0].deltagande_id == h &&
	    p.deltaganden[0].personnummer[0] == '\0' && strcmp(
	    p.deltaganden[0].startdatum, dl_fx[FX_H].start) == 0 &&
	    p.deltaganden[0].slutdatum[0] == '\0', "participations: %u",
	    p.ndeltaganden);
	/* Registered by hand in an insats without uppdrag: none of it shows. */
	if (dl_deltagande(c.iid2, FX_D) == 0 ||
	    lookup_ok(&c, dl_fx[FX_D].pnr, dl_fx[FX_D].pnr, &p) != 0)
		goto out;
	CHECK(!p.i_register && p.namn[0] == '\0' && p.kommunkod[0] == '\0' &&
	    p.ndeltaganden == 0, "registered by hand in another insats: %u "
	    "'%s' '%s', %u deltaganden", p.i_register, p.namn, p.kommunkod,
	    p.ndeltaganden);
	if (lookup_ok(&c, PNR_OKAND, PNR_OKAND, &p) != 0)
		goto out;
	CHECK(!p.i_register && p.namn[0] == '\0' && p.kommunkod[0] == '\0' &&
	    !p.stadsdel_kravs && strcmp(p.kon, "Kvinna") == 0 &&
	    p.fodelsear == 2015 && p.ndeltaganden == 0, "unknown person: %u "
	    "'%s' '%s' %s %u", p.i_register, p.namn, p.kommunkod, p.kon,
	    p.fodelsear);
	if (lookup_ok(&c, SNR_K, SNR_K, &p) != 0)
		goto out;
	CHECK(p.samordningsnummer && p.fodelsear == 1989 && strcmp(p.kon,
	    "Kvinna") == 0, "samordningsnummer: %u %u %s",
	    p.samordningsnummer, p.fodelsear, p.kon);
	mark = dl_audit_mark();
	if (dl_refused(dl_lookup(&c, c.iid, "196201122809", &p), ERR_VALIDATION,
	    NULL, "wrong check digit") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM audit_person WHERE id > %u",
	    mark) == 0, "a refused lookup left audit rows");
	rv = 0;
out:
	msg_clear(MSG_PERSON, &p);
	return dl_end(&c, rv);
}

const struct integ_case cases_deltagare[] = {
	{ "main", "deltagare_list_masked", deltagare_list_masked },
	{ "main", "deltagare_list_filter", deltagare_list_filter },
	{ "main", "deltagare_list_cap", deltagare_list_cap },
	{ "main", "deltagare_get_view", deltagare_get_view },
	{ "main", "deltagare_get_other_insats", deltagare_get_other_insats },
	{ "main", "deltagare_forbidden_deltagaransvarig",
	    deltagare_forbidden_deltagaransvarig },
	{ "main", "deltagare_forbidden_insatsansvarig",
	    deltagare_forbidden_insatsansvarig },
	{ "main", "deltagare_forbidden_samverkansadmin",
	    deltagare_forbidden_samverkansadmin },
	{ "main", "person_lookup_protected", person_lookup_protected },
	{ "main", "person_lookup_register", person_lookup_register },
	{ "main", "samtycke_withdraw_current", samtycke_withdraw_current },
	{ "main", "samtycke_withdraw_ended", samtycke_withdraw_ended },
	{ "main", "samtycke_withdraw_datum", samtycke_withdraw_datum },
	{ NULL, NULL, NULL }
};
