# sus import (issue 7), sourced by tests/integ/run after the C groups (it
# provides ok, not_ok, psql_admin, save_log, $scratch, $pub and the
# stack): the real client binary ($SUS) imports files against the test
# stack's susd. Its own samverkansorganisation, insatser, questions and
# users, made with SQL, so nothing collides with the other tests; only
# the official test personnummer of this part's slice.
#
# The bad-row file is Windows-1252 and every report is compared whole
# with the expected text; the rows stored are counted with psql. susd is
# killed with SIGKILL in the middle of a larger import, and the import
# must reconnect, resend and finish with every row stored exactly once.

imp_dir=$scratch/import
mkdir -p "$imp_dir"
imp_log=$imp_dir/all.out		# every run's stdout and stderr

# The slice of official test personnummer no other test uses.
imp_pnr=(192008037489 192009279296 192111229247 192206229235 192302058785
    192401297250 192404198067 192505269155 192510067560 192606267439
    192708196585 192712077490 192901189254 192906098021 193008169165
    193011309154 193112198266 193208019111 193302129220 193401193754
    193411238649 193503289153 193605227317 193607217068 193708019231
    193803039167 193902027030 193906179183 194009279169 194012197010
    194204099222 194204159075 194304074695 194311029005 194409013838
    194601274758 194905133460 195009301770 195810302868 195905143391
    196006172818 196104032898 196212023144 196312123240 196410243056
    196707182991)
imp_stora=60				# insatser in the large file

cp /dev/null "$imp_dir/pw"
chmod 600 "$imp_dir/pw"
echo demo2026 >"$imp_dir/pw"

# Runs sus import as user $1 with the rest as arguments on $imp_file,
# stdin from $imp_in (default /dev/null: no terminal); stdout goes to
# $imp_dir/out, stderr to $imp_dir/err. Returns sus's status.
imp_sus()
{
	local user=$1 rc

	shift
	SUS_PASSWORD_FILE=$imp_dir/pw timeout 300 "$SUS" import \
	    -i "$imp_dir/id_x25519" -k "$SUS_KNOWN_SERVERS" "$@" \
	    "$user@$SUS_HOST:$SUS_PORT" "$imp_file" \
	    <"${imp_in:-/dev/null}" >"$imp_dir/out" 2>"$imp_dir/err"
	rc=$?
	{ echo "--- sus import $* $imp_file: $rc"; cat "$imp_dir/out" \
	    "$imp_dir/err"; } >>"$imp_log"
	return $rc
}

# Prints a count from SQL on stdin.
imp_count()
{
	psql_admin -f - 2>&1
}

# Participations in the insats named $1.
imp_stored()
{
	imp_count <<SQL
SELECT count(*) FROM deltagande d JOIN insats i ON i.id = d.insats_id
JOIN samverkansorg s ON s.id = i.samverkansorg_id
WHERE s.namn = 'Integtest import' AND i.namn = '$1';
SQL
}

# Checks that $imp_dir/out is exactly the file $2; $1 names the check.
imp_report_is()
{
	if diff -u "$2" "$imp_dir/out" >"$imp_dir/diff"; then
		ok "$1"
	else
		not_ok "$1" "$(head -n 20 "$imp_dir/diff" | tr '\n' '|')"
	fi
}

# --- Test data: an organisation with two questions, insatser, users.

if psql_admin >"$imp_dir/setup.log" 2>&1 <<SQL
BEGIN;
INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
    SELECT 'Integtest import', (SELECT min(id) FROM samverkansform),
    DATE '2020-01-01';
INSERT INTO fraga (samverkansorg_id, namn, giltig_from, mattillfalle,
    svarstyp, obligatorisk, ordning)
    SELECT s.id, v.namn, DATE '2024-01-01', 'in', v.typ, v.obl, v.ordning
    FROM samverkansorg s, (VALUES
    ('Har deltagaren tidigare deltagit i en insats hos förbundet?', 'janej', true, 1),
    ('Hur kom deltagaren till insatsen?', 'enval', false, 2))
    AS v(namn, typ, obl, ordning)
    WHERE s.namn = 'Integtest import';
INSERT INTO fraga_alternativ (fraga_id, text, ordning)
    SELECT f.id, v.text, v.ordning FROM fraga f, (VALUES
    ('Självanmälan', 1), ('Remiss från Arbetsförmedlingen', 2))
    AS v(text, ordning)
    WHERE f.namn = 'Hur kom deltagaren till insatsen?';
INSERT INTO insats (samverkansorg_id, namn, startdatum, inriktning_id,
    preciserad_id, matningsmetod_id)
    SELECT s.id, v.namn, DATE '2024-01-01',
    (SELECT id FROM kod WHERE lista = 'inriktning' AND kod = v.inr),
    (SELECT id FROM kod WHERE lista = 'preciserad_inriktning'
    AND kod = v.prec),
    (SELECT id FROM kod WHERE lista = 'matningsmetod' AND kod = v.metod)
    FROM samverkansorg s, (SELECT 'Import ' || n AS namn,
    'INDIVID' AS inr, 'ARBETSTRANING' AS prec, 'PERSON' AS metod
    FROM unnest(ARRAY['fel', 'exempel', 'minne', 'anonym']) AS n
    UNION ALL SELECT 'Import stor ' || g, 'INDIVID', 'ARBETSTRANING',
    'PERSON' FROM generate_series(1, $imp_stora) AS g
    UNION ALL SELECT 'Import volym', 'STRUKTUR', 'NATVERK', 'ANTAL') AS v
    WHERE s.namn = 'Integtest import';
INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
    SELECT i.id, (SELECT id FROM kod WHERE lista = 'malgrupp'
    AND kod = 'UNGA') FROM insats i JOIN samverkansorg s
    ON s.id = i.samverkansorg_id WHERE s.namn = 'Integtest import';
INSERT INTO anvandare (username, password_hash, fornamn, efternamn,
    arbetsgivare_id)
    SELECT v.username, '\$argon2id\$v=19\$m=65536,t=2,p=1\$bVzgR1MEv84a03Svn7KbnA\$U6u1HnmW/kRpx34sAyHxVGT9T0QoCS4ffRHaNSy/qaI',
    v.fornamn, v.efternamn, o.id
    FROM (VALUES ('integimp', 'Ingrid', 'Import', 'Region Västra Götaland'),
    ('integimpvol', 'Valter', 'Volym', 'Göteborgs stad'))
    AS v(username, fornamn, efternamn, org)
    JOIN organisation o ON o.namn = v.org;
INSERT INTO anvandare_roll (anvandare_id, roll)
    SELECT a.id, v.roll FROM anvandare a JOIN (VALUES
    ('integimp', 'deltagaransvarig'), ('integimpvol', 'insatsansvarig'))
    AS v(username, roll) ON v.username = a.username;
INSERT INTO uppdrag (anvandare_id, roll, insats_id, giltig_from)
    SELECT a.id, 'deltagaransvarig', i.id, DATE '2024-01-01'
    FROM anvandare a, insats i JOIN samverkansorg s
    ON s.id = i.samverkansorg_id
    WHERE a.username = 'integimp' AND s.namn = 'Integtest import'
    AND i.namn <> 'Import volym';
INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id, giltig_from)
    SELECT a.id, 'insatsansvarig', s.id, DATE '2024-01-01'
    FROM anvandare a, samverkansorg s
    WHERE a.username = 'integimpvol' AND s.namn = 'Integtest import';
COMMIT;
SQL
then
	ok "import: test organisation, insatser, questions and users added"
else
	not_ok "import: test organisation, insatser, questions and users added" \
	    "$(grep -m 3 ERROR "$imp_dir/setup.log")"
fi
imp_id()
{
	psql_admin -c "SELECT i.id FROM insats i JOIN samverkansorg s
	    ON s.id = i.samverkansorg_id WHERE s.namn = 'Integtest import'
	    AND i.namn = '$1'"
}
imp_fel=$(imp_id "Import fel")
imp_exempel=$(imp_id "Import exempel")
imp_minne=$(imp_id "Import minne")
imp_anonym=$(imp_id "Import anonym")
imp_volym=$(imp_id "Import volym")
imp_q1=$(psql_admin -c "SELECT f.id FROM fraga f JOIN samverkansorg s
    ON s.id = f.samverkansorg_id WHERE s.namn = 'Integtest import'
    AND f.namn LIKE 'Har deltagaren%'")

# --- Every kind of bad row, in Windows-1252, with the good rows beside.

imp_p=("${imp_pnr[@]}")
bad_check=${imp_p[39]%?}$(( (${imp_p[39]: -1} + 1) % 10 ))	# last digit changed
nine=${imp_p[45]:3}						# 10 digits less the first
cat >"$imp_dir/fel.utf8" <<CSV
personnummer;startdatum;samtycke;namn;kommun;försörjning;sysselsättning;omfattning;utbildning;tid i försörjning;Har deltagaren tidigare deltagit i en insats hos förbundet?;Hur kom deltagaren till insatsen?
${imp_p[0]};2025-03-03;ja;Åsa Öberg;Mölndal;Försörjningsstöd (ekonomiskt bistånd);Arbetssökande;;Gymnasial;1–2 år;ja;Självanmälan
${imp_p[39]:0:8}-${bad_check:8};2025-03-03;ja;Bo Fel;Mölndal;AKASSA;ARBETSSOKANDE;;GYMN;AR_1_2;nej;
$nine;2025-03-03;ja;Nio Siffror;Mölndal;AKASSA;ARBETSSOKANDE;;GYMN;AR_1_2;nej;
${imp_p[1]};2025-03-03;ja;Okänd Kod;Mölndal;AKASSA;Astronaut;;GYMN;AR_1_2;nej;
${imp_p[2]};2023-06-01;ja;Tidig Start;Mölndal;AKASSA;ARBETSSOKANDE;;GYMN;AR_1_2;;
${imp_p[3]};2025-03-03;nej;Utan Samtycke;Mölndal;AKASSA;ARBETSSOKANDE;;GYMN;AR_1_2;nej;
${imp_p[4]};2025-03-03;ja;Tr"asig;Mölndal;AKASSA;ARBETSSOKANDE;;GYMN;AR_1_2;nej;
${imp_p[5]};20250304;x;Östen Ärlig;1481;EKONOMISKT_BISTAND|akassa;Studier;50;Förgymnasial 9 (10) år;> 10 år;ja;remiss från arbetsförmedlingen
${imp_p[6]};2025-03-05;j;Märta Åkerlund;mölndal;Sjukersättning;studier;100 %;Eftergymnasial < 3 år;< 1 år;Ja;
${imp_p[7]};2025-03-05;ja;Kanske Svar;Mölndal;AKASSA;ARBETSSOKANDE;;GYMN;AR_1_2;kanske;
CSV
iconv -f UTF-8 -t WINDOWS-1252 "$imp_dir/fel.utf8" >"$imp_dir/fel.csv"
cat >"$imp_dir/fel.expected" <<EOF
rad 3, personnummer, ********-${bad_check:8}: Personnumret har fel kontrollsiffra: kontrollera siffrorna.
rad 4, personnummer, ********-????: Personnumret har 9 siffror: Excel har troligen tagit bort en inledande nolla. Formatera kolumnen som text eller skriv 12 siffror.
rad 5, sysselsättning, ********-${imp_p[1]:8}: Koden finns inte i kodlistan: skriv kod eller namn som i sus.
rad 6, startdatum, ********-${imp_p[2]:8}: Startdatum är före insatsens startdatum 2024-01-01.
rad 7, samtycke, ********-${imp_p[3]:8}: Samtycke saknas: ett undertecknat samtycke (blankett 9443) måste finnas innan något sparas.
rad 8, -: Felaktig CSV: ett citattecken mitt i ett fält utan citattecken.
rad 11, Har deltagaren tidigare deltagit i en insats hos förbundet?, ********-${imp_p[7]:8}: Svara ja eller nej.
EOF
imp_fel_summary="sus import: 10 rader, 3 registrerade, 7 fel, 0 fanns redan."
imp_file=$imp_dir/fel.csv

if iconv -f WINDOWS-1252 -t UTF-8 "$imp_file" | cmp -s - "$imp_dir/fel.utf8" &&
    ! iconv -f UTF-8 -t UTF-8 "$imp_file" >/dev/null 2>&1; then
	ok "import: the bad-row file is Windows-1252"
else
	not_ok "import: the bad-row file is Windows-1252" "iconv"
fi

# A dry run first: the same report, nothing stored.
imp_sus integimp --insats "$imp_fel" --dry-run
rc=$?
grep -v '^sus import:' "$imp_dir/out" >"$imp_dir/report"
cp "$imp_dir/out" "$imp_dir/dry.out"
if [ $rc -ne 1 ]; then
	not_ok "import --dry-run reports every bad row and stores nothing" \
	    "status $rc: $(head -c 300 "$imp_dir/err")"
elif ! diff -u "$imp_dir/fel.expected" "$imp_dir/report" >"$imp_dir/diff"
then
	not_ok "import --dry-run reports every bad row and stores nothing" \
	    "$(head -n 20 "$imp_dir/diff" | tr '\n' '|')"
elif ! grep -q "^sus import: provkörning: inget sparades" "$imp_dir/out"; then
	not_ok "import --dry-run reports every bad row and stores nothing" \
	    "the summary does not say it was a dry run"
elif [ "$(imp_stored "Import fel")" != 0 ]; then
	not_ok "import --dry-run reports every bad row and stores nothing" \
	    "$(imp_stored "Import fel") participations stored"
else
	ok "import --dry-run reports every bad row and stores nothing"
fi

# The import: exactly the expected report, the two good rows stored.
cat "$imp_dir/fel.expected" >"$imp_dir/fel.want"
echo "$imp_fel_summary" >>"$imp_dir/fel.want"
imp_sus integimp --insats "$imp_fel"
rc=$?
if [ $rc -eq 1 ]; then
	imp_report_is "import of a Windows-1252 file with every kind of bad \
row: the whole report" "$imp_dir/fel.want"
else
	not_ok "import of a Windows-1252 file with every kind of bad row" \
	    "status $rc: $(head -c 300 "$imp_dir/err")"
fi
n=$(imp_stored "Import fel")
m=$(imp_count <<SQL
SELECT count(*) FROM deltagande d JOIN person p ON p.id = d.person_id
JOIN mattillfalle m ON m.deltagande_id = d.id AND m.typ = 'in'
JOIN kod s ON s.id = m.sysselsattning_id
WHERE d.insats_id = $imp_fel AND ((p.personnummer = '${imp_p[0]}'
AND p.namn = 'Åsa Öberg' AND p.kommunkod = '1481' AND s.kod = 'ARBETSSOKANDE'
AND EXISTS (SELECT 1 FROM fraga_svar f JOIN fraga_alternativ a
ON a.id = f.alternativ_id WHERE f.deltagande_id = d.id
AND a.text = 'Självanmälan'))
OR (p.personnummer = '${imp_p[5]}' AND d.startdatum = DATE '2025-03-04'
AND m.omfattning = 50 AND (SELECT count(*) FROM mattillfalle_forsorjning x
WHERE x.deltagande_id = d.id) = 2));
SQL
)
if [ "$n" = 3 ] && [ "$m" = 2 ]; then
	ok "import stores the good rows of the bad-row file, åäö matched"
else
	not_ok "import stores the good rows of the bad-row file, åäö matched" \
	    "$n stored, $m as written"
fi

# The same file again: every batch replayed, nothing new.
imp_sus integimp --insats "$imp_fel"
rc=$?
if [ $rc -ne 1 ]; then
	not_ok "import of the same file again registers nothing" "status $rc"
elif ! grep -q "^sus import: filen är redan importerad: inget nytt \
registrerades.$" "$imp_dir/out"; then
	not_ok "import of the same file again registers nothing" \
	    "no \"redan importerad\": $(tail -n 2 "$imp_dir/out" | tr '\n' '|')"
elif ! grep -q "^sus import: 10 rader, 0 registrerade, 7 fel, 3 fanns \
redan.$" "$imp_dir/out"; then
	not_ok "import of the same file again registers nothing" \
	    "$(tail -n 1 "$imp_dir/out")"
elif [ "$(imp_stored "Import fel")" != 3 ]; then
	not_ok "import of the same file again registers nothing" \
	    "$(imp_stored "Import fel") stored"
elif ! grep -v '^sus import:' "$imp_dir/out" | cmp -s - \
    "$imp_dir/fel.expected"; then
	not_ok "import of the same file again registers nothing" \
	    "the refused rows were reported otherwise"
else
	ok "import of the same file again registers nothing and says so"
fi

# A header naming a column sus does not know stops before anything is
# sent.
printf 'personnummer;startdatum;samtycke;startdatu\n%s;2025-03-03;ja;x\n' \
    "${imp_p[8]}" >"$imp_dir/okand.csv"
imp_file=$imp_dir/okand.csv
imp_sus integimp --insats "$imp_fel"
rc=$?
if [ $rc -eq 2 ] && grep -q 'okänd kolumn "startdatu"' "$imp_dir/err" &&
    [ ! -s "$imp_dir/out" ] && [ "$(imp_stored "Import fel")" = 3 ]; then
	ok "import refuses a header with an unknown column, sending nothing"
else
	not_ok "import refuses a header with an unknown column, sending nothing" \
	    "status $rc: $(head -c 300 "$imp_dir/err")"
fi

# The password file must be the owner's alone, as ssh wants of a key.
chmod 644 "$imp_dir/pw"
imp_file=$SUS_TOP/tests/data/import-exempel.csv
imp_sus integimp --insats "$imp_exempel"
rc=$?
chmod 600 "$imp_dir/pw"
if [ $rc -eq 2 ] && grep -q "chmod 600" "$imp_dir/err" &&
    [ "$(imp_stored "Import exempel")" = 0 ]; then
	ok "import refuses a password file others may read"
else
	not_ok "import refuses a password file others may read" \
	    "status $rc: $(head -c 300 "$imp_dir/err")"
fi

# No one to ask about an unknown server key: refused, nothing pinned.
: >"$imp_dir/empty.pins"
imp_sus integimp --insats "$imp_exempel" -k "$imp_dir/empty.pins"
rc=$?
if [ $rc -eq 3 ] && [ ! -s "$imp_dir/empty.pins" ] &&
    [ "$(imp_stored "Import exempel")" = 0 ]; then
	ok "import refuses an unknown server key without asking"
else
	not_ok "import refuses an unknown server key without asking" \
	    "status $rc: $(head -c 300 "$imp_dir/err")"
fi

# --- The example file of sus.1 imports cleanly.

imp_sus integimp --insats "$imp_exempel"
rc=$?
n=$(grep -c '^[^#]' "$imp_file")
if [ $rc -eq 0 ] && grep -q "^sus import: $((n - 1)) rader, $((n - 1)) \
registrerade, 0 fel, 0 fanns redan.$" "$imp_dir/out" &&
    [ "$(imp_stored "Import exempel")" = $((n - 1)) ]; then
	ok "import of tests/data/import-exempel.csv is clean"
else
	not_ok "import of tests/data/import-exempel.csv is clean" \
	    "status $rc: $(head -c 300 "$imp_dir/out") $(head -c 300 \
	    "$imp_dir/err")"
fi

# The same rows from standard input are the same batches: nothing new.
imp_file=-
imp_in=$SUS_TOP/tests/data/import-exempel.csv
imp_sus integimp --insats "$imp_exempel"
rc=$?
imp_in=
if [ $rc -eq 0 ] && grep -q "^sus import: filen är redan importerad" \
    "$imp_dir/out" && [ "$(imp_stored "Import exempel")" = $((n - 1)) ]; then
	ok "import from standard input: the example again adds nothing"
else
	not_ok "import from standard input: the example again adds nothing" \
	    "status $rc: $(head -c 300 "$imp_dir/out") $(head -c 300 \
	    "$imp_dir/err")"
fi

# --- An utregistrering file ends the person's ongoing participation.

cat >"$imp_dir/ut.csv" <<CSV
insats;personnummer;slutdatum;avslutsanledning;försörjning;sysselsättning;omfattning
$imp_fel;${imp_p[0]};2025-06-30;Till arbete;INGEN;Arbete (osubventionerat);100
$imp_fel;${imp_p[8]};2025-06-30;ARBETE;INGEN;ARBETE;100
$imp_fel;${imp_p[5]};2025-06-31;ARBETE;INGEN;ARBETE;100
CSV
imp_file=$imp_dir/ut.csv
imp_sus integimp
rc=$?
n=$(imp_count <<SQL
SELECT p.personnummer = '${imp_p[0]}' AND d.slutdatum = DATE '2025-06-30'
    AND a.kod = 'ARBETE' AND m.omfattning = 100
FROM deltagande d JOIN person p ON p.id = d.person_id
JOIN mattillfalle m ON m.deltagande_id = d.id AND m.typ = 'ut'
JOIN kod a ON a.id = m.avslut_id WHERE d.insats_id = $imp_fel;
SQL
)
if [ $rc -eq 1 ] && [ "$n" = t ] &&
    grep -q "^rad 3, [a-z]*, \*\*\*\*\*\*\*\*-${imp_p[8]:8}: " \
    "$imp_dir/out" &&
    grep -q "^rad 4, slutdatum, \*\*\*\*\*\*\*\*-${imp_p[5]:8}: \
Datumet ska skrivas ÅÅÅÅ-MM-DD.$" "$imp_dir/out" &&
    grep -q "^sus import: 3 rader, 1 registrerade, 2 fel" "$imp_dir/out"; then
	ok "import of an utregistrering file ends the ongoing participation"
else
	not_ok "import of an utregistrering file ends the ongoing participation" \
	    "status $rc, '$n': $(head -c 400 "$imp_dir/out")"
fi

# --- A larger file, with every susd process killed in the middle.

# Prints the ids of the insatser "Import stor 1..N", in order.
imp_stora_ids()
{
	psql_admin -c "SELECT i.id FROM insats i JOIN samverkansorg s
	    ON s.id = i.samverkansorg_id WHERE s.namn = 'Integtest import'
	    AND i.namn LIKE 'Import stor %'
	    ORDER BY substr(i.namn, 13)::integer"
}

# Participations in the insatser of the large file, and how many
# persons have two of them with the same start in one insats.
imp_stora_count()
{
	imp_count <<SQL
SELECT count(*) FROM deltagande d JOIN insats i ON i.id = d.insats_id
WHERE i.namn LIKE 'Import stor %';
SQL
}
imp_stora_twice()
{
	imp_count <<SQL
SELECT count(*) FROM (SELECT 1 FROM deltagande d JOIN insats i
ON i.id = d.insats_id WHERE i.namn LIKE 'Import stor %'
GROUP BY d.insats_id, d.person_id, d.startdatum HAVING count(*) > 1) x;
SQL
}

# Starts susd again exactly as it ran (same options, port and key).
imp_susd_again()
{
	local i

	"${imp_susd_cmd[@]}" >>"$STACK_LOG" 2>&1 &
	STACK_SUSD_PID=$!
	for i in $(seq 200); do
		grep -q "listening on" "$STACK_LOG" && return 0
		kill -0 "$STACK_SUSD_PID" 2>/dev/null || return 1
		sleep 0.05
	done
	return 1
}

imp_stora_ids >"$imp_dir/stora.ids"
printf '%s\n' "${imp_pnr[@]}" >"$imp_dir/pnr"
awk -v q="$imp_q1" 'BEGIN {
	print "insats;personnummer;startdatum;samtycke;namn;kommun;" \
	    "forsorjning;sysselsattning;utbildning;tid_i_forsorjning;fraga:" q
}
NR == FNR { pnr[n++] = $1; next }
{
	for (i = 0; i < n; i++)
		printf "%s;%s;2025-%02d-%02d;ja;Test Person %d;1481;AKASSA;" \
		    "ARBETSSOKANDE;GYMN;AR_1_2;nej\n", $1, pnr[i], \
		    1 + i % 12, 1 + i % 28, i
}' "$imp_dir/pnr" "$imp_dir/stora.ids" >"$imp_dir/stor.csv"
imp_stora_rows=$(( $(wc -l <"$imp_dir/stor.csv") - 1 ))
imp_file=$imp_dir/stor.csv
mapfile -d '' imp_susd_cmd <"/proc/$STACK_SUSD_PID/cmdline"

imp_sus integimp --vanta 60 &
imp_pid=$!
for _ in $(seq 1200); do
	n=$(imp_stora_count)
	[ "$n" -ge 400 ] 2>/dev/null && break
	kill -0 "$imp_pid" 2>/dev/null || break
	sleep 0.05
done
imp_kids=$(pgrep -P "$STACK_SUSD_PID" | tr '\n' ' ')
{
	# shellcheck disable=SC2086
	kill -KILL "$STACK_SUSD_PID" $imp_kids
	wait "$STACK_SUSD_PID"
} 2>/dev/null
imp_at_kill=$(imp_stora_count)
save_log
sleep 2
if ! imp_susd_again; then
	not_ok "import: susd starts again after SIGKILL" "$(tail -n 3 \
	    "$STACK_LOG")"
fi
wait "$imp_pid"
rc=$?
n=$(imp_stora_count)
twice=$(imp_stora_twice)
if [ "$imp_at_kill" -ge "$imp_stora_rows" ] 2>/dev/null; then
	not_ok "import resumes after susd is killed: every row once" \
	    "the import had ended before the kill"
elif [ $rc -ne 0 ]; then
	not_ok "import resumes after susd is killed: every row once" \
	    "status $rc: $(tail -n 3 "$imp_dir/err" | tr '\n' '|')"
elif ! grep -q "förbindelsen med servern bröts" "$imp_dir/err" ||
    ! grep -q "ansluten igen" "$imp_dir/err"; then
	not_ok "import resumes after susd is killed: every row once" \
	    "it never reconnected: $(head -c 300 "$imp_dir/err")"
elif [ "$n" != "$imp_stora_rows" ] || [ "$twice" != 0 ]; then
	not_ok "import resumes after susd is killed: every row once" \
	    "$n of $imp_stora_rows stored, $twice twice"
elif ! grep -q "^sus import: $imp_stora_rows rader, $imp_stora_rows \
registrerade, 0 fel, 0 fanns redan.$" "$imp_dir/out"; then
	not_ok "import resumes after susd is killed: every row once" \
	    "$(tail -n 1 "$imp_dir/out")"
else
	ok "import resumes after susd is killed ($imp_at_kill of \
$imp_stora_rows stored then): every row once"
fi
if grep -qE '[0-9]{6}[-+]?[0-9]{4}' "$imp_dir/err"; then
	not_ok "import prints nothing personal on stderr" \
	    "$(grep -m 1 -cE '[0-9]{6}[-+]?[0-9]{4}' "$imp_dir/err") lines"
elif ! grep -qE "^sus import: [0-9]+ rader \([0-9]+ %\), [0-9]+ rader/s$" \
    "$imp_dir/err"; then
	not_ok "import prints nothing personal on stderr" \
	    "no plain progress line: $(head -c 200 "$imp_dir/err")"
else
	ok "import prints plain progress lines and nothing personal on stderr"
fi

imp_sus integimp
rc=$?
if [ $rc -eq 0 ] && grep -q "^sus import: filen är redan importerad" \
    "$imp_dir/out" && [ "$(imp_stora_count)" = "$imp_stora_rows" ] &&
    [ "$(imp_stora_twice)" = 0 ]; then
	ok "import of the large file again adds nothing"
else
	not_ok "import of the large file again adds nothing" \
	    "status $rc: $(tail -n 2 "$imp_dir/out" | tr '\n' '|')"
fi

# --- Streaming: ten times the rows, about the same peak memory. Kept
# rows would cost a few hundred bytes each: 27000 more, several MiB.

# Writes $2 rows of insats $1 to stdout, each refused by susd at once
# (a wrong check digit), so the client does all its work per row while
# the server does little.
imp_rows()
{
	awk -v ins="$1" -v rows="$2" -v q="$imp_q1" 'BEGIN {
		print "insats;personnummer;startdatum;samtycke;namn;kommun;" \
		    "forsorjning;sysselsattning;utbildning;" \
		    "tid_i_forsorjning;fraga:" q
	}
	NR == FNR { p = $1; pnr[n++] = substr(p, 1, 11) \
	    ((substr(p, 12, 1) + 1) % 10); next }
	END {
		for (i = 0; i < rows; i++)
			printf "%s;%s;2025-%02d-%02d;ja;Test Person %d;1481;" \
			    "AKASSA;ARBETSSOKANDE;GYMN;AR_1_2;nej\n", ins, \
			    pnr[i % n], 1 + i % 12, 1 + i % 28, i
	}' "$imp_dir/pnr" /dev/null
}

# Runs a dry-run import of file $1 and prints sus's peak RSS in kB.
imp_peak()
{
	local pid hwm=0 v

	SUS_PASSWORD_FILE=$imp_dir/pw ASAN_OPTIONS=quarantine_size_mb=0 \
	    "$SUS" import -q --dry-run -i "$imp_dir/id_x25519" \
	    -k "$SUS_KNOWN_SERVERS" "integimp@$SUS_HOST:$SUS_PORT" "$1" \
	    </dev/null >"$imp_dir/peak.out" 2>"$imp_dir/peak.err" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		v=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" \
		    2>/dev/null)
		[ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
		sleep 0.05
	done
	wait "$pid"
	echo "$hwm $?"
}

imp_rows "$imp_minne" 3000 >"$imp_dir/minne1.csv"
imp_rows "$imp_minne" 30000 >"$imp_dir/minne10.csv"
read -r imp_small rc1 < <(imp_peak "$imp_dir/minne1.csv")
read -r imp_large rc10 < <(imp_peak "$imp_dir/minne10.csv")
echo "# import peak RSS: $imp_small kB for 3000 rows, $imp_large kB for 30000"
if [ "$rc1" != 1 ] || [ "$rc10" != 1 ] ||
    ! grep -q "^sus import: 30000 rader, 0 registrerade, 30000 fel" \
    "$imp_dir/peak.out"; then
	not_ok "import memory stays flat with the file's size" \
	    "status $rc1/$rc10: $(tail -n 1 "$imp_dir/peak.out")"
elif [ "$imp_small" -le 0 ] ||
    [ "$imp_large" -gt $((imp_small + 4096)) ]; then
	not_ok "import memory stays flat with the file's size" \
	    "$imp_small kB for 3000 rows, $imp_large kB for 30000"
else
	ok "import memory stays flat with the file's size"
fi

# --- Anonymous participants and a volyminsats's counts.

printf 'Insats;År;Kvinnor;Män\n%s;2025;3;2\n%s;2026;1;0\n%s;20x5;1;1\n%s;2019;4;4\n' \
    "$imp_anonym" "$imp_anonym" "$imp_anonym" "$imp_anonym" \
    >"$imp_dir/anonym.csv"
imp_file=$imp_dir/anonym.csv
imp_sus integimp
rc=$?
n=$(imp_count <<SQL
SELECT coalesce(sum(antal), 0) || ' ' || count(DISTINCT ar)
FROM anonym_deltagande WHERE insats_id = $imp_anonym;
SQL
)
if [ $rc -eq 1 ] && [ "$n" = "6 2" ] &&
    grep -q "^rad 4, År: Skriv året med fyra siffror.$" "$imp_dir/out" &&
    grep -q "^rad 5, År: " "$imp_dir/out" &&
    grep -q "^sus import: 4 rader, 2 registrerade, 2 fel, 0 fanns \
redan.$" "$imp_dir/out"; then
	ok "import of anonymous participants"
else
	not_ok "import of anonymous participants" "status $rc, stored $n: \
$(head -c 400 "$imp_dir/out") $(head -c 200 "$imp_dir/err")"
fi
imp_sus integimp
n2=$(imp_count <<SQL
SELECT coalesce(sum(antal), 0) FROM anonym_deltagande
WHERE insats_id = $imp_anonym;
SQL
)
if [ "$n2" = 6 ] && grep -q "filen är redan importerad" "$imp_dir/out"; then
	ok "import of the anonymous file again counts nothing twice"
else
	not_ok "import of the anonymous file again counts nothing twice" \
	    "sum $n2: $(tail -n 2 "$imp_dir/out" | tr '\n' '|')"
fi

# Counts add up, so a corrected file imported whole would count its
# good rows twice: an anonym file with refused rows says to import the
# corrected rows alone; the corrected rows alone count once.
if grep -q "^sus import: anonyma deltagare räknas ihop: importera bara de \
rättade raderna, i en ny fil, inte hela filen igen.$" "$imp_dir/out"; then
	{ head -n 1 "$imp_dir/anonym.csv"; grep ';20x5;' "$imp_dir/anonym.csv" |
	    sed 's/;20x5;/;2025;/'; } >"$imp_dir/anonym2.csv"
	imp_file=$imp_dir/anonym2.csv
	imp_sus integimp
	rc=$?
	n2=$(imp_count <<SQL
SELECT coalesce(sum(antal), 0) FROM anonym_deltagande
WHERE insats_id = $imp_anonym;
SQL
)
	if [ $rc -eq 0 ] && [ "$n2" = 8 ] && ! grep -q "räknas ihop" \
	    "$imp_dir/out"; then
		ok "import of anonymous rows with errors says to import the \
corrected rows alone, and they count once"
	else
		not_ok "import of anonymous rows: the corrected rows alone" \
		    "status $rc, sum $n2 (want 8): $(tr '\n' '|' <"$imp_dir/out")"
	fi
else
	not_ok "import of anonymous rows with errors says to import the \
corrected rows alone" "$(tail -n 2 "$imp_dir/out" | tr '\n' '|')"
fi

printf 'insats,period,kvinnor,man,okänt,kommentar\n%s,2025-01,5,3,0,Första\n%s,202502,4,4,1,"Med, komma"\n%s,2025-13,1,1,0,\n' \
    "$imp_volym" "$imp_volym" "$imp_volym" >"$imp_dir/volym.csv"
imp_file=$imp_dir/volym.csv
imp_sus integimpvol
rc=$?
n=$(imp_count <<SQL
SELECT string_agg(to_char(period, 'YYYY-MM') || ':' || kvinnor || '/' || man
    || '/' || okant || ':' || kommentar, ' ' ORDER BY period)
FROM volym_antal WHERE insats_id = $imp_volym;
SQL
)
if [ $rc -eq 1 ] &&
    [ "$n" = "2025-01:5/3/0:Första 2025-02:4/4/1:Med, komma" ] &&
    grep -q "^rad 4, period: Skriv perioden ÅÅÅÅ-MM.$" "$imp_dir/out"; then
	ok "import of a volyminsats's counts (comma-separated)"
else
	not_ok "import of a volyminsats's counts (comma-separated)" \
	    "status $rc, stored '$n': $(head -c 300 "$imp_dir/out") \
$(head -c 200 "$imp_dir/err")"
fi

# --- Hostile and broken files (dry runs): each bad record is reported on
# its own line and the good rows beside it in the same batch still pass;
# a file that cannot be read at all is refused whole. Under the sanitizer
# build, so a crash or an overrun shows below.

imp_h=$imp_dir/hostile
mkdir -p "$imp_h"
imp_hhdr="personnummer;startdatum;samtycke;namn;kommun;försörjning;sysselsättning;utbildning;tid i försörjning;fraga:$imp_q1"
# A good row for personnummer $1 (namn $2, default Test Person).
imp_hgood()
{
	printf '%s;2025-03-03;ja;%s;Mölndal;AKASSA;ARBETSSOKANDE;GYMN;AR_1_2;nej\n' \
	    "$1" "${2:-Test Person}"
}
{
	printf '%s\r\n' "$imp_hhdr"
	imp_hgood "${imp_p[9]}"
	# A namn of 60 000 bytes, and a "personnummer" with text after it.
	imp_hgood "${imp_p[10]}" "$(head -c 60000 /dev/zero | tr '\0' a)"
	imp_hgood "${imp_p[10]} och en kommentar"
	# A NUL byte, invalid UTF-8 (the file is UTF-8), 300 fields.
	imp_hgood "${imp_p[10]}" "Nul X" | tr X '\0'
	imp_hgood "${imp_p[10]}" "$(printf 'Bad\303(Utf')"
	imp_hgood "${imp_p[10]}" "$(printf 'x;%.0s' $(seq 300))"
	# 10 MB on one line, then CRLF and LF lines mixed.
	head -c 10000000 /dev/zero | tr '\0' x
	echo
	imp_hgood "${imp_p[11]}" | sed 's/$/\r/'
	imp_hgood "${imp_p[12]}"
} >"$imp_dir/hostile.csv"
cat >"$imp_h/want" <<EOF2
rad 3, namn, ********-${imp_p[10]:8}: Namnet är för långt.
rad 4, personnummer, ********-????: Personnumret får bara innehålla siffror och bindestreck.
rad 5, -: Felaktig CSV: ett NUL-tecken i raden.
rad 6, -: Felaktig CSV: tecken som inte är UTF-8, fast filen i övrigt är UTF-8.
rad 7, -: Felaktig CSV: för många fält (högst 256).
rad 8, -: Felaktig CSV: raden är för lång (högst 64 KiB).
sus import: provkörning: inget sparades; registrerade är de rader som skulle ha registrerats.
sus import: 9 rader, 3 registrerade, 6 fel, 0 fanns redan.
EOF2
imp_file=$imp_dir/hostile.csv
imp_sus integimp --insats "$imp_fel" --dry-run
rc=$?
if [ $rc -eq 1 ]; then
	imp_report_is "import of a hostile file: each bad record refused \
alone, the good rows of its batch pass" "$imp_h/want"
else
	not_ok "import of a hostile file: each bad record refused alone" \
	    "status $rc: $(head -c 300 "$imp_dir/err")"
fi
imp_hrc=
printf '%s\n' "$imp_hhdr" >"$imp_h/header.csv"
: >"$imp_h/empty.csv"
head -c 10000000 /dev/zero | tr '\0' x >"$imp_h/oneline.csv"
printf '%s%s\n' "$imp_hhdr" "$(printf ';c%d' $(seq 300))" >"$imp_h/wide.csv"
for f in header empty oneline wide; do
	imp_file=$imp_h/$f.csv
	imp_sus integimp --insats "$imp_fel" --dry-run
	imp_hrc="$imp_hrc $f:$?"
	[ $f = header ] && ! grep -q "^sus import: 0 rader, 0 registrerade, \
0 fel, 0 fanns redan.$" "$imp_dir/out" && imp_hrc="$imp_hrc(summary)"
done
if [ "$imp_hrc" = " header:0 empty:2 oneline:2 wide:2" ]; then
	ok "import of a header only, an empty file, one 10 MB line and a \
300-column header: a summary or a refusal, no crash"
else
	not_ok "import of a header only, an empty file, a 10 MB line, a wide \
header" "$imp_hrc"
fi

if grep -qE "Sanitizer|runtime error" "$imp_log"; then
	not_ok "sus import ran without sanitizer reports" \
	    "$(grep -m 1 -E "Sanitizer|runtime error" "$imp_log")"
else
	ok "sus import ran without sanitizer reports"
fi

# Every participation stored here, and the one utregistrering, is a
# personal-data write by a session: one audit_person row each, counted
# for the final check of the run.
n=$(imp_count <<SQL
SELECT count(*) FROM deltagande d JOIN insats i ON i.id = d.insats_id
JOIN samverkansorg s ON s.id = i.samverkansorg_id
WHERE s.namn = 'Integtest import';
SQL
)
m=$(imp_count <<SQL
SELECT count(*) FROM audit_person a JOIN insats i ON i.id = a.insats_id
JOIN samverkansorg s ON s.id = i.samverkansorg_id
WHERE s.namn = 'Integtest import' AND a.session_id IS NOT NULL
AND a.action = 'skriv';
SQL
)
if [ "$((n + 1))" = "$m" ] && [ "$n" -gt 0 ] 2>/dev/null; then
	ok "import: one audit_person row for every participation stored"
	echo "0 $m" >>"$scratch/personal.counts"
else
	not_ok "import: one audit_person row for every participation stored" \
	    "$n participations and an utregistrering, $m audit rows"
fi
