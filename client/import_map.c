/*
 * sus import: what a file's header means, and the lists a row's text is
 * matched against. The header names the columns in any order, in any
 * case, with åäö or without; the kind of file follows from the columns
 * it has. Codes are matched on their kod or their name, kommuner on
 * their kod or name, questions on "fraga:ID" or their exact text; the
 * lists come from the server once (questions once per insats, date and
 * occasion, in a bounded cache).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "import.h"
#include "proto.h"
#include "xmalloc.h"

#define K_IN	(1u << IMP_IN)
#define K_UT	(1u << IMP_UT)
#define K_AN	(1u << IMP_ANONYM)
#define K_VO	(1u << IMP_VOLYM)

/* The columns: the name as written in sus.1, and where it belongs. */
static const struct imp_coldef {
	const char	*name;		/* lower case, without åäö */
	unsigned	 kinds;		/* the kinds of file it may be in */
	unsigned	 required;	/* the kinds that need it */
} imp_cols[C__COUNT] = {
	[C_INSATS] =		{ "insats", K_IN | K_UT | K_AN | K_VO, 0 },
	[C_PNR] =		{ "personnummer", K_IN | K_UT, K_IN | K_UT },
	[C_START] =		{ "startdatum", K_IN, K_IN },
	[C_SLUT] =		{ "slutdatum", K_UT, K_UT },
	[C_SAMTYCKE] =		{ "samtycke", K_IN, K_IN },
	[C_SAMTYCKE_DATUM] =	{ "samtyckesdatum", K_IN, 0 },
	[C_NAMN] =		{ "namn", K_IN, 0 },
	[C_KOMMUN] =		{ "kommun", K_IN, 0 },
	[C_STADSDEL] =		{ "stadsdel", K_IN, 0 },
	[C_FORSORJNING] =	{ "forsorjning", K_IN | K_UT, 0 },
	[C_SYSSELSATTNING] =	{ "sysselsattning", K_IN | K_UT, 0 },
	[C_OMFATTNING] =	{ "omfattning", K_IN | K_UT, 0 },
	[C_UTBILDNING] =	{ "utbildning", K_IN, 0 },
	[C_TID] =		{ "tid_i_forsorjning", K_IN, 0 },
	[C_AVSLUT] =		{ "avslutsanledning", K_UT, 0 },
	[C_AR] =		{ "ar", K_AN, K_AN },
	[C_PERIOD] =		{ "period", K_VO, K_VO },
	[C_KVINNOR] =		{ "kvinnor", K_AN | K_VO, K_AN | K_VO },
	[C_MAN] =		{ "man", K_AN | K_VO, K_AN | K_VO },
	[C_OKANT] =		{ "okant", K_VO, 0 },
	[C_KOMMENTAR] =		{ "kommentar", K_VO, 0 },
};

/* Other spellings people use for a column. */
static const struct {
	const char	*alias;
	enum imp_col	 col;
} imp_aliases[] = {
	{ "pnr", C_PNR },
	{ "samtycke_datum", C_SAMTYCKE_DATUM },
	{ "datum_for_samtycke", C_SAMTYCKE_DATUM },
	{ "kommunkod", C_KOMMUN },
	{ "folkbokforingskommun", C_KOMMUN },
	{ "utbildningsniva", C_UTBILDNING },
	{ "tid_forsorjning", C_TID },
	{ "tid_i_offentlig_forsorjning", C_TID },
	{ "insats_id", C_INSATS },
};

/*
 * Plain letters for U+00E0..U+00FF (the second byte after 0xC3, lower
 * case), for the ASCII spelling of a column name; '-' keeps the letter.
 */
static const char imp_ascii[] = "aaaaaaaceeeeiiii-nooooo-ouuuuy-y";

/* Lower-cases UTF-8 (Swedish letters too); ascii: å, ä to a, ö to o. */
void
imp_fold(const char *s, char *out, size_t len, int ascii)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n = 0;
	unsigned		 d;

	if (len == 0)
		return;
	while (*u != '\0' && n + 3 < len) {
		if (*u < 0x80) {
			out[n++] = (char)(*u >= 'A' && *u <= 'Z' ? *u + 32 :
			    *u);
			u++;
			continue;
		}
		if (u[0] == 0xc3 && u[1] >= 0x80 && u[1] <= 0xbf) {
			d = u[1];
			if (d <= 0x9e && d != 0x97)
				d += 0x20;	/* À..Þ to à..þ */
			u += 2;
			if (ascii && d >= 0xa0 && imp_ascii[d - 0xa0] != '-') {
				out[n++] = imp_ascii[d - 0xa0];
				continue;
			}
			out[n++] = (char)0xc3;
			out[n++] = (char)d;
			continue;
		}
		out[n++] = (char)*u++;
	}
	out[n] = '\0';
}

/* Copies s without leading and trailing blanks into buf (cut to fit). */
const char *
imp_trim(const char *s, char *buf, size_t len)
{
	size_t	n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* The fixed column a folded header name means, or C__COUNT. */
static enum imp_col
imp_col_lookup(const char *folded)
{
	char	name[IMP_TEXT_MAX];
	size_t	i;

	/* "tid i försörjning" and "tid-i-forsorjning" are one name. */
	snprintf(name, sizeof name, "%s", folded);
	for (i = 0; name[i] != '\0'; i++)
		if (name[i] == ' ' || name[i] == '-')
			name[i] = '_';
	for (i = 0; i < C__COUNT; i++)
		if (strcmp(imp_cols[i].name, name) == 0)
			return (enum imp_col)i;
	for (i = 0; i < sizeof imp_aliases / sizeof imp_aliases[0]; i++)
		if (strcmp(imp_aliases[i].alias, name) == 0)
			return imp_aliases[i].col;
	return C__COUNT;
}

/* The column's name as the header wrote it, or as sus.1 writes it. */
const char *
imp_col_name(const struct imp *imp, enum imp_col c)
{
	if (imp->col[c] >= 0)
		return imp->names[imp->col[c]];
	return imp_cols[c].name;
}

/* Reports a fault in the header: the file is not read further. */
static int
imp_header_bad(const char *fmt, const char *name)
{
	fprintf(stderr, "sus import: rad 1: ");
	fprintf(stderr, fmt, name);
	fprintf(stderr, "\n");
	return IMP_EXIT_USAGE;
}

/* Reads "fraga:ID"; 1 with *id when the name is one. */
static int
imp_fraga_ref(const char *folded, uint32_t *id)
{
	unsigned long	 v;
	char		*end;

	if (strncmp(folded, "fraga:", 6) != 0 &&
	    strncmp(folded, "fraga ", 6) != 0)
		return 0;
	v = strtoul(folded + 6, &end, 10);
	if (end == folded + 6 || *end != '\0' || v == 0 || v > UINT32_MAX)
		return 0;
	*id = (uint32_t)v;
	return 1;
}

/*
 * Reads the header: the kind of file, each column's place, the question
 * columns. Returns 0 or IMP_EXIT_USAGE with stderr saying why.
 */
int
imp_header(struct imp *imp, const struct csv_record *r)
{
	char		 buf[IMP_TEXT_MAX], folded[IMP_TEXT_MAX];
	enum imp_col	 c;
	unsigned	 kind;
	uint32_t	 id;
	size_t		 i;

	imp->nnames = r->nfields;
	imp->names = xcalloc(r->nfields, sizeof *imp->names);
	imp->q = xcalloc(r->nfields, sizeof *imp->q);
	for (i = 0; i < C__COUNT; i++)
		imp->col[i] = -1;
	imp->kind = IMP_IN;
	for (i = 0; i < r->nfields; i++) {
		imp->names[i] = xstrdup(imp_trim(r->field[i], buf, sizeof buf));
		imp_fold(imp->names[i], folded, sizeof folded, 1);
		if (strcmp(folded, "slutdatum") == 0)
			imp->kind = IMP_UT;
	}
	for (i = 0; i < r->nfields && imp->kind == IMP_IN; i++) {
		imp_fold(imp->names[i], folded, sizeof folded, 1);
		if (strcmp(folded, "ar") == 0)
			imp->kind = IMP_ANONYM;
		else if (strcmp(folded, "period") == 0)
			imp->kind = IMP_VOLYM;
	}
	kind = 1u << imp->kind;
	for (i = 0; i < r->nfields; i++) {
		/* Excel leaves empty columns after the last one. */
		if (imp->names[i][0] == '\0')
			continue;
		imp_fold(imp->names[i], folded, sizeof folded, 1);
		c = imp_col_lookup(folded);
		if (c != C__COUNT && (imp_cols[c].kinds & kind)) {
			if (imp->col[c] >= 0)
				return imp_header_bad("kolumnen %s finns två "
				    "gånger.", imp->names[i]);
			imp->col[c] = (int)i;
			continue;
		}
		if (imp->kind != IMP_IN && imp->kind != IMP_UT)
			return imp_header_bad("okänd kolumn \"%s\" (se "
			    "sus(1), IMPORT).", imp->names[i]);
		if (c != C__COUNT)
			return imp_header_bad("kolumnen \"%s\" hör inte till "
			    "den här sortens fil (se sus(1), IMPORT).",
			    imp->names[i]);
		imp->q[imp->nq].field = i;
		imp->q[imp->nq].name = imp->names[i];
		imp->q[imp->nq].id = imp_fraga_ref(folded, &id) ? id : 0;
		imp->nq++;
	}
	for (i = 0; i < C__COUNT; i++) {
		if ((imp_cols[i].required & kind) && imp->col[i] < 0)
			return imp_header_bad("kolumnen %s saknas.",
			    imp_cols[i].name);
	}
	if (imp->col[C_INSATS] < 0 && imp->insats_opt == 0)
		return imp_header_bad("%s", "kolumnen insats saknas: lägg "
		    "till den eller ange --insats ID.");
	return 0;
}

/* Finds a question in a list by its text; NULL if none. */
static const struct msg_fraga *
imp_fraga_by_text(const struct msg_fraga_list *l, const char *text)
{
	char		a[IMP_TEXT_MAX], b[IMP_TEXT_MAX];
	uint32_t	i;

	imp_fold(text, a, sizeof a, 0);
	for (i = 0; l != NULL && i < l->nrows; i++) {
		imp_fold(l->rows[i].namn, b, sizeof b, 0);
		if (strcmp(a, b) == 0)
			return &l->rows[i];
	}
	return NULL;
}

/*
 * Checks the question columns named by text against the questions of the
 * first row's insats on its date, so that a misspelt column stops the
 * import before anything is sent. 0, or IMP_EXIT_USAGE / _CONN.
 */
int
imp_preflight(struct imp *imp, const struct csv_record *r)
{
	const struct msg_fraga_list	*l;
	const char			*why;
	char				 buf[16], datum[11] = "";
	enum imp_col			 dc = imp->kind == IMP_UT ? C_SLUT : C_START;
	uint32_t			 insats;
	size_t				 i, n = 0;
	int				 gave_up = 0;

	for (i = 0; i < imp->nq; i++)
		n += imp->q[i].id == 0;
	if (n == 0 || imp_row_insats(imp, r, &insats, &why) != 0)
		return 0;
	if ((size_t)imp->col[dc] < r->nfields) {
		imp_trim(r->field[imp->col[dc]], buf, sizeof buf);
		if (date_valid(buf))
			strlcpy(datum, buf, sizeof datum);
	}
	l = imp_fragor_get(imp, insats, datum, imp->kind == IMP_UT ?
	    FRAGA_UT : FRAGA_IN, &gave_up);
	if (gave_up)
		return IMP_EXIT_CONN;
	if (l == NULL)
		return 0;
	for (i = 0; i < imp->nq; i++) {
		if (imp->q[i].id != 0 ||
		    imp_fraga_by_text(l, imp->q[i].name) != NULL)
			continue;
		fprintf(stderr, "sus import: rad 1: okänd kolumn \"%s\": den "
		    "är varken en kolumn sus känner till eller en fråga för "
		    "insatsen %u %s%s. Skriv fraga:ID för en fråga som inte "
		    "gäller då (se sus(1), IMPORT).\n", imp->q[i].name, insats,
		    datum[0] != '\0' ? "den " : "i dag", datum);
		return IMP_EXIT_USAGE;
	}
	return 0;
}

/* Fetches every code list once. */
static int
imp_kod_load(struct imp *imp)
{
	struct msg_kod_search	req;
	struct msg_err		err;
	char			buf[IMP_TEXT_MAX];
	uint32_t		i;
	int			rv;

	memset(&req, 0, sizeof req);
	memset(&err, 0, sizeof err);
	req.lista = "";
	rv = imp_call(imp, MSG_KOD_SEARCH, &req, MSG_KOD_LIST, &imp->kod,
	    &err);
	if (rv == REMOTE_REPLY_ERR) {
		fprintf(stderr, "sus import: kodlistorna kunde inte hämtas: "
		    "%s\n", err.message != NULL ? err.message : "");
		msg_clear(MSG_ERR, &err);
	}
	if (rv != 0)
		return -1;
	imp->kodfold = xcalloc(imp->kod.nrows + 1, sizeof *imp->kodfold);
	for (i = 0; i < imp->kod.nrows; i++) {
		imp_fold(imp->kod.rows[i].namn, buf, sizeof buf, 0);
		imp->kodfold[i] = xstrdup(buf);
	}
	imp->kod_loaded = 1;
	return 0;
}

/*
 * Finds a code of lista by its kod or its name, ignoring case. 0 with
 * *id; -1 when none matches; IMP_GAVE_UP.
 */
int
imp_kod_find(struct imp *imp, const char *lista, const char *text,
    uint32_t *id)
{
	char		 a[IMP_TEXT_MAX];
	const struct kod_row *k;
	uint32_t	 i;

	if (!imp->kod_loaded && imp_kod_load(imp) != 0)
		return IMP_GAVE_UP;
	imp_fold(text, a, sizeof a, 0);
	for (i = 0; i < imp->kod.nrows; i++) {
		k = &imp->kod.rows[i];
		if (strcmp(k->lista, lista) != 0)
			continue;
		if (strcasecmp(k->kod, text) == 0) {
			*id = k->id;
			return 0;
		}
		if (strcmp(a, imp->kodfold[i]) == 0) {
			*id = k->id;
			return 0;
		}
	}
	return -1;
}

/* Fetches every kommun and its stadsdelar once, page by page. */
static int
imp_kommun_load(struct imp *imp)
{
	struct msg_kommun_search req;
	struct msg_kommun_list	 list;
	struct msg_err		 err;
	size_t			 cap = 0;
	int			 rv;

	memset(&req, 0, sizeof req);
	req.lanskod = "";
	req.pattern = "";
	req.limit = SUS_LIST_MAX;
	for (;;) {
		memset(&list, 0, sizeof list);
		memset(&err, 0, sizeof err);
		rv = imp_call(imp, MSG_KOMMUN_SEARCH, &req, MSG_KOMMUN_LIST,
		    &list, &err);
		if (rv == REMOTE_REPLY_ERR)
			msg_clear(MSG_ERR, &err);
		if (rv != 0)
			return rv == IMP_GAVE_UP ? rv : -1;
		if (imp->nkommun + list.nrows > cap) {
			cap = imp->nkommun + list.nrows;
			imp->kommun = xreallocarray(imp->kommun, cap,
			    sizeof *imp->kommun);
		}
		/* The strings move over; the list keeps nothing. */
		if (list.nrows > 0)
			memcpy(imp->kommun + imp->nkommun, list.rows,
			    list.nrows * sizeof *list.rows);
		imp->nkommun += list.nrows;
		req.offset += list.nrows;
		free(list.rows);
		if (list.nrows == 0 || req.offset >= list.total)
			break;
	}
	imp->kommun_loaded = 1;
	return 0;
}

/*
 * Finds a kommun by its four-digit kod or its name; 0 with the kod, -1
 * when none, IMP_GAVE_UP.
 */
int
imp_kommun_find(struct imp *imp, const char *text, char *kod, size_t len)
{
	char	a[IMP_TEXT_MAX], b[IMP_TEXT_MAX];
	size_t	i;
	int	rv;

	if (strlen(text) == 4 && strspn(text, "0123456789") == 4) {
		snprintf(kod, len, "%s", text);
		return 0;
	}
	if (!imp->kommun_loaded && (rv = imp_kommun_load(imp)) != 0)
		return rv == IMP_GAVE_UP ? rv : -1;
	imp_fold(text, a, sizeof a, 0);
	for (i = 0; i < imp->nkommun; i++) {
		if (imp->kommun[i].stadsdel_id != 0)
			continue;
		imp_fold(imp->kommun[i].kommun, b, sizeof b, 0);
		if (strcmp(a, b) == 0) {
			snprintf(kod, len, "%s", imp->kommun[i].kommunkod);
			return 0;
		}
	}
	return -1;
}

/*
 * Finds a stadsdel by name in kommunkod (any kommun when "", if only one
 * has it); 0 with *id, -1 when none or several, IMP_GAVE_UP.
 */
int
imp_stadsdel_find(struct imp *imp, const char *kommunkod, const char *text,
    uint32_t *id)
{
	char	a[IMP_TEXT_MAX], b[IMP_TEXT_MAX];
	size_t	i;
	int	rv, found = 0;

	if (!imp->kommun_loaded && (rv = imp_kommun_load(imp)) != 0)
		return rv == IMP_GAVE_UP ? rv : -1;
	imp_fold(text, a, sizeof a, 0);
	for (i = 0; i < imp->nkommun; i++) {
		if (imp->kommun[i].stadsdel_id == 0 || (*kommunkod != '\0' &&
		    strcmp(imp->kommun[i].kommunkod, kommunkod) != 0))
			continue;
		imp_fold(imp->kommun[i].stadsdel, b, sizeof b, 0);
		if (strcmp(a, b) == 0) {
			*id = imp->kommun[i].stadsdel_id;
			found++;
		}
	}
	return found == 1 ? 0 : -1;
}

/* The cache slot of an insats, date and occasion. */
static size_t
imp_fragor_slot(uint32_t insats, const char *datum, uint8_t typ)
{
	uint32_t	h = 2166136261u ^ insats ^ ((uint32_t)typ << 24);

	/* FNV-1a over the date. */
	for (; *datum != '\0'; datum++)
		h = (h ^ (unsigned char)*datum) * 16777619u;
	return h % IMP_FRAGA_SLOTS;
}

/*
 * The questions of the insats's organisation valid on datum ("" today)
 * at occasion typ; NULL when the server refused (*gave_up when the
 * connection is gone for good).
 */
const struct msg_fraga_list *
imp_fragor_get(struct imp *imp, uint32_t insats, const char *datum,
    uint8_t typ, int *gave_up)
{
	struct msg_deltagare_fragor	 req;
	struct msg_err			 err;
	struct imp_fragor		*f;
	int				 rv;

	*gave_up = 0;
	if (imp->fragor == NULL)
		imp->fragor = xcalloc(IMP_FRAGA_SLOTS, sizeof *imp->fragor);
	f = &imp->fragor[imp_fragor_slot(insats, datum, typ)];
	if (f->typ == typ && f->insats_id == insats &&
	    strcmp(f->datum, datum) == 0)
		return &f->list;
	msg_clear(MSG_FRAGA_LIST, &f->list);
	f->typ = 0;
	memset(&req, 0, sizeof req);
	memset(&err, 0, sizeof err);
	req.insats_id = insats;
	req.datum = (char *)datum;
	req.tillfalle = typ;
	rv = imp_call(imp, MSG_DELTAGARE_FRAGOR, &req, MSG_FRAGA_LIST,
	    &f->list, &err);
	if (rv == REMOTE_REPLY_ERR)
		msg_clear(MSG_ERR, &err);
	if (rv == IMP_GAVE_UP)
		*gave_up = 1;
	if (rv != 0)
		return NULL;
	f->typ = typ;
	f->insats_id = insats;
	snprintf(f->datum, sizeof f->datum, "%s", datum);
	return &f->list;
}

/* Reports whether question f is asked on datum by its validity. */
static int
imp_fraga_valid(const struct msg_fraga *f, const char *datum)
{
	return strcmp(f->giltig_from, datum) <= 0 && (f->giltig_tom == NULL ||
	    f->giltig_tom[0] == '\0' || strcmp(f->giltig_tom, datum) >= 0);
}

/* The question of column q in list l; NULL if none. */
static const struct msg_fraga *
imp_fraga_in(const struct msg_fraga_list *l, const struct imp_qcol *q)
{
	uint32_t	i;

	if (q->id == 0)
		return imp_fraga_by_text(l, q->name);
	for (i = 0; i < l->nrows; i++)
		if (l->rows[i].id == q->id)
			return &l->rows[i];
	return NULL;
}

/*
 * The question column q means on a row of insats dated datum at occasion
 * typ. A list cached for another date serves when the question found
 * there is valid on datum too, so a file with rows on many dates asks
 * the server about few of them. 0 with *f; -1 when no such question is
 * asked then; 1 when the server would not list them (it will refuse the
 * row itself); IMP_GAVE_UP.
 */
int
imp_fraga_find(struct imp *imp, uint32_t insats, const char *datum,
    uint8_t typ, const struct imp_qcol *q, const struct msg_fraga **f)
{
	const struct msg_fraga_list	*l;
	const struct imp_fragor		*c;
	size_t				 k;
	int				 gave_up;

	for (k = 0; imp->fragor != NULL && k < IMP_FRAGA_SLOTS; k++) {
		c = &imp->fragor[k];
		if (c->typ != typ || c->insats_id != insats)
			continue;
		*f = imp_fraga_in(&c->list, q);
		if (*f != NULL && imp_fraga_valid(*f, datum))
			return 0;
		/* The server's list for this very day has no such question. */
		if (strcmp(c->datum, datum) == 0)
			return -1;
	}
	if ((l = imp_fragor_get(imp, insats, datum, typ, &gave_up)) == NULL)
		return gave_up ? IMP_GAVE_UP : 1;
	return (*f = imp_fraga_in(l, q)) != NULL ? 0 : -1;
}

/* The column a question's refusal names: its own, or "fraga:ID". */
const char *
imp_fraga_col(const struct imp *imp, uint32_t fraga_id, char *buf,
    size_t len)
{
	const struct msg_fraga_list	*l;
	size_t				 i, j, k;

	for (i = 0; i < imp->nq; i++)
		if (imp->q[i].id == fraga_id)
			return imp->q[i].name;
	for (k = 0; imp->fragor != NULL && k < IMP_FRAGA_SLOTS; k++) {
		if (imp->fragor[k].typ == 0)
			continue;
		l = &imp->fragor[k].list;
		for (j = 0; j < l->nrows; j++) {
			if (l->rows[j].id != fraga_id)
				continue;
			for (i = 0; i < imp->nq; i++)
				if (imp->q[i].id == 0 && imp_fraga_by_text(l,
				    imp->q[i].name) == &l->rows[j])
					return imp->q[i].name;
		}
	}
	snprintf(buf, len, "fraga:%u", fraga_id);
	return buf;
}

/* Frees the header, the lists and the caches. */
void
imp_map_free(struct imp *imp)
{
	size_t	i;

	for (i = 0; i < imp->nnames; i++)
		free(imp->names[i]);
	free(imp->names);
	free(imp->q);
	for (i = 0; i < imp->kod.nrows && imp->kodfold != NULL; i++)
		free(imp->kodfold[i]);
	free(imp->kodfold);
	msg_clear(MSG_KOD_LIST, &imp->kod);
	for (i = 0; i < imp->nkommun; i++) {
		free(imp->kommun[i].kommunkod);
		free(imp->kommun[i].kommun);
		free(imp->kommun[i].lanskod);
		free(imp->kommun[i].lan);
		free(imp->kommun[i].stadsdel);
	}
	free(imp->kommun);
	for (i = 0; imp->fragor != NULL && i < IMP_FRAGA_SLOTS; i++)
		msg_clear(MSG_FRAGA_LIST, &imp->fragor[i].list);
	free(imp->fragor);
}
