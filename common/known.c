/*
 * known_servers: the client's pinned server keys. The file is read through
 * a fixed line buffer so that no file, however hostile, makes us allocate;
 * a line we cannot understand is skipped, never fatal, as ssh does with
 * known_hosts.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sodium.h>

#include "err.h"
#include "known.h"

/*
 * Longest line we look at: a host name (at most 253 bytes), a port, the key
 * type and 44 base64 characters fit with room for a comment.
 */
#define KNOWN_LINE_MAX	1024
/* The only key type there is; the field leaves room for others later. */
#define KNOWN_KEY_TYPE	"sus-x25519"
/* Base64 with padding of a 32-byte key. */
#define KNOWN_B64_LEN	44
/* Bytes read from the file at a time. */
#define KNOWN_READ_CHUNK	4096

/* The state of one scan: the line being collected and what was found. */
struct known_scan {
	char		 line[KNOWN_LINE_MAX];
	size_t		 len;
	int		 overlong;	/* skipping to the end of this line */
	const char	*hostport;
	size_t		 hostlen;
	const uint8_t	*key;
	int		 seen;		/* the host has a well-formed entry */
	int		 matched;	/* one of them has this key */
};

/* Returns 1 for the field separators: space and tab. */
static int
known_space(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Cuts the next field from *p (up to end) and returns its length, leaving
 * *start at its first byte; 0 when there is none.
 */
static size_t
known_field(const char **p, const char *end, const char **start)
{
	const char	*s = *p;

	while (s < end && known_space(*s))
		s++;
	*start = s;
	while (s < end && !known_space(*s))
		s++;
	*p = s;
	return (size_t)(s - *start);
}

/* Judges one complete line against the host and key of the scan. */
static void
known_line(struct known_scan *ks, const char *line, size_t len)
{
	const char	*p, *end, *host, *type, *b64, *b64end;
	size_t		 hlen, tlen, blen, binlen;
	uint8_t		 bin[32];

	/* Files edited on Windows end lines with CRLF. */
	if (len > 0 && line[len - 1] == '\r')
		len--;
	/*
	 * A NUL would make the line read differently to anything treating it
	 * as a C string, so such a line is garbage as a whole.
	 */
	if (memchr(line, '\0', len) != NULL)
		return;
	p = line;
	end = line + len;
	hlen = known_field(&p, end, &host);
	if (hlen == 0 || host[0] == '#')
		return;
	/* Host names are case-insensitive; the port is digits either way. */
	if (hlen != ks->hostlen || strncasecmp(host, ks->hostport, hlen) != 0)
		return;
	/*
	 * From here the line is about our host. One we cannot read fails
	 * closed: it counts as a different key, so a damaged pin (or one in
	 * the system file) never falls back to trust on first use.
	 */
	ks->seen = 1;
	tlen = known_field(&p, end, &type);
	blen = known_field(&p, end, &b64);
	/* Anything after the key is a comment, as in known_hosts. */
	if (tlen == 0 || blen == 0)
		return;
	if (tlen != strlen(KNOWN_KEY_TYPE) ||
	    memcmp(type, KNOWN_KEY_TYPE, tlen) != 0)
		return;
	if (blen != KNOWN_B64_LEN)
		return;
	if (sodium_base642bin(bin, sizeof bin, b64, blen, NULL, &binlen,
	    &b64end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    binlen != sizeof bin || b64end != b64 + blen)
		goto out;
	if (sodium_memcmp(bin, ks->key, sizeof bin) == 0)
		ks->matched = 1;
out:
	sodium_memzero(bin, sizeof bin);
}

/* Feeds bytes to the scan, judging each line as it completes. */
static void
known_feed(struct known_scan *ks, const char *data, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (data[i] == '\n') {
			if (!ks->overlong)
				known_line(ks, ks->line, ks->len);
			ks->len = 0;
			ks->overlong = 0;
			continue;
		}
		if (ks->overlong)
			continue;
		if (ks->len == sizeof ks->line) {
			/* Too long to be ours: drop it up to its newline. */
			ks->overlong = 1;
			continue;
		}
		ks->line[ks->len++] = data[i];
	}
}

/* Judges a last line without a newline and gives the verdict. */
static int
known_finish(struct known_scan *ks)
{
	if (ks->len > 0 && !ks->overlong)
		known_line(ks, ks->line, ks->len);
	ks->len = 0;
	if (ks->matched)
		return KNOWN_MATCH;
	return ks->seen ? KNOWN_MISMATCH : KNOWN_NONE;
}

/* Sets up a scan for hostport and key; fails on an unusable host. */
static int
known_start(struct known_scan *ks, const char *hostport, const uint8_t *key)
{
	memset(ks, 0, sizeof *ks);
	if (hostport == NULL || key == NULL)
		return SUS_ERR_INVALID;
	ks->hostport = hostport;
	ks->hostlen = strlen(hostport);
	ks->key = key;
	return 0;
}

/* Looks up hostport in an in-memory text. */
int
known_check_text(const char *text, size_t len, const char *hostport,
    const uint8_t key[32])
{
	struct known_scan	ks;
	int			r;

	if ((r = known_start(&ks, hostport, key)) != 0)
		return r;
	if (text != NULL)
		known_feed(&ks, text, len);
	return known_finish(&ks);
}

/* Looks up hostport in the file at path; a missing file knows no one. */
int
known_check(const char *path, const char *hostport, const uint8_t key[32])
{
	struct known_scan	ks;
	char			buf[KNOWN_READ_CHUNK];
	ssize_t			n;
	int			fd = -1, r;

	if ((r = known_start(&ks, hostport, key)) != 0)
		goto out;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		r = errno == ENOENT ? KNOWN_NONE : SUS_ERR_SYSTEM;
		goto out;
	}
	for (;;) {
		n = read(fd, buf, sizeof buf);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			r = SUS_ERR_SYSTEM;
			goto out;
		}
		if (n == 0)
			break;
		known_feed(&ks, buf, (size_t)n);
	}
	r = known_finish(&ks);
out:
	if (fd != -1)
		close(fd);
	return r;
}

/* Creates every missing directory leading to the file path, mode 0700. */
static int
known_mkdirs(const char *path)
{
	char	dir[PATH_MAX];
	size_t	len, i;

	len = strlen(path);
	if (len >= sizeof dir)
		return SUS_ERR_INVALID;
	memcpy(dir, path, len + 1);
	/* Walk each '/' after the first byte; the last part is the file. */
	for (i = 1; i < len; i++) {
		if (dir[i] != '/')
			continue;
		dir[i] = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST)
			return SUS_ERR_SYSTEM;
		dir[i] = '/';
	}
	return 0;
}

/*
 * Returns 1 when hostport can be written as the first field: it must read
 * back as one field, not as a comment, and be short enough to read back.
 */
static int
known_host_ok(const char *hostport)
{
	size_t	i, len;

	len = strlen(hostport);
	if (len == 0 || len > 300 || hostport[0] == '#')
		return 0;
	for (i = 0; i < len; i++) {
		if ((unsigned char)hostport[i] <= ' ' || hostport[i] == 0x7f)
			return 0;
	}
	return 1;
}

/* Appends an entry for hostport, creating the file and its directory. */
int
known_add(const char *path, const char *hostport, const uint8_t key[32])
{
	char		 line[KNOWN_LINE_MAX], b64[KNOWN_B64_LEN + 1];
	const char	*p;
	struct stat	 st;
	size_t		 len;
	ssize_t		 n;
	char		 last;
	int		 fd = -1, r, nl = 0;

	if (path == NULL || hostport == NULL || key == NULL ||
	    !known_host_ok(hostport))
		return SUS_ERR_INVALID;
	if ((r = known_mkdirs(path)) != 0)
		goto out;
	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd == -1 || fstat(fd, &st) == -1) {
		r = SUS_ERR_SYSTEM;
		goto out;
	}
	/* A hand-edited file may lack its last newline; don't glue onto it. */
	if (st.st_size > 0) {
		if (pread(fd, &last, 1, st.st_size - 1) != 1) {
			r = SUS_ERR_SYSTEM;
			goto out;
		}
		nl = last != '\n';
	}
	sodium_bin2base64(b64, sizeof b64, key, 32,
	    sodium_base64_VARIANT_ORIGINAL);
	len = (size_t)snprintf(line, sizeof line, "%s%s %s %s\n",
	    nl ? "\n" : "", hostport, KNOWN_KEY_TYPE, b64);
	if (len >= sizeof line) {
		r = SUS_ERR_INVALID;
		goto out;
	}
	/* One write so concurrent clients append whole lines. */
	for (p = line; len > 0; p += n, len -= (size_t)n) {
		n = write(fd, p, len);
		if (n == -1 && errno == EINTR) {
			n = 0;
			continue;
		}
		if (n <= 0) {
			r = SUS_ERR_SYSTEM;
			goto out;
		}
	}
	r = close(fd) == 0 ? 0 : SUS_ERR_SYSTEM;
	fd = -1;
out:
	if (fd != -1)
		close(fd);
	return r;
}
