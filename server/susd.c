/*
 * susd: the sus server. Reads its configuration, brings up the database
 * (the embedded default cluster unless one is configured), applies
 * migrations, binds, drops privileges and serves one process per
 * connection. Operator commands (migrate, useradd, demo, keygen, pubkey)
 * share the same start-up.
 */
#include <sys/prctl.h>
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "err.h"
#include "keyfile.h"
#include "log.h"
#include "pgembed.h"
#include "susd.h"
#include "xmalloc.h"

#define SUSD_DEFAULT_CONF	"/etc/sus/susd.conf"

struct susd		 susd;
volatile sig_atomic_t	 susd_got_term;
volatile sig_atomic_t	 susd_got_hup;
volatile sig_atomic_t	 susd_got_chld;

static int		 susd_started_cluster;
static int		 susd_foreground_debug;
static char		**susd_opts;	/* -o overrides, re-applied on SIGHUP */
static int		 susd_nopts;

/* Signal handlers only set flags; the loops act on them. */
static void
susd_signal(int sig)
{
	if (sig == SIGTERM || sig == SIGINT)
		susd_got_term = 1;
	else if (sig == SIGHUP)
		susd_got_hup = 1;
	else if (sig == SIGCHLD)
		susd_got_chld = 1;
}

/* Installs the handlers without SA_RESTART so poll() wakes up. */
static void
susd_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = susd_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr,
	    "usage: susd [-dtT] [-f config] [-o key=value] [command]\n"
	    "commands: serve (default), migrate, demo, keygen, pubkey,\n"
	    "          useradd [-r roles] -n förnamn -e efternamn "
	    "[-m e-post] username\n");
	exit(2);
}

/* Opens the log file, if one is configured. */
static void
susd_log_open(void)
{
	FILE	*fp = NULL;

	if (susd.conf.log_file[0] != '\0') {
		if ((fp = fopen(susd.conf.log_file, "a")) == NULL)
			fatale("%s", susd.conf.log_file);
	}
	log_init("susd", susd_foreground_debug ? LOG_LEVEL_DEBUG :
	    susd.conf.log_level, fp);
}

/* Loads the configuration file and overrides; exits on error. */
static void
susd_config(const char *path, char **opts, int nopts)
{
	char	err[512];
	int	i;

	if (path == NULL && access(SUSD_DEFAULT_CONF, R_OK) == 0)
		path = SUSD_DEFAULT_CONF;
	if (config_load(path, &susd.conf, err, sizeof err) != 0)
		fatal("%s", err);
	for (i = 0; i < nopts; i++) {
		if (config_set_option(&susd.conf, opts[i], err, sizeof err) != 0)
			fatal("-o %s: %s", opts[i], err);
	}
	susd.conf_path = path;
	susd_opts = opts;
	susd_nopts = nopts;
}

/* Re-reads the configuration on SIGHUP; a bad file keeps the old one. */
void
susd_reload(void)
{
	struct config	 fresh;
	char		 err[512];
	int		 i;

	if (susd.conf_path == NULL) {
		log_info("SIGHUP: no configuration file to reload");
		return;
	}
	memset(&fresh, 0, sizeof fresh);
	if (config_load(susd.conf_path, &fresh, err, sizeof err) != 0) {
		log_error("SIGHUP: keeping the old configuration: %s", err);
		return;
	}
	/* The command line still beats the file, as at start-up. */
	for (i = 0; i < susd_nopts; i++) {
		if (config_set_option(&fresh, susd_opts[i], err,
		    sizeof err) != 0) {
			log_error("SIGHUP: -o %s: %s", susd_opts[i], err);
			config_free(&fresh);
			return;
		}
	}
	/* Limits and logging change at once; listen/database need a restart. */
	susd.conf.max_startups = fresh.max_startups;
	susd.conf.max_sessions = fresh.max_sessions;
	susd.conf.login_grace = fresh.login_grace;
	susd.conf.handshake_timeout = fresh.handshake_timeout;
	susd.conf.db_idle_release = fresh.db_idle_release;
	susd.conf.lockout_failures = fresh.lockout_failures;
	susd.conf.lockout_minutes = fresh.lockout_minutes;
	susd.conf.log_level = fresh.log_level;
	if (!susd_foreground_debug)
		log_set_level(fresh.log_level);
	config_free(&fresh);
	log_info("configuration reloaded");
}

/*
 * Creates the state directory. Others may traverse it but not list it:
 * as root the embedded cluster below it runs as the unprivileged user.
 * The key file in it is 0600 on its own.
 */
static void
susd_state_dir(void)
{
	if (mkdir(susd.conf.state_dir, 0711) == -1 && errno != EEXIST)
		fatale("%s", susd.conf.state_dir);
}

/* Loads (or on first start generates) the server key. */
static void
susd_key(int generate)
{
	char	path[1024], fp[KEYFILE_FP_LEN];
	int	r;

	if (susd.conf.key_file[0] != '\0') {
		if (strlcpy(path, susd.conf.key_file, sizeof path) >=
		    sizeof path)
			fatal("key_file is too long");
	} else if (snprintf(path, sizeof path, "%s/susd_key",
	    susd.conf.state_dir) >= (int)sizeof path)
		fatal("state_dir is too long");
	if (generate)
		r = keyfile_load_or_generate(path, susd.key_priv, susd.key_pub);
	else
		r = keyfile_load(path, susd.key_priv, susd.key_pub);
	if (r == SUS_ERR_KEY_PERM)
		fatal("%s: private key is readable by others; chmod 600 it",
		    path);
	if (r != 0)
		fatal("%s: %s", path, sus_strerror(r));
	keyfile_fingerprint(susd.key_pub, fp, sizeof fp);
	log_info("server key %s", fp);
}

/* The account to run as when started as root, or NULL when not root. */
static const char *
susd_run_as(void)
{
	return geteuid() == 0 ? susd.conf.user : NULL;
}

/* Brings up the database: the configured one or the embedded cluster. */
static void
susd_database(void)
{
	char	dir[1024], real[PATH_MAX];
	int	r;

	if (susd.conf.database[0] != '\0') {
		/* A cut conninfo could drop e.g. sslmode: refuse, never cut. */
		if (strlcpy(susd.app_conninfo, susd.conf.database,
		    sizeof susd.app_conninfo) >= sizeof susd.app_conninfo ||
		    strlcpy(susd.admin_conninfo,
		    susd.conf.admin_database[0] != '\0' ?
		    susd.conf.admin_database : susd.conf.database,
		    sizeof susd.admin_conninfo) >= sizeof susd.admin_conninfo)
			fatal("database or admin_database is too long");
		return;
	}
	susd.embedded = 1;
	/* pg_ctl and the socket path want an absolute directory. */
	if (strlen(susd.conf.state_dir) > 500)
		fatal("state_dir is too long");
	snprintf(dir, sizeof dir, "%s/pg", susd.conf.state_dir);
	if (dir[0] != '/') {
		char cwd[512];
		if (getcwd(cwd, sizeof cwd) == NULL)
			fatale("getcwd");
		snprintf(susd.pg_dir, sizeof susd.pg_dir, "%s/%s", cwd, dir);
	} else
		strlcpy(susd.pg_dir, dir, sizeof susd.pg_dir);
	/*
	 * Follow a link (make run links var/pg out of a home postgres cannot
	 * pass): the cluster's own user must be able to walk the real path.
	 */
	if (realpath(susd.pg_dir, real) != NULL)
		strlcpy(susd.pg_dir, real, sizeof susd.pg_dir);
	r = pgembed_start(susd.pg_dir, susd.conf.pg_bindir, susd_run_as(),
	    susd.admin_conninfo, sizeof susd.admin_conninfo,
	    &susd_started_cluster);
	if (r != 0)
		fatal("cannot start the embedded PostgreSQL cluster in %s",
		    susd.pg_dir);
	/* Sessions use a login role that holds only sus_app's rights. */
	if (snprintf(susd.app_conninfo, sizeof susd.app_conninfo,
	    "%s user=susd", susd.admin_conninfo) >=
	    (int)sizeof susd.app_conninfo)
		fatal("embedded cluster path is too long");
}

/* Stops the embedded cluster if this process started it. */
static void
susd_database_stop(void)
{
	if (!susd.embedded || !susd_started_cluster)
		return;
	if (pgembed_stop(susd.pg_dir, susd.conf.pg_bindir,
	    geteuid() == 0 ? susd.conf.user : NULL) != 0)
		log_warn("could not stop the embedded cluster cleanly");
	susd_started_cluster = 0;
}

/* Creates the embedded default's session login role. */
static void
susd_embedded_role(void)
{
	PGconn		*c;
	PGresult	*res;

	if (!susd.embedded)
		return;
	if ((c = db_connect(susd.admin_conninfo)) == NULL)
		fatal("cannot connect to the embedded cluster");
	res = PQexec(c, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles"
	    " WHERE rolname = 'susd') THEN CREATE ROLE susd LOGIN"
	    " IN ROLE sus_app; END IF; END $$");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		fatal("creating role susd: %s", PQerrorMessage(c));
	PQclear(res);
	PQfinish(c);
}

/* Brings the database up and to the current schema. */
static void
susd_database_ready(void)
{
	susd_database();
	if (migrate_run(susd.admin_conninfo, migrate_schema_dir(), 0) != 0) {
		susd_database_stop();
		fatal("migrations failed");
	}
	susd_embedded_role();
}

/* Drops root for the configured unprivileged account. */
static void
susd_drop_privileges(void)
{
	struct passwd	*pw;

	if (geteuid() != 0)
		return;
	if ((pw = getpwnam(susd.conf.user)) == NULL)
		fatal("user %s does not exist", susd.conf.user);
	/*
	 * Only the account's primary group: supplementary groups (ssl-cert,
	 * say) would hand every session more than it needs.
	 */
	if (setgroups(1, &pw->pw_gid) == -1 || setgid(pw->pw_gid) == -1 ||
	    setuid(pw->pw_uid) == -1)
		fatale("dropping privileges to %s", susd.conf.user);
	if (setuid(0) != -1)
		fatal("could regain root after dropping privileges");
	/* No core dumps or ptrace by the account: sessions hold secrets. */
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == -1)
		fatale("prctl");
	log_info("running as %s", susd.conf.user);
}

/* The default command: serve until SIGTERM. */
static int
susd_serve(void)
{
	susd_signals();
	susd_state_dir();
	susd_key(1);
	susd_database_ready();
	susd.listen_fd = listen_open(susd.conf.listen, susd.conf.port);
	if (susd.listen_fd == -1) {
		susd_database_stop();
		return 1;
	}
	susd_drop_privileges();
	/* Sessions never need the schema owner's connection string. */
	sodium_memzero(susd.admin_conninfo, sizeof susd.admin_conninfo);
	log_info("listening on %s port %d", susd.conf.listen, susd.conf.port);
	listen_loop();
	log_info("shutting down");
	susd_database_stop();
	return 0;
}

/* Prints the public key as a known_servers key field. */
static int
susd_pubkey(void)
{
	char	b64[64], fp[KEYFILE_FP_LEN];

	susd_key(0);
	keyfile_pub_b64(susd.key_pub, b64, sizeof b64);
	keyfile_fingerprint(susd.key_pub, fp, sizeof fp);
	printf("sus-x25519 %s\n", b64);
	fprintf(stderr, "%s\n", fp);
	return 0;
}

int
main(int argc, char **argv)
{
	const char	*conf_path = NULL, *cmd;
	char		*opts[64];
	int		 ch, nopts = 0, check = 0, dump = 0, r = 0;

	if (sodium_init() < 0) {
		fprintf(stderr, "susd: libsodium failed to initialise\n");
		return 1;
	}
	log_init("susd", LOG_LEVEL_INFO, NULL);
	while ((ch = getopt(argc, argv, "+df:o:tT")) != -1) {
		switch (ch) {
		case 'd':
			susd_foreground_debug = 1;
			break;
		case 'f':
			conf_path = optarg;
			break;
		case 'o':
			if (nopts == (int)(sizeof opts / sizeof opts[0]))
				fatal("too many -o options");
			opts[nopts++] = optarg;
			break;
		case 't':
			check = 1;
			break;
		case 'T':
			dump = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	susd_config(conf_path, opts, nopts);
	if (check || dump) {
		if (dump)
			config_dump(&susd.conf, stdout);
		else
			fprintf(stderr, "susd: configuration OK\n");
		return 0;
	}
	susd_log_open();
	cmd = argc > 0 ? argv[0] : "serve";
	if (strcmp(cmd, "serve") == 0)
		r = susd_serve();
	else if (strcmp(cmd, "keygen") == 0) {
		susd_state_dir();
		susd_key(1);
	} else if (strcmp(cmd, "pubkey") == 0)
		r = susd_pubkey();
	else if (strcmp(cmd, "migrate") == 0) {
		susd_state_dir();
		susd_database_ready();
		log_info("migrations applied");
		susd_database_stop();
	} else if (strcmp(cmd, "demo") == 0) {
		susd_state_dir();
		susd_database_ready();
		r = admin_demo() == 0 ? 0 : 1;
		susd_database_stop();
	} else if (strcmp(cmd, "useradd") == 0) {
		susd_state_dir();
		susd_database_ready();
		r = admin_useradd(argc, argv) == 0 ? 0 : 1;
		susd_database_stop();
	} else
		usage();
	sodium_memzero(susd.key_priv, sizeof susd.key_priv);
	config_free(&susd.conf);
	return r;
}
