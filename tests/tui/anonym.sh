# Registrera anonyma deltagare, sourced by tests/tui/run: deltagaransv
# opens Deltagande → Anonyma deltagare at 80x24 and comes to Steget
# vidare, where he has his uppdrag, on this year. The screen says what
# anonymous registration is for and that it counts for one year only.
# A letter in a number is refused with the typing kept; he registers 3
# kvinnor and 2 män, sees the year's totals and the batch with his name,
# registers 1 kvinna and 4 män more and sees the sums; the database
# holds one row per kön and save. 0 + 0 is refused. The rows added are
# removed again at the end (triggers off, as nothing else deletes them).

ANONYM_INSATS="(SELECT i.id FROM insats i JOIN samverkansorg s
    ON s.id = i.samverkansorg_id WHERE s.namn = 'Samordningsförbundet Göteborg'
    AND i.namn = 'Steget vidare')"
ANONYM_AR=$(TZ=Europe/Stockholm date +%Y)
ANONYM_FORE=$(db_query "SELECT coalesce(max(id), 0) FROM anonym_deltagande")

# The year's sum for kön K or M in the database.
anonym_sum()
{
	db_query "SELECT coalesce(sum(a.antal), 0) FROM anonym_deltagande a
	    JOIN kod k ON k.id = a.kon_id WHERE a.insats_id = $ANONYM_INSATS
	    AND a.ar = $ANONYM_AR AND k.kod = '$1'"
}

# Reports whether a query gives exactly the expected text.
anonym_sql_is()
{
	[ "$(db_query "$1")" = "$2" ]
}

ANONYM_K=$(anonym_sum K)
ANONYM_M=$(anonym_sum M)
ANONYM_NAMN=$(db_query "SELECT fornamn || ' ' || efternamn FROM anvandare
    WHERE username = 'deltagaransv'")

start_client deltagaransv
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
keys F9 Home a Enter
check "anonym: Anonyma deltagare opened" \
    wait_for "Registrera anonyma deltagare"
check "anonym 80x24: not too small" lacks "för litet"
# With several insatser the list shows; with one it opens at once.
if wait_for "Välj med pilarna" 10; then
	keys / "Steget vidare" Enter
	sleep 0.3
	keys Enter
fi
check "anonym: Steget vidare shown" wait_for "Samordningsförbundet Göteborg"
check "anonym: the insats named" shows "Steget vidare"
check "anonym: this year to begin with" \
    wait_line_has "Inregistreringsår" "‹ $ANONYM_AR ›" "(2020–$ANONYM_AR)"
check "anonym: one calendar year only (rule 43)" \
    shows "Anonyma deltagare räknas bara för"
check "anonym: registered again for another year" shows "registreras de igen"
check "anonym: for those without consent or protected (rules 34, 35)" \
    shows "skyddade"
check "anonym: the year's totals before" wait_for "Registrerat för \
$ANONYM_AR: kvinnor $ANONYM_K, män $ANONYM_M"

# Numbers only: a letter is said, and what was typed stays.
keys 3 x
check "anonym: a letter is refused" \
    wait_for "Antal kvinnor: skriv antalet med siffror"
check "anonym: the typing stays" line_has "Antal kvinnor" ": 3x"
keys F2
check "anonym: Spara with a letter refused" \
    wait_for "Antal kvinnor: skriv antalet med siffror"
check "anonym: nothing stored with a letter" \
    anonym_sql_is "SELECT count(*) FROM anonym_deltagande
    WHERE id > $ANONYM_FORE" 0
keys BSpace Tab 2
check "anonym: unsaved said" wait_for "Ej sparat"
keys F2
check "anonym: 3 kvinnor and 2 män saved" \
    wait_for "3 kvinnor och 2 män registrerade för $ANONYM_AR."
check "anonym: the totals" wait_for "Registrerat för $ANONYM_AR: \
kvinnor $((ANONYM_K + 3)), män $((ANONYM_M + 2)), totalt \
$((ANONYM_K + ANONYM_M + 5))."
check "anonym: the batch of women" line_has "Kvinna      3" "$ANONYM_NAMN"
check "anonym: the batch of men" line_has "Man         2" "$ANONYM_NAMN"
check "anonym: the fields emptied" lacks "Ej sparat"
check "anonym: stored as one row per kön" \
    anonym_sql_is "SELECT string_agg(k.kod || a.antal || '/' || a.ar, ','
    ORDER BY k.kod) FROM anonym_deltagande a JOIN kod k ON k.id = a.kon_id
    WHERE a.id > $ANONYM_FORE" "K3/$ANONYM_AR,M2/$ANONYM_AR"

# Again: the sums add up.
keys 1 Tab 4 F2
check "anonym: 1 kvinna and 4 män saved" \
    wait_for "1 kvinna och 4 män registrerade för $ANONYM_AR."
check "anonym: the sums" wait_for "Registrerat för $ANONYM_AR: \
kvinnor $((ANONYM_K + 4)), män $((ANONYM_M + 6)), totalt \
$((ANONYM_K + ANONYM_M + 10))."
check "anonym: the sums in the database" \
    test "$(anonym_sum K)/$(anonym_sum M)" = \
    "$((ANONYM_K + 4))/$((ANONYM_M + 6))"
check "anonym: four rows, each by deltagaransv" \
    anonym_sql_is "SELECT count(*) FROM anonym_deltagande a
    JOIN anvandare u ON u.id = a.registrerad_av
    WHERE a.id > $ANONYM_FORE AND u.username = 'deltagaransv'
    AND a.insats_id = $ANONYM_INSATS" 4

check "anonym: the batches under their heading" \
    line_has "Registrerad       Kön     Antal  Av"

# Each year has its own batches (rule 43): last year shows its own.
ANONYM_FJOL=$((ANONYM_AR - 1))
keys Up Left
check "anonym: last year chosen" \
    wait_line_has "Inregistreringsår" "‹ $ANONYM_FJOL ›"
check "anonym: last year's totals without this year's batches" \
    wait_for "Registrerat för $ANONYM_FJOL: kvinnor $(db_query "SELECT
    coalesce(sum(a.antal), 0) FROM anonym_deltagande a JOIN kod k
    ON k.id = a.kon_id WHERE a.insats_id = $ANONYM_INSATS
    AND a.ar = $ANONYM_FJOL AND k.kod = 'K'"),"
keys Right
check "anonym: back on this year" wait_for "Registrerat för $ANONYM_AR: \
kvinnor $((ANONYM_K + 4)),"
# Nothing to add.
keys F2
check "anonym: 0 + 0 refused" \
    wait_for "Ange antal kvinnor eller antal män att lägga till."
check "anonym: nothing more stored" \
    anonym_sql_is "SELECT count(*) FROM anonym_deltagande
    WHERE id > $ANONYM_FORE" 4
check "anonym 80x24: still not too small" lacks "för litet"
keys F10
check "anonym: quits cleanly (sanitizers quiet)" \
    wait_for "sus avslutades: 0"

db_query "SET session_replication_role = replica;
    DELETE FROM anonym_deltagande WHERE id > $ANONYM_FORE" >/dev/null
