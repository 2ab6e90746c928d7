/*
 * Hantera samverkansorg: the save of MSG_SAMORG_SAVE, its checks and its
 * writes. Reading and searching are in samverkansorg.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "msg.h"
#include "proto.h"
#include "samverkansorg.h"
#include "susd.h"
#include "xmalloc.h"

/*
 * Hantera samverkansorg: the save, its checks and its writes.
 */

/*
 * The text fields a save checks, in the order of samorg_update_sql's
 * $7-$16, with the limits of schema 0003 in characters.
 */
static const struct {
	const char	*label;
	size_t		 off;
	size_t		 max;
	int		 format;
} samorg_fields[] = {
	{ "Beskrivning", offsetof(struct msg_samorg, beskrivning), 2000,
	    RULE_FIELD_TEXT },
	{ "Utdelningsadress", offsetof(struct msg_samorg, utdelningsadress),
	    100, RULE_FIELD_LINE },
	{ "Postnummer", offsetof(struct msg_samorg, postnummer), 6,
	    RULE_FIELD_POSTNUMMER },
	{ "Postort", offsetof(struct msg_samorg, postort), 50,
	    RULE_FIELD_LINE },
	{ "Telefon", offsetof(struct msg_samorg, telefon), 30,
	    RULE_FIELD_TELEFON },
	{ "E-post", offsetof(struct msg_samorg, epost), 100, RULE_FIELD_EPOST },
	{ "Webbplats", offsetof(struct msg_samorg, webbplats), 200,
	    RULE_FIELD_LINE },
	{ "Kontaktpersonens namn", offsetof(struct msg_samorg, kontakt_namn),
	    100, RULE_FIELD_LINE },
	{ "Kontaktpersonens telefon",
	    offsetof(struct msg_samorg, kontakt_telefon), 30,
	    RULE_FIELD_TELEFON },
	{ "Kontaktpersonens e-post",
	    offsetof(struct msg_samorg, kontakt_epost), 100, RULE_FIELD_EPOST },
};
#define SAMORG_NFIELDS	(sizeof samorg_fields / sizeof samorg_fields[0])

/* The organisation's own row; "" stores NULL. */
static const char samorg_update_sql[] =
	"UPDATE samverkansorg SET namn = $2, samverkansform_id = $3::smallint,"
	" startdatum = $4::date, slutdatum = nullif($5, '')::date,"
	" organisationsnummer = nullif($6, ''), beskrivning = nullif($7, ''),"
	" utdelningsadress = nullif($8, ''), postnummer = nullif($9, ''),"
	" postort = nullif($10, ''), telefon = nullif($11, ''),"
	" epost = nullif($12, ''), webbplats = nullif($13, ''),"
	" kontaktperson_namn = nullif($14, ''),"
	" kontaktperson_telefon = nullif($15, ''),"
	" kontaktperson_epost = nullif($16, '')"
	" WHERE id = $1::bigint";

/*
 * The panels are written as a difference from what is stored, so that
 * a row that stays is not deleted and inserted again: the audit trail
 * shows what changed. Kommun rows: $1 the organisation, $2 kommunkoder,
 * $3 stadsdel ids (0 = the whole kommun). Organisations: $1, $2 ids,
 * $3-$5 the medlem, finansiär and konsument flags.
 */
#define SAMORG_KOMMUN_SAME						\
	" sk.kommunkod = v.kod"						\
	" AND sk.stadsdel_id IS NOT DISTINCT FROM nullif(v.sd, 0)"
#define SAMORG_KOMMUN_SENT						\
	" unnest($2::text[], $3::integer[]) AS v(kod, sd)"
#define SAMORG_ORG_SENT							\
	" unnest($2::bigint[], $3::boolean[], $4::boolean[],"		\
	" $5::boolean[]) AS v(id, m, f, k)"

static const struct {
	const char	*sql;
	int		 orgs;		/* takes the organisation arrays */
	int		 nparams;
} samorg_writes[] = {
	{ "DELETE FROM samverkansorg_kommun sk"
	    " WHERE sk.samverkansorg_id = $1::bigint AND NOT EXISTS"
	    " (SELECT 1 FROM" SAMORG_KOMMUN_SENT " WHERE" SAMORG_KOMMUN_SAME
	    ")", 0, 3 },
	{ "INSERT INTO samverkansorg_kommun (samverkansorg_id, kommunkod,"
	    " stadsdel_id) SELECT $1::bigint, v.kod, nullif(v.sd, 0) FROM"
	    SAMORG_KOMMUN_SENT " WHERE NOT EXISTS (SELECT 1"
	    " FROM samverkansorg_kommun sk"
	    " WHERE sk.samverkansorg_id = $1::bigint AND" SAMORG_KOMMUN_SAME
	    ")", 0, 3 },
	{ "DELETE FROM samverkansorg_organisation"
	    " WHERE samverkansorg_id = $1::bigint"
	    " AND organisation_id <> ALL ($2::bigint[])", 1, 2 },
	{ "UPDATE samverkansorg_organisation so"
	    " SET medlem = v.m, finansiar = v.f, konsument = v.k FROM"
	    SAMORG_ORG_SENT " WHERE so.samverkansorg_id = $1::bigint"
	    " AND so.organisation_id = v.id"
	    " AND (so.medlem, so.finansiar, so.konsument)"
	    " IS DISTINCT FROM (v.m, v.f, v.k)", 1, 5 },
	{ "INSERT INTO samverkansorg_organisation (samverkansorg_id,"
	    " organisation_id, medlem, finansiar, konsument)"
	    " SELECT $1::bigint, v.id, v.m, v.f, v.k FROM" SAMORG_ORG_SENT
	    " WHERE NOT EXISTS (SELECT 1 FROM samverkansorg_organisation so"
	    " WHERE so.samverkansorg_id = $1::bigint"
	    " AND so.organisation_id = v.id)", 1, 5 },
};

/* What the panels of a save are sent to PostgreSQL as. */
struct samorg_arrays {
	char		*kod;		/* text[] of kommunkoder */
	char		*sd;		/* integer[] of stadsdel ids */
	char		*org;		/* bigint[] of organisation ids */
	char		*medlem;	/* boolean[] each */
	char		*finansiar;
	char		*konsument;
};

/* Kinds of element samorg_array() writes. */
#define SAMORG_ARR_U32	0
#define SAMORG_ARR_BOOL	1
#define SAMORG_ARR_CODE	2	/* a string already checked to be a code */

/* Cuts spaces, tabs and line breaks from both ends of s, in place. */
static void
samorg_trim(char *s)
{
	size_t	n, skip;

	if (s == NULL)
		return;
	skip = strspn(s, " \t\r\n");
	n = strlen(s + skip);
	memmove(s, s + skip, n + 1);
	while (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL)
		s[--n] = '\0';
}

/* The string field at off of a struct msg_samorg. */
static char *
samorg_str(const struct msg_samorg *q, size_t off)
{
	return *(char *const *)((const char *)q + off);
}

/*
 * Refuses a change to what only Försäkringskassan may change: namn,
 * samverkansform and startdatum (F2), and the organisationsnummer given
 * on the 9447 order.
 */
static int
samorg_check_rights(struct session *s, uint32_t id,
    const struct msg_samorg *q, const struct msg_samorg *cur)
{
	if (cur->rights & SAMORG_R_BASE)
		return 0;
	if (strcmp(q->namn, cur->namn) != 0 ||
	    q->samverkansform_id != cur->samverkansform_id ||
	    strcmp(q->startdatum, cur->startdatum) != 0)
		return session_refuse(s, id, ERR_FORBIDDEN, "Namn, "
		    "samverkansform och startdatum kan bara ändras av "
		    "Försäkringskassan (superadministratör).");
	if (strcmp(q->organisationsnummer, cur->organisationsnummer) != 0)
		return session_refuse(s, id, ERR_FORBIDDEN, "Organisationsnumret "
		    "kan bara ändras av Försäkringskassan "
		    "(superadministratör).");
	return 0;
}

/*
 * Checks the name against rule 2 with every samverkansform, and the
 * chosen form: it must exist, and a closed one is not taken up anew.
 */
static int
samorg_check_form(struct session *s, uint32_t id, const struct msg_samorg *q,
    const struct msg_samorg *cur)
{
	PGresult	*res;
	const char	**forms = NULL, *why;
	char		 text[256];
	int		 i, n, chosen = -1, rv = 0;

	if ((res = db_exec(s, "SELECT id, namn, aktiv FROM samverkansform"
	    " ORDER BY id", 0, NULL)) == NULL)
		return db_refused(s, id);
	n = PQntuples(res);
	forms = xcalloc((size_t)n + 1, sizeof *forms);
	for (i = 0; i < n; i++) {
		forms[i] = PQgetvalue(res, i, 1);
		if (db_u32(res, i, 0) == q->samverkansform_id)
			chosen = i;
	}
	if ((why = rule_samorg_name_refusal(q->namn, forms, (size_t)n, text,
	    sizeof text)) != NULL)
		rv = session_refuse(s, id, ERR_VALIDATION, "%s", why);
	else if (chosen < 0)
		rv = session_refuse(s, id, ERR_VALIDATION,
		    "Välj en samverkansform.");
	else if (q->samverkansform_id != cur->samverkansform_id &&
	    PQgetvalue(res, chosen, 2)[0] != 't')
		rv = session_refuse(s, id, ERR_VALIDATION, "Samverkansformen "
		    "%s är stängd för nya samverkansorganisationer.",
		    forms[chosen]);
	free(forms);
	PQclear(res);
	return rv;
}

/*
 * Checks that no other organisation has the name or the
 * organisationsnummer, and that a new name is not that of a 9447 order
 * waiting for a decision.
 */
static int
samorg_check_unique(struct session *s, uint32_t id, const struct msg_samorg *q,
    const char *sid)
{
	PGresult	*res;
	const char	*params[3] = { sid, q->namn, q->organisationsnummer };
	int		 rv = 0;

	res = db_exec(s, "SELECT"
	    " (SELECT namn FROM samverkansorg WHERE id <> $1::bigint"
	    "  AND lower(namn) = lower($2) LIMIT 1),"
	    " (SELECT namn FROM samverkansorg WHERE id <> $1::bigint"
	    "  AND organisationsnummer = nullif($3, '') LIMIT 1),"
	    " EXISTS (SELECT 1 FROM samorg_bestallning"
	    "  WHERE status = 'inskickad' AND lower(namn) = lower($2)"
	    "  AND lower($2) <> (SELECT lower(namn) FROM samverkansorg"
	    "  WHERE id = $1::bigint))", 3, params);
	if (res == NULL)
		return db_refused(s, id);
	if (!PQgetisnull(res, 0, 0))
		rv = session_refuse(s, id, ERR_CONFLICT, "Det finns redan en "
		    "samverkansorganisation som heter %s.",
		    PQgetvalue(res, 0, 0));
	else if (!PQgetisnull(res, 0, 1))
		rv = session_refuse(s, id, ERR_CONFLICT, "Organisationsnumret "
		    "%s används redan av %s.", q->organisationsnummer,
		    PQgetvalue(res, 0, 1));
	else if (PQgetvalue(res, 0, 2)[0] == 't')
		rv = session_refuse(s, id, ERR_CONFLICT, "En beställning av en "
		    "samverkansorganisation med namnet %s väntar på beslut.",
		    q->namn);
	PQclear(res);
	return rv;
}

/* Reports whether s is an organisationsnummer, NNNNNN-NNNN. */
static int
samorg_orgnr_ok(const char *s)
{
	return strlen(s) == 11 && strspn(s, "0123456789") == 6 &&
	    s[6] == '-' && strspn(s + 7, "0123456789") == 4;
}

/*
 * Checks the dates (slutdatum ≥ startdatum, rule 4) and that a new
 * startdatum comes after no insats's start.
 */
static int
samorg_check_dates(struct session *s, uint32_t id, const struct msg_samorg *q,
    const struct msg_samorg *cur, const char *sid)
{
	PGresult	*res;
	const char	*params[2] = { sid, q->startdatum };
	int		 rv = 0;

	if (!date_valid(q->startdatum))
		return session_refuse(s, id, ERR_VALIDATION, "Startdatum måste "
		    "vara ett datum (ÅÅÅÅ-MM-DD).");
	if (q->slutdatum[0] != '\0' && !date_valid(q->slutdatum))
		return session_refuse(s, id, ERR_VALIDATION, "Slutdatum måste "
		    "vara ett datum (ÅÅÅÅ-MM-DD) eller tomt.");
	/* Valid dates in one format compare as strings. */
	if (q->slutdatum[0] != '\0' && strcmp(q->slutdatum, q->startdatum) < 0)
		return session_refuse(s, id, ERR_VALIDATION, "Slutdatum får inte "
		    "vara före startdatum.");
	if (strcmp(q->startdatum, cur->startdatum) == 0)
		return 0;
	res = db_exec(s, "SELECT namn, to_char(startdatum, 'YYYY-MM-DD')"
	    " FROM insats WHERE samverkansorg_id = $1::bigint"
	    " AND startdatum < $2::date ORDER BY startdatum LIMIT 1", 2,
	    params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) > 0)
		rv = session_refuse(s, id, ERR_VALIDATION, "Insatsen %s startar "
		    "%s, före startdatumet %s.", PQgetvalue(res, 0, 0),
		    PQgetvalue(res, 0, 1), q->startdatum);
	PQclear(res);
	return rv;
}

/*
 * Checks the contact fields and beskrivning; the postnummer goes into pn
 * written NNN NN.
 */
static int
samorg_check_fields(struct session *s, uint32_t id,
    const struct msg_samorg *q, char *pn, size_t pnlen)
{
	const char	*why;
	char		 text[256];
	size_t		 i;

	if (q->organisationsnummer[0] != '\0' &&
	    !samorg_orgnr_ok(q->organisationsnummer))
		return session_refuse(s, id, ERR_VALIDATION, "Organisationsnummer "
		    "ska skrivas NNNNNN-NNNN.");
	for (i = 0; i < SAMORG_NFIELDS; i++) {
		why = rule_samorg_field_refusal(samorg_fields[i].label,
		    samorg_str(q, samorg_fields[i].off), samorg_fields[i].max,
		    samorg_fields[i].format, text, sizeof text);
		if (why != NULL)
			return session_refuse(s, id, ERR_VALIDATION, "%s", why);
	}
	pn[0] = '\0';
	if (q->postnummer[0] != '\0')
		(void)rule_postnummer(q->postnummer, pn, pnlen);
	return 0;
}

/*
 * Writes n elements of an array of structs (stride apart, the field at
 * off) as a PostgreSQL array literal; the caller frees it.
 */
static char *
samorg_array(const void *base, size_t stride, size_t off, uint32_t n,
    int kind)
{
	const uint8_t	*e;
	size_t		 len = (size_t)n * 12 + 3, o = 0;
	uint32_t	 i, v;
	char		*a = xmalloc(len);

	a[o++] = '{';
	for (i = 0; i < n; i++) {
		e = (const uint8_t *)base + (size_t)i * stride + off;
		if (i > 0)
			a[o++] = ',';
		if (kind == SAMORG_ARR_BOOL)
			a[o++] = *e ? 't' : 'f';
		else if (kind == SAMORG_ARR_U32) {
			memcpy(&v, e, sizeof v);
			o += (size_t)snprintf(a + o, len - o, "%u", v);
		} else
			o += (size_t)snprintf(a + o, len - o, "%.4s",
			    *(char *const *)e);
	}
	a[o++] = '}';
	a[o] = '\0';
	return a;
}

/* Makes the arrays of a save's panels. */
static void
samorg_arrays_make(struct samorg_arrays *a, const struct msg_samorg *q)
{
	const struct samorg_kommun	*k = q->kommuner;
	const struct samorg_org		*o = q->organisationer;

	a->kod = samorg_array(k, sizeof *k, offsetof(struct samorg_kommun,
	    kommunkod), q->nkommuner, SAMORG_ARR_CODE);
	a->sd = samorg_array(k, sizeof *k, offsetof(struct samorg_kommun,
	    stadsdel_id), q->nkommuner, SAMORG_ARR_U32);
	a->org = samorg_array(o, sizeof *o, offsetof(struct samorg_org,
	    organisation_id), q->norganisationer, SAMORG_ARR_U32);
	a->medlem = samorg_array(o, sizeof *o, offsetof(struct samorg_org,
	    medlem), q->norganisationer, SAMORG_ARR_BOOL);
	a->finansiar = samorg_array(o, sizeof *o, offsetof(struct samorg_org,
	    finansiar), q->norganisationer, SAMORG_ARR_BOOL);
	a->konsument = samorg_array(o, sizeof *o, offsetof(struct samorg_org,
	    konsument), q->norganisationer, SAMORG_ARR_BOOL);
}

/* Frees what samorg_arrays_make() made. */
static void
samorg_arrays_free(struct samorg_arrays *a)
{
	free(a->kod);
	free(a->sd);
	free(a->org);
	free(a->medlem);
	free(a->finansiar);
	free(a->konsument);
}

/*
 * What the database knows of each kommun row sent, in the order sent:
 * the kommun's name, the stadsdel's name, whether the stadsdel lies in
 * the kommun and is in force today, whether the kommun has stadsdelar at
 * all, and whether the row is stored already (an old stadsdel may stay).
 */
static const char samorg_kommun_check_sql[] =
	"SELECT k.namn, coalesce(d.namn, ''), d.id IS NOT NULL"
	" AND d.kommunkod = v.kod,"
	" coalesce(d.giltig_from <= current_date AND (d.giltig_tom IS NULL"
	"  OR d.giltig_tom >= current_date), false),"
	" EXISTS (SELECT 1 FROM stadsdel x WHERE x.kommunkod = v.kod),"
	" EXISTS (SELECT 1 FROM samverkansorg_kommun sk"
	"  WHERE sk.samverkansorg_id = $1::bigint AND" SAMORG_KOMMUN_SAME ")"
	" FROM unnest($2::text[], $3::integer[]) WITH ORDINALITY"
	" AS v(kod, sd, ord)"
	" LEFT JOIN kommun k ON k.kommunkod = v.kod"
	" LEFT JOIN stadsdel d ON d.id = v.sd"
	" ORDER BY v.ord";

/* Reports whether kommun rows i and j of a save are the same row. */
static int
samorg_kommun_same(const struct msg_samorg *q, uint32_t i, uint32_t j)
{
	return strcmp(q->kommuner[i].kommunkod, q->kommuner[j].kommunkod) ==
	    0 && q->kommuner[i].stadsdel_id == q->kommuner[j].stadsdel_id;
}

/* Checks the Kommun, stadsdel panel of a save (F2). */
static int
samorg_check_kommuner(struct session *s, uint32_t id,
    const struct msg_samorg *q, const char *sid, struct samorg_arrays *a)
{
	PGresult	*res;
	const char	*params[3] = { sid, a->kod, a->sd }, *kommun, *sd;
	uint32_t	 i, j;
	int		 r, rv = 0;

	if ((res = db_exec(s, samorg_kommun_check_sql, 3, params)) == NULL)
		return db_refused(s, id);
	for (i = 0; i < q->nkommuner && rv == 0; i++) {
		r = (int)i;
		kommun = PQgetvalue(res, r, 0);
		sd = PQgetvalue(res, r, 1);
		if (PQgetisnull(res, r, 0)) {
			rv = session_refuse(s, id, ERR_VALIDATION, "Det finns "
			    "ingen kommun med kommunkod %s.",
			    q->kommuner[i].kommunkod);
			break;
		}
		for (j = 0; j < i; j++) {
			if (samorg_kommun_same(q, i, j))
				break;
		}
		if (j < i)
			rv = session_refuse(s, id, ERR_VALIDATION, "%s%s%s finns "
			    "två gånger i listan över kommuner.", kommun,
			    *sd != '\0' ? ", " : "", sd);
		else if (q->kommuner[i].stadsdel_id == 0)
			continue;
		else if (PQgetvalue(res, r, 4)[0] != 't')
			rv = session_refuse(s, id, ERR_VALIDATION, "%s har inga "
			    "stadsdelar i SUS; välj hela kommunen. Stadsdelar "
			    "finns bara för Stockholm och Göteborg.", kommun);
		else if (PQgetvalue(res, r, 2)[0] != 't')
			rv = session_refuse(s, id, ERR_VALIDATION, "Stadsdelen "
			    "finns inte i %s.", kommun);
		else if (PQgetvalue(res, r, 3)[0] != 't' &&
		    PQgetvalue(res, r, 5)[0] != 't')
			rv = session_refuse(s, id, ERR_VALIDATION, "Stadsdelen "
			    "%s i %s gäller inte i dag; välj en av dagens "
			    "stadsdelar.", sd, kommun);
	}
	PQclear(res);
	return rv;
}

/* What the database knows of each organisation sent, in the order sent. */
static const char samorg_org_check_sql[] =
	"SELECT o.namn, o.aktiv, EXISTS (SELECT 1"
	"  FROM samverkansorg_organisation so"
	"  WHERE so.samverkansorg_id = $1::bigint"
	"  AND so.organisation_id = v.id),"
	" EXISTS (SELECT 1 FROM samorg_finansiering f"
	"  WHERE f.samverkansorg_id = $1::bigint"
	"  AND f.organisation_id = v.id)"
	" FROM unnest($2::bigint[]) WITH ORDINALITY AS v(id, ord)"
	" LEFT JOIN organisation o ON o.id = v.id"
	" ORDER BY v.ord";

/*
 * The first organisation stored that a save leaves out although it funds
 * budget lines: the trigger of 0006 would refuse, less clearly.
 */
static const char samorg_org_removed_sql[] =
	"SELECT o.namn FROM samverkansorg_organisation so"
	" JOIN organisation o ON o.id = so.organisation_id"
	" WHERE so.samverkansorg_id = $1::bigint"
	" AND so.organisation_id <> ALL ($2::bigint[])"
	" AND EXISTS (SELECT 1 FROM samorg_finansiering f"
	"  WHERE f.samverkansorg_id = $1::bigint"
	"  AND f.organisation_id = so.organisation_id)"
	" ORDER BY o.namn COLLATE \"sv-SE-x-icu\" LIMIT 1";

/* Checks one organisation of a save: row r of the check query. */
static int
samorg_check_org(struct session *s, uint32_t id, const struct msg_samorg *q,
    PGresult *res, uint32_t i)
{
	const struct samorg_org	*o = &q->organisationer[i];
	const char		*namn = PQgetvalue(res, (int)i, 0);
	uint32_t		 j;

	if (PQgetisnull(res, (int)i, 0))
		return session_refuse(s, id, ERR_VALIDATION, "Organisationen med "
		    "nummer %u finns inte i organisationsregistret.",
		    o->organisation_id);
	for (j = 0; j < i; j++) {
		if (q->organisationer[j].organisation_id == o->organisation_id)
			return session_refuse(s, id, ERR_VALIDATION, "%s finns två "
			    "gånger bland de ingående organisationerna.", namn);
	}
	if (PQgetvalue(res, (int)i, 1)[0] != 't' &&
	    PQgetvalue(res, (int)i, 2)[0] != 't')
		return session_refuse(s, id, ERR_VALIDATION, "%s är inaktiv i "
		    "organisationsregistret och kan inte läggas till.", namn);
	if (!o->medlem && !o->finansiar && !o->konsument)
		return session_refuse(s, id, ERR_VALIDATION, "Markera Medlem, "
		    "Finansiär eller Konsument för %s.", namn);
	if (!o->finansiar && PQgetvalue(res, (int)i, 3)[0] == 't')
		return session_refuse(s, id, ERR_VALIDATION, "%s har "
		    "finansieringsposter i budgeten och måste vara finansiär "
		    "så länge de finns.", namn);
	return 0;
}

/* Checks the ingående organisationer panel of a save (F1, rule 7). */
static int
samorg_check_orgs(struct session *s, uint32_t id, const struct msg_samorg *q,
    const char *sid, struct samorg_arrays *a)
{
	PGresult	*res;
	const char	*params[2] = { sid, a->org };
	uint32_t	 i;
	int		 rv = 0;

	if ((res = db_exec(s, samorg_org_removed_sql, 2, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) > 0)
		rv = session_refuse(s, id, ERR_VALIDATION, "%s har "
		    "finansieringsposter i budgeten och kan inte tas bort ur "
		    "de ingående organisationerna förrän posterna är "
		    "borttagna.", PQgetvalue(res, 0, 0));
	PQclear(res);
	if (rv != 0)
		return rv;
	if ((res = db_exec(s, samorg_org_check_sql, 2, params)) == NULL)
		return db_refused(s, id);
	for (i = 0; i < q->norganisationer && rv == 0; i++)
		rv = samorg_check_org(s, id, q, res, i);
	PQclear(res);
	return rv;
}

/* Writes a checked save: the organisation's row, then both panels. */
static int
samorg_write(struct session *s, uint32_t id, const struct msg_samorg *q,
    const char *sid, const char *pn, struct samorg_arrays *a)
{
	const char	*params[16];
	const char	*kparams[3] = { sid, a->kod, a->sd };
	const char	*oparams[5] = { sid, a->org, a->medlem, a->finansiar,
			    a->konsument };
	char		 form[16];
	size_t		 i;

	snprintf(form, sizeof form, "%u", q->samverkansform_id);
	params[0] = sid;
	params[1] = q->namn;
	params[2] = form;
	params[3] = q->startdatum;
	params[4] = q->slutdatum;
	params[5] = q->organisationsnummer;
	for (i = 0; i < SAMORG_NFIELDS; i++)
		params[6 + i] = samorg_fields[i].format ==
		    RULE_FIELD_POSTNUMMER ? pn : samorg_str(q,
		    samorg_fields[i].off);
	/* Always written: the row's version moves even for panels alone. */
	if (db_exec_cmd(s, samorg_update_sql, 16, params) != 0)
		return db_refused(s, id);
	for (i = 0; i < sizeof samorg_writes / sizeof samorg_writes[0]; i++) {
		if (db_exec_cmd(s, samorg_writes[i].sql,
		    samorg_writes[i].nparams,
		    samorg_writes[i].orgs ? oparams : kparams) != 0)
			return db_refused(s, id);
	}
	return 0;
}

/* Cuts the blanks round every text a user typed into a save. */
static void
samorg_trim_all(struct msg_samorg *q)
{
	size_t	i;

	samorg_trim(q->namn);
	samorg_trim(q->organisationsnummer);
	samorg_trim(q->startdatum);
	samorg_trim(q->slutdatum);
	for (i = 0; i < SAMORG_NFIELDS; i++)
		samorg_trim(samorg_str(q, samorg_fields[i].off));
}

/*
 * Checks every kommunkod is four digits and every stadsdel id fits an
 * integer before they enter the arrays.
 */
static int
samorg_check_codes(struct session *s, uint32_t id, const struct msg_samorg *q)
{
	const char	*k;
	uint32_t	 i;

	for (i = 0; i < q->nkommuner; i++) {
		k = q->kommuner[i].kommunkod;
		if (strlen(k) != 4 || strspn(k, "0123456789") != 4)
			return session_refuse(s, id, ERR_VALIDATION, "Det finns "
			    "ingen kommun med kommunkod %s.", k);
		if (q->kommuner[i].stadsdel_id > INT32_MAX)
			return session_refuse(s, id, ERR_VALIDATION, "Stadsdelen "
			    "finns inte.");
	}
	return 0;
}

/*
 * MSG_SAMORG_SAVE: one Spara of "Hantera samverkansorg". Refused as a
 * whole when someone else saved since the caller read (andrad), when a
 * samverkansadministratör changes what only Försäkringskassan may, or
 * when any rule fails; the message says which.
 */
int
samverkansorg_save(struct session *s, uint32_t id, void *m)
{
	struct msg_samorg	*q = m;
	struct msg_samorg	 cur;
	struct samorg_arrays	 a;
	struct msg_ok		 ok;
	PGresult		*res = NULL;
	char			 sid[16], pn[8], text[300];
	int			 rv;

	memset(&cur, 0, sizeof cur);
	memset(&a, 0, sizeof a);
	snprintf(sid, sizeof sid, "%u", q->id);
	samorg_trim_all(q);
	if ((rv = samverkansorg_read(s, id, sid, 1, &cur, &res)) != 0)
		goto out;
	if (strcmp(q->andrad, cur.andrad) != 0) {
		rv = session_refuse(s, id, ERR_CONFLICT, "Någon annan har ändrat "
		    "samverkansorganisationen sedan du öppnade den. Öppna den "
		    "igen.");
		goto out;
	}
	if ((rv = samorg_check_rights(s, id, q, &cur)) != 0 ||
	    (rv = samorg_check_form(s, id, q, &cur)) != 0 ||
	    (rv = samorg_check_unique(s, id, q, sid)) != 0 ||
	    (rv = samorg_check_dates(s, id, q, &cur, sid)) != 0 ||
	    (rv = samorg_check_fields(s, id, q, pn, sizeof pn)) != 0 ||
	    (rv = samorg_check_codes(s, id, q)) != 0)
		goto out;
	samorg_arrays_make(&a, q);
	if ((rv = samorg_check_kommuner(s, id, q, sid, &a)) != 0 ||
	    (rv = samorg_check_orgs(s, id, q, sid, &a)) != 0 ||
	    (rv = samorg_write(s, id, q, sid, pn, &a)) != 0)
		goto out;
	snprintf(text, sizeof text, "Samverkansorganisationen %s är sparad.",
	    q->namn);
	ok.id = q->id;
	ok.message = text;
	rv = session_reply(s, id, MSG_OK, &ok);
out:
	samorg_arrays_free(&a);
	PQclear(res);
	return rv;
}
