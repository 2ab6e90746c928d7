/*
 * sus import: one CSV record to one batch row. What can be judged here
 * is judged here, so the report can say so before anything is sent: a
 * nine-digit personnummer (Excel's lost leading zero), dates, ja/nej,
 * numbers, a code or an answer that matches nothing, a question not
 * asked on the row's date. susd checks everything again.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "import.h"
#include "pnr.h"
#include "proto.h"
#include "xmalloc.h"

/* The brief's own sentence for what Excel does to a leading zero. */
#define IMP_NIO_SIFFROR	"Personnumret har 9 siffror: Excel har troligen " \
	"tagit bort en inledande nolla. Formatera kolumnen som text eller " \
	"skriv 12 siffror."

/*
 * Longest personnummer cell sent (bytes): what MSG_DELTAGARE_SAVE
 * carries; a longer one is no personnummer and is refused here.
 */
#define IMP_PNR_MAX	20

/* Most codes in one multi-valued cell, and answers to one question. */
#define IMP_MULTI_MAX	32

/* Why a row is refused here. */
struct imp_why {
	const char	*col;
	char		 msg[256];
};

/* Fills why and returns -1 (or rv when the connection is gone). */
static int __attribute__((format(printf, 4, 5)))
imp_no(struct imp_why *w, int rv, const char *col, const char *fmt, ...)
{
	va_list	ap;

	w->col = col;
	va_start(ap, fmt);
	vsnprintf(w->msg, sizeof w->msg, fmt, ap);
	va_end(ap);
	return rv == IMP_GAVE_UP ? rv : -1;
}

/* The trimmed text of column c, "" when the file lacks it. */
static const char *
imp_cell(const struct imp *imp, const struct csv_record *r, enum imp_col c,
    char *buf, size_t len)
{
	if (imp->col[c] < 0 || (size_t)imp->col[c] >= r->nfields) {
		buf[0] = '\0';
		return buf;
	}
	return imp_trim(r->field[imp->col[c]], buf, len);
}

/* A copy of column c's text, trimmed and whole. */
static char *
imp_cell_dup(const struct imp *imp, const struct csv_record *r,
    enum imp_col c)
{
	const char	*s;
	size_t		 n;

	if (imp->col[c] < 0 || (size_t)imp->col[c] >= r->nfields)
		return xstrdup("");
	s = r->field[imp->col[c]];
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* pnr_mask() of a personnummer as written; "" when the cell is empty. */
void
imp_mask(const char *pnr, char *out, size_t len)
{
	if (pnr[strspn(pnr, " -+")] == '\0')
		snprintf(out, len, "%s", "");
	else
		pnr_mask(pnr, out, len);
}

/* A date written ÅÅÅÅ-MM-DD or ÅÅÅÅMMDD, as ÅÅÅÅ-MM-DD; 0 or -1. */
static int
imp_date(const char *s, char out[11])
{
	if (strlen(s) == 8 && strspn(s, "0123456789") == 8)
		snprintf(out, 11, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
	else
		snprintf(out, 11, "%.10s", s);
	return strlen(s) <= 10 && date_valid(out) ? 0 : -1;
}

/* ja/nej: 1 yes, 0 no or empty, -1 neither. */
static int
imp_janej(const char *s)
{
	static const char *const ja[] = { "ja", "j", "x", "1", "yes" };
	static const char *const nej[] = { "nej", "n", "0", "no", "" };
	char	f[16];
	size_t	i;

	imp_fold(s, f, sizeof f, 0);
	for (i = 0; i < sizeof ja / sizeof ja[0]; i++)
		if (strcmp(f, ja[i]) == 0)
			return 1;
	for (i = 0; i < sizeof nej / sizeof nej[0]; i++)
		if (strcmp(f, nej[i]) == 0)
			return 0;
	return -1;
}

/* A whole number 0..max, "" as 0, a trailing '%' allowed; 0 or -1. */
static int
imp_uint(const char *s, uint32_t max, uint32_t *v)
{
	unsigned long	 n = 0;
	const char	*p = s;

	if (*p == '\0') {
		*v = 0;
		return 0;
	}
	for (; *p >= '0' && *p <= '9'; p++) {
		n = n * 10 + (unsigned long)(*p - '0');
		if (n > max)
			return -1;
	}
	while (*p == ' ')
		p++;
	if (p == s || (*p == '%' ? p[1] != '\0' : *p != '\0'))
		return -1;
	*v = (uint32_t)n;
	return 0;
}

/* Reads the row's insats: its column, else --insats. */
int
imp_row_insats(struct imp *imp, const struct csv_record *r, uint32_t *id,
    const char **why)
{
	char	buf[32];

	imp_cell(imp, r, C_INSATS, buf, sizeof buf);
	if (buf[0] == '\0' && imp->insats_opt != 0) {
		*id = imp->insats_opt;
		return 0;
	}
	if (buf[0] == '\0') {
		*why = "Ange insatsens id.";
		return -1;
	}
	if (imp_uint(buf, UINT32_MAX, id) != 0 || *id == 0 ||
	    strchr(buf, '%') != NULL) {
		*why = "Insatsen anges med sitt id, ett heltal.";
		return -1;
	}
	return 0;
}

/* One code of lista from column c into *id (0 when empty). */
static int
imp_code(struct imp *imp, const struct csv_record *r, enum imp_col c,
    const char *lista, uint32_t *id, struct imp_why *w)
{
	char	buf[IMP_TEXT_MAX];
	int	rv;

	*id = 0;
	if (*imp_cell(imp, r, c, buf, sizeof buf) == '\0')
		return 0;
	if ((rv = imp_kod_find(imp, lista, buf, id)) != 0)
		return imp_no(w, rv, imp_col_name(imp, c), "Koden finns inte "
		    "i kodlistan: skriv kod eller namn som i sus.");
	return 0;
}

/* The '|'-separated försörjning codes. */
static int
imp_forsorjning(struct imp *imp, const struct csv_record *r,
    struct tillfalle_row *t, struct imp_why *w)
{
	char		 buf[IMP_TEXT_MAX], one[IMP_TEXT_MAX], *p, *bar;
	uint32_t	 id;
	int		 rv;

	if (*imp_cell(imp, r, C_FORSORJNING, buf, sizeof buf) == '\0')
		return 0;
	t->forsorjning = xcalloc(IMP_MULTI_MAX, sizeof *t->forsorjning);
	for (p = buf; p != NULL; p = bar) {
		if ((bar = strchr(p, '|')) != NULL)
			*bar++ = '\0';
		if (*imp_trim(p, one, sizeof one) == '\0')
			continue;
		if (t->nforsorjning == IMP_MULTI_MAX)
			return imp_no(w, -1, imp_col_name(imp, C_FORSORJNING),
			    "Högst %d koder.", IMP_MULTI_MAX);
		if ((rv = imp_kod_find(imp, "forsorjning", one, &id)) != 0)
			return imp_no(w, rv, imp_col_name(imp, C_FORSORJNING),
			    "Koden finns inte i kodlistan: skriv kod eller "
			    "namn som i sus.");
		t->forsorjning[t->nforsorjning++].id = id;
	}
	return 0;
}

/* Adds one answer row. */
static void
imp_svar_add(struct tillfalle_row *t, const struct svar_row *s)
{
	t->svar = xreallocarray(t->svar, t->nsvar + 1, sizeof *t->svar);
	t->svar[t->nsvar++] = *s;
}

/* One question's answer from its cell. */
static int
imp_svar(const struct msg_fraga *f, const char *cell, const char *col,
    struct tillfalle_row *t, struct imp_why *w)
{
	struct svar_row	 s;
	char		 buf[IMP_TEXT_MAX], one[IMP_TEXT_MAX], a[IMP_TEXT_MAX];
	char		 b[IMP_TEXT_MAX], *p, *bar;
	uint32_t	 i, n = 0;
	int		 v;

	memset(&s, 0, sizeof s);
	s.fraga_id = f->id;
	if (f->svarstyp == SVAR_JANEJ) {
		if ((v = imp_janej(cell)) < 0)
			return imp_no(w, -1, col, "Svara ja eller nej.");
		s.ja = (uint8_t)v;
		imp_svar_add(t, &s);
		return 0;
	}
	if (f->svarstyp == SVAR_HELTAL) {
		if (imp_uint(cell, UINT32_MAX, &s.heltal) != 0 ||
		    strchr(cell, '%') != NULL)
			return imp_no(w, -1, col, "Svara med ett heltal.");
		s.har_heltal = 1;
		imp_svar_add(t, &s);
		return 0;
	}
	snprintf(buf, sizeof buf, "%s", cell);
	for (p = buf; p != NULL; p = bar) {
		bar = f->svarstyp == SVAR_FLERVAL ? strchr(p, '|') : NULL;
		if (bar != NULL)
			*bar++ = '\0';
		if (*imp_trim(p, one, sizeof one) == '\0')
			continue;
		imp_fold(one, a, sizeof a, 0);
		for (i = 0; i < f->nalternativ; i++) {
			imp_fold(f->alternativ[i].text, b, sizeof b, 0);
			if (strcmp(a, b) == 0)
				break;
		}
		if (i == f->nalternativ)
			return imp_no(w, -1, col, "Svaret finns inte bland "
			    "frågans svarsalternativ.");
		if (++n > IMP_MULTI_MAX)
			return imp_no(w, -1, col, "Högst %d svar.",
			    IMP_MULTI_MAX);
		s.alternativ_id = f->alternativ[i].id;
		imp_svar_add(t, &s);
	}
	return 0;
}

/* The answers in the question columns, against the row's questions. */
static int
imp_svaren(struct imp *imp, const struct csv_record *r, uint32_t insats,
    struct tillfalle_row *t, struct imp_why *w)
{
	const struct msg_fraga	*f;
	char			 cell[IMP_TEXT_MAX];
	size_t			 i;
	int			 rv;

	for (i = 0; i < imp->nq; i++) {
		if (imp->q[i].field >= r->nfields || *imp_trim(r->field[
		    imp->q[i].field], cell, sizeof cell) == '\0')
			continue;
		rv = imp_fraga_find(imp, insats, t->datum, t->typ, &imp->q[i],
		    &f);
		/* The server will say what is wrong with the insats. */
		if (rv == 1)
			return 0;
		if (rv == -1)
			return imp_no(w, -1, imp->q[i].name, "Frågan ställs "
			    "inte vid %s i insatsen den %s.", t->typ ==
			    FRAGA_IN ? "inregistrering" : "utregistrering",
			    t->datum);
		if (rv != 0)
			return rv;
		if ((rv = imp_svar(f, cell, imp->q[i].name, t, w)) != 0)
			return rv;
	}
	return 0;
}

/* The person's part of an inregistrering. */
static int
imp_person(struct imp *imp, const struct csv_record *r,
    struct msg_deltagare_save *q, struct imp_why *w)
{
	char	buf[IMP_TEXT_MAX], kod[8] = "", d[11];
	int	v, rv;

	v = imp_janej(imp_cell(imp, r, C_SAMTYCKE, buf, sizeof buf));
	if (v < 0)
		return imp_no(w, -1, imp_col_name(imp, C_SAMTYCKE), "Skriv ja "
		    "eller nej: finns ett undertecknat samtycke?");
	q->samtycke = (uint8_t)v;
	if (*imp_cell(imp, r, C_SAMTYCKE_DATUM, buf, sizeof buf) != '\0' &&
	    imp_date(buf, d) != 0)
		return imp_no(w, -1, imp_col_name(imp, C_SAMTYCKE_DATUM),
		    "Datumet ska skrivas ÅÅÅÅ-MM-DD.");
	q->samtycke_datum = xstrdup(buf[0] != '\0' ? d : "");
	q->namn = imp_cell_dup(imp, r, C_NAMN);
	if (*imp_cell(imp, r, C_KOMMUN, buf, sizeof buf) != '\0' &&
	    (rv = imp_kommun_find(imp, buf, kod, sizeof kod)) != 0)
		return imp_no(w, rv, imp_col_name(imp, C_KOMMUN), "Kommunen "
		    "finns inte: skriv kommunkod eller kommunens namn.");
	q->kommunkod = xstrdup(kod);
	if (*imp_cell(imp, r, C_STADSDEL, buf, sizeof buf) != '\0' &&
	    (rv = imp_stadsdel_find(imp, kod, buf, &q->stadsdel_id)) != 0)
		return imp_no(w, rv, imp_col_name(imp, C_STADSDEL), "Stadsdelen "
		    "finns inte%s.", kod[0] != '\0' ? " i kommunen" : "");
	return 0;
}

/* An in- or utregistrering row; 0 when it is in the batch or refused. */
static int
imp_row_deltagare(struct imp *imp, const struct csv_record *r,
    uint32_t insats, struct batch_deltagare_rad *row, char *mask,
    struct imp_why *w)
{
	struct msg_deltagare_save	*q = &row->rad;
	struct tillfalle_row		*t = &q->tillfalle;
	enum imp_col			 dc = imp->kind == IMP_UT ? C_SLUT :
					    C_START;
	char				 buf[IMP_TEXT_MAX], d[11];
	const char			*c;
	size_t				 digits = 0, other = 0;
	int				 rv;

	row->radnr = (uint32_t)r->line;
	q->insats_id = insats;
	q->personnummer = imp_cell_dup(imp, r, C_PNR);
	imp_mask(q->personnummer, mask, 16);
	for (c = q->personnummer; *c != '\0'; c++) {
		if (*c >= '0' && *c <= '9')
			digits++;
		else if (*c != '-' && *c != '+' && *c != ' ')
			other++;
	}
	if (digits == 9 && other == 0)
		return imp_no(w, -1, imp_col_name(imp, C_PNR), "%s",
		    IMP_NIO_SIFFROR);
	t->typ = imp->kind == IMP_UT ? FRAGA_UT : FRAGA_IN;
	if (*imp_cell(imp, r, dc, buf, sizeof buf) == '\0')
		return imp_no(w, -1, imp_col_name(imp, dc), "Ange %s "
		    "(ÅÅÅÅ-MM-DD).", imp->kind == IMP_UT ? "slutdatum" :
		    "startdatum");
	if (imp_date(buf, d) != 0)
		return imp_no(w, -1, imp_col_name(imp, dc), "Datumet ska "
		    "skrivas ÅÅÅÅ-MM-DD.");
	t->datum = xstrdup(d);
	t->andrad = xstrdup("");
	if (imp->kind == IMP_IN) {
		if ((rv = imp_person(imp, r, q, w)) != 0 ||
		    (rv = imp_code(imp, r, C_UTBILDNING, "utbildningsniva",
		    &t->utbildning_id, w)) != 0 ||
		    (rv = imp_code(imp, r, C_TID, "tid_forsorjning",
		    &t->tid_id, w)) != 0)
			return rv;
	} else if ((rv = imp_code(imp, r, C_AVSLUT, "avslutsanledning",
	    &t->avslut_id, w)) != 0)
		return rv;
	if ((rv = imp_forsorjning(imp, r, t, w)) != 0 ||
	    (rv = imp_code(imp, r, C_SYSSELSATTNING, "sysselsattning",
	    &t->sysselsattning_id, w)) != 0)
		return rv;
	if (imp_uint(imp_cell(imp, r, C_OMFATTNING, buf, sizeof buf), 100,
	    &t->omfattning) != 0)
		return imp_no(w, -1, imp_col_name(imp, C_OMFATTNING), "Skriv "
		    "omfattningen i procent, 0 till 100.");
	return imp_svaren(imp, r, insats, t, w);
}

/* An anonym row: a year's women and men. */
static int
imp_row_anonym(struct imp *imp, const struct csv_record *r,
    struct batch_anonym_rad *row, struct imp_why *w)
{
	char	buf[IMP_TEXT_MAX];

	row->radnr = (uint32_t)r->line;
	if (imp_uint(imp_cell(imp, r, C_AR, buf, sizeof buf), 2200,
	    &row->ar) != 0 || row->ar < 1900)
		return imp_no(w, -1, imp_col_name(imp, C_AR), "Skriv året med "
		    "fyra siffror.");
	if (imp_uint(imp_cell(imp, r, C_KVINNOR, buf, sizeof buf), 1000000,
	    &row->kvinnor) != 0)
		return imp_no(w, -1, imp_col_name(imp, C_KVINNOR), "Skriv "
		    "antalet som ett heltal.");
	if (imp_uint(imp_cell(imp, r, C_MAN, buf, sizeof buf), 1000000,
	    &row->man) != 0)
		return imp_no(w, -1, imp_col_name(imp, C_MAN), "Skriv antalet "
		    "som ett heltal.");
	return 0;
}

/* A volym row: a month's counts. */
static int
imp_row_volym(struct imp *imp, const struct csv_record *r,
    struct batch_volym_rad *row, struct imp_why *w)
{
	static const enum imp_col	 cols[] = { C_KVINNOR, C_MAN, C_OKANT };
	uint32_t			*v[3];
	char				 buf[IMP_TEXT_MAX], d[11], p[8];
	size_t				 i;

	v[0] = &row->kvinnor;
	v[1] = &row->man;
	v[2] = &row->okant;
	row->radnr = (uint32_t)r->line;
	imp_cell(imp, r, C_PERIOD, buf, sizeof buf);
	if (strlen(buf) == 6 && strspn(buf, "0123456789") == 6)
		snprintf(p, sizeof p, "%.4s-%.2s", buf, buf + 4);
	else
		snprintf(p, sizeof p, "%.7s", buf);
	snprintf(d, sizeof d, "%s-01", p);
	if (strlen(buf) > 7 || strlen(p) != 7 || !date_valid(d))
		return imp_no(w, -1, imp_col_name(imp, C_PERIOD), "Skriv "
		    "perioden ÅÅÅÅ-MM.");
	row->period = xstrdup(p);
	for (i = 0; i < 3; i++)
		if (imp_uint(imp_cell(imp, r, cols[i], buf, sizeof buf),
		    1000000, v[i]) != 0)
			return imp_no(w, -1, imp_col_name(imp, cols[i]),
			    "Skriv antalet som ett heltal.");
	row->kommentar = imp_cell_dup(imp, r, C_KOMMENTAR);
	return 0;
}

/*
 * Refuses a row that cannot be sent (imp_row_fits()), naming the cell
 * whose text is longer than the protocol carries. Returns -1.
 */
static int
imp_row_too_long(struct imp *imp, const void *row, struct imp_why *w)
{
	const struct batch_deltagare_rad	*d = row;
	const struct msg_deltagare_save		*q = &d->rad;

	if (imp->kind == IMP_VOLYM)
		return imp_no(w, -1, imp_col_name(imp, C_KOMMENTAR),
		    "Kommentaren är för lång.");
	if (imp->kind != IMP_IN && imp->kind != IMP_UT)
		return imp_no(w, -1, "-", "Raden kan inte skickas till "
		    "servern.");
	if (strlen(q->personnummer) > IMP_PNR_MAX)
		return imp_no(w, -1, imp_col_name(imp, C_PNR), "%s",
		    strspn(q->personnummer, "0123456789- +") ==
		    strlen(q->personnummer) ? "Personnumret ska ha 10 eller "
		    "12 siffror." : "Personnumret får bara innehålla siffror "
		    "och bindestreck.");
	if (q->namn != NULL && strlen(q->namn) > SUS_NAME_MAX)
		return imp_no(w, -1, imp_col_name(imp, C_NAMN), "Namnet är för "
		    "långt.");
	return imp_no(w, -1, "-", "Raden kan inte skickas till servern: "
	    "den har för många svar eller för lång text.");
}

/*
 * Adds a record to the batch, as a row to send or refused here. Returns
 * 0, or IMP_GAVE_UP when a list could not be fetched for good.
 */
int
imp_row_add(struct imp *imp, const struct csv_record *r, uint32_t insats)
{
	union {
		struct batch_deltagare_rad	d;
		struct batch_anonym_rad		a;
		struct batch_volym_rad		v;
	}		 row;
	struct imp_why	 w;
	char		 mask[16] = "";
	int		 rv;

	memset(&row, 0, sizeof row);
	memset(&w, 0, sizeof w);
	switch (imp->kind) {
	case IMP_IN:
	case IMP_UT:
		rv = imp_row_deltagare(imp, r, insats, &row.d, mask, &w);
		break;
	case IMP_ANONYM:
		rv = imp_row_anonym(imp, r, &row.a, &w);
		break;
	default:
		rv = imp_row_volym(imp, r, &row.v, &w);
		break;
	}
	if (rv == 0 && imp_row_fits(imp, &row) != 0)
		rv = imp_row_too_long(imp, &row, &w);
	if (rv == 0) {
		imp_batch_add(imp, r->line, mask, &row);
		return 0;
	}
	imp_row_free(imp, &row);
	if (rv == IMP_GAVE_UP)
		return rv;
	imp_batch_refuse(imp, r->line, mask, w.col, "%s", w.msg);
	return 0;
}
