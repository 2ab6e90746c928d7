/* Stub: the in- and utregistrering form (issue 6). */
#include "deltagande.h"

struct screen *
scr_deltagare_form_new(struct ui *ui, uint32_t insats_id,
    uint32_t deltagande_id, uint8_t typ)
{
	(void)insats_id;
	(void)deltagande_id;
	(void)typ;
	return scr_help_new(ui);
}
