/* STUB: being written. */
#include "integ.h"

const struct integ_case cases_uppdrag[] = {
	{ NULL, NULL, NULL }
};
