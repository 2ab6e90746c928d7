# The Budget tab of an insats, sourced by tests/tui/run (which provides
# start_client, login, keys, wait_for, wait_gone, shows, lacks, line_has,
# wait_line_has, check, tm and db_query). The insatsansvarig of
# Samordningsförbundet Göteborg opens Hisingens arbetsväg through Sök
# insatser and its view (F6) at 80x24, finds no year before the insats's
# start, adds a budget year the demo data leaves empty with Planerat
# antal deltagare and an Insatskostnad line (no Organisation: FINSAM),
# saves, and sees it again after reopening; the database holds it.
# Unsaved changes are never dropped unasked; the year is emptied through
# the screen at the end and checked in the database.

ib_gbg="'Samordningsförbundet Göteborg'"
ib_ins="(SELECT i.id FROM insats i JOIN samverkansorg s
    ON s.id = i.samverkansorg_id WHERE s.namn = $ib_gbg
    AND i.namn = 'Hisingens arbetsväg')"
# A year of the insats (it began in 2021) that the demo data leaves empty.
IB_AR=2022
IB_CLEAN="DELETE FROM insats_budgetpost WHERE insats_id = $ib_ins AND
    ar = $IB_AR; DELETE FROM insats_ar WHERE insats_id = $ib_ins AND
    ar = $IB_AR"
db_query "$IB_CLEAN" >/dev/null

# Reports whether a query gives exactly the expected text.
ib_sql_is()
{
	[ "$(db_query "$1")" = "$2" ]
}

# Opens Hisingens arbetsväg's Budget tab: Sök insatser, the view, F6.
ib_open()
{
	keys F9 Home i Down Down Enter
	wait_for "SUS – Sök insatser" || return 1
	keys "Hisingens*" Enter
	wait_for "Träffar: 1 (rad 1)" || return 1
	keys Enter
	wait_for "F6 Budget" || return 1
	keys F6
	wait_for "Insatsbudgetuppgifter för år:"
}

start_client insatsansv
login demo2026
check "insats_budget: logged in" wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
check "insats_budget: Sök insatser, the view, F6" ib_open
check "insats_budget 80x24: not too small" lacks "för litet"
check "insats_budget: the insats named" shows "Hisingens arbetsväg"
check "insats_budget: its dates and organisation" \
    wait_for "2021-03-01– · Samordningsförbundet Göteborg"
check "insats_budget: this year first, marked as having data" \
    shows "‹ $(date +%Y) * ›"
check "insats_budget: the demo's line" \
    wait_line_has "Insatskostnad" "1 800 000"
check "insats_budget: the columns" line_has "Rad Budgettyp" "Budget" "Utfall"
check "insats_budget: no Organisation column for FINSAM" \
    eval '! line_has "Rad Budgettyp" "Organisation"'
check "insats_budget: Planerat antal deltagare" \
    shows "Planerat antal deltagare för insatsen"

# Rules 4, 6: Home is the insats's start year; nothing before it.
keys Home
check "insats_budget: Home goes to the start year" wait_for "‹ 2021 ›"
keys Left
sleep 0.5
check "insats_budget: no year before the start" shows "‹ 2021 ›"
keys 2 0 2 0
check "insats_budget: a year before the start typed is refused" \
    wait_for "2020 ligger utanför de budgetår som kan väljas: 2021–"
check "insats_budget: still the start year" shows "‹ 2021 ›"
check "insats_budget: 2020 never shown" lacks "‹ 2020"
keys Right
check "insats_budget: the next year" wait_for "‹ $IB_AR ›"
check "insats_budget: the year is empty" lacks "1 800 000"

# Planerat antal deltagare: digits only.
keys Down
check "insats_budget: the planned number takes the keys" \
    wait_for "Skriv antalet  ↑ ↓ Flytta"
keys x
check "insats_budget: a letter is refused" \
    wait_for "Skriv antalet med siffror"
keys 2 5
check "insats_budget: the planned number typed" \
    wait_for "under budgetåret: 25"
check "insats_budget: unsaved said" shows "Ej sparat"

# An Insatskostnad line: no Organisation on a FINSAM insats (rule 10).
keys +
check "insats_budget: + opens a new line" wait_for "Rad 1 (budgetpost)"
check "insats_budget: Insatskostnad to begin with" \
    shows "Budgettyp   : ‹ Insatskostnad ›"
check "insats_budget: Organisation not used for FINSAM" \
    shows "Organisation: används inte för FINSAM"
keys e
check "insats_budget: ESF Insatskostnad offered (rule 11)" \
    wait_for "Budgettyp   : ‹ ESF Insatskostnad ›"
keys i
check "insats_budget: a letter picks the type" \
    wait_for "Budgettyp   : ‹ Insatskostnad ›"
keys Tab "350000" Tab "9x"
check "insats_budget: an amount takes only digits" \
    wait_for "Skriv beloppet med siffror"
keys BSpace Tab "Coacher och handledare" Enter
check "insats_budget: amounts grouped in the list" \
    wait_line_has "Insatskostnad" "350 000"
check "insats_budget: the sum" line_has "Summa" "350 000"
keys F2
check "insats_budget: Spara" wait_for "Budgeten för $IB_AR är sparad."
check "insats_budget: the year is marked as having data" \
    wait_for "‹ $IB_AR * ›"
check "insats_budget: the line in the database" \
    ib_sql_is "SELECT k.namn || ' ' || b.budget || ' ' ||
    coalesce(b.utfall::text, '-') || ' ' ||
    coalesce(b.organisation_id::text, '-') || ' ' || b.beskrivning
    FROM insats_budgetpost b JOIN kod k ON k.id = b.budgettyp_id
    WHERE b.insats_id = $ib_ins AND b.ar = $IB_AR" \
    "Insatskostnad 350000 - - Coacher och handledare"
check "insats_budget: the planned number in the database" \
    ib_sql_is "SELECT planerat_antal FROM insats_ar
    WHERE insats_id = $ib_ins AND ar = $IB_AR" 25
check "insats_budget: the save audited" \
    ib_sql_is "SELECT count(*) FROM audit a JOIN anvandare u
    ON u.id = a.anvandare_id WHERE u.username = 'insatsansv' AND
    a.object_type = 'insats_budgetpost' AND a.action = 'insert' AND
    a.detail->'new'->>'ar' = '$IB_AR'" 1

# Reopened, the year shows what was saved.
keys Escape
check "insats_budget: Esc back to the view" wait_for "SUS – Visa insats"
keys F6
wait_for "Insatsbudgetuppgifter för år:"
keys Home Right
check "insats_budget: reopened on the year" wait_for "‹ $IB_AR * ›"
check "insats_budget: the line shown again" \
    wait_line_has "Insatskostnad" "350 000"
check "insats_budget: the planned number shown again" \
    shows "under budgetåret: 25"

# Unsaved changes: Esc and another year both ask first.
keys +
wait_for "Rad 2 (budgetpost)"
keys Escape
sleep 0.6
keys Escape
check "insats_budget: Esc asks before dropping a new line" \
    wait_for "Lämna budgeten ändå? (j/n)"
keys n
check "insats_budget: n stays" wait_gone "Lämna budgeten ändå?"
keys -- -
check "insats_budget: - drops the new line" wait_gone "Rad 2 (budgetpost)"
keys Up Up Up Right
check "insats_budget: another year asks first" \
    wait_for "Byta år ändå? (j/n)"
keys n
check "insats_budget: n keeps the year" wait_for "‹ $IB_AR * ›"

# Put it back: the line marked to go and the number cleared, then saved.
keys Down Down -- -
check "insats_budget: - marks a saved line" wait_for "tas bort: Insats"
keys Up BSpace BSpace
check "insats_budget: the number cleared" wait_gone "under budgetåret: 25"
keys F2
check "insats_budget: removal saved" \
    wait_for "Budgeten för $IB_AR är sparad."
check "insats_budget: the year no longer marked" wait_for "‹ $IB_AR ›"
check "insats_budget: the year empty in the database" \
    ib_sql_is "SELECT (SELECT count(*) FROM insats_budgetpost WHERE
    insats_id = $ib_ins AND ar = $IB_AR) + (SELECT count(*) FROM
    insats_ar WHERE insats_id = $ib_ins AND ar = $IB_AR)" 0
keys F10
check "insats_budget: quits cleanly (sanitizers quiet)" \
    wait_for "sus avslutades: 0"

db_query "$IB_CLEAN" >/dev/null
