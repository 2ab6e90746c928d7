/*
 * X25519 key files and fingerprints.
 *
 * A private key file holds one line "sus-x25519-private <base64 of 32
 * bytes>" and must be mode 0600 (no group or other bits); a public key file
 * holds "sus-x25519 <base64 of 32 bytes>". A fingerprint is "SHA256:" and
 * unpadded base64 of the SHA-256 of the public key, as ssh prints them.
 */
#ifndef SUS_KEYFILE_H
#define SUS_KEYFILE_H

#include <stddef.h>
#include <stdint.h>

#define KEYFILE_FP_LEN	64	/* room for "SHA256:" + 43 chars + NUL */

/*
 * Loads a private key. Fails with SUS_ERR_KEY_PERM when the file is group-
 * or world-accessible and SUS_ERR_KEY_FILE when it is malformed or truncated.
 */
int	keyfile_load(const char *path, uint8_t priv[32], uint8_t pub[32]);
/*
 * Generates a key pair and writes path (mode 0600, created exclusively)
 * and path.pub.
 */
int	keyfile_generate(const char *path, uint8_t priv[32], uint8_t pub[32]);
/* Loads path, or generates it when it does not exist. */
int	keyfile_load_or_generate(const char *path, uint8_t priv[32],
	    uint8_t pub[32]);
/* Writes the fingerprint of pub into fp (KEYFILE_FP_LEN bytes). */
void	keyfile_fingerprint(const uint8_t pub[32], char *fp, size_t len);
/* Standard base64 of a public key, with padding, into out (≥ 45 bytes). */
void	keyfile_pub_b64(const uint8_t pub[32], char *out, size_t len);
/* Parses standard base64 of exactly 32 bytes. */
int	keyfile_parse_b64(const char *s, uint8_t key[32]);

#endif
