/*
 * Registrera antal i volyminsats (domain.md 2.6(c)): counts per month
 * and kön; a correction keeps the earlier count as history.
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
	"Registrera antal i volyminsats", NULL, NULL, NULL, stub_draw, 
NULL, NULL, NULL, NULL
};

struct screen *
scr_volym_insats_new(struct ui *ui, uint32_t insats_id)
{
	(void)insats_id;
	return screen_new(ui, &stub_type, NULL);
}

struct screen *
scr_volym_new(struct ui *ui)
{
	return scr_volym_insats_new(ui, 0);
}
