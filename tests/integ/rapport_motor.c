/*
 * The report engine (issue 9, server/rapport.c) through the real
 * protocol: the table of reports with their parameters and the caller's
 * remembered choices, every refusal of a bad choice, small counts hidden
 * below national level and at national level narrowed to one unit, with
 * the sums that would give them away, the footnote exactly when
 * something is hidden, and no personnummer, name or person id in any
 * reply. Also the helpers the report cases share (rapport_int.h).
 *
 * The figures come from tests/data/rapport_insats.sql (see its header),
 * loaded and removed by each case that needs it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "integ.h"
#include "msg.h"
#include "proto.h"
#include "rapport_int.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/* The fixture (tests/data/rapport_insats.sql) and its clean-up. */
#define FX_FILE		"rapport_insats.sql"
#define FX_OST		"Rapporttest Östra Blekinge"
#define FX_VAST		"Rapporttest Västra Blekinge"

int
rapport_kor(struct conn *c, const char *rapport, const char *typ,
    const char *const *kv, struct msg_rapport *out)
{
	struct msg_rapport_run	 q;
	struct rapport_arg	 args[100];
	uint32_t		 n = 0;

	memset(&q, 0, sizeof q);
	memset(out, 0, sizeof *out);
	while (kv != NULL && kv[0] != NULL && kv[1] != NULL && n < 100) {
		args[n].namn = (char *)kv[0];
		args[n].varde = (char *)kv[1];
		n++;
		kv += 2;
	}
	q.rapport = (char *)rapport;
	q.typ = (char *)typ;
	q.nargs = n;
	q.args = n > 0 ? args : NULL;
	return integ_call(c, MSG_RAPPORT_RUN, &q, MSG_RAPPORT, out);
}

int
rapport_kol_index(const struct msg_rapport *r, const char *titel)
{
	uint32_t	i;

	for (i = 1; i < r->nkol; i++) {
		if (strcmp(r->kol[i].titel, titel) == 0)
			return (int)i;
	}
	return -1;
}

const struct rapport_rad_row *
rapport_rad_hitta(const struct msg_rapport *r, const char *grupp,
    const char *namn)
{
	uint32_t	i;

	for (i = 0; i < r->nrader; i++) {
		if (strcmp(r->rader[i].grupp, grupp) == 0 &&
		    strcmp(r->rader[i].namn, namn) == 0)
			return &r->rader[i];
	}
	return NULL;
}

int
rapport_cell_las(const struct msg_rapport *r, const char *grupp,
    const char *namn, const char *titel, int64_t *varde, uint8_t *flagga)
{
	const struct rapport_rad_row	*rad;
	int				 k;

	if ((rad = rapport_rad_hitta(r, grupp, namn)) == NULL)
		return fail("no row %s / %s", grupp, namn);
	if ((k = rapport_kol_index(r, titel)) < 0)
		return fail("no column %s", titel);
	if ((uint32_t)k > rad->nceller)
		return fail("row %s / %s has %u cells", grupp, namn,
		    rad->nceller);
	*varde = rad->celler[k - 1].varde;
	*flagga = rad->celler[k - 1].flagga;
	return 0;
}

int
rapport_cell_ar(const struct msg_rapport *r, const char *grupp,
    const char *namn, const char *titel, int64_t want)
{
	int64_t	v;
	uint8_t	f;

	if (rapport_cell_las(r, grupp, namn, titel, &v, &f) != 0)
		return -1;
	if (want == RAPPORT_DOLD) {
		if (f != RAPPORT_C_DOLD || v != 0)
			return fail("%s / %s / %s: want hidden, got %" PRId64
			    " flag %u", grupp, namn, titel, v, f);
		return 0;
	}
	if (want == RAPPORT_TOM) {
		if (f != RAPPORT_C_TOM)
			return fail("%s / %s / %s: want empty, got %" PRId64
			    " flag %u", grupp, namn, titel, v, f);
		return 0;
	}
	if (f != RAPPORT_C_VARDE || v != want)
		return fail("%s / %s / %s: want %" PRId64 ", got %" PRId64
		    " flag %u", grupp, namn, titel, want, v, f);
	return 0;
}

/* Whether any of forbjudna is in s; the one found, or NULL. */
static const char *
rapport_skanna_text(const char *s, const char *const *forbjudna)
{
	size_t	i;

	for (i = 0; s != NULL && forbjudna[i] != NULL; i++) {
		if (strstr(s, forbjudna[i]) != NULL)
			return forbjudna[i];
	}
	return NULL;
}

const char *
rapport_skanna(const struct msg_rapport *r, const char *const *forbjudna)
{
	const char	*hit;
	char		 tal[32];
	uint32_t	 i, j;

	if ((hit = rapport_skanna_text(r->rapport, forbjudna)) != NULL ||
	    (hit = rapport_skanna_text(r->typ, forbjudna)) != NULL ||
	    (hit = rapport_skanna_text(r->titel, forbjudna)) != NULL ||
	    (hit = rapport_skanna_text(r->urval, forbjudna)) != NULL)
		return hit;
	for (i = 0; i < r->nkol; i++) {
		if ((hit = rapport_skanna_text(r->kol[i].titel,
		    forbjudna)) != NULL)
			return hit;
	}
	for (i = 0; i < r->nfotnoter; i++) {
		if ((hit = rapport_skanna_text(r->fotnoter[i].text,
		    forbjudna)) != NULL)
			return hit;
	}
	for (i = 0; i < r->nrader; i++) {
		if ((hit = rapport_skanna_text(r->rader[i].grupp,
		    forbjudna)) != NULL ||
		    (hit = rapport_skanna_text(r->rader[i].namn,
		    forbjudna)) != NULL)
			return hit;
		/* A number in a cell that is a personnummer or an id. */
		for (j = 0; j < r->rader[i].nceller; j++) {
			snprintf(tal, sizeof tal, "%" PRId64,
			    r->rader[i].celler[j].varde);
			if (strlen(tal) >= 7 &&
			    (hit = rapport_skanna_text(tal, forbjudna)) != NULL)
				return hit;
		}
	}
	return NULL;
}

int
rapport_fixture(const char *name)
{
	const char	*dir = getenv("SUS_TEST_DATA");
	char		 out[2048];

	if (dir == NULL)
		return fail("SUS_TEST_DATA unset");
	if (integ_sql(out, sizeof out, "\\i %s/%s", dir, name) != 0)
		return fail("fixture %s: %.300s", name, out);
	if (strstr(out, "ERROR") != NULL)
		return fail("fixture %s: %.300s", name, out);
	return 0;
}

int
rapport_fixture_bort(void)
{
	/* Everything hangs on the two organisations "Rapporttest ...". */
	return integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " CREATE TEMP TABLE rt_s AS SELECT id FROM samverkansorg"
	    " WHERE namn LIKE 'Rapporttest %%';"
	    " CREATE TEMP TABLE rt_i AS SELECT id FROM insats"
	    " WHERE samverkansorg_id IN (SELECT id FROM rt_s);"
	    " CREATE TEMP TABLE rt_d AS SELECT id, person_id FROM deltagande"
	    " WHERE insats_id IN (SELECT id FROM rt_i);"
	    " DELETE FROM mattillfalle_forsorjning WHERE deltagande_id IN"
	    " (SELECT id FROM rt_d);"
	    " DELETE FROM mattillfalle WHERE deltagande_id IN"
	    " (SELECT id FROM rt_d);"
	    " DELETE FROM deltagande WHERE id IN (SELECT id FROM rt_d);"
	    " DELETE FROM person WHERE id IN (SELECT person_id FROM rt_d)"
	    " AND NOT EXISTS (SELECT 1 FROM deltagande d"
	    " WHERE d.person_id = person.id);"
	    " DELETE FROM anonym_deltagande WHERE insats_id IN"
	    " (SELECT id FROM rt_i);"
	    " DELETE FROM volym_antal WHERE insats_id IN (SELECT id FROM rt_i);"
	    " DELETE FROM insats_ar WHERE insats_id IN (SELECT id FROM rt_i);"
	    " DELETE FROM insats_budgetpost WHERE insats_id IN"
	    " (SELECT id FROM rt_i);"
	    " DELETE FROM insats_malgrupp WHERE insats_id IN"
	    " (SELECT id FROM rt_i);"
	    " DELETE FROM uppdrag WHERE insats_id IN (SELECT id FROM rt_i)"
	    " OR samverkansorg_id IN (SELECT id FROM rt_s);"
	    " DELETE FROM insats WHERE id IN (SELECT id FROM rt_i);"
	    " DELETE FROM samverkansorg_kommun WHERE samverkansorg_id IN"
	    " (SELECT id FROM rt_s);"
	    " DELETE FROM samverkansorg WHERE id IN (SELECT id FROM rt_s);"
	    " DELETE FROM rapport_val WHERE rapport = 'insats'");
}

/* Every report is listed, in menu order, with its parameters. */
static int
rapport_defs(void)
{
	static const char *const namn[] = { "insats", "deltagare", "kostnad",
	    "standard", "affk_deltagare", "affk_status" };
	struct conn			 c = { .fd = -1 };
	struct msg_rapport_defs_get	 q;
	struct msg_rapport_defs		 d;
	const struct rapport_def_row	*ins = NULL;
	uint32_t			 i, j;
	int				 rc = -1, from = 0, tom = 0, niva = 0;
	char				 idag[16];

	memset(&q, 0, sizeof q);
	memset(&d, 0, sizeof d);
	if (case_login(&c, "rapport") != 0)
		return -1;
	if (integ_call_ok(&c, MSG_RAPPORT_DEFS_GET, &q, MSG_RAPPORT_DEFS, &d,
	    "defs") != 0)
		goto out;
	CHECK(d.troskel == 3, "troskel %u", d.troskel);
	CHECK(d.ndefs == NELEM(namn), "%u reports", d.ndefs);
	for (i = 0; i < NELEM(namn); i++) {
		CHECK(strcmp(d.defs[i].namn, namn[i]) == 0, "report %u is %s",
		    i, d.defs[i].namn);
		CHECK(d.defs[i].ntyper >= 1, "%s has no rapporttyp", namn[i]);
		CHECK(d.defs[i].nparam >= 1, "%s has no parameter", namn[i]);
		CHECK(*d.defs[i].titel != '\0' && *d.defs[i].grupp != '\0',
		    "%s has no title or group", namn[i]);
	}
	ins = &d.defs[0];
	if (integ_sql(idag, sizeof idag, "SELECT current_date") != 0)
		goto out;
	for (j = 0; j < ins->nparam; j++) {
		const struct rapport_param_row *p = &ins->param[j];

		if (strcmp(p->namn, "from") == 0) {
			from = 1;
			CHECK(p->slag == RAPPORT_P_DATUM && p->kravs,
			    "from: kind %u required %u", p->slag, p->kravs);
			CHECK(strncmp(p->standard, idag, 4) == 0 &&
			    strcmp(p->standard + 4, "-01-01") == 0,
			    "from's standard %s, today %s", p->standard, idag);
		} else if (strcmp(p->namn, "tom") == 0) {
			tom = 1;
			CHECK(strcmp(p->standard, idag) == 0,
			    "tom's standard %s, today %s", p->standard, idag);
		} else if (strcmp(p->namn, "niva") == 0) {
			niva = 1;
			CHECK(p->slag == RAPPORT_P_VAL && p->nval == 4 &&
			    strcmp(p->val[3].kod, "insats") == 0,
			    "niva: kind %u, %u options", p->slag, p->nval);
			CHECK(strcmp(p->standard, "riket") == 0,
			    "niva's standard %s", p->standard);
		} else if (strcmp(p->namn, "inriktning") == 0) {
			CHECK(p->slag == RAPPORT_P_KOD &&
			    strcmp(p->lista, "inriktning") == 0 && p->fler,
			    "inriktning: kind %u list %s", p->slag, p->lista);
		}
	}
	CHECK(from && tom && niva, "insats lacks from, tom or niva");
	rc = 0;
out:
	msg_clear(MSG_RAPPORT_DEFS, &d);
	conn_close(&c);
	return rc;
}

/* A report runs with its standards alone and names what it chose. */
static int
rapport_standardval(void)
{
	struct conn		 c = { .fd = -1 };
	struct msg_rapport	 r;
	int			 rc = -1;

	memset(&r, 0, sizeof r);
	if (case_login(&c, "rapport") != 0)
		return -1;
	if (integ_accepted(rapport_kor(&c, "insats", "", NULL, &r),
	    "insats with standards") != 0)
		goto out;
	CHECK(strcmp(r.rapport, "insats") == 0 && strcmp(r.typ, "alla") == 0,
	    "report %s/%s", r.rapport, r.typ);
	CHECK(strcmp(r.titel, "Insatsrapport") == 0, "title %s", r.titel);
	CHECK(strstr(r.urval, "Nivå: Riket") != NULL, "urval %s", r.urval);
	CHECK(strlen(r.skapad) == 16, "skapad %s", r.skapad);
	CHECK(r.nkol >= 2 && r.kol[0].slag == RAPPORT_K_TEXT, "%u columns",
	    r.nkol);
	CHECK(r.diagram_kol >= 1 && r.diagram_kol < r.nkol, "diagram_kol %u",
	    r.diagram_kol);
	rc = 0;
out:
	msg_clear(MSG_RAPPORT, &r);
	conn_close(&c);
	return rc;
}

/* The caller's remembered choices of report rapport as "namn=varde;...". */
static int
sparade(struct conn *c, const char *rapport, char *out, size_t len)
{
	struct msg_rapport_defs_get	 q;
	struct msg_rapport_defs		 d;
	uint32_t			 i;

	memset(&q, 0, sizeof q);
	memset(&d, 0, sizeof d);
	out[0] = '\0';
	if (integ_call_ok(c, MSG_RAPPORT_DEFS_GET, &q, MSG_RAPPORT_DEFS, &d,
	    "defs") != 0)
		return -1;
	for (i = 0; i < d.nsparade; i++) {
		if (strcmp(d.sparade[i].rapport, rapport) != 0)
			continue;
		snprintf(out + strlen(out), len - strlen(out), "%s=%s;",
		    d.sparade[i].namn, d.sparade[i].varde);
	}
	msg_clear(MSG_RAPPORT_DEFS, &d);
	return 0;
}

/*
 * Every run remembers its choices for the caller, in the request's
 * transaction: a refused run remembers nothing, another user sees none.
 */
static int
rapport_sparade_val(void)
{
	static const char *const forsta[] = { "from", "2001-07-01", "tom",
	    "2002-06-30", "niva", "lan", "kon", "K", NULL };
	static const char *const andra[] = { "from", "2001-07-01", "tom",
	    "2002-06-30", "niva", "samorg", "kon", "K", NULL };
	static const char *const fel[] = { "from", "2001-07-01", "tom",
	    "2002-02-30", "niva", "insats", NULL };
	struct conn		 c = { .fd = -1 }, c2 = { .fd = -1 };
	struct msg_rapport	 r;
	char			 got[1024];
	int			 rc = -1;

	memset(&r, 0, sizeof r);
	if (integ_sql(NULL, 0, "DELETE FROM rapport_val") != 0)
		return -1;
	if (case_login(&c, "rapport") != 0 || case_login(&c2, "insatsansv"))
		goto out;
	if (integ_accepted(rapport_kor(&c, "insats", "", forsta, &r),
	    "first run") != 0)
		goto out;
	msg_clear(MSG_RAPPORT, &r);
	if (sparade(&c, "insats", got, sizeof got) != 0)
		goto out;
	CHECK(strcmp(got, "from=2001-07-01;kon=K;niva=lan;tom=2002-06-30;"
	    "typ=alla;") == 0, "remembered: %s", got);
	if (integ_accepted(rapport_kor(&c, "insats", "alla", andra, &r),
	    "second run") != 0)
		goto out;
	msg_clear(MSG_RAPPORT, &r);
	if (integ_refused(rapport_kor(&c, "insats", "", fel, &r),
	    ERR_VALIDATION, "2002-02-30", "a refused run") != 0)
		goto out;
	if (sparade(&c, "insats", got, sizeof got) != 0)
		goto out;
	CHECK(strcmp(got, "from=2001-07-01;kon=K;niva=samorg;tom=2002-06-30;"
	    "typ=alla;") == 0, "after a change and a refusal: %s", got);
	if (sparade(&c2, "insats", got, sizeof got) != 0)
		goto out;
	CHECK(got[0] == '\0', "another user sees: %s", got);
	CHECK(integ_sql_u32("SELECT count(*) FROM rapport_val v JOIN anvandare"
	    " a ON a.id = v.anvandare_id WHERE a.username = 'rapport'"
	    " AND v.rapport = 'insats'") == 5, "rapport_val rows");
	rc = 0;
out:
	msg_clear(MSG_RAPPORT, &r);
	conn_close(&c);
	conn_close(&c2);
	integ_sql(NULL, 0, "DELETE FROM rapport_val");
	return rc;
}

/* One choice that must be refused, and what the refusal must say. */
static const struct {
	const char	*rapport;
	const char	*typ;
	const char	*kv[8];
	uint32_t	 code;
	const char	*text;
} avslag[] = {
	{ "finns_inte", "", { NULL }, ERR_NOT_FOUND,
	    "Rapporten finns_inte finns inte." },
	{ "insats", "ingen", { NULL }, ERR_NOT_FOUND,
	    "Insatsrapport har ingen rapporttyp som heter ingen." },
	{ "insats", "", { "farg", "bla", NULL }, ERR_VALIDATION,
	    "Insatsrapport har inget urval som heter farg." },
	{ "insats", "", { "kon", "K", "kon", "M", NULL }, ERR_VALIDATION,
	    "Urvalet Kön är angivet två gånger." },
	{ "insats", "", { "from", "2001-02-29", NULL }, ERR_VALIDATION,
	    "Från och med: 2001-02-29 är inget giltigt datum (ÅÅÅÅ-MM-DD)." },
	{ "insats", "", { "tom", "2001-7-1", NULL }, ERR_VALIDATION,
	    "Till och med: 2001-7-1 är inget giltigt datum" },
	{ "insats", "", { "from", "1989-12-31", NULL }, ERR_VALIDATION,
	    "Från och med: 1989-12-31 är inget giltigt datum" },
	{ "insats", "", { "from", "2002-07-01", "tom", "2002-06-30", NULL },
	    ERR_VALIDATION, "Perioden måste vara minst en dag: från och med "
	    "2002-07-01 är efter till och med 2002-06-30." },
	{ "insats", "", { "niva", "kontor", NULL }, ERR_VALIDATION,
	    "Nivå: kontor finns inte bland valen." },
	{ "insats", "", { "kon", "X", NULL }, ERR_VALIDATION,
	    "Kön: X finns inte bland valen." },
	{ "insats", "", { "alder", "15-20", NULL }, ERR_VALIDATION,
	    "Åldersgrupp: 15-20 finns inte bland valen." },
	{ "insats", "", { "inriktning", "UNGA", NULL }, ERR_VALIDATION,
	    "Inriktning: koden UNGA finns inte." },
	{ "insats", "", { "samorg", "999999999", NULL }, ERR_VALIDATION,
	    "Samverkansorganisation: samverkansorganisationen 999999999 "
	    "finns inte." },
	{ "insats", "", { "samorg", "12ab", NULL }, ERR_VALIDATION,
	    "samverkansorganisationen 12ab finns inte." },
	{ "insats", "", { "insats", "999999999", NULL }, ERR_VALIDATION,
	    "Insats: insatsen 999999999 finns inte." },
	{ "insats", "", { "lan", "99", NULL }, ERR_VALIDATION,
	    "Län: länet 99 finns inte." },
	{ "insats", "", { "from", "", NULL }, ERR_VALIDATION,
	    "Från och med måste anges." },
	{ "insats", "", { "niva", "", NULL }, ERR_VALIDATION,
	    "Nivå måste anges." },
};

/* Every bad choice is refused with a Swedish sentence naming the field. */
static int
rapport_avslag(void)
{
	struct conn		 c = { .fd = -1 };
	struct msg_rapport	 r;
	char			 what[128];
	size_t			 i;
	int			 rc = -1;

	memset(&r, 0, sizeof r);
	if (case_login(&c, "rapport") != 0)
		return -1;
	for (i = 0; i < NELEM(avslag); i++) {
		snprintf(what, sizeof what, "refusal %zu (%s)", i,
		    avslag[i].text);
		if (integ_refused(rapport_kor(&c, avslag[i].rapport,
		    avslag[i].typ, avslag[i].kv, &r), avslag[i].code,
		    avslag[i].text, what) != 0)
			goto out;
		msg_clear(MSG_RAPPORT, &r);
	}
	rc = 0;
out:
	msg_clear(MSG_RAPPORT, &r);
	conn_close(&c);
	return rc;
}

/* The footnote where something is hidden (server/rapport_dolj.c). */
#define FOTNOT_DOLD	"Antal under 3 visas inte (markerade som dolda) " \
			"utom för hela riket utan avgränsning, och inte " \
			"heller summor eller andra antal som skulle " \
			"avslöja dem."

/*
 * Whether the reply says that something was hidden: exactly so when
 * exakt, in any words of the kind otherwise.
 */
static int
har_fotnot(const struct msg_rapport *r, int exakt)
{
	uint32_t	i;

	for (i = 0; i < r->nfotnoter; i++) {
		if (strstr(r->fotnoter[i].text, exakt ? FOTNOT_DOLD :
		    "Antal under 3 visas inte") != NULL)
			return 1;
	}
	return 0;
}

/*
 * Counts of 1 and 2 are hidden below riket, and at riket narrowed to one
 * unit, with the count that a shown sum would give them away by; at riket
 * over the whole country they are shown; the footnote is there exactly
 * when something is hidden.
 */
static int
rapport_troskel(void)
{
	static const char *const samorg[] = { "from", "2001-07-01", "tom",
	    "2002-06-30", "niva", "samorg", NULL };
	static const char *const riket[] = { "from", "2001-07-01", "tom",
	    "2002-06-30", NULL };
	static const char *const riket_lan[] = { "from", "2001-07-01", "tom",
	    "2002-06-30", "lan", "10", NULL };
	static const char *const inget[] = { "from", "2001-07-01", "tom",
	    "2002-06-30", "niva", "samorg", "inriktning", "STRUKTUR", NULL };
	struct conn		 c = { .fd = -1 };
	struct msg_rapport	 r;
	int			 rc = -1;

	memset(&r, 0, sizeof r);
	if (rapport_fixture(FX_FILE) != 0 || case_login(&c, "rapport") != 0)
		goto out;
	if (integ_accepted(rapport_kor(&c, "insats", "", samorg, &r),
	    "samorg") != 0)
		goto out;
	/* 1 and 2 hidden; 3 hidden too, or the sum 4 would give the 1. */
	if (rapport_cell_ar(&r, FX_VAST, "RT Liten",
	    "Deltagare under perioden", RAPPORT_DOLD) != 0 ||
	    rapport_cell_ar(&r, FX_VAST, "RT Steg ett", "Anonyma män",
	    RAPPORT_DOLD) != 0 ||
	    rapport_cell_ar(&r, FX_VAST, "RT Steg ett",
	    "Deltagare under perioden", RAPPORT_DOLD) != 0 ||
	    rapport_cell_ar(&r, FX_VAST, "Summa", "Deltagare under perioden",
	    4) != 0 ||
	    rapport_cell_ar(&r, FX_VAST, "Summa", "Anonyma män",
	    RAPPORT_DOLD) != 0 ||
	    rapport_cell_ar(&r, FX_OST, "RT Steg ett",
	    "Deltagare under perioden", 5) != 0 ||
	    rapport_cell_ar(&r, FX_OST, "RT Steg ett",
	    "Planerat antal deltagare", 20) != 0)
		goto out;
	CHECK(har_fotnot(&r, 1), "no footnote where counts are hidden");
	msg_clear(MSG_RAPPORT, &r);
	if (integ_accepted(rapport_kor(&c, "insats", "", riket, &r),
	    "riket") != 0)
		goto out;
	if (rapport_cell_ar(&r, "Riket", "RT Liten (" FX_VAST ")",
	    "Deltagare under perioden", 1) != 0 ||
	    rapport_cell_ar(&r, "Riket", "RT Steg ett (" FX_VAST ")",
	    "Anonyma män", 2) != 0 ||
	    rapport_cell_ar(&r, "Riket", "RT Steg ett (" FX_VAST ")",
	    "Deltagare under perioden", 3) != 0)
		goto out;
	CHECK(!har_fotnot(&r, 0), "a hiding footnote at riket");
	msg_clear(MSG_RAPPORT, &r);
	/*
	 * Riket narrowed to one län shows that län alone, so it hides what
	 * the län level does (the fixture's header, "län Blekinge"): the 1,
	 * the 3 of VÄST's RT Steg ett with it under the sum 9, and ÖST's 5
	 * anonyma kvinnor with VÄST's 1 under the sum 6.
	 */
	if (integ_accepted(rapport_kor(&c, "insats", "", riket_lan, &r),
	    "riket, Blekinge") != 0)
		goto out;
	if (rapport_cell_ar(&r, "Riket", "RT Liten (" FX_VAST ")",
	    "Deltagare under perioden", RAPPORT_DOLD) != 0 ||
	    rapport_cell_ar(&r, "Riket", "RT Steg ett (" FX_VAST ")",
	    "Deltagare under perioden", RAPPORT_DOLD) != 0 ||
	    rapport_cell_ar(&r, "Riket", "RT Steg ett (" FX_OST ")",
	    "Deltagare under perioden", 5) != 0 ||
	    rapport_cell_ar(&r, "Riket", "RT Steg ett (" FX_OST ")",
	    "Anonyma kvinnor", RAPPORT_DOLD) != 0 ||
	    rapport_cell_ar(&r, "Riket", "Summa", "Deltagare under perioden",
	    9) != 0 ||
	    rapport_cell_ar(&r, "Riket", "Summa", "Anonyma kvinnor", 6) != 0)
		goto out;
	CHECK(har_fotnot(&r, 1), "no footnote at riket, Blekinge");
	msg_clear(MSG_RAPPORT, &r);
	if (integ_accepted(rapport_kor(&c, "insats", "", inget, &r),
	    "nothing small") != 0)
		goto out;
	if (rapport_cell_ar(&r, FX_OST, "RT Volym", "Volym kvinnor (summa av "
	    "månader)", 8) != 0)
		goto out;
	CHECK(!har_fotnot(&r, 0), "a hiding footnote where nothing is "
	    "hidden");
	rc = 0;
out:
	msg_clear(MSG_RAPPORT, &r);
	conn_close(&c);
	if (rapport_fixture_bort() != 0)
		rc = -1;
	return rc;
}

/*
 * No reply of any report, at any level, holds a personnummer (in any
 * form), a participant's or a deltagaransvarig's name, or the id of a
 * person or participation of the fixture.
 */
static int
rapport_ingen_persondata(void)
{
	static const char *const forbjudna[] = {
	    "201806052385", "201806122394", "201906232382", "201906262397",
	    "1806052385", "1806122394", "1906232382", "1906262397",
	    "180605-2385", "180612-2394", "190623-2382", "190626-2397",
	    "Rapportina", "Rapportus", "Insatsa", "Insatso", "Testsson",
	    "Provdottir", "Provsson", "Ekström", "Åkesson", "Nyberg",
	    "Johan", "Maria", "Karin",
	    /* The fixture's person and participation ids (9182736xx). */
	    "9182736", NULL };
	static const char *const nivaer[] = { "riket", "lan", "samorg",
	    "insats" };
	static const char *const filter[][2] = { { "kon", "" },
	    { "kon", "K" }, { "alder", "16-24" }, { "malgrupp", "UNGA" } };
	struct conn			 c = { .fd = -1 };
	struct msg_rapport_defs_get	 q;
	struct msg_rapport_defs		 d;
	struct msg_rapport		 r;
	const char			*kv[9], *hit;
	uint32_t			 i, t;
	size_t				 n, f;
	int				 rc = -1, runs = 0, got;

	memset(&d, 0, sizeof d);
	memset(&r, 0, sizeof r);
	memset(&q, 0, sizeof q);
	if (rapport_fixture(FX_FILE) != 0 || case_login(&c, "rapport") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM deltagande"
	    " WHERE id BETWEEN 918273600 AND 918273699") == 12 &&
	    integ_sql_u32("SELECT count(*) FROM person"
	    " WHERE id BETWEEN 918273600 AND 918273699") == 4,
	    "the fixture's ids are not the ones looked for");
	if (integ_call_ok(&c, MSG_RAPPORT_DEFS_GET, &q, MSG_RAPPORT_DEFS, &d,
	    "defs") != 0)
		goto out;
	/* Every report and rapporttyp that answers, at every level. */
	for (i = 0; i < d.ndefs; i++) {
		for (t = 0; t < d.defs[i].ntyper; t++) {
			for (n = 0; n < NELEM(nivaer); n++) {
				for (f = 0; f < NELEM(filter); f++) {
					kv[0] = "from";
					kv[1] = "2001-07-01";
					kv[2] = "tom";
					kv[3] = "2002-06-30";
					kv[4] = "niva";
					kv[5] = nivaer[n];
					kv[6] = filter[f][0];
					kv[7] = filter[f][1];
					kv[8] = NULL;
					got = rapport_kor(&c, d.defs[i].namn,
					    d.defs[i].typer[t].namn, kv, &r);
					if (got < 0)
						goto out;
					if (got > 0)
						continue;
					runs++;
					hit = rapport_skanna(&r, forbjudna);
					CHECK(hit == NULL, "%s/%s at %s: %s",
					    d.defs[i].namn,
					    d.defs[i].typer[t].namn,
					    nivaer[n], hit);
					msg_clear(MSG_RAPPORT, &r);
				}
			}
		}
	}
	/* The Insatsrapport alone makes 16 of them. */
	CHECK(runs >= 16, "only %d reports answered", runs);
	rc = 0;
out:
	msg_clear(MSG_RAPPORT, &r);
	msg_clear(MSG_RAPPORT_DEFS, &d);
	conn_close(&c);
	if (rapport_fixture_bort() != 0)
		rc = -1;
	return rc;
}

const struct integ_case cases_rapport_motor[] = {
	{ "main", "rapport_defs", rapport_defs },
	{ "main", "rapport_standardval", rapport_standardval },
	{ "main", "rapport_sparade_val", rapport_sparade_val },
	{ "main", "rapport_avslag", rapport_avslag },
	{ "main", "rapport_troskel", rapport_troskel },
	{ "main", "rapport_ingen_persondata", rapport_ingen_persondata },
	{ NULL, NULL, NULL }
};
