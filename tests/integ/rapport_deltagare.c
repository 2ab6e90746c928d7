/*
 * Deltagarrapport (issue 9, domain.md 6.2) through the real protocol:
 * every figure of every rapporttyp at national level and at the level of
 * samverkansorganisation or insats (where small counts are hidden, with
 * the footnote), and with the kön, ålder, organisation, inriktning and
 * målgrupp choices. The figures are worked out by hand in the header of
 * tests/data/rapport_deltagare.sql, which each case loads and removes.
 * Also the helpers the Standardrapport's cases share
 * (rapport_deltagare_int.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "integ.h"
#include "msg.h"
#include "proto.h"
#include "rapport_deltagare_int.h"
#include "rapport_int.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

/* What no reply may hold: the fixture's numbers and names. */
static const char *const rd_forbjudna[] = {
	"202004162398", "200416-2398", "202004172389", "200417-2389",
	"202106062397", "210606-2397", "202106092386", "210609-2386",
	"Fixtur", NULL
};

int
rd_start(struct conn *c)
{
	memset(c, 0, sizeof *c);
	c->fd = -1;
	if (rapport_fixture("rapport_deltagare.sql") != 0)
		return -1;
	if (case_login(c, "rapport") != 0)
		return -1;
	return 0;
}

void
rd_slut(struct conn *c)
{
	conn_close(c);
	integ_sql(NULL, 0, "SET session_replication_role = replica;"
	    " CREATE TEMP TABLE r2_s AS SELECT id FROM samverkansorg"
	    " WHERE namn LIKE 'R2 Förbund %%';"
	    " CREATE TEMP TABLE r2_d AS SELECT d.id, d.person_id"
	    " FROM deltagande d JOIN insats i ON i.id = d.insats_id"
	    " WHERE i.samverkansorg_id IN (SELECT id FROM r2_s);"
	    " DELETE FROM fraga_svar WHERE deltagande_id IN"
	    " (SELECT id FROM r2_d);"
	    " DELETE FROM fraga_alternativ WHERE fraga_id IN (SELECT id"
	    " FROM fraga WHERE samverkansorg_id IN (SELECT id FROM r2_s));"
	    " DELETE FROM fraga WHERE samverkansorg_id IN"
	    " (SELECT id FROM r2_s);"
	    " DELETE FROM mattillfalle_forsorjning WHERE deltagande_id IN"
	    " (SELECT id FROM r2_d);"
	    " DELETE FROM mattillfalle WHERE deltagande_id IN"
	    " (SELECT id FROM r2_d);"
	    " DELETE FROM deltagande WHERE id IN (SELECT id FROM r2_d);"
	    " DELETE FROM person WHERE id IN (SELECT person_id FROM r2_d)"
	    " AND NOT EXISTS (SELECT 1 FROM deltagande d"
	    " WHERE d.person_id = person.id);"
	    " DELETE FROM insats_malgrupp WHERE insats_id IN (SELECT id"
	    " FROM insats WHERE samverkansorg_id IN (SELECT id FROM r2_s));"
	    " DELETE FROM insats WHERE samverkansorg_id IN"
	    " (SELECT id FROM r2_s);"
	    " DELETE FROM samverkansorg_kommun WHERE samverkansorg_id IN"
	    " (SELECT id FROM r2_s);"
	    " DELETE FROM samverkansorg WHERE id IN (SELECT id FROM r2_s)");
}

/* Whether a footnote of r holds text. */
static int
rd_har_fotnot(const struct msg_rapport *r, const char *text)
{
	uint32_t	i;

	for (i = 0; i < r->nfotnoter; i++) {
		if (strstr(r->fotnoter[i].text, text) != NULL)
			return 1;
	}
	return 0;
}

/* Checks the column titles against "A;B;C"; 0 or -1 after fail(). */
static int
rd_kol_ar(const struct msg_rapport *r, const char *want, const char *what)
{
	char		 got[2000];
	size_t		 n = 0;
	uint32_t	 i;

	got[0] = '\0';
	for (i = 0; i < r->nkol && n < sizeof got; i++)
		n += (size_t)snprintf(got + n, sizeof got - n, "%s%s",
		    i > 0 ? ";" : "", r->kol[i].titel);
	if (strcmp(got, want) != 0)
		return fail("%s: columns \"%s\", want \"%s\"", what, got, want);
	return 0;
}

/* Checks row rad against "grupp|namn|cells"; 0 or -1 after fail(). */
static int
rd_rad_ar(const struct rapport_rad_row *rad, const char *want,
    const char *what, uint32_t nr)
{
	char		 buf[1000], *grupp, *namn, *celler, *tok, *save;
	int		 summa = 0;
	uint32_t	 k = 0;
	int64_t		 v;

	snprintf(buf, sizeof buf, "%s", want);
	grupp = buf;
	if ((namn = strchr(grupp, '|')) == NULL ||
	    (celler = strchr(namn + 1, '|')) == NULL)
		return fail("%s: bad expected row \"%s\"", what, want);
	*namn++ = '\0';
	*celler++ = '\0';
	if (*namn == '=') {
		summa = 1;
		namn++;
	}
	if (strcmp(rad->grupp, grupp) != 0 || strcmp(rad->namn, namn) != 0 ||
	    rad->summa != summa)
		return fail("%s: row %u is \"%s\" / \"%s\"%s, want \"%s\"",
		    what, nr, rad->grupp, rad->namn, rad->summa ? " (sum)" : "",
		    want);
	for (tok = strtok_r(celler, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save), k++) {
		if (k >= rad->nceller)
			return fail("%s: row \"%s\" has %u cells", what, want,
			    rad->nceller);
		if (strcmp(tok, "x") == 0) {
			if (rad->celler[k].flagga != RAPPORT_C_DOLD ||
			    rad->celler[k].varde != 0)
				goto bad;
		} else if (strcmp(tok, "-") == 0) {
			if (rad->celler[k].flagga != RAPPORT_C_TOM)
				goto bad;
		} else {
			v = strtoll(tok, NULL, 10);
			if (rad->celler[k].flagga != RAPPORT_C_VARDE ||
			    rad->celler[k].varde != v)
				goto bad;
		}
	}
	if (k != rad->nceller)
		return fail("%s: row \"%s\" has %u cells, want %u", what, want,
		    rad->nceller, k);
	return 0;
bad:
	return fail("%s: row \"%s\" cell %u is %" PRId64 " (flag %u)", what,
	    want, k + 1, rad->celler[k].varde, rad->celler[k].flagga);
}

int
rd_ar(struct conn *c, const char *rapport, const char *typ,
    const char *const *kv, const char *const *want)
{
	struct msg_rapport	 r;
	const char		*hit;
	char			 what[200];
	uint32_t		 nr = 0;
	int			 ret = -1, e;

	snprintf(what, sizeof what, "%s/%s", rapport, typ);
	if ((e = rapport_kor(c, rapport, typ, kv, &r)) != 0) {
		if (e > 0)
			fail("%s: refused: %s", what, integ_last_err);
		return -1;
	}
	if ((hit = rapport_skanna(&r, rd_forbjudna)) != NULL) {
		fail("%s: the reply holds \"%s\"", what, hit);
		goto out;
	}
	for (; *want != NULL; want++) {
		if ((*want)[0] == '^') {
			if (rd_kol_ar(&r, *want + 1, what) != 0)
				goto out;
		} else if ((*want)[0] == '@') {
			CHECK(r.diagram_kol == strtoul(*want + 1, NULL, 10),
			    "%s: chart column %u, want %s", what, r.diagram_kol,
			    *want + 1);
		} else if ((*want)[0] == '#') {
			CHECK(rd_har_fotnot(&r, *want + 2), "%s: no footnote "
			    "\"%s\"", what, *want + 2);
		} else if ((*want)[0] == '!') {
			CHECK(!rd_har_fotnot(&r, *want + 2), "%s: a footnote "
			    "\"%s\"", what, *want + 2);
		} else {
			CHECK(nr < r.nrader, "%s: %u rows, want more: \"%s\"",
			    what, r.nrader, *want);
			if (rd_rad_ar(&r.rader[nr], *want, what, nr) != 0)
				goto out;
			nr++;
		}
	}
	CHECK(nr == r.nrader, "%s: %u rows, want %u; the next is \"%s\" / "
	    "\"%s\"", what, r.nrader, nr, r.rader[nr].grupp, r.rader[nr].namn);
	ret = 0;
out:
	msg_clear(MSG_RAPPORT, &r);
	return ret;
}

/* Försörjning before and after, riket (shared with rapport_standard.c). */
const char *const rd_forsorjning_riket[] = {
	"^Försörjningskälla;Före;Efter;Förändring (%)",
	"@2",
	"# En deltagare med flera försörjningskällor räknas under var och en",
	RD_EJ_DOLD,
	"Riket|Sjukpenning/rehabiliteringspenning|1 1 0",
	"Riket|Sjukersättning|1 1 0",
	"Riket|Aktivitetsersättning|1 1 0",
	"Riket|Arbetslöshetsersättning (a-kassa)|3 1 -667",
	"Riket|Aktivitetsstöd/utvecklingsersättning|2 0 -1000",
	"Riket|Etableringsersättning|0 0 -",
	"Riket|Försörjningsstöd (ekonomiskt bistånd)|2 0 -1000",
	"Riket|Annan offentlig försörjning|0 1 -",
	"Riket|Ingen offentlig försörjning|0 4 -",
	"Riket|Uppgift saknas|0 0 -",
	"Riket|=Samtliga avslutade deltagare|9 9 0",
	NULL
};

/* The same per förbund: every 1 and 2 hidden, with its change. */
const char *const rd_forsorjning_samorg[] = {
	RD_DOLD,
	RD_B "|Sjukpenning/rehabiliteringspenning|0 0 -",
	RD_B "|Sjukersättning|x x x",
	RD_B "|Aktivitetsersättning|0 0 -",
	RD_B "|Arbetslöshetsersättning (a-kassa)|x 0 x",
	RD_B "|Aktivitetsstöd/utvecklingsersättning|0 0 -",
	RD_B "|Etableringsersättning|0 0 -",
	RD_B "|Försörjningsstöd (ekonomiskt bistånd)|0 0 -",
	RD_B "|Annan offentlig försörjning|0 x x",
	RD_B "|Ingen offentlig försörjning|0 x x",
	RD_B "|Uppgift saknas|0 0 -",
	RD_B "|=Samtliga avslutade deltagare|3 3 0",
	RD_A "|Sjukpenning/rehabiliteringspenning|x x x",
	RD_A "|Sjukersättning|0 0 -",
	RD_A "|Aktivitetsersättning|x x x",
	RD_A "|Arbetslöshetsersättning (a-kassa)|x x x",
	RD_A "|Aktivitetsstöd/utvecklingsersättning|x 0 x",
	RD_A "|Etableringsersättning|0 0 -",
	RD_A "|Försörjningsstöd (ekonomiskt bistånd)|x 0 x",
	RD_A "|Annan offentlig försörjning|0 0 -",
	RD_A "|Ingen offentlig försörjning|0 3 -",
	RD_A "|Uppgift saknas|0 0 -",
	RD_A "|=Samtliga avslutade deltagare|6 6 0",
	NULL
};

/* Försörjning after for a-kassa before (shared with the Standard). */
const char *const rd_kalla_akassa_riket[] = {
	"^Försörjning efter;Antal;Andel (%)",
	"@1",
	"Riket|Sjukpenning/rehabiliteringspenning|0 0",
	"Riket|Sjukersättning|0 0",
	"Riket|Aktivitetsersättning|0 0",
	"Riket|Arbetslöshetsersättning (a-kassa)|0 0",
	"Riket|Aktivitetsstöd/utvecklingsersättning|0 0",
	"Riket|Etableringsersättning|0 0",
	"Riket|Försörjningsstöd (ekonomiskt bistånd)|0 0",
	"Riket|Annan offentlig försörjning|1 333",
	"Riket|Ingen offentlig försörjning|2 667",
	"Riket|Uppgift saknas|0 0",
	"Riket|=Deltagare med Arbetslöshetsersättning (a-kassa) före|3 1000",
	NULL
};

const char *const rd_kalla_akassa_samorg[] = {
	RD_DOLD,
	RD_B "|Sjukpenning/rehabiliteringspenning|0 0",
	RD_B "|Sjukersättning|0 0",
	RD_B "|Aktivitetsersättning|0 0",
	RD_B "|Arbetslöshetsersättning (a-kassa)|0 0",
	RD_B "|Aktivitetsstöd/utvecklingsersättning|0 0",
	RD_B "|Etableringsersättning|0 0",
	RD_B "|Försörjningsstöd (ekonomiskt bistånd)|0 0",
	RD_B "|Annan offentlig försörjning|x x",
	RD_B "|Ingen offentlig försörjning|x x",
	RD_B "|Uppgift saknas|0 0",
	RD_B "|=Deltagare med Arbetslöshetsersättning (a-kassa) före|x x",
	RD_A "|Sjukpenning/rehabiliteringspenning|0 0",
	RD_A "|Sjukersättning|0 0",
	RD_A "|Aktivitetsersättning|0 0",
	RD_A "|Arbetslöshetsersättning (a-kassa)|0 0",
	RD_A "|Aktivitetsstöd/utvecklingsersättning|0 0",
	RD_A "|Etableringsersättning|0 0",
	RD_A "|Försörjningsstöd (ekonomiskt bistånd)|0 0",
	RD_A "|Annan offentlig försörjning|0 0",
	RD_A "|Ingen offentlig försörjning|x x",
	RD_A "|Uppgift saknas|0 0",
	RD_A "|=Deltagare med Arbetslöshetsersättning (a-kassa) före|x x",
	NULL
};

/* Sysselsättning before and after (shared with the Standard). */
const char *const rd_sysselsattning_riket[] = {
	"^Sysselsättning;Före;Efter;Förändring (%)",
	"@2",
	"Riket|Arbete (osubventionerat)|1 2 1000",
	"Riket|Arbete med stöd/subvention|0 1 -",
	"Riket|Eget företag|0 1 -",
	"Riket|Studier|1 3 2000",
	"Riket|Arbetssökande|3 1 -667",
	"Riket|Arbetsmarknadspolitiskt program|1 0 -1000",
	"Riket|Ingen sysselsättning|3 1 -667",
	"Riket|Övrigt|0 0 -",
	"Riket|=Samtliga avslutade deltagare|9 9 0",
	NULL
};

const char *const rd_sysselsattning_samorg[] = {
	RD_DOLD,
	RD_B "|Arbete (osubventionerat)|0 0 -",
	RD_B "|Arbete med stöd/subvention|0 x x",
	RD_B "|Eget företag|0 x x",
	RD_B "|Studier|0 x x",
	RD_B "|Arbetssökande|x 0 x",
	RD_B "|Arbetsmarknadspolitiskt program|0 0 -",
	RD_B "|Ingen sysselsättning|x 0 x",
	RD_B "|Övrigt|0 0 -",
	RD_B "|=Samtliga avslutade deltagare|3 3 0",
	RD_A "|Arbete (osubventionerat)|x x x",
	RD_A "|Arbete med stöd/subvention|0 0 -",
	RD_A "|Eget företag|0 0 -",
	RD_A "|Studier|x x x",
	RD_A "|Arbetssökande|x x x",
	RD_A "|Arbetsmarknadspolitiskt program|x 0 x",
	RD_A "|Ingen sysselsättning|x x x",
	RD_A "|Övrigt|0 0 -",
	RD_A "|=Samtliga avslutade deltagare|6 6 0",
	NULL
};

/* Försörjning before and after, with every level and choice. */
static int
case_rapport_deltagare_forsorjning(void)
{
	struct conn	 c;
	const char	*riket[] = { RD_RIKET, NULL };
	const char	*samorg[] = { RD_KV("samorg"), NULL };
	const char	*lan[] = { RD_KV("lan"), NULL };
	const char	*lan_riket[] = { RD_KV("riket"), NULL };
	const char	*ingen[] = { "from", RD_FROM, "tom", RD_TOM,
	    "lan", "25", NULL };
	const char	*struktur[] = { RD_RIKET, "inriktning",
	    "STRUKTUR", NULL };
	/* A län without data: every count 0, none hidden. */
	static const char *const tom[] = {
		RD_EJ_DOLD,
		"Riket|Sjukpenning/rehabiliteringspenning|0 0 -",
		"Riket|Sjukersättning|0 0 -",
		"Riket|Aktivitetsersättning|0 0 -",
		"Riket|Arbetslöshetsersättning (a-kassa)|0 0 -",
		"Riket|Aktivitetsstöd/utvecklingsersättning|0 0 -",
		"Riket|Etableringsersättning|0 0 -",
		"Riket|Försörjningsstöd (ekonomiskt bistånd)|0 0 -",
		"Riket|Annan offentlig försörjning|0 0 -",
		"Riket|Ingen offentlig försörjning|0 0 -",
		"Riket|Uppgift saknas|0 0 -",
		"Riket|=Samtliga avslutade deltagare|0 0 -",
		NULL
	};
	/* The riket figures, each 1 and 2 hidden (with its change). */
	static const char *const w_lan[] = {
		RD_DOLD,
		"Jönköpings län|Sjukpenning/rehabiliteringspenning|x x x",
		"Jönköpings län|Sjukersättning|x x x",
		"Jönköpings län|Aktivitetsersättning|x x x",
		"Jönköpings län|Arbetslöshetsersättning (a-kassa)|3 x x",
		"Jönköpings län|Aktivitetsstöd/utvecklingsersättning|x 0 x",
		"Jönköpings län|Etableringsersättning|0 0 -",
		"Jönköpings län|Försörjningsstöd (ekonomiskt bistånd)|x 0 x",
		"Jönköpings län|Annan offentlig försörjning|0 x x",
		"Jönköpings län|Ingen offentlig försörjning|0 4 -",
		"Jönköpings län|Uppgift saknas|0 0 -",
		"Jönköpings län|=Samtliga avslutade deltagare|9 9 0",
		NULL
	};
	/* Riket narrowed to Jönköpings län hides what that län does. */
	static const char *const w_lan_riket[] = {
		RD_DOLD,
		"Riket|Sjukpenning/rehabiliteringspenning|x x x",
		"Riket|Sjukersättning|x x x",
		"Riket|Aktivitetsersättning|x x x",
		"Riket|Arbetslöshetsersättning (a-kassa)|3 x x",
		"Riket|Aktivitetsstöd/utvecklingsersättning|x 0 x",
		"Riket|Etableringsersättning|0 0 -",
		"Riket|Försörjningsstöd (ekonomiskt bistånd)|x 0 x",
		"Riket|Annan offentlig försörjning|0 x x",
		"Riket|Ingen offentlig försörjning|0 4 -",
		"Riket|Uppgift saknas|0 0 -",
		"Riket|=Samtliga avslutade deltagare|9 9 0",
		NULL
	};
	int		 ret = -1;

	if (rd_start(&c) != 0)
		goto out;
	if (rd_ar(&c, "deltagare", "forsorjning", riket,
	    rd_forsorjning_riket) != 0 ||
	    rd_ar(&c, "deltagare", "forsorjning", lan, w_lan) != 0 ||
	    rd_ar(&c, "deltagare", "forsorjning", lan_riket,
	    w_lan_riket) != 0 ||
	    rd_ar(&c, "deltagare", "forsorjning", samorg,
	    rd_forsorjning_samorg) != 0 ||
	    rd_ar(&c, "deltagare", "forsorjning", ingen, tom) != 0 ||
	    rd_ar(&c, "deltagare", "forsorjning", struktur, tom) != 0)
		goto out;
	ret = 0;
out:
	rd_slut(&c);
	return ret;
}

/* Försörjning after, for a-kassa and försörjningsstöd before. */
static int
case_rapport_deltagare_forsorjning_kalla(void)
{
	struct conn	 c;
	const char	*akassa[] = { RD_RIKET, "fore", "AKASSA", NULL };
	const char	*samorg[] = { RD_KV("samorg"), "fore", "AKASSA", NULL };
	const char	*bistand[] = { RD_RIKET, "fore",
	    "EKONOMISKT_BISTAND", NULL };
	const char	*utan[] = { RD_RIKET, NULL };
	static const char *const want[] = {
		"Riket|Sjukpenning/rehabiliteringspenning|1 500",
		"Riket|Sjukersättning|0 0",
		"Riket|Aktivitetsersättning|0 0",
		"Riket|Arbetslöshetsersättning (a-kassa)|0 0",
		"Riket|Aktivitetsstöd/utvecklingsersättning|0 0",
		"Riket|Etableringsersättning|0 0",
		"Riket|Försörjningsstöd (ekonomiskt bistånd)|0 0",
		"Riket|Annan offentlig försörjning|0 0",
		"Riket|Ingen offentlig försörjning|1 500",
		"Riket|Uppgift saknas|0 0",
		"Riket|=Deltagare med Försörjningsstöd (ekonomiskt bistånd) "
		    "före|2 1000",
		NULL
	};
	struct msg_rapport	 r;
	int			 e, ret = -1;

	if (rd_start(&c) != 0)
		goto out;
	if (rd_ar(&c, "deltagare", "forsorjning_kalla", akassa,
	    rd_kalla_akassa_riket) != 0 ||
	    rd_ar(&c, "deltagare", "forsorjning_kalla", samorg,
	    rd_kalla_akassa_samorg) != 0 ||
	    rd_ar(&c, "deltagare", "forsorjning_kalla", bistand, want) != 0)
		goto out;
	/* The källa before is required for this rapporttyp. */
	e = rapport_kor(&c, "deltagare", "forsorjning_kalla", utan, &r);
	if (e == 0)
		msg_clear(MSG_RAPPORT, &r);
	CHECK(e > 0, "forsorjning_kalla without fore: %d", e);
	ret = 0;
out:
	rd_slut(&c);
	return ret;
}

/* Sysselsättning before and after. */
static int
case_rapport_deltagare_sysselsattning(void)
{
	struct conn	 c;
	const char	*riket[] = { RD_RIKET, NULL };
	const char	*samorg[] = { RD_KV("samorg"), NULL };
	int		 ret = -1;

	if (rd_start(&c) != 0)
		goto out;
	if (rd_ar(&c, "deltagare", "sysselsattning", riket,
	    rd_sysselsattning_riket) != 0 ||
	    rd_ar(&c, "deltagare", "sysselsattning", samorg,
	    rd_sysselsattning_samorg) != 0)
		goto out;
	ret = 0;
out:
	rd_slut(&c);
	return ret;
}

/* Bakgrund of the new: education, age and time, with kön and ålder. */
static int
case_rapport_deltagare_bakgrund(void)
{
	struct conn	 c;
	const char	*utb[] = { RD_RIKET, "variabel", "utbildning",
	    NULL };
	const char	*utb_k[] = { RD_RIKET, "variabel", "utbildning",
	    "kon", "K", NULL };
	const char	*utb_samorg[] = { RD_KV("samorg"), "variabel",
	    "utbildning", NULL };
	const char	*alder[] = { RD_RIKET, "variabel", "alder", NULL };
	const char	*alder_40[] = { RD_RIKET, "variabel", "alder",
	    "alder", "40-49", NULL };
	const char	*tid[] = { RD_RIKET, "variabel", "tid", NULL };
	static const char *const w_utb[] = {
		"^Högsta utbildningsnivå;Kvinnor;Män;Totalt",
		"@3",
		"Riket|Förgymnasial kortare än 9 år|0 0 0",
		"Riket|Förgymnasial 9 (10) år|2 0 2",
		"Riket|Gymnasial|1 4 5",
		"Riket|Eftergymnasial < 3 år|1 0 1",
		"Riket|Eftergymnasial ≥ 3 år|1 0 1",
		"Riket|Uppgift saknas|0 1 1",
		"Riket|=Samtliga nya deltagare|5 5 10",
		NULL
	};
	static const char *const w_utb_k[] = {
		"Riket|Förgymnasial kortare än 9 år|0 0 0",
		"Riket|Förgymnasial 9 (10) år|2 0 2",
		"Riket|Gymnasial|1 0 1",
		"Riket|Eftergymnasial < 3 år|1 0 1",
		"Riket|Eftergymnasial ≥ 3 år|1 0 1",
		"Riket|Uppgift saknas|0 0 0",
		"Riket|=Samtliga nya deltagare|5 0 5",
		NULL
	};
	static const char *const w_utb_samorg[] = {
		RD_DOLD,
		RD_B "|Förgymnasial kortare än 9 år|0 0 0",
		RD_B "|Förgymnasial 9 (10) år|0 0 0",
		RD_B "|Gymnasial|x x x",
		RD_B "|Eftergymnasial < 3 år|0 0 0",
		RD_B "|Eftergymnasial ≥ 3 år|x 0 x",
		RD_B "|Uppgift saknas|0 x x",
		RD_B "|=Samtliga nya deltagare|x x 4",
		RD_A "|Förgymnasial kortare än 9 år|0 0 0",
		RD_A "|Förgymnasial 9 (10) år|x 0 x",
		RD_A "|Gymnasial|0 3 3",
		RD_A "|Eftergymnasial < 3 år|x 0 x",
		RD_A "|Eftergymnasial ≥ 3 år|0 0 0",
		RD_A "|Uppgift saknas|0 0 0",
		RD_A "|=Samtliga nya deltagare|3 3 6",
		NULL
	};
	static const char *const w_alder[] = {
		"^Åldersgrupp;Kvinnor;Män;Totalt",
		"# Åldern är den som deltagaren fyller det år perioden slutar",
		"Riket|Under 16 år|0 0 0",
		"Riket|16–24 år|3 0 3",
		"Riket|25–29 år|0 2 2",
		"Riket|30–39 år|2 0 2",
		"Riket|40–49 år|0 3 3",
		"Riket|50–59 år|0 0 0",
		"Riket|60 år och äldre|0 0 0",
		"Riket|=Samtliga nya deltagare|5 5 10",
		NULL
	};
	static const char *const w_alder_40[] = {
		"Riket|Under 16 år|0 0 0",
		"Riket|16–24 år|0 0 0",
		"Riket|25–29 år|0 0 0",
		"Riket|30–39 år|0 0 0",
		"Riket|40–49 år|0 3 3",
		"Riket|50–59 år|0 0 0",
		"Riket|60 år och äldre|0 0 0",
		"Riket|=Samtliga nya deltagare|0 3 3",
		NULL
	};
	static const char *const w_tid[] = {
		"^Tid i offentlig försörjning före insatsen;Kvinnor;Män;Totalt",
		"Riket|Ingen|1 0 1",
		"Riket|< 1 år|3 2 5",
		"Riket|1–2 år|1 1 2",
		"Riket|3–5 år|0 1 1",
		"Riket|6–10 år|0 1 1",
		"Riket|> 10 år|0 0 0",
		"Riket|=Samtliga nya deltagare|5 5 10",
		NULL
	};
	int		 ret = -1;

	if (rd_start(&c) != 0)
		goto out;
	if (rd_ar(&c, "deltagare", "bakgrund", utb, w_utb) != 0 ||
	    rd_ar(&c, "deltagare", "bakgrund", utb_k, w_utb_k) != 0 ||
	    rd_ar(&c, "deltagare", "bakgrund", utb_samorg, w_utb_samorg) != 0 ||
	    rd_ar(&c, "deltagare", "bakgrund", alder, w_alder) != 0 ||
	    rd_ar(&c, "deltagare", "bakgrund", alder_40, w_alder_40) != 0 ||
	    rd_ar(&c, "deltagare", "bakgrund", tid, w_tid) != 0)
		goto out;
	ret = 0;
out:
	rd_slut(&c);
	return ret;
}

/* Avslutsanledning: riket, one förbund chosen, and per förbund. */
static int
case_rapport_deltagare_avslut(void)
{
	struct conn	 c;
	char		 sid[16];
	const char	*riket[] = { RD_RIKET, NULL };
	const char	*samorg[] = { RD_KV("samorg"), NULL };
	const char	*en[] = { RD_RIKET, "samorg", sid, NULL };
	static const char *const w_riket[] = {
		"^Avslutsanledning;Kvinnor;Män;Totalt",
		"# Felregistreringar räknas inte",
		"Riket|Enligt plan/insatsen genomförd|1 0 1",
		"Riket|Till arbete|3 0 3",
		"Riket|Till studier|0 2 2",
		"Riket|Till annan insats|0 0 0",
		"Riket|Avbrutet av deltagaren|1 0 1",
		"Riket|Sjukdom/hälsoskäl|0 0 0",
		"Riket|Flyttat|0 0 0",
		"Riket|Insatsen upphört|0 1 1",
		"Riket|Annat|0 1 1",
		"Riket|Samtycket återkallat|1 0 1",
		"Riket|=Samtliga avslutade deltagare|6 4 10",
		NULL
	};
	/*
	 * Riket narrowed to A shows A alone, so it hides what A's table
	 * per förbund (w_samorg below) hides: A's figures are Enligt plan
	 * 1 0 1, Till arbete 2 0 2, Till studier 0 1 1, Avbrutet 1 0 1,
	 * Insatsen upphört 0 1 1, Samtycket återkallat 1 0 1, sum 5 2 7.
	 */
	static const char *const w_en[] = {
		RD_DOLD,
		"Riket|Enligt plan/insatsen genomförd|x 0 x",
		"Riket|Till arbete|x 0 x",
		"Riket|Till studier|0 x x",
		"Riket|Till annan insats|0 0 0",
		"Riket|Avbrutet av deltagaren|x 0 x",
		"Riket|Sjukdom/hälsoskäl|0 0 0",
		"Riket|Flyttat|0 0 0",
		"Riket|Insatsen upphört|0 x x",
		"Riket|Annat|0 0 0",
		"Riket|Samtycket återkallat|x 0 x",
		"Riket|=Samtliga avslutade deltagare|x x 7",
		NULL
	};
	/*
	 * In A every count is 1 or 2; the sum row's Män (2) is hidden, so
	 * its Totalt (7) would give it away from Kvinnor (5): that goes too.
	 */
	static const char *const w_samorg[] = {
		RD_DOLD,
		RD_B "|Enligt plan/insatsen genomförd|0 0 0",
		RD_B "|Till arbete|x 0 x",
		RD_B "|Till studier|0 x x",
		RD_B "|Till annan insats|0 0 0",
		RD_B "|Avbrutet av deltagaren|0 0 0",
		RD_B "|Sjukdom/hälsoskäl|0 0 0",
		RD_B "|Flyttat|0 0 0",
		RD_B "|Insatsen upphört|0 0 0",
		RD_B "|Annat|0 x x",
		RD_B "|Samtycket återkallat|0 0 0",
		RD_B "|=Samtliga avslutade deltagare|x x 3",
		RD_A "|Enligt plan/insatsen genomförd|x 0 x",
		RD_A "|Till arbete|x 0 x",
		RD_A "|Till studier|0 x x",
		RD_A "|Till annan insats|0 0 0",
		RD_A "|Avbrutet av deltagaren|x 0 x",
		RD_A "|Sjukdom/hälsoskäl|0 0 0",
		RD_A "|Flyttat|0 0 0",
		RD_A "|Insatsen upphört|0 x x",
		RD_A "|Annat|0 0 0",
		RD_A "|Samtycket återkallat|x 0 x",
		RD_A "|=Samtliga avslutade deltagare|x x 7",
		NULL
	};
	int		 ret = -1;

	if (rd_start(&c) != 0)
		goto out;
	snprintf(sid, sizeof sid, "%u", integ_sql_u32("SELECT id FROM"
	    " samverkansorg WHERE namn = '" RD_A "'"));
	if (rd_ar(&c, "deltagare", "avslut", riket, w_riket) != 0 ||
	    rd_ar(&c, "deltagare", "avslut", en, w_en) != 0 ||
	    rd_ar(&c, "deltagare", "avslut", samorg, w_samorg) != 0)
		goto out;
	ret = 0;
out:
	rd_slut(&c);
	return ret;
}

/* Kompletterande frågor: riket, women only, and per förbund. */
static int
case_rapport_deltagare_fragor(void)
{
	struct conn	 c;
	const char	*riket[] = { RD_RIKET, NULL };
	const char	*kvinnor[] = { RD_RIKET, "kon", "K", NULL };
	const char	*samorg[] = { RD_KV("samorg"), NULL };
	static const char *const w_riket[] = {
		"^Fråga och svar;Antal deltaganden",
		"Riket|R2 Hur nöjd är deltagaren? – Nöjd|2",
		"Riket|R2 Hur nöjd är deltagaren? – Varken eller|0",
		"Riket|R2 Hur nöjd är deltagaren? – Missnöjd|1",
		"Riket|R2 Har deltagaren körkort? – Ja|4",
		"Riket|R2 Har deltagaren körkort? – Nej|2",
		NULL
	};
	static const char *const w_kvinnor[] = {
		"Riket|R2 Hur nöjd är deltagaren? – Nöjd|1",
		"Riket|R2 Hur nöjd är deltagaren? – Varken eller|0",
		"Riket|R2 Hur nöjd är deltagaren? – Missnöjd|0",
		"Riket|R2 Har deltagaren körkort? – Ja|1",
		"Riket|R2 Har deltagaren körkort? – Nej|2",
		NULL
	};
	static const char *const w_samorg[] = {
		RD_DOLD,
		RD_B "|R2 Hur nöjd är deltagaren? – Nöjd|x",
		RD_B "|R2 Hur nöjd är deltagaren? – Varken eller|0",
		RD_B "|R2 Hur nöjd är deltagaren? – Missnöjd|x",
		RD_A "|R2 Har deltagaren körkort? – Ja|4",
		RD_A "|R2 Har deltagaren körkort? – Nej|x",
		NULL
	};
	int		 ret = -1;

	if (rd_start(&c) != 0)
		goto out;
	if (rd_ar(&c, "deltagare", "fragor", riket, w_riket) != 0 ||
	    rd_ar(&c, "deltagare", "fragor", kvinnor, w_kvinnor) != 0 ||
	    rd_ar(&c, "deltagare", "fragor", samorg, w_samorg) != 0)
		goto out;
	ret = 0;
out:
	rd_slut(&c);
	return ret;
}

/* Deltagare per insats: riket, women, a målgrupp, and per insats. */
static int
case_rapport_deltagare_per_insats(void)
{
	struct conn	 c;
	const char	*riket[] = { RD_RIKET, NULL };
	const char	*kvinnor[] = { RD_RIKET, "kon", "K", NULL };
	const char	*unga[] = { RD_RIKET, "malgrupp", "UNGA", NULL };
	const char	*insats[] = { RD_KV("insats"), NULL };
	static const char *const w_riket[] = {
		"^Insats;Nya kvinnor;Nya män;Nya totalt;Avslutade kvinnor;"
		    "Avslutade män;Avslutade totalt;Pågående kvinnor;"
		    "Pågående män;Pågående totalt",
		"@3",
		"Riket|R2 Arbetsträning (" RD_A ")|1 1 2 2 1 3 0 1 1",
		"Riket|R2 Steg ett (" RD_A ")|2 2 4 3 1 4 0 1 1",
		"Riket|R2 Studiestöd (" RD_B ")|2 1 3 1 1 2 1 1 2",
		"Riket|R2 Vägledning (" RD_B ")|0 1 1 0 1 1 0 0 0",
		"Riket|=Samtliga insatser|5 5 10 6 4 10 1 3 4",
		NULL
	};
	static const char *const w_kvinnor[] = {
		"Riket|R2 Arbetsträning (" RD_A ")|1 0 1 2 0 2 0 0 0",
		"Riket|R2 Steg ett (" RD_A ")|2 0 2 3 0 3 0 0 0",
		"Riket|R2 Studiestöd (" RD_B ")|2 0 2 1 0 1 1 0 1",
		"Riket|=Samtliga insatser|5 0 5 6 0 6 1 0 1",
		NULL
	};
	static const char *const w_unga[] = {
		"Riket|=Samtliga insatser|0 0 0 0 0 0 0 0 0",
		NULL
	};
	/*
	 * Steg ett: Avslutade män (1) is hidden, so Avslutade totalt (4)
	 * would give it away from kvinnor (3): kvinnor goes, and with it
	 * the sum row's, which the column would otherwise give away.
	 */
	static const char *const w_insats[] = {
		RD_DOLD,
		"R2 Arbetsträning (" RD_A ")|R2 Arbetsträning|x x x x x 3 0 x x",
		"R2 Arbetsträning (" RD_A ")|=Samtliga insatser|"
		    "x x x x x 3 0 x x",
		"R2 Steg ett (" RD_A ")|R2 Steg ett|x x 4 x x 4 0 x x",
		"R2 Steg ett (" RD_A ")|=Samtliga insatser|x x 4 x x 4 0 x x",
		"R2 Studiestöd (" RD_B ")|R2 Studiestöd|x x 3 x x x x x x",
		"R2 Studiestöd (" RD_B ")|=Samtliga insatser|x x 3 x x x x x x",
		"R2 Vägledning (" RD_B ")|R2 Vägledning|0 x x 0 x x 0 0 0",
		"R2 Vägledning (" RD_B ")|=Samtliga insatser|0 x x 0 x x 0 0 0",
		NULL
	};
	int		 ret = -1;

	if (rd_start(&c) != 0)
		goto out;
	if (rd_ar(&c, "deltagare", "per_insats", riket, w_riket) != 0 ||
	    rd_ar(&c, "deltagare", "per_insats", kvinnor, w_kvinnor) != 0 ||
	    rd_ar(&c, "deltagare", "per_insats", unga, w_unga) != 0 ||
	    rd_ar(&c, "deltagare", "per_insats", insats, w_insats) != 0)
		goto out;
	ret = 0;
out:
	rd_slut(&c);
	return ret;
}

const struct integ_case cases_rapport_deltagare[] = {
	{ "main", "rapport_deltagare_forsorjning",
	    case_rapport_deltagare_forsorjning },
	{ "main", "rapport_deltagare_forsorjning_kalla",
	    case_rapport_deltagare_forsorjning_kalla },
	{ "main", "rapport_deltagare_sysselsattning",
	    case_rapport_deltagare_sysselsattning },
	{ "main", "rapport_deltagare_bakgrund",
	    case_rapport_deltagare_bakgrund },
	{ "main", "rapport_deltagare_avslut", case_rapport_deltagare_avslut },
	{ "main", "rapport_deltagare_fragor", case_rapport_deltagare_fragor },
	{ "main", "rapport_deltagare_per_insats",
	    case_rapport_deltagare_per_insats },
	{ NULL, NULL, NULL }
};
