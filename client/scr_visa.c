/*
 * Visa användare (domain.md 5.2), read-only for every role: "Uppdrag i
 * samverkansorg" lists who holds which uppdrag in a samverkansorganisation
 * and its insatser; "Organisationens användare" lists the users an
 * organisation employs, with their roles. Each first chooses what to
 * show, then pages through the list; Esc goes back to the choice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

struct visa_kind {
	const char		*what;		/* in the chooser's sentences */
	const char		*label;		/* before the chosen name */
	const char		*none;		/* an empty list */
	const struct tbl_col	*ccols;		/* the chooser's */
	size_t			 nccols;
	plist_fetch		 cfetch;
	const struct tbl_col	*lcols;		/* the list's */
	size_t			 nlcols;
	plist_fetch		 lfetch;
};

struct visa {
	const struct visa_kind	*kind;
	int			 started;
	int			 listing;
	struct chooser		 ch;
	struct plist		 list;
	uint32_t		 target_id;
	char			 target[256];
};

/* Rows above the list: the chosen name, the count, a blank row. */
#define VISA_LIST_TOP	3

/* Short role names, for a Roll column too narrow for the full ones. */
static const struct {
	uint32_t	 bit;
	const char	*brief;
} visa_brief[] = {
	{ ROLE_SUPERADMIN, "Superadm." },
	{ ROLE_SAMVERKANSADMIN, "Samverkansadm." },
	{ ROLE_INSATSANSVARIG, "Insatsansvarig" },
	{ ROLE_DELTAGARANSVARIG, "Deltagaransv." },
	{ ROLE_SUSRAPPORT, "SUSrapport" },
};

/*
 * The uppdrag's role: in full when every full name fits the column, so
 * that the column does not mix the two forms.
 */
static const char *
visa_show_roll(const struct plist_row *r, int width, char *buf, size_t len)
{
	const char	*full = role_name(r->aux);
	size_t		 i;

	if (width >= text_width("Samverkansadministratör"))
		return full;
	for (i = 0; i < sizeof visa_brief / sizeof visa_brief[0]; i++) {
		if (visa_brief[i].bit == r->aux)
			return visa_brief[i].brief;
	}
	return full;
}

/*
 * A user's roles, named when they fit, else as short codes; a registered
 * beställare is said too, as it is why some users have no role at all.
 */
static const char *
visa_show_roles(const struct plist_row *r, int width, char *buf, size_t len)
{
	const char	*best = "beställare";
	int		 room = width;

	if (r->aux & ROLE_BESTALLARE)
		room -= text_width(best) + 2;
	if ((r->aux & ROLE_ANY) == 0 && (r->aux & ROLE_BESTALLARE)) {
		snprintf(buf, len, "%s", best);
		return buf;
	}
	picker_role_list(r->aux & ROLE_ANY, room, buf, len);
	if (r->aux & ROLE_BESTALLARE) {
		strlcat(buf, ", ", len);
		strlcat(buf, best, len);
	}
	return buf;
}

static const struct tbl_col visa_samorg_cols[] = {
	{ "Samverkansorganisation", 30, 60, 0, NULL, 0 },
};

enum { VO_NAMN, VO_TYP, VO__COUNT };

static const struct tbl_col visa_org_cols[VO__COUNT] = {
	[VO_NAMN] = { "Organisation", 30, 40, 0, NULL, 0 },
	[VO_TYP] = { "Organisationstyp", 12, 30, 1, NULL, 0 },
};

/* Who first, then the role: names need the room more than dates. */
enum { VU_NAMN, VU_ROLL, VU_INSATS, VU_ARBETSGIVARE, VU_FROM, VU_TOM,
	VU__COUNT };

static const struct tbl_col visa_uppdrag_cols[VU__COUNT] = {
	[VU_NAMN] = { "Namn", 11, 16, 0, NULL, 0 },
	[VU_ROLL] = { "Roll", 14, 23, 0, visa_show_roll, 1 },
	[VU_INSATS] = { "Insats", 10, 20, 4, NULL, 0 },
	[VU_ARBETSGIVARE] = { "Arbetsgivare", 12, 40, 1, NULL, 0 },
	[VU_FROM] = { "Från", 10, 10, 2, NULL, 0 },
	[VU_TOM] = { "Till", 10, 10, 3, NULL, 0 },
};

enum { VA_EFTERNAMN, VA_FORNAMN, VA_ROLLER, VA_EPOST, VA_STATUS,
	VA__COUNT };

static const struct tbl_col visa_user_cols[VA__COUNT] = {
	[VA_EFTERNAMN] = { "Efternamn", 10, 16, 0, NULL, 0 },
	[VA_FORNAMN] = { "Förnamn", 8, 12, 0, NULL, 0 },
	[VA_ROLLER] = { "Roller", 12, 70, 0, visa_show_roles, 0 },
	[VA_EPOST] = { "E-post", 12, 30, 1, NULL, 0 },
	[VA_STATUS] = { "Status", 7, 7, 2, NULL, 0 },
};

/* Chooser fetch: samverkansorganisationer matching the name. */
static int
visa_fetch_samorg(struct plist *pl, size_t offset, size_t limit,
    size_t *total)
{
	struct screen	*s = pl->arg;
	struct visa	*v = s->data;

	return samorg_search_page(s->ui, v->ch.pattern, pl, offset, limit,
	    total);
}

/* Chooser fetch: organisations matching the name. */
static int
visa_fetch_org(struct plist *pl, size_t offset, size_t limit, size_t *total)
{
	struct screen		*s = pl->arg;
	struct visa		*v = s->data;
	struct msg_org_search	 req;
	struct msg_org_list	 rep;
	const char		*cells[VO__COUNT];
	size_t			 i;
	int			 rv;

	memset(&rep, 0, sizeof rep);
	req.pattern = v->ch.pattern;
	req.offset = (uint32_t)offset;
	req.limit = (uint32_t)limit;
	if ((rv = ui_call(s->ui, MSG_ORG_SEARCH, &req, MSG_ORG_LIST,
	    &rep)) != 0)
		return rv;
	for (i = 0; i < rep.nrows; i++) {
		cells[VO_NAMN] = rep.rows[i].namn;
		cells[VO_TYP] = rep.rows[i].organisationstyp;
		plist_add(pl, rep.rows[i].id, 0, cells);
	}
	*total = rep.total;
	msg_clear(MSG_ORG_LIST, &rep);
	return 0;
}

/* List fetch: the uppdrag in the samverkansorganisation and its insatser. */
static int
visa_fetch_uppdrag(struct plist *pl, size_t offset, size_t limit,
    size_t *total)
{
	struct screen		*s = pl->arg;
	struct visa		*v = s->data;
	struct msg_uppdrag_search req;
	struct msg_uppdrag_list	 rep;
	struct uppdrag_row	*r;
	const char		*cells[VU__COUNT];
	char			 namn[2 * SUS_NAME_MAX + 2];
	size_t			 i;
	int			 rv;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.samorg_id = v->target_id;
	req.offset = (uint32_t)offset;
	req.limit = (uint32_t)limit;
	if ((rv = ui_call(s->ui, MSG_UPPDRAG_SEARCH, &req, MSG_UPPDRAG_LIST,
	    &rep)) != 0)
		return rv;
	for (i = 0; i < rep.nrows; i++) {
		r = &rep.rows[i];
		snprintf(namn, sizeof namn, "%s %s", r->fornamn, r->efternamn);
		cells[VU_ROLL] = NULL;
		cells[VU_NAMN] = namn;
		cells[VU_ARBETSGIVARE] = r->arbetsgivare;
		cells[VU_INSATS] = r->insats_id != 0 ? r->insats : "–";
		cells[VU_FROM] = r->giltig_from;
		cells[VU_TOM] = r->giltig_tom;
		plist_add(pl, r->id, r->roll, cells);
	}
	*total = rep.total;
	msg_clear(MSG_UPPDRAG_LIST, &rep);
	return 0;
}

/* List fetch: the users the organisation employs, any role. */
static int
visa_fetch_users(struct plist *pl, size_t offset, size_t limit,
    size_t *total)
{
	struct screen		*s = pl->arg;
	struct visa		*v = s->data;
	struct msg_user_search	 req;
	struct msg_user_list	 rep;
	struct user_row		*u;
	const char		*cells[VA__COUNT];
	size_t			 i;
	int			 rv;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.fornamn = req.efternamn = req.arbetsgivare = "";
	req.organisation_id = v->target_id;
	req.offset = (uint32_t)offset;
	req.limit = (uint32_t)limit;
	if ((rv = ui_call(s->ui, MSG_USER_SEARCH, &req, MSG_USER_LIST,
	    &rep)) != 0)
		return rv;
	for (i = 0; i < rep.nrows; i++) {
		u = &rep.rows[i];
		cells[VA_EFTERNAMN] = u->efternamn;
		cells[VA_FORNAMN] = u->fornamn;
		cells[VA_ROLLER] = NULL;
		cells[VA_EPOST] = u->epost;
		cells[VA_STATUS] = u->aktiv ? "aktiv" : "inaktiv";
		plist_add(pl, u->id, (u->roles & ROLE_ANY) |
		    (u->bestallare_tom[0] != '\0' ? ROLE_BESTALLARE : 0),
		    cells);
	}
	*total = rep.total;
	msg_clear(MSG_USER_LIST, &rep);
	return 0;
}

static const struct visa_kind visa_uppdrag_kind = {
	"samverkansorganisation", "Samverkansorganisation",
	"Ingen har uppdrag här.",
	visa_samorg_cols, 1, visa_fetch_samorg,
	visa_uppdrag_cols, VU__COUNT, visa_fetch_uppdrag,
};

static const struct visa_kind visa_org_kind = {
	"organisation", "Organisation",
	"Organisationen har inga användare i SUS.",
	visa_org_cols, VO__COUNT, visa_fetch_org,
	visa_user_cols, VA__COUNT, visa_fetch_users,
};

/* Shows the list for the chooser's row. */
static void
visa_pick(struct screen *s, const struct plist_row *row)
{
	struct visa	*v = s->data;

	v->target_id = row->id;
	snprintf(v->target, sizeof v->target, "%s", row->cell[0]);
	if (plist_load(&v->list) != 0)
		return;
	v->listing = 1;
}

/* Keys: the chooser first, then the list; Esc goes back. */
static int
visa_key(struct screen *s, const struct keyev *ev)
{
	struct visa	*v = s->data;
	int		 rv;

	if (v->listing) {
		if (ev->action == ACT_CANCEL) {
			v->listing = 0;
			plist_clear(&v->list);
			return 1;
		}
		if (ev->action == ACT_SEARCH) {
			plist_load(&v->list);
			return 1;
		}
		return plist_key(&v->list, s->ui, ev);
	}
	if (ev->action == ACT_CANCEL)
		return 0;
	rv = chooser_key(&v->ch, s->ui, ev);
	if (rv == CHOOSER_PICKED) {
		visa_pick(s, plist_current(&v->ch.pl));
		return 1;
	}
	return rv;
}

/* Fits the chooser and the list. */
static void
visa_layout(struct screen *s, int lines, int cols)
{
	struct visa	*v = s->data;
	int		 h = lines - VISA_LIST_TOP - 2;

	chooser_layout(&v->ch, lines);
	vlist_resize(&v->list.vl, h > 0 ? (size_t)h : 1);
}

/* Draws the chooser, or the chosen name and its list. */
static void
visa_draw(struct screen *s, WINDOW *w)
{
	struct visa	*v = s->data;
	char		 line[sizeof v->target + 64];
	int		 width = s->cols - 2;

	if (!v->listing) {
		chooser_draw(&v->ch, w, s->lines, s->cols);
		return;
	}
	/* The name matters more than the word before it. */
	snprintf(line, sizeof line, "%s: %s", v->kind->label, v->target);
	if (text_width(line) > width)
		snprintf(line, sizeof line, "%s", v->target);
	wattron(w, A_BOLD);
	text_put(w, 0, 1, line, width);
	wattroff(w, A_BOLD);
	if (v->list.vl.total == 0)
		snprintf(line, sizeof line, "%s", v->kind->none);
	else
		snprintf(line, sizeof line, "Rad %zu av %zu.",
		    v->list.vl.cursor + 1, v->list.vl.total);
	text_put(w, 1, 1, line, width);
	if (v->list.vl.total > 0)
		plist_draw(&v->list, w, VISA_LIST_TOP, 1, width, 1);
	wattron(w, A_DIM);
	text_put(w, s->lines - 1, 1, "Uppgifterna visas endast. Esc väljer "
	    "en annan.", width);
	wattroff(w, A_DIM);
}

/* Loads the chooser the first time; fetches rows a larger window shows. */
static void
visa_enter(struct screen *s)
{
	struct visa	*v = s->data;

	if (!v->started && remote_connected(s->ui->remote)) {
		v->started = 1;
		chooser_start(&v->ch, s->ui);
	} else if (v->listing)
		plist_fill(&v->list);
	else if (v->ch.pl.ready)
		plist_fill(&v->ch.pl);
}

/* Places the cursor in the chooser's field. */
static int
visa_cursor(struct screen *s, int *y, int *x)
{
	struct visa	*v = s->data;

	if (v->listing)
		return 0;
	return chooser_cursor(&v->ch, s->cols, y, x);
}

/* Frees the screen's data. */
static void
visa_free(struct screen *s)
{
	struct visa	*v = s->data;

	plist_clear(&v->list);
	chooser_free(&v->ch);
	free(v);
}

static const struct screen_type scr_visa_uppdrag_type = {
	.title = "Uppdrag i samverkansorg",
	.enter = visa_enter,
	.layout = visa_layout,
	.draw = visa_draw,
	.key = visa_key,
	.free = visa_free,
	.cursor = visa_cursor,
};

static const struct screen_type scr_visa_org_type = {
	.title = "Organisationens användare",
	.enter = visa_enter,
	.layout = visa_layout,
	.draw = visa_draw,
	.key = visa_key,
	.free = visa_free,
	.cursor = visa_cursor,
};

/* Creates a Visa användare screen of a kind. */
static struct screen *
visa_new(struct ui *ui, const struct visa_kind *kind,
    const struct screen_type *type)
{
	struct screen	*s;
	struct visa	*v;

	v = xcalloc(1, sizeof *v);
	v->kind = kind;
	s = screen_new(ui, type, v);
	chooser_init(&v->ch, kind->what, 1, kind->ccols, kind->nccols,
	    kind->cfetch, s);
	plist_init(&v->list, kind->lcols, kind->nlcols, kind->lfetch, s);
	return s;
}

/* Uppdrag i samverkansorg. */
struct screen *
scr_visa_uppdrag_new(struct ui *ui)
{
	return visa_new(ui, &visa_uppdrag_kind, &scr_visa_uppdrag_type);
}

/* Organisationens användare. */
struct screen *
scr_visa_org_new(struct ui *ui)
{
	return visa_new(ui, &visa_org_kind, &scr_visa_org_type);
}
