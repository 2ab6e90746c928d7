/*
 * sus import (issue 7): the non-interactive CSV import, and what the
 * interactive client shares with it (the server argument, the key and
 * pin files). The pieces:
 *
 *	import.c	command line, the password, the main loop, summary
 *	import_conn.c	server argument, key and pins, the password, log
 *			in (sus report too), connect and log in again for
 *			as long as --vanta allows
 *	import_map.c	header to columns, code lists, questions, kommuner
 *	import_row.c	one CSV record to one batch row, checked here first
 *	import_send.c	batches: the key, sending, the result, the report
 *
 * Memory never grows with the file: one batch of rows, the header, the
 * code lists and bounded caches of questions.
 */
#ifndef SUS_IMPORT_H
#define SUS_IMPORT_H

#include <sys/types.h>

#include <stdint.h>
#include <stdio.h>

#include "client.h"
#include "csv.h"
#include "msg.h"

/* Exit statuses (sus.1, IMPORT). */
#define IMP_EXIT_OK	0	/* every row registered or already there */
#define IMP_EXIT_FEL	1	/* some rows refused */
#define IMP_EXIT_USAGE	2	/* usage, unreadable file or header */
#define IMP_EXIT_CONN	3	/* connection or login failed for good */

/* Rows per batch unless -b says otherwise. */
#define IMP_BATCH_DEFAULT	500
/*
 * Bytes of row text one batch may carry before it is sent early: well
 * under SUS_MSG_MAX whatever the rows hold (a record may be 64 KiB).
 */
#define IMP_BATCH_BYTES		(512 * 1024)
/* Seconds to keep trying to reconnect unless --vanta says otherwise. */
#define IMP_WAIT_DEFAULT	60
/*
 * Question lists kept, one per insats, date and occasion: direct-mapped,
 * so a file with rows on many dates costs a bounded amount of memory.
 */
#define IMP_FRAGA_SLOTS		256
/* Longest code or answer text compared, in bytes. */
#define IMP_TEXT_MAX		512

/* What a file registers, from its header. */
enum imp_kind {
	IMP_IN = 1,	/* inregistrering: startdatum */
	IMP_UT,		/* utregistrering: slutdatum */
	IMP_ANONYM,	/* anonyma deltagare: ar */
	IMP_VOLYM	/* volyminsats: period */
};

/* The fixed columns a header may name. */
enum imp_col {
	C_INSATS, C_PNR, C_START, C_SLUT, C_SAMTYCKE, C_SAMTYCKE_DATUM,
	C_NAMN, C_KOMMUN, C_STADSDEL, C_FORSORJNING, C_SYSSELSATTNING,
	C_OMFATTNING, C_UTBILDNING, C_TID, C_AVSLUT, C_AR, C_PERIOD,
	C_KVINNOR, C_MAN, C_OKANT, C_KOMMENTAR,
	C__COUNT
};

/* A question column: "fraga:ID" or a question's exact text. */
struct imp_qcol {
	size_t		 field;
	uint32_t	 id;		/* 0: matched by its text on each row */
	const char	*name;		/* as the header wrote it */
};

/* A cached question list. */
struct imp_fragor {
	uint32_t		 insats_id;
	char			 datum[11];
	uint8_t			 typ;		/* FRAGA_IN, FRAGA_UT; 0 empty */
	struct msg_fraga_list	 list;
};

/* One row of the file in the batch being made, sent or not. */
struct imp_item {
	long		 line;
	int		 sent;		/* 1: its outcome comes from the server */
	char		 mask[16];	/* "********-NNNC", "" for none */
	const char	*col;		/* refused here: the column's name */
	char		*msg;		/* refused here: why */
};

/* The batch being made: rows of one insats. */
struct imp_batch {
	uint32_t		 insats_id;
	size_t			 nitems;
	struct imp_item		*items;		/* imp.batch_rows of them */
	size_t			 bytes;		/* text carried, roughly */
	struct buf		*fit;		/* imp_row_fits()'s, reused */
	struct msg_batch_deltagare d;
	struct msg_batch_anonym	 a;
	struct msg_batch_volym	 v;
};

/* The connection: where, who, and for how long to keep trying. */
struct imp_conn {
	struct remote	 remote;
	char		*user;		/* as given or the login name */
	char		*keyuser;	/* as the server knows it: the key's */
	char		*password;
	int		 wait_s;
	int		 resent;	/* a request was sent again */
};

struct imp {
	struct imp_conn	 c;
	/* Options. */
	int		 dry_run;
	int		 quiet;
	uint32_t	 insats_opt;	/* --insats, 0 if none */
	size_t		 batch_rows;
	const char	*path;		/* the file, "-" for stdin */
	int		 fd;
	off_t		 size;		/* a regular file's size, else 0 */
	struct csv	*csv;

	/* The header. */
	enum imp_kind	 kind;
	size_t		 nnames;
	char		**names;	/* as written */
	int		 col[C__COUNT];	/* field index, -1 if absent */
	size_t		 nq;
	struct imp_qcol	*q;

	/* What the server told once. */
	int		 kod_loaded;
	struct msg_kod_list kod;
	char		**kodfold;	/* each code's name, folded */
	int		 kommun_loaded;
	size_t		 nkommun;
	struct kommun_row *kommun;
	struct imp_fragor *fragor;	/* IMP_FRAGA_SLOTS of them */

	struct imp_batch b;

	/* Counts for the summary. */
	unsigned long	 rader, ok, fel, finns;
	unsigned long	 batches, replayed;

	/* Progress. */
	int		 tty;
	long		 started;	/* ms */
	long		 shown;		/* ms of the last line or redraw */
	int		 shown_tenth;	/* per cent / 10 last reported */
};

/* import_conn.c: shared with the interactive client. */
struct sus_paths {
	char		*dir;		/* $XDG_CONFIG_HOME/sus */
	char		*keypath;
	char		*userpins;	/* allocated default, if used */
	const char	*pins;		/* the known_servers file */
};
int		 sus_target_parse(const char *, char **user, char **host,
		    char **port);
/* Fills paths from -i and -k (NULL if not given); 0 or -1 with a message. */
int		 sus_paths_init(struct sus_paths *, const char *keypath,
		    const char *pins, const char *prog);
void		 sus_paths_free(struct sus_paths *);
/* Points r at the pins and loads (or makes) the key; 0 or -1. */
int		 sus_remote_setup(struct remote *, const struct sus_paths *,
		    const char *prog);
/* Connects and logs in; 0, or an IMP_EXIT_* status with a message out. */
int		 imp_connect(struct imp *);
/*
 * Sends a request, reconnecting and sending it again while the link is
 * down for up to c.wait_s seconds. Returns as remote_call(), or
 * IMP_GAVE_UP when it gave up (stderr says so).
 */
#define IMP_GAVE_UP	100
int		 imp_call(struct imp *, uint16_t type, const void *req,
		    uint16_t want, void *reply, struct msg_err *);
/*
 * The first line of a 0600 file, or a prompt without echo when stdin is
 * free and a terminal; NULL with a message from prog.
 */
char		*sus_password(const char *prog, int stdin_free,
		    const char *user, const char *host);
/* The login name when the server argument names none. */
char		*sus_default_user(void);
/* Logs in; 0, 1 (refused for good) or < 0 (try again). */
int		 sus_login(struct remote *, const char *prog, const char *user,
		    const char *password, int say_lost, char **name);
/* -i and -k for sus_paths_init(); 1 when ch was one of them. */
int		 sus_key_option(int ch, const char *arg, const char **keypath,
		    const char **pins);

/* import_map.c */
int		 imp_header(struct imp *, const struct csv_record *);
const char	*imp_col_name(const struct imp *, enum imp_col);
int		 imp_preflight(struct imp *, const struct csv_record *);
int		 imp_kod_find(struct imp *, const char *lista, const char *,
		    uint32_t *id);
int		 imp_kommun_find(struct imp *, const char *, char *kod,
		    size_t);
int		 imp_stadsdel_find(struct imp *, const char *kommunkod,
		    const char *, uint32_t *id);
const struct msg_fraga_list *imp_fragor_get(struct imp *, uint32_t insats,
		    const char *datum, uint8_t typ, int *gave_up);
int		 imp_fraga_find(struct imp *, uint32_t insats,
		    const char *datum, uint8_t typ, const struct imp_qcol *,
		    const struct msg_fraga **);
const char	*imp_fraga_col(const struct imp *, uint32_t fraga_id,
		    char *buf, size_t);
void		 imp_map_free(struct imp *);
/* Lower-cases UTF-8 (Swedish letters too); ascii: å, ä to a, ö to o. */
void		 imp_fold(const char *, char *, size_t, int ascii);
const char	*imp_trim(const char *, char *, size_t);

/* import_row.c */
/* Reads the row's insats; 0 with *id, or -1 with *why. */
int		 imp_row_insats(struct imp *, const struct csv_record *,
		    uint32_t *id, const char **why);
/* Adds a record to the batch (as a row or refused here). */
int		 imp_row_add(struct imp *, const struct csv_record *,
		    uint32_t insats);
void		 imp_mask(const char *pnr, char *, size_t);

/* import_send.c */
void		 imp_batch_init(struct imp *);
/* Rows in the batch to be sent (refused ones aside). */
uint32_t	 imp_batch_nrows(const struct imp *);
/* 1 when the batch must go before another row is added. */
int		 imp_batch_full(const struct imp *);
/* 0 when a row of the file's kind can be sent: no cell over its limit. */
int		 imp_row_fits(struct imp *, void *row);
/* Takes a row of the file's kind (its strings too) into the batch. */
void		 imp_batch_add(struct imp *, long line, const char *mask,
		    void *row);
/* Frees what a row of the file's kind holds. */
void		 imp_row_free(const struct imp *, void *row);
void		 imp_batch_refuse(struct imp *, long line, const char *mask,
		    const char *col, const char *fmt, ...)
		    __attribute__((format(printf, 5, 6)));
/* Sends the batch, prints its refusals, counts; 0 or IMP_EXIT_CONN. */
int		 imp_flush(struct imp *);
void		 imp_batch_free(struct imp *);
void		 imp_progress(struct imp *, int last);

#endif
