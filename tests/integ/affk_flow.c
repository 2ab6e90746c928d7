/*
 * Af/FK-samarbetet (issue 8) through the real protocol: Registrera
 * medverkan, övergångar, Registrera uppgifter and Historik enskild
 * deltagare, as the demo users fkhandl (Försäkringskassan Göteborg) and
 * afhandl (Arbetsförmedlingen Göteborg) do them. The full flow from
 * begäran om gemensam kartläggning to Avslutat samarbete with every
 * period's dates, each refusal with its sentence, and the audit rows
 * each request leaves (counted per ärende and action).
 *
 * The persons are official test personnummer (tests/data/
 * testpersonnummer.csv), put into the register copy as the database
 * superuser when a case needs one there; the clean-up removes every
 * ärende, person and register row the cases made, triggers off
 * (session_replication_role = replica), which only a superuser may do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "integ.h"
#include "msg.h"
#include "proto.h"

#define AF_GBG		"Arbetsförmedlingen Göteborg"
#define AF_MALMO	"Arbetsförmedlingen Malmö"
#define FK_GBG		"Försäkringskassan Göteborg"
#define FK_MALMO	"Försäkringskassan Malmö"

/* The persons the cases use; none is in the register unless put there. */
#define P_FLOW		"198802292394"
#define P_REFUSE	"198904102392"
#define P_SKYDDAD	"198904252387"
#define P_ANNAN		"199007072383"
#define P_SVAR		"199007092399"
#define P_ATER		"199107022387"
#define P_SAMTYCKE	"199206302383"
#define P_OKAND		"199206302391"

#define FX_PNRS		"('" P_FLOW "', '" P_REFUSE "', '"		\
			P_SKYDDAD "', '" P_ANNAN "', '" P_SVAR "', '"	\
			P_ATER "', '" P_SAMTYCKE "', '" P_OKAND "')"

/* The ärenden of the cases: of their persons, or stripped by a case. */
static uint32_t	fx_stripped[16];
static size_t	fx_nstripped;

/* What a case has: both users' connections and the ids it needs. */
struct fx {
	struct conn	 fk, af;
	uint32_t	 fk_ins, af_ins;	/* the offices' insatser */
	uint32_t	 af_gbg, fk_gbg, af_malmo, fk_malmo;
};

/* Removes every ärende, person and register row the cases made. */
static int
fx_clean(void)
{
	char	ids[200] = "0";
	char	num[16];
	size_t	i;

	for (i = 0; i < fx_nstripped; i++) {
		snprintf(num, sizeof num, ",%u", fx_stripped[i]);
		strncat(ids, num, sizeof ids - strlen(ids) - 1);
	}
	return integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " CREATE TEMP TABLE fx_a AS SELECT a.id FROM affk_arende a"
	    " LEFT JOIN person p ON p.id = a.person_id"
	    " WHERE p.personnummer IN " FX_PNRS " OR a.id IN (%s);"
	    " DELETE FROM affk_svar WHERE period_id IN (SELECT id FROM"
	    " affk_period WHERE arende_id IN (SELECT id FROM fx_a));"
	    " DELETE FROM affk_kontorsbyte WHERE arende_id IN"
	    " (SELECT id FROM fx_a);"
	    " DELETE FROM affk_period WHERE arende_id IN (SELECT id FROM fx_a);"
	    " DELETE FROM affk_arende WHERE id IN (SELECT id FROM fx_a);"
	    " DELETE FROM person p WHERE p.personnummer IN " FX_PNRS
	    " AND NOT EXISTS (SELECT 1 FROM deltagande d"
	    " WHERE d.person_id = p.id);"
	    " DELETE FROM folkbokforing WHERE personnummer IN " FX_PNRS, ids);
}

static uint32_t
fx_kontor(const char *namn)
{
	return integ_sql_u32("SELECT id FROM affk_kontor WHERE namn = '%s'",
	    namn);
}

/* The id of insatstyp kod. */
static uint32_t
fx_typ(const char *kod)
{
	return integ_sql_u32("SELECT id FROM kod WHERE lista ="
	    " 'affk_insatstyp' AND kod = '%s'", kod);
}

/* The id of question kod of step typ. */
static uint32_t
fx_fraga(const char *typ, const char *kod)
{
	return integ_sql_u32("SELECT f.id FROM affk_fraga f JOIN kod k"
	    " ON k.id = f.insatstyp_id WHERE k.kod = '%s' AND f.kod = '%s'",
	    typ, kod);
}

static uint32_t
fx_kod(const char *lista, const char *kod)
{
	return integ_sql_u32("SELECT id FROM kod WHERE lista = '%s'"
	    " AND kod = '%s'", lista, kod);
}

/* Cleans and logs both users in (login NULL: that one not). */
static int
fx_begin(struct fx *f, int af)
{
	memset(f, 0, sizeof *f);
	f->fk.fd = f->af.fd = -1;
	if (fx_clean() != 0 ||
	    (f->af_gbg = fx_kontor(AF_GBG)) == 0 ||
	    (f->fk_gbg = fx_kontor(FK_GBG)) == 0 ||
	    (f->af_malmo = fx_kontor(AF_MALMO)) == 0 ||
	    (f->fk_malmo = fx_kontor(FK_MALMO)) == 0 ||
	    (f->af_ins = integ_sql_u32("SELECT insats_id FROM affk_kontor"
	    " WHERE id = %u", f->af_gbg)) == 0 ||
	    (f->fk_ins = integ_sql_u32("SELECT insats_id FROM affk_kontor"
	    " WHERE id = %u", f->fk_gbg)) == 0)
		return -1;
	if (case_login(&f->fk, "fkhandl") != 0)
		return -1;
	if (af && case_login(&f->af, "afhandl") != 0)
		return -1;
	return 0;
}

static int
fx_end(struct fx *f, int rv)
{
	if (fx_clean() != 0)
		rv = -1;
	fx_nstripped = 0;
	if (f->fk.fd != -1)
		conn_close(&f->fk);
	if (f->af.fd != -1)
		conn_close(&f->af);
	return rv;
}

/* Puts pnr into the register copy in Borås (no stadsdel needed). */
static int
fx_register(const char *pnr, const char *namn, int skyddad)
{
	return integ_sql(NULL, 0, "INSERT INTO folkbokforing (personnummer,"
	    " namn, kommunkod, skyddad) VALUES ('%s', '%s', '1490', %s)", pnr,
	    namn, skyddad ? "true" : "false");
}

/* The common part of a medverkan: pnr in the register, FK starts. */
static void
fx_medverkan(struct msg_affk_medverkan_save *q, const struct fx *f,
    uint32_t ins, const char *pnr, const char *typ, const char *datum)
{
	memset(q, 0, sizeof *q);
	q->kontor_insats_id = ins;
	q->personnummer = (char *)pnr;
	q->namn = "";
	q->kommunkod = "";
	q->samtycke = 1;
	q->samtycke_datum = "";
	q->initierad_av = AFFK_FK;
	q->af_kontor_id = f->af_gbg;
	q->fk_kontor_id = f->fk_gbg;
	q->insatstyp_id = fx_typ(typ);
	q->datum = (char *)datum;
}

/* Sends medverkan; the reply to *r. As integ_call(). */
static int
fx_send_medverkan(struct conn *cn, const struct msg_affk_medverkan_save *q,
    struct msg_affk_saved *r)
{
	memset(r, 0, sizeof *r);
	return integ_call(cn, MSG_AFFK_MEDVERKAN_SAVE, q, MSG_AFFK_SAVED, r);
}

/* An övergång of ärende aid to typ on datum. As integ_call(). */
static int
fx_overgang(struct conn *cn, uint32_t ins, uint32_t aid, const char *typ,
    const char *datum, struct msg_affk_saved *r)
{
	struct msg_affk_overgang_save	q;

	memset(&q, 0, sizeof q);
	memset(r, 0, sizeof *r);
	q.kontor_insats_id = ins;
	q.arende_id = aid;
	q.insatstyp_id = fx_typ(typ);
	q.datum = (char *)datum;
	return integ_call(cn, MSG_AFFK_OVERGANG_SAVE, &q, MSG_AFFK_SAVED, r);
}

/* Saves the answers n of period pid. As integ_call(). */
static int
fx_uppgifter(struct conn *cn, uint32_t ins, uint32_t pid,
    struct affk_svar_row *svar, uint32_t n)
{
	struct msg_affk_uppgifter_save	q;
	struct msg_affk_saved		r;

	memset(&q, 0, sizeof q);
	memset(&r, 0, sizeof r);
	q.kontor_insats_id = ins;
	q.period_id = pid;
	q.nsvar = n;
	q.svar = svar;
	return integ_call(cn, MSG_AFFK_UPPGIFTER_SAVE, &q, MSG_AFFK_SAVED,
	    &r);
}

/* Historik by pnr or ärende into *h (cleared first if it holds one). */
static int
fx_historik(struct conn *cn, uint32_t ins, const char *pnr, uint32_t aid,
    struct msg_affk_historik *h)
{
	struct msg_affk_historik_get	q;

	msg_clear(MSG_AFFK_HISTORIK, h);
	memset(&q, 0, sizeof q);
	q.kontor_insats_id = ins;
	q.personnummer = (char *)pnr;
	q.arende_id = aid;
	return integ_call(cn, MSG_AFFK_HISTORIK_GET, &q, MSG_AFFK_HISTORIK, h);
}

/* The audit_person rows naming ärende aid with action. */
static uint32_t
fx_audit(uint32_t aid, const char *action)
{
	return integ_sql_u32("SELECT count(*) FROM audit_person"
	    " WHERE arende_id = %u AND action = '%s'", aid, action);
}

/* Checks the audit counts of ärende aid: skriv and las. */
#define AUDIT(aid, skriv, las) do {					\
	uint32_t _s = fx_audit(aid, "skriv"), _l = fx_audit(aid, "las");\
	CHECK(_s == (skriv) && _l == (las), "line %d: audit skriv %u las %u,"\
	    " want %u %u", __LINE__, _s, _l, (unsigned)(skriv),		\
	    (unsigned)(las));						\
} while (0)

/* A period's dates as SQL has them: "start..slut". */
static int
fx_period_sql(uint32_t pid, char *out, size_t len)
{
	return integ_sql(out, len, "SELECT to_char(startdatum, 'YYYY-MM-DD')"
	    " || '..' || coalesce(to_char(slutdatum, 'YYYY-MM-DD'), '')"
	    " FROM affk_period WHERE id = %u", pid);
}

/*
 * The whole flow: FK registers medverkan with Begäran om GK, then GK and
 * a planned insats; Af the active insats and the ending with answers.
 * Every period ends the day before the next; the ending is its day.
 */
static int
affk_flow_full(void)
{
	static const struct {
		const char	*typ, *start, *slut;
		uint8_t		 myndighet, slag, uppgifter;
	} want[] = {
		{ "BEGARAN_GK", "2025-01-10", "2025-02-02", AFFK_FK,
		    AFFK_VANTAN, AFFK_U_SAKNAS },
		{ "GK", "2025-02-03", "2025-03-16", AFFK_FK, AFFK_AKTIVITET,
		    AFFK_U_SAKNAS },
		{ "PLANERAD_ARBETSLIV", "2025-03-17", "2025-03-31", AFFK_FK,
		    AFFK_VANTAN, AFFK_U_INGA },
		{ "ARBETSLIVSINRIKTADE", "2025-04-01", "2025-06-29", AFFK_AF,
		    AFFK_AKTIVITET, AFFK_U_INGA },
		{ "AVSLUTAT", "2025-06-30", "2025-06-30", AFFK_AF, AFFK_AVSLUT,
		    AFFK_U_FINNS },
	};
	struct fx			 f;
	struct msg_affk_medverkan_save	 q;
	struct msg_affk_saved		 r;
	struct msg_affk_historik	 h, ha;
	struct affk_svar_row		 svar[4];
	uint32_t			 aid = 0, pid[5], i;
	char				 text[64], exp[64];
	int				 rv = -1;

	memset(&h, 0, sizeof h);
	memset(&ha, 0, sizeof ha);
	if (fx_begin(&f, 1) != 0 || fx_register(P_FLOW, "Flöde Testsson",
	    0) != 0)
		goto out;
	fx_medverkan(&q, &f, f.fk_ins, P_FLOW, "BEGARAN_GK", want[0].start);
	if (integ_accepted(fx_send_medverkan(&f.fk, &q, &r), "medverkan") != 0)
		goto out;
	aid = r.arende_id;
	pid[0] = r.period_id;
	CHECK(aid != 0 && pid[0] != 0 && r.nfragor == 2, "medverkan saved "
	    "%u %u %u", aid, pid[0], r.nfragor);
	AUDIT(aid, 1, 0);
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_arende WHERE id = %u"
	    " AND initierad_av = 'FK' AND fodelsear = 1988 AND kommunkod ="
	    " '1490' AND kon_id = (SELECT id FROM kod WHERE lista = 'kon'"
	    " AND kod = 'M') AND samtycke_datum = current_date", aid) == 1,
	    "the ärende's kön, födelseår, kommun or consent");
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_period WHERE id = %u"
	    " AND myndighet = 'FK' AND registrerad_av = (SELECT id FROM"
	    " anvandare WHERE username = 'fkhandl')", pid[0]) == 1,
	    "the first period's myndighet or user");
	for (i = 1; i < 5; i++) {
		struct conn *cn = want[i].myndighet == AFFK_FK ? &f.fk : &f.af;
		uint32_t ins = want[i].myndighet == AFFK_FK ? f.fk_ins :
		    f.af_ins;

		if (integ_accepted(fx_overgang(cn, ins, aid, want[i].typ,
		    want[i].start, &r), want[i].typ) != 0)
			goto out;
		pid[i] = r.period_id;
		CHECK(r.arende_id == aid && pid[i] > pid[i - 1],
		    "%s: ärende %u period %u", want[i].typ, r.arende_id,
		    pid[i]);
		CHECK(r.nfragor == (i == 4 ? 4u : i == 1 ? 2u : 0u),
		    "%s: %u questions", want[i].typ, r.nfragor);
		AUDIT(aid, 1 + i, 0);
	}
	/* Answers of the ending: inskriven, arbetar (ja), typ, studerar. */
	svar[0].fraga_id = fx_fraga("AVSLUTAT", "INSKRIVEN_AF_EFTER");
	svar[0].svar_id = fx_kod("janej", "NEJ");
	svar[1].fraga_id = fx_fraga("AVSLUTAT", "ARBETAR_EFTER");
	svar[1].svar_id = fx_kod("janej", "JA");
	svar[2].fraga_id = fx_fraga("AVSLUTAT", "TYP_AV_ARBETE");
	svar[2].svar_id = fx_kod("affk_typ_arbete", "ANSTALLD");
	svar[3].fraga_id = fx_fraga("AVSLUTAT", "STUDERAR_EFTER");
	svar[3].svar_id = fx_kod("janej", "NEJ");
	if (integ_accepted(fx_uppgifter(&f.af, f.af_ins, pid[4], svar, 4),
	    "answers of the ending") != 0)
		goto out;
	AUDIT(aid, 6, 0);
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_svar WHERE period_id"
	    " = %u", pid[4]) == 4, "four answers stored");

	/* The dates, through SQL. */
	for (i = 0; i < 5; i++) {
		if (fx_period_sql(pid[i], text, sizeof text) != 0)
			goto out;
		snprintf(exp, sizeof exp, "%s..%s", want[i].start,
		    want[i].slut);
		CHECK(strcmp(text, exp) == 0, "period %u (%s): %s, want %s",
		    i, want[i].typ, text, exp);
	}
	if (integ_sql(text, sizeof text, "SELECT coalesce(to_char(slutdatum,"
	    " 'YYYY-MM-DD'), 'open') FROM affk_arende WHERE id = %u", aid) != 0)
		goto out;
	CHECK(strcmp(text, "2025-06-30") == 0, "ärende ends %s", text);

	/* The same through Historik, by number (FK) and by ärende (Af). */
	if (integ_accepted(fx_historik(&f.fk, f.fk_ins, P_FLOW, 0, &h),
	    "historik by number") != 0 ||
	    integ_accepted(fx_historik(&f.af, f.af_ins, "", aid, &ha),
	    "historik by ärende") != 0)
		goto out;
	AUDIT(aid, 6, 2);
	CHECK(strcmp(h.personnummer, P_FLOW) == 0 &&
	    strcmp(h.namn, "Flöde Testsson") == 0 &&
	    strcmp(h.kommun, "Borås") == 0 && strcmp(h.kon, "Man") == 0 &&
	    h.fodelsear == 1988, "historik person: %s %s %s %u", h.namn,
	    h.kommun, h.kon, h.fodelsear);
	CHECK(h.narenden == 1 && ha.narenden == 1 && h.arenden[0].id == aid,
	    "historik ärenden %u %u", h.narenden, ha.narenden);
	CHECK(h.arenden[0].status == AFFK_S_AVSLUTAD &&
	    strcmp(h.arenden[0].startdatum, "2025-01-10") == 0 &&
	    strcmp(h.arenden[0].slutdatum, "2025-06-30") == 0 &&
	    h.arenden[0].initierad_av == AFFK_FK &&
	    strcmp(h.arenden[0].af_kontor, AF_GBG) == 0 &&
	    strcmp(h.arenden[0].fk_kontor, FK_GBG) == 0,
	    "historik ärende %u %s..%s", h.arenden[0].status,
	    h.arenden[0].startdatum, h.arenden[0].slutdatum);
	CHECK(h.arenden[0].nperioder == 5 && ha.arenden[0].nperioder == 5,
	    "historik has %u periods", h.arenden[0].nperioder);
	for (i = 0; i < 5; i++) {
		const struct affk_period_row *p = &h.arenden[0].perioder[i];

		CHECK(p->id == pid[i] && p->insatstyp_id == fx_typ(want[i].typ)
		    && strcmp(p->startdatum, want[i].start) == 0 &&
		    strcmp(p->slutdatum, want[i].slut) == 0 &&
		    p->myndighet == want[i].myndighet &&
		    p->slag == want[i].slag &&
		    p->uppgifter == want[i].uppgifter &&
		    strcmp(p->af_kontor, AF_GBG) == 0 &&
		    strcmp(p->fk_kontor, FK_GBG) == 0 &&
		    strcmp(p->registrerad_av, want[i].myndighet == AFFK_FK ?
		    "Fredrik Kvist" : "Anna Tapper") == 0,
		    "historik period %u: %s %s..%s m%u s%u u%u %s", i,
		    p->insatstyp, p->startdatum, p->slutdatum, p->myndighet,
		    p->slag, p->uppgifter, p->registrerad_av);
	}
	CHECK(h.arenden[0].perioder[4].nsvar == 4 &&
	    h.arenden[0].perioder[4].svar[2].fraga_id == svar[2].fraga_id &&
	    h.arenden[0].perioder[4].svar[2].svar_id == svar[2].svar_id,
	    "historik answers");
	rv = 0;
out:
	msg_clear(MSG_AFFK_HISTORIK, &h);
	msg_clear(MSG_AFFK_HISTORIK, &ha);
	return fx_end(&f, rv);
}

/* Makes an ärende of pnr (in the register) with FK at step typ from datum. */
static uint32_t
fx_arende(const struct fx *f, struct conn *cn, const char *pnr,
    const char *typ, const char *datum, uint32_t *pid)
{
	struct msg_affk_medverkan_save	q;
	struct msg_affk_saved		r;

	fx_medverkan(&q, f, f->fk_ins, pnr, typ, datum);
	if (integ_accepted(fx_send_medverkan(cn, &q, &r), "medverkan") != 0)
		return 0;
	if (pid != NULL)
		*pid = r.period_id;
	return r.arende_id;
}

/*
 * Steps by the wrong authority: Af registering medverkan or GK, FK
 * registering the ending after a planned step; each sentence names who
 * registers it, and nothing is written or audited.
 */
static int
affk_flow_wrong_authority(void)
{
	struct fx			 f;
	struct msg_affk_medverkan_save	 q;
	struct msg_affk_saved		 r;
	uint32_t			 aid = 0;
	int				 rv = -1;

	if (fx_begin(&f, 1) != 0 || fx_register(P_REFUSE, "Fel Myndighet",
	    0) != 0)
		goto out;
	/* Medverkan by an Af office user. */
	fx_medverkan(&q, &f, f.af_ins, P_REFUSE, "BEGARAN_GK", "2025-01-10");
	if (integ_refused(fx_send_medverkan(&f.af, &q, &r), ERR_VALIDATION,
	    "Medverkan som börjar med Begäran om gemensam kartläggning "
	    "registreras av Försäkringskassan.", "medverkan by Af") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_arende a JOIN person p"
	    " ON p.id = a.person_id WHERE p.personnummer = '" P_REFUSE "'")
	    == 0, "medverkan by Af wrote an ärende");
	/* A step that cannot come first. */
	fx_medverkan(&q, &f, f.fk_ins, P_REFUSE, "PLANERAD_ARBETSLIV",
	    "2025-01-10");
	if (integ_refused(fx_send_medverkan(&f.fk, &q, &r), ERR_VALIDATION,
	    "kan inte vara det första steget", "first step planned") != 0)
		goto out;
	if ((aid = fx_arende(&f, &f.fk, P_REFUSE, "BEGARAN_GK", "2025-01-10",
	    NULL)) == 0)
		goto out;
	AUDIT(aid, 1, 0);
	/* Af registering GK. */
	if (integ_refused(fx_overgang(&f.af, f.af_ins, aid, "GK",
	    "2025-02-03", &r), ERR_VALIDATION, "Övergången till Gemensam "
	    "kartläggning registreras av Försäkringskassan.", "GK by Af") != 0)
		goto out;
	AUDIT(aid, 1, 0);
	/* An övergång the co-operation does not have. */
	if (integ_refused(fx_overgang(&f.fk, f.fk_ins, aid,
	    "ARBETSLIVSINRIKTADE", "2025-02-03", &r), ERR_VALIDATION,
	    "Övergången från Begäran om gemensam kartläggning till "
	    "Arbetslivsinriktade insatser finns inte", "no such övergång") != 0)
		goto out;
	if (integ_accepted(fx_overgang(&f.fk, f.fk_ins, aid, "GK",
	    "2025-02-03", &r), "GK") != 0 ||
	    integ_accepted(fx_overgang(&f.fk, f.fk_ins, aid,
	    "PLANERAD_FORBEREDANDE", "2025-03-03", &r), "planned") != 0)
		goto out;
	AUDIT(aid, 3, 0);
	/* FK registering Avslutat after the planned step. */
	if (integ_refused(fx_overgang(&f.fk, f.fk_ins, aid, "AVSLUTAT",
	    "2025-04-01", &r), ERR_VALIDATION, "Övergången till Avslutat "
	    "samarbete registreras av Arbetsförmedlingen.", "FK ends") != 0)
		goto out;
	AUDIT(aid, 3, 0);
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_period WHERE arende_id"
	    " = %u", aid) == 3, "a refused övergång wrote a period");
	rv = 0;
out:
	return fx_end(&f, rv);
}

/*
 * Dates of an övergång: on or before the current period's start (the
 * sentence gives it), ahead of today; and any change to an ended ärende.
 */
static int
affk_flow_dates(void)
{
	struct fx		 f;
	struct msg_affk_saved	 r;
	uint32_t		 aid = 0;
	int			 rv = -1;

	if (fx_begin(&f, 1) != 0 || fx_register(P_REFUSE, "Datum Testsson",
	    0) != 0 || (aid = fx_arende(&f, &f.fk, P_REFUSE, "GK",
	    "2025-02-03", NULL)) == 0)
		goto out;
	if (integ_refused(fx_overgang(&f.fk, f.fk_ins, aid,
	    "PLANERAD_ARBETSLIV", "2025-02-03", &r), ERR_VALIDATION,
	    "Datumet måste vara efter 2025-02-03, det nuvarande stegets "
	    "startdatum.", "on the start") != 0 ||
	    integ_refused(fx_overgang(&f.fk, f.fk_ins, aid,
	    "PLANERAD_ARBETSLIV", "2025-01-31", &r), ERR_VALIDATION,
	    "Datumet måste vara efter 2025-02-03", "before the start") != 0 ||
	    integ_refused(fx_overgang(&f.fk, f.fk_ins, aid,
	    "PLANERAD_ARBETSLIV", "2099-01-01", &r), ERR_VALIDATION,
	    "Datumet får inte vara senare än i dag.", "ahead") != 0 ||
	    integ_refused(fx_overgang(&f.fk, f.fk_ins, aid,
	    "PLANERAD_ARBETSLIV", "2025-02-30", &r), ERR_VALIDATION,
	    "ÅÅÅÅ-MM-DD", "no such day") != 0)
		goto out;
	AUDIT(aid, 1, 0);
	/* FK ends at GK; then nothing more. */
	if (integ_accepted(fx_overgang(&f.fk, f.fk_ins, aid, "AVSLUTAT",
	    "2025-02-04", &r), "FK ends at GK") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_period WHERE arende_id"
	    " = %u AND startdatum = '2025-02-03' AND slutdatum ="
	    " '2025-02-03'", aid) == 1, "GK of one day");
	if (integ_refused(fx_overgang(&f.fk, f.fk_ins, aid, "GK",
	    "2025-03-01", &r), ERR_VALIDATION, "Samarbetet är avslutat",
	    "after the end") != 0)
		goto out;
	AUDIT(aid, 2, 0);
	rv = 0;
out:
	return fx_end(&f, rv);
}

/*
 * Medverkan refused: the caller's office not one of the two, consent
 * missing, a protected person, a second open ärende; a returning person
 * may start again only after the last one's end.
 */
static int
affk_flow_medverkan(void)
{
	struct fx			 f;
	struct msg_affk_medverkan_save	 q;
	struct msg_affk_saved		 r;
	uint32_t			 aid = 0, aid2 = 0;
	int				 rv = -1;

	if (fx_begin(&f, 0) != 0 || fx_register(P_REFUSE, "Medverkan "
	    "Testsson", 0) != 0 || fx_register(P_SKYDDAD, "Skyddad Person",
	    1) != 0 || fx_register(P_ATER, "Åter Kommer", 0) != 0)
		goto out;
	fx_medverkan(&q, &f, f.fk_ins, P_REFUSE, "BEGARAN_GK", "2025-01-10");
	q.fk_kontor_id = f.fk_malmo;
	if (integ_refused(fx_send_medverkan(&f.fk, &q, &r), ERR_VALIDATION,
	    "Ditt kontor (" FK_GBG ") måste vara ett av de handläggande "
	    "kontoren.", "not the caller's office") != 0)
		goto out;
	fx_medverkan(&q, &f, f.fk_ins, P_REFUSE, "BEGARAN_GK", "2025-01-10");
	q.samtycke = 0;
	if (integ_refused(fx_send_medverkan(&f.fk, &q, &r), ERR_VALIDATION,
	    "Samtycke saknas: deltagarens undertecknade samtycke till "
	    "samarbetet måste finnas", "no consent") != 0)
		goto out;
	fx_medverkan(&q, &f, f.fk_ins, P_SKYDDAD, "BEGARAN_GK", "2025-01-10");
	if (integ_refused(fx_send_medverkan(&f.fk, &q, &r), ERR_VALIDATION,
	    "Personen kan inte registreras med personuppgifter.",
	    "protected") != 0)
		goto out;
	fx_medverkan(&q, &f, f.fk_ins, P_OKAND, "BEGARAN_GK", "2025-01-10");
	if (integ_refused(fx_send_medverkan(&f.fk, &q, &r), ERR_VALIDATION,
	    "Ange namn", "not in the register, no name") != 0)
		goto out;
	q.namn = "Okänd Person";
	q.kommunkod = "1480";
	if (integ_refused(fx_send_medverkan(&f.fk, &q, &r), ERR_VALIDATION,
	    "Välj stadsdel", "Göteborg without stadsdel") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM person WHERE personnummer"
	    " IN " FX_PNRS) == 0 && integ_sql_u32("SELECT count(*) FROM"
	    " affk_arende a JOIN person p ON p.id = a.person_id WHERE"
	    " p.personnummer IN " FX_PNRS) == 0, "a refusal wrote something");
	/* One open ärende, not two. */
	if ((aid = fx_arende(&f, &f.fk, P_ATER, "GK", "2025-02-03", NULL)) ==
	    0)
		goto out;
	fx_medverkan(&q, &f, f.fk_ins, P_ATER, "BEGARAN_GK", "2025-03-10");
	if (integ_refused(fx_send_medverkan(&f.fk, &q, &r), ERR_VALIDATION,
	    "Personen har redan ett pågående samarbete", "second open") != 0)
		goto out;
	if (integ_accepted(fx_overgang(&f.fk, f.fk_ins, aid, "AVSLUTAT",
	    "2025-03-10", &r), "ended") != 0)
		goto out;
	/* Returning: not on the day it ended, the day after with consent. */
	if (integ_refused(fx_send_medverkan(&f.fk, &q, &r), ERR_VALIDATION,
	    "Personen har redan ett pågående samarbete", "on the end") != 0)
		goto out;
	q.datum = "2025-03-11";
	if (integ_accepted(fx_send_medverkan(&f.fk, &q, &r), "returning") != 0)
		goto out;
	aid2 = r.arende_id;
	CHECK(aid2 != aid && integ_sql_u32("SELECT count(*) FROM affk_arende a"
	    " JOIN person p ON p.id = a.person_id WHERE p.personnummer = '"
	    P_ATER "'") == 2 && integ_sql_u32("SELECT count(*) FROM person"
	    " WHERE personnummer = '" P_ATER "'") == 1,
	    "the returning person's two ärenden, one person");
	AUDIT(aid, 2, 0);
	AUDIT(aid2, 1, 0);
	rv = 0;
out:
	return fx_end(&f, rv);
}

/*
 * Registrera uppgifter: the mandatory ones all at once, a conditional
 * question exactly when its condition holds, codes of the question's
 * list, each question once, and only by the authority that registered
 * the period; a correction replaces the answers.
 */
static int
affk_flow_uppgifter(void)
{
	struct fx		 f;
	struct msg_affk_saved	 r;
	struct affk_svar_row	 s[5];
	uint32_t		 aid = 0, pid = 0, ja, nej, anst, inskr, arb;
	uint32_t		 typ, stud, gk_pid;
	int			 rv = -1;

	if (fx_begin(&f, 1) != 0 || fx_register(P_SVAR, "Svar Testsson",
	    0) != 0 || (aid = fx_arende(&f, &f.fk, P_SVAR, "GK",
	    "2025-02-03", &gk_pid)) == 0)
		goto out;
	ja = fx_kod("janej", "JA");
	nej = fx_kod("janej", "NEJ");
	anst = fx_kod("affk_typ_arbete", "ANSTALLD");
	inskr = fx_fraga("AVSLUTAT", "INSKRIVEN_AF_EFTER");
	arb = fx_fraga("AVSLUTAT", "ARBETAR_EFTER");
	typ = fx_fraga("AVSLUTAT", "TYP_AV_ARBETE");
	stud = fx_fraga("AVSLUTAT", "STUDERAR_EFTER");
	if (integ_accepted(fx_overgang(&f.fk, f.fk_ins, aid, "AVSLUTAT",
	    "2025-05-05", &r), "ending") != 0)
		goto out;
	pid = r.period_id;
	AUDIT(aid, 2, 0);
	/* Missing mandatory: Studerar. */
	s[0].fraga_id = inskr; s[0].svar_id = nej;
	s[1].fraga_id = arb; s[1].svar_id = nej;
	if (integ_refused(fx_uppgifter(&f.fk, f.fk_ins, pid, s, 2),
	    ERR_VALIDATION, "Besvara \"Studerar direkt efter samarbetet\"",
	    "missing mandatory") != 0)
		goto out;
	/* Typ av arbete although Arbetar = Nej. */
	s[2].fraga_id = stud; s[2].svar_id = nej;
	s[3].fraga_id = typ; s[3].svar_id = anst;
	if (integ_refused(fx_uppgifter(&f.fk, f.fk_ins, pid, s, 4),
	    ERR_VALIDATION, "\"Typ av arbete\" besvaras bara när \"Arbetar "
	    "direkt efter samarbetet\" är Ja.", "condition false") != 0)
		goto out;
	/* Arbetar = Ja without Typ av arbete. */
	s[1].svar_id = ja;
	if (integ_refused(fx_uppgifter(&f.fk, f.fk_ins, pid, s, 3),
	    ERR_VALIDATION, "Besvara \"Typ av arbete\"", "condition true") != 0)
		goto out;
	/* Typ av arbete answered with a code of janej. */
	s[3].svar_id = ja;
	if (integ_refused(fx_uppgifter(&f.fk, f.fk_ins, pid, s, 4),
	    ERR_VALIDATION, "Svaret på \"Typ av arbete\" är inte ett av "
	    "frågans alternativ.", "another list") != 0)
		goto out;
	/* The same question twice. */
	s[3].svar_id = anst;
	s[4].fraga_id = stud; s[4].svar_id = ja;
	if (integ_refused(fx_uppgifter(&f.fk, f.fk_ins, pid, s, 5),
	    ERR_VALIDATION, "är besvarad två gånger", "twice") != 0)
		goto out;
	/* A question of another step. */
	s[4].fraga_id = fx_fraga("GK", "INSKRIVEN_AF_FORE");
	s[4].svar_id = ja;
	if (integ_refused(fx_uppgifter(&f.fk, f.fk_ins, pid, s, 5),
	    ERR_VALIDATION, "inte ställs för Avslutat samarbete",
	    "another step") != 0)
		goto out;
	AUDIT(aid, 2, 0);
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_svar WHERE period_id"
	    " = %u", pid) == 0, "a refusal stored answers");
	if (integ_accepted(fx_uppgifter(&f.fk, f.fk_ins, pid, s, 4),
	    "answers") != 0)
		goto out;
	AUDIT(aid, 3, 0);
	/* Af may not correct what FK registered. */
	if (integ_refused(fx_uppgifter(&f.af, f.af_ins, pid, s, 3),
	    ERR_VALIDATION, "Uppgifterna för Avslutat samarbete registreras "
	    "av Försäkringskassan.", "correction by Af") != 0)
		goto out;
	/* A correction replaces all: Arbetar = Nej, no Typ av arbete. */
	s[1].svar_id = nej;
	if (integ_accepted(fx_uppgifter(&f.fk, f.fk_ins, pid, s, 3),
	    "correction") != 0)
		goto out;
	AUDIT(aid, 4, 0);
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_svar WHERE period_id"
	    " = %u", pid) == 3 && integ_sql_u32("SELECT count(*) FROM"
	    " affk_svar WHERE period_id = %u AND fraga_id = %u AND svar_id ="
	    " %u", pid, arb, nej) == 1, "the correction's answers");
	/* A period of another ärende's office, and an unknown one. */
	if (integ_refused(fx_uppgifter(&f.fk, f.fk_ins, 999999999, s, 3),
	    ERR_NOT_FOUND, "Deltagaren finns inte på ditt kontor",
	    "unknown period") != 0)
		goto out;
	rv = 0;
out:
	return fx_end(&f, rv);
}

/*
 * Historik of a person whose ärende is on other offices is refused in
 * the words of an unknown person; an ärende on the office shows.
 */
static int
affk_flow_historik_other(void)
{
	struct fx			 f;
	struct msg_affk_historik	 h;
	char				 other[SUS_MESSAGE_MAX + 1];
	uint32_t			 aid = 0;
	int				 rv = -1;

	memset(&h, 0, sizeof h);
	if (fx_begin(&f, 1) != 0 || fx_register(P_ANNAN, "Annan Kontorsson",
	    0) != 0)
		goto out;
	/* An ärende in Malmö, made straight into the database. */
	aid = integ_sql_u32("SET session_replication_role = replica;"
	    " WITH p AS (INSERT INTO person (personnummer, namn, kommunkod)"
	    " VALUES ('" P_ANNAN "', 'Annan Kontorsson', '1490') RETURNING id),"
	    " a AS (INSERT INTO affk_arende (person_id, kon_id, fodelsear,"
	    " initierad_av, samtycke, samtycke_datum, af_kontor_id,"
	    " fk_kontor_id, startdatum) SELECT p.id, (SELECT id FROM kod"
	    " WHERE lista = 'kon' AND kod = 'K'), 1990, 'FK', true,"
	    " '2025-01-01', %u, %u, '2025-01-01' FROM p RETURNING id)"
	    " SELECT id FROM a", f.af_malmo, f.fk_malmo);
	if (aid == 0)
		goto out;
	if (integ_refused(fx_historik(&f.fk, f.fk_ins, P_ANNAN, 0, &h),
	    ERR_NOT_FOUND, NULL, "person elsewhere") != 0)
		goto out;
	snprintf(other, sizeof other, "%s", integ_last_err);
	CHECK(strcmp(other, "Deltagaren finns inte på ditt kontor (" FK_GBG
	    ").") == 0, "elsewhere says: %s", other);
	if (integ_refused(fx_historik(&f.fk, f.fk_ins, P_OKAND, 0, &h),
	    ERR_NOT_FOUND, NULL, "unknown person") != 0)
		goto out;
	CHECK(strcmp(other, integ_last_err) == 0, "unknown says: %s",
	    integ_last_err);
	if (integ_refused(fx_historik(&f.af, f.af_ins, "", aid, &h),
	    ERR_NOT_FOUND, "Deltagaren finns inte på ditt kontor (" AF_GBG
	    ").", "ärende elsewhere") != 0 ||
	    integ_refused(fx_historik(&f.fk, f.fk_ins, "19880229-2395", 0,
	    &h), ERR_VALIDATION, NULL, "a bad number") != 0)
		goto out;
	AUDIT(aid, 0, 0);
	/* Moved to Göteborg, FK sees it. */
	if (integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " UPDATE affk_arende SET fk_kontor_id = %u WHERE id = %u",
	    f.fk_gbg, aid) != 0 ||
	    integ_accepted(fx_historik(&f.fk, f.fk_ins, P_ANNAN, 0, &h),
	    "on the office") != 0)
		goto out;
	CHECK(h.narenden == 1 && h.arenden[0].id == aid &&
	    h.arenden[0].nperioder == 0, "historik of the moved ärende");
	AUDIT(aid, 0, 1);
	rv = 0;
out:
	msg_clear(MSG_AFFK_HISTORIK, &h);
	return fx_end(&f, rv);
}

/*
 * Consent withdrawn: Avbrutet samarbete with Samtycket återkallat strips
 * the ärende's identity; the person goes, the counts stay.
 */
static int
affk_flow_samtycke(void)
{
	struct fx			 f;
	struct msg_affk_saved		 r;
	struct msg_affk_historik	 h;
	struct affk_svar_row		 s[1];
	uint32_t			 aid = 0, pid;
	int				 rv = -1;

	memset(&h, 0, sizeof h);
	if (fx_begin(&f, 0) != 0 || fx_register(P_SAMTYCKE, "Samtycke "
	    "Testsson", 0) != 0 || (aid = fx_arende(&f, &f.fk, P_SAMTYCKE,
	    "BEGARAN_GK", "2025-01-10", NULL)) == 0)
		goto out;
	fx_stripped[fx_nstripped++] = aid;
	if (integ_accepted(fx_overgang(&f.fk, f.fk_ins, aid, "AVBRUTET",
	    "2025-01-20", &r), "avbrutet") != 0)
		goto out;
	pid = r.period_id;
	s[0].fraga_id = fx_fraga("AVBRUTET", "ORSAK");
	s[0].svar_id = fx_kod("affk_avbrott", "SAMTYCKE_ATERKALLAT");
	if (integ_accepted(fx_uppgifter(&f.fk, f.fk_ins, pid, s, 1),
	    "consent withdrawn") != 0)
		goto out;
	AUDIT(aid, 3, 0);
	CHECK(fx_audit(aid, "avidentifiera") == 1, "one avidentifiera row");
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_arende WHERE id = %u"
	    " AND person_id IS NULL AND avidentifierad IS NOT NULL AND"
	    " avidentifierad_orsak = 'samtycke' AND slutdatum = '2025-01-20'"
	    " AND fodelsear = 1992", aid) == 1, "the ärende stripped");
	CHECK(integ_sql_u32("SELECT count(*) FROM person WHERE personnummer"
	    " = '" P_SAMTYCKE "'") == 0, "the person still there");
	CHECK(integ_sql_u32("SELECT count(*) FROM affk_svar WHERE period_id"
	    " = %u", pid) == 1, "the answer kept");
	if (integ_refused(fx_historik(&f.fk, f.fk_ins, "", aid, &h),
	    ERR_NOT_FOUND, "Deltagaren finns inte på ditt kontor",
	    "historik of a stripped ärende") != 0 ||
	    integ_refused(fx_uppgifter(&f.fk, f.fk_ins, pid, s, 1),
	    ERR_NOT_FOUND, "Deltagaren finns inte på ditt kontor",
	    "answers of a stripped ärende") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_AFFK_HISTORIK, &h);
	return fx_end(&f, rv);
}

const struct integ_case cases_affk_flow[] = {
	{ "main", "affk_flow_full", affk_flow_full },
	{ "main", "affk_flow_wrong_authority", affk_flow_wrong_authority },
	{ "main", "affk_flow_dates", affk_flow_dates },
	{ "main", "affk_flow_medverkan", affk_flow_medverkan },
	{ "main", "affk_flow_uppgifter", affk_flow_uppgifter },
	{ "main", "affk_flow_historik_other", affk_flow_historik_other },
	{ "main", "affk_flow_samtycke", affk_flow_samtycke },
	{ NULL, NULL, NULL }
};
