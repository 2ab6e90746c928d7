/*
 * The request table and the one place where requests are authorised.
 * Every message a client may send is a row: its type, name, whether it is
 * allowed before login, the roles that may call it, the scope it must be
 * checked against, whether it touches personal data (and so is audited),
 * and its handler. New requests are new rows, never new branches.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chan.h"
#include "err.h"
#include "log.h"
#include "msg.h"
#include "proto.h"
#include "susd.h"
#include "xmalloc.h"

/* What a request must be checked against besides the caller's roles. */
enum scope {
	SCOPE_NONE,		/* no uppdrag needed */
	SCOPE_SAMORG,		/* uppdrag in the samverkansorganisation */
	SCOPE_INSATS		/* uppdrag on the insats */
};

struct request {
	uint16_t	 type;
	const char	*name;
	int		 prelogin;	/* accepted before login */
	uint32_t	 roles;		/* any of these; checked after login */
	enum scope	 scope;
	int		 personal;	/* reads or writes personal data */
	int		 tx;		/* run inside one transaction */
	int		 (*handler)(struct session *, uint32_t, void *);
};

static int	req_ping(struct session *, uint32_t, void *);
static int	req_bye(struct session *, uint32_t, void *);

static const struct request requests[] = {
	{ MSG_LOGIN, "LOGIN", 1, 0, SCOPE_NONE, 0, 0, auth_login },
	{ MSG_PING, "PING", 1, 0, SCOPE_NONE, 0, 0, req_ping },
	{ MSG_BYE, "BYE", 1, 0, SCOPE_NONE, 0, 0, req_bye },
	{ MSG_SAMORG_SEARCH, "Sök samverkansorg", 0, ROLE_ANY, SCOPE_NONE, 0,
	    1, samverkansorg_search },
};

/* Finds a request row by message type. */
static const struct request *
request_find(uint16_t type)
{
	size_t	i;

	for (i = 0; i < sizeof requests / sizeof requests[0]; i++) {
		if (requests[i].type == type)
			return &requests[i];
	}
	return NULL;
}

/*
 * Encodes a typed reply and holds it: it leaves only once the request's
 * transaction has committed, so nothing is acknowledged that could still
 * be rolled back. A later reply (an ERR, say) replaces an earlier one.
 */
int
session_reply(struct session *s, uint32_t id, uint16_t type, const void *m)
{
	struct buf	*b;
	int		 r;

	if ((b = buf_new(SUS_MSG_MAX)) == NULL)
		return SUS_ERR_ALLOC;
	if ((r = msg_encode(type, m, b)) != 0) {
		buf_free(b);
		return r;
	}
	buf_free(s->reply);
	s->reply = b;
	s->reply_type = type;
	s->reply_id = id;
	return 0;
}

/* Sends the held reply, if any. */
static int
request_reply_send(struct session *s)
{
	int	r;

	if (s->reply == NULL)
		return 0;
	r = chan_sendb(s->chan, s->reply_type, s->reply_id, s->reply);
	buf_free(s->reply);
	s->reply = NULL;
	return r;
}

/* Sends ERR{code, message} with a Swedish message for the user. */
int
session_error(struct session *s, uint32_t id, uint32_t code,
    const char *fmt, ...)
{
	struct msg_err	 e;
	char		 text[512];
	va_list		 ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	e.code = code;
	e.message = text;
	return session_reply(s, id, MSG_ERR, &e);
}

/* PING → PONG with the same nonce. */
static int
req_ping(struct session *s, uint32_t id, void *m)
{
	return session_reply(s, id, MSG_PONG, m);
}

/* BYE → BYE, then the session ends. */
static int
req_bye(struct session *s, uint32_t id, void *m)
{
	int	r;

	if ((r = session_reply(s, id, MSG_BYE, m)) != 0)
		return r;
	return REQ_CLOSE;
}

/*
 * Checks the caller may run r. The role check is here and nowhere else;
 * scope checks (uppdrag) join it as the tables behind them arrive.
 */
static int
request_authorise(struct session *s, const struct request *r)
{
	if (!s->logged_in)
		return r->prelogin;
	if (r->prelogin)
		return 1;
	if ((s->roles & r->roles) == 0)
		return 0;
	switch (r->scope) {
	case SCOPE_NONE:
		return 1;
	case SCOPE_SAMORG:
	case SCOPE_INSATS:
		/* No request uses a scope yet; refuse rather than guess. */
		return 0;
	}
	return 0;
}

/* Records a refused request in its own transaction, so it survives. */
static void
request_audit_denied(struct session *s, const struct request *r)
{
	char	detail[128];

	snprintf(detail, sizeof detail, "{\"request\": %u}", r->type);
	if (audit_log(s, "denied", "request", 0, r->personal, detail) != 0)
		log_warn("could not audit a refused request");
}

/* Records that a personal-data request ran, by whom and which. */
static int
request_audit_personal(struct session *s, const struct request *r)
{
	char	detail[128];

	snprintf(detail, sizeof detail, "{\"request\": %u}", r->type);
	return audit_log(s, "personal_data", "request", 0, 1, detail);
}

/*
 * Decodes, authorises and runs one request. Returns 0 to go on, REQ_CLOSE
 * for an orderly end, or a negative error that ends the connection.
 */
int
request_dispatch(struct session *s, uint16_t type, uint32_t id,
    struct buf *body)
{
	const struct request	*r;
	void			*m = NULL;
	size_t			 size;
	int			 rv, r2;

	r = request_find(type);
	if (!s->logged_in && (r == NULL || !r->prelogin)) {
		/* Before login only LOGIN, PING and BYE exist. */
		log_info("message %u before login; closing", type);
		return SUS_ERR_PROTOCOL;
	}
	if (r == NULL) {
		/* After login, unknown types are answered: minor versions. */
		rv = session_error(s, id, ERR_UNSUPPORTED,
		    "Okänd begäran (%u).", type);
		goto out;
	}
	size = msg_size(type);
	m = xcalloc(1, size > 0 ? size : 1);
	if ((rv = msg_decode(type, body, m)) != 0) {
		log_info("%s: malformed body (%s); closing", r->name,
		    sus_strerror(rv));
		free(m);
		return SUS_ERR_PROTOCOL;
	}
	if (!request_authorise(s, r)) {
		log_info("%s refused for user %u", r->name, s->user_id);
		request_audit_denied(s, r);
		rv = session_error(s, id, ERR_FORBIDDEN,
		    "Du har inte behörighet till %s.", r->name);
		goto out;
	}
	if (r->tx) {
		if ((rv = db_begin(s)) != 0) {
			rv = session_error(s, id, ERR_UNAVAILABLE,
			    "Databasen är inte tillgänglig just nu.");
			goto out;
		}
	}
	rv = r->handler(s, id, m);
	/*
	 * Every request touching personal data leaves a row in the same
	 * transaction as its work: no row, no reply. (Handlers add rows that
	 * name the persons; this one guarantees the trail is never empty.)
	 */
	if (rv == 0 && r->personal && request_audit_personal(s, r) != 0) {
		db_rollback(s);
		rv = session_error(s, id, ERR_INTERNAL,
		    "Uppgifterna kunde inte loggas och sparades inte.");
		goto out;
	}
	if (r->tx) {
		if (rv == 0 && db_commit(s) != 0) {
			db_rollback(s);
			rv = session_error(s, id, ERR_INTERNAL,
			    "Uppgifterna kunde inte sparas.");
		} else if (rv != 0)
			db_rollback(s);
	}
	if (rv == REQ_ROLLBACK)
		rv = 0;
	/* Every request gets an answer; a handler that forgot is a bug. */
	if (rv == 0 && s->reply == NULL) {
		log_error("%s: handler sent no reply", r->name);
		rv = session_error(s, id, ERR_INTERNAL,
		    "Servern svarade inte på begäran.");
	}
out:
	/*
	 * Committed, rolled back with an ERR, or about to close (the third
	 * bad password): whatever reply is held goes out now.
	 */
	if ((r2 = request_reply_send(s)) != 0 && rv >= 0)
		rv = r2;
	if (m != NULL) {
		msg_clear(type, m);
		free(m);
	}
	return rv;
}
