/*
 * The Af/FK forms' shared pieces (client/affk_form.c): a page of mixed
 * fields (struct mform for the keys) drawn with the label to the left
 * when label and value fit the width, else on a line of its own above,
 * scrolled to follow the focus, with a title row and a line saying what
 * the keys do; choices over ids (offices, codes); a snapshot of the
 * values to tell unsaved changes; the personnummer's checks.
 */
#ifndef SUS_AFFK_FORM_H
#define SUS_AFFK_FORM_H

#include "client.h"

/* Labels up to this wide stand to the left of their value. */
#define AFFK_LABEL_W	16

/* How a field is drawn beyond what struct mfield says. */
struct affk_meta {
	int		 attr;		/* A_BOLD for headings */
	int		 blank;		/* a blank row above it */
	int		 no_dirty;	/* a filter: no unsaved work */
};

struct affk_page {
	struct mfield	*fields;
	struct affk_meta *meta;
	size_t		 nfields;
	struct mform	 form;
	int		 top;		/* first page row in sight */
	char		*base;		/* the values when last clean */
};

/* A choice's names and the ids behind them (0: "(välj)"). */
struct affk_choice {
	size_t		 n;
	char		**names;
	const char	**shown;	/* for struct mfield */
	uint32_t	*ids;
};

void		 affk_page_init(struct affk_page *, struct mfield *,
		    struct affk_meta *, size_t);
void		 affk_page_free(struct affk_page *);
/*
 * Keys on the focused field: moving (Tab, arrows), and for a choice a
 * letter that goes to the next name with a word beginning with it. 1
 * used, ENTRY_KEY_FULL, 0 not used.
 */
int		 affk_page_key(struct affk_page *, const struct keyev *);
/* The title row, the page in sight, the key line (hint). */
void		 affk_page_draw(struct screen *, struct affk_page *, WINDOW *,
		    const char *title, const char *hint);
int		 affk_page_cursor(struct screen *, struct affk_page *, int *y,
		    int *x);
/* The values now are the clean ones; dirty compares with them. */
void		 affk_page_clean(struct affk_page *);
int		 affk_page_dirty(const struct affk_page *);
/* A field's text, trimmed, into buf. */
void		 affk_page_text(const struct affk_page *, size_t, char *,
		    size_t);
/* Says why with the focus on field; returns -1. */
int		 affk_page_refuse(struct screen *, struct affk_page *, size_t,
		    const char *why);

void		 affk_choice_clear(struct affk_choice *);
void		 affk_choice_add(struct affk_choice *, uint32_t id,
		    const char *name);
/* Points a choice field at the names, choosing id (not there: first). */
void		 affk_choice_field(struct mfield *, const struct affk_choice *,
		    uint32_t id);
/* The id behind a choice field's value, 0 for none. */
uint32_t	 affk_choice_id(const struct mfield *,
		    const struct affk_choice *);

/*
 * Checks a personnummer typed: 0 with the twelve digits in norm (13
 * bytes), else a Swedish sentence in why.
 */
int		 affk_pnr_check(const char *typed, char *norm, char *why,
		    size_t len);
/* Refuses a character a personnummer does not take; 1 when it did. */
int		 affk_pnr_refuse_char(struct ui *, const struct keyev *);

#endif
