/*
 * Styrdata cases: the code lists and the organisations register through
 * the protocol. KOD_SEARCH gives every list of kodlista plus the
 * read-only tables samverkansform and lan; KOD_SAVE adds, renames and
 * deactivates codes but never a fixed one, and hangs a preciserad
 * inriktning under an inriktning only; ORG_SAVE keeps names unique, types
 * from their code list and kommun inside län. Only a superadministratör
 * may change either, and every change leaves an audit row.
 *
 * Codes cannot be deleted, so every code and organisation made here has
 * a name unique to the run and is left inactive: reruns on the same
 * database pass and active drop-downs stay as they were.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "chan.h"
#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"
#include "xmalloc.h"

/* An id no row has. */
#define NO_SUCH_ID	0x7fffffffu


/* What makes this run's codes and names its own: 8 hex digits. */
static char	tag[16];

/* Sets the run's tag once. */
static const char *
run_tag(void)
{
	if (tag[0] == '\0')
		snprintf(tag, sizeof tag, "%08X", (unsigned)time(NULL) ^
		    ((unsigned)getpid() << 16));
	return tag;
}

/* A save that must succeed; -1 after fail(). */
static int
save_ok(struct conn *cn, uint16_t type, const void *req, const char *what)
{
	int	r;

	if ((r = integ_call(cn, type, req, MSG_OK, NULL)) > 0)
		return fail("%s: ERR %d %s", what, r, integ_last_err);
	return r;
}

/*
 * A save that must be refused with code and a message holding text;
 * -1 after fail().
 */
static int
save_refused(struct conn *cn, uint16_t type, const void *req, int code,
    const char *text, const char *what)
{
	int	r;

	if ((r = integ_call(cn, type, req, MSG_OK, NULL)) < 0)
		return -1;
	if (r == 0)
		return fail("%s: accepted (%s)", what, integ_last_ok);
	if (r != code)
		return fail("%s: ERR %d, want %d: %s", what, r, code,
		    integ_last_err);
	if (strstr(integ_last_err, text) == NULL)
		return fail("%s: message \"%s\" lacks \"%s\"", what,
		    integ_last_err, text);
	return 0;
}

/* Fetches list lista ("" for all); the caller clears l. */
static int
kod_fetch(struct conn *cn, const char *lista, struct msg_kod_list *l)
{
	struct msg_kod_search	q;
	int			r;

	memset(l, 0, sizeof *l);
	q.lista = (char *)lista;
	if ((r = integ_call(cn, MSG_KOD_SEARCH, &q, MSG_KOD_LIST, l)) > 0)
		return fail("KOD_SEARCH %s: ERR %d %s", lista, r,
		    integ_last_err);
	return r;
}

/* The code of lista with kod, NULL if none. */
static const struct kod_row *
kod_find(const struct msg_kod_list *l, const char *lista, const char *kod)
{
	uint32_t	i;

	for (i = 0; i < l->nrows; i++) {
		if (strcmp(l->rows[i].lista, lista) == 0 &&
		    strcmp(l->rows[i].kod, kod) == 0)
			return &l->rows[i];
	}
	return NULL;
}

/* The list named namn, NULL if none. */
static const struct kodlista_row *
lista_find(const struct msg_kod_list *l, const char *namn)
{
	uint32_t	i;

	for (i = 0; i < l->nlistor; i++) {
		if (strcmp(l->listor[i].namn, namn) == 0)
			return &l->listor[i];
	}
	return NULL;
}

/* Looks up a code that must exist; copies it to out. */
static int
kod_get(struct conn *cn, const char *lista, const char *kod,
    struct kod_row *out, char *namn, size_t len)
{
	struct msg_kod_list	 l;
	const struct kod_row	*k;
	int			 rv = -1;

	if (kod_fetch(cn, lista, &l) != 0)
		return -1;
	if ((k = kod_find(&l, lista, kod)) == NULL)
		fail("no code %s in %s", kod, lista);
	else {
		*out = *k;
		snprintf(namn, len, "%s", k->namn);
		out->namn = namn;
		out->lista = (char *)lista;
		out->kod = (char *)kod;
		rv = 0;
	}
	msg_clear(MSG_KOD_LIST, &l);
	return rv;
}

/*
 * Runs one SQL statement as the database superuser through psql and
 * copies the first line it prints. Returns 1 when the stack gives no way
 * to the database (the caller skips the check), 0, or -1 after fail().
 */
static int
db_value(const char *sql, char *out, size_t len)
{
	if (getenv("PG_TEST_BINDIR") == NULL ||
	    getenv("STACK_DB_ADMIN") == NULL)
		return 1;
	if (integ_sql(out, len, "%s", sql) != 0)
		return -1;
	out[strcspn(out, "\n")] = '\0';
	return 0;
}

/* Checks that the SQL counts at least one row; skipped without a DB. */
static int
db_has(const char *sql, const char *what)
{
	char	v[512];
	int	r;

	if ((r = db_value(sql, v, sizeof v)) != 0)
		return r < 0 ? -1 : 0;
	if (atoi(v) < 1)
		return fail("%s: no such row (got \"%s\")", what, v);
	return 0;
}

/* The position of list namn in the reply, -1 if absent. */
static int
lista_index(const struct msg_kod_list *l, const char *namn)
{
	uint32_t	i;

	for (i = 0; i < l->nlistor; i++) {
		if (strcmp(l->listor[i].namn, namn) == 0)
			return (int)i;
	}
	return -1;
}

/*
 * Checks the order of a whole reply: codes grouped by list in the
 * order of the lists, by ordning within one; the table lists last.
 */
static int
lists_order(const struct msg_kod_list *l)
{
	const struct kod_row	*k, *p;
	uint32_t		 i;

	for (i = 1; i < l->nlistor; i++) {
		if (!l->listor[i - 1].editable && l->listor[i].editable)
			return fail("editable list %s after a read-only one",
			    l->listor[i].namn);
	}
	for (i = 0; i < l->nrows; i++) {
		k = &l->rows[i];
		if (lista_index(l, k->lista) < 0)
			return fail("code %s of unknown list %s", k->kod,
			    k->lista);
		if (i == 0)
			continue;
		p = &l->rows[i - 1];
		if (lista_index(l, p->lista) > lista_index(l, k->lista))
			return fail("code %s of %s after %s of %s", k->kod,
			    k->lista, p->kod, p->lista);
		if (strcmp(p->lista, k->lista) == 0 && p->ordning > k->ordning)
			return fail("%s: %s before %s out of ordning",
			    k->lista, p->kod, k->kod);
	}
	return 0;
}

/* Counts the codes of lista in a reply. */
static uint32_t
lista_count(const struct msg_kod_list *l, const char *lista)
{
	uint32_t	i, n = 0;

	for (i = 0; i < l->nrows; i++)
		n += strcmp(l->rows[i].lista, lista) == 0;
	return n;
}

/*
 * Every list of kodlista in its order, editable, then the tables
 * samverkansform and lan read-only; every code of kod; open to every
 * logged-in user.
 */
static int
styrdata_lists_complete(void)
{
	struct conn			 cn;
	struct msg_kod_list		 l;
	const struct kodlista_row	*sf, *lan, *pi;
	const struct kod_row		*k, *p;
	char				 want[1024], got[1024], n[64];
	uint32_t			 i, nlan, nsf;
	int				 r, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	memset(&l, 0, sizeof l);
	if (case_login(&cn, "rapport") != 0 || kod_fetch(&cn, "", &l) != 0)
		goto out;
	if (lists_order(&l) != 0)
		goto out;
	got[0] = '\0';
	for (i = 0; i < l.nlistor && l.listor[i].editable; i++) {
		strlcat(got, i > 0 ? "," : "", sizeof got);
		strlcat(got, l.listor[i].namn, sizeof got);
	}
	if ((r = db_value("SELECT string_agg(namn, ',' ORDER BY ordning,"
	    " namn) FROM kodlista", want, sizeof want)) < 0)
		goto out;
	if (r == 1)
		snprintf(want, sizeof want, "%s", "organisationstyp,"
		    "kostnadstyp,inriktning,preciserad_inriktning,");
	CHECK(r == 1 ? strncmp(got, want, strlen(want)) == 0 :
	    strcmp(got, want) == 0, "lists \"%s\", want \"%s\"", got, want);
	sf = lista_find(&l, "samverkansform");
	lan = lista_find(&l, "lan");
	pi = lista_find(&l, "preciserad_inriktning");
	CHECK(sf != NULL && lan != NULL && pi != NULL, "a list is missing");
	CHECK(!sf->editable && !lan->editable, "a table list is editable");
	CHECK(l.nlistor == i + 2, "%u lists after the editable %u",
	    l.nlistor - i, i);
	CHECK(strcmp(pi->overordnad, "inriktning") == 0,
	    "preciserad_inriktning has parent \"%s\"", pi->overordnad);
	nlan = lista_count(&l, "lan");
	nsf = lista_count(&l, "samverkansform");
	CHECK(nlan == 21, "%u län, want 21", nlan);
	for (i = 0; i < l.nrows; i++) {
		k = &l.rows[i];
		if (strcmp(k->lista, "lan") == 0)
			CHECK(k->id == (uint32_t)atoi(k->kod) &&
			    strlen(k->kod) == 2 && k->fast && k->aktiv,
			    "län %s has id %u", k->kod, k->id);
	}
	k = kod_find(&l, "samverkansform", "FINSAM");
	CHECK(k != NULL && k->fast && k->aktiv, "FINSAM missing or open");
	k = kod_find(&l, "samverkansform", "HANDLINGSPLAN");
	CHECK(k != NULL && !k->aktiv, "the closed form shown active");
	k = kod_find(&l, "organisationstyp", "STAT");
	CHECK(k != NULL && k->fast && strcmp(k->namn, "Stat") == 0,
	    "organisationstyp Stat missing or not fixed");
	k = kod_find(&l, "preciserad_inriktning", "REHAB");
	p = kod_find(&l, "inriktning", "INDIVID");
	CHECK(k != NULL && p != NULL && k->overordnad_id == p->id,
	    "REHAB does not hang under INDIVID");
	if ((r = db_value("SELECT count(*) FROM kod", n, sizeof n)) < 0)
		goto out;
	CHECK(r == 1 || (uint32_t)atoi(n) == l.nrows - nlan - nsf,
	    "%u codes of kod listed, the table has %s", l.nrows - nlan - nsf,
	    n);
	rv = 0;
out:
	msg_clear(MSG_KOD_LIST, &l);
	conn_close(&cn);
	return rv;
}

/* One list alone, a table list alone, and an unknown list. */
static int
styrdata_list_one(void)
{
	struct conn		 cn;
	struct msg_kod_list	 l;
	uint32_t		 i;
	int			 r, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	memset(&l, 0, sizeof l);
	if (case_login(&cn, "samadm") != 0 ||
	    kod_fetch(&cn, "kostnadstyp", &l) != 0)
		goto out;
	CHECK(l.nlistor == 1 && strcmp(l.listor[0].namn, "kostnadstyp") ==
	    0 && l.listor[0].editable, "kostnadstyp alone: %u lists",
	    l.nlistor);
	for (i = 0; i < l.nrows; i++)
		CHECK(strcmp(l.rows[i].lista, "kostnadstyp") == 0,
		    "kostnadstyp alone holds %s", l.rows[i].lista);
	CHECK(kod_find(&l, "kostnadstyp", "PERSONAL") != NULL,
	    "kostnadstyp lacks PERSONAL");
	msg_clear(MSG_KOD_LIST, &l);
	if (kod_fetch(&cn, "lan", &l) != 0)
		goto out;
	CHECK(l.nlistor == 1 && !l.listor[0].editable && l.nrows == 21,
	    "lan alone: %u lists, %u rows", l.nlistor, l.nrows);
	msg_clear(MSG_KOD_LIST, &l);
	{
		struct msg_kod_search	q;

		q.lista = (char *)"finnsinte";
		r = integ_call(&cn, MSG_KOD_SEARCH, &q, MSG_KOD_LIST, &l);
		CHECK(r == ERR_NOT_FOUND &&
		    strstr(integ_last_err, "finnsinte") != NULL,
		    "unknown list: %d %s", r, integ_last_err);
	}
	rv = 0;
out:
	msg_clear(MSG_KOD_LIST, &l);
	conn_close(&cn);
	return rv;
}

/* Fills a code for KOD_SAVE. */
static void
kod_set(struct kod_row *k, uint32_t id, const char *lista, const char *kod,
    const char *namn, uint32_t ordning, int aktiv, uint32_t parent)
{
	memset(k, 0, sizeof *k);
	k->id = id;
	k->lista = (char *)lista;
	k->kod = (char *)kod;
	k->namn = (char *)namn;
	k->ordning = ordning;
	k->aktiv = (uint8_t)aktiv;
	k->overordnad_id = parent;
}

/* Checks the stored code kod of lista against namn, aktiv and parent. */
static int
kod_is(struct conn *cn, const char *lista, const char *kod, const char *namn,
    int aktiv, uint32_t parent)
{
	struct msg_kod_list	 l;
	const struct kod_row	*k;
	int			 rv = -1;

	if (kod_fetch(cn, lista, &l) != 0)
		return -1;
	if ((k = kod_find(&l, lista, kod)) == NULL)
		fail("%s: no code %s", lista, kod);
	else if (strcmp(k->namn, namn) != 0 || k->aktiv != aktiv ||
	    k->overordnad_id != parent || k->fast)
		fail("%s %s: \"%s\" aktiv %u parent %u fast %u, want \"%s\" "
		    "aktiv %d parent %u", lista, kod, k->namn, k->aktiv,
		    k->overordnad_id, k->fast, namn, aktiv, parent);
	else
		rv = 0;
	msg_clear(MSG_KOD_LIST, &l);
	return rv;
}

/* Fills SQL counting admin's audit rows on object type/id with cond. */
static void
audit_sql(char *sql, size_t len, const char *type, uint32_t id,
    const char *cond)
{
	snprintf(sql, len, "SELECT count(*) FROM audit a JOIN anvandare u"
	    " ON u.id = a.anvandare_id WHERE u.username = 'admin'"
	    " AND a.object_type = '%s' AND a.object_id = %u"
	    " AND a.session_id ~ '^[0-9a-f]{16}$' AND %s", type, id, cond);
}

/*
 * A new kostnadstyp with Swedish characters, renamed and deactivated;
 * the refusals of a bad kod, name or ordning, a duplicate, a move to
 * another list and the table lists; the audit rows of the changes.
 */
static int
styrdata_kod_add(void)
{
	struct conn	 cn;
	struct kod_row	 k;
	char		 kod[32], kod2[32], namn[128], namn2[128], low[128];
	char		 big[512], sql[1024];
	uint32_t	 id = 0;
	size_t		 i;
	int		 rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	snprintf(kod, sizeof kod, "IT_%s", run_tag());
	snprintf(kod2, sizeof kod2, "IT2_%s", run_tag());
	snprintf(namn, sizeof namn, "Integtest kostnad %s åäö", run_tag());
	snprintf(namn2, sizeof namn2, "Integtest kostnad %s omdöpt",
	    run_tag());
	snprintf(low, sizeof low, "integtest KOSTNAD %s åäö", run_tag());
	for (i = 0; i < strlen(low); i++)
		if (low[i] >= 'A' && low[i] <= 'F')
			low[i] = (char)(low[i] - 'A' + 'a');
	if (case_login(&cn, "admin") != 0)
		goto out;
	kod_set(&k, 0, "kostnadstyp", kod, namn, 90, 1, 0);
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "new kostnadstyp") != 0)
		goto out;
	id = integ_last_ok_id;
	CHECK(id != 0 && strstr(integ_last_ok, kod) != NULL,
	    "OK id %u \"%s\"", id, integ_last_ok);
	if (kod_is(&cn, "kostnadstyp", kod, namn, 1, 0) != 0)
		goto out;

	kod_set(&k, 0, "kostnadstyp", kod, "Integtest annat namn", 1, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_CONFLICT, "finns redan",
	    "duplicate kod") != 0)
		goto out;
	kod_set(&k, 0, "kostnadstyp", kod2, low, 1, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_CONFLICT, "finns redan",
	    "the name again in other case") != 0)
		goto out;
	kod_set(&k, 0, "kostnadstyp", "it_liten", namn2, 1, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION, "A–Z (utan å",
	    "lower-case kod") != 0)
		goto out;
	kod_set(&k, 0, "kostnadstyp", "ÅR", namn2, 1, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION, "A–Z (utan å",
	    "kod with Å") != 0)
		goto out;
	kod_set(&k, 0, "kostnadstyp", kod2, "   ", 1, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION, "1–100",
	    "blank name") != 0)
		goto out;
	kod_set(&k, 0, "kostnadstyp", kod2, namn2, 40000, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION, "Ordning",
	    "ordning past smallint") != 0)
		goto out;
	/* 100 characters fit however many bytes they take; 101 do not. */
	big[0] = '\0';
	for (i = 0; i < 101; i++)
		strlcat(big, "ö", sizeof big);
	kod_set(&k, id, "kostnadstyp", kod, big, 90, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION, "1–100",
	    "101 characters") != 0)
		goto out;
	big[200] = '\0';
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "100 characters") != 0 ||
	    kod_is(&cn, "kostnadstyp", kod, big, 1, 0) != 0)
		goto out;

	kod_set(&k, id, "kostnadstyp", kod, namn2, 91, 1, 0);
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "rename") != 0 ||
	    kod_is(&cn, "kostnadstyp", kod, namn2, 1, 0) != 0)
		goto out;
	CHECK(integ_last_ok_id == id, "rename answered id %u, want %u",
	    integ_last_ok_id, id);
	k.aktiv = 0;
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "deactivate") != 0 ||
	    kod_is(&cn, "kostnadstyp", kod, namn2, 0, 0) != 0)
		goto out;
	k.lista = (char *)"malgrupp";
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION, "annan lista",
	    "moved to malgrupp") != 0)
		goto out;
	kod_set(&k, NO_SUCH_ID, "kostnadstyp", kod2, namn2, 1, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_NOT_FOUND, "finns inte",
	    "unknown id") != 0)
		goto out;
	kod_set(&k, 0, "lan", "99", "Integtest län", 1, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION, "egen tabell",
	    "a län") != 0)
		goto out;
	kod_set(&k, 0, "samverkansform", kod2, "Integtest form", 1, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION, "egen tabell",
	    "a samverkansform") != 0)
		goto out;
	kod_set(&k, 0, "finnsinte", kod2, namn2, 1, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_NOT_FOUND, "finns inte",
	    "an unknown list") != 0)
		goto out;

	audit_sql(sql, sizeof sql, "kod", id, "a.action = 'insert'"
	    " AND a.detail->'new'->>'kod' = a.detail->'new'->>'kod'"
	    " AND a.detail->'new'->>'lista' = 'kostnadstyp'");
	if (db_has(sql, "audit: the new code") != 0)
		goto out;
	snprintf(big, sizeof big, "a.action = 'update'"
	    " AND a.detail->'new'->>'namn' = '%s'"
	    " AND (a.detail->'old'->>'aktiv')::boolean"
	    " AND NOT (a.detail->'new'->>'aktiv')::boolean", namn2);
	audit_sql(sql, sizeof sql, "kod", id, big);
	if (db_has(sql, "audit: the deactivation with old and new") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* A fixed code keeps kod, name and activity; its ordning may change. */
static int
styrdata_kod_fixed(void)
{
	struct conn	 cn;
	struct kod_row	 stat, k;
	char		 namn[128];
	int		 rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	if (case_login(&cn, "admin") != 0 || kod_get(&cn, "organisationstyp",
	    "STAT", &stat, namn, sizeof namn) != 0)
		goto out;
	CHECK(stat.fast, "STAT is not fixed");
	k = stat;
	k.namn = (char *)"Statlig myndighet";
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION,
	    "kan inte ändras", "renaming Stat") != 0)
		goto out;
	k = stat;
	k.aktiv = 0;
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION,
	    "inaktiveras", "deactivating Stat") != 0)
		goto out;
	k = stat;
	k.kod = (char *)"STATEN";
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION,
	    "kan inte ändras", "recoding Stat") != 0)
		goto out;
	k = stat;
	k.ordning = stat.ordning + 1;
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "Stat's ordning") != 0)
		goto out;
	k.ordning = stat.ordning;
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "Stat's ordning back") != 0 ||
	    kod_get(&cn, "organisationstyp", "STAT", &k, namn,
	    sizeof namn) != 0)
		goto out;
	CHECK(strcmp(namn, "Stat") == 0 && k.aktiv && k.fast &&
	    k.ordning == stat.ordning, "Stat now \"%s\" aktiv %u ordning %u",
	    namn, k.aktiv, k.ordning);
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* A preciserad inriktning needs a parent from inriktning; others none. */
static int
styrdata_kod_parent(void)
{
	struct conn	 cn;
	struct kod_row	 individ, struktur, kring, k;
	char		 n1[128], n2[128], n3[128], kod[32], namn[128];
	uint32_t	 id;
	int		 rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	snprintf(kod, sizeof kod, "IT_P%s", run_tag());
	snprintf(namn, sizeof namn, "Integtest precisering %s", run_tag());
	if (case_login(&cn, "admin") != 0 ||
	    kod_get(&cn, "inriktning", "INDIVID", &individ, n1,
	    sizeof n1) != 0 || kod_get(&cn, "inriktning", "STRUKTUR",
	    &struktur, n2, sizeof n2) != 0 || kod_get(&cn, "kostnadstyp",
	    "KRING", &kring, n3, sizeof n3) != 0)
		goto out;
	kod_set(&k, 0, "preciserad_inriktning", kod, namn, 99, 1, 0);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION,
	    "överordnade koden ur listan Inriktning", "no parent") != 0)
		goto out;
	k.overordnad_id = kring.id;
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION,
	    "måste vara en kod i listan Inriktning",
	    "a kostnadstyp parent") != 0)
		goto out;
	k.overordnad_id = NO_SUCH_ID;
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION,
	    "måste vara en kod i listan Inriktning", "no such parent") != 0)
		goto out;
	k.overordnad_id = individ.id;
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "under INDIVID") != 0)
		goto out;
	id = integ_last_ok_id;
	if (kod_is(&cn, "preciserad_inriktning", kod, namn, 1,
	    individ.id) != 0)
		goto out;
	/* Moved under the other inriktning, and left inactive. */
	kod_set(&k, id, "preciserad_inriktning", kod, namn, 99, 0,
	    struktur.id);
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "under STRUKTUR") != 0 ||
	    kod_is(&cn, "preciserad_inriktning", kod, namn, 0,
	    struktur.id) != 0)
		goto out;
	kod_set(&k, kring.id, "kostnadstyp", "KRING", n3, kring.ordning,
	    kring.aktiv, individ.id);
	if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_VALIDATION,
	    "ingen överordnad kod", "a kostnadstyp with a parent") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* Only a superadministratör changes styrdata; nothing is stored. */
static int
styrdata_forbidden(void)
{
	static const char *const users[] = { "samadm", "rapport",
	    "insatsansv" };
	struct conn		 cn;
	struct kod_row		 k;
	struct msg_org_save	 o;
	struct msg_kod_list	 l;
	char			 kod[32], namn[128];
	size_t			 i;
	int			 rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	memset(&l, 0, sizeof l);
	snprintf(kod, sizeof kod, "IT_F%s", run_tag());
	snprintf(namn, sizeof namn, "Integtest förbjuden %s", run_tag());
	kod_set(&k, 0, "kostnadstyp", kod, namn, 1, 1, 0);
	memset(&o, 0, sizeof o);
	o.namn = namn;
	o.organisationstyp = (char *)"Kommun";
	o.kommunkod = (char *)"";
	o.lanskod = (char *)"";
	o.aktiv = 1;
	for (i = 0; i < sizeof users / sizeof users[0]; i++) {
		if (case_login(&cn, users[i]) != 0)
			goto out;
		if (save_refused(&cn, MSG_KOD_SAVE, &k, ERR_FORBIDDEN, "",
		    users[i]) != 0 || save_refused(&cn, MSG_ORG_SAVE, &o,
		    ERR_FORBIDDEN, "", users[i]) != 0)
			goto out;
		conn_close(&cn);
	}
	if (case_login(&cn, "admin") != 0 ||
	    kod_fetch(&cn, "kostnadstyp", &l) != 0)
		goto out;
	CHECK(kod_find(&l, "kostnadstyp", kod) == NULL, "the code was stored");
	rv = 0;
out:
	msg_clear(MSG_KOD_LIST, &l);
	conn_close(&cn);
	return rv;
}

/* Fills an organisation for ORG_SAVE. */
static void
org_set(struct msg_org_save *o, uint32_t id, const char *namn,
    const char *typ, const char *kommunkod, const char *lanskod, int aktiv)
{
	o->id = id;
	o->namn = (char *)namn;
	o->organisationstyp = (char *)typ;
	o->kommunkod = (char *)kommunkod;
	o->lanskod = (char *)lanskod;
	o->aktiv = (uint8_t)aktiv;
}

/* Finds the organisation named exactly namn; copies its row to out. */
static int
org_get(struct conn *cn, const char *namn, struct org_row *out, char *typ,
    size_t len)
{
	struct msg_org_search	q;
	struct msg_org_list	l;
	uint32_t		i;
	int			r, rv = -1;

	memset(&l, 0, sizeof l);
	q.pattern = (char *)namn;
	q.offset = 0;
	q.limit = 0;
	if ((r = integ_call(cn, MSG_ORG_SEARCH, &q, MSG_ORG_LIST, &l)) != 0)
		return r > 0 ? fail("ORG_SEARCH: ERR %d %s", r,
		    integ_last_err) : -1;
	for (i = 0; i < l.nrows; i++) {
		if (strcmp(l.rows[i].namn, namn) != 0)
			continue;
		*out = l.rows[i];
		snprintf(typ, len, "%s|%s|%s", l.rows[i].organisationstyp,
		    l.rows[i].kommunkod, l.rows[i].lanskod);
		out->namn = out->organisationstyp = out->undertecknad =
		    out->upphor = out->kommunkod = out->lanskod = NULL;
		rv = 0;
	}
	msg_clear(MSG_ORG_LIST, &l);
	if (rv != 0)
		fail("no organisation \"%s\"", namn);
	return rv;
}

/* Checks an organisation's type, kommun, län and aktiv ("typ|kk|lk"). */
static int
org_is(struct conn *cn, const char *namn, const char *want, int aktiv)
{
	struct org_row	o;
	char		got[512];

	if (org_get(cn, namn, &o, got, sizeof got) != 0)
		return -1;
	if (strcmp(got, want) != 0 || o.aktiv != aktiv || o.sus_forvaltning)
		return fail("%s: \"%s\" aktiv %u, want \"%s\" aktiv %d", namn,
		    got, o.aktiv, want, aktiv);
	return 0;
}

/*
 * The register: a new organisation gets its län from its kommun, is
 * changed and deactivated, and ORG_SEARCH shows it; refusals of a
 * duplicate, an unknown type, a kommun outside the län and bad codes;
 * the audit rows.
 */
static int
styrdata_org_register(void)
{
	struct conn		 cn;
	struct msg_org_save	 o;
	char			 namn[128], namn2[128], other[128], sql[1024];
	char			 cond[512];
	uint32_t		 id;
	int			 rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	snprintf(namn, sizeof namn, "Integtest organisation %s Åre",
	    run_tag());
	snprintf(namn2, sizeof namn2, "Integtest organisation %s Östra Åre",
	    run_tag());
	snprintf(other, sizeof other, "Integtest annan %s", run_tag());
	if (case_login(&cn, "admin") != 0)
		goto out;
	org_set(&o, 0, namn, "Kommun", "1480", "", 1);
	if (save_ok(&cn, MSG_ORG_SAVE, &o, "new organisation") != 0)
		goto out;
	id = integ_last_ok_id;
	CHECK(id != 0, "no id for the new organisation");
	if (org_is(&cn, namn, "Kommun|1480|14", 1) != 0)
		goto out;
	org_set(&o, id, namn2, "Övriga", "", "01", 0);
	if (save_ok(&cn, MSG_ORG_SAVE, &o, "changed organisation") != 0 ||
	    org_is(&cn, namn2, "Övriga||01", 0) != 0)
		goto out;
	CHECK(integ_last_ok_id == id, "change answered id %u",
	    integ_last_ok_id);

	org_set(&o, 0, "försäkringskassan", "Stat", "", "", 1);
	if (save_refused(&cn, MSG_ORG_SAVE, &o, ERR_CONFLICT,
	    "finns redan en organisation som heter \"Försäkringskassan\"",
	    "a name in other case") != 0)
		goto out;
	org_set(&o, id, "Arbetsförmedlingen", "Stat", "", "", 0);
	if (save_refused(&cn, MSG_ORG_SAVE, &o, ERR_CONFLICT, "finns redan",
	    "renamed to another's name") != 0)
		goto out;
	org_set(&o, 0, other, "Påhittad typ", "", "", 1);
	if (save_refused(&cn, MSG_ORG_SAVE, &o, ERR_VALIDATION,
	    "finns inte i kodlistan Organisationstyp", "an unknown type") != 0)
		goto out;
	org_set(&o, 0, other, "Kommun", "1480", "01", 1);
	if (save_refused(&cn, MSG_ORG_SAVE, &o, ERR_VALIDATION, "Kommunen "
	    "Göteborg (1480) ligger i Västra Götalands län, inte i Stockholms "
	    "län", "a kommun outside its län") != 0)
		goto out;
	org_set(&o, 0, other, "Kommun", "9999", "", 1);
	if (save_refused(&cn, MSG_ORG_SAVE, &o, ERR_VALIDATION,
	    "ingen kommun", "an unknown kommun") != 0)
		goto out;
	org_set(&o, 0, other, "Kommun", "", "99", 1);
	if (save_refused(&cn, MSG_ORG_SAVE, &o, ERR_VALIDATION, "inget län",
	    "an unknown län") != 0)
		goto out;
	org_set(&o, 0, other, "Kommun", "", "1", 1);
	if (save_refused(&cn, MSG_ORG_SAVE, &o, ERR_VALIDATION,
	    "två siffror", "a one-digit län") != 0)
		goto out;
	org_set(&o, 0, " ", "Kommun", "", "", 1);
	if (save_refused(&cn, MSG_ORG_SAVE, &o, ERR_VALIDATION, "1–100",
	    "a blank name") != 0)
		goto out;
	org_set(&o, NO_SUCH_ID, other, "Kommun", "", "", 1);
	if (save_refused(&cn, MSG_ORG_SAVE, &o, ERR_NOT_FOUND, "finns inte",
	    "an unknown organisation") != 0)
		goto out;

	audit_sql(sql, sizeof sql, "organisation", id, "a.action = 'insert'"
	    " AND a.detail->'new'->>'kommunkod' = '1480'"
	    " AND a.detail->'new'->>'lanskod' = '14'");
	if (db_has(sql, "audit: the new organisation") != 0)
		goto out;
	snprintf(cond, sizeof cond, "a.action = 'update'"
	    " AND a.detail->'old'->>'namn' = '%s'"
	    " AND a.detail->'new'->>'namn' = '%s'"
	    " AND a.detail->'new'->>'organisationstyp' = 'Övriga'", namn,
	    namn2);
	audit_sql(sql, sizeof sql, "organisation", id, cond);
	if (db_has(sql, "audit: the change with old and new name") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * Types come from the code list: a renamed type follows onto its
 * organisations, even a long one, and an inactive one is kept but not
 * chosen anew.
 */
static int
styrdata_org_type(void)
{
	struct conn		 cn;
	struct kod_row		 k;
	struct msg_org_save	 o;
	char			 kod[32], typ[128], typ2[128], org[128];
	char			 org2[128], big[128], want[256];
	uint32_t		 tid, oid;
	int			 i, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	snprintf(kod, sizeof kod, "IT_T%s", run_tag());
	snprintf(typ, sizeof typ, "Integtest typ %s", run_tag());
	snprintf(typ2, sizeof typ2, "Integtest typ %s ny", run_tag());
	snprintf(org, sizeof org, "Integtest typad %s", run_tag());
	snprintf(org2, sizeof org2, "Integtest typad %s två", run_tag());
	if (case_login(&cn, "admin") != 0)
		goto out;
	kod_set(&k, 0, "organisationstyp", kod, typ, 50, 1, 0);
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "new organisationstyp") != 0)
		goto out;
	tid = integ_last_ok_id;
	org_set(&o, 0, org, typ, "", "", 1);
	if (save_ok(&cn, MSG_ORG_SAVE, &o, "organisation of the new type") != 0)
		goto out;
	oid = integ_last_ok_id;
	kod_set(&k, tid, "organisationstyp", kod, typ2, 50, 1, 0);
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "type renamed") != 0)
		goto out;
	snprintf(want, sizeof want, "%s||", typ2);
	if (org_is(&cn, org, want, 1) != 0)
		goto out;
	/* A name of many two-byte letters still reaches ORG_LIST whole. */
	snprintf(big, sizeof big, "%s ", run_tag());
	for (i = 0; i < 40; i++)
		strlcat(big, "ö", sizeof big);
	kod_set(&k, tid, "organisationstyp", kod, big, 50, 1, 0);
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "a type name of 80 bytes") != 0)
		goto out;
	snprintf(want, sizeof want, "%s||", big);
	if (org_is(&cn, org, want, 1) != 0)
		goto out;
	kod_set(&k, tid, "organisationstyp", kod, typ2, 50, 1, 0);
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "type renamed back") != 0)
		goto out;
	snprintf(want, sizeof want, "%s||", typ2);
	kod_set(&k, tid, "organisationstyp", kod, typ2, 50, 0, 0);
	if (save_ok(&cn, MSG_KOD_SAVE, &k, "type deactivated") != 0)
		goto out;
	org_set(&o, oid, org, typ2, "", "", 0);
	if (save_ok(&cn, MSG_ORG_SAVE, &o, "keeping an inactive type") != 0 ||
	    org_is(&cn, org, want, 0) != 0)
		goto out;
	org_set(&o, 0, org2, typ2, "", "", 1);
	if (save_refused(&cn, MSG_ORG_SAVE, &o, ERR_VALIDATION, "inaktiv",
	    "a new organisation of an inactive type") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * Rule 18 holds when a type changes: Region Västra Götaland employs a
 * deltagaransvarig, so it cannot become a samordningsförbund.
 */
static int
styrdata_org_rule18(void)
{
	static const char	 region[] = "Region Västra Götaland";
	struct conn		 cn;
	struct org_row		 r;
	struct msg_org_save	 o;
	char			 was[512], typ[512], *kk, *lk;
	int			 rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	if (case_login(&cn, "admin") != 0 ||
	    org_get(&cn, region, &r, was, sizeof was) != 0)
		goto out;
	/* was is "typ|kommunkod|lanskod": only the type is changed. */
	snprintf(typ, sizeof typ, "%s", was);
	if ((kk = strchr(typ, '|')) == NULL ||
	    (lk = strchr(kk + 1, '|')) == NULL) {
		fail("%s: \"%s\"", region, was);
		goto out;
	}
	*kk++ = '\0';
	*lk++ = '\0';
	org_set(&o, r.id, region, "Samordningsförbund", kk, lk, r.aktiv);
	if (save_refused(&cn, MSG_ORG_SAVE, &o, ERR_VALIDATION,
	    "deltagaransvarig", "a förbund with a deltagaransvarig") != 0) {
		/* Put the fixture back if the rule let it through. */
		org_set(&o, r.id, region, typ, kk, lk, r.aktiv);
		(void)integ_call(&cn, MSG_ORG_SAVE, &o, MSG_OK, NULL);
		goto out;
	}
	if (org_is(&cn, region, was, r.aktiv) != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

const struct integ_case cases_styrdata[] = {
	{ "main", "styrdata_lists_complete", styrdata_lists_complete },
	{ "main", "styrdata_list_one", styrdata_list_one },
	{ "main", "styrdata_kod_add_rename_deactivate", styrdata_kod_add },
	{ "main", "styrdata_kod_fixed_refused", styrdata_kod_fixed },
	{ "main", "styrdata_kod_parent_list", styrdata_kod_parent },
	{ "main", "styrdata_not_superadmin_forbidden", styrdata_forbidden },
	{ "main", "styrdata_org_register", styrdata_org_register },
	{ "main", "styrdata_org_type_from_code_list", styrdata_org_type },
	{ "main", "styrdata_org_type_keeps_rule_18", styrdata_org_rule18 },
	{ NULL, NULL, NULL }
};
