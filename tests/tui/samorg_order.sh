# The 9447 order through the real client, sourced by tests/tui/run (which
# provides start_client, login, keys, tm, screen, wait_for, wait_gone,
# shows, lacks, line_has, wait_line_has and check). All of it at 80x24.
#
# samadm orders a new samverkansorganisation with a Swedish name: a name
# carrying FINSAM is refused with the server's sentence and the form
# keeps everything typed; the corrected order goes and shows among the
# own orders. admin approves it in Beställda samverkansorg, which says
# the organisation is created, and finds it in Sök samverkansorg; samadm
# then sees the order approved. The organisation cannot be removed
# through the client, so its name and organisationsnummer are unique to
# the run (the stack is new for every run anyway); demo users are only
# read.

# Six digits unique to the run, and a valid organisationsnummer from
# them: 222, the six digits, and the Luhn check digit.
so_tag=$(printf '%06d' $(( ($(date +%s) * 100 + $$) % 1000000 )))
so_orgnr()
{
	local d="222$1" sum=0 i p

	for i in 0 1 2 3 4 5 6 7 8; do
		p=$(( ${d:$i:1} * (i % 2 == 0 ? 2 : 1) ))
		sum=$(( sum + p / 10 + p % 10 ))
	done
	printf '%s-%s%s' "${d:0:6}" "${d:6:3}" $(( (10 - sum % 10) % 10 ))
}
so_nr=$(so_orgnr "$so_tag")
so_bad="Förbund FINSAM Ådal $so_tag"
so_name="Förbund Ådalen Öxabäck $so_tag"

# Reports whether the form's Namn row is empty.
so_namn_empty()
{
	screen | grep -F -- "Namn           :" | grep -qE ':[[:space:]]*│?$'
}

# 1. samadm: the form at 80x24, prefilled from the login.
start_client samadm
login demo2026
check "samorg order: samadm logged in" wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
check "samorg order: 80x24 is enough" wait_for "F10 Avsluta"
# b: the first item starting with B is Beställ samverkansorg.
keys b Enter
check "samorg order: form opens" wait_for "(blankett 9447)"
check "samorg order: name counter" shows "0/50 tecken"
check "samorg order: forms from the code list" shows "‹ FINSAM ›"
check "samorg order: startdatum 1 January this year" \
    shows "Startdatum     : $(date +%Y)-01-01"
check "samorg order: contact name from the login" \
    shows "Kontaktperson  : Erik Öberg"
check "samorg order: contact e-post from the user" \
    shows "erik.oberg@example.se"
check "samorg order: own orders listed" shows "Dina beställningar: 0"
check "samorg order: form fits 80x24" lacks "för litet"

# 2. A name carrying the samverkansform, everything else right.
keys "$so_bad"
check "samorg order: live count" wait_for "$(printf '%s' "$so_bad" |
    LC_ALL=C.UTF-8 wc -m)/50 tecken"
keys Tab "$so_nr" Tab Tab Tab Enter
check "samorg order: Välj användare for the administratör" \
    wait_for "Välj användare – Samverkansadministratör"
keys Tab "Karlsson" Enter
check "samorg order: picker finds Ahmed Karlsson" \
    wait_line_has "Karlsson" "Ahmed"
keys Space F2
check "samorg order: picker closes" wait_gone "Välj användare –"
check "samorg order: administratör chosen" \
    shows "Administratör  : [ Ahmed Karlsson ]"
check "samorg order: employer under the name" \
    shows "Samordningsförbundet Göteborg"
keys Tab "031-123 45 67" F2
check "samorg order: FINSAM in the name refused in Swedish" \
    wait_for "Namnet får inte innehålla samverkansformen (FINSAM)."
check "samorg order: typed name kept" shows "Namn           : $so_bad"
check "samorg order: typed number kept" shows "$so_nr"
check "samorg order: typed telefon kept" shows "031-123 45 67"
check "samorg order: chosen administratör kept" shows "Ahmed Karlsson"
check "samorg order: nothing sent" shows "Dina beställningar: 0"

# 3. The refusal put the cursor in Namn: corrected, the order goes.
keys C-u "$so_name" F2
check "samorg order: order sent" wait_for "Beställningen är skickad (nummer"
check "samorg order: sent says the name" shows "$so_name"
check "samorg order: form emptied" so_namn_empty
check "samorg order: contact details kept" shows "031-123 45 67"
check "samorg order: listed among the own orders" \
    wait_for "Dina beställningar: 1"
check "samorg order: listed as submitted" \
    line_has "Förbund Ådalen" "Inskickad"
# Something typed and not sent: leaving asks first.
keys "Halvfärdig"
keys F9 Home Enter
check "samorg order: leaving unsent text asks" \
    wait_for "Lämna skärmen ändå? (j/n)"
keys n
check "samorg order: n stays with the text" shows "Halvfärdig"
keys F10
check "samorg order: F10 asks too" wait_for "Lämna skärmen ändå? (j/n)"
keys j
check "samorg order: samadm quits" wait_for "sus avslutades: 0"

# 4. admin approves it in Beställda samverkansorg.
start_client admin
login demo2026
check "samorg order: admin logged in" wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
# b, b: Behandla beställningar, then Beställda samorg.
keys b b Enter
check "samorg order: inbox opens" wait_for "Status: ‹ Inskickade ›"
check "samorg order: inbox lists the order" \
    wait_line_has "Förbund Ådalen" "Inskickad"
keys / "Ådalen Öxabäck" Enter
check "samorg order: list search finds it" lacks "Ingen träff"
keys Enter
check "samorg order: order shown" wait_for "Namn           : $so_name"
check "samorg order: every field shown" shows "Organisationsnr: $so_nr"
check "samorg order: administratör shown" shows "Ahmed Karlsson"
check "samorg order: orderer shown" shows "av Erik Öberg"
check "samorg order: decision offered" shows "‹ Godkänn ›"
keys F2
check "samorg order: approval asks first" \
    wait_for "Godkänna beställningen av $so_name?"
keys j
check "samorg order: says the organisation is created" \
    wait_for "$so_name är skapad."
check "samorg order: back in the refreshed inbox" \
    shows "Status: ‹ Inskickade ›"
check "samorg order: no longer waiting" \
    eval '! line_has "Förbund Ådalen" "Inskickad"'
keys Right
check "samorg order: approved filter" wait_for "Status: ‹ Godkända ›"
check "samorg order: listed as approved" \
    wait_line_has "Förbund Ådalen" "Godkänd"
check "samorg order: inbox fits 80x24" lacks "för litet"

# 5. The new organisation in Sök samverkansorg.
keys F9 Home s s Enter
check "samorg order: Sök samverkansorg opens" wait_for "jokertecken"
keys "Ådalen Öxabäck $so_tag" Enter
check "samorg order: the organisation is found" \
    wait_line_has "$so_name" "$(date +%Y)-01-01"
keys F10
check "samorg order: admin quits" wait_for "sus avslutades: 0"

# 6. samadm sees the own order approved.
start_client samadm
login demo2026
check "samorg order: samadm back" wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
keys b Enter
check "samorg order: own order approved" \
    wait_line_has "Förbund Ådalen" "Godkänd"
keys F10
check "samorg order: samadm quits again" wait_for "sus avslutades: 0"
