/*
 * Af/FK-samarbetet: Registrera medverkan (issue 8). STUB: the contract only; a helper
 * fills it in.
 */
#include <curses.h>
#include <stdlib.h>

#include "affk.h"
#include "client.h"
#include "xmalloc.h"

static void
scr_affk_medverkan_draw(struct screen *s, WINDOW *w)
{
	(void)s;
	mvwaddstr(w, 1, 1, "Registrera medverkan: inte byggt än.");
}

static const struct screen_type scr_affk_medverkan_type = {
	.title = "Registrera medverkan",
	.draw = scr_affk_medverkan_draw,
};

struct screen *
scr_affk_medverkan_new(struct ui *ui)
{
	return screen_new(ui, &scr_affk_medverkan_type, NULL);
}
