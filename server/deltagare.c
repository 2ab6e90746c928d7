/*
 * Reading personal data (domain.md 2.6(a), 8; rules 36, 39): the
 * participant list of an insats with personnummer masked, the person's
 * own view of one participation with the number in full and its
 * occasions, and "Hämta", which looks a typed personnummer up in the
 * register copy. The request table lets only a deltagaransvarig with an
 * uppdrag on the insats in; this file checks that a participation
 * belongs to the insats asked about, and writes one audit_person row
 * per participant row it sends, in the transaction that reads it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "pnr.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/* Most försörjning codes and answers one occasion carries (common/msg.c). */
#define DELTAGARE_FORSORJNING_MAX	50
#define DELTAGARE_SVAR_MAX		500

/*
 * A name as a reply may carry it: names are 200 characters, replies 200
 * bytes, so a name longer in bytes is cut to what always fits.
 */
#define DELTAGARE_NAMN(x)						\
	"CASE WHEN octet_length(" x ") <= 200 THEN " x			\
	" ELSE left(" x ", 50) END"

/*
 * The columns of a deltagare_row, in its order, after the personnummer
 * and name expressions; the joins below give kk (kön) and ka (the
 * avslutsanledning of the utregistrering).
 */
#define DELTAGARE_ROW_SELECT(pnr, namn)					\
	"SELECT d.id, coalesce(d.person_id, 0), " pnr ", " namn ","	\
	" coalesce(kk.namn, ''), coalesce(d.fodelsear, 0),"		\
	" to_char(d.startdatum, 'YYYY-MM-DD'),"				\
	" coalesce(to_char(d.slutdatum, 'YYYY-MM-DD'), ''),"		\
	" coalesce(ka.namn, ''), d.avidentifierad IS NOT NULL"

#define DELTAGARE_ROW_JOINS						\
	" LEFT JOIN kod kk ON kk.id = d.kon_id"				\
	" LEFT JOIN mattillfalle ut ON ut.deltagande_id = d.id"		\
	"  AND ut.typ = 'ut'"						\
	" LEFT JOIN kod ka ON ka.id = ut.avslut_id"

/*
 * The list's filters: $1 the insats, $2 DELTAGARE_S_*, $3 a LIKE pattern
 * on the name and $4 a personnummer in twelve digits ("" = any). Former
 * participants are there too (rule 36), and stripped ones, which match
 * only when no name or number is asked for.
 */
#define DELTAGARE_SEARCH_WHERE						\
	" WHERE d.insats_id = $1::integer"				\
	" AND ($2::integer = 0"						\
	"  OR ($2::integer = 1) = (d.slutdatum IS NULL))"		\
	" AND coalesce(p.namn, '') ILIKE $3::text"			\
	" AND ($4::text = '' OR p.personnummer = $4::bpchar)"

/* Parameters of the count; the page query has two more. */
#define DELTAGARE_SEARCH_NFILTER	4

static const char deltagare_count_sql[] =
	"SELECT count(*) FROM deltagande d"
	" LEFT JOIN person p ON p.id = d.person_id"
	DELTAGARE_SEARCH_WHERE;

/* Newest participation first; the masked number keeps its last four. */
static const char deltagare_search_sql[] =
	DELTAGARE_ROW_SELECT("CASE WHEN p.id IS NULL THEN ''"
	    " ELSE '********-' || right(p.personnummer, 4) END",
	    "coalesce(" DELTAGARE_NAMN("p.namn") ", '')")
	" FROM deltagande d LEFT JOIN person p ON p.id = d.person_id"
	DELTAGARE_ROW_JOINS
	DELTAGARE_SEARCH_WHERE
	" ORDER BY d.startdatum DESC, p.namn COLLATE \"sv-SE-x-icu\", d.id"
	" OFFSET $5 LIMIT $6";

/* One participation of the insats: $1 its id, $2 the insats. */
static const char deltagare_get_sql[] =
	"SELECT coalesce(d.person_id, 0), coalesce(p.personnummer, ''),"
	" coalesce(" DELTAGARE_NAMN("p.namn") ", ''),"
	" coalesce(p.kommunkod, ''), coalesce(k.namn, ''),"
	" coalesce(p.stadsdel_id, 0), coalesce(sd.namn, ''),"
	" coalesce(kk.namn, ''), coalesce(d.fodelsear, 0),"
	" coalesce(to_char(d.samtycke_datum, 'YYYY-MM-DD'), ''),"
	" to_char(d.skapad, 'YYYY-MM-DD HH24:MI'),"
	" coalesce(" DELTAGARE_NAMN("a.fornamn || ' ' || a.efternamn") ", ''),"
	" to_char(d.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(d.slutdatum, 'YYYY-MM-DD'), ''),"
	" d.avidentifierad IS NOT NULL"
	" FROM deltagande d LEFT JOIN person p ON p.id = d.person_id"
	" LEFT JOIN kommun k ON k.kommunkod = p.kommunkod"
	" LEFT JOIN stadsdel sd ON sd.id = p.stadsdel_id"
	" LEFT JOIN kod kk ON kk.id = d.kon_id"
	" LEFT JOIN anvandare a ON a.id = d.registrerad_av"
	" WHERE d.id = $1::bigint AND d.insats_id = $2::integer";

/*
 * Its occasions, the inregistrering first; the version is updated_at to
 * the microsecond, and andrad_av who saved it last.
 */
static const char deltagare_tillfallen_sql[] =
	"SELECT m.typ, coalesce(to_char(CASE m.typ WHEN 'in' THEN d.startdatum"
	" ELSE d.slutdatum END, 'YYYY-MM-DD'), ''),"
	" coalesce(m.sysselsattning_id, 0), coalesce(m.omfattning, 0),"
	" coalesce(m.utbildning_id, 0), coalesce(m.tid_id, 0),"
	" coalesce(m.avslut_id, 0),"
	" to_char(m.updated_at, 'YYYY-MM-DD HH24:MI:SS.US'),"
	" coalesce(" DELTAGARE_NAMN("a.fornamn || ' ' || a.efternamn") ", '')"
	" FROM mattillfalle m JOIN deltagande d ON d.id = m.deltagande_id"
	" LEFT JOIN anvandare a ON a.id = coalesce(m.andrad_av, m.skapad_av)"
	" WHERE m.deltagande_id = $1::bigint ORDER BY m.typ = 'ut'";

static const char deltagare_forsorjning_sql[] =
	"SELECT f.typ, f.forsorjning_id FROM mattillfalle_forsorjning f"
	" JOIN kod k ON k.id = f.forsorjning_id"
	" WHERE f.deltagande_id = $1::bigint"
	" ORDER BY f.typ, k.ordning, f.forsorjning_id";

/* One row per answer, one per option chosen for flerval. */
static const char deltagare_svar_sql[] =
	"SELECT s.tillfalle, s.fraga_id, coalesce(s.alternativ_id, 0),"
	" s.heltal IS NOT NULL, greatest(coalesce(s.heltal, 0), 0),"
	" coalesce(s.ja, false)"
	" FROM fraga_svar s JOIN fraga f ON f.id = s.fraga_id"
	" WHERE s.deltagande_id = $1::bigint"
	" ORDER BY s.tillfalle, f.ordning, s.fraga_id, s.alternativ_id";

/*
 * What the register (or, for a person not in it, the person registered
 * by hand earlier in this insats, $3) holds of $1, best source first;
 * $2 the kön code the number gives. A person registered by hand in
 * another insats is not shown: that would tell of a participation the
 * asker has no uppdrag on. stadsdel_kravs: the kommun is divided into
 * stadsdelar (Stockholm, Göteborg) and none is known (rule 39).
 */
static const char person_lookup_sql[] =
	"SELECT r.i_register, r.skyddad,"
	" coalesce(" DELTAGARE_NAMN("r.namn") ", ''),"
	" coalesce(r.kommunkod, ''), coalesce(k.namn, ''),"
	" coalesce(r.stadsdel_id, 0), coalesce(sd.namn, ''),"
	" r.kommunkod IS NOT NULL AND r.stadsdel_id IS NULL AND EXISTS"
	"  (SELECT 1 FROM stadsdel x WHERE x.kommunkod = r.kommunkod"
	"  AND (x.giltig_tom IS NULL OR x.giltig_tom >= current_date)),"
	" coalesce((SELECT namn FROM kod WHERE lista = 'kon'"
	"  AND kod = $2::text), '')"
	" FROM (SELECT 1 AS rang, true AS i_register, f.skyddad, f.namn,"
	"  f.kommunkod, f.stadsdel_id FROM folkbokforing f"
	"  WHERE f.personnummer = $1::bpchar"
	" UNION ALL SELECT 2, false, false, p.namn, p.kommunkod,"
	"  p.stadsdel_id FROM person p WHERE p.personnummer = $1::bpchar"
	"  AND EXISTS (SELECT 1 FROM deltagande d WHERE d.person_id = p.id"
	"  AND d.insats_id = $3::integer)"
	" UNION ALL SELECT 3, false, false, NULL, NULL, NULL) r"
	" LEFT JOIN kommun k ON k.kommunkod = r.kommunkod"
	" LEFT JOIN stadsdel sd ON sd.id = r.stadsdel_id"
	" ORDER BY r.rang LIMIT 1";

/* The person's participations in the insats, for the Mättillfälle choice. */
static const char person_deltaganden_sql[] =
	DELTAGARE_ROW_SELECT("''", "''")
	" FROM deltagande d JOIN person p ON p.id = d.person_id"
	DELTAGARE_ROW_JOINS
	" WHERE p.personnummer = $1::bpchar AND d.insats_id = $2::integer"
	" ORDER BY d.startdatum DESC, d.id DESC LIMIT 500";

/* Fills rows from res, whose columns are DELTAGARE_ROW_SELECT's. */
static void
deltagare_rows_fill(PGresult *res, struct deltagare_row **rows, uint32_t *n)
{
	struct deltagare_row	*r;
	int			 i;

	*n = (uint32_t)PQntuples(res);
	*rows = NULL;
	if (*n == 0)
		return;
	*rows = xcalloc(*n, sizeof **rows);
	for (i = 0; i < (int)*n; i++) {
		r = &(*rows)[i];
		r->deltagande_id = db_u32(res, i, 0);
		r->person_id = db_u32(res, i, 1);
		r->personnummer = PQgetvalue(res, i, 2);
		r->namn = PQgetvalue(res, i, 3);
		r->kon = PQgetvalue(res, i, 4);
		r->fodelsear = db_u32(res, i, 5);
		r->startdatum = PQgetvalue(res, i, 6);
		r->slutdatum = PQgetvalue(res, i, 7);
		r->avslutsanledning = PQgetvalue(res, i, 8);
		r->avidentifierad = PQgetvalue(res, i, 9)[0] == 't';
	}
}

/*
 * Reports whether a search text is meant as a personnummer: digits with
 * at most the separators a number is written with, and no wildcard.
 */
static int
deltagare_pattern_is_number(const char *s)
{
	int	digits = 0;

	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s != '-' && *s != '+' && *s != ' ')
			return 0;
	}
	return digits > 0;
}

/* Answers a failed audit write: nothing is shown that is not recorded. */
static int
deltagare_audit_failed(struct session *s, uint32_t id)
{
	return session_refuse(s, id, ERR_INTERNAL, "Uppgifterna kan inte "
	    "visas: läsningen kunde inte loggas på grund av ett serverfel.");
}

/*
 * MSG_DELTAGARE_SEARCH → MSG_DELTAGARE_LIST: one page of the insats's
 * participants, current and former, personnummer masked. A whole number
 * typed in any accepted form finds that person; a part of one finds
 * nothing and is refused with why.
 */
int
deltagare_search(struct session *s, uint32_t id, void *m)
{
	struct msg_deltagare_search	*q = m;
	struct msg_deltagare_list	 list;
	struct db_page			 pg;
	struct pnr			 p;
	const char			*params[DELTAGARE_SEARCH_NFILTER + 2];
	const char			*why;
	char				 iid[16], status[4], pat[256], pnr[16];
	uint32_t			*ids = NULL, i;
	int				 rv;

	memset(&list, 0, sizeof list);
	pnr[0] = '\0';
	db_page_init(&pg, q->offset, q->limit, SUS_LIST_MAX);
	if (q->status > DELTAGARE_S_AVSLUTADE) {
		rv = session_refuse(s, id, ERR_BAD_REQUEST,
		    "Okänt val av pågående eller avslutade deltagare.");
		goto out;
	}
	if (deltagare_pattern_is_number(q->pattern)) {
		/* Checked as "Hämta" checks it, so both agree on a number. */
		if (pnr_parse(q->pattern, 0, &p) == PNR_ERR_FORMAT)
			why = "Sök på hela personnumret, ÅÅÅÅMMDD-NNNN, eller "
			    "på namn.";
		else
			why = rule_pnr_refusal(q->pattern, pnr, sizeof pnr);
		if (why != NULL) {
			rv = session_refuse(s, id, ERR_VALIDATION, "%s", why);
			goto out;
		}
		strlcpy(pat, "%", sizeof pat);
	} else
		search_pattern(q->pattern, pat, sizeof pat);
	snprintf(iid, sizeof iid, "%u", q->insats_id);
	snprintf(status, sizeof status, "%u", q->status);
	params[0] = iid;
	params[1] = status;
	params[2] = pat;
	params[3] = pnr;
	if ((rv = db_page_fetch(s, id, &pg, deltagare_count_sql,
	    deltagare_search_sql, params, DELTAGARE_SEARCH_NFILTER)) != 0)
		goto out;
	list.total = pg.total;
	deltagare_rows_fill(pg.rows, &list.rows, &list.nrows);
	/* Every row sent is a read of that participation, stripped or not. */
	if (list.nrows > 0) {
		ids = xcalloc(list.nrows, sizeof *ids);
		for (i = 0; i < list.nrows; i++)
			ids[i] = list.rows[i].deltagande_id;
		if (audit_person_deltaganden(s, "las", "Deltagare i insatsen",
		    q->insats_id, ids, list.nrows) != 0) {
			rv = deltagare_audit_failed(s, id);
			goto out;
		}
	}
	rv = session_reply(s, id, MSG_DELTAGARE_LIST, &list);
out:
	/* Strings belong to the PGresult; only the arrays are ours. */
	free(ids);
	free(list.rows);
	db_page_clear(&pg);
	return rv;
}

/* The results the person's own view is built from. */
struct deltagare_view {
	PGresult	*head;
	PGresult	*tillfallen;
	PGresult	*forsorjning;
	PGresult	*svar;
};

/* Fills occasion t (typ "in" or "ut") with its codes and answers. */
static void
deltagare_tillfalle_fill(struct tillfalle_row *t, PGresult *res, int row,
    const struct deltagare_view *v)
{
	const char	*typ = PQgetvalue(res, row, 0);
	int		 i, n;

	t->typ = strcmp(typ, "in") == 0 ? FRAGA_IN : FRAGA_UT;
	t->datum = PQgetvalue(res, row, 1);
	t->sysselsattning_id = db_u32(res, row, 2);
	t->omfattning = db_u32(res, row, 3);
	t->utbildning_id = db_u32(res, row, 4);
	t->tid_id = db_u32(res, row, 5);
	t->avslut_id = db_u32(res, row, 6);
	t->andrad = PQgetvalue(res, row, 7);
	t->andrad_av = PQgetvalue(res, row, 8);

	n = PQntuples(v->forsorjning);
	t->forsorjning = xcalloc((size_t)n + 1, sizeof *t->forsorjning);
	for (i = 0; i < n && t->nforsorjning < DELTAGARE_FORSORJNING_MAX;
	    i++) {
		if (strcmp(PQgetvalue(v->forsorjning, i, 0), typ) == 0)
			t->forsorjning[t->nforsorjning++].id =
			    db_u32(v->forsorjning, i, 1);
	}
	n = PQntuples(v->svar);
	t->svar = xcalloc((size_t)n + 1, sizeof *t->svar);
	for (i = 0; i < n && t->nsvar < DELTAGARE_SVAR_MAX; i++) {
		if (strcmp(PQgetvalue(v->svar, i, 0), typ) != 0)
			continue;
		t->svar[t->nsvar].fraga_id = db_u32(v->svar, i, 1);
		t->svar[t->nsvar].alternativ_id = db_u32(v->svar, i, 2);
		t->svar[t->nsvar].har_heltal =
		    PQgetvalue(v->svar, i, 3)[0] == 't';
		t->svar[t->nsvar].heltal = db_u32(v->svar, i, 4);
		t->svar[t->nsvar].ja = PQgetvalue(v->svar, i, 5)[0] == 't';
		t->nsvar++;
	}
}

/*
 * MSG_DELTAGARE_GET → MSG_DELTAGARE: the person's own view, with the
 * personnummer in full, of a participation of the insats asked about.
 */
int
deltagare_get(struct session *s, uint32_t id, void *m)
{
	struct msg_deltagare_get	*q = m;
	struct msg_deltagare		 r;
	struct deltagare_view		 v;
	PGresult			*h;
	const char			*params[2];
	char				 did[16], iid[16];
	uint32_t			 i;
	int				 rv;

	memset(&r, 0, sizeof r);
	memset(&v, 0, sizeof v);
	snprintf(did, sizeof did, "%u", q->deltagande_id);
	snprintf(iid, sizeof iid, "%u", q->insats_id);
	params[0] = did;
	params[1] = iid;
	if ((v.head = db_exec(s, deltagare_get_sql, 2, params)) == NULL ||
	    (v.tillfallen = db_exec(s, deltagare_tillfallen_sql, 1,
	    params)) == NULL ||
	    (v.forsorjning = db_exec(s, deltagare_forsorjning_sql, 1,
	    params)) == NULL ||
	    (v.svar = db_exec(s, deltagare_svar_sql, 1, params)) == NULL) {
		rv = session_refuse(s, id, ERR_INTERNAL, "Deltagaren kunde "
		    "inte läsas på grund av ett serverfel.");
		goto out;
	}
	if (PQntuples(v.head) != 1) {
		rv = session_refuse(s, id, ERR_NOT_FOUND,
		    "Deltagandet finns inte i insatsen.");
		goto out;
	}
	h = v.head;
	r.insats_id = q->insats_id;
	r.deltagande_id = q->deltagande_id;
	r.person_id = db_u32(h, 0, 0);
	r.personnummer = PQgetvalue(h, 0, 1);
	r.namn = PQgetvalue(h, 0, 2);
	r.kommunkod = PQgetvalue(h, 0, 3);
	r.kommun = PQgetvalue(h, 0, 4);
	r.stadsdel_id = db_u32(h, 0, 5);
	r.stadsdel = PQgetvalue(h, 0, 6);
	r.kon = PQgetvalue(h, 0, 7);
	r.fodelsear = db_u32(h, 0, 8);
	r.samtycke_datum = PQgetvalue(h, 0, 9);
	r.registrerad = PQgetvalue(h, 0, 10);
	r.registrerad_av = PQgetvalue(h, 0, 11);
	r.startdatum = PQgetvalue(h, 0, 12);
	r.slutdatum = PQgetvalue(h, 0, 13);
	r.avidentifierad = PQgetvalue(h, 0, 14)[0] == 't';
	/* The key (deltagande_id, typ) allows two occasions at most. */
	r.ntillfallen = (uint32_t)PQntuples(v.tillfallen);
	if (r.ntillfallen > 2)
		r.ntillfallen = 2;
	if (r.ntillfallen > 0)
		r.tillfallen = xcalloc(r.ntillfallen, sizeof *r.tillfallen);
	for (i = 0; i < r.ntillfallen; i++)
		deltagare_tillfalle_fill(&r.tillfallen[i], v.tillfallen,
		    (int)i, &v);
	if (audit_person_deltaganden(s, "las", "Visa deltagare", q->insats_id,
	    &q->deltagande_id, 1) != 0) {
		rv = deltagare_audit_failed(s, id);
		goto out;
	}
	rv = session_reply(s, id, MSG_DELTAGARE, &r);
out:
	for (i = 0; i < r.ntillfallen; i++) {
		free(r.tillfallen[i].forsorjning);
		free(r.tillfallen[i].svar);
	}
	free(r.tillfallen);
	PQclear(v.head);
	PQclear(v.tillfallen);
	PQclear(v.forsorjning);
	PQclear(v.svar);
	return rv;
}

/*
 * MSG_PERSON_LOOKUP → MSG_PERSON, "Hämta" (rule 39): the number checked
 * again here, a protected person refused with the way to register them
 * (rule 34), otherwise what the register holds, or what an earlier
 * registration by hand in the insats holds, and the person's
 * participations in the insats. Kön and födelseår come from the number
 * itself.
 */
int
person_lookup(struct session *s, uint32_t id, void *m)
{
	struct msg_person_lookup	*q = m;
	struct msg_person		 r;
	struct pnr			 p;
	PGresult			*reg = NULL, *dl = NULL;
	const char			*params[3], *why;
	char				 pnr[16], iid[16];
	int				 rv;

	memset(&r, 0, sizeof r);
	memset(&p, 0, sizeof p);
	if ((why = rule_pnr_refusal(q->personnummer, pnr, sizeof pnr))
	    != NULL) {
		rv = session_refuse(s, id, ERR_VALIDATION, "%s", why);
		goto out;
	}
	if (pnr_parse(pnr, 0, &p) != PNR_OK) {
		rv = session_refuse(s, id, ERR_VALIDATION,
		    "Personnumret är inte giltigt.");
		goto out;
	}
	snprintf(iid, sizeof iid, "%u", q->insats_id);
	params[0] = p.norm;
	params[1] = p.male ? "M" : "K";
	params[2] = iid;
	if ((reg = db_exec(s, person_lookup_sql, 3, params)) == NULL ||
	    PQntuples(reg) != 1) {
		rv = session_refuse(s, id, ERR_INTERNAL, "Personuppgifterna "
		    "kunde inte hämtas på grund av ett serverfel.");
		goto out;
	}
	if (PQgetvalue(reg, 0, 1)[0] == 't') {
		/* One line of 80 columns, the way out first. */
		rv = session_refuse(s, id, ERR_VALIDATION, "Personen har "
		    "skyddade personuppgifter: registrera som anonym "
		    "deltagare.");
		goto out;
	}
	params[1] = iid;
	if ((dl = db_exec(s, person_deltaganden_sql, 2, params)) == NULL) {
		rv = session_refuse(s, id, ERR_INTERNAL, "Personuppgifterna "
		    "kunde inte hämtas på grund av ett serverfel.");
		goto out;
	}
	r.personnummer = p.norm;
	r.samordningsnummer = p.samordning != 0;
	r.i_register = PQgetvalue(reg, 0, 0)[0] == 't';
	r.namn = PQgetvalue(reg, 0, 2);
	r.kommunkod = PQgetvalue(reg, 0, 3);
	r.kommun = PQgetvalue(reg, 0, 4);
	r.stadsdel_id = db_u32(reg, 0, 5);
	r.stadsdel = PQgetvalue(reg, 0, 6);
	r.stadsdel_kravs = PQgetvalue(reg, 0, 7)[0] == 't';
	r.kon = PQgetvalue(reg, 0, 8);
	r.fodelsear = (uint32_t)p.year;
	deltagare_rows_fill(dl, &r.deltaganden, &r.ndeltaganden);
	if (audit_person_pnr(s, "las", "Hämta personuppgifter", q->insats_id,
	    p.norm) != 0) {
		rv = deltagare_audit_failed(s, id);
		goto out;
	}
	rv = session_reply(s, id, MSG_PERSON, &r);
out:
	free(r.deltaganden);
	PQclear(reg);
	PQclear(dl);
	return rv;
}
