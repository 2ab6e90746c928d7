/* STUB: being written. */
#include "integ.h"

const struct integ_case cases_accounts[] = {
	{ NULL, NULL, NULL }
};
