/*
 * Sök insatser (domain.md 5.2): every role searches by organisation,
 * inriktning, målgrupp, active period and name, and opens the read-only
 * view.
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
	"Sök insatser", NULL, NULL, NULL, stub_draw, NULL, NULL, NULL, 
NULL
};

struct screen *
scr_insats_new(struct ui *ui)
{
	return screen_new(ui, &stub_type, NULL);
}
