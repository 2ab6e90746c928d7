/*
 * The grid's send queue. Enter sends the cursor's row as one
 * MSG_BATCH_DELTAGARE under an idempotency key: 32 random bytes in hex,
 * made when the row is first sent and kept with it until an answer
 * arrives. A row whose send got no answer (the connection broke, or Esc
 * while waiting) keeps its key and shows "Ej skickad"; it cannot be
 * changed, and is sent again with the same key after reconnecting (at
 * the next Enter or F5), so that a send that did reach the server is
 * answered from the stored outcome and applied once. A refused row has
 * its outcome stored under its key, so the row, fixed, goes with a new
 * one. Keys typed ahead during a send belong to the next row: a refused
 * row does not take them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <unistd.h>

#include <sodium.h>

#include "client.h"
#include "grid.h"
#include "pnr.h"
#include "xmalloc.h"

/* grid_send(): the client found the row unfit and sent nothing. */
#define GRID_UNFIT	100

/* Buffers a request row points into while it is sent. */
struct grid_req {
	struct batch_deltagare_rad rad;
	char		 pnr[16];
	char		 datum[16];
	struct kod_ref	*fors;
	struct svar_row	*svar;
};

/* Frees what a request row allocated. */
static void
grid_req_free(struct grid_req *q)
{
	free(q->fors);
	free(q->svar);
	q->fors = NULL;
	q->svar = NULL;
}

/* Marks a cell as what is wrong with a row, the cursor there; -1. */
static int
grid_refuse(struct grid *g, size_t row, size_t col, int focus,
    const char *why)
{
	struct grid_row	*r = &g->rows[row];

	r->fel_col = (int)col;
	strlcpy(r->said, why, sizeof r->said);
	/* The column's short title: the message line has 80 columns. */
	grid_say_error(g, "Rad %zu, %s: %s", row + 1, g->cols[col].title,
	    why);
	grid_said(g, row, col);
	if (focus)
		grid_goto(g, row, col);
	return -1;
}

/* Appends an answer row for question fraga_id. */
static struct svar_row *
grid_svar_add(struct grid_req *q, uint32_t fraga_id)
{
	struct svar_row	*s;
	uint32_t	 n = q->rad.rad.tillfalle.nsvar;

	q->svar = xreallocarray(q->svar, n + 1, sizeof *q->svar);
	s = &q->svar[n];
	memset(s, 0, sizeof *s);
	s->fraga_id = fraga_id;
	q->rad.rad.tillfalle.nsvar = n + 1;
	q->rad.rad.tillfalle.svar = q->svar;
	return s;
}

/*
 * The codes of a cell, comma-separated, into ids (at most max); the
 * count, or -1 with the unknown one named in why.
 */
static int
grid_koder(const struct grid_col *c, const char *text, uint32_t *ids,
    size_t max, char *why, size_t len)
{
	char	 buf[GRID_CELL_MAX], *p, *one, *end;
	size_t	 n = 0;

	strlcpy(buf, text, sizeof buf);
	for (p = buf; (one = strsep(&p, ",")) != NULL;) {
		one += strspn(one, " ");
		for (end = one + strlen(one); end > one && end[-1] == ' ';)
			*--end = '\0';
		if (*one == '\0')
			continue;
		if (n == max || (ids[n] = grid_kod_id(c, one)) == 0) {
			snprintf(why, len, "\"%.40s\" finns inte; skriv "
			    "början och ta ett förslag med Tab.", one);
			return -1;
		}
		n++;
	}
	return (int)n;
}

/* One cell into the request row; 0, or -1 with why filled in. */
static int
grid_cell_put(struct grid *g, size_t row, size_t col, struct grid_req *q,
    char *why, size_t len)
{
	const struct grid_col	*c = &g->cols[col];
	struct tillfalle_row	*t = &q->rad.rad.tillfalle;
	struct pnr		 pn;
	char			 v[GRID_CELL_MAX];
	uint32_t		 ids[GRID_CELL_MAX / 2];
	int			 n, i, rv;

	grid_cell_text(g, row, col, v, sizeof v);
	switch (c->falt) {
	case BATCH_FALT_PNR:
		if (c->kind == GK_FAST)
			return 0;
		if (v[0] == '\0') {
			snprintf(why, len, "Skriv personnumret.");
			return -1;
		}
		if ((rv = pnr_parse(v, 0, &pn)) != PNR_OK) {
			snprintf(why, len, "%s.", pnr_strerror(rv));
			return -1;
		}
		strlcpy(q->pnr, pn.norm, sizeof q->pnr);
		return 0;
	case BATCH_FALT_DATUM:
		if (!date_valid(v)) {
			snprintf(why, len, "Skriv datumet som ÅÅÅÅ-MM-DD.");
			return -1;
		}
		strlcpy(q->datum, v, sizeof q->datum);
		return 0;
	case BATCH_FALT_SAMTYCKE:
		if (strcmp(v, "J") != 0) {
			snprintf(why, len, "Saknas: J när samtycket "
			    "(blankett 9443) är underskrivet.");
			return -1;
		}
		q->rad.rad.samtycke = 1;
		return 0;
	case BATCH_FALT_OMFATTNING:
		t->omfattning = (uint32_t)strtoul(v, NULL, 10);
		return 0;
	default:
		break;
	}
	if (c->kind == GK_SIFFROR) {
		if (v[0] != '\0') {
			grid_svar_add(q, c->fraga_id)->har_heltal = 1;
			q->svar[t->nsvar - 1].heltal = (uint32_t)strtoul(v,
			    NULL, 10);
		}
		return 0;
	}
	if (c->kind == GK_JN) {
		if (v[0] != '\0')
			grid_svar_add(q, c->fraga_id)->ja = strcmp(v, "J") ==
			    0;
		return 0;
	}
	if ((n = grid_koder(c, v, ids, sizeof ids / sizeof ids[0], why,
	    len)) < 0)
		return -1;
	if (c->kind == GK_KOD && n > 1) {
		snprintf(why, len, "Välj bara ett.");
		return -1;
	}
	switch (c->falt) {
	case BATCH_FALT_FORSORJNING:
		q->fors = xcalloc((size_t)n + 1, sizeof *q->fors);
		for (i = 0; i < n; i++)
			q->fors[i].id = ids[i];
		t->nforsorjning = (uint32_t)n;
		t->forsorjning = q->fors;
		break;
	case BATCH_FALT_SYSSELSATTNING:
		t->sysselsattning_id = n > 0 ? ids[0] : 0;
		break;
	case BATCH_FALT_UTBILDNING:
		t->utbildning_id = n > 0 ? ids[0] : 0;
		break;
	case BATCH_FALT_TID:
		t->tid_id = n > 0 ? ids[0] : 0;
		break;
	case BATCH_FALT_AVSLUT:
		t->avslut_id = n > 0 ? ids[0] : 0;
		break;
	case BATCH_FALT_FRAGA:
		for (i = 0; i < n; i++)
			grid_svar_add(q, c->fraga_id)->alternativ_id = ids[i];
		break;
	}
	return 0;
}

/*
 * Builds the request row of a grid row; 0 when the client finds it fit,
 * else the cell is marked and said (with the cursor there when focus).
 */
static int
grid_collect(struct grid *g, size_t row, struct grid_req *q, int focus)
{
	struct grid_row		*r = &g->rows[row];
	struct msg_deltagare_save *m = &q->rad.rad;
	char			 why[SUS_MESSAGE_MAX];
	size_t			 c;

	memset(q, 0, sizeof *q);
	q->rad.radnr = (uint32_t)(row + 1);
	m->insats_id = g->insats_id;
	m->deltagande_id = r->deltagande_id;
	m->personnummer = q->pnr;
	m->namn = (char *)"";
	m->kommunkod = (char *)"";
	m->samtycke_datum = (char *)"";
	m->tillfalle.typ = g->typ;
	m->tillfalle.datum = q->datum;
	m->tillfalle.andrad = (char *)"";
	m->tillfalle.andrad_av = (char *)"";
	for (c = 0; c < g->ncols; c++) {
		if (!grid_cell_enabled(g, row, c) &&
		    g->cols[c].kind != GK_FAST)
			continue;
		if (grid_cell_put(g, row, c, q, why, sizeof why) != 0) {
			grid_req_free(q);
			return grid_refuse(g, row, c, focus, why);
		}
	}
	return 0;
}

/* A new key: 32 random bytes as 64 lowercase hex digits. */
static void
grid_new_key(char *out, size_t len)
{
	unsigned char	b[SUS_BATCH_KEY_LEN / 2];

	randombytes_buf(b, sizeof b);
	sodium_bin2hex(out, len, b, sizeof b);
}

/* The cell a refusal names; the personnummer for the person's data. */
static int
grid_fel_col(const struct grid *g, const struct batch_resultat_rad *rr)
{
	int	c = grid_col_of(g, rr->falt, rr->fraga_id);

	if (c < 0 && (rr->falt == BATCH_FALT_NAMN || rr->falt ==
	    BATCH_FALT_KOMMUN || rr->falt == BATCH_FALT_STADSDEL))
		c = 0;
	return c;
}

/* Applies one row's outcome; the key has done its work. */
static void
grid_apply(struct grid *g, size_t row, const struct msg_batch_result *res,
    int focus)
{
	struct grid_row			*r = &g->rows[row];
	const struct batch_resultat_rad	*rr = NULL;
	const char			*said;
	uint32_t			 i;

	for (i = 0; i < res->nrader; i++) {
		if (res->rader[i].radnr == row + 1)
			rr = &res->rader[i];
	}
	r->nyckel[0] = '\0';
	if (rr == NULL) {
		r->status = GS_FEL;
		strlcpy(r->said, "Servern svarade inte för raden: skicka den "
		    "igen med Enter.", sizeof r->said);
		ui_message(g->ui, 1, "Rad %zu: %s", row + 1, r->said);
		return;
	}
	said = rr->meddelande != NULL ? rr->meddelande : "";
	r->fel_col = -1;
	g->upprepade += res->upprepad != 0;
	switch (rr->status) {
	case BATCH_OK:
		r->status = GS_SPARAD;
		snprintf(r->said, sizeof r->said, "Sparad%s.", res->upprepad ?
		    " (svaret på en tidigare sändning)" : "");
		ui_message(g->ui, 0, "Rad %zu är sparad%s.", row + 1,
		    res->upprepad ? " sedan tidigare sändning" : "");
		break;
	case BATCH_FINNS:
		r->status = GS_FANNS;
		strlcpy(r->said, *said != '\0' ? said : g->typ == FRAGA_UT ?
		    "Redan utregistrerad med samma slutdatum: inget nytt "
		    "sparades." : "Deltagaren var redan registrerad: inget nytt "
		    "sparades.", sizeof r->said);
		ui_message(g->ui, 0, "Rad %zu: %s", row + 1, r->said);
		break;
	default:
		r->status = GS_FEL;
		strlcpy(r->said, *said != '\0' ? said :
		    remote_errcode_text(rr->kod), sizeof r->said);
		r->fel_col = grid_fel_col(g, rr);
		/* The grid has no cells for a person typed by hand. */
		if (rr->falt == BATCH_FALT_NAMN || rr->falt ==
		    BATCH_FALT_KOMMUN || rr->falt == BATCH_FALT_STADSDEL)
			strlcat(r->said, " Registrera personen i Registrera "
			    "deltagare.", sizeof r->said);
		grid_say_error(g, "Rad %zu: %s", row + 1, r->said);
		if (r->fel_col >= 0)
			grid_said(g, row, (size_t)r->fel_col);
		if (focus)
			grid_goto(g, row, r->fel_col >= 0 ?
			    (size_t)r->fel_col : g->col);
		break;
	}
}

/*
 * Sends one row under its key (made now if it has none). Returns as
 * ui_call(), or GRID_UNFIT when the client found the row unfit.
 */
static int
grid_send(struct grid *g, size_t row, int focus)
{
	struct grid_row		*r = &g->rows[row];
	struct grid_req		 q;
	struct msg_batch_deltagare req;
	struct msg_batch_result	 res;
	int			 rv;

	if (grid_collect(g, row, &q, focus) != 0)
		return GRID_UNFIT;
	if (r->nyckel[0] == '\0')
		grid_new_key(r->nyckel, sizeof r->nyckel);
	memset(&req, 0, sizeof req);
	memset(&res, 0, sizeof res);
	req.insats_id = g->insats_id;
	req.nyckel = r->nyckel;
	req.nrader = 1;
	req.rader = &q.rad;
	r->status = GS_SPARAR;
	r->said[0] = '\0';
	rv = ui_call(g->ui, MSG_BATCH_DELTAGARE, &req, MSG_BATCH_RESULT,
	    &res);
	grid_req_free(&q);
	switch (rv) {
	case 0:
		grid_apply(g, row, &res, focus);
		msg_clear(MSG_BATCH_RESULT, &res);
		break;
	case REMOTE_REPLY_ERR:
	case REMOTE_BAD_REQUEST:
		/* Refused as a whole: nothing was applied under the key. */
		r->nyckel[0] = '\0';
		r->status = GS_FEL;
		r->fel_col = -1;
		strlcpy(r->said, g->ui->message, sizeof r->said);
		break;
	default:
		r->status = GS_EJ_SKICKAD;
		strlcpy(r->said, "Inget svar från servern: raden skickas igen "
		    "med samma nyckel (Enter eller F5).", sizeof r->said);
		break;
	}
	return rv;
}

/* Whether a send result leaves the row waiting for another try. */
static int
grid_unanswered(int rv)
{
	return rv != 0 && rv != GRID_UNFIT && rv != REMOTE_REPLY_ERR &&
	    rv != REMOTE_BAD_REQUEST;
}

/* Rows waiting to be sent again. */
size_t
grid_pending(const struct grid *g)
{
	size_t	i, n = 0;

	for (i = 0; i < g->nrows; i++)
		n += g->rows[i].status == GS_EJ_SKICKAD;
	return n;
}

/*
 * Sends every row that waits, in order, each with its own key; a row
 * whose send broke is tried once more after a reconnect. Returns 0, or
 * -1 when some row still waits.
 */
static int
grid_flush_rows(struct grid *g)
{
	size_t	i;
	int	rv, tries;

	for (i = 0; i < g->nrows; i++) {
		if (g->rows[i].status != GS_EJ_SKICKAD)
			continue;
		for (tries = 0; tries < 2; tries++) {
			rv = grid_send(g, i, 0);
			if (!grid_unanswered(rv))
				break;
			/* Esc, or no connection: the rest wait too. */
			if (rv == REMOTE_CANCELLED ||
			    !remote_connected(g->ui->remote))
				return -1;
		}
		if (g->rows[i].status == GS_EJ_SKICKAD)
			return -1;
	}
	return 0;
}

/* F5: sends again every row that waits for an answer. */
void
grid_flush(struct grid *g)
{
	size_t	n = grid_pending(g);

	if (n == 0) {
		ui_message(g->ui, 0, "Alla rader har fått svar.");
		return;
	}
	g->upprepade = 0;
	if (grid_flush_rows(g) == 0)
		ui_message(g->ui, 0, "%zu %s igen och har fått svar; %zu "
		    "hade kommit fram redan.", n, n == 1 ? "rad är skickad" :
		    "rader är skickade", g->upprepade);
}

/* The next row to type in after row: an open one, or a new one. */
static void
grid_next_row(struct grid *g, size_t row)
{
	size_t	i, first, nfel = 0;

	for (i = row + 1; i < g->nrows; i++) {
		if (g->rows[i].status == GS_NY || g->rows[i].status == GS_FEL)
			break;
	}
	if (i == g->nrows && g->growing)
		i = grid_add_row(g);
	if (i >= g->nrows) {
		for (i = 0; i < g->nrows; i++)
			nfel += g->rows[i].status == GS_FEL;
		if (nfel > 0)
			ui_message(g->ui, 1, "%zu %s: rätta med pilarna och "
			    "Enter.", nfel, nfel == 1 ? "rad har fel" :
			    "rader har fel");
		else if (grid_pending(g) == 0)
			ui_message(g->ui, 0, "Alla rader har fått svar. Esc går "
			    "tillbaka.");
		return;
	}
	/* The personnummer, or the first cell typed in an utregistrering. */
	first = 0;
	if (g->cols[0].kind == GK_FAST)
		first = 1;
	grid_goto(g, i, first);
}

/*
 * Whether keys typed after the Enter wait to be read: they were meant
 * for the next row, so a refused row must not take them.
 */
static int
grid_typed_ahead(const struct grid *g)
{
	struct pollfd	p;

	if (g->ui->nahead > 0)
		return 1;
	memset(&p, 0, sizeof p);
	p.fd = STDIN_FILENO;
	p.events = POLLIN;
	return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

/*
 * A row was refused: the cursor goes to the cell named, unless keys
 * typed ahead wait, which go to the next row; the refused row keeps
 * its mark and message for the user to come back to.
 */
static void
grid_refused(struct grid *g, size_t row)
{
	size_t	i;

	if (!grid_typed_ahead(g))
		return;
	for (i = row + 1; i < g->nrows; i++) {
		if (grid_row_open(&g->rows[i]))
			break;
	}
	/* No row to go on to: the keys are for this one after all. */
	if (i == g->nrows && !g->growing)
		return;
	grid_next_row(g, row);
}

/*
 * Enter: first what waits for an answer, then the cursor's row; when it
 * is stored, the next row to type in.
 */
void
grid_save_row(struct grid *g)
{
	struct grid_row	*r;
	struct grid_req	 q;
	size_t		 row = g->row;
	int		 rv, waited;

	if (g->nrows == 0)
		return;
	r = &g->rows[row];
	if (!grid_row_open(r)) {
		if (r->status == GS_EJ_SKICKAD)
			grid_flush(g);
		else
			grid_next_row(g, row);
		return;
	}
	if (g->growing && r->status == GS_NY && !grid_row_typed(g, row)) {
		/* Nothing typed: nothing to refuse, nothing to leave behind. */
		grid_goto(g, row, 0);
		ui_message(g->ui, 0, "Raden är tom: skriv personnumret först.");
		return;
	}
	(void)grid_complete(g);
	if (grid_collect(g, row, &q, 1) != 0) {
		r->status = GS_FEL;
		grid_refused(g, row);
		return;
	}
	grid_req_free(&q);
	waited = grid_pending(g) > 0;
	if (waited && grid_flush_rows(g) != 0) {
		/* No connection: the row gets its key and waits with them. */
		grid_new_key(r->nyckel, sizeof r->nyckel);
		r->status = GS_EJ_SKICKAD;
		strlcpy(r->said, "Inte skickad: raden skickas med sin nyckel "
		    "när förbindelsen finns (F5).", sizeof r->said);
		ui_message(g->ui, 1, "Inte ansluten: %zu %s på att skickas "
		    "(F5).", grid_pending(g), grid_pending(g) == 1 ?
		    "rad väntar" : "rader väntar");
		grid_next_row(g, row);
		return;
	}
	rv = grid_send(g, row, 1);
	if (grid_unanswered(rv) && rv != REMOTE_CANCELLED &&
	    remote_connected(g->ui->remote))
		rv = grid_send(g, row, 1);	/* reconnected meanwhile */
	if (r->status == GS_SPARAD || r->status == GS_FANNS ||
	    r->status == GS_EJ_SKICKAD)
		grid_next_row(g, row);
	else if (r->status == GS_FEL)
		grid_refused(g, row);
	if (r->status == GS_EJ_SKICKAD)
		ui_message(g->ui, 1, "Rad %zu är inte skickad: den skickas "
		    "igen med samma nyckel (F5).", row + 1);
}
