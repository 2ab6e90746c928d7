/*
 * Registrera deltagare (domain.md 2.6(a), 8; rules 32-45) through the
 * real protocol: each rule refused with its sentence and nothing stored,
 * each kind of save stored as sent, with exactly one audit_person 'skriv'
 * row per save, and no refusal repeating the personnummer.
 *
 * The cases make their own insatser (and an organisation of their own,
 * with questions of every answer type) through psql, named "Integ dsave
 * ...", each with an uppdrag for deltagaransv but one. Participations
 * cannot be deleted through the schema, so the clean-up runs with
 * triggers off (session_replication_role = replica), which only the
 * superuser may; audit_person rows stay, as they must. Only official
 * test numbers (tests/data) are used. Here: the fixtures and helpers,
 * the nyinregistrering and who may make it; deltagare_tillfalle.c has
 * the occasions of a stored participation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deltagare_save_int.h"
#include "proto.h"

#define FX_INSATS	"(SELECT id FROM insats WHERE namn LIKE '" FX "%%')"
#define FX_DELT		"(SELECT id FROM deltagande WHERE insats_id IN " \
			FX_INSATS " OR id = %u)"
#define P_ALL		"'" P_ASA "','" P_ORJAN "','" P_BRITT "','" \
			P_KARIN "','" P_SKYDD "','" P_MIKAEL "','" P_HAND \
			"','" P_SAMO "'"

static const struct {
	const char	*namn, *org, *start, *slut;
	int		 uppdrag;
} fx_table[FX__COUNT] = {
	[FX_OPEN] = { FX " öppen", GBG, "2023-01-01", "NULL", 1 },
	[FX_OTHER] = { FX " andra", GBG, "2023-01-01", "NULL", 1 },
	[FX_ENDED] = { FX " avslutad", GBG, "2020-01-01", "'2021-06-30'", 1 },
	[FX_NOUPP] = { FX " utan uppdrag", GBG, "2023-01-01", "NULL", 0 },
	[FX_EARLY] = { FX " tidig", FX_ORG, "2021-01-01", "NULL", 1 },
	[FX_OWN] = { FX " egen", FX_ORG, "2022-03-01", "NULL", 1 },
};

struct ds_known	ds_k;

static int
fx_clean(void)
{
	return integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " DELETE FROM fraga_svar WHERE deltagande_id IN " FX_DELT ";"
	    " DELETE FROM mattillfalle_forsorjning WHERE deltagande_id IN "
	    FX_DELT "; DELETE FROM mattillfalle WHERE deltagande_id IN "
	    FX_DELT "; DELETE FROM deltagande WHERE id IN " FX_DELT ";"
	    " DELETE FROM person p WHERE p.personnummer IN (" P_ALL ")"
	    " AND NOT EXISTS (SELECT 1 FROM deltagande d"
	    " WHERE d.person_id = p.id);"
	    " DELETE FROM uppdrag WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM insats_malgrupp WHERE insats_id IN " FX_INSATS ";"
	    " DELETE FROM insats WHERE namn LIKE '" FX "%%';"
	    " DELETE FROM fraga_alternativ WHERE fraga_id IN (SELECT id FROM"
	    " fraga WHERE namn LIKE '" FX "%%');"
	    " DELETE FROM fraga WHERE namn LIKE '" FX "%%';"
	    " DELETE FROM samverkansorg WHERE namn = '" FX_ORG "'",
	    ds_k.steget_did, ds_k.steget_did, ds_k.steget_did, ds_k.steget_did);
}

/* The own organisation and its questions; 0 or -1. */
static int
fx_org(void)
{
	return integ_sql(NULL, 0, "INSERT INTO samverkansorg (namn,"
	    " samverkansform_id, startdatum) SELECT '" FX_ORG "',"
	    " (SELECT min(id) FROM samverkansform), DATE '2022-01-01';"
	    " INSERT INTO fraga (samverkansorg_id, namn, giltig_from,"
	    " giltig_tom, mattillfalle, svarstyp, obligatorisk, ordning)"
	    " SELECT s.id, v.n, v.f::date, v.t::date, v.m, v.s, v.o, v.ord"
	    " FROM samverkansorg s, (VALUES"
	    " ('" Q_JANEJ "', '2022-01-01', NULL, 'in', 'janej', true, 1),"
	    " ('" Q_FLERVAL "', '2022-01-01', NULL, 'bada', 'flerval', false,"
	    " 2), ('" Q_HELTAL "', '2022-01-01', NULL, 'in', 'heltal', false,"
	    " 3), ('" Q_ENVAL "', '2022-01-01', NULL, 'ut', 'enval', true, 4),"
	    " ('" Q_GAMMAL "', '2022-01-01', '2022-12-31', 'in', 'janej',"
	    " true, 5)) AS v(n, f, t, m, s, o, ord)"
	    " WHERE s.namn = '" FX_ORG "';"
	    " INSERT INTO fraga_alternativ (fraga_id, text, ordning)"
	    " SELECT f.id, v.t, v.o FROM fraga f JOIN (VALUES"
	    " ('" Q_FLERVAL "', 'Alfa', 1), ('" Q_FLERVAL "', 'Beta', 2),"
	    " ('" Q_FLERVAL "', 'Gamma', 3), ('" Q_ENVAL "', 'Ja, helt', 1),"
	    " ('" Q_ENVAL "', 'Nej, inte alls', 2)) AS v(q, t, o)"
	    " ON f.namn = v.q");
}

/* Makes fixture k, categorised, with its uppdrag; its id or 0. */
static uint32_t
fx_make(enum fx_kind k)
{
	return integ_sql_u32("SET session_replication_role = %s;"
	    " WITH i AS (INSERT INTO insats (samverkansorg_id, namn,"
	    " startdatum, slutdatum, inriktning_id, preciserad_id,"
	    " matningsmetod_id) SELECT s.id, '%s', DATE '%s', %s::date,"
	    " (SELECT id FROM kod WHERE lista = 'inriktning' AND kod ="
	    " 'INDIVID'), (SELECT id FROM kod WHERE lista ="
	    " 'preciserad_inriktning' AND kod = 'REHAB'), (SELECT id FROM kod"
	    " WHERE lista = 'matningsmetod' AND kod = 'PERSON')"
	    " FROM samverkansorg s WHERE s.namn = '%s' RETURNING id),"
	    " m AS (INSERT INTO insats_malgrupp (insats_id, malgrupp_id)"
	    " SELECT i.id, k.id FROM i, kod k WHERE k.lista = 'malgrupp'"
	    " AND k.kod = 'UNGA'),"
	    " u AS (INSERT INTO uppdrag (anvandare_id, roll, insats_id,"
	    " giltig_from) SELECT a.id, 'deltagaransvarig', i.id,"
	    " current_date - 1 FROM i, anvandare a WHERE %d = 1"
	    " AND a.username = 'deltagaransv')"
	    " SELECT id FROM i", k == FX_EARLY ? "replica" : "origin",
	    fx_table[k].namn, fx_table[k].start, fx_table[k].slut,
	    fx_table[k].org, fx_table[k].uppdrag);
}

/* The codes and dates every case uses; 0 or -1. */
static int
codes_load(void)
{
	char	out[512], dates[64];

	if (integ_sql(out, sizeof out, "SELECT string_agg(k.id::text, ' '"
	    " ORDER BY v.o) FROM (VALUES ('forsorjning', 'AKASSA', 1),"
	    " ('forsorjning', 'INGEN', 2), ('forsorjning', 'SJUKPENNING', 3),"
	    " ('sysselsattning', 'ARBETE', 4),"
	    " ('sysselsattning', 'ARBETSSOKANDE', 5),"
	    " ('sysselsattning', 'INGEN', 6), ('utbildningsniva', 'GYMN', 7),"
	    " ('tid_forsorjning', 'UNDER_1', 8),"
	    " ('avslutsanledning', 'ENLIGT_PLAN', 9),"
	    " ('avslutsanledning', 'FELREGISTRERING', 10),"
	    " ('avslutsanledning', 'SAMTYCKE_ATERKALLAT', 11)) AS v(l, k, o)"
	    " JOIN kod k ON k.lista = v.l AND k.kod = v.k") != 0 ||
	    integ_sql(dates, sizeof dates, "SELECT current_date || ' ' ||"
	    " (current_date + 1)") != 0)
		return -1;
	if (sscanf(out, "%u %u %u %u %u %u %u %u %u %u %u", &ds_k.akassa,
	    &ds_k.ingen_f, &ds_k.sjukpenning, &ds_k.arbete, &ds_k.sokande,
	    &ds_k.ingen_s, &ds_k.gymn, &ds_k.under1, &ds_k.plan,
	    &ds_k.felreg, &ds_k.aterkallat) != 11 ||
	    sscanf(dates, "%15s %15s", ds_k.today, ds_k.tomorrow) != 2)
		return fail("codes: %s / %s", out, dates);
	return 0;
}

/* Cleans, makes every fixture and logs in as user; 0 or -1. */
int
ds_begin(struct conn *cn, const char *user)
{
	int	k;

	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
	ds_k.steget_did = 0;
	if (fx_clean() != 0 || fx_org() != 0 || codes_load() != 0)
		return -1;
	for (k = 0; k < FX__COUNT; k++) {
		if ((ds_k.iid[k] = fx_make((enum fx_kind)k)) == 0)
			return -1;
	}
	return case_login(cn, user) != 0 ? -1 : 0;
}

int
ds_end(struct conn *cn, int rv)
{
	if (fx_clean() != 0)
		rv = -1;
	if (cn->fd != -1)
		conn_close(cn);
	return rv;
}

/* A nyinregistrering that passes every rule, for the case to spoil. */
void
ds_req_in(struct req *r, enum fx_kind k, const char *pnr, const char *start)
{
	memset(r, 0, sizeof *r);
	r->q.insats_id = ds_k.iid[k];
	r->q.personnummer = (char *)pnr;
	r->q.namn = r->q.kommunkod = r->q.samtycke_datum = "";
	r->q.samtycke = 1;
	r->q.tillfalle.typ = FRAGA_IN;
	r->q.tillfalle.datum = (char *)start;
	r->fors[0].id = ds_k.akassa;
	r->q.tillfalle.forsorjning = r->fors;
	r->q.tillfalle.nforsorjning = 1;
	r->q.tillfalle.sysselsattning_id = ds_k.sokande;
	r->q.tillfalle.utbildning_id = ds_k.gymn;
	r->q.tillfalle.tid_id = ds_k.under1;
	r->q.tillfalle.svar = r->svar;
	r->q.tillfalle.andrad = r->q.tillfalle.andrad_av = "";
}

/* An utregistrering (andrad "") or a correction of one. */
void
ds_req_ut(struct req *r, enum fx_kind k, uint32_t did, const char *slut,
    const char *andrad)
{
	ds_req_in(r, k, "", slut);
	r->q.deltagande_id = did;
	r->q.samtycke = 0;
	r->q.tillfalle.typ = FRAGA_UT;
	r->q.tillfalle.avslut_id = ds_k.plan;
	r->q.tillfalle.andrad = (char *)andrad;
}

void
ds_svar(struct req *r, uint32_t fid, uint32_t alt, int har_heltal,
    uint32_t heltal, int ja)
{
	struct svar_row	*a = &r->svar[r->q.tillfalle.nsvar++];

	a->fraga_id = fid;
	a->alternativ_id = alt;
	a->har_heltal = (uint8_t)har_heltal;
	a->heltal = heltal;
	a->ja = (uint8_t)ja;
}

/* MSG_DELTAGARE_SAVE; as integ_call(). */
int
ds_save(struct conn *cn, struct req *r)
{
	return integ_call(cn, MSG_DELTAGARE_SAVE, &r->q, MSG_OK, NULL);
}

/* Expects a refusal holding text that repeats none of the numbers. */
int
ds_refuse(struct conn *cn, struct req *r, uint32_t code, const char *text,
    const char *what)
{
	static const char *const all[] = { P_ASA, P_ORJAN, P_BRITT, P_KARIN,
	    P_SKYDD, P_MIKAEL, P_HAND, P_SAMO };
	size_t	i;

	if (integ_refused(ds_save(cn, r), code, text, what) != 0)
		return -1;
	for (i = 0; i < sizeof all / sizeof all[0]; i++) {
		/* Neither the twelve digits nor the ten, nor the last four. */
		if (strstr(integ_last_err, all[i] + 2) != NULL ||
		    strstr(integ_last_err, all[i] + 8) != NULL)
			return fail("%s: the refusal names a number: %s", what,
			    integ_last_err);
	}
	return 0;
}

/* Expects OK with message msg (unless NULL); the id goes to *did. */
int
ds_accept(struct conn *cn, struct req *r, const char *msg, uint32_t *did,
    const char *what)
{
	if (integ_accepted(ds_save(cn, r), what) != 0)
		return -1;
	if (msg != NULL && strcmp(integ_last_ok, msg) != 0)
		return fail("%s: OK said \"%s\", want \"%s\"", what,
		    integ_last_ok, msg);
	if (did != NULL)
		*did = integ_last_ok_id;
	return integ_last_ok_id != 0 ? 0 : fail("%s: OK without id", what);
}

/* The audit_person 'skriv' rows of a participation, all of a session. */
uint32_t
ds_skriv(uint32_t did)
{
	return integ_sql_u32("SELECT count(*) FROM audit_person a JOIN"
	    " deltagande d ON d.id = a.deltagande_id WHERE a.deltagande_id ="
	    " %u AND a.action = 'skriv' AND a.purpose = 'Registrera deltagare'"
	    " AND a.session_id IS NOT NULL AND a.pnr_hash IS NOT NULL"
	    " AND a.person_id = d.person_id AND a.insats_id = d.insats_id"
	    " AND a.anvandare_id = (SELECT id FROM anvandare"
	    " WHERE username = 'deltagaransv')", did);
}

/* Participations of a person (by number) in fixture k. */
uint32_t
ds_delt(enum fx_kind k, const char *pnr)
{
	return integ_sql_u32("SELECT count(*) FROM deltagande d JOIN person p"
	    " ON p.id = d.person_id WHERE d.insats_id = %u AND"
	    " p.personnummer = '%s'", ds_k.iid[k], pnr);
}

/* The version of an occasion, as the person's view sends it. */
int
ds_version(uint32_t did, const char *typ, char *out, size_t len)
{
	if (integ_sql(out, len, "SELECT to_char(updated_at, 'YYYY-MM-DD"
	    " HH24:MI:SS.US') FROM mattillfalle WHERE deltagande_id = %u"
	    " AND typ = '%s'", did, typ) != 0)
		return -1;
	return out[0] != '\0' ? 0 : fail("no %s occasion for %u", typ, did);
}

uint32_t
ds_fraga(const char *namn)
{
	return integ_sql_u32("SELECT id FROM fraga WHERE namn = '%s'", namn);
}

/* Rules 32, 34 and the number: no consent, bad numbers, protected. */
static int
dsave_pnr_consent(void)
{
	struct conn	cn;
	struct req	r;
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, P_HAND, "2023-02-01");
	r.q.namn = "Integ Handsson";
	r.q.kommunkod = "1280";
	r.q.samtycke = 0;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "blankett 9443", "no consent"))
		goto out;
	/* The number is checked first: a wrong one names the number. */
	r.q.personnummer = "198412099297";
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "fel kontrollsiffra",
	    "check digit, no consent"))
		goto out;
	r.q.samtycke = 1;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "fel kontrollsiffra",
	    "check digit") != 0)
		goto out;
	r.q.personnummer = "841209929";
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "bara 9 siffror", "nine digits"))
		goto out;
	r.q.personnummer = "19841209929";
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "11 siffror", "eleven digits"))
		goto out;
	r.q.personnummer = "";
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Ange personnummer", "none"))
		goto out;
	/* Rule 34: only where to go, nothing about the person. */
	ds_req_in(&r, FX_OPEN, P_SKYDD, "2023-02-01");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Registrera anonyma deltagare",
	    "skyddad") != 0)
		goto out;
	CHECK(strstr(integ_last_err, "Skyddad") == NULL &&
	    strstr(integ_last_err, "skyddad") == NULL,
	    "the refusal tells more: %s", integ_last_err);
	r.q.samtycke = 0;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "9443", "skyddad, no consent"))
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM person WHERE personnummer"
	    " IN ('" P_HAND "', '" P_SKYDD "')") == 0 &&
	    integ_sql_u32("SELECT count(*) FROM deltagande WHERE insats_id ="
	    " %u", ds_k.iid[FX_OPEN]) == 0, "a refusal stored something");
	rv = 0;
out:
	return ds_end(&cn, rv);
}

/* A register person: namn, kommun, stadsdel from the register. */
static int
dsave_register_person(void)
{
	struct conn	cn;
	struct req	r;
	uint32_t	did, did2;
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, "620112-2808", "2023-02-01");
	r.q.namn = "Fel Namn";
	r.q.kommunkod = "1280";
	r.fors[1].id = ds_k.ingen_f;
	r.q.tillfalle.nforsorjning = 2;
	if (ds_accept(&cn, &r, "Deltagaren är inregistrerad.", &did,
	    "register person") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande d JOIN person p"
	    " ON p.id = d.person_id JOIN stadsdel sd ON sd.id = p.stadsdel_id"
	    " WHERE d.id = %u AND d.insats_id = %u AND p.personnummer = '"
	    P_ASA "' AND p.namn = 'Åsa Lindqvist' AND p.kommunkod = '1480'"
	    " AND sd.namn = 'Nordost' AND kod_kod(d.kon_id) = 'K'"
	    " AND d.fodelsear = 1962 AND d.samtycke AND d.samtycke_datum ="
	    " current_date AND d.startdatum = '2023-02-01' AND d.slutdatum IS"
	    " NULL AND d.registrerad_av = (SELECT id FROM anvandare WHERE"
	    " username = 'deltagaransv')", did, ds_k.iid[FX_OPEN]) == 1,
	    "participation %u not stored from the register", did);
	CHECK(integ_sql_u32("SELECT count(*) FROM mattillfalle WHERE"
	    " deltagande_id = %u AND typ = 'in' AND sysselsattning_id = %u"
	    " AND omfattning IS NULL AND utbildning_id = %u AND tid_id = %u"
	    " AND avslut_id IS NULL AND skapad_av = andrad_av", did,
	    ds_k.sokande, ds_k.gymn, ds_k.under1) == 1,
	    "in-occasion not as sent");
	CHECK(integ_sql_u32("SELECT count(*) FROM mattillfalle_forsorjning"
	    " WHERE deltagande_id = %u AND typ = 'in' AND forsorjning_id IN"
	    " (%u, %u)", did, ds_k.akassa, ds_k.ingen_f) == 2, "försörjning");
	CHECK(ds_skriv(did) == 1, "%u audit rows for one save", ds_skriv(did));
	/* A man; the consent date as given. */
	ds_req_in(&r, FX_OPEN, P_ORJAN, "2023-03-01");
	r.q.samtycke_datum = "2023-02-20";
	if (ds_accept(&cn, &r, NULL, &did2, "register man") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande WHERE id = %u"
	    " AND kod_kod(kon_id) = 'M' AND fodelsear = 1962 AND"
	    " samtycke_datum = '2023-02-20'", did2) == 1, "kön M, samtycke");
	CHECK(ds_skriv(did2) == 1, "audit rows for the second save");
	rv = 0;
out:
	return ds_end(&cn, rv);
}

/* Rule 39: typed namn and kommun; stadsdel for Göteborg and Stockholm. */
static int
dsave_hand_typed(void)
{
	struct conn	cn;
	struct req	r;
	uint32_t	did, nordost, bromma;
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	nordost = integ_sql_u32("SELECT id FROM stadsdel WHERE kommunkod ="
	    " '1480' AND namn = 'Nordost' AND giltig_tom IS NULL");
	bromma = integ_sql_u32("SELECT id FROM stadsdel WHERE kommunkod ="
	    " '0180' AND namn = 'Bromma' AND giltig_tom IS NULL");
	ds_req_in(&r, FX_OPEN, P_SAMO, "2023-02-01");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Ange namn", "no namn") != 0)
		goto out;
	r.q.namn = "Integ Samordnadotter";
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Ange folkbokföringskommun",
	    "no kommun") != 0)
		goto out;
	r.q.kommunkod = "9999";
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Kommunen finns inte", "kommun"))
		goto out;
	r.q.kommunkod = "1480";
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Välj stadsdel", "no stadsdel"))
		goto out;
	CHECK(strstr(integ_last_err, "Göteborg") != NULL, "%s",
	    integ_last_err);
	r.q.stadsdel_id = bromma;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "hör inte till Göteborg",
	    "stadsdel of Stockholm") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM person WHERE personnummer"
	    " = '" P_SAMO "'") == 0, "a refusal stored the person");
	r.q.stadsdel_id = nordost;
	if (ds_accept(&cn, &r, NULL, &did, "samordningsnummer") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande d JOIN person p"
	    " ON p.id = d.person_id WHERE d.id = %u AND p.namn ="
	    " 'Integ Samordnadotter' AND p.kommunkod = '1480' AND"
	    " p.stadsdel_id = %u AND kod_kod(d.kon_id) = 'K' AND"
	    " d.fodelsear = 2000", did, nordost) == 1, "typed person");
	CHECK(ds_skriv(did) == 1, "audit rows");
	/* Another kommun needs no stadsdel. */
	ds_req_in(&r, FX_OPEN, P_HAND, "2023-02-01");
	r.q.namn = "Integ Handsson";
	r.q.kommunkod = "1280";
	if (ds_accept(&cn, &r, NULL, &did, "Malmö by hand") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande d JOIN person p"
	    " ON p.id = d.person_id WHERE d.id = %u AND p.stadsdel_id IS NULL"
	    " AND kod_kod(d.kon_id) = 'M' AND d.fodelsear = 1984", did) == 1,
	    "Malmö person");
	/* In the register without a stadsdel: the request gives one. */
	ds_req_in(&r, FX_OPEN, P_BRITT, "2023-02-01");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Välj stadsdel", "Britt") != 0)
		goto out;
	CHECK(strstr(integ_last_err, "Stockholm") != NULL, "%s",
	    integ_last_err);
	r.q.stadsdel_id = bromma;
	if (ds_accept(&cn, &r, NULL, &did, "Britt with Bromma") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM person WHERE personnummer ="
	    " '" P_BRITT "' AND stadsdel_id = %u AND namn = 'Britt Ljungqvist'",
	    bromma) == 1, "Britt's stadsdel");
	rv = 0;
out:
	return ds_end(&cn, rv);
}

/* Rule 40 and today: startdatum and samtycke dates. */
static int
dsave_dates(void)
{
	struct conn	cn;
	struct req	r;
	uint32_t	did;
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, P_KARIN, "2022-12-31");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "före insatsens startdatum "
	    "2023-01-01", "before the insats") != 0)
		goto out;
	ds_req_in(&r, FX_EARLY, P_KARIN, "2021-06-01");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "före samverkansorganisationens "
	    "startdatum 2022-01-01", "before the organisation") != 0)
		goto out;
	ds_req_in(&r, FX_ENDED, P_KARIN, "2021-07-01");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "efter insatsens slutdatum "
	    "2021-06-30", "after the insats") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, P_KARIN, ds_k.tomorrow);
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Startdatum får inte vara "
	    "senare än i dag", "tomorrow"))
		goto out;
	ds_req_in(&r, FX_OPEN, P_KARIN, "2023-02-30");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "ÅÅÅÅ-MM-DD", "no such day"))
		goto out;
	ds_req_in(&r, FX_OPEN, P_KARIN, ds_k.today);
	r.q.samtycke_datum = ds_k.tomorrow;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "samtycket får inte vara senare",
	    "consent tomorrow") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM person WHERE personnummer ="
	    " '" P_KARIN "'") == 0, "a refused date stored the person");
	/* The first day of the organisation and today are fine. */
	ds_req_in(&r, FX_EARLY, P_KARIN, "2022-01-01");
	ds_svar(&r, ds_fraga(Q_JANEJ), 0, 0, 0, 1);
	ds_svar(&r, ds_fraga(Q_GAMMAL), 0, 0, 0, 0);
	if (ds_accept(&cn, &r, NULL, &did, "the organisation's first day") != 0)
		goto out;
	/* Göteborg's own question is asked from 2024 (schema/demo.sql). */
	ds_req_in(&r, FX_OPEN, P_KARIN, ds_k.today);
	ds_svar(&r, integ_sql_u32("SELECT id FROM fraga WHERE namn LIKE 'Har"
	    " deltagaren tidigare deltagit%%'"), 0, 0, 0, 1);
	if (ds_accept(&cn, &r, NULL, &did, "today") != 0)
		goto out;
	rv = 0;
out:
	return ds_end(&cn, rv);
}

/* Rules 45 and 3.5-3.9: the codes of an inregistrering. */
static int
dsave_codes(void)
{
	struct conn	cn;
	struct req	r;
	uint32_t	did;
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, P_ORJAN, "2023-02-01");
	r.q.tillfalle.nforsorjning = 0;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "minst en försörjningskälla",
	    "no försörjning") != 0)
		goto out;
	r.q.tillfalle.nforsorjning = 2;
	r.fors[1].id = ds_k.akassa;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "vald två gånger", "twice") != 0)
		goto out;
	r.fors[1].id = ds_k.arbete;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Försörjningskällan finns inte",
	    "a sysselsättning as försörjning") != 0)
		goto out;
	r.q.tillfalle.nforsorjning = 1;
	r.q.tillfalle.sysselsattning_id = 0;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Välj sysselsättning", "none"))
		goto out;
	r.q.tillfalle.sysselsattning_id = ds_k.arbete;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Omfattning saknas", "ARBETE"))
		goto out;
	r.q.tillfalle.omfattning = 101;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "högst 100 procent", "101 %"))
		goto out;
	r.q.tillfalle.sysselsattning_id = ds_k.ingen_s;
	r.q.tillfalle.omfattning = 50;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "har ingen omfattning", "INGEN"))
		goto out;
	r.q.tillfalle.sysselsattning_id = ds_k.arbete;
	r.q.tillfalle.utbildning_id = 0;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Välj utbildningsnivå", "utb"))
		goto out;
	r.q.tillfalle.utbildning_id = ds_k.gymn;
	r.q.tillfalle.tid_id = 0;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Välj tid i offentlig", "tid"))
		goto out;
	CHECK(ds_delt(FX_OPEN, P_ORJAN) == 0, "a refused code was stored");
	r.q.tillfalle.tid_id = ds_k.under1;
	if (ds_accept(&cn, &r, NULL, &did, "ARBETE 50 %") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM mattillfalle WHERE"
	    " deltagande_id = %u AND sysselsattning_id = %u AND omfattning ="
	    " 50", did, ds_k.arbete) == 1, "omfattning not stored");
	rv = 0;
out:
	return ds_end(&cn, rv);
}

/* The demo insats and its mandatory question (schema/demo.sql). */
static int
dsave_steget_vidare(void)
{
	struct conn	cn;
	struct req	r;
	uint32_t	steget, fid;
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	steget = integ_sql_u32("SELECT id FROM insats WHERE namn ="
	    " 'Steget vidare'");
	fid = integ_sql_u32("SELECT id FROM fraga WHERE namn LIKE 'Har"
	    " deltagaren tidigare deltagit%%'");
	ds_req_in(&r, FX_OPEN, P_MIKAEL, ds_k.today);
	r.q.insats_id = steget;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Obligatorisk fråga obesvarad: "
	    "Har deltagaren tidigare deltagit", "demo question") != 0)
		goto out;
	ds_svar(&r, fid, 0, 0, 0, 0);
	if (ds_accept(&cn, &r, NULL, &ds_k.steget_did, "Steget vidare") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga_svar WHERE"
	    " deltagande_id = %u AND fraga_id = %u AND NOT ja",
	    ds_k.steget_did, fid) == 1 && ds_skriv(ds_k.steget_did) == 1,
	    "Steget vidare's participation");
	rv = 0;
out:
	return ds_end(&cn, rv);
}

/* Rule 36: only a deltagaransvarig with an uppdrag on the insats. */
static int
dsave_who(void)
{
	static const char *const users[] = { "slund", "insatsansv", "samadm",
	    "admin" };
	struct conn	cn;
	struct req	r;
	uint32_t	steget;
	size_t		i;
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	steget = integ_sql_u32("SELECT id FROM insats WHERE namn ="
	    " 'Steget vidare'");
	CHECK(integ_sql_u32("SELECT count(*) FROM anvandare a JOIN"
	    " anvandare_roll r ON r.anvandare_id = a.id WHERE a.username ="
	    " 'slund' AND r.roll = 'deltagaransvarig' AND NOT EXISTS (SELECT 1"
	    " FROM uppdrag u WHERE u.anvandare_id = a.id)") == 1,
	    "slund is not a deltagaransvarig without uppdrag");
	ds_req_in(&r, FX_NOUPP, P_HAND, "2023-02-01");
	r.q.namn = "Integ Handsson";
	r.q.kommunkod = "1280";
	if (ds_refuse(&cn, &r, ERR_FORBIDDEN, NULL, "no uppdrag here") != 0)
		goto out;
	r.q.insats_id = steget;
	for (i = 0; i < sizeof users / sizeof users[0]; i++) {
		conn_close(&cn);
		if (case_login(&cn, users[i]) != 0)
			goto out;
		if (ds_refuse(&cn, &r, ERR_FORBIDDEN, NULL, users[i]) != 0)
			goto out;
	}
	CHECK(integ_sql_u32("SELECT count(*) FROM person WHERE personnummer ="
	    " '" P_HAND "'") == 0, "a forbidden save stored the person");
	rv = 0;
out:
	return ds_end(&cn, rv);
}

const struct integ_case cases_deltagare_save[] = {
	{ "main", "dsave_pnr_consent", dsave_pnr_consent },
	{ "main", "dsave_register_person", dsave_register_person },
	{ "main", "dsave_hand_typed", dsave_hand_typed },
	{ "main", "dsave_dates", dsave_dates },
	{ "main", "dsave_codes", dsave_codes },
	{ "main", "dsave_steget_vidare", dsave_steget_vidare },
	{ "main", "dsave_who", dsave_who },
	{ "main", "dsave_twice", dsave_twice },
	{ "main", "dsave_utregistrering", dsave_utregistrering },
	{ "main", "dsave_correct_in", dsave_correct_in },
	{ "main", "dsave_felregistrering", dsave_felregistrering },
	{ "main", "dsave_questions", dsave_questions },
	{ "main", "dsave_fragor", dsave_fragor },
	{ NULL, NULL, NULL }
};
