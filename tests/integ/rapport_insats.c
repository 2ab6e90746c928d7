/*
 * Insatsrapport (issue 9, domain.md 6.1, server/rapport_insats.c)
 * through the real protocol: every cell of the hand-computed fixture
 * tests/data/rapport_insats.sql (its header works the figures out) at
 * levels riket, län, samverkansorganisation and insats, with small
 * counts hidden below riket and at riket narrowed to one unit, and with
 * the kön, åldersgrupp, inriktning, målgrupp, samverkansorganisation and
 * insats filters. Each case loads the fixture and removes it again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "integ.h"
#include "msg.h"
#include "proto.h"
#include "rapport_int.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])
#define D		RAPPORT_DOLD
#define T		RAPPORT_TOM

#define OST		"Rapporttest Östra Blekinge"
#define VAST		"Rapporttest Västra Blekinge"
#define LAN		"Blekinge län"
#define I1		"RT Steg ett (" OST ")"
#define I2		"RT Volym (" OST ")"
#define I4		"RT Steg ett (" VAST ")"
#define I5		"RT Liten (" VAST ")"

/* The columns after the first, as the report must title them. */
static const char *const kol[] = {
	"Planerat antal deltagare",
	"Deltagare under perioden",
	"Nya under perioden",
	"Avslutade under perioden",
	"Pågående vid periodens slut",
	"Anonyma kvinnor",
	"Anonyma män",
	"Volym kvinnor (summa av månader)",
	"Volym män (summa av månader)",
	"Volym okänt kön (summa av månader)",
	"Budget insatskostnad (kr)",
	"Utfall insatskostnad (kr)",
	"Deltagaransvariga",
};
#define NKOL	NELEM(kol)

/* One expected row: its unit, its name and every cell (D, T or a figure). */
struct forvantad {
	const char	*grupp;
	const char	*namn;
	int64_t		 v[NKOL];
};

/* The period of every case (the fixture's header). */
#define PERIOD	"from", "2001-07-01", "tom", "2002-06-30"

/* Riket over the whole country: the fixture's rows, nothing hidden. */
static const struct forvantad riket[] = {
	{ "Riket", I1, { 20, 5, 2, 2, 3, 5, 1, 0, 0, 0, 150000, 80000, 2 } },
	{ "Riket", I2, { 100, 0, 0, 0, 0, 0, 0, 8, 7, 3, 30000, 25000, 0 } },
	{ "Riket", I4, { 8, 3, 2, 2, 1, 1, 2, 0, 0, 0, 60000, 61000, 1 } },
	{ "Riket", I5, { 4, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 } },
};

/*
 * Riket narrowed to Blekinge shows that one län, so it hides what the
 * län level hides for Blekinge (lan below), with the fixture's sums.
 */
static const struct forvantad riket_lan[] = {
	{ "Riket", I1, { 20, 5, D, D, 3, D, D, 0, 0, 0, 150000, 80000, 2 } },
	{ "Riket", I2, { 100, 0, 0, 0, 0, 0, 0, 8, 7, 3, 30000, 25000, 0 } },
	{ "Riket", I4, { 8, D, D, D, D, D, D, 0, 0, 0, 60000, 61000, 1 } },
	{ "Riket", I5, { 4, D, D, 0, D, 0, 0, 0, 0, 0, 0, 0, 0 } },
	{ "Riket", "Summa", { 132, 9, 5, 4, 5, 6, 3, 8, 7, 3, 240000, 166000,
	    3 } },
};

static const struct forvantad samorg[] = {
	{ OST, "RT Steg ett", { 20, 5, D, D, 3, 5, D, 0, 0, 0, 150000, 80000,
	    2 } },
	{ OST, "RT Volym", { 100, 0, 0, 0, 0, 0, 0, 8, 7, 3, 30000, 25000,
	    0 } },
	{ OST, "Summa", { 120, 5, D, D, 3, 5, D, 8, 7, 3, 180000, 105000,
	    2 } },
	{ VAST, "RT Liten", { 4, D, D, 0, D, 0, 0, 0, 0, 0, 0, 0, 0 } },
	{ VAST, "RT Steg ett", { 8, D, D, D, D, D, D, 0, 0, 0, 60000, 61000,
	    1 } },
	{ VAST, "Summa", { 12, 4, 3, D, D, D, D, 0, 0, 0, 60000, 61000, 1 } },
};

static const struct forvantad lan[] = {
	{ LAN, I1, { 20, 5, D, D, 3, D, D, 0, 0, 0, 150000, 80000, 2 } },
	{ LAN, I2, { 100, 0, 0, 0, 0, 0, 0, 8, 7, 3, 30000, 25000, 0 } },
	{ LAN, I4, { 8, D, D, D, D, D, D, 0, 0, 0, 60000, 61000, 1 } },
	{ LAN, I5, { 4, D, D, 0, D, 0, 0, 0, 0, 0, 0, 0, 0 } },
	{ LAN, "Summa", { 132, 9, 5, 4, 5, 6, 3, 8, 7, 3, 240000, 166000,
	    3 } },
};

static const struct forvantad niva_insats[] = {
	{ I1, "RT Steg ett", { 20, 5, D, D, 3, 5, D, 0, 0, 0, 150000, 80000,
	    2 } },
	{ I2, "RT Volym", { 100, 0, 0, 0, 0, 0, 0, 8, 7, 3, 30000, 25000,
	    0 } },
	{ I4, "RT Steg ett", { 8, 3, D, D, D, D, D, 0, 0, 0, 60000, 61000,
	    1 } },
	{ I5, "RT Liten", { 4, D, D, 0, D, 0, 0, 0, 0, 0, 0, 0, 0 } },
};

/* Filters at level län (Blekinge); hidden as the fixture's header says. */
static const struct forvantad kon_k[] = {
	{ LAN, I1, { 20, D, 0, D, D, D, 0, 0, 0, 0, 150000, 80000, 2 } },
	{ LAN, I2, { 100, 0, 0, 0, 0, 0, 0, 8, 0, 0, 30000, 25000, 0 } },
	{ LAN, I4, { 8, D, D, D, D, D, 0, 0, 0, 0, 60000, 61000, 1 } },
	{ LAN, I5, { 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 } },
	{ LAN, "Summa", { 132, 4, D, D, D, 6, 0, 8, 0, 0, 240000, 166000,
	    3 } },
};

static const struct forvantad kon_m[] = {
	{ LAN, I1, { 20, 3, D, D, D, 0, D, 0, 0, 0, 150000, 80000, 2 } },
	{ LAN, I2, { 100, 0, 0, 0, 0, 0, 0, 0, 7, 0, 30000, 25000, 0 } },
	{ LAN, I4, { 8, D, 0, D, 0, 0, D, 0, 0, 0, 60000, 61000, 1 } },
	{ LAN, I5, { 4, D, D, 0, D, 0, 0, 0, 0, 0, 0, 0, 0 } },
	{ LAN, "Summa", { 132, 5, 3, D, 3, 0, 3, 0, 7, 0, 240000, 166000,
	    3 } },
};

static const struct forvantad unga[] = {
	{ LAN, I1, { 20, D, D, 0, D, T, T, T, T, T, 150000, 80000, 2 } },
	{ LAN, I2, { 100, 0, 0, 0, 0, T, T, T, T, T, 30000, 25000, 0 } },
	{ LAN, I4, { 8, D, D, D, D, T, T, T, T, T, 60000, 61000, 1 } },
	{ LAN, I5, { 4, D, D, 0, D, T, T, T, T, T, 0, 0, 0 } },
	{ LAN, "Summa", { 132, 5, 4, D, 4, T, T, T, T, T, 240000, 166000,
	    3 } },
};

static const struct forvantad struktur[] = {
	{ LAN, I2, { 100, 0, 0, 0, 0, 0, 0, 8, 7, 3, 30000, 25000, 0 } },
	{ LAN, "Summa", { 100, 0, 0, 0, 0, 0, 0, 8, 7, 3, 30000, 25000, 0 } },
};

static const struct forvantad malgrupp_unga[] = {
	{ LAN, I1, { 20, D, D, D, D, 5, D, 0, 0, 0, 150000, 80000, 2 } },
	{ LAN, I5, { 4, D, D, 0, D, 0, 0, 0, 0, 0, 0, 0, 0 } },
	{ LAN, "Summa", { 24, 6, 3, D, 4, 5, D, 0, 0, 0, 150000, 80000, 2 } },
};

/* RT Volym alone at riket: narrowed, but nothing small to hide. */
static const struct forvantad bara_volym[] = {
	{ "Riket", I2, { 100, 0, 0, 0, 0, 0, 0, 8, 7, 3, 30000, 25000, 0 } },
	{ "Riket", "Summa", { 100, 0, 0, 0, 0, 0, 0, 8, 7, 3, 30000, 25000,
	    0 } },
};

/* Whether row i of r belongs to the fixture: a unit or name of its own. */
static int
egen(const struct rapport_rad_row *rad)
{
	return strstr(rad->grupp, "Rapporttest") != NULL ||
	    strstr(rad->namn, "Rapporttest") != NULL ||
	    strcmp(rad->grupp, LAN) == 0;
}

/*
 * Checks the columns, every cell of the n expected rows, and that the
 * fixture's rows (all rows when alla) are exactly those. 0 or -1.
 */
static int
jamfor(const struct msg_rapport *r, const struct forvantad *f, size_t n,
    int alla)
{
	size_t		i, k, have = 0;
	uint32_t	j;

	if (r->nkol != NKOL + 1)
		return fail("%u columns, want %zu", r->nkol, NKOL + 1);
	for (k = 0; k < NKOL; k++) {
		if (strcmp(r->kol[k + 1].titel, kol[k]) != 0)
			return fail("column %zu is %s, want %s", k + 1,
			    r->kol[k + 1].titel, kol[k]);
	}
	for (i = 0; i < n; i++) {
		for (k = 0; k < NKOL; k++) {
			if (rapport_cell_ar(r, f[i].grupp, f[i].namn, kol[k],
			    f[i].v[k]) != 0)
				return -1;
		}
		if (rapport_rad_hitta(r, f[i].grupp, f[i].namn)->summa !=
		    (strcmp(f[i].namn, "Summa") == 0))
			return fail("%s / %s: summa flag wrong", f[i].grupp,
			    f[i].namn);
	}
	for (j = 0; j < r->nrader; j++) {
		if (alla || egen(&r->rader[j]))
			have++;
	}
	if (have != n)
		return fail("%zu rows of the fixture, want %zu", have, n);
	return 0;
}

/* The footnote where something is hidden (server/rapport_dolj.c). */
#define FOTNOT_DOLD	"Antal under 3 visas inte (markerade som dolda) " \
			"utom för hela riket utan avgränsning, och inte " \
			"heller summor eller andra antal som skulle " \
			"avslöja dem."

/* Whether a footnote of the reply holds text. */
static int
fotnot_dold(const struct msg_rapport *r, const char *text)
{
	uint32_t	i;

	for (i = 0; i < r->nfotnoter; i++) {
		if (strstr(r->fotnoter[i].text, text) != NULL)
			return 1;
	}
	return 0;
}

/*
 * Runs the report with kv as rapport (a demo user with SUSrapport only)
 * and checks it against f. alla: every row must be expected; dold: the
 * hiding footnote must (1) or must not (0) be there. 0 or -1.
 */
static int
kor(const char *const *kv, const struct forvantad *f, size_t n, int alla,
    int dold)
{
	struct conn		 c = { .fd = -1 };
	struct msg_rapport	 r;
	int			 rc = -1;

	memset(&r, 0, sizeof r);
	if (case_login(&c, "rapport") != 0)
		goto out;
	if (integ_accepted(rapport_kor(&c, "insats", "", kv, &r),
	    "insatsrapport") != 0)
		goto out;
	if (jamfor(&r, f, n, alla) != 0)
		goto out;
	/* Exactly the footnote where hidden; none of its kind where not. */
	CHECK(fotnot_dold(&r, dold ? FOTNOT_DOLD : "Antal under 3") == dold,
	    "hiding footnote %s",
	    dold ? "missing" : "where nothing is hidden");
	CHECK(r.diagram_kol == 2, "chart column %u", r.diagram_kol);
	rc = 0;
out:
	msg_clear(MSG_RAPPORT, &r);
	conn_close(&c);
	return rc;
}

/* kor() with the fixture loaded first and removed after. */
static int
kor_och_jamfor(const char *const *kv, const struct forvantad *f, size_t n,
    int alla, int dold)
{
	int	rc = -1;

	if (rapport_fixture("rapport_insats.sql") == 0)
		rc = kor(kv, f, n, alla, dold);
	if (rapport_fixture_bort() != 0)
		rc = -1;
	return rc;
}

/* Riket narrowed to Blekinge: every cell and the sums, hidden as län. */
static int
insats_riket(void)
{
	static const char *const kv[] = { PERIOD, "niva", "riket", "lan",
	    "10", NULL };

	return kor_och_jamfor(kv, riket_lan, NELEM(riket_lan), 1, 1);
}

/* Riket over all: the fixture's rows, nothing hidden, none of I3, I6. */
static int
insats_riket_alla(void)
{
	static const char *const kv[] = { PERIOD, NULL };

	/* The sum row holds whatever else runs then: only the four rows. */
	return kor_och_jamfor(kv, riket, NELEM(riket), 0, 0);
}

static int
insats_samorg(void)
{
	static const char *const kv[] = { PERIOD, "niva", "samorg", NULL };

	return kor_och_jamfor(kv, samorg, NELEM(samorg), 0, 1);
}

static int
insats_lan(void)
{
	static const char *const kv[] = { PERIOD, "niva", "lan", NULL };

	return kor_och_jamfor(kv, lan, NELEM(lan), 0, 1);
}

static int
insats_niva_insats(void)
{
	static const char *const kv[] = { PERIOD, "niva", "insats", NULL };

	return kor_och_jamfor(kv, niva_insats, NELEM(niva_insats), 0, 1);
}

static int
insats_kon(void)
{
	static const char *const k[] = { PERIOD, "niva", "lan", "kon", "K",
	    NULL };
	static const char *const m[] = { PERIOD, "niva", "lan", "kon", "M",
	    NULL };

	if (kor_och_jamfor(k, kon_k, NELEM(kon_k), 0, 1) != 0)
		return -1;
	return kor_och_jamfor(m, kon_m, NELEM(kon_m), 0, 1);
}

static int
insats_alder(void)
{
	static const char *const kv[] = { PERIOD, "niva", "lan", "alder",
	    "16-24", NULL };

	return kor_och_jamfor(kv, unga, NELEM(unga), 0, 1);
}

static int
insats_kategori(void)
{
	static const char *const s[] = { PERIOD, "niva", "lan", "inriktning",
	    "STRUKTUR", NULL };
	static const char *const m[] = { PERIOD, "niva", "lan", "malgrupp",
	    "UNGA", NULL };

	if (kor_och_jamfor(s, struktur, NELEM(struktur), 0, 0) != 0)
		return -1;
	return kor_och_jamfor(m, malgrupp_unga, NELEM(malgrupp_unga), 0, 1);
}

/* samorg and insats as filters, by the ids the fixture got. */
static int
insats_urval_id(void)
{
	char		 vast[16], i2[16];
	const char	*s[] = { PERIOD, "niva", "samorg", "samorg", vast,
	    NULL };
	const char	*i[] = { PERIOD, "insats", i2, NULL };
	int		 rc = -1;

	if (rapport_fixture("rapport_insats.sql") != 0)
		goto out;
	snprintf(vast, sizeof vast, "%u", integ_sql_u32("SELECT id FROM "
	    "samverkansorg WHERE namn = '%s'", VAST));
	snprintf(i2, sizeof i2, "%u", integ_sql_u32("SELECT i.id FROM insats i"
	    " JOIN samverkansorg s ON s.id = i.samverkansorg_id"
	    " WHERE s.namn = '%s' AND i.namn = 'RT Volym'", OST));
	/* Västra alone: Östra's rows would be counted as the fixture's. */
	if (kor(s, samorg + 3, 3, 0, 1) != 0)
		goto out;
	/* RT Volym alone, and its sum, at riket (the whole reply). */
	if (kor(i, bara_volym, NELEM(bara_volym), 1, 0) != 0)
		goto out;
	rc = 0;
out:
	if (rapport_fixture_bort() != 0)
		rc = -1;
	return rc;
}

const struct integ_case cases_rapport_insats[] = {
	{ "main", "rapport_insats_riket", insats_riket },
	{ "main", "rapport_insats_riket_alla", insats_riket_alla },
	{ "main", "rapport_insats_samorg", insats_samorg },
	{ "main", "rapport_insats_lan", insats_lan },
	{ "main", "rapport_insats_niva_insats", insats_niva_insats },
	{ "main", "rapport_insats_kon", insats_kon },
	{ "main", "rapport_insats_alder", insats_alder },
	{ "main", "rapport_insats_kategori", insats_kategori },
	{ "main", "rapport_insats_urval_id", insats_urval_id },
	{ NULL, NULL, NULL }
};
