/*
 * Horizontal bars for the report charts (issue 9), drawn with Unicode
 * block elements in eighths of a cell (U+2588 FULL BLOCK, then U+2589 to
 * U+258F for seven down to one eighth), or with '#' per whole cell on a
 * terminal that cannot show them.
 */
#ifndef SUS_CHART_H
#define SUS_CHART_H

#include <stddef.h>
#include <stdint.h>

/* Most cells one bar may take: wider than any terminal line. */
#define CHART_WIDTH_MAX	1000

/*
 * Writes into out (len bytes, always terminated) the bar of value out of
 * max over width cells, rounded to the nearest eighth (or cell). A value
 * above zero always shows at least the smallest mark, so a count of one
 * is never mistaken for none; zero, or max 0, draws nothing. Returns the
 * cells the bar takes, or -1 when out is too small for it (out is then
 * empty) or width is out of range.
 */
int	chart_bar(char *out, size_t len, uint64_t value, uint64_t max,
	    int width, int unicode);

#endif
