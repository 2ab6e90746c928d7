/*
 * X25519 key files: one line of text each, the private one readable by
 * its owner only, and ssh-style fingerprints of public keys.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "err.h"
#include "keyfile.h"
#include "noise.h"

#define KEYFILE_PRIV_TAG	"sus-x25519-private "
#define KEYFILE_PUB_TAG		"sus-x25519 "
#define KEYFILE_B64_LEN		44	/* padded base64 of 32 bytes */
/* A key file is one short line; anything longer is not ours. */
#define KEYFILE_MAX		128

static int	keyfile_write(const char *, int, mode_t, const char *,
		    const uint8_t *);
static int	keyfile_read(int, char *, size_t, size_t *);

/*
 * Writes "tag base64(key)\n" to a file opened with flags and mode. A file
 * this call created is removed again if writing it fails; errno is kept
 * for the caller (EEXIST tells a lost creation race).
 */
static int
keyfile_write(const char *path, int flags, mode_t mode, const char *tag,
    const uint8_t *key)
{
	char	line[KEYFILE_MAX], b64[KEYFILE_B64_LEN + 1];
	size_t	len, off = 0;
	ssize_t	n;
	int	fd, r = SUS_ERR_SYSTEM, saved;

	keyfile_pub_b64(key, b64, sizeof b64);
	len = (size_t)snprintf(line, sizeof line, "%s%s\n", tag, b64);
	sodium_memzero(b64, sizeof b64);
	if ((fd = open(path, flags | O_WRONLY | O_NOFOLLOW | O_CLOEXEC,
	    mode)) == -1)
		goto out;
	/* The umask may have taken bits away; make the mode exact. */
	if (fchmod(fd, mode) != 0)
		goto out;
	while (off < len) {
		n = write(fd, line + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto out;
		off += (size_t)n;
	}
	if (fsync(fd) != 0)
		goto out;
	r = 0;
out:
	saved = errno;
	if (fd != -1 && close(fd) != 0 && r == 0)
		r = SUS_ERR_SYSTEM;
	if (fd != -1 && r != 0)
		(void)unlink(path);
	sodium_memzero(line, sizeof line);
	errno = saved;
	return r;
}

/* Reads a whole small file; *len is its size, at most max - 1. */
static int
keyfile_read(int fd, char *buf, size_t max, size_t *len)
{
	ssize_t	n;

	*len = 0;
	for (;;) {
		n = read(fd, buf + *len, max - 1 - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return SUS_ERR_SYSTEM;
		if (n == 0)
			break;
		*len += (size_t)n;
		if (*len == max - 1)
			return SUS_ERR_KEY_FILE;
	}
	buf[*len] = '\0';
	return 0;
}

/* Loads a private key, refusing loose permissions and malformed files. */
int
keyfile_load(const char *path, uint8_t priv[32], uint8_t pub[32])
{
	struct stat	 st;
	char		 buf[KEYFILE_MAX], *b64;
	size_t		 len, tlen = sizeof KEYFILE_PRIV_TAG - 1;
	int		 fd, r;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1)
		return errno == ENOENT ? SUS_ERR_NOT_FOUND : SUS_ERR_SYSTEM;
	if (fstat(fd, &st) != 0) {
		r = SUS_ERR_SYSTEM;
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		r = SUS_ERR_KEY_FILE;
		goto out;
	}
	/* As sshd: a key others can read is a key that may be stolen. */
	if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		r = SUS_ERR_KEY_PERM;
		goto out;
	}
	if ((r = keyfile_read(fd, buf, sizeof buf, &len)) != 0)
		goto out;
	/* Exactly "tag base64\n"; a final newline is optional. */
	if (len > 0 && buf[len - 1] == '\n')
		buf[--len] = '\0';
	if (len != tlen + KEYFILE_B64_LEN ||
	    memcmp(buf, KEYFILE_PRIV_TAG, tlen) != 0) {
		r = SUS_ERR_KEY_FILE;
		goto out;
	}
	b64 = buf + tlen;
	if ((r = keyfile_parse_b64(b64, priv)) != 0) {
		r = SUS_ERR_KEY_FILE;
		goto out;
	}
	if ((r = noise_pubkey(priv, pub)) != 0)
		r = SUS_ERR_KEY_FILE;
out:
	sodium_memzero(buf, sizeof buf);
	if (r != 0)
		sodium_memzero(priv, 32);
	close(fd);
	return r;
}

/* Generates a key pair and writes path (0600, exclusive) and path.pub. */
int
keyfile_generate(const char *path, uint8_t priv[32], uint8_t pub[32])
{
	char	pubpath[4096], tmppath[4096];
	int	r, saved;

	if ((size_t)snprintf(pubpath, sizeof pubpath, "%s.pub", path) >=
	    sizeof pubpath ||
	    (size_t)snprintf(tmppath, sizeof tmppath, "%s.new", path) >=
	    sizeof tmppath)
		return SUS_ERR_INVALID;
	if ((r = noise_keypair(priv, pub)) != 0)
		goto out;
	/*
	 * Write aside, then link into place: a crash leaves no truncated
	 * key behind, and link() fails if the key appeared meanwhile, so
	 * an existing key is never replaced.
	 */
	(void)unlink(tmppath);
	if ((r = keyfile_write(tmppath, O_CREAT | O_EXCL, 0600,
	    KEYFILE_PRIV_TAG, priv)) != 0)
		goto out;
	if (link(tmppath, path) == -1) {
		saved = errno;
		(void)unlink(tmppath);
		errno = saved;
		r = SUS_ERR_SYSTEM;
		goto out;
	}
	(void)unlink(tmppath);
	/* The public half is derived; a stale one is simply replaced. */
	if ((r = keyfile_write(pubpath, O_CREAT | O_TRUNC, 0644,
	    KEYFILE_PUB_TAG, pub)) != 0)
		(void)unlink(path);
out:
	if (r != 0)
		sodium_memzero(priv, 32);
	return r;
}

/* Loads path, or generates it when it does not exist. */
int
keyfile_load_or_generate(const char *path, uint8_t priv[32],
    uint8_t pub[32])
{
	int	r;

	if ((r = keyfile_load(path, priv, pub)) != SUS_ERR_NOT_FOUND)
		return r;
	r = keyfile_generate(path, priv, pub);
	/* Someone else created it between our two calls: use theirs. */
	if (r == SUS_ERR_SYSTEM && errno == EEXIST)
		r = keyfile_load(path, priv, pub);
	return r;
}

/* Writes "SHA256:" + unpadded base64 of SHA-256(pub) into fp. */
void
keyfile_fingerprint(const uint8_t pub[32], char *fp, size_t len)
{
	uint8_t	h[crypto_hash_sha256_BYTES];
	char	b64[KEYFILE_FP_LEN];

	if (len == 0)
		return;
	fp[0] = '\0';
	crypto_hash_sha256(h, pub, 32);
	sodium_bin2base64(b64, sizeof b64, h, sizeof h,
	    sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
	if ((size_t)snprintf(fp, len, "SHA256:%s", b64) >= len)
		fp[0] = '\0';
}

/* Standard padded base64 of a key into out (at least 45 bytes). */
void
keyfile_pub_b64(const uint8_t pub[32], char *out, size_t len)
{
	if (len == 0)
		return;
	if (len < KEYFILE_B64_LEN + 1) {
		out[0] = '\0';
		return;
	}
	sodium_bin2base64(out, len, pub, 32, sodium_base64_VARIANT_ORIGINAL);
}

/* Parses standard padded base64 of exactly 32 bytes. */
int
keyfile_parse_b64(const char *s, uint8_t key[32])
{
	uint8_t		 tmp[33];
	size_t		 n;
	const char	*end;
	int		 r = SUS_ERR_FORMAT;

	/* One spare byte so that 33 decoded bytes are caught, not cut. */
	if (strlen(s) != KEYFILE_B64_LEN ||
	    sodium_base642bin(tmp, sizeof tmp, s, KEYFILE_B64_LEN, NULL, &n,
	    &end, sodium_base64_VARIANT_ORIGINAL) != 0)
		goto out;
	if (n != 32 || *end != '\0')
		goto out;
	memcpy(key, tmp, 32);
	r = 0;
out:
	sodium_memzero(tmp, sizeof tmp);
	return r;
}
