/*
 * Session cases: login for every role, PING, BYE, and what the server
 * allows before and after login.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "chan.h"
#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/* A password no demo user has; it must never show up in susd's log. */
#define WRONG_PASSWORD	"fel-losenord-integ-7"

/* Logs in as user and checks LOGIN_OK names the user with these roles. */
static int
login_as(const char *user, uint32_t roles)
{
	struct conn		cn;
	struct msg_login_ok	ok;
	union reply		rep;
	uint16_t		rtype = 0;
	int			r, rv = -1;

	memset(&ok, 0, sizeof ok);
	if (case_open(&cn) != 0)
		goto out;
	r = conn_login(&cn, user, INTEG_DEMO_PASSWORD, &ok);
	CHECK(r == 0, "LOGIN: %s", r > 0 ? "ERR reply" : sus_strerror(r));
	CHECK(strcmp(ok.username, user) == 0, "LOGIN_OK names %s",
	    ok.username);
	CHECK(ok.user_id != 0, "LOGIN_OK has user id 0");
	CHECK(ok.fornamn[0] != '\0' && ok.efternamn[0] != '\0',
	    "LOGIN_OK has no name");
	CHECK(ok.roles == roles, "roles 0x%02x, want 0x%02x", ok.roles, roles);
	r = conn_call(&cn, MSG_BYE, NULL, &rtype, &rep);
	CHECK(r == 0 && rtype == MSG_BYE, "BYE not answered with BYE");
	rv = 0;
out:
	msg_clear(MSG_LOGIN_OK, &ok);
	if (rtype != 0)
		msg_clear(rtype, &rep);
	conn_close(&cn);
	return rv;
}

static int
login_admin(void)
{
	return login_as("admin", ROLE_SUPERADMIN | ROLE_SUSRAPPORT);
}

static int
login_samadm(void)
{
	return login_as("samadm", ROLE_SAMVERKANSADMIN | ROLE_SUSRAPPORT);
}

static int
login_insatsansv(void)
{
	return login_as("insatsansv", ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT);
}

static int
login_deltagaransv(void)
{
	return login_as("deltagaransv",
	    ROLE_DELTAGARANSVARIG | ROLE_SUSRAPPORT);
}

static int
login_rapport(void)
{
	return login_as("rapport", ROLE_SUSRAPPORT);
}

/* PING before login is answered with PONG, the nonce and the id echoed. */
static int
ping_before_login(void)
{
	struct conn	cn;
	struct msg_ping	p;
	struct chan_msg	m;
	int		r, i, rv = -1;

	memset(&m, 0, sizeof m);
	if (case_open(&cn) != 0)
		goto out;
	for (i = 0; i < 3; i++) {
		p.nonce = 0x0123456789abcdefULL + (uint64_t)i;
		r = conn_send(&cn, MSG_PING, 0x10000 + (uint32_t)i, &p);
		CHECK(r == 0, "send PING: %s", sus_strerror(r));
		r = conn_recv(&cn, INTEG_REPLY_MS, &m);
		CHECK(r == 0, "no PONG: %s", sus_strerror(r));
		CHECK(m.type == MSG_PONG, "reply type %u", m.type);
		CHECK(m.id == 0x10000 + (uint32_t)i, "reply id %u", m.id);
		p.nonce = 0;
		r = msg_decode(MSG_PONG, m.body, &p);
		CHECK(r == 0, "PONG body: %s", sus_strerror(r));
		CHECK(p.nonce == 0x0123456789abcdefULL + (uint64_t)i,
		    "PONG nonce differs");
		buf_free(m.body);
		m.body = NULL;
	}
	rv = 0;
out:
	buf_free(m.body);
	conn_close(&cn);
	return rv;
}

/*
 * Three failed logins on one connection: the first two leave it usable,
 * the third is answered and then the connection closes.
 */
static int
three_failures(const char *user, const char *password, char *msg,
    size_t msglen, long long *ms)
{
	struct conn		cn;
	struct msg_login	l;
	union reply		rep;
	uint16_t		rtype = 0;
	long long		t0;
	size_t			n;
	int			r, i, rv = -1;

	if (case_open(&cn) != 0)
		goto out;
	l.username = (char *)user;
	l.password = (char *)password;
	for (i = 1; i <= SUS_LOGIN_ATTEMPTS; i++) {
		t0 = now_ms();
		r = conn_call(&cn, MSG_LOGIN, &l, &rtype, &rep);
		if (i == 1 && ms != NULL)
			*ms = now_ms() - t0;
		CHECK(r == 0, "attempt %d: %s", i, sus_strerror(r));
		CHECK(rtype == MSG_ERR, "attempt %d: reply type %u", i, rtype);
		CHECK(rep.err.code == ERR_LOGIN_FAILED,
		    "attempt %d: ERR code %u, want LOGIN_FAILED", i,
		    rep.err.code);
		if (i == 1 && msg != NULL)
			snprintf(msg, msglen, "%s", rep.err.message);
		msg_clear(rtype, &rep);
		rtype = 0;
		if (i < SUS_LOGIN_ATTEMPTS) {
			r = conn_ping(&cn);
			CHECK(r == 0, "connection unusable after attempt %d: "
			    "%s", i, sus_strerror(r));
		}
	}
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n),
	    "connection still open after %d failures", SUS_LOGIN_ATTEMPTS);
	CHECK(n == 0, "%zu bytes after the third ERR", n);
	rv = 0;
out:
	if (rtype != 0)
		msg_clear(rtype, &rep);
	conn_close(&cn);
	return rv;
}

/* A wrong password gets ERR(LOGIN_FAILED); the third closes. */
static int
bad_password(void)
{
	struct conn	cn;
	int		r, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	if (three_failures("samadm", WRONG_PASSWORD, NULL, 0, NULL) != 0)
		goto out;
	/* The right password still works and resets the account's count. */
	r = conn_open_login(&cn, "samadm", INTEG_DEMO_PASSWORD);
	CHECK(r == 0, "right password afterwards: %s", r > 0 ?
	    "ERR reply" : sus_strerror(r));
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * An unknown user gets the same answer as a wrong password, in about the
 * same time (a dummy hash is verified), and three also close.
 */
static int
unknown_user(void)
{
	struct conn	cn;
	char		known_msg[256], unknown_msg[256];
	long long	known_ms = 0, unknown_ms = 0;
	int		r, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	if (three_failures("rapport", WRONG_PASSWORD, known_msg,
	    sizeof known_msg, &known_ms) != 0)
		goto out;
	if (three_failures("ingen_sadan_anvandare", WRONG_PASSWORD,
	    unknown_msg, sizeof unknown_msg, &unknown_ms) != 0)
		goto out;
	CHECK(strcmp(known_msg, unknown_msg) == 0,
	    "messages differ: \"%s\" vs \"%s\"", known_msg, unknown_msg);
	/* Argon2id takes tens of ms; skipping it would be far quicker. */
	CHECK(unknown_ms * 4 >= known_ms, "unknown user answered in %lld ms, "
	    "a wrong password in %lld ms", unknown_ms, known_ms);
	r = conn_open_login(&cn, "rapport", INTEG_DEMO_PASSWORD);
	CHECK(r == 0, "rapport afterwards: %s", r > 0 ? "ERR reply" :
	    sus_strerror(r));
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * A personnummer typed as a username (INTEG_PNR) fails like any unknown
 * user; the run script then checks susd's log never shows it.
 */
static int
pnr_username(void)
{
	struct conn	 cn;
	const char	*pnr = getenv("INTEG_PNR");
	int		 r, rv = -1;

	if (case_open(&cn) != 0)
		goto out;
	CHECK(pnr != NULL && *pnr != '\0', "INTEG_PNR not set");
	r = conn_login(&cn, pnr, pnr, NULL);
	CHECK(r == ERR_LOGIN_FAILED, "LOGIN as a personnummer: %d", r);
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* Sends one message before login and expects a silent close. */
static int
prelogin_closes(uint16_t type, const void *m, const uint8_t *raw,
    size_t rawlen)
{
	struct conn	cn;
	size_t		n;
	int		r, rv = -1;

	if (case_open(&cn) != 0)
		goto out;
	if (m != NULL)
		r = conn_send(&cn, type, 1, m);
	else if ((r = chan_send(cn.c, type, 1, raw, rawlen)) == 0)
		r = conn_flush(&cn);
	CHECK(r == 0, "send: %s", sus_strerror(r));
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n),
	    "still open after type %u before login", type);
	CHECK(n == 0, "server sent %zu bytes before closing", n);
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* SAMORG_SEARCH before login closes the connection without an answer. */
static int
prelogin_search(void)
{
	struct msg_samorg_search	q;

	memset(&q, 0, sizeof q);
	q.pattern = (char *)"*";
	q.offset = 0;
	q.limit = 10;
	return prelogin_closes(MSG_SAMORG_SEARCH, &q, NULL, 0);
}

/* An unknown type before login closes too: no ERR(UNSUPPORTED) yet. */
static int
prelogin_unknown(void)
{
	static const uint8_t	body[4] = { 1, 2, 3, 4 };

	return prelogin_closes(999, NULL, body, sizeof body);
}

/* A pre-login message of 4 KiB + 1 closes, in one record. */
static int
prelogin_4097(void)
{
	uint8_t	body[SUS_MSG_MAX_PRELOGIN + 1];

	memset(body, 'a', sizeof body);
	return prelogin_closes(MSG_LOGIN, NULL, body, sizeof body);
}

/* A pre-login message of 4 KiB + 1 closes, split over MORE records. */
static int
prelogin_4097_more(void)
{
	struct conn	cn;
	uint8_t		body[SUS_MSG_MAX_PRELOGIN];
	size_t		n;
	int		r, rv = -1;

	memset(body, 'b', sizeof body);
	if (case_open(&cn) != 0)
		goto out;
	r = conn_send_record(&cn, MSG_LOGIN, SUS_FLAG_MORE, 1, body, 4000, 0);
	if (r == 0)
		r = conn_send_record(&cn, MSG_LOGIN, 0, 1, body, 97, 0);
	CHECK(r == 0, "send: %s", sus_strerror(r));
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n),
	    "still open after 4097 bytes before login");
	CHECK(n == 0, "server sent %zu bytes before closing", n);
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* A password one byte over the limit is a malformed LOGIN: close. */
static int
prelogin_long_password(void)
{
	struct buf	*b;
	char		 pw[SUS_PASSWORD_MAX + 1];
	int		 rv = -1;

	memset(pw, 'x', sizeof pw);
	/* By hand: the encoder itself refuses an over-long string. */
	if ((b = buf_new(SUS_MSG_MAX_PRELOGIN)) == NULL)
		return fail("out of memory");
	if (buf_put_cstring(b, "rapport") != 0 ||
	    buf_put_string(b, pw, sizeof pw) != 0) {
		fail("cannot build the LOGIN body");
		goto out;
	}
	rv = prelogin_closes(MSG_LOGIN, NULL, buf_ptr(b), buf_len(b));
out:
	buf_free(b);
	return rv;
}

/* After login an unknown type gets ERR(UNSUPPORTED) and the session lives. */
static int
unknown_type_after_login(void)
{
	static const uint16_t	 types[] = { 999, MSG_LOGIN_OK, 0xffff };
	static const uint8_t	 body[5] = { 'h', 'e', 'j', 0, 1 };
	struct conn		 cn;
	struct chan_msg		 m;
	struct msg_err		 e;
	size_t			 i;
	int			 r, rv = -1;

	memset(&m, 0, sizeof m);
	memset(&e, 0, sizeof e);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		r = chan_send(cn.c, types[i], 77 + (uint32_t)i, body,
		    sizeof body);
		if (r == 0)
			r = conn_flush(&cn);
		CHECK(r == 0, "send: %s", sus_strerror(r));
		r = conn_recv(&cn, INTEG_REPLY_MS, &m);
		CHECK(r == 0, "type %u: no answer: %s", types[i],
		    sus_strerror(r));
		CHECK(m.type == MSG_ERR && m.id == 77 + i,
		    "type %u: reply type %u id %u", types[i], m.type, m.id);
		r = msg_decode(MSG_ERR, m.body, &e);
		CHECK(r == 0, "ERR body: %s", sus_strerror(r));
		CHECK(e.code == ERR_UNSUPPORTED, "type %u: ERR code %u",
		    types[i], e.code);
		msg_clear(MSG_ERR, &e);
		buf_free(m.body);
		m.body = NULL;
		r = conn_ping(&cn);
		CHECK(r == 0, "session unusable afterwards: %s",
		    sus_strerror(r));
	}
	rv = 0;
out:
	msg_clear(MSG_ERR, &e);
	buf_free(m.body);
	conn_close(&cn);
	return rv;
}

/* Sends a body to a known type after login and expects a silent close. */
static int
malformed_after_login(uint16_t type, const uint8_t *body, size_t len)
{
	struct conn	cn;
	size_t		n;
	int		r, rv = -1;

	if (case_login(&cn, "rapport") != 0)
		goto out;
	r = chan_send(cn.c, type, 5, body, len);
	if (r == 0)
		r = conn_flush(&cn);
	CHECK(r == 0, "send: %s", sus_strerror(r));
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n),
	    "still open after a malformed %s", msg_name(type));
	CHECK(n == 0, "server sent %zu bytes before closing", n);
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* A PING body one byte short is malformed: close. */
static int
malformed_short(void)
{
	static const uint8_t	body[7];

	return malformed_after_login(MSG_PING, body, sizeof body);
}

/* A PING body with a trailing byte is malformed: close. */
static int
malformed_trailing(void)
{
	static const uint8_t	body[9];

	return malformed_after_login(MSG_PING, body, sizeof body);
}

/* A search whose string claims more bytes than the body has: close. */
static int
malformed_string(void)
{
	static const uint8_t	body[] = { 0, 0, 0x10, 0, 'a', 'b',
	    0, 0, 0, 0, 0, 0, 0, 1 };

	return malformed_after_login(MSG_SAMORG_SEARCH, body, sizeof body);
}

/* A search pattern that is not UTF-8: close. */
static int
malformed_utf8(void)
{
	static const uint8_t	body[] = { 0, 0, 0, 2, 0xc3, 0x28,
	    0, 0, 0, 0, 0, 0, 0, 1 };

	return malformed_after_login(MSG_SAMORG_SEARCH, body, sizeof body);
}

/* A second LOGIN on a logged-in session is refused, not obeyed. */
static int
login_twice(void)
{
	struct conn	cn;
	int		r, rv = -1;

	if (case_login(&cn, "rapport") != 0)
		goto out;
	r = conn_login(&cn, "admin", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == ERR_BAD_REQUEST, "second LOGIN gave %d", r);
	CHECK(conn_ping(&cn) == 0, "session unusable after a second LOGIN");
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* BYE gets BYE, then the server closes and logs an orderly end. */
static int
bye_bye(void)
{
	struct conn	cn;
	struct chan_msg	m;
	char		sid[20];
	size_t		n;
	int		r, rv = -1;

	memset(&m, 0, sizeof m);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	snprintf(sid, sizeof sid, "%s", chan_session_id(cn.c));
	r = chan_send(cn.c, MSG_BYE, 4242, NULL, 0);
	if (r == 0)
		r = conn_flush(&cn);
	CHECK(r == 0, "send BYE: %s", sus_strerror(r));
	r = conn_recv(&cn, INTEG_REPLY_MS, &m);
	CHECK(r == 0, "no reply to BYE: %s", sus_strerror(r));
	CHECK(m.type == MSG_BYE && m.id == 4242 && buf_len(m.body) == 0,
	    "reply type %u id %u, %zu bytes", m.type, m.id, buf_len(m.body));
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n) && n == 0,
	    "not closed after BYE");
	CHECK(log_has(sid, "session ended", 3000),
	    "no \"session ended\" in the log for session %s", sid);
	CHECK(!log_has(sid, "truncation", 0), "BYE logged as truncation");
	rv = 0;
out:
	buf_free(m.body);
	conn_close(&cn);
	return rv;
}

/* EOF without BYE is truncation, logged as abnormal. */
static int
eof_truncation(void)
{
	struct conn	cn;
	char		sid[20];
	int		rv = -1;

	if (case_login(&cn, "rapport") != 0)
		goto out;
	snprintf(sid, sizeof sid, "%s", chan_session_id(cn.c));
	CHECK(strlen(sid) == 16, "session id \"%s\"", sid);
	conn_close(&cn);
	CHECK(log_has(sid, "truncation", 5000),
	    "no truncation warning in the log for session %s", sid);
	CHECK(log_has(sid, "WARN", 0) || log_has(sid, "warn", 0),
	    "truncation not logged as a warning");
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

const struct integ_case cases_session[] = {
	{ "main", "login_admin_roles", login_admin },
	{ "main", "login_samadm_roles", login_samadm },
	{ "main", "login_insatsansv_roles", login_insatsansv },
	{ "main", "login_deltagaransv_roles", login_deltagaransv },
	{ "main", "login_rapport_roles", login_rapport },
	{ "main", "ping_pong_before_login", ping_before_login },
	{ "main", "bad_password_third_closes", bad_password },
	{ "main", "unknown_user_like_bad_password", unknown_user },
	{ "main", "personnummer_as_username", pnr_username },
	{ "main", "prelogin_search_closes", prelogin_search },
	{ "main", "prelogin_unknown_type_closes", prelogin_unknown },
	{ "main", "prelogin_4097_bytes_closes", prelogin_4097 },
	{ "main", "prelogin_4097_bytes_more_chain_closes",
	    prelogin_4097_more },
	{ "main", "prelogin_password_too_long_closes",
	    prelogin_long_password },
	{ "main", "unknown_type_after_login_unsupported",
	    unknown_type_after_login },
	{ "main", "malformed_short_body_closes", malformed_short },
	{ "main", "malformed_trailing_byte_closes", malformed_trailing },
	{ "main", "malformed_string_length_closes", malformed_string },
	{ "main", "malformed_utf8_closes", malformed_utf8 },
	{ "main", "login_twice_refused", login_twice },
	{ "main", "bye_gets_bye", bye_bye },
	{ "main", "eof_without_bye_is_truncation", eof_truncation },
	{ NULL, NULL, NULL }
};
