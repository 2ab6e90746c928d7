/*
 * Standardrapport deltagare (issue 9, domain.md 6.4) through the real
 * protocol: every figure of every rapporttyp at national level and per
 * samverkansorganisation (small counts hidden, with the footnote), the
 * chart's column, and the kön choice. The figures are worked out by hand
 * in the header of tests/data/rapport_deltagare.sql, which each case
 * loads and removes (the helpers are in rapport_deltagare.c).
 */
#include <string.h>

#include "integ.h"
#include "msg.h"
#include "proto.h"
#include "rapport_deltagare_int.h"
#include "rapport_int.h"

/* Sysselsättning and försörjning before and after, as the Deltagarrapport. */
static int
case_rapport_standard_fore_efter(void)
{
	struct conn	 c;
	const char	*riket[] = { RD_RIKET, NULL };
	const char	*samorg[] = { RD_KV("samorg"), NULL };
	const char	*akassa[] = { RD_RIKET, "fore", "AKASSA", NULL };
	const char	*akassa_s[] = { RD_KV("samorg"), "fore", "AKASSA",
	    NULL };
	const char	*utan[] = { RD_RIKET, NULL };
	struct msg_rapport r;
	int		 e, ret = -1;

	if (rd_start(&c) != 0)
		goto out;
	if (rd_ar(&c, "standard", "sysselsattning", riket,
	    rd_sysselsattning_riket) != 0 ||
	    rd_ar(&c, "standard", "sysselsattning", samorg,
	    rd_sysselsattning_samorg) != 0 ||
	    rd_ar(&c, "standard", "forsorjning", riket,
	    rd_forsorjning_riket) != 0 ||
	    rd_ar(&c, "standard", "forsorjning", samorg,
	    rd_forsorjning_samorg) != 0 ||
	    rd_ar(&c, "standard", "forsorjning_efter", akassa,
	    rd_kalla_akassa_riket) != 0 ||
	    rd_ar(&c, "standard", "forsorjning_efter", akassa_s,
	    rd_kalla_akassa_samorg) != 0)
		goto out;
	e = rapport_kor(&c, "standard", "forsorjning_efter", utan, &r);
	if (e == 0)
		msg_clear(MSG_RAPPORT, &r);
	CHECK(e > 0, "forsorjning_efter without fore: %d", e);
	ret = 0;
out:
	rd_slut(&c);
	return ret;
}

/* Sysselsättning in the four groups. */
static int
case_rapport_standard_sysselsattning_grupp(void)
{
	struct conn	 c;
	const char	*riket[] = { RD_RIKET, NULL };
	const char	*samorg[] = { RD_KV("samorg"), NULL };
	static const char *const w_riket[] = {
		"^Sysselsättning;Före;Efter;Förändring (%)",
		"@2",
		RD_EJ_DOLD,
		"Riket|Förvärvsarbete|1 4 3000",
		"Riket|Studier|1 3 2000",
		"Riket|Aktivt arbetssökande som inte arbetar eller studerar|"
		    "4 1 -750",
		"Riket|Övriga|3 1 -667",
		"Riket|=Samtliga avslutade deltagare|9 9 0",
		NULL
	};
	static const char *const w_samorg[] = {
		RD_DOLD,
		RD_B "|Förvärvsarbete|0 x x",
		RD_B "|Studier|0 x x",
		RD_B "|Aktivt arbetssökande som inte arbetar eller studerar|"
		    "x 0 x",
		RD_B "|Övriga|x 0 x",
		RD_B "|=Samtliga avslutade deltagare|3 3 0",
		RD_A "|Förvärvsarbete|x x x",
		RD_A "|Studier|x x x",
		RD_A "|Aktivt arbetssökande som inte arbetar eller studerar|"
		    "x x x",
		RD_A "|Övriga|x x x",
		RD_A "|=Samtliga avslutade deltagare|6 6 0",
		NULL
	};
	int		 ret = -1;

	if (rd_start(&c) != 0)
		goto out;
	if (rd_ar(&c, "standard", "sysselsattning_grupp", riket,
	    w_riket) != 0 ||
	    rd_ar(&c, "standard", "sysselsattning_grupp", samorg,
	    w_samorg) != 0)
		goto out;
	ret = 0;
out:
	rd_slut(&c);
	return ret;
}

/* Working and studying after, started or increased. */
static int
case_rapport_standard_arbete_studier(void)
{
	struct conn	 c;
	const char	*riket[] = { RD_RIKET, NULL };
	const char	*samorg[] = { RD_KV("samorg"), NULL };
	static const char *const w_riket[] = {
		"^Arbete och studier;Antal;Andel av avslutade (%)",
		"@1",
		"Riket|Arbetar efter insatsen|4 444",
		"Riket|Studerar efter insatsen|3 333",
		"Riket|Arbetar eller studerar efter insatsen|7 778",
		"Riket|Har börjat arbeta eller studera|5 556",
		"Riket|Har ökat omfattningen av arbete eller studier|2 222",
		"Riket|Har börjat eller ökat arbete eller studier|7 778",
		"Riket|=Samtliga avslutade deltagare|9 1000",
		NULL
	};
	static const char *const w_samorg[] = {
		RD_DOLD,
		RD_B "|Arbetar efter insatsen|x x",
		RD_B "|Studerar efter insatsen|x x",
		RD_B "|Arbetar eller studerar efter insatsen|3 1000",
		RD_B "|Har börjat arbeta eller studera|3 1000",
		RD_B "|Har ökat omfattningen av arbete eller studier|0 0",
		RD_B "|Har börjat eller ökat arbete eller studier|3 1000",
		RD_B "|=Samtliga avslutade deltagare|3 1000",
		RD_A "|Arbetar efter insatsen|x x",
		RD_A "|Studerar efter insatsen|x x",
		RD_A "|Arbetar eller studerar efter insatsen|4 667",
		RD_A "|Har börjat arbeta eller studera|x x",
		RD_A "|Har ökat omfattningen av arbete eller studier|x x",
		RD_A "|Har börjat eller ökat arbete eller studier|4 667",
		RD_A "|=Samtliga avslutade deltagare|6 1000",
		NULL
	};
	int		 ret = -1;

	if (rd_start(&c) != 0)
		goto out;
	if (rd_ar(&c, "standard", "arbete_studier", riket, w_riket) != 0 ||
	    rd_ar(&c, "standard", "arbete_studier", samorg, w_samorg) != 0)
		goto out;
	ret = 0;
out:
	rd_slut(&c);
	return ret;
}

/* How long the ended participations lasted: riket, men, per förbund. */
static int
case_rapport_standard_tid(void)
{
	struct conn	 c;
	const char	*riket[] = { RD_RIKET, NULL };
	const char	*man[] = { RD_RIKET, "kon", "M", NULL };
	const char	*samorg[] = { RD_KV("samorg"), NULL };
	static const char *const w_riket[] = {
		"^Tid i insatsen;Kvinnor;Män;Totalt",
		"@3",
		"Riket|Under 3 månader|0 1 1",
		"Riket|3–6 månader|2 2 4",
		"Riket|6–12 månader|3 1 4",
		"Riket|12 månader eller mer|1 0 1",
		"Riket|=Samtliga avslutade deltagare|6 4 10",
		NULL
	};
	static const char *const w_man[] = {
		"Riket|Under 3 månader|0 1 1",
		"Riket|3–6 månader|0 2 2",
		"Riket|6–12 månader|0 1 1",
		"Riket|12 månader eller mer|0 0 0",
		"Riket|=Samtliga avslutade deltagare|0 4 4",
		NULL
	};
	/*
	 * A: 12- (1) leaves Totalt one hidden count, so the smallest other
	 * (3-6, 3) goes too; the sum row's Män (2) leaves its Totalt (7)
	 * one hidden part, so Kvinnor (5) goes.
	 */
	static const char *const w_samorg[] = {
		RD_DOLD,
		RD_B "|Under 3 månader|0 x x",
		RD_B "|3–6 månader|x 0 x",
		RD_B "|6–12 månader|0 x x",
		RD_B "|12 månader eller mer|0 0 0",
		RD_B "|=Samtliga avslutade deltagare|x x 3",
		RD_A "|Under 3 månader|0 0 0",
		RD_A "|3–6 månader|x x x",
		RD_A "|6–12 månader|3 0 3",
		RD_A "|12 månader eller mer|x 0 x",
		RD_A "|=Samtliga avslutade deltagare|x x 7",
		NULL
	};
	int		 ret = -1;

	if (rd_start(&c) != 0)
		goto out;
	if (rd_ar(&c, "standard", "tid", riket, w_riket) != 0 ||
	    rd_ar(&c, "standard", "tid", man, w_man) != 0 ||
	    rd_ar(&c, "standard", "tid", samorg, w_samorg) != 0)
		goto out;
	ret = 0;
out:
	rd_slut(&c);
	return ret;
}

const struct integ_case cases_rapport_standard[] = {
	{ "main", "rapport_standard_fore_efter",
	    case_rapport_standard_fore_efter },
	{ "main", "rapport_standard_sysselsattning_grupp",
	    case_rapport_standard_sysselsattning_grupp },
	{ "main", "rapport_standard_arbete_studier",
	    case_rapport_standard_arbete_studier },
	{ "main", "rapport_standard_tid", case_rapport_standard_tid },
	{ NULL, NULL, NULL }
};
