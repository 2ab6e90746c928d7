# The personal-data operator commands, sourced by tests/integ/run after
# the C groups (it provides ok, not_ok, psql_admin, $scratch and
# $alllog): susd gallra, skydda, folkbokforing and registerutdrag against
# the stack's database, on participations made here with SQL.
#
# Each participation is made in one transaction with the audit_person
# rows schema 0008 asks for (session_id NULL, so the count of session
# accesses stays the C tests'). Old ones are in Nordost i arbete, which
# ran 2016-2019, so they ended more than five years ago on any day from
# 2025 on; recent and current ones are in Steget vidare and Hisingens
# arbetsväg. Every stripping must leave the counts reports make over
# deltagande_statistik, the answers and the anonymous counts byte for
# byte as they were. Only official test personnummer.

gal_dir=$scratch/gallring
mkdir -p "$gal_dir"
gal_err=$gal_dir/stderr.log		# what the commands logged
gal_out=$gal_dir/stdout.log		# what they printed, registerutdrag aside
: >"$gal_err"
: >"$gal_out"

gal_old=194502198429		# one participation, ended 2019
gal_both=194706302595		# ended 2018, and one going on now
gal_recent=194803263161		# ended a year ago
gal_two=194902142696		# two, ended 2017 and 2019
gal_skydda=195006262546		# skydda from stdin: ended and current
gal_reg=195107312323		# the register marks it skyddad
gal_fbperson=195308072395	# a register load marks it skyddad
gal_fbnew=195203191852		# new in the register
gal_fbskydd=195303282387	# new in the register, skyddad
gal_fbgood=195609082895		# a good row in a bad file
gal_fbkommun=195503071796	# unknown kommun
gal_fbstadsdel=195607302329	# unknown stadsdel
gal_fbtwice=195405162644	# twice in a file; with the last digit
gal_badcheck=195405162645	# changed, a wrong check digit
gal_all="$gal_old $gal_both $gal_recent $gal_two $gal_skydda $gal_reg
    $gal_fbperson $gal_fbnew $gal_fbskydd $gal_fbgood $gal_fbkommun
    $gal_fbstadsdel $gal_fbtwice"

# Runs susd with the rest as arguments and stdin as given; stdout goes to
# $gal_dir/out (and $gal_out unless $GAL_KEEP_OUT is set), stderr to
# $gal_dir/err and $gal_err.
gal_susd()
{
	local rc

	"$SUSD" -f /dev/null -o database="$STACK_DB_ADMIN" \
	    -o state_dir="$STACK_DIR/state" "$@" >"$gal_dir/out" \
	    2>"$gal_dir/err"
	rc=$?
	cat "$gal_dir/err" >>"$gal_err"
	[ -n "${GAL_KEEP_OUT:-}" ] || cat "$gal_dir/out" >>"$gal_out"
	return $rc
}

# Runs SQL from stdin with the numbers as psql variables.
gal_sql()
{
	psql_admin -v old="$gal_old" -v both="$gal_both" \
	    -v recent="$gal_recent" -v two="$gal_two" -v skydda="$gal_skydda" \
	    -v reg="$gal_reg" -v fbperson="$gal_fbperson" \
	    -v fbnew="$gal_fbnew" -v fbskydd="$gal_fbskydd" \
	    -v fbgood="$gal_fbgood" -f - 2>&1
}

# Checks that the SQL on stdin prints exactly $2; $1 names the check.
gal_is()
{
	local name=$1 want=$2 got

	got=$(gal_sql)
	if [ -n "$want" ] && [ "$got" = "$want" ]; then
		ok "$name"
	else
		not_ok "$name" "want '$want', got '$(echo "$got" | head -n 5 |
		    tr '\n' '|')'"
	fi
}

# What reports can count: every column of deltagande_statistik but the
# id, the answers and the anonymous counts, grouped and counted.
gal_stats()
{
	psql_admin >"$1" 2>&1 <<'SQL'
SELECT insats_id, samverkansorg_id, kon, fodelsear,
    extract(year FROM startdatum)::integer, startdatum, slutdatum,
    avslutsanledning, sysselsattning_fore, sysselsattning_efter,
    utbildningsniva, tid_forsorjning, forsorjning_fore::text,
    forsorjning_efter::text, count(*)
FROM deltagande_statistik GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    13, 14 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14;
SELECT count(*) FROM deltagande;
SELECT fraga_id, tillfalle, alternativ_id, heltal, ja, count(*)
FROM fraga_svar GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;
SELECT insats_id, ar, kon_id, sum(antal) FROM anonym_deltagande
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
SQL
}

# Checks that the report counts equal the first snapshot; $1 names when.
gal_stats_same()
{
	gal_stats "$gal_dir/stats.now"
	if [ ! -s "$gal_dir/stats.0" ]; then
		not_ok "report counts unchanged $1" "no first snapshot"
	elif cmp -s "$gal_dir/stats.0" "$gal_dir/stats.now"; then
		ok "report counts unchanged $1"
	else
		not_ok "report counts unchanged $1" \
		    "$(diff "$gal_dir/stats.0" "$gal_dir/stats.now" | head -n 4 |
		    tr '\n' '|')"
	fi
}

# Checks that file $2 holds none of our numbers in any form (twelve
# digits, ten, with a hyphen) nor anything shaped like one; $1 names it.
gal_no_pnr()
{
	local name=$1 file=$2 p found=""

	for p in $gal_all $gal_badcheck; do
		if grep -qF -e "$p" -e "${p:2}" -e "${p:0:8}-${p:8}" \
		    -e "${p:2:6}-${p:8}" "$file"; then
			found="$found ${p:8}"
		fi
	done
	if [ -n "$found" ]; then
		not_ok "$name" "numbers ending in$found"
	elif grep -qE '(^|[^0-9])([0-9]{2})?[0-9]{6}[-+]?[0-9]{4}([^0-9]|$)' \
	    "$file"; then
		not_ok "$name" "$(grep -m 1 -E \
		    '([0-9]{2})?[0-9]{6}[-+]?[0-9]{4}' "$file")"
	else
		ok "$name"
	fi
}

gal_missing=""
for p in $gal_all; do
	grep -q "^$p;" "$SUS_TEST_DATA/testpersonnummer.csv" ||
	    gal_missing="$gal_missing $p"
done
if [ -n "$gal_missing" ]; then
	not_ok "gallring: only official test personnummer" \
	    "not in the list:$gal_missing"
fi

# --- The participations.

if gal_sql >"$gal_dir/fixture.out" <<'SQL'
-- One participation with what reports keep, its person (made when
-- missing) and the audit_person rows SU063 asks for, all in the calling
-- statement's transaction; answers where the question was asked.
CREATE FUNCTION pg_temp.integ_deltagande(pnr text, namn text, insats text,
    start date, slut date) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	pid	bigint;
	did	bigint;
	iid	integer;
	ansv	integer;
BEGIN
	SELECT id INTO ansv FROM anvandare WHERE username = 'deltagaransv';
	SELECT id INTO iid FROM insats i WHERE i.namn = insats;
	SELECT id INTO pid FROM person WHERE personnummer = pnr;
	IF pid IS NULL THEN
		INSERT INTO person (personnummer, namn, kommunkod)
		    VALUES (pnr, namn, '1480') RETURNING id INTO pid;
		INSERT INTO audit_person (anvandare_id, action, purpose,
		    pnr_hash, person_id, insats_id)
		    VALUES (ansv, 'skriv', 'integ: Registrera deltagare',
		    pnr_hash(pnr), pid, iid);
	END IF;
	INSERT INTO deltagande (insats_id, person_id, kon_id, fodelsear,
	    samtycke, samtycke_datum, registrerad_av, startdatum, slutdatum)
	    VALUES (iid, pid, (SELECT id FROM kod WHERE lista = 'kon' AND kod =
	    CASE WHEN substr(pnr, 11, 1)::integer % 2 = 1 THEN 'M' ELSE 'K'
	    END), substr(pnr, 1, 4)::smallint, true, start, ansv, start, slut)
	    RETURNING id INTO did;
	INSERT INTO audit_person (anvandare_id, action, purpose, pnr_hash,
	    person_id, deltagande_id, insats_id)
	    VALUES (ansv, 'skriv', 'integ: Registrera deltagare',
	    pnr_hash(pnr), pid, did, iid),
	    (ansv, 'las', 'integ: Visa deltagare', pnr_hash(pnr), pid, did,
	    iid);
	INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id,
	    utbildning_id, tid_id, skapad_av)
	    SELECT did, 'in', s.id, u.id, t.id, ansv FROM kod s, kod u, kod t
	    WHERE s.lista = 'sysselsattning' AND s.kod = 'ARBETSSOKANDE'
	    AND u.lista = 'utbildningsniva' AND u.kod = 'GYMN'
	    AND t.lista = 'tid_forsorjning' AND t.kod = 'AR_1_2';
	INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,
	    forsorjning_id)
	    SELECT did, 'in', k.id FROM kod k WHERE k.lista = 'forsorjning'
	    AND k.kod IN ('AKASSA', 'EKONOMISKT_BISTAND');
	INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle, ja)
	    SELECT f.id, did, 'in', false FROM fraga f
	    JOIN insats i ON i.samverkansorg_id = f.samverkansorg_id
	    WHERE i.id = iid AND f.svarstyp = 'janej' AND f.mattillfalle = 'in'
	    AND f.giltig_from <= start
	    AND (f.giltig_tom IS NULL OR f.giltig_tom >= start);
	IF slut IS NOT NULL THEN
		INSERT INTO mattillfalle (deltagande_id, typ,
		    sysselsattning_id, omfattning, avslut_id, skapad_av)
		    SELECT did, 'ut', s.id, 75, a.id, ansv FROM kod s, kod a
		    WHERE s.lista = 'sysselsattning' AND s.kod = 'ARBETE'
		    AND a.lista = 'avslutsanledning' AND a.kod = 'ARBETE';
		INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,
		    forsorjning_id)
		    SELECT did, 'ut', k.id FROM kod k
		    WHERE k.lista = 'forsorjning' AND k.kod = 'INGEN';
		INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle,
		    alternativ_id)
		    SELECT f.id, did, 'ut', a.id FROM fraga f
		    JOIN insats i ON i.samverkansorg_id = f.samverkansorg_id
		    JOIN fraga_alternativ a ON a.fraga_id = f.id
		    AND a.text = 'Ganska nöjd'
		    WHERE i.id = iid AND f.mattillfalle = 'ut'
		    AND f.giltig_from <= slut
		    AND (f.giltig_tom IS NULL OR f.giltig_tom >= slut);
	END IF;
	RETURN did;
END
$$;
SELECT pg_temp.integ_deltagande(:'old', 'Integ Gallras Ett',
    'Nordost i arbete', DATE '2017-02-01', DATE '2019-03-31');
SELECT pg_temp.integ_deltagande(:'both', 'Integ Gammal Pågår',
    'Nordost i arbete', DATE '2016-10-03', DATE '2018-06-29');
SELECT pg_temp.integ_deltagande(:'both', 'Integ Gammal Pågår',
    'Steget vidare', current_date - 200, NULL);
SELECT pg_temp.integ_deltagande(:'recent', 'Integ Nyligen Slut',
    'Steget vidare', current_date - 700, current_date - 400);
SELECT pg_temp.integ_deltagande(:'two', 'Integ Två Gamla',
    'Nordost i arbete', DATE '2016-09-15', DATE '2017-05-31');
SELECT pg_temp.integ_deltagande(:'two', 'Integ Två Gamla',
    'Nordost i arbete', DATE '2018-01-08', DATE '2019-12-20');
SELECT pg_temp.integ_deltagande(:'skydda', 'Integ Skyddas Snart',
    'Steget vidare', current_date - 600, current_date - 300);
SELECT pg_temp.integ_deltagande(:'skydda', 'Integ Skyddas Snart',
    'Hisingens arbetsväg', current_date - 100, NULL);
INSERT INTO folkbokforing (personnummer, namn, kommunkod, skyddad)
    VALUES (:'skydda', 'Integ Skyddas i Registret', '1480', false);
SELECT pg_temp.integ_deltagande(:'reg', 'Integ Registret Skyddar',
    'Hisingens arbetsväg', current_date - 90, NULL);
SELECT pg_temp.integ_deltagande(:'fbperson', 'Integ Laddas Skyddad',
    'Steget vidare', current_date - 300, current_date - 30);
-- A register update that no command has acted on yet.
INSERT INTO folkbokforing (personnummer, namn, kommunkod, skyddad)
    VALUES (:'reg', 'Integ Registret Skyddar', '1480', true);
SQL
then
	ok "gallring: participations made with their audit rows"
else
	not_ok "gallring: participations made with their audit rows" \
	    "$(grep -m 2 -E 'ERROR|error' "$gal_dir/fixture.out")"
fi
# The ids in order: old, both (old, current), recent, two (two), skydda
# (two), reg, fbperson.
read -r -a gal_ids <<<"$(grep -E '^[0-9]+$' "$gal_dir/fixture.out" |
    tr '\n' ' ')"
gal_stats "$gal_dir/stats.0"

# --- susd gallra -n: the same run, rolled back.

# Everything a run could change, in one listing.
gal_state()
{
	psql_admin -c "SELECT id, person_id, avidentifierad,
	    avidentifierad_orsak FROM deltagande ORDER BY id" \
	    -c "SELECT id, personnummer FROM person ORDER BY id" \
	    -c "SELECT count(*) FROM gallring" \
	    -c "SELECT count(*) FROM audit_person" \
	    -c "SELECT personnummer, skyddad FROM folkbokforing ORDER BY 1" \
	    >"$1" 2>&1
}

# What the run must strip, worked out before it from the dates alone:
# ids ended before the cut-off (not skyddad), ids of skyddade persons,
# and the persons left with nothing.
gal_want=$(gal_sql <<'SQL'
SELECT coalesce(string_agg(d.id::text, ',' ORDER BY d.id), '')
FROM deltagande d JOIN person p ON p.id = d.person_id
WHERE d.slutdatum < current_date - interval '5 years'
AND NOT EXISTS (SELECT 1 FROM folkbokforing f
    WHERE f.personnummer = p.personnummer AND f.skyddad);
SQL
)
gal_want_n=$(echo "$gal_want" | tr ',' '\n' | grep -c .)
gal_want_skyddad=$(gal_sql <<'SQL'
SELECT coalesce(string_agg(d.id::text, ',' ORDER BY d.id), '')
FROM deltagande d JOIN person p ON p.id = d.person_id
JOIN folkbokforing f ON f.personnummer = p.personnummer AND f.skyddad;
SQL
)
gal_want_persons=$(psql_admin -c "SELECT count(*) FROM person p
    WHERE NOT EXISTS (SELECT 1 FROM folkbokforing f
    WHERE f.personnummer = p.personnummer AND f.skyddad)
    AND NOT EXISTS (SELECT 1 FROM deltagande d WHERE d.person_id = p.id
    AND (d.slutdatum IS NULL
    OR d.slutdatum >= current_date - interval '5 years'))" 2>&1)

# The test means something only if ours are on the right side of it.
gal_bad_due=""
for i in 0 1 4 5; do
	echo ",$gal_want," | grep -q ",${gal_ids[$i]:-x}," ||
	    gal_bad_due="$gal_bad_due ${gal_ids[$i]:-none}"
done
for i in 2 3 6 7 8 9; do
	echo ",$gal_want," | grep -q ",${gal_ids[$i]:-x}," &&
	    gal_bad_due="$gal_bad_due ${gal_ids[$i]}"
done
if [ ${#gal_ids[@]} -ne 10 ] || [ -n "$gal_bad_due" ]; then
	not_ok "gallring: four of our participations are due, six not" \
	    "${#gal_ids[@]} made; wrong:$gal_bad_due"
else
	ok "gallring: four of our participations are due, six not"
fi

gal_state "$gal_dir/state.before"
if gal_susd gallra -n; then
	gal_state "$gal_dir/state.after"
	if ! cmp -s "$gal_dir/state.before" "$gal_dir/state.after"; then
		not_ok "gallra -n changes nothing" "$(diff \
		    "$gal_dir/state.before" "$gal_dir/state.after" |
		    head -n 4 | tr '\n' '|')"
	elif ! grep -q "^Gallring: $gal_want_n deltaganden\? skulle" \
	    "$gal_dir/out"; then
		not_ok "gallra -n changes nothing" "no count $gal_want_n: $(head \
		    -n 3 "$gal_dir/out" | tr '\n' '|')"
	elif ! grep -q "Provkörning" "$gal_dir/out"; then
		not_ok "gallra -n changes nothing" "does not say it was a trial"
	else
		ok "gallra -n reports $gal_want_n participations and changes nothing"
	fi
else
	not_ok "gallra -n changes nothing" "status $?: $(tail -n 2 \
	    "$gal_dir/err")"
fi

# -a and gallring_ar move the cut-off: a year back takes the recent one.
gal_susd gallra -n -a 1
gal_a1=$(sed -n 's/^Gallring: \([0-9]*\) .*/\1/p' "$gal_dir/out")
gal_susd -o gallring_ar=1 gallra -n
gal_c1=$(sed -n 's/^Gallring: \([0-9]*\) .*/\1/p' "$gal_dir/out")
gal_state "$gal_dir/state.after"
if [ -z "$gal_a1" ] || [ "$gal_a1" -le "$gal_want_n" ]; then
	not_ok "gallra -n -a 1 reaches further back than five years" \
	    "$gal_a1 against $gal_want_n"
elif [ "$gal_c1" != "$gal_a1" ]; then
	not_ok "gallring_ar = 1 counts as -a 1" "$gal_c1 against $gal_a1"
elif ! cmp -s "$gal_dir/state.before" "$gal_dir/state.after"; then
	not_ok "gallra -n -a 1 reaches further back than five years" \
	    "a dry run changed something"
else
	ok "gallra -a and gallring_ar set the cut-off ($gal_a1 against $gal_want_n)"
fi
if gal_susd gallra -a 0 || ! grep -q "1 till 100" "$gal_dir/err"; then
	not_ok "gallra -a 0 is refused" "$(tail -n 1 "$gal_dir/err")"
else
	ok "gallra -a 0 is refused"
fi

# --- susd gallra.

gal_runs=$(psql_admin -c "SELECT coalesce(max(id), 0) FROM gallring" 2>&1)
if gal_susd gallra; then
	ok "gallra runs"
else
	not_ok "gallra runs" "status $?: $(tail -n 2 "$gal_dir/err")"
fi
gal_is "gallra strips exactly the participations ended before the cut-off" \
    "$gal_want|$gal_want_n" <<SQL
SELECT array_to_string(deltaganden, ','), antal_deltaganden FROM gallring
WHERE orsak = 'gallring' AND id > $gal_runs
AND grans = current_date - interval '5 years';
SQL
gal_is "gallra leaves the recent and current participations" \
    "${gal_ids[2]}|true ${gal_ids[3]}|true" <<SQL
SELECT string_agg(id || '|' || (person_id IS NOT NULL), ' ' ORDER BY id)
FROM deltagande WHERE id IN (${gal_ids[2]:-0}, ${gal_ids[3]:-0});
SQL
gal_is "the stripped keep no person and say why" "$gal_want_n" <<SQL
SELECT count(*) FROM deltagande WHERE id IN ($gal_want)
AND person_id IS NULL AND avidentifierad_orsak = 'gallring'
AND avidentifierad IS NOT NULL;
SQL
gal_is "gallra deletes the persons left with nothing, keeps the current" \
    "false|true|true|false" <<'SQL'
SELECT string_agg((EXISTS (SELECT 1 FROM person
    WHERE personnummer = v.pnr))::text, '|' ORDER BY v.n)
FROM (VALUES (1, :'old'), (2, :'both'), (3, :'recent'), (4, :'two'))
    AS v(n, pnr);
SQL
gal_is "the gallring row counts the persons deleted" \
    "$gal_want_persons" <<SQL
SELECT antal_personer FROM gallring WHERE orsak = 'gallring'
AND id > $gal_runs;
SQL
gal_printed=$(sed -n 's/^Gallring: \([0-9]*\) deltagande.* \([0-9]*\) person\(er\)\{0,1\} togs bort.*/\1|\2/p' "$gal_dir/out")
gal_is "gallra prints what the gallring row holds" "$gal_printed" <<SQL
SELECT antal_deltaganden || '|' || antal_personer FROM gallring
WHERE orsak = 'gallring' AND utford_av LIKE 'susd gallra (%)'
AND id > $gal_runs;
SQL
gal_is "one audit row per participation stripped, with the hash" \
    "$gal_want_n|4" <<SQL
SELECT count(*), count(*) FILTER (WHERE a.pnr_hash = pnr_hash(v.pnr))
FROM audit_person a LEFT JOIN (VALUES (${gal_ids[0]:-0}::bigint, :'old'),
    (${gal_ids[1]:-0}, :'both'), (${gal_ids[4]:-0}, :'two'),
    (${gal_ids[5]:-0}, :'two')) AS v(id, pnr) ON v.id = a.deltagande_id
WHERE a.action = 'gallra' AND a.purpose = 'susd gallra'
AND a.anvandare_id IS NULL AND a.session_id IS NULL
AND a.deltagande_id IN ($gal_want);
SQL
gal_is "gallra strips the persons the register marks skyddad" \
    "$gal_want_skyddad|skyddad|f" <<SQL
SELECT array_to_string(g.deltaganden, ','), string_agg(DISTINCT
    d.avidentifierad_orsak, ','), EXISTS (SELECT 1 FROM person
    WHERE personnummer = :'reg')
FROM gallring g JOIN deltagande d ON d.id = ANY (g.deltaganden)
WHERE g.orsak = 'skyddad' AND g.utford_av LIKE 'susd gallra (%'
AND g.id > $gal_runs GROUP BY g.id;
SQL
gal_stats_same "after gallra"

gal_runs=$(psql_admin -c "SELECT coalesce(max(id), 0) FROM gallring" 2>&1)
gal_susd gallra
gal_is "a run that strips nothing is recorded too" "gallring|0|0|1" <<SQL
SELECT orsak, antal_deltaganden, antal_personer, count(*) OVER ()
FROM gallring WHERE id > $gal_runs;
SQL

# --- susd skydda.

gal_skydda_ids=$(psql_admin -c "SELECT string_agg(d.id::text, ','
    ORDER BY d.id) FROM deltagande d JOIN person p ON p.id = d.person_id
    WHERE p.personnummer IN ('$gal_skydda', '$gal_recent')" 2>&1)
if gal_susd skydda "$gal_recent" </dev/null; then
	not_ok "skydda takes no personnummer from the command line" \
	    "it ran"
elif ! grep -q "aldrig från kommandoraden" "$gal_dir/err"; then
	not_ok "skydda takes no personnummer from the command line" \
	    "$(tail -n 1 "$gal_dir/err")"
else
	ok "skydda takes no personnummer from the command line"
fi
printf '%s\n%s-%s\n' "$gal_recent" "${gal_badcheck:0:8}" \
    "${gal_badcheck:8}" | gal_susd skydda
gal_rc=$?
if [ $gal_rc -eq 0 ] || ! grep -q "rad 2" "$gal_dir/err" ||
    ! grep -q "kontrollsiffra" "$gal_dir/err"; then
	not_ok "skydda with a bad line changes nothing" \
	    "status $gal_rc: $(head -n 2 "$gal_dir/err" | tr '\n' '|')"
elif [ "$(psql_admin -c "SELECT count(*) FROM person
    WHERE personnummer = '$gal_recent'")" != 1 ]; then
	not_ok "skydda with a bad line changes nothing" \
	    "the good line's person was stripped"
else
	ok "skydda with a bad line names it and changes nothing"
fi

# One number the register knows (unflagged), one only a participant's
# row knows, one sus does not know at all.
printf '# anmälan från Skatteverket\n\n%s-%s\n%s\n%s\n' \
    "${gal_skydda:0:8}" "${gal_skydda:8}" "${gal_recent:2}" "$gal_fbgood" |
    gal_susd skydda
gal_rc=$?
if [ $gal_rc -ne 0 ]; then
	not_ok "skydda runs" "status $gal_rc: $(tail -n 2 "$gal_dir/err")"
elif ! grep -q "^3 personnummer lästes: 2 markerades som skyddade i \
folkbokföringen, 0 var redan markerade, 1 finns inte i sus" "$gal_dir/out" ||
    ! grep -q "3 deltaganden avidentifierades, 2 personer togs bort" \
    "$gal_dir/out"; then
	not_ok "skydda prints what it did" "$(tr '\n' '|' <"$gal_dir/out")"
elif ! grep -q "rad 5: \*\{8\}-${gal_fbgood:8} finns varken" "$gal_dir/err"
then
	not_ok "skydda prints what it did" \
	    "the unknown number is not named by its line: $(tr '\n' '|' \
	    <"$gal_dir/err")"
else
	ok "skydda prints what it did, the unknown number masked"
fi
gal_is "skydda strips every participation of the persons" \
    "3|skyddad|f|f" <<SQL
SELECT count(*), string_agg(DISTINCT avidentifierad_orsak, ','),
    EXISTS (SELECT 1 FROM person WHERE personnummer IN (:'skydda',
    :'recent')), EXISTS (SELECT 1 FROM folkbokforing
    WHERE personnummer = :'fbgood')
FROM deltagande WHERE id IN (${gal_skydda_ids:-0}) AND person_id IS NULL;
SQL
gal_is "skydda writes a gallring row and an audit row per participation" \
    "skyddad|3|2|$gal_skydda_ids|3" <<SQL
SELECT g.orsak, g.antal_deltaganden, g.antal_personer,
    array_to_string(g.deltaganden, ','), (SELECT count(*)
    FROM audit_person a JOIN (VALUES (${gal_ids[3]:-0}::bigint, :'recent'),
    (${gal_ids[6]:-0}, :'skydda'), (${gal_ids[7]:-0}, :'skydda'))
    AS v(id, pnr) ON v.id = a.deltagande_id
    WHERE a.action = 'avidentifiera' AND a.purpose = 'susd skydda'
    AND a.anvandare_id IS NULL AND a.session_id IS NULL
    AND a.pnr_hash = pnr_hash(v.pnr))
FROM gallring g WHERE g.id = (SELECT max(id) FROM gallring)
AND g.utford_av LIKE 'susd skydda (%)';
SQL
gal_is "the numbers are left only in the register, flagged" \
    "0|0|Integ Skyddas i Registret|true|Integ Nyligen Slut|true" <<'SQL'
SELECT (SELECT count(*) FROM person WHERE personnummer IN (:'skydda',
    :'recent')),
    (SELECT count(*) FROM deltagande d JOIN person p ON p.id = d.person_id
    WHERE p.personnummer IN (:'skydda', :'recent')),
    (SELECT string_agg(namn || '|' || skyddad, '|' ORDER BY personnummer
    DESC) FROM folkbokforing WHERE personnummer IN (:'skydda', :'recent'));
SQL
gal_stats_same "after skydda"

# --- susd registerutdrag.

printf '%s\n' "$gal_both" | GAL_KEEP_OUT=1 gal_susd registerutdrag
gal_rc=$?
cp "$gal_dir/out" "$gal_dir/utdrag-both.txt"
gal_miss=""
for w in "Integ Gammal Pågår" "${gal_both:0:8}-${gal_both:8}" \
    "Steget vidare (Samordningsförbundet Göteborg)" \
    "Åtkomsthistorik" "deltagaransv" "läsning" "integ: Visa deltagare" \
    "Arbetslöshetsersättning" "1 deltagande har avidentifierats"; do
	grep -qF "$w" "$gal_dir/out" || gal_miss="$gal_miss [$w]"
done
if ! grep -E "gallring +susd gallra +Nordost i arbete" "$gal_dir/out" \
    >/dev/null; then
	gal_miss="$gal_miss [the gallring of the old participation]"
fi
if [ $gal_rc -ne 0 ] || [ -n "$gal_miss" ]; then
	not_ok "registerutdrag shows the person, participations and history" \
	    "status $gal_rc, missing:$gal_miss"
else
	ok "registerutdrag shows the person, participations and history"
fi
gal_is "registerutdrag is recorded as an access" "1" <<'SQL'
SELECT count(*) FROM audit_person a JOIN person p ON p.id = a.person_id
WHERE a.action = 'utdrag' AND a.purpose = 'susd registerutdrag'
AND p.personnummer = :'both' AND a.pnr_hash = pnr_hash(:'both');
SQL

# A person whose data has gone: the history still answers, by the hash.
printf '%s\n' "${gal_old:2}" | GAL_KEEP_OUT=1 gal_susd registerutdrag
gal_rc=$?
if [ $gal_rc -ne 0 ] ||
    ! grep -q "inte registrerad som deltagare" "$gal_dir/out" ||
    ! grep -qE "registrering +integ: Registrera deltagare +Nordost" \
    "$gal_dir/out" ||
    ! grep -qE "gallring +susd gallra +Nordost i arbete" "$gal_dir/out"
then
	not_ok "registerutdrag after gallring shows the history before it" \
	    "status $gal_rc: $(sed -n '/^Åtkomsthistorik/,$p' \
	    "$gal_dir/out" | head -n 6 | tr '\n' '|')"
else
	ok "registerutdrag after gallring shows the history before it"
fi

# A number the C tests worked with through sessions, if any: every one of
# its audit rows is in the history.
gal_sess=$(psql_admin -v list="{$(tail -n +2 \
    "$SUS_TEST_DATA/testpersonnummer.csv" | cut -d';' -f1 |
    paste -sd,)}" -f - 2>&1 <<'SQL'
SELECT t.pnr FROM unnest(:'list'::text[]) AS t(pnr)
WHERE EXISTS (SELECT 1 FROM audit_person a
    WHERE a.pnr_hash = pnr_hash(t.pnr) AND a.session_id IS NOT NULL)
ORDER BY t.pnr LIMIT 1;
SQL
)
if ! echo "$gal_sess" | grep -qE '^[0-9]{12}$'; then
	echo "# skip: no session has touched a test personnummer yet"
else
	gal_n=$(psql_admin -c "SELECT count(*) FROM audit_person a
	    WHERE a.pnr_hash = pnr_hash('$gal_sess') OR a.person_id =
	    (SELECT id FROM person WHERE personnummer = '$gal_sess')")
	printf '%s\n' "$gal_sess" | GAL_KEEP_OUT=1 gal_susd registerutdrag
	gal_rows=$(sed -n '/^Åtkomsthistorik/,/^$/p' "$gal_dir/out" |
	    grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2} ')
	if [ "$gal_rows" = "$gal_n" ]; then
		ok "registerutdrag lists the $gal_n accesses the C tests made"
	else
		not_ok "registerutdrag lists the accesses the C tests made" \
		    "$gal_rows lines for $gal_n audit rows"
	fi
fi

# --- susd folkbokforing.

# A BOM, CRLF, a quoted name with ';', any accepted form, a stadsdel in
# another case; the third row's person is registered in sus.
{
	printf '\357\273\277personnummer;namn;kommunkod;stadsdel;skyddad\r\n'
	printf '%s;Integ Ny i Registret;1480;Nordost;nej\r\n' "$gal_fbnew"
	printf '%s;"Integ; Skyddad";1480;;ja\r\n' "${gal_fbskydd:2}"
	printf '%s-%s;Integ Laddas Skyddad;1480;hisingen;1\r\n' \
	    "${gal_fbperson:0:8}" "${gal_fbperson:8}"
} >"$gal_dir/good.csv"
gal_fbp_ids=$(psql_admin -c "SELECT string_agg(d.id::text, ','
    ORDER BY d.id) FROM deltagande d JOIN person p ON p.id = d.person_id
    WHERE p.personnummer = '$gal_fbperson'" 2>&1)
if gal_susd folkbokforing "$gal_dir/good.csv" &&
    grep -q "3 rader lästa, 3 nya, 0 ändrade, 0 oförändrade" \
    "$gal_dir/out"; then
	ok "folkbokforing loads a good file"
else
	not_ok "folkbokforing loads a good file" "$(cat "$gal_dir/out" \
	    "$gal_dir/err" | head -n 3 | tr '\n' '|')"
fi
gal_is "the register rows hold what the file said" \
    "Integ Ny i Registret|Nordost|false Integ; Skyddad||true Integ Laddas Skyddad|Hisingen|true" <<'SQL'
SELECT string_agg(f.namn || '|' || coalesce(s.namn, '') || '|' || f.skyddad,
    ' ' ORDER BY v.n)
FROM (VALUES (1, :'fbnew'), (2, :'fbskydd'), (3, :'fbperson')) AS v(n, pnr)
JOIN folkbokforing f ON f.personnummer = v.pnr
LEFT JOIN stadsdel s ON s.id = f.stadsdel_id;
SQL
gal_is "a load that marks a participant skyddad strips at once" \
    "skyddad|f|$gal_fbp_ids" <<SQL
SELECT string_agg(DISTINCT d.avidentifierad_orsak, ','),
    EXISTS (SELECT 1 FROM person WHERE personnummer = :'fbperson'),
    (SELECT array_to_string(deltaganden, ',') FROM gallring
    WHERE id = (SELECT max(id) FROM gallring) AND orsak = 'skyddad'
    AND utford_av LIKE 'susd folkbokforing (%)')
FROM deltagande d WHERE d.id IN (${gal_fbp_ids:-0});
SQL
gal_stats_same "after folkbokforing"
sed -i 's/Integ Ny i Registret/Integ Ändrad i Registret/' "$gal_dir/good.csv"
if gal_susd folkbokforing "$gal_dir/good.csv" &&
    grep -q "3 rader lästa, 0 nya, 1 ändrad, 2 oförändrade" \
    "$gal_dir/out"; then
	ok "folkbokforing again updates the changed row only"
else
	not_ok "folkbokforing again updates the changed row only" \
	    "$(cat "$gal_dir/out" "$gal_dir/err" | head -n 3 | tr '\n' '|')"
fi

# Bad files: one the loader refuses by itself, two only the database can
# (kommun and a number twice; a stadsdel, which alone would not stop the
# upsert). Each has a good row first.
gal_bad1=$gal_dir/bad1.csv
gal_bad2=$gal_dir/bad2.csv
gal_bad3=$gal_dir/bad3.csv
{
	echo "personnummer;namn;kommunkod;stadsdel;skyddad"
	echo "$gal_fbgood;Integ Bra Rad;1480;Centrum;nej"
	echo "$gal_badcheck;Integ Fel Kontrollsiffra;1480;;nej"
	echo "$gal_fbtwice;Integ Utan Skyddad;1480;"
} >"$gal_bad1"
{
	echo "personnummer;namn;kommunkod;stadsdel;skyddad"
	echo "$gal_fbgood;Integ Bra Rad;1480;Centrum;nej"
	echo "$gal_fbkommun;Integ Fel Kommun;9999;;nej"
	echo "$gal_fbtwice;Integ Två Gånger;1480;;nej"
	echo "${gal_fbtwice:2};Integ Två Gånger;1480;;nej"
} >"$gal_bad2"
{
	echo "personnummer;namn;kommunkod;stadsdel;skyddad"
	echo "$gal_fbgood;Integ Bra Rad;1480;Centrum;nej"
	echo "$gal_fbstadsdel;Integ Fel Stadsdel;1480;Södermalm;nej"
} >"$gal_bad3"
gal_fbcount=$(psql_admin -c "SELECT count(*), max(uppdaterad)
    FROM folkbokforing" 2>&1)
gal_susd folkbokforing "$gal_bad1"
gal_rc=$?
gal_why=""
grep -q "rad 3, kolumn personnummer: .*kontrollsiffra (\*\{8\}-2645)" \
    "$gal_dir/err" || gal_why="$gal_why [rad 3]"
grep -q "rad 4: raden har 4 fält" "$gal_dir/err" || gal_why="$gal_why [rad 4]"
grep -q "inget har sparats" "$gal_dir/err" || gal_why="$gal_why [sparats]"
cp "$gal_dir/err" "$gal_dir/bad.err"
gal_susd folkbokforing "$gal_bad2"
gal_rc2=$?
grep -q "rad 3, kolumn kommunkod: kommunkoden 9999 finns inte" \
    "$gal_dir/err" || gal_why="$gal_why [rad 3 kommun]"
grep -q "rad 5, kolumn personnummer: samma personnummer som rad 4" \
    "$gal_dir/err" || gal_why="$gal_why [rad 5]"
cat "$gal_dir/err" >>"$gal_dir/bad.err"
gal_susd folkbokforing "$gal_bad3"
gal_rc3=$?
grep -q "rad 3, kolumn stadsdel: stadsdelen finns inte i kommunen 1480" \
    "$gal_dir/err" || gal_why="$gal_why [rad 3 stadsdel]"
cat "$gal_dir/err" >>"$gal_dir/bad.err"
if [ $gal_rc -eq 0 ] || [ $gal_rc2 -eq 0 ] || [ $gal_rc3 -eq 0 ] ||
    [ -n "$gal_why" ]; then
	not_ok "folkbokforing refuses bad files by row and column" \
	    "status $gal_rc/$gal_rc2/$gal_rc3, missing:$gal_why"
elif [ "$(psql_admin -c "SELECT count(*), max(uppdaterad)
    FROM folkbokforing" 2>&1)" != "$gal_fbcount" ]; then
	not_ok "folkbokforing refuses bad files by row and column" \
	    "something was stored"
else
	ok "folkbokforing refuses bad files by row and column, storing nothing"
fi
gal_no_pnr "folkbokforing's refusals show no personnummer" "$gal_dir/bad.err"

# --- What the commands logged and printed.

gal_no_pnr "the operator commands log no personnummer" "$gal_err"
gal_no_pnr "gallra, skydda and folkbokforing print no personnummer" \
    "$gal_out"
cat "$gal_err" >>"$alllog"
