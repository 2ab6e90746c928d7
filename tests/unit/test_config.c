/* Unit tests for the susd.conf parser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "err.h"
#include "unit.h"

/* config_parse() on a C string. */
static int
cf_parse(const char *text, struct config *c, char *err, size_t errlen)
{
	return config_parse(text, strlen(text), c, err, errlen);
}

/* config_dump() into a malloc'd string. */
static char *
cf_dump(const struct config *c)
{
	char	*out = NULL;
	size_t	 len = 0;
	FILE	*fp;

	fp = open_memstream(&out, &len);
	ck_assert_ptr_nonnull(fp);
	config_dump(c, fp);
	ck_assert_int_eq(fclose(fp), 0);
	return out;
}

START_TEST(test_defaults)
{
	struct config	c;

	config_defaults(&c);
	ck_assert_str_eq(c.listen, "127.0.0.1");
	ck_assert_int_eq(c.port, 4646);
	ck_assert_str_eq(c.state_dir, "./var");
	ck_assert_str_eq(c.key_file, "");
	ck_assert_str_eq(c.database, "");
	ck_assert_str_eq(c.admin_database, "");
	ck_assert_str_eq(c.pg_bindir, "");
	ck_assert_str_eq(c.user, "_susd");
	ck_assert_str_eq(c.cluster_user, "postgres");
	ck_assert_int_eq(c.max_startups, 10);
	ck_assert_int_eq(c.max_sessions, 200);
	ck_assert_int_eq(c.login_grace, 20);
	ck_assert_int_eq(c.handshake_timeout, 10);
	ck_assert_int_eq(c.db_idle_release, 300);
	ck_assert_int_eq(c.lockout_failures, 10);
	ck_assert_int_eq(c.lockout_seconds, 900);
	ck_assert_str_eq(c.log_file, "");
	ck_assert_int_eq(c.log_level, LOG_LEVEL_INFO);
	config_free(&c);
	ck_assert_ptr_null(c.listen);
	/* Freeing twice is harmless. */
	config_free(&c);

	/* An empty text and a NULL path both give the defaults. */
	ck_assert_int_eq(config_parse("", 0, &c, NULL, 0), 0);
	ck_assert_int_eq(c.port, 4646);
	ck_assert_str_eq(c.user, "_susd");
	config_free(&c);
	ck_assert_int_eq(config_load(NULL, &c, NULL, 0), 0);
	ck_assert_str_eq(c.state_dir, "./var");
	config_free(&c);
}
END_TEST

/* Counts rows and checks each one's default against itself. */
static void
cf_row(const struct config_setting *s, void *arg)
{
	struct config	 c;
	char		 err[256];
	int		*n = arg;

	ck_assert_ptr_nonnull(s->name);
	ck_assert_ptr_nonnull(s->def);
	ck_assert_msg(s->help != NULL && strlen(s->help) > 10,
	    "%s has no help", s->name);
	ck_assert_str_ne(config_type_name(s->type), "unknown");
	if (s->type == CONFIG_INT)
		ck_assert_int_le(s->min, s->max);
	config_defaults(&c);
	ck_assert_msg(config_set(&c, s->name, s->def, err, sizeof err) == 0,
	    "%s: %s", s->name, err);
	config_free(&c);
	(*n)++;
}

START_TEST(test_table)
{
	int	n = 0;

	config_foreach(cf_row, &n);
	ck_assert_int_eq(n, 22);
	ck_assert_str_eq(config_type_name(CONFIG_STRING), "string");
	ck_assert_str_eq(config_type_name(CONFIG_INT), "integer");
	ck_assert_str_eq(config_type_name(CONFIG_BOOL), "yes/no");
	ck_assert_str_eq(config_type_name(CONFIG_LOGLEVEL), "level");
	ck_assert_str_eq(config_type_name((enum config_type)99), "unknown");
}
END_TEST

START_TEST(test_every_setting)
{
	struct config	c;
	char		err[256] = "";
	const char	*text =
	    "listen = 0.0.0.0\n"
	    "port = 5000\n"
	    "state_dir = /var/lib/susd\n"
	    "key_file = /etc/susd/key\n"
	    "database = \"host=db dbname=sus\"\n"
	    "admin_database = \"host=db dbname=sus user=owner\"\n"
	    "pg_bindir = /usr/lib/postgresql/15/bin\n"
	    "user = sus_sessions\n"
	    "cluster_user = pg_owner\n"
	    "max_startups = 3\n"
	    "max_sessions = 1000\n"
	    "login_grace = 30\n"
	    "handshake_timeout = 5\n"
	    "db_idle_release = 120\n"
	    "lockout_failures = 5\n"
	    "lockout_seconds = 60\n"
	    "gallring_ar = 7\n"
	    "log_file = /var/log/susd.log\n"
	    "log_level = debug\n";

	ck_assert_msg(cf_parse(text, &c, err, sizeof err) == 0, "%s", err);
	ck_assert_str_eq(c.listen, "0.0.0.0");
	ck_assert_int_eq(c.port, 5000);
	ck_assert_str_eq(c.state_dir, "/var/lib/susd");
	ck_assert_str_eq(c.key_file, "/etc/susd/key");
	ck_assert_str_eq(c.database, "host=db dbname=sus");
	ck_assert_str_eq(c.admin_database, "host=db dbname=sus user=owner");
	ck_assert_str_eq(c.pg_bindir, "/usr/lib/postgresql/15/bin");
	ck_assert_str_eq(c.user, "sus_sessions");
	ck_assert_int_eq(c.gallring_ar, 7);
	ck_assert_str_eq(c.cluster_user, "pg_owner");
	ck_assert_int_eq(c.max_startups, 3);
	ck_assert_int_eq(c.max_sessions, 1000);
	ck_assert_int_eq(c.login_grace, 30);
	ck_assert_int_eq(c.handshake_timeout, 5);
	ck_assert_int_eq(c.db_idle_release, 120);
	ck_assert_int_eq(c.lockout_failures, 5);
	ck_assert_int_eq(c.lockout_seconds, 60);
	ck_assert_str_eq(c.log_file, "/var/log/susd.log");
	ck_assert_int_eq(c.log_level, LOG_LEVEL_DEBUG);
	config_free(&c);
}
END_TEST

START_TEST(test_types)
{
	struct config	c;
	char		err[256];
	int		b;
	static const struct {
		const char	*word;
		int		 level;
	} levels[] = {
		{ "error", LOG_LEVEL_ERROR }, { "warn", LOG_LEVEL_WARN },
		{ "info", LOG_LEVEL_INFO }, { "debug", LOG_LEVEL_DEBUG },
		{ "DEBUG", LOG_LEVEL_DEBUG }, { "Warn", LOG_LEVEL_WARN },
	};
	size_t		i;

	config_defaults(&c);
	for (i = 0; i < sizeof levels / sizeof levels[0]; i++) {
		ck_assert_int_eq(config_set(&c, "log_level", levels[i].word,
		    err, sizeof err), 0);
		ck_assert_int_eq(c.log_level, levels[i].level);
	}
	ck_assert_int_eq(config_set(&c, "log_level", "verbose", err,
	    sizeof err), SUS_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err, "log_level"));
	ck_assert_int_eq(config_set(&c, "log_level", "", err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_int_eq(c.log_level, LOG_LEVEL_WARN);

	/* Strings may be empty and may hold UTF-8. */
	ck_assert_int_eq(config_set(&c, "state_dir", "", err, sizeof err), 0);
	ck_assert_str_eq(c.state_dir, "");
	ck_assert_int_eq(config_set(&c, "state_dir", "/srv/sus/Örebro", err,
	    sizeof err), 0);
	ck_assert_str_eq(c.state_dir, "/srv/sus/Örebro");
	ck_assert_int_eq(config_set(&c, "state_dir", "a\nb", err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(c.state_dir, "/srv/sus/Örebro");

	/* No setting is yes/no yet; the reader is there for the first. */
	b = -1;
	ck_assert_int_eq(config_parse_bool("yes", &b), 0);
	ck_assert_int_eq(b, 1);
	ck_assert_int_eq(config_parse_bool("Off", &b), 0);
	ck_assert_int_eq(b, 0);
	ck_assert_int_eq(config_parse_bool("TRUE", &b), 0);
	ck_assert_int_eq(b, 1);
	ck_assert_int_eq(config_parse_bool("0", &b), 0);
	ck_assert_int_eq(b, 0);
	ck_assert_int_eq(config_parse_bool("maybe", &b), SUS_ERR_CONFIG);
	ck_assert_int_eq(config_parse_bool("", &b), SUS_ERR_CONFIG);
	ck_assert_int_eq(config_parse_bool("yes ", &b), SUS_ERR_CONFIG);
	ck_assert_int_eq(b, 0);

	ck_assert_int_eq(config_set(&c, NULL, "1", err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_int_eq(config_set(&c, "port", NULL, err, sizeof err),
	    SUS_ERR_CONFIG);
	config_free(&c);
}
END_TEST

START_TEST(test_int_range)
{
	struct config	c;
	char		err[256];
	static const char *bad[] = {
		"0", "65536", "-1", "99999999999999999999",
		"-99999999999999999999", "12abc", "", "+5", " 5", "5 ",
		"0x10", "4646.0", "-", "1e3",
	};
	size_t		i;

	config_defaults(&c);
	ck_assert_int_eq(config_set(&c, "port", "1", err, sizeof err), 0);
	ck_assert_int_eq(c.port, 1);
	ck_assert_int_eq(config_set(&c, "port", "65535", err, sizeof err), 0);
	ck_assert_int_eq(c.port, 65535);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		ck_assert_msg(config_set(&c, "port", bad[i], err, sizeof err) ==
		    SUS_ERR_CONFIG, "port = \"%s\" accepted", bad[i]);
		ck_assert_msg(strncmp(err, "port: ", 6) == 0, "%s", err);
		ck_assert_int_eq(c.port, 65535);
	}
	ck_assert_int_eq(config_set(&c, "port", "70000", err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "port: 70000 is outside 1..65535");
	ck_assert_int_eq(config_set(&c, "max_startups", "0", err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_int_eq(config_set(&c, "handshake_timeout", "301", err,
	    sizeof err), SUS_ERR_CONFIG);
	ck_assert_int_eq(c.handshake_timeout, 10);
	config_free(&c);

	ck_assert_int_eq(cf_parse("\n# x\nport = 0\n", &c, err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "line 3: port: 0 is outside 1..65535");
	ck_assert_ptr_null(c.listen);
}
END_TEST

START_TEST(test_unknown_key)
{
	struct config	c;
	char		err[256];

	ck_assert_int_eq(cf_parse("listen = ::1\n\nprot = 4646\n", &c, err,
	    sizeof err), SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "line 3: unknown setting \"prot\"");
	/* On failure nothing is left to free. */
	ck_assert_ptr_null(c.listen);
	config_free(&c);

	/* Names are case-sensitive. */
	ck_assert_int_eq(cf_parse("Port = 1\n", &c, err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "line 1: unknown setting \"Port\"");

	config_defaults(&c);
	ck_assert_int_eq(config_set(&c, "bogus", "1", err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "unknown setting \"bogus\"");
	config_free(&c);
}
END_TEST

START_TEST(test_syntax)
{
	struct config	 c;
	char		 err[256];
	static const struct {
		const char	*text;
		const char	*err;
	} bad[] = {
		{ "port 4646\n", "line 1: expected \"=\" after \"port\"" },
		{ "= 4646\n", "line 1: expected a setting name" },
		{ "\n\nport: 4646\n", "line 3: expected \"=\" after \"port\"" },
		{ "-port = 1\n", "line 1: expected a setting name" },
		{ "listen = \"abc\n", "line 1: listen: missing closing quote" },
		{ "listen = \"a\" b\n",
		    "line 1: listen: text after the closing quote" },
		{ "listen = \"a\"\"b\"\n",
		    "line 1: listen: text after the closing quote" },
		{ "port = \n", "line 1: port: \"\" is not a number" },
		{ "port = \"\"\n", "line 1: port: \"\" is not a number" },
		{ "port = 4646 4647\n",
		    "line 1: port: \"4646 4647\" is not a number" },
	};
	size_t		 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		ck_assert_int_eq(cf_parse(bad[i].text, &c, err, sizeof err),
		    SUS_ERR_CONFIG);
		ck_assert_str_eq(err, bad[i].err);
		ck_assert_ptr_null(c.listen);
	}
}
END_TEST

START_TEST(test_quoting_and_comments)
{
	struct config	c;
	char		err[256] = "";
	const char	*text =
	    "# susd.conf\r\n"
	    "\r\n"
	    "   \t\n"
	    "\t  # indented comment\n"
	    "listen=::1\n"
	    "  port\t=\t4647   # trailing comment\n"
	    "database = \"host=db password='a#b' \\\"x\\\" c:\\\\d\"  # c\n"
	    "user = \"  spaced  \"\n"
	    "state_dir = /srv/my sus dir   \r\n"
	    "key_file = \"\"\n"
	    "log_file = a\\b\n"
	    "pg_bindir = \"\\q\"\n"
	    "port = 4648\n"			/* last one wins */
	    "log_level = warn";			/* no final newline */

	ck_assert_msg(cf_parse(text, &c, err, sizeof err) == 0, "%s", err);
	ck_assert_str_eq(c.listen, "::1");
	ck_assert_int_eq(c.port, 4648);
	ck_assert_str_eq(c.database, "host=db password='a#b' \"x\" c:\\d");
	ck_assert_str_eq(c.user, "  spaced  ");
	ck_assert_str_eq(c.state_dir, "/srv/my sus dir");
	ck_assert_str_eq(c.key_file, "");
	ck_assert_str_eq(c.log_file, "a\\b");
	ck_assert_str_eq(c.pg_bindir, "\\q");
	ck_assert_int_eq(c.log_level, LOG_LEVEL_WARN);
	config_free(&c);

	/* Unquoted, '#' ends the value. */
	ck_assert_int_eq(cf_parse("database = host=db#x\n", &c, err,
	    sizeof err), 0);
	ck_assert_str_eq(c.database, "host=db");
	config_free(&c);
}
END_TEST

START_TEST(test_garbage)
{
	struct config	 c;
	static const char nul[] = "port = 1\nlisten = a\0b\n";
	char		 err[256], *t;
	uint32_t	 x = 7;
	size_t		 i, n = 1 << 14;
	int		 round, r;

	/* A NUL hidden in a line is an error, not a cut-off value. */
	ck_assert_int_eq(config_parse(nul, sizeof nul - 1, &c, err,
	    sizeof err), SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "line 2: control character (byte 0x00)");
	ck_assert_int_eq(cf_parse("listen = a\x1b[2Jb\n", &c, err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "line 1: control character (byte 0x1b)");
	ck_assert_int_eq(cf_parse("port = 1\rlisten = x\n", &c, err,
	    sizeof err), SUS_ERR_CONFIG);
	ck_assert_int_eq(cf_parse("\xff\xfe = 1\n", &c, err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "line 1: expected a setting name");

	t = malloc(n);
	ck_assert_ptr_nonnull(t);
	for (round = 0; round < 50; round++) {
		for (i = 0; i < n; i++) {
			x = x * 1103515245 + 12345;
			t[i] = (char)(x >> 16);
		}
		r = config_parse(t, n, &c, err, sizeof err);
		ck_assert_int_eq(r, SUS_ERR_CONFIG);
		ck_assert_ptr_null(c.listen);
		ck_assert_int_eq(strncmp(err, "line ", 5), 0);
	}
	free(t);
}
END_TEST

START_TEST(test_overlong)
{
	struct config	 c;
	char		 err[256], *t;
	size_t		 len;

	t = malloc(2 * CONFIG_LINE_MAX);
	ck_assert_ptr_nonnull(t);
	/* A value of exactly CONFIG_VALUE_MAX bytes is taken. */
	len = (size_t)snprintf(t, 64, "port = 1\nkey_file = ");
	memset(t + len, 'k', CONFIG_VALUE_MAX);
	len += CONFIG_VALUE_MAX;
	memcpy(t + len, "\r\n", 2);
	len += 2;
	ck_assert_int_eq(config_parse(t, len, &c, err, sizeof err), 0);
	ck_assert_int_eq(strlen(c.key_file), CONFIG_VALUE_MAX);
	config_free(&c);

	/* One byte more and the value is refused, naming the line. */
	t[len - 2] = 'k';
	t[len - 1] = '\n';
	ck_assert_int_eq(config_parse(t, len, &c, err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "line 2: key_file: value longer than 1024 bytes");
	ck_assert_ptr_null(c.key_file);

	/* A line past CONFIG_LINE_MAX is refused whatever it holds. */
	len = (size_t)snprintf(t, 64, "port = 1\n# ");
	memset(t + len, 'c', CONFIG_LINE_MAX);
	len += CONFIG_LINE_MAX;
	t[len++] = '\n';
	ck_assert_int_eq(config_parse(t, len, &c, err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "line 2: longer than 4096 bytes");
	/* Also as the last line, without a newline. */
	ck_assert_int_eq(config_parse(t, len - 1, &c, err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "line 2: longer than 4096 bytes");
	free(t);

	/* A -o value has the same limit. */
	t = malloc(CONFIG_VALUE_MAX + 16);
	ck_assert_ptr_nonnull(t);
	memset(t, 'v', CONFIG_VALUE_MAX + 1);
	t[CONFIG_VALUE_MAX + 1] = '\0';
	config_defaults(&c);
	ck_assert_int_eq(config_set(&c, "listen", t, err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(c.listen, "127.0.0.1");
	t[CONFIG_VALUE_MAX] = '\0';
	ck_assert_int_eq(config_set(&c, "listen", t, err, sizeof err), 0);
	ck_assert_int_eq(strlen(c.listen), CONFIG_VALUE_MAX);
	config_free(&c);
	free(t);
}
END_TEST

START_TEST(test_option)
{
	struct config	c;
	char		err[256];

	config_defaults(&c);
	ck_assert_int_eq(config_set_option(&c, "port=4700", err, sizeof err),
	    0);
	ck_assert_int_eq(c.port, 4700);
	ck_assert_int_eq(config_set_option(&c, " port = 4701 ", err,
	    sizeof err), 0);
	ck_assert_int_eq(c.port, 4701);
	ck_assert_int_eq(config_set_option(&c, "database=host=db port=5433",
	    err, sizeof err), 0);
	ck_assert_str_eq(c.database, "host=db port=5433");
	ck_assert_int_eq(config_set_option(&c, "log_file=", err, sizeof err),
	    0);
	ck_assert_str_eq(c.log_file, "");
	ck_assert_int_eq(config_set_option(&c, "port", err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "\"port\": expected key=value");
	ck_assert_int_eq(config_set_option(&c, "=1", err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_int_eq(config_set_option(&c, "prt=1", err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_str_eq(err, "unknown setting \"prt\"");
	ck_assert_int_eq(config_set_option(&c, NULL, err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_int_eq(c.port, 4701);
	config_free(&c);
}
END_TEST

START_TEST(test_dump_round_trip)
{
	struct config	 c, d;
	char		 err[256], *one, *two;

	config_defaults(&c);
	one = cf_dump(&c);
	ck_assert_ptr_nonnull(strstr(one, "\nport = 4646\n"));
	ck_assert_ptr_nonnull(strstr(one, "listen = \"127.0.0.1\"\n"));
	ck_assert_ptr_nonnull(strstr(one, "\nlog_level = info\n"));
	ck_assert_ptr_nonnull(strstr(one, "\nkey_file = \"\"\n"));
	free(one);

	ck_assert_int_eq(config_set(&c, "database",
	    "host=db password='x#\"y\\' ", err, sizeof err), 0);
	ck_assert_int_eq(config_set(&c, "user", " sus ", err, sizeof err), 0);
	ck_assert_int_eq(config_set(&c, "lockout_seconds", "99", err,
	    sizeof err), 0);
	ck_assert_int_eq(config_set(&c, "log_level", "error", err, sizeof err),
	    0);
	one = cf_dump(&c);
	ck_assert_msg(cf_parse(one, &d, err, sizeof err) == 0, "%s", err);
	ck_assert_str_eq(d.database, c.database);
	ck_assert_str_eq(d.user, " sus ");
	ck_assert_int_eq(d.lockout_seconds, 99);
	ck_assert_int_eq(d.log_level, LOG_LEVEL_ERROR);
	two = cf_dump(&d);
	ck_assert_str_eq(one, two);
	free(one);
	free(two);
	config_free(&c);
	config_free(&d);
}
END_TEST

START_TEST(test_load)
{
	struct config	 c;
	char		 dir[64], path[128], err[512];
	FILE		*fp;
	size_t		 i;

	snprintf(dir, sizeof dir, "/tmp/sus-config-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/susd.conf", dir);

	ck_assert_int_eq(config_load(path, &c, err, sizeof err),
	    SUS_ERR_SYSTEM);
	ck_assert_ptr_nonnull(strstr(err, path));
	ck_assert_ptr_nonnull(strstr(err, "No such file"));
	ck_assert_ptr_null(c.listen);

	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fprintf(fp, "port = 4650\nlog_level = debug\n");
	fclose(fp);
	ck_assert_int_eq(config_load(path, &c, err, sizeof err), 0);
	ck_assert_int_eq(c.port, 4650);
	ck_assert_int_eq(c.log_level, LOG_LEVEL_DEBUG);
	ck_assert_str_eq(c.listen, "127.0.0.1");
	config_free(&c);

	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fprintf(fp, "port = 4650\nlisten = x\nbad line\n");
	fclose(fp);
	ck_assert_int_eq(config_load(path, &c, err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err, path));
	ck_assert_ptr_nonnull(strstr(err, ": line 3: "));
	ck_assert_ptr_null(c.listen);

	/* Comment lines up to just past the size limit. */
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	for (i = 0; i <= CONFIG_FILE_MAX / 64; i++)
		fprintf(fp, "#%062zu\n", i);
	fclose(fp);
	ck_assert_int_eq(config_load(path, &c, err, sizeof err),
	    SUS_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(err, "larger than"));
	ck_assert_ptr_null(c.listen);
	/* Just under the limit is fine. */
	ck_assert_int_eq(truncate(path, CONFIG_FILE_MAX), 0);
	ck_assert_int_eq(config_load(path, &c, err, sizeof err), 0);
	config_free(&c);

	/* A directory cannot be read as a file. */
	ck_assert_int_eq(config_load(dir, &c, err, sizeof err),
	    SUS_ERR_SYSTEM);

	unlink(path);
	rmdir(dir);
}
END_TEST

START_TEST(test_derived)
{
	struct config	c;
	char		out[64], err[128];

	config_defaults(&c);
	ck_assert_int_eq(config_key_path(&c, out, sizeof out), 0);
	ck_assert_str_eq(out, "./var/susd_key");
	ck_assert_int_eq(config_key_path(&c, out, 8), SUS_ERR_NO_SPACE);
	ck_assert_int_eq(config_set(&c, "key_file", "/etc/sus/k", err,
	    sizeof err), 0);
	ck_assert_int_eq(config_key_path(&c, out, sizeof out), 0);
	ck_assert_str_eq(out, "/etc/sus/k");

	ck_assert_str_eq(config_admin_database(&c), "");
	ck_assert_int_eq(config_set(&c, "database", "dbname=sus", err,
	    sizeof err), 0);
	ck_assert_str_eq(config_admin_database(&c), "dbname=sus");
	ck_assert_int_eq(config_set(&c, "admin_database", "dbname=sus "
	    "user=owner", err, sizeof err), 0);
	ck_assert_str_eq(config_admin_database(&c), "dbname=sus user=owner");
	config_free(&c);
}
END_TEST

/* The susd.conf suite. */
static Suite *
suite_config(void)
{
	Suite	*s = suite_create("config");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_every_setting);
	tcase_add_test(tc, test_types);
	tcase_add_test(tc, test_int_range);
	tcase_add_test(tc, test_unknown_key);
	tcase_add_test(tc, test_syntax);
	tcase_add_test(tc, test_quoting_and_comments);
	tcase_add_test(tc, test_garbage);
	tcase_add_test(tc, test_overlong);
	tcase_add_test(tc, test_option);
	tcase_add_test(tc, test_dump_round_trip);
	tcase_add_test(tc, test_load);
	tcase_add_test(tc, test_derived);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_config)
