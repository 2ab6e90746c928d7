/*
 * Registrera (ny) insats (domain.md 2.4, 5.2): base data, Kategorisering
 * av insats and Deltagaransvariga för insatsen; F6 Budget.
 */
#include <stdio.h>
#include <stdlib.h>

#include "client.h"
#include "insats.h"
#include "xmalloc.h"

/* Not built yet: the issue 5 helpers replace this file. */
static void
stub_draw(struct screen *s, WINDOW *w)
{
	text_put(w, 1, 2, "Inte klart än.", s->cols - 4);
}

static const struct screen_type stub_type = {
	"Registrera insats", NULL, NULL, NULL, stub_draw, NULL, NULL, 
NULL, NULL
};

struct screen *
scr_insats_edit_new(struct ui *ui, uint32_t insats_id, uint32_t 
samorg_id)
{
	(void)insats_id;
	(void)samorg_id;
	return screen_new(ui, &stub_type, NULL);
}

struct screen *
scr_insats_ny_new(struct ui *ui)
{
	return scr_insats_edit_new(ui, 0, 0);
}
