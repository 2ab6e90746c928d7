/*
 * Registrera (ny) insats (domain.md 2.4, 5.2): the insatsansvarig first
 * chooses the samverkansorganisation among those where they hold an
 * uppdrag (a superadministratör searches all; the choice is skipped for
 * one), then fills in Grunduppgifter and Beskrivning, categorises the
 * insats (inriktning, preciserad inriktning, deltagarregistrering and
 * the specifika målgrupperna; locked once participants are registered,
 * rule 26) and picks its deltagaransvariga. Nothing is stored until F2
 * Spara sends all of it (rule 15); Esc after changes asks first. F6 opens
 * the insats's Budget tab, F7 the counts of a volyminsats.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "insats.h"
#include "insats_edit.h"
#include "proto.h"
#include "xmalloc.h"

/* The ⓘ of Deltagaransvariga för insatsen (domain.md 5.3). */
static const char *const edit_da_info[] = {
	"Deltagaransvariga registrerar deltagarna på insatsen och är de",
	"enda som ser deras personuppgifter.",
	"",
	"Bara användare med rollen Deltagaransvarig kan väljas. Panelen",
	"gäller insatser med deltagarregistrering Personuppgifter/anonym:",
	"en volyminsats (Endast antal) har inga deltagaransvariga.",
	"",
	"+ lägger till, - tar bort. Inget sparas förrän du trycker F2 Spara.",
};

/* F2 Spara: the whole insats; on success it is read again. */
static void
edit_save(struct screen *s)
{
	struct insats_edit	*e = s->data;
	struct msg_insats	 m;
	struct msg_ok		 ok;
	char			 said[SUS_MESSAGE_MAX + 1];
	int			 rv;

	if (!ie_editable(e)) {
		ui_message(s->ui, 1, "Du kan inte ändra insatsen.");
		return;
	}
	if (e->id != 0 && !ie_dirty(e)) {
		ui_message(s->ui, 0, "Det finns inga ändringar att spara.");
		return;
	}
	if (ie_collect(s, &m) != 0)
		return;
	memset(&ok, 0, sizeof ok);
	rv = ui_call(s->ui, MSG_INSATS_SAVE, &m, MSG_OK, &ok);
	msg_clear(MSG_INSATS, &m);
	if (rv != 0)
		return;		/* the reason is shown; the fields stay */
	if (e->id == 0)
		e->id = ok.id;
	snprintf(said, sizeof said, "%s", ok.message != NULL &&
	    ok.message[0] != '\0' ? ok.message : "Insatsen är sparad.");
	msg_clear(MSG_OK, &ok);
	if (e->id == 0 || ie_load(s) != 0) {
		ui_message(s->ui, 1, "Insatsen är sparad, men kunde inte "
		    "hämtas igen. F3 försöker igen.");
		return;
	}
	ui_message(s->ui, 0, "%s", said);
}

/* Opens what the screen was made for: one insats, or a new one. */
static void
edit_open(struct screen *s)
{
	struct insats_edit	*e = s->data;

	if (e->id != 0)
		(void)ie_load(s);
	else
		(void)ie_start_new(s);
}

/* F3: fetches the insats again, asking when that loses changes. */
static void
edit_reload(struct screen *s)
{
	static const char *const ask[] = {
		"Ändringarna är inte sparade. Hämta igen ändå? (j/n)",
	};
	struct insats_edit	*e = s->data;

	if (e->id == 0) {
		ui_message(s->ui, 0, "Insatsen är inte sparad än: det finns "
		    "inget att hämta igen.");
		return;
	}
	if (ie_dirty(e) && !ui_ask(s->ui, "Hämta igen", ask, 1))
		return;
	if (ie_load(s) == 0)
		ui_message(s->ui, 0, "Insatsen är hämtad igen.");
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
	struct insats_edit	*e = s->data;

	if (ie_dirty(e) && !ui_ask(s->ui, "Avbryta", ask, 1))
		return 0;
	if (e->direct) {
		ui_pop(s->ui);
		return 1;
	}
	ie_forget(e);
	ui_message(s->ui, 0, "%s", "");
	return 0;
}

/* F6: the Budget tab, for a saved insats. */
static void
edit_budget(struct screen *s)
{
	struct insats_edit	*e = s->data;

	if (e->id == 0)
		ui_message(s->ui, 0, "Spara insatsen först (F2): budgeten hör "
		    "till en sparad insats.");
	else
		ui_push(s->ui, scr_insats_budget_new(s->ui, e->id,
		    e->orig.namn));
}

/* F7: the counts of a saved volyminsats. */
static void
edit_volym(struct screen *s)
{
	struct insats_edit	*e = s->data;

	if (e->id == 0 || !ie_metod_is(e, "ANTAL") ||
	    ie_choice_id(e, KF_METOD) != e->orig.matningsmetod_id)
		ui_message(s->ui, 0, "Antal registreras för en sparad insats "
		    "med deltagarregistrering Endast antal.");
	else if (!(e->orig.rights & INSATS_R_VOLYM))
		ui_message(s->ui, 1, "Antal registreras av insatsansvariga i "
		    "samverkansorganisationen.");
	else
		ui_push(s->ui, scr_volym_insats_new(s->ui, e->id));
}

/* Reports whether a key would change the focused field. */
static int
edit_changes(const struct keyev *ev)
{
	return ev->action == ACT_NONE && (ev->code == 0 ||
	    keys_is_enter(ev) || ev->code == KEY_LEFT ||
	    ev->code == KEY_RIGHT || ev->code == KEY_BACKSPACE ||
	    ev->code == KEY_DC || ev->code == KEY_IC);
}

/* Says why a locked part does not change; 1 when the key was refused. */
static int
edit_refused(struct screen *s, const struct keyev *ev)
{
	struct insats_edit	*e = s->data;

	if (!edit_changes(ev))
		return 0;
	if (!ie_editable(e))
		ui_message(s->ui, 1, "Du kan inte ändra insatsen.");
	else if (e->zone == IZ_KAT && !ie_kat_editable(e))
		ui_message(s->ui, 1, "Kategoriseringen är låst: det finns "
		    "registrerade deltagare på insatsen.");
	else
		return 0;
	return 1;
}

/* The direction a key moves the focus in a form, 0 for none. */
static int
edit_form_dir(const struct keyev *ev, int enter)
{
	if (ev->action == ACT_NEXT || ev->code == KEY_DOWN ||
	    (enter && keys_is_enter(ev)))
		return 1;
	if (ev->action == ACT_PREV || ev->code == KEY_UP)
		return -1;
	return 0;
}

/* Keys in Grunduppgifter or Kategorisering. */
static int
edit_form_key(struct screen *s, struct mform *f, const struct keyev *ev)
{
	struct insats_edit	*e = s->data;
	struct keyev		 step;
	char			 text[160];
	int			 dir, rv, inr, metod;

	dir = edit_form_dir(ev, 1);
	if (dir != 0 && ie_page_at_edge(s, dir))
		ie_page_step(s, dir);
	else if (dir != 0) {
		memset(&step, 0, sizeof step);
		step.action = dir > 0 ? ACT_NEXT : ACT_PREV;
		(void)mform_key(f, &step);
	}
	if (dir != 0 || edit_refused(s, ev))
		return 1;
	inr = e->kat[KF_INR].value;
	metod = e->kat[KF_METOD].value;
	if ((rv = mform_key(f, ev)) == ENTRY_KEY_FULL) {
		mform_full_text(f, text, sizeof text);
		ui_message(s->ui, 1, "%s", text);
	}
	if (f == &e->kform)
		ie_kat_changed(s, inr, metod);
	return rv != 0;
}

/* Keys in Beskrivning. */
static int
edit_beskr_key(struct screen *s, const struct keyev *ev)
{
	struct insats_edit	*e = s->data;
	int			 rv;

	if (ev->action == ACT_NEXT || ev->action == ACT_PREV) {
		ie_page_step(s, ev->action == ACT_NEXT ? 1 : -1);
		return 1;
	}
	if (edit_refused(s, ev))
		return 1;
	rv = textarea_key(&e->beskr, ev, ie_page_width(s));
	if (rv == ENTRY_KEY_FULL)
		ui_message(s->ui, 1, "Beskrivning får vara högst %d tecken.",
		    IE_BESKRIVNING_MAX);
	if (rv == 0 && (ev->code == KEY_UP || ev->code == KEY_DOWN)) {
		ie_page_step(s, ev->code == KEY_UP ? -1 : 1);
		return 1;
	}
	return rv != 0;
}

/* + on the panel: "Välj användare", only users holding the role. */
static void
edit_da_add(struct screen *s)
{
	struct insats_edit	*e = s->data;

	if (!ie_editable(e))
		ui_message(s->ui, 1, "Du kan inte ändra insatsen.");
	else if (!ie_metod_is(e, "PERSON"))
		ui_message(s->ui, 1, "Deltagaransvariga behövs bara när "
		    "deltagarregistreringen är Personuppgifter/anonym.");
	else
		ui_push(s->ui, picker_new(s->ui, s, ROLE_DELTAGARANSVARIG,
		    ie_da_picked));
}

/* Keys on the Deltagaransvariga panel. */
static int
edit_da_key(struct screen *s, const struct keyev *ev)
{
	struct insats_edit	*e = s->data;
	int			 dir = edit_form_dir(ev, 0);
	wint_t			 c = ev->code == 0 ? ev->ch : 0;

	if (dir != 0 && (ev->action != ACT_NONE || ie_page_at_edge(s, dir)))
		ie_page_step(s, dir);
	else if (dir != 0)
		e->da_cur = (size_t)((int)e->da_cur + dir);
	else if (c == L'+' || ev->code == KEY_IC)
		edit_da_add(s);
	else if (c == L'-' || ev->code == KEY_DC) {
		if (!edit_refused(s, ev))
			ie_da_remove(s);
	} else if (c == L'i' || c == L'?')
		ui_notice(s->ui, "Deltagaransvariga för insatsen",
		    edit_da_info, sizeof edit_da_info /
		    sizeof edit_da_info[0]);
	else if (ev->code == KEY_HOME || ev->code == KEY_END)
		e->da_cur = ev->code == KEY_HOME || e->nda == 0 ? 0 :
		    e->nda - 1;
	else
		return 0;
	return 1;
}

/* Keys that work anywhere on the page, then those of the focused part. */
static int
edit_page_key(struct screen *s, const struct keyev *ev)
{
	struct insats_edit	*e = s->data;

	if (ev->action == ACT_SAVE)
		edit_save(s);
	else if (ev->action == ACT_SEARCH)
		edit_reload(s);
	else if (ev->code == KEY_F(6))
		edit_budget(s);
	else if (ev->code == KEY_F(7))
		edit_volym(s);
	else if (ev->code == KEY_NPAGE || ev->code == KEY_PPAGE)
		ie_page_jump(s, ev->code == KEY_NPAGE ? 1 : -1);
	else if (e->zone == IZ_BASE)
		return edit_form_key(s, &e->bform, ev);
	else if (e->zone == IZ_BESKR)
		return edit_beskr_key(s, ev);
	else if (e->zone == IZ_KAT)
		return edit_form_key(s, &e->kform, ev);
	else
		return edit_da_key(s, ev);
	return 1;
}

/* Opens a new insats in the chooser's organisation. */
static void
edit_pick(struct screen *s, const struct plist_row *row)
{
	struct insats_edit	*e = s->data;

	e->samorg_id = row->id;
	e->id = 0;
	(void)ie_start_new(s);
}

/* Keys while there is no insats: the chooser, or F3 to try again. */
static int
edit_choose_key(struct screen *s, const struct keyev *ev)
{
	struct insats_edit	*e = s->data;
	int			 rv;

	if (ev->action == ACT_CANCEL)
		return 0;
	if (e->direct) {
		if (ev->action != ACT_SEARCH)
			return 0;
		edit_open(s);
		return 1;
	}
	if ((rv = chooser_key(&e->ch, s->ui, ev)) != CHOOSER_PICKED)
		return rv;
	edit_pick(s, plist_current(&e->ch.pl));
	return 1;
}

/* Routes keys: the chooser first, then the page. */
static int
edit_key(struct screen *s, const struct keyev *ev)
{
	struct insats_edit	*e = s->data;

	if (e->mode == IEM_CHOOSE)
		return edit_choose_key(s, ev);
	if (ev->action == ACT_CANCEL) {
		(void)edit_cancel(s);
		return 1;	/* s may be gone */
	}
	return edit_page_key(s, ev);
}

/* Draws the chooser, or the page. */
static void
edit_draw(struct screen *s, WINDOW *w)
{
	struct insats_edit	*e = s->data;

	if (e->mode == IEM_EDIT)
		ie_page_draw(s, w);
	else if (e->direct)
		text_put(w, 1, 1, "Insatsen kunde inte hämtas. F3 försöker "
		    "igen, Esc går tillbaka.", s->cols - 2);
	else
		chooser_draw(&e->ch, w, s->lines, s->cols);
}

/* Places the cursor in the chooser's field or on the page. */
static int
edit_cursor(struct screen *s, int *y, int *x)
{
	struct insats_edit	*e = s->data;

	if (e->mode == IEM_EDIT)
		return ie_page_cursor(s, y, x);
	if (e->direct)
		return 0;
	return chooser_cursor(&e->ch, s->cols, y, x);
}

/* Fits the chooser. */
static void
edit_layout(struct screen *s, int lines, int cols)
{
	struct insats_edit	*e = s->data;

	(void)cols;
	chooser_layout(&e->ch, lines);
}

/* Opens the insats or starts the chooser; says what pop-ups did. */
static void
edit_enter(struct screen *s)
{
	struct insats_edit	*e = s->data;
	struct plist_row	*only;

	if (!e->started && remote_connected(s->ui->remote)) {
		e->started = 1;
		if (e->direct)
			edit_open(s);
		else if (chooser_start(&e->ch, s->ui) == 0 &&
		    (only = chooser_only(&e->ch)) != NULL)
			edit_pick(s, only);
	} else if (e->mode == IEM_CHOOSE && !e->direct && e->ch.pl.ready)
		plist_fill(&e->ch.pl);
	if (e->note[0] != '\0') {
		ui_message(s->ui, 0, "%s", e->note);
		e->note[0] = '\0';
	}
}

/* Frees the screen's data. */
static void
edit_free(struct screen *s)
{
	struct insats_edit	*e = s->data;

	ie_forget(e);
	textarea_free(&e->beskr);
	chooser_free(&e->ch);
	free(e);
}

/* For the frame: unsaved changes must not vanish unasked. */
static int
edit_screen_dirty(struct screen *s)
{
	return ie_dirty(s->data);
}

static const struct screen_type scr_insats_edit_type = {
	.title = "Registrera insats",
	.enter = edit_enter,
	.layout = edit_layout,
	.draw = edit_draw,
	.key = edit_key,
	.free = edit_free,
	.cursor = edit_cursor,
	.dirty = edit_screen_dirty,
};

/*
 * Creates the screen on insats_id, or on a new insats in samorg_id, or
 * (both 0) on a new insats in an organisation the user chooses.
 */
struct screen *
scr_insats_edit_new(struct ui *ui, uint32_t insats_id, uint32_t samorg_id)
{
	struct insats_edit	*e;
	struct screen		*s;

	e = xcalloc(1, sizeof *e);
	textarea_init(&e->beskr, IE_BESKRIVNING_MAX);
	e->id = insats_id;
	e->samorg_id = samorg_id;
	e->direct = insats_id != 0 || samorg_id != 0;
	s = screen_new(ui, &scr_insats_edit_type, e);
	samorg_chooser_init(&e->ch, &e->pick, ui, ROLE_INSATSANSVARIG);
	return s;
}

/* Registrera ny insats from the menu: the organisation is chosen first. */
struct screen *
scr_insats_ny_new(struct ui *ui)
{
	return scr_insats_edit_new(ui, 0, 0);
}
