/*
 * Private declarations shared by the embedded cluster's files: pgembed.c
 * runs the cluster, pgembed_conf.c writes its directories and files.
 */
#ifndef SUS_PGEMBED_INT_H
#define SUS_PGEMBED_INT_H

#include <sys/types.h>

#include <stddef.h>

/* The port only names the socket file; nothing listens on TCP. */
#define PGEMBED_PORT		"5432"
#define PGEMBED_SOCKET_FILE	"/.s.PGSQL." PGEMBED_PORT
#define PGEMBED_MAX_GROUPS	64
#define PGEMBED_PATH_MAX	1024
/* The superuser initdb creates; the session role's name is in pgembed.h. */
#define PGEMBED_SUPERUSER	"postgres"

/* Who the child programs run as. */
struct pgembed_user {
	int	 drop;		/* we are root: switch to uid/gid */
	uid_t	 uid;
	gid_t	 gid;
	gid_t	 groups[PGEMBED_MAX_GROUPS];
	int	 ngroups;
	char	 name[64];	/* as peer authentication will see it */
};

/* The paths of one cluster, all absolute. */
struct pgembed_paths {
	char	 dir[PGEMBED_PATH_MAX];
	char	 data[PGEMBED_PATH_MAX];
	char	 sock[PGEMBED_PATH_MAX];
	char	 log[PGEMBED_PATH_MAX];
	char	 hba[PGEMBED_PATH_MAX];
	char	 ident[PGEMBED_PATH_MAX];
	char	 bindir[PGEMBED_PATH_MAX];
	char	 initdb[PGEMBED_PATH_MAX];
	char	 pg_ctl[PGEMBED_PATH_MAX];
};

/* Formats into buf, failing rather than truncating. */
int	pgembed_fmt(char *buf, size_t len, const char *fmt, const char *a,
	    const char *b);
/*
 * Creates directory path (if missing) owned by u and group gid (when we
 * are root) with the given mode.
 */
int	pgembed_mkdir(const char *path, const struct pgembed_user *u,
	    gid_t gid, mode_t mode);
/* Opens path for appending, owned by u, creating it with mode 0600. */
int	pgembed_open_owned(const char *path, const struct pgembed_user *u,
	    int flags);
/*
 * Writes data/sus.conf, the hba and ident files it names, and makes
 * postgresql.conf include sus.conf; u is the cluster's account and app
 * the sessions' one.
 */
int	pgembed_configure(const struct pgembed_paths *pp,
	    const struct pgembed_user *u, const struct pgembed_user *app);

#endif
