/*
 * Horizontal bars in block elements; see chart.h.
 */
#include <stdint.h>
#include <string.h>

#include "chart.h"

/* One to seven eighths of a cell, then the full block, in UTF-8. */
static const char *const chart_eighths[9] = {
	"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a",
	"\u2589", "\u2588",
};

/*
 * value * units / max, rounded to the nearest; at least 1 when value > 0
 * (tested before the scaling below can round it away).
 */
static uint64_t
chart_units(uint64_t value, uint64_t max, uint64_t units)
{
	uint64_t	n;
	int		nonzero = value > 0;

	if (value > max)
		value = max;
	/*
	 * units is at most 8 * CHART_WIDTH_MAX (< 2^13): with max below 2^50
	 * value * units + max / 2 stays below 2^64. Larger counts lose only
	 * bits that no bar could show.
	 */
	while (max >= (1ULL << 50)) {
		max >>= 1;
		value >>= 1;
	}
	n = (value * units + max / 2) / max;
	if (n == 0 && nonzero)
		n = 1;
	return n;
}

int
chart_bar(char *out, size_t len, uint64_t value, uint64_t max, int width,
    int unicode)
{
	uint64_t	 n;
	size_t		 used = 0, add;
	const char	*piece;
	int		 cells = 0;

	if (len == 0)
		return -1;
	out[0] = '\0';
	if (width < 0 || width > CHART_WIDTH_MAX)
		return -1;
	if (max == 0 || value == 0 || width == 0)
		return 0;
	n = chart_units(value, max, (uint64_t)width * (unicode ? 8 : 1));
	while (n > 0) {
		if (unicode) {
			piece = chart_eighths[n >= 8 ? 8 : n];
			n -= n >= 8 ? 8 : n;
		} else {
			piece = "#";
			n--;
		}
		add = strlen(piece);
		if (used + add >= len) {
			out[0] = '\0';
			return -1;
		}
		memcpy(out + used, piece, add);
		used += add;
		cells++;
	}
	out[used] = '\0';
	return cells;
}
