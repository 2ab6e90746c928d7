# Registrera ny insats at 80x24, sourced by tests/tui/run (which provides
# start_client, login, keys, wait_for, wait_gone, shows, lacks, line_has,
# wait_line_has, check, tm and db_query).
#
# The insatsansvarig of Samordningsförbundet Göteborg (her only
# organisation, so the choice is skipped) creates an insats: a date that
# is not one and a start before the organisation's are refused in Swedish
# with the typed text kept; the categorisation offers only the
# preciseringar of the inriktning chosen, strukturövergripande sets Endast
# antal (rule 28); a deltagaransvarig is picked with Välj användare; one
# Spara stores the insats, its målgrupper and the uppdrag. Once the
# insats has a participant (inserted here as the database's owner) the
# categorisation shows locked. What this part creates is removed at its
# start and its end, so reruns and the later parts see the demo data.

IN_NAMN="TUI-insats Registrera åäö"
IN_ID_SQL="(SELECT id FROM insats WHERE namn = '$IN_NAMN')"
IN_CLEAN="DELETE FROM deltagande WHERE insats_id IN (SELECT id FROM insats
    WHERE namn LIKE 'TUI-insats Registrera%'); DELETE FROM uppdrag WHERE
    insats_id IN (SELECT id FROM insats WHERE namn LIKE
    'TUI-insats Registrera%'); DELETE FROM insats WHERE namn LIKE
    'TUI-insats Registrera%'"

# Reports whether a query gives exactly the expected text.
in_sql_is()
{
	[ "$(db_query "$1")" = "$2" ]
}

# Opens Registrera insats on the insats from its Startsida row: t jumps
# to the row, Enter opens its actions, r picks Registrera insats.
in_open_from_start()
{
	keys F9 Home Enter
	wait_for "Mina samverkansorganisationer" || return 1
	keys Tab t Enter
	wait_for "─ $IN_NAMN ─" || return 1
	keys r Enter
}

db_query "$IN_CLEAN" >/dev/null

start_client insatsansv
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
# r: Registrera ny insats, the first item beginning with r.
keys r Enter
check "insats: Registrera ny insats opened" wait_for "Grunduppgifter"
check "insats 80x24: not too small" lacks "för litet"
check "insats: the one organisation chosen at once" shows "Ny insats"
check "insats: the organisation's form and start as context" \
    shows "Göteborg, FINSAM, från 2005-01-01"
check "insats: the start's limit named at the field" \
    shows "ÅÅÅÅ-MM-DD, tidigast 2005-01-01"

# A date that is not one: said by the client, the text kept.
keys "$IN_NAMN" Tab "2025-13-01" F2
check "insats: a wrong date named in Swedish" \
    wait_for "Startdatum ska vara ett datum som ÅÅÅÅ-MM-DD"
check "insats: the wrong date kept" shows "Startdatum: 2025-13-01"
check "insats: the name kept" shows "Insatsnamn: $IN_NAMN"
check "insats: unsaved said" shows "Ej sparat"

# Rule 30: the server refuses a start before the organisation's.
keys C-u "2004-12-31" F2
check "insats: a start before the organisation refused" \
    wait_for "Startdatum får inte vara före 2005-01-01"
check "insats: the refused start kept" shows "Startdatum: 2004-12-31"
check "insats: nothing stored on a refusal" \
    in_sql_is "SELECT count(*) FROM insats WHERE namn = '$IN_NAMN'" 0

keys C-u "2025-01-01" Tab Tab "Stöd för unga åäö" Tab
check "insats: Kategorisering av insats" wait_for "Kategorisering av insats"
check "insats: not categorised yet said" \
    shows "Ej komplett: välj allt och minst en målgrupp."
# A letter picks the choice; the preciseringar follow the inriktning.
keys i
check "insats: i picks Individinriktad" wait_for "‹ Individinriktad ›"
keys Down a
check "insats: a preciserad of the individinriktade" \
    wait_for "‹ Arbetslivsinriktad rehabilitering ›"
keys Up Space
check "insats: Strukturövergripande chosen" \
    wait_for "‹ Strukturövergripande ›"
check "insats: another inriktning clears the preciserad" \
    wait_for "Preciserad inriktning tömd"
check "insats: the preciserad cleared on screen" \
    wait_line_has "‹ (ej vald) ›"
check "insats: rule 28 sets Endast antal" \
    shows "‹ Endast antal (volyminsats) ›"
check "insats: no deltagaransvariga for a volyminsats" \
    lacks "Deltagaransvariga för insatsen"
keys Down f
check "insats: a strukturövergripande preciserad" \
    wait_for "‹ Förstudie/kartläggning ›"
# Back to individinriktad: its own list again, and Personuppgifter.
keys Up Left
check "insats: back to Individinriktad" wait_for "‹ Individinriktad ›"
check "insats: Förstudie no longer offered" \
    wait_gone "‹ Förstudie/kartläggning ›"
keys Down a Down p
check "insats: Personuppgifter/anonym" \
    wait_for "‹ Personuppgifter/anonym ›"
keys Down Space Down Down Down Down Space
check "insats: Unga 16–29 år checked" wait_for "[x] Unga 16–29 år"
check "insats: Långtidsarbetslösa checked" shows "[x] Långtidsarbetslösa"
check "insats: others left" shows "[ ] Långtidssjukskrivna"
check "insats: categorised now" lacks "Ej komplett"

# Deltagaransvariga för insatsen: its ⓘ, and the picker.
keys NPage
check "insats: the Deltagaransvariga panel" \
    wait_for "Deltagaransvariga för insatsen (0) ⓘ"
check "insats: the panel empty" shows "Inga deltagaransvariga."
keys i
check "insats: ⓘ explains the panel" \
    wait_for "Bara användare med rollen Deltagaransvarig kan väljas."
keys Escape
wait_gone "Bara användare med rollen"
keys +
check "insats: + opens Välj användare for the role" \
    wait_for "Välj användare – Deltagaransvarig"
keys Tab "Åkes*" Enter
check "insats: the insatsansvarig is not offered" \
    wait_for "Ingen användare med rollen Deltagaransvarig matchar"
keys C-u "Ekstr*" Enter
check "insats: the deltagaransvarig found" wait_line_has "Ekström" "Johan"
keys Space F2
check "insats: picked, not saved yet" wait_line_has "Ekström" "ny"
check "insats: picked said" shows "Inget är sparat förrän du trycker F2 Spara."
check "insats: nothing stored before Spara" \
    in_sql_is "SELECT count(*) FROM insats WHERE namn = '$IN_NAMN'" 0
# Leaving through the menu asks first.
keys F9 Home Enter
check "insats: the menu asks before dropping the insats" \
    wait_for "Lämna skärmen ändå? (j/n)"
keys n
wait_gone "Lämna skärmen ändå?"
keys Tab

keys F2
check "insats: Spara" wait_for "Insatsen är sparad."
check "insats: the title is the insats" wait_line 2 "$IN_NAMN"
check "insats: nothing unsaved after Spara" lacks "Ej sparat"
check "insats: the deltagaransvarig saved" wait_line_has "Ekström" "Johan"
check "insats: no longer marked ny" eval '! line_has "Ekström" " ny"'
check "insats: stored with its categorisation" \
    in_sql_is "SELECT i.startdatum || ' ' || coalesce(i.slutdatum::text,
    '-') || ' ' || kod_kod(i.inriktning_id) || ' ' ||
    kod_kod(i.preciserad_id) || ' ' || kod_kod(i.matningsmetod_id) || ' '
    || i.beskrivning || ' ' || a.username FROM insats i JOIN anvandare a
    ON a.id = i.skapad_av WHERE i.namn = '$IN_NAMN'" \
    "2025-01-01 - INDIVID REHAB PERSON Stöd för unga åäö insatsansv"
check "insats: its målgrupper stored" \
    in_sql_is "SELECT string_agg(kod_kod(malgrupp_id), ' ' ORDER BY
    kod_kod(malgrupp_id)) FROM insats_malgrupp WHERE insats_id =
    $IN_ID_SQL" "LANGTIDSARBETSLOS UNGA"
check "insats: the uppdrag stored" \
    in_sql_is "SELECT a.username || ' ' || u.roll FROM uppdrag u JOIN
    anvandare a ON a.id = u.anvandare_id WHERE u.insats_id = $IN_ID_SQL" \
    "deltagaransv deltagaransvarig"
check "insats: the creation audited" \
    in_sql_is "SELECT count(*) FROM audit WHERE object_type = 'insats'
    AND action = 'insert' AND object_id = $IN_ID_SQL" 1

# Rule 30 again on the saved insats: refused, the typed date kept.
keys PPage PPage PPage Down C-u "2004-06-01" F2
check "insats: a changed start before the organisation refused" \
    wait_for "Startdatum får inte vara före 2005-01-01"
check "insats: the changed start kept" shows "Startdatum: 2004-06-01"
check "insats: the stored start unchanged" \
    in_sql_is "SELECT startdatum FROM insats WHERE namn = '$IN_NAMN'" \
    2025-01-01

# A participant locks the categorisation (rule 26).
# Made as a registration leaves it: person, consent and the audit_person
# row schema 0008 demands (official test personnummer 195801263053).
db_query "WITH p AS (INSERT INTO person (personnummer, namn)
    VALUES ('195801263053', 'TUI Fixtur') ON CONFLICT (personnummer)
    DO UPDATE SET namn = EXCLUDED.namn RETURNING id),
    d AS (INSERT INTO deltagande (insats_id, startdatum, person_id, kon_id,
    fodelsear, samtycke, samtycke_datum) SELECT i.id, '2025-02-01', p.id,
    k.id, 1958, true, '2025-02-01' FROM p, insats i, kod k
    WHERE i.namn = '$IN_NAMN' AND k.lista = 'kon' AND k.kod = 'M'
    RETURNING id, person_id, insats_id)
    INSERT INTO audit_person (action, purpose, person_id, deltagande_id,
    insats_id) SELECT 'skriv', 'tui fixture', person_id, id, insats_id
    FROM d" >/dev/null
keys Escape
check "insats: Esc asks before dropping the change" \
    wait_for "Ändringarna är inte sparade. Avbryta ändå? (j/n)"
keys j
check "insats: Esc goes back to the choice" wait_for "Välj med pilarna"
check "insats: the Startsida offers it" in_open_from_start
check "insats: reopened from the Startsida" wait_for "Grunduppgifter"
check "insats: reopened with the stored start" \
    wait_for "Startdatum: 2025-01-01"
keys NPage NPage
check "insats: the categorisation shows locked" \
    wait_for "Låst: det finns registrerade deltagare på insatsen."
check "insats: locked with its inriktning" shows "‹ Individinriktad ›"
keys Space
check "insats: a locked choice does not change" \
    wait_for "Kategoriseringen är låst: det finns registrerade deltagare"
check "insats: still Individinriktad" shows "‹ Individinriktad ›"
check "insats: nothing unsaved" lacks "Ej sparat"
keys F10
check "insats: quits cleanly (sanitizers quiet)" \
    wait_for "sus avslutades: 0"

db_query "$IN_CLEAN" >/dev/null
