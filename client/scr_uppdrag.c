/*
 * Hantera uppdrag (the samverkansadministratörer and insatsansvariga of a
 * samverkansorganisation, rule 13) and Deltagaransvariga (of an insats,
 * rule 14). The screen first lists what the user may work on: for a
 * superadministratör everything, for others where they hold an uppdrag.
 * Then users are added through "Välj användare" and uppdrag marked for
 * removal; nothing is stored until F2 Spara sends all of it in one
 * request, which the server applies whole or not at all (rule 15).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

#define UPPDRAG_MAXPANELS	2

/* What the screen edits: a samverkansorganisation or an insats. */
struct uppdrag_kind {
	const char	*what;		/* in the chooser's sentences */
	const char	*label;		/* before the chosen name */
	uint16_t	 save;
	uint32_t	 own_role;	/* whose uppdrag give the choices */
	int		 insats;
	size_t		 npanels;
	struct {
		const char	*title;
		uint32_t	 roll;
	} panels[UPPDRAG_MAXPANELS];
};

static const struct uppdrag_kind uppdrag_samorg_kind = {
	"samverkansorganisation", "Samverkansorganisation",
	MSG_UPPDRAG_SAVE_SAMORG, ROLE_SAMVERKANSADMIN, 0, 2, {
		{ "Samverkansadministratörer", ROLE_SAMVERKANSADMIN },
		{ "Insatsansvariga för samverkansorganisationen",
		    ROLE_INSATSANSVARIG },
	},
};

static const struct uppdrag_kind uppdrag_insats_kind = {
	"insats", "Insats", MSG_UPPDRAG_SAVE_INSATS,
	ROLE_INSATSANSVARIG, 1, 1, {
		{ "Deltagaransvariga för insatsen", ROLE_DELTAGARANSVARIG },
	},
};

/* One row of a panel: an uppdrag, or a user added here and not saved. */
struct urow {
	uint32_t	 id;		/* the uppdrag; 0 while only added */
	uint32_t	 user_id;
	char		*fornamn;
	char		*efternamn;
	char		*epost;
	char		*arbetsgivare;
	char		*from;
	char		*tom;
	int		 remove;	/* marked "tas bort" */
};

struct upanel {
	const char	*title;
	uint32_t	 roll;
	struct urow	*rows;
	size_t		 n;
	struct vlist	 vl;
};

enum uppdrag_mode {
	UM_CHOOSE,
	UM_EDIT
};

struct uppdrag {
	const struct uppdrag_kind *kind;
	enum uppdrag_mode	 mode;
	struct chooser		 ch;
	struct samorg_pick	 pick;
	int			 started;	/* the chooser was loaded */
	uint32_t		 target_id;
	char			 target[512];
	struct upanel		 panels[UPPDRAG_MAXPANELS];
	size_t			 focus;
	char			 note[256];	/* said on return from a pop-up */
	/* Opened on one insats (from the Startsida): no chooser, Esc leaves. */
	uint32_t		 preset_id;
	char			 preset_namn[256];
	char			 preset_samorg[256];
};

/* Columns of a panel (domain.md 5.2), with what is pending first. */
enum { UC_ANDRING, UC_EFTERNAMN, UC_FORNAMN, UC_EPOST, UC_ARBETSGIVARE,
	UC_FROM, UC_TOM, UC__COUNT };

static const struct tbl_col uppdrag_cols[UC__COUNT] = {
	[UC_ANDRING] = { "Ändring", 8, 8, 0, NULL, 0 },
	[UC_EFTERNAMN] = { "Efternamn", 10, 20, 0, NULL, 0 },
	[UC_FORNAMN] = { "Förnamn", 8, 15, 0, NULL, 0 },
	[UC_EPOST] = { "E-post", 12, 30, 1, NULL, 0 },
	[UC_ARBETSGIVARE] = { "Arbetsgivare", 12, 30, 2, NULL, 0 },
	[UC_FROM] = { "Från", 10, 10, 0, NULL, 0 },
	[UC_TOM] = { "Till", 10, 10, 0, NULL, 0 },
};

/* The chooser's columns: samverkansorganisationer, insatser. */
static const struct tbl_col uppdrag_samorg_cols[] = {
	{ "Samverkansorganisation", 30, 60, 0, NULL, 0 },
};

enum { UI_NAMN, UI_SAMORG, UI_START, UI_SLUT, UI__COUNT };

static const struct tbl_col uppdrag_insats_cols[UI__COUNT] = {
	[UI_NAMN] = { "Insats", 20, 40, 0, NULL, 0 },
	[UI_SAMORG] = { "Samverkansorganisation", 18, 50, 3, NULL, 0 },
	[UI_START] = { "Startdatum", 10, 10, 2, NULL, 0 },
	[UI_SLUT] = { "Slutdatum", 10, 10, 1, NULL, 0 },
};

/*
 * Appends one page of the insatser matching pattern (of one
 * samverkansorganisation unless samorg_id is 0) to pl; 0 or the ui_call
 * result.
 */
int
insats_search_page(struct ui *ui, uint32_t samorg_id, const char *pattern,
    size_t offset, size_t limit, struct plist *pl, size_t *total,
    size_t *got)
{
	struct msg_insats_search req;
	struct msg_insats_list	 rep;
	struct insats_row	*r;
	const char		*v[UI__COUNT];
	size_t			 i;
	int			 rv;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.samorg_id = samorg_id;
	req.pattern = (char *)pattern;
	req.offset = (uint32_t)offset;
	req.limit = (uint32_t)limit;
	if ((rv = ui_call(ui, MSG_INSATS_SEARCH, &req, MSG_INSATS_LIST,
	    &rep)) != 0)
		return rv;
	for (i = 0; i < rep.nrows; i++) {
		r = &rep.rows[i];
		v[UI_NAMN] = r->namn;
		v[UI_SAMORG] = r->samorg;
		v[UI_START] = r->startdatum;
		v[UI_SLUT] = r->slutdatum;
		plist_add(pl, r->id, r->samorg_id, v);
	}
	*total = rep.total;
	*got = rep.nrows;
	msg_clear(MSG_INSATS_LIST, &rep);
	return 0;
}

/* Chooser fetch: every insats matching the name. */
static int
uppdrag_fetch_insats(struct plist *pl, size_t offset, size_t limit,
    size_t *total)
{
	struct screen	*s = pl->arg;
	struct uppdrag	*u = s->data;
	size_t		 got;

	return insats_search_page(s->ui, 0, u->ch.pattern, offset, limit,
	    pl, total, &got);
}

/*
 * Chooser fetch: the insatser of every samverkansorganisation where the
 * user is insatsansvarig, all at once.
 */
static int
uppdrag_fetch_own_insats(struct plist *pl, size_t offset, size_t limit,
    size_t *total)
{
	struct screen	*s = pl->arg;
	struct uppdrag	*u = s->data;
	struct plist	 orgs;
	size_t		 i, off, n, got;
	int		 rv = 0;

	if (offset != 0) {
		*total = pl->vl.loaded;
		return 0;
	}
	plist_init(&orgs, uppdrag_samorg_cols, 1, NULL, NULL);
	if ((rv = samorg_own(s->ui, u->kind->own_role, &orgs)) != 0)
		goto out;
	for (i = 0; i < orgs.vl.loaded; i++) {
		for (off = 0;; off += got) {
			if ((rv = insats_search_page(s->ui, orgs.rows[i].id,
			    "", off, LIST_PAGE_ROWS, pl, &n, &got)) != 0)
				goto out;
			if (got == 0 || off + got >= n)
				break;
		}
	}
out:
	plist_clear(&orgs);
	*total = pl->vl.loaded;
	return rv;
}

/* Frees the rows of every panel. */
static void
uppdrag_panels_clear(struct uppdrag *u)
{
	struct upanel	*p;
	struct urow	*r;
	size_t		 i, j;

	for (i = 0; i < u->kind->npanels; i++) {
		p = &u->panels[i];
		for (j = 0; j < p->n; j++) {
			r = &p->rows[j];
			free(r->fornamn);
			free(r->efternamn);
			free(r->epost);
			free(r->arbetsgivare);
			free(r->from);
			free(r->tom);
		}
		free(p->rows);
		p->rows = NULL;
		p->n = 0;
		vlist_reset(&p->vl, 0, 0);
	}
}

/* Appends a row to a panel and returns it, zeroed. */
static struct urow *
uppdrag_row_add(struct upanel *p)
{
	struct urow	*r;

	p->rows = xreallocarray(p->rows, p->n + 1, sizeof *p->rows);
	r = &p->rows[p->n++];
	memset(r, 0, sizeof *r);
	vlist_reset(&p->vl, p->n, p->n);
	return r;
}

/* The panel for a role, or NULL. */
static struct upanel *
uppdrag_panel(struct uppdrag *u, uint32_t roll)
{
	size_t	i;

	for (i = 0; i < u->kind->npanels; i++) {
		if (u->panels[i].roll == roll)
			return &u->panels[i];
	}
	return NULL;
}

/* Reports whether anything is added or marked and not yet saved. */
static int
uppdrag_dirty(const struct uppdrag *u)
{
	size_t	i, j;

	for (i = 0; i < u->kind->npanels; i++) {
		for (j = 0; j < u->panels[i].n; j++) {
			if (u->panels[i].rows[j].id == 0 ||
			    u->panels[i].rows[j].remove)
				return 1;
		}
	}
	return 0;
}

/* Loads the uppdrag of the chosen target into the panels. */
static int
uppdrag_load(struct screen *s)
{
	struct uppdrag		*u = s->data;
	struct msg_uppdrag_search req;
	struct msg_uppdrag_list	 all;
	struct uppdrag_row	*ur;
	struct upanel		*p;
	struct urow		*r;
	size_t			 i;
	int			 rv;

	memset(&req, 0, sizeof req);
	if (u->kind->insats)
		req.insats_id = u->target_id;
	else
		req.samorg_id = u->target_id;
	if ((rv = uppdrag_fetch_all(s->ui, &req, &all)) != 0)
		return rv;
	uppdrag_panels_clear(u);
	for (i = 0; i < all.nrows; i++) {
		ur = &all.rows[i];
		/* A samverkansorganisation's search brings its insatser too. */
		if (u->kind->insats ? ur->insats_id != u->target_id :
		    ur->insats_id != 0)
			continue;
		if ((p = uppdrag_panel(u, ur->roll)) == NULL)
			continue;
		r = uppdrag_row_add(p);
		r->id = ur->id;
		r->user_id = ur->user_id;
		r->fornamn = xstrdup(ur->fornamn);
		r->efternamn = xstrdup(ur->efternamn);
		r->epost = xstrdup(ur->epost);
		r->arbetsgivare = xstrdup(ur->arbetsgivare);
		r->from = xstrdup(ur->giltig_from);
		r->tom = xstrdup(ur->giltig_tom);
	}
	msg_clear(MSG_UPPDRAG_LIST, &all);
	for (i = 0; i < u->kind->npanels; i++)
		vlist_goto(&u->panels[i].vl, 0);
	return 0;
}

/* Opens the panels for the chooser's row. */
static void
uppdrag_pick(struct screen *s, const struct plist_row *row)
{
	struct uppdrag	*u = s->data;

	u->target_id = row->id;
	if (u->kind->insats && row->cell[UI_SAMORG][0] != '\0')
		snprintf(u->target, sizeof u->target, "%s (%s)",
		    row->cell[UI_NAMN], row->cell[UI_SAMORG]);
	else
		snprintf(u->target, sizeof u->target, "%s", row->cell[0]);
	if (uppdrag_load(s) != 0)
		return;
	u->mode = UM_EDIT;
	u->focus = 0;
}

/* Opens the panels of the insats the screen was opened on. */
static void
uppdrag_preset(struct screen *s)
{
	struct uppdrag		*u = s->data;
	struct plist_row	 row;
	char			 empty[1] = "";
	size_t			 i;

	memset(&row, 0, sizeof row);
	for (i = 0; i < TBL_MAXCOLS; i++)
		row.cell[i] = empty;
	row.id = u->preset_id;
	row.cell[UI_NAMN] = u->preset_namn;
	row.cell[UI_SAMORG] = u->preset_samorg;
	uppdrag_pick(s, &row);
}

/* Told by "Välj användare": adds the users to the role's panel. */
static void
uppdrag_picked(struct screen *s, uint32_t roll, const struct picker_pick *pk,
    size_t n, const char *from, const char *tom)
{
	struct uppdrag	*u = s->data;
	struct upanel	*p = uppdrag_panel(u, roll);
	struct urow	*r;
	size_t		 i, j, added = 0, had = 0;

	if (p == NULL)
		return;
	for (i = 0; i < n; i++) {
		for (j = 0; j < p->n; j++) {
			if (p->rows[j].user_id == pk[i].user_id)
				break;
		}
		if (j < p->n) {
			had++;
			continue;
		}
		r = uppdrag_row_add(p);
		r->user_id = pk[i].user_id;
		r->fornamn = xstrdup(pk[i].fornamn);
		r->efternamn = xstrdup(pk[i].efternamn);
		r->epost = xstrdup(pk[i].epost);
		r->arbetsgivare = xstrdup(pk[i].arbetsgivare);
		r->from = xstrdup(from);
		r->tom = xstrdup(tom);
		added++;
	}
	vlist_goto(&p->vl, p->n > 0 ? p->n - 1 : 0);
	if (had > 0)
		snprintf(u->note, sizeof u->note, "%zu tillagda, %zu hade "
		    "redan uppdraget. Spara med F2.", added, had);
	else
		snprintf(u->note, sizeof u->note, "%zu %s. Inget är sparat "
		    "förrän du trycker F2 Spara.", added,
		    added == 1 ? "tillagd" : "tillagda");
}

/* Minus on a row: marks it "tas bort", or takes back what was marked. */
static void
uppdrag_remove(struct screen *s)
{
	struct uppdrag	*u = s->data;
	struct upanel	*p = &u->panels[u->focus];
	struct urow	*r;
	size_t		 i;

	if (p->vl.cursor >= p->n)
		return;
	i = p->vl.cursor;
	r = &p->rows[i];
	if (r->id != 0) {
		r->remove = !r->remove;
		ui_message(s->ui, 0, r->remove ? "Markerad att tas bort. "
		    "Spara med F2." : "Tas inte bort.");
		return;
	}
	/* Added here only: forget it. */
	free(r->fornamn);
	free(r->efternamn);
	free(r->epost);
	free(r->arbetsgivare);
	free(r->from);
	free(r->tom);
	memmove(&p->rows[i], &p->rows[i + 1], (p->n - i - 1) * sizeof *r);
	p->n--;
	p->vl.total = p->vl.loaded = p->n;
	vlist_goto(&p->vl, i);
	ui_message(s->ui, 0, "Tillägget är borttaget.");
}

/* F2 Spara: every add and removal of every panel in one request. */
static void
uppdrag_save(struct screen *s)
{
	struct uppdrag		*u = s->data;
	struct msg_uppdrag_save	 req;
	struct msg_ok		 ok;
	struct upanel		*p;
	struct urow		*r;
	char			 said[SUS_MESSAGE_MAX + 1];
	size_t			 i, j;
	int			 rv;

	memset(&req, 0, sizeof req);
	memset(&ok, 0, sizeof ok);
	req.target_id = u->target_id;
	for (i = 0; i < u->kind->npanels; i++) {
		p = &u->panels[i];
		for (j = 0; j < p->n; j++) {
			r = &p->rows[j];
			if (r->id == 0) {
				req.adds = xreallocarray(req.adds,
				    req.nadds + 1, sizeof *req.adds);
				req.adds[req.nadds].user_id = r->user_id;
				req.adds[req.nadds].roll = p->roll;
				req.adds[req.nadds].giltig_from = r->from;
				req.adds[req.nadds++].giltig_tom = r->tom;
			} else if (r->remove) {
				req.removes = xreallocarray(req.removes,
				    req.nremoves + 1, sizeof *req.removes);
				req.removes[req.nremoves++].id = r->id;
			}
		}
	}
	if (req.nadds == 0 && req.nremoves == 0) {
		ui_message(s->ui, 0, "Det finns inga ändringar att spara.");
		return;
	}
	rv = ui_call(s->ui, u->kind->save, &req, MSG_OK, &ok);
	/* The strings belong to the rows: free only the arrays. */
	free(req.adds);
	free(req.removes);
	if (rv != 0)
		return;		/* the reason is shown; the changes stay */
	snprintf(said, sizeof said, "%s", ok.message != NULL &&
	    ok.message[0] != '\0' ? ok.message : "Ändringarna är sparade.");
	msg_clear(MSG_OK, &ok);
	if (uppdrag_load(s) != 0) {
		uppdrag_panels_clear(u);
		u->mode = UM_CHOOSE;
		ui_message(s->ui, 1, "Ändringarna är sparade, men uppdragen "
		    "kunde inte hämtas igen.");
		return;
	}
	/* After the reload, whose success cleared the message line. */
	ui_message(s->ui, 0, "%s", said);
}

/* Esc on the panels: asks first when something is not saved. */
static void
uppdrag_cancel(struct screen *s)
{
	static const char *const ask[] = {
		"Ändringarna är inte sparade. Avbryta ändå? (j/n)",
	};
	struct uppdrag	*u = s->data;

	if (uppdrag_dirty(u) && !ui_ask(s->ui, "Avbryta", ask, 1))
		return;
	uppdrag_panels_clear(u);
	u->mode = UM_CHOOSE;
	ui_message(s->ui, 0, "%s", "");
	if (u->preset_id != 0)
		ui_pop(s->ui);
}

/* Keys on the panels. */
static int
uppdrag_edit_key(struct screen *s, const struct keyev *ev)
{
	struct uppdrag	*u = s->data;
	struct upanel	*p = &u->panels[u->focus];

	if (ev->action == ACT_CANCEL) {
		uppdrag_cancel(s);
		return 1;
	}
	if (ev->action == ACT_SAVE) {
		uppdrag_save(s);
		return 1;
	}
	if (ev->action == ACT_NEXT || ev->action == ACT_PREV) {
		u->focus = (u->focus + (ev->action == ACT_NEXT ? 1 :
		    u->kind->npanels - 1)) % u->kind->npanels;
		return 1;
	}
	if ((ev->code == 0 && (ev->ch == L'+' || ev->ch == L'l')) ||
	    ev->code == KEY_IC) {
		ui_push(s->ui, picker_new(s->ui, s, p->roll, uppdrag_picked));
		return 1;
	}
	if ((ev->code == 0 && (ev->ch == L'-' || ev->ch == L't')) ||
	    ev->code == KEY_DC) {
		uppdrag_remove(s);
		return 1;
	}
	if (vlist_key(&p->vl, ev))
		return 1;
	if (ev->action != ACT_SEARCH)
		return 0;
	/* F3 fetches the panels again, when that loses nothing. */
	if (uppdrag_dirty(u))
		ui_message(s->ui, 1, "Spara med F2 eller avbryt med Esc "
		    "först.");
	else if (uppdrag_load(s) == 0)
		ui_message(s->ui, 0, "Uppdragen är hämtade igen.");
	return 1;
}

/* Routes keys: the chooser first, then the panels. */
static int
uppdrag_key(struct screen *s, const struct keyev *ev)
{
	struct uppdrag	*u = s->data;
	int		 rv;

	if (u->mode == UM_EDIT)
		return uppdrag_edit_key(s, ev);
	if (ev->action == ACT_CANCEL)
		return 0;
	rv = chooser_key(&u->ch, s->ui, ev);
	if (rv == CHOOSER_PICKED) {
		uppdrag_pick(s, plist_current(&u->ch.pl));
		return 1;
	}
	return rv;
}

/* Rows each panel shows in a screen of lines. */
static size_t
uppdrag_panel_rows(const struct uppdrag *u, int lines)
{
	int	n = (int)u->kind->npanels, avail = lines - 3, rows;

	rows = (avail - 2 * n - (n - 1)) / n;
	return rows > 1 ? (size_t)rows : 1;
}

/* Fits the chooser and the panels. */
static void
uppdrag_layout(struct screen *s, int lines, int cols)
{
	struct uppdrag	*u = s->data;
	size_t		 i, rows = uppdrag_panel_rows(u, lines);

	chooser_layout(&u->ch, lines);
	for (i = 0; i < u->kind->npanels; i++)
		vlist_resize(&u->panels[i].vl, rows);
}

/* Draws one panel from row y: title, column titles, rows. */
static void
uppdrag_draw_panel(struct screen *s, WINDOW *w, struct upanel *p, int y,
    int focused)
{
	const char	*v[UC__COUNT];
	char		 title[160];
	int		 cw[UC__COUNT], width = s->cols - 2, attr;
	size_t		 i, row;

	snprintf(title, sizeof title, "%s %s", focused ? "▶" : " ", p->title);
	wattron(w, A_BOLD);
	text_put(w, y, 0, title, width + 1);
	wattroff(w, A_BOLD);
	tbl_fit(uppdrag_cols, UC__COUNT, width, cw);
	tbl_draw_head(w, y + 1, 1, width, uppdrag_cols, cw, UC__COUNT);
	if (p->n == 0) {
		wattron(w, A_DIM);
		text_put(w, y + 2, 1, "Inga uppdrag. + lägger till.", width);
		wattroff(w, A_DIM);
		return;
	}
	for (i = 0; i < p->vl.height; i++) {
		row = p->vl.top + i;
		if (row >= p->n)
			break;
		v[UC_ANDRING] = p->rows[row].id == 0 ? "ny" :
		    p->rows[row].remove ? "tas bort" : "";
		v[UC_EFTERNAMN] = p->rows[row].efternamn;
		v[UC_FORNAMN] = p->rows[row].fornamn;
		v[UC_EPOST] = p->rows[row].epost;
		v[UC_ARBETSGIVARE] = p->rows[row].arbetsgivare;
		v[UC_FROM] = p->rows[row].from;
		v[UC_TOM] = p->rows[row].tom;
		attr = p->rows[row].remove ? A_DIM : A_NORMAL;
		if (row == p->vl.cursor)
			attr |= focused ? A_REVERSE : A_BOLD;
		wattron(w, attr);
		tbl_draw_row(w, y + 2 + (int)i, 1, width, cw, UC__COUNT, v);
		wattroff(w, attr);
	}
}

/* The bottom row: what is not saved yet, or which keys do what. */
static void
uppdrag_draw_status(struct screen *s, WINDOW *w)
{
	struct uppdrag	*u = s->data;
	char		 line[160];
	size_t		 i, j, adds = 0, removes = 0;
	int		 width = s->cols - 2;

	for (i = 0; i < u->kind->npanels; i++) {
		for (j = 0; j < u->panels[i].n; j++) {
			adds += u->panels[i].rows[j].id == 0;
			removes += u->panels[i].rows[j].remove;
		}
	}
	if (adds + removes > 0) {
		snprintf(line, sizeof line, "Ej sparat: %zu ny%s, %zu tas "
		    "bort. F2 Spara, Esc Avbryt.", adds, adds == 1 ? "" : "a",
		    removes);
		wattron(w, A_BOLD);
		text_put(w, s->lines - 1, 1, line, width);
		wattroff(w, A_BOLD);
		return;
	}
	wattron(w, A_DIM);
	if (u->kind->npanels > 1 && width >= 58)
		text_put(w, s->lines - 1, 1, "+ Lägg till  - Ta bort  "
		    "Tab Byt panel  F2 Spara  Esc Avbryt", width);
	else
		text_put(w, s->lines - 1, 1, "+ Lägg till  - Ta bort  "
		    "F2 Spara  Esc Avbryt", width);
	wattroff(w, A_DIM);
}

/* Draws the chooser, or the chosen target and its panels. */
static void
uppdrag_draw(struct screen *s, WINDOW *w)
{
	struct uppdrag	*u = s->data;
	char		 line[sizeof u->target + 64];
	size_t		 i, rows;
	int		 y = 2, width = s->cols - 2;

	if (u->mode == UM_CHOOSE) {
		chooser_draw(&u->ch, w, s->lines, s->cols);
		return;
	}
	/* The name matters more than the word before it. */
	snprintf(line, sizeof line, "%s: %s", u->kind->label, u->target);
	if (text_width(line) > width)
		snprintf(line, sizeof line, "%s", u->target);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, line, width);
	wattroff(w, A_BOLD);
	rows = uppdrag_panel_rows(u, s->lines);
	for (i = 0; i < u->kind->npanels; i++) {
		uppdrag_draw_panel(s, w, &u->panels[i], y, i == u->focus);
		y += 2 + (int)rows + 1;
	}
	uppdrag_draw_status(s, w);
}

/* Loads the chooser the first time, and says what a pop-up did. */
static void
uppdrag_enter(struct screen *s)
{
	struct uppdrag		*u = s->data;
	struct plist_row	*only;

	if (!u->started && u->preset_id != 0 &&
	    remote_connected(s->ui->remote)) {
		u->started = 1;
		uppdrag_preset(s);
	} else if (!u->started && remote_connected(s->ui->remote)) {
		u->started = 1;
		/* One choice only: straight to it, as there is no other. */
		if (chooser_start(&u->ch, s->ui) == 0 &&
		    (only = chooser_only(&u->ch)) != NULL)
			uppdrag_pick(s, only);
	} else if (u->mode == UM_CHOOSE && u->ch.pl.ready)
		plist_fill(&u->ch.pl);
	if (u->note[0] != '\0') {
		ui_message(s->ui, 0, "%s", u->note);
		u->note[0] = '\0';
	}
}

/* Places the cursor in the chooser's field. */
static int
uppdrag_cursor(struct screen *s, int *y, int *x)
{
	struct uppdrag	*u = s->data;

	if (u->mode != UM_CHOOSE)
		return 0;
	return chooser_cursor(&u->ch, s->cols, y, x);
}

/* Frees the screen's data. */
static void
uppdrag_free(struct screen *s)
{
	struct uppdrag	*u = s->data;

	uppdrag_panels_clear(u);
	chooser_free(&u->ch);
	free(u);
}

/* For the frame: unsaved picker results must not vanish unasked. */
static int
uppdrag_screen_dirty(struct screen *s)
{
	return uppdrag_dirty(s->data);
}

static const struct screen_type scr_uppdrag_samorg_type = {
	.title = "Hantera uppdrag",
	.enter = uppdrag_enter,
	.layout = uppdrag_layout,
	.draw = uppdrag_draw,
	.key = uppdrag_key,
	.free = uppdrag_free,
	.cursor = uppdrag_cursor,
	.dirty = uppdrag_screen_dirty,
};

static const struct screen_type scr_uppdrag_insats_type = {
	.title = "Deltagaransvariga",
	.enter = uppdrag_enter,
	.layout = uppdrag_layout,
	.draw = uppdrag_draw,
	.key = uppdrag_key,
	.free = uppdrag_free,
	.cursor = uppdrag_cursor,
	.dirty = uppdrag_screen_dirty,
};

/*
 * Creates the screen for a kind. A superadministratör searches all;
 * others choose among their own.
 */
static struct screen *
uppdrag_new(struct ui *ui, const struct uppdrag_kind *kind,
    const struct screen_type *type)
{
	struct screen	*s;
	struct uppdrag	*u;
	size_t		 i;
	int		 super = (ui->login.roles & ROLE_SUPERADMIN) != 0;

	u = xcalloc(1, sizeof *u);
	u->kind = kind;
	for (i = 0; i < kind->npanels; i++) {
		u->panels[i].title = kind->panels[i].title;
		u->panels[i].roll = kind->panels[i].roll;
		u->panels[i].vl.height = 1;
	}
	s = screen_new(ui, type, u);
	if (kind->insats)
		chooser_init(&u->ch, kind->what, super, uppdrag_insats_cols,
		    UI__COUNT, super ? uppdrag_fetch_insats :
		    uppdrag_fetch_own_insats, s);
	else
		samorg_chooser_init(&u->ch, &u->pick, ui,
		    kind->own_role);
	return s;
}

/* Hantera uppdrag: samverkansadministratörer and insatsansvariga. */
struct screen *
scr_uppdrag_samorg_new(struct ui *ui)
{
	return uppdrag_new(ui, &uppdrag_samorg_kind, &scr_uppdrag_samorg_type);
}

/* Deltagaransvariga of an insats. */
struct screen *
scr_uppdrag_insats_new(struct ui *ui)
{
	return uppdrag_new(ui, &uppdrag_insats_kind, &scr_uppdrag_insats_type);
}

/* Deltagaransvariga of one insats, without the chooser. */
struct screen *
scr_uppdrag_insats_open(struct ui *ui, uint32_t insats_id, const char *namn,
    const char *samorg)
{
	struct screen	*s;
	struct uppdrag	*u;

	s = uppdrag_new(ui, &uppdrag_insats_kind, &scr_uppdrag_insats_type);
	u = s->data;
	u->preset_id = insats_id;
	snprintf(u->preset_namn, sizeof u->preset_namn, "%s", namn);
	snprintf(u->preset_samorg, sizeof u->preset_samorg, "%s", samorg);
	return s;
}
