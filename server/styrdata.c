/*
 * Styrdata (domain.md 3): the code lists and the organisations register,
 * kept by the superadministratör. Every list is a table, none is written
 * into a program: the lists of kodlista and kod (schema 0006) may be
 * changed here, samverkansform and lan are tables of their own (schema
 * 0002) shown read-only beside them. Fixed codes, parents and names are
 * guarded by triggers too; the checks here come first so the refusal
 * names the list, the code and what to do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/* Longest code name and organisation name, in characters (schema 0006). */
#define STYRDATA_NAMN_MAX	100
/* Longest kod, in characters: A-Z, 0-9 and _ (schema 0006). */
#define STYRDATA_KOD_MAX	40
/* kod.ordning is a smallint. */
#define STYRDATA_ORDNING_MAX	32767
/* Room for a trimmed name: the decoder's own limit (common/msg.c). */
#define STYRDATA_TEXT_MAX	400

/*
 * Lists that are tables of their own: shown with the code lists so that
 * every drop-down reads from one cache, never changed here. Each query
 * gives the columns of a kod_row: id, kod, namn, ordning, aktiv.
 */
static const struct {
	const char	*namn;
	const char	*titel;
	const char	*beskrivning;
	const char	*sql;
} styrdata_tables[] = {
	{ "samverkansform", "Samverkansform",
	    "Egen tabell i SUS, ändras inte här. En stängd samverkansform "
	    "erbjuds inte för nya samverkansorganisationer.",
	    "SELECT id, kod, namn, id, aktiv FROM samverkansform"
	    " ORDER BY id" },
	{ "lan", "Län",
	    "SCB:s länskoder, egen tabell i SUS; ändras inte här.",
	    "SELECT lanskod::integer, lanskod::text, namn, 0, true FROM lan"
	    " ORDER BY namn COLLATE \"sv-SE-x-icu\"" },
};
#define STYRDATA_NTABLES \
	(sizeof styrdata_tables / sizeof styrdata_tables[0])

/* The lists of kodlista: $1 one list, or "" for all. */
static const char styrdata_lists_sql[] =
	"SELECT namn, titel, coalesce(beskrivning, ''),"
	" coalesce(overordnad, '') FROM kodlista"
	" WHERE $1 IN ('', namn) ORDER BY ordning, namn";

/* Their codes, in list order, then ordning, then name. */
static const char styrdata_codes_sql[] =
	"SELECT k.id, k.kod, k.namn, k.ordning, k.aktiv, k.lista, k.fast,"
	" coalesce(k.overordnad_id, 0)"
	" FROM kod k JOIN kodlista l ON l.namn = k.lista"
	" WHERE $1 IN ('', k.lista)"
	" ORDER BY l.ordning, k.lista, k.ordning,"
	" k.namn COLLATE \"sv-SE-x-icu\", k.id";

/* The table-backed list named namn, -1 if none. */
static int
styrdata_table(const char *namn)
{
	size_t	i;

	for (i = 0; i < STYRDATA_NTABLES; i++) {
		if (strcmp(styrdata_tables[i].namn, namn) == 0)
			return (int)i;
	}
	return -1;
}

/*
 * Copies in without leading and trailing spaces into out and reports
 * whether it is a name: 1 to max characters (the decoder has checked
 * the UTF-8), no control characters.
 */
static int
styrdata_name(const char *in, char *out, size_t len, int max)
{
	const unsigned char	*u;
	size_t			 n;
	int			 chars = 0;

	out[0] = '\0';
	while (*in == ' ')
		in++;
	n = strlen(in);
	while (n > 0 && in[n - 1] == ' ')
		n--;
	if (n >= len)
		return 0;
	memcpy(out, in, n);
	out[n] = '\0';
	for (u = (const unsigned char *)out; *u != '\0'; u++) {
		if (*u < 0x20 || *u == 0x7f)
			return 0;
		if ((*u & 0xc0) != 0x80)
			chars++;
	}
	return chars >= 1 && chars <= max;
}

/* Reports whether kod is 1-40 of A-Z, 0-9 and _. */
static int
styrdata_kod_ok(const char *kod)
{
	size_t	n = strlen(kod);

	return n >= 1 && n <= STYRDATA_KOD_MAX &&
	    strspn(kod, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == n;
}

/* Reports whether s is exactly n digits. */
static int
styrdata_digits(const char *s, size_t n)
{
	return strlen(s) == n && strspn(s, "0123456789") == n;
}

/* Runs a query that must work; NULL after answering the failure. */
static PGresult *
styrdata_query(struct session *s, uint32_t id, const char *sql, int n,
    const char *const *params, int *rv)
{
	PGresult	*res;

	if ((res = db_exec(s, sql, n, params)) == NULL)
		*rv = db_refused(s, id);
	return res;
}

/* Fills one kod_row from columns id, kod, namn, ordning, aktiv at col. */
static void
styrdata_row(struct kod_row *k, PGresult *res, int row, int col)
{
	k->id = db_u32(res, row, col);
	k->kod = PQgetvalue(res, row, col + 1);
	k->namn = PQgetvalue(res, row, col + 2);
	k->ordning = db_u32(res, row, col + 3);
	k->aktiv = PQgetvalue(res, row, col + 4)[0] == 't';
}

/* Appends the list of table t and its codes in res to the reply. */
static void
styrdata_table_add(struct msg_kod_list *list, size_t t, PGresult *res)
{
	struct kodlista_row	*l = &list->listor[list->nlistor++];
	struct kod_row		*k;
	int			 i;

	l->namn = (char *)styrdata_tables[t].namn;
	l->titel = (char *)styrdata_tables[t].titel;
	l->beskrivning = (char *)styrdata_tables[t].beskrivning;
	l->overordnad = (char *)"";
	l->editable = 0;
	for (i = 0; i < PQntuples(res); i++) {
		k = &list->rows[list->nrows++];
		styrdata_row(k, res, i, 0);
		k->lista = (char *)styrdata_tables[t].namn;
		k->fast = 1;
	}
}

/*
 * MSG_KOD_SEARCH → MSG_KOD_LIST: one list or all, with their codes, in
 * one reply; the client keeps it for every drop-down (client/kod.c).
 */
int
kod_search(struct session *s, uint32_t id, void *m)
{
	struct msg_kod_search	*q = m;
	struct msg_kod_list	 list;
	PGresult		*lists = NULL, *codes = NULL;
	PGresult		*tables[STYRDATA_NTABLES];
	struct kodlista_row	*l;
	struct kod_row		*k;
	const char		*params[1];
	size_t			 t, nlistor, nrows;
	int			 i, rv = 0;

	memset(&list, 0, sizeof list);
	memset(tables, 0, sizeof tables);
	params[0] = q->lista;
	if ((lists = styrdata_query(s, id, styrdata_lists_sql, 1, params,
	    &rv)) == NULL || (codes = styrdata_query(s, id,
	    styrdata_codes_sql, 1, params, &rv)) == NULL)
		goto out;
	nlistor = (size_t)PQntuples(lists);
	nrows = (size_t)PQntuples(codes);
	for (t = 0; t < STYRDATA_NTABLES; t++) {
		if (*q->lista != '\0' &&
		    strcmp(q->lista, styrdata_tables[t].namn) != 0)
			continue;
		if ((tables[t] = styrdata_query(s, id, styrdata_tables[t].sql,
		    0, NULL, &rv)) == NULL)
			goto out;
		nlistor++;
		nrows += (size_t)PQntuples(tables[t]);
	}
	if (nlistor == 0) {
		rv = session_error(s, id, ERR_NOT_FOUND,
		    "Kodlistan \"%s\" finns inte.", q->lista);
		goto out;
	}
	list.listor = xcalloc(nlistor, sizeof *list.listor);
	list.rows = xcalloc(nrows > 0 ? nrows : 1, sizeof *list.rows);
	for (i = 0; i < PQntuples(lists); i++) {
		l = &list.listor[list.nlistor++];
		l->namn = PQgetvalue(lists, i, 0);
		l->titel = PQgetvalue(lists, i, 1);
		l->beskrivning = PQgetvalue(lists, i, 2);
		l->overordnad = PQgetvalue(lists, i, 3);
		l->editable = 1;
	}
	for (i = 0; i < PQntuples(codes); i++) {
		k = &list.rows[list.nrows++];
		styrdata_row(k, codes, i, 0);
		k->lista = PQgetvalue(codes, i, 5);
		k->fast = PQgetvalue(codes, i, 6)[0] == 't';
		k->overordnad_id = db_u32(codes, i, 7);
	}
	for (t = 0; t < STYRDATA_NTABLES; t++) {
		if (tables[t] != NULL)
			styrdata_table_add(&list, t, tables[t]);
	}
	rv = session_reply(s, id, MSG_KOD_LIST, &list);
out:
	/* Strings belong to the results and the table; only arrays are ours. */
	free(list.listor);
	free(list.rows);
	PQclear(lists);
	PQclear(codes);
	for (t = 0; t < STYRDATA_NTABLES; t++)
		PQclear(tables[t]);
	return rv;
}

/* What kod_save needs of a list: its title and its parent's. */
struct styrdata_lista {
	char		 titel[STYRDATA_TEXT_MAX + 1];
	char		 overordnad[64];	/* parent list, "" if none */
	char		 overordnad_titel[STYRDATA_TEXT_MAX + 1];
};

/* What kod_save needs of the code as stored. */
struct styrdata_kod {
	char		 lista[64];
	char		 kod[STYRDATA_KOD_MAX + 1];
	char		 namn[STYRDATA_TEXT_MAX + 1];
	int		 aktiv;
	int		 fast;
	uint32_t	 overordnad_id;
};

/* Reads the list a code is saved in; 0, or what the handler returns. */
static int
kod_save_lista(struct session *s, uint32_t id, const char *namn,
    struct styrdata_lista *l)
{
	PGresult	*res;
	const char	*params[1];
	int		 t, rv = 0;

	if ((t = styrdata_table(namn)) != -1)
		return session_refuse(s, id, ERR_VALIDATION, "Listan %s är en "
		    "egen tabell i SUS och kan inte ändras här.",
		    styrdata_tables[t].titel);
	params[0] = namn;
	if ((res = styrdata_query(s, id, "SELECT l.titel,"
	    " coalesce(l.overordnad, ''), coalesce(p.titel, '')"
	    " FROM kodlista l LEFT JOIN kodlista p ON p.namn = l.overordnad"
	    " WHERE l.namn = $1", 1, params, &rv)) == NULL)
		return rv;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Kodlistan \"%s\" finns inte.", namn);
	}
	strlcpy(l->titel, PQgetvalue(res, 0, 0), sizeof l->titel);
	strlcpy(l->overordnad, PQgetvalue(res, 0, 1), sizeof l->overordnad);
	strlcpy(l->overordnad_titel, PQgetvalue(res, 0, 2),
	    sizeof l->overordnad_titel);
	PQclear(res);
	return 0;
}

/* Reads and locks the code being changed; 0, or what the handler returns. */
static int
kod_save_old(struct session *s, uint32_t id, const char *kod_id,
    struct styrdata_kod *o)
{
	PGresult	*res;
	const char	*params[1];
	int		 rv = 0;

	params[0] = kod_id;
	if ((res = styrdata_query(s, id, "SELECT lista, kod, namn, aktiv,"
	    " fast, coalesce(overordnad_id, 0) FROM kod"
	    " WHERE id = $1::integer FOR UPDATE", 1, params, &rv)) == NULL)
		return rv;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Koden finns inte längre. Hämta listan igen.");
	}
	strlcpy(o->lista, PQgetvalue(res, 0, 0), sizeof o->lista);
	strlcpy(o->kod, PQgetvalue(res, 0, 1), sizeof o->kod);
	strlcpy(o->namn, PQgetvalue(res, 0, 2), sizeof o->namn);
	o->aktiv = PQgetvalue(res, 0, 3)[0] == 't';
	o->fast = PQgetvalue(res, 0, 4)[0] == 't';
	o->overordnad_id = db_u32(res, 0, 5);
	PQclear(res);
	return 0;
}

/*
 * Checks the parent code: required in a list with a parent list, from
 * that list, and active when newly chosen. 0, or what the handler
 * returns.
 */
static int
kod_save_parent(struct session *s, uint32_t id, const struct kod_row *k,
    const struct styrdata_lista *l, uint32_t old_parent)
{
	PGresult	*res;
	char		 pid[16];
	const char	*params[2];
	int		 found, aktiv, rv = 0;

	if (*l->overordnad == '\0') {
		if (k->overordnad_id == 0)
			return 0;
		return session_refuse(s, id, ERR_VALIDATION, "Koderna i "
		    "listan %s har ingen överordnad kod.", l->titel);
	}
	if (k->overordnad_id == 0)
		return session_refuse(s, id, ERR_VALIDATION, "Välj den "
		    "överordnade koden ur listan %s.", l->overordnad_titel);
	snprintf(pid, sizeof pid, "%u", k->overordnad_id);
	params[0] = pid;
	params[1] = l->overordnad;
	if ((res = styrdata_query(s, id, "SELECT aktiv FROM kod"
	    " WHERE id = $1::integer AND lista = $2", 2, params, &rv)) == NULL)
		return rv;
	found = PQntuples(res) == 1;
	aktiv = found && PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	if (!found)
		return session_refuse(s, id, ERR_VALIDATION, "Den överordnade "
		    "koden måste vara en kod i listan %s.",
		    l->overordnad_titel);
	if (!aktiv && k->overordnad_id != old_parent)
		return session_refuse(s, id, ERR_VALIDATION, "Den överordnade "
		    "koden är inaktiv och kan inte väljas.");
	return 0;
}

/* Refuses a kod or name already in the list; 0, or the handler's result. */
static int
kod_save_unique(struct session *s, uint32_t id, const struct kod_row *k,
    const char *namn, const struct styrdata_lista *l)
{
	PGresult	*res;
	char		 kid[16];
	const char	*params[4];
	int		 rv = 0;

	snprintf(kid, sizeof kid, "%u", k->id);
	params[0] = k->lista;
	params[1] = kid;
	params[2] = k->kod;
	params[3] = namn;
	if ((res = styrdata_query(s, id, "SELECT kod = $3, namn FROM kod"
	    " WHERE lista = $1 AND id <> $2::integer"
	    " AND (kod = $3 OR lower(namn) = lower($4)) ORDER BY 1 DESC"
	    " LIMIT 1", 4, params, &rv)) == NULL)
		return rv;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return 0;
	}
	if (PQgetvalue(res, 0, 0)[0] == 't')
		rv = session_refuse(s, id, ERR_CONFLICT, "Koden %s finns "
		    "redan i listan %s.", k->kod, l->titel);
	else
		rv = session_refuse(s, id, ERR_CONFLICT, "Namnet \"%s\" finns "
		    "redan i listan %s (som \"%s\").", namn, l->titel,
		    PQgetvalue(res, 0, 1));
	PQclear(res);
	return rv;
}

/* Checks the fields of a code on their own; 0, or the handler's result. */
static int
kod_save_fields(struct session *s, uint32_t id, const struct kod_row *k,
    const char *namn, int namn_ok)
{
	if (!styrdata_kod_ok(k->kod))
		return session_refuse(s, id, ERR_VALIDATION, "Koden får bara "
		    "ha A–Z (utan å, ä och ö), 0–9 och _, högst %d tecken.",
		    STYRDATA_KOD_MAX);
	if (!namn_ok)
		return session_refuse(s, id, ERR_VALIDATION, "Namnet ska ha "
		    "1–%d tecken, utan tabbar och radbrytningar.",
		    STYRDATA_NAMN_MAX);
	if (k->ordning > STYRDATA_ORDNING_MAX)
		return session_refuse(s, id, ERR_VALIDATION, "Ordning ska "
		    "vara ett heltal 0–%d.", STYRDATA_ORDNING_MAX);
	return 0;
}

/* Inserts or updates the code; 0, or what the handler returns. */
static int
kod_save_write(struct session *s, uint32_t id, const struct kod_row *k,
    const char *namn, const struct styrdata_lista *l, uint32_t *kod_id)
{
	PGresult	*res;
	char		 kid[16], ordning[16], parent[16];
	const char	*params[7];
	int		 rv = 0;

	snprintf(kid, sizeof kid, "%u", k->id);
	snprintf(ordning, sizeof ordning, "%u", k->ordning);
	snprintf(parent, sizeof parent, "%u", k->overordnad_id);
	params[0] = kid;
	params[1] = k->lista;
	params[2] = k->kod;
	params[3] = namn;
	params[4] = ordning;
	params[5] = k->aktiv ? "true" : "false";
	params[6] = parent;
	/* The list's parent comes from kodlista: $7 alone says nothing. */
	if ((res = styrdata_query(s, id, k->id == 0 ?
	    "INSERT INTO kod (lista, kod, namn, ordning, aktiv,"
	    " overordnad_lista, overordnad_id)"
	    " SELECT $2, $3, $4, $5::smallint, $6::boolean, l.overordnad,"
	    " nullif($7, '0')::integer FROM kodlista l WHERE l.namn = $2"
	    " AND $1 = '0' RETURNING id" :
	    "UPDATE kod k SET kod = $3, namn = $4, ordning = $5::smallint,"
	    " aktiv = $6::boolean, overordnad_lista = l.overordnad,"
	    " overordnad_id = nullif($7, '0')::integer FROM kodlista l"
	    " WHERE k.id = $1::integer AND l.namn = $2 RETURNING k.id",
	    7, params, &rv)) == NULL)
		return rv;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND, "Koden i listan "
		    "%s kunde inte sparas: den finns inte längre.", l->titel);
	}
	*kod_id = db_u32(res, 0, 0);
	PQclear(res);
	return 0;
}

/*
 * MSG_KOD_SAVE → MSG_OK{id}: a new code (id 0) or a changed one. A fixed
 * code keeps its kod, name, list and parent and stays active; only its
 * ordning may change. Renaming an organisationstyp renames it on every
 * organisation (ON UPDATE CASCADE).
 */
int
kod_save(struct session *s, uint32_t id, void *m)
{
	struct kod_row		*k = m;
	struct styrdata_lista	 l;
	struct styrdata_kod	 old;
	struct msg_ok		 ok;
	char			 namn[STYRDATA_TEXT_MAX + 1], kid[16];
	char			 text[SUS_MESSAGE_MAX];
	uint32_t		 kod_id = 0;
	int			 namn_ok, rv;

	memset(&old, 0, sizeof old);
	namn_ok = styrdata_name(k->namn, namn, sizeof namn,
	    STYRDATA_NAMN_MAX);
	if ((rv = kod_save_lista(s, id, k->lista, &l)) != 0)
		return rv;
	if (k->id != 0) {
		snprintf(kid, sizeof kid, "%u", k->id);
		if ((rv = kod_save_old(s, id, kid, &old)) != 0)
			return rv;
		if (strcmp(old.lista, k->lista) != 0)
			return session_refuse(s, id, ERR_VALIDATION, "En kod "
			    "kan inte flyttas till en annan lista.");
		if (old.fast && (strcmp(old.kod, k->kod) != 0 ||
		    strcmp(old.namn, namn) != 0 || !k->aktiv ||
		    old.overordnad_id != k->overordnad_id))
			return session_refuse(s, id, ERR_VALIDATION, "%s",
			    rule_samorg_db_message("SU016"));
	}
	if ((rv = kod_save_fields(s, id, k, namn, namn_ok)) != 0 ||
	    (rv = kod_save_parent(s, id, k, &l, old.overordnad_id)) != 0 ||
	    (rv = kod_save_unique(s, id, k, namn, &l)) != 0 ||
	    (rv = kod_save_write(s, id, k, namn, &l, &kod_id)) != 0)
		return rv;
	snprintf(text, sizeof text, "Koden %s (%s) är %s.", k->kod, namn,
	    k->id == 0 ? "tillagd" : "sparad");
	memset(&ok, 0, sizeof ok);
	ok.id = kod_id;
	ok.message = text;
	return session_reply(s, id, MSG_OK, &ok);
}

/* An organisation as saved: the checked values, ready as parameters. */
struct styrdata_org {
	char		 id[16];
	char		 namn[STYRDATA_TEXT_MAX + 1];
	char		 typ[STYRDATA_TEXT_MAX + 1];
	char		 kommunkod[8];	/* "" = none */
	char		 lanskod[8];	/* "" = none; the kommun's if empty */
	char		 old_typ[STYRDATA_TEXT_MAX + 1];	/* "" if new */
};

/* Checks the organisationstyp against its code list; 0 or the result. */
static int
org_save_typ(struct session *s, uint32_t id, const struct styrdata_org *o)
{
	PGresult	*res;
	const char	*params[1];
	int		 found, aktiv, rv = 0;

	params[0] = o->typ;
	if ((res = styrdata_query(s, id, "SELECT aktiv FROM kod"
	    " WHERE lista = 'organisationstyp' AND namn = $1", 1, params,
	    &rv)) == NULL)
		return rv;
	found = PQntuples(res) == 1;
	aktiv = found && PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	if (!found)
		return session_refuse(s, id, ERR_VALIDATION, "Organisations"
		    "typen \"%s\" finns inte i kodlistan Organisationstyp.",
		    o->typ);
	/* A type closed since keeps its organisations; none join it. */
	if (!aktiv && strcmp(o->typ, o->old_typ) != 0)
		return session_refuse(s, id, ERR_VALIDATION, "Organisations"
		    "typen %s är inaktiv och kan inte väljas.", o->typ);
	return 0;
}

/*
 * Checks kommun and län: each optional, each existing, the kommun in the
 * län; a kommun without a län gets its own. 0, or the handler's result.
 */
static int
org_save_place(struct session *s, uint32_t id, struct styrdata_org *o)
{
	PGresult	*res;
	const char	*params[2];
	int		 rv = 0;

	if (*o->lanskod != '\0' && !styrdata_digits(o->lanskod, 2))
		return session_refuse(s, id, ERR_VALIDATION, "Länskoden ska "
		    "vara två siffror, t.ex. 14.");
	if (*o->kommunkod != '\0' && !styrdata_digits(o->kommunkod, 4))
		return session_refuse(s, id, ERR_VALIDATION, "Kommunkoden "
		    "ska vara fyra siffror, t.ex. 1480.");
	params[0] = o->lanskod;
	params[1] = o->kommunkod;
	if ((res = styrdata_query(s, id, "SELECT"
	    " (SELECT namn FROM lan WHERE lanskod = $1),"
	    " k.namn, k.lanskod, kl.namn FROM (SELECT 1) AS one"
	    " LEFT JOIN kommun k ON k.kommunkod = $2"
	    " LEFT JOIN lan kl ON kl.lanskod = k.lanskod", 2, params,
	    &rv)) == NULL)
		return rv;
	if (*o->lanskod != '\0' && PQgetisnull(res, 0, 0))
		rv = session_refuse(s, id, ERR_VALIDATION, "Det finns inget "
		    "län med koden %s.", o->lanskod);
	else if (*o->kommunkod != '\0' && PQgetisnull(res, 0, 1))
		rv = session_refuse(s, id, ERR_VALIDATION, "Det finns ingen "
		    "kommun med koden %s.", o->kommunkod);
	else if (*o->kommunkod != '\0' && *o->lanskod != '\0' &&
	    strcmp(PQgetvalue(res, 0, 2), o->lanskod) != 0)
		rv = session_refuse(s, id, ERR_VALIDATION, "Kommunen %s (%s) "
		    "ligger i %s, inte i %s.", PQgetvalue(res, 0, 1),
		    o->kommunkod, PQgetvalue(res, 0, 3),
		    PQgetvalue(res, 0, 0));
	else if (*o->kommunkod != '\0')
		strlcpy(o->lanskod, PQgetvalue(res, 0, 2), sizeof o->lanskod);
	PQclear(res);
	return rv;
}

/* Refuses a name another organisation has; 0, or the handler's result. */
static int
org_save_unique(struct session *s, uint32_t id, const struct styrdata_org *o)
{
	PGresult	*res;
	const char	*params[2];
	int		 rv = 0;

	params[0] = o->id;
	params[1] = o->namn;
	if ((res = styrdata_query(s, id, "SELECT namn FROM organisation"
	    " WHERE id <> $1::integer AND lower(namn) = lower($2) LIMIT 1",
	    2, params, &rv)) == NULL)
		return rv;
	if (PQntuples(res) > 0)
		rv = session_refuse(s, id, ERR_CONFLICT, "Det finns redan en "
		    "organisation som heter \"%s\".", PQgetvalue(res, 0, 0));
	PQclear(res);
	return rv;
}

/*
 * Writes the organisation, then holds its employees to the rules of
 * 4.2 under the new type (rule 18 forbids a förbund's employee to be
 * deltagaransvarig). 0, or what the handler returns.
 */
static int
org_save_write(struct session *s, uint32_t id, const struct styrdata_org *o,
    uint8_t aktiv, uint32_t *org_id)
{
	PGresult	*res;
	char		 oid[16];
	const char	*params[6];
	int		 rv = 0;

	params[0] = o->id;
	params[1] = o->namn;
	params[2] = o->typ;
	params[3] = o->kommunkod;
	params[4] = o->lanskod;
	params[5] = aktiv ? "true" : "false";
	if ((res = styrdata_query(s, id, strcmp(o->id, "0") == 0 ?
	    "INSERT INTO organisation (namn, organisationstyp, kommunkod,"
	    " lanskod, aktiv) SELECT $2, $3, nullif($4, ''), nullif($5, ''),"
	    " $6::boolean WHERE $1 = '0' RETURNING id" :
	    "UPDATE organisation SET namn = $2, organisationstyp = $3,"
	    " kommunkod = nullif($4, ''), lanskod = nullif($5, ''),"
	    " aktiv = $6::boolean WHERE id = $1::integer RETURNING id",
	    6, params, &rv)) == NULL)
		return rv;
	*org_id = PQntuples(res) == 1 ? db_u32(res, 0, 0) : 0;
	PQclear(res);
	if (*org_id == 0)
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Organisationen finns inte längre.");
	if (strcmp(o->typ, o->old_typ) == 0)
		return 0;
	snprintf(oid, sizeof oid, "%u", *org_id);
	params[0] = oid;
	res = db_exec(s, "SELECT behorighet_check(id) FROM anvandare"
	    " WHERE arbetsgivare_id = $1::integer", 1, params);
	if (res != NULL) {
		PQclear(res);
		return 0;
	}
	if (strcmp(s->sqlstate, "SU002") == 0)
		return session_refuse(s, id, ERR_VALIDATION, "Kan inte bli "
		    "%s: en anställd här är deltagaransvarig.", o->typ);
	return db_refused(s, id);
}

/* Reads the type of the organisation being changed; 0 or the result. */
static int
org_save_old(struct session *s, uint32_t id, struct styrdata_org *o)
{
	PGresult	*res;
	const char	*params[1];
	int		 rv = 0;

	params[0] = o->id;
	if ((res = styrdata_query(s, id, "SELECT organisationstyp"
	    " FROM organisation WHERE id = $1::integer FOR UPDATE", 1, params,
	    &rv)) == NULL)
		return rv;
	if (PQntuples(res) == 1)
		strlcpy(o->old_typ, PQgetvalue(res, 0, 0), sizeof o->old_typ);
	else
		rv = session_refuse(s, id, ERR_NOT_FOUND,
		    "Organisationen finns inte längre.");
	PQclear(res);
	return rv;
}

/*
 * MSG_ORG_SAVE → MSG_OK{id}: a new organisation (id 0) or a changed
 * one in the register. Whether it is FK's SUS-förvaltning (rule 18) is
 * not changed here.
 */
int
organisation_save(struct session *s, uint32_t id, void *m)
{
	struct msg_org_save	*q = m;
	struct styrdata_org	 o;
	struct msg_ok		 ok;
	char			 text[SUS_MESSAGE_MAX];
	uint32_t		 org_id = 0;
	int			 rv;

	memset(&o, 0, sizeof o);
	snprintf(o.id, sizeof o.id, "%u", q->id);
	strlcpy(o.typ, q->organisationstyp, sizeof o.typ);
	strlcpy(o.kommunkod, q->kommunkod, sizeof o.kommunkod);
	strlcpy(o.lanskod, q->lanskod, sizeof o.lanskod);
	if (!styrdata_name(q->namn, o.namn, sizeof o.namn,
	    STYRDATA_NAMN_MAX) || strlen(o.namn) > SUS_NAME_MAX)
		return session_refuse(s, id, ERR_VALIDATION, "Namnet ska ha "
		    "1–%d tecken, utan tabbar och radbrytningar.",
		    STYRDATA_NAMN_MAX);
	if (q->id != 0 && (rv = org_save_old(s, id, &o)) != 0)
		return rv;
	if ((rv = org_save_typ(s, id, &o)) != 0 ||
	    (rv = org_save_place(s, id, &o)) != 0 ||
	    (rv = org_save_unique(s, id, &o)) != 0 ||
	    (rv = org_save_write(s, id, &o, q->aktiv, &org_id)) != 0)
		return rv;
	snprintf(text, sizeof text, "Organisationen %s är %s.", o.namn,
	    q->id == 0 ? "tillagd" : "sparad");
	memset(&ok, 0, sizeof ok);
	ok.id = org_id;
	ok.message = text;
	return session_reply(s, id, MSG_OK, &ok);
}
