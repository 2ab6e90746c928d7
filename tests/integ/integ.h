/*
 * Integration tests: a client that talks to a real susd over real TCP.
 * Cases are rows in a table grouped by the server options they need; the
 * helpers below drive a struct chan by hand so that a case can hold back,
 * duplicate or corrupt the bytes it sends.
 */
#ifndef INTEG_H
#define INTEG_H

#include <stddef.h>
#include <stdint.h>

#include "chan.h"
#include "msg.h"
#include "proto.h"

/* How long to wait for a reply or for a close that must happen at once. */
#define INTEG_REPLY_MS		15000
/* How long a connection may stay open after input that must close it. */
#define INTEG_CLOSE_MS		5000
/* The password of every demo user. */
#define INTEG_DEMO_PASSWORD	"demo2026"

/* Where the server is and where scratch files go, from argv or env. */
struct integ {
	const char	*host;
	const char	*port;
	const char	*pins;		/* known_servers holding susd's key */
	const char	*scratch;
	const char	*log;		/* susd's log, to check what it wrote */
	char		 hostport[300];
};

extern struct integ	integ;

/* Requests remembered per connection for personal.c, by id. */
#define PD_SENT_RING		64

/* One client connection: a socket, a channel and unread bytes. */
struct conn {
	int		 fd;
	struct chan	*c;
	uint32_t	 next_id;
	uint16_t	 sent[PD_SENT_RING];	/* request type by id */
};

struct chan_msg;
/* personal.c: the client-side count of personal-data accesses. */
void		 pd_sent(struct conn *, uint16_t type, uint32_t id);
void		 pd_received(struct conn *, const struct chan_msg *);

/* One test case: a name and a function returning 0 or -1 (see fail()). */
struct integ_case {
	const char	*group;
	const char	*name;
	int		(*fn)(void);
};

/* Records why the running case failed; returns -1 for "return fail()". */
int		 fail(const char *, ...) __attribute__((format(printf, 1, 2)));

/* Fails the case with a message unless cond holds. */
#define CHECK(cond, ...) do {						\
	if (!(cond)) {							\
		fail(__VA_ARGS__);					\
		goto out;						\
	}								\
} while (0)

/* Milliseconds on the monotonic clock. */
long long	 now_ms(void);
void		 sleep_ms(int);

/* Raw TCP: connect, write everything, and wait for the peer to close. */
int		 tcp_connect(void);
int		 fd_write(int fd, const void *, size_t);
/*
 * Reads until EOF or timeout_ms. Returns 1 on EOF (or reset), 0 on
 * timeout, -1 on another error; *n gets the bytes read, the first capmax
 * of which are copied to cap (which may be NULL).
 */
int		 fd_read_to_eof(int fd, int timeout_ms, uint8_t *cap,
		    size_t capmax, size_t *n);

/*
 * Connects and runs the handshake with the given preamble major, checking
 * susd's key against the pin file. Returns 0 or a SUS_ERR_* code.
 */
int		 conn_open(struct conn *, uint8_t major);
/*
 * Connects and queues preamble and message 1 without sending them, for
 * cases that send the bytes themselves (or never do).
 */
int		 conn_start_raw(struct conn *, uint8_t major);
/* As conn_open() with the right major, then a LOGIN that must succeed. */
int		 conn_open_login(struct conn *, const char *user,
		    const char *password);
/* conn_open() and a demo-user login that report their own failure. */
int		 case_open(struct conn *);
int		 case_login(struct conn *, const char *user);
void		 conn_close(struct conn *);
/* Writes everything the channel has queued. */
int		 conn_flush(struct conn *);
/* Moves the queued output into p (at most max bytes) instead of sending. */
int		 conn_take(struct conn *, uint8_t *p, size_t max, size_t *len);
/* Encodes m (of type's layout; NULL for an empty body) and sends it. */
int		 conn_send(struct conn *, uint16_t type, uint32_t id,
		    const void *m);
/*
 * Sends one record as it stands, flags included, without the checks
 * chan_send() makes; the output is flushed unless hold is set.
 */
int		 conn_send_record(struct conn *, uint16_t type, uint16_t flags,
		    uint32_t id, const uint8_t *body, size_t len, int hold);
/* Receives one message within timeout_ms. */
int		 conn_recv(struct conn *, int timeout_ms, struct chan_msg *);
/* Any decoded reply; the caller clears it with msg_clear(rtype, ...). */
union reply {
	struct msg_login_ok	 login_ok;
	struct msg_err		 err;
	struct msg_ping		 ping;
	struct msg_ok		 ok;
	struct msg_samorg_list	 list;
};

/*
 * Sends a request with a fresh id and decodes the reply, checking that
 * it echoes the id. *rtype gets the reply's type.
 */
int		 conn_call(struct conn *, uint16_t type, const void *m,
		    uint16_t *rtype, union reply *);
/*
 * Logs in. Returns 0 for LOGIN_OK (filling ok unless NULL), the ERR code
 * (> 0) for an error reply, or a negative SUS_ERR_* for a lost link.
 */
int		 conn_login(struct conn *, const char *user,
		    const char *password, struct msg_login_ok *ok);
/* Sends PING and checks the PONG echoes the nonce; 0 on success. */
int		 conn_ping(struct conn *);
/* Queues a PING with id and moves its encrypted frame into p. */
int		 capture_ping(struct conn *, uint32_t id, uint8_t *p,
		    size_t max, size_t *len);
/*
 * Waits for the server to close; returns 1 when it did within timeout_ms,
 * with *n the bytes it sent first (which are discarded).
 */
int		 conn_wait_close(struct conn *, int timeout_ms, size_t *n);

/*
 * Waits until susd's log holds a line tagged with session id sid and
 * containing text; returns 1 when found within timeout_ms.
 */
int		 log_has(const char *sid, const char *text, int timeout_ms);

/*
 * The text of the last ERR and of the last MSG_OK, and the OK's id, as
 * integ_call() left them.
 */
extern char	integ_last_err[SUS_MESSAGE_MAX + 1];
extern char	integ_last_ok[SUS_MESSAGE_MAX + 1];
extern uint32_t	integ_last_ok_id;

/*
 * Sends type with req and decodes a reply of type want into out (for
 * MSG_OK out may be NULL; either way its text and id go to integ_last_ok
 * and integ_last_ok_id, and when out is given the caller clears it).
 * Returns 0 for want, the ERR code (> 0, text in integ_last_err) for an
 * ERR, or -1 after fail() for anything else.
 */
int		 integ_call(struct conn *, uint16_t type, const void *req,
		    uint16_t want, void *out);
/* As integ_call(), but an ERR fails the case too: 0 or -1. */
int		 integ_call_ok(struct conn *, uint16_t type, const void *req,
		    uint16_t want, void *out, const char *what);
/*
 * Checks an integ_call() result: integ_refused() that it is ERR code
 * whose text holds text (unless NULL), integ_accepted() that it is a
 * success. 0, or -1 after fail().
 */
int		 integ_refused(int r, uint32_t code, const char *text,
		    const char *what);
int		 integ_accepted(int r, const char *what);

/*
 * Runs SQL through psql as the database superuser ($PG_TEST_BINDIR,
 * $STACK_DB_ADMIN from tests/lib/stack.sh, PGTZ as susd's). What it
 * prints (psql -At, stderr too) goes to out (which may be NULL), bounded
 * by len and without trailing newlines. 0, or -1 after fail().
 */
int		 integ_sql(char *out, size_t len, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
/* Runs SQL that prints one number; returns it, or 0 after fail(). */
uint32_t	 integ_sql_u32(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));

/*
 * Adds a participant to insats_id from startdatum (to slutdatum, or
 * ongoing when NULL) straight into the
 * database, as a registration would leave it (person, consent and the
 * audit_person row the schema demands; no session, so not counted as a
 * session's access), for cases that only need one to exist. The person
 * is official test personnummer 195801263053. 0, or -1 after fail().
 */
int		 integ_deltagande(uint32_t insats_id, const char *startdatum,
		    const char *slutdatum);

/* The case tables of each file. */
extern const struct integ_case	cases_session[];
extern const struct integ_case	cases_wire[];
extern const struct integ_case	cases_samorg[];
extern const struct integ_case	cases_limits[];
extern const struct integ_case	cases_bestallning[];
extern const struct integ_case	cases_uppdrag[];
extern const struct integ_case	cases_matrix[];
extern const struct integ_case	cases_accounts[];
extern const struct integ_case	cases_samorg_admin[];
extern const struct integ_case	cases_samorg_order[];
extern const struct integ_case	cases_budget[];
extern const struct integ_case	cases_fraga[];
extern const struct integ_case	cases_styrdata[];
extern const struct integ_case	cases_rules_more[];
extern const struct integ_case	cases_insats[];
extern const struct integ_case	cases_insats_sok[];
extern const struct integ_case	cases_insats_budget[];
extern const struct integ_case	cases_volym[];
extern const struct integ_case	cases_startsida[];
extern const struct integ_case	cases_deltagare_save[];
extern const struct integ_case	cases_deltagare[];
extern const struct integ_case	cases_anonym[];
extern const struct integ_case	cases_batch_count[];
extern const struct integ_case	cases_batch[];
/* Af/FK (issue 8): affk_flow.c, affk_kontor.c. */
extern const struct integ_case	cases_affk_flow[];
extern const struct integ_case	cases_affk_kontor[];
/* Reports (issue 9): rapport_motor.c, rapport_insats.c. */
extern const struct integ_case	cases_rapport_motor[];
extern const struct integ_case	cases_rapport_insats[];
/* Kostnadsrapport and the Af/FK reports: rapport_kostnad.c, rapport_affk.c. */
extern const struct integ_case	cases_rapport_kostnad[];
extern const struct integ_case	cases_rapport_affk[];
/* Deltagarrapport, Standardrapport: rapport_deltagare.c, rapport_standard.c. */
extern const struct integ_case	cases_rapport_deltagare[];
extern const struct integ_case	cases_rapport_standard[];

#endif
