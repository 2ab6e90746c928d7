/*
 * Kostnadsrapport (issue 9, server/rapport_kostnad.c) through a real
 * susd: every figure of every rapporttyp at level riket, län and
 * samverkansorganisation, summerad and detaljerad, one year and two, and
 * the län and organisation filters, against the hand-computed figures
 * in the header of tests/data/rapport_kostnad.sql (loaded and removed
 * by each case). Amounts are never hidden, not even below riket.
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

#define KF_FILE		"rapport_kostnad.sql"
#define NORR		"Kostnadsfixtur Norr"
#define SYD		"Kostnadsfixtur Syd"
#define KRON		"Kronobergs län"

/* One expected row: unit, name, sum flag and its amounts in order. */
struct kf_rad {
	const char	*grupp;
	const char	*namn;
	int		 summa;
	int64_t		 v[6];
};

/* Removes the fixture's rows and everyone's remembered choices. */
static int
kf_bort(void)
{
	return integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " CREATE TEMP TABLE kf_s AS SELECT id FROM samverkansorg"
	    " WHERE namn LIKE 'Kostnadsfixtur %%';"
	    " DELETE FROM insats_budgetpost WHERE insats_id IN (SELECT id"
	    " FROM insats WHERE samverkansorg_id IN (SELECT id FROM kf_s));"
	    " DELETE FROM insats WHERE samverkansorg_id IN"
	    " (SELECT id FROM kf_s);"
	    " DELETE FROM samorg_finansiering WHERE samverkansorg_id IN"
	    " (SELECT id FROM kf_s);"
	    " DELETE FROM samorg_admkostnad WHERE samverkansorg_id IN"
	    " (SELECT id FROM kf_s);"
	    " DELETE FROM samverkansorg_organisation WHERE samverkansorg_id IN"
	    " (SELECT id FROM kf_s);"
	    " DELETE FROM samverkansorg_kommun WHERE samverkansorg_id IN"
	    " (SELECT id FROM kf_s);"
	    " DELETE FROM samverkansorg WHERE id IN (SELECT id FROM kf_s);"
	    " DELETE FROM organisation WHERE namn LIKE 'Kostnadsfixtur %%';"
	    " DELETE FROM rapport_val WHERE rapport = 'kostnad'");
}

/* Logs in as rapport with the fixture loaded; 0 or -1. */
static int
kf_start(struct conn *c)
{
	if (kf_bort() != 0 || rapport_fixture(KF_FILE) != 0)
		return -1;
	return case_login(c, "rapport");
}

/*
 * Checks that reply r holds exactly the rows want, in order, each with
 * ncell amounts shown (never hidden), and the column kinds BELOPP.
 */
static int
kf_lika(const struct msg_rapport *r, const struct kf_rad *want, size_t n,
    size_t ncell, const char *vad)
{
	const struct rapport_rad_row	*rad;
	size_t				 i, j;

	if (r->nkol != ncell + 1)
		return fail("%s: %u columns, want %zu", vad, r->nkol,
		    ncell + 1);
	for (j = 1; j <= ncell; j++) {
		if (r->kol[j].slag != RAPPORT_K_BELOPP)
			return fail("%s: column %zu is kind %u", vad, j,
			    r->kol[j].slag);
	}
	for (i = 0; i < n && i < r->nrader; i++) {
		rad = &r->rader[i];
		if (strcmp(rad->grupp, want[i].grupp) != 0 ||
		    strcmp(rad->namn, want[i].namn) != 0 ||
		    rad->summa != want[i].summa)
			return fail("%s: row %zu is %s / %s (%u), want %s / %s "
			    "(%d)", vad, i, rad->grupp, rad->namn, rad->summa,
			    want[i].grupp, want[i].namn, want[i].summa);
		if (rad->nceller != ncell)
			return fail("%s: row %zu has %u cells", vad, i,
			    rad->nceller);
		for (j = 0; j < ncell; j++) {
			if (rad->celler[j].flagga != RAPPORT_C_VARDE ||
			    rad->celler[j].varde != want[i].v[j])
				return fail("%s: %s / %s cell %zu: %" PRId64
				    " (flag %u), want %" PRId64, vad,
				    rad->grupp, rad->namn, j,
				    rad->celler[j].varde, rad->celler[j].flagga,
				    want[i].v[j]);
		}
	}
	if (r->nrader != n)
		return fail("%s: %u rows, want %zu", vad, r->nrader, n);
	return 0;
}

/* Runs kostnad typ with kv and compares with want; 0 or -1. */
static int
kf_kor(struct conn *c, const char *typ, const char *const *kv,
    const struct kf_rad *want, size_t n, size_t ncell, const char *vad)
{
	struct msg_rapport	r;
	int			rc;

	if (integ_accepted(rapport_kor(c, "kostnad", typ, kv, &r), vad) != 0)
		return -1;
	rc = kf_lika(&r, want, n, ncell, vad);
	msg_clear(MSG_RAPPORT, &r);
	return rc;
}

/* Medelstillgångar, riket (= län), summerad and detaljerad. */
static const struct kf_rad kf_medel_riket[] = {
	{ "Riket", "Stat", 0, { 1440000, 1015000 } },
	{ "Riket", "Kommuner", 0, { 615000, 340000 } },
	{ "Riket", "Landsting/regioner", 0, { 560000, 550000 } },
	{ "Riket", "Samordningsförbund", 0, { 20000, 20000 } },
	{ "Riket", "ESF-medel", 0, { 130000, 120000 } },
	{ "Riket", "Övriga", 0, { 12000, 5000 } },
	{ "Riket", "Eget kapital", 0, { 90000, 60000 } },
	{ "Riket", "Summa medelstillgångar", 1, { 2867000, 2110000 } },
};

static const struct kf_rad kf_medel_lan_det[] = {
	{ KRON, "Stat", 1, { 1440000, 1015000 } },
	{ KRON, "Arbetsförmedlingen", 0, { 10000, 10000 } },
	{ KRON, "Försäkringskassan", 0, { 1430000, 1005000 } },
	{ KRON, "Kommuner", 1, { 615000, 340000 } },
	{ KRON, "Kostnadsfixtur Lessebo kommun", 0, { 100000, 90000 } },
	{ KRON, "Kostnadsfixtur Uppvidinge kommun", 0, { 210000, 100000 } },
	{ KRON, "Kostnadsfixtur Älmhult kommun", 0, { 305000, 150000 } },
	{ KRON, "Landsting/regioner", 1, { 560000, 550000 } },
	{ KRON, "Kostnadsfixtur Region Kronoberg", 0, { 560000, 550000 } },
	{ KRON, "Samordningsförbund", 1, { 20000, 20000 } },
	{ KRON, "Kostnadsfixtur Förbundet Öst", 0, { 20000, 20000 } },
	{ KRON, "ESF-medel", 1, { 130000, 120000 } },
	{ KRON, "Kostnadsfixtur ESF-rådet", 0, { 130000, 120000 } },
	{ KRON, "Övriga", 1, { 12000, 5000 } },
	{ KRON, "Kostnadsfixtur Stiftelse", 0, { 12000, 5000 } },
	{ KRON, "Eget kapital", 1, { 90000, 60000 } },
	{ KRON, "Summa medelstillgångar", 1, { 2867000, 2110000 } },
};

static const struct kf_rad kf_medel_samorg[] = {
	{ NORR, "Stat", 0, { 830000, 410000 } },
	{ NORR, "Kommuner", 0, { 310000, 190000 } },
	{ NORR, "Landsting/regioner", 0, { 410000, 410000 } },
	{ NORR, "Samordningsförbund", 0, { 20000, 20000 } },
	{ NORR, "ESF-medel", 0, { 50000, 40000 } },
	{ NORR, "Övriga", 0, { 5000, 5000 } },
	{ NORR, "Eget kapital", 0, { 90000, 60000 } },
	{ NORR, "Summa medelstillgångar", 1, { 1715000, 1135000 } },
	{ SYD, "Stat", 0, { 610000, 605000 } },
	{ SYD, "Kommuner", 0, { 305000, 150000 } },
	{ SYD, "Landsting/regioner", 0, { 150000, 140000 } },
	{ SYD, "Samordningsförbund", 0, { 0, 0 } },
	{ SYD, "ESF-medel", 0, { 80000, 80000 } },
	{ SYD, "Övriga", 0, { 7000, 0 } },
	{ SYD, "Eget kapital", 0, { 0, 0 } },
	{ SYD, "Summa medelstillgångar", 1, { 1152000, 975000 } },
};

static const struct kf_rad kf_medel_syd_det[] = {
	{ SYD, "Stat", 1, { 610000, 605000 } },
	{ SYD, "Försäkringskassan", 0, { 610000, 605000 } },
	{ SYD, "Kommuner", 1, { 305000, 150000 } },
	{ SYD, "Kostnadsfixtur Älmhult kommun", 0, { 305000, 150000 } },
	{ SYD, "Landsting/regioner", 1, { 150000, 140000 } },
	{ SYD, "Kostnadsfixtur Region Kronoberg", 0, { 150000, 140000 } },
	{ SYD, "Samordningsförbund", 1, { 0, 0 } },
	{ SYD, "ESF-medel", 1, { 80000, 80000 } },
	{ SYD, "Kostnadsfixtur ESF-rådet", 0, { 80000, 80000 } },
	{ SYD, "Övriga", 1, { 7000, 0 } },
	{ SYD, "Kostnadsfixtur Stiftelse", 0, { 7000, 0 } },
	{ SYD, "Eget kapital", 1, { 0, 0 } },
	{ SYD, "Summa medelstillgångar", 1, { 1152000, 975000 } },
};

static const struct kf_rad kf_medel_2005[] = {
	{ "Riket", "Stat", 0, { 700000, 700000 } },
	{ "Riket", "Kommuner", 0, { 350000, 340000 } },
	{ "Riket", "Landsting/regioner", 0, { 350000, 340000 } },
	{ "Riket", "Samordningsförbund", 0, { 0, 0 } },
	{ "Riket", "ESF-medel", 0, { 50000, 40000 } },
	{ "Riket", "Övriga", 0, { 0, 0 } },
	{ "Riket", "Eget kapital", 0, { 30000, 0 } },
	{ "Riket", "Summa medelstillgångar", 1, { 1480000, 1420000 } },
};

static int
kostnad_medel(void)
{
	struct conn		 c = { .fd = -1 };
	char			 syd[16];
	const char *const	 riket[] = { "ar_from", "2005", "ar_tom",
	    "2006", "niva", "riket", "detalj", "summerad", NULL };
	const char *const	 lan_det[] = { "ar_from", "2005", "ar_tom",
	    "2006", "niva", "lan", "detalj", "detaljerad", NULL };
	const char *const	 samorg[] = { "ar_from", "2005", "ar_tom",
	    "2006", "niva", "samorg", NULL };
	const char *const	 syd_det[] = { "ar_from", "2005", "ar_tom",
	    "2006", "niva", "samorg", "samorg", syd, "detalj", "detaljerad",
	    NULL };
	const char *const	 ett[] = { "ar_from", "2005", "ar_tom", "2005",
	    NULL };
	const char *const	 lan07[] = { "ar_from", "2005", "ar_tom",
	    "2006", "lan", "07", NULL };
	const char *const	 lan10[] = { "ar_from", "2005", "ar_tom",
	    "2006", "lan", "10", NULL };
	const char *const	 tidigt[] = { "ar_from", "2003", "ar_tom",
	    "2004", "lan", "07", NULL };
	int			 rc = -1;

	if (kf_start(&c) != 0)
		goto out;
	snprintf(syd, sizeof syd, "%u", integ_sql_u32("SELECT id FROM"
	    " samverkansorg WHERE namn = '" SYD "'"));
	if (kf_kor(&c, "medel", riket, kf_medel_riket,
	    NELEM(kf_medel_riket), 2, "medel riket") != 0 ||
	    kf_kor(&c, "medel", lan_det, kf_medel_lan_det,
	    NELEM(kf_medel_lan_det), 2, "medel län detaljerad") != 0 ||
	    kf_kor(&c, "medel", samorg, kf_medel_samorg,
	    NELEM(kf_medel_samorg), 2, "medel samorg") != 0 ||
	    kf_kor(&c, "medel", syd_det, kf_medel_syd_det,
	    NELEM(kf_medel_syd_det), 2, "medel Syd detaljerad") != 0 ||
	    kf_kor(&c, "medel", ett, kf_medel_2005, NELEM(kf_medel_2005), 2,
	    "medel 2005") != 0 ||
	    kf_kor(&c, "medel", lan07, kf_medel_riket, NELEM(kf_medel_riket),
	    2, "medel län 07 at riket") != 0 ||
	    kf_kor(&c, "medel", lan10, NULL, 0, 2, "medel län 10") != 0)
		goto out;
	/* Kostnadsfixtur Tom has money in 2004 only: it is listed then. */
	{
		struct msg_rapport	r;

		if (integ_accepted(rapport_kor(&c, "kostnad", "medel", tidigt,
		    &r), "medel 2003-2004") != 0)
			goto out;
		rc = rapport_cell_ar(&r, "Riket", "Summa medelstillgångar",
		    "Budget (kr)", 5999);
		msg_clear(MSG_RAPPORT, &r);
		if (rc != 0)
			goto out;
		rc = -1;
	}
	rc = 0;
out:
	conn_close(&c);
	if (kf_bort() != 0)
		rc = -1;
	return rc;
}

static const struct kf_rad kf_insats_riket[] = {
	{ "Riket", NORR, 0, { 220000, 95000, 70000, 65000, 290000, 160000 } },
	{ "Riket", SYD, 0, { 170000, 165000, 20000, 0, 190000, 165000 } },
	{ "Riket", "Summa", 1, { 390000, 260000, 90000, 65000, 480000,
	    325000 } },
};

static const struct kf_rad kf_insats_samorg[] = {
	{ NORR, NORR, 0, { 220000, 95000, 70000, 65000, 290000, 160000 } },
	{ SYD, SYD, 0, { 170000, 165000, 20000, 0, 190000, 165000 } },
};

static const struct kf_rad kf_admin_riket[] = {
	{ "Riket", NORR, 0, { 480000, 268000 } },
	{ "Riket", SYD, 0, { 185000, 184000 } },
	{ "Riket", "Summa", 1, { 665000, 452000 } },
};

static const struct kf_rad kf_admin_lan_det[] = {
	{ KRON, NORR, 1, { 480000, 268000 } },
	{ KRON, "Kring", 0, { 50000, 48000 } },
	{ KRON, "Personal", 0, { 420000, 210000 } },
	{ KRON, "Revision", 0, { 10000, 10000 } },
	{ KRON, SYD, 1, { 185000, 184000 } },
	{ KRON, "Kring", 0, { 30000, 30000 } },
	{ KRON, "Personal", 0, { 150000, 150000 } },
	{ KRON, "Övrigt", 0, { 5000, 4000 } },
	{ KRON, "Summa", 1, { 665000, 452000 } },
};

static const struct kf_rad kf_admin_samorg[] = {
	{ NORR, NORR, 0, { 480000, 268000 } },
	{ SYD, SYD, 0, { 185000, 184000 } },
};

static const struct kf_rad kf_samman_riket[] = {
	{ "Riket", "Medelstillgångar", 0, { 2867000, 2110000 } },
	{ "Riket", "Administrativa kostnader", 0, { 665000, 452000 } },
	{ "Riket", "Insatskostnader", 0, { 480000, 325000 } },
	{ "Riket", "Kvar (medel − kostnader)", 1, { 1722000, 1333000 } },
};

static const struct kf_rad kf_samman_samorg[] = {
	{ NORR, "Medelstillgångar", 0, { 1715000, 1135000 } },
	{ NORR, "Administrativa kostnader", 0, { 480000, 268000 } },
	{ NORR, "Insatskostnader", 0, { 290000, 160000 } },
	{ NORR, "Kvar (medel − kostnader)", 1, { 945000, 707000 } },
	{ SYD, "Medelstillgångar", 0, { 1152000, 975000 } },
	{ SYD, "Administrativa kostnader", 0, { 185000, 184000 } },
	{ SYD, "Insatskostnader", 0, { 190000, 165000 } },
	{ SYD, "Kvar (medel − kostnader)", 1, { 777000, 626000 } },
};

static const struct kf_rad kf_samman_lan[] = {
	{ KRON, "Medelstillgångar", 0, { 2867000, 2110000 } },
	{ KRON, "Administrativa kostnader", 0, { 665000, 452000 } },
	{ KRON, "Insatskostnader", 0, { 480000, 325000 } },
	{ KRON, "Kvar (medel − kostnader)", 1, { 1722000, 1333000 } },
};

/* Insatskostnader, administrativa kostnader and the sammanställning. */
static int
kostnad_kostnader(void)
{
	struct conn		 c = { .fd = -1 };
	const char *const	 riket[] = { "ar_from", "2005", "ar_tom",
	    "2006", NULL };
	const char *const	 lan[] = { "ar_from", "2005", "ar_tom", "2006",
	    "niva", "lan", NULL };
	const char *const	 lan_det[] = { "ar_from", "2005", "ar_tom",
	    "2006", "niva", "lan", "detalj", "detaljerad", NULL };
	const char *const	 samorg[] = { "ar_from", "2005", "ar_tom",
	    "2006", "niva", "samorg", NULL };
	int			 rc = -1;

	if (kf_start(&c) != 0)
		goto out;
	if (kf_kor(&c, "insatskostnad", riket, kf_insats_riket,
	    NELEM(kf_insats_riket), 6, "insatskostnad riket") != 0 ||
	    kf_kor(&c, "insatskostnad", samorg, kf_insats_samorg,
	    NELEM(kf_insats_samorg), 6, "insatskostnad samorg") != 0 ||
	    kf_kor(&c, "admin", riket, kf_admin_riket, NELEM(kf_admin_riket),
	    2, "admin riket") != 0 ||
	    kf_kor(&c, "admin", lan_det, kf_admin_lan_det,
	    NELEM(kf_admin_lan_det), 2, "admin län detaljerad") != 0 ||
	    kf_kor(&c, "admin", samorg, kf_admin_samorg,
	    NELEM(kf_admin_samorg), 2, "admin samorg") != 0 ||
	    kf_kor(&c, "sammanstallning", riket, kf_samman_riket,
	    NELEM(kf_samman_riket), 2, "sammanställning riket") != 0 ||
	    kf_kor(&c, "sammanstallning", lan, kf_samman_lan,
	    NELEM(kf_samman_lan), 2, "sammanställning län") != 0 ||
	    kf_kor(&c, "sammanstallning", samorg, kf_samman_samorg,
	    NELEM(kf_samman_samorg), 2, "sammanställning samorg") != 0)
		goto out;
	rc = 0;
out:
	conn_close(&c);
	if (kf_bort() != 0)
		rc = -1;
	return rc;
}

const struct integ_case cases_rapport_kostnad[] = {
	{ "main", "rapport_kostnad_medel", kostnad_medel },
	{ "main", "rapport_kostnad_kostnader", kostnad_kostnader },
	{ NULL, NULL, NULL }
};
