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
#include <string.h>

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
};

/* The register copy's row of a personnummer ($1). */
static const char dt_register_sql[] =
	"SELECT f.namn, coalesce(f.kommunkod, ''), coalesce(f.stadsdel_id, 0),"
	" f.skyddad FROM folkbokforing f WHERE f.personnummer = $1";

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

static const char dt_deltagande_sql[] =
	"INSERT INTO deltagande (insats_id, startdatum, person_id, kon_id,"
	" fodelsear, samtycke, samtycke_datum, registrerad_av)"
	" VALUES ($1::bigint, $2::date, $3::bigint,"
	" (SELECT id FROM kod WHERE lista = 'kon' AND kod = $4),"
	" $5::smallint, true, $6::date, $7::integer) RETURNING id";

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
dt_kommun_check(struct session *s, uint32_t id, const struct dt_person *pe)
{
	PGresult	*res;
	char		 sd[16], kommun[128];
	const char	*params[2];
	int		 in_kommun;

	session_falt(s, BATCH_FALT_KOMMUN, 0);
	if (pe->kommun[0] == '\0')
		return session_refuse(s, id, ERR_VALIDATION, "Ange "
		    "folkbokföringskommun: %s.", pe->i_register ?
		    "folkbokföringen saknar den" :
		    "personen finns inte i folkbokföringen");
	snprintf(sd, sizeof sd, "%u", pe->stadsdel_id);
	params[0] = pe->kommun;
	params[1] = sd;
	if ((res = db_exec(s, dt_kommun_sql, 2, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_VALIDATION, "Kommunen finns "
		    "inte: välj folkbokföringskommun i listan.");
	}
	strlcpy(kommun, PQgetvalue(res, 0, 0), sizeof kommun);
	in_kommun = PQgetvalue(res, 0, 1)[0] == 't';
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
 * Finds the person in the register copy: a protected person is refused
 * with nothing said but where to go (rule 34); else namn, kommun and
 * stadsdel come from the register, or from the request for a person it
 * does not hold.
 */
static int
dt_register(struct session *s, uint32_t id,
    const struct msg_deltagare_save *q, struct dt_person *pe)
{
	PGresult	*res;
	const char	*params[1];
	int		 rv;

	session_falt(s, BATCH_FALT_PNR, 0);
	params[0] = pe->pnr;
	if ((res = db_exec(s, dt_register_sql, 1, params)) == NULL)
		return db_refused(s, id);
	pe->i_register = PQntuples(res) == 1;
	if (pe->i_register && PQgetvalue(res, 0, 3)[0] == 't') {
		PQclear(res);
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_deltagande_db_message("SU056"));
	}
	if (pe->i_register) {
		strlcpy(pe->namn, PQgetvalue(res, 0, 0), sizeof pe->namn);
		strlcpy(pe->kommun, PQgetvalue(res, 0, 1), sizeof pe->kommun);
		pe->stadsdel_id = db_u32(res, 0, 2);
	}
	PQclear(res);
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
	return dt_kommun_check(s, id, pe);
}

/* The person's id if stored, locked for the save; 0 when new. */
static int
dt_person_find(struct session *s, uint32_t id, struct dt_person *pe)
{
	PGresult	*res;
	const char	*params[1];

	params[0] = pe->pnr;
	if ((res = db_exec(s, "SELECT id FROM person WHERE personnummer = $1"
	    " FOR UPDATE", 1, params)) == NULL)
		return db_refused(s, id);
	pe->id = PQntuples(res) == 1 ? db_u32(res, 0, 0) : 0;
	PQclear(res);
	return 0;
}

/* Stores the person and the participation; its id goes to *did. */
static int
dt_new_write(struct session *s, uint32_t id, const struct dt_insats *ins,
    struct dt_person *pe, const char *start, const char *samtycke,
    uint32_t *did)
{
	PGresult	*res;
	char		 sd[16], pid[16], ar[16], uid[16];
	const char	*params[7];

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
	if ((res = db_exec(s, dt_deltagande_sql, 7, params)) == NULL)
		return db_refused(s, id);
	*did = db_u32(res, 0, 0);
	PQclear(res);
	return 0;
}

/*
 * A nyinregistrering: personnummer, consent, the register, the dates,
 * no overlap, then the occasion; nothing is written before all hold.
 */
static int
dt_new(struct session *s, uint32_t id, const struct msg_deltagare_save *q,
    struct dt_fragor *f, uint32_t *did)
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
	if ((rv = dt_insats_load(s, id, q->insats_id, &ins)) != 0 ||
	    (rv = dt_register(s, id, q, &pe)) != 0)
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
	session_falt(s, BATCH_FALT_DATUM, 0);
	if ((rv = dt_person_find(s, id, &pe)) != 0 ||
	    (rv = dt_overlap_check(s, id, &ins, pe.id, 0, start, "")) != 0 ||
	    (rv = dt_tillfalle_check(s, id, &ins, &q->tillfalle, start, NULL,
	    f)) != 0)
		return rv;
	/* A refusal from here on is a trigger's: its SQLSTATE says where. */
	session_falt(s, BATCH_FALT_INGET, 0);
	if ((rv = dt_new_write(s, id, &ins, &pe, start, samtycke, did)) != 0)
		return rv;
	return dt_tillfalle_write(s, id, *did, &q->tillfalle, f);
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
    struct dt_fragor *f, const char **msg)
{
	const struct tillfalle_row	*t = &q->tillfalle;
	struct dt_insats		 ins;
	struct dt_deltagande		 d;
	char				 stored[1024] = "";
	const char			*params[2], *start, *slut;
	int				 rv, ny = t->andrad[0] == '\0';

	session_falt(s, BATCH_FALT_INGET, 0);
	if ((rv = dt_insats_load(s, id, q->insats_id, &ins)) != 0 ||
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
	return dt_tillfalle_write(s, id, q->deltagande_id, t, f);
}

/*
 * One save checked and written with its audit row; deltagare_save() and
 * the batch rows of batch.c share it.
 */
int
deltagare_save_apply(struct session *s, uint32_t id,
    const struct msg_deltagare_save *q, uint32_t *didp, const char **msg)
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
		rv = dt_new(s, id, q, &f, &did);
	else
		rv = dt_change(s, id, q, &f, msg);
	if (rv != 0)
		goto out;
	/* One row for the one person written (SU063 checks at commit). */
	session_falt(s, BATCH_FALT_INGET, 0);
	if (audit_person_deltaganden(s, "skriv", DT_PURPOSE, q->insats_id,
	    &did, 1) != 0) {
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
