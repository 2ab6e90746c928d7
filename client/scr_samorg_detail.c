/* The read-only detail view of one samverkansorganisation from a search. */
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "proto.h"
#include "xmalloc.h"

/* The fields shown, as a table of label and row member. */
static const struct {
	const char	*label;
	size_t		 off;
} detail_fields[] = {
	{ "Namn", offsetof(struct samorg_row, namn) },
	{ "Samverkansform", offsetof(struct samorg_row, samverkansform) },
	{ "Organisationsnummer",
	    offsetof(struct samorg_row, organisationsnummer) },
	{ "Startdatum", offsetof(struct samorg_row, startdatum) },
	{ "Slutdatum", offsetof(struct samorg_row, slutdatum) },
	{ "Kommuner", offsetof(struct samorg_row, kommuner) },
};

/* Returns the string member at off of a row. */
static const char *
detail_value(const struct samorg_row *r, size_t off)
{
	const char	*v = *(char *const *)(const void *)
	    ((const char *)r + off);

	return v != NULL ? v : "";
}

/* Draws label and value lines, wrapping long kommun lists. */
static void
detail_draw(struct screen *s, WINDOW *w)
{
	const struct samorg_row	*r = s->data;
	const char		*v;
	size_t			 i;
	int			 y = 1, lw = 21, vw = s->cols - lw - 4;

	for (i = 0; i < sizeof detail_fields / sizeof detail_fields[0]; i++) {
		v = detail_value(r, detail_fields[i].off);
		text_put(w, y, 2, detail_fields[i].label, lw);
		y += text_wrap(w, y, 2 + lw, *v != '\0' ? v : "–", vw,
		    s->lines - y - 3 > 1 ? s->lines - y - 3 : 1);
	}
	text_wrap(w, y + 1, 2, "Uppgifterna visas endast. Esc går tillbaka "
	    "till listan.", s->cols - 4, 2);
}

/* Frees the copied row. */
static void
detail_free(struct screen *s)
{
	struct samorg_row	*r = s->data;

	free(r->namn);
	free(r->samverkansform);
	free(r->organisationsnummer);
	free(r->startdatum);
	free(r->slutdatum);
	free(r->kommuner);
	free(r);
}

static const struct screen_type scr_samorg_detail_type = {
	.title = "Samverkansorganisation",
	.draw = detail_draw,
	.free = detail_free,
};

/* Copies a null string as empty. */
static char *
detail_dup(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

/* Creates a detail view of a copy of row. */
struct screen *
scr_samorg_detail_new(struct ui *ui, const struct samorg_row *row)
{
	struct samorg_row	*r;

	r = xcalloc(1, sizeof *r);
	r->id = row->id;
	r->namn = detail_dup(row->namn);
	r->samverkansform = detail_dup(row->samverkansform);
	r->organisationsnummer = detail_dup(row->organisationsnummer);
	r->startdatum = detail_dup(row->startdatum);
	r->slutdatum = detail_dup(row->slutdatum);
	r->kommuner = detail_dup(row->kommuner);
	return screen_new(ui, &scr_samorg_detail_type, r);
}

/* STUB: the samverkansorg client helper replaces this. */
struct screen *
scr_samorg_view_new(struct ui *ui, uint32_t samorg_id)
{
	(void)samorg_id;
	return scr_help_new(ui);
}
