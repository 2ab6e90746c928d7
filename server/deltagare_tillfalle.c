/*
 * One mättillfälle of Registrera deltagare (domain.md 2.6(a), 3.5-3.10,
 * rules 40-45): the dates of a participation against its insats, the
 * codes of the occasion and the answers to the organisation's
 * kompletterande frågor, checked here first so that each refusal names
 * the date, the field or the question; then the occasion written. The
 * triggers of schema 0008 hold the same rules for whoever writes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "deltagare_save.h"
#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/* The occasions, as the protocol, the database and a sentence name them. */
static const struct {
	uint8_t		 typ;
	const char	*db;
	const char	*text;
} dt_tillfallen[] = {
	{ FRAGA_IN, "in", "inregistreringen" },
	{ FRAGA_UT, "ut", "utregistreringen" },
};

/* The row of an occasion; the inregistrering's for anything unknown. */
static size_t
dt_tillfalle_row(uint8_t typ)
{
	size_t	i;

	for (i = 0; i < sizeof dt_tillfallen / sizeof dt_tillfallen[0]; i++) {
		if (dt_tillfallen[i].typ == typ)
			return i;
	}
	return 0;
}

const char *
dt_tillfalle_db(uint8_t typ)
{
	return dt_tillfallen[dt_tillfalle_row(typ)].db;
}

const char *
dt_tillfalle_text(uint8_t typ)
{
	return dt_tillfallen[dt_tillfalle_row(typ)].text;
}

/* The insats with its organisation's start and today; $1 the insats. */
static const char dt_insats_sql[] =
	"SELECT i.samverkansorg_id, to_char(i.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(i.slutdatum, 'YYYY-MM-DD'), ''),"
	" to_char(s.startdatum, 'YYYY-MM-DD'),"
	" to_char(current_date, 'YYYY-MM-DD'), insats_kategoriserad(i.id),"
	" coalesce(kod_kod(i.matningsmetod_id) = 'PERSON', false)"
	" FROM insats i JOIN samverkansorg s ON s.id = i.samverkansorg_id"
	" WHERE i.id = $1::bigint";

int
dt_insats_load(struct session *s, uint32_t id, uint32_t insats_id,
    struct dt_insats *ins)
{
	PGresult	*res;
	const char	*params[1];
	int		 kategoriserad, person;

	memset(ins, 0, sizeof *ins);
	ins->id = insats_id;
	snprintf(ins->ids, sizeof ins->ids, "%u", insats_id);
	params[0] = ins->ids;
	if ((res = db_exec(s, dt_insats_sql, 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Insatsen finns inte.");
	}
	ins->samorg_id = db_u32(res, 0, 0);
	strlcpy(ins->start, PQgetvalue(res, 0, 1), sizeof ins->start);
	strlcpy(ins->slut, PQgetvalue(res, 0, 2), sizeof ins->slut);
	strlcpy(ins->org_start, PQgetvalue(res, 0, 3), sizeof ins->org_start);
	strlcpy(ins->today, PQgetvalue(res, 0, 4), sizeof ins->today);
	kategoriserad = PQgetvalue(res, 0, 5)[0] == 't';
	person = PQgetvalue(res, 0, 6)[0] == 't';
	PQclear(res);
	if (!kategoriserad)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_insats_db_message("SU042"));
	if (!person)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_insats_db_message("SU043"));
	return 0;
}

/* Valid dates in one format compare as strings. */
int
dt_start_check(struct session *s, uint32_t id, const struct dt_insats *ins,
    const char *start, const char *slut)
{
	if (!date_valid(start))
		return session_refuse(s, id, ERR_VALIDATION, "Startdatum måste "
		    "skrivas ÅÅÅÅ-MM-DD.");
	if (strcmp(start, ins->start) < 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Startdatum är före insatsens startdatum %s.", ins->start);
	if (strcmp(start, ins->org_start) < 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Startdatum är före samverkansorganisationens startdatum "
		    "%s.", ins->org_start);
	if (ins->slut[0] != '\0' && strcmp(start, ins->slut) > 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Startdatum är efter insatsens slutdatum %s.", ins->slut);
	if (strcmp(start, ins->today) > 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Startdatum får inte vara senare än i dag.");
	if (slut[0] != '\0' && strcmp(start, slut) > 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Startdatum är efter deltagandets slutdatum %s.", slut);
	return 0;
}

int
dt_slut_check(struct session *s, uint32_t id, const struct dt_insats *ins,
    const char *start, const char *slut)
{
	if (!date_valid(slut))
		return session_refuse(s, id, ERR_VALIDATION, "Slutdatum måste "
		    "skrivas ÅÅÅÅ-MM-DD.");
	if (strcmp(slut, start) < 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Slutdatum är före deltagandets startdatum %s.", start);
	if (ins->slut[0] != '\0' && strcmp(slut, ins->slut) > 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Slutdatum är efter insatsens slutdatum %s.", ins->slut);
	if (strcmp(slut, ins->today) > 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Slutdatum får inte vara senare än i dag.");
	return 0;
}

/* The person's first other participation in the insats meeting a period. */
static const char dt_overlap_sql[] =
	"SELECT to_char(d.startdatum, 'YYYY-MM-DD'),"
	" coalesce(to_char(d.slutdatum, 'YYYY-MM-DD'), '')"
	" FROM deltagande d WHERE d.person_id = $1::bigint"
	" AND d.insats_id = $2::bigint AND d.id <> $3::bigint"
	" AND d.startdatum <= coalesce(nullif($5, '')::date, 'infinity')"
	" AND $4::date <= coalesce(d.slutdatum, 'infinity')"
	" ORDER BY d.startdatum LIMIT 1";

int
dt_overlap_check(struct session *s, uint32_t id, const struct dt_insats *ins,
    uint32_t person_id, uint32_t self, const char *start, const char *slut)
{
	PGresult	*res;
	char		 pid[16], did[16], from[16], tom[16];
	const char	*params[5];

	if (person_id == 0)
		return 0;
	snprintf(pid, sizeof pid, "%u", person_id);
	snprintf(did, sizeof did, "%u", self);
	params[0] = pid;
	params[1] = ins->ids;
	params[2] = did;
	params[3] = start;
	params[4] = slut;
	if ((res = db_exec(s, dt_overlap_sql, 5, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return 0;
	}
	strlcpy(from, PQgetvalue(res, 0, 0), sizeof from);
	strlcpy(tom, PQgetvalue(res, 0, 1), sizeof tom);
	PQclear(res);
	return dt_overlap_refuse(s, id, from, tom);
}

int
dt_overlap_refuse(struct session *s, uint32_t id, const char *from,
    const char *tom)
{
	if (tom[0] == '\0')
		return session_refuse(s, id, ERR_VALIDATION,
		    "Personen deltar redan i insatsen sedan %s och är inte "
		    "utregistrerad.", from);
	return session_refuse(s, id, ERR_VALIDATION, "Personen deltar redan i "
	    "insatsen %s–%s: deltagandena får inte överlappa.", from, tom);
}

/* One code an occasion names: its id, list and what a sentence calls it. */
struct dt_kod {
	uint32_t	 id;
	const char	*lista;
	const char	*label;
};

/*
 * What the code lists hold of ids $1 each in list $2 at the same place:
 * found, usable (active, or already stored on the occasion: $3), kod,
 * namn, and whether a sysselsättning carries an omfattning.
 */
static const char dt_kod_sql[] =
	"SELECT k.id IS NOT NULL,"
	" coalesce(k.aktiv OR k.id = ANY ($3::bigint[]), false),"
	" coalesce(k.kod, ''), coalesce(k.namn, ''),"
	" v.lista = 'sysselsattning'"
	" AND coalesce(sysselsattning_har_omfattning(k.id), false)"
	" FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY"
	" AS v(id, lista, ord)"
	" LEFT JOIN kod k ON k.id = v.id AND k.lista = v.lista"
	" ORDER BY v.ord";

/* Appends v to the Postgres array literal being built in a. */
static void
dt_arr_add(char *a, size_t len, const char *v)
{
	size_t	n = strlen(a);

	if (n + 1 < len)
		snprintf(a + n, len - n, "%s%s", n > 1 ? "," : "", v);
}

/* The array literals of n entries of at most 16 bytes each. */
static char *
dt_arr_new(size_t n, size_t *len)
{
	char	*a;

	*len = n * 24 + 4;
	a = xcalloc(1, *len);
	a[0] = '{';
	return a;
}

static void
dt_arr_end(char *a, size_t len)
{
	strlcat(a, "}", len);
}

/* Refuses a code the list lacks or no longer uses; 0 when fine. */
static int
dt_kod_ok(struct session *s, uint32_t id, PGresult *res, int row,
    const struct dt_kod *k)
{
	if (PQgetvalue(res, row, 0)[0] != 't')
		return session_refuse(s, id, ERR_VALIDATION, "%s finns inte i "
		    "kodlistan. Hämta formuläret igen.", k->label);
	if (PQgetvalue(res, row, 1)[0] != 't')
		return session_refuse(s, id, ERR_VALIDATION,
		    "%s \"%s\" används inte längre: välj en annan.",
		    k->label, PQgetvalue(res, row, 3));
	return 0;
}

/*
 * Looks the occasion's codes up, in the order of k; a batch's rows with
 * the same codes share one look-up (*borrowed: the cache's result).
 */
static PGresult *
dt_kod_lookup(struct session *s, struct dt_cache *c, const struct dt_kod *k,
    size_t n, const char *stored, int *borrowed)
{
	PGresult	*res;
	const char	*params[3];
	char		*ids, *listor, num[16], key[DT_CACHE_KEY];
	size_t		 len, i;

	ids = dt_arr_new(n, &len);
	listor = dt_arr_new(n, &len);
	for (i = 0; i < n; i++) {
		snprintf(num, sizeof num, "%u", k[i].id);
		dt_arr_add(ids, len, num);
		dt_arr_add(listor, len, k[i].lista);
	}
	dt_arr_end(ids, len);
	dt_arr_end(listor, len);
	params[0] = ids;
	params[1] = listor;
	params[2] = stored != NULL ? stored : "{}";
	if (snprintf(key, sizeof key, "kod %s %s %s", ids, listor,
	    params[2]) >= (int)sizeof key)
		c = NULL;
	res = dt_cache_query(s, c, key, dt_kod_sql, 3, params, borrowed);
	free(ids);
	free(listor);
	return res;
}

/*
 * Checks sysselsättning and its omfattning (rule 45) at row of res;
 * row -1 when none was chosen.
 */
static int
dt_omfattning_check(struct session *s, uint32_t id, PGresult *res, int row,
    uint32_t omfattning)
{
	const char	*namn;

	if (row < 0) {
		if (omfattning != 0)
			return session_refuse(s, id, ERR_VALIDATION,
			    "Omfattning anges bara tillsammans med en "
			    "sysselsättning.");
		return 0;
	}
	namn = PQgetvalue(res, row, 3);
	if (PQgetvalue(res, row, 4)[0] == 't') {
		if (omfattning == 0)
			return session_refuse(s, id, ERR_VALIDATION,
			    "Omfattning saknas: ange 1–100 procent av 40 "
			    "timmar i veckan för %s.", namn);
		if (omfattning > 100)
			return session_refuse(s, id, ERR_VALIDATION,
			    "Omfattningen är högst 100 procent (40 timmar i "
			    "veckan).");
	} else if (omfattning != 0)
		return session_refuse(s, id, ERR_VALIDATION, "Sysselsättningen "
		    "%s har ingen omfattning: lämna procent tomt.", namn);
	return 0;
}

/*
 * Checks the codes of an occasion in the order of the form. *felreg is
 * set for an utregistrering as Felregistrering, which needs no outcome
 * (rule 42).
 */
static int
dt_koder_check(struct session *s, uint32_t id, struct dt_cache *c,
    const struct tillfalle_row *t, const char *stored, int *felreg)
{
	struct dt_kod	*k;
	PGresult	*res = NULL;
	size_t		 n = 0, i, j, forsta;
	int		 syss = -1, utb = -1, tid = -1, avslut = -1, rv = 0;
	int		 borrowed = 0;
	const char	*kod;

	*felreg = 0;
	k = xcalloc(t->nforsorjning + 4, sizeof *k);
	if (t->typ == FRAGA_UT && t->avslut_id != 0) {
		avslut = (int)n;
		k[n++] = (struct dt_kod){ t->avslut_id, "avslutsanledning",
		    "Avslutsanledningen" };
	}
	forsta = n;
	for (i = 0; i < t->nforsorjning; i++)
		k[n++] = (struct dt_kod){ t->forsorjning[i].id, "forsorjning",
		    "Försörjningskällan" };
	if (t->sysselsattning_id != 0) {
		syss = (int)n;
		k[n++] = (struct dt_kod){ t->sysselsattning_id,
		    "sysselsattning", "Sysselsättningen" };
	}
	if (t->typ == FRAGA_IN && t->utbildning_id != 0) {
		utb = (int)n;
		k[n++] = (struct dt_kod){ t->utbildning_id, "utbildningsniva",
		    "Utbildningsnivån" };
	}
	if (t->typ == FRAGA_IN && t->tid_id != 0) {
		tid = (int)n;
		k[n++] = (struct dt_kod){ t->tid_id, "tid_forsorjning",
		    "Tiden i offentlig försörjning" };
	}
	session_falt(s, BATCH_FALT_INGET, 0);
	if ((res = dt_kod_lookup(s, c, k, n, stored, &borrowed)) == NULL) {
		rv = db_refused(s, id);
		goto out;
	}

	if (t->typ == FRAGA_UT) {
		session_falt(s, BATCH_FALT_AVSLUT, 0);
		if (avslut < 0) {
			rv = session_refuse(s, id, ERR_VALIDATION, "Välj "
			    "avslutsanledning.");
			goto out;
		}
		if ((rv = dt_kod_ok(s, id, res, avslut, &k[avslut])) != 0)
			goto out;
		kod = PQgetvalue(res, avslut, 2);
		if (strcmp(kod, "SAMTYCKE_ATERKALLAT") == 0) {
			rv = session_refuse(s, id, ERR_VALIDATION, "Samtycket "
			    "återkallat väljs inte här: använd Återkalla "
			    "samtycke.");
			goto out;
		}
		*felreg = strcmp(kod, "FELREGISTRERING") == 0;
	}

	session_falt(s, BATCH_FALT_FORSORJNING, 0);
	if (t->nforsorjning == 0 && !*felreg) {
		rv = session_refuse(s, id, ERR_VALIDATION, "Välj minst en "
		    "försörjningskälla.");
		goto out;
	}
	for (i = forsta; i < forsta + t->nforsorjning; i++) {
		if ((rv = dt_kod_ok(s, id, res, (int)i, &k[i])) != 0)
			goto out;
		for (j = forsta; j < i; j++) {
			if (k[j].id == k[i].id) {
				rv = session_refuse(s, id, ERR_VALIDATION,
				    "Försörjningskällan %s är vald två gånger.",
				    PQgetvalue(res, (int)i, 3));
				goto out;
			}
		}
	}

	session_falt(s, BATCH_FALT_SYSSELSATTNING, 0);
	if (syss < 0 && !*felreg) {
		rv = session_refuse(s, id, ERR_VALIDATION, "Välj "
		    "sysselsättning.");
		goto out;
	}
	if (syss >= 0 && (rv = dt_kod_ok(s, id, res, syss, &k[syss])) != 0)
		goto out;
	session_falt(s, BATCH_FALT_OMFATTNING, 0);
	if ((rv = dt_omfattning_check(s, id, res, syss, t->omfattning)) != 0)
		goto out;

	if (t->typ == FRAGA_IN) {
		session_falt(s, BATCH_FALT_UTBILDNING, 0);
		if (utb < 0) {
			rv = session_refuse(s, id, ERR_VALIDATION, "Välj "
			    "utbildningsnivå.");
			goto out;
		}
		if ((rv = dt_kod_ok(s, id, res, utb, &k[utb])) != 0)
			goto out;
		session_falt(s, BATCH_FALT_TID, 0);
		if (tid < 0) {
			rv = session_refuse(s, id, ERR_VALIDATION, "Välj tid i "
			    "offentlig försörjning före insatsen.");
			goto out;
		}
		if ((rv = dt_kod_ok(s, id, res, tid, &k[tid])) != 0)
			goto out;
	}
out:
	if (!borrowed)
		PQclear(res);
	free(k);
	return rv;
}

/* Reports whether alt is an option of question fid. */
static int
dt_alt_of(PGresult *alts, uint32_t fid, uint32_t alt)
{
	int	i;

	for (i = 0; i < PQntuples(alts); i++) {
		if (db_u32(alts, i, 0) == fid && db_u32(alts, i, 1) == alt)
			return 1;
	}
	return 0;
}

/*
 * Checks one answer to the question at row r: its shape by answer type,
 * and that no other answer row (before index i) repeats it where one is
 * all the type allows.
 */
static int
dt_svar_row_check(struct session *s, uint32_t id, const struct dt_fragor *f,
    int r, const struct tillfalle_row *t, uint32_t i)
{
	const struct svar_row	*a = &t->svar[i];
	const char		*typ = PQgetvalue(f->fragor, r, 1);
	const char		*namn = PQgetvalue(f->fragor, r, 3);
	int			 choice, many;
	uint32_t		 j;

	choice = strcmp(typ, "enval") == 0 || strcmp(typ, "flerval") == 0;
	many = strcmp(typ, "flerval") == 0;
	for (j = 0; j < i; j++) {
		if (t->svar[j].fraga_id != a->fraga_id)
			continue;
		if (!many)
			return session_refuse(s, id, ERR_VALIDATION, "Bara ett "
			    "svar får ges på frågan: %s", namn);
		if (t->svar[j].alternativ_id == a->alternativ_id)
			return session_refuse(s, id, ERR_VALIDATION, "Samma "
			    "alternativ är valt två gånger i frågan: %s", namn);
	}
	if (choice && (a->alternativ_id == 0 || !dt_alt_of(f->alts,
	    a->fraga_id, a->alternativ_id)))
		return session_refuse(s, id, ERR_VALIDATION, "Välj ett av "
		    "frågans svarsalternativ: %s", namn);
	if (strcmp(typ, "heltal") == 0 && (!a->har_heltal ||
	    a->heltal > INT32_MAX || a->alternativ_id != 0))
		return session_refuse(s, id, ERR_VALIDATION, "Svara med ett "
		    "heltal på frågan: %s", namn);
	if (strcmp(typ, "janej") == 0 && (a->ja > 1 || a->har_heltal ||
	    a->alternativ_id != 0))
		return session_refuse(s, id, ERR_VALIDATION,
		    "Svara ja eller nej på frågan: %s", namn);
	return 0;
}

/*
 * Loads the questions asked at the occasion on datum and checks the
 * answers against them: only those questions, each answered as its type
 * says, and every obligatorisk one answered (not for a Felregistrering,
 * which records no outcome).
 */
static int
dt_svar_check(struct session *s, uint32_t id, const struct dt_insats *ins,
    const struct tillfalle_row *t, const char *datum, int felreg,
    struct dt_fragor *f)
{
	uint32_t	 i, fid;
	int		 r, rv, n;

	session_falt(s, BATCH_FALT_INGET, 0);
	if ((rv = dt_fragor_load(s, id, ins, t->typ, datum, f)) != 0)
		return rv;
	for (i = 0; i < t->nsvar; i++) {
		session_falt(s, BATCH_FALT_FRAGA, t->svar[i].fraga_id);
		if ((r = db_find_row(f->fragor, t->svar[i].fraga_id)) < 0)
			return session_refuse(s, id, ERR_VALIDATION, "Ett svar "
			    "gäller en fråga som inte ställs vid %s den %s. "
			    "Hämta frågorna igen.", dt_tillfalle_text(t->typ),
			    datum);
		if ((rv = dt_svar_row_check(s, id, f, r, t, i)) != 0)
			return rv;
	}
	if (felreg)
		return 0;
	n = PQntuples(f->fragor);
	for (r = 0; r < n; r++) {
		if (PQgetvalue(f->fragor, r, 2)[0] != 't')
			continue;
		fid = db_u32(f->fragor, r, 0);
		for (i = 0; i < t->nsvar; i++) {
			if (t->svar[i].fraga_id == fid)
				break;
		}
		session_falt(s, BATCH_FALT_FRAGA, fid);
		if (i == t->nsvar)
			return session_refuse(s, id, ERR_VALIDATION,
			    "Obligatorisk fråga obesvarad: %s",
			    PQgetvalue(f->fragor, r, 3));
	}
	return 0;
}

int
dt_tillfalle_check(struct session *s, uint32_t id, const struct dt_insats *ins,
    const struct tillfalle_row *t, const char *datum, const char *stored,
    struct dt_fragor *f)
{
	int	felreg, rv;

	if ((rv = dt_koder_check(s, id, ins->cache, t, stored, &felreg)) != 0)
		return rv;
	return dt_svar_check(s, id, ins, t, datum, felreg, f);
}

/* The occasion's row; what it does not carry stays null (SU060). */
#define DT_MATTILLFALLE_INSERT						\
	"INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id,"\
	" omfattning, utbildning_id, tid_id, avslut_id, skapad_av, andrad_av)"\
	" VALUES ($1::bigint, $2, nullif($3::integer, 0),"		\
	" nullif($4::integer, 0), nullif($5::integer, 0),"		\
	" nullif($6::integer, 0), nullif($7::integer, 0), $8::integer,"	\
	" $8::integer)"

/* A new occasion and its försörjning ($9) in one statement. */
static const char dt_mattillfalle_ny_sql[] =
	"WITH m AS (" DT_MATTILLFALLE_INSERT " RETURNING deltagande_id, typ)"
	" INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,"
	" forsorjning_id) SELECT m.deltagande_id, m.typ, v.id"
	" FROM m, unnest($9::integer[]) AS v(id)";

static const char dt_mattillfalle_sql[] =
	DT_MATTILLFALLE_INSERT
	" ON CONFLICT (deltagande_id, typ) DO UPDATE SET"
	" sysselsattning_id = EXCLUDED.sysselsattning_id,"
	" omfattning = EXCLUDED.omfattning,"
	" utbildning_id = EXCLUDED.utbildning_id, tid_id = EXCLUDED.tid_id,"
	" avslut_id = EXCLUDED.avslut_id, andrad_av = EXCLUDED.andrad_av";

/* Replaces the occasion's försörjning and answers: $1 did, $2 typ. */
static const char *const dt_replace_sql[] = {
	"DELETE FROM mattillfalle_forsorjning WHERE deltagande_id = $1::bigint"
	    " AND typ = $2",
	"INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,"
	    " forsorjning_id) SELECT $1::bigint, $2, v.id"
	    " FROM unnest($3::integer[]) AS v(id)",
	"DELETE FROM fraga_svar WHERE deltagande_id = $1::bigint"
	    " AND tillfalle = $2",
	"INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle,"
	    " alternativ_id, heltal, ja) SELECT v.f, $1::bigint, $2, v.a, v.h,"
	    " v.j FROM unnest($3::integer[], $4::integer[], $5::integer[],"
	    " $6::boolean[]) AS v(f, a, h, j)",
};

/* The answers as four array literals, the columns of fraga_svar. */
struct dt_svar_arr {
	char	*f, *a, *h, *j;
	size_t	 len;
};

static void
dt_svar_arr_fill(struct dt_svar_arr *v, const struct tillfalle_row *t,
    const struct dt_fragor *f)
{
	const char	*typ;
	char		 num[16];
	uint32_t	 i;
	size_t		 len;

	v->f = dt_arr_new(t->nsvar, &len);
	v->a = dt_arr_new(t->nsvar, &len);
	v->h = dt_arr_new(t->nsvar, &len);
	v->j = dt_arr_new(t->nsvar, &len);
	v->len = len;
	for (i = 0; i < t->nsvar; i++) {
		typ = PQgetvalue(f->fragor, db_find_row(f->fragor,
		    t->svar[i].fraga_id), 1);
		snprintf(num, sizeof num, "%u", t->svar[i].fraga_id);
		dt_arr_add(v->f, len, num);
		snprintf(num, sizeof num, "%u", t->svar[i].alternativ_id);
		dt_arr_add(v->a, len, strcmp(typ, "enval") == 0 ||
		    strcmp(typ, "flerval") == 0 ? num : "NULL");
		snprintf(num, sizeof num, "%u", t->svar[i].heltal);
		dt_arr_add(v->h, len, strcmp(typ, "heltal") == 0 ? num :
		    "NULL");
		dt_arr_add(v->j, len, strcmp(typ, "janej") != 0 ? "NULL" :
		    t->svar[i].ja ? "t" : "f");
	}
	dt_arr_end(v->f, len);
	dt_arr_end(v->a, len);
	dt_arr_end(v->h, len);
	dt_arr_end(v->j, len);
}

static void
dt_svar_arr_free(struct dt_svar_arr *v)
{
	free(v->f);
	free(v->a);
	free(v->h);
	free(v->j);
}

char *
dt_kod_array(const struct kod_ref *k, uint32_t n)
{
	char		*a, num[16];
	size_t		 len;
	uint32_t	 i;

	a = dt_arr_new(n, &len);
	for (i = 0; i < n; i++) {
		snprintf(num, sizeof num, "%u", k[i].id);
		dt_arr_add(a, len, num);
	}
	dt_arr_end(a, len);
	return a;
}

int
dt_svar_insert(struct session *s, uint32_t id, uint32_t did,
    const struct tillfalle_row *t, const struct dt_fragor *f)
{
	struct dt_svar_arr	 v;
	char			 dids[16];
	const char		*params[6];
	int			 rv = 0;

	if (t->nsvar == 0)
		return 0;
	snprintf(dids, sizeof dids, "%u", did);
	dt_svar_arr_fill(&v, t, f);
	params[0] = dids;
	params[1] = dt_tillfalle_db(t->typ);
	params[2] = v.f;
	params[3] = v.a;
	params[4] = v.h;
	params[5] = v.j;
	if (db_exec_cmd(s, dt_replace_sql[3], 6, params) != 0)
		rv = db_refused(s, id);
	dt_svar_arr_free(&v);
	return rv;
}

int
dt_tillfalle_write(struct session *s, uint32_t id, uint32_t did,
    const struct tillfalle_row *t, const struct dt_fragor *f, int ny)
{
	struct dt_svar_arr	 v;
	char			 dids[16], num[5][16], uid[16], *fors = NULL;
	const char		*params[9];
	uint32_t		 i;
	int			 in = t->typ == FRAGA_IN, rv = 0;

	memset(&v, 0, sizeof v);
	fors = dt_kod_array(t->forsorjning, t->nforsorjning);
	dt_svar_arr_fill(&v, t, f);
	snprintf(dids, sizeof dids, "%u", did);
	snprintf(num[0], sizeof num[0], "%u", t->sysselsattning_id);
	snprintf(num[1], sizeof num[1], "%u", t->omfattning);
	snprintf(num[2], sizeof num[2], "%u", in ? t->utbildning_id : 0);
	snprintf(num[3], sizeof num[3], "%u", in ? t->tid_id : 0);
	snprintf(num[4], sizeof num[4], "%u", in ? 0 : t->avslut_id);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = dids;
	params[1] = dt_tillfalle_db(t->typ);
	for (i = 0; i < 5; i++)
		params[2 + i] = num[i];
	params[7] = uid;
	params[8] = fors;
	if (ny) {
		/* Nothing to replace: one statement, then the answers. */
		if (db_exec_cmd(s, dt_mattillfalle_ny_sql, 9, params) != 0) {
			rv = db_refused(s, id);
			goto out;
		}
		goto svar;
	}
	if (db_exec_cmd(s, dt_mattillfalle_sql, 8, params) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	params[2] = fors;
	if (db_exec_cmd(s, dt_replace_sql[0], 2, params) != 0 ||
	    db_exec_cmd(s, dt_replace_sql[1], 3, params) != 0 ||
	    db_exec_cmd(s, dt_replace_sql[2], 2, params) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
svar:
	params[2] = v.f;
	params[3] = v.a;
	params[4] = v.h;
	params[5] = v.j;
	if (t->nsvar > 0 && db_exec_cmd(s, dt_replace_sql[3], 6, params) != 0)
		rv = db_refused(s, id);
out:
	free(fors);
	dt_svar_arr_free(&v);
	return rv;
}
