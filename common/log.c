/*
 * Logging with a program name, pid and session id. Personal data must
 * never reach these functions; callers log ids, never personnummer.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "xmalloc.h"

static const char	*log_name = "sus";
static enum log_level	 log_level = LOG_LEVEL_INFO;
static FILE		*log_fp;
static char		 log_session[32];

static const char *level_names[] = { "error", "warn", "info", "debug" };

/* Starts logging as name at level to fp (NULL: stderr). */
void
log_init(const char *name, enum log_level level, FILE *fp)
{
	log_name = name;
	log_level = level;
	log_fp = fp;
}

/* Changes the level, e.g. after a configuration reload. */
void
log_set_level(enum log_level level)
{
	log_level = level;
}

/* Tags every following line with a session id (NULL clears it). */
void
log_set_session(const char *id)
{
	if (id == NULL)
		log_session[0] = '\0';
	else
		strlcpy(log_session, id, sizeof log_session);
}

/* Writes one line; a single fprintf keeps lines whole across processes. */
static void
log_vwrite(enum log_level level, const char *fmt, va_list ap)
{
	FILE		*fp = log_fp != NULL ? log_fp : stderr;
	char		 msg[1024], stamp[32];
	struct tm	 tm;
	time_t		 now;
	size_t		 i;

	if (level > log_level)
		return;
	vsnprintf(msg, sizeof msg, fmt, ap);
	/* Never let a peer's bytes forge extra log lines. */
	for (i = 0; msg[i] != '\0'; i++) {
		if (msg[i] == '\n' || msg[i] == '\r')
			msg[i] = ' ';
	}
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
	if (log_session[0] != '\0')
		fprintf(fp, "%s %s[%ld] %s [%s] %s\n", stamp, log_name,
		    (long)getpid(), level_names[level], log_session, msg);
	else
		fprintf(fp, "%s %s[%ld] %s %s\n", stamp, log_name,
		    (long)getpid(), level_names[level], msg);
	fflush(fp);
}

#define LOG_FN(fn, level)						\
void									\
fn(const char *fmt, ...)						\
{									\
	va_list	ap;							\
									\
	va_start(ap, fmt);						\
	log_vwrite(level, fmt, ap);					\
	va_end(ap);							\
}

LOG_FN(log_error, LOG_LEVEL_ERROR)
LOG_FN(log_warn, LOG_LEVEL_WARN)
LOG_FN(log_info, LOG_LEVEL_INFO)
LOG_FN(log_debug, LOG_LEVEL_DEBUG)

/* Logs and exits 1; only during start-up. */
void
fatal(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	log_vwrite(LOG_LEVEL_ERROR, fmt, ap);
	va_end(ap);
	exit(1);
}

/* As fatal() but appends strerror(errno). */
void
fatale(const char *fmt, ...)
{
	va_list	ap;
	char	msg[1024];
	int	saved = errno;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fatal("%s: %s", msg, strerror(saved));
}
