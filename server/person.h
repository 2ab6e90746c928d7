/*
 * A person registered with personnummer, as Registrera deltagare
 * (deltagare_save.c) and Registrera medverkan (affk_arende.c) both find
 * or create one: the number checked, the register copy read, namn,
 * kommun and stadsdel from it (or typed for a person it does not hold),
 * a protected person refused, and the person row stored. Every function
 * that refuses answers the request itself and returns what a handler
 * returns; 0 means go on.
 */
#ifndef PERSON_H
#define PERSON_H

#include <stdint.h>

#include <libpq-fe.h>

#include "pnr.h"

struct session;
struct dt_cache;

/* Longest namn in characters (schema 0008). */
#define PERSON_NAMN_MAX	200

/* The person as it will be stored. */
struct person_reg {
	char		 pnr[13];
	struct pnr	 p;
	uint32_t	 id;		/* 0 = not stored yet */
	int		 i_register;
	char		 namn[PERSON_NAMN_MAX * 4 + 1];
	char		 kommun[5];
	uint32_t	 stadsdel_id;
	int		 stadsdel_sent;	/* from the request: to be checked */
	int		 skyddad;	/* the register says so */
};

/*
 * The register copy's row of personnummer $1 and the person if stored,
 * locked for the save: a query is PERSON_REG_WITH, then
 * PERSON_REG_SELECT (six columns, person_reg_run() reads them), then
 * columns of its own, then PERSON_REG_FROM and joins of its own.
 */
#define PERSON_REG_WITH							\
	"WITH p AS (SELECT id FROM person WHERE personnummer = $1"	\
	" FOR UPDATE)"
#define PERSON_REG_SELECT						\
	" SELECT f.personnummer IS NOT NULL, coalesce(f.namn, ''),"	\
	" coalesce(f.kommunkod, ''), coalesce(f.stadsdel_id, 0),"	\
	" coalesce(f.skyddad, false), coalesce((SELECT id FROM p), 0)"
#define PERSON_REG_FROM							\
	" FROM (SELECT 1) x"						\
	" LEFT JOIN folkbokforing f ON f.personnummer = $1"
#define PERSON_REG_NCOLS	6

/*
 * Checks a typed personnummer and fills pe (zeroed first) with its
 * twelve digits and what they say.
 */
int		 person_pnr(struct session *, uint32_t id, const char *typed,
		    struct person_reg *pe);
/*
 * Runs sql, a lookup made of the PERSON_REG_* parts, and fills pe from
 * its one row; *row (unless rowp is NULL) keeps the row for the
 * caller's own columns, from PERSON_REG_NCOLS on, and is the caller's
 * to clear.
 */
int		 person_reg_run(struct session *, uint32_t id, const char *sql,
		    int n, const char *const *params, struct person_reg *pe,
		    PGresult **rowp);
/* Runs the lookup with nothing of its own and fills pe. */
int		 person_reg_lookup(struct session *, uint32_t id,
		    struct person_reg *pe);
/*
 * Checks the person against the register copy: a protected person is
 * refused with nothing said but where to go (rule 34); else namn, kommun
 * and stadsdel come from the register, or from the request for a person
 * it does not hold (rule 39). c is a batch's cache, or NULL.
 */
int		 person_reg_check(struct session *, uint32_t id,
		    struct dt_cache *c, const char *namn,
		    const char *kommunkod, uint32_t stadsdel_id,
		    struct person_reg *pe);
/* Stores the person, kept or new, and sets pe->id. */
int		 person_reg_store(struct session *, uint32_t id,
		    struct person_reg *pe);

#endif
