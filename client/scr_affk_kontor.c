/*
 * Af/FK-samarbetet: Af/FK-kontor (issue 8). STUB: the contract only; a helper
 * fills it in.
 */
#include <curses.h>
#include <stdlib.h>

#include "affk.h"
#include "client.h"
#include "xmalloc.h"

static void
scr_affk_kontor_draw(struct screen *s, WINDOW *w)
{
	(void)s;
	mvwaddstr(w, 1, 1, "Af/FK-kontor: inte byggt än.");
}

static const struct screen_type scr_affk_kontor_type = {
	.title = "Af/FK-kontor",
	.draw = scr_affk_kontor_draw,
};

struct screen *
scr_affk_kontor_new(struct ui *ui)
{
	return screen_new(ui, &scr_affk_kontor_type, NULL);
}
