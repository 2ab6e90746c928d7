/*
 * One client connection, in its own process: handshake within a time
 * limit, login within a grace period, then one request at a time. Any bad
 * byte from the peer ends this process and nothing else.
 */
#include <sys/resource.h>

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "chan.h"
#include "chan_io.h"
#include "err.h"
#include "log.h"
#include "msg.h"
#include "proto.h"
#include "susd.h"
#include "xmalloc.h"

/* Tells the parent this connection is no longer unauthenticated. */
static void
session_startup_done(struct session *s)
{
	if (s->startup_fd != -1) {
		close(s->startup_fd);
		s->startup_fd = -1;
	}
}

/* Milliseconds on the monotonic clock (susd.h). */
long long
session_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}


/*
 * Ends a logged-in session from the server's side: an ERR with request id
 * 0 tells the client why, then the connection closes.
 */
static int
session_end(struct session *s, const char *why)
{
	struct msg_err	e;

	e.code = ERR_ENDED;
	e.message = (char *)why;
	if (session_reply(s, 0, MSG_ERR, &e) == 0 &&
	    session_reply_flush(s) == 0)
		(void)chan_io_flush(s->chan, s->fd, 1000);
	return REQ_CLOSE;
}

/*
 * Checks a logged-in session between requests: a person gone from the
 * terminal for idle_timeout is logged out, and every account_check the
 * account is read again, so a deactivated user's open session ends even
 * when it sends nothing. Returns 0 to go on or REQ_CLOSE.
 */
static int
session_check(struct session *s, long long now, long long *activity,
    long long *checked)
{
	char	why[128];
	int	r, mins;

	if (now - *activity >= susd.conf.idle_timeout * 1000LL) {
		log_info("session idle for %d s; ending",
		    susd.conf.idle_timeout);
		(void)audit_log(s, "session_idle", "anvandare", s->user_id, 0,
		    NULL);
		mins = (susd.conf.idle_timeout + 59) / 60;
		snprintf(why, sizeof why, "Utloggad efter %d %s utan "
		    "aktivitet. Logga in igen.", mins,
		    mins == 1 ? "minut" : "minuter");
		return session_end(s, why);
	}
	if (now - *checked < susd.conf.account_check * 1000LL)
		return 0;
	*checked = now;
	r = session_refresh(s, 0);
	if (r == SUS_ERR_DENIED)
		return session_end(s, "Ditt konto är inte längre aktivt.");
	/* A database away for a moment is no reason to throw users out. */
	return 0;
}

/*
 * Runs the request loop until BYE, EOF, an error or a signal. start is
 * when the connection was accepted: the login grace counts from there.
 */
static int
session_loop(struct session *s, long long start)
{
	struct chan_msg	 m;
	int		 r, timeout;
	long long	 deadline, last = session_now_ms();
	long long	 activity = last, checked = last;
	long long	 idle_ms = susd.conf.db_idle_release * 1000LL;
	uint64_t	 seen = 0;

	/* PINGs must not keep an unauthenticated connection alive. */
	deadline = start + susd.conf.login_grace * 1000LL;
	for (;;) {
		if (susd_got_term)
			return 0;
		if (!s->logged_in) {
			if (session_now_ms() >= deadline)
				return SUS_ERR_TIMEOUT;
			timeout = (int)(deadline - session_now_ms());
		} else {
			if (session_check(s, session_now_ms(), &activity,
			    &checked) != 0)
				return REQ_CLOSE;
			/*
			 * Wake up once per handshake_timeout: cheap, and a
			 * message that makes no progress for a whole tick is
			 * noticed, while a slow one still getting bytes is not
			 * cut off.
			 */
			timeout = susd.conf.handshake_timeout * 1000;
		}
		r = chan_io_recv(s->chan, s->fd, timeout, &m);
		if (r == SUS_ERR_TIMEOUT && s->logged_in) {
			if (chan_partial(s->chan) &&
			    chan_bytes_in(s->chan) == seen)
				return r;
			seen = chan_bytes_in(s->chan);
			/* Idle: give the database connection back. */
			if (s->db != NULL && session_now_ms() - last >= idle_ms)
				db_close(s);
			continue;
		}
		if (r != 0)
			return r;
		seen = chan_bytes_in(s->chan);
		last = session_now_ms();
		/* A PING shows the program lives, not that a person does. */
		if (m.type != MSG_PING)
			activity = last;
		r = request_dispatch(s, m.type, m.id, m.body);
		buf_free(m.body);
		if (r == 0 && s->logged_in) {
			session_startup_done(s);
			chan_set_max_message(s->chan, SUS_MSG_MAX);
		}
		if (r == 0)
			r = chan_io_flush(s->chan, s->fd, SUS_HS_TIMEOUT_MS);
		if (r == REQ_CLOSE) {
			(void)chan_io_flush(s->chan, s->fd, SUS_HS_TIMEOUT_MS);
			return REQ_CLOSE;
		}
		if (r != 0) {
			/* Send what we have (e.g. the third ERR) before closing. */
			(void)chan_io_flush(s->chan, s->fd, 1000);
			return r;
		}
	}
}

/* Serves one accepted connection; never returns to the listener. */
void
session_run(int fd, const char *peer, int startup_fd)
{
	struct session	 s;
	struct rusage	 ru;
	long long	 start = session_now_ms();
	int		 r;

	memset(&s, 0, sizeof s);
	s.fd = fd;
	s.startup_fd = startup_fd;
	strlcpy(s.peer, peer, sizeof s.peer);
	s.chan = chan_new(CHAN_SERVER, susd.key_priv, "susd " SUS_VERSION);
	if (s.chan == NULL)
		fatal("out of memory");
	/* The channel holds its own copy until the handshake ends. */
	sodium_memzero(susd.key_priv, sizeof susd.key_priv);
	chan_set_max_message(s.chan, SUS_MSG_MAX_PRELOGIN);
	r = chan_io_handshake(s.chan, fd, susd.conf.handshake_timeout * 1000);
	if (r != 0) {
		/* A major mismatch: our preamble is queued; send it first. */
		if (r == SUS_ERR_VERSION)
			(void)chan_io_flush(s.chan, fd, 1000);
		log_info("handshake with %s failed: %s", peer, sus_strerror(r));
		goto out;
	}
	log_set_session(chan_session_id(s.chan));
	log_info("connection from %s", peer);
	r = session_loop(&s, start);
	if (r == REQ_CLOSE || r == 0)
		log_info("session ended");
	else if (r == SUS_ERR_EOF)
		log_warn("connection closed without BYE (truncation)");
	else
		log_info("session closed: %s", sus_strerror(r));
out:
	/* Truncation or error: nothing half-done may commit. */
	db_rollback(&s);
	db_close(&s);
	session_startup_done(&s);
	buf_free(s.reply);
	chan_free(s.chan);
	close(fd);
	sodium_memzero(susd.key_priv, sizeof susd.key_priv);
	/* make bench reads this to show that memory stays flat. */
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		log_info("session peak rss %ld KiB", ru.ru_maxrss);
	_exit(0);
}
