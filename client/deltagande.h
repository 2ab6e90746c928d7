/*
 * The Deltagande screens (issue 6). Registrera deltagare: the insats is
 * chosen among those where the user is deltagaransvarig, then its
 * participants are listed with personnummer masked (client/
 * scr_deltagare.c); the person's own view shows the number in full and
 * the occasions (client/scr_deltagare_view.c); the in- and
 * utregistrering form (client/scr_deltagare_form.c and the files it
 * names) registers, corrects an earlier occasion, or registers out.
 * Registrera anonyma deltagare is client/scr_anonym.c.
 */
#ifndef SUS_DELTAGANDE_H
#define SUS_DELTAGANDE_H

#include <stdint.h>

#include "client.h"

/*
 * The insats chooser's columns and fetch (the Startsida's insatser where
 * the user registers participants), shared by the list and the grids.
 */
struct plist;
struct tbl_col;
extern const struct tbl_col	deltagare_insats_cols[];
extern const size_t		deltagare_insats_ncols;
#define DELTAGARE_INSATS_NAMN	0	/* the column holding the name */
int		 deltagare_insats_fetch(struct plist *, size_t offset,
		    size_t limit, size_t *total);

/* Registrera deltagare from the menu: the insats is chosen first. */
struct screen	*scr_deltagare_new(struct ui *);
/* The participants of one insats, from the Startsida. */
struct screen	*scr_deltagare_insats_new(struct ui *, uint32_t insats_id);
/* The person's own view of one participation. */
struct screen	*scr_deltagare_view_new(struct ui *, uint32_t insats_id,
		    uint32_t deltagande_id);
/*
 * The registration form. deltagande_id 0 with FRAGA_IN is a
 * nyinregistrering; otherwise the occasion typ (FRAGA_IN or FRAGA_UT)
 * of that participation is opened, new or to be corrected.
 */
struct screen	*scr_deltagare_form_new(struct ui *, uint32_t insats_id,
		    uint32_t deltagande_id, uint8_t typ);
/* Registrera anonyma deltagare from the menu: the insats is chosen. */
struct screen	*scr_anonym_new(struct ui *);
/* The same for one insats, from the Startsida. */
struct screen	*scr_anonym_insats_new(struct ui *, uint32_t insats_id);
/*
 * Snabbregistrering and Snabb utregistrering (client/scr_grid.c): the
 * keyboard grid for many participants of one insats.
 */
struct screen	*scr_grid_in_new(struct ui *);
struct screen	*scr_grid_ut_new(struct ui *);

#endif
