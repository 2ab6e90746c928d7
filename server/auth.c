/*
 * Login: username and password checked against an Argon2id hash, with a
 * per-connection attempt limit and an account lock after repeated
 * failures. Unknown users cost the same time as known ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "chan.h"
#include "err.h"
#include "log.h"
#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

/* Role names in anvandare_roll and their bits in MSG_LOGIN_OK. */
static const struct {
	const char	*name;
	uint32_t	 bit;
} auth_roles[] = {
	{ "superadmin", ROLE_SUPERADMIN },
	{ "samverkansadmin", ROLE_SAMVERKANSADMIN },
	{ "insatsansvarig", ROLE_INSATSANSVARIG },
	{ "deltagaransvarig", ROLE_DELTAGARANSVARIG },
	{ "susrapport", ROLE_SUSRAPPORT },
};

/* The bit for a role name, 0 if unknown. */
uint32_t
auth_role_bit(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof auth_roles / sizeof auth_roles[0]; i++) {
		if (strcmp(auth_roles[i].name, name) == 0)
			return auth_roles[i].bit;
	}
	return 0;
}

/* Role bits from a comma-separated list of stored role names. */
uint32_t
auth_roles_parse(const char *list)
{
	char		 copy[256], *p, *name;
	uint32_t	 bits = 0;

	strlcpy(copy, list, sizeof copy);
	for (p = copy; (name = strsep(&p, ",")) != NULL;) {
		if (*name != '\0')
			bits |= auth_role_bit(name);
	}
	return bits;
}

/* The name of one role bit, NULL if it is not exactly one role. */
const char *
auth_role_name(uint32_t bit)
{
	size_t	i;

	for (i = 0; i < sizeof auth_roles / sizeof auth_roles[0]; i++) {
		if (auth_roles[i].bit == bit)
			return auth_roles[i].name;
	}
	return NULL;
}

/* Hashes a password with Argon2id at the interactive cost. */
int
auth_hash_password(const char *pw, char *out, size_t len)
{
	if (len < crypto_pwhash_STRBYTES)
		return SUS_ERR_NO_SPACE;
	if (crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return SUS_ERR_ALLOC;
	return 0;
}

/*
 * What the session may do, from one row of AUTH_STATE_SQL: the role bits,
 * ROLE_BESTALLARE for a registered beställare, ROLE_AFFK for a
 * deltagaransvarig on an Af/FK office, and whether the account is
 * active and must change its password. Rule 19: SUSrapport comes with
 * every role.
 */
#define AUTH_STATE_SQL \
	"SELECT a.aktiv, a.must_change_password," \
	" coalesce((SELECT string_agg(roll, ',') FROM anvandare_roll r" \
	"  WHERE r.anvandare_id = a.id), '')," \
	" EXISTS (SELECT 1 FROM bestallare b WHERE b.anvandare_id = a.id)," \
	" ar_bestallare(a.id, current_date)," \
	" EXISTS (SELECT 1 FROM uppdrag u JOIN affk_kontor k" \
	"  ON k.insats_id = u.insats_id WHERE u.anvandare_id = a.id" \
	"  AND u.roll = 'deltagaransvarig' AND k.aktiv" \
	"  AND u.giltig_from <= current_date" \
	"  AND (u.giltig_tom IS NULL OR u.giltig_tom >= current_date))" \
	" FROM anvandare a WHERE a.id = "

static void
auth_state(PGresult *res, int *active, int *must_change, uint32_t *roles)
{
	*active = PQntuples(res) == 1 && PQgetvalue(res, 0, 0)[0] == 't';
	*must_change = *active && PQgetvalue(res, 0, 1)[0] == 't';
	*roles = 0;
	if (!*active)
		return;
	*roles = auth_roles_parse(PQgetvalue(res, 0, 2));
	if (*roles != 0)
		*roles |= ROLE_SUSRAPPORT;
	/*
	 * A beställare keeps the order screens after the registration ends
	 * (to see outcomes and be told why new orders are refused), but
	 * only a registration in force lets someone without a role log in.
	 */
	if (PQgetvalue(res, 0, 3)[0] == 't' &&
	    (*roles != 0 || PQgetvalue(res, 0, 4)[0] == 't'))
		*roles |= ROLE_BESTALLARE;
	/* The Af/FK menu is for those who work on an office. */
	if ((*roles & ROLE_DELTAGARANSVARIG) != 0 &&
	    PQgetvalue(res, 0, 5)[0] == 't')
		*roles |= ROLE_AFFK;
}

/*
 * Reads the caller's state afresh; with begin, opens the request's
 * transaction in the same round trip. Returns SUS_ERR_DENIED when the
 * account has been deactivated or has lost every role.
 */
int
session_refresh(struct session *s, int begin)
{
	PGresult	*res;
	char		 sql[768];
	int		 active, must_change;
	uint32_t	 roles;

	if (db_open(s) != 0)
		return SUS_ERR_SYSTEM;
	/* One simple-protocol string; the id is ours, not the peer's. */
	snprintf(sql, sizeof sql, "%s" AUTH_STATE_SQL "%u",
	    begin ? "BEGIN; " : "", s->user_id);
	res = PQexec(s->db, sql);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		log_error("session refresh failed: sqlstate %s",
		    PQresultErrorField(res, PG_DIAG_SQLSTATE) ?
		    PQresultErrorField(res, PG_DIAG_SQLSTATE) : "?");
		PQclear(res);
		db_rollback(s);
		return SUS_ERR_SYSTEM;
	}
	auth_state(res, &active, &must_change, &roles);
	PQclear(res);
	if (!active || roles == 0) {
		db_rollback(s);
		log_info("user %u is no longer authorised; ending", s->user_id);
		if (audit_log(s, "session_ended", "anvandare", s->user_id, 0,
		    "{\"reason\": \"not authorised\"}") != 0)
			log_warn("could not audit a session end");
		return SUS_ERR_DENIED;
	}
	s->roles = roles;
	s->must_change = must_change;
	return 0;
}

/* Counts a failure against the account and maybe locks it. */
static void
auth_fail_account(struct session *s, const char *uid)
{
	char		 limit[16], seconds[16];
	const char	*params[3] = { uid, limit, seconds };

	snprintf(limit, sizeof limit, "%d", susd.conf.lockout_failures);
	snprintf(seconds, sizeof seconds, "%d", susd.conf.lockout_seconds);
	if (db_exec_cmd(s,
	    "UPDATE anvandare SET failed_logins = failed_logins + 1,"
	    " locked_until = CASE WHEN failed_logins + 1 >= $2::int"
	    " THEN now() + make_interval(secs => $3::int)"
	    " ELSE locked_until END WHERE id = $1", 3, params) != 0)
		log_warn("could not record a failed login");
}

/* Upgrades a hash whose cost parameters are out of date. */
static void
auth_maybe_rehash(struct session *s, const char *uid,
    const char hash[crypto_pwhash_STRBYTES], const char *pw)
{
	char		 fresh[crypto_pwhash_STRBYTES];
	const char	*params[2] = { uid, fresh };

	if (crypto_pwhash_str_needs_rehash(hash,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0)
		return;
	if (auth_hash_password(pw, fresh, sizeof fresh) != 0)
		return;
	if (db_exec_cmd(s, "UPDATE anvandare SET password_hash = $2"
	    " WHERE id = $1", 2, params) != 0)
		log_warn("could not rehash a password");
	sodium_memzero(fresh, sizeof fresh);
}

/*
 * A well-formed hash verified for unknown users, so that a wrong username
 * costs the same time as a wrong password; found == 0 still fails them.
 */
static const char auth_dummy_hash[crypto_pwhash_STRBYTES] =
    "$argon2id$v=19$m=65536,t=2,p=1$bVzgR1MEv84a03Svn7KbnA"
    "$U6u1HnmW/kRpx34sAyHxVGT9T0QoCS4ffRHaNSy/qaI";

/*
 * Handles LOGIN. A wrong password counts against the connection (three
 * close it) and against the account (which locks for a while).
 */
int
auth_login(struct session *s, uint32_t id, void *m)
{
	struct msg_login	*l = m;
	struct msg_login_ok	 ok;
	PGresult		*res = NULL, *roles = NULL;
	const char		*params[1], *hash = auth_dummy_hash;
	char			 uid[16] = "";
	int			 found = 0, locked = 0, active = 0, good, rv;
	char			 detail[160];
	char			 hbuf[crypto_pwhash_STRBYTES];

	if (s->logged_in)
		return session_error(s, id, ERR_BAD_REQUEST,
		    "Du är redan inloggad.");
	if (db_open(s) != 0)
		return session_error(s, id, ERR_UNAVAILABLE,
		    "Databasen är inte tillgänglig just nu. Försök igen om "
		    "en stund.");
	params[0] = l->username;
	res = db_exec(s, "SELECT id, password_hash, aktiv,"
	    " coalesce(locked_until > now(), false), fornamn, efternamn"
	    " FROM anvandare WHERE username = lower($1)", 1, params);
	if (res == NULL) {
		rv = session_error(s, id, ERR_INTERNAL, "Inloggningen "
		    "misslyckades på grund av ett serverfel.");
		goto out;
	}
	if (PQntuples(res) == 1) {
		found = 1;
		strlcpy(uid, PQgetvalue(res, 0, 0), sizeof uid);
		hash = PQgetvalue(res, 0, 1);
		active = PQgetvalue(res, 0, 2)[0] == 't';
		locked = PQgetvalue(res, 0, 3)[0] == 't';
	}
	/* libsodium reads a full crypto_pwhash_STRBYTES buffer. */
	memset(hbuf, 0, sizeof hbuf);
	strlcpy(hbuf, hash, sizeof hbuf);
	good = crypto_pwhash_str_verify(hbuf, l->password,
	    strlen(l->password)) == 0;
	s->user_id = found ? (uint32_t)strtoul(uid, NULL, 10) : 0;
	if (found && locked) {
		/*
		 * The same answer whatever the password: otherwise a lock
		 * would tell a guesser the moment a guess is right. The
		 * attempt still counts against the connection.
		 */
		s->failures++;
		snprintf(detail, sizeof detail, "{\"attempt\": %d}",
		    s->failures);
		rv = audit_log(s, "login_locked", "anvandare", s->user_id, 0,
		    detail);
		s->user_id = 0;
		if (rv != 0) {
			rv = session_error(s, id, ERR_INTERNAL, "Inloggningen "
			    "misslyckades på grund av ett serverfel.");
			goto out;
		}
		rv = session_error(s, id, ERR_LOCKED, "Kontot är tillfälligt "
		    "låst efter för många misslyckade inloggningar. Försök "
		    "igen senare eller kontakta din administratör.");
		if (rv == 0 && s->failures >= SUS_LOGIN_ATTEMPTS)
			rv = SUS_ERR_PROTOCOL;
		goto out;
	}
	if (!found || !good) {
		s->failures++;
		if (found)
			auth_fail_account(s, uid);
		snprintf(detail, sizeof detail, "{\"attempt\": %d}",
		    s->failures);
		audit_log(s, "login_failed", "anvandare", s->user_id, 0,
		    detail);
		s->user_id = 0;
		log_info("login failed (attempt %d)", s->failures);
		rv = session_error(s, id, ERR_LOGIN_FAILED,
		    "Fel användarnamn eller lösenord.");
		if (rv == 0 && s->failures >= SUS_LOGIN_ATTEMPTS)
			rv = SUS_ERR_PROTOCOL;
		goto out;
	}
	params[0] = uid;
	roles = db_exec(s, AUTH_STATE_SQL "$1", 1, params);
	if (roles == NULL) {
		rv = session_error(s, id, ERR_INTERNAL, "Inloggningen "
		    "misslyckades på grund av ett serverfel.");
		goto out;
	}
	auth_state(roles, &active, &s->must_change, &s->roles);
	if (!active || s->roles == 0) {
		audit_log(s, "login_no_auth", "anvandare", s->user_id, 0, NULL);
		s->user_id = 0;
		s->roles = 0;
		rv = session_error(s, id, ERR_NO_AUTH,
		    "Du saknar behörighet till SUS.");
		goto out;
	}
	db_exec_cmd(s, "UPDATE anvandare SET failed_logins = 0,"
	    " locked_until = NULL, last_login = now() WHERE id = $1", 1,
	    params);
	auth_maybe_rehash(s, uid, hbuf, l->password);
	/* No audit row, no login: the trail must be complete. */
	if (audit_log(s, "login", "anvandare", s->user_id, 0, NULL) != 0) {
		s->user_id = 0;
		s->roles = 0;
		rv = session_error(s, id, ERR_INTERNAL, "Inloggningen "
		    "misslyckades på grund av ett serverfel.");
		goto out;
	}
	s->logged_in = 1;
	if (db_set_user(s) != 0) {
		rv = SUS_ERR_SYSTEM;
		goto out;
	}
	strlcpy(s->username, l->username, sizeof s->username);
	memset(&ok, 0, sizeof ok);
	ok.user_id = s->user_id;
	ok.username = s->username;
	ok.fornamn = PQgetvalue(res, 0, 4);
	ok.efternamn = PQgetvalue(res, 0, 5);
	ok.roles = s->roles;
	ok.flags = s->must_change ? LOGIN_F_MUST_CHANGE : 0;
	log_info("user %u logged in", s->user_id);
	rv = session_reply(s, id, MSG_LOGIN_OK, &ok);
out:
	if (l->password != NULL)
		sodium_memzero(l->password, strlen(l->password));
	PQclear(roles);
	PQclear(res);
	return rv;
}

/*
 * MSG_PASSWORD_CHANGE: the old password proves it is the user at the
 * keyboard; the new one must pass the rules. A wrong old password counts
 * like a failed login, so this is no way around the lockout.
 */
int
auth_password_change(struct session *s, uint32_t id, void *m)
{
	struct msg_password_change *p = m;
	struct msg_ok		 ok;
	PGresult		*res = NULL;
	const char		*params[2], *why;
	char			 uid[16], hbuf[crypto_pwhash_STRBYTES];
	char			 fresh[crypto_pwhash_STRBYTES];
	int			 rv;

	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = uid;
	res = db_exec(s, "SELECT password_hash FROM anvandare WHERE id = $1"
	    " FOR UPDATE", 1, params);
	if (res == NULL || PQntuples(res) != 1) {
		rv = db_refused(s, id);
		goto out;
	}
	memset(hbuf, 0, sizeof hbuf);
	strlcpy(hbuf, PQgetvalue(res, 0, 0), sizeof hbuf);
	if (crypto_pwhash_str_verify(hbuf, p->old_password,
	    strlen(p->old_password)) != 0) {
		db_rollback(s);
		auth_fail_account(s, uid);
		(void)audit_log(s, "password_change_failed", "anvandare",
		    s->user_id, 0, NULL);
		rv = session_error(s, id, ERR_VALIDATION,
		    "Det nuvarande lösenordet är fel.");
		goto out;
	}
	if ((why = rule_password_refusal(p->new_password, s->username,
	    p->old_password)) != NULL) {
		rv = session_error(s, id, ERR_VALIDATION, "%s", why);
		rv = rv != 0 ? rv : REQ_ROLLBACK;
		goto out;
	}
	if (auth_hash_password(p->new_password, fresh, sizeof fresh) != 0) {
		rv = SUS_ERR_ALLOC;
		goto out;
	}
	params[1] = fresh;
	if (db_exec_cmd(s, "UPDATE anvandare SET password_hash = $2,"
	    " must_change_password = false, password_changed_at = now(),"
	    " failed_logins = 0 WHERE id = $1", 2, params) != 0) {
		rv = db_refused(s, id);
		goto out;
	}
	s->must_change = 0;
	memset(&ok, 0, sizeof ok);
	ok.message = "Lösenordet är bytt.";
	rv = session_reply(s, id, MSG_OK, &ok);
out:
	sodium_memzero(fresh, sizeof fresh);
	if (p->old_password != NULL)
		sodium_memzero(p->old_password, strlen(p->old_password));
	if (p->new_password != NULL)
		sodium_memzero(p->new_password, strlen(p->new_password));
	PQclear(res);
	return rv;
}
