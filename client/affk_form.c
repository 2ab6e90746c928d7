/*
 * The Af/FK forms' page (see affk_form.h): the fields top to bottom, a
 * label to the left of its value when both fit, else above it, so every
 * office name and question shows whole at 80x24; the page is drawn into
 * a pad and the part in sight copied out, scrolled to follow the focus.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "affk_form.h"
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

/* The page width the fields are laid out for. */
static int
affk_width(const struct screen *s)
{
	return s->cols - 2;
}

static int
affk_rows(const struct screen *s)
{
	return s->lines - 2 > 1 ? s->lines - 2 : 1;
}

static int
affk_widest(const struct mfield *f)
{
	size_t	i;
	int	w, max = 0;

	for (i = 0; i < f->nchoices; i++) {
		if ((w = text_width(f->choices[i])) > max)
			max = w;
	}
	return max;
}

/* The value of a check box, choice or button as drawn. */
static void
affk_value_text(const struct mfield *f, char *line, size_t len)
{
	switch (f->kind) {
	case MF_CHECK:
		snprintf(line, len, "[%s] %s", f->value ? "x" : " ",
		    f->text != NULL ? f->text : "");
		break;
	case MF_CHOICE:
		snprintf(line, len, "‹ %s ›", f->nchoices > 0 &&
		    (size_t)f->value < f->nchoices ? f->choices[f->value] : "");
		break;
	default:
		snprintf(line, len, "[ %s ]", f->text != NULL ? f->text : "");
		break;
	}
}

/* Reports whether a field's label stands to the left of its value. */
static int
affk_inline(const struct mfield *f, int width)
{
	char	line[512];
	int	vw = width - AFFK_LABEL_W - 2;

	if (f->label == NULL || f->label[0] == '\0' ||
	    text_width(f->label) > AFFK_LABEL_W)
		return 0;
	if (f->kind == MF_CHOICE)
		return affk_widest(f) + 4 <= vw;
	if (f->kind == MF_CHECK || f->kind == MF_BUTTON) {
		affk_value_text(f, line, sizeof line);
		return text_width(line) <= vw;
	}
	return 1;
}

static int
affk_text(WINDOW *w, int y, int x, int vw, const char *text, int attr)
{
	const char	*lines[AFFK_TEXT_LINES];
	char		 buf[1024];
	size_t		 n, j;

	n = text_lines(text != NULL ? text : "", vw, buf, sizeof buf, lines,
	    AFFK_TEXT_LINES);
	if (n == 0) {
		lines[0] = "";
		n = 1;
	}
	for (j = 0; w != NULL && j < n; j++) {
		wattron(w, attr);
		text_put(w, y + (int)j, x, lines[j], vw);
		wattroff(w, attr);
	}
	return (int)n;
}

/*
 * Draws field i from row y (w NULL: only counts); returns its rows, and
 * with cy set where the cursor goes in it.
 */
static int
affk_field(struct screen *s, struct affk_page *p, WINDOW *w, size_t i,
    int y, int *cy, int *cx)
{
	struct mfield		*f = &p->fields[i];
	const struct affk_meta	*m = &p->meta[i];
	char			 line[512];
	int			 width = affk_width(s), x = 1, y0 = y;
	int			 vx, vw, ew, focused = i == p->form.focus;

	if (f->hidden)
		return 0;
	y += m->blank;
	if (affk_inline(f, width)) {
		if (w != NULL) {
			text_put(w, y, x, f->label, AFFK_LABEL_W);
			text_put(w, y, x + AFFK_LABEL_W, ":", 1);
		}
		vx = x + AFFK_LABEL_W + 2;
	} else if (f->label != NULL && f->label[0] != '\0') {
		snprintf(line, sizeof line, "%s:", f->label);
		if (f->kind == MF_TEXT && m->attr == 0 && text_width(line) +
		    1 + text_width(f->text != NULL ? f->text : "") <= width) {
			/* A short text after a long label, on one line. */
			if (w != NULL) {
				text_put(w, y, x, line, width);
				text_put(w, y, x + text_width(line) + 1,
				    f->text != NULL ? f->text : "", width -
				    text_width(line) - 1);
			}
			return y + 1 - y0;
		}
		y += affk_text(w, y, x, width, line, 0);
		vx = x + 2;
	} else
		vx = x;
	vw = x + width - vx;
	if (f->kind == MF_TEXT)
		y += affk_text(w, y, vx, vw, f->text, m->attr);
	else if (f->kind == MF_ENTRY) {
		ew = (int)f->entry.max + 1 < vw ? (int)f->entry.max + 1 : vw;
		if (w != NULL)
			entry_draw(&f->entry, w, y, vx, ew, focused);
		if (cy != NULL && focused) {
			*cy = y;
			*cx = vx + entry_scroll(&f->entry, ew);
		}
		y++;
	} else {
		affk_value_text(f, line, sizeof line);
		if (w != NULL) {
			if (focused)
				wattron(w, A_REVERSE);
			else if (f->locked)
				wattron(w, A_DIM);
			text_put(w, y, vx, line, text_width(line) < vw ?
			    text_width(line) : vw);
			wattroff(w, A_REVERSE | A_DIM);
		}
		y++;
	}
	if (f->hint != NULL) {
		if (w != NULL) {
			wattron(w, A_DIM);
			text_put(w, y, vx, f->hint, vw);
			wattroff(w, A_DIM);
		}
		y++;
	}
	return y - y0;
}

static int
affk_field_y(struct screen *s, struct affk_page *p, size_t i)
{
	size_t	j;
	int	y = 0;

	for (j = 0; j < i && j < p->nfields; j++)
		y += affk_field(s, p, NULL, j, y, NULL, NULL);
	return y;
}

/* Scrolls so the focused field shows, with the texts over it if they fit. */
static void
affk_follow(struct screen *s, struct affk_page *p)
{
	size_t	f = p->form.focus, a = f;
	int	ph = affk_rows(s), y0, end, start, total;

	y0 = affk_field_y(s, p, f);
	end = y0 + affk_field(s, p, NULL, f, y0, NULL, NULL);
	while (a > 0 && (p->fields[a - 1].hidden ||
	    p->fields[a - 1].kind == MF_TEXT))
		a--;
	start = affk_field_y(s, p, a);
	if (end - start > ph)
		start = y0;
	if (start < p->top)
		p->top = start;
	if (end > p->top + ph)
		p->top = end - ph;
	total = affk_field_y(s, p, p->nfields);
	if (p->top > total - ph)
		p->top = total - ph;
	if (p->top < 0)
		p->top = 0;
}

void
affk_page_draw(struct screen *s, struct affk_page *p, WINDOW *w,
    const char *title, const char *hint)
{
	WINDOW		*pad;
	const char	*state;
	size_t		 i;
	int		 ph = affk_rows(s), total, y = 0, width = affk_width(s);
	int		 sw;

	state = affk_page_dirty(p) ? "Ej sparat" : NULL;
	sw = state != NULL ? text_width(state) + 1 : 0;
	wattron(w, A_BOLD);
	text_put(w, 0, 1, title, width - sw);
	if (state != NULL)
		text_put(w, 0, 1 + width - sw + 1, state, sw - 1);
	wattroff(w, A_BOLD);
	affk_follow(s, p);
	total = affk_field_y(s, p, p->nfields);
	pad = newpad(total > p->top + ph ? total : p->top + ph, s->cols);
	if (pad != NULL) {
		for (i = 0; i < p->nfields; i++)
			y += affk_field(s, p, pad, i, y, NULL, NULL);
		copywin(pad, w, p->top, 0, 1, 0, ph, s->cols - 1, FALSE);
		delwin(pad);
	}
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, hint, width - 1);
	wattroff(w, A_DIM);
	text_put(w, s->lines - 1, s->cols - 1, p->top + ph < total ? "↓" :
	    p->top > 0 ? "↑" : "", 1);
}

int
affk_page_cursor(struct screen *s, struct affk_page *p, int *y, int *x)
{
	size_t	f = p->form.focus;
	int	cy = -1, cx = 0;

	if (f >= p->nfields || p->fields[f].kind != MF_ENTRY ||
	    p->fields[f].hidden || p->fields[f].locked)
		return 0;
	(void)affk_field(s, p, NULL, f, affk_field_y(s, p, f), &cy, &cx);
	if (cy < 0)
		return 0;
	*y = cy - p->top + 1;
	*x = cx;
	return *y >= 1 && *y <= affk_rows(s);
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
	size_t	 n;
	char	*q;

	if (len == 0)
		return;
	if (field >= p->nfields || p->fields[field].kind != MF_ENTRY ||
	    entry_get(&p->fields[field].entry, buf, len) != 0)
		buf[0] = '\0';
	for (n = strlen(buf); n > 0 && buf[n - 1] == ' '; n--)
		buf[n - 1] = '\0';
	for (q = buf; *q == ' '; q++)
		continue;
	memmove(buf, q, strlen(q) + 1);
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
