/*
 * Hjälp: the key bindings, generated from the same table as the key bar,
 * followed by the keys for moving and editing. Scrolls when the terminal
 * is too short to show it all (80x24 is).
 */
#include <stdio.h>
#include <stdlib.h>

#include "client.h"
#include "xmalloc.h"

/* Keys that are not actions in the binding table: moving and editing. */
static const struct {
	const char	*key;
	const char	*help;
} help_more[] = {
	{ "Pilar", "Flytta i menyträdet och i listor" },
	{ "Enter", "Öppna val, sök, visa raden" },
	{ "→ / ←", "Öppna / stäng en rubrik" },
	{ "+ / -", "Öppna / stäng alla rubriker" },
	{ "PgUp / PgDn", "Bläddra en sida i listor" },
	{ "Home / End", "Först / sist i fält eller lista" },
	{ "^A / ^E", "Början / slutet av fältet" },
	{ "Backsteg, ^D", "Ta bort före / under markören" },
	{ "^U", "Töm fältet" },
};
#define HELP_NMORE	(sizeof help_more / sizeof help_more[0])

/* First line of help shown; the rest of the state is the tables. */
struct help {
	int	top;
};

/* Rows of help: the bindings, a blank row, then help_more. */
static int
help_rows(void)
{
	return (int)(keys_nbindings + 1 + HELP_NMORE);
}

/* Fills key and text for row i; a blank row gets empty strings. */
static void
help_row(int i, char *key, size_t len, const char **text)
{
	const struct binding	*b;

	*text = "";
	key[0] = '\0';
	if (i < (int)keys_nbindings) {
		b = &keys_bindings[i];
		if (b->fkey != 0)
			snprintf(key, len, "%s, Esc %d", b->keyname,
			    b->fkey % 10);
		else
			snprintf(key, len, "%s", b->keyname);
		*text = keys_action_help(b->action);
	} else if (i > (int)keys_nbindings) {
		i -= (int)keys_nbindings + 1;
		snprintf(key, len, "%s", help_more[i].key);
		*text = help_more[i].help;
	}
}

/* Rows that fit between the heading and the footer. */
static int
help_visible(const struct screen *s)
{
	int	n = s->lines - 5;

	return n < 1 ? 1 : n;
}

/* Draws the visible rows and says how to see the rest. */
static void
scr_help_draw(struct screen *s, WINDOW *w)
{
	struct help	*h = s->data;
	const char	*text;
	char		 key[32];
	int		 i, y = 3, vis = help_visible(s);

	wattron(w, A_BOLD);
	text_put(w, 1, 2, "Tangenter", s->cols - 4);
	wattroff(w, A_BOLD);
	for (i = h->top; i < help_rows() && i < h->top + vis; i++, y++) {
		help_row(i, key, sizeof key, &text);
		text_put(w, y, 2, key, 14);
		text_put(w, y, 17, text, s->cols - 19);
	}
	if (h->top + vis < help_rows())
		text_put(w, s->lines - 1, 2, "Esc stänger. Pil ned eller PgDn "
		    "visar mer.", s->cols - 4);
	else
		text_put(w, s->lines - 1, 2, "Esc stänger hjälpen.",
		    s->cols - 4);
}

/* Scrolls with the arrows, PgUp/PgDn, Home and End. */
static int
scr_help_key(struct screen *s, const struct keyev *ev)
{
	struct help	*h = s->data;
	int		 vis = help_visible(s), last;

	last = help_rows() - vis;
	if (last < 0)
		last = 0;
	switch (ev->code) {
	case KEY_DOWN:
		h->top++;
		break;
	case KEY_UP:
		h->top--;
		break;
	case KEY_NPAGE:
		h->top += vis;
		break;
	case KEY_PPAGE:
		h->top -= vis;
		break;
	case KEY_HOME:
		h->top = 0;
		break;
	case KEY_END:
		h->top = last;
		break;
	default:
		return 0;
	}
	if (h->top > last)
		h->top = last;
	if (h->top < 0)
		h->top = 0;
	return 1;
}

/* Frees the scroll state. */
static void
scr_help_free(struct screen *s)
{
	free(s->data);
}

static const struct screen_type scr_help_type = {
	.title = "Hjälp",
	.draw = scr_help_draw,
	.key = scr_help_key,
	.free = scr_help_free,
};

/* Creates the help screen. */
struct screen *
scr_help_new(struct ui *ui)
{
	return screen_new(ui, &scr_help_type, xcalloc(1, sizeof(struct help)));
}
