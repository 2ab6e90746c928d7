/*
 * sus import (issue 7): registers the rows of a CSV file without a
 * person at the keyboard, for scripts and cron. Reads the header, logs
 * in, then streams the file: each row is checked here, gathered into
 * batches of one insats, sent under an idempotency key, and every
 * refused row is reported on stdout as "rad N, KOLUMN[, ********-NNNC]:
 * MEDDELANDE", ending with a summary. sus(1), IMPORT, is the manual.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import.h"
#include "proto.h"
#include "xmalloc.h"

static const struct option imp_options[] = {
	{ "batch",	required_argument,	NULL, 'b' },
	{ "dry-run",	no_argument,		NULL, 'n' },
	{ "help",	no_argument,		NULL, 'h' },
	{ "insats",	required_argument,	NULL, 'I' },
	{ "quiet",	no_argument,		NULL, 'q' },
	{ "vanta",	required_argument,	NULL, 'w' },
	{ NULL,		0,			NULL, 0 }
};

/* Prints usage; returns the usage status. */
static int
imp_usage(void)
{
	fprintf(stderr, "användning: sus import [--dry-run] [--insats ID] "
	    "[-b rader] [-q] [--vanta sek]\n"
	    "           [-i nyckelfil] [-k known_servers] "
	    "[användare@]server[:port] FIL\n"
	    "FIL - läser standard in. Lösenordet läses från filen i "
	    "SUS_PASSWORD_FILE\neller frågas efter på terminalen. Se "
	    "sus(1), IMPORT.\n");
	return IMP_EXIT_USAGE;
}

/* Reads a whole number lo..hi from an option; 0 or -1 with a message. */
static int
imp_number(const char *opt, const char *s, unsigned long lo,
    unsigned long hi, unsigned long *v)
{
	char	*end;

	errno = 0;
	*v = strtoul(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || *v < lo || *v > hi ||
	    *s == '-') {
		fprintf(stderr, "sus import: %s vill ha ett heltal %lu–%lu\n",
		    opt, lo, hi);
		return -1;
	}
	return 0;
}

/* Opens the file (stdin for "-"); 0 or IMP_EXIT_USAGE. */
static int
imp_open(struct imp *imp)
{
	struct stat	st;

	if (strcmp(imp->path, "-") == 0)
		imp->fd = STDIN_FILENO;
	else if ((imp->fd = open(imp->path, O_RDONLY)) == -1) {
		fprintf(stderr, "sus import: kan inte läsa %s: %s\n",
		    imp->path, strerror(errno));
		return IMP_EXIT_USAGE;
	}
	if (fstat(imp->fd, &st) == 0 && S_ISREG(st.st_mode))
		imp->size = st.st_size;
	imp->csv = csv_open(imp->fd);
	return 0;
}

/* Reports whether every field of a record is empty (Excel's blank rows). */
static int
imp_blank(const struct csv_record *r)
{
	size_t	i;

	for (i = 0; i < r->nfields; i++)
		if (r->field[i][0] != '\0')
			return 0;
	return 1;
}

/* One record of the file into the batch; 0 or an IMP_EXIT_* status. */
static int
imp_record(struct imp *imp, const struct csv_record *r, int *first)
{
	const char	*why;
	char		 buf[64], mask[16] = "";
	uint32_t	 insats;
	int		 rv;

	if (*first) {
		*first = 0;
		if ((rv = imp_preflight(imp, r)) != 0)
			return rv;
	}
	if (imp_row_insats(imp, r, &insats, &why) != 0) {
		if (imp->col[C_PNR] >= 0 && (size_t)imp->col[C_PNR] <
		    r->nfields)
			imp_mask(imp_trim(r->field[imp->col[C_PNR]], buf,
			    sizeof buf), mask, sizeof mask);
		imp_batch_refuse(imp, r->line, mask, imp_col_name(imp,
		    C_INSATS), "%s", why);
		return 0;
	}
	/* A batch names one insats: another starts the next batch. */
	if (imp_batch_nrows(imp) > 0 && insats != imp->b.insats_id &&
	    imp_flush(imp) != 0)
		return IMP_EXIT_CONN;
	if (imp_batch_nrows(imp) == 0)
		imp->b.insats_id = insats;
	if (imp_row_add(imp, r, insats) != 0)
		return IMP_EXIT_CONN;
	return 0;
}

/* The summary on stdout. */
static void
imp_summary(const struct imp *imp)
{
	if (imp->dry_run)
		printf("sus import: provkörning: inget sparades; "
		    "registrerade är de rader som skulle ha registrerats.\n");
	else if (imp->batches > 0 && imp->replayed == imp->batches)
		printf("sus import: filen är redan importerad: inget nytt "
		    "registrerades.\n");
	printf("sus import: %lu rader, %lu registrerade, %lu fel, %lu fanns "
	    "redan.\n", imp->rader, imp->ok, imp->fel, imp->finns);
	/*
	 * Anonymous counts add up: only the very same batch is known again,
	 * so the whole file corrected and imported again would count its
	 * good rows twice.
	 */
	if (imp->kind == IMP_ANONYM && imp->fel > 0)
		printf("sus import: anonyma deltagare räknas ihop: importera "
		    "bara de rättade raderna, i en ny fil, inte hela filen "
		    "igen.\n");
	fflush(stdout);
}

/* Streams the file's rows in batches; 0 or an IMP_EXIT_* status. */
static int
imp_run(struct imp *imp)
{
	struct csv_record	r;
	int			n, rv, first = 1, read_error = 0;

	imp_batch_init(imp);
	imp->started = keys_now();
	while ((n = csv_next(imp->csv, &r)) != 0) {
		if (n == CSV_ERR_READ) {
			read_error = errno;
			break;
		}
		if (n > 0 && imp_blank(&r))
			continue;
		imp->rader++;
		if (n < 0)
			imp_batch_refuse(imp, r.line, "", "-", "Felaktig "
			    "CSV: %s.", csv_strerror(n));
		else if ((rv = imp_record(imp, &r, &first)) != 0)
			return rv;
		if (imp_batch_full(imp) && imp_flush(imp) != 0)
			return IMP_EXIT_CONN;
		imp_progress(imp, 0);
	}
	if (imp_flush(imp) != 0)
		return IMP_EXIT_CONN;
	imp_progress(imp, 1);
	imp_summary(imp);
	if (read_error != 0) {
		fprintf(stderr, "sus import: läsfel i %s: %s\n", imp->path,
		    strerror(read_error));
		return IMP_EXIT_USAGE;
	}
	return 0;
}

/* sus import [flaggor] [användare@]server[:port] FIL; argv[0] "import". */
int
import_main(int argc, char **argv)
{
	struct imp		 imp;
	struct sus_paths	 paths;
	struct csv_record	 r;
	const char		*keypath = NULL, *pins = NULL;
	char			*host = NULL, *port = NULL;
	unsigned long		 v;
	int			 ch, n, status = IMP_EXIT_USAGE;

	memset(&imp, 0, sizeof imp);
	memset(&paths, 0, sizeof paths);
	imp.fd = -1;
	imp.batch_rows = IMP_BATCH_DEFAULT;
	imp.c.wait_s = IMP_WAIT_DEFAULT;
	imp.c.remote.fd = -1;
	while ((ch = getopt_long(argc, argv, "b:hi:k:nqw:", imp_options,
	    NULL)) != -1) {
		if (sus_key_option(ch, optarg, &keypath, &pins))
			continue;
		switch (ch) {
		case 'b':
			if (imp_number("-b", optarg, 1, SUS_BATCH_MAX, &v) != 0)
				return IMP_EXIT_USAGE;
			imp.batch_rows = v;
			break;
		case 'I':
			if (imp_number("--insats", optarg, 1, UINT32_MAX,
			    &v) != 0)
				return IMP_EXIT_USAGE;
			imp.insats_opt = (uint32_t)v;
			break;
		case 'w':
			if (imp_number("--vanta", optarg, 0, 86400, &v) != 0)
				return IMP_EXIT_USAGE;
			imp.c.wait_s = (int)v;
			break;
		case 'n':
			imp.dry_run = 1;
			break;
		case 'q':
			imp.quiet = 1;
			break;
		default:
			return imp_usage();
		}
	}
	if (argc - optind != 2)
		return imp_usage();
	if (sus_target_parse(argv[optind], &imp.c.user, &host, &port) != 0) {
		fprintf(stderr, "sus import: ogiltig server: %s\n",
		    argv[optind]);
		return IMP_EXIT_USAGE;
	}
	if (imp.c.user == NULL)
		imp.c.user = sus_default_user();
	imp.path = argv[optind + 1];
	imp.tty = isatty(STDERR_FILENO);
	if ((status = imp_open(&imp)) != 0)
		goto out;
	status = IMP_EXIT_USAGE;
	if ((n = csv_next(imp.csv, &r)) <= 0) {
		fprintf(stderr, "sus import: %s: %s\n", imp.path, n == 0 ?
		    "filen är tom: den första raden ska namnge kolumnerna" :
		    csv_strerror(n));
		goto out;
	}
	if ((status = imp_header(&imp, &r)) != 0)
		goto out;
	status = IMP_EXIT_CONN;
	if (sodium_init() < 0) {
		fprintf(stderr, "sus import: libsodium kunde inte startas\n");
		goto out;
	}
	if ((imp.c.password = sus_password("sus import",
	    strcmp(imp.path, "-") != 0, imp.c.user, host)) == NULL) {
		status = IMP_EXIT_USAGE;
		goto out;
	}
	remote_init(&imp.c.remote, host, port);
	if (sus_paths_init(&paths, keypath, pins, "sus import") != 0 ||
	    sus_remote_setup(&imp.c.remote, &paths, "sus import") != 0 ||
	    imp_connect(&imp) != 0)
		goto out;
	if ((status = imp_run(&imp)) == 0)
		status = imp.fel > 0 ? IMP_EXIT_FEL : IMP_EXIT_OK;
out:
	if (imp.b.items != NULL)
		imp_batch_free(&imp);
	remote_bye(&imp.c.remote);
	remote_free(&imp.c.remote);
	imp_map_free(&imp);
	csv_free(imp.csv);
	if (imp.fd > STDIN_FILENO)
		close(imp.fd);
	if (imp.c.password != NULL)
		freezero(imp.c.password, strlen(imp.c.password));
	free(imp.c.user);
	free(imp.c.keyuser);
	free(host);
	free(port);
	sus_paths_free(&paths);
	return status;
}
