/*
 * Business rules of issues 3 and 4 that susd checks before the database
 * would: each case asserts susd's own Swedish sentence, so that a case
 * fails when the check is gone even where a constraint or trigger would
 * still say no in other words (rules 16, 22 and 43, R4, R6, 4.2).
 *
 * The users a case needs are made here with SQL under the prefix
 * "itrules" and removed again; the demo data is left as it was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/* The prefix of every user and code made here. */
#define RULES_PREFIX	"itrules"
/* One byte more than a password may have. */
#define RULE_PW_LONG	129

/* A connection that conn_close() may close whether or not it opened. */
static void
rules_conn_init(struct conn *cn)
{
	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
}

/* Removes what an earlier run of these cases may have left; 0 or -1. */
static int
rules_drop(void)
{
	return integ_sql(NULL, 0,
	    "DELETE FROM uppdrag WHERE anvandare_id IN (SELECT id FROM"
	    " anvandare WHERE username LIKE '" RULES_PREFIX "%%');"
	    " DELETE FROM bestallare WHERE anvandare_id IN (SELECT id FROM"
	    " anvandare WHERE username LIKE '" RULES_PREFIX "%%');"
	    " DELETE FROM anvandare WHERE username LIKE '" RULES_PREFIX "%%';"
	    " DELETE FROM kod WHERE lista = 'preciserad_inriktning' AND"
	    " overordnad_id IN (SELECT id FROM kod WHERE kod LIKE"
	    " 'ITRULES%%');"
	    " DELETE FROM kod WHERE kod LIKE 'ITRULES%%'");
}

/*
 * Makes user RULES_PREFIX<pid><tag> employed by employer (NULL: none)
 * with role (NULL: none); returns its id, or 0 after fail().
 */
static uint32_t
rules_user(const char *tag, const char *employer, const char *role)
{
	char	name[64];

	snprintf(name, sizeof name, RULES_PREFIX "%ld%s", (long)getpid(),
	    tag);
	if (integ_sql(NULL, 0,
	    "INSERT INTO anvandare (username, password_hash, fornamn,"
	    " efternamn, arbetsgivare_id) SELECT '%s', '$argon2id$x',"
	    " 'Integ', 'Regel %s', (SELECT id FROM organisation WHERE"
	    " namn = '%s')", name, tag, employer != NULL ? employer : "") != 0)
		return 0;
	if (role != NULL && integ_sql(NULL, 0,
	    "INSERT INTO anvandare_roll (anvandare_id, roll) SELECT id, '%s'"
	    " FROM anvandare WHERE username = '%s'", role, name) != 0)
		return 0;
	return integ_sql_u32("SELECT id FROM anvandare WHERE username = '%s'",
	    name);
}

/*
 * R4: an agreement cannot end before it was signed. The table's CHECK
 * would refuse too, but only with "Ett värde är inte tillåtet."
 */
static int
rules_agreement_order(void)
{
	struct msg_agreement_save	q;
	struct conn			cn;
	char				before[64], after[64];
	uint32_t			org;
	int				rv = -1;

	rules_conn_init(&cn);
	if ((org = integ_sql_u32("SELECT id FROM organisation WHERE"
	    " namn = 'Göteborgs stad'")) == 0 ||
	    integ_sql(before, sizeof before, "SELECT undertecknad || '/' ||"
	    " coalesce(upphor::text, '') FROM overenskommelse WHERE"
	    " organisation_id = %u", org) != 0 ||
	    case_login(&cn, "admin") != 0)
		goto out;
	memset(&q, 0, sizeof q);
	q.organisation_id = org;
	q.undertecknad = (char *)"2020-06-01";
	q.upphor = (char *)"2020-05-31";
	if (integ_refused(integ_call(&cn, MSG_AGREEMENT_SAVE, &q, MSG_OK,
	    NULL), ERR_VALIDATION, "Överenskommelsen kan inte upphöra innan "
	    "den undertecknades.", "an agreement ending before signed") != 0)
		goto out;
	if (integ_sql(after, sizeof after, "SELECT undertecknad || '/' ||"
	    " coalesce(upphor::text, '') FROM overenskommelse WHERE"
	    " organisation_id = %u", org) != 0)
		goto out;
	CHECK(strcmp(before, after) == 0, "the agreement changed: %s -> %s",
	    before, after);
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * Rule 16 and 4.2: an uppdrag goes only to an active user. The trigger
 * would say "Användaren är inte aktiv." without naming whom.
 */
static int
rules_uppdrag_inactive(void)
{
	struct msg_uppdrag_save	q;
	struct uppdrag_add	add;
	struct conn		cn;
	uint32_t		gbg, uid;
	int			rv = -1;

	rules_conn_init(&cn);
	if (rules_drop() != 0 ||
	    (uid = rules_user("u", "Göteborgs stad", "insatsansvarig")) == 0 ||
	    integ_sql(NULL, 0, "UPDATE anvandare SET aktiv = false WHERE"
	    " id = %u", uid) != 0 ||
	    (gbg = integ_sql_u32("SELECT id FROM samverkansorg WHERE"
	    " namn = 'Samordningsförbundet Göteborg'")) == 0 ||
	    case_login(&cn, "admin") != 0)
		goto out;
	memset(&add, 0, sizeof add);
	add.user_id = uid;
	add.roll = ROLE_INSATSANSVARIG;
	add.giltig_from = (char *)"";
	add.giltig_tom = (char *)"";
	memset(&q, 0, sizeof q);
	q.target_id = gbg;
	q.nadds = 1;
	q.adds = &add;
	if (integ_refused(integ_call(&cn, MSG_UPPDRAG_SAVE_SAMORG, &q, MSG_OK,
	    NULL), ERR_VALIDATION, "Integ Regel u är inte en aktiv användare.",
	    "an uppdrag for an inactive user") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM uppdrag WHERE"
	    " anvandare_id = %u", uid) == 0, "the uppdrag was stored");
	rv = 0;
out:
	conn_close(&cn);
	if (rules_drop() != 0)
		rv = -1;
	return rv;
}

/*
 * R2, 4.2: a beställare must be active and have an employer, the
 * organisation the registration is for.
 */
static int
rules_bestallare_user(void)
{
	struct msg_bestallare_save	q;
	struct conn			cn;
	char				from[16], tom[16];
	uint32_t			uid;
	int				rv = -1;

	rules_conn_init(&cn);
	if (rules_drop() != 0 || (uid = rules_user("b", NULL, NULL)) == 0 ||
	    integ_sql(from, sizeof from, "SELECT current_date") != 0 ||
	    integ_sql(tom, sizeof tom, "SELECT current_date + 30") != 0 ||
	    case_login(&cn, "admin") != 0)
		goto out;
	memset(&q, 0, sizeof q);
	q.user_id = uid;
	q.giltig_from = from;
	q.giltig_tom = tom;
	if (integ_refused(integ_call(&cn, MSG_BESTALLARE_SAVE, &q, MSG_OK,
	    NULL), ERR_VALIDATION, "Integ Regel b har ingen arbetsgivare "
	    "registrerad och kan inte bli beställare.",
	    "a beställare without an employer") != 0)
		goto out;
	if (integ_sql(NULL, 0, "UPDATE anvandare SET aktiv = false,"
	    " arbetsgivare_id = (SELECT id FROM organisation WHERE"
	    " namn = 'Göteborgs stad') WHERE id = %u", uid) != 0)
		goto out;
	if (integ_refused(integ_call(&cn, MSG_BESTALLARE_SAVE, &q, MSG_OK,
	    NULL), ERR_VALIDATION, "Integ Regel b är inte aktiv.",
	    "an inactive beställare") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM bestallare WHERE"
	    " anvandare_id = %u", uid) == 0, "a beställare was stored");
	rv = 0;
out:
	conn_close(&cn);
	if (rules_drop() != 0)
		rv = -1;
	return rv;
}

/*
 * Styrdata (domain.md 3): an inactive code is not offered, so a new
 * preciserad inriktning cannot hang under an inactive inriktning.
 */
static int
rules_kod_parent_inactive(void)
{
	struct kod_row	k;
	struct conn	cn;
	char		kod[40], namn[80];
	uint32_t	parent;
	int		rv = -1;

	rules_conn_init(&cn);
	if (rules_drop() != 0 || integ_sql(NULL, 0, "INSERT INTO kod (lista,"
	    " kod, namn, ordning, aktiv) VALUES ('inriktning', 'ITRULES%ld',"
	    " 'Integ regel inaktiv %ld', 99, false)", (long)getpid(),
	    (long)getpid()) != 0 ||
	    (parent = integ_sql_u32("SELECT id FROM kod WHERE lista ="
	    " 'inriktning' AND kod = 'ITRULES%ld'", (long)getpid())) == 0 ||
	    case_login(&cn, "admin") != 0)
		goto out;
	snprintf(kod, sizeof kod, "ITRULESP%ld", (long)getpid());
	snprintf(namn, sizeof namn, "Integ regel precisering %ld",
	    (long)getpid());
	memset(&k, 0, sizeof k);
	k.lista = (char *)"preciserad_inriktning";
	k.kod = kod;
	k.namn = namn;
	k.ordning = 99;
	k.aktiv = 1;
	k.overordnad_id = parent;
	if (integ_refused(integ_call(&cn, MSG_KOD_SAVE, &k, MSG_OK, NULL),
	    ERR_VALIDATION, "Den överordnade koden är inaktiv och kan inte "
	    "väljas.", "a code under an inactive parent") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM kod WHERE kod = '%s'",
	    kod) == 0, "the code was stored");
	rv = 0;
out:
	conn_close(&cn);
	if (rules_drop() != 0)
		rv = -1;
	return rv;
}

/* 4.2: a new password has at most 128 bytes; nothing is changed. */
static int
rules_password_max(void)
{
	struct msg_password_change	p;
	struct conn			cn;
	char				pw[RULE_PW_LONG + 1], before[256];
	char				after[256];
	int				rv = -1;

	rules_conn_init(&cn);
	memset(pw, 'k', RULE_PW_LONG);
	pw[RULE_PW_LONG] = '\0';
	if (integ_sql(before, sizeof before, "SELECT password_hash FROM"
	    " anvandare WHERE username = 'rapport'") != 0 ||
	    case_login(&cn, "rapport") != 0)
		goto out;
	p.old_password = (char *)INTEG_DEMO_PASSWORD;
	p.new_password = pw;
	if (integ_refused(integ_call(&cn, MSG_PASSWORD_CHANGE, &p, MSG_OK,
	    NULL), ERR_VALIDATION, "Lösenordet får ha högst 128 tecken.",
	    "a 129-byte password") != 0)
		goto out;
	if (integ_sql(after, sizeof after, "SELECT password_hash FROM"
	    " anvandare WHERE username = 'rapport'") != 0)
		goto out;
	CHECK(strcmp(before, after) == 0, "the password was changed");
	rv = 0;
out:
	conn_close(&cn);
	return rv;
}

/*
 * Rule 1: a samverkansorganisation cannot be renamed to the name a 9447
 * order waiting for a decision has; the order and the organisation are
 * made here with SQL and removed again.
 */
static int
rules_samorg_name_ordered(void)
{
	struct msg_samorg_get	 g;
	struct msg_samorg	 o;
	struct conn		 cn;
	char			 namn[64], ordered[64];
	uint32_t		 sid;
	int			 rv = -1;

	rules_conn_init(&cn);
	memset(&o, 0, sizeof o);
	snprintf(namn, sizeof namn, "Integregel %ld", (long)getpid());
	snprintf(ordered, sizeof ordered, "Integregel beställd %ld",
	    (long)getpid());
	if (integ_sql(NULL, 0, "DELETE FROM samorg_bestallning WHERE namn"
	    " LIKE 'Integregel%%'; DELETE FROM samverkansorg WHERE namn LIKE"
	    " 'Integregel%%'") != 0 ||
	    integ_sql(NULL, 0, "INSERT INTO samverkansorg (namn,"
	    " samverkansform_id, startdatum) VALUES ('%s', 1, '2020-01-01');"
	    " INSERT INTO samorg_bestallning (namn, organisationsnummer,"
	    " samverkansform_id, startdatum, admin_id, kontakt_namn,"
	    " kontakt_telefon, kontakt_epost, skapad_av) SELECT '%s',"
	    " '559999-%04ld', 1, '2020-01-01', id, 'Integ', '010-1',"
	    " 'integ@example.se', id FROM anvandare WHERE username ="
	    " 'samadm'", namn, ordered, (long)getpid() % 10000) != 0 ||
	    (sid = integ_sql_u32("SELECT id FROM samverkansorg WHERE"
	    " namn = '%s'", namn)) == 0 ||
	    case_login(&cn, "admin") != 0)
		goto out;
	g.id = sid;
	if (integ_call_ok(&cn, MSG_SAMORG_GET, &g, MSG_SAMORG, &o,
	    "SAMORG_GET") != 0)
		goto out;
	free(o.namn);
	o.namn = strdup(ordered);
	if (integ_refused(integ_call(&cn, MSG_SAMORG_SAVE, &o, MSG_OK, NULL),
	    ERR_CONFLICT, "väntar på beslut",
	    "a name a waiting 9447 order has") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM samverkansorg WHERE"
	    " namn = '%s'", ordered) == 0, "the organisation was renamed");
	rv = 0;
out:
	msg_clear(MSG_SAMORG, &o);
	conn_close(&cn);
	if (integ_sql(NULL, 0, "DELETE FROM samorg_bestallning WHERE namn"
	    " LIKE 'Integregel%%'; DELETE FROM samverkansorg WHERE namn LIKE"
	    " 'Integregel%%'") != 0)
		rv = -1;
	return rv;
}

const struct integ_case cases_rules_more[] = {
	{ "main", "rules_agreement_not_ending_before_signed",
	    rules_agreement_order },
	{ "main", "rules_uppdrag_only_active_user", rules_uppdrag_inactive },
	{ "main", "rules_bestallare_active_with_employer",
	    rules_bestallare_user },
	{ "main", "rules_kod_parent_not_inactive", rules_kod_parent_inactive },
	{ "main", "rules_password_at_most_128", rules_password_max },
	{ "main", "rules_samorg_not_named_as_a_waiting_order",
	    rules_samorg_name_ordered },
	{ NULL, NULL, NULL }
};
