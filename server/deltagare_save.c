/*
 * Registrera deltagare (domain.md 2.6(a), 8; rules 32-45): one Spara is
 * a nyinregistrering (a person, the participation and its inregistrering)
 * or the creation or correction of an occasion of a participation. The
 * request table has let only a deltagaransvarig with an uppdrag on the
 * insats through; every rule is checked here, in the order of the form,
 * so that the refusal names what is wrong and nothing is stored, and the
 * triggers of schema 0008 stand behind. Every save leaves exactly one
 * audit_person row in its transaction; no sentence repeats the number.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chan.h"
#include "date.h"
#include "deltagare_save.h"
#include "msg.h"
#include "person.h"
#include "pnr.h"
#include "proto.h"
#include "rule.h"
#include "samverkansorg.h"
#include "susd.h"
#include "xmalloc.h"

/* A participation of the person in the insats that one would overlap. */
struct dt_overlap {
	int		 overlap;
	char		 from[11];
	char		 tom[11];
};

/*
 * All a nyinregistrering reads of a personnummer ($1) in one round trip:
 * the register copy's row, the person if stored (locked for the save),
 * and the first of its participations in insats $2 that one from $3
 * (NULL when no date) would overlap, as dt_overlap_check() asks.
 */
static const char dt_lookup_sql[] =
	PERSON_REG_WITH PERSON_REG_SELECT ","
	" o.startdatum IS NOT NULL,"
	" coalesce(to_char(o.startdatum, 'YYYY-MM-DD'), ''),"
	" coalesce(to_char(o.slutdatum, 'YYYY-MM-DD'), '')"
	PERSON_REG_FROM
	" LEFT JOIN LATERAL (SELECT d.startdatum, d.slutdatum"
	" FROM deltagande d JOIN p ON p.id = d.person_id"
	" WHERE d.insats_id = $2::bigint"
	" AND $3::date <= coalesce(d.slutdatum, 'infinity')"
	" ORDER BY d.startdatum LIMIT 1) o ON true";

/*
 * The participation, its inregistrering with its försörjning ($13) and
 * the audit row the write demands (SU063), in one statement: the person
 * ($3) is stored by then, so every trigger sees what it checks.
 */
static const char dt_deltagande_sql[] =
	"WITH d AS (INSERT INTO deltagande (insats_id, startdatum, person_id,"
	" kon_id, fodelsear, samtycke, samtycke_datum, registrerad_av)"
	" VALUES ($1::bigint, $2::date, $3::bigint,"
	" (SELECT id FROM kod WHERE lista = 'kon' AND kod = $4),"
	" $5::smallint, true, $6::date, $7::integer)"
	" RETURNING id, person_id, insats_id),"
	" m AS (INSERT INTO mattillfalle (deltagande_id, typ,"
	" sysselsattning_id, omfattning, utbildning_id, tid_id, skapad_av,"
	" andrad_av)"
	" SELECT d.id, 'in', nullif($8::integer, 0), nullif($9::integer, 0),"
	" nullif($10::integer, 0), nullif($11::integer, 0), $7::integer,"
	" $7::integer FROM d RETURNING deltagande_id, typ),"
	" f AS (INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,"
	" forsorjning_id) SELECT m.deltagande_id, m.typ, v.id"
	" FROM m, unnest($13::integer[]) AS v(id)),"
	" a AS (INSERT INTO audit_person (anvandare_id, session_id, action,"
	" purpose, pnr_hash, person_id, deltagande_id, insats_id)"
	" SELECT $7::integer, $12, 'skriv', $14, pnr_hash($15), d.person_id,"
	" d.id, d.insats_id FROM d)"
	" SELECT id FROM d";

/* The participation a change names, locked; $1 its id. */
static const char dt_deltagande_load_sql[] =
	"SELECT d.insats_id, d.avidentifierad IS NOT NULL,"
	" coalesce(d.person_id, 0), to_char(d.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(d.slutdatum, 'YYYY-MM-DD'), '')"
	" FROM deltagande d WHERE d.id = $1::bigint FOR UPDATE";

/*
 * An occasion's version (updated_at in the session's time zone, exactly
 * as deltagare.c sends it in the person's view) and the codes it holds
 * now; $1 the participation, $2 'in' or 'ut'.
 */
static const char dt_tillfalle_load_sql[] =
	"SELECT to_char(m.updated_at, 'YYYY-MM-DD HH24:MI:SS.US'),"
	" '{' || concat_ws(',', m.sysselsattning_id, m.utbildning_id,"
	" m.tid_id, m.avslut_id, (SELECT string_agg(f.forsorjning_id::text,"
	" ',') FROM mattillfalle_forsorjning f"
	" WHERE f.deltagande_id = m.deltagande_id AND f.typ = m.typ)) || '}'"
	" FROM mattillfalle m WHERE m.deltagande_id = $1::bigint"
	" AND m.typ = $2 FOR UPDATE";

/*
 * Reads the register copy, the person and its participations in the
 * insats (dt_lookup_sql); nothing is refused yet.
 */
static int
dt_lookup(struct session *s, uint32_t id, const struct dt_insats *ins,
    struct person_reg *pe, struct dt_overlap *ov, const char *start)
{
	PGresult	*res;
	const char	*params[3];
	int		 rv;

	params[0] = pe->pnr;
	params[1] = ins->ids;
	params[2] = date_valid(start) ? start : NULL;
	if ((rv = person_reg_run(s, id, dt_lookup_sql, 3, params, pe,
	    &res)) != 0)
		return rv;
	ov->overlap = PQgetvalue(res, 0, PERSON_REG_NCOLS)[0] == 't';
	strlcpy(ov->from, PQgetvalue(res, 0, PERSON_REG_NCOLS + 1),
	    sizeof ov->from);
	strlcpy(ov->tom, PQgetvalue(res, 0, PERSON_REG_NCOLS + 2),
	    sizeof ov->tom);
	PQclear(res);
	return 0;
}

/*
 * Stores the person, then the participation with its inregistrering
 * (but the answers) and its audit row; its id goes to *did.
 */
static int
dt_new_write(struct session *s, uint32_t id, const struct dt_insats *ins,
    struct person_reg *pe, const char *start, const char *samtycke,
    const struct tillfalle_row *t, uint32_t *did)
{
	PGresult	*res;
	char		 pid[16], ar[16], uid[16], num[4][16];
	char		*fors;
	const char	*params[15];
	uint32_t	 i;
	int		 rv;

	if ((rv = person_reg_store(s, id, pe)) != 0)
		return rv;
	snprintf(pid, sizeof pid, "%u", pe->id);
	snprintf(ar, sizeof ar, "%d", pe->p.year);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = ins->ids;
	params[1] = start;
	params[2] = pid;
	params[3] = pe->p.male ? "M" : "K";
	params[4] = ar;
	params[5] = samtycke;
	params[6] = uid;
	snprintf(num[0], sizeof num[0], "%u", t->sysselsattning_id);
	snprintf(num[1], sizeof num[1], "%u", t->omfattning);
	snprintf(num[2], sizeof num[2], "%u", t->utbildning_id);
	snprintf(num[3], sizeof num[3], "%u", t->tid_id);
	for (i = 0; i < 4; i++)
		params[7 + i] = num[i];
	params[11] = s->chan != NULL ? chan_session_id(s->chan) : NULL;
	params[12] = fors = dt_kod_array(t->forsorjning, t->nforsorjning);
	params[13] = DT_PURPOSE;
	params[14] = pe->pnr;
	res = db_exec(s, dt_deltagande_sql, 15, params);
	free(fors);
	if (res == NULL)
		return db_refused(s, id);
	*did = PQntuples(res) == 1 ? db_u32(res, 0, 0) : 0;
	PQclear(res);
	return *did != 0 ? 0 : session_refuse(s, id, ERR_INTERNAL, "%s",
	    rule_deltagande_db_message("SU063"));
}

/*
 * A nyinregistrering: personnummer, consent, the register, the dates,
 * no overlap, then the occasion; nothing is written before all hold.
 */
static int
dt_new(struct session *s, uint32_t id, const struct msg_deltagare_save *q,
    struct dt_cache *c, struct dt_fragor *f, uint32_t *did)
{
	struct dt_insats	 ins;
	struct person_reg	 pe;
	struct dt_overlap	 ov;
	const char		*start = q->tillfalle.datum, *samtycke;
	int			 rv;

	memset(&ov, 0, sizeof ov);
	if ((rv = person_pnr(s, id, q->personnummer, &pe)) != 0)
		return rv;
	session_falt(s, BATCH_FALT_SAMTYCKE, 0);
	if (q->samtycke != 1)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_deltagande_db_message("SU055"));
	session_falt(s, BATCH_FALT_INGET, 0);
	if ((rv = dt_insats_get(s, id, q->insats_id, c, &ins)) != 0 ||
	    (rv = dt_lookup(s, id, &ins, &pe, &ov, start)) != 0 ||
	    (rv = person_reg_check(s, id, c, q->namn, q->kommunkod,
	    q->stadsdel_id, &pe)) != 0)
		return rv;
	session_falt(s, BATCH_FALT_DATUM, 0);
	if ((rv = dt_start_check(s, id, &ins, start, "")) != 0)
		return rv;
	session_falt(s, BATCH_FALT_SAMTYCKE_DATUM, 0);
	samtycke = q->samtycke_datum[0] != '\0' ? q->samtycke_datum :
	    ins.today;
	if (!date_valid(samtycke))
		return session_refuse(s, id, ERR_VALIDATION, "Datum för "
		    "samtycket måste skrivas ÅÅÅÅ-MM-DD.");
	if (strcmp(samtycke, ins.today) > 0)
		return session_refuse(s, id, ERR_VALIDATION, "Datum för "
		    "samtycket får inte vara senare än i dag.");
	/* Rule 38: several times, never at the same time. */
	session_falt(s, BATCH_FALT_DATUM, 0);
	if (ov.overlap)
		return dt_overlap_refuse(s, id, ov.from, ov.tom);
	if ((rv = dt_tillfalle_check(s, id, &ins, &q->tillfalle, start, NULL,
	    f)) != 0)
		return rv;
	/* A refusal from here on is a trigger's: its SQLSTATE says where. */
	session_falt(s, BATCH_FALT_INGET, 0);
	if (c != NULL)
		c->wrote = 1;
	if ((rv = dt_new_write(s, id, &ins, &pe, start, samtycke,
	    &q->tillfalle, did)) != 0)
		return rv;
	return dt_svar_insert(s, id, *did, &q->tillfalle, f);
}

/* The participation a change names, as stored. */
struct dt_deltagande {
	char		 ids[16];
	uint32_t	 person_id;
	char		 start[11];
	char		 slut[11];	/* "" while taking part */
};

/* Loads and locks the participation; it must be of the insats named. */
static int
dt_deltagande_load(struct session *s, uint32_t id,
    const struct msg_deltagare_save *q, struct dt_deltagande *d)
{
	PGresult	*res;
	const char	*params[1];
	int		 found, stripped;

	memset(d, 0, sizeof *d);
	snprintf(d->ids, sizeof d->ids, "%u", q->deltagande_id);
	params[0] = d->ids;
	if ((res = db_exec(s, dt_deltagande_load_sql, 1, params)) == NULL)
		return db_refused(s, id);
	found = PQntuples(res) == 1 && db_u32(res, 0, 0) == q->insats_id;
	stripped = found && PQgetvalue(res, 0, 1)[0] == 't';
	if (found) {
		d->person_id = db_u32(res, 0, 2);
		strlcpy(d->start, PQgetvalue(res, 0, 3), sizeof d->start);
		strlcpy(d->slut, PQgetvalue(res, 0, 4), sizeof d->slut);
	}
	PQclear(res);
	if (!found)
		return session_refuse(s, id, ERR_NOT_FOUND, "Deltagandet finns "
		    "inte i insatsen.");
	if (stripped)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_deltagande_db_message("SU058"));
	return 0;
}

/*
 * Loads the occasion being created or corrected and checks the version
 * the caller read: "" for one not made yet. stored gets its codes.
 */
static int
dt_version_check(struct session *s, uint32_t id, const struct dt_deltagande *d,
    const struct tillfalle_row *t, char *stored, size_t len)
{
	PGresult	*res;
	const char	*params[2];
	char		 version[40];
	int		 exists;

	params[0] = d->ids;
	params[1] = dt_tillfalle_db(t->typ);
	if ((res = db_exec(s, dt_tillfalle_load_sql, 2, params)) == NULL)
		return db_refused(s, id);
	exists = PQntuples(res) == 1;
	if (exists) {
		strlcpy(version, PQgetvalue(res, 0, 0), sizeof version);
		strlcpy(stored, PQgetvalue(res, 0, 1), len);
	}
	PQclear(res);
	if (!exists && t->typ == FRAGA_IN)
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Deltagandet saknar inregistrering.");
	if (exists && t->typ == FRAGA_UT && t->andrad[0] == '\0')
		return session_refuse(s, id, ERR_CONFLICT,
		    "Deltagaren är redan utregistrerad: läs om och rätta "
		    "utregistreringen i stället.");
	if (exists ? strcmp(version, t->andrad) != 0 : t->andrad[0] != '\0')
		return session_refuse(s, id, ERR_CONFLICT, "Någon annan har "
		    "ändrat %s sedan du läste den: läs om och gör ändringen "
		    "igen.", dt_tillfalle_text(t->typ));
	return 0;
}

/*
 * Creates or corrects an occasion of a stored participation (rule 41):
 * the inregistrering's startdatum may move, the utregistrering sets the
 * slutdatum. The person stays as registered; *msg gets the answer.
 */
static int
dt_change(struct session *s, uint32_t id, const struct msg_deltagare_save *q,
    struct dt_cache *c, struct dt_fragor *f, const char **msg)
{
	const struct tillfalle_row	*t = &q->tillfalle;
	struct dt_insats		 ins;
	struct dt_deltagande		 d;
	char				 stored[1024] = "";
	const char			*params[2], *start, *slut;
	int				 rv, ny = t->andrad[0] == '\0';

	session_falt(s, BATCH_FALT_INGET, 0);
	if ((rv = dt_insats_get(s, id, q->insats_id, c, &ins)) != 0 ||
	    (rv = dt_deltagande_load(s, id, q, &d)) != 0 ||
	    (rv = dt_version_check(s, id, &d, t, stored,
	    sizeof stored)) != 0)
		return rv;
	session_falt(s, BATCH_FALT_DATUM, 0);
	if (t->typ == FRAGA_IN) {
		start = t->datum;
		slut = d.slut;
		rv = dt_start_check(s, id, &ins, start, slut);
	} else {
		start = d.start;
		slut = t->datum;
		rv = dt_slut_check(s, id, &ins, start, slut);
	}
	if (rv != 0 ||
	    (rv = dt_overlap_check(s, id, &ins, d.person_id, q->deltagande_id,
	    start, slut)) != 0 ||
	    (rv = dt_tillfalle_check(s, id, &ins, t, t->datum,
	    stored[0] != '\0' ? stored : NULL, f)) != 0)
		return rv;
	/* The date first: the answers are checked against it (SU062). */
	session_falt(s, BATCH_FALT_INGET, 0);
	if (c != NULL)
		c->wrote = 1;
	params[0] = d.ids;
	params[1] = t->datum;
	if (db_exec_cmd(s, t->typ == FRAGA_IN ? "UPDATE deltagande"
	    " SET startdatum = $2::date WHERE id = $1::bigint" :
	    "UPDATE deltagande SET slutdatum = $2::date WHERE id = $1::bigint",
	    2, params) != 0)
		return db_refused(s, id);
	if (t->typ == FRAGA_IN)
		*msg = "Inregistreringen är rättad.";
	else
		*msg = ny ? "Deltagaren är utregistrerad." :
		    "Utregistreringen är rättad.";
	/* stored is set exactly when the occasion exists. */
	return dt_tillfalle_write(s, id, q->deltagande_id, t, f,
	    stored[0] == '\0');
}

/*
 * One save checked and written with its audit row; deltagare_save() and
 * the batch rows of batch.c (with their cache) share it.
 */
int
deltagare_save_apply(struct session *s, uint32_t id,
    const struct msg_deltagare_save *q, uint32_t *didp, const char **msg)
{
	return deltagare_save_cached(s, id, q, NULL, didp, msg);
}

int
deltagare_save_cached(struct session *s, uint32_t id,
    const struct msg_deltagare_save *q, struct dt_cache *c, uint32_t *didp,
    const char **msg)
{
	struct dt_fragor		 f;
	uint32_t			 did = q->deltagande_id;
	int				 rv;

	memset(&f, 0, sizeof f);
	*msg = "Deltagaren är inregistrerad.";
	session_falt(s, BATCH_FALT_INGET, 0);
	if (q->tillfalle.typ != FRAGA_IN && q->tillfalle.typ != FRAGA_UT)
		return session_refuse(s, id, ERR_VALIDATION, "Välj "
		    "inregistrering eller utregistrering.");
	if (did == 0 && q->tillfalle.typ == FRAGA_UT)
		return session_refuse(s, id, ERR_VALIDATION, "Välj det "
		    "deltagande som ska utregistreras.");
	if (did == 0)
		rv = dt_new(s, id, q, c, &f, &did);
	else
		rv = dt_change(s, id, q, c, &f, msg);
	if (rv != 0)
		goto out;
	/*
	 * One row for the one person written (SU063 checks at commit); a
	 * nyinregistrering wrote its own with the participation.
	 */
	session_falt(s, BATCH_FALT_INGET, 0);
	if (q->deltagande_id != 0 && audit_person_deltaganden(s, "skriv",
	    DT_PURPOSE, q->insats_id, &did, 1) != 0) {
		rv = session_refuse(s, id, ERR_INTERNAL, "%s",
		    rule_deltagande_db_message("SU063"));
		goto out;
	}
	*didp = did;
out:
	dt_fragor_clear(&f);
	return rv;
}

/* MSG_DELTAGARE_SAVE → MSG_OK with the participation's id. */
int
deltagare_save(struct session *s, uint32_t id, void *m)
{
	struct msg_ok	 ok;
	const char	*msg;
	uint32_t	 did = 0;
	int		 rv;

	if ((rv = deltagare_save_apply(s, id, m, &did, &msg)) != 0)
		return rv;
	memset(&ok, 0, sizeof ok);
	ok.id = did;
	ok.message = (char *)msg;
	return session_reply(s, id, MSG_OK, &ok);
}
