/*
 * UTF-8 text measured in display columns, so that åäö and wide characters
 * line up in lists and fields whatever their byte length.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "client.h"

/* Decodes the next character of s; invalid bytes become '?'. */
static size_t
text_next(const char *s, size_t len, mbstate_t *st, wchar_t *wc)
{
	size_t	n;

	n = mbrtowc(wc, s, len, st);
	if (n == (size_t)-1 || n == (size_t)-2) {
		memset(st, 0, sizeof *st);
		*wc = L'?';
		return 1;
	}
	if (n == 0)
		return 1;
	return n;
}

/* Returns the display width of one character, never negative. */
static int
text_wcwidth(wchar_t wc)
{
	int	w = wcwidth(wc);

	return w < 0 ? 1 : w;
}

/* Counts the display columns of a UTF-8 string. */
int
text_width(const char *s)
{
	mbstate_t	st;
	size_t		len = strlen(s), off = 0;
	wchar_t		wc;
	int		w = 0;

	memset(&st, 0, sizeof st);
	while (off < len) {
		off += text_next(s + off, len - off, &st, &wc);
		w += text_wcwidth(wc);
	}
	return w;
}

/* Draws s clipped to width columns and pads the rest with spaces. */
void
text_put(WINDOW *w, int y, int x, const char *s, int width)
{
	mbstate_t	st;
	size_t		len, off = 0;
	wchar_t		wc, one[2];
	int		col = 0, cw;

	if (width <= 0)
		return;
	if (s == NULL)
		s = "";
	len = strlen(s);
	memset(&st, 0, sizeof st);
	wmove(w, y, x);
	while (off < len) {
		off += text_next(s + off, len - off, &st, &wc);
		if (wc < L' ')
			wc = L' ';
		cw = text_wcwidth(wc);
		if (col + cw > width)
			break;
		one[0] = wc;
		one[1] = L'\0';
		waddnwstr(w, one, 1);
		col += cw;
	}
	while (col++ < width)
		waddch(w, ' ');
}

/* Converts UTF-8 to a lower-case wide string; the caller frees it. */
static wchar_t *
text_lower(const char *s)
{
	mbstate_t	 st;
	size_t		 len = strlen(s), off = 0, n = 0;
	wchar_t		*out, wc;

	out = calloc(len + 1, sizeof *out);
	if (out == NULL)
		return NULL;
	memset(&st, 0, sizeof st);
	while (off < len) {
		off += text_next(s + off, len - off, &st, &wc);
		out[n++] = (wchar_t)towlower((wint_t)wc);
	}
	out[n] = L'\0';
	return out;
}

/* Reports whether needle occurs in hay, ignoring case (Å matches å). */
int
text_contains(const char *hay, const char *needle)
{
	wchar_t	*h, *n;
	int	 found;

	h = text_lower(hay);
	n = text_lower(needle);
	found = h != NULL && n != NULL && wcsstr(h, n) != NULL;
	free(h);
	free(n);
	return found;
}

/*
 * Draws s over up to maxlines lines of width columns, breaking after
 * spaces where it can. Returns the lines used.
 */
int
text_wrap(WINDOW *w, int y, int x, const char *s, int width, int maxlines)
{
	mbstate_t	 st;
	size_t		 len = strlen(s), off = 0, start = 0, brk, n;
	wchar_t		 wc;
	char		*line;
	int		 lines = 0, col, cw;

	if (width <= 0 || maxlines <= 0)
		return 0;
	while (start < len && lines < maxlines) {
		memset(&st, 0, sizeof st);
		off = start;
		brk = 0;
		col = 0;
		while (off < len) {
			n = text_next(s + off, len - off, &st, &wc);
			cw = text_wcwidth(wc);
			if (col + cw > width)
				break;
			col += cw;
			off += n;
			if (wc == L' ')
				brk = off;
		}
		/* The last line allowed takes what fits; others break at a space. */
		if (off < len && brk > start && lines + 1 < maxlines)
			off = brk;
		line = strndup(s + start, off - start);
		if (line == NULL)
			break;
		text_put(w, y + lines, x, line, width);
		free(line);
		lines++;
		start = off;
		while (start < len && s[start] == ' ')
			start++;
	}
	return lines;
}
