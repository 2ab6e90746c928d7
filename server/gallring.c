/* Stub: the personal-data operator commands (issue 6). */
#include <stdio.h>

#include "susd.h"

int
admin_folkbokforing(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "susd: folkbokforing: not yet\n");
	return -1;
}

int
admin_skydda(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "susd: skydda: not yet\n");
	return -1;
}

int
admin_gallra(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "susd: gallra: not yet\n");
	return -1;
}

int
admin_registerutdrag(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "susd: registerutdrag: not yet\n");
	return -1;
}
