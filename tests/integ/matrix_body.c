/*
 * The permission matrix's request bodies (matrix.c runs them): one
 * builder per request type, filling a body for a target and a caller.
 * Every body is harmless: a call that is allowed changes nothing (a user
 * or order that does not exist, a date that cannot be, a password that
 * breaks the rules, a registration without consent), and the reads read
 * what the demo data holds.
 */
#include <stddef.h>
#include <stdint.h>

#include "integ.h"
#include "matrix_int.h"
#include "msg.h"
#include "proto.h"

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
/* An official test personnummer, in the demo's register copy. */
#define MATRIX_PNR		"196201122808"
/* A day the demo's kompletterande frågor are valid on. */
#define MATRIX_FRAGA_DATE	"2025-01-01"

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

/*
 * Deltagare i insatsen: the whole list, which for the assigned
 * deltagaransvarig holds the demo's participants of Steget vidare, each
 * row a read of personal data, counted and audited.
 */
static const void *
build_deltagare_search(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->deltagare_search.insats_id = t->insats;
	b->deltagare_search.status = DELTAGARE_S_ALLA;
	b->deltagare_search.pattern = (char *)"";
	b->deltagare_search.limit = 10;
	return &b->deltagare_search;
}

/* The person's own view of one participation of Steget vidare. */
static const void *
build_deltagare_get(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->deltagare_get.insats_id = t->insats;
	b->deltagare_get.deltagande_id = t->deltagande;
	return &b->deltagare_get;
}

/* "Hämta": a person of the register copy, read and audited. */
static const void *
build_person_lookup(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->person_lookup.insats_id = t->insats;
	b->person_lookup.personnummer = (char *)MATRIX_PNR;
	return &b->person_lookup;
}

/*
 * A nyinregistrering without the confirmed consent and on a date that
 * cannot be: refused twice over once allowed, so nothing is stored.
 */
static const void *
build_deltagare_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->deltagare_save.insats_id = t->insats;
	b->deltagare_save.deltagande_id = 0;
	b->deltagare_save.personnummer = (char *)MATRIX_PNR;
	b->deltagare_save.namn = (char *)"";
	b->deltagare_save.kommunkod = (char *)"";
	b->deltagare_save.samtycke = 0;
	b->deltagare_save.samtycke_datum = (char *)"";
	b->deltagare_save.tillfalle.typ = FRAGA_IN;
	b->deltagare_save.tillfalle.datum = (char *)MATRIX_BAD_DATE;
	b->deltagare_save.tillfalle.andrad = (char *)"";
	b->deltagare_save.tillfalle.andrad_av = (char *)"";
	return &b->deltagare_save;
}

/* A withdrawal for a participation that does not exist. */
static const void *
build_samtycke(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->samtycke.insats_id = t->insats;
	b->samtycke.deltagande_id = MATRIX_NO_ID;
	b->samtycke.datum = (char *)MATRIX_BAD_DATE;
	return &b->samtycke;
}

static const void *
build_deltagare_fragor(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->deltagare_fragor.insats_id = t->insats;
	b->deltagare_fragor.datum = (char *)MATRIX_FRAGA_DATE;
	b->deltagare_fragor.tillfalle = FRAGA_IN;
	return &b->deltagare_fragor;
}

static const void *
build_anonym_get(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->anonym_get.insats_id = t->insats;
	b->anonym_get.ar = 0;
	return &b->anonym_get;
}

/* Anonymous participants in a year before every insats. */
static const void *
build_anonym_save(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->anonym_save.insats_id = t->insats;
	b->anonym_save.ar = MATRIX_EARLY_YEAR;
	b->anonym_save.kvinnor = 1;
	b->anonym_save.man = 0;
	return &b->anonym_save;
}

/*
 * Batches of counts (issue 7): a dry run of one row that cannot be
 * stored anyway (a year before every insats, a month no calendar has),
 * under keys of their own that no batch is ever stored with.
 */
#define MATRIX_KEY_ANONYM \
	"0000000000000000000000000000000000000000000000000000000000000502"
#define MATRIX_KEY_VOLYM \
	"0000000000000000000000000000000000000000000000000000000000000503"

static const void *
build_batch_anonym(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	static struct batch_anonym_rad	rad;

	(void)c;
	rad = (struct batch_anonym_rad){ .radnr = 2,
	    .ar = MATRIX_EARLY_YEAR, .kvinnor = 1 };
	b->batch_anonym.insats_id = t->insats;
	b->batch_anonym.nyckel = (char *)MATRIX_KEY_ANONYM;
	b->batch_anonym.flaggor = BATCH_F_DRY_RUN;
	b->batch_anonym.nrader = 1;
	b->batch_anonym.rader = &rad;
	return &b->batch_anonym;
}

static const void *
build_batch_volym(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	static struct batch_volym_rad	rad;

	(void)c;
	rad = (struct batch_volym_rad){ .radnr = 2,
	    .period = (char *)MATRIX_BAD_MONTH, .kvinnor = 1,
	    .kommentar = (char *)"" };
	b->batch_volym.insats_id = t->insats;
	b->batch_volym.nyckel = (char *)MATRIX_KEY_VOLYM;
	b->batch_volym.flaggor = BATCH_F_DRY_RUN;
	b->batch_volym.nrader = 1;
	b->batch_volym.rader = &rad;
	return &b->batch_volym;
}

/*
 * A batch of participants (issue 7): a dry run of the registration above,
 * which no rule lets through, so nothing is stored and nothing replayed.
 */
#define MATRIX_KEY_DELTAGARE \
	"0000000000000000000000000000000000000000000000000000000000000500"

static const void *
build_batch_deltagare(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	static struct msg_batch_deltagare	q;
	static struct batch_deltagare_rad	rad;

	build_deltagare_save(b, t, c);
	rad = (struct batch_deltagare_rad){ .radnr = 2,
	    .rad = b->deltagare_save };
	q = (struct msg_batch_deltagare){ .insats_id = t->insats,
	    .nyckel = (char *)MATRIX_KEY_DELTAGARE,
	    .flaggor = BATCH_F_DRY_RUN, .nrader = 1, .rader = &rad };
	return &q;
}

/*
 * Af/FK-samarbetet (issue 8). The styrdata are read by anyone. An office
 * with no name is refused before anything is read. The personal
 * requests name the target insats as the caller's office: none of the
 * targets is an office, so where the request table lets a caller
 * through the handler refuses at once, and each body could change
 * nothing anyway (no consent, an ärende and a period that do not exist,
 * a date no calendar has).
 */
static const void *
build_rapport_defs(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	return &b->rapport_defs;
}

/* A report of the whole country: nothing personal whoever asks. */
static const void *
build_rapport_run(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->rapport_run.rapport = (char *)"insats";
	b->rapport_run.typ = (char *)"";
	return &b->rapport_run;
}

static const void *
build_affk_styrdata(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->affk_styrdata.alla = 1;
	return &b->affk_styrdata;
}

static const void *
build_affk_kontor(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)t;
	(void)c;
	b->affk_kontor.id = MATRIX_NO_ID;
	b->affk_kontor.myndighet = AFFK_AF;
	b->affk_kontor.namn = (char *)"";
	b->affk_kontor.omrade = (char *)"";
	b->affk_kontor.kontorstyp = (char *)"";
	return &b->affk_kontor;
}

static const void *
build_affk_medverkan(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->affk_medverkan.kontor_insats_id = t->insats;
	b->affk_medverkan.personnummer = (char *)MATRIX_PNR;
	b->affk_medverkan.namn = (char *)"";
	b->affk_medverkan.kommunkod = (char *)"";
	b->affk_medverkan.samtycke = 0;
	b->affk_medverkan.samtycke_datum = (char *)MATRIX_BAD_DATE;
	b->affk_medverkan.initierad_av = AFFK_FK;
	b->affk_medverkan.datum = (char *)MATRIX_BAD_DATE;
	return &b->affk_medverkan;
}

static const void *
build_affk_overgang(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->affk_overgang.kontor_insats_id = t->insats;
	b->affk_overgang.arende_id = MATRIX_NO_ID;
	b->affk_overgang.insatstyp_id = MATRIX_NO_ID;
	b->affk_overgang.datum = (char *)MATRIX_BAD_DATE;
	return &b->affk_overgang;
}

static const void *
build_affk_uppgifter(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->affk_uppgifter.kontor_insats_id = t->insats;
	b->affk_uppgifter.period_id = MATRIX_NO_ID;
	return &b->affk_uppgifter;
}

static const void *
build_affk_historik(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->affk_historik.kontor_insats_id = t->insats;
	b->affk_historik.personnummer = (char *)"";
	b->affk_historik.arende_id = MATRIX_NO_ID;
	return &b->affk_historik;
}

static const void *
build_affk_sok(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->affk_sok.kontor_insats_id = t->insats;
	b->affk_sok.from = (char *)"";
	b->affk_sok.tom = (char *)"";
	b->affk_sok.kon = (char *)"";
	b->affk_sok.namn = (char *)"";
	return &b->affk_sok;
}

static const void *
build_affk_byt(union matrix_body *b, const struct matrix_target *t,
    const struct matrix_caller *c)
{
	(void)c;
	b->affk_byt.kontor_insats_id = t->insats;
	b->affk_byt.arende_id = MATRIX_NO_ID;
	b->affk_byt.af_kontor_id = MATRIX_NO_ID;
	b->affk_byt.fk_kontor_id = MATRIX_NO_ID;
	b->affk_byt.datum = (char *)MATRIX_BAD_DATE;
	return &b->affk_byt;
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
	{ MSG_DELTAGARE_SEARCH, build_deltagare_search },
	{ MSG_DELTAGARE_GET, build_deltagare_get },
	{ MSG_PERSON_LOOKUP, build_person_lookup },
	{ MSG_DELTAGARE_SAVE, build_deltagare_save },
	{ MSG_SAMTYCKE_ATERKALLA, build_samtycke },
	{ MSG_DELTAGARE_FRAGOR, build_deltagare_fragor },
	{ MSG_ANONYM_GET, build_anonym_get },
	{ MSG_ANONYM_SAVE, build_anonym_save },
	{ MSG_BATCH_DELTAGARE, build_batch_deltagare },
	{ MSG_BATCH_ANONYM, build_batch_anonym },
	{ MSG_BATCH_VOLYM, build_batch_volym },
	{ MSG_RAPPORT_DEFS_GET, build_rapport_defs },
	{ MSG_RAPPORT_RUN, build_rapport_run },
	{ MSG_AFFK_STYRDATA_GET, build_affk_styrdata },
	{ MSG_AFFK_KONTOR_SAVE, build_affk_kontor },
	{ MSG_AFFK_MEDVERKAN_SAVE, build_affk_medverkan },
	{ MSG_AFFK_OVERGANG_SAVE, build_affk_overgang },
	{ MSG_AFFK_UPPGIFTER_SAVE, build_affk_uppgifter },
	{ MSG_AFFK_HISTORIK_GET, build_affk_historik },
	{ MSG_AFFK_SOK, build_affk_sok },
	{ MSG_AFFK_BYT_KONTOR, build_affk_byt },
};

/* The body builder for a type, or NULL. */
const struct matrix_builder *
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
