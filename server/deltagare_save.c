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
#include "pnr.h"
#include "proto.h"
#include "rule.h"
#include "samverkansorg.h"
#include "susd.h"
#include "xmalloc.h"

/* Longest namn in characters (schema 0008). */
#define DT_NAMN_MAX	200

/* The person of a nyinregistrering as it will be stored. */
struct dt_person {
	char		 pnr[13];
	struct pnr	 p;
	uint32_t	 id;		/* 0 = not stored yet */
	int		 i_register;
	char		 namn[DT_NAMN_MAX * 4 + 1];
	char		 kommun[5];
	uint32_t	 stadsdel_id;
	int		 stadsdel_sent;	/* from the request: to be checked */
	int		 skyddad;	/* the register says so */
	int		 overlap;	/* a participation in the way: */
	char		 o_from[11];	/* its dates */
	char		 o_tom[11];
};

/*
 * All a nyinregistrering reads of a personnummer ($1) in one round trip:
 * the register copy's row, the person if stored (locked for the save),
 * and the first of its participations in insats $2 that one from $3
 * (NULL when no date) would overlap, as dt_overlap_check() asks.
 */
static const char dt_lookup_sql[] =
	"WITH p AS (SELECT id FROM person WHERE personnummer = $1"
	" FOR UPDATE)"
	" SELECT f.personnummer IS NOT NULL, coalesce(f.namn, ''),"
	" coalesce(f.kommunkod, ''), coalesce(f.stadsdel_id, 0),"
	" coalesce(f.skyddad, false), coalesce((SELECT id FROM p), 0),"
	" o.startdatum IS NOT NULL,"
	" coalesce(to_char(o.startdatum, 'YYYY-MM-DD'), ''),"
	" coalesce(to_char(o.slutdatum, 'YYYY-MM-DD'), '')"
	" FROM (SELECT 1) x"
	" LEFT JOIN folkbokforing f ON f.personnummer = $1"
	" LEFT JOIN LATERAL (SELECT d.startdatum, d.slutdatum"
	" FROM deltagande d JOIN p ON p.id = d.person_id"
	" WHERE d.insats_id = $2::bigint"
	" AND $3::date <= coalesce(d.slutdatum, 'infinity')"
	" ORDER BY d.startdatum LIMIT 1) o ON true";

/* The kommun ($1) and whether stadsdel $2 lies in it today. */
static const char dt_kommun_sql[] =
	"SELECT k.namn, EXISTS (SELECT 1 FROM stadsdel sd"
	" WHERE sd.id = $2::integer AND sd.kommunkod = k.kommunkod"
	" AND (sd.giltig_tom IS NULL OR sd.giltig_tom >= current_date))"
	" FROM kommun k WHERE k.kommunkod = $1";

/* The person, kept or new; the register's data replaces what was typed. */
static const char dt_person_sql[] =
	"INSERT INTO person (personnummer, namn, kommunkod, stadsdel_id)"
	" VALUES ($1, $2, $3, nullif($4::integer, 0))"
	" ON CONFLICT (personnummer) DO UPDATE SET namn = EXCLUDED.namn,"
	" kommunkod = EXCLUDED.kommunkod, stadsdel_id = EXCLUDED.stadsdel_id"
	" RETURNING id";

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

/* Checks a namn typed for a person the register does not hold. */
static int
dt_namn_check(struct session *s, uint32_t id, const char *namn)
{
	const unsigned char	*u;

	session_falt(s, BATCH_FALT_NAMN, 0);
	if (strspn(namn, " ") == strlen(namn))
		return session_refuse(s, id, ERR_VALIDATION, "Ange namn: "
		    "personen finns inte i folkbokföringen.");
	if (rule_utf8_chars(namn) > DT_NAMN_MAX)
		return session_refuse(s, id, ERR_VALIDATION, "Namnet får vara "
		    "högst %d tecken.", DT_NAMN_MAX);
	for (u = (const unsigned char *)namn; *u != '\0'; u++) {
		if (*u < 0x20 || *u == 0x7f)
			return session_refuse(s, id, ERR_VALIDATION,
			    "Namnet får inte innehålla radbrytningar eller "
			    "tabbar.");
	}
	return 0;
}

/*
 * Checks the folkbokföringskommun and stadsdel (rule 39): Stockholm and
 * Göteborg need a stadsdel, which the register may lack.
 */
static int
dt_kommun_check(struct session *s, uint32_t id, struct dt_cache *c,
    const struct dt_person *pe)
{
	PGresult	*res;
	char		 sd[16], kommun[128], key[64];
	const char	*params[2];
	int		 in_kommun, borrowed;

	session_falt(s, BATCH_FALT_KOMMUN, 0);
	if (pe->kommun[0] == '\0')
		return session_refuse(s, id, ERR_VALIDATION, "Ange "
		    "folkbokföringskommun: %s.", pe->i_register ?
		    "folkbokföringen saknar den" :
		    "personen finns inte i folkbokföringen");
	snprintf(sd, sizeof sd, "%u", pe->stadsdel_id);
	params[0] = pe->kommun;
	params[1] = sd;
	snprintf(key, sizeof key, "kommun %s %s", pe->kommun, sd);
	if ((res = dt_cache_query(s, c, key, dt_kommun_sql, 2, params,
	    &borrowed)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		if (!borrowed)
			PQclear(res);
		return session_refuse(s, id, ERR_VALIDATION, "Kommunen finns "
		    "inte: välj folkbokföringskommun i listan.");
	}
	strlcpy(kommun, PQgetvalue(res, 0, 0), sizeof kommun);
	in_kommun = PQgetvalue(res, 0, 1)[0] == 't';
	if (!borrowed)
		PQclear(res);
	session_falt(s, BATCH_FALT_STADSDEL, 0);
	if (pe->stadsdel_id == 0 && rule_stadsdel_kravs(pe->kommun))
		return session_refuse(s, id, ERR_VALIDATION, "Välj stadsdel: "
		    "den krävs för personer folkbokförda i %s.", kommun);
	if (pe->stadsdel_id != 0 && pe->stadsdel_sent && !in_kommun)
		return session_refuse(s, id, ERR_VALIDATION, "Stadsdelen hör "
		    "inte till %s.", kommun);
	return 0;
}

/*
 * Reads the register copy, the person and its participations in the
 * insats (dt_lookup_sql); nothing is refused yet.
 */
static int
dt_lookup(struct session *s, uint32_t id, const struct dt_insats *ins,
    struct dt_person *pe, const char *start)
{
	PGresult	*res;
	const char	*params[3];

	params[0] = pe->pnr;
	params[1] = ins->ids;
	params[2] = date_valid(start) ? start : NULL;
	if ((res = db_exec(s, dt_lookup_sql, 3, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_INTERNAL, "Uppgifterna kunde "
		    "inte sparas på grund av ett serverfel.");
	}
	pe->i_register = PQgetvalue(res, 0, 0)[0] == 't';
	if (pe->i_register) {
		strlcpy(pe->namn, PQgetvalue(res, 0, 1), sizeof pe->namn);
		strlcpy(pe->kommun, PQgetvalue(res, 0, 2), sizeof pe->kommun);
		pe->stadsdel_id = db_u32(res, 0, 3);
		pe->skyddad = PQgetvalue(res, 0, 4)[0] == 't';
	}
	pe->id = db_u32(res, 0, 5);
	pe->overlap = PQgetvalue(res, 0, 6)[0] == 't';
	strlcpy(pe->o_from, PQgetvalue(res, 0, 7), sizeof pe->o_from);
	strlcpy(pe->o_tom, PQgetvalue(res, 0, 8), sizeof pe->o_tom);
	PQclear(res);
	return 0;
}

/*
 * Checks the person against the register copy: a protected person is
 * refused with nothing said but where to go (rule 34); else namn, kommun
 * and stadsdel come from the register, or from the request for a person
 * it does not hold.
 */
static int
dt_register(struct session *s, uint32_t id, struct dt_cache *c,
    const struct msg_deltagare_save *q, struct dt_person *pe)
{
	int	rv;

	session_falt(s, BATCH_FALT_PNR, 0);
	if (pe->i_register && pe->skyddad)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_deltagande_db_message("SU056"));
	if (!pe->i_register) {
		if ((rv = dt_namn_check(s, id, q->namn)) != 0)
			return rv;
		strlcpy(pe->namn, q->namn, sizeof pe->namn);
	}
	if (pe->kommun[0] == '\0')
		strlcpy(pe->kommun, q->kommunkod, sizeof pe->kommun);
	if (pe->stadsdel_id == 0) {
		pe->stadsdel_id = q->stadsdel_id;
		pe->stadsdel_sent = 1;
	}
	return dt_kommun_check(s, id, c, pe);
}

/*
 * Stores the person, then the participation with its inregistrering
 * (but the answers) and its audit row; its id goes to *did.
 */
static int
dt_new_write(struct session *s, uint32_t id, const struct dt_insats *ins,
    struct dt_person *pe, const char *start, const char *samtycke,
    const struct tillfalle_row *t, uint32_t *did)
{
	PGresult	*res;
	char		 sd[16], pid[16], ar[16], uid[16], num[4][16];
	char		*fors;
	const char	*params[15];
	uint32_t	 i;

	snprintf(sd, sizeof sd, "%u", pe->stadsdel_id);
	params[0] = pe->pnr;
	params[1] = pe->namn;
	params[2] = pe->kommun;
	params[3] = sd;
	if ((res = db_exec(s, dt_person_sql, 4, params)) == NULL)
		return db_refused(s, id);
	pe->id = db_u32(res, 0, 0);
	PQclear(res);
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
	struct dt_person	 pe;
	const char		*why, *start = q->tillfalle.datum, *samtycke;
	int			 rv;

	memset(&pe, 0, sizeof pe);
	session_falt(s, BATCH_FALT_PNR, 0);
	if ((why = rule_pnr_refusal(q->personnummer, pe.pnr,
	    sizeof pe.pnr)) != NULL)
		return session_refuse(s, id, ERR_VALIDATION, "%s", why);
	if (pnr_parse(pe.pnr, 0, &pe.p) != PNR_OK)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Personnumret är felaktigt.");
	session_falt(s, BATCH_FALT_SAMTYCKE, 0);
	if (q->samtycke != 1)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_deltagande_db_message("SU055"));
	session_falt(s, BATCH_FALT_INGET, 0);
	if ((rv = dt_insats_get(s, id, q->insats_id, c, &ins)) != 0 ||
	    (rv = dt_lookup(s, id, &ins, &pe, start)) != 0 ||
	    (rv = dt_register(s, id, c, q, &pe)) != 0)
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
	if (pe.overlap)
		return dt_overlap_refuse(s, id, pe.o_from, pe.o_tom);
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
