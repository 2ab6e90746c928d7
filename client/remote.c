/*
 * The connection to susd: TCP, the secure channel with server-key
 * pinning, and synchronous requests matched to their replies by request
 * id. A reply that arrives after its request was abandoned is dropped.
 */
#include <sys/socket.h>
#include <sys/types.h>

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "chan.h"
#include "chan_io.h"
#include "client.h"
#include "err.h"
#include "net.h"
#include "proto.h"
#include "xmalloc.h"

#ifndef SUS_VERSION
#define SUS_VERSION "0"
#endif

/*
 * The connection the server last ended with ERR_ENDED, until the next
 * connect: the frame learns it only as "the link is gone", and must then
 * tell the user why rather than offer a plain reconnect.
 */
static const struct remote *remote_ended_by;

/* Hands out the next request id; 0 is the server's own (unsolicited). */
static uint32_t
remote_next_id(struct remote *r)
{
	if (++r->next_id == 0)
		r->next_id = 1;
	return r->next_id;
}

/* Prepares an unconnected remote for host and port. */
void
remote_init(struct remote *r, const char *host, const char *port)
{
	memset(r, 0, sizeof *r);
	r->fd = -1;
	r->host = xstrdup(host);
	r->port = xstrdup(port);
	/* IPv6 literals get brackets so the port stays unambiguous. */
	if (strchr(host, ':') != NULL)
		xasprintf(&r->hostport, "[%s]:%s", host, port);
	else
		xasprintf(&r->hostport, "%s:%s", host, port);
}

/* Closes and frees everything, wiping the private key. */
void
remote_free(struct remote *r)
{
	remote_close(r);
	free(r->host);
	free(r->port);
	free(r->hostport);
	explicit_bzero(r->priv, sizeof r->priv);
}

/* Drops the connection; the remote can connect again. */
void
remote_close(struct remote *r)
{
	if (r->ch != NULL) {
		chan_free(r->ch);
		r->ch = NULL;
	}
	if (r->fd != -1) {
		close(r->fd);
		r->fd = -1;
	}
	r->logged_in = 0;
}

/* Sends BYE so the server logs an orderly end, then closes. */
void
remote_bye(struct remote *r)
{
	struct buf	*b;

	if (remote_connected(r) && (b = buf_new(16)) != NULL) {
		chan_io_send(r->ch, r->fd, 1000, MSG_BYE, remote_next_id(r),
		    b);
		buf_free(b);
	}
	remote_close(r);
}

/* Reports whether a channel is open. */
int
remote_connected(const struct remote *r)
{
	return r->ch != NULL && chan_state(r->ch) == CHAN_OPEN;
}

/*
 * How long to wait for one address to accept: a case officer should hear
 * about a dead server quickly, yet a slow ssh-tunnelled link must not fail.
 */
#define REMOTE_CONNECT_MS	10000

/* Opens a TCP connection to the first address that answers. */
static int
remote_tcp(struct remote *r)
{
	int	fd, e;

	if ((fd = net_connect(r->host, r->port, REMOTE_CONNECT_MS, &e)) == -1) {
		if (e != 0)
			snprintf(r->error, sizeof r->error,
			    "Kan inte slå upp servern %s: %s", r->host,
			    gai_strerror(e));
		else
			snprintf(r->error, sizeof r->error,
			    "Kan inte ansluta till servern %s.", r->hostport);
		return SUS_ERR_SYSTEM;
	}
	r->fd = fd;
	return 0;
}

/* Runs one connection attempt up to CHAN_VERIFY and the pin check. */
static int
remote_attempt(struct remote *r, FILE *in, FILE *out)
{
	int	rv;

	if ((rv = remote_tcp(r)) != 0)
		return rv;
	r->ch = chan_new(CHAN_CLIENT, r->priv, "sus " SUS_VERSION);
	if (r->ch == NULL) {
		rv = SUS_ERR_ALLOC;
		goto fail;
	}
	if ((rv = chan_start(r->ch)) != 0 ||
	    (rv = chan_io_flush(r->ch, r->fd, SUS_HS_TIMEOUT_MS)) != 0)
		goto fail;
	rv = chan_io_handshake(r->ch, r->fd, SUS_HS_TIMEOUT_MS);
	if (rv == SUS_ERR_VERSION ||
	    (rv != 0 && chan_peer_major(r->ch) != 0 &&
	    chan_peer_major(r->ch) != SUS_PROTO_MAJOR)) {
		snprintf(r->error, sizeof r->error,
		    "Servern talar protokollversion %d men sus talar "
		    "version %d. Uppgradera sus eller servern.",
		    chan_peer_major(r->ch), SUS_PROTO_MAJOR);
		rv = SUS_ERR_VERSION;
		goto out;
	}
	if (rv != 0)
		goto fail;
	if (chan_state(r->ch) != CHAN_VERIFY) {
		rv = SUS_ERR_HANDSHAKE;
		goto fail;
	}
	rv = hostkey_verify(r->system_pins, r->user_pins, r->hostport,
	    chan_remote_static(r->ch), in, out);
	if (rv < 0) {
		if (rv == SUS_ERR_PIN_MISMATCH)
			snprintf(r->error, sizeof r->error,
			    "Serverns nyckel har ändrats! Anslutningen "
			    "avbröts.");
		else
			snprintf(r->error, sizeof r->error,
			    "Servernyckeln godtogs inte.");
		goto out;
	}
	if (rv == 1)
		return 1;
	if ((rv = chan_accept(r->ch)) != 0 ||
	    (rv = chan_io_flush(r->ch, r->fd, SUS_HS_TIMEOUT_MS)) != 0)
		goto fail;
	return 0;
fail:
	snprintf(r->error, sizeof r->error, "%s", remote_strerror(rv));
out:
	remote_close(r);
	return rv;
}

/* Connects and verifies the server, prompting on in/out when unknown. */
int
remote_connect(struct remote *r, FILE *in, FILE *out)
{
	int	rv;

	remote_close(r);
	r->error[0] = '\0';
	if (remote_ended_by == r)
		remote_ended_by = NULL;
	rv = remote_attempt(r, in, out);
	if (rv != 1)
		return rv;
	/*
	 * The user took time to answer the question, maybe longer than the
	 * server allows a handshake; the key is pinned now, so start over.
	 */
	remote_close(r);
	rv = remote_attempt(r, NULL, out);
	return rv == 1 ? SUS_ERR_HANDSHAKE : rv;
}

/* Decodes a received message of the expected type into dst. */
static int
remote_decode(struct chan_msg *m, uint16_t type, void *dst)
{
	int	rv;

	rv = msg_decode(type, m->body, dst);
	buf_free(m->body);
	m->body = NULL;
	return rv;
}

/* Waits for a message, watching stdin for the user through cb. */
static int
remote_wait(struct remote *r, long deadline, struct chan_msg *m,
    remote_wait_cb cb, void *arg)
{
	struct pollfd	pfd[2];
	long		left;
	int		rv, n;

	for (;;) {
		rv = chan_recv(r->ch, m);
		if (rv == 1)
			return 0;
		if (rv < 0)
			return rv;
		left = deadline - keys_now();
		if (left <= 0)
			return SUS_ERR_TIMEOUT;
		pfd[0].fd = r->fd;
		pfd[0].events = POLLIN;
		pfd[1].fd = STDIN_FILENO;
		pfd[1].events = POLLIN;
		n = cb != NULL ? 2 : 1;
		if (poll(pfd, (nfds_t)n, left > 100 ? 100 : (int)left) == -1)
			continue;
		if (n == 2 && (pfd[1].revents & POLLIN) && cb(arg))
			return REMOTE_CANCELLED;
		if (pfd[0].revents & (POLLIN | POLLHUP | POLLERR))
			return chan_io_recv(r->ch, r->fd,
			    (int)(deadline - keys_now()), m);
	}
}

/* Reports whether the server ended the last session with ERR_ENDED. */
int
remote_ended(const struct remote *r)
{
	return remote_ended_by == r;
}

/*
 * Handles a message with request id 0, which answers no request: an
 * ERR_ENDED says the server is ending the session (account deactivated,
 * idle too long). Returns 1 when it did, with r->error saying why and the
 * connection closed; 0 when the message was dropped.
 */
static int
remote_unsolicited(struct remote *r, struct chan_msg *m)
{
	struct msg_err	err;

	memset(&err, 0, sizeof err);
	if (m->type != MSG_ERR || remote_decode(m, MSG_ERR, &err) != 0) {
		buf_free(m->body);
		m->body = NULL;
		return 0;
	}
	if (err.code != ERR_ENDED) {
		msg_clear(MSG_ERR, &err);
		return 0;
	}
	snprintf(r->error, sizeof r->error, "Sessionen avslutades: %s",
	    err.message != NULL && *err.message != '\0' ? err.message :
	    "servern avslutade sessionen.");
	msg_clear(MSG_ERR, &err);
	remote_close(r);
	remote_ended_by = r;
	return 1;
}

/* Sends a request and waits for its reply or an ERR. */
int
remote_call(struct remote *r, uint16_t type, const void *req, uint16_t want,
    void *reply, struct msg_err *err, remote_wait_cb cb, void *arg)
{
	struct buf	*b = NULL;
	struct chan_msg	 m;
	uint32_t	 id;
	long		 deadline;
	int		 rv;

	memset(&m, 0, sizeof m);
	if (!remote_connected(r))
		return SUS_ERR_EOF;
	if ((b = buf_new(SUS_MSG_MAX)) == NULL)
		return SUS_ERR_ALLOC;
	if (msg_encode(type, req, b) != 0) {
		/* Nothing went out, so the connection is as good as before. */
		buf_free(b);
		snprintf(r->error, sizeof r->error, "Uppgifterna är för långa "
		    "för att skickas till servern. Korta texten och försök "
		    "igen.");
		return REMOTE_BAD_REQUEST;
	}
	id = remote_next_id(r);
	rv = chan_io_send(r->ch, r->fd, REMOTE_TIMEOUT_MS, type, id, b);
	buf_free(b);
	if (rv != 0)
		goto lost;
	deadline = keys_now() + REMOTE_TIMEOUT_MS;
	for (;;) {
		rv = remote_wait(r, deadline, &m, cb, arg);
		if (rv == REMOTE_CANCELLED)
			return rv;
		if (rv != 0)
			goto lost;
		if (m.type == MSG_BYE) {
			buf_free(m.body);
			rv = SUS_ERR_EOF;
			goto lost;
		}
		if (m.id == 0) {
			if (remote_unsolicited(r, &m))
				return REMOTE_ENDED;
			continue;
		}
		if (m.id != id) {
			/* The reply to an abandoned request. */
			buf_free(m.body);
			continue;
		}
		if (m.type == MSG_ERR) {
			if (remote_decode(&m, MSG_ERR, err) != 0) {
				rv = SUS_ERR_PROTOCOL;
				goto lost;
			}
			return REMOTE_REPLY_ERR;
		}
		if (m.type != want) {
			buf_free(m.body);
			rv = SUS_ERR_PROTOCOL;
			goto lost;
		}
		if ((rv = remote_decode(&m, want, reply)) != 0) {
			rv = SUS_ERR_PROTOCOL;
			goto lost;
		}
		return 0;
	}
lost:
	snprintf(r->error, sizeof r->error, "%s", remote_strerror(rv));
	remote_close(r);
	return rv < 0 ? rv : SUS_ERR_PROTOCOL;
}

/* Reads what arrived while idle; returns 1 when the link is gone. */
int
remote_check_closed(struct remote *r)
{
	struct pollfd	 pfd;
	struct chan_msg	 m;
	int		 rv;

	if (!remote_connected(r))
		return 1;
	pfd.fd = r->fd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 0) <= 0)
		return 0;
	memset(&m, 0, sizeof m);
	rv = chan_io_recv(r->ch, r->fd, 2000, &m);
	if (rv == 0 && m.id == 0 && m.type == MSG_ERR)
		return remote_unsolicited(r, &m);
	if (rv == 0 && m.type != MSG_BYE) {
		/* A late reply to an abandoned request; drop it. */
		buf_free(m.body);
		return 0;
	}
	if (rv == 0)
		buf_free(m.body);
	snprintf(r->error, sizeof r->error, "%s",
	    remote_strerror(rv == 0 ? SUS_ERR_EOF : rv));
	remote_close(r);
	return 1;
}

/* Explains a connection-level failure in Swedish. */
const char *
remote_strerror(int e)
{
	switch (e) {
	case SUS_ERR_EOF:
		return "Servern stängde anslutningen.";
	case SUS_ERR_TIMEOUT:
		return "Servern svarade inte i tid.";
	case SUS_ERR_DECRYPT:
		return "Ett skadat meddelande togs emot; anslutningen "
		    "stängdes.";
	case SUS_ERR_HANDSHAKE:
	case SUS_ERR_BAD_KEY:
	case SUS_ERR_BAD_MAGIC:
		return "Den krypterade förbindelsen kunde inte upprättas.";
	case SUS_ERR_VERSION:
		return "Servern talar en annan protokollversion.";
	case SUS_ERR_PIN_MISMATCH:
		return "Serverns nyckel har ändrats.";
	case SUS_ERR_PROTOCOL:
	case SUS_ERR_FORMAT:
	case SUS_ERR_TRAILING:
	case SUS_ERR_TOO_LARGE:
	case SUS_ERR_FRAME_LEN:
		return "Servern skickade ett felaktigt svar.";
	case SUS_ERR_SYSTEM:
		return "Nätverksfel i förbindelsen med servern.";
	}
	return "Förbindelsen med servern bröts.";
}

/* Gives a Swedish default for a server error code without a message. */
const char *
remote_errcode_text(uint32_t code)
{
	switch (code) {
	case ERR_UNSUPPORTED:
		return "Servern känner inte till den här funktionen.";
	case ERR_BAD_REQUEST:
		return "Servern kunde inte tolka begäran.";
	case ERR_LOGIN_FAILED:
		return "Fel användarnamn eller lösenord.";
	case ERR_LOCKED:
		return "Kontot är tillfälligt låst efter för många "
		    "felaktiga inloggningar.";
	case ERR_FORBIDDEN:
		return "Du har inte behörighet till detta.";
	case ERR_NOT_FOUND:
		return "Uppgiften finns inte.";
	case ERR_CONFLICT:
		return "Uppgiften krockar med en befintlig uppgift.";
	case ERR_VALIDATION:
		return "Uppgifterna är inte giltiga.";
	case ERR_INTERNAL:
		return "Ett fel uppstod i servern.";
	case ERR_NO_AUTH:
		return "Du saknar behörighet till SUS.";
	case ERR_UNAVAILABLE:
		return "Databasen är inte tillgänglig just nu.";
	}
	return "Okänt fel från servern.";
}
