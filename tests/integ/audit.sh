# Audit checks of the ordering chain, sourced by tests/integ/run after the
# main groups (it provides ok, not_ok, psql_admin, $scratch and $alllog).
# susd may be running with odd options by now, so this part only reads
# the database and the logs.
#
# The cases of tests/integ/bestallning.c ordered users as beställare and
# approved, rejected, changed, removed and deactivated them as admin. The
# triggers of schema 0005 must have recorded every change with who made
# it, from which session, and the old and new values; no password hash
# and no temporary password may have reached the audit trail or susd's
# log.

# Prints what the SQL on stdin prints, run as the superuser.
best_sql()
{
	psql_admin -f - 2>&1
}

# Checks that the count the SQL on stdin prints is at least $2 (or
# exactly $2 with $3 = exact); $1 names the check.
best_count()
{
	local name=$1 want=$2 how=${3:-at_least} n

	n=$(best_sql)
	if [ "$how" = exact ] && [ "$n" = "$want" ]; then
		ok "$name"
	elif [ "$how" != exact ] && [ "$n" -ge "$want" ] 2>/dev/null; then
		ok "$name"
	else
		not_ok "$name" "got: $n"
	fi
}

best_count "audit: a beställare's order is recorded with its new values" \
    1 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
WHERE u.username = 'bestallare' AND a.object_type = 'bestallning'
AND a.action = 'insert' AND a.detail->'old' = 'null'::jsonb
AND a.detail->'new'->>'status' = 'inskickad'
AND a.detail->'new'->>'typ' = 'ny'
AND a.object_id = (a.detail->'new'->>'id')::bigint
AND a.session_id ~ '^[0-9a-f]{16}$';
SQL

best_count "audit: admin's approval records the order's old and new state" \
    1 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
WHERE u.username = 'admin' AND a.object_type = 'bestallning'
AND a.action = 'update' AND a.detail->'old'->>'status' = 'inskickad'
AND a.detail->'new'->>'status' = 'godkand'
AND a.detail->'new'->>'typ' = 'ny'
AND a.detail->'old'->>'anvandare_id' IS NULL
AND a.detail->'new'->>'anvandare_id' IS NOT NULL
AND (a.detail->'new'->>'beslutad_av')::integer = u.id
AND a.session_id ~ '^[0-9a-f]{16}$';
SQL

best_count "audit: a rejection is recorded with its comment" 1 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
WHERE u.username = 'admin' AND a.object_type = 'bestallning'
AND a.action = 'update' AND a.detail->'old'->>'status' = 'inskickad'
AND a.detail->'new'->>'status' = 'avslagen'
AND a.detail->'new'->>'kommentar' = 'Blankett 9445 saknar underskrift.';
SQL

best_count "audit: an account made by an approval is recorded by admin" \
    1 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
WHERE u.username = 'admin' AND a.object_type = 'anvandare'
AND a.action = 'insert' AND a.detail->'old' = 'null'::jsonb
AND a.detail->'new'->>'must_change_password' = 'true'
AND a.detail->'new'->>'username' ~ '^ny[0-9]+[a-z]{3}$'
AND a.object_id = (a.detail->'new'->>'id')::bigint;
SQL

best_count "audit: a deactivation is recorded with old and new aktiv" \
    2 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
WHERE u.username = 'admin' AND a.object_type = 'anvandare'
AND a.action = 'update' AND a.detail->'old'->>'aktiv' = 'true'
AND a.detail->'new'->>'aktiv' = 'false'
AND a.detail->'old'->>'inaktiverad_at' IS NULL
AND a.detail->'new'->>'inaktiverad_at' IS NOT NULL;
SQL

best_count "audit: roles given by admin are recorded" 3 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
WHERE u.username = 'admin' AND a.object_type = 'anvandare_roll'
AND a.action = 'insert' AND a.detail->'old' = 'null'::jsonb
AND a.detail->'new'->>'roll' IN ('samverkansadmin', 'insatsansvarig',
    'deltagaransvarig', 'susrapport')
AND a.object_id = (a.detail->'new'->>'anvandare_id')::bigint;
SQL

best_count "audit: roles taken by admin are recorded with the old value" \
    2 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
WHERE u.username = 'admin' AND a.object_type = 'anvandare_roll'
AND a.action = 'delete' AND a.detail->'new' = 'null'::jsonb
AND a.detail->'old'->>'roll' IS NOT NULL;
SQL

best_count "audit: an agreement ended by admin shows old and new upphör" \
    1 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
JOIN organisation o ON o.id = (a.detail->'new'->>'organisation_id')::integer
WHERE u.username = 'admin' AND a.object_type = 'overenskommelse'
AND a.action = 'update' AND o.namn = 'Integtest kommun'
AND a.detail->'old'->>'upphor' IS NULL
AND a.detail->'new'->>'upphor' IS NOT NULL;
SQL

best_count "audit: a beställare registered by admin is recorded" 1 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
WHERE u.username = 'admin' AND a.object_type = 'bestallare'
AND a.action = 'insert' AND a.detail->'old' = 'null'::jsonb
AND (a.detail->'new'->>'registrerad_av')::integer = u.id;
SQL

best_count "audit: new users' password changes are recorded as such" \
    3 <<'SQL'
SELECT count(*) FROM audit a JOIN anvandare u ON u.id = a.anvandare_id
WHERE a.object_type = 'anvandare' AND a.action = 'password_change'
AND a.object_id = u.id AND u.username ~ '^[a-z]+[0-9]+[a-z]{3}$'
AND a.detail->'old'->>'must_change_password' = 'true'
AND a.detail->'new'->>'must_change_password' = 'false';
SQL

best_count "audit: no detail holds a password hash" 0 exact <<'SQL'
SELECT count(*) FROM audit
WHERE detail::text LIKE '%password_hash%' OR detail::text LIKE '%argon2%';
SQL

# The temporary passwords the cases were given: in neither the audit
# trail nor susd's log (the main group's log is in $alllog by now).
best_tmp=$scratch/bestallning-temp.secret
psql_admin -c "SELECT detail::text FROM audit WHERE detail IS NOT NULL" \
    >"$scratch/audit-details.txt" 2>&1
if [ ! -s "$best_tmp" ]; then
	not_ok "no temporary password in the audit trail or susd's log" \
	    "the cases recorded none"
elif grep -qF -f "$best_tmp" "$scratch/audit-details.txt"; then
	not_ok "no temporary password in the audit trail or susd's log" \
	    "one is in the audit trail"
elif grep -qF -f "$best_tmp" "$alllog" "$STACK_LOG" ||
    grep -q "Tillfälligt lösenord" "$alllog" "$STACK_LOG"; then
	not_ok "no temporary password in the audit trail or susd's log" \
	    "one is in susd's log"
else
	ok "no temporary password in the audit trail or susd's log ($(wc -l \
	    <"$best_tmp") checked)"
fi
