/*
 * The client's connection against a scripted server in a child process
 * on a loopback socket: pinning before anything is sent, the Swedish
 * message for another protocol major, replies matched by request id, ERR
 * replies, and a wrong reply type treated as a broken connection.
 */
#include <sys/socket.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "chan.h"
#include "chan_io.h"
#include "client.h"
#include "err.h"
#include "known.h"
#include "noise.h"
#include "proto.h"
#include "unit.h"

enum script {
	SCRIPT_MAJOR2,		/* answer with a protocol 2 preamble */
	SCRIPT_REPLIES		/* stale reply, ERR, then a wrong type */
};

struct fake {
	int	 lfd;
	pid_t	 pid;
	char	 port[16];
	uint8_t	 priv[32], pub[32];
};

/* Sends one message from the fake server; exits the child on failure. */
static void
fake_send(struct chan *ch, int fd, uint16_t type, uint32_t id,
    const void *m)
{
	struct buf	*b = buf_new(SUS_MSG_MAX);

	if (b == NULL || msg_encode(type, m, b) != 0 ||
	    chan_io_send(ch, fd, 5000, type, id, b) != 0)
		_exit(3);
	buf_free(b);
}

/* The child's side: one connection, then exit. */
static void
fake_serve(struct fake *f, enum script script)
{
	static const uint8_t	 pre2[8] = { 'S', 'U', 'S', '1', 2, 0, 0, 0 };
	struct chan		*ch;
	struct chan_msg		 m;
	struct msg_login_ok	 ok;
	struct msg_err		 err;
	struct msg_ok		 okm;
	uint8_t			 junk[64];
	int			 fd;

	if ((fd = accept(f->lfd, NULL, NULL)) == -1)
		_exit(2);
	if (script == SCRIPT_MAJOR2) {
		if (read(fd, junk, sizeof junk) <= 0 ||
		    write(fd, pre2, sizeof pre2) != sizeof pre2)
			_exit(2);
		close(fd);
		_exit(0);
	}
	ch = chan_new(CHAN_SERVER, f->priv, "fake");
	if (ch == NULL || chan_io_handshake(ch, fd, 5000) != 0)
		_exit(2);
	memset(&m, 0, sizeof m);
	if (chan_io_recv(ch, fd, 5000, &m) != 0 || m.type != MSG_LOGIN)
		_exit(2);
	buf_free(m.body);
	/* A reply to some earlier, abandoned request comes first. */
	memset(&ok, 0, sizeof ok);
	ok.username = ok.fornamn = ok.efternamn = (char *)"x";
	ok.roles = ROLE_SUPERADMIN;
	fake_send(ch, fd, MSG_LOGIN_OK, m.id + 100, &ok);
	err.code = ERR_LOGIN_FAILED;
	err.message = (char *)"Fel användarnamn eller lösenord.";
	fake_send(ch, fd, MSG_ERR, m.id, &err);
	if (chan_io_recv(ch, fd, 5000, &m) != 0 || m.type != MSG_LOGIN)
		_exit(2);
	buf_free(m.body);
	okm.id = 0;
	okm.message = (char *)"";
	fake_send(ch, fd, MSG_OK, m.id, &okm);
	sleep(1);
	_exit(0);
}

/* Listens on an ephemeral loopback port and forks the fake server. */
static void
fake_start(struct fake *f, enum script script)
{
	struct sockaddr_in	sin;
	socklen_t		len = sizeof sin;

	ck_assert_int_eq(noise_keypair(f->priv, f->pub), 0);
	f->lfd = socket(AF_INET, SOCK_STREAM, 0);
	ck_assert_int_ge(f->lfd, 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ck_assert_int_eq(bind(f->lfd, (struct sockaddr *)&sin, sizeof sin), 0);
	ck_assert_int_eq(listen(f->lfd, 1), 0);
	ck_assert_int_eq(getsockname(f->lfd, (struct sockaddr *)&sin, &len),
	    0);
	snprintf(f->port, sizeof f->port, "%u", ntohs(sin.sin_port));
	f->pid = fork();
	ck_assert_int_ge(f->pid, 0);
	if (f->pid == 0)
		fake_serve(f, script);
	close(f->lfd);
}

/* Waits for the fake server and checks it ran its script to the end. */
static void
fake_finish(struct fake *f)
{
	int	status;

	ck_assert_int_eq(waitpid(f->pid, &status, 0), f->pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
}

START_TEST(test_remote_version_message)
{
	struct remote	 r;
	struct fake	 f;
	char		 pins[] = "/tmp/sus-test-pins-XXXXXX";
	int		 fd;

	fd = mkstemp(pins);
	ck_assert_int_ge(fd, 0);
	close(fd);
	fake_start(&f, SCRIPT_MAJOR2);
	remote_init(&r, "127.0.0.1", f.port);
	r.user_pins = pins;
	ck_assert_int_eq(noise_keypair(r.priv, r.pub), 0);
	ck_assert_int_eq(remote_connect(&r, NULL, stderr), SUS_ERR_VERSION);
	ck_assert_ptr_nonnull(strstr(r.error, "protokollversion 2"));
	ck_assert(!remote_connected(&r));
	fake_finish(&f);
	remote_free(&r);
	unlink(pins);
}
END_TEST

START_TEST(test_remote_replies_by_id)
{
	struct remote		 r;
	struct fake		 f;
	struct msg_login	 req;
	struct msg_login_ok	 ok;
	struct msg_err		 err;
	char			 pins[] = "/tmp/sus-test-pins-XXXXXX";
	char			 hostport[64];
	char			 longname[SUS_USERNAME_MAX + 2];
	int			 fd;

	fd = mkstemp(pins);
	ck_assert_int_ge(fd, 0);
	close(fd);
	fake_start(&f, SCRIPT_REPLIES);
	snprintf(hostport, sizeof hostport, "127.0.0.1:%s", f.port);
	ck_assert_int_eq(known_add(pins, hostport, f.pub), 0);
	remote_init(&r, "127.0.0.1", f.port);
	r.user_pins = pins;
	ck_assert_int_eq(noise_keypair(r.priv, r.pub), 0);
	/* Pinned: no question is asked (in is NULL), and it connects. */
	ck_assert_int_eq(remote_connect(&r, NULL, stderr), 0);
	ck_assert(remote_connected(&r));

	/*
	 * A name longer than the protocol allows is refused before anything
	 * is sent: the connection stays up and the script is undisturbed.
	 */
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	req.username = longname;
	req.password = (char *)"fel";
	ck_assert_int_eq(remote_call(&r, MSG_LOGIN, &req, MSG_LOGIN_OK, &ok,
	    &err, NULL, NULL), REMOTE_BAD_REQUEST);
	ck_assert(remote_connected(&r));
	ck_assert_ptr_nonnull(strstr(r.error, "för långa"));

	req.username = (char *)"admin";
	req.password = (char *)"fel";
	memset(&ok, 0, sizeof ok);
	memset(&err, 0, sizeof err);
	/* The stale LOGIN_OK is skipped; the ERR with our id is the answer. */
	ck_assert_int_eq(remote_call(&r, MSG_LOGIN, &req, MSG_LOGIN_OK, &ok,
	    &err, NULL, NULL), REMOTE_REPLY_ERR);
	ck_assert_uint_eq(err.code, ERR_LOGIN_FAILED);
	ck_assert_str_eq(err.message, "Fel användarnamn eller lösenord.");
	ck_assert_ptr_null(ok.username);
	msg_clear(MSG_ERR, &err);
	ck_assert(remote_connected(&r));

	/* A reply of the wrong type means the link cannot be trusted. */
	ck_assert_int_lt(remote_call(&r, MSG_LOGIN, &req, MSG_LOGIN_OK, &ok,
	    &err, NULL, NULL), 0);
	ck_assert(!remote_connected(&r));
	ck_assert_str_eq(r.error, "Servern skickade ett felaktigt svar.");
	fake_finish(&f);
	remote_free(&r);
	unlink(pins);
}
END_TEST

START_TEST(test_remote_changed_key_refused)
{
	struct remote	 r;
	struct fake	 f;
	uint8_t		 other[32];
	char		 pins[] = "/tmp/sus-test-pins-XXXXXX";
	char		 hostport[64], *said = NULL;
	size_t		 saidlen = 0;
	FILE		*out;
	int		 fd;

	fd = mkstemp(pins);
	ck_assert_int_ge(fd, 0);
	close(fd);
	signal(SIGPIPE, SIG_IGN);
	fake_start(&f, SCRIPT_REPLIES);
	snprintf(hostport, sizeof hostport, "127.0.0.1:%s", f.port);
	memset(other, 0x42, sizeof other);
	ck_assert_int_eq(known_add(pins, hostport, other), 0);
	remote_init(&r, "127.0.0.1", f.port);
	r.user_pins = pins;
	ck_assert_int_eq(noise_keypair(r.priv, r.pub), 0);
	out = open_memstream(&said, &saidlen);
	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(remote_connect(&r, NULL, out),
	    SUS_ERR_PIN_MISMATCH);
	fclose(out);
	ck_assert_ptr_nonnull(strstr(said, "SERVERNS NYCKEL HAR ÄNDRATS"));
	free(said);
	ck_assert(!remote_connected(&r));
	ck_assert_ptr_nonnull(strstr(r.error, "nyckel har ändrats"));
	/* The server never got message 3, so its handshake failed. */
	waitpid(f.pid, NULL, 0);
	remote_free(&r);
	unlink(pins);
}
END_TEST

/* The connection suite, each case with its own fake server. */
static Suite *
suite_client_remote(void)
{
	Suite	*s = suite_create("client_remote");
	TCase	*tc = tcase_create("remote");

	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_remote_version_message);
	tcase_add_test(tc, test_remote_replies_by_id);
	tcase_add_test(tc, test_remote_changed_key_refused);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_client_remote)
