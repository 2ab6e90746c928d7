# Af/FK-samarbetet's registration screens, sourced by tests/tui/run, all
# at 80x24. The menu: afhandl and fkhandl see Af/FK-samarbete,
# deltagaransv (no office) does not. fkhandl registers medverkan by
# keyboard for a person in the register copy (Göteborg, so a stadsdel
# is asked for): Spara without consent is refused by the client, a date
# ahead of today by the server, each time with everything typed kept and
# nothing stored; then it is saved and Registrera uppgifter opens for
# the period: Spara without the mandatory answers is refused, Esc asks,
# answered it is stored. A person not in the register copy is typed by
# hand with the kommun chosen. afhandl cannot register the first step
# (Försäkringskassan does): refused with the fields kept. Byt kontor:
# Hämta shows the open ärende's offices, one office left out is refused
# by the client, both chosen and dated are stored. A person without an
# ärende on the office is refused. Anonyma Af/FK opens the anonym screen
# on fkhandl's office; given a second office, fkhandl chooses it first
# there and in Registrera medverkan. The database is checked at each step; the
# persons are removed again with triggers off.

# Official test numbers (tests/data/testpersonnummer.csv), this part's
# slice: the first two are put into the register copy here, the third is
# typed by hand, the fourth has no ärende.
AK_REG=200507112399
AK_MALMO=200705122398
AK_HAND=200508042389
AK_INGEN=200805192390
AK_PNRS="('$AK_REG', '$AK_MALMO', '$AK_HAND', '$AK_INGEN')"
AK_ARENDEN="(SELECT a.id FROM affk_arende a JOIN person p
    ON p.id = a.person_id WHERE p.personnummer IN $AK_PNRS)"
AK_CLEAN="SET session_replication_role = replica;
    DELETE FROM affk_svar WHERE period_id IN (SELECT id FROM affk_period
    WHERE arende_id IN $AK_ARENDEN);
    DELETE FROM affk_kontorsbyte WHERE arende_id IN $AK_ARENDEN;
    DELETE FROM affk_period WHERE arende_id IN $AK_ARENDEN;
    DELETE FROM affk_arende WHERE id IN $AK_ARENDEN;
    DELETE FROM person WHERE personnummer IN $AK_PNRS;
    DELETE FROM folkbokforing WHERE personnummer IN $AK_PNRS"
AK_IDAG=$(date +%Y-%m-%d)
AK_IMORGON=$(date -d tomorrow +%Y-%m-%d)
AK_START=$(date -d '30 days ago' +%Y-%m-%d)
AK_SAMT=$(date -d '32 days ago' +%Y-%m-%d)
AK_START2=$(date -d '20 days ago' +%Y-%m-%d)
AK_BYTE=$(date -d '10 days ago' +%Y-%m-%d)

# Reports whether a query gives exactly the expected text.
ak_sql_is()
{
	[ "$(db_query "$1")" = "$2" ]
}

# The ärende of a personnummer.
ak_arende()
{
	echo "(SELECT a.id FROM affk_arende a JOIN person p
	    ON p.id = a.person_id WHERE p.personnummer = '$1')"
}

ak_kontor()
{
	echo "(SELECT id FROM affk_kontor WHERE namn = '$1')"
}

# The screen is not too small and its key line (row 22) ends whole with
# the text given: the main area is 53 columns at 80x24 and clips there.
ak_fits()
{
	! screen | grep -q 'för litet' &&
	    screen | sed -n 22p | grep -qF -- "$1"
}

# Opens item n (1 = Registrera medverkan) of the Af/FK menu.
ak_menu()
{
	local i=1

	keys F9 Home A A
	while [ $i -le "$1" ]; do
		keys Down
		i=$((i + 1))
	done
	keys Enter
}

db_query "$AK_CLEAN" >/dev/null
db_query "INSERT INTO folkbokforing (personnummer, namn, kommunkod)
    VALUES ('$AK_REG', 'Affk Registersson', '1480'),
    ('$AK_MALMO', 'Affk Malmösson', '1280')" >/dev/null
check "affk: the register copy has the two test persons" \
    ak_sql_is "SELECT count(*) FROM folkbokforing
    WHERE personnummer IN $AK_PNRS" 2

# 1. The menu: no office, no Af/FK-samarbete.
start_client deltagaransv
login demo2026
wait_for "Välkommen till SUS"
check "affk: deltagaransv has Deltagande" shows "Registrera deltagare"
check "affk: deltagaransv (no office) lacks Af/FK-samarbete" \
    lacks "Af/FK-samarbete"
keys F10
wait_for "sus avslutades"

# 2. fkhandl: Registrera medverkan at 80x24.
start_client fkhandl
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
check "affk: fkhandl sees Af/FK-samarbete" shows "Af/FK-samarbete"
check "affk: fkhandl sees Byt kontor" shows "Byt kontor"
ak_menu 1
check "affk: Registrera medverkan opened" \
    wait_for "Registrera medverkan (Af/FK)"
check "affk: one office, no choice" \
    wait_line_has "Kontor" ": Försäkringskassan Göteborg"
check "affk: own FK office pre-filled" \
    line_has "FK-kontor" "‹ Försäkringskassan Göteborg ›"
check "affk: Af office to choose" line_has "Af-kontor" "‹ (välj Af-kontor) ›"
check "affk: initierad av FK pre-filled" \
    line_has "Initierad av" "‹ Försäkringskassan ›"
check "affk: consent unticked" \
    shows "[ ] Samtycke till Af/FK-samarbetet finns"
check "affk: consent dated today" line_has "Samtyckesdatum" "$AK_IDAG"
check "affk 80x24: medverkan fits" ak_fits "F2 Spara  Esc Avbryt"

keys 2005x
check "affk: a letter in the personnummer refused" \
    wait_for "Personnummer skrivs med siffror"
keys "07112399" Enter
check "affk: Sök from the register copy" wait_for "Hämtad. Välj stadsdel"
check "affk: the name from the register" line_has "Namn" "Affk Registersson"
check "affk: the kommun from the register" line_has "Kommun" "Göteborg"
check "affk: the number shown whole" line_has "Personnummer" "20050711-2399"
check "affk: a stadsdel asked for" \
    line_has "Stadsdel" "‹ (välj stadsdel) ›"
keys N
check "affk: stadsdel Nordost" wait_line_has "Stadsdel" "‹ Nordost ›"
# Consent left out; Af office by a letter; GK; dates.
keys Tab Tab C-u "$AK_SAMT" Tab Tab G Tab Tab Right Right Tab C-u \
    "$AK_IMORGON"
check "affk: Af office chosen by a letter" \
    wait_line_has "Af-kontor" "‹ Arbetsförmedlingen Göteborg ›"
check "affk: the first steps FK registers" \
    shows "‹ Gemensam kartläggning ›"
check "affk: unsaved said" shows "Ej sparat"
keys F2
check "affk: no consent refused by the client" \
    wait_for "Samtycke till Af/FK-samarbetet krävs"
check "affk: nothing stored without consent" \
    ak_sql_is "SELECT count(*) FROM affk_arende WHERE id IN $AK_ARENDEN" 0
check "affk: the name kept" line_has "Namn" "Affk Registersson"
check "affk: the stadsdel kept" line_has "Stadsdel" "‹ Nordost ›"
check "affk: the Af office kept" \
    line_has "Af-kontor" "‹ Arbetsförmedlingen Göteborg ›"
check "affk: the step kept" shows "‹ Gemensam kartläggning ›"
check "affk: the date kept" line_has "Startdatum" "$AK_IMORGON"
# Ticked (the focus is on the box), the date ahead is the server's.
keys Space
check "affk: consent ticked" \
    wait_for "[x] Samtycke till Af/FK-samarbetet finns"
keys F2
check "affk: a date ahead of today refused by the server" \
    wait_for "Datumet får inte vara senare än i dag."
check "affk: nothing stored with a date ahead" \
    ak_sql_is "SELECT count(*) FROM affk_arende WHERE id IN $AK_ARENDEN" 0
check "affk: consent kept after the refusal" \
    shows "[x] Samtycke till Af/FK-samarbetet finns"
check "affk: the consent date kept" line_has "Samtyckesdatum" "$AK_SAMT"
check "affk: the Af office still kept" \
    line_has "Af-kontor" "‹ Arbetsförmedlingen Göteborg ›"
check "affk 80x24: the refusal fits" ak_fits "Tab nästa  F2 Spara"
keys Tab Tab Tab Tab Tab Tab C-u "$AK_START" F2

# 3. Registrera uppgifter for the period.
check "affk: saved, on to Registrera uppgifter" \
    wait_for "SUS – Registrera uppgifter"
check "affk: the step as the page's title" \
    shows "│ Gemensam kartläggning"
check "affk: medverkan said" shows "Medverkan är registrerad."
check "affk: the rubrik names the person, number masked" \
    shows "Affk Registersson ********-2399"
check "affk: the rubrik has the start" shows "från $AK_START"
check "affk: the number not shown whole" lacks "20050711"
check "affk: the first question, mandatory" \
    shows "Inskriven hos Arbetsförmedlingen före samarbetet *:"
check "affk: the second question" shows "Försörjning före samarbetet *:"
check "affk 80x24: uppgifter fits" ak_fits "F2 Spara  Esc Avbryt"
check "affk: the ärende stored with offices, dates, consent" \
    ak_sql_is "SELECT concat_ws('|', a.startdatum, a.samtycke,
    a.samtycke_datum, a.initierad_av, a.af_kontor_id =
    $(ak_kontor 'Arbetsförmedlingen Göteborg'), a.fk_kontor_id =
    $(ak_kontor 'Försäkringskassan Göteborg'), a.slutdatum IS NULL)
    FROM affk_arende a WHERE a.id = $(ak_arende $AK_REG)" \
    "$AK_START|t|$AK_SAMT|FK|t|t|t"
check "affk: the person with the stadsdel chosen" \
    ak_sql_is "SELECT concat_ws('|', p.namn, p.kommunkod, s.namn)
    FROM person p JOIN stadsdel s ON s.id = p.stadsdel_id
    WHERE p.personnummer = '$AK_REG'" "Affk Registersson|1480|Nordost"
check "affk: the period GK from the start, registered by FK" \
    ak_sql_is "SELECT concat_ws('|', k.kod, p.startdatum,
    p.slutdatum IS NULL, p.myndighet) FROM affk_period p
    JOIN kod k ON k.id = p.insatstyp_id
    WHERE p.arende_id = $(ak_arende $AK_REG)" "GK|$AK_START|t|FK"
check "affk: the write audited with the ärende" \
    ak_sql_is "SELECT count(*) > 0 FROM audit_person
    WHERE arende_id = $(ak_arende $AK_REG) AND action = 'skriv'" t

keys F2
check "affk: mandatory answer missing refused" \
    wait_for "Svara på frågan: Inskriven hos Arbetsförmedlingen före"
keys Right Tab Right
check "affk: first answer Ja" wait_for "‹ Ja ›"
check "affk: unsaved answers said" shows "Ej sparat"
keys Escape
check "affk: Esc asks before throwing answers away" \
    wait_for "Svaren är inte sparade. Avbryta ändå? (j/n)"
keys n
check "affk: still on Registrera uppgifter after n" \
    wait_for "‹ Ja ›"
check "affk: no answers stored yet" \
    ak_sql_is "SELECT count(*) FROM affk_svar s JOIN affk_period p
    ON p.id = s.period_id WHERE p.arende_id = $(ak_arende $AK_REG)" 0
keys F2
check "affk: answers saved" wait_for "Uppgifterna är sparade."
check "affk: back on a clean medverkan form" \
    wait_line_has "Registrera medverkan (Af/FK)" "Registrera medverkan"
check "affk: the form emptied" lacks "Affk Registersson"
check "affk: the answers stored" \
    ak_sql_is "SELECT string_agg(f.kod || '=' || k.kod, ',' ORDER BY
    f.ordning) FROM affk_svar s JOIN affk_period p ON p.id = s.period_id
    JOIN affk_fraga f ON f.id = s.fraga_id JOIN kod k ON k.id = s.svar_id
    WHERE p.arende_id = $(ak_arende $AK_REG)" \
    "INSKRIVEN_AF_FORE=JA,FORSORJNING_FORE=$(db_query "SELECT kod FROM kod
    WHERE lista = 'forsorjning' AND aktiv ORDER BY ordning, id LIMIT 1")"

# 4. A person not in the register copy: name typed, kommun chosen.
keys "$AK_HAND" Enter
check "affk: not in the register said" \
    wait_for "Finns inte i folkbokföringen: skriv namnet och välj kommun."
keys "Hand Affksson" Tab
check "affk: the kommun button" wait_for "[ Välj kommun … ]"
keys Enter
check "affk: Välj kommun opens" wait_for "Välj kommun, stadsdel ─"
keys "Uppsala" Enter
check "affk: the kommun found" wait_for "(hela kommunen)"
keys Enter
check "affk: the kommun chosen" wait_for "Uppsala är vald."
keys Tab Space Tab Tab Tab G Tab Tab Right Tab C-u "$AK_START2" F2
check "affk: by hand saved, on to uppgifter" \
    wait_for "│ Begäran om gemensam kartläggning"
check "affk: the person typed stored" \
    ak_sql_is "SELECT concat_ws('|', p.namn, p.kommunkod, a.startdatum)
    FROM person p JOIN affk_arende a ON a.person_id = p.id
    WHERE p.personnummer = '$AK_HAND'" "Hand Affksson|0380|$AK_START2"
keys Escape
check "affk: Esc without changes leaves at once" \
    wait_for "Uppgifterna är inte sparade: de kan skapas i Historik."
check "affk: no answers for the period left" \
    ak_sql_is "SELECT count(*) FROM affk_svar s JOIN affk_period p
    ON p.id = s.period_id WHERE p.arende_id = $(ak_arende $AK_HAND)" 0

# 5. Anonyma Af/FK: the anonym screen on the office.
ak_menu 5
check "affk: Anonyma Af/FK opens the anonym screen" \
    wait_for "Registrera anonyma deltagare"
check "affk: on fkhandl's office" wait_for "│ Försäkringskassan Göteborg"
check "affk 80x24: anonym fits" ak_fits "PgUp/PgDn listan"

# 6. Byt kontor.
ak_menu 4
check "affk: Byt kontor opened" wait_for "Byt kontor (Af/FK)"
check "affk 80x24: Byt kontor fits" ak_fits "F2 Spara  Esc Avbryt"
keys "$AK_INGEN" Enter
check "affk: no ärende on the office refused" \
    wait_for "Deltagaren finns inte på ditt kontor (Försäkringskassan"
check "affk: no offices shown without an ärende" lacks "Af-kontor nu"
keys C-u "$AK_REG" Enter
check "affk: Hämta shows the current Af office" \
    wait_line_has "Af-kontor nu" "Arbetsförmedlingen Göteborg"
check "affk: Hämta shows the current FK office" \
    line_has "FK-kontor nu" "Försäkringskassan Göteborg"
check "affk: Hämta shows the name" line_has "Namn" "Affk Registersson"
check "affk: Byt kontor till" shows "Byt kontor till"
# Marknadsområde Syd leaves Malmö only.
keys S S
check "affk: filter Syd" wait_line_has "Marknadsområde" "‹ Syd ›"
keys Tab Tab A
check "affk: the filter leaves Malmö" \
    wait_line_has "Nytt Af-kontor" "‹ Arbetsförmedlingen Malmö ›"
keys A
check "affk: Malmö the only one under Syd" \
    wait_line_has "Nytt Af-kontor" "‹ (välj Af-kontor) ›"
keys BTab BTab Right
check "affk: filter back to all" wait_line_has "Marknadsområde" "‹ (alla) ›"
keys Tab Tab A
check "affk: Angered chosen" \
    wait_line_has "Nytt Af-kontor" "‹ Arbetsförmedlingen Angered ›"
keys Tab Tab Tab C-u "$AK_BYTE" F2
check "affk: one office left out refused by the client" \
    wait_for "Välj nytt FK-kontor: både Af-kontor och FK-kontor ska anges."
check "affk: nothing stored with one office" \
    ak_sql_is "SELECT count(*) FROM affk_kontorsbyte
    WHERE arende_id IN $AK_ARENDEN" 0
check "affk: the Af office kept" \
    line_has "Nytt Af-kontor" "‹ Arbetsförmedlingen Angered ›"
check "affk: the date kept" line_has "Datum för bytet" "$AK_BYTE"
keys G
check "affk: FK office chosen" \
    wait_line_has "Nytt FK-kontor" "‹ Försäkringskassan Göteborg ›"
check "affk 80x24: Byt kontor filled fits" ak_fits "F2 Spara  Esc Avbryt"
keys F2
check "affk: the change confirmed" \
    wait_for "Kontoret är bytt från $AK_BYTE"
check "affk: belongs to the new Af office now" \
    line_has "Af-kontor nu" "Arbetsförmedlingen Angered"
check "affk: the change stored" \
    ak_sql_is "SELECT concat_ws('|', b.datum, b.fran_af_kontor_id =
    $(ak_kontor 'Arbetsförmedlingen Göteborg'), b.till_af_kontor_id =
    $(ak_kontor 'Arbetsförmedlingen Angered'), b.fran_fk_kontor_id =
    b.till_fk_kontor_id) FROM affk_kontorsbyte b
    WHERE b.arende_id = $(ak_arende $AK_REG)" "$AK_BYTE|t|t|t"
check "affk: the ärende's offices changed" \
    ak_sql_is "SELECT a.af_kontor_id = $(ak_kontor \
    'Arbetsförmedlingen Angered') AND a.fk_kontor_id = $(ak_kontor \
    'Försäkringskassan Göteborg') FROM affk_arende a
    WHERE a.id = $(ak_arende $AK_REG)" t
keys F2
check "affk: a second Spara asks for Hämta again" \
    wait_for "Kontoret är redan bytt"
check "affk: still one change" \
    ak_sql_is "SELECT count(*) FROM affk_kontorsbyte
    WHERE arende_id IN $AK_ARENDEN" 1
keys F10
check "affk: fkhandl quits cleanly" wait_for "sus avslutades: 0"

# 7. afhandl: Arbetsförmedlingen does not register the first step.
start_client afhandl
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
check "affk: afhandl sees Af/FK-samarbete" shows "Af/FK-samarbete"
ak_menu 1
check "affk: afhandl's medverkan" wait_for "Registrera medverkan (Af/FK)"
check "affk: afhandl's own Af office pre-filled" \
    wait_line_has "Af-kontor" "‹ Arbetsförmedlingen Göteborg ›"
check "affk: the first step is Försäkringskassan's" \
    shows "Registreras av Försäkringskassan"
keys "$AK_MALMO" Enter
check "affk: afhandl's Sök" wait_line_has "Namn" "Affk Malmösson"
keys Space Tab Tab Tab Tab G F2
check "affk: afhandl refused the first step" \
    wait_for "Medverkan registreras av Försäkringskassan"
check "affk: afhandl's fields kept" \
    line_has "FK-kontor" "‹ Försäkringskassan Göteborg ›"
check "affk: afhandl's consent kept" \
    shows "[x] Samtycke till Af/FK-samarbetet finns"
check "affk: nothing stored for afhandl" \
    ak_sql_is "SELECT count(*) FROM person WHERE personnummer = '$AK_MALMO'" 0
check "affk 80x24: afhandl's form fits" ak_fits "F2 Spara  Esc Avbryt"
keys F10
check "affk: asks before quitting with unsaved fields" \
    wait_for "Lämna skärmen ändå? (j/n)"
keys j
check "affk: afhandl quits cleanly" wait_for "sus avslutades: 0"

# 8. Two offices: the office is chosen first, on both screens.
AK_UPPDRAG="(SELECT u.id FROM uppdrag u JOIN anvandare a
    ON a.id = u.anvandare_id JOIN affk_kontor k ON k.insats_id = u.insats_id
    WHERE a.username = 'fkhandl' AND k.namn = 'Försäkringskassan Malmö')"
db_query "INSERT INTO uppdrag (anvandare_id, roll, insats_id)
    SELECT a.id, 'deltagaransvarig', k.insats_id FROM anvandare a,
    affk_kontor k WHERE a.username = 'fkhandl'
    AND k.namn = 'Försäkringskassan Malmö'" >/dev/null
check "affk: fkhandl given a second office" \
    ak_sql_is "SELECT count(*) FROM uppdrag WHERE id IN $AK_UPPDRAG" 1
start_client fkhandl
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
ak_menu 5
check "affk: with two offices Anonyma Af/FK asks which" \
    wait_line_has "Kontor" "‹ Försäkringskassan Göteborg ›"
keys M
check "affk: the other office by a letter" \
    wait_line_has "Kontor" "‹ Försäkringskassan Malmö ›"
keys Enter
check "affk: the anonym screen on the office chosen" \
    wait_for "Registrera anonyma deltagare"
check "affk: on Malmö" wait_for "│ Försäkringskassan Malmö"
keys Escape
check "affk: Esc back to the choice" wait_for "Anonyma deltagare Af/FK"
ak_menu 1
check "affk: medverkan asks for the office" \
    wait_line_has "Kontor" "‹ Försäkringskassan Göteborg ›"
keys M
check "affk: the FK office follows the office chosen" \
    wait_line_has "FK-kontor" "‹ Försäkringskassan Malmö ›"
keys F10
check "affk: quits with two offices" wait_for "sus avslutades: 0"
db_query "SET session_replication_role = replica;
    DELETE FROM uppdrag WHERE id IN $AK_UPPDRAG" >/dev/null

db_query "$AK_CLEAN" >/dev/null
check "affk: test persons removed" \
    ak_sql_is "SELECT count(*) FROM person WHERE personnummer IN $AK_PNRS" 0
