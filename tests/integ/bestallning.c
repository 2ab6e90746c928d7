/*
 * The ordering chain of 4.4 through the protocol: a beställare orders,
 * a superadministratör sees, approves or rejects, and the approval is
 * carried out (a new account with a temporary password, new roles, a
 * removal); the refusals of rules 17, 18 and 22 at every step; and the
 * searches behind Visa användare, Sök organisation and Sök insatser.
 *
 * Demo users are shared fixtures: every user changed here is one these
 * cases created through the chain, under a unique name. tests/integ/run
 * adds the integ* beställare and the "Integtest" organisations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "chan.h"
#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/* What the users made here change their temporary password to. */
#define NEW_PASSWORD	"Integ-nytt-losen-26"
/* An id no row has. */
#define NO_SUCH_ID	0x7fffffffu
/* Length of the temporary password susd hands out. */
#define TEMP_PASSWORD_LEN 12


/* A connection that close_conn() may close whether or not it opened. */
static void
conn_init(struct conn *cn)
{
	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
}

/*
 * Connects and logs in: 0 for LOGIN_OK (into ok unless NULL), the ERR
 * code, or -1 after fail().
 */
static int
login(struct conn *cn, const char *user, const char *password,
    struct msg_login_ok *ok)
{
	struct msg_login_ok	tmp;
	int			r;

	conn_init(cn);
	if (case_open(cn) != 0)
		return -1;
	memset(&tmp, 0, sizeof tmp);
	r = conn_login(cn, user, password, &tmp);
	if (r < 0)
		return fail("login as %s: %s", user, sus_strerror(r));
	if (r == 0 && ok != NULL)
		*ok = tmp;
	else
		msg_clear(MSG_LOGIN_OK, &tmp);
	return r;
}

/* Logs a fixture user in with the demo password; 0 or -1. */
static int
login_demo(struct conn *cn, const char *user)
{
	int	r;

	if ((r = login(cn, user, INTEG_DEMO_PASSWORD, NULL)) > 0)
		return fail("login as %s: ERR %d", user, r);
	return r;
}

/* A username no run has used: prefix, the pid and random letters. */
static void
unique_name(const char *prefix, char *out, size_t len)
{
	snprintf(out, len, "%s%ld%c%c%c", prefix, (long)getpid(),
	    'a' + (int)randombytes_uniform(26),
	    'a' + (int)randombytes_uniform(26),
	    'a' + (int)randombytes_uniform(26));
}

/* The efternamn the cases give a new user: unique like its username. */
static void
efternamn_of(const char *username, char *out, size_t len)
{
	snprintf(out, len, "Test-%s", username);
}

/* A date days from today (local time) as YYYY-MM-DD, years added first. */
static void
date_from_today(int years, int days, char *out, size_t len)
{
	time_t		t = time(NULL);
	struct tm	tm;

	localtime_r(&t, &tm);
	tm.tm_year += years;
	tm.tm_mday += days;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	localtime_r(&t, &tm);
	strftime(out, len, "%Y-%m-%d", &tm);
}

/* Submits ORDER_NEW for username with roles; 0, ERR code or -1. */
static int
submit_new(struct conn *cn, const char *username, uint32_t roles,
    uint32_t *order)
{
	struct msg_order_submit	q;
	char			efternamn[64], epost[100];
	int			r;

	efternamn_of(username, efternamn, sizeof efternamn);
	snprintf(epost, sizeof epost, "%s@example.se", username);
	memset(&q, 0, sizeof q);
	q.typ = ORDER_NEW;
	q.username = (char *)username;
	q.fornamn = "Integ";
	q.efternamn = efternamn;
	q.epost = epost;
	q.roles = roles;
	r = integ_call(cn, MSG_ORDER_SUBMIT, &q, MSG_OK, NULL);
	if (r == 0 && order != NULL)
		*order = integ_last_ok_id;
	return r;
}

/* Submits ORDER_CHANGE or ORDER_REMOVE for user uid. */
static int
submit_for(struct conn *cn, uint8_t typ, uint32_t uid, uint32_t roles,
    uint32_t *order)
{
	struct msg_order_submit	q;
	int			r;

	memset(&q, 0, sizeof q);
	q.typ = typ;
	q.user_id = uid;
	q.username = "";
	q.fornamn = "";
	q.efternamn = "";
	q.epost = "";
	q.roles = roles;
	r = integ_call(cn, MSG_ORDER_SUBMIT, &q, MSG_OK, NULL);
	if (r == 0 && order != NULL)
		*order = integ_last_ok_id;
	return r;
}

/* Approves or rejects an order; the OK text lands in integ_last_ok. */
static int
decide(struct conn *cn, uint32_t order, int approve, const char *kommentar)
{
	struct msg_order_decide	q;

	q.order_id = order;
	q.approve = approve ? 1 : 0;
	q.kommentar = (char *)kommentar;
	return integ_call(cn, MSG_ORDER_DECIDE, &q, MSG_OK, NULL);
}

/* ORDER_SEARCH with a status filter, one big page. */
static int
orders(struct conn *cn, uint8_t status, struct msg_order_list *l)
{
	struct msg_order_search	q;

	memset(l, 0, sizeof *l);
	q.status = status;
	q.offset = 0;
	q.limit = SUS_LIST_MAX;
	return integ_call(cn, MSG_ORDER_SEARCH, &q, MSG_ORDER_LIST, l);
}

/* The row of order id in l, NULL if absent. */
static const struct order_row *
order_in(const struct msg_order_list *l, uint32_t id)
{
	uint32_t	i;

	for (i = 0; i < l->nrows; i++) {
		if (l->rows[i].id == id)
			return &l->rows[i];
	}
	return NULL;
}

/* USER_SEARCH by efternamn pattern and roles, one big page. */
static int
users(struct conn *cn, const char *fornamn, const char *efternamn,
    const char *arbetsgivare, uint32_t org, uint32_t roles,
    struct msg_user_list *l)
{
	struct msg_user_search	q;

	memset(l, 0, sizeof *l);
	memset(&q, 0, sizeof q);
	q.fornamn = (char *)fornamn;
	q.efternamn = (char *)efternamn;
	q.arbetsgivare = (char *)arbetsgivare;
	q.organisation_id = org;
	q.roles = roles;
	q.limit = SUS_LIST_MAX;
	return integ_call(cn, MSG_USER_SEARCH, &q, MSG_USER_LIST, l);
}

/* The row with efternamn e in l, NULL if absent. */
static const struct user_row *
user_in(const struct msg_user_list *l, const char *e)
{
	uint32_t	i;

	for (i = 0; i < l->nrows; i++) {
		if (strcmp(l->rows[i].efternamn, e) == 0)
			return &l->rows[i];
	}
	return NULL;
}

/*
 * Looks up one user by exact efternamn as the caller sees them: 0 with
 * a copy of the row's numbers, 1 when not listed, -1 after fail().
 */
static int
user_get(struct conn *cn, const char *efternamn, uint32_t *id,
    uint32_t *roles, int *aktiv)
{
	struct msg_user_list	 l;
	const struct user_row	*u;
	int			 r;

	if ((r = users(cn, "", efternamn, "", 0, 0, &l)) != 0)
		return integ_accepted(r, "USER_SEARCH");
	if ((u = user_in(&l, efternamn)) == NULL) {
		msg_clear(MSG_USER_LIST, &l);
		return 1;
	}
	if (id != NULL)
		*id = u->id;
	if (roles != NULL)
		*roles = u->roles;
	if (aktiv != NULL)
		*aktiv = u->aktiv;
	msg_clear(MSG_USER_LIST, &l);
	return 0;
}

/* The organisation named exactly namn: its row's id, 0 after fail(). */
static uint32_t
org_id(struct conn *cn, const char *namn)
{
	struct msg_org_search	q;
	struct msg_org_list	l;
	uint32_t		i, id = 0;
	int			r;

	memset(&l, 0, sizeof l);
	q.pattern = (char *)namn;
	q.offset = 0;
	q.limit = 0;
	if ((r = integ_call(cn, MSG_ORG_SEARCH, &q, MSG_ORG_LIST, &l)) != 0) {
		integ_accepted(r, "ORG_SEARCH");
		return 0;
	}
	for (i = 0; i < l.nrows; i++) {
		if (strcmp(l.rows[i].namn, namn) == 0)
			id = l.rows[i].id;
	}
	msg_clear(MSG_ORG_LIST, &l);
	if (id == 0)
		fail("ORG_SEARCH finds no %s", namn);
	return id;
}

/*
 * Takes the temporary password out of an approval's OK text and keeps it
 * in the scratch directory, where audit.sh makes sure that neither
 * susd's log nor the audit trail ever held it.
 */
static int
temp_password(const char *msg, char *pw, size_t len)
{
	const char	*p = strstr(msg, "Tillfälligt lösenord: ");
	char		 path[1024];
	size_t		 n;
	FILE		*fp;

	if (p == NULL)
		return fail("no temporary password in \"%s\"", msg);
	p += strlen("Tillfälligt lösenord: ");
	n = strcspn(p, ". ");
	if (n != TEMP_PASSWORD_LEN || n >= len)
		return fail("temporary password of %zu characters", n);
	memcpy(pw, p, n);
	pw[n] = '\0';
	if (strspn(pw, "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
	    "23456789") != n)
		return fail("temporary password with ambiguous characters");
	snprintf(path, sizeof path, "%s/bestallning-temp.secret",
	    integ.scratch);
	if ((fp = fopen(path, "a")) == NULL)
		return fail("%s: cannot append", path);
	fprintf(fp, "%s\n", pw);
	fclose(fp);
	return 0;
}

/*
 * Makes a user through the whole chain: orderer orders username with
 * roles, admin approves, the user logs in with the temporary password
 * and changes it to NEW_PASSWORD. *uid gets the account's id.
 */
static int
make_user(const char *orderer, const char *username, uint32_t roles,
    uint32_t *uid)
{
	struct conn			 cn;
	struct msg_login_ok		 ok;
	struct msg_password_change	 pc;
	char				 pw[32];
	uint32_t			 order;
	int				 rv = -1;

	memset(&ok, 0, sizeof ok);
	conn_init(&cn);
	if (login_demo(&cn, orderer) != 0)
		goto out;
	if (integ_accepted(submit_new(&cn, username, roles, &order),
	    "ORDER_SUBMIT") != 0)
		goto out;
	conn_close(&cn);
	if (login_demo(&cn, "admin") != 0 ||
	    integ_accepted(decide(&cn, order, 1, ""), "approve") != 0 ||
	    temp_password(integ_last_ok, pw, sizeof pw) != 0)
		goto out;
	conn_close(&cn);
	if (integ_accepted(login(&cn, username, pw, &ok), "first login") != 0)
		goto out;
	pc.old_password = pw;
	pc.new_password = NEW_PASSWORD;
	if (integ_accepted(integ_call(&cn, MSG_PASSWORD_CHANGE, &pc, MSG_OK,
	    NULL), "PASSWORD_CHANGE") != 0)
		goto out;
	*uid = ok.user_id;
	rv = 0;
out:
	sodium_memzero(pw, sizeof pw);
	msg_clear(MSG_LOGIN_OK, &ok);
	conn_close(&cn);
	return rv;
}

/*
 * The chain end to end: Lena Holm orders a user, the order waits for the
 * superadministratör, who approves it; the new user must change the
 * temporary password and then sees the approved order, as Lena does.
 */
static int
order_new_chain(void)
{
	struct conn			 b, a, u;
	struct msg_login_ok		 ok;
	struct msg_order_list		 l;
	struct msg_user_list		 ul;
	struct msg_password_change	 pc;
	const struct order_row		*o = NULL;
	const struct user_row		*ur = NULL;
	char				 name[40], efternamn[64], pw[32];
	uint32_t			 order = 0;
	int				 rv = -1;

	memset(&ok, 0, sizeof ok);
	memset(&l, 0, sizeof l);
	memset(&ul, 0, sizeof ul);
	memset(pw, 0, sizeof pw);
	conn_init(&b);
	conn_init(&a);
	conn_init(&u);
	unique_name("ny", name, sizeof name);
	efternamn_of(name, efternamn, sizeof efternamn);
	if (login_demo(&b, "bestallare") != 0)
		goto out;
	if (integ_accepted(submit_new(&b, name, ROLE_INSATSANSVARIG, &order),
	    "ORDER_SUBMIT") != 0)
		goto out;
	CHECK(order != 0, "ORDER_SUBMIT gave order id 0");
	CHECK(strstr(integ_last_ok, name) != NULL, "OK text \"%s\"",
	    integ_last_ok);
	if (integ_refused(submit_new(&b, name, ROLE_INSATSANSVARIG, NULL),
	    ERR_CONFLICT, "väntar", "the same username twice") != 0)
		goto out;

	if (integ_accepted(orders(&b, ORDER_SUBMITTED, &l), "ORDER_SEARCH")
	    != 0)
		goto out;
	CHECK((o = order_in(&l, order)) != NULL, "Lena does not see her order");
	CHECK(o->typ == ORDER_NEW && o->status == ORDER_SUBMITTED,
	    "typ %u status %u", o->typ, o->status);
	CHECK(strcmp(o->bestallare, "Lena Holm") == 0 &&
	    strcmp(o->organisation, "Göteborgs stad") == 0,
	    "ordered by \"%s\" of \"%s\"", o->bestallare, o->organisation);
	CHECK(strcmp(o->efternamn, efternamn) == 0 && o->user_id == 0,
	    "order for \"%s\", user %u", o->efternamn, o->user_id);
	CHECK(o->roles == (ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT),
	    "roles 0x%02x", o->roles);
	CHECK(strlen(o->skapad) == 16 && o->skapad[10] == ' ' &&
	    o->beslutad[0] == '\0', "skapad \"%s\" beslutad \"%s\"",
	    o->skapad, o->beslutad);
	msg_clear(MSG_ORDER_LIST, &l);

	if (login_demo(&a, "admin") != 0)
		goto out;
	if (integ_accepted(orders(&a, ORDER_SUBMITTED, &l), "ORDER_SEARCH")
	    != 0)
		goto out;
	CHECK(order_in(&l, order) != NULL, "admin does not see the order");
	msg_clear(MSG_ORDER_LIST, &l);
	if (integ_accepted(decide(&a, order, 1, ""), "approve") != 0)
		goto out;
	CHECK(strstr(integ_last_ok, "Användaren ") != NULL &&
	    strstr(integ_last_ok, name) != NULL, "approval says \"%s\"",
	    integ_last_ok);
	if (temp_password(integ_last_ok, pw, sizeof pw) != 0)
		goto out;
	if (integ_refused(decide(&a, order, 1, ""), ERR_CONFLICT,
	    "Beställningen är redan behandlad.", "approving twice") != 0)
		goto out;
	if (integ_refused(submit_new(&b, name, ROLE_INSATSANSVARIG, NULL),
	    ERR_CONFLICT, "upptaget", "ordering an existing username") != 0)
		goto out;

	if (integ_accepted(login(&u, name, pw, &ok), "first login") != 0)
		goto out;
	CHECK(ok.flags & LOGIN_F_MUST_CHANGE, "LOGIN_OK flags 0x%x", ok.flags);
	CHECK(ok.roles == (ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT),
	    "new user's roles 0x%02x", ok.roles);
	if (integ_refused(orders(&u, 0, &l), ERR_PASSWORD_CHANGE, NULL,
	    "ORDER_SEARCH before a new password") != 0)
		goto out;
	pc.old_password = pw;
	pc.new_password = NEW_PASSWORD;
	if (integ_accepted(integ_call(&u, MSG_PASSWORD_CHANGE, &pc, MSG_OK,
	    NULL), "PASSWORD_CHANGE") != 0)
		goto out;
	if (integ_accepted(orders(&u, 0, &l), "ORDER_SEARCH as the new user")
	    != 0)
		goto out;
	CHECK(l.total == 1 && l.nrows == 1, "the new user sees %u orders",
	    l.total);
	o = &l.rows[0];
	CHECK(o->id == order && o->status == ORDER_APPROVED &&
	    o->user_id == ok.user_id, "order %u status %u user %u", o->id,
	    o->status, o->user_id);
	CHECK(strcmp(o->beslutad_av, "Anna Lindqvist") == 0 &&
	    strlen(o->beslutad) == 16, "decided by \"%s\" at \"%s\"",
	    o->beslutad_av, o->beslutad);
	msg_clear(MSG_ORDER_LIST, &l);

	if (integ_accepted(orders(&b, ORDER_APPROVED, &l), "ORDER_SEARCH") != 0)
		goto out;
	CHECK((o = order_in(&l, order)) != NULL &&
	    o->status == ORDER_APPROVED && o->user_id == ok.user_id,
	    "Lena does not see the order approved");
	msg_clear(MSG_ORDER_LIST, &l);
	if (integ_accepted(orders(&b, ORDER_SUBMITTED, &l), "ORDER_SEARCH")
	    != 0)
		goto out;
	CHECK(order_in(&l, order) == NULL, "approved order listed as waiting");
	msg_clear(MSG_ORDER_LIST, &l);

	conn_close(&u);
	msg_clear(MSG_LOGIN_OK, &ok);
	if (integ_accepted(login(&u, name, NEW_PASSWORD, &ok), "second login")
	    != 0)
		goto out;
	CHECK(ok.flags == 0, "second login flags 0x%x", ok.flags);

	if (integ_accepted(users(&a, "", efternamn, "", 0, 0, &ul),
	    "USER_SEARCH") != 0)
		goto out;
	CHECK(ul.nrows == 1 && (ur = &ul.rows[0]) != NULL, "admin finds %u",
	    ul.nrows);
	CHECK(strcmp(ur->username, name) == 0 && ur->aktiv &&
	    strcmp(ur->arbetsgivare, "Göteborgs stad") == 0 &&
	    ur->roles == (ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT),
	    "admin sees \"%s\" of \"%s\" roles 0x%02x", ur->username,
	    ur->arbetsgivare, ur->roles);
	msg_clear(MSG_USER_LIST, &ul);
	if (integ_accepted(users(&b, "", efternamn, "", 0, 0, &ul),
	    "USER_SEARCH") != 0)
		goto out;
	CHECK(ul.nrows == 1 && ul.rows[0].username[0] == '\0',
	    "Lena sees %u rows, username \"%s\"", ul.nrows,
	    ul.nrows > 0 ? ul.rows[0].username : "");
	rv = 0;
out:
	sodium_memzero(pw, sizeof pw);
	msg_clear(MSG_LOGIN_OK, &ok);
	msg_clear(MSG_ORDER_LIST, &l);
	msg_clear(MSG_USER_LIST, &ul);
	conn_close(&b);
	conn_close(&a);
	conn_close(&u);
	return rv;
}

/*
 * A rejected order creates nobody; the beställare sees the decision and
 * its comment, other beställare and users do not see the order at all.
 */
static int
order_reject(void)
{
	struct conn		 b, a, x;
	struct msg_order_list	 l;
	const struct order_row	*o;
	char			 name[40], big[600];
	uint32_t		 order = 0;
	int			 rv = -1;

	memset(&l, 0, sizeof l);
	conn_init(&b);
	conn_init(&a);
	conn_init(&x);
	unique_name("avs", name, sizeof name);
	if (login_demo(&b, "bestallare") != 0 ||
	    integ_accepted(submit_new(&b, name, ROLE_SUSRAPPORT, &order),
	    "ORDER_SUBMIT") != 0)
		goto out;

	if (login_demo(&x, "integsfbest") != 0 ||
	    integ_accepted(orders(&x, 0, &l), "ORDER_SEARCH") != 0)
		goto out;
	CHECK(order_in(&l, order) == NULL, "another beställare sees it");
	msg_clear(MSG_ORDER_LIST, &l);
	conn_close(&x);
	if (login_demo(&x, "rapport") != 0 ||
	    integ_accepted(orders(&x, 0, &l), "ORDER_SEARCH") != 0)
		goto out;
	CHECK(l.total == 0, "rapport sees %u orders", l.total);
	msg_clear(MSG_ORDER_LIST, &l);

	if (login_demo(&a, "admin") != 0)
		goto out;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	if (integ_refused(decide(&a, order, 0, big), ERR_VALIDATION, "500",
	    "a 599-character comment") != 0)
		goto out;
	if (integ_accepted(decide(&a, order, 0,
	    "Blankett 9445 saknar underskrift."), "reject") != 0)
		goto out;
	if (integ_refused(decide(&a, order, 1, ""), ERR_CONFLICT,
	    "redan behandlad", "approving a rejected order") != 0)
		goto out;
	if (integ_refused(decide(&a, NO_SUCH_ID, 0, ""), ERR_NOT_FOUND, NULL,
	    "deciding an order that does not exist") != 0)
		goto out;

	if (integ_accepted(orders(&b, ORDER_REJECTED, &l), "ORDER_SEARCH") != 0)
		goto out;
	CHECK((o = order_in(&l, order)) != NULL,
	    "Lena does not see it rejected");
	CHECK(o->status == ORDER_REJECTED && o->user_id == 0 &&
	    strcmp(o->kommentar, "Blankett 9445 saknar underskrift.") == 0 &&
	    o->beslutad[0] != '\0', "status %u user %u kommentar \"%s\"",
	    o->status, o->user_id, o->kommentar);
	msg_clear(MSG_ORDER_LIST, &l);

	conn_close(&x);
	if (integ_refused(login(&x, name, "vilket-som-helst-1", NULL),
	    ERR_LOGIN_FAILED, NULL, "login as the rejected user") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_ORDER_LIST, &l);
	conn_close(&b);
	conn_close(&a);
	conn_close(&x);
	return rv;
}

/*
 * ORDER_CHANGE gives a user of the organisation a new role set; a user
 * of another organisation cannot be ordered for; ORDER_REMOVE approved
 * deactivates the account, which then cannot log in.
 */
static int
order_change_remove(void)
{
	struct conn		 b, a, u;
	struct msg_login_ok	 ok;
	char			 name[40], efternamn[64];
	uint32_t		 uid = 0, slund = 0, order = 0, roles = 0;
	int			 aktiv = 1, rv = -1;

	memset(&ok, 0, sizeof ok);
	conn_init(&b);
	conn_init(&a);
	conn_init(&u);
	unique_name("and", name, sizeof name);
	efternamn_of(name, efternamn, sizeof efternamn);
	if (make_user("bestallare", name, ROLE_INSATSANSVARIG, &uid) != 0)
		goto out;
	if (login_demo(&b, "bestallare") != 0 || login_demo(&a, "admin") != 0)
		goto out;
	if (integ_accepted(submit_for(&b, ORDER_CHANGE, uid,
	    ROLE_SAMVERKANSADMIN, &order), "ORDER_CHANGE") != 0 ||
	    integ_accepted(decide(&a, order, 1, ""), "approve the change") != 0)
		goto out;
	CHECK(user_get(&a, efternamn, NULL, &roles, NULL) == 0 &&
	    roles == (ROLE_SAMVERKANSADMIN | ROLE_SUSRAPPORT),
	    "roles after the change 0x%02x", roles);
	if (integ_accepted(login(&u, name, NEW_PASSWORD, &ok), "login") != 0)
		goto out;
	CHECK(ok.roles == (ROLE_SAMVERKANSADMIN | ROLE_SUSRAPPORT),
	    "LOGIN_OK roles 0x%02x", ok.roles);
	conn_close(&u);

	CHECK(user_get(&b, "Lund", &slund, NULL, NULL) == 0,
	    "Sara Lund not found");
	if (integ_refused(submit_for(&b, ORDER_CHANGE, slund,
	    ROLE_INSATSANSVARIG, NULL), ERR_VALIDATION,
	    "inte anställd av Göteborgs stad",
	    "ordering for another organisation's user") != 0)
		goto out;
	if (integ_refused(submit_for(&b, ORDER_CHANGE, NO_SUCH_ID,
	    ROLE_INSATSANSVARIG, NULL), ERR_NOT_FOUND, NULL,
	    "ordering for nobody") != 0)
		goto out;

	if (integ_accepted(submit_for(&b, ORDER_REMOVE, uid, 0, &order),
	    "ORDER_REMOVE") != 0 ||
	    integ_accepted(decide(&a, order, 1, ""), "approve the removal")
	    != 0)
		goto out;
	if (integ_refused(login(&u, name, NEW_PASSWORD, NULL), ERR_NO_AUTH,
	    NULL, "login after the removal") != 0)
		goto out;
	CHECK(user_get(&a, efternamn, NULL, NULL, &aktiv) == 0 && !aktiv,
	    "admin sees the removed user active or not at all");
	CHECK(user_get(&b, efternamn, NULL, NULL, NULL) == 1,
	    "Lena still sees the removed user");
	if (integ_refused(submit_for(&b, ORDER_REMOVE, uid, 0, NULL),
	    ERR_VALIDATION, "inte aktiv", "removing a removed user") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_LOGIN_OK, &ok);
	conn_close(&b);
	conn_close(&a);
	conn_close(&u);
	return rv;
}

/* Orders that break a rule or the form are refused when submitted. */
static int
order_submit_refusals(void)
{
	struct conn		b, f, a;
	struct msg_order_submit	q;
	char			name[40];
	int			rv = -1;

	conn_init(&b);
	conn_init(&f);
	conn_init(&a);
	unique_name("ref", name, sizeof name);
	if (login_demo(&b, "bestallare") != 0)
		goto out;
	if (integ_refused(submit_new(&b, name, ROLE_SAMVERKANSADMIN |
	    ROLE_DELTAGARANSVARIG, NULL), ERR_VALIDATION,
	    "Samverkansadministratör och deltagaransvarig",
	    "samverkansadmin with deltagaransvarig") != 0 ||
	    integ_refused(submit_new(&b, name, ROLE_SUPERADMIN, NULL),
	    ERR_VALIDATION, "9445", "ordering a superadministratör") != 0 ||
	    integ_refused(submit_new(&b, name, 0, NULL), ERR_VALIDATION, NULL,
	    "an order without roles") != 0 ||
	    integ_refused(submit_new(&b, "a b", ROLE_SUSRAPPORT, NULL),
	    ERR_VALIDATION, "Användarnamnet", "a username with a space") != 0 ||
	    integ_refused(submit_new(&b, "-ab", ROLE_SUSRAPPORT, NULL),
	    ERR_VALIDATION, "Användarnamnet", "a username starting -") != 0)
		goto out;
	memset(&q, 0, sizeof q);
	q.typ = ORDER_NEW;
	q.username = name;
	q.fornamn = "Integ";
	q.efternamn = "Test";
	q.epost = "ingen-snabel-a.example.se";
	q.roles = ROLE_SUSRAPPORT;
	if (integ_refused(integ_call(&b, MSG_ORDER_SUBMIT, &q, MSG_OK, NULL),
	    ERR_VALIDATION, "E-post", "an e-post without @") != 0)
		goto out;
	q.epost = "";
	q.fornamn = "";
	if (integ_refused(integ_call(&b, MSG_ORDER_SUBMIT, &q, MSG_OK, NULL),
	    ERR_VALIDATION, "Förnamn", "an empty förnamn") != 0)
		goto out;
	q.fornamn = "Integ";
	q.typ = 9;
	if (integ_refused(integ_call(&b, MSG_ORDER_SUBMIT, &q, MSG_OK, NULL),
	    ERR_BAD_REQUEST, NULL, "an order of kind 9") != 0)
		goto out;

	/* Rule 17: nobody employed by a förbund is deltagaransvarig. */
	if (login_demo(&f, "integsfbest") != 0 ||
	    integ_refused(submit_new(&f, name, ROLE_DELTAGARANSVARIG, NULL),
	    ERR_VALIDATION, "samordningsförbund",
	    "deltagaransvarig employed by a förbund") != 0)
		goto out;
	/* Only beställare reach ORDER_SUBMIT at all. */
	if (login_demo(&a, "admin") != 0 ||
	    integ_refused(submit_new(&a, name, ROLE_SUSRAPPORT, NULL),
	    ERR_FORBIDDEN, NULL, "an order from a non-beställare") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&b);
	conn_close(&f);
	conn_close(&a);
	return rv;
}

/* A beställare whose registration ended is told when and what to do. */
static int
order_expired_bestallare(void)
{
	struct conn	 g;
	char		 name[40];
	const char	*p;
	int		 rv = -1;

	conn_init(&g);
	unique_name("exp", name, sizeof name);
	if (login_demo(&g, "integgammal") != 0)
		goto out;
	if (integ_refused(submit_new(&g, name, ROLE_SUSRAPPORT, NULL),
	    ERR_VALIDATION, "9463", "an order from an expired beställare") != 0)
		goto out;
	p = strstr(integ_last_err, "gick ut ");
	CHECK(p != NULL && strlen(p) > 18 && p[12] == '-' && p[15] == '-',
	    "no date of expiry in \"%s\"", integ_last_err);
	rv = 0;
out:
	conn_close(&g);
	return rv;
}

/*
 * Rule 21: a beställare without a role logs in only while registered.
 * With a role, the order screens stay after the registration ends (to
 * see outcomes); without one, an ended registration is no authorisation.
 */
static int
login_expired_bestallare(void)
{
	struct conn		 g;
	struct msg_login_ok	 ok;
	int			 rv = -1;

	conn_init(&g);
	memset(&ok, 0, sizeof ok);
	if (integ_refused(login(&g, "integut", INTEG_DEMO_PASSWORD, NULL),
	    ERR_NO_AUTH, NULL, "a login on an ended registration alone") != 0)
		goto out;
	conn_close(&g);
	if (login(&g, "integgammal", INTEG_DEMO_PASSWORD, &ok) != 0)
		goto out;
	CHECK(ok.roles == (ROLE_SUSRAPPORT | ROLE_BESTALLARE),
	    "integgammal logged in with roles 0x%x", ok.roles);
	rv = 0;
out:
	msg_clear(MSG_LOGIN_OK, &ok);
	conn_close(&g);
	return rv;
}

/*
 * An organisation whose agreement has ended can neither order nor have
 * an order approved; AGREEMENT_SAVE checks its dates. The agreement of
 * "Integtest kommun" is restored at the start and at the end.
 */
static int
order_agreement_ended(void)
{
	struct conn			 s, a;
	struct msg_agreement_save	 q;
	struct msg_org_list		 l;
	struct msg_org_search		 os;
	char				 name[40], name2[40], yesterday[16];
	uint32_t			 org, order = 0;
	int				 rv = -1;

	memset(&l, 0, sizeof l);
	conn_init(&s);
	conn_init(&a);
	unique_name("avt", name, sizeof name);
	unique_name("avu", name2, sizeof name2);
	date_from_today(0, -1, yesterday, sizeof yesterday);
	if (login_demo(&a, "admin") != 0)
		goto out;
	if ((org = org_id(&a, "Integtest kommun")) == 0)
		goto out;
	q.organisation_id = org;
	q.undertecknad = "2020-01-01";
	q.upphor = "";
	if (integ_accepted(integ_call(&a, MSG_AGREEMENT_SAVE, &q, MSG_OK, NULL),
	    "AGREEMENT_SAVE until further notice") != 0)
		goto out;
	if (login_demo(&s, "integslut") != 0 ||
	    integ_accepted(submit_new(&s, name, ROLE_INSATSANSVARIG, &order),
	    "ORDER_SUBMIT while the agreement holds") != 0)
		goto out;

	q.upphor = yesterday;
	if (integ_accepted(integ_call(&a, MSG_AGREEMENT_SAVE, &q, MSG_OK, NULL),
	    "AGREEMENT_SAVE ending yesterday") != 0)
		goto out;
	os.pattern = "Integtest kommun";
	os.offset = 0;
	os.limit = 0;
	if (integ_accepted(integ_call(&a, MSG_ORG_SEARCH, &os, MSG_ORG_LIST,
	    &l), "ORG_SEARCH") != 0)
		goto out;
	CHECK(l.nrows == 1 && strcmp(l.rows[0].undertecknad, "2020-01-01") == 0
	    && strcmp(l.rows[0].upphor, yesterday) == 0,
	    "ORG_SEARCH shows %u rows, agreement %s-%s", l.nrows,
	    l.nrows > 0 ? l.rows[0].undertecknad : "",
	    l.nrows > 0 ? l.rows[0].upphor : "");
	msg_clear(MSG_ORG_LIST, &l);
	if (integ_refused(decide(&a, order, 1, ""), ERR_VALIDATION,
	    "överenskommelse", "approving after the agreement ended") != 0 ||
	    integ_refused(submit_new(&s, name2, ROLE_INSATSANSVARIG, NULL),
	    ERR_VALIDATION, "överenskommelse",
	    "ordering after the agreement ended") != 0 ||
	    integ_accepted(decide(&a, order, 0,
	    "Överenskommelsen har upphört."), "rejecting instead") != 0)
		goto out;

	q.upphor = "2019-12-31";
	if (integ_refused(integ_call(&a, MSG_AGREEMENT_SAVE, &q, MSG_OK, NULL),
	    ERR_VALIDATION, NULL, "an agreement ending before signed") != 0)
		goto out;
	q.upphor = "";
	q.undertecknad = "2023-02-29";
	if (integ_refused(integ_call(&a, MSG_AGREEMENT_SAVE, &q, MSG_OK, NULL),
	    ERR_VALIDATION, NULL, "signed on 2023-02-29") != 0)
		goto out;
	q.undertecknad = "2020-01-01";
	q.organisation_id = NO_SUCH_ID;
	if (integ_refused(integ_call(&a, MSG_AGREEMENT_SAVE, &q, MSG_OK, NULL),
	    ERR_NOT_FOUND, NULL, "an agreement for no organisation") != 0)
		goto out;
	q.organisation_id = org;
	if (integ_refused(integ_call(&s, MSG_AGREEMENT_SAVE, &q, MSG_OK, NULL),
	    ERR_FORBIDDEN, NULL, "AGREEMENT_SAVE by a beställare") != 0 ||
	    integ_accepted(integ_call(&a, MSG_AGREEMENT_SAVE, &q, MSG_OK, NULL),
	    "restoring the agreement") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_ORG_LIST, &l);
	conn_close(&s);
	conn_close(&a);
	return rv;
}

/*
 * BESTALLARE_SAVE (9463): not for an organisation without an agreement,
 * not for a deltagaransvarig, not for more than two years; a registered
 * beställare may then not become deltagaransvarig.
 */
static int
bestallare_save(void)
{
	struct conn			 a, u;
	struct msg_bestallare_save	 q;
	struct msg_role_set		 rs;
	struct msg_user_list		 l;
	struct msg_login_ok		 ok;
	const struct user_row		*r;
	char				 dn[40], bn[40], be[64], today[16];
	char				 two[16], almost[16];
	uint32_t			 utan = 0, duid = 0, buid = 0;
	int				 rv = -1;

	memset(&l, 0, sizeof l);
	memset(&ok, 0, sizeof ok);
	conn_init(&a);
	conn_init(&u);
	unique_name("dlt", dn, sizeof dn);
	unique_name("bst", bn, sizeof bn);
	efternamn_of(bn, be, sizeof be);
	date_from_today(0, 0, today, sizeof today);
	date_from_today(2, 0, two, sizeof two);
	date_from_today(2, -1, almost, sizeof almost);
	if (make_user("bestallare", dn, ROLE_DELTAGARANSVARIG, &duid) != 0 ||
	    make_user("bestallare", bn, ROLE_INSATSANSVARIG, &buid) != 0)
		goto out;
	if (login_demo(&a, "admin") != 0)
		goto out;
	CHECK(user_get(&a, "Utanavtal", &utan, NULL, NULL) == 0,
	    "integutan not found");

	q.giltig_from = today;
	q.giltig_tom = almost;
	q.user_id = utan;
	if (integ_refused(integ_call(&a, MSG_BESTALLARE_SAVE, &q, MSG_OK, NULL),
	    ERR_VALIDATION, "överenskommelse",
	    "a beställare without an agreement") != 0)
		goto out;
	q.user_id = duid;
	if (integ_refused(integ_call(&a, MSG_BESTALLARE_SAVE, &q, MSG_OK, NULL),
	    ERR_VALIDATION, "deltagaransvarig",
	    "a deltagaransvarig as beställare") != 0)
		goto out;
	q.user_id = buid;
	q.giltig_tom = two;
	if (integ_refused(integ_call(&a, MSG_BESTALLARE_SAVE, &q, MSG_OK, NULL),
	    ERR_VALIDATION, "En beställare kan registreras för högst två år.",
	    "a beställare for two years") != 0)
		goto out;
	q.giltig_tom = "2026-13-01";
	if (integ_refused(integ_call(&a, MSG_BESTALLARE_SAVE, &q, MSG_OK, NULL),
	    ERR_VALIDATION, NULL, "month 13") != 0)
		goto out;
	q.user_id = NO_SUCH_ID;
	q.giltig_tom = almost;
	if (integ_refused(integ_call(&a, MSG_BESTALLARE_SAVE, &q, MSG_OK, NULL),
	    ERR_NOT_FOUND, NULL, "a beställare who does not exist") != 0)
		goto out;
	q.user_id = buid;
	if (integ_accepted(integ_call(&a, MSG_BESTALLARE_SAVE, &q, MSG_OK,
	    NULL), "BESTALLARE_SAVE for two years less a day") != 0)
		goto out;

	if (integ_accepted(users(&a, "", be, "", 0, ROLE_BESTALLARE, &l),
	    "USER_SEARCH for beställare") != 0)
		goto out;
	CHECK((r = user_in(&l, be)) != NULL &&
	    strcmp(r->bestallare_tom, almost) == 0,
	    "the new beställare is not listed until %s", almost);
	msg_clear(MSG_USER_LIST, &l);

	rs.user_id = buid;
	rs.roles = ROLE_INSATSANSVARIG | ROLE_DELTAGARANSVARIG;
	if (integ_refused(integ_call(&a, MSG_ROLE_SET, &rs, MSG_OK, NULL),
	    ERR_VALIDATION, "beställare", "deltagaransvarig for a beställare")
	    != 0)
		goto out;
	if (integ_accepted(login(&u, bn, NEW_PASSWORD, &ok), "login") != 0)
		goto out;
	CHECK(ok.roles == (ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT |
	    ROLE_BESTALLARE), "the beställare logs in with roles 0x%02x",
	    ok.roles);
	rv = 0;
out:
	msg_clear(MSG_USER_LIST, &l);
	msg_clear(MSG_LOGIN_OK, &ok);
	conn_close(&a);
	conn_close(&u);
	return rv;
}

/*
 * A rule broken between ordering and deciding stops the approval: the
 * user ordered as deltagaransvarig has become a beställare meanwhile.
 */
static int
order_decide_refusal(void)
{
	struct conn			 b, a;
	struct msg_bestallare_save	 q;
	struct msg_order_list		 l;
	const struct order_row		*o;
	char				 name[40], efternamn[64];
	char				 from[16], tom[16];
	uint32_t			 uid = 0, order = 0, roles = 0;
	int				 rv = -1;

	memset(&l, 0, sizeof l);
	conn_init(&b);
	conn_init(&a);
	unique_name("dec", name, sizeof name);
	efternamn_of(name, efternamn, sizeof efternamn);
	date_from_today(0, 0, from, sizeof from);
	date_from_today(1, 0, tom, sizeof tom);
	if (make_user("bestallare", name, ROLE_INSATSANSVARIG, &uid) != 0)
		goto out;
	if (login_demo(&b, "bestallare") != 0 ||
	    integ_accepted(submit_for(&b, ORDER_CHANGE, uid,
	    ROLE_DELTAGARANSVARIG, &order), "ORDER_CHANGE to deltagaransvarig")
	    != 0)
		goto out;
	if (login_demo(&a, "admin") != 0)
		goto out;
	q.user_id = uid;
	q.giltig_from = from;
	q.giltig_tom = tom;
	if (integ_accepted(integ_call(&a, MSG_BESTALLARE_SAVE, &q, MSG_OK,
	    NULL), "BESTALLARE_SAVE") != 0)
		goto out;
	if (integ_refused(decide(&a, order, 1, ""), ERR_VALIDATION,
	    "beställare", "approving deltagaransvarig for a beställare") != 0)
		goto out;
	if (integ_accepted(orders(&a, ORDER_SUBMITTED, &l), "ORDER_SEARCH")
	    != 0)
		goto out;
	CHECK((o = order_in(&l, order)) != NULL, "the refused approval "
	    "changed the order's state");
	msg_clear(MSG_ORDER_LIST, &l);
	CHECK(user_get(&a, efternamn, NULL, &roles, NULL) == 0 &&
	    roles == (ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT),
	    "roles after the refused approval 0x%02x", roles);
	if (integ_accepted(decide(&a, order, 0, "Strider mot regel 17."),
	    "reject") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_ORDER_LIST, &l);
	conn_close(&b);
	conn_close(&a);
	return rv;
}

/* Sends ROLE_SET; 0, the ERR code or -1. */
static int
role_set(struct conn *cn, uint32_t uid, uint32_t roles)
{
	struct msg_role_set	q;

	q.user_id = uid;
	q.roles = roles;
	return integ_call(cn, MSG_ROLE_SET, &q, MSG_OK, NULL);
}

/*
 * ROLE_SET replaces the whole set with SUSrapport implied, refuses rules
 * 17 and 18 and unknown bits, and will not take a superadministratör's
 * own role away; 0 takes every role and so the login.
 */
static int
role_set_rules(void)
{
	struct conn		 a, n, u;
	struct msg_login_ok	 ok;
	char			 name[40], fname[40], efternamn[64];
	uint32_t		 uid = 0, fuid = 0, roles = 0;
	int			 rv = -1;

	memset(&ok, 0, sizeof ok);
	conn_init(&a);
	conn_init(&n);
	conn_init(&u);
	unique_name("rol", name, sizeof name);
	unique_name("fbd", fname, sizeof fname);
	efternamn_of(name, efternamn, sizeof efternamn);
	if (make_user("bestallare", name, ROLE_INSATSANSVARIG, &uid) != 0 ||
	    make_user("integsfbest", fname, ROLE_INSATSANSVARIG, &fuid) != 0)
		goto out;
	if (integ_accepted(login(&a, "admin", INTEG_DEMO_PASSWORD, &ok),
	    "admin login") != 0)
		goto out;
	if (integ_refused(role_set(&a, uid, ROLE_SUPERADMIN), ERR_VALIDATION,
	    "SUS-förvaltningen", "superadmin outside FK") != 0 ||
	    integ_refused(role_set(&a, uid, ROLE_SAMVERKANSADMIN |
	    ROLE_DELTAGARANSVARIG), ERR_VALIDATION, "samma person",
	    "samverkansadmin with deltagaransvarig") != 0 ||
	    integ_refused(role_set(&a, uid, 0x40), ERR_VALIDATION, NULL,
	    "role bit 0x40") != 0 ||
	    integ_refused(role_set(&a, fuid, ROLE_DELTAGARANSVARIG),
	    ERR_VALIDATION, "samordningsförbund",
	    "deltagaransvarig in a förbund") != 0 ||
	    integ_refused(role_set(&a, NO_SUCH_ID, ROLE_INSATSANSVARIG),
	    ERR_NOT_FOUND, NULL, "roles for nobody") != 0 ||
	    integ_refused(role_set(&a, ok.user_id, ROLE_SUSRAPPORT),
	    ERR_VALIDATION, "egen", "taking one's own superadmin role") != 0)
		goto out;
	CHECK(user_get(&a, "Lindqvist", NULL, &roles, NULL) == 0 &&
	    (roles & ROLE_SUPERADMIN), "admin lost superadmin: 0x%02x", roles);
	CHECK(user_get(&a, efternamn, NULL, &roles, NULL) == 0 &&
	    roles == (ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT),
	    "a refused ROLE_SET changed roles to 0x%02x", roles);

	if (integ_accepted(role_set(&a, uid, ROLE_SAMVERKANSADMIN |
	    ROLE_INSATSANSVARIG), "two roles") != 0)
		goto out;
	CHECK(user_get(&a, efternamn, NULL, &roles, NULL) == 0 &&
	    roles == (ROLE_SAMVERKANSADMIN | ROLE_INSATSANSVARIG |
	    ROLE_SUSRAPPORT), "roles 0x%02x after two roles", roles);
	if (integ_accepted(role_set(&a, uid, ROLE_SUSRAPPORT),
	    "SUSrapport only") != 0)
		goto out;
	CHECK(user_get(&a, efternamn, NULL, &roles, NULL) == 0 &&
	    roles == ROLE_SUSRAPPORT, "roles 0x%02x after SUSrapport only",
	    roles);
	if (integ_accepted(role_set(&a, uid, 0), "no roles") != 0)
		goto out;
	CHECK(user_get(&a, efternamn, NULL, &roles, NULL) == 0 && roles == 0,
	    "roles 0x%02x after none", roles);
	if (integ_refused(login(&u, name, NEW_PASSWORD, NULL), ERR_NO_AUTH,
	    NULL, "login without roles") != 0)
		goto out;

	if (login_demo(&n, "nberg") != 0 ||
	    integ_refused(role_set(&n, uid, ROLE_INSATSANSVARIG), ERR_FORBIDDEN,
	    NULL, "ROLE_SET by an insatsansvarig") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_LOGIN_OK, &ok);
	conn_close(&a);
	conn_close(&n);
	conn_close(&u);
	return rv;
}

/* Sends USER_ACTIVE; 0, the ERR code or -1. */
static int
user_active(struct conn *cn, uint32_t uid, int aktiv)
{
	struct msg_user_active	q;

	q.user_id = uid;
	q.aktiv = aktiv ? 1 : 0;
	return integ_call(cn, MSG_USER_ACTIVE, &q, MSG_OK, NULL);
}

/*
 * USER_ACTIVE: an inactive user cannot log in and is hidden from all but
 * superadministratörer; activation gives the login back.
 */
static int
user_active_cycle(void)
{
	struct conn		 a, b, u;
	struct msg_login_ok	 ok;
	char			 name[40], efternamn[64];
	uint32_t		 uid = 0;
	int			 aktiv = 1, rv = -1;

	memset(&ok, 0, sizeof ok);
	conn_init(&a);
	conn_init(&b);
	conn_init(&u);
	unique_name("akt", name, sizeof name);
	efternamn_of(name, efternamn, sizeof efternamn);
	if (make_user("bestallare", name, ROLE_SUSRAPPORT, &uid) != 0)
		goto out;
	if (integ_accepted(login(&a, "admin", INTEG_DEMO_PASSWORD, &ok),
	    "admin login") != 0 || login_demo(&b, "bestallare") != 0)
		goto out;
	if (integ_accepted(user_active(&a, uid, 0), "deactivate") != 0)
		goto out;
	if (integ_refused(login(&u, name, NEW_PASSWORD, NULL), ERR_NO_AUTH,
	    NULL, "login while inactive") != 0)
		goto out;
	conn_close(&u);
	CHECK(user_get(&a, efternamn, NULL, NULL, &aktiv) == 0 && !aktiv,
	    "admin does not see the user inactive");
	CHECK(user_get(&b, efternamn, NULL, NULL, NULL) == 1,
	    "a beställare sees an inactive user");
	if (integ_accepted(user_active(&a, uid, 1), "activate") != 0)
		goto out;
	if (integ_accepted(login(&u, name, NEW_PASSWORD, NULL),
	    "login after activation") != 0)
		goto out;
	if (integ_refused(user_active(&a, ok.user_id, 0), ERR_VALIDATION, NULL,
	    "deactivating oneself") != 0 ||
	    integ_refused(user_active(&a, NO_SUCH_ID, 0), ERR_NOT_FOUND, NULL,
	    "deactivating nobody") != 0 ||
	    integ_refused(user_active(&b, uid, 0), ERR_FORBIDDEN, NULL,
	    "USER_ACTIVE by a beställare") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_LOGIN_OK, &ok);
	conn_close(&a);
	conn_close(&b);
	conn_close(&u);
	return rv;
}

/*
 * USER_SEARCH as the pickers use it: role filters, name and employer
 * patterns, Swedish order, paging, and usernames for superadmins only.
 */
static int
user_search(void)
{
	struct conn		 r, a;
	struct msg_user_list	 l, p2;
	struct msg_user_search	 q;
	const struct user_row	*u;
	uint32_t		 i, gbg;
	int			 rv = -1;

	memset(&l, 0, sizeof l);
	memset(&p2, 0, sizeof p2);
	conn_init(&r);
	conn_init(&a);
	if (login_demo(&r, "rapport") != 0)
		goto out;
	if (integ_accepted(users(&r, "", "", "", 0, ROLE_DELTAGARANSVARIG, &l),
	    "USER_SEARCH deltagaransvarig") != 0)
		goto out;
	CHECK(user_in(&l, "Ekström") != NULL && user_in(&l, "Lund") != NULL &&
	    user_in(&l, "Öberg") == NULL, "the deltagaransvarig picker lists "
	    "the wrong people");
	for (i = 0; i < l.nrows; i++) {
		CHECK((l.rows[i].roles & ROLE_DELTAGARANSVARIG) &&
		    l.rows[i].username[0] == '\0' && l.rows[i].aktiv,
		    "row %s: roles 0x%02x username \"%s\"",
		    l.rows[i].efternamn, l.rows[i].roles, l.rows[i].username);
	}
	msg_clear(MSG_USER_LIST, &l);

	if (integ_accepted(users(&r, "JOH*", "ekstr*", "", 0, 0, &l),
	    "USER_SEARCH Ekström") != 0)
		goto out;
	CHECK(l.nrows >= 1 && strcmp(l.rows[0].efternamn, "Ekström") == 0 &&
	    strcmp(l.rows[0].epost, "johan.ekstrom@example.se") == 0 &&
	    strcmp(l.rows[0].arbetsgivare, "Region Västra Götaland") == 0,
	    "\"JOH*\" \"ekstr*\" finds %u rows", l.nrows);
	msg_clear(MSG_USER_LIST, &l);

	if (integ_accepted(users(&r, "", "", "göteborgs stad", 0, 0, &l),
	    "USER_SEARCH by employer") != 0)
		goto out;
	CHECK((u = user_in(&l, "Holm")) != NULL && u->bestallare_tom[0] != '\0',
	    "Lena Holm missing or without bestallare_tom");
	gbg = u->arbetsgivare_id;
	for (i = 0; i < l.nrows; i++)
		CHECK(strcmp(l.rows[i].arbetsgivare, "Göteborgs stad") == 0,
		    "employer \"%s\"", l.rows[i].arbetsgivare);
	msg_clear(MSG_USER_LIST, &l);
	if (integ_accepted(users(&r, "", "", "", gbg, 0, &l),
	    "USER_SEARCH by employer id") != 0)
		goto out;
	CHECK(user_in(&l, "Holm") != NULL && user_in(&l, "Berg") != NULL,
	    "employer id filter misses Holm or Berg");
	for (i = 0; i < l.nrows; i++)
		CHECK(l.rows[i].arbetsgivare_id == gbg, "employer id %u",
		    l.rows[i].arbetsgivare_id);
	msg_clear(MSG_USER_LIST, &l);

	if (integ_accepted(users(&r, "", "", "", 0, ROLE_BESTALLARE, &l),
	    "USER_SEARCH beställare") != 0)
		goto out;
	CHECK(user_in(&l, "Holm") != NULL &&
	    user_in(&l, "Gammalbeställare") == NULL,
	    "the beställare filter is wrong");
	msg_clear(MSG_USER_LIST, &l);

	/* Swedish order: Å, Ä, Ö after Z; Nyberg < Åkesson < Öberg. */
	if (integ_accepted(users(&r, "", "", "", 0, 0, &l), "USER_SEARCH all")
	    != 0)
		goto out;
	{
		int	ny = -1, ak = -1, ob = -1, ho = -1, li = -1;

		for (i = 0; i < l.nrows; i++) {
			const char *e = l.rows[i].efternamn;

			if (strcmp(e, "Nyberg") == 0)
				ny = (int)i;
			else if (strcmp(e, "Åkesson") == 0)
				ak = (int)i;
			else if (strcmp(e, "Öberg") == 0)
				ob = (int)i;
			else if (strcmp(e, "Holm") == 0)
				ho = (int)i;
			else if (strcmp(e, "Lindqvist") == 0)
				li = (int)i;
		}
		CHECK(ho >= 0 && ho < li && li < ny && ny < ak && ak < ob,
		    "order Holm %d Lindqvist %d Nyberg %d Åkesson %d Öberg %d",
		    ho, li, ny, ak, ob);
	}
	memset(&q, 0, sizeof q);
	q.fornamn = q.efternamn = q.arbetsgivare = "";
	q.offset = 1;
	q.limit = 2;
	if (integ_accepted(integ_call(&r, MSG_USER_SEARCH, &q, MSG_USER_LIST,
	    &p2), "USER_SEARCH page") != 0)
		goto out;
	CHECK(p2.nrows == 2 && p2.total == l.total && l.nrows > 2 &&
	    p2.rows[0].id == l.rows[1].id && p2.rows[1].id == l.rows[2].id,
	    "offset 1 limit 2 gives %u rows of %u", p2.nrows, p2.total);
	msg_clear(MSG_USER_LIST, &l);

	if (login_demo(&a, "admin") != 0 ||
	    integ_accepted(users(&a, "", "Lindqvist", "", 0, ROLE_SUPERADMIN,
	    &l), "USER_SEARCH as admin") != 0)
		goto out;
	CHECK((u = user_in(&l, "Lindqvist")) != NULL &&
	    strcmp(u->username, "admin") == 0, "admin sees no username");
	msg_clear(MSG_USER_LIST, &l);
	q.roles = 0x80;
	q.offset = 0;
	if (integ_refused(integ_call(&r, MSG_USER_SEARCH, &q, MSG_USER_LIST,
	    &l), ERR_BAD_REQUEST, NULL, "role filter 0x80") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_USER_LIST, &l);
	msg_clear(MSG_USER_LIST, &p2);
	conn_close(&r);
	conn_close(&a);
	return rv;
}

/* ORG_SEARCH shows agreements and the SUS-förvaltning flag. */
static int
org_search(void)
{
	struct conn		cn;
	struct msg_org_search	q;
	struct msg_org_list	l;
	uint32_t		i;
	int			gbg = 0, malmo = 0, fk = 0, rv = -1;

	memset(&l, 0, sizeof l);
	conn_init(&cn);
	if (login_demo(&cn, "bestallare") != 0)
		goto out;
	q.pattern = "";
	q.offset = 0;
	q.limit = SUS_LIST_MAX;
	if (integ_accepted(integ_call(&cn, MSG_ORG_SEARCH, &q, MSG_ORG_LIST,
	    &l), "ORG_SEARCH") != 0)
		goto out;
	CHECK(l.total == l.nrows && l.nrows >= 16, "%u organisations of %u",
	    l.nrows, l.total);
	for (i = 0; i < l.nrows; i++) {
		const struct org_row *o = &l.rows[i];

		if (strcmp(o->namn, "Göteborgs stad") == 0)
			gbg = strcmp(o->undertecknad, "2014-05-12") == 0 &&
			    o->upphor[0] == '\0' &&
			    strcmp(o->organisationstyp, "Kommun") == 0 &&
			    !o->sus_forvaltning;
		else if (strcmp(o->namn, "Malmö stad") == 0)
			malmo = o->undertecknad[0] == '\0';
		else if (strcmp(o->namn,
		    "Försäkringskassan, SUS-förvaltningen") == 0)
			fk = o->sus_forvaltning;
	}
	CHECK(gbg && malmo && fk, "Göteborgs stad %d, Malmö stad %d, "
	    "SUS-förvaltningen %d", gbg, malmo, fk);
	msg_clear(MSG_ORG_LIST, &l);
	q.pattern = "malmö";
	if (integ_accepted(integ_call(&cn, MSG_ORG_SEARCH, &q, MSG_ORG_LIST,
	    &l), "ORG_SEARCH malmö") != 0)
		goto out;
	CHECK(l.nrows == 1 && strcmp(l.rows[0].namn, "Malmö stad") == 0,
	    "\"malmö\" finds %u", l.nrows);
	rv = 0;
out:
	msg_clear(MSG_ORG_LIST, &l);
	conn_close(&cn);
	return rv;
}

/* INSATS_SEARCH: by samverkansorganisation then name, filters, paging. */
static int
insats_search(void)
{
	struct conn			cn;
	struct msg_insats_search	q;
	struct msg_insats_list		l, p;
	uint32_t			i, sfg = 0, total;
	int				hi = -1, no = -1, st = -1, ma = -1;
	int				ja = -1, rv = -1;

	memset(&l, 0, sizeof l);
	memset(&p, 0, sizeof p);
	conn_init(&cn);
	if (login_demo(&cn, "rapport") != 0)
		goto out;
	memset(&q, 0, sizeof q);
	q.pattern = "";
	if (integ_accepted(integ_call(&cn, MSG_INSATS_SEARCH, &q,
	    MSG_INSATS_LIST, &l), "INSATS_SEARCH") != 0)
		goto out;
	for (i = 0; i < l.nrows; i++) {
		const char *n = l.rows[i].namn;

		if (strcmp(n, "Hisingens arbetsväg") == 0) {
			hi = (int)i;
			sfg = l.rows[i].samorg_id;
		} else if (strcmp(n, "Nordost i arbete") == 0) {
			no = (int)i;
			CHECK(strcmp(l.rows[i].slutdatum, "2019-12-31") == 0,
			    "Nordost i arbete ends \"%s\"",
			    l.rows[i].slutdatum);
		} else if (strcmp(n, "Steget vidare") == 0)
			st = (int)i;
		else if (strcmp(n, "Malmö navigator") == 0)
			ma = (int)i;
		else if (strcmp(n, "Järva jobbstart") == 0)
			ja = (int)i;
	}
	CHECK(hi >= 0 && hi < no && no < st && st < ma && ma < ja,
	    "order %d %d %d %d %d", hi, no, st, ma, ja);
	CHECK(strcmp(l.rows[hi].samorg, "Samordningsförbundet Göteborg") == 0,
	    "samorg \"%s\"", l.rows[hi].samorg);
	total = l.total;
	msg_clear(MSG_INSATS_LIST, &l);

	q.samorg_id = sfg;
	if (integ_accepted(integ_call(&cn, MSG_INSATS_SEARCH, &q,
	    MSG_INSATS_LIST, &l), "INSATS_SEARCH in SF Göteborg") != 0)
		goto out;
	CHECK(l.nrows >= 3 && l.total == l.nrows, "%u rows", l.nrows);
	for (i = 0; i < l.nrows; i++)
		CHECK(l.rows[i].samorg_id == sfg, "row of samorg %u",
		    l.rows[i].samorg_id);
	msg_clear(MSG_INSATS_LIST, &l);

	q.samorg_id = 0;
	q.pattern = "STEGET";
	if (integ_accepted(integ_call(&cn, MSG_INSATS_SEARCH, &q,
	    MSG_INSATS_LIST, &l), "INSATS_SEARCH steget") != 0)
		goto out;
	CHECK(l.nrows == 1 && strcmp(l.rows[0].namn, "Steget vidare") == 0 &&
	    strcmp(l.rows[0].startdatum, "2020-01-01") == 0 &&
	    l.rows[0].slutdatum[0] == '\0', "\"STEGET\" finds %u", l.nrows);
	msg_clear(MSG_INSATS_LIST, &l);

	q.pattern = "";
	q.offset = 1;
	q.limit = 1;
	if (integ_accepted(integ_call(&cn, MSG_INSATS_SEARCH, &q,
	    MSG_INSATS_LIST, &p), "INSATS_SEARCH page") != 0)
		goto out;
	CHECK(p.nrows == 1 && p.total == total, "page of %u rows of %u",
	    p.nrows, p.total);
	rv = 0;
out:
	msg_clear(MSG_INSATS_LIST, &l);
	msg_clear(MSG_INSATS_LIST, &p);
	conn_close(&cn);
	return rv;
}

const struct integ_case cases_bestallning[] = {
	{ "main", "order_new_chain", order_new_chain },
	{ "main", "order_reject", order_reject },
	{ "main", "order_change_remove", order_change_remove },
	{ "main", "order_submit_refusals", order_submit_refusals },
	{ "main", "order_expired_bestallare", order_expired_bestallare },
	{ "main", "login_expired_bestallare", login_expired_bestallare },
	{ "main", "order_agreement_ended", order_agreement_ended },
	{ "main", "bestallare_save", bestallare_save },
	{ "main", "order_decide_refusal", order_decide_refusal },
	{ "main", "role_set_rules", role_set_rules },
	{ "main", "user_active_cycle", user_active_cycle },
	{ "main", "user_search", user_search },
	{ "main", "org_search", org_search },
	{ "main", "insats_search", insats_search },
	{ NULL, NULL, NULL }
};
