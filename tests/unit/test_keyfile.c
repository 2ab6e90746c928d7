/*
 * Key file tests: round trip, permissions, truncated and garbage files,
 * and fingerprints.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "keyfile.h"
#include "noise.h"
#include "unit.h"

/* The base64 of bytes 1..32 up to its last group ("yA="). */
#define TK_K	"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eH"

static char	tk_dir[64];
static char	tk_path[128];

static void	tk_setup(void);
static void	tk_teardown(void);
static void	tk_put(const char *, const void *, size_t, mode_t);
static char	*tk_slurp(const char *, size_t *);
static Suite	*suite_keyfile(void);

/* Makes a private directory for one test's key files. */
static void
tk_setup(void)
{
	snprintf(tk_dir, sizeof tk_dir, "/tmp/sus-keyfile-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tk_dir));
	snprintf(tk_path, sizeof tk_path, "%s/key", tk_dir);
}

/* Removes the test directory and what the test left in it. */
static void
tk_teardown(void)
{
	char	p[160];

	unlink(tk_path);
	snprintf(p, sizeof p, "%s.pub", tk_path);
	unlink(p);
	rmdir(tk_dir);
}

/* Writes a file with exactly the given bytes and mode. */
static void
tk_put(const char *path, const void *data, size_t len, mode_t mode)
{
	int	fd;

	unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
	ck_assert_int_ne(fd, -1);
	ck_assert_int_eq(fchmod(fd, mode), 0);
	ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
	ck_assert_int_eq(close(fd), 0);
}

/* Reads a whole small file into a new string. */
static char *
tk_slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*s;

	s = calloc(1, 4096);
	ck_assert_ptr_nonnull(s);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	*len = fread(s, 1, 4095, f);
	fclose(f);
	return s;
}

START_TEST(test_keyfile_round_trip)
{
	uint8_t		priv[32], pub[32], priv2[32], pub2[32], k[32];
	char		pubpath[160], b64[45], *text;
	struct stat	st;
	size_t		len;

	ck_assert_int_eq(keyfile_load(tk_path, priv, pub), SUS_ERR_NOT_FOUND);
	ck_assert_int_eq(keyfile_generate(tk_path, priv, pub), 0);
	ck_assert_int_eq(stat(tk_path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0600);
	snprintf(pubpath, sizeof pubpath, "%s.pub", tk_path);
	ck_assert_int_eq(stat(pubpath, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0644);

	ck_assert_int_eq(keyfile_load(tk_path, priv2, pub2), 0);
	ck_assert_mem_eq(priv, priv2, 32);
	ck_assert_mem_eq(pub, pub2, 32);
	ck_assert_int_eq(noise_pubkey(priv, k), 0);
	ck_assert_mem_eq(k, pub, 32);

	/* The .pub file is "sus-x25519 <base64>" of the same key. */
	text = tk_slurp(pubpath, &len);
	keyfile_pub_b64(pub, b64, sizeof b64);
	ck_assert_uint_eq(strlen(b64), 44);
	ck_assert_uint_eq(len, strlen("sus-x25519 ") + 44 + 1);
	ck_assert_int_eq(strncmp(text, "sus-x25519 ", 11), 0);
	ck_assert_mem_eq(text + 11, b64, 44);
	ck_assert_int_eq(text[len - 1], '\n');
	ck_assert_int_eq(keyfile_parse_b64(b64, k), 0);
	ck_assert_mem_eq(k, pub, 32);
	free(text);

	/* Generating over an existing key never replaces it. */
	ck_assert_int_lt(keyfile_generate(tk_path, priv2, pub2), 0);
	ck_assert_int_eq(keyfile_load(tk_path, priv2, pub2), 0);
	ck_assert_mem_eq(pub, pub2, 32);
	/* And load_or_generate loads rather than makes a new one. */
	ck_assert_int_eq(keyfile_load_or_generate(tk_path, priv2, pub2), 0);
	ck_assert_mem_eq(pub, pub2, 32);
}
END_TEST

START_TEST(test_keyfile_load_or_generate)
{
	uint8_t	priv[32], pub[32], priv2[32], pub2[32];

	ck_assert_int_eq(keyfile_load_or_generate(tk_path, priv, pub), 0);
	ck_assert_int_eq(keyfile_load(tk_path, priv2, pub2), 0);
	ck_assert_mem_eq(priv, priv2, 32);
	ck_assert_mem_eq(pub, pub2, 32);
}
END_TEST

START_TEST(test_keyfile_permissions)
{
	static const mode_t	bad[] = { 0644, 0640, 0604, 0660, 0601,
				    0610, 0666, 0777 };
	uint8_t			priv[32], pub[32];
	size_t			i;

	ck_assert_int_eq(keyfile_generate(tk_path, priv, pub), 0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(chmod(tk_path, bad[i]), 0);
		ck_assert_int_eq(keyfile_load(tk_path, priv, pub),
		    SUS_ERR_KEY_PERM);
	}
	/* Owner-only modes are fine, so the mode was the reason. */
	ck_assert_int_eq(chmod(tk_path, 0400), 0);
	ck_assert_int_eq(keyfile_load(tk_path, priv, pub), 0);
	ck_assert_int_eq(chmod(tk_path, 0600), 0);
	ck_assert_int_eq(keyfile_load(tk_path, priv, pub), 0);
}
END_TEST

START_TEST(test_keyfile_truncated)
{
	uint8_t	 priv[32], pub[32];
	char	*text;
	size_t	 len, cut;

	ck_assert_int_eq(keyfile_generate(tk_path, priv, pub), 0);
	text = tk_slurp(tk_path, &len);
	ck_assert_uint_eq(len, strlen("sus-x25519-private ") + 44 + 1);
	/* Every cut but the one dropping just the newline is refused. */
	for (cut = 0; cut + 1 < len; cut++) {
		tk_put(tk_path, text, cut, 0600);
		ck_assert_int_eq(keyfile_load(tk_path, priv, pub),
		    SUS_ERR_KEY_FILE);
	}
	tk_put(tk_path, text, len - 1, 0600);
	ck_assert_int_eq(keyfile_load(tk_path, priv, pub), 0);
	free(text);
}
END_TEST

START_TEST(test_keyfile_garbage)
{
	static const char	*bad[] = {
		"sus-x25519 " TK_K "yA=\n",		/* a public key */
		"sus-x25519-private " TK_K "yA\n",	/* unpadded */
		"sus-x25519-private " TK_K "y==\n",	/* 31 bytes */
		"sus-x25519-private " TK_K "yA=\n\n",	/* a second line */
		"sus-x25519-private  " TK_K "yA=",	/* two spaces */
		"sus-x25519-private " TK_K "*A=\n",	/* not base64 */
		"sus-x25519-private " TK_K "yA=x",	/* trailing byte */
		"SUS-X25519-PRIVATE " TK_K "yA=\n",	/* wrong case */
		"-----BEGIN OPENSSH PRIVATE KEY-----\n",
		"",
	};
	const char	good[] = "sus-x25519-private " TK_K "yA=\n";
	uint8_t		priv[32], pub[32], big[600];
	size_t		i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		tk_put(tk_path, bad[i], strlen(bad[i]), 0600);
		ck_assert_msg(keyfile_load(tk_path, priv, pub) ==
		    SUS_ERR_KEY_FILE, "accepted bad key file %zu", i);
	}
	/* Binary garbage and an oversized file. */
	memset(big, 0xa5, sizeof big);
	tk_put(tk_path, big, sizeof big, 0600);
	ck_assert_int_eq(keyfile_load(tk_path, priv, pub), SUS_ERR_KEY_FILE);
	tk_put(tk_path, big, 20, 0600);
	ck_assert_int_eq(keyfile_load(tk_path, priv, pub), SUS_ERR_KEY_FILE);
	/* The well-formed file next to them loads. */
	tk_put(tk_path, good, strlen(good), 0600);
	ck_assert_int_eq(keyfile_load(tk_path, priv, pub), 0);
	ck_assert_int_eq(priv[0], 1);
	ck_assert_int_eq(priv[31], 32);
	/* A directory is not a key file. */
	unlink(tk_path);
	ck_assert_int_eq(mkdir(tk_path, 0700), 0);
	ck_assert_int_eq(keyfile_load(tk_path, priv, pub), SUS_ERR_KEY_FILE);
	ck_assert_int_eq(rmdir(tk_path), 0);
}
END_TEST

START_TEST(test_keyfile_fingerprint)
{
	uint8_t	pub[32], other[32];
	char	fp[KEYFILE_FP_LEN], fp2[KEYFILE_FP_LEN], tiny[10];
	int	i;

	for (i = 0; i < 32; i++)
		pub[i] = (uint8_t)(i + 1);
	keyfile_fingerprint(pub, fp, sizeof fp);
	/* Computed independently with Python's hashlib and base64. */
	ck_assert_str_eq(fp,
	    "SHA256:riFsLvUkejeCwTXvonmj5M3GEJQnD10r5YxiBLemEsk");
	ck_assert_uint_eq(strlen(fp), 7 + 43);
	keyfile_fingerprint(pub, fp2, sizeof fp2);
	ck_assert_str_eq(fp, fp2);
	memcpy(other, pub, sizeof other);
	other[31] ^= 1;
	keyfile_fingerprint(other, fp2, sizeof fp2);
	ck_assert_str_ne(fp, fp2);
	ck_assert_uint_eq(strlen(fp2), 50);
	/* Too small a buffer gives an empty string, not a cut fingerprint. */
	keyfile_fingerprint(pub, tiny, sizeof tiny);
	ck_assert_str_eq(tiny, "");
}
END_TEST

START_TEST(test_keyfile_parse_b64)
{
	uint8_t	k[32], pub[32];
	char	b64[45];
	int	i;

	for (i = 0; i < 32; i++)
		pub[i] = (uint8_t)(i + 1);
	keyfile_pub_b64(pub, b64, sizeof b64);
	ck_assert_str_eq(b64, "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
	ck_assert_int_eq(keyfile_parse_b64(b64, k), 0);
	ck_assert_mem_eq(k, pub, 32);
	ck_assert_int_lt(keyfile_parse_b64(
	    "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA", k), 0);
	ck_assert_int_lt(keyfile_parse_b64(
	    "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAh", k), 0);
	ck_assert_int_lt(keyfile_parse_b64(
	    "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eH=A=", k), 0);
	ck_assert_int_lt(keyfile_parse_b64("", k), 0);
}
END_TEST

/* Builds the key file suite. */
static Suite *
suite_keyfile(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("keyfile");
	tc = tcase_create("core");
	tcase_add_checked_fixture(tc, tk_setup, tk_teardown);
	tcase_add_test(tc, test_keyfile_round_trip);
	tcase_add_test(tc, test_keyfile_load_or_generate);
	tcase_add_test(tc, test_keyfile_permissions);
	tcase_add_test(tc, test_keyfile_truncated);
	tcase_add_test(tc, test_keyfile_garbage);
	tcase_add_test(tc, test_keyfile_fingerprint);
	tcase_add_test(tc, test_keyfile_parse_b64);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_keyfile)
