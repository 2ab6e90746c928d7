/*
 * The person's own view of one participation (domain.md 2.6(a)): the
 * only place the personnummer shows in full. Fetched whole with
 * MSG_DELTAGARE_GET, which the server records as one read of the
 * person; the texts of the kompletterande frågor come with
 * MSG_DELTAGARE_FRAGOR for each occasion's date. The page shows the
 * person and the consent, then the inregistrering and, once there is
 * one, the utregistrering with their codes by name and the answers; it
 * is broken into lines for the width and scrolls. F4 and F7 open the
 * form on the occasion, F8 withdraws the consent after a confirmation
 * that says what it does, and goes back to the list. A stripped
 * participation shows only what is left without the person.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deltagande.h"
#include "deltagare_page.h"
#include "proto.h"
#include "xmalloc.h"

/* Rows under the page: where it is, and two key lines. */
#define DV_FOOT		3

struct dview {
	uint32_t		 insats_id;
	uint32_t		 deltagande_id;
	struct msg_deltagare	 d;
	int			 loaded;
	int			 stale;		/* fetch again when shown */
	struct msg_fraga_list	 fragor[2];	/* by DV_IN, DV_UT */
	struct dpage		 page;
	int			 top;
	int			 confirm;	/* F8 asks */
	struct entry		 datum;
};

/* Breaks the page into lines for the screen's width. */
static void
dv_build(struct screen *s)
{
	struct dview	*v = s->data;

	dpage_clear(&v->page);
	v->page.width = s->cols - 2;
	if (v->loaded)
		dpage_build(&v->page, s->ui, s->cols - 2, &v->d, v->fragor);
}

/* Rows the page has above the footer. */
static int
dv_rows(const struct screen *s)
{
	int	n = s->lines - DV_FOOT;

	return n > 1 ? n : 1;
}

/* Keeps the first line shown within the page. */
static void
dv_clamp(struct screen *s)
{
	struct dview	*v = s->data;

	if (v->top > (int)v->page.n - dv_rows(s))
		v->top = (int)v->page.n - dv_rows(s);
	if (v->top < 0)
		v->top = 0;
}

/*
 * Fetches the questions of one occasion on its date; none when there is
 * no date or the fetch fails (ui_call has said why).
 */
static void
dv_load_fragor(struct screen *s, int i, uint8_t typ, const char *datum)
{
	struct dview			*v = s->data;
	struct msg_deltagare_fragor	 req;

	msg_clear(MSG_FRAGA_LIST, &v->fragor[i]);
	memset(&v->fragor[i], 0, sizeof v->fragor[i]);
	if (datum == NULL || datum[0] == '\0')
		return;
	memset(&req, 0, sizeof req);
	req.insats_id = v->insats_id;
	req.datum = (char *)datum;
	req.tillfalle = typ;
	if (ui_call(s->ui, MSG_DELTAGARE_FRAGOR, &req, MSG_FRAGA_LIST,
	    &v->fragor[i]) != 0)
		memset(&v->fragor[i], 0, sizeof v->fragor[i]);
}

/* Fetches the participation; on failure v is kept as it was. */
static int
dv_load(struct screen *s)
{
	struct dview		*v = s->data;
	struct msg_deltagare_get req;
	struct msg_deltagare	 rep;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.insats_id = v->insats_id;
	req.deltagande_id = v->deltagande_id;
	if (ui_call(s->ui, MSG_DELTAGARE_GET, &req, MSG_DELTAGARE, &rep) != 0)
		return -1;
	if (v->loaded)
		msg_clear(MSG_DELTAGARE, &v->d);
	v->d = rep;
	v->loaded = 1;
	v->stale = 0;
	dv_load_fragor(s, DV_IN, FRAGA_IN, v->d.startdatum);
	dv_load_fragor(s, DV_UT, FRAGA_UT, v->d.slutdatum);
	dv_build(s);
	dv_clamp(s);
	return 0;
}

/* Draws one line of the page at row y. */
static void
dv_draw_line(struct screen *s, WINDOW *w, const struct dv_line *l, int y)
{
	int	width = s->cols - 2;

	if (!l->pair) {
		wattron(w, l->attr);
		text_put(w, y, 1 + l->x, l->text, width - l->x);
		wattroff(w, l->attr);
		return;
	}
	text_put(w, y, 1, l->label, DV_LW);
	if (l->label[0] != '\0')
		text_put(w, y, 1 + DV_LW, ":", 1);
	wattron(w, l->attr);
	text_put(w, y, 3 + DV_LW, l->text, width - DV_LW - 2);
	wattroff(w, l->attr);
}

/* Columns of the confirmation box, and where its date field starts. */
#define DV_BOX_X	1
#define DV_BOX_Y	1
#define DV_DATE_X	13

/*
 * Breaks the text of the confirmation F8 asks for into lines for the
 * box; returns the count. An ended participation keeps its slutdatum.
 */
static size_t
dv_confirm_lines(struct screen *s, char *buf, size_t len,
    const char **lines, size_t max)
{
	struct dview	*v = s->data;
	char		 text[512], ended[64];

	ended[0] = '\0';
	if (v->d.slutdatum[0] != '\0')
		snprintf(ended, sizeof ended, "Deltagandet avslutades %s. ",
		    v->d.slutdatum);
	snprintf(text, sizeof text, "%sPersonuppgifterna (personnummer, "
	    "namn och folkbokföringskommun) tas bort för alltid; kvar blir "
	    "bara uppgifter utan koppling till personen. Det går inte att "
	    "ångra.", ended[0] != '\0' ? ended : "Deltagandet avslutas med "
	    "anledningen Samtycket återkallat. ");
	return text_lines(text, s->cols - 2 - 4, buf, len, lines, max);
}

/* The confirmation in a box over the page. */
static void
dv_draw_confirm(struct screen *s, WINDOW *w)
{
	struct dview	*v = s->data;
	const char	*lines[16];
	char		 buf[1024];
	WINDOW		*box_w;
	size_t		 i, n;
	int		 wd = s->cols - 2, h, dated;

	dated = v->d.slutdatum[0] == '\0';
	n = dv_confirm_lines(s, buf, sizeof buf, lines, 12);
	h = (int)n + (dated ? 6 : 4);
	if ((box_w = derwin(w, h, wd, DV_BOX_Y, DV_BOX_X)) == NULL)
		return;
	werase(box_w);
	box(box_w, 0, 0);
	text_put(box_w, 0, 2, " Återkalla samtycke ", 20);
	for (i = 0; i < n; i++)
		text_put(box_w, 1 + (int)i, 2, lines[i], wd - 4);
	if (dated) {
		text_put(box_w, (int)n + 2, 2, "Slutdatum:", DV_DATE_X - 2);
		entry_draw(&v->datum, box_w, (int)n + 2, DV_DATE_X, 12, 1);
	}
	wattron(box_w, A_BOLD);
	text_put(box_w, h - 2, 2, "Enter återkallar samtycket, Esc avbryter.",
	    wd - 4);
	wattroff(box_w, A_BOLD);
	delwin(box_w);
}

/* Draws where the page is, and the keys. */
static void
dv_draw_footer(struct screen *s, WINDOW *w)
{
	struct dview	*v = s->data;
	char		 pos[96];
	int		 rows = dv_rows(s), last = v->top + rows;
	int		 n = (int)v->page.n;

	if (n > rows) {
		snprintf(pos, sizeof pos, "Rad %d–%d av %d (PgDn, PgUp)",
		    v->top + 1, last < n ? last : n, n);
		wattron(w, A_DIM);
		text_put(w, rows, 1, pos, s->cols - 2);
		wattroff(w, A_DIM);
	}
	if (v->d.avidentifierad) {
		text_put(w, rows + 1, 1, "Deltagandet kan inte ändras.",
		    s->cols - 2);
		text_put(w, rows + 2, 1, "F5 Uppdatera  Esc Tillbaka",
		    s->cols - 2);
		return;
	}
	text_put(w, rows + 1, 1, dpage_tillfalle(&v->d, FRAGA_UT) != NULL ?
	    "F4 Ändra inregistrering  F7 Ändra utregistrering" :
	    "F4 Ändra inregistrering  F7 Utregistrera", s->cols - 2);
	text_put(w, rows + 2, 1, "F8 Återkalla samtycke  F5 Uppdatera  "
	    "Esc Tillbaka", s->cols - 2);
}

static void
dv_draw(struct screen *s, WINDOW *w)
{
	struct dview	*v = s->data;
	int		 i, rows;

	if (!v->loaded) {
		text_wrap(w, 1, 1, "Uppgifterna kunde inte hämtas. F5 försöker "
		    "igen, Esc går tillbaka.", s->cols - 2, 2);
		return;
	}
	if (v->page.width != s->cols - 2)
		dv_build(s);
	dv_clamp(s);
	rows = dv_rows(s);
	for (i = 0; i < rows && v->top + i < (int)v->page.n; i++)
		dv_draw_line(s, w, &v->page.l[v->top + i], i);
	dv_draw_footer(s, w);
	if (v->confirm)
		dv_draw_confirm(s, w);
}

/* Scrolls for a scrolling key (keys_scroll()); 1 when it was one. */
static int
dv_scroll(struct screen *s, int code)
{
	struct dview	*v = s->data;

	if (!keys_scroll(code, dv_rows(s), (int)v->page.n, &v->top))
		return 0;
	dv_clamp(s);
	return 1;
}

/* Sends the withdrawal; back to the list when it is done. */
static void
dv_aterkalla(struct screen *s)
{
	struct dview			*v = s->data;
	struct ui			*ui = s->ui;
	struct msg_samtycke_aterkalla	 q;
	struct msg_ok			 ok;
	char				 datum[16], said[256];

	if (v->d.slutdatum[0] != '\0')
		strlcpy(datum, v->d.slutdatum, sizeof datum);
	else if (entry_get(&v->datum, datum, sizeof datum) != 0 ||
	    !date_valid(datum)) {
		ui_message(ui, 1, "Slutdatum: skriv datumet som ÅÅÅÅ-MM-DD, "
		    "t.ex. 2024-01-31.");
		return;
	}
	memset(&q, 0, sizeof q);
	memset(&ok, 0, sizeof ok);
	q.insats_id = v->insats_id;
	q.deltagande_id = v->deltagande_id;
	q.datum = datum;
	if (ui_call(ui, MSG_SAMTYCKE_ATERKALLA, &q, MSG_OK, &ok) != 0)
		return;
	strlcpy(said, ok.message != NULL && ok.message[0] != '\0' ?
	    ok.message : "Samtycket är återkallat och personuppgifterna "
	    "borttagna.", sizeof said);
	msg_clear(MSG_OK, &ok);
	v->confirm = 0;
	if (ui->nstack > 1) {
		ui_pop(ui);
		ui_message(ui, 0, "%s", said);
		return;
	}
	(void)dv_load(s);
	ui_message(ui, 0, "%s", said);
}

/* Keys while the confirmation is shown: it takes them all. */
static int
dv_confirm_key(struct screen *s, const struct keyev *ev)
{
	struct dview	*v = s->data;

	if (ev->action == ACT_CANCEL) {
		v->confirm = 0;
		ui_message(s->ui, 0, "Samtycket är inte återkallat.");
	} else if (keys_is_enter(ev))
		dv_aterkalla(s);
	else if (v->d.slutdatum[0] == '\0')
		(void)entry_key(&v->datum, ev);
	return 1;
}

/* F4, F7 and F8 need a participation with its person. */
static int
dv_changeable(struct screen *s)
{
	struct dview	*v = s->data;

	if (!v->loaded)
		return 0;
	if (v->d.avidentifierad) {
		ui_message(s->ui, 1, "Personuppgifterna är borttagna; "
		    "deltagandet kan inte ändras.");
		return 0;
	}
	return 1;
}

/* Opens the form on one occasion; the view is fetched again after. */
static void
dv_form(struct screen *s, uint8_t typ)
{
	struct dview	*v = s->data;

	if (!dv_changeable(s))
		return;
	v->stale = 1;
	ui_push(s->ui, scr_deltagare_form_new(s->ui, v->insats_id,
	    v->deltagande_id, typ));
}

/* F8: the confirmation, with today as the end unless it has ended. */
static void
dv_confirm_open(struct screen *s)
{
	struct dview	*v = s->data;
	char		 today[16];

	if (!dv_changeable(s))
		return;
	date_today_plus(0, 0, today, sizeof today);
	entry_init(&v->datum, 10, 0);
	entry_set(&v->datum, today);
	entry_end(&v->datum);
	v->confirm = 1;
}

static int
dv_key(struct screen *s, const struct keyev *ev)
{
	struct dview	*v = s->data;

	if (v->confirm)
		return dv_confirm_key(s, ev);
	if (ev->code == KEY_F(5) || ev->action == ACT_SEARCH) {
		if (dv_load(s) == 0)
			ui_message(s->ui, 0, "Uppgifterna är hämtade igen.");
	} else if (ev->code == KEY_F(4))
		dv_form(s, FRAGA_IN);
	else if (ev->code == KEY_F(7))
		dv_form(s, FRAGA_UT);
	else if (ev->code == KEY_F(8))
		dv_confirm_open(s);
	else
		return ev->code != 0 && v->loaded && dv_scroll(s, ev->code);
	return 1;
}

/* Fetches the participation the first time, and after the form. */
static void
dv_enter(struct screen *s)
{
	struct dview	*v = s->data;

	if ((!v->loaded || v->stale) && remote_connected(s->ui->remote))
		(void)dv_load(s);
}

/* The cursor in the date of the confirmation. */
static int
dv_cursor(struct screen *s, int *y, int *x)
{
	struct dview	*v = s->data;
	const char	*lines[16];
	char		 buf[1024];
	size_t		 n;

	if (!v->confirm || v->d.slutdatum[0] != '\0')
		return 0;
	n = dv_confirm_lines(s, buf, sizeof buf, lines, 12);
	*y = DV_BOX_Y + (int)n + 2;
	*x = DV_BOX_X + DV_DATE_X + entry_scroll(&v->datum, 12);
	return 1;
}

static void
dv_free(struct screen *s)
{
	struct dview	*v = s->data;

	dpage_free(&v->page);
	if (v->loaded)
		msg_clear(MSG_DELTAGARE, &v->d);
	msg_clear(MSG_FRAGA_LIST, &v->fragor[DV_IN]);
	msg_clear(MSG_FRAGA_LIST, &v->fragor[DV_UT]);
	free(v);
}

static const struct screen_type scr_deltagare_view_type = {
	.title = "Deltagare",
	.enter = dv_enter,
	.draw = dv_draw,
	.key = dv_key,
	.free = dv_free,
	.cursor = dv_cursor,
};

/* The person's own view of one participation; fetched when shown. */
struct screen *
scr_deltagare_view_new(struct ui *ui, uint32_t insats_id,
    uint32_t deltagande_id)
{
	struct dview	*v;

	v = xcalloc(1, sizeof *v);
	v->insats_id = insats_id;
	v->deltagande_id = deltagande_id;
	return screen_new(ui, &scr_deltagare_view_type, v);
}
