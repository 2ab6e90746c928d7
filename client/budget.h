/*
 * The Budget tab of a samverkansorganisation, in three files: its lines
 * as data (client/budget_lines.c: each line is the form the user edits,
 * a panel a list of them with the choices their first field offers),
 * the list drawn (client/budget_view.c), and the screen's keys and
 * requests (client/scr_budget.c). The insats's Budget tab
 * (client/scr_insats_budget.c) is built on the same lines and list: its
 * one panel has a second choice, Organisation, in the place of the
 * Eget kapital box, and its own rows and items (Planerat antal) between
 * the year and the lines.
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

/*
 * The fields of a line; administrativa kostnader hide F_EK, and an insats
 * line makes it the Organisation choice (F_ORG).
 */
enum { F_CHOICE, F_EK, F_AMOUNT, F_UTFALL, F_TEXT, F__COUNT };
#define F_ORG	F_EK

/* The columns of a panel, in every bkind's cols (F_EK's is FC_EK). */
enum { FC_NR, FC_NAMN, FC_EK, FC_AMOUNT, FC_UTFALL, FC_TEXT, FC__COUNT };

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

/*
 * What the cursor is on: the year, a line, "Lägg till", an insats, or
 * one of the screen's own items before the lines.
 */
enum { IT_YEAR, IT_LINE, IT_ADD, IT_INSATS, IT_LEAD };

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
	/* For a tab built on this one; all zero in the organisation's. */
	const char	*year_label;	/* NULL: "Uppgifter för år:" */
	int		 head_extra;	/* its own rows under the year */
	size_t		 nlead;		/* its own items before the lines */
	int		 no_insatser;	/* no Budgeterat i insatserna */
	const struct budget_year *marks; /* years with data, NULL: rep's */
	size_t		 nmarks;
	/* Shows year ar, for budget_year_key(); 0 or -1 (said why). */
	int		(*load)(struct screen *, uint32_t ar);
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
/* Adds a choice unless its id is there; returns its index. */
size_t		 budget_choice_add(struct bpanel *, uint32_t id, const char *);
/* Appends an empty line to a panel and returns it. */
struct bline	*budget_line_new(struct bpanel *);
/*
 * Appends a line with what the server sent: choice and ek are the values
 * of F_CHOICE and F_EK, utfall shown only when has_utfall.
 */
struct bline	*budget_line_add(struct bpanel *, uint32_t id, size_t choice,
		    int ek, uint64_t amount, int has_utfall, uint64_t utfall,
		    const char *text);
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
/*
 * Reads the amounts and the beskrivning (allocated) of line i. Returns 0,
 * or -1 with *bad saying which field cannot be sent.
 */
int		 budget_read_line(struct bpanel *, size_t i, uint64_t *amount,
		    uint8_t *has_utfall, uint64_t *utfall, char **text,
		    struct bbad *bad);
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
/* The row the list starts on, under the header and the screen's rows. */
int		 budget_list_top(const struct budget *);
/* Scrolls so the cursor's row, and the panel title above it, show. */
void		 budget_scroll(struct screen *);
void		 budget_draw(struct screen *, WINDOW *);
int		 budget_cursor(struct screen *, int *y, int *x);

/*
 * Keys a tab built on this one shares (budget_view.c); the year keys
 * need b->load.
 */
/* Moves the cursor by delta items and keeps it in view. */
void		 budget_cur_move(struct screen *, long delta);
/* Leaves a line's fields, with its amounts grouped again. */
void		 budget_line_done(struct budget *);
/* Keys in the fields of the line under the cursor; 1 when used. */
int		 budget_line_key(struct screen *, const struct keyev *);
/* Minus: marks a saved line to go (again to keep it); a new one goes. */
void		 budget_line_remove(struct screen *);
/* Asks before unsaved changes are thrown away; 1 to go ahead. */
int		 budget_ask_drop(struct screen *, const char *question);
/* Keys on the year chooser: arrows, Home, End, a year typed; 1 used. */
int		 budget_years_key(struct screen *, const struct keyev *);

/*
 * The insats's Budget tab (client/scr_insats_budget.c, its data in
 * client/insats_budget_lines.c): the organisation's list with one panel
 * of budget lines whose F_ORG is the Organisation choice (a text saying
 * it is not used for FINSAM), and Planerat antal deltagare as the one
 * item of its own before the lines.
 */
struct ibudget {
	struct budget		 b;	/* first: budget_view.c takes s->data */
	uint32_t		 insats_id;
	struct msg_insats_budget rep;	/* the year as last fetched */
	int			 has_rep;
	struct msg_samorg	 org;	/* its ingående organisationer */
	int			 has_org;
	struct bpanel		 orgs;	/* the Organisation choices, no lines */
	struct entry		 planerat;
};

/* Makes line l's F_ORG the Organisation choice, or the FINSAM text. */
void		 ibudget_line_org(struct ibudget *, struct bline *);
/* Builds the lines and their choices from the reply in ib->rep. */
void		 ibudget_fill(struct ibudget *, struct ui *);
/* The years offered: the first year to the last, or a little ahead. */
void		 ibudget_years(struct ibudget *);
/*
 * Fills q from what was typed: the planned number and the lines kept.
 * Returns 0, or -1 with *bad saying which line cannot be sent (bad->p
 * NULL: the planned number, bad->why then says why); either way
 * ibudget_request_free() frees what was filled.
 */
int		 ibudget_request(struct ibudget *, struct msg_insats_budget *q,
		    struct bbad *bad);
void		 ibudget_request_free(struct msg_insats_budget *);
void		 ibudget_clear(struct ibudget *);

#endif
