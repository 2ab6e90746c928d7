/*
 * Secure channel tests: a client and a server channel wired together in
 * memory, with the wire between them edited, reordered, cut and replayed.
 */
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "chan.h"
#include "chan_io.h"
#include "err.h"
#include "noise.h"
#include "proto.h"
#include "unit.h"

#define TC_BODY_MAX	(SUS_RECORD_MAX - SUS_RECORD_HDR)

struct tc_pair {
	struct chan	*c;
	struct chan	*s;
	uint8_t		 c_pub[NOISE_KEY_LEN];
	uint8_t		 s_pub[NOISE_KEY_LEN];
};

static void	tc_new(struct tc_pair *);
static void	tc_free(struct tc_pair *);
static int	tc_pump(struct chan *, struct chan *);
static int	tc_feed(struct chan *, const uint8_t *, size_t);
static void	tc_open(struct tc_pair *);
static struct buf *tc_take(struct chan *);
static void	tc_record(uint8_t *, uint16_t, uint16_t, uint32_t);
static void	tc_expect_msg(struct chan *, uint16_t, uint32_t,
		    const uint8_t *, size_t);
static Suite	*suite_chan(void);

/* Creates a client and a server channel with fresh static keys. */
static void
tc_new(struct tc_pair *p)
{
	uint8_t	priv[NOISE_KEY_LEN];

	ck_assert_int_ge(sodium_init(), 0);
	ck_assert_int_eq(noise_keypair(priv, p->c_pub), 0);
	p->c = chan_new(CHAN_CLIENT, priv, "sus test");
	ck_assert_int_eq(noise_keypair(priv, p->s_pub), 0);
	p->s = chan_new(CHAN_SERVER, priv, "susd test");
	sodium_memzero(priv, sizeof priv);
	ck_assert_ptr_nonnull(p->c);
	ck_assert_ptr_nonnull(p->s);
}

/* Frees both channels. */
static void
tc_free(struct tc_pair *p)
{
	chan_free(p->c);
	chan_free(p->s);
}

/* Moves from's pending output into to, as far as to consumes it. */
static int
tc_pump(struct chan *from, struct chan *to)
{
	struct buf	*out = chan_output(from);
	size_t		 used;
	int		 r;

	r = chan_input(to, buf_ptr(out), buf_len(out), &used);
	ck_assert_uint_le(used, buf_len(out));
	ck_assert_int_eq(buf_consume(out, used), 0);
	return r;
}

/* Feeds raw bytes into a channel, all of which must be consumed on success. */
static int
tc_feed(struct chan *to, const uint8_t *p, size_t len)
{
	size_t	used;
	int	r;

	r = chan_input(to, p, len, &used);
	if (r == 0)
		ck_assert_uint_eq(used, len);
	return r;
}

/* Runs the whole handshake, checking every step. */
static void
tc_open(struct tc_pair *p)
{
	uint8_t			 hc[NOISE_HASH_LEN], hs[NOISE_HASH_LEN];
	const struct chan_hello	*h;

	ck_assert_int_eq(chan_state(p->c), CHAN_START);
	ck_assert_int_eq(chan_start(p->c), 0);
	ck_assert_int_eq(chan_state(p->c), CHAN_HS);
	/* Preamble plus u16 length plus a 32-byte message 1. */
	ck_assert_uint_eq(buf_len(chan_output(p->c)), 8 + 2 + 32);
	ck_assert_int_eq(tc_pump(p->c, p->s), 0);
	ck_assert_int_eq(chan_state(p->s), CHAN_HS);
	ck_assert_ptr_null(chan_remote_static(p->c));
	ck_assert_int_eq(tc_pump(p->s, p->c), 0);
	ck_assert_int_eq(chan_state(p->c), CHAN_VERIFY);
	ck_assert_ptr_nonnull(chan_remote_static(p->c));
	ck_assert_mem_eq(chan_remote_static(p->c), p->s_pub, NOISE_KEY_LEN);
	h = chan_peer_hello(p->c);
	ck_assert_ptr_nonnull(h);
	ck_assert_str_eq(h->version, "susd test");
	ck_assert_uint_eq(h->minor, SUS_PROTO_MINOR);
	ck_assert_uint_eq(h->max_message, SUS_MSG_MAX);
	ck_assert_uint_gt(h->time, 1600000000);
	ck_assert_int_eq(chan_peer_major(p->c), SUS_PROTO_MAJOR);
	ck_assert_int_eq(chan_accept(p->c), 0);
	ck_assert_int_eq(chan_state(p->c), CHAN_OPEN);
	ck_assert_int_eq(tc_pump(p->c, p->s), 0);
	ck_assert_int_eq(chan_state(p->s), CHAN_OPEN);
	ck_assert_mem_eq(chan_remote_static(p->s), p->c_pub, NOISE_KEY_LEN);
	ck_assert_str_eq(chan_peer_hello(p->s)->version, "sus test");
	ck_assert_int_eq(chan_handshake_hash(p->c, hc), 0);
	ck_assert_int_eq(chan_handshake_hash(p->s, hs), 0);
	ck_assert_mem_eq(hc, hs, sizeof hc);
	ck_assert_uint_eq(strlen(chan_session_id(p->c)), 16);
	ck_assert_str_eq(chan_session_id(p->c), chan_session_id(p->s));
}

/* Takes a copy of a channel's pending output and empties it. */
static struct buf *
tc_take(struct chan *ch)
{
	struct buf	*out = chan_output(ch), *copy;

	copy = buf_from(buf_ptr(out), buf_len(out));
	ck_assert_ptr_nonnull(copy);
	buf_reset(out);
	return copy;
}

/* Writes a record header. */
static void
tc_record(uint8_t *p, uint16_t type, uint16_t flags, uint32_t id)
{
	p[0] = (uint8_t)(type >> 8);
	p[1] = (uint8_t)type;
	p[2] = (uint8_t)(flags >> 8);
	p[3] = (uint8_t)flags;
	p[4] = (uint8_t)(id >> 24);
	p[5] = (uint8_t)(id >> 16);
	p[6] = (uint8_t)(id >> 8);
	p[7] = (uint8_t)id;
}

/* Checks that the next message on ch is exactly the one given. */
static void
tc_expect_msg(struct chan *ch, uint16_t type, uint32_t id,
    const uint8_t *body, size_t len)
{
	struct chan_msg	m;

	ck_assert_int_eq(chan_recv(ch, &m), 1);
	ck_assert_uint_eq(m.type, type);
	ck_assert_uint_eq(m.id, id);
	ck_assert_uint_eq(buf_len(m.body), len);
	if (len > 0)
		ck_assert_mem_eq(buf_ptr(m.body), body, len);
	buf_free(m.body);
}

START_TEST(test_chan_exchange)
{
	struct tc_pair	 p;
	struct chan_msg	 m;
	struct buf	*b;

	tc_new(&p);
	ck_assert_str_eq(chan_session_id(p.c), "-");
	tc_open(&p);
	ck_assert_int_eq(chan_recv(p.s, &m), 0);
	ck_assert_int_eq(chan_send(p.c, MSG_LOGIN, 1,
	    (const uint8_t *)"hello", 5), 0);
	ck_assert_int_eq(chan_send(p.c, MSG_PING, 2, NULL, 0), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), 0);
	tc_expect_msg(p.s, MSG_LOGIN, 1, (const uint8_t *)"hello", 5);
	tc_expect_msg(p.s, MSG_PING, 2, NULL, 0);
	ck_assert_int_eq(chan_recv(p.s, &m), 0);

	b = buf_new(64);
	ck_assert_int_eq(buf_put_u32(b, 0xdeadbeef), 0);
	ck_assert_int_eq(chan_sendb(p.s, MSG_PONG, 0xfffffffe, b), 0);
	ck_assert_int_eq(tc_pump(p.s, p.c), 0);
	tc_expect_msg(p.c, MSG_PONG, 0xfffffffe,
	    (const uint8_t *)"\xde\xad\xbe\xef", 4);
	buf_free(b);
	ck_assert_int_eq(chan_partial(p.c), 0);
	ck_assert_int_eq(chan_partial(p.s), 0);
	tc_free(&p);
}
END_TEST

/* Counts the frames in a stretch of output. */
static size_t
tc_frames(const struct buf *b)
{
	const uint8_t	*d = buf_ptr(b);
	size_t		 off = 0, n = 0, len = buf_len(b);

	while (off + 2 <= len) {
		off += 2 + (size_t)(d[off] << 8 | d[off + 1]);
		n++;
	}
	ck_assert_uint_eq(off, len);
	return n;
}

START_TEST(test_chan_more_reassembly)
{
	static const size_t	 sizes[] = { TC_BODY_MAX, TC_BODY_MAX + 1,
				    200000, SUS_MSG_MAX };
	static const size_t	 frames[] = { 1, 2, 4, 17 };
	struct tc_pair		 p;
	uint8_t			*body;
	size_t			 i;

	tc_new(&p);
	tc_open(&p);
	body = malloc(SUS_MSG_MAX);
	ck_assert_ptr_nonnull(body);
	randombytes_buf(body, SUS_MSG_MAX);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		ck_assert_int_eq(chan_send(p.c, 300, (uint32_t)i, body,
		    sizes[i]), 0);
		ck_assert_uint_eq(tc_frames(chan_output(p.c)), frames[i]);
		ck_assert_int_eq(tc_pump(p.c, p.s), 0);
		tc_expect_msg(p.s, 300, (uint32_t)i, body, sizes[i]);
	}
	/* Larger than the server said it accepts: refused locally. */
	ck_assert_int_eq(chan_send(p.c, 300, 9, body, SUS_MSG_MAX + 1),
	    SUS_ERR_TOO_LARGE);
	ck_assert_uint_eq(buf_len(chan_output(p.c)), 0);
	ck_assert_int_eq(chan_state(p.c), CHAN_OPEN);
	free(body);
	tc_free(&p);
}
END_TEST

/* Sends two messages and returns their frames on the wire. */
static struct buf *
tc_two_frames(struct tc_pair *p, size_t *first)
{
	uint8_t	body[600];

	memset(body, 'x', sizeof body);
	ck_assert_int_eq(chan_send(p->c, 200, 1, body, 100), 0);
	*first = buf_len(chan_output(p->c));
	ck_assert_int_eq(chan_send(p->c, 200, 2, body, sizeof body), 0);
	return tc_take(p->c);
}

START_TEST(test_chan_bitflip)
{
	struct tc_pair	 p;
	struct buf	*w;
	uint8_t		*d;
	size_t		 first, pos[] = { 0, 1, 2, 40, 0 }, i;
	int		 r;
	struct chan_msg	 m;

	/* Length high byte, length low byte, ciphertext, body, tag. */
	for (i = 0; i < sizeof pos / sizeof pos[0]; i++) {
		tc_new(&p);
		tc_open(&p);
		w = tc_two_frames(&p, &first);
		if (i == 4)
			pos[i] = first - 1;	/* the last byte of the tag */
		d = (uint8_t *)buf_ptr(w);
		d[pos[i]] ^= i == 0 ? 0x01 : 0x10;
		r = tc_feed(p.s, d, buf_len(w));
		ck_assert_int_eq(r, SUS_ERR_DECRYPT);
		ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
		ck_assert_int_eq(chan_recv(p.s, &m), 0);
		/* Closed stays closed, whatever arrives. */
		ck_assert_int_eq(tc_feed(p.s, d, 2), SUS_ERR_STATE);
		ck_assert_int_eq(chan_send(p.s, 1, 1, NULL, 0), SUS_ERR_STATE);
		buf_free(w);
		tc_free(&p);
	}
}
END_TEST

/*
 * Feeds the frames of a two-message wire in the order given ("1", "2"),
 * which models duplicated, reordered and dropped frames.
 */
static int
tc_feed_order(struct tc_pair *p, const struct buf *w, size_t first,
    const char *order)
{
	const uint8_t	*d = buf_ptr(w);
	size_t		 len = buf_len(w);
	int		 r = 0;

	for (; *order != '\0' && r == 0; order++) {
		if (*order == '1')
			r = tc_feed(p->s, d, first);
		else
			r = tc_feed(p->s, d + first, len - first);
	}
	return r;
}

START_TEST(test_chan_replay_reorder_drop)
{
	static const char	*orders[] = { "11", "21", "2", "122" };
	struct tc_pair		 p;
	struct buf		*w;
	struct chan_msg		 m;
	size_t			 first, i;

	for (i = 0; i < sizeof orders / sizeof orders[0]; i++) {
		tc_new(&p);
		tc_open(&p);
		w = tc_two_frames(&p, &first);
		ck_assert_int_eq(tc_feed_order(&p, w, first, orders[i]),
		    SUS_ERR_DECRYPT);
		ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
		ck_assert_int_eq(chan_recv(p.s, &m), 0);
		buf_free(w);
		tc_free(&p);
	}
	/* The same frames in order are fine, so the order was the reason. */
	tc_new(&p);
	tc_open(&p);
	w = tc_two_frames(&p, &first);
	ck_assert_int_eq(tc_feed_order(&p, w, first, "12"), 0);
	ck_assert_int_eq(chan_recv(p.s, &m), 1);
	buf_free(m.body);
	ck_assert_int_eq(chan_recv(p.s, &m), 1);
	buf_free(m.body);
	buf_free(w);
	tc_free(&p);
}
END_TEST

START_TEST(test_chan_frame_lengths)
{
	struct tc_pair	 p;
	uint8_t		 hdr[2], *junk;
	size_t		 len;

	for (len = 0; len < SUS_FRAME_MIN; len++) {
		tc_new(&p);
		tc_open(&p);
		hdr[0] = 0;
		hdr[1] = (uint8_t)len;
		ck_assert_int_eq(tc_feed(p.s, hdr, 2), SUS_ERR_FRAME_LEN);
		ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
		tc_free(&p);
	}
	/* 16 and 65535 pass the length check; garbage then fails the tag. */
	junk = calloc(1, SUS_FRAME_MAX);
	ck_assert_ptr_nonnull(junk);
	for (len = SUS_FRAME_MIN; len <= SUS_FRAME_MAX;
	    len += SUS_FRAME_MAX - SUS_FRAME_MIN) {
		tc_new(&p);
		tc_open(&p);
		hdr[0] = (uint8_t)(len >> 8);
		hdr[1] = (uint8_t)len;
		ck_assert_int_eq(tc_feed(p.s, hdr, 2), 0);
		ck_assert_int_eq(chan_partial(p.s), 1);
		ck_assert_int_eq(tc_feed(p.s, junk, len - 1), 0);
		ck_assert_int_eq(chan_state(p.s), CHAN_OPEN);
		ck_assert_int_eq(tc_feed(p.s, junk, 1), SUS_ERR_DECRYPT);
		ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
		tc_free(&p);
	}
	free(junk);
}
END_TEST

START_TEST(test_chan_more_limit)
{
	struct tc_pair	 p;
	uint8_t		*body;

	body = calloc(1, 100001);
	ck_assert_ptr_nonnull(body);
	tc_new(&p);
	tc_open(&p);
	chan_set_max_message(p.s, 100000);
	ck_assert_int_eq(chan_send(p.c, 300, 1, body, 100000), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), 0);
	tc_expect_msg(p.s, 300, 1, body, 100000);
	ck_assert_int_eq(chan_send(p.c, 300, 2, body, 100001), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), SUS_ERR_TOO_LARGE);
	ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
	tc_free(&p);
	free(body);
}
END_TEST

/* A MORE chain that never ends is cut at the maximum. */
START_TEST(test_chan_more_endless)
{
	struct tc_pair	 p;
	uint8_t		 rec[SUS_RECORD_HDR + 1000];
	int		 i, r = 0;

	tc_new(&p);
	tc_open(&p);
	chan_set_max_message(p.s, 10000);
	memset(rec, 'a', sizeof rec);
	tc_record(rec, 500, SUS_FLAG_MORE, 7);
	for (i = 0; i < 10 && r == 0; i++) {
		ck_assert_int_eq(chan_test_send_raw(p.c, rec, sizeof rec), 0);
		r = tc_pump(p.c, p.s);
		ck_assert_int_eq(chan_partial(p.s), r == 0);
	}
	/* Ten records of 1000 fit exactly; the eleventh does not. */
	ck_assert_int_eq(r, 0);
	ck_assert_int_eq(chan_test_send_raw(p.c, rec, sizeof rec), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), SUS_ERR_TOO_LARGE);
	ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
	tc_free(&p);
}
END_TEST

START_TEST(test_chan_more_mismatch)
{
	struct tc_pair	 p;
	uint8_t		 rec[SUS_RECORD_HDR + 4];
	int		 variant;

	for (variant = 0; variant < 5; variant++) {
		tc_new(&p);
		tc_open(&p);
		memset(rec, 'b', sizeof rec);
		tc_record(rec, 500, SUS_FLAG_MORE, 7);
		ck_assert_int_eq(chan_test_send_raw(p.c, rec, sizeof rec), 0);
		ck_assert_int_eq(tc_pump(p.c, p.s), 0);
		if (variant == 0)		/* another type */
			tc_record(rec, 501, 0, 7);
		else if (variant == 1)		/* another id */
			tc_record(rec, 500, 0, 8);
		else if (variant == 2)		/* an unknown flag */
			tc_record(rec, 500, 0x8000, 7);
		else				/* the proper end */
			tc_record(rec, 500, 0, 7);
		ck_assert_int_eq(chan_test_send_raw(p.c, rec,
		    variant == 4 ? 4 : sizeof rec), 0);
		if (variant == 3) {
			ck_assert_int_eq(tc_pump(p.c, p.s), 0);
			tc_expect_msg(p.s, 500, 7,
			    (const uint8_t *)"bbbbbbbb", 8);
		} else {
			/* Variant 4: a record shorter than its header. */
			ck_assert_int_eq(tc_pump(p.c, p.s), SUS_ERR_PROTOCOL);
			ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
		}
		tc_free(&p);
	}
}
END_TEST

START_TEST(test_chan_bad_magic)
{
	struct tc_pair	p;
	const uint8_t	bad[8] = { 'S', 'S', 'H', '-', 1, 0, 0, 0 };

	tc_new(&p);
	ck_assert_int_eq(tc_feed(p.s, bad, 7), 0);
	ck_assert_int_eq(chan_partial(p.s), 1);
	ck_assert_int_eq(tc_feed(p.s, bad + 7, 1), SUS_ERR_BAD_MAGIC);
	ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
	/* Not a word back to something that is not our client. */
	ck_assert_uint_eq(buf_len(chan_output(p.s)), 0);
	/* A client talking to something that is not susd fails the same. */
	ck_assert_int_eq(chan_start(p.c), 0);
	buf_reset(chan_output(p.c));
	ck_assert_int_eq(tc_feed(p.c, bad, sizeof bad), SUS_ERR_BAD_MAGIC);
	ck_assert_int_eq(chan_state(p.c), CHAN_CLOSED);
	tc_free(&p);
}
END_TEST

START_TEST(test_chan_major_mismatch)
{
	struct tc_pair	 p;
	struct buf	*out;

	/* A newer server: the client learns which major it speaks. */
	tc_new(&p);
	chan_test_set_major(p.s, SUS_PROTO_MAJOR + 1);
	ck_assert_int_eq(chan_start(p.c), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), SUS_ERR_VERSION);
	ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
	out = chan_output(p.s);
	ck_assert_uint_eq(buf_len(out), SUS_PREAMBLE_LEN);
	ck_assert_mem_eq(buf_ptr(out), "SUS1", 4);
	ck_assert_int_eq(buf_ptr(out)[4], SUS_PROTO_MAJOR + 1);
	buf_reset(chan_output(p.c));
	ck_assert_int_eq(tc_pump(p.s, p.c), SUS_ERR_VERSION);
	ck_assert_int_eq(chan_state(p.c), CHAN_CLOSED);
	ck_assert_int_eq(chan_peer_major(p.c), SUS_PROTO_MAJOR + 1);
	ck_assert_int_eq(chan_peer_major(p.s), SUS_PROTO_MAJOR);
	tc_free(&p);

	/* A newer client against this server. */
	tc_new(&p);
	chan_test_set_major(p.c, 7);
	ck_assert_int_eq(chan_start(p.c), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), SUS_ERR_VERSION);
	ck_assert_int_eq(chan_peer_major(p.s), 7);
	/* The server stopped reading at the preamble; the rest was sent. */
	buf_reset(chan_output(p.c));
	ck_assert_int_eq(tc_pump(p.s, p.c), SUS_ERR_VERSION);
	ck_assert_int_eq(chan_peer_major(p.c), SUS_PROTO_MAJOR);
	tc_free(&p);
}
END_TEST

START_TEST(test_chan_preamble_edit)
{
	struct tc_pair	 p;
	uint8_t		*d;
	int		 byte;

	/* Minor and both flags bytes: accepted in clear, caught by h. */
	for (byte = 5; byte < 8; byte++) {
		tc_new(&p);
		ck_assert_int_eq(chan_start(p.c), 0);
		d = (uint8_t *)buf_ptr(chan_output(p.c));
		d[byte] ^= 0x01;
		ck_assert_int_eq(tc_pump(p.c, p.s), 0);
		ck_assert_int_eq(tc_pump(p.s, p.c), SUS_ERR_HANDSHAKE);
		ck_assert_int_eq(chan_state(p.c), CHAN_CLOSED);
		ck_assert_ptr_null(chan_remote_static(p.c));
		tc_free(&p);
	}
}
END_TEST

START_TEST(test_chan_nonce_end)
{
	struct tc_pair	p;

	tc_new(&p);
	tc_open(&p);
	chan_test_set_nonce(p.c, UINT64_MAX - 1, 0);
	chan_test_set_nonce(p.s, 0, UINT64_MAX - 1);
	ck_assert_int_eq(chan_send(p.c, MSG_PING, 1, (const uint8_t *)"a", 1),
	    0);
	ck_assert_int_eq(tc_pump(p.c, p.s), 0);
	tc_expect_msg(p.s, MSG_PING, 1, (const uint8_t *)"a", 1);
	ck_assert_int_eq(chan_send(p.c, MSG_PING, 2, (const uint8_t *)"b", 1),
	    SUS_ERR_NONCE);
	ck_assert_int_eq(chan_state(p.c), CHAN_CLOSED);
	ck_assert_uint_eq(buf_len(chan_output(p.c)), 0);
	tc_free(&p);
}
END_TEST

START_TEST(test_chan_prelogin_cap)
{
	struct tc_pair	 p;
	uint8_t		 body[SUS_MSG_MAX_PRELOGIN + 1];

	memset(body, 'p', sizeof body);
	tc_new(&p);
	tc_open(&p);
	chan_set_max_message(p.s, SUS_MSG_MAX_PRELOGIN);
	ck_assert_int_eq(chan_send(p.c, MSG_LOGIN, 1, body,
	    SUS_MSG_MAX_PRELOGIN), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), 0);
	tc_expect_msg(p.s, MSG_LOGIN, 1, body, SUS_MSG_MAX_PRELOGIN);
	ck_assert_int_eq(chan_send(p.c, MSG_LOGIN, 2, body, sizeof body), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), SUS_ERR_TOO_LARGE);
	ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
	tc_free(&p);
}
END_TEST

/* Server: bytes glued after message 1 were sent before message 2 left. */
START_TEST(test_chan_early_glued)
{
	struct tc_pair	 p;
	struct buf	*out;
	const uint8_t	 extra[4] = { 0, 64, 0, 0 };
	size_t		 len, used;

	tc_new(&p);
	ck_assert_int_eq(chan_start(p.c), 0);
	out = chan_output(p.c);
	len = buf_len(out);
	ck_assert_int_eq(buf_put(out, extra, sizeof extra), 0);
	ck_assert_int_eq(chan_input(p.s, buf_ptr(out), buf_len(out), &used),
	    SUS_ERR_PROTOCOL);
	/* Message 1 itself was taken; the glued bytes were the offence. */
	ck_assert_uint_eq(used, len);
	ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
	ck_assert_uint_eq(buf_len(chan_output(p.s)), 0);
	tc_free(&p);
}
END_TEST

/* Server: a genuine message 3 before message 2 was flushed is refused. */
START_TEST(test_chan_early_msg3)
{
	struct tc_pair	 p;
	struct buf	*s_out, *copy;
	size_t		 used;

	tc_new(&p);
	ck_assert_int_eq(chan_start(p.c), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), 0);
	/* Deliver message 2 to the client but leave it queued at the server. */
	s_out = chan_output(p.s);
	copy = buf_from(buf_ptr(s_out), buf_len(s_out));
	ck_assert_int_eq(chan_input(p.c, buf_ptr(copy), buf_len(copy), &used),
	    0);
	ck_assert_int_eq(chan_state(p.c), CHAN_VERIFY);
	ck_assert_int_eq(chan_accept(p.c), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), SUS_ERR_PROTOCOL);
	ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
	buf_free(copy);
	tc_free(&p);

	/* The same sequence with message 2 flushed first succeeds. */
	tc_new(&p);
	tc_open(&p);
	tc_free(&p);
}
END_TEST

/* Client: bytes before chan_start, before flushing, and during VERIFY. */
START_TEST(test_chan_early_client)
{
	struct tc_pair	 p;
	struct buf	*out;
	uint8_t		 junk[8] = "SUS1\001\000\000\000";
	size_t		 used, len;

	tc_new(&p);
	ck_assert_int_eq(tc_feed(p.c, junk, 1), SUS_ERR_PROTOCOL);
	ck_assert_int_eq(chan_state(p.c), CHAN_CLOSED);
	tc_free(&p);

	/* A valid server preamble before our message 1 was written. */
	tc_new(&p);
	ck_assert_int_eq(chan_start(p.c), 0);
	ck_assert_int_eq(tc_feed(p.c, junk, sizeof junk), SUS_ERR_PROTOCOL);
	tc_free(&p);

	/* Bytes after message 2: left unconsumed, then refused. */
	tc_new(&p);
	ck_assert_int_eq(chan_start(p.c), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), 0);
	out = chan_output(p.s);
	len = buf_len(out);
	ck_assert_int_eq(buf_put(out, junk, 3), 0);
	ck_assert_int_eq(chan_input(p.c, buf_ptr(out), buf_len(out), &used),
	    0);
	ck_assert_uint_eq(used, len);
	ck_assert_int_eq(chan_state(p.c), CHAN_VERIFY);
	ck_assert_int_eq(chan_input(p.c, buf_ptr(out) + used, 3, &used),
	    SUS_ERR_PROTOCOL);
	ck_assert_uint_eq(used, 0);
	ck_assert_int_eq(chan_state(p.c), CHAN_CLOSED);
	/* A closed client cannot be talked into sending message 3. */
	ck_assert_int_eq(chan_accept(p.c), SUS_ERR_STATE);
	tc_free(&p);
}
END_TEST

/* An all-zero or small-order ephemeral key in message 1 fails cleanly. */
START_TEST(test_chan_bad_ephemeral)
{
	static const uint8_t	one[NOISE_KEY_LEN] = { 1 };
	struct tc_pair		p;
	uint8_t			*d;
	int			i;

	for (i = 0; i < 2; i++) {
		tc_new(&p);
		ck_assert_int_eq(chan_start(p.c), 0);
		d = (uint8_t *)buf_ptr(chan_output(p.c));
		if (i == 0)
			memset(d + 10, 0, NOISE_KEY_LEN);
		else
			memcpy(d + 10, one, NOISE_KEY_LEN);
		ck_assert_int_eq(tc_pump(p.c, p.s), SUS_ERR_BAD_KEY);
		ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
		/* Not even the preamble goes back. */
		ck_assert_uint_eq(buf_len(chan_output(p.s)), 0);
		tc_free(&p);
	}
}
END_TEST

/* Misplaced handshake messages and calls in the wrong state. */
START_TEST(test_chan_wrong_state)
{
	struct tc_pair	p;
	uint8_t		msg[2 + 64];

	/* A 33-byte message 1. */
	tc_new(&p);
	ck_assert_int_eq(chan_start(p.c), 0);
	ck_assert_int_eq(buf_consume_end(chan_output(p.c), 34), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), 0);
	msg[0] = 0;
	msg[1] = 33;
	ck_assert_int_eq(tc_feed(p.s, msg, 2), SUS_ERR_FRAME_LEN);
	tc_free(&p);

	/* Garbage in place of message 3. */
	tc_new(&p);
	ck_assert_int_eq(chan_start(p.c), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), 0);
	buf_reset(chan_output(p.s));
	memset(msg, 0x41, sizeof msg);
	msg[0] = 0;
	msg[1] = 64;
	ck_assert_int_eq(tc_feed(p.s, msg, sizeof msg), SUS_ERR_HANDSHAKE);
	ck_assert_int_eq(chan_state(p.s), CHAN_CLOSED);
	tc_free(&p);

	/* Calls out of order. */
	tc_new(&p);
	ck_assert_int_eq(chan_send(p.c, 1, 1, NULL, 0), SUS_ERR_STATE);
	tc_free(&p);
	tc_new(&p);
	ck_assert_int_eq(chan_accept(p.c), SUS_ERR_STATE);
	tc_free(&p);
	tc_new(&p);
	ck_assert_int_eq(chan_start(p.s), SUS_ERR_STATE);
	tc_free(&p);
	tc_new(&p);
	ck_assert_int_eq(chan_start(p.c), 0);
	ck_assert_int_eq(chan_start(p.c), SUS_ERR_STATE);
	tc_free(&p);
}
END_TEST

/* Fixed ephemerals and keys give the same message 1 every time. */
START_TEST(test_chan_fixed_ephemeral)
{
	struct tc_pair	 p;
	uint8_t		 e[NOISE_KEY_LEN], first[42];

	memset(e, 0x55, sizeof e);
	tc_new(&p);
	chan_test_set_ephemeral(p.c, e);
	ck_assert_int_eq(chan_start(p.c), 0);
	ck_assert_uint_eq(buf_len(chan_output(p.c)), sizeof first);
	memcpy(first, buf_ptr(chan_output(p.c)), sizeof first);
	tc_free(&p);
	tc_new(&p);
	chan_test_set_ephemeral(p.c, e);
	ck_assert_int_eq(chan_start(p.c), 0);
	ck_assert_mem_eq(buf_ptr(chan_output(p.c)), first, sizeof first);
	chan_test_set_ephemeral(p.s, e);
	ck_assert_int_eq(tc_pump(p.c, p.s), 0);
	ck_assert_int_eq(tc_pump(p.s, p.c), 0);
	ck_assert_int_eq(chan_accept(p.c), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), 0);
	ck_assert_int_eq(chan_state(p.s), CHAN_OPEN);
	tc_free(&p);
}
END_TEST

/*
 * chan_io over a socketpair. The server end runs in a child process, as
 * in susd; the child's exit status says whether its side went as planned.
 */

static volatile sig_atomic_t	tc_alarms;

/* Counts SIGALRMs; it exists only to interrupt poll() with EINTR. */
static void
tc_on_alarm(int sig)
{
	(void)sig;
	tc_alarms++;
}

/* Milliseconds on the monotonic clock. */
static int64_t
tc_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Server child: handshake, echo messages back until BYE; exit 0 if fine. */
static void
tc_echo_server(int fd, uint8_t major)
{
	uint8_t		 priv[NOISE_KEY_LEN], pub[NOISE_KEY_LEN];
	struct chan	*s;
	struct chan_msg	 m;
	int		 r;

	if (noise_keypair(priv, pub) != 0)
		_exit(10);
	if ((s = chan_new(CHAN_SERVER, priv, "susd echo")) == NULL)
		_exit(11);
	chan_test_set_major(s, major);
	if ((r = chan_io_handshake(s, fd, 5000)) != 0)
		_exit(r == SUS_ERR_VERSION ? 3 : 12);
	if (chan_state(s) != CHAN_OPEN)
		_exit(13);
	for (;;) {
		if ((r = chan_io_recv(s, fd, 5000, &m)) != 0)
			_exit(14);
		if (chan_io_send(s, fd, 5000, m.type, m.id, m.body) != 0)
			_exit(15);
		buf_free(m.body);
		if (m.type == MSG_BYE)
			break;
	}
	chan_free(s);
	_exit(0);
}

/* Starts the echo server in a child on one end of a socketpair. */
static pid_t
tc_fork_server(int *fd, uint8_t major)
{
	int	sv[2];
	pid_t	pid;

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		close(sv[0]);
		tc_echo_server(sv[1], major);
	}
	close(sv[1]);
	*fd = sv[0];
	return pid;
}

/* Waits for the child and returns its exit status. */
static int
tc_wait(pid_t pid)
{
	int	status;

	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

START_TEST(test_chan_io_session)
{
	uint8_t		 priv[NOISE_KEY_LEN], pub[NOISE_KEY_LEN], *big;
	struct chan	*c;
	struct chan_msg	 m;
	struct buf	*b;
	pid_t		 pid;
	int		 fd;

	pid = tc_fork_server(&fd, SUS_PROTO_MAJOR);
	ck_assert_int_eq(noise_keypair(priv, pub), 0);
	c = chan_new(CHAN_CLIENT, priv, "sus io");
	ck_assert_int_eq(chan_io_handshake(c, fd, 5000), 0);
	ck_assert_int_eq(chan_state(c), CHAN_VERIFY);
	ck_assert_str_eq(chan_peer_hello(c)->version, "susd echo");
	ck_assert_int_eq(chan_accept(c), 0);

	/* A message large enough to need many frames and partial writes. */
	big = malloc(SUS_MSG_MAX);
	ck_assert_ptr_nonnull(big);
	randombytes_buf(big, SUS_MSG_MAX);
	b = buf_from(big, SUS_MSG_MAX);
	ck_assert_int_eq(chan_io_send(c, fd, 5000, 300, 42, b), 0);
	ck_assert_int_eq(chan_io_recv(c, fd, 5000, &m), 0);
	ck_assert_uint_eq(m.type, 300);
	ck_assert_uint_eq(m.id, 42);
	ck_assert_uint_eq(buf_len(m.body), SUS_MSG_MAX);
	ck_assert_mem_eq(buf_ptr(m.body), big, SUS_MSG_MAX);
	buf_free(m.body);
	buf_free(b);
	free(big);

	ck_assert_int_eq(chan_io_send(c, fd, 5000, MSG_BYE, 43, NULL), 0);
	ck_assert_int_eq(chan_io_recv(c, fd, 5000, &m), 0);
	ck_assert_uint_eq(m.type, MSG_BYE);
	buf_free(m.body);
	ck_assert_int_eq(tc_wait(pid), 0);
	/* The server is gone: EOF, not a hang and not a signal. */
	ck_assert_int_eq(chan_io_recv(c, fd, 5000, &m), SUS_ERR_EOF);
	chan_free(c);
	close(fd);
}
END_TEST

START_TEST(test_chan_io_version)
{
	uint8_t		 priv[NOISE_KEY_LEN], pub[NOISE_KEY_LEN];
	struct chan	*c;
	pid_t		 pid;
	int		 fd;

	pid = tc_fork_server(&fd, SUS_PROTO_MAJOR + 1);
	ck_assert_int_eq(noise_keypair(priv, pub), 0);
	c = chan_new(CHAN_CLIENT, priv, "sus io");
	ck_assert_int_eq(chan_io_handshake(c, fd, 5000), SUS_ERR_VERSION);
	ck_assert_int_eq(chan_peer_major(c), SUS_PROTO_MAJOR + 1);
	ck_assert_int_eq(tc_wait(pid), 3);
	chan_free(c);
	close(fd);
}
END_TEST

/* A silent peer and a partial frame both end in SUS_ERR_TIMEOUT. */
START_TEST(test_chan_io_timeout)
{
	struct tc_pair		 p;
	struct sigaction	 sa;
	struct itimerval	 it;
	struct chan_msg		 m;
	struct buf		*w;
	int			 sv[2];
	int64_t			 t0, dt;

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	tc_new(&p);
	t0 = tc_ms();
	ck_assert_int_eq(chan_io_handshake(p.c, sv[0], 200), SUS_ERR_TIMEOUT);
	dt = tc_ms() - t0;
	ck_assert_int_ge(dt, 195);
	ck_assert_int_lt(dt, 2000);
	tc_free(&p);
	close(sv[0]);
	close(sv[1]);

	/* Open a pair in memory, then carry transport over the socket. */
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	tc_new(&p);
	tc_open(&p);
	ck_assert_int_eq(chan_send(p.c, MSG_PING, 1, (const uint8_t *)"ab", 2),
	    0);
	w = tc_take(p.c);
	/* All but the last byte: the frame never completes. */
	ck_assert_int_eq(write(sv[1], buf_ptr(w), buf_len(w) - 1),
	    (ssize_t)buf_len(w) - 1);
	/* Signals arriving meanwhile must not cut the wait short. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tc_on_alarm;
	ck_assert_int_eq(sigaction(SIGALRM, &sa, NULL), 0);
	memset(&it, 0, sizeof it);
	it.it_interval.tv_usec = 50000;
	it.it_value.tv_usec = 50000;
	ck_assert_int_eq(setitimer(ITIMER_REAL, &it, NULL), 0);
	t0 = tc_ms();
	ck_assert_int_eq(chan_io_recv(p.s, sv[0], 300, &m), SUS_ERR_TIMEOUT);
	dt = tc_ms() - t0;
	memset(&it, 0, sizeof it);
	ck_assert_int_eq(setitimer(ITIMER_REAL, &it, NULL), 0);
	ck_assert_int_ge(tc_alarms, 2);
	ck_assert_int_ge(dt, 295);
	ck_assert_int_lt(dt, 2000);
	ck_assert_int_eq(chan_partial(p.s), 1);
	/* The last byte completes it: the timeout was about the frame. */
	ck_assert_int_eq(write(sv[1], buf_ptr(w) + buf_len(w) - 1, 1), 1);
	ck_assert_int_eq(chan_io_recv(p.s, sv[0], 300, &m), 0);
	ck_assert_uint_eq(m.type, MSG_PING);
	buf_free(m.body);
	buf_free(w);
	tc_free(&p);
	close(sv[0]);
	close(sv[1]);
}
END_TEST

/* A peer that hangs up gives SUS_ERR_EOF on send, never SIGPIPE. */
START_TEST(test_chan_io_dead_peer)
{
	struct tc_pair	 p;
	struct buf	*b;
	struct chan_msg	 m;
	int		 sv[2], r;
	uint8_t		 half[3] = { 0, 40, 1 };

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	tc_new(&p);
	tc_open(&p);
	close(sv[1]);
	b = buf_new(SUS_MSG_MAX);
	ck_assert_int_eq(buf_put(b, "x", 1), 0);
	r = chan_io_send(p.s, sv[0], 1000, MSG_PONG, 1, b);
	ck_assert_int_eq(r, SUS_ERR_EOF);
	buf_free(b);
	close(sv[0]);
	tc_free(&p);

	/* EOF in the middle of a frame is EOF too. */
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	tc_new(&p);
	tc_open(&p);
	ck_assert_int_eq(write(sv[1], half, sizeof half), 3);
	close(sv[1]);
	ck_assert_int_eq(chan_io_recv(p.s, sv[0], 1000, &m), SUS_ERR_EOF);
	close(sv[0]);
	tc_free(&p);
}
END_TEST

/* Bytes glued after message 2 on the socket are refused by the client. */
START_TEST(test_chan_io_early)
{
	struct tc_pair	 p;
	struct buf	*w;
	int		 sv[2];

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	tc_new(&p);
	ck_assert_int_eq(chan_start(p.c), 0);
	ck_assert_int_eq(tc_pump(p.c, p.s), 0);
	w = tc_take(p.s);
	ck_assert_int_eq(write(sv[1], buf_ptr(w), buf_len(w)),
	    (ssize_t)buf_len(w));
	ck_assert_int_eq(write(sv[1], "\0\x20", 2), 2);
	/* The client's own output was "sent" by tc_pump already. */
	buf_reset(chan_output(p.c));
	ck_assert_int_eq(chan_io_handshake(p.c, sv[0], 1000),
	    SUS_ERR_PROTOCOL);
	ck_assert_int_eq(chan_state(p.c), CHAN_CLOSED);
	buf_free(w);
	tc_free(&p);
	close(sv[0]);
	close(sv[1]);
}
END_TEST

/* Builds the channel suite. */
static Suite *
suite_chan(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("chan");
	tc = tcase_create("core");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_chan_exchange);
	tcase_add_test(tc, test_chan_more_reassembly);
	tcase_add_test(tc, test_chan_bitflip);
	tcase_add_test(tc, test_chan_replay_reorder_drop);
	tcase_add_test(tc, test_chan_frame_lengths);
	tcase_add_test(tc, test_chan_more_limit);
	tcase_add_test(tc, test_chan_more_endless);
	tcase_add_test(tc, test_chan_more_mismatch);
	tcase_add_test(tc, test_chan_bad_magic);
	tcase_add_test(tc, test_chan_major_mismatch);
	tcase_add_test(tc, test_chan_preamble_edit);
	tcase_add_test(tc, test_chan_nonce_end);
	tcase_add_test(tc, test_chan_prelogin_cap);
	tcase_add_test(tc, test_chan_early_glued);
	tcase_add_test(tc, test_chan_early_msg3);
	tcase_add_test(tc, test_chan_early_client);
	tcase_add_test(tc, test_chan_bad_ephemeral);
	tcase_add_test(tc, test_chan_wrong_state);
	tcase_add_test(tc, test_chan_fixed_ephemeral);
	suite_add_tcase(s, tc);

	tc = tcase_create("io");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_chan_io_session);
	tcase_add_test(tc, test_chan_io_version);
	tcase_add_test(tc, test_chan_io_timeout);
	tcase_add_test(tc, test_chan_io_dead_peer);
	tcase_add_test(tc, test_chan_io_early);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_chan)
