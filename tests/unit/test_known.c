/* Unit tests for the known_servers pin file. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "err.h"
#include "known.h"
#include "unit.h"

#define HOST		"sus.example.org:4646"
/* Standard base64 of the bytes 0, 1, ..., 31 (key k1 below). */
#define K1_B64		"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

static uint8_t	k1[32], k2[32], k3[32];
static char	b1[64], b2[64], b3[64];

/* Three distinct keys and their base64 forms. */
static void
kn_setup(void)
{
	int	i;

	for (i = 0; i < 32; i++) {
		k1[i] = (uint8_t)i;
		k2[i] = (uint8_t)(0xff - i);
		k3[i] = (uint8_t)(i * 7 + 3);
	}
	sodium_bin2base64(b1, sizeof b1, k1, 32,
	    sodium_base64_VARIANT_ORIGINAL);
	sodium_bin2base64(b2, sizeof b2, k2, 32,
	    sodium_base64_VARIANT_ORIGINAL);
	sodium_bin2base64(b3, sizeof b3, k3, 32,
	    sodium_base64_VARIANT_ORIGINAL);
}

/* known_check_text() on a C string. */
static int
kn_text(const char *text, const uint8_t *key)
{
	return known_check_text(text, strlen(text), HOST, key);
}

START_TEST(test_basic)
{
	char	t[512];

	kn_setup();
	ck_assert_str_eq(b1, K1_B64);
	ck_assert_int_eq(kn_text("", k1), KNOWN_NONE);
	ck_assert_int_eq(known_check_text(NULL, 0, HOST, k1), KNOWN_NONE);

	snprintf(t, sizeof t, "%s sus-x25519 %s\n", HOST, b1);
	ck_assert_int_eq(kn_text(t, k1), KNOWN_MATCH);
	ck_assert_int_eq(kn_text(t, k2), KNOWN_MISMATCH);
	ck_assert_int_eq(known_check_text(t, strlen(t), "sus.example.org:4647",
	    k1), KNOWN_NONE);
	ck_assert_int_eq(known_check_text(t, strlen(t), "sus.example.org",
	    k1), KNOWN_NONE);
	ck_assert_int_eq(known_check_text(t, strlen(t), "us.example.org:4646",
	    k1), KNOWN_NONE);
	ck_assert_int_eq(known_check_text(t, strlen(t), "SUS.Example.ORG:4646",
	    k1), KNOWN_MATCH);
	/* Only the given length counts: a key cut short fails closed. */
	ck_assert_int_eq(known_check_text(t, strlen(t) - 10, HOST, k1),
	    KNOWN_MISMATCH);
	ck_assert_int_eq(known_check_text(t, strlen(t), NULL, k1),
	    SUS_ERR_INVALID);
}
END_TEST

START_TEST(test_multiple)
{
	char	t[1024];

	kn_setup();
	snprintf(t, sizeof t,
	    "other:1 sus-x25519 %s\n"
	    "%s sus-x25519 %s\n"
	    "%s sus-x25519 %s\n", b1, HOST, b2, HOST, b3);
	ck_assert_int_eq(kn_text(t, k2), KNOWN_MATCH);
	ck_assert_int_eq(kn_text(t, k3), KNOWN_MATCH);
	/* k1 only belongs to another host. */
	ck_assert_int_eq(kn_text(t, k1), KNOWN_MISMATCH);
	ck_assert_int_eq(known_check_text(t, strlen(t), "other:1", k1),
	    KNOWN_MATCH);
	ck_assert_int_eq(known_check_text(t, strlen(t), "other:1", k2),
	    KNOWN_MISMATCH);
}
END_TEST

START_TEST(test_layout)
{
	char	t[1024];

	kn_setup();
	snprintf(t, sizeof t,
	    "# pinned by hand\r\n"
	    "\r\n"
	    "   \t\n"
	    "# %s sus-x25519 %s\n"
	    "\t %s\tsus-x25519   %s  the main server\r\n", HOST, b2, HOST, b1);
	ck_assert_int_eq(kn_text(t, k1), KNOWN_MATCH);
	/* The commented-out line pins nothing. */
	ck_assert_int_eq(kn_text(t, k2), KNOWN_MISMATCH);
	/* A last line without a newline still counts. */
	snprintf(t, sizeof t, "\n\n%s sus-x25519 %s", HOST, b1);
	ck_assert_int_eq(kn_text(t, k1), KNOWN_MATCH);
	snprintf(t, sizeof t, "%s sus-x25519 %s\r", HOST, b1);
	ck_assert_int_eq(kn_text(t, k1), KNOWN_MATCH);
}
END_TEST

START_TEST(test_malformed_lines)
{
	char		 t[512], b64[64];
	const char	*bad[8];
	size_t		 i;

	kn_setup();
	/* A malformed line for the host fails closed: never unknown. */
	bad[0] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";	/* no pad */
	bad[1] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8==";
	bad[2] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh*=";
	bad[3] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd";	/* short */
	bad[4] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==";	/* 31 */
	bad[5] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=AAAA";
	bad[6] = "_-_-AwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";	/* url */
	bad[7] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9=";	/* bits */
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(t, sizeof t, "%s sus-x25519 %s\n", HOST, bad[i]);
		ck_assert_msg(kn_text(t, k1) == KNOWN_MISMATCH,
		    "not a mismatch: %s", bad[i]);
	}
	snprintf(t, sizeof t, "%s\n%s sus-x25519\n%s %s\n", HOST, HOST, HOST,
	    b1);
	ck_assert_int_eq(kn_text(t, k1), KNOWN_MISMATCH);
	snprintf(t, sizeof t, "%s ssh-ed25519 %s\n", HOST, b1);
	ck_assert_int_eq(kn_text(t, k1), KNOWN_MISMATCH);
	snprintf(t, sizeof t, "%s sus-x25519x %s\n", HOST, b1);
	ck_assert_int_eq(kn_text(t, k1), KNOWN_MISMATCH);
	/* Malformed lines for other hosts are skipped. */
	snprintf(t, sizeof t, "other:1 sus-x25519\nother:1 x y\n");
	ck_assert_int_eq(kn_text(t, k1), KNOWN_NONE);
	snprintf(t, sizeof t, "%s:4646 sus-x25519 %s\n", HOST, b1);
	ck_assert_int_eq(kn_text(t, k1), KNOWN_NONE);
	/* A bad line does not hide a good one after it. */
	memcpy(b64, b1, sizeof b64);
	b64[3] = '!';
	snprintf(t, sizeof t, "%s sus-x25519 %s\n%s sus-x25519 %s\n", HOST,
	    b64, HOST, b1);
	ck_assert_int_eq(kn_text(t, k1), KNOWN_MATCH);
}
END_TEST

START_TEST(test_nul_bytes)
{
	char	t[512];
	size_t	len;

	kn_setup();
	/* A NUL spoils the whole line, even after a valid entry. */
	len = (size_t)snprintf(t, sizeof t, "%s sus-x25519 %s x\n", HOST, b1);
	t[len - 2] = '\0';
	ck_assert_int_eq(known_check_text(t, len, HOST, k1), KNOWN_NONE);
	/* ... but only that line. */
	len += (size_t)snprintf(t + len, sizeof t - len,
	    "%s sus-x25519 %s\n", HOST, b1);
	ck_assert_int_eq(known_check_text(t, len, HOST, k1), KNOWN_MATCH);
	/* A NUL inside the host name does not cut it short. */
	len = (size_t)snprintf(t, sizeof t, "%sX sus-x25519 %s\n", HOST, b1);
	t[strlen(HOST)] = '\0';
	ck_assert_int_eq(known_check_text(t, len, HOST, k1), KNOWN_NONE);
}
END_TEST

START_TEST(test_overlong)
{
	char	*t, entry[256];
	size_t	 elen, len, pad;

	kn_setup();
	elen = (size_t)snprintf(entry, sizeof entry, "%s sus-x25519 %s",
	    HOST, b1);
	t = malloc(65536);
	ck_assert_ptr_nonnull(t);

	/* A valid entry padded with a comment to exactly 1024 bytes. */
	pad = 1024 - elen;
	memcpy(t, entry, elen);
	memset(t + elen, ' ', pad);
	t[1023] = 'c';
	ck_assert_int_eq(known_check_text(t, 1024, HOST, k1), KNOWN_MATCH);
	t[1024] = '\n';
	ck_assert_int_eq(known_check_text(t, 1025, HOST, k1), KNOWN_MATCH);
	/* One byte more and the whole line is skipped. */
	memset(t + elen, ' ', pad + 1);
	t[1024] = 'c';
	t[1025] = '\n';
	ck_assert_int_eq(known_check_text(t, 1026, HOST, k1), KNOWN_NONE);

	/* The tail of an overlong line is not read as a line of its own. */
	memset(t, 'A', 5000);
	t[5000] = ' ';
	memcpy(t + 5001, entry, elen);
	len = 5001 + elen;
	t[len++] = '\n';
	ck_assert_int_eq(known_check_text(t, len, HOST, k1), KNOWN_NONE);
	/* The line after it is read again. */
	memcpy(t + len, entry, elen);
	len += elen;
	ck_assert_int_eq(known_check_text(t, len, HOST, k1), KNOWN_MATCH);
	free(t);
}
END_TEST

START_TEST(test_random_garbage)
{
	uint8_t		*t;
	uint32_t	 x = 12345;
	size_t		 i, n = 1 << 16;
	int		 r;

	kn_setup();
	t = malloc(n);
	ck_assert_ptr_nonnull(t);
	for (i = 0; i < n; i++) {
		x = x * 1103515245 + 12345;
		t[i] = (uint8_t)(x >> 16);
		/* Plenty of line breaks and spaces so every path runs. */
		if (t[i] % 13 == 0)
			t[i] = '\n';
		else if (t[i] % 11 == 0)
			t[i] = ' ';
	}
	r = known_check_text((char *)t, n, HOST, k1);
	ck_assert_int_eq(r, KNOWN_NONE);
	free(t);
}
END_TEST

/* A fresh directory for one test's files. */
static void
kn_tmpdir(char *dir, size_t len)
{
	snprintf(dir, len, "/tmp/sus-known-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Reads a whole small file into buf as a string. */
static void
kn_slurp(const char *path, char *buf, size_t len)
{
	FILE	*fp;
	size_t	 n;

	fp = fopen(path, "r");
	ck_assert_ptr_nonnull(fp);
	n = fread(buf, 1, len - 1, fp);
	buf[n] = '\0';
	fclose(fp);
}

START_TEST(test_file)
{
	char		dir[64], sub[128], path[192], want[256], got[1024];
	struct stat	st;

	kn_setup();
	kn_tmpdir(dir, sizeof dir);
	snprintf(sub, sizeof sub, "%s/config/sus", dir);
	snprintf(path, sizeof path, "%s/known_servers", sub);

	ck_assert_int_eq(known_check(path, HOST, k1), KNOWN_NONE);
	ck_assert_int_eq(known_add(path, HOST, k1), 0);
	ck_assert_int_eq(stat(sub, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	kn_slurp(path, got, sizeof got);
	snprintf(want, sizeof want, "%s sus-x25519 %s\n", HOST, K1_B64);
	ck_assert_str_eq(got, want);

	ck_assert_int_eq(known_check(path, HOST, k1), KNOWN_MATCH);
	ck_assert_int_eq(known_check(path, HOST, k2), KNOWN_MISMATCH);
	ck_assert_int_eq(known_check(path, "other:1", k1), KNOWN_NONE);
	ck_assert_int_eq(known_add(path, HOST, k2), 0);
	ck_assert_int_eq(known_check(path, HOST, k1), KNOWN_MATCH);
	ck_assert_int_eq(known_check(path, HOST, k2), KNOWN_MATCH);
	ck_assert_int_eq(known_check(path, HOST, k3), KNOWN_MISMATCH);

	/* A directory is not a pin file. */
	ck_assert_int_eq(known_check(sub, HOST, k1), SUS_ERR_SYSTEM);

	unlink(path);
	rmdir(sub);
	snprintf(sub, sizeof sub, "%s/config", dir);
	rmdir(sub);
	rmdir(dir);
}
END_TEST

START_TEST(test_add_no_newline)
{
	char	dir[64], path[128], got[1024], want[512];
	FILE	*fp;

	kn_setup();
	kn_tmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/known_servers", dir);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fprintf(fp, "other:1 sus-x25519 %s", b2);
	fclose(fp);
	ck_assert_int_eq(known_add(path, HOST, k1), 0);
	kn_slurp(path, got, sizeof got);
	snprintf(want, sizeof want, "other:1 sus-x25519 %s\n%s sus-x25519 %s\n",
	    b2, HOST, b1);
	ck_assert_str_eq(got, want);
	ck_assert_int_eq(known_check(path, HOST, k1), KNOWN_MATCH);
	ck_assert_int_eq(known_check(path, "other:1", k2), KNOWN_MATCH);
	unlink(path);
	rmdir(dir);
}
END_TEST

START_TEST(test_add_bad_host)
{
	char	dir[64], path[128], big[400];

	kn_setup();
	kn_tmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/known_servers", dir);
	ck_assert_int_eq(known_add(path, "", k1), SUS_ERR_INVALID);
	ck_assert_int_eq(known_add(path, "a b:1", k1), SUS_ERR_INVALID);
	ck_assert_int_eq(known_add(path, "#host:1", k1), SUS_ERR_INVALID);
	ck_assert_int_eq(known_add(path, "host:1\n", k1), SUS_ERR_INVALID);
	memset(big, 'h', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ck_assert_int_eq(known_add(path, big, k1), SUS_ERR_INVALID);
	/* Nothing was written. */
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_int_eq(errno, ENOENT);
	rmdir(dir);
}
END_TEST

START_TEST(test_big_file)
{
	char	dir[64], path[128];
	FILE	*fp;
	int	i;

	kn_setup();
	kn_tmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/known_servers", dir);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	/* Lines straddle every read chunk boundary on the way. */
	for (i = 0; i < 2000; i++)
		fprintf(fp, "host%d:%d sus-x25519 %s\n", i, i, b2);
	fclose(fp);
	ck_assert_int_eq(known_check(path, HOST, k1), KNOWN_NONE);
	ck_assert_int_eq(known_check(path, "host1999:1999", k2), KNOWN_MATCH);
	ck_assert_int_eq(known_check(path, "host777:777", k1), KNOWN_MISMATCH);
	ck_assert_int_eq(known_add(path, HOST, k1), 0);
	ck_assert_int_eq(known_check(path, HOST, k1), KNOWN_MATCH);
	unlink(path);
	rmdir(dir);
}
END_TEST

/* The known_servers suite. */
static Suite *
suite_known(void)
{
	Suite	*s = suite_create("known");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_basic);
	tcase_add_test(tc, test_multiple);
	tcase_add_test(tc, test_layout);
	tcase_add_test(tc, test_malformed_lines);
	tcase_add_test(tc, test_nul_bytes);
	tcase_add_test(tc, test_overlong);
	tcase_add_test(tc, test_random_garbage);
	tcase_add_test(tc, test_file);
	tcase_add_test(tc, test_add_no_newline);
	tcase_add_test(tc, test_add_bad_host);
	tcase_add_test(tc, test_big_file);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_known)
