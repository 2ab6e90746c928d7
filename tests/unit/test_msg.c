/* Unit tests for the table-driven message codec. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "msg.h"
#include "proto.h"
#include "unit.h"

START_TEST(msg_login_roundtrip)
{
	struct msg_login	 in = { "samadm", "hemligt lösen" }, out;
	struct buf		*b = buf_new(SUS_MSG_MAX);

	ck_assert_int_eq(msg_encode(MSG_LOGIN, &in, b), 0);
	ck_assert_int_eq(msg_decode(MSG_LOGIN, b, &out), 0);
	ck_assert_str_eq(out.username, "samadm");
	ck_assert_str_eq(out.password, "hemligt lösen");
	msg_clear(MSG_LOGIN, &out);
	ck_assert_ptr_null(out.username);
	buf_free(b);
}
END_TEST

START_TEST(msg_list_roundtrip)
{
	struct samorg_row	 rows[2] = {
		{ 1, "Samordningsförbundet Ö", "FINSAM", "222222-0001",
		    "2010-01-01", "", "Örebro" },
		{ 2, "Samordningsförbundet A", "FINSAM", "222222-0002",
		    "2011-01-01", "2020-12-31", "Ale, Kungälv" },
	};
	struct msg_samorg_list	 in = { 7, 2, rows }, out;
	struct buf		*b = buf_new(SUS_MSG_MAX);

	ck_assert_int_eq(msg_encode(MSG_SAMORG_LIST, &in, b), 0);
	ck_assert_int_eq(msg_decode(MSG_SAMORG_LIST, b, &out), 0);
	ck_assert_uint_eq(out.total, 7);
	ck_assert_uint_eq(out.nrows, 2);
	ck_assert_str_eq(out.rows[1].kommuner, "Ale, Kungälv");
	ck_assert_str_eq(out.rows[0].namn, "Samordningsförbundet Ö");
	msg_clear(MSG_SAMORG_LIST, &out);
	buf_free(b);
}
END_TEST

START_TEST(msg_trailing_and_truncated)
{
	struct msg_ping		 p = { 42 }, q;
	struct buf		*b = buf_new(64);

	ck_assert_int_eq(msg_encode(MSG_PING, &p, b), 0);
	ck_assert_int_eq(buf_put_u8(b, 0), 0);
	ck_assert_int_eq(msg_decode(MSG_PING, b, &q), SUS_ERR_TRAILING);
	buf_reset(b);
	ck_assert_int_eq(buf_put_u32(b, 1), 0);
	ck_assert_int_eq(msg_decode(MSG_PING, b, &q), SUS_ERR_INCOMPLETE);
	buf_reset(b);
	ck_assert_int_eq(buf_put_u8(b, 1), 0);
	ck_assert_int_eq(msg_decode(MSG_BYE, b, NULL), SUS_ERR_TRAILING);
	buf_free(b);
}
END_TEST

START_TEST(msg_list_count_lies)
{
	struct msg_samorg_list	 out;
	struct buf		*b = buf_new(64);

	/* A huge count with no rows behind it must fail without allocating. */
	ck_assert_int_eq(buf_put_u32(b, 1), 0);
	ck_assert_int_eq(buf_put_u32(b, 400), 0);
	ck_assert_int_eq(msg_decode(MSG_SAMORG_LIST, b, &out),
	    SUS_ERR_INCOMPLETE);
	ck_assert_ptr_null(out.rows);
	buf_reset(b);
	ck_assert_int_eq(buf_put_u32(b, 1), 0);
	ck_assert_int_eq(buf_put_u32(b, SUS_LIST_MAX + 1), 0);
	ck_assert_int_eq(msg_decode(MSG_SAMORG_LIST, b, &out),
	    SUS_ERR_TOO_LARGE);
	buf_free(b);
}
END_TEST

START_TEST(msg_partial_list_freed)
{
	struct msg_samorg_list	 out;
	struct buf		*b = buf_new(1024);

	/* Two rows declared, one complete: the first must be freed (ASan). */
	ck_assert_int_eq(buf_put_u32(b, 2), 0);
	ck_assert_int_eq(buf_put_u32(b, 2), 0);
	ck_assert_int_eq(buf_put_u32(b, 1), 0);
	ck_assert_int_eq(buf_put_cstring(b, "A"), 0);
	ck_assert_int_eq(buf_put_cstring(b, "FINSAM"), 0);
	ck_assert_int_eq(buf_put_cstring(b, "222222-0001"), 0);
	ck_assert_int_eq(buf_put_cstring(b, "2010-01-01"), 0);
	ck_assert_int_eq(buf_put_cstring(b, ""), 0);
	ck_assert_int_eq(buf_put_cstring(b, "Ale"), 0);
	ck_assert_int_eq(buf_put_u32(b, 2), 0);
	ck_assert_int_eq(buf_put_u32(b, 0), 0);
	ck_assert_int_eq(buf_put_u32(b, 0), 0);
	ck_assert_int_ne(msg_decode(MSG_SAMORG_LIST, b, &out), 0);
	ck_assert_ptr_null(out.rows);
	buf_free(b);
}
END_TEST

START_TEST(msg_encode_limits)
{
	char			 longname[SUS_USERNAME_MAX + 2];
	struct msg_login	 in = { longname, "x" };
	struct buf		*b = buf_new(SUS_MSG_MAX);

	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	ck_assert_int_eq(msg_encode(MSG_LOGIN, &in, b), SUS_ERR_STRING_LEN);
	ck_assert(msg_known(MSG_LOGIN));
	ck_assert(!msg_known(9999));
	ck_assert_str_eq(msg_name(MSG_SAMORG_SEARCH), "SAMORG_SEARCH");
	buf_free(b);
}
END_TEST

/* Fills a registration with lists inside (försörjning, answers). */
static void
fill_save(struct msg_deltagare_save *q, struct kod_ref *kr,
    struct svar_row *sv)
{
	memset(q, 0, sizeof *q);
	q->insats_id = 17;
	q->personnummer = "191212121212";
	q->namn = "Åsa Öberg";
	q->kommunkod = "1480";
	q->stadsdel_id = 3;
	q->samtycke = 1;
	q->samtycke_datum = "";
	q->tillfalle.typ = 1;
	q->tillfalle.datum = "2026-01-15";
	kr[0].id = 4;
	kr[1].id = 9;
	q->tillfalle.nforsorjning = 2;
	q->tillfalle.forsorjning = kr;
	q->tillfalle.sysselsattning_id = 21;
	q->tillfalle.omfattning = 50;
	q->tillfalle.utbildning_id = 30;
	q->tillfalle.tid_id = 40;
	memset(sv, 0, sizeof *sv);
	sv->fraga_id = 5;
	sv->ja = 1;
	q->tillfalle.nsvar = 1;
	q->tillfalle.svar = sv;
	q->tillfalle.andrad = "";
	q->tillfalle.andrad_av = "";
}

/*
 * A batch row is a whole MSG_DELTAGARE_SAVE after its row number: the
 * bytes must be exactly the single request's, lists and all.
 */
START_TEST(msg_batch_row_is_single_save)
{
	struct msg_deltagare_save	 q;
	struct batch_deltagare_rad	 rad[2];
	struct msg_batch_deltagare	 in, out;
	struct kod_ref			 kr[2];
	struct svar_row			 sv;
	struct buf			*one = buf_new(SUS_MSG_MAX);
	struct buf			*b = buf_new(SUS_MSG_MAX);
	size_t				 head;

	fill_save(&q, kr, &sv);
	ck_assert_int_eq(msg_encode(MSG_DELTAGARE_SAVE, &q, one), 0);
	memset(&in, 0, sizeof in);
	memset(rad, 0, sizeof rad);
	rad[0].radnr = 2;
	rad[0].rad = q;
	rad[1].radnr = 9;
	rad[1].rad = q;
	rad[1].rad.tillfalle.typ = 2;
	in.insats_id = 17;
	in.nyckel = "00112233445566778899aabbccddeeff"
	    "00112233445566778899aabbccddeeff";
	in.flaggor = BATCH_F_DRY_RUN;
	in.nrader = 2;
	in.rader = rad;
	ck_assert_int_eq(msg_encode(MSG_BATCH_DELTAGARE, &in, b), 0);
	/* insats, key (u32 length + 64), flags, count, then row 1's radnr. */
	head = 4 + 4 + 64 + 1 + 4 + 4;
	ck_assert_uint_ge(buf_len(b), head + buf_len(one));
	ck_assert_mem_eq(buf_ptr(b) + head, buf_ptr(one), buf_len(one));
	ck_assert_int_eq(msg_decode(MSG_BATCH_DELTAGARE, b, &out), 0);
	ck_assert_uint_eq(out.nrader, 2);
	ck_assert_uint_eq(out.flaggor, BATCH_F_DRY_RUN);
	ck_assert_uint_eq(out.rader[1].radnr, 9);
	ck_assert_str_eq(out.rader[1].rad.namn, "Åsa Öberg");
	ck_assert_uint_eq(out.rader[1].rad.tillfalle.typ, 2);
	ck_assert_uint_eq(out.rader[0].rad.tillfalle.nforsorjning, 2);
	ck_assert_uint_eq(out.rader[0].rad.tillfalle.forsorjning[1].id, 9);
	ck_assert_uint_eq(out.rader[0].rad.tillfalle.svar[0].fraga_id, 5);
	msg_clear(MSG_BATCH_DELTAGARE, &out);
	ck_assert_ptr_null(out.rader);
	buf_free(one);
	buf_free(b);
}
END_TEST

/* More rows than SUS_BATCH_MAX, or a longer key, never decode. */
START_TEST(msg_batch_limits)
{
	struct msg_batch_deltagare	 out;
	struct msg_batch_anonym		 a;
	struct buf			*b = buf_new(256);

	ck_assert_int_eq(buf_put_u32(b, 1), 0);
	ck_assert_int_eq(buf_put_cstring(b, "ab"), 0);
	ck_assert_int_eq(buf_put_u8(b, 0), 0);
	ck_assert_int_eq(buf_put_u32(b, SUS_BATCH_MAX + 1), 0);
	ck_assert_int_eq(msg_decode(MSG_BATCH_DELTAGARE, b, &out),
	    SUS_ERR_TOO_LARGE);
	ck_assert_ptr_null(out.rader);
	memset(&a, 0, sizeof a);
	a.insats_id = 1;
	a.nyckel = "00112233445566778899aabbccddeeff"
	    "00112233445566778899aabbccddeeff0";
	buf_reset(b);
	ck_assert_int_eq(msg_encode(MSG_BATCH_ANONYM, &a, b),
	    SUS_ERR_STRING_LEN);
	buf_free(b);
}
END_TEST

static Suite *
suite_msg(void)
{
	Suite	*s = suite_create("msg");
	TCase	*tc = tcase_create("codec");

	tcase_add_test(tc, msg_login_roundtrip);
	tcase_add_test(tc, msg_list_roundtrip);
	tcase_add_test(tc, msg_trailing_and_truncated);
	tcase_add_test(tc, msg_list_count_lies);
	tcase_add_test(tc, msg_partial_list_freed);
	tcase_add_test(tc, msg_encode_limits);
	tcase_add_test(tc, msg_batch_row_is_single_save);
	tcase_add_test(tc, msg_batch_limits);
	suite_add_tcase(s, tc);
	return s;
}
UNIT_SUITE(suite_msg)
