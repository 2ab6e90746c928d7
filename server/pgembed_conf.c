/*
 * The embedded cluster's files: its directories, created or repaired with
 * the right owner and mode, and the configuration and authentication files
 * susd writes at every start: data/sus.conf, the hba file and ident map it
 * names, and the line that makes postgresql.conf include sus.conf.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "log.h"
#include "pgembed.h"
#include "pgembed_int.h"
#include "xmalloc.h"

/*
 * Settings written at every start, so a hand edit or a crash between
 * initdb and the first start can never leave the cluster on TCP or on
 * another authentication file. Terse errors and no failing statement in
 * the server log keep participant data that a constraint error would quote
 * (DETAIL: Key ...) out of the log. The socket itself is open to all: the
 * session account is no member of the owner's group, the directory above
 * it decides who reaches it and peer authentication who gets in.
 */
static const char *pgembed_settings =
	"# Written by susd at every start; edits here are lost.\n"
	"listen_addresses = ''\n"
	"port = " PGEMBED_PORT "\n"
	"unix_socket_permissions = 0777\n"
	"log_error_verbosity = terse\n"
	"log_min_error_statement = panic\n";

/*
 * Peer authentication on the socket and nothing else: no TCP line, no
 * replication, and a role only for the accounts the map pairs it with.
 */
static const char *pgembed_hba =
	"# Written by susd at every start; edits here are lost.\n"
	"# TYPE\tDATABASE\tUSER\tMETHOD\n"
	"local\tall\t" PGEMBED_SUPERUSER "\tpeer map=sus\n"
	"local\tsus\t" PGEMBED_APP_ROLE "\tpeer map=sus\n";

static const char *pgembed_include = "include = 'sus.conf'\n";

/*
 * Creates directory path (if missing) owned by u and group gid (when we
 * are root) with the given mode.
 */
int
pgembed_mkdir(const char *path, const struct pgembed_user *u, gid_t gid,
    mode_t mode)
{
	struct stat	st;
	int		fd, r = SUS_ERR_SYSTEM;

	if (mkdir(path, mode) == -1 && errno != EEXIST) {
		log_error("mkdir %s: %s", path, strerror(errno));
		return SUS_ERR_SYSTEM;
	}
	/*
	 * Work on an open descriptor, never the path again: a symlink
	 * planted in place of our directory is refused by O_NOFOLLOW, and
	 * nothing can be swapped in between the check and the chown.
	 */
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1) {
		/* ELOOP/ENOTDIR: a link or a file where our directory goes. */
		log_error("open %s: %s", path, errno == ELOOP ?
		    "a symbolic link, not a directory" : strerror(errno));
		goto out;
	}
	if (fstat(fd, &st) == -1 || !S_ISDIR(st.st_mode)) {
		log_error("%s: not a directory", path);
		goto out;
	}
	if (u->drop && (st.st_uid != u->uid || st.st_gid != gid) &&
	    fchown(fd, u->uid, gid) == -1) {
		log_error("chown %s: %s", path, strerror(errno));
		goto out;
	}
	if ((st.st_mode & 07777) != mode && fchmod(fd, mode) == -1) {
		log_error("chmod %s: %s", path, strerror(errno));
		goto out;
	}
	r = 0;
out:
	if (fd != -1)
		close(fd);
	return r;
}

/* Opens path for appending, owned by u, creating it with mode 0600. */
int
pgembed_open_owned(const char *path, const struct pgembed_user *u, int flags)
{
	int	fd;

	fd = open(path, flags | O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1) {
		log_error("open %s: %s", path, strerror(errno));
		return -1;
	}
	if (u->drop && fchown(fd, u->uid, u->gid) == -1) {
		log_error("chown %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* Writes all of s to fd. */
static int
pgembed_write(int fd, const char *s)
{
	size_t	len = strlen(s);
	ssize_t	n;

	while (len > 0) {
		if ((n = write(fd, s, len)) == -1) {
			if (errno == EINTR)
				continue;
			return SUS_ERR_SYSTEM;
		}
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Replaces path with text through a temporary file owned by u. */
static int
pgembed_put(const char *path, const struct pgembed_user *u, const char *text)
{
	char	tmp[PGEMBED_PATH_MAX];
	int	fd;

	if (pgembed_fmt(tmp, sizeof tmp, "%s%s", path, ".tmp") != 0)
		return SUS_ERR_NO_SPACE;
	/* The directory is the cluster owner's: create, never reuse. */
	(void)unlink(tmp);
	if ((fd = pgembed_open_owned(tmp, u, O_EXCL)) == -1)
		return SUS_ERR_SYSTEM;
	if (pgembed_write(fd, text) != 0 || fsync(fd) == -1) {
		log_error("write %s: %s", tmp, strerror(errno));
		close(fd);
		return SUS_ERR_SYSTEM;
	}
	if (close(fd) == -1 || rename(tmp, path) == -1) {
		log_error("rename %s: %s", tmp, strerror(errno));
		return SUS_ERR_SYSTEM;
	}
	return 0;
}

/*
 * Writes data/sus.conf, the hba and ident files it names, and makes
 * postgresql.conf include sus.conf. Done at every start, so a cluster made
 * by an older susd, which trusted every local connection, is converted.
 * u is the cluster's account and app the sessions' one.
 */
int
pgembed_configure(const struct pgembed_paths *pp,
    const struct pgembed_user *u, const struct pgembed_user *app)
{
	char	 path[PGEMBED_PATH_MAX], text[PGEMBED_PATH_MAX * 4];
	char	*conf = NULL;
	FILE	*f;
	long	 size;
	int	 n, fd = -1, rfd = -1, r = SUS_ERR_SYSTEM;

	n = snprintf(text, sizeof text,
	    "# Written by susd at every start; edits here are lost.\n"
	    "# MAP\tACCOUNT\tROLE\n"
	    "sus\troot\t" PGEMBED_SUPERUSER "\n"
	    "sus\t%s\t" PGEMBED_SUPERUSER "\n"
	    "sus\t%s\t" PGEMBED_APP_ROLE "\n", u->name, app->name);
	if (n < 0 || (size_t)n >= sizeof text)
		return SUS_ERR_NO_SPACE;
	if ((r = pgembed_put(pp->ident, u, text)) != 0 ||
	    (r = pgembed_put(pp->hba, u, pgembed_hba)) != 0)
		return r;
	n = snprintf(text, sizeof text, "%s"
	    "unix_socket_directories = '%s'\n"
	    "hba_file = '%s'\n"
	    "ident_file = '%s'\n", pgembed_settings, pp->sock, pp->hba,
	    pp->ident);
	if (n < 0 || (size_t)n >= sizeof text)
		return SUS_ERR_NO_SPACE;
	if (pgembed_fmt(path, sizeof path, "%s/%s", pp->data,
	    "sus.conf") != 0)
		return SUS_ERR_NO_SPACE;
	if ((r = pgembed_put(path, u, text)) != 0)
		return r;
	r = SUS_ERR_SYSTEM;

	if (pgembed_fmt(path, sizeof path, "%s/%s", pp->data,
	    "postgresql.conf") != 0)
		return SUS_ERR_NO_SPACE;
	/* The data directory is the cluster owner's: follow no link in it. */
	if ((rfd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1 ||
	    (f = fdopen(rfd, "r")) == NULL) {
		if (rfd != -1)
			close(rfd);
		log_error("open %s: %s", path, strerror(errno));
		goto out;
	}
	if (fseek(f, 0, SEEK_END) == -1 || (size = ftell(f)) < 0 ||
	    size > 1024 * 1024 || fseek(f, 0, SEEK_SET) == -1) {
		fclose(f);
		goto out;
	}
	conf = xmalloc((size_t)size + 1);
	if (fread(conf, 1, (size_t)size, f) != (size_t)size) {
		fclose(f);
		goto out;
	}
	conf[size] = '\0';
	fclose(f);
	if (strstr(conf, pgembed_include) == NULL) {
		/* Last, so our settings win over anything above. */
		if ((fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW |
		    O_CLOEXEC)) == -1 ||
		    pgembed_write(fd, "\n# susd\n") != 0 ||
		    pgembed_write(fd, pgembed_include) != 0 ||
		    fsync(fd) == -1) {
			log_error("append %s: %s", path, strerror(errno));
			goto out;
		}
	}
	r = 0;
out:
	if (fd != -1)
		close(fd);
	free(conf);
	return r;
}
