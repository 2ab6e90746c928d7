# sus report (issue 9), sourced by tests/integ/run after the C groups
# (it provides ok, not_ok, psql_admin, $scratch and the stack): the real
# client binary ($SUS) runs the Insatsrapport of the fixture
# tests/data/rapport_klient.sql (30 insatser in 2009; the figures are
# worked out in its comment) as the demo user rapport, to a file and to
# standard out, lists the reports, and ends with each exit status: 1 for
# a refusal, 2 for usage, 3 for the connection or the login. The fixture
# is removed again at the end.

rc_dir=$scratch/rapport_cli
mkdir -p "$rc_dir"
rc_log=$rc_dir/all.out

cp /dev/null "$rc_dir/pw"
chmod 600 "$rc_dir/pw"
echo demo2026 >"$rc_dir/pw"

# Runs sus report with the arguments given; stdout to $rc_dir/out, stderr
# to $rc_dir/err. Returns sus's status.
rc_sus()
{
	local rc

	SUS_PASSWORD_FILE=${rc_pw:-$rc_dir/pw} timeout 120 "$SUS" report \
	    -i "$rc_dir/id_x25519" -k "$SUS_KNOWN_SERVERS" "$@" \
	    </dev/null >"$rc_dir/out" 2>"$rc_dir/err"
	rc=$?
	{ echo "--- sus report $*: $rc"; cat "$rc_dir/out" "$rc_dir/err"; } \
	    >>"$rc_log"
	return $rc
}

# Records a check: rc_check NAME COMMAND...
rc_check()
{
	local name=$1

	shift
	if "$@"; then
		ok "sus report: $name"
	else
		not_ok "sus report: $name" "$(tail -n 3 "$rc_dir/err" 2>/dev/null)"
	fi
}

# The file's line for a row name, CRLF dropped.
rc_rad()
{
	tr -d '\r' <"$2" | grep -F -- "$1"
}

rc_target=rapport@$SUS_HOST:$SUS_PORT
rc_period=(--param from=2009-01-01 --param tom=2009-12-31)

psql_admin -f "$SUS_TEST_DATA/rapport_klient_bort.sql" >/dev/null 2>&1
if psql_admin -f "$SUS_TEST_DATA/rapport_klient.sql" \
    >"$rc_dir/fixture.log" 2>&1; then
	ok "sus report: fixture loaded"
else
	not_ok "sus report: fixture loaded" "$(head -n 3 "$rc_dir/fixture.log")"
fi

# 1. The report to a file, its figures as the fixture says.
rc_sus insats "${rc_period[@]}" --param niva=riket --csv "$rc_dir/a.csv" \
    "$rc_target"
rc_check "exits 0 when written" test $? -eq 0
rc_check "says where it went" grep -qF "skriven till $rc_dir/a.csv" \
    "$rc_dir/err"
rc_check "a byte-order mark first" \
    test "$(head -c 3 "$rc_dir/a.csv" | od -An -tx1 | tr -d ' \n')" = efbbbf
rc_check "CRLF on every line" \
    test "$(grep -c $'\r$' "$rc_dir/a.csv")" -eq "$(wc -l <"$rc_dir/a.csv")"
rc_check "the choices in words" \
    eval 'sed -n 2p "$rc_dir/a.csv" | grep -qF "2009-01-01"'
rc_check "Skapad on the third line" \
    eval 'sed -n 3p "$rc_dir/a.csv" | grep -qE "^Skapad: [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}"'
rc_check "the header row" \
    eval 'tr -d "\r" <"$rc_dir/a.csv" | sed -n 5p | grep -qE "^Grupp;Insats;Planerat antal deltagare;"'
rc_check "RK insats 01: women 1, men 1, volume 1200 and 34" \
    eval 'rc_rad "RK insats 01" "$rc_dir/a.csv" | grep -qE "^Riket;RK insats 01 [^;]*;0;0;0;0;0;1;1;1200;34;0;"'
rc_check "RK insats 30: 30 anonymous women" \
    eval 'rc_rad "RK insats 30" "$rc_dir/a.csv" | grep -qE "^Riket;RK insats 30 [^;]*;0;0;0;0;0;30;1;0;0;0;"'
rc_check "the sum: 465 women, 30 men" \
    eval 'rc_rad "Summa" "$rc_dir/a.csv" | grep -qE "^Riket;Summa;0;0;0;0;0;465;30;1200;34;0;"'
rc_check "one line per insats and the sum" \
    test "$(tr -d '\r' <"$rc_dir/a.csv" | grep -c '^Riket;')" -eq 31

# 2. To standard out: the same but for when it was made.
rc_sus -q insats "${rc_period[@]}" --csv - "$rc_target"
rc_check "--csv - exits 0" test $? -eq 0
rc_check "--csv - writes the same CSV" \
    cmp -s <(grep -av '^Skapad: ' "$rc_dir/a.csv") \
    <(grep -av '^Skapad: ' "$rc_dir/out")
rc_check "nothing but the CSV on standard out" test ! -s "$rc_dir/err"
rc_sus -q insats "${rc_period[@]}" --csv "$rc_dir/q.csv" "$rc_target"
rc_check "-q writes the file" test -s "$rc_dir/q.csv"
rc_check "-q says nothing" test ! -s "$rc_dir/err"

# 3. --list: the reports, their rapporttyper and parameters.
rc_sus --list "$rc_target"
rc_check "--list exits 0" test $? -eq 0
rc_check "--list names the Insatsrapport" grep -qE '^insats	Insatsrapport' \
    "$rc_dir/out"
rc_check "--list names every report" \
    test "$(grep -cE '^(insats|deltagare|kostnad|standard|affk_deltagare|affk_status)	' "$rc_dir/out")" -eq 6
rc_check "--list gives a date parameter with its standard" \
    grep -qE '^    from=	.*datum ÅÅÅÅ-MM-DD.*standard [0-9]{4}-01-01' "$rc_dir/out"
rc_check "--list gives the options of the level" \
    grep -qE '^      riket	Riket' "$rc_dir/out"
rc_check "--list gives rapporttyper" grep -qE '^  --typ:' "$rc_dir/out"
rc_check "--list says where small counts are hidden" grep -qxF \
    'Rapporter (antal under 3 visas inte utom för hela riket utan avgränsning):' \
    "$rc_dir/out"

# 4. Refused by the server: 1, with the reason.
rc_sus insats --param from=2009-12-31 --param tom=2009-01-01 \
    --csv "$rc_dir/b.csv" "$rc_target"
rc_check "a reversed period exits 1" test $? -eq 1
rc_check "the server's reason on stderr" \
    grep -qF "Perioden måste vara minst en dag" "$rc_dir/err"
rc_check "nothing written on a refusal" test ! -e "$rc_dir/b.csv"

# 5. Usage: 2.
rc_sus nosuch --csv "$rc_dir/c.csv" "$rc_target"
rc_check "an unknown report exits 2" test $? -eq 2
rc_check "an unknown report named" grep -qF "ingen rapport heter nosuch" \
    "$rc_dir/err"
rc_sus insats --param farg=bla --csv "$rc_dir/c.csv" "$rc_target"
rc_check "an unknown parameter exits 2" test $? -eq 2
rc_sus insats --typ nosuch --csv "$rc_dir/c.csv" "$rc_target"
rc_check "an unknown rapporttyp exits 2" test $? -eq 2
rc_sus insats "$rc_target"
rc_check "no --csv exits 2" test $? -eq 2
rc_sus insats --param from --csv - "$rc_target"
rc_check "--param without = exits 2" test $? -eq 2
chmod 644 "$rc_dir/pw"
rc_sus insats --csv - "$rc_target"
rc_check "a password file others can read exits 2" test $? -eq 2
rc_check "says why the password file is refused" \
    grep -qF "chmod 600" "$rc_dir/err"
chmod 600 "$rc_dir/pw"

# 6. Connection and login: 3.
cp /dev/null "$rc_dir/pw-fel"
chmod 600 "$rc_dir/pw-fel"
echo fel-losenord >"$rc_dir/pw-fel"
rc_pw=$rc_dir/pw-fel rc_sus insats --csv - "$rc_target"
rc_check "a wrong password exits 3" test $? -eq 3
rc_check "the login failure said" grep -qF "inloggningen misslyckades" \
    "$rc_dir/err"
rc_sus insats --csv - "rapport@127.0.0.1:1"
rc_check "no server exits 3" test $? -eq 3

psql_admin -f "$SUS_TEST_DATA/rapport_klient_bort.sql" >/dev/null 2>&1
rc_check "fixture removed" test "$(psql_admin -c "SELECT count(*) FROM
    insats WHERE namn LIKE 'RK insats %'")" = 0
