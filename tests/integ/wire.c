/*
 * Wire cases: bad preambles, broken handshakes, tampered, duplicated,
 * reordered and dropped frames, frame lengths and MORE chains. Whatever
 * goes wrong, susd must close the connection and say nothing secret.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "buf.h"
#include "chan.h"
#include "chan_io.h"
#include "err.h"
#include "integ.h"
#include "msg.h"
#include "noise.h"
#include "proto.h"

/* Room for a few captured frames. */
#define CAP_MAX		(2 * (SUS_FRAME_MAX + 2))
/* Body of one record that fills a frame to exactly 65535 bytes. */
#define FULL_BODY	(SUS_RECORD_MAX - SUS_RECORD_HDR)

/* Writes p and expects the server to close having sent at most max. */
static int
expect_close(int fd, const uint8_t *p, size_t len, size_t max,
    const char *what)
{
	size_t	n;
	int	r;

	/* A server that already closed may reset the write: fine. */
	if (len > 0)
		(void)fd_write(fd, p, len);
	r = fd_read_to_eof(fd, INTEG_CLOSE_MS, NULL, 0, &n);
	if (r != 1)
		return fail("%s: connection still open after %d ms", what,
		    INTEG_CLOSE_MS);
	if (n > max)
		return fail("%s: server sent %zu bytes before closing", what,
		    n);
	return 0;
}

/* Wrong magic: closed without a byte in answer. */
static int
hs_wrong_magic(void)
{
	static const struct {
		const char	*p;
		size_t		 len;
	} bad[] = {
		{ "SUSX\x01\x00\x00\x00", SUS_PREAMBLE_LEN },
		{ "sus1\x01\x00\x00\x00", SUS_PREAMBLE_LEN },
		{ "\0\0\0\0\0\0\0\0", SUS_PREAMBLE_LEN },
		{ "GET / HTTP/1.1\r\nHost: x\r\n\r\n", 27 },
		{ "SSH-2.0-OpenSSH_9.2\r\n", 21 },
	};
	uint8_t	msg[64];
	size_t	i, len;
	int	fd = -1, rv = -1;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		len = bad[i].len;
		memcpy(msg, bad[i].p, len);
		/* Then what would be message 1. */
		msg[len] = 0;
		msg[len + 1] = 32;
		randombytes_buf(msg + len + 2, 32);
		if ((fd = tcp_connect()) == -1) {
			fail("connect failed");
			goto out;
		}
		if (expect_close(fd, msg, len + 34, 0, bad[i].p) != 0)
			goto out;
		close(fd);
		fd = -1;
	}
	rv = 0;
out:
	if (fd != -1)
		close(fd);
	return rv;
}

/*
 * Another major: the server sends its own preamble, exactly 8 bytes,
 * then closes, and the client learns which major it speaks.
 */
static int
hs_major_mismatch(void)
{
	static const uint8_t	 majors[] = { SUS_PROTO_MAJOR + 1, 0, 255 };
	struct conn		 cn;
	uint8_t			 out[256], cap[64];
	size_t			 len, n, used, i;
	int			 r, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	for (i = 0; i < sizeof majors / sizeof majors[0]; i++) {
		if ((r = conn_start_raw(&cn, majors[i])) != 0) {
			fail("start: %s", sus_strerror(r));
			goto out;
		}
		r = conn_take(&cn, out, sizeof out, &len);
		CHECK(r == 0 && fd_write(cn.fd, out, len) == 0, "write failed");
		r = fd_read_to_eof(cn.fd, INTEG_CLOSE_MS, cap, sizeof cap, &n);
		CHECK(r == 1, "major %u: still open", majors[i]);
		CHECK(n == SUS_PREAMBLE_LEN, "major %u: got %zu bytes, want "
		    "the 8-byte preamble", majors[i], n);
		CHECK(memcmp(cap, SUS_PROTO_MAGIC, 4) == 0 &&
		    cap[4] == SUS_PROTO_MAJOR, "major %u: preamble is not "
		    "SUS1 major %d", majors[i], SUS_PROTO_MAJOR);
		r = chan_input(cn.c, cap, n, &used);
		CHECK(r == SUS_ERR_VERSION, "major %u: chan_input gave %s",
		    majors[i], sus_strerror(r));
		CHECK(chan_peer_major(cn.c) == SUS_PROTO_MAJOR,
		    "peer major %d", chan_peer_major(cn.c));
		conn_close(&cn);
	}
	/* The same through chan_io, as the real client does it. */
	r = conn_open(&cn, SUS_PROTO_MAJOR + 1);
	CHECK(r == SUS_ERR_VERSION, "chan_io_handshake gave %s",
	    sus_strerror(r));
	CHECK(chan_peer_major(cn.c) == SUS_PROTO_MAJOR, "peer major %d",
	    chan_peer_major(cn.c));
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* Sends our preamble and then msg as message 1; expects a close. */
static int
hs_bad_msg1(const uint8_t *key, size_t keylen, const char *what)
{
	uint8_t	msg[128];
	size_t	len = 0;
	int	fd, rv;

	memcpy(msg, SUS_PROTO_MAGIC, 4);
	msg[4] = SUS_PROTO_MAJOR;
	msg[5] = SUS_PROTO_MINOR;
	msg[6] = msg[7] = 0;
	len = SUS_PREAMBLE_LEN;
	msg[len++] = (uint8_t)(keylen >> 8);
	msg[len++] = (uint8_t)keylen;
	memcpy(msg + len, key, keylen);
	len += keylen;
	if ((fd = tcp_connect()) == -1)
		return fail("connect failed");
	/* At most the server's preamble may have left before the check. */
	rv = expect_close(fd, msg, len, SUS_PREAMBLE_LEN, what);
	close(fd);
	return rv;
}

/* Message 1 must be exactly 32 bytes. */
static int
hs_msg1_length(void)
{
	uint8_t	key[64];

	randombytes_buf(key, sizeof key);
	if (hs_bad_msg1(key, 31, "message 1 of 31 bytes") != 0 ||
	    hs_bad_msg1(key, 33, "message 1 of 33 bytes") != 0 ||
	    hs_bad_msg1(key, 0, "message 1 of 0 bytes") != 0)
		return -1;
	return 0;
}

/* An all-zero or small-order ephemeral key fails the handshake cleanly. */
static int
hs_bad_keys(void)
{
	/* u = 0, u = 1 and a point of order 8 (libsodium's blacklist). */
	static const uint8_t	keys[3][32] = {
		{ 0 },
		{ 1 },
		{ 0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56,
		  0xe3, 0xfa, 0xf1, 0x9f, 0xc4, 0x6a, 0xda, 0x09, 0x8d, 0xeb,
		  0x9c, 0x32, 0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16, 0x5f, 0x49,
		  0xb8, 0x00 },
	};
	struct conn	cn;
	size_t		i;
	int		r;

	for (i = 0; i < 3; i++) {
		if (hs_bad_msg1(keys[i], 32, i == 0 ? "all-zero key" :
		    "small-order key") != 0)
			return -1;
	}
	/* The server lives on: a good handshake still works. */
	r = conn_open(&cn, SUS_PROTO_MAJOR);
	conn_close(&cn);
	if (r != 0)
		return fail("handshake afterwards: %s", sus_strerror(r));
	return 0;
}

/* Bytes sent before the server's message 2 could arrive are refused. */
static int
hs_early_bytes(void)
{
	struct conn	cn;
	uint8_t		out[512];
	size_t		len;
	int		r, rv = -1;

	if ((r = conn_start_raw(&cn, SUS_PROTO_MAJOR)) != 0) {
		fail("start: %s", sus_strerror(r));
		goto out;
	}
	r = conn_take(&cn, out, sizeof out - 100, &len);
	CHECK(r == 0, "take: %s", sus_strerror(r));
	/* A would-be message 3, sent with message 1 in one write. */
	out[len] = 0;
	out[len + 1] = 96;
	randombytes_buf(out + len + 2, 96);
	len += 98;
	if (expect_close(cn.fd, out, len, SUS_PREAMBLE_LEN + 2 + 1024,
	    "message 3 sent early") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* An edited preamble is bound by the prologue: message 2 fails to verify. */
static int
hs_edited_preamble(void)
{
	struct conn	cn;
	uint8_t		out[512];
	size_t		len;
	int		r, rv = -1;

	if ((r = conn_start_raw(&cn, SUS_PROTO_MAJOR)) != 0) {
		fail("start: %s", sus_strerror(r));
		goto out;
	}
	r = conn_take(&cn, out, sizeof out, &len);
	CHECK(r == 0, "take: %s", sus_strerror(r));
	out[5] ^= 0x07;		/* the minor version, as a meddler might */
	CHECK(fd_write(cn.fd, out, len) == 0, "write failed");
	r = chan_io_handshake(cn.c, cn.fd, INTEG_REPLY_MS);
	CHECK(r == SUS_ERR_HANDSHAKE, "handshake with an edited preamble "
	    "gave %s", r == 0 ? "success" : sus_strerror(r));
	CHECK(chan_state(cn.c) == CHAN_CLOSED, "channel not closed");
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* A garbage message 3 fails the handshake: the server closes silently. */
static int
hs_bad_msg3(void)
{
	struct conn	cn;
	uint8_t		msg[98];
	int		r, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	if ((r = conn_start_raw(&cn, SUS_PROTO_MAJOR)) != 0 ||
	    (r = chan_io_handshake(cn.c, cn.fd, INTEG_REPLY_MS)) != 0) {
		fail("handshake: %s", sus_strerror(r));
		goto out;
	}
	CHECK(chan_state(cn.c) == CHAN_VERIFY, "no message 2");
	msg[0] = 0;
	msg[1] = 96;
	randombytes_buf(msg + 2, 96);
	if (expect_close(cn.fd, msg, sizeof msg, 0, "garbage message 3") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * Flips one bit of a PING frame at off and sends it, followed by trail
 * junk bytes so that a lengthened frame can complete: the server must
 * close without a word.
 */
static int
flip(int login, size_t off, uint8_t bit, size_t trail, const char *what)
{
	struct conn	cn;
	uint8_t		f[512];
	size_t		len;
	int		r, rv = -1;

	if (login)
		r = conn_open_login(&cn, "rapport", INTEG_DEMO_PASSWORD);
	else
		r = conn_open(&cn, SUS_PROTO_MAJOR);
	if (r != 0) {
		fail("open: %s", sus_strerror(r));
		goto out;
	}
	/* The untouched connection works, so the close is the flip's doing. */
	CHECK(conn_ping(&cn) == 0, "PING failed before the flip");
	r = capture_ping(&cn, 99, f, sizeof f - trail, &len);
	CHECK(r == 0, "capture: %s", sus_strerror(r));
	CHECK(off < len, "offset %zu past the %zu-byte frame", off, len);
	f[off] ^= bit;
	randombytes_buf(f + len, trail);
	if (expect_close(cn.fd, f, len + trail, 0, what) != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

static int
flip_len_lo(void)
{
	return flip(0, 1, 0x01, 64, "length low bit");
}

static int
flip_len_hi(void)
{
	return flip(0, 0, 0x01, 300, "length high byte");
}

static int
flip_ciphertext(void)
{
	return flip(0, 2, 0x01, 0, "ciphertext bit");
}

static int
flip_tag(void)
{
	/* u16 length, 8 header, 8 nonce, 16 tag: the tag's last byte. */
	return flip(0, 2 + SUS_RECORD_HDR + 8 + 15, 0x80, 0, "tag bit");
}

static int
flip_after_login(void)
{
	return flip(1, 12, 0x10, 0, "ciphertext bit after login");
}

/*
 * A duplicated frame: the original is answered, the copy closes. Sent
 * back to back, the copy closes too (whether the original is answered
 * first is up to the server).
 */
static int
frame_duplicate(void)
{
	struct conn	cn;
	struct chan_msg	m;
	uint8_t		f[256];
	size_t		len;
	int		r, rv = -1;

	memset(&m, 0, sizeof m);
	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	if (case_open(&cn) != 0)
		goto out;
	r = capture_ping(&cn, 1, f, sizeof f / 2, &len);
	CHECK(r == 0, "capture: %s", sus_strerror(r));
	CHECK(fd_write(cn.fd, f, len) == 0, "write failed");
	r = conn_recv(&cn, INTEG_REPLY_MS, &m);
	CHECK(r == 0 && m.type == MSG_PONG && m.id == 1,
	    "the original frame was not answered");
	if (expect_close(cn.fd, f, len, 0, "duplicated frame") != 0)
		goto out;
	conn_close(&cn);
	if (case_open(&cn) != 0)
		goto out;
	r = capture_ping(&cn, 1, f, sizeof f / 2, &len);
	CHECK(r == 0, "capture: %s", sus_strerror(r));
	memcpy(f + len, f, len);
	CHECK(fd_write(cn.fd, f, 2 * len) == 0, "write failed");
	CHECK(conn_wait_close(&cn, INTEG_CLOSE_MS, &len),
	    "still open after a duplicate sent back to back");
	rv = 0;
out:
	buf_free(m.body);
	conn_close(&cn);
	return rv;
}

/* Two frames swapped: the first to arrive fails, nothing is answered. */
static int
frame_reorder(void)
{
	struct conn	cn;
	uint8_t		f1[256], f2[256];
	size_t		l1, l2;
	int		r, rv = -1;

	if (case_open(&cn) != 0)
		goto out;
	r = capture_ping(&cn, 1, f1, sizeof f1, &l1);
	if (r == 0)
		r = capture_ping(&cn, 2, f2, sizeof f2 - l1, &l2);
	CHECK(r == 0, "capture: %s", sus_strerror(r));
	memcpy(f2 + l2, f1, l1);
	if (expect_close(cn.fd, f2, l1 + l2, 0, "reordered frames") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* A dropped frame: the next one fails to decrypt and closes. */
static int
frame_drop(void)
{
	struct conn	cn;
	uint8_t		f1[256], f2[256];
	size_t		l1, l2;
	int		r, rv = -1;

	if (case_open(&cn) != 0)
		goto out;
	r = capture_ping(&cn, 1, f1, sizeof f1, &l1);
	if (r == 0)
		r = capture_ping(&cn, 2, f2, sizeof f2, &l2);
	CHECK(r == 0, "capture: %s", sus_strerror(r));
	if (expect_close(cn.fd, f2, l2, 0, "frame after a dropped one") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* Frame lengths 0 to 15 cannot hold a tag: each closes at once. */
static int
frame_len_short(void)
{
	struct conn	cn;
	uint8_t		f[2 + SUS_FRAME_MIN];
	char		what[32];
	int		len, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	for (len = 0; len < SUS_FRAME_MIN; len++) {
		if (case_open(&cn) != 0)
			goto out;
		f[0] = 0;
		f[1] = (uint8_t)len;
		randombytes_buf(f + 2, (size_t)len);
		snprintf(what, sizeof what, "frame length %d", len);
		if (expect_close(cn.fd, f, 2 + (size_t)len, 0, what) != 0)
			goto out;
		conn_close(&cn);
	}
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* Length 16 is allowed, but 16 random bytes fail as a tag: close. */
static int
frame_len_16(void)
{
	struct conn	cn;
	uint8_t		f[2 + SUS_FRAME_MIN];
	int		rv = -1;

	if (case_open(&cn) != 0)
		goto out;
	f[0] = 0;
	f[1] = SUS_FRAME_MIN;
	randombytes_buf(f + 2, SUS_FRAME_MIN);
	if (expect_close(cn.fd, f, sizeof f, 0, "random 16-byte frame") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* Expects ERR(UNSUPPORTED) for id, then a working PING. */
static int
expect_unsupported(struct conn *cn, uint32_t id)
{
	struct chan_msg	m;
	struct msg_err	e;
	int		r, rv = -1;

	memset(&e, 0, sizeof e);
	r = conn_recv(cn, INTEG_REPLY_MS, &m);
	if (r != 0)
		return fail("no answer: %s", sus_strerror(r));
	CHECK(m.type == MSG_ERR && m.id == id, "reply type %u id %u",
	    m.type, m.id);
	CHECK(msg_decode(MSG_ERR, m.body, &e) == 0, "bad ERR body");
	CHECK(e.code == ERR_UNSUPPORTED, "ERR code %u", e.code);
	CHECK(conn_ping(cn) == 0, "PING failed afterwards");
	rv = 0;
out:
	msg_clear(MSG_ERR, &e);
	buf_free(m.body);
	return rv;
}

/* A frame of exactly 65535 bytes is accepted after login. */
static int
frame_len_max(void)
{
	struct conn	 cn;
	uint8_t		*body = NULL, *f = NULL;
	size_t		 len;
	int		 r, rv = -1;

	if (case_login(&cn, "rapport") != 0)
		goto out;
	body = calloc(1, FULL_BODY);
	f = malloc(CAP_MAX);
	CHECK(body != NULL && f != NULL, "out of memory");
	r = chan_send(cn.c, 999, 9, body, FULL_BODY);
	if (r == 0)
		r = conn_take(&cn, f, CAP_MAX, &len);
	CHECK(r == 0, "send: %s", sus_strerror(r));
	CHECK(len == 2 + SUS_FRAME_MAX && f[0] == 0xff && f[1] == 0xff,
	    "not one 65535-byte frame (%zu bytes)", len);
	CHECK(fd_write(cn.fd, f, len) == 0, "write failed");
	if (expect_unsupported(&cn, 9) != 0)
		goto out;
	rv = 0;
out:
	free(body);
	free(f);
	conn_close(&cn);
	return rv;
}

/* A 300 kB message in MORE records is reassembled and answered. */
static int
more_chain_ok(void)
{
	struct conn	 cn;
	uint8_t		*body = NULL;
	int		 r, rv = -1;

	if (case_login(&cn, "rapport") != 0)
		goto out;
	body = calloc(1, 300000);
	CHECK(body != NULL, "out of memory");
	r = chan_send(cn.c, 999, 11, body, 300000);
	if (r == 0)
		r = conn_flush(&cn);
	CHECK(r == 0, "send: %s", sus_strerror(r));
	if (expect_unsupported(&cn, 11) != 0)
		goto out;
	rv = 0;
out:
	free(body);
	conn_close(&cn);
	return rv;
}

/* A MORE chain past the 1 MiB maximum closes the connection. */
static int
more_chain_too_big(void)
{
	struct conn	 cn;
	uint8_t		*body = NULL;
	size_t		 sent = 0;
	int		 rv = -1;

	if (case_login(&cn, "rapport") != 0)
		goto out;
	body = calloc(1, FULL_BODY);
	CHECK(body != NULL, "out of memory");
	while (sent <= SUS_MSG_MAX) {
		/* The server may close mid-stream; then writes fail. */
		if (conn_send_record(&cn, 999, SUS_FLAG_MORE, 3, body,
		    FULL_BODY, 0) != 0)
			break;
		sent += FULL_BODY;
	}
	if (expect_close(cn.fd, NULL, 0, 0, "MORE chain over 1 MiB") != 0)
		goto out;
	rv = 0;
out:
	free(body);
	conn_close(&cn);
	return rv;
}

/* A continuation with another type, or another id, is refused. */
static int
more_continuation(void)
{
	static const struct {
		uint16_t	type;
		uint32_t	id;
		const char	*what;
	} next[] = {
		{ 998, 3, "continuation with another type" },
		{ 999, 4, "continuation with another id" },
		{ MSG_PING, 3, "PING inside a MORE chain" },
	};
	struct conn	cn;
	uint8_t		body[16];
	size_t		i;
	int		r, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	memset(body, 0, sizeof body);
	for (i = 0; i < sizeof next / sizeof next[0]; i++) {
		r = conn_open_login(&cn, "rapport", INTEG_DEMO_PASSWORD);
		if (r != 0) {
			fail("login: %s", sus_strerror(r));
			goto out;
		}
		r = conn_send_record(&cn, 999, SUS_FLAG_MORE, 3, body, 10, 1);
		if (r == 0)
			r = conn_send_record(&cn, next[i].type, 0, next[i].id,
			    body, 8, 0);
		CHECK(r == 0, "send: %s", sus_strerror(r));
		if (expect_close(cn.fd, NULL, 0, 0, next[i].what) != 0)
			goto out;
		conn_close(&cn);
	}
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* Unknown record flags and a record shorter than its header close. */
static int
bad_records(void)
{
	static const uint8_t	short_rec[4] = { 0, MSG_PING, 0, 0 };
	struct conn		cn;
	uint8_t			body[8];
	int			r, rv = -1;

	memset(body, 0, sizeof body);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	r = conn_send_record(&cn, MSG_PING, 0x0002, 1, body, 8, 0);
	CHECK(r == 0, "send: %s", sus_strerror(r));
	if (expect_close(cn.fd, NULL, 0, 0, "unknown record flag") != 0)
		goto out;
	conn_close(&cn);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	r = chan_test_send_raw(cn.c, short_rec, sizeof short_rec);
	if (r == 0)
		r = conn_flush(&cn);
	CHECK(r == 0, "send: %s", sus_strerror(r));
	if (expect_close(cn.fd, NULL, 0, 0, "4-byte record") != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

const struct integ_case cases_wire[] = {
	{ "main", "preamble_wrong_magic_silent_close", hs_wrong_magic },
	{ "main", "preamble_major_mismatch", hs_major_mismatch },
	{ "main", "handshake_msg1_wrong_length_closes", hs_msg1_length },
	{ "main", "handshake_zero_and_small_order_keys", hs_bad_keys },
	{ "main", "handshake_early_bytes_refused", hs_early_bytes },
	{ "main", "handshake_edited_preamble_fails", hs_edited_preamble },
	{ "main", "handshake_garbage_msg3_closes", hs_bad_msg3 },
	{ "main", "frame_flip_length_low_closes", flip_len_lo },
	{ "main", "frame_flip_length_high_closes", flip_len_hi },
	{ "main", "frame_flip_ciphertext_closes", flip_ciphertext },
	{ "main", "frame_flip_tag_closes", flip_tag },
	{ "main", "frame_flip_after_login_closes", flip_after_login },
	{ "main", "frame_duplicate_closes", frame_duplicate },
	{ "main", "frame_reorder_closes", frame_reorder },
	{ "main", "frame_drop_closes", frame_drop },
	{ "main", "frame_length_0_to_15_closes", frame_len_short },
	{ "main", "frame_length_16_random_closes", frame_len_16 },
	{ "main", "frame_length_65535_accepted", frame_len_max },
	{ "main", "more_chain_300k_reassembled", more_chain_ok },
	{ "main", "more_chain_over_max_closes", more_chain_too_big },
	{ "main", "more_continuation_mismatch_closes", more_continuation },
	{ "main", "record_bad_flags_or_short_closes", bad_records },
	{ NULL, NULL, NULL }
};
