# Hantera kompletterande frågor through the real client at 80x24 (sourced
# by tests/tui/run, which provides start_client, login, keys, wait_for,
# wait_gone, shows, lacks, above, check, tm and pg_test_psql).
#
# The samverkansadministratör of Samordningsförbundet Göteborg adds two
# questions, one with Swedish characters and answer options, moves the
# second above the first and finds that order when the screen is opened
# again, previews the form a deltagaransvarig will see, is refused
# deleting a question once it has an answer, and deletes both once they
# have none. The demo questions are only read, and their order is the
# same at the end as at the start.

fq_one="Vilket färdmedel använder du oftast till insatsen?"
fq_two="Hur många år har du bott i kommunen?"
fq_demo_one="Har deltagaren tidigare"
fq_demo_two="Hur nöjd är deltagaren"

# Opens Samverkansorganisation → Hantera frågor from anywhere; h, h is
# Hantera samverkansorg, then Hantera frågor.
fq_open()
{
	keys F9 Home h h Enter
	wait_for "SUS – Hantera kompletterande frågor"
}

start_client samadm
login demo2026
check "fraga: samadm logged in" wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
check "fraga: the screen opens" fq_open
check "fraga: own organisation opened at once" \
    wait_for "Samordningsförbundet Göteborg"
check "fraga: the demo questions listed" wait_for "$fq_demo_one"
check "fraga: demo questions in their order" \
    above "$fq_demo_one" "$fq_demo_two"
check "fraga: the keys fit 80x24" \
    shows "o Ändra ordning  v Visa frågeformulär"
check "fraga: 80x24 is not too small" lacks "för litet"
check "fraga: the question under the cursor in full" \
    shows "Tillfälle: Inregistrering · Obligatorisk"

# 1. A choice question with Swedish characters, asked at both occasions.
keys +
check "fraga: + opens Registrera kompletterande fråga" \
    wait_for "SUS – Registrera kompletterande fråga"
check "fraga: the organisation panel" shows "Samverkansorganisation"
check "fraga: the name and period panel" shows "Frågans namn och period"
check "fraga: the content panel" shows "Frågans innehåll"
check "fraga: giltig från is today" shows "Giltig från : $(date +%Y-%m-%d)"
check "fraga: ja/nej has no options" shows "inga svarsalternativ"
keys "$fq_one" Tab Tab Tab Space Space Tab Space Tab Space
check "fraga: Båda chosen" wait_for "‹ Båda ›"
check "fraga: Envalsfråga chosen" shows "‹ Envalsfråga ›"
check "fraga: mandatory checked" shows "[x] Måste besvaras"
check "fraga: an envalsfråga asks for options" shows "Svarsalternativ (0)"
# Sending one option is refused before anything is stored.
keys Tab Enter "Buss eller spårvagn" F2
check "fraga: one option is not enough" \
    wait_for "ska ha minst 2 svarsalternativ"
keys Enter "Bil" Enter "Gång eller cykel"
check "fraga: three options typed" wait_for "3. Gång eller cykel"
# Esc asks before the typed question is lost; n keeps it.
keys Escape
check "fraga: Esc asks before losing the question" \
    wait_for "Avbryta ändå? (j/n)"
keys n
check "fraga: n keeps what was typed" wait_gone "Avbryta ändå?"
check "fraga: options kept" shows "2. Bil"
keys F2
check "fraga: saved" wait_for "Frågan är registrerad."
check "fraga: back on the list" shows "Kompletterande frågor (3)"
check "fraga: the new question listed" shows "Vilket färdmedel"

# 2. An integer question at inregistrering.
keys +
wait_for "SUS – Registrera kompletterande fråga"
keys "$fq_two" Tab Tab Tab Tab Space Space Space
check "fraga: Heltal chosen" wait_for "‹ Heltal ›"
keys F2
check "fraga: second question saved" wait_for "Frågan är registrerad."
check "fraga: both listed" shows "Hur många år har du"
check "fraga: added in order, last at the end" \
    above "Vilket färdmedel" "Hur många år har du"
check "fraga: demo questions before them" \
    above "$fq_demo_two" "Vilket färdmedel"

# 3. Ändra presentationsordning: the integer question above the other.
keys o
check "fraga: order mode" wait_for "Ändra presentationsordning"
keys End +
check "fraga: moved, not yet saved" wait_for "– ej sparad"
check "fraga: moved above" above "Hur många år har du" "Vilket färdmedel"
keys F2
check "fraga: order saved" wait_for "Presentationsordningen är sparad."
keys F9 Home Enter
wait_for "Välkommen till SUS"
check "fraga: reopened" fq_open
check "fraga: the new order after reopening" \
    wait_for "Hur många år har du"
check "fraga: moved question first of the two" \
    above "Hur många år har du" "Vilket färdmedel"
check "fraga: demo questions where they were" \
    above "$fq_demo_two" "Hur många år har du"

# 4. Visa frågeformulär: today's inregistrering, then utregistrering.
keys v
check "fraga: preview opens" wait_for "SUS – Visa frågeformulär"
check "fraga: preview counts today's questions" \
    wait_for "3 frågor ställs vid inregistrering $(date +%Y-%m-%d)"
check "fraga: ja/nej as radio buttons" shows "( ) Ja    ( ) Nej"
check "fraga: integer as a field" shows "[__________]"
check "fraga: single choice as radio buttons" shows "( ) Buss eller spårvagn"
# The mark stays with the last word: a no-break space before it.
check "fraga: mandatory marked" shows "$(printf 'insatsen?\302\240*')"
check "fraga: presentation order in the form" \
    above "Hur många år har du" "Vilket färdmedel"
keys Space
check "fraga: utregistrering" wait_for "‹ Utregistrering ›"
check "fraga: an inregistrering question is not asked then" \
    wait_gone "Hur många år har du"
check "fraga: a question for both occasions is" shows "Vilket färdmedel"
check "fraga: the demo utregistrering question" shows "( ) Mycket nöjd"
keys Escape
check "fraga: back from the preview" wait_for "Kompletterande frågor (4)"

# 5. Ta bort: refused while the question has an answer, done without.
# Only the fact of an answer matters here, so the triggers that want a
# real participation are switched off for the fixture.
pg_test_psql -d sus -q -c "SET session_replication_role = replica;
    INSERT INTO fraga_svar (fraga_id,
    deltagande_id, tillfalle, alternativ_id) SELECT f.id, 1, 'in',
    min(a.id) FROM fraga f JOIN fraga_alternativ a ON a.fraga_id = f.id
    WHERE f.namn = '$fq_one' GROUP BY f.id" >/dev/null 2>&1
keys F3
check "fraga: the answer counted" wait_for "Ja (1)"
keys Home Down Down Down
check "fraga: cursor on the answered question" \
    wait_for "Giltig $(date +%Y-%m-%d) – tills vidare · besvarad 1 gång"
keys -
check "fraga: delete asks first" wait_for "Ta bort den? (j/n)"
keys j
check "fraga: answered question refused in Swedish" \
    wait_for "Frågan har besvarats och kan inte tas bort"
check "fraga: the refusal tells to close it" shows "Avsluta den"
keys Enter
check "fraga: still listed" wait_for "Kompletterande frågor (4)"
pg_test_psql -d sus -q -c "SET session_replication_role = replica;
    DELETE FROM fraga_svar WHERE fraga_id IN
    (SELECT id FROM fraga WHERE namn = '$fq_one')" >/dev/null 2>&1
keys F3
wait_gone "Ja (1)"
keys -
wait_for "Ta bort den? (j/n)"
keys j
check "fraga: unanswered question deleted" wait_for "Frågan är borttagen."
check "fraga: gone from the list" wait_gone "Vilket färdmedel"
keys Home Down Down
check "fraga: cursor on the integer question" \
    wait_for "Svarstyp: Heltal"
keys -
wait_for "Ta bort den? (j/n)"
keys j
check "fraga: second question deleted" wait_for "Kompletterande frågor (2)"
check "fraga: demo questions as they were" \
    above "$fq_demo_one" "$fq_demo_two"
tm resize-window -t "$SESS" -x 100 -y 30
keys F10
check "fraga: quits cleanly (sanitizers quiet)" wait_for "sus avslutades: 0"
