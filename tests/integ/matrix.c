/* STUB: being written. */
#include "integ.h"

const struct integ_case cases_matrix[] = {
	{ NULL, NULL, NULL }
};
