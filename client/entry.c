/*
 * One line of editable text held as wide characters, so the cursor moves
 * by character (å is one step, not two bytes) and the length limit counts
 * characters as the domain rules do.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "client.h"
#include "err.h"

/* Prepares an empty entry accepting up to max characters. */
void
entry_init(struct entry *e, size_t max, int hidden)
{
	memset(e, 0, sizeof *e);
	e->max = max == 0 || max > ENTRY_MAX ? ENTRY_MAX : max;
	e->hidden = hidden;
}

/* Adds a byte limit to the character limit. */
void
entry_limit_bytes(struct entry *e, size_t n)
{
	e->max_bytes = n;
}

/* Counts the bytes character wc takes in UTF-8 (1 for an unknown one). */
static size_t
entry_wc_bytes(wchar_t wc)
{
	mbstate_t	st;
	char		tmp[MB_LEN_MAX];
	size_t		r;

	memset(&st, 0, sizeof st);
	r = wcrtomb(tmp, wc, &st);
	return r == (size_t)-1 ? 1 : r;
}

/* Counts the UTF-8 bytes of the text. */
size_t
entry_bytes(const struct entry *e)
{
	size_t	i, n = 0;

	for (i = 0; i < e->len; i++)
		n += entry_wc_bytes(e->buf[i]);
	return n;
}

/*
 * Says how long the field may be. The byte limit is explained only when
 * the text holds characters that take more than one byte, since that is
 * the only time a user meets it.
 */
void
entry_full_text(const struct entry *e, const char *label, char *out,
    size_t len)
{
	size_t	max = e->max;

	if (e->max_bytes != 0 && e->max_bytes < max)
		max = e->max_bytes;
	if (e->max_bytes != 0 && entry_bytes(e) > e->len)
		snprintf(out, len, "%s får vara högst %zu tecken, där å, ä "
		    "och ö räknas som två.", label, e->max_bytes);
	else
		snprintf(out, len, "%s får vara högst %zu tecken.", label,
		    max);
}

/* Replaces the text with a UTF-8 string; fails on bad UTF-8 or length. */
int
entry_set(struct entry *e, const char *s)
{
	mbstate_t	st;
	size_t		len = strlen(s), off = 0, n = 0, r;
	wchar_t		wc;

	if (e->max_bytes != 0 && len > e->max_bytes)
		return SUS_ERR_STRING_LEN;
	memset(&st, 0, sizeof st);
	while (off < len) {
		r = mbrtowc(&wc, s + off, len - off, &st);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0)
			return SUS_ERR_UTF8;
		if (n == e->max)
			return SUS_ERR_STRING_LEN;
		e->buf[n++] = wc;
		off += r;
	}
	e->buf[n] = L'\0';
	e->len = e->cur = n;
	e->scroll = 0;
	return 0;
}

/* Encodes the text as UTF-8 into out. */
int
entry_get(const struct entry *e, char *out, size_t len)
{
	mbstate_t	st;
	char		tmp[MB_LEN_MAX];
	size_t		i, off = 0, r;

	if (len == 0)
		return SUS_ERR_NO_SPACE;
	memset(&st, 0, sizeof st);
	for (i = 0; i < e->len; i++) {
		r = wcrtomb(tmp, e->buf[i], &st);
		if (r == (size_t)-1)
			return SUS_ERR_UTF8;
		if (off + r >= len)
			return SUS_ERR_NO_SPACE;
		memcpy(out + off, tmp, r);
		off += r;
	}
	out[off] = '\0';
	return 0;
}

/* Empties the entry, wiping what it held (it may be a password). */
void
entry_clear(struct entry *e)
{
	explicit_bzero(e->buf, sizeof e->buf);
	e->len = e->cur = e->scroll = 0;
}

/* Inserts a character at the cursor. */
int
entry_insert(struct entry *e, wchar_t wc)
{
	if (e->len >= e->max)
		return SUS_ERR_STRING_LEN;
	if (e->max_bytes != 0 &&
	    entry_bytes(e) + entry_wc_bytes(wc) > e->max_bytes)
		return SUS_ERR_STRING_LEN;
	memmove(&e->buf[e->cur + 1], &e->buf[e->cur],
	    (e->len - e->cur) * sizeof e->buf[0]);
	e->buf[e->cur++] = wc;
	e->buf[++e->len] = L'\0';
	return 0;
}

/* Deletes the character before the cursor. */
int
entry_backspace(struct entry *e)
{
	if (e->cur == 0)
		return SUS_ERR_INVALID;
	e->cur--;
	return entry_delete(e);
}

/* Deletes the character under the cursor. */
int
entry_delete(struct entry *e)
{
	if (e->cur >= e->len)
		return SUS_ERR_INVALID;
	memmove(&e->buf[e->cur], &e->buf[e->cur + 1],
	    (e->len - e->cur) * sizeof e->buf[0]);
	e->len--;
	return 0;
}

/* Moves the cursor to the first character. */
void
entry_home(struct entry *e)
{
	e->cur = 0;
}

/* Moves the cursor past the last character. */
void
entry_end(struct entry *e)
{
	e->cur = e->len;
}

/* Moves the cursor one character left. */
void
entry_left(struct entry *e)
{
	if (e->cur > 0)
		e->cur--;
}

/* Moves the cursor one character right. */
void
entry_right(struct entry *e)
{
	if (e->cur < e->len)
		e->cur++;
}

/* Applies the editing keys readline users expect. */
int
entry_key(struct entry *e, const struct keyev *ev)
{
	if (ev->code != 0) {
		switch (ev->code) {
		case KEY_LEFT:
			entry_left(e);
			return 1;
		case KEY_RIGHT:
			entry_right(e);
			return 1;
		case KEY_HOME:
			entry_home(e);
			return 1;
		case KEY_END:
			entry_end(e);
			return 1;
		case KEY_BACKSPACE:
			entry_backspace(e);
			return 1;
		case KEY_DC:
			entry_delete(e);
			return 1;
		}
		return 0;
	}
	switch (ev->ch) {
	case 0x7f:
	case 0x08:
		entry_backspace(e);
		return 1;
	case 0x01:		/* ^A */
		entry_home(e);
		return 1;
	case 0x05:		/* ^E */
		entry_end(e);
		return 1;
	case 0x04:		/* ^D */
		entry_delete(e);
		return 1;
	case 0x15:		/* ^U */
		entry_clear(e);
		return 1;
	}
	if (ev->ch < L' ' || ev->ch == 0x7f)
		return 0;
	if (entry_insert(e, (wchar_t)ev->ch) != 0)
		return ENTRY_KEY_FULL;
	return 1;
}

/* Width of character i as shown (a hidden entry shows '*'). */
static int
entry_cw(const struct entry *e, size_t i)
{
	int	w;

	if (e->hidden)
		return 1;
	w = wcwidth(e->buf[i]);
	return w < 0 ? 1 : w;
}

/* Moves the scroll offset so the cursor fits; returns the cursor column. */
int
entry_scroll(struct entry *e, int width)
{
	size_t	i;
	int	col;

	if (width < 2)
		width = 2;
	if (e->scroll > e->cur)
		e->scroll = e->cur;
	for (;;) {
		col = 0;
		for (i = e->scroll; i < e->cur; i++)
			col += entry_cw(e, i);
		/* Leave the last column free for the cursor after the text. */
		if (col < width || e->scroll >= e->cur)
			break;
		e->scroll++;
	}
	return col;
}

/* Draws the visible part of the entry in width columns. */
void
entry_draw(struct entry *e, WINDOW *w, int y, int x, int width, int focused)
{
	size_t	i;
	int	col = 0, cw;
	wchar_t	one[2];

	entry_scroll(e, width);
	wmove(w, y, x);
	wattron(w, A_UNDERLINE);
	if (focused)
		wattron(w, A_BOLD);
	for (i = e->scroll; i < e->len; i++) {
		cw = entry_cw(e, i);
		if (col + cw > width)
			break;
		one[0] = e->hidden ? L'*' : e->buf[i];
		one[1] = L'\0';
		waddnwstr(w, one, 1);
		col += cw;
	}
	while (col++ < width)
		waddch(w, ' ');
	wattroff(w, A_UNDERLINE | A_BOLD);
}
