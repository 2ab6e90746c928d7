/*
 * Af/FK-samarbetet: Ny övergång, opened from Historik enskild deltagare
 * on an open ärende. The insatstyper that may follow the current one
 * are listed with the authority that registers each (affk_overgang,
 * data not code), the caller's own first and the others dimmed; the
 * date is today unless changed. F2 sends MSG_AFFK_OVERGANG_SAVE: the
 * server decides (the other authority's step, a date on or before the
 * current period's start, a date ahead of today) and a refusal shows on
 * the message line with the choice and the date kept. Once saved the
 * history is fetched again and, when the new step asks questions,
 * Registrera uppgifter opens for the new period.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk.h"
#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* More than the table ever offers from one step. */
#define OV_MAX		32
/* Row of the first choice. */
#define OV_LIST_Y	4

enum { OC_TYP, OC_MYND, OC__COUNT };

static const struct tbl_col ov_cols[OC__COUNT] = {
	[OC_TYP] = { "Övergång till", 34, 40, 0, NULL, 0 },
	[OC_MYND] = { "Reg. av", 7, 18, 0, NULL, 1 },
};

struct overgang {
	uint32_t	 kontor_insats_id;
	uint32_t	 arende_id;
	int		*stale;		/* the history's: fetch again */
	int		 myndighet;	/* the caller's */
	char		 namn[256];
	char		 nu[512];	/* "Gemensam kartläggning sedan ..." */
	uint32_t	 typ[OV_MAX];
	char		*typnamn[OV_MAX];
	uint8_t		 registrerar[OV_MAX];
	size_t		 n;
	size_t		 cur;
	int		 on_datum;	/* the focus is in the date */
	struct entry	 datum;
};

/* Sends the övergång; on success back to the history, then uppgifter. */
static void
ov_save(struct screen *s)
{
	struct overgang			*ov = s->data;
	struct ui			*ui = s->ui;
	struct msg_affk_overgang_save	 req;
	struct msg_affk_saved		 rep;
	char				 datum[16], rubrik[512], said[512];
	uint32_t			 kontor = ov->kontor_insats_id, typ;
	uint32_t			 period, nfragor;
	int				*stale = ov->stale;

	if (ov->n == 0) {
		ui_message(ui, 1, "Det finns ingen övergång från det här "
		    "steget.");
		return;
	}
	if (entry_get(&ov->datum, datum, sizeof datum) != 0 ||
	    !date_valid(datum)) {
		ov->on_datum = 1;
		ui_message(ui, 1, "Datum: skriv datumet som ÅÅÅÅ-MM-DD, "
		    "t.ex. 2024-01-31.");
		return;
	}
	typ = ov->typ[ov->cur];
	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.kontor_insats_id = kontor;
	req.arende_id = ov->arende_id;
	req.insatstyp_id = typ;
	req.datum = datum;
	/* A refusal is on the message line; the choice and date stay. */
	if (ui_call(ui, MSG_AFFK_OVERGANG_SAVE, &req, MSG_AFFK_SAVED,
	    &rep) != 0)
		return;
	snprintf(said, sizeof said, "Övergången till %s är registrerad "
	    "från %s.", ov->typnamn[ov->cur], datum);
	snprintf(rubrik, sizeof rubrik, "%s: %s från %s", ov->namn,
	    ov->typnamn[ov->cur], datum);
	period = rep.period_id;
	nfragor = rep.nfragor;
	msg_clear(MSG_AFFK_SAVED, &rep);
	*stale = 1;
	ui_pop(ui);
	if (nfragor > 0 && period != 0) {
		/* Fetched again once the questions are answered. */
		*stale = 1;
		ui_push(ui, scr_affk_uppgifter_new(ui, kontor, period,
		    typ, rubrik, NULL, 0));
	}
	ui_message(ui, 0, "%s", said);
}

static int
ov_key(struct screen *s, const struct keyev *ev)
{
	struct overgang	*ov = s->data;

	if (ev->action == ACT_SAVE) {
		ov_save(s);
		return 1;
	}
	if (ev->action == ACT_CANCEL)
		return 0;
	if (ev->action == ACT_NEXT || ev->action == ACT_PREV) {
		ov->on_datum = !ov->on_datum;
		return 1;
	}
	if (keys_is_enter(ev)) {
		if (ov->on_datum)
			ui_message(s->ui, 0, "F2 sparar övergången.");
		ov->on_datum = 1;
		return 1;
	}
	if (ov->on_datum) {
		if (ev->code == KEY_UP) {
			ov->on_datum = 0;
			return 1;
		}
		return entry_key(&ov->datum, ev) != 0;
	}
	switch (ev->code) {
	case KEY_UP:
		if (ov->cur > 0)
			ov->cur--;
		return 1;
	case KEY_DOWN:
		if (ov->cur + 1 < ov->n)
			ov->cur++;
		else
			ov->on_datum = 1;
		return 1;
	case KEY_HOME:
		ov->cur = 0;
		return 1;
	case KEY_END:
		ov->cur = ov->n > 0 ? ov->n - 1 : 0;
		return 1;
	}
	return 0;
}

/* The row of the date field. */
static int
ov_datum_y(const struct overgang *ov)
{
	return OV_LIST_Y + (int)(ov->n > 0 ? ov->n : 1) + 1;
}

static void
ov_draw(struct screen *s, WINDOW *w)
{
	struct overgang	*ov = s->data;
	const char	*v[OC__COUNT];
	char		 line[512];
	int		 cw[OC__COUNT], width = s->cols - 2, y;
	size_t		 i;

	snprintf(line, sizeof line, "Ny övergång för %s", ov->namn);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, line, width);
	wattroff(w, A_BOLD);
	text_put(w, 1, 1, ov->nu, width);
	tbl_fit(ov_cols, OC__COUNT, width, cw);
	tbl_draw_head(w, OV_LIST_Y - 1, 1, width, ov_cols, cw, OC__COUNT);
	if (ov->n == 0)
		text_put(w, OV_LIST_Y, 1, "Inga övergångar finns från steget.",
		    width);
	for (i = 0; i < ov->n; i++) {
		v[OC_TYP] = ov->typnamn[i];
		/* The authority's name where it fits, else Af or FK. */
		v[OC_MYND] = cw[OC_MYND] >= text_width(affk_myndighet_namn(
		    ov->registrerar[i])) ? affk_myndighet_namn(
		    ov->registrerar[i]) : affk_myndighet_kort(
		    ov->registrerar[i]);
		if (i == ov->cur)
			wattron(w, ov->on_datum ? A_BOLD : A_REVERSE);
		else if (ov->registrerar[i] != ov->myndighet)
			wattron(w, A_DIM);
		tbl_draw_row(w, OV_LIST_Y + (int)i, 1, width, cw, OC__COUNT, v);
		wattroff(w, A_REVERSE | A_BOLD | A_DIM);
	}
	for (i = 0; i < ov->n && ov->registrerar[i] != ov->myndighet; i++)
		;
	if (ov->n > 0 && i == ov->n) {
		snprintf(line, sizeof line, "Härifrån registrerar %s nästa "
		    "steg.", affk_myndighet_namn(ov->registrerar[0]));
		wattron(w, A_DIM);
		text_put(w, 2, 1, line, width);
		wattroff(w, A_DIM);
	}
	y = ov_datum_y(ov);
	text_put(w, y, 1, "Datum:", 7);
	entry_draw(&ov->datum, w, y, 9, 11, ov->on_datum);
	text_wrap(w, y + 2, 1, "Steget före slutar dagen före datumet. "
	    "Datumet får inte vara senare än i dag.", width, 2);
	text_put(w, s->lines - 1, 1, "F2 Spara  Tab Val/Datum  Esc Avbryt",
	    width);
}

static int
ov_cursor(struct screen *s, int *y, int *x)
{
	struct overgang	*ov = s->data;

	if (!ov->on_datum)
		return 0;
	*y = ov_datum_y(ov);
	*x = 9 + entry_scroll(&ov->datum, 11);
	return 1;
}

static void
ov_free(struct screen *s)
{
	struct overgang	*ov = s->data;
	size_t		 i;

	for (i = 0; i < ov->n; i++)
		free(ov->typnamn[i]);
	free(ov);
}

static const struct screen_type scr_affk_overgang_type = {
	.title = "Ny övergång",
	.draw = ov_draw,
	.key = ov_key,
	.free = ov_free,
	.cursor = ov_cursor,
};

struct screen *
scr_affk_overgang_new(struct ui *ui, uint32_t kontor_insats_id,
    const struct affk_arende_row *a, const char *namn, int *stale)
{
	const struct affk_insatstyp_row	*t[OV_MAX];
	const struct affk_kontor_row	*k;
	const struct affk_period_row	*p;
	struct overgang			*ov;
	uint8_t				 m[OV_MAX];
	size_t				 i, n, pass;
	char				 today[16];

	ov = xcalloc(1, sizeof *ov);
	ov->kontor_insats_id = kontor_insats_id;
	ov->arende_id = a->id;
	ov->stale = stale;
	strlcpy(ov->namn, namn, sizeof ov->namn);
	k = affk_kontor_by_insats(ui, kontor_insats_id);
	ov->myndighet = k != NULL ? k->myndighet : 0;
	p = &a->perioder[a->nperioder - 1];
	snprintf(ov->nu, sizeof ov->nu, "Nu: %s sedan %s.", p->insatstyp,
	    p->startdatum);
	n = affk_nasta_typer(ui, p->insatstyp_id, t, m, OV_MAX);
	/* The caller's own choices first, each group in the table's order. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < n; i++) {
			if ((m[i] == ov->myndighet) != (pass == 0))
				continue;
			ov->typ[ov->n] = t[i]->id;
			ov->typnamn[ov->n] = xstrdup(t[i]->namn);
			ov->registrerar[ov->n++] = m[i];
		}
	}
	entry_init(&ov->datum, 10, 0);
	date_today_plus(0, 0, today, sizeof today);
	(void)entry_set(&ov->datum, today);
	entry_end(&ov->datum);
	return screen_new(ui, &scr_affk_overgang_type, ov);
}
