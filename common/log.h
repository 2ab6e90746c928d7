/*
 * Logging to stderr or a file with a program name and optional session id.
 * Personal data (personnummer, names of participants) must never be passed
 * to these functions.
 */
#ifndef SUS_LOG_H
#define SUS_LOG_H

#include <stdio.h>

enum log_level {
	LOG_LEVEL_ERROR,
	LOG_LEVEL_WARN,
	LOG_LEVEL_INFO,
	LOG_LEVEL_DEBUG
};

/* Starts logging as name at level to fp (NULL: stderr). */
void	log_init(const char *name, enum log_level, FILE *fp);
void	log_set_level(enum log_level);
/* Tags every following line with a session id (NULL clears it). */
void	log_set_session(const char *);
void	log_error(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_debug(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Logs and exits 1; only during start-up. */
void	fatal(const char *, ...) __attribute__((format(printf, 1, 2),
	    noreturn));
/* As fatal() but appends strerror(errno). */
void	fatale(const char *, ...) __attribute__((format(printf, 1, 2),
	    noreturn));

#endif
