/*
 * The request table and the one place where requests are authorised.
 * Every message a client may send is a row: its type, name, whether it is
 * allowed before login, the roles that may call it, the scope it must be
 * checked against, whether it touches personal data (and so is audited),
 * and its handler. New requests are new rows, never new branches.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chan.h"
#include "err.h"
#include "log.h"
#include "msg.h"
#include "proto.h"
#include "susd.h"
#include "xmalloc.h"

/*
 * What a request must be checked against besides the caller's roles. The
 * value is also the "kind" argument of har_uppdrag() in schema 0005.
 */
enum scope {
	SCOPE_NONE = 0,		/* no uppdrag needed */
	SCOPE_SAMORG = 1,	/* uppdrag in the samverkansorganisation */
	SCOPE_INSATS = 2,	/* uppdrag on the insats */
	SCOPE_INSATS_ORG = 3	/* uppdrag in the insats's samverkansorg */
};

struct request {
	uint16_t	 type;
	const char	*name;
	int		 prelogin;	/* accepted before login */
	uint32_t	 roles;		/* any of these; checked after login */
	enum scope	 scope;
	size_t		 scope_off;	/* uint32_t target id in the body */
	int		 personal;	/* reads or writes personal data */
	int		 tx;		/* run inside one transaction */
	int		 (*handler)(struct session *, uint32_t, void *);
};

static int	req_ping(struct session *, uint32_t, void *);
static int	req_bye(struct session *, uint32_t, void *);

/*
 * Row makers: every row must say who may call it and against what scope,
 * so a request without a declaration does not compile. PRE rows are the
 * session plumbing allowed before login.
 */
#define PRE(t, n, h)	{ t, n, 1, 0, SCOPE_NONE, 0, 0, 0, h }
#define REQ(t, n, roles, h) \
	{ t, n, 0, roles, SCOPE_NONE, 0, 0, 1, h }
#define SCOPED(t, n, roles, sc, st, f, h) \
	{ t, n, 0, roles, sc, offsetof(struct st, f), 0, 1, h }
/* A scoped row that reads or writes personal data, and so is audited. */
#define PERSONAL(t, n, roles, sc, st, f, h) \
	{ t, n, 0, roles, sc, offsetof(struct st, f), 1, 1, h }

/* Any logged-in caller: the five roles and a beställare without one. */
#define ANYONE		(ROLE_ANY | ROLE_BESTALLARE)

static const struct request requests[] = {
	PRE(MSG_LOGIN, "LOGIN", auth_login),
	PRE(MSG_PING, "PING", req_ping),
	PRE(MSG_BYE, "BYE", req_bye),
	REQ(MSG_PASSWORD_CHANGE, "Byt lösenord", ANYONE, auth_password_change),
	REQ(MSG_SAMORG_SEARCH, "Sök samverkansorg", ROLE_ANY,
	    samverkansorg_search),
	REQ(MSG_INSATS_SEARCH, "Sök insatser", ROLE_ANY, insats_search),
	REQ(MSG_USER_SEARCH, "Visa användare", ANYONE, anvandare_search),
	REQ(MSG_ROLE_SET, "Ändra roller", ROLE_SUPERADMIN, anvandare_role_set),
	REQ(MSG_USER_ACTIVE, "Aktivera eller inaktivera användare",
	    ROLE_SUPERADMIN, anvandare_active),
	REQ(MSG_ORG_SEARCH, "Sök organisation", ANYONE, organisation_search),
	REQ(MSG_AGREEMENT_SAVE, "Registrera överenskommelse",
	    ROLE_SUPERADMIN, bestallning_agreement_save),
	REQ(MSG_BESTALLARE_SAVE, "Registrera beställare", ROLE_SUPERADMIN,
	    bestallning_bestallare_save),
	REQ(MSG_ORDER_SUBMIT, "Beställ behörighet", ROLE_BESTALLARE,
	    bestallning_submit),
	REQ(MSG_ORDER_SEARCH, "Visa beställningar", ANYONE,
	    bestallning_search),
	REQ(MSG_ORDER_DECIDE, "Behandla beställning", ROLE_SUPERADMIN,
	    bestallning_decide),
	REQ(MSG_UPPDRAG_SEARCH, "Visa uppdrag", ANYONE, uppdrag_search),
	SCOPED(MSG_UPPDRAG_SAVE_SAMORG, "Uppdrag i samverkansorganisation",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, SCOPE_SAMORG,
	    msg_uppdrag_save, target_id, uppdrag_save_samorg),
	SCOPED(MSG_UPPDRAG_SAVE_INSATS, "Deltagaransvariga för insatsen",
	    ROLE_SUPERADMIN | ROLE_INSATSANSVARIG, SCOPE_INSATS_ORG,
	    msg_uppdrag_save, target_id, uppdrag_save_insats),

	/* Samverkansorganisation (issue 4). */
	REQ(MSG_SAMORG_GET, "Visa samverkansorg", ROLE_ANY, samverkansorg_get),
	SCOPED(MSG_SAMORG_SAVE, "Hantera samverkansorg",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, SCOPE_SAMORG,
	    msg_samorg, id, samverkansorg_save),
	REQ(MSG_KOMMUN_SEARCH, "Välj kommun, stadsdel", ROLE_ANY,
	    kommun_search),
	REQ(MSG_SAMORG_ORDER_SUBMIT, "Beställ samverkansorg", ANYONE,
	    samorg_order_submit),
	REQ(MSG_SAMORG_ORDER_SEARCH, "Visa beställda samverkansorg", ANYONE,
	    samorg_order_search),
	REQ(MSG_SAMORG_ORDER_DECIDE, "Behandla beställd samverkansorg",
	    ROLE_SUPERADMIN, samorg_order_decide),
	SCOPED(MSG_BUDGET_GET, "Samverkansorganisationsbudget",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, SCOPE_SAMORG,
	    msg_budget_get, samorg_id, budget_get),
	SCOPED(MSG_BUDGET_SAVE, "Spara samverkansorganisationsbudget",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, SCOPE_SAMORG,
	    msg_budget, samorg_id, budget_save),
	SCOPED(MSG_FRAGA_SEARCH, "Kompletterande frågor",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, SCOPE_SAMORG,
	    msg_fraga_search, samorg_id, fraga_search),
	SCOPED(MSG_FRAGA_SAVE, "Registrera kompletterande fråga",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, SCOPE_SAMORG,
	    msg_fraga, samorg_id, fraga_save),
	SCOPED(MSG_FRAGA_DELETE, "Ta bort kompletterande fråga",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, SCOPE_SAMORG,
	    msg_fraga_delete, samorg_id, fraga_delete),
	SCOPED(MSG_FRAGA_ORDER, "Ändra presentationsordning",
	    ROLE_SUPERADMIN | ROLE_SAMVERKANSADMIN, SCOPE_SAMORG,
	    msg_fraga_order, samorg_id, fraga_order),

	/* Insats (issue 5). */
	REQ(MSG_INSATS_GET, "Visa insats", ROLE_ANY, insats_get),
	SCOPED(MSG_INSATS_SAVE, "Registrera insats",
	    ROLE_SUPERADMIN | ROLE_INSATSANSVARIG, SCOPE_SAMORG,
	    msg_insats, samorg_id, insats_save),
	SCOPED(MSG_INSATS_BUDGET_GET, "Insatsbudget",
	    ROLE_SUPERADMIN | ROLE_INSATSANSVARIG, SCOPE_INSATS_ORG,
	    msg_insats_budget_get, insats_id, insats_budget_get),
	SCOPED(MSG_INSATS_BUDGET_SAVE, "Spara insatsbudget",
	    ROLE_SUPERADMIN | ROLE_INSATSANSVARIG, SCOPE_INSATS_ORG,
	    msg_insats_budget, insats_id, insats_budget_save),
	SCOPED(MSG_VOLYM_GET, "Registrera antal i volyminsats",
	    ROLE_INSATSANSVARIG, SCOPE_INSATS_ORG, msg_volym_get, insats_id,
	    volym_get),
	SCOPED(MSG_VOLYM_SAVE, "Spara antal i volyminsats",
	    ROLE_INSATSANSVARIG, SCOPE_INSATS_ORG, msg_volym_save, insats_id,
	    volym_save),
	REQ(MSG_START_GET, "Startsida", ANYONE, start_get),

	/*
	 * Deltagande (issue 6): only a deltagaransvarig with an uppdrag on
	 * the insats (domain.md 4.3, rule 36).
	 */
	PERSONAL(MSG_DELTAGARE_SEARCH, "Deltagare i insatsen",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_deltagare_search,
	    insats_id, deltagare_search),
	PERSONAL(MSG_DELTAGARE_GET, "Visa deltagare", ROLE_DELTAGARANSVARIG,
	    SCOPE_INSATS, msg_deltagare_get, insats_id, deltagare_get),
	PERSONAL(MSG_PERSON_LOOKUP, "Hämta personuppgifter",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_person_lookup,
	    insats_id, person_lookup),
	PERSONAL(MSG_DELTAGARE_SAVE, "Registrera deltagare",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_deltagare_save,
	    insats_id, deltagare_save),
	PERSONAL(MSG_SAMTYCKE_ATERKALLA, "Återkalla samtycke",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_samtycke_aterkalla,
	    insats_id, samtycke_aterkalla),
	SCOPED(MSG_DELTAGARE_FRAGOR, "Kompletterande frågor för deltagare",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_deltagare_fragor,
	    insats_id, deltagare_fragor),
	SCOPED(MSG_ANONYM_GET, "Registrera anonyma deltagare",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_anonym_get, insats_id,
	    anonym_get),
	SCOPED(MSG_ANONYM_SAVE, "Spara anonyma deltagare",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_anonym_save, insats_id,
	    anonym_save),

	/* Bulk batches (issue 7): the same roles as the single request. */
	PERSONAL(MSG_BATCH_DELTAGARE, "Snabbregistrering och import",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_batch_deltagare,
	    insats_id, batch_deltagare),
	SCOPED(MSG_BATCH_ANONYM, "Importera anonyma deltagare",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_batch_anonym, insats_id,
	    batch_anonym),
	SCOPED(MSG_BATCH_VOLYM, "Importera antal i volyminsats",
	    ROLE_INSATSANSVARIG, SCOPE_INSATS_ORG, msg_batch_volym, insats_id,
	    batch_volym),

	/*
	 * Af/FK-samarbetet (issue 8): the office is the insats; only its
	 * deltagaransvariga read or write its participants (rule 51).
	 */
	REQ(MSG_AFFK_STYRDATA_GET, "Af/FK-styrdata", ANYONE,
	    affk_styrdata_get),
	REQ(MSG_AFFK_KONTOR_SAVE, "Ändra Af/FK-kontor", ROLE_SUPERADMIN,
	    affk_kontor_save),
	PERSONAL(MSG_AFFK_MEDVERKAN_SAVE, "Registrera medverkan",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_affk_medverkan_save,
	    kontor_insats_id, affk_medverkan_save),
	PERSONAL(MSG_AFFK_OVERGANG_SAVE, "Registrera övergång",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_affk_overgang_save,
	    kontor_insats_id, affk_overgang_save),
	PERSONAL(MSG_AFFK_UPPGIFTER_SAVE, "Registrera uppgifter",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_affk_uppgifter_save,
	    kontor_insats_id, affk_uppgifter_save),
	PERSONAL(MSG_AFFK_HISTORIK_GET, "Historik enskild deltagare",
	    ROLE_DELTAGARANSVARIG, SCOPE_INSATS, msg_affk_historik_get,
	    kontor_insats_id, affk_historik_get),
	PERSONAL(MSG_AFFK_SOK, "Visa deltagare Af/FK", ROLE_DELTAGARANSVARIG,
	    SCOPE_INSATS, msg_affk_sok, kontor_insats_id, affk_sok),
	PERSONAL(MSG_AFFK_BYT_KONTOR, "Byt kontor", ROLE_DELTAGARANSVARIG,
	    SCOPE_INSATS, msg_affk_byt_kontor, kontor_insats_id,
	    affk_byt_kontor),

	/*
	 * Reports (issue 9): every role (SUSrapport comes with each), no
	 * personal data. Running one remembers the caller's choices.
	 */
	REQ(MSG_RAPPORT_DEFS_GET, "Rapporter", ROLE_ANY, rapport_defs_get),
	REQ(MSG_RAPPORT_RUN, "Skapa rapport", ROLE_ANY, rapport_run),

	/* Styrdata (issue 4). */
	REQ(MSG_KOD_SEARCH, "Kodlistor", ANYONE, kod_search),
	REQ(MSG_KOD_SAVE, "Ändra kodlista", ROLE_SUPERADMIN, kod_save),
	REQ(MSG_ORG_SAVE, "Ändra organisationsregistret", ROLE_SUPERADMIN,
	    organisation_save),
};

#undef PRE
#undef REQ
#undef SCOPED
#undef PERSONAL

/* Requests a user who must choose a new password may still make. */
static const uint16_t request_before_password[] = {
	MSG_PASSWORD_CHANGE, MSG_PING, MSG_BYE,
};

/* The roles whose rights are bound to uppdrag (domain.md 2.8). */
#define ROLES_WITH_UPPDRAG \
	(ROLE_SAMVERKANSADMIN | ROLE_INSATSANSVARIG | ROLE_DELTAGARANSVARIG)

/*
 * Checks the table once at start-up: a row that could be called after
 * login with no roles, or a scope without roles that need an uppdrag,
 * is a programming error and susd refuses to run with it.
 */
int
request_table_check(void)
{
	const struct request	*r;
	size_t			 i, j;

	for (i = 0; i < sizeof requests / sizeof requests[0]; i++) {
		r = &requests[i];
		if (!msg_known(r->type) || r->name == NULL ||
		    r->handler == NULL)
			return -1;
		if (!r->prelogin && (r->roles & (ANYONE)) == 0)
			return -1;
		if (r->scope != SCOPE_NONE) {
			if ((r->roles & ROLES_WITH_UPPDRAG) == 0 ||
			    r->scope_off + sizeof(uint32_t) > msg_size(r->type))
				return -1;
		}
		for (j = 0; j < i; j++) {
			if (requests[j].type == r->type)
				return -1;
		}
	}
	return 0;
}

/*
 * Prints the table for "susd requests": the permission matrix test reads
 * it, so a request added here without an expected row fails that test.
 */
void
request_table_print(FILE *fp)
{
	const struct request	*r;
	size_t			 i;
	static const char *const scopes[] = { "none", "samorg", "insats",
	    "insats_org" };

	for (i = 0; i < sizeof requests / sizeof requests[0]; i++) {
		r = &requests[i];
		fprintf(fp, "%u\t%s\t%s\t0x%02x\t%s\t%d\n", r->type,
		    msg_name(r->type), r->prelogin ? "prelogin" : "login",
		    r->roles, scopes[r->scope], r->personal);
	}
}

/* Finds a request row by message type. */
static const struct request *
request_find(uint16_t type)
{
	size_t	i;

	for (i = 0; i < sizeof requests / sizeof requests[0]; i++) {
		if (requests[i].type == type)
			return &requests[i];
	}
	return NULL;
}

/*
 * Encodes a typed reply and holds it: it leaves only once the request's
 * transaction has committed, so nothing is acknowledged that could still
 * be rolled back. A later reply (an ERR, say) replaces an earlier one.
 */
int
session_reply(struct session *s, uint32_t id, uint16_t type, const void *m)
{
	struct buf	*b;
	int		 r;

	if ((b = buf_new(SUS_MSG_MAX)) == NULL)
		return SUS_ERR_ALLOC;
	if ((r = msg_encode(type, m, b)) != 0) {
		/*
		 * Too big for one message, or a string the codec refuses: a
		 * fault of ours, answered as one rather than by closing.
		 */
		buf_free(b);
		log_error("%s: reply not encoded (%s)", msg_name(type),
		    sus_strerror(r));
		if (type == MSG_ERR)
			return r;
		return session_refuse(s, id, ERR_INTERNAL, "Svaret kunde inte "
		    "skickas på grund av ett serverfel.");
	}
	buf_free(s->reply);
	s->reply = b;
	s->reply_type = type;
	s->reply_id = id;
	return 0;
}

/*
 * Sends ERR{code, text} and returns what a handler returns after a
 * refusal: REQ_ROLLBACK, or the send's failure.
 */
int
session_refuse(struct session *s, uint32_t id, uint32_t code,
    const char *fmt, ...)
{
	char	text[SUS_MESSAGE_MAX];
	va_list	ap;
	int	r;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	r = session_error(s, id, code, "%s", text);
	return r != 0 ? r : REQ_ROLLBACK;
}

/* Sends the held reply, if any. */
int
session_reply_flush(struct session *s)
{
	int	r;

	if (s->reply == NULL)
		return 0;
	r = chan_sendb(s->chan, s->reply_type, s->reply_id, s->reply);
	buf_free(s->reply);
	s->reply = NULL;
	return r;
}

/* Sends ERR{code, message} with a Swedish message for the user. */
int
session_error(struct session *s, uint32_t id, uint32_t code,
    const char *fmt, ...)
{
	struct msg_err	 e;
	char		 text[512];
	va_list		 ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (s->capture != NULL) {
		/* A batch row: the batch's result carries it. */
		s->capture->set = 1;
		s->capture->code = code;
		s->capture->falt = s->falt;
		s->capture->fraga_id = s->falt_fraga;
		strlcpy(s->capture->text, text, sizeof s->capture->text);
		return 0;
	}
	e.code = code;
	e.message = text;
	return session_reply(s, id, MSG_ERR, &e);
}

/* PING → PONG with the same nonce. */
static int
req_ping(struct session *s, uint32_t id, void *m)
{
	return session_reply(s, id, MSG_PONG, m);
}

/* BYE → BYE, then the session ends. */
static int
req_bye(struct session *s, uint32_t id, void *m)
{
	int	r;

	if ((r = session_reply(s, id, MSG_BYE, m)) != 0)
		return r;
	return REQ_CLOSE;
}

/* Reports whether the caller holds an uppdrag that covers target. */
static int
request_scope_ok(struct session *s, const struct request *r, uint32_t roles,
    uint32_t target)
{
	PGresult	*res;
	char		 uid[16], kind[4], tgt[16];
	const char	*params[4] = { uid, NULL, kind, tgt };
	uint32_t	 bit;
	int		 ok = 0;

	snprintf(uid, sizeof uid, "%u", s->user_id);
	snprintf(kind, sizeof kind, "%d", (int)r->scope);
	snprintf(tgt, sizeof tgt, "%u", target);
	roles &= ROLES_WITH_UPPDRAG;
	for (bit = 1; bit <= ROLE_DELTAGARANSVARIG && !ok; bit <<= 1) {
		if ((roles & bit) == 0)
			continue;
		params[1] = auth_role_name(bit);
		res = db_exec(s, "SELECT har_uppdrag($1, $2, $3, $4)", 4,
		    params);
		if (res == NULL)
			return -1;
		ok = PQntuples(res) == 1 && PQgetvalue(res, 0, 0)[0] == 't';
		PQclear(res);
	}
	return ok;
}

/*
 * Checks the caller may run r on the target in m: the one place where
 * requests are authorised. A role grants a request; a scoped request also
 * needs an uppdrag on its target, except for a superadministratör, whose
 * rights are not bound to uppdrag. Returns 1 to allow, 0 to refuse, -1
 * when the database could not answer.
 */
static int
request_authorise(struct session *s, const struct request *r, const void *m)
{
	uint32_t	roles, target;

	if (!s->logged_in)
		return r->prelogin;
	if (r->prelogin)
		return 1;
	if ((roles = s->roles & r->roles) == 0)
		return 0;
	if (r->scope == SCOPE_NONE || (roles & ROLE_SUPERADMIN))
		return 1;
	memcpy(&target, (const uint8_t *)m + r->scope_off, sizeof target);
	return request_scope_ok(s, r, roles, target);
}

/* Reports whether a user who must change password may make request r. */
static int
request_allowed_before_password(const struct request *r)
{
	size_t	i;

	for (i = 0; i < sizeof request_before_password /
	    sizeof request_before_password[0]; i++) {
		if (request_before_password[i] == r->type)
			return 1;
	}
	return 0;
}

/* Records a refused request in its own transaction, so it survives. */
static void
request_audit_denied(struct session *s, const struct request *r)
{
	char	detail[128];

	snprintf(detail, sizeof detail, "{\"request\": %u}", r->type);
	if (audit_log(s, "denied", "request", 0, r->personal, detail) != 0)
		log_warn("could not audit a refused request");
}

/*
 * Records, in its own transaction, a personal-data request that a rule
 * refused: its work is rolled back, but that someone asked stays (a
 * refusal can itself tell something about a person).
 */
static void
request_audit_refused(struct session *s, const struct request *r)
{
	char	detail[128];

	snprintf(detail, sizeof detail, "{\"request\": %u}", r->type);
	if (audit_log(s, "personal_refused", "request", 0, 1, detail) != 0)
		log_warn("could not audit a refused personal-data request");
}

/* Records that a personal-data request ran, by whom and which. */
static int
request_audit_personal(struct session *s, const struct request *r)
{
	char	detail[128];

	snprintf(detail, sizeof detail, "{\"request\": %u}", r->type);
	return audit_log(s, "personal_data", "request", 0, 1, detail);
}

/*
 * Decodes, authorises and runs one request. Returns 0 to go on, REQ_CLOSE
 * for an orderly end, or a negative error that ends the connection.
 */
int
request_dispatch(struct session *s, uint16_t type, uint32_t id,
    struct buf *body)
{
	const struct request	*r;
	void			*m = NULL;
	size_t			 size;
	int			 rv, r2;

	r = request_find(type);
	if (!s->logged_in && (r == NULL || !r->prelogin)) {
		/* Before login only LOGIN, PING and BYE exist. */
		log_info("message %u before login; closing", type);
		return SUS_ERR_PROTOCOL;
	}
	if (r == NULL) {
		/* After login, unknown types are answered: minor versions. */
		rv = session_error(s, id, ERR_UNSUPPORTED,
		    "Okänd begäran (%u).", type);
		goto out;
	}
	size = msg_size(type);
	m = xcalloc(1, size > 0 ? size : 1);
	if ((rv = msg_decode(type, body, m)) != 0) {
		log_info("%s: malformed body (%s); closing", r->name,
		    sus_strerror(rv));
		free(m);
		return SUS_ERR_PROTOCOL;
	}
	if (s->logged_in && !r->prelogin) {
		/*
		 * Roles, activity and the password state are read afresh for
		 * every request, in the request's own transaction: a role
		 * taken away or an account deactivated a moment ago counts.
		 */
		if ((rv = session_refresh(s, r->tx)) != 0) {
			if (rv == SUS_ERR_DENIED) {
				(void)session_error(s, 0, ERR_ENDED,
				    "Ditt konto är inte längre aktivt.");
				rv = REQ_CLOSE;
			} else
				rv = session_error(s, id, ERR_UNAVAILABLE,
				    "Databasen är inte tillgänglig just nu.");
			goto out;
		}
		if (s->must_change && !request_allowed_before_password(r)) {
			db_rollback(s);
			rv = session_error(s, id, ERR_PASSWORD_CHANGE,
			    "Du måste byta lösenord innan du fortsätter.");
			goto out;
		}
	} else if (r->tx && (rv = db_begin(s)) != 0) {
		rv = session_error(s, id, ERR_UNAVAILABLE,
		    "Databasen är inte tillgänglig just nu.");
		goto out;
	}
	if ((rv = request_authorise(s, r, m)) != 1) {
		db_rollback(s);
		if (rv < 0) {
			rv = session_error(s, id, ERR_UNAVAILABLE,
			    "Databasen är inte tillgänglig just nu.");
			goto out;
		}
		log_info("%s refused for user %u", r->name, s->user_id);
		request_audit_denied(s, r);
		rv = session_error(s, id, ERR_FORBIDDEN,
		    "Du har inte behörighet till %s.", r->name);
		goto out;
	}
	rv = r->handler(s, id, m);
	/*
	 * Every request touching personal data leaves a row in the same
	 * transaction as its work: no row, no reply. (Handlers add rows that
	 * name the persons; this one guarantees the trail is never empty.)
	 */
	if (rv == 0 && r->personal && request_audit_personal(s, r) != 0) {
		db_rollback(s);
		rv = session_error(s, id, ERR_INTERNAL,
		    "Uppgifterna kunde inte loggas och sparades inte.");
		goto out;
	}
	if (r->tx) {
		if (rv == 0 && db_commit(s) != 0) {
			db_rollback(s);
			rv = session_error(s, id, ERR_INTERNAL,
			    "Uppgifterna kunde inte sparas.");
		} else if (rv != 0) {
			db_rollback(s);
			if (rv == REQ_ROLLBACK && r->personal)
				request_audit_refused(s, r);
		}
	}
	if (rv == REQ_ROLLBACK)
		rv = 0;
	/* Every request gets an answer; a handler that forgot is a bug. */
	if (rv == 0 && s->reply == NULL) {
		log_error("%s: handler sent no reply", r->name);
		rv = session_error(s, id, ERR_INTERNAL,
		    "Servern svarade inte på begäran.");
	}
out:
	/*
	 * Committed, rolled back with an ERR, or about to close (the third
	 * bad password): whatever reply is held goes out now.
	 */
	if ((r2 = session_reply_flush(s)) != 0 && rv >= 0)
		rv = r2;
	if (m != NULL) {
		msg_clear(type, m);
		free(m);
	}
	return rv;
}
