/*
 * The 9447 order through the protocol (seed 003, domain.md 2.1, rules
 * 1-3): every refusal of an order with its Swedish sentence, who sees
 * which orders, and the superadministratör's decision, whose approval
 * creates the samverkansorganisation and the first
 * samverkansadministratör's uppdrag.
 *
 * Demo users are only read. The samverkansadministratör the orders name
 * is a user these cases order through the 9445 chain (as bestallare,
 * approved by admin) under a name unique to the run; the cases that take
 * his role away or deactivate him give them back. Order names and
 * organisationsnummer are unique to the run too, so a rerun on the same
 * database passes, and orders left waiting are rejected again.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"
#include "xmalloc.h"

/* Samverkansform ids, fixed by schema 0002. */
#define FORM_FINSAM		1
#define FORM_TVAPARTS		2
#define FORM_HANDLINGSPLAN	3	/* closed since 2013-02-01 */
/* An id no row has. */
#define NO_SUCH_ID		0x7fffffffu
/* Samordningsförbundet Göteborg's organisationsnummer in the demo data. */
#define DEMO_GBG_ORGNR		"222222-0101"

/* The replies these cases decode; conn_call() fills the union reply. */
union oreply {
	union reply			 r;
	struct msg_samorg_order_list	 ol;
	struct msg_uppdrag_list		 up;
	struct msg_user_list		 users;
	struct msg_samorg_list		 so;
	struct msg_order_list		 orders;
	struct msg_samorg		 so1;
};

/* The text and id of the last OK, and the text of the last ERR. */
static char	 last_text[SUS_MESSAGE_MAX + 1];
static uint32_t	 last_id;

/* The samverkansadministratör made for these cases, once per run. */
static uint32_t	 admin_user;
static char	 admin_efternamn[64];

/* What makes names and numbers unique to the run. */
static unsigned	 run_tag;
static unsigned	 orgnr_seq;

/* A connection that conn_done() may close whether or not it opened. */
static void
conn_zero(struct conn *cn)
{
	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
}

/* Closes a connection if it is open. */
static void
conn_done(struct conn *cn)
{
	if (cn->c != NULL || cn->fd != -1)
		conn_close(cn);
	conn_zero(cn);
}

/*
 * Sends a request. Returns 0 for a reply of type want (decoded into u;
 * an OK's text and id also go to last_text and last_id), the ERR code
 * (> 0, its text in last_text), or -1 after fail().
 */
static int
call(struct conn *cn, uint16_t type, const void *req, uint16_t want,
    union oreply *u, const char *what)
{
	uint16_t	rtype;
	int		r;

	memset(u, 0, sizeof *u);
	last_text[0] = '\0';
	last_id = 0;
	if ((r = conn_call(cn, type, req, &rtype, &u->r)) != 0)
		return fail("%s: %s", what, sus_strerror(r));
	if (rtype == MSG_ERR) {
		snprintf(last_text, sizeof last_text, "%s", u->r.err.message);
		r = (int)u->r.err.code;
		msg_clear(MSG_ERR, u);
		return r > 0 ? r : fail("%s: ERR with code 0", what);
	}
	if (rtype == MSG_OK) {
		snprintf(last_text, sizeof last_text, "%s", u->r.ok.message);
		last_id = u->r.ok.id;
	}
	if (rtype != want) {
		msg_clear(rtype, u);
		return fail("%s: reply %s, want %s", what, msg_name(rtype),
		    msg_name(want));
	}
	if (rtype == MSG_OK)
		msg_clear(MSG_OK, u);
	return 0;
}

/*
 * Checks a call's result: code 0 wants success, else that ERR code with
 * text (unless NULL) in its message. Returns 0 or -1 after fail().
 */
static int
expect(int r, uint32_t code, const char *text, const char *what)
{
	if (r < 0)
		return -1;
	if (code == 0 && r != 0)
		return fail("%s: ERR %d \"%s\", want success", what, r,
		    last_text);
	if (code != 0 && r == 0)
		return fail("%s: accepted (\"%s\"), want ERR %u", what,
		    last_text, code);
	if ((uint32_t)r != code)
		return fail("%s: ERR %d \"%s\", want %u", what, r, last_text,
		    code);
	if (text != NULL && strstr(last_text, text) == NULL)
		return fail("%s: \"%s\" lacks \"%s\"", what, last_text, text);
	return 0;
}

/* Logs in a demo user on a fresh connection; 0 or -1. */
static int
open_as(struct conn *cn, const char *user)
{
	conn_zero(cn);
	return case_login(cn, user) == 0 ? 0 : -1;
}

/* Characters (code points) in a UTF-8 string. */
static size_t
utf8_chars(const char *p)
{
	size_t	n = 0;

	for (; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/* Sets run_tag once: the time and the pid (each case is a process). */
static void
tag_init(void)
{
	if (run_tag == 0)
		run_tag = (unsigned)((time(NULL) % 1000) * 100000 +
		    getpid() % 100000) + 1;
}

/*
 * A new organisationsnummer of a legal person for the run: 222 and six
 * digits, then the Luhn check digit (bad makes it wrong on purpose).
 */
static void
orgnr_make(char *out, size_t len, int bad)
{
	char		 d[11];
	unsigned	 v;
	int		 i, sum = 0, p;

	tag_init();
	v = (run_tag * 37u + ++orgnr_seq * 1009u) % 1000000u;
	snprintf(d, sizeof d, "222%06u", v);
	for (i = 0; i < 9; i++) {
		p = (d[i] - '0') * (i % 2 == 0 ? 2 : 1);
		sum += p / 10 + p % 10;
	}
	d[9] = (char)('0' + ((10 - sum % 10) % 10 + (bad ? 5 : 0)) % 10);
	d[10] = '\0';
	snprintf(out, len, "%.6s-%.4s", d, d + 6);
}

/* An order with sensible values for namn, orgnr and the administratör. */
static void
order_fill(struct msg_samorg_order_submit *q, char *namn, char *orgnr,
    uint32_t admin)
{
	memset(q, 0, sizeof *q);
	q->namn = namn;
	q->organisationsnummer = orgnr;
	q->samverkansform_id = FORM_FINSAM;
	q->startdatum = (char *)"2024-01-01";
	q->admin_id = admin;
	q->kontakt_namn = (char *)"Kerstin Ålund";
	q->kontakt_telefon = (char *)"031-123 45 67";
	q->kontakt_epost = (char *)"kerstin.alund@example.se";
}

/* Submits an order; returns as call(), the new order's id in last_id. */
static int
submit(struct conn *cn, const struct msg_samorg_order_submit *q)
{
	union oreply	u;

	return call(cn, MSG_SAMORG_ORDER_SUBMIT, q, MSG_OK, &u,
	    "SAMORG_ORDER_SUBMIT");
}

/* Decides an order; returns as call(). */
static int
decide(struct conn *cn, uint32_t order, int approve, const char *kommentar)
{
	struct msg_samorg_order_decide	q;
	union oreply			u;

	q.order_id = order;
	q.approve = (uint8_t)approve;
	q.kommentar = (char *)kommentar;
	return call(cn, MSG_SAMORG_ORDER_DECIDE, &q, MSG_OK, &u,
	    "SAMORG_ORDER_DECIDE");
}

/* Lists a page of orders; the caller clears *l. Returns 0 or -1. */
static int
orders(struct conn *cn, uint8_t status, uint32_t offset, uint32_t limit,
    struct msg_samorg_order_list *l)
{
	struct msg_samorg_order_search	q;
	union oreply			u;

	memset(l, 0, sizeof *l);
	q.status = status;
	q.offset = offset;
	q.limit = limit;
	if (expect(call(cn, MSG_SAMORG_ORDER_SEARCH, &q,
	    MSG_SAMORG_ORDER_LIST, &u, "SAMORG_ORDER_SEARCH"), 0, NULL,
	    "SAMORG_ORDER_SEARCH") != 0)
		return -1;
	*l = u.ol;
	if (l->total < l->nrows)
		return fail("SAMORG_ORDER_SEARCH: total %u < %u rows",
		    l->total, l->nrows);
	return 0;
}

/* The index of order id in l, -1 if absent. */
static int
order_at(const struct msg_samorg_order_list *l, uint32_t id)
{
	uint32_t	i;

	for (i = 0; i < l->nrows; i++) {
		if (l->rows[i].id == id)
			return (int)i;
	}
	return -1;
}

/* The id of the user with exactly these names, 0 after fail(). */
static uint32_t
user_id(struct conn *cn, const char *fornamn, const char *efternamn)
{
	struct msg_user_search	q;
	union oreply		u;
	uint32_t		i, found = 0;

	memset(&q, 0, sizeof q);
	q.fornamn = (char *)fornamn;
	q.efternamn = (char *)efternamn;
	q.arbetsgivare = (char *)"";
	if (expect(call(cn, MSG_USER_SEARCH, &q, MSG_USER_LIST, &u,
	    "USER_SEARCH"), 0, NULL, "USER_SEARCH") != 0)
		return 0;
	for (i = 0; i < u.users.nrows; i++) {
		if (strcmp(u.users.rows[i].fornamn, fornamn) == 0 &&
		    strcmp(u.users.rows[i].efternamn, efternamn) == 0)
			found = u.users.rows[i].id;
	}
	msg_clear(MSG_USER_LIST, &u);
	if (found == 0)
		fail("no user %s %s", fornamn, efternamn);
	return found;
}

/*
 * The samverkansadministratör of these cases: ordered by bestallare on
 * blankett 9445 and approved by admin, once per run. 0 after fail().
 */
static uint32_t
fresh_admin(void)
{
	struct msg_order_submit	 q;
	struct msg_order_decide	 d;
	struct conn		 cn;
	union oreply		 u;
	char			 username[40];

	if (admin_user != 0)
		return admin_user;
	tag_init();
	snprintf(username, sizeof username, "sadm%u", run_tag);
	snprintf(admin_efternamn, sizeof admin_efternamn, "Förbundsadmin%u",
	    run_tag);
	memset(&q, 0, sizeof q);
	q.typ = ORDER_NEW;
	q.username = username;
	q.fornamn = (char *)"Åsa";
	q.efternamn = admin_efternamn;
	q.epost = (char *)"asa.forbundsadmin@example.se";
	q.roles = ROLE_SAMVERKANSADMIN;
	if (open_as(&cn, "bestallare") != 0)
		return 0;
	if (expect(call(&cn, MSG_ORDER_SUBMIT, &q, MSG_OK, &u,
	    "ORDER_SUBMIT"), 0, NULL, "9445 order of a "
	    "samverkansadministratör") != 0)
		goto out;
	d.order_id = last_id;
	d.approve = 1;
	d.kommentar = (char *)"";
	conn_done(&cn);
	if (open_as(&cn, "admin") != 0)
		goto out;
	if (expect(call(&cn, MSG_ORDER_DECIDE, &d, MSG_OK, &u,
	    "ORDER_DECIDE"), 0, NULL, "9445 approval") != 0)
		goto out;
	admin_user = user_id(&cn, "Åsa", admin_efternamn);
out:
	conn_done(&cn);
	return admin_user;
}

/* Rejects a waiting order as admin, so no test order stays in the queue. */
static int
cleanup_reject(uint32_t order)
{
	struct conn	cn;
	int		r;

	if (order == 0)
		return 0;
	if (open_as(&cn, "admin") != 0)
		return -1;
	r = decide(&cn, order, 0, "Testbeställning, städas bort.");
	conn_done(&cn);
	/* Already decided is fine: the case got there first. */
	return r == 0 || r == ERR_CONFLICT ? 0 : expect(r, 0, NULL, "cleanup");
}

/*
 * Namn: at most 50 characters including spaces, counted as characters:
 * 51 with å, ä and ö is refused, 50 (far more than 50 bytes) taken.
 */
static int
order_name_length(void)
{
	struct msg_samorg_order_submit	 q;
	struct conn			 cn;
	char				 namn[256], orgnr[16];
	uint32_t			 admin, order = 0;
	int				 rv = -1;

	conn_zero(&cn);
	if ((admin = fresh_admin()) == 0 || open_as(&cn, "samadm") != 0)
		goto out;
	orgnr_make(orgnr, sizeof orgnr, 0);
	/* Filled up with ö to 51 characters, many more bytes. */
	snprintf(namn, sizeof namn, "Förbundet Åäö i Öxabäck %05u Väst ",
	    run_tag % 100000);
	while (utf8_chars(namn) < 51)
		strlcat(namn, "ö", sizeof namn);
	order_fill(&q, namn, orgnr, admin);
	CHECK(utf8_chars(namn) == 51 && strlen(namn) > 70, "the name has %zu "
	    "characters, %zu bytes", utf8_chars(namn), strlen(namn));
	if (expect(submit(&cn, &q), ERR_VALIDATION,
	    "högst 50 tecken inklusive blanksteg; det har 51",
	    "51 characters") != 0)
		goto out;
	/* One ö (two bytes) less is one character too few to refuse. */
	namn[strlen(namn) - 2] = '\0';
	CHECK(utf8_chars(namn) == 50, "%zu characters", utf8_chars(namn));
	if (expect(submit(&cn, &q), 0, "skickad", "50 characters") != 0)
		goto out;
	order = last_id;
	CHECK(order != 0, "no order id in the OK");
	CHECK(strstr(last_text, namn) != NULL, "OK does not name the "
	    "organisation: %s", last_text);
	/* Spaces at the ends are not part of the name. */
	snprintf(namn, sizeof namn, "   ");
	if (expect(submit(&cn, &q), ERR_VALIDATION, "Fyll i "
	    "samverkansorganisationens namn", "only spaces") != 0)
		goto out;
	rv = 0;
out:
	conn_done(&cn);
	if (cleanup_reject(order) != 0)
		rv = -1;
	return rv;
}

/* Rule 2: never a samverkansform in the name, whatever its case. */
static int
order_name_samverkansform(void)
{
	static const struct {
		const char	*namn;
		const char	*form;
	} names[] = {
		{ "Samordningsförbundet FINSAM Väst", "(FINSAM)." },
		{ "Förbundet finsam i Norr", "(FINSAM)." },
		{ "Tvåpartsfinsam Ådalen", "(Tvåpartsfinsam)." },
		{ "TVÅPARTSFINSAM Ådalen", "(Tvåpartsfinsam)." },
		{ "Samverkan Af/FK samarbete Öst", "(Af/FK-samarbete)." },
	};
	struct msg_samorg_order_submit	 q;
	struct conn			 cn;
	char				 namn[128], orgnr[16], what[160];
	uint32_t			 admin;
	size_t				 i;
	int				 rv = -1;

	conn_zero(&cn);
	if ((admin = fresh_admin()) == 0 || open_as(&cn, "rapport") != 0)
		goto out;
	orgnr_make(orgnr, sizeof orgnr, 0);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(namn, sizeof namn, "%s %u", names[i].namn, run_tag);
		order_fill(&q, namn, orgnr, admin);
		snprintf(what, sizeof what, "name \"%s\"", namn);
		if (expect(submit(&cn, &q), ERR_VALIDATION, "Namnet får inte "
		    "innehålla samverkansformen", what) != 0)
			goto out;
		CHECK(strstr(last_text, names[i].form) != NULL,
		    "%s: \"%s\" does not name %s", what, last_text,
		    names[i].form);
	}
	rv = 0;
out:
	conn_done(&cn);
	return rv;
}

/* Samverkansform: Handlingsplansamverkan is closed, an unknown id none. */
static int
order_form_closed(void)
{
	struct msg_samorg_order_submit	 q;
	struct conn			 cn;
	char				 namn[128], orgnr[16];
	uint32_t			 admin;
	int				 rv = -1;

	conn_zero(&cn);
	if ((admin = fresh_admin()) == 0 || open_as(&cn, "samadm") != 0)
		goto out;
	orgnr_make(orgnr, sizeof orgnr, 0);
	snprintf(namn, sizeof namn, "Samverkansområde Ödeshög %u", run_tag);
	order_fill(&q, namn, orgnr, admin);
	q.samverkansform_id = FORM_HANDLINGSPLAN;
	if (expect(submit(&cn, &q), ERR_VALIDATION, "Samverkansformen "
	    "Handlingsplansamverkan är stängd för nya "
	    "samverkansorganisationer sedan 2013-02-01", "closed form") != 0)
		goto out;
	q.samverkansform_id = NO_SUCH_ID;
	if (expect(submit(&cn, &q), ERR_VALIDATION, "Välj en "
	    "samverkansform", "unknown form") != 0)
		goto out;
	q.samverkansform_id = 0;
	if (expect(submit(&cn, &q), ERR_VALIDATION, "Välj en "
	    "samverkansform", "no form") != 0)
		goto out;
	rv = 0;
out:
	conn_done(&cn);
	return rv;
}

/*
 * Organisationsnummer: NNNNNN-NNNN (or ten digits, given the hyphen),
 * a legal person's, with the right Luhn check digit.
 */
static int
order_orgnr(void)
{
	static const struct {
		const char	*nr;
		const char	*text;
	} bad[] = {
		{ "", "Fyll i organisationsnummer" },
		{ "12345-6789", "ska skrivas NNNNNN-NNNN" },
		{ "222222-01011", "ska skrivas NNNNNN-NNNN" },
		{ "2222A2-0101", "ska skrivas NNNNNN-NNNN" },
		{ "222222--0101", "ska skrivas NNNNNN-NNNN" },
		/* A personnummer's shape, check digit right. */
		{ "551212-1235", "den tredje siffran är 2 eller högre" },
	};
	struct msg_samorg_order_submit	 q;
	struct msg_samorg_order_list	 l;
	struct conn			 cn;
	char				 namn[128], orgnr[16], digits[16];
	uint32_t			 admin, order = 0;
	size_t				 i;
	int				 rv = -1, k;

	conn_zero(&cn);
	memset(&l, 0, sizeof l);
	if ((admin = fresh_admin()) == 0 || open_as(&cn, "samadm") != 0)
		goto out;
	snprintf(namn, sizeof namn, "Förbundet Kontrollsiffra %u", run_tag);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		order_fill(&q, namn, (char *)bad[i].nr, admin);
		if (expect(submit(&cn, &q), ERR_VALIDATION, bad[i].text,
		    bad[i].nr) != 0)
			goto out;
	}
	orgnr_make(orgnr, sizeof orgnr, 1);
	order_fill(&q, namn, orgnr, admin);
	if (expect(submit(&cn, &q), ERR_VALIDATION, "har fel kontrollsiffra",
	    "wrong check digit") != 0)
		goto out;
	CHECK(strstr(last_text, orgnr) != NULL, "the number is not named: "
	    "%s", last_text);
	/* Ten digits are taken and stored with the hyphen. */
	orgnr_make(orgnr, sizeof orgnr, 0);
	snprintf(digits, sizeof digits, "%.6s%.4s", orgnr, orgnr + 7);
	order_fill(&q, namn, digits, admin);
	if (expect(submit(&cn, &q), 0, NULL, "ten digits") != 0)
		goto out;
	order = last_id;
	if (orders(&cn, ORDER_SUBMITTED, 0, SUS_LIST_MAX, &l) != 0)
		goto out;
	CHECK((k = order_at(&l, order)) >= 0, "order %u not listed", order);
	CHECK(strcmp(l.rows[k].organisationsnummer, orgnr) == 0,
	    "stored as %s, want %s", l.rows[k].organisationsnummer, orgnr);
	rv = 0;
out:
	msg_clear(MSG_SAMORG_ORDER_LIST, &l);
	conn_done(&cn);
	if (cleanup_reject(order) != 0)
		rv = -1;
	return rv;
}

/*
 * One wrong field each in an otherwise good order: the text field at
 * off gets value, or (off NO_FIELD) the administratör is admin_who.
 */
#define NO_FIELD	((size_t)-1)
#define F(m)		offsetof(struct msg_samorg_order_submit, m)

static const struct {
	size_t		 off;
	const char	*value;
	int		 admin_who;	/* 0 none, 1 Karin Nyberg, 2 no one */
	const char	*text;
} bad_fields[] = {
	{ F(startdatum), "2025-02-30", 0, "Ange startdatum som ÅÅÅÅ-MM-DD" },
	{ F(startdatum), "1989-12-31", 0, "före 1990-01-01" },
	{ F(startdatum), "2199-01-01", 0, "högst ett år fram" },
	{ NO_FIELD, NULL, 0, "Välj den första samverkansadministratören" },
	/* Rule 12: Karin Nyberg holds SUSrapport only. */
	{ NO_FIELD, NULL, 1, "Karin Nyberg har inte rollen "
	    "Samverkansadministratör" },
	{ NO_FIELD, NULL, 2, "samverkansadministratören finns inte" },
	{ F(kontakt_namn), "  ", 0, "Fyll i Kontaktpersonens namn" },
	{ F(kontakt_telefon), "", 0, "Fyll i Kontaktpersonens telefon" },
	{ F(kontakt_telefon), "ring mig", 0, "Kontaktpersonens telefon får "
	    "bara innehålla siffror" },
	{ F(kontakt_telefon), "123", 0, "6-15 siffror" },
	{ F(kontakt_telefon), "+46 31-12 34 56 78 90 12 34", 0,
	    "6-15 siffror" },
	{ F(kontakt_epost), "kerstin.example.se", 0, "Kontaktpersonens e-post "
	    "ska vara en adress" },
	{ F(kontakt_epost), "kerstin@localhost", 0, "Kontaktpersonens "
	    "e-post" },
	{ F(kontakt_epost), "kerstin alund@example.se", 0, "Kontaktpersonens "
	    "e-post" },
};

/* Startdatum, the administratör and the contact details. */
static int
order_fields(void)
{
	struct msg_samorg_order_submit	 q;
	struct conn			 cn;
	char				 namn[128], orgnr[16], what[160];
	uint32_t			 admin, others[3];
	char				*v;
	size_t				 i;
	int				 rv = -1;

	conn_zero(&cn);
	if ((admin = fresh_admin()) == 0 || open_as(&cn, "samadm") != 0 ||
	    (others[1] = user_id(&cn, "Karin", "Nyberg")) == 0)
		goto out;
	others[0] = 0;
	others[2] = NO_SUCH_ID;
	orgnr_make(orgnr, sizeof orgnr, 0);
	snprintf(namn, sizeof namn, "Förbundet Fältkoll %u", run_tag);
	for (i = 0; i < sizeof bad_fields / sizeof bad_fields[0]; i++) {
		order_fill(&q, namn, orgnr, admin);
		if (bad_fields[i].off == NO_FIELD)
			q.admin_id = others[bad_fields[i].admin_who];
		else {
			v = (char *)bad_fields[i].value;
			memcpy((char *)&q + bad_fields[i].off, &v, sizeof v);
		}
		snprintf(what, sizeof what, "bad field %zu (%s)", i,
		    bad_fields[i].value != NULL ? bad_fields[i].value :
		    "administratör");
		if (expect(submit(&cn, &q), ERR_VALIDATION, bad_fields[i].text,
		    what) != 0)
			goto out;
	}
	/* The same order with every field right goes. */
	order_fill(&q, namn, orgnr, admin);
	q.kontakt_telefon = (char *)"+46 31-123 45 67";
	if (expect(submit(&cn, &q), 0, NULL, "all fields right") != 0)
		goto out;
	rv = cleanup_reject(last_id);
out:
	conn_done(&cn);
	return rv;
}

/*
 * Rule 1: one order per organisation, by name (any case) or by
 * organisationsnummer, and never for an existing organisation; a
 * rejected order frees both.
 */
static int
order_one_per_org(void)
{
	struct msg_samorg_order_submit	 q;
	struct conn			 cn, ad;
	char				 namn[128], lower[128], other[128];
	char				 orgnr[16], orgnr2[16];
	uint32_t			 admin, first = 0, again = 0;
	size_t				 i;
	int				 rv = -1;

	conn_zero(&cn);
	conn_zero(&ad);
	if ((admin = fresh_admin()) == 0 || open_as(&cn, "samadm") != 0 ||
	    open_as(&ad, "admin") != 0)
		goto out;
	orgnr_make(orgnr, sizeof orgnr, 0);
	orgnr_make(orgnr2, sizeof orgnr2, 0);
	snprintf(namn, sizeof namn, "Förbundet Enda Ölme %u", run_tag);
	snprintf(other, sizeof other, "Förbundet Andra Ölme %u", run_tag);
	snprintf(lower, sizeof lower, "%s", namn);
	for (i = 0; lower[i] != '\0'; i++) {
		if (lower[i] >= 'A' && lower[i] <= 'Z')
			lower[i] = (char)(lower[i] - 'A' + 'a');
	}
	order_fill(&q, namn, orgnr, admin);
	if (expect(submit(&cn, &q), 0, NULL, "first order") != 0)
		goto out;
	first = last_id;
	/* The same name in other case, another number: the same förbund. */
	order_fill(&q, lower, orgnr2, admin);
	if (expect(submit(&cn, &q), ERR_CONFLICT, "Det finns redan en "
	    "beställning av", "same name, lower case") != 0)
		goto out;
	/* Another name, the same number. */
	order_fill(&q, other, orgnr, admin);
	if (expect(submit(&cn, &q), ERR_CONFLICT, "Det finns redan en "
	    "beställning med organisationsnummer", "same orgnr") != 0)
		goto out;
	/* Another orderer meets the same refusal. */
	if (expect(submit(&ad, &q), ERR_CONFLICT, "organisationsnummer",
	    "same orgnr from admin") != 0)
		goto out;
	/* An organisation that exists, by name and by number. */
	order_fill(&q, (char *)"samordningsförbundet göteborg", orgnr2, admin);
	if (expect(submit(&cn, &q), ERR_CONFLICT, "Det finns redan en "
	    "samverkansorganisation som heter Samordningsförbundet Göteborg",
	    "existing organisation's name") != 0)
		goto out;
	order_fill(&q, other, (char *)DEMO_GBG_ORGNR, admin);
	if (expect(submit(&cn, &q), ERR_CONFLICT, "Samordningsförbundet "
	    "Göteborg har redan organisationsnummer " DEMO_GBG_ORGNR,
	    "existing organisation's number") != 0)
		goto out;
	/* Rejected, the order no longer holds the name or the number. */
	if (expect(decide(&ad, first, 0, "Fel samverkansform."), 0, NULL,
	    "reject the first") != 0)
		goto out;
	order_fill(&q, lower, orgnr, admin);
	if (expect(submit(&cn, &q), 0, NULL, "again after rejection") != 0)
		goto out;
	again = last_id;
	rv = 0;
out:
	conn_done(&cn);
	conn_done(&ad);
	if (cleanup_reject(first) != 0 || cleanup_reject(again) != 0)
		rv = -1;
	return rv;
}

/* Checks every field of a listed order against what was sent. */
static int
row_matches(const struct samorg_order_row *r,
    const struct msg_samorg_order_submit *q, uint8_t status,
    const char *skapad_av)
{
	char	admin[128];

	snprintf(admin, sizeof admin, "Åsa %s, Göteborgs stad",
	    admin_efternamn);
	if (r->status != status || strcmp(r->namn, q->namn) != 0 ||
	    strcmp(r->organisationsnummer, q->organisationsnummer) != 0 ||
	    r->samverkansform_id != q->samverkansform_id ||
	    strcmp(r->samverkansform, "FINSAM") != 0 ||
	    strcmp(r->startdatum, q->startdatum) != 0 ||
	    r->admin_id != q->admin_id || strcmp(r->admin, admin) != 0 ||
	    strcmp(r->kontakt_namn, q->kontakt_namn) != 0 ||
	    strcmp(r->kontakt_telefon, q->kontakt_telefon) != 0 ||
	    strcmp(r->kontakt_epost, q->kontakt_epost) != 0 ||
	    strcmp(r->skapad_av, skapad_av) != 0)
		return fail("row %u: %u %s %s %u %s %s %u %s %s %s %s %s",
		    r->id, r->status, r->namn, r->organisationsnummer,
		    r->samverkansform_id, r->samverkansform, r->startdatum,
		    r->admin_id, r->admin, r->kontakt_namn, r->kontakt_telefon,
		    r->kontakt_epost, r->skapad_av);
	if (strlen(r->skapad) != 16 || r->skapad[10] != ' ')
		return fail("row %u: skapad \"%s\"", r->id, r->skapad);
	return 0;
}

/*
 * The organisation named namn in Sök samverkansorg, with its number,
 * form and dates in what; 0 if there is none (or after fail()).
 */
static uint32_t
samorg_lookup(struct conn *cn, const char *namn, char *what, size_t len)
{
	struct msg_samorg_search	q;
	union oreply			u;
	uint32_t			i, found = 0;

	memset(&q, 0, sizeof q);
	q.pattern = (char *)namn;
	q.lanskod = (char *)"";
	q.kommunkod = (char *)"";
	if (expect(call(cn, MSG_SAMORG_SEARCH, &q, MSG_SAMORG_LIST, &u,
	    "SAMORG_SEARCH"), 0, NULL, "SAMORG_SEARCH") != 0)
		return 0;
	for (i = 0; i < u.so.nrows; i++) {
		if (strcmp(u.so.rows[i].namn, namn) != 0)
			continue;
		found = u.so.rows[i].id;
		snprintf(what, len, "%s|%s|%s|%s",
		    u.so.rows[i].organisationsnummer,
		    u.so.rows[i].samverkansform, u.so.rows[i].startdatum,
		    u.so.rows[i].slutdatum);
	}
	msg_clear(MSG_SAMORG_LIST, &u);
	return found;
}

/* As samorg_lookup(), but not finding it fails the case. */
static uint32_t
samorg_find(struct conn *cn, const char *namn, char *what, size_t len)
{
	uint32_t	found;

	if ((found = samorg_lookup(cn, namn, what, len)) == 0)
		fail("Sök samverkansorg does not find \"%s\"", namn);
	return found;
}

/* The uppdrag of a samverkansorganisation; the caller clears *l. */
static int
uppdrag_of(struct conn *cn, uint32_t samorg, struct msg_uppdrag_list *l)
{
	struct msg_uppdrag_search	q;
	union oreply			u;

	memset(l, 0, sizeof *l);
	memset(&q, 0, sizeof q);
	q.samorg_id = samorg;
	if (expect(call(cn, MSG_UPPDRAG_SEARCH, &q, MSG_UPPDRAG_LIST, &u,
	    "UPPDRAG_SEARCH"), 0, NULL, "UPPDRAG_SEARCH") != 0)
		return -1;
	*l = u.up;
	return 0;
}

/*
 * Approval: the organisation exists with what was ordered, the
 * administratör has the uppdrag from today, the order says who decided
 * and what was created; it cannot be decided again, and its name cannot
 * be ordered again.
 */
static int
order_approve(void)
{
	struct msg_samorg_order_submit	 q;
	struct msg_samorg_order_list	 l;
	struct msg_uppdrag_list		 up;
	struct conn			 cn, ad;
	char				 namn[128], orgnr[16], got[256],
	    want[256];
	char				 today[16];
	time_t				 now = time(NULL);
	uint32_t			 admin, order = 0, samorg = 0;
	int				 rv = -1, k;

	conn_zero(&cn);
	conn_zero(&ad);
	memset(&l, 0, sizeof l);
	memset(&up, 0, sizeof up);
	strftime(today, sizeof today, "%Y-%m-%d", localtime(&now));
	if ((admin = fresh_admin()) == 0 || open_as(&cn, "samadm") != 0 ||
	    open_as(&ad, "admin") != 0)
		goto out;
	orgnr_make(orgnr, sizeof orgnr, 0);
	snprintf(namn, sizeof namn, "Samordningsförbundet Åsnen %u", run_tag);
	order_fill(&q, namn, orgnr, admin);
	q.startdatum = (char *)"2025-01-01";
	if (expect(submit(&cn, &q), 0, NULL, "order") != 0)
		goto out;
	order = last_id;
	/* The inbox shows it with every field. */
	if (orders(&ad, ORDER_SUBMITTED, 0, SUS_LIST_MAX, &l) != 0)
		goto out;
	CHECK((k = order_at(&l, order)) >= 0, "order %u not in the inbox",
	    order);
	if (row_matches(&l.rows[k], &q, ORDER_SUBMITTED, "Erik Öberg") != 0)
		goto out;
	CHECK(l.rows[k].beslutad[0] == '\0' && l.rows[k].beslutad_av[0] ==
	    '\0' && l.rows[k].kommentar[0] == '\0' && l.rows[k].samorg_id == 0,
	    "undecided order has a decision: \"%s\" \"%s\" \"%s\" %u",
	    l.rows[k].beslutad, l.rows[k].beslutad_av, l.rows[k].kommentar,
	    l.rows[k].samorg_id);
	msg_clear(MSG_SAMORG_ORDER_LIST, &l);
	/* Only a superadministratör decides. */
	if (expect(decide(&cn, order, 1, ""), ERR_FORBIDDEN, NULL,
	    "samadm approves") != 0)
		goto out;
	if (expect(decide(&ad, order, 1, "Välkomna!"), 0, "är skapad",
	    "approve") != 0)
		goto out;
	samorg = last_id;
	CHECK(samorg != 0, "approval answered id 0");
	CHECK(strstr(last_text, namn) != NULL && strstr(last_text,
	    admin_efternamn) != NULL, "approval says \"%s\"", last_text);
	/* The organisation, as ordered. */
	CHECK(samorg_find(&cn, namn, got, sizeof got) == samorg,
	    "Sök samverkansorg gives another id than %u", samorg);
	snprintf(want, sizeof want, "%s|FINSAM|2025-01-01|", orgnr);
	CHECK(strcmp(got, want) == 0, "organisation \"%s\", want \"%s\"", got,
	    want);
	/* The first samverkansadministratör's uppdrag, from today. */
	if (uppdrag_of(&cn, samorg, &up) != 0)
		goto out;
	CHECK(up.nrows == 1 && up.rows[0].user_id == admin &&
	    up.rows[0].roll == ROLE_SAMVERKANSADMIN && up.rows[0].insats_id ==
	    0 && strcmp(up.rows[0].giltig_from, today) == 0 &&
	    up.rows[0].giltig_tom[0] == '\0' && strcmp(up.rows[0].samorg,
	    namn) == 0, "uppdrag: %u rows, first user %u roll %u from %s",
	    up.nrows, up.nrows > 0 ? up.rows[0].user_id : 0,
	    up.nrows > 0 ? up.rows[0].roll : 0,
	    up.nrows > 0 ? up.rows[0].giltig_from : "-");
	/* The order says what became of it; the orderer sees that too. */
	if (orders(&cn, ORDER_APPROVED, 0, SUS_LIST_MAX, &l) != 0)
		goto out;
	CHECK((k = order_at(&l, order)) >= 0, "order %u not approved",
	    order);
	if (row_matches(&l.rows[k], &q, ORDER_APPROVED, "Erik Öberg") != 0)
		goto out;
	CHECK(l.rows[k].samorg_id == samorg && strcmp(l.rows[k].beslutad_av,
	    "Anna Lindqvist") == 0 && strcmp(l.rows[k].kommentar,
	    "Välkomna!") == 0 && strncmp(l.rows[k].beslutad, today, 10) == 0,
	    "decision: %u \"%s\" \"%s\" \"%s\"", l.rows[k].samorg_id,
	    l.rows[k].beslutad_av, l.rows[k].kommentar, l.rows[k].beslutad);
	/* Decided once. */
	if (expect(decide(&ad, order, 1, ""), ERR_CONFLICT, "redan "
	    "behandlad: godkänd", "approve twice") != 0 ||
	    expect(decide(&ad, order, 0, "Nej"), ERR_CONFLICT,
	    "redan behandlad", "reject after approval") != 0)
		goto out;
	/* The name belongs to an organisation now. */
	orgnr_make(orgnr, sizeof orgnr, 0);
	order_fill(&q, namn, orgnr, admin);
	if (expect(submit(&cn, &q), ERR_CONFLICT, "Det finns redan en "
	    "samverkansorganisation som heter", "order an existing name") != 0)
		goto out;
	CHECK(decide(&ad, NO_SUCH_ID, 1, "") == ERR_NOT_FOUND,
	    "unknown order: %s", last_text);
	rv = 0;
out:
	msg_clear(MSG_SAMORG_ORDER_LIST, &l);
	msg_clear(MSG_UPPDRAG_LIST, &up);
	conn_done(&cn);
	conn_done(&ad);
	return rv;
}

/*
 * Things change while an order waits: here the organisationsnummer it
 * names is given to another organisation (Hantera samverkansorg), so the
 * approval is refused and creates nothing; the order must be rejected.
 */
static int
order_approve_taken(void)
{
	struct msg_samorg_order_submit	 q;
	struct msg_samorg_get		 g;
	struct msg_uppdrag_list		 up;
	union oreply			 u;
	struct conn			 cn, ad;
	char				 n1[128], n2[128], o1[16], o2[16],
	    got[256];
	uint32_t			 admin, a, b = 0, samorg;
	int				 rv = -1;

	conn_zero(&cn);
	conn_zero(&ad);
	memset(&u, 0, sizeof u);
	memset(&up, 0, sizeof up);
	if ((admin = fresh_admin()) == 0 || open_as(&cn, "samadm") != 0 ||
	    open_as(&ad, "admin") != 0)
		goto out;
	orgnr_make(o1, sizeof o1, 0);
	orgnr_make(o2, sizeof o2, 0);
	snprintf(n1, sizeof n1, "Förbundet Först Ånge %u", run_tag);
	snprintf(n2, sizeof n2, "Förbundet Sedan Ånge %u", run_tag);
	order_fill(&q, n1, o1, admin);
	if (expect(submit(&cn, &q), 0, NULL, "first order") != 0)
		goto out;
	a = last_id;
	order_fill(&q, n2, o2, admin);
	if (expect(submit(&cn, &q), 0, NULL, "second order") != 0)
		goto out;
	b = last_id;
	if (expect(decide(&ad, a, 1, ""), 0, NULL, "approve the first") != 0)
		goto out;
	samorg = last_id;
	/* The first organisation takes the second order's number. */
	g.id = samorg;
	if (expect(call(&ad, MSG_SAMORG_GET, &g, MSG_SAMORG, &u,
	    "SAMORG_GET"), 0, NULL, "SAMORG_GET") != 0)
		goto out;
	free(u.so1.organisationsnummer);
	u.so1.organisationsnummer = strdup(o2);
	CHECK(u.so1.organisationsnummer != NULL, "out of memory");
	{
		union oreply	v;

		if (expect(call(&ad, MSG_SAMORG_SAVE, &u.so1, MSG_OK, &v,
		    "SAMORG_SAVE"), 0, NULL, "give the number away") != 0)
			goto out;
	}
	if (expect(decide(&ad, b, 1, ""), ERR_CONFLICT, "har redan "
	    "organisationsnummer", "approve a taken number") != 0)
		goto out;
	CHECK(strstr(last_text, o2) != NULL && strstr(last_text, n1) != NULL &&
	    strstr(last_text, "ska avslås") != NULL, "refusal \"%s\"",
	    last_text);
	/* Nothing was created: no organisation under the second name. */
	CHECK(samorg_lookup(&cn, n2, got, sizeof got) == 0, "\"%s\" was "
	    "created", n2);
	rv = 0;
out:
	msg_clear(MSG_SAMORG, &u);
	conn_done(&cn);
	conn_done(&ad);
	if (cleanup_reject(b) != 0)
		rv = -1;
	return rv;
}

/* Rejection needs a reason, keeps it, and is final. */
static int
order_reject(void)
{
	struct msg_samorg_order_submit	 q;
	struct msg_samorg_order_list	 l;
	struct conn			 cn, ad;
	char				 namn[128], orgnr[16];
	uint32_t			 admin, order = 0;
	int				 rv = -1, k;

	conn_zero(&cn);
	conn_zero(&ad);
	memset(&l, 0, sizeof l);
	if ((admin = fresh_admin()) == 0 || open_as(&cn, "samadm") != 0 ||
	    open_as(&ad, "admin") != 0)
		goto out;
	orgnr_make(orgnr, sizeof orgnr, 0);
	snprintf(namn, sizeof namn, "Förbundet Avslag Älvdalen %u", run_tag);
	order_fill(&q, namn, orgnr, admin);
	if (expect(submit(&cn, &q), 0, NULL, "order") != 0)
		goto out;
	order = last_id;
	if (expect(decide(&ad, order, 0, "   "), ERR_VALIDATION, "Skriv i "
	    "kommentaren varför beställningen avslås", "reject without "
	    "reason") != 0)
		goto out;
	if (expect(decide(&ad, order, 0, "Förbundet finns redan under ett "
	    "annat namn."), 0, "avslagen", "reject") != 0)
		goto out;
	CHECK(last_id == 0, "rejection answered id %u", last_id);
	if (orders(&cn, ORDER_REJECTED, 0, SUS_LIST_MAX, &l) != 0)
		goto out;
	CHECK((k = order_at(&l, order)) >= 0, "order %u not rejected",
	    order);
	CHECK(l.rows[k].status == ORDER_REJECTED && l.rows[k].samorg_id == 0 &&
	    strcmp(l.rows[k].kommentar, "Förbundet finns redan under ett "
	    "annat namn.") == 0 && strcmp(l.rows[k].beslutad_av,
	    "Anna Lindqvist") == 0, "rejected row: %u %u \"%s\" \"%s\"",
	    l.rows[k].status, l.rows[k].samorg_id, l.rows[k].kommentar,
	    l.rows[k].beslutad_av);
	if (expect(decide(&ad, order, 1, ""), ERR_CONFLICT, "redan "
	    "behandlad: avslagen", "approve after rejection") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_SAMORG_ORDER_LIST, &l);
	conn_done(&cn);
	conn_done(&ad);
	return rv;
}

/* Sets the made administratör's roles or activity as admin; 0 or -1. */
static int
admin_user_set(struct conn *ad, int role, int active)
{
	struct msg_role_set	rs;
	struct msg_user_active	ua;
	union oreply		u;

	if (role >= 0) {
		rs.user_id = admin_user;
		rs.roles = role ? ROLE_SAMVERKANSADMIN : ROLE_SUSRAPPORT;
		return expect(call(ad, MSG_ROLE_SET, &rs, MSG_OK, &u,
		    "ROLE_SET"), 0, NULL, "ROLE_SET");
	}
	ua.user_id = admin_user;
	ua.aktiv = (uint8_t)active;
	return expect(call(ad, MSG_USER_ACTIVE, &ua, MSG_OK, &u,
	    "USER_ACTIVE"), 0, NULL, "USER_ACTIVE");
}

/*
 * The administratör named in a waiting order loses the role, or the
 * account: the approval is refused and creates nothing.
 */
static int
order_admin_changed(void)
{
	struct msg_samorg_order_submit	 q;
	struct conn			 cn, ad;
	char				 namn[128], orgnr[16], who[128];
	uint32_t			 admin, order = 0;
	int				 rv = -1, changed = 0;

	conn_zero(&cn);
	conn_zero(&ad);
	if ((admin = fresh_admin()) == 0 || open_as(&cn, "samadm") != 0 ||
	    open_as(&ad, "admin") != 0)
		goto out;
	snprintf(who, sizeof who, "Åsa %s", admin_efternamn);
	orgnr_make(orgnr, sizeof orgnr, 0);
	snprintf(namn, sizeof namn, "Förbundet Bytt Admin Åmål %u", run_tag);
	order_fill(&q, namn, orgnr, admin);
	if (expect(submit(&cn, &q), 0, NULL, "order") != 0)
		goto out;
	order = last_id;
	changed = 1;
	if (admin_user_set(&ad, 0, 0) != 0)
		goto out;
	if (expect(decide(&ad, order, 1, ""), ERR_VALIDATION, "har inte "
	    "längre rollen Samverkansadministratör", "approve without the "
	    "role") != 0)
		goto out;
	CHECK(strstr(last_text, who) != NULL && strstr(last_text, "ska "
	    "avslås") != NULL, "refusal \"%s\"", last_text);
	if (admin_user_set(&ad, 1, 0) != 0 || admin_user_set(&ad, -1, 0) != 0)
		goto out;
	if (expect(decide(&ad, order, 1, ""), ERR_VALIDATION, "är inte aktiv",
	    "approve an inactive administratör") != 0)
		goto out;
	if (admin_user_set(&ad, -1, 1) != 0)
		goto out;
	changed = 0;
	/* Nothing was created by the refusals; now it goes. */
	if (expect(decide(&ad, order, 1, ""), 0, NULL, "approve") != 0)
		goto out;
	order = 0;
	rv = 0;
out:
	if (changed && ad.c != NULL && (admin_user_set(&ad, 1, 0) != 0 ||
	    admin_user_set(&ad, -1, 1) != 0))
		rv = -1;
	conn_done(&cn);
	conn_done(&ad);
	if (cleanup_reject(order) != 0)
		rv = -1;
	return rv;
}

/*
 * Anyone logged in orders, a beställare without a role too; each sees
 * only the own orders, a superadministratör all. Paging is newest first.
 */
static int
order_visibility(void)
{
	struct msg_samorg_order_submit	 q;
	struct msg_samorg_order_list	 l, p;
	struct conn			 best, sam, rap, ad;
	char				 n1[128], n2[128], o1[16], o2[16];
	uint32_t			 admin, a = 0, b = 0, i;
	int				 rv = -1;

	conn_zero(&best);
	conn_zero(&sam);
	conn_zero(&rap);
	conn_zero(&ad);
	memset(&l, 0, sizeof l);
	memset(&p, 0, sizeof p);
	if ((admin = fresh_admin()) == 0 || open_as(&best, "bestallare") != 0 ||
	    open_as(&sam, "samadm") != 0 || open_as(&rap, "rapport") != 0 ||
	    open_as(&ad, "admin") != 0)
		goto out;
	orgnr_make(o1, sizeof o1, 0);
	orgnr_make(o2, sizeof o2, 0);
	snprintf(n1, sizeof n1, "Förbundet Beställare Öckerö %u", run_tag);
	snprintf(n2, sizeof n2, "Förbundet Samadm Öckerö %u", run_tag);
	order_fill(&q, n1, o1, admin);
	if (expect(submit(&best, &q), 0, NULL, "beställare orders") != 0)
		goto out;
	a = last_id;
	order_fill(&q, n2, o2, admin);
	if (expect(submit(&sam, &q), 0, NULL, "samadm orders") != 0)
		goto out;
	b = last_id;
	if (orders(&best, 0, 0, SUS_LIST_MAX, &l) != 0)
		goto out;
	CHECK(order_at(&l, a) >= 0 && order_at(&l, b) < 0, "beställare "
	    "sees %d %d", order_at(&l, a), order_at(&l, b));
	for (i = 0; i < l.nrows; i++)
		CHECK(strcmp(l.rows[i].skapad_av, "Lena Holm") == 0,
		    "beställare sees an order by %s", l.rows[i].skapad_av);
	msg_clear(MSG_SAMORG_ORDER_LIST, &l);
	if (orders(&sam, ORDER_SUBMITTED, 0, SUS_LIST_MAX, &l) != 0)
		goto out;
	CHECK(order_at(&l, a) < 0 && order_at(&l, b) >= 0, "samadm sees "
	    "%d %d", order_at(&l, a), order_at(&l, b));
	for (i = 0; i < l.nrows; i++)
		CHECK(strcmp(l.rows[i].skapad_av, "Erik Öberg") == 0,
		    "samadm sees an order by %s", l.rows[i].skapad_av);
	msg_clear(MSG_SAMORG_ORDER_LIST, &l);
	if (orders(&rap, 0, 0, SUS_LIST_MAX, &l) != 0)
		goto out;
	CHECK(l.total == 0 && l.nrows == 0, "rapport sees %u orders",
	    l.total);
	msg_clear(MSG_SAMORG_ORDER_LIST, &l);
	/* The superadministratör sees both, the newer first. */
	if (orders(&ad, ORDER_SUBMITTED, 0, SUS_LIST_MAX, &l) != 0)
		goto out;
	CHECK(order_at(&l, a) >= 0 && order_at(&l, b) >= 0 &&
	    order_at(&l, b) < order_at(&l, a), "admin sees %d %d",
	    order_at(&l, a), order_at(&l, b));
	for (i = 0; i < l.nrows; i++)
		CHECK(l.rows[i].status == ORDER_SUBMITTED, "status filter let "
		    "%u through", l.rows[i].status);
	for (i = 1; i < l.nrows; i++)
		CHECK(strcmp(l.rows[i - 1].skapad, l.rows[i].skapad) >= 0,
		    "not newest first at row %u", i);
	/* A page of one from the second row is the second row. */
	CHECK(l.nrows >= 2, "admin sees %u orders", l.nrows);
	if (orders(&ad, ORDER_SUBMITTED, 1, 1, &p) != 0)
		goto out;
	CHECK(p.nrows == 1 && p.total == l.total && p.rows[0].id ==
	    l.rows[1].id, "page: %u rows of %u, id %u, want %u of %u", p.nrows,
	    p.total, p.nrows > 0 ? p.rows[0].id : 0, l.rows[1].id, l.total);
	msg_clear(MSG_SAMORG_ORDER_LIST, &p);
	if (orders(&ad, ORDER_SUBMITTED, l.total, 10, &p) != 0)
		goto out;
	CHECK(p.nrows == 0 && p.total == l.total, "past the end: %u rows",
	    p.nrows);
	{
		struct msg_samorg_order_search	bad = { 9, 0, 0 };
		union oreply			u;

		CHECK(call(&ad, MSG_SAMORG_ORDER_SEARCH, &bad,
		    MSG_SAMORG_ORDER_LIST, &u, "bad status") ==
		    ERR_BAD_REQUEST, "status 9: %s", last_text);
	}
	rv = 0;
out:
	msg_clear(MSG_SAMORG_ORDER_LIST, &l);
	msg_clear(MSG_SAMORG_ORDER_LIST, &p);
	conn_done(&best);
	conn_done(&sam);
	conn_done(&rap);
	conn_done(&ad);
	if (cleanup_reject(a) != 0 || cleanup_reject(b) != 0)
		rv = -1;
	return rv;
}

const struct integ_case cases_samorg_order[] = {
	{ "main", "samorg_order_name_length", order_name_length },
	{ "main", "samorg_order_name_samverkansform",
	    order_name_samverkansform },
	{ "main", "samorg_order_form_closed", order_form_closed },
	{ "main", "samorg_order_orgnr", order_orgnr },
	{ "main", "samorg_order_fields", order_fields },
	{ "main", "samorg_order_one_per_org", order_one_per_org },
	{ "main", "samorg_order_approve", order_approve },
	{ "main", "samorg_order_approve_taken", order_approve_taken },
	{ "main", "samorg_order_reject", order_reject },
	{ "main", "samorg_order_admin_changed", order_admin_changed },
	{ "main", "samorg_order_visibility", order_visibility },
	{ NULL, NULL, NULL }
};
