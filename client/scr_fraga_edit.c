/*
 * Registrera kompletterande fråga (domain.md 2.3, 5.2): one question of a
 * samverkansorganisation in three panels, Samverkansorganisation (read
 * only), Frågans namn och period, and Frågans innehåll with the occasion,
 * the answer type, whether it is mandatory and, for the choice types, the
 * answer options, each edited in place. Options keep their ids, so an
 * option changed here stays the option participants chose. F2 sends the
 * whole question; a refusal is shown and what was typed stays. Leaving
 * with changes not saved asks first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "scr_fraga.h"
#include "xmalloc.h"

/* Frågans namn och period. */
enum { FA_NAMN, FA_FROM, FA_TOM, FA__COUNT };
/* Frågans innehåll. */
enum { FB_TILL, FB_TYP, FB_OBL, FB__COUNT };

/* Where the keys go: a panel's fields or the options. */
enum fraga_zone {
	FZ_NAMN,
	FZ_INNEHALL,
	FZ_ALT
};

/* One answer option: its id (0 until saved) and its text. */
struct fraga_alt_edit {
	uint32_t	 id;
	struct entry	 e;
};

struct fraga_edit {
	struct screen		*parent;
	fraga_saved		 done;
	uint32_t		 samorg_id;
	char			 samorg[256];
	uint32_t		 id;		/* 0 for a new question */
	uint32_t		 antal_svar;
	char			 svar_hint[80];
	struct mfield		 a[FA__COUNT];
	struct mform		 fa;
	struct mfield		 b[FB__COUNT];
	struct mform		 fb;
	struct fraga_alt_edit	 alts[FRAGA_ALT_MAX];
	size_t			 nalt;
	size_t			 acur;		/* the option with the focus */
	size_t			 atop;		/* the first option shown */
	enum fraga_zone		 zone;
	char			*loaded;	/* the state shown first */
	int			 ya, yb, yalt;	/* where draw put each part */
};

/* The answer type chosen, SVAR_*. */
static uint8_t
fraga_edit_typ(const struct fraga_edit *e)
{
	return (uint8_t)(e->b[FB_TYP].value + 1);
}

/* Removes spaces at both ends of s, in place. */
static void
fraga_edit_trim(char *s)
{
	size_t	n = strlen(s), lead = strspn(s, " ");

	while (n > lead && s[n - 1] == ' ')
		n--;
	memmove(s, s + lead, n - lead);
	s[n - lead] = '\0';
}

/* Reads an entry as UTF-8 without the spaces at its ends. */
static void
fraga_edit_text(const struct entry *en, char *out, size_t len)
{
	if (entry_get(en, out, len) != 0)
		out[0] = '\0';
	fraga_edit_trim(out);
}

/*
 * The state of the form as one string: what a Spara would send. Leaving
 * asks first when it differs from the state first shown.
 */
static char *
fraga_edit_state(const struct fraga_edit *e)
{
	char	*s, text[ENTRY_MAX * 4 + 1];
	size_t	 i, len, cap = (FA__COUNT + e->nalt + 2) * sizeof text + 64;

	s = xcalloc(1, cap);
	for (i = 0; i < FA__COUNT; i++) {
		fraga_edit_text(&e->a[i].entry, text, sizeof text);
		len = strlen(s);
		snprintf(s + len, cap - len, "%s\n", text);
	}
	len = strlen(s);
	snprintf(s + len, cap - len, "%d %d %d\n", e->b[FB_TILL].value,
	    e->b[FB_TYP].value, e->b[FB_OBL].value);
	for (i = 0; fraga_is_choice(fraga_edit_typ(e)) && i < e->nalt; i++) {
		fraga_edit_text(&e->alts[i].e, text, sizeof text);
		len = strlen(s);
		snprintf(s + len, cap - len, "%u %s\n", e->alts[i].id, text);
	}
	return s;
}

/* Reports whether the form holds changes not yet saved. */
static int
fraga_edit_changed(const struct fraga_edit *e)
{
	char	*now = fraga_edit_state(e);
	int	 changed = strcmp(now, e->loaded) != 0;

	free(now);
	return changed;
}

/* Inserts an empty option at i, with the focus on it. */
static void
fraga_edit_alt_insert(struct screen *s, size_t i)
{
	struct fraga_edit	*e = s->data;

	if (e->nalt == FRAGA_ALT_MAX) {
		ui_message(s->ui, 1, "En fråga kan ha högst %d "
		    "svarsalternativ.", FRAGA_ALT_MAX);
		return;
	}
	if (i > e->nalt)
		i = e->nalt;
	memmove(&e->alts[i + 1], &e->alts[i], (e->nalt - i) *
	    sizeof e->alts[0]);
	e->nalt++;
	e->alts[i].id = 0;
	entry_init(&e->alts[i].e, FRAGA_ALT_TEXT_MAX, 0);
	entry_limit_bytes(&e->alts[i].e, FRAGA_ALT_TEXT_MAX * 4);
	e->acur = i;
	e->zone = FZ_ALT;
}

/* Removes option i; the focus goes to the one before it. */
static void
fraga_edit_alt_remove(struct fraga_edit *e, size_t i)
{
	if (i >= e->nalt)
		return;
	memmove(&e->alts[i], &e->alts[i + 1], (e->nalt - i - 1) *
	    sizeof e->alts[0]);
	e->nalt--;
	e->acur = i > 0 ? i - 1 : 0;
}

/* Moves the focused option one place up (-1) or down (1). */
static void
fraga_edit_alt_move(struct fraga_edit *e, int dir)
{
	struct fraga_alt_edit	tmp;
	size_t			i = e->acur, j;

	if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= e->nalt))
		return;
	j = dir < 0 ? i - 1 : i + 1;
	tmp = e->alts[i];
	e->alts[i] = e->alts[j];
	e->alts[j] = tmp;
	e->acur = j;
}

/* Puts the focus on a zone: its first field, or its last going back. */
static void
fraga_edit_zone(struct fraga_edit *e, enum fraga_zone z, int last)
{
	e->zone = z;
	if (z == FZ_NAMN)
		mform_focus(&e->fa, last ? FA_TOM : FA_NAMN);
	else if (z == FZ_INNEHALL)
		mform_focus(&e->fb, last ? FB_OBL : FB_TILL);
	else if (last && e->nalt > 0)
		e->acur = e->nalt - 1;
	else if (!last)
		e->acur = 0;
}

/*
 * Tab (dir 1) or Shift-Tab (-1) out of a zone; the options are a zone
 * only for a choice question.
 */
static void
fraga_edit_zone_step(struct fraga_edit *e, int dir)
{
	int	choice = fraga_is_choice(fraga_edit_typ(e));

	switch (e->zone) {
	case FZ_NAMN:
		if (dir > 0)
			fraga_edit_zone(e, FZ_INNEHALL, 0);
		else
			fraga_edit_zone(e, choice ? FZ_ALT : FZ_INNEHALL, 1);
		break;
	case FZ_INNEHALL:
		if (dir > 0)
			fraga_edit_zone(e, choice ? FZ_ALT : FZ_NAMN, 0);
		else
			fraga_edit_zone(e, FZ_NAMN, 1);
		break;
	case FZ_ALT:
		if (dir > 0)
			fraga_edit_zone(e, FZ_NAMN, 0);
		else
			fraga_edit_zone(e, FZ_INNEHALL, 1);
		break;
	}
}

/* Says which field is wrong, puts the focus on it; always -1. */
static int
fraga_edit_bad(struct screen *s, enum fraga_zone z, size_t field,
    const char *text)
{
	struct fraga_edit	*e = s->data;

	e->zone = z;
	if (z == FZ_NAMN)
		mform_focus(&e->fa, field);
	else if (z == FZ_INNEHALL)
		mform_focus(&e->fb, field);
	else
		e->acur = field;
	ui_message(s->ui, 1, "%s", text);
	return -1;
}

/*
 * Checks what the server would refuse at once, to point at the field;
 * the server checks again and decides. 0 when the form may be sent.
 */
static int
fraga_edit_check(struct screen *s, const char *namn, const char *from,
    const char *tom, char (*alt)[FRAGA_ALT_TEXT_MAX * 4 + 1])
{
	struct fraga_edit	*e = s->data;
	char			 text[400];
	size_t			 i, j;

	if (namn[0] == '\0')
		return fraga_edit_bad(s, FZ_NAMN, FA_NAMN, "Skriv frågan.");
	if (!date_valid(from))
		return fraga_edit_bad(s, FZ_NAMN, FA_FROM, "Skriv giltig från "
		    "som ÅÅÅÅ-MM-DD.");
	if (tom[0] != '\0' && !date_valid(tom))
		return fraga_edit_bad(s, FZ_NAMN, FA_TOM, "Skriv giltig till som "
		    "ÅÅÅÅ-MM-DD, eller lämna fältet tomt.");
	if (tom[0] != '\0' && strcmp(tom, from) < 0)
		return fraga_edit_bad(s, FZ_NAMN, FA_TOM, "Giltig till får inte "
		    "vara före giltig från.");
	if (!fraga_is_choice(fraga_edit_typ(e)))
		return 0;
	for (i = 0; i < e->nalt; i++) {
		if (alt[i][0] == '\0') {
			snprintf(text, sizeof text, "Svarsalternativ %zu är "
			    "tomt. Skriv en text eller ta bort det med F4.",
			    i + 1);
			return fraga_edit_bad(s, FZ_ALT, i, text);
		}
		for (j = 0; j < i; j++) {
			if (strcmp(alt[i], alt[j]) != 0)
				continue;
			snprintf(text, sizeof text, "Svarsalternativet \"%s\" "
			    "finns två gånger.", alt[i]);
			return fraga_edit_bad(s, FZ_ALT, i, text);
		}
	}
	if (e->nalt < FRAGA_ALT_MIN) {
		snprintf(text, sizeof text, "En %s ska ha minst %d "
		    "svarsalternativ. Enter lägger till ett.",
		    fraga_edit_typ(e) == SVAR_ENVAL ? "envalsfråga" :
		    "flervalsfråga", FRAGA_ALT_MIN);
		return fraga_edit_bad(s, FZ_ALT, e->nalt > 0 ? e->nalt - 1 : 0,
		    text);
	}
	return 0;
}

/* F2 Spara: the whole question in one request; back to the list. */
static void
fraga_edit_save(struct screen *s)
{
	struct fraga_edit	*e = s->data;
	struct msg_fraga	 req;
	struct msg_ok		 ok;
	struct fraga_alt	 alts[FRAGA_ALT_MAX];
	struct screen		*parent = e->parent;
	fraga_saved		 done = e->done;
	char			 namn[FRAGA_NAMN_MAX * 4 + 1], from[16], tom[16];
	char			(*alt)[FRAGA_ALT_TEXT_MAX * 4 + 1];
	char			 said[SUS_MESSAGE_MAX + 1];
	size_t			 i;
	int			 rv;

	alt = xcalloc(FRAGA_ALT_MAX, sizeof *alt);
	fraga_edit_text(&e->a[FA_NAMN].entry, namn, sizeof namn);
	fraga_edit_text(&e->a[FA_FROM].entry, from, sizeof from);
	fraga_edit_text(&e->a[FA_TOM].entry, tom, sizeof tom);
	for (i = 0; i < e->nalt; i++)
		fraga_edit_text(&e->alts[i].e, alt[i], sizeof alt[i]);
	if (fraga_edit_check(s, namn, from, tom, alt) != 0)
		goto out;
	memset(&req, 0, sizeof req);
	req.id = e->id;
	req.samorg_id = e->samorg_id;
	req.namn = namn;
	req.giltig_from = from;
	req.giltig_tom = tom;
	req.mattillfalle = (uint8_t)(e->b[FB_TILL].value + 1);
	req.svarstyp = fraga_edit_typ(e);
	req.obligatorisk = (uint8_t)e->b[FB_OBL].value;
	if (fraga_is_choice(req.svarstyp)) {
		for (i = 0; i < e->nalt; i++) {
			alts[i].id = e->alts[i].id;
			alts[i].text = alt[i];
		}
		req.nalternativ = (uint32_t)e->nalt;
		req.alternativ = alts;
	}
	memset(&ok, 0, sizeof ok);
	if ((rv = ui_call(s->ui, MSG_FRAGA_SAVE, &req, MSG_OK, &ok)) != 0) {
		/* The reason is shown; what was typed stays. */
		fraga_explain(s->ui, "Frågan sparades inte");
		goto out;
	}
	snprintf(said, sizeof said, "%s", ok.message != NULL ? ok.message :
	    "Frågan är sparad.");
	done(parent, ok.id, said);
	msg_clear(MSG_OK, &ok);
	free(alt);
	ui_pop(s->ui);
	return;
out:
	free(alt);
}

/* Esc: back to the list, asking first when something would be lost. */
static void
fraga_edit_cancel(struct screen *s)
{
	static const char *const ask[] = {
		"Ändringarna är inte sparade. Avbryta ändå? (j/n)",
	};

	if (fraga_edit_changed(s->data) &&
	    !ui_ask(s->ui, "Avbryta", ask, 1))
		return;
	ui_pop(s->ui);
}

/* Keys while an option has the focus. */
static int
fraga_edit_alt_key(struct screen *s, const struct keyev *ev)
{
	struct fraga_edit	*e = s->data;
	struct entry		*en;
	char			 text[200];
	int			 rv;

	if (keys_is_enter(ev) || ev->code == KEY_IC) {
		fraga_edit_alt_insert(s, e->nalt == 0 ? 0 : e->acur + 1);
		return 1;
	}
	if (e->nalt == 0) {
		if (ev->code != KEY_UP)
			return 0;
		fraga_edit_zone(e, FZ_INNEHALL, 1);
		return 1;
	}
	en = &e->alts[e->acur].e;
	/* Backspace in an empty option takes the option away. */
	if (ev->code == KEY_F(4) || (en->len == 0 &&
	    (ev->code == KEY_BACKSPACE || (ev->code == 0 &&
	    (ev->ch == 0x7f || ev->ch == 0x08))))) {
		fraga_edit_alt_remove(e, e->acur);
		if (e->nalt == 0)
			ui_message(s->ui, 0, "Inga svarsalternativ kvar. Enter "
			    "lägger till ett.");
		return 1;
	}
	switch (ev->code) {
	case KEY_SR:
	case KEY_SF:
		fraga_edit_alt_move(e, ev->code == KEY_SR ? -1 : 1);
		return 1;
	case KEY_UP:
		if (e->acur == 0)
			fraga_edit_zone(e, FZ_INNEHALL, 1);
		else
			e->acur--;
		return 1;
	case KEY_DOWN:
		if (e->acur + 1 < e->nalt)
			e->acur++;
		return 1;
	}
	if ((rv = entry_key(en, ev)) == ENTRY_KEY_FULL) {
		snprintf(text, sizeof text, "Svarsalternativ %zu", e->acur + 1);
		entry_full_text(en, text, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	return rv != 0;
}

/* Keys in a panel's fields: leaving the first or last goes on. */
static int
fraga_edit_form_key(struct screen *s, const struct keyev *ev)
{
	struct fraga_edit	*e = s->data;
	struct mform		*f = e->zone == FZ_NAMN ? &e->fa : &e->fb;
	struct mfield		*mf = &f->fields[f->focus];
	size_t			 last = e->zone == FZ_NAMN ? FA_TOM : FB_OBL;
	char			 text[200];
	int			 rv, next, prev;

	next = ev->action == ACT_NEXT || ev->code == KEY_DOWN ||
	    (keys_is_enter(ev) && mf->kind != MF_CHECK);
	prev = ev->action == ACT_PREV || ev->code == KEY_UP;
	if (next && f->focus == last) {
		fraga_edit_zone_step(e, 1);
		return 1;
	}
	if (prev && f->focus == 0) {
		fraga_edit_zone_step(e, -1);
		return 1;
	}
	if (keys_is_enter(ev)) {
		if (mf->kind == MF_CHECK)
			mf->value = !mf->value;
		else
			mform_focus(f, f->focus + 1);
		return 1;
	}
	if ((rv = mform_key(f, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(f, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	return rv != 0;
}

/* Routes keys: Spara and Avbryt, then the zone with the focus. */
static int
fraga_edit_key(struct screen *s, const struct keyev *ev)
{
	struct fraga_edit	*e = s->data;

	if (ev->action == ACT_SAVE) {
		fraga_edit_save(s);
		return 1;
	}
	if (ev->action == ACT_CANCEL) {
		fraga_edit_cancel(s);
		return 1;
	}
	if (e->zone == FZ_ALT) {
		if (ev->action == ACT_NEXT || ev->action == ACT_PREV) {
			fraga_edit_zone_step(e, ev->action == ACT_NEXT ?
			    1 : -1);
			return 1;
		}
		return fraga_edit_alt_key(s, ev);
	}
	return fraga_edit_form_key(s, ev);
}

/* Draws a panel's title, marked while its fields have the focus. */
static void
fraga_edit_title(WINDOW *w, int y, int width, const char *title,
    int focused)
{
	char	line[128];

	snprintf(line, sizeof line, "%s %s", focused ? "▶" : " ", title);
	wattron(w, A_BOLD);
	text_put(w, y, 0, line, width);
	wattroff(w, A_BOLD);
}

/* Draws the options, or why there are none, from row y. */
static void
fraga_edit_draw_alts(struct screen *s, WINDOW *w, int y)
{
	struct fraga_edit	*e = s->data;
	char			 num[32], line[80];
	int			 width = s->cols - 4, rows, focused;
	size_t			 i;

	if (!fraga_is_choice(fraga_edit_typ(e))) {
		wattron(w, A_DIM);
		text_put(w, y, 3, fraga_edit_typ(e) == SVAR_JANEJ ?
		    "Svaret är Ja eller Nej: inga svarsalternativ." :
		    "Svaret är ett heltal: inga svarsalternativ.", width);
		wattroff(w, A_DIM);
		return;
	}
	snprintf(line, sizeof line, "Svarsalternativ (%zu):", e->nalt);
	text_put(w, y++, 3, line, width);
	rows = s->lines - 1 - y;
	if (rows < 1)
		rows = 1;
	if (e->acur < e->atop)
		e->atop = e->acur;
	else if (e->acur >= e->atop + (size_t)rows)
		e->atop = e->acur - (size_t)rows + 1;
	if (e->nalt == 0) {
		if (e->zone == FZ_ALT)
			wattron(w, A_REVERSE);
		text_put(w, y, 5, "Inga än. Enter lägger till ett.", width - 2);
		wattroff(w, A_REVERSE);
		return;
	}
	for (i = e->atop; i < e->nalt && (int)(i - e->atop) < rows; i++) {
		focused = e->zone == FZ_ALT && i == e->acur;
		snprintf(num, sizeof num, "%2zu.", i + 1);
		text_put(w, y, 4, num, 4);
		entry_draw(&e->alts[i].e, w, y, 8, width - 5, focused);
		y++;
	}
}

/* Draws the three panels and what the keys do. */
static void
fraga_edit_draw(struct screen *s, WINDOW *w)
{
	struct fraga_edit	*e = s->data;
	int			 width = s->cols - 2, y;

	fraga_edit_title(w, 0, width, "Samverkansorganisation", 0);
	text_put(w, 1, 3, e->samorg, width - 3);
	fraga_edit_title(w, 2, width, "Frågans namn och period",
	    e->zone == FZ_NAMN);
	e->ya = 3;
	y = mform_draw(&e->fa, w, e->ya, 3, width - 3, e->zone == FZ_NAMN);
	fraga_edit_title(w, y, width, "Frågans innehåll",
	    e->zone != FZ_NAMN);
	e->yb = y + 1;
	e->yalt = mform_draw(&e->fb, w, e->yb, 3, width - 3,
	    e->zone == FZ_INNEHALL);
	fraga_edit_draw_alts(s, w, e->yalt);
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, e->zone == FZ_ALT ? "Enter nytt  F4 ta bort"
	    "  S-↑↓ flytta  F2 Spara" : "Tab nästa  Mellanslag "
	    "väljer  F2 Spara  Esc Avbryt", width);
	wattroff(w, A_DIM);
}

/* Places the cursor in the focused entry. */
static int
fraga_edit_cursor(struct screen *s, int *y, int *x)
{
	struct fraga_edit	*e = s->data;
	int			 width = s->cols - 2;

	if (e->zone == FZ_NAMN)
		return mform_cursor(&e->fa, e->ya, 3, width - 3, y, x);
	if (e->zone == FZ_INNEHALL)
		return mform_cursor(&e->fb, e->yb, 3, width - 3, y, x);
	if (e->nalt == 0 || e->acur < e->atop)
		return 0;
	*y = e->yalt + 1 + (int)(e->acur - e->atop);
	*x = 8 + entry_scroll(&e->alts[e->acur].e, width - 3 - 5);
	return 1;
}

/* For the frame: unsaved changes must not vanish unasked. */
static int
fraga_edit_dirty(struct screen *s)
{
	return fraga_edit_changed(s->data);
}

/* Frees the form. */
static void
fraga_edit_free(struct screen *s)
{
	struct fraga_edit	*e = s->data;

	free(e->loaded);
	free(e);
}

static const struct screen_type scr_fraga_edit_type = {
	.title = "Registrera kompletterande fråga",
	.draw = fraga_edit_draw,
	.key = fraga_edit_key,
	.free = fraga_edit_free,
	.cursor = fraga_edit_cursor,
	.dirty = fraga_edit_dirty,
};

/* Sets up the two panels' fields, empty. */
static void
fraga_edit_fields(struct fraga_edit *e)
{
	static const struct {
		const char	*label;
		size_t		 max;
		const char	*hint;
	} entries[FA__COUNT] = {
		[FA_NAMN] = { "Fråga", FRAGA_NAMN_MAX, NULL },
		[FA_FROM] = { "Giltig från", 10, NULL },
		[FA_TOM] = { "Giltig till", 10, "Tomt: gäller tills vidare." },
	};
	size_t	i;

	for (i = 0; i < FA__COUNT; i++) {
		e->a[i].kind = MF_ENTRY;
		e->a[i].label = entries[i].label;
		e->a[i].hint = entries[i].hint;
		entry_init(&e->a[i].entry, entries[i].max, 0);
		entry_limit_bytes(&e->a[i].entry, entries[i].max * 4);
	}
	e->b[FB_TILL].kind = MF_CHOICE;
	e->b[FB_TILL].label = "Tillfälle";
	e->b[FB_TILL].choices = &fraga_tillfalle_namn[1];
	e->b[FB_TILL].nchoices = 3;
	e->b[FB_TYP].kind = MF_CHOICE;
	e->b[FB_TYP].label = "Svarstyp";
	e->b[FB_TYP].choices = &fraga_svarstyp_namn[1];
	e->b[FB_TYP].nchoices = 4;
	e->b[FB_OBL].kind = MF_CHECK;
	e->b[FB_OBL].label = "Obligatorisk";
	e->b[FB_OBL].text = "Måste besvaras";
}

/* Fills the form from a question as the server listed it. */
static void
fraga_edit_fill(struct fraga_edit *e, const struct msg_fraga *q)
{
	uint32_t	i;

	e->id = q->id;
	e->antal_svar = q->antal_svar;
	entry_set(&e->a[FA_NAMN].entry, q->namn);
	/* A long question shows from its start. */
	entry_home(&e->a[FA_NAMN].entry);
	entry_set(&e->a[FA_FROM].entry, q->giltig_from);
	entry_set(&e->a[FA_TOM].entry, q->giltig_tom);
	if (q->mattillfalle >= FRAGA_IN && q->mattillfalle <= FRAGA_BADA)
		e->b[FB_TILL].value = q->mattillfalle - 1;
	if (q->svarstyp >= SVAR_JANEJ && q->svarstyp <= SVAR_HELTAL)
		e->b[FB_TYP].value = q->svarstyp - 1;
	e->b[FB_OBL].value = q->obligatorisk != 0;
	for (i = 0; i < q->nalternativ && i < FRAGA_ALT_MAX; i++) {
		e->alts[i].id = q->alternativ[i].id;
		entry_init(&e->alts[i].e, FRAGA_ALT_TEXT_MAX, 0);
		entry_limit_bytes(&e->alts[i].e, FRAGA_ALT_TEXT_MAX * 4);
		entry_set(&e->alts[i].e, q->alternativ[i].text);
	}
	e->nalt = i;
	/* An answered question keeps its type (rule 44). */
	if (q->antal_svar > 0) {
		e->b[FB_TYP].locked = 1;
		snprintf(e->svar_hint, sizeof e->svar_hint, "Besvarad, kan "
		    "inte bytas.");
		e->b[FB_TYP].hint = e->svar_hint;
	}
}

/* Registrera kompletterande fråga for q, or for a new question. */
struct screen *
scr_fraga_edit_new(struct ui *ui, struct screen *parent, uint32_t samorg_id,
    const char *samorg, const struct msg_fraga *q, fraga_saved done)
{
	struct fraga_edit	*e;
	char			 today[16];

	e = xcalloc(1, sizeof *e);
	e->parent = parent;
	e->done = done;
	e->samorg_id = samorg_id;
	snprintf(e->samorg, sizeof e->samorg, "%s", samorg);
	fraga_edit_fields(e);
	if (q != NULL)
		fraga_edit_fill(e, q);
	else {
		date_today_plus(0, 0, today, sizeof today);
		entry_set(&e->a[FA_FROM].entry, today);
	}
	mform_init(&e->fa, e->a, FA__COUNT);
	mform_init(&e->fb, e->b, FB__COUNT);
	/* One column for the labels of both panels. */
	if (e->fa.label_width < e->fb.label_width)
		e->fa.label_width = e->fb.label_width;
	e->fb.label_width = e->fa.label_width;
	e->zone = FZ_NAMN;
	e->loaded = fraga_edit_state(e);
	return screen_new(ui, &scr_fraga_edit_type, e);
}
