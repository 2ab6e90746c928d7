/*
 * The connection of sus, sus import and sus report: the server argument,
 * the key and known_servers files, and for the two without screens the
 * password and the login, and for the import reconnecting after a lost
 * connection for as long as --vanta allows. Nothing here is asked of
 * anyone but their password: an unknown server key is refused, as there
 * is no terminal to ask on.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "import.h"
#include "keyfile.h"
#include "proto.h"
#include "xmalloc.h"

#define SYSTEM_KNOWN_SERVERS	"/etc/sus/known_servers"

/* Splits [user@]host[:port]; IPv6 addresses go in brackets. */
int
sus_target_parse(const char *arg, char **user, char **host, char **port)
{
	char	*s, *at, *h, *p = NULL, *end;

	s = xstrdup(arg);
	h = s;
	*user = NULL;
	if ((at = strrchr(s, '@')) != NULL) {
		*at = '\0';
		*user = xstrdup(s);
		h = at + 1;
	}
	if (*h == '[') {
		if ((end = strchr(h, ']')) == NULL)
			goto bad;
		*end = '\0';
		h++;
		if (end[1] == ':')
			p = end + 2;
		else if (end[1] != '\0')
			goto bad;
	} else if ((p = strchr(h, ':')) != NULL) {
		if (strchr(p + 1, ':') != NULL)
			p = NULL;	/* a bare IPv6 address */
		else
			*p++ = '\0';
	}
	if (*h == '\0' || (p != NULL && *p == '\0'))
		goto bad;
	*host = xstrdup(h);
	if (p != NULL)
		*port = xstrdup(p);
	else
		xasprintf(port, "%d", SUS_DEFAULT_PORT);
	free(s);
	return 0;
bad:
	free(s);
	free(*user);
	*user = NULL;
	return SUS_ERR_INVALID;
}

/* Creates dir and its parent with mode 0700 when missing. */
static int
make_config_dir(const char *dir)
{
	char	*parent, *slash;

	if (mkdir(dir, 0700) == 0 || errno == EEXIST)
		return 0;
	if (errno != ENOENT)
		return SUS_ERR_SYSTEM;
	parent = xstrdup(dir);
	if ((slash = strrchr(parent, '/')) != NULL && slash != parent) {
		*slash = '\0';
		if (mkdir(parent, 0700) != 0 && errno != EEXIST) {
			free(parent);
			return SUS_ERR_SYSTEM;
		}
	}
	free(parent);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return SUS_ERR_SYSTEM;
	return 0;
}

/*
 * Finds the key file (-i, else $XDG_CONFIG_HOME/sus/id_x25519, making
 * the directory) and the pin file (-k, $SUS_KNOWN_SERVERS, else
 * known_servers beside the key).
 */
int
sus_paths_init(struct sus_paths *p, const char *keypath, const char *pins,
    const char *prog)
{
	const char	*xdg = getenv("XDG_CONFIG_HOME");
	const char	*home = getenv("HOME"), *env;

	memset(p, 0, sizeof *p);
	if (xdg != NULL && *xdg == '/')
		xasprintf(&p->dir, "%s/sus", xdg);
	else
		xasprintf(&p->dir, "%s/.config/sus", home != NULL ? home : ".");
	if (keypath != NULL)
		p->keypath = xstrdup(keypath);
	else {
		if (make_config_dir(p->dir) != 0) {
			fprintf(stderr, "%s: kan inte skapa %s: %s\n", prog,
			    p->dir, strerror(errno));
			return -1;
		}
		xasprintf(&p->keypath, "%s/id_x25519", p->dir);
	}
	if (pins == NULL && (env = getenv("SUS_KNOWN_SERVERS")) != NULL &&
	    *env != '\0')
		pins = env;
	if (pins == NULL) {
		xasprintf(&p->userpins, "%s/known_servers", p->dir);
		pins = p->userpins;
	}
	p->pins = pins;
	return 0;
}

/* Frees what sus_paths_init() made. */
void
sus_paths_free(struct sus_paths *p)
{
	free(p->dir);
	free(p->keypath);
	free(p->userpins);
	memset(p, 0, sizeof *p);
}

/* Points the remote at the pin files and loads or makes the key. */
int
sus_remote_setup(struct remote *r, const struct sus_paths *p,
    const char *prog)
{
	int	rv;

	r->user_pins = p->pins;
	r->system_pins = SYSTEM_KNOWN_SERVERS;
	if ((rv = keyfile_load_or_generate(p->keypath, r->priv,
	    r->pub)) != 0) {
		fprintf(stderr, "%s: kan inte läsa eller skapa nyckeln %s "
		    "(%s)\n", prog, p->keypath, sus_strerror(rv));
		return -1;
	}
	return 0;
}

/* Reads one line of at most SUS_PASSWORD_MAX bytes; NULL at once on EOF. */
static char *
sus_read_line(FILE *f)
{
	char	 buf[SUS_PASSWORD_MAX + 2];
	char	*s;

	if (fgets(buf, sizeof buf, f) == NULL)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	s = xstrdup(buf);
	explicit_bzero(buf, sizeof buf);
	return s;
}

/*
 * The password: the first line of $SUS_PASSWORD_FILE, which only its
 * owner may read (as ssh wants of a key), else asked for without echo
 * when stdin is a terminal and free (not the file being read). Never
 * from argv.
 */
char *
sus_password(const char *prog, int stdin_free, const char *user,
    const char *host)
{
	struct termios	 t, saved;
	struct stat	 st;
	const char	*path = getenv("SUS_PASSWORD_FILE");
	FILE		*f;
	char		*pw;
	int		 fd;

	if (path != NULL && *path != '\0') {
		if ((fd = open(path, O_RDONLY)) == -1 ||
		    (f = fdopen(fd, "r")) == NULL) {
			fprintf(stderr, "%s: kan inte läsa lösenordsfilen %s: "
			    "%s\n", prog, path, strerror(errno));
			return NULL;
		}
		if (fstat(fd, &st) != 0 || (st.st_mode & 077) != 0) {
			fprintf(stderr, "%s: lösenordsfilen %s får bara vara "
			    "läsbar för dig (chmod 600 %s).\n", prog, path,
			    path);
			fclose(f);
			return NULL;
		}
		pw = sus_read_line(f);
		fclose(f);
		if (pw == NULL || *pw == '\0') {
			fprintf(stderr, "%s: lösenordsfilen %s är tom.\n",
			    prog, path);
			free(pw);
			return NULL;
		}
		return pw;
	}
	if (!stdin_free || !isatty(STDIN_FILENO)) {
		fprintf(stderr, "%s: inget lösenord: ingen terminal att fråga "
		    "på. Skriv lösenordet i en fil som bara du kan läsa och "
		    "ange den med SUS_PASSWORD_FILE.\n", prog);
		return NULL;
	}
	fprintf(stderr, "Lösenord för %s på %s: ", user, host);
	fflush(stderr);
	if (tcgetattr(STDIN_FILENO, &saved) != 0)
		return NULL;
	t = saved;
	t.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &t);
	pw = sus_read_line(stdin);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
	fprintf(stderr, "\n");
	return pw;
}

/* The login name when the server argument names no user. */
char *
sus_default_user(void)
{
	struct passwd	*pw;
	const char	*u = getenv("USER");

	if (u != NULL && *u != '\0')
		return xstrdup(u);
	if ((pw = getpwuid(getuid())) != NULL)
		return xstrdup(pw->pw_name);
	return xstrdup("");
}

/*
 * Logs in as user; 0, 1 for a refusal that trying again cannot mend, or
 * < 0 when the link failed or the database was away (said only when
 * say_lost). Sets *name, when name is not NULL, to the name the server
 * knows the user by.
 */
int
sus_login(struct remote *r, const char *prog, const char *user,
    const char *password, int say_lost, char **name)
{
	struct msg_login	 req;
	struct msg_login_ok	 ok;
	struct msg_err		 err;
	int			 rv;

	memset(&req, 0, sizeof req);
	memset(&ok, 0, sizeof ok);
	memset(&err, 0, sizeof err);
	req.username = (char *)user;
	req.password = (char *)password;
	rv = remote_call(r, MSG_LOGIN, &req, MSG_LOGIN_OK, &ok, &err, NULL,
	    NULL);
	if (rv == REMOTE_REPLY_ERR) {
		fprintf(stderr, "%s: inloggningen misslyckades: %s\n", prog,
		    err.message != NULL && *err.message != '\0' ?
		    err.message : remote_errcode_text(err.code));
		rv = err.code == ERR_UNAVAILABLE ? SUS_ERR_EOF : 1;
		msg_clear(MSG_ERR, &err);
		return rv;
	}
	if (rv != 0) {
		if (say_lost)
			fprintf(stderr, "%s: %s\n", prog, r->error[0] != '\0' ?
			    r->error : "förbindelsen bröts");
		return rv < 0 ? rv : SUS_ERR_EOF;
	}
	if (ok.flags & LOGIN_F_MUST_CHANGE) {
		fprintf(stderr, "%s: du måste välja ett nytt lösenord först: "
		    "logga in med sus och byt lösenord.\n", prog);
		msg_clear(MSG_LOGIN_OK, &ok);
		return 1;
	}
	r->logged_in = 1;
	if (name != NULL)
		*name = xstrdup(ok.username != NULL && *ok.username != '\0' ?
		    ok.username : user);
	msg_clear(MSG_LOGIN_OK, &ok);
	return 0;
}

/* Takes -i and -k into keypath and pins; 1 when ch was one of them. */
int
sus_key_option(int ch, const char *arg, const char **keypath,
    const char **pins)
{
	switch (ch) {
	case 'i':
		*keypath = arg;
		return 1;
	case 'k':
		*pins = arg;
		return 1;
	}
	return 0;
}

/* Connects and logs in once; 0, 1 (for good) or < 0 (try again). */
static int
imp_connect_once(struct imp *imp, int quiet_fail)
{
	int	rv;

	rv = remote_connect(&imp->c.remote, NULL, stderr);
	if (rv == SUS_ERR_PIN_MISMATCH || rv == SUS_ERR_VERSION) {
		fprintf(stderr, "sus import: %s\n", imp->c.remote.error);
		return 1;
	}
	if (rv != 0) {
		if (!quiet_fail)
			fprintf(stderr, "sus import: %s\n",
			    imp->c.remote.error);
		return rv;
	}
	return sus_login(&imp->c.remote, "sus import", imp->c.user,
	    imp->c.password, 0, imp->c.keyuser == NULL ? &imp->c.keyuser :
	    NULL);
}

/* The first connection: any failure ends the import. */
int
imp_connect(struct imp *imp)
{
	if (imp_connect_once(imp, 0) != 0)
		return IMP_EXIT_CONN;
	return 0;
}

/* Reconnects and logs in again, trying until deadline (keys_now()). */
static int
imp_reconnect(struct imp *imp, long deadline)
{
	int	rv, said = 0;

	remote_close(&imp->c.remote);
	fprintf(stderr, "sus import: förbindelsen med servern bröts; "
	    "ansluter igen (i upp till %d s).\n", imp->c.wait_s);
	for (;;) {
		rv = imp_connect_once(imp, said++ > 0);
		if (rv == 0) {
			fprintf(stderr, "sus import: ansluten igen.\n");
			return 0;
		}
		remote_close(&imp->c.remote);
		if (rv == 1 || keys_now() >= deadline)
			break;
		usleep(500 * 1000);
	}
	fprintf(stderr, "sus import: kunde inte ansluta till servern igen. "
	    "Kör samma kommando igen: det som redan registrerats hoppas över "
	    "och ingen rad registreras två gånger.\n");
	return IMP_GAVE_UP;
}

/*
 * remote_call(), sending again after reconnecting while the link is down.
 * One request gets c.wait_s seconds in all from its first failure: a
 * batch that loses the connection every time it is sent (a server that
 * crashes on it) must not be resent for ever.
 */
int
imp_call(struct imp *imp, uint16_t type, const void *req, uint16_t want,
    void *reply, struct msg_err *err)
{
	long	deadline = 0;
	int	rv;

	for (;;) {
		if (!remote_connected(&imp->c.remote))
			rv = SUS_ERR_EOF;
		else
			rv = remote_call(&imp->c.remote, type, req, want,
			    reply, err, NULL, NULL);
		/* The database was away: the request did nothing. */
		if (rv == REMOTE_REPLY_ERR && err->code == ERR_UNAVAILABLE) {
			msg_clear(MSG_ERR, err);
			remote_close(&imp->c.remote);
			rv = SUS_ERR_EOF;
		}
		if (rv >= 0 && rv != REMOTE_ENDED)
			return rv;
		if (deadline == 0)
			deadline = keys_now() + (long)imp->c.wait_s * 1000;
		if (imp_reconnect(imp, deadline) != 0)
			return IMP_GAVE_UP;
		imp->c.resent = 1;
	}
}
