/*
 * The Budget tab of a samverkansorganisation (domain.md 2.2, 5.2): one
 * calendar year at a time, chosen in "Uppgifter för år" among the years
 * from the start year to the end year, with the years that have lines
 * marked. Finance lines come only from the ingående organisationer
 * marked finansiär (rule 7), administrativa kostnader exist only for
 * FINSAM (rule 9), and Budgeterat i insatserna is read-only. The lines
 * are listed one per row; Enter opens the row's fields under the list.
 * Nothing is stored until F2 Spara sends the whole year, which the
 * server checks and applies at once; a refusal names the row and keeps
 * everything typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* Years offered past the current one while the organisation is active. */
#define BUDGET_YEARS_AHEAD	2

/* The years offered: start year to end year, or a little ahead. */
static void
budget_fill_years(struct budget *b)
{
	char		 today[16];
	uint32_t	 last, y;
	size_t		 i;

	date_today_plus(0, 0, today, sizeof today);
	last = b->rep.sista_ar;
	if (last == 0) {
		last = (uint32_t)strtoul(today, NULL, 10) + BUDGET_YEARS_AHEAD;
		for (i = 0; i < b->rep.nar; i++) {
			if (b->rep.ar_med_data[i].ar > last)
				last = b->rep.ar_med_data[i].ar;
		}
	}
	if (last < b->rep.ar)
		last = b->rep.ar;
	free(b->years);
	b->nyears = 0;
	b->years = xcalloc(last - b->rep.forsta_ar + 1, sizeof *b->years);
	for (y = b->rep.forsta_ar; y <= last; y++) {
		if (y == b->rep.ar)
			b->year = b->nyears;
		b->years[b->nyears++] = y;
	}
}

/* Fetches the organisation's finansiärer once; 0 when known. */
static int
budget_load_org(struct screen *s)
{
	struct budget		*b = s->data;
	struct msg_samorg_get	 req;

	if (b->has_org)
		return 0;
	req.id = b->samorg_id;
	memset(&b->org, 0, sizeof b->org);
	if (ui_call(s->ui, MSG_SAMORG_GET, &req, MSG_SAMORG, &b->org) != 0)
		return -1;
	b->has_org = 1;
	return 0;
}

/*
 * Fetches year ar (0: the server's choice) and shows it; 0 on success.
 * The finansiärer and the code lists come first, so that no request
 * (and no redraw) falls between taking the reply and showing it.
 */
static int
budget_load(struct screen *s, uint32_t ar)
{
	struct budget		*b = s->data;
	struct msg_budget_get	 req;
	struct msg_budget	 rep;
	const struct kod_row	*codes[64];
	char			 why[sizeof s->ui->message + 64];
	size_t			 n;

	why[0] = '\0';
	/* Without the finansiärer the lines still show; the reason stays. */
	if (budget_load_org(s) != 0)
		snprintf(why, sizeof why, "%s", s->ui->message);
	if (why[0] == '\0' && kod_lists(s->ui) == NULL)
		snprintf(why, sizeof why, "Kostnadstyperna kunde inte "
		    "hämtas: %s", s->ui->message);
	req.samorg_id = b->samorg_id;
	req.ar = ar;
	memset(&rep, 0, sizeof rep);
	if (ui_call(s->ui, MSG_BUDGET_GET, &req, MSG_BUDGET, &rep) != 0)
		return -1;
	/* Shown again only when whole (a failed code list asks again). */
	if (b->loaded)
		msg_clear(MSG_BUDGET, &b->rep);
	b->loaded = 0;
	b->rep = rep;
	snprintf(b->namn, sizeof b->namn, "%s", rep.samorg);
	snprintf(b->info, sizeof b->info, "%s, startdatum %s%s%s",
	    rep.samverkansform, rep.startdatum, rep.slutdatum[0] != '\0' ?
	    ", slutdatum " : "", rep.slutdatum);
	budget_fill_fin(&b->fin, b->has_org ? &b->org : NULL, &b->rep);
	n = b->rep.finsam ? kod_codes(s->ui, "kostnadstyp", 1, 0, codes,
	    sizeof codes / sizeof codes[0]) : 0;
	budget_fill_adm(&b->adm, codes, n, &b->rep);
	budget_fill_years(b);
	b->loaded = 1;
	b->dirty = 0;
	b->editing = 0;
	if (why[0] != '\0')
		ui_message(s->ui, 1, "%s", why);
	return 0;
}

/* Adds a line to panel p and opens its fields. */
static void
budget_add(struct screen *s, struct bpanel *p)
{
	struct budget	*b = s->data;

	if (p->n >= BUDGET_LINES_MAX) {
		ui_message(s->ui, 1, "Högst %d rader i panelen.",
		    BUDGET_LINES_MAX);
		return;
	}
	if (p == &b->adm && p->nnames < 2) {
		ui_message(s->ui, 1, "Kostnadstyperna kunde inte hämtas.");
		return;
	}
	if (p == &b->fin && p->nnames < 2)
		ui_message(s->ui, 0, "Ingen ingående organisation är markerad "
		    "som finansiär: bara eget kapital kan läggas till.");
	budget_line_new(p);
	b->dirty = 1;
	budget_goto_line(b, p, p->n - 1, F_CHOICE);
	budget_scroll(s);
}

/* After a refusal naming "Rad N (panel)", puts the cursor on that line. */
static void
budget_show_refused(struct screen *s)
{
	struct budget	*b = s->data;
	struct bpanel	*ps[2] = { &b->fin, &b->adm };
	size_t		 nr, k, i;
	char		 word[64];

	if (sscanf(s->ui->message, "Rad %zu (%63[^)])", &nr, word) != 2)
		return;
	for (k = 0; k < 2; k++) {
		if (strcmp(word, ps[k]->kind->word) != 0)
			continue;
		for (i = 0; i < ps[k]->n; i++) {
			if (!ps[k]->rows[i]->remove &&
			    budget_line_nr(ps[k], i) == nr) {
				budget_goto_line(b, ps[k], i, -1);
				budget_scroll(s);
			}
		}
	}
}

/* F2 Spara: the whole year in one request; then it is fetched again. */
static void
budget_save(struct screen *s)
{
	struct budget		*b = s->data;
	struct msg_budget	 q;
	struct msg_ok		 ok;
	struct bbad		 bad;
	char			 said[SUS_MESSAGE_MAX + 1];
	int			 rv;

	if (!b->loaded)
		return;
	memset(&q, 0, sizeof q);
	memset(&ok, 0, sizeof ok);
	q.samorg_id = b->samorg_id;
	q.ar = b->rep.ar;
	q.samorg = q.samverkansform = q.startdatum = q.slutdatum = (char *)"";
	budget_line_done(b);
	if (budget_request(&b->fin, b->rep.finsam ? &b->adm : NULL, &q,
	    &bad) != 0) {
		budget_request_free(&q);
		ui_message(s->ui, 1, "Rad %zu (%s): %s", budget_line_nr(bad.p,
		    bad.i), bad.p->kind->word, bad.why);
		budget_goto_line(b, bad.p, bad.i, bad.field);
		budget_scroll(s);
		return;
	}
	rv = ui_call(s->ui, MSG_BUDGET_SAVE, &q, MSG_OK, &ok);
	budget_request_free(&q);
	if (rv != 0) {
		budget_show_refused(s);
		return;
	}
	snprintf(said, sizeof said, "%s", ok.message);
	msg_clear(MSG_OK, &ok);
	if (budget_load(s, b->rep.ar) != 0) {
		ui_message(s->ui, 1, "Budgeten är sparad men kunde inte hämtas "
		    "igen.");
		return;
	}
	if (b->cur >= budget_nitems(b))
		b->cur = budget_nitems(b) - 1;
	ui_message(s->ui, 0, "%s", said);
}

/* Keys on the list. */
static int
budget_list_key(struct screen *s, const struct keyev *ev)
{
	struct budget	*b = s->data;
	struct bitem	 it = budget_item(b, b->cur);
	long		 page = budget_list_rows(s) - 1;

	if (it.kind == IT_YEAR && budget_years_key(s, ev))
		return 1;
	if ((ev->code == 0 && ev->ch == L'+') || ev->code == KEY_IC ||
	    (it.kind == IT_ADD && keys_is_enter(ev)))
		budget_add(s, it.p != NULL ? it.p : &b->fin);
	else if ((ev->code == 0 && ev->ch == L'-') || ev->code == KEY_DC)
		budget_line_remove(s);
	else if (it.kind == IT_LINE && (keys_is_enter(ev) ||
	    ev->action == ACT_NEXT) && !it.p->rows[it.i]->remove)
		budget_goto_line(b, it.p, it.i, F_CHOICE);
	else if (ev->code == KEY_UP)
		budget_cur_move(s, -1);
	else if (ev->code == KEY_DOWN || ev->action == ACT_NEXT)
		budget_cur_move(s, 1);
	else if (ev->code == KEY_PPAGE)
		budget_cur_move(s, -(page > 1 ? page : 1));
	else if (ev->code == KEY_NPAGE)
		budget_cur_move(s, page > 1 ? page : 1);
	else if (ev->action == ACT_PREV)
		budget_cur_move(s, -1);
	else
		return 0;
	return 1;
}

/* Routes keys: Spara and Avbryt first, then the fields or the list. */
static int
budget_key(struct screen *s, const struct keyev *ev)
{
	struct budget	*b = s->data;

	if (!b->loaded)
		return 0;
	if (ev->action == ACT_SAVE) {
		budget_save(s);
		return 1;
	}
	if (b->editing && budget_cur_line(b) != NULL)
		return budget_line_key(s, ev);
	if (ev->action == ACT_CANCEL) {
		/* Asked here; agreed, the frame takes the screen away. */
		if (!budget_ask_drop(s, "Lämna budgeten ändå? (j/n)"))
			return 1;
		b->dirty = 0;
		return 0;
	}
	return budget_list_key(s, ev);
}

/* Loads the year the first time the screen shows. */
static void
budget_enter(struct screen *s)
{
	struct budget	*b = s->data;

	if (b->started || !remote_connected(s->ui->remote))
		return;
	b->started = 1;
	budget_load(s, 0);
}

/* Keeps the cursor in view after a resize. */
static void
budget_layout(struct screen *s, int lines, int cols)
{
	(void)lines;
	(void)cols;
	if (((struct budget *)s->data)->loaded)
		budget_scroll(s);
}

/* Frees the screen's data. */
static void
budget_free(struct screen *s)
{
	struct budget	*b = s->data;

	budget_panel_clear(&b->fin);
	budget_panel_clear(&b->adm);
	if (b->loaded)
		msg_clear(MSG_BUDGET, &b->rep);
	if (b->has_org)
		msg_clear(MSG_SAMORG, &b->org);
	free(b->years);
	free(b);
}

/* For the frame: lines typed and not saved must not vanish unasked. */
static int
budget_dirty(struct screen *s)
{
	return ((struct budget *)s->data)->dirty;
}

static const struct screen_type scr_budget_type = {
	.title = "Samverkansorganisationsbudget",
	.enter = budget_enter,
	.layout = budget_layout,
	.draw = budget_draw,
	.key = budget_key,
	.free = budget_free,
	.cursor = budget_cursor,
	.dirty = budget_dirty,
};

/* The Budget tab of one organisation; namn shows until the year loads. */
struct screen *
scr_budget_new(struct ui *ui, uint32_t samorg_id, const char *namn)
{
	struct budget	*b;

	b = xcalloc(1, sizeof *b);
	b->samorg_id = samorg_id;
	snprintf(b->namn, sizeof b->namn, "%s", namn != NULL ? namn : "");
	snprintf(b->info, sizeof b->info, "Hämtar budgeten …");
	b->fin.kind = &budget_fin_kind;
	b->adm.kind = &budget_adm_kind;
	b->load = budget_load;
	return screen_new(ui, &scr_budget_type, b);
}
