/*
 * Reports: hiding small counts (rapport.h, domain.md 6.6). Below national
 * level, and at national level narrowed to one unit, within each grupp
 * (one unit of the level), the RAPPORT_K_ANTAL cells form a table whose
 * sum row, when the group has one, holds the column totals: rule_suppress() hides the counts from 1 to troskel - 1
 * and the ones a column total would give away. A sum cell that is itself
 * small is hidden too, and so are the row totals a report declared with
 * rapport_kol_summa() wherever they would give a hidden part away, until
 * no shown total holds exactly one hidden count. The rows outside the
 * total (rapport_rad_utanfor()) take part in that search: their small
 * counts are hidden, a part's count whose difference from its parent's
 * is small too, and a breakdown is a total over its rows. Then
 * percentages from a hidden count are hidden, and a footnote says why.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"
#include "rapport.h"
#include "rule.h"
#include "xmalloc.h"

/*
 * One grupp's table: data rows, then the sum row (if any), then the rows
 * outside the total (rapport_rad_utanfor()), by ANTAL columns.
 */
struct rapport_tabell {
	size_t		 nrad;		/* data rows */
	int		 har_summa;
	size_t		 nut;		/* rows outside the total */
	size_t		 nkol;		/* ANTAL columns */
	uint64_t	 th;		/* the threshold */
	uint32_t	*rad;		/* out.rader index per row */
	int		*foralder;	/* per row: its foralder's row, or -1 */
	int		*slag;		/* per row: RAPPORT_UTANFOR_* */
	uint32_t	*kol;		/* out.kol index per column */
	uint64_t	*v;		/* (nrad + har_summa + nut) x nkol */
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

/*
 * The rules for the rows outside the total, column a: a part whose
 * difference from its foralder would be small is hidden, and where a
 * shown row has exactly one hidden row of its breakdown, another. 1 if
 * anything was hidden.
 */
static int
rapport_utanfor(struct rapport_tabell *t, size_t *m, size_t a)
{
	size_t	r, q, n, forst = t->nrad + (size_t)t->har_summa;
	size_t	nr = forst + t->nut;
	uint64_t vp, vr;
	int	changed = 0;

	for (r = forst; r < nr; r++) {
		if (t->slag[r] != RAPPORT_UTANFOR_DEL || t->foralder[r] < 0 ||
		    t->dold[T(t, r, a)])
			continue;
		vp = t->v[T(t, (size_t)t->foralder[r], a)];
		vr = t->v[T(t, r, a)];
		if (vp > vr && rule_suppress_small(vp - vr, t->th)) {
			t->dold[T(t, r, a)] = 1;
			changed = 1;
		}
	}
	/* Each row that has a breakdown, once: at its first part. */
	for (r = forst; r < nr; r++) {
		if (t->slag[r] != RAPPORT_UTANFOR_UPPDELNING ||
		    t->foralder[r] < 0)
			continue;
		for (q = forst; q < r; q++) {
			if (t->slag[q] == RAPPORT_UTANFOR_UPPDELNING &&
			    t->foralder[q] == t->foralder[r])
				break;
		}
		if (q < r)
			continue;
		for (n = 0, q = r; q < nr; q++) {
			if (t->slag[q] == RAPPORT_UTANFOR_UPPDELNING &&
			    t->foralder[q] == t->foralder[r])
				m[n++] = T(t, q, a);
		}
		changed |= rapport_linje(t, m, n,
		    T(t, (size_t)t->foralder[r], a));
	}
	return changed;
}

/* Hides until no shown total gives a hidden count away. */
static void
rapport_fixpunkt(struct rapport_ctx *c, struct rapport_tabell *t)
{
	size_t	*m, r, a, p, n;
	size_t	 nr = t->nrad + (size_t)t->har_summa + t->nut;
	int	 changed, pa, pb;

	m = xcalloc(nr + t->nkol + 1, sizeof *m);
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
		for (a = 0; t->nut > 0 && a < t->nkol; a++)
			changed |= rapport_utanfor(t, m, a);
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
	uint32_t		*ut = NULL;
	size_t			 i, j, r, a, n = 0, nr, forst;
	uint32_t		 summa_rad = 0;
	int64_t			 v;
	int			 f;

	memset(&t, 0, sizeof t);
	t.th = (uint64_t)c->u.troskel;
	t.rad = xcalloc(o->nrader + 1, sizeof *t.rad);
	t.foralder = xcalloc(o->nrader + 1, sizeof *t.foralder);
	t.slag = xcalloc(o->nrader + 1, sizeof *t.slag);
	ut = xcalloc(o->nrader + 1, sizeof *ut);
	t.kol = xcalloc(o->nkol + 1, sizeof *t.kol);
	for (i = 1; i < o->nkol; i++) {
		if (o->kol[i].slag == RAPPORT_K_ANTAL)
			t.kol[t.nkol++] = (uint32_t)i;
	}
	/*
	 * The group's rows, its first sum row (a second is a report's) and
	 * the rows outside the total.
	 */
	for (i = 0; i < o->nrader; i++) {
		if (klar[i] || strcmp(o->rader[i].grupp, grupp) != 0)
			continue;
		klar[i] = 1;
		if (c->radinfo != NULL && c->radinfo[i].utanfor)
			ut[t.nut++] = (uint32_t)i;
		else if (!o->rader[i].summa)
			t.rad[t.nrad++] = (uint32_t)i;
		else if (!t.har_summa) {
			t.har_summa = 1;
			summa_rad = (uint32_t)i;
		} else
			n += rapport_dolj_sma(c, &o->rader[i]);
	}
	if (t.har_summa)
		t.rad[t.nrad] = summa_rad;
	forst = t.nrad + (size_t)t.har_summa;
	nr = forst + t.nut;
	for (r = 0; r < nr; r++) {
		t.foralder[r] = -1;
		t.slag[r] = RAPPORT_UTANFOR_DEL;
	}
	for (j = 0; j < t.nut; j++) {
		t.rad[forst + j] = ut[j];
		t.slag[forst + j] = c->radinfo[ut[j]].slag;
	}
	for (j = 0; j < t.nut; j++) {
		if ((f = c->radinfo[ut[j]].foralder) < 0)
			continue;
		for (r = 0; r < nr; r++) {
			if (t.rad[r] == (uint32_t)f)
				t.foralder[forst + j] = (int)r;
		}
	}
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
		rule_suppress(t.v, t.dold, t.nrad, t.nkol, t.th, 0,
		    t.har_summa);
	/* A sum, and a row outside the total, by its own counts. */
	for (r = t.nrad; r < nr; r++) {
		for (a = 0; a < t.nkol; a++)
			t.dold[T(&t, r, a)] = (uint8_t)rule_suppress_small(
			    t.v[T(&t, r, a)], t.th);
	}
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
	free(ut);
	free(t.rad);
	free(t.foralder);
	free(t.slag);
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

/*
 * Hides small counts below riket, and at riket when the choices narrow
 * it to one unit, group by group (see the top).
 */
void
rapport_dolj(struct rapport_ctx *c)
{
	struct msg_rapport	*o = &c->out;
	uint8_t			*klar;
	size_t			 i, n = 0;

	if ((c->u.niva == NIVA_RIKET && !c->avgransad) || c->u.troskel <= 1 ||
	    o->nrader == 0 || o->nkol < 2)
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
	rapport_fotnot(c, "Antal under %d visas inte (markerade som dolda) "
	    "utom för hela riket utan avgränsning, och inte heller summor "
	    "eller andra antal som skulle avslöja dem.", c->u.troskel);
}
