/*
 * Af/FK-samarbetet (domain.md 3.14, 5.2; rules 47-53): Registrera
 * medverkan (a new ärende and its first period), övergångar between
 * insatstyper, and Historik enskild deltagare. Registrera uppgifter is
 * affk_uppgifter.c. The request table has let only a deltagaransvarig
 * with an uppdrag on the office's insats through; every rule the caller
 * can get wrong is checked here first, with a sentence naming what is
 * wrong (and who registers a step), and the triggers of schema 0010
 * stand behind. Every write leaves audit_person rows naming the ärende
 * in its transaction (SU063); no sentence repeats a personnummer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk_arende.h"
#include "date.h"
#include "msg.h"
#include "person.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/* Most ärenden, periods and office changes one Historik carries (msg.c). */
#define AFFK_HIST_ARENDEN	100
#define AFFK_HIST_PERIODER	200
#define AFFK_HIST_SVAR		100

/* A name as a reply may carry it (200 bytes), cut when longer. */
#define AFFK_NAMN(x)							\
	"CASE WHEN octet_length(" x ") <= 200 THEN " x			\
	" ELSE left(" x ", 50) END"

static const char *const affk_myndighet_db[] = { "", "AF", "FK" };

const char *
affk_myndighet_kod(int m)
{
	if (m != AFFK_AF && m != AFFK_FK)
		return "";
	return affk_myndighet_db[m];
}

/* The database's today, YYYY-MM-DD, into out (11 bytes). */
int
affk_today(struct session *s, uint32_t id, char *out, size_t len)
{
	PGresult	*res;

	if ((res = db_exec(s, "SELECT to_char(current_date, 'YYYY-MM-DD')",
	    0, NULL)) == NULL)
		return db_refused(s, id);
	strlcpy(out, PQgetvalue(res, 0, 0), len);
	PQclear(res);
	return 0;
}

/* Checks a date typed for a step: a real date, not ahead of today. */
static int
affk_datum_check(struct session *s, uint32_t id, const char *datum,
    const char *today)
{
	if (!date_valid(datum))
		return session_refuse(s, id, ERR_VALIDATION, "Datum ska "
		    "skrivas ÅÅÅÅ-MM-DD.");
	if (strcmp(datum, today) > 0)
		return session_refuse(s, id, ERR_VALIDATION, "Datumet får "
		    "inte vara senare än i dag.");
	return 0;
}

/* The number of questions step insatstyp_id asks, into *n. */
int
affk_nfragor(struct session *s, uint32_t id, uint32_t insatstyp_id,
    uint32_t *n)
{
	PGresult	*res;
	const char	*params[1];
	char		 tid[16];

	snprintf(tid, sizeof tid, "%u", insatstyp_id);
	params[0] = tid;
	if ((res = db_exec(s, "SELECT count(*) FROM affk_fraga"
	    " WHERE insatstyp_id = $1::integer", 1, params)) == NULL)
		return db_refused(s, id);
	*n = db_u32(res, 0, 0);
	PQclear(res);
	return 0;
}

/*
 * A step and the authorities that may register it after insatstyp
 * fran ($1, 0 = the first step): its name, and per authority a row
 * (none when the co-operation has no such övergång).
 */
static const char affk_steg_sql[] =
	"SELECT k.namn, coalesce(o.myndighet, '')"
	" FROM kod k JOIN affk_insatstyp t ON t.kod_id = k.id"
	" LEFT JOIN affk_overgang o ON o.till_id = k.id"
	" AND o.fran_id IS NOT DISTINCT FROM nullif($1::integer, 0)"
	" WHERE k.id = $2::integer ORDER BY o.myndighet";

/*
 * Checks that the caller's authority (k) registers step till after
 * fran (0: the first step), whose name (fran_namn) a refusal gives.
 * The database says the same (SU070, SU071); this names who.
 */
static int
affk_steg_check(struct session *s, uint32_t id, const struct affk_kontor *k,
    uint32_t fran, const char *fran_namn, uint32_t till)
{
	PGresult	*res;
	const char	*params[2], *m;
	char		 f[16], t[16], namn[SUS_NAME_MAX * 2 + 1];
	int		 i, n, other = 0, rv = 0;

	snprintf(f, sizeof f, "%u", fran);
	snprintf(t, sizeof t, "%u", till);
	params[0] = f;
	params[1] = t;
	if ((res = db_exec(s, affk_steg_sql, 2, params)) == NULL)
		return db_refused(s, id);
	if ((n = PQntuples(res)) == 0) {
		PQclear(res);
		return session_refuse(s, id, ERR_VALIDATION, "Välj "
		    "insatstyp.");
	}
	strlcpy(namn, PQgetvalue(res, 0, 0), sizeof namn);
	for (i = 0; i < n; i++) {
		m = PQgetvalue(res, i, 1);
		if (strcmp(m, affk_myndighet_kod(k->myndighet)) == 0)
			goto out;
		if (m[0] != '\0')
			other = strcmp(m, "AF") == 0 ? AFFK_AF : AFFK_FK;
	}
	if (other == 0 && fran == 0)
		rv = session_refuse(s, id, ERR_VALIDATION, "%s kan inte vara "
		    "det första steget: ett samarbete börjar med begäran om "
		    "gemensam kartläggning eller gemensam kartläggning.",
		    namn);
	else if (other == 0)
		rv = session_refuse(s, id, ERR_VALIDATION, "Övergången från "
		    "%s till %s finns inte i Af/FK-samarbetet.", fran_namn,
		    namn);
	else if (fran == 0)
		rv = session_refuse(s, id, ERR_VALIDATION, "Medverkan som "
		    "börjar med %s registreras av %s.", namn,
		    rule_affk_myndighet(other));
	else
		rv = session_refuse(s, id, ERR_VALIDATION, "Övergången till "
		    "%s registreras av %s.", namn, rule_affk_myndighet(other));
out:
	PQclear(res);
	return rv;
}

/*
 * The ärende of a new medverkan, its first period and the audit row in
 * between, which the deferred check (SU063) wants in the transaction.
 */
static const char affk_arende_insert_sql[] =
	"INSERT INTO affk_arende (person_id, kon_id, fodelsear, kommunkod,"
	" initierad_av, samtycke, samtycke_datum, af_kontor_id, fk_kontor_id,"
	" startdatum, registrerad_av)"
	" VALUES ($1::bigint, (SELECT id FROM kod WHERE lista = 'kon'"
	" AND kod = $2), $3::smallint, nullif($4, ''), $5, true, $6::date,"
	" $7::integer, $8::integer, $9::date, $10::integer) RETURNING id";

static const char affk_period_insert_sql[] =
	"INSERT INTO affk_period (arende_id, insatstyp_id, startdatum,"
	" af_kontor_id, fk_kontor_id, myndighet, registrerad_av)"
	" SELECT a.id, $2::integer, $3::date, a.af_kontor_id, a.fk_kontor_id,"
	" $4, $5::integer FROM affk_arende a WHERE a.id = $1::bigint"
	" RETURNING id";

/* Runs an INSERT ... RETURNING id; the id to *out. */
static int
affk_insert(struct session *s, uint32_t id, const char *sql, int n,
    const char *const *params, uint32_t *out)
{
	PGresult	*res;

	if ((res = db_exec(s, sql, n, params)) == NULL)
		return db_refused(s, id);
	*out = PQntuples(res) == 1 ? db_u32(res, 0, 0) : 0;
	PQclear(res);
	if (*out == 0)
		return session_refuse(s, id, ERR_INTERNAL, "Uppgifterna kunde "
		    "inte sparas på grund av ett serverfel.");
	return 0;
}

/* Writes the period (the trigger ends the one before); *pid its id. */
static int
affk_period_write(struct session *s, uint32_t id, uint32_t arende_id,
    uint32_t insatstyp_id, const char *datum, int myndighet, uint32_t *pid)
{
	const char	*params[5];
	char		 aid[16], tid[16], uid[16];

	snprintf(aid, sizeof aid, "%u", arende_id);
	snprintf(tid, sizeof tid, "%u", insatstyp_id);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = aid;
	params[1] = tid;
	params[2] = datum;
	params[3] = affk_myndighet_kod(myndighet);
	params[4] = uid;
	return affk_insert(s, id, affk_period_insert_sql, 5, params, pid);
}

/* The reply to a write: the ärende, the period and its questions. */
static int
affk_saved(struct session *s, uint32_t id, uint32_t arende_id,
    uint32_t period_id, uint32_t insatstyp_id)
{
	struct msg_affk_saved	r;
	int			rv;

	memset(&r, 0, sizeof r);
	r.arende_id = arende_id;
	r.period_id = period_id;
	if ((rv = affk_nfragor(s, id, insatstyp_id, &r.nfragor)) != 0)
		return rv;
	return session_reply(s, id, MSG_AFFK_SAVED, &r);
}

/* Checks what medverkan says besides the person and the step. */
static int
affk_medverkan_check(struct session *s, uint32_t id,
    const struct msg_affk_medverkan_save *q, const struct affk_kontor *k,
    const char *today, char *samtycke, size_t len)
{
	int	rv;

	if (q->af_kontor_id == 0 || q->fk_kontor_id == 0)
		return session_refuse(s, id, ERR_VALIDATION, "Välj både "
		    "Af-kontor och FK-kontor.");
	if (k->id != q->af_kontor_id && k->id != q->fk_kontor_id)
		return session_refuse(s, id, ERR_VALIDATION, "Ditt kontor "
		    "(%s) måste vara ett av de handläggande kontoren.",
		    k->namn);
	if (q->initierad_av != AFFK_AF && q->initierad_av != AFFK_FK)
		return session_refuse(s, id, ERR_VALIDATION, "Välj om "
		    "samarbetet initierades av Arbetsförmedlingen eller "
		    "Försäkringskassan.");
	if ((rv = affk_datum_check(s, id, q->datum, today)) != 0)
		return rv;
	if (q->samtycke != 1)
		return session_refuse(s, id, ERR_VALIDATION, "Samtycke saknas: "
		    "deltagarens undertecknade samtycke till samarbetet måste "
		    "finnas innan något sparas.");
	strlcpy(samtycke, q->samtycke_datum[0] != '\0' ? q->samtycke_datum :
	    today, len);
	if (!date_valid(samtycke))
		return session_refuse(s, id, ERR_VALIDATION, "Datum för "
		    "samtycket måste skrivas ÅÅÅÅ-MM-DD.");
	if (strcmp(samtycke, today) > 0)
		return session_refuse(s, id, ERR_VALIDATION, "Datum för "
		    "samtycket får inte vara senare än i dag.");
	return 0;
}

/* Stores the ärende; its id goes to *aid. */
static int
affk_arende_write(struct session *s, uint32_t id,
    const struct msg_affk_medverkan_save *q, const struct person_reg *pe,
    const char *samtycke, uint32_t *aid)
{
	const char	*params[10];
	char		 pid[16], ar[16], af[16], fk[16], uid[16];

	snprintf(pid, sizeof pid, "%u", pe->id);
	snprintf(ar, sizeof ar, "%d", pe->p.year);
	snprintf(af, sizeof af, "%u", q->af_kontor_id);
	snprintf(fk, sizeof fk, "%u", q->fk_kontor_id);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = pid;
	params[1] = pe->p.male ? "M" : "K";
	params[2] = ar;
	params[3] = pe->kommun;
	params[4] = affk_myndighet_kod(q->initierad_av);
	params[5] = samtycke;
	params[6] = af;
	params[7] = fk;
	params[8] = q->datum;
	params[9] = uid;
	return affk_insert(s, id, affk_arende_insert_sql, 10, params, aid);
}

/* MSG_AFFK_MEDVERKAN_SAVE → MSG_AFFK_SAVED: a new ärende. */
int
affk_medverkan_save(struct session *s, uint32_t id, void *m)
{
	struct msg_affk_medverkan_save	*q = m;
	struct affk_kontor		 k;
	struct person_reg		 pe;
	char				 today[16], samtycke[16];
	uint32_t			 aid = 0, pid = 0;
	int				 rv;

	if ((rv = affk_kontor_of(s, id, q->kontor_insats_id, &k)) != 0 ||
	    (rv = affk_steg_check(s, id, &k, 0, "", q->insatstyp_id)) != 0 ||
	    (rv = affk_today(s, id, today, sizeof today)) != 0 ||
	    (rv = affk_medverkan_check(s, id, q, &k, today, samtycke,
	    sizeof samtycke)) != 0 ||
	    (rv = person_pnr(s, id, q->personnummer, &pe)) != 0 ||
	    (rv = person_reg_lookup(s, id, &pe)) != 0 ||
	    (rv = person_reg_check(s, id, NULL, q->namn, q->kommunkod,
	    q->stadsdel_id, &pe)) != 0 ||
	    (rv = person_reg_store(s, id, &pe)) != 0 ||
	    (rv = affk_arende_write(s, id, q, &pe, samtycke, &aid)) != 0)
		return rv;
	if (audit_person_arenden(s, "skriv", "Registrera medverkan",
	    q->kontor_insats_id, &aid, 1) != 0)
		return session_refuse(s, id, ERR_INTERNAL, "%s",
		    rule_deltagande_db_message("SU063"));
	if ((rv = affk_period_write(s, id, aid, q->insatstyp_id, q->datum,
	    k.myndighet, &pid)) != 0)
		return rv;
	return affk_saved(s, id, aid, pid, q->insatstyp_id);
}

/*
 * Where an ärende stands ($1): ended, the current period (its step, name
 * and start), the last office change, today.
 */
static const char affk_lage_sql[] =
	"SELECT a.slutdatum IS NOT NULL, coalesce(p.insatstyp_id, 0),"
	" coalesce(k.namn, ''), coalesce(to_char(p.startdatum, 'YYYY-MM-DD'),"
	" ''), coalesce((SELECT to_char(max(b.datum), 'YYYY-MM-DD')"
	" FROM affk_kontorsbyte b WHERE b.arende_id = a.id), ''),"
	" to_char(current_date, 'YYYY-MM-DD')"
	" FROM affk_arende a LEFT JOIN affk_period p ON p.arende_id = a.id"
	" AND p.slutdatum IS NULL LEFT JOIN kod k ON k.id = p.insatstyp_id"
	" WHERE a.id = $1::bigint";

struct affk_lage {
	int		 avslutat;
	uint32_t	 typ;		/* the current step */
	char		 typ_namn[SUS_NAME_MAX * 2 + 1];
	char		 start[11];	/* its start */
	char		 byte[11];	/* the last office change, or "" */
	char		 today[11];
};

static int
affk_lage_read(struct session *s, uint32_t id, uint32_t arende_id,
    struct affk_lage *l)
{
	PGresult	*res;
	const char	*params[1];
	char		 aid[16];

	memset(l, 0, sizeof *l);
	snprintf(aid, sizeof aid, "%u", arende_id);
	params[0] = aid;
	if ((res = db_exec(s, affk_lage_sql, 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_INTERNAL, "Uppgifterna kunde "
		    "inte läsas på grund av ett serverfel.");
	}
	l->avslutat = PQgetvalue(res, 0, 0)[0] == 't';
	l->typ = db_u32(res, 0, 1);
	strlcpy(l->typ_namn, PQgetvalue(res, 0, 2), sizeof l->typ_namn);
	strlcpy(l->start, PQgetvalue(res, 0, 3), sizeof l->start);
	strlcpy(l->byte, PQgetvalue(res, 0, 4), sizeof l->byte);
	strlcpy(l->today, PQgetvalue(res, 0, 5), sizeof l->today);
	PQclear(res);
	if (l->avslutat || l->typ == 0)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_affk_db_message("SU073"));
	return 0;
}

/* MSG_AFFK_OVERGANG_SAVE → MSG_AFFK_SAVED: the next period. */
int
affk_overgang_save(struct session *s, uint32_t id, void *m)
{
	struct msg_affk_overgang_save	*q = m;
	struct affk_kontor		 k;
	struct affk_lage		 l;
	uint32_t			 pid = 0;
	int				 rv;

	if ((rv = affk_kontor_of(s, id, q->kontor_insats_id, &k)) != 0 ||
	    (rv = affk_arende_own(s, id, &k, q->arende_id, 1)) != 0 ||
	    (rv = affk_lage_read(s, id, q->arende_id, &l)) != 0 ||
	    (rv = affk_steg_check(s, id, &k, l.typ, l.typ_namn,
	    q->insatstyp_id)) != 0 ||
	    (rv = affk_datum_check(s, id, q->datum, l.today)) != 0)
		return rv;
	/* ISO dates compare as text. */
	if (strcmp(q->datum, l.start) <= 0)
		/* One line of 80 columns: the screen names the step. */
		return session_refuse(s, id, ERR_VALIDATION, "Datumet måste "
		    "vara efter %s, det nuvarande stegets startdatum.",
		    l.start);
	if (l.byte[0] != '\0' && strcmp(q->datum, l.byte) < 0)
		return session_refuse(s, id, ERR_VALIDATION, "Datumet får "
		    "inte vara före kontorsbytet %s.", l.byte);
	if (audit_person_arenden(s, "skriv", "Registrera övergång",
	    q->kontor_insats_id, &q->arende_id, 1) != 0)
		return session_refuse(s, id, ERR_INTERNAL, "%s",
		    rule_deltagande_db_message("SU063"));
	if ((rv = affk_period_write(s, id, q->arende_id, q->insatstyp_id,
	    q->datum, k.myndighet, &pid)) != 0)
		return rv;
	return affk_saved(s, id, q->arende_id, pid, q->insatstyp_id);
}

/*
 * Historik: the ärenden on office $2 of the person with number $1, or
 * the ärende $3 (then $1 is ''), newest first; stripped ones never.
 */
static const char affk_hist_arenden_sql[] =
	"SELECT a.id, CASE a.initierad_av WHEN 'AF' THEN 1 ELSE 2 END,"
	" to_char(a.samtycke_datum, 'YYYY-MM-DD'),"
	" to_char(a.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(a.slutdatum, 'YYYY-MM-DD'), ''),"
	" a.af_kontor_id, ka.namn, a.fk_kontor_id, kf.namn,"
	" CASE WHEN a.slutdatum IS NOT NULL THEN 3 ELSE coalesce((SELECT"
	"  CASE t.slag WHEN 'aktivitet' THEN 1 WHEN 'vantan' THEN 2 ELSE 3 END"
	"  FROM affk_period p JOIN affk_insatstyp t ON t.kod_id ="
	"  p.insatstyp_id WHERE p.arende_id = a.id"
	"  ORDER BY p.startdatum DESC, p.id DESC LIMIT 1), 2) END,"
	" a.person_id"
	" FROM affk_arende a JOIN person p ON p.id = a.person_id"
	" JOIN affk_kontor ka ON ka.id = a.af_kontor_id"
	" JOIN affk_kontor kf ON kf.id = a.fk_kontor_id"
	" WHERE a.avidentifierad IS NULL"
	" AND (a.af_kontor_id = $2::integer OR a.fk_kontor_id = $2::integer)"
	" AND (($1 <> '' AND p.personnummer = $1)"
	"  OR ($1 = '' AND a.id = $3::bigint))"
	" ORDER BY a.startdatum DESC, a.id DESC LIMIT 100";

/* The person of ärende $1. */
static const char affk_hist_person_sql[] =
	"SELECT p.personnummer, " AFFK_NAMN("p.namn") ","
	" coalesce(km.namn, ''), coalesce(kk.namn, ''), a.fodelsear"
	" FROM affk_arende a JOIN person p ON p.id = a.person_id"
	" LEFT JOIN kommun km ON km.kommunkod = p.kommunkod"
	" LEFT JOIN kod kk ON kk.id = a.kon_id WHERE a.id = $1::bigint";

/* The periods of the ärenden in $1, oldest first. */
static const char affk_hist_perioder_sql[] =
	"SELECT p.arende_id, p.id, p.insatstyp_id, k.namn,"
	" CASE t.slag WHEN 'aktivitet' THEN 1 WHEN 'vantan' THEN 2 ELSE 3 END,"
	" to_char(p.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(p.slutdatum, 'YYYY-MM-DD'), ''),"
	" p.af_kontor_id, ka.namn, p.fk_kontor_id, kf.namn,"
	" CASE p.myndighet WHEN 'AF' THEN 1 ELSE 2 END,"
	" coalesce(" AFFK_NAMN("u.fornamn || ' ' || u.efternamn") ", ''),"
	" CASE WHEN NOT EXISTS (SELECT 1 FROM affk_fraga f"
	"  WHERE f.insatstyp_id = p.insatstyp_id) THEN 0"
	"  WHEN EXISTS (SELECT 1 FROM affk_svar s WHERE s.period_id = p.id)"
	"  THEN 2 ELSE 1 END"
	" FROM affk_period p JOIN kod k ON k.id = p.insatstyp_id"
	" JOIN affk_insatstyp t ON t.kod_id = p.insatstyp_id"
	" JOIN affk_kontor ka ON ka.id = p.af_kontor_id"
	" JOIN affk_kontor kf ON kf.id = p.fk_kontor_id"
	" LEFT JOIN anvandare u ON u.id = p.registrerad_av"
	" WHERE p.arende_id = ANY ($1::bigint[])"
	" ORDER BY p.arende_id, p.startdatum, p.id";

/* Their answers, in the order of the questions. */
static const char affk_hist_svar_sql[] =
	"SELECT s.period_id, s.fraga_id, s.svar_id FROM affk_svar s"
	" JOIN affk_period p ON p.id = s.period_id"
	" JOIN affk_fraga f ON f.id = s.fraga_id"
	" WHERE p.arende_id = ANY ($1::bigint[])"
	" ORDER BY s.period_id, f.ordning, f.id";

/* Their office changes, oldest first. */
static const char affk_hist_byten_sql[] =
	"SELECT b.arende_id, to_char(b.datum, 'YYYY-MM-DD'), fa.namn, ta.namn,"
	" ff.namn, tf.namn,"
	" coalesce(" AFFK_NAMN("u.fornamn || ' ' || u.efternamn") ", '')"
	" FROM affk_kontorsbyte b"
	" JOIN affk_kontor fa ON fa.id = b.fran_af_kontor_id"
	" JOIN affk_kontor ta ON ta.id = b.till_af_kontor_id"
	" JOIN affk_kontor ff ON ff.id = b.fran_fk_kontor_id"
	" JOIN affk_kontor tf ON tf.id = b.till_fk_kontor_id"
	" LEFT JOIN anvandare u ON u.id = b.andrad_av"
	" WHERE b.arende_id = ANY ($1::bigint[])"
	" ORDER BY b.arende_id, b.datum, b.id";

/* The results a Historik is made of; the reply points into them. */
struct affk_hist {
	PGresult	*arenden, *person, *perioder, *svar, *byten;
	uint32_t	*ids;
	char		*arr;		/* ids as a Postgres array */
};

static void
affk_hist_clear(struct affk_hist *h, struct msg_affk_historik *r)
{
	uint32_t	i, j;

	for (i = 0; i < r->narenden; i++) {
		for (j = 0; j < r->arenden[i].nperioder; j++)
			free(r->arenden[i].perioder[j].svar);
		free(r->arenden[i].perioder);
		free(r->arenden[i].byten);
	}
	free(r->arenden);
	PQclear(h->arenden);
	PQclear(h->person);
	PQclear(h->perioder);
	PQclear(h->svar);
	PQclear(h->byten);
	free(h->ids);
	free(h->arr);
}

/* Fills period row i of res (affk_hist_perioder_sql) and its answers. */
static void
affk_hist_period(const struct affk_hist *h, int i, struct affk_period_row *p)
{
	PGresult	*res = h->perioder;
	int		 j, n = 0;

	p->id = db_u32(res, i, 1);
	p->insatstyp_id = db_u32(res, i, 2);
	p->insatstyp = PQgetvalue(res, i, 3);
	p->slag = (uint8_t)db_u32(res, i, 4);
	p->startdatum = PQgetvalue(res, i, 5);
	p->slutdatum = PQgetvalue(res, i, 6);
	p->af_kontor_id = db_u32(res, i, 7);
	p->af_kontor = PQgetvalue(res, i, 8);
	p->fk_kontor_id = db_u32(res, i, 9);
	p->fk_kontor = PQgetvalue(res, i, 10);
	p->myndighet = (uint8_t)db_u32(res, i, 11);
	p->registrerad_av = PQgetvalue(res, i, 12);
	p->uppgifter = (uint8_t)db_u32(res, i, 13);
	for (j = 0; j < PQntuples(h->svar); j++) {
		if (db_u32(h->svar, j, 0) == p->id)
			n++;
	}
	if (n > AFFK_HIST_SVAR)
		n = AFFK_HIST_SVAR;
	p->svar = xcalloc((size_t)n + 1, sizeof *p->svar);
	for (j = 0; j < PQntuples(h->svar) && p->nsvar < (uint32_t)n; j++) {
		if (db_u32(h->svar, j, 0) != p->id)
			continue;
		p->svar[p->nsvar].fraga_id = db_u32(h->svar, j, 1);
		p->svar[p->nsvar].svar_id = db_u32(h->svar, j, 2);
		p->nsvar++;
	}
}

/* Fills ärende i of the reply with its periods and office changes. */
static void
affk_hist_arende(const struct affk_hist *h, int i, struct affk_arende_row *a)
{
	PGresult	*res = h->arenden;
	int		 j, np = 0, nb = 0, skip_p, skip_b, seen;

	a->id = db_u32(res, i, 0);
	a->initierad_av = (uint8_t)db_u32(res, i, 1);
	a->samtycke_datum = PQgetvalue(res, i, 2);
	a->startdatum = PQgetvalue(res, i, 3);
	a->slutdatum = PQgetvalue(res, i, 4);
	a->af_kontor_id = db_u32(res, i, 5);
	a->af_kontor = PQgetvalue(res, i, 6);
	a->fk_kontor_id = db_u32(res, i, 7);
	a->fk_kontor = PQgetvalue(res, i, 8);
	a->status = (uint8_t)db_u32(res, i, 9);
	for (j = 0; j < PQntuples(h->perioder); j++)
		np += db_u32(h->perioder, j, 0) == a->id;
	for (j = 0; j < PQntuples(h->byten); j++)
		nb += db_u32(h->byten, j, 0) == a->id;
	/* Beyond the cap the oldest go: the current period always shows. */
	skip_p = np > AFFK_HIST_PERIODER ? np - AFFK_HIST_PERIODER : 0;
	skip_b = nb > AFFK_HIST_PERIODER ? nb - AFFK_HIST_PERIODER : 0;
	np -= skip_p;
	nb -= skip_b;
	a->perioder = xcalloc((size_t)np + 1, sizeof *a->perioder);
	a->byten = xcalloc((size_t)nb + 1, sizeof *a->byten);
	for (j = 0, seen = 0; j < PQntuples(h->perioder) &&
	    a->nperioder < (uint32_t)np; j++) {
		if (db_u32(h->perioder, j, 0) == a->id && seen++ >= skip_p)
			affk_hist_period(h, j, &a->perioder[a->nperioder++]);
	}
	for (j = 0, seen = 0; j < PQntuples(h->byten) &&
	    a->nbyten < (uint32_t)nb; j++) {
		if (db_u32(h->byten, j, 0) != a->id || seen++ < skip_b)
			continue;
		a->byten[a->nbyten].datum = PQgetvalue(h->byten, j, 1);
		a->byten[a->nbyten].fran_af_kontor = PQgetvalue(h->byten, j, 2);
		a->byten[a->nbyten].till_af_kontor = PQgetvalue(h->byten, j, 3);
		a->byten[a->nbyten].fran_fk_kontor = PQgetvalue(h->byten, j, 4);
		a->byten[a->nbyten].till_fk_kontor = PQgetvalue(h->byten, j, 5);
		a->byten[a->nbyten].andrad_av = PQgetvalue(h->byten, j, 6);
		a->nbyten++;
	}
}

/* Reads the ärenden's periods, answers and office changes. */
static int
affk_hist_read(struct session *s, struct affk_hist *h)
{
	const char	*params[1];
	size_t		 i, n = (size_t)PQntuples(h->arenden), len;
	char		 num[16];

	len = n * 12 + 3;
	h->ids = xcalloc(n + 1, sizeof *h->ids);
	h->arr = xcalloc(len, 1);
	h->arr[0] = '{';
	for (i = 0; i < n; i++) {
		h->ids[i] = db_u32(h->arenden, (int)i, 0);
		snprintf(num, sizeof num, "%s%u", i > 0 ? "," : "", h->ids[i]);
		strlcat(h->arr, num, len);
	}
	strlcat(h->arr, "}", len);
	params[0] = h->arr;
	if ((h->perioder = db_exec(s, affk_hist_perioder_sql, 1,
	    params)) == NULL || (h->svar = db_exec(s, affk_hist_svar_sql, 1,
	    params)) == NULL || (h->byten = db_exec(s, affk_hist_byten_sql, 1,
	    params)) == NULL)
		return -1;
	params[0] = PQgetvalue(h->arenden, 0, 0);
	if ((h->person = db_exec(s, affk_hist_person_sql, 1, params)) == NULL ||
	    PQntuples(h->person) != 1)
		return -1;
	return 0;
}

/* MSG_AFFK_HISTORIK_GET → MSG_AFFK_HISTORIK, each ärende audited read. */
int
affk_historik_get(struct session *s, uint32_t id, void *m)
{
	struct msg_affk_historik_get	*q = m;
	struct msg_affk_historik	 r;
	struct affk_kontor		 k;
	struct affk_hist		 h;
	const char			*params[3], *why;
	char				 pnr[16] = "", kid[16], aid[16];
	int				 i, rv;

	memset(&r, 0, sizeof r);
	memset(&h, 0, sizeof h);
	if ((rv = affk_kontor_of(s, id, q->kontor_insats_id, &k)) != 0)
		return rv;
	if (q->personnummer[0] != '\0' && (why = rule_pnr_refusal(
	    q->personnummer, pnr, sizeof pnr)) != NULL)
		return session_refuse(s, id, ERR_VALIDATION, "%s", why);
	if (pnr[0] == '\0' && q->arende_id == 0)
		return session_refuse(s, id, ERR_VALIDATION, "Ange "
		    "personnummer.");
	snprintf(kid, sizeof kid, "%u", k.id);
	snprintf(aid, sizeof aid, "%u", q->arende_id);
	params[0] = pnr;
	params[1] = kid;
	params[2] = aid;
	if ((h.arenden = db_exec(s, affk_hist_arenden_sql, 3, params)) ==
	    NULL) {
		rv = db_refused(s, id);
		goto out;
	}
	if (PQntuples(h.arenden) == 0) {
		/* The same words whether the person exists elsewhere or not. */
		rv = affk_arende_own(s, id, &k, 0, 0);
		goto out;
	}
	if (affk_hist_read(s, &h) != 0) {
		rv = session_refuse(s, id, ERR_INTERNAL, "Uppgifterna kunde "
		    "inte läsas på grund av ett serverfel.");
		goto out;
	}
	if (audit_person_arenden(s, "las", "Historik enskild deltagare",
	    q->kontor_insats_id, h.ids, (size_t)PQntuples(h.arenden)) != 0) {
		rv = session_refuse(s, id, ERR_INTERNAL, "Uppgifterna kan inte "
		    "visas: läsningen kunde inte loggas på grund av ett "
		    "serverfel.");
		goto out;
	}
	r.personnummer = PQgetvalue(h.person, 0, 0);
	r.namn = PQgetvalue(h.person, 0, 1);
	r.kommun = PQgetvalue(h.person, 0, 2);
	r.kon = PQgetvalue(h.person, 0, 3);
	r.fodelsear = db_u32(h.person, 0, 4);
	r.arenden = xcalloc((size_t)PQntuples(h.arenden) + 1,
	    sizeof *r.arenden);
	for (i = 0; i < PQntuples(h.arenden) && i < AFFK_HIST_ARENDEN; i++)
		affk_hist_arende(&h, i, &r.arenden[r.narenden++]);
	rv = session_reply(s, id, MSG_AFFK_HISTORIK, &r);
out:
	affk_hist_clear(&h, &r);
	return rv;
}
