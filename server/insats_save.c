/*
 * Registrera (ny) insats: base data, categorisation and the
 * deltagaransvariga panel in one transaction (domain.md 2.4, rules
 * 24-30). Every rule is checked here first for a sentence that names
 * what is wrong; the triggers of schema 0007 hold the same rules for
 * whoever writes, and audit every row that really changes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "samverkansorg.h"
#include "susd.h"
#include "xmalloc.h"

/* Longest beskrivning in characters (schema 0007). */
#define INSATS_BESKRIVNING_MAX	2000

/* Positions of the three categorisation codes in the tables below. */
#define KOD_INRIKTNING		0
#define KOD_PRECISERAD		1
#define KOD_MATNINGSMETOD	2
#define KOD_N			3

/* The categorisation codes of a save: where, which list, what to say. */
static const struct {
	size_t		 off;		/* uint32_t in struct msg_insats */
	const char	*lista;
	const char	*label;		/* "<label> finns inte." */
} insats_koder[KOD_N] = {
	{ offsetof(struct msg_insats, inriktning_id), "inriktning",
	    "Inriktningen" },
	{ offsetof(struct msg_insats, preciserad_id), "preciserad_inriktning",
	    "Den preciserade inriktningen" },
	{ offsetof(struct msg_insats, matningsmetod_id), "matningsmetod",
	    "Mätningsmetoden" },
};

/* The samverkansorganisation a save names. */
struct insats_org {
	char		 namn[256];
	char		 start[16];
	char		 slut[16];	/* "" while active */
};

/* What is stored of the insats a save changes; zero for a new one. */
struct insats_cur {
	uint32_t	 samorg_id;
	uint32_t	 kod[KOD_N];
	uint32_t	*malgrupper;
	uint32_t	 nmalgrupper;
	int		 locked;	/* participants: rule 26 */
};

/* What the code lists say of the codes a save names. */
struct insats_kod {
	char		 namn[KOD_N][128];
	uint32_t	 overordnad[KOD_N];
	char		 kod[KOD_N][48];
};

/* The stored row, locked for the save; $1 the insats. */
static const char insats_cur_sql[] =
	"SELECT samverkansorg_id, coalesce(inriktning_id, 0),"
	" coalesce(preciserad_id, 0), coalesce(matningsmetod_id, 0),"
	" insats_har_deltagare(id),"
	" to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'),"
	" coalesce((SELECT array_to_string(array_agg(m.malgrupp_id), ',')"
	"  FROM insats_malgrupp m WHERE m.insats_id = $1::bigint), '')"
	" FROM insats WHERE id = $1::bigint FOR UPDATE";

/*
 * What the code lists hold of ids $1 each in list $2 at the same place:
 * whether found there, active, name, parent and kod, in the order sent.
 */
static const char insats_kod_sql[] =
	"SELECT k.id IS NOT NULL, coalesce(k.aktiv, false),"
	" coalesce(k.namn, ''), coalesce(k.overordnad_id, 0),"
	" coalesce(k.kod, '')"
	" FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY"
	" AS v(id, lista, ord)"
	" LEFT JOIN kod k ON k.id = v.id AND k.lista = v.lista"
	" ORDER BY v.ord";

static const char insats_insert_sql[] =
	"INSERT INTO insats (samverkansorg_id, namn, beskrivning, startdatum,"
	" slutdatum, inriktning_id, preciserad_id, matningsmetod_id,"
	" skapad_av) VALUES ($1::bigint, $2, $3, $4::date,"
	" nullif($5, '')::date, nullif($6::integer, 0),"
	" nullif($7::integer, 0), nullif($8::integer, 0), $9::integer)"
	" RETURNING id";

/* Always written: the row's version moves even for målgrupper alone. */
static const char insats_update_sql[] =
	"UPDATE insats SET namn = $2, beskrivning = $3, startdatum = $4::date,"
	" slutdatum = nullif($5, '')::date,"
	" inriktning_id = nullif($6::integer, 0),"
	" preciserad_id = nullif($7::integer, 0),"
	" matningsmetod_id = nullif($8::integer, 0)"
	" WHERE id = $1::bigint";

/*
 * Målgrupper are written as a difference from what is stored, so the
 * audit trail shows only what changed: $1 the insats, $2 the ids.
 */
static const char *const insats_malgrupp_writes[] = {
	"DELETE FROM insats_malgrupp WHERE insats_id = $1::bigint"
	    " AND malgrupp_id <> ALL ($2::integer[])",
	"INSERT INTO insats_malgrupp (insats_id, malgrupp_id)"
	    " SELECT $1::bigint, v.id FROM unnest($2::integer[]) AS v(id)"
	    " WHERE NOT EXISTS (SELECT 1 FROM insats_malgrupp m"
	    " WHERE m.insats_id = $1::bigint AND m.malgrupp_id = v.id)",
};

/* The code id at position i of a save. */
static uint32_t
insats_kod_id(const struct msg_insats *q, int i)
{
	uint32_t	v;

	memcpy(&v, (const char *)q + insats_koder[i].off, sizeof v);
	return v;
}

static void
insats_kod_set(struct msg_insats *q, int i, uint32_t v)
{
	memcpy((char *)q + insats_koder[i].off, &v, sizeof v);
}

/* Writes n ids as a PostgreSQL array literal; the caller frees it. */
static char *
insats_array(const uint32_t *ids, size_t stride, uint32_t n)
{
	size_t		 len = (size_t)n * 11 + 3, o = 0;
	uint32_t	 i, v;
	char		*a = xmalloc(len);

	a[o++] = '{';
	for (i = 0; i < n; i++) {
		memcpy(&v, (const char *)ids + (size_t)i * stride, sizeof v);
		o += (size_t)snprintf(a + o, len - o, "%s%u", i > 0 ? "," : "",
		    v);
	}
	snprintf(a + o, len - o, "}");
	return a;
}

/* Reports whether set holds v. */
static int
insats_has(const uint32_t *set, size_t stride, uint32_t n, uint32_t v)
{
	uint32_t	i, e;

	for (i = 0; i < n; i++) {
		memcpy(&e, (const char *)set + (size_t)i * stride, sizeof e);
		if (e == v)
			return 1;
	}
	return 0;
}

/* Reads the organisation a save names; 0, or what the handler returns. */
static int
insats_org_read(struct session *s, uint32_t id, const struct msg_insats *q,
    struct insats_org *org)
{
	PGresult	*res;
	char		 sid[16];
	const char	*params[1] = { sid };

	snprintf(sid, sizeof sid, "%u", q->samorg_id);
	if ((res = db_exec(s, "SELECT namn, to_char(startdatum, 'YYYY-MM-DD'),"
	    " coalesce(to_char(slutdatum, 'YYYY-MM-DD'), ''),"
	    " affk_myndighet IS NOT NULL"
	    " FROM samverkansorg WHERE id = $1::bigint", 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Samverkansorganisationen finns inte.");
	}
	/* Af/FK: the insatser are the offices, kept with the offices. */
	if (PQgetvalue(res, 0, 3)[0] == 't') {
		PQclear(res);
		return session_refuse(s, id, ERR_VALIDATION, "I Af/FK-"
		    "samarbetet är kontoren insatserna: de läggs upp under "
		    "Administration, Af/FK-kontor, och deltagaransvariga "
		    "kopplas under Insats, Deltagaransvariga.");
	}
	strlcpy(org->namn, PQgetvalue(res, 0, 0), sizeof org->namn);
	strlcpy(org->start, PQgetvalue(res, 0, 1), sizeof org->start);
	strlcpy(org->slut, PQgetvalue(res, 0, 2), sizeof org->slut);
	PQclear(res);
	return 0;
}

/* Parses the stored målgrupper, "1,2,3", into cur. */
static void
insats_cur_malgrupper(struct insats_cur *cur, const char *list)
{
	const char	*p;
	char		*end;

	cur->nmalgrupper = 0;
	if (*list == '\0')
		return;
	for (p = list, cur->nmalgrupper = 1; *p != '\0'; p++)
		cur->nmalgrupper += *p == ',';
	cur->malgrupper = xcalloc(cur->nmalgrupper, sizeof *cur->malgrupper);
	for (p = list, cur->nmalgrupper = 0; *p != '\0'; p = end) {
		cur->malgrupper[cur->nmalgrupper++] =
		    (uint32_t)strtoul(p, &end, 10);
		if (*end == ',')
			end++;
	}
}

/*
 * Reads and locks the insats a save changes: it must exist, belong to
 * the organisation the request was authorised on, and not have changed
 * since the caller read it. 0, or what the handler returns.
 */
static int
insats_cur_read(struct session *s, uint32_t id, const struct msg_insats *q,
    struct insats_cur *cur)
{
	PGresult	*res;
	char		 iid[16];
	const char	*params[1] = { iid };
	int		 i, rv = 0;

	snprintf(iid, sizeof iid, "%u", q->id);
	if ((res = db_exec(s, insats_cur_sql, 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Insatsen finns inte.");
	}
	cur->samorg_id = db_u32(res, 0, 0);
	for (i = 0; i < KOD_N; i++)
		cur->kod[i] = db_u32(res, 0, 1 + i);
	cur->locked = PQgetvalue(res, 0, 4)[0] == 't';
	/* Scope was checked on samorg_id: the insats must be there. */
	if (cur->samorg_id != q->samorg_id)
		rv = session_refuse(s, id, ERR_FORBIDDEN, "Insatsen hör inte "
		    "till den valda samverkansorganisationen.");
	else if (strcmp(q->andrad, PQgetvalue(res, 0, 5)) != 0)
		rv = session_refuse(s, id, ERR_CONFLICT, "Insatsen har ändrats "
		    "av någon annan sedan du hämtade den. Hämta den igen.");
	else
		insats_cur_malgrupper(cur, PQgetvalue(res, 0, 6));
	PQclear(res);
	return rv;
}

/* Checks the dates against each other and the organisation (rule 30). */
static int
insats_check_dates(struct session *s, uint32_t id,
    const struct msg_insats *q, const struct insats_org *org)
{
	if (!date_valid(q->startdatum))
		return session_refuse(s, id, ERR_VALIDATION, "Startdatum måste "
		    "vara ett datum (ÅÅÅÅ-MM-DD).");
	if (q->slutdatum[0] != '\0' && !date_valid(q->slutdatum))
		return session_refuse(s, id, ERR_VALIDATION, "Slutdatum måste "
		    "vara ett datum (ÅÅÅÅ-MM-DD) eller tomt.");
	/* Valid dates in one format compare as strings. */
	if (q->slutdatum[0] != '\0' && strcmp(q->slutdatum, q->startdatum) < 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Slutdatum får inte vara före startdatum.");
	if (strcmp(q->startdatum, org->start) < 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Startdatum får inte vara före %s, då %s startade.",
		    org->start, org->namn);
	if (org->slut[0] == '\0')
		return 0;
	if (strcmp(q->startdatum, org->slut) > 0)
		return session_refuse(s, id, ERR_VALIDATION, "Startdatum får "
		    "inte vara efter %s, då %s slutade.", org->slut,
		    org->namn);
	if (q->slutdatum[0] == '\0')
		return session_refuse(s, id, ERR_VALIDATION, "Ange ett "
		    "slutdatum, senast %s, då %s slutar.", org->slut,
		    org->namn);
	if (strcmp(q->slutdatum, org->slut) > 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Slutdatum får inte vara efter %s, då %s slutar.",
		    org->slut, org->namn);
	return 0;
}

/*
 * Checks namn (rule 24: also unique in the organisation, case aside),
 * beskrivning and the dates.
 */
static int
insats_check_base(struct session *s, uint32_t id, const struct msg_insats *q,
    const struct insats_org *org)
{
	PGresult	*res;
	char		 sid[16], iid[16], text[256];
	const char	*why, *params[3] = { sid, q->namn, iid };
	int		 rv = 0;

	if ((why = rule_insats_name_refusal(q->namn)) != NULL)
		return session_refuse(s, id, ERR_VALIDATION, "%s", why);
	if ((why = rule_samorg_field_refusal("Beskrivningen", q->beskrivning,
	    INSATS_BESKRIVNING_MAX, RULE_FIELD_TEXT, text,
	    sizeof text)) != NULL)
		return session_refuse(s, id, ERR_VALIDATION, "%s", why);
	if ((rv = insats_check_dates(s, id, q, org)) != 0)
		return rv;
	snprintf(sid, sizeof sid, "%u", q->samorg_id);
	snprintf(iid, sizeof iid, "%u", q->id);
	if ((res = db_exec(s, "SELECT namn FROM insats"
	    " WHERE samverkansorg_id = $1::bigint AND lower(namn) = lower($2)"
	    " AND id <> $3::bigint LIMIT 1", 3, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) > 0)
		rv = session_refuse(s, id, ERR_CONFLICT, "Det finns redan en "
		    "insats med namnet %s i %s.", PQgetvalue(res, 0, 0),
		    org->namn);
	PQclear(res);
	return rv;
}

/*
 * Looks up n ids (stride apart) in list lista, or in the lists of
 * insats_koder when lista is NULL. NULL after answering.
 */
static PGresult *
insats_kod_read(struct session *s, const uint32_t *ids, size_t stride,
    uint32_t n, const char *lista)
{
	PGresult	*res;
	char		*arr, *listor;
	const char	*params[2];
	size_t		 len = (size_t)n * 32 + 3, o = 0;
	uint32_t	 i;

	arr = insats_array(ids, stride, n);
	listor = xmalloc(len);
	listor[o++] = '{';
	for (i = 0; i < n; i++)
		o += (size_t)snprintf(listor + o, len - o, "%s%s",
		    i > 0 ? "," : "", lista != NULL ? lista :
		    insats_koder[i].lista);
	snprintf(listor + o, len - o, "}");
	params[0] = arr;
	params[1] = listor;
	res = db_exec(s, insats_kod_sql, 2, params);
	free(arr);
	free(listor);
	return res;
}

/*
 * Rule 28: a strukturövergripande insats measures Endast antal unless
 * another mätningsmetod is chosen.
 */
static int
insats_default_matning(struct session *s, uint32_t id, struct msg_insats *q,
    struct insats_kod *k)
{
	PGresult	*res;

	if (strcmp(k->kod[KOD_INRIKTNING], "STRUKTUR") != 0 ||
	    insats_kod_id(q, KOD_MATNINGSMETOD) != 0)
		return 0;
	if ((res = db_exec(s, "SELECT id, namn FROM kod"
	    " WHERE lista = 'matningsmetod' AND kod = 'ANTAL'", 0, NULL)) ==
	    NULL)
		return db_refused(s, id);
	if (PQntuples(res) == 1) {
		insats_kod_set(q, KOD_MATNINGSMETOD, db_u32(res, 0, 0));
		strlcpy(k->namn[KOD_MATNINGSMETOD], PQgetvalue(res, 0, 1),
		    sizeof k->namn[KOD_MATNINGSMETOD]);
		strlcpy(k->kod[KOD_MATNINGSMETOD], "ANTAL",
		    sizeof k->kod[KOD_MATNINGSMETOD]);
	}
	PQclear(res);
	return 0;
}

/*
 * Checks one categorisation code, row i of res: it must be of its list
 * and, unless already the insats's, in use.
 */
static int
insats_check_kod(struct session *s, uint32_t id, PGresult *res, int i,
    uint32_t v, uint32_t stored, struct insats_kod *k)
{
	if (v > INT32_MAX || PQgetvalue(res, i, 0)[0] != 't')
		return session_refuse(s, id, ERR_VALIDATION, "%s finns inte.",
		    insats_koder[i].label);
	strlcpy(k->namn[i], PQgetvalue(res, i, 2), sizeof k->namn[i]);
	k->overordnad[i] = db_u32(res, i, 3);
	strlcpy(k->kod[i], PQgetvalue(res, i, 4), sizeof k->kod[i]);
	if (PQgetvalue(res, i, 1)[0] != 't' && v != stored)
		return session_refuse(s, id, ERR_VALIDATION,
		    "%s %s används inte längre och kan inte väljas.",
		    insats_koder[i].label, k->namn[i]);
	return 0;
}

/*
 * Checks inriktning, preciserad inriktning (rule 27) and mätningsmetod,
 * then rule 28; fills k. A partial categorisation may be
 * saved: it is required only before the first participant (rule 26).
 */
static int
insats_check_koder(struct session *s, uint32_t id, struct msg_insats *q,
    const struct insats_cur *cur, struct insats_kod *k)
{
	PGresult	*res;
	uint32_t	 ids[KOD_N];
	int		 i, rv = 0;

	memset(k, 0, sizeof *k);
	if (q->preciserad_id != 0 && q->inriktning_id == 0)
		return session_refuse(s, id, ERR_VALIDATION, "Välj inriktning "
		    "innan du väljer preciserad inriktning.");
	for (i = 0; i < KOD_N; i++)
		ids[i] = insats_kod_id(q, i);
	if ((res = insats_kod_read(s, ids, sizeof ids[0], KOD_N, NULL)) ==
	    NULL)
		return db_refused(s, id);
	for (i = 0; i < KOD_N && rv == 0; i++) {
		if (ids[i] != 0)
			rv = insats_check_kod(s, id, res, i, ids[i],
			    cur->kod[i], k);
	}
	PQclear(res);
	if (rv == 0)
		rv = insats_default_matning(s, id, q, k);
	if (rv == 0 && q->preciserad_id != 0 &&
	    k->overordnad[KOD_PRECISERAD] != q->inriktning_id)
		rv = session_refuse(s, id, ERR_VALIDATION, "Den preciserade "
		    "inriktningen %s hör inte till inriktningen %s.",
		    k->namn[KOD_PRECISERAD], k->namn[KOD_INRIKTNING]);
	return rv;
}

/* Checks the specifika målgrupper: codes of list malgrupp, each once. */
static int
insats_check_malgrupper(struct session *s, uint32_t id,
    const struct msg_insats *q, const struct insats_cur *cur)
{
	PGresult	*res;
	const char	*namn;
	uint32_t	 i, v;
	int		 rv = 0;

	if (q->nmalgrupper == 0)
		return 0;
	if ((res = insats_kod_read(s, &q->malgrupper[0].id,
	    sizeof q->malgrupper[0], q->nmalgrupper, "malgrupp")) == NULL)
		return db_refused(s, id);
	for (i = 0; i < q->nmalgrupper && rv == 0; i++) {
		v = q->malgrupper[i].id;
		namn = PQgetvalue(res, (int)i, 2);
		if (v > INT32_MAX || PQgetvalue(res, (int)i, 0)[0] != 't')
			rv = session_refuse(s, id, ERR_VALIDATION, "Målgruppen "
			    "med nummer %u finns inte.", v);
		else if (insats_has(&q->malgrupper[0].id,
		    sizeof q->malgrupper[0], i, v))
			rv = session_refuse(s, id, ERR_VALIDATION, "Målgruppen "
			    "%s är vald två gånger.", namn);
		else if (PQgetvalue(res, (int)i, 1)[0] != 't' &&
		    !insats_has(cur->malgrupper, sizeof *cur->malgrupper,
		    cur->nmalgrupper, v))
			rv = session_refuse(s, id, ERR_VALIDATION, "Målgruppen "
			    "%s används inte längre och kan inte väljas.",
			    namn);
	}
	PQclear(res);
	return rv;
}

/*
 * Rule 26: once participants are registered the categorisation stays as
 * it is; the rest of the insats may still change.
 */
static int
insats_check_lock(struct session *s, uint32_t id, const struct msg_insats *q,
    const struct insats_cur *cur)
{
	uint32_t	i;
	int		changed = 0;

	if (!cur->locked)
		return 0;
	for (i = 0; i < KOD_N; i++)
		changed |= insats_kod_id(q, (int)i) != cur->kod[i];
	/* Both sets hold each code once: same size and one in the other. */
	changed |= q->nmalgrupper != cur->nmalgrupper;
	for (i = 0; i < q->nmalgrupper && !changed; i++)
		changed = !insats_has(cur->malgrupper, sizeof *cur->malgrupper,
		    cur->nmalgrupper, q->malgrupper[i].id);
	if (changed)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_insats_db_message("SU033"));
	return 0;
}

/*
 * Deltagaransvariga register persons: none on a volyminsats (rule 29),
 * and none before the insats says it registers persons.
 */
static int
insats_check_da(struct session *s, uint32_t id, const struct msg_insats *q,
    const struct insats_kod *k)
{
	if (q->nda_adds == 0)
		return 0;
	if (strcmp(k->kod[KOD_MATNINGSMETOD], "ANTAL") == 0)
		return session_refuse(s, id, ERR_VALIDATION, "En volyminsats "
		    "(mätningsmetod Endast antal) har inga deltagaransvariga: "
		    "antalen registreras av insatsansvarig.");
	if (strcmp(k->kod[KOD_MATNINGSMETOD], "PERSON") != 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Välj mätningsmetod Personuppgifter/anonym innan du "
		    "lägger till deltagaransvariga.");
	return 0;
}

/* Inserts or updates the insats's own row; *iid gets its id. */
static int
insats_write_row(struct session *s, uint32_t id, const struct msg_insats *q,
    char *iid, size_t iidlen)
{
	PGresult	*res;
	char		 sid[16], kod[KOD_N][16], uid[16];
	const char	*params[9];
	int		 i;

	snprintf(sid, sizeof sid, "%u", q->samorg_id);
	snprintf(iid, iidlen, "%u", q->id);
	for (i = 0; i < KOD_N; i++)
		snprintf(kod[i], sizeof kod[i], "%u", insats_kod_id(q, i));
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = q->id == 0 ? sid : iid;
	params[1] = q->namn;
	params[2] = q->beskrivning;
	params[3] = q->startdatum;
	params[4] = q->slutdatum;
	for (i = 0; i < KOD_N; i++)
		params[5 + i] = kod[i];
	params[8] = uid;
	if (q->id != 0) {
		if (db_exec_cmd(s, insats_update_sql, 8, params) != 0)
			return db_refused(s, id);
		return 0;
	}
	if ((res = db_exec(s, insats_insert_sql, 9, params)) == NULL)
		return db_refused(s, id);
	snprintf(iid, iidlen, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return 0;
}

/* Writes the målgrupper of insats iid as a difference. */
static int
insats_write_malgrupper(struct session *s, uint32_t id,
    const struct msg_insats *q, const char *iid)
{
	char		*arr;
	const char	*params[2];
	size_t		 i;
	int		 rv = 0;

	arr = insats_array(q->nmalgrupper > 0 ? &q->malgrupper[0].id : NULL,
	    sizeof *q->malgrupper, q->nmalgrupper);
	params[0] = iid;
	params[1] = arr;
	for (i = 0; i < sizeof insats_malgrupp_writes /
	    sizeof insats_malgrupp_writes[0] && rv == 0; i++) {
		if (db_exec_cmd(s, insats_malgrupp_writes[i], 2, params) != 0)
			rv = db_refused(s, id);
	}
	free(arr);
	return rv;
}

/* The deltagaransvariga panel's adds and removals on insats iid. */
static int
insats_write_da(struct session *s, uint32_t id, const struct msg_insats *q,
    const char *iid)
{
	struct msg_uppdrag_save	u;

	if (q->nda_adds == 0 && q->nda_removes == 0)
		return 0;
	memset(&u, 0, sizeof u);
	u.target_id = (uint32_t)strtoul(iid, NULL, 10);
	u.nadds = q->nda_adds;
	u.adds = q->da_adds;
	u.nremoves = q->nda_removes;
	u.removes = q->da_removes;
	return uppdrag_apply_insats(s, id, &u);
}

/*
 * Writes a checked save. The deltagaransvariga go first on an insats
 * becoming a volyminsats, so that those taken away in the same save do
 * not stop it (rule 29); otherwise after, so that a new insats exists.
 */
static int
insats_write(struct session *s, uint32_t id, const struct msg_insats *q,
    const struct insats_kod *k, char *iid, size_t iidlen)
{
	int	da_first, rv;

	da_first = q->id != 0 &&
	    strcmp(k->kod[KOD_MATNINGSMETOD], "ANTAL") == 0;
	snprintf(iid, iidlen, "%u", q->id);
	if ((da_first && (rv = insats_write_da(s, id, q, iid)) != 0) ||
	    (rv = insats_write_row(s, id, q, iid, iidlen)) != 0 ||
	    (rv = insats_write_malgrupper(s, id, q, iid)) != 0 ||
	    (!da_first && (rv = insats_write_da(s, id, q, iid)) != 0))
		return rv;
	return 0;
}

/*
 * MSG_INSATS_SAVE: one Spara of "Registrera insats", id 0 for a new
 * insats. Refused as a whole when the insats is another organisation's,
 * when someone else saved since the caller read it (andrad), or when any
 * rule fails; the message says which.
 */
int
insats_save(struct session *s, uint32_t id, void *m)
{
	struct msg_insats	*q = m;
	struct insats_org	 org;
	struct insats_cur	 cur;
	struct insats_kod	 k;
	struct msg_ok		 ok;
	char			 iid[16];
	int			 rv;

	memset(&org, 0, sizeof org);
	memset(&cur, 0, sizeof cur);
	if ((rv = insats_org_read(s, id, q, &org)) != 0 ||
	    (q->id != 0 && (rv = insats_cur_read(s, id, q, &cur)) != 0) ||
	    (rv = insats_check_base(s, id, q, &org)) != 0 ||
	    (rv = insats_check_koder(s, id, q, &cur, &k)) != 0 ||
	    (rv = insats_check_malgrupper(s, id, q, &cur)) != 0 ||
	    (rv = insats_check_lock(s, id, q, &cur)) != 0 ||
	    (rv = insats_check_da(s, id, q, &k)) != 0 ||
	    (rv = insats_write(s, id, q, &k, iid, sizeof iid)) != 0)
		goto out;
	memset(&ok, 0, sizeof ok);
	ok.id = (uint32_t)strtoul(iid, NULL, 10);
	ok.message = (char *)"Insatsen är sparad.";
	rv = session_reply(s, id, MSG_OK, &ok);
out:
	free(cur.malgrupper);
	return rv;
}
