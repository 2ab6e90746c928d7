/*
 * The permission matrix of domain.md §4.3 as expectations for the matrix
 * test (matrix.c): one row per request, one column per caller. Written
 * from the domain text, never from server/request.c, so that the two can
 * disagree and the test can say so. Every request susd lists in "susd
 * requests" needs a row here: a new request without one fails the test.
 *
 * YES	allowed on any target
 * OWN	allowed only on a target inside the caller's uppdrag
 * NO	refused
 */
#ifndef MATRIX_EXPECTED_H
#define MATRIX_EXPECTED_H

#include <stdint.h>

#include "proto.h"

enum matrix_want {
	MATRIX_NONE = 0,	/* no expectation: a missing row */
	YES,
	OWN,
	NO
};

/*
 * The callers: the five roles of §4.1, a registered beställare, who
 * holds no role (§4.1 "not a system role") but may order users, and a
 * second deltagaransvarig who holds no uppdrag at all: the role alone
 * must not open an insats's participants (§4.3 "own insats").
 */
enum matrix_col {
	COL_SUPERADMIN,
	COL_SAMVERKANSADMIN,
	COL_INSATSANSVARIG,
	COL_DELTAGARANSVARIG,
	COL_SUSRAPPORT,
	COL_BESTALLARE,
	COL_DELTAGARANSVARIG_UTAN,
	MATRIX_NCOLS
};

struct matrix_expected {
	uint16_t		type;
	enum matrix_want	want[MATRIX_NCOLS];
};

static const struct matrix_expected matrix_expected[] = {
	/*			super	samadm	insats	deltag	rapport	best.	utan */

	/* Session plumbing: anyone, before and after login. */
	{ MSG_LOGIN,		{ YES,	YES,	YES,	YES,	YES,	YES,	YES } },
	{ MSG_PING,		{ YES,	YES,	YES,	YES,	YES,	YES,	YES } },
	{ MSG_BYE,		{ YES,	YES,	YES,	YES,	YES,	YES,	YES } },
	/* Everyone who can log in chooses their own password. */
	{ MSG_PASSWORD_CHANGE,	{ YES,	YES,	YES,	YES,	YES,	YES,	YES } },

	/*
	 * "Read/search pages without personal data": ✔ for every role
	 * (§4.3 last row, rule 20). A beställare holds no role, so Sök
	 * samverkansorg and Sök insatser are not his.
	 */
	{ MSG_SAMORG_SEARCH,	{ YES,	YES,	YES,	YES,	YES,	NO,	YES } },
	{ MSG_INSATS_SEARCH,	{ YES,	YES,	YES,	YES,	YES,	NO,	YES } },
	/*
	 * Visa användare (§5.2: an organisation's users, the uppdrag in a
	 * samverkansorg) and the organisation search it starts from: every
	 * role, and the beställare too, who orders changes and removals
	 * for users he must first find (§4.4 step 3, blankett 9445).
	 */
	{ MSG_USER_SEARCH,	{ YES,	YES,	YES,	YES,	YES,	YES,	YES } },
	{ MSG_UPPDRAG_SEARCH,	{ YES,	YES,	YES,	YES,	YES,	YES,	YES } },
	{ MSG_ORG_SEARCH,	{ YES,	YES,	YES,	YES,	YES,	YES,	YES } },

	/*
	 * FK's Behörighetsadministration (§4.4): roles, activity,
	 * agreements, beställare and the decision on an order. Only the
	 * superadministratör acts for it in the system.
	 */
	{ MSG_ROLE_SET,		{ YES,	NO,	NO,	NO,	NO,	NO,	NO } },
	{ MSG_USER_ACTIVE,	{ YES,	NO,	NO,	NO,	NO,	NO,	NO } },
	{ MSG_AGREEMENT_SAVE,	{ YES,	NO,	NO,	NO,	NO,	NO,	NO } },
	{ MSG_BESTALLARE_SAVE,	{ YES,	NO,	NO,	NO,	NO,	NO,	NO } },
	{ MSG_ORDER_DECIDE,	{ YES,	NO,	NO,	NO,	NO,	NO,	NO } },

	/* Blankett 9445 is the beställare's alone (§4.1, §4.4 step 3). */
	{ MSG_ORDER_SUBMIT,	{ NO,	NO,	NO,	NO,	NO,	YES,	NO } },
	/* Orders: everyone sees those that concern him or he made. */
	{ MSG_ORDER_SEARCH,	{ YES,	YES,	YES,	YES,	YES,	YES,	YES } },

	/*
	 * "Assign/remove samverkansadministratör (insatsansvarig)
	 * uppdrag": ✔ superadmin, ✔ (own) sam.adm, ✖ the rest (rule 13).
	 */
	{ MSG_UPPDRAG_SAVE_SAMORG, { YES, OWN,	NO,	NO,	NO,	NO,	NO } },
	/*
	 * "Assign/remove deltagaransvarig uppdrag": ✔ superadmin, ✔ (own
	 * org's insatser) insatsansvarig, ✖ the rest (rule 14).
	 */
	{ MSG_UPPDRAG_SAVE_INSATS, { YES, NO,	OWN,	NO,	NO,	NO,	NO } },

	/*
	 * Sök samverkansorg's read-only view and the kommun picker it
	 * filters with: read pages without personal data, every role
	 * (rule 20), not the beställare, who holds none.
	 */
	{ MSG_SAMORG_GET,	{ YES,	YES,	YES,	YES,	YES,	NO,	YES } },
	{ MSG_KOMMUN_SEARCH,	{ YES,	YES,	YES,	YES,	YES,	NO,	YES } },
	/*
	 * "Edit beskrivning, slutdatum, contacts, kommun/stadsdel, ingående
	 * org", "Organisation budget/outcome, administrativa kostnader" and
	 * "Kompletterande frågor (create, period, order)": ✔ superadmin,
	 * ✔ (own) sam.adm, ✖ the rest. Reading the budget and the
	 * questions belongs to the same screens.
	 */
	{ MSG_SAMORG_SAVE,	{ YES,	OWN,	NO,	NO,	NO,	NO,	NO } },
	{ MSG_BUDGET_GET,	{ YES,	OWN,	NO,	NO,	NO,	NO,	NO } },
	{ MSG_BUDGET_SAVE,	{ YES,	OWN,	NO,	NO,	NO,	NO,	NO } },
	{ MSG_FRAGA_SEARCH,	{ YES,	OWN,	NO,	NO,	NO,	NO,	NO } },
	{ MSG_FRAGA_SAVE,	{ YES,	OWN,	NO,	NO,	NO,	NO,	NO } },
	{ MSG_FRAGA_DELETE,	{ YES,	OWN,	NO,	NO,	NO,	NO,	NO } },
	{ MSG_FRAGA_ORDER,	{ YES,	OWN,	NO,	NO,	NO,	NO,	NO } },
	/*
	 * Blankett 9447 is sent by whoever is responsible for the förbund
	 * (§4.4), who need hold no role yet: anyone logged in orders and
	 * sees the orders; "Create samverkansorganisation (after 9447)" is
	 * the superadministratör's alone.
	 */
	{ MSG_SAMORG_ORDER_SUBMIT, { YES, YES,	YES,	YES,	YES,	YES,	YES } },
	{ MSG_SAMORG_ORDER_SEARCH, { YES, YES,	YES,	YES,	YES,	YES,	YES } },
	{ MSG_SAMORG_ORDER_DECIDE, { YES, NO,	NO,	NO,	NO,	NO,	NO } },
	/*
	 * Code lists fill every form's choices, the beställare's too;
	 * "Maintain styrdata (code lists, organisations)": superadmin only.
	 */
	{ MSG_KOD_SEARCH,	{ YES,	YES,	YES,	YES,	YES,	YES,	YES } },
	{ MSG_KOD_SAVE,		{ YES,	NO,	NO,	NO,	NO,	NO,	NO } },
	{ MSG_ORG_SAVE,		{ YES,	NO,	NO,	NO,	NO,	NO,	NO } },

	/*
	 * Sök insatser's read-only view: a read page without personal
	 * data, every role (§4.3 last row, rule 20), not the beställare,
	 * who holds none.
	 */
	{ MSG_INSATS_GET,	{ YES,	YES,	YES,	YES,	YES,	NO,	YES } },
	/*
	 * "Create/edit insats, categorise (until locked), insats
	 * budget/outcome": ✔ superadmin, ✖ sam.adm, ✔ (own org)
	 * insatsansvarig, ✖ the rest. Reading the budget year belongs to
	 * the same tab.
	 */
	{ MSG_INSATS_SAVE,	{ YES,	NO,	OWN,	NO,	NO,	NO,	NO } },
	{ MSG_INSATS_BUDGET_GET, { YES,	NO,	OWN,	NO,	NO,	NO,	NO } },
	{ MSG_INSATS_BUDGET_SAVE, { YES, NO,	OWN,	NO,	NO,	NO,	NO } },
	/*
	 * "Register counts in volyminsats": ✖ superadmin, ✖ sam.adm,
	 * ✔ (own) insatsansvarig, ✖ the rest; the counts are read on the
	 * same screen.
	 */
	{ MSG_VOLYM_GET,	{ NO,	NO,	OWN,	NO,	NO,	NO,	NO } },
	{ MSG_VOLYM_SAVE,	{ NO,	NO,	OWN,	NO,	NO,	NO,	NO } },
	/*
	 * Startsida (§5.1): the first page after login, for everyone who
	 * can log in, the beställare too; it shows only what the caller's
	 * roles and uppdrag reach.
	 */
	{ MSG_START_GET,	{ YES,	YES,	YES,	YES,	YES,	YES,	YES } },

	/*
	 * "Register / correct participant with personnummer; view
	 * participant personal data": ✖ for every role but the
	 * deltagaransvarig, and for him only on his own insats (§4.3; "who
	 * sees personal data: only deltagaransvariga, and only for
	 * participants in the insatser where they hold an uppdrag"). The
	 * superadministratör, whose other rights pass every uppdrag, has
	 * none here; nor has a deltagaransvarig without an uppdrag on the
	 * insats. The list, the person's own view, "Hämta", a registration
	 * and a withdrawn consent are all such access.
	 */
	{ MSG_DELTAGARE_SEARCH,	{ NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	{ MSG_DELTAGARE_GET,	{ NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	{ MSG_PERSON_LOOKUP,	{ NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	{ MSG_DELTAGARE_SAVE,	{ NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	/* Many registrations at once (issue 7): the same as one. */
	{ MSG_BATCH_DELTAGARE,	{ NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	{ MSG_SAMTYCKE_ATERKALLA, { NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	/* The kompletterande frågor of the registration form, the same. */
	{ MSG_DELTAGARE_FRAGOR,	{ NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	/*
	 * "Register anonymous participants": ✖ superadmin, ✖ sam.adm,
	 * ✖ insatsansvarig, ✔ (own) deltagaransvarig, ✖ SUSrapport; the
	 * year's counts are read on the same screen.
	 */
	{ MSG_ANONYM_GET,	{ NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	{ MSG_ANONYM_SAVE,	{ NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	/* Imported in batches (issue 7): whoever may save them one by one. */
	{ MSG_BATCH_ANONYM,	{ NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	{ MSG_BATCH_VOLYM,	{ NO,	NO,	OWN,	NO,	NO,	NO,	NO } },

	/*
	 * Af/FK-samarbetet (issue 8, §4.3, rules 51-53). The offices,
	 * insatstyper and questions fill every Af/FK form and the office
	 * lists, and hold no personal data: anyone who can log in. The
	 * offices themselves are styrdata: "Maintain styrdata",
	 * superadmin only.
	 */
	/*
	 * Reports (issue 9, §4.3 "Reports (aggregated, no personal data)"):
	 * every role, SUSrapport included; a beställare without a role has
	 * no SUSrapport (rule 19 gives it only with a role).
	 */
	{ MSG_RAPPORT_DEFS_GET,	{ YES,	YES,	YES,	YES,	YES,	NO,	YES } },
	{ MSG_RAPPORT_RUN,	{ YES,	YES,	YES,	YES,	YES,	NO,	YES } },
	{ MSG_AFFK_STYRDATA_GET, { YES,	YES,	YES,	YES,	YES,	YES,	YES } },
	{ MSG_AFFK_KONTOR_SAVE,	{ YES,	NO,	NO,	NO,	NO,	NO,	NO } },
	/*
	 * Registrera medverkan, övergångar, uppgifter, Historik, Visa
	 * deltagare and Byt kontor are participant personal data: the
	 * deltagaransvarig's alone, and only on an office (an insats of
	 * the fixed organisations) where he holds an uppdrag (rule 51).
	 * The targets are no offices: inside, the request table lets him
	 * through and the handler then refuses (not an office).
	 */
	{ MSG_AFFK_MEDVERKAN_SAVE, { NO, NO,	NO,	OWN,	NO,	NO,	NO } },
	{ MSG_AFFK_OVERGANG_SAVE, { NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	{ MSG_AFFK_UPPGIFTER_SAVE, { NO, NO,	NO,	OWN,	NO,	NO,	NO } },
	{ MSG_AFFK_HISTORIK_GET, { NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	{ MSG_AFFK_SOK,		{ NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
	{ MSG_AFFK_BYT_KONTOR,	{ NO,	NO,	NO,	OWN,	NO,	NO,	NO } },
};

#endif
