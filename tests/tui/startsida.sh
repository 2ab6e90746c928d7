# Startsida, sourced by tests/tui/run: Mina samverkansorganisationer och
# insatser at 80x24. The insatsansvarig sees Samordningsförbundet Göteborg
# and its insatser in a list that scrolls within the room left, opens the
# action menu of an insats with Enter, Visa insats from it, and comes
# back with Esc to a list fetched anew; the samverkansadministratör gets
# the organisation's actions, the deltagaransvarig only his insats, and a
# SUSrapport user a sentence instead of the list. The insatser made here
# (named "Testinsats Startsida ..." and START_NYSS) are removed at the
# end.

START_GBG="Samordningsförbundet Göteborg"
START_GBG_SQL="(SELECT id FROM samverkansorg WHERE namn = '$START_GBG')"
# Sorts just above Nätverksträffar Göteborg, so it shows near Steget vidare.
START_NYSS="Nyss tillagd Startsida"
START_CLEAN="DELETE FROM insats WHERE namn LIKE 'Testinsats Startsida %'
    OR namn = '$START_NYSS'"

# Moves the cursor to the row named $1 by its first letter and opens its
# action menu; 0 when the menu is that row's.
start_pick()
{
	local i=0 letter=${1:0:1}

	while [ $i -lt 25 ]; do
		keys "$letter" Enter
		wait_for "┌─ $1 ─" 10 && return 0
		keys Escape
		wait_gone "┌─" || return 1
		i=$((i + 1))
	done
	return 1
}

db_query "$START_CLEAN" >/dev/null
# More insatser than 80x24 has room for, so the list must scroll.
db_query "INSERT INTO insats (samverkansorg_id, namn, startdatum)
    SELECT $START_GBG_SQL, 'Testinsats Startsida ' || lpad(g::text, 2, '0'),
    date '2024-01-01' FROM generate_series(1, 8) g" >/dev/null

# 1. The insatsansvarig in Göteborg.
start_client insatsansv
login demo2026
check "startsida: insatsansv logged in" wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
# The last of the eight is below the room 80x24 leaves.
check "startsida 80x24: the list ends within the screen" \
    wait_gone "Testinsats Startsida 08"
check "startsida 80x24: the list heading" \
    wait_for "Mina samverkansorganisationer och insatser"
check "startsida 80x24: Göteborg offers a new insats" \
    wait_line_has "$START_GBG" "ny insats, visa"
check "startsida 80x24: an insats indented under it" \
    wait_line_has "    Förstudie Angered" "deltagaransv."
check "startsida 80x24: the welcome kept" shows "Välkommen till SUS"
check "startsida 80x24: the orders kept" shows "Beställningar som gäller dig"
check "startsida 80x24: the key line under it" \
    shows "Tab flyttar hit från menyträdet."
check "startsida 80x24: the key bar still shown" shows "F10 Avsluta"
keys Tab
check "startsida: Tab gives the list the keys" \
    wait_for "Enter: ny insats, visa  1/"
keys End
check "startsida: End scrolls to the ended insats" \
    wait_for "Nordost i arbete (avslutad)"
check "startsida: the organisation scrolled away" lacks "$START_GBG"
keys PPage PPage PPage
check "startsida: PgUp back to the organisation" wait_for "$START_GBG"
check "startsida: Steget vidare reached by its letter" \
    start_pick "Steget vidare"
check "startsida: Steget vidare listed" line_has "Steget vidare" "deltagaransv."
check "startsida: the menu offers Registrera insats" \
    shows "│ Registrera insats"
check "startsida: the menu offers Budget" shows "│ Budget"
check "startsida: the menu offers Deltagaransvariga" \
    shows "│ Deltagaransvariga"
check "startsida: the menu offers Visa insats" shows "│ Visa insats"
check "startsida: no volume counts on a person insats" \
    lacks "Registrera antal i volyminsats"
check "startsida: no Registrera deltagare yet" lacks "Registrera deltagare"
keys Escape
check "startsida: Esc closes the menu" wait_gone "┌─ Steget vidare ─"
# An insats registered elsewhere shows once the Startsida is back.
db_query "INSERT INTO insats (samverkansorg_id, namn, startdatum)
    VALUES ($START_GBG_SQL, '$START_NYSS', '2024-01-01')" >/dev/null
check "startsida: not shown before the page is fetched again" \
    lacks "$START_NYSS"
keys Enter
wait_for "┌─ Steget vidare ─"
keys v
keys Enter
check "startsida: Visa insats opens the view" wait_for "SUS – Visa insats"
# Esc while the view still loads would cancel the load, not leave.
check "startsida: the view shows Steget vidare" \
    wait_line_has "Startdatum" "2020-01-01"
keys Escape
check "startsida: Esc comes back" \
    wait_for "Mina samverkansorganisationer och insatser"
check "startsida: the list fetched again" wait_for "$START_NYSS"
keys Enter
check "startsida: the cursor stayed on its row" \
    wait_for "┌─ Steget vidare ─"
# Deltagaransvariga opens on the row's insats, without the chooser.
keys d
keys Enter
check "startsida: Deltagaransvariga opens on the insats" \
    wait_for "Steget vidare (Samordningsförbundet Göteborg)"
check "startsida: its panel shows at once" \
    wait_for "Deltagaransvariga för insatsen"
check "startsida: the insats's deltagaransvarig listed" \
    wait_line_has "Ekström" "Johan"
keys Escape
check "startsida: Esc from Deltagaransvariga comes back" \
    wait_for "Mina samverkansorganisationer och insatser"
keys Enter
wait_for "┌─ Steget vidare ─"
keys Escape
wait_gone "┌─"
# The menu tree works as before.
keys F9 End Up Enter
check "startsida: the menu still opens screens" \
    wait_for "Upprepa nytt lösenord"
keys Escape F9 Home Enter
check "startsida: Startsida from the menu" \
    wait_for "Mina samverkansorganisationer och insatser"
check "startsida: opened from the menu, the list has the keys" \
    wait_for "Enter: ny insats, visa"
keys F10
check "startsida: insatsansv quits cleanly" wait_for "sus avslutades: 0"

# 2. The samverkansadministratör: the organisation, no insatser.
start_client samadm
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
check "startsida samadm: Göteborg listed" wait_line_has "$START_GBG" "hantera"
check "startsida samadm: no insatser" lacks "Steget vidare"
keys Tab Enter
check "startsida samadm: the organisation's menu" \
    wait_for "┌─ $START_GBG ─"
check "startsida samadm: Hantera samverkansorg offered" \
    shows "│ Hantera samverkansorg"
check "startsida samadm: its Budget offered" \
    shows "│ Budget för samverkansorg"
check "startsida samadm: Hantera frågor offered" shows "│ Hantera frågor"
check "startsida samadm: Hantera uppdrag offered" shows "│ Hantera uppdrag"
check "startsida samadm: no new insats" lacks "Registrera ny insats"
# The first item, Hantera samverkansorg, has the cursor.
keys Enter
check "startsida samadm: Hantera samverkansorg on Göteborg" \
    wait_for "Grunduppgifter"
check "startsida samadm: the right organisation" shows "$START_GBG"
keys Escape
check "startsida samadm: Esc comes back" \
    wait_for "Mina samverkansorganisationer och insatser"

# 3. The deltagaransvarig: only his insats, to look at and to register
# participants in (the deltagare parts follow the actions further).
start_client deltagaransv
login demo2026
wait_for "Välkommen till SUS"
check "startsida deltagaransv: his insats listed" \
    wait_line_has "Steget vidare" "visa"
check "startsida deltagaransv: no other insats" lacks "Hisingens arbetsväg"
keys Tab
check "startsida deltagaransv: its menu" start_pick "Steget vidare"
check "startsida deltagaransv: Visa insats offered" shows "│ Visa insats"
check "startsida deltagaransv: nothing to edit" lacks "Registrera insats"
check "startsida deltagaransv: Registrera deltagare offered" \
    shows "│ Registrera deltagare"
check "startsida deltagaransv: anonyma deltagare offered" \
    shows "Registrera anonyma deltagare"

# 4. SUSrapport: a sentence instead of the list.
start_client rapport
login demo2026
check "startsida rapport: no uppdrag said" \
    wait_for "Du har inga uppdrag i någon samverkansorganisation"
check "startsida rapport: no list" \
    lacks "Mina samverkansorganisationer och insatser"
check "startsida rapport: the help kept" shows "F9 flyttar till menyn"

db_query "$START_CLEAN" >/dev/null
