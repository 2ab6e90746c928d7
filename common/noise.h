/*
 * Noise_XX_25519_ChaChaPoly_SHA256 (Noise revision 34), written token by
 * token on libsodium primitives. Only the XX pattern exists here.
 */
#ifndef SUS_NOISE_H
#define SUS_NOISE_H

#include <stddef.h>
#include <stdint.h>

#define NOISE_KEY_LEN	32
#define NOISE_HASH_LEN	32
#define NOISE_TAG_LEN	16
#define NOISE_MSG_MAX	65535

/* A CipherState: key, counter nonce, and whether it is still usable. */
struct noise_cipher {
	uint8_t		k[NOISE_KEY_LEN];
	uint64_t	n;
	int		has_key;
	int		failed;		/* a failure poisons it for good */
};

enum noise_role {
	NOISE_INITIATOR,
	NOISE_RESPONDER
};

struct noise_hs {
	enum noise_role		role;
	int			step;		/* next message index, 0..3 */
	uint8_t			ck[NOISE_HASH_LEN];
	uint8_t			h[NOISE_HASH_LEN];
	struct noise_cipher	cs;
	uint8_t			s_priv[NOISE_KEY_LEN];
	uint8_t			s_pub[NOISE_KEY_LEN];
	uint8_t			e_priv[NOISE_KEY_LEN];
	uint8_t			e_pub[NOISE_KEY_LEN];
	uint8_t			re[NOISE_KEY_LEN];
	uint8_t			rs[NOISE_KEY_LEN];
	int			have_rs;
	int			failed;
};

/* Derives the public key for an X25519 private key. */
int	noise_pubkey(const uint8_t priv[NOISE_KEY_LEN],
	    uint8_t pub[NOISE_KEY_LEN]);
/* Generates a fresh X25519 key pair. */
int	noise_keypair(uint8_t priv[NOISE_KEY_LEN], uint8_t pub[NOISE_KEY_LEN]);

/*
 * Starts a handshake. e_priv is NULL in real use (a fresh ephemeral is
 * generated); tests inject a fixed one to reproduce published vectors.
 */
int	noise_hs_init(struct noise_hs *, enum noise_role,
	    const uint8_t *prologue, size_t plen,
	    const uint8_t s_priv[NOISE_KEY_LEN], const uint8_t *e_priv);
/* Writes the next handshake message carrying payload into out. */
int	noise_hs_write(struct noise_hs *, const uint8_t *payload, size_t plen,
	    uint8_t *out, size_t outmax, size_t *outlen);
/* Reads the next handshake message, decrypting its payload into payload. */
int	noise_hs_read(struct noise_hs *, const uint8_t *msg, size_t mlen,
	    uint8_t *payload, size_t pmax, size_t *plen);
/* True once all three messages have been processed. */
int	noise_hs_done(const struct noise_hs *);
/*
 * Splits into one CipherState per direction, assigned by role: send is
 * what this side encrypts with, recv what it decrypts with.
 */
int	noise_hs_split(struct noise_hs *, struct noise_cipher *send,
	    struct noise_cipher *recv);
/* The peer's static public key, or NULL if not yet received. */
const uint8_t *noise_hs_remote_static(const struct noise_hs *);
/* Copies the handshake hash h (channel binding, session id). */
void	noise_hs_hash(const struct noise_hs *, uint8_t h[NOISE_HASH_LEN]);
/* Wipes every secret in the handshake state. */
void	noise_hs_clear(struct noise_hs *);

/*
 * Encrypts ptlen bytes with the next nonce; out receives ptlen + 16 bytes.
 * Fails with SUS_ERR_NONCE when n reaches 2^64 - 1.
 */
int	noise_cipher_encrypt(struct noise_cipher *, const uint8_t *ad,
	    size_t adlen, const uint8_t *pt, size_t ptlen, uint8_t *out,
	    size_t outmax, size_t *outlen);
/* Decrypts and authenticates; any failure poisons the cipher. */
int	noise_cipher_decrypt(struct noise_cipher *, const uint8_t *ad,
	    size_t adlen, const uint8_t *ct, size_t ctlen, uint8_t *out,
	    size_t outmax, size_t *outlen);
#ifdef SUS_TEST_HOOKS
/* Test hook: sets the next nonce; only in test builds. */
void	noise_cipher_set_nonce(struct noise_cipher *, uint64_t);
#endif
void	noise_cipher_clear(struct noise_cipher *);

#endif
