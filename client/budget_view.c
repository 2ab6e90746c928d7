/*
 * The Budget tab's list: the panels laid out as rows with the columns
 * that give way on a narrow terminal, the cursor's place among them, the
 * fields of the line under the cursor, and the drawing. Keys and
 * requests are in client/scr_budget.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "xmalloc.h"

/* The columns of every panel: Beskrivning gives way first. */
enum { FC_NR, FC_NAMN, FC_EK, FC_AMOUNT, FC_UTFALL, FC_TEXT, FC__COUNT };

static const struct tbl_col budget_fin_cols[FC__COUNT] = {
	[FC_NR] = { "Rad", 3, 3, 0, NULL, 0 },
	[FC_NAMN] = { "Finansiär", 10, 30, 0, NULL, 1 },
	[FC_EK] = { "EK", 2, 2, 0, NULL, 0 },
	[FC_AMOUNT] = { "Finansiering", 12, 15, 0, NULL, 3 },
	[FC_UTFALL] = { "Utfall", 11, 15, 0, NULL, 3 },
	[FC_TEXT] = { "Beskrivning", 12, 60, 1, NULL, 2 },
};

/* The same widths in every panel, so the amounts line up. */
static const struct tbl_col budget_adm_cols[FC__COUNT] = {
	[FC_NR] = { "Rad", 3, 3, 0, NULL, 0 },
	[FC_NAMN] = { "Kostnadstyp", 10, 30, 0, NULL, 1 },
	[FC_EK] = { "", 2, 2, 0, NULL, 0 },
	[FC_AMOUNT] = { "Budget", 12, 15, 0, NULL, 3 },
	[FC_UTFALL] = { "Utfall", 11, 15, 0, NULL, 3 },
	[FC_TEXT] = { "Beskrivning", 12, 60, 1, NULL, 2 },
};

static const struct tbl_col budget_ins_cols[FC__COUNT] = {
	[FC_NR] = { "", 3, 3, 0, NULL, 0 },
	[FC_NAMN] = { "Insats", 10, 30, 0, NULL, 1 },
	[FC_EK] = { "", 2, 2, 0, NULL, 0 },
	[FC_AMOUNT] = { "Budget", 12, 15, 0, NULL, 3 },
	[FC_UTFALL] = { "Utfall", 11, 15, 0, NULL, 3 },
	[FC_TEXT] = { "", 12, 60, 1, NULL, 2 },
};

/* The two panels of lines (rules 7-9). */
const struct bkind budget_fin_kind = {
	"Samverkansorganisationsbudget", "finansiering", "Finansiär",
	"Finansiering", "– ingen –", 1, budget_fin_cols,
};

const struct bkind budget_adm_kind = {
	"Administrativa kostnader", "administrativa kostnader", "Kostnadstyp",
	"Budget", "– välj –", 0, budget_adm_cols,
};

/* Reports whether the organisation has lines for year y. */
static int
budget_has_data(const struct budget *b, uint32_t y)
{
	size_t	i;

	for (i = 0; i < b->rep.nar; i++) {
		if (b->rep.ar_med_data[i].ar == y)
			return 1;
	}
	return 0;
}

/* The number of items the cursor can be on. */
size_t
budget_nitems(const struct budget *b)
{
	size_t	n = 1 + b->fin.n + 1 + b->rep.ninsatser;

	if (b->rep.finsam)
		n += b->adm.n + 1;
	return n;
}

/* What item i is. */
struct bitem
budget_item(struct budget *b, size_t i)
{
	struct bitem	it = { IT_YEAR, NULL, 0 };
	struct bpanel	*ps[2] = { &b->fin, b->rep.finsam ? &b->adm : NULL };
	size_t		 k;

	if (i == 0)
		return it;
	i--;
	for (k = 0; k < 2; k++) {
		if (ps[k] == NULL)
			continue;
		it.p = ps[k];
		it.i = i;
		if (i < ps[k]->n) {
			it.kind = IT_LINE;
			return it;
		}
		if (i == ps[k]->n) {
			it.kind = IT_ADD;
			return it;
		}
		i -= ps[k]->n + 1;
	}
	it.kind = IT_INSATS;
	it.p = NULL;
	it.i = i;
	return it;
}

/* The item of line i of panel p. */
static size_t
budget_item_of(struct budget *b, struct bpanel *p, size_t i)
{
	return 1 + (p == &b->adm ? b->fin.n + 1 : 0) + i;
}

/* The line under the cursor, or NULL. */
struct bline *
budget_cur_line(struct budget *b)
{
	struct bitem	it = budget_item(b, b->cur);

	return it.kind == IT_LINE ? it.p->rows[it.i] : NULL;
}

/* Puts the cursor on line i of p, opening its fields at field f. */
void
budget_goto_line(struct budget *b, struct bpanel *p, size_t i, int f)
{
	b->cur = budget_item_of(b, p, i);
	if (f >= 0) {
		b->editing = 1;
		mform_focus(&p->rows[i]->form, (size_t)f);
	}
}

/* Rows of the list: what each shows and which item it is. */
enum { DL_TITLE, DL_HEAD, DL_LINE, DL_ADD, DL_SUM, DL_NONE, DL_INSATS,
	DL_BLANK };

struct dline {
	int		 kind;
	const struct bkind *k;		/* panel, NULL for the insatser */
	struct bpanel	*p;
	size_t		 i;
	size_t		 item;		/* SIZE_MAX when not an item */
};

/* Appends a row to the list being laid out. */
static void
budget_dl(struct dline **d, size_t *n, int kind, const struct bkind *k,
    struct bpanel *p, size_t i, size_t item)
{
	*d = xreallocarray(*d, *n + 1, sizeof **d);
	(*d)[*n].kind = kind;
	(*d)[*n].k = k;
	(*d)[*n].p = p;
	(*d)[*n].i = i;
	(*d)[(*n)++].item = item;
}

/* Lays out the panels as rows; returns the count (free *d). */
static size_t
budget_rows(struct budget *b, struct dline **d)
{
	struct bpanel	*ps[2] = { &b->fin, b->rep.finsam ? &b->adm : NULL };
	size_t		 n = 0, k, i, item = 1;

	*d = NULL;
	for (k = 0; k < 2; k++) {
		if (ps[k] == NULL)
			continue;
		budget_dl(d, &n, DL_TITLE, ps[k]->kind, ps[k], 0, SIZE_MAX);
		budget_dl(d, &n, DL_HEAD, ps[k]->kind, ps[k], 0, SIZE_MAX);
		for (i = 0; i < ps[k]->n; i++)
			budget_dl(d, &n, DL_LINE, ps[k]->kind, ps[k], i, item++);
		budget_dl(d, &n, DL_ADD, ps[k]->kind, ps[k], 0, item++);
		budget_dl(d, &n, DL_SUM, ps[k]->kind, ps[k], 0, SIZE_MAX);
		budget_dl(d, &n, DL_BLANK, NULL, NULL, 0, SIZE_MAX);
	}
	budget_dl(d, &n, DL_TITLE, NULL, NULL, 0, SIZE_MAX);
	budget_dl(d, &n, DL_HEAD, NULL, NULL, 0, SIZE_MAX);
	if (b->rep.ninsatser == 0)
		budget_dl(d, &n, DL_NONE, NULL, NULL, 0, SIZE_MAX);
	for (i = 0; i < b->rep.ninsatser; i++)
		budget_dl(d, &n, DL_INSATS, NULL, NULL, i, item++);
	budget_dl(d, &n, DL_SUM, NULL, NULL, 0, SIZE_MAX);
	return n;
}

/* Rows the fields of the current line take under the list, if shown. */
static int
budget_form_rows(struct budget *b)
{
	struct bline	*l = budget_cur_line(b);

	if (l == NULL)
		return 0;
	return 1 + (l->f[F_EK].hidden ? F__COUNT - 1 : F__COUNT);
}

/* Rows left for the list between the header, the fields and the keys. */
int
budget_list_rows(struct screen *s)
{
	int	n = s->lines - BUDGET_HEAD_ROWS - 1 -
	    budget_form_rows(s->data);

	return n > 1 ? n : 1;
}

/* Scrolls so the cursor's row, and the panel title above it, show. */
void
budget_scroll(struct screen *s)
{
	struct budget	*b = s->data;
	struct dline	*d;
	size_t		 n, i, h = (size_t)budget_list_rows(s);

	if (b->cur == 0)
		return;
	n = budget_rows(b, &d);
	for (i = 0; i < n && d[i].item != b->cur; i++)
		;
	if (i < n) {
		if (i < b->top + 2)
			b->top = i > 2 ? i - 2 : 0;
		if (i + 2 >= b->top + h)
			b->top = i + 2 - h + (i + 2 < n ? 1 : 0);
	}
	free(d);
}

/* Pads a cell of 128 bytes on the left to width columns. */
static void
budget_right(char *cell, int width)
{
	char	tmp[128];

	snprintf(tmp, sizeof tmp, "%*s", width, cell);
	memcpy(cell, tmp, sizeof tmp);
}

/* Fills the cells of a row, a sum or the column titles. */
static void
budget_cells(struct budget *b, const struct dline *dl,
    const struct tbl_col *cols, const int *cw, char (*cell)[128])
{
	struct bline	*l;
	const struct budget_insats *bi;
	size_t		 i;

	memset(cell, 0, FC__COUNT * sizeof *cell);
	if (dl->kind == DL_INSATS) {
		bi = &b->rep.insatser[dl->i];
		snprintf(cell[FC_NAMN], 128, "%s", bi->namn);
		budget_amount_text(bi->budget, cell[FC_AMOUNT], 128);
		budget_amount_text(bi->utfall, cell[FC_UTFALL], 128);
	} else if (dl->kind == DL_LINE) {
		l = dl->p->rows[dl->i];
		if (l->remove)
			snprintf(cell[FC_NR], 128, "–");
		else
			snprintf(cell[FC_NR], 128, "%zu",
			    budget_line_nr(dl->p, dl->i));
		snprintf(cell[FC_NAMN], 128, "%s%s", l->remove ?
		    "tas bort: " : "", l->f[F_CHOICE].value > 0 ?
		    dl->p->names[l->f[F_CHOICE].value] : l->f[F_EK].value ?
		    "(eget kapital)" : "(välj)");
		snprintf(cell[FC_EK], 128, "%s", l->f[F_EK].value ? "EK" : "");
		entry_get(&l->f[F_AMOUNT].entry, cell[FC_AMOUNT], 128);
		entry_get(&l->f[F_UTFALL].entry, cell[FC_UTFALL], 128);
		entry_get(&l->f[F_TEXT].entry, cell[FC_TEXT], 128);
	} else if (dl->kind == DL_SUM) {
		snprintf(cell[FC_NAMN], 128, "Summa");
		if (dl->p != NULL) {
			budget_sum_text(dl->p, F_AMOUNT, cell[FC_AMOUNT], 128);
			budget_sum_text(dl->p, F_UTFALL, cell[FC_UTFALL], 128);
		} else {
			budget_amount_text(b->rep.insats_budget,
			    cell[FC_AMOUNT], 128);
			budget_amount_text(b->rep.insats_utfall,
			    cell[FC_UTFALL], 128);
		}
	} else {
		for (i = 0; i < FC__COUNT; i++)
			snprintf(cell[i], 128, "%s", cols[i].title);
	}
	/* Amounts right-aligned in their columns. */
	budget_right(cell[FC_AMOUNT], cw[FC_AMOUNT]);
	budget_right(cell[FC_UTFALL], cw[FC_UTFALL]);
}

/* Draws one row of the list at y. */
static void
budget_draw_row(struct screen *s, WINDOW *w, const struct dline *dl, int y)
{
	struct budget		*b = s->data;
	const struct tbl_col	*cols = dl->k != NULL ? dl->k->cols :
	    budget_ins_cols;
	const char		*v[FC__COUNT];
	char			 cell[FC__COUNT][128], line[160];
	int			 cw[FC__COUNT], width = s->cols - 2, attr = 0;
	size_t			 i;

	tbl_fit(cols, FC__COUNT, width, cw);
	switch (dl->kind) {
	case DL_TITLE:
		snprintf(line, sizeof line, "%s %s", budget_item(b, b->cur).p ==
		    dl->p && dl->p != NULL ? "▶" : " ", dl->k != NULL ?
		    dl->k->title : "Budgeterat i insatserna");
		wattron(w, A_BOLD);
		text_put(w, y, 0, line, width + 1);
		wattroff(w, A_BOLD);
		return;
	case DL_ADD:
		attr = dl->item == b->cur ? A_REVERSE : A_DIM;
		wattron(w, attr);
		text_put(w, y, 1, "+ Lägg till rad", width);
		wattroff(w, attr);
		return;
	case DL_NONE:
		wattron(w, A_DIM);
		text_put(w, y, 1, "Inga insatser under året.", width);
		wattroff(w, A_DIM);
		return;
	case DL_BLANK:
		return;
	}
	budget_cells(b, dl, cols, cw, cell);
	for (i = 0; i < FC__COUNT; i++)
		v[i] = cell[i];
	if (dl->kind == DL_HEAD)
		attr = A_BOLD | A_UNDERLINE;
	else if (dl->kind == DL_SUM)
		attr = A_BOLD;
	else if (dl->kind == DL_LINE && dl->p->rows[dl->i]->remove)
		attr = A_DIM;
	if (dl->item == b->cur)
		attr |= b->editing ? A_BOLD : A_REVERSE;
	wattron(w, attr);
	tbl_draw_row(w, y, 1, width, cw, FC__COUNT, v);
	wattroff(w, attr);
}

/* Draws the header: Samverkansinformation and Uppgifter för år. */
static void
budget_draw_head(struct screen *s, WINDOW *w)
{
	struct budget	*b = s->data;
	char		 line[160];
	int		 width = s->cols - 2;
	uint32_t	 y;

	wattron(w, A_BOLD);
	text_put(w, 0, 1, b->namn, width);
	wattroff(w, A_BOLD);
	text_put(w, 1, 1, b->info, width);
	if (!b->loaded)
		return;
	y = b->years[b->year];
	text_put(w, 2, 1, "Uppgifter för år:", 18);
	snprintf(line, sizeof line, "‹ %u%s ›", y, budget_has_data(b, y) ?
	    " *" : "");
	if (b->cur == 0)
		wattron(w, A_REVERSE);
	text_put(w, 2, 19, line, text_width(line));
	wattroff(w, A_REVERSE);
	snprintf(line, sizeof line, " %s", b->dirty ? "Ej sparat: F2 sparar" :
	    "* = har uppgifter");
	wattron(w, b->dirty ? A_BOLD : A_DIM);
	text_put(w, 2, 19 + text_width("‹ 0000 * ›"), line,
	    width - 18 - text_width("‹ 0000 * ›"));
	wattroff(w, A_BOLD | A_DIM);
}

/* Draws the current line's fields under the list. */
static void
budget_draw_form(struct screen *s, WINDOW *w, int y)
{
	struct budget	*b = s->data;
	struct bitem	 it = budget_item(b, b->cur);
	char		 line[1024];
	size_t		 len;
	int		 width = s->cols - 2;

	if (it.kind != IT_LINE)
		return;
	if (it.p->rows[it.i]->remove)
		snprintf(line, sizeof line, "── Raden tas bort när du sparar "
		    "(- ångrar) ");
	else
		snprintf(line, sizeof line, "── Rad %zu (%s)%s ",
		    budget_line_nr(it.p, it.i), it.p->kind->word,
		    b->editing ? "" : ": Enter ändrar");
	/* A rule to the edge sets the fields apart from the list. */
	while (text_width(line) < width &&
	    (len = strlen(line)) + 4 < sizeof line)
		memcpy(line + len, "─", 4);
	wattron(w, A_BOLD);
	text_put(w, y, 1, line, width);
	wattroff(w, A_BOLD);
	mform_draw(&it.p->rows[it.i]->form, w, y + 1, 1, s->cols - 2,
	    b->editing);
}

/* The keys that work now, on the bottom row. */
static void
budget_draw_keys(struct screen *s, WINDOW *w)
{
	struct budget	*b = s->data;
	struct bitem	 it = budget_item(b, b->cur);
	const char	*keys;

	if (b->editing)
		keys = "Tab Nästa fält  Enter Klar  F2 Spara";
	else if (it.kind == IT_YEAR)
		keys = "← → Byt år  ↓ Raderna  + Ny rad  F2 Spara  Esc";
	else if (it.kind == IT_LINE)
		keys = "Enter Ändra  + Ny  - Ta bort  F2 Spara  Esc";
	else
		keys = "↑ ↓ Flytta  + Ny rad  F2 Spara  Esc Tillbaka";
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, keys, s->cols - 2);
	wattroff(w, A_DIM);
}

/* Draws the screen. */
void
budget_draw(struct screen *s, WINDOW *w)
{
	struct budget	*b = s->data;
	struct dline	*d;
	size_t		 n, i;
	int		 h, y = BUDGET_HEAD_ROWS;

	budget_draw_head(s, w);
	if (!b->loaded)
		return;
	h = budget_list_rows(s);
	n = budget_rows(b, &d);
	for (i = b->top; i < n && y < BUDGET_HEAD_ROWS + h; i++)
		budget_draw_row(s, w, &d[i], y++);
	free(d);
	budget_draw_form(s, w, BUDGET_HEAD_ROWS + h);
	budget_draw_keys(s, w);
}

/* Places the cursor in the field being edited. */
int
budget_cursor(struct screen *s, int *y, int *x)
{
	struct budget	*b = s->data;
	struct bline	*l = budget_cur_line(b);

	if (!b->editing || l == NULL)
		return 0;
	return mform_cursor(&l->form, BUDGET_HEAD_ROWS + budget_list_rows(s) +
	    1, 1, s->cols - 2, y, x);
}

