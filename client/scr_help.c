/* Hjälp: the key bindings, generated from the same table as the key bar. */
#include <stdio.h>

#include "client.h"

/* Keys that are not actions in the binding table: moving and editing. */
static const struct {
	const char	*key;
	const char	*help;
} help_more[] = {
	{ "Pilar", "Flytta i menyträdet och i listor" },
	{ "Enter", "Öppna menyval eller rubrik, sök, visa raden" },
	{ "→ / ←", "Öppna / stäng en rubrik i menyträdet" },
	{ "+ / -", "Öppna alla / stäng alla rubriker" },
	{ "PgUp / PgDn", "Bläddra en sida i listor" },
	{ "Home / End", "Början / slutet av fältet eller listan" },
	{ "^A / ^E", "Början / slutet av fältet" },
	{ "Backsteg, ^D", "Ta bort tecknet före / under markören" },
	{ "^U", "Töm fältet" },
};

/* Lists every binding with its Esc+digit alternative and its help. */
static void
scr_help_draw(struct screen *s, WINDOW *w)
{
	const struct binding	*b;
	char			 key[32];
	size_t			 i;
	int			 y = 1;

	wattron(w, A_BOLD);
	text_put(w, y++, 2, "Tangenter", s->cols - 4);
	wattroff(w, A_BOLD);
	y++;
	for (i = 0; i < keys_nbindings && y < s->lines - 1; i++) {
		b = &keys_bindings[i];
		if (b->fkey != 0)
			snprintf(key, sizeof key, "%s, Esc %d", b->keyname,
			    b->fkey % 10);
		else
			snprintf(key, sizeof key, "%s", b->keyname);
		text_put(w, y, 2, key, 14);
		text_put(w, y, 17, keys_action_help(b->action), s->cols - 19);
		y++;
	}
	y++;
	for (i = 0; i < sizeof help_more / sizeof help_more[0] &&
	    y < s->lines - 2; i++, y++) {
		text_put(w, y, 2, help_more[i].key, 14);
		text_put(w, y, 17, help_more[i].help, s->cols - 19);
	}
	if (y + 1 < s->lines)
		text_put(w, y + 1, 2, "Esc stänger hjälpen.", s->cols - 4);
}

static const struct screen_type scr_help_type = {
	.title = "Hjälp",
	.draw = scr_help_draw,
};

/* Creates the help screen. */
struct screen *
scr_help_new(struct ui *ui)
{
	return screen_new(ui, &scr_help_type, NULL);
}
