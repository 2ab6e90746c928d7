/*
 * Registrera anonyma deltagare (domain.md 2.6(b), rules 34, 35 and 43):
 * the deltagaransvarig chooses one of the insatser he registers
 * deltagare in, an inregistreringsår among those the insats allows
 * (this year to begin with), and types a number of women and a number of
 * men. F2 Spara adds both (the original's two "Lägg till" in one), and
 * the year's totals and every batch registered that year (when, by
 * whom, kön, antal) show below. The screen says what anonymous
 * registration is for and that a batch counts for its year only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "deltagande.h"
#include "proto.h"
#include "xmalloc.h"

/* Most added per kön at once (the server's limit), and typed width. */
#define ANONYM_ANTAL_MAX	10000UL
#define ANONYM_CHARS		6
/* Years a choice can offer (the table takes 1990-2200). */
#define ANONYM_YEARS_MAX	256
/* Rows above the fields, and the lines the explanation may take. */
#define ANONYM_FORM_Y		3
#define ANONYM_INFO_LINES	6

static const char anonym_info[] = "Anonyma deltagare räknas bara för "
    "valt kalenderår: ska de räknas ett annat år registreras de igen för "
    "det året. För den som inte samtyckt till registrering eller har "
    "skyddade personuppgifter. Bara kön och antal sparas.";

/* The chooser's columns. */
enum { AI_NAMN, AI_SAMORG, AI_START, AI__COUNT };

static const struct tbl_col anonym_insats_cols[AI__COUNT] = {
	[AI_NAMN] = { "Insats", 20, 40, 0, NULL, 0 },
	[AI_SAMORG] = { "Samverkansorganisation", 14, 50, 2, NULL, 0 },
	[AI_START] = { "Startdatum", 10, 10, 1, NULL, 0 },
};

/* The fields. */
enum { AF_AR, AF_KVINNOR, AF_MAN, AF__COUNT };

struct anonym {
	int		 choosing;	/* the chooser shows */
	int		 several;	/* Esc goes back to the chooser */
	int		 started;
	struct chooser	 ch;
	uint32_t	 insats_id;
	int		 loaded;
	struct msg_anonym rep;		/* the year as last fetched */
	char		 fel[SUS_MESSAGE_MAX + 1]; /* why nothing shows */
	struct mfield	 f[AF__COUNT];
	struct mform	 form;
	char		 years[ANONYM_YEARS_MAX][8];
	const char	*yearp[ANONYM_YEARS_MAX];
	size_t		 top;		/* first batch row shown */
	int		 list_rows;	/* batch rows that fit */
};

/*
 * Chooser fetch: the insatser of the Startsida where the user may
 * register anonymous participants, all at once. START_A_DELTAGARE is
 * granted on the same terms (an uppdrag on an insats categorised to
 * register persons), so a server without START_A_ANONYM still works.
 */
static int
anonym_fetch(struct plist *pl, size_t offset, size_t limit, size_t *total)
{
	struct screen		*s = pl->arg;
	struct msg_start	 rep;
	const struct start_rad	*r;
	const char		*v[AI__COUNT];
	uint32_t		 i;
	int			 rv;

	(void)limit;
	*total = pl->vl.loaded;
	if (offset != 0)
		return 0;
	memset(&rep, 0, sizeof rep);
	if ((rv = ui_call(s->ui, MSG_START_GET, NULL, MSG_START, &rep)) != 0)
		return rv;
	for (i = 0; i < rep.nrader; i++) {
		r = &rep.rader[i];
		if (r->insats_id == 0 || (r->actions & (START_A_ANONYM |
		    START_A_DELTAGARE)) == 0)
			continue;
		v[AI_NAMN] = r->insats;
		v[AI_SAMORG] = r->samorg;
		v[AI_START] = r->startdatum;
		plist_add(pl, r->insats_id, r->samorg_id, v);
	}
	*total = pl->vl.loaded;
	msg_clear(MSG_START, &rep);
	return 0;
}

/* Reports whether a number field holds anything. */
static int
anonym_typed(const struct anonym *a, int i)
{
	return a->f[i].entry.len > 0;
}

/* The year choices from the reply, the year shown chosen. */
static void
anonym_years(struct anonym *a)
{
	struct mfield	*mf = &a->f[AF_AR];
	uint32_t	 y;
	size_t		 n = 0;

	mf->value = 0;
	for (y = a->rep.forsta_ar; y <= a->rep.sista_ar &&
	    n < ANONYM_YEARS_MAX; y++, n++) {
		snprintf(a->years[n], sizeof a->years[n], "%u", y);
		a->yearp[n] = a->years[n];
		if (y == a->rep.ar)
			mf->value = (int)n;
	}
	mf->choices = a->yearp;
	mf->nchoices = n;
}

/* Fetches year ar (0: this year or the nearest) and shows it; 0 if so. */
static int
anonym_load(struct screen *s, uint32_t ar)
{
	struct anonym		*a = s->data;
	struct msg_anonym_get	 req;
	struct msg_anonym	 rep;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.insats_id = a->insats_id;
	req.ar = ar;
	if (ui_call(s->ui, MSG_ANONYM_GET, &req, MSG_ANONYM, &rep) != 0) {
		if (!a->loaded)
			snprintf(a->fel, sizeof a->fel, "%s", s->ui->message);
		return -1;
	}
	if (a->loaded)
		msg_clear(MSG_ANONYM, &a->rep);
	a->rep = rep;
	a->loaded = 1;
	a->fel[0] = '\0';
	a->top = 0;
	anonym_years(a);
	return 0;
}

/* Opens insats id on this year, the numbers empty. */
static void
anonym_open(struct screen *s, uint32_t id)
{
	struct anonym	*a = s->data;

	a->insats_id = id;
	a->choosing = 0;
	entry_clear(&a->f[AF_KVINNOR].entry);
	entry_clear(&a->f[AF_MAN].entry);
	mform_focus(&a->form, AF_KVINNOR);
	anonym_load(s, 0);
}

/* Asks before typed numbers are thrown away; 1 to go ahead. */
static int
anonym_may_drop(struct screen *s, const char *question)
{
	struct anonym	*a = s->data;
	const char	*ask[2] = { "Antalen är inte sparade.", question };

	if (!a->loaded || (!anonym_typed(a, AF_KVINNOR) &&
	    !anonym_typed(a, AF_MAN)))
		return 1;
	return ui_ask(s->ui, "Ej sparat", ask, 2);
}

/*
 * Reads number field i into *out: empty is 0. A letter or a number too
 * large is said on the message line with the focus on the field and
 * what was typed kept; -1 then.
 */
static int
anonym_number(struct screen *s, int i, uint32_t *out)
{
	struct anonym	*a = s->data;
	char		 text[ANONYM_CHARS * 4 + 1];
	size_t		 b, e;

	*out = 0;
	if (entry_get(&a->f[i].entry, text, sizeof text) != 0)
		text[0] = 'x';
	for (b = 0; text[b] == ' '; b++)
		;
	for (e = strlen(text); e > b && text[e - 1] == ' '; e--)
		;
	text[e] = '\0';
	if (text[b] == '\0')
		return 0;
	if (strspn(text + b, "0123456789") != e - b) {
		a->form.focus = (size_t)i;
		ui_message(s->ui, 1, "%s: skriv antalet med siffror, till "
		    "exempel 3.", a->f[i].label);
		return -1;
	}
	if (e - b > 5 || strtoul(text + b, NULL, 10) > ANONYM_ANTAL_MAX) {
		a->form.focus = (size_t)i;
		ui_message(s->ui, 1, "%s får vara högst 10 000 åt gången.",
		    a->f[i].label);
		return -1;
	}
	*out = (uint32_t)strtoul(text + b, NULL, 10);
	return 0;
}

/* F2 Spara: both numbers added to the year shown, then shown again. */
static void
anonym_save(struct screen *s)
{
	struct anonym		*a = s->data;
	struct msg_anonym_save	 q;
	struct msg_ok		 ok;
	char			 said[SUS_MESSAGE_MAX + 1];

	memset(&q, 0, sizeof q);
	memset(&ok, 0, sizeof ok);
	if (anonym_number(s, AF_KVINNOR, &q.kvinnor) != 0 ||
	    anonym_number(s, AF_MAN, &q.man) != 0)
		return;
	if (q.kvinnor == 0 && q.man == 0) {
		mform_focus(&a->form, AF_KVINNOR);
		ui_message(s->ui, 1, "Ange antal kvinnor eller antal män att "
		    "lägga till.");
		return;
	}
	q.insats_id = a->insats_id;
	q.ar = a->rep.ar;
	/* A refusal is on the message line; the numbers stay. */
	if (ui_call(s->ui, MSG_ANONYM_SAVE, &q, MSG_OK, &ok) != 0)
		return;
	snprintf(said, sizeof said, "%s", ok.message);
	msg_clear(MSG_OK, &ok);
	entry_clear(&a->f[AF_KVINNOR].entry);
	entry_clear(&a->f[AF_MAN].entry);
	mform_focus(&a->form, AF_KVINNOR);
	if (anonym_load(s, q.ar) != 0) {
		/* The reason is on the message line, which is written over. */
		snprintf(said, sizeof said, "%s", s->ui->message);
		ui_message(s->ui, 1, "Sparat, men året kunde inte hämtas igen: "
		    "%s", said);
		return;
	}
	ui_message(s->ui, 0, "%s", said);
}

/* Esc: back to the chooser, or away, asking first. */
static int
anonym_cancel(struct screen *s)
{
	struct anonym	*a = s->data;

	if (a->several) {
		if (!anonym_may_drop(s, "Välja en annan insats ändå? (j/n)"))
			return 1;
		if (a->loaded)
			msg_clear(MSG_ANONYM, &a->rep);
		a->loaded = 0;
		a->choosing = 1;
		return 1;
	}
	/* Only a pop frees the screen; the menu keeps what was typed. */
	if (s->ui->nstack > 1 && !anonym_may_drop(s, "Lämna skärmen ändå? "
	    "(j/n)"))
		return 1;
	return 0;
}

/* Scrolls the batches by delta rows. */
static void
anonym_scroll(struct anonym *a, long delta)
{
	long	top = (long)a->top + delta;
	long	last = (long)a->rep.nrader - (a->list_rows > 0 ?
		    a->list_rows : 1);

	if (top > last)
		top = last;
	if (top < 0)
		top = 0;
	a->top = (size_t)top;
}

/* Keys on the fields: the year reloads; a letter in a number is said. */
static int
anonym_form_key(struct screen *s, const struct keyev *ev)
{
	struct anonym	*a = s->data;
	size_t		 focus = a->form.focus;
	int		 was = a->f[AF_AR].value, r;

	if (keys_is_enter(ev)) {
		if (focus == AF_MAN)
			anonym_save(s);
		else
			mform_focus(&a->form, focus + 1);
		return 1;
	}
	r = mform_key(&a->form, ev);
	if (r == ENTRY_KEY_FULL)
		ui_message(s->ui, 1, "%s får vara högst 10 000 åt gången.",
		    a->f[focus].label);
	else if (r != 0 && focus != AF_AR && ev->code == 0 &&
	    ev->ch > L' ' && (ev->ch < L'0' || ev->ch > L'9'))
		ui_message(s->ui, 1, "%s: skriv antalet med siffror, till "
		    "exempel 3.", a->f[focus].label);
	if (focus == AF_AR && a->f[AF_AR].value != was &&
	    anonym_load(s, (uint32_t)strtoul(a->yearp[a->f[AF_AR].value],
	    NULL, 10)) != 0)
		a->f[AF_AR].value = was;
	return r != 0;
}

/* Keys once an insats is shown. */
static int
anonym_shown_key(struct screen *s, const struct keyev *ev)
{
	struct anonym	*a = s->data;

	if (ev->action == ACT_SAVE)
		anonym_save(s);
	else if (ev->action == ACT_CANCEL)
		return anonym_cancel(s);
	else if (ev->code == KEY_PPAGE || ev->code == KEY_NPAGE)
		anonym_scroll(a, (ev->code == KEY_NPAGE ? 1 : -1) *
		    (a->list_rows > 1 ? a->list_rows - 1 : 1));
	else
		return anonym_form_key(s, ev);
	return 1;
}

/* Routes keys: the chooser until an insats is chosen, then the form. */
static int
anonym_key(struct screen *s, const struct keyev *ev)
{
	struct anonym		*a = s->data;
	struct plist_row	*row;
	int			 rv;

	if (!a->choosing && a->loaded)
		return anonym_shown_key(s, ev);
	/* The insats could not be shown: Esc goes back to the list. */
	if (!a->choosing && ev->action == ACT_CANCEL && a->several) {
		a->choosing = 1;
		return 1;
	}
	if (!a->choosing || ev->action == ACT_CANCEL)
		return 0;
	rv = chooser_key(&a->ch, s->ui, ev);
	if (rv == CHOOSER_PICKED && (row = plist_current(&a->ch.pl)) != NULL) {
		anonym_open(s, row->id);
		return 1;
	}
	return rv;
}

/* Loads the chooser, or the insats given, the first time. */
static void
anonym_enter(struct screen *s)
{
	struct anonym		*a = s->data;
	struct plist_row	*only;

	if (a->started || !remote_connected(s->ui->remote))
		return;
	a->started = 1;
	if (!a->choosing) {
		anonym_load(s, 0);
		return;
	}
	if (chooser_start(&a->ch, s->ui) != 0)
		return;
	if (a->ch.pl.vl.total == 0)
		ui_message(s->ui, 1, "Du är inte deltagaransvarig för någon "
		    "insats som registrerar deltagare.");
	else if ((only = chooser_only(&a->ch)) != NULL)
		anonym_open(s, only->id);
	else
		a->several = 1;
}

/* Fits the chooser's list. */
static void
anonym_layout(struct screen *s, int lines, int cols)
{
	(void)cols;
	chooser_layout(&((struct anonym *)s->data)->ch, lines);
}

/* Draws the year's totals and the batches from y down to the foot. */
static void
anonym_draw_batches(struct screen *s, WINDOW *w, int y)
{
	struct anonym		*a = s->data;
	const struct anonym_rad	*r;
	char			 line[600];
	int			 width = s->cols - 2, i, foot = s->lines - 1;

	snprintf(line, sizeof line, "Registrerat för %u: kvinnor %u, män %u, "
	    "totalt %lu.", a->rep.ar, a->rep.kvinnor, a->rep.man,
	    (unsigned long)a->rep.kvinnor + a->rep.man);
	wattron(w, A_BOLD);
	text_put(w, y++, 1, line, width);
	wattroff(w, A_BOLD);
	if (a->rep.nrader == 0) {
		snprintf(line, sizeof line, "Inga anonyma deltagare "
		    "registrerade för %u.", a->rep.ar);
		text_put(w, y, 1, line, width);
		a->list_rows = 0;
		return;
	}
	wattron(w, A_BOLD | A_UNDERLINE);
	/* "Kön" padded by hand: printf counts the two bytes of ö. */
	text_put(w, y++, 1, "Registrerad       Kön     Antal  Av", width);
	wattroff(w, A_BOLD | A_UNDERLINE);
	a->list_rows = foot - y > 0 ? foot - y : 0;
	anonym_scroll(a, 0);
	for (i = 0; i < a->list_rows; i++) {
		if (a->top + (size_t)i >= a->rep.nrader)
			break;
		r = &a->rep.rader[a->top + (size_t)i];
		snprintf(line, sizeof line, "%-16s  %-6s  %5u  %s",
		    r->registrerad, r->kon, r->antal, r->registrerad_av);
		/* %-6s pads by bytes: "Kvinna" and "Man" are plain ASCII. */
		text_put(w, y++, 1, line, width);
	}
}

/* Draws the insats, the fields, the explanation, totals and batches. */
static void
anonym_draw_shown(struct screen *s, WINDOW *w)
{
	struct anonym	*a = s->data;
	char		 line[600];
	int		 width = s->cols - 2, y, n, dirty;

	wattron(w, A_BOLD);
	text_put(w, 0, 1, a->rep.insats, width);
	wattroff(w, A_BOLD);
	text_put(w, 1, 1, a->rep.samorg, width);
	y = mform_draw(&a->form, w, ANONYM_FORM_Y, 1, width, 1);
	snprintf(line, sizeof line, "(%u–%u)", a->rep.forsta_ar,
	    a->rep.sista_ar);
	text_put(w, ANONYM_FORM_Y, a->form.label_width + 4 +
	    text_width("‹ 0000 ›"), line, text_width(line));
	wattron(w, A_DIM);
	n = text_wrap(w, y + 1, 1, anonym_info, width, ANONYM_INFO_LINES);
	wattroff(w, A_DIM);
	anonym_draw_batches(s, w, y + n + 2);
	dirty = anonym_typed(a, AF_KVINNOR) || anonym_typed(a, AF_MAN);
	snprintf(line, sizeof line, "%s", dirty ? "Ej sparat: F2 Spara lägger "
	    "till, Esc Avbryt." : "F2 Spara  ←/→ år  PgUp/PgDn listan");
	wattron(w, dirty ? A_BOLD : A_DIM);
	text_put(w, s->lines - 1, 1, line, width);
	wattroff(w, A_BOLD | A_DIM);
}

/* Draws the chooser, the insats, or why neither can show. */
static void
anonym_draw(struct screen *s, WINDOW *w)
{
	struct anonym	*a = s->data;

	if (a->choosing && a->ch.pl.ready && a->ch.pl.vl.total == 0)
		text_wrap(w, 1, 1, "Du är inte deltagaransvarig för någon "
		    "insats som registrerar deltagare.", s->cols - 2, 3);
	else if (a->choosing)
		chooser_draw(&a->ch, w, s->lines, s->cols);
	else if (a->loaded)
		anonym_draw_shown(s, w);
	else
		text_wrap(w, 1, 1, a->fel[0] != '\0' ? a->fel :
		    "Hämtar anonyma deltagare …", s->cols - 2, s->lines - 2);
}

/* The terminal cursor: in the chooser or in a number field. */
static int
anonym_cursor(struct screen *s, int *y, int *x)
{
	struct anonym	*a = s->data;

	if (a->choosing)
		return chooser_cursor(&a->ch, s->cols, y, x);
	if (!a->loaded)
		return 0;
	return mform_cursor(&a->form, ANONYM_FORM_Y, 1, s->cols - 2, y, x);
}

/* Frees the screen's data. */
static void
anonym_free(struct screen *s)
{
	struct anonym	*a = s->data;

	chooser_free(&a->ch);
	if (a->loaded)
		msg_clear(MSG_ANONYM, &a->rep);
	free(a);
}

/* For the frame: typed numbers must not vanish unasked. */
static int
anonym_dirty(struct screen *s)
{
	struct anonym	*a = s->data;

	return a->loaded && (anonym_typed(a, AF_KVINNOR) ||
	    anonym_typed(a, AF_MAN));
}

static const struct screen_type scr_anonym_type = {
	.title = "Registrera anonyma deltagare",
	.enter = anonym_enter,
	.layout = anonym_layout,
	.draw = anonym_draw,
	.key = anonym_key,
	.free = anonym_free,
	.cursor = anonym_cursor,
	.dirty = anonym_dirty,
};

/* Registrera anonyma deltagare for one insats, from the Startsida. */
struct screen *
scr_anonym_insats_new(struct ui *ui, uint32_t insats_id)
{
	struct screen	*s;
	struct anonym	*a;

	a = xcalloc(1, sizeof *a);
	a->insats_id = insats_id;
	a->f[AF_AR].kind = MF_CHOICE;
	a->f[AF_AR].label = "Inregistreringsår";
	a->f[AF_KVINNOR].kind = MF_ENTRY;
	a->f[AF_KVINNOR].label = "Antal kvinnor";
	entry_init(&a->f[AF_KVINNOR].entry, ANONYM_CHARS, 0);
	a->f[AF_MAN].kind = MF_ENTRY;
	a->f[AF_MAN].label = "Antal män";
	entry_init(&a->f[AF_MAN].entry, ANONYM_CHARS, 0);
	mform_init(&a->form, a->f, AF__COUNT);
	mform_focus(&a->form, AF_KVINNOR);
	s = screen_new(ui, &scr_anonym_type, a);
	chooser_init(&a->ch, "insats", 0, anonym_insats_cols, AI__COUNT,
	    anonym_fetch, s);
	return s;
}

/* From the menu: the insats is chosen first, unless there is one. */
struct screen *
scr_anonym_new(struct ui *ui)
{
	struct screen	*s = scr_anonym_insats_new(ui, 0);

	((struct anonym *)s->data)->choosing = 1;
	return s;
}
