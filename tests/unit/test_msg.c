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
	suite_add_tcase(s, tc);
	return s;
}
UNIT_SUITE(suite_msg)
