/* STUB: being written. */
#include "client.h"

struct screen *
scr_visa_uppdrag_new(struct ui *ui)
{
	return scr_start_new(ui);
}

struct screen *
scr_visa_org_new(struct ui *ui)
{
	return scr_start_new(ui);
}
