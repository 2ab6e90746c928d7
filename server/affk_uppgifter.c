/*
 * Af/FK-samarbetet: Registrera uppgifter (domain.md 5.2), the answers of
 * one period, saved or corrected all at once by the authority that
 * registered the period. Each answer must be to a question of the step
 * and a code of its list; every mandatory question is answered, and a
 * question with a villkor exactly when its condition holds. Samtycket
 * återkallat as the reason of an Avbrutet samarbete strips the ärende's
 * identity as Finsam's consent withdrawal does (samtycke.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/* The answer that withdraws consent: question ORSAK, code below. */
#define AFFK_ORSAK		"ORSAK"
#define AFFK_AVBRUTET		"AVBRUTET"
#define AFFK_ATERKALLAT		"SAMTYCKE_ATERKALLAT"

/* The period $1: its ärende, who registered it, its step. */
static const char affk_period_sql[] =
	"SELECT p.arende_id, CASE p.myndighet WHEN 'AF' THEN 1 ELSE 2 END,"
	" p.insatstyp_id, k.namn, k.kod"
	" FROM affk_period p JOIN kod k ON k.id = p.insatstyp_id"
	" WHERE p.id = $1::bigint";

/* The questions of step $1, with the answer their villkor wants. */
static const char affk_fragor_sql[] =
	"SELECT f.id, f.text, f.lista, f.obligatorisk,"
	" coalesce(f.villkor_fraga_id, 0), coalesce(f.villkor_svar_id, 0),"
	" coalesce(vk.namn, ''), f.kod"
	" FROM affk_fraga f LEFT JOIN kod vk ON vk.id = f.villkor_svar_id"
	" WHERE f.insatstyp_id = $1::integer ORDER BY f.ordning, f.id";

/*
 * The codes those questions may be answered with: the active ones, and
 * any the period ($2) holds now.
 */
static const char affk_koder_sql[] =
	"SELECT k.id, k.lista, k.kod FROM kod k"
	" WHERE k.lista IN (SELECT f.lista FROM affk_fraga f"
	" WHERE f.insatstyp_id = $1::integer) AND (k.aktiv OR EXISTS"
	" (SELECT 1 FROM affk_svar s WHERE s.period_id = $2::bigint"
	" AND s.svar_id = k.id))";

static const char affk_svar_delete_sql[] =
	"DELETE FROM affk_svar WHERE period_id = $1::bigint";

static const char affk_svar_insert_sql[] =
	"INSERT INTO affk_svar (period_id, fraga_id, svar_lista, svar_id,"
	" andrad_av) SELECT $1::bigint, f.id, f.lista, v.svar, $4::integer"
	" FROM unnest($2::integer[], $3::integer[]) AS v(fraga, svar)"
	" JOIN affk_fraga f ON f.id = v.fraga";

/* Consent withdrawn: the ärende loses its person, then the person goes. */
static const char affk_strip_sql[] =
	"UPDATE affk_arende SET person_id = NULL, avidentifierad = now(),"
	" avidentifierad_orsak = 'samtycke' WHERE id = $1::bigint"
	" RETURNING (SELECT o.person_id FROM affk_arende o"
	" WHERE o.id = $1::bigint)";

static const char affk_person_delete_sql[] =
	"DELETE FROM person p WHERE p.id = $1::bigint"
	" AND NOT EXISTS (SELECT 1 FROM deltagande d WHERE d.person_id = p.id)"
	" AND NOT EXISTS (SELECT 1 FROM affk_arende a"
	" WHERE a.person_id = p.id)";

struct affk_upp {
	uint32_t	 arende_id;
	int		 myndighet;	/* who registered the period */
	char		 typ[16];	/* its step's id as text */
	char		 typ_kod[48];
	char		 typ_namn[SUS_NAME_MAX * 2 + 1];
	PGresult	*fragor;
	PGresult	*koder;
	int		 aterkallat;	/* the answers withdraw consent */
};

/* The answer given to question fraga_id, or 0. */
static uint32_t
affk_svar_of(const struct msg_affk_uppgifter_save *q, uint32_t fraga_id)
{
	uint32_t	i;

	for (i = 0; i < q->nsvar; i++) {
		if (q->svar[i].fraga_id == fraga_id)
			return q->svar[i].svar_id;
	}
	return 0;
}

/* Reads the period and refuses one not the caller's to answer. */
static int
affk_upp_read(struct session *s, uint32_t id, const struct affk_kontor *k,
    const struct msg_affk_uppgifter_save *q, struct affk_upp *u)
{
	PGresult	*res;
	const char	*params[2];
	char		 pid[16];
	int		 rv;

	snprintf(pid, sizeof pid, "%u", q->period_id);
	params[0] = pid;
	if ((res = db_exec(s, affk_period_sql, 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) == 1) {
		u->arende_id = db_u32(res, 0, 0);
		u->myndighet = (int)db_u32(res, 0, 1);
		strlcpy(u->typ, PQgetvalue(res, 0, 2), sizeof u->typ);
		strlcpy(u->typ_namn, PQgetvalue(res, 0, 3),
		    sizeof u->typ_namn);
		strlcpy(u->typ_kod, PQgetvalue(res, 0, 4), sizeof u->typ_kod);
	}
	PQclear(res);
	/* An unknown period is refused in the words of one elsewhere. */
	if ((rv = affk_arende_own(s, id, k, u->arende_id, 1)) != 0)
		return rv;
	if (u->myndighet != k->myndighet)
		return session_refuse(s, id, ERR_VALIDATION, "Uppgifterna för "
		    "%s registreras av %s.", u->typ_namn,
		    rule_affk_myndighet(u->myndighet));
	params[0] = u->typ;
	params[1] = pid;
	if ((u->fragor = db_exec(s, affk_fragor_sql, 1, params)) == NULL ||
	    (u->koder = db_exec(s, affk_koder_sql, 2, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(u->fragor) == 0)
		return session_refuse(s, id, ERR_VALIDATION, "%s har inga "
		    "frågor att besvara.", u->typ_namn);
	return 0;
}

/* Checks each answer: a question of the step, once, a code of its list. */
static int
affk_svar_check(struct session *s, uint32_t id,
    const struct msg_affk_uppgifter_save *q, struct affk_upp *u)
{
	uint32_t	 i, j;
	int		 f, c;

	for (i = 0; i < q->nsvar; i++) {
		if ((f = db_find_row(u->fragor, q->svar[i].fraga_id)) < 0)
			return session_refuse(s, id, ERR_VALIDATION, "Ett svar "
			    "hör till en fråga som inte ställs för %s.",
			    u->typ_namn);
		for (j = 0; j < i; j++) {
			if (q->svar[j].fraga_id == q->svar[i].fraga_id)
				return session_refuse(s, id, ERR_VALIDATION,
				    "Frågan \"%s\" är besvarad två gånger.",
				    PQgetvalue(u->fragor, f, 1));
		}
		c = db_find_row(u->koder, q->svar[i].svar_id);
		if (c < 0 || strcmp(PQgetvalue(u->koder, c, 1),
		    PQgetvalue(u->fragor, f, 2)) != 0)
			return session_refuse(s, id, ERR_VALIDATION, "Svaret "
			    "på \"%s\" är inte ett av frågans alternativ.",
			    PQgetvalue(u->fragor, f, 1));
		if (strcmp(u->typ_kod, AFFK_AVBRUTET) == 0 &&
		    strcmp(PQgetvalue(u->fragor, f, 7), AFFK_ORSAK) == 0 &&
		    strcmp(PQgetvalue(u->koder, c, 2), AFFK_ATERKALLAT) == 0)
			u->aterkallat = 1;
	}
	return 0;
}

/*
 * Checks the questions: every mandatory one whose villkor holds is
 * answered, and none whose villkor does not hold.
 */
static int
affk_fragor_check(struct session *s, uint32_t id,
    const struct msg_affk_uppgifter_save *q, const struct affk_upp *u)
{
	uint32_t	 vf, vs;
	int		 i, v, holds, answered;

	for (i = 0; i < PQntuples(u->fragor); i++) {
		vf = db_u32(u->fragor, i, 4);
		vs = db_u32(u->fragor, i, 5);
		holds = vf == 0 || affk_svar_of(q, vf) == vs;
		answered = affk_svar_of(q, db_u32(u->fragor, i, 0)) != 0;
		if (holds && !answered && PQgetvalue(u->fragor, i, 3)[0] ==
		    't')
			return session_refuse(s, id, ERR_VALIDATION, "Besvara "
			    "\"%s\": alla obligatoriska frågor besvaras på "
			    "en gång.", PQgetvalue(u->fragor, i, 1));
		if (!holds && answered) {
			v = db_find_row(u->fragor, vf);
			return session_refuse(s, id, ERR_VALIDATION, "\"%s\" "
			    "besvaras bara när \"%s\" är %s.",
			    PQgetvalue(u->fragor, i, 1), v < 0 ? "" :
			    PQgetvalue(u->fragor, v, 1),
			    PQgetvalue(u->fragor, i, 6));
		}
	}
	return 0;
}

/* An integer array literal of n values picked from q's answers. */
static char *
affk_svar_array(const struct msg_affk_uppgifter_save *q, int svar)
{
	size_t		 len = (size_t)q->nsvar * 12 + 3;
	char		*arr, num[16];
	uint32_t	 i;

	arr = xcalloc(len, 1);
	arr[0] = '{';
	for (i = 0; i < q->nsvar; i++) {
		snprintf(num, sizeof num, "%s%u", i > 0 ? "," : "",
		    svar ? q->svar[i].svar_id : q->svar[i].fraga_id);
		strlcat(arr, num, len);
	}
	strlcat(arr, "}", len);
	return arr;
}

/* Replaces the period's answers with q's. */
static int
affk_svar_write(struct session *s, uint32_t id,
    const struct msg_affk_uppgifter_save *q)
{
	const char	*params[4];
	char		 pid[16], uid[16], *fragor, *svar;
	int		 r;

	snprintf(pid, sizeof pid, "%u", q->period_id);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = pid;
	if (db_exec_cmd(s, affk_svar_delete_sql, 1, params) != 0)
		return db_refused(s, id);
	params[1] = fragor = affk_svar_array(q, 0);
	params[2] = svar = affk_svar_array(q, 1);
	params[3] = uid;
	r = db_exec_cmd(s, affk_svar_insert_sql, 4, params);
	free(fragor);
	free(svar);
	return r != 0 ? db_refused(s, id) : 0;
}

/*
 * Strips the ärende (consent withdrawn): the trail first, while the
 * ärende still names its person, then the person link, then the person
 * when nothing else links to it. Kön, födelseår, kommun, dates and
 * answers stay for the statistics.
 */
static int
affk_strip(struct session *s, uint32_t id, uint32_t insats_id,
    uint32_t arende_id)
{
	PGresult	*res;
	const char	*params[1];
	char		 aid[16], pid[16];

	if (audit_person_arenden(s, "avidentifiera", "Samtycke återkallat",
	    insats_id, &arende_id, 1) != 0)
		return session_refuse(s, id, ERR_INTERNAL, "%s",
		    rule_deltagande_db_message("SU063"));
	snprintf(aid, sizeof aid, "%u", arende_id);
	params[0] = aid;
	if ((res = db_exec(s, affk_strip_sql, 1, params)) == NULL)
		return db_refused(s, id);
	strlcpy(pid, PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) : "",
	    sizeof pid);
	PQclear(res);
	if (pid[0] == '\0')
		return session_refuse(s, id, ERR_INTERNAL, "Uppgifterna kunde "
		    "inte sparas på grund av ett serverfel.");
	params[0] = pid;
	if (db_exec_cmd(s, affk_person_delete_sql, 1, params) != 0)
		return db_refused(s, id);
	return 0;
}

/* MSG_AFFK_UPPGIFTER_SAVE → MSG_AFFK_SAVED: the period's answers. */
int
affk_uppgifter_save(struct session *s, uint32_t id, void *m)
{
	struct msg_affk_uppgifter_save	*q = m;
	struct msg_affk_saved		 r;
	struct affk_kontor		 k;
	struct affk_upp			 u;
	int				 rv;

	memset(&u, 0, sizeof u);
	if ((rv = affk_kontor_of(s, id, q->kontor_insats_id, &k)) != 0 ||
	    (rv = affk_upp_read(s, id, &k, q, &u)) != 0 ||
	    (rv = affk_svar_check(s, id, q, &u)) != 0 ||
	    (rv = affk_fragor_check(s, id, q, &u)) != 0)
		goto out;
	if (audit_person_arenden(s, "skriv", "Registrera uppgifter",
	    q->kontor_insats_id, &u.arende_id, 1) != 0) {
		rv = session_refuse(s, id, ERR_INTERNAL, "%s",
		    rule_deltagande_db_message("SU063"));
		goto out;
	}
	if ((rv = affk_svar_write(s, id, q)) != 0 || (u.aterkallat &&
	    (rv = affk_strip(s, id, q->kontor_insats_id, u.arende_id)) != 0))
		goto out;
	memset(&r, 0, sizeof r);
	r.arende_id = u.arende_id;
	r.period_id = q->period_id;
	r.nfragor = (uint32_t)PQntuples(u.fragor);
	rv = session_reply(s, id, MSG_AFFK_SAVED, &r);
out:
	PQclear(u.fragor);
	PQclear(u.koder);
	return rv;
}
