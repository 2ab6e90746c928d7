/*
 * Choosing a samverkansorganisation to work on: a superadministratör
 * searches them all by name; anyone else chooses among those where they
 * hold an uppdrag in force for the screen's role. Shared by Hantera
 * uppdrag, Hantera samverkansorg and Hantera kompletterande frågor.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

static const struct tbl_col samorg_choice_cols[] = {
	{ "Samverkansorganisation", 30, 60, 0, NULL, 0 },
};

/* Fetches every page of an uppdrag search into all. */
int
uppdrag_fetch_all(struct ui *ui, struct msg_uppdrag_search *req,
    struct msg_uppdrag_list *all)
{
	struct msg_uppdrag_list	rep;
	int			rv;

	memset(all, 0, sizeof *all);
	for (;;) {
		memset(&rep, 0, sizeof rep);
		req->offset = all->nrows;
		req->limit = LIST_PAGE_ROWS;
		if ((rv = ui_call(ui, MSG_UPPDRAG_SEARCH, req,
		    MSG_UPPDRAG_LIST, &rep)) != 0) {
			msg_clear(MSG_UPPDRAG_LIST, all);
			return rv;
		}
		if (rep.nrows > 0) {
			all->rows = xreallocarray(all->rows,
			    all->nrows + rep.nrows, sizeof *all->rows);
			/* The strings change owner with the rows. */
			memcpy(&all->rows[all->nrows], rep.rows,
			    rep.nrows * sizeof *rep.rows);
			all->nrows += rep.nrows;
		}
		free(rep.rows);
		all->total = rep.total;
		if (rep.nrows == 0 || all->nrows >= rep.total)
			return 0;
	}
}

/* Reports whether an uppdrag is in force today. */
int
uppdrag_in_force(const struct uppdrag_row *r, const char *today)
{
	return strcmp(r->giltig_from, today) <= 0 &&
	    (r->giltig_tom[0] == '\0' || strcmp(r->giltig_tom, today) >= 0);
}

/*
 * The samverkansorganisationer where the user holds an uppdrag in force
 * for role, each once, appended to pl as id and name.
 */
int
samorg_own(struct ui *ui, uint32_t role, struct plist *pl)
{
	struct msg_uppdrag_search req;
	struct msg_uppdrag_list	 all;
	struct uppdrag_row	*r;
	const char		*v[1];
	char			 today[16];
	size_t			 i, j;
	int			 rv;

	memset(&req, 0, sizeof req);
	req.user_id = ui->login.user_id;
	if ((rv = uppdrag_fetch_all(ui, &req, &all)) != 0)
		return rv;
	date_today_plus(0, 0, today, sizeof today);
	for (i = 0; i < all.nrows; i++) {
		r = &all.rows[i];
		if (r->roll != role || r->insats_id != 0 ||
		    !uppdrag_in_force(r, today))
			continue;
		for (j = 0; j < pl->vl.loaded; j++) {
			if (pl->rows[j].id == r->samorg_id)
				break;
		}
		if (j < pl->vl.loaded)
			continue;
		v[0] = r->samorg;
		plist_add(pl, r->samorg_id, 0, v);
	}
	msg_clear(MSG_UPPDRAG_LIST, &all);
	return 0;
}

/* Chooser fetch: the user's own samverkansorganisationer, all at once. */
static int
samorg_fetch_own(struct plist *pl, size_t offset, size_t limit,
    size_t *total)
{
	struct samorg_pick	*p = pl->arg;
	int			 rv = 0;

	(void)limit;
	if (offset == 0)
		rv = samorg_own(p->ui, p->role, pl);
	*total = pl->vl.loaded;
	return rv;
}

/*
 * Appends a page of the samverkansorganisationer whose name matches
 * pattern to pl, as id and name, for a chooser's fetch; 0 or the
 * ui_call result.
 */
int
samorg_search_page(struct ui *ui, const char *pattern, struct plist *pl,
    size_t offset, size_t limit, size_t *total)
{
	struct msg_samorg_search req;
	struct msg_samorg_list	 rep;
	const char		*v[1];
	size_t			 i;
	int			 rv;

	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.pattern = (char *)pattern;
	req.offset = (uint32_t)offset;
	req.limit = (uint32_t)limit;
	if ((rv = ui_call(ui, MSG_SAMORG_SEARCH, &req, MSG_SAMORG_LIST,
	    &rep)) != 0)
		return rv;
	for (i = 0; i < rep.nrows; i++) {
		v[0] = rep.rows[i].namn;
		plist_add(pl, rep.rows[i].id, 0, v);
	}
	*total = rep.total;
	msg_clear(MSG_SAMORG_LIST, &rep);
	return 0;
}

/* Chooser fetch: every samverkansorganisation matching the name. */
static int
samorg_fetch_all(struct plist *pl, size_t offset, size_t limit,
    size_t *total)
{
	struct samorg_pick	*p = pl->arg;

	return samorg_search_page(p->ui, p->ch->pattern, pl, offset, limit,
	    total);
}

/*
 * Sets up ch to choose a samverkansorganisation for role; p must live as
 * long as ch. The picked row's id is the organisation, cell[0] its name.
 */
void
samorg_chooser_init(struct chooser *ch, struct samorg_pick *p, struct ui *ui,
    uint32_t role)
{
	int	super = (ui->login.roles & ROLE_SUPERADMIN) != 0;

	p->ui = ui;
	p->role = role;
	p->ch = ch;
	chooser_init(ch, "samverkansorganisation", super, samorg_choice_cols,
	    1, super ? samorg_fetch_all : samorg_fetch_own, p);
}
