/*
 * Report rules that need no database (issue 9): small-cell suppression,
 * domain.md 6.6. See rule.h.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rule.h"

/* Reports whether a shown count of v gives a person away. */
int
rule_suppress_small(uint64_t v, uint64_t threshold)
{
	return v > 0 && v < threshold;
}

/*
 * One line of the table (a row: step 1, or a column: step cols) from
 * first, n cells long. When exactly one of its cells is suppressed,
 * suppresses the smallest other count above zero, or failing that a
 * zero (a hidden zero is no longer known to be one); returns 1 if it
 * did.
 */
static int
rule_suppress_line(const uint64_t *cell, uint8_t *suppress, size_t first,
    size_t n, size_t step)
{
	size_t	i, k, hidden = 0, best = SIZE_MAX;

	for (i = 0; i < n; i++) {
		k = first + i * step;
		if (suppress[k])
			hidden++;
		else if (best == SIZE_MAX || (cell[k] > 0 &&
		    (cell[best] == 0 || cell[k] < cell[best])))
			best = k;
	}
	if (hidden != 1 || best == SIZE_MAX)
		return 0;
	suppress[best] = 1;
	return 1;
}

size_t
rule_suppress(const uint64_t *cell, uint8_t *suppress, size_t rows,
    size_t cols, uint64_t threshold, int row_totals, int col_totals)
{
	uint64_t	sum;
	size_t		i, j, n = 0;
	int		changed;

	memset(suppress, 0, rows * cols);
	if (threshold == 0)
		return 0;
	for (i = 0; i < rows * cols; i++)
		suppress[i] = rule_suppress_small(cell[i], threshold);
	do {
		changed = 0;
		for (i = 0; row_totals && i < rows; i++) {
			for (sum = 0, j = 0; j < cols; j++)
				sum += cell[i * cols + j];
			/* A sum that is itself small hides nothing else. */
			if (!rule_suppress_small(sum, threshold))
				changed |= rule_suppress_line(cell, suppress,
				    i * cols, cols, 1);
		}
		for (j = 0; col_totals && j < cols; j++) {
			for (sum = 0, i = 0; i < rows; i++)
				sum += cell[i * cols + j];
			if (!rule_suppress_small(sum, threshold))
				changed |= rule_suppress_line(cell, suppress, j,
				    rows, cols);
		}
	} while (changed);
	for (i = 0; i < rows * cols; i++)
		n += suppress[i];
	return n;
}
