/*
 * sus report: runs one report without a person at the screen, for cron
 * jobs, and writes it as CSV for Swedish Excel (rapport_csv.c) to a file
 * or standard out. `sus report --list` prints every report with its
 * rapporttyper and parameters, the values they take and their
 * standards. The connection is set up as for sus import: the key and
 * known_servers files, the password from SUS_PASSWORD_FILE (readable by
 * its owner only) or asked for on the terminal, never on the command
 * line. sus(1), REPORTS, is the manual.
 *
 * Exit status: 0 written; 1 the server refused (why on stderr); 2 usage
 * (an unknown report, rapporttyp or parameter among them); 3 connection
 * or login.
 */
#include <errno.h>
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "import.h"
#include "proto.h"
#include "rapport.h"
#include "xmalloc.h"

#define RC_OK		0
#define RC_VAGRAT	1
#define RC_USAGE	2
#define RC_CONN		3

/* Most --param options. */
#define RC_PARAM_MAX	100

static const struct option rc_options[] = {
	{ "csv",	required_argument,	NULL, 'c' },
	{ "help",	no_argument,		NULL, 'h' },
	{ "list",	no_argument,		NULL, 'l' },
	{ "param",	required_argument,	NULL, 'p' },
	{ "quiet",	no_argument,		NULL, 'q' },
	{ "typ",	required_argument,	NULL, 't' },
	{ NULL,		0,			NULL, 0 }
};

struct rc {
	int		 lista;
	int		 quiet;
	const char	*typ;
	const char	*csv;
	const char	*rapport;
	struct rapport_arg args[RC_PARAM_MAX];
	uint32_t	 nargs;
	struct remote	 remote;
	char		*user;
	char		*password;
};

static int
rc_usage(void)
{
	fprintf(stderr, "användning: sus report [-q] [-i nyckelfil] "
	    "[-k known_servers] RAPPORT [--typ TYP]\n"
	    "           [--param namn=värde]... --csv FIL|- "
	    "[användare@]server[:port]\n"
	    "       sus report --list [-i nyckelfil] [-k known_servers] "
	    "[användare@]server[:port]\n"
	    "Lösenordet läses från filen i SUS_PASSWORD_FILE eller frågas "
	    "efter på terminalen.\nSe sus(1), REPORTS.\n");
	return RC_USAGE;
}

/* The server's reason for a refusal. */
static const char *
rc_why(const struct msg_err *err)
{
	return err->message != NULL && *err->message != '\0' ?
	    err->message : remote_errcode_text(err->code);
}

/* Connects and logs in; 0 or RC_CONN with a message. */
static int
rc_connect(struct rc *rc)
{
	if (remote_connect(&rc->remote, NULL, stderr) != 0) {
		fprintf(stderr, "sus report: %s\n", rc->remote.error);
		return RC_CONN;
	}
	if (sus_login(&rc->remote, "sus report", rc->user, rc->password, 1,
	    NULL) != 0)
		return RC_CONN;
	return 0;
}

/* The name of a parameter kind, for --list. */
static const char *
rc_slag(int slag)
{
	static const char *const namn[] = {
		[RAPPORT_P_DATUM] = "datum ÅÅÅÅ-MM-DD",
		[RAPPORT_P_AR] = "år ÅÅÅÅ",
		[RAPPORT_P_VAL] = "ett av",
		[RAPPORT_P_KOD] = "kod i kodlistan",
		[RAPPORT_P_SAMORG] = "samverkansorganisationens id",
		[RAPPORT_P_INSATS] = "insatsens id",
		[RAPPORT_P_LAN] = "länskod",
		[RAPPORT_P_KOMMUN] = "kommunkod",
		[RAPPORT_P_AF_KONTOR] = "Af-kontorets id",
		[RAPPORT_P_FK_KONTOR] = "FK-kontorets id",
	};

	if (slag <= 0 || (size_t)slag >= sizeof namn / sizeof namn[0] ||
	    namn[slag] == NULL)
		return "text";
	return namn[slag];
}

/* Prints every report, its rapporttyper and parameters. */
static void
rc_lista(const struct msg_rapport_defs *d)
{
	const struct rapport_def_row	*def;
	const struct rapport_param_row	*p;
	uint32_t			 i, j, k;

	printf("Rapporter (antal under %u visas inte utom för hela riket "
	    "utan avgränsning):\n", d->troskel);
	for (i = 0; i < d->ndefs; i++) {
		def = &d->defs[i];
		printf("\n%s\t%s (%s)\n", def->namn, def->titel, def->grupp);
		printf("  --typ:\n");
		for (j = 0; j < def->ntyper; j++)
			printf("    %s\t%s%s\n", def->typer[j].namn,
			    def->typer[j].titel, j == 0 ? " (standard)" : "");
		printf("  --param:\n");
		for (j = 0; j < def->nparam; j++) {
			p = &def->param[j];
			printf("    %s=\t%s: %s", p->namn, p->titel,
			    rc_slag(p->slag));
			if (p->slag == RAPPORT_P_KOD)
				printf(" %s", p->lista);
			if (p->kravs)
				printf("; krävs");
			if (p->standard != NULL && *p->standard != '\0')
				printf("; standard %s", p->standard);
			if (p->typer != NULL && *p->typer != '\0')
				printf("; bara för typ %s", p->typer);
			if (p->fler)
				printf("; fler urval");
			printf("\n");
			for (k = 0; k < p->nval; k++)
				printf("      %s\t%s\n", *p->val[k].kod != '\0' ?
				    p->val[k].kod : "\"\"", p->val[k].namn);
		}
	}
}

/* Checks the report, typ and parameters against the definitions. */
static int
rc_kolla(const struct rc *rc, const struct msg_rapport_defs *d)
{
	const struct rapport_def_row	*def;
	uint32_t			 i, j;

	if ((def = rapport_defs_find(d, rc->rapport)) == NULL) {
		fprintf(stderr, "sus report: ingen rapport heter %s; "
		    "sus report --list visar dem.\n", rc->rapport);
		return RC_USAGE;
	}
	if (rc->typ != NULL) {
		for (j = 0; j < def->ntyper; j++)
			if (strcmp(def->typer[j].namn, rc->typ) == 0)
				break;
		if (j == def->ntyper) {
			fprintf(stderr, "sus report: %s har ingen rapporttyp "
			    "%s; sus report --list visar dem.\n", rc->rapport,
			    rc->typ);
			return RC_USAGE;
		}
	}
	for (i = 0; i < rc->nargs; i++) {
		for (j = 0; j < def->nparam; j++)
			if (strcmp(def->param[j].namn, rc->args[i].namn) == 0)
				break;
		if (j == def->nparam) {
			fprintf(stderr, "sus report: %s har ingen parameter "
			    "%s; sus report --list visar dem.\n", rc->rapport,
			    rc->args[i].namn);
			return RC_USAGE;
		}
	}
	return 0;
}

/* Runs the report and writes the CSV; an RC_* status. */
static int
rc_kor(struct rc *rc)
{
	struct msg_rapport_defs_get	 dreq;
	struct msg_rapport_defs		 defs;
	struct msg_rapport_run		 q;
	struct msg_rapport		 rep;
	struct msg_err			 err;
	char				 why[1200];
	int				 rv, status;

	memset(&dreq, 0, sizeof dreq);
	memset(&defs, 0, sizeof defs);
	memset(&rep, 0, sizeof rep);
	memset(&err, 0, sizeof err);
	rv = remote_call(&rc->remote, MSG_RAPPORT_DEFS_GET, &dreq,
	    MSG_RAPPORT_DEFS, &defs, &err, NULL, NULL);
	if (rv == REMOTE_REPLY_ERR) {
		fprintf(stderr, "sus report: %s\n", rc_why(&err));
		msg_clear(MSG_ERR, &err);
		return RC_VAGRAT;
	}
	if (rv != 0) {
		fprintf(stderr, "sus report: %s\n", rc->remote.error);
		return RC_CONN;
	}
	if (rc->lista) {
		rc_lista(&defs);
		status = fflush(stdout) == 0 ? RC_OK : RC_USAGE;
		goto out;
	}
	if ((status = rc_kolla(rc, &defs)) != 0)
		goto out;
	memset(&q, 0, sizeof q);
	q.rapport = (char *)rc->rapport;
	q.typ = (char *)(rc->typ != NULL ? rc->typ : "");
	q.nargs = rc->nargs;
	q.args = rc->args;
	rv = remote_call(&rc->remote, MSG_RAPPORT_RUN, &q, MSG_RAPPORT, &rep,
	    &err, NULL, NULL);
	if (rv == REMOTE_REPLY_ERR) {
		fprintf(stderr, "sus report: servern vägrade: %s\n",
		    rc_why(&err));
		msg_clear(MSG_ERR, &err);
		status = RC_VAGRAT;
		goto out;
	}
	if (rv != 0) {
		fprintf(stderr, "sus report: %s\n", rc->remote.error);
		status = RC_CONN;
		goto out;
	}
	if (strcmp(rc->csv, "-") == 0) {
		if (rapport_csv_fp(&rep, stdout) != 0 || fflush(stdout) != 0) {
			fprintf(stderr, "sus report: kunde inte skriva till "
			    "standard ut: %s\n", strerror(errno));
			status = RC_USAGE;
			goto out;
		}
	} else if (rapport_csv_write(&rep, rc->csv, why, sizeof why) != 0) {
		fprintf(stderr, "sus report: %s\n", why);
		status = RC_USAGE;
		goto out;
	} else if (!rc->quiet)
		fprintf(stderr, "sus report: %s (%u rader) skriven till %s\n",
		    rep.titel, rep.nrader, rc->csv);
	status = RC_OK;
out:
	msg_clear(MSG_RAPPORT, &rep);
	msg_clear(MSG_RAPPORT_DEFS, &defs);
	return status;
}

/* sus report [flaggor] RAPPORT ... server; argv[0] is "report". */
int
rapport_main(int argc, char **argv)
{
	struct rc		 rc;
	struct sus_paths	 paths;
	const char		*keypath = NULL, *pins = NULL, *target;
	char			*host = NULL, *port = NULL, *eq;
	int			 ch, status = RC_USAGE;
	uint32_t		 i;

	memset(&rc, 0, sizeof rc);
	memset(&paths, 0, sizeof paths);
	rc.remote.fd = -1;
	while ((ch = getopt_long(argc, argv, "hi:k:q", rc_options,
	    NULL)) != -1) {
		if (sus_key_option(ch, optarg, &keypath, &pins))
			continue;
		switch (ch) {
		case 'c':
			rc.csv = optarg;
			break;
		case 'l':
			rc.lista = 1;
			break;
		case 'p':
			if ((eq = strchr(optarg, '=')) == NULL ||
			    eq == optarg || rc.nargs == RC_PARAM_MAX) {
				fprintf(stderr, "sus report: --param vill ha "
				    "namn=värde: %s\n", optarg);
				goto out;
			}
			rc.args[rc.nargs].namn = xstrndup(optarg,
			    (size_t)(eq - optarg));
			rc.args[rc.nargs].varde = xstrdup(eq + 1);
			rc.nargs++;
			break;
		case 'q':
			rc.quiet = 1;
			break;
		case 't':
			rc.typ = optarg;
			break;
		default:
			rc_usage();
			goto out;
		}
	}
	argc -= optind;
	argv += optind;
	if (rc.lista) {
		if (argc != 1) {
			rc_usage();
			goto out;
		}
		target = argv[0];
	} else {
		if (argc != 2 || rc.csv == NULL) {
			if (argc == 2)
				fprintf(stderr, "sus report: ange --csv FIL "
				    "(- för standard ut)\n");
			rc_usage();
			goto out;
		}
		rc.rapport = argv[0];
		target = argv[1];
	}
	if (sus_target_parse(target, &rc.user, &host, &port) != 0) {
		fprintf(stderr, "sus report: ogiltig server: %s\n", target);
		goto out;
	}
	if (rc.user == NULL)
		rc.user = sus_default_user();
	status = RC_CONN;
	if (sodium_init() < 0) {
		fprintf(stderr, "sus report: libsodium kunde inte startas\n");
		goto out;
	}
	if ((rc.password = sus_password("sus report", 1, rc.user, host)) == NULL) {
		status = RC_USAGE;
		goto out;
	}
	remote_init(&rc.remote, host, port);
	if (sus_paths_init(&paths, keypath, pins, "sus report") != 0 ||
	    sus_remote_setup(&rc.remote, &paths, "sus report") != 0 ||
	    (status = rc_connect(&rc)) != 0) {
		status = RC_CONN;
		goto out;
	}
	status = rc_kor(&rc);
out:
	remote_bye(&rc.remote);
	remote_free(&rc.remote);
	if (rc.password != NULL)
		freezero(rc.password, strlen(rc.password));
	for (i = 0; i < rc.nargs; i++) {
		free(rc.args[i].namn);
		free(rc.args[i].varde);
	}
	free(rc.user);
	free(host);
	free(port);
	sus_paths_free(&paths);
	return status;
}
