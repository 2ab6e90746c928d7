/*
 * The lines of the Budget tab as data: amounts read and written the
 * Swedish way, panels built from the server's reply, sums, and the
 * request made from what was typed. No drawing and no requests here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "xmalloc.h"

/* Writes v grouped the Swedish way: 1 250 000. */
void
budget_amount_text(uint64_t v, char *out, size_t len)
{
	char	digits[24], tmp[40];
	int	n, i, o = 0;

	n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			tmp[o++] = ' ';
		tmp[o++] = digits[i];
	}
	tmp[o] = '\0';
	snprintf(out, len, "%s", tmp);
}

/* Reads an amount typed with or without spaces between the groups. */
int
budget_amount_parse(const struct entry *e, uint64_t *v)
{
	uint64_t	x = 0;
	size_t		i, digits = 0;
	wchar_t		c;

	for (i = 0; i < e->len; i++) {
		c = e->buf[i];
		/* Spaces, also the hard ones a pasted figure may carry. */
		if (c == L' ' || c == 0xa0 || c == 0x202f || c == 0x2009)
			continue;
		if (c < L'0' || c > L'9')
			return AMOUNT_BAD;
		x = x * 10 + (uint64_t)(c - L'0');
		if (x > BUDGET_AMOUNT_MAX)
			return AMOUNT_BIG;
		digits++;
	}
	if (digits == 0)
		return AMOUNT_EMPTY;
	*v = x;
	return AMOUNT_OK;
}

/* Rewrites an amount field grouped, when it holds an amount. */
void
budget_amount_tidy(struct entry *e)
{
	uint64_t	v;
	char		text[32];

	if (budget_amount_parse(e, &v) != AMOUNT_OK)
		return;
	budget_amount_text(v, text, sizeof text);
	entry_set(e, text);
}

/* Frees a panel's lines and choices. */
void
budget_panel_clear(struct bpanel *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		free(p->rows[i]);
	free(p->rows);
	for (i = 0; i < p->nnames; i++)
		free(p->names[i]);
	free(p->names);
	free(p->ids);
	p->rows = NULL;
	p->names = NULL;
	p->ids = NULL;
	p->n = p->nnames = 0;
}

/* Adds a choice unless its id is there; returns its index. */
size_t
budget_choice_add(struct bpanel *p, uint32_t id, const char *name)
{
	size_t	i;

	for (i = 1; id != 0 && i < p->nnames; i++) {
		if (p->ids[i] == id)
			return i;
	}
	p->names = xreallocarray(p->names, p->nnames + 1, sizeof *p->names);
	p->ids = xreallocarray(p->ids, p->nnames + 1, sizeof *p->ids);
	p->names[p->nnames] = xstrdup(name);
	p->ids[p->nnames] = id;
	return p->nnames++;
}

/* Points every line's choice at the panel's choices, which may have moved. */
static void
budget_choices_fix(struct bpanel *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		p->rows[i]->f[F_CHOICE].choices = (const char *const *)p->names;
		p->rows[i]->f[F_CHOICE].nchoices = p->nnames;
	}
}

/* Appends an empty line to a panel and returns it. */
struct bline *
budget_line_new(struct bpanel *p)
{
	const struct bkind	*k = p->kind;
	struct bline		*l;

	l = xcalloc(1, sizeof *l);
	l->f[F_CHOICE].kind = MF_CHOICE;
	l->f[F_CHOICE].label = k->choice;
	l->f[F_EK].kind = MF_CHECK;
	l->f[F_EK].label = "Eget kapital";
	l->f[F_EK].text = "överskott från tidigare år";
	l->f[F_EK].hidden = !k->ek;
	l->f[F_AMOUNT].kind = l->f[F_UTFALL].kind = MF_ENTRY;
	l->f[F_AMOUNT].label = k->amount;
	l->f[F_UTFALL].label = "Utfall";
	entry_init(&l->f[F_AMOUNT].entry, BUDGET_AMOUNT_CHARS, 0);
	entry_init(&l->f[F_UTFALL].entry, BUDGET_AMOUNT_CHARS, 0);
	l->f[F_TEXT].kind = MF_ENTRY;
	l->f[F_TEXT].label = "Beskrivning";
	entry_init(&l->f[F_TEXT].entry, BUDGET_TEXT_CHARS, 0);
	mform_init(&l->form, l->f, F__COUNT);
	p->rows = xreallocarray(p->rows, p->n + 1, sizeof *p->rows);
	p->rows[p->n++] = l;
	budget_choices_fix(p);
	return l;
}

/* Appends a line with what the server sent; see budget.h. */
struct bline *
budget_line_add(struct bpanel *p, uint32_t id, size_t choice, int ek,
    uint64_t amount, int has_utfall, uint64_t utfall, const char *text)
{
	struct bline	*l = budget_line_new(p);
	char		 buf[32];

	l->id = id;
	l->f[F_CHOICE].value = (int)choice;
	l->f[F_EK].value = ek;
	budget_amount_text(amount, buf, sizeof buf);
	entry_set(&l->f[F_AMOUNT].entry, buf);
	if (has_utfall) {
		budget_amount_text(utfall, buf, sizeof buf);
		entry_set(&l->f[F_UTFALL].entry, buf);
	}
	entry_set(&l->f[F_TEXT].entry, text);
	return l;
}

/* Builds the finance panel from a reply and the finansiärer of org. */
void
budget_fill_fin(struct bpanel *p, const struct msg_samorg *org,
    const struct msg_budget *rep)
{
	const struct budget_fin	*f;
	size_t			 i, c;

	budget_panel_clear(p);
	budget_choice_add(p, 0, p->kind->none);
	for (i = 0; org != NULL && i < org->norganisationer; i++) {
		if (org->organisationer[i].finansiar)
			budget_choice_add(p,
			    org->organisationer[i].organisation_id,
			    org->organisationer[i].namn);
	}
	for (i = 0; i < rep->nfin; i++) {
		f = &rep->fin[i];
		c = f->organisation_id == 0 ? 0 : budget_choice_add(p,
		    f->organisation_id, f->organisation);
		budget_line_add(p, f->id, c, f->eget_kapital, f->belopp,
		    f->has_utfall, f->utfall, f->beskrivning);
	}
	budget_choices_fix(p);
}

/* Builds the administrative panel from the codes given and a reply. */
void
budget_fill_adm(struct bpanel *p, const struct kod_row *const *codes,
    size_t ncodes, const struct msg_budget *rep)
{
	const struct budget_adm	*a;
	size_t			 i, c;

	budget_panel_clear(p);
	budget_choice_add(p, 0, p->kind->none);
	for (i = 0; i < ncodes; i++)
		budget_choice_add(p, codes[i]->id, codes[i]->namn);
	for (i = 0; i < rep->nadm; i++) {
		a = &rep->adm[i];
		c = budget_choice_add(p, a->kostnadstyp_id, a->kostnadstyp);
		budget_line_add(p, a->id, c, 0, a->budget, a->has_utfall,
		    a->utfall, a->beskrivning);
	}
	budget_choices_fix(p);
}

/* The number the server gives line i: removed lines are not sent. */
size_t
budget_line_nr(const struct bpanel *p, size_t i)
{
	size_t	j, nr = 0;

	for (j = 0; j <= i && j < p->n; j++)
		nr += !p->rows[j]->remove;
	return nr;
}

/* Writes the sum of field over the lines kept ("" or "?" when none). */
void
budget_sum_text(const struct bpanel *p, int field, char *out, size_t len)
{
	uint64_t	v, sum = 0;
	size_t		i, n = 0;
	int		r;

	for (i = 0; i < p->n; i++) {
		if (p->rows[i]->remove)
			continue;
		r = budget_amount_parse(&p->rows[i]->f[field].entry, &v);
		if (r == AMOUNT_OK) {
			sum += v;
			n++;
		} else if (r != AMOUNT_EMPTY) {
			snprintf(out, len, "?");
			return;
		}
	}
	/* No utfall yet is not an utfall of nothing. */
	if (n == 0 && field == F_UTFALL)
		out[0] = '\0';
	else
		budget_amount_text(sum, out, len);
}

/* Reads the amounts and the beskrivning of line i; see budget.h. */
int
budget_read_line(struct bpanel *p, size_t i, uint64_t *amount,
    uint8_t *has_utfall, uint64_t *utfall, char **text, struct bbad *bad)
{
	struct bline	*l = p->rows[i];
	char		 buf[BUDGET_TEXT_CHARS * 4 + 1];
	int		 r;

	bad->p = p;
	bad->i = i;
	bad->field = F_AMOUNT;
	r = budget_amount_parse(&l->f[F_AMOUNT].entry, amount);
	if (r == AMOUNT_EMPTY) {
		bad->why = "fyll i beloppet.";
		return -1;
	}
	if (r == AMOUNT_OK) {
		bad->field = F_UTFALL;
		r = budget_amount_parse(&l->f[F_UTFALL].entry, utfall);
		*has_utfall = r == AMOUNT_OK;
	}
	if (r == AMOUNT_BAD || r == AMOUNT_BIG) {
		bad->why = r == AMOUNT_BAD ? "skriv beloppet med siffror, till "
		    "exempel 1 250 000." : "ett belopp får vara högst "
		    "999 999 999 999 kronor.";
		return -1;
	}
	entry_get(&l->f[F_TEXT].entry, buf, sizeof buf);
	*text = xstrdup(buf);
	return 0;
}

/* Fills the request's lines from the panels; see budget.h. */
int
budget_request(struct bpanel *fin, struct bpanel *adm, struct msg_budget *q,
    struct bbad *bad)
{
	struct budget_fin	*f;
	struct budget_adm	*a;
	struct bline		*l;
	size_t			 i;

	q->fin = xcalloc(fin->n + 1, sizeof *q->fin);
	q->adm = xcalloc((adm != NULL ? adm->n : 0) + 1, sizeof *q->adm);
	for (i = 0; i < fin->n; i++) {
		if ((l = fin->rows[i])->remove)
			continue;
		f = &q->fin[q->nfin++];
		f->id = l->id;
		f->organisation_id = fin->ids[l->f[F_CHOICE].value];
		f->organisation = (char *)"";
		f->eget_kapital = (uint8_t)l->f[F_EK].value;
		if (budget_read_line(fin, i, &f->belopp, &f->has_utfall,
		    &f->utfall, &f->beskrivning, bad) != 0)
			return -1;
	}
	for (i = 0; adm != NULL && i < adm->n; i++) {
		if ((l = adm->rows[i])->remove)
			continue;
		a = &q->adm[q->nadm++];
		a->id = l->id;
		a->kostnadstyp_id = adm->ids[l->f[F_CHOICE].value];
		a->kostnadstyp = (char *)"";
		if (budget_read_line(adm, i, &a->budget, &a->has_utfall,
		    &a->utfall, &a->beskrivning, bad) != 0)
			return -1;
	}
	return 0;
}

/* Frees what budget_request() allocated. */
void
budget_request_free(struct msg_budget *q)
{
	uint32_t	i;

	for (i = 0; i < q->nfin; i++)
		free(q->fin[i].beskrivning);
	for (i = 0; i < q->nadm; i++)
		free(q->adm[i].beskrivning);
	free(q->fin);
	free(q->adm);
	q->fin = NULL;
	q->adm = NULL;
	q->nfin = q->nadm = 0;
}
