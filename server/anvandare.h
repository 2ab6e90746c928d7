/*
 * Users' role sets, shared by "Ändra roller" (anvandare.c) and the
 * approval of orders (bestallning.c), so that both change roles the same
 * way and meet the same rules.
 */
#ifndef SUSD_ANVANDARE_H
#define SUSD_ANVANDARE_H

#include <stddef.h>
#include <stdint.h>

struct session;

/*
 * Writes bits (ROLE_ANY only) as a PostgreSQL text[] literal of role
 * names, SUSrapport added when any other role is there (rule 19).
 */
void		 anvandare_roles_array(uint32_t bits, char *out, size_t len);

/*
 * Checks rules 17-18 for user uid holding exactly bits, with the user's
 * employer and beställare registration as they stand. Returns 0 when
 * allowed; otherwise an ERR has been sent and the result (REQ_ROLLBACK
 * or an error) is for the handler to return.
 */
int		 anvandare_roles_check(struct session *, uint32_t id,
		    uint32_t uid, uint32_t bits);

/*
 * Makes bits (with SUSrapport implied by any other role; 0 = no roles)
 * the whole role set of user uid: removed roles are deleted first, then
 * the new ones inserted, and the database triggers check the rules
 * again. Returns 0, or non-zero with s->sqlstate set for db_refused().
 */
int		 anvandare_roles_replace(struct session *, uint32_t uid,
		    uint32_t bits);

#endif
