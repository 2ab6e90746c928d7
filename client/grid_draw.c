/*
 * Drawing the Snabbregistrering grid: the header, the rows with the
 * personnummer and the status frozen at the left and the other columns
 * scrolled to keep the cursor's in view, the line naming the cell under
 * the cursor in full, and under it the suggestions for a code being
 * typed or the row's message.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "client.h"
#include "grid.h"
#include "xmalloc.h"

/* Display columns of a UTF-8 text; its bytes when it does not convert. */
static int
grid_width(const char *s)
{
	wchar_t	w[SUS_MESSAGE_MAX + GRID_CELL_MAX];
	size_t	n;
	int	cw;

	if ((n = mbstowcs(w, s, sizeof w / sizeof w[0] - 1)) == (size_t)-1)
		return (int)strlen(s);
	w[n] = L'\0';
	cw = wcswidth(w, n);
	return cw < 0 ? (int)n : cw;
}

/*
 * Cuts a text to cols display columns, at a space when one is near the
 * end, with an ellipsis: a line cut in mid-word reads as another word.
 */
void
grid_fit(char *buf, size_t len, int cols)
{
	wchar_t	w[SUS_MESSAGE_MAX + GRID_CELL_MAX];
	size_t	n, i, sp;
	int	used = 0, cw;

	if (cols < 2 || grid_width(buf) <= cols)
		return;
	if ((n = mbstowcs(w, buf, sizeof w / sizeof w[0] - 1)) == (size_t)-1)
		return;
	for (i = 0; i < n; i++) {
		cw = wcwidth(w[i]);
		if (used + (cw > 0 ? cw : 1) > cols - 1)
			break;
		used += cw > 0 ? cw : 1;
	}
	for (sp = i; sp > 0 && w[sp - 1] != L' ' && i - sp < 16; sp--)
		;
	if (sp > 0 && w[sp - 1] == L' ')
		i = sp - 1;
	while (i > 0 && (w[i - 1] == L' ' || w[i - 1] == L',' ||
	    w[i - 1] == L':'))
		i--;
	w[i++] = L'\u2026';
	w[i] = L'\0';
	if (len == 0 || wcstombs(buf, w, len - 1) == (size_t)-1)
		return;
	buf[len - 1] = '\0';
}

/* A refusal on the message line, cut to the terminal's width. */
void
grid_say_error(struct grid *g, const char *fmt, ...)
{
	char	line[SUS_MESSAGE_MAX + GRID_CELL_MAX];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	grid_fit(line, sizeof line, COLS > 1 ? COLS - 1 : 1);
	ui_message(g->ui, 1, "%s", line);
}

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
	const char		*v;
	char			 line[GRID_CELL_MAX * 2 + 256];

	if (g->nrows == 0)
		return;
	c = &g->cols[g->col];
	r = &g->rows[g->row];
	v = grid_cell_enabled(g, g->row, g->col) || c->kind == GK_FAST ?
	    r->cell[g->col] : "– (bara för arbete och studier)";
	/* A question's long text is cut so that the answer shows. */
	snprintf(line, sizeof line, "Rad %zu, %s", g->row + 1, c->lang);
	grid_fit(line, sizeof line, width - 2 - grid_width(v) > 20 ?
	    width - 2 - grid_width(v) : 20);
	strlcat(line, ": ", sizeof line);
	strlcat(line, v, sizeof line);
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
		strlcpy(line, r->said, sizeof line);
		grid_fit(line, sizeof line, width);
		text_put(w, y + 1, 1, line, width);
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
