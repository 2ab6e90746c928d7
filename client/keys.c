/*
 * Key bindings: one table from keys to actions, from which the key
 * decoder, the function-key bar and the help screen are all generated.
 * Every function key also works as Esc followed by its digit (Esc 0 for
 * F10), for terminals and ssh clients that do not pass F-keys through.
 */
#include <string.h>
#include <time.h>

#include "client.h"
#include "xmalloc.h"

struct action_info {
	const char	*label;
	const char	*help;
};

static const struct action_info actions[ACT__COUNT] = {
	[ACT_NONE] = { "", "" },
#define X(name, label, help) [ACT_##name] = { label, help },
	ACTION_LIST
#undef X
};

/* The default bindings; order is the order on the function-key bar. */
const struct binding keys_bindings[] = {
	{ ACT_HELP,	 KEY_F(1),	1, 1,  "F1",	1 },
	{ ACT_SAVE,	 KEY_F(2),	1, 2,  "F2",	1 },
	{ ACT_SEARCH,	 KEY_F(3),	1, 3,  "F3",	1 },
	{ ACT_MENU,	 KEY_F(9),	1, 9,  "F9",	1 },
	{ ACT_QUIT,	 KEY_F(10),	1, 10, "F10",	1 },
	{ ACT_CANCEL,	 27,		0, 0,  "Esc",	1 },
	{ ACT_NEXT,	 '\t',		0, 0,  "Tab",	1 },
	{ ACT_PREV,	 KEY_BTAB,	1, 0,  "S-Tab",	0 },
	{ ACT_FIND,	 '/',		0, 0,  "/",	1 },
	{ ACT_FIND_NEXT, 'n',		0, 0,  "n",	0 },
	{ ACT_REDRAW,	 '\f',		0, 0,  "^L",	0 },
};
const size_t keys_nbindings = sizeof keys_bindings / sizeof keys_bindings[0];

/* The bar label of an action. */
const char *
keys_action_label(enum action a)
{
	if (a < 0 || a >= ACT__COUNT)
		return "";
	return actions[a].label;
}

/* The help text of an action. */
const char *
keys_action_help(enum action a)
{
	if (a < 0 || a >= ACT__COUNT)
		return "";
	return actions[a].help;
}

/* Finds the binding of function key n. */
const struct binding *
keys_for_fkey(int n)
{
	size_t	i;

	for (i = 0; i < keys_nbindings; i++) {
		if (keys_bindings[i].fkey == n)
			return &keys_bindings[i];
	}
	return NULL;
}

/* Maps a raw key to its bound action. */
enum action
keys_lookup(int key, int is_code)
{
	size_t	i;

	for (i = 0; i < keys_nbindings; i++) {
		if (keys_bindings[i].key == key &&
		    keys_bindings[i].is_code == (is_code != 0))
			return keys_bindings[i].action;
	}
	return ACT_NONE;
}

/* Fills ev for a plain key press. */
static void
keys_event(struct keyev *ev, int rc, wint_t ch)
{
	memset(ev, 0, sizeof *ev);
	if (rc == KEY_CODE_YES) {
		ev->code = (int)ch;
		ev->action = keys_lookup((int)ch, 1);
	} else {
		ev->ch = ch;
		ev->action = keys_lookup((int)ch, 0);
	}
}

/* Fills ev for a lone Esc. */
static void
keys_esc(struct keyev *ev)
{
	keys_event(ev, OK, 27);
}

/* Decodes one key, turning Esc followed by a digit into a function key. */
int
keys_feed(struct keydec *kd, int rc, wint_t ch, long now, struct keyev *ev)
{
	const struct binding	*b;
	int			 n;

	if (kd->esc_pending) {
		kd->esc_pending = 0;
		if (rc == OK && ch >= L'0' && ch <= L'9') {
			n = ch == L'0' ? 10 : (int)(ch - L'0');
			memset(ev, 0, sizeof *ev);
			ev->code = KEY_F(n);
			b = keys_for_fkey(n);
			ev->action = b != NULL ? b->action : ACT_NONE;
			return 1;
		}
		/*
		 * Esc then anything else is a cancel followed by that key,
		 * except a second Esc, which just means "cancel now".
		 */
		if (!(rc == OK && ch == 27)) {
			keys_event(&kd->next, rc, ch);
			kd->has_next = 1;
		}
		keys_esc(ev);
		return 1;
	}
	if (rc == OK && ch == 27) {
		kd->esc_pending = 1;
		kd->esc_deadline = now + KEYS_ESC_WAIT_MS;
		return 0;
	}
	keys_event(ev, rc, ch);
	return 1;
}

/* Hands out the key held back after a lone Esc. */
int
keys_next(struct keydec *kd, struct keyev *ev)
{
	if (!kd->has_next)
		return 0;
	*ev = kd->next;
	kd->has_next = 0;
	return 1;
}

/* Recognises Enter however the terminal sends it. */
int
keys_is_enter(const struct keyev *ev)
{
	if (ev->code != 0)
		return ev->code == KEY_ENTER;
	return ev->ch == L'\r' || ev->ch == L'\n';
}

/* Completes a lone Esc once its wait has run out. */
int
keys_timeout(struct keydec *kd, long now, struct keyev *ev)
{
	if (!kd->esc_pending || now < kd->esc_deadline)
		return 0;
	kd->esc_pending = 0;
	keys_esc(ev);
	return 1;
}

/* Tells the input loop how long it may sleep. */
int
keys_wait_ms(const struct keydec *kd, long now)
{
	if (!kd->esc_pending)
		return -1;
	if (kd->esc_deadline <= now)
		return 0;
	return (int)(kd->esc_deadline - now);
}

/* Builds "F1 Hjälp  F2 Spara ..." from the bindings marked for the bar. */
void
keys_bar(char *out, size_t len)
{
	size_t	i;

	if (len == 0)
		return;
	out[0] = '\0';
	for (i = 0; i < keys_nbindings; i++) {
		if (!keys_bindings[i].on_bar)
			continue;
		if (out[0] != '\0')
			strlcat(out, " ", len);
		strlcat(out, keys_bindings[i].keyname, len);
		strlcat(out, " ", len);
		strlcat(out, keys_action_label(keys_bindings[i].action), len);
	}
}

/* Reads the monotonic clock in milliseconds. */
long
keys_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Scrolling keys of a read-only page: a line, a page or to an end. */
static const struct {
	int	code;
	int	dir;
	int	unit;		/* 0 a line, 1 a page, 2 to the end */
} keys_scrolls[] = {
	{ KEY_UP, -1, 0 },
	{ KEY_DOWN, 1, 0 },
	{ KEY_PPAGE, -1, 1 },
	{ KEY_NPAGE, 1, 1 },
	{ KEY_HOME, -1, 2 },
	{ KEY_END, 1, 2 },
};

/*
 * Moves *top for a scrolling key on a page of n lines, page lines at a
 * time; 1 when code was one. The caller clamps *top.
 */
int
keys_scroll_by(int code, int page, int n, int *top)
{
	size_t	i;

	for (i = 0; i < sizeof keys_scrolls / sizeof keys_scrolls[0]; i++) {
		if (keys_scrolls[i].code != code)
			continue;
		if (keys_scrolls[i].unit == 2)
			*top = keys_scrolls[i].dir < 0 ? 0 : n;
		else
			*top += keys_scrolls[i].dir *
			    (keys_scrolls[i].unit == 0 ? 1 : page);
		return 1;
	}
	return 0;
}

/*
 * keys_scroll_by() for a page shown rows at a time, a page key keeping
 * one line of the last page in sight.
 */
int
keys_scroll(int code, int rows, int n, int *top)
{
	return keys_scroll_by(code, rows > 1 ? rows - 1 : 1, n, top);
}
