/* A form: a column of labelled entries; Tab and Shift-Tab move between them. */
#include <string.h>

#include "client.h"

/* Sets up a form over an array of fields whose entries are initialised. */
void
form_init(struct form *f, struct form_field *fields, size_t n)
{
	size_t	i;
	int	w;

	memset(f, 0, sizeof *f);
	f->fields = fields;
	f->nfields = n;
	for (i = 0; i < n; i++) {
		w = text_width(fields[i].label);
		if (w > f->label_width)
			f->label_width = w;
	}
}

/* Handles field movement and editing of the focused field. */
int
form_key(struct form *f, const struct keyev *ev)
{
	if (f->nfields == 0)
		return 0;
	if (ev->action == ACT_NEXT || (ev->code == KEY_DOWN)) {
		f->focus = (f->focus + 1) % f->nfields;
		return 1;
	}
	if (ev->action == ACT_PREV || (ev->code == KEY_UP)) {
		f->focus = (f->focus + f->nfields - 1) % f->nfields;
		return 1;
	}
	return entry_key(&f->fields[f->focus].entry, ev);
}

/* Columns left for the entry after the label. */
static int
form_entry_width(const struct form *f, const struct form_field *ff,
    int width)
{
	int	w = width - f->label_width - 2;

	if (w > (int)ff->entry.max + 1)
		w = (int)ff->entry.max + 1;
	return w < 4 ? 4 : w;
}

/* Draws label, entry and hint lines; returns the next free row. */
int
form_draw(struct form *f, WINDOW *w, int y, int x, int width, int focused)
{
	struct form_field	*ff;
	size_t			 i;
	int			 ew;

	for (i = 0; i < f->nfields; i++) {
		ff = &f->fields[i];
		text_put(w, y, x, ff->label, f->label_width);
		waddstr(w, ": ");
		ew = form_entry_width(f, ff, width);
		entry_draw(&ff->entry, w, y, x + f->label_width + 2, ew,
		    focused && i == f->focus);
		y++;
		if (ff->hint != NULL) {
			wattron(w, A_DIM);
			text_put(w, y, x + f->label_width + 2, ff->hint,
			    width - f->label_width - 2);
			wattroff(w, A_DIM);
			y++;
		}
	}
	return y;
}

/* Computes where the terminal cursor goes in the focused field. */
void
form_cursor(struct form *f, int y, int x, int width, int *cy, int *cx)
{
	struct form_field	*ff;
	size_t			 i;

	for (i = 0; i < f->nfields && i < f->focus; i++)
		y += f->fields[i].hint != NULL ? 2 : 1;
	ff = &f->fields[f->focus];
	*cy = y;
	*cx = x + f->label_width + 2 +
	    entry_scroll(&ff->entry, form_entry_width(f, ff, width));
}
