/*
 * The code lists of domain.md 3, fetched once per login with
 * MSG_KOD_SEARCH and kept: drop-downs on every screen read them from
 * here, so no list is written into the client.
 */
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* The lists and codes, fetched on first use; NULL if that failed. */
const struct msg_kod_list *
kod_lists(struct ui *ui)
{
	struct msg_kod_search	 req;
	struct msg_kod_list	*rep;

	if (ui->kod != NULL)
		return ui->kod;
	rep = xcalloc(1, sizeof *rep);
	memset(&req, 0, sizeof req);
	req.lista = (char *)"";
	if (ui_call(ui, MSG_KOD_SEARCH, &req, MSG_KOD_LIST, rep) != 0) {
		free(rep);
		return NULL;
	}
	ui->kod = rep;
	return rep;
}

/* Points out[] at the codes of lista, in the server's order. */
size_t
kod_codes(struct ui *ui, const char *lista, int active_only,
    uint32_t parent_id, const struct kod_row **out, size_t max)
{
	const struct msg_kod_list *l;
	const struct kod_row	*k;
	size_t			 i, n = 0;

	if ((l = kod_lists(ui)) == NULL)
		return 0;
	for (i = 0; i < l->nrows && n < max; i++) {
		k = &l->rows[i];
		if (strcmp(k->lista, lista) != 0)
			continue;
		if (active_only && !k->aktiv)
			continue;
		if (parent_id != 0 && k->overordnad_id != parent_id)
			continue;
		out[n++] = k;
	}
	return n;
}

/* A code's name by id, "" when unknown. */
const char *
kod_name(struct ui *ui, const char *lista, uint32_t id)
{
	const struct msg_kod_list *l;
	size_t			 i;

	if ((l = kod_lists(ui)) == NULL)
		return "";
	for (i = 0; i < l->nrows; i++) {
		if (l->rows[i].id == id && strcmp(l->rows[i].lista, lista) == 0)
			return l->rows[i].namn;
	}
	return "";
}

/* Drops the kept lists: the next use fetches them again. */
void
kod_forget(struct ui *ui)
{
	if (ui->kod == NULL)
		return;
	msg_clear(MSG_KOD_LIST, ui->kod);
	free(ui->kod);
	ui->kod = NULL;
}
