# Registrera deltagare's form, sourced by tests/tui/run: the
# deltagaransvarig of Steget vidare opens the form from the list (F3 Ny
# deltagare) at 80x24. A wrong check digit and a nine-digit number are
# refused at once with what was typed kept. Åsa Lindqvist is fetched
# from the register (Hämta) and filled in; Spara without the consent box
# is refused by the client with nothing sent or stored; ticked, she is
# registered in, with the 'in' question answered, and the form empties
# for the next one. Fetched again, Mättillfälle offers her participation:
# its inregistrering opens for correction, then a new utregistrering,
# saved with the 'ut' question answered Mycket nöjd. From the list, F7
# opens that utregistrering for correction; Esc asks before dropping the
# change to Ganska nöjd, F2 saves it and goes back. A person not in the
# register is typed by hand with the kommun chosen in "Välj kommun,
# stadsdel" and the stadsdel Göteborg needs; a protected person is
# refused as the server words it. The database is checked at each step.
# The persons are removed again with triggers off.

DF_INSATS="Steget vidare"
# Official test numbers (tests/data/testpersonnummer.csv): Åsa is in the
# demo register (Göteborg, Nordost); the next has her last digit changed,
# so its check digit is wrong; the third is not in the register and is
# typed by hand; the last is the register's protected person.
DF_ASA=196201122808
DF_FEL=196201122809
DF_HAND=198501169885
DF_SKYDDAD=197911109291
DF_PNRS="('$DF_ASA', '$DF_HAND')"
DF_IDS="(SELECT d.id FROM deltagande d JOIN person p ON p.id = d.person_id
    WHERE p.personnummer IN $DF_PNRS)"
DF_CLEAN="SET session_replication_role = replica;
    DELETE FROM fraga_svar WHERE deltagande_id IN $DF_IDS;
    DELETE FROM mattillfalle_forsorjning WHERE deltagande_id IN $DF_IDS;
    DELETE FROM mattillfalle WHERE deltagande_id IN $DF_IDS;
    DELETE FROM deltagande WHERE id IN $DF_IDS;
    DELETE FROM person WHERE personnummer IN $DF_PNRS"
# The client's today: the form's default dates.
DF_IDAG=$(date +%Y-%m-%d)
# Åsa's participation, and its occasions, as SQL.
DF_DID="(SELECT d.id FROM deltagande d JOIN person p ON p.id = d.person_id
    WHERE p.personnummer = '$DF_ASA')"

# Reports whether a query gives exactly the expected text.
df_sql_is()
{
	[ "$(db_query "$1")" = "$2" ]
}

# The query for one of Åsa's occasions: sysselsättning, omfattning,
# utbildning, tid, avslut and försörjning by code, "|" between.
df_tillfalle()
{
	echo "SELECT concat_ws('|', kod_kod(m.sysselsattning_id),
	    coalesce(m.omfattning::text, ''), coalesce(kod_kod(m.utbildning_id),
	    ''), coalesce(kod_kod(m.tid_id), ''), coalesce(kod_kod(m.avslut_id),
	    ''), (SELECT string_agg(kod_kod(f.forsorjning_id), ',')
	    FROM mattillfalle_forsorjning f WHERE f.deltagande_id =
	    m.deltagande_id AND f.typ = m.typ)) FROM mattillfalle m
	    WHERE m.deltagande_id IN $DF_DID AND m.typ = '$1'"
}

# The query for the answers of one of Åsa's occasions: ja/nej as true or
# false, a choice by its option's text.
df_svar()
{
	echo "SELECT string_agg(coalesce(a.text, s.ja::text), ';')
	    FROM fraga_svar s LEFT JOIN fraga_alternativ a
	    ON a.id = s.alternativ_id WHERE s.deltagande_id IN $DF_DID
	    AND s.tillfalle = '$1'"
}

# Reports whether the line after the first one holding $1 holds $2.
df_next_line_has()
{
	screen | grep -A1 -F -- "$1" | sed -n 2p | grep -qF -- "$2"
}

db_query "$DF_CLEAN" >/dev/null
check "deltagare form: no test person left over" \
    df_sql_is "SELECT count(*) FROM person WHERE personnummer IN $DF_PNRS" 0

start_client deltagaransv
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
keys F9 Home
wait_for "Deltagande"
keys D
keys Down Enter
check "deltagare form: the list of $DF_INSATS" \
    wait_for "Deltagare i $DF_INSATS"
keys F3
check "deltagare form: F3 opens the form on the insats" \
    wait_for "$DF_INSATS: nyinregistrering"
check "deltagare form 80x24: not too small" lacks "för litet"
check "deltagare form: the personnummer first" \
    shows "Personnummer    :"
check "deltagare form: the consent box" \
    shows "[ ] Underskrivet samtycke (blankett 9443) finns"
check "deltagare form: the key line says the form empties" \
    shows "F2 Spara → nästa"

# 0. Hämta twice in a row on a person whose stadsdel must be chosen
# (Stockholm, none in the register): the fields shown for the first
# answer must not point into it once the second arrives (the sanitizer
# client aborts if they do). Esc then leaves without asking, since only
# fetched data is on the form, and F3 opens a fresh one.
keys 195503142027 Enter
check "deltagare form: Hämta, a Stockholm person" \
    wait_line_has "Kommun" "Stockholm"
keys F5
check "deltagare form: Hämta again answered" \
    wait_for "Hämtad. Välj stadsdel"
settle
check "deltagare form: still the Stockholm person after a second Hämta" \
    line_has "Kommun" "Stockholm"
keys Escape
check "deltagare form: fetched data only, Esc leaves without asking" \
    wait_for "Deltagare i $DF_INSATS"
settle
keys F3
wait_for "$DF_INSATS: nyinregistrering"

# 1. A wrong check digit is said as it is typed; the number stays.
keys "$DF_FEL"
check "deltagare form: a wrong check digit refused at once" \
    wait_for "Personnumret har fel kontrollsiffra."
check "deltagare form: what was typed stays" \
    line_has "Personnummer" "$DF_FEL"
# Nine digits: said on leaving the field, the digits kept.
keys C-u "${DF_ASA:0:9}" Tab
check "deltagare form: nine digits refused at once" \
    wait_for "Personnumret ska ha 10 eller 12 siffror; du har skrivit 9."
check "deltagare form: the nine digits stay" \
    line_has "Personnummer" "${DF_ASA:0:9}"
keys BTab x
check "deltagare form: a letter is refused in the number" \
    wait_for "Personnummer skrivs med siffror"

# 2. Hämta: Åsa from the register.
keys C-u "$DF_ASA"
check "deltagare form: a valid number said" \
    wait_for "Giltigt personnummer."
keys Enter
check "deltagare form: Hämta fills the name" \
    wait_line_has "Namn" "Åsa Lindqvist"
check "deltagare form: the number shown in full form" \
    line_has "Personnummer" "${DF_ASA:0:8}-${DF_ASA:8:4}"
check "deltagare form: kön and year from the number" \
    line_has "Kön" "Kvinna, född 1962"
check "deltagare form: the folkbokföringskommun" line_has "Kommun" "Göteborg"
check "deltagare form: the stadsdel" line_has "Stadsdel" "Nordost"
check "deltagare form: Mättillfälle offers Nyinregistrering" \
    shows "‹ Nyinregistrering ›"
check "deltagare form: the lookup said, without the number" \
    wait_for "Hämtad från folkbokföringen."

# 3. The occasion. A date the question is not yet valid on has none;
# today has the organisation's 'in' question.
keys Tab Tab Tab C-u "2023-06-01" Tab
check "deltagare form: a new date fetches the questions again" \
    wait_for "0 kompletterande frågor ställs vid inregistrering 2023-06-01."
keys BTab C-u "$DF_IDAG" Tab
check "deltagare form: back to today, the question again" \
    wait_for "1 kompletterande fråga ställs vid inregistrering $DF_IDAG."
# Försörjning före: the fourth box, a-kassa.
keys Tab Tab Tab Space
check "deltagare form: a-kassa ticked" \
    wait_for "[x] Arbetslöshetsersättning (a-kassa)"
keys NPage
check "deltagare form: the 'in' question, marked mandatory" \
    wait_for "tidigare deltagit i en insats hos"
check "deltagare form: the mark" shows "$(printf 'förbundet?\302\240*')"
keys Space
check "deltagare form: answered Ja" wait_for "‹ Ja ›"
# Up from the question: Tid, Utbildningsnivå, then Sysselsättning.
keys BTab Right Right Right
check "deltagare form: tid i offentlig försörjning" wait_for "‹ 1–2 år ›"
keys BTab g
check "deltagare form: utbildningsnivå" wait_for "‹ Gymnasial ›"
check "deltagare form: no omfattning without work or study" \
    shows "– (bara för arbete och studier)"
keys BTab s
check "deltagare form: sysselsättning Studier" wait_for "‹ Studier ›"
keys Tab x
check "deltagare form: omfattning takes digits only" \
    wait_for "Omfattning skrivs med siffror, 1–100."
keys 5 0 i
check "deltagare form: i explains omfattning" \
    wait_for "40 timmar i veckan: 20 timmar är 50 %."
keys Enter
check "deltagare form: the box closes" wait_gone "20 timmar är 50 %"
check "deltagare form: omfattning typed" line_has "Omfattning" "50"

# 4. Spara without consent: refused by the client, nothing sent (the
# server's own refusal words it otherwise, and writes nothing either).
skriv=$(db_query "SELECT count(*) FROM audit_person WHERE action = 'skriv'")
keys F2
check "deltagare form: Spara without consent refused" \
    wait_for "Samtycke saknas: kryssa i att underskrivet samtycke"
check "deltagare form: no person stored without consent" \
    df_sql_is "SELECT count(*) FROM person WHERE personnummer = '$DF_ASA'" 0
check "deltagare form: no participation stored" \
    df_sql_is "SELECT count(*) FROM deltagande d JOIN person p
    ON p.id = d.person_id WHERE p.personnummer = '$DF_ASA'" 0
check "deltagare form: nothing written at all" df_sql_is \
    "SELECT count(*) FROM audit_person WHERE action = 'skriv'" "$skriv"
check "deltagare form: the fields stay" \
    shows "[x] Arbetslöshetsersättning (a-kassa)"
# The refusal put the focus on the box.
keys Space
check "deltagare form: consent ticked" \
    wait_for "[x] Underskrivet samtycke (blankett 9443) finns"
keys F2
check "deltagare form: Åsa registered in" \
    wait_for "Deltagaren är inregistrerad. Nästa deltagare."
check "deltagare form: the form emptied for the next" \
    lacks "Åsa Lindqvist"
check "deltagare form: the number gone from the field" \
    lacks "${DF_ASA:0:8}"
check "deltagare form: the participation stored with consent" \
    df_sql_is "SELECT d.startdatum || '|' || d.samtycke || '|' ||
    d.samtycke_datum || '|' || kod_kod(d.kon_id) || '|' || d.fodelsear ||
    '|' || (d.slutdatum IS NULL) FROM deltagande d
    WHERE d.id IN $DF_DID" "$DF_IDAG|true|$DF_IDAG|K|1962|true"
check "deltagare form: the person from the register" \
    df_sql_is "SELECT p.namn || '|' || p.kommunkod || '|' || s.namn
    FROM person p JOIN stadsdel s ON s.id = p.stadsdel_id
    WHERE p.personnummer = '$DF_ASA'" "Åsa Lindqvist|1480|Nordost"
check "deltagare form: the inregistrering stored" \
    df_sql_is "$(df_tillfalle in)" "STUDIER|50|GYMN|AR_1_2||AKASSA"
check "deltagare form: the 'in' answer stored" \
    df_sql_is "$(df_svar in)" "true"

# 5. Hämta again: Mättillfälle offers her participation.
keys "$DF_ASA" Enter
check "deltagare form: fetched again, the participation said" \
    wait_for "Har deltagit i insatsen förut: se Mättillfälle."
keys Space
check "deltagare form: her inregistrering offered" \
    wait_for "‹ Inregistrering $DF_IDAG (pågår) ›"
check "deltagare form: opened for correction" \
    wait_for "$DF_INSATS: rätta inregistrering"
# The questions are fetched last; then it is said.
check "deltagare form: read for correction" \
    wait_for "(pågår): hämtad för rättning."
check "deltagare form: a fetched person is no unsaved change" \
    wait_gone "Ej sparat"
check "deltagare form: a-kassa as stored" \
    shows "[x] Arbetslöshetsersättning (a-kassa)"
check "deltagare form: no consent box on a correction" \
    lacks "Underskrivet samtycke"
keys Space
check "deltagare form: a new utregistrering offered" \
    wait_for "‹ Nyutregistrering, start $DF_IDAG ›"
check "deltagare form: the utregistrering form" \
    wait_for "$DF_INSATS: utregistrering"
check "deltagare form: Slutdatum today" line_has "Slutdatum" "$DF_IDAG"
keys Tab Tab e
check "deltagare form: avslutsanledning" \
    wait_for "‹ Enligt plan/insatsen genomförd ›"
# Felregistrering (the last choice) needs no outcome: the form says so
# and hides it. Samtycket återkallat is not among the choices.
keys Left Left
check "deltagare form: Felregistrering offered" \
    wait_for "‹ Felregistrering ›"
check "deltagare form: Felregistrering needs no försörjning" \
    wait_for "Felregistrering: försörjning och sysselsättning"
check "deltagare form: the boxes hidden" lacks "Försörjning efter"
keys Right
check "deltagare form: withdrawn consent is not offered here" \
    wait_for "Försörjning efter, en eller flera:"
check "deltagare form: after Felregistrering the choices begin again" \
    df_next_line_has "Avslutsanledning:" "‹ (välj) ›"
keys e
check "deltagare form: back to Enligt plan" \
    wait_for "Försörjning efter, en eller flera:"
# The ninth box, Ingen offentlig försörjning; then Arbete, full time.
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Space
check "deltagare form: ingen offentlig försörjning ticked" \
    wait_for "[x] Ingen offentlig försörjning"
keys Tab Tab a Tab 1 0 0
check "deltagare form: sysselsättning efter" \
    wait_for "‹ Arbete (osubventionerat) ›"
keys NPage
check "deltagare form: the 'ut' question" \
    wait_for "Hur nöjd är deltagaren med stödet i insatsen?"
keys Space
check "deltagare form: answered Mycket nöjd" wait_for "‹ Mycket nöjd ›"
keys F2
check "deltagare form: Åsa registered out" \
    wait_for "Deltagaren är utregistrerad. Nästa deltagare."
check "deltagare form: the slutdatum stored" \
    df_sql_is "SELECT slutdatum FROM deltagande WHERE id IN $DF_DID" \
    "$DF_IDAG"
check "deltagare form: the utregistrering stored" \
    df_sql_is "$(df_tillfalle ut)" "ARBETE|100|||ENLIGT_PLAN|INGEN"
check "deltagare form: the 'ut' answer stored, å and ö whole" \
    df_sql_is "$(df_svar ut)" "Mycket nöjd"

# 6. From the list, F7 on her row opens the utregistrering to correct.
keys Escape
check "deltagare form: Esc on an empty form goes back" \
    wait_for "Deltagare i $DF_INSATS"
keys F6
wait_for "‹ Avslutade ›"
check "deltagare form: Åsa among Avslutade" wait_for "Åsa Lindqvist"
keys / "Åsa Lind" Enter
sleep 0.3
keys F7
check "deltagare form: F7 opens her utregistrering for correction" \
    wait_for "$DF_INSATS: rätta utregistrering"
check "deltagare form: the person's own number in full" \
    line_has "Personnummer" "${DF_ASA:0:8}-${DF_ASA:8:4}"
check "deltagare form: nothing changed yet" wait_gone "Ej sparat"
keys NPage
check "deltagare form: the stored answer shown" wait_for "‹ Mycket nöjd ›"
keys Space
check "deltagare form: changed to Ganska nöjd" wait_for "‹ Ganska nöjd ›"
check "deltagare form: unsaved said" shows "Ej sparat"
keys Escape
check "deltagare form: Esc asks before dropping the change" \
    wait_for "Avbryta ändå? (j/n)"
keys n
check "deltagare form: n keeps the change" wait_for "‹ Ganska nöjd ›"
# Someone else saves the utregistrering meanwhile: the version read no
# longer holds, the server's refusal is shown and the change stays; F3
# reads the occasion again, and the change is made anew.
db_query "INSERT INTO audit_person (action, purpose, deltagande_id)
    SELECT 'skriv', 'TUI deltagare form', id FROM deltagande
    WHERE id IN $DF_DID;
    UPDATE mattillfalle SET andrad_av = andrad_av
    WHERE deltagande_id IN $DF_DID AND typ = 'ut'" >/dev/null
keys F2
check "deltagare form: a stale version refused as the server words it" \
    wait_for "Någon annan har ändrat utregistreringen sedan du läste den"
check "deltagare form: the change kept after the refusal" \
    shows "‹ Ganska nöjd ›"
check "deltagare form: the answer not stored" \
    df_sql_is "$(df_svar ut)" "Mycket nöjd"
keys F3
check "deltagare form: F3 asks before reading again" \
    wait_for "Läsa om ändå? (j/n)"
keys j
check "deltagare form: read again" \
    wait_for "Utregistreringen är läst igen."
check "deltagare form: the stored answer back" wait_for "‹ Mycket nöjd ›"
keys Space
wait_for "‹ Ganska nöjd ›"
keys F2
check "deltagare form: the correction saved, back in the list" \
    wait_for "Utregistreringen är rättad."
check "deltagare form: the list shown again" shows "Deltagare i $DF_INSATS"
check "deltagare form: the corrected answer stored, one row" \
    df_sql_is "$(df_svar ut)" "Ganska nöjd"

# 7. A person not in the register: namn typed, kommun and stadsdel chosen.
keys F3
wait_for "$DF_INSATS: nyinregistrering"
keys "$DF_HAND" Enter
check "deltagare form: not in the register said" \
    wait_for "Finns inte i folkbokföringen: skriv namnet och välj kommun."
check "deltagare form: kön from the number" line_has "Kön" "Kvinna, född 1985"
keys "Ylva Ågren" Tab
check "deltagare form: the kommun button" wait_for "[ Välj kommun … ]"
keys Enter
check "deltagare form: Välj kommun, stadsdel opens" \
    wait_for "Välj kommun, stadsdel ─"
keys "Göteborg" Enter
check "deltagare form: the kommun found" wait_for "(hela kommunen)"
keys Enter
check "deltagare form: the kommun chosen" \
    wait_for "Göteborg är vald. Välj stadsdel: den krävs där."
check "deltagare form: the stadsdel asked for" \
    wait_line_has "Stadsdel" "‹ (välj stadsdel) ›"
keys Tab Tab Space Tab Tab Tab Space
check "deltagare form: sjukpenning ticked" \
    wait_for "[x] Sjukpenning/rehabiliteringspenning"
keys NPage Space BTab Right BTab Right BTab i
check "deltagare form: Ingen sysselsättning" \
    wait_for "‹ Ingen sysselsättning ›"
keys F2
check "deltagare form: Göteborg needs a stadsdel" \
    wait_for "Välj stadsdel: den krävs för Stockholm och Göteborg."
keys Space
check "deltagare form: a stadsdel chosen" wait_line_has "Stadsdel" "Centrum"
keys F2
check "deltagare form: the typed person registered in" \
    wait_for "Deltagaren är inregistrerad. Nästa deltagare."
check "deltagare form: the typed person stored" \
    df_sql_is "SELECT p.namn || '|' || p.kommunkod || '|' || s.namn ||
    '|' || kod_kod(d.kon_id) FROM person p JOIN stadsdel s
    ON s.id = p.stadsdel_id JOIN deltagande d ON d.person_id = p.id
    WHERE p.personnummer = '$DF_HAND'" "Ylva Ågren|1480|Centrum|K"

# 8. A protected person: refused as the server words it; the number stays.
keys "$DF_SKYDDAD" Enter
check "deltagare form: a protected person refused" \
    wait_for "skyddade personuppgifter"
check "deltagare form: the protected number stays typed" \
    line_has "Personnummer" "$DF_SKYDDAD"
check "deltagare form: nothing fetched for the protected" \
    lacks "Skyddad Person"
check "deltagare form: no person stored for the protected" \
    df_sql_is "SELECT count(*) FROM person
    WHERE personnummer = '$DF_SKYDDAD'" 0
keys Escape
check "deltagare form: Esc after typing asks" wait_for "Avbryta ändå? (j/n)"
keys j
check "deltagare form: j goes back to the list" \
    wait_for "Deltagare i $DF_INSATS"
keys F10
check "deltagare form: quits cleanly" wait_for "sus avslutades: 0"

db_query "$DF_CLEAN" >/dev/null
