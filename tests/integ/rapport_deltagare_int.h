/*
 * What the cases of the Deltagarrapport (rapport_deltagare.c) and the
 * Standardrapport deltagare (rapport_standard.c) share: the fixture
 * tests/data/rapport_deltagare.sql (its header holds the figures) and a
 * check of a whole result against a table written out by hand.
 */
#ifndef RAPPORT_DELTAGARE_INT_H
#define RAPPORT_DELTAGARE_INT_H

#include "integ.h"
#include "msg.h"

/* The fixture's period and län, as most cases choose them. */
#define RD_FROM		"2003-07-01"
#define RD_TOM		"2004-06-30"
#define RD_LAN		"06"
#define RD_A		"R2 Förbund Vätterstrand"
#define RD_B		"R2 Förbund Höglandet"

/* Logs in as the demo's SUSrapport user and loads the fixture; 0 or -1. */
int		 rd_start(struct conn *);
/* Removes the fixture and closes the connection. */
void		 rd_slut(struct conn *);
/*
 * Runs report rapport, typ, with the choices kv (name, value, ...,
 * NULL) and checks the reply against want (NULL-terminated), line by
 * line:
 *	"^A;B;C"		the column titles, exactly
 *	"@N"			the chart's column
 *	"# text"		a footnote holds text
 *	"! text"		no footnote holds text
 *	"grupp|namn|1 x - 2"	the next row: its cells, a number, x for
 *				hidden (its value 0), - for empty; "=namn"
 *				a sum row
 * Every row must be listed, in order; no reply may hold a fixture
 * personnummer or name. 0, or -1 after fail().
 */
int		 rd_ar(struct conn *, const char *rapport, const char *typ,
		    const char *const *kv, const char *const *want);

/*
 * Expected tables both reports give alike (rapport_deltagare.c): riket
 * (RD_RIKET) and per förbund (lan 06), the fixture's period.
 */
extern const char *const rd_forsorjning_riket[];
extern const char *const rd_forsorjning_samorg[];
extern const char *const rd_kalla_akassa_riket[];
extern const char *const rd_kalla_akassa_samorg[];
extern const char *const rd_sysselsattning_riket[];
extern const char *const rd_sysselsattning_samorg[];

/*
 * The choices of a run below riket: the fixture's period and län. A
 * chosen län narrows a riket report to one unit, which hides small
 * counts as a level below does, so the national tables are run with
 * RD_RIKET: no other data lies in the fixture's years, so the whole
 * country is the fixture.
 */
#define RD_KV(niva)	"from", RD_FROM, "tom", RD_TOM, "lan", RD_LAN,	\
			"niva", niva
#define RD_RIKET	"from", RD_FROM, "tom", RD_TOM, "niva", "riket"
/* The hidden-counts footnote (server/rapport_dolj.c), and its start. */
#define RD_DOLD		"# Antal under 3 visas inte (markerade som dolda) " \
			"utom för hela riket utan avgränsning, och inte " \
			"heller summor eller andra antal som skulle " \
			"avslöja dem."
#define RD_EJ_DOLD	"! Antal under 3 visas inte"

#endif
