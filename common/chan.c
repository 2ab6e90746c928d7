/*
 * The secure channel as a state machine without I/O: preamble, Noise XX
 * handshake with hellos, then encrypted frames carrying records that are
 * reassembled into messages. Each phase is one row in chan_phases saying
 * what input it accepts and which function takes it; any error closes the
 * channel for good.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "buf.h"
#include "chan.h"
#include "chan_int.h"
#include "err.h"
#include "frame.h"
#include "proto.h"
#include "xmalloc.h"

#define CHAN_MAGIC_LEN		4
#define CHAN_VERSION_LEN	sizeof ((struct chan_hello *)0)->version
#define CHAN_PROLOGUE_MAX	(sizeof SUS_NOISE_PROLOGUE + SUS_PREAMBLE_LEN)
/* Payload room in one record: frame minus tag minus record header. */
#define CHAN_BODY_MAX		(SUS_RECORD_MAX - SUS_RECORD_HDR)
/*
 * Output waiting to be written. One largest message plus its framing fits
 * several times over; a caller that never flushes fails instead of growing.
 */
#define CHAN_OUT_MAX		(4 * SUS_MSG_MAX)
/* Smallest message 2 and 3: their keys and tags with an empty payload. */
#define CHAN_MSG2_MIN		(3 * NOISE_KEY_LEN)
#define CHAN_MSG3_MIN		(2 * NOISE_KEY_LEN)

enum chan_phase {
	PH_CLIENT_IDLE,		/* client before chan_start */
	PH_SERVER_PREAMBLE,	/* server waiting for the client's preamble */
	PH_SERVER_MSG1,
	PH_SERVER_MSG3,
	PH_CLIENT_PREAMBLE,	/* client waiting for the server's preamble */
	PH_CLIENT_MSG2,
	PH_CLIENT_VERIFY,	/* client: the caller checks the server key */
	PH_OPEN,
	PH_CLOSED
};

struct chan_queued {
	struct chan_queued	*next;
	struct chan_msg		 m;
};

struct chan {
	enum chan_role		 role;
	enum chan_phase		 phase;
	uint8_t			 major;		/* sent in our preamble */
	char			 version[CHAN_VERSION_LEN];
	uint8_t			 s_priv[NOISE_KEY_LEN];
	uint8_t			 e_priv[NOISE_KEY_LEN];
	int			 e_set;

	uint8_t			 pre_in[SUS_PREAMBLE_LEN];
	size_t			 pre_have;
	int			 peer_major;
	struct chan_hello	 peer_hello;
	int			 have_hello;
	uint8_t			 rs[NOISE_KEY_LEN];
	int			 have_rs;
	uint8_t			 h[NOISE_HASH_LEN];
	char			 sid[17];
	uint64_t		 bytes_in;	/* consumed, for stall checks */
	int			 have_h;

	struct noise_hs		 hs;
	struct noise_cipher	 tx;
	struct noise_cipher	 rx;

	/*
	 * Everything ever queued, so we can tell whether the message a peer
	 * answers has left: input that arrives before it did was sent early.
	 */
	struct buf		*out;
	uint64_t		 out_total;
	uint64_t		 await_flush;

	size_t			 max_message;
	struct buf		*asm_body;	/* MORE chain so far */
	uint16_t		 asm_type;
	uint32_t		 asm_id;
	struct chan_queued	*q_head;
	struct chan_queued	**q_tail;

	struct frame_reader	 fr;
	uint8_t			 pt[SUS_FRAME_MAX];
	uint8_t			 ct[SUS_FRAME_MAX];
};

static int	chan_server_preamble(struct chan *, const uint8_t *, size_t);
static int	chan_server_msg1(struct chan *, const uint8_t *, size_t);
static int	chan_server_msg3(struct chan *, const uint8_t *, size_t);
static int	chan_client_preamble(struct chan *, const uint8_t *, size_t);
static int	chan_client_msg2(struct chan *, const uint8_t *, size_t);
static int	chan_transport(struct chan *, const uint8_t *, size_t);

/* What each phase accepts. A NULL input means any byte is a violation. */
static const struct chan_phase_ent {
	enum chan_state	  state;
	int		(*input)(struct chan *, const uint8_t *, size_t);
	int		  preamble;	/* raw 8 bytes rather than a frame */
	size_t		  min;		/* frame length limits */
	size_t		  max;
} chan_phases[] = {
	[PH_CLIENT_IDLE] = { CHAN_START, NULL, 0, 0, 0 },
	[PH_SERVER_PREAMBLE] = { CHAN_START, chan_server_preamble, 1, 0, 0 },
	[PH_SERVER_MSG1] = { CHAN_HS, chan_server_msg1, 0,
	    SUS_HS_MSG1_LEN, SUS_HS_MSG1_LEN },
	[PH_SERVER_MSG3] = { CHAN_HS, chan_server_msg3, 0,
	    CHAN_MSG3_MIN, SUS_HS_MSG_MAX },
	[PH_CLIENT_PREAMBLE] = { CHAN_HS, chan_client_preamble, 1, 0, 0 },
	[PH_CLIENT_MSG2] = { CHAN_HS, chan_client_msg2, 0,
	    CHAN_MSG2_MIN, SUS_HS_MSG_MAX },
	[PH_CLIENT_VERIFY] = { CHAN_VERIFY, NULL, 0, 0, 0 },
	[PH_OPEN] = { CHAN_OPEN, chan_transport, 0,
	    SUS_FRAME_MIN, SUS_FRAME_MAX },
	[PH_CLOSED] = { CHAN_CLOSED, NULL, 0, 0, 0 },
};

static void	chan_enter(struct chan *, enum chan_phase);
static void	chan_fail(struct chan *, int);
static int	chan_out_raw(struct chan *, const uint8_t *, size_t);
static int	chan_out_frame(struct chan *, const uint8_t *, size_t);
static int	chan_flushed(const struct chan *);
static void	chan_put_preamble(struct chan *, uint8_t *);
static int	chan_hs_start(struct chan *, enum noise_role,
		    const uint8_t *);
static int	chan_hs_write(struct chan *);
static int	chan_hs_read(struct chan *, const uint8_t *, size_t);
static int	chan_hs_finish(struct chan *);
static int	chan_encrypt_record(struct chan *, const uint8_t *, size_t);
static void	chan_queue_free(struct chan *);

/* Moves to a phase and sets the frame limits it expects. */
static void
chan_enter(struct chan *c, enum chan_phase ph)
{
	c->phase = ph;
	if (!chan_phases[ph].preamble && chan_phases[ph].max != 0)
		frame_reader_limits(&c->fr, chan_phases[ph].min,
		    chan_phases[ph].max);
}

/* Closes the channel for good after error err, wiping its secrets. */
static void
chan_fail(struct chan *c, int err)
{
	/*
	 * A server refusing a major version still owes the client its
	 * preamble; after any other failure nothing more is sent.
	 */
	if (!(c->role == CHAN_SERVER && err == SUS_ERR_VERSION))
		buf_reset(c->out);
	noise_hs_clear(&c->hs);
	noise_cipher_clear(&c->tx);
	noise_cipher_clear(&c->rx);
	sodium_memzero(c->s_priv, sizeof c->s_priv);
	sodium_memzero(c->e_priv, sizeof c->e_priv);
	sodium_memzero(c->pt, sizeof c->pt);
	buf_free(c->asm_body);
	c->asm_body = NULL;
	chan_queue_free(c);
	c->phase = PH_CLOSED;
}

/* Appends bytes to the output, counting them. */
static int
chan_out_raw(struct chan *c, const uint8_t *p, size_t len)
{
	int	r;

	if ((r = buf_put(c->out, p, len)) != 0)
		return r;
	c->out_total += len;
	return 0;
}

/* Appends one u16-length frame to the output, counting it. */
static int
chan_out_frame(struct chan *c, const uint8_t *p, size_t len)
{
	size_t	before = buf_len(c->out);
	int	r;

	r = frame_write(c->out, p, len);
	c->out_total += buf_len(c->out) - before;
	return r;
}

/* True when the last handshake message we queued has been written. */
static int
chan_flushed(const struct chan *c)
{
	return c->out_total - buf_len(c->out) >= c->await_flush;
}

/* Writes this side's 8-byte preamble into p. */
static void
chan_put_preamble(struct chan *c, uint8_t *p)
{
	memcpy(p, SUS_PROTO_MAGIC, CHAN_MAGIC_LEN);
	p[4] = c->major;
	p[5] = SUS_PROTO_MINOR;
	p[6] = 0;
	p[7] = 0;
}

/* Starts Noise with prologue "sus-noise-v1" || the client's preamble. */
static int
chan_hs_start(struct chan *c, enum noise_role role, const uint8_t *pre)
{
	uint8_t	pro[CHAN_PROLOGUE_MAX];
	size_t	plen = sizeof SUS_NOISE_PROLOGUE - 1;

	memcpy(pro, SUS_NOISE_PROLOGUE, plen);
	memcpy(pro + plen, pre, SUS_PREAMBLE_LEN);
	plen += SUS_PREAMBLE_LEN;
	return noise_hs_init(&c->hs, role, pro, plen, c->s_priv,
	    c->e_set ? c->e_priv : NULL);
}

/* Writes the next handshake message (with a hello after message 1). */
static int
chan_hs_write(struct chan *c)
{
	struct buf	*hello = NULL;
	size_t		 mlen;
	int		 r;

	if (c->hs.step > 0 && (r = chan_hello_encode(c->version, &hello)) != 0)
		goto out;
	if ((r = noise_hs_write(&c->hs, hello ? buf_ptr(hello) : NULL,
	    hello ? buf_len(hello) : 0, c->ct, SUS_HS_MSG_MAX, &mlen)) != 0)
		goto out;
	if ((r = chan_out_frame(c, c->ct, mlen)) != 0)
		goto out;
	/* The peer's answer must not arrive before this has gone out. */
	c->await_flush = c->out_total;
out:
	buf_free(hello);
	return r;
}

/* Reads a handshake message and, after message 1, the peer's hello. */
static int
chan_hs_read(struct chan *c, const uint8_t *msg, size_t len)
{
	size_t	plen;
	int	r;

	r = noise_hs_read(&c->hs, msg, len, c->pt, sizeof c->pt, &plen);
	/* A bad tag here means a wrong key, prologue or tampering. */
	if (r == SUS_ERR_DECRYPT)
		r = SUS_ERR_HANDSHAKE;
	if (r != 0)
		return r;
	if (c->hs.step == 1)
		return plen == 0 ? 0 : SUS_ERR_HANDSHAKE;
	if ((r = chan_hello_decode(c->pt, plen, &c->peer_hello)) != 0)
		return r;
	c->have_hello = 1;
	memcpy(c->rs, noise_hs_remote_static(&c->hs), sizeof c->rs);
	c->have_rs = 1;
	return 0;
}

/* Splits into transport ciphers and records h and the session id. */
static int
chan_hs_finish(struct chan *c)
{
	int	r;

	if ((r = noise_hs_split(&c->hs, &c->tx, &c->rx)) != 0)
		return r;
	noise_hs_hash(&c->hs, c->h);
	noise_hs_clear(&c->hs);
	sodium_memzero(c->e_priv, sizeof c->e_priv);
	/* The long-term key is needed for the handshake only. */
	sodium_memzero(c->s_priv, sizeof c->s_priv);
	sodium_bin2hex(c->sid, sizeof c->sid, c->h, 8);
	c->have_h = 1;
	chan_enter(c, PH_OPEN);
	return 0;
}

/* Server: checks the client's preamble and answers with ours. */
static int
chan_server_preamble(struct chan *c, const uint8_t *p, size_t len)
{
	uint8_t	own[SUS_PREAMBLE_LEN];
	int	r;

	/* Not our protocol at all: close without a word. */
	if (len != SUS_PREAMBLE_LEN ||
	    memcmp(p, SUS_PROTO_MAGIC, CHAN_MAGIC_LEN) != 0)
		return SUS_ERR_BAD_MAGIC;
	c->peer_major = p[4];
	chan_put_preamble(c, own);
	if ((r = chan_out_raw(c, own, sizeof own)) != 0)
		return r;
	if (p[4] != c->major)
		return SUS_ERR_VERSION;
	/* The prologue binds the preamble as received, edits included. */
	if ((r = chan_hs_start(c, NOISE_RESPONDER, p)) != 0)
		return r;
	chan_enter(c, PH_SERVER_MSG1);
	return 0;
}

/* Server: reads message 1 and answers with message 2 and our hello. */
static int
chan_server_msg1(struct chan *c, const uint8_t *msg, size_t len)
{
	int	r;

	if ((r = chan_hs_read(c, msg, len)) != 0)
		return r;
	if ((r = chan_hs_write(c)) != 0)
		return r;
	chan_enter(c, PH_SERVER_MSG3);
	return 0;
}

/* Server: reads message 3 with the client's hello; the channel opens. */
static int
chan_server_msg3(struct chan *c, const uint8_t *msg, size_t len)
{
	int	r;

	if ((r = chan_hs_read(c, msg, len)) != 0)
		return r;
	return chan_hs_finish(c);
}

/* Client: checks the server's preamble. */
static int
chan_client_preamble(struct chan *c, const uint8_t *p, size_t len)
{
	if (len != SUS_PREAMBLE_LEN ||
	    memcmp(p, SUS_PROTO_MAGIC, CHAN_MAGIC_LEN) != 0)
		return SUS_ERR_BAD_MAGIC;
	/* Kept so the client can say which protocol the server speaks. */
	c->peer_major = p[4];
	if (p[4] != c->major)
		return SUS_ERR_VERSION;
	chan_enter(c, PH_CLIENT_MSG2);
	return 0;
}

/* Client: reads message 2; the caller must now check the server key. */
static int
chan_client_msg2(struct chan *c, const uint8_t *msg, size_t len)
{
	int	r;

	if ((r = chan_hs_read(c, msg, len)) != 0)
		return r;
	chan_enter(c, PH_CLIENT_VERIFY);
	return 0;
}

/* Decrypts one transport frame and adds its record to reassembly. */
static int
chan_transport(struct chan *c, const uint8_t *frame, size_t len)
{
	struct chan_queued	*q;
	uint16_t		 type, flags;
	uint32_t		 id;
	size_t			 plen, blen;
	int			 r;

	if ((r = noise_cipher_decrypt(&c->rx, NULL, 0, frame, len, c->pt,
	    sizeof c->pt, &plen)) != 0)
		return r;
	if (plen < SUS_RECORD_HDR) {
		r = SUS_ERR_PROTOCOL;
		goto out;
	}
	type = (uint16_t)(c->pt[0] << 8 | c->pt[1]);
	flags = (uint16_t)(c->pt[2] << 8 | c->pt[3]);
	id = (uint32_t)c->pt[4] << 24 | (uint32_t)c->pt[5] << 16 |
	    (uint32_t)c->pt[6] << 8 | c->pt[7];
	blen = plen - SUS_RECORD_HDR;
	/* No flag but MORE exists; a peer setting others is confused. */
	if ((flags & ~SUS_FLAG_MORE) != 0) {
		r = SUS_ERR_PROTOCOL;
		goto out;
	}
	if (c->asm_body != NULL) {
		if (type != c->asm_type || id != c->asm_id) {
			r = SUS_ERR_PROTOCOL;
			goto out;
		}
	} else {
		if ((c->asm_body = buf_new(c->max_message)) == NULL) {
			r = SUS_ERR_ALLOC;
			goto out;
		}
		c->asm_type = type;
		c->asm_id = id;
	}
	/* The limit may have changed (login) since the chain began. */
	if (blen > c->max_message ||
	    buf_len(c->asm_body) > c->max_message - blen ||
	    buf_set_max(c->asm_body, c->max_message) != 0) {
		r = SUS_ERR_TOO_LARGE;
		goto out;
	}
	if ((r = buf_put(c->asm_body, c->pt + SUS_RECORD_HDR, blen)) != 0)
		goto out;
	if ((flags & SUS_FLAG_MORE) == 0) {
		q = xcalloc(1, sizeof *q);
		q->m.type = c->asm_type;
		q->m.id = c->asm_id;
		q->m.body = c->asm_body;
		c->asm_body = NULL;
		*c->q_tail = q;
		c->q_tail = &q->next;
	}
out:
	sodium_memzero(c->pt, plen);
	return r;
}

/* Encrypts one record plaintext in c->pt as a frame on the output. */
static int
chan_encrypt_record(struct chan *c, const uint8_t *pt, size_t len)
{
	size_t	ctlen;
	int	r;

	if ((r = noise_cipher_encrypt(&c->tx, NULL, 0, pt, len, c->ct,
	    sizeof c->ct, &ctlen)) != 0)
		return r;
	return chan_out_frame(c, c->ct, ctlen);
}

/* Frees every queued message. */
static void
chan_queue_free(struct chan *c)
{
	struct chan_queued	*q;

	while ((q = c->q_head) != NULL) {
		c->q_head = q->next;
		buf_free(q->m.body);
		free(q);
	}
	c->q_tail = &c->q_head;
}

/* Creates a channel for role with the local static private key. */
struct chan *
chan_new(enum chan_role role, const uint8_t s_priv[NOISE_KEY_LEN],
    const char *ver)
{
	struct chan	*c;

	if (sodium_init() < 0)
		return NULL;
	c = xcalloc(1, sizeof *c);
	if ((c->out = buf_new(CHAN_OUT_MAX)) == NULL) {
		free(c);
		return NULL;
	}
	c->role = role;
	c->major = SUS_PROTO_MAJOR;
	memcpy(c->s_priv, s_priv, sizeof c->s_priv);
	snprintf(c->version, sizeof c->version, "%s", ver);
	c->max_message = SUS_MSG_MAX;
	c->q_tail = &c->q_head;
	snprintf(c->sid, sizeof c->sid, "-");
	frame_reader_init(&c->fr, 0, 0);
	chan_enter(c, role == CHAN_CLIENT ? PH_CLIENT_IDLE :
	    PH_SERVER_PREAMBLE);
	return c;
}

/* Wipes and frees a channel. */
void
chan_free(struct chan *c)
{
	if (c == NULL)
		return;
	chan_queue_free(c);
	buf_free(c->asm_body);
	buf_free(c->out);
	sodium_memzero(c, sizeof *c);
	free(c);
}

/* Client: queues the preamble and handshake message 1. */
int
chan_start(struct chan *c)
{
	uint8_t	pre[SUS_PREAMBLE_LEN];
	int	r;

	if (c->role != CHAN_CLIENT || c->phase != PH_CLIENT_IDLE) {
		r = SUS_ERR_STATE;
		goto out;
	}
	chan_put_preamble(c, pre);
	if ((r = chan_hs_start(c, NOISE_INITIATOR, pre)) != 0)
		goto out;
	if ((r = chan_out_raw(c, pre, sizeof pre)) != 0)
		goto out;
	if ((r = chan_hs_write(c)) != 0)
		goto out;
	chan_enter(c, PH_CLIENT_PREAMBLE);
out:
	if (r != 0)
		chan_fail(c, r);
	return r;
}

/* Feeds received bytes through the phase table until done or stopped. */
int
chan_input(struct chan *c, const uint8_t *data, size_t len, size_t *used)
{
	const struct chan_phase_ent	*pe;
	const uint8_t			*body;
	size_t				 off = 0, n, blen;
	int				 r = 0;

	*used = 0;
	if (c->phase == PH_CLOSED)
		return SUS_ERR_STATE;
	while (off < len) {
		pe = &chan_phases[c->phase];
		/* Bytes no state expects yet, or sent before ours left. */
		if (pe->input == NULL || !chan_flushed(c)) {
			r = SUS_ERR_PROTOCOL;
			break;
		}
		if (pe->preamble) {
			n = SUS_PREAMBLE_LEN - c->pre_have;
			if (n > len - off)
				n = len - off;
			memcpy(c->pre_in + c->pre_have, data + off, n);
			c->pre_have += n;
			off += n;
			if (c->pre_have < SUS_PREAMBLE_LEN)
				continue;
			r = pe->input(c, c->pre_in, SUS_PREAMBLE_LEN);
		} else {
			r = frame_reader_feed(&c->fr, data + off, len - off,
			    &n, &body, &blen);
			off += n;
			if (r == 1)
				r = pe->input(c, body, blen);
		}
		if (r != 0)
			break;
		/* The caller must vet the server key before anything else. */
		if (c->phase == PH_CLIENT_VERIFY)
			break;
	}
	*used = off;
	c->bytes_in += off;
	if (r != 0) {
		chan_fail(c, r);
		return r;
	}
	return 0;
}

/* Client: accepts the verified server key and sends message 3. */
int
chan_accept(struct chan *c)
{
	int	r;

	if (c->phase != PH_CLIENT_VERIFY) {
		r = SUS_ERR_STATE;
		goto out;
	}
	if ((r = chan_hs_write(c)) != 0)
		goto out;
	r = chan_hs_finish(c);
out:
	if (r != 0)
		chan_fail(c, r);
	return r;
}

/*
 * Sends one message, split into MORE records as needed. A message larger
 * than the peer accepts is refused before anything is sent, and the
 * channel stays usable; any other failure closes it.
 */
int
chan_send(struct chan *c, uint16_t type, uint32_t id, const uint8_t *body,
    size_t len)
{
	size_t	off = 0, chunk;
	int	r;

	if (c->phase != PH_OPEN) {
		r = SUS_ERR_STATE;
		goto out;
	}
	if (c->have_hello && len > c->peer_hello.max_message)
		return SUS_ERR_TOO_LARGE;
	do {
		chunk = len - off;
		if (chunk > CHAN_BODY_MAX)
			chunk = CHAN_BODY_MAX;
		c->pt[0] = (uint8_t)(type >> 8);
		c->pt[1] = (uint8_t)type;
		c->pt[2] = 0;
		c->pt[3] = off + chunk < len ? SUS_FLAG_MORE : 0;
		c->pt[4] = (uint8_t)(id >> 24);
		c->pt[5] = (uint8_t)(id >> 16);
		c->pt[6] = (uint8_t)(id >> 8);
		c->pt[7] = (uint8_t)id;
		if (chunk > 0)
			memcpy(c->pt + SUS_RECORD_HDR, body + off, chunk);
		r = chan_encrypt_record(c, c->pt, SUS_RECORD_HDR + chunk);
		sodium_memzero(c->pt, SUS_RECORD_HDR + chunk);
		if (r != 0)
			goto out;
		off += chunk;
	} while (off < len);
out:
	if (r != 0)
		chan_fail(c, r);
	return r;
}

/* Sends the unread contents of body (NULL: an empty body). */
int
chan_sendb(struct chan *c, uint16_t type, uint32_t id,
    const struct buf *body)
{
	if (body == NULL)
		return chan_send(c, type, id, NULL, 0);
	return chan_send(c, type, id, buf_ptr(body), buf_len(body));
}

/* Takes the next complete message: 1 and *m filled, or 0. */
int
chan_recv(struct chan *c, struct chan_msg *m)
{
	struct chan_queued	*q;

	memset(m, 0, sizeof *m);
	if (c->phase != PH_OPEN || (q = c->q_head) == NULL)
		return 0;
	c->q_head = q->next;
	if (c->q_head == NULL)
		c->q_tail = &c->q_head;
	*m = q->m;
	free(q);
	return 1;
}

/* Bytes waiting to be written; the caller consumes what it wrote. */
struct buf *
chan_output(struct chan *c)
{
	return c->out;
}

/* The public state of the channel. */
enum chan_state
chan_state(const struct chan *c)
{
	return chan_phases[c->phase].state;
}

/* Whether this is the client or the server end. */
enum chan_role
chan_role(const struct chan *c)
{
	return c->role;
}

/* The peer's static public key, NULL before message 2 (3 on a server). */
const uint8_t *
chan_remote_static(const struct chan *c)
{
	return c->have_rs ? c->rs : NULL;
}

/* The peer's hello, NULL until it has been received. */
const struct chan_hello *
chan_peer_hello(const struct chan *c)
{
	return c->have_hello ? &c->peer_hello : NULL;
}

/* The peer's major version from its preamble, 0 if none seen. */
int
chan_peer_major(const struct chan *c)
{
	return c->peer_major;
}

/* 16 hex digits of the handshake hash, "-" until it is final. */
const char *
chan_session_id(const struct chan *c)
{
	return c->sid;
}

/* Copies the final handshake hash. */
int
chan_handshake_hash(const struct chan *c, uint8_t h[NOISE_HASH_LEN])
{
	if (!c->have_h)
		return SUS_ERR_STATE;
	memcpy(h, c->h, NOISE_HASH_LEN);
	return 0;
}

/* Sets the largest reassembled message accepted from now on. */
void
chan_set_max_message(struct chan *c, size_t max)
{
	c->max_message = max;
}


/* Bytes consumed from the peer so far: progress, for stall checks. */
uint64_t
chan_bytes_in(const struct chan *c)
{
	return c->bytes_in;
}

/* True when a partial preamble, frame or MORE chain is pending. */
int
chan_partial(const struct chan *c)
{
	if (c->phase == PH_CLOSED)
		return 0;
	if (chan_phases[c->phase].preamble)
		return c->pre_have > 0;
	return frame_reader_partial(&c->fr) || c->asm_body != NULL;
}

#ifdef SUS_TEST_HOOKS
/* Test hook: sets the next send and receive nonces. */
void
chan_test_set_nonce(struct chan *c, uint64_t send, uint64_t recv)
{
	noise_cipher_set_nonce(&c->tx, send);
	noise_cipher_set_nonce(&c->rx, recv);
}

/* Test hook: replaces this side's preamble major version. */
void
chan_test_set_major(struct chan *c, uint8_t major)
{
	c->major = major;
}

/* Test hook: injects a fixed ephemeral private key. */
void
chan_test_set_ephemeral(struct chan *c, const uint8_t e_priv[NOISE_KEY_LEN])
{
	memcpy(c->e_priv, e_priv, sizeof c->e_priv);
	c->e_set = 1;
}

/* Test hook: encrypts an arbitrary record plaintext as one frame. */
int
chan_test_send_raw(struct chan *c, const uint8_t *pt, size_t len)
{
	int	r;

	if (c->phase != PH_OPEN)
		return SUS_ERR_STATE;
	if (len > SUS_RECORD_MAX)
		return SUS_ERR_TOO_LARGE;
	if ((r = chan_encrypt_record(c, pt, len)) != 0)
		chan_fail(c, r);
	return r;
}
#endif
