/*
 * Issue 5 cases (startsida): filled in by its helper.
 */
#include <stdio.h>

#include "integ.h"

const struct integ_case cases_startsida[] = {
	{ NULL, NULL, NULL }
};
