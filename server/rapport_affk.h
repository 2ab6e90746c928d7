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
 * A row that is no part of the unit's total (rapport_rad_utanfor()):
 * the engine hides its small counts and, when it is a part of foralder
 * (the row keyed so), those whose difference from foralder's would be
 * small, or, for one row of foralder's breakdown (uppdelning), what the
 * breakdown would give away. nyckel ending in '*' is a prefix.
 */
struct affk_egen {
	const char	*nyckel;
	const char	*foralder;	/* NULL: none (beside the table) */
	int		 uppdelning;	/* one of foralder's breakdown */
};

struct affk_persp {
	const char	*cte;		/* ", m AS (..), cats (..) AS (..)" */
	int		 bara_med;	/* only rows with someone counted */
	int		 anonym;	/* add anonymous participants */
	const struct affk_egen *egen;	/* rows outside the total */
	size_t		 negen;
};

/* Runs a perspective and fills the table; 0, or what a refusal returns. */
int		 rapport_affk_run(struct rapport_ctx *,
		    const struct affk_persp *);

#endif
