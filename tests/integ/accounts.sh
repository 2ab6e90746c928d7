# Account checks, sourced by tests/integ/run (which provides ok, not_ok,
# psql_admin, restart_susd, run_group, $scratch and $alllog): the C cases
# of tests/integ/accounts.c in two groups, then what they must have left
# in the audit trail and must not have left in susd's log.
#
# Group "accounts" needs short timers: the account check every second,
# sessions idle after 3 s, accounts locked for 3 s after 3 failures.
# Group "accounts_late" checks accounts only once an hour, so that what
# it sees can only come from the check made at each request.

acct_tag=ia$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
export INTEG_ACCT_TAG=$acct_tag
INTEG_ACCT_PASSWORD=Konto-$(head -c 12 /dev/urandom | base64 |
    tr -dc 'A-Za-z0-9')
export INTEG_ACCT_PASSWORD
rm -f "$scratch"/accounts-*.secret
acct_since=$(psql_admin -c "SELECT now()" 2>&1)

if restart_susd -o account_check=1 -o handshake_timeout=1 \
    -o idle_timeout=3 -o lockout_failures=3 -o lockout_seconds=3; then
	run_group accounts
fi
if restart_susd -o account_check=3600 -o handshake_timeout=1 \
    -o lockout_failures=3 -o lockout_seconds=3; then
	run_group accounts_late
fi

# Runs SQL from stdin as the superuser with psql variables tag, since,
# and the secrets: the password our users chose and the temporary one.
acct_sql()
{
	psql_admin -v tag="$acct_tag" -v since="$acct_since" \
	    -v pw="$INTEG_ACCT_PASSWORD" \
	    -v tmp="$(cat "$scratch/accounts-forsta.secret" 2>/dev/null)" \
	    -f - 2>&1
}

# Checks that SQL on stdin prints a number of at least $2; $1 names it.
acct_at_least()
{
	local name=$1 min=$2 n

	n=$(acct_sql)
	if [ "$n" -ge "$min" ] 2>/dev/null; then
		ok "$name"
	else
		not_ok "$name" "got: $(echo "$n" | head -n 3)"
	fi
}

acct_at_least "audit records the first-login password change" 1 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.object_id
WHERE a.action = 'password_change' AND a.object_type = 'anvandare'
    AND u.username = :'tag' || '-forsta' AND a.anvandare_id = u.id
    AND a.at > :'since'::timestamptz;
SQL

n=$(acct_sql <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.object_id
WHERE a.object_type = 'anvandare' AND u.username LIKE :'tag' || '-%'
    AND (a.detail::text LIKE '%argon2%'
    OR a.detail::text LIKE '%password_hash%'
    OR strpos(a.detail::text, :'pw') > 0
    OR (:'tmp' <> '' AND strpos(a.detail::text, :'tmp') > 0));
SQL
)
if [ ! -s "$scratch/accounts-forsta.secret" ]; then
	not_ok "audit rows of our users hold no password material" \
	    "no temporary password was noted"
elif [ "$n" = 0 ]; then
	ok "audit rows of our users hold no password material"
else
	not_ok "audit rows of our users hold no password material" \
	    "$n rows: $(echo "$n" | head -n 3)"
fi

for acct_who in inaktiv nasta utan; do
	acct_at_least "audit records the end of $acct_who's session" 1 <<SQL
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
WHERE a.action = 'session_ended' AND u.username = :'tag' || '-$acct_who'
    AND a.at > :'since'::timestamptz;
SQL
done

# acct_idle_session_ends and acct_idle_pings_do_not_keep_session.
acct_at_least "audit records the idle sessions that ended" 2 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
WHERE a.action = 'session_idle' AND u.username = 'rapport'
    AND a.at > :'since'::timestamptz;
SQL

for acct_who in inaktiv nasta; do
	acct_at_least "audit records who deactivated $acct_who" 1 <<SQL
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.object_id
WHERE a.action = 'update' AND a.object_type = 'anvandare'
    AND u.username = :'tag' || '-$acct_who'
    AND (a.detail -> 'old' ->> 'aktiv')::boolean
    AND NOT (a.detail -> 'new' ->> 'aktiv')::boolean
    AND a.anvandare_id = (SELECT id FROM anvandare WHERE username = 'admin');
SQL
done
acct_at_least "audit records who activated inaktiv again" 1 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.object_id
WHERE a.action = 'update' AND a.object_type = 'anvandare'
    AND u.username = :'tag' || '-inaktiv'
    AND NOT (a.detail -> 'old' ->> 'aktiv')::boolean
    AND (a.detail -> 'new' ->> 'aktiv')::boolean
    AND a.anvandare_id = (SELECT id FROM anvandare WHERE username = 'admin');
SQL
acct_at_least "audit records who took roll's role" 1 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.object_id
WHERE a.action = 'delete' AND a.object_type = 'anvandare_roll'
    AND u.username = :'tag' || '-roll'
    AND a.detail -> 'old' ->> 'roll' = 'susrapport'
    AND a.anvandare_id = (SELECT id FROM anvandare WHERE username = 'admin');
SQL

# The passwords our users had must not reach susd's log.
acct_leaks=""
for acct_secret in "$INTEG_ACCT_PASSWORD" \
    $(cat "$scratch"/accounts-*.secret 2>/dev/null); do
	[ -n "$acct_secret" ] || continue
	cat "$alllog" "$STACK_LOG" 2>/dev/null | grep -qF -- "$acct_secret" &&
	    acct_leaks="$acct_leaks $acct_secret"
done
if [ -n "$acct_leaks" ]; then
	not_ok "susd's log holds no password of the account cases" \
	    "found:$acct_leaks"
else
	ok "susd's log holds no password of the account cases"
fi
