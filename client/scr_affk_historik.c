/*
 * Af/FK-samarbetet: Historik enskild deltagare (domain.md 5.2, rules 51,
 * 53). The deltagaransvarig chooses one of his offices (none to choose
 * with one), types a personnummer and gets the person with each of the
 * ärenden the office handles (MSG_AFFK_HISTORIK_GET): status, dates, the
 * handläggande offices and who initiated it, one row per insatstyp
 * period (insatstyp, Af-kontor, start, slut, registered by and Visa
 * uppgifter: Välj when answered, Skapa when answers are missing), then
 * the office changes. The page scrolls and the cursor moves over the
 * period rows; the columns that do not fit give way and the line under
 * the page names them for the row under the cursor. Enter on Välj or
 * Skapa opens Registrera uppgifter; F7 registers an övergång on an open
 * ärende (scr_affk_overgang.c). Back from either the history is fetched
 * again, on the same period.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk.h"
#include "affk_historik.h"
#include "client.h"
#include "pnr.h"
#include "proto.h"
#include "xmalloc.h"

/* ---- Fetching ---- */

/* Fetches the history as asked; what is shown stays on failure. */
static int
hi_load(struct screen *s, uint32_t kontor, const char *pnr,
    uint32_t arende_id)
{
	struct hist			*hi = s->data;
	const struct affk_period_row	*was;
	struct msg_affk_historik_get	 req;
	struct msg_affk_historik	 rep;
	uint32_t			 keep = 0;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.kontor_insats_id = kontor;
	req.personnummer = (char *)pnr;
	req.arende_id = arende_id;
	if (ui_call(s->ui, MSG_AFFK_HISTORIK_GET, &req, MSG_AFFK_HISTORIK,
	    &rep) != 0)
		return -1;
	if ((was = hi_period(hi, NULL)) != NULL && hi->kontor_insats_id ==
	    kontor && (arende_id != 0 ? hi->arende_id == arende_id :
	    strcmp(hi->pnr, pnr) == 0))
		keep = was->id;
	if (hi->loaded)
		msg_clear(MSG_AFFK_HISTORIK, &hi->h);
	hi->h = rep;
	hi->loaded = 1;
	hi->stale = 0;
	hi->kontor_insats_id = kontor;
	hi->arende_id = arende_id;
	strlcpy(hi->pnr, pnr, sizeof hi->pnr);
	hi_build(hi, s->cols - 2);
	hi_place(hi, keep);
	hi->in_list = hi->cur < hi->nl;
	hi_clamp(s, 1);
	return 0;
}

/* Forgets the history shown. */
static void
hi_unload(struct hist *hi)
{
	if (hi->loaded)
		msg_clear(MSG_AFFK_HISTORIK, &hi->h);
	memset(&hi->h, 0, sizeof hi->h);
	hi->loaded = 0;
	hi->kontor_insats_id = 0;
	hi->arende_id = 0;
	hi->pnr[0] = '\0';
	hi->in_list = 0;
	hi_lines_free(hi);
}

/* The office chosen in the field. */
static uint32_t
hi_kontor(struct hist *hi)
{
	int	v = hi->f[HF_KONTOR].value;

	if (hi->nkontor == 0 || v < 0 || (size_t)v >= hi->nkontor)
		return 0;
	return hi->kontor_insats[v];
}

/* Sök: the personnummer typed, on the office chosen. */
static void
hi_search(struct screen *s)
{
	struct hist	*hi = s->data;
	struct pnr	 p;
	char		 typed[64];
	int		 rv;

	if (hi_kontor(hi) == 0) {
		ui_message(s->ui, 1, "Du är inte deltagaransvarig på något "
		    "Af/FK-kontor.");
		return;
	}
	if (entry_get(&hi->f[HF_PNR].entry, typed, sizeof typed) != 0)
		typed[0] = '\0';
	if (typed[strspn(typed, " ")] == '\0') {
		mform_focus(&hi->form, HF_PNR);
		hi->in_list = 0;
		ui_message(s->ui, 1, "Skriv personnumret och tryck Enter.");
		return;
	}
	memset(&p, 0, sizeof p);
	if ((rv = pnr_parse(typed, 0, &p)) != PNR_OK) {
		mform_focus(&hi->form, HF_PNR);
		hi->in_list = 0;
		ui_message(s->ui, 1, "%s", pnr_strerror(rv));
		return;
	}
	if (hi_load(s, hi_kontor(hi), p.norm, 0) == 0)
		ui_message(s->ui, 0, "%s", "");
	else
		/* The refusal is said; nobody else's history stays shown. */
		hi_unload(hi);
}

/* F5, and back from a screen opened here: the same again. */
static void
hi_reload(struct screen *s)
{
	struct hist	*hi = s->data;

	if (hi->kontor_insats_id == 0)
		return;
	(void)hi_load(s, hi->kontor_insats_id, hi->arende_id != 0 ? "" :
	    hi->pnr, hi->arende_id);
}

/* ---- Actions ---- */

/* Enter on a period: Registrera uppgifter, to view or create. */
static void
hi_uppgifter(struct screen *s)
{
	struct hist			*hi = s->data;
	const struct affk_arende_row	*a;
	const struct affk_period_row	*p;
	char				 rubrik[512];

	if ((p = hi_period(hi, &a)) == NULL)
		return;
	if (p->uppgifter == AFFK_U_INGA) {
		ui_message(s->ui, 0, "%s har inga uppgifter att registrera.",
		    p->insatstyp);
		return;
	}
	snprintf(rubrik, sizeof rubrik, "%s: %s från %s", hi->h.namn,
	    p->insatstyp, p->startdatum);
	hi->stale = 1;
	ui_push(s->ui, scr_affk_uppgifter_new(s->ui, hi->kontor_insats_id,
	    p->id, p->insatstyp_id, rubrik, p->svar, p->nsvar));
}

/* F7: Ny övergång on the ärende under the cursor. */
static void
hi_overgang(struct screen *s)
{
	struct hist			*hi = s->data;
	const struct affk_arende_row	*a;
	const struct affk_period_row	*p;

	if ((p = hi_period(hi, &a)) == NULL) {
		ui_message(s->ui, 1, "Sök först fram deltagaren.");
		return;
	}
	if (a->slutdatum[0] != '\0' || a->nperioder == 0) {
		ui_message(s->ui, 1, "Ärendet är avslutat. Kommer personen "
		    "tillbaka registreras ny medverkan med nytt samtycke.");
		return;
	}
	hi->stale = 1;
	ui_push(s->ui, scr_affk_overgang_new(s->ui, hi->kontor_insats_id,
	    a, hi->h.namn, &hi->stale));
}

/* Moves the cursor to the next period line in direction dir. */
static int
hi_step(struct screen *s, int dir, int count)
{
	struct hist	*hi = s->data;
	size_t		 i = hi->cur, last = hi->cur;
	int		 moved = 0;

	while (count > 0) {
		if (dir < 0 && i == 0)
			break;
		i = dir < 0 ? i - 1 : i + 1;
		if (i >= hi->nl)
			break;
		if (hi->l[i].kind == HL_PERIOD) {
			last = i;
			moved = 1;
			count--;
		}
	}
	hi->cur = last;
	return moved;
}

/* Keys on the page: the cursor, Enter, scrolling past the last row. */
static int
hi_list_key(struct screen *s, const struct keyev *ev)
{
	struct hist	*hi = s->data;
	int		 page = hi_rows(s) - 1, moved = 1;

	if (ev->action == ACT_NEXT || ev->action == ACT_PREV) {
		hi->in_list = 0;
		mform_focus(&hi->form, HF_PNR);
		return 1;
	}
	if (keys_is_enter(ev)) {
		hi_uppgifter(s);
		return 1;
	}
	switch (ev->code) {
	case KEY_UP:
		if (!hi_step(s, -1, 1)) {
			moved = 0;
			if (hi->top > 0)
				hi->top = 0;
			else {
				hi->in_list = 0;
				mform_focus(&hi->form, HF_PNR);
			}
		}
		break;
	case KEY_DOWN:
		if (!hi_step(s, 1, 1) && (moved = 0,
		    hi->top + hi_rows(s) < (int)hi->nl))
			hi->top++;
		break;
	case KEY_PPAGE:
		if (!hi_step(s, -1, page > 1 ? page : 1))
			moved = 0, hi->top -= page;
		break;
	case KEY_NPAGE:
		if (!hi_step(s, 1, page > 1 ? page : 1))
			moved = 0, hi->top += page;
		break;
	case KEY_HOME:
		hi->top = 0;
		hi_place(hi, 0);
		break;
	case KEY_END:
		(void)hi_step(s, 1, (int)hi->nl);
		hi->top = (int)hi->nl;
		moved = 0;
		break;
	default:
		return 0;
	}
	hi_clamp(s, moved);
	return 1;
}

/* Keys in the fields: Enter searches, Down goes to the periods. */
static int
hi_form_key(struct screen *s, const struct keyev *ev)
{
	struct hist	*hi = s->data;
	int		 rv, was = hi->f[HF_KONTOR].value;

	if (keys_is_enter(ev)) {
		if (hi->form.focus == HF_PNR)
			hi_search(s);
		else
			mform_focus(&hi->form, HF_PNR);
		return 1;
	}
	if ((ev->action == ACT_NEXT || ev->code == KEY_DOWN) &&
	    hi->form.focus == HF_PNR) {
		if (hi->loaded && hi->cur < hi->nl)
			hi->in_list = 1;
		else if (!hi->f[HF_KONTOR].hidden && ev->action == ACT_NEXT)
			mform_focus(&hi->form, HF_KONTOR);
		return 1;
	}
	rv = mform_key_said(&hi->form, s->ui, ev);
	/* Another office: what the last one showed does not apply. */
	if (hi->f[HF_KONTOR].value != was)
		hi_unload(hi);
	return rv != 0;
}

static int
hi_key(struct screen *s, const struct keyev *ev)
{
	struct hist	*hi = s->data;

	if (ev->action == ACT_SEARCH) {
		hi_search(s);
		return 1;
	}
	if (ev->code == KEY_F(5)) {
		if (hi->loaded) {
			hi_reload(s);
			return 1;
		}
		hi_search(s);
		return 1;
	}
	if (ev->code == KEY_F(7)) {
		hi_overgang(s);
		return 1;
	}
	if (ev->action == ACT_CANCEL)
		return 0;
	if (hi->in_list && hi->loaded)
		return hi_list_key(s, ev);
	hi->in_list = 0;
	return hi_form_key(s, ev);
}

/* ---- Drawing ---- */

static void
hi_draw(struct screen *s, WINDOW *w)
{
	struct hist	*hi = s->data;
	char		 line[1024], nr[16];
	struct pnr	 p;
	int		 y, width = s->cols - 2, rows;

	if (hi->started && hi->nkontor == 0) {
		text_wrap(w, 1, 1, "Du är inte deltagaransvarig på något "
		    "Af/FK-kontor.", width, 3);
		return;
	}
	y = mform_draw(&hi->form, w, 0, 1, width, !hi->in_list);
	if (!hi->loaded)
		text_wrap(w, y + 1, 1, "Skriv personnumret och tryck Enter. "
		    "Bara deltagare på kontoret visas; anonyma deltagare finns "
		    "inte i historiken.", width, 4);
	else {
		if (hi->built_width != width)
			hi_build(hi, width);
		hi_clamp(s, 0);
		memset(&p, 0, sizeof p);
		if (pnr_parse(hi->h.personnummer, 0, &p) == PNR_OK)
			pnr_format(&p, nr, sizeof nr);
		else
			strlcpy(nr, hi->h.personnummer, sizeof nr);
		snprintf(line, sizeof line, "%s, %s, %s", hi->h.namn, nr,
		    hi->h.kommun);
		wattron(w, A_BOLD);
		text_put(w, y, 1, line, width);
		wattroff(w, A_BOLD);
		hi_draw_page(s, w, hi_page_y(s));
		rows = hi_rows(s);
		if ((int)hi->nl > rows) {
			snprintf(line, sizeof line, "Rad %d–%d av %zu (PgDn, "
			    "PgUp)", hi->top + 1, hi->top + rows <
			    (int)hi->nl ? hi->top + rows : (int)hi->nl,
			    hi->nl);
			wattron(w, A_DIM);
			text_put(w, s->lines - HI_FOOT, 1, line, width);
			wattroff(w, A_DIM);
		} else
			hi_draw_detail(s, w, s->lines - HI_FOOT);
	}
	text_put(w, s->lines - 2, 1, "Enter Välj/Skapa uppgifter  "
	    "F7 Ny övergång", width);
	text_put(w, s->lines - 1, 1, hi->arende_id != 0 ? "F3 Sök  "
	    "F5 Uppdatera  Esc Tillbaka" : "F3 Sök  F5 Uppdatera", width);
}

/* ---- The screen ---- */

/* The offices, once; opened on an ärende, fetched at once. */
static void
hi_enter(struct screen *s)
{
	struct hist			*hi = s->data;
	const struct affk_kontor_row	*k[HI_KONTOR_MAX];
	size_t				 i, n;
	int				 want = 0;

	if (!remote_connected(s->ui->remote))
		return;
	if (!hi->started) {
		hi->started = 1;
		n = affk_mina_kontor(s->ui, k, HI_KONTOR_MAX);
		for (i = 0; i < n; i++) {
			hi->kontor[i] = xstrdup(k[i]->namn);
			hi->kontorp[i] = hi->kontor[i];
			hi->kontor_insats[i] = k[i]->insats_id;
			if (k[i]->insats_id == hi->kontor_insats_id)
				want = (int)i;
		}
		hi->nkontor = n;
		hi->f[HF_KONTOR].choices = hi->kontorp;
		hi->f[HF_KONTOR].nchoices = n;
		hi->f[HF_KONTOR].value = want;
		hi->f[HF_KONTOR].hidden = n <= 1;
		mform_focus(&hi->form, HF_PNR);
		if (hi->arende_id != 0) {
			if (hi_load(s, hi->kontor_insats_id, "",
			    hi->arende_id) == 0 && hi->loaded)
				(void)entry_set(&hi->f[HF_PNR].entry,
				    hi->h.personnummer);
		}
		return;
	}
	if (hi->stale && hi->loaded)
		hi_reload(s);
}

static void
hi_layout(struct screen *s, int lines, int cols)
{
	struct hist	*hi = s->data;

	(void)lines;
	if (hi->loaded && hi->built_width != cols - 2)
		hi_build(hi, cols - 2);
	hi_clamp(s, 1);
}

static int
hi_cursor(struct screen *s, int *y, int *x)
{
	struct hist	*hi = s->data;

	if (hi->in_list || (hi->started && hi->nkontor == 0))
		return 0;
	return mform_cursor(&hi->form, 0, 1, s->cols - 2, y, x);
}

static void
hi_free(struct screen *s)
{
	struct hist	*hi = s->data;
	size_t		 i;

	hi_lines_free(hi);
	if (hi->loaded)
		msg_clear(MSG_AFFK_HISTORIK, &hi->h);
	for (i = 0; i < hi->nkontor; i++)
		free(hi->kontor[i]);
	free(hi);
}

static const struct screen_type scr_affk_historik_type = {
	.title = "Historik enskild deltagare",
	.enter = hi_enter,
	.layout = hi_layout,
	.draw = hi_draw,
	.key = hi_key,
	.free = hi_free,
	.cursor = hi_cursor,
};

struct screen *
scr_affk_historik_new(struct ui *ui)
{
	struct hist	*hi;

	hi = xcalloc(1, sizeof *hi);
	hi->f[HF_KONTOR].kind = MF_CHOICE;
	hi->f[HF_KONTOR].label = "Kontor";
	hi->f[HF_PNR].kind = MF_ENTRY;
	hi->f[HF_PNR].label = "Personnummer";
	entry_init(&hi->f[HF_PNR].entry, 13, 0);
	mform_init(&hi->form, hi->f, HF__COUNT);
	return screen_new(ui, &scr_affk_historik_type, hi);
}

struct screen *
scr_affk_historik_arende(struct ui *ui, uint32_t kontor_insats_id,
    uint32_t arende_id)
{
	struct screen	*s = scr_affk_historik_new(ui);
	struct hist	*hi = s->data;

	hi->kontor_insats_id = kontor_insats_id;
	hi->arende_id = arende_id;
	return s;
}
