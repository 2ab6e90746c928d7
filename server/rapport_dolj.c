/*
 * Reports: hiding small counts (rapport.h, domain.md 6.6). Below national
 * level, within each grupp (one unit of the level), the RAPPORT_K_ANTAL
 * cells form a table whose sum row, when the group has one, holds the
 * column totals: rule_suppress() hides the counts from 1 to troskel - 1
 * and the ones a column total would give away. A sum cell that is itself
 * small is hidden too, and so are the row totals a report declared with
 * rapport_kol_summa() wherever they would give a hidden part away, until
 * no shown total holds exactly one hidden count. Then percentages from
 * a hidden count are hidden, and a footnote says why.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"
#include "rapport.h"
#include "rule.h"
#include "xmalloc.h"

/* One grupp's table: data rows, then the sum row (if any), by ANTAL cols. */
struct rapport_tabell {
	size_t		 nrad;		/* data rows */
	int		 har_summa;
	size_t		 nkol;		/* ANTAL columns */
	uint32_t	*rad;		/* out.rader index per row, sum last */
	uint32_t	*kol;		/* out.kol index per column */
	uint64_t	*v;		/* (nrad + 1) x nkol */
	uint8_t		*dold;
};

#define T(t, r, a)	((r) * (t)->nkol + (a))

/*
 * One total over members (indices into t->v): when the total is shown
 * and exactly one member is hidden, hides the smallest other member above
 * zero (or a zero), or the total when there is no other. 1 if it did.
 */
static int
rapport_linje(struct rapport_tabell *t, const size_t *m, size_t n,
    size_t total)
{
	size_t	i, hidden = 0, best = SIZE_MAX;

	if (t->dold[total])
		return 0;
	for (i = 0; i < n; i++) {
		if (t->dold[m[i]])
			hidden++;
		else if (best == SIZE_MAX || (t->v[m[i]] > 0 &&
		    (t->v[best] == 0 || t->v[m[i]] < t->v[best])))
			best = m[i];
	}
	if (hidden != 1)
		return 0;
	t->dold[best != SIZE_MAX ? best : total] = 1;
	return 1;
}

/* The position among t's ANTAL columns of out.kol index k, or -1. */
static int
rapport_antal_pos(const struct rapport_tabell *t, uint32_t k)
{
	size_t	a;

	for (a = 0; a < t->nkol; a++) {
		if (t->kol[a] == k)
			return (int)a;
	}
	return -1;
}

/* Hides until no shown total gives a hidden count away. */
static void
rapport_fixpunkt(struct rapport_ctx *c, struct rapport_tabell *t)
{
	size_t	*m, r, a, p, n, nr = t->nrad + (size_t)t->har_summa;
	int	 changed, pa, pb;

	m = xcalloc(t->nrad + t->nkol + 1, sizeof *m);
	do {
		changed = 0;
		for (a = 0; t->har_summa && a < t->nkol; a++) {
			for (r = 0; r < t->nrad; r++)
				m[r] = T(t, r, a);
			changed |= rapport_linje(t, m, t->nrad,
			    T(t, t->nrad, a));
		}
		for (a = 0; a < t->nkol; a++) {
			if (c->summa[t->kol[a]][0] < 0)
				continue;
			pa = rapport_antal_pos(t, (uint32_t)c->summa[t->kol[a]][0]);
			pb = rapport_antal_pos(t, (uint32_t)c->summa[t->kol[a]][1]);
			if (pa < 0 || pb < pa)
				continue;
			for (r = 0; r < nr; r++) {
				for (n = 0, p = (size_t)pa; p <= (size_t)pb; p++)
					if (p != a)
						m[n++] = T(t, r, p);
				changed |= rapport_linje(t, m, n, T(t, r, a));
			}
		}
	} while (changed);
	free(m);
}

/*
 * Hides the small counts of a further sum row of a group, whose parts
 * the table does not know; how many it hid.
 */
static size_t
rapport_dolj_sma(struct rapport_ctx *c, struct rapport_rad_row *rad)
{
	struct rapport_cell_row	*cell;
	size_t			 n = 0;
	uint32_t		 k;

	for (k = 1; k < c->out.nkol && k <= rad->nceller; k++) {
		cell = &rad->celler[k - 1];
		if (c->out.kol[k].slag != RAPPORT_K_ANTAL ||
		    cell->flagga != RAPPORT_C_VARDE || cell->varde < 0 ||
		    !rule_suppress_small((uint64_t)cell->varde,
		    (uint64_t)c->u.troskel))
			continue;
		cell->varde = 0;
		cell->flagga = RAPPORT_C_DOLD;
		n++;
	}
	return n;
}

/* Hides the small counts of the rows of group grupp; how many hidden. */
static size_t
rapport_dolj_grupp(struct rapport_ctx *c, const char *grupp, uint8_t *klar)
{
	struct msg_rapport	*o = &c->out;
	struct rapport_tabell	 t;
	struct rapport_cell_row	*cell;
	uint64_t		 th = (uint64_t)c->u.troskel;
	size_t			 i, r, a, n = 0, nr;
	uint32_t		 summa_rad = 0;
	int64_t			 v;

	memset(&t, 0, sizeof t);
	t.rad = xcalloc(o->nrader + 1, sizeof *t.rad);
	t.kol = xcalloc(o->nkol + 1, sizeof *t.kol);
	for (i = 1; i < o->nkol; i++) {
		if (o->kol[i].slag == RAPPORT_K_ANTAL)
			t.kol[t.nkol++] = (uint32_t)i;
	}
	/* The group's rows, and its first sum row (a second is a report's). */
	for (i = 0; i < o->nrader; i++) {
		if (klar[i] || strcmp(o->rader[i].grupp, grupp) != 0)
			continue;
		klar[i] = 1;
		if (!o->rader[i].summa)
			t.rad[t.nrad++] = (uint32_t)i;
		else if (!t.har_summa) {
			t.har_summa = 1;
			summa_rad = (uint32_t)i;
		} else
			n += rapport_dolj_sma(c, &o->rader[i]);
	}
	if (t.har_summa)
		t.rad[t.nrad] = summa_rad;
	nr = t.nrad + (size_t)t.har_summa;
	if (t.nkol == 0 || nr == 0)
		goto out;
	t.v = xcalloc(nr * t.nkol, sizeof *t.v);
	t.dold = xcalloc(nr * t.nkol, 1);
	for (r = 0; r < nr; r++) {
		for (a = 0; a < t.nkol; a++) {
			cell = &o->rader[t.rad[r]].celler[t.kol[a] - 1];
			v = cell->flagga == RAPPORT_C_VARDE ? cell->varde : 0;
			t.v[T(&t, r, a)] = v > 0 ? (uint64_t)v : 0;
		}
	}
	if (t.nrad > 0)
		rule_suppress(t.v, t.dold, t.nrad, t.nkol, th, 0, t.har_summa);
	for (a = 0; t.har_summa && a < t.nkol; a++)
		t.dold[T(&t, t.nrad, a)] = (uint8_t)rule_suppress_small(
		    t.v[T(&t, t.nrad, a)], th);
	rapport_fixpunkt(c, &t);
	for (r = 0; r < nr; r++) {
		for (a = 0; a < t.nkol; a++) {
			if (!t.dold[T(&t, r, a)])
				continue;
			cell = &o->rader[t.rad[r]].celler[t.kol[a] - 1];
			cell->varde = 0;
			cell->flagga = RAPPORT_C_DOLD;
			n++;
		}
	}
out:
	free(t.rad);
	free(t.kol);
	free(t.v);
	free(t.dold);
	return n;
}

/* Hides, in every row, the percentages computed from a hidden cell. */
static void
rapport_dolj_harledda(struct rapport_ctx *c)
{
	struct msg_rapport	*o = &c->out;
	struct rapport_rad_row	*rad;
	uint32_t		 i, k;
	int			 j, f;

	for (i = 0; i < o->nrader; i++) {
		rad = &o->rader[i];
		for (k = 1; k < o->nkol && k <= RAPPORT_KOL_MAX; k++) {
			for (j = 0; j < 2; j++) {
				f = c->fran[k][j];
				if (f < 1 || (uint32_t)f >= o->nkol ||
				    rad->celler[f - 1].flagga != RAPPORT_C_DOLD)
					continue;
				rad->celler[k - 1].varde = 0;
				rad->celler[k - 1].flagga = RAPPORT_C_DOLD;
			}
		}
	}
}

/* Hides small counts below riket, group by group (see the top). */
void
rapport_dolj(struct rapport_ctx *c)
{
	struct msg_rapport	*o = &c->out;
	uint8_t			*klar;
	size_t			 i, n = 0;

	/*
	 * The decided rule: nothing at riket, even narrowed to one unit
	 * (c->avgransad says when it is; hiding then too would be safer).
	 */
	if (c->u.niva == NIVA_RIKET || c->u.troskel <= 1 || o->nrader == 0 ||
	    o->nkol < 2)
		return;
	klar = xcalloc(o->nrader, 1);
	for (i = 0; i < o->nrader; i++) {
		if (!klar[i])
			n += rapport_dolj_grupp(c, o->rader[i].grupp, klar);
	}
	free(klar);
	if (n == 0)
		return;
	rapport_dolj_harledda(c);
	rapport_fotnot(c, "Antal under %d visas inte (markerade som dolda) på "
	    "annan nivå än riket, och inte heller summor eller andra antal "
	    "som skulle avslöja dem.", c->u.troskel);
}
