/*
 * A page of mixed fields taller than the screen (see fpage.h): laid out
 * one field under the other, drawn into a pad, the part in sight copied
 * out and scrolled to follow the focus, so every choice and question
 * shows whole at 80x24.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fpage.h"

int
fpage_width(const struct screen *s)
{
	return s->cols - 2;
}

/* Rows of the page between the title row and the key line. */
static int
fpage_rows(const struct screen *s)
{
	return s->lines - 2 > 1 ? s->lines - 2 : 1;
}

/* The widest name a choice offers. */
static int
fpage_widest(const struct mfield *f)
{
	size_t	i;
	int	w, max = 0;

	for (i = 0; i < f->nchoices; i++) {
		if ((w = text_width(f->choices[i])) > max)
			max = w;
	}
	return max;
}

/* The value of a check box, choice or button as drawn. */
static void
fpage_value_text(const struct mfield *f, char *line, size_t len)
{
	switch (f->kind) {
	case MF_CHECK:
		snprintf(line, len, "[%s] %s", f->value ? "x" : " ",
		    f->text != NULL ? f->text : "");
		break;
	case MF_CHOICE:
		snprintf(line, len, "‹ %s ›", f->nchoices > 0 &&
		    (size_t)f->value < f->nchoices ? f->choices[f->value] : "");
		break;
	default:
		snprintf(line, len, "[ %s ]", f->text != NULL ? f->text : "");
		break;
	}
}

/* Reports whether a field's label stands to the left of its value. */
static int
fpage_inline(const struct fpage *p, const struct mfield *f, int width)
{
	char	line[512];
	int	vw = width - p->style->label_w - 2;

	if (f->label == NULL || f->label[0] == '\0' ||
	    text_width(f->label) > p->style->label_w)
		return 0;
	if (f->kind == MF_CHOICE)
		return fpage_widest(f) + 4 <= vw;
	if ((p->style->flags & FPAGE_FIT_VALUE) &&
	    (f->kind == MF_CHECK || f->kind == MF_BUTTON)) {
		fpage_value_text(f, line, sizeof line);
		return text_width(line) <= vw;
	}
	return 1;
}

/* Draws the lines of a text from row y at x (w NULL: only counts). */
static int
fpage_text(const struct fpage *p, WINDOW *w, int y, int x, int vw,
    const char *text, int attr)
{
	const char	*lines[FPAGE_TEXT_LINES_MAX];
	char		 buf[1024];
	size_t		 n, j, max;

	max = p->style->text_lines < FPAGE_TEXT_LINES_MAX ?
	    p->style->text_lines : FPAGE_TEXT_LINES_MAX;
	n = text_lines(text != NULL ? text : "", vw, buf, sizeof buf, lines,
	    max);
	if (n == 0) {
		lines[0] = "";
		n = 1;
	}
	for (j = 0; w != NULL && j < n; j++) {
		wattron(w, attr);
		text_put(w, y + (int)j, x, lines[j], vw);
		wattroff(w, attr);
	}
	return (int)n;
}

/* A label on a line of its own; returns its rows, 0 with *done set. */
static int
fpage_label_above(const struct fpage *p, WINDOW *w, const struct mfield *f,
    const struct fpage_look *m, int y, int x, int *done)
{
	char	line[512];
	int	width = fpage_width(p->s);

	snprintf(line, sizeof line, "%s:", f->label);
	if (!(p->style->flags & FPAGE_WRAP_LABEL)) {
		if (w != NULL)
			text_put(w, y, x, line, width);
		return 1;
	}
	if (f->kind == MF_TEXT && m->attr == 0 && text_width(line) + 1 +
	    text_width(f->text != NULL ? f->text : "") <= width) {
		/* A short text after a long label, on one line. */
		if (w != NULL) {
			text_put(w, y, x, line, width);
			text_put(w, y, x + text_width(line) + 1,
			    f->text != NULL ? f->text : "", width -
			    text_width(line) - 1);
		}
		*done = 1;
		return 1;
	}
	return fpage_text(p, w, y, x, width, line, 0);
}

/* A check box, choice or button's value at row y. */
static void
fpage_value(const struct fpage *p, WINDOW *w, const struct mfield *f,
    int y, int vx, int vw, int focused)
{
	char	line[512];

	fpage_value_text(f, line, sizeof line);
	if (w == NULL)
		return;
	if (focused)
		wattron(w, A_REVERSE);
	else if (f->locked && (p->style->flags & FPAGE_DIM_LOCKED))
		wattron(w, A_DIM);
	text_put(w, y, vx, line, text_width(line) < vw ? text_width(line) : vw);
	wattroff(w, A_REVERSE | A_DIM);
}

/*
 * Draws field i from row y (w NULL: only counts) and returns the rows it
 * takes; with cy set, also where the cursor goes in it.
 */
static int
fpage_field(const struct fpage *p, WINDOW *w, size_t i, int y, int *cy,
    int *cx)
{
	struct mfield		*f = &p->fields[i];
	struct fpage_look	 m;
	int			 width = fpage_width(p->s), x = 1, y0 = y;
	int			 vx, vw, ew, done = 0, focused = i == p->focus;

	if (f->hidden)
		return 0;
	memset(&m, 0, sizeof m);
	p->style->look(p->arg, i, &m);
	y += m.blank;
	if (fpage_inline(p, f, width)) {
		if (w != NULL) {
			text_put(w, y, x, f->label, p->style->label_w);
			text_put(w, y, x + p->style->label_w, ":", 1);
		}
		vx = x + p->style->label_w + 2;
	} else if (f->label != NULL && f->label[0] != '\0') {
		y += fpage_label_above(p, w, f, &m, y, x, &done);
		if (done)
			return y - y0;
		vx = x + 2;
	} else
		vx = x + m.indent;
	vw = x + width - vx;
	if (f->kind == MF_TEXT)
		y += fpage_text(p, w, y, vx, vw, f->text, m.attr);
	else if (f->kind == MF_ENTRY) {
		ew = (int)f->entry.max + 1 < vw ? (int)f->entry.max + 1 : vw;
		if (w != NULL)
			entry_draw(&f->entry, w, y, vx, ew, focused);
		if (cy != NULL && focused) {
			*cy = y;
			*cx = vx + entry_scroll(&f->entry, ew);
		}
		y++;
	} else {
		fpage_value(p, w, f, y, vx, vw, focused);
		y++;
	}
	if (f->hint != NULL) {
		if (w != NULL) {
			wattron(w, A_DIM);
			text_put(w, y, vx, f->hint, vw);
			wattroff(w, A_DIM);
		}
		y++;
	}
	return y - y0;
}

/* The page row field i starts on; the page's height for nfields. */
static int
fpage_field_y(const struct fpage *p, size_t i)
{
	size_t	j;
	int	y = 0;

	for (j = 0; j < i && j < p->nfields; j++)
		y += fpage_field(p, NULL, j, y, NULL, NULL);
	return y;
}

/*
 * Scrolls so the focused field shows, with the texts over it (its
 * question, the part's heading) when they fit too.
 */
static void
fpage_follow(struct fpage *p)
{
	size_t	f = p->focus, a = f;
	int	ph = fpage_rows(p->s), y0, end, start, total;

	y0 = fpage_field_y(p, f);
	end = y0 + fpage_field(p, NULL, f, y0, NULL, NULL);
	while (a > 0 && (p->fields[a - 1].hidden ||
	    p->fields[a - 1].kind == MF_TEXT))
		a--;
	start = fpage_field_y(p, a);
	if (end - start > ph)
		start = y0;
	if (start < *p->top)
		*p->top = start;
	if (end > *p->top + ph)
		*p->top = end - ph;
	total = fpage_field_y(p, p->nfields);
	if (*p->top > total - ph)
		*p->top = total - ph;
	if (*p->top < 0)
		*p->top = 0;
}

void
fpage_draw(struct fpage *p, WINDOW *w, const char *title, int dirty,
    const char *hint)
{
	struct screen	*s = p->s;
	WINDOW		*pad;
	const char	*state;
	size_t		 i;
	int		 ph = fpage_rows(s), total, y = 0, width = fpage_width(s);
	int		 sw;

	state = dirty ? "Ej sparat" : NULL;
	sw = state != NULL ? text_width(state) + 1 : 0;
	wattron(w, A_BOLD);
	text_put(w, 0, 1, title, width - sw);
	if (state != NULL)
		text_put(w, 0, 1 + width - sw + 1, state, sw - 1);
	wattroff(w, A_BOLD);
	fpage_follow(p);
	total = fpage_field_y(p, p->nfields);
	pad = newpad(total > *p->top + ph ? total : *p->top + ph, s->cols);
	if (pad != NULL) {
		for (i = 0; i < p->nfields; i++)
			y += fpage_field(p, pad, i, y, NULL, NULL);
		copywin(pad, w, *p->top, 0, 1, 0, ph, s->cols - 1, FALSE);
		delwin(pad);
	}
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, hint, width - 1);
	wattroff(w, A_DIM);
	/* More of the page above or below. */
	text_put(w, s->lines - 1, s->cols - 1, *p->top + ph < total ? "↓" :
	    *p->top > 0 ? "↑" : "", 1);
}

int
fpage_cursor(struct fpage *p, int *y, int *x)
{
	size_t	f = p->focus;
	int	cy = -1, cx = 0;

	if (f >= p->nfields || p->fields[f].kind != MF_ENTRY ||
	    p->fields[f].hidden || p->fields[f].locked)
		return 0;
	(void)fpage_field(p, NULL, f, fpage_field_y(p, f), &cy, &cx);
	if (cy < 0)
		return 0;
	*y = cy - *p->top + 1;
	*x = cx;
	return *y >= 1 && *y <= fpage_rows(p->s);
}

void
fpage_entry_text(const struct entry *e, char *buf, size_t len)
{
	size_t	 n;
	char	*q;

	if (len == 0)
		return;
	if (e == NULL || entry_get(e, buf, len) != 0)
		buf[0] = '\0';
	for (n = strlen(buf); n > 0 && buf[n - 1] == ' '; n--)
		buf[n - 1] = '\0';
	for (q = buf; *q == ' '; q++)
		continue;
	memmove(buf, q, strlen(q) + 1);
}
