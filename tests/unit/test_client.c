/*
 * Unit tests for the client's pure parts: the key-binding table and the
 * Esc+digit decoder, menu filtering by role, UTF-8 field editing, list
 * paging arithmetic and server-key pinning.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "client.h"
#include "err.h"
#include "msg.h"
#include "proto.h"
#include "unit.h"

/* Field editing counts characters, which needs a UTF-8 locale. */
static void
utf8_locale(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C.UTF-8"));
}

/* Feeds one plain character to the decoder. */
static int
feed_ch(struct keydec *kd, wint_t ch, long now, struct keyev *ev)
{
	return keys_feed(kd, OK, ch, now, ev);
}

START_TEST(test_keys_every_fkey_has_esc_digit)
{
	const struct binding	*b;
	struct keydec		 kd;
	struct keyev		 ev;
	size_t			 i, nf = 0;

	for (i = 0; i < keys_nbindings; i++) {
		b = &keys_bindings[i];
		if (b->fkey == 0)
			continue;
		nf++;
		/* Esc+digit can only reach F1..F10. */
		ck_assert_int_ge(b->fkey, 1);
		ck_assert_int_le(b->fkey, 10);
		ck_assert_int_eq(b->key, KEY_F(b->fkey));
		memset(&kd, 0, sizeof kd);
		ck_assert_int_eq(feed_ch(&kd, 27, 1000, &ev), 0);
		ck_assert_int_eq(feed_ch(&kd, (wint_t)('0' + b->fkey % 10),
		    1010, &ev), 1);
		ck_assert_int_eq(ev.action, b->action);
		ck_assert_int_eq(ev.code, KEY_F(b->fkey));
		ck_assert_int_eq(kd.has_next, 0);
		/* And the real key gives the same action. */
		memset(&kd, 0, sizeof kd);
		ck_assert_int_eq(keys_feed(&kd, KEY_CODE_YES,
		    (wint_t)KEY_F(b->fkey), 0, &ev), 1);
		ck_assert_int_eq(ev.action, b->action);
	}
	ck_assert_uint_ge(nf, 5);
	ck_assert_ptr_nonnull(keys_for_fkey(1));
	ck_assert_int_eq(keys_for_fkey(1)->action, ACT_HELP);
	ck_assert_int_eq(keys_for_fkey(10)->action, ACT_QUIT);
	ck_assert_int_eq(keys_for_fkey(2)->action, ACT_SAVE);
}
END_TEST

START_TEST(test_keys_fkeys_unique)
{
	size_t	i, j;

	for (i = 0; i < keys_nbindings; i++) {
		for (j = i + 1; j < keys_nbindings; j++) {
			ck_assert(keys_bindings[i].key !=
			    keys_bindings[j].key ||
			    keys_bindings[i].is_code !=
			    keys_bindings[j].is_code);
		}
	}
}
END_TEST

START_TEST(test_keys_lone_esc)
{
	struct keydec	kd;
	struct keyev	ev;

	memset(&kd, 0, sizeof kd);
	ck_assert_int_eq(feed_ch(&kd, 27, 1000, &ev), 0);
	ck_assert_int_eq(keys_wait_ms(&kd, 1000), KEYS_ESC_WAIT_MS);
	ck_assert_int_eq(keys_timeout(&kd, 1000 + KEYS_ESC_WAIT_MS - 1, &ev),
	    0);
	ck_assert_int_eq(keys_timeout(&kd, 1000 + KEYS_ESC_WAIT_MS, &ev), 1);
	ck_assert_int_eq(ev.action, ACT_CANCEL);
	ck_assert_int_eq(keys_wait_ms(&kd, 5000), -1);

	/* Esc Esc cancels at once without waiting. */
	memset(&kd, 0, sizeof kd);
	feed_ch(&kd, 27, 0, &ev);
	ck_assert_int_eq(feed_ch(&kd, 27, 5, &ev), 1);
	ck_assert_int_eq(ev.action, ACT_CANCEL);
	ck_assert_int_eq(keys_next(&kd, &ev), 0);
}
END_TEST

START_TEST(test_keys_esc_then_letter_keeps_letter)
{
	struct keydec	kd;
	struct keyev	ev;

	memset(&kd, 0, sizeof kd);
	feed_ch(&kd, 27, 0, &ev);
	ck_assert_int_eq(feed_ch(&kd, L'å', 5, &ev), 1);
	ck_assert_int_eq(ev.action, ACT_CANCEL);
	ck_assert_int_eq(keys_next(&kd, &ev), 1);
	ck_assert_int_eq(ev.ch, L'å');
	ck_assert_int_eq(ev.action, ACT_NONE);
	ck_assert_int_eq(keys_next(&kd, &ev), 0);
}
END_TEST

START_TEST(test_keys_bar_from_table)
{
	char	bar[256];

	keys_bar(bar, sizeof bar);
	ck_assert_ptr_nonnull(strstr(bar, "F1 Hjälp"));
	ck_assert_ptr_nonnull(strstr(bar, "F2 Spara"));
	ck_assert_ptr_nonnull(strstr(bar, "F10 Avsluta"));
	ck_assert_ptr_nonnull(strstr(bar, "Esc Avbryt"));
	ck_assert_ptr_nonnull(strstr(bar, "Tab Fält"));
	ck_assert_ptr_nonnull(strstr(bar, "/ Sök"));
	/* Not on the bar: Shift-Tab. */
	ck_assert_ptr_null(strstr(bar, "S-Tab"));
}
END_TEST

/* Reports whether label is among the n visible items. */
static int
menu_shows(const struct menu_item **v, size_t n, const char *label)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(v[i]->label, label) == 0)
			return 1;
	}
	return 0;
}

START_TEST(test_menu_rapport_sees_no_admin)
{
	const struct menu_item	*v[64];
	size_t			 n;

	n = menu_visible(menu_items, menu_nitems, ROLE_SUSRAPPORT, 0, v, 64);
	ck_assert(menu_shows(v, n, "Startsida"));
	ck_assert(menu_shows(v, n, "Samverkansorganisation"));
	ck_assert(menu_shows(v, n, "Sök samverkansorg"));
	ck_assert(menu_shows(v, n, "Logga ut"));
	ck_assert_uint_eq(menu_visible(menu_items, menu_nitems, 0, 0, v, 64),
	    0);
}
END_TEST

/* A table shaped like the SUS tree, with rows only some roles may see. */
static const struct menu_item roles_tab[] = {
	{ "start", "Startsida", NULL, ROLE_ANY, scr_start_new, ACT_NONE },
	{ "admin", "Administration", NULL, ROLE_SUPERADMIN, NULL, ACT_NONE },
	{ "admin.styrdata", "Styrdata", "admin", ROLE_SUPERADMIN,
	    scr_start_new, ACT_NONE },
	{ "samorg", "Samverkansorganisation", NULL, ROLE_ANY, NULL, ACT_NONE },
	{ "samorg.hantera", "Hantera samverkansorg", "samorg",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, scr_start_new, ACT_NONE },
	{ "samorg.sok", "Sök samverkansorg", "samorg", ROLE_ANY,
	    scr_samorg_new, ACT_NONE },
	{ "deltagande", "Deltagande", NULL, ROLE_ANY, NULL, ACT_NONE },
	{ "deltagande.reg", "Registrera deltagare", "deltagande",
	    ROLE_DELTAGARANSVARIG, scr_start_new, ACT_NONE },
	{ "logout", "Logga ut", NULL, ROLE_ANY, NULL, ACT_QUIT },
};
#define ROLES_TAB_N	(sizeof roles_tab / sizeof roles_tab[0])

START_TEST(test_menu_roles)
{
	const struct menu_item	*v[64];
	size_t			 n;

	n = menu_visible(roles_tab, ROLES_TAB_N, ROLE_SUSRAPPORT, 0, v, 64);
	ck_assert(menu_shows(v, n, "Sök samverkansorg"));
	ck_assert(!menu_shows(v, n, "Administration"));
	ck_assert(!menu_shows(v, n, "Styrdata"));
	ck_assert(!menu_shows(v, n, "Hantera samverkansorg"));
	ck_assert(!menu_shows(v, n, "Registrera deltagare"));
	/* A heading with no visible child is hidden too. */
	ck_assert(!menu_shows(v, n, "Deltagande"));

	n = menu_visible(roles_tab, ROLES_TAB_N, ROLE_SUPERADMIN, 0, v, 64);
	ck_assert(menu_shows(v, n, "Administration"));
	ck_assert(menu_shows(v, n, "Styrdata"));
	ck_assert(menu_shows(v, n, "Hantera samverkansorg"));
	ck_assert(!menu_shows(v, n, "Registrera deltagare"));

	n = menu_visible(roles_tab, ROLES_TAB_N,
	    ROLE_DELTAGARANSVARIG | ROLE_SUSRAPPORT, 0, v, 64);
	ck_assert(menu_shows(v, n, "Deltagande"));
	ck_assert(menu_shows(v, n, "Registrera deltagare"));
	ck_assert(!menu_shows(v, n, "Administration"));

	n = menu_visible(roles_tab, ROLES_TAB_N, ROLE_SAMVERKANSADMIN, 0, v,
	    64);
	ck_assert(menu_shows(v, n, "Hantera samverkansorg"));
	ck_assert(!menu_shows(v, n, "Styrdata"));

	ck_assert_uint_eq(menu_visible(roles_tab, ROLES_TAB_N, 0, 0, v, 64), 0);
	/* The output bound is respected. */
	ck_assert_uint_eq(menu_visible(roles_tab, ROLES_TAB_N, ROLE_ANY, 0, v,
	    2), 2);
}
END_TEST

START_TEST(test_menu_parent_role_hides_children)
{
	static const struct menu_item tab[] = {
		{ "a", "A", NULL, ROLE_SUPERADMIN, NULL, ACT_NONE },
		{ "a.x", "AX", "a", ROLE_ANY, scr_start_new, ACT_NONE },
		{ "b", "B", NULL, ROLE_ANY, NULL, ACT_NONE },
		{ "b.y", "BY", "b", ROLE_ANY, scr_start_new, ACT_NONE },
	};
	const struct menu_item	*v[8];
	size_t			 n;

	n = menu_visible(tab, 4, ROLE_SUSRAPPORT, 0, v, 8);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0]->label, "B");
	ck_assert_str_eq(v[1]->label, "BY");
	ck_assert_int_eq(menu_depth(tab, 4, v[1]), 1);
	ck_assert_int_eq(menu_depth(tab, 4, v[0]), 0);
	n = menu_visible(tab, 4, ROLE_SUPERADMIN, 0, v, 8);
	ck_assert_uint_eq(n, 4);
}
END_TEST

START_TEST(test_menu_closed_heading)
{
	const struct menu_item	*v[64];
	const struct menu_item	*samorg = &roles_tab[3], *sok = &roles_tab[5];
	uint64_t		 closed;
	size_t			 n;

	ck_assert(menu_is_heading(samorg));
	ck_assert(!menu_is_heading(sok));
	ck_assert_ptr_eq(menu_parent(roles_tab, ROLES_TAB_N, sok), samorg);
	ck_assert_ptr_null(menu_parent(roles_tab, ROLES_TAB_N, samorg));
	/* A closed heading stays, with nothing under it. */
	closed = menu_bit(roles_tab, samorg);
	n = menu_visible(roles_tab, ROLES_TAB_N, ROLE_SUPERADMIN, closed, v,
	    64);
	ck_assert(menu_shows(v, n, "Samverkansorganisation"));
	ck_assert(!menu_shows(v, n, "Sök samverkansorg"));
	ck_assert(!menu_shows(v, n, "Hantera samverkansorg"));
	/* Other headings keep their items. */
	ck_assert(menu_shows(v, n, "Styrdata"));
	ck_assert(menu_shows(v, n, "Logga ut"));
	/* All closed: only the top level is left. */
	closed |= menu_bit(roles_tab, &roles_tab[1]);
	n = menu_visible(roles_tab, ROLES_TAB_N, ROLE_SUPERADMIN, closed, v,
	    64);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(v[0]->label, "Startsida");
	ck_assert_str_eq(v[1]->label, "Administration");
	ck_assert_str_eq(v[2]->label, "Samverkansorganisation");
	ck_assert_str_eq(v[3]->label, "Logga ut");
	/* A heading whose items the roles may not see stays hidden. */
	n = menu_visible(roles_tab, ROLES_TAB_N, ROLE_SUSRAPPORT,
	    menu_bit(roles_tab, &roles_tab[6]), v, 64);
	ck_assert(!menu_shows(v, n, "Deltagande"));
}
END_TEST

START_TEST(test_menu_role_names)
{
	char	buf[256];

	menu_role_names(ROLE_SUPERADMIN | ROLE_SUSRAPPORT, buf, sizeof buf);
	ck_assert_str_eq(buf, "Superadministratör, SUSrapport");
	menu_role_names(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "inga roller");
}
END_TEST

START_TEST(test_entry_utf8_editing)
{
	struct entry	e;
	char		out[256];

	utf8_locale();
	entry_init(&e, 50, 0);
	ck_assert_int_eq(entry_set(&e, "Åsa Öberg"), 0);
	ck_assert_uint_eq(e.len, 9);
	ck_assert_uint_eq(e.cur, 9);
	/* Backspace removes one character, not one byte of ö's two. */
	entry_home(&e);
	entry_right(&e);
	entry_right(&e);
	entry_right(&e);
	entry_right(&e);
	entry_right(&e);
	ck_assert_int_eq(entry_backspace(&e), 0);
	ck_assert_int_eq(entry_get(&e, out, sizeof out), 0);
	ck_assert_str_eq(out, "Åsa berg");
	ck_assert_int_eq(entry_insert(&e, L'ä'), 0);
	ck_assert_int_eq(entry_get(&e, out, sizeof out), 0);
	ck_assert_str_eq(out, "Åsa äberg");
	/* Delete at the cursor, then at the end nothing is left to delete. */
	entry_home(&e);
	ck_assert_int_eq(entry_delete(&e), 0);
	ck_assert_int_eq(entry_get(&e, out, sizeof out), 0);
	ck_assert_str_eq(out, "sa äberg");
	entry_end(&e);
	ck_assert_int_ne(entry_delete(&e), 0);
	entry_home(&e);
	ck_assert_int_ne(entry_backspace(&e), 0);
	entry_left(&e);
	ck_assert_uint_eq(e.cur, 0);
}
END_TEST

START_TEST(test_entry_keys)
{
	struct entry	e;
	struct keyev	ev;
	char		out[64];

	utf8_locale();
	entry_init(&e, 20, 0);
	memset(&ev, 0, sizeof ev);
	ev.ch = L'ö';
	ck_assert_int_eq(entry_key(&e, &ev), 1);
	ev.ch = L'l';
	entry_key(&e, &ev);
	memset(&ev, 0, sizeof ev);
	ev.code = KEY_HOME;
	entry_key(&e, &ev);
	memset(&ev, 0, sizeof ev);
	ev.ch = L'Å';
	entry_key(&e, &ev);
	memset(&ev, 0, sizeof ev);
	ev.code = KEY_END;
	entry_key(&e, &ev);
	memset(&ev, 0, sizeof ev);
	ev.code = KEY_BACKSPACE;
	entry_key(&e, &ev);
	ck_assert_int_eq(entry_get(&e, out, sizeof out), 0);
	ck_assert_str_eq(out, "Åö");
	/* DEL (0x7f) is backspace, as most terminals send it. */
	memset(&ev, 0, sizeof ev);
	ev.ch = 0x7f;
	entry_key(&e, &ev);
	ck_assert_int_eq(entry_get(&e, out, sizeof out), 0);
	ck_assert_str_eq(out, "Å");
	/* Control characters are not inserted; Tab is for the form. */
	memset(&ev, 0, sizeof ev);
	ev.ch = L'\t';
	ck_assert_int_eq(entry_key(&e, &ev), 0);
	ck_assert_uint_eq(e.len, 1);
}
END_TEST

START_TEST(test_entry_limit_counts_characters)
{
	struct entry	e;
	char		s[256], small[4];
	int		i;

	utf8_locale();
	/* 50 å are 100 bytes but 50 characters: accepted. */
	s[0] = '\0';
	for (i = 0; i < 50; i++)
		strcat(s, "å");
	entry_init(&e, 50, 0);
	ck_assert_int_eq(entry_set(&e, s), 0);
	ck_assert_uint_eq(e.len, 50);
	ck_assert_int_eq(entry_insert(&e, L'x'), SUS_ERR_STRING_LEN);
	strcat(s, "å");
	ck_assert_int_eq(entry_set(&e, s), SUS_ERR_STRING_LEN);
	ck_assert_int_eq(entry_set(&e, "\xc3"), SUS_ERR_UTF8);
	ck_assert_int_eq(entry_set(&e, "åäö"), 0);
	ck_assert_int_eq(entry_get(&e, small, sizeof small), SUS_ERR_NO_SPACE);
}
END_TEST

START_TEST(test_entry_byte_limit)
{
	struct entry	e;
	struct keyev	ev;
	char		s[256], msg[160];
	int		i;

	utf8_locale();
	entry_init(&e, SUS_PATTERN_MAX, 0);
	entry_limit_bytes(&e, SUS_PATTERN_MAX);
	memset(&ev, 0, sizeof ev);
	/* 50 ä are 100 bytes: the 51st is refused and the text kept. */
	ev.ch = L'ä';
	for (i = 0; i < 50; i++)
		ck_assert_int_eq(entry_key(&e, &ev), 1);
	ck_assert_uint_eq(entry_bytes(&e), 100);
	ck_assert_int_eq(entry_key(&e, &ev), ENTRY_KEY_FULL);
	ev.ch = L'x';
	ck_assert_int_eq(entry_key(&e, &ev), ENTRY_KEY_FULL);
	ck_assert_uint_eq(e.len, 50);
	ck_assert_int_eq(entry_get(&e, s, sizeof s), 0);
	ck_assert_uint_eq(strlen(s), 100);
	entry_full_text(&e, "Namn", msg, sizeof msg);
	ck_assert_str_eq(msg, "Namn får vara högst 100 tecken, där å, ä och "
	    "ö räknas som två.");
	/* Room again after a deletion, for a one-byte character. */
	ev.ch = 0x7f;
	ck_assert_int_eq(entry_key(&e, &ev), 1);
	ev.ch = L'x';
	ck_assert_int_eq(entry_key(&e, &ev), 1);
	ck_assert_int_eq(entry_key(&e, &ev), 1);
	ck_assert_int_eq(entry_key(&e, &ev), ENTRY_KEY_FULL);
	/* Plain letters: the character limit, said without the åäö note. */
	entry_clear(&e);
	ev.ch = L'a';
	for (i = 0; i < SUS_PATTERN_MAX; i++)
		ck_assert_int_eq(entry_key(&e, &ev), 1);
	ck_assert_int_eq(entry_key(&e, &ev), ENTRY_KEY_FULL);
	entry_full_text(&e, "Namn", msg, sizeof msg);
	ck_assert_str_eq(msg, "Namn får vara högst 100 tecken.");
	/* entry_set obeys the byte limit too. */
	s[0] = '\0';
	for (i = 0; i < 51; i++)
		strcat(s, "ö");
	ck_assert_int_eq(entry_set(&e, s), SUS_ERR_STRING_LEN);
	s[100] = '\0';
	ck_assert_int_eq(entry_set(&e, s), 0);
}
END_TEST

/* Encodes one search with a pattern of n bytes; returns msg_encode's. */
static int
encode_pattern(size_t n)
{
	struct msg_samorg_search q;
	struct buf		*b;
	char			*p;
	int			 rv;

	p = malloc(n + 1);
	ck_assert_ptr_nonnull(p);
	memset(p, 'a', n);
	p[n] = '\0';
	memset(&q, 0, sizeof q);
	q.pattern = p;
	q.offset = 0;
	q.limit = 1;
	b = buf_new(SUS_MSG_MAX);
	ck_assert_ptr_nonnull(b);
	rv = msg_encode(MSG_SAMORG_SEARCH, &q, b);
	buf_free(b);
	free(p);
	return rv;
}

START_TEST(test_entry_limits_match_protocol)
{
	/* The client's limit is exactly what the wire allows. */
	ck_assert_int_eq(encode_pattern(SUS_PATTERN_MAX), 0);
	ck_assert_int_ne(encode_pattern(SUS_PATTERN_MAX + 1), 0);
	/* A password field holds every byte the protocol carries. */
	ck_assert_uint_ge(ENTRY_MAX, SUS_PASSWORD_MAX);
}
END_TEST

START_TEST(test_entry_scroll_keeps_cursor_visible)
{
	struct entry	e;
	int		col;

	utf8_locale();
	entry_init(&e, 100, 0);
	ck_assert_int_eq(entry_set(&e, "Samordningsförbundet Östra Skaraborg"),
	    0);
	col = entry_scroll(&e, 10);
	ck_assert_int_lt(col, 10);
	ck_assert_uint_gt(e.scroll, 0);
	entry_home(&e);
	ck_assert_int_eq(entry_scroll(&e, 10), 0);
	ck_assert_uint_eq(e.scroll, 0);
	/* Wide characters take two columns each. */
	ck_assert_int_eq(entry_set(&e, "日本語"), 0);
	ck_assert_int_eq(entry_scroll(&e, 20), 6);
}
END_TEST

START_TEST(test_form_tab_moves_focus)
{
	struct form_field	f[2];
	struct form		form;
	struct keyev		ev;
	char			out[32];

	utf8_locale();
	memset(f, 0, sizeof f);
	f[0].label = "Användarnamn";
	f[1].label = "Lösenord";
	entry_init(&f[0].entry, 10, 0);
	entry_init(&f[1].entry, 10, 1);
	form_init(&form, f, 2);
	ck_assert_int_eq(form.label_width, 12);
	memset(&ev, 0, sizeof ev);
	ev.ch = L'a';
	form_key(&form, &ev);
	ev.ch = L'\t';
	ev.action = ACT_NEXT;
	form_key(&form, &ev);
	ck_assert_uint_eq(form.focus, 1);
	memset(&ev, 0, sizeof ev);
	ev.ch = L'ö';
	form_key(&form, &ev);
	memset(&ev, 0, sizeof ev);
	ev.code = KEY_BTAB;
	ev.action = ACT_PREV;
	form_key(&form, &ev);
	ck_assert_uint_eq(form.focus, 0);
	form_key(&form, &ev);
	ck_assert_uint_eq(form.focus, 1);
	entry_get(&f[0].entry, out, sizeof out);
	ck_assert_str_eq(out, "a");
	entry_get(&f[1].entry, out, sizeof out);
	ck_assert_str_eq(out, "ö");
}
END_TEST

START_TEST(test_vlist_paging)
{
	struct vlist	vl;
	size_t		off = 12345;

	memset(&vl, 0, sizeof vl);
	vlist_resize(&vl, 20);
	vlist_reset(&vl, 1000, 100);
	ck_assert_uint_eq(vl.height, 20);
	ck_assert_int_eq(vlist_want(&vl, &off), 0);
	ck_assert_uint_eq(off, 12345);
	vlist_goto(&vl, 99);
	ck_assert_uint_eq(vl.top, 80);
	ck_assert_int_eq(vlist_want(&vl, &off), 0);
	/* One past the loaded rows asks for the next page. */
	vlist_move(&vl, 1);
	ck_assert_uint_eq(vl.cursor, 100);
	ck_assert_uint_eq(vl.top, 81);
	ck_assert_int_eq(vlist_want(&vl, &off), 1);
	ck_assert_uint_eq(off, 100);
	vl.loaded = 200;
	ck_assert_int_eq(vlist_want(&vl, &off), 0);
	/* End jumps to the last row of all, not of the loaded ones. */
	vlist_goto(&vl, 5000);
	ck_assert_uint_eq(vl.cursor, 999);
	ck_assert_uint_eq(vl.top, 980);
	ck_assert_int_eq(vlist_want(&vl, &off), 1);
	ck_assert_uint_eq(off, 200);
	/* A failed fetch puts the cursor back on what is loaded. */
	vlist_clamp_loaded(&vl);
	ck_assert_uint_eq(vl.cursor, 199);
	ck_assert_uint_le(vl.top, 199);
	ck_assert_uint_ge(vl.top + vl.height, 200);
	vlist_move(&vl, -1000);
	ck_assert_uint_eq(vl.cursor, 0);
	ck_assert_uint_eq(vl.top, 0);
}
END_TEST

START_TEST(test_vlist_short_and_empty)
{
	struct vlist	vl;
	size_t		off;

	memset(&vl, 0, sizeof vl);
	vlist_resize(&vl, 20);
	/* A page not yet full of loaded rows wants the rest of the page. */
	vlist_reset(&vl, 30, 10);
	ck_assert_int_eq(vlist_want(&vl, &off), 1);
	ck_assert_uint_eq(off, 10);
	vlist_reset(&vl, 5, 5);
	ck_assert_int_eq(vlist_want(&vl, &off), 0);
	vlist_move(&vl, 10);
	ck_assert_uint_eq(vl.cursor, 4);
	ck_assert_uint_eq(vl.top, 0);
	vlist_reset(&vl, 0, 0);
	vlist_move(&vl, 1);
	ck_assert_uint_eq(vl.cursor, 0);
	ck_assert_int_eq(vlist_want(&vl, &off), 0);
	/* Shrinking the window keeps the cursor in view. */
	vlist_reset(&vl, 100, 100);
	vlist_goto(&vl, 50);
	vlist_resize(&vl, 5);
	ck_assert_uint_le(vl.top, 50);
	ck_assert_uint_gt(vl.top + 5, 50);
}
END_TEST

START_TEST(test_text_width_and_search)
{
	utf8_locale();
	ck_assert_int_eq(text_width("åäö"), 3);
	ck_assert_int_eq(text_width("日本"), 4);
	ck_assert(text_contains("Samordningsförbundet Östra", "östra"));
	ck_assert(text_contains("Samordningsförbundet Östra", "FÖRBUNDET"));
	ck_assert(!text_contains("Samordningsförbundet Östra", "västra"));
}
END_TEST

/* Writes text to a fresh temporary file and returns its path. */
static char *
tmp_file(const char *text)
{
	char	*path = strdup("/tmp/sus-test-XXXXXX");
	int	 fd;

	ck_assert_ptr_nonnull(path);
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	if (text != NULL)
		ck_assert_int_eq(write(fd, text, strlen(text)),
		    (ssize_t)strlen(text));
	close(fd);
	return path;
}

/* Reads a whole small file into a static buffer. */
static const char *
slurp(const char *path)
{
	static char	 buf[4096];
	FILE		*f = fopen(path, "r");
	size_t		 n;

	if (f == NULL)
		return "";
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

START_TEST(test_hostkey_tofu_then_match)
{
	uint8_t		 key[32];
	char		*pins, outbuf[4096];
	FILE		*in, *out;

	memset(key, 7, sizeof key);
	pins = tmp_file(NULL);
	in = fmemopen((void *)"ja\n", 3, "r");
	memset(outbuf, 0, sizeof outbuf);
	out = fmemopen(outbuf, sizeof outbuf - 1, "w");
	ck_assert_int_eq(hostkey_verify(NULL, pins, "srv:4646", key, in, out),
	    1);
	fclose(in);
	fclose(out);
	ck_assert_ptr_nonnull(strstr(outbuf, "Serverns äkthet kan inte "
	    "fastställas"));
	ck_assert_ptr_nonnull(strstr(outbuf, "SHA256:"));
	ck_assert_ptr_nonnull(strstr(outbuf, "(ja/nej)"));
	ck_assert_ptr_nonnull(strstr(slurp(pins), "srv:4646"));
	/* Pinned now: no question, nothing to read. */
	out = fmemopen(outbuf, sizeof outbuf - 1, "w");
	ck_assert_int_eq(hostkey_verify(NULL, pins, "srv:4646", key, NULL,
	    out), 0);
	fclose(out);
	unlink(pins);
	free(pins);
}
END_TEST

START_TEST(test_hostkey_refused_and_mismatch)
{
	uint8_t		 key[32], other[32];
	char		*pins, *sys, outbuf[4096];
	FILE		*in, *out;

	memset(key, 7, sizeof key);
	memset(other, 9, sizeof other);
	pins = tmp_file(NULL);
	/* "nej" pins nothing. */
	in = fmemopen((void *)"nej\n", 4, "r");
	out = fmemopen(outbuf, sizeof outbuf - 1, "w");
	ck_assert_int_lt(hostkey_verify(NULL, pins, "srv:4646", key, in, out),
	    0);
	fclose(in);
	fclose(out);
	ck_assert_ptr_null(strstr(slurp(pins), "srv:4646"));
	/* A changed key is a loud refusal and never a question. */
	in = fmemopen((void *)"ja\n", 3, "r");
	out = fmemopen(outbuf, sizeof outbuf - 1, "w");
	ck_assert_int_eq(hostkey_verify(NULL, pins, "srv:4646", key, in, out),
	    1);
	fclose(in);
	fclose(out);
	memset(outbuf, 0, sizeof outbuf);
	in = fmemopen((void *)"ja\n", 3, "r");
	out = fmemopen(outbuf, sizeof outbuf - 1, "w");
	ck_assert_int_eq(hostkey_verify(NULL, pins, "srv:4646", other, in,
	    out), SUS_ERR_PIN_MISMATCH);
	fclose(in);
	fclose(out);
	ck_assert_ptr_nonnull(strstr(outbuf, "VARNING"));
	ck_assert_ptr_null(strstr(outbuf, "(ja/nej)"));
	/* A system entry decides alone: no question for that server. */
	sys = tmp_file(NULL);
	in = fmemopen((void *)"ja\n", 3, "r");
	out = fmemopen(outbuf, sizeof outbuf - 1, "w");
	ck_assert_int_eq(hostkey_verify(NULL, sys, "sys:1", other, in, out),
	    1);
	fclose(in);
	fclose(out);
	memset(outbuf, 0, sizeof outbuf);
	in = fmemopen((void *)"ja\n", 3, "r");
	out = fmemopen(outbuf, sizeof outbuf - 1, "w");
	ck_assert_int_eq(hostkey_verify(sys, pins, "sys:1", key, in, out),
	    SUS_ERR_PIN_MISMATCH);
	fclose(in);
	fclose(out);
	ck_assert_ptr_null(strstr(outbuf, "(ja/nej)"));
	ck_assert_ptr_null(strstr(slurp(pins), "sys:1"));
	unlink(pins);
	unlink(sys);
	free(pins);
	free(sys);
}
END_TEST

/* The client suite: keys, menu, entry, vlist and hostkey cases. */
static Suite *
suite_client(void)
{
	Suite	*s = suite_create("client");
	TCase	*tc;

	tc = tcase_create("keys");
	tcase_add_test(tc, test_keys_every_fkey_has_esc_digit);
	tcase_add_test(tc, test_keys_fkeys_unique);
	tcase_add_test(tc, test_keys_lone_esc);
	tcase_add_test(tc, test_keys_esc_then_letter_keeps_letter);
	tcase_add_test(tc, test_keys_bar_from_table);
	suite_add_tcase(s, tc);

	tc = tcase_create("menu");
	tcase_add_test(tc, test_menu_rapport_sees_no_admin);
	tcase_add_test(tc, test_menu_roles);
	tcase_add_test(tc, test_menu_parent_role_hides_children);
	tcase_add_test(tc, test_menu_closed_heading);
	tcase_add_test(tc, test_menu_role_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("entry");
	tcase_add_test(tc, test_entry_utf8_editing);
	tcase_add_test(tc, test_entry_keys);
	tcase_add_test(tc, test_entry_limit_counts_characters);
	tcase_add_test(tc, test_entry_byte_limit);
	tcase_add_test(tc, test_entry_limits_match_protocol);
	tcase_add_test(tc, test_entry_scroll_keeps_cursor_visible);
	tcase_add_test(tc, test_form_tab_moves_focus);
	tcase_add_test(tc, test_text_width_and_search);
	suite_add_tcase(s, tc);

	tc = tcase_create("vlist");
	tcase_add_test(tc, test_vlist_paging);
	tcase_add_test(tc, test_vlist_short_and_empty);
	suite_add_tcase(s, tc);

	tc = tcase_create("hostkey");
	tcase_add_test(tc, test_hostkey_tofu_then_match);
	tcase_add_test(tc, test_hostkey_refused_and_mismatch);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(suite_client)
