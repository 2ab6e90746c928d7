/*
 * The SUS menu tree (domain.md §5.1) as a table: each row names its parent,
 * the roles that may see it and the screen it opens. Adding a screen means
 * adding a row here and a file.
 */
#include <string.h>

#include "affk.h"
#include "client.h"
#include "deltagande.h"
#include "insats.h"
#include "proto.h"
#include "rapport.h"
#include "xmalloc.h"

/*
 * Only what exists is listed: a row appears with its screen, never as a
 * placeholder.
 */
#define ANYONE	(ROLE_ANY | ROLE_BESTALLARE)

const struct menu_item menu_items[] = {
	{ "start", "Startsida", NULL, ANYONE, scr_start_new, ACT_NONE },
	{ "admin", "Administration", NULL, ROLE_SUPERADMIN, NULL, ACT_NONE },
	{ "admin.anv", "Användare", "admin", ROLE_SUPERADMIN,
	    scr_anvandare_new, ACT_NONE },
	{ "admin.avtal", "Överenskommelser", "admin", ROLE_SUPERADMIN,
	    scr_agreement_new, ACT_NONE },
	{ "admin.best", "Behandla beställningar", "admin", ROLE_SUPERADMIN,
	    scr_order_inbox_new, ACT_NONE },
	{ "admin.samorg", "Beställda samorg", "admin", ROLE_SUPERADMIN,
	    scr_samorg_order_inbox_new, ACT_NONE },
	{ "admin.kod", "Kodlistor", "admin", ROLE_SUPERADMIN,
	    scr_styrdata_new, ACT_NONE },
	{ "admin.org", "Organisationer", "admin", ROLE_SUPERADMIN,
	    scr_orgreg_new, ACT_NONE },
	{ "admin.affk", "Af/FK-kontor", "admin", ROLE_SUPERADMIN,
	    scr_affk_kontor_new, ACT_NONE },
	{ "samorg", "Samverkansorganisation", NULL, ROLE_ANY, NULL, ACT_NONE },
	{ "samorg.hantera", "Hantera samverkansorg", "samorg",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, scr_samorg_edit_new,
	    ACT_NONE },
	{ "samorg.fragor", "Hantera frågor", "samorg",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, scr_fraga_new, ACT_NONE },
	{ "samorg.uppdrag", "Hantera uppdrag", "samorg",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, scr_uppdrag_samorg_new,
	    ACT_NONE },
	{ "samorg.sok", "Sök samverkansorg", "samorg", ROLE_ANY,
	    scr_samorg_new, ACT_NONE },
	{ "samorg.bestall", "Beställ samverkansorg", "samorg", ROLE_ANY,
	    scr_samorg_order_new, ACT_NONE },
	{ "insats", "Insats", NULL, ROLE_ANY, NULL, ACT_NONE },
	{ "insats.ny", "Registrera ny insats", "insats",
	    ROLE_SUPERADMIN | ROLE_INSATSANSVARIG, scr_insats_ny_new,
	    ACT_NONE },
	{ "insats.sok", "Sök insatser", "insats", ROLE_ANY, scr_insats_new,
	    ACT_NONE },
	{ "insats.volym", "Antal i volyminsats", "insats",
	    ROLE_INSATSANSVARIG, scr_volym_new, ACT_NONE },
	{ "insats.uppdrag", "Deltagaransvariga", "insats",
	    ROLE_SUPERADMIN | ROLE_INSATSANSVARIG, scr_uppdrag_insats_new,
	    ACT_NONE },
	{ "deltag", "Deltagande", NULL, ROLE_DELTAGARANSVARIG, NULL,
	    ACT_NONE },
	{ "deltag.reg", "Registrera deltagare", "deltag",
	    ROLE_DELTAGARANSVARIG, scr_deltagare_new, ACT_NONE },
	{ "deltag.anonym", "Anonyma deltagare", "deltag",
	    ROLE_DELTAGARANSVARIG, scr_anonym_new, ACT_NONE },
	{ "deltag.snabb", "Snabbregistrering", "deltag",
	    ROLE_DELTAGARANSVARIG, scr_grid_in_new, ACT_NONE },
	{ "deltag.snabbut", "Snabb utregistrering", "deltag",
	    ROLE_DELTAGARANSVARIG, scr_grid_ut_new, ACT_NONE },
	{ "affk", "Af/FK-samarbete", NULL, ROLE_AFFK, NULL, ACT_NONE },
	{ "affk.medverkan", "Registrera medverkan", "affk", ROLE_AFFK,
	    scr_affk_medverkan_new, ACT_NONE },
	{ "affk.historik", "Historik deltagare", "affk", ROLE_AFFK,
	    scr_affk_historik_new, ACT_NONE },
	{ "affk.visa", "Visa deltagare", "affk", ROLE_AFFK,
	    scr_affk_sok_new, ACT_NONE },
	{ "affk.byt", "Byt kontor", "affk", ROLE_AFFK, scr_affk_byt_new,
	    ACT_NONE },
	{ "affk.anonym", "Anonyma Af/FK", "affk", ROLE_AFFK,
	    scr_affk_anonym_new, ACT_NONE },
	{ "rapf", "Rapporter Finsam", NULL, ROLE_ANY, NULL, ACT_NONE },
	{ "rapf.insats", "Insatsrapport", "rapf", ROLE_ANY,
	    scr_rapport_insats_new, ACT_NONE },
	{ "rapf.deltagare", "Deltagarrapport", "rapf", ROLE_ANY,
	    scr_rapport_deltagare_new, ACT_NONE },
	{ "rapf.kostnad", "Kostnadsrapport", "rapf", ROLE_ANY,
	    scr_rapport_kostnad_new, ACT_NONE },
	{ "rapf.standard", "Standardrapport", "rapf", ROLE_ANY,
	    scr_rapport_standard_new, ACT_NONE },
	{ "rapa", "Rapporter Af/FK", NULL, ROLE_ANY, NULL, ACT_NONE },
	{ "rapa.deltagare", "Deltagarrapport Af/FK", "rapa", ROLE_ANY,
	    scr_rapport_affk_deltagare_new, ACT_NONE },
	{ "rapa.status", "Standardrapport status", "rapa", ROLE_ANY,
	    scr_rapport_affk_status_new, ACT_NONE },
	{ "bestall", "Beställningar", NULL, ROLE_BESTALLARE, NULL, ACT_NONE },
	{ "bestall.ny", "Beställ behörighet", "bestall", ROLE_BESTALLARE,
	    scr_order_new_new, ACT_NONE },
	{ "bestall.mina", "Mina beställningar", "bestall", ROLE_BESTALLARE,
	    scr_order_mine_new, ACT_NONE },
	{ "visa", "Visa användare", NULL, ANYONE, NULL, ACT_NONE },
	{ "visa.uppdrag", "Uppdrag i samverkansorg", "visa", ROLE_ANY,
	    scr_visa_uppdrag_new, ACT_NONE },
	{ "visa.org", "Per organisation", "visa", ANYONE,
	    scr_visa_org_new, ACT_NONE },
	{ "losen", "Byt lösenord", NULL, ANYONE, scr_password_new, ACT_NONE },
	{ "logout", "Logga ut", NULL, ANYONE, NULL, ACT_QUIT },
};
const size_t menu_nitems = sizeof menu_items / sizeof menu_items[0];
/* Closed headings are one bit each in a uint64_t. */
_Static_assert(sizeof menu_items / sizeof menu_items[0] <= 64,
    "the menu tree has more rows than a closed set holds");

/* Finds an item by id. */
static const struct menu_item *
menu_find(const struct menu_item *tab, size_t n, const char *id)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(tab[i].id, id) == 0)
			return &tab[i];
	}
	return NULL;
}

/* Reports whether roles may use the item itself and all its ancestors. */
static int
menu_allowed(const struct menu_item *tab, size_t n,
    const struct menu_item *it, uint32_t roles)
{
	int	depth = 0;

	while (it != NULL && depth++ < 16) {
		if ((it->roles & roles) == 0)
			return 0;
		if (it->parent == NULL)
			return 1;
		it = menu_find(tab, n, it->parent);
	}
	return 0;
}

/* Reports whether an item is a heading that opens nothing by itself. */
int
menu_is_heading(const struct menu_item *it)
{
	return it->open == NULL && it->action == ACT_NONE;
}

/* Reports whether a heading has at least one visible leaf below it. */
static int
menu_has_child(const struct menu_item *tab, size_t n,
    const struct menu_item *it, uint32_t roles)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (tab[i].parent == NULL || strcmp(tab[i].parent, it->id) != 0)
			continue;
		if (!menu_allowed(tab, n, &tab[i], roles))
			continue;
		if (!menu_is_heading(&tab[i]) ||
		    menu_has_child(tab, n, &tab[i], roles))
			return 1;
	}
	return 0;
}

/* The bit of an item in a set of closed headings. */
uint64_t
menu_bit(const struct menu_item *tab, const struct menu_item *it)
{
	size_t	i = (size_t)(it - tab);

	return i < 64 ? (uint64_t)1 << i : 0;
}

/* Finds the parent of an item. */
const struct menu_item *
menu_parent(const struct menu_item *tab, size_t n, const struct menu_item *it)
{
	return it->parent != NULL ? menu_find(tab, n, it->parent) : NULL;
}

/* Reports whether any heading above an item is closed. */
static int
menu_hidden_by(const struct menu_item *tab, size_t n,
    const struct menu_item *it, uint64_t closed)
{
	int	depth = 0;

	while ((it = menu_parent(tab, n, it)) != NULL && depth++ < 16) {
		if (closed & menu_bit(tab, it))
			return 1;
	}
	return 0;
}

/* Lists what roles may see, hiding headings left without children. */
size_t
menu_visible(const struct menu_item *tab, size_t n, uint32_t roles,
    uint64_t closed, const struct menu_item **out, size_t max)
{
	size_t	i, count = 0;

	for (i = 0; i < n && count < max; i++) {
		if (!menu_allowed(tab, n, &tab[i], roles))
			continue;
		if (menu_hidden_by(tab, n, &tab[i], closed))
			continue;
		if (menu_is_heading(&tab[i]) &&
		    !menu_has_child(tab, n, &tab[i], roles))
			continue;
		out[count++] = &tab[i];
	}
	return count;
}

/* Counts the ancestors of an item. */
int
menu_depth(const struct menu_item *tab, size_t n, const struct menu_item *it)
{
	int	depth = 0;

	while (it->parent != NULL && depth < 16) {
		it = menu_find(tab, n, it->parent);
		if (it == NULL)
			break;
		depth++;
	}
	return depth;
}

/* Joins the Swedish role names of a ROLE_* set. */
void
menu_role_names(uint32_t roles, char *out, size_t len)
{
	if ((roles & ROLE_ANY) == 0)
		strlcpy(out, "inga roller", len);
	else
		role_names(roles, out, len);
}
