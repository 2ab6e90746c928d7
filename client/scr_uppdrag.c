/* STUB: being written. */
#include "client.h"

struct screen *
scr_uppdrag_samorg_new(struct ui *ui)
{
	return scr_start_new(ui);
}

struct screen *
scr_uppdrag_insats_new(struct ui *ui)
{
	return scr_start_new(ui);
}
