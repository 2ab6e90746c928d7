/*
 * The Af/FK reports (domain.md 6.5, issue 9): what Deltagarrapport Af/FK
 * (rapport_affk_deltagare.c) and Standardrapport – status
 * (rapport_affk_status.c) share, in rapport_affk.c.
 *
 * Both count ärenden (one person each) from affk_statistik: no person,
 * name or number. A perspective is two SQL common table expressions
 * over the filtered periods "pf" (see rapport_affk.c):
 *	m(enhet, arende_id, kon, nyckel)	what is counted where, and
 *	cats(nyckel, ord, namn, summa)		the rows, in order,
 * and the engine of this file counts each row per unit by kön.
 */
#ifndef RAPPORT_AFFK_H
#define RAPPORT_AFFK_H

struct rapport_ctx;

/*
 * A row below the sum row that the engine leaves alone (it takes the
 * first sum row of a unit as the column totals of the rows above, and
 * these are no part of that sum): rapport_affk.c hides its small counts
 * itself, and those that would give away a small difference from its
 * foralder (the row it is a part of) or a small member of the rows whose
 * total it is (rows with block naming it). nyckel ending in '*' is a
 * prefix.
 */
struct affk_egen {
	const char	*nyckel;
	const char	*foralder;	/* NULL: none */
	const char	*block;		/* the row this one is a part of */
};

struct affk_persp {
	const char	*cte;		/* ", m AS (..), cats (..) AS (..)" */
	int		 bara_med;	/* only rows with someone counted */
	int		 anonym;	/* add anonymous participants */
	const struct affk_egen *egen;	/* rows after the sum row */
	size_t		 negen;
};

/* Runs a perspective and fills the table; 0, or what a refusal returns. */
int		 rapport_affk_run(struct rapport_ctx *,
		    const struct affk_persp *);

#endif
