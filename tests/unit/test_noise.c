/*
 * Noise XX tests: the published vectors byte for byte in both roles, then
 * the failure cases the protocol relies on (tampering poisons, bad public
 * keys fail, the nonce space ends).
 */
#include <stdint.h>
#include <string.h>

#include <sodium.h>

#include "err.h"
#include "noise.h"
#include "noise_vectors.h"
#include "unit.h"

#define NV_COUNT	(sizeof noise_vectors / sizeof noise_vectors[0])
#define NV_BUF		1024

static size_t	nv_hex(const char *, uint8_t *, size_t);
static void	nv_start(const struct noise_vec *, struct noise_hs *,
		    struct noise_hs *);
static void	nv_open(struct noise_cipher *, struct noise_cipher *,
		    struct noise_cipher *, struct noise_cipher *);
static Suite	*suite_noise(void);

/* A point of order 8 on Curve25519, from libsodium's blocklist. */
static const uint8_t nv_small_order[NOISE_KEY_LEN] = {
	0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56, 0xe3,
	0xfa, 0xf1, 0x9f, 0xc4, 0x6a, 0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32,
	0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16, 0x5f, 0x49, 0xb8, 0x00
};

/* Decodes a hex string from the vectors, failing the test if malformed. */
static size_t
nv_hex(const char *hex, uint8_t *out, size_t max)
{
	size_t	len;

	ck_assert_int_eq(sodium_hex2bin(out, max, hex, strlen(hex), NULL,
	    &len, NULL), 0);
	ck_assert_uint_eq(len * 2, strlen(hex));
	return len;
}

/* Initialises an initiator and responder from vector v. */
static void
nv_start(const struct noise_vec *v, struct noise_hs *ini,
    struct noise_hs *res)
{
	uint8_t	pro[NV_BUF], s[NOISE_KEY_LEN], e[NOISE_KEY_LEN];
	size_t	plen;

	plen = nv_hex(v->init_prologue, pro, sizeof pro);
	ck_assert_uint_eq(nv_hex(v->init_static, s, sizeof s), sizeof s);
	ck_assert_uint_eq(nv_hex(v->init_ephemeral, e, sizeof e), sizeof e);
	ck_assert_int_eq(noise_hs_init(ini, NOISE_INITIATOR, pro, plen, s, e),
	    0);
	plen = nv_hex(v->resp_prologue, pro, sizeof pro);
	ck_assert_uint_eq(nv_hex(v->resp_static, s, sizeof s), sizeof s);
	ck_assert_uint_eq(nv_hex(v->resp_ephemeral, e, sizeof e), sizeof e);
	ck_assert_int_eq(noise_hs_init(res, NOISE_RESPONDER, pro, plen, s, e),
	    0);
}

/* Runs vector 0's handshake between two fresh states and splits both. */
static void
nv_open(struct noise_cipher *is, struct noise_cipher *ir,
    struct noise_cipher *rs, struct noise_cipher *rr)
{
	struct noise_hs	ini, res;
	uint8_t		m[NV_BUF], p[NV_BUF];
	size_t		mlen, plen, i;

	nv_start(&noise_vectors[0], &ini, &res);
	for (i = 0; i < 3; i++) {
		struct noise_hs *w = i % 2 == 0 ? &ini : &res;
		struct noise_hs *r = i % 2 == 0 ? &res : &ini;

		ck_assert_int_eq(noise_hs_write(w, NULL, 0, m, sizeof m,
		    &mlen), 0);
		ck_assert_int_eq(noise_hs_read(r, m, mlen, p, sizeof p, &plen),
		    0);
		ck_assert_uint_eq(plen, 0);
	}
	ck_assert_int_eq(noise_hs_split(&ini, is, ir), 0);
	ck_assert_int_eq(noise_hs_split(&res, rs, rr), 0);
}

/* Plays every vector in one role, checking every byte both ways. */
static void
nv_play(enum noise_role role)
{
	const struct noise_vec	*v;
	struct noise_hs		 ini, res, *me;
	struct noise_cipher	 send, recv;
	uint8_t			 pl[NV_BUF], ct[NV_BUF], out[NV_BUF];
	uint8_t			 h[NOISE_HASH_LEN], want[NOISE_HASH_LEN];
	size_t			 pllen, ctlen, outlen, i, j;
	int			 mine;

	for (j = 0; j < NV_COUNT; j++) {
		v = &noise_vectors[j];
		nv_start(v, &ini, &res);
		me = role == NOISE_INITIATOR ? &ini : &res;
		for (i = 0; i < NOISE_VEC_MSGS; i++) {
			pllen = nv_hex(v->messages[i].payload, pl, sizeof pl);
			ctlen = nv_hex(v->messages[i].ciphertext, ct,
			    sizeof ct);
			/* Even messages go initiator to responder. */
			mine = (i % 2 == 0) == (role == NOISE_INITIATOR);
			if (i == 3) {
				ck_assert(noise_hs_done(me));
				ck_assert_int_eq(noise_hs_split(me, &send,
				    &recv), 0);
				if (v->handshake_hash != NULL) {
					nv_hex(v->handshake_hash, want,
					    sizeof want);
					noise_hs_hash(me, h);
					ck_assert_mem_eq(h, want, sizeof h);
				}
			}
			if (i < 3 && mine) {
				ck_assert_int_eq(noise_hs_write(me, pl, pllen,
				    out, sizeof out, &outlen), 0);
				ck_assert_uint_eq(outlen, ctlen);
				ck_assert_mem_eq(out, ct, ctlen);
			} else if (i < 3) {
				ck_assert_int_eq(noise_hs_read(me, ct, ctlen,
				    out, sizeof out, &outlen), 0);
				ck_assert_uint_eq(outlen, pllen);
				ck_assert_mem_eq(out, pl, pllen);
			} else if (mine) {
				ck_assert_int_eq(noise_cipher_encrypt(&send,
				    NULL, 0, pl, pllen, out, sizeof out,
				    &outlen), 0);
				ck_assert_uint_eq(outlen, ctlen);
				ck_assert_mem_eq(out, ct, ctlen);
			} else {
				ck_assert_int_eq(noise_cipher_decrypt(&recv,
				    NULL, 0, ct, ctlen, out, sizeof out,
				    &outlen), 0);
				ck_assert_uint_eq(outlen, pllen);
				ck_assert_mem_eq(out, pl, pllen);
			}
			if (i == 1 && role == NOISE_INITIATOR) {
				/* The responder's static key came through. */
				uint8_t rs[NOISE_KEY_LEN], spriv[NOISE_KEY_LEN];

				nv_hex(v->resp_static, spriv, sizeof spriv);
				ck_assert_int_eq(noise_pubkey(spriv, rs), 0);
				ck_assert_ptr_nonnull(
				    noise_hs_remote_static(me));
				ck_assert_mem_eq(noise_hs_remote_static(me),
				    rs, sizeof rs);
			}
		}
		noise_hs_clear(&ini);
		noise_hs_clear(&res);
	}
}

START_TEST(test_noise_vectors_initiator)
{
	nv_play(NOISE_INITIATOR);
}
END_TEST

START_TEST(test_noise_vectors_responder)
{
	nv_play(NOISE_RESPONDER);
}
END_TEST

START_TEST(test_noise_vectors_loaded)
{
	/* Guard against an empty or stale generated header. */
	ck_assert_uint_ge(NV_COUNT, 2);
	ck_assert_ptr_nonnull(noise_vectors[1].handshake_hash);
}
END_TEST

/* Flips every bit of a transport ciphertext, including its tag. */
START_TEST(test_noise_bitflip_poisons)
{
	struct noise_cipher	is, ir, rs, rr, copy;
	uint8_t			ct[64], bad[64], out[64];
	size_t			ctlen, outlen, bit;
	const uint8_t		msg[] = "ordinary message";

	nv_open(&is, &ir, &rs, &rr);
	ck_assert_int_eq(noise_cipher_encrypt(&is, NULL, 0, msg, sizeof msg,
	    ct, sizeof ct, &ctlen), 0);
	ck_assert_uint_eq(ctlen, sizeof msg + NOISE_TAG_LEN);
	for (bit = 0; bit < ctlen * 8; bit++) {
		copy = rr;
		memcpy(bad, ct, ctlen);
		bad[bit / 8] ^= (uint8_t)(1u << (bit % 8));
		ck_assert_int_eq(noise_cipher_decrypt(&copy, NULL, 0, bad,
		    ctlen, out, sizeof out, &outlen), SUS_ERR_DECRYPT);
		ck_assert_int_eq(copy.failed, 1);
		/* Poisoned: even the genuine ciphertext is refused now. */
		ck_assert_int_ne(noise_cipher_decrypt(&copy, NULL, 0, ct,
		    ctlen, out, sizeof out, &outlen), 0);
		ck_assert_int_ne(noise_cipher_encrypt(&copy, NULL, 0, msg,
		    sizeof msg, out, sizeof out, &outlen), 0);
	}
	/* The untouched state still decrypts, so the failures were real. */
	ck_assert_int_eq(noise_cipher_decrypt(&rr, NULL, 0, ct, ctlen, out,
	    sizeof out, &outlen), 0);
	ck_assert_mem_eq(out, msg, sizeof msg);
	/* A truncated ciphertext (shorter than a tag) also fails. */
	ck_assert_int_eq(noise_cipher_decrypt(&ir, NULL, 0, ct, 15, out,
	    sizeof out, &outlen), SUS_ERR_DECRYPT);
	ck_assert_int_eq(ir.failed, 1);
}
END_TEST

/* A tampered handshake message fails and leaves the state unusable. */
START_TEST(test_noise_handshake_tamper)
{
	struct noise_hs	ini, res;
	uint8_t		m[NV_BUF], p[NV_BUF];
	size_t		mlen, plen, bit;

	for (bit = 0; bit < 96 * 8; bit += 7) {
		nv_start(&noise_vectors[0], &ini, &res);
		ck_assert_int_eq(noise_hs_write(&ini, NULL, 0, m, sizeof m,
		    &mlen), 0);
		ck_assert_int_eq(noise_hs_read(&res, m, mlen, p, sizeof p,
		    &plen), 0);
		ck_assert_int_eq(noise_hs_write(&res, NULL, 0, m, sizeof m,
		    &mlen), 0);
		ck_assert_uint_eq(mlen, 96);
		m[bit / 8] ^= (uint8_t)(1u << (bit % 8));
		ck_assert_int_lt(noise_hs_read(&ini, m, mlen, p, sizeof p,
		    &plen), 0);
		ck_assert_int_eq(ini.failed, 1);
		ck_assert_ptr_null(noise_hs_remote_static(&ini));
		ck_assert_int_eq(noise_hs_write(&ini, NULL, 0, m, sizeof m,
		    &mlen), SUS_ERR_STATE);
		ck_assert_int_eq(noise_hs_split(&ini, NULL, NULL),
		    SUS_ERR_STATE);
	}
}
END_TEST

/* Runs msg1 with ephemeral key bad into a responder: msg2 must fail. */
static void
nv_bad_ephemeral(const uint8_t *bad)
{
	struct noise_hs	ini, res;
	uint8_t		m[NV_BUF], p[NV_BUF];
	size_t		mlen, plen;

	nv_start(&noise_vectors[0], &ini, &res);
	memcpy(m, bad, NOISE_KEY_LEN);
	ck_assert_int_eq(noise_hs_read(&res, m, NOISE_KEY_LEN, p, sizeof p,
	    &plen), 0);
	ck_assert_int_eq(noise_hs_write(&res, NULL, 0, m, sizeof m, &mlen),
	    SUS_ERR_BAD_KEY);
	ck_assert_int_eq(res.failed, 1);
	ck_assert_uint_eq(mlen, 0);

	/* And an initiator receiving it as the responder's e fails too. */
	nv_start(&noise_vectors[0], &ini, &res);
	ck_assert_int_eq(noise_hs_write(&ini, NULL, 0, m, sizeof m, &mlen),
	    0);
	memset(m, 0, sizeof m);
	memcpy(m, bad, NOISE_KEY_LEN);
	ck_assert_int_eq(noise_hs_read(&ini, m, 96, p, sizeof p, &plen),
	    SUS_ERR_BAD_KEY);
	ck_assert_int_eq(ini.failed, 1);
}

/* Runs a handshake whose responder claims static key bad. */
static void
nv_bad_static(const uint8_t *bad)
{
	struct noise_hs	ini, res;
	uint8_t		m[NV_BUF], p[NV_BUF];
	size_t		mlen, plen;

	nv_start(&noise_vectors[0], &ini, &res);
	memcpy(res.s_pub, bad, NOISE_KEY_LEN);
	ck_assert_int_eq(noise_hs_write(&ini, NULL, 0, m, sizeof m, &mlen),
	    0);
	ck_assert_int_eq(noise_hs_read(&res, m, mlen, p, sizeof p, &plen), 0);
	ck_assert_int_eq(noise_hs_write(&res, NULL, 0, m, sizeof m, &mlen),
	    0);
	ck_assert_int_eq(noise_hs_read(&ini, m, mlen, p, sizeof p, &plen),
	    SUS_ERR_BAD_KEY);
	ck_assert_ptr_null(noise_hs_remote_static(&ini));

	/* The same for the initiator's static key, seen by the responder. */
	nv_start(&noise_vectors[0], &ini, &res);
	memcpy(ini.s_pub, bad, NOISE_KEY_LEN);
	ck_assert_int_eq(noise_hs_write(&ini, NULL, 0, m, sizeof m, &mlen),
	    0);
	ck_assert_int_eq(noise_hs_read(&res, m, mlen, p, sizeof p, &plen), 0);
	ck_assert_int_eq(noise_hs_write(&res, NULL, 0, m, sizeof m, &mlen),
	    0);
	ck_assert_int_eq(noise_hs_read(&ini, m, mlen, p, sizeof p, &plen), 0);
	ck_assert_int_eq(noise_hs_write(&ini, NULL, 0, m, sizeof m, &mlen),
	    0);
	ck_assert_int_eq(noise_hs_read(&res, m, mlen, p, sizeof p, &plen),
	    SUS_ERR_BAD_KEY);
	ck_assert(!noise_hs_done(&res));
}

START_TEST(test_noise_zero_key)
{
	uint8_t	zero[NOISE_KEY_LEN];

	memset(zero, 0, sizeof zero);
	nv_bad_ephemeral(zero);
	nv_bad_static(zero);
}
END_TEST

START_TEST(test_noise_small_order_key)
{
	uint8_t	one[NOISE_KEY_LEN];

	nv_bad_ephemeral(nv_small_order);
	nv_bad_static(nv_small_order);
	/* u = 1 has order 1: another key every DH must reject. */
	memset(one, 0, sizeof one);
	one[0] = 1;
	nv_bad_ephemeral(one);
}
END_TEST

/* At n = 2^64 - 2 one encrypt works and the next is refused. */
START_TEST(test_noise_nonce_end)
{
	struct noise_cipher	is, ir, rs, rr;
	uint8_t			ct[64], out[64];
	size_t			ctlen, outlen;

	nv_open(&is, &ir, &rs, &rr);
	noise_cipher_set_nonce(&is, UINT64_MAX - 1);
	noise_cipher_set_nonce(&rr, UINT64_MAX - 1);
	ck_assert_int_eq(noise_cipher_encrypt(&is, NULL, 0,
	    (const uint8_t *)"x", 1, ct, sizeof ct, &ctlen), 0);
	ck_assert_int_eq(noise_cipher_decrypt(&rr, NULL, 0, ct, ctlen, out,
	    sizeof out, &outlen), 0);
	ck_assert_uint_eq(outlen, 1);
	ck_assert_int_eq(out[0], 'x');
	ck_assert_int_eq(noise_cipher_encrypt(&is, NULL, 0,
	    (const uint8_t *)"y", 1, ct, sizeof ct, &ctlen), SUS_ERR_NONCE);
	ck_assert_uint_eq(ctlen, 0);
	/* The receiver refuses the reserved nonce as well. */
	ck_assert_int_eq(noise_cipher_decrypt(&rr, NULL, 0, ct, 17, out,
	    sizeof out, &outlen), SUS_ERR_NONCE);
}
END_TEST

/* Messages out of turn and malformed lengths are refused. */
START_TEST(test_noise_order_and_lengths)
{
	struct noise_hs	ini, res;
	uint8_t		m[NV_BUF], p[NV_BUF];
	size_t		mlen, plen;

	nv_start(&noise_vectors[0], &ini, &res);
	ck_assert_int_eq(noise_hs_write(&res, NULL, 0, m, sizeof m, &mlen),
	    SUS_ERR_STATE);
	ck_assert_int_eq(noise_hs_read(&ini, m, 32, p, sizeof p, &plen),
	    SUS_ERR_STATE);
	/* Message 1 shorter than its ephemeral key. */
	ck_assert_int_eq(noise_hs_read(&res, m, 31, p, sizeof p, &plen),
	    SUS_ERR_HANDSHAKE);
	ck_assert_int_eq(res.failed, 1);
	/* No room for the message is an error, not an overflow. */
	nv_start(&noise_vectors[0], &ini, &res);
	ck_assert_int_eq(noise_hs_write(&ini, NULL, 0, m, 31, &mlen),
	    SUS_ERR_NO_SPACE);
	/* Message 2 cut short of its payload tag fails. */
	nv_start(&noise_vectors[0], &ini, &res);
	ck_assert_int_eq(noise_hs_write(&ini, NULL, 0, m, sizeof m, &mlen),
	    0);
	ck_assert_int_eq(noise_hs_read(&res, m, mlen, p, sizeof p, &plen), 0);
	ck_assert_int_eq(noise_hs_write(&res, NULL, 0, m, sizeof m, &mlen),
	    0);
	ck_assert_int_eq(noise_hs_read(&ini, m, mlen - 1, p, sizeof p,
	    &plen), SUS_ERR_HANDSHAKE);
	ck_assert_int_eq(ini.failed, 1);
}
END_TEST

/* Fresh key pairs agree and differ from each other. */
START_TEST(test_noise_keypair)
{
	uint8_t	a[NOISE_KEY_LEN], ap[NOISE_KEY_LEN], b[NOISE_KEY_LEN];
	uint8_t	bp[NOISE_KEY_LEN], chk[NOISE_KEY_LEN];

	ck_assert_int_eq(noise_keypair(a, ap), 0);
	ck_assert_int_eq(noise_keypair(b, bp), 0);
	ck_assert_mem_ne(ap, bp, sizeof ap);
	ck_assert_int_eq(noise_pubkey(a, chk), 0);
	ck_assert_mem_eq(chk, ap, sizeof chk);
}
END_TEST

/* Builds the Noise suite. */
static Suite *
suite_noise(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("noise");
	tc = tcase_create("core");
	tcase_add_test(tc, test_noise_vectors_loaded);
	tcase_add_test(tc, test_noise_vectors_initiator);
	tcase_add_test(tc, test_noise_vectors_responder);
	tcase_add_test(tc, test_noise_bitflip_poisons);
	tcase_add_test(tc, test_noise_handshake_tamper);
	tcase_add_test(tc, test_noise_zero_key);
	tcase_add_test(tc, test_noise_small_order_key);
	tcase_add_test(tc, test_noise_nonce_end);
	tcase_add_test(tc, test_noise_order_and_lengths);
	tcase_add_test(tc, test_noise_keypair);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_noise)
