/*
 * The ordering chain of 4.4: an organisation's överenskommelse, its
 * behöriga beställare (blankett 9463), and the beställare's orders for
 * users (blankett 9445), which a superadministratör approves or rejects.
 * An approved order is carried out in the same transaction as the
 * decision: a new account, a new role set or a deactivation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "anvandare.h"
#include "log.h"
#include "date.h"
#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "samverkansorg.h"
#include "susd.h"
#include "xmalloc.h"

/* Rows in a page when the client does not say. */
#define BESTALLNING_PAGE_DEFAULT	100
/* Longest förnamn or efternamn, in characters (schema 0004). */
#define BESTALLNING_NAME_MAX		50
/* Longest e-post address, in characters (schema 0004). */
#define BESTALLNING_EPOST_MAX		100
/* Longest decision comment, in characters (schema 0005). */
#define BESTALLNING_KOMMENTAR_MAX	500
/* Length of a temporary password: about 69 bits from the alphabet below. */
#define BESTALLNING_TEMP_PASSWORD_LEN	12

/* Letters and digits nobody misreads: no 0 O o, 1 l I i. */
static const char bestallning_alphabet[] =
    "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/* The roles a beställare may order on blankett 9445. */
#define BESTALLNING_ROLES	(ROLE_SAMVERKANSADMIN | ROLE_INSATSANSVARIG | \
				 ROLE_DELTAGARANSVARIG | ROLE_SUSRAPPORT)

/* What the beställare and the order are about, as read from the database. */
struct bestallning_order {
	char		 id[16];	/* the order, once it exists */
	char		 bestallare_id[16];
	char		 org_id[16];
	char		 org_namn[128];
	char		 org_typ[32];
	int		 sus_forvaltning;
	uint32_t	 user_id;	/* the user concerned, 0 if new */
	const char	*username;	/* for a new user */
	const char	*fornamn;
	const char	*efternamn;
	const char	*epost;		/* NULL when none */
	uint32_t	 roles;
};

typedef int	(*bestallning_fn)(struct session *, uint32_t,
		    struct bestallning_order *, char *, size_t);

static int	bestallning_submit_new(struct session *, uint32_t,
		    struct bestallning_order *, char *, size_t);
static int	bestallning_submit_change(struct session *, uint32_t,
		    struct bestallning_order *, char *, size_t);
static int	bestallning_submit_remove(struct session *, uint32_t,
		    struct bestallning_order *, char *, size_t);
static int	bestallning_approve_new(struct session *, uint32_t,
		    struct bestallning_order *, char *, size_t);
static int	bestallning_approve_change(struct session *, uint32_t,
		    struct bestallning_order *, char *, size_t);
static int	bestallning_approve_remove(struct session *, uint32_t,
		    struct bestallning_order *, char *, size_t);

/*
 * The three kinds of order: the wire code, the name in bestallning.typ,
 * what submitting checks and what approving does. Both functions send
 * their own ERR and return the handler's result when they refuse.
 */
static const struct {
	uint8_t		 typ;
	const char	*name;
	bestallning_fn	 submit;
	bestallning_fn	 approve;
} bestallning_kinds[] = {
	{ ORDER_NEW, "ny", bestallning_submit_new, bestallning_approve_new },
	{ ORDER_CHANGE, "andring", bestallning_submit_change,
	    bestallning_approve_change },
	{ ORDER_REMOVE, "borttag", bestallning_submit_remove,
	    bestallning_approve_remove },
};

/* Order states on the wire and in bestallning.status. */
static const struct {
	uint8_t		 status;
	const char	*name;
} bestallning_states[] = {
	{ ORDER_SUBMITTED, "inskickad" },
	{ ORDER_APPROVED, "godkand" },
	{ ORDER_REJECTED, "avslagen" },
};

/* The kind with wire code typ, -1 if none. */
static int
bestallning_kind(uint8_t typ)
{
	size_t	i;

	for (i = 0; i < sizeof bestallning_kinds / sizeof bestallning_kinds[0];
	    i++) {
		if (bestallning_kinds[i].typ == typ)
			return (int)i;
	}
	return -1;
}

/* The kind stored as name, -1 if none. */
static int
bestallning_kind_named(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof bestallning_kinds / sizeof bestallning_kinds[0];
	    i++) {
		if (strcmp(bestallning_kinds[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

/* The wire code of a stored state, 0 if unknown. */
static uint8_t
bestallning_status(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof bestallning_states /
	    sizeof bestallning_states[0]; i++) {
		if (strcmp(bestallning_states[i].name, name) == 0)
			return bestallning_states[i].status;
	}
	return 0;
}

/* The stored name of a wire state, NULL if unknown. */
static const char *
bestallning_status_name(uint8_t status)
{
	size_t	i;

	for (i = 0; i < sizeof bestallning_states /
	    sizeof bestallning_states[0]; i++) {
		if (bestallning_states[i].status == status)
			return bestallning_states[i].name;
	}
	return NULL;
}

/* Reports whether a name has 1-50 characters and is not only spaces. */
static int
bestallning_name_ok(const char *name)
{
	size_t	n = rule_utf8_chars(name);

	return n >= 1 && n <= BESTALLNING_NAME_MAX &&
	    strspn(name, " ") != strlen(name);
}

/* The username rule of anvandare: ^[a-z0-9][a-z0-9._-]{1,31}$. */
static int
bestallning_username_ok(const char *u)
{
	size_t	n = strlen(u), i;

	if (n < 2 || n > 32 || strchr("._-", u[0]) != NULL)
		return 0;
	for (i = 0; i < n; i++) {
		if (!((u[i] >= 'a' && u[i] <= 'z') ||
		    (u[i] >= '0' && u[i] <= '9') ||
		    strchr("._-", u[i]) != NULL))
			return 0;
	}
	return 1;
}

/* The e-post rule of anvandare: one @, something either side, no space. */
static int
bestallning_epost_ok(const char *e)
{
	const char	*at = strchr(e, '@');
	size_t		 n = rule_utf8_chars(e);

	if (n < 3 || n > BESTALLNING_EPOST_MAX || at == NULL || at == e ||
	    at[1] == '\0' || strchr(at + 1, '@') != NULL)
		return 0;
	return strpbrk(e, " \t\r\n\v\f") == NULL;
}

/*
 * Reports whether tom is before from plus two years, counted as the
 * database counts (29 February plus two years is 28 February).
 */
static int
bestallning_within_two_years(const char *from, const char *tom)
{
	char	limit[32];
	int	y = atoi(from), m = atoi(from + 5), d = atoi(from + 8);

	if (m == 2 && d == 29)
		d = 28;
	snprintf(limit, sizeof limit, "%04d-%02d-%02d", y + 2, m, d);
	return strcmp(tom, limit) < 0;
}

/* Fills the organisation part of o from columns col.. of row 0. */
static void
bestallning_org(struct bestallning_order *o, PGresult *res, int col)
{
	strlcpy(o->org_id, PQgetvalue(res, 0, col), sizeof o->org_id);
	strlcpy(o->org_namn, PQgetvalue(res, 0, col + 1), sizeof o->org_namn);
	strlcpy(o->org_typ, PQgetvalue(res, 0, col + 2), sizeof o->org_typ);
	o->sus_forvaltning = PQgetvalue(res, 0, col + 3)[0] == 't';
}

/* Checks the requested roles are a non-empty set 9445 can order. */
static int
bestallning_roles_ok(struct session *s, uint32_t id, uint32_t roles)
{
	if ((roles & ROLE_SUPERADMIN) != 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Superadministratör beställs inte på blankett 9445.");
	if ((roles & ~(uint32_t)BESTALLNING_ROLES) != 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Okänd roll i beställningen.");
	if (roles == 0)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Välj minst en roll.");
	return 0;
}

/*
 * Checks user uid for an order from the beställare's organisation: the
 * user must exist, be active and be employed there. Puts the user's
 * name into name.
 */
static int
bestallning_target(struct session *s, uint32_t id, struct bestallning_order *o,
    uint32_t uid, char *name, size_t len)
{
	PGresult	*res;
	char		 u[16];
	const char	*params[2] = { u, o->org_id };
	int		 employed, active;

	snprintf(u, sizeof u, "%u", uid);
	res = db_exec(s, "SELECT a.aktiv,"
	    " coalesce(a.arbetsgivare_id = $2::integer, false),"
	    " a.fornamn || ' ' || a.efternamn FROM anvandare a"
	    " WHERE a.id = $1", 2, params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Användaren finns inte.");
	}
	active = PQgetvalue(res, 0, 0)[0] == 't';
	employed = PQgetvalue(res, 0, 1)[0] == 't';
	strlcpy(name, PQgetvalue(res, 0, 2), len);
	PQclear(res);
	if (!employed)
		return session_refuse(s, id, ERR_VALIDATION,
		    "%s är inte anställd av %s.", name, o->org_namn);
	if (!active)
		return session_refuse(s, id, ERR_VALIDATION,
		    "%s är inte aktiv.", name);
	return 0;
}

/* ORDER_NEW: a user who does not exist yet, employed by the organisation. */
static int
bestallning_submit_new(struct session *s, uint32_t id,
    struct bestallning_order *o, char *msg, size_t len)
{
	struct rule_person	 p;
	PGresult		*res;
	const char		*params[1], *why;
	int			 used, r;

	if (!bestallning_username_ok(o->username))
		return session_refuse(s, id, ERR_VALIDATION,
		    "Användarnamnet ska ha 2-32 tecken: a-z, 0-9, punkt, "
		    "bindestreck och understreck, och börja med en bokstav "
		    "eller siffra.");
	if (!bestallning_name_ok(o->fornamn) ||
	    !bestallning_name_ok(o->efternamn))
		return session_refuse(s, id, ERR_VALIDATION,
		    "Förnamn och efternamn ska ha 1-50 tecken.");
	if (o->epost != NULL && !bestallning_epost_ok(o->epost))
		return session_refuse(s, id, ERR_VALIDATION,
		    "E-postadressen är inte giltig.");
	if ((r = bestallning_roles_ok(s, id, o->roles)) != 0)
		return r;
	memset(&p, 0, sizeof p);
	p.roles = o->roles;
	p.organisationstyp = o->org_typ;
	p.sus_forvaltning = o->sus_forvaltning;
	if ((why = rule_roles_refusal(&p)) != NULL)
		return session_refuse(s, id, ERR_VALIDATION, "%s", why);
	params[0] = o->username;
	res = db_exec(s, "SELECT EXISTS (SELECT 1 FROM anvandare"
	    "  WHERE username = $1),"
	    " EXISTS (SELECT 1 FROM bestallning WHERE typ = 'ny'"
	    "  AND status = 'inskickad' AND username = $1)", 1, params);
	if (res == NULL)
		return db_refused(s, id);
	used = PQgetvalue(res, 0, 0)[0] == 't' ? 1 :
	    PQgetvalue(res, 0, 1)[0] == 't' ? 2 : 0;
	PQclear(res);
	if (used == 1)
		return session_refuse(s, id, ERR_CONFLICT,
		    "Användarnamnet %s är upptaget.", o->username);
	if (used == 2)
		return session_refuse(s, id, ERR_CONFLICT,
		    "Det finns redan en beställning av användarnamnet %s som "
		    "väntar på beslut.", o->username);
	snprintf(msg, len, "Beställningen av en ny användare (%s) är "
	    "skickad till Försäkringskassan.", o->username);
	return 0;
}

/* ORDER_CHANGE: a new whole role set for a user of the organisation. */
static int
bestallning_submit_change(struct session *s, uint32_t id,
    struct bestallning_order *o, char *msg, size_t len)
{
	char	name[128];
	int	r;

	if ((r = bestallning_target(s, id, o, o->user_id, name,
	    sizeof name)) != 0)
		return r;
	if ((r = bestallning_roles_ok(s, id, o->roles)) != 0)
		return r;
	if ((r = anvandare_roles_check(s, id, o->user_id, o->roles)) != 0)
		return r;
	snprintf(msg, len, "Beställningen av nya roller för %s är skickad "
	    "till Försäkringskassan.", name);
	return 0;
}

/* ORDER_REMOVE: the end of a user's authorisation. */
static int
bestallning_submit_remove(struct session *s, uint32_t id,
    struct bestallning_order *o, char *msg, size_t len)
{
	char	name[128];
	int	r;

	if ((r = bestallning_target(s, id, o, o->user_id, name,
	    sizeof name)) != 0)
		return r;
	o->roles = 0;
	snprintf(msg, len, "Beställningen av borttag av behörighet för %s är "
	    "skickad till Försäkringskassan.", name);
	return 0;
}

/*
 * Finds the caller's beställare registration in force today, for the
 * organisation that employs the caller, and fills o. Refuses with the
 * reason when there is none.
 */
static int
bestallning_caller(struct session *s, uint32_t id, struct bestallning_order *o)
{
	PGresult	*res;
	char		 u[16];
	const char	*params[1] = { u };
	int		 r;

	snprintf(u, sizeof u, "%u", s->user_id);
	res = db_exec(s, "SELECT b.id, o.id, o.namn, o.organisationstyp,"
	    " o.sus_forvaltning FROM bestallare b"
	    " JOIN anvandare a ON a.id = b.anvandare_id"
	    "  AND a.arbetsgivare_id = b.organisation_id"
	    " JOIN organisation o ON o.id = b.organisation_id"
	    " WHERE b.anvandare_id = $1 AND b.giltig_from <= current_date"
	    " AND b.giltig_tom >= current_date"
	    " ORDER BY b.giltig_tom DESC, b.id DESC LIMIT 1", 1, params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) == 1) {
		strlcpy(o->bestallare_id, PQgetvalue(res, 0, 0),
		    sizeof o->bestallare_id);
		bestallning_org(o, res, 1);
		PQclear(res);
		return 0;
	}
	PQclear(res);
	res = db_exec(s, "SELECT coalesce(to_char(min(giltig_from)"
	    "  FILTER (WHERE giltig_from > current_date), 'YYYY-MM-DD'), ''),"
	    " coalesce(to_char(max(giltig_tom)"
	    "  FILTER (WHERE giltig_tom < current_date), 'YYYY-MM-DD'), '')"
	    " FROM bestallare WHERE anvandare_id = $1", 1, params);
	if (res == NULL)
		return db_refused(s, id);
	if (*PQgetvalue(res, 0, 0) != '\0')
		r = session_refuse(s, id, ERR_VALIDATION, "Din behörighet "
		    "som beställare gäller från %s.", PQgetvalue(res, 0, 0));
	else if (*PQgetvalue(res, 0, 1) != '\0')
		r = session_refuse(s, id, ERR_VALIDATION, "Din behörighet "
		    "som beställare gick ut %s. En ny anmälan (blankett 9463) "
		    "behövs.", PQgetvalue(res, 0, 1));
	else
		r = session_refuse(s, id, ERR_VALIDATION, "Du är inte "
		    "registrerad som beställare för din arbetsgivare. En "
		    "anmälan (blankett 9463) behövs.");
	PQclear(res);
	return r;
}

/* Reports whether the organisation of o has an agreement in force today. */
static int
bestallning_agreement_in_force(struct session *s, struct bestallning_order *o)
{
	PGresult	*res;
	const char	*params[1] = { o->org_id };
	int		 yes;

	res = db_exec(s, "SELECT har_overenskommelse($1, current_date)", 1,
	    params);
	if (res == NULL)
		return -1;
	yes = PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	return yes;
}

/*
 * MSG_ORDER_SUBMIT (blankett 9445): a beställare whose registration is in
 * force, for an organisation whose agreement is, orders a new user, new
 * roles for a user of the organisation, or a user's removal.
 */
int
bestallning_submit(struct session *s, uint32_t id, void *m)
{
	struct msg_order_submit	*q = m;
	struct bestallning_order o;
	struct msg_ok		 ok;
	PGresult		*res;
	char			 msg[512], roller[160], uid[16];
	char			 username[SUS_USERNAME_MAX + 1], *p;
	const char		*params[8];
	int			 k, r, yes;

	memset(&o, 0, sizeof o);
	if ((k = bestallning_kind(q->typ)) == -1)
		return session_error(s, id, ERR_BAD_REQUEST,
		    "Okänd sorts beställning.");
	if ((r = bestallning_caller(s, id, &o)) != 0)
		return r;
	if ((yes = bestallning_agreement_in_force(s, &o)) == -1)
		return db_refused(s, id);
	if (!yes)
		return session_refuse(s, id, ERR_VALIDATION,
		    "%s har ingen giltig överenskommelse med "
		    "Försäkringskassan. Beställningen kan inte tas emot.",
		    o.org_namn);
	o.user_id = q->typ == ORDER_NEW ? 0 : q->user_id;
	/* Logins are case-insensitive: usernames are stored lower case. */
	strlcpy(username, q->username, sizeof username);
	for (p = username; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p += 'a' - 'A';
	}
	o.username = username;
	o.fornamn = q->fornamn;
	o.efternamn = q->efternamn;
	o.epost = q->epost[0] != '\0' ? q->epost : NULL;
	o.roles = q->roles;
	if (q->typ == ORDER_NEW && strlen(q->username) >= sizeof username)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Användarnamnet är för långt.");
	if ((r = bestallning_kinds[k].submit(s, id, &o, msg,
	    sizeof msg)) != 0)
		return r;
	anvandare_roles_array(o.roles, roller, sizeof roller);
	snprintf(uid, sizeof uid, "%u", o.user_id);
	params[0] = o.bestallare_id;
	params[1] = bestallning_kinds[k].name;
	params[2] = o.user_id != 0 ? uid : NULL;
	params[3] = q->typ == ORDER_NEW ? o.username : NULL;
	params[4] = q->typ == ORDER_NEW ? o.fornamn : NULL;
	params[5] = q->typ == ORDER_NEW ? o.efternamn : NULL;
	params[6] = q->typ == ORDER_NEW ? o.epost : NULL;
	params[7] = roller;
	res = db_exec(s, "INSERT INTO bestallning (bestallare_id, typ,"
	    " anvandare_id, username, fornamn, efternamn, epost, roller)"
	    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[]) RETURNING id",
	    8, params);
	if (res == NULL)
		return db_refused(s, id);
	memset(&ok, 0, sizeof ok);
	ok.id = (uint32_t)strtoul(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	log_info("order %u (%s) submitted by user %u", ok.id,
	    bestallning_kinds[k].name, s->user_id);
	ok.message = msg;
	return session_reply(s, id, MSG_OK, &ok);
}

/*
 * The filter of "Visa beställningen": $1 a state name or "", $2 whether
 * the caller sees every order, $3 the caller, who otherwise sees the
 * orders placed through any of their registrations and those about them.
 */
#define ORDER_SEARCH_FROM						\
	" FROM bestallning n"						\
	" JOIN bestallare b ON b.id = n.bestallare_id"			\
	" JOIN anvandare ba ON ba.id = b.anvandare_id"			\
	" JOIN organisation o ON o.id = b.organisation_id"		\
	" LEFT JOIN anvandare u ON u.id = n.anvandare_id"		\
	" LEFT JOIN anvandare d ON d.id = n.beslutad_av"		\
	" WHERE ($1 = '' OR n.status = $1)"				\
	" AND ($2::boolean OR b.anvandare_id = $3::integer"		\
	"  OR n.anvandare_id = $3::integer)"

/* MSG_ORDER_SEARCH → MSG_ORDER_LIST, newest first. */
int
bestallning_search(struct session *s, uint32_t id, void *m)
{
	struct msg_order_search	*q = m;
	struct msg_order_list	 list;
	struct db_page		 pg;
	PGresult		*res;
	char			 uid[16];
	const char		*params[5], *status = "";
	uint32_t		 i;
	int			 k, rv;

	memset(&list, 0, sizeof list);
	if (q->status != 0 &&
	    (status = bestallning_status_name(q->status)) == NULL)
		return session_error(s, id, ERR_BAD_REQUEST,
		    "Okänd status för beställningar.");
	db_page_init(&pg, q->offset, q->limit, BESTALLNING_PAGE_DEFAULT);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = status;
	params[1] = (s->roles & ROLE_SUPERADMIN) ? "t" : "f";
	params[2] = uid;
	if ((rv = db_page_fetch(s, id, &pg, "SELECT count(*)"
	    ORDER_SEARCH_FROM, "SELECT n.id, n.typ, n.status,"
	    " to_char(n.skapad, 'YYYY-MM-DD HH24:MI'),"
	    " ba.fornamn || ' ' || ba.efternamn, o.namn,"
	    " coalesce(n.anvandare_id, 0),"
	    " coalesce(n.fornamn, u.fornamn, ''),"
	    " coalesce(n.efternamn, u.efternamn, ''),"
	    " array_to_string(n.roller, ','),"
	    " coalesce(to_char(n.beslutad, 'YYYY-MM-DD HH24:MI'), ''),"
	    " coalesce(d.fornamn || ' ' || d.efternamn, ''),"
	    " coalesce(n.kommentar, '')" ORDER_SEARCH_FROM
	    " ORDER BY n.skapad DESC, n.id DESC OFFSET $4 LIMIT $5", params,
	    3)) != 0)
		goto out;
	res = pg.rows;
	list.total = pg.total;
	list.nrows = pg.nrows;
	if (list.nrows > 0)
		list.rows = xcalloc(list.nrows, sizeof *list.rows);
	for (i = 0; i < list.nrows; i++) {
		struct order_row	*r = &list.rows[i];
		int			 n = (int)i;

		r->id = db_u32(res, n, 0);
		k = bestallning_kind_named(PQgetvalue(res, n, 1));
		r->typ = k == -1 ? 0 : bestallning_kinds[k].typ;
		r->status = bestallning_status(PQgetvalue(res, n, 2));
		r->skapad = PQgetvalue(res, n, 3);
		r->bestallare = PQgetvalue(res, n, 4);
		r->organisation = PQgetvalue(res, n, 5);
		r->user_id = db_u32(res, n, 6);
		r->fornamn = PQgetvalue(res, n, 7);
		r->efternamn = PQgetvalue(res, n, 8);
		r->roles = auth_roles_parse(PQgetvalue(res, n, 9));
		r->beslutad = PQgetvalue(res, n, 10);
		r->beslutad_av = PQgetvalue(res, n, 11);
		r->kommentar = PQgetvalue(res, n, 12);
	}
	rv = session_reply(s, id, MSG_ORDER_LIST, &list);
out:
	/* Strings belong to the PGresult; only the array is ours. */
	free(list.rows);
	db_page_clear(&pg);
	return rv;
}

/* Fills buf with a temporary password from the unambiguous alphabet. */
static void
bestallning_temp_password(char *buf, size_t len)
{
	size_t	i;

	for (i = 0; i + 1 < len && i < BESTALLNING_TEMP_PASSWORD_LEN; i++)
		buf[i] = bestallning_alphabet[randombytes_uniform(
		    sizeof bestallning_alphabet - 1)];
	buf[i] = '\0';
}

/*
 * Approves ORDER_NEW: the account, employed by the beställare's
 * organisation, with a temporary password that must be changed at the
 * first login, then its roles. The password goes only into msg.
 */
static int
bestallning_approve_new(struct session *s, uint32_t id,
    struct bestallning_order *o, char *msg, size_t len)
{
	struct rule_person	 p;
	PGresult		*res = NULL;
	char			 pw[BESTALLNING_TEMP_PASSWORD_LEN + 1];
	char			 hash[crypto_pwhash_STRBYTES];
	const char		*params[6], *why;
	int			 rv;

	memset(&p, 0, sizeof p);
	p.roles = o->roles;
	p.organisationstyp = o->org_typ;
	p.sus_forvaltning = o->sus_forvaltning;
	if ((why = rule_roles_refusal(&p)) != NULL)
		return session_refuse(s, id, ERR_VALIDATION, "%s", why);
	params[0] = o->username;
	res = db_exec(s, "SELECT 1 FROM anvandare WHERE username = $1", 1,
	    params);
	if (res == NULL)
		return db_refused(s, id);
	rv = PQntuples(res);
	PQclear(res);
	res = NULL;
	if (rv != 0)
		return session_refuse(s, id, ERR_CONFLICT, "Användarnamnet "
		    "%s är redan upptaget. Beställningen ska avslås.",
		    o->username);
	bestallning_temp_password(pw, sizeof pw);
	if (auth_hash_password(pw, hash, sizeof hash) != 0) {
		rv = session_refuse(s, id, ERR_INTERNAL, "Lösenordet kunde "
		    "inte skapas på grund av ett serverfel.");
		goto out;
	}
	params[1] = hash;
	params[2] = o->fornamn;
	params[3] = o->efternamn;
	params[4] = o->epost;
	params[5] = o->org_id;
	res = db_exec(s, "INSERT INTO anvandare (username, password_hash,"
	    " fornamn, efternamn, epost, arbetsgivare_id,"
	    " must_change_password) VALUES ($1, $2, $3, $4, $5, $6, true)"
	    " RETURNING id", 6, params);
	if (res == NULL) {
		rv = db_refused(s, id);
		goto out;
	}
	o->user_id = (uint32_t)strtoul(PQgetvalue(res, 0, 0), NULL, 10);
	if (anvandare_roles_replace(s, o->user_id, o->roles) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	/* Nothing follows the password on its line that could pass for it. */
	snprintf(msg, len, "Användaren %s är skapad. Tillfälligt lösenord: "
	    "%s (visas bara nu). Lämna det till användaren på ett säkert "
	    "sätt; det ska bytas vid första inloggningen.", o->username, pw);
	rv = 0;
out:
	sodium_memzero(pw, sizeof pw);
	sodium_memzero(hash, sizeof hash);
	PQclear(res);
	return rv;
}

/* Approves ORDER_CHANGE: the user's role set becomes the ordered one. */
static int
bestallning_approve_change(struct session *s, uint32_t id,
    struct bestallning_order *o, char *msg, size_t len)
{
	char	name[128];
	int	r;

	if ((r = bestallning_target(s, id, o, o->user_id, name,
	    sizeof name)) != 0)
		return r;
	if ((r = anvandare_roles_check(s, id, o->user_id, o->roles)) != 0)
		return r;
	if (anvandare_roles_replace(s, o->user_id, o->roles) != 0)
		return db_refused(s, id);
	snprintf(msg, len, "Beställningen är godkänd. %s har fått de "
	    "beställda rollerna.", name);
	return 0;
}

/* Approves ORDER_REMOVE: the account is deactivated, not deleted. */
static int
bestallning_approve_remove(struct session *s, uint32_t id,
    struct bestallning_order *o, char *msg, size_t len)
{
	char		 name[128], u[16];
	const char	*params[1] = { u };
	int		 r;

	if (o->user_id == s->user_id)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Du kan inte inaktivera ditt eget konto.");
	if ((r = bestallning_target(s, id, o, o->user_id, name,
	    sizeof name)) != 0)
		return r;
	snprintf(u, sizeof u, "%u", o->user_id);
	if (db_exec_cmd(s, "UPDATE anvandare SET aktiv = false,"
	    " inaktiverad_at = now() WHERE id = $1 AND aktiv", 1, params) != 0)
		return db_refused(s, id);
	snprintf(msg, len, "Beställningen är godkänd. %s är inaktiverad.",
	    name);
	return 0;
}

/*
 * MSG_ORDER_DECIDE: rejects a submitted order, or approves and carries it
 * out. An approval needs the beställare's registration and the
 * organisation's agreement to be in force still; otherwise the order
 * must be rejected.
 */
int
bestallning_decide(struct session *s, uint32_t id, void *m)
{
	struct msg_order_decide	*q = m;
	struct bestallning_order o;
	struct msg_ok		 ok;
	PGresult		*res = NULL;
	char			 msg[SUS_MESSAGE_MAX], me[16], uid[16];
	const char		*params[5];
	int			 k, rv, registered, agreement;

	memset(&o, 0, sizeof o);
	memset(msg, 0, sizeof msg);
	if (rule_utf8_chars(q->kommentar) > BESTALLNING_KOMMENTAR_MAX)
		return session_error(s, id, ERR_VALIDATION,
		    "Kommentaren får ha högst 500 tecken.");
	snprintf(o.id, sizeof o.id, "%u", q->order_id);
	params[0] = o.id;
	res = db_exec(s, "SELECT n.typ, n.status, coalesce(n.anvandare_id, 0),"
	    " coalesce(n.username, ''), coalesce(n.fornamn, ''),"
	    " coalesce(n.efternamn, ''), n.epost,"
	    " array_to_string(n.roller, ','), b.id,"
	    " (b.giltig_from <= current_date AND b.giltig_tom >= current_date),"
	    " har_overenskommelse(b.organisation_id, current_date),"
	    " o.id, o.namn, o.organisationstyp, o.sus_forvaltning"
	    " FROM bestallning n JOIN bestallare b ON b.id = n.bestallare_id"
	    " JOIN organisation o ON o.id = b.organisation_id"
	    " WHERE n.id = $1 FOR UPDATE OF n", 1, params);
	if (res == NULL) {
		rv = db_refused(s, id);
		goto out;
	}
	if (PQntuples(res) != 1) {
		rv = session_refuse(s, id, ERR_NOT_FOUND,
		    "Beställningen finns inte.");
		goto out;
	}
	if (strcmp(PQgetvalue(res, 0, 1), "inskickad") != 0) {
		rv = session_refuse(s, id, ERR_CONFLICT,
		    "Beställningen är redan behandlad.");
		goto out;
	}
	if ((k = bestallning_kind_named(PQgetvalue(res, 0, 0))) == -1) {
		rv = session_refuse(s, id, ERR_INTERNAL,
		    "Beställningen har en okänd typ.");
		goto out;
	}
	o.user_id = (uint32_t)strtoul(PQgetvalue(res, 0, 2), NULL, 10);
	o.username = PQgetvalue(res, 0, 3);
	o.fornamn = PQgetvalue(res, 0, 4);
	o.efternamn = PQgetvalue(res, 0, 5);
	o.epost = PQgetisnull(res, 0, 6) ? NULL : PQgetvalue(res, 0, 6);
	o.roles = auth_roles_parse(PQgetvalue(res, 0, 7));
	strlcpy(o.bestallare_id, PQgetvalue(res, 0, 8),
	    sizeof o.bestallare_id);
	registered = PQgetvalue(res, 0, 9)[0] == 't';
	agreement = PQgetvalue(res, 0, 10)[0] == 't';
	bestallning_org(&o, res, 11);
	if (!q->approve)
		snprintf(msg, sizeof msg, "Beställningen är avslagen.");
	else if (!registered) {
		rv = session_refuse(s, id, ERR_VALIDATION, "Beställarens "
		    "behörighet gäller inte längre. Beställningen kan inte "
		    "godkännas utan ska avslås.");
		goto out;
	} else if (!agreement) {
		rv = session_refuse(s, id, ERR_VALIDATION, "%s har ingen "
		    "giltig överenskommelse med Försäkringskassan. "
		    "Beställningen kan inte godkännas utan ska avslås.",
		    o.org_namn);
		goto out;
	} else if ((rv = bestallning_kinds[k].approve(s, id, &o, msg,
	    sizeof msg)) != 0)
		goto out;
	snprintf(me, sizeof me, "%u", s->user_id);
	snprintf(uid, sizeof uid, "%u", o.user_id);
	params[1] = q->approve ? "godkand" : "avslagen";
	params[2] = me;
	params[3] = q->kommentar[0] != '\0' ? q->kommentar : NULL;
	params[4] = o.user_id != 0 ? uid : NULL;
	if (db_exec_cmd(s, "UPDATE bestallning SET status = $2,"
	    " beslutad = now(), beslutad_av = $3, kommentar = $4,"
	    " anvandare_id = coalesce($5::integer, anvandare_id)"
	    " WHERE id = $1", 5, params) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	/* The log names the decision, never the temporary password. */
	log_info("order %u %s by user %u", q->order_id,
	    q->approve ? "approved" : "rejected", s->user_id);
	memset(&ok, 0, sizeof ok);
	ok.id = q->order_id;
	ok.message = msg;
	rv = session_reply(s, id, MSG_OK, &ok);
out:
	sodium_memzero(msg, sizeof msg);
	PQclear(res);
	return rv;
}

/*
 * MSG_AGREEMENT_SAVE: records or changes an organisation's
 * överenskommelse with Försäkringskassan (4.4 step 1).
 */
int
bestallning_agreement_save(struct session *s, uint32_t id, void *m)
{
	struct msg_agreement_save *q = m;
	struct msg_ok		 ok;
	PGresult		*res;
	char			 org[16], me[16], text[256];
	const char		*params[4];

	if (!date_valid(q->undertecknad))
		return session_error(s, id, ERR_VALIDATION, "Ange datumet då "
		    "överenskommelsen undertecknades som ÅÅÅÅ-MM-DD.");
	if (q->upphor[0] != '\0' && !date_valid(q->upphor))
		return session_error(s, id, ERR_VALIDATION, "Ange datumet då "
		    "överenskommelsen upphör som ÅÅÅÅ-MM-DD, eller lämna det "
		    "tomt om den gäller tills vidare.");
	if (q->upphor[0] != '\0' && strcmp(q->upphor, q->undertecknad) < 0)
		return session_error(s, id, ERR_VALIDATION, "Överenskommelsen "
		    "kan inte upphöra innan den undertecknades.");
	snprintf(org, sizeof org, "%u", q->organisation_id);
	snprintf(me, sizeof me, "%u", s->user_id);
	params[0] = org;
	res = db_exec(s, "SELECT namn FROM organisation WHERE id = $1", 1,
	    params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_error(s, id, ERR_NOT_FOUND,
		    "Organisationen finns inte.");
	}
	snprintf(text, sizeof text, "Överenskommelsen med %s är sparad.",
	    PQgetvalue(res, 0, 0));
	PQclear(res);
	params[1] = q->undertecknad;
	params[2] = q->upphor[0] != '\0' ? q->upphor : NULL;
	params[3] = me;
	res = db_exec(s, "INSERT INTO overenskommelse (organisation_id,"
	    " undertecknad, upphor, registrerad_av) VALUES ($1, $2, $3, $4)"
	    " ON CONFLICT (organisation_id) DO UPDATE SET"
	    " undertecknad = EXCLUDED.undertecknad, upphor = EXCLUDED.upphor,"
	    " registrerad_av = EXCLUDED.registrerad_av RETURNING id", 4,
	    params);
	if (res == NULL)
		return db_refused(s, id);
	memset(&ok, 0, sizeof ok);
	ok.id = (uint32_t)strtoul(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	ok.message = text;
	return session_reply(s, id, MSG_OK, &ok);
}

/*
 * MSG_BESTALLARE_SAVE (blankett 9463): registers an active user as a
 * beställare for the organisation that employs them, for at most two
 * years. The database refuses an organisation without an agreement and
 * a deltagaransvarig (rules 17, 22).
 */
int
bestallning_bestallare_save(struct session *s, uint32_t id, void *m)
{
	struct msg_bestallare_save *q = m;
	struct msg_ok		 ok;
	PGresult		*res;
	char			 u[16], me[16], text[256], name[128];
	const char		*params[5];
	int			 active, employed;

	if (!date_valid(q->giltig_from) || !date_valid(q->giltig_tom))
		return session_error(s, id, ERR_VALIDATION,
		    "Ange giltighetstiden som ÅÅÅÅ-MM-DD.");
	if (strcmp(q->giltig_tom, q->giltig_from) < 0)
		return session_error(s, id, ERR_VALIDATION,
		    "Giltig till kan inte vara före giltig från.");
	if (!bestallning_within_two_years(q->giltig_from, q->giltig_tom))
		return session_error(s, id, ERR_VALIDATION,
		    "En beställare kan registreras för högst två år.");
	snprintf(u, sizeof u, "%u", q->user_id);
	snprintf(me, sizeof me, "%u", s->user_id);
	params[0] = u;
	res = db_exec(s, "SELECT aktiv, arbetsgivare_id IS NOT NULL,"
	    " fornamn || ' ' || efternamn FROM anvandare WHERE id = $1"
	    " FOR UPDATE", 1, params);
	if (res == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_error(s, id, ERR_NOT_FOUND,
		    "Användaren finns inte.");
	}
	active = PQgetvalue(res, 0, 0)[0] == 't';
	employed = PQgetvalue(res, 0, 1)[0] == 't';
	strlcpy(name, PQgetvalue(res, 0, 2), sizeof name);
	PQclear(res);
	if (!active)
		return session_error(s, id, ERR_VALIDATION,
		    "%s är inte aktiv.", name);
	if (!employed)
		return session_error(s, id, ERR_VALIDATION, "%s har ingen "
		    "arbetsgivare registrerad och kan inte bli beställare.",
		    name);
	params[1] = q->giltig_from;
	params[2] = q->giltig_tom;
	params[3] = me;
	res = db_exec(s, "INSERT INTO bestallare (anvandare_id,"
	    " organisation_id, giltig_from, giltig_tom, registrerad_av)"
	    " SELECT a.id, a.arbetsgivare_id, $2, $3, $4 FROM anvandare a"
	    " WHERE a.id = $1 RETURNING id", 4, params);
	if (res == NULL)
		return db_refused(s, id);
	memset(&ok, 0, sizeof ok);
	ok.id = (uint32_t)strtoul(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	snprintf(text, sizeof text, "%s är registrerad som beställare till "
	    "och med %s.", name, q->giltig_tom);
	ok.message = text;
	log_info("user %u registered as beställare by user %u", q->user_id,
	    s->user_id);
	return session_reply(s, id, MSG_OK, &ok);
}
