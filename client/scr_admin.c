/* STUB: being written. */
#include "client.h"

struct screen *
scr_password_new(struct ui *ui)
{
	return scr_start_new(ui);
}

struct screen *
scr_anvandare_new(struct ui *ui)
{
	return scr_start_new(ui);
}

struct screen *
scr_agreement_new(struct ui *ui)
{
	return scr_start_new(ui);
}

struct screen *
scr_order_inbox_new(struct ui *ui)
{
	return scr_start_new(ui);
}

struct screen *
scr_order_new_new(struct ui *ui)
{
	return scr_start_new(ui);
}

struct screen *
scr_order_mine_new(struct ui *ui)
{
	return scr_start_new(ui);
}
