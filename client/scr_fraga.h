/*
 * Hantera kompletterande frågor: what the list (client/scr_fraga.c),
 * the form Registrera kompletterande fråga (client/scr_fraga_edit.c) and
 * the preview Visa frågeformulär (client/scr_fraga_view.c) share.
 */
#ifndef SCR_FRAGA_H
#define SCR_FRAGA_H

#include <stdint.h>

#include "client.h"
#include "msg.h"

/* Lengths in characters, as the server and schema 0006 count them. */
#define FRAGA_NAMN_MAX		200
#define FRAGA_ALT_TEXT_MAX	100
/* Options of a choice question: two at least, the message's 50 at most. */
#define FRAGA_ALT_MIN		2
#define FRAGA_ALT_MAX		50

/* Names by FRAGA_* and SVAR_* value; index 0 is "". */
extern const char *const fraga_tillfalle_namn[4];	/* Inregistrering */
extern const char *const fraga_tillfalle_kort[4];	/* In */
extern const char *const fraga_svarstyp_namn[5];	/* Envalsfråga */
extern const char *const fraga_svarstyp_kort[5];	/* Enval */

/* Reports whether an answer type is answered by choosing options. */
int		 fraga_is_choice(uint8_t svarstyp);

/* Shows a refusal too wide for the message line in a box too. */
void		 fraga_explain(struct ui *, const char *title);

/* Told, after a Spara the server accepted, the id and what it said. */
typedef void	(*fraga_saved)(struct screen *parent, uint32_t id,
		    const char *message);

/*
 * Registrera kompletterande fråga over parent, for a question of the
 * organisation (q NULL: a new one).
 */
struct screen	*scr_fraga_edit_new(struct ui *, struct screen *parent,
		    uint32_t samorg_id, const char *samorg,
		    const struct msg_fraga *q, fraga_saved);

/* Visa frågeformulär (client/scr_fraga_view.c). */
struct screen	*scr_fraga_view_new(struct ui *, uint32_t samorg_id,
		    const char *samorg);

#endif
