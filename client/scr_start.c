/*
 * Startsida: welcomes the user by name, lists the roles held (or says the
 * user is a beställare) and the orders that concern the user, so that
 * both the beställare and the person ordered for see how they went.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* Orders fetched for the page; more are in Mina beställningar. */
#define START_ORDERS	20

/* How to get going, one paragraph a row, wrapped to the screen. */
static const char *const start_help[] = {
	"Välj i menyträdet till vänster med piltangenterna och Enter. "
	"Enter på en rubrik öppnar eller stänger den; + öppnar alla och "
	"- stänger alla.",
	"F9 flyttar till menyn, F1 visar hjälp, F10 avslutar.",
	"Funktionstangenterna fungerar också som Esc följt av siffran "
	"(Esc 0 för F10).",
};

struct start {
	int			 asked;		/* the orders were requested */
	int			 failed;
	struct msg_order_list	 orders;
};

/* Fetches the orders once, when the page is first shown. */
static void
scr_start_enter(struct screen *s)
{
	struct start		*st = s->data;
	struct msg_order_search	 req;

	if (st->asked || !remote_connected(s->ui->remote))
		return;
	st->asked = 1;
	memset(&req, 0, sizeof req);
	req.status = 0;
	req.limit = START_ORDERS;
	/* A superadministratör's queue is in Behandla beställningar. */
	if (s->ui->login.roles & ROLE_SUPERADMIN)
		req.status = ORDER_SUBMITTED;
	if (ui_call(s->ui, MSG_ORDER_SEARCH, &req, MSG_ORDER_LIST,
	    &st->orders) != 0) {
		memset(&st->orders, 0, sizeof st->orders);
		st->failed = 1;
	}
}

/* Writes the roles line: the roles, and Beställare when registered. */
static void
scr_start_roles(uint32_t roles, char *out, size_t len)
{
	char	names[256];

	if ((roles & ROLE_ANY) == 0) {
		snprintf(out, len, "Roller: %s", (roles & ROLE_BESTALLARE) ?
		    "Beställare" : "inga roller");
		return;
	}
	menu_role_names(roles & ROLE_ANY, names, sizeof names);
	snprintf(out, len, "Roller: %s%s", names, (roles & ROLE_BESTALLARE) ?
	    ", Beställare" : "");
}

/* Draws one order and its decision; returns the rows used. */
static int
scr_start_order(WINDOW *w, int y, int width, const struct order_row *o,
    int room)
{
	char	line[512];
	int	n;

	snprintf(line, sizeof line, "%-10.10s  ", o->skapad);
	text_put(w, y, 2, line, 12);
	wattron(w, A_BOLD);
	text_put(w, y, 14, order_status_name(o->status), 11);
	wattroff(w, A_BOLD);
	snprintf(line, sizeof line, "%s: %s %s", order_typ_name(o->typ),
	    o->fornamn, o->efternamn);
	text_put(w, y, 25, line, width - 23);
	if (room < 2 || o->beslutad == NULL || *o->beslutad == '\0')
		return 1;
	snprintf(line, sizeof line, "Beslut %.10s%s%s%s%s", o->beslutad,
	    *o->beslutad_av != '\0' ? " av " : "", o->beslutad_av,
	    *o->kommentar != '\0' ? ": " : "", o->kommentar);
	wattron(w, A_DIM);
	n = text_wrap(w, y + 1, 4, line, width - 2, room > 2 ? 2 : 1);
	wattroff(w, A_DIM);
	return 1 + n;
}

/* Draws the orders section from row y; returns the next free row. */
static int
scr_start_orders(struct screen *s, WINDOW *w, int y, int width)
{
	struct start	*st = s->data;
	char		 line[256];
	uint32_t	 i;
	int		 last;

	/* Leave room for the help below, but show a few orders at least. */
	last = s->lines - 8;
	if (last < y + 4)
		last = y + 4;
	if (s->ui->login.roles & ROLE_SUPERADMIN) {
		if (st->failed)
			return y;
		snprintf(line, sizeof line, "Inskickade beställningar att "
		    "behandla: %u", st->orders.total);
		text_put(w, y, 2, line, width);
		return y + 2;
	}
	wattron(w, A_BOLD);
	text_put(w, y++, 2, "Beställningar som gäller dig", width);
	wattroff(w, A_BOLD);
	if (st->failed) {
		text_put(w, y, 2, "Beställningarna kunde inte hämtas.", width);
		return y + 2;
	}
	if (st->orders.nrows == 0) {
		text_put(w, y, 2, "Inga beställningar.", width);
		return y + 2;
	}
	for (i = 0; i < st->orders.nrows && y < last; i++)
		y += scr_start_order(w, y, width, &st->orders.rows[i],
		    last - y);
	if (i < st->orders.total) {
		snprintf(line, sizeof line, "… och %u till.",
		    st->orders.total - i);
		text_put(w, y++, 2, line, width);
	}
	return y + 1;
}

/* Draws the welcome text, the orders and the help. */
static void
scr_start_draw(struct screen *s, WINDOW *w)
{
	struct ui	*ui = s->ui;
	char		 line[512];
	size_t		 i;
	int		 width = s->cols - 4, y;

	snprintf(line, sizeof line, "Välkommen till SUS, %s %s!",
	    ui->login.fornamn != NULL ? ui->login.fornamn : "",
	    ui->login.efternamn != NULL ? ui->login.efternamn : "");
	wattron(w, A_BOLD);
	text_put(w, 1, 2, line, width);
	wattroff(w, A_BOLD);
	snprintf(line, sizeof line, "Inloggad som: %s",
	    ui->login.username != NULL ? ui->login.username : "");
	text_put(w, 3, 2, line, width);
	scr_start_roles(ui->login.roles, line, sizeof line);
	y = 4 + text_wrap(w, 4, 2, line, width, 2);
	snprintf(line, sizeof line, "Server: %s", ui->remote->hostport);
	text_put(w, y++, 2, line, width);
	y = scr_start_orders(s, w, y + 1, width);
	for (i = 0; i < sizeof start_help / sizeof start_help[0] &&
	    y < s->lines; i++)
		y += text_wrap(w, y, 2, start_help[i], width, s->lines - y);
}

/* Frees the orders. */
static void
scr_start_free(struct screen *s)
{
	struct start	*st = s->data;

	msg_clear(MSG_ORDER_LIST, &st->orders);
	free(st);
}

static const struct screen_type scr_start_type = {
	.title = "Startsida",
	.enter = scr_start_enter,
	.draw = scr_start_draw,
	.free = scr_start_free,
};

/* Creates the start page. */
struct screen *
scr_start_new(struct ui *ui)
{
	struct start	*st;

	st = xcalloc(1, sizeof *st);
	return screen_new(ui, &scr_start_type, st);
}
