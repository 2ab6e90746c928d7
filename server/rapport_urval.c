/*
 * Reports: the choices of a MSG_RAPPORT_RUN (rapport.h). Every argument
 * must name a parameter of the report; each value is checked for its
 * kind (a real day, a sane year, one of the options, a code of its list,
 * an organisation, insats, län, kommun or office that exists), required
 * ones must be there, and the period must run forwards. Refusals are
 * Swedish sentences naming the field. The shared choices fill struct
 * rapport_urval, and the choices in words make the urval line. Nothing
 * here is logged: choices stay between the user and the database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "rapport.h"
#include "rapport_urval.h"
#include "susd.h"
#include "xmalloc.h"

/* How a kind of parameter that names a row is looked up. */
struct rapport_uppslag {
	int		 slag;		/* RAPPORT_P_* */
	int		 heltal;	/* the value is an id */
	const char	*sql;		/* $1 the value, $2 the list */
	const char	*vad;		/* for the refusal */
};

static const struct rapport_uppslag rapport_uppslag[] = {
	{ RAPPORT_P_KOD, 0, "SELECT namn FROM kod WHERE lista = $2::text"
	    " AND kod = $1::text", "koden" },
	{ RAPPORT_P_SAMORG, 1, "SELECT namn FROM samverkansorg"
	    " WHERE id = $1::integer AND $2::text IS NOT NULL",
	    "samverkansorganisationen" },
	{ RAPPORT_P_INSATS, 1, "SELECT i.namn || ' (' || s.namn || ')'"
	    " FROM insats i JOIN samverkansorg s ON s.id = i.samverkansorg_id"
	    " WHERE i.id = $1::integer AND $2::text IS NOT NULL",
	    "insatsen" },
	{ RAPPORT_P_LAN, 0, "SELECT namn FROM lan WHERE lanskod = $1::text"
	    " AND $2::text IS NOT NULL", "länet" },
	{ RAPPORT_P_KOMMUN, 0, "SELECT namn FROM kommun"
	    " WHERE kommunkod = $1::text AND $2::text IS NOT NULL",
	    "kommunen" },
	{ RAPPORT_P_AF_KONTOR, 1, "SELECT namn FROM affk_kontor"
	    " WHERE id = $1::integer AND myndighet = 'AF'"
	    " AND $2::text IS NOT NULL", "Af-kontoret" },
	{ RAPPORT_P_FK_KONTOR, 1, "SELECT namn FROM affk_kontor"
	    " WHERE id = $1::integer AND myndighet = 'FK'"
	    " AND $2::text IS NOT NULL", "FK-kontoret" },
};

/* The levels by their kod (parameter "niva"). */
static const struct {
	const char		*kod;
	enum rapport_niva	 niva;
} rapport_nivaer[] = {
	{ "", NIVA_RIKET },
	{ "riket", NIVA_RIKET },
	{ "lan", NIVA_LAN },
	{ "samorg", NIVA_SAMORG },
	{ "insats", NIVA_INSATS },
	{ "kontor", NIVA_KONTOR },
};

static const char rapport_spara_sql[] =
	"INSERT INTO rapport_val (anvandare_id, rapport, namn, varde)"
	" VALUES ($1::integer, $2::text, $3::text, $4::text)"
	" ON CONFLICT (anvandare_id, rapport, namn)"
	" DO UPDATE SET varde = EXCLUDED.varde, andrad = now()";

/* Whether parameter p applies to rapporttyp typ (its typer list). */
static int
rapport_galler(const struct rapport_param *p, const char *typ)
{
	const char	*t = p->typer, *e;
	size_t		 n = strlen(typ);

	if (t == NULL || *t == '\0')
		return 1;
	while (*t != '\0') {
		e = strchr(t, ',');
		if (e == NULL)
			e = t + strlen(t);
		if ((size_t)(e - t) == n && strncmp(t, typ, n) == 0)
			return 1;
		t = *e == ',' ? e + 1 : e;
	}
	return 0;
}

/* The code lists whose codes are areas: a unit, like an office. */
static const char *const rapport_enhet_listor[] = {
	"marknadsomrade",	/* Af's areas of offices */
	"verksamhetsomrade",	/* FK's */
};

/* Whether parameter p narrows the report to one unit when chosen. */
static int
rapport_enhet(const struct rapport_param *p)
{
	size_t	i;

	if (p->slag == RAPPORT_P_KOD && p->lista != NULL) {
		for (i = 0; i < sizeof rapport_enhet_listor /
		    sizeof rapport_enhet_listor[0]; i++) {
			if (strcmp(p->lista, rapport_enhet_listor[i]) == 0)
				return 1;
		}
		return 0;
	}
	return p->slag == RAPPORT_P_SAMORG || p->slag == RAPPORT_P_INSATS ||
	    p->slag == RAPPORT_P_LAN || p->slag == RAPPORT_P_KOMMUN ||
	    p->slag == RAPPORT_P_AF_KONTOR || p->slag == RAPPORT_P_FK_KONTOR;
}

/* Whether s is 1 to 9 digits. */
static int
rapport_id_ok(const char *s)
{
	size_t	n = strspn(s, "0123456789");

	return n > 0 && n <= 9 && s[n] == '\0';
}

/* Whether s is a name rapport_val takes: a-z and _, 1 to 40. */
static int
rapport_namn_ok(const char *s)
{
	size_t	n = strspn(s, "abcdefghijklmnopqrstuvwxyz_");

	return n > 0 && n <= 40 && s[n] == '\0';
}

/* The argument named namn in q, or NULL; *dubbel when it comes twice. */
static const char *
rapport_given(const struct msg_rapport_run *q, const char *namn, int *dubbel)
{
	const char	*v = NULL;
	uint32_t	 i;

	*dubbel = 0;
	for (i = 0; i < q->nargs; i++) {
		if (q->args[i].namn == NULL || strcmp(q->args[i].namn, namn) != 0)
			continue;
		if (v != NULL)
			*dubbel = 1;
		v = q->args[i].varde != NULL ? q->args[i].varde : "";
	}
	return v;
}

/*
 * Checks value v of parameter p and puts it in words in ord. Returns 0,
 * or what the handler returns after a refusal.
 */
static int
rapport_varde_las(struct rapport_ctx *c, const struct rapport_param *p,
    const char *v, char *ord, size_t len)
{
	const struct rapport_uppslag	*u = NULL;
	PGresult			*res;
	const char			*params[2];
	size_t				 i;
	int				 n, ok;

	strlcpy(ord, v, len);
	switch (p->slag) {
	case RAPPORT_P_DATUM:
		if (*v != '\0' && !rapport_datum_ok(v))
			return session_refuse(c->s, c->id, ERR_VALIDATION,
			    "%s: %s är inget giltigt datum (ÅÅÅÅ-MM-DD).",
			    p->titel, v);
		return 0;
	case RAPPORT_P_AR:
		if (*v != '\0' && (strlen(v) != 4 || !rapport_id_ok(v) ||
		    atoi(v) < 1990 || atoi(v) > 2200))
			return session_refuse(c->s, c->id, ERR_VALIDATION,
			    "%s: %s är inget giltigt år (1990–2200).",
			    p->titel, v);
		return 0;
	case RAPPORT_P_VAL:
		for (i = 0; i < p->nval; i++) {
			if (strcmp(p->val[i].kod, v) == 0) {
				strlcpy(ord, p->val[i].namn, len);
				return 0;
			}
		}
		if (*v == '\0')
			return 0;
		return session_refuse(c->s, c->id, ERR_VALIDATION, "%s: %s "
		    "finns inte bland valen.", p->titel, v);
	}
	for (i = 0; i < sizeof rapport_uppslag / sizeof rapport_uppslag[0];
	    i++) {
		if (rapport_uppslag[i].slag == p->slag)
			u = &rapport_uppslag[i];
	}
	if (u == NULL || *v == '\0' || (u->heltal && strcmp(v, "0") == 0))
		return 0;
	ok = !u->heltal || rapport_id_ok(v);
	if (ok) {
		params[0] = v;
		params[1] = p->lista != NULL ? p->lista : "";
		if ((res = db_exec(c->s, u->sql, 2, params)) == NULL)
			return session_refuse(c->s, c->id, ERR_INTERNAL,
			    "Rapporten kunde inte skapas på grund av ett "
			    "serverfel.");
		n = PQntuples(res);
		if (n == 1)
			strlcpy(ord, PQgetvalue(res, 0, 0), len);
		PQclear(res);
		ok = n == 1;
	}
	if (!ok)
		return session_refuse(c->s, c->id, ERR_VALIDATION, "%s: %s %s "
		    "finns inte.", p->titel, u->vad, v);
	return 0;
}

/* Fills c->u from the resolved values; 0 or a refusal. */
static int
rapport_urval_fyll(struct rapport_ctx *c)
{
	struct rapport_urval	*u = &c->u;
	const char		*from, *tom, *v;
	size_t			 i;

	u->troskel = susd.conf.rapport_troskel;
	from = rapport_arg(c, "from");
	tom = rapport_arg(c, "tom");
	v = rapport_arg(c, "ar_from");
	u->ar_from = *v != '\0' ? atoi(v) : 0;
	v = rapport_arg(c, "ar_tom");
	u->ar_tom = *v != '\0' ? atoi(v) : 0;
	if (u->ar_from != 0 && u->ar_tom == 0)
		u->ar_tom = u->ar_from;
	if (u->ar_tom != 0 && u->ar_from == 0)
		u->ar_from = u->ar_tom;
	if (*from != '\0')
		strlcpy(u->from, from, sizeof u->from);
	else if (u->ar_from != 0)
		snprintf(u->from, sizeof u->from, "%04d-01-01", u->ar_from);
	else
		strlcpy(u->from, c->idag, sizeof u->from);
	if (*tom != '\0')
		strlcpy(u->tom, tom, sizeof u->tom);
	else if (u->ar_tom != 0)
		snprintf(u->tom, sizeof u->tom, "%04d-12-31", u->ar_tom);
	else
		strlcpy(u->tom, c->idag, sizeof u->tom);
	if (u->ar_from == 0)
		u->ar_from = atoi(u->from);
	if (u->ar_tom == 0)
		u->ar_tom = atoi(u->tom);
	if (strcmp(u->from, u->tom) > 0)
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Perioden "
		    "måste vara minst en dag: från och med %s är efter till "
		    "och med %s.", u->from, u->tom);
	if (u->ar_from > u->ar_tom)
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Första "
		    "budgetåret %d är efter det sista, %d.", u->ar_from,
		    u->ar_tom);
	v = rapport_arg(c, "niva");
	u->niva = NIVA_RIKET;
	for (i = 0; i < sizeof rapport_nivaer / sizeof rapport_nivaer[0]; i++) {
		if (strcmp(rapport_nivaer[i].kod, v) == 0)
			u->niva = rapport_nivaer[i].niva;
	}
	strlcpy(u->lanskod, rapport_arg(c, "lan"), sizeof u->lanskod);
	u->samorg_id = (uint32_t)strtoul(rapport_arg(c, "samorg"), NULL, 10);
	u->insats_id = (uint32_t)strtoul(rapport_arg(c, "insats"), NULL, 10);
	v = rapport_arg(c, "kon");
	strlcpy(u->kon, strcmp(v, "K") == 0 || strcmp(v, "M") == 0 ? v : "",
	    sizeof u->kon);
	if (rapport_alder_parse(rapport_arg(c, "alder"), &u->alder_min,
	    &u->alder_max) != 0)
		return session_refuse(c->s, c->id, ERR_VALIDATION, "Åldern "
		    "%s är ingen åldersgrupp.", rapport_arg(c, "alder"));
	return 0;
}

/* Checks and resolves the choices (rapport_urval.h). */
int
rapport_urval_las(struct rapport_ctx *c, char *urval, size_t len)
{
	const struct rapport_def	*def = c->def;
	const struct rapport_param	*p;
	const char			*v;
	char				 std[101], ord[512];
	size_t				 i, j;
	int				 dubbel, r;

	/* Every argument names a parameter of the report, once. */
	for (i = 0; i < c->q->nargs; i++) {
		if (c->q->args[i].namn == NULL ||
		    strcmp(c->q->args[i].namn, "typ") == 0)
			continue;
		for (j = 0; j < def->nparam; j++) {
			if (strcmp(def->param[j].namn, c->q->args[i].namn) == 0)
				break;
		}
		if (j == def->nparam)
			return session_refuse(c->s, c->id, ERR_VALIDATION,
			    "%s har inget urval som heter %s.", def->titel,
			    c->q->args[i].namn);
		rapport_given(c->q, def->param[j].namn, &dubbel);
		if (dubbel)
			return session_refuse(c->s, c->id, ERR_VALIDATION,
			    "Urvalet %s är angivet två gånger.",
			    def->param[j].titel);
	}
	c->varde = xcalloc(def->nparam + 1, sizeof *c->varde);
	for (j = 0; j < def->nparam; j++) {
		p = &def->param[j];
		if (rapport_standard(p->standard != NULL ? p->standard : "",
		    c->idag, std, sizeof std) != 0)
			std[0] = '\0';
		v = rapport_given(c->q, p->namn, &dubbel);
		/* A choice for another rapporttyp does not count here. */
		if (v == NULL || !rapport_galler(p, c->typ->namn))
			v = std;
		c->varde[j] = xstrdup(v);
		if (!rapport_galler(p, c->typ->namn))
			continue;
		if (p->kravs && *v == '\0')
			return session_refuse(c->s, c->id, ERR_VALIDATION,
			    "%s måste anges.", p->titel);
		if ((r = rapport_varde_las(c, p, v, ord, sizeof ord)) != 0)
			return r;
		if (rapport_enhet(p) && *v != '\0' && strcmp(v, "0") != 0)
			c->avgransad = 1;
		if (*ord != '\0')
			rapport_urval_add(urval, len, p->titel, ord);
	}
	return rapport_urval_fyll(c);
}

/* Remembers what the caller chose, and the rapporttyp as "typ". */
int
rapport_urval_spara(struct rapport_ctx *c)
{
	const struct rapport_def	*def = c->def;
	const char			*params[4], *v;
	char				 uid[16];
	size_t				 j;
	int				 dubbel;

	snprintf(uid, sizeof uid, "%u", c->s->user_id);
	params[0] = uid;
	params[1] = def->namn;
	params[2] = "typ";
	params[3] = c->typ->namn;
	if (!rapport_namn_ok(def->namn))
		return 0;
	if (db_exec_cmd(c->s, rapport_spara_sql, 4, params) != 0)
		goto fel;
	for (j = 0; j < def->nparam; j++) {
		v = rapport_given(c->q, def->param[j].namn, &dubbel);
		if (v == NULL || !rapport_galler(&def->param[j], c->typ->namn) ||
		    !rapport_namn_ok(def->param[j].namn))
			continue;
		params[2] = def->param[j].namn;
		params[3] = v;
		if (db_exec_cmd(c->s, rapport_spara_sql, 4, params) != 0)
			goto fel;
	}
	return 0;
fel:
	return session_refuse(c->s, c->id, ERR_INTERNAL, "Urvalet kunde inte "
	    "sparas på grund av ett serverfel.");
}
