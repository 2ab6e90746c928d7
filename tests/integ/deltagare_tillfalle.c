/*
 * Registrera deltagare, the occasions of a stored participation (rules
 * 38, 41, 42, 44): utregistrering and Felregistrering, corrections
 * against the version read, a person several times and in several
 * insatser, the answers to the organisation's questions and the list of
 * those questions (MSG_DELTAGARE_FRAGOR). The fixtures and helpers are in
 * deltagare_save.c.
 */
#include <stdio.h>
#include <string.h>

#include "deltagare_save_int.h"
#include "proto.h"

/* Rule 38: several times in one insats and in two at once, no overlap. */
int
dsave_twice(void)
{
	struct conn	cn;
	struct req	r;
	uint32_t	d1, d2, d3;
	char		v[64];
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, P_ASA, "2023-02-01");
	if (ds_accept(&cn, &r, NULL, &d1, "first") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, P_ASA, "2023-06-01");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "sedan 2023-02-01 och är inte "
	    "utregistrerad", "open overlap") != 0)
		goto out;
	ds_req_in(&r, FX_OTHER, P_ASA, "2023-02-01");
	if (ds_accept(&cn, &r, NULL, &d3, "another insats at once") != 0)
		goto out;
	ds_req_ut(&r, FX_OPEN, d1, "2023-03-31", "");
	if (ds_accept(&cn, &r, "Deltagaren är utregistrerad.", NULL, "ut") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, P_ASA, "2023-03-15");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "2023-02-01–2023-03-31",
	    "closed overlap") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, P_ASA, "2023-05-01");
	if (ds_accept(&cn, &r, NULL, &d2, "second time") != 0)
		goto out;
	/* Moving the first one's end into the second is an overlap too. */
	if (ds_version(d1, "ut", v, sizeof v) != 0)
		goto out;
	ds_req_ut(&r, FX_OPEN, d1, "2023-06-30", v);
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "sedan 2023-05-01", "moved"))
		goto out;
	CHECK(ds_delt(FX_OPEN, P_ASA) == 2 && ds_delt(FX_OTHER, P_ASA) == 1,
	    "participations: %u and %u", ds_delt(FX_OPEN, P_ASA),
	    ds_delt(FX_OTHER, P_ASA));
	CHECK(integ_sql_u32("SELECT count(*) FROM person WHERE personnummer ="
	    " '" P_ASA "'") == 1, "one person for three participations");
	CHECK(ds_skriv(d1) == 2 && ds_skriv(d2) == 1 && ds_skriv(d3) == 1,
	    "audit rows %u %u %u", ds_skriv(d1), ds_skriv(d2), ds_skriv(d3));
	rv = 0;
out:
	return ds_end(&cn, rv);
}

/* Rules 41-42: utregistrering, its correction and the version. */
int
dsave_utregistrering(void)
{
	struct conn	cn;
	struct req	r;
	uint32_t	did, ended;
	char		v[64], v2[64];
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, P_ORJAN, "2023-02-01");
	if (ds_accept(&cn, &r, NULL, &did, "in") != 0)
		goto out;
	ds_req_ut(&r, FX_OPEN, did, "2023-01-15", "");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "före deltagandets startdatum "
	    "2023-02-01", "slut before start") != 0)
		goto out;
	ds_req_ut(&r, FX_OPEN, did, ds_k.tomorrow, "");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Slutdatum får inte vara "
	    "senare än i dag", "tomorrow"))
		goto out;
	ds_req_ut(&r, FX_OPEN, did, "2023-04-30", "");
	r.q.tillfalle.avslut_id = 0;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Välj avslutsanledning", "none"))
		goto out;
	r.q.tillfalle.avslut_id = ds_k.aterkallat;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Återkalla samtycke", "återk."))
		goto out;
	r.q.tillfalle.avslut_id = ds_k.plan;
	r.q.tillfalle.nforsorjning = 0;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "minst en", "no försörjning"))
		goto out;
	r.q.tillfalle.nforsorjning = 1;
	r.q.tillfalle.sysselsattning_id = 0;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Välj sysselsättning", "none"))
		goto out;
	r.q.tillfalle.sysselsattning_id = ds_k.sokande;
	r.q.tillfalle.andrad = "2023-01-01 00:00:00.000000";
	if (ds_refuse(&cn, &r, ERR_CONFLICT, "läs om", "version of none") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande WHERE id = %u"
	    " AND slutdatum IS NULL", did) == 1 && ds_skriv(did) == 1,
	    "a refused utregistrering was stored");
	r.q.tillfalle.andrad = "";
	if (ds_accept(&cn, &r, "Deltagaren är utregistrerad.", NULL, "ut") != 0)
		goto out;
	/* The in-only fields sent with it (utbildning, tid) are not kept. */
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande d JOIN"
	    " mattillfalle m ON m.deltagande_id = d.id AND m.typ = 'ut'"
	    " WHERE d.id = %u AND d.slutdatum = '2023-04-30' AND m.avslut_id"
	    " = %u AND m.utbildning_id IS NULL AND m.tid_id IS NULL",
	    did, ds_k.plan) == 1, "utregistrering not stored");
	CHECK(ds_skriv(did) == 2, "audit rows after ut: %u", ds_skriv(did));
	if (ds_refuse(&cn, &r, ERR_CONFLICT, "redan utregistrerad", "twice"))
		goto out;
	if (ds_version(did, "ut", v, sizeof v) != 0)
		goto out;
	ds_req_ut(&r, FX_OPEN, did, "2023-05-15", "2023-01-01 00:00:00.000000");
	r.fors[0].id = ds_k.ingen_f;
	if (ds_refuse(&cn, &r, ERR_CONFLICT, "Någon annan har ändrat "
	    "utregistreringen", "stale version") != 0)
		goto out;
	r.q.tillfalle.andrad = v;
	if (ds_accept(&cn, &r, "Utregistreringen är rättad.", NULL, "fix") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande WHERE id = %u"
	    " AND slutdatum = '2023-05-15'", did) == 1 && integ_sql_u32(
	    "SELECT count(*) FROM mattillfalle_forsorjning WHERE deltagande_id"
	    " = %u AND typ = 'ut'", did) == 1 && integ_sql_u32("SELECT count(*)"
	    " FROM mattillfalle_forsorjning WHERE deltagande_id = %u AND typ ="
	    " 'ut' AND forsorjning_id = %u", did, ds_k.ingen_f) == 1,
	    "correction not stored");
	if (ds_version(did, "ut", v2, sizeof v2) != 0)
		goto out;
	CHECK(strcmp(v, v2) != 0, "the version did not move");
	if (ds_refuse(&cn, &r, ERR_CONFLICT, "läs om", "the old version again"))
		goto out;
	CHECK(ds_skriv(did) == 3, "audit rows: %u", ds_skriv(did));
	/* An insats that has ended: not after its end. */
	ds_req_in(&r, FX_ENDED, P_ORJAN, "2021-01-10");
	if (ds_accept(&cn, &r, NULL, &ended, "in, ended insats") != 0)
		goto out;
	ds_req_ut(&r, FX_ENDED, ended, "2021-07-01", "");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "efter insatsens slutdatum "
	    "2021-06-30", "slut after the insats") != 0)
		goto out;
	rv = 0;
out:
	return ds_end(&cn, rv);
}

/* Rule 41: the inregistrering corrected; the person stays. */
int
dsave_correct_in(void)
{
	struct conn	cn;
	struct req	r;
	uint32_t	did;
	char		v[64], v2[64];
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, P_KARIN, "2023-02-01");
	if (ds_accept(&cn, &r, NULL, &did, "in") != 0 ||
	    ds_version(did, "in", v, sizeof v) != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, P_ASA, "2023-02-10");
	r.q.deltagande_id = did;
	r.q.samtycke = 0;
	r.fors[0].id = ds_k.sjukpenning;
	r.fors[1].id = ds_k.ingen_f;
	r.q.tillfalle.nforsorjning = 2;
	r.q.tillfalle.sysselsattning_id = ds_k.arbete;
	r.q.tillfalle.omfattning = 75;
	r.q.tillfalle.andrad = "2023-01-01 00:00:00.000000";
	if (ds_refuse(&cn, &r, ERR_CONFLICT, "Någon annan har ändrat "
	    "inregistreringen", "stale") != 0)
		goto out;
	r.q.tillfalle.andrad = "";
	if (ds_refuse(&cn, &r, ERR_CONFLICT, "Någon annan har ändrat "
	    "inregistreringen", "no version") != 0)
		goto out;
	r.q.tillfalle.andrad = v;
	if (ds_accept(&cn, &r, "Inregistreringen är rättad.", NULL, "fix") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande d JOIN person p"
	    " ON p.id = d.person_id JOIN mattillfalle m ON m.deltagande_id ="
	    " d.id AND m.typ = 'in' WHERE d.id = %u AND p.personnummer = '"
	    P_KARIN "' AND d.startdatum = '2023-02-10' AND m.omfattning = 75"
	    " AND (SELECT count(*) FROM mattillfalle_forsorjning f WHERE"
	    " f.deltagande_id = d.id AND f.typ = 'in' AND f.forsorjning_id IN"
	    " (%u, %u)) = 2 AND (SELECT count(*) FROM mattillfalle_forsorjning"
	    " f WHERE f.deltagande_id = d.id) = 2", did, ds_k.sjukpenning,
	    ds_k.ingen_f) == 1, "correction not stored, or the person changed");
	CHECK(ds_delt(FX_OPEN, P_ASA) == 0, "the number sent moved the person");
	if (ds_refuse(&cn, &r, ERR_CONFLICT, "läs om", "old version") != 0 ||
	    ds_version(did, "in", v2, sizeof v2) != 0)
		goto out;
	r.q.tillfalle.andrad = v2;
	r.q.tillfalle.datum = "2022-12-31";
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "före insatsens startdatum",
	    "moved before the insats") != 0)
		goto out;
	ds_req_ut(&r, FX_OPEN, did, "2023-03-01", "");
	if (ds_accept(&cn, &r, NULL, NULL, "ut") != 0)
		goto out;
	ds_req_in(&r, FX_OPEN, "", "2023-03-05");
	r.q.deltagande_id = did;
	r.q.tillfalle.andrad = v2;
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "efter deltagandets slutdatum "
	    "2023-03-01", "start after slut") != 0)
		goto out;
	/* Another insats's participation, and a stripped one. */
	r.q.insats_id = ds_k.iid[FX_OTHER];
	if (ds_refuse(&cn, &r, ERR_NOT_FOUND, "finns inte i insatsen", "other"))
		goto out;
	CHECK(ds_skriv(did) == 3, "audit rows: %u", ds_skriv(did));
	if (integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " UPDATE deltagande SET person_id = NULL, avidentifierad = now(),"
	    " avidentifierad_orsak = 'samtycke' WHERE id = %u", did) != 0)
		goto out;
	r.q.insats_id = ds_k.iid[FX_OPEN];
	r.q.tillfalle.datum = "2023-02-10";
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "avidentifierat", "stripped"))
		goto out;
	rv = 0;
out:
	return ds_end(&cn, rv);
}

/* Rule 42: Felregistrering needs no outcome and no mandatory answers. */
int
dsave_felregistrering(void)
{
	struct conn	cn;
	struct req	r;
	uint32_t	did;
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	ds_req_in(&r, FX_OWN, P_ASA, "2023-02-01");
	ds_svar(&r, ds_fraga(Q_JANEJ), 0, 0, 0, 1);
	if (ds_accept(&cn, &r, NULL, &did, "in") != 0)
		goto out;
	ds_req_ut(&r, FX_OWN, did, "2023-02-01", "");
	r.q.tillfalle.avslut_id = ds_k.felreg;
	r.q.tillfalle.nforsorjning = 0;
	r.q.tillfalle.sysselsattning_id = 0;
	if (ds_accept(&cn, &r, "Deltagaren är utregistrerad.", NULL,
	    "Felregistrering") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande_statistik s"
	    " JOIN mattillfalle m ON m.deltagande_id = s.id AND m.typ = 'ut'"
	    " WHERE s.id = %u AND s.avslutsanledning = 'FELREGISTRERING' AND"
	    " m.sysselsattning_id IS NULL AND m.omfattning IS NULL AND"
	    " s.forsorjning_efter = '{}' AND s.slutdatum = '2023-02-01'",
	    did) == 1, "Felregistrering not stored as sent");
	CHECK(ds_skriv(did) == 2, "audit rows: %u", ds_skriv(did));
	rv = 0;
out:
	return ds_end(&cn, rv);
}

/* Rule 44: answers to the organisation's questions of the occasion. */
int
dsave_questions(void)
{
	struct conn	cn;
	struct req	r;
	uint32_t	did, qj, qf, qh, qe, qg, alfa, gamma, ja;
	char		v[64];
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
#define AID(n, t) integ_sql_u32("SELECT a.id FROM fraga_alternativ a JOIN" \
	    " fraga f ON f.id = a.fraga_id WHERE f.namn = '" n "' AND" \
	    " a.text = '" t "'")
	qj = ds_fraga(Q_JANEJ);
	qf = ds_fraga(Q_FLERVAL);
	qh = ds_fraga(Q_HELTAL);
	qe = ds_fraga(Q_ENVAL);
	qg = ds_fraga(Q_GAMMAL);
	alfa = AID(Q_FLERVAL, "Alfa");
	gamma = AID(Q_FLERVAL, "Gamma");
	ja = AID(Q_ENVAL, "Ja, helt");
	ds_req_in(&r, FX_OWN, P_ORJAN, "2023-03-01");
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Obligatorisk fråga obesvarad: "
	    Q_JANEJ, "mandatory") != 0)
		goto out;
	ds_svar(&r, qj, 0, 0, 0, 1);
	ds_svar(&r, qe, ja, 0, 0, 0);
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "inte ställs vid "
	    "inregistreringen den 2023-03-01", "an ut question at in") != 0)
		goto out;
	r.svar[1] = (struct svar_row){ qg, 0, 0, 0, 1 };
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "inte ställs", "expired") != 0)
		goto out;
	r.svar[1] = (struct svar_row){ qj, 0, 0, 0, 0 };
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Bara ett svar", "janej twice"))
		goto out;
	r.svar[1] = (struct svar_row){ qf, ja, 0, 0, 0 };
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "svarsalternativ: " Q_FLERVAL,
	    "option of another question") != 0)
		goto out;
	r.svar[1] = (struct svar_row){ qf, alfa, 0, 0, 0 };
	ds_svar(&r, qf, alfa, 0, 0, 0);
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "två gånger", "flerval twice"))
		goto out;
	r.svar[2] = (struct svar_row){ qh, 0, 0, 42, 0 };
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "heltal", "no integer") != 0)
		goto out;
	r.svar[2] = (struct svar_row){ qj, alfa, 0, 0, 1 };
	r.svar[0] = (struct svar_row){ qf, gamma, 0, 0, 0 };
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "ja eller nej", "janej option"))
		goto out;
	CHECK(ds_delt(FX_OWN, P_ORJAN) == 0, "a refused answer was stored");
	r.svar[2] = (struct svar_row){ qj, 0, 0, 0, 1 };
	ds_svar(&r, qh, 0, 1, 42, 0);
	if (ds_accept(&cn, &r, NULL, &did, "answers") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga_svar WHERE"
	    " deltagande_id = %u AND tillfalle = 'in' AND ((fraga_id = %u AND"
	    " ja AND alternativ_id IS NULL) OR (fraga_id = %u AND alternativ_id"
	    " IN (%u, %u) AND ja IS NULL) OR (fraga_id = %u AND heltal = 42))",
	    did, qj, qf, alfa, gamma, qh) == 4 && integ_sql_u32("SELECT"
	    " count(*) FROM fraga_svar WHERE deltagande_id = %u", did) == 4,
	    "answers not stored as sent");
	ds_req_ut(&r, FX_OWN, did, "2023-04-01", "");
	ds_svar(&r, qf, alfa, 0, 0, 0);
	if (ds_refuse(&cn, &r, ERR_VALIDATION, "Obligatorisk fråga obesvarad: "
	    Q_ENVAL, "mandatory at ut") != 0)
		goto out;
	ds_svar(&r, qe, ja, 0, 0, 0);
	if (ds_accept(&cn, &r, NULL, NULL, "ut answers") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga_svar WHERE"
	    " deltagande_id = %u AND tillfalle = 'ut'", did) == 2, "ut rows");
	/* A correction replaces the occasion's answers, not the other's. */
	if (ds_version(did, "in", v, sizeof v) != 0)
		goto out;
	ds_req_in(&r, FX_OWN, "", "2023-03-01");
	r.q.deltagande_id = did;
	r.q.tillfalle.andrad = v;
	ds_svar(&r, qj, 0, 0, 0, 0);
	ds_svar(&r, qh, 0, 1, 7, 0);
	if (ds_accept(&cn, &r, NULL, NULL, "answers corrected") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM fraga_svar WHERE"
	    " deltagande_id = %u AND tillfalle = 'in'", did) == 2 &&
	    integ_sql_u32("SELECT count(*) FROM fraga_svar WHERE deltagande_id"
	    " = %u AND tillfalle = 'in' AND ((fraga_id = %u AND NOT ja) OR"
	    " (fraga_id = %u AND heltal = 7))", did, qj, qh) == 2 &&
	    integ_sql_u32("SELECT count(*) FROM fraga_svar WHERE deltagande_id"
	    " = %u AND tillfalle = 'ut'", did) == 2, "answers not replaced");
	CHECK(ds_skriv(did) == 3, "audit rows: %u", ds_skriv(did));
#undef AID
	rv = 0;
out:
	return ds_end(&cn, rv);
}

/* MSG_DELTAGARE_FRAGOR; the ids in *ids (at most 8), count in *n. */
static int
fragor(struct conn *cn, uint32_t iid, const char *datum, uint8_t till,
    uint32_t *ids, uint32_t *n, uint32_t *nalt)
{
	struct msg_deltagare_fragor	q;
	struct msg_fraga_list		l;
	uint32_t			i;
	int				r;

	memset(&q, 0, sizeof q);
	memset(&l, 0, sizeof l);
	q.insats_id = iid;
	q.datum = (char *)datum;
	q.tillfalle = till;
	if ((r = integ_call(cn, MSG_DELTAGARE_FRAGOR, &q, MSG_FRAGA_LIST,
	    &l)) != 0)
		return r;
	*n = l.nrows;
	*nalt = 0;
	for (i = 0; i < l.nrows && i < 8; i++) {
		ids[i] = l.rows[i].id;
		*nalt += l.rows[i].nalternativ;
	}
	msg_clear(MSG_FRAGA_LIST, &l);
	return 0;
}

/* The questions of an occasion: its kind, date, order and options. */
int
dsave_fragor(void)
{
	struct conn	cn;
	uint32_t	ids[8], n, nalt, qj, qf, qh, qe, qg;
	int		rv = -1;

	if (ds_begin(&cn, "deltagaransv") != 0)
		goto out;
	qj = ds_fraga(Q_JANEJ);
	qf = ds_fraga(Q_FLERVAL);
	qh = ds_fraga(Q_HELTAL);
	qe = ds_fraga(Q_ENVAL);
	qg = ds_fraga(Q_GAMMAL);
	CHECK(fragor(&cn, ds_k.iid[FX_OWN], "2023-03-01", FRAGA_IN, ids, &n,
	    &nalt) == 0 && n == 3 && ids[0] == qj && ids[1] == qf &&
	    ids[2] == qh && nalt == 3, "in 2023-03-01: %u questions", n);
	CHECK(fragor(&cn, ds_k.iid[FX_OWN], "2023-03-01", FRAGA_UT, ids, &n,
	    &nalt) == 0 && n == 2 && ids[0] == qf && ids[1] == qe &&
	    nalt == 5, "ut: %u questions, %u options", n, nalt);
	CHECK(fragor(&cn, ds_k.iid[FX_OWN], "2022-06-01", FRAGA_IN, ids, &n,
	    &nalt) == 0 && n == 4 && ids[3] == qg, "in 2022: %u", n);
	CHECK(fragor(&cn, ds_k.iid[FX_OWN], "", FRAGA_IN, ids, &n,
	    &nalt) == 0 && n == 3, "in today: %u", n);
	CHECK(fragor(&cn, ds_k.iid[FX_OPEN], "2023-03-01", FRAGA_IN, ids, &n,
	    &nalt) == 0 && n == 0, "Göteborg's in 2023: %u", n);
	if (integ_refused(fragor(&cn, ds_k.iid[FX_OWN], "2023-02-30", FRAGA_IN,
	    ids, &n, &nalt), ERR_VALIDATION, "ÅÅÅÅ-MM-DD", "bad date") != 0 ||
	    integ_refused(fragor(&cn, ds_k.iid[FX_OWN], "", 0, ids, &n, &nalt),
	    ERR_VALIDATION, NULL, "no occasion") != 0 ||
	    integ_refused(fragor(&cn, ds_k.iid[FX_NOUPP], "", FRAGA_IN, ids, &n,
	    &nalt), ERR_FORBIDDEN, NULL, "no uppdrag") != 0)
		goto out;
	rv = 0;
out:
	return ds_end(&cn, rv);
}
