/*
 * The integration test client: runs each case of a group in its own
 * process against a real susd, prints "ok - name" or "not ok - name: why"
 * per case and ends with "integ: N passed, N failed".
 *
 *	integ.san [-g group] [-c case] [-l] [host port pins scratch]
 *	integ.san -F major	(a fake server speaking another major)
 *
 * Missing arguments come from SUS_HOST, SUS_PORT, SUS_KNOWN_SERVERS and
 * INTEG_SCRATCH (or STACK_DIR); STACK_LOG names susd's log.
 */
#include <sys/socket.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "chan.h"
#include "chan_io.h"
#include "err.h"
#include "net.h"
#include "integ.h"
#include "known.h"
#include "msg.h"
#include "noise.h"
#include "proto.h"

/* A case that has not finished after this long is killed and failed. */
#define INTEG_CASE_MS		120000

struct integ	integ;

static char	integ_why[512];

static const struct integ_case *const integ_tables[] = {
	cases_session,
	cases_wire,
	cases_samorg,
	cases_limits,
	cases_bestallning,
	cases_uppdrag,
	cases_matrix,
	cases_accounts,
	cases_samorg_admin,
	cases_samorg_order,
	cases_budget,
	cases_fraga,
	cases_styrdata,
	cases_rules_more,
	cases_insats,
	cases_insats_sok,
	cases_insats_budget,
	cases_volym,
	cases_startsida,
	cases_deltagare_save,
	cases_deltagare,
	cases_anonym,
	cases_batch_count,
	cases_batch,
	cases_affk_flow,
	cases_affk_kontor,
	cases_rapport_motor,
	cases_rapport_insats,
	cases_rapport_kostnad,
	cases_rapport_affk,
	cases_rapport_deltagare,
	cases_rapport_standard,
};

/* Records the first reason the running case failed. */
int
fail(const char *fmt, ...)
{
	va_list	ap;

	if (integ_why[0] != '\0')
		return -1;
	va_start(ap, fmt);
	vsnprintf(integ_why, sizeof integ_why, fmt, ap);
	va_end(ap);
	return -1;
}

/* Milliseconds on the monotonic clock. */
long long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Sleeps for ms milliseconds, resuming after signals. */
void
sleep_ms(int ms)
{
	struct timespec	ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* Connects to susd; returns the socket or -1. */
int
tcp_connect(void)
{
	int	fd, e;

	fd = net_connect(integ.host, integ.port, 5000, &e);
	return fd;
}

/* Writes all of p; a peer that closed meanwhile is an error, not SIGPIPE. */
int
fd_write(int fd, const void *p, size_t len)
{
	const uint8_t	*b = p;
	ssize_t		 n;

	while (len > 0) {
		n = send(fd, b, len, MSG_NOSIGNAL);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		b += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Reads until EOF or the time runs out, keeping the first bytes. */
int
fd_read_to_eof(int fd, int timeout_ms, uint8_t *cap, size_t capmax,
    size_t *n)
{
	struct pollfd	 pfd;
	uint8_t		 tmp[16384];
	long long	 deadline = now_ms() + timeout_ms;
	ssize_t		 r;
	size_t		 c;
	int		 left;

	*n = 0;
	for (;;) {
		left = (int)(deadline - now_ms());
		if (left <= 0)
			return 0;
		pfd.fd = fd;
		pfd.events = POLLIN;
		r = poll(&pfd, 1, left);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			return -1;
		if (r == 0)
			return 0;
		r = recv(fd, tmp, sizeof tmp, 0);
		if (r == 0)
			return 1;
		if (r == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return errno == ECONNRESET ? 1 : -1;
		}
		if (cap != NULL && *n < capmax) {
			c = capmax - *n < (size_t)r ? capmax - *n : (size_t)r;
			memcpy(cap + *n, tmp, c);
		}
		*n += (size_t)r;
	}
}

/* Connects and queues the start of a handshake without sending it. */
int
conn_start_raw(struct conn *cn, uint8_t major)
{
	uint8_t	priv[NOISE_KEY_LEN], pub[NOISE_KEY_LEN];
	int	r;

	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
	if ((r = noise_keypair(priv, pub)) != 0)
		return r;
	cn->c = chan_new(CHAN_CLIENT, priv, "integ " SUS_VERSION);
	sodium_memzero(priv, sizeof priv);
	if (cn->c == NULL)
		return SUS_ERR_ALLOC;
	if (major != SUS_PROTO_MAJOR)
		chan_test_set_major(cn->c, major);
	if ((r = chan_start(cn->c)) != 0)
		return r;
	if ((cn->fd = tcp_connect()) == -1)
		return SUS_ERR_SYSTEM;
	return 0;
}

/* Connects, handshakes and logs in, which must succeed. */
int
conn_open_login(struct conn *cn, const char *user, const char *password)
{
	int	r;

	if ((r = conn_open(cn, SUS_PROTO_MAJOR)) != 0)
		return r;
	r = conn_login(cn, user, password, NULL);
	return r > 0 ? SUS_ERR_PROTOCOL : r;
}

/* Connects and handshakes, checking susd's key against the pins. */
int
conn_open(struct conn *cn, uint8_t major)
{
	int	r;

	if ((r = conn_start_raw(cn, major)) != 0)
		return r;
	if ((r = chan_io_handshake(cn->c, cn->fd, INTEG_REPLY_MS)) != 0)
		return r;
	if (chan_state(cn->c) != CHAN_VERIFY)
		return SUS_ERR_STATE;
	r = known_check(integ.pins, integ.hostport,
	    chan_remote_static(cn->c));
	if (r != KNOWN_MATCH)
		return r < 0 ? r : SUS_ERR_PIN_MISMATCH;
	if ((r = chan_accept(cn->c)) != 0)
		return r;
	return conn_flush(cn);
}

/* As conn_open() with the right major; a failure is reported for the case. */
int
case_open(struct conn *cn)
{
	int	r;

	if ((r = conn_open(cn, SUS_PROTO_MAJOR)) != 0)
		fail("handshake: %s", sus_strerror(r));
	return r;
}

/* Logs in as a demo user; a failure is reported for the case. */
int
case_login(struct conn *cn, const char *user)
{
	int	r;

	if ((r = conn_open_login(cn, user, INTEG_DEMO_PASSWORD)) != 0)
		fail("login as %s: %s", user, sus_strerror(r));
	return r;
}

/* Queues a PING with id and moves its frame into p. */
int
capture_ping(struct conn *cn, uint32_t id, uint8_t *p, size_t max,
    size_t *len)
{
	struct msg_ping	 ping;
	struct buf	*b;
	int		 r;

	ping.nonce = 0x5a5a5a5a00000000ULL | id;
	if ((b = buf_new(64)) == NULL)
		return SUS_ERR_ALLOC;
	if ((r = msg_encode(MSG_PING, &ping, b)) == 0 &&
	    (r = chan_sendb(cn->c, MSG_PING, id, b)) == 0)
		r = conn_take(cn, p, max, len);
	buf_free(b);
	return r;
}

/* Frees the channel and closes the socket. */
void
conn_close(struct conn *cn)
{
	chan_free(cn->c);
	cn->c = NULL;
	if (cn->fd != -1)
		close(cn->fd);
	cn->fd = -1;
}

/* Writes everything the channel has queued. */
int
conn_flush(struct conn *cn)
{
	return chan_io_flush(cn->c, cn->fd, INTEG_REPLY_MS);
}

/* Takes the queued output bytes for the caller to send (or not). */
int
conn_take(struct conn *cn, uint8_t *p, size_t max, size_t *len)
{
	struct buf	*out = chan_output(cn->c);

	*len = buf_len(out);
	if (*len > max)
		return SUS_ERR_NO_SPACE;
	memcpy(p, buf_ptr(out), *len);
	return buf_consume(out, *len);
}

/* Encodes and sends one message. */
int
conn_send(struct conn *cn, uint16_t type, uint32_t id, const void *m)
{
	struct buf	*b;
	int		 r;

	if ((b = buf_new(SUS_MSG_MAX)) == NULL)
		return SUS_ERR_ALLOC;
	pd_sent(cn, type, id);
	if (m == NULL || (r = msg_encode(type, m, b)) == 0)
		r = chan_io_send(cn->c, cn->fd, INTEG_REPLY_MS, type, id, b);
	buf_free(b);
	return r;
}

/* Sends a hand-made record, flags and all. */
int
conn_send_record(struct conn *cn, uint16_t type, uint16_t flags, uint32_t id,
    const uint8_t *body, size_t len, int hold)
{
	uint8_t	*pt;
	int	 r;

	if (len > SUS_RECORD_MAX - SUS_RECORD_HDR)
		return SUS_ERR_TOO_LARGE;
	pt = malloc(SUS_RECORD_HDR + len);
	if (pt == NULL)
		return SUS_ERR_ALLOC;
	pt[0] = (uint8_t)(type >> 8);
	pt[1] = (uint8_t)type;
	pt[2] = (uint8_t)(flags >> 8);
	pt[3] = (uint8_t)flags;
	pt[4] = (uint8_t)(id >> 24);
	pt[5] = (uint8_t)(id >> 16);
	pt[6] = (uint8_t)(id >> 8);
	pt[7] = (uint8_t)id;
	if (len > 0)
		memcpy(pt + SUS_RECORD_HDR, body, len);
	r = chan_test_send_raw(cn->c, pt, SUS_RECORD_HDR + len);
	free(pt);
	if (r == 0 && !hold)
		r = conn_flush(cn);
	return r;
}

/* Receives one message within timeout_ms. */
int
conn_recv(struct conn *cn, int timeout_ms, struct chan_msg *m)
{
	int	r;

	if ((r = chan_io_recv(cn->c, cn->fd, timeout_ms, m)) == 0)
		pd_received(cn, m);
	return r;
}

/* Sends a request with a fresh id and decodes the reply. */
int
conn_call(struct conn *cn, uint16_t type, const void *m, uint16_t *rtype,
    union reply *reply)
{
	struct chan_msg	rm;
	uint32_t	id = ++cn->next_id;
	int		r;

	memset(reply, 0, sizeof *reply);
	*rtype = 0;
	if ((r = conn_send(cn, type, id, m)) != 0)
		return r;
	if ((r = conn_recv(cn, INTEG_REPLY_MS, &rm)) != 0)
		return r;
	if (rm.id != id) {
		buf_free(rm.body);
		return SUS_ERR_PROTOCOL;
	}
	r = msg_decode(rm.type, rm.body, reply);
	buf_free(rm.body);
	if (r == 0)
		*rtype = rm.type;
	return r;
}

/* Logs in: 0, an ERR code, or a negative error. */
int
conn_login(struct conn *cn, const char *user, const char *password,
    struct msg_login_ok *ok)
{
	struct msg_login	l;
	union reply		rep;
	uint16_t		rtype;
	int			r;

	l.username = (char *)user;
	l.password = (char *)password;
	if ((r = conn_call(cn, MSG_LOGIN, &l, &rtype, &rep)) != 0)
		return r;
	if (rtype == MSG_LOGIN_OK) {
		if (ok != NULL)
			*ok = rep.login_ok;
		else
			msg_clear(rtype, &rep);
		return 0;
	}
	if (rtype == MSG_ERR) {
		r = rep.err.code > 0 ? (int)rep.err.code : SUS_ERR_PROTOCOL;
		msg_clear(rtype, &rep);
		return r;
	}
	msg_clear(rtype, &rep);
	return SUS_ERR_PROTOCOL;
}

/* PING with a random nonce must come back as PONG with the same nonce. */
int
conn_ping(struct conn *cn)
{
	struct msg_ping	p;
	union reply	rep;
	uint16_t	rtype;
	int		r;

	randombytes_buf(&p.nonce, sizeof p.nonce);
	if ((r = conn_call(cn, MSG_PING, &p, &rtype, &rep)) != 0)
		return r;
	r = rtype == MSG_PONG && rep.ping.nonce == p.nonce ? 0 :
	    SUS_ERR_PROTOCOL;
	msg_clear(rtype, &rep);
	return r;
}

/* Waits for the server to close, counting what it sent first. */
int
conn_wait_close(struct conn *cn, int timeout_ms, size_t *n)
{
	return fd_read_to_eof(cn->fd, timeout_ms, NULL, 0, n) == 1;
}

/* Looks for a line of susd's log with the session id and the text. */
int
log_has(const char *sid, const char *text, int timeout_ms)
{
	FILE		*fp;
	char		 line[2048], tag[40];
	long long	 deadline = now_ms() + timeout_ms;
	int		 found = 0;

	if (integ.log == NULL)
		return 0;
	snprintf(tag, sizeof tag, "[%s]", sid);
	for (;;) {
		if ((fp = fopen(integ.log, "r")) != NULL) {
			while (!found && fgets(line, sizeof line, fp) != NULL) {
				if (strstr(line, tag) != NULL &&
				    strstr(line, text) != NULL)
					found = 1;
			}
			fclose(fp);
		}
		if (found || now_ms() >= deadline)
			return found;
		sleep_ms(100);
	}
}

/* Runs one case in a child process, so a crash or hang fails only it. */
static int
integ_run_case(const struct integ_case *t)
{
	char		 why[sizeof integ_why];
	int		 pfd[2], status, rv;
	long long	 deadline;
	ssize_t		 n;
	size_t		 have = 0;
	pid_t		 pid;
	struct pollfd	 p;

	fflush(stdout);
	if (pipe(pfd) == -1) {
		printf("not ok - %s: pipe: %s\n", t->name, strerror(errno));
		return -1;
	}
	if ((pid = fork()) == -1) {
		printf("not ok - %s: fork: %s\n", t->name, strerror(errno));
		close(pfd[0]);
		close(pfd[1]);
		return -1;
	}
	if (pid == 0) {
		close(pfd[0]);
		integ_why[0] = '\0';
		rv = t->fn();
		if (rv != 0 && integ_why[0] == '\0')
			snprintf(integ_why, sizeof integ_why, "failed");
		(void)!write(pfd[1], integ_why, strlen(integ_why));
		close(pfd[1]);
		/* exit(), not _exit(): LeakSanitizer checks the case. */
		exit(rv == 0 ? 0 : 1);
	}
	close(pfd[1]);
	memset(why, 0, sizeof why);
	deadline = now_ms() + INTEG_CASE_MS;
	for (;;) {
		p.fd = pfd[0];
		p.events = POLLIN;
		if (now_ms() >= deadline) {
			kill(pid, SIGKILL);
			snprintf(why, sizeof why, "timed out after %d s",
			    INTEG_CASE_MS / 1000);
			break;
		}
		if (poll(&p, 1, (int)(deadline - now_ms())) <= 0)
			continue;
		n = read(pfd[0], why + have, sizeof why - 1 - have);
		if (n <= 0)
			break;
		have += (size_t)n;
	}
	close(pfd[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && why[0] == '\0') {
		printf("ok - %s\n", t->name);
		return 0;
	}
	if (why[0] == '\0') {
		if (WIFSIGNALED(status))
			snprintf(why, sizeof why, "killed by signal %d",
			    WTERMSIG(status));
		else
			snprintf(why, sizeof why, "exit status %d (a "
			    "sanitizer report?)", WEXITSTATUS(status));
	}
	printf("not ok - %s: %s\n", t->name, why);
	return -1;
}

/* Fake server: answers every preamble with one of another major. */
static int
integ_fake_server(int major)
{
	struct sockaddr_in	 sin;
	socklen_t		 len = sizeof sin;
	uint8_t			 pre[SUS_PREAMBLE_LEN], in[64];
	size_t			 n;
	int			 lfd, fd, one = 1;

	/* Never outlive a test run that forgot us. */
	alarm(120);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((lfd = socket(AF_INET, SOCK_STREAM, 0)) == -1 ||
	    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
	    bind(lfd, (struct sockaddr *)&sin, sizeof sin) == -1 ||
	    listen(lfd, 8) == -1 ||
	    getsockname(lfd, (struct sockaddr *)&sin, &len) == -1) {
		perror("integ: fake server");
		return 1;
	}
	printf("%d\n", ntohs(sin.sin_port));
	fflush(stdout);
	memcpy(pre, SUS_PROTO_MAGIC, 4);
	pre[4] = (uint8_t)major;
	pre[5] = pre[6] = pre[7] = 0;
	for (;;) {
		if ((fd = accept(lfd, NULL, NULL)) == -1) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		/* The client's preamble and message 1, then our preamble. */
		(void)fd_read_to_eof(fd, 300, in, sizeof in, &n);
		(void)fd_write(fd, pre, sizeof pre);
		close(fd);
	}
}

/* Prints usage and exits. */
static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: integ [-l] [-g group] [-c case] "
	    "[host port pins scratch]\n       integ -F major\n");
	exit(2);
}

/* Takes argv[i] if present, else the environment variable. */
static const char *
integ_arg(int argc, char **argv, int i, const char *env)
{
	if (i < argc)
		return argv[i];
	return getenv(env);
}

int
main(int argc, char **argv)
{
	const struct integ_case	*t;
	const char		*group = "main", *only = NULL;
	size_t			 i;
	int			 ch, list = 0, pass = 0, failed = 0;

	if (sodium_init() < 0) {
		fprintf(stderr, "integ: libsodium failed to initialise\n");
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	while ((ch = getopt(argc, argv, "c:F:g:l")) != -1) {
		switch (ch) {
		case 'c':
			only = optarg;
			break;
		case 'F':
			return integ_fake_server(atoi(optarg));
		case 'g':
			group = optarg;
			break;
		case 'l':
			list = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	integ.host = integ_arg(argc, argv, 0, "SUS_HOST");
	integ.port = integ_arg(argc, argv, 1, "SUS_PORT");
	integ.pins = integ_arg(argc, argv, 2, "SUS_KNOWN_SERVERS");
	integ.scratch = integ_arg(argc, argv, 3, "INTEG_SCRATCH");
	if (integ.scratch == NULL)
		integ.scratch = getenv("STACK_DIR");
	integ.log = getenv("STACK_LOG");
	if (!list && (integ.host == NULL || integ.port == NULL ||
	    integ.pins == NULL || integ.scratch == NULL))
		usage();
	if (!list)
		snprintf(integ.hostport, sizeof integ.hostport, "%s:%s",
		    integ.host, integ.port);
	for (i = 0; i < sizeof integ_tables / sizeof integ_tables[0]; i++) {
		for (t = integ_tables[i]; t->name != NULL; t++) {
			if (only != NULL ? strcmp(only, t->name) != 0 :
			    strcmp(group, t->group) != 0)
				continue;
			if (list) {
				printf("%s %s\n", t->group, t->name);
				continue;
			}
			if (integ_run_case(t) == 0)
				pass++;
			else
				failed++;
		}
	}
	if (!list)
		printf("integ: %d passed, %d failed\n", pass, failed);
	return failed == 0 ? 0 : 1;
}

/* The text of the last ERR and of the last OK, and the OK's id. */
char		integ_last_err[SUS_MESSAGE_MAX + 1];
char		integ_last_ok[SUS_MESSAGE_MAX + 1];
uint32_t	integ_last_ok_id;

/* Sends a request and decodes the reply; see integ.h. */
int
integ_call(struct conn *cn, uint16_t type, const void *req, uint16_t want,
    void *out)
{
	struct chan_msg	 rm;
	struct msg_err	 err;
	struct msg_ok	 ok;
	uint32_t	 id = ++cn->next_id;
	int		 r;

	integ_last_err[0] = '\0';
	if (want == MSG_OK) {
		integ_last_ok[0] = '\0';
		integ_last_ok_id = 0;
	}
	if ((r = conn_send(cn, type, id, req)) != 0 ||
	    (r = conn_recv(cn, INTEG_REPLY_MS, &rm)) != 0)
		return fail("%s: %s", msg_name(type), sus_strerror(r));
	if (rm.id != id) {
		buf_free(rm.body);
		return fail("%s: reply id %u, want %u", msg_name(type), rm.id,
		    id);
	}
	if (rm.type == MSG_ERR) {
		r = msg_decode(MSG_ERR, rm.body, &err);
		buf_free(rm.body);
		if (r != 0)
			return fail("%s: undecodable ERR", msg_name(type));
		snprintf(integ_last_err, sizeof integ_last_err, "%s",
		    err.message);
		r = err.code > 0 ? (int)err.code : -1;
		msg_clear(MSG_ERR, &err);
		if (r < 0)
			return fail("%s: ERR with code 0", msg_name(type));
		return r;
	}
	if (rm.type != want) {
		buf_free(rm.body);
		return fail("%s: reply %s, want %s", msg_name(type),
		    msg_name(rm.type), msg_name(want));
	}
	if (want == MSG_OK) {
		r = msg_decode(MSG_OK, rm.body, out != NULL ? out : &ok);
		if (r == 0) {
			const struct msg_ok *o = out != NULL ? out : &ok;

			snprintf(integ_last_ok, sizeof integ_last_ok, "%s",
			    o->message);
			integ_last_ok_id = o->id;
			if (out == NULL)
				msg_clear(MSG_OK, &ok);
		}
	} else
		r = msg_decode(want, rm.body, out);
	buf_free(rm.body);
	if (r != 0)
		return fail("%s: undecodable %s", msg_name(type),
		    msg_name(want));
	return 0;
}

/* integ_call() where anything but a reply of type want fails the case. */
int
integ_call_ok(struct conn *cn, uint16_t type, const void *req,
    uint16_t want, void *out, const char *what)
{
	int	r;

	if ((r = integ_call(cn, type, req, want, out)) > 0)
		return fail("%s: ERR %d %s", what, r, integ_last_err);
	return r;
}

/* Checks that r is ERR code whose text holds text (unless NULL). */
int
integ_refused(int r, uint32_t code, const char *text, const char *what)
{
	if (r < 0)
		return -1;
	if (r == 0)
		return fail("%s: accepted, want ERR %u", what, code);
	if ((uint32_t)r != code)
		return fail("%s: ERR %d (%s), want %u", what, r,
		    integ_last_err, code);
	if (text != NULL && strstr(integ_last_err, text) == NULL)
		return fail("%s: \"%s\" lacks \"%s\"", what, integ_last_err,
		    text);
	return 0;
}

/* Checks that r is a success. */
int
integ_accepted(int r, const char *what)
{
	if (r < 0)
		return -1;
	if (r > 0)
		return fail("%s: ERR %d %s", what, r, integ_last_err);
	return 0;
}

/* Runs SQL through psql as the database superuser; see integ.h. */
int
integ_sql(char *out, size_t len, const char *fmt, ...)
{
	const char	*bindir = getenv("PG_TEST_BINDIR");
	const char	*db = getenv("STACK_DB_ADMIN");
	char		 text[8192], psql[1024], buf[4096];
	va_list		 ap;
	size_t		 n = 0;
	ssize_t		 got;
	pid_t		 pid;
	int		 fds[2], status;

	if (out != NULL && len > 0)
		out[0] = '\0';
	if (bindir == NULL || db == NULL)
		return fail("no database: PG_TEST_BINDIR or STACK_DB_ADMIN "
		    "unset (run through tests/integ/run)");
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	snprintf(psql, sizeof psql, "%s/psql", bindir);
	if (pipe(fds) == -1)
		return fail("psql: pipe failed");
	if ((pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return fail("psql: fork failed");
	}
	if (pid == 0) {
		/* current_date as susd sees it. */
		setenv("PGTZ", "Europe/Stockholm", 1);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		execl(psql, "psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
		    "-d", db, "-c", text, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	/* Keep what fits; read the rest and drop it, so psql can finish. */
	for (;;) {
		got = read(fds[0], buf + n, sizeof buf - 1 - n);
		if (got == -1 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
		if (n == sizeof buf - 1) {
			char	drop[512];

			while ((got = read(fds[0], drop, sizeof drop)) > 0 ||
			    (got == -1 && errno == EINTR))
				;
			break;
		}
	}
	close(fds[0]);
	buf[n] = '\0';
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return fail("psql \"%.200s\": waitpid failed", text);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return fail("psql \"%.200s\": %.300s", text, buf);
	if (out != NULL && len > 0)
		snprintf(out, len, "%s", buf);
	return 0;
}

/* Runs SQL that prints one number; see integ.h. */
uint32_t
integ_sql_u32(const char *fmt, ...)
{
	char	text[4096], out[64];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (integ_sql(out, sizeof out, "%s", text) != 0)
		return 0;
	if (out[0] < '0' || out[0] > '9') {
		fail("no number from: %.200s", text);
		return 0;
	}
	return (uint32_t)strtoul(out, NULL, 10);
}

/* A participant for cases that need one to exist; see integ.h. */
int
integ_deltagande(uint32_t insats_id, const char *startdatum,
    const char *slutdatum)
{
	char	slut[32];

	if (slutdatum != NULL)
		snprintf(slut, sizeof slut, "'%s'", slutdatum);
	else
		snprintf(slut, sizeof slut, "NULL");
	return integ_sql(NULL, 0,
	    "WITH p AS (INSERT INTO person (personnummer, namn)"
	    " VALUES ('195801263053', 'Integ Fixtur')"
	    " ON CONFLICT (personnummer) DO UPDATE SET namn = EXCLUDED.namn"
	    " RETURNING id), d AS (INSERT INTO deltagande (insats_id,"
	    " startdatum, slutdatum, person_id, kon_id, fodelsear, samtycke,"
	    " samtycke_datum) SELECT %u, '%s', %s, p.id, k.id, 1958, true,"
	    " '%s'"
	    " FROM p, kod k WHERE k.lista = 'kon' AND k.kod = 'M'"
	    " RETURNING id, person_id, insats_id)"
	    " INSERT INTO audit_person (action, purpose, person_id,"
	    " deltagande_id, insats_id) SELECT 'skriv', 'integ fixture',"
	    " person_id, id, insats_id FROM d",
	    insats_id, startdatum, slut, startdatum);
}
