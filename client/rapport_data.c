/*
 * The report definitions in the client: MSG_RAPPORT_DEFS fetched once
 * per login and kept in ui->rapport, with the caller's remembered
 * choices, which a successful run updates here as the server does in
 * rapport_val. Also the small rules the urvalsbild and `sus report`
 * share: which rapporttyper a parameter applies to, and its standard.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "client.h"
#include "proto.h"
#include "rapport.h"
#include "xmalloc.h"

const struct msg_rapport_defs *
rapport_defs(struct ui *ui)
{
	struct msg_rapport_defs_get	 req;
	struct msg_rapport_defs		*rep;

	if (ui->rapport != NULL)
		return ui->rapport;
	rep = xcalloc(1, sizeof *rep);
	memset(&req, 0, sizeof req);
	if (ui_call(ui, MSG_RAPPORT_DEFS_GET, &req, MSG_RAPPORT_DEFS,
	    rep) != 0) {
		free(rep);
		return NULL;
	}
	ui->rapport = rep;
	return rep;
}

void
rapport_forget(struct ui *ui)
{
	if (ui->rapport == NULL)
		return;
	msg_clear(MSG_RAPPORT_DEFS, ui->rapport);
	free(ui->rapport);
	ui->rapport = NULL;
}

const struct rapport_def_row *
rapport_defs_find(const struct msg_rapport_defs *d, const char *namn)
{
	uint32_t	i;

	if (d == NULL)
		return NULL;
	for (i = 0; i < d->ndefs; i++) {
		if (strcmp(d->defs[i].namn, namn) == 0)
			return &d->defs[i];
	}
	return NULL;
}

const struct rapport_def_row *
rapport_def_by_name(struct ui *ui, const char *namn)
{
	return rapport_defs_find(rapport_defs(ui), namn);
}

/* Reports whether a comma-separated list holds word. */
static int
rapport_list_has(const char *list, const char *word)
{
	size_t		 n = strlen(word);
	const char	*p = list;

	while (*p != '\0') {
		if (strncmp(p, word, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
		if ((p = strchr(p, ',')) == NULL)
			break;
		p++;
	}
	return 0;
}

int
rapport_param_galler(const struct rapport_param_row *p, const char *typ)
{
	if (p->typer == NULL || *p->typer == '\0')
		return 1;
	return rapport_list_has(p->typer, typ);
}

const char *
rapport_sparad(const struct msg_rapport_defs *d, const char *rapport,
    const char *namn)
{
	uint32_t	i;

	if (d == NULL)
		return NULL;
	for (i = 0; i < d->nsparade; i++) {
		if (strcmp(d->sparade[i].rapport, rapport) == 0 &&
		    strcmp(d->sparade[i].namn, namn) == 0)
			return d->sparade[i].varde;
	}
	return NULL;
}

/*
 * The standards the server may send (as server/rule_rapport_val.c reads
 * them): idag, manadstart, and arstart, arslut or ar with an optional
 * offset in years ("arstart-1": 1 January last year).
 */
void
rapport_std_varde(const struct rapport_param_row *p, char *out, size_t len)
{
	static const struct {
		const char	*namn;
		const char	*fmt;
	} ord[] = {
		{ "arstart", "%04d-01-01" },
		{ "arslut", "%04d-12-31" },
		{ "ar", "%04d" },
	};
	time_t		 now = time(NULL);
	struct tm	 tm;
	const char	*s = p->standard != NULL ? p->standard : "", *t;
	char		*end;
	size_t		 i, n;
	long		 k;

	localtime_r(&now, &tm);
	if (strcmp(s, "idag") == 0) {
		strftime(out, len, "%Y-%m-%d", &tm);
		return;
	}
	if (strcmp(s, "manadstart") == 0) {
		strftime(out, len, "%Y-%m-01", &tm);
		return;
	}
	for (i = 0; i < sizeof ord / sizeof ord[0]; i++) {
		n = strlen(ord[i].namn);
		if (strncmp(s, ord[i].namn, n) != 0)
			continue;
		t = s + n;
		k = 0;
		if (*t != '\0') {
			if (*t != '-' && *t != '+')
				continue;
			k = strtol(t, &end, 10);
			if (*end != '\0' || end == t + 1)
				continue;
		}
		snprintf(out, len, ord[i].fmt, tm.tm_year + 1900 + (int)k);
		return;
	}
	snprintf(out, len, "%s", s);
}

/* Replaces the remembered choices of q->rapport with those of q. */
void
rapport_spara(struct ui *ui, const struct msg_rapport_run *q)
{
	struct msg_rapport_defs		*d = ui->rapport;
	struct rapport_sparad_row	*r;
	uint32_t			 i, n = 0;

	if (d == NULL)
		return;
	for (i = 0; i < d->nsparade; i++) {
		r = &d->sparade[i];
		if (strcmp(r->rapport, q->rapport) == 0) {
			free(r->rapport);
			free(r->namn);
			free(r->varde);
			continue;
		}
		d->sparade[n++] = *r;
	}
	d->sparade = xreallocarray(d->sparade, n + q->nargs + 1,
	    sizeof *d->sparade);
	r = &d->sparade[n++];
	r->rapport = xstrdup(q->rapport);
	r->namn = xstrdup("typ");
	r->varde = xstrdup(q->typ);
	for (i = 0; i < q->nargs; i++) {
		r = &d->sparade[n++];
		r->rapport = xstrdup(q->rapport);
		r->namn = xstrdup(q->args[i].namn);
		r->varde = xstrdup(q->args[i].varde);
	}
	d->nsparade = n;
}

void
rapport_tal(int64_t v, int skala, char *out, size_t len)
{
	char			 digits[32], buf[64];
	uint64_t		 a, div = 1;
	size_t			 n, i, o = 0;
	int			 k;

	if (skala < 0 || skala > 9)
		skala = 0;
	for (k = 0; k < skala; k++)
		div *= 10;
	a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	snprintf(digits, sizeof digits, "%llu",
	    (unsigned long long)(a / div));
	n = strlen(digits);
	if (v < 0)
		buf[o++] = '-';
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[o++] = ' ';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	if (skala > 0)
		snprintf(buf + o, sizeof buf - o, ",%0*llu", skala,
		    (unsigned long long)(a % div));
	snprintf(out, len, "%s", buf);
}

void
rapport_cell_text(const struct msg_rapport *r, const struct rapport_rad_row *rad,
    uint32_t kol, char *out, size_t len)
{
	const struct rapport_cell_row	*c;

	out[0] = '\0';
	if (kol == 0) {
		snprintf(out, len, "%s", rad->namn);
		return;
	}
	if (kol - 1 >= rad->nceller || kol >= r->nkol)
		return;
	c = &rad->celler[kol - 1];
	if (c->flagga == RAPPORT_C_DOLD)
		snprintf(out, len, "..");
	else if (c->flagga == RAPPORT_C_TOM)
		snprintf(out, len, "–");
	else
		rapport_tal(c->varde, r->kol[kol].skala, out, len);
}

/*
 * Whether the terminal shows block characters: sus always runs curses in
 * UTF-8 (sus.c falls back to C.UTF-8 when no locale is set), so only a
 * locale that names another character set, or SUS_ASCII, says no.
 */
int
rapport_unicode(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char	*v;
	size_t		 i;

	if ((v = getenv("SUS_ASCII")) != NULL && *v != '\0')
		return 0;
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		if ((v = getenv(vars[i])) == NULL || *v == '\0')
			continue;
		if (strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0)
			return 0;
		return strstr(v, "UTF-8") != NULL || strstr(v, "utf8") != NULL ||
		    strstr(v, "UTF8") != NULL || strstr(v, "utf-8") != NULL;
	}
	return 1;
}
