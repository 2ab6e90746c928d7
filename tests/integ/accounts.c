/*
 * Account cases: the first login must choose a new password, wrong
 * passwords lock an account for a while, deactivation and a role taken
 * away count at once, idle sessions end, and who may log in at all
 * (domain.md rule 21). Users are made through the ordering chain (the
 * demo beställare orders, the superadministratör approves); no demo user
 * is ever changed.
 *
 * tests/integ/accounts.sh runs group "accounts" against a susd with
 * account_check=1, handshake_timeout=1, idle_timeout=3,
 * lockout_failures=3 and lockout_seconds=3, and group "accounts_late"
 * with account_check=3600, where only the check made at each request
 * can notice a change. It sets INTEG_ACCT_TAG, which makes this run's
 * usernames unique, and INTEG_ACCT_PASSWORD, the password our users
 * choose, and reads back the names and the audit trail.
 */
#include <ctype.h>
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

/* The settings accounts.sh gives susd for group "accounts". */
#define ACCT_IDLE_MS		3000
#define ACCT_LOCK_MS		3000
#define ACCT_LOCK_FAILURES	3
/* How late a due ending may come: a tick of the session loop and slack. */
#define ACCT_SLACK_MS		3000
/*
 * What the two endings say: the idle one speaks of (in)aktivitet, the
 * deactivation one of an account no longer active.
 */
#define ACCT_IDLE_TEXT		"aktivitet"
#define ACCT_INACTIVE_TEXT	"inte längre aktivt"
/* A wrong password; "fel-losenord" must never reach susd's log. */
#define ACCT_WRONG_PASSWORD	"fel-losenord-konto-9"

/* One user of our own: its name, current password and id. */
struct acct_user {
	char		 name[48];
	char		 password[SUS_PASSWORD_MAX + 1];
	uint32_t	 id;
};

/* The text of the last ERR reply (or what came instead of a reply). */
static char	acct_errmsg[SUS_MESSAGE_MAX + 1];
static char	acct_whybuf[SUS_MESSAGE_MAX + 64];

/* The run's tag for usernames: INTEG_ACCT_TAG, else made up. */
static const char *
acct_tag(void)
{
	static char	 tag[16];
	const char	*env = getenv("INTEG_ACCT_TAG");

	if (env != NULL && env[0] != '\0')
		return env;
	if (tag[0] == '\0')
		snprintf(tag, sizeof tag, "ia%06lx",
		    ((unsigned long)getpid() ^ (unsigned long)time(NULL)) &
		    0xffffff);
	return tag;
}

/* The password our users choose: INTEG_ACCT_PASSWORD, else a fixed one. */
static const char *
acct_password(void)
{
	const char	*env = getenv("INTEG_ACCT_PASSWORD");

	return env != NULL && env[0] != '\0' ? env : "Integ-Konto-2026-nytt";
}

/* Describes a result of acct_call() for a failure message. */
static const char *
acct_why(int r)
{
	if (r > 0)
		snprintf(acct_whybuf, sizeof acct_whybuf, "ERR %d \"%s\"", r,
		    acct_errmsg);
	else if (acct_errmsg[0] != '\0')
		snprintf(acct_whybuf, sizeof acct_whybuf, "%s (%s)",
		    sus_strerror(r), acct_errmsg);
	else
		snprintf(acct_whybuf, sizeof acct_whybuf, "%s",
		    sus_strerror(r));
	return acct_whybuf;
}

/* Makes a connection safe to close before it is opened. */
static void
acct_conn_init(struct conn *cn)
{
	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
}

/*
 * Receives the reply to request id: 0 when it has type want (decoded into
 * out, a struct of want's layout, unless out is NULL), the ERR code for an
 * ERR to this request or an unsolicited one (id 0), else a negative error.
 */
static int
acct_reply(struct conn *cn, uint32_t id, uint16_t want, void *out)
{
	struct chan_msg	 m;
	struct msg_err	 e;
	void		*tmp = NULL;
	size_t		 size;
	int		 r;

	acct_errmsg[0] = '\0';
	memset(&m, 0, sizeof m);
	if ((r = conn_recv(cn, INTEG_REPLY_MS, &m)) != 0)
		return r;
	if (m.type == MSG_ERR && (m.id == id || m.id == 0)) {
		if ((r = msg_decode(MSG_ERR, m.body, &e)) == 0) {
			snprintf(acct_errmsg, sizeof acct_errmsg, "%s%s",
			    m.id == 0 ? "unsolicited: " : "", e.message);
			r = e.code > 0 ? (int)e.code : SUS_ERR_PROTOCOL;
			msg_clear(MSG_ERR, &e);
		}
		goto out;
	}
	if (m.id != id || m.type != want) {
		snprintf(acct_errmsg, sizeof acct_errmsg,
		    "reply type %u id %u, want type %u id %u", m.type, m.id,
		    want, id);
		r = SUS_ERR_PROTOCOL;
		goto out;
	}
	if (out == NULL) {
		size = msg_size(want);
		if ((tmp = calloc(1, size > 0 ? size : 1)) == NULL) {
			r = SUS_ERR_ALLOC;
			goto out;
		}
		out = tmp;
	}
	r = msg_decode(want, m.body, out);
	if (tmp != NULL) {
		msg_clear(want, tmp);
		free(tmp);
	}
out:
	buf_free(m.body);
	return r;
}

/* Sends a request with a fresh id and takes its reply as acct_reply(). */
static int
acct_call(struct conn *cn, uint16_t type, const void *req, uint16_t want,
    void *out)
{
	uint32_t	id = ++cn->next_id;
	int		r;

	acct_errmsg[0] = '\0';
	if ((r = conn_send(cn, type, id, req)) != 0)
		return r;
	return acct_reply(cn, id, want, out);
}

/*
 * Opens a connection and logs in: 0 with LOGIN_OK in ok (unless NULL),
 * the ERR code, or a negative error. A failed handshake fails the case.
 */
static int
acct_login(struct conn *cn, const char *user, const char *password,
    struct msg_login_ok *ok)
{
	struct msg_login	l;
	int			r;

	if ((r = case_open(cn)) != 0)
		return r;
	l.username = (char *)user;
	l.password = (char *)password;
	return acct_call(cn, MSG_LOGIN, &l, MSG_LOGIN_OK, ok);
}

/* Ends a session with BYE; a session that cannot is a failure. */
static int
acct_bye(struct conn *cn)
{
	int	r;

	if ((r = acct_call(cn, MSG_BYE, NULL, MSG_BYE, NULL)) != 0)
		return fail("BYE: %s", acct_why(r));
	return 0;
}

/* Searches samverkansorganisationer: 0, an ERR code or an error. */
static int
acct_samorg(struct conn *cn)
{
	struct msg_samorg_search	q;
	struct msg_samorg_list		l;
	int				r;

	memset(&l, 0, sizeof l);
	memset(&q, 0, sizeof q);
	q.pattern = "";
	q.offset = 0;
	q.limit = 5;
	r = acct_call(cn, MSG_SAMORG_SEARCH, &q, MSG_SAMORG_LIST, &l);
	if (r == 0 && l.nrows == 0) {
		snprintf(acct_errmsg, sizeof acct_errmsg, "an empty list");
		r = SUS_ERR_PROTOCOL;
	}
	msg_clear(MSG_SAMORG_LIST, &l);
	return r;
}

/* Searches users as Visa användare does: 0, an ERR code or an error. */
static int
acct_users(struct conn *cn)
{
	struct msg_user_search	q;

	memset(&q, 0, sizeof q);
	q.fornamn = "";
	q.efternamn = "";
	q.arbetsgivare = "";
	q.limit = 5;
	return acct_call(cn, MSG_USER_SEARCH, &q, MSG_USER_LIST, NULL);
}

/* Sends PING: 0 for a PONG with the nonce, an ERR code or an error. */
static int
acct_ping(struct conn *cn)
{
	struct msg_ping	p, back;
	int		r;

	p.nonce = 0x6163637400000000ULL | (uint64_t)now_ms();
	memset(&back, 0, sizeof back);
	if ((r = acct_call(cn, MSG_PING, &p, MSG_PONG, &back)) != 0)
		return r;
	return back.nonce == p.nonce ? 0 : SUS_ERR_PROTOCOL;
}

/* Sends PASSWORD_CHANGE: 0 for OK, an ERR code or an error. */
static int
acct_change(struct conn *cn, const char *old, const char *new)
{
	struct msg_password_change	p;

	p.old_password = (char *)old;
	p.new_password = (char *)new;
	return acct_call(cn, MSG_PASSWORD_CHANGE, &p, MSG_OK, NULL);
}

/* Sets a user's active flag as the superadministratör on cn. */
static int
acct_set_active(struct conn *cn, uint32_t user_id, int aktiv)
{
	struct msg_user_active	a;

	a.user_id = user_id;
	a.aktiv = (uint8_t)aktiv;
	return acct_call(cn, MSG_USER_ACTIVE, &a, MSG_OK, NULL);
}

/* Sets a user's whole role set as the superadministratör on cn. */
static int
acct_set_roles(struct conn *cn, uint32_t user_id, uint32_t roles)
{
	struct msg_role_set	q;

	q.user_id = user_id;
	q.roles = roles;
	return acct_call(cn, MSG_ROLE_SET, &q, MSG_OK, NULL);
}

/*
 * Takes the temporary password from the approval's message ("...
 * Tillfälligt lösenord: XXXX. ..."): the word after "lösenord:" (or the
 * last colon), without a full stop that ends the sentence.
 */
static int
acct_temp_password(const char *msg, char *out, size_t len)
{
	const char	*p;
	size_t		 n;

	if ((p = strstr(msg, "lösenord:")) != NULL)
		p += strlen("lösenord:");
	else if ((p = strrchr(msg, ':')) != NULL)
		p++;
	else
		return -1;
	while (*p == ' ' || *p == '"')
		p++;
	for (n = 0; p[n] != '\0' && !isspace((unsigned char)p[n]) &&
	    p[n] != '"'; n++)
		;
	if (n > 0 && p[n - 1] == '.' && (p[n] == '\0' || p[n] == ' '))
		n--;
	if (n < 8 || n >= len)
		return -1;
	memcpy(out, p, n);
	out[n] = '\0';
	return 0;
}

/*
 * Makes a user of our own named <tag>-<suffix>: the demo beställare
 * orders it with SUSrapport and the superadministratör approves; the
 * approval's message gives the temporary password.
 */
static int
acct_order_user(const char *suffix, struct acct_user *u)
{
	struct conn		cn;
	struct msg_order_submit	o;
	struct msg_order_decide	d;
	struct msg_ok		ok;
	char			last[64];
	int			r, rv = -1;

	memset(u, 0, sizeof *u);
	memset(&ok, 0, sizeof ok);
	acct_conn_init(&cn);
	snprintf(u->name, sizeof u->name, "%s-%s", acct_tag(), suffix);
	snprintf(last, sizeof last, "Konto-%s", suffix);
	r = acct_login(&cn, "bestallare", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == 0, "login as bestallare: %s", acct_why(r));
	memset(&o, 0, sizeof o);
	o.typ = ORDER_NEW;
	o.username = u->name;
	o.fornamn = "Integ";
	o.efternamn = last;
	o.epost = "integ.konto@example.se";
	o.roles = ROLE_SUSRAPPORT;
	r = acct_call(&cn, MSG_ORDER_SUBMIT, &o, MSG_OK, &ok);
	CHECK(r == 0, "ORDER_SUBMIT for %s: %s", u->name, acct_why(r));
	CHECK(ok.id != 0, "ORDER_SUBMIT answered OK without an order id");
	memset(&d, 0, sizeof d);
	d.order_id = ok.id;
	d.approve = 1;
	d.kommentar = "";
	msg_clear(MSG_OK, &ok);
	if (acct_bye(&cn) != 0)
		goto out;
	conn_close(&cn);
	r = acct_login(&cn, "admin", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == 0, "login as admin: %s", acct_why(r));
	r = acct_call(&cn, MSG_ORDER_DECIDE, &d, MSG_OK, &ok);
	CHECK(r == 0, "ORDER_DECIDE approve %u: %s", d.order_id,
	    acct_why(r));
	CHECK(acct_temp_password(ok.message, u->password,
	    sizeof u->password) == 0,
	    "no temporary password in the approval \"%s\"", ok.message);
	if (acct_bye(&cn) != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_OK, &ok);
	conn_close(&cn);
	return rv;
}

/*
 * Makes a user of our own that has chosen its password already, so that
 * it can do what its roles allow.
 */
static int
acct_ready_user(const char *suffix, struct acct_user *u)
{
	struct conn		cn;
	struct msg_login_ok	ok;
	int			r, rv = -1;

	memset(&ok, 0, sizeof ok);
	acct_conn_init(&cn);
	if (acct_order_user(suffix, u) != 0)
		goto out;
	r = acct_login(&cn, u->name, u->password, &ok);
	CHECK(r == 0, "first login as %s: %s", u->name, acct_why(r));
	CHECK(ok.flags & LOGIN_F_MUST_CHANGE,
	    "first login of %s without LOGIN_F_MUST_CHANGE", u->name);
	u->id = ok.user_id;
	r = acct_change(&cn, u->password, acct_password());
	CHECK(r == 0, "PASSWORD_CHANGE for %s: %s", u->name, acct_why(r));
	snprintf(u->password, sizeof u->password, "%s", acct_password());
	if (acct_bye(&cn) != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_LOGIN_OK, &ok);
	conn_close(&cn);
	return rv;
}

/*
 * Waits up to ms for the server to end the session unasked: an ERR with
 * request id 0, code ERR_ENDED and text in its message, then the close.
 * *at gets the time the ERR came.
 */
static int
acct_wait_ended(struct conn *cn, int ms, const char *text, long long *at)
{
	struct chan_msg	m;
	struct msg_err	e;
	size_t		n;
	int		r, rv = -1;

	memset(&m, 0, sizeof m);
	memset(&e, 0, sizeof e);
	r = conn_recv(cn, ms, &m);
	*at = now_ms();
	CHECK(r != SUS_ERR_TIMEOUT, "no ERR_ENDED within %d ms", ms);
	CHECK(r == 0, "connection lost without ERR_ENDED: %s",
	    sus_strerror(r));
	CHECK(m.type == MSG_ERR, "message type %u came, not ERR_ENDED",
	    m.type);
	r = msg_decode(MSG_ERR, m.body, &e);
	CHECK(r == 0, "ERR body: %s", sus_strerror(r));
	CHECK(e.code == ERR_ENDED, "ERR code %u \"%s\", want ERR_ENDED",
	    e.code, e.message);
	CHECK(m.id == 0, "ERR_ENDED has request id %u, want 0", m.id);
	CHECK(strstr(e.message, text) != NULL,
	    "ERR_ENDED says \"%s\", not \"%s\"", e.message, text);
	CHECK(conn_wait_close(cn, INTEG_CLOSE_MS, &n),
	    "the connection stays open after ERR_ENDED");
	rv = 0;
out:
	msg_clear(MSG_ERR, &e);
	buf_free(m.body);
	return rv;
}

/* Writes the temporary password where accounts.sh looks for leaks. */
static void
acct_note_secret(const char *name, const char *secret)
{
	char	 path[1024];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/accounts-%s.secret", integ.scratch,
	    name);
	if ((fp = fopen(path, "w")) == NULL)
		return;
	fprintf(fp, "%s\n", secret);
	fclose(fp);
}

/*
 * Checks PASSWORD_CHANGE from old to new is refused with ERR_VALIDATION
 * and a message holding text; what names the attempt.
 */
static int
acct_change_refused(struct conn *cn, const char *old, const char *new,
    const char *text, const char *what)
{
	int	r;

	r = acct_change(cn, old, new);
	if (r != ERR_VALIDATION)
		return fail("PASSWORD_CHANGE to %s: %s, want ERR_VALIDATION",
		    what, acct_why(r));
	if (strstr(acct_errmsg, text) == NULL)
		return fail("PASSWORD_CHANGE to %s refused with \"%s\", "
		    "not \"%s\"", what, acct_errmsg, text);
	return 0;
}

/*
 * A user made from an order logs in with LOGIN_F_MUST_CHANGE and can do
 * nothing but PASSWORD_CHANGE, PING and BYE until a password that passes
 * the rules is chosen; refusals change nothing; afterwards requests work,
 * the flag is gone and the temporary password no longer logs in.
 */
static int
acct_first_login(void)
{
	struct acct_user	 u;
	struct conn		 cn;
	struct msg_login_ok	 ok;
	char			 upper[sizeof u.name];
	const char		*good = acct_password();
	size_t			 i;
	int			 r, rv = -1;

	memset(&ok, 0, sizeof ok);
	acct_conn_init(&cn);
	if (acct_order_user("forsta", &u) != 0)
		goto out;
	acct_note_secret("forsta", u.password);
	CHECK(strlen(u.name) >= 10, "username %s too short to test the "
	    "username rule", u.name);
	r = acct_login(&cn, u.name, u.password, &ok);
	CHECK(r == 0, "first login: %s", acct_why(r));
	CHECK(ok.flags & LOGIN_F_MUST_CHANGE,
	    "LOGIN_OK flags 0x%x lack LOGIN_F_MUST_CHANGE", ok.flags);
	u.id = ok.user_id;
	CHECK(ok.roles == ROLE_SUSRAPPORT, "roles 0x%02x, want SUSrapport",
	    ok.roles);
	r = acct_samorg(&cn);
	CHECK(r == ERR_PASSWORD_CHANGE, "SAMORG_SEARCH before the change: "
	    "%s, want ERR_PASSWORD_CHANGE", acct_why(r));
	r = acct_users(&cn);
	CHECK(r == ERR_PASSWORD_CHANGE, "USER_SEARCH before the change: "
	    "%s, want ERR_PASSWORD_CHANGE", acct_why(r));
	r = acct_ping(&cn);
	CHECK(r == 0, "PING before the change: %s", acct_why(r));

	if (acct_change_refused(&cn, u.password, "Kort-2026", "10 tecken",
	    "nine characters") != 0)
		goto out;
	if (acct_change_refused(&cn, u.password, u.name, "användarnamn",
	    "the username") != 0)
		goto out;
	for (i = 0; u.name[i] != '\0'; i++)
		upper[i] = (char)toupper((unsigned char)u.name[i]);
	upper[i] = '\0';
	if (acct_change_refused(&cn, u.password, upper, "användarnamn",
	    "the username in capitals") != 0)
		goto out;
	if (acct_change_refused(&cn, u.password, u.password, "skilja sig",
	    "the old password") != 0)
		goto out;
	if (acct_change_refused(&cn, ACCT_WRONG_PASSWORD, good,
	    "nuvarande lösenordet", "a good one with a wrong old one") != 0)
		goto out;
	r = acct_samorg(&cn);
	CHECK(r == ERR_PASSWORD_CHANGE, "SAMORG_SEARCH after refused "
	    "changes: %s, want ERR_PASSWORD_CHANGE", acct_why(r));
	if (acct_bye(&cn) != 0)
		goto out;
	conn_close(&cn);
	msg_clear(MSG_LOGIN_OK, &ok);

	/* Nothing was changed: the temporary password and the flag hold. */
	r = acct_login(&cn, u.name, u.password, &ok);
	CHECK(r == 0, "second login with the temporary password: %s",
	    acct_why(r));
	CHECK(ok.flags & LOGIN_F_MUST_CHANGE,
	    "LOGIN_F_MUST_CHANGE gone before any change");
	r = acct_change(&cn, u.password, good);
	CHECK(r == 0, "PASSWORD_CHANGE to a good password: %s", acct_why(r));
	r = acct_samorg(&cn);
	CHECK(r == 0, "SAMORG_SEARCH after the change: %s", acct_why(r));
	if (acct_bye(&cn) != 0)
		goto out;
	conn_close(&cn);
	msg_clear(MSG_LOGIN_OK, &ok);

	r = acct_login(&cn, u.name, u.password, NULL);
	CHECK(r == ERR_LOGIN_FAILED, "login with the old temporary password: "
	    "%s, want ERR_LOGIN_FAILED", acct_why(r));
	conn_close(&cn);
	r = acct_login(&cn, u.name, good, &ok);
	CHECK(r == 0, "login with the new password: %s", acct_why(r));
	CHECK(ok.flags == 0, "LOGIN_OK flags 0x%x after the change", ok.flags);
	CHECK(ok.user_id == u.id, "user id %u, was %u", ok.user_id, u.id);
	r = acct_samorg(&cn);
	CHECK(r == 0, "SAMORG_SEARCH at the next login: %s", acct_why(r));
	rv = acct_bye(&cn);
out:
	msg_clear(MSG_LOGIN_OK, &ok);
	conn_close(&cn);
	return rv;
}

/*
 * Locks u with wrong passwords on one connection (which the third closes)
 * and returns the time the account was locked in *at.
 */
static int
acct_lock_by_login(struct acct_user *u, long long *at)
{
	struct conn	cn;
	size_t		n;
	int		r, i, rv = -1;

	acct_conn_init(&cn);
	if (case_open(&cn) != 0)
		goto out;
	for (i = 1; i <= ACCT_LOCK_FAILURES; i++) {
		struct msg_login	l;

		l.username = u->name;
		l.password = ACCT_WRONG_PASSWORD;
		r = acct_call(&cn, MSG_LOGIN, &l, MSG_LOGIN_OK, NULL);
		CHECK(r == ERR_LOGIN_FAILED, "wrong password %d: %s, want "
		    "ERR_LOGIN_FAILED", i, acct_why(r));
	}
	*at = now_ms();
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n),
	    "the third wrong password did not close the connection");
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * Checks u is locked: the right password gets ERR_LOCKED, still well
 * before the lock at locked_at can have run out.
 */
static int
acct_check_locked(struct acct_user *u, long long locked_at)
{
	struct conn	cn;
	int		r, rv = -1;

	acct_conn_init(&cn);
	r = acct_login(&cn, u->name, u->password, NULL);
	CHECK(now_ms() - locked_at < ACCT_LOCK_MS - 200,
	    "too slow: %lld ms passed, the lock may have run out",
	    now_ms() - locked_at);
	CHECK(r == ERR_LOCKED, "right password on a locked account: %s, "
	    "want ERR_LOCKED", acct_why(r));
	CHECK(strstr(acct_errmsg, "låst") != NULL,
	    "ERR_LOCKED says \"%s\"", acct_errmsg);
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* Checks u logs in with its password once lockout_seconds have passed. */
static int
acct_check_released(struct acct_user *u, long long locked_at)
{
	struct conn		cn;
	struct msg_login_ok	ok;
	long long		wait;
	int			r, rv = -1;

	memset(&ok, 0, sizeof ok);
	acct_conn_init(&cn);
	wait = locked_at + ACCT_LOCK_MS + 800 - now_ms();
	if (wait > 0)
		sleep_ms((int)wait);
	r = acct_login(&cn, u->name, u->password, &ok);
	CHECK(r == 0, "right password after lockout_seconds: %s",
	    acct_why(r));
	CHECK(ok.flags == 0, "LOGIN_OK flags 0x%x", ok.flags);
	rv = acct_bye(&cn);
out:
	msg_clear(MSG_LOGIN_OK, &ok);
	conn_close(&cn);
	return rv;
}

/*
 * lockout_failures wrong passwords lock the account: even the right
 * password gets ERR_LOCKED, until lockout_seconds have passed.
 */
static int
acct_lockout_release(void)
{
	struct acct_user	u;
	long long		at;

	if (acct_ready_user("las", &u) != 0 ||
	    acct_lock_by_login(&u, &at) != 0 ||
	    acct_check_locked(&u, at) != 0)
		return -1;
	return acct_check_released(&u, at);
}

/*
 * A wrong old password in PASSWORD_CHANGE counts like a wrong password
 * at login, so changing passwords is no way around the lockout.
 */
static int
acct_lockout_password_change(void)
{
	struct acct_user	u;
	struct conn		cn;
	long long		at;
	int			r, i, rv = -1;

	acct_conn_init(&cn);
	if (acct_ready_user("lasbyt", &u) != 0)
		goto out;
	r = acct_login(&cn, u.name, u.password, NULL);
	CHECK(r == 0, "login: %s", acct_why(r));
	for (i = 1; i <= ACCT_LOCK_FAILURES; i++) {
		r = acct_change(&cn, ACCT_WRONG_PASSWORD, "Integ-Annat-2026");
		CHECK(r == ERR_VALIDATION, "wrong old password %d: %s, want "
		    "ERR_VALIDATION", i, acct_why(r));
	}
	at = now_ms();
	conn_close(&cn);
	if (acct_check_locked(&u, at) != 0 ||
	    acct_check_released(&u, at) != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * A user deactivated while logged in: the open session, sending nothing,
 * gets ERR_ENDED within account_check and is closed; logging in again
 * gets ERR_NO_AUTH; activated again, the user can log in.
 */
static int
acct_deactivate_open_session(void)
{
	struct acct_user	u;
	struct conn		cn, admin;
	long long		at;
	int			r, rv = -1;

	acct_conn_init(&cn);
	acct_conn_init(&admin);
	if (acct_ready_user("inaktiv", &u) != 0)
		goto out;
	r = acct_login(&admin, "admin", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == 0, "login as admin: %s", acct_why(r));
	r = acct_login(&cn, u.name, u.password, NULL);
	CHECK(r == 0, "login as %s: %s", u.name, acct_why(r));
	r = acct_set_active(&admin, u.id, 0);
	CHECK(r == 0, "USER_ACTIVE 0: %s", acct_why(r));
	(void)acct_bye(&admin);
	conn_close(&admin);
	/*
	 * Within account_check (a tick or two), long before the idle ending
	 * with its other text could come.
	 */
	if (acct_wait_ended(&cn, ACCT_IDLE_MS + ACCT_SLACK_MS,
	    ACCT_INACTIVE_TEXT, &at) != 0)
		goto out;
	conn_close(&cn);

	r = acct_login(&cn, u.name, u.password, NULL);
	CHECK(r == ERR_NO_AUTH, "login after deactivation: %s, want "
	    "ERR_NO_AUTH", acct_why(r));
	CHECK(strstr(acct_errmsg, "Du saknar behörighet till SUS") != NULL,
	    "ERR_NO_AUTH says \"%s\"", acct_errmsg);
	conn_close(&cn);

	r = acct_login(&admin, "admin", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == 0, "login as admin again: %s", acct_why(r));
	r = acct_set_active(&admin, u.id, 1);
	CHECK(r == 0, "USER_ACTIVE 1: %s", acct_why(r));
	r = acct_login(&cn, u.name, u.password, NULL);
	CHECK(r == 0, "login after activation: %s", acct_why(r));
	r = acct_samorg(&cn);
	CHECK(r == 0, "SAMORG_SEARCH after activation: %s", acct_why(r));
	rv = acct_bye(&cn);
out:
	conn_close(&admin);
	conn_close(&cn);
	return rv;
}

/*
 * A session that sends nothing ends after idle_timeout, not before:
 * ERR_ENDED saying why, then the close.
 */
static int
acct_idle_ends(void)
{
	struct conn	cn;
	long long	t0, at;
	int		r, rv = -1;

	acct_conn_init(&cn);
	t0 = now_ms();
	r = acct_login(&cn, "rapport", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == 0, "login as rapport: %s", acct_why(r));
	if (acct_wait_ended(&cn, ACCT_IDLE_MS + ACCT_SLACK_MS, ACCT_IDLE_TEXT,
	    &at) != 0)
		goto out;
	CHECK(at - t0 >= ACCT_IDLE_MS - 100, "ended after %lld ms, before "
	    "idle_timeout", at - t0);
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* A session sending a real request every second outlives idle_timeout. */
static int
acct_idle_requests_keep(void)
{
	struct conn	cn;
	long long	t0;
	int		r, i, rv = -1;

	acct_conn_init(&cn);
	r = acct_login(&cn, "rapport", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == 0, "login as rapport: %s", acct_why(r));
	t0 = now_ms();
	for (i = 1; now_ms() - t0 < 2 * ACCT_IDLE_MS + 1000; i++) {
		sleep_ms(1000);
		r = acct_samorg(&cn);
		CHECK(r == 0, "SAMORG_SEARCH %d after %lld ms: %s", i,
		    now_ms() - t0, acct_why(r));
	}
	rv = acct_bye(&cn);
out:
	conn_close(&cn);
	return rv;
}

/*
 * PINGs show the program lives, not that someone works: a session that
 * sends only PINGs, each answered, still ends after idle_timeout.
 */
static int
acct_idle_pings_end(void)
{
	struct conn	cn;
	struct chan_msg	m;
	struct msg_ping	p;
	struct msg_err	e;
	long long	t0, next, at;
	size_t		n;
	uint32_t	id = 0;
	int		r, pongs = 0, rv = -1;

	memset(&m, 0, sizeof m);
	memset(&e, 0, sizeof e);
	acct_conn_init(&cn);
	t0 = now_ms();
	r = acct_login(&cn, "rapport", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == 0, "login as rapport: %s", acct_why(r));
	next = now_ms() + 1000;
	for (;;) {
		CHECK(now_ms() - t0 < ACCT_IDLE_MS + ACCT_SLACK_MS,
		    "still open after %lld ms of PINGs (%d answered)",
		    now_ms() - t0, pongs);
		/* Read whatever comes until the next PING is due. */
		r = conn_recv(&cn, (int)(next > now_ms() ? next - now_ms() : 0),
		    &m);
		if (r == SUS_ERR_TIMEOUT) {
			p.nonce = ++id;
			r = conn_send(&cn, MSG_PING, 0x70000 + id, &p);
			CHECK(r == 0, "PING %u: %s", id, sus_strerror(r));
			next = now_ms() + 1000;
			continue;
		}
		CHECK(r == 0, "connection lost after %d PONGs: %s", pongs,
		    sus_strerror(r));
		if (m.type != MSG_PONG)
			break;
		pongs++;
		buf_free(m.body);
		m.body = NULL;
	}
	at = now_ms();
	CHECK(pongs >= 2, "only %d PINGs answered before the end", pongs);
	CHECK(at - t0 >= ACCT_IDLE_MS - 100, "ended after %lld ms, before "
	    "idle_timeout", at - t0);
	CHECK(m.type == MSG_ERR && m.id == 0,
	    "message type %u id %u, want an unsolicited ERR", m.type, m.id);
	r = msg_decode(MSG_ERR, m.body, &e);
	CHECK(r == 0, "ERR body: %s", sus_strerror(r));
	CHECK(e.code == ERR_ENDED && strstr(e.message, ACCT_IDLE_TEXT) != NULL,
	    "ERR %u \"%s\", want ERR_ENDED for idleness", e.code, e.message);
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n),
	    "the connection stays open after ERR_ENDED");
	rv = 0;
out:
	msg_clear(MSG_ERR, &e);
	buf_free(m.body);
	conn_close(&cn);
	return rv;
}

/*
 * A registered beställare without a role logs in with ROLE_BESTALLARE
 * alone, is refused what needs a role, and stays logged in.
 */
static int
acct_bestallare_login(void)
{
	struct conn		cn;
	struct msg_login_ok	ok;
	int			r, rv = -1;

	memset(&ok, 0, sizeof ok);
	acct_conn_init(&cn);
	r = acct_login(&cn, "bestallare", INTEG_DEMO_PASSWORD, &ok);
	CHECK(r == 0, "login as bestallare: %s", acct_why(r));
	CHECK(ok.roles == ROLE_BESTALLARE, "roles 0x%02x, want "
	    "ROLE_BESTALLARE (0x%02x) alone", ok.roles, ROLE_BESTALLARE);
	CHECK(ok.flags == 0, "LOGIN_OK flags 0x%x", ok.flags);
	r = acct_samorg(&cn);
	CHECK(r == ERR_FORBIDDEN, "SAMORG_SEARCH: %s, want ERR_FORBIDDEN",
	    acct_why(r));
	r = acct_users(&cn);
	CHECK(r == 0, "USER_SEARCH: %s", acct_why(r));
	rv = acct_bye(&cn);
out:
	msg_clear(MSG_LOGIN_OK, &ok);
	conn_close(&cn);
	return rv;
}

/*
 * With account_check far away, only the check at each request can see
 * a deactivation: the next request gets ERR_ENDED instead of its reply,
 * and the connection closes.
 */
static int
acct_deactivate_next_request(void)
{
	struct acct_user	u;
	struct conn		cn, admin;
	size_t			n;
	int			r, rv = -1;

	acct_conn_init(&cn);
	acct_conn_init(&admin);
	if (acct_ready_user("nasta", &u) != 0)
		goto out;
	r = acct_login(&admin, "admin", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == 0, "login as admin: %s", acct_why(r));
	r = acct_login(&cn, u.name, u.password, NULL);
	CHECK(r == 0, "login as %s: %s", u.name, acct_why(r));
	r = acct_samorg(&cn);
	CHECK(r == 0, "SAMORG_SEARCH while active: %s", acct_why(r));
	r = acct_set_active(&admin, u.id, 0);
	CHECK(r == 0, "USER_ACTIVE 0: %s", acct_why(r));
	r = acct_samorg(&cn);
	CHECK(r == ERR_ENDED, "SAMORG_SEARCH after deactivation: %s, want "
	    "ERR_ENDED", acct_why(r));
	CHECK(strncmp(acct_errmsg, "unsolicited: ", 13) == 0,
	    "ERR_ENDED carries the request's id, not 0");
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n),
	    "the connection stays open after ERR_ENDED");
	rv = acct_bye(&admin);
out:
	conn_close(&admin);
	conn_close(&cn);
	return rv;
}

/* Today plus days as YYYY-MM-DD in Swedish time, as the server counts. */
static void
acct_date(int days, char *out, size_t len)
{
	time_t		t = time(NULL) + (time_t)days * 86400;
	struct tm	tm;

	setenv("TZ", "Europe/Stockholm", 1);
	tzset();
	localtime_r(&t, &tm);
	strftime(out, len, "%Y-%m-%d", &tm);
}

/*
 * Roles are read at each request: a beställare whose SUSrapport is taken
 * mid-session is refused SAMORG_SEARCH at once, stays logged in as a
 * beställare, and given the role back may search again.
 */
static int
acct_role_removed(void)
{
	struct acct_user		u;
	struct conn			cn, again, admin;
	struct msg_bestallare_save	b;
	struct msg_login_ok		ok;
	char				from[16], tom[16];
	int				r, rv = -1;

	memset(&ok, 0, sizeof ok);
	acct_conn_init(&cn);
	acct_conn_init(&again);
	acct_conn_init(&admin);
	if (acct_ready_user("roll", &u) != 0)
		goto out;
	r = acct_login(&admin, "admin", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == 0, "login as admin: %s", acct_why(r));
	acct_date(0, from, sizeof from);
	acct_date(365, tom, sizeof tom);
	b.user_id = u.id;
	b.giltig_from = from;
	b.giltig_tom = tom;
	r = acct_call(&admin, MSG_BESTALLARE_SAVE, &b, MSG_OK, NULL);
	CHECK(r == 0, "BESTALLARE_SAVE for %s: %s", u.name, acct_why(r));
	r = acct_login(&cn, u.name, u.password, &ok);
	CHECK(r == 0, "login as %s: %s", u.name, acct_why(r));
	CHECK(ok.roles == (ROLE_SUSRAPPORT | ROLE_BESTALLARE),
	    "roles 0x%02x, want SUSrapport and beställare", ok.roles);
	r = acct_samorg(&cn);
	CHECK(r == 0, "SAMORG_SEARCH with SUSrapport: %s", acct_why(r));

	r = acct_set_roles(&admin, u.id, 0);
	CHECK(r == 0, "ROLE_SET 0: %s", acct_why(r));
	r = acct_samorg(&cn);
	CHECK(r == ERR_FORBIDDEN, "SAMORG_SEARCH after the role was taken: "
	    "%s, want ERR_FORBIDDEN", acct_why(r));
	r = acct_users(&cn);
	CHECK(r == 0, "USER_SEARCH as a beställare without a role: %s",
	    acct_why(r));
	msg_clear(MSG_LOGIN_OK, &ok);
	r = acct_login(&again, u.name, u.password, &ok);
	CHECK(r == 0, "login as a beställare without a role: %s",
	    acct_why(r));
	CHECK(ok.roles == ROLE_BESTALLARE, "roles 0x%02x without a role, want "
	    "ROLE_BESTALLARE alone", ok.roles);
	if (acct_bye(&again) != 0)
		goto out;

	r = acct_set_roles(&admin, u.id, ROLE_SUSRAPPORT);
	CHECK(r == 0, "ROLE_SET SUSrapport: %s", acct_why(r));
	r = acct_samorg(&cn);
	CHECK(r == 0, "SAMORG_SEARCH with the role back: %s", acct_why(r));
	if (acct_bye(&cn) != 0)
		goto out;
	rv = acct_bye(&admin);
out:
	msg_clear(MSG_LOGIN_OK, &ok);
	conn_close(&again);
	conn_close(&admin);
	conn_close(&cn);
	return rv;
}

/*
 * A user left with no role and no beställare registration: the open
 * session ends at its next request, and a login gets ERR_NO_AUTH "Du
 * saknar behörighet till SUS" (rule 21).
 */
static int
acct_no_role(void)
{
	struct acct_user	u;
	struct conn		cn, admin;
	size_t			n;
	int			r, rv = -1;

	acct_conn_init(&cn);
	acct_conn_init(&admin);
	if (acct_ready_user("utan", &u) != 0)
		goto out;
	r = acct_login(&admin, "admin", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == 0, "login as admin: %s", acct_why(r));
	r = acct_login(&cn, u.name, u.password, NULL);
	CHECK(r == 0, "login as %s: %s", u.name, acct_why(r));
	r = acct_set_roles(&admin, u.id, 0);
	CHECK(r == 0, "ROLE_SET 0: %s", acct_why(r));
	r = acct_users(&cn);
	CHECK(r == ERR_ENDED, "USER_SEARCH without any right: %s, want "
	    "ERR_ENDED", acct_why(r));
	CHECK(strncmp(acct_errmsg, "unsolicited: ", 13) == 0,
	    "ERR_ENDED carries the request's id, not 0");
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n),
	    "the connection stays open after ERR_ENDED");
	conn_close(&cn);
	r = acct_login(&cn, u.name, u.password, NULL);
	CHECK(r == ERR_NO_AUTH, "login without a role: %s, want ERR_NO_AUTH",
	    acct_why(r));
	CHECK(strstr(acct_errmsg, "Du saknar behörighet till SUS") != NULL,
	    "ERR_NO_AUTH says \"%s\"", acct_errmsg);
	rv = acct_bye(&admin);
out:
	conn_close(&admin);
	conn_close(&cn);
	return rv;
}

const struct integ_case cases_accounts[] = {
	{ "accounts", "acct_first_login_must_change_password",
	    acct_first_login },
	{ "accounts", "acct_lockout_released_after_lockout_seconds",
	    acct_lockout_release },
	{ "accounts", "acct_lockout_by_wrong_old_password",
	    acct_lockout_password_change },
	{ "accounts", "acct_deactivated_open_session_ends",
	    acct_deactivate_open_session },
	{ "accounts", "acct_idle_session_ends", acct_idle_ends },
	{ "accounts", "acct_idle_requests_keep_session",
	    acct_idle_requests_keep },
	{ "accounts", "acct_idle_pings_do_not_keep_session",
	    acct_idle_pings_end },
	{ "accounts", "acct_bestallare_without_role_logs_in",
	    acct_bestallare_login },
	{ "accounts_late", "acct_deactivated_next_request_ends",
	    acct_deactivate_next_request },
	{ "accounts_late", "acct_role_taken_counts_at_next_request",
	    acct_role_removed },
	{ "accounts_late", "acct_no_role_no_bestallare_no_auth",
	    acct_no_role },
	{ NULL, NULL, NULL }
};
