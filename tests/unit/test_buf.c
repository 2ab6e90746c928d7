/* Unit tests for the bounded buffer and the frame reader. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "frame.h"
#include "unit.h"

START_TEST(buf_roundtrip)
{
	struct buf	*b = buf_new(64);
	uint8_t		 u8;
	uint16_t	 u16;
	uint32_t	 u32;
	uint64_t	 u64;
	char		*s;
	size_t		 len;

	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(buf_put_u8(b, 0xab), 0);
	ck_assert_int_eq(buf_put_u16(b, 0x1234), 0);
	ck_assert_int_eq(buf_put_u32(b, 0xdeadbeef), 0);
	ck_assert_int_eq(buf_put_u64(b, 0x0102030405060708ULL), 0);
	ck_assert_int_eq(buf_put_cstring(b, "åäö"), 0);
	ck_assert_uint_eq(buf_len(b), 1 + 2 + 4 + 8 + 4 + 6);
	/* Big-endian on the wire. */
	ck_assert_uint_eq(buf_ptr(b)[1], 0x12);
	ck_assert_int_eq(buf_get_u8(b, &u8), 0);
	ck_assert_int_eq(buf_get_u16(b, &u16), 0);
	ck_assert_int_eq(buf_get_u32(b, &u32), 0);
	ck_assert_int_eq(buf_get_u64(b, &u64), 0);
	ck_assert_int_eq(buf_get_cstring(b, &s, &len, 100), 0);
	ck_assert_uint_eq(u8, 0xab);
	ck_assert_uint_eq(u16, 0x1234);
	ck_assert_uint_eq(u32, 0xdeadbeef);
	ck_assert(u64 == 0x0102030405060708ULL);
	ck_assert_str_eq(s, "åäö");
	ck_assert_uint_eq(len, 6);
	ck_assert_uint_eq(buf_len(b), 0);
	free(s);
	buf_free(b);
}
END_TEST

START_TEST(buf_max_enforced)
{
	struct buf	*b = buf_new(8);
	uint8_t		 big[9] = { 0 };

	ck_assert_int_eq(buf_put(b, big, 8), 0);
	ck_assert_int_eq(buf_put_u8(b, 1), SUS_ERR_NO_SPACE);
	ck_assert_int_eq(buf_consume(b, 4), 0);
	/* Space read out of the front can be reused. */
	ck_assert_int_eq(buf_put_u32(b, 7), 0);
	ck_assert_int_eq(buf_put_u8(b, 1), SUS_ERR_NO_SPACE);
	buf_free(b);
	b = buf_new(8);
	ck_assert_int_eq(buf_put(b, big, 9), SUS_ERR_NO_SPACE);
	ck_assert_int_eq(buf_put(b, big, SIZE_MAX), SUS_ERR_NO_SPACE);
	buf_free(b);
}
END_TEST

START_TEST(buf_get_bounds)
{
	uint8_t		 two[2] = { 1, 2 };
	struct buf	*b = buf_from(two, sizeof two);
	uint32_t	 v = 99;

	ck_assert_int_eq(buf_get_u32(b, &v), SUS_ERR_INCOMPLETE);
	ck_assert_uint_eq(v, 99);
	ck_assert_uint_eq(buf_len(b), 2);
	/* Read-only buffers refuse writes. */
	ck_assert_int_eq(buf_put_u8(b, 1), SUS_ERR_STATE);
	buf_free(b);
}
END_TEST

START_TEST(buf_string_checks)
{
	/* Declared length larger than the bytes present: no allocation. */
	uint8_t		 lie[] = { 0x7f, 0xff, 0xff, 0xff, 'a' };
	uint8_t		 nul[] = { 0, 0, 0, 3, 'a', 0, 'b' };
	uint8_t		 bad[] = { 0, 0, 0, 2, 0xc3, 0x28 };
	uint8_t		 over[] = { 0, 0, 0, 2, 0xc0, 0x80 };
	uint8_t		 ok[] = { 0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o' };
	struct buf	*b;
	char		*s;

	b = buf_from(lie, sizeof lie);
	ck_assert_int_eq(buf_get_cstring(b, &s, NULL, SIZE_MAX),
	    SUS_ERR_INCOMPLETE);
	ck_assert_ptr_null(s);
	buf_free(b);
	b = buf_from(nul, sizeof nul);
	ck_assert_int_eq(buf_get_cstring(b, &s, NULL, 100), SUS_ERR_UTF8);
	buf_free(b);
	b = buf_from(bad, sizeof bad);
	ck_assert_int_eq(buf_get_cstring(b, &s, NULL, 100), SUS_ERR_UTF8);
	buf_free(b);
	b = buf_from(over, sizeof over);
	ck_assert_int_eq(buf_get_cstring(b, &s, NULL, 100), SUS_ERR_UTF8);
	buf_free(b);
	b = buf_from(ok, sizeof ok);
	ck_assert_int_eq(buf_get_cstring(b, &s, NULL, 4), SUS_ERR_STRING_LEN);
	ck_assert_int_eq(buf_get_cstring(b, &s, NULL, 5), 0);
	ck_assert_str_eq(s, "hello");
	free(s);
	buf_free(b);
}
END_TEST

START_TEST(frame_lengths)
{
	static struct frame_reader fr;
	const uint8_t	*body;
	size_t		 used, blen, len;
	uint8_t		 in[2 + 65535];
	unsigned	 l;

	/* Lengths 0 and 1..15 are refused as soon as the header is in. */
	for (l = 0; l < 16; l++) {
		frame_reader_init(&fr, 16, 65535);
		in[0] = 0;
		in[1] = (uint8_t)l;
		ck_assert_int_eq(frame_reader_feed(&fr, in, 2, &used, &body,
		    &blen), SUS_ERR_FRAME_LEN);
	}
	/* 16 and 65535 are accepted, byte by byte too. */
	frame_reader_init(&fr, 16, 65535);
	memset(in, 'x', sizeof in);
	in[0] = 0;
	in[1] = 16;
	for (l = 0; l < 17; l++) {
		ck_assert_int_eq(frame_reader_feed(&fr, in + l, 1, &used,
		    &body, &blen), 0);
		ck_assert(frame_reader_partial(&fr));
	}
	ck_assert_int_eq(frame_reader_feed(&fr, in + 17, 1, &used, &body,
	    &blen), 1);
	ck_assert_uint_eq(blen, 16);
	in[0] = 0xff;
	in[1] = 0xff;
	len = sizeof in;
	ck_assert_int_eq(frame_reader_feed(&fr, in, len, &used, &body, &blen),
	    1);
	ck_assert_uint_eq(blen, 65535);
	ck_assert_uint_eq(used, len);
	ck_assert(!frame_reader_partial(&fr));
}
END_TEST

START_TEST(frame_two_in_one_read)
{
	static struct frame_reader fr;
	struct buf	*out = buf_new(1024);
	uint8_t		 a[20], c[30];
	const uint8_t	*body, *p;
	size_t		 used, blen, len;

	memset(a, 'a', sizeof a);
	memset(c, 'c', sizeof c);
	ck_assert_int_eq(frame_write(out, a, sizeof a), 0);
	ck_assert_int_eq(frame_write(out, c, sizeof c), 0);
	frame_reader_init(&fr, 16, 65535);
	p = buf_ptr(out);
	len = buf_len(out);
	ck_assert_int_eq(frame_reader_feed(&fr, p, len, &used, &body, &blen),
	    1);
	ck_assert_uint_eq(blen, 20);
	ck_assert_uint_eq(used, 22);
	ck_assert_int_eq(frame_reader_feed(&fr, p + used, len - used, &used,
	    &body, &blen), 1);
	ck_assert_uint_eq(blen, 30);
	ck_assert_uint_eq(body[0], 'c');
	buf_free(out);
}
END_TEST

static Suite *
suite_buf(void)
{
	Suite	*s = suite_create("buf");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, buf_roundtrip);
	tcase_add_test(tc, buf_max_enforced);
	tcase_add_test(tc, buf_get_bounds);
	tcase_add_test(tc, buf_string_checks);
	tcase_add_test(tc, frame_lengths);
	tcase_add_test(tc, frame_two_in_one_read);
	suite_add_tcase(s, tc);
	return s;
}
UNIT_SUITE(suite_buf)
