/*
 * Af/FK-samarbetet: Visa deltagare (issue 8). STUB: the contract only; a helper
 * fills it in.
 */
#include <curses.h>
#include <stdlib.h>

#include "affk.h"
#include "client.h"
#include "xmalloc.h"

static void
scr_affk_sok_draw(struct screen *s, WINDOW *w)
{
	(void)s;
	mvwaddstr(w, 1, 1, "Visa deltagare: inte byggt än.");
}

static const struct screen_type scr_affk_sok_type = {
	.title = "Visa deltagare",
	.draw = scr_affk_sok_draw,
};

struct screen *
scr_affk_sok_new(struct ui *ui)
{
	return screen_new(ui, &scr_affk_sok_type, NULL);
}
