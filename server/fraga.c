/*
 * Kompletterande frågor (domain.md 2.3, rule 44): each samverkans-
 * organisation's own questions, with a validity period, the occasion they
 * are asked at, an answer type with its options, and a presentation order.
 * The request table has checked the caller's role and uppdrag on the
 * organisation named in the request; here every question id is checked to
 * belong to that organisation, so an uppdrag in one organisation never
 * reaches another's questions. The database keeps the same rules in
 * triggers (schema 0006: SU015, SU018, SU021, SU023) and audits every
 * change; the checks here come first to name exactly what is wrong.
 */
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

/* Lengths in characters, as the schema counts them (char_length). */
#define FRAGA_NAMN_MAX		200
#define FRAGA_ALT_TEXT_MAX	100
/* A choice needs two options to be one; the layout carries at most 50. */
#define FRAGA_ALT_MIN		2
#define FRAGA_ALT_MAX		50
/*
 * Questions one organisation may have. A form a deltagaransvarig fills in
 * for every participant stays short; the cap also keeps the list reply
 * (all questions with their options, unpaged) well inside SUS_MSG_MAX.
 */
#define FRAGA_PER_SAMORG	100

/* A protocol value, its database code and its Swedish name. */
struct fraga_code {
	uint8_t		 value;
	const char	*db;
	const char	*text;
};

static const struct fraga_code fraga_tillfallen[] = {
	{ FRAGA_IN, "in", "inregistrering" },
	{ FRAGA_UT, "ut", "utregistrering" },
	{ FRAGA_BADA, "bada", "både in- och utregistrering" },
};

static const struct fraga_code fraga_svarstyper[] = {
	{ SVAR_JANEJ, "janej", "En ja/nej-fråga" },
	{ SVAR_ENVAL, "enval", "En envalsfråga" },
	{ SVAR_FLERVAL, "flerval", "En flervalsfråga" },
	{ SVAR_HELTAL, "heltal", "En heltalsfråga" },
};

#define FRAGA_NCODES(t)	(sizeof (t) / sizeof (t)[0])

/* The row of a code table for a protocol value, NULL if none. */
static const struct fraga_code *
fraga_code_by_value(const struct fraga_code *t, size_t n, uint8_t value)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (t[i].value == value)
			return &t[i];
	}
	return NULL;
}

/* The protocol value of a database code, 0 if unknown. */
static uint8_t
fraga_code_value(const struct fraga_code *t, size_t n, const char *db)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(t[i].db, db) == 0)
			return t[i].value;
	}
	return 0;
}

/* Reports whether an answer type is answered by choosing options. */
static int
fraga_is_choice(uint8_t svarstyp)
{
	return svarstyp == SVAR_ENVAL || svarstyp == SVAR_FLERVAL;
}

/* What is wrong with a text of a question or an option. */
enum fraga_text {
	FRAGA_TEXT_OK,
	FRAGA_TEXT_LENGTH,	/* empty, blank or too long */
	FRAGA_TEXT_CONTROL	/* a line break or tab: shown a line each */
};

/* Checks that a text is one line of 1..max characters, not all blank. */
static enum fraga_text
fraga_text_check(const char *t, size_t max)
{
	const unsigned char	*u;
	size_t			 n = rule_utf8_chars(t);

	if (n < 1 || n > max || strspn(t, " ") == strlen(t))
		return FRAGA_TEXT_LENGTH;
	for (u = (const unsigned char *)t; *u != '\0'; u++) {
		if (*u < 0x20 || *u == 0x7f)
			return FRAGA_TEXT_CONTROL;
	}
	return FRAGA_TEXT_OK;
}

/*
 * The whole question checked without the database; 0 when it may be
 * saved, else 1 with the Swedish reason in why.
 */
static int
fraga_invalid(const struct msg_fraga *q, char *why, size_t len)
{
	const struct fraga_code	*typ;
	uint32_t		 i, j;

	switch (fraga_text_check(q->namn, FRAGA_NAMN_MAX)) {
	case FRAGA_TEXT_LENGTH:
		snprintf(why, len, "Frågan måste ha en text på 1–%d tecken.",
		    FRAGA_NAMN_MAX);
		return 1;
	case FRAGA_TEXT_CONTROL:
		snprintf(why, len, "Frågan får inte innehålla radbrytningar "
		    "eller tabbar.");
		return 1;
	case FRAGA_TEXT_OK:
		break;
	}
	if (!date_valid(q->giltig_from)) {
		snprintf(why, len, "Giltig från måste vara ett datum "
		    "(ÅÅÅÅ-MM-DD).");
		return 1;
	}
	if (q->giltig_tom[0] != '\0' && !date_valid(q->giltig_tom)) {
		snprintf(why, len, "Giltig till måste vara ett datum "
		    "(ÅÅÅÅ-MM-DD) eller tomt.");
		return 1;
	}
	/* Valid dates in one format compare as strings. */
	if (q->giltig_tom[0] != '\0' &&
	    strcmp(q->giltig_tom, q->giltig_from) < 0) {
		snprintf(why, len, "Giltig till får inte vara före giltig "
		    "från.");
		return 1;
	}
	if (fraga_code_by_value(fraga_tillfallen,
	    FRAGA_NCODES(fraga_tillfallen), q->mattillfalle) == NULL) {
		snprintf(why, len, "Välj när frågan ställs: vid "
		    "inregistrering, utregistrering eller båda.");
		return 1;
	}
	if ((typ = fraga_code_by_value(fraga_svarstyper,
	    FRAGA_NCODES(fraga_svarstyper), q->svarstyp)) == NULL) {
		snprintf(why, len, "Välj en svarstyp: ja/nej, envalsfråga, "
		    "flervalsfråga eller heltal.");
		return 1;
	}
	if (!fraga_is_choice(q->svarstyp) && q->nalternativ > 0) {
		snprintf(why, len, "%s har inga svarsalternativ.", typ->text);
		return 1;
	}
	if (fraga_is_choice(q->svarstyp) && (q->nalternativ < FRAGA_ALT_MIN ||
	    q->nalternativ > FRAGA_ALT_MAX)) {
		snprintf(why, len, "%s ska ha %d–%d svarsalternativ.",
		    typ->text, FRAGA_ALT_MIN, FRAGA_ALT_MAX);
		return 1;
	}
	for (i = 0; i < q->nalternativ; i++) {
		switch (fraga_text_check(q->alternativ[i].text,
		    FRAGA_ALT_TEXT_MAX)) {
		case FRAGA_TEXT_LENGTH:
			snprintf(why, len, "Svarsalternativ %u måste ha en "
			    "text på 1–%d tecken.", i + 1, FRAGA_ALT_TEXT_MAX);
			return 1;
		case FRAGA_TEXT_CONTROL:
			snprintf(why, len, "Svarsalternativ %u får inte "
			    "innehålla radbrytningar eller tabbar.", i + 1);
			return 1;
		case FRAGA_TEXT_OK:
			break;
		}
		for (j = 0; j < i; j++) {
			if (strcmp(q->alternativ[i].text,
			    q->alternativ[j].text) == 0) {
				snprintf(why, len, "Svarsalternativet \"%s\" "
				    "finns två gånger.", q->alternativ[i].text);
				return 1;
			}
			if (q->alternativ[i].id != 0 &&
			    q->alternativ[i].id == q->alternativ[j].id) {
				snprintf(why, len, "Svarsalternativ %u och %u "
				    "är samma alternativ.", j + 1, i + 1);
				return 1;
			}
		}
	}
	return 0;
}

/*
 * The first blocked word (code list sparrord, rule 44) in a text, copied
 * to word; 1 when one was found, 0 when none, -1 on a database failure.
 */
static int
fraga_sparrord(struct session *s, const char *text, char *word, size_t len)
{
	PGresult	*res;
	const char	*params[1];
	int		 found;

	params[0] = text;
	/* The same test as fraga_sparrord() in schema 0006. */
	if ((res = db_exec(s, "SELECT k.namn FROM kod k"
	    " WHERE k.lista = 'sparrord' AND k.aktiv"
	    " AND position(lower(k.namn) IN lower($1)) > 0"
	    " ORDER BY k.ordning, k.id LIMIT 1", 1, params)) == NULL)
		return -1;
	found = PQntuples(res) > 0;
	if (found)
		strlcpy(word, PQgetvalue(res, 0, 0), len);
	PQclear(res);
	return found;
}

/*
 * Refuses a question or an option naming a blocked word, naming the word.
 * Texts already stored unchanged (old, may be NULL) are not asked about
 * again. Returns 0, or what the handler returns.
 */
static int
fraga_check_sparrord(struct session *s, uint32_t id, const char *text,
    const char *old, int alt)
{
	char	word[256];
	int	r;

	if (old != NULL && strcmp(old, text) == 0)
		return 0;
	if ((r = fraga_sparrord(s, text, word, sizeof word)) < 0)
		return db_refused(s, id);
	if (r == 0)
		return 0;
	if (alt)
		return session_refuse(s, id, ERR_VALIDATION, "Svarsalternativet "
		    "\"%s\" innehåller ordet \"%s\". Kompletterande frågor får "
		    "inte samla in känsliga personuppgifter.", text, word);
	return session_refuse(s, id, ERR_VALIDATION, "Frågan innehåller ordet "
	    "\"%s\". Kompletterande frågor får inte samla in känsliga "
	    "personuppgifter.", word);
}

/* The answer rows of MSG_FRAGA_SEARCH, in presentation order. */
static const char fraga_rows_sql[] =
	"SELECT f.id, f.namn, to_char(f.giltig_from, 'YYYY-MM-DD'),"
	" coalesce(to_char(f.giltig_tom, 'YYYY-MM-DD'), ''),"
	" f.mattillfalle, f.svarstyp, f.obligatorisk, f.ordning,"
	" (SELECT count(*) FROM fraga_svar s WHERE s.fraga_id = f.id)"
	" FROM fraga f WHERE f.samverkansorg_id = $1::bigint"
	" AND ($2::date IS NULL OR (f.giltig_from <= $2::date"
	" AND (f.giltig_tom IS NULL OR f.giltig_tom >= $2::date)))"
	" AND ($3::text IS NULL OR f.mattillfalle IN ($3::text, 'bada'))"
	" ORDER BY f.ordning, f.id";

/* Every option of the organisation's questions, each question's in order. */
static const char fraga_alts_sql[] =
	"SELECT a.fraga_id, a.id, a.text FROM fraga_alternativ a"
	" JOIN fraga f ON f.id = a.fraga_id"
	" WHERE f.samverkansorg_id = $1::bigint"
	" ORDER BY a.fraga_id, a.ordning, a.id";

/* Fills row i of list from the question and option results. */
static void
fraga_row_fill(struct msg_fraga *r, uint32_t samorg_id, PGresult *res,
    int i, PGresult *alts)
{
	int	j, n = PQntuples(alts);

	r->id = db_u32(res, i, 0);
	r->samorg_id = samorg_id;
	r->namn = PQgetvalue(res, i, 1);
	r->giltig_from = PQgetvalue(res, i, 2);
	r->giltig_tom = PQgetvalue(res, i, 3);
	r->mattillfalle = fraga_code_value(fraga_tillfallen,
	    FRAGA_NCODES(fraga_tillfallen), PQgetvalue(res, i, 4));
	r->svarstyp = fraga_code_value(fraga_svarstyper,
	    FRAGA_NCODES(fraga_svarstyper), PQgetvalue(res, i, 5));
	r->obligatorisk = PQgetvalue(res, i, 6)[0] == 't';
	r->ordning = db_u32(res, i, 7);
	r->antal_svar = db_u32(res, i, 8);
	for (j = 0; j < n; j++) {
		if (db_u32(alts, j, 0) == r->id)
			r->nalternativ++;
	}
	if (r->nalternativ == 0)
		return;
	r->alternativ = xcalloc(r->nalternativ, sizeof *r->alternativ);
	r->nalternativ = 0;
	for (j = 0; j < n; j++) {
		if (db_u32(alts, j, 0) != r->id)
			continue;
		r->alternativ[r->nalternativ].id = db_u32(alts, j, 1);
		r->alternativ[r->nalternativ++].text = PQgetvalue(alts, j, 2);
	}
}

/* An organisation and how many questions it has. */
#define FRAGA_SAMORG_SQL						\
	"SELECT (SELECT count(*) FROM fraga f"				\
	" WHERE f.samverkansorg_id = s.id) FROM samverkansorg s"	\
	" WHERE s.id = $1::bigint"

/*
 * Checks that the samverkansorganisation exists (a superadministratör
 * reaches any id) and, with lock set, holds it so that question writes
 * of one organisation take turns. Returns 0, or what the handler returns.
 */
static int
fraga_samorg(struct session *s, uint32_t id, const char *samorg, int lock,
    uint32_t *count)
{
	PGresult	*res;
	const char	*params[1];

	params[0] = samorg;
	res = db_exec(s, lock ? FRAGA_SAMORG_SQL " FOR NO KEY UPDATE" :
	    FRAGA_SAMORG_SQL, 1, params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Samverkansorganisationen finns inte.");
	}
	if (count != NULL)
		*count = db_u32(res, 0, 0);
	PQclear(res);
	return 0;
}

/* MSG_FRAGA_SEARCH → MSG_FRAGA_LIST: the questions with their options. */
int
fraga_search(struct session *s, uint32_t id, void *m)
{
	struct msg_fraga_search	*q = m;
	struct msg_fraga_list	 list;
	const struct fraga_code	*t = NULL;
	PGresult		*res = NULL, *alts = NULL;
	char			 samorg[16];
	const char		*params[3];
	uint32_t		 i;
	int			 rv;

	memset(&list, 0, sizeof list);
	if (q->datum[0] != '\0' && !date_valid(q->datum))
		return session_refuse(s, id, ERR_VALIDATION, "Datumet måste "
		    "skrivas ÅÅÅÅ-MM-DD.");
	if (q->mattillfalle != 0 && (t = fraga_code_by_value(fraga_tillfallen,
	    FRAGA_NCODES(fraga_tillfallen), q->mattillfalle)) == NULL)
		return session_refuse(s, id, ERR_VALIDATION, "Okänt "
		    "mättillfälle.");
	snprintf(samorg, sizeof samorg, "%u", q->samorg_id);
	if ((rv = fraga_samorg(s, id, samorg, 0, NULL)) != 0)
		return rv;
	params[0] = samorg;
	params[1] = q->datum[0] != '\0' ? q->datum : NULL;
	params[2] = t != NULL ? t->db : NULL;
	if ((res = db_exec(s, fraga_rows_sql, 3, params)) == NULL ||
	    (alts = db_exec(s, fraga_alts_sql, 1, params)) == NULL) {
		rv = db_refused(s, id);
		goto out;
	}
	list.nrows = (uint32_t)PQntuples(res);
	if (list.nrows > SUS_LIST_MAX)
		list.nrows = SUS_LIST_MAX;
	if (list.nrows > 0)
		list.rows = xcalloc(list.nrows, sizeof *list.rows);
	for (i = 0; i < list.nrows; i++)
		fraga_row_fill(&list.rows[i], q->samorg_id, res, (int)i, alts);
	if ((rv = session_reply(s, id, MSG_FRAGA_LIST, &list)) != 0)
		rv = session_refuse(s, id, ERR_INTERNAL, "Frågorna ryms inte i "
		    "ett svar.");
out:
	/* Strings belong to the results; only the arrays are ours. */
	for (i = 0; i < list.nrows; i++)
		free(list.rows[i].alternativ);
	free(list.rows);
	PQclear(res);
	PQclear(alts);
	return rv;
}

/* One stored option of a question being changed. */
struct fraga_old_alt {
	uint32_t	 id;
	char		*text;		/* as stored, then as updated */
	int		 answered;
	int		 kept;		/* sent again: not deleted */
	int		 pending;	/* a new text waits to be written */
	int		 gone;		/* deleted; if kept, written anew */
	const char	*want;		/* the text sent */
};

/* The stored options of a question, all loaded. */
struct fraga_old {
	struct fraga_old_alt	*alts;
	size_t			 n;
};

/* Frees the loaded options. */
static void
fraga_old_free(struct fraga_old *o)
{
	size_t	i;

	for (i = 0; i < o->n; i++)
		free(o->alts[i].text);
	free(o->alts);
	memset(o, 0, sizeof *o);
}

/* Loads and locks a question's options; 0 or what the handler returns. */
static int
fraga_old_load(struct session *s, uint32_t id, const char *fid,
    struct fraga_old *o)
{
	PGresult	*res;
	const char	*params[1];
	size_t		 i;

	memset(o, 0, sizeof *o);
	params[0] = fid;
	if ((res = db_exec(s, "SELECT a.id, a.text, EXISTS (SELECT 1"
	    " FROM fraga_svar s WHERE s.alternativ_id = a.id)"
	    " FROM fraga_alternativ a WHERE a.fraga_id = $1::bigint"
	    " ORDER BY a.ordning, a.id FOR UPDATE OF a", 1, params)) == NULL)
		return db_refused(s, id);
	o->n = (size_t)PQntuples(res);
	if (o->n > 0)
		o->alts = xcalloc(o->n, sizeof *o->alts);
	for (i = 0; i < o->n; i++) {
		o->alts[i].id = db_u32(res, (int)i, 0);
		o->alts[i].text = xstrdup(PQgetvalue(res, (int)i, 1));
		o->alts[i].answered = PQgetvalue(res, (int)i, 2)[0] == 't';
	}
	PQclear(res);
	return 0;
}

/* The stored option with an id, NULL if the question has none. */
static struct fraga_old_alt *
fraga_old_find(struct fraga_old *o, uint32_t alt_id)
{
	size_t	i;

	for (i = 0; i < o->n; i++) {
		if (o->alts[i].id == alt_id)
			return &o->alts[i];
	}
	return NULL;
}

/*
 * Matches the options sent with those stored: every id sent must be one
 * of the question's, and an option that has been chosen in an answer may
 * be neither renamed nor left out (rule 44, SU018). Checks blocked words
 * in new and changed texts. Returns 0, or what the handler returns.
 */
static int
fraga_alts_match(struct session *s, uint32_t id, const struct msg_fraga *q,
    struct fraga_old *o)
{
	struct fraga_old_alt	*a;
	uint32_t		 i;
	int			 rv;

	for (i = 0; i < q->nalternativ; i++) {
		a = NULL;
		if (q->alternativ[i].id != 0 &&
		    (a = fraga_old_find(o, q->alternativ[i].id)) == NULL)
			return session_refuse(s, id, ERR_NOT_FOUND,
			    "Svarsalternativet \"%s\" hör inte till frågan. "
			    "Hämta frågan igen.", q->alternativ[i].text);
		if (a != NULL) {
			a->kept = 1;
			a->want = q->alternativ[i].text;
			a->pending = strcmp(a->text, a->want) != 0;
			if (a->pending && a->answered)
				return session_refuse(s, id, ERR_VALIDATION,
				    "Svarsalternativet \"%s\" har valts i svar "
				    "och kan inte ändras.", a->text);
		}
		if ((rv = fraga_check_sparrord(s, id, q->alternativ[i].text,
		    a != NULL ? a->text : NULL, 1)) != 0)
			return rv;
	}
	for (i = 0; i < o->n; i++) {
		if (!o->alts[i].kept && o->alts[i].answered)
			return session_refuse(s, id, ERR_VALIDATION,
			    "Svarsalternativet \"%s\" har valts i svar och kan "
			    "inte tas bort.", o->alts[i].text);
	}
	return 0;
}

/* Reports whether another stored option now holds text. */
static int
fraga_old_holds(const struct fraga_old *o, const struct fraga_old_alt *self,
    const char *text)
{
	size_t	i;

	for (i = 0; i < o->n; i++) {
		if (&o->alts[i] != self && !o->alts[i].gone &&
		    strcmp(o->alts[i].text, text) == 0)
			return 1;
	}
	return 0;
}

/*
 * Writes the new texts of kept options. Texts are unique per question
 * and checked at once, so a text goes only where no other option still
 * holds it; options renamed in a ring (A's text to B, B's to A) are
 * written anew instead, which their unanswered state allows.
 */
static int
fraga_alts_rename(struct session *s, uint32_t id, struct fraga_old *o)
{
	struct fraga_old_alt	*a;
	char			 aid[16];
	const char		*params[2];
	size_t			 i;
	int			 progress = 1;

	while (progress) {
		progress = 0;
		for (i = 0; i < o->n; i++) {
			a = &o->alts[i];
			if (!a->pending || fraga_old_holds(o, a, a->want))
				continue;
			snprintf(aid, sizeof aid, "%u", a->id);
			params[0] = aid;
			params[1] = a->want;
			if (db_exec_cmd(s, "UPDATE fraga_alternativ SET text = $2"
			    " WHERE id = $1::bigint", 2, params) != 0)
				return db_refused(s, id);
			free(a->text);
			a->text = xstrdup(a->want);
			a->pending = 0;
			progress = 1;
		}
	}
	for (i = 0; i < o->n; i++) {
		a = &o->alts[i];
		if (!a->pending)
			continue;
		snprintf(aid, sizeof aid, "%u", a->id);
		params[0] = aid;
		if (db_exec_cmd(s, "DELETE FROM fraga_alternativ"
		    " WHERE id = $1::bigint", 1, params) != 0)
			return db_refused(s, id);
		a->gone = 1;
	}
	return 0;
}

/*
 * Puts the options of a question as sent: left-out ones deleted, kept
 * ones renamed and renumbered, new ones (id 0) added, all numbered in
 * the order sent. Returns 0, or what the handler returns.
 */
static int
fraga_alts_write(struct session *s, uint32_t id, const char *fid,
    const struct msg_fraga *q, struct fraga_old *o)
{
	struct fraga_old_alt	*a;
	char			 aid[16], ord[16];
	const char		*params[3];
	uint32_t		 i;
	int			 rv;

	for (i = 0; i < o->n; i++) {
		if (o->alts[i].kept)
			continue;
		snprintf(aid, sizeof aid, "%u", o->alts[i].id);
		params[0] = aid;
		if (db_exec_cmd(s, "DELETE FROM fraga_alternativ"
		    " WHERE id = $1::bigint", 1, params) != 0)
			return db_refused(s, id);
		o->alts[i].gone = 1;
	}
	if ((rv = fraga_alts_rename(s, id, o)) != 0)
		return rv;
	for (i = 0; i < q->nalternativ; i++) {
		a = q->alternativ[i].id != 0 ?
		    fraga_old_find(o, q->alternativ[i].id) : NULL;
		snprintf(ord, sizeof ord, "%u", i + 1);
		if (a != NULL && !a->gone) {
			snprintf(aid, sizeof aid, "%u", a->id);
			params[0] = aid;
			params[1] = ord;
			rv = db_exec_cmd(s, "UPDATE fraga_alternativ"
			    " SET ordning = $2::integer WHERE id = $1::bigint"
			    " AND ordning <> $2::integer", 2, params);
		} else {
			params[0] = fid;
			params[1] = q->alternativ[i].text;
			params[2] = ord;
			rv = db_exec_cmd(s, "INSERT INTO fraga_alternativ"
			    " (fraga_id, text, ordning)"
			    " VALUES ($1::bigint, $2, $3::integer)", 3, params);
		}
		if (rv != 0)
			return db_refused(s, id);
	}
	return 0;
}

/*
 * Points params[1..6] at the question's values as fraga's INSERT and
 * UPDATE take them ($2 namn .. $7 obligatorisk); obl holds the flag.
 */
static void
fraga_params(const struct msg_fraga *q, const char **params, char obl[2])
{
	obl[0] = q->obligatorisk ? 't' : 'f';
	obl[1] = '\0';
	params[1] = q->namn;
	params[2] = q->giltig_from;
	params[3] = q->giltig_tom[0] != '\0' ? q->giltig_tom : NULL;
	params[4] = fraga_code_by_value(fraga_tillfallen,
	    FRAGA_NCODES(fraga_tillfallen), q->mattillfalle)->db;
	params[5] = fraga_code_by_value(fraga_svarstyper,
	    FRAGA_NCODES(fraga_svarstyper), q->svarstyp)->db;
	params[6] = obl;
}

/* Creates a question at the end of the order; its id goes to *fid. */
static int
fraga_insert(struct session *s, uint32_t id, const struct msg_fraga *q,
    uint32_t *fid)
{
	PGresult	*res;
	char		 samorg[16], obl[2];
	const char	*params[7];
	uint32_t	 count, i;
	int		 rv;

	snprintf(samorg, sizeof samorg, "%u", q->samorg_id);
	if ((rv = fraga_samorg(s, id, samorg, 1, &count)) != 0)
		return rv;
	if (count >= FRAGA_PER_SAMORG)
		return session_refuse(s, id, ERR_VALIDATION, "En "
		    "samverkansorganisation kan ha högst %d kompletterande "
		    "frågor. Ta bort eller återanvänd en fråga som inte "
		    "behövs.", FRAGA_PER_SAMORG);
	for (i = 0; i < q->nalternativ; i++) {
		if (q->alternativ[i].id != 0)
			return session_refuse(s, id, ERR_NOT_FOUND,
			    "Svarsalternativet \"%s\" hör inte till frågan.",
			    q->alternativ[i].text);
	}
	params[0] = samorg;
	fraga_params(q, params, obl);
	if ((res = db_exec(s, "INSERT INTO fraga (samverkansorg_id, namn,"
	    " giltig_from, giltig_tom, mattillfalle, svarstyp, obligatorisk,"
	    " ordning) VALUES ($1::bigint, $2, $3::date, $4::date, $5, $6,"
	    " $7::boolean, coalesce((SELECT max(ordning) FROM fraga"
	    " WHERE samverkansorg_id = $1::bigint), 0) + 1) RETURNING id",
	    7, params)) == NULL)
		return db_refused(s, id);
	*fid = db_u32(res, 0, 0);
	PQclear(res);
	return 0;
}

/*
 * Changes a question of the organisation named in the request. One that
 * has been answered keeps its answer type and its chosen options, but may
 * be renamed, given other dates (closed) and new options.
 */
static int
fraga_update(struct session *s, uint32_t id, const struct msg_fraga *q,
    const char *fid, struct fraga_old *o)
{
	PGresult	*res;
	char		 obl[2], old_namn[1024];
	const char	*params[7];
	uint32_t	 owner;
	int		 answered, same_type, rv;

	params[0] = fid;
	params[1] = fraga_code_by_value(fraga_svarstyper,
	    FRAGA_NCODES(fraga_svarstyper), q->svarstyp)->db;
	if ((res = db_exec(s, "SELECT f.samverkansorg_id, f.svarstyp = $2,"
	    " EXISTS (SELECT 1 FROM fraga_svar s WHERE s.fraga_id = f.id),"
	    " f.namn FROM fraga f WHERE f.id = $1::bigint FOR UPDATE",
	    2, params)) == NULL)
		return db_refused(s, id);
	owner = PQntuples(res) > 0 ? db_u32(res, 0, 0) : 0;
	if (owner == 0 || owner != q->samorg_id) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND, "Frågan finns inte i "
		    "samverkansorganisationen. Hämta listan igen.");
	}
	same_type = PQgetvalue(res, 0, 1)[0] == 't';
	answered = PQgetvalue(res, 0, 2)[0] == 't';
	strlcpy(old_namn, PQgetvalue(res, 0, 3), sizeof old_namn);
	PQclear(res);
	if (answered && !same_type)
		return session_refuse(s, id, ERR_VALIDATION, "Frågan har "
		    "besvarats och kan inte byta svarstyp. Avsluta den genom "
		    "att sätta giltig till, och registrera en ny fråga.");
	if ((rv = fraga_check_sparrord(s, id, q->namn, old_namn, 0)) != 0)
		return rv;
	if ((rv = fraga_old_load(s, id, fid, o)) != 0 ||
	    (rv = fraga_alts_match(s, id, q, o)) != 0)
		return rv;
	fraga_params(q, params, obl);
	if (db_exec_cmd(s, "UPDATE fraga SET namn = $2, giltig_from = $3::date,"
	    " giltig_tom = $4::date, mattillfalle = $5, svarstyp = $6,"
	    " obligatorisk = $7::boolean WHERE id = $1::bigint", 7,
	    params) != 0)
		return db_refused(s, id);
	return 0;
}

/* MSG_FRAGA_SAVE → MSG_OK with the question's id: id 0 creates. */
int
fraga_save(struct session *s, uint32_t id, void *m)
{
	struct msg_fraga	*q = m;
	struct fraga_old	 old;
	struct msg_ok		 ok;
	char			 why[512], fid[16];
	uint32_t		 i, new_id = q->id;
	int			 rv;

	memset(&old, 0, sizeof old);
	if (fraga_invalid(q, why, sizeof why))
		return session_refuse(s, id, ERR_VALIDATION, "%s", why);
	if (q->id == 0) {
		if ((rv = fraga_check_sparrord(s, id, q->namn, NULL, 0)) != 0)
			return rv;
		for (i = 0; i < q->nalternativ; i++) {
			if ((rv = fraga_check_sparrord(s, id,
			    q->alternativ[i].text, NULL, 1)) != 0)
				return rv;
		}
		if ((rv = fraga_insert(s, id, q, &new_id)) != 0)
			return rv;
		snprintf(fid, sizeof fid, "%u", new_id);
	} else {
		snprintf(fid, sizeof fid, "%u", q->id);
		if ((rv = fraga_update(s, id, q, fid, &old)) != 0)
			goto out;
	}
	if ((rv = fraga_alts_write(s, id, fid, q, &old)) != 0)
		goto out;
	/* The option count is checked at commit; ask now, to answer it. */
	if (db_exec_cmd(s, "SET CONSTRAINTS fraga_alternativ_count IMMEDIATE",
	    0, NULL) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	ok.id = new_id;
	ok.message = q->id == 0 ? "Frågan är registrerad." :
	    "Frågan är sparad.";
	rv = session_reply(s, id, MSG_OK, &ok);
out:
	fraga_old_free(&old);
	return rv;
}

/* MSG_FRAGA_DELETE: a question nobody has answered; others are closed. */
int
fraga_delete(struct session *s, uint32_t id, void *m)
{
	struct msg_fraga_delete	*q = m;
	struct msg_ok		 ok;
	PGresult		*res;
	char			 fid[16];
	const char		*params[1];
	uint32_t		 owner;
	int			 answered;

	snprintf(fid, sizeof fid, "%u", q->fraga_id);
	params[0] = fid;
	if ((res = db_exec(s, "SELECT f.samverkansorg_id, EXISTS (SELECT 1"
	    " FROM fraga_svar s WHERE s.fraga_id = f.id) FROM fraga f"
	    " WHERE f.id = $1::bigint FOR UPDATE", 1, params)) == NULL)
		return db_refused(s, id);
	owner = PQntuples(res) > 0 ? db_u32(res, 0, 0) : 0;
	answered = owner != 0 && PQgetvalue(res, 0, 1)[0] == 't';
	PQclear(res);
	if (owner == 0 || owner != q->samorg_id)
		return session_refuse(s, id, ERR_NOT_FOUND, "Frågan finns inte i "
		    "samverkansorganisationen. Hämta listan igen.");
	if (answered)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_samorg_db_message("SU015"));
	if (db_exec_cmd(s, "DELETE FROM fraga WHERE id = $1::bigint", 1,
	    params) != 0)
		return db_refused(s, id);
	ok.id = q->fraga_id;
	ok.message = "Frågan är borttagen.";
	return session_reply(s, id, MSG_OK, &ok);
}

/*
 * Checks a new order against the organisation's questions: each exactly
 * once, none of another's. Returns 0, or what the handler returns.
 */
static int
fraga_order_check(struct session *s, uint32_t id,
    const struct msg_fraga_order *q, PGresult *res)
{
	uint32_t	i, j, n = (uint32_t)PQntuples(res);

	for (i = 0; i < q->nids; i++) {
		for (j = 0; j < i; j++) {
			if (q->ids[j].id == q->ids[i].id)
				return session_refuse(s, id, ERR_VALIDATION,
				    "En fråga står två gånger i den nya "
				    "ordningen.");
		}
		for (j = 0; j < n; j++) {
			if (db_u32(res, (int)j, 0) == q->ids[i].id)
				break;
		}
		if (j == n)
			return session_refuse(s, id, ERR_NOT_FOUND, "En fråga i "
			    "den nya ordningen hör inte till "
			    "samverkansorganisationen. Hämta listan igen.");
	}
	if (q->nids != n)
		return session_refuse(s, id, ERR_CONFLICT, "Den nya ordningen "
		    "saknar %u av samverkansorganisationens frågor. Hämta "
		    "listan igen och ändra ordningen på nytt.", n - q->nids);
	return 0;
}

/* MSG_FRAGA_ORDER: every question of the organisation, in the new order. */
int
fraga_order(struct session *s, uint32_t id, void *m)
{
	struct msg_fraga_order	*q = m;
	struct msg_ok		 ok;
	PGresult		*res;
	char			 samorg[16], fid[16], ord[16];
	const char		*params[2];
	uint32_t		 i;
	int			 rv;

	snprintf(samorg, sizeof samorg, "%u", q->samorg_id);
	if ((rv = fraga_samorg(s, id, samorg, 1, NULL)) != 0)
		return rv;
	params[0] = samorg;
	if ((res = db_exec(s, "SELECT id FROM fraga"
	    " WHERE samverkansorg_id = $1::bigint FOR UPDATE", 1,
	    params)) == NULL)
		return db_refused(s, id);
	rv = fraga_order_check(s, id, q, res);
	PQclear(res);
	if (rv != 0)
		return rv;
	for (i = 0; i < q->nids; i++) {
		snprintf(fid, sizeof fid, "%u", q->ids[i].id);
		snprintf(ord, sizeof ord, "%u", i + 1);
		params[0] = fid;
		params[1] = ord;
		if (db_exec_cmd(s, "UPDATE fraga SET ordning = $2::integer"
		    " WHERE id = $1::bigint AND ordning <> $2::integer", 2,
		    params) != 0)
			return db_refused(s, id);
	}
	ok.id = 0;
	ok.message = "Presentationsordningen är sparad.";
	return session_reply(s, id, MSG_OK, &ok);
}
