/*
 * Registrera anonyma deltagare (domain.md 2.6(b), rules 34, 35 and 43):
 * the deltagaransvarig of an insats that registers persons adds, for a
 * calendar year, a number of women and a number of men who did not
 * consent or have skyddade personuppgifter. Nothing else is stored: one
 * anonym_deltagande row per kön and save (insats, year, kön, antal and
 * who registered it when). A batch counts for its year only; to count in
 * another year the participants are registered again for that year.
 *
 * The request table has checked the role and the uppdrag; this file
 * checks each rule first so the refusal can name the insats and the
 * years, and the triggers (SU042, SU043, SU061) stay the backstop for
 * any other path in. Anonymous counts are no personal data: the table's
 * audit trigger writes ordinary audit rows and no audit_person row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/* Most added per kön in one save (the table's CHECK). */
#define ANONYM_ANTAL_MAX	10000
/* The years the table accepts at all. */
#define ANONYM_AR_MIN		1990
#define ANONYM_AR_MAX		2200
/* Rows one MSG_ANONYM carries (common/msg.c). */
#define ANONYM_RADER_MAX	2000

/*
 * The insats and what the rules need of it: its years are those of both
 * the insats and its organisation (least() skips a NULL end). A save
 * holds the row, so a change of its dates or categorisation waits for
 * the count.
 */
#define ANONYM_INSATS_SQL						\
	"SELECT i.namn, s.namn, to_char(i.startdatum, 'YYYY-MM-DD'),"	\
	" coalesce(to_char(i.slutdatum, 'YYYY-MM-DD'), ''),"		\
	" kod_kod(i.matningsmetod_id), insats_kategoriserad(i.id),"	\
	" greatest(extract(year FROM i.startdatum),"			\
	" extract(year FROM s.startdatum))::integer,"			\
	" coalesce(least(extract(year FROM i.slutdatum),"		\
	" extract(year FROM s.slutdatum)), 0)::integer,"		\
	" extract(year FROM current_date)::integer,"			\
	" EXISTS (SELECT 1 FROM affk_kontor k WHERE k.insats_id = i.id)" \
	" FROM insats i JOIN samverkansorg s ON s.id = i.samverkansorg_id" \
	" WHERE i.id = $1::integer"

static const char anonym_insats_sql[] = ANONYM_INSATS_SQL;
static const char anonym_insats_lock_sql[] =
    ANONYM_INSATS_SQL " FOR NO KEY UPDATE OF i";

/* The year's sums per kön. */
static const char anonym_summa_sql[] =
	"SELECT coalesce(sum(a.antal) FILTER (WHERE k.kod = 'K'), 0),"
	" coalesce(sum(a.antal) FILTER (WHERE k.kod = 'M'), 0)"
	" FROM anonym_deltagande a JOIN kod k ON k.id = a.kon_id"
	" WHERE a.insats_id = $1::integer AND a.ar = $2::integer";

/*
 * The year's batches, newest first, women before men within a save. A
 * name too long for the message is cut.
 */
static const char anonym_rader_sql[] =
	"SELECT a.id, k.namn, a.antal,"
	" to_char(a.registrerad, 'YYYY-MM-DD HH24:MI'),"
	" CASE WHEN octet_length(n.namn) <= 200 THEN n.namn"
	" ELSE left(n.namn, 50) END"
	" FROM anonym_deltagande a JOIN kod k ON k.id = a.kon_id"
	" LEFT JOIN LATERAL (SELECT u.fornamn || ' ' || u.efternamn AS namn"
	" FROM anvandare u WHERE u.id = a.registrerad_av) n ON true"
	" WHERE a.insats_id = $1::integer AND a.ar = $2::integer"
	" ORDER BY a.registrerad DESC, k.ordning, a.id DESC"
	" LIMIT $3::integer";

/* One row per kön with a number above zero; the new ids. */
static const char anonym_insert_sql[] =
	"INSERT INTO anonym_deltagande (insats_id, ar, kon_id, antal,"
	" registrerad_av)"
	" SELECT $1::integer, $2::integer, k.id, v.antal, $5::integer"
	" FROM (VALUES ('K', $3::integer), ('M', $4::integer))"
	" AS v(kod, antal)"
	" JOIN kod k ON k.lista = 'kon' AND k.kod = v.kod"
	" WHERE v.antal > 0 ORDER BY k.ordning RETURNING id";

/* What a request needs to know of its insats. */
struct anonym_insats {
	char		 iid[16];	/* the id as a parameter */
	char		 namn[512];
	char		 samorg[256];
	char		 start[16];
	char		 slut[16];	/* "" while open */
	uint32_t	 forsta;	/* first year of insats and samorg */
	uint32_t	 slutar;	/* their last year, 0 while open */
	uint32_t	 sista;		/* the last year allowed: not ahead */
	uint32_t	 i_ar;		/* the database's current year */
};

/*
 * Reads the insats (with lock, holding its row) and refuses one that
 * does not register persons (rules 26 and 29). Returns 0, or what the
 * handler returns after answering.
 */
static int
anonym_insats_read(struct session *s, uint32_t id, uint32_t insats_id,
    int lock, struct anonym_insats *a)
{
	PGresult	*res;
	const char	*params[1];
	char		 metod[32];
	int		 kategoriserad, kontor;

	memset(a, 0, sizeof *a);
	snprintf(a->iid, sizeof a->iid, "%u", insats_id);
	params[0] = a->iid;
	if ((res = db_exec(s, lock ? anonym_insats_lock_sql :
	    anonym_insats_sql, 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Insatsen finns inte.");
	}
	strlcpy(a->namn, PQgetvalue(res, 0, 0), sizeof a->namn);
	strlcpy(a->samorg, PQgetvalue(res, 0, 1), sizeof a->samorg);
	strlcpy(a->start, PQgetvalue(res, 0, 2), sizeof a->start);
	strlcpy(a->slut, PQgetvalue(res, 0, 3), sizeof a->slut);
	strlcpy(metod, PQgetvalue(res, 0, 4), sizeof metod);
	kategoriserad = PQgetvalue(res, 0, 5)[0] == 't';
	a->forsta = db_u32(res, 0, 6);
	a->slutar = db_u32(res, 0, 7);
	a->i_ar = db_u32(res, 0, 8);
	kontor = PQgetvalue(res, 0, 9)[0] == 't';
	PQclear(res);
	a->sista = a->i_ar;
	if (a->slutar != 0 && a->slutar < a->sista)
		a->sista = a->slutar;
	/* An Af/FK office (issue 8) is no categorised insats but counts. */
	if (kontor)
		return 0;
	if (!kategoriserad)
		return session_refuse(s, id, ERR_VALIDATION, "Insatsen %s är "
		    "inte kategoriserad: anonyma deltagare registreras först "
		    "när insatsansvarig har kategoriserat den.", a->namn);
	if (strcmp(metod, "PERSON") != 0)
		return session_refuse(s, id, ERR_VALIDATION, "Insatsen %s är "
		    "en volyminsats: där registreras bara antal, inte "
		    "anonyma deltagare.", a->namn);
	return 0;
}

/*
 * Refuses a year the insats does not allow (rule 43): before it or its
 * organisation started, after it ended, or not yet begun. The refusal
 * says which years can be chosen. Returns 0 or the refusal.
 */
static int
anonym_check_year(struct session *s, uint32_t id,
    const struct anonym_insats *a, uint32_t ar)
{
	if (a->forsta > a->sista)
		return session_refuse(s, id, ERR_VALIDATION, "Insatsen %s har "
		    "inte startat: anonyma deltagare registreras från %u.",
		    a->namn, a->forsta);
	if (ar < a->forsta)
		return session_refuse(s, id, ERR_VALIDATION, "År %u är före "
		    "insatsens start (%s). Välj ett år %u–%u.", ar, a->start,
		    a->forsta, a->sista);
	if (a->slutar != 0 && ar > a->slutar)
		return session_refuse(s, id, ERR_VALIDATION, "År %u är efter "
		    "insatsens slut (%s). Välj ett år %u–%u.", ar, a->slut,
		    a->forsta, a->sista);
	if (ar > a->i_ar)
		return session_refuse(s, id, ERR_VALIDATION, "År %u har inte "
		    "börjat: anonyma deltagare registreras för %u–%u.", ar,
		    a->forsta, a->sista);
	if (ar < ANONYM_AR_MIN || ar > ANONYM_AR_MAX)
		return session_refuse(s, id, ERR_VALIDATION, "År %u går inte "
		    "att välja. Välj ett år %u–%u.", ar, a->forsta, a->sista);
	return 0;
}

/* Fills the reply's rows from res (strings point into it). */
static void
anonym_fill_rader(struct msg_anonym *r, PGresult *res)
{
	struct anonym_rad	*ar;
	int			 i;

	r->nrader = (uint32_t)PQntuples(res);
	if (r->nrader > 0)
		r->rader = xcalloc(r->nrader, sizeof *r->rader);
	for (i = 0; i < (int)r->nrader; i++) {
		ar = &r->rader[i];
		ar->id = db_u32(res, i, 0);
		ar->kon = PQgetvalue(res, i, 1);
		ar->antal = db_u32(res, i, 2);
		ar->registrerad = PQgetvalue(res, i, 3);
		ar->registrerad_av = PQgetvalue(res, i, 4);
	}
}

/* MSG_ANONYM_GET → MSG_ANONYM: one year's sums and batches. */
int
anonym_get(struct session *s, uint32_t id, void *m)
{
	struct msg_anonym_get	*q = m;
	struct msg_anonym	 r;
	struct anonym_insats	 a;
	PGresult		*sum = NULL, *res = NULL;
	char			 ar[16], limit[16];
	const char		*params[3];
	int			 rv;

	memset(&r, 0, sizeof r);
	if ((rv = anonym_insats_read(s, id, q->insats_id, 0, &a)) != 0)
		return rv;
	r.ar = rule_year_pick(q->ar, a.i_ar, a.forsta, a.sista);
	if ((rv = anonym_check_year(s, id, &a, r.ar)) != 0)
		return rv;
	snprintf(ar, sizeof ar, "%u", r.ar);
	snprintf(limit, sizeof limit, "%d", ANONYM_RADER_MAX);
	params[0] = a.iid;
	params[1] = ar;
	params[2] = limit;
	if ((sum = db_exec(s, anonym_summa_sql, 2, params)) == NULL ||
	    (res = db_exec(s, anonym_rader_sql, 3, params)) == NULL) {
		rv = db_refused(s, id);
		goto out;
	}
	r.kvinnor = db_u32(sum, 0, 0);
	r.man = db_u32(sum, 0, 1);
	anonym_fill_rader(&r, res);
	r.insats_id = q->insats_id;
	r.insats = a.namn;
	r.samorg = a.samorg;
	r.forsta_ar = a.forsta > ANONYM_AR_MIN ? a.forsta : ANONYM_AR_MIN;
	r.sista_ar = a.sista < ANONYM_AR_MAX ? a.sista : ANONYM_AR_MAX;
	rv = session_reply(s, id, MSG_ANONYM, &r);
out:
	/* The strings belong to the results; only the array is ours. */
	free(r.rader);
	if (res != NULL)
		PQclear(res);
	if (sum != NULL)
		PQclear(sum);
	return rv;
}

/* Checks the numbers: each within the limit, one at least. */
static int
anonym_check_antal(struct session *s, uint32_t id,
    const struct msg_anonym_save *q)
{
	if (q->kvinnor > ANONYM_ANTAL_MAX || q->man > ANONYM_ANTAL_MAX)
		return session_refuse(s, id, ERR_VALIDATION, "Antalet får vara "
		    "högst 10 000 kvinnor och 10 000 män åt gången.");
	if (q->kvinnor == 0 && q->man == 0)
		return session_refuse(s, id, ERR_VALIDATION, "Ange antal "
		    "kvinnor eller antal män: minst en deltagare.");
	return 0;
}

/*
 * Writes one row per kön with a number; returns the last new id, or 0
 * with the failing SQLSTATE kept.
 */
static uint32_t
anonym_write(struct session *s, const struct anonym_insats *a,
    const struct msg_anonym_save *q, uint32_t ar)
{
	PGresult	*res;
	const char	*params[5];
	char		 y[16], k[16], m[16], uid[16];
	uint32_t	 nid = 0;
	int		 want = (q->kvinnor > 0) + (q->man > 0);

	snprintf(y, sizeof y, "%u", ar);
	snprintf(k, sizeof k, "%u", q->kvinnor);
	snprintf(m, sizeof m, "%u", q->man);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = a->iid;
	params[1] = y;
	params[2] = k;
	params[3] = m;
	params[4] = uid;
	if ((res = db_exec(s, anonym_insert_sql, 5, params)) == NULL)
		return 0;
	/* A kön code missing from the list would drop a number silently. */
	if (want > 0 && PQntuples(res) == want)
		nid = db_u32(res, want - 1, 0);
	PQclear(res);
	return nid;
}

/*
 * One MSG_ANONYM_SAVE checked and written, without the reply: the
 * single request and a batch row (batch_count.c) share it. Each group of
 * checks names its cell first for a batch row's refusal. out gets the
 * last row written and the sentence for the user.
 */
int
anonym_save_apply(struct session *s, uint32_t id,
    const struct msg_anonym_save *q, struct count_saved *out)
{
	struct anonym_insats	 a;
	uint32_t		 ar;
	int			 rv;

	memset(out, 0, sizeof *out);
	session_falt(s, BATCH_FALT_INGET, 0);
	if ((rv = anonym_insats_read(s, id, q->insats_id, 1, &a)) != 0)
		return rv;
	ar = q->ar != 0 ? q->ar : a.i_ar;
	session_falt(s, BATCH_FALT_AR, 0);
	if ((rv = anonym_check_year(s, id, &a, ar)) != 0)
		return rv;
	session_falt(s, BATCH_FALT_ANTAL, 0);
	if ((rv = anonym_check_antal(s, id, q)) != 0)
		return rv;
	session_falt(s, BATCH_FALT_INGET, 0);
	if ((out->id = anonym_write(s, &a, q, ar)) == 0) {
		if (s->sqlstate[0] != '\0')
			return db_refused(s, id);
		return session_refuse(s, id, ERR_INTERNAL, "De anonyma "
		    "deltagarna kunde inte sparas på grund av ett serverfel.");
	}
	out->status = BATCH_OK;
	snprintf(out->text, sizeof out->text, "%u %s och %u %s registrerade "
	    "för %u.", q->kvinnor, q->kvinnor == 1 ? "kvinna" : "kvinnor",
	    q->man, q->man == 1 ? "man" : "män", ar);
	return 0;
}

/*
 * MSG_ANONYM_SAVE: adds the women and men to the year in the request's
 * one transaction; MSG_OK says what was added.
 */
int
anonym_save(struct session *s, uint32_t id, void *m)
{
	struct count_saved	 out;
	struct msg_ok		 ok;
	int			 rv;

	if ((rv = anonym_save_apply(s, id, m, &out)) != 0)
		return rv;
	memset(&ok, 0, sizeof ok);
	ok.id = out.id;
	ok.message = out.text;
	return session_reply(s, id, MSG_OK, &ok);
}
