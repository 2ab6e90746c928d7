# Af/FK: Historik enskild deltagare with Ny övergång, Visa deltagare and
# Administration → Af/FK-kontor, sourced by tests/tui/run, at 80x24.
# Three persons are set up with SQL (official test personnummer, one
# audit_person row per ärende in the same transaction): Femke Historik
# and Femke Vänta on the Göteborg offices, Femke Malmö on the Malmö
# offices. As fkhandl: the history shows Femke Historik's period with
# its dates; Ny övergång to GK (Registrera uppgifter opens: GK asks),
# then to Planerad arbetsförberedande insats; the previous period ends
# the day before (screen and SQL); Skapa opens Registrera uppgifter; an
# övergång dated before the current period and one Arbetsförmedlingen
# registers are refused in Swedish with the choice and the date kept.
# As afhandl: the same person shows, and Af registers the active insats.
# Visa deltagare finds by insatstyp and name the right rows and never
# the person on the Malmö offices; Enter opens the history. As admin: an
# office is created, renamed and closed, and the list shows it.
# Everything set up is removed again with triggers off.

AH_A=201505052397
AH_B=201602292383
AH_C=201605012382
AH_PNRS="('$AH_A', '$AH_B', '$AH_C')"
AH_KONTOR="Testkontor Femke"
AH_ARENDEN="(SELECT a.id FROM affk_arende a JOIN person p
    ON p.id = a.person_id WHERE p.personnummer IN $AH_PNRS)"
AH_CLEAN="SET session_replication_role = replica;
    DELETE FROM affk_svar WHERE period_id IN (SELECT id FROM affk_period
    WHERE arende_id IN $AH_ARENDEN);
    DELETE FROM affk_kontorsbyte WHERE arende_id IN $AH_ARENDEN;
    DELETE FROM affk_period WHERE arende_id IN $AH_ARENDEN;
    DELETE FROM affk_arende WHERE id IN $AH_ARENDEN;
    DELETE FROM person WHERE personnummer IN $AH_PNRS;
    DELETE FROM uppdrag WHERE insats_id IN (SELECT insats_id
    FROM affk_kontor WHERE namn LIKE '$AH_KONTOR%');
    CREATE TEMP TABLE ah_ins AS SELECT insats_id FROM affk_kontor
    WHERE namn LIKE '$AH_KONTOR%';
    DELETE FROM affk_kontor WHERE namn LIKE '$AH_KONTOR%';
    DELETE FROM insats WHERE id IN (SELECT insats_id FROM ah_ins)"

ah_day()
{
	date -d "$1 days" +%Y-%m-%d
}
AH_D0=$(ah_day -100)	# Begäran om GK (SQL)
AH_D1=$(ah_day -80)	# GK (TUI)
AH_D2=$(ah_day -60)	# Planerad arbetsförberedande insats (TUI)
AH_D3=$(ah_day -50)	# Arbetsförberedande insatser (TUI, Af)
AH_DAY_BEFORE_D1=$(ah_day -81)
AH_DAY_BEFORE_D2=$(ah_day -61)
AH_DAY_BEFORE_D3=$(ah_day -51)

ah_sql_is()
{
	local got

	got=$(db_query "$1")
	[ "$got" = "$2" ] && return 0
	echo "# got '$got', want '$2'"
	return 1
}

# One ärende: pnr, name, Af office, FK office, "KOD:date KOD:date ...".
ah_arende()
{
	local steps="" s
	for s in $5; do
		steps="$steps('${s%%:*}', DATE '${s#*:}'),"
	done
	steps=${steps%,}
	db_query "BEGIN;
	INSERT INTO person (personnummer, namn, kommunkod)
	    VALUES ('$1', '$2', '1480');
	CREATE TEMP TABLE ah_a AS WITH s(kod, dag) AS (VALUES $steps)
	    SELECT (SELECT min(dag) FROM s) AS start;
	INSERT INTO affk_arende (person_id, kon_id, fodelsear, kommunkod,
	    initierad_av, samtycke, samtycke_datum, af_kontor_id,
	    fk_kontor_id, startdatum)
	SELECT p.id, k.id, substr(p.personnummer, 1, 4)::smallint, '1480',
	    'FK', true, t.start, (SELECT id FROM affk_kontor WHERE namn = '$3'),
	    (SELECT id FROM affk_kontor WHERE namn = '$4'), t.start
	FROM person p, ah_a t, kod k WHERE p.personnummer = '$1'
	    AND k.lista = 'kon' AND k.kod = 'K';
	INSERT INTO audit_person (action, purpose, person_id, arende_id)
	SELECT 'skriv', 'TUI-test', a.person_id, a.id FROM affk_arende a
	    JOIN person p ON p.id = a.person_id WHERE p.personnummer = '$1';
	INSERT INTO affk_period (arende_id, insatstyp_id, startdatum, myndighet)
	SELECT a.id, k.id, s.dag, o.myndighet FROM (VALUES $steps) s(kod, dag)
	    JOIN kod k ON k.lista = 'affk_insatstyp' AND k.kod = s.kod
	    JOIN affk_overgang o ON o.till_id = k.id
	    AND o.fran_id IS NOT DISTINCT FROM (SELECT k2.id FROM
	    (VALUES $steps) s2(kod, dag) JOIN kod k2 ON k2.lista =
	    'affk_insatstyp' AND k2.kod = s2.kod WHERE s2.dag < s.dag
	    ORDER BY s2.dag DESC LIMIT 1),
	    affk_arende a JOIN person p ON p.id = a.person_id
	    WHERE p.personnummer = '$1' ORDER BY s.dag;
	DROP TABLE ah_a;
	COMMIT;" >/dev/null
}

# The periods of a person's ärende: "KOD start slut" oldest first.
ah_perioder()
{
	echo "SELECT string_agg(k.kod || ' ' || pe.startdatum || ' ' ||
	    coalesce(pe.slutdatum::text, '-'), ', ' ORDER BY pe.startdatum)
	    FROM affk_period pe JOIN kod k ON k.id = pe.insatstyp_id
	    WHERE pe.arende_id IN (SELECT a.id FROM affk_arende a JOIN person p
	    ON p.id = a.person_id WHERE p.personnummer = '$1')"
}

# Esc from Registrera uppgifter back to the history, saying yes if it
# asks; the history must show before anything else is typed.
ah_leave_uppgifter()
{
	settle
	shows "Personnummer:" && return 0
	keys Escape
	settle
	if shows "(j/n)"; then
		keys j
		settle
	fi
	wait_for "Femke Historik, "
}

db_query "$AH_CLEAN" >/dev/null
ah_arende "$AH_A" "Femke Historik" "Arbetsförmedlingen Göteborg" \
    "Försäkringskassan Göteborg" "BEGARAN_GK:$AH_D0"
ah_arende "$AH_B" "Femke Vänta" "Arbetsförmedlingen Göteborg" \
    "Försäkringskassan Göteborg" "BEGARAN_GK:$(ah_day -30)"
ah_arende "$AH_C" "Femke Malmö" "Arbetsförmedlingen Malmö" \
    "Försäkringskassan Malmö" "GK:$(ah_day -90) \
    PLANERAD_FORBEREDANDE:$(ah_day -60) ARBETSFORBEREDANDE:$(ah_day -40)"
check "affk historik: three test ärenden set up" \
    ah_sql_is "SELECT count(*) FROM affk_arende WHERE id IN $AH_ARENDEN" 3
check "affk historik: Femke Malmö's periods as set up" \
    ah_sql_is "SELECT count(*) FROM affk_period WHERE arende_id IN
    $AH_ARENDEN" 5

# 1. fkhandl: the history of Femke Historik.
start_client fkhandl
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
keys F9 Home H Enter
check "affk historik: the screen opens" wait_for "Personnummer:"
check "affk historik: one office, no Kontor field" lacks "Kontor:"
check "affk historik 80x24: not too small" lacks "för litet"
keys "$AH_A" Enter
check "affk historik: the person found" \
    wait_for "Femke Historik, ${AH_A:0:8}-${AH_A:8:4}, Göteborg"
check "affk historik: the ärende's offices" \
    shows "FK-kontor: Försäkringskassan Göteborg"
check "affk historik: the period with its start and no end" \
    line_has "Begäran om gemensam" "$AH_D0" "–"
check "affk historik: its questions unanswered, Skapa" \
    line_has "Begäran om gemensam" "Skapa"

# 2. Ny övergång to GK: uppgifter opens, the first period ends the day
# before.
keys F7
check "affk historik: Ny övergång opens" wait_for "Ny övergång för Femke Historik"
check "affk historik: FK's choices show who registers" \
    line_has "Gemensam kartläggning" "FK"
check "affk historik: no note when the step is the caller's" \
    lacks "Härifrån registrerar"
check "affk historik: today's date by default" \
    line_has "Datum:" "$(date +%Y-%m-%d)"
keys Tab C-u "$AH_D1" F2
check "affk historik: GK saved" \
    wait_for "Övergången till Gemensam kartläggning är registrerad"
check "affk historik: GK opens Registrera uppgifter" \
    wait_for "Inskriven hos Arbetsförmedlingen"
check "affk historik: GK in the database, Begäran ends the day before" \
    ah_sql_is "$(ah_perioder "$AH_A")" \
    "BEGARAN_GK $AH_D0 $AH_DAY_BEFORE_D1, GK $AH_D1 -"
ah_leave_uppgifter
check "affk historik: back on the history" \
    wait_line_has "Begäran om gemensam" "$AH_D0" "$AH_DAY_BEFORE_D1"
check "affk historik: GK's row, current" \
    line_has "Gemensam kartläggning" "$AH_D1" "–" "Skapa"

# 3. Skapa on GK opens Registrera uppgifter for that period.
keys End Enter
check "affk historik: Skapa opens Registrera uppgifter" \
    wait_for "Försörjning före samarbetet"
ah_leave_uppgifter

# 4. Ny övergång to a planned step.
keys F7
wait_for "Ny övergång för Femke Historik"
check "affk historik: GK's successors listed" \
    shows "Planerad arbetsförberedande insats"
# The day GK started: on, not after, the current period's start.
keys Home Tab C-u "$AH_D1" F2
check "affk historik: an övergång on the current period's start refused" \
    wait_for "Datumet måste vara efter $AH_D1, det nuvarande stegets"
check "affk historik: the refusal is not a save" lacks "är registrerad"
check "affk historik: the date kept after the refusal" \
    line_has "Datum:" "$AH_D1"
check "affk historik: still on Ny övergång" shows "Ny övergång för Femke"
keys C-u "$AH_D2" F2
check "affk historik: the planned step saved" \
    wait_for "Övergången till Planerad arbetsförberedande insats är"
settle
check "affk historik: planned step in the database, GK ends the day before" \
    ah_sql_is "$(ah_perioder "$AH_A")" "BEGARAN_GK $AH_D0 \
$AH_DAY_BEFORE_D1, GK $AH_D1 $AH_DAY_BEFORE_D2, PLANERAD_FORBEREDANDE $AH_D2 -"
check "affk historik: GK's end on the screen" \
    wait_line_has "Gemensam kartläggning" "$AH_D1" "$AH_DAY_BEFORE_D2"
check "affk historik: the planned step asks nothing" \
    line_has "Planerad arbetsförb" "$AH_D2" "–"
check "affk historik: the planned step has no Välj/Skapa" \
    eval '! line_has "Planerad arbetsförb" "Skapa" && ! line_has "Planerad arbetsförb" "Välj"'

# 5. A step Arbetsförmedlingen registers is refused for FK.
keys F7
wait_for "Ny övergång för Femke Historik"
check "affk historik: after a planned step every choice is Af's" \
    shows "Härifrån registrerar Arbetsförmedlingen nästa steg."
check "affk historik: Af's steps named as Af's" \
    line_has "Arbetsförberedande insatser" "Af"
keys Home Tab C-u "$AH_D3" F2
check "affk historik: Af's step refused for FK, in Swedish" \
    wait_for "Övergången till Arbetsförberedande insatser registreras av Arb"
check "affk historik: the date kept" line_has "Datum:" "$AH_D3"
check "affk historik: nothing written by the refusals" \
    ah_sql_is "SELECT count(*) FROM affk_period WHERE arende_id IN
    (SELECT a.id FROM affk_arende a JOIN person p ON p.id = a.person_id
    WHERE p.personnummer = '$AH_A')" 3
keys Escape
settle
keys F10
wait_for "sus avslutades"

# 6. afhandl: the same person, and Af registers the active insats.
start_client afhandl
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
keys F9 Home H Enter
wait_for "Personnummer:"
keys "$AH_A" Enter
check "affk historik: afhandl sees the same person" \
    wait_for "Femke Historik, ${AH_A:0:8}-${AH_A:8:4}"
check "affk historik: afhandl sees FK's periods" \
    line_has "Gemensam kartläggning" "$AH_D1" "$AH_DAY_BEFORE_D2"
keys F7
wait_for "Ny övergång för Femke Historik"
check "affk historik: afhandl gets no note, the steps are Af's" \
    lacks "Härifrån registrerar"
keys Home Tab C-u "$AH_D3" F2
check "affk historik: Af registers the active insats" \
    wait_for "Övergången till Arbetsförberedande insatser är registrerad"
settle
check "affk historik: the active insats in the database" \
    ah_sql_is "SELECT k.kod || ' ' || pe.startdatum || ' ' ||
    pe.myndighet FROM affk_period pe JOIN kod k ON k.id = pe.insatstyp_id
    WHERE pe.slutdatum IS NULL AND pe.arende_id IN (SELECT a.id FROM
    affk_arende a JOIN person p ON p.id = a.person_id
    WHERE p.personnummer = '$AH_A')" "ARBETSFORBEREDANDE $AH_D3 AF"
check "affk historik: the planned step ends the day before" \
    wait_line_has "Planerad arbetsförb" "$AH_D2" "$AH_DAY_BEFORE_D3"
# A person on the other offices is not found, in the same words as one
# who has no ärende at all.
keys Tab C-u "$AH_C" Enter
check "affk historik: Femke Malmö not found from Göteborg" \
    wait_for "Deltagaren finns inte på ditt kontor"
check "affk historik: her name never shown" lacks "Femke Malmö"
check "affk historik: the last person no longer shown" \
    lacks "Femke Historik"
keys F10
wait_for "sus avslutades"

# 7. fkhandl: Visa deltagare.
start_client fkhandl
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
keys F9 Home V Enter
check "affk visa: the criteria" wait_for "Initierad av:"
check "affk visa 80x24: not too small" lacks "för litet"
# Status Pågående; Insatstyp Arbetsförberedande insatser; Namn Femke*.
keys Down A Down Down Down Down Down "Femke*" Enter
check "affk visa: Femke Historik in Arbetsförberedande" \
    wait_line_has "Femke Historik" "********-${AH_A:8:4}"
check "affk visa: her current step and since when" \
    line_has "Femke Historik" "Arbetsförb" "$AH_D3"
check "affk visa: one hit" shows "Träffar: 1 (rad 1)"
check "affk visa: Femke Vänta is in another step" lacks "Femke Vänta"
check "affk visa: Femke Malmö on other offices never listed" \
    lacks "Femke Malmö"
check "affk visa: the personnummer masked" lacks "${AH_A:0:8}"
# Insatstyp Alla: both on the office, still not Malmö.
keys BTab BTab BTab BTab BTab BTab Left Left Left Left Left
check "affk visa: Insatstyp back to Alla" wait_for "Insatstyp   : ‹ Alla ›"
keys Enter
check "affk visa: all steps: both Göteborg persons" \
    wait_for "Femke Vänta"
check "affk visa: two hits" shows "Träffar: 2"
check "affk visa: still not Femke Malmö" lacks "Femke Malmö"
check "affk visa: the offices of the row under the cursor" \
    shows "Arbetsförmedlingen Göteborg. FK: Försäkringskassan"
# / puts the cursor on her row; Enter opens the history of that ärende.
keys /
wait_for "Sök i listan:"
keys "Femke Historik" Enter
settle
keys Enter
check "affk visa: Enter opens Historik" \
    wait_for "Femke Historik, ${AH_A:0:8}-${AH_A:8:4}"
check "affk visa: Historik shows the periods" \
    line_has "Arbetsförberedande" "$AH_D3" "–"
keys Escape
check "affk visa: Esc back to the list" wait_for "Träffar: 2"
keys F10
wait_for "sus avslutades"

# 8. admin: Af/FK-kontor.
start_client admin
login demo2026
wait_for "Välkommen till SUS"
tm resize-window -t "$SESS" -x 80 -y 24
ah_open_kontor()
{
	keys F9 Home A A A
	wait_line_has "Af/FK-kontor" || return 1
	keys Enter
	wait_for "Myndighet:"
}
check "affk kontor: the list opens" ah_open_kontor
check "affk kontor: the demo offices listed" \
    wait_line_has "Arbetsförmedlingen Göteborg" "Väst" "öppet"
check "affk kontor: the office under the cursor in words" \
    shows "Arbetsförmedlingen Angered: marknadsområde Väst"
check "affk kontor 80x24: not too small" lacks "för litet"
keys F6 F6
check "affk kontor: filtered to FK" \
    wait_for "Myndighet: ‹ Försäkringskassan ›"
check "affk kontor: no Af office when filtered" \
    eval '! line_has "Arbetsförmedlingen Göteborg" "öppet"'
keys IC
check "affk kontor: Nytt kontor opens" wait_for "Kontorstyp"
check "affk kontor: a new office of the authority listed" \
    shows "Myndighet         : ‹ Försäkringskassan ›"
keys Down "$AH_KONTOR" Down Right Down Right F2
check "affk kontor: created" wait_for "är skapat"
check "affk kontor: in the database" \
    ah_sql_is "SELECT myndighet || ' ' || kontorstyp || ' ' || aktiv
    FROM affk_kontor WHERE namn = '$AH_KONTOR'" "FK FV true"
check "affk kontor: in the list" wait_line_has "$AH_KONTOR" "öppet"
keys Enter
check "affk kontor: Ändra opens" wait_for "Ändra Af/FK-kontor"
keys End " Ny" Down Down Down " " F2
check "affk kontor: renamed and closed" wait_for "och stängt"
check "affk kontor: renamed and closed in the database" \
    ah_sql_is "SELECT aktiv FROM affk_kontor WHERE namn = '$AH_KONTOR Ny'" \
    "f"
check "affk kontor: the list shows it closed" \
    wait_line_has "$AH_KONTOR Ny" "stängt"
keys F10
wait_for "sus avslutades"

db_query "$AH_CLEAN" >/dev/null
check "affk historik: test data removed" \
    ah_sql_is "SELECT count(*) FROM person WHERE personnummer IN $AH_PNRS" 0
