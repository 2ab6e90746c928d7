/*
 * The embedded default PostgreSQL cluster: when no database is configured
 * susd keeps a private cluster in <state_dir>/pg, reachable only through a
 * Unix socket in <state_dir>/pg/sock.
 *
 * dir is the cluster directory (data/, sock/ and log live in it); bindir
 * holds initdb, pg_ctl and postgres ("" or NULL: the highest
 * /usr/lib/postgresql/N/bin, else pg_config --bindir); run_as is the
 * account the cluster runs as when we are root (PostgreSQL refuses to run
 * as root) and is ignored otherwise.
 *
 * Connections are authenticated by peer: the superuser "postgres" only
 * from root and the cluster's account, the session role PGEMBED_APP_ROLE
 * (to database sus only) only from app_user, the account the sessions run
 * as. A normal user runs everything as itself and may be either.
 */
#ifndef SUS_PGEMBED_H
#define SUS_PGEMBED_H

#include <stddef.h>

/* The login role the sessions connect as; susd creates it. */
#define PGEMBED_APP_ROLE	"susd"

/*
 * Creates the cluster on first use, starts it unless it already runs,
 * creates database "sus" and writes the superuser conninfo for it into
 * conninfo. *started (if not NULL) says whether this call started the
 * server, so the caller knows whether to stop it again. app_user is the
 * account the sessions run as when we are root, ignored otherwise.
 */
int	pgembed_start(const char *dir, const char *bindir, const char *run_as,
	    const char *app_user, char *conninfo, size_t len, int *started);
/* Stops the cluster with a fast shutdown; 0 if it was not running. */
int	pgembed_stop(const char *dir, const char *bindir, const char *run_as);
/* Returns 1 if the cluster runs, 0 if not (or does not exist), or < 0. */
int	pgembed_status(const char *dir, const char *bindir, const char *run_as);

#endif
