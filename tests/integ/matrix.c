/*
 * The permission matrix: every request susd knows, called by every kind
 * of caller of domain.md §4.3, on a target inside and one outside the
 * caller's uppdrag, must be allowed or refused as matrix_expected.h says.
 *
 * The requests are not listed here: matrix.sh runs "susd requests" and
 * names its output in MATRIX_REQUESTS, so a request added to the server
 * without an expected row is a wrong case, not a silent gap. The targets'
 * ids come from the database (MATRIX_SAMORG_IN and so on, see matrix.sh).
 * A reply of ERR_FORBIDDEN is a refusal; any other answer (OK, a list,
 * ERR_VALIDATION, ERR_NOT_FOUND, ERR_UNSUPPORTED from a stub) means the
 * request got past authorisation. The bodies are harmless: every call
 * that is allowed must change nothing (a user or order that does not
 * exist, a date that cannot be, a password that breaks the rules), so
 * the demo users stay as they were. Ends with one line
 * "permission matrix: N cases, W wrong"; MATRIX_VERBOSE=1 also prints
 * every answer as a "#" line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "integ.h"
#include "matrix_expected.h"
#include "msg.h"
#include "proto.h"
#include "xmalloc.h"

/* Most rows "susd requests" may print; more is an error, not a cut. */
#define MATRIX_MAX_REQUESTS	256
/* No user, order or organisation has this id in any test database. */
#define MATRIX_NO_ID		999999
/* Right for every demo user; too short for a new password (rule). */
#define MATRIX_SHORT_PASSWORD	"kort"
/* A date no calendar has: a save carrying it cannot change anything. */
#define MATRIX_BAD_DATE		"2026-13-45"
/* Not the version of any row: a save carrying it is a stale one. */
#define MATRIX_STALE		"stale"
/* Before every organisation's start year: no budget may exist there. */
#define MATRIX_EARLY_YEAR	1990
/* FINSAM (schema 0002), the form of both target organisations. */
#define MATRIX_FINSAM		1
/* A month no calendar has: a count carrying it cannot be stored. */
#define MATRIX_BAD_MONTH	"2026-13"

struct matrix_builder;

/* One row of "susd requests": type, name, prelogin|login, roles, scope. */
struct matrix_request {
	uint16_t	 type;
	char		 name[64];
	const struct matrix_expected *want;
	const struct matrix_builder *builder;
};

/* A caller: the column of §4.3, the demo user and what LOGIN_OK says. */
struct matrix_caller {
	enum matrix_col	 col;
	const char	*column;
	const char	*user;
	uint32_t	 roles;
};

/* A target: ids from the database, names as the demo data has them. */
struct matrix_target {
	const char	*scope;		/* "inside" or "outside" */
	const char	*samorg_env;
	const char	*insats_env;
	const char	*org_env;
	const char	*samorg_name;
	const char	*samorg_orgnr;	/* as the demo data has them, so a */
	const char	*samorg_start;	/* save changes no locked field */
	const char	*org_name;
	uint32_t	 samorg;
	uint32_t	 insats;
	uint32_t	 org;
};

/* Room for any request body the builders make. */
union matrix_body {
	struct msg_login		login;
	struct msg_ping			ping;
	struct msg_password_change	password;
	struct msg_samorg_search	samorg;
	struct msg_insats_search	insats;
	struct msg_user_search		user;
	struct msg_role_set		role;
	struct msg_user_active		active;
	struct msg_org_search		org;
	struct msg_agreement_save	agreement;
	struct msg_bestallare_save	bestallare;
	struct msg_order_submit		submit;
	struct msg_order_search		orders;
	struct msg_order_decide		decide;
	struct msg_uppdrag_search	uppdrag;
	struct msg_uppdrag_save		save;
	struct msg_samorg_get		samorg_get;
	struct msg_samorg		samorg_save;
	struct msg_kommun_search	kommun;
	struct msg_samorg_order_submit	samorg_submit;
	struct msg_samorg_order_search	samorg_orders;
	struct msg_samorg_order_decide	samorg_decide;
	struct msg_budget_get		budget_get;
	struct msg_budget		budget;
	struct msg_fraga_search		fragor;
	struct msg_fraga		fraga;
	struct msg_fraga_delete		fraga_delete;
	struct msg_fraga_order		fraga_order;
	struct msg_kod_search		kod;
	struct kod_row			kod_save;
	struct msg_org_save		org_save;
	struct msg_insats_get		insats_get;
	struct msg_insats		insats_save;
	struct msg_insats_budget_get	insats_budget_get;
	struct msg_insats_budget	insats_budget;
	struct msg_volym_get		volym_get;
	struct msg_volym_save		volym_save;
};

/* Fills b for the target and caller; returns the body (NULL = empty). */
typedef const void *(*matrix_build)(union matrix_body *,
    const struct matrix_target *, const struct matrix_caller *);

struct matrix_builder {
	uint16_t	 type;
	matrix_build	 build;
};

/* What came back, as far as authorisation goes. */
enum matrix_got {
	GOT_ALLOWED,
	GOT_REFUSED,
	GOT_UNKNOWN		/* no answer, or one that says nothing */
};

/* The demo users, one per column (schema/demo.sql). */
static const struct matrix_caller matrix_callers[] = {
	{ COL_SUPERADMIN, "superadmin", "admin",
	    ROLE_SUPERADMIN | ROLE_SUSRAPPORT },
	{ COL_SAMVERKANSADMIN, "samverkansadmin", "samadm",
	    ROLE_SAMVERKANSADMIN | ROLE_SUSRAPPORT },
	{ COL_INSATSANSVARIG, "insatsansvarig", "insatsansv",
	    ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT },
	{ COL_DELTAGARANSVARIG, "deltagaransvarig", "deltagaransv",
	    ROLE_DELTAGARANSVARIG | ROLE_SUSRAPPORT },
	{ COL_SUSRAPPORT, "susrapport", "rapport", ROLE_SUSRAPPORT },
	{ COL_BESTALLARE, "beställare", "bestallare", ROLE_BESTALLARE },
};
#define MATRIX_NCALLERS	(sizeof matrix_callers / sizeof matrix_callers[0])
_Static_assert(sizeof matrix_callers / sizeof matrix_callers[0] ==
    MATRIX_NCOLS, "one demo user per column of the matrix");

/*
 * Inside: where samadm and insatsansv hold their uppdrag and deltagaransv
 * works. Outside: another förbund, where none of them has one.
 */
static struct matrix_target matrix_targets[] = {
	{ "inside", "MATRIX_SAMORG_IN", "MATRIX_INSATS_IN", "MATRIX_ORG_IN",
	    "Samordningsförbundet Göteborg", "222222-0101", "2005-01-01",
	    "Göteborgs stad", 0, 0, 0 },
	{ "outside", "MATRIX_SAMORG_OUT", "MATRIX_INSATS_OUT",
	    "MATRIX_ORG_OUT", "Samordningsförbundet Stockholms stad",
	    "222222-0102", "2009-03-01", "Stockholms stad", 0, 0, 0 },
};
#define MATRIX_NTARGETS	(sizeof matrix_targets / sizeof matrix_targets[0])

static struct matrix_request	matrix_requests[MATRIX_MAX_REQUESTS];
static size_t			matrix_nrequests;

/* LOGIN after login: refused as a bad request, never as forbidden. */
static const void *
build_login(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	b->login.username = (char *)c->user;
	b->login.password = (char *)INTEG_DEMO_PASSWORD;
	return &b->login;
}

static const void *
build_ping(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->ping.nonce = 0x6d6174726978ULL;
	return &b->ping;
}

static const void *
build_empty(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)b;
	(void)t;
	(void)c;
	return NULL;
}

/*
 * The right old password (a wrong one counts towards the lockout) and a
 * new one the rules refuse, so the password stays what it was.
 */
static const void *
build_password(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->password.old_password = (char *)INTEG_DEMO_PASSWORD;
	b->password.new_password = (char *)MATRIX_SHORT_PASSWORD;
	return &b->password;
}

static const void *
build_samorg_search(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->samorg.pattern = (char *)t->samorg_name;
	b->samorg.limit = 10;
	return &b->samorg;
}

static const void *
build_insats_search(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->insats.samorg_id = t->samorg;
	b->insats.pattern = (char *)"";
	b->insats.limit = 10;
	return &b->insats;
}

static const void *
build_user_search(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->user.fornamn = (char *)"";
	b->user.efternamn = (char *)"";
	b->user.arbetsgivare = (char *)"";
	b->user.organisation_id = t->org;
	b->user.limit = 10;
	return &b->user;
}

static const void *
build_role_set(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->role.user_id = MATRIX_NO_ID;
	b->role.roles = ROLE_SUSRAPPORT;
	return &b->role;
}

static const void *
build_user_active(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->active.user_id = MATRIX_NO_ID;
	b->active.aktiv = 1;
	return &b->active;
}

static const void *
build_org_search(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->org.pattern = (char *)t->org_name;
	b->org.limit = 10;
	return &b->org;
}

/* A real organisation, but a date no database can store. */
static const void *
build_agreement_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->agreement.organisation_id = t->org;
	b->agreement.undertecknad = (char *)MATRIX_BAD_DATE;
	b->agreement.upphor = (char *)"";
	return &b->agreement;
}

static const void *
build_bestallare_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->bestallare.user_id = MATRIX_NO_ID;
	b->bestallare.giltig_from = (char *)MATRIX_BAD_DATE;
	b->bestallare.giltig_tom = (char *)MATRIX_BAD_DATE;
	return &b->bestallare;
}

/* No kind of order and no username: nothing any handler could store. */
static const void *
build_order_submit(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->submit.typ = 0;
	b->submit.username = (char *)"";
	b->submit.fornamn = (char *)"";
	b->submit.efternamn = (char *)"";
	b->submit.epost = (char *)"";
	b->submit.roles = ROLE_SUSRAPPORT;
	return &b->submit;
}

static const void *
build_order_search(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->orders.limit = 10;
	return &b->orders;
}

static const void *
build_order_decide(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->decide.order_id = MATRIX_NO_ID;
	b->decide.approve = 0;
	b->decide.kommentar = (char *)"Behörighetsmatrisen";
	return &b->decide;
}

static const void *
build_uppdrag_search(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->uppdrag.samorg_id = t->samorg;
	b->uppdrag.limit = 10;
	return &b->uppdrag;
}

/* One Spara with nothing added or removed, on the samverkansorg. */
static const void *
build_save_samorg(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->save.target_id = t->samorg;
	return &b->save;
}

/* The same on the insats. */
static const void *
build_save_insats(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->save.target_id = t->insats;
	return &b->save;
}

static const void *
build_samorg_get(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->samorg_get.id = t->samorg;
	return &b->samorg_get;
}

/* A kommun that does not exist, for the panel of a refused save. */
static struct samorg_kommun matrix_no_kommun = {
	(char *)"9999", (char *)"", 0, (char *)"", (char *)""
};

/*
 * Hantera samverkansorg: the locked fields (namn, form, startdatum) as
 * they are, so no finer rule refuses a samverkansadministratör, and a
 * stale version, an impossible slutdatum and a kommun that does not
 * exist, any of which refuses the save.
 */
static const void *
build_samorg_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->samorg_save.id = t->samorg;
	b->samorg_save.namn = (char *)t->samorg_name;
	b->samorg_save.organisationsnummer = (char *)t->samorg_orgnr;
	b->samorg_save.samverkansform_id = MATRIX_FINSAM;
	b->samorg_save.startdatum = (char *)t->samorg_start;
	b->samorg_save.slutdatum = (char *)MATRIX_BAD_DATE;
	b->samorg_save.andrad = (char *)MATRIX_STALE;
	b->samorg_save.nkommuner = 1;
	b->samorg_save.kommuner = &matrix_no_kommun;
	return &b->samorg_save;
}

static const void *
build_kommun_search(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->kommun.lanskod = (char *)"14";
	b->kommun.pattern = (char *)"Göte*";
	b->kommun.limit = 10;
	return &b->kommun;
}

/* A 9447 order without a name and with a date that cannot be. */
static const void *
build_samorg_submit(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->samorg_submit.namn = (char *)"";
	b->samorg_submit.organisationsnummer = (char *)"";
	b->samorg_submit.samverkansform_id = MATRIX_FINSAM;
	b->samorg_submit.startdatum = (char *)MATRIX_BAD_DATE;
	b->samorg_submit.admin_id = MATRIX_NO_ID;
	return &b->samorg_submit;
}

static const void *
build_samorg_orders(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->samorg_orders.limit = 10;
	return &b->samorg_orders;
}

static const void *
build_samorg_decide(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->samorg_decide.order_id = MATRIX_NO_ID;
	b->samorg_decide.approve = 0;
	b->samorg_decide.kommentar = (char *)"Behörighetsmatrisen";
	return &b->samorg_decide;
}

static const void *
build_budget_get(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->budget_get.samorg_id = t->samorg;
	b->budget_get.ar = 2024;
	return &b->budget_get;
}

/* No lines for a year before the start: nothing there to replace. */
static const void *
build_budget_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->budget.samorg_id = t->samorg;
	b->budget.ar = MATRIX_EARLY_YEAR;
	return &b->budget;
}

static const void *
build_fraga_search(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->fragor.samorg_id = t->samorg;
	b->fragor.datum = (char *)"";
	return &b->fragor;
}

/* A new question without text, valid from a date that cannot be. */
static const void *
build_fraga_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->fraga.samorg_id = t->samorg;
	b->fraga.namn = (char *)"";
	b->fraga.giltig_from = (char *)MATRIX_BAD_DATE;
	b->fraga.giltig_tom = (char *)"";
	b->fraga.mattillfalle = FRAGA_IN;
	b->fraga.svarstyp = SVAR_JANEJ;
	return &b->fraga;
}

static const void *
build_fraga_delete(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->fraga_delete.samorg_id = t->samorg;
	b->fraga_delete.fraga_id = MATRIX_NO_ID;
	return &b->fraga_delete;
}

/* An order naming a question no organisation has. */
static struct fraga_ref matrix_no_fraga = { MATRIX_NO_ID };

static const void *
build_fraga_order(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->fraga_order.samorg_id = t->samorg;
	b->fraga_order.nids = 1;
	b->fraga_order.ids = &matrix_no_fraga;
	return &b->fraga_order;
}

static const void *
build_kod_search(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->kod.lista = (char *)"";
	return &b->kod;
}

/* A code that does not exist, renamed to nothing. */
static const void *
build_kod_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->kod_save.id = MATRIX_NO_ID;
	b->kod_save.lista = (char *)"malgrupp";
	b->kod_save.kod = (char *)"";
	b->kod_save.namn = (char *)"";
	b->kod_save.aktiv = 1;
	return &b->kod_save;
}

/* An organisation that does not exist, with no name and no type. */
static const void *
build_org_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->org_save.id = MATRIX_NO_ID;
	b->org_save.namn = (char *)"";
	b->org_save.organisationstyp = (char *)"";
	b->org_save.kommunkod = (char *)"";
	b->org_save.lanskod = (char *)"";
	b->org_save.aktiv = 1;
	return &b->org_save;
}

/*
 * The insats targets are Steget vidare (inside) and Järva jobbstart
 * (outside), each with the samverkansorg that owns it, so the save is
 * judged by role and uppdrag alone.
 */
static const void *
build_insats_get(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->insats_get.id = t->insats;
	return &b->insats_get;
}

/*
 * Registrera insats on the existing insats: no name, a startdatum that
 * cannot be and a stale version, any of which refuses the save; nothing
 * added to or removed from the deltagaransvariga.
 */
static const void *
build_insats_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->insats_save.id = t->insats;
	b->insats_save.samorg_id = t->samorg;
	b->insats_save.namn = (char *)"";
	b->insats_save.beskrivning = (char *)"";
	b->insats_save.startdatum = (char *)MATRIX_BAD_DATE;
	b->insats_save.slutdatum = (char *)"";
	b->insats_save.andrad = (char *)MATRIX_STALE;
	return &b->insats_save;
}

static const void *
build_insats_budget_get(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->insats_budget_get.insats_id = t->insats;
	return &b->insats_budget_get;
}

/* No planned number and no lines for a year before every insats. */
static const void *
build_insats_budget_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->insats_budget.insats_id = t->insats;
	b->insats_budget.ar = MATRIX_EARLY_YEAR;
	return &b->insats_budget;
}

static const void *
build_volym_get(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->volym_get.insats_id = t->insats;
	return &b->volym_get;
}

/*
 * Counts for a month that cannot be, on an insats that registers
 * persons (both targets do): refused twice over once allowed.
 */
static const void *
build_volym_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->volym_save.insats_id = t->insats;
	b->volym_save.period = (char *)MATRIX_BAD_MONTH;
	b->volym_save.kvinnor = 1;
	b->volym_save.kommentar = (char *)"";
	return &b->volym_save;
}

static const struct matrix_builder matrix_builders[] = {
	{ MSG_LOGIN, build_login },
	{ MSG_PING, build_ping },
	{ MSG_BYE, build_empty },
	{ MSG_PASSWORD_CHANGE, build_password },
	{ MSG_SAMORG_SEARCH, build_samorg_search },
	{ MSG_INSATS_SEARCH, build_insats_search },
	{ MSG_USER_SEARCH, build_user_search },
	{ MSG_ROLE_SET, build_role_set },
	{ MSG_USER_ACTIVE, build_user_active },
	{ MSG_ORG_SEARCH, build_org_search },
	{ MSG_AGREEMENT_SAVE, build_agreement_save },
	{ MSG_BESTALLARE_SAVE, build_bestallare_save },
	{ MSG_ORDER_SUBMIT, build_order_submit },
	{ MSG_ORDER_SEARCH, build_order_search },
	{ MSG_ORDER_DECIDE, build_order_decide },
	{ MSG_UPPDRAG_SEARCH, build_uppdrag_search },
	{ MSG_UPPDRAG_SAVE_SAMORG, build_save_samorg },
	{ MSG_UPPDRAG_SAVE_INSATS, build_save_insats },
	{ MSG_SAMORG_GET, build_samorg_get },
	{ MSG_SAMORG_SAVE, build_samorg_save },
	{ MSG_KOMMUN_SEARCH, build_kommun_search },
	{ MSG_SAMORG_ORDER_SUBMIT, build_samorg_submit },
	{ MSG_SAMORG_ORDER_SEARCH, build_samorg_orders },
	{ MSG_SAMORG_ORDER_DECIDE, build_samorg_decide },
	{ MSG_BUDGET_GET, build_budget_get },
	{ MSG_BUDGET_SAVE, build_budget_save },
	{ MSG_FRAGA_SEARCH, build_fraga_search },
	{ MSG_FRAGA_SAVE, build_fraga_save },
	{ MSG_FRAGA_DELETE, build_fraga_delete },
	{ MSG_FRAGA_ORDER, build_fraga_order },
	{ MSG_KOD_SEARCH, build_kod_search },
	{ MSG_KOD_SAVE, build_kod_save },
	{ MSG_ORG_SAVE, build_org_save },
	{ MSG_INSATS_GET, build_insats_get },
	{ MSG_INSATS_SAVE, build_insats_save },
	{ MSG_INSATS_BUDGET_GET, build_insats_budget_get },
	{ MSG_INSATS_BUDGET_SAVE, build_insats_budget_save },
	{ MSG_VOLYM_GET, build_volym_get },
	{ MSG_VOLYM_SAVE, build_volym_save },
	{ MSG_START_GET, build_empty },
};

/* The expected row for a type, or NULL. */
static const struct matrix_expected *
matrix_find_expected(uint16_t type)
{
	size_t	i;

	for (i = 0; i < sizeof matrix_expected / sizeof matrix_expected[0];
	    i++) {
		if (matrix_expected[i].type == type)
			return &matrix_expected[i];
	}
	return NULL;
}

/* The body builder for a type, or NULL. */
static const struct matrix_builder *
matrix_find_builder(uint16_t type)
{
	size_t	i;

	for (i = 0; i < sizeof matrix_builders / sizeof matrix_builders[0];
	    i++) {
		if (matrix_builders[i].type == type)
			return &matrix_builders[i];
	}
	return NULL;
}

/*
 * Reads the server's request table from the file in MATRIX_REQUESTS:
 * "type TAB name TAB prelogin|login TAB roles TAB scope TAB personal".
 * Only the type and name are used; the roles column is what is tested,
 * so it is never read.
 */
static int
matrix_load(void)
{
	const char	*path = getenv("MATRIX_REQUESTS");
	struct matrix_request *r;
	FILE		*fp;
	char		 line[512], *p, *type, *name, *phase, *end;
	unsigned long	 v;
	size_t		 i, lineno = 0;
	int		 rv = -1;

	matrix_nrequests = 0;
	if (path == NULL || *path == '\0')
		return fail("MATRIX_REQUESTS is not set (see matrix.sh)");
	if ((fp = fopen(path, "r")) == NULL)
		return fail("%s: %s", path, strerror(errno));
	while (fgets(line, sizeof line, fp) != NULL) {
		lineno++;
		if ((p = strchr(line, '\n')) == NULL) {
			fail("%s:%zu: line too long", path, lineno);
			goto out;
		}
		*p = '\0';
		p = line;
		type = strsep(&p, "\t");
		name = strsep(&p, "\t");
		phase = strsep(&p, "\t");
		errno = 0;
		v = strtoul(type, &end, 10);
		if (name == NULL || phase == NULL || *type == '\0' ||
		    *end != '\0' || errno != 0 || v == 0 || v > UINT16_MAX ||
		    (strcmp(phase, "prelogin") != 0 &&
		    strcmp(phase, "login") != 0)) {
			fail("%s:%zu: not a request row", path, lineno);
			goto out;
		}
		if (matrix_nrequests == MATRIX_MAX_REQUESTS) {
			fail("%s: more than %d requests", path,
			    MATRIX_MAX_REQUESTS);
			goto out;
		}
		for (i = 0; i < matrix_nrequests; i++) {
			if (matrix_requests[i].type == v) {
				fail("%s:%zu: type %lu twice", path, lineno, v);
				goto out;
			}
		}
		r = &matrix_requests[matrix_nrequests++];
		r->type = (uint16_t)v;
		strlcpy(r->name, name, sizeof r->name);
		r->want = matrix_find_expected(r->type);
		r->builder = matrix_find_builder(r->type);
	}
	if (ferror(fp)) {
		fail("%s: %s", path, strerror(errno));
		goto out;
	}
	if (matrix_nrequests == 0) {
		fail("%s: no requests", path);
		goto out;
	}
	rv = 0;
out:
	fclose(fp);
	return rv;
}

/* Reads the targets' ids from the environment. */
static int
matrix_targets_load(void)
{
	struct matrix_target	*t;
	const char		*names[3];
	uint32_t		*ids[3];
	const char		*s;
	char			*end;
	unsigned long		 v;
	size_t			 i, j;

	for (i = 0; i < MATRIX_NTARGETS; i++) {
		t = &matrix_targets[i];
		names[0] = t->samorg_env;
		names[1] = t->insats_env;
		names[2] = t->org_env;
		ids[0] = &t->samorg;
		ids[1] = &t->insats;
		ids[2] = &t->org;
		for (j = 0; j < 3; j++) {
			if ((s = getenv(names[j])) == NULL || *s == '\0')
				return fail("%s is not set (see matrix.sh)",
				    names[j]);
			errno = 0;
			v = strtoul(s, &end, 10);
			if (*end != '\0' || errno != 0 || v == 0 ||
			    v > UINT32_MAX)
				return fail("%s=%s is not an id", names[j], s);
			*ids[j] = (uint32_t)v;
		}
	}
	return 0;
}

/* Connects and logs the caller in, checking the roles LOGIN_OK gives. */
static int
matrix_login(struct conn *cn, const struct matrix_caller *c)
{
	struct msg_login_ok	ok;
	int			r;

	memset(&ok, 0, sizeof ok);
	if ((r = conn_open(cn, SUS_PROTO_MAJOR)) != 0) {
		printf("not ok - matrix: connect as %s: %s\n", c->user,
		    sus_strerror(r));
		return -1;
	}
	if ((r = conn_login(cn, c->user, INTEG_DEMO_PASSWORD, &ok)) != 0) {
		printf("not ok - matrix: login as %s: %s\n", c->user,
		    r > 0 ? "refused" : sus_strerror(r));
		conn_close(cn);
		return -1;
	}
	r = 0;
	if (ok.roles != c->roles) {
		/* The expectations of the column assume these roles. */
		printf("not ok - matrix: %s logs in with roles 0x%02x, not "
		    "0x%02x: the demo data changed\n", c->user, ok.roles,
		    c->roles);
		fail("demo user %s has roles 0x%02x", c->user, ok.roles);
	}
	if (ok.flags & LOGIN_F_MUST_CHANGE) {
		printf("not ok - matrix: %s must change password\n", c->user);
		fail("demo user %s must change password", c->user);
	}
	msg_clear(MSG_LOGIN_OK, &ok);
	return r;
}

/*
 * Sends one request and sorts the answer; what describes it for the
 * report. *closed is set when the connection is gone afterwards.
 */
static enum matrix_got
matrix_ask(struct conn *cn, uint16_t type, const void *m, char *what,
    size_t len, int *closed)
{
	struct chan_msg		rm;
	struct msg_err		e;
	enum matrix_got		got;
	uint32_t		id = ++cn->next_id;
	int			r;

	*closed = 0;
	memset(&rm, 0, sizeof rm);
	if ((r = conn_send(cn, type, id, m)) != 0 ||
	    (r = conn_recv(cn, INTEG_REPLY_MS, &rm)) != 0) {
		snprintf(what, len, "no answer: %s", sus_strerror(r));
		*closed = 1;
		return GOT_UNKNOWN;
	}
	if (rm.id != id) {
		snprintf(what, len, "%s for request id %u, not %u",
		    msg_name(rm.type), rm.id, id);
		buf_free(rm.body);
		*closed = 1;
		return GOT_UNKNOWN;
	}
	if (rm.type != MSG_ERR) {
		snprintf(what, len, "%s", msg_name(rm.type));
		buf_free(rm.body);
		/* BYE is answered with BYE, and then the session ends. */
		*closed = rm.type == MSG_BYE;
		return GOT_ALLOWED;
	}
	memset(&e, 0, sizeof e);
	r = msg_decode(MSG_ERR, rm.body, &e);
	buf_free(rm.body);
	if (r != 0) {
		snprintf(what, len, "ERR that does not decode");
		*closed = 1;
		return GOT_UNKNOWN;
	}
	snprintf(what, len, "ERR %u \"%s\"", e.code, e.message);
	switch (e.code) {
	case ERR_FORBIDDEN:
		got = GOT_REFUSED;
		break;
	case ERR_UNAVAILABLE:
	case ERR_PASSWORD_CHANGE:
	case ERR_ENDED:
		/* Stopped before or during authorisation: no verdict. */
		got = GOT_UNKNOWN;
		break;
	default:
		got = GOT_ALLOWED;
		break;
	}
	msg_clear(MSG_ERR, &e);
	return got;
}

/* Whether a want allows the call on target t (0 inside, 1 outside). */
static int
matrix_allows(enum matrix_want w, size_t t)
{
	return w == YES || (w == OWN && t == 0);
}

/*
 * Runs every request of the server's table as every caller on both
 * targets and prints the verdict line. Refusals go to MATRIX_REFUSED
 * (if set) as "user type" lines, for matrix.sh to match with the audit
 * table's "denied" rows.
 */
static int
matrix_run(void)
{
	const struct matrix_caller	*c;
	const struct matrix_target	*t;
	struct matrix_request		*rq;
	union matrix_body		 body;
	struct conn			 cn;
	const void			*m;
	const char			*path;
	enum matrix_got			 got;
	FILE				*refused = NULL;
	char				 what[640];
	size_t				 n = 0, wrong = 0, ci, ri, ti;
	int				 linked = 0, lost = 0, closed, want;
	int				 verbose, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	if (matrix_load() != 0 || matrix_targets_load() != 0)
		return -1;
	verbose = getenv("MATRIX_VERBOSE") != NULL;
	if ((path = getenv("MATRIX_REFUSED")) != NULL && *path != '\0' &&
	    (refused = fopen(path, "w")) == NULL)
		return fail("%s: %s", path, strerror(errno));

	/* A request with no expectation or no body is wrong everywhere. */
	for (ri = 0; ri < matrix_nrequests; ri++) {
		rq = &matrix_requests[ri];
		if (rq->want != NULL && rq->builder != NULL)
			continue;
		printf("not ok - matrix: %s (%u) has no %s in matrix%s: all "
		    "%zu of its cases are wrong\n", rq->name, rq->type,
		    rq->want == NULL ? "expected row" : "body builder",
		    rq->want == NULL ? "_expected.h" : ".c",
		    MATRIX_NCALLERS * MATRIX_NTARGETS);
		n += MATRIX_NCALLERS * MATRIX_NTARGETS;
		wrong += MATRIX_NCALLERS * MATRIX_NTARGETS;
	}

	for (ci = 0; ci < MATRIX_NCALLERS; ci++) {
		c = &matrix_callers[ci];
		for (ri = 0; ri < matrix_nrequests; ri++) {
			rq = &matrix_requests[ri];
			if (rq->want == NULL || rq->builder == NULL)
				continue;
			for (ti = 0; ti < MATRIX_NTARGETS; ti++) {
				t = &matrix_targets[ti];
				n++;
				/* After a failed login the column is lost. */
				if (!linked && !lost) {
					if (matrix_login(&cn, c) == 0)
						linked = 1;
					else
						lost = 1;
				}
				if (!linked) {
					wrong++;
					continue;
				}
				memset(&body, 0, sizeof body);
				m = rq->builder->build(&body, t, c);
				got = matrix_ask(&cn, rq->type, m, what,
				    sizeof what, &closed);
				if (closed) {
					conn_close(&cn);
					linked = 0;
				}
				want = matrix_allows(rq->want->want[c->col],
				    ti);
				if (got == GOT_REFUSED && refused != NULL)
					fprintf(refused, "%s %u\n", c->user,
					    rq->type);
				if (verbose)
					printf("# %s as %s %s: %s\n", rq->name,
					    c->column, t->scope, what);
				if (got == (want ? GOT_ALLOWED : GOT_REFUSED))
					continue;
				wrong++;
				printf("not ok - matrix: %s as %s %s: expected "
				    "%s got %s (%s)\n", rq->name, c->column,
				    t->scope, want ? "allowed" : "refused",
				    got == GOT_ALLOWED ? "allowed" :
				    got == GOT_REFUSED ? "refused" :
				    "no verdict", what);
			}
		}
		if (linked)
			conn_close(&cn);
		linked = lost = 0;
	}
	printf("permission matrix: %zu cases, %zu wrong\n", n, wrong);
	if (refused != NULL) {
		closed = fclose(refused);
		refused = NULL;
		if (closed != 0) {
			fail("%s: %s", path, strerror(errno));
			goto out;
		}
	}
	if (n != matrix_nrequests * MATRIX_NCALLERS * MATRIX_NTARGETS) {
		fail("%zu cases, not requests × callers × targets", n);
		goto out;
	}
	if (wrong != 0) {
		fail("%zu of %zu cases wrong", wrong, n);
		goto out;
	}
	rv = 0;
out:
	if (refused != NULL)
		fclose(refused);
	return rv;
}

/*
 * The other direction: an expected row for a request the server does not
 * have is stale (renamed or retired), and so is a row given twice.
 */
static int
matrix_no_stale(void)
{
	size_t	i, j, nexp;
	int	rv = 0;

	if (matrix_load() != 0)
		return -1;
	nexp = sizeof matrix_expected / sizeof matrix_expected[0];
	for (i = 0; i < nexp; i++) {
		for (j = 0; j < matrix_nrequests; j++) {
			if (matrix_requests[j].type == matrix_expected[i].type)
				break;
		}
		if (j == matrix_nrequests) {
			printf("not ok - matrix: expected row for %s (%u), "
			    "which susd does not have\n",
			    msg_name(matrix_expected[i].type),
			    matrix_expected[i].type);
			rv = fail("expected rows for requests susd lacks");
		}
		for (j = 0; j < i; j++) {
			if (matrix_expected[j].type == matrix_expected[i].type)
				rv = fail("expected row for %s twice",
				    msg_name(matrix_expected[i].type));
		}
		for (j = 0; j < MATRIX_NCOLS; j++) {
			if (matrix_expected[i].want[j] == MATRIX_NONE)
				rv = fail("expected row for %s has an empty "
				    "column",
				    msg_name(matrix_expected[i].type));
		}
	}
	return rv;
}

const struct integ_case cases_matrix[] = {
	{ "matrix", "permission_matrix_every_request_role_and_scope",
	    matrix_run },
	{ "matrix", "permission_matrix_no_stale_expected_rows",
	    matrix_no_stale },
	{ NULL, NULL, NULL }
};
