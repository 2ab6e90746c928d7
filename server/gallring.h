/*
 * What the personal-data operator commands share (gallring.c,
 * folkbokforing.c, registerutdrag.c): one admin connection with its
 * transaction, the name a run is recorded under, masked personnummer for
 * messages, and the stripping of participations and Af/FK ärenden.
 */
#ifndef SUSD_GALLRING_H
#define SUSD_GALLRING_H

#include <stdio.h>

#include <libpq-fe.h>

/* Longest line read from a file or stdin; a register row is far shorter. */
#define OPER_LINE_MAX		4096
/* Bad rows named one by one before the rest are only counted. */
#define OPER_ERRORS_SHOWN	50
/* gallring.utford_av and audit_person.purpose hold at most this. */
#define OPER_NAME_MAX		100

/* One run of an operator command against the database. */
struct oper {
	PGconn		*c;
	const char	*cmd;		/* "gallra", for messages */
	char		 utford_av[OPER_NAME_MAX + 1];	/* "susd gallra (anna)" */
};

/* What a stripping did, per reason. */
struct oper_counts {
	long		 deltaganden;	/* participations stripped */
	long		 arenden;	/* Af/FK ärenden stripped */
	long		 borttagna;	/* person rows deleted */
	long		 kvar;		/* persons kept for another participation */
};

/*
 * Connects with the admin conninfo and begins a transaction, one
 * snapshot for all its statements when snapshot is set; fills utford_av
 * from the command and the OS user. Returns 0 or an error already
 * logged. The writers run READ COMMITTED and lock the participations
 * they strip, so a session saving at the same time waits, not fails.
 */
int		 oper_begin(struct oper *, const char *cmd, int snapshot);
/* Commits, or rolls back when dry is set; 0 or an error already logged. */
int		 oper_end(struct oper *, int dry);
/* Rolls back if still open and disconnects. */
void		 oper_close(struct oper *);
/*
 * Runs sql; on failure logs the primary message and SQLSTATE (never the
 * DETAIL, which may quote a personnummer) and returns NULL.
 */
PGresult	*oper_exec(struct oper *, const char *sql, int n,
		    const char *const *params);
/* As oper_exec() for a statement whose rows are not needed. */
int		 oper_cmd(struct oper *, const char *sql, int n,
		    const char *const *params);
/* A count from row 0, column col of res. */
long		 oper_long(PGresult *, int col);
/*
 * Reads one line of fp without its line end into buf. Returns 1 for a
 * line, 0 at the end, -1 for a line longer than OPER_LINE_MAX (skipped)
 * or a read error.
 */
int		 oper_read_line(FILE *, char *buf, size_t len);

/*
 * Strips what the temporary tables strip (participations), strip_arende
 * (Af/FK ärenden) and strip_person (made by oper_strip_prepare()) hold.
 * The persons of both go into strip_person, and every ärende of a person
 * listed there as 'skyddad' into strip_arende. Then: an audit_person row
 * for every participation, every ärende (naming it) and every person
 * deleted; person_id cut and the reason set on each participation and
 * ärende; every listed person with nothing left deleted (no
 * participation and no ärende links to it); one gallring row per reason
 * that stripped anything, and always one for always_orsak unless it is
 * NULL. grans (an ISO date or NULL) goes on the 'gallring' row. Fills
 * counts[0] for 'gallring' and counts[1] for 'skyddad'.
 */
int		 oper_strip_prepare(struct oper *);
int		 oper_strip(struct oper *, const char *purpose,
		    const char *grans, const char *always_orsak,
		    struct oper_counts counts[2]);

#endif
