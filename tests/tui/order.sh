# The order chain through the real client (sourced by tests/tui/run, which
# provides start_client, login, keys, wait_for, shows, lacks and check).
#
# A beställare orders a new user; an incompatible role set is refused
# with the server's sentence and the form keeps what was typed. The
# superadministratör approves the order and sees the temporary password
# once; the new user must choose a password before anything else, then
# sees the approved order on Startsida. Deactivating the user ends the
# open session with a clear message and the login box. Demo users are
# only read: the user changed is the one this test ordered, under a name
# unique to the run.

# Unique names: the username allows [a-z0-9._-], the surname letters.
ord_tag=$(printf '%s%s' "$(date +%s | tail -c 5)" "$$" | tr 0-9 a-j)
ord_user="t$(date +%s)$$"
ord_last="Order${ord_tag}"
ord_newpw="nytt-${ord_tag}"

# Reports whether the line naming the ordered person also shows text.
ord_row_shows()
{
	screen | grep -F -- "$ord_last" | grep -qF -- "$1"
}

# 1. The beställare: a sensible Startsida and the order form.
start_client bestallare
login demo2026
check "order: beställare logged in" wait_for "Välkommen till SUS, Lena Holm"
check "order: beställare role line" shows "Roller: Beställare"
check "order: Startsida lists orders" shows "Beställningar som gäller dig"
# b, b: Beställningar, then Beställ behörighet.
keys b b Enter
check "order: form opens" wait_for "blankett 9445"
check "order: kind is a choice" shows "‹ Ny användare ›"
check "order: role boxes" shows "[ ] Deltagaransvarig"

# An incompatible pair: Samverkansadministratör and Deltagaransvarig.
keys Tab "$ord_user" Tab "Test" Tab "$ord_last" Tab "test@example.se" \
    Tab Space Tab Tab Space
check "order: boxes checked" wait_for "[x] Deltagaransvarig"
keys F2
check "order: incompatible roles refused in Swedish" \
    wait_for "Samverkansadministratör och deltagaransvarig får inte"
check "order: typed user name stays" shows "Användarnamn: $ord_user"
check "order: typed surname stays" shows "$ord_last"
check "order: typed roles stay" shows "[x] Samverkansadministratör"
check "order: nothing sent on refusal" lacks "skickad"

# Without Deltagaransvarig the order goes.
keys Space
check "order: Deltagaransvarig unchecked" wait_for "[ ] Deltagaransvarig"
keys F2
check "order: order sent" wait_for "Beställningen är skickad"
check "order: form emptied after sending" lacks "$ord_user"
tm resize-window -t "$SESS" -x 80 -y 24
check "order: form fits 80x24" wait_for "[ ] SUSrapport"
check "order: 80x24 not too small" lacks "för litet"
tm resize-window -t "$SESS" -x 100 -y 30
# Startsida shows the new order as submitted.
keys F9 Home Enter
check "order: Startsida shows the order" wait_for "$ord_last"
check "order: order shown as submitted" ord_row_shows "Inskickad"
keys F10
check "order: beställare quits" wait_for "sus avslutades: 0"

# 2. The superadministratör approves it and sees the password once.
start_client admin
login demo2026
check "order: admin logged in" wait_for "Välkommen till SUS, Anna"
check "order: admin sees the queue on Startsida" \
    shows "Inskickade beställningar att behandla"
keys b Enter
check "order: inbox opens" wait_for "Beställningar att behandla"
keys / "$ord_last" Enter
check "order: inbox lists the order" wait_for "$ord_last"
check "order: list search found it" lacks "Ingen träff"
keys Enter
check "order: order shown" wait_for "Person      : Test $ord_last"
check "order: decision offered" shows "‹ Godkänn ›"
check "order: roles shown" shows "Samverkansadministratör"
keys F2
check "order: approval asks first" wait_for "Godkänna beställningen för"
keys j
check "order: temporary password shown" wait_for "Tillfälligt lösenord:"
ord_pw=$(screen | grep -o 'Tillfälligt lösenord: [A-Za-z0-9]*' |
    sed 's/.*: //')
check "order: password captured" test -n "$ord_pw"
check "order: password written to no file" \
    eval '! grep -rqF -- "$ord_pw" "$OUT" "$STACK_DIR" 2>/dev/null'
sleep 1
check "order: password box stays until a key" shows "Tillfälligt lösenord:"
keys Space
check "order: box gone after a key" wait_gone "Tillfälligt lösenord:"
check "order: approval said" wait_for "Beställningen är godkänd."
check "order: password not on the message line" lacks "$ord_pw"
keys F10
check "order: admin quits" wait_for "sus avslutades: 0"

# 3. The new user must change the password before anything else.
start_client "$ord_user"
login "$ord_pw"
check "order: forced password box" \
    wait_for "Du måste välja ett nytt lösenord"
keys F9
check "order: menu not reachable before the change" lacks "Startsida"
keys "$ord_pw" Enter "$ord_newpw" Enter "fel-$ord_newpw" Enter
check "order: mismatched repeat refused" \
    wait_for "De nya lösenorden är inte lika"
check "order: still in the password box" shows "Byt lösenord"
check "order: passwords stay masked" lacks "$ord_newpw"
keys C-u "$ord_newpw" Enter
check "order: Startsida after the change" \
    wait_for "Välkommen till SUS, Test $ord_last"
check "order: approved order on Startsida" wait_for "$ord_last"
check "order: order shown as godkänd" ord_row_shows "Godkänd"
check "order: new user's roles" shows "Samverkansadministratör"
# Byt lösenord (just above Logga ut) opens the same three fields.
keys F9 End Up Enter
check "order: Byt lösenord screen" wait_for "Upprepa nytt lösenord"
keys Escape Escape
# When the server asks for a new password mid-session (here: set in the
# database for this test's own user), the same box opens, and the screen
# the request came from is kept.
pg_test_psql -d sus -q -c "UPDATE anvandare SET must_change_password =
    true WHERE username = '$ord_user'" >>"$OUT/stack.log" 2>&1
keys F9 Home s s Enter
check "order: search screen for the new user" wait_for "jokertecken"
keys Enter
check "order: server-required change opens the box" \
    wait_for "Du måste välja ett nytt lösenord"
keys "$ord_newpw" Enter "${ord_newpw}x" Enter "${ord_newpw}x" Enter
check "order: back on the screen after the change" \
    wait_for "Lösenordet är bytt. Försök igen."
check "order: the screen is kept" shows "jokertecken"
ord_newpw=${ord_newpw}x
ord_user_sess=$SESS

# 4. Deactivated by the superadministratör: the open session ends with
# the server's reason and the login box, not a lost-connection dialog.
start_client admin
login demo2026
wait_for "Välkommen till SUS"
# a, a: Administration, then Användare.
keys a a Enter
check "order: Användare opens" wait_for "Arbetsgivare"
keys Tab "$ord_last" Enter
check "order: user found" wait_for "$ord_last"
check "order: user active in the list" ord_row_shows "Ja"
keys Enter
check "order: user detail" wait_for "Användarnamn: $ord_user"
check "order: role boxes from the account" \
    shows "[x] Samverkansadministratör"
keys i
check "order: deactivation asks first" wait_for "Inaktivera Test $ord_last"
keys j
check "order: user deactivated" wait_for "Nej (kan inte logga in)"
keys F10
SESS=$ord_user_sess
# Any request now meets the ended session, unless the periodic account
# check got there first.
if ! shows "Sessionen avslutades:"; then
	keys F9 Home s s Enter
	wait_for "jokertecken"
	keys Enter
fi
check "order: ended session says why" wait_for "Sessionen avslutades:"
check "order: back at the login box" shows "SUS – Inloggning"
check "order: no lost-connection dialog" lacks "Anslutningen bröts"
keys "$ord_newpw" Enter
check "order: deactivated user cannot log in" \
    wait_for "Du saknar behörighet till SUS"
keys F10
check "order: quits from the login box" wait_for "sus avslutades: 0"
