# The permission matrix (sourced by tests/integ/run after the main groups;
# uses its ok, not_ok, restart_susd, run_group, psql_admin, $SUSD, $INTEG
# and $scratch). The C group (matrix.c) calls every request of the
# server's own table as every caller on a target inside and outside the
# caller's uppdrag and compares with matrix_expected.h; this part hands it
# that table and the targets' ids, then checks what is best seen from the
# database: every refusal left a "denied" audit row, and the matrix
# changed none of the shared fixtures.

# Prints the one id the SQL in $1 finds, or nothing.
matrix_id()
{
	psql_admin -c "$1" 2>/dev/null | head -n 1
}

# A fingerprint of what the matrix must leave alone: users (not their
# login times), roles, uppdrag, beställare, orders and agreements, the
# samverkansorganisationer with their panels, budgets, questions, 9447
# orders, code lists and the organisations register, the insatser with
# their målgrupper, planned years, budget lines, participants and volume
# counts, and the participants' persons, occasions, försörjning and
# answers, the register copy and the gallring record (updated_at
# included: a save that wrote shows). The audit trails are left out: the
# matrix adds to them by design.
matrix_fixtures()
{
	local t tables="samverkansorg samverkansorg_kommun
	    samverkansorg_organisation samorg_finansiering samorg_admkostnad
	    insats_budgetpost samorg_bestallning fraga fraga_alternativ kod
	    organisation insats insats_malgrupp insats_ar deltagande
	    anonym_deltagande volym_antal person mattillfalle
	    mattillfalle_forsorjning fraga_svar folkbokforing gallring"
	local more=""

	for t in $tables; do
		more="$more, (SELECT md5(coalesce(string_agg(t::text, ';'
		    ORDER BY t::text), '')) FROM $t t)"
	done
	psql_admin -c "SELECT md5(concat_ws('|'$more,
	    (SELECT string_agg(concat_ws(',', id, username, password_hash,
		fornamn, efternamn, epost, arbetsgivare_id, aktiv,
		failed_logins, locked_until, must_change_password,
		password_changed_at, inaktiverad_at), ';' ORDER BY id)
		FROM anvandare),
	    (SELECT string_agg(t::text, ';' ORDER BY t::text)
		FROM anvandare_roll t),
	    (SELECT string_agg(t::text, ';' ORDER BY t::text) FROM uppdrag t),
	    (SELECT string_agg(t::text, ';' ORDER BY t::text)
		FROM bestallare t),
	    (SELECT string_agg(t::text, ';' ORDER BY t::text)
		FROM bestallning t),
	    (SELECT string_agg(t::text, ';' ORDER BY t::text)
		FROM overenskommelse t)))" 2>&1
}

matrix_run()
{
	local req=$scratch/matrix-requests.tsv refused=$scratch/matrix-refused
	local line n want before audit fix fake rc out name

	if ! "$SUSD" -f /dev/null requests >"$req" 2>"$scratch/matrix.err" ||
	    [ ! -s "$req" ]; then
		not_ok "susd requests prints the request table" \
		    "$(head -n 3 "$scratch/matrix.err")"
		return
	fi
	ok "susd requests prints the request table"

	export MATRIX_REQUESTS=$req MATRIX_REFUSED=$refused
	export MATRIX_SAMORG_IN MATRIX_SAMORG_OUT MATRIX_INSATS_IN
	export MATRIX_INSATS_OUT MATRIX_ORG_IN MATRIX_ORG_OUT
	export MATRIX_DELTAGANDE_IN
	MATRIX_SAMORG_IN=$(matrix_id "SELECT id FROM samverkansorg
	    WHERE namn = 'Samordningsförbundet Göteborg'")
	MATRIX_SAMORG_OUT=$(matrix_id "SELECT id FROM samverkansorg
	    WHERE namn = 'Samordningsförbundet Stockholms stad'")
	MATRIX_INSATS_IN=$(matrix_id "SELECT id FROM insats
	    WHERE namn = 'Steget vidare' AND samverkansorg_id =
	    '$MATRIX_SAMORG_IN'")
	MATRIX_INSATS_OUT=$(matrix_id "SELECT id FROM insats
	    WHERE namn = 'Järva jobbstart' AND samverkansorg_id =
	    '$MATRIX_SAMORG_OUT'")
	MATRIX_ORG_IN=$(matrix_id "SELECT id FROM organisation
	    WHERE namn = 'Göteborgs stad'")
	MATRIX_ORG_OUT=$(matrix_id "SELECT id FROM organisation
	    WHERE namn = 'Stockholms stad'")
	# A participant of Steget vidare from the demo data, for DELTAGARE_GET.
	MATRIX_DELTAGANDE_IN=$(matrix_id "SELECT min(id) FROM deltagande
	    WHERE insats_id = '$MATRIX_INSATS_IN' AND person_id IS NOT NULL")

	before=$(psql_admin -c "SELECT coalesce(max(id), 0) FROM audit" 2>&1)
	fix=$(matrix_fixtures)
	: >"$refused"
	run_group matrix

	# The verdict line, once, with N = requests × 7 callers × 2 targets.
	out=$scratch/group-matrix.out
	line=$(grep -E '^permission matrix: [0-9]+ cases, [0-9]+ wrong$' \
	    "$out")
	n=$(echo "$line" | sed -E 's/^permission matrix: ([0-9]+) .*/\1/')
	want=$(($(wc -l <"$req") * 7 * 2))
	if [ -z "$line" ] || [ "$(echo "$line" | wc -l)" -ne 1 ]; then
		not_ok "the matrix prints one verdict line" "got: $line"
	elif [ "$n" != "$want" ]; then
		not_ok "the matrix covers requests × callers × targets" \
		    "$n cases, want $want"
	else
		ok "the matrix covers requests × callers × targets ($n)"
	fi

	# Every refusal is in the audit, as "denied", with its request.
	audit=$(psql_admin -c "SELECT u.username || ' ' ||
	    (a.detail->>'request') FROM audit a
	    LEFT JOIN anvandare u ON u.id = a.anvandare_id
	    WHERE a.id > $before AND a.action = 'denied'" 2>&1 | sort)
	if [ ! -s "$refused" ]; then
		not_ok "every refused request left a denied audit row" \
		    "the matrix refused nothing"
	elif [ "$audit" = "$(sort "$refused")" ]; then
		ok "every refused request left a denied audit row ($(wc -l \
		    <"$refused"))"
	else
		not_ok "every refused request left a denied audit row" \
		    "$(diff <(sort "$refused") <(echo "$audit") | head -n 5 |
		    tr '\n' ' ')"
	fi

	name="the matrix changed no user, uppdrag, order, organisation,"
	name="$name budget, question, code, insats, count or participant"
	# An error from psql would compare equal to itself: want an md5.
	if [ "$(matrix_fixtures)" = "$fix" ] &&
	    echo "$fix" | grep -qxE '[0-9a-f]{32}'; then
		ok "$name"
	else
		not_ok "$name" "the fingerprint differs: $fix"
	fi

	# The test fails on a request it has no row for: a table with one
	# more request must give 14 wrong cases and a failing group.
	fake=$scratch/matrix-fake.tsv
	printf '799\tMATRIX_SELFTEST\tlogin\t0x01\tnone\t0\n' >"$fake"
	MATRIX_REQUESTS=$fake MATRIX_REFUSED= "$INTEG" -g matrix \
	    >"$scratch/matrix-fake.out" 2>&1
	rc=$?
	if [ $rc -ne 0 ] && grep -q \
	    '^permission matrix: 14 cases, 14 wrong$' \
	    "$scratch/matrix-fake.out" && grep -q \
	    '^not ok - matrix: MATRIX_SELFTEST (799) has no expected row' \
	    "$scratch/matrix-fake.out"; then
		ok "a request without an expected row fails the matrix"
	else
		not_ok "a request without an expected row fails the matrix" \
		    "status $rc: $(grep -m 2 'matrix' \
		    "$scratch/matrix-fake.out" | tr '\n' ' ')"
	fi
	unset MATRIX_REQUESTS MATRIX_REFUSED
}

if restart_susd; then
	matrix_run
fi
