/*
 * The unit-test runner: every test file registers its Check suite from a
 * constructor, so adding a file adds its tests without touching main.c.
 *
 *	static Suite *suite_foo(void) { ... }
 *	UNIT_SUITE(suite_foo)
 */
#ifndef SUS_UNIT_H
#define SUS_UNIT_H

#include <check.h>

void	unit_register(Suite *(*)(void));

#define UNIT_SUITE(fn)							\
	static void fn##_register(void) __attribute__((constructor));	\
	static void fn##_register(void) { unit_register(fn); }

/* Path of tests/data, set from $SUS_TEST_DATA or found from the cwd. */
const char	*unit_data_dir(void);

#endif
