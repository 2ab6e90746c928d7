/*
 * A page of mixed fields taller than the screen (client/fpage.c), shared
 * by Registrera deltagare and the Af/FK forms: the fields top to bottom
 * (struct mfield), each label to the left of its value when both fit the
 * width, else on a line of its own above; a title row saying whether
 * there is unsaved work, the part of the page in sight, and a line
 * saying what the keys do. The page is drawn whole into a pad and the
 * part in sight copied out, scrolled to follow the focus.
 */
#ifndef SUS_FPAGE_H
#define SUS_FPAGE_H

#include "client.h"

/* Most lines a text of a page wraps to, for any form. */
#define FPAGE_TEXT_LINES_MAX	6

/* How the forms' pages differ, in struct fpage's flags. */
#define FPAGE_WRAP_LABEL	0x1	/* a long label wraps; a short text
					   may follow it on its line */
#define FPAGE_DIM_LOCKED	0x2	/* a locked value is drawn dim */
#define FPAGE_FIT_VALUE		0x4	/* a check box or button stands
					   after its label only if it fits */

/* How one field is drawn beyond what struct mfield says. */
struct fpage_look {
	int		 attr;		/* A_BOLD for headings */
	int		 blank;		/* a blank row above it */
	int		 indent;	/* columns in, for unlabelled fields */
};

/* How a form's page is laid out: one table a form. */
struct fpage_style {
	int		 label_w;	/* labels up to this wide go left */
	size_t		 text_lines;	/* up to FPAGE_TEXT_LINES_MAX */
	int		 flags;		/* FPAGE_* */
	/* Field i's look, from the form's own description of it (arg). */
	void		(*look)(const void *arg, size_t i, struct fpage_look *);
};

/* A form's page as the caller holds it now, set up for each call. */
struct fpage {
	struct screen			*s;
	const struct fpage_style	*style;
	const void			*arg;
	struct mfield			*fields;
	size_t				 nfields;
	size_t				 focus;
	int				*top;	/* first page row in sight */
};

/* The page width the fields are laid out for. */
int		 fpage_width(const struct screen *);
/* The title row (with "Ej sparat" when dirty), the page, the key line. */
void		 fpage_draw(struct fpage *, WINDOW *, const char *title,
		    int dirty, const char *hint);
/* Places the cursor in the focused entry; 0 when none shows. */
int		 fpage_cursor(struct fpage *, int *y, int *x);
/* An entry's text, spaces around it trimmed, into buf (NULL: ""). */
void		 fpage_entry_text(const struct entry *, char *buf, size_t len);

#endif
