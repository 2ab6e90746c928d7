/*
 * Registrera antal i volyminsats (domain.md 2.6(c), rules 4 and 29):
 * the insatsansvarig registers, per calendar month, how many women, men
 * and people of unknown kön a volyminsats reached. A month has at most
 * one current row; a correction marks it ersatt and adds a new row that
 * names it, with a kommentar saying why, so the history stays (schema
 * 0007 lets nothing else change a row, and nothing delete one). The
 * request table has checked the role and the uppdrag; this file checks
 * each rule first so the refusal can name the month and the dates, and
 * the triggers stay the backstop for any other path in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "samverkansorg.h"
#include "susd.h"
#include "xmalloc.h"

/* Most counted per kön and month (the table's CHECK). */
#define VOLYM_ANTAL_MAX		1000000
/* Characters of a kommentar (the table's CHECK). */
#define VOLYM_KOMMENTAR_MAX	200
/* The years the tables accept at all. */
#define VOLYM_AR_MIN		1990
#define VOLYM_AR_MAX		2200
/* Rows one MSG_VOLYM carries (common/msg.c). */
#define VOLYM_RADER_MAX		2000

static const char *const volym_manader[12] = {
	"januari", "februari", "mars", "april", "maj", "juni", "juli",
	"augusti", "september", "oktober", "november", "december",
};

/*
 * The insats and what the rules need of it: its years are those of both
 * the insats and its organisation (least() skips a NULL end). A save
 * holds the row, so two saves of one insats follow each other and a
 * change of its dates waits for the count.
 */
#define VOLYM_INSATS_SQL						\
	"SELECT i.namn, s.namn, to_char(i.startdatum, 'YYYY-MM-DD'),"	\
	" coalesce(to_char(i.slutdatum, 'YYYY-MM-DD'), ''),"		\
	" kod_kod(i.matningsmetod_id),"					\
	" greatest(extract(year FROM i.startdatum),"			\
	" extract(year FROM s.startdatum))::integer,"			\
	" coalesce(least(extract(year FROM i.slutdatum),"		\
	" extract(year FROM s.slutdatum)), 0)::integer,"		\
	" extract(year FROM current_date)::integer,"			\
	" to_char(current_date, 'YYYY-MM')"				\
	" FROM insats i JOIN samverkansorg s ON s.id = i.samverkansorg_id" \
	" WHERE i.id = $1::integer"

static const char volym_insats_sql[] = VOLYM_INSATS_SQL;
static const char volym_insats_lock_sql[] =
    VOLYM_INSATS_SQL " FOR NO KEY UPDATE OF i";

/*
 * A year's rows: the current one of each month, by month, then those
 * replaced, newest first. A name too long for the message is cut.
 */
static const char volym_rader_sql[] =
	"SELECT v.id, to_char(v.period, 'YYYY-MM'), v.kvinnor, v.man,"
	" v.okant, v.kommentar,"
	" to_char(v.registrerad, 'YYYY-MM-DD HH24:MI'),"
	" CASE WHEN octet_length(n.namn) <= 200 THEN n.namn"
	" ELSE left(n.namn, 50) END,"
	" v.ersatt IS NULL, coalesce(v.ersatter, 0)"
	" FROM volym_antal v"
	" LEFT JOIN LATERAL (SELECT a.fornamn || ' ' || a.efternamn AS namn"
	" FROM anvandare a WHERE a.id = v.registrerad_av) n ON true"
	" WHERE v.insats_id = $1::integer"
	" AND v.period >= make_date($2::integer, 1, 1)"
	" AND v.period < make_date($2::integer + 1, 1, 1)"
	" ORDER BY v.ersatt IS NOT NULL,"
	" CASE WHEN v.ersatt IS NULL THEN v.period END,"
	" v.registrerad DESC, v.id DESC LIMIT $3::integer";

/* The month's current row, if any. */
static const char volym_aktuell_sql[] =
	"SELECT id, kvinnor, man, okant FROM volym_antal"
	" WHERE insats_id = $1::integer AND period = $2::date"
	" AND ersatt IS NULL";

static const char volym_ersatt_sql[] =
	"UPDATE volym_antal SET ersatt = now()"
	" WHERE id = $1::integer AND ersatt IS NULL";

static const char volym_insert_sql[] =
	"INSERT INTO volym_antal (insats_id, period, kvinnor, man, okant,"
	" kommentar, ersatter, registrerad_av) VALUES ($1::integer,"
	" $2::date, $3::integer, $4::integer, $5::integer, $6::text,"
	" nullif($7::integer, 0), $8::integer) RETURNING id";

/* What a request needs to know of its insats. */
struct volym_insats {
	char		 iid[16];	/* the id as a parameter */
	char		 namn[512];
	char		 samorg[256];
	char		 start[16];
	char		 slut[16];	/* "" while open */
	char		 matning[32];	/* kod of the mätningsmetod, "" none */
	uint32_t	 forsta;	/* first and last year; sista 0 = open */
	uint32_t	 sista;
	uint32_t	 i_ar;		/* the database's current year */
	char		 i_manad[8];	/* and month, YYYY-MM */
};

/*
 * Reads the insats (with lock, holding its row) and refuses one that
 * does not count volumes. Returns 0, or what the handler returns after
 * answering.
 */
static int
volym_insats_read(struct session *s, uint32_t id, uint32_t insats_id,
    int lock, struct volym_insats *v)
{
	PGresult	*res;
	const char	*params[1];

	memset(v, 0, sizeof *v);
	snprintf(v->iid, sizeof v->iid, "%u", insats_id);
	params[0] = v->iid;
	if ((res = db_exec(s, lock ? volym_insats_lock_sql : volym_insats_sql,
	    1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Insatsen finns inte.");
	}
	strlcpy(v->namn, PQgetvalue(res, 0, 0), sizeof v->namn);
	strlcpy(v->samorg, PQgetvalue(res, 0, 1), sizeof v->samorg);
	strlcpy(v->start, PQgetvalue(res, 0, 2), sizeof v->start);
	strlcpy(v->slut, PQgetvalue(res, 0, 3), sizeof v->slut);
	strlcpy(v->matning, PQgetvalue(res, 0, 4), sizeof v->matning);
	v->forsta = db_u32(res, 0, 5);
	v->sista = db_u32(res, 0, 6);
	v->i_ar = db_u32(res, 0, 7);
	strlcpy(v->i_manad, PQgetvalue(res, 0, 8), sizeof v->i_manad);
	PQclear(res);
	if (strcmp(v->matning, "ANTAL") == 0)
		return 0;
	if (v->matning[0] == '\0')
		return session_refuse(s, id, ERR_VALIDATION, "Insatsen %s är "
		    "inte kategoriserad: antal registreras bara på en "
		    "volyminsats (mätningsmetod Endast antal).", v->namn);
	return session_refuse(s, id, ERR_VALIDATION, "Insatsen %s är ingen "
	    "volyminsats: antal registreras bara på insatser med "
	    "mätningsmetod Endast antal. Deltagare registreras under "
	    "Deltagande.", v->namn);
}

/* Writes "2023-03-15 – tills vidare" or "2023-03-15 – 2025-12-31". */
static void
volym_tid(const struct volym_insats *v, char *out, size_t len)
{
	snprintf(out, len, "%s – %s", v->start, v->slut[0] != '\0' ?
	    v->slut : "tills vidare");
}

/* Fills the reply's rows from res (strings point into it). */
static void
volym_fill_rader(struct msg_volym *r, PGresult *res)
{
	struct volym_rad	*vr;
	int			 i;

	r->nrader = (uint32_t)PQntuples(res);
	if (r->nrader > 0)
		r->rader = xcalloc(r->nrader, sizeof *r->rader);
	for (i = 0; i < (int)r->nrader; i++) {
		vr = &r->rader[i];
		vr->id = db_u32(res, i, 0);
		vr->period = PQgetvalue(res, i, 1);
		vr->kvinnor = db_u32(res, i, 2);
		vr->man = db_u32(res, i, 3);
		vr->okant = db_u32(res, i, 4);
		vr->kommentar = PQgetvalue(res, i, 5);
		vr->registrerad = PQgetvalue(res, i, 6);
		vr->registrerad_av = PQgetvalue(res, i, 7);
		vr->aktuell = PQgetvalue(res, i, 8)[0] == 't';
		vr->ersatter = db_u32(res, i, 9);
	}
}

/* MSG_VOLYM_GET → MSG_VOLYM: one year of a volyminsats with history. */
int
volym_get(struct session *s, uint32_t id, void *m)
{
	struct msg_volym_get	*q = m;
	struct msg_volym	 r;
	struct volym_insats	 v;
	PGresult		*res = NULL;
	char			 ar[16], limit[16], tid[64];
	const char		*params[3];
	int			 rv;

	memset(&r, 0, sizeof r);
	if ((rv = volym_insats_read(s, id, q->insats_id, 0, &v)) != 0)
		return rv;
	r.ar = rule_year_pick(q->ar, v.i_ar, v.forsta, v.sista);
	if (r.ar < v.forsta || (v.sista != 0 && r.ar > v.sista) ||
	    r.ar < VOLYM_AR_MIN || r.ar > VOLYM_AR_MAX) {
		volym_tid(&v, tid, sizeof tid);
		return session_refuse(s, id, ERR_VALIDATION, "Antal kan inte "
		    "registreras för %u: insatsen %s pågår %s.", r.ar, v.namn,
		    tid);
	}
	snprintf(ar, sizeof ar, "%u", r.ar);
	snprintf(limit, sizeof limit, "%d", VOLYM_RADER_MAX);
	params[0] = v.iid;
	params[1] = ar;
	params[2] = limit;
	if ((res = db_exec(s, volym_rader_sql, 3, params)) == NULL)
		return db_refused(s, id);
	volym_fill_rader(&r, res);
	r.insats_id = q->insats_id;
	r.insats = v.namn;
	r.samorg = v.samorg;
	r.startdatum = v.start;
	r.slutdatum = v.slut;
	r.forsta_ar = v.forsta > VOLYM_AR_MIN ? v.forsta : VOLYM_AR_MIN;
	r.sista_ar = v.sista < VOLYM_AR_MAX ? v.sista : VOLYM_AR_MAX;
	rv = session_reply(s, id, MSG_VOLYM, &r);
	/* The strings belong to the result; only the array is ours. */
	free(r.rader);
	PQclear(res);
	return rv;
}

/* What one save works with besides the request. */
struct volym_save_ctx {
	struct session			*s;
	uint32_t			 id;
	const struct msg_volym_save	*q;
	struct volym_insats		 v;
	char				 manad[32];	/* "maj 2025" */
	char				 period[16];	/* YYYY-MM-01 */
	int				 ar;
	int				 batch;		/* a batch row */
	uint32_t			 finns;		/* batch: same counts */
};

/*
 * Checks the month: its shape, within the insats and its organisation
 * (rule 4), begun. Returns 0 or the refusal.
 */
static int
volym_check_period(struct volym_save_ctx *c)
{
	const struct volym_insats *v = &c->v;
	char			 tid[64];
	int			 mon;

	if (!rule_insats_period(c->q->period, &c->ar, &mon))
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Ange "
		    "månaden som ÅÅÅÅ-MM, till exempel 2025-03.");
	snprintf(c->manad, sizeof c->manad, "%s %d", volym_manader[mon - 1],
	    c->ar);
	snprintf(c->period, sizeof c->period, "%s-01", c->q->period);
	/* Months as YYYY-MM compare as text: those the insats touches. */
	if (strncmp(c->q->period, v->start, 7) < 0 || (v->slut[0] != '\0' &&
	    strncmp(c->q->period, v->slut, 7) > 0) ||
	    (uint32_t)c->ar < v->forsta ||
	    (v->sista != 0 && (uint32_t)c->ar > v->sista)) {
		volym_tid(v, tid, sizeof tid);
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Antal kan "
		    "inte registreras för %s: insatsen %s pågår %s.",
		    c->manad, v->namn, tid);
	}
	if (strcmp(c->q->period, v->i_manad) > 0)
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Antal kan "
		    "inte registreras för en månad som inte har börjat.");
	return 0;
}

/* Checks the counts: each within the table's limit; 0 or the refusal. */
static int
volym_check_antal(struct volym_save_ctx *c)
{
	const struct msg_volym_save *q = c->q;

	if (q->kvinnor > VOLYM_ANTAL_MAX || q->man > VOLYM_ANTAL_MAX ||
	    q->okant > VOLYM_ANTAL_MAX)
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Antalet "
		    "får vara högst 1 000 000 per kön och månad.");
	return 0;
}

/* Checks the kommentar's shape; 0 or the refusal. */
static int
volym_check_kommentar(struct volym_save_ctx *c)
{
	const struct msg_volym_save *q = c->q;
	char			 why[256];

	if (rule_samorg_field_refusal("Kommentaren", q->kommentar,
	    VOLYM_KOMMENTAR_MAX, RULE_FIELD_LINE, why, sizeof why) != NULL)
		return session_refuse(c->s, c->id, ERR_VALIDATION, "%s", why);
	return 0;
}

/* Reports whether text holds something besides spaces. */
static int
volym_has_text(const char *text)
{
	return text[strspn(text, " ")] != '\0';
}

/*
 * A batch row for a month already counted (the row cur): the same
 * counts are BATCH_FINNS (c->finns, nothing written); others are
 * refused, since a batch does not correct. Returns 0 or the refusal.
 */
static int
volym_check_finns(struct volym_save_ctx *c, uint32_t cur, uint32_t k,
    uint32_t m, uint32_t o)
{
	const struct msg_volym_save *q = c->q;

	if (q->kvinnor == k && q->man == m && q->okant == o) {
		c->finns = cur;
		return 0;
	}
	return session_refuse(c->s, c->id, ERR_CONFLICT, "Antalet för %s "
	    "är redan registrerat med andra siffror (%u kvinnor, %u män, %u "
	    "okänt kön). Rätta månaden under Registrera antal i "
	    "volyminsats, med orsak.", c->manad, k, m, o);
}

/*
 * The month's current row against ersatter: none and 0 is a first
 * registration; otherwise ersatter must name the current row, and a
 * correction needs a reason and a change. A batch row goes to
 * volym_check_finns() instead. Returns 0 or the refusal.
 */
static int
volym_check_aktuell(struct volym_save_ctx *c)
{
	const struct msg_volym_save *q = c->q;
	PGresult		*res;
	const char		*params[2] = { c->v.iid, c->period };
	uint32_t		 cur = 0, k = 0, m = 0, o = 0;

	if ((res = db_exec(c->s, volym_aktuell_sql, 2, params)) == NULL)
		return db_refused(c->s, c->id);
	if (PQntuples(res) == 1) {
		cur = db_u32(res, 0, 0);
		k = db_u32(res, 0, 1);
		m = db_u32(res, 0, 2);
		o = db_u32(res, 0, 3);
	}
	PQclear(res);
	if (c->batch && q->ersatter == 0 && cur != 0)
		return volym_check_finns(c, cur, k, m, o);
	if (q->ersatter != cur)
		return session_refuse(c->s, c->id, ERR_CONFLICT, "Antalet för "
		    "%s har ändrats sedan du hämtade det. Se de nya siffrorna "
		    "(F5 Historik) och spara igen.", c->manad);
	if (cur == 0)
		return 0;
	if (!volym_has_text(q->kommentar))
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Ange orsak "
		    "till rättelsen.");
	if (q->kvinnor == k && q->man == m && q->okant == o)
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Antalet för "
		    "%s är redan registrerat med samma siffror: ingen "
		    "ändring.", c->manad);
	return 0;
}

/*
 * Writes the month: the replaced row marked ersatt, then the new row.
 * Returns the new row's id, or 0 with the failing SQLSTATE kept.
 */
static uint32_t
volym_write(struct volym_save_ctx *c)
{
	const struct msg_volym_save *q = c->q;
	PGresult		*res;
	const char		*params[8];
	char			 ers[16], k[16], m[16], o[16], uid[16];
	uint32_t		 nid;

	snprintf(ers, sizeof ers, "%u", q->ersatter);
	if (q->ersatter != 0) {
		params[0] = ers;
		if ((res = db_exec(c->s, volym_ersatt_sql, 1, params)) == NULL)
			return 0;
		nid = (uint32_t)strtoul(PQcmdTuples(res), NULL, 10);
		PQclear(res);
		/* The row is locked with the insats: this cannot miss. */
		if (nid != 1)
			return 0;
	}
	snprintf(k, sizeof k, "%u", q->kvinnor);
	snprintf(m, sizeof m, "%u", q->man);
	snprintf(o, sizeof o, "%u", q->okant);
	snprintf(uid, sizeof uid, "%u", c->s->user_id);
	params[0] = c->v.iid;
	params[1] = c->period;
	params[2] = k;
	params[3] = m;
	params[4] = o;
	params[5] = q->kommentar;
	params[6] = ers;
	params[7] = uid;
	if ((res = db_exec(c->s, volym_insert_sql, 8, params)) == NULL)
		return 0;
	nid = PQntuples(res) == 1 ? db_u32(res, 0, 0) : 0;
	PQclear(res);
	return nid;
}

/*
 * One MSG_VOLYM_SAVE checked and written, without the reply: the single
 * request and a batch row (batch_count.c) share it. Each group of checks
 * names its cell first for a batch row's refusal.
 */
int
volym_save_apply(struct session *s, uint32_t id,
    const struct msg_volym_save *q, int batch, struct count_saved *out)
{
	struct volym_save_ctx	 c;
	int			 rv;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	c.s = s;
	c.id = id;
	c.q = q;
	c.batch = batch;
	session_falt(s, BATCH_FALT_INGET, 0);
	if ((rv = volym_insats_read(s, id, q->insats_id, 1, &c.v)) != 0)
		return rv;
	session_falt(s, BATCH_FALT_PERIOD, 0);
	if ((rv = volym_check_period(&c)) != 0)
		return rv;
	session_falt(s, BATCH_FALT_ANTAL, 0);
	if ((rv = volym_check_antal(&c)) != 0)
		return rv;
	session_falt(s, BATCH_FALT_KOMMENTAR, 0);
	if ((rv = volym_check_kommentar(&c)) != 0)
		return rv;
	session_falt(s, BATCH_FALT_PERIOD, 0);
	if ((rv = volym_check_aktuell(&c)) != 0)
		return rv;
	if (c.finns != 0) {
		out->id = c.finns;
		out->status = BATCH_FINNS;
		snprintf(out->text, sizeof out->text, "Antalet för %s är "
		    "redan registrerat.", c.manad);
		return 0;
	}
	session_falt(s, BATCH_FALT_INGET, 0);
	if ((out->id = volym_write(&c)) == 0) {
		if (s->sqlstate[0] != '\0')
			return db_refused(s, id);
		return session_refuse(s, id, ERR_INTERNAL, "Antalet kunde inte "
		    "sparas på grund av ett serverfel.");
	}
	out->status = BATCH_OK;
	snprintf(out->text, sizeof out->text, "Antalet för %s är %s.",
	    c.manad, q->ersatter != 0 ? "rättat" : "sparat");
	return 0;
}

/*
 * MSG_VOLYM_SAVE: one month's counts, new or corrected, in the
 * request's one transaction; MSG_OK names the month and the new row.
 */
int
volym_save(struct session *s, uint32_t id, void *m)
{
	struct count_saved	 out;
	struct msg_ok		 ok;
	int			 rv;

	if ((rv = volym_save_apply(s, id, m, 0, &out)) != 0)
		return rv;
	memset(&ok, 0, sizeof ok);
	ok.id = out.id;
	ok.message = out.text;
	return session_reply(s, id, MSG_OK, &ok);
}
