/*
 * The frame around the screens: the menu tree on the left, the
 * current screen on the right, the message line and the function-key
 * bar. One thread and one poll() over the terminal and the socket; a
 * resize only sets a flag, acted on here in the input loop.
 */
#include <sys/ioctl.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

#include "client.h"
#include "err.h"
#include "proto.h"
#include "xmalloc.h"

static volatile sig_atomic_t ui_resized;

/* SIGWINCH: only note it; the input loop does the work. */
static void
ui_sigwinch(int sig)
{
	ui_resized = 1;
}

/* Creates a screen of a type around its data. */
struct screen *
screen_new(struct ui *ui, const struct screen_type *type, void *data)
{
	struct screen	*s;

	s = xcalloc(1, sizeof *s);
	s->type = type;
	s->ui = ui;
	s->data = data;
	return s;
}

/* Frees a screen through its type. */
static void
screen_free(struct screen *s)
{
	if (s->type->free != NULL)
		s->type->free(s);
	free(s);
}

/* The screen on top of the stack, or NULL. */
static struct screen *
ui_top(struct ui *ui)
{
	return ui->nstack > 0 ? ui->stack[ui->nstack - 1] : NULL;
}

/* Reports whether the top screen has the whole width now. */
static int
ui_wide(struct ui *ui)
{
	struct screen	*s = ui_top(ui);

	return s != NULL && s->type->wide && !ui->menu_focus;
}

/* Lines and columns of the area the screens draw in. */
static void
ui_main_size(struct ui *ui, int *lines, int *cols)
{
	*lines = LINES - 3;
	*cols = COLS - (ui_wide(ui) ? 0 : UI_MENU_WIDTH);
}

/* Tells the top screen its size and makes it current. */
static void
ui_enter_top(struct ui *ui)
{
	struct screen	*s = ui_top(ui);
	int		 lines, cols;

	if (s == NULL)
		return;
	ui_main_size(ui, &lines, &cols);
	s->lines = lines;
	s->cols = cols;
	if (s->type->layout != NULL)
		s->type->layout(s, lines, cols);
	if (s->type->enter != NULL)
		s->type->enter(s);
}

/* Pushes a screen over the current one. */
void
ui_push(struct ui *ui, struct screen *s)
{
	struct screen	*top = ui_top(ui);

	if (ui->nstack == (int)(sizeof ui->stack / sizeof ui->stack[0])) {
		screen_free(s);
		ui_message(ui, 1, "För många öppna skärmar.");
		return;
	}
	if (top != NULL && top->type->leave != NULL)
		top->type->leave(top);
	/* A message about the screen left behind would now mislead. */
	ui_message(ui, 0, "%s", "");
	ui->stack[ui->nstack++] = s;
	ui->menu_focus = 0;
	ui_enter_top(ui);
}

/* Pops and frees the current screen. */
void
ui_pop(struct ui *ui)
{
	struct screen	*s = ui_top(ui);

	if (s == NULL)
		return;
	if (s->type->leave != NULL)
		s->type->leave(s);
	ui->nstack--;
	screen_free(s);
	ui_message(ui, 0, "%s", "");
	ui_enter_top(ui);
}

/* Frees every screen without making another one current. */
static void
ui_stack_clear(struct ui *ui)
{
	struct screen	*top;

	while ((top = ui_top(ui)) != NULL) {
		if (top->type->leave != NULL)
			top->type->leave(top);
		ui->nstack--;
		screen_free(top);
	}
}

/* Replaces the stack with one screen. */
void
ui_open(struct ui *ui, struct screen *s)
{
	ui_stack_clear(ui);
	ui_push(ui, s);
}

/* Shows a message on the message line. */
void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
	ui->message_error = error;
}

/* Sets up curses: wide input, fast Esc, colours unless NO_COLOR. */
static void
ui_curses_start(struct ui *ui)
{
	struct sigaction	sa;
	const char		*nc;

	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	/* Esc must work over ssh without a second's lag (htop does this). */
	set_escdelay(25);
	nc = getenv("NO_COLOR");
	ui->color = has_colors() && (nc == NULL || *nc == '\0');
	if (ui->color) {
		start_color();
		use_default_colors();
		init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_ERROR, COLOR_RED, -1);
		init_pair(PAIR_BAR, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_INFO, COLOR_GREEN, -1);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_sigwinch;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL);
}

/*
 * Applies a terminal size change. After SIGWINCH the size is asked of the
 * terminal; a KEY_RESIZE from curses means curses has resized already.
 */
static void
ui_resize(struct ui *ui, int query)
{
	struct winsize	ws;

	ui_resized = 0;
	if (query && ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_row > 0 && ws.ws_col > 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	if (ui->w_main != NULL) {
		delwin(ui->w_main);
		ui->w_main = NULL;
	}
	ui_enter_top(ui);
}

/* Waits for a key, a resize or (when watch is set) the socket. */
enum ui_event
ui_wait(struct ui *ui, int watch, int timeout_ms, struct keyev *ev)
{
	struct pollfd	pfd[2];
	wint_t		wch;
	long		now, until;
	int		rc, n, wait;

	until = timeout_ms < 0 ? -1 : keys_now() + timeout_ms;
	for (;;) {
		if (ui->nahead > 0) {
			*ev = ui->ahead[0];
			memmove(&ui->ahead[0], &ui->ahead[1],
			    --ui->nahead * sizeof ui->ahead[0]);
			return UI_EV_KEY;
		}
		if (keys_next(&ui->keydec, ev))
			return UI_EV_KEY;
		if (ui_resized) {
			ui_resize(ui, 1);
			return UI_EV_RESIZE;
		}
		while ((rc = get_wch(&wch)) != ERR) {
			if (rc == KEY_CODE_YES && wch == KEY_RESIZE) {
				ui_resize(ui, 0);
				return UI_EV_RESIZE;
			}
			if (keys_feed(&ui->keydec, rc, wch, keys_now(), ev))
				return UI_EV_KEY;
		}
		now = keys_now();
		if (keys_timeout(&ui->keydec, now, ev))
			return UI_EV_KEY;
		if (until != -1 && now >= until)
			return UI_EV_NONE;
		wait = keys_wait_ms(&ui->keydec, now);
		if (until != -1 && (wait == -1 || until - now < wait))
			wait = (int)(until - now);
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		n = 1;
		if (watch && ui->remote->fd != -1) {
			pfd[1].fd = ui->remote->fd;
			pfd[1].events = POLLIN;
			n = 2;
		}
		if (poll(pfd, (nfds_t)n, wait) == -1) {
			if (errno == EINTR)
				continue;
			return UI_EV_NONE;
		}
		if (n == 2 && (pfd[1].revents & (POLLIN | POLLHUP | POLLERR)))
			return UI_EV_REMOTE;
		if (pfd[0].revents & (POLLHUP | POLLERR)) {
			/* The terminal went away: nobody is left to ask. */
			ui->quit = 1;
			return UI_EV_NONE;
		}
	}
}

/* Draws the "terminal too small" notice over the whole terminal. */
void
ui_draw_too_small(void)
{
	char	msg[160];
	int	y = LINES / 2 - 1;

	erase();
	snprintf(msg, sizeof msg, "Terminalfönstret är för litet: %d×%d. "
	    "sus behöver minst %d×%d. Gör fönstret större, eller avsluta "
	    "med F10.", COLS, LINES, UI_MIN_COLS, UI_MIN_LINES);
	text_wrap(stdscr, y > 0 ? y : 0, 0, msg, COLS, LINES);
	wnoutrefresh(stdscr);
	curs_set(0);
	doupdate();
}

/* Draws the title bar: program, screen title and who is logged in. */
static void
ui_draw_title(struct ui *ui)
{
	struct screen	*s = ui_top(ui);
	char		 left[128], right[160];
	int		 rw;

	snprintf(left, sizeof left, " SUS%s%s", s != NULL ? " – " : "",
	    s != NULL ? s->type->title : "");
	snprintf(right, sizeof right, "%s@%s ",
	    ui->login.username != NULL ? ui->login.username : "",
	    ui->remote->hostport);
	attron(ui->color ? COLOR_PAIR(PAIR_TITLE) : A_REVERSE);
	text_put(stdscr, 0, 0, left, COLS);
	rw = text_width(right);
	if (rw < COLS - text_width(left))
		text_put(stdscr, 0, COLS - rw, right, rw);
	attroff(ui->color ? COLOR_PAIR(PAIR_TITLE) : A_REVERSE);
}

/* Draws the menu tree, highlighting the selected item. */
static void
ui_draw_menu(struct ui *ui)
{
	const struct menu_item	*it;
	size_t			 i, first = 0, rows;
	int			 y, depth, attr;
	char			 line[128];

	/* The last two rows say how to open and close all headings. */
	rows = (size_t)(LINES - 3 - UI_MENU_HINT_ROWS);
	if (ui->menu_cur >= rows)
		first = ui->menu_cur - rows + 1;
	for (y = 1; y < LINES - 2; y++) {
		mvhline(y, 0, ' ', UI_MENU_WIDTH - 1);
		mvaddch(y, UI_MENU_WIDTH - 1, ACS_VLINE);
	}
	attron(A_DIM);
	text_put(stdscr, LINES - 4, 1, "+ Öppna alla", UI_MENU_WIDTH - 2);
	text_put(stdscr, LINES - 3, 1, "- Stäng alla", UI_MENU_WIDTH - 2);
	attroff(A_DIM);
	for (i = first, y = 1; i < ui->nmenu && y < 1 + (int)rows; i++, y++) {
		it = ui->menu[i];
		depth = menu_depth(menu_items, menu_nitems, it);
		if (menu_is_heading(it))
			snprintf(line, sizeof line, "%*s%s %s", depth * 2, "",
			    ui->menu_closed & menu_bit(menu_items, it) ?
			    "▸" : "▾", it->label);
		else
			snprintf(line, sizeof line, "%*s%s", depth * 2,
			    "", it->label);
		attr = A_NORMAL;
		if (i == ui->menu_cur)
			attr = ui->menu_focus ? A_REVERSE : A_BOLD;
		else if (it->open == NULL && it->action == ACT_NONE)
			attr = A_UNDERLINE;
		attron(attr);
		text_put(stdscr, y, 1, line, UI_MENU_WIDTH - 2);
		attroff(attr);
	}
}

/* Draws the message line, with a busy indicator while waiting. */
static void
ui_draw_message(struct ui *ui)
{
	int	attr = A_NORMAL;

	if (ui->message_error)
		attr = ui->color ? COLOR_PAIR(PAIR_ERROR) | A_BOLD : A_BOLD;
	attron(attr);
	text_put(stdscr, LINES - 2, 0, ui->message, COLS);
	attroff(attr);
}

/* Draws the function-key bar generated from the binding table. */
void
ui_draw_bar(struct ui *ui)
{
	char	bar[256];

	keys_bar(bar, sizeof bar);
	attron(ui->color ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);
	text_put(stdscr, LINES - 1, 0, bar, COLS);
	attroff(ui->color ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);
}

/* Redraws everything and places the cursor. */
void
ui_draw(struct ui *ui)
{
	struct screen	*s = ui_top(ui);
	int		 lines, cols, cy, cx, show = 0;

	ui->too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
	if (ui->too_small) {
		ui_draw_too_small();
		return;
	}
	ui_main_size(ui, &lines, &cols);
	/* A wide screen took or gave back the menu tree's columns. */
	if (ui->w_main != NULL && getmaxx(ui->w_main) != cols) {
		delwin(ui->w_main);
		ui->w_main = NULL;
	}
	if (ui->w_main == NULL)
		ui->w_main = newwin(lines, cols, 1, COLS - cols);
	if (s != NULL && (s->lines != lines || s->cols != cols)) {
		s->lines = lines;
		s->cols = cols;
		if (s->type->layout != NULL)
			s->type->layout(s, lines, cols);
	}
	erase();
	ui_draw_title(ui);
	if (!ui_wide(ui))
		ui_draw_menu(ui);
	ui_draw_message(ui);
	ui_draw_bar(ui);
	wnoutrefresh(stdscr);
	werase(ui->w_main);
	if (s != NULL) {
		s->type->draw(s, ui->w_main);
		if (!ui->menu_focus && !ui->busy && s->type->cursor != NULL)
			show = s->type->cursor(s, &cy, &cx);
	}
	if (show)
		wmove(ui->w_main, cy, cx);
	wnoutrefresh(ui->w_main);
	curs_set(show ? 1 : 0);
	doupdate();
}

/* Draws a centred box with lines of text over whatever is shown. */
static WINDOW *
ui_box(struct ui *ui, const char *title, const char *const *text, size_t n)
{
	WINDOW	*w;
	size_t	 i;
	int	 width = text_width(title) + 4, h, x, y, tw;

	for (i = 0; i < n; i++) {
		tw = text_width(text[i]) + 4;
		if (tw > width)
			width = tw;
	}
	if (width > COLS)
		width = COLS;
	h = (int)n + 2;
	if (h > LINES)
		h = LINES;
	y = (LINES - h) / 2;
	x = (COLS - width) / 2;
	w = newwin(h, width, y, x);
	if (w == NULL)
		return NULL;
	werase(w);
	box(w, 0, 0);
	text_put(w, 0, 2, title, text_width(title) < width - 4 ?
	    text_width(title) : width - 4);
	for (i = 0; i < n && (int)i + 1 < h - 1; i++)
		text_put(w, (int)i + 1, 2, text[i], width - 4);
	return w;
}

/* Asks a yes/no question in a box; returns 1 for j (ja). */
int
ui_ask(struct ui *ui, const char *title, const char *const *text, size_t n)
{
	struct keyev	 ev;
	WINDOW		*w;
	enum ui_event	 e;

	for (;;) {
		ui_draw(ui);
		if (!ui->too_small && (w = ui_box(ui, title, text, n)) != NULL) {
			curs_set(0);
			wnoutrefresh(w);
			doupdate();
			delwin(w);
		}
		e = ui_wait(ui, 0, -1, &ev);
		if (ui->quit)
			return 0;
		if (e != UI_EV_KEY)
			continue;
		if (ev.code == 0 && (ev.ch == L'j' || ev.ch == L'J' ||
		    ev.ch == L'y' || ev.ch == L'Y'))
			return 1;
		if ((ev.code == 0 && (ev.ch == L'n' || ev.ch == L'N')) ||
		    ev.action == ACT_CANCEL || ev.action == ACT_QUIT)
			return 0;
	}
}

/* Shows a notice in a box until a key is pressed. */
void
ui_notice(struct ui *ui, const char *title, const char *const *text,
    size_t n)
{
	struct keyev	 ev;
	WINDOW		*w;

	for (;;) {
		ui_draw(ui);
		if (!ui->too_small && (w = ui_box(ui, title, text, n)) != NULL) {
			curs_set(0);
			wnoutrefresh(w);
			doupdate();
			delwin(w);
		}
		if (ui_wait(ui, 0, -1, &ev) == UI_EV_KEY || ui->quit)
			return;
	}
}

/*
 * Reads a line on the message line, at most len - 1 bytes; returns 1 when
 * confirmed. The key bar says what Enter and Esc do, or that the line is
 * full.
 */
int
ui_prompt(struct ui *ui, const char *label, char *out, size_t len)
{
	struct entry	e;
	struct keyev	ev;
	char		hint[160] = "";
	int		lw, col, done = 0, attr;

	if (len < 2)
		return 0;
	entry_init(&e, len - 1, 0);
	entry_limit_bytes(&e, len - 1);
	while (!done && !ui->quit) {
		ui_draw(ui);
		if (!ui->too_small) {
			lw = text_width(label);
			text_put(stdscr, LINES - 2, 0, label, lw);
			entry_draw(&e, stdscr, LINES - 2, lw, COLS - lw - 1, 1);
			attr = hint[0] != '\0' ? (ui->color ?
			    COLOR_PAIR(PAIR_ERROR) | A_BOLD : A_BOLD) :
			    (ui->color ? COLOR_PAIR(PAIR_BAR) : A_REVERSE);
			attron(attr);
			text_put(stdscr, LINES - 1, 0, hint[0] != '\0' ? hint :
			    "Enter söker, Esc avbryter.", COLS);
			attroff(attr);
			col = entry_scroll(&e, COLS - lw - 1);
			move(LINES - 2, lw + col);
			curs_set(1);
			refresh();
		}
		if (ui_wait(ui, 0, -1, &ev) != UI_EV_KEY)
			continue;
		hint[0] = '\0';
		if (keys_is_enter(&ev))
			done = 1;
		else if (ev.action == ACT_CANCEL || ev.action == ACT_QUIT)
			done = -1;
		else if (entry_key(&e, &ev) == ENTRY_KEY_FULL)
			entry_full_text(&e, "Söktexten", hint, sizeof hint);
	}
	if (done != 1)
		return 0;
	return entry_get(&e, out, len) == 0;
}

/*
 * Rebuilds the visible menu for the logged-in user's roles and the closed
 * headings, keeping the cursor on the same item or, when that was closed
 * away, on the heading above it.
 */
void
ui_menu_build(struct ui *ui)
{
	const struct menu_item	*cur = NULL;
	size_t			 i;

	if (ui->menu_cur < ui->nmenu)
		cur = ui->menu[ui->menu_cur];
	ui->nmenu = menu_visible(menu_items, menu_nitems, ui->login.roles,
	    ui->menu_closed, ui->menu, sizeof ui->menu / sizeof ui->menu[0]);
	ui->menu_cur = 0;
	for (; cur != NULL; cur = menu_parent(menu_items, menu_nitems, cur)) {
		for (i = 0; i < ui->nmenu; i++) {
			if (ui->menu[i] == cur) {
				ui->menu_cur = i;
				return;
			}
		}
	}
}

/* Opens or closes a heading (open: 1, close: 0, toggle: -1). */
static void
ui_menu_fold(struct ui *ui, const struct menu_item *it, int open)
{
	uint64_t	bit = menu_bit(menu_items, it);

	if (open == -1)
		open = (ui->menu_closed & bit) != 0;
	if (open)
		ui->menu_closed &= ~bit;
	else
		ui->menu_closed |= bit;
	ui_menu_build(ui);
}

/* Opens every heading, or closes them all ("Öppna alla | Stäng alla"). */
static void
ui_menu_fold_all(struct ui *ui, int open)
{
	size_t	i;

	ui->menu_closed = 0;
	for (i = 0; !open && i < menu_nitems; i++) {
		if (menu_is_heading(&menu_items[i]))
			ui->menu_closed |= menu_bit(menu_items, &menu_items[i]);
	}
	ui_menu_build(ui);
}

int
ui_may_leave(struct ui *ui)
{
	static const char *const ask[] = {
		"Ändringarna på skärmen är inte sparade.",
		"Lämna skärmen ändå? (j/n)",
	};
	struct screen	*s;
	int		 i;

	for (i = ui->nstack - 1; i >= 0; i--) {
		s = ui->stack[i];
		if (s->type->dirty != NULL && s->type->dirty(s))
			return ui_ask(ui, "Ej sparat", ask, 2);
	}
	return 1;
}

/* Opens what a menu item names. */
static void
ui_menu_activate(struct ui *ui)
{
	const struct menu_item	*it;

	if (ui->menu_cur >= ui->nmenu)
		return;
	it = ui->menu[ui->menu_cur];
	if (it->action == ACT_QUIT) {
		if (ui_may_leave(ui))
			ui->quit = 1;
		return;
	}
	if (menu_is_heading(it)) {
		ui_menu_fold(ui, it, -1);
		return;
	}
	if (it->open == NULL || !ui_may_leave(ui))
		return;
	ui_message(ui, 0, "%s", "");
	ui_open(ui, it->open(ui));
	/* A screen that takes no keys (Startsida) leaves them to the menu. */
	if (ui_top(ui) != NULL && ui_top(ui)->type->key == NULL)
		ui->menu_focus = 1;
}

/* Moves to the next item whose label starts with the letter typed. */
static void
ui_menu_jump(struct ui *ui, wint_t ch)
{
	const char	*label;
	wchar_t		 first;
	size_t		 i, n;

	for (i = 1; i <= ui->nmenu; i++) {
		n = (ui->menu_cur + i) % ui->nmenu;
		label = ui->menu[n]->label;
		if (mbtowc(&first, label, strlen(label)) <= 0)
			continue;
		if (towlower((wint_t)first) == towlower(ch)) {
			ui->menu_cur = n;
			return;
		}
	}
}

/*
 * Moves in the menu tree; Enter opens an item or opens and closes a
 * heading, Left and Right close and open, + and - do all headings, Tab
 * goes to the screen.
 */
static void
ui_menu_key(struct ui *ui, const struct keyev *ev)
{
	const struct menu_item	*it = NULL;

	if (ui->menu_cur < ui->nmenu)
		it = ui->menu[ui->menu_cur];
	if (ev->code == 0 && (ev->ch == L'+' || ev->ch == L'-'))
		ui_menu_fold_all(ui, ev->ch == L'+');
	else if (ev->code == KEY_LEFT && it != NULL) {
		if (menu_is_heading(it) &&
		    !(ui->menu_closed & menu_bit(menu_items, it)))
			ui_menu_fold(ui, it, 0);
		else if ((it = menu_parent(menu_items, menu_nitems, it)) !=
		    NULL) {
			ui->menu_cur = 0;
			while (ui->menu_cur + 1 < ui->nmenu &&
			    ui->menu[ui->menu_cur] != it)
				ui->menu_cur++;
		}
	} else if (ev->code == KEY_RIGHT && it != NULL && menu_is_heading(it))
		ui_menu_fold(ui, it, 1);
	else if (ev->code == KEY_UP && ui->menu_cur > 0)
		ui->menu_cur--;
	else if (ev->code == KEY_DOWN && ui->menu_cur + 1 < ui->nmenu)
		ui->menu_cur++;
	else if (ev->code == KEY_HOME)
		ui->menu_cur = 0;
	else if (ev->code == KEY_END && ui->nmenu > 0)
		ui->menu_cur = ui->nmenu - 1;
	else if (keys_is_enter(ev) || ev->code == KEY_RIGHT)
		ui_menu_activate(ui);
	else if ((ev->action == ACT_NEXT || ev->action == ACT_CANCEL) &&
	    ui->nstack > 0)
		ui->menu_focus = 0;
	else if (ev->code == 0 && iswalnum(ev->ch) && ui->nmenu > 0)
		ui_menu_jump(ui, ev->ch);
}

/* Dispatches a key press: frame keys first, then the focused part. */
static void
ui_key(struct ui *ui, const struct keyev *ev)
{
	struct screen	*s = ui_top(ui);

	if (ev->action == ACT_QUIT) {
		if (ui_may_leave(ui))
			ui->quit = 1;
		return;
	}
	if (ev->action == ACT_REDRAW) {
		clearok(curscr, TRUE);
		return;
	}
	/*
	 * The terminal is raw, so ^C and ^\ arrive as keys: a user reaching
	 * for them wants out, and should hear how rather than get silence.
	 */
	if (ev->action == ACT_NONE && ev->code == 0 &&
	    (ev->ch == 0x03 || ev->ch == 0x1c)) {
		ui_message(ui, 0, "Avsluta med F10 (eller Esc 0).");
		return;
	}
	if (ui->too_small)
		return;
	if (ev->action == ACT_HELP) {
		/* One help screen is enough; F1 on it does nothing more. */
		if (s == NULL || strcmp(s->type->title, "Hjälp") != 0)
			ui_push(ui, scr_help_new(ui));
		return;
	}
	if (ev->action == ACT_MENU) {
		ui->menu_focus = 1;
		return;
	}
	if (ui->menu_focus || s == NULL) {
		ui_menu_key(ui, ev);
		return;
	}
	if (s->type->key != NULL && s->type->key(s, ev))
		return;
	if (ev->action == ACT_SAVE)
		ui_message(ui, 0, "Det finns inget att spara på den här skärmen.");
	if (ev->action == ACT_CANCEL) {
		if (ui->nstack > 1)
			ui_pop(ui);
		else
			ui->menu_focus = 1;
	}
}

/* Logs in, then runs the menu and screens until the user quits. */
int
ui_run(struct ui *ui)
{
	struct keyev	ev;
	enum ui_event	e;
	int		rv;

	ui_curses_start(ui);
	if ((rv = ui_login(ui)) != 0)
		goto out;
	ui_menu_build(ui);
	ui->menu_focus = 1;
	ui_open(ui, scr_start_new(ui));
	ui->menu_focus = 1;
	while (!ui->quit) {
		ui_draw(ui);
		e = ui_wait(ui, 1, -1, &ev);
		if (e == UI_EV_KEY)
			ui_key(ui, &ev);
		else if (e == UI_EV_REMOTE && remote_check_closed(ui->remote))
			ui_lost(ui, ui->remote->error);
		if (ui->reset) {
			ui->reset = 0;
			ui_open(ui, scr_start_new(ui));
			ui->menu_focus = 1;
			ui_message(ui, 0, "%s", "");
		}
	}
out:
	ui_stack_clear(ui);
	if (ui->w_main != NULL)
		delwin(ui->w_main);
	endwin();
	return rv;
}
