/*
 * The urvalsbild of one report (issue 9): the rapporttyp first, then the
 * choices the server lists for it (rapport_param_row: only those whose
 * typer name the chosen rapporttyp), the common ones first and the rarer
 * ones behind "Fler urval" (F6 shows or hides them). Each starts at the
 * caller's remembered choice, else its standard. F2, or Enter on "Skapa
 * rapport", runs the report with every choice that applies to the
 * rapporttyp; a refusal stays on the message line with the choices
 * kept, and the result opens over this screen.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk.h"
#include "client.h"
#include "date.h"
#include "proto.h"
#include "rapport.h"
#include "xmalloc.h"

/* Most options one choice holds (codes, offices). */
#define RS_VAL_MAX	500

/* One parameter's field and what its choices stand for. */
struct rs_param {
	const struct rapport_param_row *p;
	size_t		 fi;		/* its field */
	char		**koder;	/* a choice's values */
	char		**namn;		/* and names */
	size_t		 n;
	char		 varde[101];	/* SAMORG, INSATS, KOMMUN: chosen */
	char		 visa[200];	/* and its name */
};

struct rapport_scr {
	char		 namn[41];
	int		 byggd;
	const struct rapport_def_row *def;
	struct mfield	*f;
	size_t		 nf;
	struct mform	 form;
	const char	**typer;	/* the rapporttyper's titles */
	struct rs_param	*rp;		/* one per parameter */
	size_t		 typ_fi, fler_fi, skapa_fi;
	int		 fler;		/* "Fler urval" shown */
	int		 bygger;	/* fetching the definitions */
	size_t		 valj;		/* the parameter a pop-up chooses */
};

/* The rapporttyp chosen. */
static const char *
rs_typ(const struct rapport_scr *rs)
{
	return rs->def->typer[rs->f[rs->typ_fi].value].namn;
}

/* Hides what does not apply to the rapporttyp or waits behind Fler. */
static void
rs_visa(struct rapport_scr *rs)
{
	const struct rapport_param_row	*p;
	uint32_t			 i;
	int				 nfler = 0, galler;

	for (i = 0; i < rs->def->nparam; i++) {
		p = rs->rp[i].p;
		galler = rapport_param_galler(p, rs_typ(rs));
		if (galler && p->fler)
			nfler++;
		rs->f[rs->rp[i].fi].hidden = !galler || (p->fler && !rs->fler);
	}
	rs->f[rs->fler_fi].hidden = nfler == 0;
	rs->f[rs->fler_fi].text = rs->fler ? "Färre urval (F6)" :
	    "Fler urval (F6)";
	if (rs->f[rs->form.focus].hidden)
		mform_focus(&rs->form, rs->form.focus);
}

/* Adds one option to a choice. */
static void
rs_val_add(struct rs_param *r, const char *kod, const char *namn)
{
	if (r->n >= RS_VAL_MAX)
		return;
	r->koder = xreallocarray(r->koder, r->n + 1, sizeof *r->koder);
	r->namn = xreallocarray(r->namn, r->n + 1, sizeof *r->namn);
	r->koder[r->n] = xstrdup(kod);
	r->namn[r->n] = xstrdup(namn);
	r->n++;
}

/* Fills the options of a choice from the server's lists and caches. */
static void
rs_val_fill(struct ui *ui, struct rs_param *r)
{
	const struct rapport_param_row	 *p = r->p;
	const struct kod_row		 *k[RS_VAL_MAX];
	const struct affk_kontor_row	 *ko[RS_VAL_MAX];
	const char			 *ln[64];
	char				  lk[64][3], id[16];
	size_t				  i, n;

	switch (p->slag) {
	case RAPPORT_P_VAL:
		for (i = 0; i < p->nval; i++)
			rs_val_add(r, p->val[i].kod, p->val[i].namn);
		break;
	case RAPPORT_P_KOD:
		rs_val_add(r, "", "Alla");
		n = kod_codes(ui, p->lista, 0, 0, k, RS_VAL_MAX - 1);
		for (i = 0; i < n; i++)
			rs_val_add(r, k[i]->kod, k[i]->namn);
		break;
	case RAPPORT_P_LAN:
		n = lan_choices(ui, ln, lk, 64);
		for (i = 0; i < n; i++)
			rs_val_add(r, lk[i], ln[i]);
		if (n == 0)
			rs_val_add(r, "", "Alla län");
		break;
	case RAPPORT_P_AF_KONTOR:
	case RAPPORT_P_FK_KONTOR:
		rs_val_add(r, "", "Alla kontor");
		n = affk_kontor_list(ui, p->slag == RAPPORT_P_AF_KONTOR ?
		    AFFK_AF : AFFK_FK, 1, ko, RS_VAL_MAX - 1);
		for (i = 0; i < n; i++) {
			snprintf(id, sizeof id, "%u", ko[i]->id);
			rs_val_add(r, id, ko[i]->namn);
		}
		break;
	}
}

/* "Alla ..." for a chosen-by-pop-up parameter with nothing chosen. */
static const char *
rs_alla(int slag)
{
	switch (slag) {
	case RAPPORT_P_SAMORG:
		return "Alla samverkansorganisationer";
	case RAPPORT_P_INSATS:
		return "Alla insatser";
	default:
		return "Alla kommuner";
	}
}

/* Sets a parameter's field to a value (remembered or standard). */
static void
rs_satt(struct rapport_scr *rs, struct rs_param *r, const char *v)
{
	struct mfield	*mf = &rs->f[r->fi];
	size_t		 i;

	switch (r->p->slag) {
	case RAPPORT_P_DATUM:
	case RAPPORT_P_AR:
		entry_set(&mf->entry, v);
		break;
	case RAPPORT_P_SAMORG:
	case RAPPORT_P_INSATS:
	case RAPPORT_P_KOMMUN:
		snprintf(r->varde, sizeof r->varde, "%s",
		    strcmp(v, "0") == 0 ? "" : v);
		if (r->varde[0] == '\0')
			snprintf(r->visa, sizeof r->visa, "%s",
			    rs_alla(r->p->slag));
		else
			snprintf(r->visa, sizeof r->visa, "%s nr %s "
			    "(valt tidigare)", r->p->slag == RAPPORT_P_KOMMUN ?
			    "Kommun" : r->p->slag == RAPPORT_P_INSATS ?
			    "Insats" : "Samverkansorganisation", r->varde);
		mf->text = r->visa;
		break;
	default:
		mf->value = 0;
		for (i = 0; i < r->n; i++) {
			if (strcmp(r->koder[i], v) == 0) {
				mf->value = (int)i;
				break;
			}
		}
		break;
	}
}

/* Builds the fields from the definition; 0, or -1 when there is none. */
static int
rs_bygg1(struct screen *s)
{
	struct rapport_scr		*rs = s->data;
	const struct msg_rapport_defs	*d;
	const struct rapport_param_row	*p;
	struct rs_param			*r;
	struct mfield			*mf;
	const char			*v;
	char				 std[64];
	uint32_t			 i, pass;
	size_t				 n = 0;
	int				 avviker = 0;

	if ((d = rapport_defs(s->ui)) == NULL)
		return -1;
	if ((rs->def = rapport_defs_find(d, rs->namn)) == NULL) {
		ui_message(s->ui, 1, "Servern känner inte rapporten %s.",
		    rs->namn);
		return -1;
	}
	if (rs->def->ntyper == 0)
		return -1;
	rs->nf = rs->def->nparam + 3;
	rs->f = xcalloc(rs->nf, sizeof *rs->f);
	rs->rp = xcalloc(rs->def->nparam + 1, sizeof *rs->rp);
	rs->typer = xcalloc(rs->def->ntyper, sizeof *rs->typer);
	for (i = 0; i < rs->def->ntyper; i++)
		rs->typer[i] = rs->def->typer[i].titel;
	rs->typ_fi = n;
	mf = &rs->f[n++];
	mf->kind = MF_CHOICE;
	mf->label = "Rapporttyp";
	mf->choices = rs->typer;
	mf->nchoices = rs->def->ntyper;
	if ((v = rapport_sparad(d, rs->namn, "typ")) != NULL) {
		for (i = 0; i < rs->def->ntyper; i++)
			if (strcmp(rs->def->typer[i].namn, v) == 0)
				mf->value = (int)i;
	}
	/* The common choices, the Fler button, the rarer ones. */
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			rs->fler_fi = n;
			mf = &rs->f[n++];
			mf->kind = MF_BUTTON;
			mf->label = "";
		}
		for (i = 0; i < rs->def->nparam; i++) {
			p = &rs->def->param[i];
			if ((p->fler != 0) != (pass == 1))
				continue;
			r = &rs->rp[i];
			r->p = p;
			r->fi = n;
			mf = &rs->f[n++];
			mf->label = p->titel;
			switch (p->slag) {
			case RAPPORT_P_DATUM:
				mf->kind = MF_ENTRY;
				entry_init(&mf->entry, 10, 0);
				mf->hint = NULL;
				break;
			case RAPPORT_P_AR:
				mf->kind = MF_ENTRY;
				entry_init(&mf->entry, 4, 0);
				break;
			case RAPPORT_P_SAMORG:
			case RAPPORT_P_INSATS:
			case RAPPORT_P_KOMMUN:
				mf->kind = MF_BUTTON;
				break;
			default:
				mf->kind = MF_CHOICE;
				rs_val_fill(s->ui, r);
				mf->choices = (const char *const *)r->namn;
				mf->nchoices = r->n;
				break;
			}
			rapport_std_varde(p, std, sizeof std);
			v = rapport_sparad(d, rs->namn, p->namn);
			rs_satt(rs, r, v != NULL ? v : std);
			if (p->fler && v != NULL && strcmp(v, std) != 0)
				avviker = 1;
		}
	}
	rs->skapa_fi = n;
	mf = &rs->f[n++];
	mf->kind = MF_BUTTON;
	mf->label = "";
	mf->text = "Skapa rapport (F2)";
	rs->nf = n;
	mform_init(&rs->form, rs->f, rs->nf);
	/* A rarer choice remembered away from its standard is shown. */
	rs->fler = avviker;
	rs_visa(rs);
	mform_focus(&rs->form, 0);
	rs->byggd = 1;
	return 0;
}

/*
 * Builds once. The requests it makes draw the screen while they wait,
 * which must then not start building again.
 */
static int
rs_bygg(struct screen *s)
{
	struct rapport_scr	*rs = s->data;
	int			 rv;

	if (rs->byggd || rs->bygger)
		return 0;
	rs->bygger = 1;
	rv = rs_bygg1(s);
	rs->bygger = 0;
	return rv;
}

/* A parameter's value as it is sent. */
static void
rs_varde(struct rapport_scr *rs, const struct rs_param *r, char *out,
    size_t len)
{
	const struct mfield	*mf = &rs->f[r->fi];
	char			 buf[ENTRY_MAX * 4 + 1];
	char			*a, *b;

	out[0] = '\0';
	switch (r->p->slag) {
	case RAPPORT_P_DATUM:
	case RAPPORT_P_AR:
		if (entry_get(&mf->entry, buf, sizeof buf) != 0)
			return;
		for (a = buf; *a == ' '; a++)
			;
		for (b = a + strlen(a); b > a && b[-1] == ' '; b--)
			;
		*b = '\0';
		snprintf(out, len, "%s", a);
		break;
	case RAPPORT_P_SAMORG:
	case RAPPORT_P_INSATS:
	case RAPPORT_P_KOMMUN:
		snprintf(out, len, "%s", r->varde);
		break;
	default:
		if (r->n > 0)
			snprintf(out, len, "%s", r->koder[mf->value]);
		break;
	}
}

/* Checks a value here first; 0, or -1 with the field focused and said. */
static int
rs_kolla(struct screen *s, const struct rs_param *r, const char *v)
{
	struct rapport_scr	*rs = s->data;
	const char		*c;

	if (*v == '\0') {
		if (!r->p->kravs)
			return 0;
		ui_message(s->ui, 1, "Fyll i %s.", r->p->titel);
		goto bad;
	}
	if (r->p->slag == RAPPORT_P_DATUM && !date_valid(v)) {
		ui_message(s->ui, 1, "%s: skriv datumet som ÅÅÅÅ-MM-DD.",
		    r->p->titel);
		goto bad;
	}
	if (r->p->slag == RAPPORT_P_AR) {
		for (c = v; *c != '\0'; c++)
			if (!isdigit((unsigned char)*c))
				break;
		if (*c != '\0' || strlen(v) != 4 || atoi(v) < 1900 ||
		    atoi(v) > 2200) {
			ui_message(s->ui, 1, "%s: skriv året med fyra siffror.",
			    r->p->titel);
			goto bad;
		}
	}
	return 0;
bad:
	rs->form.focus = r->fi;
	return -1;
}

/* Runs the report with every choice that applies; opens the result. */
static void
rs_skapa(struct screen *s)
{
	struct rapport_scr	*rs = s->data;
	struct msg_rapport_run	 q;
	struct msg_rapport	*rep;
	struct rs_param		*r;
	char			 v[ENTRY_MAX * 4 + 1];
	uint32_t		 i;

	memset(&q, 0, sizeof q);
	q.rapport = rs->namn;
	q.typ = (char *)rs_typ(rs);
	q.args = xcalloc(rs->def->nparam + 1, sizeof *q.args);
	for (i = 0; i < rs->def->nparam; i++) {
		r = &rs->rp[i];
		if (!rapport_param_galler(r->p, rs_typ(rs)))
			continue;
		rs_varde(rs, r, v, sizeof v);
		if (rs_kolla(s, r, v) != 0) {
			if (r->p->fler && !rs->fler) {
				rs->fler = 1;
				rs_visa(rs);
			}
			goto out;
		}
		q.args[q.nargs].namn = r->p->namn;
		q.args[q.nargs].varde = xstrdup(v);
		q.nargs++;
	}
	rep = xcalloc(1, sizeof *rep);
	if (ui_call(s->ui, MSG_RAPPORT_RUN, &q, MSG_RAPPORT, rep) != 0) {
		/* ui_call has said why; the choices stay as they are. */
		free(rep);
		goto out;
	}
	rapport_spara(s->ui, &q);
	ui_message(s->ui, 0, "Rapporten är skapad.");
	ui_push(s->ui, scr_rapport_visa_new(s->ui, rep));
out:
	for (i = 0; i < q.nargs; i++)
		free(q.args[i].varde);
	free(q.args);
}

/* A pop-up's choice of organisation or insats. */
static void
rs_valt(struct screen *s, uint32_t id, const char *namn)
{
	struct rapport_scr	*rs = s->data;
	struct rs_param		*r = &rs->rp[rs->valj];

	snprintf(r->varde, sizeof r->varde, "%u", id);
	snprintf(r->visa, sizeof r->visa, "%s", namn);
	rs->f[r->fi].text = r->visa;
}

/* The kommun chosen: the first one marked. */
static void
rs_kommun_vald(struct screen *s, const struct samorg_kommun *k, size_t n)
{
	struct rapport_scr	*rs = s->data;
	struct rs_param		*r = &rs->rp[rs->valj];

	if (n == 0)
		return;
	snprintf(r->varde, sizeof r->varde, "%s", k[0].kommunkod);
	snprintf(r->visa, sizeof r->visa, "%s", k[0].kommun);
	rs->f[r->fi].text = r->visa;
	if (n > 1)
		ui_message(s->ui, 0, "En kommun i taget: %s är vald.",
		    k[0].kommun);
}

/* The parameter of the focused field, NULL for the others. */
static struct rs_param *
rs_fokus(struct rapport_scr *rs)
{
	uint32_t	i;

	for (i = 0; i < rs->def->nparam; i++)
		if (rs->rp[i].fi == rs->form.focus)
			return &rs->rp[i];
	return NULL;
}

static int
rs_key(struct screen *s, const struct keyev *ev)
{
	struct rapport_scr	*rs = s->data;
	struct rs_param		*r;
	int			 typ, rv;

	if (!rs->byggd)
		return 0;
	if (ev->action == ACT_SAVE) {
		rs_skapa(s);
		return 1;
	}
	if (ev->code == KEY_F(6)) {
		rs->fler = !rs->fler;
		rs_visa(rs);
		return 1;
	}
	if (ev->action == ACT_CANCEL)
		return 0;
	r = rs_fokus(rs);
	if (keys_is_enter(ev)) {
		if (rs->form.focus == rs->skapa_fi)
			rs_skapa(s);
		else if (rs->form.focus == rs->fler_fi) {
			rs->fler = !rs->fler;
			rs_visa(rs);
		} else if (r != NULL && r->p->slag == RAPPORT_P_KOMMUN) {
			rs->valj = (size_t)(r - rs->rp);
			ui_push(s->ui, kommun_pick_new(s->ui, s,
			    rs_kommun_vald));
		} else if (r != NULL && (r->p->slag == RAPPORT_P_SAMORG ||
		    r->p->slag == RAPPORT_P_INSATS)) {
			rs->valj = (size_t)(r - rs->rp);
			ui_push(s->ui, rapport_valj_new(s->ui, s, r->p->slag,
			    rs_valt));
		} else
			mform_key(&rs->form, &(struct keyev){ .action =
			    ACT_NEXT });
		return 1;
	}
	/* Delete on a chosen organisation, insats or kommun: all again. */
	if (r != NULL && rs->f[r->fi].kind == MF_BUTTON &&
	    (ev->code == KEY_DC || ev->code == KEY_BACKSPACE ||
	    (ev->code == 0 && (ev->ch == 127 || ev->ch == 8)))) {
		rs_satt(rs, r, "");
		return 1;
	}
	typ = rs->f[rs->typ_fi].value;
	rv = mform_key_said(&rs->form, s->ui, ev);
	if (rs->f[rs->typ_fi].value != typ)
		rs_visa(rs);
	return rv != 0;
}

/* Rows the form takes: one per shown field. */
static int
rs_rader(const struct rapport_scr *rs, size_t upto)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < upto && i < rs->nf; i++)
		if (!rs->f[i].hidden)
			n++;
	return n;
}

/* The first field drawn, so the focused one is on the screen. */
static size_t
rs_forsta(const struct rapport_scr *rs, int plats)
{
	size_t	forsta = 0;

	while (forsta < rs->form.focus &&
	    rs_rader(rs, rs->form.focus + 1) - rs_rader(rs, forsta) > plats)
		forsta++;
	return forsta;
}

#define RS_FORM_Y	4

/* Draws the form from field forsta, hiding those above it meanwhile. */
static int
rs_form(struct screen *s, WINDOW *w, int *cy, int *cx)
{
	struct rapport_scr	*rs = s->data;
	size_t			 i, forsta;
	int			*dold, rv = 0, plats = s->lines - RS_FORM_Y - 2;

	forsta = rs_forsta(rs, plats < 3 ? 3 : plats);
	dold = xcalloc(forsta + 1, sizeof *dold);
	for (i = 0; i < forsta; i++) {
		dold[i] = rs->f[i].hidden;
		rs->f[i].hidden = 1;
	}
	if (w != NULL)
		mform_draw(&rs->form, w, RS_FORM_Y, 2, s->cols - 4, 1);
	else
		rv = mform_cursor(&rs->form, RS_FORM_Y, 2, s->cols - 4, cy,
		    cx);
	for (i = 0; i < forsta; i++)
		rs->f[i].hidden = dold[i];
	free(dold);
	return rv;
}

static void
rs_draw(struct screen *s, WINDOW *w)
{
	struct rapport_scr	*rs = s->data;

	/* Built in enter: a request here would draw this screen again. */
	if (!rs->byggd) {
		text_put(w, 1, 2, rs->bygger ? "Hämtar rapporten..." :
		    "Rapporten kunde inte hämtas från servern. Esc går "
		    "tillbaka.", s->cols - 4);
		return;
	}
	wattron(w, A_BOLD);
	text_put(w, 1, 2, rs->def->titel, s->cols - 4);
	wattroff(w, A_BOLD);
	text_put(w, 2, 2, rs->def->typer[rs->f[rs->typ_fi].value].beskrivning,
	    s->cols - 4);
	rs_form(s, w, NULL, NULL);
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 2, "F2 skapar rapporten  F6 fler urval  "
	    "Enter väljer", s->cols - 4);
	wattroff(w, A_DIM);
}

static int
rs_cursor(struct screen *s, int *y, int *x)
{
	struct rapport_scr	*rs = s->data;

	if (!rs->byggd)
		return 0;
	return rs_form(s, NULL, y, x);
}

static void
rs_enter(struct screen *s)
{
	struct rapport_scr	*rs = s->data;

	if (!rs->byggd)
		rs_bygg(s);
}

static void
rs_free(struct screen *s)
{
	struct rapport_scr	*rs = s->data;
	uint32_t		 i;
	size_t			 j;

	if (rs->rp != NULL && rs->def != NULL) {
		for (i = 0; i < rs->def->nparam; i++) {
			for (j = 0; j < rs->rp[i].n; j++) {
				free(rs->rp[i].koder[j]);
				free(rs->rp[i].namn[j]);
			}
			free(rs->rp[i].koder);
			free(rs->rp[i].namn);
		}
	}
	free(rs->rp);
	free(rs->f);
	free(rs->typer);
	free(rs);
}

static const struct screen_type rs_type = {
	.title = "Rapport",
	.enter = rs_enter,
	.draw = rs_draw,
	.key = rs_key,
	.free = rs_free,
	.cursor = rs_cursor,
};

struct screen *
scr_rapport_new(struct ui *ui, const char *rapport)
{
	struct rapport_scr	*rs;

	rs = xcalloc(1, sizeof *rs);
	snprintf(rs->namn, sizeof rs->namn, "%s", rapport);
	return screen_new(ui, &rs_type, rs);
}

#define RAPPORT_CTOR(x)							\
struct screen *								\
scr_rapport_##x##_new(struct ui *ui)					\
{									\
	return scr_rapport_new(ui, #x);					\
}
RAPPORT_CTOR(insats)
RAPPORT_CTOR(deltagare)
RAPPORT_CTOR(kostnad)
RAPPORT_CTOR(standard)
RAPPORT_CTOR(affk_deltagare)
RAPPORT_CTOR(affk_status)
#undef RAPPORT_CTOR
