/*
 * "Sök samverkansorg" cases: Swedish sort order, paging, substring and
 * case-insensitive matching, and LIKE metacharacters taken literally. The
 * run script adds rows named "Integtest ..." to the demo data first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/* Searches and checks the reply is a SAMORG_LIST. */
static int
search(struct conn *cn, const char *pattern, uint32_t offset, uint32_t limit,
    struct msg_samorg_list *list)
{
	struct msg_samorg_search	q;
	union reply			rep;
	uint16_t			rtype;
	int				r;

	memset(list, 0, sizeof *list);
	memset(&q, 0, sizeof q);
	q.pattern = (char *)pattern;
	q.offset = offset;
	q.limit = limit;
	if ((r = conn_call(cn, MSG_SAMORG_SEARCH, &q, &rtype, &rep)) != 0)
		return fail("search \"%s\": %s", pattern, sus_strerror(r));
	if (rtype != MSG_SAMORG_LIST) {
		if (rtype == MSG_ERR)
			fail("search \"%s\": ERR %u %s", pattern,
			    rep.err.code, rep.err.message);
		else
			fail("search \"%s\": reply type %u", pattern, rtype);
		msg_clear(rtype, &rep);
		return -1;
	}
	*list = rep.list;
	if (list->total < list->nrows) {
		fail("search \"%s\": total %u < %u rows", pattern, list->total,
		    list->nrows);
		return -1;
	}
	return 0;
}

/* Index of the row named name, -1 if absent. */
static int
row_index(const struct msg_samorg_list *l, const char *name)
{
	uint32_t	i;

	for (i = 0; i < l->nrows; i++) {
		if (strcmp(l->rows[i].namn, name) == 0)
			return (int)i;
	}
	return -1;
}

/*
 * The primary weight of one character in Swedish order, or -1 for one
 * this simple model does not know: space, digits, a-z (any case), then
 * å ä ö; é sorts as e and ü as y.
 */
static int
sv_weight(const unsigned char **pp)
{
	const unsigned char	*p = *pp;
	int			 c = p[0];

	if (c < 0x80) {
		*pp = p + 1;
		if (c == ' ')
			return 1;
		if (c >= '0' && c <= '9')
			return 10 + c - '0';
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c >= 'a' && c <= 'z')
			return 100 + c - 'a';
		return -1;
	}
	if (c != 0xc3 || p[1] == 0)
		return -1;
	*pp = p + 2;
	switch (p[1]) {
	case 0xa5: case 0x85:	/* å Å */
		return 100 + 26;
	case 0xa4: case 0x84:	/* ä Ä */
		return 100 + 27;
	case 0xb6: case 0x96:	/* ö Ö */
		return 100 + 28;
	case 0xa9: case 0x89:	/* é É */
		return 100 + 'e' - 'a';
	case 0xbc: case 0x9c:	/* ü Ü */
		return 100 + 'y' - 'a';
	}
	return -1;
}

/*
 * Compares two names the Swedish way at the primary level: < 0, 0 or
 * > 0, or 2 when a character falls outside the model (no verdict).
 */
static int
sv_cmp(const char *a, const char *b)
{
	const unsigned char	*pa = (const unsigned char *)a;
	const unsigned char	*pb = (const unsigned char *)b;
	int			 wa, wb;

	while (*pa != '\0' && *pb != '\0') {
		wa = sv_weight(&pa);
		wb = sv_weight(&pb);
		if (wa < 0 || wb < 0)
			return 2;
		if (wa != wb)
			return wa < wb ? -1 : 1;
	}
	if (*pa == '\0' && *pb == '\0')
		return 0;
	return *pa == '\0' ? -1 : 1;
}

/* Checks every pair of neighbours the model can judge is in order. */
static int
check_sorted(const struct msg_samorg_list *l)
{
	uint32_t	i;

	for (i = 1; i < l->nrows; i++) {
		if (sv_cmp(l->rows[i - 1].namn, l->rows[i].namn) == 1)
			return fail("\"%s\" sorted before \"%s\"",
			    l->rows[i - 1].namn, l->rows[i].namn);
	}
	return 0;
}

/* Demo data: "Samordningsförbundet*" in Swedish order, Ö after Z. */
static int
samorg_order(void)
{
	struct conn		cn;
	struct msg_samorg_list	l;
	uint32_t		i;
	int			got, goteborg, vasteras, ostra1, ostra2;
	int			rv = -1;

	memset(&l, 0, sizeof l);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	if (search(&cn, "Samordningsförbundet*", 0, 0, &l) != 0)
		goto out;
	CHECK(l.nrows >= 12, "%u rows, the demo data has 12", l.nrows);
	CHECK(l.total == l.nrows, "total %u, %u rows", l.total, l.nrows);
	for (i = 0; i < l.nrows; i++)
		CHECK(strncmp(l.rows[i].namn, "Samordningsförbundet", 20) == 0,
		    "\"%s\" does not match", l.rows[i].namn);
	got = row_index(&l, "Samordningsförbundet Gotland");
	goteborg = row_index(&l, "Samordningsförbundet Göteborg");
	vasteras = row_index(&l, "Samordningsförbundet Västerås");
	ostra1 = row_index(&l, "Samordningsförbundet Östra Skaraborg");
	ostra2 = row_index(&l, "Samordningsförbundet Östra Södertörn");
	CHECK(got >= 0 && goteborg >= 0 && vasteras >= 0 && ostra1 >= 0 &&
	    ostra2 >= 0, "a demo organisation is missing");
	/* ö is a letter after z, not an o with dots (as in English). */
	CHECK(got < goteborg, "Göteborg sorted before Gotland");
	CHECK(vasteras < ostra1 && ostra1 < ostra2,
	    "Östra rows not after Västerås, in order");
	CHECK(ostra2 == (int)l.nrows - 1, "Östra Södertörn is not last");
	if (check_sorted(&l) != 0)
		goto out;
	for (i = 0; i < l.nrows; i++)
		CHECK(l.rows[i].id != 0 && strlen(l.rows[i].startdatum) == 10,
		    "row %u: id or startdatum missing", i);
	rv = 0;
out:
	msg_clear(MSG_SAMORG_LIST, &l);
	conn_close(&cn);
	return rv;
}

/* Test rows: Z < Å < Ä < Ö, the order byte order and English get wrong. */
static int
samorg_order_aao(void)
{
	static const char *const want[] = {
		"Integtest axb", "Integtest Zeta", "Integtest Åsa",
		"Integtest Ära", "Integtest Örn",
	};
	struct conn		cn;
	struct msg_samorg_list	l;
	size_t			i;
	int			at, last = -1, rv = -1;

	memset(&l, 0, sizeof l);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	if (search(&cn, "Integtest*", 0, 0, &l) != 0)
		goto out;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		at = row_index(&l, want[i]);
		CHECK(at >= 0, "\"%s\" missing (did the run script add the "
		    "test rows?)", want[i]);
		CHECK(at > last, "\"%s\" sorted before \"%s\"", want[i],
		    want[i - 1]);
		last = at;
	}
	if (check_sorted(&l) != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_SAMORG_LIST, &l);
	conn_close(&cn);
	return rv;
}

/* Pages of 5 add up to the whole list, without overlap or gaps. */
static int
samorg_paging(void)
{
	struct conn		cn;
	struct msg_samorg_list	all, page;
	uint32_t		off = 0, i;
	int			rv = -1;

	memset(&all, 0, sizeof all);
	memset(&page, 0, sizeof page);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	if (search(&cn, "Samordningsförbundet*", 0, 0, &all) != 0)
		goto out;
	CHECK(all.nrows > 5, "too few rows to page");
	for (;;) {
		if (search(&cn, "Samordningsförbundet*", off, 5, &page) != 0)
			goto out;
		CHECK(page.total == all.total, "offset %u: total %u, want %u",
		    off, page.total, all.total);
		CHECK(page.nrows <= 5, "offset %u: %u rows for limit 5", off,
		    page.nrows);
		if (page.nrows == 0)
			break;
		for (i = 0; i < page.nrows; i++) {
			CHECK(off + i < all.nrows,
			    "offset %u: rows past the end", off);
			CHECK(page.rows[i].id == all.rows[off + i].id,
			    "offset %u row %u: \"%s\", want \"%s\"", off, i,
			    page.rows[i].namn, all.rows[off + i].namn);
		}
		off += page.nrows;
		CHECK(page.nrows == 5 || off == all.nrows,
		    "short page before the end at offset %u", off);
		msg_clear(MSG_SAMORG_LIST, &page);
	}
	CHECK(off == all.nrows, "pages held %u rows, want %u", off, all.nrows);
	msg_clear(MSG_SAMORG_LIST, &page);
	if (search(&cn, "Samordningsförbundet*", all.nrows + 100, 5,
	    &page) != 0)
		goto out;
	CHECK(page.nrows == 0 && page.total == all.total,
	    "past the end: %u rows, total %u", page.nrows, page.total);
	rv = 0;
out:
	msg_clear(MSG_SAMORG_LIST, &all);
	msg_clear(MSG_SAMORG_LIST, &page);
	conn_close(&cn);
	return rv;
}

/* Searches and checks the total, and that every name contains sub. */
static int
expect_total(struct conn *cn, const char *pattern, uint32_t total,
    const char *sub)
{
	struct msg_samorg_list	l;
	uint32_t		i;
	int			rv = -1;

	if (search(cn, pattern, 0, 0, &l) != 0)
		return -1;
	CHECK(l.total == total && l.nrows == total,
	    "\"%s\": total %u, %u rows, want %u", pattern, l.total, l.nrows,
	    total);
	for (i = 0; sub != NULL && i < l.nrows; i++)
		CHECK(strstr(l.rows[i].namn, sub) != NULL,
		    "\"%s\" matched \"%s\"", pattern, l.rows[i].namn);
	rv = 0;
out:
	msg_clear(MSG_SAMORG_LIST, &l);
	return rv;
}

/* Text without '*' matches anywhere in the name. */
static int
samorg_substring(void)
{
	struct conn	cn;
	int		rv = -1;

	if (case_login(&cn, "rapport") != 0)
		goto out;
	if (expect_total(&cn, "Malm", 2, "Malm") != 0 ||
	    expect_total(&cn, "förbundet Östra", 2, "Östra") != 0 ||
	    expect_total(&cn, "  Malm  ", 2, "Malm") != 0 ||
	    expect_total(&cn, "Samordningsförbundet Gotland", 1, NULL) != 0 ||
	    expect_total(&cn, "ingen sådan organisation", 0, NULL) != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * Kommuner are listed once each, with the stadsdelar a förbund serves in
 * brackets, sorted the Swedish way: Göteborg is linked as a whole and by
 * two stadsdelar in the demo data.
 */
static int
samorg_kommuner(void)
{
	struct conn		cn;
	struct msg_samorg_list	l;
	int			rv = -1;

	memset(&l, 0, sizeof l);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	if (search(&cn, "Samordningsförbundet Göteborg", 0, 10, &l) != 0)
		goto out;
	CHECK(l.nrows == 1, "%u rows", l.nrows);
	CHECK(strcmp(l.rows[0].kommuner, "Göteborg (Hisingen, Nordost)") == 0,
	    "kommuner \"%s\"", l.rows[0].kommuner);
	msg_clear(MSG_SAMORG_LIST, &l);
	if (search(&cn, "Samordningsförbundet Stockholms stad", 0, 10, &l) != 0)
		goto out;
	CHECK(l.nrows == 1 && strcmp(l.rows[0].kommuner,
	    "Stockholm (Järva, Södermalm)") == 0, "kommuner \"%s\"",
	    l.nrows == 1 ? l.rows[0].kommuner : "?");
	rv = 0;
out:
	msg_clear(MSG_SAMORG_LIST, &l);
	conn_close(&cn);
	return rv;
}

/* Case does not matter, for å, ä and ö too. */
static int
samorg_case(void)
{
	struct conn	cn;
	int		rv = -1;

	if (case_login(&cn, "rapport") != 0)
		goto out;
	if (expect_total(&cn, "Östra", 2, NULL) != 0 ||
	    expect_total(&cn, "östra", 2, NULL) != 0 ||
	    expect_total(&cn, "ÖSTRA", 2, NULL) != 0 ||
	    expect_total(&cn, "göteborg", 1, NULL) != 0 ||
	    expect_total(&cn, "GÖTEBORG", 1, NULL) != 0 ||
	    expect_total(&cn, "integtest åsa", 1, NULL) != 0 ||
	    expect_total(&cn, "INTEGTEST ÄRA", 1, NULL) != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* '%' and '_' (and '\') are plain characters, not LIKE wildcards. */
static int
samorg_like_literal(void)
{
	struct conn	cn;
	int		rv = -1;

	if (case_login(&cn, "rapport") != 0)
		goto out;
	if (expect_total(&cn, "100%", 1, "100%") != 0 ||
	    expect_total(&cn, "%", 1, "%") != 0 ||
	    expect_total(&cn, "a_b", 1, "a_b") != 0 ||
	    expect_total(&cn, "_", 1, "_") != 0 ||
	    expect_total(&cn, "Integtest 10_0", 0, NULL) != 0 ||
	    expect_total(&cn, "\\", 0, NULL) != 0 ||
	    expect_total(&cn, "*100%*", 1, NULL) != 0)
		goto out;
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/* With '*' the pattern is anchored: "X*land" ends in "land". */
static int
samorg_star(void)
{
	struct conn		cn;
	struct msg_samorg_list	all, star;
	int			rv = -1;

	memset(&all, 0, sizeof all);
	memset(&star, 0, sizeof star);
	if (case_login(&cn, "rapport") != 0)
		goto out;
	if (expect_total(&cn, "Samordningsförbundet*land", 2, "land") != 0 ||
	    expect_total(&cn, "*Malmö", 1, "Malmö") != 0 ||
	    expect_total(&cn, "Malmö*", 0, NULL) != 0)
		goto out;
	if (search(&cn, "", 0, 0, &all) != 0 || search(&cn, "*", 0, 0,
	    &star) != 0)
		goto out;
	CHECK(all.total >= 13 && all.total == star.total,
	    "\"\" gave %u, \"*\" gave %u", all.total, star.total);
	rv = 0;
out:
	msg_clear(MSG_SAMORG_LIST, &all);
	msg_clear(MSG_SAMORG_LIST, &star);
	conn_close(&cn);
	return rv;
}

/* Every role may search: it shows no personal data. */
static int
samorg_every_role(void)
{
	static const char *const users[] = {
		"admin", "samadm", "insatsansv", "deltagaransv", "rapport",
	};
	struct conn		cn;
	struct msg_samorg_list	l;
	size_t			i;
	int			r;

	for (i = 0; i < sizeof users / sizeof users[0]; i++) {
		r = conn_open_login(&cn, users[i], INTEG_DEMO_PASSWORD);
		if (r != 0) {
			conn_close(&cn);
			return fail("%s: login: %s", users[i], sus_strerror(r));
		}
		r = search(&cn, "Samordningsförbundet G*", 0, 10, &l);
		conn_close(&cn);
		if (r != 0)
			return -1;
		r = l.total == 2 ? 0 : fail("%s: total %u", users[i], l.total);
		msg_clear(MSG_SAMORG_LIST, &l);
		if (r != 0)
			return r;
	}
	return 0;
}

const struct integ_case cases_samorg[] = {
	{ "main", "samorg_swedish_order_demo", samorg_order },
	{ "main", "samorg_swedish_order_z_aa_ae_oe", samorg_order_aao },
	{ "main", "samorg_paging_no_overlap", samorg_paging },
	{ "main", "samorg_substring_without_star", samorg_substring },
	{ "main", "samorg_case_insensitive", samorg_case },
	{ "main", "samorg_kommuner_once_with_stadsdelar", samorg_kommuner },
	{ "main", "samorg_like_metacharacters_literal", samorg_like_literal },
	{ "main", "samorg_star_anchors", samorg_star },
	{ "main", "samorg_every_role", samorg_every_role },
	{ NULL, NULL, NULL }
};
