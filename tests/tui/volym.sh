# Registrera antal i volyminsats, sourced by tests/tui/run: the
# insatsansvarig of Samordningsförbundet Göteborg opens Insats → Antal i
# volyminsats at 80x24, chooses a volyminsats of his own made here,
# enters kvinnor and män for a month that has passed, saves and sees the
# sum; a month not yet begun and letters are refused with the typing
# kept; he corrects the month with a reason, F5 Historik shows the old
# count, and the database holds both rows. The insats is made with
# psql and removed again with triggers off, since history can otherwise
# never be deleted (schema 0007, SU044).

VOLYM_NAMN="TUI volym nätverk"
VOLYM_INSATS="(SELECT id FROM insats WHERE namn = '$VOLYM_NAMN')"
VOLYM_CLEAN="SET session_replication_role = replica;
    DELETE FROM volym_antal WHERE insats_id IN $VOLYM_INSATS;
    DELETE FROM insats_malgrupp WHERE insats_id IN $VOLYM_INSATS;
    DELETE FROM insats WHERE namn = '$VOLYM_NAMN'"

# Reports whether a query gives exactly the expected text.
volym_sql_is()
{
	[ "$(db_query "$1")" = "$2" ]
}

# The month used: last month, in this year unless it is January. Dates
# are susd's (Europe/Stockholm), as the screen shows them.
VOLYM_KORT=(jan feb mar apr maj jun jul aug sep okt nov dec)
VOLYM_LANG=(januari februari mars april maj juni juli augusti september
    oktober november december)
VOLYM_IDAG=$(TZ=Europe/Stockholm date +%Y-%m-%d)
VOLYM_I_AR=${VOLYM_IDAG%%-*}
VOLYM_AR=$VOLYM_I_AR
VOLYM_NU=$((10#$(echo "$VOLYM_IDAG" | cut -d- -f2)))
if [ "$VOLYM_NU" -eq 1 ]; then
	VOLYM_AR=$((VOLYM_AR - 1))
	VOLYM_MAN=11
else
	VOLYM_MAN=$((VOLYM_NU - 1))
fi
VOLYM_MK=${VOLYM_KORT[$((VOLYM_MAN - 1))]}
VOLYM_ML="${VOLYM_LANG[$((VOLYM_MAN - 1))]} $VOLYM_AR"
VOLYM_PERIOD=$(printf '%04d-%02d-01' "$VOLYM_AR" "$VOLYM_MAN")

db_query "$VOLYM_CLEAN" >/dev/null
db_query "WITH i AS (INSERT INTO insats (samverkansorg_id, namn,
    startdatum, inriktning_id, preciserad_id, matningsmetod_id)
    SELECT s.id, '$VOLYM_NAMN', DATE '2020-01-01',
    (SELECT id FROM kod WHERE lista = 'inriktning' AND kod = 'STRUKTUR'),
    (SELECT id FROM kod WHERE lista = 'preciserad_inriktning'
    AND kod = 'NATVERK'),
    (SELECT id FROM kod WHERE lista = 'matningsmetod' AND kod = 'ANTAL')
    FROM samverkansorg s WHERE s.namn = 'Samordningsförbundet Göteborg'
    RETURNING id)
    INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
    SELECT i.id, k.id FROM i, kod k WHERE k.lista = 'malgrupp'
    AND k.kod = 'PERSONAL'" >/dev/null
check "volym: the test insats made" \
    volym_sql_is "SELECT count(*) FROM insats WHERE namn = '$VOLYM_NAMN'" 1

start_client insatsansv
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
keys a Enter
check "volym: Antal i volyminsats opened" \
    wait_for "Registrera antal i volyminsats"
check "volym 80x24: not too small" lacks "för litet"
check "volym: the chooser lists the test insats" wait_for "$VOLYM_NAMN"
# With several volyminsatser the list shows; with one it opens at once.
if shows "Välj med pilarna"; then
	keys / "TUI volym" Enter
	sleep 0.3
	keys Enter
fi
check "volym: the grid for the chosen insats" \
    wait_for "2020-01-01 – tills vidare, Samordningsförbundet"
check "volym: the columns" line_has "Månad" "Kvinnor" "Män" "Okänt kön" \
    "Summa" "Registrerad"
if [ "$VOLYM_AR" != "$VOLYM_I_AR" ]; then
	keys PPage
fi
check "volym: the year shown" wait_for "‹ $VOLYM_AR ›"
check "volym: nothing registered yet" \
    wait_for "Inget antal registrerat för januari $VOLYM_AR"

i=1
while [ $i -lt "$VOLYM_MAN" ]; do
	keys Down
	i=$((i + 1))
done
# A month that has not begun takes nothing (when this year has one).
if [ "$VOLYM_AR" = "$VOLYM_I_AR" ] && [ "$VOLYM_NU" -lt 12 ]; then
	keys Down Down 5
	check "volym: a month not begun is refused" \
	    wait_for "inte har börjat"
	keys Up Up
fi
check "volym: the cursor on $VOLYM_ML" \
    wait_for "Inget antal registrerat för $VOLYM_ML"

# Numbers only: a letter is refused and what was typed stays.
keys 1 2 x
check "volym: a letter is refused" wait_for "Skriv antalet med siffror"
keys Tab 9
check "volym: typed counts and their sum" \
    wait_line_has "$VOLYM_MK " " 12 " " 9 " " 21 " "ej sparad"
check "volym: unsaved said" shows "Ej sparat: 1 månad."
keys F2
check "volym: Spara" wait_for "Antalet för $VOLYM_ML är sparat."
check "volym: saved today, with the sum" \
    wait_line_has "$VOLYM_MK " " 21 " "$VOLYM_IDAG"
check "volym: the year's totals" line_has "Summa " " 12 " " 9 " " 21"
check "volym: stored once" volym_sql_is "SELECT kvinnor || '/' || man
    || '/' || okant FROM volym_antal WHERE insats_id = $VOLYM_INSATS
    AND period = '$VOLYM_PERIOD'" "12/9/0"

# A correction: the reason is asked for before anything is sent.
keys Left 1 4
check "volym: the correction typed" wait_line_has "$VOLYM_MK " " 14 " " 23 "
check "volym: a correction needs a reason" shows "orsak krävs"
keys F2
check "volym: Spara without a reason refused" \
    wait_for "Ange orsak till rättelsen för $VOLYM_ML."
check "volym: Orsak shown" shows "Orsak:"
keys "Två anmälningar kom sent"

# Unsaved changes are not dropped unasked.
keys F9 Up Enter
check "volym: leaving asks first" wait_for "Lämna skärmen ändå? (j/n)"
keys n
check "volym: n keeps the correction" \
    wait_line_has "$VOLYM_MK " " 14 " "ej sparad"
keys Tab
keys F2
check "volym: the correction saved" \
    wait_for "Antalet för $VOLYM_ML är rättat."
check "volym: the new count shown" wait_line_has "$VOLYM_MK " " 14 " " 23 "

# F5 Historik: the replaced count, who and why.
keys F5
check "volym: F5 Historik" wait_for "Historik $VOLYM_ML"
check "volym: history has the old count" \
    shows "Kvinnor 12, män 9, okänt kön 0, summa 21"
check "volym: and the new one" shows "Kvinnor 14, män 9, okänt kön 0"
check "volym: the replaced row marked" shows "(ersatt)"
check "volym: the reason" shows "Orsak: Två anmälningar kom sent"
check "volym: who registered" shows "$(db_query "SELECT fornamn || ' ' ||
    efternamn FROM anvandare WHERE username = 'insatsansv'")"
keys Escape
check "volym: the box closes" wait_gone "Historik $VOLYM_ML"

check "volym: both rows in the database" \
    volym_sql_is "SELECT string_agg(kvinnor || '/' || man || '/' ||
    (ersatt IS NULL) || '/' || kommentar, ';' ORDER BY id)
    FROM volym_antal WHERE insats_id = $VOLYM_INSATS
    AND period = '$VOLYM_PERIOD'" \
    "12/9/false/;14/9/true/Två anmälningar kom sent"
check "volym: the correction names the row it replaces" \
    volym_sql_is "SELECT count(*) FROM volym_antal n JOIN volym_antal o
    ON o.id = n.ersatter WHERE n.insats_id = $VOLYM_INSATS
    AND o.ersatt IS NOT NULL AND n.ersatt IS NULL" 1
# Two months at once while someone else corrects one of them: the other
# is saved, the refused one stays as typed, and each result is shown.
if [ "$VOLYM_MAN" -gt 1 ]; then
	VOLYM_FORE=${VOLYM_KORT[$((VOLYM_MAN - 2))]}
	VOLYM_FORE_L="${VOLYM_LANG[$((VOLYM_MAN - 2))]} $VOLYM_AR"
	VOLYM_FORE_P=$(printf '%04d-%02d-01' "$VOLYM_AR" $((VOLYM_MAN - 1)))
	keys Left Left 1 5 Enter
	check "volym: Enter on a correction goes to Orsak" \
	    wait_for "Skriv varför antalet rättas."
	keys "Ännu en anmälan" Up 3
	check "volym: two months changed" wait_for "Ej sparat: 2 månader."
	db_query "UPDATE volym_antal SET ersatt = now()
	    WHERE insats_id = $VOLYM_INSATS AND period = '$VOLYM_PERIOD'
	    AND ersatt IS NULL;
	    INSERT INTO volym_antal (insats_id, period, kvinnor, man, okant,
	    kommentar, ersatter, registrerad_av)
	    SELECT insats_id, period, 16, 9, 0, 'Samtidig rättelse', id,
	    registrerad_av FROM volym_antal WHERE insats_id = $VOLYM_INSATS
	    AND period = '$VOLYM_PERIOD' ORDER BY ersatt DESC NULLS LAST, id
	    DESC LIMIT 1" >/dev/null
	keys F2
	check "volym: each month's result shown" wait_for "Spara antal"
	check "volym: the new month saved" shows "$VOLYM_FORE_L: sparat."
	check "volym: the stale correction refused" \
	    shows "$VOLYM_ML: Antalet för $VOLYM_ML har ändrats"
	keys Enter
	check "volym: what was not saved said" \
	    wait_for "1 av 2 månader sparade; de andra står kvar osparade."
	check "volym: the refused month keeps what was typed" \
	    line_has "$VOLYM_MK " " 15 " "ej sparad"
	check "volym: the other month saved" \
	    line_has "$VOLYM_FORE " " 3 " "$VOLYM_IDAG"
	check "volym: the other month stored" volym_sql_is "SELECT okant
	    FROM volym_antal WHERE insats_id = $VOLYM_INSATS
	    AND period = '$VOLYM_FORE_P' AND ersatt IS NULL" 3
	keys F2
	check "volym: saved again over the newer count" \
	    wait_for "Antalet för $VOLYM_ML är rättat."
	check "volym: the month's history in the database" \
	    volym_sql_is "SELECT string_agg(kvinnor || '/' ||
	    (ersatt IS NULL), ';' ORDER BY id) FROM volym_antal
	    WHERE insats_id = $VOLYM_INSATS AND period = '$VOLYM_PERIOD'" \
	    "12/false;14/false;16/false;15/true"
fi
keys F10
check "volym: quits cleanly (sanitizers quiet)" \
    wait_for "sus avslutades: 0"

db_query "$VOLYM_CLEAN" >/dev/null
