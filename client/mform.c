/*
 * A form of mixed fields for the Behörigheter screens: text entries as in
 * form.c, check boxes ("[x] Insatsansvarig"), choices cycled with Space
 * or the arrows ("‹ Ny användare ›") or moved by a letter to the next
 * choice beginning with it, buttons that the screen acts on with Enter,
 * and read-only text. Fields can be hidden when another field's value
 * makes them meaningless.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "client.h"

/* Sets up a form over fields whose entries are initialised. */
void
mform_init(struct mform *f, struct mfield *fields, size_t n)
{
	size_t	i;
	int	w;

	memset(f, 0, sizeof *f);
	f->fields = fields;
	f->nfields = n;
	for (i = 0; i < n; i++) {
		w = fields[i].label != NULL ? text_width(fields[i].label) : 0;
		if (w > f->label_width)
			f->label_width = w;
	}
	mform_focus(f, 0);
}

/* Reports whether a field can take the focus. */
static int
mform_focusable(const struct mfield *mf)
{
	return !mf->hidden && mf->kind != MF_TEXT;
}

/* Puts the focus on the first focusable field at or after i. */
void
mform_focus(struct mform *f, size_t i)
{
	size_t	n;

	for (n = 0; n < f->nfields; n++) {
		if (mform_focusable(&f->fields[(i + n) % f->nfields])) {
			f->focus = (i + n) % f->nfields;
			return;
		}
	}
}

/* Moves the focus by one focusable field in direction dir (1 or -1). */
static void
mform_step(struct mform *f, int dir)
{
	size_t	n, i = f->focus;

	for (n = 0; n < f->nfields; n++) {
		i = dir > 0 ? (i + 1) % f->nfields :
		    (i + f->nfields - 1) % f->nfields;
		if (mform_focusable(&f->fields[i])) {
			f->focus = i;
			return;
		}
	}
}

/* A letter on a choice: on to the next choice beginning with it. */
static void
mform_choice_jump(struct mfield *mf, wint_t ch)
{
	wchar_t	first;
	size_t	i, n;

	for (i = 1; i <= mf->nchoices; i++) {
		n = ((size_t)mf->value + i) % mf->nchoices;
		if (mbtowc(&first, mf->choices[n],
		    strlen(mf->choices[n])) > 0 &&
		    towlower((wint_t)first) == towlower(ch)) {
			mf->value = (int)n;
			return;
		}
	}
}

/* Handles moving between fields and changing the focused one. */
int
mform_key(struct mform *f, const struct keyev *ev)
{
	struct mfield	*mf;

	if (f->nfields == 0)
		return 0;
	if (ev->action == ACT_NEXT || ev->code == KEY_DOWN) {
		mform_step(f, 1);
		return 1;
	}
	if (ev->action == ACT_PREV || ev->code == KEY_UP) {
		mform_step(f, -1);
		return 1;
	}
	mf = &f->fields[f->focus];
	switch (mf->kind) {
	case MF_ENTRY:
		if (mf->locked)
			return 0;
		return entry_key(&mf->entry, ev);
	case MF_CHECK:
		if (ev->code == 0 && ev->ch == L' ') {
			if (!mf->locked)
				mf->value = !mf->value;
			return 1;
		}
		return 0;
	case MF_CHOICE:
		if (mf->locked || mf->nchoices == 0)
			return 0;
		if ((ev->code == 0 && ev->ch == L' ') ||
		    ev->code == KEY_RIGHT) {
			mf->value = (mf->value + 1) % (int)mf->nchoices;
			return 1;
		}
		if (ev->code == KEY_LEFT) {
			mf->value = (mf->value + (int)mf->nchoices - 1) %
			    (int)mf->nchoices;
			return 1;
		}
		if (ev->code == 0 && iswalnum(ev->ch)) {
			mform_choice_jump(mf, ev->ch);
			return 1;
		}
		return 0;
	default:
		return 0;
	}
}

/* Most lines a read-only text wraps to. */
#define MFORM_TEXT_LINES	3

/* Breaks a read-only text into the lines it is drawn on. */
static size_t
mform_text_lines(const struct mfield *mf, int width, char *buf, size_t len,
    const char **lines)
{
	size_t	n;

	n = text_lines(mf->text != NULL ? mf->text : "", width, buf, len,
	    lines, MFORM_TEXT_LINES);
	if (n == 0) {
		lines[0] = "";
		n = 1;
	}
	return n;
}

/* Columns left for the value after the label. */
static int
mform_value_width(const struct mform *f, const struct mfield *mf,
    int width)
{
	int	w = width - f->label_width - 2;

	if (mf->kind == MF_ENTRY && w > (int)mf->entry.max + 1)
		w = (int)mf->entry.max + 1;
	return w < 4 ? 4 : w;
}

/* Draws the value part of one field. */
static void
mform_draw_value(struct mfield *mf, WINDOW *w, int y, int x, int vw,
    int focused)
{
	char	line[512];

	switch (mf->kind) {
	case MF_ENTRY:
		entry_draw(&mf->entry, w, y, x, vw, focused);
		return;
	case MF_CHECK:
		snprintf(line, sizeof line, "[%s] %s", mf->value ? "x" : " ",
		    mf->text != NULL ? mf->text : "");
		break;
	case MF_CHOICE:
		snprintf(line, sizeof line, "‹ %s ›",
		    mf->nchoices > 0 ? mf->choices[mf->value] : "");
		break;
	case MF_BUTTON:
		snprintf(line, sizeof line, "[ %s ]",
		    mf->text != NULL ? mf->text : "");
		break;
	case MF_TEXT:
		/* Drawn by mform_draw(), which knows the rows it takes. */
		return;
	}
	if (focused)
		wattron(w, A_REVERSE);
	else if (mf->locked)
		wattron(w, A_DIM);
	text_put(w, y, x, line, text_width(line) < vw ? text_width(line) :
	    vw);
	wattroff(w, A_REVERSE | A_DIM);
}

/* Rows a field takes, its hint included. */
static int
mform_rows(const struct mform *f, const struct mfield *mf, int width)
{
	const char	*lines[MFORM_TEXT_LINES];
	char		 buf[1024];
	int		 n = 1;

	if (mf->hidden)
		return 0;
	if (mf->kind == MF_TEXT)
		n = (int)mform_text_lines(mf, mform_value_width(f, mf, width),
		    buf, sizeof buf, lines);
	return n + (mf->hint != NULL);
}

/* Draws the visible fields from row y; returns the next free row. */
int
mform_draw(struct mform *f, WINDOW *w, int y, int x, int width, int focused)
{
	struct mfield	*mf;
	const char	*lines[MFORM_TEXT_LINES];
	char		 buf[1024];
	size_t		 i, j, n;
	int		 vx = x + f->label_width + 2, vw;

	for (i = 0; i < f->nfields; i++) {
		mf = &f->fields[i];
		if (mf->hidden)
			continue;
		if (mf->label != NULL && *mf->label != '\0') {
			text_put(w, y, x, mf->label, f->label_width);
			text_put(w, y, x + f->label_width, ":", 1);
		}
		vw = mform_value_width(f, mf, width);
		if (mf->kind == MF_TEXT) {
			n = mform_text_lines(mf, vw, buf, sizeof buf, lines);
			for (j = 0; j < n; j++)
				text_put(w, y++, vx, lines[j], vw);
		} else {
			mform_draw_value(mf, w, y, vx, vw,
			    focused && i == f->focus);
			y++;
		}
		if (mf->hint != NULL) {
			wattron(w, A_DIM);
			text_put(w, y, vx, mf->hint,
			    width - f->label_width - 2);
			wattroff(w, A_DIM);
			y++;
		}
	}
	return y;
}

/* Places the cursor in the focused entry. */
int
mform_cursor(struct mform *f, int y, int x, int width, int *cy, int *cx)
{
	struct mfield	*mf;
	size_t		 i;

	for (i = 0; i < f->nfields && i < f->focus; i++)
		y += mform_rows(f, &f->fields[i], width);
	mf = &f->fields[f->focus];
	if (mf->kind != MF_ENTRY || mf->hidden)
		return 0;
	*cy = y;
	*cx = x + f->label_width + 2 +
	    entry_scroll(&mf->entry, mform_value_width(f, mf, width));
	return 1;
}

/* Says how long the focused entry may be. */
void
mform_full_text(struct mform *f, char *out, size_t len)
{
	struct mfield	*mf = &f->fields[f->focus];

	entry_full_text(&mf->entry, mf->label, out, len);
}

/* Keys as mform_key(), saying on the message line when an entry is full. */
int
mform_key_said(struct mform *f, struct ui *ui, const struct keyev *ev)
{
	char	text[160];
	int	rv;

	if ((rv = mform_key(f, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(f, text, sizeof text);
		ui_message(ui, 1, "%s", text);
	}
	return rv;
}
