# Deltagare i en insats, sourced by tests/tui/run: the deltagaransvarig
# of Steget vidare opens Registrera deltagare from the Startsida at
# 80x24, sees the participants with the personnummer masked (the last
# four digits, never the rest), filters them by status and searches by
# name and by number, opens one person's own view with the number in
# full and the occasions by name, withdraws the consent there (F8) and
# then finds the row stripped under Alla. The menu opens the same list;
# an insatsansvarig has no Deltagande menu at all. The participants are
# made with psql, each with the audit row a write needs (SU063), and
# removed again with triggers off; the audit rows' purpose marks them.

DL_PURPOSE="TUI deltagare_lista"
DL_INSATS="Steget vidare"
# Official test numbers (tests/data/testpersonnummer.csv) no other test
# uses: Greta takes part, Måns has ended, Åsa withdraws her consent.
DL_P1=196712032884
DL_P2=198306219299
DL_P3=197907099282
# A second insats for persons, for the choice the menu offers then.
DL_ANDRA="TUI lista andra"
DL_ANDRA_CLEAN="DELETE FROM uppdrag WHERE insats_id IN (SELECT id FROM insats
    WHERE namn = '$DL_ANDRA');
    DELETE FROM insats_malgrupp WHERE insats_id IN (SELECT id FROM insats
    WHERE namn = '$DL_ANDRA');
    DELETE FROM insats WHERE namn = '$DL_ANDRA'"
DL_IDS="(SELECT deltagande_id FROM audit_person WHERE purpose = '$DL_PURPOSE')"
DL_CLEAN="SET session_replication_role = replica;
    DELETE FROM fraga_svar WHERE deltagande_id IN $DL_IDS;
    DELETE FROM mattillfalle_forsorjning WHERE deltagande_id IN $DL_IDS;
    DELETE FROM mattillfalle WHERE deltagande_id IN $DL_IDS;
    DELETE FROM deltagande WHERE id IN $DL_IDS;
    DELETE FROM person WHERE personnummer IN ('$DL_P1', '$DL_P2', '$DL_P3')"

# A code's id by list and code, as SQL.
dl_kod()
{
	echo "(SELECT id FROM kod WHERE lista = '$1' AND kod = '$2')"
}

# The masked form the list shows, and the form the own view shows.
dl_masked()
{
	echo "********-${1:8:4}"
}
dl_full()
{
	echo "${1:0:8}-${1:8:4}"
}

# Makes one participant of Steget vidare in one transaction: pnr, kön
# code, namn, startdatum, and for one who has ended the slutdatum. The
# inregistrering has a-kassa, Arbetssökande, Gymnasial, 1–2 år and Ja to
# the organisation's janej question; an utregistrering Till arbete at
# full time, Ingen offentlig försörjning and Ganska nöjd.
dl_person()
{
	local ut="" slut=NULL

	if [ -n "${5:-}" ]; then
		slut="'$5'"
		ut="INSERT INTO mattillfalle (deltagande_id, typ,
		    sysselsattning_id, omfattning, avslut_id, skapad_av,
		    andrad_av) VALUES (did, 'ut',
		    $(dl_kod sysselsattning ARBETE), 100,
		    $(dl_kod avslutsanledning ARBETE), u, u);
		INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,
		    forsorjning_id) VALUES (did, 'ut',
		    $(dl_kod forsorjning INGEN));
		INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle,
		    alternativ_id) SELECT a.fraga_id, did, 'ut', a.id
		    FROM fraga_alternativ a JOIN fraga f ON f.id = a.fraga_id
		    WHERE f.samverkansorg_id = org AND a.text = 'Ganska nöjd';"
	fi
	db_query "DO \$dl\$ DECLARE pid bigint; did bigint; ins integer;
	    org integer; u integer; BEGIN
	SELECT id, samverkansorg_id INTO ins, org FROM insats
	    WHERE namn = '$DL_INSATS';
	SELECT id INTO u FROM anvandare WHERE username = 'deltagaransv';
	INSERT INTO person (personnummer, namn, kommunkod, stadsdel_id)
	    VALUES ('$1', '$3', '1480', (SELECT id FROM stadsdel
	    WHERE kommunkod = '1480' AND namn = 'Nordost'
	    AND giltig_tom IS NULL)) RETURNING id INTO pid;
	INSERT INTO deltagande (insats_id, startdatum, slutdatum, person_id,
	    kon_id, fodelsear, samtycke, samtycke_datum, registrerad_av)
	    VALUES (ins, '$4', $slut, pid, $(dl_kod kon "$2"),
	    ${1:0:4}, true, '$4', u) RETURNING id INTO did;
	INSERT INTO audit_person (action, purpose, person_id, deltagande_id,
	    insats_id) VALUES ('skriv', '$DL_PURPOSE', pid, did, ins);
	INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id,
	    utbildning_id, tid_id, skapad_av, andrad_av) VALUES (did, 'in',
	    $(dl_kod sysselsattning ARBETSSOKANDE),
	    $(dl_kod utbildningsniva GYMN), $(dl_kod tid_forsorjning AR_1_2),
	    u, u);
	INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,
	    forsorjning_id) VALUES (did, 'in', $(dl_kod forsorjning AKASSA));
	INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle, ja)
	    SELECT id, did, 'in', true FROM fraga WHERE samverkansorg_id = org
	    AND namn LIKE 'Har deltagaren tidigare%';
	$ut
	END \$dl\$" >/dev/null
}

# Reports whether the line after the first one holding $1 holds $2.
dl_next_line_has()
{
	screen | grep -A1 -F -- "$1" | sed -n 2p | grep -qF -- "$2"
}

# Reports whether a query gives exactly the expected text.
dl_sql_is()
{
	[ "$(db_query "$1")" = "$2" ]
}

# Moves the Startsida cursor to the row named $1 by its first letter and
# opens its action menu; 0 when the menu is that row's.
dl_pick()
{
	local i=0 letter=${1:0:1}

	while [ $i -lt 10 ]; do
		keys "$letter" Enter
		wait_for "┌─ $1 ─" 10 && return 0
		keys Escape
		wait_gone "┌─" || return 1
		i=$((i + 1))
	done
	return 1
}

db_query "$DL_CLEAN" >/dev/null
db_query "$DL_ANDRA_CLEAN" >/dev/null
dl_person "$DL_P1" K "Greta Listgren" 2024-02-01
dl_person "$DL_P2" M "Måns Listlund" 2024-03-01 2024-06-30
dl_person "$DL_P3" K "Åsa Listén" 2024-05-01
check "deltagare lista: the three participants made" \
    dl_sql_is "SELECT count(*) FROM person WHERE personnummer IN
    ('$DL_P1', '$DL_P2', '$DL_P3')" 3

# 1. From the Startsida: the row's menu offers both registrations.
start_client deltagaransv
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
check "deltagare lista: the Startsida hints Registrera deltagare" \
    wait_line_has "$DL_INSATS" "deltagare"
keys Tab
check "deltagare lista: the menu of Steget vidare" dl_pick "$DL_INSATS"
check "deltagare lista: Registrera deltagare offered" \
    shows "│ Registrera deltagare"
check "deltagare lista: Registrera anonyma deltagare offered" \
    shows "│ Registrera anonyma deltagare"
keys Enter
check "deltagare lista: the list of Steget vidare" \
    wait_for "Deltagare i $DL_INSATS"
check "deltagare lista 80x24: not too small" lacks "för litet"
check "deltagare lista: the columns" \
    wait_line_has "Personnummer" "Namn" "Start"
check "deltagare lista: Greta masked" \
    wait_line_has "$(dl_masked "$DL_P1")" "Greta Listgren" "2024-02-01"
check "deltagare lista: Åsa masked" \
    line_has "$(dl_masked "$DL_P3")" "Åsa Listén" "2024-05-01"
# No form of the number but the last four: neither YYMMDD nor YYYYMMDD.
check "deltagare lista: Greta's number not shown" lacks "${DL_P1:2:6}"
check "deltagare lista: Åsa's number not shown" lacks "${DL_P3:2:6}"
check "deltagare lista: Pågående by default" shows "‹ Pågående ›"
check "deltagare lista: the ended one not among Pågående" \
    lacks "Måns Listlund"
check "deltagare lista: the keys on the bottom lines" \
    shows "Enter Visa  F3 Ny deltagare  F7 Utregistrera"
check "deltagare lista: F5 and F6 named" shows "F5 Uppdatera  F6 Status"
# The demo's participants come first (newest first): / finds her row.
keys / "Listén" Enter
check "deltagare lista: the row's details under the list" \
    wait_for "Kvinna, född 1979. Pågår sedan 2024-05-01."

# 2. The status filter: F6 cycles Avslutade, Alla, Pågående.
keys F6
check "deltagare lista: F6 shows Avslutade" wait_for "‹ Avslutade ›"
check "deltagare lista: Måns under Avslutade" \
    wait_line_has "$(dl_masked "$DL_P2")" "Måns Listlund" "2024-06-30"
check "deltagare lista: Greta not under Avslutade" lacks "Greta Listgren"
check "deltagare lista: Måns's number not shown" lacks "${DL_P2:2:6}"
keys / "Listlund" Enter
check "deltagare lista: the avslutsanledning of the row" \
    wait_for "Avslutad 2024-06-30: Till arbete"
check "deltagare lista: F7 on an ended row names the correction" \
    shows "F7 Ändra utreg."
keys F6
check "deltagare lista: F6 again shows Alla" wait_for "‹ Alla ›"
check "deltagare lista: all three under Alla" \
    wait_for "Greta Listgren"
check "deltagare lista: Måns under Alla" shows "Måns Listlund"
check "deltagare lista: Åsa under Alla" shows "Åsa Listén"

# 3. Search: a name with *, then a whole number, which shows masked.
keys Tab C-u "måns*" Enter
check "deltagare lista: the name search finds Måns" \
    wait_line_has "Alla: 1 (rad 1)" "måns*"
check "deltagare lista: only Måns found" lacks "Greta Listgren"
keys Tab C-u "$DL_P1" Enter
check "deltagare lista: the number search finds Greta" \
    wait_line_has "$(dl_masked "$DL_P1")" "Greta Listgren"
check "deltagare lista: only Greta found" lacks "Måns Listlund"
check "deltagare lista: the number typed is not repeated" \
    lacks "för \"$DL_P1\""
keys Tab C-u Enter
check "deltagare lista: an empty search shows all again" \
    wait_for "Måns Listlund"
keys F6
check "deltagare lista: F6 back to Pågående" wait_for "‹ Pågående ›"
check "deltagare lista: Måns gone again" wait_gone "Måns Listlund"

# 4. Enter on Åsa: the own view, the number in full.
keys / "Listén" Enter
sleep 0.3
keys Enter
check "deltagare lista: Enter opens the own view" \
    wait_for "SUS – Deltagare "
check "deltagare lista: the view shows the number in full" \
    wait_line_has "Personnummer" "$(dl_full "$DL_P3")"
check "deltagare lista: the view names her" shows "Åsa Listén"
check "deltagare lista: the view shows her kommun and stadsdel" \
    wait_line_has "Folkbokföringskommun" "Göteborg, Nordost"
check "deltagare lista: the consent's date" \
    line_has "Samtycke" "lämnat 2024-05-01"
check "deltagare lista: the inregistrering" shows "Inregistrering 2024-05-01"
check "deltagare lista: försörjning by name" \
    shows "Arbetslöshetsersättning (a-kassa)"
check "deltagare lista: sysselsättning by name" \
    line_has "Sysselsättning före" "Arbetssökande"
check "deltagare lista: the view's keys" shows "F8 Återkalla samtycke"
keys End
check "deltagare lista: the question of the inregistrering" \
    wait_for "Har deltagaren tidigare deltagit"
check "deltagare lista: her answer under it" \
    dl_next_line_has "förbundet?" "Ja"
check "deltagare lista: not registered out" shows "Inte utregistrerad."

# 5. F8: the confirmation says what happens; Esc keeps everything.
keys F8
check "deltagare lista: F8 asks first" wait_for "┌─ Återkalla samtycke"
check "deltagare lista: the question says the data goes" \
    shows "folkbokföringskommun) tas bort för"
check "deltagare lista: and that it is for good" \
    shows "Det går inte att ångra."
check "deltagare lista: the date is today" \
    line_has "Slutdatum:" "$(date +%Y-%m-%d)"
keys Escape
check "deltagare lista: Esc withdraws nothing" \
    wait_for "Samtycket är inte återkallat."
check "deltagare lista: her person row kept" \
    dl_sql_is "SELECT count(*) FROM person WHERE personnummer = '$DL_P3'" 1
keys F8
wait_for "Det går inte att ångra."
keys Enter
check "deltagare lista: back to the list after the withdrawal" \
    wait_for "Deltagare i $DL_INSATS"
check "deltagare lista: the withdrawal said" \
    wait_for "Samtycket är återkallat"
check "deltagare lista: Åsa no longer among Pågående" lacks "Åsa Listén"
check "deltagare lista: her person row gone" \
    dl_sql_is "SELECT count(*) FROM person WHERE personnummer = '$DL_P3'" 0
check "deltagare lista: her participation stripped for samtycke" \
    dl_sql_is "SELECT avidentifierad_orsak FROM deltagande
    WHERE id IN $DL_IDS AND person_id IS NULL" samtycke
keys F6 F6
check "deltagare lista: Alla after the withdrawal" wait_for "‹ Alla ›"
check "deltagare lista: the stripped row shows (avidentifierad)" \
    wait_line_has "(avidentifierad)" "2024-05-01"
check "deltagare lista: her masked number gone" \
    lacks "$(dl_masked "$DL_P3")"
keys / "avidentifierad" Enter
sleep 0.3
keys Enter
check "deltagare lista: the stripped view says so" \
    wait_for "Personuppgifterna är borttagna"
check "deltagare lista: no name in the stripped view" lacks "Åsa"
check "deltagare lista: kön kept" line_has "Kön" "Kvinna"
keys F8
check "deltagare lista: a stripped participation cannot change" \
    wait_for "Personuppgifterna är borttagna; deltagandet kan inte ändras."
keys Escape
check "deltagare lista: Esc back to the list" \
    wait_for "Deltagare i $DL_INSATS"
settle
keys Escape
check "deltagare lista: Esc back to the Startsida" \
    wait_for "Mina samverkansorganisationer och insatser"

# 6. The menu: Deltagande → Registrera deltagare, straight to the one
# insats he registers in.
keys F9 Home
check "deltagare lista: the Deltagande menu" wait_for "Deltagande"
keys D
keys Down Enter
check "deltagare lista: from the menu straight to the list" \
    wait_for "Deltagare i $DL_INSATS"
check "deltagare lista: from the menu, Greta listed" \
    wait_for "Greta Listgren"

# With a second insats for persons, the menu lets him choose first, and
# Esc from the list goes back to the choice.
db_query "WITH i AS (INSERT INTO insats (samverkansorg_id, namn,
    startdatum, inriktning_id, preciserad_id, matningsmetod_id)
    SELECT samverkansorg_id, '$DL_ANDRA', DATE '2024-01-01',
    $(dl_kod inriktning INDIVID),
    $(dl_kod preciserad_inriktning ARBETSTRANING),
    $(dl_kod matningsmetod PERSON) FROM insats
    WHERE namn = '$DL_INSATS' RETURNING id),
    m AS (INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
    SELECT i.id, $(dl_kod malgrupp UNGA) FROM i)
    INSERT INTO uppdrag (anvandare_id, roll, insats_id)
    SELECT a.id, 'deltagaransvarig', i.id FROM i, anvandare a
    WHERE a.username = 'deltagaransv'" >/dev/null
# Esc waits a moment for a digit (Esc 1 is F1) before it counts alone.
keys Escape
sleep 0.6
keys F9 Home D Down Enter
check "deltagare lista: two insatser to choose among" \
    wait_for "Välj med pilarna och Enter. Rad 1 av 2."
check "deltagare lista: the other insats offered" shows "$DL_ANDRA"
keys Enter
check "deltagare lista: the chosen insats listed" \
    wait_for "Deltagare i $DL_INSATS"
settle
keys Escape
check "deltagare lista: Esc goes back to the choice" \
    wait_for "Välj med pilarna och Enter."
keys Down Enter
check "deltagare lista: the other insats has none" \
    wait_for "Inga pågående deltagare."
check "deltagare lista: its heading" shows "Deltagare i $DL_ANDRA"
db_query "$DL_ANDRA_CLEAN" >/dev/null
keys F10
check "deltagare lista: deltagaransv quits cleanly" \
    wait_for "sus avslutades: 0"

# 7. An insatsansvarig has no Deltagande menu.
start_client insatsansv
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
check "deltagare lista: insatsansv has no Deltagande menu" \
    lacks "Deltagande"
check "deltagare lista: nor Registrera deltagare" \
    lacks "Registrera deltagare"
keys F10
wait_for "sus avslutades: 0"

db_query "$DL_CLEAN" >/dev/null
db_query "$DL_ANDRA_CLEAN" >/dev/null
