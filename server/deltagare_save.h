/*
 * Registrera deltagare: what deltagare_save.c (the participation and the
 * person) and deltagare_tillfalle.c (the checks and writes of one
 * mättillfälle) share. Every function that refuses answers the request
 * itself and returns what a handler returns; 0 means go on.
 */
#ifndef DELTAGARE_SAVE_H
#define DELTAGARE_SAVE_H

#include <stdint.h>

#include <libpq-fe.h>

struct session;
struct tillfalle_row;

/* What the audit trail calls every write made here. */
#define DT_PURPOSE	"Registrera deltagare"

/* The insats a registration is made on, with what its checks need. */
struct dt_insats {
	uint32_t	 id;
	char		 ids[16];	/* id as text, for query parameters */
	uint32_t	 samorg_id;
	char		 start[11];	/* YYYY-MM-DD */
	char		 slut[11];	/* "" while open */
	char		 org_start[11];
	char		 today[11];	/* the database's current_date */
};

/* The questions asked at one occasion, loaded for the check and write. */
struct dt_fragor {
	PGresult	*fragor;	/* id, svarstyp, obligatorisk, namn */
	PGresult	*alts;		/* fraga_id, id */
};

/* An occasion (FRAGA_IN, FRAGA_UT) as the database and a sentence name it. */
const char	*dt_tillfalle_db(uint8_t typ);
const char	*dt_tillfalle_text(uint8_t typ);	/* "inregistreringen" */

/*
 * Loads the insats and refuses one that cannot take participants (not
 * categorised, or a volyminsats).
 */
int		 dt_insats_load(struct session *, uint32_t id,
		    uint32_t insats_id, struct dt_insats *);

/*
 * Checks a startdatum against the insats, its organisation and today,
 * and against the participation's slutdatum (slut, "" when none).
 */
int		 dt_start_check(struct session *, uint32_t id,
		    const struct dt_insats *, const char *start,
		    const char *slut);
/* Checks a slutdatum against the startdatum, the insats and today. */
int		 dt_slut_check(struct session *, uint32_t id,
		    const struct dt_insats *, const char *start,
		    const char *slut);
/*
 * Refuses when the person (person_id) already takes part in the insats
 * during start..slut (slut "" = open), other than participation self
 * (rule 38: several times, never at the same time).
 */
int		 dt_overlap_check(struct session *, uint32_t id,
		    const struct dt_insats *, uint32_t person_id, uint32_t self,
		    const char *start, const char *slut);

/*
 * Checks the codes and the answers of an occasion dated datum; stored
 * holds the code ids the occasion has now (a Postgres array, or NULL for
 * a new occasion), which stay acceptable even if no longer active. The
 * questions go to f, which the caller clears.
 */
int		 dt_tillfalle_check(struct session *, uint32_t id,
		    const struct dt_insats *, const struct tillfalle_row *,
		    const char *datum, const char *stored, struct dt_fragor *f);
/*
 * Writes the occasion of participation did as checked: the mättillfälle
 * row, its försörjning and its answers, replacing what was there.
 */
int		 dt_tillfalle_write(struct session *, uint32_t id, uint32_t did,
		    const struct tillfalle_row *, const struct dt_fragor *);
void		 dt_fragor_clear(struct dt_fragor *);

#endif
