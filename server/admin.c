/*
 * Operator commands run from the shell: creating users (the first
 * superadministratör among them) and loading the demo dataset. Passwords
 * are read from the terminal, never from the command line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "err.h"
#include "log.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/* Reads one line from fd into buf, without the newline. */
static int
admin_read_line(int fd, char *buf, size_t len)
{
	size_t	n = 0;
	char	c;
	ssize_t	r;

	while ((r = read(fd, &c, 1)) == 1) {
		if (c == '\n')
			break;
		if (n + 1 < len)
			buf[n++] = c;
	}
	buf[n] = '\0';
	if (r == -1)
		return SUS_ERR_SYSTEM;
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return 0;
}

/*
 * Reads a password: from the terminal with echo off, asked twice; or,
 * when stdin is not a terminal, one line from stdin (for scripts).
 */
static int
admin_read_password(char *pw, size_t len)
{
	struct termios	 old, raw;
	char		 again[SUS_PASSWORD_MAX + 1];
	int		 fd, r = SUS_ERR_SYSTEM;

	if (!isatty(STDIN_FILENO))
		return admin_read_line(STDIN_FILENO, pw, len);
	if ((fd = open("/dev/tty", O_RDWR | O_CLOEXEC)) == -1)
		return SUS_ERR_SYSTEM;
	if (tcgetattr(fd, &old) == -1)
		goto out;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)ECHO;
	if (tcsetattr(fd, TCSAFLUSH, &raw) == -1)
		goto out;
	dprintf(fd, "Lösenord: ");
	r = admin_read_line(fd, pw, len);
	dprintf(fd, "\nUpprepa lösenordet: ");
	if (r == 0)
		r = admin_read_line(fd, again, sizeof again);
	dprintf(fd, "\n");
	tcsetattr(fd, TCSAFLUSH, &old);
	if (r == 0 && strcmp(pw, again) != 0) {
		fprintf(stderr, "susd: lösenorden är inte lika\n");
		r = SUS_ERR_INVALID;
	}
	sodium_memzero(again, sizeof again);
out:
	close(fd);
	return r;
}

/* Checks a comma-separated role list against the known roles (auth.c). */
static int
admin_roles_ok(const char *list)
{
	char	*copy, *p, *tok;
	int	 ok = 1;

	copy = xstrdup(list);
	for (p = copy; (tok = strsep(&p, ",")) != NULL;) {
		if (auth_role_bit(tok) == 0) {
			fprintf(stderr, "susd: unknown role %s (known: "
			    "superadmin, samverkansadmin, insatsansvarig, "
			    "deltagaransvarig, susrapport)\n", tok);
			ok = 0;
		}
	}
	free(copy);
	return ok;
}

/* Reports whether an organisation of that exact name exists. */
static int
admin_org_exists(PGconn *c, const char *namn)
{
	PGresult	*res;
	const char	*params[1] = { namn };
	int		 ok;

	res = PQexecParams(c, "SELECT 1 FROM organisation WHERE namn = $1",
	    1, NULL, params, NULL, NULL, 0);
	ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
	PQclear(res);
	return ok;
}

/*
 * susd useradd [-r roles] -n förnamn -e efternamn [-m e-post]
 *     [-a arbetsgivare] user
 * A superadministratör with no -a is employed by the organisation marked
 * as FK's SUS-förvaltning (rule 18 refuses anyone else).
 */
int
admin_useradd(int argc, char **argv)
{
	const char	*roles = "superadmin", *fornamn = "", *efternamn = "";
	const char	*epost = NULL, *arbetsgivare = NULL, *params[7], *why;
	char		 pw[SUS_PASSWORD_MAX + 1], hash[crypto_pwhash_STRBYTES];
	PGconn		*c = NULL;
	PGresult	*res = NULL;
	int		 ch, r = SUS_ERR_INVALID;

	optind = 1;
	while ((ch = getopt(argc, argv, "a:r:n:e:m:")) != -1) {
		switch (ch) {
		case 'a':
			arbetsgivare = optarg;
			break;
		case 'r':
			roles = optarg;
			break;
		case 'n':
			fornamn = optarg;
			break;
		case 'e':
			efternamn = optarg;
			break;
		case 'm':
			epost = optarg;
			break;
		default:
			fprintf(stderr, "usage: susd useradd [-r roles] "
			    "-n förnamn -e efternamn [-m e-post] "
			    "[-a arbetsgivare] user\n");
			return SUS_ERR_INVALID;
		}
	}
	if (optind != argc - 1 || !admin_roles_ok(roles))
		return SUS_ERR_INVALID;
	if (*fornamn == '\0' || *efternamn == '\0' ||
	    (epost != NULL && *epost == '\0')) {
		fprintf(stderr, "susd: useradd needs -n förnamn, -e efternamn "
		    "and a non-empty -m e-post if given\n");
		return SUS_ERR_INVALID;
	}
	if (admin_read_password(pw, sizeof pw) != 0)
		return SUS_ERR_SYSTEM;
	if ((why = rule_password_refusal(pw, argv[optind], NULL)) != NULL) {
		fprintf(stderr, "susd: %s\n", why);
		goto out;
	}
	if ((r = auth_hash_password(pw, hash, sizeof hash)) != 0)
		goto out;
	if ((c = db_connect(susd.admin_conninfo)) == NULL) {
		r = SUS_ERR_SYSTEM;
		goto out;
	}
	params[0] = argv[optind];
	params[1] = hash;
	params[2] = fornamn;
	params[3] = efternamn;
	params[4] = epost;
	params[5] = roles;
	params[6] = arbetsgivare;
	if (arbetsgivare != NULL && !admin_org_exists(c, arbetsgivare)) {
		fprintf(stderr, "susd: organisationen \"%s\" finns inte\n",
		    arbetsgivare);
		r = SUS_ERR_INVALID;
		goto out;
	}
	/* One statement: the user and its roles exist together or not at all. */
	res = PQexecParams(c,
	    "WITH u AS (INSERT INTO anvandare (username, password_hash,"
	    " fornamn, efternamn, epost, arbetsgivare_id) VALUES (lower($1),"
	    " $2, $3, $4, $5, coalesce((SELECT id FROM organisation"
	    " WHERE namn = $7), CASE WHEN 'superadmin' ="
	    " ANY (string_to_array($6, ',')) THEN (SELECT min(id)"
	    " FROM organisation WHERE sus_forvaltning) END))"
	    " RETURNING id), r AS (INSERT INTO anvandare_roll"
	    " (anvandare_id, roll) SELECT u.id, x FROM u,"
	    " unnest(string_to_array($6 || ',susrapport', ',')) AS x"
	    " GROUP BY u.id, x RETURNING anvandare_id)"
	    " INSERT INTO audit (action, object_type, object_id, detail)"
	    " SELECT 'useradd', 'anvandare', id,"
	    " jsonb_build_object('roles', $6::text, 'by', 'susd useradd')"
	    " FROM u", 7, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		/* Only the primary message: DETAIL would quote the hash. */
		fprintf(stderr, "susd: could not create %s: %s\n",
		    argv[optind], PQresultErrorField(res,
		    PG_DIAG_MESSAGE_PRIMARY) != NULL ? PQresultErrorField(res,
		    PG_DIAG_MESSAGE_PRIMARY) : "database error");
		r = SUS_ERR_SYSTEM;
		goto out;
	}
	printf("Användaren %s skapades med rollerna %s.\n", argv[optind],
	    roles);
	r = 0;
out:
	sodium_memzero(pw, sizeof pw);
	sodium_memzero(hash, sizeof hash);
	PQclear(res);
	if (c != NULL)
		PQfinish(c);
	return r;
}

/* Loads schema/demo.sql (idempotent) into the database. */
int
admin_demo(void)
{
	PGconn		*c;
	PGresult	*res;
	char		 path[1024], *text = NULL;
	FILE		*fp;
	long		 len;
	int		 r = SUS_ERR_SYSTEM;

	snprintf(path, sizeof path, "%s/demo.sql", migrate_schema_dir());
	if ((fp = fopen(path, "r")) == NULL) {
		log_error("%s: %s", path, strerror(errno));
		return SUS_ERR_SYSTEM;
	}
	if (fseek(fp, 0, SEEK_END) != 0 || (len = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0) {
		fclose(fp);
		return SUS_ERR_SYSTEM;
	}
	text = xmalloc((size_t)len + 1);
	if (fread(text, 1, (size_t)len, fp) != (size_t)len) {
		fclose(fp);
		free(text);
		return SUS_ERR_SYSTEM;
	}
	text[len] = '\0';
	fclose(fp);
	if ((c = db_connect(susd.admin_conninfo)) == NULL) {
		free(text);
		return SUS_ERR_SYSTEM;
	}
	res = PQexec(c, text);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)
		log_error("demo data: %s", PQerrorMessage(c));
	else {
		log_info("demo data loaded");
		r = 0;
	}
	PQclear(res);
	PQfinish(c);
	free(text);
	return r;
}
