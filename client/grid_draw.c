/*
 * Drawing the Snabbregistrering grid: the header, the rows with the
 * personnummer and the status frozen at the left and the other columns
 * scrolled to keep the cursor's in view, the line naming the cell under
 * the cursor in full, and under it the suggestions for a code being
 * typed or the row's message.
 */
#include <stdio.h>
#include <string.h>

#include "client.h"
#include "grid.h"
#include "xmalloc.h"

/* The width the scrolled columns share. */
static int
grid_avail(const struct grid *g, int width)
{
	return width - g->cols[0].width - GRID_STATUS_W - 2;
}

/* Keeps the cursor's row and column on screen. */
void
grid_scroll(struct grid *g, int width)
{
	int	avail = grid_avail(g, width), used;
	size_t	c;

	if (g->left < 1)
		g->left = 1;
	if (g->row < g->top)
		g->top = g->row;
	if (g->height > 0 && g->row >= g->top + (size_t)g->height)
		g->top = g->row - (size_t)g->height + 1;
	if (g->col == 0) {
		g->left = 1;
		return;
	}
	if (g->col < g->left)
		g->left = g->col;
	for (;;) {
		used = 0;
		for (c = g->left; c <= g->col; c++)
			used += g->cols[c].width + 1;
		if (used <= avail || g->left == g->col)
			break;
		g->left++;
	}
}

/* The x of column c on screen, -1 when scrolled out of view. */
static int
grid_col_x(const struct grid *g, size_t c, int width)
{
	int	x = 1 + g->cols[0].width + 1 + GRID_STATUS_W + 1;
	size_t	i;

	if (c == 0)
		return 1;
	if (c < g->left)
		return -1;
	for (i = g->left; i < c; i++)
		x += g->cols[i].width + 1;
	if (x + g->cols[c].width > width + 1)
		return -1;
	return x;
}

/* Draws one cell. */
static void
grid_draw_cell(struct grid *g, WINDOW *w, int y, size_t row, size_t c,
    int width)
{
	const struct grid_row	*r = &g->rows[row];
	int			 x = grid_col_x(g, c, width), attr = 0;
	const char		*v = r->cell[c];

	if (x < 0)
		return;
	if (!grid_cell_enabled(g, row, c) && g->cols[c].kind != GK_FAST)
		v = "–";
	if ((int)c == r->fel_col)
		attr = A_BOLD | A_UNDERLINE | (g->ui->color ?
		    COLOR_PAIR(PAIR_ERROR) : 0);
	if (row == g->row && c == g->col)
		attr |= A_REVERSE;
	wattron(w, attr);
	if (row == g->row && c == g->col && grid_row_open(r) &&
	    grid_cell_enabled(g, row, c)) {
		/*
	 * The editor's view, so the cursor sits in its text; the space
	 * after the cell holds the cursor behind a full one.
	 */
		entry_draw(&g->ed, w, y, x, g->cols[c].width + 1, 1);
	} else
		text_put(w, y, x, v, g->cols[c].width);
	wattroff(w, attr | A_REVERSE | A_BOLD | A_UNDERLINE);
	if (g->ui->color)
		wattroff(w, COLOR_PAIR(PAIR_ERROR));
}

/* Draws the header at y and the rows under it. */
void
grid_draw(struct grid *g, WINDOW *w, int y, int width)
{
	const struct grid_row	*r;
	size_t			 i, c, row;
	int			 x;

	grid_scroll(g, width);
	wattron(w, A_BOLD);
	for (c = 0; c < g->ncols; c++) {
		if ((x = grid_col_x(g, c, width)) >= 0)
			text_put(w, y, x, g->cols[c].title, g->cols[c].width);
	}
	text_put(w, y, 1 + g->cols[0].width + 1, "Status", GRID_STATUS_W);
	wattroff(w, A_BOLD);
	for (i = 0; i < (size_t)g->height; i++) {
		row = g->top + i;
		if (row >= g->nrows)
			break;
		r = &g->rows[row];
		for (c = 0; c < g->ncols; c++)
			grid_draw_cell(g, w, y + 1 + (int)i, row, c, width);
		if (r->status == GS_FEL || r->status == GS_EJ_SKICKAD)
			wattron(w, A_BOLD);
		text_put(w, y + 1 + (int)i, 1 + g->cols[0].width + 1,
		    grid_status_name(r->status), GRID_STATUS_W);
		wattroff(w, A_BOLD);
	}
}

/*
 * The detail line (the column's name and the cell in full) at y, and
 * under it the suggestions for a code being typed, or the row's message.
 */
void
grid_draw_detail(struct grid *g, WINDOW *w, int y, int width)
{
	const struct grid_col	*c;
	const struct grid_row	*r;
	size_t			 m[GRID_MATCH_MAX], n, i;
	char			 line[GRID_CELL_MAX * 2 + 256];

	if (g->nrows == 0)
		return;
	c = &g->cols[g->col];
	r = &g->rows[g->row];
	snprintf(line, sizeof line, "Rad %zu, %s: %s", g->row + 1, c->lang,
	    grid_cell_enabled(g, g->row, g->col) || c->kind == GK_FAST ?
	    r->cell[g->col] : "– (bara för arbete och studier)");
	if (r->namn[0] != '\0' && g->col == 0)
		snprintf(line, sizeof line, "Rad %zu: %s", g->row + 1,
		    r->namn);
	text_put(w, y, 1, line, width);
	if (grid_row_open(r) && (n = grid_matches(g, m, GRID_MATCH_MAX)) >
	    0) {
		strlcpy(line, "Förslag: ", sizeof line);
		for (i = 0; i < n; i++) {
			if (i > 0)
				strlcat(line, " · ", sizeof line);
			strlcat(line, c->names[m[i]], sizeof line);
		}
		wattron(w, A_BOLD);
		text_put(w, y + 1, 1, line, width);
		wattroff(w, A_BOLD);
		return;
	}
	if ((c->kind == GK_KOD || c->kind == GK_KODER) && grid_row_open(r) &&
	    grid_cell_enabled(g, g->row, g->col)) {
		snprintf(line, sizeof line, "Skriv början av namnet%s.",
		    c->kind == GK_KODER ? "; flera med komma emellan" : "");
		if (r->said[0] == '\0') {
			wattron(w, A_DIM);
			text_put(w, y + 1, 1, line, width);
			wattroff(w, A_DIM);
			return;
		}
	}
	if (r->said[0] != '\0') {
		if (r->status == GS_FEL)
			wattron(w, A_BOLD);
		text_put(w, y + 1, 1, r->said, width);
		wattroff(w, A_BOLD);
	}
}

/* The terminal cursor in the cell being typed. */
int
grid_cursor(struct grid *g, int y, int width, int *cy, int *cx)
{
	int	x;

	if (g->nrows == 0 || !grid_row_open(&g->rows[g->row]) ||
	    !grid_cell_enabled(g, g->row, g->col))
		return 0;
	if ((x = grid_col_x(g, g->col, width)) < 0 || g->row < g->top)
		return 0;
	*cy = y + 1 + (int)(g->row - g->top);
	*cx = x + entry_scroll(&g->ed, g->cols[g->col].width + 1);
	return 1;
}
