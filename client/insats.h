/*
 * The insats screens (issue 5): Sök insatser and the read-only view
 * (client/scr_insats.c, client/scr_insats_view.c), Registrera (ny)
 * insats with its categorisation and deltagaransvariga panels
 * (client/scr_insats_edit.c, insats_edit_page.c, insats_edit_data.c),
 * the insats's Budget tab (client/scr_insats_budget.c) and Registrera
 * antal i volyminsats (client/scr_volym.c). The Startsida
 * (client/scr_start.c) opens them from the user's rows.
 */
#ifndef SUS_INSATS_H
#define SUS_INSATS_H

#include <stdint.h>

#include "client.h"

/*
 * Fetches insats id with MSG_INSATS_GET into in, replacing what it held
 * when *loaded. 0 on success; on failure ui_call has said why.
 */
int		 insats_fetch(struct ui *, uint32_t id, struct msg_insats *,
		    int *loaded);

/* Sök insatser, open to every role. */
struct screen	*scr_insats_new(struct ui *);
/* The read-only view of one insats; F4 Ändra when the caller may. */
struct screen	*scr_insats_view_new(struct ui *, uint32_t insats_id);
/* Registrera ny insats, from the menu: the organisation is chosen first. */
struct screen	*scr_insats_ny_new(struct ui *);
/*
 * Registrera insats: insats_id 0 for a new one in samorg_id (0 lets the
 * user choose among the organisations where he is insatsansvarig).
 */
struct screen	*scr_insats_edit_new(struct ui *, uint32_t insats_id,
		    uint32_t samorg_id);
/* The Budget tab of one insats. */
struct screen	*scr_insats_budget_new(struct ui *, uint32_t insats_id,
		    const char *namn);
/* Registrera antal i volyminsats, from the menu: the insats is chosen. */
struct screen	*scr_volym_new(struct ui *);
/* The same for one insats, from the Startsida or the view. */
struct screen	*scr_volym_insats_new(struct ui *, uint32_t insats_id);

#endif
