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

#include "affk.h"
#include "client.h"
#include "import.h"
#include "rapport.h"
#include "proto.h"
#include "xmalloc.h"

/* Prints usage and exits. */
static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "användning: sus [-k known_servers] [-i nyckelfil] "
	    "[användare@]server[:port]\n");
	exit(2);
}

/* Connects in plain terminal mode, then runs the screens. */
int
main(int argc, char **argv)
{
	struct remote	 remote;
	struct ui	 ui;
	struct sus_paths paths;
	const char	*pins = NULL, *keypath = NULL;
	char		*user = NULL, *host = NULL, *port = NULL;
	FILE		*in;
	int		 ch, status = 0;

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
	if (argc > 1 && strcmp(argv[1], "report") == 0)
		return rapport_main(argc - 1, argv + 1);
	while ((ch = getopt(argc, argv, "i:k:")) != -1) {
		if (!sus_key_option(ch, optarg, &keypath, &pins))
			usage();
	}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		usage();
	if (sus_target_parse(argv[0], &user, &host, &port) != 0) {
		fprintf(stderr, "sus: ogiltig server: %s\n", argv[0]);
		return 2;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "sus: libsodium kunde inte startas\n");
		return 1;
	}

	remote_init(&remote, host, port);
	if (sus_paths_init(&paths, keypath, pins, "sus") != 0) {
		status = 1;
		goto out;
	}
	if (sus_remote_setup(&remote, &paths, "sus") != 0) {
		status = 1;
		goto out;
	}
	/* The question about an unknown server needs a person to answer. */
	in = isatty(STDIN_FILENO) ? stdin : NULL;
	if (remote_connect(&remote, in, stderr) != 0) {
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
	affk_forget(&ui);
	rapport_forget(&ui);
	msg_clear(MSG_LOGIN_OK, &ui.login);
out:
	remote_free(&remote);
	sus_paths_free(&paths);
	free(user);
	free(host);
	free(port);
	return status;
}
