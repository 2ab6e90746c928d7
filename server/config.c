/*
 * susd.conf parsing. One table row per setting, as PgBouncer does it: the
 * parser, the command-line overrides, the dump for `susd -T` and the man
 * page are all driven by the same rows, so a new setting is one new row.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config.h"
#include "err.h"
#include "log.h"
#include "xmalloc.h"

/* Longest setting name quoted back in an error message. */
#define CONFIG_NAME_SHOWN	64

#define S(f, def, help) \
	{ #f, CONFIG_STRING, offsetof(struct config, f), def, 0, 0, help }
#define I(f, def, lo, hi, help) \
	{ #f, CONFIG_INT, offsetof(struct config, f), def, lo, hi, help }
#define L(f, def, help) \
	{ #f, CONFIG_LOGLEVEL, offsetof(struct config, f), def, 0, 0, help }

/* Every setting of susd, in the order the man page and -T list them. */
static const struct config_setting config_settings[] = {
	S(listen, "127.0.0.1",
	    "Address to listen on: an IPv4 or IPv6 literal or a host name."),
	I(port, "4646", 1, 65535,
	    "TCP port to listen on."),
	S(state_dir, "./var",
	    "Directory for the server key and the embedded database cluster."),
	S(key_file, "",
	    "Private key file; empty means susd_key in state_dir."),
	S(database, "",
	    "libpq connection string of the database; empty runs the embedded "
	    "PostgreSQL cluster in state_dir."),
	S(admin_database, "",
	    "libpq connection string used for migrations; empty means the "
	    "same as database."),
	S(pg_bindir, "",
	    "Directory holding initdb and pg_ctl for the embedded cluster; "
	    "empty means search the usual places."),
	S(user, "_susd",
	    "Account the server and its sessions switch to when started as "
	    "root."),
	S(cluster_user, "postgres",
	    "Account the embedded PostgreSQL cluster runs as when susd is "
	    "started as root."),
	I(max_startups, "10", 1, 10000,
	    "Connections not yet logged in allowed at once; more are refused."),
	I(max_sessions, "200", 1, 100000,
	    "Sessions allowed at once."),
	I(login_grace, "20", 1, 3600,
	    "Seconds a connection may take from accept to a successful login."),
	I(handshake_timeout, "10", 1, 300,
	    "Seconds the encrypted handshake may take."),
	I(db_idle_release, "300", 1, 86400,
	    "Seconds of idleness after which a session gives back its "
	    "database connection."),
	I(lockout_failures, "10", 1, 1000,
	    "Failed logins in a row after which an account is locked."),
	I(lockout_seconds, "900", 1, 604800,
	    "Seconds a locked account stays locked; then it opens by itself."),
	I(idle_timeout, "1800", 2, 86400,
	    "Seconds without a request after which a session is ended."),
	I(account_check, "30", 1, 3600,
	    "Seconds between checks that an idle session's account is still "
	    "active; a deactivated user's session ends within this time."),
	I(gallring_ar, "5", 1, 100,
	    "Years after a participation ended before susd gallra strips its "
	    "identifying data (personnummer, namn, folkbokföringskommun)."),
	I(rapport_troskel, "3", 1, 100,
	    "Reports hide a count of persons below this number at every "
	    "level below the whole country, and explain it in a footnote."),
	S(log_file, "",
	    "File to append the log to; empty means standard error."),
	L(log_level, "info",
	    "How much to log: error, warn, info or debug."),
};

#undef S
#undef I
#undef L

#define CONFIG_NSETTINGS \
	(sizeof config_settings / sizeof config_settings[0])

/* A word of a yes/no or level setting and the value it stands for. */
struct config_word {
	const char	*word;
	int		 value;
};

static const struct config_word config_bools[] = {
	{ "yes", 1 }, { "no", 0 },
	{ "true", 1 }, { "false", 0 },
	{ "on", 1 }, { "off", 0 },
	{ "1", 1 }, { "0", 0 },
};

/* In increasing verbosity, so the first match also names a level. */
static const struct config_word config_levels[] = {
	{ "error", LOG_LEVEL_ERROR },
	{ "warn", LOG_LEVEL_WARN },
	{ "info", LOG_LEVEL_INFO },
	{ "debug", LOG_LEVEL_DEBUG },
};

static int	config_set_string(void *, const struct config_setting *,
		    const char *, char *, size_t);
static int	config_set_int(void *, const struct config_setting *,
		    const char *, char *, size_t);
static int	config_set_bool(void *, const struct config_setting *,
		    const char *, char *, size_t);
static int	config_set_level(void *, const struct config_setting *,
		    const char *, char *, size_t);
static void	config_print_string(const void *, FILE *);
static void	config_print_int(const void *, FILE *);
static void	config_print_bool(const void *, FILE *);
static void	config_print_level(const void *, FILE *);

/* How each type is read and written, indexed by enum config_type. */
static const struct {
	const char	*name;
	int		(*set)(void *, const struct config_setting *,
			    const char *, char *, size_t);
	void		(*print)(const void *, FILE *);
} config_types[] = {
	[CONFIG_STRING] = { "string", config_set_string, config_print_string },
	[CONFIG_INT] = { "integer", config_set_int, config_print_int },
	[CONFIG_BOOL] = { "yes/no", config_set_bool, config_print_bool },
	[CONFIG_LOGLEVEL] = { "level", config_set_level, config_print_level },
};

/* Writes a formatted message to err, if the caller gave room for one. */
static void __attribute__((format(printf, 3, 4)))
config_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list	ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Returns 1 for the whitespace allowed around keys and values. */
static int
config_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* Returns 1 for bytes no value may hold: controls other than tab. */
static int
config_control(unsigned char ch)
{
	return (ch < 0x20 && ch != '\t') || ch == 0x7f;
}

/* Sets a string field, refusing controls that would garble -T output. */
static int
config_set_string(void *field, const struct config_setting *s,
    const char *value, char *err, size_t errlen)
{
	char	**sp = field;
	size_t	  i, len;

	len = strnlen(value, CONFIG_VALUE_MAX + 1);
	if (len > CONFIG_VALUE_MAX) {
		config_error(err, errlen, "%s: value longer than %d bytes",
		    s->name, CONFIG_VALUE_MAX);
		return SUS_ERR_CONFIG;
	}
	for (i = 0; i < len; i++) {
		if (config_control((unsigned char)value[i])) {
			config_error(err, errlen,
			    "%s: value holds a control character", s->name);
			return SUS_ERR_CONFIG;
		}
	}
	if (*sp != NULL)
		explicit_bzero(*sp, strlen(*sp));
	free(*sp);
	*sp = xstrdup(value);
	return 0;
}

/* Sets an integer field, in decimal and within the row's range. */
static int
config_set_int(void *field, const struct config_setting *s,
    const char *value, char *err, size_t errlen)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(value, &end, 10);
	/* strtol skips leading space and takes a sign; we take digits only. */
	if (value[0] == '\0' || end[0] != '\0' ||
	    (value[0] != '-' && (value[0] < '0' || value[0] > '9'))) {
		config_error(err, errlen, "%s: \"%.32s\" is not a number",
		    s->name, value);
		return SUS_ERR_CONFIG;
	}
	if (errno == ERANGE || v < s->min || v > s->max) {
		config_error(err, errlen, "%s: %.32s is outside %ld..%ld",
		    s->name, value, s->min, s->max);
		return SUS_ERR_CONFIG;
	}
	*(int *)field = (int)v;
	return 0;
}

/* Looks value up in a word table; returns its index or -1. */
static int
config_word_find(const struct config_word *w, size_t n, const char *value)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcasecmp(w[i].word, value) == 0)
			return (int)i;
	}
	return -1;
}

/* Reads yes/no, true/false, on/off or 1/0 in any case into *out. */
int
config_parse_bool(const char *value, int *out)
{
	int	i;

	i = config_word_find(config_bools, sizeof config_bools /
	    sizeof config_bools[0], value);
	if (i < 0)
		return SUS_ERR_CONFIG;
	*out = config_bools[i].value;
	return 0;
}

/* Sets a yes/no field. */
static int
config_set_bool(void *field, const struct config_setting *s,
    const char *value, char *err, size_t errlen)
{
	if (config_parse_bool(value, field) != 0) {
		config_error(err, errlen, "%s: \"%.32s\" is not yes or no",
		    s->name, value);
		return SUS_ERR_CONFIG;
	}
	return 0;
}

/* Sets a log level field. */
static int
config_set_level(void *field, const struct config_setting *s,
    const char *value, char *err, size_t errlen)
{
	int	i;

	i = config_word_find(config_levels, sizeof config_levels /
	    sizeof config_levels[0], value);
	if (i < 0) {
		config_error(err, errlen,
		    "%s: \"%.32s\" is not error, warn, info or debug",
		    s->name, value);
		return SUS_ERR_CONFIG;
	}
	*(enum log_level *)field = (enum log_level)config_levels[i].value;
	return 0;
}

/* Prints a string quoted, so '#', spaces and "" read back as they are. */
static void
config_print_string(const void *field, FILE *fp)
{
	const char	*p = *(char *const *)field;

	fputc('"', fp);
	for (; p != NULL && *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
}

/* Prints an integer field. */
static void
config_print_int(const void *field, FILE *fp)
{
	fprintf(fp, "%d", *(const int *)field);
}

/* Prints a yes/no field. */
static void
config_print_bool(const void *field, FILE *fp)
{
	fputs(*(const int *)field ? "yes" : "no", fp);
}

/* Prints a log level field by name. */
static void
config_print_level(const void *field, FILE *fp)
{
	enum log_level	level = *(const enum log_level *)field;
	size_t		i;

	for (i = 0; i < sizeof config_levels / sizeof config_levels[0]; i++) {
		if (config_levels[i].value == (int)level) {
			fputs(config_levels[i].word, fp);
			return;
		}
	}
	fprintf(fp, "%d", (int)level);
}

/* Finds the row for name, or NULL. */
static const struct config_setting *
config_find(const char *name)
{
	size_t	i;

	for (i = 0; i < CONFIG_NSETTINGS; i++) {
		if (strcmp(config_settings[i].name, name) == 0)
			return &config_settings[i];
	}
	return NULL;
}

/* Sets every setting to its default. */
void
config_defaults(struct config *c)
{
	const struct config_setting	*s;
	char				 err[256];
	size_t				 i;

	memset(c, 0, sizeof *c);
	for (i = 0; i < CONFIG_NSETTINGS; i++) {
		s = &config_settings[i];
		/* A default that does not parse is a bug in the table. */
		if (config_types[s->type].set((char *)c + s->offset, s, s->def,
		    err, sizeof err) != 0)
			fatal("config: bad default: %s", err);
	}
}

/* Frees the strings and empties the struct. */
void
config_free(struct config *c)
{
	char	*p;
	size_t	 i;

	for (i = 0; i < CONFIG_NSETTINGS; i++) {
		if (config_settings[i].type != CONFIG_STRING)
			continue;
		/* A conninfo may hold a password: leave none in free memory. */
		if ((p = *(char **)((char *)c + config_settings[i].offset)) !=
		    NULL)
			explicit_bzero(p, strlen(p));
		free(p);
	}
	memset(c, 0, sizeof *c);
}

/* Sets one setting from its text form. */
int
config_set(struct config *c, const char *key, const char *value, char *err,
    size_t errlen)
{
	const struct config_setting	*s;

	if (key == NULL || value == NULL) {
		config_error(err, errlen, "missing setting name or value");
		return SUS_ERR_CONFIG;
	}
	if ((s = config_find(key)) == NULL) {
		config_error(err, errlen, "unknown setting \"%.*s\"",
		    CONFIG_NAME_SHOWN, key);
		return SUS_ERR_CONFIG;
	}
	return config_types[s->type].set((char *)c + s->offset, s, value, err,
	    errlen);
}

/* Sets one setting from "key=value", spaces around both ignored. */
int
config_set_option(struct config *c, const char *option, char *err,
    size_t errlen)
{
	char	buf[CONFIG_LINE_MAX + 1], *eq, *key, *value, *end;

	if (option == NULL || strlen(option) > CONFIG_LINE_MAX) {
		config_error(err, errlen, "option too long");
		return SUS_ERR_CONFIG;
	}
	strlcpy(buf, option, sizeof buf);
	if ((eq = strchr(buf, '=')) == NULL) {
		config_error(err, errlen, "\"%.*s\": expected key=value",
		    CONFIG_NAME_SHOWN, buf);
		return SUS_ERR_CONFIG;
	}
	*eq = '\0';
	for (key = buf; config_space(*key); key++)
		;
	for (end = eq; end > key && config_space(end[-1]); end--)
		;
	*end = '\0';
	for (value = eq + 1; config_space(*value); value++)
		;
	for (end = value + strlen(value); end > value &&
	    config_space(end[-1]); end--)
		;
	*end = '\0';
	return config_set(c, key, value, err, errlen);
}

/* Returns 1 for the bytes a setting name is made of. */
static int
config_keychar(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || ch == '_';
}

/*
 * Unquotes a value starting just after its opening quote, in place; \" and
 * \\ are the only escapes. Returns the rest of the line or NULL when the
 * closing quote is missing.
 */
static char *
config_unquote(char *p)
{
	char	*q = p;

	for (;;) {
		if (*p == '\0')
			return NULL;
		if (*p == '"')
			break;
		if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
			p++;
		*q++ = *p++;
	}
	*q = '\0';
	return p + 1;
}

/*
 * Parses one line, NUL-terminated and without its newline. A later line
 * for the same key simply overwrites an earlier one: last wins, as in
 * sshd_config's -o handling and postgresql.conf.
 */
static int
config_line(struct config *c, char *line, char *err, size_t errlen)
{
	char	*p, *key, *keyend, *value, *end;

	for (p = line; config_space(*p); p++)
		;
	if (*p == '\0' || *p == '#')
		return 0;
	key = p;
	while (config_keychar(*p))
		p++;
	if (p == key) {
		config_error(err, errlen, "expected a setting name");
		return SUS_ERR_CONFIG;
	}
	keyend = p;
	while (config_space(*p))
		p++;
	if (*p != '=') {
		config_error(err, errlen, "expected \"=\" after \"%.*s\"",
		    (int)(keyend - key > CONFIG_NAME_SHOWN ? CONFIG_NAME_SHOWN :
		    keyend - key), key);
		return SUS_ERR_CONFIG;
	}
	*keyend = '\0';
	for (p++; config_space(*p); p++)
		;
	if (*p == '"') {
		value = p + 1;
		if ((p = config_unquote(value)) == NULL) {
			config_error(err, errlen, "%s: missing closing quote",
			    key);
			return SUS_ERR_CONFIG;
		}
		while (config_space(*p))
			p++;
		if (*p != '\0' && *p != '#') {
			config_error(err, errlen,
			    "%s: text after the closing quote", key);
			return SUS_ERR_CONFIG;
		}
	} else {
		/* Unquoted, '#' starts a comment: quote values holding '#'. */
		value = p;
		if ((end = strchr(value, '#')) == NULL)
			end = value + strlen(value);
		while (end > value && config_space(end[-1]))
			end--;
		*end = '\0';
	}
	return config_set(c, key, value, err, errlen);
}

/* Fills *c with the defaults overridden by the settings in text. */
int
config_parse(const char *text, size_t len, struct config *c, char *err,
    size_t errlen)
{
	char		 line[CONFIG_LINE_MAX + 1], why[512];
	const char	*p, *nl;
	size_t		 n, i, lineno = 0;
	int		 r = 0;

	config_defaults(c);
	if (len > CONFIG_FILE_MAX) {
		config_error(err, errlen, "larger than %d bytes",
		    CONFIG_FILE_MAX);
		r = SUS_ERR_CONFIG;
		goto out;
	}
	for (p = text; len > 0; p += n, len -= n) {
		lineno++;
		nl = memchr(p, '\n', len);
		n = nl != NULL ? (size_t)(nl - p) + 1 : len;
		i = nl != NULL ? n - 1 : n;
		/* CRLF files are common enough to accept quietly. */
		if (i > 0 && p[i - 1] == '\r')
			i--;
		if (i > CONFIG_LINE_MAX) {
			config_error(err, errlen, "line %zu: longer than %d "
			    "bytes", lineno, CONFIG_LINE_MAX);
			r = SUS_ERR_CONFIG;
			goto out;
		}
		memcpy(line, p, i);
		line[i] = '\0';
		while (i-- > 0) {
			/* Also catches NUL, which would cut the line short. */
			if (config_control((unsigned char)line[i])) {
				config_error(err, errlen, "line %zu: control "
				    "character (byte 0x%02x)", lineno,
				    (unsigned char)line[i]);
				r = SUS_ERR_CONFIG;
				goto out;
			}
		}
		if ((r = config_line(c, line, why, sizeof why)) != 0) {
			config_error(err, errlen, "line %zu: %s", lineno, why);
			goto out;
		}
	}
out:
	if (r != 0)
		config_free(c);
	return r;
}

/* As config_parse() on the file at path; NULL means defaults only. */
int
config_load(const char *path, struct config *c, char *err, size_t errlen)
{
	char	*text = NULL, why[512];
	size_t	 len = 0, cap = 0;
	ssize_t	 n;
	int	 fd = -1, r;

	if (path == NULL) {
		config_defaults(c);
		return 0;
	}
	/* *c must be empty on every failure, so fill it only at the end. */
	memset(c, 0, sizeof *c);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		config_error(err, errlen, "%s: %s", path, strerror(errno));
		r = SUS_ERR_SYSTEM;
		goto out;
	}
	for (;;) {
		if (len > CONFIG_FILE_MAX) {
			config_error(err, errlen, "%s: larger than %d bytes",
			    path, CONFIG_FILE_MAX);
			r = SUS_ERR_CONFIG;
			goto out;
		}
		if (len == cap) {
			/* One byte past the limit is enough to know. */
			cap = cap == 0 ? 4096 : cap * 2;
			if (cap > CONFIG_FILE_MAX + 1)
				cap = CONFIG_FILE_MAX + 1;
			text = xreallocarray(text, cap, 1);
		}
		n = read(fd, text + len, cap - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			config_error(err, errlen, "%s: %s", path,
			    strerror(errno));
			r = SUS_ERR_SYSTEM;
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if ((r = config_parse(text, len, c, why, sizeof why)) != 0)
		config_error(err, errlen, "%s: %s", path, why);
out:
	if (fd != -1)
		close(fd);
	free(text);
	return r;
}

/* Prints every setting as "key = value". */
void
config_dump(const struct config *c, FILE *fp)
{
	const struct config_setting	*s;
	size_t				 i;

	for (i = 0; i < CONFIG_NSETTINGS; i++) {
		s = &config_settings[i];
		fprintf(fp, "%s = ", s->name);
		config_types[s->type].print((const char *)c + s->offset, fp);
		fputc('\n', fp);
	}
}

/* Calls fn for every setting in table order. */
void
config_foreach(void (*fn)(const struct config_setting *, void *), void *arg)
{
	size_t	i;

	for (i = 0; i < CONFIG_NSETTINGS; i++)
		fn(&config_settings[i], arg);
}

/* Names a setting type for the man page. */
const char *
config_type_name(enum config_type t)
{
	if ((size_t)t >= sizeof config_types / sizeof config_types[0])
		return "unknown";
	return config_types[t].name;
}

/* The private key path: key_file, or <state_dir>/susd_key. */
int
config_key_path(const struct config *c, char *out, size_t len)
{
	int	n;

	if (c->key_file != NULL && c->key_file[0] != '\0')
		n = snprintf(out, len, "%s", c->key_file);
	else
		n = snprintf(out, len, "%s/susd_key",
		    c->state_dir != NULL ? c->state_dir : ".");
	if (n < 0 || (size_t)n >= len)
		return SUS_ERR_NO_SPACE;
	return 0;
}

/* The conninfo for migrations: admin_database, or else database. */
const char *
config_admin_database(const struct config *c)
{
	if (c->admin_database != NULL && c->admin_database[0] != '\0')
		return c->admin_database;
	return c->database != NULL ? c->database : "";
}
