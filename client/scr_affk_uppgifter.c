/*
 * Registrera uppgifter (domain.md 3.14, 5.2): the answers of one Af/FK
 * period. The questions are the insatstyp's (styrdata), each answered
 * from its list; a question with a villkor shows only while the other
 * question has that answer; mandatory ones are marked with *. Opened
 * over Registrera medverkan or an övergång (nothing answered yet), or
 * from Historik with the answers given (Välj: to view and correct).
 * F2 Spara sends every answer shown in one MSG_AFFK_UPPGIFTER_SAVE and
 * goes back; a refusal keeps what is chosen. Esc after changes asks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk.h"
#include "affk_form.h"
#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* Most questions a step has, and codes a list offers. */
#define AU_FRAGOR_MAX	64
#define AU_KODER_MAX	256

/* Field 0 is the rubrik; question i is field 1 + i. */
#define AU_FIRST	1

struct uppgifter {
	uint32_t		 kontor_insats_id;
	uint32_t		 period_id;
	uint32_t		 insatstyp_id;
	char			*rubrik;
	char			 title[200];
	const struct affk_fraga_row *q[AU_FRAGOR_MAX];
	size_t			 nq;
	char			*labels[AU_FRAGOR_MAX];
	struct affk_choice	 ch[AU_FRAGOR_MAX];
	struct mfield		 f[AU_FIRST + AU_FRAGOR_MAX + 1];
	struct affk_meta	 meta[AU_FIRST + AU_FRAGOR_MAX + 1];
	size_t			 nfields;
	struct affk_page	 page;
};

/* The field of the question with id, or 0 when the step lacks it. */
static size_t
au_field_of(const struct uppgifter *u, uint32_t fraga_id)
{
	size_t	i;

	for (i = 0; i < u->nq; i++) {
		if (u->q[i]->id == fraga_id)
			return AU_FIRST + i;
	}
	return 0;
}

/* Shows the questions whose condition holds, hides the others. */
static void
au_follow(struct uppgifter *u)
{
	const struct affk_fraga_row	*q;
	size_t				 i, vf;
	int				 changed = 1, n = 0, hide;

	/* A hidden question hides those that hang on it: until still. */
	while (changed && n++ < (int)AU_FRAGOR_MAX) {
		changed = 0;
		for (i = 0; i < u->nq; i++) {
			q = u->q[i];
			if (q->villkor_fraga_id == 0)
				continue;
			vf = au_field_of(u, q->villkor_fraga_id);
			hide = vf == 0 || u->f[vf].hidden ||
			    affk_choice_id(&u->f[vf], &u->ch[vf - AU_FIRST]) !=
			    q->villkor_svar_id;
			if (u->f[AU_FIRST + i].hidden != hide) {
				u->f[AU_FIRST + i].hidden = hide;
				changed = 1;
			}
		}
	}
	if (u->page.form.focus < u->nfields &&
	    u->f[u->page.form.focus].hidden)
		mform_focus(&u->page.form, u->page.form.focus);
}

/* The questions and their answers from the styrdata and svar. */
static void
au_build(struct screen *s, const struct affk_svar_row *svar, uint32_t nsvar)
{
	struct uppgifter		*u = s->data;
	const struct affk_kod_row	*k[AU_KODER_MAX];
	const struct affk_insatstyp_row	*t;
	size_t				 i, j, nk;
	uint32_t			 given;

	t = affk_typ_by_id(s->ui, u->insatstyp_id);
	/* The frame says Registrera uppgifter; the page, the step. */
	snprintf(u->title, sizeof u->title, "%s", t != NULL ? t->namn : "");
	u->f[0] = (struct mfield){ .kind = MF_TEXT, .label = "",
	    .text = u->rubrik };
	u->nq = affk_fragor(s->ui, u->insatstyp_id, u->q, AU_FRAGOR_MAX);
	for (i = 0; i < u->nq; i++) {
		given = 0;
		for (j = 0; j < nsvar; j++) {
			if (svar[j].fraga_id == u->q[i]->id)
				given = svar[j].svar_id;
		}
		affk_choice_add(&u->ch[i], 0, "(välj)");
		nk = affk_koder(s->ui, u->q[i]->lista, 1, k, AU_KODER_MAX);
		for (j = 0; j < nk; j++) {
			/* A code no longer in use only when it was given. */
			if (k[j]->aktiv || k[j]->id == given)
				affk_choice_add(&u->ch[i], k[j]->id,
				    k[j]->namn);
		}
		if (xasprintf(&u->labels[i], "%s%s", u->q[i]->text,
		    u->q[i]->obligatorisk ? " *" : "") < 0)
			u->labels[i] = xstrdup(u->q[i]->text);
		u->f[AU_FIRST + i] = (struct mfield){ .kind = MF_CHOICE,
		    .label = u->labels[i] };
		u->meta[AU_FIRST + i].blank = 1;
		affk_choice_field(&u->f[AU_FIRST + i], &u->ch[i], given);
	}
	u->nfields = AU_FIRST + u->nq;
	if (u->nq == 0) {
		u->f[u->nfields] = (struct mfield){ .kind = MF_TEXT,
		    .label = "", .text = "Steget ställer inga frågor." };
		u->meta[u->nfields].blank = 1;
		u->nfields++;
	} else {
		u->f[u->nfields] = (struct mfield){ .kind = MF_TEXT,
		    .label = "", .text = "* måste besvaras" };
		u->meta[u->nfields].blank = 1;
		u->meta[u->nfields].attr = A_DIM;
		u->nfields++;
	}
	affk_page_init(&u->page, u->f, u->meta, u->nfields);
	au_follow(u);
	mform_focus(&u->page.form, AU_FIRST);
	affk_page_clean(&u->page);
}

/* F2 Spara: the answers shown, mandatory ones all given. */
static void
au_save(struct screen *s)
{
	struct uppgifter		*u = s->data;
	struct msg_affk_uppgifter_save	 b;
	struct msg_affk_saved		 rep;
	struct affk_svar_row		 svar[AU_FRAGOR_MAX];
	struct ui			*ui = s->ui;
	char				 why[320];
	size_t				 i;
	uint32_t			 id;

	memset(&b, 0, sizeof b);
	memset(svar, 0, sizeof svar);
	for (i = 0; i < u->nq; i++) {
		if (u->f[AU_FIRST + i].hidden)
			continue;
		id = affk_choice_id(&u->f[AU_FIRST + i], &u->ch[i]);
		if (id == 0 && u->q[i]->obligatorisk) {
			snprintf(why, sizeof why, "Svara på frågan: %s.",
			    u->q[i]->text);
			(void)affk_page_refuse(s, &u->page, AU_FIRST + i, why);
			return;
		}
		if (id == 0)
			continue;
		svar[b.nsvar].fraga_id = u->q[i]->id;
		svar[b.nsvar].svar_id = id;
		b.nsvar++;
	}
	b.kontor_insats_id = u->kontor_insats_id;
	b.period_id = u->period_id;
	b.svar = svar;
	memset(&rep, 0, sizeof rep);
	if (ui_call(ui, MSG_AFFK_UPPGIFTER_SAVE, &b, MSG_AFFK_SAVED,
	    &rep) != 0)
		return;		/* the reason is shown; the answers stay */
	msg_clear(MSG_AFFK_SAVED, &rep);
	affk_page_clean(&u->page);
	ui_pop(ui);
	ui_message(ui, 0, "Uppgifterna är sparade.");
}

static void
au_cancel(struct screen *s)
{
	static const char *const ask[] = {
		"Svaren är inte sparade. Avbryta ändå? (j/n)",
	};
	struct uppgifter	*u = s->data;
	struct ui		*ui = s->ui;

	if (affk_page_dirty(&u->page) && !ui_ask(ui, "Avbryta", ask, 1))
		return;
	ui_pop(ui);
	ui_message(ui, 0, "Uppgifterna är inte sparade: de kan skapas "
	    "i Historik.");
}

static int
au_key(struct screen *s, const struct keyev *ev)
{
	struct uppgifter	*u = s->data;
	int			 rv;

	if (ev->action == ACT_CANCEL) {
		au_cancel(s);	/* s may be gone */
		return 1;
	}
	if (ev->action == ACT_SAVE) {
		au_save(s);
		return 1;
	}
	if (keys_is_enter(ev)) {
		(void)mform_key(&u->page.form, &(struct keyev){
		    .action = ACT_NEXT });
		return 1;
	}
	rv = affk_page_key(&u->page, ev);
	au_follow(u);
	return rv != 0;
}

static void
au_draw(struct screen *s, WINDOW *w)
{
	struct uppgifter	*u = s->data;

	affk_page_draw(s, &u->page, w, u->title,
	    "←→ byter svar  Tab nästa  F2 Spara  Esc Avbryt");
}

static int
au_cursor(struct screen *s, int *y, int *x)
{
	struct uppgifter	*u = s->data;

	return affk_page_cursor(s, &u->page, y, x);
}

static int
au_dirty(struct screen *s)
{
	struct uppgifter	*u = s->data;

	return affk_page_dirty(&u->page);
}

static void
au_free(struct screen *s)
{
	struct uppgifter	*u = s->data;
	size_t			 i;

	for (i = 0; i < u->nq; i++) {
		affk_choice_clear(&u->ch[i]);
		free(u->labels[i]);
	}
	affk_page_free(&u->page);
	free(u->rubrik);
	free(u);
}

static const struct screen_type scr_affk_uppgifter_type = {
	.title = "Registrera uppgifter",
	.draw = au_draw,
	.key = au_key,
	.free = au_free,
	.cursor = au_cursor,
	.dirty = au_dirty,
};

struct screen *
scr_affk_uppgifter_new(struct ui *ui, uint32_t kontor_insats_id,
    uint32_t period_id, uint32_t insatstyp_id, const char *rubrik,
    const struct affk_svar_row *svar, uint32_t nsvar)
{
	struct uppgifter	*u;
	struct screen		*s;

	u = xcalloc(1, sizeof *u);
	u->kontor_insats_id = kontor_insats_id;
	u->period_id = period_id;
	u->insatstyp_id = insatstyp_id;
	u->rubrik = xstrdup(rubrik != NULL ? rubrik : "");
	s = screen_new(ui, &scr_affk_uppgifter_type, u);
	au_build(s, svar, nsvar);
	return s;
}
