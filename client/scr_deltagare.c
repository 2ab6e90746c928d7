/* Stub: Registrera deltagare, the chooser and the list (issue 6). */
#include "deltagande.h"

struct screen *
scr_deltagare_new(struct ui *ui)
{
	return scr_help_new(ui);
}

struct screen *
scr_deltagare_insats_new(struct ui *ui, uint32_t insats_id)
{
	(void)insats_id;
	return scr_help_new(ui);
}
