/*
 * The Budget tab's list: the panels laid out as rows with the columns
 * that give way on a narrow terminal, the cursor's place among them, the
 * fields of the line under the cursor, and the drawing; and the keys a
 * tab built on it shares (the cursor, a line's fields, removal and the
 * year chooser). The organisation's keys and requests are in
 * client/scr_budget.c, the insats's in client/scr_insats_budget.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "xmalloc.h"

/* The columns of every panel (budget.h): Beskrivning gives way first. */
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

/* Reports whether year y has data: the screen's marks, or rep's years. */
static int
budget_has_data(const struct budget *b, uint32_t y)
{
	const struct budget_year *m = b->marks != NULL ? b->marks :
	    b->rep.ar_med_data;
	size_t	n = b->marks != NULL ? b->nmarks : b->rep.nar, i;

	for (i = 0; i < n; i++) {
		if (m[i].ar == y)
			return 1;
	}
	return 0;
}

/* The number of items the cursor can be on. */
size_t
budget_nitems(const struct budget *b)
{
	size_t	n = 1 + b->nlead + b->fin.n + 1;

	if (!b->no_insatser)
		n += b->rep.ninsatser;
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
	if (i <= b->nlead) {
		it.kind = IT_LEAD;
		it.i = i - 1;
		return it;
	}
	i -= 1 + b->nlead;
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
	return 1 + b->nlead + (p == &b->adm ? b->fin.n + 1 : 0) + i;
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
	size_t		 n = 0, k, i, item = 1 + b->nlead;

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
	if (b->no_insatser)
		return n;
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

/* The row the list starts on, under the header and the screen's rows. */
int
budget_list_top(const struct budget *b)
{
	return BUDGET_HEAD_ROWS + b->head_extra;
}

/* Rows left for the list between the header, the fields and the keys. */
int
budget_list_rows(struct screen *s)
{
	int	n = s->lines - budget_list_top(s->data) - 1 -
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

	if (b->cur <= b->nlead)
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

/* The cell of F_EK: "EK" for the box, or the second choice's name. */
static void
budget_second_cell(const struct mfield *f, char *cell)
{
	if (f->kind == MF_CHOICE)
		snprintf(cell, 128, "%s", f->value > 0 && (size_t)f->value <
		    f->nchoices ? f->choices[f->value] : "");
	else
		snprintf(cell, 128, "%s", f->value ? "EK" : "");
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
		    dl->p->names[l->f[F_CHOICE].value] :
		    l->f[F_EK].kind == MF_CHECK && l->f[F_EK].value ?
		    "(eget kapital)" : "(välj)");
		budget_second_cell(&l->f[F_EK], cell[FC_EK]);
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
	const char	*label = b->year_label != NULL ? b->year_label :
	    "Uppgifter för år:";
	char		 line[160];
	int		 width = s->cols - 2, x = text_width(label) + 2;
	uint32_t	 y;

	wattron(w, A_BOLD);
	text_put(w, 0, 1, b->namn, width);
	wattroff(w, A_BOLD);
	text_put(w, 1, 1, b->info, width);
	if (!b->loaded)
		return;
	y = b->years[b->year];
	text_put(w, 2, 1, label, x - 1);
	snprintf(line, sizeof line, "‹ %u%s ›", y, budget_has_data(b, y) ?
	    " *" : "");
	if (b->cur == 0)
		wattron(w, A_REVERSE);
	text_put(w, 2, x, line, text_width(line));
	wattroff(w, A_REVERSE);
	x += text_width("‹ 0000 * ›");
	snprintf(line, sizeof line, " %s", b->dirty ? "Ej sparat: F2 sparar" :
	    "* = har uppgifter");
	/* Where the whole hint does not fit, only that it is not saved. */
	if (text_width(line) > width + 1 - x)
		snprintf(line, sizeof line, "%s", b->dirty ? " Ej sparat" : "");
	wattron(w, b->dirty ? A_BOLD : A_DIM);
	text_put(w, 2, x, line, width + 1 - x);
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
	int		 h, top = budget_list_top(b), y = top;

	budget_draw_head(s, w);
	if (!b->loaded)
		return;
	h = budget_list_rows(s);
	n = budget_rows(b, &d);
	for (i = b->top; i < n && y < top + h; i++)
		budget_draw_row(s, w, &d[i], y++);
	free(d);
	budget_draw_form(s, w, top + h);
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
	return mform_cursor(&l->form, budget_list_top(b) + budget_list_rows(s) +
	    1, 1, s->cols - 2, y, x);
}


/* Moves the cursor by delta items and keeps it in view. */
void
budget_cur_move(struct screen *s, long delta)
{
	struct budget	*b = s->data;
	long		 n = (long)budget_nitems(b), c = (long)b->cur + delta;

	b->cur = (size_t)(c < 0 ? 0 : c >= n ? n - 1 : c);
	budget_scroll(s);
}

/* Leaves a line's fields, with its amounts grouped again. */
void
budget_line_done(struct budget *b)
{
	struct bline	*l = budget_cur_line(b);

	b->editing = 0;
	if (l == NULL)
		return;
	budget_amount_tidy(&l->f[F_AMOUNT].entry);
	budget_amount_tidy(&l->f[F_UTFALL].entry);
}

/* Keys in the fields of the line under the cursor; 1 when used. */
int
budget_line_key(struct screen *s, const struct keyev *ev)
{
	struct budget	*b = s->data;
	struct bline	*l = budget_cur_line(b);
	struct mfield	*mf = &l->f[l->form.focus];
	struct entry	 was = mf->entry;
	int		 value = mf->value, r;
	char		 text[160];

	if (ev->action == ACT_CANCEL || keys_is_enter(ev)) {
		budget_line_done(b);
		return 1;
	}
	if ((mf == &l->f[F_AMOUNT] || mf == &l->f[F_UTFALL]) &&
	    ev->code == 0 && ev->ch > L' ' && (ev->ch < L'0' || ev->ch > L'9')) {
		ui_message(s->ui, 1, "Skriv beloppet med siffror, till "
		    "exempel 1 250 000.");
		return 1;
	}
	if ((r = mform_key(&l->form, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(&l->form, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
		return 1;
	}
	if (mf->value != value || mf->entry.len != was.len ||
	    wmemcmp(mf->entry.buf, was.buf, was.len) != 0) {
		b->dirty = 1;
		/* Eget kapital is described so (rule 8): a start for it. */
		if (mf == &l->f[F_EK] && mf->kind == MF_CHECK && mf->value &&
		    l->f[F_TEXT].entry.len == 0)
			entry_set(&l->f[F_TEXT].entry, "Eget kapital");
	}
	return r != 0 || ev->action == ACT_NEXT || ev->action == ACT_PREV;
}

/* Minus: marks a saved line to go (again to keep it); a new one goes. */
void
budget_line_remove(struct screen *s)
{
	struct budget	*b = s->data;
	struct bitem	 it = budget_item(b, b->cur);
	struct bline	*l;

	if (it.kind != IT_LINE)
		return;
	l = it.p->rows[it.i];
	b->dirty = 1;
	if (l->id != 0) {
		l->remove = !l->remove;
		ui_message(s->ui, 0, "%s", l->remove ? "Raden tas bort när du "
		    "sparar med F2." : "Raden tas inte bort.");
		return;
	}
	free(l);
	memmove(&it.p->rows[it.i], &it.p->rows[it.i + 1],
	    (it.p->n - it.i - 1) * sizeof *it.p->rows);
	it.p->n--;
	ui_message(s->ui, 0, "Den nya raden är borttagen.");
}

/* Asks before unsaved changes are thrown away; 1 to go ahead. */
int
budget_ask_drop(struct screen *s, const char *question)
{
	struct budget	*b = s->data;
	char		 line[160];
	const char	*ask[2] = { line, question };

	if (!b->dirty)
		return 1;
	snprintf(line, sizeof line, "Budgeten för %u är inte sparad.",
	    b->years[b->year]);
	return ui_ask(s->ui, "Ej sparat", ask, 2);
}

/* Shows year index i with b->load, asking first when not saved. */
static void
budget_years_go(struct screen *s, size_t i)
{
	struct budget	*b = s->data;

	if (i >= b->nyears || i == b->year ||
	    !budget_ask_drop(s, "Byta år ändå? (j/n)"))
		return;
	if (b->load(s, b->years[i]) == 0)
		b->cur = b->top = 0;
}

/* A digit of a year typed: at four, that year when offered. */
static void
budget_year_digit(struct screen *s, wint_t ch)
{
	struct budget	*b = s->data;
	size_t		 n = strlen(b->typed), i;
	uint32_t	 y;

	b->typed[n < 4 ? n : 0] = (char)ch;
	b->typed[n < 4 ? n + 1 : 1] = '\0';
	if (strlen(b->typed) < 4)
		return;
	y = (uint32_t)strtoul(b->typed, NULL, 10);
	b->typed[0] = '\0';
	for (i = 0; i < b->nyears && b->years[i] != y; i++)
		;
	if (i < b->nyears)
		budget_years_go(s, i);
	else
		ui_message(s->ui, 1, "%u ligger utanför de budgetår som kan "
		    "väljas: %u–%u.", y, b->years[0], b->years[b->nyears - 1]);
}

/* Keys on the year chooser: arrows, Home, End, a year typed; 1 used. */
int
budget_years_key(struct screen *s, const struct keyev *ev)
{
	struct budget	*b = s->data;

	if (ev->code == KEY_LEFT && b->year > 0)
		budget_years_go(s, b->year - 1);
	else if (ev->code == KEY_RIGHT || (ev->code == 0 && ev->ch == L' '))
		budget_years_go(s, b->year + 1);
	else if (ev->code == KEY_HOME)
		budget_years_go(s, 0);
	else if (ev->code == KEY_END)
		budget_years_go(s, b->nyears - 1);
	else if (ev->code == 0 && ev->ch >= L'0' && ev->ch <= L'9')
		budget_year_digit(s, ev->ch);
	else
		return 0;
	return 1;
}
