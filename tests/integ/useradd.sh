# Sourced by tests/integ/run: "susd useradd" and the rules of schema 0005.
# A superadministratör made from the shell is employed by the
# SUS-förvaltning (rule 18); an employer can be named with -a; a short
# password is refused before anything is written.

# Runs useradd against the stack's database with a password on stdin.
useradd_run()
{
	local pw=$1
	shift
	printf '%s\n' "$pw" | "$SUSD" -f /dev/null \
	    -o database="$STACK_DB_ADMIN" -o state_dir="$STACK_DIR/state" \
	    useradd "$@" >"$scratch/useradd2.log" 2>&1
}

ua_pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
if useradd_run "$ua_pw" -r superadmin -n Super -e Admin integsuper; then
	org=$(psql_admin -c "SELECT o.sus_forvaltning FROM anvandare a
	    JOIN organisation o ON o.id = a.arbetsgivare_id
	    WHERE a.username = 'integsuper'")
	if [ "$org" = "t" ]; then
		ok "useradd -r superadmin employs the user at the SUS-förvaltning"
	else
		not_ok "useradd -r superadmin employs the user at the" \
		    "SUS-förvaltning" "employer flag: '$org'"
	fi
else
	not_ok "useradd -r superadmin works" "$(tail -n 2 "$scratch/useradd2.log")"
fi

if useradd_run "$ua_pw" -r superadmin -a "Göteborgs stad" -n Fel -e Plats \
    integfelsuper; then
	not_ok "useradd refuses a superadmin outside the SUS-förvaltning" \
	    "it was created"
elif [ "$(psql_admin -c "SELECT count(*) FROM anvandare
    WHERE username = 'integfelsuper'")" != "0" ]; then
	not_ok "useradd refuses a superadmin outside the SUS-förvaltning" \
	    "a row was left behind"
else
	ok "useradd refuses a superadmin outside the SUS-förvaltning"
fi

if useradd_run "$ua_pw" -r insatsansvarig -a "Göteborgs stad" -n Ida \
    -e Insats integida && [ "$(psql_admin -c "SELECT o.namn FROM anvandare a
    JOIN organisation o ON o.id = a.arbetsgivare_id
    WHERE a.username = 'integida'")" = "Göteborgs stad" ]; then
	ok "useradd -a names the employer"
else
	not_ok "useradd -a names the employer" \
	    "$(tail -n 2 "$scratch/useradd2.log")"
fi

if useradd_run "kort" -r susrapport -n Kort -e Losen integkort; then
	not_ok "useradd refuses a password under 10 characters" "it was created"
elif ! grep -q "minst 10 tecken" "$scratch/useradd2.log"; then
	not_ok "useradd refuses a password under 10 characters" \
	    "no Swedish reason: $(tail -n 1 "$scratch/useradd2.log")"
else
	ok "useradd refuses a password under 10 characters"
fi
