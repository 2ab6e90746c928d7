/*
 * The embedded default PostgreSQL cluster. Child programs (initdb, pg_ctl,
 * pg_config) are run with fork and execve, never through a shell, and as
 * the unprivileged account when we are root. The cluster listens on a Unix
 * socket only and authenticates by peer: the kernel names the connecting
 * account, and an ident map we write at every start lets only root and the
 * cluster's owner in as the superuser and only the session account in as
 * the session role. The socket's directory admits the session account and
 * nobody else besides, so a session process that is taken over reaches no
 * more of the database than the session role's rights.
 *
 * This file runs the cluster; pgembed_conf.c prepares its directories and
 * writes its configuration and authentication files.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "err.h"
#include "log.h"
#include "pgembed.h"
#include "pgembed_int.h"
#include "xmalloc.h"

/* Seconds pg_ctl waits for start-up or shutdown. */
#define PGEMBED_WAIT		"60"
/* Milliseconds we wait for a reused server to accept connections. */
#define PGEMBED_PING_MS		30000
/* Files in the data directory that replace initdb's pg_hba.conf. */
#define PGEMBED_HBA_FILE	"sus_hba.conf"
#define PGEMBED_IDENT_FILE	"sus_ident.conf"

/* Formats into buf, failing rather than truncating. */
int
pgembed_fmt(char *buf, size_t len, const char *fmt, const char *a,
    const char *b)
{
	int	n;

	n = snprintf(buf, len, fmt, a, b);
	if (n < 0 || (size_t)n >= len)
		return SUS_ERR_NO_SPACE;
	return 0;
}

/*
 * True if an account name can stand unquoted in the ident map: a leading
 * '/' would make it a regular expression, a space would split the line.
 */
static int
pgembed_name_ok(const char *name)
{
	const char	*p;

	if (name[0] == '\0' || name[0] == '-' || name[0] == '.')
		return 0;
	for (p = name; *p != '\0'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' ||
		    *p == '.'))
			return 0;
	}
	return 1;
}

/*
 * Looks up run_as when we are root; a normal user is always itself. Either
 * way u->name is the account peer authentication will see.
 */
static int
pgembed_user(const char *run_as, struct pgembed_user *u)
{
	struct passwd	*pw;
	int		 n;

	memset(u, 0, sizeof *u);
	if (geteuid() != 0) {
		if ((pw = getpwuid(geteuid())) == NULL ||
		    strlcpy(u->name, pw->pw_name, sizeof u->name) >=
		    sizeof u->name || !pgembed_name_ok(u->name)) {
			log_error("embedded cluster: uid %lu needs an account"
			    " name that peer authentication can use",
			    (unsigned long)geteuid());
			return SUS_ERR_CONFIG;
		}
		u->uid = pw->pw_uid;
		u->gid = pw->pw_gid;
		return 0;
	}
	if (run_as == NULL || *run_as == '\0') {
		log_error("embedded cluster: started as root, but no account"
		    " is set to run as");
		return SUS_ERR_CONFIG;
	}
	errno = 0;
	if ((pw = getpwnam(run_as)) == NULL) {
		log_error("embedded cluster: no such user %s", run_as);
		return SUS_ERR_CONFIG;
	}
	if (pw->pw_uid == 0) {
		log_error("embedded cluster: %s is root; neither PostgreSQL nor"
		    " the sessions may run as root", run_as);
		return SUS_ERR_CONFIG;
	}
	if (strlcpy(u->name, pw->pw_name, sizeof u->name) >= sizeof u->name ||
	    !pgembed_name_ok(u->name)) {
		log_error("embedded cluster: unusable account name %s", run_as);
		return SUS_ERR_CONFIG;
	}
	u->drop = 1;
	u->uid = pw->pw_uid;
	u->gid = pw->pw_gid;
	/* Computed here: the child must not call getgrent after fork. */
	n = PGEMBED_MAX_GROUPS;
	if (getgrouplist(pw->pw_name, pw->pw_gid, u->groups, &n) == -1) {
		u->groups[0] = pw->pw_gid;
		n = 1;
	}
	u->ngroups = n;
	return 0;
}

/* In the child: becomes u for good, or exits. */
static void
pgembed_child_drop(const struct pgembed_user *u)
{
	if (!u->drop)
		return;
	if (setgroups((size_t)u->ngroups, u->groups) == -1 ||
	    setgid(u->gid) == -1 || setuid(u->uid) == -1)
		_exit(126);
	/* Regaining root must be impossible. */
	if (setuid(0) != -1 || getuid() != u->uid || geteuid() != u->uid)
		_exit(126);
}

/* In the child: a clean process for a server program, then execve. */
static void
pgembed_child_exec(const struct pgembed_user *u, const char *cwd, int outfd,
    char *const argv[])
{
	static const int	 sigs[] = { SIGCHLD, SIGPIPE, SIGINT, SIGTERM,
				     SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };
	char			*envp[4], tz[128];
	sigset_t		 all;
	size_t			 i;
	int			 fd, n = 0;
	const char		*t;

	/* Keep terminal signals meant for susd away from the postmaster. */
	setsid();
	/* Ignored signals survive execve; PostgreSQL expects defaults. */
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);

	if ((fd = open("/dev/null", O_RDONLY)) == -1 || dup2(fd, 0) == -1)
		_exit(126);
	if (dup2(outfd, 1) == -1 || dup2(outfd, 2) == -1)
		_exit(126);
	/* Listening sockets and key files must not leak into postgres. */
	if (close_range(3, ~0U, 0) == -1) {
		for (fd = 3; fd < 1024; fd++)
			close(fd);
	}
	pgembed_child_drop(u);
	if (chdir(cwd) == -1 && chdir("/") == -1)
		_exit(126);

	envp[n++] = "PATH=/usr/local/bin:/usr/bin:/bin";
	envp[n++] = "LC_ALL=C.UTF-8";
	if ((t = getenv("TZ")) != NULL &&
	    (size_t)snprintf(tz, sizeof tz, "TZ=%s", t) < sizeof tz)
		envp[n++] = tz;
	envp[n] = NULL;
	execve(argv[0], argv, envp);
	_exit(127);
}

/*
 * Runs argv as u with output to outfd and returns its exit status in
 * *status (-1 if it died from a signal). SIGCHLD is blocked meanwhile so
 * that a reaper installed by the caller cannot take our child's status.
 */
static int
pgembed_run(const struct pgembed_user *u, const char *cwd, int outfd,
    char *const argv[], int *status)
{
	struct sigaction	 dfl, old;
	sigset_t		 block, oldmask;
	pid_t			 pid;
	int			 r = 0, st;

	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &oldmask);
	/* With SIGCHLD ignored, waitpid could never see the child. */
	sigaction(SIGCHLD, &dfl, &old);

	switch (pid = fork()) {
	case -1:
		log_error("fork: %s", strerror(errno));
		r = SUS_ERR_SYSTEM;
		goto out;
	case 0:
		pgembed_child_exec(u, cwd, outfd, argv);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) == -1) {
		if (errno != EINTR) {
			log_error("waitpid: %s", strerror(errno));
			r = SUS_ERR_SYSTEM;
			goto out;
		}
	}
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	if (*status == 126 || *status == 127)
		log_error("%s: could not run it as %s", argv[0],
		    u->drop ? u->name : "ourselves");
out:
	sigaction(SIGCHLD, &old, NULL);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);
	return r;
}

/* True if dir/name is an executable file. */
static int
pgembed_has(const char *dir, const char *name)
{
	char	path[PGEMBED_PATH_MAX];

	if (pgembed_fmt(path, sizeof path, "%s/%s", dir, name) != 0)
		return 0;
	return access(path, X_OK) == 0;
}

/* Asks pg_config, found along $PATH, for the server's bindir. */
static int
pgembed_pg_config(const struct pgembed_user *u, char *out, size_t len)
{
	char		 path[PGEMBED_PATH_MAX], buf[PGEMBED_PATH_MAX];
	char		*argv[3], *list, *dir, *save = NULL, *nl;
	const char	*env;
	ssize_t		 n;
	int		 p[2] = { -1, -1 }, status, r = SUS_ERR_NOT_FOUND;

	if ((env = getenv("PATH")) == NULL)
		env = "/usr/local/bin:/usr/bin:/bin";
	list = xstrdup(env);
	path[0] = '\0';
	for (dir = strtok_r(list, ":", &save); dir != NULL;
	    dir = strtok_r(NULL, ":", &save)) {
		if (*dir == '/' && pgembed_has(dir, "pg_config") &&
		    pgembed_fmt(path, sizeof path, "%s/%s", dir,
		    "pg_config") == 0)
			break;
		path[0] = '\0';
	}
	free(list);
	if (path[0] == '\0')
		return SUS_ERR_NOT_FOUND;

	if (pipe2(p, O_CLOEXEC) == -1)
		return SUS_ERR_SYSTEM;
	argv[0] = path;
	argv[1] = "--bindir";
	argv[2] = NULL;
	/* pg_config prints one short line: it fits in the pipe buffer. */
	if (pgembed_run(u, "/", p[1], argv, &status) != 0 || status != 0)
		goto out;
	close(p[1]);
	p[1] = -1;
	if ((n = read(p[0], buf, sizeof buf - 1)) <= 0)
		goto out;
	buf[n] = '\0';
	if ((nl = strchr(buf, '\n')) != NULL)
		*nl = '\0';
	if (buf[0] != '/' || strlcpy(out, buf, len) >= len)
		goto out;
	r = 0;
out:
	if (p[0] != -1)
		close(p[0]);
	if (p[1] != -1)
		close(p[1]);
	return r;
}

/* Finds the server binaries: bindir, /usr/lib/postgresql/N/bin, pg_config. */
static int
pgembed_bindir(const char *bindir, const struct pgembed_user *u, char *out,
    size_t len)
{
	glob_t		 g;
	size_t		 i;
	long		 v, best = -1;
	char		*end;
	const char	*p;
	int		 r;

	if (bindir != NULL && *bindir != '\0') {
		if (!pgembed_has(bindir, "initdb") ||
		    !pgembed_has(bindir, "pg_ctl")) {
			log_error("%s: no initdb or pg_ctl there", bindir);
			return SUS_ERR_CONFIG;
		}
		if (strlcpy(out, bindir, len) >= len)
			return SUS_ERR_NO_SPACE;
		return 0;
	}

	out[0] = '\0';
	if (glob("/usr/lib/postgresql/*/bin", GLOB_ONLYDIR, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++) {
			p = g.gl_pathv[i] + strlen("/usr/lib/postgresql/");
			v = strtol(p, &end, 10);
			if (end == p || strcmp(end, "/bin") != 0 || v <= best ||
			    !pgembed_has(g.gl_pathv[i], "initdb") ||
			    !pgembed_has(g.gl_pathv[i], "pg_ctl"))
				continue;
			if (strlcpy(out, g.gl_pathv[i], len) >= len)
				continue;
			best = v;
		}
		globfree(&g);
	}
	if (best != -1)
		return 0;
	if ((r = pgembed_pg_config(u, out, len)) == 0 &&
	    pgembed_has(out, "initdb") && pgembed_has(out, "pg_ctl"))
		return 0;
	log_error("no PostgreSQL server binaries found; install them or set"
	    " the PostgreSQL bindir");
	return r != 0 ? r : SUS_ERR_NOT_FOUND;
}

/* Fills every path of the cluster in dir and checks they are usable. */
static int
pgembed_paths(const char *dir, const char *bindir,
    const struct pgembed_user *u, struct pgembed_paths *pp)
{
	int	r;

	memset(pp, 0, sizeof *pp);
	if (dir == NULL || dir[0] != '/') {
		log_error("embedded cluster: %s is not an absolute path",
		    dir == NULL ? "(null)" : dir);
		return SUS_ERR_INVALID;
	}
	/* The socket path goes into a quoted setting and a conninfo. */
	if (strpbrk(dir, "'\\\n\r") != NULL) {
		log_error("embedded cluster: unusable characters in %s", dir);
		return SUS_ERR_INVALID;
	}
	if ((r = pgembed_fmt(pp->dir, sizeof pp->dir, "%s%s", dir, "")) != 0 ||
	    (r = pgembed_fmt(pp->data, sizeof pp->data, "%s/%s", dir,
	    "data")) != 0 ||
	    (r = pgembed_fmt(pp->sock, sizeof pp->sock, "%s/%s", dir,
	    "sock")) != 0 ||
	    (r = pgembed_fmt(pp->log, sizeof pp->log, "%s/%s", dir,
	    "log")) != 0 ||
	    (r = pgembed_fmt(pp->hba, sizeof pp->hba, "%s/%s", pp->data,
	    PGEMBED_HBA_FILE)) != 0 ||
	    (r = pgembed_fmt(pp->ident, sizeof pp->ident, "%s/%s", pp->data,
	    PGEMBED_IDENT_FILE)) != 0)
		return r;
	if (strlen(pp->sock) + strlen(PGEMBED_SOCKET_FILE) >=
	    sizeof ((struct sockaddr_un *)NULL)->sun_path) {
		log_error("embedded cluster: %s is too long for a Unix socket"
		    " path; use a shorter state directory", pp->sock);
		return SUS_ERR_INVALID;
	}
	if ((r = pgembed_bindir(bindir, u, pp->bindir,
	    sizeof pp->bindir)) != 0)
		return r;
	if ((r = pgembed_fmt(pp->initdb, sizeof pp->initdb, "%s/%s",
	    pp->bindir, "initdb")) != 0 ||
	    (r = pgembed_fmt(pp->pg_ctl, sizeof pp->pg_ctl, "%s/%s",
	    pp->bindir, "pg_ctl")) != 0)
		return r;
	return 0;
}

/* Checks, as u, that access(dir, mode) succeeds. */
static int
pgembed_reachable(const struct pgembed_user *u, const char *dir, int mode)
{
	struct sigaction	 dfl, old;
	sigset_t		 block, oldmask;
	pid_t			 pid, r;
	int			 st, ok = 0;

	if (!u->drop)
		return 0;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &oldmask);
	sigaction(SIGCHLD, &dfl, &old);
	if ((pid = fork()) == 0) {
		pgembed_child_drop(u);
		_exit(access(dir, mode) == 0 ? 0 : 1);
	}
	if (pid != -1) {
		while ((r = waitpid(pid, &st, 0)) == -1 && errno == EINTR)
			;
		ok = r == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
	}
	sigaction(SIGCHLD, &old, NULL);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);
	if (!ok) {
		log_error("embedded cluster: user %s cannot reach %s; its"
		    " parent directories must be searchable by that user",
		    u->name, dir);
		return SUS_ERR_CONFIG;
	}
	return 0;
}

/* Runs pg_ctl with one action; returns its exit status in *status. */
static int
pgembed_pg_ctl(const struct pgembed_paths *pp, const struct pgembed_user *u,
    int logfd, const char *action, int *status)
{
	char	*argv[12];
	int	 n = 0;

	argv[n++] = (char *)pp->pg_ctl;
	argv[n++] = "-D";
	argv[n++] = (char *)pp->data;
	argv[n++] = "-s";
	if (strcmp(action, "status") != 0) {
		argv[n++] = "-w";
		argv[n++] = "-t";
		argv[n++] = PGEMBED_WAIT;
	}
	if (strcmp(action, "start") == 0) {
		argv[n++] = "-l";
		argv[n++] = (char *)pp->log;
	}
	if (strcmp(action, "stop") == 0) {
		argv[n++] = "-m";
		argv[n++] = "fast";
	}
	argv[n++] = (char *)action;
	argv[n] = NULL;
	return pgembed_run(u, pp->dir, logfd, argv, status);
}

/* Returns 1 if the server runs, 0 if not, < 0 on error. */
static int
pgembed_running(const struct pgembed_paths *pp, const struct pgembed_user *u)
{
	char	path[PGEMBED_PATH_MAX];
	int	status, r, null;

	if (pgembed_fmt(path, sizeof path, "%s/%s", pp->data,
	    "PG_VERSION") != 0)
		return SUS_ERR_NO_SPACE;
	if (access(path, F_OK) == -1)
		return 0;
	if ((null = open("/dev/null", O_WRONLY | O_CLOEXEC)) == -1)
		return SUS_ERR_SYSTEM;
	/* pg_ctl checks postmaster.pid and that its process is alive. */
	r = pgembed_pg_ctl(pp, u, null, "status", &status);
	close(null);
	if (r != 0)
		return r;
	switch (status) {
	case 0:
		return 1;
	case 3:
	case 4:
		return 0;
	default:
		log_error("pg_ctl status failed (%d); see %s", status, pp->log);
		return SUS_ERR_SYSTEM;
	}
}

/* Runs initdb into pp->data. */
static int
pgembed_initdb(const struct pgembed_paths *pp, const struct pgembed_user *u,
    int logfd)
{
	char	*argv[14];
	int	 n = 0, status, r;

	argv[n++] = (char *)pp->initdb;
	argv[n++] = "-D";
	argv[n++] = (char *)pp->data;
	argv[n++] = "-U";
	argv[n++] = PGEMBED_SUPERUSER;
	/* Never used (sus.conf names our own files), but never trust either. */
	argv[n++] = "--auth-local=peer";
	argv[n++] = "--auth-host=reject";
	argv[n++] = "-E";
	argv[n++] = "UTF8";
	argv[n++] = "--locale=C.UTF-8";
	argv[n] = NULL;
	log_info("creating the embedded PostgreSQL cluster in %s", pp->data);
	if ((r = pgembed_run(u, pp->dir, logfd, argv, &status)) != 0)
		return r;
	if (status != 0) {
		log_error("initdb failed (%d); see %s", status, pp->log);
		return SUS_ERR_SYSTEM;
	}
	return 0;
}

/* Writes a conninfo value in single quotes, escaping ' and \. */
static int
pgembed_quote(char *out, size_t len, const char *s)
{
	size_t	i = 0;

	if (len < 3)
		return SUS_ERR_NO_SPACE;
	out[i++] = '\'';
	for (; *s != '\0'; s++) {
		if (i + 4 > len)
			return SUS_ERR_NO_SPACE;
		if (*s == '\'' || *s == '\\')
			out[i++] = '\\';
		out[i++] = *s;
	}
	out[i++] = '\'';
	out[i] = '\0';
	return 0;
}

/* Builds the superuser conninfo for database db. */
static int
pgembed_conninfo(const struct pgembed_paths *pp, const char *db, char *out,
    size_t len)
{
	char	host[PGEMBED_PATH_MAX * 2 + 3];
	int	n, r;

	if ((r = pgembed_quote(host, sizeof host, pp->sock)) != 0)
		return r;
	n = snprintf(out, len, "host=%s port=%s dbname=%s user="
	    PGEMBED_SUPERUSER, host, PGEMBED_PORT, db);
	if (n < 0 || (size_t)n >= len)
		return SUS_ERR_NO_SPACE;
	return 0;
}

/* Waits until the server accepts connections. */
static int
pgembed_wait(const char *conninfo)
{
	struct timespec	ts = { 0, 100 * 1000 * 1000 };
	int		waited;

	for (waited = 0; waited < PGEMBED_PING_MS; waited += 100) {
		if (PQping(conninfo) == PQPING_OK)
			return 0;
		nanosleep(&ts, NULL);
	}
	log_error("the embedded cluster does not accept connections");
	return SUS_ERR_TIMEOUT;
}

/* Creates database "sus" unless it exists. */
static int
pgembed_createdb(const char *conninfo)
{
	PGconn		*c;
	PGresult	*res = NULL;
	int		 r = SUS_ERR_SYSTEM;
	const char	*state;

	c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) {
		log_error("embedded cluster: %s", PQerrorMessage(c));
		goto out;
	}
	res = PQexec(c, "SELECT 1 FROM pg_database WHERE datname = 'sus'");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		log_error("embedded cluster: %s", PQerrorMessage(c));
		goto out;
	}
	if (PQntuples(res) == 1) {
		r = 0;
		goto out;
	}
	PQclear(res);
	res = PQexec(c, "CREATE DATABASE sus");
	state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	/* Another susd starting at the same moment may have won. */
	if (PQresultStatus(res) == PGRES_COMMAND_OK ||
	    (state != NULL && strcmp(state, "42P04") == 0)) {
		log_info("created database sus");
		r = 0;
	} else
		log_error("CREATE DATABASE sus: %s", PQerrorMessage(c));
out:
	PQclear(res);
	PQfinish(c);
	return r;
}

/*
 * Checks that the running server reads the hba file we wrote. A cluster
 * an older susd started, and left running, still trusts every local
 * connection and must be restarted before sessions may use it. Files, not
 * names, are compared: the cluster may have been started through a path
 * with a symbolic link in it.
 */
static int
pgembed_check_hba(const struct pgembed_paths *pp, const char *conninfo)
{
	struct stat	 want, got;
	PGconn		*c;
	PGresult	*res = NULL;
	const char	*hba;
	int		 r = SUS_ERR_SYSTEM;

	c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) {
		log_error("embedded cluster: %s", PQerrorMessage(c));
		goto out;
	}
	res = PQexec(c, "SELECT current_setting('hba_file')");
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
		log_error("embedded cluster: %s", PQerrorMessage(c));
		goto out;
	}
	hba = PQgetvalue(res, 0, 0);
	if (stat(pp->hba, &want) == -1 || stat(hba, &got) == -1 ||
	    want.st_dev != got.st_dev || want.st_ino != got.st_ino) {
		log_error("the embedded cluster in %s runs with %s, not %s: it"
		    " was started by an older susd; stop it (pg_ctl -D %s stop,"
		    " as its owner) and start susd again", pp->dir, hba,
		    pp->hba, pp->data);
		r = SUS_ERR_CONFIG;
		goto out;
	}
	r = 0;
out:
	PQclear(res);
	PQfinish(c);
	return r;
}

/* Creates the cluster on first use, starts it and creates database sus. */
int
pgembed_start(const char *dir, const char *bindir, const char *run_as,
    const char *app_user, char *conninfo, size_t len, int *started)
{
	struct pgembed_paths	pp;
	struct pgembed_user	u, app;
	char			path[PGEMBED_PATH_MAX];
	char			admin[PGEMBED_PATH_MAX * 3];
	mode_t			mode;
	int			logfd = -1, r, status;

	if (started != NULL)
		*started = 0;
	if ((r = pgembed_user(run_as, &u)) != 0 ||
	    (r = pgembed_user(app_user, &app)) != 0 ||
	    (r = pgembed_paths(dir, bindir, &u, &pp)) != 0)
		return r;
	if (u.drop && app.uid == u.uid) {
		log_error("embedded cluster: the sessions must not run as %s,"
		    " the account that owns the cluster's files", u.name);
		return SUS_ERR_CONFIG;
	}
	/* Sessions run with their primary group alone; check as they will. */
	app.groups[0] = app.gid;
	app.ngroups = 1;
	/*
	 * As root the session account is the directories' group, so it can
	 * reach the socket and nobody else can; the data stays 0700.
	 */
	mode = u.drop ? 0710 : 0700;
	if ((r = pgembed_mkdir(pp.dir, &u, app.gid, mode)) != 0 ||
	    (r = pgembed_reachable(&u, pp.dir, R_OK | W_OK | X_OK)) != 0 ||
	    (r = pgembed_mkdir(pp.sock, &u, app.gid, mode)) != 0 ||
	    (r = pgembed_reachable(&app, pp.sock, X_OK)) != 0)
		return r;
	if ((logfd = pgembed_open_owned(pp.log, &u, O_APPEND)) == -1)
		return SUS_ERR_SYSTEM;

	if ((r = pgembed_fmt(path, sizeof path, "%s/%s", pp.data,
	    "PG_VERSION")) != 0)
		goto out;
	if (access(path, F_OK) == -1) {
		/* initdb wants an empty directory it owns. */
		if ((r = pgembed_mkdir(pp.data, &u, u.gid, 0700)) != 0 ||
		    (r = pgembed_initdb(&pp, &u, logfd)) != 0)
			goto out;
	}

	if ((r = pgembed_running(&pp, &u)) < 0)
		goto out;
	if (r == 1)
		log_info("reusing the embedded cluster running in %s", pp.dir);
	else {
		if ((r = pgembed_configure(&pp, &u, &app)) != 0 ||
		    (r = pgembed_pg_ctl(&pp, &u, logfd, "start",
		    &status)) != 0)
			goto out;
		if (status != 0) {
			log_error("pg_ctl start failed (%d); see %s", status,
			    pp.log);
			r = SUS_ERR_SYSTEM;
			goto out;
		}
		if (started != NULL)
			*started = 1;
		log_info("started the embedded cluster in %s", pp.dir);
	}

	if ((r = pgembed_conninfo(&pp, "postgres", admin,
	    sizeof admin)) != 0 ||
	    (r = pgembed_wait(admin)) != 0 ||
	    (r = pgembed_check_hba(&pp, admin)) != 0 ||
	    (r = pgembed_createdb(admin)) != 0 ||
	    (r = pgembed_conninfo(&pp, "sus", conninfo, len)) != 0)
		goto out;
	r = 0;
out:
	close(logfd);
	return r;
}

/* Stops the cluster with a fast shutdown; 0 if it was not running. */
int
pgembed_stop(const char *dir, const char *bindir, const char *run_as)
{
	struct pgembed_paths	pp;
	struct pgembed_user	u;
	int			logfd, r, status;

	if ((r = pgembed_user(run_as, &u)) != 0 ||
	    (r = pgembed_paths(dir, bindir, &u, &pp)) != 0)
		return r;
	if ((r = pgembed_running(&pp, &u)) <= 0)
		return r;
	if ((logfd = pgembed_open_owned(pp.log, &u, O_APPEND)) == -1)
		return SUS_ERR_SYSTEM;
	if ((r = pgembed_pg_ctl(&pp, &u, logfd, "stop", &status)) != 0)
		goto out;
	if (status != 0) {
		log_error("pg_ctl stop failed (%d); see %s", status, pp.log);
		r = SUS_ERR_SYSTEM;
		goto out;
	}
	log_info("stopped the embedded cluster in %s", pp.dir);
	r = 0;
out:
	close(logfd);
	return r;
}

/* Returns 1 if the cluster runs, 0 if not (or does not exist), or < 0. */
int
pgembed_status(const char *dir, const char *bindir, const char *run_as)
{
	struct pgembed_paths	pp;
	struct pgembed_user	u;
	int			r;

	if ((r = pgembed_user(run_as, &u)) != 0 ||
	    (r = pgembed_paths(dir, bindir, &u, &pp)) != 0)
		return r;
	return pgembed_running(&pp, &u);
}
