/* Hjälp: the key bindings, generated from the same table as the key bar. */
#include <stdio.h>

#include "client.h"

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
