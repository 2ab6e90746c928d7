/*
 * Af/FK-samarbetet: Registrera uppgifter (issue 8). STUB: the contract only; a helper
 * fills it in.
 */
#include <curses.h>
#include <stdlib.h>

#include "affk.h"
#include "client.h"
#include "xmalloc.h"

static void
scr_affk_uppgifter_draw(struct screen *s, WINDOW *w)
{
	(void)s;
	mvwaddstr(w, 1, 1, "Registrera uppgifter: inte byggt än.");
}

static const struct screen_type scr_affk_uppgifter_type = {
	.title = "Registrera uppgifter",
	.draw = scr_affk_uppgifter_draw,
};

struct screen *
scr_affk_uppgifter_new(struct ui *ui, uint32_t kontor_insats_id,
    uint32_t period_id, uint32_t insatstyp_id, const char *rubrik,
    const struct affk_svar_row *svar, uint32_t nsvar)
{
	(void)kontor_insats_id;
	(void)period_id;
	(void)insatstyp_id;
	(void)rubrik;
	(void)svar;
	(void)nsvar;
	return screen_new(ui, &scr_affk_uppgifter_type, NULL);
}
