/*
 * Several lines of editable text, for descriptions longer than a one-line
 * entry holds (Beskrivning: 2000 characters). The text is wide characters
 * so the cursor moves by character; it is broken into display lines at
 * spaces and at the newlines Enter puts in, and the view scrolls so the
 * cursor line stays in sight.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "client.h"
#include "err.h"
#include "xmalloc.h"

/* Prepares an empty text of at most max characters. */
void
textarea_init(struct textarea *ta, size_t max)
{
	memset(ta, 0, sizeof *ta);
	ta->max = max;
	ta->buf = xcalloc(max + 1, sizeof *ta->buf);
}

/* Frees the text. */
void
textarea_free(struct textarea *ta)
{
	free(ta->buf);
	memset(ta, 0, sizeof *ta);
}

/* Replaces the text with a UTF-8 string; fails on bad UTF-8 or length. */
int
textarea_set(struct textarea *ta, const char *s)
{
	mbstate_t	st;
	size_t		len = strlen(s), off = 0, n = 0, r;
	wchar_t		wc;

	memset(&st, 0, sizeof st);
	while (off < len) {
		r = mbrtowc(&wc, s + off, len - off, &st);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0)
			return SUS_ERR_UTF8;
		if (n == ta->max)
			return SUS_ERR_STRING_LEN;
		/* A CR of a CRLF typed elsewhere is not a line of its own. */
		if (wc != L'\r')
			ta->buf[n++] = wc;
		off += r;
	}
	ta->buf[n] = L'\0';
	ta->len = n;
	ta->cur = ta->top = 0;
	return 0;
}

/* Returns the text as newly allocated UTF-8. */
char *
textarea_get(const struct textarea *ta)
{
	mbstate_t	 st;
	char		*out, tmp[MB_LEN_MAX];
	size_t		 i, off = 0, r;

	out = xmalloc(ta->len * MB_LEN_MAX + 1);
	memset(&st, 0, sizeof st);
	for (i = 0; i < ta->len; i++) {
		r = wcrtomb(tmp, ta->buf[i], &st);
		if (r == (size_t)-1) {
			tmp[0] = '?';
			r = 1;
			memset(&st, 0, sizeof st);
		}
		memcpy(out + off, tmp, r);
		off += r;
	}
	out[off] = '\0';
	return out;
}

/* Width of character i, never negative; a newline takes none. */
static int
textarea_cw(const struct textarea *ta, size_t i)
{
	int	w;

	if (ta->buf[i] == L'\n')
		return 0;
	w = wcwidth(ta->buf[i]);
	return w < 0 ? 1 : w;
}

/*
 * Breaks the text into display lines of width columns: starts[i] is the
 * first character of line i. A full last line gets an empty one after it
 * for the cursor. Returns the number of lines (at least 1).
 */
size_t
textarea_wrap(const struct textarea *ta, int width, size_t *starts,
    size_t max)
{
	size_t	n = 1, s, j, brk;
	int	col, cw;

	starts[0] = 0;
	if (width < 2)
		width = 2;
	while (n < max) {
		s = starts[n - 1];
		col = 0;
		brk = s;
		for (j = s; j < ta->len && ta->buf[j] != L'\n'; j++) {
			cw = textarea_cw(ta, j);
			if (col + cw > width)
				break;
			col += cw;
			if (ta->buf[j] == L' ')
				brk = j + 1;
		}
		if (j < ta->len && (ta->buf[j] == L'\n' ||
		    ta->buf[j] == L' '))
			starts[n++] = j + 1;
		else if (j < ta->len)
			starts[n++] = brk > s ? brk : (j > s ? j : s + 1);
		else {
			if (col >= width)
				starts[n++] = ta->len;
			break;
		}
	}
	return n;
}

/* The line holding the cursor. */
static size_t
textarea_line_of(const size_t *starts, size_t n, size_t cur)
{
	size_t	i = n - 1;

	while (i > 0 && starts[i] > cur)
		i--;
	return i;
}

/* The end of line i: the start of the next, less a newline ending it. */
static size_t
textarea_line_end(const struct textarea *ta, const size_t *starts, size_t n,
    size_t i)
{
	size_t	end = i + 1 < n ? starts[i + 1] : ta->len;

	if (end > starts[i] && end <= ta->len && ta->buf[end - 1] == L'\n')
		end--;
	return end;
}

/* The column of position pos on line i. */
static int
textarea_col(const struct textarea *ta, size_t start, size_t pos)
{
	size_t	j;
	int	col = 0;

	for (j = start; j < pos; j++)
		col += textarea_cw(ta, j);
	return col;
}

/* The position on line i nearest column col. */
static size_t
textarea_at_col(const struct textarea *ta, const size_t *starts, size_t n,
    size_t i, int col)
{
	size_t	j = starts[i], end = textarea_line_end(ta, starts, n, i);
	int	c = 0, cw;

	/* A line broken at a space: the cursor stops before the break. */
	if (i + 1 < n && end == starts[i + 1] && end > j)
		end--;
	while (j < end) {
		cw = textarea_cw(ta, j);
		if (c + cw > col)
			break;
		c += cw;
		j++;
	}
	return j;
}

/* Up or Down by one display line; 0 when there is no line there. */
static int
textarea_vertical(struct textarea *ta, int width, int dir)
{
	size_t	*starts, n, i;
	int	 col, rv = 0;

	starts = xcalloc(ta->len + 2, sizeof *starts);
	n = textarea_wrap(ta, width, starts, ta->len + 2);
	i = textarea_line_of(starts, n, ta->cur);
	col = textarea_col(ta, starts[i], ta->cur);
	if ((dir < 0 && i > 0) || (dir > 0 && i + 1 < n)) {
		ta->cur = textarea_at_col(ta, starts, n, dir < 0 ? i - 1 :
		    i + 1, col);
		rv = 1;
	}
	free(starts);
	return rv;
}

/* Home or End of the display line. */
static void
textarea_line_edge(struct textarea *ta, int width, int end)
{
	size_t	*starts, n, i;

	starts = xcalloc(ta->len + 2, sizeof *starts);
	n = textarea_wrap(ta, width, starts, ta->len + 2);
	i = textarea_line_of(starts, n, ta->cur);
	ta->cur = end ? textarea_at_col(ta, starts, n, i, INT_MAX) :
	    starts[i];
	free(starts);
}

/* Inserts a character at the cursor; fails when the text is full. */
static int
textarea_insert(struct textarea *ta, wchar_t wc)
{
	if (ta->len >= ta->max)
		return SUS_ERR_STRING_LEN;
	memmove(&ta->buf[ta->cur + 1], &ta->buf[ta->cur],
	    (ta->len - ta->cur + 1) * sizeof ta->buf[0]);
	ta->buf[ta->cur++] = wc;
	ta->len++;
	return 0;
}

/* Deletes the character at pos. */
static void
textarea_delete(struct textarea *ta, size_t pos)
{
	if (pos >= ta->len)
		return;
	memmove(&ta->buf[pos], &ta->buf[pos + 1],
	    (ta->len - pos) * sizeof ta->buf[0]);
	ta->len--;
}

/* Keys that work on a control character or a KEY_* code. */
static int
textarea_special(struct textarea *ta, const struct keyev *ev, int width)
{
	int	code = ev->code;

	if (code == 0 && ev->ch == 0x01)
		code = KEY_HOME;
	else if (code == 0 && ev->ch == 0x05)
		code = KEY_END;
	else if (code == 0 && ev->ch == 0x04)
		code = KEY_DC;
	else if (code == 0 && (ev->ch == 0x7f || ev->ch == 0x08))
		code = KEY_BACKSPACE;
	switch (code) {
	case KEY_LEFT:
		if (ta->cur > 0)
			ta->cur--;
		return 1;
	case KEY_RIGHT:
		if (ta->cur < ta->len)
			ta->cur++;
		return 1;
	case KEY_UP:
		return textarea_vertical(ta, width, -1);
	case KEY_DOWN:
		return textarea_vertical(ta, width, 1);
	case KEY_HOME:
	case KEY_END:
		textarea_line_edge(ta, width, code == KEY_END);
		return 1;
	case KEY_BACKSPACE:
		if (ta->cur > 0)
			textarea_delete(ta, --ta->cur);
		return 1;
	case KEY_DC:
		textarea_delete(ta, ta->cur);
		return 1;
	}
	return 0;
}

/*
 * Applies an editing key for a text shown width columns wide. Returns 1
 * when used, ENTRY_KEY_FULL when a character did not fit, and 0 for a
 * key it leaves alone, Up on the first line and Down on the last among
 * them, so that the page can move on.
 */
int
textarea_key(struct textarea *ta, const struct keyev *ev, int width)
{
	if (keys_is_enter(ev))
		return textarea_insert(ta, L'\n') == 0 ? 1 : ENTRY_KEY_FULL;
	if (ev->code != 0 || ev->ch < L' ' || ev->ch == 0x7f) {
		if (ev->code == 0 && ev->ch == 0x15) {	/* ^U */
			ta->len = ta->cur = ta->top = 0;
			ta->buf[0] = L'\0';
			return 1;
		}
		return textarea_special(ta, ev, width);
	}
	return textarea_insert(ta, (wchar_t)ev->ch) == 0 ? 1 : ENTRY_KEY_FULL;
}

/*
 * Scrolls so the cursor line is among rows lines; sets the cursor's line
 * (from the first shown) and column. Returns the number of lines.
 */
size_t
textarea_scroll(struct textarea *ta, int width, int rows, int *line,
    int *col)
{
	size_t	*starts, n, i;

	starts = xcalloc(ta->len + 2, sizeof *starts);
	n = textarea_wrap(ta, width, starts, ta->len + 2);
	i = textarea_line_of(starts, n, ta->cur);
	if (rows < 1)
		rows = 1;
	if (ta->top > i)
		ta->top = i;
	if (i >= ta->top + (size_t)rows)
		ta->top = i - (size_t)rows + 1;
	if (ta->top + (size_t)rows > n)
		ta->top = n > (size_t)rows ? n - (size_t)rows : 0;
	*line = (int)(i - ta->top);
	*col = textarea_col(ta, starts[i], ta->cur);
	if (*col >= width)
		*col = width - 1;
	free(starts);
	return n;
}

/* Draws display line top + row, underlined like an entry. */
void
textarea_draw_row(struct textarea *ta, WINDOW *w, int y, int x, int width,
    int row, int focused)
{
	size_t	*starts, n, i, j, end;
	wchar_t	 one[2];
	int	 col = 0, cw;

	starts = xcalloc(ta->len + 2, sizeof *starts);
	n = textarea_wrap(ta, width, starts, ta->len + 2);
	i = ta->top + (size_t)row;
	wmove(w, y, x);
	wattron(w, A_UNDERLINE | (focused ? A_BOLD : 0));
	if (i < n) {
		end = textarea_line_end(ta, starts, n, i);
		for (j = starts[i]; j < end; j++) {
			cw = textarea_cw(ta, j);
			if (col + cw > width)
				break;
			one[0] = ta->buf[j] < L' ' ? L' ' : ta->buf[j];
			one[1] = L'\0';
			waddnwstr(w, one, 1);
			col += cw;
		}
	}
	while (col++ < width)
		waddch(w, ' ');
	wattroff(w, A_UNDERLINE | A_BOLD);
	free(starts);
}
