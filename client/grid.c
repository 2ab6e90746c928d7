/*
 * The Snabbregistrering grid: rows of cells typed from the keyboard.
 * The personnummer and the row's status stay at the left while the
 * other columns scroll sideways to keep the cursor's in view; rows
 * scroll up and down. Tab and Shift-Tab move between the cells of a row
 * (skipping omfattning unless the sysselsättning is work or study),
 * ^D copies the cell above, and a code cell completes the name typed
 * from its first letters, its kod's, or a word's inside it ("10" finds
 * "> 10 år"): the matches are shown under the grid and Tab or Enter
 * takes the first. The personnummer is checked as it is typed. An error
 * on the message line goes when the cell it is about changes.
 *
 * Only the cell under the cursor lives in an editor (struct entry); every
 * key that changes it writes it back, so nothing typed is ever only in
 * the editor.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "client.h"
#include "grid.h"
#include "pnr.h"
#include "xmalloc.h"

/* grid_same(): a may begin any word of b. */
#define GRID_INNER	2

/* Codes of list sysselsattning that carry an omfattning (rule 45). */
static const char *const grid_omf_kods[] = {
	"ARBETE", "ARBETE_STOD", "EGET_FORETAG", "STUDIER", "PROGRAM",
};

static const char *const grid_status_names[] = {
	[GS_NY] = "",
	[GS_SPARAR] = "Sparar",
	[GS_EJ_SKICKAD] = "Ej skickad",
	[GS_SPARAD] = "Sparad",
	[GS_FANNS] = "Fanns",
	[GS_FEL] = "Fel",
};

/* The status column's word for a row's state. */
const char *
grid_status_name(enum grid_status st)
{
	if ((size_t)st >= sizeof grid_status_names /
	    sizeof grid_status_names[0])
		return "";
	return grid_status_names[st];
}

/* Sets up an empty grid for insats_id and occasion typ. */
void
grid_init(struct grid *g, struct ui *ui, uint32_t insats_id, uint8_t typ)
{
	memset(g, 0, sizeof *g);
	g->ui = ui;
	g->insats_id = insats_id;
	g->typ = typ;
	g->height = 1;
	g->said_cell = -1;
	entry_init(&g->ed, GRID_CELL_MAX / 4, 0);
	entry_limit_bytes(&g->ed, GRID_CELL_MAX - 1);
}

/* Frees a column's names. */
static void
grid_col_clear(struct grid_col *c)
{
	size_t	i;

	for (i = 0; i < c->nval; i++) {
		free(c->names[i]);
		if (c->kods != NULL)
			free(c->kods[i]);
	}
	free(c->names);
	free(c->kods);
	free(c->ids);
	free(c->lang);
	memset(c, 0, sizeof *c);
}

/* Frees the columns and rows. */
void
grid_free(struct grid *g)
{
	size_t	i;

	for (i = 0; i < g->ncols; i++)
		grid_col_clear(&g->cols[i]);
	free(g->rows);
	g->rows = NULL;
	g->nrows = g->cap = 0;
	g->ncols = 0;
}

/* Appends a column. */
struct grid_col *
grid_add_col(struct grid *g, const char *title, const char *lang, int width,
    enum grid_kind kind, uint32_t falt)
{
	struct grid_col	*c;

	if (g->ncols == GRID_COLS_MAX)
		return NULL;
	c = &g->cols[g->ncols++];
	memset(c, 0, sizeof *c);
	snprintf(c->title, sizeof c->title, "%s", title);
	c->lang = xstrdup(lang);
	c->width = width;
	c->kind = kind;
	c->falt = falt;
	return c;
}

/* Sets a code column's names, kods and ids (copied). */
void
grid_col_values(struct grid_col *c, size_t n, const char *const *names,
    const char *const *kods, const uint32_t *ids)
{
	size_t	i;

	c->nval = n;
	c->names = xcalloc(n + 1, sizeof *c->names);
	c->kods = kods != NULL ? xcalloc(n + 1, sizeof *c->kods) : NULL;
	c->ids = xcalloc(n + 1, sizeof *c->ids);
	for (i = 0; i < n; i++) {
		c->names[i] = xstrdup(names[i] != NULL ? names[i] : "");
		if (kods != NULL)
			c->kods[i] = xstrdup(kods[i] != NULL ? kods[i] : "");
		c->ids[i] = ids[i];
	}
}

/* The column of a falt, -1 when none. */
int
grid_col_of(const struct grid *g, uint32_t falt, uint32_t fraga_id)
{
	size_t	i;

	for (i = 0; i < g->ncols; i++) {
		if (g->cols[i].falt == falt && (falt != BATCH_FALT_FRAGA ||
		    g->cols[i].fraga_id == fraga_id))
			return (int)i;
	}
	return -1;
}

/* Appends an empty row: the date from the row above, or today. */
size_t
grid_add_row(struct grid *g)
{
	struct grid_row	*r;
	int		 dc = grid_col_of(g, BATCH_FALT_DATUM, 0);
	size_t		 n = g->nrows;

	if (n == GRID_ROWS_MAX)
		return n - 1;
	if (n == g->cap) {
		g->cap = g->cap == 0 ? 16 : g->cap * 2;
		g->rows = xreallocarray(g->rows, g->cap, sizeof *g->rows);
	}
	r = &g->rows[n];
	memset(r, 0, sizeof *r);
	r->fel_col = -1;
	/* Not a date the server refused: that one is being fixed. */
	if (dc >= 0 && n > 0 && g->rows[n - 1].fel_col != dc)
		strlcpy(r->cell[dc], g->rows[n - 1].cell[dc],
		    sizeof r->cell[dc]);
	else if (dc >= 0)
		date_today_plus(0, 0, r->cell[dc], sizeof r->cell[dc]);
	g->nrows++;
	return n;
}

/* Reports whether a row's cells may change. */
int
grid_row_open(const struct grid_row *r)
{
	return r->status == GS_NY || r->status == GS_FEL;
}

/* A cell's text without the spaces around it. */
void
grid_cell_text(const struct grid *g, size_t row, size_t col, char *buf,
    size_t len)
{
	const char	*v = g->rows[row].cell[col];
	size_t		 n;

	v += strspn(v, " ");
	strlcpy(buf, v, len);
	for (n = strlen(buf); n > 0 && buf[n - 1] == ' '; n--)
		buf[n - 1] = '\0';
}

/* A character as compared: lower case, a dash as the hyphen typed. */
static wint_t
grid_fold(wchar_t c)
{
	if (c == L'\u2013' || c == L'\u2014' || c == L'\u2212')
		return L'-';
	return towlower((wint_t)c);
}

/*
 * Compares UTF-8 texts without case, an en dash the same as '-';
 * prefix: a only has to begin b; inner: a may begin any word of b
 * (after a space), so "1" finds "< 1 år" and "10" finds "> 10 år".
 */
static int
grid_same(const char *a, const char *b, int prefix)
{
	wchar_t	wa[GRID_CELL_MAX], wb[GRID_CELL_MAX];
	size_t	na, nb, i, at;

	if ((na = mbstowcs(wa, a, GRID_CELL_MAX - 1)) == (size_t)-1 ||
	    (nb = mbstowcs(wb, b, GRID_CELL_MAX - 1)) == (size_t)-1)
		return 0;
	for (at = 0; at + na <= nb; at++) {
		if (at > 0 && (prefix != GRID_INNER || wb[at - 1] != L' ' ||
		    wb[at] == L' '))
			continue;
		if (!prefix && na != nb)
			return 0;
		for (i = 0; i < na; i++) {
			if (grid_fold(wa[i]) != grid_fold(wb[at + i]))
				break;
		}
		if (i == na)
			return 1;
	}
	return 0;
}

/* The code id a name or kod stands for; 0 when none. */
uint32_t
grid_kod_id(const struct grid_col *c, const char *text)
{
	size_t	i;

	if (*text == '\0')
		return 0;
	for (i = 0; i < c->nval; i++) {
		if (grid_same(text, c->names[i], 0) || (c->kods != NULL &&
		    grid_same(text, c->kods[i], 0)))
			return c->ids[i];
	}
	return 0;
}

/* The part of a cell being completed: after the last comma, trimmed. */
static const char *
grid_segment(const struct grid_col *c, const char *text)
{
	const char	*p;

	if (c->kind == GK_KODER && (p = strrchr(text, ',')) != NULL)
		text = p + 1;
	return text + strspn(text, " ");
}

/*
 * The names whose first letters are the segment typed, into out; none
 * when the segment already is a name (or kod) or is empty.
 */
size_t
grid_matches(const struct grid *g, size_t *out, size_t max)
{
	const struct grid_col	*c = &g->cols[g->col];
	const char		*seg;
	size_t			 i, n = 0;

	if (c->kind != GK_KOD && c->kind != GK_KODER)
		return 0;
	seg = grid_segment(c, g->rows[g->row].cell[g->col]);
	if (*seg == '\0' || grid_kod_id(c, seg) != 0)
		return 0;
	/* Names and kods that begin so first, then a word inside a name. */
	for (i = 0; i < c->nval && n < max; i++) {
		if (grid_same(seg, c->names[i], 1) || (c->kods != NULL &&
		    grid_same(seg, c->kods[i], 1)))
			out[n++] = i;
	}
	for (i = 0; i < c->nval && n < max; i++) {
		if (!grid_same(seg, c->names[i], 1) && !(c->kods != NULL &&
		    grid_same(seg, c->kods[i], 1)) &&
		    grid_same(seg, c->names[i], GRID_INNER))
			out[n++] = i;
	}
	return n;
}

/* Loads the cursor's cell into the editor, the cursor at its end. */
static void
grid_load(struct grid *g)
{
	if (g->nrows == 0)
		return;
	(void)entry_set(&g->ed, g->rows[g->row].cell[g->col]);
	entry_end(&g->ed);
}

/* Writes the editor back into the cursor's cell. */
static void
grid_store(struct grid *g)
{
	struct grid_row	*r = &g->rows[g->row];

	if (entry_get(&g->ed, r->cell[g->col], sizeof r->cell[g->col]) != 0)
		grid_load(g);
}

/* The index of the name or kod a text is exactly, -1 when none. */
static int
grid_kod_index(const struct grid_col *c, const char *text)
{
	size_t	i;

	for (i = 0; i < c->nval && *text != '\0'; i++) {
		if (grid_same(text, c->names[i], 0) || (c->kods != NULL &&
		    grid_same(text, c->kods[i], 0)))
			return (int)i;
	}
	return -1;
}

/*
 * Completes the cursor's code cell from its first match; a kod or a
 * name typed whole becomes the name as the list writes it.
 */
int
grid_complete(struct grid *g)
{
	struct grid_col	*c = &g->cols[g->col];
	char		*cell = g->rows[g->row].cell[g->col];
	const char	*seg;
	size_t		 m[1], keep;
	int		 k;

	if (c->kind != GK_KOD && c->kind != GK_KODER)
		return 0;
	seg = grid_segment(c, cell);
	if ((k = grid_kod_index(c, seg)) >= 0)
		m[0] = (size_t)k;
	else if (grid_matches(g, m, 1) == 0)
		return 0;
	if (strcmp(seg, c->names[m[0]]) == 0)
		return 0;
	keep = (size_t)(seg - cell);
	cell[keep] = '\0';
	strlcat(cell, c->names[m[0]], GRID_CELL_MAX);
	grid_load(g);
	return 1;
}

/* Whether the sysselsättning typed in a row carries an omfattning. */
static int
grid_has_omf(const struct grid *g, size_t row)
{
	const struct grid_col	*c;
	char			 v[GRID_CELL_MAX];
	int			 sc = grid_col_of(g, BATCH_FALT_SYSSELSATTNING, 0);
	uint32_t		 id;
	size_t			 i, k;

	if (sc < 0)
		return 0;
	c = &g->cols[sc];
	grid_cell_text(g, row, (size_t)sc, v, sizeof v);
	if ((id = grid_kod_id(c, v)) == 0 || c->kods == NULL)
		return 0;
	for (i = 0; i < c->nval; i++) {
		if (c->ids[i] != id)
			continue;
		for (k = 0; k < sizeof grid_omf_kods / sizeof grid_omf_kods[0];
		    k++) {
			if (strcmp(c->kods[i], grid_omf_kods[k]) == 0)
				return 1;
		}
	}
	return 0;
}

/* Whether a cell may be typed in now. */
int
grid_cell_enabled(const struct grid *g, size_t row, size_t col)
{
	const struct grid_col	*c = &g->cols[col];

	if (c->kind == GK_FAST)
		return 0;
	if (c->falt == BATCH_FALT_OMFATTNING)
		return grid_has_omf(g, row);
	return 1;
}

/* Moves the cursor to a cell. */
void
grid_goto(struct grid *g, size_t row, size_t col)
{
	if (g->nrows == 0)
		return;
	g->row = row < g->nrows ? row : g->nrows - 1;
	g->col = col < g->ncols ? col : 0;
	grid_load(g);
}

/* The first enabled cell of a row from col on in direction dir. */
static size_t
grid_next_col(const struct grid *g, size_t row, size_t col, int dir)
{
	size_t	i, c = col;

	for (i = 0; i < g->ncols; i++) {
		c = dir > 0 ? (c + 1) % g->ncols : (c + g->ncols - 1) %
		    g->ncols;
		if (grid_cell_enabled(g, row, c))
			return c;
	}
	return col;
}

/* A column of row near col that can be typed in. */
static size_t
grid_near_col(const struct grid *g, size_t row, size_t col)
{
	if (grid_cell_enabled(g, row, col))
		return col;
	return grid_next_col(g, row, col, 1);
}

/* Notes which cell the message line's error is about. */
void
grid_said(struct grid *g, size_t row, size_t col)
{
	g->said_cell = (long)(row * GRID_COLS_MAX + col);
	strlcpy(g->said_msg, g->ui->message, sizeof g->said_msg);
}

/*
 * The cursor's cell changed: an error about it (or about nothing the
 * grid noted) has been dealt with and goes; one about another cell
 * stays until that cell changes.
 */
static void
grid_unsay(struct grid *g)
{
	struct grid_row	*r = &g->rows[g->row];
	long		 here = (long)(g->row * GRID_COLS_MAX + g->col);

	if ((int)g->col == r->fel_col) {
		r->fel_col = -1;
		r->said[0] = '\0';
	}
	if (!g->ui->message_error || g->ui->message[0] == '\0')
		return;
	if (strcmp(g->ui->message, g->said_msg) == 0 && g->said_cell != here)
		return;
	ui_message(g->ui, 0, "%s", "");
}

/* Says what is wrong with a personnummer, as the form does. */
static void
grid_pnr_error(struct grid *g, int rv, int digits)
{
	if (rv == PNR_ERR_FORMAT && digits != 10 && digits != 12)
		snprintf(g->pnr_said, sizeof g->pnr_said, "%s; du har skrivit "
		    "%d.", pnr_strerror(rv), digits);
	else
		snprintf(g->pnr_said, sizeof g->pnr_said, "%s.",
		    pnr_strerror(rv));
	ui_message(g->ui, 1, "%s", g->pnr_said);
	grid_said(g, g->row, g->col);
}

/* Counts the digits of a personnummer typed. */
static int
grid_pnr_digits(const char *v)
{
	int	n = 0;

	for (; *v != '\0'; v++)
		n += *v >= '0' && *v <= '9';
	return n;
}

/*
 * After a key changed the personnummer: a complete number is checked at
 * once. Ten digits that may be the start of twelve (18, 19, 20) wait.
 */
static void
grid_pnr_typed(struct grid *g)
{
	struct pnr	pn;
	char		v[GRID_CELL_MAX];
	int		rv, nd;

	grid_cell_text(g, g->row, g->col, v, sizeof v);
	rv = pnr_parse(v, 0, &pn);
	nd = grid_pnr_digits(v);
	if (rv == PNR_OK) {
		snprintf(g->pnr_said, sizeof g->pnr_said, "Giltigt "
		    "personnummer.");
		/* A refusal of another row typed ahead of stays in view. */
		if (!g->ui->message_error || strcmp(g->ui->message,
		    g->said_msg) != 0)
			ui_message(g->ui, 0, "%s", g->pnr_said);
	} else if (nd > 12 || nd == 12 || (nd == 10 && (strpbrk(v, "-+") !=
	    NULL || !(strncmp(v, "18", 2) == 0 || strncmp(v, "19", 2) == 0 ||
	    strncmp(v, "20", 2) == 0))))
		grid_pnr_error(g, rv, nd);
	else if (g->pnr_said[0] != '\0' && strcmp(g->ui->message,
	    g->pnr_said) == 0) {
		ui_message(g->ui, 0, "%s", "");
		g->pnr_said[0] = '\0';
	}
}

/* Leaving a personnummer: what is typed must be a number by now. */
static void
grid_pnr_leave(struct grid *g)
{
	struct pnr	pn;
	char		v[GRID_CELL_MAX];
	int		rv;

	if (g->cols[g->col].kind != GK_PNR)
		return;
	grid_cell_text(g, g->row, g->col, v, sizeof v);
	if (v[0] == '\0' || (rv = pnr_parse(v, 0, &pn)) == PNR_OK)
		return;
	grid_pnr_error(g, rv, grid_pnr_digits(v));
}

/* Tab and Shift-Tab: the next cell of the row, completing a code. */
static void
grid_tab(struct grid *g, int dir)
{
	if (dir > 0 && grid_row_open(&g->rows[g->row]))
		(void)grid_complete(g);
	grid_pnr_leave(g);
	grid_goto(g, g->row, grid_next_col(g, g->row, g->col, dir));
}

/* Up, Down and the page keys: another row, the same column. */
static void
grid_vert(struct grid *g, long delta)
{
	long	to = (long)g->row + delta;

	if (to < 0)
		to = 0;
	if (to >= (long)g->nrows)
		to = (long)g->nrows - 1;
	if ((size_t)to == g->row)
		return;
	grid_pnr_leave(g);
	grid_goto(g, (size_t)to, grid_near_col(g, (size_t)to, g->col));
}

/* ^D: the cell above into this one. */
static void
grid_ditto(struct grid *g)
{
	struct grid_row	*r = &g->rows[g->row];

	if (g->row == 0) {
		ui_message(g->ui, 1, "Det finns ingen rad ovanför att "
		    "kopiera från.");
		return;
	}
	if (g->cols[g->col].kind == GK_PNR) {
		ui_message(g->ui, 1, "Personnumret kopieras inte: varje rad "
		    "är en egen deltagare.");
		return;
	}
	if (strcmp(r->cell[g->col], g->rows[g->row - 1].cell[g->col]) != 0)
		grid_unsay(g);
	strlcpy(r->cell[g->col], g->rows[g->row - 1].cell[g->col],
	    sizeof r->cell[g->col]);
	grid_load(g);
}

/* Why a row cannot change, on the message line. */
static void
grid_say_locked(struct grid *g)
{
	const struct grid_row	*r = &g->rows[g->row];

	if (r->status == GS_EJ_SKICKAD || r->status == GS_SPARAR)
		ui_message(g->ui, 1, "Raden väntar på svar och kan inte "
		    "ändras; F5 skickar den igen.");
	else
		ui_message(g->ui, 1, "Raden är sparad och kan inte ändras "
		    "här.");
}

/* Refuses a character the cell does not take; 1 when refused. */
static int
grid_refuse_char(struct grid *g, const struct keyev *ev)
{
	enum grid_kind	k = g->cols[g->col].kind;
	wint_t		c = ev->ch;

	if (ev->code != 0 || c < L' ' || c == 0x7f)
		return 0;
	if (k == GK_PNR && !iswdigit(c) && c != L'-' && c != L'+') {
		ui_message(g->ui, 1, "Personnummer skrivs med siffror: "
		    "ÅÅÅÅMMDD-NNNN.");
		return 1;
	}
	if (k == GK_DATUM && !iswdigit(c) && c != L'-') {
		ui_message(g->ui, 1, "Datum skrivs ÅÅÅÅ-MM-DD.");
		return 1;
	}
	if (k == GK_SIFFROR && !iswdigit(c)) {
		ui_message(g->ui, 1, "%s skrivs med siffror.",
		    g->cols[g->col].lang);
		return 1;
	}
	return 0;
}

/* J or N: the cell becomes the letter, whatever it held. */
static int
grid_jn(struct grid *g, const struct keyev *ev)
{
	char	*cell = g->rows[g->row].cell[g->col];

	if (ev->code == 0 && (ev->ch == L'j' || ev->ch == L'J' ||
	    ev->ch == L'y' || ev->ch == L'Y'))
		strlcpy(cell, "J", GRID_CELL_MAX);
	else if (ev->code == 0 && (ev->ch == L'n' || ev->ch == L'N'))
		strlcpy(cell, "N", GRID_CELL_MAX);
	else if ((ev->code == 0 && (ev->ch == 0x7f || ev->ch == 0x08 ||
	    ev->ch == L' ')) || ev->code == KEY_BACKSPACE ||
	    ev->code == KEY_DC)
		cell[0] = '\0';
	else if (ev->code == 0 && iswprint(ev->ch)) {
		ui_message(g->ui, 1, "Svara J (ja) eller N (nej).");
		return 1;
	} else
		return 0;
	grid_load(g);
	return 1;
}

/* An editing key on the cursor's cell. */
static int
grid_edit(struct grid *g, const struct keyev *ev)
{
	struct grid_row	*r = &g->rows[g->row];
	char		 before[GRID_CELL_MAX], text[160];
	int		 rv;

	if (ev->code == KEY_LEFT || ev->code == KEY_RIGHT ||
	    ev->code == KEY_HOME || ev->code == KEY_END)
		return entry_key(&g->ed, ev);
	if (!grid_row_open(r) || !grid_cell_enabled(g, g->row, g->col)) {
		if (ev->code != 0 || iswprint(ev->ch) || ev->ch == 0x7f ||
		    ev->ch == 0x08 || ev->ch == 0x15) {
			if (!grid_row_open(r))
				grid_say_locked(g);
			else
				ui_message(g->ui, 1, "%s anges inte här.",
				    g->cols[g->col].lang);
			return 1;
		}
		return 0;
	}
	strlcpy(before, r->cell[g->col], sizeof before);
	if (g->cols[g->col].kind == GK_JN)
		rv = grid_jn(g, ev);
	else if (grid_refuse_char(g, ev))
		return 1;
	else if (g->cols[g->col].kind == GK_KODER && ev->code == 0 &&
	    ev->ch == L',') {
		/* A comma takes the name begun, then starts the next. */
		(void)grid_complete(g);
		rv = entry_insert(&g->ed, L',') == 0 &&
		    entry_insert(&g->ed, L' ') == 0 ? 1 : ENTRY_KEY_FULL;
		if (rv == ENTRY_KEY_FULL)
			ui_message(g->ui, 1, "%s får inte bli längre.",
			    g->cols[g->col].lang);
	} else if ((rv = entry_key(&g->ed, ev)) == ENTRY_KEY_FULL) {
		entry_full_text(&g->ed, g->cols[g->col].lang, text,
		    sizeof text);
		ui_message(g->ui, 1, "%s", text);
	}
	if (rv != 0)
		grid_store(g);
	if (strcmp(before, r->cell[g->col]) != 0) {
		grid_unsay(g);
		if (g->cols[g->col].kind == GK_PNR)
			grid_pnr_typed(g);
	}
	return rv != 0;
}

/* Keys inside the grid. */
int
grid_key(struct grid *g, const struct keyev *ev)
{
	if (g->nrows == 0)
		return 0;
	if (ev->action == ACT_NEXT) {
		grid_tab(g, 1);
		return 1;
	}
	if (ev->action == ACT_PREV) {
		grid_tab(g, -1);
		return 1;
	}
	if (ev->code == KEY_UP || ev->code == KEY_DOWN) {
		grid_vert(g, ev->code == KEY_UP ? -1 : 1);
		return 1;
	}
	if (ev->code == KEY_PPAGE || ev->code == KEY_NPAGE) {
		grid_vert(g, (ev->code == KEY_PPAGE ? -1 : 1) *
		    (long)(g->height > 1 ? g->height - 1 : 1));
		return 1;
	}
	if (ev->code == 0 && ev->ch == 0x04) {	/* ^D */
		if (!grid_row_open(&g->rows[g->row]))
			grid_say_locked(g);
		else if (!grid_cell_enabled(g, g->row, g->col))
			ui_message(g->ui, 1, "%s anges inte här.",
			    g->cols[g->col].lang);
		else
			grid_ditto(g);
		return 1;
	}
	if (ev->action != ACT_NONE && ev->action != ACT_FIND &&
	    ev->action != ACT_FIND_NEXT)
		return 0;
	if (keys_is_enter(ev))
		return 0;
	return grid_edit(g, ev);
}

/* Whether a row holds typed work that is not stored. */
static int
grid_row_unsaved(const struct grid *g, size_t i)
{
	const struct grid_row	*r = &g->rows[i];

	if (r->status == GS_FEL || r->status == GS_EJ_SKICKAD ||
	    r->status == GS_SPARAR)
		return 1;
	if (r->status != GS_NY)
		return 0;
	return grid_row_typed(g, i);
}

/* Whether anything but the date given has been typed in a row. */
int
grid_row_typed(const struct grid *g, size_t i)
{
	const struct grid_row	*r = &g->rows[i];
	int			 dc = grid_col_of(g, BATCH_FALT_DATUM, 0);
	size_t			 c;

	for (c = 0; c < g->ncols; c++) {
		if ((int)c == dc || g->cols[c].kind == GK_FAST)
			continue;
		if (r->cell[c][strspn(r->cell[c], " ")] != '\0')
			return 1;
	}
	return 0;
}

/* Whether any row holds something typed that is not stored. */
int
grid_unsaved(const struct grid *g)
{
	size_t	i;

	for (i = 0; i < g->nrows; i++) {
		if (grid_row_unsaved(g, i))
			return 1;
	}
	return 0;
}
