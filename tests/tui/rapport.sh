# Rapporter (issue 9), sourced by tests/tui/run: the SUSrapport demo user
# opens Rapporter Finsam → Insatsrapport at 80x24, chooses the period
# 2009 at national level, and gets the report of the fixture
# tests/data/rapport_klient.sql (30 insatser of one förbund in 2009 and
# nothing else in that year; the figures are worked out there). He pages
# through the table, scrolls its columns, switches to the chart and sees
# bars, exports CSV and the file is compared with what the table shows;
# a refused period keeps the choices; the choices come back in a new
# session; a wider terminal shows more columns. The fixture goes again
# at the end.

RK_DATA=$SUS_TOP/tests/data
RK_IDAG=$(TZ=Europe/Stockholm date +%Y-%m-%d)
RK_CSV=$OUT/rk-insats.csv

pg_test_psql -d sus -q -f "$RK_DATA/rapport_klient_bort.sql" \
    >>"$OUT/stack.log" 2>&1
pg_test_psql -d sus -q -v ON_ERROR_STOP=1 -f "$RK_DATA/rapport_klient.sql" \
    >>"$OUT/stack.log" 2>&1
check "rapport: the fixture's 30 insatser made" \
    test "$(db_query "SELECT count(*) FROM insats WHERE namn LIKE 'RK insats %'")" = 30
db_query "DELETE FROM rapport_val WHERE anvandare_id = (SELECT id FROM
    anvandare WHERE username = 'rapport')" >/dev/null

# The line of the CSV (CRLF dropped) for a row name.
rk_csv_rad()
{
	tr -d '\r' <"$RK_CSV" | grep -F -- "$1"
}

start_client rapport
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
check "rapport: the report menu" wait_for "▾ Rapporter Finsam"
check "rapport: Af/FK reports in the menu" shows "Standardrapport status"
keys r Down Enter
check "rapport: Insatsrapport's urvalsbild" wait_for "Rapporttyp"
check "rapport 80x24: not too small" lacks "för litet"
check "rapport: the national level by standard" \
    wait_line_has "Nivå" "‹ Riket ›"
check "rapport: rarer choices wait behind Fler urval" lacks "Inriktning"
keys F6
check "rapport: F6 shows the rarer choices" wait_for "Inriktning"
keys F6
check "rapport: F6 hides them again" wait_gone "Inriktning"

# A period ending before it starts: the server says why, the choices stay.
keys Down C-u 2009-01-01 Down C-u 2008-12-31
keys F2
check "rapport: a reversed period refused" \
    wait_for "Perioden måste vara minst en dag"
check "rapport: the choices kept after a refusal" \
    line_has "Till och med" "2008-12-31"
check "rapport: still on the urvalsbild" shows "Skapa rapport"
# A date that is no date is refused here.
keys C-u 2009-13-45 F2
check "rapport: a bad date refused in the client" \
    wait_for "skriv datumet som ÅÅÅÅ-MM-DD"
keys C-u 2009-12-31
# The national level: away and back, to see the choice move.
keys Down Right
check "rapport: the level moves to län" wait_line_has "Nivå" "‹ Län ›"
keys Left
check "rapport: back to the national level" wait_line_has "Nivå" "‹ Riket ›"
keys F2
check "rapport: the result opens" wait_for "RK insats 01"
check "rapport: the choices in words" shows "2009-01-01"
check "rapport: the unit as a heading" shows "Riket"
check "rapport: when it was made" shows "Skapad $RK_IDAG"
check "rapport: the first page only" lacks "RK insats 30"
check "rapport: where in the rows" wait_for "Rad 1–14 av"
keys NPage
check "rapport: PgDn pages on" wait_for "Rad 15–28 av"
check "rapport: PgDn shows later rows" shows "RK insats 20"
check "rapport: PgDn leaves the first rows" lacks "RK insats 01"
keys End
check "rapport: End shows the last row" wait_for "RK insats 30"
check "rapport: the sum row" line_has "Summa" "0"
keys Home
check "rapport: Home back at the top" wait_for "RK insats 01"
check "rapport: more columns to the right" line_has "Insats" "›"
check "rapport: the volume column out of sight at first" lacks "Volym"

# Columns scroll behind the frozen first one until the volumes show.
i=0
while [ $i -lt 12 ] && ! shows "Volym kvinnor"; do
	keys Right
	sleep 0.2
	i=$((i + 1))
done
check "rapport: → scrolls to the volume column" wait_for "Volym kvinnor"
check "rapport: the first column stays" shows "RK insats 01"
check "rapport: thousands with a space" line_has "RK insats 01" "1 200"
check "rapport: columns to the left marked" shows "‹"
keys End
check "rapport: the sum row with the volume" wait_line_has "Summa" "1 200"
RK_SUMMA_K=$(screen | grep -F "Summa" | head -n 1)
keys Home

# The chart: the column of anonymous women, one bar per insats.
keys F6
check "rapport: F6 shows the chart" wait_for "Diagram:"
i=0
while [ $i -lt 14 ] && ! shows "Diagram: Anonyma kvinnor"; do
	keys Right
	sleep 0.2
	i=$((i + 1))
done
check "rapport: ← → choose the chart's column" \
    wait_for "Diagram: Anonyma kvinnor"
check "rapport: a bar in block characters" \
    eval 'screen | grep -F "RK insats 01" | grep -qE "[▏▎▍▌▋▊▉█]"'
check "rapport: no '#' bars in a UTF-8 terminal" \
    eval '! screen | grep -F "RK insats" | grep -qF "#"'
keys End
check "rapport: the largest value has the longest bar" \
    eval '[ "$(screen | grep -F "RK insats 30" | grep -o "█" | wc -l)" -gt \
    "$(screen | grep -F "RK insats 20" | grep -o "█" | wc -l)" ]'
keys Home F6
check "rapport: F6 back to the table" wait_gone "Diagram:"

# Export: the name offered, then a file of our own.
keys F4
check "rapport: F4 offers a file name" \
    wait_for "Spara som: insats-alla-$RK_IDAG.csv"
keys C-u "$RK_CSV" Enter
check "rapport: says where the file went" wait_for "Exporterad till $RK_CSV"
check "rapport: the CSV starts with a BOM" \
    test "$(head -c 3 "$RK_CSV" | od -An -tx1 | tr -d ' \n')" = efbbbf
check "rapport: CRLF line ends" \
    test "$(head -n 1 "$RK_CSV" | tail -c 2 | od -An -tx1 | tr -d ' \n')" = 0d0a
check "rapport: the title first" \
    eval 'head -n 1 "$RK_CSV" | grep -qF "Insatsrapport"'
check "rapport: the header row with ';'" \
    eval 'tr -d "\r" <"$RK_CSV" | grep -qE "^Grupp;Insats;Planerat antal deltagare;"'
# The table's figures for RK insats 01 (women 1, men 1, volume 1 200,
# 34) and the sum (men 30, volume 1 200 on the screen) are the file's,
# without the thousands space.
check "rapport: the row as the table showed it" \
    eval 'rk_csv_rad "RK insats 01" | grep -qE "^Riket;RK insats 01 [^;]*;0;0;0;0;0;1;1;1200;34;0;"'
check "rapport: the sum row matches the table's" \
    eval 'rk_csv_rad "Summa" | grep -qE "^Riket;Summa;0;0;0;0;0;465;30;1200;34;0;"'
check "rapport: the table's sum had the same figures" \
    eval 'printf "%s\n" "$RK_SUMMA_K" | grep -qE "Summa +30 +1 200"'
check "rapport: 30 insatser and a sum in the file" \
    test "$(tr -d '\r' <"$RK_CSV" | grep -c '^Riket;')" = 31
check "rapport: the footnote last" \
    eval 'tr -d "\r" <"$RK_CSV" | tail -n 1 | grep -qF "Anonyma deltagare"'
# sus report, the same report from the command line: the same file but
# for the line saying when it was made.
cp /dev/null "$OUT/rk-pw"
chmod 600 "$OUT/rk-pw"
echo demo2026 >"$OUT/rk-pw"
SUS_PASSWORD_FILE=$OUT/rk-pw timeout 60 "$SUS" report -q \
    -i "$OUT/rk-id" -k "$SUS_KNOWN_SERVERS" insats --param from=2009-01-01 \
    --param tom=2009-12-31 --param niva=riket --csv "$OUT/rk-cli.csv" \
    "rapport@$SUS_HOST:$SUS_PORT" </dev/null >"$OUT/rk-cli.out" 2>&1
check "rapport: sus report exits 0" test $? -eq 0
check "rapport: sus report writes what the screen exported" \
    cmp -s <(grep -av '^Skapad: ' "$RK_CSV") \
    <(grep -av '^Skapad: ' "$OUT/rk-cli.csv")
check "rapport: only the time of making may differ" \
    test "$(wc -l <"$RK_CSV")" -eq "$(wc -l <"$OUT/rk-cli.csv")"
# Exporting again over the same file asks first.
keys F4 C-u "$RK_CSV" Enter
check "rapport: replacing a file asks" wait_for "finns redan"
keys n
check "rapport: no means nothing written" wait_for "Inget exporterades."

# A wider terminal shows more columns at once.
tm resize-window -t "$SESS" -x 200 -y 30
check "rapport: wide shows the first and the volume columns" \
    wait_line_has "RK insats 01" "1 200"
check "rapport: wide shows more columns at once" \
    line_has "RK insats 01" "1 200" "34"
check "rapport: wide reaches the budget column" shows "Budget"
tm resize-window -t "$SESS" -x 80 -y 24
check "rapport 80x24 again: fewer columns" wait_gone "Budget"

# Esc back to the choices, then a new session: they are remembered.
keys Escape
check "rapport: Esc back to the urvalsbild" wait_for "Skapa rapport"
keys F10
wait_for "sus avslutades: 0"
check "rapport: the choices were saved" \
    test "$(db_query "SELECT varde FROM rapport_val v JOIN anvandare a ON
    a.id = v.anvandare_id WHERE a.username = 'rapport' AND
    v.rapport = 'insats' AND v.namn = 'from'")" = 2009-01-01
start_client rapport
login demo2026
wait_for "Välkommen till SUS"
keys r Down Enter
check "rapport: the remembered start comes back" \
    wait_line_has "Från och med" "2009-01-01"
check "rapport: the remembered end comes back" \
    line_has "Till och med" "2009-12-31"
keys F10
wait_for "sus avslutades: 0"

# A figure with a decimal comma: the Deltagarrapport's change in per
# cent over the demo's participants since 2000, on the screen and in the
# file alike; a change without a base is "–" on the screen, empty there.
start_client rapport
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
keys r Down Down Enter
check "rapport: Deltagarrapport's urvalsbild" \
    wait_line_has "Rapporttyp" "‹ Försörjning före"
keys Down C-u 2000-01-01 F2
check "rapport: the Deltagarrapport opens" \
    wait_for "Samtliga avslutade deltagare"
RK_PROC=$(screen | grep -F "Samtliga avslutade deltagare" |
    grep -oE -- '-?[0-9]+,[0-9]' | tail -n 1)
check "rapport: a per cent with a decimal comma on the screen" \
    test -n "$RK_PROC"
check "rapport: no base shows as –" line_has "Uppgift saknas" "–"
keys F4 C-u "$OUT/rk-deltagare.csv" Enter
check "rapport: the Deltagarrapport exported" \
    wait_for "Exporterad till $OUT/rk-deltagare.csv"
check "rapport: the file has the screen's decimal comma" \
    eval 'tr -d "\r" <"$OUT/rk-deltagare.csv" | grep -F "Samtliga avslutade deltagare" | grep -qE -- ";$RK_PROC\$"'
check "rapport: no base is an empty field in the file" \
    eval 'tr -d "\r" <"$OUT/rk-deltagare.csv" | grep -qE "^Riket;Uppgift saknas;[0-9]+;[0-9]+;\$"'
keys F10
wait_for "sus avslutades: 0"

pg_test_psql -d sus -q -f "$RK_DATA/rapport_klient_bort.sql" \
    >>"$OUT/stack.log" 2>&1
check "rapport: the fixture removed" \
    test "$(db_query "SELECT count(*) FROM insats WHERE namn LIKE 'RK insats %'")" = 0
