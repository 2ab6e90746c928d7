/*
 * Byt lösenord: the three masked fields, checked here for the two new
 * ones being alike and by the server for the rest. The same form is a
 * screen opened from the menu and a box that must be passed before
 * anything else after a first login (LOGIN_F_MUST_CHANGE) or when the
 * server answers ERR_PASSWORD_CHANGE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "err.h"
#include "proto.h"
#include "xmalloc.h"

enum {
	PW_OLD,
	PW_NEW,
	PW_REPEAT,
	PW__COUNT
};

static const char *const pw_labels[PW__COUNT] = {
	[PW_OLD] = "Nuvarande lösenord",
	[PW_NEW] = "Nytt lösenord",
	[PW_REPEAT] = "Upprepa nytt lösenord",
};

struct pwform {
	struct form_field	 fields[PW__COUNT];
	struct form		 form;
	char			 old[SUS_PASSWORD_MAX * 4 + 1];
	char			 new[SUS_PASSWORD_MAX * 4 + 1];
	char			 repeat[SUS_PASSWORD_MAX * 4 + 1];
};

/* Sets up the three empty masked fields. */
static void
pw_init(struct pwform *pw)
{
	size_t	i;

	memset(pw, 0, sizeof *pw);
	for (i = 0; i < PW__COUNT; i++) {
		pw->fields[i].label = pw_labels[i];
		entry_init(&pw->fields[i].entry, SUS_PASSWORD_MAX, 1);
		entry_limit_bytes(&pw->fields[i].entry, SUS_PASSWORD_MAX);
	}
	pw->fields[PW_NEW].hint = "Minst 10 tecken.";
	form_init(&pw->form, pw->fields, PW__COUNT);
}

/* Wipes every copy of the passwords. */
static void
pw_wipe(struct pwform *pw)
{
	size_t	i;

	for (i = 0; i < PW__COUNT; i++)
		entry_clear(&pw->fields[i].entry);
	explicit_bzero(pw->old, sizeof pw->old);
	explicit_bzero(pw->new, sizeof pw->new);
	explicit_bzero(pw->repeat, sizeof pw->repeat);
	pw->form.focus = 0;
}

/*
 * Checks what can be checked here and fills req; returns 0, or -1 with
 * the Swedish reason in why and the focus on the field to correct.
 */
static int
pw_prepare(struct pwform *pw, struct msg_password_change *req, char *why,
    size_t len)
{
	size_t	i;

	for (i = 0; i < PW__COUNT; i++) {
		if (pw->fields[i].entry.len == 0) {
			pw->form.focus = i;
			snprintf(why, len, "Fyll i %s.", i == PW_OLD ?
			    "ditt nuvarande lösenord" : i == PW_NEW ?
			    "ett nytt lösenord" : "det nya lösenordet igen");
			return -1;
		}
	}
	if (entry_get(&pw->fields[PW_OLD].entry, pw->old, sizeof pw->old) ||
	    entry_get(&pw->fields[PW_NEW].entry, pw->new, sizeof pw->new) ||
	    entry_get(&pw->fields[PW_REPEAT].entry, pw->repeat,
	    sizeof pw->repeat)) {
		snprintf(why, len, "Lösenordet innehåller otillåtna tecken.");
		return -1;
	}
	if (strcmp(pw->new, pw->repeat) != 0) {
		pw->form.focus = PW_REPEAT;
		snprintf(why, len, "De nya lösenorden är inte lika. Skriv "
		    "samma nya lösenord i båda fälten.");
		return -1;
	}
	req->old_password = pw->old;
	req->new_password = pw->new;
	return 0;
}

/*
 * Handles a key in the form: Enter moves on and, on the last field,
 * submits (returns 1 then). Writes a message for a full field.
 */
static int
pw_key(struct pwform *pw, const struct keyev *ev, char *msg, size_t len)
{
	if (keys_is_enter(ev) || ev->action == ACT_SAVE) {
		if (ev->action != ACT_SAVE && pw->form.focus + 1 < PW__COUNT) {
			pw->form.focus++;
			return 0;
		}
		return 1;
	}
	if (form_key(&pw->form, ev) == ENTRY_KEY_FULL)
		entry_full_text(&pw->fields[pw->form.focus].entry,
		    pw->fields[pw->form.focus].label, msg, len);
	return 0;
}

/* Draws the forced box with the form and the last message. */
static void
pw_draw_box(struct ui *ui, struct pwform *pw, const char *msg, int error)
{
	WINDOW	*w;
	int	 width = 66, cy, cx, attr;

	if ((w = ui_centre_box(ui, 16, width, " SUS – Byt lösenord ",
	    "Enter Nästa fält/Byt  Tab Byt fält  Esc Logga ut  "
	    "F10 Avsluta")) == NULL)
		return;
	text_wrap(w, 2, 3, "Du måste välja ett nytt lösenord innan du kan "
	    "använda SUS.", width - 6, 2);
	form_draw(&pw->form, w, 4, 3, width - 6, 1);
	if (msg != NULL && *msg != '\0') {
		attr = error ? (ui->color ? COLOR_PAIR(PAIR_ERROR) | A_BOLD :
		    A_BOLD) : A_NORMAL;
		wattron(w, attr);
		text_wrap(w, 9, 3, msg, width - 6, 4);
		wattroff(w, attr);
	}
	text_put(w, 14, 3, "Enter byter lösenord, Esc loggar ut.", width - 6);
	form_cursor(&pw->form, 4, 3, width - 6, &cy, &cx);
	wmove(w, cy, cx);
	curs_set(1);
	wnoutrefresh(w);
	doupdate();
	delwin(w);
}

/* Shows the box until the password is changed or the user leaves. */
int
ui_password_forced(struct ui *ui, char *error, size_t errlen)
{
	struct pwform			*pw;
	struct msg_password_change	 req;
	struct msg_ok			 ok;
	struct msg_err			 err;
	struct keyev			 ev;
	char				 msg[512] = "";
	int				 rv, iserr = 1;
	int				 result = PASSWORD_LOGOUT;

	pw = xcalloc(1, sizeof *pw);
	pw_init(pw);
	while (!ui->quit) {
		pw_draw_box(ui, pw, msg, iserr);
		if (ui_wait(ui, 0, -1, &ev) != UI_EV_KEY)
			continue;
		if (ev.action == ACT_QUIT) {
			ui->quit = 1;
			break;
		}
		if (ev.action == ACT_CANCEL)
			break;
		if (ui->too_small)
			continue;
		msg[0] = '\0';
		if (!pw_key(pw, &ev, msg, sizeof msg))
			continue;
		if (pw_prepare(pw, &req, msg, sizeof msg) != 0)
			continue;
		memset(&ok, 0, sizeof ok);
		memset(&err, 0, sizeof err);
		snprintf(msg, sizeof msg, "Byter lösenord …");
		iserr = 0;
		pw_draw_box(ui, pw, msg, iserr);
		iserr = 1;
		rv = remote_call(ui->remote, MSG_PASSWORD_CHANGE, &req,
		    MSG_OK, &ok, &err, NULL, NULL);
		explicit_bzero(pw->old, sizeof pw->old);
		explicit_bzero(pw->new, sizeof pw->new);
		explicit_bzero(pw->repeat, sizeof pw->repeat);
		if (rv == 0) {
			msg_clear(MSG_OK, &ok);
			ui->login.flags &= ~(uint32_t)LOGIN_F_MUST_CHANGE;
			result = 0;
			break;
		}
		if (rv == REMOTE_REPLY_ERR) {
			/* What was typed stays, to be corrected. */
			snprintf(msg, sizeof msg, "%s", err.message != NULL &&
			    *err.message != '\0' ? err.message :
			    remote_errcode_text(err.code));
			msg_clear(MSG_ERR, &err);
			continue;
		}
		if (rv == REMOTE_BAD_REQUEST || rv == REMOTE_CANCELLED) {
			snprintf(msg, sizeof msg, "%s", ui->remote->error);
			continue;
		}
		snprintf(error, errlen, "%s", ui->remote->error);
		result = PASSWORD_LOST;
		break;
	}
	pw_wipe(pw);
	free(pw);
	return ui->quit ? PASSWORD_LOGOUT : result;
}

/* The menu's Byt lösenord screen. */
static void
pw_screen_draw(struct screen *s, WINDOW *w)
{
	struct pwform	*pw = s->data;
	int		 y;

	wattron(w, A_BOLD);
	text_put(w, 1, 2, "Byt lösenord", s->cols - 4);
	wattroff(w, A_BOLD);
	y = form_draw(&pw->form, w, 3, 2, s->cols - 4, 1);
	text_wrap(w, y + 1, 2, "Enter går till nästa fält och byter lösenordet "
	    "i det sista. F2 byter direkt, Esc går tillbaka.", s->cols - 4,
	    3);
}

/* Sends the change from the screen; messages go on the message line. */
static void
pw_screen_submit(struct screen *s)
{
	struct pwform			*pw = s->data;
	struct msg_password_change	 req;
	struct msg_ok			 ok;
	char				 why[256];
	int				 rv;

	if (pw_prepare(pw, &req, why, sizeof why) != 0) {
		ui_message(s->ui, 1, "%s", why);
		return;
	}
	memset(&ok, 0, sizeof ok);
	rv = ui_call(s->ui, MSG_PASSWORD_CHANGE, &req, MSG_OK, &ok);
	explicit_bzero(pw->old, sizeof pw->old);
	explicit_bzero(pw->new, sizeof pw->new);
	explicit_bzero(pw->repeat, sizeof pw->repeat);
	if (rv != 0)
		return;
	msg_clear(MSG_OK, &ok);
	pw_wipe(pw);
	ui_message(s->ui, 0, "Lösenordet är bytt.");
}

/* Routes keys to the form; Enter on the last field or F2 submits. */
static int
pw_screen_key(struct screen *s, const struct keyev *ev)
{
	struct pwform	*pw = s->data;
	char		 msg[256] = "";

	if (ev->action == ACT_CANCEL || ev->action == ACT_SEARCH)
		return 0;
	if (pw_key(pw, ev, msg, sizeof msg)) {
		pw_screen_submit(s);
		return 1;
	}
	if (msg[0] != '\0')
		ui_message(s->ui, 1, "%s", msg);
	return 1;
}

/* Puts the cursor in the focused field. */
static int
pw_screen_cursor(struct screen *s, int *y, int *x)
{
	struct pwform	*pw = s->data;

	form_cursor(&pw->form, 3, 2, s->cols - 4, y, x);
	return 1;
}

/* Wipes and frees the form. */
static void
pw_screen_free(struct screen *s)
{
	struct pwform	*pw = s->data;

	pw_wipe(pw);
	free(pw);
}

static const struct screen_type scr_password_type = {
	.title = "Byt lösenord",
	.draw = pw_screen_draw,
	.key = pw_screen_key,
	.free = pw_screen_free,
	.cursor = pw_screen_cursor,
};

/* Creates the Byt lösenord screen. */
struct screen *
scr_password_new(struct ui *ui)
{
	struct pwform	*pw;

	pw = xcalloc(1, sizeof *pw);
	pw_init(pw);
	return screen_new(ui, &scr_password_type, pw);
}
