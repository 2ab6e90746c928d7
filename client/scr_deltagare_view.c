/* Stub: the person's own view (issue 6). */
#include "deltagande.h"

struct screen *
scr_deltagare_view_new(struct ui *ui, uint32_t insats_id,
    uint32_t deltagande_id)
{
	(void)insats_id;
	(void)deltagande_id;
	return scr_help_new(ui);
}
