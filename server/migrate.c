/*
 * Schema migrations: schema/NNNN_name.sql applied in order, each in one
 * transaction, under an advisory lock so two susd starting at once cannot
 * race, and recorded in schema_version. A database newer than this susd
 * is refused. A line "--@copy TABLE FROM FILE" streams a CSV file from the
 * schema directory into TABLE, so reference data stays data.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "err.h"
#include "log.h"
#include "susd.h"
#include "xmalloc.h"

/* Any constant will do; it only has to be ours. */
#define MIGRATE_LOCK_KEY	"7431390001"
#define MIGRATE_FILES_MAX	1000
#define MIGRATE_FILE_MAX	(16 * 1024 * 1024)

struct migration {
	int	 version;
	char	 name[256];
};

/*
 * Where the migrations are: $SUSD_SCHEMA_DIR (make run and the tests
 * point it into the checkout), else the installed copy. Never the current
 * directory: root starting susd somewhere others can write must not run
 * their SQL as the schema owner.
 */
const char *
migrate_schema_dir(void)
{
	const char	*env = getenv("SUSD_SCHEMA_DIR");

	if (env != NULL && *env != '\0')
		return env;
	return SUS_DATADIR "/schema";
}

/* Runs one statement batch; 0 or SUS_ERR_SYSTEM with the error logged. */
static int
migrate_exec(PGconn *c, const char *sql)
{
	PGresult	*res;
	int		 r = 0;

	res = PQexec(c, sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		log_error("migration failed: %s", PQerrorMessage(c));
		r = SUS_ERR_SYSTEM;
	}
	PQclear(res);
	return r;
}

/* Reads a whole file into a new NUL-terminated string. */
static char *
migrate_read(const char *path, size_t *lenp)
{
	struct stat	 st;
	char		*s = NULL;
	ssize_t		 n;
	size_t		 have = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || st.st_size > MIGRATE_FILE_MAX)
		goto fail;
	s = xmalloc((size_t)st.st_size + 1);
	while (have < (size_t)st.st_size) {
		n = read(fd, s + have, (size_t)st.st_size - have);
		if (n <= 0)
			goto fail;
		have += (size_t)n;
	}
	s[have] = '\0';
	close(fd);
	if (lenp != NULL)
		*lenp = have;
	return s;
fail:
	free(s);
	close(fd);
	return NULL;
}

/* Streams dir/file into table with COPY FROM STDIN. */
static int
migrate_copy(PGconn *c, const char *dir, const char *table, const char *file)
{
	PGresult	*res;
	char		 path[1024], *data = NULL, *sql = NULL;
	size_t		 len;
	int		 r = SUS_ERR_SYSTEM;

	if (strchr(file, '/') != NULL) {
		log_error("--@copy: file must be in the schema directory");
		return SUS_ERR_INVALID;
	}
	snprintf(path, sizeof path, "%s/%s", dir, file);
	if ((data = migrate_read(path, &len)) == NULL) {
		log_error("%s: cannot read", path);
		return SUS_ERR_SYSTEM;
	}
	xasprintf(&sql, "COPY %s FROM STDIN WITH (FORMAT csv, DELIMITER ';',"
	    " HEADER true, ENCODING 'UTF8')", table);
	res = PQexec(c, sql);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		log_error("%s: %s", path, PQerrorMessage(c));
		PQclear(res);
		goto out;
	}
	PQclear(res);
	if (PQputCopyData(c, data, (int)len) != 1 ||
	    PQputCopyEnd(c, NULL) != 1) {
		log_error("%s: %s", path, PQerrorMessage(c));
		goto out;
	}
	while ((res = PQgetResult(c)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			log_error("%s: %s", path, PQerrorMessage(c));
		else
			r = 0;
		PQclear(res);
	}
out:
	free(sql);
	free(data);
	return r;
}

/* Checks a --@copy table name: identifier characters only. */
static int
migrate_ident_ok(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.')
			return 0;
	}
	return 1;
}

/* Executes one migration's text, handling --@copy lines. */
static int
migrate_apply_text(PGconn *c, const char *dir, char *text)
{
	char	*p = text, *line, *nl, table[128], file[256];
	int	 r;

	for (;;) {
		line = strstr(p, "--@copy ");
		if (line != NULL && line != text && line[-1] != '\n') {
			/* Only at the start of a line. */
			p = line + 1;
			continue;
		}
		if (line == NULL)
			return migrate_exec(c, text);
		*line = '\0';
		if ((r = migrate_exec(c, text)) != 0)
			return r;
		nl = strchr(line + 1, '\n');
		if (nl != NULL)
			*nl = '\0';
		if (sscanf(line + 8, "%127s FROM %255s", table, file) != 2 ||
		    !migrate_ident_ok(table)) {
			log_error("bad directive: --@copy %s", line + 8);
			return SUS_ERR_INVALID;
		}
		if ((r = migrate_copy(c, dir, table, file)) != 0)
			return r;
		if (nl == NULL)
			return 0;
		text = p = nl + 1;
	}
}

/* Sorts migrations by version. */
static int
migrate_cmp(const void *a, const void *b)
{
	const struct migration	*ma = a, *mb = b;

	return (ma->version > mb->version) - (ma->version < mb->version);
}

/* Lists dir/NNNN_*.sql sorted by version; duplicates are an error. */
static int
migrate_list(const char *dir, struct migration **out, int *n)
{
	DIR			*d;
	struct dirent		*de;
	struct migration	*list = NULL;
	size_t			 len;
	int			 count = 0, i;

	*out = NULL;
	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		log_error("migrations: %s: %s (run make install, or point "
		    "SUSD_SCHEMA_DIR at the schema directory)", dir,
		    strerror(errno));
		return SUS_ERR_SYSTEM;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 9 || len >= sizeof list->name ||
		    strcmp(de->d_name + len - 4, ".sql") != 0 ||
		    !isdigit((unsigned char)de->d_name[0]) ||
		    !isdigit((unsigned char)de->d_name[1]) ||
		    !isdigit((unsigned char)de->d_name[2]) ||
		    !isdigit((unsigned char)de->d_name[3]) ||
		    de->d_name[4] != '_')
			continue;
		if (count == MIGRATE_FILES_MAX)
			break;
		list = xreallocarray(list, (size_t)count + 1, sizeof *list);
		list[count].version = atoi(de->d_name);
		strlcpy(list[count].name, de->d_name, sizeof list[count].name);
		count++;
	}
	closedir(d);
	if (count > 0)
		qsort(list, (size_t)count, sizeof *list, migrate_cmp);
	for (i = 1; i < count; i++) {
		if (list[i].version == list[i - 1].version) {
			log_error("two migrations numbered %d", list[i].version);
			free(list);
			return SUS_ERR_INVALID;
		}
	}
	*out = list;
	*n = count;
	return 0;
}

/* Applies every pending migration; refuses a newer database. */
int
migrate_run(const char *conninfo, const char *dir, int verbose)
{
	PGconn			*c;
	PGresult		*res;
	struct migration	*list = NULL;
	char			 path[1024], *text, vbuf[16];
	const char		*params[2];
	int			 n, i, applied = 0, r, current;

	if ((r = migrate_list(dir, &list, &n)) != 0)
		return r;
	if (n == 0) {
		log_error("%s: no migrations found", dir);
		free(list);
		return SUS_ERR_NOT_FOUND;
	}
	if ((c = db_connect(conninfo)) == NULL) {
		free(list);
		return SUS_ERR_SYSTEM;
	}
	r = SUS_ERR_SYSTEM;
	if (migrate_exec(c, "SELECT pg_advisory_lock(" MIGRATE_LOCK_KEY ")")
	    != 0)
		goto out;
	if (migrate_exec(c, "CREATE TABLE IF NOT EXISTS schema_version ("
	    " version int PRIMARY KEY, name text NOT NULL,"
	    " applied_at timestamptz NOT NULL DEFAULT now())") != 0)
		goto unlock;
	res = PQexec(c, "SELECT coalesce(max(version), 0) FROM schema_version");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		log_error("schema_version: %s", PQerrorMessage(c));
		PQclear(res);
		goto unlock;
	}
	current = atoi(PQgetvalue(res, 0, 0));
	PQclear(res);
	if (current > list[n - 1].version) {
		log_error("the database schema (version %d) is newer than this "
		    "susd (version %d); upgrade susd", current,
		    list[n - 1].version);
		r = SUS_ERR_VERSION;
		goto unlock;
	}
	for (i = 0; i < n; i++) {
		if (list[i].version <= current)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, list[i].name);
		if ((text = migrate_read(path, NULL)) == NULL) {
			log_error("%s: cannot read", path);
			goto unlock;
		}
		if (migrate_exec(c, "BEGIN") != 0) {
			free(text);
			goto unlock;
		}
		r = migrate_apply_text(c, dir, text);
		free(text);
		snprintf(vbuf, sizeof vbuf, "%d", list[i].version);
		params[0] = vbuf;
		params[1] = list[i].name;
		if (r == 0) {
			res = PQexecParams(c, "INSERT INTO schema_version"
			    " (version, name) VALUES ($1, $2)", 2, NULL,
			    params, NULL, NULL, 0);
			if (PQresultStatus(res) != PGRES_COMMAND_OK)
				r = SUS_ERR_SYSTEM;
			PQclear(res);
		}
		if (r == 0)
			r = migrate_exec(c, "COMMIT");
		if (r != 0) {
			log_error("%s: not applied", list[i].name);
			migrate_exec(c, "ROLLBACK");
			goto unlock;
		}
		applied++;
		if (verbose)
			log_info("applied %s", list[i].name);
	}
	if (verbose || applied > 0)
		log_info("schema at version %d (%d applied)",
		    list[n - 1].version, applied);
	r = 0;
unlock:
	migrate_exec(c, "SELECT pg_advisory_unlock(" MIGRATE_LOCK_KEY ")");
out:
	PQfinish(c);
	free(list);
	return r;
}
