/*
 * Af/FK-samarbetet: Historik enskild deltagare (issue 8). STUB: the contract only; a helper
 * fills it in.
 */
#include <curses.h>
#include <stdlib.h>

#include "affk.h"
#include "client.h"
#include "xmalloc.h"

static void
scr_affk_historik_draw(struct screen *s, WINDOW *w)
{
	(void)s;
	mvwaddstr(w, 1, 1, "Historik enskild deltagare: inte byggt än.");
}

static const struct screen_type scr_affk_historik_type = {
	.title = "Historik enskild deltagare",
	.draw = scr_affk_historik_draw,
};

struct screen *
scr_affk_historik_new(struct ui *ui)
{
	return screen_new(ui, &scr_affk_historik_type, NULL);
}

struct screen *
scr_affk_historik_arende(struct ui *ui, uint32_t kontor_insats_id,
    uint32_t arende_id)
{
	(void)kontor_insats_id;
	(void)arende_id;
	return screen_new(ui, &scr_affk_historik_type, NULL);
}
