/*
 * Message bodies: one layout table per message type drives a single
 * encoder, decoder and destructor, so client and server cannot disagree
 * about a field. Adding a message means adding a struct in msg.h and a
 * layout here.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "msg.h"
#include "proto.h"
#include "xmalloc.h"

enum field_type {
	F_U8,
	F_U16,
	F_U32,
	F_U64,
	F_STR,		/* char *, at most max bytes */
	F_LIST		/* u32 count at count_off, array pointer at off */
};

struct layout;

struct field {
	enum field_type		 type;
	size_t			 off;
	size_t			 max;		/* string bytes or list count */
	const struct layout	*sub;		/* list element layout */
	size_t			 count_off;	/* list: offset of uint32_t */
};

struct layout {
	const char		*name;
	size_t			 size;
	const struct field	*fields;
	size_t			 nfields;
};

#define NF(a)		(sizeof(a) / sizeof((a)[0]))
#define U8(s, f)	{ F_U8, offsetof(struct s, f), 0, NULL, 0 }
#define U16(s, f)	{ F_U16, offsetof(struct s, f), 0, NULL, 0 }
#define U32(s, f)	{ F_U32, offsetof(struct s, f), 0, NULL, 0 }
#define U64(s, f)	{ F_U64, offsetof(struct s, f), 0, NULL, 0 }
#define STR(s, f, m)	{ F_STR, offsetof(struct s, f), m, NULL, 0 }
#define LIST(s, f, n, m, sub) \
	{ F_LIST, offsetof(struct s, f), m, &sub, offsetof(struct s, n) }
#define LAYOUT(s, fl)	{ #s, sizeof(struct s), fl, NF(fl) }

static const struct field login_f[] = {
	STR(msg_login, username, SUS_USERNAME_MAX),
	STR(msg_login, password, SUS_PASSWORD_MAX),
};
static const struct layout login_l = LAYOUT(msg_login, login_f);

static const struct field login_ok_f[] = {
	U32(msg_login_ok, user_id),
	STR(msg_login_ok, username, SUS_USERNAME_MAX),
	STR(msg_login_ok, fornamn, SUS_NAME_MAX),
	STR(msg_login_ok, efternamn, SUS_NAME_MAX),
	U32(msg_login_ok, roles),
	U32(msg_login_ok, flags),
};
static const struct layout login_ok_l = LAYOUT(msg_login_ok, login_ok_f);

static const struct field ping_f[] = {
	U64(msg_ping, nonce),
};
static const struct layout ping_l = LAYOUT(msg_ping, ping_f);

static const struct field err_f[] = {
	U32(msg_err, code),
	STR(msg_err, message, SUS_MESSAGE_MAX),
};
static const struct layout err_l = LAYOUT(msg_err, err_f);

static const struct field ok_f[] = {
	U32(msg_ok, id),
	STR(msg_ok, message, SUS_MESSAGE_MAX),
};
static const struct layout ok_l = LAYOUT(msg_ok, ok_f);

static const struct field samorg_search_f[] = {
	STR(msg_samorg_search, pattern, SUS_PATTERN_MAX),
	U32(msg_samorg_search, samverkansform_id),
	STR(msg_samorg_search, lanskod, 2),
	STR(msg_samorg_search, kommunkod, 4),
	U8(msg_samorg_search, status),
	U32(msg_samorg_search, offset),
	U32(msg_samorg_search, limit),
};
static const struct layout samorg_search_l =
    LAYOUT(msg_samorg_search, samorg_search_f);

static const struct field samorg_row_f[] = {
	U32(samorg_row, id),
	STR(samorg_row, namn, SUS_NAME_MAX),
	STR(samorg_row, samverkansform, 100),
	STR(samorg_row, organisationsnummer, 20),
	STR(samorg_row, startdatum, 10),
	STR(samorg_row, slutdatum, 10),
	STR(samorg_row, kommuner, 4000),
};
static const struct layout samorg_row_l = LAYOUT(samorg_row, samorg_row_f);

static const struct field samorg_list_f[] = {
	U32(msg_samorg_list, total),
	LIST(msg_samorg_list, rows, nrows, SUS_LIST_MAX, samorg_row_l),
};
static const struct layout samorg_list_l =
    LAYOUT(msg_samorg_list, samorg_list_f);

static const struct field password_change_f[] = {
	STR(msg_password_change, old_password, SUS_PASSWORD_MAX),
	STR(msg_password_change, new_password, SUS_PASSWORD_MAX),
};
static const struct layout password_change_l =
    LAYOUT(msg_password_change, password_change_f);

static const struct field user_search_f[] = {
	STR(msg_user_search, fornamn, SUS_PATTERN_MAX),
	STR(msg_user_search, efternamn, SUS_PATTERN_MAX),
	STR(msg_user_search, arbetsgivare, SUS_PATTERN_MAX),
	U32(msg_user_search, organisation_id),
	U32(msg_user_search, roles),
	U32(msg_user_search, offset),
	U32(msg_user_search, limit),
};
static const struct layout user_search_l =
    LAYOUT(msg_user_search, user_search_f);

static const struct field user_row_f[] = {
	U32(user_row, id),
	STR(user_row, username, SUS_USERNAME_MAX),
	STR(user_row, fornamn, SUS_NAME_MAX),
	STR(user_row, efternamn, SUS_NAME_MAX),
	STR(user_row, epost, SUS_NAME_MAX),
	U32(user_row, arbetsgivare_id),
	STR(user_row, arbetsgivare, SUS_NAME_MAX),
	U32(user_row, roles),
	U8(user_row, aktiv),
	STR(user_row, bestallare_tom, 10),
};
static const struct layout user_row_l = LAYOUT(user_row, user_row_f);

static const struct field user_list_f[] = {
	U32(msg_user_list, total),
	LIST(msg_user_list, rows, nrows, SUS_LIST_MAX, user_row_l),
};
static const struct layout user_list_l = LAYOUT(msg_user_list, user_list_f);

static const struct field role_set_f[] = {
	U32(msg_role_set, user_id),
	U32(msg_role_set, roles),
};
static const struct layout role_set_l = LAYOUT(msg_role_set, role_set_f);

static const struct field user_active_f[] = {
	U32(msg_user_active, user_id),
	U8(msg_user_active, aktiv),
};
static const struct layout user_active_l =
    LAYOUT(msg_user_active, user_active_f);

static const struct field org_search_f[] = {
	STR(msg_org_search, pattern, SUS_PATTERN_MAX),
	U32(msg_org_search, offset),
	U32(msg_org_search, limit),
};
static const struct layout org_search_l = LAYOUT(msg_org_search, org_search_f);

static const struct field org_row_f[] = {
	U32(org_row, id),
	STR(org_row, namn, SUS_NAME_MAX),
	STR(org_row, organisationstyp, 400),
	STR(org_row, undertecknad, 10),
	STR(org_row, upphor, 10),
	U8(org_row, sus_forvaltning),
	STR(org_row, kommunkod, 4),
	STR(org_row, lanskod, 2),
	U8(org_row, aktiv),
};
static const struct layout org_row_l = LAYOUT(org_row, org_row_f);

static const struct field org_list_f[] = {
	U32(msg_org_list, total),
	LIST(msg_org_list, rows, nrows, SUS_LIST_MAX, org_row_l),
};
static const struct layout org_list_l = LAYOUT(msg_org_list, org_list_f);

static const struct field agreement_save_f[] = {
	U32(msg_agreement_save, organisation_id),
	STR(msg_agreement_save, undertecknad, 10),
	STR(msg_agreement_save, upphor, 10),
};
static const struct layout agreement_save_l =
    LAYOUT(msg_agreement_save, agreement_save_f);

static const struct field bestallare_save_f[] = {
	U32(msg_bestallare_save, user_id),
	STR(msg_bestallare_save, giltig_from, 10),
	STR(msg_bestallare_save, giltig_tom, 10),
};
static const struct layout bestallare_save_l =
    LAYOUT(msg_bestallare_save, bestallare_save_f);

static const struct field order_submit_f[] = {
	U8(msg_order_submit, typ),
	U32(msg_order_submit, user_id),
	STR(msg_order_submit, username, SUS_USERNAME_MAX),
	STR(msg_order_submit, fornamn, SUS_NAME_MAX),
	STR(msg_order_submit, efternamn, SUS_NAME_MAX),
	STR(msg_order_submit, epost, SUS_NAME_MAX),
	U32(msg_order_submit, roles),
};
static const struct layout order_submit_l =
    LAYOUT(msg_order_submit, order_submit_f);

static const struct field order_search_f[] = {
	U8(msg_order_search, status),
	U32(msg_order_search, offset),
	U32(msg_order_search, limit),
};
static const struct layout order_search_l =
    LAYOUT(msg_order_search, order_search_f);

static const struct field order_row_f[] = {
	U32(order_row, id),
	U8(order_row, typ),
	U8(order_row, status),
	STR(order_row, skapad, 20),
	STR(order_row, bestallare, SUS_NAME_MAX),
	STR(order_row, organisation, SUS_NAME_MAX),
	U32(order_row, user_id),
	STR(order_row, fornamn, SUS_NAME_MAX),
	STR(order_row, efternamn, SUS_NAME_MAX),
	U32(order_row, roles),
	STR(order_row, beslutad, 20),
	STR(order_row, beslutad_av, SUS_NAME_MAX),
	STR(order_row, kommentar, SUS_MESSAGE_MAX),
};
static const struct layout order_row_l = LAYOUT(order_row, order_row_f);

static const struct field order_list_f[] = {
	U32(msg_order_list, total),
	LIST(msg_order_list, rows, nrows, SUS_LIST_MAX, order_row_l),
};
static const struct layout order_list_l =
    LAYOUT(msg_order_list, order_list_f);

static const struct field order_decide_f[] = {
	U32(msg_order_decide, order_id),
	U8(msg_order_decide, approve),
	STR(msg_order_decide, kommentar, SUS_MESSAGE_MAX),
};
static const struct layout order_decide_l =
    LAYOUT(msg_order_decide, order_decide_f);

static const struct field uppdrag_search_f[] = {
	U32(msg_uppdrag_search, user_id),
	U32(msg_uppdrag_search, samorg_id),
	U32(msg_uppdrag_search, insats_id),
	U32(msg_uppdrag_search, offset),
	U32(msg_uppdrag_search, limit),
};
static const struct layout uppdrag_search_l =
    LAYOUT(msg_uppdrag_search, uppdrag_search_f);

static const struct field uppdrag_row_f[] = {
	U32(uppdrag_row, id),
	U32(uppdrag_row, user_id),
	STR(uppdrag_row, fornamn, SUS_NAME_MAX),
	STR(uppdrag_row, efternamn, SUS_NAME_MAX),
	STR(uppdrag_row, epost, SUS_NAME_MAX),
	STR(uppdrag_row, arbetsgivare, SUS_NAME_MAX),
	U32(uppdrag_row, roll),
	U32(uppdrag_row, samorg_id),
	STR(uppdrag_row, samorg, SUS_NAME_MAX),
	U32(uppdrag_row, insats_id),
	STR(uppdrag_row, insats, SUS_NAME_MAX),
	STR(uppdrag_row, giltig_from, 10),
	STR(uppdrag_row, giltig_tom, 10),
};
static const struct layout uppdrag_row_l = LAYOUT(uppdrag_row, uppdrag_row_f);

static const struct field uppdrag_list_f[] = {
	U32(msg_uppdrag_list, total),
	LIST(msg_uppdrag_list, rows, nrows, SUS_LIST_MAX, uppdrag_row_l),
};
static const struct layout uppdrag_list_l =
    LAYOUT(msg_uppdrag_list, uppdrag_list_f);

static const struct field uppdrag_add_f[] = {
	U32(uppdrag_add, user_id),
	U32(uppdrag_add, roll),
	STR(uppdrag_add, giltig_from, 10),
	STR(uppdrag_add, giltig_tom, 10),
};
static const struct layout uppdrag_add_l = LAYOUT(uppdrag_add, uppdrag_add_f);

static const struct field uppdrag_remove_f[] = {
	U32(uppdrag_remove, id),
};
static const struct layout uppdrag_remove_l =
    LAYOUT(uppdrag_remove, uppdrag_remove_f);

static const struct field uppdrag_save_f[] = {
	U32(msg_uppdrag_save, target_id),
	LIST(msg_uppdrag_save, adds, nadds, SUS_LIST_MAX, uppdrag_add_l),
	LIST(msg_uppdrag_save, removes, nremoves, SUS_LIST_MAX,
	    uppdrag_remove_l),
};
static const struct layout uppdrag_save_l =
    LAYOUT(msg_uppdrag_save, uppdrag_save_f);

/* BYE has an empty body. */
/* Issue 4: samverkansorganisation administration. */

/* Dates on the wire are YYYY-MM-DD; 10 bytes bound them. */
#define D	10
/* Free-text descriptions: 2000 characters, up to 4 bytes each. */
#define DESC_MAX	8000
/* Short texts of 100 characters. */
#define SHORT_MAX	400

static const struct field samorg_get_f[] = {
	U32(msg_samorg_get, id),
};
static const struct layout samorg_get_l = LAYOUT(msg_samorg_get, samorg_get_f);

static const struct field samorg_kommun_f[] = {
	STR(samorg_kommun, kommunkod, 4),
	STR(samorg_kommun, kommun, SUS_NAME_MAX),
	U32(samorg_kommun, stadsdel_id),
	STR(samorg_kommun, stadsdel, SUS_NAME_MAX),
	STR(samorg_kommun, lan, SUS_NAME_MAX),
};
static const struct layout samorg_kommun_l =
    LAYOUT(samorg_kommun, samorg_kommun_f);

static const struct field samorg_org_f[] = {
	U32(samorg_org, organisation_id),
	STR(samorg_org, namn, SHORT_MAX),
	STR(samorg_org, organisationstyp, SHORT_MAX),
	U8(samorg_org, medlem),
	U8(samorg_org, finansiar),
	U8(samorg_org, konsument),
};
static const struct layout samorg_org_l = LAYOUT(samorg_org, samorg_org_f);

static const struct field samorg_f[] = {
	U32(msg_samorg, id),
	STR(msg_samorg, namn, SUS_NAME_MAX),
	STR(msg_samorg, organisationsnummer, 20),
	U32(msg_samorg, samverkansform_id),
	STR(msg_samorg, samverkansform, SUS_NAME_MAX),
	STR(msg_samorg, startdatum, D),
	STR(msg_samorg, slutdatum, D),
	STR(msg_samorg, beskrivning, DESC_MAX),
	STR(msg_samorg, utdelningsadress, SHORT_MAX),
	STR(msg_samorg, postnummer, 20),
	STR(msg_samorg, postort, SUS_NAME_MAX),
	STR(msg_samorg, telefon, 120),
	STR(msg_samorg, epost, SHORT_MAX),
	STR(msg_samorg, webbplats, 800),
	STR(msg_samorg, kontakt_namn, SHORT_MAX),
	STR(msg_samorg, kontakt_telefon, 120),
	STR(msg_samorg, kontakt_epost, SHORT_MAX),
	STR(msg_samorg, andrad, 64),
	U8(msg_samorg, rights),
	LIST(msg_samorg, kommuner, nkommuner, 400, samorg_kommun_l),
	LIST(msg_samorg, organisationer, norganisationer, 200, samorg_org_l),
};
static const struct layout samorg_l = LAYOUT(msg_samorg, samorg_f);

static const struct field samorg_order_submit_f[] = {
	STR(msg_samorg_order_submit, namn, SUS_NAME_MAX),
	STR(msg_samorg_order_submit, organisationsnummer, 20),
	U32(msg_samorg_order_submit, samverkansform_id),
	STR(msg_samorg_order_submit, startdatum, D),
	U32(msg_samorg_order_submit, admin_id),
	STR(msg_samorg_order_submit, kontakt_namn, SHORT_MAX),
	STR(msg_samorg_order_submit, kontakt_telefon, 120),
	STR(msg_samorg_order_submit, kontakt_epost, SHORT_MAX),
};
static const struct layout samorg_order_submit_l =
    LAYOUT(msg_samorg_order_submit, samorg_order_submit_f);

static const struct field samorg_order_search_f[] = {
	U8(msg_samorg_order_search, status),
	U32(msg_samorg_order_search, offset),
	U32(msg_samorg_order_search, limit),
};
static const struct layout samorg_order_search_l =
    LAYOUT(msg_samorg_order_search, samorg_order_search_f);

static const struct field samorg_order_row_f[] = {
	U32(samorg_order_row, id),
	U8(samorg_order_row, status),
	STR(samorg_order_row, skapad, 20),
	STR(samorg_order_row, skapad_av, SUS_NAME_MAX),
	STR(samorg_order_row, namn, SUS_NAME_MAX),
	STR(samorg_order_row, organisationsnummer, 20),
	U32(samorg_order_row, samverkansform_id),
	STR(samorg_order_row, samverkansform, SUS_NAME_MAX),
	STR(samorg_order_row, startdatum, D),
	U32(samorg_order_row, admin_id),
	STR(samorg_order_row, admin, SHORT_MAX),
	STR(samorg_order_row, kontakt_namn, SHORT_MAX),
	STR(samorg_order_row, kontakt_telefon, 120),
	STR(samorg_order_row, kontakt_epost, SHORT_MAX),
	STR(samorg_order_row, beslutad, 20),
	STR(samorg_order_row, beslutad_av, SUS_NAME_MAX),
	STR(samorg_order_row, kommentar, 2000),
	U32(samorg_order_row, samorg_id),
};
static const struct layout samorg_order_row_l =
    LAYOUT(samorg_order_row, samorg_order_row_f);

static const struct field samorg_order_list_f[] = {
	U32(msg_samorg_order_list, total),
	LIST(msg_samorg_order_list, rows, nrows, SUS_LIST_MAX,
	    samorg_order_row_l),
};
static const struct layout samorg_order_list_l =
    LAYOUT(msg_samorg_order_list, samorg_order_list_f);

static const struct field samorg_order_decide_f[] = {
	U32(msg_samorg_order_decide, order_id),
	U8(msg_samorg_order_decide, approve),
	STR(msg_samorg_order_decide, kommentar, 2000),
};
static const struct layout samorg_order_decide_l =
    LAYOUT(msg_samorg_order_decide, samorg_order_decide_f);

static const struct field kommun_search_f[] = {
	STR(msg_kommun_search, lanskod, 2),
	STR(msg_kommun_search, pattern, SUS_PATTERN_MAX),
	U32(msg_kommun_search, offset),
	U32(msg_kommun_search, limit),
};
static const struct layout kommun_search_l =
    LAYOUT(msg_kommun_search, kommun_search_f);

static const struct field kommun_row_f[] = {
	STR(kommun_row, kommunkod, 4),
	STR(kommun_row, kommun, SUS_NAME_MAX),
	STR(kommun_row, lanskod, 2),
	STR(kommun_row, lan, SUS_NAME_MAX),
	U32(kommun_row, stadsdel_id),
	STR(kommun_row, stadsdel, SUS_NAME_MAX),
};
static const struct layout kommun_row_l = LAYOUT(kommun_row, kommun_row_f);

static const struct field kommun_list_f[] = {
	U32(msg_kommun_list, total),
	LIST(msg_kommun_list, rows, nrows, SUS_LIST_MAX, kommun_row_l),
};
static const struct layout kommun_list_l =
    LAYOUT(msg_kommun_list, kommun_list_f);

static const struct field budget_fin_f[] = {
	U32(budget_fin, id),
	U32(budget_fin, organisation_id),
	STR(budget_fin, organisation, SHORT_MAX),
	U8(budget_fin, eget_kapital),
	U64(budget_fin, belopp),
	U8(budget_fin, has_utfall),
	U64(budget_fin, utfall),
	STR(budget_fin, beskrivning, SHORT_MAX),
};
static const struct layout budget_fin_l = LAYOUT(budget_fin, budget_fin_f);

static const struct field budget_adm_f[] = {
	U32(budget_adm, id),
	U32(budget_adm, kostnadstyp_id),
	STR(budget_adm, kostnadstyp, SHORT_MAX),
	U64(budget_adm, budget),
	U8(budget_adm, has_utfall),
	U64(budget_adm, utfall),
	STR(budget_adm, beskrivning, SHORT_MAX),
};
static const struct layout budget_adm_l = LAYOUT(budget_adm, budget_adm_f);

static const struct field budget_insats_f[] = {
	U32(budget_insats, insats_id),
	STR(budget_insats, namn, SHORT_MAX),
	U64(budget_insats, budget),
	U64(budget_insats, utfall),
};
static const struct layout budget_insats_l =
    LAYOUT(budget_insats, budget_insats_f);

static const struct field budget_year_f[] = {
	U32(budget_year, ar),
};
static const struct layout budget_year_l = LAYOUT(budget_year, budget_year_f);

static const struct field budget_get_f[] = {
	U32(msg_budget_get, samorg_id),
	U32(msg_budget_get, ar),
};
static const struct layout budget_get_l = LAYOUT(msg_budget_get, budget_get_f);

static const struct field budget_f[] = {
	U32(msg_budget, samorg_id),
	U32(msg_budget, ar),
	STR(msg_budget, samorg, SUS_NAME_MAX),
	STR(msg_budget, samverkansform, SUS_NAME_MAX),
	STR(msg_budget, startdatum, D),
	STR(msg_budget, slutdatum, D),
	U32(msg_budget, forsta_ar),
	U32(msg_budget, sista_ar),
	U8(msg_budget, finsam),
	LIST(msg_budget, ar_med_data, nar, 300, budget_year_l),
	LIST(msg_budget, fin, nfin, 200, budget_fin_l),
	LIST(msg_budget, adm, nadm, 200, budget_adm_l),
	LIST(msg_budget, insatser, ninsatser, SUS_LIST_MAX, budget_insats_l),
	U64(msg_budget, insats_budget),
	U64(msg_budget, insats_utfall),
};
static const struct layout budget_l = LAYOUT(msg_budget, budget_f);

static const struct field fraga_alt_f[] = {
	U32(fraga_alt, id),
	STR(fraga_alt, text, SHORT_MAX),
};
static const struct layout fraga_alt_l = LAYOUT(fraga_alt, fraga_alt_f);

static const struct field fraga_f[] = {
	U32(msg_fraga, id),
	U32(msg_fraga, samorg_id),
	STR(msg_fraga, namn, 800),
	STR(msg_fraga, giltig_from, D),
	STR(msg_fraga, giltig_tom, D),
	U8(msg_fraga, mattillfalle),
	U8(msg_fraga, svarstyp),
	U8(msg_fraga, obligatorisk),
	U32(msg_fraga, ordning),
	U32(msg_fraga, antal_svar),
	LIST(msg_fraga, alternativ, nalternativ, 50, fraga_alt_l),
};
static const struct layout fraga_l = LAYOUT(msg_fraga, fraga_f);

static const struct field fraga_search_f[] = {
	U32(msg_fraga_search, samorg_id),
	STR(msg_fraga_search, datum, D),
	U8(msg_fraga_search, mattillfalle),
};
static const struct layout fraga_search_l =
    LAYOUT(msg_fraga_search, fraga_search_f);

static const struct field fraga_list_f[] = {
	LIST(msg_fraga_list, rows, nrows, SUS_LIST_MAX, fraga_l),
};
static const struct layout fraga_list_l = LAYOUT(msg_fraga_list, fraga_list_f);

static const struct field fraga_delete_f[] = {
	U32(msg_fraga_delete, samorg_id),
	U32(msg_fraga_delete, fraga_id),
};
static const struct layout fraga_delete_l =
    LAYOUT(msg_fraga_delete, fraga_delete_f);

static const struct field fraga_ref_f[] = {
	U32(fraga_ref, id),
};
static const struct layout fraga_ref_l = LAYOUT(fraga_ref, fraga_ref_f);

static const struct field fraga_order_f[] = {
	U32(msg_fraga_order, samorg_id),
	LIST(msg_fraga_order, ids, nids, SUS_LIST_MAX, fraga_ref_l),
};
static const struct layout fraga_order_l =
    LAYOUT(msg_fraga_order, fraga_order_f);

static const struct field kod_search_f[] = {
	STR(msg_kod_search, lista, 40),
};
static const struct layout kod_search_l = LAYOUT(msg_kod_search, kod_search_f);

static const struct field kodlista_row_f[] = {
	STR(kodlista_row, namn, 40),
	STR(kodlista_row, titel, SHORT_MAX),
	STR(kodlista_row, beskrivning, 2000),
	STR(kodlista_row, overordnad, 40),
	U8(kodlista_row, editable),
};
static const struct layout kodlista_row_l =
    LAYOUT(kodlista_row, kodlista_row_f);

static const struct field kod_row_f[] = {
	U32(kod_row, id),
	STR(kod_row, lista, 40),
	STR(kod_row, kod, 40),
	STR(kod_row, namn, SHORT_MAX),
	U32(kod_row, ordning),
	U8(kod_row, aktiv),
	U8(kod_row, fast),
	U32(kod_row, overordnad_id),
};
static const struct layout kod_row_l = LAYOUT(kod_row, kod_row_f);

static const struct field kod_list_f[] = {
	LIST(msg_kod_list, listor, nlistor, 100, kodlista_row_l),
	LIST(msg_kod_list, rows, nrows, 4000, kod_row_l),
};
static const struct layout kod_list_l = LAYOUT(msg_kod_list, kod_list_f);

static const struct field org_save_f[] = {
	U32(msg_org_save, id),
	STR(msg_org_save, namn, SHORT_MAX),
	STR(msg_org_save, organisationstyp, SHORT_MAX),
	STR(msg_org_save, kommunkod, 4),
	STR(msg_org_save, lanskod, 2),
	U8(msg_org_save, aktiv),
};
static const struct layout org_save_l = LAYOUT(msg_org_save, org_save_f);

/* Insats (issue 5). */
static const struct field insats_search_f[] = {
	U32(msg_insats_search, samorg_id),
	STR(msg_insats_search, pattern, SUS_PATTERN_MAX),
	U32(msg_insats_search, inriktning_id),
	U32(msg_insats_search, malgrupp_id),
	STR(msg_insats_search, aktiv_from, D),
	STR(msg_insats_search, aktiv_tom, D),
	U8(msg_insats_search, flags),
	U32(msg_insats_search, offset),
	U32(msg_insats_search, limit),
};
static const struct layout insats_search_l =
    LAYOUT(msg_insats_search, insats_search_f);

static const struct field insats_row_f[] = {
	U32(insats_row, id),
	U32(insats_row, samorg_id),
	STR(insats_row, samorg, SUS_NAME_MAX),
	STR(insats_row, namn, SUS_NAME_MAX),
	STR(insats_row, startdatum, D),
	STR(insats_row, slutdatum, D),
	STR(insats_row, inriktning, SHORT_MAX),
	STR(insats_row, matningsmetod, SHORT_MAX),
	U8(insats_row, volym),
	U8(insats_row, kategoriserad),
};
static const struct layout insats_row_l = LAYOUT(insats_row, insats_row_f);

static const struct field insats_list_f[] = {
	U32(msg_insats_list, total),
	LIST(msg_insats_list, rows, nrows, SUS_LIST_MAX, insats_row_l),
};
static const struct layout insats_list_l =
    LAYOUT(msg_insats_list, insats_list_f);

static const struct field insats_get_f[] = {
	U32(msg_insats_get, id),
};
static const struct layout insats_get_l =
    LAYOUT(msg_insats_get, insats_get_f);

static const struct field insats_malgrupp_f[] = {
	U32(insats_malgrupp, id),
	STR(insats_malgrupp, namn, SHORT_MAX),
};
static const struct layout insats_malgrupp_l =
    LAYOUT(insats_malgrupp, insats_malgrupp_f);

static const struct field insats_ar_sum_f[] = {
	U32(insats_ar_sum, ar),
	U8(insats_ar_sum, has_planerat),
	U32(insats_ar_sum, planerat),
	U64(insats_ar_sum, budget),
	U64(insats_ar_sum, utfall),
};
static const struct layout insats_ar_sum_l =
    LAYOUT(insats_ar_sum, insats_ar_sum_f);

static const struct field insats_f[] = {
	U32(msg_insats, id),
	U32(msg_insats, samorg_id),
	STR(msg_insats, samorg, SUS_NAME_MAX),
	STR(msg_insats, samverkansform, SHORT_MAX),
	STR(msg_insats, samorg_start, D),
	STR(msg_insats, samorg_slut, D),
	STR(msg_insats, namn, SHORT_MAX),
	STR(msg_insats, beskrivning, SUS_STRING_MAX),
	STR(msg_insats, startdatum, D),
	STR(msg_insats, slutdatum, D),
	U32(msg_insats, inriktning_id),
	STR(msg_insats, inriktning, SHORT_MAX),
	U32(msg_insats, preciserad_id),
	STR(msg_insats, preciserad, SHORT_MAX),
	U32(msg_insats, matningsmetod_id),
	STR(msg_insats, matningsmetod, SHORT_MAX),
	LIST(msg_insats, malgrupper, nmalgrupper, 100, insats_malgrupp_l),
	STR(msg_insats, andrad, 64),
	U8(msg_insats, rights),
	U8(msg_insats, locked),
	U32(msg_insats, antal_deltagande),
	LIST(msg_insats, ar, nar, 300, insats_ar_sum_l),
	LIST(msg_insats, deltagaransvariga, nda, SUS_LIST_MAX,
	    uppdrag_row_l),
	LIST(msg_insats, da_adds, nda_adds, SUS_LIST_MAX, uppdrag_add_l),
	LIST(msg_insats, da_removes, nda_removes, SUS_LIST_MAX,
	    uppdrag_remove_l),
};
static const struct layout insats_l = LAYOUT(msg_insats, insats_f);

static const struct field insats_budget_get_f[] = {
	U32(msg_insats_budget_get, insats_id),
	U32(msg_insats_budget_get, ar),
};
static const struct layout insats_budget_get_l =
    LAYOUT(msg_insats_budget_get, insats_budget_get_f);

static const struct field insats_budgetrad_f[] = {
	U32(insats_budgetrad, id),
	U32(insats_budgetrad, budgettyp_id),
	STR(insats_budgetrad, budgettyp, SHORT_MAX),
	U32(insats_budgetrad, organisation_id),
	STR(insats_budgetrad, organisation, SHORT_MAX),
	U64(insats_budgetrad, budget),
	U8(insats_budgetrad, has_utfall),
	U64(insats_budgetrad, utfall),
	STR(insats_budgetrad, beskrivning, SHORT_MAX),
};
static const struct layout insats_budgetrad_l =
    LAYOUT(insats_budgetrad, insats_budgetrad_f);

static const struct field insats_budget_f[] = {
	U32(msg_insats_budget, insats_id),
	U32(msg_insats_budget, ar),
	STR(msg_insats_budget, insats, SHORT_MAX),
	STR(msg_insats_budget, samorg, SUS_NAME_MAX),
	STR(msg_insats_budget, samverkansform, SHORT_MAX),
	STR(msg_insats_budget, startdatum, D),
	STR(msg_insats_budget, slutdatum, D),
	U32(msg_insats_budget, forsta_ar),
	U32(msg_insats_budget, sista_ar),
	U8(msg_insats_budget, finsam),
	LIST(msg_insats_budget, ar_med_data, nar, 300, budget_year_l),
	U8(msg_insats_budget, has_planerat),
	U32(msg_insats_budget, planerat),
	LIST(msg_insats_budget, rader, nrader, 200, insats_budgetrad_l),
};
static const struct layout insats_budget_l =
    LAYOUT(msg_insats_budget, insats_budget_f);

static const struct field volym_get_f[] = {
	U32(msg_volym_get, insats_id),
	U32(msg_volym_get, ar),
};
static const struct layout volym_get_l = LAYOUT(msg_volym_get, volym_get_f);

static const struct field volym_rad_f[] = {
	U32(volym_rad, id),
	STR(volym_rad, period, 7),
	U32(volym_rad, kvinnor),
	U32(volym_rad, man),
	U32(volym_rad, okant),
	STR(volym_rad, kommentar, SHORT_MAX),
	STR(volym_rad, registrerad, 16),
	STR(volym_rad, registrerad_av, SUS_NAME_MAX),
	U8(volym_rad, aktuell),
	U32(volym_rad, ersatter),
};
static const struct layout volym_rad_l = LAYOUT(volym_rad, volym_rad_f);

static const struct field volym_f[] = {
	U32(msg_volym, insats_id),
	U32(msg_volym, ar),
	STR(msg_volym, insats, SHORT_MAX),
	STR(msg_volym, samorg, SUS_NAME_MAX),
	STR(msg_volym, startdatum, D),
	STR(msg_volym, slutdatum, D),
	U32(msg_volym, forsta_ar),
	U32(msg_volym, sista_ar),
	LIST(msg_volym, rader, nrader, 2000, volym_rad_l),
};
static const struct layout volym_l = LAYOUT(msg_volym, volym_f);

static const struct field volym_save_f[] = {
	U32(msg_volym_save, insats_id),
	STR(msg_volym_save, period, 7),
	U32(msg_volym_save, ersatter),
	U32(msg_volym_save, kvinnor),
	U32(msg_volym_save, man),
	U32(msg_volym_save, okant),
	STR(msg_volym_save, kommentar, SHORT_MAX),
};
static const struct layout volym_save_l =
    LAYOUT(msg_volym_save, volym_save_f);

static const struct field start_rad_f[] = {
	U32(start_rad, samorg_id),
	STR(start_rad, samorg, SUS_NAME_MAX),
	U32(start_rad, insats_id),
	STR(start_rad, insats, SHORT_MAX),
	STR(start_rad, startdatum, D),
	STR(start_rad, slutdatum, D),
	U8(start_rad, volym),
	U8(start_rad, kategoriserad),
	U32(start_rad, roller),
	U32(start_rad, actions),
};
static const struct layout start_rad_l = LAYOUT(start_rad, start_rad_f);

static const struct field start_f[] = {
	LIST(msg_start, rader, nrader, 2000, start_rad_l),
};
static const struct layout start_l = LAYOUT(msg_start, start_f);

static const struct field deltagare_search_f[] = {
	U32(msg_deltagare_search, insats_id),
	U8(msg_deltagare_search, status),
	STR(msg_deltagare_search, pattern, SUS_PATTERN_MAX),
	U32(msg_deltagare_search, offset),
	U32(msg_deltagare_search, limit),
};
static const struct layout deltagare_search_l =
    LAYOUT(msg_deltagare_search, deltagare_search_f);

static const struct field deltagare_row_f[] = {
	U32(deltagare_row, deltagande_id),
	U32(deltagare_row, person_id),
	STR(deltagare_row, personnummer, 13),
	STR(deltagare_row, namn, SUS_NAME_MAX),
	STR(deltagare_row, kon, 20),
	U32(deltagare_row, fodelsear),
	STR(deltagare_row, startdatum, D),
	STR(deltagare_row, slutdatum, D),
	STR(deltagare_row, avslutsanledning, SUS_NAME_MAX),
	U8(deltagare_row, avidentifierad),
};
static const struct layout deltagare_row_l =
    LAYOUT(deltagare_row, deltagare_row_f);

static const struct field deltagare_list_f[] = {
	U32(msg_deltagare_list, total),
	LIST(msg_deltagare_list, rows, nrows, SUS_LIST_MAX, deltagare_row_l),
};
static const struct layout deltagare_list_l =
    LAYOUT(msg_deltagare_list, deltagare_list_f);

static const struct field deltagare_get_f[] = {
	U32(msg_deltagare_get, insats_id),
	U32(msg_deltagare_get, deltagande_id),
};
static const struct layout deltagare_get_l =
    LAYOUT(msg_deltagare_get, deltagare_get_f);

static const struct field kod_ref_f[] = {
	U32(kod_ref, id),
};
static const struct layout kod_ref_l = LAYOUT(kod_ref, kod_ref_f);

static const struct field svar_row_f[] = {
	U32(svar_row, fraga_id),
	U32(svar_row, alternativ_id),
	U8(svar_row, har_heltal),
	U32(svar_row, heltal),
	U8(svar_row, ja),
};
static const struct layout svar_row_l = LAYOUT(svar_row, svar_row_f);

static const struct field tillfalle_row_f[] = {
	U8(tillfalle_row, typ),
	STR(tillfalle_row, datum, D),
	LIST(tillfalle_row, forsorjning, nforsorjning, 50, kod_ref_l),
	U32(tillfalle_row, sysselsattning_id),
	U32(tillfalle_row, omfattning),
	U32(tillfalle_row, utbildning_id),
	U32(tillfalle_row, tid_id),
	U32(tillfalle_row, avslut_id),
	LIST(tillfalle_row, svar, nsvar, 500, svar_row_l),
	STR(tillfalle_row, andrad, 40),
	STR(tillfalle_row, andrad_av, SUS_NAME_MAX),
};
static const struct layout tillfalle_row_l =
    LAYOUT(tillfalle_row, tillfalle_row_f);

static const struct field deltagare_f[] = {
	U32(msg_deltagare, insats_id),
	U32(msg_deltagare, deltagande_id),
	U32(msg_deltagare, person_id),
	STR(msg_deltagare, personnummer, 12),
	STR(msg_deltagare, namn, SUS_NAME_MAX),
	STR(msg_deltagare, kommunkod, 4),
	STR(msg_deltagare, kommun, SUS_NAME_MAX),
	U32(msg_deltagare, stadsdel_id),
	STR(msg_deltagare, stadsdel, SUS_NAME_MAX),
	STR(msg_deltagare, kon, 20),
	U32(msg_deltagare, fodelsear),
	STR(msg_deltagare, samtycke_datum, D),
	STR(msg_deltagare, registrerad, 16),
	STR(msg_deltagare, registrerad_av, SUS_NAME_MAX),
	STR(msg_deltagare, startdatum, D),
	STR(msg_deltagare, slutdatum, D),
	U8(msg_deltagare, avidentifierad),
	LIST(msg_deltagare, tillfallen, ntillfallen, 2, tillfalle_row_l),
};
static const struct layout deltagare_l = LAYOUT(msg_deltagare, deltagare_f);

static const struct field person_lookup_f[] = {
	U32(msg_person_lookup, insats_id),
	STR(msg_person_lookup, personnummer, 20),
};
static const struct layout person_lookup_l =
    LAYOUT(msg_person_lookup, person_lookup_f);

static const struct field person_f[] = {
	STR(msg_person, personnummer, 12),
	U8(msg_person, samordningsnummer),
	U8(msg_person, i_register),
	STR(msg_person, namn, SUS_NAME_MAX),
	STR(msg_person, kommunkod, 4),
	STR(msg_person, kommun, SUS_NAME_MAX),
	U32(msg_person, stadsdel_id),
	STR(msg_person, stadsdel, SUS_NAME_MAX),
	U8(msg_person, stadsdel_kravs),
	STR(msg_person, kon, 20),
	U32(msg_person, fodelsear),
	LIST(msg_person, deltaganden, ndeltaganden, SUS_LIST_MAX,
	    deltagare_row_l),
};
static const struct layout person_l = LAYOUT(msg_person, person_f);

/*
 * MSG_DELTAGARE_SAVE's fields, in struct s at prefix p (empty, or "rad."
 * inside a batch row): one list for the single request and the batch.
 */
#define DELTAGARE_SAVE_FIELDS(s, p) \
	U32(s, p insats_id), \
	U32(s, p deltagande_id), \
	STR(s, p personnummer, 20), \
	STR(s, p namn, SUS_NAME_MAX), \
	STR(s, p kommunkod, 4), \
	U32(s, p stadsdel_id), \
	U8(s, p samtycke), \
	STR(s, p samtycke_datum, D), \
	U8(s, p tillfalle.typ), \
	STR(s, p tillfalle.datum, D), \
	LIST(s, p tillfalle.forsorjning, p tillfalle.nforsorjning, 50, \
	    kod_ref_l), \
	U32(s, p tillfalle.sysselsattning_id), \
	U32(s, p tillfalle.omfattning), \
	U32(s, p tillfalle.utbildning_id), \
	U32(s, p tillfalle.tid_id), \
	U32(s, p tillfalle.avslut_id), \
	LIST(s, p tillfalle.svar, p tillfalle.nsvar, 500, svar_row_l), \
	STR(s, p tillfalle.andrad, 40), \
	STR(s, p tillfalle.andrad_av, SUS_NAME_MAX)

static const struct field deltagare_save_f[] = {
	DELTAGARE_SAVE_FIELDS(msg_deltagare_save, ),
};
static const struct layout deltagare_save_l =
    LAYOUT(msg_deltagare_save, deltagare_save_f);

static const struct field samtycke_aterkalla_f[] = {
	U32(msg_samtycke_aterkalla, insats_id),
	U32(msg_samtycke_aterkalla, deltagande_id),
	STR(msg_samtycke_aterkalla, datum, D),
};
static const struct layout samtycke_aterkalla_l =
    LAYOUT(msg_samtycke_aterkalla, samtycke_aterkalla_f);

static const struct field deltagare_fragor_f[] = {
	U32(msg_deltagare_fragor, insats_id),
	STR(msg_deltagare_fragor, datum, D),
	U8(msg_deltagare_fragor, tillfalle),
};
static const struct layout deltagare_fragor_l =
    LAYOUT(msg_deltagare_fragor, deltagare_fragor_f);

static const struct field anonym_get_f[] = {
	U32(msg_anonym_get, insats_id),
	U32(msg_anonym_get, ar),
};
static const struct layout anonym_get_l = LAYOUT(msg_anonym_get, anonym_get_f);

static const struct field anonym_rad_f[] = {
	U32(anonym_rad, id),
	STR(anonym_rad, kon, 20),
	U32(anonym_rad, antal),
	STR(anonym_rad, registrerad, 16),
	STR(anonym_rad, registrerad_av, SUS_NAME_MAX),
};
static const struct layout anonym_rad_l = LAYOUT(anonym_rad, anonym_rad_f);

static const struct field anonym_f[] = {
	U32(msg_anonym, insats_id),
	U32(msg_anonym, ar),
	STR(msg_anonym, insats, SHORT_MAX),
	STR(msg_anonym, samorg, SUS_NAME_MAX),
	U32(msg_anonym, forsta_ar),
	U32(msg_anonym, sista_ar),
	U32(msg_anonym, kvinnor),
	U32(msg_anonym, man),
	LIST(msg_anonym, rader, nrader, 2000, anonym_rad_l),
};
static const struct layout anonym_l = LAYOUT(msg_anonym, anonym_f);

static const struct field anonym_save_f[] = {
	U32(msg_anonym_save, insats_id),
	U32(msg_anonym_save, ar),
	U32(msg_anonym_save, kvinnor),
	U32(msg_anonym_save, man),
};
static const struct layout anonym_save_l =
    LAYOUT(msg_anonym_save, anonym_save_f);

static const struct field batch_deltagare_rad_f[] = {
	U32(batch_deltagare_rad, radnr),
	DELTAGARE_SAVE_FIELDS(batch_deltagare_rad, rad.),
};
static const struct layout batch_deltagare_rad_l =
    LAYOUT(batch_deltagare_rad, batch_deltagare_rad_f);

static const struct field batch_deltagare_f[] = {
	U32(msg_batch_deltagare, insats_id),
	STR(msg_batch_deltagare, nyckel, SUS_BATCH_KEY_LEN),
	U8(msg_batch_deltagare, flaggor),
	LIST(msg_batch_deltagare, rader, nrader, SUS_BATCH_MAX,
	    batch_deltagare_rad_l),
};
static const struct layout batch_deltagare_l =
    LAYOUT(msg_batch_deltagare, batch_deltagare_f);

static const struct field batch_anonym_rad_f[] = {
	U32(batch_anonym_rad, radnr),
	U32(batch_anonym_rad, ar),
	U32(batch_anonym_rad, kvinnor),
	U32(batch_anonym_rad, man),
};
static const struct layout batch_anonym_rad_l =
    LAYOUT(batch_anonym_rad, batch_anonym_rad_f);

static const struct field batch_anonym_f[] = {
	U32(msg_batch_anonym, insats_id),
	STR(msg_batch_anonym, nyckel, SUS_BATCH_KEY_LEN),
	U8(msg_batch_anonym, flaggor),
	LIST(msg_batch_anonym, rader, nrader, SUS_BATCH_MAX,
	    batch_anonym_rad_l),
};
static const struct layout batch_anonym_l =
    LAYOUT(msg_batch_anonym, batch_anonym_f);

static const struct field batch_volym_rad_f[] = {
	U32(batch_volym_rad, radnr),
	STR(batch_volym_rad, period, 7),
	U32(batch_volym_rad, kvinnor),
	U32(batch_volym_rad, man),
	U32(batch_volym_rad, okant),
	STR(batch_volym_rad, kommentar, SHORT_MAX),
};
static const struct layout batch_volym_rad_l =
    LAYOUT(batch_volym_rad, batch_volym_rad_f);

static const struct field batch_volym_f[] = {
	U32(msg_batch_volym, insats_id),
	STR(msg_batch_volym, nyckel, SUS_BATCH_KEY_LEN),
	U8(msg_batch_volym, flaggor),
	LIST(msg_batch_volym, rader, nrader, SUS_BATCH_MAX,
	    batch_volym_rad_l),
};
static const struct layout batch_volym_l =
    LAYOUT(msg_batch_volym, batch_volym_f);

static const struct field batch_resultat_rad_f[] = {
	U32(batch_resultat_rad, radnr),
	U8(batch_resultat_rad, status),
	U32(batch_resultat_rad, id),
	U32(batch_resultat_rad, falt),
	U32(batch_resultat_rad, fraga_id),
	U32(batch_resultat_rad, kod),
	STR(batch_resultat_rad, meddelande, SUS_MESSAGE_MAX),
};
static const struct layout batch_resultat_rad_l =
    LAYOUT(batch_resultat_rad, batch_resultat_rad_f);

static const struct field batch_result_f[] = {
	STR(msg_batch_result, nyckel, SUS_BATCH_KEY_LEN),
	U8(msg_batch_result, upprepad),
	U8(msg_batch_result, provkorning),
	STR(msg_batch_result, utford, 32),
	U32(msg_batch_result, antal_ok),
	U32(msg_batch_result, antal_fel),
	U32(msg_batch_result, antal_finns),
	LIST(msg_batch_result, rader, nrader, SUS_BATCH_MAX,
	    batch_resultat_rad_l),
};
static const struct layout batch_result_l =
    LAYOUT(msg_batch_result, batch_result_f);

#undef D

/* Af/FK (8xx). */
static const struct field affk_styrdata_get_f[] = {
	U8(msg_affk_styrdata_get, alla),
};
static const struct layout affk_styrdata_get_l =
    LAYOUT(msg_affk_styrdata_get, affk_styrdata_get_f);

static const struct field affk_kontor_row_f[] = {
	U32(affk_kontor_row, id),
	U8(affk_kontor_row, myndighet),
	STR(affk_kontor_row, namn, SHORT_MAX),
	U32(affk_kontor_row, omrade_id),
	STR(affk_kontor_row, omrade, SHORT_MAX),
	U32(affk_kontor_row, amo_id),
	STR(affk_kontor_row, kontorstyp, 2),
	U32(affk_kontor_row, insats_id),
	U8(affk_kontor_row, aktiv),
	U8(affk_kontor_row, eget),
};
static const struct layout affk_kontor_row_l =
    LAYOUT(affk_kontor_row, affk_kontor_row_f);

static const struct field affk_insatstyp_row_f[] = {
	U32(affk_insatstyp_row, id),
	STR(affk_insatstyp_row, kod, 40),
	STR(affk_insatstyp_row, namn, SHORT_MAX),
	U8(affk_insatstyp_row, slag),
	U8(affk_insatstyp_row, myndighet),
	U32(affk_insatstyp_row, ordning),
};
static const struct layout affk_insatstyp_row_l =
    LAYOUT(affk_insatstyp_row, affk_insatstyp_row_f);

static const struct field affk_overgang_row_f[] = {
	U32(affk_overgang_row, fran_id),
	U32(affk_overgang_row, till_id),
	U8(affk_overgang_row, myndighet),
};
static const struct layout affk_overgang_row_l =
    LAYOUT(affk_overgang_row, affk_overgang_row_f);

static const struct field affk_fraga_row_f[] = {
	U32(affk_fraga_row, id),
	U32(affk_fraga_row, insatstyp_id),
	STR(affk_fraga_row, kod, 40),
	STR(affk_fraga_row, text, 800),
	STR(affk_fraga_row, lista, 40),
	U8(affk_fraga_row, obligatorisk),
	U32(affk_fraga_row, villkor_fraga_id),
	U32(affk_fraga_row, villkor_svar_id),
	U32(affk_fraga_row, ordning),
};
static const struct layout affk_fraga_row_l =
    LAYOUT(affk_fraga_row, affk_fraga_row_f);

static const struct field affk_kod_row_f[] = {
	U32(affk_kod_row, id),
	STR(affk_kod_row, lista, 40),
	STR(affk_kod_row, kod, 40),
	STR(affk_kod_row, namn, SHORT_MAX),
	U8(affk_kod_row, aktiv),
};
static const struct layout affk_kod_row_l =
    LAYOUT(affk_kod_row, affk_kod_row_f);

static const struct field affk_styrdata_f[] = {
	LIST(msg_affk_styrdata, kontor, nkontor, 4000, affk_kontor_row_l),
	LIST(msg_affk_styrdata, typer, ntyper, 200, affk_insatstyp_row_l),
	LIST(msg_affk_styrdata, overgangar, novergangar, 1000,
	    affk_overgang_row_l),
	LIST(msg_affk_styrdata, fragor, nfragor, 1000, affk_fraga_row_l),
	LIST(msg_affk_styrdata, koder, nkoder, 4000, affk_kod_row_l),
};
static const struct layout affk_styrdata_l =
    LAYOUT(msg_affk_styrdata, affk_styrdata_f);

static const struct field affk_medverkan_save_f[] = {
	U32(msg_affk_medverkan_save, kontor_insats_id),
	STR(msg_affk_medverkan_save, personnummer, 20),
	STR(msg_affk_medverkan_save, namn, SUS_NAME_MAX),
	STR(msg_affk_medverkan_save, kommunkod, 4),
	U32(msg_affk_medverkan_save, stadsdel_id),
	U8(msg_affk_medverkan_save, samtycke),
	STR(msg_affk_medverkan_save, samtycke_datum, 10),
	U8(msg_affk_medverkan_save, initierad_av),
	U32(msg_affk_medverkan_save, af_kontor_id),
	U32(msg_affk_medverkan_save, fk_kontor_id),
	U32(msg_affk_medverkan_save, insatstyp_id),
	STR(msg_affk_medverkan_save, datum, 10),
};
static const struct layout affk_medverkan_save_l =
    LAYOUT(msg_affk_medverkan_save, affk_medverkan_save_f);

static const struct field affk_saved_f[] = {
	U32(msg_affk_saved, arende_id),
	U32(msg_affk_saved, period_id),
	U32(msg_affk_saved, nfragor),
};
static const struct layout affk_saved_l =
    LAYOUT(msg_affk_saved, affk_saved_f);

static const struct field affk_overgang_save_f[] = {
	U32(msg_affk_overgang_save, kontor_insats_id),
	U32(msg_affk_overgang_save, arende_id),
	U32(msg_affk_overgang_save, insatstyp_id),
	STR(msg_affk_overgang_save, datum, 10),
};
static const struct layout affk_overgang_save_l =
    LAYOUT(msg_affk_overgang_save, affk_overgang_save_f);

static const struct field affk_svar_row_f[] = {
	U32(affk_svar_row, fraga_id),
	U32(affk_svar_row, svar_id),
};
static const struct layout affk_svar_row_l =
    LAYOUT(affk_svar_row, affk_svar_row_f);

static const struct field affk_uppgifter_save_f[] = {
	U32(msg_affk_uppgifter_save, kontor_insats_id),
	U32(msg_affk_uppgifter_save, period_id),
	LIST(msg_affk_uppgifter_save, svar, nsvar, 100, affk_svar_row_l),
};
static const struct layout affk_uppgifter_save_l =
    LAYOUT(msg_affk_uppgifter_save, affk_uppgifter_save_f);

static const struct field affk_historik_get_f[] = {
	U32(msg_affk_historik_get, kontor_insats_id),
	STR(msg_affk_historik_get, personnummer, 20),
	U32(msg_affk_historik_get, arende_id),
};
static const struct layout affk_historik_get_l =
    LAYOUT(msg_affk_historik_get, affk_historik_get_f);

static const struct field affk_period_row_f[] = {
	U32(affk_period_row, id),
	U32(affk_period_row, insatstyp_id),
	STR(affk_period_row, insatstyp, SHORT_MAX),
	U8(affk_period_row, slag),
	STR(affk_period_row, startdatum, 10),
	STR(affk_period_row, slutdatum, 10),
	U32(affk_period_row, af_kontor_id),
	STR(affk_period_row, af_kontor, SHORT_MAX),
	U32(affk_period_row, fk_kontor_id),
	STR(affk_period_row, fk_kontor, SHORT_MAX),
	U8(affk_period_row, myndighet),
	STR(affk_period_row, registrerad_av, SUS_NAME_MAX),
	U8(affk_period_row, uppgifter),
	LIST(affk_period_row, svar, nsvar, 100, affk_svar_row_l),
};
static const struct layout affk_period_row_l =
    LAYOUT(affk_period_row, affk_period_row_f);

static const struct field affk_kontorsbyte_row_f[] = {
	STR(affk_kontorsbyte_row, datum, 10),
	STR(affk_kontorsbyte_row, fran_af_kontor, SHORT_MAX),
	STR(affk_kontorsbyte_row, till_af_kontor, SHORT_MAX),
	STR(affk_kontorsbyte_row, fran_fk_kontor, SHORT_MAX),
	STR(affk_kontorsbyte_row, till_fk_kontor, SHORT_MAX),
	STR(affk_kontorsbyte_row, andrad_av, SUS_NAME_MAX),
};
static const struct layout affk_kontorsbyte_row_l =
    LAYOUT(affk_kontorsbyte_row, affk_kontorsbyte_row_f);

static const struct field affk_arende_row_f[] = {
	U32(affk_arende_row, id),
	U8(affk_arende_row, initierad_av),
	STR(affk_arende_row, samtycke_datum, 10),
	STR(affk_arende_row, startdatum, 10),
	STR(affk_arende_row, slutdatum, 10),
	U32(affk_arende_row, af_kontor_id),
	STR(affk_arende_row, af_kontor, SHORT_MAX),
	U32(affk_arende_row, fk_kontor_id),
	STR(affk_arende_row, fk_kontor, SHORT_MAX),
	U8(affk_arende_row, status),
	LIST(affk_arende_row, perioder, nperioder, 200, affk_period_row_l),
	LIST(affk_arende_row, byten, nbyten, 200, affk_kontorsbyte_row_l),
};
static const struct layout affk_arende_row_l =
    LAYOUT(affk_arende_row, affk_arende_row_f);

static const struct field affk_historik_f[] = {
	STR(msg_affk_historik, personnummer, 12),
	STR(msg_affk_historik, namn, SUS_NAME_MAX),
	STR(msg_affk_historik, kommun, SHORT_MAX),
	STR(msg_affk_historik, kon, 20),
	U32(msg_affk_historik, fodelsear),
	LIST(msg_affk_historik, arenden, narenden, 100, affk_arende_row_l),
};
static const struct layout affk_historik_l =
    LAYOUT(msg_affk_historik, affk_historik_f);

static const struct field affk_sok_f[] = {
	U32(msg_affk_sok, kontor_insats_id),
	U8(msg_affk_sok, status),
	U32(msg_affk_sok, insatstyp_id),
	STR(msg_affk_sok, from, 10),
	STR(msg_affk_sok, tom, 10),
	U8(msg_affk_sok, initierad_av),
	STR(msg_affk_sok, kon, 1),
	STR(msg_affk_sok, namn, SUS_PATTERN_MAX),
	U32(msg_affk_sok, offset),
	U32(msg_affk_sok, limit),
};
static const struct layout affk_sok_l = LAYOUT(msg_affk_sok, affk_sok_f);

static const struct field affk_sok_row_f[] = {
	U32(affk_sok_row, arende_id),
	STR(affk_sok_row, personnummer, 20),
	STR(affk_sok_row, namn, SUS_NAME_MAX),
	U32(affk_sok_row, insatstyp_id),
	STR(affk_sok_row, insatstyp, SHORT_MAX),
	U8(affk_sok_row, status),
	STR(affk_sok_row, sedan, 10),
	STR(affk_sok_row, startdatum, 10),
	STR(affk_sok_row, slutdatum, 10),
	STR(affk_sok_row, af_kontor, SHORT_MAX),
	STR(affk_sok_row, fk_kontor, SHORT_MAX),
};
static const struct layout affk_sok_row_l =
    LAYOUT(affk_sok_row, affk_sok_row_f);

static const struct field affk_sok_list_f[] = {
	U32(msg_affk_sok_list, total),
	LIST(msg_affk_sok_list, rows, nrows, SUS_LIST_MAX, affk_sok_row_l),
};
static const struct layout affk_sok_list_l =
    LAYOUT(msg_affk_sok_list, affk_sok_list_f);

static const struct field affk_byt_kontor_f[] = {
	U32(msg_affk_byt_kontor, kontor_insats_id),
	U32(msg_affk_byt_kontor, arende_id),
	U32(msg_affk_byt_kontor, af_kontor_id),
	U32(msg_affk_byt_kontor, fk_kontor_id),
	STR(msg_affk_byt_kontor, datum, 10),
};
static const struct layout affk_byt_kontor_l =
    LAYOUT(msg_affk_byt_kontor, affk_byt_kontor_f);

/*
 * Reports (6xx). A cell's varde is an int64_t sent as u64 (two's
 * complement): the codec has no signed type, and the width is the same.
 */
static const struct field rapport_defs_get_f[] = {
	U8(msg_rapport_defs_get, reserverad),
};
static const struct layout rapport_defs_get_l =
    LAYOUT(msg_rapport_defs_get, rapport_defs_get_f);

static const struct field rapport_val_row_f[] = {
	STR(rapport_val_row, kod, 100),
	STR(rapport_val_row, namn, SHORT_MAX),
};
static const struct layout rapport_val_row_l =
    LAYOUT(rapport_val_row, rapport_val_row_f);

static const struct field rapport_param_row_f[] = {
	STR(rapport_param_row, namn, 40),
	STR(rapport_param_row, titel, SHORT_MAX),
	U8(rapport_param_row, slag),
	STR(rapport_param_row, lista, 40),
	U8(rapport_param_row, fler),
	U8(rapport_param_row, kravs),
	STR(rapport_param_row, typer, SHORT_MAX),
	STR(rapport_param_row, standard, 100),
	LIST(rapport_param_row, val, nval, 200, rapport_val_row_l),
};
static const struct layout rapport_param_row_l =
    LAYOUT(rapport_param_row, rapport_param_row_f);

static const struct field rapport_typ_row_f[] = {
	STR(rapport_typ_row, namn, 40),
	STR(rapport_typ_row, titel, SHORT_MAX),
	STR(rapport_typ_row, beskrivning, 2000),
};
static const struct layout rapport_typ_row_l =
    LAYOUT(rapport_typ_row, rapport_typ_row_f);

static const struct field rapport_def_row_f[] = {
	STR(rapport_def_row, namn, 40),
	STR(rapport_def_row, titel, SHORT_MAX),
	STR(rapport_def_row, grupp, SHORT_MAX),
	STR(rapport_def_row, beskrivning, 2000),
	LIST(rapport_def_row, typer, ntyper, 50, rapport_typ_row_l),
	LIST(rapport_def_row, param, nparam, 100, rapport_param_row_l),
};
static const struct layout rapport_def_row_l =
    LAYOUT(rapport_def_row, rapport_def_row_f);

static const struct field rapport_sparad_row_f[] = {
	STR(rapport_sparad_row, rapport, 40),
	STR(rapport_sparad_row, namn, 40),
	STR(rapport_sparad_row, varde, 100),
};
static const struct layout rapport_sparad_row_l =
    LAYOUT(rapport_sparad_row, rapport_sparad_row_f);

static const struct field rapport_defs_f[] = {
	U32(msg_rapport_defs, troskel),
	LIST(msg_rapport_defs, defs, ndefs, 50, rapport_def_row_l),
	LIST(msg_rapport_defs, sparade, nsparade, 2000, rapport_sparad_row_l),
};
static const struct layout rapport_defs_l =
    LAYOUT(msg_rapport_defs, rapport_defs_f);

static const struct field rapport_arg_f[] = {
	STR(rapport_arg, namn, 40),
	STR(rapport_arg, varde, 100),
};
static const struct layout rapport_arg_l = LAYOUT(rapport_arg, rapport_arg_f);

static const struct field rapport_run_f[] = {
	STR(msg_rapport_run, rapport, 40),
	STR(msg_rapport_run, typ, 40),
	LIST(msg_rapport_run, args, nargs, 100, rapport_arg_l),
};
static const struct layout rapport_run_l =
    LAYOUT(msg_rapport_run, rapport_run_f);

static const struct field rapport_kol_row_f[] = {
	STR(rapport_kol_row, titel, SHORT_MAX),
	U8(rapport_kol_row, slag),
	U8(rapport_kol_row, skala),
};
static const struct layout rapport_kol_row_l =
    LAYOUT(rapport_kol_row, rapport_kol_row_f);

static const struct field rapport_cell_row_f[] = {
	U64(rapport_cell_row, varde),
	U8(rapport_cell_row, flagga),
};
static const struct layout rapport_cell_row_l =
    LAYOUT(rapport_cell_row, rapport_cell_row_f);

static const struct field rapport_rad_row_f[] = {
	STR(rapport_rad_row, grupp, SHORT_MAX),
	STR(rapport_rad_row, namn, SHORT_MAX),
	U8(rapport_rad_row, summa),
	LIST(rapport_rad_row, celler, nceller, 100, rapport_cell_row_l),
};
static const struct layout rapport_rad_row_l =
    LAYOUT(rapport_rad_row, rapport_rad_row_f);

static const struct field rapport_text_row_f[] = {
	STR(rapport_text_row, text, 2000),
};
static const struct layout rapport_text_row_l =
    LAYOUT(rapport_text_row, rapport_text_row_f);

static const struct field rapport_f[] = {
	STR(msg_rapport, rapport, 40),
	STR(msg_rapport, typ, 40),
	STR(msg_rapport, titel, SHORT_MAX),
	STR(msg_rapport, urval, 2000),
	STR(msg_rapport, skapad, 16),
	U32(msg_rapport, diagram_kol),
	LIST(msg_rapport, kol, nkol, 101, rapport_kol_row_l),
	LIST(msg_rapport, rader, nrader, 5000, rapport_rad_row_l),
	LIST(msg_rapport, fotnoter, nfotnoter, 20, rapport_text_row_l),
};
static const struct layout rapport_l = LAYOUT(msg_rapport, rapport_f);

static const struct layout empty_l = { "empty", 0, NULL, 0 };

static const struct {
	uint16_t		 type;
	const char		*name;
	const struct layout	*layout;
} msg_table[] = {
	{ MSG_LOGIN, "LOGIN", &login_l },
	{ MSG_LOGIN_OK, "LOGIN_OK", &login_ok_l },
	{ MSG_PING, "PING", &ping_l },
	{ MSG_PONG, "PONG", &ping_l },
	{ MSG_BYE, "BYE", &empty_l },
	{ MSG_ERR, "ERR", &err_l },
	{ MSG_OK, "OK", &ok_l },
	{ MSG_SAMORG_SEARCH, "SAMORG_SEARCH", &samorg_search_l },
	{ MSG_SAMORG_LIST, "SAMORG_LIST", &samorg_list_l },
	{ MSG_PASSWORD_CHANGE, "PASSWORD_CHANGE", &password_change_l },
	{ MSG_INSATS_SEARCH, "INSATS_SEARCH", &insats_search_l },
	{ MSG_INSATS_LIST, "INSATS_LIST", &insats_list_l },
	{ MSG_INSATS_GET, "INSATS_GET", &insats_get_l },
	{ MSG_INSATS, "INSATS", &insats_l },
	{ MSG_INSATS_SAVE, "INSATS_SAVE", &insats_l },
	{ MSG_INSATS_BUDGET_GET, "INSATS_BUDGET_GET", &insats_budget_get_l },
	{ MSG_INSATS_BUDGET, "INSATS_BUDGET", &insats_budget_l },
	{ MSG_INSATS_BUDGET_SAVE, "INSATS_BUDGET_SAVE", &insats_budget_l },
	{ MSG_VOLYM_GET, "VOLYM_GET", &volym_get_l },
	{ MSG_VOLYM, "VOLYM", &volym_l },
	{ MSG_VOLYM_SAVE, "VOLYM_SAVE", &volym_save_l },
	{ MSG_START_GET, "START_GET", &empty_l },
	{ MSG_START, "START", &start_l },
	{ MSG_DELTAGARE_SEARCH, "DELTAGARE_SEARCH", &deltagare_search_l },
	{ MSG_DELTAGARE_LIST, "DELTAGARE_LIST", &deltagare_list_l },
	{ MSG_DELTAGARE_GET, "DELTAGARE_GET", &deltagare_get_l },
	{ MSG_DELTAGARE, "DELTAGARE", &deltagare_l },
	{ MSG_PERSON_LOOKUP, "PERSON_LOOKUP", &person_lookup_l },
	{ MSG_PERSON, "PERSON", &person_l },
	{ MSG_DELTAGARE_SAVE, "DELTAGARE_SAVE", &deltagare_save_l },
	{ MSG_SAMTYCKE_ATERKALLA, "SAMTYCKE_ATERKALLA",
	    &samtycke_aterkalla_l },
	{ MSG_DELTAGARE_FRAGOR, "DELTAGARE_FRAGOR", &deltagare_fragor_l },
	{ MSG_ANONYM_GET, "ANONYM_GET", &anonym_get_l },
	{ MSG_ANONYM, "ANONYM", &anonym_l },
	{ MSG_ANONYM_SAVE, "ANONYM_SAVE", &anonym_save_l },
	{ MSG_BATCH_DELTAGARE, "BATCH_DELTAGARE", &batch_deltagare_l },
	{ MSG_BATCH_RESULT, "BATCH_RESULT", &batch_result_l },
	{ MSG_BATCH_ANONYM, "BATCH_ANONYM", &batch_anonym_l },
	{ MSG_BATCH_VOLYM, "BATCH_VOLYM", &batch_volym_l },
	{ MSG_USER_SEARCH, "USER_SEARCH", &user_search_l },
	{ MSG_USER_LIST, "USER_LIST", &user_list_l },
	{ MSG_ROLE_SET, "ROLE_SET", &role_set_l },
	{ MSG_USER_ACTIVE, "USER_ACTIVE", &user_active_l },
	{ MSG_ORG_SEARCH, "ORG_SEARCH", &org_search_l },
	{ MSG_ORG_LIST, "ORG_LIST", &org_list_l },
	{ MSG_AGREEMENT_SAVE, "AGREEMENT_SAVE", &agreement_save_l },
	{ MSG_BESTALLARE_SAVE, "BESTALLARE_SAVE", &bestallare_save_l },
	{ MSG_ORDER_SUBMIT, "ORDER_SUBMIT", &order_submit_l },
	{ MSG_ORDER_SEARCH, "ORDER_SEARCH", &order_search_l },
	{ MSG_ORDER_LIST, "ORDER_LIST", &order_list_l },
	{ MSG_ORDER_DECIDE, "ORDER_DECIDE", &order_decide_l },
	{ MSG_UPPDRAG_SEARCH, "UPPDRAG_SEARCH", &uppdrag_search_l },
	{ MSG_UPPDRAG_LIST, "UPPDRAG_LIST", &uppdrag_list_l },
	{ MSG_UPPDRAG_SAVE_SAMORG, "UPPDRAG_SAVE_SAMORG", &uppdrag_save_l },
	{ MSG_UPPDRAG_SAVE_INSATS, "UPPDRAG_SAVE_INSATS", &uppdrag_save_l },
	{ MSG_SAMORG_GET, "SAMORG_GET", &samorg_get_l },
	{ MSG_SAMORG, "SAMORG", &samorg_l },
	{ MSG_SAMORG_SAVE, "SAMORG_SAVE", &samorg_l },
	{ MSG_SAMORG_ORDER_SUBMIT, "SAMORG_ORDER_SUBMIT",
	    &samorg_order_submit_l },
	{ MSG_SAMORG_ORDER_SEARCH, "SAMORG_ORDER_SEARCH",
	    &samorg_order_search_l },
	{ MSG_SAMORG_ORDER_LIST, "SAMORG_ORDER_LIST", &samorg_order_list_l },
	{ MSG_SAMORG_ORDER_DECIDE, "SAMORG_ORDER_DECIDE",
	    &samorg_order_decide_l },
	{ MSG_KOMMUN_SEARCH, "KOMMUN_SEARCH", &kommun_search_l },
	{ MSG_KOMMUN_LIST, "KOMMUN_LIST", &kommun_list_l },
	{ MSG_BUDGET_GET, "BUDGET_GET", &budget_get_l },
	{ MSG_BUDGET, "BUDGET", &budget_l },
	{ MSG_BUDGET_SAVE, "BUDGET_SAVE", &budget_l },
	{ MSG_FRAGA_SEARCH, "FRAGA_SEARCH", &fraga_search_l },
	{ MSG_FRAGA_LIST, "FRAGA_LIST", &fraga_list_l },
	{ MSG_FRAGA_SAVE, "FRAGA_SAVE", &fraga_l },
	{ MSG_FRAGA_DELETE, "FRAGA_DELETE", &fraga_delete_l },
	{ MSG_FRAGA_ORDER, "FRAGA_ORDER", &fraga_order_l },
	{ MSG_KOD_SEARCH, "KOD_SEARCH", &kod_search_l },
	{ MSG_KOD_LIST, "KOD_LIST", &kod_list_l },
	{ MSG_KOD_SAVE, "KOD_SAVE", &kod_row_l },
	{ MSG_ORG_SAVE, "ORG_SAVE", &org_save_l },
	{ MSG_RAPPORT_DEFS_GET, "RAPPORT_DEFS_GET", &rapport_defs_get_l },
	{ MSG_RAPPORT_DEFS, "RAPPORT_DEFS", &rapport_defs_l },
	{ MSG_RAPPORT_RUN, "RAPPORT_RUN", &rapport_run_l },
	{ MSG_RAPPORT, "RAPPORT", &rapport_l },
	{ MSG_AFFK_STYRDATA_GET, "AFFK_STYRDATA_GET", &affk_styrdata_get_l },
	{ MSG_AFFK_STYRDATA, "AFFK_STYRDATA", &affk_styrdata_l },
	{ MSG_AFFK_KONTOR_SAVE, "AFFK_KONTOR_SAVE", &affk_kontor_row_l },
	{ MSG_AFFK_MEDVERKAN_SAVE, "AFFK_MEDVERKAN_SAVE",
	    &affk_medverkan_save_l },
	{ MSG_AFFK_SAVED, "AFFK_SAVED", &affk_saved_l },
	{ MSG_AFFK_OVERGANG_SAVE, "AFFK_OVERGANG_SAVE",
	    &affk_overgang_save_l },
	{ MSG_AFFK_UPPGIFTER_SAVE, "AFFK_UPPGIFTER_SAVE",
	    &affk_uppgifter_save_l },
	{ MSG_AFFK_HISTORIK_GET, "AFFK_HISTORIK_GET", &affk_historik_get_l },
	{ MSG_AFFK_HISTORIK, "AFFK_HISTORIK", &affk_historik_l },
	{ MSG_AFFK_SOK, "AFFK_SOK", &affk_sok_l },
	{ MSG_AFFK_SOK_LIST, "AFFK_SOK_LIST", &affk_sok_list_l },
	{ MSG_AFFK_BYT_KONTOR, "AFFK_BYT_KONTOR", &affk_byt_kontor_l },
};

/* Finds the table row for a type. */
static int
msg_find(uint16_t type)
{
	size_t	i;

	for (i = 0; i < NF(msg_table); i++) {
		if (msg_table[i].type == type)
			return (int)i;
	}
	return -1;
}

/* Reports whether type has a layout. */
int
msg_known(uint16_t type)
{
	return msg_find(type) >= 0;
}

/* The struct size for a type, 0 if unknown. */
size_t
msg_size(uint16_t type)
{
	int	i = msg_find(type);

	return i < 0 ? 0 : msg_table[i].layout->size;
}

/* The type's name for logs. */
const char *
msg_name(uint16_t type)
{
	int	i = msg_find(type);

	return i < 0 ? "unknown" : msg_table[i].name;
}

/* Smallest encoding of one element, to bound a declared list count. */
static size_t
layout_min_size(const struct layout *l)
{
	static const size_t	sizes[] = { 1, 2, 4, 8, 4, 4 };
	size_t			i, n = 0;

	for (i = 0; i < l->nfields; i++)
		n += sizes[l->fields[i].type];
	return n == 0 ? 1 : n;
}

static int	encode(const struct layout *, const void *, struct buf *);
static int	decode(const struct layout *, struct buf *, void *);
static void	clear(const struct layout *, void *);

/* Encodes one struct by its layout. */
static int
encode(const struct layout *l, const void *m, struct buf *out)
{
	const uint8_t	*base = m;
	const struct field *f;
	const char	*s;
	const uint8_t	*elems;
	uint32_t	 count, j;
	size_t		 i;
	int		 r = 0;

	for (i = 0; i < l->nfields && r == 0; i++) {
		f = &l->fields[i];
		switch (f->type) {
		case F_U8:
			r = buf_put_u8(out, *(const uint8_t *)(base + f->off));
			break;
		case F_U16:
			r = buf_put_u16(out, *(const uint16_t *)(base + f->off));
			break;
		case F_U32:
			r = buf_put_u32(out, *(const uint32_t *)(base + f->off));
			break;
		case F_U64:
			r = buf_put_u64(out, *(const uint64_t *)(base + f->off));
			break;
		case F_STR:
			s = *(char *const *)(base + f->off);
			if (s == NULL)
				s = "";
			if (strlen(s) > f->max)
				return SUS_ERR_STRING_LEN;
			if (!utf8_valid(s, strlen(s)))
				return SUS_ERR_UTF8;
			r = buf_put_cstring(out, s);
			break;
		case F_LIST:
			count = *(const uint32_t *)(base + f->count_off);
			elems = *(const uint8_t *const *)(base + f->off);
			if (count > f->max)
				return SUS_ERR_TOO_LARGE;
			if (count > 0 && elems == NULL)
				return SUS_ERR_INVALID;
			r = buf_put_u32(out, count);
			for (j = 0; j < count && r == 0; j++)
				r = encode(f->sub, elems + j * f->sub->size, out);
			break;
		}
	}
	return r;
}

/* Decodes one struct by its layout; the caller clears on failure. */
static int
decode(const struct layout *l, struct buf *in, void *m)
{
	uint8_t		*base = m;
	const struct field *f;
	uint8_t		*elems;
	uint32_t	 count, j;
	size_t		 i;
	int		 r = 0;

	for (i = 0; i < l->nfields && r == 0; i++) {
		f = &l->fields[i];
		switch (f->type) {
		case F_U8:
			r = buf_get_u8(in, (uint8_t *)(base + f->off));
			break;
		case F_U16:
			r = buf_get_u16(in, (uint16_t *)(base + f->off));
			break;
		case F_U32:
			r = buf_get_u32(in, (uint32_t *)(base + f->off));
			break;
		case F_U64:
			r = buf_get_u64(in, (uint64_t *)(base + f->off));
			break;
		case F_STR:
			r = buf_get_cstring(in, (char **)(base + f->off), NULL,
			    f->max);
			break;
		case F_LIST:
			if ((r = buf_get_u32(in, &count)) != 0)
				break;
			if (count > f->max)
				return SUS_ERR_TOO_LARGE;
			/* Never allocate more than the bytes present justify. */
			if (count > buf_len(in) / layout_min_size(f->sub))
				return SUS_ERR_INCOMPLETE;
			if (count == 0)
				break;
			if ((elems = calloc(count, f->sub->size)) == NULL)
				return SUS_ERR_ALLOC;
			*(uint8_t **)(base + f->off) = elems;
			for (j = 0; j < count && r == 0; j++) {
				r = decode(f->sub, in, elems + j * f->sub->size);
				/* Count what is filled so clear() frees it all. */
				*(uint32_t *)(base + f->count_off) = j + 1;
			}
			break;
		}
	}
	return r;
}

/* Frees what a struct owns by its layout. */
static void
clear(const struct layout *l, void *m)
{
	char		*str;
	uint8_t		*base = m;
	const struct field *f;
	uint8_t		*elems;
	uint32_t	 count, j;
	size_t		 i;

	for (i = 0; i < l->nfields; i++) {
		f = &l->fields[i];
		if (f->type == F_STR) {
			str = *(char **)(base + f->off);
			/* Strings may be passwords or personal data: wipe. */
			if (str != NULL)
				freezero(str, strlen(str) + 1);
			*(char **)(base + f->off) = NULL;
		} else if (f->type == F_LIST) {
			elems = *(uint8_t **)(base + f->off);
			count = *(uint32_t *)(base + f->count_off);
			for (j = 0; elems != NULL && j < count; j++)
				clear(f->sub, elems + j * f->sub->size);
			free(elems);
			*(uint8_t **)(base + f->off) = NULL;
			*(uint32_t *)(base + f->count_off) = 0;
		}
	}
}

/* Appends the encoding of m to out. */
int
msg_encode(uint16_t type, const void *m, struct buf *out)
{
	int	i = msg_find(type);

	if (i < 0)
		return SUS_ERR_INVALID;
	return encode(msg_table[i].layout, m, out);
}

/* Decodes all of in into m; on failure m is left empty. */
int
msg_decode(uint16_t type, struct buf *in, void *m)
{
	const struct layout	*l;
	int			 i = msg_find(type), r;

	if (i < 0)
		return SUS_ERR_INVALID;
	l = msg_table[i].layout;
	if (l->size > 0)
		memset(m, 0, l->size);
	if ((r = decode(l, in, m)) == 0 && buf_len(in) != 0)
		r = SUS_ERR_TRAILING;
	if (r != 0)
		clear(l, m);
	return r;
}

/* Frees what m owns and zeroes it. */
void
msg_clear(uint16_t type, void *m)
{
	int	i = msg_find(type);

	if (i < 0 || m == NULL)
		return;
	clear(msg_table[i].layout, m);
	if (msg_table[i].layout->size > 0)
		memset(m, 0, msg_table[i].layout->size);
}
