/*
 * Af/FK-samarbetet: the offices (styrdata kept by the
 * superadministratör; each office is an insats of its authority's
 * samverkansorganisation, so that uppdrag and the request table work on
 * offices as on insatser) and Byt kontor (rule 52). Visa deltagare is
 * affk_sok.c.
 *
 * Every rule is checked here first, so the refusal can say which office
 * and why; the triggers of schema 0010 (SU072, SU073, SU075, SU076,
 * SU079) stay the backstop for any other path in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"

/* Longest office name in characters (the table's CHECK). */
#define AFFK_KONTOR_NAMN_MAX	100

/* The Swedish short names the sentences use. */
static const char *const affk_kortnamn[] = { "", "Af", "FK" };
/* The table's spelling of AFFK_AF and AFFK_FK. */
static const char *const affk_kod[] = { "", "AF", "FK" };
/* The code list an office's area comes from, per authority. */
static const char *const affk_omrade_lista[] = { "", "marknadsomrade",
    "verksamhetsomrade" };
static const char *const affk_omrade_namn[] = { "", "marknadsområde",
    "verksamhetsområde" };

/* An office as it is now: $1 its id. Locks it against new ärenden. */
static const char kontor_read_sql[] =
	"SELECT CASE k.myndighet WHEN 'AF' THEN 1 ELSE 2 END, k.namn,"
	" k.insats_id, k.omrade_id, k.aktiv, coalesce(k.amo_id, 0)"
	" FROM affk_kontor k"
	" WHERE k.id = $1::integer FOR UPDATE";

/* Another office of the authority with the name, in any case. */
static const char kontor_namn_sql[] =
	"SELECT 1 FROM affk_kontor k WHERE k.myndighet = $1::text"
	" AND lower(k.namn) = lower($2::text) AND k.id <> $3::integer"
	" UNION ALL SELECT 1 FROM insats i JOIN samverkansorg s"
	" ON s.id = i.samverkansorg_id WHERE s.affk_myndighet = $1::text"
	" AND lower(i.namn) = lower($2::text) AND NOT EXISTS (SELECT 1"
	" FROM affk_kontor k WHERE k.insats_id = i.id AND k.id = $3::integer)";

/* Whether $1 is an active code of list $2, or the office's own ($3). */
static const char kontor_kod_sql[] =
	"SELECT 1 FROM kod k WHERE k.id = $1::integer AND k.lista = $2::text"
	" AND (k.aktiv OR k.id = $3::integer)";

/* The open ärenden an office handles. */
static const char kontor_oppna_sql[] =
	"SELECT count(*) FROM affk_arende a WHERE a.slutdatum IS NULL"
	" AND a.avidentifierad IS NULL"
	" AND (a.af_kontor_id = $1::integer OR a.fk_kontor_id = $1::integer)";

/* A new office's insats, in the authority's organisation from its start. */
static const char kontor_insats_new_sql[] =
	"INSERT INTO insats (samverkansorg_id, namn, startdatum, beskrivning)"
	" SELECT s.id, $2::text, s.startdatum, 'Kontor i Af/FK-samarbetet.'"
	" FROM samverkansorg s WHERE s.affk_myndighet = $1::text"
	" RETURNING id";

static const char kontor_insert_sql[] =
	"INSERT INTO affk_kontor (myndighet, namn, omrade_lista, omrade_id,"
	" amo_id, kontorstyp, insats_id, aktiv)"
	" VALUES ($1::text, $2::text, $3::text, $4::integer,"
	" NULLIF($5::integer, 0), NULLIF($6::text, ''), $7::integer,"
	" $8::boolean) RETURNING id";

static const char kontor_insats_namn_sql[] =
	"UPDATE insats SET namn = $2::text WHERE id = $1::integer"
	" AND namn IS DISTINCT FROM $2::text";

static const char kontor_update_sql[] =
	"UPDATE affk_kontor SET namn = $2::text, omrade_id = $3::integer,"
	" amo_id = NULLIF($4::integer, 0), kontorstyp = NULLIF($5::text, ''),"
	" aktiv = $6::boolean WHERE id = $1::integer";

/* Characters (not bytes) in a UTF-8 string. */
static size_t
utf8_chars(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/* Copies s without leading and trailing white space into out. */
static void
trim_copy(const char *s, char *out, size_t len)
{
	size_t	n;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	if (n >= len)
		n = len - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* Whether code kid is an active one of list, or the office's own (was). */
static int
kontor_kod_ok(struct session *s, uint32_t kid, const char *lista,
    uint32_t was, int *ok)
{
	PGresult	*res;
	const char	*params[3];
	char		 k[16], w[16];

	snprintf(k, sizeof k, "%u", kid);
	snprintf(w, sizeof w, "%u", was);
	params[0] = k;
	params[1] = lista;
	params[2] = w;
	if ((res = db_exec(s, kontor_kod_sql, 3, params)) == NULL)
		return -1;
	*ok = PQntuples(res) == 1;
	PQclear(res);
	return 0;
}

/* What a save knows of the office before it writes. */
struct kontor_was {
	int		 finns;
	int		 myndighet;
	uint32_t	 insats_id;
	uint32_t	 omrade_id;
	uint32_t	 amo_id;
	int		 aktiv;
	char		 namn[SUS_NAME_MAX * 2 + 1];
};

/* Reads (and locks) office id; 0, or the refusal. */
static int
kontor_read(struct session *s, uint32_t id, uint32_t kid,
    struct kontor_was *w)
{
	PGresult	*res;
	const char	*params[1];
	char		 k[16];

	memset(w, 0, sizeof *w);
	snprintf(k, sizeof k, "%u", kid);
	params[0] = k;
	if ((res = db_exec(s, kontor_read_sql, 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND, "Kontoret finns "
		    "inte.");
	}
	w->finns = 1;
	w->myndighet = (int)db_u32(res, 0, 0);
	snprintf(w->namn, sizeof w->namn, "%s", PQgetvalue(res, 0, 1));
	w->insats_id = db_u32(res, 0, 2);
	w->omrade_id = db_u32(res, 0, 3);
	w->aktiv = PQgetvalue(res, 0, 4)[0] == 't';
	w->amo_id = db_u32(res, 0, 5);
	PQclear(res);
	return 0;
}

/*
 * The checks that need no database: the authority, the name, the type
 * and which fields the authority has. 0, or the refusal.
 */
static int
kontor_check_fields(struct session *s, uint32_t id,
    const struct affk_kontor_row *q, const char *namn)
{
	size_t	n = utf8_chars(namn);

	if (q->myndighet != AFFK_AF && q->myndighet != AFFK_FK)
		return session_refuse(s, id, ERR_VALIDATION, "Välj om kontoret "
		    "hör till Arbetsförmedlingen eller Försäkringskassan.");
	if (n == 0)
		return session_refuse(s, id, ERR_VALIDATION, "Ange kontorets "
		    "namn.");
	if (n > AFFK_KONTOR_NAMN_MAX)
		return session_refuse(s, id, ERR_VALIDATION, "Kontorets namn "
		    "får vara högst %d tecken (nu %zu).", AFFK_KONTOR_NAMN_MAX,
		    n);
	if (q->omrade_id == 0)
		return session_refuse(s, id, ERR_VALIDATION, "Välj kontorets "
		    "%s.", affk_omrade_namn[q->myndighet]);
	if (q->myndighet == AFFK_FK) {
		if (strcmp(q->kontorstyp, "TA") != 0 &&
		    strcmp(q->kontorstyp, "FV") != 0)
			return session_refuse(s, id, ERR_VALIDATION, "Välj "
			    "kontorstyp för Försäkringskassans kontor: TA "
			    "eller FV.");
		if (q->amo_id != 0)
			return session_refuse(s, id, ERR_VALIDATION,
			    "Arbetsmarknadsområde anges bara för "
			    "Arbetsförmedlingens kontor.");
	} else if (q->kontorstyp[0] != '\0')
		return session_refuse(s, id, ERR_VALIDATION, "Kontorstyp anges "
		    "bara för Försäkringskassans kontor.");
	return 0;
}

/*
 * The checks against what is stored: the name free within the
 * authority, the areas from the right lists, and no office closed while
 * it has open ärenden. 0, or the refusal.
 */
static int
kontor_check_db(struct session *s, uint32_t id,
    const struct affk_kontor_row *q, const char *namn,
    const struct kontor_was *w)
{
	PGresult	*res;
	const char	*params[3];
	char		 kid[16];
	uint32_t	 oppna;
	int		 ok, taken;

	snprintf(kid, sizeof kid, "%u", q->id);
	params[0] = affk_kod[q->myndighet];
	params[1] = namn;
	params[2] = kid;
	if ((res = db_exec(s, kontor_namn_sql, 3, params)) == NULL)
		return db_refused(s, id);
	taken = PQntuples(res) > 0;
	PQclear(res);
	if (taken)
		return session_refuse(s, id, ERR_VALIDATION, "%s har redan ett "
		    "kontor som heter %s: namnet måste vara unikt inom "
		    "myndigheten.", rule_affk_myndighet(q->myndighet), namn);
	if (kontor_kod_ok(s, q->omrade_id, affk_omrade_lista[q->myndighet],
	    w->omrade_id, &ok) != 0)
		return db_refused(s, id);
	if (!ok)
		return session_refuse(s, id, ERR_VALIDATION, "Välj ett %s ur "
		    "listan för %s.", affk_omrade_namn[q->myndighet],
		    rule_affk_myndighet(q->myndighet));
	if (q->amo_id != 0) {
		if (kontor_kod_ok(s, q->amo_id, "arbetsmarknadsomrade",
		    w->amo_id, &ok) != 0)
			return db_refused(s, id);
		if (!ok)
			return session_refuse(s, id, ERR_VALIDATION, "Välj ett "
			    "arbetsmarknadsområde ur listan.");
	}
	if (!w->finns || q->aktiv || !w->aktiv)
		return 0;
	params[0] = kid;
	if ((res = db_exec(s, kontor_oppna_sql, 1, params)) == NULL)
		return db_refused(s, id);
	oppna = db_u32(res, 0, 0);
	PQclear(res);
	if (oppna > 0)
		return session_refuse(s, id, ERR_VALIDATION, "Kontoret %s har "
		    "%u %s och kan inte stängas. Byt kontor för %s först.",
		    w->namn, oppna, oppna == 1 ? "pågående ärende" :
		    "pågående ärenden", oppna == 1 ? "det" : "dem");
	return 0;
}

/* Writes a new office and its insats; its id, or 0 (sqlstate kept). */
static uint32_t
kontor_create(struct session *s, const struct affk_kontor_row *q,
    const char *namn)
{
	PGresult	*res;
	const char	*params[8];
	char		 omr[16], amo[16], iid[16];
	uint32_t	 kid = 0;

	params[0] = affk_kod[q->myndighet];
	params[1] = namn;
	if ((res = db_exec(s, kontor_insats_new_sql, 2, params)) == NULL)
		return 0;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return 0;
	}
	snprintf(iid, sizeof iid, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	snprintf(omr, sizeof omr, "%u", q->omrade_id);
	snprintf(amo, sizeof amo, "%u", q->amo_id);
	params[2] = affk_omrade_lista[q->myndighet];
	params[3] = omr;
	params[4] = amo;
	params[5] = q->kontorstyp;
	params[6] = iid;
	params[7] = q->aktiv ? "true" : "false";
	if ((res = db_exec(s, kontor_insert_sql, 8, params)) == NULL)
		return 0;
	if (PQntuples(res) == 1)
		kid = db_u32(res, 0, 0);
	PQclear(res);
	return kid;
}

/* Renames and changes an office and its insats; 0 or -1 (sqlstate kept). */
static int
kontor_update(struct session *s, const struct affk_kontor_row *q,
    const char *namn, const struct kontor_was *w)
{
	const char	*params[6];
	char		 kid[16], iid[16], omr[16], amo[16];

	snprintf(kid, sizeof kid, "%u", q->id);
	snprintf(iid, sizeof iid, "%u", w->insats_id);
	snprintf(omr, sizeof omr, "%u", q->omrade_id);
	snprintf(amo, sizeof amo, "%u", q->amo_id);
	params[0] = iid;
	params[1] = namn;
	if (db_exec_cmd(s, kontor_insats_namn_sql, 2, params) != 0)
		return -1;
	params[0] = kid;
	params[1] = namn;
	params[2] = omr;
	params[3] = amo;
	params[4] = q->kontorstyp;
	params[5] = q->aktiv ? "true" : "false";
	return db_exec_cmd(s, kontor_update_sql, 6, params);
}

/*
 * MSG_AFFK_KONTOR_SAVE → MSG_OK with the office's id: a new office
 * (id 0) and its insats in one transaction, or a change of name (both),
 * area, type or whether it is open.
 */
int
affk_kontor_save(struct session *s, uint32_t id, void *m)
{
	struct affk_kontor_row	*q = m;
	struct kontor_was	 w;
	struct msg_ok		 ok;
	char			 namn[SUS_NAME_MAX * 2 + 1], text[600];
	uint32_t		 kid;
	int			 rv;

	memset(&w, 0, sizeof w);
	trim_copy(q->namn, namn, sizeof namn);
	if ((rv = kontor_check_fields(s, id, q, namn)) != 0)
		return rv;
	if (q->id != 0) {
		if ((rv = kontor_read(s, id, q->id, &w)) != 0)
			return rv;
		if (w.myndighet != q->myndighet)
			return session_refuse(s, id, ERR_VALIDATION, "Ett "
			    "kontor byter inte myndighet: %s hör till %s.",
			    w.namn, rule_affk_myndighet(w.myndighet));
	}
	if ((rv = kontor_check_db(s, id, q, namn, &w)) != 0)
		return rv;
	if (q->id == 0) {
		if ((kid = kontor_create(s, q, namn)) == 0)
			return db_refused(s, id);
		snprintf(text, sizeof text, "%s-kontoret %s är skapat.",
		    affk_kortnamn[q->myndighet], namn);
	} else {
		if (kontor_update(s, q, namn, &w) != 0)
			return db_refused(s, id);
		kid = q->id;
		snprintf(text, sizeof text, "Kontoret %s är sparat%s.", namn,
		    w.aktiv && !q->aktiv ? " och stängt" :
		    !w.aktiv && q->aktiv ? " och öppnat igen" : "");
	}
	memset(&ok, 0, sizeof ok);
	ok.id = kid;
	ok.message = text;
	return session_reply(s, id, MSG_OK, &ok);
}

/*
 * Byt kontor: the ärende (locked by affk_arende_own()) and the two new
 * offices as the rules need them. $1 the ärende, $2 the new Af office,
 * $3 the new FK office, $4 the date.
 */
static const char byt_read_sql[] =
	"SELECT a.slutdatum IS NOT NULL, a.af_kontor_id, a.fk_kontor_id,"
	" coalesce((SELECT to_char(p.startdatum, 'YYYY-MM-DD')"
	"  FROM affk_period p WHERE p.arende_id = a.id"
	"  AND p.slutdatum IS NULL), ''),"
	" coalesce((SELECT to_char(max(b.datum), 'YYYY-MM-DD')"
	"  FROM affk_kontorsbyte b WHERE b.arende_id = a.id), ''),"
	" $4::date > current_date,"
	" coalesce($4::date < (SELECT p.startdatum FROM affk_period p"
	"  WHERE p.arende_id = a.id AND p.slutdatum IS NULL), false),"
	" coalesce($4::date < (SELECT max(b.datum) FROM affk_kontorsbyte b"
	"  WHERE b.arende_id = a.id), false),"
	" coalesce((SELECT k.myndighet = 'AF' FROM affk_kontor k"
	"  WHERE k.id = $2::integer), false),"
	" coalesce((SELECT k.aktiv FROM affk_kontor k"
	"  WHERE k.id = $2::integer), false),"
	" coalesce((SELECT k.myndighet = 'FK' FROM affk_kontor k"
	"  WHERE k.id = $3::integer), false),"
	" coalesce((SELECT k.aktiv FROM affk_kontor k"
	"  WHERE k.id = $3::integer), false)"
	" FROM affk_arende a WHERE a.id = $1::bigint";

static const char byt_insert_sql[] =
	"INSERT INTO affk_kontorsbyte (arende_id, datum, fran_af_kontor_id,"
	" till_af_kontor_id, fran_fk_kontor_id, till_fk_kontor_id,"
	" andrad_av) SELECT a.id, $2::date, a.af_kontor_id, $3::integer,"
	" a.fk_kontor_id, $4::integer, $5::integer FROM affk_arende a"
	" WHERE a.id = $1::bigint";

/* Column indexes of byt_read_sql. */
enum {
	BYT_SLUT, BYT_AF, BYT_FK, BYT_PERIOD, BYT_SENAST, BYT_FRAMTID,
	BYT_FORE_PERIOD, BYT_FORE_BYTE, BYT_AF_AR_AF, BYT_AF_AKTIV,
	BYT_FK_AR_FK, BYT_FK_AKTIV
};

/* Whether column c of the first row is true. */
static int
byt_flag(PGresult *res, int c)
{
	return PQgetvalue(res, 0, c)[0] == 't';
}

/* The rules of rule 52 on what byt_read_sql found; 0 or the refusal. */
static int
byt_check(struct session *s, uint32_t id,
    const struct msg_affk_byt_kontor *q, PGresult *res)
{
	if (byt_flag(res, BYT_SLUT))
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_affk_db_message("SU073"));
	if (!byt_flag(res, BYT_AF_AR_AF))
		return session_refuse(s, id, ERR_VALIDATION, "Det nya "
		    "Af-kontoret måste vara ett av Arbetsförmedlingens "
		    "kontor.");
	if (!byt_flag(res, BYT_FK_AR_FK))
		return session_refuse(s, id, ERR_VALIDATION, "Det nya "
		    "FK-kontoret måste vara ett av Försäkringskassans "
		    "kontor.");
	if (!byt_flag(res, BYT_AF_AKTIV) || !byt_flag(res, BYT_FK_AKTIV))
		return session_refuse(s, id, ERR_VALIDATION, "Det nya %s är "
		    "stängt: välj ett öppet kontor.",
		    !byt_flag(res, BYT_AF_AKTIV) ? "Af-kontoret" :
		    "FK-kontoret");
	if (db_u32(res, 0, BYT_AF) == q->af_kontor_id &&
	    db_u32(res, 0, BYT_FK) == q->fk_kontor_id)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_affk_db_message("SU076"));
	if (byt_flag(res, BYT_FRAMTID))
		return session_refuse(s, id, ERR_VALIDATION, "Datumet för "
		    "bytet får inte vara senare än i dag.");
	if (byt_flag(res, BYT_FORE_PERIOD))
		return session_refuse(s, id, ERR_VALIDATION, "Datumet för "
		    "bytet får inte vara före starten av den nuvarande "
		    "perioden (%s).", PQgetvalue(res, 0, BYT_PERIOD));
	if (byt_flag(res, BYT_FORE_BYTE))
		return session_refuse(s, id, ERR_VALIDATION, "Datumet för "
		    "bytet får inte vara före det förra kontorsbytet (%s).",
		    PQgetvalue(res, 0, BYT_SENAST));
	return 0;
}

/*
 * MSG_AFFK_BYT_KONTOR → MSG_AFFK_SAVED (rule 52): both new offices, of
 * the right authorities and open, from a date within the current
 * period, not ahead and not before an earlier change. The history row's
 * trigger moves the ärende; the office asking may then no longer see it.
 */
int
affk_byt_kontor(struct session *s, uint32_t id, void *m)
{
	struct msg_affk_byt_kontor	*q = m;
	struct msg_affk_saved		 r;
	struct affk_kontor		 k;
	PGresult			*res = NULL;
	const char			*params[5];
	char				 aid[16], af[16], fk[16], uid[16];
	int				 rv;

	if ((rv = affk_kontor_of(s, id, q->kontor_insats_id, &k)) != 0)
		return rv;
	if (q->af_kontor_id == 0 || q->fk_kontor_id == 0)
		return session_refuse(s, id, ERR_VALIDATION, "Välj både nytt "
		    "Af-kontor och nytt FK-kontor.");
	if (q->datum[0] == '\0')
		return session_refuse(s, id, ERR_VALIDATION, "Ange från vilket "
		    "datum de nya kontoren handlägger.");
	if (!date_valid(q->datum))
		return session_refuse(s, id, ERR_VALIDATION, "Datumet ska "
		    "skrivas ÅÅÅÅ-MM-DD.");
	if ((rv = affk_arende_own(s, id, &k, q->arende_id, 1)) != 0)
		return rv;
	snprintf(aid, sizeof aid, "%u", q->arende_id);
	snprintf(af, sizeof af, "%u", q->af_kontor_id);
	snprintf(fk, sizeof fk, "%u", q->fk_kontor_id);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = aid;
	params[1] = af;
	params[2] = fk;
	params[3] = q->datum;
	if ((res = db_exec(s, byt_read_sql, 4, params)) == NULL) {
		rv = db_refused(s, id);
		goto out;
	}
	if (PQntuples(res) != 1) {
		rv = session_refuse(s, id, ERR_NOT_FOUND, "Deltagaren finns "
		    "inte på ditt kontor (%s).", k.namn);
		goto out;
	}
	if ((rv = byt_check(s, id, q, res)) != 0)
		goto out;
	params[1] = q->datum;
	params[2] = af;
	params[3] = fk;
	params[4] = uid;
	if (db_exec_cmd(s, byt_insert_sql, 5, params) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	if (audit_person_arenden(s, "skriv", "Byt kontor", k.insats_id,
	    &q->arende_id, 1) != 0) {
		rv = session_refuse(s, id, ERR_INTERNAL, "Kontoren kunde inte "
		    "bytas: ändringen kunde inte loggas på grund av ett "
		    "serverfel.");
		goto out;
	}
	memset(&r, 0, sizeof r);
	r.arende_id = q->arende_id;
	rv = session_reply(s, id, MSG_AFFK_SAVED, &r);
out:
	PQclear(res);
	return rv;
}
