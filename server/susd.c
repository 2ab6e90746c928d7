/*
 * susd: the sus server. Reads its configuration, brings up the database
 * (the embedded default cluster unless one is configured), applies
 * migrations, binds, drops privileges and serves one process per
 * connection. Operator commands (migrate, useradd, demo, keygen, pubkey)
 * share the same start-up.
 *
 * Started as root with the embedded cluster there are three accounts:
 * root until the socket is bound, the unprivileged user for the listener
 * and every session, and the cluster's owner for PostgreSQL and for the
 * keeper, a small process that stops the cluster once susd is gone.
 */
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
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
#include "rapport.h"
#include "susd.h"
#include "xmalloc.h"

#define SUSD_DEFAULT_CONF	"/etc/sus/susd.conf"

struct susd		 susd;
volatile sig_atomic_t	 susd_got_term;
volatile sig_atomic_t	 susd_got_hup;
volatile sig_atomic_t	 susd_got_chld;

static int		 susd_started_cluster;
static int		 susd_foreground_debug;
static FILE		*susd_log_fp;	/* log_file, kept open by the keeper */
static pid_t		 susd_keeper_pid = -1;
static int		 susd_keeper_fd = -1;	/* closing it stops the cluster */
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
	    "commands: serve (default), migrate, demo, keygen, pubkey, "
	    "requests,\n"
	    "          useradd [-r roles] -n förnamn -e efternamn "
	    "[-m e-post] username,\n"
	    "          folkbokforing file, skydda, gallra [-n] [-a years], "
	    "registerutdrag\n");
	exit(2);
}

/* The personal-data operator commands (server/gallring.c). */
static const struct {
	const char	*name;
	int		 (*fn)(int, char **);
} susd_personal_commands[] = {
	{ "folkbokforing", admin_folkbokforing },
	{ "skydda", admin_skydda },
	{ "gallra", admin_gallra },
	{ "registerutdrag", admin_registerutdrag },
};

static int
(*susd_personal_command(const char *cmd))(int, char **)
{
	size_t	i;

	for (i = 0; i < sizeof susd_personal_commands /
	    sizeof susd_personal_commands[0]; i++) {
		if (strcmp(susd_personal_commands[i].name, cmd) == 0)
			return susd_personal_commands[i].fn;
	}
	return NULL;
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
	susd_log_fp = fp;
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
	susd.conf.lockout_seconds = fresh.lockout_seconds;
	susd.conf.idle_timeout = fresh.idle_timeout;
	susd.conf.account_check = fresh.account_check;
	susd.conf.log_level = fresh.log_level;
	if (!susd_foreground_debug)
		log_set_level(fresh.log_level);
	config_free(&fresh);
	log_info("configuration reloaded");
}

/*
 * Creates the state directory. Others may traverse it but not list it:
 * as root the embedded cluster below it runs as cluster_user and the
 * sessions reach its socket as user. The key file in it is 0600 on its
 * own. A directory that already exists keeps the mode it was given.
 */
static void
susd_state_dir(void)
{
	if (mkdir(susd.conf.state_dir, 0711) == -1) {
		if (errno != EEXIST)
			fatale("%s", susd.conf.state_dir);
		return;
	}
	/* A umask such as 077 must not lock both accounts out. */
	if (chmod(susd.conf.state_dir, 0711) == -1)
		fatale("chmod %s", susd.conf.state_dir);
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

/* The embedded cluster's account when started as root, or NULL. */
static const char *
susd_cluster_user(void)
{
	return geteuid() == 0 ? susd.conf.cluster_user : NULL;
}

/*
 * As root, checks the accounts before anything starts: the sessions' user
 * must exist and, with the embedded cluster, must not be the account that
 * owns the cluster's files, or one bug in a session would own the
 * database. serve says whether we drop to user; the embedded cluster
 * names user in its authentication map in any case.
 */
static void
susd_accounts(int serve)
{
	struct passwd	*pw;
	uid_t		 uid;
	int		 embedded = susd.conf.database[0] == '\0';

	if (geteuid() != 0 || (!serve && !embedded))
		return;
	if ((pw = getpwnam(susd.conf.user)) == NULL)
		fatal("user %s does not exist; create it with: useradd --system"
		    " --no-create-home --home-dir /nonexistent --shell"
		    " /usr/sbin/nologin %s", susd.conf.user, susd.conf.user);
	if (pw->pw_uid == 0)
		fatal("user %s is root; the sessions must run unprivileged",
		    susd.conf.user);
	uid = pw->pw_uid;
	if (!embedded)
		return;
	if ((pw = getpwnam(susd.conf.cluster_user)) == NULL)
		fatal("cluster_user %s does not exist; it owns the embedded"
		    " PostgreSQL cluster (the postgresql package creates"
		    " postgres)", susd.conf.cluster_user);
	if (pw->pw_uid == uid)
		fatal("user and cluster_user are both %s: the sessions must not"
		    " run as the account that owns the database files",
		    susd.conf.user);
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
	r = pgembed_start(susd.pg_dir, susd.conf.pg_bindir, susd_cluster_user(),
	    susd.conf.user, susd.admin_conninfo, sizeof susd.admin_conninfo,
	    &susd_started_cluster);
	if (r != 0)
		fatal("cannot start the embedded PostgreSQL cluster in %s",
		    susd.pg_dir);
	/* Sessions use a login role that holds only sus_app's rights. */
	if (snprintf(susd.app_conninfo, sizeof susd.app_conninfo,
	    "%s user=" PGEMBED_APP_ROLE, susd.admin_conninfo) >=
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
	    susd_cluster_user()) != 0)
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
	    " WHERE rolname = '" PGEMBED_APP_ROLE "') THEN CREATE ROLE "
	    PGEMBED_APP_ROLE " LOGIN IN ROLE sus_app; END IF; END $$");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		fatal("creating role " PGEMBED_APP_ROLE ": %s",
		    PQerrorMessage(c));
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

/* Closes every descriptor from 3 up but a and b (-1: none). */
static void
susd_close_all_but(int a, int b)
{
	unsigned int	lo = 3, keep[2];
	int		i, fd;

	keep[0] = (unsigned int)(a < b ? a : b);
	keep[1] = (unsigned int)(a < b ? b : a);
	for (i = 0; i < 2; i++) {
		if ((int)keep[i] < 0 || keep[i] < lo)
			continue;
		if (keep[i] > lo && close_range(lo, keep[i] - 1, 0) == -1) {
			for (fd = (int)lo; fd < (int)keep[i]; fd++)
				close(fd);
		}
		lo = keep[i] + 1;
	}
	if (close_range(lo, ~0U, 0) == -1) {
		for (fd = (int)lo; fd < 1024; fd++)
			close(fd);
	}
}

/*
 * The keeper's whole life: become the cluster's owner, wait for EOF on fd
 * (susd exited, cleanly or not), stop the cluster and exit. It holds no
 * listening socket, no key and no conninfo, and signals meant for susd's
 * process group (a terminal's ^C or hangup) do not make it stop the
 * cluster under a susd that is still draining its sessions.
 */
static void __attribute__((noreturn))
susd_keeper(int fd, int drop, uid_t uid, gid_t gid)
{
	static const int	 sigs[] = { SIGHUP, SIGINT, SIGTERM, SIGQUIT,
				     SIGPIPE, SIGUSR1, SIGUSR2 };
	char			 buf[64];
	size_t			 i;
	ssize_t			 n;
	int			 null;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
	sodium_memzero(susd.key_priv, sizeof susd.key_priv);
	sodium_memzero(susd.admin_conninfo, sizeof susd.admin_conninfo);
	sodium_memzero(susd.app_conninfo, sizeof susd.app_conninfo);
	(void)prctl(PR_SET_NAME, "susd-keeper", 0, 0, 0);
	/* Standard error stays: make run waits for its last writer. */
	if ((null = open("/dev/null", O_RDONLY)) != -1) {
		dup2(null, 0);
		if (null != 0)
			close(null);
	}
	susd_close_all_but(fd, susd_log_fp != NULL ? fileno(susd_log_fp) :
	    -1);
	if (chdir("/") == -1)
		log_warn("keeper: chdir /: %s", strerror(errno));
	if (drop && (setgroups(1, &gid) == -1 || setgid(gid) == -1 ||
	    setuid(uid) == -1 || setuid(0) != -1)) {
		log_error("keeper: cannot become %s; the embedded cluster will"
		    " not be stopped", susd.conf.cluster_user);
		_exit(1);
	}
	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		/* Only EOF counts; bytes would come from a confused session. */
		if (n == -1 && errno != EINTR)
			break;
	}
	if (pgembed_stop(susd.pg_dir, susd.conf.pg_bindir, NULL) != 0) {
		log_warn("could not stop the embedded cluster cleanly");
		_exit(1);
	}
	_exit(0);
}

/*
 * Forks the keeper if this susd started the embedded cluster: once susd
 * has dropped to user it can no longer run pg_ctl as the cluster's owner,
 * and a crash must not leave the cluster running either.
 */
static void
susd_keeper_start(void)
{
	struct passwd	*pw;
	uid_t		 uid = 0;
	gid_t		 gid = 0;
	pid_t		 pid;
	int		 p[2], drop = geteuid() == 0;

	if (!susd.embedded || !susd_started_cluster)
		return;
	if (drop) {
		if ((pw = getpwnam(susd.conf.cluster_user)) == NULL) {
			susd_database_stop();
			fatal("cluster_user %s does not exist",
			    susd.conf.cluster_user);
		}
		uid = pw->pw_uid;
		gid = pw->pw_gid;
	}
	if (pipe2(p, O_CLOEXEC) == -1) {
		susd_database_stop();
		fatale("pipe");
	}
	/* Nothing half-written in a stdio buffer may be written twice. */
	fflush(NULL);
	switch (pid = fork()) {
	case -1:
		susd_database_stop();
		fatale("fork");
	case 0:
		close(p[1]);
		susd_keeper(p[0], drop, uid, gid);
	}
	close(p[0]);
	susd_keeper_pid = pid;
	susd_keeper_fd = p[1];
	/* From here on the keeper stops the cluster, never we. */
	susd_started_cluster = 0;
}

/*
 * In a session process: lets go of the keeper's pipe, so that only the
 * listener's exit (or crash) tells the keeper to stop the cluster.
 */
void
susd_child_close_keeper(void)
{
	if (susd_keeper_fd != -1) {
		close(susd_keeper_fd);
		susd_keeper_fd = -1;
	}
	susd_keeper_pid = -1;
}

/* Lets the keeper stop the cluster and waits until it has. */
static void
susd_keeper_finish(void)
{
	int	status;

	if (susd_keeper_fd == -1)
		return;
	close(susd_keeper_fd);
	susd_keeper_fd = -1;
	/* ECHILD: the listener reaped a keeper that died early. */
	while (waitpid(susd_keeper_pid, &status, 0) == -1 && errno == EINTR)
		;
	susd_keeper_pid = -1;
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
	susd_accounts(1);
	susd_state_dir();
	susd_key(1);
	susd_database_ready();
	/* Before listen_open: the keeper never holds the listening socket. */
	susd_keeper_start();
	susd.listen_fd = listen_open(susd.conf.listen, susd.conf.port);
	if (susd.listen_fd == -1) {
		susd_keeper_finish();
		return 1;
	}
	susd_drop_privileges();
	/*
	 * Sessions never need the schema owner's connection string, which
	 * may carry a password.
	 */
	sodium_memzero(susd.admin_conninfo, sizeof susd.admin_conninfo);
	sodium_memzero(susd.conf.admin_database,
	    strlen(susd.conf.admin_database));
	log_info("listening on %s port %d", susd.conf.listen, susd.conf.port);
	listen_loop();
	log_info("shutting down");
	susd_keeper_finish();
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
	/* A request row without its declaration never serves anyone. */
	if (request_table_check() != 0) {
		fprintf(stderr, "susd: the request table is inconsistent\n");
		return 1;
	}
	rapport_def_init();
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
	cmd = argc > 0 ? argv[0] : "serve";
	if (strcmp(cmd, "requests") == 0) {
		request_table_print(stdout);
		return 0;
	}
	susd_log_open();
	if (strcmp(cmd, "serve") == 0)
		r = susd_serve();
	else if (strcmp(cmd, "keygen") == 0) {
		susd_state_dir();
		susd_key(1);
	} else if (strcmp(cmd, "pubkey") == 0)
		r = susd_pubkey();
	else if (strcmp(cmd, "migrate") == 0) {
		susd_accounts(0);
		susd_state_dir();
		susd_database_ready();
		log_info("migrations applied");
		susd_database_stop();
	} else if (strcmp(cmd, "demo") == 0) {
		susd_accounts(0);
		susd_state_dir();
		susd_database_ready();
		r = admin_demo() == 0 ? 0 : 1;
		susd_database_stop();
	} else if (strcmp(cmd, "useradd") == 0) {
		susd_accounts(0);
		susd_state_dir();
		susd_database_ready();
		r = admin_useradd(argc, argv) == 0 ? 0 : 1;
		susd_database_stop();
	} else if (susd_personal_command(cmd) != NULL) {
		susd_accounts(0);
		susd_state_dir();
		susd_database_ready();
		r = susd_personal_command(cmd)(argc, argv) == 0 ? 0 : 1;
		susd_database_stop();
	} else
		usage();
	sodium_memzero(susd.key_priv, sizeof susd.key_priv);
	config_free(&susd.conf);
	return r;
}
