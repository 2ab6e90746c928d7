# Snabbregistrering, sourced by tests/tui/run: the deltagaransvarig of a
# fresh insats (made here, with the persons in the register copy) opens
# Deltagande → Snabbregistrering at 80x24 and enters ten participants by
# keyboard only: Tab between cells, ^D copying the cell above, code cells
# completed from their first letters. One row starts before the insats:
# the server refuses it, the message is shown on the message line and on
# the row, the cursor and the highlight are on its Startdatum, what was
# typed stays, and the row, fixed in place, is stored. Then Snabb
# utregistrering registers two of them out. Then susd goes away: rows
# typed meanwhile wait as "Ej skickad" and are stored once after
# reconnecting; and a row whose send reached a stopped session (Esc
# while waiting) is sent again with its key and answered from the
# stored outcome, stored once.

GR_INSATS="TUI snabbreg"
# Official test numbers (tests/data/testpersonnummer.csv), this part's
# own slice.
GR_P=(197504249215 197903169261 197905209289 197906209239 197908089274
    197909089265 197911239262 198201209296 198308179285 198605219990
    198606089889 198710152391 198711092380)
GR_IDAG=$(date +%Y-%m-%d)
GR_INS="(SELECT id FROM insats WHERE namn = '$GR_INSATS')"

# Reports whether a query gives exactly the expected text.
gr_sql_is()
{
	[ "$(db_query "$1")" = "$2" ]
}

gr_kod()
{
	echo "(SELECT id FROM kod WHERE lista = '$1' AND kod = '$2')"
}

# The insats (Samordningsförbundet Göteborg's, so its mandatory 'in'
# question is asked), the uppdrag, and the persons in Malmö, where no
# stadsdel is needed.
db_query "WITH i AS (INSERT INTO insats (samverkansorg_id, namn,
    startdatum, inriktning_id, preciserad_id, matningsmetod_id)
    SELECT samverkansorg_id, '$GR_INSATS', DATE '2025-01-01',
    $(gr_kod inriktning INDIVID),
    $(gr_kod preciserad_inriktning ARBETSTRANING),
    $(gr_kod matningsmetod PERSON) FROM insats
    WHERE namn = 'Steget vidare' RETURNING id),
    m AS (INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
    SELECT i.id, $(gr_kod malgrupp UNGA) FROM i)
    INSERT INTO uppdrag (anvandare_id, roll, insats_id)
    SELECT a.id, 'deltagaransvarig', i.id FROM i, anvandare a
    WHERE a.username = 'deltagaransv';
    INSERT INTO folkbokforing (personnummer, namn, kommunkod)
    SELECT p, 'Snabb ' || n, '1280' FROM unnest(ARRAY['$(echo "${GR_P[@]}" |
    sed "s/ /','/g")']) WITH ORDINALITY AS t(p, n)" >/dev/null
check "grid: the insats and its persons made" gr_sql_is "SELECT count(*)
    FROM folkbokforing WHERE namn LIKE 'Snabb %'" 13

# Participations of the insats for the i-th number.
gr_count()
{
	echo "SELECT count(*) FROM deltagande d JOIN person p
	    ON p.id = d.person_id WHERE d.insats_id = $GR_INS
	    AND p.personnummer = '${GR_P[$1]}'"
}

# One row's inregistrering: försörjning, sysselsättning, omfattning,
# utbildning, tid, the answer, startdatum.
gr_in()
{
	echo "SELECT concat_ws('|', (SELECT string_agg(kod_kod(f.forsorjning_id),
	    ',' ORDER BY kod_kod(f.forsorjning_id)) FROM mattillfalle_forsorjning f
	    WHERE f.deltagande_id = d.id AND f.typ = 'in'),
	    kod_kod(m.sysselsattning_id), coalesce(m.omfattning::text, ''),
	    kod_kod(m.utbildning_id), kod_kod(m.tid_id),
	    (SELECT string_agg(s.ja::text, ',') FROM fraga_svar s
	    WHERE s.deltagande_id = d.id AND s.tillfalle = 'in'), d.startdatum)
	    FROM deltagande d JOIN person p ON p.id = d.person_id
	    JOIN mattillfalle m ON m.deltagande_id = d.id AND m.typ = 'in'
	    WHERE d.insats_id = $GR_INS AND p.personnummer = '${GR_P[$1]}'"
}

# The terminal cursor as "x,y".
gr_cursor()
{
	tm display -p -t "$SESS" '#{cursor_x},#{cursor_y}'
}

# Reports whether the cursor is in the Startdatum cell of screen line y:
# the grid has the whole width (the menu tree is hidden while it has the
# keys), so the cell starts after the personnummer and the status
# (1 + 13 + 1 + 10 + 1).
gr_cursor_in_start()
{
	local c x y

	c=$(gr_cursor)
	x=${c%,*}
	y=${c#*,}
	[ "$y" -eq "$1" ] && [ "$x" -ge 26 ] && [ "$x" -le 36 ]
}

# Reports whether screen line n (1-based: cursor line y is n - 1) shows
# text in reverse video and underlined: the refused cell under the
# cursor.
gr_highlit()
{
	tm capture-pane -e -p -t "$SESS" | sed -n "${1}p" |
	    grep -F -- "$2" | grep -qE $'\e\\[[0-9;]*4;7m'
}

# Counts the screen lines holding text.
gr_lines_with()
{
	screen | grep -cF -- "$1"
}

# Opens a grid from the Deltagande menu (S once for in, twice for ut)
# and chooses the insats among the user's.
gr_open()
{
	keys F9 Home D "$@" Enter
	wait_for "Välj med pilarna och Enter." || return 1
	keys / "$GR_INSATS" Enter
	sleep 0.3
	keys Enter
}

start_client deltagaransv
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
gr_open S
check "grid: Snabbregistrering opens on the insats" \
    wait_for "Snabbregistrering: $GR_INSATS"
check "grid 80x24: not too small" lacks "för litet"
check "grid: the frozen columns" shows "Personnummer  Status     Start"
check "grid: the key line names ditto" shows "^D Som ovan"
check "grid: the whole width, the menu tree hidden" lacks "Anonyma deltagare"
check "grid: wide enough for Sysselsättning at 80 columns" \
    shows "Personnummer  Status     Start      Försörjning      Sysselsättn."
keys F9
check "grid: F9 brings the menu tree back" wait_for "Anonyma deltagare"
keys Tab
check "grid: Tab gives the grid the width again" \
    wait_gone "Anonyma deltagare"
check "grid: today's date in the first row" shows "$GR_IDAG"

# 1. Completion: "ar" offers a-kassa; Tab takes it. Omfattning is asked
# for Studier.
keys "${GR_P[0]}"
check "grid: a valid number said as typed" wait_for "Giltigt personnummer."
keys Tab Tab ar
check "grid: a code completes from its first letters" \
    wait_for "Förslag: Arbetslöshetsersättning (a-kassa)"
keys Tab stu Tab
check "grid: Tab took the suggestion" \
    wait_line_has "${GR_P[0]}" "Studier"
keys 50 Tab gy Tab 1 Tab x
check "grid: consent takes J or N only" \
    wait_for "Svara J (ja) eller N (nej)."
keys j Tab n Enter
check "grid: row 1 saved" wait_for "Rad 1 är sparad."
check "grid: the next row has the cursor in personnummer" \
    wait_for "Rad 2, Personnummer:"
check "grid: row 1 stored as typed" \
    gr_sql_is "$(gr_in 0)" "AKASSA|STUDIER|50|GYMN|AR_1_2|false|$GR_IDAG"

# 2. Every cell of row 2 copied from row 1 with ^D.
keys "${GR_P[1]}" Tab Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d \
    Tab C-d Enter
check "grid: row 2 saved" wait_for "Rad 2 är sparad."
check "grid: row 2 stored as row 1, by ditto" \
    gr_sql_is "$(gr_in 1)" "AKASSA|STUDIER|50|GYMN|AR_1_2|false|$GR_IDAG"

# 3. Two sources of försörjning: a comma takes the first suggestion.
keys "${GR_P[2]}" Tab Tab "sj, ek" Tab prog Tab 100 Tab ef Tab under Tab \
    j Tab j Enter
check "grid: row 3 saved" wait_for "Rad 3 är sparad."
check "grid: row 3 with two sources" gr_sql_is "$(gr_in 2)" \
    "EKONOMISKT_BISTAND,SJUKPENNING|PROGRAM|100|EFTERGYMN_KORT|UNDER_1|true|$GR_IDAG"

# 4. No omfattning for Arbetssökande: Tab passes it by.
keys "${GR_P[3]}" Tab Tab ingen Tab arbetss Tab upp Tab ingen Tab j Tab \
    n Enter
check "grid: row 4 saved" wait_for "Rad 4 är sparad."
check "grid: row 4 stored without omfattning" \
    gr_sql_is "$(gr_in 3)" "INGEN|ARBETSSOKANDE||SAKNAS|INGEN|false|$GR_IDAG"

# 5. A start before the insats: refused by the server, shown on the row
# with the cursor and the highlight on Startdatum, everything kept.
keys "${GR_P[4]}" Tab C-u 2024-12-01 Tab C-d Tab C-d Tab C-d Tab C-d Tab \
    j Tab j Enter
check "grid: the refusal on the message line" \
    wait_for "Rad 5: Startdatum är före insatsens startdatum 2025-01-01."
check "grid: the row marked Fel, its values kept" \
    line_has "${GR_P[4]}" "Fel" "2024-12-01"
check "grid: the refusal on the row" \
    shows " Startdatum är före insatsens startdatum"
check "grid: the cursor on the refused Startdatum" gr_cursor_in_start 7
check "grid: the line under the grid names the refused cell" \
    line_has "Rad 5, Startdatum:" "2024-12-01"
check "grid: the refused cell highlighted" gr_highlit 8 "2024-12-01"
check "grid: nothing stored for the refused row" \
    gr_sql_is "$(gr_count 4)" 0
keys Tab
check "grid: the row's other cells kept" \
    wait_line_has "Rad 5, Försörjning" "Ingen offentlig försörjning"
keys BTab C-u "$GR_IDAG" Enter
check "grid: fixed in place and saved" wait_for "Rad 5 är sparad."
check "grid: the fixed row stored once" gr_sql_is "$(gr_count 4)" 1
check "grid: the fixed row as typed" \
    gr_sql_is "$(gr_in 4)" "INGEN|ARBETSSOKANDE||SAKNAS|INGEN|true|$GR_IDAG"

# 6-10: ditto, completion by kod or name, omfattning for Eget företag.
# A kod typed whole (INGEN in row 4) shows as its name.
keys "${GR_P[5]}" Tab Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d Enter
wait_for "Rad 6 är sparad."
keys "${GR_P[6]}" Tab Tab akt Tab eget Tab 25 Tab gy Tab 3 Tab j Tab n Enter
wait_for "Rad 7 är sparad."
keys "${GR_P[7]}" Tab Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d Tab \
    C-d Enter
wait_for "Rad 8 är sparad."
keys "${GR_P[8]}" Tab Tab ann Tab öv Tab forgymn_k Tab over Tab j Tab n Enter
wait_for "Rad 9 är sparad."
keys "${GR_P[9]}" Tab Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d Enter
check "grid: row 10 saved" wait_for "Rad 10 är sparad."
check "grid: ten rows Sparad" eval '[ "$(gr_lines_with "  Sparad ")" = 10 ]'
check "grid: the counts line" \
    shows "Sparade 10 · fanns 0 · fel 0 · ej skickade 0"
check "grid: ten participations stored" gr_sql_is "SELECT count(*)
    FROM deltagande WHERE insats_id = $GR_INS" 10
check "grid: a kod typed whole shown as its name" \
    line_has "${GR_P[3]}" "Ingen offentlig"
check "grid: row 6 by ditto from the fixed row" \
    gr_sql_is "$(gr_in 5)" "INGEN|ARBETSSOKANDE||SAKNAS|INGEN|true|$GR_IDAG"
check "grid: row 8 by ditto, omfattning too" gr_sql_is "$(gr_in 7)" \
    "AKTIVITETSERSATTNING|EGET_FORETAG|25|GYMN|AR_3_5|false|$GR_IDAG"
check "grid: row 9 completed by kod" \
    gr_sql_is "$(gr_in 8)" "ANNAN|OVRIGT||FORGYMN_KORT|OVER_10|false|$GR_IDAG"
# Each send had its own key; the fixed row went with a new one, since
# the refused one's outcome is stored under its key.
check "grid: eleven batches, each its own key" gr_sql_is "SELECT
    count(*) || '|' || count(DISTINCT nyckel) FROM import_batch
    WHERE insats_id = $GR_INS" "11|11"

# 11. Snabb utregistrering: two of them registered out.
keys Escape
sleep 0.6
gr_open S S
check "grid ut: the ongoing participants" wait_for "Pågående: 10, markerade: 0"
check "grid ut: the numbers masked" shows "********-${GR_P[0]:8:4}"
keys Space Space
check "grid ut: two marked" wait_for "Pågående: 10, markerade: 2"
keys Enter
check "grid ut: the grid with their rows" \
    wait_for "Snabb utregistrering: $GR_INSATS"
check "grid ut: the cursor on Slutdatum" wait_for "Rad 1, Slutdatum: $GR_IDAG"
check "grid ut: whole titles at 80 columns" shows "Försörjn. efter"
# Meanwhile row 1's participant is registered out elsewhere (sus import,
# the same answers): saving it says so on the row, and nothing is
# stored twice.
gr_ut_nr=
gr_ut4=$(screen | sed -n 4p | grep -oE '\*{8}-[0-9]{4}' | cut -c10-)
for p in "${GR_P[@]}"; do
	[ "${p:8:4}" = "$gr_ut4" ] && gr_ut_nr=$p
done
(umask 077 && printf '%s\n' "demo2026" >"$OUT/gr-pw")
printf 'insats;personnummer;slutdatum;avslutsanledning;forsorjning;%s\n%s;%s;%s;%s\n' \
    "sysselsattning;omfattning" "$(db_query "SELECT id FROM insats
    WHERE namn = '$GR_INSATS'")" "$gr_ut_nr" "$GR_IDAG" \
    "ENLIGT_PLAN;INGEN;ARBETE;100" >"$OUT/gr-ut.csv"
gr_import()
{
	env XDG_CONFIG_HOME="$OUT/config" SUS_PASSWORD_FILE="$OUT/gr-pw" \
	    "$SUS" import -q -k "$SUS_KNOWN_SERVERS" \
	    "deltagaransv@$SUS_HOST:$SUS_PORT" "$1" >"$OUT/gr-ut.out" 2>&1
}
check "grid ut: row 1's participant registered out meanwhile" \
    gr_import "$OUT/gr-ut.csv"
keys Tab en Tab ingen Tab arb Tab 100 Enter
check "grid ut: row 1 already registered out, said on the row" \
    wait_for "Rad 1: Redan utregistrerad med samma slutdatum: inget nytt sparades."
check "grid ut: row 1 marked Fanns" line_has "********-$gr_ut4" "Fanns"
# Row 2, the last, refused with keys typed ahead: no row to go on to,
# so they fix the refused cell, and nothing claims all rows answered.
keys C-u 2099-01-01 Tab C-d Tab C-d Tab C-d Tab C-d Enter C-u "$GR_IDAG"
check "grid ut: the last row refused, the keys typed ahead fix it" \
    wait_for "Rad 2, Slutdatum: $GR_IDAG"
check "grid ut: the row marked Fel" line_has "********-" "Fel"
check "grid ut: no claim that every row is answered" \
    lacks "Alla rader har fått svar"
keys Enter
check "grid ut: row 2 saved" wait_for "Alla rader har fått svar."
check "grid ut: two registered out today" gr_sql_is "SELECT count(*)
    || '|' || string_agg(DISTINCT concat_ws(',', kod_kod(m.avslut_id),
    kod_kod(m.sysselsattning_id), m.omfattning, (SELECT string_agg(
    kod_kod(f.forsorjning_id), ',') FROM mattillfalle_forsorjning f
    WHERE f.deltagande_id = d.id AND f.typ = 'ut')), ';')
    FROM deltagande d JOIN mattillfalle m ON m.deltagande_id = d.id
    AND m.typ = 'ut' WHERE d.insats_id = $GR_INS
    AND d.slutdatum = '$GR_IDAG'" "2|ENLIGT_PLAN,ARBETE,100,INGEN"
keys Escape
check "grid ut: back to the list, eight still taking part" \
    wait_for "Pågående: 8, markerade: 0"

# 11b. A demanding day, in an insats of its own (the same persons):
# typing ahead while a row is saved or refused, completion of names
# that begin with punctuation, errors that go once the cell is fixed,
# messages that fit the 80 columns, 25+ rows, and leaving unsaved rows.
GR_INSATS2="TUI typahead"
GR_INS2="(SELECT id FROM insats WHERE namn = '$GR_INSATS2')"
db_query "WITH i AS (INSERT INTO insats (samverkansorg_id, namn,
    startdatum, inriktning_id, preciserad_id, matningsmetod_id)
    SELECT samverkansorg_id, '$GR_INSATS2', DATE '2025-01-01',
    inriktning_id, preciserad_id, matningsmetod_id FROM insats
    WHERE namn = '$GR_INSATS' RETURNING id),
    m AS (INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
    SELECT i.id, $(gr_kod malgrupp UNGA) FROM i)
    INSERT INTO uppdrag (anvandare_id, roll, insats_id)
    SELECT a.id, 'deltagaransvarig', i.id FROM i, anvandare a
    WHERE a.username = 'deltagaransv'" >/dev/null

# The i-th number's tid and startdatum in the second insats, or nothing.
gr_in2()
{
	echo "SELECT kod_kod(m.tid_id) || '|' || d.startdatum
	    FROM deltagande d JOIN person p ON p.id = d.person_id
	    JOIN mattillfalle m ON m.deltagande_id = d.id AND m.typ = 'in'
	    WHERE d.insats_id = $GR_INS2 AND p.personnummer = '${GR_P[$1]}'"
}

# Reports whether the row holding text shows cell underlined (refused).
gr_marked()
{
	tm capture-pane -e -p -t "$SESS" | grep -F -- "$1" |
	    grep -qE $'\e\\[[0-9;]*4[;m]('$'\e''\[[0-9;]*m)*'"$2"
}

# Reports whether the cursor's screen line shows text.
gr_cursor_line_has()
{
	local c y

	c=$(gr_cursor)
	y=${c#*,}
	[ "$y" -ge 3 ] && [ "$y" -lt 18 ] &&
	    screen | sed -n "$((y + 1))p" | grep -qF -- "$1"
}

# The message line (the screen's next to last).
gr_msg()
{
	screen | sed -n 23p
}

# Reports whether the message line shows text.
gr_msg_has()
{
	gr_msg | grep -qF -- "$1"
}

keys Escape
sleep 0.6
keys F9 Home D S Enter
wait_for "Välj med pilarna och Enter."
keys / "$GR_INSATS2" Enter
sleep 0.3
keys Enter
check "grid: the second insats opens" \
    wait_for "Snabbregistrering: $GR_INSATS2"
# Names beginning with punctuation: "<" and a number inside the name.
keys "${GR_P[0]}" Tab Tab ann Tab arbetss Tab gy Tab "<"
check "grid: '<' offers '< 1 år'" wait_for "Förslag: < 1 år"
keys BSpace 10
check "grid: a number inside a name offers it ('10': '> 10 år')" \
    wait_for "Förslag: > 10 år"
keys Tab j Tab j Enter
check "grid: saved with the name found by its number" \
    wait_for "Rad 1 är sparad."
check "grid: stored as OVER_10" gr_sql_is "$(gr_in2 0)" "OVER_10|$GR_IDAG"
# An unknown code: the whole message fits the line; the cell changed,
# it goes; '-' finds the en dash of "1–2 år".
keys "${GR_P[1]}" Tab Tab C-d Tab C-d Tab C-d Tab m Tab j Tab j Enter
check "grid: an unknown code refused, the message whole on 80 columns" \
    wait_for "Rad 2, Tid i förs.: \"m\" finns inte; skriv början och ta ett förslag med Tab."
check "grid: the refusal names the cell under the cursor" \
    line_has "Rad 2, Tid i offentlig försörjning: m" ""
keys BSpace
check "grid: the error goes once its cell is changed" \
    wait_gone "finns inte"
keys 1-2
check "grid: '-' finds the en dash" wait_for "Förslag: 1–2 år"
keys Enter
check "grid: row 2 saved" wait_for "Rad 2 är sparad."
check "grid: stored as AR_1_2" gr_sql_is "$(gr_in2 1)" "AR_1_2|$GR_IDAG"
# Typing ahead while a row is refused by the server: what was typed
# after the Enter goes to the next row, never into the refused one.
keys "${GR_P[2]}" Tab C-u 2024-12-01 Tab C-d Tab C-d Tab C-d Tab C-d Tab \
    j Tab j Enter "${GR_P[3]}" Tab Tab C-d
check "grid: typed ahead into the next row" \
    wait_for "Rad 4, Försörjning: Annan offentlig försörjning"
check "grid: the refused row kept as typed, marked Fel" \
    line_has "${GR_P[2]}" "Fel" "2024-12-01"
check "grid: the refused row took none of the keys typed ahead" \
    eval '[ "$(screen | grep -cF -- "${GR_P[2]}")" = 1 ] &&
    ! screen | grep -F -- "${GR_P[2]}" | grep -qF "${GR_P[3]}"'
check "grid: the refusal stays in view while the next row is typed" \
    gr_msg_has "Rad 3: Startdatum är före insatsens startdatum"
check "grid: the refused date still highlighted" gr_marked "${GR_P[2]}" \
    2024-12-01
check "grid: the next row starts today, not on the refused date" \
    line_has "${GR_P[3]}" "$GR_IDAG"
# The mandatory question left empty: refused on its cell; the long
# message cut at a word with an ellipsis.
keys Tab C-d Tab C-d Tab C-d Tab j Enter
check "grid: a missing answer refused on its cell" \
    wait_for "Rad 4, Har deltagaren"
check "grid: a long refusal cut at a word with an ellipsis" \
    eval 'gr_msg | grep -qE "^Rad 4: Obligatorisk fråga obesvarad: .*[^ ]…$"'
keys j Enter
check "grid: row 4 saved once answered" wait_for "Rad 4 är sparad."
keys Up Up Tab C-u "$GR_IDAG"
check "grid: the refused row fixed in place" \
    wait_for "Rad 3, Startdatum: $GR_IDAG"
check "grid: the row's message gone with its error" \
    lacks "Startdatum är före insatsens"
keys Enter
check "grid: the refused row saved" wait_for "Rad 3 är sparad."
check "grid: rows 3 and 4 stored once each" gr_sql_is "SELECT count(*)
    FROM deltagande WHERE insats_id = $GR_INS2" 4
# Three whole rows typed ahead in one go, far more keys than the
# client holds while a save is under way: none may be lost.
gr_rows=()
for i in 4 5 6; do
	gr_rows+=("${GR_P[$i]}" Tab Tab C-d Tab C-d Tab C-d Tab C-d Tab j Tab j
	    Enter)
done
keys "${gr_rows[@]}"
check "grid: three rows typed ahead, all saved" wait_for "Sparade 7 · fanns 0"
check "grid: the rows typed ahead stored once each" gr_sql_is "SELECT count(*)
    FROM deltagande WHERE insats_id = $GR_INS2" 7
check "grid: Enter on an empty row refuses nothing" \
    eval 'keys Enter; wait_for "Raden är tom: skriv personnumret först." &&
    shows "Sparade 7 · fanns 0 · fel 0"'
# 25+ rows: bad numbers typed ahead, each refused by the client and
# left behind as Fel, the cursor going on; the grid scrolls.
gr_many=()
for i in $(seq 22); do
	gr_many+=(1 Enter)
done
keys "${gr_many[@]}"
check "grid: 29 rows, the cursor on the last" \
    wait_for "Rad 29, Personnummer: 1"
check "grid: 22 rows refused by the client" shows "fel 22"
check "grid: scrolled: the first row out of view" lacks "${GR_P[0]}"
check "grid: the cursor's row in view" gr_cursor_line_has " Fel "
keys PPage PPage PPage
check "grid: Page Up back to the first rows" wait_for "${GR_P[0]}"
# Sideways: the question's column in view, the frozen ones kept.
keys Tab Tab Tab Tab Tab Tab Tab
check "grid: scrolled sideways to the question, frozen columns kept" \
    wait_for "Personnummer  Status     Omf % Utbildning   Tid i förs.  Samtycke Fråga 1"
keys Escape
check "grid: leaving unsaved rows asks" \
    wait_for "Det finns rader som inte är sparade."
keys n
check "grid: 'n' stays in the grid" wait_gone "Lämna ändå?"
check "grid: still there" shows "Snabbregistrering: $GR_INSATS2"
keys Escape
wait_for "Lämna ändå?"
keys j

# 12. susd goes away: rows typed meanwhile wait, then go once.
gr_susd_stop()
{
	kill "$STACK_SUSD_PID" 2>/dev/null
	wait "$STACK_SUSD_PID" 2>/dev/null
}

# Starts susd again on the same port, so the client finds it.
gr_susd_start()
{
	local n i=0

	n=$(grep -c "listening on" "$STACK_LOG")
	"$SUSD" -f /dev/null -o state_dir="$STACK_DIR/state" \
	    -o listen=127.0.0.1 -o port="$SUS_PORT" \
	    -o database="$STACK_DB_APP" \
	    -o admin_database="$STACK_DB_ADMIN" >>"$STACK_LOG" 2>&1 &
	STACK_SUSD_PID=$!
	while [ $i -lt 100 ]; do
		[ "$(grep -c "listening on" "$STACK_LOG")" -gt "$n" ] &&
		    return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

keys Escape
sleep 0.6
gr_open S
wait_for "Rad 1, Personnummer:"
gr_susd_stop
check "grid: the lost connection noticed" \
    wait_for "Återansluta och logga in igen? (j/n)"
keys n
keys "${GR_P[10]}" Tab Tab ar Tab stu Tab 50 Tab gy Tab 1 Tab j Tab n Enter
check "grid: a send without a server asks to reconnect" \
    wait_for "Du är inte ansluten till servern."
keys n
check "grid: the row waits, marked Ej skickad" \
    wait_line_has "${GR_P[10]}" "Ej skickad"
keys "${GR_P[11]}" Tab Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d \
    Tab C-d Enter
wait_for "Du är inte ansluten till servern."
keys n
check "grid: typing goes on; both rows wait" \
    wait_for "Sparade 0 · fanns 0 · fel 0 · ej skickade 2"
check "grid: nothing stored while away" gr_sql_is "$(gr_count 10) UNION ALL
    $(gr_count 11)" "0
0"
check "grid: susd back on its port" gr_susd_start
keys F5
wait_for "Återansluta och logga in igen? (j/n)"
keys j
login demo2026
check "grid: both rows sent after reconnecting" \
    wait_for "2 rader är skickade igen och har fått svar"
check "grid: both rows Sparad" \
    eval '[ "$(gr_lines_with "  Sparad ")" = 2 ]'
check "grid: each stored once" gr_sql_is "$(gr_count 10) UNION ALL
    $(gr_count 11)" "1
1"

# 13. A send that reaches a stopped session: Esc gives up waiting, the
# session then stores the row; sent again with its key, the stored
# outcome answers and nothing is stored twice.
GR_CHILD=$(pgrep -n -P "$STACK_SUSD_PID")
keys "${GR_P[12]}" Tab Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d Tab C-d \
    Tab C-d
sleep 0.3
kill -STOP "$GR_CHILD"
keys Enter
check "grid: waiting on the stopped session" \
    wait_for "Väntar på servern"
keys Escape
check "grid: given up, the row keeps its key" \
    wait_line_has "${GR_P[12]}" "Ej skickad"
kill -CONT "$GR_CHILD"
sleep 1
check "grid: the first send was stored meanwhile" \
    gr_sql_is "$(gr_count 12)" 1
keys F5
check "grid: answered from the stored outcome" \
    wait_for "1 rad är skickad igen och har fått svar; 1 hade kommit fram"
check "grid: the row Sparad" wait_line_has "${GR_P[12]}" "Sparad"
check "grid: stored once" gr_sql_is "$(gr_count 12)" 1
keys F10
check "grid: quits without asking when all is saved" \
    wait_for "sus avslutades: 0"
