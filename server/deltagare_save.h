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
struct msg_deltagare_save;
struct dt_cache;

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
	struct dt_cache	*cache;		/* a batch's, or NULL */
};

/* The questions asked at one occasion, loaded for the check and write. */
struct dt_fragor {
	PGresult	*fragor;	/* id, svarstyp, obligatorisk, namn */
	PGresult	*alts;		/* fraga_id, id */
	int		 borrowed;	/* the cache's: not cleared here */
};

/* The dates whose questions a batch keeps at once. */
#define DT_CACHE_DATES	16
/* Other lookups a batch keeps (kommun, code combinations), and key size. */
#define DT_CACHE_QUERIES 64
#define DT_CACHE_KEY	256

/*
 * What the rows of one batch share, loaded once (deltagare_cache.c): the
 * insats, and the questions asked at an occasion on the dates seen. A
 * batch is one transaction, so neither changes under it.
 */
struct dt_cache {
	int		 wrote;		/* the row has written: set here */
	int		 have_insats;
	struct dt_insats ins;
	struct {
		uint32_t	 insats_id;
		uint8_t		 typ;
		char		 datum[11];
		PGresult	*fragor, *alts;
	}		 fr[DT_CACHE_DATES];
	unsigned	 nfr;		/* slots in use */
	unsigned	 next;		/* the slot to reuse next */
	struct {
		char		 key[DT_CACHE_KEY];
		PGresult	*res;
	}		 q[DT_CACHE_QUERIES];
	unsigned	 nq, qnext;
};

/* As dt_insats_load(), from the cache when it holds the insats. */
int		 dt_insats_get(struct session *, uint32_t id,
		    uint32_t insats_id, struct dt_cache *, struct dt_insats *);
/*
 * Loads the questions asked at occasion typ on datum (and their
 * options) into f, from ins->cache when it has them.
 */
int		 dt_fragor_load(struct session *, uint32_t id,
		    const struct dt_insats *, uint8_t typ, const char *datum,
		    struct dt_fragor *f);
/*
 * Runs a read-only query whose result depends on key alone, or takes it
 * from the cache c (which may be NULL). *borrowed says the result is the
 * cache's: the caller clears it only when not. NULL on failure.
 */
PGresult	*dt_cache_query(struct session *, struct dt_cache *c,
		    const char *key, const char *sql, int n,
		    const char *const *params, int *borrowed);
void		 dt_cache_clear(struct dt_cache *);
/*
 * deltagare_save_apply() (susd.h) with a batch's cache: the rows of a
 * batch share what they read.
 */
int		 deltagare_save_cached(struct session *, uint32_t id,
		    const struct msg_deltagare_save *, struct dt_cache *,
		    uint32_t *did, const char **msg);

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
/* The refusal of an overlap with a participation from..tom ("" open). */
int		 dt_overlap_refuse(struct session *, uint32_t id,
		    const char *from, const char *tom);

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
 * row, its försörjning and its answers, replacing what was there (ny:
 * the occasion is new, so there is nothing to replace).
 */
int		 dt_tillfalle_write(struct session *, uint32_t id, uint32_t did,
		    const struct tillfalle_row *, const struct dt_fragor *,
		    int ny);
void		 dt_fragor_clear(struct dt_fragor *);
/* The answers of a new occasion of participation did, as checked. */
int		 dt_svar_insert(struct session *, uint32_t id, uint32_t did,
		    const struct tillfalle_row *, const struct dt_fragor *);
/* The ids of n codes as a Postgres array literal; the caller frees it. */
struct kod_ref;
char		*dt_kod_array(const struct kod_ref *, uint32_t n);

#endif
