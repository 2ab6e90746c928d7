/*
 * susd.conf: "key = value" lines, '#' comments, values optionally in
 * double quotes. Every setting is one row of a table (config.c) giving
 * its name, type, place in struct config, default, range and help text;
 * the parser, the -o overrides, `susd -T` and the man page all read it.
 */
#ifndef SUSD_CONFIG_H
#define SUSD_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "log.h"

/* Longest line of susd.conf, and so the longest value. */
#define CONFIG_LINE_MAX		4096
/*
 * Longest string value. susd keeps connection strings and paths in
 * 1 KiB buffers, and a value whose every byte needs escaping must still
 * fit one line when `susd -T` prints it.
 */
#define CONFIG_VALUE_MAX	1024
/* Largest susd.conf read; a configuration is a page, not megabytes. */
#define CONFIG_FILE_MAX		(1024 * 1024)

enum config_type {
	CONFIG_STRING,
	CONFIG_INT,
	CONFIG_BOOL,		/* yes/no, true/false, on/off, 1/0 */
	CONFIG_LOGLEVEL		/* error, warn, info, debug */
};

/* The settings of susd. Strings are owned by the struct, never NULL. */
struct config {
	char		*listen;
	int		 port;
	char		*state_dir;
	char		*key_file;	/* "": <state_dir>/susd_key */
	char		*database;	/* "": the embedded cluster */
	char		*admin_database;	/* "": same as database */
	char		*pg_bindir;	/* "": search the usual places */
	char		*user;		/* drop to this when started as root */
	char		*cluster_user;	/* the embedded cluster's owner, as root */
	int		 max_startups;
	int		 max_sessions;
	int		 login_grace;	/* seconds */
	int		 handshake_timeout;	/* seconds */
	int		 db_idle_release;	/* seconds */
	int		 lockout_failures;
	int		 lockout_seconds;
	int		 idle_timeout;	/* seconds */
	int		 account_check;	/* seconds */
	int		 gallring_ar;	/* years before identifying data goes */
	int		 rapport_troskel; /* smallest count a report shows */
	char		*log_file;	/* "": stderr */
	enum log_level	 log_level;
};

/* One row of the settings table. */
struct config_setting {
	const char		*name;
	enum config_type	 type;
	size_t			 offset;	/* of the field in struct config */
	const char		*def;		/* default, as written in the file */
	long			 min, max;	/* CONFIG_INT only */
	const char		*help;		/* one sentence for the man page */
};

/* Sets every setting to its default; *c must hold nothing yet. */
void		 config_defaults(struct config *);
/*
 * Fills *c (holding nothing yet) with the defaults overridden by text.
 * On failure err says which line and why, and *c is left empty.
 */
int		 config_parse(const char *text, size_t len, struct config *,
		    char *err, size_t errlen);
/* As config_parse() on the file at path; NULL means defaults only. */
int		 config_load(const char *path, struct config *, char *err,
		    size_t errlen);
/* Frees the strings; *c then holds nothing and may be filled again. */
void		 config_free(struct config *);
/* Sets one setting from its text form, as a -o override does. */
int		 config_set(struct config *, const char *key, const char *value,
		    char *err, size_t errlen);
/* As config_set() on "key=value". */
int		 config_set_option(struct config *, const char *option,
		    char *err, size_t errlen);
/* Prints every setting as "key = value", in a form config_parse() reads. */
void		 config_dump(const struct config *, FILE *);
/* Calls fn for every setting in table order. */
void		 config_foreach(void (*fn)(const struct config_setting *,
		    void *), void *arg);
/* Reads yes/no, true/false, on/off or 1/0 (any case) into *out. */
int		 config_parse_bool(const char *, int *out);
/* "string", "integer", "yes/no" or "level", for the man page. */
const char	*config_type_name(enum config_type);
/* The private key path: key_file, or <state_dir>/susd_key. */
int		 config_key_path(const struct config *, char *out, size_t len);
/* The conninfo for migrations: admin_database, or else database. */
const char	*config_admin_database(const struct config *);

#endif
