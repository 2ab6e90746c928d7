/*
 * Anonyma deltagare Af/FK (domain.md 2.6(b), 3.14): anonymous
 * participants of an office are counted on the anonym screen with the
 * office's insats. With one office it opens at once; with several the
 * office is chosen first, and Esc there comes back to the choice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk.h"
#include "affk_form.h"
#include "client.h"
#include "deltagande.h"
#include "xmalloc.h"

#define AA_MAX	64

enum { AA_KONTOR, AA_INFO, AA__COUNT };

struct affk_anonym {
	int			 started;
	struct mfield		 f[AA__COUNT];
	struct affk_meta	 meta[AA__COUNT];
	struct affk_page	 page;
	const struct affk_kontor_row *mina[AA_MAX];
	size_t			 nmina;
	struct affk_choice	 kontor;
};

static void
aa_open(struct screen *s)
{
	struct affk_anonym	*a = s->data;
	size_t			 i;

	a->nmina = affk_mina_kontor(s->ui, a->mina, AA_MAX);
	affk_choice_clear(&a->kontor);
	for (i = 0; i < a->nmina; i++)
		affk_choice_add(&a->kontor, a->mina[i]->insats_id,
		    a->mina[i]->namn);
	affk_choice_field(&a->f[AA_KONTOR], &a->kontor, 0);
	a->f[AA_KONTOR].hidden = a->nmina == 0;
	mform_focus(&a->page.form, AA_KONTOR);
	if (a->nmina == 0)
		ui_message(s->ui, 1, "Du är inte deltagaransvarig för något "
		    "Af/FK-kontor.");
}

static int
aa_key(struct screen *s, const struct keyev *ev)
{
	struct affk_anonym	*a = s->data;
	uint32_t		 insats_id;

	if (keys_is_enter(ev) || ev->action == ACT_SEARCH) {
		insats_id = affk_choice_id(&a->f[AA_KONTOR], &a->kontor);
		if (insats_id != 0)
			ui_push(s->ui, scr_anonym_insats_new(s->ui, insats_id));
		return 1;
	}
	if (ev->action == ACT_CANCEL || ev->action == ACT_SAVE)
		return 0;
	return affk_page_key(&a->page, ev) != 0;
}

static void
aa_draw(struct screen *s, WINDOW *w)
{
	struct affk_anonym	*a = s->data;

	affk_page_draw(s, &a->page, w, "Anonyma deltagare Af/FK",
	    "←→/bokstav byter  Enter öppnar  Esc tillbaka");
}

static void
aa_enter(struct screen *s)
{
	struct affk_anonym	*a = s->data;

	if (!a->started && remote_connected(s->ui->remote)) {
		a->started = 1;
		aa_open(s);
	}
}

static void
aa_free(struct screen *s)
{
	struct affk_anonym	*a = s->data;

	affk_choice_clear(&a->kontor);
	affk_page_free(&a->page);
	free(a);
}

static const struct screen_type scr_affk_anonym_type = {
	.title = "Anonyma deltagare Af/FK",
	.enter = aa_enter,
	.draw = aa_draw,
	.key = aa_key,
	.free = aa_free,
};

/* The office's anonym screen at once when there is one office. */
struct screen *
scr_affk_anonym_new(struct ui *ui)
{
	const struct affk_kontor_row	*mina[2];
	struct affk_anonym		*a;

	if (affk_mina_kontor(ui, mina, 2) == 1)
		return scr_anonym_insats_new(ui, mina[0]->insats_id);
	a = xcalloc(1, sizeof *a);
	a->f[AA_KONTOR] = (struct mfield){ .kind = MF_CHOICE,
	    .label = "Kontor" };
	a->f[AA_INFO] = (struct mfield){ .kind = MF_TEXT, .label = "",
	    .text = "Välj kontoret att räkna anonyma deltagare för och tryck "
	    "Enter. De räknas på kontorets insats, ett kalenderår i taget." };
	a->meta[AA_INFO].blank = 1;
	affk_page_init(&a->page, a->f, a->meta, AA__COUNT);
	return screen_new(ui, &scr_affk_anonym_type, a);
}
