/*
 * "Välj kommun, stadsdel" (domain.md 2.1, 5.2): a pop-up over Hantera
 * samverkansorg. Län is chosen from the code list, the kommun name typed
 * with '*'; the list shows each kommun followed by its stadsdelar, which
 * only Stockholm and Göteborg have. Space marks rows; Enter or F2 hands
 * the marked rows, or the one under the cursor, to the screen below,
 * which stores nothing until its own Spara.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* Län held for the choice: Sweden has 21, the code list may grow. */
#define KP_LAN_MAX	40

enum kp_zone {
	KZ_LAN,
	KZ_NAMN,
	KZ_LIST
};

struct kommun_pick {
	struct screen	*parent;
	kommun_pick_done done;
	const char	*lan_names[KP_LAN_MAX + 1];
	char		 lan_codes[KP_LAN_MAX + 1][3];
	size_t		 nlan;
	int		 lan;		/* in lan_names, 0 = every län */
	char		 lanskod[3];	/* of the search shown */
	enum kp_zone	 zone;
	struct chooser	 ch;
};

enum { KC_VALD, KC_KOMMUN, KC_STADSDEL, KC_LAN, KC__COUNT };

static const char *kp_show_mark(const struct plist_row *, int, char *,
    size_t);

static const struct tbl_col kp_cols[KC__COUNT] = {
	[KC_VALD] = { "Vald", 4, 4, 0, kp_show_mark, 0 },
	[KC_KOMMUN] = { "Kommun", 12, 20, 0, NULL, 1 },
	[KC_STADSDEL] = { "Stadsdel", 15, 24, 0, NULL, 0 },
	[KC_LAN] = { "Län", 20, 24, 1, NULL, 1 },
};

#define KP_WHOLE	"(hela kommunen)"

/* "[x]" on a marked row. */
static const char *
kp_show_mark(const struct plist_row *r, int width, char *buf, size_t len)
{
	return r->mark ? " [x]" : " [ ]";
}

/*
 * Fills a Län choice: "Alla län" with code "", then the code list "lan",
 * whose codes are the länskoder. Returns the number of choices.
 */
size_t
lan_choices(struct ui *ui, const char **names, char (*codes)[3], size_t max)
{
	const struct kod_row	*k[KP_LAN_MAX];
	size_t			 i, n;

	if (max == 0)
		return 0;
	names[0] = "Alla län";
	codes[0][0] = '\0';
	n = kod_codes(ui, "lan", 1, 0, k, max - 1 < KP_LAN_MAX ? max - 1 :
	    KP_LAN_MAX);
	for (i = 0; i < n; i++) {
		names[i + 1] = k[i]->namn;
		strlcpy(codes[i + 1], k[i]->kod, sizeof codes[i + 1]);
	}
	return n + 1;
}

/* Fetches a page of kommuner and stadsdelar for the län and name. */
static int
kp_fetch(struct plist *pl, size_t offset, size_t limit, size_t *total)
{
	struct screen		*s = pl->arg;
	struct kommun_pick	*kp = s->data;
	struct msg_kommun_search req;
	struct msg_kommun_list	 rep;
	struct kommun_row	*r;
	const char		*v[KC__COUNT];
	size_t			 i;
	int			 rv;

	/* Further pages keep the län of the search they belong to. */
	if (offset == 0)
		strlcpy(kp->lanskod, kp->lan_codes[kp->lan],
		    sizeof kp->lanskod);
	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.lanskod = kp->lanskod;
	req.pattern = kp->ch.pattern;
	req.offset = (uint32_t)offset;
	req.limit = (uint32_t)limit;
	if ((rv = ui_call(s->ui, MSG_KOMMUN_SEARCH, &req, MSG_KOMMUN_LIST,
	    &rep)) != 0)
		return rv;
	for (i = 0; i < rep.nrows; i++) {
		r = &rep.rows[i];
		v[KC_VALD] = NULL;
		v[KC_KOMMUN] = r->kommun;
		v[KC_STADSDEL] = r->stadsdel_id != 0 ? r->stadsdel : KP_WHOLE;
		v[KC_LAN] = r->lan;
		/* A kommunkod is four digits: it fits the row's id. */
		plist_add(pl, (uint32_t)strtoul(r->kommunkod, NULL, 10),
		    r->stadsdel_id, v);
	}
	*total = rep.total;
	msg_clear(MSG_KOMMUN_LIST, &rep);
	return 0;
}

/*
 * Hands over the marked rows, or the cursor's, and closes: returns 1
 * when it did (s is freed).
 */
static int
kp_ok(struct screen *s)
{
	struct kommun_pick	*kp = s->data;
	struct plist		*pl = &kp->ch.pl;
	struct plist_row	*r, *cur = plist_current(pl);
	struct samorg_kommun	*out;
	char			(*kod)[5];
	size_t			 i, n = 0;
	struct ui		*ui = s->ui;

	out = xcalloc(pl->vl.loaded + 1, sizeof *out);
	kod = xcalloc(pl->vl.loaded + 1, sizeof *kod);
	for (i = 0; i < pl->vl.loaded; i++) {
		r = &pl->rows[i];
		if (!r->mark && !(r == cur && kp->zone == KZ_LIST))
			continue;
		snprintf(kod[n], sizeof kod[n], "%04u", r->id % 10000);
		out[n].kommunkod = kod[n];
		out[n].kommun = r->cell[KC_KOMMUN];
		out[n].stadsdel_id = r->aux;
		out[n].stadsdel = r->aux != 0 ? r->cell[KC_STADSDEL] : "";
		out[n].lan = r->cell[KC_LAN];
		n++;
	}
	if (n == 0)
		ui_message(ui, 1, "Ingen kommun är vald. Sök, markera med "
		    "mellanslag och välj med Enter.");
	else
		kp->done(kp->parent, out, n);
	free(out);
	free(kod);
	if (n == 0)
		return 0;
	ui_pop(ui);
	return 1;
}

/* Space on a row: marks or unmarks it and moves down. */
static void
kp_mark(struct kommun_pick *kp)
{
	struct plist_row	*r = plist_current(&kp->ch.pl);

	if (r == NULL)
		return;
	r->mark = !r->mark;
	vlist_move(&kp->ch.pl.vl, 1);
	plist_fill(&kp->ch.pl);
}

/* Moves between Län, the name and the list. */
static void
kp_zone(struct kommun_pick *kp, int dir)
{
	int	z = (int)kp->zone;

	do
		z = (z + dir + 3) % 3;
	while (z == KZ_LIST && kp->ch.pl.vl.total == 0);
	kp->zone = (enum kp_zone)z;
	kp->ch.in_list = kp->zone == KZ_LIST;
}

/* Runs the search and goes to the list when it found anything. */
static void
kp_search(struct kommun_pick *kp, struct ui *ui)
{
	if (chooser_search(&kp->ch, ui) != 0)
		return;
	kp->zone = kp->ch.pl.vl.total > 0 ? KZ_LIST : KZ_NAMN;
	kp->ch.in_list = kp->zone == KZ_LIST;
}

/* Keys on the Län choice. */
static int
kp_lan_key(struct kommun_pick *kp, struct ui *ui, const struct keyev *ev)
{
	int	n = (int)kp->nlan;

	if (keys_is_enter(ev))
		kp_search(kp, ui);
	else if ((ev->code == 0 && ev->ch == L' ') || ev->code == KEY_RIGHT)
		kp->lan = (kp->lan + 1) % n;
	else if (ev->code == KEY_LEFT)
		kp->lan = (kp->lan + n - 1) % n;
	else if (ev->code == KEY_DOWN)
		kp_zone(kp, 1);
	return 1;
}

/* Routes keys: Esc closes, F2 chooses, Tab moves, the rest by zone. */
static int
kp_key(struct screen *s, const struct keyev *ev)
{
	struct kommun_pick	*kp = s->data;

	if (ev->action == ACT_CANCEL) {
		ui_pop(s->ui);
		return 1;
	}
	if (ev->action == ACT_SAVE) {
		(void)kp_ok(s);
		return 1;
	}
	if (ev->action == ACT_SEARCH) {
		kp_search(kp, s->ui);
		return 1;
	}
	if (ev->action == ACT_NEXT || ev->action == ACT_PREV) {
		kp_zone(kp, ev->action == ACT_NEXT ? 1 : -1);
		return 1;
	}
	/* Text typed on the Län row is a kommun name: never drop it. */
	if (kp->zone == KZ_LAN && ev->code == 0 && ev->ch != L' ' &&
	    iswprint((wint_t)ev->ch)) {
		kp->zone = KZ_NAMN;
		kp->ch.in_list = 0;
	}
	if (kp->zone == KZ_LAN)
		return kp_lan_key(kp, s->ui, ev);
	if (kp->zone == KZ_NAMN && ev->code == KEY_UP) {
		kp->zone = KZ_LAN;
		return 1;
	}
	if (kp->zone == KZ_LIST && ev->code == 0 && ev->ch == L' ') {
		kp_mark(kp);
		return 1;
	}
	if (kp->zone == KZ_NAMN && keys_is_enter(ev)) {
		kp_search(kp, s->ui);
		return 1;
	}
	if (chooser_key(&kp->ch, s->ui, ev) == CHOOSER_PICKED && kp_ok(s))
		return 1;	/* closed: s is gone */
	/* The chooser moves between its field and list by itself. */
	kp->zone = kp->ch.in_list ? KZ_LIST : KZ_NAMN;
	return 1;
}

/* The chooser's window: inside the frame, under the Län row. */
static WINDOW *
kp_sub(struct screen *s, WINDOW *w)
{
	return derwin(w, s->lines - 2, s->cols - 2, 1, 1);
}

/* Fits the list inside the frame. */
static void
kp_layout(struct screen *s, int lines, int cols)
{
	struct kommun_pick	*kp = s->data;

	chooser_layout(&kp->ch, lines - 2);
}

/* Draws the frame, the Län choice, the chooser and the keys. */
static void
kp_draw(struct screen *s, WINDOW *w)
{
	struct kommun_pick	*kp = s->data;
	WINDOW			*sub;
	char			 line[160];
	size_t			 i, marked = 0;
	int			 lw = kp->ch.form.label_width, iw = s->cols - 4;

	if ((sub = derwin(w, s->lines, s->cols, 0, 0)) != NULL) {
		box(sub, 0, 0);
		delwin(sub);
	}
	wattron(w, A_BOLD);
	text_put(w, 0, 2, " Välj kommun, stadsdel ", 23);
	wattroff(w, A_BOLD);
	if ((sub = kp_sub(s, w)) != NULL) {
		chooser_draw(&kp->ch, sub, s->lines - 2, s->cols - 2);
		delwin(sub);
	}
	text_put(w, 1, 2, "Län", lw);
	text_put(w, 1, 2 + lw, ": ", 2);
	snprintf(line, sizeof line, "‹ %s ›", kp->lan_names[kp->lan]);
	if (kp->zone == KZ_LAN)
		wattron(w, A_REVERSE);
	text_put(w, 1, 4 + lw, line, text_width(line));
	wattroff(w, A_REVERSE);
	for (i = 0; i < kp->ch.pl.vl.loaded; i++)
		marked += kp->ch.pl.rows[i].mark != 0;
	if (marked > 0)
		snprintf(line, sizeof line, "%zu markerade. Enter eller F2 "
		    "väljer, Esc avbryter.", marked);
	else
		snprintf(line, sizeof line, "%s", iw >= 60 ? "Mellanslag "
		    "markerar  Enter väljer  Tab byter  Esc avbryter" :
		    "Mellanslag markerar  Enter väljer  Esc avbryter");
	wattron(w, marked > 0 ? A_BOLD : A_DIM);
	text_put(w, s->lines - 2, 2, line, iw);
	wattroff(w, A_BOLD | A_DIM);
}

/* The cursor in the name field. */
static int
kp_cursor(struct screen *s, int *y, int *x)
{
	struct kommun_pick	*kp = s->data;

	if (kp->zone != KZ_NAMN ||
	    !chooser_cursor(&kp->ch, s->cols - 2, y, x))
		return 0;
	*y += 1;
	*x += 1;
	return 1;
}

/* Frees the rows. */
static void
kp_free(struct screen *s)
{
	struct kommun_pick	*kp = s->data;

	chooser_free(&kp->ch);
	free(kp);
}

static const struct screen_type kommun_pick_type = {
	.title = "Välj kommun, stadsdel",
	.layout = kp_layout,
	.draw = kp_draw,
	.key = kp_key,
	.free = kp_free,
	.cursor = kp_cursor,
};

/* Creates the pop-up with every län and an empty name, on the name. */
struct screen *
kommun_pick_new(struct ui *ui, struct screen *parent, kommun_pick_done done)
{
	struct screen		*s;
	struct kommun_pick	*kp;

	kp = xcalloc(1, sizeof *kp);
	kp->parent = parent;
	kp->done = done;
	kp->nlan = lan_choices(ui, kp->lan_names, kp->lan_codes,
	    KP_LAN_MAX + 1);
	kp->zone = KZ_NAMN;
	s = screen_new(ui, &kommun_pick_type, kp);
	chooser_init(&kp->ch, "kommun", 1, kp_cols, KC__COUNT, kp_fetch, s);
	kp->ch.field.label = "Kommunnamn";
	kp->ch.field.hint = "* är jokertecken; tomt visar alla";
	form_init(&kp->ch.form, &kp->ch.field, 1);
	return s;
}
