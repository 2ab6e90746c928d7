/* The one Check runner for every unit test suite; forks per test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

#define UNIT_MAX_SUITES 64

static Suite	*(*suites[UNIT_MAX_SUITES])(void);
static int	 nsuites;

/* Called from each test file's constructor. */
void
unit_register(Suite *(*fn)(void))
{
	if (nsuites == UNIT_MAX_SUITES) {
		fprintf(stderr, "unit: too many suites\n");
		abort();
	}
	suites[nsuites++] = fn;
}

/* Finds tests/data whether run from the top or from tests/. */
const char *
unit_data_dir(void)
{
	const char	*env = getenv("SUS_TEST_DATA");

	if (env != NULL)
		return env;
	if (access("tests/data", R_OK) == 0)
		return "tests/data";
	return "data";
}

int
main(int argc, char **argv)
{
	SRunner	*sr;
	int	 i, failed, run;

	if (nsuites == 0) {
		fprintf(stderr, "unit: no suites registered\n");
		return 1;
	}
	sr = srunner_create(suites[0]());
	for (i = 1; i < nsuites; i++)
		srunner_add_suite(sr, suites[i]());
	if (argc > 1)
		srunner_set_tap(sr, argv[1]);
	srunner_set_fork_status(sr, CK_FORK);
	srunner_run_all(sr, CK_NORMAL);
	run = srunner_ntests_run(sr);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	printf("unit: %d passed, %d failed\n", run - failed, failed);
	return failed == 0 ? 0 : 1;
}
