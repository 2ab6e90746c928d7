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

/* Maps role names to bits. */
static uint32_t
auth_role_bits(PGresult *res)
{
	uint32_t	bits = 0;
	size_t		j;
	int		i;

	for (i = 0; i < PQntuples(res); i++) {
		for (j = 0; j < sizeof auth_roles / sizeof auth_roles[0]; j++) {
			if (strcmp(PQgetvalue(res, i, 0), auth_roles[j].name) == 0)
				bits |= auth_roles[j].bit;
		}
	}
	return bits;
}

/* Counts a failure against the account and maybe locks it. */
static void
auth_fail_account(struct session *s, const char *uid)
{
	char		 limit[16], minutes[16];
	const char	*params[3] = { uid, limit, minutes };

	snprintf(limit, sizeof limit, "%d", susd.conf.lockout_failures);
	snprintf(minutes, sizeof minutes, "%d", susd.conf.lockout_minutes);
	if (db_exec_cmd(s,
	    "UPDATE anvandare SET failed_logins = failed_logins + 1,"
	    " locked_until = CASE WHEN failed_logins + 1 >= $2::int"
	    " THEN now() + make_interval(mins => $3::int)"
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
	roles = db_exec(s, "SELECT roll FROM anvandare_roll"
	    " WHERE anvandare_id = $1", 1, params);
	if (roles == NULL) {
		rv = session_error(s, id, ERR_INTERNAL, "Inloggningen "
		    "misslyckades på grund av ett serverfel.");
		goto out;
	}
	s->roles = auth_role_bits(roles);
	if (!active || s->roles == 0) {
		audit_log(s, "login_no_auth", "anvandare", s->user_id, 0, NULL);
		s->user_id = 0;
		s->roles = 0;
		rv = session_error(s, id, ERR_NO_AUTH,
		    "Du saknar behörighet till SUS.");
		goto out;
	}
	/* Rule 19: SUSrapport comes with every other role. */
	s->roles |= ROLE_SUSRAPPORT;
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
	strlcpy(s->username, l->username, sizeof s->username);
	memset(&ok, 0, sizeof ok);
	ok.user_id = s->user_id;
	ok.username = s->username;
	ok.fornamn = PQgetvalue(res, 0, 4);
	ok.efternamn = PQgetvalue(res, 0, 5);
	ok.roles = s->roles;
	log_info("user %u logged in", s->user_id);
	rv = session_reply(s, id, MSG_LOGIN_OK, &ok);
out:
	if (l->password != NULL)
		sodium_memzero(l->password, strlen(l->password));
	PQclear(roles);
	PQclear(res);
	return rv;
}
