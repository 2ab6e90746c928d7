/*
 * Registrera antal i volyminsats, in two files: the screen's keys and
 * requests (client/scr_volym.c) and the month grid drawn, with the
 * month helpers both use (client/volym_view.c).
 */
#ifndef SUS_VOLYM_H
#define SUS_VOLYM_H

#include <stddef.h>
#include <stdint.h>

#include "client.h"
#include "proto.h"

/* Most counted per kön and month (the server's limit), and its digits. */
#define VOLYM_ANTAL_MAX		1000000UL
#define VOLYM_DIGITS		7
/* The reason for a correction: 200 characters, 400 bytes on the wire. */
#define VOLYM_ORSAK_CHARS	200
#define VOLYM_ORSAK_BYTES	400
/* Rows above the grid: name, organisation and dates, year, blank. */
#define VOLYM_TOP		4
/* Lines of the history box (fits 80x24); the most one version takes. */
#define VOLYM_HIST_LINES	20
#define VOLYM_HIST_VERSION	6

/* Where the cursor can be in a month's row. */
enum { VC_K, VC_M, VC_O, VC_ORSAK };

extern const char *const volym_kort[12];
extern const char *const volym_lang[12];

/* One month as the user edits it. */
struct vmanad {
	int		 cur;		/* its current row in rep.rader, or -1 */
	char		 val[3][VOLYM_DIGITS + 1]; /* digits, "" for none */
	struct entry	 orsak;
};

/* The screen's state. */
struct volym {
	int		 choosing;	/* the chooser shows */
	int		 several;	/* Esc goes back to the chooser */
	int		 started;
	struct chooser	 ch;
	uint32_t	 insats_id;
	int		 loaded;
	struct msg_volym rep;		/* the year as last fetched */
	char		 fel[SUS_MESSAGE_MAX + 1]; /* why nothing shows */
	struct vmanad	 m[12];
	int		 row;		/* -1 the year, else a month */
	int		 col;		/* VC_* */
	int		 fresh;		/* the next digit replaces the cell */
	char		 today[16];
};

/* "2025-03" for month i of the year shown. */
void		 volym_period(const struct volym *v, int i, char *out, size_t len);
/* "mars 2025". */
void		 volym_manad(const struct volym *v, int i, char *out, size_t len);
/*
 * Why month i takes no counts, or NULL when it does: within the insats
 * and begun (the server decides; this spares a refused round trip).
 */
const char	*volym_closed(const struct volym *v, int i);
/* The value of cell c of month i as typed; "" counts as 0. */
uint32_t	 volym_val(const struct volym *v, int i, int c);
/* Reports whether month i differs from what the server holds. */
int		 volym_changed(const struct volym *v, int i);
/* A change of counts already registered: a correction, with a reason. */
int		 volym_correction(const struct volym *v, int i);
/* The number of months changed and not saved. */
int		 volym_nchanged(const struct volym *v);

/* The last year offered: this year, or the end year when earlier. */
uint32_t	 volym_last_year(const struct volym *v);

/* Draws the screen: the chooser, or the year's months. */
void		 volym_draw(struct screen *, WINDOW *);
/* Places the terminal cursor in the cell or the Orsak field. */
int		 volym_cursor(struct screen *, int *y, int *x);

#endif
