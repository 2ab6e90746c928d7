/*
 * Unit tests for the report engine's pure pieces (server/rule_rapport_val.c)
 * and for hiding small counts in a built table (server/rapport_dolj.c with
 * the builder, server/rapport_bygg.c, compiled in here: neither touches
 * the database, but the unit build links only rule_*.c).
 */
#include <stdint.h>
#include <string.h>

#include "../../server/rapport_bygg.c"
#include "../../server/rapport_dolj.c"
#include "rapport.h"
#include "unit.h"

START_TEST(standard_values)
{
	char	out[16];

	ck_assert_int_eq(rapport_standard("idag", "2026-11-23", out,
	    sizeof out), 0);
	ck_assert_str_eq(out, "2026-11-23");
	ck_assert_int_eq(rapport_standard("ar", "2026-11-23", out,
	    sizeof out), 0);
	ck_assert_str_eq(out, "2026");
	ck_assert_int_eq(rapport_standard("ar-1", "2026-11-23", out,
	    sizeof out), 0);
	ck_assert_str_eq(out, "2025");
	ck_assert_int_eq(rapport_standard("ar+2", "2026-11-23", out,
	    sizeof out), 0);
	ck_assert_str_eq(out, "2028");
	ck_assert_int_eq(rapport_standard("arstart", "2026-11-23", out,
	    sizeof out), 0);
	ck_assert_str_eq(out, "2026-01-01");
	ck_assert_int_eq(rapport_standard("arslut-1", "2026-11-23", out,
	    sizeof out), 0);
	ck_assert_str_eq(out, "2025-12-31");
	ck_assert_int_eq(rapport_standard("manadstart", "2026-11-23", out,
	    sizeof out), 0);
	ck_assert_str_eq(out, "2026-11-01");
	/* Anything else is a value as it stands. */
	ck_assert_int_eq(rapport_standard("riket", "2026-11-23", out,
	    sizeof out), 0);
	ck_assert_str_eq(out, "riket");
	ck_assert_int_eq(rapport_standard("", "2026-11-23", out, sizeof out),
	    0);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(rapport_standard("arx", "2026-11-23", out,
	    sizeof out), 0);
	ck_assert_str_eq(out, "arx");
	/* Years outside the tables' range, and values too long. */
	ck_assert_int_eq(rapport_standard("ar-999", "2026-11-23", out,
	    sizeof out), -1);
	ck_assert_int_eq(rapport_standard("idag", "2026-11-23", out, 5), -1);
}
END_TEST

START_TEST(datum)
{
	ck_assert(rapport_datum_ok("2001-07-01"));
	ck_assert(rapport_datum_ok("2000-02-29"));	/* 400-year leap */
	ck_assert(rapport_datum_ok("2004-02-29"));
	ck_assert(!rapport_datum_ok("2001-02-29"));
	ck_assert(!rapport_datum_ok("2100-02-29"));	/* no leap */
	ck_assert(!rapport_datum_ok("2001-04-31"));
	ck_assert(!rapport_datum_ok("2001-13-01"));
	ck_assert(!rapport_datum_ok("2001-00-10"));
	ck_assert(!rapport_datum_ok("2001-7-1"));
	ck_assert(!rapport_datum_ok("2001-07-01 "));
	ck_assert(!rapport_datum_ok("20010701"));
	ck_assert(!rapport_datum_ok("1989-12-31"));
	ck_assert(rapport_datum_ok("1990-01-01"));
	ck_assert(rapport_datum_ok("2200-12-31"));
	ck_assert(!rapport_datum_ok("2201-01-01"));
	ck_assert(!rapport_datum_ok(""));
}
END_TEST

START_TEST(aldersgrupp)
{
	int	a, b;

	ck_assert_int_eq(rapport_alder_parse("", &a, &b), 0);
	ck_assert_int_eq(a, 0);
	ck_assert_int_eq(b, 200);
	ck_assert_int_eq(rapport_alder_parse("16-24", &a, &b), 0);
	ck_assert_int_eq(a, 16);
	ck_assert_int_eq(b, 24);
	ck_assert_int_eq(rapport_alder_parse("60-", &a, &b), 0);
	ck_assert_int_eq(a, 60);
	ck_assert_int_eq(b, 200);
	ck_assert_int_eq(rapport_alder_parse("24-16", &a, &b), -1);
	ck_assert_int_eq(rapport_alder_parse("-5", &a, &b), -1);
	ck_assert_int_eq(rapport_alder_parse("ung", &a, &b), -1);
	ck_assert_int_eq(rapport_alder_parse("1x-20", &a, &b), -1);
	ck_assert_int_eq(rapport_alder_parse("10-2000", &a, &b), -1);
}
END_TEST

START_TEST(procent)
{
	ck_assert_int_eq(rapport_promille(1, 3), 333);
	ck_assert_int_eq(rapport_promille(2, 3), 667);
	ck_assert_int_eq(rapport_promille(-1, 3), -333);
	ck_assert_int_eq(rapport_promille(-2, 3), -667);
	/* Half a tenth rounds away from zero. */
	ck_assert_int_eq(rapport_promille(1, 16), 63);
	ck_assert_int_eq(rapport_promille(-1, 16), -63);
	ck_assert_int_eq(rapport_promille(1, 8), 125);
	ck_assert_int_eq(rapport_promille(5, 5), 1000);
	ck_assert_int_eq(rapport_promille(0, 7), 0);
	ck_assert_int_eq(rapport_promille(7, 0), 0);
}
END_TEST

START_TEST(urval_rad)
{
	char	buf[64], kort[12], kortare[11];

	buf[0] = '\0';
	rapport_urval_add(buf, sizeof buf, "Från och med", "2001-07-01");
	rapport_urval_add(buf, sizeof buf, "Nivå", "Län");
	ck_assert_str_eq(buf, "Från och med: 2001-07-01; Nivå: Län");
	/* Cut where it fills, never inside a character: "Ö" is 2 bytes. */
	kort[0] = '\0';
	rapport_urval_add(kort, sizeof kort, "Län", "Öö");
	ck_assert_str_eq(kort, "Län: Öö");
	rapport_urval_add(kort, sizeof kort, "Ö", "x");
	ck_assert_str_eq(kort, "Län: Öö;");
	kort[0] = '\0';
	rapport_urval_add(kort, sizeof kort, "Nivåer", "ÅÅ");
	ck_assert_str_eq(kort, "Nivåer: Å");
	kortare[0] = '\0';
	rapport_urval_add(kortare, sizeof kortare, "Nivåer", "ÅÅ");
	ck_assert_str_eq(kortare, "Nivåer: ");
}
END_TEST

/* A table of K, M, Totalt and Andel K for two rows and a sum row. */
static void
bygg(struct rapport_ctx *c, enum rapport_niva niva, int summa)
{
	static const int64_t v[3][3] = { { 1, 5, 6 }, { 4, 4, 8 },
	    { 5, 9, 14 } };
	int	i;

	memset(c, 0, sizeof *c);
	for (i = 0; i <= RAPPORT_KOL_MAX; i++) {
		c->fran[i][0] = c->fran[i][1] = -1;
		c->summa[i][0] = c->summa[i][1] = -1;
	}
	c->u.niva = niva;
	c->u.troskel = 3;
	rapport_kol(c, "Rad", RAPPORT_K_TEXT, 0);
	rapport_kol(c, "Kvinnor", RAPPORT_K_ANTAL, 0);
	rapport_kol(c, "Män", RAPPORT_K_ANTAL, 0);
	rapport_kol(c, "Totalt", RAPPORT_K_ANTAL, 0);
	rapport_kol(c, "Andel kvinnor", RAPPORT_K_PROCENT, 1);
	rapport_kol(c, "Budget", RAPPORT_K_BELOPP, 0);
	rapport_kol_fran(c, 4, 1, 3);
	if (summa)
		rapport_kol_summa(c, 3, 1, 2);
	for (i = 0; i < 3; i++) {
		rapport_rad(c, "A", i == 2 ? "Summa" : "rad", i == 2);
		rapport_cell(c, v[i][0]);
		rapport_cell(c, v[i][1]);
		rapport_cell(c, v[i][2]);
		rapport_cell_andel(c, v[i][0], v[i][2]);
		rapport_cell(c, 2);
	}
}

/* The flags of row r, cells 0..4, as a string of V (shown) and D. */
static void
flaggor(const struct rapport_ctx *c, uint32_t r, char *out)
{
	uint32_t	k;

	for (k = 0; k < 5; k++)
		out[k] = c->out.rader[r].celler[k].flagga == RAPPORT_C_DOLD ?
		    'D' : 'V';
	out[5] = '\0';
}

START_TEST(dolj_kolumnsummor)
{
	struct rapport_ctx	c;
	char			f[6];

	bygg(&c, NIVA_SAMORG, 0);
	ck_assert_int_eq(c.out.rader[0].celler[3].varde, 167);
	rapport_dolj(&c);
	/* The 1, and the 4 under it (the sum 5 would give the 1 away). */
	flaggor(&c, 0, f);
	ck_assert_str_eq(f, "DVVDV");	/* the share from the 1 too */
	flaggor(&c, 1, f);
	ck_assert_str_eq(f, "DVVDV");
	flaggor(&c, 2, f);
	ck_assert_str_eq(f, "VVVVV");
	ck_assert_int_eq(c.out.rader[0].celler[0].varde, 0);
	ck_assert_uint_eq(c.out.nfotnoter, 1);
	ck_assert_ptr_nonnull(strstr(c.out.fotnoter[0].text,
	    "Antal under 3 visas inte"));
	rapport_clear(&c);
}
END_TEST

START_TEST(dolj_radsummor)
{
	struct rapport_ctx	c;
	char			f[6];

	bygg(&c, NIVA_LAN, 1);
	rapport_dolj(&c);
	/* Totalt 6 would give the 1 from the 5, and 8 the 4 from the 4. */
	flaggor(&c, 0, f);
	ck_assert_str_eq(f, "DDVDV");
	flaggor(&c, 1, f);
	ck_assert_str_eq(f, "DDVDV");
	flaggor(&c, 2, f);
	ck_assert_str_eq(f, "VVVVV");
	rapport_clear(&c);
}
END_TEST

START_TEST(dolj_riket)
{
	struct rapport_ctx	c;
	char			f[6];

	bygg(&c, NIVA_RIKET, 1);
	rapport_dolj(&c);
	flaggor(&c, 0, f);
	ck_assert_str_eq(f, "VVVVV");
	ck_assert_int_eq(c.out.rader[0].celler[0].varde, 1);
	ck_assert_uint_eq(c.out.nfotnoter, 0);
	rapport_clear(&c);
}
END_TEST

/* A small sum is hidden, and a lone row's count with it. */
START_TEST(dolj_liten_summa)
{
	struct rapport_ctx	c;
	uint32_t		i;

	memset(&c, 0, sizeof c);
	for (i = 0; i <= RAPPORT_KOL_MAX; i++) {
		c.fran[i][0] = c.fran[i][1] = -1;
		c.summa[i][0] = c.summa[i][1] = -1;
	}
	c.u.niva = NIVA_SAMORG;
	c.u.troskel = 3;
	rapport_kol(&c, "Rad", RAPPORT_K_TEXT, 0);
	rapport_kol(&c, "Antal", RAPPORT_K_ANTAL, 0);
	rapport_kol(&c, "Insatser", RAPPORT_K_TAL, 0);
	rapport_rad(&c, "A", "rad", 0);
	rapport_cell(&c, 2);
	rapport_cell(&c, 1);
	rapport_rad(&c, "A", "Summa", 1);
	rapport_cell(&c, 2);
	rapport_cell(&c, 1);
	rapport_rad(&c, "B", "rad", 0);
	rapport_cell(&c, 7);
	rapport_cell(&c, 1);
	rapport_dolj(&c);
	ck_assert_uint_eq(c.out.rader[0].celler[0].flagga, RAPPORT_C_DOLD);
	ck_assert_uint_eq(c.out.rader[1].celler[0].flagga, RAPPORT_C_DOLD);
	/* Other counts (RAPPORT_K_TAL) are never hidden. */
	ck_assert_uint_eq(c.out.rader[0].celler[1].flagga, RAPPORT_C_VARDE);
	ck_assert_uint_eq(c.out.rader[2].celler[0].flagga, RAPPORT_C_VARDE);
	rapport_clear(&c);
}
END_TEST

/*
 * Rows outside the total: a "varav" part of row 0, hidden where small or
 * where its difference from row 0 is; a breakdown of it, of which one
 * small row takes another with it; an anonymous row beside the table.
 * None of them is a member of the sum row's column totals.
 */
START_TEST(dolj_utanfor)
{
	struct rapport_ctx	c;
	uint32_t		i;
	int			varav;

	memset(&c, 0, sizeof c);
	for (i = 0; i <= RAPPORT_KOL_MAX; i++) {
		c.fran[i][0] = c.fran[i][1] = -1;
		c.summa[i][0] = c.summa[i][1] = -1;
	}
	c.u.niva = NIVA_RIKET;
	c.u.troskel = 3;
	c.avgransad = 1;	/* a national report narrowed to one unit */
	rapport_kol(&c, "Rad", RAPPORT_K_TEXT, 0);
	rapport_kol(&c, "Kvinnor", RAPPORT_K_ANTAL, 0);
	rapport_kol(&c, "Män", RAPPORT_K_ANTAL, 0);
	rapport_rad(&c, "Riket", "Avslutade", 0);		/* 0 */
	rapport_cell(&c, 9);
	rapport_cell(&c, 8);
	rapport_rad(&c, "Riket", "Avbrutna", 0);		/* 1 */
	rapport_cell(&c, 5);
	rapport_cell(&c, 6);
	rapport_rad(&c, "Riket", "Samtliga", 1);		/* 2 */
	rapport_cell(&c, 14);
	rapport_cell(&c, 14);
	/* 9 - 8 = 1 gives a person away; 8 - 5 = 3 does not. */
	varav = rapport_rad_utanfor(&c, "Riket", "varav arbete", 0,
	    RAPPORT_UTANFOR_DEL);				/* 3 */
	ck_assert_int_eq(varav, 3);
	rapport_cell(&c, 8);
	rapport_cell(&c, 5);
	rapport_rad_utanfor(&c, "Riket", "Typ a", varav,
	    RAPPORT_UTANFOR_UPPDELNING);			/* 4 */
	rapport_cell(&c, 7);
	rapport_cell(&c, 1);
	rapport_rad_utanfor(&c, "Riket", "Typ b", varav,
	    RAPPORT_UTANFOR_UPPDELNING);			/* 5 */
	rapport_cell(&c, 1);
	rapport_cell(&c, 4);
	rapport_rad_utanfor(&c, "Riket", "Anonyma", -1,
	    RAPPORT_UTANFOR_DEL);				/* 6 */
	rapport_cell(&c, 2);
	rapport_cell(&c, 40);
	/* Not a sum row: the client shows it plain. */
	ck_assert_int_eq(c.out.rader[3].summa, 0);
	ck_assert_int_eq(c.out.rader[6].summa, 0);
	rapport_dolj(&c);
	/* The table itself has nothing small: nothing hidden there. */
	for (i = 0; i < 3; i++) {
		ck_assert_uint_eq(c.out.rader[i].celler[0].flagga,
		    RAPPORT_C_VARDE);
		ck_assert_uint_eq(c.out.rader[i].celler[1].flagga,
		    RAPPORT_C_VARDE);
	}
	ck_assert_uint_eq(c.out.rader[3].celler[0].flagga, RAPPORT_C_DOLD);
	ck_assert_uint_eq(c.out.rader[3].celler[1].flagga, RAPPORT_C_VARDE);
	/*
	 * Kvinnor: b's 1 hidden; a's 7 stays, as the 8 it is a part of is
	 * hidden. Män: a's 1, and b's 4 that the shown 5 would give it from.
	 */
	ck_assert_uint_eq(c.out.rader[4].celler[0].flagga, RAPPORT_C_VARDE);
	ck_assert_uint_eq(c.out.rader[5].celler[0].flagga, RAPPORT_C_DOLD);
	ck_assert_uint_eq(c.out.rader[4].celler[1].flagga, RAPPORT_C_DOLD);
	ck_assert_uint_eq(c.out.rader[5].celler[1].flagga, RAPPORT_C_DOLD);
	ck_assert_uint_eq(c.out.rader[6].celler[0].flagga, RAPPORT_C_DOLD);
	ck_assert_uint_eq(c.out.rader[6].celler[1].flagga, RAPPORT_C_VARDE);
	ck_assert_int_eq(c.out.rader[6].celler[1].varde, 40);
	ck_assert_uint_eq(c.out.nfotnoter, 1);
	ck_assert_ptr_nonnull(strstr(c.out.fotnoter[0].text,
	    "utom för hela riket utan avgränsning"));
	rapport_clear(&c);

	/* The same for the whole country: nothing is hidden. */
	memset(&c, 0, sizeof c);
	for (i = 0; i <= RAPPORT_KOL_MAX; i++) {
		c.fran[i][0] = c.fran[i][1] = -1;
		c.summa[i][0] = c.summa[i][1] = -1;
	}
	c.u.niva = NIVA_RIKET;
	c.u.troskel = 3;
	rapport_kol(&c, "Rad", RAPPORT_K_TEXT, 0);
	rapport_kol(&c, "Antal", RAPPORT_K_ANTAL, 0);
	rapport_rad(&c, "Riket", "Avslutade", 1);
	rapport_cell(&c, 9);
	rapport_rad_utanfor(&c, "Riket", "varav arbete", 0,
	    RAPPORT_UTANFOR_DEL);
	rapport_cell(&c, 1);
	rapport_dolj(&c);
	ck_assert_uint_eq(c.out.rader[1].celler[0].flagga, RAPPORT_C_VARDE);
	ck_assert_uint_eq(c.out.nfotnoter, 0);
	rapport_clear(&c);
}
END_TEST

static Suite *
suite_rapport(void)
{
	Suite	*s = suite_create("rapport");
	TCase	*tc = tcase_create("engine");

	tcase_add_test(tc, standard_values);
	tcase_add_test(tc, datum);
	tcase_add_test(tc, aldersgrupp);
	tcase_add_test(tc, procent);
	tcase_add_test(tc, urval_rad);
	tcase_add_test(tc, dolj_kolumnsummor);
	tcase_add_test(tc, dolj_radsummor);
	tcase_add_test(tc, dolj_riket);
	tcase_add_test(tc, dolj_liten_summa);
	tcase_add_test(tc, dolj_utanfor);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_rapport)
