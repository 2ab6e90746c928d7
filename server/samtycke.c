/*
 * Consent withdrawn (domain.md 8 [G], rule 32): the deltagaransvarig
 * records that a participant has taken back the 9443 consent. The
 * participation ends (an utregistrering with avslutsanledning Samtycket
 * återkallat unless one exists), then the identifying data goes: the
 * participation loses its person, and the person row goes too once no
 * other participation links to it. Kön, födelseår, dates, codes and
 * answers stay, so every count over deltagande_statistik stays the
 * same. The audit row is written first, while the participation still
 * names its person, so the trail keeps the hash of the number; the
 * gallring table records what was stripped, when and by whom.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "proto.h"
#include "susd.h"
#include "xmalloc.h"

/*
 * The participation, held until the transaction ends: $1 its id, $2 the
 * insats it must belong to. The last columns are today and the end of
 * the insats, which bound the day it ends.
 */
static const char samtycke_read_sql[] =
	"SELECT coalesce(d.person_id, 0), d.avidentifierad IS NOT NULL,"
	" to_char(d.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(d.slutdatum, 'YYYY-MM-DD'), ''),"
	" to_char(current_date, 'YYYY-MM-DD'),"
	" coalesce(to_char(i.slutdatum, 'YYYY-MM-DD'), '')"
	" FROM deltagande d JOIN insats i ON i.id = d.insats_id"
	" WHERE d.id = $1::bigint AND d.insats_id = $2::integer"
	" FOR NO KEY UPDATE OF d";

static const char samtycke_end_sql[] =
	"UPDATE deltagande SET slutdatum = $2::date WHERE id = $1::bigint";

/* An utregistrering saying why, if the participation has none. */
static const char samtycke_ut_sql[] =
	"INSERT INTO mattillfalle (deltagande_id, typ, avslut_id, skapad_av,"
	" andrad_av) SELECT $1::bigint, 'ut', k.id, $2::integer, $2::integer"
	" FROM kod k WHERE k.lista = 'avslutsanledning'"
	" AND k.kod = 'SAMTYCKE_ATERKALLAT' AND NOT EXISTS (SELECT 1"
	" FROM mattillfalle m WHERE m.deltagande_id = $1::bigint"
	" AND m.typ = 'ut')";

static const char samtycke_strip_sql[] =
	"UPDATE deltagande SET person_id = NULL, avidentifierad = now(),"
	" avidentifierad_orsak = 'samtycke' WHERE id = $1::bigint";

/*
 * The person goes when nothing else links to it: no other participation
 * and no Af/FK ärende.
 */
static const char samtycke_person_sql[] =
	"DELETE FROM person p WHERE p.id = $1::bigint AND NOT EXISTS"
	" (SELECT 1 FROM deltagande d WHERE d.person_id = p.id) AND NOT EXISTS"
	" (SELECT 1 FROM affk_arende a WHERE a.person_id = p.id)";

static const char samtycke_gallring_sql[] =
	"INSERT INTO gallring (orsak, utford_av, antal_deltaganden,"
	" antal_personer, deltaganden) SELECT 'samtycke',"
	" coalesce((SELECT left(a.fornamn || ' ' || a.efternamn, 100)"
	" FROM anvandare a WHERE a.id = $2::integer), $3::text), 1,"
	" $4::integer, ARRAY[$1::bigint]";

/* What the withdrawal needs to know of the participation. */
struct samtycke {
	uint32_t	 person_id;
	int		 stripped;
	char		 start[16];
	char		 slut[16];	/* "" while taking part */
	char		 idag[16];
	char		 insats_slut[16]; /* "" while the insats runs */
};

/*
 * Picks the day the participation ends into out: the day typed, or
 * today (the insats's last day if it has ended), within start..today
 * and the insats. Returns NULL, or the Swedish reason for refusing.
 */
static const char *
samtycke_datum(const struct samtycke *c, const char *typed, char *out,
    size_t len, char *why, size_t wlen)
{
	if (typed[0] == '\0') {
		strlcpy(out, c->insats_slut[0] != '\0' &&
		    strcmp(c->insats_slut, c->idag) < 0 ? c->insats_slut :
		    c->idag, len);
	} else if (!date_valid(typed)) {
		return "Datum ska skrivas ÅÅÅÅ-MM-DD.";
	} else
		strlcpy(out, typed, len);
	/* ISO dates compare as text. */
	if (strcmp(out, c->start) < 0) {
		snprintf(why, wlen, "Slutdatum får inte vara före "
		    "deltagandets startdatum %s.", c->start);
		return why;
	}
	if (strcmp(out, c->idag) > 0)
		return "Slutdatum får inte vara senare än i dag.";
	if (c->insats_slut[0] != '\0' && strcmp(out, c->insats_slut) > 0) {
		snprintf(why, wlen, "Slutdatum får inte vara efter "
		    "insatsens slutdatum %s.", c->insats_slut);
		return why;
	}
	return NULL;
}

/* Reads and locks the participation; 0, or what the handler returns. */
static int
samtycke_read(struct session *s, uint32_t id, const char *const *params,
    struct samtycke *c)
{
	PGresult	*res;

	memset(c, 0, sizeof *c);
	if ((res = db_exec(s, samtycke_read_sql, 2, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Deltagandet finns inte i insatsen.");
	}
	c->person_id = db_u32(res, 0, 0);
	c->stripped = PQgetvalue(res, 0, 1)[0] == 't';
	strlcpy(c->start, PQgetvalue(res, 0, 2), sizeof c->start);
	strlcpy(c->slut, PQgetvalue(res, 0, 3), sizeof c->slut);
	strlcpy(c->idag, PQgetvalue(res, 0, 4), sizeof c->idag);
	strlcpy(c->insats_slut, PQgetvalue(res, 0, 5), sizeof c->insats_slut);
	PQclear(res);
	if (c->stripped)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Personuppgifterna i deltagandet är redan borttagna: "
		    "samtycket kan inte återkallas igen.");
	return 0;
}

/*
 * MSG_SAMTYCKE_ATERKALLA → MSG_OK: ends the participation on datum ("" =
 * today; one already ended keeps its slutdatum) and strips it, all in
 * the request's one transaction.
 */
int
samtycke_aterkalla(struct session *s, uint32_t id, void *m)
{
	struct msg_samtycke_aterkalla	*q = m;
	struct msg_ok			 ok;
	struct samtycke			 c;
	PGresult			*res;
	const char			*params[4], *why;
	char				 did[16], iid[16], uid[16], pid[16];
	char				 datum[16], antal[16], wbuf[160];
	char				 text[256];
	int				 rv, personer;

	snprintf(did, sizeof did, "%u", q->deltagande_id);
	snprintf(iid, sizeof iid, "%u", q->insats_id);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = did;
	params[1] = iid;
	if ((rv = samtycke_read(s, id, params, &c)) != 0)
		return rv;
	if (c.slut[0] != '\0')
		strlcpy(datum, c.slut, sizeof datum);
	else if ((why = samtycke_datum(&c, q->datum, datum, sizeof datum,
	    wbuf, sizeof wbuf)) != NULL)
		return session_refuse(s, id, ERR_VALIDATION, "%s", why);

	/* First, while the participation still names its person. */
	if (audit_person_deltaganden(s, "skriv", "Återkalla samtycke",
	    q->insats_id, &q->deltagande_id, 1) != 0)
		goto fault;
	params[1] = datum;
	if (c.slut[0] == '\0' && db_exec_cmd(s, samtycke_end_sql, 2,
	    params) != 0)
		goto refused;
	params[1] = uid;
	if (db_exec_cmd(s, samtycke_ut_sql, 2, params) != 0 ||
	    db_exec_cmd(s, samtycke_strip_sql, 1, params) != 0)
		goto refused;
	snprintf(pid, sizeof pid, "%u", c.person_id);
	params[0] = pid;
	if ((res = db_exec(s, samtycke_person_sql, 1, params)) == NULL)
		goto refused;
	personer = atoi(PQcmdTuples(res));
	PQclear(res);
	snprintf(antal, sizeof antal, "%d", personer);
	params[0] = did;
	params[1] = uid;
	params[2] = s->username;
	params[3] = antal;
	if (db_exec_cmd(s, samtycke_gallring_sql, 4, params) != 0)
		goto refused;

	memset(&ok, 0, sizeof ok);
	ok.id = q->deltagande_id;
	/* One line of 80 columns: what happened first, then the date. */
	snprintf(text, sizeof text, "Samtycket är återkallat, "
	    "personuppgifterna borttagna. Avslutat %s.", datum);
	ok.message = text;
	return session_reply(s, id, MSG_OK, &ok);
refused:
	if (s->sqlstate[0] != '\0')
		return db_refused(s, id);
fault:
	return session_refuse(s, id, ERR_INTERNAL, "Samtycket kunde inte "
	    "återkallas på grund av ett serverfel.");
}
