# Sök insatser and the read-only view of an insats at 80x24, sourced by
# tests/tui/run (which provides start_client, login, keys, wait_for,
# shows, lacks, line_has, wait_line_has, check, tm and db_query).
#
# SUSrapport, who may see every insats but change none, searches by name
# with '*', opens the view (organisation, categorisation, målgrupper,
# deltagaransvariga as users with their employer, the budget per year
# grouped the Swedish way) and is offered no Ändra; the F4 criteria keep
# only insatser for a målgrupp, strukturövergripande ones and those
# active in a period, and a date that is not one is named in Swedish
# with the typed text kept. The insatsansvarig of Göteborg chooses the
# organisation by part of its name and is offered Ändra and Budget on its
# insatser, and Antal on its volyminsats; an insats not yet categorised
# says so. Nothing is changed: the demo data is only read.

is_year=$(date +%Y)
is_gbg="Samordningsförbundet Göteborg"

# Strukturövergripande insatser in the database, whoever added them.
is_struktur_n()
{
	db_query "SELECT count(*) FROM insats i JOIN kod k
	    ON k.id = i.inriktning_id WHERE k.kod = 'STRUKTUR'"
}

# Insatser for långtidsarbetslösa in the database.
is_malgrupp_n()
{
	db_query "SELECT count(DISTINCT m.insats_id) FROM insats_malgrupp m
	    JOIN kod k ON k.id = m.malgrupp_id
	    WHERE k.kod = 'LANGTIDSARBETSLOS'"
}

# The deltagaransvarig of Steget vidare, as the view names him.
is_da_namn()
{
	db_query "SELECT a.fornamn || ' ' || a.efternamn FROM anvandare a
	    WHERE a.username = 'deltagaransv'"
}

# Steget vidare's budget this year, grouped as 2 500 000.
is_budget_now()
{
	db_query "SELECT coalesce(sum(p.budget), 0)::bigint
	    FROM insats_budgetpost p JOIN insats i ON i.id = p.insats_id
	    WHERE i.namn = 'Steget vidare' AND p.ar = $is_year" |
	    sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\| \)/\1 \2\3/' -e 'ta'
}

# Opens Insats → Sök insatser; down is the rows from Insats to it.
is_open()
{
	local i=0

	keys F9 Home i
	while [ $i -lt "$1" ]; do
		keys Down
		i=$((i + 1))
	done
	keys Enter
	wait_for "SUS – Sök insatser"
}

# 1. SUSrapport.
start_client rapport
login demo2026
check "insats_sok: rapport logged in" wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
check "insats_sok: the screen opens from the menu" is_open 1
check "insats_sok: name field" shows "Insatsnamn   :"
check "insats_sok: organisation field" shows "Samverkansorg:"
check "insats_sok: more criteria offered" \
    shows "F4 Fler urval: inriktning, målgrupp, period"
check "insats_sok: 80x24 is not too small" lacks "för litet"
keys "Steg*" Enter
check "insats_sok: Steg* finds Steget vidare" \
    wait_line_has "Steget vidare" "2020-01-01" "Göteborg"
check "insats_sok: the pattern in the count line" \
    shows "för \"Steg*\""
check "insats_sok: other names left out" lacks "Hisingens arbetsväg"
check "insats_sok: the marks explained" \
    shows "V volyminsats (endast antal)  ? inte kategoriserad"
keys Enter
check "insats_sok: Enter opens the view" wait_for "SUS – Visa insats"
check "view: the organisation" \
    wait_line_has "Samverkansorg " ": $is_gbg"
check "view: the dates" line_has "Startdatum" "2020-01-01"
check "view: beskrivning" shows "Beskrivning"
check "view: inriktning" line_has "Inriktning " ": Individinriktad"
check "view: preciserad inriktning" \
    line_has "Preciserad inriktning" "Arbetsträning/praktik"
check "view: mätningsmetod" line_has "Mätningsmetod" "Personuppgifter/anonym"
check "view: målgrupper" shows "• Långtidsarbetslösa"
check "view: both målgrupper" shows "• Personer med försörjningsstöd"
check "view: not locked without participants" lacks "Låst:"
check "view: rapport is offered no Ändra" lacks "F4 Ändra"
check "view: nor Budget" lacks "F6 Budget"
check "view: says it scrolls at 80x24" shows "(PgDn, PgUp)"
keys F4
check "view: F4 refused for rapport" \
    wait_for "Du får inte ändra den här insatsen."
keys End
check "view: the deltagaransvarig with employer" \
    wait_line_has "$(is_da_namn)" "Region Västra Götaland"
check "view: budget per year" shows "Budget per år"
check "view: this year's budget grouped" \
    wait_line_has "$is_year " "$(is_budget_now)"
check "view: planned participants this year" line_has "$is_year " " 40 "
keys Escape
check "view: Esc goes back to the list" wait_for "Träffar: 1 (rad 1)"

# The F4 criteria: strukturövergripande only, the name cleared.
keys F4
check "sok: F4 shows the criteria" wait_for "Inriktning   : ‹ Alla ›"
check "sok: målgrupp choice" shows "Målgrupp     : ‹ Alla ›"
check "sok: the period" shows "Aktiv från   :"
# Långtidssjukskrivna, then Långtidsarbetslösa; the name cleared.
keys Down l l
check "sok: målgrupp from the code list" \
    wait_for "Målgrupp     : ‹ Långtidsarbetslösa ›"
keys BTab BTab BTab C-u Enter
check "sok: only insatser for the målgrupp" \
    wait_for "Träffar: $(is_malgrupp_n) (rad 1) för Långtidsarbetslösa"
check "sok: Steget vidare is for långtidsarbetslösa" \
    wait_for "Steget vidare"
check "sok: Hisingens arbetsväg is not" lacks "Hisingens arbetsväg"
# Målgrupp back to Alla, inriktning Strukturövergripande.
keys BTab BTab BTab a BTab s
check "sok: inriktning from the code list" \
    wait_for "Inriktning   : ‹ Strukturövergripande ›"
check "sok: målgrupp back to Alla" shows "Målgrupp     : ‹ Alla ›"
keys Enter
check "sok: only the strukturövergripande" \
    wait_for "Träffar: $(is_struktur_n) (rad 1) för Strukturövergripande"
# At 80 columns the name gives way to the organisation and the dates.
check "sok: Nätverksträffar Göteborg listed" \
    wait_line_has "Nätverksträffar G" "2022-01-01" "Göteborg"
check "sok: marked as a volyminsats" line_has "Nätverksträffar" "V "
check "sok: individinriktade left out" lacks "Steget vidare"
check "sok: Hisingens arbetsväg left out" lacks "Hisingens arbetsväg"

# A date that is not one: Swedish, and what was typed stays.
keys BTab BTab "2022-13-01" Enter
check "sok: a bad date is named" \
    wait_for "Aktiv från: skriv datumet som ÅÅÅÅ-MM-DD"
check "sok: the typed date stays" shows "Aktiv från   : 2022-13-01"
check "sok: the list is kept" shows "Nätverksträffar G"
keys C-u "2022-06-30" Tab "2022-06-01" Enter
check "sok: a period backwards is refused" \
    wait_for "Aktiv till ligger före Aktiv från."
check "sok: both dates stay" shows "Aktiv till   : 2022-06-01"
# Active in 2019: Nätverksträffar started in 2022.
keys C-u "2019-12-31" BTab C-u "2019-01-01" Enter
check "sok: nothing structural was active in 2019" \
    wait_for "Inga träffar för Strukturövergripande, aktiv"
keys C-u "2022-06-01" Tab C-u "2022-06-30" Enter
check "sok: active in June 2022" \
    wait_line_has "Nätverksträffar G" "2022-01-01"
keys F4
check "sok: hidden criteria still said" \
    wait_for "Urval: Strukturövergripande, aktiv 2022-06-01"
keys Enter
check "sok: the volyminsats view" wait_for "Mätningsmetod        : Endast antal"
keys End
check "view: a volyminsats has no deltagaransvariga" \
    wait_for "registrerar endast antal"
check "view: rapport may not register counts" lacks "F7 Antal"
keys Escape F10
check "sok: quits cleanly (sanitizers quiet)" wait_for "sus avslutades: 0"

# 2. The insatsansvarig of Göteborg.
start_client insatsansv
login demo2026
check "insats_sok: insatsansv logged in" wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
check "insats_sok: opens for insatsansv" is_open 2
keys Tab "samordningsförbundet" Enter
check "sok: an organisation name matching several is named" \
    wait_for "samverkansorganisationer matchar \"samordningsförbundet\""
keys C-u "göteborg" Enter
check "sok: the organisation written as its own name" \
    wait_for "Samverkansorg: $is_gbg"
check "sok: Göteborg's insatser" wait_for "Hisingens arbetsväg"
check "sok: the organisation column is left out" lacks "Samv.org"
check "sok: other förbund left out" lacks "Järva jobbstart"
check "sok: an insats not categorised is marked" \
    line_has "Förstudie Angered" "? "
keys Tab "Hisingens*" Enter
check "sok: Hisingens arbetsväg found" wait_for "Träffar: 1 (rad 1)"
keys Enter
check "view: insatsansv's view" wait_for "SUS – Visa insats"
check "view: F4 Ändra offered" wait_for "F4 Ändra"
check "view: F6 Budget offered" shows "F6 Budget"
check "view: no counts on a person insats" lacks "F7 Antal"
keys F4
check "view: F4 opens Registrera insats" wait_for "SUS – Registrera insats"
# Esc while it fetches would cancel the request, not close the screen.
check "view: Registrera insats on the same insats" \
    wait_for "Hisingens arbetsväg"
keys Escape
check "view: Esc comes back to the view" wait_for "SUS – Visa insats"
# Back, the view fetches the insats again; an Esc then would cancel that
# request. F3, typed ahead, fetches once more and says when it is done.
keys F3
check "view: F3 fetches again" wait_for "Uppgifterna är hämtade igen."
keys Escape
check "view: Esc goes back to the list" wait_for "för \"Hisingens*\""
keys Tab C-u "Nätverk*" Enter
check "sok: the whole name when the organisation is chosen" \
    wait_line_has "V Nätverksträffar Göteborg" "2022-01-01"
keys Enter
check "view: the volyminsats" wait_for "Nätverksträffar Göteborg"
check "view: F7 Antal offered on a volyminsats" wait_for "F7 Antal"
keys F7
check "view: F7 opens Registrera antal" \
    wait_for "SUS – Registrera antal i volyminsats"
check "view: Registrera antal on the same insats" \
    wait_for "Nätverksträffar Göteborg"
keys Escape
check "view: back from Registrera antal" wait_for "SUS – Visa insats"
keys F3
check "view: fetched again" wait_for "Uppgifterna är hämtade igen."
keys Escape
check "view: Esc back to the volyminsats row" wait_for "för \"Nätverk*\""
keys Tab C-u "Förstudie*" Enter
check "sok: Förstudie Angered found" \
    wait_line_has "? Förstudie Angered" "$is_year-01-01"
keys Enter
check "view: not categorised said" wait_for "Inte kategoriserad än."
check "view: no categorisation shown" lacks "Preciserad inriktning"
keys F10
check "sok: insatsansv quits cleanly" wait_for "sus avslutades: 0"
