/* STUB: replaced by the helper that owns this file. */
#include "client.h"

struct screen *
scr_samorg_order_new(struct ui *ui)
{
	return scr_help_new(ui);
}

struct screen *
scr_samorg_order_inbox_new(struct ui *ui)
{
	return scr_help_new(ui);
}
