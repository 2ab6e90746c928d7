/*
 * The secure channel: preamble, Noise XX handshake, then encrypted frames
 * carrying records (u16 type, u16 flags, u32 request id, body) with MORE
 * reassembly. The channel does no I/O: bytes go in with chan_input() and
 * come out of chan_output(); chan_io.h drives it over a socket.
 */
#ifndef SUS_CHAN_H
#define SUS_CHAN_H

#include <stddef.h>
#include <stdint.h>

#include "noise.h"

struct buf;

enum chan_role {
	CHAN_CLIENT,
	CHAN_SERVER
};

enum chan_state {
	CHAN_START,		/* nothing sent or received yet */
	CHAN_HS,		/* handshake in progress */
	CHAN_VERIFY,		/* client: server key received, not yet accepted */
	CHAN_OPEN,		/* transport */
	CHAN_CLOSED		/* failed or finished; never reused */
};

/* Hello payloads, exchanged inside the encrypted handshake. */
struct chan_hello {
	char		 version[64];	/* program version, e.g. "sus 0.1" */
	uint8_t		 minor;		/* protocol minor */
	uint32_t	 max_message;	/* largest reassembled message accepted */
	uint64_t	 time;		/* sender's clock, Unix seconds (server) */
};

/* One reassembled message. body is owned by the caller after chan_recv. */
struct chan_msg {
	uint16_t	 type;
	uint32_t	 id;
	struct buf	*body;
};

struct chan;

/*
 * Creates a channel for role with the local static private key. ver is
 * this program's version string for the hello.
 */
struct chan	*chan_new(enum chan_role, const uint8_t s_priv[NOISE_KEY_LEN],
		    const char *ver);
/* Wipes and frees a channel. */
void		 chan_free(struct chan *);

/* Client: queues the preamble and handshake message 1. */
int		 chan_start(struct chan *);
/*
 * Feeds received bytes. Sets *used to the bytes consumed (the channel
 * stops at a point where the caller must act, e.g. CHAN_VERIFY). Returns 0
 * or a negative error; after an error the state is CHAN_CLOSED.
 */
int		 chan_input(struct chan *, const uint8_t *, size_t,
		    size_t *used);
/* Client: accepts the verified server key and sends message 3. */
int		 chan_accept(struct chan *);
/* Sends one message, split into MORE records as needed. */
int		 chan_send(struct chan *, uint16_t type, uint32_t id,
		    const uint8_t *body, size_t len);
int		 chan_sendb(struct chan *, uint16_t type, uint32_t id,
		    const struct buf *body);
/*
 * Takes the next complete message. Returns 1 and fills *m, 0 when none is
 * ready. The caller frees m->body with buf_free().
 */
int		 chan_recv(struct chan *, struct chan_msg *m);
/* Bytes waiting to be written; the caller consumes what it wrote. */
struct buf	*chan_output(struct chan *);

enum chan_state	 chan_state(const struct chan *);
enum chan_role	 chan_role(const struct chan *);
/* The peer's static public key (valid from CHAN_VERIFY on). */
const uint8_t	*chan_remote_static(const struct chan *);
/* The peer's hello (valid from CHAN_VERIFY for client, CHAN_OPEN server). */
const struct chan_hello *chan_peer_hello(const struct chan *);
/* The peer's major version from its preamble, 0 if none seen. */
int		 chan_peer_major(const struct chan *);
/*
 * 16 hex digits of the handshake hash, for logs on both sides; "-" until
 * the handshake has finished (client: chan_accept, server: CHAN_OPEN).
 */
const char	*chan_session_id(const struct chan *);
/*
 * Copies the final handshake hash h, for channel binding (a signature
 * login signs it). Fails with SUS_ERR_STATE before the handshake ends.
 */
int		 chan_handshake_hash(const struct chan *,
		    uint8_t h[NOISE_HASH_LEN]);
/* Sets the largest reassembled message accepted (4 KiB before login). */
void		 chan_set_max_message(struct chan *, size_t);
/* Bytes consumed from the peer so far, to tell a stall from progress. */
uint64_t	 chan_bytes_in(const struct chan *);
/* True when a partial frame or partial MORE chain is pending. */
int		 chan_partial(const struct chan *);
#ifdef SUS_TEST_HOOKS
/* Test hooks exist only in test builds (-DSUS_TEST_HOOKS). */
/* Test hooks: set the next send or receive nonce. */
void		 chan_test_set_nonce(struct chan *, uint64_t send,
		    uint64_t recv);
/* Test hook: replace this side's preamble major version. */
void		 chan_test_set_major(struct chan *, uint8_t);
/* Test hook: inject a fixed ephemeral private key. */
void		 chan_test_set_ephemeral(struct chan *,
		    const uint8_t e_priv[NOISE_KEY_LEN]);
/*
 * Test and fuzz hook: encrypts pt (a whole record, header included, at
 * most SUS_RECORD_MAX bytes) as one frame without checking its contents.
 */
int		 chan_test_send_raw(struct chan *, const uint8_t *pt,
		    size_t len);

#endif

#endif
