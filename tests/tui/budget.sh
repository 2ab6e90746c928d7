# The Budget tab of Hantera samverkansorg, sourced by tests/tui/run: the
# samverkansadministratör of Samordningsförbundet Göteborg opens it with
# F6 at 80x24, finds no year before the start year, enters the start year
# (which the demo data leaves empty) with a finance line and an
# administrativ kostnad, saves, and sees them again after reopening. Only
# finansiärer are offered, and unsaved lines are never dropped unasked.
# The lines are removed through the screen at the end and checked in the
# database.

# Reports whether a query gives exactly the expected text.
budget_sql_is()
{
	[ "$(db_query "$1")" = "$2" ]
}

# Steps the focused choice through every value with Space and prints the
# line of each, so that what is offered can be checked.
budget_choices()
{
	local i

	for i in 1 2 3 4 5 6 7 8 9 10; do
		keys Space
		sleep 0.2
		screen | grep -F "Finansiär   : ‹"
	done
}

BUDGET_GBG_SQL="(SELECT id FROM samverkansorg WHERE namn = 'Samordningsförbundet Göteborg')"
# The start year: the demo data has budgets for last year and this one.
BUDGET_AR=2005
BUDGET_CLEAN="DELETE FROM samorg_finansiering WHERE samverkansorg_id =
    $BUDGET_GBG_SQL AND ar = $BUDGET_AR; DELETE FROM samorg_admkostnad
    WHERE samverkansorg_id = $BUDGET_GBG_SQL AND ar = $BUDGET_AR"
db_query "$BUDGET_CLEAN" >/dev/null

start_client samadm
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
keys h Enter
check "budget: Hantera samverkansorg opened" wait_for "Grunduppgifter"
check "budget: F6 Budget offered" shows "F6 Budget"
keys F6
check "budget: F6 opens the Budget tab" wait_for "Uppgifter för år:"
check "budget 80x24: not too small" lacks "för litet"
check "budget: Samverkansinformation" \
    wait_for "FINSAM, startdatum 2005-01-01"
check "budget: this year first, marked as having data" \
    shows "‹ $(date +%Y) * ›"
check "budget: finance panel" shows "Samverkansorganisationsbudget"
check "budget: the demo's finance line" \
    line_has "Försäkringskassan" "6 400 000"
check "budget: Administrativa kostnader (FINSAM)" \
    shows "Administrativa kostnader"

# Rule 4: Home is the start year; nothing before it is offered.
keys Home
check "budget: Home goes to the start year" wait_for "‹ $BUDGET_AR ›"
check "budget: the start year is empty" lacks "Försäkringskassan"
keys Left
sleep 0.5
check "budget: no year before the start year" shows "‹ $BUDGET_AR ›"
keys 2 0 0 4
check "budget: a year before the start typed is refused" \
    wait_for "2004 ligger utanför de budgetår som kan väljas: $BUDGET_AR–"
check "budget: still the start year" shows "‹ $BUDGET_AR ›"
check "budget: 2004 never shown" lacks "‹ 2004"

# Rule 7: the finansiär is one of the ingående organisationer marked so.
check "budget: Arbetsbron is ingående but not finansiär" \
    budget_sql_is "SELECT finansiar FROM samverkansorg_organisation so
    JOIN organisation o ON o.id = so.organisation_id WHERE
    so.samverkansorg_id = $BUDGET_GBG_SQL AND
    o.namn = 'Ideell förening Arbetsbron'" f
keys +
check "budget: + opens a new finance line" wait_for "Rad 1 (finansiering)"
check "budget: no finansiär chosen yet" shows "Finansiär   : ‹ – ingen – ›"
budget_choices >"$OUT/budget-choices.txt"
check "budget: finansiärer offered" \
    grep -qF "Svenska ESF-rådet" "$OUT/budget-choices.txt"
check "budget: a non-finansiär is not offered" \
    eval '! grep -qF "Arbetsbron" "$OUT/budget-choices.txt"'
check "budget: an organisation not ingående is not offered" \
    eval '! grep -qF "Malmö" "$OUT/budget-choices.txt"'
keys f
check "budget: a letter picks the finansiär" \
    wait_for "Finansiär   : ‹ Försäkringskassan ›"
keys Tab Tab "1 250 000" Tab "1200000" Tab "Statens andel" Tab Tab Tab "x"
check "budget: an amount takes only digits" \
    wait_for "Skriv beloppet med siffror"
keys Enter
check "budget: amounts grouped in the list" \
    wait_line_has "Försäkringskassan" "1 250 000" "1 200 000"
check "budget: unsaved said" shows "Ej sparat: F2 sparar"

# Rule 9: an administrativ kostnad on this FINSAM förbund.
keys Down Down Enter
check "budget: + on Administrativa kostnader" \
    wait_for "Rad 1 (administrativa kostnader)"
keys p Tab "400 000" Tab Tab "Förbundschef"
check "budget: kostnadstyp from the code list" \
    wait_for "Kostnadstyp : ‹ Personal ›"
keys Enter
check "budget: the cost listed" wait_line_has "Personal" "400 000"
keys F2
check "budget: Spara" wait_for "Budgeten för $BUDGET_AR är sparad."
check "budget: the year is marked as having data" \
    wait_for "‹ $BUDGET_AR * ›"
check "budget: finance line stored" \
    budget_sql_is "SELECT o.namn || ' ' || f.belopp || ' ' || f.utfall
    || ' ' || f.beskrivning FROM samorg_finansiering f JOIN organisation o
    ON o.id = f.organisation_id WHERE f.samverkansorg_id = $BUDGET_GBG_SQL
    AND f.ar = $BUDGET_AR" "Försäkringskassan 1250000 1200000 Statens andel"
check "budget: administrativ kostnad stored" \
    budget_sql_is "SELECT k.namn || ' ' || a.budget || ' ' || a.beskrivning
    FROM samorg_admkostnad a JOIN kod k ON k.id = a.kostnadstyp_id
    WHERE a.samverkansorg_id = $BUDGET_GBG_SQL AND a.ar = $BUDGET_AR" \
    "Personal 400000 Förbundschef"

# Reopened, the year shows what was saved.
keys Escape
check "budget: Esc back to Hantera samverkansorg" wait_for "Grunduppgifter"
keys F6
wait_for "Uppgifter för år:"
keys Home
check "budget: reopened on the start year" wait_for "‹ $BUDGET_AR * ›"
check "budget: finance line shown again" \
    wait_line_has "Försäkringskassan" "1 250 000" "1 200 000"
check "budget: cost shown again" line_has "Personal" "400 000"
check "budget: sums" line_has "Summa" "1 250 000" "1 200 000"

# Unsaved lines: Esc and another year both ask first.
keys +
wait_for "Rad 2 (finansiering)"
keys Escape
sleep 0.6
keys Escape
check "budget: Esc asks before dropping a new line" \
    wait_for "Lämna budgeten ändå? (j/n)"
keys n
check "budget: n stays" wait_gone "Lämna budgeten ändå?"
keys -- -
check "budget: - drops the new line" wait_gone "Rad 2 (finansiering)"
keys Up Up Right
check "budget: another year asks first" wait_for "Byta år ändå? (j/n)"
keys n
check "budget: n keeps the year" wait_for "‹ $BUDGET_AR * ›"

# Put it back: both lines removed through the screen.
keys Down -- -
check "budget: - marks a saved line" wait_for "tas bort: Förs"
check "budget: and says so" shows "Raden tas bort när du sparar"
keys Down Down -- -
keys F2
check "budget: removal saved" wait_for "Budgeten för $BUDGET_AR är sparad."
check "budget: the year no longer marked" wait_for "‹ $BUDGET_AR ›"
check "budget: lines removed in the database" \
    budget_sql_is "SELECT (SELECT count(*) FROM samorg_finansiering WHERE
    samverkansorg_id = $BUDGET_GBG_SQL AND ar = $BUDGET_AR) + (SELECT
    count(*) FROM samorg_admkostnad WHERE samverkansorg_id =
    $BUDGET_GBG_SQL AND ar = $BUDGET_AR)" 0
keys F10
check "budget: quits cleanly (sanitizers quiet)" \
    wait_for "sus avslutades: 0"

db_query "$BUDGET_CLEAN" >/dev/null
