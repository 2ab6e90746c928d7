/*
 * Hantera samverkansorg (domain.md 2.1, 5.2): the samverkansadministratör
 * chooses one of their organisations (a superadministratör searches all)
 * and edits it on one page taller than the screen, which scrolls to
 * follow the focus: base data, the contact panel shown or hidden with F5,
 * Kommun, stadsdel and Ingående organisationer with Lägg till and Ta
 * bort, and the uppdrag panels, read-only here (F7 opens Hantera
 * uppdrag). Namn, samverkansform and startdatum are locked unless the
 * server's rights say the caller may change them. Nothing is stored until
 * F2 Spara sends the whole organisation; Esc after changes asks first.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "samorg_edit.h"
#include "xmalloc.h"

/* F2 Spara: the whole organisation; on success it is read again. */
static void
edit_save(struct screen *s)
{
	struct samorg_edit	*e = s->data;
	struct msg_samorg	 m;
	struct msg_ok		 ok;
	char			 said[SUS_MESSAGE_MAX + 1];
	int			 rv;

	if (!samorg_edit_dirty(e)) {
		ui_message(s->ui, 0, "Det finns inga ändringar att spara.");
		return;
	}
	if (samorg_edit_collect(s, &m) != 0)
		return;
	memset(&ok, 0, sizeof ok);
	rv = ui_call(s->ui, MSG_SAMORG_SAVE, &m, MSG_OK, &ok);
	msg_clear(MSG_SAMORG, &m);
	if (rv != 0)
		return;		/* the reason is shown; the fields stay */
	snprintf(said, sizeof said, "%s", ok.message != NULL &&
	    ok.message[0] != '\0' ? ok.message : "Uppgifterna är sparade.");
	msg_clear(MSG_OK, &ok);
	if (samorg_edit_load(s) != 0) {
		ui_message(s->ui, 1, "Uppgifterna är sparade, men kunde inte "
		    "hämtas igen. F3 försöker igen.");
		return;
	}
	ui_message(s->ui, 0, "%s", said);
}

/* Forgets the organisation: back to the choice. */
static void
edit_forget(struct samorg_edit *e)
{
	samorg_edit_lists_clear(e);
	if (e->loaded)
		msg_clear(MSG_SAMORG, &e->orig);
	e->loaded = 0;
	e->mode = EM_CHOOSE;
}

/*
 * Esc: asks first when something is not saved. Returns 1 when the screen
 * was closed (it is freed), 0 otherwise.
 */
static int
edit_cancel(struct screen *s)
{
	static const char *const ask[] = {
		"Ändringarna är inte sparade. Avbryta ändå? (j/n)",
	};
	struct samorg_edit	*e = s->data;

	if (samorg_edit_dirty(e) && !ui_ask(s->ui, "Avbryta", ask, 1))
		return 0;
	if (e->direct) {
		ui_pop(s->ui);
		return 1;
	}
	edit_forget(e);
	ui_message(s->ui, 0, "%s", "");
	return 0;
}

/* Keys on a panel; 0 for keys that move on from it. */
static int
edit_panel_key(struct screen *s, enum edit_panel p, const struct keyev *ev)
{
	struct samorg_edit	*e = s->data;
	size_t			 n = samorg_edit_panel_n(e, p);
	int			 edit = p == EP_KOMMUN || p == EP_ORG;

	if (edit && ((ev->code == 0 && ev->ch == L'+') || ev->code == KEY_IC)) {
		ui_push(s->ui, p == EP_KOMMUN ? kommun_pick_new(s->ui, s,
		    samorg_edit_kommun_picked) : org_pick_new(s->ui, s,
		    samorg_edit_org_picked));
		return 1;
	}
	if (edit && ((ev->code == 0 && ev->ch == L'-') || ev->code == KEY_DC)) {
		samorg_edit_remove(s, p);
		return 1;
	}
	if (p == EP_ORG && ev->code == 0 && ev->ch == L' ') {
		samorg_edit_flag_toggle(e);
		return 1;
	}
	if (p == EP_ORG && (ev->code == KEY_LEFT || ev->code == KEY_RIGHT)) {
		e->flag = (e->flag + (ev->code == KEY_LEFT ? 2 : 1)) % 3;
		return 1;
	}
	if (ev->code == KEY_UP && e->cur[p] > 0)
		e->cur[p]--;
	else if (ev->code == KEY_DOWN && e->cur[p] + 1 < n)
		e->cur[p]++;
	else if (ev->code == KEY_HOME || ev->code == KEY_END)
		e->cur[p] = ev->code == KEY_HOME || n == 0 ? 0 : n - 1;
	else if (ev->code == KEY_UP || ev->code == KEY_DOWN)
		samorg_page_step(s, ev->code == KEY_UP ? -1 : 1);
	else
		return 0;
	return 1;
}

/* Keys on the focused item of the page. */
static int
edit_item_key(struct screen *s, const struct keyev *ev)
{
	struct samorg_edit	*e = s->data;
	const struct edit_item	*it = &samorg_edit_items[e->focus];
	char			 text[160];
	int			 rv;

	if (it->kind == IK_PANEL)
		return edit_panel_key(s, (enum edit_panel)it->arg, ev);
	if (it->kind == IK_AREA) {
		rv = textarea_key(&e->beskr, ev, samorg_page_width(s));
		if (rv == ENTRY_KEY_FULL)
			ui_message(s->ui, 1, "Beskrivning får vara högst %d "
			    "tecken.", EDIT_BESKRIVNING_MAX);
		if (rv != 0)
			return 1;
	} else if (it->kind == IK_FORM && e->nforms > 0 &&
	    ((ev->code == 0 && ev->ch == L' ') || ev->code == KEY_RIGHT ||
	    ev->code == KEY_LEFT)) {
		e->form = (e->form + (ev->code == KEY_LEFT ?
		    (int)e->nforms - 1 : 1)) % (int)e->nforms;
		return 1;
	} else if (it->kind == IK_TOGGLE && (keys_is_enter(ev) ||
	    (ev->code == 0 && ev->ch == L' '))) {
		e->show_contact = !e->show_contact;
		return 1;
	}
	if (ev->code == KEY_UP || ev->code == KEY_DOWN ||
	    (keys_is_enter(ev) && it->kind != IK_AREA)) {
		samorg_page_step(s, ev->code == KEY_UP ? -1 : 1);
		return 1;
	}
	if (it->kind != IK_TEXT)
		return 0;
	if ((rv = entry_key(&e->text[it->arg], ev)) == ENTRY_KEY_FULL) {
		entry_full_text(&e->text[it->arg],
		    samorg_edit_texts[it->arg].label, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	return rv != 0;
}

/* F3: fetches the organisation again, asking when that loses changes. */
static void
edit_reload(struct screen *s)
{
	static const char *const ask[] = {
		"Ändringarna är inte sparade. Hämta igen ändå? (j/n)",
	};
	struct samorg_edit	*e = s->data;

	if (samorg_edit_dirty(e) && !ui_ask(s->ui, "Hämta igen", ask, 1))
		return;
	if (samorg_edit_load(s) == 0)
		ui_message(s->ui, 0, "Uppgifterna är hämtade igen.");
}

/* Keys that work anywhere on the page. */
static int
edit_page_key(struct screen *s, const struct keyev *ev)
{
	struct samorg_edit	*e = s->data;

	if (ev->action == ACT_SAVE)
		edit_save(s);
	else if (ev->action == ACT_SEARCH)
		edit_reload(s);
	else if (ev->code == KEY_F(5))
		e->show_contact = !e->show_contact;
	else if (ev->code == KEY_F(6))
		ui_push(s->ui, scr_budget_new(s->ui, e->id, e->orig.namn));
	else if (ev->code == KEY_F(7)) {
		e->people_stale = 1;
		ui_push(s->ui, scr_uppdrag_samorg_new(s->ui));
	} else if (ev->action == ACT_NEXT || ev->action == ACT_PREV)
		samorg_page_step(s, ev->action == ACT_NEXT ? 1 : -1);
	else if (ev->code == KEY_NPAGE || ev->code == KEY_PPAGE)
		samorg_page_scroll(s, ev->code == KEY_NPAGE ? 1 : -1);
	else
		return edit_item_key(s, ev);
	return 1;
}

/* Opens the chooser's row. */
static void
edit_pick(struct screen *s, const struct plist_row *row)
{
	struct samorg_edit	*e = s->data;

	e->id = row->id;
	e->flag = 0;
	e->focus = 0;
	e->top = 0;
	memset(e->cur, 0, sizeof e->cur);
	if (samorg_edit_load(s) == 0)
		samorg_page_step(s, 1);
}

/* Routes keys: the chooser first, then the page. */
static int
edit_key(struct screen *s, const struct keyev *ev)
{
	struct samorg_edit	*e = s->data;
	int			 rv = 1;

	if (e->mode == EM_CHOOSE) {
		if (ev->action == ACT_CANCEL)
			return 0;
		if ((rv = chooser_key(&e->ch, s->ui, ev)) != CHOOSER_PICKED)
			return rv;
		edit_pick(s, plist_current(&e->ch.pl));
		rv = 1;
	} else if (ev->action == ACT_CANCEL) {
		if (edit_cancel(s))
			return 1;	/* closed: s is gone */
	} else
		rv = edit_page_key(s, ev);
	if (e->mode == EM_EDIT)
		samorg_page_follow(s);
	return rv;
}

/* Draws the chooser, or the page. */
static void
edit_draw(struct screen *s, WINDOW *w)
{
	struct samorg_edit	*e = s->data;

	if (e->mode == EM_CHOOSE)
		chooser_draw(&e->ch, w, s->lines, s->cols);
	else
		samorg_page_draw(s, w);
}

/* Places the cursor in the chooser's field or on the page. */
static int
edit_cursor(struct screen *s, int *y, int *x)
{
	struct samorg_edit	*e = s->data;

	if (e->mode == EM_CHOOSE)
		return chooser_cursor(&e->ch, s->cols, y, x);
	return samorg_page_cursor(s, y, x);
}

/* Fits the chooser. */
static void
edit_layout(struct screen *s, int lines, int cols)
{
	struct samorg_edit	*e = s->data;

	chooser_layout(&e->ch, lines);
}

/* Starts the chooser, or opens the one organisation; says what pop-ups did. */
static void
edit_enter(struct screen *s)
{
	struct samorg_edit	*e = s->data;
	struct plist_row	*only;

	if (!e->started && remote_connected(s->ui->remote)) {
		e->started = 1;
		if (e->direct) {
			if (samorg_edit_load(s) == 0)
				samorg_page_step(s, 1);
		} else if (chooser_start(&e->ch, s->ui) == 0 &&
		    (only = chooser_only(&e->ch)) != NULL)
			edit_pick(s, only);
	} else if (e->mode == EM_CHOOSE && e->ch.pl.ready)
		plist_fill(&e->ch.pl);
	else if (e->mode == EM_EDIT && e->people_stale) {
		e->people_stale = 0;
		(void)samorg_edit_people_load(s);
	}
	if (e->note[0] != '\0') {
		ui_message(s->ui, 0, "%s", e->note);
		e->note[0] = '\0';
	}
}

/* Frees the screen's data. */
static void
edit_free(struct screen *s)
{
	struct samorg_edit	*e = s->data;

	edit_forget(e);
	textarea_free(&e->beskr);
	chooser_free(&e->ch);
	free(e);
}

/* For the frame: unsaved changes must not vanish unasked. */
static int
edit_screen_dirty(struct screen *s)
{
	return samorg_edit_dirty(s->data);
}

static const struct screen_type scr_samorg_edit_type = {
	.title = "Hantera samverkansorg",
	.enter = edit_enter,
	.layout = edit_layout,
	.draw = edit_draw,
	.key = edit_key,
	.free = edit_free,
	.cursor = edit_cursor,
	.dirty = edit_screen_dirty,
};

/* Creates the screen; a samverkansadministratör chooses among their own. */
struct screen *
scr_samorg_edit_new(struct ui *ui)
{
	struct screen		*s;
	struct samorg_edit	*e;

	e = xcalloc(1, sizeof *e);
	textarea_init(&e->beskr, EDIT_BESKRIVNING_MAX);
	s = screen_new(ui, &scr_samorg_edit_type, e);
	samorg_chooser_init(&e->ch, &e->pick, ui, ROLE_SAMVERKANSADMIN);
	return s;
}

/* Creates the screen on one organisation, as the view's F4 Ändra does. */
struct screen *
scr_samorg_edit_open(struct ui *ui, uint32_t samorg_id)
{
	struct screen		*s = scr_samorg_edit_new(ui);
	struct samorg_edit	*e = s->data;

	e->direct = 1;
	e->id = samorg_id;
	return s;
}
