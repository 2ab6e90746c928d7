/*
 * Snabbregistrering (issue 7): a keyboard grid where each row is one
 * participant of one insats, saved row by row as MSG_BATCH_DELTAGARE
 * under an idempotency key made when the row is first sent.
 *
 * The grid itself (client/grid.c) knows cells, columns, the cursor,
 * editing, ditto and completion over code lists, and client/grid_draw.c
 * draws it; the send queue
 * (client/grid_send.c) turns a row into a batch, sends it and applies
 * the outcome; the screens (client/scr_grid.c, scr_grid_ut.c) choose the
 * insats (and for utregistrering the participants) and set the columns
 * up.
 *
 * A column is named by the cell a refusal names (enum batch_falt), so a
 * result's falt (and fraga_id) finds its column without a switch.
 */
#ifndef SUS_GRID_H
#define SUS_GRID_H

#include <stdint.h>

#include "client.h"
#include "proto.h"

/* Bytes of one cell's text: a few code names, comma-separated. */
#define GRID_CELL_MAX		240
/* Columns: the fixed ones and the mandatory questions. */
#define GRID_COLS_MAX		24
/* Rows of one grid: as many as one batch may carry. */
#define GRID_ROWS_MAX		SUS_BATCH_MAX
/* Width of the status column. */
#define GRID_STATUS_W		10
/* Suggestions shown for a code cell being typed. */
#define GRID_MATCH_MAX		6

/* How a cell is typed and checked. */
enum grid_kind {
	GK_FAST,		/* shown, never typed (a masked number) */
	GK_PNR,			/* digits, - and +, checked as typed */
	GK_DATUM,		/* YYYY-MM-DD */
	GK_KOD,			/* one name of a list, completed */
	GK_KODER,		/* names of a list, comma-separated */
	GK_SIFFROR,		/* digits: omfattning, a heltal answer */
	GK_JN			/* J or N */
};

/* A row's state, shown in the status column. */
enum grid_status {
	GS_NY,			/* being typed, never sent */
	GS_SPARAR,		/* sent, waiting for the answer */
	GS_EJ_SKICKAD,		/* key kept, no answer yet: sent again */
	GS_SPARAD,		/* stored (read-only) */
	GS_FANNS,		/* already registered (read-only) */
	GS_FEL			/* refused: fix and send again */
};

struct grid_col {
	char		 title[32];	/* the header (UTF-8) */
	char		*lang;		/* detail line: the column's name */
	int		 width;
	enum grid_kind	 kind;
	uint32_t	 falt;		/* BATCH_FALT_* */
	uint32_t	 fraga_id;	/* with BATCH_FALT_FRAGA */
	uint8_t		 svarstyp;	/* with BATCH_FALT_FRAGA */
	size_t		 nval;		/* a code list's or question's */
	char		**names;
	char		**kods;		/* may be NULL */
	uint32_t	*ids;
};

struct grid_row {
	char		 cell[GRID_COLS_MAX][GRID_CELL_MAX];
	enum grid_status status;
	char		 nyckel[SUS_BATCH_KEY_LEN + 1];	/* "" none */
	int		 fel_col;	/* the cell refused, -1 none */
	char		 said[SUS_MESSAGE_MAX + 1];	/* the row's message */
	uint32_t	 deltagande_id;	/* utregistrering */
	char		 namn[128];	/* utregistrering: who */
};

struct grid {
	struct ui	*ui;
	uint32_t	 insats_id;
	uint8_t		 typ;		/* FRAGA_IN or FRAGA_UT */
	int		 growing;	/* Enter on the last row adds one */
	struct grid_col	 cols[GRID_COLS_MAX];
	size_t		 ncols;
	struct grid_row	*rows;
	size_t		 nrows, cap;
	size_t		 row, col;	/* the cursor */
	size_t		 top;		/* first row shown */
	size_t		 left;		/* first scrolled column shown */
	int		 height;	/* rows shown */
	struct entry	 ed;		/* the cell under the cursor */
	char		 pnr_said[160];
	/* The error message the grid last said about one cell, and where. */
	char		 said_msg[256];
	long		 said_cell;	/* row * GRID_COLS_MAX + col */
	size_t		 upprepade;	/* answered from a stored outcome */
};

/* client/grid.c */
void		 grid_init(struct grid *, struct ui *, uint32_t insats_id,
		    uint8_t typ);
void		 grid_free(struct grid *);
/* Appends a column; returns it (zeroed but for the given values). */
struct grid_col	*grid_add_col(struct grid *, const char *title,
		    const char *lang, int width, enum grid_kind, uint32_t falt);
/* Sets a code column's names (copied) and ids. */
void		 grid_col_values(struct grid_col *, size_t n,
		    const char *const *names, const char *const *kods,
		    const uint32_t *ids);
/* Appends an empty row with the defaults; returns its index. */
size_t		 grid_add_row(struct grid *);
/* The column of a falt (and fraga_id), -1 when none shows it. */
int		 grid_col_of(const struct grid *, uint32_t falt,
		    uint32_t fraga_id);
/* Whether a cell may be typed in now (omfattning needs work or study). */
int		 grid_cell_enabled(const struct grid *, size_t row, size_t col);
/* Whether a row's cells may change (not stored, not awaiting an answer). */
int		 grid_row_open(const struct grid_row *);
/* Moves the cursor, loading the cell into the editor. */
void		 grid_goto(struct grid *, size_t row, size_t col);
/* The code id a name (or kod) of col stands for; 0 when none. */
uint32_t	 grid_kod_id(const struct grid_col *, const char *text);
/* A cell's text trimmed into buf. */
void		 grid_cell_text(const struct grid *, size_t row, size_t col,
		    char *, size_t);
/*
 * The names (indexes into the cursor's column) whose first letters are
 * the code being typed, at most max; none when it is one already.
 */
size_t		 grid_matches(const struct grid *, size_t *out, size_t max);
/* Completes a code cell from the first match; 1 when it changed. */
int		 grid_complete(struct grid *);
/*
 * Keys inside the grid: movement, editing, ditto, completion. Returns 1
 * when used, 0 for keys the screen handles (Enter, Esc, F-keys).
 */
int		 grid_key(struct grid *, const struct keyev *);
/* Whether any row holds something typed that is not stored. */
int		 grid_unsaved(const struct grid *);
/* Whether anything but the date given has been typed in a row. */
int		 grid_row_typed(const struct grid *, size_t row);
/*
 * Notes that the message line's error is about cell (row, col): it goes
 * when that cell changes, and stays while other cells are typed.
 */
void		 grid_said(struct grid *, size_t row, size_t col);
/* client/grid_draw.c */
/* Keeps the cursor's row and column on screen. */
void		 grid_scroll(struct grid *, int width);
/* Draws the header at y and the rows under it. */
void		 grid_draw(struct grid *, WINDOW *, int y, int width);
/* The detail and suggestion lines at y and y + 1. */
void		 grid_draw_detail(struct grid *, WINDOW *, int y, int width);
/* The terminal cursor in the cell being typed; 0 when none. */
int		 grid_cursor(struct grid *, int y, int width, int *cy, int *cx);
const char	*grid_status_name(enum grid_status);
/* Cuts a text to cols display columns with an ellipsis, at a space. */
void		 grid_fit(char *, size_t, int cols);
/* A refusal on the message line, cut to the terminal's width. */
void		 grid_say_error(struct grid *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/* client/grid_send.c */
/*
 * Enter: sends what waits for an answer, then the cursor's row; moves
 * to the next row to type when it is stored.
 */
void		 grid_save_row(struct grid *);
/* Sends again every row with a key and no answer; F5. */
void		 grid_flush(struct grid *);
/* Rows waiting to be sent again. */
size_t		 grid_pending(const struct grid *);

/* client/scr_grid.c and scr_grid_ut.c: the screens around the grid. */
enum gs_state {
	GSS_INSATS,		/* choosing the insats */
	GSS_DELTAGARE,		/* utregistrering: choosing participants */
	GSS_GRID
};

/* The participant list's columns (scr_grid_ut.c). */
enum { GU_VALD, GU_PNR, GU_NAMN, GU_START, GU__COUNT };

struct gscr {
	uint8_t		 typ;
	enum gs_state	 state;
	int		 started;
	int		 several;	/* Esc goes back to the chooser */
	uint32_t	 insats_id;
	char		 insats[SUS_NAME_MAX * 4 + 1];
	struct chooser	 ch;
	struct plist	 ut;		/* ongoing participants */
	int		 ut_ready;
	struct grid	 g;
};

/* scr_grid.c */
/* Opens the utregistrering grid with these participants; 0 on success. */
int		 gs_open_ut(struct screen *, const struct plist_row *const *,
		    size_t);
/* scr_grid_ut.c */
void		 gs_ut_init(struct screen *);
void		 gs_ut_free(struct screen *);
void		 gs_ut_layout(struct screen *, int lines);
/* Lists the insats's ongoing participants to choose among. */
void		 gs_ut_list(struct screen *);
int		 gs_ut_key(struct screen *, const struct keyev *);
void		 gs_ut_draw(struct screen *, WINDOW *);

#endif
