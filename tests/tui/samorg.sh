# Sök samverkansorg, the read-only view and Hantera samverkansorg, sourced
# by tests/tui/run: criteria narrow the search, every role may look, a
# samverkansadministratör edits base data, kommuner and ingående
# organisationer with Swedish text, nothing is stored before Spara, and a
# refusal keeps what was typed. What is changed here is put back through
# the screen at the end, and checked in the database.

SAMORG_GBG="Samordningsförbundet Göteborg"
SAMORG_BESKR="Finansiell samordning för rehabilitering av Göteborgare\
 som behöver stöd från flera myndigheter."
SAMORG_NY="Rehabilitering för göteborgarna – åäö ÅÄÖ på Hisingen"
SAMORG_ID="(SELECT id FROM samverkansorg WHERE namn = '$SAMORG_GBG')"

# What the demo förbund has stored: its beskrivning and slutdatum, how
# many rows it has for Mölndal, and Arbetsbron's Finansiär flag.
samorg_beskr()
{
	db_query "SELECT beskrivning FROM samverkansorg WHERE id = $SAMORG_ID"
}

samorg_slut()
{
	db_query "SELECT coalesce(slutdatum::text, '-') FROM samverkansorg
	    WHERE id = $SAMORG_ID"
}

samorg_molndal()
{
	db_query "SELECT count(*) FROM samverkansorg_kommun
	    WHERE samverkansorg_id = $SAMORG_ID AND kommunkod = '1481'"
}

samorg_arbetsbron()
{
	db_query "SELECT finansiar FROM samverkansorg_organisation so
	    JOIN organisation o ON o.id = so.organisation_id
	    WHERE so.samverkansorg_id = $SAMORG_ID
	    AND o.namn = 'Ideell förening Arbetsbron'"
}

# Puts the demo förbund back as schema/demo.sql has it, in the parts this
# file changes, whatever an earlier part or a failed check left.
samorg_restore()
{
	db_query "UPDATE samverkansorg SET beskrivning = '$SAMORG_BESKR',
	    slutdatum = NULL WHERE id = $SAMORG_ID;
	    DELETE FROM samverkansorg_kommun WHERE samverkansorg_id = $SAMORG_ID
	    AND kommunkod = '1481';
	    UPDATE samverkansorg_organisation SET finansiar = false
	    WHERE samverkansorg_id = $SAMORG_ID AND organisation_id =
	    (SELECT id FROM organisation
	    WHERE namn = 'Ideell förening Arbetsbron')" >/dev/null
}

# Reports whether a function prints exactly the expected text.
samorg_is()
{
	[ "$("$1")" = "$2" ]
}

samorg_restore

# 1. SUSrapport searches with criteria and opens the read-only view.
start_client rapport
login demo2026
wait_for "Välkommen till SUS"
keys s s Enter
check "sök: screen opens" wait_for "jokertecken"
check "sök: more criteria offered" shows "F4 Fler urval: samverkansform"
keys F4
check "sök: F4 shows the criteria" wait_for "Samverkansform: ‹ Alla ›"
check "sök: status choice" shows "Status        : ‹ Alla ›"
# FINSAM, then Tvåpartsfinsam; Enter in a criterion searches.
keys Space Space
check "sök: samverkansform from the code list" \
    wait_for "Samverkansform: ‹ Tvåpartsfinsam ›"
keys Enter
check "sök: only Tvåpartsfinsam" wait_for "Träffar: 3 (rad 1), Tvåpartsfinsam"
check "sök: LFC Karlstad listed" shows "LFC Karlstad och Landstinget"
check "sök: a FINSAM förbund left out" lacks "$SAMORG_GBG"
# Status Aktiva leaves out LFC Sundsvall, which ended in 2014.
keys BTab Space Enter
check "sök: active ones only" \
    wait_for "Träffar: 2 (rad 1), Tvåpartsfinsam, aktiva"
check "sök: ended förbund left out" lacks "LFC Sundsvall"
# Back to every form and status; Västra Götalands län instead.
keys Up Up Up Up Left Left Down Left Left Left Down Down Left Enter
check "sök: län from the code list" \
    wait_for "Län           : ‹ Västra Götalands län ›"
check "sök: two förbund in Västra Götaland" \
    wait_for "Träffar: 2 (rad 1), Västra Götalands län"
check "sök: Göteborg in it" wait_for "$SAMORG_GBG"
check "sök: Östra Skaraborg in it" shows "Samordningsförbundet Östra Skaraborg"
check "sök: Halland is not" lacks "Samordningsförbundet Halland"
# A kommun by name, in any case; an unknown one is named in the message.
keys BTab BTab "xyzby" Enter
check "sök: unknown kommun said" wait_for "Ingen kommun heter \"xyzby\""
check "sök: list kept after a bad kommun" shows "Samordningsförbundet Östra"
keys C-u "skövde" Enter
check "sök: kommun written as its own name" \
    wait_for "Kommun        : Skövde"
check "sök: one förbund serves Skövde" \
    wait_for "Träffar: 1 (rad 1), Västra Götalands län, Skövde"
check "sök: Skövde's förbund" shows "Samordningsförbundet Östra Skaraborg"
keys F4
check "sök: hidden criteria still said" \
    wait_for "Urval: Västra Götalands län, Skövde (F4 ändrar)"
keys Tab C-u "Samordningsförbundet G*"
keys F4 Down Right Right Right Down C-u Enter
check "sök: criteria cleared" wait_for "Träffar: 2 (rad 1) för"
keys Down Enter
check "view: opens on the row" wait_for "Organisationsnummer"
check "view: base data" shows "222222-0101"
check "view: beskrivning" shows "Finansiell samordning för"
check "view: contact information" shows "info@sf-goteborg.example.se"
check "view: rapport may not change it" lacks "F4 Ändra"
check "view: says it scrolls" shows "(PgDn)"
keys End
check "view: ingående organisationer" \
    wait_for "Ingående organisationer (6)"
check "view: flags" line_has "Svenska ESF-rådet" "–      ja        –"
check "view: stadsdel" line_has "Hisingen" "Västra Götalands län"
keys F4
check "view: F4 refused for rapport" wait_for "Du får inte ändra"
tm resize-window -t "$SESS" -x 80 -y 24
check "view 80x24: not too small" wait_for "Rad "
check "view 80x24: keys" shows "Esc tillbaka"
keys Home
check "view 80x24: top" wait_for "Samverkansform"
keys Escape
check "view: Esc back to the list" wait_for "Träffar: 2 (rad 2)"
check "sök 80x24: criteria fit" wait_for "Status        : ‹ Alla ›"
check "sök 80x24: list under them" shows "$SAMORG_GBG"
check "sök 80x24: not too small" lacks "för litet"
keys F10
check "sök: quits cleanly (sanitizers quiet)" wait_for "sus avslutades: 0"

# 2. The samverkansadministratör of Samordningsförbundet Göteborg.
start_client samadm
login demo2026
wait_for "Välkommen till SUS"
keys h Enter
check "hantera: own förbund opened at once" wait_for "Grunduppgifter"
check "hantera: its name" shows "Namn               : $SAMORG_GBG"
check "hantera: base data locked" \
    shows "Namn, samverkansform och startdatum ändras av en"
check "hantera: panels" shows "Beskrivning (96 av 2000 tecken)"
check "hantera: contact hidden at first" shows "▸ Kontaktinformation (F5 visar)"
keys F5
check "hantera: F5 shows the contact panel" \
    wait_for "▾ Kontaktinformation (F5 döljer)"
check "hantera: contact e-post" \
    line_has "E-post" "info@sf-goteborg.example.se"
keys F5
check "hantera: F5 hides it again" wait_gone "Utdelningsadress"
# Slutdatum has the focus; Tab goes to Beskrivning.
keys Tab C-u "$SAMORG_NY"
check "hantera: Swedish text typed" wait_for "$SAMORG_NY"
check "hantera: unsaved marked" shows "Ej sparat"
# Kommun, stadsdel: the picker with Möln*.
keys Tab Tab +
check "kommunväljare: opens" wait_for "Välj kommun, stadsdel"
check "kommunväljare: Län offered" shows "Län       : ‹ Alla län ›"
keys "Möln*" Enter
check "kommunväljare: Mölndal as a whole kommun" \
    wait_line_has "Mölndal" "(hela kommunen)"
keys Enter
check "kommunväljare: Enter chooses and closes" \
    wait_gone "Välj kommun, stadsdel"
check "hantera: Mölndal added" wait_line_has "Mölndal" "(hela kommunen)"
check "hantera: nothing stored yet" shows "Inget är sparat"
# A stadsdel appears only for Stockholm and Göteborg.
# Text typed on the Län row goes to Kommunnamn, not into thin air.
keys +
wait_for "Välj kommun, stadsdel"
keys Up "Göteborg"
check "kommunväljare: typing on Län fills Kommunnamn" \
    wait_line_has "Kommunnamn" "Göteborg"
keys Enter
check "kommunväljare: Göteborg's stadsdelar" \
    wait_line_has "Göteborg" "Sydväst"
check "kommunväljare: only stadsdelar in force" lacks "Askim-Frölunda"
keys Escape
check "kommunväljare: Esc adds nothing" wait_gone "Välj kommun, stadsdel"
# Ingående organisationer: Finansiär for Ideell förening Arbetsbron.
keys Tab Down Down Down Right Space
check "hantera: Finansiär toggled" \
    wait_line_has "Ideell förening Arbetsbron" "[ ]    [x]       [x]"
# Lägg till from the organisations register, and Ta bort again.
keys +
check "organisationsväljare: opens" wait_for "Välj organisation"
keys "Malmö*" Enter
check "organisationsväljare: finds Malmö stad" \
    wait_line_has "Malmö stad" "Kommun"
keys Enter
check "organisationsväljare: Enter adds and closes" \
    wait_gone "Välj organisation"
check "hantera: added without flags" \
    wait_line_has "Malmö stad" "[ ]    [ ]       [ ]"
check "hantera: says how to set the flags" shows "Markera Medlem, Finansiär"
keys -- -
check "hantera: Ta bort takes it back" wait_gone "Malmö stad"
# Esc asks before throwing the changes away; n keeps them.
keys Escape
check "hantera: Esc asks first" \
    wait_for "Ändringarna är inte sparade. Avbryta ändå? (j/n)"
keys n
check "hantera: n keeps the changes" wait_gone "Avbryta ändå?"
check "hantera: Mölndal still there" line_has "Mölndal" "(hela"
# The menu asks too.
keys F9 s Enter
check "hantera: the menu asks before leaving" \
    wait_for "Lämna skärmen ändå? (j/n)"
keys n
check "hantera: still on the page" wait_gone "Lämna skärmen ändå?"
keys Tab
tm resize-window -t "$SESS" -x 80 -y 24
check "hantera 80x24: not too small" wait_for "Ingående organisationer"
check "hantera 80x24: keys said" shows "Mellanslag växlar"
keys PPage PPage PPage
check "hantera 80x24: PgUp to the top" wait_for "Grunduppgifter"
check "hantera 80x24: short key line" \
    shows "F2 Spara F5 Kontakt F6 Budget F7 Uppdrag Esc Avbryt"
keys PPage Tab Tab Tab Tab Tab Tab
check "hantera 80x24: the page follows the focus" \
    wait_for "Insatsansvariga för samverkansorganisationen"
check "hantera 80x24: uppdrag panel read-only" \
    shows "Endast visning här. F7 öppnar Hantera uppdrag."
check "hantera 80x24: Maria Åkesson insatsansvarig" \
    line_has "Åkesson" "Maria"
# F7 opens Hantera uppdrag; back, the unsaved changes are still there.
keys F7
check "hantera: F7 opens Hantera uppdrag" wait_for "SUS – Hantera uppdrag"
check "hantera: on this förbund" wait_for "Åkesson"
keys Escape
wait_for "Välj med pilarna"
keys Escape
check "hantera: back from Hantera uppdrag" \
    wait_for "Endast visning här. F7 öppnar"
check "hantera: changes kept over Hantera uppdrag" shows "Ej sparat"
# F6 opens the Budget tab of the same förbund.
keys F6
check "hantera: F6 opens the budget" \
    wait_for "SUS – Samverkansorganisationsbudget"
check "hantera: the budget of this förbund" shows "$SAMORG_GBG"
# Esc while the budget is fetched would cancel the fetch instead.
wait_gone "Väntar på servern"
keys Escape
check "hantera: back from the budget" \
    wait_for "SUS – Hantera samverkansorg"
# The pop-ups at 80x24.
keys PPage PPage Tab Tab Tab +
check "kommunväljare 80x24: opens" wait_for "Välj kommun, stadsdel"
keys "Stockholm" Enter
check "kommunväljare 80x24: Stockholm's stadsdelar" \
    wait_line_has "Stockholm" "Södermalm"
check "kommunväljare 80x24: keys" shows "Mellanslag markerar"
keys Escape
wait_gone "Välj kommun, stadsdel"
keys Tab +
check "organisationsväljare 80x24: opens" wait_for "Välj organisation"
keys "Region*" Enter
check "organisationsväljare 80x24: types shown" \
    wait_line_has "Region Skåne" "Landsting/Region"
keys Escape
wait_gone "Välj organisation"
tm resize-window -t "$SESS" -x 100 -y 30
keys F2
check "hantera: Spara stores it" \
    wait_for "Samverkansorganisationen $SAMORG_GBG är sparad."
check "hantera: nothing pending after Spara" lacks "Ej sparat"
check "hantera: beskrivning stored in UTF-8" samorg_is samorg_beskr "$SAMORG_NY"
check "hantera: Mölndal stored" samorg_is samorg_molndal 1
check "hantera: Finansiär stored" samorg_is samorg_arbetsbron t
keys Escape
check "hantera: Esc after Spara asks nothing" wait_for "Välj med pilarna"
keys Enter
check "hantera: reopened with the new text" wait_for "$SAMORG_NY"
check "hantera: reopened with Mölndal" \
    wait_line_has "Mölndal" "(hela kommunen)"
keys NPage
check "hantera: reopened with Finansiär" \
    wait_line_has "Ideell förening Arbetsbron" "[ ]    [x]       [x]"
keys PPage
# The server refuses an end before the start; what was typed stays.
keys "2004-12-31" F2
check "hantera: server refusal in Swedish" \
    wait_for "Slutdatum får inte vara före startdatum."
check "hantera: typed date kept" shows "Slutdatum          : 2004-12-31"
check "hantera: still unsaved" shows "Ej sparat"
check "hantera: refused date not stored" samorg_is samorg_slut -
# Put it back: no slutdatum, the old text, no Mölndal, no Finansiär.
keys C-u Tab C-u "$SAMORG_BESKR" Tab Tab Down Down Down
keys -- -
check "hantera: Ta bort drops Mölndal" wait_gone "Mölndal"
keys Tab Down Down Down Right Space
wait_line_has "Ideell förening Arbetsbron" "[ ]    [ ]       [x]"
keys F2
check "hantera: restored and saved" wait_for "är sparad."
check "hantera: beskrivning restored" samorg_is samorg_beskr "$SAMORG_BESKR"
check "hantera: Mölndal removed" samorg_is samorg_molndal 0
check "hantera: Finansiär restored" samorg_is samorg_arbetsbron f
keys F10
check "hantera: quits cleanly (sanitizers quiet)" \
    wait_for "sus avslutades: 0"

# 3. A superadministratör opens the page from the view with F4 Ändra and
# may change the base data.
start_client admin
login demo2026
wait_for "Välkommen till SUS"
keys s s Enter
wait_for "jokertecken"
keys "Samordningsförbundet Gö*" Enter
wait_for "Träffar: 1"
keys Enter
check "view: superadmin may change" wait_for "F4 Ändra"
keys F4
check "ändra: opens the page on the förbund" wait_for "Grunduppgifter"
check "ändra: base data open to a superadministratör" \
    lacks "ändras av en"
check "ändra: samverkansform a choice" shows "‹ FINSAM ›"
keys Escape
check "ändra: Esc goes back to the view" wait_for "(PgDn)"
keys F10
check "ändra: quits cleanly (sanitizers quiet)" wait_for "sus avslutades: 0"

# Whatever failed above, leave the demo förbund as it was.
samorg_restore
