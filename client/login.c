/*
 * Logging in and staying connected: the login box, the question after a
 * lost connection, reconnecting with the screens kept, and requests run
 * on behalf of a screen with the busy indicator on the message line.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affk.h"
#include "rapport.h"
#include "client.h"
#include "err.h"
#include "proto.h"
#include "xmalloc.h"

static int	ui_login_box(struct ui *, const char *);

/*
 * Called while a request waits: Esc abandons it; other keys are kept, in
 * order, for when the reply is in (people type ahead).
 */
static int
ui_wait_cb(void *arg)
{
	struct ui	*ui = arg;
	struct keyev	 ev;
	wint_t		 wch;
	int		 rc;

	/*
	 * When the buffer is full, what is typed stays in the terminal's
	 * input until the reply is in: nothing typed is thrown away.
	 */
	while (ui->nahead < (int)(sizeof ui->ahead / sizeof ui->ahead[0]) &&
	    (rc = get_wch(&wch)) != ERR) {
		if (rc == OK && wch == 27)
			return 1;
		if (rc == KEY_CODE_YES && wch == KEY_RESIZE)
			continue;
		if (keys_feed(&ui->keydec, rc, wch, keys_now(), &ev))
			ui->ahead[ui->nahead++] = ev;
	}
	return 0;
}

/* Reconnects after a lost connection, keeping every screen as it was. */
static int
ui_reconnect(struct ui *ui)
{
	const char	*text[3];
	char		*captured = NULL;
	size_t		 clen = 0;
	FILE		*out;
	int		 rv;

	ui_message(ui, 0, "Ansluter till %s …", ui->remote->hostport);
	ui_draw(ui);
	/* Nothing may be asked now: an unknown key is refused, not pinned. */
	out = open_memstream(&captured, &clen);
	rv = remote_connect(ui->remote, NULL, out != NULL ? out : stderr);
	if (out != NULL)
		fclose(out);
	if (rv == SUS_ERR_PIN_MISMATCH) {
		/* Never carry on against a changed key: leave loudly. */
		free(ui->fatal);
		ui->fatal = captured;
		ui->quit = 1;
		return rv;
	}
	free(captured);
	if (rv == 0)
		ui_message(ui, 0, "%s", "");
	if (rv != 0) {
		text[0] = ui->remote->error;
		text[1] = "";
		text[2] = "Tryck på en tangent.";
		ui_notice(ui, "Återanslutningen misslyckades", text, 3);
		ui_message(ui, 1, "Inte ansluten till servern.");
	}
	return rv;
}

/*
 * Back to the login box after the server ended the session, saying why
 * (r->error holds "Sessionen avslutades: ..."). The screens stay for the
 * same person and go for another. Returns 0 when logged in again.
 */
static int
ui_session_ended(struct ui *ui)
{
	char		why[sizeof ui->remote->error];
	uint32_t	old = ui->login.user_id;
	int		rv;

	snprintf(why, sizeof why, "%s", ui->remote->error);
	remote_close(ui->remote);
	if ((rv = ui_login_box(ui, why)) != 0)
		return rv;
	ui_menu_build(ui);
	if (ui->login.user_id != old)
		ui->reset = 1;
	return 0;
}

/*
 * Opens the Byt lösenord box the server asks for (ERR_PASSWORD_CHANGE);
 * logging out there leads to the login box. Returns 0 when the password
 * was changed or someone logged in again.
 */
static int
ui_password_required(struct ui *ui)
{
	char		error[256] = "";
	uint32_t	old = ui->login.user_id;
	int		rv;

	rv = ui_password_forced(ui, error, sizeof error);
	if (ui->quit)
		return SUS_ERR_EOF;
	if (rv == 0)
		return 0;
	if (rv == PASSWORD_LOGOUT) {
		remote_bye(ui->remote);
		snprintf(error, sizeof error, "Du är utloggad.");
	}
	if ((rv = ui_login_box(ui, error)) != 0)
		return rv;
	ui_menu_build(ui);
	if (ui->login.user_id != old)
		ui->reset = 1;
	return 0;
}

/*
 * Offers to reconnect after the connection broke, then logs in again.
 * Returns 0 when connected and logged in.
 */
int
ui_lost(struct ui *ui, const char *why)
{
	const char	*text[3];
	uint32_t	 old;
	int		 rv;

	/* The server said why it hung up: no reconnect question then. */
	if (remote_ended(ui->remote))
		return ui_session_ended(ui);
	for (;;) {
		text[0] = why != NULL && *why != '\0' ? why :
		    "Förbindelsen med servern bröts.";
		text[1] = "";
		text[2] = "Återansluta och logga in igen? (j/n)";
		if (!ui_ask(ui, "Anslutningen bröts", text, 3)) {
			ui_message(ui, 1, "Inte ansluten till servern. "
			    "F10 avslutar.");
			return SUS_ERR_EOF;
		}
		if (ui_reconnect(ui) == 0)
			break;
		if (ui->quit)
			return SUS_ERR_EOF;
		why = ui->remote->error;
	}
	old = ui->login.user_id;
	if ((rv = ui_login(ui)) != 0)
		return rv;
	/*
	 * Another person logged in: nothing of the first one's screens or
	 * menu may remain. The screens go once control is back in the input
	 * loop, since one of them may be the caller.
	 */
	ui_menu_build(ui);
	if (ui->login.user_id != old)
		ui->reset = 1;
	return 0;
}

/* Runs a request for a screen, reporting failures on the message line. */
int
ui_call(struct ui *ui, uint16_t type, const void *req, uint16_t want,
    void *reply)
{
	struct msg_err	err;
	int		rv;

	memset(&err, 0, sizeof err);
	if (!remote_connected(ui->remote) &&
	    ui_lost(ui, "Du är inte ansluten till servern.") != 0)
		return SUS_ERR_EOF;
	ui->busy = 1;
	ui_message(ui, 0, "Väntar på servern … (Esc avbryter)");
	ui_draw(ui);
	rv = remote_call(ui->remote, type, req, want, reply, &err,
	    ui_wait_cb, ui);
	ui->busy = 0;
	switch (rv) {
	case 0:
		ui_message(ui, 0, "%s", "");
		break;
	case REMOTE_REPLY_ERR:
		ui_message(ui, 1, "%s", err.message != NULL &&
		    *err.message != '\0' ? err.message :
		    remote_errcode_text(err.code));
		if (err.code == ERR_PASSWORD_CHANGE &&
		    ui_password_required(ui) == 0)
			ui_message(ui, 0, "Lösenordet är bytt. Försök igen.");
		msg_clear(MSG_ERR, &err);
		break;
	case REMOTE_ENDED:
		/* The screen keeps what was typed for the same person. */
		if (ui_session_ended(ui) == 0)
			ui_message(ui, 0, "Du är inloggad igen. Försök igen.");
		break;
	case REMOTE_CANCELLED:
		ui_message(ui, 0, "Avbrutet.");
		break;
	case REMOTE_BAD_REQUEST:
		ui_message(ui, 1, "%s", ui->remote->error);
		break;
	default:
		/* The screen keeps what was typed; retry after reconnect. */
		if (ui_lost(ui, ui->remote->error) == 0)
			ui_message(ui, 0, "Återansluten. Försök igen.");
		break;
	}
	return rv;
}

/*
 * Clears the screen for a box of h by width in the middle, under the
 * title, with bar as the only keys line; NULL when the terminal is too
 * small or no window could be made.
 */
WINDOW *
ui_centre_box(struct ui *ui, int h, int width, const char *title,
    const char *bar)
{
	WINDOW	*w;

	ui->too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
	if (ui->too_small) {
		ui_draw_too_small();
		return NULL;
	}
	erase();
	/* Only these keys do anything here; the full bar would promise more. */
	attron(ui->color ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);
	text_put(stdscr, LINES - 1, 0, bar, COLS);
	attroff(ui->color ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);
	wnoutrefresh(stdscr);
	if ((w = newwin(h, width, (LINES - h) / 2, (COLS - width) / 2)) ==
	    NULL)
		return NULL;
	box(w, 0, 0);
	text_put(w, 0, 2, title, text_width(title));
	return w;
}

/* Draws the login box with its form and the last error. */
static void
ui_draw_login(struct ui *ui, struct form *f, const char *error)
{
	WINDOW	*w;
	int	 width = 60, cy, cx;

	if ((w = ui_centre_box(ui, 11, width, " SUS – Inloggning ",
	    "Enter Logga in Tab Byt fält F10 Avsluta")) == NULL)
		return;
	text_put(w, 2, 3, "Server:", 9);
	text_put(w, 2, 12, ui->remote->hostport, width - 15);
	form_draw(f, w, 4, 3, width - 6, 1);
	if (error != NULL && *error != '\0') {
		wattron(w, ui->color ? COLOR_PAIR(PAIR_ERROR) | A_BOLD :
		    A_BOLD);
		text_wrap(w, 7, 3, error, width - 6, 2);
		wattroff(w, ui->color ? COLOR_PAIR(PAIR_ERROR) | A_BOLD :
		    A_BOLD);
	}
	text_put(w, 9, 3, "Enter loggar in, F10 avslutar.", width - 6);
	form_cursor(f, 4, 3, width - 6, &cy, &cx);
	wmove(w, cy, cx);
	curs_set(1);
	wnoutrefresh(w);
	doupdate();
	delwin(w);
}

/* Waits briefly to see whether the server hung up after a refusal. */
static int
ui_login_closed(struct ui *ui)
{
	struct pollfd	pfd;

	if (!remote_connected(ui->remote))
		return 1;
	pfd.fd = ui->remote->fd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 300) <= 0)
		return 0;
	return remote_check_closed(ui->remote);
}

/* Logs in; after a reconnect the user name is kept and only asked again. */
int
ui_login(struct ui *ui)
{
	return ui_login_box(ui, NULL);
}

/*
 * Shows the login box, first with the message why (or none), until a
 * login succeeds and, when the server asks, a new password is chosen.
 */
static int
ui_login_box(struct ui *ui, const char *why)
{
	struct form_field	 fields[2];
	struct form		 f;
	struct msg_login	 req;
	struct msg_login_ok	 ok;
	struct msg_err		 err;
	struct keyev		 ev;
	const char		*text[3];
	char			 user[SUS_USERNAME_MAX * 4 + 1];
	char			 pass[SUS_PASSWORD_MAX * 4 + 1];
	char			 error[256] = "";
	int			 rv, failures = 0, result = SUS_ERR_EOF;

	if (why != NULL)
		snprintf(error, sizeof error, "%s", why);

	/*
	 * Typing a name and password takes a person many seconds, and a
	 * connection that has not logged in holds one of the server's few
	 * unauthenticated slots (max_startups) all that while: at 8 o'clock a
	 * whole office would be turned away. So let go of it now and connect
	 * again when Enter is pressed; the key was checked already.
	 */
	if (remote_connected(ui->remote) && !ui->remote->logged_in)
		remote_bye(ui->remote);
	memset(fields, 0, sizeof fields);
	fields[0].label = "Användarnamn";
	entry_init(&fields[0].entry, SUS_USERNAME_MAX, 0);
	entry_limit_bytes(&fields[0].entry, SUS_USERNAME_MAX);
	fields[1].label = "Lösenord";
	entry_init(&fields[1].entry, SUS_PASSWORD_MAX, 1);
	entry_limit_bytes(&fields[1].entry, SUS_PASSWORD_MAX);
	form_init(&f, fields, 2);
	if (ui->username != NULL && entry_set(&fields[0].entry,
	    ui->username) == 0)
		f.focus = 1;
	while (!ui->quit) {
		ui_draw_login(ui, &f, error);
		if (ui_wait(ui, 0, -1, &ev) != UI_EV_KEY)
			continue;
		if (ev.action == ACT_QUIT) {
			ui->quit = 1;
			break;
		}
		if (ui->too_small)
			continue;
		if (!keys_is_enter(&ev)) {
			if (form_key(&f, &ev) == ENTRY_KEY_FULL)
				entry_full_text(&fields[f.focus].entry,
				    fields[f.focus].label, error,
				    sizeof error);
			continue;
		}
		if (f.focus == 0) {
			f.focus = 1;
			continue;
		}
		/* Send the user to the field that is missing. */
		if (fields[0].entry.len == 0 || fields[1].entry.len == 0) {
			f.focus = fields[0].entry.len == 0 ? 0 : 1;
			snprintf(error, sizeof error, "Fyll i %s.",
			    f.focus == 0 ? "användarnamn" : "lösenord");
			continue;
		}
		if (entry_get(&fields[0].entry, user, sizeof user) != 0 ||
		    entry_get(&fields[1].entry, pass, sizeof pass) != 0) {
			snprintf(error, sizeof error, "Användarnamnet eller "
			    "lösenordet innehåller otillåtna tecken.");
			continue;
		}
		/*
		 * Connect now (see above); and the server drops a connection
		 * that waits too long for a login, so someone who took their
		 * time after a wrong password just gets a new one.
		 */
		if ((!remote_connected(ui->remote) ||
		    remote_check_closed(ui->remote)) && ui_reconnect(ui) != 0) {
			snprintf(error, sizeof error, "%s", ui->remote->error);
			continue;
		}
		req.username = user;
		req.password = pass;
		memset(&ok, 0, sizeof ok);
		memset(&err, 0, sizeof err);
		snprintf(error, sizeof error, "Loggar in …");
		ui_draw_login(ui, &f, error);
		rv = remote_call(ui->remote, MSG_LOGIN, &req, MSG_LOGIN_OK,
		    &ok, &err, NULL, NULL);
		explicit_bzero(pass, sizeof pass);
		if (rv == REMOTE_BAD_REQUEST) {
			/* Not sent; the fields are kept to be corrected. */
			snprintf(error, sizeof error, "%s", ui->remote->error);
			continue;
		}
		entry_clear(&fields[1].entry);
		if (rv == 0) {
			/*
			 * The same person keeps the screens, which may point
			 * into the code lists: they go only with the person.
			 */
			if (ok.user_id != ui->login.user_id) {
				kod_forget(ui);
				affk_forget(ui);
				rapport_forget(ui);
			}
			msg_clear(MSG_LOGIN_OK, &ui->login);
			ui->login = ok;
			free(ui->username);
			ui->username = xstrdup(user);
			ui->remote->logged_in = 1;
			if (!(ok.flags & LOGIN_F_MUST_CHANGE)) {
				result = 0;
				break;
			}
			/* Nothing else until a new password is chosen. */
			error[0] = '\0';
			rv = ui_password_forced(ui, error, sizeof error);
			if (rv == 0) {
				result = 0;
				break;
			}
			if (rv == PASSWORD_LOGOUT) {
				remote_bye(ui->remote);
				snprintf(error, sizeof error, "Du är utloggad. "
				    "Logga in igen för att välja lösenord.");
			} else
				remote_close(ui->remote);
			failures = 0;
			continue;
		}
		if (rv == REMOTE_REPLY_ERR) {
			failures++;
			snprintf(error, sizeof error, "%s",
			    err.message != NULL && *err.message != '\0' ?
			    err.message : remote_errcode_text(err.code));
			msg_clear(MSG_ERR, &err);
			if (!ui_login_closed(ui) &&
			    failures < SUS_LOGIN_ATTEMPTS)
				continue;
			remote_close(ui->remote);
			text[0] = error;
			text[1] = "Servern stängde anslutningen efter för "
			    "många misslyckade inloggningar.";
		} else {
			text[0] = ui->remote->error;
			text[1] = "";
		}
		text[2] = "Återansluta och logga in igen? (j/n)";
		if (!ui_ask(ui, "Anslutningen bröts", text, 3)) {
			ui->quit = 1;
			break;
		}
		while (!ui->quit && ui_reconnect(ui) != 0) {
			text[0] = ui->remote->error;
			text[1] = "";
			if (!ui_ask(ui, "Anslutningen bröts", text, 3))
				ui->quit = 1;
		}
		failures = 0;
		error[0] = '\0';
	}
	entry_clear(&fields[1].entry);
	explicit_bzero(pass, sizeof pass);
	return ui->quit ? SUS_ERR_EOF : result;
}

