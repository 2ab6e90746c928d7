/*
 * The Af/FK forms' pieces (see affk_form.h): the page of fpage.c with a
 * long label wrapped above its value, a short text after it, a locked
 * value dim, so every office name and question shows whole at 80x24;
 * the keys, the choices over ids, the snapshot, the personnummer checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "affk_form.h"
#include "fpage.h"
#include "pnr.h"
#include "xmalloc.h"

/* Most lines a text of the page wraps to. */
#define AFFK_TEXT_LINES	4

void
affk_page_init(struct affk_page *p, struct mfield *f, struct affk_meta *m,
    size_t n)
{
	memset(p, 0, sizeof *p);
	p->fields = f;
	p->meta = m;
	p->nfields = n;
	mform_init(&p->form, f, n);
}

void
affk_page_free(struct affk_page *p)
{
	free(p->base);
	p->base = NULL;
}

/* Reports whether a word of name begins with the letter ch. */
static int
affk_word_starts(const char *name, wint_t ch)
{
	wchar_t		 wc;
	mbstate_t	 st;
	size_t		 r;
	int		 start = 1;

	memset(&st, 0, sizeof st);
	while (*name != '\0') {
		r = mbrtowc(&wc, name, strlen(name), &st);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0)
			return 0;
		if (start && towlower((wint_t)wc) == towlower(ch))
			return 1;
		start = wc == L' ' || wc == L'-' || wc == L'(';
		name += r;
	}
	return 0;
}

int
affk_page_key(struct affk_page *p, const struct keyev *ev)
{
	struct mfield	*mf;
	size_t		 i, n;

	if (p->nfields == 0)
		return 0;
	mf = &p->fields[p->form.focus];
	if (mf->kind == MF_CHOICE && !mf->locked && mf->nchoices > 0 &&
	    ev->code == 0 && ev->action == ACT_NONE && iswalnum(ev->ch)) {
		/* A drop-down: the next name with a word so begun. */
		for (i = 1; i <= mf->nchoices; i++) {
			n = ((size_t)mf->value + i) % mf->nchoices;
			if (affk_word_starts(mf->choices[n], ev->ch)) {
				mf->value = (int)n;
				break;
			}
		}
		return 1;
	}
	return mform_key(&p->form, ev);
}

/* An Af/FK field's look: no indent, the rest from its meta. */
static void
affk_look(const void *arg, size_t i, struct fpage_look *l)
{
	const struct affk_meta	*m = ((const struct affk_page *)arg)->meta;

	*l = (struct fpage_look){ m[i].attr, m[i].blank, 0 };
}

/* Long labels wrap, locked values dim, values fit after their labels. */
static const struct fpage_style affk_style = {
	AFFK_LABEL_W, AFFK_TEXT_LINES,
	FPAGE_WRAP_LABEL | FPAGE_DIM_LOCKED | FPAGE_FIT_VALUE, affk_look
};

void
affk_page_draw(struct screen *s, struct affk_page *p, WINDOW *w,
    const char *title, const char *hint)
{
	struct fpage	fp = { s, &affk_style, p, p->fields, p->nfields,
			    p->form.focus, &p->top };

	fpage_draw(&fp, w, title, affk_page_dirty(p), hint);
}

int
affk_page_cursor(struct screen *s, struct affk_page *p, int *y, int *x)
{
	struct fpage	fp = { s, &affk_style, p, p->fields, p->nfields,
			    p->form.focus, &p->top };

	return fpage_cursor(&fp, y, x);
}

/* Every value as one text: entries, check boxes and choices. */
static char *
affk_snapshot(const struct affk_page *p)
{
	char	*out = NULL, *old, v[ENTRY_MAX * 4 + 1];
	size_t	 i;

	out = xstrdup("");
	for (i = 0; i < p->nfields; i++) {
		const struct mfield *f = &p->fields[i];

		if (p->meta[i].no_dirty)
			continue;
		if (f->kind == MF_ENTRY) {
			if (entry_get(&f->entry, v, sizeof v) != 0)
				v[0] = '\0';
		} else if (f->kind == MF_CHECK || f->kind == MF_CHOICE)
			snprintf(v, sizeof v, "%d", f->hidden ? -1 : f->value);
		else
			continue;
		old = out;
		if (xasprintf(&out, "%s%zu=%s\n", old, i, v) < 0)
			out = xstrdup(old);
		free(old);
	}
	return out;
}

void
affk_page_clean(struct affk_page *p)
{
	free(p->base);
	p->base = affk_snapshot(p);
}

int
affk_page_dirty(const struct affk_page *p)
{
	char	*now;
	int	 d;

	if (p->base == NULL)
		return 0;
	now = affk_snapshot(p);
	d = strcmp(now, p->base) != 0;
	free(now);
	return d;
}

void
affk_page_text(const struct affk_page *p, size_t field, char *buf,
    size_t len)
{
	fpage_entry_text(field < p->nfields &&
	    p->fields[field].kind == MF_ENTRY ? &p->fields[field].entry : NULL,
	    buf, len);
}

int
affk_page_refuse(struct screen *s, struct affk_page *p, size_t field,
    const char *why)
{
	ui_message(s->ui, 1, "%s", why);
	if (field < p->nfields && !p->fields[field].hidden)
		mform_focus(&p->form, field);
	return -1;
}

void
affk_choice_clear(struct affk_choice *c)
{
	size_t	i;

	for (i = 0; i < c->n; i++)
		free(c->names[i]);
	free(c->names);
	free(c->shown);
	free(c->ids);
	memset(c, 0, sizeof *c);
}

void
affk_choice_add(struct affk_choice *c, uint32_t id, const char *name)
{
	size_t	i;

	c->names = xreallocarray(c->names, c->n + 1, sizeof *c->names);
	c->shown = xreallocarray(c->shown, c->n + 1, sizeof *c->shown);
	c->ids = xreallocarray(c->ids, c->n + 1, sizeof *c->ids);
	c->names[c->n] = xstrdup(name != NULL ? name : "");
	c->ids[c->n] = id;
	c->n++;
	/* The array may have moved: point every name again. */
	for (i = 0; i < c->n; i++)
		c->shown[i] = c->names[i];
}

void
affk_choice_field(struct mfield *f, const struct affk_choice *c, uint32_t id)
{
	size_t	i;

	f->choices = c->shown;
	f->nchoices = c->n;
	f->value = 0;
	for (i = 0; i < c->n; i++) {
		if (c->ids[i] == id) {
			f->value = (int)i;
			break;
		}
	}
}

uint32_t
affk_choice_id(const struct mfield *f, const struct affk_choice *c)
{
	if (f->hidden || f->value < 0 || (size_t)f->value >= c->n)
		return 0;
	return c->ids[f->value];
}

int
affk_pnr_check(const char *typed, char *norm, char *why, size_t len)
{
	struct pnr	pn;
	int		rv, n = 0;
	const char	*q;

	why[0] = '\0';
	if (*typed == '\0') {
		snprintf(why, len, "Skriv personnumret: ÅÅÅÅMMDD-NNNN.");
		return -1;
	}
	if ((rv = pnr_parse(typed, 0, &pn)) != PNR_OK) {
		for (q = typed; *q != '\0'; q++)
			n += *q >= '0' && *q <= '9';
		if (rv == PNR_ERR_FORMAT && n != 10 && n != 12)
			snprintf(why, len, "%s; du har skrivit %d.",
			    pnr_strerror(rv), n);
		else
			snprintf(why, len, "%s.", pnr_strerror(rv));
		return -1;
	}
	memcpy(norm, pn.norm, sizeof pn.norm);
	return 0;
}

int
affk_pnr_refuse_char(struct ui *ui, const struct keyev *ev)
{
	wint_t	c = ev->ch;

	if (ev->code != 0 || ev->action != ACT_NONE || !iswprint(c) ||
	    (c >= L'0' && c <= L'9') || c == L'-' || c == L'+')
		return 0;
	ui_message(ui, 1, "Personnummer skrivs med siffror: ÅÅÅÅMMDD-NNNN.");
	return 1;
}
