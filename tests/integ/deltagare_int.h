/*
 * What the Deltagande read and withdrawal cases share (tests/integ/
 * deltagare.c: the list, the own view, "Hämta" and who may do them;
 * tests/integ/deltagare_samtycke.c: consent withdrawn): the fixtures,
 * made through psql as the database superuser, and the helpers that
 * send the requests and count the audit rows they leave.
 */
#ifndef DELTAGARE_INT_H
#define DELTAGARE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "integ.h"
#include "msg.h"

#define GBG		"Samordningsförbundet Göteborg"
#define STEGET		"Steget vidare"
/* Every fixture's name starts so; the clean-up removes them all. */
#define FX_PREFIX	"Integ deltagare"
#define FX_KOD(l, k)	"(SELECT id FROM kod WHERE lista = '" l "' AND kod = " \
			k ")"
#define FX_ANSV		"(SELECT id FROM anvandare WHERE username = " \
			"'deltagaransv')"

/* The participants a case may make; none of them is in the register. */
enum fx_person {
	FX_A,		/* taking part since 2024-03-01 */
	FX_B,		/* 2024-02-01 to 2024-09-30, Till arbete, answers */
	FX_C,		/* 2023-01-10 to 2023-06-30, stripped */
	FX_D,		/* taking part since 2024-05-02, nothing else */
	FX_E,		/* 2024-01-15 to 2024-04-30, also in the other insats */
	FX_H,		/* registered by hand, taking part since 2025-01-07 */
	FX__COUNT
};

struct dl_person {
	const char	*pnr;		/* an official test personnummer */
	const char	*namn;
	char		 kon;		/* K or M, as the number says */
	const char	*start;
	const char	*slut;		/* NULL while taking part */
	const char	*avslut;	/* kod of the utregistrering */
	int		 strip;		/* stripped once made */
};

extern const struct dl_person	dl_fx[FX__COUNT];

/* What a case has: the insatser and deltagaransv's connection. */
struct fx_case {
	struct conn	 cn;
	uint32_t	 iid;		/* with deltagaransv's uppdrag */
	uint32_t	 iid2;		/* without */
	uint32_t	 ansv;		/* deltagaransv's user id */
};

/*
 * Makes participant k in insats iid with its occasions, audited as
 * every write must be; its id, or 0 after fail().
 */
uint32_t	 dl_deltagande(uint32_t iid, enum fx_person k);
/* Answers of three questions of its own for did; 0 or -1. */
int		 dl_svar(uint32_t iid, uint32_t did);
/*
 * Cleans, makes both insatser, deltagaransv's uppdrag on the first and
 * logs in as user (NULL: nobody); 0 or -1. dl_end() cleans and closes,
 * returning rv.
 */
int		 dl_begin(struct fx_case *, const char *user);
int		 dl_end(struct fx_case *, int rv);
/* The year of birth participant k's number gives. */
uint32_t	 dl_year(enum fx_person k);
/* The highest audit_person id so far; rows above it are the case's. */
uint32_t	 dl_audit_mark(void);
/*
 * Checks the audit_person rows since mark: exactly one per
 * participation in ids (for a pnr row ids NULL and n 1), by
 * deltagaransv's session with action, purpose, insats, the person and
 * the hash of its number as they stand now. 0 or -1 after fail().
 */
int		 dl_audit_rows(const struct fx_case *, uint32_t mark,
		    const char *action, const char *purpose,
		    const uint32_t *ids, uint32_t n);
/* Reports whether s holds a run of six digits or more (a number). */
int		 dl_has_number(const char *s);
/*
 * The requests, each into a reply that must be zeroed or hold an
 * earlier one (freed first; the caller clears the last). As
 * integ_call(); dl_aterkalla() leaves its text in integ_last_ok.
 */
int		 dl_search(struct fx_case *, uint32_t iid, uint8_t status,
		    const char *pattern, uint32_t offset, uint32_t limit,
		    struct msg_deltagare_list *);
int		 dl_get(struct fx_case *, uint32_t iid, uint32_t did,
		    struct msg_deltagare *);
int		 dl_lookup(struct fx_case *, uint32_t iid, const char *pnr,
		    struct msg_person *);
int		 dl_aterkalla(struct fx_case *, uint32_t iid, uint32_t did,
		    const char *datum);
/* integ_refused(), then that the text names no personnummer. */
int		 dl_refused(int r, uint32_t code, const char *text,
		    const char *what);

/* deltagare_samtycke.c */
int		 samtycke_withdraw_current(void);
int		 samtycke_withdraw_ended(void);
int		 samtycke_withdraw_datum(void);

#endif
