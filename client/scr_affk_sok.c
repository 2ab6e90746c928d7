/*
 * Af/FK-samarbetet: Visa deltagare (domain.md 5.2, rules 51, 53). The
 * deltagaransvarig searches the ärenden of one of his offices by
 * criteria: status, the current insatstyp, a period the co-operation
 * overlaps (from, tom), who initiated it, kön and a name with '*'.
 * MSG_AFFK_SOK answers a page at a time with the personnummer masked;
 * the list pages as the cursor moves, its office column gives way on a
 * narrow terminal and the line under the list names both offices of the
 * row under the cursor. Enter opens Historik enskild deltagare on that
 * ärende; back from it the list is fetched again on the same row.
 * Anonymous participants are never listed (they have no ärende).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk.h"
#include "client.h"
#include "proto.h"
#include "xmalloc.h"

#define SO_KONTOR_MAX	32
#define SO_TYPER_MAX	32
/* Under the list: the row's offices (two lines) and two key lines. */
#define SO_FOOT		4

enum { SF_KONTOR, SF_STATUS, SF_TYP, SF_FROM, SF_TOM, SF_INIT, SF_KON,
    SF_NAMN, SF__COUNT };

static const char *const so_status_names[] = { "Pågående", "Alla",
    "Aktuell", "I väntan", "Avslutad" };
static const uint8_t so_status_codes[] = { AFFK_S_PAGAENDE, AFFK_S_ALLA,
    AFFK_S_AKTUELL, AFFK_S_VANTAN, AFFK_S_AVSLUTAD };
#define SO_NSTATUS	(sizeof so_status_names / sizeof so_status_names[0])

static const char *const so_init_names[] = { "Af eller FK",
    "Arbetsförmedlingen", "Försäkringskassan" };
static const uint8_t so_init_codes[] = { 0, AFFK_AF, AFFK_FK };

static const char *const so_kon_names[] = { "Alla", "Kvinna", "Man" };
static const char *const so_kon_codes[] = { "", "K", "M" };

static const struct rlist_kind so_kind = {
	MSG_AFFK_SOK, MSG_AFFK_SOK_LIST,
	sizeof(struct msg_affk_sok_list), sizeof(struct affk_sok_row),
	offsetof(struct msg_affk_sok_list, total),
	offsetof(struct msg_affk_sok_list, nrows),
	offsetof(struct msg_affk_sok_list, rows),
	offsetof(struct msg_affk_sok, offset),
	offsetof(struct msg_affk_sok, limit),
};

/* At 80 columns the offices give way; the line under the list has them. */
static const struct rlist_col so_cols[] = {
	{ "Personnummer", 13, 13, 0 },
	{ "Namn", 14, 30, 0 },
	{ "Insatstyp", 12, 34, 0 },
	{ "Sedan", 10, 10, 0 },
	{ "Kontor", 14, 50, 1 },
};
#define SO_NCOLS	(sizeof so_cols / sizeof so_cols[0])

struct sok {
	struct mfield		 f[SF__COUNT];
	struct mform		 form;
	int			 started;
	int			 in_list;
	int			 back;		/* fetch again when shown */
	char			*kontor[SO_KONTOR_MAX];
	const char		*kontorp[SO_KONTOR_MAX];
	uint32_t		 kontor_insats[SO_KONTOR_MAX];
	size_t			 nkontor;
	char			*typ[SO_TYPER_MAX + 1];
	const char		*typp[SO_TYPER_MAX + 1];
	uint32_t		 typ_id[SO_TYPER_MAX + 1];
	size_t			 ntyp;
	char			 from[16], tom[16];
	char			 namn[SUS_PATTERN_MAX + 1];
	struct msg_affk_sok	 req;		/* points at the above */
	struct rlist		 list;
};

static void
so_values(const void *row, const char **v, char (*buf)[RLIST_CELL])
{
	const struct affk_sok_row	*r = row;

	v[0] = r->personnummer;
	v[1] = r->namn;
	v[2] = r->insatstyp;
	v[3] = r->sedan;
	snprintf(buf[4], RLIST_CELL, "%s / %s", r->af_kontor, r->fk_kontor);
	v[4] = buf[4];
}

/* Rows the fields take. */
static int
so_fields_rows(const struct sok *so)
{
	return SF__COUNT - (so->f[SF_KONTOR].hidden ? 1 : 0);
}

/* Row of the list's header; the count line is above it. */
static int
so_list_y(const struct sok *so)
{
	return so_fields_rows(so) + 1;
}

static void
so_fit(struct screen *s)
{
	struct sok	*so = s->data;

	rlist_resize(&so->list, s->lines - so_list_y(so) - SO_FOOT);
}

/* Reads a date field: "" or a real date; -1 with the focus on it. */
static int
so_date(struct screen *s, int i, char *out, size_t len)
{
	struct sok	*so = s->data;
	char		 typed[64];
	size_t		 a, b;

	if (entry_get(&so->f[i].entry, typed, sizeof typed) != 0)
		typed[0] = 'x', typed[1] = '\0';
	a = strspn(typed, " ");
	for (b = strlen(typed); b > a && typed[b - 1] == ' '; b--)
		;
	typed[b] = '\0';
	if (typed[a] != '\0' && !date_valid(typed + a)) {
		so->in_list = 0;
		mform_focus(&so->form, (size_t)i);
		ui_message(s->ui, 1, "%s: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. "
		    "2024-01-31, eller lämna tomt.", so->f[i].label);
		return -1;
	}
	strlcpy(out, typed + a, len);
	return 0;
}

/* Searches with the criteria in the fields. */
static void
so_search(struct screen *s)
{
	struct sok	*so = s->data;
	struct msg_affk_sok keep = so->req;
	char		 from[16], tom[16], namn[sizeof so->namn];
	char		 kfrom[16], ktom[16], knamn[sizeof so->namn];
	int		 v;

	if (so->nkontor == 0) {
		ui_message(s->ui, 1, "Du är inte deltagaransvarig på något "
		    "Af/FK-kontor.");
		return;
	}
	if (so_date(s, SF_FROM, from, sizeof from) != 0 ||
	    so_date(s, SF_TOM, tom, sizeof tom) != 0)
		return;
	if (from[0] != '\0' && tom[0] != '\0' && strcmp(from, tom) > 0) {
		so->in_list = 0;
		mform_focus(&so->form, SF_TOM);
		ui_message(s->ui, 1, "Tom får inte vara före Från.");
		return;
	}
	if (entry_get(&so->f[SF_NAMN].entry, namn, sizeof namn) != 0)
		namn[0] = '\0';
	strlcpy(kfrom, so->from, sizeof kfrom);
	strlcpy(ktom, so->tom, sizeof ktom);
	strlcpy(knamn, so->namn, sizeof knamn);
	strlcpy(so->from, from, sizeof so->from);
	strlcpy(so->tom, tom, sizeof so->tom);
	strlcpy(so->namn, namn + strspn(namn, " "), sizeof so->namn);
	memset(&so->req, 0, sizeof so->req);
	v = so->f[SF_KONTOR].value;
	so->req.kontor_insats_id = so->kontor_insats[v >= 0 &&
	    (size_t)v < so->nkontor ? v : 0];
	so->req.status = so_status_codes[so->f[SF_STATUS].value];
	so->req.insatstyp_id = so->typ_id[so->f[SF_TYP].value];
	so->req.from = so->from;
	so->req.tom = so->tom;
	so->req.initierad_av = so_init_codes[so->f[SF_INIT].value];
	so->req.kon = (char *)so_kon_codes[so->f[SF_KON].value];
	so->req.namn = so->namn;
	if (rlist_search(&so->list, s->ui) != 0) {
		/* The list shown keeps its own criteria for further pages. */
		strlcpy(so->from, kfrom, sizeof so->from);
		strlcpy(so->tom, ktom, sizeof so->tom);
		strlcpy(so->namn, knamn, sizeof so->namn);
		so->req = keep;
		so->req.from = so->from;
		so->req.tom = so->tom;
		so->req.namn = so->namn;
		return;
	}
	if (so->list.vl.total == 0) {
		ui_message(s->ui, 0, "Ingen deltagare på kontoret matchar "
		    "villkoren.");
		so->in_list = 0;
		return;
	}
	ui_message(s->ui, 0, "%s", "");
	so->in_list = 1;
}

static const struct affk_sok_row *
so_current(struct sok *so)
{
	if (!so->list.searched)
		return NULL;
	return rlist_current(&so->list);
}

/* Enter on a row: the history of that ärende. */
static void
so_open(struct screen *s)
{
	struct sok			*so = s->data;
	const struct affk_sok_row	*r = so_current(so);

	if (r == NULL)
		return;
	so->back = 1;
	ui_push(s->ui, scr_affk_historik_arende(s->ui,
	    so->req.kontor_insats_id, r->arende_id));
}

static int
so_list_key(struct screen *s, const struct keyev *ev)
{
	struct sok	*so = s->data;

	if (ev->action == ACT_NEXT || ev->action == ACT_PREV ||
	    (ev->code == KEY_UP && so->list.vl.cursor == 0)) {
		so->in_list = 0;
		mform_focus(&so->form, ev->action == ACT_NEXT ? 0 : SF_NAMN);
		return 1;
	}
	if (keys_is_enter(ev)) {
		so_open(s);
		return 1;
	}
	return rlist_key(&so->list, s->ui, ev);
}

static int
so_form_key(struct screen *s, const struct keyev *ev)
{
	struct sok	*so = s->data;

	if (keys_is_enter(ev)) {
		so_search(s);
		return 1;
	}
	if ((ev->action == ACT_NEXT || ev->code == KEY_DOWN) &&
	    so->form.focus == SF_NAMN && so->list.searched &&
	    so->list.vl.total > 0) {
		so->in_list = 1;
		return 1;
	}
	return mform_key_said(&so->form, s->ui, ev) != 0;
}

static int
so_key(struct screen *s, const struct keyev *ev)
{
	struct sok	*so = s->data;

	if (ev->action == ACT_SEARCH) {
		so_search(s);
		return 1;
	}
	if (ev->code == KEY_F(5)) {
		if (so->list.searched && rlist_refresh(&so->list, s->ui) == 0)
			ui_message(s->ui, 0, "Listan är uppdaterad.");
		else if (!so->list.searched)
			so_search(s);
		return 1;
	}
	if (ev->action == ACT_CANCEL)
		return 0;
	if (so->in_list && so->list.searched && so->list.vl.total > 0)
		return so_list_key(s, ev);
	so->in_list = 0;
	return so_form_key(s, ev);
}

static void
so_draw(struct screen *s, WINDOW *w)
{
	struct sok			*so = s->data;
	const struct affk_sok_row	*r;
	char				 line[1024];
	int				 width = s->cols - 2, y;

	if (so->started && so->nkontor == 0) {
		text_wrap(w, 1, 1, "Du är inte deltagaransvarig på något "
		    "Af/FK-kontor.", width, 3);
		return;
	}
	(void)mform_draw(&so->form, w, 0, 1, width, !so->in_list);
	y = so_list_y(so) - 1;
	if (!so->list.searched)
		text_put(w, y, 1, "Fyll i villkoren och tryck Enter.", width);
	else if (so->list.vl.total == 0)
		text_put(w, y, 1, "Inga träffar.", width);
	else {
		snprintf(line, sizeof line, "Träffar: %zu (rad %zu)",
		    so->list.vl.total, so->list.vl.cursor + 1);
		text_put(w, y, 1, line, width);
		rlist_draw(&so->list, w, y + 1, 1, width + 1, so->in_list);
		if ((r = so_current(so)) != NULL) {
			snprintf(line, sizeof line, "%s. Af: %s. FK: %s. %s "
			    "från %s.", r->insatstyp, r->af_kontor,
			    r->fk_kontor, affk_status_namn(r->status),
			    r->startdatum);
			wattron(w, A_DIM);
			text_wrap(w, s->lines - SO_FOOT, 1, line, width, 2);
			wattroff(w, A_DIM);
		}
	}
	text_put(w, s->lines - 2, 1, "Enter Sök / Visa historik  F3 Sök",
	    width);
	text_put(w, s->lines - 1, 1, "F5 Uppdatera  Tab Fält/Lista", width);
}

/* The offices and insatstyper once; back from Historik the list again. */
static void
so_enter(struct screen *s)
{
	struct sok			*so = s->data;
	const struct affk_kontor_row	*k[SO_KONTOR_MAX];
	const struct msg_affk_styrdata	*d;
	size_t				 i, n;

	if (!remote_connected(s->ui->remote))
		return;
	if (!so->started) {
		so->started = 1;
		n = affk_mina_kontor(s->ui, k, SO_KONTOR_MAX);
		for (i = 0; i < n; i++) {
			so->kontor[i] = xstrdup(k[i]->namn);
			so->kontorp[i] = so->kontor[i];
			so->kontor_insats[i] = k[i]->insats_id;
		}
		so->nkontor = n;
		so->f[SF_KONTOR].choices = so->kontorp;
		so->f[SF_KONTOR].nchoices = n;
		so->f[SF_KONTOR].hidden = n <= 1;
		so->typ[0] = xstrdup("Alla");
		so->ntyp = 1;
		if ((d = affk_styrdata(s->ui)) != NULL) {
			for (i = 0; i < d->ntyper && so->ntyp <=
			    SO_TYPER_MAX; i++) {
				so->typ[so->ntyp] = xstrdup(d->typer[i].namn);
				so->typ_id[so->ntyp++] = d->typer[i].id;
			}
		}
		for (i = 0; i < so->ntyp; i++)
			so->typp[i] = so->typ[i];
		so->f[SF_TYP].choices = so->typp;
		so->f[SF_TYP].nchoices = so->ntyp;
		mform_focus(&so->form, 0);
		so_fit(s);
		return;
	}
	if (so->back && so->list.searched)
		(void)rlist_refresh(&so->list, s->ui);
	else if (so->list.searched)
		rlist_fill(&so->list, s->ui);
	so->back = 0;
}

static void
so_layout(struct screen *s, int lines, int cols)
{
	(void)lines;
	(void)cols;
	so_fit(s);
}

static int
so_cursor(struct screen *s, int *y, int *x)
{
	struct sok	*so = s->data;

	if (so->in_list || (so->started && so->nkontor == 0))
		return 0;
	return mform_cursor(&so->form, 0, 1, s->cols - 2, y, x);
}

static void
so_free(struct screen *s)
{
	struct sok	*so = s->data;
	size_t		 i;

	rlist_free(&so->list);
	for (i = 0; i < so->nkontor; i++)
		free(so->kontor[i]);
	for (i = 0; i < so->ntyp; i++)
		free(so->typ[i]);
	free(so);
}

static const struct screen_type scr_affk_sok_type = {
	.title = "Visa deltagare",
	.enter = so_enter,
	.layout = so_layout,
	.draw = so_draw,
	.key = so_key,
	.free = so_free,
	.cursor = so_cursor,
};

struct screen *
scr_affk_sok_new(struct ui *ui)
{
	static const char *const labels[SF__COUNT] = { "Kontor", "Status",
	    "Insatstyp", "Från", "Tom", "Initierad av", "Kön", "Namn" };
	struct sok	*so;
	size_t		 i;

	so = xcalloc(1, sizeof *so);
	for (i = 0; i < SF__COUNT; i++) {
		so->f[i].kind = MF_CHOICE;
		so->f[i].label = labels[i];
	}
	so->f[SF_STATUS].choices = so_status_names;
	so->f[SF_STATUS].nchoices = SO_NSTATUS;
	so->f[SF_INIT].choices = so_init_names;
	so->f[SF_INIT].nchoices = sizeof so_init_names / sizeof so_init_names[0];
	so->f[SF_KON].choices = so_kon_names;
	so->f[SF_KON].nchoices = sizeof so_kon_names / sizeof so_kon_names[0];
	so->f[SF_FROM].kind = MF_ENTRY;
	entry_init(&so->f[SF_FROM].entry, 10, 0);
	so->f[SF_TOM].kind = MF_ENTRY;
	entry_init(&so->f[SF_TOM].entry, 10, 0);
	so->f[SF_NAMN].kind = MF_ENTRY;
	entry_init(&so->f[SF_NAMN].entry, SUS_PATTERN_MAX, 0);
	entry_limit_bytes(&so->f[SF_NAMN].entry, SUS_PATTERN_MAX);
	mform_init(&so->form, so->f, SF__COUNT);
	rlist_init(&so->list, &so_kind, &so->req, so_cols, SO_NCOLS,
	    so_values);
	return screen_new(ui, &scr_affk_sok_type, so);
}
