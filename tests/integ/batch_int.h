/*
 * What the batch cases share: tests/integ/batch.c (the fixtures, the
 * helpers, the rows of a batch and who may send one) and
 * tests/integ/batch_key.c (the idempotency key: replay, dry run, two
 * connections at once, a dropped connection).
 */
#ifndef BATCH_INT_H
#define BATCH_INT_H

#include <stdint.h>

#include "integ.h"
#include "msg.h"
#include "proto.h"

/* Every fixture's name starts so; the clean-up removes them all. */
#define BT		"Integ batch"
/* Most rows a case's batch has. */
#define BT_MAX		16
/* The official test numbers given to these cases (tests/data). */
#define BT_NPNR		34
/* The register marks this one protected while the cases run. */
#define BT_SKYDD	"191012179808"

extern const char *const bt_pnr[BT_NPNR];

/* What a case knows: the insatser, codes, today. */
struct bt_known {
	uint32_t	 iid, iid2;	/* deltagaransv has uppdrag on both */
	uint32_t	 akassa, arbete, sokande, gymn, under1, plan;
	uint32_t	 fraga;		/* Göteborg's obligatorisk (2024-) */
	char		 today[16], tomorrow[16];
	unsigned	 nkey;
};

extern struct bt_known	bt;

/* A batch with room for its rows' lists. */
struct bt_batch {
	struct msg_batch_deltagare	 q;
	struct batch_deltagare_rad	 rad[BT_MAX];
	struct kod_ref			 fors[BT_MAX];
	struct svar_row			 svar[BT_MAX];
	char				 key[SUS_BATCH_KEY_LEN + 1];
};

/* Cleans, makes the fixtures and logs in as user; 0 or -1. */
int		 bt_begin(struct conn *, const char *user);
/* Cleans up and closes; returns rv. */
int		 bt_end(struct conn *, int rv);
/* A fresh key for b. */
void		 bt_key(struct bt_batch *);
/* An empty batch for the fixture insats with a fresh key. */
void		 bt_new(struct bt_batch *, uint8_t flaggor);
/* Adds a nyinregistrering that passes every rule; returns it to spoil. */
struct msg_deltagare_save *bt_in(struct bt_batch *, const char *pnr,
		    const char *start);
/* Adds an utregistrering by personnummer. */
struct msg_deltagare_save *bt_ut(struct bt_batch *, const char *pnr,
		    const char *slut);
/* Sends b into res (cleared first); as integ_call(). */
int		 bt_send(struct conn *, struct bt_batch *,
		    struct msg_batch_result *);
/*
 * As bt_send(), but anything but b's result (bt_shape()) fails the
 * case: 0 or -1.
 */
int		 bt_call(struct conn *, struct bt_batch *,
		    struct msg_batch_result *, int upprepad, int provkorning,
		    const char *what);
/* Checks the result is b's: key, flags, rows in order, counts. */
int		 bt_shape(const struct bt_batch *,
		    const struct msg_batch_result *, int upprepad,
		    int provkorning, const char *what);
/* Checks row i is refused in cell falt (and fraga) with kod and text. */
int		 bt_fel(const struct msg_batch_result *, uint32_t i,
		    uint32_t falt, uint32_t fraga, uint32_t kod,
		    const char *text);
/* Checks row i has status st and a participation of the insats. */
int		 bt_stat(const struct msg_batch_result *, uint32_t i,
		    uint8_t st);
/*
 * Rows of the fixture insats: "deltagande", "mattillfalle", "skriv" and
 * "las" (audit_person by a session), or "batch" (import_batch).
 */
uint32_t	 bt_count(const char *what);

/* A trigger refusing the fixture insats's persons born 1899 (SU056). */
int		 bt_refuse_1899(void);

/* batch_key.c */
int		 batch_replay(void);
int		 batch_dry_run(void);
int		 batch_race(void);
int		 batch_dropped(void);

/* batch_rows.c */
int		 batch_one_person(void);
int		 batch_rerun(void);
int		 batch_commit_fails(void);
int		 batch_other_insats(void);

/*
 * personal.c: counts writes the server made whose reply the test never
 * read (a batch sent on a connection dropped before its result): they
 * are audited, and the replay that answers them later counts nothing.
 */
void		 pd_unseen(unsigned long writes);

#endif
