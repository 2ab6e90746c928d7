/*
 * Limit cases, each group run against a susd started with its options:
 *   timeout	-o handshake_timeout=1 -o login_grace=2
 *   startups	-o max_startups=2
 *   lockout	-o lockout_failures=3, with INTEG_LOCK_USER/_PASSWORD
 *   idle	-o db_idle_release=1 -o handshake_timeout=1 -o login_grace=2
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chan.h"
#include "chan_io.h"
#include "buf.h"
#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/* The timeouts the timeout group's susd was started with (ms). */
#define HS_TIMEOUT_MS	1000
#define GRACE_MS	2000
/* Slack for a loaded 2-core machine running sanitizer builds. */
#define SLACK_MS	3000

/*
 * Writes p and expects a close no sooner than lo and no later than hi
 * milliseconds after t0.
 */
static int
close_between(int fd, const uint8_t *p, size_t len, long long t0,
    long long lo, long long hi, const char *what)
{
	long long	el;
	size_t		n;
	int		r;

	if (len > 0 && fd_write(fd, p, len) != 0)
		return fail("%s: write failed", what);
	r = fd_read_to_eof(fd, (int)(hi + 1000), NULL, 0, &n);
	el = now_ms() - t0;
	if (r != 1)
		return fail("%s: still open after %lld ms", what, el);
	if (el < lo)
		return fail("%s: closed after %lld ms, before the %lld ms "
		    "limit", what, el, lo);
	if (el > hi)
		return fail("%s: closed only after %lld ms", what, el);
	if (n != 0)
		return fail("%s: server sent %zu bytes", what, n);
	return 0;
}

/* Half a preamble: the handshake timeout closes the connection. */
static int
timeout_partial_preamble(void)
{
	long long	t0;
	int		fd, rv;

	if ((fd = tcp_connect()) == -1)
		return fail("connect failed");
	t0 = now_ms();
	rv = close_between(fd, (const uint8_t *)"SUS1", 4, t0,
	    HS_TIMEOUT_MS - 200, HS_TIMEOUT_MS + SLACK_MS, "half a preamble");
	close(fd);
	return rv;
}

/* Message 2 received, message 3 never sent: the handshake times out. */
static int
timeout_no_msg3(void)
{
	struct conn	cn;
	long long	t0;
	int		r, rv = -1;

	t0 = now_ms();
	if ((r = conn_start_raw(&cn, SUS_PROTO_MAJOR)) != 0) {
		fail("start: %s", sus_strerror(r));
		goto out;
	}
	r = chan_io_handshake(cn.c, cn.fd, INTEG_REPLY_MS);
	CHECK(r == 0 && chan_state(cn.c) == CHAN_VERIFY, "no message 2: %s",
	    sus_strerror(r));
	if (close_between(cn.fd, NULL, 0, t0, HS_TIMEOUT_MS - 200,
	    HS_TIMEOUT_MS + SLACK_MS, "message 3 withheld") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* Handshake done, then part of a frame that never completes. */
static int
partial_frame(const uint8_t *p, size_t len, const char *what)
{
	struct conn	cn;
	long long	t0;
	int		rv = -1;

	t0 = now_ms();
	if (case_open(&cn) != 0)
		goto out;
	/* The grace period runs from the end of the handshake. */
	t0 = now_ms();
	if (close_between(cn.fd, p, len, t0, GRACE_MS - 300,
	    GRACE_MS + SLACK_MS, what) != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

static int
timeout_partial_length(void)
{
	static const uint8_t	p[1] = { 0 };

	return partial_frame(p, sizeof p, "one byte of a frame length");
}

static int
timeout_partial_body(void)
{
	static const uint8_t	p[12] = { 0, 32, 1, 2, 3, 4, 5, 6, 7, 8 };

	return partial_frame(p, sizeof p, "10 of 32 frame bytes");
}

/* Nothing at all after the handshake: closed at the end of the grace. */
static int
timeout_silent(void)
{
	return partial_frame(NULL, 0, "no LOGIN");
}

/* PINGs before login do not extend the grace period. */
static int
timeout_pings(void)
{
	struct conn	cn;
	long long	t0;
	size_t		n;
	int		pings = 0, rv = -1;

	if (case_open(&cn) != 0)
		goto out;
	t0 = now_ms();
	while (now_ms() - t0 < GRACE_MS + SLACK_MS) {
		if (conn_ping(&cn) != 0)
			break;
		pings++;
		sleep_ms(300);
	}
	CHECK(now_ms() - t0 < GRACE_MS + SLACK_MS,
	    "PINGs kept an unauthenticated connection open %lld ms",
	    now_ms() - t0);
	CHECK(pings >= 2, "only %d PINGs answered before the close", pings);
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n), "not closed");
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* A session that logged in is not bound by the grace period. */
static int
timeout_not_after_login(void)
{
	struct conn	cn;
	int		rv = -1;

	if (case_login(&cn, "rapport") != 0)
		goto out;
	sleep_ms(GRACE_MS + 1000);
	CHECK(conn_ping(&cn) == 0, "logged-in session closed after the "
	    "grace period");
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * With max_startups=2 and two connections not yet logged in, a third is
 * closed at once; a logged-in session is not affected, and once one of
 * the two logs in there is room again.
 */
static int
startups_third_refused(void)
{
	struct conn	s0, a, b, c, d;
	long long	t0;
	size_t		n;
	int		r, fd = -1, tries, rv = -1;

	memset(&s0, 0, sizeof s0);
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	memset(&c, 0, sizeof c);
	memset(&d, 0, sizeof d);
	s0.fd = a.fd = b.fd = c.fd = d.fd = -1;
	r = conn_open_login(&s0, "rapport", INTEG_DEMO_PASSWORD);
	CHECK(r == 0, "first session: %s", sus_strerror(r));
	/* The parent notices the login through the startup pipe. */
	sleep_ms(300);
	r = conn_open(&a, SUS_PROTO_MAJOR);
	CHECK(r == 0, "unauthenticated A: %s", sus_strerror(r));
	r = conn_open(&b, SUS_PROTO_MAJOR);
	CHECK(r == 0, "unauthenticated B: %s", sus_strerror(r));
	fd = tcp_connect();
	CHECK(fd != -1, "connect C failed");
	t0 = now_ms();
	r = fd_read_to_eof(fd, INTEG_CLOSE_MS, NULL, 0, &n);
	CHECK(r == 1, "third unauthenticated connection not closed");
	CHECK(now_ms() - t0 < 1500, "third connection closed only after "
	    "%lld ms", now_ms() - t0);
	CHECK(n == 0, "server sent %zu bytes to the third", n);
	r = conn_open(&c, SUS_PROTO_MAJOR);
	CHECK(r != 0, "a handshake succeeded beyond max_startups");
	CHECK(conn_ping(&s0) == 0, "logged-in session affected");
	CHECK(conn_ping(&a) == 0 && conn_ping(&b) == 0,
	    "waiting connections affected");
	r = conn_login(&a, "samadm", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == 0, "A's login: %d", r);
	for (tries = 0; tries < 20; tries++) {
		conn_close(&d);
		if ((r = conn_open(&d, SUS_PROTO_MAJOR)) == 0)
			break;
		sleep_ms(100);
	}
	CHECK(r == 0, "no room after A logged in: %s", sus_strerror(r));
	CHECK(conn_ping(&d) == 0, "new connection unusable");
	rv = 0;
out:
	if (fd != -1)
		close(fd);
	conn_close(&s0);
	conn_close(&a);
	conn_close(&b);
	conn_close(&c);
	conn_close(&d);
	return rv;
}

/*
 * With lockout_failures=3, three wrong passwords lock the account: then
 * even the right one gets ERR(LOCKED). Other accounts are unaffected.
 */
static int
lockout(void)
{
	struct conn	 cn;
	const char	*user = getenv("INTEG_LOCK_USER");
	const char	*pw = getenv("INTEG_LOCK_PASSWORD");
	size_t		 n;
	int		 r, i, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	CHECK(user != NULL && pw != NULL, "INTEG_LOCK_USER or "
	    "INTEG_LOCK_PASSWORD not set");
	r = conn_open_login(&cn, user, pw);
	CHECK(r == 0, "%s cannot log in at first: %s", user,
	    sus_strerror(r));
	conn_close(&cn);
	r = conn_open(&cn, SUS_PROTO_MAJOR);
	CHECK(r == 0, "handshake: %s", sus_strerror(r));
	for (i = 1; i <= 3; i++) {
		r = conn_login(&cn, user, "fel-losenord-lock", NULL);
		CHECK(r == ERR_LOGIN_FAILED, "bad password %d: %d", i, r);
	}
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n), "not closed");
	conn_close(&cn);
	r = conn_open(&cn, SUS_PROTO_MAJOR);
	CHECK(r == 0, "handshake: %s", sus_strerror(r));
	r = conn_login(&cn, user, pw, NULL);
	CHECK(r == ERR_LOCKED, "right password on a locked account: %d, "
	    "want ERR_LOCKED", r);
	/* A locked account answers alike whatever the password. */
	r = conn_login(&cn, user, "fel-losenord-lock", NULL);
	CHECK(r == ERR_LOCKED, "wrong password on a locked account: %d, "
	    "want ERR_LOCKED", r);
	conn_close(&cn);
	r = conn_open_login(&cn, "rapport", INTEG_DEMO_PASSWORD);
	CHECK(r == 0, "another account is affected: %s", sus_strerror(r));
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * After login, with the database connection given back (idle group:
 * -o db_idle_release=1 -o handshake_timeout=1 -o login_grace=2), a frame
 * that never completes must still end the session within one of the
 * short limits rather than hold a process for ever.
 */
static int
idle_partial_frame(void)
{
	static const uint8_t	p[12] = { 0, 32, 1, 2, 3, 4, 5, 6, 7, 8 };
	struct conn		cn;
	long long		t0;
	int			rv = -1;

	if (case_login(&cn, "rapport") != 0)
		goto out;
	/* Idle past db_idle_release, then a PING to show we still live. */
	sleep_ms(2000);
	CHECK(conn_ping(&cn) == 0, "session closed while idle");
	sleep_ms(2000);
	t0 = now_ms();
	if (close_between(cn.fd, p, sizeof p, t0, 0, GRACE_MS + SLACK_MS,
	    "half a frame after login") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * A frame that keeps arriving, a few bytes per tick (idle group: ticks of
 * handshake_timeout=1 s), is slow, not stalled: it must be answered, not
 * cut off at the first tick it happens to span.
 */
static int
idle_slow_frame(void)
{
	struct conn	cn;
	struct chan_msg	m;
	uint8_t		f[128];
	size_t		len, i;
	int		r, rv = -1;

	memset(&m, 0, sizeof m);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	r = capture_ping(&cn, 7, f, sizeof f, &len);
	CHECK(r == 0, "capture: %s", sus_strerror(r));
	/* One byte every 150 ms: the frame spans several ticks. */
	for (i = 0; i < len; i++) {
		CHECK(fd_write(cn.fd, f + i, 1) == 0,
		    "closed after %zu of %zu bytes", i, len);
		sleep_ms(150);
	}
	CHECK(len * 150 > 3000, "frame too short to span ticks: %zu", len);
	r = conn_recv(&cn, INTEG_REPLY_MS, &m);
	CHECK(r == 0 && m.type == MSG_PONG && m.id == 7,
	    "no PONG for the slow frame: %s, type %u", sus_strerror(r),
	    m.type);
	rv = 0;
out:
	buf_free(m.body);
	conn_close(&cn);
	return rv;
}

/*
 * A login whose audit row cannot be written must fail (noaudit group:
 * the run script revokes INSERT on audit from sus_app around it).
 */
static int
noaudit_login_refused(void)
{
	struct msg_samorg_search q = {
	    .pattern = (char *)"*", .limit = 10 };
	struct conn	cn;
	size_t		n;
	int		r, rv = -1;

	if (case_open(&cn) != 0)
		goto out;
	r = conn_login(&cn, "rapport", INTEG_DEMO_PASSWORD, NULL);
	CHECK(r == ERR_INTERNAL, "login without an audit row gave %d, "
	    "want ERR_INTERNAL", r);
	/* Not logged in: a search must close the connection. */
	CHECK(conn_send(&cn, MSG_SAMORG_SEARCH, 2, &q) == 0, "send failed");
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &n),
	    "a search after the refused login was not refused");
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

const struct integ_case cases_limits[] = {
	{ "timeout", "timeout_half_preamble", timeout_partial_preamble },
	{ "timeout", "timeout_handshake_without_msg3", timeout_no_msg3 },
	{ "timeout", "timeout_no_login", timeout_silent },
	{ "timeout", "timeout_partial_frame_length", timeout_partial_length },
	{ "timeout", "timeout_partial_frame_body", timeout_partial_body },
	{ "timeout", "timeout_pings_do_not_extend_grace", timeout_pings },
	{ "timeout", "timeout_not_after_login", timeout_not_after_login },
	{ "startups", "max_startups_third_refused", startups_third_refused },
	{ "lockout", "lockout_after_failures", lockout },
	{ "idle", "idle_partial_frame_after_login_closes",
	    idle_partial_frame },
	{ "idle", "idle_slow_frame_is_answered", idle_slow_frame },
	{ "noaudit", "login_without_audit_row_refused",
	    noaudit_login_refused },
	{ NULL, NULL, NULL }
};
