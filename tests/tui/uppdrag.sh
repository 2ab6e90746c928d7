# Uppdrag and Visa användare, sourced by tests/tui/run: the picker "Välj
# användare" lists only users holding the role, nothing is stored before
# Spara, and what Spara stores shows when the screen is opened again.
# Every uppdrag added to a demo user here is removed again at the end of
# its part, so the fixture is as it was.

# Opens "Välj användare" on the focused panel and searches efternamn.
pick_search()
{
	keys +
	wait_for "Välj användare –" || return 1
	keys Tab "$1" Enter
}

# 1. A samverkansadministratör gives Nils Berg (insatsansvarig) an uppdrag
# in Samordningsförbundet Göteborg, first without saving.
start_client samadm
login demo2026
check "uppdrag: samadm logged in" wait_for "Välkommen till SUS"
# h, h, h: Hantera samverkansorg, Hantera frågor, Hantera uppdrag.
keys h h h Enter
check "uppdrag: own samverkansorg opened at once" \
    wait_for "Samverkansorganisation: Samordningsförbundet Göteborg"
check "uppdrag: samverkansadministratörer panel" \
    line_has "Öberg" "2024-01-01"
check "uppdrag: insatsansvariga panel" \
    shows "Insatsansvariga för samverkansorganisationen"
check "uppdrag: Maria Åkesson listed" line_has "Åkesson" "Maria"
check "uppdrag: Nils Berg has none yet" lacks "Berg"
keys Tab
pick_search "Lund"
check "picker: role named in the title" \
    wait_for "Välj användare – Insatsansvarig"
check "picker: a deltagaransvarig is not offered" \
    wait_for "Ingen användare med rollen Insatsansvarig matchar"
check "picker: Sara Lund not listed" lacks "Sara"
keys C-u "Ber*" Enter
check "picker: Ber* finds Nils Berg" wait_line_has "Berg" "Nils"
check "picker: his employer shown" line_has "Berg" "Göteborgs stad"
check "picker: not chosen yet" line_has "Berg" "[ ]"
keys Space
check "picker: space marks him Vald" wait_line_has "Berg" "[x]"
check "picker: Valt resultat counts him" shows "Valt resultat (1)"
check "picker: Från defaults to today" shows "Från: $(date +%Y-%m-%d)"
keys F2
check "picker: OK closes the pop-up" wait_gone "Välj användare –"
check "uppdrag: added row marked ny" wait_line_has "Berg" "ny"
check "uppdrag: added from today" line_has "Berg" "$(date +%Y-%m-%d)"
check "uppdrag: says nothing is saved" shows "Ej sparat: 1 ny"
keys Escape
check "uppdrag: Esc asks before dropping changes" \
    wait_for "Ändringarna är inte sparade. Avbryta ändå? (j/n)"
keys n
check "uppdrag: n keeps the change" wait_gone "Avbryta ändå?"
check "uppdrag: still pending after n" line_has "Berg" "ny"
# Leaving through the menu asks too: picker results never vanish unasked.
keys F9 s Enter
check "uppdrag: the menu asks before leaving unsaved changes" \
    wait_for "Lämna skärmen ändå? (j/n)"
keys n
check "uppdrag: n stays on the screen" wait_gone "Lämna skärmen ändå?"
check "uppdrag: still pending after the menu" line_has "Berg" "ny"
keys Tab
keys Escape
wait_for "Avbryta ändå?"
keys j
check "uppdrag: j goes back to the choice" wait_for "Välj med pilarna"
keys Enter
check "uppdrag: reopened" wait_for "Insatsansvariga för samverkans"
check "uppdrag: nothing stored before Spara" lacks "Berg"

# The same again, saved this time.
keys Tab
pick_search "Ber*"
wait_line_has "Berg" "Nils"
keys Space F2
wait_line_has "Berg" "ny"
keys F2
check "uppdrag: Spara says sparade" wait_for "sparade"
check "uppdrag: saved row no longer pending" lacks "Ej sparat"
check "uppdrag: saved row shown" line_has "Berg" "$(date +%Y-%m-%d)"
keys Escape
wait_for "Välj med pilarna"
keys Enter
check "uppdrag: stored, shown when reopened" wait_line_has "Berg" "Nils"
check "uppdrag: not marked as pending" eval '! line_has "Berg" " ny "'

# Adding him twice is not offered: the panel says he has it already.
keys Tab
pick_search "Ber*"
wait_line_has "Berg" "Nils"
keys Space F2
check "uppdrag: a second add is refused here" \
    wait_for "1 hade redan uppdraget"
check "uppdrag: nothing pending after it" lacks "Ej sparat"

# Remove him again; the panel keeps the cursor on the first row, Berg.
keys Home
keys -- -
check "uppdrag: minus marks tas bort" wait_line_has "Berg" "tas bort"
check "uppdrag: removal pending" shows "1 tas bort"
keys F2
check "uppdrag: removal saved" wait_for "1 borttaget"
check "uppdrag: Berg gone after removal" lacks "Berg"
keys Escape
wait_for "Välj med pilarna"
keys Enter
wait_for "Insatsansvariga för samverkans"
check "uppdrag: removal stored" lacks "Berg"

# Dates: the picker checks their order; the server refuses an uppdrag that
# has already ended, and the added row stays, with the reason shown.
keys Tab
pick_search "Ber*"
wait_line_has "Berg" "Nils"
keys Space Tab Tab Tab "2020-12-31" F2
check "picker: Till before Från refused" \
    wait_for "Till får inte vara före Från."
keys BTab C-u "2020-01-01" F2
check "uppdrag: ended uppdrag pending" wait_line_has "Berg" "2020-12-31"
keys F2
check "uppdrag: the server's reason shown" wait_for "har redan upphört"
check "uppdrag: refused add still pending" line_has "Berg" "ny"
check "uppdrag: still says not saved" shows "Ej sparat: 1 ny"
keys Escape
wait_for "Avbryta ändå?"
keys j
wait_for "Välj med pilarna"
keys Enter
wait_for "Insatsansvariga för samverkans"
check "uppdrag: refused add not stored" lacks "Berg"

# At 80x24 the pop-up still shows both panels, the dates and the keys.
tm resize-window -t "$SESS" -x 80 -y 24
keys Tab
pick_search "Ber*"
check "picker 80x24: result" wait_line_has "Berg" "Nils"
check "picker 80x24: Valt resultat" shows "Valt resultat (0)"
check "picker 80x24: dates" shows "Till:"
check "picker 80x24: keys" shows "F2 OK"
check "picker 80x24: not too small" lacks "för litet"
keys Escape
check "picker: Esc cancels" wait_gone "Välj användare –"
check "picker: cancel adds nothing" lacks "Ej sparat"
keys F10
check "uppdrag: quits cleanly (sanitizers quiet)" \
    wait_for "sus avslutades: 0"

# 2. An insatsansvarig gives Sara Lund (deltagaransvarig) an uppdrag on
# Steget vidare and takes it away again.
start_client insatsansv
login demo2026
wait_for "Välkommen till SUS"
keys d Enter
check "deltagaransvariga: insatser of own samverkansorg" \
    wait_for "Steget vidare"
check "deltagaransvariga: other förbund's insats not offered" \
    lacks "Järva jobbstart"
# Found by name: other parts may add insatser to Göteborg.
keys / "Steget vidare" Enter
keys Enter
check "deltagaransvariga: panel opened" \
    wait_for "Deltagaransvariga för insatsen"
check "deltagaransvariga: Steget vidare chosen" \
    shows "Steget vidare (Samordningsförbundet Göteborg)"
check "deltagaransvariga: Johan Ekström listed" line_has "Ekström" "Johan"
pick_search "Berg"
check "picker: an insatsansvarig is not offered" \
    wait_for "Ingen användare med rollen Deltagaransvarig matchar"
check "picker: Nils Berg not listed" lacks "Nils"
keys C-u "Lund" Enter
check "picker: Sara Lund offered as deltagaransvarig" \
    wait_line_has "Lund" "Sara"
keys Space F2
check "deltagaransvariga: Lund pending" wait_line_has "Lund" "ny"
keys F2
check "deltagaransvariga: saved" wait_for "1 tillagt"
check "deltagaransvariga: Lund stored" wait_line_has "Lund" "Sara"
# Ekström comes first in Swedish order: Lund is the second row.
keys Home Down
keys -- -
check "deltagaransvariga: Lund marked tas bort" \
    wait_line_has "Lund" "tas bort"
keys F2
check "deltagaransvariga: removal saved" wait_for "1 borttaget"
check "deltagaransvariga: Lund gone" lacks "Lund"
check "deltagaransvariga: Ekström kept" line_has "Ekström" "Johan"
keys F10
check "deltagaransvariga: quits cleanly (sanitizers quiet)" \
    wait_for "sus avslutades: 0"

# 3. Visa användare, read-only for every role.
start_client rapport
login demo2026
wait_for "Välkommen till SUS"
keys u Enter
check "visa: samverkansorg chooser" wait_for "jokertecken"
keys "Samordningsförbundet G*" Enter
check "visa: two förbund match" wait_for "Rad 1 av 2"
keys Down Enter
check "visa: SF Göteborg chosen" \
    wait_for "Samverkansorganisation: Samordningsförbundet Göteborg"
check "visa: Erik Öberg as samverkansadministratör" \
    wait_line_has "Erik Öberg" "Samverkansadm"
check "visa: Maria Åkesson as insatsansvarig" \
    line_has "Maria Åkesson" "Insatsansvarig"
check "visa: deltagaransvarig with his insats" \
    line_has "Johan Ekström" "Steget vidare"
keys Escape
check "visa: Esc goes back to the choice" wait_for "Välj med pilarna"
keys Escape F9
keys Home p Enter
check "visa: organisation chooser" wait_for "Organisationstyp"
keys "Göteborgs*" Enter
check "visa: Göteborgs stad found" wait_for "Göteborgs stad"
keys Enter
check "visa: Göteborgs stad's users" wait_for "Organisation: Göteborgs stad"
check "visa: Nils Berg employed there" line_has "Berg" "Nils"
check "visa: his role shown" line_has "Berg" "Insatsansvarig"
check "visa: a beställare said so" line_has "Holm" "beställare"
check "visa: not someone from elsewhere" lacks "Öberg"
keys F10
check "visa: quits cleanly (sanitizers quiet)" \
    wait_for "sus avslutades: 0"
