/*
 * The 9447 order (seed 003, domain.md 2.1, rules 1-3): whoever is
 * responsible for a förbund orders a new samverkansorganisation, giving
 * its name, organisationsnummer, samverkansform, startdatum, the first
 * samverkansadministratör and contact details; one order per
 * organisation. A superadministratör approves it, which creates the
 * organisation and the administratör's uppdrag in the same transaction
 * as the decision, or rejects it with a reason. The triggers of schema
 * 0006 keep the same rules (SU010, SU019, SU022); the checks here come
 * first so that the refusal names the field and the value.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "log.h"
#include "msg.h"
#include "proto.h"
#include "samverkansorg.h"
#include "susd.h"
#include "xmalloc.h"

/* Longest contact name and e-post address, in characters (schema). */
#define ORDER_KONTAKT_MAX	100
/* Longest telephone number, in characters (schema). */
#define ORDER_TELEFON_MAX	30
/* A Swedish number has at least 6 digits; E.164 allows at most 15. */
#define ORDER_TELEFON_DIGITS_MIN 6
#define ORDER_TELEFON_DIGITS_MAX 15
/* Longest decision comment, in characters (schema 0006). */
#define ORDER_KOMMENTAR_MAX	500
/* Rows in a page when the client does not say. */
#define ORDER_PAGE_DEFAULT	100
/* Budget years start at 1990 (schema 0006): no organisation before. */
#define ORDER_START_MIN		"1990-01-01"
/* How far ahead a startdatum may lie, in days: catches mistyped years. */
#define ORDER_START_AHEAD_DAYS	"366"

/* Order states on the wire and in samorg_bestallning.status. */
static const struct {
	uint8_t		 status;
	const char	*name;
	const char	*text;		/* in sentences */
} order_states[] = {
	{ ORDER_SUBMITTED, "inskickad", "inskickad" },
	{ ORDER_APPROVED, "godkand", "godkänd" },
	{ ORDER_REJECTED, "avslagen", "avslagen" },
};

/* What one order is checked with, as read and normalised. */
struct order_ctx {
	struct msg_samorg_order_submit *q;
	uint32_t	 order_id;	/* 0 while submitting */
	int		 deciding;	/* messages say the order must be rejected */
	char		 orgnr[12];	/* NNNNNN-NNNN, as stored */
	char		 form[128];	/* the samverkansform's name */
	char		 admin[256];	/* the administratör's name */
};

typedef int	(*order_step)(struct session *, uint32_t, struct order_ctx *);

/* Said after a refusal while deciding: the order cannot stand as it is. */
#define ORDER_MUST_REJECT " Beställningen kan inte godkännas utan ska avslås."

/* The stored name of a wire state, NULL if unknown. */
static const char *
order_status_name(uint8_t status)
{
	size_t	i;

	for (i = 0; i < sizeof order_states / sizeof order_states[0]; i++) {
		if (order_states[i].status == status)
			return order_states[i].name;
	}
	return NULL;
}

/* The index of a stored state, -1 if unknown. */
static int
order_status_find(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof order_states / sizeof order_states[0]; i++) {
		if (strcmp(order_states[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

/* Drops spaces at both ends, in place. */
static void
order_trim(char *p)
{
	size_t	len = strlen(p), start = strspn(p, " ");

	while (len > start && p[len - 1] == ' ')
		len--;
	memmove(p, p + start, len - start);
	p[len - start] = '\0';
}

/* Reports whether a text holds a control character (tab, newline ...). */
static int
order_has_control(const char *p)
{
	for (; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 1;
	}
	return 0;
}

/* A telephone number: digits, spaces, a leading +, - and parentheses. */
static int
order_telefon_ok(const char *p)
{
	int	digits = 0;
	size_t	i;

	for (i = 0; p[i] != '\0'; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			digits++;
		else if (p[i] == '+' && i == 0)
			continue;
		else if (strchr(" -()", p[i]) == NULL)
			return 0;
	}
	return digits >= ORDER_TELEFON_DIGITS_MIN &&
	    digits <= ORDER_TELEFON_DIGITS_MAX;
}

/*
 * An e-post address: one @ with something before it and a domain after
 * it that has a dot inside, and no space.
 */
static int
order_epost_ok(const char *e)
{
	const char	*at = strchr(e, '@'), *dot;

	if (at == NULL || at == e || strchr(at + 1, '@') != NULL ||
	    strchr(e, ' ') != NULL)
		return 0;
	dot = strrchr(at + 1, '.');
	return dot != NULL && dot != at + 1 && dot[1] != '\0' &&
	    strstr(at + 1, "..") == NULL;
}

/* The free-text fields of the order, checked alike. */
static const struct {
	size_t		 off;		/* char * in msg_samorg_order_submit */
	size_t		 max;		/* characters */
	const char	*label;		/* in sentences */
	int		 (*ok)(const char *);
	const char	*bad;		/* when ok() says no */
} order_texts[] = {
	{ offsetof(struct msg_samorg_order_submit, kontakt_namn),
	    ORDER_KONTAKT_MAX, "Kontaktpersonens namn", NULL, NULL },
	{ offsetof(struct msg_samorg_order_submit, kontakt_telefon),
	    ORDER_TELEFON_MAX, "Kontaktpersonens telefon", order_telefon_ok,
	    "Kontaktpersonens telefon får bara innehålla siffror, "
	    "blanksteg, bindestreck, parenteser och ett inledande +, och "
	    "ha 6-15 siffror." },
	{ offsetof(struct msg_samorg_order_submit, kontakt_epost),
	    ORDER_KONTAKT_MAX, "Kontaktpersonens e-post", order_epost_ok,
	    "Kontaktpersonens e-post ska vara en adress som "
	    "namn@example.se." },
};

/*
 * Namn: 1-50 characters including spaces, counted as characters, and
 * no samverkansform in it, whichever, in any case (rule 2).
 */
static int
order_check_namn(struct session *s, uint32_t id, struct order_ctx *c)
{
	PGresult	*res;
	const char	*params[1];
	char		 form[128];
	size_t		 n;

	order_trim(c->q->namn);
	if (c->q->namn[0] == '\0')
		return session_refuse(s, id, ERR_VALIDATION,
		    "Fyll i samverkansorganisationens namn.");
	if (order_has_control(c->q->namn))
		return session_refuse(s, id, ERR_VALIDATION,
		    "Namnet får inte innehålla tabbar eller radbrytningar.");
	if ((n = rule_utf8_chars(c->q->namn)) > RULE_SAMORG_NAME_MAX)
		return session_refuse(s, id, ERR_VALIDATION, "Namnet får ha "
		    "högst %d tecken inklusive blanksteg; det har %zu.",
		    RULE_SAMORG_NAME_MAX, n);
	/* As namn_har_samverkansform() of schema 0006, naming the form. */
	params[0] = c->q->namn;
	res = db_exec(s, "SELECT f.namn FROM samverkansform f"
	    " WHERE position(lower(f.namn) IN"
	    "  lower($1::text COLLATE \"sv-SE-x-icu\")) > 0"
	    " OR position(lower(replace(f.namn, '-', ' ')) IN"
	    "  lower(replace($1::text, '-', ' ') COLLATE \"sv-SE-x-icu\")) > 0"
	    " ORDER BY char_length(f.namn) DESC, f.id LIMIT 1", 1, params);
	if (res == NULL)
		return db_refused(s, id);
	n = (size_t)PQntuples(res);
	if (n > 0)
		snprintf(form, sizeof form, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	if (n > 0)
		return session_refuse(s, id, ERR_VALIDATION, "Namnet får inte "
		    "innehålla samverkansformen (%s).%s", form,
		    c->deciding ? ORDER_MUST_REJECT : "");
	return 0;
}

/* Organisationsnummer: NNNNNN-NNNN of a legal person, check digit right. */
static int
order_check_orgnr(struct session *s, uint32_t id, struct order_ctx *c)
{
	if (c->q->organisationsnummer[0] == '\0' || strspn(
	    c->q->organisationsnummer, " ") == strlen(c->q->organisationsnummer))
		return session_refuse(s, id, ERR_VALIDATION,
		    "Fyll i organisationsnummer (NNNNNN-NNNN).");
	if (rule_orgnr_normalise(c->q->organisationsnummer, c->orgnr,
	    sizeof c->orgnr) != 0)
		return session_refuse(s, id, ERR_VALIDATION, "Organisationsnumret "
		    "ska skrivas NNNNNN-NNNN, tio siffror.");
	/* Persons have a month there; organisations 20 and up. */
	if (c->orgnr[2] < '2')
		return session_refuse(s, id, ERR_VALIDATION, "%s är inte ett "
		    "organisationsnummer: den tredje siffran är 2 eller högre "
		    "för en juridisk person.", c->orgnr);
	if (!rule_orgnr_luhn(c->orgnr))
		return session_refuse(s, id, ERR_VALIDATION, "Organisationsnumret "
		    "%s har fel kontrollsiffra. Kontrollera numret.", c->orgnr);
	return 0;
}

/* Samverkansform: one that exists and is open to new organisations. */
static int
order_check_form(struct session *s, uint32_t id, struct order_ctx *c)
{
	PGresult	*res;
	char		 fid[16], closed[16];
	const char	*params[1] = { fid };
	int		 open;

	snprintf(fid, sizeof fid, "%u", c->q->samverkansform_id);
	res = db_exec(s, "SELECT namn, aktiv, coalesce(to_char(stangd,"
	    " 'YYYY-MM-DD'), '') FROM samverkansform WHERE id = $1::integer",
	    1, params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_VALIDATION,
		    "Välj en samverkansform.");
	}
	snprintf(c->form, sizeof c->form, "%s", PQgetvalue(res, 0, 0));
	open = PQgetvalue(res, 0, 1)[0] == 't';
	snprintf(closed, sizeof closed, "%s", PQgetvalue(res, 0, 2));
	PQclear(res);
	if (!open)
		return session_refuse(s, id, ERR_VALIDATION, "Samverkansformen %s "
		    "är stängd för nya samverkansorganisationer%s%s.%s",
		    c->form, closed[0] != '\0' ? " sedan " : "", closed,
		    c->deciding ? ORDER_MUST_REJECT : "");
	return 0;
}

/* Startdatum: a real date from 1990 and at most a year ahead. */
static int
order_check_start(struct session *s, uint32_t id, struct order_ctx *c)
{
	PGresult	*res;
	const char	*params[1] = { c->q->startdatum };
	int		 late;

	if (!date_valid(c->q->startdatum))
		return session_refuse(s, id, ERR_VALIDATION,
		    "Ange startdatum som ÅÅÅÅ-MM-DD.");
	if (strcmp(c->q->startdatum, ORDER_START_MIN) < 0)
		return session_refuse(s, id, ERR_VALIDATION, "Startdatum kan "
		    "inte vara före %s.", ORDER_START_MIN);
	res = db_exec(s, "SELECT $1::date > current_date + "
	    ORDER_START_AHEAD_DAYS, 1, params);
	if (res == NULL)
		return db_refused(s, id);
	late = PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	if (late)
		return session_refuse(s, id, ERR_VALIDATION, "Startdatum får "
		    "ligga högst ett år fram i tiden.");
	return 0;
}

/*
 * The first samverkansadministratör: an active user who holds the role
 * (rule 12). The uppdrag trigger says the same (SU005, SU008).
 */
static int
order_check_admin(struct session *s, uint32_t id, struct order_ctx *c)
{
	PGresult	*res;
	char		 uid[16];
	const char	*params[1] = { uid };
	int		 active, role;

	if (c->q->admin_id == 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Välj den första samverkansadministratören.");
	snprintf(uid, sizeof uid, "%u", c->q->admin_id);
	res = db_exec(s, "SELECT a.fornamn || ' ' || a.efternamn, a.aktiv,"
	    " EXISTS (SELECT 1 FROM anvandare_roll r"
	    "  WHERE r.anvandare_id = a.id AND r.roll = 'samverkansadmin')"
	    " FROM anvandare a WHERE a.id = $1::integer", 1, params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_VALIDATION, "Den valda "
		    "samverkansadministratören finns inte.");
	}
	snprintf(c->admin, sizeof c->admin, "%s", PQgetvalue(res, 0, 0));
	active = PQgetvalue(res, 0, 1)[0] == 't';
	role = PQgetvalue(res, 0, 2)[0] == 't';
	PQclear(res);
	if (!active)
		return session_refuse(s, id, ERR_VALIDATION, "%s är inte aktiv och "
		    "kan inte bli samverkansadministratör.%s", c->admin,
		    c->deciding ? ORDER_MUST_REJECT : "");
	if (!role)
		return session_refuse(s, id, ERR_VALIDATION, "%s har inte%s rollen "
		    "Samverkansadministratör. Den beställs först på blankett "
		    "9445.%s", c->admin, c->deciding ? " längre" : "",
		    c->deciding ? ORDER_MUST_REJECT : "");
	return 0;
}

/* Kontaktperson: name, telefon and e-post, all required. */
static int
order_check_kontakt(struct session *s, uint32_t id, struct order_ctx *c)
{
	char	*v;
	size_t	 i, n;

	for (i = 0; i < sizeof order_texts / sizeof order_texts[0]; i++) {
		memcpy(&v, (char *)c->q + order_texts[i].off, sizeof v);
		order_trim(v);
		if (v[0] == '\0')
			return session_refuse(s, id, ERR_VALIDATION,
			    "Fyll i %s.", order_texts[i].label);
		if (order_has_control(v))
			return session_refuse(s, id, ERR_VALIDATION, "%s får "
			    "inte innehålla tabbar eller radbrytningar.",
			    order_texts[i].label);
		if ((n = rule_utf8_chars(v)) > order_texts[i].max)
			return session_refuse(s, id, ERR_VALIDATION, "%s får ha "
			    "högst %zu tecken; det har %zu.",
			    order_texts[i].label, order_texts[i].max, n);
		if (order_texts[i].ok != NULL && !order_texts[i].ok(v))
			return session_refuse(s, id, ERR_VALIDATION, "%s",
			    order_texts[i].bad);
	}
	return 0;
}

/*
 * What already has the name or the organisationsnummer, by kind; each
 * sentence takes two values (%.0s drops one it does not need).
 */
static const char *const order_taken[] = {
	"Det finns redan en samverkansorganisation som heter %s.%.0s",
	"%s har redan organisationsnummer %s.",
	"Det finns redan en beställning av %s (%s).",
	"Det finns redan en beställning med organisationsnummer %s (%s).",
};

/*
 * One order per organisation (rule 1): no organisation has the name or
 * the organisationsnummer, and no other order that is not rejected.
 * Names compare without case. Holds the order table's lock, taken first,
 * so two orders for one organisation cannot pass at once.
 */
static int
order_check_unique(struct session *s, uint32_t id, struct order_ctx *c)
{
	PGresult	*res;
	char		 oid[16], a[256], b[256], text[512];
	const char	*params[3] = { c->q->namn, c->orgnr, oid };
	int		 kind;

	if (db_exec_cmd(s, "LOCK TABLE samorg_bestallning IN SHARE ROW"
	    " EXCLUSIVE MODE", 0, NULL) != 0)
		return db_refused(s, id);
	snprintf(oid, sizeof oid, "%u", c->order_id);
	res = db_exec(s, "SELECT k, a, b FROM ("
	    " SELECT 0 AS k, s.namn AS a, '' AS b FROM samverkansorg s"
	    "  WHERE lower(s.namn) = lower($1::text COLLATE \"sv-SE-x-icu\")"
	    " UNION ALL SELECT 1, s.namn, s.organisationsnummer"
	    "  FROM samverkansorg s WHERE s.organisationsnummer = $2"
	    " UNION ALL SELECT 2, b.namn, (CASE b.status WHEN 'godkand'"
	    "  THEN 'godkänd ' ELSE 'inskickad ' END)"
	    "  || to_char(b.skapad, 'YYYY-MM-DD') FROM samorg_bestallning b"
	    "  WHERE b.id <> $3::integer AND b.status <> 'avslagen'"
	    "  AND lower(b.namn) = lower($1::text COLLATE \"sv-SE-x-icu\")"
	    " UNION ALL SELECT 3, b.organisationsnummer, b.namn"
	    "  FROM samorg_bestallning b WHERE b.id <> $3::integer"
	    "  AND b.status <> 'avslagen' AND b.organisationsnummer = $2"
	    ") t ORDER BY k LIMIT 1", 3, params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return 0;
	}
	kind = atoi(PQgetvalue(res, 0, 0));
	snprintf(a, sizeof a, "%s", PQgetvalue(res, 0, 1));
	snprintf(b, sizeof b, "%s", PQgetvalue(res, 0, 2));
	PQclear(res);
	if (kind < 0 || kind >= (int)(sizeof order_taken /
	    sizeof order_taken[0]))
		kind = 0;
	snprintf(text, sizeof text, order_taken[kind], a, b);
	return session_refuse(s, id, ERR_CONFLICT, "%s%s", text,
	    c->deciding ? ORDER_MUST_REJECT : "");
}

/* The checks of a new order, in the order of the form. */
static const order_step order_submit_steps[] = {
	order_check_namn,
	order_check_orgnr,
	order_check_form,
	order_check_start,
	order_check_admin,
	order_check_kontakt,
	order_check_unique,
};

/* MSG_SAMORG_ORDER_SUBMIT (blankett 9447): anyone logged in may order. */
int
samorg_order_submit(struct session *s, uint32_t id, void *m)
{
	struct msg_samorg_order_submit *q = m;
	struct order_ctx	 c;
	struct msg_ok		 ok;
	PGresult		*res;
	char			 me[16], form[16], admin[16], text[512];
	const char		*params[10];
	size_t			 i;
	int			 rv;

	memset(&c, 0, sizeof c);
	c.q = q;
	for (i = 0; i < sizeof order_submit_steps /
	    sizeof order_submit_steps[0]; i++) {
		if ((rv = order_submit_steps[i](s, id, &c)) != 0)
			return rv;
	}
	snprintf(me, sizeof me, "%u", s->user_id);
	snprintf(form, sizeof form, "%u", q->samverkansform_id);
	snprintf(admin, sizeof admin, "%u", q->admin_id);
	params[0] = q->namn;
	params[1] = c.orgnr;
	params[2] = form;
	params[3] = q->startdatum;
	params[4] = admin;
	params[5] = q->kontakt_namn;
	params[6] = q->kontakt_telefon;
	params[7] = q->kontakt_epost;
	params[8] = me;
	res = db_exec(s, "INSERT INTO samorg_bestallning (namn,"
	    " organisationsnummer, samverkansform_id, startdatum, admin_id,"
	    " kontakt_namn, kontakt_telefon, kontakt_epost, skapad_av)"
	    " VALUES ($1, $2, $3::smallint, $4::date, $5::integer, $6, $7, $8,"
	    " $9::integer) RETURNING id", 9, params);
	if (res == NULL)
		return db_refused(s, id);
	memset(&ok, 0, sizeof ok);
	ok.id = db_u32(res, 0, 0);
	PQclear(res);
	snprintf(text, sizeof text, "Beställningen är skickad (nummer %u): %s. "
	    "En superadministratör på Försäkringskassan behandlar den.",
	    ok.id, q->namn);
	ok.message = text;
	log_info("samverkansorg order %u submitted by user %u", ok.id,
	    s->user_id);
	return session_reply(s, id, MSG_OK, &ok);
}

#define ORDER_SEARCH_FROM						\
	" FROM samorg_bestallning b"					\
	" JOIN anvandare c ON c.id = b.skapad_av"			\
	" JOIN samverkansform f ON f.id = b.samverkansform_id"		\
	" JOIN anvandare a ON a.id = b.admin_id"			\
	" LEFT JOIN organisation o ON o.id = a.arbetsgivare_id"		\
	" LEFT JOIN anvandare d ON d.id = b.beslutad_av"		\
	" WHERE ($1 = '' OR b.status = $1)"				\
	" AND ($2::boolean OR b.skapad_av = $3::integer)"

/* Fills one list row from row n of res; the strings stay in res. */
static void
order_row_fill(struct samorg_order_row *r, PGresult *res, int n)
{
	int	k = order_status_find(PQgetvalue(res, n, 1));

	r->id = db_u32(res, n, 0);
	r->status = k == -1 ? 0 : order_states[k].status;
	r->skapad = PQgetvalue(res, n, 2);
	r->skapad_av = PQgetvalue(res, n, 3);
	r->namn = PQgetvalue(res, n, 4);
	r->organisationsnummer = PQgetvalue(res, n, 5);
	r->samverkansform_id = db_u32(res, n, 6);
	r->samverkansform = PQgetvalue(res, n, 7);
	r->startdatum = PQgetvalue(res, n, 8);
	r->admin_id = db_u32(res, n, 9);
	r->admin = PQgetvalue(res, n, 10);
	r->kontakt_namn = PQgetvalue(res, n, 11);
	r->kontakt_telefon = PQgetvalue(res, n, 12);
	r->kontakt_epost = PQgetvalue(res, n, 13);
	r->beslutad = PQgetvalue(res, n, 14);
	r->beslutad_av = PQgetvalue(res, n, 15);
	r->kommentar = PQgetvalue(res, n, 16);
	r->samorg_id = db_u32(res, n, 17);
}

/*
 * MSG_SAMORG_ORDER_SEARCH → MSG_SAMORG_ORDER_LIST, newest first: a
 * superadministratör sees every order, others the orders they placed.
 */
int
samorg_order_search(struct session *s, uint32_t id, void *m)
{
	struct msg_samorg_order_search *q = m;
	struct msg_samorg_order_list list;
	struct db_page		 pg;
	char			 uid[16];
	const char		*params[5], *status = "";
	uint32_t		 i;
	int			 rv;

	memset(&list, 0, sizeof list);
	if (q->status != 0 && (status = order_status_name(q->status)) == NULL)
		return session_error(s, id, ERR_BAD_REQUEST,
		    "Okänd status för beställningar.");
	db_page_init(&pg, q->offset, q->limit, ORDER_PAGE_DEFAULT);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = status;
	params[1] = (s->roles & ROLE_SUPERADMIN) ? "t" : "f";
	params[2] = uid;
	if ((rv = db_page_fetch(s, id, &pg, "SELECT count(*)"
	    ORDER_SEARCH_FROM, "SELECT b.id, b.status,"
	    " to_char(b.skapad, 'YYYY-MM-DD HH24:MI'),"
	    " c.fornamn || ' ' || c.efternamn, b.namn, b.organisationsnummer,"
	    " b.samverkansform_id, f.namn, to_char(b.startdatum, 'YYYY-MM-DD'),"
	    " b.admin_id, a.fornamn || ' ' || a.efternamn"
	    "  || coalesce(', ' || o.namn, ''),"
	    " b.kontakt_namn, b.kontakt_telefon, b.kontakt_epost,"
	    " coalesce(to_char(b.beslutad, 'YYYY-MM-DD HH24:MI'), ''),"
	    " coalesce(d.fornamn || ' ' || d.efternamn, ''),"
	    " coalesce(b.kommentar, ''), coalesce(b.samverkansorg_id, 0)"
	    ORDER_SEARCH_FROM " ORDER BY b.skapad DESC, b.id DESC"
	    " OFFSET $4 LIMIT $5", params, 3)) != 0)
		goto out;
	list.total = pg.total;
	list.nrows = pg.nrows;
	if (list.nrows > 0)
		list.rows = xcalloc(list.nrows, sizeof *list.rows);
	for (i = 0; i < list.nrows; i++)
		order_row_fill(&list.rows[i], pg.rows, (int)i);
	rv = session_reply(s, id, MSG_SAMORG_ORDER_LIST, &list);
out:
	/* Strings belong to the PGresult; only the array is ours. */
	free(list.rows);
	db_page_clear(&pg);
	return rv;
}

/* The checks an approval repeats: things may have changed since. */
static const order_step order_approve_steps[] = {
	order_check_namn,
	order_check_form,
	order_check_admin,
	order_check_unique,
};

/*
 * Carries out an approval: the organisation, the first
 * samverkansadministratör's uppdrag from today, and the message saying
 * so. *samorg gets the new organisation's id.
 */
static int
order_create(struct session *s, uint32_t id, struct order_ctx *c,
    uint32_t *samorg, char *msg, size_t len)
{
	PGresult	*res;
	char		 me[16], form[16], admin[16], org[16];
	const char	*params[4];

	snprintf(me, sizeof me, "%u", s->user_id);
	snprintf(form, sizeof form, "%u", c->q->samverkansform_id);
	snprintf(admin, sizeof admin, "%u", c->q->admin_id);
	params[0] = c->q->namn;
	params[1] = c->orgnr;
	params[2] = form;
	params[3] = c->q->startdatum;
	res = db_exec(s, "INSERT INTO samverkansorg (namn, organisationsnummer,"
	    " samverkansform_id, startdatum) VALUES ($1, $2, $3::smallint,"
	    " $4::date) RETURNING id", 4, params);
	if (res == NULL)
		return db_refused(s, id);
	*samorg = db_u32(res, 0, 0);
	PQclear(res);
	snprintf(org, sizeof org, "%u", *samorg);
	params[0] = admin;
	params[1] = org;
	params[2] = me;
	res = db_exec(s, "INSERT INTO uppdrag (anvandare_id, roll,"
	    " samverkansorg_id, giltig_from, skapad_av) VALUES ($1::integer,"
	    " 'samverkansadmin', $2::integer, current_date, $3::integer)"
	    " RETURNING to_char(giltig_from, 'YYYY-MM-DD')", 3, params);
	if (res == NULL)
		return db_refused(s, id);
	/* The organisation first: the message line may cut the rest. */
	snprintf(msg, len, "%s är skapad. %s är samverkansadministratör där "
	    "från och med %s.", c->q->namn, c->admin, PQgetvalue(res, 0, 0));
	PQclear(res);
	return 0;
}

/* Copies the order read in row 0 of res into c and its message. */
static void
order_ctx_read(struct order_ctx *c, struct msg_samorg_order_submit *q,
    PGresult *res)
{
	memset(q, 0, sizeof *q);
	q->namn = PQgetvalue(res, 0, 1);
	q->organisationsnummer = PQgetvalue(res, 0, 2);
	snprintf(c->orgnr, sizeof c->orgnr, "%s", q->organisationsnummer);
	q->samverkansform_id = db_u32(res, 0, 3);
	q->startdatum = PQgetvalue(res, 0, 4);
	q->admin_id = db_u32(res, 0, 5);
	c->q = q;
}

/*
 * MSG_SAMORG_ORDER_DECIDE: a superadministratör rejects a submitted
 * order with a reason, or approves it; an approval creates the
 * organisation and the first samverkansadministratör's uppdrag in this
 * transaction and answers with the organisation's id.
 */
int
samorg_order_decide(struct session *s, uint32_t id, void *m)
{
	struct msg_samorg_order_decide *q = m;
	struct msg_samorg_order_submit	 o;
	struct order_ctx		 c;
	struct msg_ok			 ok;
	PGresult			*res = NULL;
	char				 oid[16], me[16], org[16], msg[512];
	const char			*params[5];
	uint32_t			 samorg = 0;
	size_t				 i;
	int				 rv, k;

	memset(&c, 0, sizeof c);
	order_trim(q->kommentar);
	if (order_has_control(q->kommentar) ||
	    rule_utf8_chars(q->kommentar) > ORDER_KOMMENTAR_MAX)
		return session_refuse(s, id, ERR_VALIDATION, "Kommentaren får "
		    "ha högst %d tecken, utan radbrytningar.",
		    ORDER_KOMMENTAR_MAX);
	if (!q->approve && q->kommentar[0] == '\0')
		return session_refuse(s, id, ERR_VALIDATION, "Skriv i kommentaren "
		    "varför beställningen avslås.");
	if (db_exec_cmd(s, "LOCK TABLE samorg_bestallning IN SHARE ROW"
	    " EXCLUSIVE MODE", 0, NULL) != 0)
		return db_refused(s, id);
	snprintf(oid, sizeof oid, "%u", q->order_id);
	params[0] = oid;
	res = db_exec(s, "SELECT b.status, b.namn, b.organisationsnummer,"
	    " b.samverkansform_id, to_char(b.startdatum, 'YYYY-MM-DD'),"
	    " b.admin_id, coalesce(to_char(b.beslutad, 'YYYY-MM-DD'), ''),"
	    " coalesce(d.fornamn || ' ' || d.efternamn, '')"
	    " FROM samorg_bestallning b"
	    " LEFT JOIN anvandare d ON d.id = b.beslutad_av"
	    " WHERE b.id = $1::integer FOR UPDATE OF b", 1, params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		rv = session_refuse(s, id, ERR_NOT_FOUND,
		    "Beställningen finns inte.");
		goto out;
	}
	k = order_status_find(PQgetvalue(res, 0, 0));
	if (k == -1 || order_states[k].status != ORDER_SUBMITTED) {
		rv = session_refuse(s, id, ERR_CONFLICT, "Beställningen är redan "
		    "behandlad: %s %s av %s.", k == -1 ? "beslutad" :
		    order_states[k].text, PQgetvalue(res, 0, 6),
		    PQgetvalue(res, 0, 7));
		goto out;
	}
	order_ctx_read(&c, &o, res);
	c.order_id = q->order_id;
	c.deciding = 1;
	if (q->approve) {
		for (i = 0; i < sizeof order_approve_steps /
		    sizeof order_approve_steps[0]; i++) {
			if ((rv = order_approve_steps[i](s, id, &c)) != 0)
				goto out;
		}
		if ((rv = order_create(s, id, &c, &samorg, msg,
		    sizeof msg)) != 0)
			goto out;
	} else
		snprintf(msg, sizeof msg, "Beställningen av %s är avslagen.",
		    o.namn);
	snprintf(me, sizeof me, "%u", s->user_id);
	snprintf(org, sizeof org, "%u", samorg);
	params[1] = q->approve ? "godkand" : "avslagen";
	params[2] = me;
	params[3] = q->kommentar[0] != '\0' ? q->kommentar : NULL;
	params[4] = samorg != 0 ? org : NULL;
	if (db_exec_cmd(s, "UPDATE samorg_bestallning SET status = $2,"
	    " beslutad = now(), beslutad_av = $3::integer, kommentar = $4,"
	    " samverkansorg_id = $5::integer WHERE id = $1::integer", 5,
	    params) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	log_info("samverkansorg order %u %s by user %u", q->order_id,
	    q->approve ? "approved" : "rejected", s->user_id);
	memset(&ok, 0, sizeof ok);
	ok.id = samorg;
	ok.message = msg;
	rv = session_reply(s, id, MSG_OK, &ok);
out:
	PQclear(res);
	return rv;
}
