/*
 * The sus client's private interfaces: key bindings, the menu tree, text
 * fields, forms, virtual lists, the connection to susd and the screen
 * system. Everything here but the curses drawing is pure enough for the
 * unit tests, which link every client file except sus.c.
 */
#ifndef SUS_CLIENT_H
#define SUS_CLIENT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

#include <curses.h>

#include "date.h"
#include "msg.h"

/* Smallest terminal the layout is designed for. */
#define UI_MIN_COLS		80
#define UI_MIN_LINES		24
/* Width of the menu tree column on the left. */
#define UI_MENU_WIDTH		27
/* Rows under the menu tree for "+ Öppna alla" and "- Stäng alla". */
#define UI_MENU_HINT_ROWS	2
/*
 * How long after Esc a digit still turns it into a function key. Esc Esc
 * cancels at once, so only a lone Esc waits this long.
 */
#define KEYS_ESC_WAIT_MS	400
/* A request that gets no answer in this time means the link is dead. */
#define REMOTE_TIMEOUT_MS	30000
/* Rows asked for per page of a search result. */
#define LIST_PAGE_ROWS		100

/*
 * Actions, generated from one list like tig's request.h: name, the label
 * on the function-key bar, and the help text.
 */
#define ACTION_LIST							\
	X(HELP,		"Hjälp",	"Visa hjälp för skärmen")	\
	X(SAVE,		"Spara",	"Spara uppgifterna")		\
	X(SEARCH,	"Sök",		"Sök med angivna villkor")	\
	X(MENU,		"Meny",		"Flytta till menyträdet")	\
	X(QUIT,		"Avsluta",	"Avsluta sus")			\
	X(CANCEL,	"Avbryt",	"Avbryt och gå tillbaka")	\
	X(NEXT,		"Fält",		"Nästa fält")			\
	X(PREV,		"Fält",		"Föregående fält")		\
	X(FIND,		"Sök i lista",	"Sök i den visade listan")	\
	X(FIND_NEXT,	"Nästa träff",	"Nästa träff i listan")		\
	X(REDRAW,	"Rita om",	"Rita om skärmen")

enum action {
	ACT_NONE = 0,
#define X(name, label, help) ACT_##name,
	ACTION_LIST
#undef X
	ACT__COUNT
};

/* One key binding: a curses key code or character bound to an action. */
struct binding {
	enum action	 action;
	int		 key;		/* KEY_* code or a character */
	int		 is_code;	/* key is a KEY_* code (get_wch KEY_CODE_YES) */
	int		 fkey;		/* function key number, 0 if none */
	const char	*keyname;	/* as shown on the bar */
	int		 on_bar;	/* shown on the function-key bar */
};

/* One decoded key press. */
struct keyev {
	enum action	 action;	/* bound action or ACT_NONE */
	wint_t		 ch;		/* a character, when code is 0 */
	int		 code;		/* a KEY_* code, 0 for a character */
};

/* State kept between key presses to recognise Esc+digit. */
struct keydec {
	int		 esc_pending;
	long		 esc_deadline;	/* monotonic ms */
	int		 has_next;	/* a key that followed a lone Esc */
	struct keyev	 next;
};

extern const struct binding	 keys_bindings[];
extern const size_t		 keys_nbindings;

const char	*keys_action_label(enum action);
const char	*keys_action_help(enum action);
/* The binding for a function key number (1..12), NULL if unbound. */
const struct binding *keys_for_fkey(int);
/* Resolves a raw key to its action. */
enum action	 keys_lookup(int key, int is_code);
int		 keys_scroll(int code, int rows, int n, int *top);
int		 keys_scroll_by(int code, int page, int n, int *top);
/*
 * Feeds one get_wch() result; rc is OK or KEY_CODE_YES. Returns 1 and fills
 * *ev when a key press is complete, 0 when an Esc waits for a digit.
 */
int		 keys_feed(struct keydec *, int rc, wint_t, long now,
		    struct keyev *);
/* Returns 1 with the key that followed a lone Esc, if one is held. */
int		 keys_next(struct keydec *, struct keyev *);
/* Reports whether a key press is Enter (Return, ^J or the keypad key). */
int		 keys_is_enter(const struct keyev *);
/* Called when the wait after Esc ran out; returns 1 with an Esc event. */
int		 keys_timeout(struct keydec *, long now, struct keyev *);
/* Milliseconds until keys_timeout() must be called, -1 if never. */
int		 keys_wait_ms(const struct keydec *, long now);
/* Writes the function-key bar text (up to len bytes) from the table. */
void		 keys_bar(char *, size_t);
/* Monotonic milliseconds. */
long		 keys_now(void);

/* Screens. */
struct ui;
struct screen;

struct screen_type {
	const char	*title;
	/* Called when the screen becomes current; may issue requests. */
	void		(*enter)(struct screen *);
	/* Called when another screen covers this one or it is popped. */
	void		(*leave)(struct screen *);
	/* The screen's area changed size. */
	void		(*layout)(struct screen *, int lines, int cols);
	void		(*draw)(struct screen *, WINDOW *);
	/* Returns 1 when the key was used, 0 to let the frame handle it. */
	int		(*key)(struct screen *, const struct keyev *);
	/* Frees data. */
	void		(*free)(struct screen *);
	/* Places the terminal cursor, or returns 0 to hide it. */
	int		(*cursor)(struct screen *, int *y, int *x);
	/* Optional: 1 while the screen holds changes not yet saved. */
	int		(*dirty)(struct screen *);
	/*
	 * 1: the screen takes the whole width while it has the keys (the
	 * menu tree comes back with F9), for grids that need every column.
	 */
	int		 wide;
};

struct screen {
	const struct screen_type *type;
	struct ui	*ui;
	void		*data;
	int		 lines, cols;
};

typedef struct screen *(*screen_ctor)(struct ui *);

/* Menu tree. */
struct menu_item {
	const char	*id;
	const char	*label;
	const char	*parent;	/* id of the parent, NULL at top */
	uint32_t	 roles;		/* any of these ROLE_* bits shows it */
	screen_ctor	 open;		/* NULL: a heading, or see action */
	enum action	 action;	/* e.g. ACT_QUIT for Logga ut */
};

extern const struct menu_item	 menu_items[];
extern const size_t		 menu_nitems;

/*
 * Fills out with the items roles may see, in table order; a heading is
 * shown only when it has a visible child, and the items under a heading
 * whose bit (its table index) is set in closed are left out. Returns the
 * count.
 */
size_t		 menu_visible(const struct menu_item *, size_t,
		    uint32_t roles, uint64_t closed,
		    const struct menu_item **out, size_t max);
/* Reports whether an item is a heading that opens nothing by itself. */
int		 menu_is_heading(const struct menu_item *);
/* The bit of an item in a closed set. */
uint64_t	 menu_bit(const struct menu_item *, const struct menu_item *);
/* The parent of an item, NULL at the top. */
const struct menu_item *menu_parent(const struct menu_item *, size_t,
		    const struct menu_item *);
/* Depth of an item in the tree (0 at the top). */
int		 menu_depth(const struct menu_item *, size_t,
		    const struct menu_item *);
/* Swedish names of the roles in a ROLE_* set, comma-separated. */
void		 menu_role_names(uint32_t roles, char *, size_t);

/* One line of editable wide-character text. */
#define ENTRY_MAX	256

struct entry {
	wchar_t		 buf[ENTRY_MAX + 1];
	size_t		 len;		/* characters */
	size_t		 cur;		/* cursor, 0..len */
	size_t		 max;		/* most characters accepted */
	size_t		 max_bytes;	/* most UTF-8 bytes, 0: no limit */
	size_t		 scroll;	/* first character shown */
	int		 hidden;	/* password: show '*' */
};

/* entry_key() results besides 0 (not an editing key) and 1 (used). */
#define ENTRY_KEY_FULL	2	/* a character was refused: no room */

void		 entry_init(struct entry *, size_t max, int hidden);
/*
 * Also limits the text to n bytes of UTF-8, for fields the protocol
 * measures in bytes (å, ä and ö take two).
 */
void		 entry_limit_bytes(struct entry *, size_t n);
/* The length of the text in UTF-8 bytes. */
size_t		 entry_bytes(const struct entry *);
/* Writes the Swedish message for a full field named label. */
void		 entry_full_text(const struct entry *, const char *label,
		    char *, size_t);
int		 entry_set(struct entry *, const char *utf8);
/* Writes the text as UTF-8 into out; fails when it does not fit. */
int		 entry_get(const struct entry *, char *out, size_t len);
void		 entry_clear(struct entry *);
int		 entry_insert(struct entry *, wchar_t);
int		 entry_backspace(struct entry *);
int		 entry_delete(struct entry *);
void		 entry_home(struct entry *);
void		 entry_end(struct entry *);
void		 entry_left(struct entry *);
void		 entry_right(struct entry *);
/*
 * Applies an editing key; returns 1 when the key was used, ENTRY_KEY_FULL
 * when a character did not fit (the text is kept as it was).
 */
int		 entry_key(struct entry *, const struct keyev *);
/* Keeps the cursor inside width columns; returns its column. */
int		 entry_scroll(struct entry *, int width);
void		 entry_draw(struct entry *, WINDOW *, int y, int x, int width,
		    int focused);

/* A form: labelled entries with Tab / Shift-Tab between them. */
struct form_field {
	const char	*label;
	const char	*hint;
	struct entry	 entry;
};

struct form {
	struct form_field *fields;
	size_t		 nfields;
	size_t		 focus;
	int		 label_width;
};

void		 form_init(struct form *, struct form_field *, size_t);
int		 form_key(struct form *, const struct keyev *);
/* Draws from row y; returns the next free row. */
int		 form_draw(struct form *, WINDOW *, int y, int x, int width,
		    int focused);
/* The cursor position of the focused field after form_draw. */
void		 form_cursor(struct form *, int y, int x, int width,
		    int *cy, int *cx);

/* Paging arithmetic for a list that loads rows on demand. */
struct vlist {
	size_t		 total;		/* rows on the server */
	size_t		 loaded;	/* rows held, always a prefix */
	size_t		 cursor;
	size_t		 top;		/* first row shown */
	size_t		 height;	/* rows that fit */
};

void		 vlist_reset(struct vlist *, size_t total, size_t loaded);
void		 vlist_resize(struct vlist *, size_t height);
/* Moves the cursor by delta rows, clamped to the list. */
void		 vlist_move(struct vlist *, long delta);
void		 vlist_goto(struct vlist *, size_t row);
/* Moves by an arrow, page, Home or End key; 1 if the key was one. */
int		 vlist_key(struct vlist *, const struct keyev *);
/*
 * Returns 1 and sets *offset when rows past those loaded are needed to
 * show the cursor and a full page.
 */
int		 vlist_want(const struct vlist *, size_t *offset);
/* After a failed fetch: keeps the cursor on loaded rows. */
void		 vlist_clamp_loaded(struct vlist *);

/* Text measured and drawn in display columns. */
int		 text_width(const char *utf8);
/* Draws s at y,x clipped and padded to exactly width columns. */
void		 text_put(WINDOW *, int y, int x, const char *utf8, int width);
/* Draws s over up to maxlines lines, breaking at spaces; returns lines. */
int		 text_wrap(WINDOW *, int y, int x, const char *utf8, int width,
		    int maxlines);
/* Case-insensitive substring search on UTF-8 text. */
int		 text_contains(const char *hay, const char *needle);

/* The connection to susd. */
struct remote {
	char		*host;
	char		*port;
	char		*hostport;	/* "host:port", the pin key */
	const char	*user_pins;
	const char	*system_pins;
	uint8_t		 priv[32];
	uint8_t		 pub[32];
	int		 fd;
	struct chan	*ch;
	uint32_t	 next_id;
	int		 logged_in;
	char		 error[256];	/* Swedish, for the user */
};

/* Results of remote_call besides 0 and negative (connection lost). */
#define REMOTE_REPLY_ERR	1	/* the server answered ERR */
#define REMOTE_CANCELLED	2	/* the user pressed Esc */
#define REMOTE_BAD_REQUEST	3	/* not sent: a field was too long */

/* Asked while waiting for a reply; returns 1 to abandon the request. */
typedef int (*remote_wait_cb)(void *);

void		 remote_init(struct remote *, const char *host,
		    const char *port);
void		 remote_free(struct remote *);
/*
 * Connects, runs the handshake and checks the server key, prompting on
 * in/out when it is unknown. Returns 0 or a negative error with
 * r->error set.
 */
int		 remote_connect(struct remote *, FILE *in, FILE *out);
void		 remote_close(struct remote *);
/* Says goodbye to the server, best effort, and closes. */
void		 remote_bye(struct remote *);
int		 remote_connected(const struct remote *);
/*
 * Sends a request and waits for the reply with the same id. On
 * REMOTE_REPLY_ERR *err is filled; the caller clears it.
 */
int		 remote_call(struct remote *, uint16_t type, const void *req,
		    uint16_t want, void *reply, struct msg_err *err,
		    remote_wait_cb, void *arg);
/* Returns 1 when the server has closed the connection. */
int		 remote_check_closed(struct remote *);
/* A Swedish sentence for a SUS_ERR_* connection error. */
const char	*remote_strerror(int);
/* A Swedish sentence for an ERR_* code from the server. */
const char	*remote_errcode_text(uint32_t);

/*
 * Checks the server key of host:port against the system pins, then the
 * user's, prompting like ssh on in/out for an unknown key. Returns 0 when
 * accepted (1 when it was newly added), or a negative error.
 */
int		 hostkey_verify(const char *system_pins,
		    const char *user_pins, const char *hostport,
		    const uint8_t key[32], FILE *in, FILE *out);

/* The user interface. */
enum ui_event {
	UI_EV_NONE,
	UI_EV_KEY,
	UI_EV_RESIZE,
	UI_EV_REMOTE
};

/* Colour pairs, used only when colour is allowed. */
#define PAIR_TITLE	1
#define PAIR_ERROR	2
#define PAIR_BAR	3
#define PAIR_INFO	4

struct ui {
	struct remote	*remote;
	char		*username;
	struct msg_login_ok login;
	struct msg_kod_list *kod;	/* code lists, see kod.c */
	struct msg_affk_styrdata *affk;	/* Af/FK styrdata, see affk_data.c */
	struct msg_rapport_defs *rapport; /* reports, see rapport_data.c */
	struct screen	*stack[16];
	int		 nstack;
	const struct menu_item *menu[64];
	size_t		 nmenu;
	size_t		 menu_cur;
	uint64_t	 menu_closed;	/* headings closed, by menu_bit() */
	int		 menu_focus;	/* keys go to the menu tree */
	char		 message[256];
	int		 message_error;
	int		 busy;
	int		 quit;
	int		 color;
	int		 too_small;
	int		 reset;		/* back to Startsida at the next key */
	struct keydec	 keydec;
	struct keyev	 ahead[256];	/* typed while a request ran */
	int		 nahead;
	char		*fatal;		/* printed after curses ends */
	WINDOW		*w_title, *w_menu, *w_main, *w_msg, *w_bar;
};

int		 ui_run(struct ui *);
/*
 * Waits for a key, a resize or (when watch is set) the socket, at most
 * timeout_ms (-1: no limit).
 */
enum ui_event	 ui_wait(struct ui *, int watch, int timeout_ms,
		    struct keyev *);
/* Asks a yes/no question in a box over the screen; 1 for j (ja). */
int		 ui_ask(struct ui *, const char *title, const char *const *,
		    size_t);
/* Shows lines in a box until a key is pressed. */
void		 ui_notice(struct ui *, const char *title, const char *const *,
		    size_t);
void		 ui_draw_too_small(void);
/* A box in the middle of a cleared screen (login, forced password). */
WINDOW		*ui_centre_box(struct ui *, int h, int width, const char *title,
		    const char *bar);
/* Rebuilds the menu for the roles of whoever is logged in. */
void		 ui_menu_build(struct ui *);
void		 ui_draw_bar(struct ui *);
/* Shows the login box until a login succeeds or the user gives up. */
int		 ui_login(struct ui *);
/* Offers to reconnect and log in again; 0 when that worked. */
int		 ui_lost(struct ui *, const char *why);
/* Shows a message on the message line (error in red when coloured). */
void		 ui_message(struct ui *, int error, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
/*
 * Asks before unsaved changes on any open screen are thrown away; 1 when
 * there are none or the user agrees to lose them.
 */
int		 ui_may_leave(struct ui *);
void		 ui_push(struct ui *, struct screen *);
void		 ui_pop(struct ui *);
/* Replaces the whole stack with one screen. */
void		 ui_open(struct ui *, struct screen *);
/*
 * Runs a request for a screen with the busy indicator; on failure shows
 * the error on the message line and, for a lost connection, offers to
 * reconnect. Returns as remote_call().
 */
int		 ui_call(struct ui *, uint16_t type, const void *req,
		    uint16_t want, void *reply);
/* Asks a question on the message line; returns the line typed or NULL. */
int		 ui_prompt(struct ui *, const char *label, char *out,
		    size_t len);
void		 ui_draw(struct ui *);
struct screen	*screen_new(struct ui *, const struct screen_type *, void *);

/* Screen constructors named by the menu table. */
struct screen	*scr_start_new(struct ui *);
struct screen	*scr_samorg_new(struct ui *);
struct screen	*scr_help_new(struct ui *);
/*
 * Behörigheter: client/scr_password.c, scr_admin.c, scr_order.c,
 * scr_order_new.c; shared pieces in behorighet.c, rlist.c and mform.c.
 */
struct screen	*scr_password_new(struct ui *);
struct screen	*scr_anvandare_new(struct ui *);
struct screen	*scr_agreement_new(struct ui *);
struct screen	*scr_order_inbox_new(struct ui *);
struct screen	*scr_order_new_new(struct ui *);
struct screen	*scr_order_mine_new(struct ui *);

/*
 * remote_call result: the server ended the session (ERR_ENDED with
 * request id 0); r->error holds "Sessionen avslutades: ..." and the
 * connection is closed.
 */
#define REMOTE_ENDED	4
/* Reports whether the last connection was ended by the server. */
int		 remote_ended(const struct remote *);

/* ui_password_forced() results besides 0 (the password was changed). */
#define PASSWORD_LOGOUT	1	/* the user chose to log out (Esc) */
#define PASSWORD_LOST	2	/* connection lost or ended; see error */
/*
 * Shows the Byt lösenord box that must be passed before anything else:
 * after a login with LOGIN_F_MUST_CHANGE or an ERR_PASSWORD_CHANGE. F10
 * sets ui->quit. On PASSWORD_LOST the reason is written to error.
 */
int		 ui_password_forced(struct ui *, char *error, size_t);

/* Names and short codes of the ROLE_* bits, in display order. */
struct role_name {
	uint32_t	 bit;
	const char	*name;		/* Samverkansadministratör */
	const char	*code;		/* SA, for narrow lists */
};
extern const struct role_name	 role_table[];
extern const size_t		 role_ntable;
/* The Swedish name of one ROLE_* bit. */
const char	*role_name(uint32_t);
/* Joins short codes ("SA IA"; RA only alone), "–" for none. */
void		 role_codes(uint32_t roles, char *, size_t);
/* Joins full names ("Superadministratör, SUSrapport"), "–" for none. */
void		 role_names(uint32_t roles, char *, size_t);
/* Swedish names of ORDER_NEW.. and ORDER_SUBMITTED.. ("" if unknown). */
const char	*order_typ_name(uint8_t);
const char	*order_status_name(uint8_t);
/* Today plus years and days as YYYY-MM-DD (local time). */
void		 date_today_plus(int years, int days, char *, size_t);
/*
 * Breaks text at spaces into lines of at most width columns, pointing
 * each of up to max entries of lines at a copy in buf. Returns the count.
 */
size_t		 text_lines(const char *, int width, char *buf, size_t len,
		    const char **lines, size_t max);

/*
 * A paged result list (client/rlist.c): the screen fills in its search
 * request, the list pages through the reply as the cursor moves, draws
 * columns that give way on a narrow terminal and searches the loaded
 * rows with /. A kind says where the paging fields sit in the messages.
 */
struct rlist_kind {
	uint16_t	 search;	/* MSG_*_SEARCH */
	uint16_t	 list;		/* MSG_*_LIST */
	size_t		 reply_size;
	size_t		 row_size;
	size_t		 total_off, nrows_off, rows_off; /* in the reply */
	size_t		 offset_off, limit_off;	/* in the request */
};
extern const struct rlist_kind	 rlist_users, rlist_orgs, rlist_orders;

struct rlist_col {
	const char	*title;
	int		 min, max;
	int		 drop;		/* 0: never hidden; lower goes first */
};

#define RLIST_MAXCOLS	8
#define RLIST_CELL	128
/* Fills v[] with one text per column; buf may hold formatted values. */
typedef void	(*rlist_values_fn)(const void *row, const char **v,
		    char (*buf)[RLIST_CELL]);

struct rlist {
	const struct rlist_kind	*kind;
	void			*req;	/* the screen's search request */
	const struct rlist_col	*cols;
	size_t			 ncols;
	rlist_values_fn		 values;
	struct vlist		 vl;
	unsigned char		*rows;
	size_t			 cap;
	int			 searched;
	char			 find[256];
};

void		 rlist_init(struct rlist *, const struct rlist_kind *,
		    void *req, const struct rlist_col *, size_t,
		    rlist_values_fn);
/* Runs the search from the first row; returns as ui_call(). */
int		 rlist_search(struct rlist *, struct ui *);
/* Runs the search again, keeping the cursor on the same row number. */
int		 rlist_refresh(struct rlist *, struct ui *);
/* Loads what the cursor and a full page need. */
void		 rlist_fill(struct rlist *, struct ui *);
/* The row under the cursor, NULL when none is loaded. */
void		*rlist_current(struct rlist *);
void		*rlist_row(struct rlist *, size_t);
/* Moving keys, / and n; returns 1 when the key was used. */
int		 rlist_key(struct rlist *, struct ui *, const struct keyev *);
/* Sets the rows shown under the header. */
void		 rlist_resize(struct rlist *, int rows);
/* Draws the header at y and the rows under it. */
void		 rlist_draw(struct rlist *, WINDOW *, int y, int x, int width,
		    int focused);
void		 rlist_free(struct rlist *);

/*
 * Search fields over a result list, as in Sök samverkansorg: the screen
 * fills its request from the fields when rsearch_key() says so.
 */
#define RSEARCH_RUN	2	/* F3, or Enter in a field: search */
#define RSEARCH_OPEN	3	/* Enter on a row */

struct rsearch {
	struct form	 form;
	int		 in_list;	/* keys go to the list */
	int		 list_y;	/* row of the list header */
	struct rlist	 list;
};

void		 rsearch_init(struct rsearch *, struct form_field *, size_t,
		    const struct rlist_kind *, void *req,
		    const struct rlist_col *, size_t, rlist_values_fn);
/* Returns RSEARCH_RUN, RSEARCH_OPEN, 1 for a used key or 0. */
int		 rsearch_key(struct rsearch *, struct ui *,
		    const struct keyev *);
/* Runs the filled-in search; says none when nothing matched. */
int		 rsearch_run(struct rsearch *, struct ui *, const char *none);
/* Fits the list between the fields and footer rows at the bottom. */
void		 rsearch_layout(struct rsearch *, int lines, int footer);
/* Draws the fields, the count and the list; before until a search. */
void		 rsearch_draw(struct rsearch *, WINDOW *, int cols,
		    const char *before);
int		 rsearch_cursor(struct rsearch *, int cols, int *y, int *x);

/*
 * A form of mixed fields (client/mform.c): text entries, check boxes,
 * choices cycled with Space or the arrows, buttons and read-only text.
 * Hidden fields are neither drawn nor focused.
 */
enum mfield_kind {
	MF_ENTRY,
	MF_CHECK,
	MF_CHOICE,
	MF_BUTTON,
	MF_TEXT
};

struct mfield {
	enum mfield_kind	 kind;
	const char		*label;	/* left column, may be "" */
	const char		*text;	/* check box, button or text value */
	const char		*hint;	/* dim line under it, or NULL */
	int			 hidden;
	int			 locked;	/* shown but not changeable */
	struct entry		 entry;		/* MF_ENTRY */
	int			 value;	/* MF_CHECK 0/1, MF_CHOICE index */
	const char *const	*choices;	/* MF_CHOICE */
	size_t			 nchoices;
};

struct mform {
	struct mfield	*fields;
	size_t		 nfields;
	size_t		 focus;
	int		 label_width;
};

void		 mform_init(struct mform *, struct mfield *, size_t);
/* Puts the focus on the first visible field at or after i. */
void		 mform_focus(struct mform *, size_t);
/* Editing and moving keys; 1 used, ENTRY_KEY_FULL, 0 not used. */
int		 mform_key(struct mform *, const struct keyev *);
/* Draws from row y; returns the next free row. */
int		 mform_draw(struct mform *, WINDOW *, int y, int x, int width,
		    int focused);
/* Places the cursor in a focused entry; 0 when no cursor is shown. */
int		 mform_cursor(struct mform *, int y, int x, int width,
		    int *cy, int *cx);
/* Writes "Label får vara högst ..." for a full focused entry. */
void		 mform_full_text(struct mform *, char *, size_t);
/* mform_key(), saying the text above when an entry is full. */
int		 mform_key_said(struct mform *, struct ui *,
		    const struct keyev *);
/* Uppdrag and Visa användare: client/scr_uppdrag.c, scr_visa.c */
struct screen	*scr_uppdrag_samorg_new(struct ui *);
struct screen	*scr_uppdrag_insats_new(struct ui *);
/* The deltagaransvariga of one insats, opened without the chooser. */
struct screen	*scr_uppdrag_insats_open(struct ui *, uint32_t insats_id,
		    const char *namn, const char *samorg);
struct screen	*scr_visa_uppdrag_new(struct ui *);
struct screen	*scr_visa_org_new(struct ui *);

/*
 * client/picker.c: the lists those screens are made of. A table's
 * columns give way on a narrow terminal (lowest drop first, 0 never) and
 * share out room to spare by grow; show, when set, makes a cell from the
 * row rather than its text.
 */
#define TBL_MAXCOLS	8

struct plist_row;

struct tbl_col {
	const char	*title;
	int		 min, max;	/* display columns */
	int		 drop;
	const char	*(*show)(const struct plist_row *, int width,
			    char *, size_t);
	int		 grow;		/* lowest widens first; 0 default */
};

/* Column widths for a width; 0 hides a column. */
void		 tbl_fit(const struct tbl_col *, size_t, int width, int *w);
/* Draws one value per column at y, x, clipped to width. */
void		 tbl_draw_row(WINDOW *, int y, int x, int width, const int *w,
		    size_t, const char *const *);
void		 tbl_draw_head(WINDOW *, int y, int x, int width,
		    const struct tbl_col *, const int *w, size_t);

/* A list of rows fetched from the server a page at a time. */
struct plist_row {
	uint32_t	 id;
	uint32_t	 aux;		/* a second id, a role or a role set */
	int		 mark;		/* chosen in a picker */
	char		*cell[TBL_MAXCOLS];
};

struct plist;
/*
 * Appends the rows from offset with plist_add() and sets *total to the
 * rows there are in all; returns 0, or non-zero when the request failed
 * (ui_call has said why).
 */
typedef int	(*plist_fetch)(struct plist *, size_t offset, size_t limit,
		    size_t *total);

struct plist {
	const struct tbl_col *cols;
	size_t		 ncols;
	struct plist_row *rows;
	size_t		 cap;
	struct vlist	 vl;
	plist_fetch	 fetch;
	void		*arg;		/* for fetch */
	int		 ready;		/* a load has succeeded */
	char		 find[128];	/* the last / search */
};

void		 plist_init(struct plist *, const struct tbl_col *, size_t,
		    plist_fetch, void *);
void		 plist_clear(struct plist *);
/* Appends a row, copying one string per column (NULL as ""). */
struct plist_row *plist_add(struct plist *, uint32_t id, uint32_t aux,
		    const char *const *);
/* Loads from the first row; 0 on success. */
int		 plist_load(struct plist *);
/* Fetches what the list needs to show its cursor and a full page. */
void		 plist_fill(struct plist *);
/*
 * Moves the cursor for arrows, PgUp/PgDn, Home and End, and searches the
 * loaded rows with / and n; 1 when the key was used.
 */
int		 plist_key(struct plist *, struct ui *, const struct keyev *);
/* The row under the cursor, NULL if none is loaded there. */
struct plist_row *plist_current(struct plist *);
/* Draws the column titles at y and height rows under them. */
void		 plist_draw(struct plist *, WINDOW *, int y, int x, int width,
		    int focused);

/*
 * A chooser: an optional name field over a plist; Enter on a row picks
 * it. The screens start with one to choose what they show.
 */
#define CHOOSER_PICKED	2

struct chooser {
	const char	*what;		/* "samverkansorganisation" */
	int		 searchable;
	int		 in_list;
	struct form_field field;
	struct form	 form;
	char		 pattern[ENTRY_MAX * 4 + 1];
	struct plist	 pl;
};

void		 chooser_init(struct chooser *, const char *what,
		    int searchable, const struct tbl_col *, size_t,
		    plist_fetch, void *);
void		 chooser_free(struct chooser *);
/* Loads the list for the field's text; 0 on success. */
int		 chooser_search(struct chooser *, struct ui *);
/* Loads the first list, all of it, leaving the focus in the field. */
int		 chooser_start(struct chooser *, struct ui *);
/* The only row of a list that cannot be searched, else NULL. */
struct plist_row *chooser_only(struct chooser *);
/* Returns CHOOSER_PICKED for Enter on a row, 1 for a used key, else 0. */
int		 chooser_key(struct chooser *, struct ui *,
		    const struct keyev *);
void		 chooser_layout(struct chooser *, int lines);
void		 chooser_draw(struct chooser *, WINDOW *, int lines, int cols);
int		 chooser_cursor(struct chooser *, int cols, int *y, int *x);

/*
 * Choosing a samverkansorganisation (client/samorg_choice.c): a
 * superadministratör searches all, others choose among their own.
 */
struct samorg_pick {
	struct ui	*ui;
	uint32_t	 role;		/* the uppdrag role that makes it "own" */
	struct chooser	*ch;
};

/* A page of samverkansorganisationer by name (samorg_choice.c). */
int		 samorg_search_page(struct ui *, const char *pattern,
		    struct plist *, size_t offset, size_t limit, size_t *total);
/*
 * A page of insatser by name (scr_uppdrag.c): id, the organisation's id
 * as aux, and the cells name, organisation, startdatum and slutdatum, so
 * a list may show the first few. *got is the rows the page held.
 */
int		 insats_search_page(struct ui *, uint32_t samorg_id,
		    const char *pattern, size_t offset, size_t limit,
		    struct plist *, size_t *total, size_t *got);
void		 samorg_chooser_init(struct chooser *, struct samorg_pick *,
		    struct ui *, uint32_t role);
/* Appends the user's own organisations for role to pl. */
int		 samorg_own(struct ui *, uint32_t role, struct plist *);
/* Fetches every page of an uppdrag search; returns as ui_call(). */
int		 uppdrag_fetch_all(struct ui *, struct msg_uppdrag_search *,
		    struct msg_uppdrag_list *);
int		 uppdrag_in_force(const struct uppdrag_row *, const char *today);

/*
 * The code lists (client/kod.c), fetched with MSG_KOD_SEARCH once per
 * login and kept; kod_forget() after a change or a new login.
 */
const struct msg_kod_list *kod_lists(struct ui *);
/*
 * Points out[] at up to max codes of lista in display order (active ones
 * only when active_only, children of parent_id only when it is not 0);
 * returns the count.
 */
size_t		 kod_codes(struct ui *, const char *lista, int active_only,
		    uint32_t parent_id, const struct kod_row **out, size_t max);
/* A code's name by id, "" when unknown. */
const char	*kod_name(struct ui *, const char *lista, uint32_t id);
void		 kod_forget(struct ui *);

/* Issue 4 screens. */
/* Read-only view of one organisation, open to every role. */
struct screen	*scr_samorg_view_new(struct ui *, uint32_t samorg_id);
/* Hantera samverkansorg (client/scr_samorg_edit.c). */
struct screen	*scr_samorg_edit_new(struct ui *);
/* The Budget tab of one organisation (client/scr_budget.c). */
struct screen	*scr_budget_new(struct ui *, uint32_t samorg_id,
		    const char *namn);
/* Hantera kompletterande frågor (client/scr_fraga.c). */
struct screen	*scr_fraga_new(struct ui *);
/* Beställ samverkansorg and the superadministratör's inbox. */
struct screen	*scr_samorg_order_new(struct ui *);
struct screen	*scr_samorg_order_inbox_new(struct ui *);
/* Styrdata: Kodlistor and Organisationer (client/scr_styrdata.c). */
struct screen	*scr_styrdata_new(struct ui *);
struct screen	*scr_orgreg_new(struct ui *);

/*
 * Samverkansorganisation: the view (client/scr_samorg_view.c), Hantera
 * samverkansorg (scr_samorg_edit.c with samorg_edit_page.c and
 * samorg_edit_data.c) and its pop-ups (kommun_pick.c, org_pick.c).
 */
/*
 * Fetches organisation id with MSG_SAMORG_GET into so, replacing what it
 * held when *loaded. 0 on success; on failure ui_call has said why.
 */
int		 samorg_fetch(struct ui *, uint32_t id, struct msg_samorg *,
		    int *loaded);
/* Hantera samverkansorg opened on one organisation; Esc goes back. */
struct screen	*scr_samorg_edit_open(struct ui *, uint32_t samorg_id);
/* Told the kommuner and stadsdelar chosen (names filled in). */
typedef void	(*kommun_pick_done)(struct screen *parent,
		    const struct samorg_kommun *, size_t);
/* A Län choice: "Alla län" (code ""), then the län; returns the count. */
size_t		 lan_choices(struct ui *, const char **names,
		    char (*codes)[3], size_t max);
/* "Välj kommun, stadsdel" over parent. */
struct screen	*kommun_pick_new(struct ui *, struct screen *parent,
		    kommun_pick_done);
/* Told the organisation chosen (id, namn and organisationstyp). */
typedef void	(*org_pick_done)(struct screen *parent,
		    const struct samorg_org *);
/* "Välj organisation" from the organisations register, over parent. */
struct screen	*org_pick_new(struct ui *, struct screen *parent,
		    org_pick_done);

/* Several lines of editable text (client/textarea.c). */
struct textarea {
	wchar_t		*buf;
	size_t		 len;		/* characters */
	size_t		 cur;		/* cursor, 0..len */
	size_t		 max;		/* most characters accepted */
	size_t		 top;		/* first display line shown */
};

void		 textarea_init(struct textarea *, size_t max);
void		 textarea_free(struct textarea *);
int		 textarea_set(struct textarea *, const char *utf8);
/* The text as newly allocated UTF-8. */
char		*textarea_get(const struct textarea *);
/* Line starts for a width (starts needs len + 2); returns the count. */
size_t		 textarea_wrap(const struct textarea *, int width,
		    size_t *starts, size_t max);
/*
 * Editing keys; Enter breaks the line. 1 used, ENTRY_KEY_FULL, or 0 for
 * a key not used (Up on the first line, Down on the last).
 */
int		 textarea_key(struct textarea *, const struct keyev *,
		    int width);
/* Keeps the cursor among rows lines; returns the line count. */
size_t		 textarea_scroll(struct textarea *, int width, int rows,
		    int *line, int *col);
/* Draws shown line row (0 = the first shown) at y. */
void		 textarea_draw_row(struct textarea *, WINDOW *, int y, int x,
		    int width, int row, int focused);

/* One user chosen in "Välj användare". */
struct picker_pick {
	uint32_t	 user_id;
	char		*fornamn;
	char		*efternamn;
	char		*epost;
	char		*arbetsgivare;
};

/*
 * Told the users chosen with OK, and the dates they were given (from is
 * never empty; tom "" for until further notice), before the pop-up goes.
 */
typedef void	(*picker_done)(struct screen *parent, uint32_t roll,
		    const struct picker_pick *, size_t, const char *from,
		    const char *tom);

/* "Välj användare" over parent, listing only users holding roll. */
struct screen	*picker_new(struct ui *, struct screen *parent,
		    uint32_t roll, picker_done);
/* Role names of a set within width columns, else their short codes. */
void		 picker_role_list(uint32_t, int width, char *, size_t);

/*
 * import.c: "sus import", the non-interactive CSV import (sus.1). argv[0]
 * is "import"; returns the exit status.
 */
int		 import_main(int argc, char **argv);

#endif
