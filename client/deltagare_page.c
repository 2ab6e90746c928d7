/*
 * The page of the person's own view (client/scr_deltagare_view.c),
 * broken into lines for a width: the person and the consent, or that
 * the personal data is gone; the inregistrering and the utregistrering
 * with their codes by name (client/kod.c) and the answers to the
 * kompletterande frågor, each question by its text when it was asked on
 * the occasion's date. Building the lines needs no curses drawing, so
 * the screen only scrolls and draws them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deltagare_page.h"
#include "proto.h"
#include "xmalloc.h"

void
dpage_clear(struct dpage *v)
{
	size_t	i;

	for (i = 0; i < v->n; i++) {
		free(v->l[i].label);
		free(v->l[i].text);
	}
	v->n = 0;
}

/* Appends a zeroed line. */
static struct dv_line *
dv_push(struct dpage *v, int x, int attr)
{
	struct dv_line	*l;

	if (v->n == v->cap) {
		v->cap = v->cap == 0 ? 64 : v->cap * 2;
		v->l = xreallocarray(v->l, v->cap, sizeof *v->l);
	}
	l = &v->l[v->n++];
	memset(l, 0, sizeof *l);
	l->x = x;
	l->attr = attr;
	return l;
}

/* Appends one line of text from column x. */
static void
dv_text(struct dpage *v, int x, int attr, const char *fmt, ...)
{
	struct dv_line	*l = dv_push(v, x, attr);
	va_list		 ap;

	va_start(ap, fmt);
	if (vasprintf(&l->text, fmt, ap) == -1)
		l->text = xstrdup("");
	va_end(ap);
}

/* Appends text broken at spaces into lines from column x. */
static void
dv_wrap(struct dpage *v, int x, int attr, const char *text)
{
	const char	*lines[64];
	char		 buf[2048];
	size_t		 i, n;
	int		 w = v->width - x;

	n = text_lines(text, w > 8 ? w : 8, buf, sizeof buf, lines, 64);
	for (i = 0; i < n; i++)
		dv_text(v, x, attr, "%s", lines[i]);
}

/* Appends a label and its value in the value column, or "–" for none. */
static void
dv_pair_line(struct dpage *v, const char *label, const char *value, int attr)
{
	struct dv_line	*l = dv_push(v, 0, attr);

	l->pair = 1;
	l->label = xstrdup(label);
	l->text = xstrdup(value);
}

/*
 * Appends "Label: value". A label wider than its column stands on its
 * own line; a value too wide for its column goes under the label,
 * indented, over as many lines as it needs.
 */
static void
dv_pair(struct dpage *v, const char *label, const char *value)
{
	int	vw = v->width - DV_LW - 2;

	if (text_width(label) > DV_LW) {
		dv_text(v, 0, A_NORMAL, "%s:", label);
		label = "";
	}
	if (value == NULL || *value == '\0')
		dv_pair_line(v, label, "–", A_DIM);
	else if (text_width(value) <= vw)
		dv_pair_line(v, label, value, A_NORMAL);
	else {
		if (*label != '\0')
			dv_pair_line(v, label, "", A_NORMAL);
		dv_wrap(v, 2, A_NORMAL, value);
	}
}

/* Appends a blank line and a section title. */
static void
dv_title(struct dpage *v, const char *fmt, ...)
{
	struct dv_line	*l;
	va_list		 ap;

	dv_text(v, 0, A_NORMAL, "%s", "");
	l = dv_push(v, 0, A_BOLD);
	va_start(ap, fmt);
	if (vasprintf(&l->text, fmt, ap) == -1)
		l->text = xstrdup("");
	va_end(ap);
}

/* The occasion of a kind, NULL when there is none. */
const struct tillfalle_row *
dpage_tillfalle(const struct msg_deltagare *d, uint8_t typ)
{
	uint32_t	i;

	for (i = 0; i < d->ntillfallen; i++) {
		if (d->tillfallen[i].typ == typ)
			return &d->tillfallen[i];
	}
	return NULL;
}

/* Writes one answer's text: an option, a number, or ja or nej. */
static void
dv_svar_text(const struct msg_fraga *q, const struct svar_row *a, char *out,
    size_t len)
{
	uint32_t	i;

	if (a->alternativ_id != 0) {
		for (i = 0; q != NULL && i < q->nalternativ; i++) {
			if (q->alternativ[i].id == a->alternativ_id) {
				strlcpy(out, q->alternativ[i].text, len);
				return;
			}
		}
		snprintf(out, len, "alternativ %u", a->alternativ_id);
	} else if (a->har_heltal)
		snprintf(out, len, "%u", a->heltal);
	else
		strlcpy(out, a->ja ? "Ja" : "Nej", len);
}

/* Writes every answer to question id, joined; "" when none. */
static void
dv_svar(const struct tillfalle_row *t, uint32_t id, const struct msg_fraga *q,
    char *out, size_t len)
{
	char		 one[512];
	uint32_t	 i;

	out[0] = '\0';
	for (i = 0; i < t->nsvar; i++) {
		if (t->svar[i].fraga_id != id)
			continue;
		dv_svar_text(q, &t->svar[i], one, sizeof one);
		if (out[0] != '\0')
			strlcat(out, ", ", len);
		strlcat(out, one, len);
	}
}

/* Reports whether the list holds question id. */
static int
dv_asked(const struct msg_fraga_list *fl, uint32_t id)
{
	uint32_t	i;

	for (i = 0; i < fl->nrows; i++) {
		if (fl->rows[i].id == id)
			return 1;
	}
	return 0;
}

/*
 * The kompletterande frågor of the occasion: each question asked on its
 * date with the answer, or that it has none; then answers to questions
 * no longer asked on that date, by number.
 */
static void
dv_build_svar(struct dpage *v, const struct tillfalle_row *t,
    const struct msg_fraga_list *fl)
{
	char		 svar[2048];
	uint32_t	 i, j;

	if (fl->nrows == 0 && t->nsvar == 0)
		return;
	dv_text(v, 0, A_NORMAL, "%s", "Kompletterande frågor:");
	for (i = 0; i < fl->nrows; i++) {
		dv_wrap(v, 2, A_NORMAL, fl->rows[i].namn);
		dv_svar(t, fl->rows[i].id, &fl->rows[i], svar, sizeof svar);
		if (svar[0] == '\0')
			dv_text(v, 4, A_DIM, "%s", "Inte besvarad");
		else
			dv_wrap(v, 4, A_BOLD, svar);
	}
	for (i = 0; i < t->nsvar; i++) {
		if (dv_asked(fl, t->svar[i].fraga_id))
			continue;
		/* Once per question: its first answer names it. */
		for (j = 0; j < i; j++)
			if (t->svar[j].fraga_id == t->svar[i].fraga_id)
				break;
		if (j < i)
			continue;
		dv_text(v, 2, A_NORMAL, "Fråga nr %u", t->svar[i].fraga_id);
		dv_svar(t, t->svar[i].fraga_id, NULL, svar, sizeof svar);
		dv_wrap(v, 4, A_BOLD, svar);
	}
}

/* The försörjning codes, one a line under one label. */
static void
dv_build_forsorjning(struct dpage *v, struct ui *ui, const char *label,
    const struct tillfalle_row *t)
{
	uint32_t	i;

	if (t->nforsorjning == 0)
		dv_pair(v, label, "");
	for (i = 0; i < t->nforsorjning; i++)
		dv_pair(v, i == 0 ? label : "", kod_name(ui, "forsorjning",
		    t->forsorjning[i].id));
}

/* The sysselsättning and its omfattning. */
static void
dv_build_syss(struct dpage *v, struct ui *ui, const char *label,
    const struct tillfalle_row *t)
{
	char	pct[32];

	dv_pair(v, label, t->sysselsattning_id != 0 ? kod_name(ui,
	    "sysselsattning", t->sysselsattning_id) : "");
	if (t->omfattning != 0) {
		snprintf(pct, sizeof pct, "%u %% av heltid", t->omfattning);
		dv_pair(v, "Omfattning", pct);
	}
}

/* Who saved the occasion last, and when. */
static void
dv_build_andrad(struct dpage *v, const struct tillfalle_row *t)
{
	if (t->andrad[0] == '\0')
		return;
	dv_text(v, 0, A_DIM, "Sparad %.16s av %s", t->andrad,
	    t->andrad_av[0] != '\0' ? t->andrad_av : "okänd");
}

/* The inregistrering. */
static void
dv_build_in(struct dpage *v, struct ui *ui)
{
	const struct tillfalle_row *t = dpage_tillfalle(v->d, FRAGA_IN);

	dv_title(v, "Inregistrering %s", v->d->startdatum);
	if (t == NULL) {
		dv_text(v, 0, A_DIM, "%s", "Uppgifterna saknas.");
		return;
	}
	dv_build_forsorjning(v, ui, "Försörjning före", t);
	dv_build_syss(v, ui, "Sysselsättning före", t);
	dv_pair(v, "Utbildningsnivå", kod_name(ui, "utbildningsniva",
	    t->utbildning_id));
	dv_pair(v, "Tid i offentlig försörjning", kod_name(ui,
	    "tid_forsorjning", t->tid_id));
	dv_build_svar(v, t, &v->fragor[DV_IN]);
	dv_build_andrad(v, t);
}

/* The utregistrering, once there is one. */
static void
dv_build_ut(struct dpage *v, struct ui *ui)
{
	const struct tillfalle_row *t = dpage_tillfalle(v->d, FRAGA_UT);

	if (v->d->slutdatum[0] == '\0' && t == NULL) {
		dv_title(v, "%s", "Utregistrering");
		dv_text(v, 0, A_DIM, "%s", "Inte utregistrerad.");
		return;
	}
	dv_title(v, "Utregistrering %s", v->d->slutdatum);
	if (t == NULL) {
		dv_text(v, 0, A_DIM, "%s", "Uppgifterna saknas.");
		return;
	}
	dv_pair(v, "Avslutsanledning", kod_name(ui, "avslutsanledning",
	    t->avslut_id));
	dv_build_forsorjning(v, ui, "Försörjning efter", t);
	dv_build_syss(v, ui, "Sysselsättning efter", t);
	dv_build_svar(v, t, &v->fragor[DV_UT]);
	dv_build_andrad(v, t);
}

/*
 * The number in full as people write it, with the dash before the last
 * four ("19620112-2808"); anything else as it came.
 */
static const char *
dv_pnr(const char *pnr, char *out, size_t len)
{
	if (strlen(pnr) != 12 || strspn(pnr, "0123456789") != 12)
		return pnr;
	snprintf(out, len, "%.8s-%s", pnr, pnr + 8);
	return out;
}

/* The person, the consent and the registration. */
static void
dv_build_person(struct dpage *v)
{
	const struct msg_deltagare	*d = v->d;
	char				 line[1024];

	if (d->avidentifierad) {
		dv_text(v, 0, A_BOLD, "%s", "Personuppgifterna är borttagna");
		dv_wrap(v, 0, A_DIM, "Deltagandet finns kvar utan koppling "
		    "till personen, för statistiken.");
		dv_text(v, 0, A_NORMAL, "%s", "");
	} else {
		dv_text(v, 0, A_BOLD, "%s", d->namn);
		dv_text(v, 0, A_NORMAL, "%s", "");
		dv_pair(v, "Personnummer", dv_pnr(d->personnummer, line,
		    sizeof line));
		dv_pair(v, "Namn", d->namn);
	}
	dv_pair(v, "Kön", d->kon);
	snprintf(line, sizeof line, "%u", d->fodelsear);
	dv_pair(v, "Födelseår", d->fodelsear != 0 ? line : "");
	if (!d->avidentifierad) {
		snprintf(line, sizeof line, "%s%s%s", d->kommun,
		    d->stadsdel[0] != '\0' ? ", " : "", d->stadsdel);
		dv_pair(v, "Folkbokföringskommun", line);
		snprintf(line, sizeof line, "lämnat %s", d->samtycke_datum);
		dv_pair(v, "Samtycke", d->samtycke_datum[0] != '\0' ? line :
		    "");
	}
	dv_pair(v, "Registrerad", d->registrerad);
	dv_pair(v, "Registrerad av", d->registrerad_av);
}

/* Breaks the whole page into lines for a width. */
void
dpage_build(struct dpage *v, struct ui *ui, int width,
    const struct msg_deltagare *d, const struct msg_fraga_list *fragor)
{
	dpage_clear(v);
	v->width = width;
	v->d = d;
	v->fragor = fragor;
	dv_build_person(v);
	dv_build_in(v, ui);
	dv_build_ut(v, ui);
}

void
dpage_free(struct dpage *v)
{
	dpage_clear(v);
	free(v->l);
	v->l = NULL;
	v->cap = 0;
}
