/*
 * Registrera deltagare: the kompletterande frågor of the occasion
 * (domain.md 2.3, rule 44), those of the insats's samverkansorganisation
 * asked at this occasion and valid on its date, fetched with
 * MSG_DELTAGARE_FRAGOR and fetched again when the date changes. Each
 * question is a line of text with * when it must be answered, followed
 * by its answer: Ja/Nej and a single choice as a choice, a multiple
 * choice as check boxes, an integer as a field of digits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "deltagare_form.h"
#include "proto.h"
#include "xmalloc.h"

#define DF_UNANSWERED	"(ej besvarad)"

static const char *const df_janej[] = { DF_UNANSWERED, "Ja", "Nej" };

/* Forgets the questions and their fields. */
void
df_fragor_free(struct deltagare_form *e)
{
	size_t	i;

	for (i = 0; i < e->nq; i++) {
		free(e->q[i].text);
		free(e->q[i].names);
		free(e->q[i].alt);
	}
	free(e->q);
	e->q = NULL;
	e->nq = 0;
	if (e->fragor_loaded)
		msg_clear(MSG_FRAGA_LIST, &e->fragor);
	memset(&e->fragor, 0, sizeof e->fragor);
	e->fragor_loaded = 0;
	if (e->nfields > DF_Q)
		e->nfields = DF_Q;
	e->form.nfields = e->nfields;
	if (e->form.focus >= e->nfields)
		e->form.focus = DF_H_FRAGOR;
}

/* Answer fields a question takes. */
static size_t
df_fraga_nfields(const struct msg_fraga *r)
{
	return r->svarstyp == SVAR_FLERVAL ? r->nalternativ : 1;
}

/* An empty field at i, drawn indented under its question. */
static struct mfield *
df_fraga_field(struct deltagare_form *e, size_t i, enum mfield_kind kind)
{
	memset(&e->fields[i], 0, sizeof e->fields[i]);
	memset(&e->meta[i], 0, sizeof e->meta[i]);
	e->fields[i].kind = kind;
	e->fields[i].label = "";
	e->meta[i].indent = 2;
	return &e->fields[i];
}

/* Makes the fields of question k from row r, from field i on. */
static size_t
df_fraga_build(struct deltagare_form *e, size_t k, const struct msg_fraga *r,
    size_t i)
{
	struct df_fraga	*q = &e->q[k];
	struct mfield	*f;
	uint32_t	 j;

	q->fraga_id = r->id;
	q->svarstyp = r->svarstyp;
	q->obligatorisk = r->obligatorisk;
	/* A no-break space keeps the mark on the line of the last word. */
	(void)xasprintf(&q->text, "%zu. %s%s", k + 1, r->namn != NULL ?
	    r->namn : "", r->obligatorisk ? "\u00a0*" : "");
	f = df_fraga_field(e, i, MF_TEXT);
	f->text = q->text;
	e->meta[i].indent = 0;
	e->meta[i].attr = A_BOLD;
	e->meta[i].blank = k > 0;
	q->first = ++i;
	q->n = df_fraga_nfields(r);
	q->nalt = r->nalternativ;
	q->alt = xcalloc(r->nalternativ + 1, sizeof *q->alt);
	switch (r->svarstyp) {
	case SVAR_JANEJ:
		f = df_fraga_field(e, i, MF_CHOICE);
		f->choices = df_janej;
		f->nchoices = sizeof df_janej / sizeof df_janej[0];
		break;
	case SVAR_ENVAL:
		q->names = xcalloc(r->nalternativ + 1, sizeof *q->names);
		q->names[0] = DF_UNANSWERED;
		for (j = 0; j < r->nalternativ; j++) {
			q->names[j + 1] = r->alternativ[j].text != NULL ?
			    r->alternativ[j].text : "";
			q->alt[j + 1] = r->alternativ[j].id;
		}
		f = df_fraga_field(e, i, MF_CHOICE);
		f->choices = q->names;
		f->nchoices = r->nalternativ + 1;
		break;
	case SVAR_FLERVAL:
		for (j = 0; j < r->nalternativ; j++) {
			f = df_fraga_field(e, i + j, MF_CHECK);
			f->text = r->alternativ[j].text;
			q->alt[j] = r->alternativ[j].id;
		}
		break;
	default:
		f = df_fraga_field(e, i, MF_ENTRY);
		entry_init(&f->entry, DF_HELTAL_DIGITS, 0);
		f->hint = "Ett heltal.";
		e->meta[i].digits = 1;
		break;
	}
	return i + q->n;
}

/* Makes the questions' fields from the list fetched. */
static void
df_fragor_build(struct deltagare_form *e)
{
	uint32_t	k;
	size_t		n = DF_Q, i = DF_Q;

	for (k = 0; k < e->fragor.nrows; k++)
		n += 1 + df_fraga_nfields(&e->fragor.rows[k]);
	df_fields_reserve(e, n + 1);
	e->q = xcalloc(e->fragor.nrows + 1, sizeof *e->q);
	for (k = 0; k < e->fragor.nrows; k++) {
		i = df_fraga_build(e, k, &e->fragor.rows[k], i);
		e->nq++;
	}
	e->nfields = i;
	e->form.fields = e->fields;
	e->form.nfields = i;
}

/*
 * Fetches the questions for the date in the date field and the occasion,
 * keeping the answers given to questions still asked; 0 on success.
 */
int
df_fragor_fetch(struct screen *s)
{
	struct deltagare_form		*e = s->data;
	struct msg_deltagare_fragor	 req;
	struct msg_fraga_list		 rep;
	struct svar_row			*keep;
	uint32_t			 nkeep = 0;
	char				 datum[16];
	size_t				 focus = e->form.focus;

	df_entry_text(e, DF_DATUM, datum, sizeof datum);
	if (!date_valid(datum))
		return -1;
	memset(&req, 0, sizeof req);
	memset(&rep, 0, sizeof rep);
	req.insats_id = e->insats_id;
	req.datum = datum;
	req.tillfalle = e->typ;
	if (ui_call(s->ui, MSG_DELTAGARE_FRAGOR, &req, MSG_FRAGA_LIST,
	    &rep) != 0)
		return -1;
	keep = df_fragor_answers(e, &nkeep);
	df_fragor_free(e);
	e->fragor = rep;
	e->fragor_loaded = 1;
	snprintf(e->fragor_datum, sizeof e->fragor_datum, "%s", datum);
	e->fragor_typ = e->typ;
	df_fragor_build(e);
	df_fragor_apply(e, keep, nkeep);
	free(keep);
	e->form.focus = focus < e->nfields ? focus : DF_H_FRAGOR;
	df_arrange(s);
	return 0;
}

/* Reports whether the date field holds another date than was fetched. */
int
df_fragor_stale(const struct deltagare_form *e)
{
	char	datum[16];

	df_entry_text(e, DF_DATUM, datum, sizeof datum);
	if (!date_valid(datum))
		return 0;
	return !e->fragor_loaded || e->fragor_typ != e->typ ||
	    strcmp(datum, e->fragor_datum) != 0;
}

/* Appends an answer row. */
static struct svar_row *
df_svar_add(struct svar_row **rows, uint32_t *n, uint32_t fraga_id)
{
	struct svar_row	*r;

	*rows = xreallocarray(*rows, *n + 1, sizeof **rows);
	r = &(*rows)[(*n)++];
	memset(r, 0, sizeof *r);
	r->fraga_id = fraga_id;
	return r;
}

/* The answers given, as svar rows; an unanswered question has none. */
struct svar_row *
df_fragor_answers(const struct deltagare_form *e, uint32_t *n)
{
	const struct df_fraga	*q;
	const struct mfield	*f;
	struct svar_row		*rows = xcalloc(1, sizeof *rows), *r;
	char			 v[32];
	size_t			 k, j;

	*n = 0;
	for (k = 0; k < e->nq; k++) {
		q = &e->q[k];
		f = &e->fields[q->first];
		switch (q->svarstyp) {
		case SVAR_JANEJ:
			if (f->value != 0)
				df_svar_add(&rows, n, q->fraga_id)->ja =
				    f->value == 1;
			break;
		case SVAR_ENVAL:
			if (f->value != 0)
				df_svar_add(&rows, n, q->fraga_id)->
				    alternativ_id = q->alt[f->value];
			break;
		case SVAR_FLERVAL:
			for (j = 0; j < q->n; j++) {
				if (f[j].value)
					df_svar_add(&rows, n, q->fraga_id)->
					    alternativ_id = q->alt[j];
			}
			break;
		default:
			df_entry_text(e, q->first, v, sizeof v);
			if (v[0] == '\0' || strspn(v, "0123456789") !=
			    strlen(v))
				break;
			r = df_svar_add(&rows, n, q->fraga_id);
			r->har_heltal = 1;
			r->heltal = (uint32_t)strtoul(v, NULL, 10);
			break;
		}
	}
	return rows;
}

/* The index of option id among a question's, 0 when none. */
static size_t
df_alt_index(const struct df_fraga *q, size_t from, size_t n, uint32_t id)
{
	size_t	j;

	for (j = from; j < n; j++) {
		if (q->alt[j] == id)
			return j;
	}
	return 0;
}

/* Sets one question's fields from an answer row. */
static void
df_fraga_set(struct deltagare_form *e, const struct df_fraga *q,
    const struct svar_row *r)
{
	struct mfield	*f = &e->fields[q->first];
	char		 v[16];
	size_t		 j;

	switch (q->svarstyp) {
	case SVAR_JANEJ:
		f->value = r->ja ? 1 : 2;
		break;
	case SVAR_ENVAL:
		f->value = (int)df_alt_index(q, 1, q->nalt + 1,
		    r->alternativ_id);
		break;
	case SVAR_FLERVAL:
		for (j = 0; j < q->n; j++) {
			if (q->alt[j] == r->alternativ_id)
				f[j].value = 1;
		}
		break;
	default:
		if (r->har_heltal) {
			snprintf(v, sizeof v, "%u", r->heltal);
			(void)entry_set(&f->entry, v);
		}
		break;
	}
}

/* Sets the answer fields from svar rows; the others are emptied. */
void
df_fragor_apply(struct deltagare_form *e, const struct svar_row *svar,
    uint32_t n)
{
	const struct df_fraga	*q;
	size_t			 k, j;
	uint32_t		 i;

	for (k = 0; k < e->nq; k++) {
		q = &e->q[k];
		for (j = 0; j < q->n; j++) {
			e->fields[q->first + j].value = 0;
			if (e->fields[q->first + j].kind == MF_ENTRY)
				entry_clear(&e->fields[q->first + j].entry);
		}
		for (i = 0; i < n; i++) {
			if (svar[i].fraga_id == q->fraga_id)
				df_fraga_set(e, q, &svar[i]);
		}
	}
}

/* Reports whether a question has an answer in its fields. */
static int
df_fraga_answered(const struct deltagare_form *e, const struct df_fraga *q)
{
	char	v[32];
	size_t	j;

	if (q->svarstyp == SVAR_HELTAL) {
		df_entry_text(e, q->first, v, sizeof v);
		return v[0] != '\0';
	}
	for (j = 0; j < q->n; j++) {
		if (e->fields[q->first + j].value != 0)
			return 1;
	}
	return 0;
}

/* The first mandatory question without an answer, or NULL. */
const struct df_fraga *
df_fragor_missing(const struct deltagare_form *e)
{
	size_t	k;

	for (k = 0; k < e->nq; k++) {
		if (e->q[k].obligatorisk && !df_fraga_answered(e, &e->q[k]))
			return &e->q[k];
	}
	return NULL;
}
