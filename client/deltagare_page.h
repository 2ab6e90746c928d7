/*
 * The page of the person's own view, as lines (client/deltagare_page.c);
 * client/scr_deltagare_view.c scrolls and draws them.
 */
#ifndef SUS_DELTAGARE_PAGE_H
#define SUS_DELTAGARE_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "client.h"

/* The label column: "Folkbokföringskommun". */
#define DV_LW		20
/* The questions of the two occasions, by FRAGA_IN and FRAGA_UT less one. */
#define DV_IN		0
#define DV_UT		1

/* One line: text from column x, or (pair) a label and its value. */
struct dv_line {
	int		 x;
	int		 attr;
	int		 pair;
	char		*label;
	char		*text;
};

struct dpage {
	struct dv_line	*l;
	size_t		 n, cap;
	int		 width;		/* the lines are broken for it */
	const struct msg_deltagare *d;
	const struct msg_fraga_list *fragor;	/* [DV_IN], [DV_UT] */
};

/* Breaks the participation into lines for width columns. */
void		 dpage_build(struct dpage *, struct ui *, int width,
		    const struct msg_deltagare *,
		    const struct msg_fraga_list *fragor);
/* Frees the lines, keeping the array for the next build. */
void		 dpage_clear(struct dpage *);
void		 dpage_free(struct dpage *);
/* The occasion of a kind (FRAGA_IN, FRAGA_UT), NULL when none. */
const struct tillfalle_row *dpage_tillfalle(const struct msg_deltagare *,
		    uint8_t typ);

#endif
