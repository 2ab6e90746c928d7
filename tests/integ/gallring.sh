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
# arbetsväg. Af/FK ärenden (schema 0010) are made the same way on the
# demo's Göteborg offices, old ones ended in 2018-2019. Every stripping
# must leave the counts reports make over deltagande_statistik and
# affk_statistik, the answers and the anonymous counts byte for byte as
# they were. Only official test personnummer.

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
gal_af_old=200302032396		# an Af/FK ärende, ended 2019
gal_af_mixed=200404232399	# one ended 2018, and one going on now
gal_af_delt=200405042383	# a participation ended 2019, an ärende now
gal_af_skydda=201304092396	# skydda from stdin: an open ärende only
gal_af_reg=201403272386		# the register marks it skyddad: an ärende
gal_af_fb=201404232397		# a register load marks it skyddad
gal_all="$gal_old $gal_both $gal_recent $gal_two $gal_skydda $gal_reg
    $gal_fbperson $gal_fbnew $gal_fbskydd $gal_fbgood $gal_fbkommun
    $gal_fbstadsdel $gal_fbtwice $gal_af_old $gal_af_mixed $gal_af_delt
    $gal_af_skydda $gal_af_reg $gal_af_fb"

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
	    -v fbgood="$gal_fbgood" -v afold="$gal_af_old" \
	    -v afmixed="$gal_af_mixed" -v afdelt="$gal_af_delt" \
	    -v afskydda="$gal_af_skydda" -v afreg="$gal_af_reg" \
	    -v affb="$gal_af_fb" -f - 2>&1
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
SELECT initierad_av, kon, fodelsear, kommunkod, arende_start, arende_slut,
    insatstyp, slag, startdatum, slutdatum, af_kontor_id, fk_kontor_id,
    myndighet, count(*)
FROM affk_statistik GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13;
SELECT count(*) FROM affk_arende;
SELECT fraga_id, svar_id, count(*) FROM affk_svar GROUP BY 1, 2 ORDER BY 1, 2;
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

-- One Af/FK ärende on the demo's Göteborg offices with its steps (each
-- registered by the authority affk_overgang names, as afhandl or
-- fkhandl), the answers STEG:FRAGA:KOD, its person (made when missing)
-- and the audit_person rows SU063 asks for, all in the calling
-- statement's transaction. Prints no bare number: the ids above are read
-- from the output.
CREATE FUNCTION pg_temp.integ_arende(pnr text, pnamn text, steg text[],
    dag date[], svar text[]) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	pid	bigint;
	aid	bigint;
	per	bigint;
	afh	integer;
	fkh	integer;
	typ	integer;
	prev	integer;
	myn	text;
	ins	integer;
	i	integer;
BEGIN
	SELECT id INTO afh FROM anvandare WHERE username = 'afhandl';
	SELECT id INTO fkh FROM anvandare WHERE username = 'fkhandl';
	SELECT insats_id INTO ins FROM affk_kontor
	    WHERE namn = 'Försäkringskassan Göteborg';
	SELECT id INTO pid FROM person WHERE personnummer = pnr;
	IF pid IS NULL THEN
		INSERT INTO person (personnummer, namn, kommunkod)
		    VALUES (pnr, pnamn, '1480') RETURNING id INTO pid;
		INSERT INTO audit_person (anvandare_id, action, purpose,
		    pnr_hash, person_id, insats_id)
		    VALUES (fkh, 'skriv', 'integ: Registrera medverkan',
		    pnr_hash(pnr), pid, ins);
	END IF;
	INSERT INTO affk_arende (person_id, kon_id, fodelsear, kommunkod,
	    initierad_av, samtycke, samtycke_datum, af_kontor_id,
	    fk_kontor_id, startdatum, registrerad_av)
	    SELECT pid, (SELECT id FROM kod WHERE lista = 'kon' AND kod =
	    CASE WHEN substr(pnr, 11, 1)::integer % 2 = 1 THEN 'M' ELSE 'K'
	    END), substr(pnr, 1, 4)::smallint, '1480', 'FK', true, dag[1],
	    (SELECT id FROM affk_kontor
	    WHERE namn = 'Arbetsförmedlingen Göteborg'),
	    (SELECT id FROM affk_kontor
	    WHERE namn = 'Försäkringskassan Göteborg'), dag[1], fkh
	    RETURNING id INTO aid;
	INSERT INTO audit_person (anvandare_id, action, purpose, pnr_hash,
	    person_id, arende_id, insats_id)
	    VALUES (fkh, 'skriv', 'integ: Registrera medverkan',
	    pnr_hash(pnr), pid, aid, ins),
	    (fkh, 'las', 'integ: Visa deltagare', pnr_hash(pnr), pid, aid,
	    ins);
	FOR i IN 1 .. array_length(steg, 1) LOOP
		SELECT id INTO typ FROM kod WHERE lista = 'affk_insatstyp'
		    AND kod = steg[i];
		SELECT o.myndighet INTO myn FROM affk_overgang o
		    WHERE o.fran_id IS NOT DISTINCT FROM prev
		    AND o.till_id = typ;
		INSERT INTO affk_period (arende_id, insatstyp_id, startdatum,
		    myndighet, registrerad_av)
		    VALUES (aid, typ, dag[i], myn, CASE myn WHEN 'AF' THEN afh
		    ELSE fkh END) RETURNING id INTO per;
		INSERT INTO affk_svar (period_id, fraga_id, svar_lista, svar_id)
		    SELECT per, f.id, f.lista, k.id FROM unnest(svar) AS s(t)
		    JOIN affk_fraga f ON f.insatstyp_id = typ
		    AND f.kod = split_part(s.t, ':', 2)
		    JOIN kod k ON k.lista = f.lista
		    AND k.kod = split_part(s.t, ':', 3)
		    WHERE split_part(s.t, ':', 1) = steg[i];
		prev := typ;
	END LOOP;
	RETURN 'ärende ' || aid;
END
$$;
SELECT pg_temp.integ_arende(:'afold', 'Integ Af Gallras',
    ARRAY['GK', 'KONSULTATIVT_STOD', 'AVSLUTAT'],
    ARRAY[DATE '2016-03-01', DATE '2016-09-05', DATE '2019-05-31'],
    ARRAY['GK:INSKRIVEN_AF_FORE:NEJ', 'GK:FORSORJNING_FORE:SJUKPENNING',
    'AVSLUTAT:INSKRIVEN_AF_EFTER:JA', 'AVSLUTAT:ARBETAR_EFTER:JA',
    'AVSLUTAT:TYP_AV_ARBETE:EGET_FORETAG', 'AVSLUTAT:STUDERAR_EFTER:NEJ']);
SELECT pg_temp.integ_arende(:'afmixed', 'Integ Af Återkommer',
    ARRAY['BEGARAN_GK', 'GK', 'AVBRUTET'],
    ARRAY[DATE '2017-01-09', DATE '2017-02-06', DATE '2018-04-30'],
    ARRAY['AVBRUTET:ORSAK:EGET_AVBROTT']);
SELECT pg_temp.integ_arende(:'afmixed', 'Integ Af Återkommer',
    ARRAY['GK', 'PLANERAD_ARBETSLIV', 'ARBETSLIVSINRIKTADE'],
    ARRAY[current_date - 250, current_date - 150, current_date - 90],
    ARRAY['GK:INSKRIVEN_AF_FORE:JA', 'GK:FORSORJNING_FORE:AKTIVITETSSTOD']);
SELECT 'deltagande ' || pg_temp.integ_deltagande(:'afdelt',
    'Integ Af Deltog', 'Nordost i arbete', DATE '2017-03-01',
    DATE '2019-02-28');
SELECT pg_temp.integ_arende(:'afdelt', 'Integ Af Deltog', ARRAY['GK'],
    ARRAY[current_date - 60], ARRAY[]::text[]);
SELECT pg_temp.integ_arende(:'afskydda', 'Integ Af Skyddas Snart',
    ARRAY['BEGARAN_GK', 'GK'], ARRAY[current_date - 40, current_date - 20],
    ARRAY['BEGARAN_GK:INSKRIVEN_AF_FORE:NEJ']);
SELECT pg_temp.integ_arende(:'afreg', 'Integ Af Registret Skyddar',
    ARRAY['GK'], ARRAY[current_date - 30], ARRAY[]::text[]);
SELECT pg_temp.integ_arende(:'affb', 'Integ Af Laddas Skyddad',
    ARRAY['BEGARAN_GK'], ARRAY[current_date - 10], ARRAY[]::text[]);
INSERT INTO folkbokforing (personnummer, namn, kommunkod, skyddad)
    VALUES (:'afreg', 'Integ Af Registret Skyddar', '1480', true);
SQL
then
	ok "gallring: participations made with their audit rows"
else
	not_ok "gallring: participations made with their audit rows" \
	    "$(grep -m 2 -E 'ERROR|error' "$gal_dir/fixture.out")"
fi
if [ "$(grep -c '^ärende [0-9]*$' "$gal_dir/fixture.out")" = 7 ]; then
	ok "gallring: seven Af/FK ärenden made with their audit rows"
else
	not_ok "gallring: seven Af/FK ärenden made with their audit rows" \
	    "$(grep -m 2 -E 'ERROR|ärende' "$gal_dir/fixture.out" |
	    tr '\n' '|')"
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
	    -c "SELECT id, person_id, avidentifierad, avidentifierad_orsak
	    FROM affk_arende ORDER BY id" \
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
    OR d.slutdatum >= current_date - interval '5 years'))
    AND NOT EXISTS (SELECT 1 FROM affk_arende a WHERE a.person_id = p.id
    AND (a.slutdatum IS NULL
    OR a.slutdatum >= current_date - interval '5 years'))" 2>&1)
# The same for the Af/FK ärenden: those ended before the cut-off, and
# those of skyddade persons.
gal_want_ar=$(gal_sql <<'SQL'
SELECT coalesce(string_agg(a.id::text, ',' ORDER BY a.id), '')
FROM affk_arende a JOIN person p ON p.id = a.person_id
WHERE a.slutdatum < current_date - interval '5 years'
AND NOT EXISTS (SELECT 1 FROM folkbokforing f
    WHERE f.personnummer = p.personnummer AND f.skyddad);
SQL
)
gal_want_ar_n=$(echo "$gal_want_ar" | tr ',' '\n' | grep -c .)
gal_want_ar_skyddad=$(gal_sql <<'SQL'
SELECT coalesce(string_agg(a.id::text, ',' ORDER BY a.id), '')
FROM affk_arende a JOIN person p ON p.id = a.person_id
JOIN folkbokforing f ON f.personnummer = p.personnummer AND f.skyddad;
SQL
)
# Ours: the ended ones of afold and afmixed are due; afmixed's, afdelt's
# and the others' current ones are not.
gal_ar_ids=$(gal_sql <<'SQL'
SELECT string_agg(a.id::text, ' ' ORDER BY v.n, a.startdatum)
FROM (VALUES (1, :'afold'), (2, :'afmixed'), (3, :'afdelt'),
    (4, :'afskydda'), (5, :'afreg'), (6, :'affb')) AS v(n, pnr)
JOIN person p ON p.personnummer = v.pnr
JOIN affk_arende a ON a.person_id = p.id;
SQL
)
read -r -a gal_ar <<<"$gal_ar_ids"
gal_bad_due=""
for i in 0 1; do
	echo ",$gal_want_ar," | grep -q ",${gal_ar[$i]:-x}," ||
	    gal_bad_due="$gal_bad_due ${gal_ar[$i]:-none}"
done
for i in 2 3 4 5 6; do
	echo ",$gal_want_ar," | grep -q ",${gal_ar[$i]:-x}," &&
	    gal_bad_due="$gal_bad_due ${gal_ar[$i]}"
done
if [ ${#gal_ar[@]} -ne 7 ] || [ -n "$gal_bad_due" ] ||
    [ "$gal_want_ar_skyddad" != "${gal_ar[5]:-x}" ]; then
	not_ok "gallring: two of our ärenden are due, one skyddad, four not" \
	    "${#gal_ar[@]} made; wrong:$gal_bad_due; skyddad $gal_want_ar_skyddad"
else
	ok "gallring: two of our ärenden are due, one skyddad, four not"
fi

# Before any stripping: the extract lists the ended ärende with every
# step and the ending's answers.
printf '%s\n' "$gal_af_old" | GAL_KEEP_OUT=1 gal_susd registerutdrag
gal_rc=$?
cp "$gal_dir/out" "$gal_dir/utdrag-afold.txt"
gal_miss=""
for w in "Ärenden i Af/FK-samarbetet" \
    "1. Arbetsförmedlingen Göteborg och Försäkringskassan Göteborg" \
    "Startdatum: 2016-03-01" "Slutdatum: 2019-05-31" \
    "Initierat av: Försäkringskassan" "Registrerat av: fkhandl" \
    "Steg: Gemensam kartläggning, 2016-03-01 till 2016-09-04 (registrerat av Försäkringskassan, fkhandl)" \
    "Steg: Konsultativt stöd, 2016-09-05 till 2019-05-30" \
    "Steg: Avslutat samarbete, 2019-05-31 (registrerat av Försäkringskassan" \
    "Försörjning före samarbetet: Sjukpenning" \
    "Arbetar direkt efter samarbetet: Ja" "Typ av arbete: Eget företag" \
    "Inga deltaganden är knutna till personen."; do
	grep -qF "$w" "$gal_dir/out" || gal_miss="$gal_miss [$w]"
done
if ! grep -qE "läsning +integ: Visa deltagare +Försäkringskassan Göteborg" \
    "$gal_dir/out"; then
	gal_miss="$gal_miss [the reading on the FK office]"
fi
if [ $gal_rc -ne 0 ] || [ -n "$gal_miss" ]; then
	not_ok "registerutdrag lists an Af/FK ärende with its periods and answers" \
	    "status $gal_rc, missing:$gal_miss"
else
	ok "registerutdrag lists an Af/FK ärende with its periods and answers"
fi

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
	elif ! grep -q "^Gallring: $gal_want_n deltaganden\? och \
$gal_want_ar_n ärenden\? i Af/FK-samarbetet skulle" "$gal_dir/out"; then
		not_ok "gallra -n changes nothing" "no count $gal_want_n \
and $gal_want_ar_n: $(head -n 3 "$gal_dir/out" | tr '\n' '|')"
	elif ! grep -q "Provkörning" "$gal_dir/out"; then
		not_ok "gallra -n changes nothing" "does not say it was a trial"
	else
		ok "gallra -n reports $gal_want_n participations and $gal_want_ar_n ärenden and changes nothing"
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
gal_is "gallra strips exactly the Af/FK ärenden ended before the cut-off" \
    "$gal_want_ar|$gal_want_ar_n" <<SQL
SELECT coalesce(string_agg(a.id::text, ',' ORDER BY a.id), ''), count(*)
FROM affk_arende a WHERE a.avidentifierad_orsak = 'gallring'
AND a.person_id IS NULL AND a.avidentifierad IS NOT NULL
AND EXISTS (SELECT 1 FROM audit_person l WHERE l.arende_id = a.id
    AND l.action = 'gallra' AND l.purpose = 'susd gallra');
SQL
gal_is "gallra leaves the current ärenden and strips the skyddad one" \
    "true|true|true|false|true" <<SQL
SELECT string_agg((person_id IS NOT NULL)::text, '|' ORDER BY id)
FROM affk_arende WHERE id IN (${gal_ar[2]:-0}, ${gal_ar[3]:-0},
    ${gal_ar[4]:-0}, ${gal_ar[6]:-0}, ${gal_ar[5]:-0});
SQL
gal_is "the skyddad ärende says why, its person is gone" "skyddad|f|1" <<SQL
SELECT a.avidentifierad_orsak, EXISTS (SELECT 1 FROM person
    WHERE personnummer = :'afreg'), (SELECT count(*) FROM audit_person l
    WHERE l.arende_id = a.id AND l.action = 'avidentifiera'
    AND l.purpose = 'susd gallra' AND l.pnr_hash = pnr_hash(:'afreg'))
FROM affk_arende a WHERE a.id = ${gal_ar[5]:-0};
SQL
gal_is "one gallra audit row per ärende, naming it, with the hash" \
    "2|2" <<SQL
SELECT count(*), count(*) FILTER (WHERE l.pnr_hash = pnr_hash(v.pnr))
FROM audit_person l JOIN (VALUES (${gal_ar[0]:-0}::bigint, :'afold'),
    (${gal_ar[1]:-0}, :'afmixed')) AS v(id, pnr) ON v.id = l.arende_id
WHERE l.action = 'gallra' AND l.purpose = 'susd gallra'
AND l.anvandare_id IS NULL AND l.session_id IS NULL
AND l.deltagande_id IS NULL;
SQL
gal_is "gallra deletes a person whose only ärende is due, keeps those with a current one" \
    "false|true|true" <<'SQL'
SELECT string_agg((EXISTS (SELECT 1 FROM person
    WHERE personnummer = v.pnr))::text, '|' ORDER BY v.n)
FROM (VALUES (1, :'afold'), (2, :'afmixed'), (3, :'afdelt')) AS v(n, pnr);
SQL
gal_is "a participation due beside a current ärende is stripped, the person kept" \
    "gallring|t" <<'SQL'
SELECT string_agg(d.avidentifierad_orsak, ','), bool_and(EXISTS (SELECT 1
    FROM audit_person l WHERE l.deltagande_id = d.id AND l.action = 'gallra'
    AND l.pnr_hash = pnr_hash(:'afdelt')))
FROM deltagande d WHERE d.person_id IS NULL AND d.startdatum = '2017-03-01'
AND d.slutdatum = '2019-02-28' AND EXISTS (SELECT 1 FROM audit_person l
    WHERE l.deltagande_id = d.id AND l.pnr_hash = pnr_hash(:'afdelt'));
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

# A person with an open Af/FK ärende and nothing else: the ärende is
# stripped and the person goes (before 0010 the person's DELETE looked
# only at participations).
printf '%s\n' "$gal_af_skydda" | gal_susd skydda
gal_rc=$?
if [ $gal_rc -ne 0 ]; then
	not_ok "skydda strips an Af/FK ärende" "status $gal_rc: $(tail -n 2 \
	    "$gal_dir/err" | tr '\n' '|')"
elif ! grep -q "^1 personnummer lästes: 1 markerades som skyddade" \
    "$gal_dir/out" || ! grep -q "^Skyddade personuppgifter: 0 deltaganden \
och 1 ärende i Af/FK-samarbetet avidentifierades, 1 person togs bort ur sus" \
    "$gal_dir/out"; then
	not_ok "skydda strips an Af/FK ärende" "$(tr '\n' '|' <"$gal_dir/out")"
else
	ok "skydda strips an Af/FK ärende and says so"
fi
gal_is "the ärende keeps no person, says why, and has its audit row" \
    "skyddad|f|t|1|skyddad|0|1" <<SQL
SELECT a.avidentifierad_orsak, EXISTS (SELECT 1 FROM person
    WHERE personnummer = :'afskydda'), (SELECT skyddad FROM folkbokforing
    WHERE personnummer = :'afskydda'), (SELECT count(*) FROM audit_person l
    WHERE l.arende_id = a.id AND l.action = 'avidentifiera'
    AND l.purpose = 'susd skydda' AND l.anvandare_id IS NULL
    AND l.pnr_hash = pnr_hash(:'afskydda')), g.orsak, g.antal_deltaganden,
    g.antal_personer
FROM affk_arende a, gallring g WHERE a.id = ${gal_ar[4]:-0}
AND a.person_id IS NULL AND g.id = (SELECT max(id) FROM gallring)
AND g.utford_av LIKE 'susd skydda (%)';
SQL
gal_is "its periods and answers stay for the reports" "2|1" <<SQL
SELECT (SELECT count(*) FROM affk_statistik WHERE arende_id =
    ${gal_ar[4]:-0}), (SELECT count(*) FROM affk_svar s JOIN affk_period q
    ON q.id = s.period_id WHERE q.arende_id = ${gal_ar[4]:-0});
SQL
gal_stats_same "after skydda of an Af/FK person"

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

# A person with a current ärende after the old one was gallrad: the
# current one with its steps and answers, the old one counted, and the
# history of both.
printf '%s\n' "$gal_af_mixed" | GAL_KEEP_OUT=1 gal_susd registerutdrag
gal_rc=$?
cp "$gal_dir/out" "$gal_dir/utdrag-afmixed.txt"
gal_miss=""
for w in "Ärenden i Af/FK-samarbetet" \
    "1. Arbetsförmedlingen Göteborg och Försäkringskassan Göteborg" \
    "Slutdatum: pågår" "Steg: Arbetslivsinriktade insatser, " \
    "Steg: Planerad arbetslivsinriktad insats, " \
    "(registrerat av Arbetsförmedlingen, afhandl)" \
    "Inskriven hos Arbetsförmedlingen före samarbetet: Ja" \
    "Försörjning före samarbetet: Aktivitetsstöd" \
    "1 ärende har avidentifierats"; do
	grep -qF "$w" "$gal_dir/out" || gal_miss="$gal_miss [$w]"
done
grep -q "^2\. " "$gal_dir/out" && gal_miss="$gal_miss [no second ärende]"
grep -qF "2017-01-09" "$gal_dir/out" &&
    gal_miss="$gal_miss [nothing of the stripped one]"
grep -qE "gallring +susd gallra +Af/FK-ärende" "$gal_dir/out" ||
    gal_miss="$gal_miss [the gallring of the old ärende]"
if [ $gal_rc -ne 0 ] || [ -n "$gal_miss" ]; then
	not_ok "registerutdrag shows the current ärende and the stripped one's trace" \
	    "status $gal_rc, missing:$gal_miss"
else
	ok "registerutdrag shows the current ärende and the stripped one's trace"
fi

# The person whose ärende was gallrad and who is gone.
printf '%s\n' "$gal_af_old" | GAL_KEEP_OUT=1 gal_susd registerutdrag
gal_rc=$?
if [ $gal_rc -ne 0 ] ||
    ! grep -q "Inga ärenden är knutna till personen" "$gal_dir/out" ||
    ! grep -q "1 ärende har avidentifierats" "$gal_dir/out" ||
    ! grep -qE "registrering +integ: Registrera medverkan +Försäkringskassan" \
    "$gal_dir/out" ||
    ! grep -qE "gallring +susd gallra +Af/FK-ärende" "$gal_dir/out" ||
    ! grep -qE "registerutdrag +susd registerutdrag" "$gal_dir/out"; then
	not_ok "registerutdrag after an ärende's gallring shows the history" \
	    "status $gal_rc: $(sed -n '/^Ärenden/,$p' "$gal_dir/out" |
	    head -n 12 | tr '\n' '|')"
else
	ok "registerutdrag after an ärende's gallring shows the history"
fi

# The demo's ärende that changed Af office (schema/demo.sql): the
# change is listed between the steps, on its day.
printf '200111142394\n' | GAL_KEEP_OUT=1 gal_susd registerutdrag
gal_rc=$?
gal_byte=$(grep -E '^  (Steg|Byte)' "$gal_dir/out" | sed -E 's/, [0-9-]+.*//;
    s/ [0-9]{4}-[0-9]{2}-[0-9]{2}:/:/' | paste -sd '|')
if [ $gal_rc -eq 0 ] && [ "$gal_byte" = "  Steg: Gemensam kartläggning|\
  Steg: Planerad arbetsförberedande insats|\
  Byte av kontor: Arbetsförmedlingen Angered till Arbetsförmedlingen Göteborg|\
  Steg: Arbetsförberedande insatser" ]; then
	ok "registerutdrag lists an office change between the steps"
else
	not_ok "registerutdrag lists an office change between the steps" \
	    "status $gal_rc: $gal_byte"
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
{
	echo "personnummer;namn;kommunkod;stadsdel;skyddad"
	echo "$gal_af_fb;Integ Af Laddas Skyddad;1480;;ja"
} >"$gal_dir/af.csv"
if gal_susd folkbokforing "$gal_dir/af.csv" &&
    grep -q "^Skyddade personuppgifter: 0 deltaganden och 1 ärende i \
Af/FK-samarbetet avidentifierades, 1 person togs bort ur sus" "$gal_dir/out"
then
	ok "a load that marks a person with an ärende skyddad strips it at once"
else
	not_ok "a load that marks a person with an ärende skyddad strips it" \
	    "$(cat "$gal_dir/out" "$gal_dir/err" | head -n 4 | tr '\n' '|')"
fi
gal_is "the ärende stripped by the load keeps no person and says why" \
    "skyddad|f|1" <<SQL
SELECT a.avidentifierad_orsak, EXISTS (SELECT 1 FROM person
    WHERE personnummer = :'affb'), (SELECT count(*) FROM audit_person l
    WHERE l.arende_id = a.id AND l.action = 'avidentifiera'
    AND l.purpose = 'susd folkbokforing')
FROM affk_arende a WHERE a.id = ${gal_ar[6]:-0} AND a.person_id IS NULL;
SQL
gal_stats_same "after a load that strips an ärende"
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
