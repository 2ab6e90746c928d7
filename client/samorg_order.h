/*
 * The 9447 order's private parts, shared by Beställ samverkansorg
 * (scr_samorg_order.c) and Beställda samverkansorg (scr_samorg_inbox.c):
 * the lists of orders.
 */
#ifndef SUS_SAMORG_ORDER_H
#define SUS_SAMORG_ORDER_H

#include "client.h"

/* Sets up a list of orders over req, with the columns for inbox or not. */
void		 samorg_order_list_init(struct rlist *,
		    struct msg_samorg_order_search *, int inbox);
/* Creates a list of orders: the inbox waits on the submitted ones. */
struct screen	*samorg_order_list_new(struct ui *, int inbox);

#endif
