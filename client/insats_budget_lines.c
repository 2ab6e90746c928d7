/*
 * The insats's Budget tab as data (domain.md 2.5): its one panel of
 * budget lines built from the server's reply on the organisation's
 * lines (client/budget_lines.c), the Organisation choice in each line
 * (rules 10, 11), the years offered, and the request made from what was
 * typed. No drawing and no requests here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "proto.h"
#include "xmalloc.h"

/* Years offered past the current one while the insats runs on. */
#define IBUDGET_YEARS_AHEAD	2
/* Planerat antal deltagare: the server's limit. */
#define IBUDGET_PLANERAT_MAX	1000000
/* Budget types one code list holds at most. */
#define IBUDGET_TYPES_MAX	32

/* The columns: Beskrivning gives way first, then Organisation. */
static const struct tbl_col ibudget_cols[FC__COUNT] = {
	[FC_NR] = { "Rad", 3, 3, 0, NULL, 0 },
	[FC_NAMN] = { "Budgettyp", 11, 17, 0, NULL, 1 },
	[FC_EK] = { "Organisation", 10, 30, 2, NULL, 1 },
	[FC_AMOUNT] = { "Budget", 11, 15, 0, NULL, 3 },
	[FC_UTFALL] = { "Utfall", 10, 15, 0, NULL, 3 },
	[FC_TEXT] = { "Beskrivning", 12, 60, 1, NULL, 2 },
};

/* FINSAM: no Organisation column (rule 10). */
static const struct tbl_col ibudget_finsam_cols[FC__COUNT] = {
	[FC_NR] = { "Rad", 3, 3, 0, NULL, 0 },
	[FC_NAMN] = { "Budgettyp", 13, 17, 0, NULL, 1 },
	[FC_EK] = { "", 0, 0, 0, NULL, 0 },
	[FC_AMOUNT] = { "Budget", 11, 15, 0, NULL, 3 },
	[FC_UTFALL] = { "Utfall", 10, 15, 0, NULL, 3 },
	[FC_TEXT] = { "Beskrivning", 12, 60, 1, NULL, 2 },
};

static const struct bkind ibudget_kind = {
	"Budgetposter", "budgetpost", "Budgettyp", "Budget", "– välj –", 0,
	ibudget_cols,
};

static const struct bkind ibudget_finsam_kind = {
	"Budgetposter", "budgetpost", "Budgettyp", "Budget", "– välj –", 0,
	ibudget_finsam_cols,
};

/* Makes line l's F_ORG the Organisation choice, or the FINSAM text. */
void
ibudget_line_org(struct ibudget *ib, struct bline *l)
{
	struct mfield	*f = &l->f[F_ORG];

	f->hidden = 0;
	f->label = "Organisation";
	if (ib->rep.finsam) {
		f->kind = MF_TEXT;
		f->text = "används inte för FINSAM";
		f->value = 0;
		return;
	}
	f->kind = MF_CHOICE;
	f->text = NULL;
	f->choices = (const char *const *)ib->orgs.names;
	f->nchoices = ib->orgs.nnames;
}

/* The Organisation choices: none, then the ingående organisationer. */
static void
ibudget_org_choices(struct ibudget *ib)
{
	const struct samorg_org	*o;
	uint32_t		 i;

	budget_panel_clear(&ib->orgs);
	budget_choice_add(&ib->orgs, 0, "– ingen –");
	for (i = 0; !ib->rep.finsam && ib->has_org &&
	    i < ib->org.norganisationer; i++) {
		o = &ib->org.organisationer[i];
		budget_choice_add(&ib->orgs, o->organisation_id, o->namn);
	}
}

/* Builds the lines and their choices from the reply in ib->rep. */
void
ibudget_fill(struct ibudget *ib, struct ui *ui)
{
	const struct msg_insats_budget	*r = &ib->rep;
	const struct insats_budgetrad	*rad;
	const struct kod_row		*codes[IBUDGET_TYPES_MAX];
	struct bpanel			*p = &ib->b.fin;
	size_t				 n, i, typ, org;
	char				 text[16];

	p->kind = r->finsam ? &ibudget_finsam_kind : &ibudget_kind;
	budget_panel_clear(p);
	budget_choice_add(p, 0, p->kind->none);
	n = kod_codes(ui, "budgettyp", 1, 0, codes, IBUDGET_TYPES_MAX);
	for (i = 0; i < n; i++)
		budget_choice_add(p, codes[i]->id, codes[i]->namn);
	ibudget_org_choices(ib);
	for (i = 0; i < r->nrader; i++) {
		rad = &r->rader[i];
		/* A code no longer active, or an organisation no longer in. */
		typ = budget_choice_add(p, rad->budgettyp_id, rad->budgettyp);
		org = rad->organisation_id == 0 ? 0 : budget_choice_add(
		    &ib->orgs, rad->organisation_id, rad->organisation);
		budget_line_add(p, rad->id, typ, (int)org, rad->budget,
		    rad->has_utfall, rad->utfall, rad->beskrivning);
	}
	for (i = 0; i < p->n; i++)
		ibudget_line_org(ib, p->rows[i]);
	entry_clear(&ib->planerat);
	if (r->has_planerat) {
		budget_amount_text(r->planerat, text, sizeof text);
		entry_set(&ib->planerat, text);
	}
}

/* The years offered: the first year to the last, or a little ahead. */
void
ibudget_years(struct ibudget *ib)
{
	struct budget	*b = &ib->b;
	char		 today[16];
	uint32_t	 first = ib->rep.forsta_ar, last = ib->rep.sista_ar, y;
	size_t		 i;

	if (last == 0) {
		date_today_plus(0, 0, today, sizeof today);
		last = (uint32_t)strtoul(today, NULL, 10) + IBUDGET_YEARS_AHEAD;
	}
	/* The year shown and years with data are always among them. */
	for (i = 0; i < ib->rep.nar; i++) {
		if (ib->rep.ar_med_data[i].ar > last && ib->rep.sista_ar == 0)
			last = ib->rep.ar_med_data[i].ar;
	}
	if (last < ib->rep.ar)
		last = ib->rep.ar;
	if (first > ib->rep.ar)
		first = ib->rep.ar;
	free(b->years);
	b->years = xcalloc(last - first + 1, sizeof *b->years);
	for (b->nyears = 0, y = first; y <= last; y++) {
		if (y == ib->rep.ar)
			b->year = b->nyears;
		b->years[b->nyears++] = y;
	}
	b->marks = ib->rep.ar_med_data;
	b->nmarks = ib->rep.nar;
}

/* Reads Planerat antal deltagare into q; 0, or -1 with bad->why set. */
static int
ibudget_planerat(struct ibudget *ib, struct msg_insats_budget *q,
    struct bbad *bad)
{
	uint64_t	v = 0;
	int		r;

	r = budget_amount_parse(&ib->planerat, &v);
	if (r == AMOUNT_BAD || r == AMOUNT_BIG ||
	    (r == AMOUNT_OK && v > IBUDGET_PLANERAT_MAX)) {
		bad->why = r == AMOUNT_BAD ? "Planerat antal deltagare: skriv "
		    "ett heltal, till exempel 40." : "Planerat antal "
		    "deltagare får vara högst 1 000 000.";
		return -1;
	}
	q->has_planerat = r == AMOUNT_OK;
	q->planerat = (uint32_t)v;
	return 0;
}

/* Fills q from what was typed; see budget.h. */
int
ibudget_request(struct ibudget *ib, struct msg_insats_budget *q,
    struct bbad *bad)
{
	struct bpanel		*p = &ib->b.fin;
	struct insats_budgetrad	*r;
	struct bline		*l;
	size_t			 i;

	memset(bad, 0, sizeof *bad);
	q->rader = xcalloc(p->n + 1, sizeof *q->rader);
	if (ibudget_planerat(ib, q, bad) != 0)
		return -1;
	for (i = 0; i < p->n; i++) {
		if ((l = p->rows[i])->remove)
			continue;
		r = &q->rader[q->nrader++];
		r->id = l->id;
		r->budgettyp_id = p->ids[l->f[F_CHOICE].value];
		r->budgettyp = r->organisation = (char *)"";
		if (l->f[F_ORG].kind == MF_CHOICE)
			r->organisation_id = ib->orgs.ids[l->f[F_ORG].value];
		if (r->budgettyp_id == 0) {
			bad->p = p;
			bad->i = i;
			bad->field = F_CHOICE;
			bad->why = "välj budgettyp.";
			return -1;
		}
		if (budget_read_line(p, i, &r->budget, &r->has_utfall,
		    &r->utfall, &r->beskrivning, bad) != 0)
			return -1;
	}
	return 0;
}

/* Frees what ibudget_request() allocated. */
void
ibudget_request_free(struct msg_insats_budget *q)
{
	uint32_t	i;

	for (i = 0; i < q->nrader; i++)
		free(q->rader[i].beskrivning);
	free(q->rader);
	q->rader = NULL;
	q->nrader = 0;
}

/* Frees everything the tab holds. */
void
ibudget_clear(struct ibudget *ib)
{
	budget_panel_clear(&ib->b.fin);
	budget_panel_clear(&ib->orgs);
	free(ib->b.years);
	ib->b.years = NULL;
	ib->b.marks = NULL;
	ib->b.nmarks = 0;
	if (ib->has_rep)
		msg_clear(MSG_INSATS_BUDGET, &ib->rep);
	if (ib->has_org)
		msg_clear(MSG_SAMORG, &ib->org);
	ib->has_rep = ib->has_org = 0;
}
