/*
 * Paging arithmetic for lists that hold only a loaded prefix of the
 * server's result and draw only the rows that fit (htop's Panel idea):
 * the screen asks vlist_want() what to fetch next.
 */
#include <string.h>

#include "client.h"

/* Starts over with a new result. */
void
vlist_reset(struct vlist *vl, size_t total, size_t loaded)
{
	size_t	height = vl->height;

	memset(vl, 0, sizeof *vl);
	vl->height = height;
	vl->total = total;
	vl->loaded = loaded > total ? total : loaded;
}

/* Keeps the cursor on screen. */
static void
vlist_follow(struct vlist *vl)
{
	if (vl->cursor < vl->top)
		vl->top = vl->cursor;
	else if (vl->height > 0 && vl->cursor >= vl->top + vl->height)
		vl->top = vl->cursor - vl->height + 1;
	/* Never leave empty rows at the bottom while rows are above. */
	if (vl->height > 0 && vl->total > vl->height &&
	    vl->top > vl->total - vl->height)
		vl->top = vl->total - vl->height;
	if (vl->total <= vl->height)
		vl->top = 0;
}

/* Applies a new number of visible rows. */
void
vlist_resize(struct vlist *vl, size_t height)
{
	vl->height = height;
	vlist_follow(vl);
}

/* Moves the cursor to row, clamped to the list. */
void
vlist_goto(struct vlist *vl, size_t row)
{
	if (vl->total == 0) {
		vl->cursor = vl->top = 0;
		return;
	}
	vl->cursor = row >= vl->total ? vl->total - 1 : row;
	vlist_follow(vl);
}

/* Moves the cursor by delta rows. */
void
vlist_move(struct vlist *vl, long delta)
{
	size_t	row;

	if (delta < 0)
		row = (size_t)-delta > vl->cursor ? 0 :
		    vl->cursor - (size_t)-delta;
	else
		row = vl->cursor + (size_t)delta;
	vlist_goto(vl, row);
}

/* Moves the cursor by an arrow, page, Home or End key; 1 if it was one. */
int
vlist_key(struct vlist *vl, const struct keyev *ev)
{
	long	page = vl->height > 1 ? (long)vl->height - 1 : 1;

	switch (ev->code) {
	case KEY_UP:
		vlist_move(vl, -1);
		return 1;
	case KEY_DOWN:
		vlist_move(vl, 1);
		return 1;
	case KEY_PPAGE:
		vlist_move(vl, -page);
		return 1;
	case KEY_NPAGE:
		vlist_move(vl, page);
		return 1;
	case KEY_HOME:
		vlist_goto(vl, 0);
		return 1;
	case KEY_END:
		vlist_goto(vl, vl->total);
		return 1;
	}
	return 0;
}

/* Tells whether more rows must be fetched, and from which offset. */
int
vlist_want(const struct vlist *vl, size_t *offset)
{
	size_t	need;

	need = vl->top + vl->height;
	if (need < vl->cursor + 1)
		need = vl->cursor + 1;
	if (need > vl->total)
		need = vl->total;
	if (need <= vl->loaded)
		return 0;
	*offset = vl->loaded;
	return 1;
}

/* Pulls the cursor back onto the loaded rows after a failed fetch. */
void
vlist_clamp_loaded(struct vlist *vl)
{
	if (vl->loaded == 0) {
		vl->cursor = vl->top = 0;
		return;
	}
	if (vl->cursor >= vl->loaded)
		vl->cursor = vl->loaded - 1;
	vlist_follow(vl);
}
