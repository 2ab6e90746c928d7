# Styrdata, sourced by tests/tui/run: a superadministratör adds a
# kostnadstyp with Swedish characters and sees it listed, is told why a
# fixed code cannot be renamed, and adds an organisation to the register
# and finds it again, all at 80x24. Codes cannot be deleted, so every
# name here is unique to the run.

# Five digits: the kod column shows ten characters at 80x24.
sd_tag=$(( ($(date +%s) + $$) % 100000 ))

start_client admin
login demo2026
check "styrdata: admin logged in" wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
# k jumps to Kodlistor in the menu.
keys k Enter
check "kodlistor: opens at 80x24" wait_for "SUS – Kodlistor"
check "kodlistor: lists with their titles" \
    wait_line_has "Organisationstyp" "ja"
check "kodlistor: codes of the first list" line_has "STAT" "låst"
check "kodlistor: fixed codes marked" shows "Fast"
check "kodlistor: keys named" shows "Ins Ny kod"
keys Down
check "kodlistor: moving shows the next list's codes" \
    wait_for "PERSONAL"
check "kodlistor: its description" shows "Endast för FINSAM."

# A new kostnadstyp; the kod is typed in small letters and saved in capitals.
keys IC
check "ny kod: form opens" wait_for "SUS – Ny kod"
check "ny kod: names its list" shows "Kostnadstyp (administrativa"
keys "tui_$sd_tag" Tab "Lönebidrag åäö $sd_tag" Tab "8" F2
check "ny kod: saved" wait_for "är tillagd"
check "ny kod: listed with Swedish characters" \
    wait_line_has "TUI_$sd_tag" "Lönebidrag åäö"
check "ny kod: active, not fixed" line_has "TUI_$sd_tag" "ja"

# The same kod again is refused in the server's words; Esc asks first.
keys IC
wait_for "SUS – Ny kod"
keys "TUI_$sd_tag" Tab "Annat namn" F2
check "ny kod: a duplicate is refused" \
    wait_for "Koden TUI_$sd_tag finns redan i listan Kostnadstyp"
check "ny kod: what was typed stays" shows "Annat namn"
keys Escape
check "ny kod: Esc asks before dropping it" wait_for "Avbryta ändå? (j/n)"
keys j
check "ny kod: back on the list" wait_for "SUS – Kodlistor"

# A fixed code: its name is locked, and trying says why.
keys Tab Up Enter
check "fast kod: back on Organisationstyp" wait_for "OVRIGA"
keys Enter
check "fast kod: form opens" wait_for "SUS – Ändra kod"
check "fast kod: the form says it is fixed" shows "Fast kod (låst)"
keys Up x
check "fast kod: renaming is refused" \
    wait_for "Fast kod: reglerna i SUS bygger på den."
check "fast kod: the name is unchanged" shows "Namn      : Stat"
keys Escape
wait_for "SUS – Kodlistor"
keys a
check "fast kod: cannot be deactivated" \
    wait_for "Stat är en fast kod"

# Organisationer: a new one with a län and a kommun, found by name.
keys F9 o Enter
check "organisationer: opens" wait_for "SUS – Organisationer"
check "organisationer: columns" wait_for "Kommun/Län"
check "organisationer: the register listed" \
    wait_line_has "Arbetsförmedlingen" "Stat"
keys IC
check "ny organisation: form opens" wait_for "SUS – Ny organisation"
keys F2
check "ny organisation: a name is required" wait_for "Fyll i Namn."
# Letters jump: K to Kommun, S to Skåne län, M to Malmö.
keys "Äng $sd_tag" Tab K Tab S Tab M
check "ny organisation: type chosen by letter" shows "‹ Kommun ›"
check "ny organisation: län chosen by letter" shows "‹ Skåne län ›"
check "ny organisation: kommun of the län" shows "‹ Malmö ›"
keys F2
check "ny organisation: saved" wait_for "Organisationen Äng $sd_tag är tillagd."
check "ny organisation: listed with its kommun" \
    wait_line_has "Äng $sd_tag" "Malmö"
keys Tab C-u "Äng $sd_tag" Enter
check "ny organisation: found by name" wait_for "1 träff."
check "ny organisation: one row" line_has "Äng $sd_tag" "Kommun"

# The same name again, in other case, is refused and the form kept.
keys IC
wait_for "SUS – Ny organisation"
keys "äng $sd_tag" Tab K F2
check "ny organisation: a duplicate name is refused" \
    wait_for "Det finns redan en organisation som heter"
check "ny organisation: the form stays" shows "SUS – Ny organisation"
keys Escape
wait_for "Avbryta ändå? (j/n)"
keys j
check "ny organisation: Esc and j leave it" wait_for "SUS – Organisationer"
tm resize-window -t "$SESS" -x 100 -y 30
keys F10
check "styrdata: F10 quits" wait_for "sus avslutades: 0"
