/*
 * sus: the SUS terminal client. Parses the command line, finds the key
 * and pin files, connects and checks the server key in plain terminal
 * mode (the ssh-style question must come before curses), then hands over
 * to the screens.
 */
#include <sys/stat.h>

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "err.h"
#include "keyfile.h"
#include "proto.h"
#include "xmalloc.h"

#define SYSTEM_KNOWN_SERVERS	"/etc/sus/known_servers"

/* Prints usage and exits. */
static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "användning: sus [-k known_servers] [-i nyckelfil] "
	    "[användare@]server[:port]\n");
	exit(2);
}

/* Splits [user@]host[:port]; IPv6 addresses go in brackets. */
static int
parse_target(const char *arg, char **user, char **host, char **port)
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

/* Returns $XDG_CONFIG_HOME/sus, or ~/.config/sus. */
static char *
config_dir(void)
{
	const char	*xdg = getenv("XDG_CONFIG_HOME");
	const char	*home = getenv("HOME");
	char		*dir;

	if (xdg != NULL && *xdg == '/')
		xasprintf(&dir, "%s/sus", xdg);
	else
		xasprintf(&dir, "%s/.config/sus", home != NULL ? home : ".");
	return dir;
}

/* Connects in plain terminal mode, then runs the screens. */
int
main(int argc, char **argv)
{
	struct remote	 remote;
	struct ui	 ui;
	const char	*pins = NULL, *env;
	char		*keypath = NULL, *dir, *user = NULL, *host, *port;
	char		*userpins = NULL;
	FILE		*in;
	int		 ch, rv, status = 0;

	setlocale(LC_ALL, "");
	/*
	 * Everything sus shows and sends is UTF-8 (åäö in every name). A
	 * shell without a locale (LANG unset, as over many ssh setups) would
	 * leave curses in ASCII, so fall back to C.UTF-8 for characters.
	 */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/*
	 * SUS dates are Swedish dates, and susd judges "today" in Swedish
	 * time: a terminal on a host kept in UTC must not offer yesterday
	 * as today's date, or have a start today refused as tomorrow.
	 */
	setenv("TZ", "Europe/Stockholm", 1);
	tzset();
	if (argc > 1 && strcmp(argv[1], "import") == 0)
		return import_main(argc - 1, argv + 1);
	while ((ch = getopt(argc, argv, "i:k:")) != -1) {
		switch (ch) {
		case 'i':
			keypath = xstrdup(optarg);
			break;
		case 'k':
			pins = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		usage();
	if (parse_target(argv[0], &user, &host, &port) != 0) {
		fprintf(stderr, "sus: ogiltig server: %s\n", argv[0]);
		return 2;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "sus: libsodium kunde inte startas\n");
		return 1;
	}

	dir = config_dir();
	if (keypath == NULL) {
		if (make_config_dir(dir) != 0) {
			fprintf(stderr, "sus: kan inte skapa %s: %s\n", dir,
			    strerror(errno));
			return 1;
		}
		xasprintf(&keypath, "%s/id_x25519", dir);
	}
	if (pins == NULL && (env = getenv("SUS_KNOWN_SERVERS")) != NULL &&
	    *env != '\0')
		pins = env;
	if (pins == NULL) {
		xasprintf(&userpins, "%s/known_servers", dir);
		pins = userpins;
	}

	remote_init(&remote, host, port);
	remote.user_pins = pins;
	remote.system_pins = SYSTEM_KNOWN_SERVERS;
	if ((rv = keyfile_load_or_generate(keypath, remote.priv,
	    remote.pub)) != 0) {
		fprintf(stderr, "sus: kan inte läsa eller skapa nyckeln %s "
		    "(%s)\n", keypath, sus_strerror(rv));
		status = 1;
		goto out;
	}
	/* The question about an unknown server needs a person to answer. */
	in = isatty(STDIN_FILENO) ? stdin : NULL;
	if ((rv = remote_connect(&remote, in, stderr)) != 0) {
		fprintf(stderr, "sus: %s\n", remote.error);
		status = 1;
		goto out;
	}

	memset(&ui, 0, sizeof ui);
	ui.remote = &remote;
	ui.username = user;
	user = NULL;
	ui_run(&ui);
	remote_bye(&remote);
	if (ui.fatal != NULL) {
		fputs(ui.fatal, stderr);
		fprintf(stderr, "sus: %s\n", remote.error);
		status = 1;
	}
	free(ui.fatal);
	free(ui.username);
	kod_forget(&ui);
	msg_clear(MSG_LOGIN_OK, &ui.login);
out:
	remote_free(&remote);
	free(user);
	free(host);
	free(port);
	free(keypath);
	free(userpins);
	free(dir);
	return status;
}
