/* Startsida: welcomes the user by name and lists the roles held. */
#include <stdio.h>

#include "client.h"

/* How to get going, one paragraph a row, wrapped to the screen. */
static const char *const start_help[] = {
	"Välj i menyträdet till vänster med piltangenterna och Enter. "
	"Enter på en rubrik öppnar eller stänger den; + öppnar alla och "
	"- stänger alla.",
	"F9 flyttar till menyn, F1 visar hjälp, F10 avslutar.",
	"Funktionstangenterna fungerar också som Esc följt av siffran "
	"(Esc 0 för F10).",
};

/* Draws the welcome text. */
static void
scr_start_draw(struct screen *s, WINDOW *w)
{
	struct ui	*ui = s->ui;
	char		 line[512], roles[256];
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
	menu_role_names(ui->login.roles, roles, sizeof roles);
	snprintf(line, sizeof line, "Roller: %s", roles);
	text_put(w, 4, 2, line, width);
	snprintf(line, sizeof line, "Server: %s", ui->remote->hostport);
	text_put(w, 5, 2, line, width);
	y = 7;
	for (i = 0; i < sizeof start_help / sizeof start_help[0]; i++)
		y += text_wrap(w, y, 2, start_help[i], width, s->lines - y);
}

static const struct screen_type scr_start_type = {
	.title = "Startsida",
	.draw = scr_start_draw,
};

/* Creates the start page. */
struct screen *
scr_start_new(struct ui *ui)
{
	return screen_new(ui, &scr_start_type, NULL);
}
