/*
 * The Budget tab of an insats (domain.md 2.5, rules 4, 6, 10, 11): one
 * calendar year at a time, chosen in "Insatsbudgetuppgifter för år"
 * among the years within both the insats and its organisation, with the
 * years that have data marked; Planerat antal deltagare for the year;
 * and budget lines of type Insatskostnad or ESF Insatskostnad with
 * budget, utfall and beskrivning. The Organisation of a line is not
 * used for FINSAM; elsewhere it is one of the organisation's ingående
 * organisationer. The list and the line fields are the organisation's
 * Budget tab's (client/budget_view.c); nothing is stored until F2 Spara
 * sends the whole year, and a refusal names the line and keeps
 * everything typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "client.h"
#include "insats.h"
#include "proto.h"
#include "xmalloc.h"

#define IB_PLANERAT_LABEL \
	"Planerat antal deltagare för insatsen under budgetåret:"
/* Characters of the planned number: 1 000 000 with room over. */
#define IB_PLANERAT_CHARS	9
/* Columns the planned number is shown in. */
#define IB_PLANERAT_WIDTH	11

/* Fetches the ingående organisationer once: the insats names its owner. */
static int
ib_load_org(struct screen *s)
{
	struct ibudget		*ib = s->data;
	struct msg_insats	 ins;
	uint32_t		 samorg_id;
	int			 got = 0;

	if (ib->has_org)
		return 0;
	memset(&ins, 0, sizeof ins);
	if (insats_fetch(s->ui, ib->insats_id, &ins, &got) != 0)
		return -1;
	samorg_id = ins.samorg_id;
	msg_clear(MSG_INSATS, &ins);
	return samorg_fetch(s->ui, samorg_id, &ib->org, &ib->has_org);
}

/*
 * Fetches year ar (0: the server's choice) and shows it; 0 on success.
 * What the lines need comes before the reply is taken, so that no
 * request (and no redraw) falls between taking it and showing it.
 */
static int
ib_load(struct screen *s, uint32_t ar)
{
	struct ibudget			*ib = s->data;
	struct budget			*b = &ib->b;
	struct msg_insats_budget_get	 req;
	struct msg_insats_budget	 rep;
	char				 why[sizeof s->ui->message + 64];

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.insats_id = ib->insats_id;
	req.ar = ar;
	if (ui_call(s->ui, MSG_INSATS_BUDGET_GET, &req, MSG_INSATS_BUDGET,
	    &rep) != 0)
		return -1;
	why[0] = '\0';
	/* Without them the lines still show; the reason stays. */
	if (!rep.finsam && ib_load_org(s) != 0)
		snprintf(why, sizeof why, "Organisationerna kunde inte "
		    "hämtas: %s", s->ui->message);
	if (kod_lists(s->ui) == NULL)
		snprintf(why, sizeof why, "Budgettyperna kunde inte hämtas: "
		    "%s", s->ui->message);
	if (ib->has_rep)
		msg_clear(MSG_INSATS_BUDGET, &ib->rep);
	ib->rep = rep;
	ib->has_rep = 1;
	snprintf(b->namn, sizeof b->namn, "%s", rep.insats);
	snprintf(b->info, sizeof b->info, "%s–%s · %s", rep.startdatum,
	    rep.slutdatum, rep.samorg);
	ibudget_fill(ib, s->ui);
	ibudget_years(ib);
	b->loaded = 1;
	b->dirty = 0;
	b->editing = 0;
	if (why[0] != '\0')
		ui_message(s->ui, 1, "%s", why);
	return 0;
}

/* After a refusal naming "Rad N" or the planned number, goes there. */
static void
ib_show_refused(struct screen *s)
{
	struct ibudget	*ib = s->data;
	struct bpanel	*p = &ib->b.fin;
	size_t		 nr, i;

	if (strncmp(s->ui->message, "Planerat", 8) == 0) {
		ib->b.cur = 1;
		return;
	}
	if (sscanf(s->ui->message, "Rad %zu:", &nr) != 1)
		return;
	for (i = 0; i < p->n; i++) {
		if (!p->rows[i]->remove && budget_line_nr(p, i) == nr) {
			budget_goto_line(&ib->b, p, i, -1);
			budget_scroll(s);
		}
	}
}

/* Says why the year cannot be sent and goes where the fault is. */
static void
ib_show_bad(struct screen *s, const struct bbad *bad)
{
	struct ibudget	*ib = s->data;

	if (bad->p == NULL) {
		ui_message(s->ui, 1, "%s", bad->why);
		ib->b.cur = 1;
		return;
	}
	ui_message(s->ui, 1, "Rad %zu: %s", budget_line_nr(bad->p, bad->i),
	    bad->why);
	budget_goto_line(&ib->b, bad->p, bad->i, bad->field);
	budget_scroll(s);
}

/* F2 Spara: the whole year in one request; then it is fetched again. */
static void
ib_save(struct screen *s)
{
	struct ibudget			*ib = s->data;
	struct msg_insats_budget	 q;
	struct msg_ok			 ok;
	struct bbad			 bad;
	char				 said[SUS_MESSAGE_MAX + 1];
	int				 rv;

	memset(&q, 0, sizeof q);
	memset(&ok, 0, sizeof ok);
	q.insats_id = ib->insats_id;
	q.ar = ib->rep.ar;
	q.insats = q.samorg = q.samverkansform = (char *)"";
	q.startdatum = q.slutdatum = (char *)"";
	budget_line_done(&ib->b);
	budget_amount_tidy(&ib->planerat);
	if (ibudget_request(ib, &q, &bad) != 0) {
		ibudget_request_free(&q);
		ib_show_bad(s, &bad);
		return;
	}
	rv = ui_call(s->ui, MSG_INSATS_BUDGET_SAVE, &q, MSG_OK, &ok);
	ibudget_request_free(&q);
	if (rv != 0) {
		ib_show_refused(s);
		return;
	}
	snprintf(said, sizeof said, "%s", ok.message);
	msg_clear(MSG_OK, &ok);
	if (ib_load(s, ib->rep.ar) != 0) {
		ui_message(s->ui, 1, "Budgeten är sparad men kunde inte hämtas "
		    "igen.");
		return;
	}
	if (ib->b.cur >= budget_nitems(&ib->b))
		ib->b.cur = budget_nitems(&ib->b) - 1;
	ui_message(s->ui, 0, "%s", said);
}

/* Keys on Planerat antal deltagare: digits go straight in; 1 when used. */
static int
ib_planerat_key(struct screen *s, const struct keyev *ev)
{
	struct ibudget	*ib = s->data;
	struct entry	*e = &ib->planerat, was = *e;
	int		 r;

	if (ev->code == 0 && ev->ch > L' ' && ev->ch != L'+' &&
	    ev->ch != L'-' && (ev->ch < L'0' || ev->ch > L'9')) {
		ui_message(s->ui, 1, "Skriv antalet med siffror, till exempel "
		    "40.");
		return 1;
	}
	if (ev->code == 0 && (ev->ch == L'+' || ev->ch == L'-'))
		return 0;
	if ((r = entry_key(e, ev)) == ENTRY_KEY_FULL)
		ui_message(s->ui, 1, "Planerat antal deltagare får vara högst "
		    "1 000 000.");
	if (e->len != was.len || wmemcmp(e->buf, was.buf, was.len) != 0)
		ib->b.dirty = 1;
	return r != 0;
}

/* Adds a line (Insatskostnad to begin with) and opens its fields. */
static void
ib_add(struct screen *s)
{
	struct ibudget	*ib = s->data;
	struct bpanel	*p = &ib->b.fin;
	struct bline	*l;

	if (p->n >= BUDGET_LINES_MAX) {
		ui_message(s->ui, 1, "Högst %d budgetposter.",
		    BUDGET_LINES_MAX);
		return;
	}
	if (p->nnames < 2) {
		ui_message(s->ui, 1, "Budgettyperna kunde inte hämtas.");
		return;
	}
	l = budget_line_new(p);
	l->f[F_CHOICE].value = 1;
	ibudget_line_org(ib, l);
	ib->b.dirty = 1;
	budget_goto_line(&ib->b, p, p->n - 1, F_CHOICE);
	budget_scroll(s);
}

/* Keys on the list: the year, the planned number and the lines. */
static int
ib_list_key(struct screen *s, const struct keyev *ev)
{
	struct budget	*b = s->data;
	struct bitem	 it = budget_item(b, b->cur);
	long		 page = budget_list_rows(s) - 1, delta = 0;

	if ((it.kind == IT_YEAR && budget_years_key(s, ev)) ||
	    (it.kind == IT_LEAD && !keys_is_enter(ev) &&
	    ib_planerat_key(s, ev)))
		return 1;
	if ((ev->code == 0 && ev->ch == L'+') || ev->code == KEY_IC ||
	    (it.kind == IT_ADD && keys_is_enter(ev)))
		ib_add(s);
	else if ((ev->code == 0 && ev->ch == L'-') || ev->code == KEY_DC)
		budget_line_remove(s);
	else if (it.kind == IT_LINE && (keys_is_enter(ev) ||
	    ev->action == ACT_NEXT) && !it.p->rows[it.i]->remove)
		budget_goto_line(b, it.p, it.i, F_CHOICE);
	else if (ev->code == KEY_UP || ev->action == ACT_PREV)
		delta = -1;
	else if (ev->code == KEY_DOWN || ev->action == ACT_NEXT ||
	    keys_is_enter(ev))
		delta = 1;
	else if (ev->code == KEY_PPAGE || ev->code == KEY_NPAGE)
		delta = (page > 1 ? page : 1) * (ev->code == KEY_PPAGE ? -1 : 1);
	else
		return 0;
	if (delta != 0) {
		/* Leaving the planned number shows it grouped. */
		budget_amount_tidy(&((struct ibudget *)s->data)->planerat);
		budget_cur_move(s, delta);
	}
	return 1;
}

/* Routes keys: Spara and Esc first, then the fields or the list. */
static int
ib_key(struct screen *s, const struct keyev *ev)
{
	struct ibudget	*ib = s->data;

	if (!ib->b.loaded)
		return 0;
	if (ev->action == ACT_SAVE) {
		ib_save(s);
		return 1;
	}
	if (ib->b.editing && budget_cur_line(&ib->b) != NULL)
		return budget_line_key(s, ev);
	if (ev->action == ACT_CANCEL) {
		/* Asked here; agreed, the frame takes the screen away. */
		if (!budget_ask_drop(s, "Lämna budgeten ändå? (j/n)"))
			return 1;
		ib->b.dirty = 0;
		return 0;
	}
	return ib_list_key(s, ev);
}

/* Rows the planned number takes: one when its label fits beside it. */
static void
ib_head_rows(struct screen *s)
{
	struct ibudget	*ib = s->data;

	ib->b.head_extra = text_width(IB_PLANERAT_LABEL) + 2 +
	    IB_PLANERAT_WIDTH <= s->cols - 2 ? 1 : 2;
}

/* The column of the planned number, on its last row. */
static int
ib_planerat_x(struct screen *s)
{
	struct ibudget	*ib = s->data;

	if (ib->b.head_extra == 1)
		return 1 + text_width(IB_PLANERAT_LABEL) + 1;
	return 1 + text_width("under budgetåret:") + 1;
}

/* Draws Planerat antal deltagare under the year, on one or two rows. */
static void
ib_draw_planerat(struct screen *s, WINDOW *w)
{
	struct ibudget	*ib = s->data;
	int		 y = BUDGET_HEAD_ROWS, on = ib->b.cur == 1;

	if (on)
		wattron(w, A_BOLD);
	if (ib->b.head_extra == 1)
		text_put(w, y, 1, IB_PLANERAT_LABEL, s->cols - 2);
	else {
		text_put(w, y++, 1, "Planerat antal deltagare för insatsen",
		    s->cols - 2);
		text_put(w, y, 1, "under budgetåret:", s->cols - 2);
	}
	wattroff(w, A_BOLD);
	entry_draw(&ib->planerat, w, y, ib_planerat_x(s), IB_PLANERAT_WIDTH,
	    on);
	if (on) {
		wmove(w, s->lines - 1, 0);
		wclrtoeol(w);
		wattron(w, A_DIM);
		text_put(w, s->lines - 1, 1, "Skriv antalet  ↑ ↓ Flytta  "
		    "+ Ny rad  F2 Spara  Esc", s->cols - 2);
		wattroff(w, A_DIM);
	}
}

/* Draws the screen: the organisation's list, then the planned number. */
static void
ib_draw(struct screen *s, WINDOW *w)
{
	struct ibudget	*ib = s->data;

	ib_head_rows(s);
	budget_draw(s, w);
	if (ib->b.loaded)
		ib_draw_planerat(s, w);
}

/* Places the cursor in the planned number or the field being edited. */
static int
ib_cursor(struct screen *s, int *y, int *x)
{
	struct ibudget	*ib = s->data;

	if (!ib->b.loaded)
		return 0;
	if (ib->b.cur != 1)
		return budget_cursor(s, y, x);
	*y = BUDGET_HEAD_ROWS + ib->b.head_extra - 1;
	*x = ib_planerat_x(s) + entry_scroll(&ib->planerat, IB_PLANERAT_WIDTH);
	return 1;
}

/* Loads the year the first time the screen shows. */
static void
ib_enter(struct screen *s)
{
	struct ibudget	*ib = s->data;

	if (ib->b.started || !remote_connected(s->ui->remote))
		return;
	ib->b.started = 1;
	ib_head_rows(s);
	ib_load(s, 0);
}

/* Keeps the cursor in view after a resize. */
static void
ib_layout(struct screen *s, int lines, int cols)
{
	(void)lines;
	(void)cols;
	ib_head_rows(s);
	if (((struct ibudget *)s->data)->b.loaded)
		budget_scroll(s);
}

static void
ib_free(struct screen *s)
{
	ibudget_clear(s->data);
	free(s->data);
}

/* For the frame: what was typed and not saved must not vanish unasked. */
static int
ib_dirty(struct screen *s)
{
	return ((struct ibudget *)s->data)->b.dirty;
}

static const struct screen_type scr_insats_budget_type = {
	.title = "Insatsbudget",
	.enter = ib_enter,
	.layout = ib_layout,
	.draw = ib_draw,
	.key = ib_key,
	.free = ib_free,
	.cursor = ib_cursor,
	.dirty = ib_dirty,
};

/* The Budget tab of one insats; namn shows until the year loads. */
struct screen *
scr_insats_budget_new(struct ui *ui, uint32_t insats_id, const char *namn)
{
	struct ibudget	*ib;

	ib = xcalloc(1, sizeof *ib);
	ib->insats_id = insats_id;
	snprintf(ib->b.namn, sizeof ib->b.namn, "%s", namn != NULL ? namn :
	    "");
	snprintf(ib->b.info, sizeof ib->b.info, "Hämtar budgeten …");
	ib->b.year_label = "Insatsbudgetuppgifter för år:";
	ib->b.nlead = 1;
	ib->b.no_insatser = 1;
	ib->b.head_extra = 2;
	ib->b.load = ib_load;
	entry_init(&ib->planerat, IB_PLANERAT_CHARS, 0);
	return screen_new(ui, &scr_insats_budget_type, ib);
}
