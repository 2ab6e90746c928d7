/*
 * Registrera antal i volyminsats (domain.md 2.6(c), rule 29): the
 * insatsansvarig chooses one of his volyminsatser, then a year, and sees
 * its twelve months with the counts per kön. Counts are typed straight
 * into the grid; a month that already has counts is corrected, which
 * needs a reason (Orsak) and keeps the earlier count as history (F5).
 * F2 Spara sends each changed month on its own, and a month the server
 * refuses stays on the screen as typed while the others are saved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "insats.h"
#include "proto.h"
#include "volym.h"
#include "xmalloc.h"

/* The chooser's columns. */
enum { VI_NAMN, VI_SAMORG, VI_START, VI__COUNT };

static const struct tbl_col volym_insats_cols[VI__COUNT] = {
	[VI_NAMN] = { "Insats", 20, 40, 0, NULL, 0 },
	[VI_SAMORG] = { "Samverkansorganisation", 14, 50, 2, NULL, 0 },
	[VI_START] = { "Startdatum", 10, 10, 1, NULL, 0 },
};

/* Chooser fetch: the caller's own volyminsatser, a page at a time. */
static int
volym_fetch(struct plist *pl, size_t offset, size_t limit, size_t *total)
{
	struct screen		*s = pl->arg;
	struct msg_insats_search req;
	struct msg_insats_list	 rep;
	const char		*v[VI__COUNT];
	uint32_t		 i;
	int			 rv;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.pattern = req.aktiv_from = req.aktiv_tom = (char *)"";
	req.flags = INSATS_S_EGNA | INSATS_S_VOLYM;
	req.offset = (uint32_t)offset;
	req.limit = (uint32_t)limit;
	if ((rv = ui_call(s->ui, MSG_INSATS_SEARCH, &req, MSG_INSATS_LIST,
	    &rep)) != 0)
		return rv;
	for (i = 0; i < rep.nrows; i++) {
		v[VI_NAMN] = rep.rows[i].namn;
		v[VI_SAMORG] = rep.rows[i].samorg;
		v[VI_START] = rep.rows[i].startdatum;
		plist_add(pl, rep.rows[i].id, rep.rows[i].samorg_id, v);
	}
	*total = rep.total;
	msg_clear(MSG_INSATS_LIST, &rep);
	return 0;
}


/* Sets month i from the reply: its current row, or nothing. */
static void
volym_month_fill(struct volym *v, int i)
{
	struct vmanad		*mm = &v->m[i];
	const struct volym_rad	*r;
	char			 p[24];
	uint32_t		 j;

	volym_period(v, i, p, sizeof p);
	mm->cur = -1;
	memset(mm->val, 0, sizeof mm->val);
	entry_init(&mm->orsak, VOLYM_ORSAK_CHARS, 0);
	entry_limit_bytes(&mm->orsak, VOLYM_ORSAK_BYTES);
	for (j = 0; j < v->rep.nrader; j++) {
		r = &v->rep.rader[j];
		if (r->aktuell && strcmp(r->period, p) == 0) {
			mm->cur = (int)j;
			snprintf(mm->val[0], sizeof mm->val[0], "%u",
			    r->kvinnor);
			snprintf(mm->val[1], sizeof mm->val[1], "%u", r->man);
			snprintf(mm->val[2], sizeof mm->val[2], "%u", r->okant);
			break;
		}
	}
}

/*
 * Fetches year ar (0: the server's choice) and shows it; the months
 * marked in keep keep what was typed in them. 0 on success.
 */
static int
volym_load(struct screen *s, uint32_t ar, const int *keep)
{
	struct volym		*v = s->data;
	struct msg_volym_get	 req;
	struct msg_volym	 rep;
	struct vmanad		 kept[12];
	int			 i;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.insats_id = v->insats_id;
	req.ar = ar;
	if (ui_call(s->ui, MSG_VOLYM_GET, &req, MSG_VOLYM, &rep) != 0) {
		if (!v->loaded)
			snprintf(v->fel, sizeof v->fel, "%s", s->ui->message);
		return -1;
	}
	memcpy(kept, v->m, sizeof kept);
	if (v->loaded)
		msg_clear(MSG_VOLYM, &v->rep);
	v->rep = rep;
	v->loaded = 1;
	v->fel[0] = '\0';
	date_today_plus(0, 0, v->today, sizeof v->today);
	for (i = 0; i < 12; i++) {
		volym_month_fill(v, i);
		if (keep != NULL && keep[i]) {
			memcpy(v->m[i].val, kept[i].val, sizeof v->m[i].val);
			v->m[i].orsak = kept[i].orsak;
		}
	}
	v->fresh = 1;
	return 0;
}

/* Opens the grid on insats id, this year or the nearest. */
static void
volym_open(struct screen *s, uint32_t id)
{
	struct volym	*v = s->data;

	v->insats_id = id;
	v->choosing = 0;
	v->row = 0;
	v->col = VC_K;
	volym_load(s, 0, NULL);
}

/* Asks before typed counts are thrown away; 1 to go ahead. */
static int
volym_may_drop(struct screen *s, const char *question)
{
	struct volym	*v = s->data;
	char		 line[128];
	const char	*ask[2] = { line, question };
	int		 n = volym_nchanged(v);

	if (n == 0)
		return 1;
	snprintf(line, sizeof line, "Antalen för %d månad%s är inte sparade.",
	    n, n == 1 ? "" : "er");
	return ui_ask(s->ui, "Ej sparat", ask, 2);
}

/* Shows year ar, asking first when counts are not saved. */
static void
volym_year_go(struct screen *s, long ar)
{
	struct volym	*v = s->data;

	if (ar < (long)v->rep.forsta_ar || ar > (long)volym_last_year(v)) {
		ui_message(s->ui, 1, "Antal kan registreras för %u–%u.",
		    v->rep.forsta_ar, volym_last_year(v));
		return;
	}
	if ((uint32_t)ar == v->rep.ar ||
	    !volym_may_drop(s, "Byta år ändå? (j/n)"))
		return;
	volym_load(s, (uint32_t)ar, NULL);
}

/* Puts the cursor on row and column, clamped to what the row offers. */
static void
volym_goto(struct volym *v, int row, int col)
{
	if (row < -1)
		row = -1;
	if (row > 11)
		row = 11;
	if (col == VC_ORSAK && (row < 0 || !volym_correction(v, row)))
		col = VC_O;
	if (col != v->col || row != v->row)
		v->fresh = 1;
	v->row = row;
	v->col = col;
}

/* Tab and Shift-Tab: the cells in reading order, Orsak after Okänt. */
static void
volym_step(struct volym *v, int dir)
{
	int	row = v->row, col = v->col + dir;

	if (row < 0) {
		volym_goto(v, 0, VC_K);
		return;
	}
	if (col == VC_ORSAK && !volym_correction(v, row))
		col += dir;
	if (col > VC_ORSAK) {
		col = VC_K;
		row++;
	} else if (col < VC_K) {
		row--;
		col = row >= 0 && volym_correction(v, row) ? VC_ORSAK : VC_O;
	}
	if (row > 11)
		row = 0;
	volym_goto(v, row, col);
}

/* A digit typed into the cell under the cursor. */
static void
volym_digit(struct screen *s, wint_t ch)
{
	struct volym	*v = s->data;
	char		*cell = v->m[v->row].val[v->col], next[16];
	size_t		 n = strlen(cell);

	if (v->fresh || strcmp(cell, "0") == 0)
		n = 0;
	if (n >= VOLYM_DIGITS) {
		ui_message(s->ui, 1, "Antalet får vara högst 1 000 000.");
		return;
	}
	memcpy(next, cell, n);
	next[n] = (char)ch;
	next[n + 1] = '\0';
	if (strtoul(next, NULL, 10) > VOLYM_ANTAL_MAX) {
		ui_message(s->ui, 1, "Antalet får vara högst 1 000 000.");
		return;
	}
	memcpy(cell, next, n + 2);
	v->fresh = 0;
}

/* Keys on a count: digits, Backspace and Delete; others are refused. */
static int
volym_cell_key(struct screen *s, const struct keyev *ev)
{
	struct volym	*v = s->data;
	char		*cell = v->m[v->row].val[v->col];
	const char	*why;
	int		 edit;

	edit = (ev->code == 0 && ev->ch >= L' ') || ev->code == KEY_BACKSPACE ||
	    ev->code == KEY_DC || (ev->code == 0 && (ev->ch == 8 ||
	    ev->ch == 127));
	if (!edit)
		return 0;
	if ((why = volym_closed(v, v->row)) != NULL) {
		ui_message(s->ui, 1, "%s", why);
		return 1;
	}
	if (ev->code == 0 && ev->ch >= L'0' && ev->ch <= L'9')
		volym_digit(s, ev->ch);
	else if (ev->code == KEY_DC)
		cell[0] = '\0';
	else if (ev->code == KEY_BACKSPACE || ev->ch == 8 || ev->ch == 127) {
		if (cell[0] != '\0')
			cell[strlen(cell) - 1] = '\0';
		v->fresh = 0;
	} else
		ui_message(s->ui, 1, "Skriv antalet med siffror, till exempel "
		    "12.");
	return 1;
}

/* Keys in the Orsak field. */
static int
volym_orsak_key(struct screen *s, const struct keyev *ev)
{
	struct volym	*v = s->data;
	struct entry	*e = &v->m[v->row].orsak;
	char		 text[160];
	int		 r;

	if ((r = entry_key(e, ev)) == ENTRY_KEY_FULL) {
		entry_full_text(e, "Orsaken", text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	return r != 0;
}

/* Adds one line to the history box, if there is room. */
static void
volym_hist_add(char (*buf)[160], const char **lines, size_t *n,
    const char *text)
{
	if (*n >= VOLYM_HIST_LINES)
		return;
	strlcpy(buf[*n], text, sizeof buf[*n]);
	lines[*n] = buf[*n];
	(*n)++;
}

/* Adds the lines of one version: when, who, the counts and the reason. */
static void
volym_hist_row(const struct volym_rad *r, char (*buf)[160],
    const char **lines, size_t *n)
{
	char		 line[600], wrap[600];
	const char	*part[VOLYM_HIST_VERSION - 2];
	size_t		 i, np;

	snprintf(line, sizeof line, "%s %s%s", r->registrerad,
	    r->registrerad_av, r->aktuell ? " (gäller nu)" : " (ersatt)");
	volym_hist_add(buf, lines, n, line);
	snprintf(line, sizeof line, "  Kvinnor %u, män %u, okänt kön %u, "
	    "summa %lu", r->kvinnor, r->man, r->okant,
	    (unsigned long)r->kvinnor + r->man + r->okant);
	volym_hist_add(buf, lines, n, line);
	if (r->kommentar[0] == '\0')
		return;
	snprintf(line, sizeof line, "%s %s", r->ersatter != 0 ? "Orsak:" :
	    "Kommentar:", r->kommentar);
	np = text_lines(line, 64, wrap, sizeof wrap, part,
	    VOLYM_HIST_VERSION - 2);
	for (i = 0; i < np; i++) {
		snprintf(line, sizeof line, "  %s", part[i]);
		volym_hist_add(buf, lines, n, line);
	}
}

/* F5 Historik: every version of the cursor month, newest first. */
static void
volym_history(struct screen *s)
{
	struct volym	*v = s->data;
	char		 buf[VOLYM_HIST_LINES][160], p[24], title[64], head[80];
	const char	*lines[VOLYM_HIST_LINES];
	size_t		 n = 0, versions = 0, replaced = 0;
	uint32_t	 j;

	if (v->row < 0) {
		ui_message(s->ui, 1, "Ställ markören på en månad för att se "
		    "dess historik.");
		return;
	}
	volym_period(v, v->row, p, sizeof p);
	volym_manad(v, v->row, title, sizeof title);
	/* The current row first, then the replaced ones, newest first. */
	if (v->m[v->row].cur >= 0) {
		volym_hist_row(&v->rep.rader[v->m[v->row].cur], buf, lines, &n);
		versions++;
	}
	for (j = 0; j < v->rep.nrader; j++) {
		if (v->rep.rader[j].aktuell ||
		    strcmp(v->rep.rader[j].period, p) != 0)
			continue;
		replaced++;
		/* The last line stays free for saying what did not fit. */
		if (n + VOLYM_HIST_VERSION < VOLYM_HIST_LINES) {
			volym_hist_row(&v->rep.rader[j], buf, lines, &n);
			versions++;
		}
	}
	if (replaced == 0) {
		ui_message(s->ui, 0, "%s har inte rättats%s.", title,
		    versions == 0 ? " (inget antal registrerat)" : "");
		return;
	}
	if (versions < replaced + 1) {
		snprintf(buf[n], sizeof buf[n], "… och %zu äldre.",
		    replaced + 1 - versions);
		lines[n] = buf[n];
		n++;
	}
	snprintf(head, sizeof head, "Historik %s", title);
	ui_notice(s->ui, head, lines, n);
}

/* Reports whether an entry holds nothing but spaces. */
static int
volym_blank(const struct entry *e)
{
	size_t	i;

	for (i = 0; i < e->len; i++) {
		if (e->buf[i] != L' ')
			return 0;
	}
	return 1;
}

/*
 * Checks that every correction has its reason before anything is sent;
 * -1 with the cursor in the first Orsak missing.
 */
static int
volym_check(struct screen *s)
{
	struct volym	*v = s->data;
	char		 manad[32];
	int		 i;

	for (i = 0; i < 12; i++) {
		if (!volym_correction(v, i) || !volym_blank(&v->m[i].orsak))
			continue;
		volym_goto(v, i, VC_ORSAK);
		volym_manad(v, i, manad, sizeof manad);
		ui_message(s->ui, 1, "Ange orsak till rättelsen för %s.", manad);
		return -1;
	}
	return 0;
}

/* Sends month i; returns as ui_call(), with what was said in said. */
static int
volym_send(struct screen *s, int i, char *said, size_t len)
{
	struct volym		*v = s->data;
	struct msg_volym_save	 q;
	struct msg_ok		 ok;
	char			 period[24], orsak[VOLYM_ORSAK_BYTES + 1];
	int			 rv;

	memset(&q, 0, sizeof q);
	memset(&ok, 0, sizeof ok);
	volym_period(v, i, period, sizeof period);
	q.insats_id = v->insats_id;
	q.period = period;
	q.ersatter = v->m[i].cur >= 0 ? v->rep.rader[v->m[i].cur].id : 0;
	q.kvinnor = volym_val(v, i, 0);
	q.man = volym_val(v, i, 1);
	q.okant = volym_val(v, i, 2);
	orsak[0] = '\0';
	/* The limit on the entry keeps the reason within the buffer. */
	if (q.ersatter != 0)
		entry_get(&v->m[i].orsak, orsak, sizeof orsak);
	q.kommentar = orsak;
	rv = ui_call(s->ui, MSG_VOLYM_SAVE, &q, MSG_OK, &ok);
	snprintf(said, len, "%s", rv == 0 ? ok.message : s->ui->message);
	if (rv == 0)
		msg_clear(MSG_OK, &ok);
	return rv;
}

/* Says how a save of several months went, after the year is shown again. */
static void
volym_report(struct screen *s, int nsent, int nfail, const char *said,
    const char *const *lines, size_t n)
{
	if (nfail == 0 && nsent == 1)
		ui_message(s->ui, 0, "%s", said);
	else if (nfail == 0)
		ui_message(s->ui, 0, "Antalen för %d månader är sparade.", nsent);
	else if (nsent == 1)
		ui_message(s->ui, 1, "%s", said);
	else {
		ui_notice(s->ui, "Spara antal", lines, n);
		ui_message(s->ui, 1, "%d av %d månader sparade; de andra står "
		    "kvar osparade.", nsent - nfail, nsent);
	}
}

/*
 * F2 Spara: each changed month in its own request, so one refused
 * month keeps neither the others from being saved nor what was typed
 * in it; then the year is fetched again with the unsaved months kept.
 */
static void
volym_save(struct screen *s)
{
	struct volym	*v = s->data;
	char		 buf[12][320], said[256], manad[32];
	const char	*lines[12];
	int		 keep[12], i, rv, nsent = 0, nfail = 0, first = -1;
	int		 stop = 0;
	size_t		 n = 0;

	if (volym_nchanged(v) == 0) {
		ui_message(s->ui, 0, "Inget att spara: ingen månad är ändrad.");
		return;
	}
	if (volym_check(s) != 0)
		return;
	for (i = 0; i < 12; i++) {
		if (!(keep[i] = volym_changed(v, i)) || stop)
			continue;
		rv = volym_send(s, i, said, sizeof said);
		nsent++;
		volym_manad(v, i, manad, sizeof manad);
		if (rv == 0) {
			keep[i] = 0;
			snprintf(buf[n], sizeof buf[n], "%s: sparat.", manad);
		} else {
			nfail++;
			first = first < 0 ? i : first;
			/* Lost or cancelled: the rest wait for the next F2. */
			stop = rv != REMOTE_REPLY_ERR;
			snprintf(buf[n], sizeof buf[n], "%s: %s", manad, said);
		}
		lines[n] = buf[n];
		n++;
	}
	if (volym_load(s, v->rep.ar, keep) != 0) {
		ui_message(s->ui, 1, "%d av %d månader sparade, men året kunde "
		    "inte hämtas igen: %s", nsent - nfail, nsent,
		    s->ui->message);
		return;
	}
	/* Out of an Orsak no longer needed, or to the first refused month. */
	volym_goto(v, first >= 0 ? first : v->row, first >= 0 ? VC_K : v->col);
	volym_report(s, nsent, nfail, said, lines, n);
}

/* Esc: out of Orsak, back to the chooser, or away, asking first. */
static int
volym_cancel(struct screen *s)
{
	struct volym	*v = s->data;

	if (v->col == VC_ORSAK) {
		volym_goto(v, v->row, VC_O);
		return 1;
	}
	if (v->several) {
		if (!volym_may_drop(s, "Välja en annan insats ändå? (j/n)"))
			return 1;
		if (v->loaded)
			msg_clear(MSG_VOLYM, &v->rep);
		v->loaded = 0;
		v->choosing = 1;
		return 1;
	}
	/* Only a pop frees the screen; the menu keeps what was typed. */
	if (s->ui->nstack > 1 && !volym_may_drop(s, "Lämna skärmen ändå? "
	    "(j/n)"))
		return 1;
	return 0;
}

/* Keys on the year: arrows, Home and End. */
static int
volym_year_key(struct screen *s, const struct keyev *ev)
{
	struct volym	*v = s->data;

	if (ev->code == KEY_LEFT)
		volym_year_go(s, (long)v->rep.ar - 1);
	else if (ev->code == KEY_RIGHT || (ev->code == 0 && ev->ch == L' '))
		volym_year_go(s, (long)v->rep.ar + 1);
	else if (ev->code == KEY_HOME)
		volym_year_go(s, v->rep.forsta_ar);
	else if (ev->code == KEY_END)
		volym_year_go(s, volym_last_year(v));
	else if (ev->code == KEY_DOWN || keys_is_enter(ev))
		volym_goto(v, 0, VC_K);
	else
		return 0;
	return 1;
}

/* Enter: to the reason a correction needs, else down a month. */
static void
volym_enter_key(struct screen *s)
{
	struct volym	*v = s->data;

	if (v->col != VC_ORSAK && volym_correction(v, v->row) &&
	    volym_blank(&v->m[v->row].orsak)) {
		volym_goto(v, v->row, VC_ORSAK);
		ui_message(s->ui, 0, "Skriv varför antalet rättas.");
	} else if (v->row < 11)
		volym_goto(v, v->row + 1, v->col == VC_ORSAK ? VC_K : v->col);
}

/* Keys on the grid. */
static int
volym_grid_key(struct screen *s, const struct keyev *ev)
{
	struct volym	*v = s->data;

	if (ev->action == ACT_SAVE)
		volym_save(s);
	else if (ev->code == KEY_F(5))
		volym_history(s);
	else if (ev->code == KEY_PPAGE || ev->code == KEY_NPAGE)
		volym_year_go(s, (long)v->rep.ar +
		    (ev->code == KEY_NPAGE ? 1 : -1));
	else if (ev->action == ACT_CANCEL)
		return volym_cancel(s);
	else if (ev->action == ACT_NEXT || ev->action == ACT_PREV)
		volym_step(v, ev->action == ACT_NEXT ? 1 : -1);
	else if (v->row < 0)
		return volym_year_key(s, ev);
	else if (ev->code == KEY_UP || ev->code == KEY_DOWN)
		volym_goto(v, v->row + (ev->code == KEY_UP ? -1 : 1), v->col);
	else if (keys_is_enter(ev))
		volym_enter_key(s);
	else if (v->col == VC_ORSAK)
		return volym_orsak_key(s, ev);
	else if (ev->code == KEY_LEFT && v->col > VC_K)
		volym_goto(v, v->row, v->col - 1);
	else if (ev->code == KEY_RIGHT)
		volym_goto(v, v->row, v->col + 1);
	else if (ev->code == KEY_LEFT)
		return 1;
	else
		return volym_cell_key(s, ev);
	return 1;
}

/* Routes keys: the chooser until an insats is chosen, then the grid. */
static int
volym_key(struct screen *s, const struct keyev *ev)
{
	struct volym		*v = s->data;
	struct plist_row	*row;
	int			 rv;

	if (!v->choosing && v->loaded)
		return volym_grid_key(s, ev);
	/* The insats could not be shown: Esc goes back to the list. */
	if (!v->choosing && ev->action == ACT_CANCEL && v->several) {
		v->choosing = 1;
		return 1;
	}
	if (!v->choosing)
		return 0;
	if (ev->action == ACT_CANCEL)
		return 0;
	rv = chooser_key(&v->ch, s->ui, ev);
	if (rv == CHOOSER_PICKED && (row = plist_current(&v->ch.pl)) != NULL) {
		volym_open(s, row->id);
		return 1;
	}
	return rv;
}


/* Loads the chooser, or the insats given, the first time. */
static void
volym_enter(struct screen *s)
{
	struct volym	*v = s->data;

	if (v->started || !remote_connected(s->ui->remote))
		return;
	v->started = 1;
	if (!v->choosing) {
		volym_load(s, 0, NULL);
		return;
	}
	if (chooser_start(&v->ch, s->ui) != 0)
		return;
	if (v->ch.pl.vl.total == 0)
		ui_message(s->ui, 1, "Du är inte insatsansvarig för någon "
		    "volyminsats.");
	else if (v->ch.pl.vl.total == 1)
		volym_open(s, v->ch.pl.rows[0].id);
	else
		v->several = 1;
}

/* Fits the chooser's list. */
static void
volym_layout(struct screen *s, int lines, int cols)
{
	(void)cols;
	chooser_layout(&((struct volym *)s->data)->ch, lines);
}

/* Frees the screen's data. */
static void
volym_free(struct screen *s)
{
	struct volym	*v = s->data;

	chooser_free(&v->ch);
	if (v->loaded)
		msg_clear(MSG_VOLYM, &v->rep);
	free(v);
}

/* For the frame: typed counts must not vanish unasked. */
static int
volym_dirty(struct screen *s)
{
	return volym_nchanged(s->data) > 0;
}

static const struct screen_type scr_volym_type = {
	.title = "Registrera antal i volyminsats",
	.enter = volym_enter,
	.layout = volym_layout,
	.draw = volym_draw,
	.key = volym_key,
	.free = volym_free,
	.cursor = volym_cursor,
	.dirty = volym_dirty,
};

/* Registrera antal i volyminsats for one insats. */
struct screen *
scr_volym_insats_new(struct ui *ui, uint32_t insats_id)
{
	struct screen	*s;
	struct volym	*v;

	v = xcalloc(1, sizeof *v);
	v->insats_id = insats_id;
	s = screen_new(ui, &scr_volym_type, v);
	chooser_init(&v->ch, "volyminsats", 0, volym_insats_cols, VI__COUNT,
	    volym_fetch, s);
	return s;
}

/* From the menu: the volyminsats is chosen first, unless there is one. */
struct screen *
scr_volym_new(struct ui *ui)
{
	struct screen	*s = scr_volym_insats_new(ui, 0);

	((struct volym *)s->data)->choosing = 1;
	return s;
}
