/*
 * Hantera kompletterande frågor (domain.md 2.3, 5.2): the questions a
 * samverkansorganisation asks its participants. The screen chooses the
 * organisation, then lists its questions in presentation order with the
 * one under the cursor in full below. From the list a question is added
 * or changed (Registrera kompletterande fråga, scr_fraga_edit.c), deleted
 * while nobody has answered it, or closed from today; the order is
 * changed in a mode of its own and stored with one Spara; and the form
 * can be seen as a deltagaransvarig will see it on a given occasion and
 * day. The server decides every rule and says no in its own words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "scr_fraga.h"
#include "xmalloc.h"

const char *const fraga_tillfalle_namn[4] = { "", "Inregistrering",
    "Utregistrering", "Båda" };
const char *const fraga_tillfalle_kort[4] = { "", "In", "Ut", "Båda" };
const char *const fraga_svarstyp_namn[5] = { "", "Ja/nej", "Envalsfråga",
    "Flervalsfråga", "Heltal" };
const char *const fraga_svarstyp_kort[5] = { "", "Ja/nej", "Enval",
    "Flerval", "Heltal" };

/* Reports whether an answer type is answered by choosing options. */
int
fraga_is_choice(uint8_t svarstyp)
{
	return svarstyp == SVAR_ENVAL || svarstyp == SVAR_FLERVAL;
}

/* A name from one of the tables above, "" for a value out of range. */
#define FRAGA_NAME(t, v) \
	((size_t)(v) < sizeof (t) / sizeof (t)[0] ? (t)[(v)] : "")

/*
 * Rows under the list: a blank one, the question in full (two rows of
 * text, three of facts) and two of keys.
 */
#define FRAGA_FOOT_ROWS		8
/* Rows above the list: organisation, title, column titles. */
#define FRAGA_HEAD_ROWS		3

enum fraga_mode {
	FM_CHOOSE,
	FM_LIST,
	FM_ORDER	/* Ändra presentationsordning */
};

struct fraga {
	enum fraga_mode		 mode;
	struct chooser		 ch;
	struct samorg_pick	 pick;
	int			 started;	/* the chooser was loaded */
	uint32_t		 samorg_id;
	char			 samorg[256];
	struct msg_fraga_list	 list;		/* rows in the order shown */
	struct vlist		 vl;
	int			 moved;		/* the order was changed */
	int			 stale;		/* load again when shown */
	uint32_t		 goto_id;	/* the cursor's row after it */
	char			 note[SUS_MESSAGE_MAX + 1];
};

/* The list's columns (domain.md 5.2); narrow terminals drop some. */
enum { FC_NR, FC_FRAGA, FC_TILL, FC_TYP, FC_OBL, FC_GILTIG, FC_SVAR,
	FC__COUNT };

static const struct tbl_col fraga_cols[FC__COUNT] = {
	[FC_NR] = { "Nr", 3, 4, 0, NULL, 0 },
	[FC_FRAGA] = { "Fråga", 24, 120, 0, NULL, 1 },
	[FC_TILL] = { "Tillfälle", 9, 9, 2, NULL, 0 },
	[FC_TYP] = { "Svarstyp", 8, 8, 5, NULL, 0 },
	[FC_OBL] = { "Obligatorisk", 12, 12, 1, NULL, 0 },
	[FC_GILTIG] = { "Giltig från–till", 21, 21, 3, NULL, 0 },
	[FC_SVAR] = { "Besvarad", 8, 8, 4, NULL, 0 },
};

/* The question under the cursor, NULL in an empty list. */
static struct msg_fraga *
fraga_current(struct fraga *f)
{
	if (f->list.nrows == 0 || f->vl.cursor >= f->list.nrows)
		return NULL;
	return &f->list.rows[f->vl.cursor];
}

/*
 * Shows a refusal too wide for the message line in a box as well, so
 * that the server's whole sentence is read.
 */
void
fraga_explain(struct ui *ui, const char *title)
{
	const char	*lines[8];
	char		 buf[sizeof ui->message];
	size_t		 n;

	if (!ui->message_error || text_width(ui->message) < COLS)
		return;
	n = text_lines(ui->message, 60, buf, sizeof buf, lines, 8);
	ui_notice(ui, title, lines, n);
}

/* Reports whether a question's period ended before today. */
static int
fraga_closed(const struct msg_fraga *q, const char *today)
{
	return q->giltig_tom[0] != '\0' && strcmp(q->giltig_tom, today) < 0;
}

/*
 * Loads the organisation's questions, keeping the cursor on goto_id, or
 * else on the same row number. Returns as ui_call().
 */
static int
fraga_load(struct screen *s)
{
	struct fraga		*f = s->data;
	struct msg_fraga_search	 req;
	struct msg_fraga_list	 rep;
	size_t			 i, row = f->vl.cursor;
	int			 rv;

	memset(&rep, 0, sizeof rep);
	req.samorg_id = f->samorg_id;
	req.datum = "";
	req.mattillfalle = 0;
	if ((rv = ui_call(s->ui, MSG_FRAGA_SEARCH, &req, MSG_FRAGA_LIST,
	    &rep)) != 0)
		return rv;
	msg_clear(MSG_FRAGA_LIST, &f->list);
	f->list = rep;
	for (i = 0; f->goto_id != 0 && i < f->list.nrows; i++) {
		if (f->list.rows[i].id == f->goto_id)
			row = i;
	}
	f->goto_id = 0;
	f->stale = 0;
	f->moved = 0;
	vlist_reset(&f->vl, f->list.nrows, f->list.nrows);
	vlist_goto(&f->vl, row);
	return 0;
}

/* Opens the questions of the chooser's row. */
static void
fraga_pick(struct screen *s, const struct plist_row *row)
{
	struct fraga	*f = s->data;

	f->samorg_id = row->id;
	snprintf(f->samorg, sizeof f->samorg, "%s", row->cell[0]);
	vlist_reset(&f->vl, 0, 0);
	if (fraga_load(s) != 0)
		return;
	f->mode = FM_LIST;
	if (f->list.nrows == 0)
		ui_message(s->ui, 0, "Inga frågor ännu. + registrerar en ny.");
}

/* Told by Registrera kompletterande fråga that a question was saved. */
static void
fraga_saved_cb(struct screen *s, uint32_t id, const char *message)
{
	struct fraga	*f = s->data;

	f->stale = 1;
	f->goto_id = id;
	snprintf(f->note, sizeof f->note, "%s", message);
}

/* Opens the form for a new question, or for the one under the cursor. */
static void
fraga_edit(struct screen *s, int new)
{
	struct fraga		*f = s->data;
	const struct msg_fraga	*q = new ? NULL : fraga_current(f);

	if (!new && q == NULL)
		return;
	ui_push(s->ui, scr_fraga_edit_new(s->ui, s, f->samorg_id, f->samorg,
	    q, fraga_saved_cb));
}

/*
 * Asks a yes/no question about q in a box: a first line, the question's
 * text broken to fit, and the question asked. 1 for ja.
 */
static int
fraga_ask(struct screen *s, const char *title, const char *first,
    const struct msg_fraga *q, const char *last)
{
	const char	*text[8];
	char		 buf[1024];
	size_t		 n = 0;

	text[n++] = first;
	n += text_lines(q->namn, 60, buf, sizeof buf, &text[n], 4);
	text[n++] = "";
	text[n++] = last;
	return ui_ask(s->ui, title, text, n);
}

/* Loads the list again after a change and says what the server said. */
static void
fraga_after(struct screen *s, const char *said)
{
	char	text[SUS_MESSAGE_MAX + 1];

	snprintf(text, sizeof text, "%s", said);
	if (fraga_load(s) == 0)
		ui_message(s->ui, 0, "%s", text);
}

/* Ta bort: asks, then asks the server, which refuses an answered one. */
static void
fraga_delete(struct screen *s)
{
	struct fraga		*f = s->data;
	struct msg_fraga	*q = fraga_current(f);
	struct msg_fraga_delete	 req;
	struct msg_ok		 ok;

	if (q == NULL)
		return;
	if (!fraga_ask(s, "Ta bort fråga", "Ta bort frågan", q,
	    "Ta bort den? (j/n)"))
		return;
	memset(&ok, 0, sizeof ok);
	req.samorg_id = f->samorg_id;
	req.fraga_id = q->id;
	if (ui_call(s->ui, MSG_FRAGA_DELETE, &req, MSG_OK, &ok) != 0) {
		fraga_explain(s->ui, "Ta bort fråga");
		return;
	}
	fraga_after(s, ok.message != NULL ? ok.message : "");
	msg_clear(MSG_OK, &ok);
}

/*
 * Avsluta: the question is asked up to and including today and never
 * after. It is saved as it is with giltig till today.
 */
static void
fraga_close(struct screen *s)
{
	struct fraga		*f = s->data;
	struct msg_fraga	*q = fraga_current(f), req;
	struct msg_ok		 ok;
	char			 today[16], last[128];

	if (q == NULL)
		return;
	date_today_plus(0, 0, today, sizeof today);
	if (q->giltig_tom[0] != '\0' && strcmp(q->giltig_tom, today) <= 0) {
		ui_message(s->ui, 1, "Frågan är redan avslutad (giltig till "
		    "%s).", q->giltig_tom);
		return;
	}
	if (strcmp(q->giltig_from, today) > 0) {
		ui_message(s->ui, 1, "Frågan gäller först från %s. Ta bort "
		    "den i stället, eller ändra perioden med Enter.",
		    q->giltig_from);
		return;
	}
	snprintf(last, sizeof last, "Den ställs till och med i dag, %s. "
	    "Avsluta? (j/n)", today);
	if (!fraga_ask(s, "Avsluta fråga", "Avsluta frågan", q, last))
		return;
	req = *q;
	req.giltig_tom = today;
	memset(&ok, 0, sizeof ok);
	if (ui_call(s->ui, MSG_FRAGA_SAVE, &req, MSG_OK, &ok) != 0) {
		fraga_explain(s->ui, "Avsluta fråga");
		return;
	}
	msg_clear(MSG_OK, &ok);
	snprintf(last, sizeof last, "Frågan är avslutad: den ställs till och "
	    "med %s.", today);
	fraga_after(s, last);
}

/* Moves the question under the cursor one place up (-1) or down (1). */
static void
fraga_move(struct fraga *f, int dir)
{
	struct msg_fraga	tmp;
	size_t			i = f->vl.cursor, j;

	if (f->list.nrows < 2 || (dir < 0 && i == 0) ||
	    (dir > 0 && i + 1 >= f->list.nrows))
		return;
	j = dir < 0 ? i - 1 : i + 1;
	tmp = f->list.rows[i];
	f->list.rows[i] = f->list.rows[j];
	f->list.rows[j] = tmp;
	vlist_goto(&f->vl, j);
	f->moved = 1;
}

/* F2 in Ändra presentationsordning: every question's id, in order. */
static void
fraga_order_save(struct screen *s)
{
	struct fraga		*f = s->data;
	struct msg_fraga_order	 req;
	struct msg_ok		 ok;
	uint32_t		 i;
	int			 rv;

	if (!f->moved) {
		ui_message(s->ui, 0, "Ordningen är inte ändrad. Flytta en fråga "
		    "med + och -, eller avbryt med Esc.");
		return;
	}
	memset(&ok, 0, sizeof ok);
	req.samorg_id = f->samorg_id;
	req.nids = f->list.nrows;
	req.ids = xcalloc(f->list.nrows > 0 ? f->list.nrows : 1,
	    sizeof *req.ids);
	for (i = 0; i < f->list.nrows; i++)
		req.ids[i].id = f->list.rows[i].id;
	rv = ui_call(s->ui, MSG_FRAGA_ORDER, &req, MSG_OK, &ok);
	free(req.ids);
	if (rv != 0) {
		/* The new order stays, to try again. */
		fraga_explain(s->ui, "Ändra presentationsordning");
		return;
	}
	f->mode = FM_LIST;
	f->goto_id = fraga_current(f) != NULL ? fraga_current(f)->id : 0;
	fraga_after(s, ok.message != NULL ? ok.message : "");
	msg_clear(MSG_OK, &ok);
}

/* Esc in Ändra presentationsordning: asks before losing a new order. */
static void
fraga_order_cancel(struct screen *s)
{
	static const char *const ask[] = {
		"Den nya ordningen är inte sparad. Avbryta ändå? (j/n)",
	};
	struct fraga	*f = s->data;

	if (f->moved && !ui_ask(s->ui, "Avbryta", ask, 1))
		return;
	f->mode = FM_LIST;
	if (f->moved) {
		f->goto_id = fraga_current(f) != NULL ?
		    fraga_current(f)->id : 0;
		if (fraga_load(s) == 0)
			ui_message(s->ui, 0, "Ordningen är som förut.");
	}
}

/* Keys in Ändra presentationsordning. */
static int
fraga_order_key(struct screen *s, const struct keyev *ev)
{
	struct fraga	*f = s->data;

	if (ev->action == ACT_SAVE)
		fraga_order_save(s);
	else if (ev->action == ACT_CANCEL)
		fraga_order_cancel(s);
	else if (ev->code == KEY_SR || (ev->code == 0 && ev->ch == L'+'))
		fraga_move(f, -1);
	else if (ev->code == KEY_SF || (ev->code == 0 && ev->ch == L'-'))
		fraga_move(f, 1);
	else
		return vlist_key(&f->vl, ev);
	return 1;
}

/* Keys on the list of questions. */
static int
fraga_list_key(struct screen *s, const struct keyev *ev)
{
	struct fraga	*f = s->data;
	wint_t		 c = ev->code == 0 ? ev->ch : 0;

	if (ev->action == ACT_CANCEL) {
		msg_clear(MSG_FRAGA_LIST, &f->list);
		vlist_reset(&f->vl, 0, 0);
		f->mode = FM_CHOOSE;
		ui_message(s->ui, 0, "%s", "");
	} else if (ev->action == ACT_SEARCH) {
		if (fraga_load(s) == 0)
			ui_message(s->ui, 0, "Frågorna är hämtade igen.");
	} else if (c == L'+' || ev->code == KEY_IC)
		fraga_edit(s, 1);
	else if (keys_is_enter(ev))
		fraga_edit(s, 0);
	else if (c == L'-' || ev->code == KEY_DC)
		fraga_delete(s);
	else if (c == L'a' || c == L'A')
		fraga_close(s);
	else if (c == L'o' || c == L'O') {
		if (f->list.nrows < 2) {
			ui_message(s->ui, 0, "Det finns inget att ordna: "
			    "organisationen har %u fråga.", f->list.nrows);
			return 1;
		}
		f->mode = FM_ORDER;
		f->moved = 0;
		ui_message(s->ui, 0, "%s", "");
	} else if (c == L'v' || c == L'V')
		ui_push(s->ui, scr_fraga_view_new(s->ui, f->samorg_id,
		    f->samorg));
	else
		return vlist_key(&f->vl, ev);
	return 1;
}

/* Routes keys: the chooser, the list or the order mode. */
static int
fraga_key(struct screen *s, const struct keyev *ev)
{
	struct fraga	*f = s->data;
	int		 rv;

	if (f->mode == FM_LIST)
		return fraga_list_key(s, ev);
	if (f->mode == FM_ORDER)
		return fraga_order_key(s, ev);
	if (ev->action == ACT_CANCEL)
		return 0;
	rv = chooser_key(&f->ch, s->ui, ev);
	if (rv == CHOOSER_PICKED) {
		fraga_pick(s, plist_current(&f->ch.pl));
		return 1;
	}
	return rv;
}

/* Rows the list shows in a screen of lines. */
static size_t
fraga_list_rows(int lines)
{
	int	rows = lines - FRAGA_HEAD_ROWS - FRAGA_FOOT_ROWS;

	return rows > 1 ? (size_t)rows : 1;
}

/* Fits the chooser and the list. */
static void
fraga_layout(struct screen *s, int lines, int cols)
{
	struct fraga	*f = s->data;

	chooser_layout(&f->ch, lines);
	vlist_resize(&f->vl, fraga_list_rows(lines));
}

/* Fills the cells of one question's row. */
static void
fraga_values(const struct msg_fraga *q, size_t row, const char **v,
    char (*buf)[160])
{
	/* The mark by the number, where a narrow column cannot cut it. */
	snprintf(buf[FC_NR], sizeof buf[FC_NR], "%zu%s", row + 1,
	    q->obligatorisk ? "*" : "");
	snprintf(buf[FC_FRAGA], sizeof buf[FC_FRAGA], "%s", q->namn);
	snprintf(buf[FC_GILTIG], sizeof buf[FC_GILTIG], "%s–%s",
	    q->giltig_from, q->giltig_tom);
	if (q->antal_svar > 0)
		snprintf(buf[FC_SVAR], sizeof buf[FC_SVAR], "Ja (%u)",
		    q->antal_svar);
	else
		snprintf(buf[FC_SVAR], sizeof buf[FC_SVAR], "Nej");
	v[FC_NR] = buf[FC_NR];
	v[FC_FRAGA] = buf[FC_FRAGA];
	v[FC_TILL] = FRAGA_NAME(fraga_tillfalle_kort, q->mattillfalle);
	v[FC_TYP] = FRAGA_NAME(fraga_svarstyp_kort, q->svarstyp);
	v[FC_OBL] = q->obligatorisk ? "Ja" : "";
	v[FC_GILTIG] = buf[FC_GILTIG];
	v[FC_SVAR] = buf[FC_SVAR];
}

/* Draws the column titles at y and the visible questions under them. */
static void
fraga_draw_rows(struct screen *s, WINDOW *w, int y, const char *today)
{
	struct fraga		*f = s->data;
	const struct msg_fraga	*q;
	const char		*v[FC__COUNT];
	char			 buf[FC__COUNT][160];
	int			 cw[FC__COUNT], width = s->cols - 2, attr;
	size_t			 i, row;

	tbl_fit(fraga_cols, FC__COUNT, width, cw);
	tbl_draw_head(w, y, 1, width, fraga_cols, cw, FC__COUNT);
	for (i = 0; i < f->vl.height; i++) {
		row = f->vl.top + i;
		if (row >= f->list.nrows)
			break;
		q = &f->list.rows[row];
		fraga_values(q, row, v, buf);
		attr = fraga_closed(q, today) ? A_DIM : A_NORMAL;
		if (row == f->vl.cursor)
			attr |= A_REVERSE;
		wattron(w, attr);
		tbl_draw_row(w, y + 1 + (int)i, 1, width, cw, FC__COUNT, v);
		wattroff(w, attr);
	}
}

/* Draws the question under the cursor in full, from row y. */
static void
fraga_draw_detail(struct screen *s, WINDOW *w, int y, const char *today)
{
	struct fraga		*f = s->data;
	const struct msg_fraga	*q = fraga_current(f);
	char			 line[256], svar[64];
	int			 width = s->cols - 2, n;

	if (q == NULL)
		return;
	n = text_wrap(w, y, 1, q->namn, width, 2);
	y += n > 0 ? n : 1;
	snprintf(line, sizeof line, "Tillfälle: %s%s",
	    FRAGA_NAME(fraga_tillfalle_namn, q->mattillfalle),
	    q->obligatorisk ? " · Obligatorisk" : "");
	text_put(w, y++, 1, line, width);
	if (fraga_is_choice(q->svarstyp))
		snprintf(line, sizeof line, "Svarstyp: %s, %u alternativ",
		    FRAGA_NAME(fraga_svarstyp_namn, q->svarstyp),
		    q->nalternativ);
	else
		snprintf(line, sizeof line, "Svarstyp: %s",
		    FRAGA_NAME(fraga_svarstyp_namn, q->svarstyp));
	text_put(w, y++, 1, line, width);
	if (q->antal_svar > 0)
		snprintf(svar, sizeof svar, "besvarad %u gång%s", q->antal_svar,
		    q->antal_svar == 1 ? "" : "er");
	else
		snprintf(svar, sizeof svar, "inte besvarad");
	snprintf(line, sizeof line, "Giltig %s – %s · %s%s", q->giltig_from,
	    q->giltig_tom[0] != '\0' ? q->giltig_tom : "tills vidare", svar,
	    fraga_closed(q, today) ? " · avslutad" : "");
	text_put(w, y, 1, line, width);
}

/* The two rows at the bottom: what the keys do. */
static void
fraga_draw_keys(struct screen *s, WINDOW *w)
{
	struct fraga	*f = s->data;
	int		 width = s->cols - 2;

	wattron(w, A_DIM);
	if (f->mode == FM_ORDER) {
		text_put(w, s->lines - 2, 1, "+ / S-↑ flyttar upp, - / S-↓ "
		    "flyttar ned.", width);
		text_put(w, s->lines - 1, 1, "F2 Spara ordningen  Esc Avbryt",
		    width);
	} else {
		text_put(w, s->lines - 2, 1, "+ Ny  Enter Ändra  - Ta bort  "
		    "a Avsluta", width);
		text_put(w, s->lines - 1, 1, "o Ändra ordning  v Visa "
		    "frågeformulär  Esc Byt", width);
	}
	wattroff(w, A_DIM);
}

/* Draws the chooser, or the organisation's questions. */
static void
fraga_draw(struct screen *s, WINDOW *w)
{
	struct fraga	*f = s->data;
	char		 line[sizeof f->samorg + 64], today[16];
	int		 width = s->cols - 2;

	if (f->mode == FM_CHOOSE) {
		chooser_draw(&f->ch, w, s->lines, s->cols);
		return;
	}
	date_today_plus(0, 0, today, sizeof today);
	snprintf(line, sizeof line, "Samverkansorganisation: %s", f->samorg);
	if (text_width(line) > width)
		snprintf(line, sizeof line, "%s", f->samorg);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, line, width);
	wattroff(w, A_BOLD);
	if (f->mode == FM_ORDER)
		snprintf(line, sizeof line, "Ändra presentationsordning%s",
		    f->moved ? " – ej sparad" : "");
	else
		snprintf(line, sizeof line, "Kompletterande frågor (%u), "
		    "* obligatorisk", f->list.nrows);
	text_put(w, 1, 1, line, width);
	if (f->list.nrows == 0) {
		text_wrap(w, FRAGA_HEAD_ROWS, 1, "Organisationen har inga "
		    "kompletterande frågor. + registrerar en.", width, 2);
	} else
		fraga_draw_rows(s, w, FRAGA_HEAD_ROWS - 1, today);
	if (f->mode == FM_LIST)
		fraga_draw_detail(s, w, s->lines - FRAGA_FOOT_ROWS + 1, today);
	fraga_draw_keys(s, w);
}

/* Loads the chooser the first time, and the list again after a change. */
static void
fraga_enter(struct screen *s)
{
	struct fraga		*f = s->data;
	struct plist_row	*only;

	if (!f->started && remote_connected(s->ui->remote)) {
		f->started = 1;
		/* One organisation only: straight to it. */
		if (chooser_start(&f->ch, s->ui) == 0 &&
		    (only = chooser_only(&f->ch)) != NULL)
			fraga_pick(s, only);
	} else if (f->mode == FM_CHOOSE && f->ch.pl.ready)
		plist_fill(&f->ch.pl);
	if (f->stale && f->mode != FM_CHOOSE)
		(void)fraga_load(s);
	if (f->note[0] != '\0') {
		ui_message(s->ui, 0, "%s", f->note);
		f->note[0] = '\0';
	}
}

/* Places the cursor in the chooser's field. */
static int
fraga_cursor(struct screen *s, int *y, int *x)
{
	struct fraga	*f = s->data;

	if (f->mode != FM_CHOOSE)
		return 0;
	return chooser_cursor(&f->ch, s->cols, y, x);
}

/* For the frame: a new order not yet saved must not vanish unasked. */
static int
fraga_dirty(struct screen *s)
{
	struct fraga	*f = s->data;

	return f->mode == FM_ORDER && f->moved;
}

/* Frees the screen's data. */
static void
fraga_free(struct screen *s)
{
	struct fraga	*f = s->data;

	msg_clear(MSG_FRAGA_LIST, &f->list);
	chooser_free(&f->ch);
	free(f);
}

static const struct screen_type scr_fraga_type = {
	.title = "Hantera kompletterande frågor",
	.enter = fraga_enter,
	.layout = fraga_layout,
	.draw = fraga_draw,
	.key = fraga_key,
	.free = fraga_free,
	.cursor = fraga_cursor,
	.dirty = fraga_dirty,
};

/*
 * Hantera kompletterande frågor: a superadministratör searches every
 * organisation, a samverkansadministratör chooses among their own.
 */
struct screen *
scr_fraga_new(struct ui *ui)
{
	struct screen	*s;
	struct fraga	*f;

	f = xcalloc(1, sizeof *f);
	f->vl.height = 1;
	s = screen_new(ui, &scr_fraga_type, f);
	samorg_chooser_init(&f->ch, &f->pick, ui, ROLE_SAMVERKANSADMIN);
	return s;
}
