/*
 * Noise_XX_25519_ChaChaPoly_SHA256, revision 34, written token by token on
 * libsodium primitives in the manner of WireGuard's noise.c: every result
 * is checked, every intermediate secret is wiped, and a failure leaves the
 * object poisoned rather than half-usable.
 */
#include <string.h>

#include <sodium.h>

#include "err.h"
#include "noise.h"

#define NOISE_PROTOCOL_NAME	"Noise_XX_25519_ChaChaPoly_SHA256"
#define NOISE_NONCE_MAX		UINT64_MAX	/* reserved, never used */
#define NOISE_NONCE_LEN		crypto_aead_chacha20poly1305_IETF_NPUBBYTES

/*
 * Bytes each XX message adds to its payload: -> e; <- e, ee, s, es (s and
 * payload encrypted); -> s, se (both encrypted).
 */
static const size_t noise_overhead[3] = {
	NOISE_KEY_LEN,
	NOISE_KEY_LEN + NOISE_KEY_LEN + NOISE_TAG_LEN + NOISE_TAG_LEN,
	NOISE_KEY_LEN + NOISE_TAG_LEN + NOISE_TAG_LEN
};

static int	noise_dh(const uint8_t *, const uint8_t *, uint8_t *);
static int	noise_hkdf(const uint8_t *, const uint8_t *, size_t,
		    uint8_t *, uint8_t *, uint8_t *);
static void	noise_mix_hash(struct noise_hs *, const uint8_t *, size_t);
static int	noise_mix_key(struct noise_hs *, const uint8_t *);
static int	noise_encrypt_and_hash(struct noise_hs *, const uint8_t *,
		    size_t, uint8_t *, size_t, size_t *);
static int	noise_decrypt_and_hash(struct noise_hs *, const uint8_t *,
		    size_t, uint8_t *, size_t, size_t *);
static void	noise_nonce(uint64_t, uint8_t *);
static int	noise_dh_token(struct noise_hs *, const uint8_t *,
		    const uint8_t *);
static int	noise_write_allowed(const struct noise_hs *);
static void	noise_hs_fail(struct noise_hs *);

/* Computes an X25519 shared secret, refusing small-order results. */
static int
noise_dh(const uint8_t *priv, const uint8_t *pub, uint8_t *out)
{
	/* libsodium returns -1 when the result is all zero (small order). */
	if (crypto_scalarmult(out, priv, pub) != 0) {
		sodium_memzero(out, NOISE_KEY_LEN);
		return SUS_ERR_BAD_KEY;
	}
	return 0;
}

/* HKDF as in Noise §4.3: two or three outputs from HMAC-SHA256. */
static int
noise_hkdf(const uint8_t *ck, const uint8_t *ikm, size_t ikmlen,
    uint8_t *out1, uint8_t *out2, uint8_t *out3)
{
	crypto_auth_hmacsha256_state	 st;
	uint8_t				 temp[NOISE_HASH_LEN];
	uint8_t				 one = 0x01, two = 0x02, three = 0x03;
	int				 r = SUS_ERR_INTERNAL;

	if (crypto_auth_hmacsha256_init(&st, ck, NOISE_HASH_LEN) != 0 ||
	    crypto_auth_hmacsha256_update(&st, ikm, ikmlen) != 0 ||
	    crypto_auth_hmacsha256_final(&st, temp) != 0)
		goto out;

	if (crypto_auth_hmacsha256_init(&st, temp, sizeof temp) != 0 ||
	    crypto_auth_hmacsha256_update(&st, &one, 1) != 0 ||
	    crypto_auth_hmacsha256_final(&st, out1) != 0)
		goto out;

	if (crypto_auth_hmacsha256_init(&st, temp, sizeof temp) != 0 ||
	    crypto_auth_hmacsha256_update(&st, out1, NOISE_HASH_LEN) != 0 ||
	    crypto_auth_hmacsha256_update(&st, &two, 1) != 0 ||
	    crypto_auth_hmacsha256_final(&st, out2) != 0)
		goto out;

	if (out3 != NULL) {
		if (crypto_auth_hmacsha256_init(&st, temp, sizeof temp) != 0 ||
		    crypto_auth_hmacsha256_update(&st, out2,
		    NOISE_HASH_LEN) != 0 ||
		    crypto_auth_hmacsha256_update(&st, &three, 1) != 0 ||
		    crypto_auth_hmacsha256_final(&st, out3) != 0)
			goto out;
	}
	r = 0;
out:
	sodium_memzero(&st, sizeof st);
	sodium_memzero(temp, sizeof temp);
	return r;
}

/* MixHash: h = HASH(h || data). */
static void
noise_mix_hash(struct noise_hs *hs, const uint8_t *data, size_t len)
{
	crypto_hash_sha256_state	st;

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, hs->h, sizeof hs->h);
	crypto_hash_sha256_update(&st, data, len);
	crypto_hash_sha256_final(&st, hs->h);
	sodium_memzero(&st, sizeof st);
}

/* MixKey: ck, k = HKDF(ck, ikm) and the nonce starts again at zero. */
static int
noise_mix_key(struct noise_hs *hs, const uint8_t *ikm)
{
	uint8_t	ck[NOISE_HASH_LEN], k[NOISE_HASH_LEN];
	int	r;

	if ((r = noise_hkdf(hs->ck, ikm, NOISE_KEY_LEN, ck, k, NULL)) != 0)
		goto out;
	memcpy(hs->ck, ck, sizeof ck);
	memcpy(hs->cs.k, k, sizeof k);
	hs->cs.n = 0;
	hs->cs.has_key = 1;
	hs->cs.failed = 0;
out:
	sodium_memzero(ck, sizeof ck);
	sodium_memzero(k, sizeof k);
	return r;
}

/* Writes the 12-byte ChaChaPoly nonce: 4 zero bytes, little-endian n. */
static void
noise_nonce(uint64_t n, uint8_t *nonce)
{
	int	i;

	memset(nonce, 0, 4);
	for (i = 0; i < 8; i++)
		nonce[4 + i] = (uint8_t)(n >> (8 * i));
}

/* EncryptAndHash: encrypts under h once a key exists, then mixes in. */
static int
noise_encrypt_and_hash(struct noise_hs *hs, const uint8_t *pt, size_t ptlen,
    uint8_t *out, size_t outmax, size_t *outlen)
{
	int	r;

	if (hs->cs.has_key) {
		if ((r = noise_cipher_encrypt(&hs->cs, hs->h, sizeof hs->h,
		    pt, ptlen, out, outmax, outlen)) != 0)
			return r;
	} else {
		if (ptlen > outmax)
			return SUS_ERR_NO_SPACE;
		if (ptlen > 0)
			memmove(out, pt, ptlen);
		*outlen = ptlen;
	}
	noise_mix_hash(hs, out, *outlen);
	return 0;
}

/* DecryptAndHash: the ciphertext is hashed, not the plaintext. */
static int
noise_decrypt_and_hash(struct noise_hs *hs, const uint8_t *ct, size_t ctlen,
    uint8_t *out, size_t outmax, size_t *outlen)
{
	uint8_t	h[NOISE_HASH_LEN];
	int	r;

	/* ct may overlap out, so remember the hash of ct before decrypting. */
	memcpy(h, hs->h, sizeof h);
	noise_mix_hash(hs, ct, ctlen);
	if (hs->cs.has_key) {
		r = noise_cipher_decrypt(&hs->cs, h, sizeof h, ct, ctlen, out,
		    outmax, outlen);
	} else if (ctlen > outmax) {
		r = SUS_ERR_NO_SPACE;
	} else {
		if (ctlen > 0)
			memmove(out, ct, ctlen);
		*outlen = ctlen;
		r = 0;
	}
	sodium_memzero(h, sizeof h);
	return r;
}

/* Mixes DH(priv, pub) into the chaining key. */
static int
noise_dh_token(struct noise_hs *hs, const uint8_t *priv, const uint8_t *pub)
{
	uint8_t	dh[NOISE_KEY_LEN];
	int	r;

	if ((r = noise_dh(priv, pub, dh)) != 0)
		goto out;
	r = noise_mix_key(hs, dh);
out:
	sodium_memzero(dh, sizeof dh);
	return r;
}

/* True when it is this side's turn to write. */
static int
noise_write_allowed(const struct noise_hs *hs)
{
	if (hs->step > 2)
		return 0;
	if (hs->role == NOISE_INITIATOR)
		return hs->step % 2 == 0;
	return hs->step % 2 == 1;
}

/* Poisons a handshake: secrets go, every later call fails. */
static void
noise_hs_fail(struct noise_hs *hs)
{
	enum noise_role	role = hs->role;

	noise_hs_clear(hs);
	hs->role = role;
	hs->failed = 1;
}

/* Derives the public key for an X25519 private key. */
int
noise_pubkey(const uint8_t priv[NOISE_KEY_LEN], uint8_t pub[NOISE_KEY_LEN])
{
	if (crypto_scalarmult_base(pub, priv) != 0)
		return SUS_ERR_BAD_KEY;
	return 0;
}

/* Generates a fresh X25519 key pair. */
int
noise_keypair(uint8_t priv[NOISE_KEY_LEN], uint8_t pub[NOISE_KEY_LEN])
{
	if (crypto_kx_keypair(pub, priv) != 0)
		return SUS_ERR_INTERNAL;
	return 0;
}

/* Initialises a handshake: Initialize() plus the local keys. */
int
noise_hs_init(struct noise_hs *hs, enum noise_role role,
    const uint8_t *prologue, size_t plen,
    const uint8_t s_priv[NOISE_KEY_LEN], const uint8_t *e_priv)
{
	int	r;

	memset(hs, 0, sizeof *hs);
	hs->role = role;
	/* The protocol name is exactly HASHLEN bytes, so h is the name. */
	memcpy(hs->h, NOISE_PROTOCOL_NAME, NOISE_HASH_LEN);
	memcpy(hs->ck, hs->h, NOISE_HASH_LEN);
	noise_mix_hash(hs, prologue, plen);

	memcpy(hs->s_priv, s_priv, NOISE_KEY_LEN);
	if ((r = noise_pubkey(hs->s_priv, hs->s_pub)) != 0)
		goto out;
	if (e_priv != NULL) {
		memcpy(hs->e_priv, e_priv, NOISE_KEY_LEN);
		r = noise_pubkey(hs->e_priv, hs->e_pub);
	} else
		r = noise_keypair(hs->e_priv, hs->e_pub);
out:
	if (r != 0)
		noise_hs_fail(hs);
	return r;
}

/* Writes the next handshake message carrying payload into out. */
int
noise_hs_write(struct noise_hs *hs, const uint8_t *payload, size_t plen,
    uint8_t *out, size_t outmax, size_t *outlen)
{
	size_t	need, off = 0, n;
	int	r;

	*outlen = 0;
	if (hs->failed || !noise_write_allowed(hs))
		return SUS_ERR_STATE;

	/* Check the total up front so no token is written half-way. */
	need = noise_overhead[hs->step];
	if (plen > NOISE_MSG_MAX || need + plen > NOISE_MSG_MAX ||
	    need + plen > outmax) {
		r = SUS_ERR_NO_SPACE;
		goto out;
	}

	if (hs->step < 2) {
		/* e */
		memcpy(out, hs->e_pub, NOISE_KEY_LEN);
		noise_mix_hash(hs, hs->e_pub, NOISE_KEY_LEN);
		off += NOISE_KEY_LEN;
	}
	if (hs->step == 1) {
		/* ee */
		if ((r = noise_dh_token(hs, hs->e_priv, hs->re)) != 0)
			goto out;
	}
	if (hs->step >= 1) {
		/* s */
		if ((r = noise_encrypt_and_hash(hs, hs->s_pub, NOISE_KEY_LEN,
		    out + off, outmax - off, &n)) != 0)
			goto out;
		off += n;
		/* es (responder) or se (initiator): our s, their e */
		if ((r = noise_dh_token(hs, hs->s_priv, hs->re)) != 0)
			goto out;
	}
	if ((r = noise_encrypt_and_hash(hs, payload, plen, out + off,
	    outmax - off, &n)) != 0)
		goto out;
	off += n;
	*outlen = off;
	hs->step++;
out:
	if (r != 0) {
		need += plen;
		sodium_memzero(out, outmax < need ? outmax : need);
		noise_hs_fail(hs);
	}
	return r;
}

/* Reads the next handshake message, decrypting its payload into payload. */
int
noise_hs_read(struct noise_hs *hs, const uint8_t *msg, size_t mlen,
    uint8_t *payload, size_t pmax, size_t *plen)
{
	size_t	off = 0, n, slen;
	int	r;

	*plen = 0;
	if (hs->failed || hs->step > 2 || noise_write_allowed(hs))
		return SUS_ERR_STATE;
	if (mlen > NOISE_MSG_MAX) {
		r = SUS_ERR_HANDSHAKE;
		goto out;
	}

	if (hs->step < 2) {
		/* e */
		if (mlen - off < NOISE_KEY_LEN) {
			r = SUS_ERR_HANDSHAKE;
			goto out;
		}
		memcpy(hs->re, msg + off, NOISE_KEY_LEN);
		noise_mix_hash(hs, hs->re, NOISE_KEY_LEN);
		off += NOISE_KEY_LEN;
	}
	if (hs->step == 1) {
		/* ee */
		if ((r = noise_dh_token(hs, hs->e_priv, hs->re)) != 0)
			goto out;
	}
	if (hs->step >= 1) {
		/* s: encrypted, since a key exists from ee on */
		slen = NOISE_KEY_LEN + NOISE_TAG_LEN;
		if (mlen - off < slen) {
			r = SUS_ERR_HANDSHAKE;
			goto out;
		}
		if ((r = noise_decrypt_and_hash(hs, msg + off, slen, hs->rs,
		    sizeof hs->rs, &n)) != 0)
			goto out;
		if (n != NOISE_KEY_LEN) {
			r = SUS_ERR_INTERNAL;
			goto out;
		}
		hs->have_rs = 1;
		off += slen;
		/* es (initiator) or se (responder): our e, their s */
		if ((r = noise_dh_token(hs, hs->e_priv, hs->rs)) != 0)
			goto out;
	}
	if (hs->cs.has_key && mlen - off < NOISE_TAG_LEN) {
		r = SUS_ERR_HANDSHAKE;
		goto out;
	}
	if ((r = noise_decrypt_and_hash(hs, msg + off, mlen - off, payload,
	    pmax, plen)) != 0)
		goto out;
	hs->step++;
out:
	if (r != 0) {
		*plen = 0;
		noise_hs_fail(hs);
	}
	return r;
}

/* True once all three messages have been processed. */
int
noise_hs_done(const struct noise_hs *hs)
{
	return !hs->failed && hs->step == 3;
}

/* Split(): one CipherState per direction, assigned by role. */
int
noise_hs_split(struct noise_hs *hs, struct noise_cipher *send,
    struct noise_cipher *recv)
{
	uint8_t				 k1[NOISE_HASH_LEN], k2[NOISE_HASH_LEN];
	struct noise_cipher		*c1, *c2;
	int				 r;

	if (!noise_hs_done(hs))
		return SUS_ERR_STATE;
	if ((r = noise_hkdf(hs->ck, NULL, 0, k1, k2, NULL)) != 0)
		goto out;
	/* c1 carries initiator to responder, c2 the other way. */
	c1 = hs->role == NOISE_INITIATOR ? send : recv;
	c2 = hs->role == NOISE_INITIATOR ? recv : send;
	memset(send, 0, sizeof *send);
	memset(recv, 0, sizeof *recv);
	memcpy(c1->k, k1, sizeof k1);
	memcpy(c2->k, k2, sizeof k2);
	c1->has_key = c2->has_key = 1;
	/* Only h is kept for channel binding; the rest is done with. */
	sodium_memzero(hs->ck, sizeof hs->ck);
	noise_cipher_clear(&hs->cs);
	sodium_memzero(hs->e_priv, sizeof hs->e_priv);
	sodium_memzero(hs->s_priv, sizeof hs->s_priv);
out:
	sodium_memzero(k1, sizeof k1);
	sodium_memzero(k2, sizeof k2);
	if (r != 0)
		noise_hs_fail(hs);
	return r;
}

/* The peer's static public key, or NULL if not yet received. */
const uint8_t *
noise_hs_remote_static(const struct noise_hs *hs)
{
	if (hs->failed || !hs->have_rs)
		return NULL;
	return hs->rs;
}

/* Copies the handshake hash h. */
void
noise_hs_hash(const struct noise_hs *hs, uint8_t h[NOISE_HASH_LEN])
{
	memcpy(h, hs->h, NOISE_HASH_LEN);
}

/* Wipes every secret in the handshake state. */
void
noise_hs_clear(struct noise_hs *hs)
{
	sodium_memzero(hs, sizeof *hs);
}

/* Encrypts ptlen bytes with the next nonce (ENCRYPT in Noise §5.1). */
int
noise_cipher_encrypt(struct noise_cipher *c, const uint8_t *ad, size_t adlen,
    const uint8_t *pt, size_t ptlen, uint8_t *out, size_t outmax,
    size_t *outlen)
{
	uint8_t			nonce[NOISE_NONCE_LEN];
	unsigned long long	clen;

	*outlen = 0;
	if (c->failed || !c->has_key)
		return SUS_ERR_STATE;
	if (c->n == NOISE_NONCE_MAX)
		return SUS_ERR_NONCE;
	if (ptlen > NOISE_MSG_MAX - NOISE_TAG_LEN ||
	    ptlen + NOISE_TAG_LEN > outmax)
		return SUS_ERR_NO_SPACE;
	noise_nonce(c->n, nonce);
	if (crypto_aead_chacha20poly1305_ietf_encrypt(out, &clen, pt, ptlen,
	    ad, adlen, NULL, nonce, c->k) != 0) {
		c->failed = 1;
		return SUS_ERR_INTERNAL;
	}
	c->n++;
	*outlen = (size_t)clen;
	return 0;
}

/* Decrypts and authenticates; any failure poisons the cipher. */
int
noise_cipher_decrypt(struct noise_cipher *c, const uint8_t *ad, size_t adlen,
    const uint8_t *ct, size_t ctlen, uint8_t *out, size_t outmax,
    size_t *outlen)
{
	uint8_t			nonce[NOISE_NONCE_LEN];
	unsigned long long	plen;
	int			r;

	*outlen = 0;
	if (c->failed || !c->has_key)
		return SUS_ERR_STATE;
	if (c->n == NOISE_NONCE_MAX) {
		r = SUS_ERR_NONCE;
		goto fail;
	}
	if (ctlen < NOISE_TAG_LEN || ctlen > NOISE_MSG_MAX) {
		r = SUS_ERR_DECRYPT;
		goto fail;
	}
	if (ctlen - NOISE_TAG_LEN > outmax) {
		r = SUS_ERR_NO_SPACE;
		goto fail;
	}
	noise_nonce(c->n, nonce);
	if (crypto_aead_chacha20poly1305_ietf_decrypt(out, &plen, NULL, ct,
	    ctlen, ad, adlen, nonce, c->k) != 0) {
		r = SUS_ERR_DECRYPT;
		goto fail;
	}
	c->n++;
	*outlen = (size_t)plen;
	return 0;
fail:
	/* No retry and no nonce increment: the state is dead. */
	noise_cipher_clear(c);
	c->failed = 1;
	return r;
}

#ifdef SUS_TEST_HOOKS
/* Test hook: sets the next nonce. */
void
noise_cipher_set_nonce(struct noise_cipher *c, uint64_t n)
{
	c->n = n;
}
#endif

/* Wipes a cipher state. */
void
noise_cipher_clear(struct noise_cipher *c)
{
	sodium_memzero(c, sizeof *c);
}
