/*
 * The read-only view of one insats, open to every role and free of
 * personal data: its organisation and dates, the beskrivning, the
 * categorisation and whether participants lock it, the deltagaransvariga
 * (users, named with their employer) and the budget per year, fetched
 * whole with MSG_INSATS_GET. The page is broken into lines for the width
 * and scrolls. The keys the server's rights allow open Registrera
 * insats (F4), its Budget tab (F6) and Registrera antal (F7).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "client.h"
#include "insats.h"
#include "proto.h"
#include "xmalloc.h"

/* Label columns: of the base data, and of the categorisation. */
#define IV_LABEL_W	14
#define IV_KAT_W	21	/* "Preciserad inriktning" */
#define IV_CELLS	4
/* Columns of an amount: "999 999 999 999". */
#define IV_AMOUNT_W	15

enum iv_kind {
	IV_TEXT,	/* s[0] from column x */
	IV_PAIR,	/* label s[0] in x columns, and value s[1] */
	IV_HEAD,	/* a table's column titles */
	IV_ROW		/* a table's cells */
};

enum iv_table {
	IV_DA,
	IV_AR,
	IV__TABLES
};

struct iv_line {
	enum iv_kind	 kind;
	enum iv_table	 table;
	int		 attr;
	int		 x;
	char		*s[IV_CELLS];
};

struct iview {
	uint32_t	 id;
	struct msg_insats in;
	int		 loaded;
	int		 stale;		/* fetch again when shown */
	struct iv_line	*l;
	size_t		 n, cap;
	int		 width;		/* the lines are broken for it */
	int		 top;
};

static const struct tbl_col iv_da_cols[] = {
	{ "Namn", 15, 34, 0, NULL, 1 },
	{ "Arbetsgivare", 16, 40, 0, NULL, 0 },
	{ "Till", 12, 12, 1, NULL, 2 },
};

/* Fixed widths, so that the amounts line up on the right. */
static const struct tbl_col iv_ar_cols[] = {
	{ "År", 5, 5, 0, NULL, 0 },
	{ "Planerat", 8, 8, 0, NULL, 0 },
	{ "         Budget", IV_AMOUNT_W, IV_AMOUNT_W, 0, NULL, 0 },
	{ "         Utfall", IV_AMOUNT_W, IV_AMOUNT_W, 0, NULL, 0 },
};

static const struct {
	const struct tbl_col	*cols;
	size_t			 n;
} iv_tables[IV__TABLES] = {
	[IV_DA] = { iv_da_cols, sizeof iv_da_cols / sizeof iv_da_cols[0] },
	[IV_AR] = { iv_ar_cols, sizeof iv_ar_cols / sizeof iv_ar_cols[0] },
};

/* What a key may open: the right it needs and why it is refused. */
enum iv_open { IV_EDIT, IV_BUDGET, IV_VOLYM, IV__OPENS };

static const struct {
	int		 key;
	const char	*label;
	uint8_t		 right;
	const char	*refused;
} iv_opens[IV__OPENS] = {
	[IV_EDIT] = { 4, "F4 Ändra", INSATS_R_EDIT,
	    "Du får inte ändra den här insatsen." },
	[IV_BUDGET] = { 6, "F6 Budget", INSATS_R_EDIT,
	    "Du får inte ändra budgeten för den här insatsen." },
	[IV_VOLYM] = { 7, "F7 Antal", INSATS_R_VOLYM,
	    "Antal registreras av insatsansvariga, i volyminsatser." },
};

/* Frees the lines of the page. */
static void
iv_clear(struct iview *v)
{
	size_t	i, j;

	for (i = 0; i < v->n; i++) {
		for (j = 0; j < IV_CELLS; j++)
			free(v->l[i].s[j]);
	}
	v->n = 0;
}

/* Appends a zeroed line of a kind. */
static struct iv_line *
iv_push(struct iview *v, enum iv_kind kind, int attr)
{
	struct iv_line	*l;

	if (v->n == v->cap) {
		v->cap = v->cap == 0 ? 64 : v->cap * 2;
		v->l = xreallocarray(v->l, v->cap, sizeof *v->l);
	}
	l = &v->l[v->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->attr = attr;
	return l;
}

/* Appends one line of text from column x. */
static void
iv_text(struct iview *v, int x, int attr, const char *fmt, ...)
{
	struct iv_line	*l = iv_push(v, IV_TEXT, attr);
	va_list		 ap;

	l->x = x;
	va_start(ap, fmt);
	if (vasprintf(&l->s[0], fmt, ap) == -1)
		l->s[0] = xstrdup("");
	va_end(ap);
}

/* Appends text broken at spaces into lines from column x. */
static void
iv_wrap(struct iview *v, int x, int attr, const char *text)
{
	const char	*lines[512];
	char		 buf[8192 + 1];
	size_t		 i, n;
	int		 w = v->width - x;

	n = text_lines(text, w > 8 ? w : 8, buf, sizeof buf, lines, 512);
	for (i = 0; i < n; i++)
		iv_text(v, x, attr, "%s", lines[i]);
}

/*
 * Appends "Label: value" with the label in lw columns. A value too wide
 * for its column goes under the label, indented, over as many lines as
 * it needs.
 */
static void
iv_pair(struct iview *v, int lw, const char *label, const char *value)
{
	struct iv_line	*l = iv_push(v, IV_PAIR, A_NORMAL);
	int		 vw = v->width - lw - 2;

	l->x = lw;
	l->s[0] = xstrdup(label);
	if (value == NULL || *value == '\0') {
		l->s[1] = xstrdup("–");
		l->attr = A_DIM;
	} else if (text_width(value) <= vw)
		l->s[1] = xstrdup(value);
	else {
		l->s[1] = xstrdup("");
		iv_wrap(v, 2, A_NORMAL, value);
	}
}

/* Appends a blank line and a section title. */
static void
iv_title(struct iview *v, const char *fmt, ...)
{
	struct iv_line	*l;
	va_list		 ap;

	iv_text(v, 0, A_NORMAL, "%s", "");
	l = iv_push(v, IV_TEXT, A_BOLD);
	va_start(ap, fmt);
	if (vasprintf(&l->s[0], fmt, ap) == -1)
		l->s[0] = xstrdup("");
	va_end(ap);
}

/* Appends a table's titles, or says it is empty. */
static void
iv_head(struct iview *v, enum iv_table t, size_t n, const char *none)
{
	if (n == 0)
		iv_text(v, 0, A_DIM, "%s", none);
	else
		iv_push(v, IV_HEAD, A_NORMAL)->table = t;
}

/* Appends a table row; the cells are copied. */
static void
iv_row(struct iview *v, enum iv_table t, int attr, const char *const *c)
{
	struct iv_line	*l = iv_push(v, IV_ROW, attr);
	size_t		 i;

	l->table = t;
	for (i = 0; i < iv_tables[t].n; i++)
		l->s[i] = xstrdup(c[i] != NULL ? c[i] : "");
}

/* Writes text right-aligned in width columns. */
static void
iv_right(const char *text, int width, char *out, size_t len)
{
	int	pad = width - text_width(text);
	size_t	i;

	for (i = 0; (int)i < pad && i + 1 < len; i++)
		out[i] = ' ';
	out[i] = '\0';
	strlcat(out, text, len);
}

/* Writes an amount grouped the Swedish way, right-aligned. */
static void
iv_amount(uint64_t a, char *out, size_t len)
{
	char	text[32];

	budget_amount_text(a, text, sizeof text);
	iv_right(text, IV_AMOUNT_W, out, len);
}

/* Reports whether the insats only counts: mätningsmetod ANTAL. */
static int
iv_volym(struct ui *ui, uint32_t matningsmetod_id)
{
	const struct kod_row	*k[8];
	size_t			 i, n;

	n = kod_codes(ui, "matningsmetod", 0, 0, k, 8);
	for (i = 0; i < n; i++) {
		if (k[i]->id == matningsmetod_id)
			return strcmp(k[i]->kod, "ANTAL") == 0;
	}
	return 0;
}

/* The name, the organisation, the dates and the beskrivning. */
static void
iv_build_base(struct iview *v)
{
	const struct msg_insats	*in = &v->in;

	iv_text(v, 0, A_BOLD, "%s", in->namn);
	iv_text(v, 0, A_NORMAL, "%s", "");
	iv_pair(v, IV_LABEL_W, "Samverkansorg", in->samorg);
	iv_pair(v, IV_LABEL_W, "Samverkansform", in->samverkansform);
	iv_pair(v, IV_LABEL_W, "Startdatum", in->startdatum);
	iv_pair(v, IV_LABEL_W, "Slutdatum", in->slutdatum);
	iv_title(v, "Beskrivning");
	if (in->beskrivning[0] == '\0')
		iv_text(v, 0, A_DIM, "Ingen beskrivning.");
	else
		iv_wrap(v, 0, A_NORMAL, in->beskrivning);
}

/* The categorisation, the målgrupper and the lock. */
static void
iv_build_kat(struct iview *v)
{
	const struct msg_insats	*in = &v->in;
	uint32_t		 i;

	iv_title(v, "Kategorisering");
	if (in->inriktning_id == 0) {
		iv_text(v, 0, A_NORMAL, "Inte kategoriserad än.");
		iv_wrap(v, 0, A_DIM, "Deltagare kan registreras först när "
		    "insatsen är kategoriserad.");
	} else {
		iv_pair(v, IV_KAT_W, "Inriktning", in->inriktning);
		iv_pair(v, IV_KAT_W, "Preciserad inriktning", in->preciserad);
		iv_pair(v, IV_KAT_W, "Mätningsmetod", in->matningsmetod);
	}
	if (in->nmalgrupper > 0 || in->inriktning_id != 0)
		iv_text(v, 0, A_NORMAL, "Specifik målgrupp (%u)%s",
		    in->nmalgrupper, in->nmalgrupper == 0 ? ": ingen vald" :
		    "");
	for (i = 0; i < in->nmalgrupper; i++)
		iv_text(v, 2, A_NORMAL, "• %s", in->malgrupper[i].namn);
	iv_text(v, 0, A_NORMAL, "%s", "");
	iv_text(v, 0, A_NORMAL, "Antal registreringar: %u",
	    in->antal_deltagande);
	if (in->locked)
		iv_text(v, 0, A_BOLD, "Låst: det finns registrerade "
		    "deltagare.");
}

/* The deltagaransvariga in force: users, not participants. */
static void
iv_build_da(struct iview *v, struct ui *ui)
{
	const struct msg_insats	*in = &v->in;
	const struct uppdrag_row *u;
	const char		*c[3];
	char			 namn[512];
	uint32_t		 i;

	if (in->inriktning_id != 0 && iv_volym(ui, in->matningsmetod_id)) {
		iv_title(v, "Deltagaransvariga");
		iv_wrap(v, 0, A_DIM, "En volyminsats registrerar endast "
		    "antal och har inga deltagaransvariga.");
		return;
	}
	iv_title(v, "Deltagaransvariga (%u)", in->nda);
	iv_head(v, IV_DA, in->nda, "Ingen deltagaransvarig utsedd.");
	for (i = 0; i < in->nda; i++) {
		u = &in->deltagaransvariga[i];
		snprintf(namn, sizeof namn, "%s %s", u->fornamn, u->efternamn);
		c[0] = namn;
		c[1] = u->arbetsgivare;
		c[2] = u->giltig_tom[0] != '\0' ? u->giltig_tom :
		    "tills vidare";
		iv_row(v, IV_DA, A_NORMAL, c);
	}
}

/* Writes the cells of a budget year, or of the sum when ar is 0. */
static void
iv_ar_cells(uint32_t ar, const char *planerat, uint64_t budget,
    uint64_t utfall, char (*buf)[32])
{
	if (ar != 0)
		snprintf(buf[0], sizeof buf[0], "%u", ar);
	else
		strlcpy(buf[0], "Summa", sizeof buf[0]);
	iv_right(planerat, 8, buf[1], sizeof buf[1]);
	iv_amount(budget, buf[2], sizeof buf[2]);
	iv_amount(utfall, buf[3], sizeof buf[3]);
}

/* The budget per year, and the sum over the years. */
static void
iv_build_ar(struct iview *v)
{
	const struct msg_insats	*in = &v->in;
	const struct insats_ar_sum *a;
	const char		*c[IV_CELLS];
	char			 buf[IV_CELLS][32], planerat[16];
	uint64_t		 budget = 0, utfall = 0;
	uint32_t		 i;

	for (i = 0; i < IV_CELLS; i++)
		c[i] = buf[i];
	iv_title(v, "Budget per år (%u)", in->nar);
	iv_head(v, IV_AR, in->nar, "Ingen budget registrerad.");
	for (i = 0; i < in->nar; i++) {
		a = &in->ar[i];
		if (a->has_planerat)
			snprintf(planerat, sizeof planerat, "%u", a->planerat);
		else
			strlcpy(planerat, "–", sizeof planerat);
		iv_ar_cells(a->ar, planerat, a->budget, a->utfall, buf);
		iv_row(v, IV_AR, A_NORMAL, c);
		budget += a->budget;
		utfall += a->utfall;
	}
	if (in->nar > 1) {
		iv_ar_cells(0, "", budget, utfall, buf);
		iv_row(v, IV_AR, A_BOLD, c);
	}
}

/* Breaks the whole page into lines for a width. */
static void
iv_build(struct iview *v, struct ui *ui, int width)
{
	iv_clear(v);
	v->width = width;
	if (!v->loaded)
		return;
	iv_build_base(v);
	iv_build_kat(v);
	iv_build_da(v, ui);
	iv_build_ar(v);
}

/* The keys the rights allow, for the key line; "" when none. */
static void
iv_keys_text(const struct iview *v, char *out, size_t len)
{
	size_t	i;

	out[0] = '\0';
	for (i = 0; i < IV__OPENS; i++) {
		if (!(v->in.rights & iv_opens[i].right))
			continue;
		if (out[0] != '\0')
			strlcat(out, "  ", len);
		strlcat(out, iv_opens[i].label, len);
	}
}

/* Rows under the page: one, and one more for keys that open screens. */
static int
iv_footer_rows(const struct iview *v)
{
	return v->loaded && (v->in.rights & (INSATS_R_EDIT | INSATS_R_VOLYM)) ?
	    2 : 1;
}

/* Rows the page has above the key lines. */
static int
iv_rows(const struct screen *s)
{
	int	n = s->lines - iv_footer_rows(s->data);

	return n > 1 ? n : 1;
}

/* Keeps the first line shown within the page. */
static void
iv_clamp(struct screen *s)
{
	struct iview	*v = s->data;

	if (v->top > (int)v->n - iv_rows(s))
		v->top = (int)v->n - iv_rows(s);
	if (v->top < 0)
		v->top = 0;
}

int
insats_fetch(struct ui *ui, uint32_t id, struct msg_insats *in, int *loaded)
{
	struct msg_insats_get	 req;
	struct msg_insats	 rep;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.id = id;
	if (ui_call(ui, MSG_INSATS_GET, &req, MSG_INSATS, &rep) != 0)
		return -1;
	if (*loaded)
		msg_clear(MSG_INSATS, in);
	*in = rep;
	*loaded = 1;
	return 0;
}

/* Fetches the insats; on failure ui_call has said why and v is kept. */
static int
iv_load(struct screen *s)
{
	struct iview		*v = s->data;

	if (insats_fetch(s->ui, v->id, &v->in, &v->loaded) != 0)
		return -1;
	v->stale = 0;
	iv_build(v, s->ui, s->cols - 2);
	iv_clamp(s);
	return 0;
}

/* Draws one line of the page at row y. */
static void
iv_draw_line(struct screen *s, WINDOW *w, const struct iv_line *l, int y)
{
	const struct tbl_col	*cols = iv_tables[l->table].cols;
	size_t			 n = iv_tables[l->table].n;
	int			 cw[IV_CELLS], width = s->cols - 2;

	wattron(w, l->attr);
	switch (l->kind) {
	case IV_TEXT:
		text_put(w, y, 1 + l->x, l->s[0], width - l->x);
		break;
	case IV_PAIR:
		wattroff(w, l->attr);
		text_put(w, y, 1, l->s[0], l->x);
		text_put(w, y, 1 + l->x, ":", 1);
		wattron(w, l->attr);
		text_put(w, y, 3 + l->x, l->s[1], width - l->x - 2);
		break;
	case IV_HEAD:
		tbl_fit(cols, n, width, cw);
		tbl_draw_head(w, y, 1, width, cols, cw, n);
		break;
	case IV_ROW:
		tbl_fit(cols, n, width, cw);
		tbl_draw_row(w, y, 1, width, cw, n,
		    (const char *const *)l->s);
		break;
	}
	wattroff(w, l->attr);
}

/* Draws where the page is, and the keys that open screens. */
static void
iv_draw_footer(struct screen *s, WINDOW *w)
{
	struct iview	*v = s->data;
	char		 pos[96], keys[96];
	int		 rows = iv_rows(s), last = v->top + rows;

	if ((int)v->n > rows)
		snprintf(pos, sizeof pos, "Rad %d–%d av %zu (PgDn, PgUp)",
		    v->top + 1, last < (int)v->n ? last : (int)v->n, v->n);
	else
		strlcpy(pos, "Endast visning", sizeof pos);
	strlcat(pos, "  Esc tillbaka", sizeof pos);
	iv_keys_text(v, keys, sizeof keys);
	wattron(w, A_DIM);
	text_put(w, rows, 1, pos, s->cols - 2);
	wattroff(w, A_DIM);
	if (keys[0] != '\0')
		text_put(w, rows + 1, 1, keys, s->cols - 2);
}

/* Draws the visible lines and the footer. */
static void
iv_draw(struct screen *s, WINDOW *w)
{
	struct iview	*v = s->data;
	int		 i, rows;

	if (!v->loaded) {
		text_wrap(w, 1, 1, "Uppgifterna kunde inte hämtas. F3 försöker "
		    "igen, Esc går tillbaka.", s->cols - 2, 2);
		return;
	}
	if (v->width != s->cols - 2)
		iv_build(v, s->ui, s->cols - 2);
	iv_clamp(s);
	rows = iv_rows(s);
	for (i = 0; i < rows && v->top + i < (int)v->n; i++)
		iv_draw_line(s, w, &v->l[v->top + i], i);
	iv_draw_footer(s, w);
}

/* Opens what F4, F6 or F7 stands for, when the rights allow it. */
static void
iv_open(struct screen *s, enum iv_open o)
{
	struct iview	*v = s->data;
	struct screen	*next;

	if (!v->loaded || !(v->in.rights & iv_opens[o].right)) {
		ui_message(s->ui, 1, "%s", iv_opens[o].refused);
		return;
	}
	switch (o) {
	case IV_EDIT:
		next = scr_insats_edit_new(s->ui, v->id, v->in.samorg_id);
		break;
	case IV_BUDGET:
		next = scr_insats_budget_new(s->ui, v->id, v->in.namn);
		break;
	default:
		next = scr_volym_insats_new(s->ui, v->id);
		break;
	}
	v->stale = 1;
	ui_push(s->ui, next);
}

/* Scrolls for a scrolling key (keys_scroll()); 1 when it was one. */
static int
iv_scroll(struct screen *s, int code)
{
	struct iview	*v = s->data;

	if (!keys_scroll(code, iv_rows(s), (int)v->n, &v->top))
		return 0;
	iv_clamp(s);
	return 1;
}

/* F3 fetches again; F4, F6 and F7 open; the rest scrolls. */
static int
iv_key(struct screen *s, const struct keyev *ev)
{
	size_t	i;

	if (ev->action == ACT_SEARCH) {
		if (iv_load(s) == 0)
			ui_message(s->ui, 0, "Uppgifterna är hämtade igen.");
		return 1;
	}
	for (i = 0; i < IV__OPENS; i++) {
		if (ev->code == KEY_F(iv_opens[i].key)) {
			iv_open(s, (enum iv_open)i);
			return 1;
		}
	}
	return ev->code != 0 && iv_scroll(s, ev->code);
}

/* Fetches the insats the first time, and after a screen it opened. */
static void
iv_enter(struct screen *s)
{
	struct iview	*v = s->data;

	if ((!v->loaded || v->stale) && remote_connected(s->ui->remote))
		(void)iv_load(s);
}

static void
iv_free(struct screen *s)
{
	struct iview	*v = s->data;

	iv_clear(v);
	free(v->l);
	if (v->loaded)
		msg_clear(MSG_INSATS, &v->in);
	free(v);
}

static const struct screen_type scr_insats_view_type = {
	.title = "Visa insats",
	.enter = iv_enter,
	.draw = iv_draw,
	.key = iv_key,
	.free = iv_free,
};

/* Creates the view of one insats; it is fetched when shown. */
struct screen *
scr_insats_view_new(struct ui *ui, uint32_t insats_id)
{
	struct iview	*v;

	v = xcalloc(1, sizeof *v);
	v->id = insats_id;
	return screen_new(ui, &scr_insats_view_type, v);
}
