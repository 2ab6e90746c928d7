/*
 * The Budget tab of a samverkansorganisation, in three files: its lines
 * as data (client/budget_lines.c: each line is the form the user edits,
 * a panel a list of them with the choices their first field offers),
 * the list drawn (client/budget_view.c), and the screen's keys and
 * requests (client/scr_budget.c).
 */
#ifndef SUS_BUDGET_H
#define SUS_BUDGET_H

#include <stddef.h>
#include <stdint.h>

#include "client.h"

/* The largest amount the server takes: whole kronor below a trillion. */
#define BUDGET_AMOUNT_MAX	999999999999ULL
/* Characters typed in an amount: 15 digits and spaces with room over. */
#define BUDGET_AMOUNT_CHARS	20
/* Characters of a beskrivning (the server's limit). */
#define BUDGET_TEXT_CHARS	100
/* Lines per panel one message carries (common/msg.c). */
#define BUDGET_LINES_MAX	200
/* Rows of the fixed header: name, form and dates, the year. */
#define BUDGET_HEAD_ROWS	3

/* The fields of a line; administrativa kostnader hide F_EK. */
enum { F_CHOICE, F_EK, F_AMOUNT, F_UTFALL, F_TEXT, F__COUNT };

/* What differs between the two panels of lines. */
struct bkind {
	const char		*title;
	const char		*word;		/* "Rad 2 (finansiering)" */
	const char		*choice;	/* the choice's label */
	const char		*amount;	/* the amount's label */
	const char		*none;		/* choice 0: nothing chosen */
	int			 ek;		/* has the Eget kapital box */
	const struct tbl_col	*cols;
};

/* One line as the user edits it: its fields are its state. */
struct bline {
	uint32_t	 id;		/* 0 until saved */
	int		 remove;	/* a saved line marked to go */
	struct mfield	 f[F__COUNT];
	struct mform	 form;
};

/* A panel of lines and the choices its first field offers. */
struct bpanel {
	const struct bkind *kind;
	struct bline	**rows;
	size_t		 n;
	char		**names;	/* [0] is kind->none */
	uint32_t	*ids;		/* [0] is 0 */
	size_t		 nnames;
};

/* A line that cannot be sent: where, and why in Swedish. */
struct bbad {
	struct bpanel	*p;
	size_t		 i;
	int		 field;
	const char	*why;
};

/* What the cursor is on: the year, a line, "Lägg till" or an insats. */
enum { IT_YEAR, IT_LINE, IT_ADD, IT_INSATS };

struct bitem {
	int		 kind;
	struct bpanel	*p;		/* IT_LINE, IT_ADD */
	size_t		 i;
};

/* The screen's state. */
struct budget {
	uint32_t	 samorg_id;
	char		 namn[256];
	char		 info[256];	/* samverkansform and dates */
	int		 started;
	int		 loaded;
	struct msg_budget rep;		/* the year as last fetched */
	struct msg_samorg org;		/* for its finansiärer */
	int		 has_org;
	uint32_t	*years;
	size_t		 nyears;
	size_t		 year;		/* index into years */
	char		 typed[8];	/* digits of a year being typed */
	struct bpanel	 fin, adm;
	size_t		 cur;		/* item under the cursor */
	size_t		 top;		/* first row of the list shown */
	int		 editing;	/* keys go to the line's fields */
	int		 dirty;
};


/* Results of budget_amount_parse(). */
#define AMOUNT_EMPTY	0
#define AMOUNT_OK	1
#define AMOUNT_BAD	(-1)
#define AMOUNT_BIG	(-2)

/* Writes v grouped the Swedish way: 1 250 000. */
void		 budget_amount_text(uint64_t v, char *, size_t);
/* Reads an amount typed with or without spaces between the groups. */
int		 budget_amount_parse(const struct entry *, uint64_t *);
/* Rewrites an amount field grouped, when it holds an amount. */
void		 budget_amount_tidy(struct entry *);

void		 budget_panel_clear(struct bpanel *);
/* Appends an empty line to a panel and returns it. */
struct bline	*budget_line_new(struct bpanel *);
/*
 * Builds the finance panel from a reply: the finansiärer of org (NULL
 * when unknown), any other organisation a line names, then the lines.
 */
void		 budget_fill_fin(struct bpanel *, const struct msg_samorg *,
		    const struct msg_budget *);
/* Builds the administrative panel: the codes given, then the lines. */
void		 budget_fill_adm(struct bpanel *, const struct kod_row *const *,
		    size_t, const struct msg_budget *);
/* The number the server gives line i: removed lines are not sent. */
size_t		 budget_line_nr(const struct bpanel *, size_t i);
/* Writes the sum of field over the lines kept ("" or "?" when none). */
void		 budget_sum_text(const struct bpanel *, int field, char *,
		    size_t);
/*
 * Fills the lines of q from the panels (adm NULL when it has none).
 * Returns 0, or -1 with *bad saying which line cannot be sent; either
 * way budget_request_free() frees what was filled.
 */
int		 budget_request(struct bpanel *fin, struct bpanel *adm,
		    struct msg_budget *q, struct bbad *bad);
void		 budget_request_free(struct msg_budget *);

/* budget_view.c */
extern const struct bkind budget_fin_kind, budget_adm_kind;
/* The number of items the cursor can be on, and what item i is. */
size_t		 budget_nitems(const struct budget *);
struct bitem	 budget_item(struct budget *, size_t i);
/* The line under the cursor, or NULL. */
struct bline	*budget_cur_line(struct budget *);
/* Puts the cursor on line i of p, opening its fields at f (or not, -1). */
void		 budget_goto_line(struct budget *, struct bpanel *, size_t i,
		    int f);
/* Rows left for the list between the header, the fields and the keys. */
int		 budget_list_rows(struct screen *);
/* Scrolls so the cursor's row, and the panel title above it, show. */
void		 budget_scroll(struct screen *);
void		 budget_draw(struct screen *, WINDOW *);
int		 budget_cursor(struct screen *, int *y, int *x);

#endif
