/*
 * Af/FK-samarbetet: Historik enskild deltagare, private to its files: the
 * screen, its keys and requests (scr_affk_historik.c) and the page the
 * history is broken into and drawn from (affk_historik_page.c).
 */
#ifndef SUS_AFFK_HISTORIK_H
#define SUS_AFFK_HISTORIK_H

#include "client.h"
#include "proto.h"

/* Most offices a deltagaransvarig chooses among. */
#define HI_KONTOR_MAX	32
/* Rows under the page: the row's details (two) and two key lines. */
#define HI_FOOT		4

enum { HF_KONTOR, HF_PNR, HF__COUNT };

/* The kinds of line the page is made of. */
enum { HL_TEXT, HL_HEAD, HL_PERIOD };

struct hline {
	int		 kind;
	int		 attr;
	char		*text;		/* HL_TEXT */
	size_t		 a, p;		/* HL_PERIOD: ärende, period */
};

struct hist {
	struct mfield		 f[HF__COUNT];
	struct mform		 form;
	char			*kontor[HI_KONTOR_MAX];
	const char		*kontorp[HI_KONTOR_MAX];
	uint32_t		 kontor_insats[HI_KONTOR_MAX];
	size_t			 nkontor;
	int			 started;
	uint32_t		 kontor_insats_id;	/* of what is shown */
	uint32_t		 arende_id;	/* fetched by ärende, else 0 */
	char			 pnr[13];	/* fetched by personnummer */
	int			 loaded;
	int			 stale;		/* fetch again when shown */
	struct msg_affk_historik h;
	struct hline		*l;
	size_t			 nl;
	int			 built_width;
	int			 in_list;
	size_t			 cur;		/* a HL_PERIOD line */
	int			 top;
};

/* affk_historik_page.c */
void		 hi_lines_free(struct hist *);
/* Breaks the history into lines for width columns. */
void		 hi_build(struct hist *, int width);
/* The screen row the page starts on, and the rows it has. */
int		 hi_page_y(struct screen *);
int		 hi_rows(struct screen *);
/* The period under the cursor (its ärende in *ap), NULL when none. */
const struct affk_period_row *hi_period(struct hist *,
		    const struct affk_arende_row **ap);
/* Keeps the page in range and, when follow, the cursor's line on it. */
void		 hi_clamp(struct screen *, int follow);
/* The cursor on the period with id, else the first ärende's current. */
void		 hi_place(struct hist *, uint32_t period_id);
/* The row under the cursor in words, from screen row y. */
void		 hi_draw_detail(struct screen *, WINDOW *, int y);
/* The page in sight, from screen row y0. */
void		 hi_draw_page(struct screen *, WINDOW *, int y0);

#endif
