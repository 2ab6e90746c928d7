-- Deltagande (schema 0008): every rule SU050-SU063 refusing with its
-- SQLSTATE and accepting at its edge, the CHECKs, the append-only audit
-- trail and gallring record, the keyed personnummer hash, what the
-- application role may do, and that stripping a person leaves what
-- reports read (deltagande_statistik) unchanged.
--
-- Only official test personnummer (tests/data/testpersonnummer.csv) and
-- samordningsnummer (tests/data/testsamordningsnummer.csv).
--
-- A first transaction sets up and COMMITs one participation with its
-- audit row, so the tests can show that an audit row of an earlier
-- transaction does not cover a later write (SU063). Everything else is
-- made inside the second transaction and rolled back. The checks that
-- wait for COMMIT are run at once with SET CONSTRAINTS ALL IMMEDIATE
-- inside a subtransaction (pg_temp.at_commit).

-- Helpers: ids by name, live for the whole session.
CREATE FUNCTION pg_temp.kod(l text, k text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM kod WHERE lista = l AND kod = k $$;
CREATE FUNCTION pg_temp.sorg(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM samverkansorg WHERE namn = n $$;
CREATE FUNCTION pg_temp.ins(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM insats WHERE namn = n $$;
CREATE FUNCTION pg_temp.fraga(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM fraga WHERE namn = n $$;
CREATE FUNCTION pg_temp.alt(f text, t text) RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT a.id FROM fraga_alternativ a JOIN fraga q ON q.id = a.fraga_id
	WHERE q.namn = f AND a.text = t
$$;
CREATE FUNCTION pg_temp.pid(pnr text) RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT id FROM person WHERE personnummer = pnr
$$;
-- The participation of pnr in insats n that started on fr.
CREATE FUNCTION pg_temp.did(n text, pnr text, fr text) RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT d.id FROM deltagande d JOIN person p ON p.id = d.person_id
	WHERE d.insats_id = pg_temp.ins(n) AND p.personnummer = pnr
	AND d.startdatum = fr::date
$$;
-- Kön as the personnummer gives it (the 11th digit odd: man).
CREATE FUNCTION pg_temp.kon(pnr text) RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT pg_temp.kod('kon', CASE WHEN substr(pnr, 11, 1)::int % 2 = 1
	    THEN 'M' ELSE 'K' END)
$$;

-- One audit row for a participation (and its person), in this
-- transaction.
CREATE FUNCTION pg_temp.logg(did bigint, act text) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO audit_person (action, purpose, pnr_hash, person_id,
	    deltagande_id, insats_id)
	SELECT act, 'Test', pnr_hash(p.personnummer), d.person_id, d.id,
	    d.insats_id
	FROM deltagande d LEFT JOIN person p ON p.id = d.person_id
	WHERE d.id = did
$$;
-- The person of pnr, added with its audit row if new.
CREATE FUNCTION pg_temp.person(pnr text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	p	bigint;
BEGIN
	p := pg_temp.pid(pnr);
	IF p IS NULL THEN
		INSERT INTO person (personnummer, namn, kommunkod)
		VALUES (pnr, 'Test Testsson', '1480') RETURNING id INTO p;
		INSERT INTO audit_person (action, purpose, pnr_hash, person_id)
		VALUES ('skriv', 'Test', pnr_hash(pnr), p);
	END IF;
	RETURN p;
END
$$;
-- A participation with consent and its audit row; tom NULL for ongoing.
CREATE FUNCTION pg_temp.delt(n text, pnr text, fr text, tom text)
RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	p	bigint;
	d	bigint;
BEGIN
	p := pg_temp.person(pnr);
	INSERT INTO deltagande (insats_id, startdatum, slutdatum, person_id,
	    kon_id, fodelsear, samtycke, samtycke_datum)
	VALUES (pg_temp.ins(n), fr::date, tom::date, p, pg_temp.kon(pnr),
	    substr(pnr, 1, 4)::smallint, true, fr::date)
	RETURNING id INTO d;
	PERFORM pg_temp.logg(d, 'skriv');
	RETURN d;
END
$$;
-- A bare participation of person p, without audit: for the refusals.
CREATE FUNCTION pg_temp.raw(n text, p bigint, fr text, tom text,
    samtycke boolean, sdatum text, kon integer, ar integer) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO deltagande (insats_id, startdatum, slutdatum, person_id,
	    kon_id, fodelsear, samtycke, samtycke_datum)
	VALUES (pg_temp.ins(n), fr::date, tom::date, p, kon, ar, samtycke,
	    sdatum::date)
$$;
-- An occasion by codes (NULL for none).
CREATE FUNCTION pg_temp.tf(did bigint, typ text, syss text, omf integer,
    utb text, tid text, avslut text) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id,
	    omfattning, utbildning_id, tid_id, avslut_id)
	VALUES (did, typ, pg_temp.kod('sysselsattning', syss), omf,
	    pg_temp.kod('utbildningsniva', utb),
	    pg_temp.kod('tid_forsorjning', tid),
	    pg_temp.kod('avslutsanledning', avslut))
$$;
CREATE FUNCTION pg_temp.fors(did bigint, typ text, k text) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,
	    forsorjning_id) VALUES (did, typ, pg_temp.kod('forsorjning', k))
$$;
CREATE FUNCTION pg_temp.ja(did bigint, f text, t text, svar boolean)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle, ja)
	VALUES (pg_temp.fraga(f), did, t, svar)
$$;
CREATE FUNCTION pg_temp.val(did bigint, f text, t text, a text)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle,
	    alternativ_id) VALUES (pg_temp.fraga(f), did, t, pg_temp.alt(f, a))
$$;
-- Runs the statements and then undoes them: throws_ok(..., 'P0001',
-- 'undone') shows they passed, and nothing of them stays.
CREATE FUNCTION pg_temp.then_undo(stmts text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	s	text;
BEGIN
	FOREACH s IN ARRAY stmts LOOP
		EXECUTE s;
	END LOOP;
	RAISE EXCEPTION 'undone';
END
$$;
-- Runs the statements and then the checks a COMMIT would run; inside
-- throws_ok/lives_ok the whole is one subtransaction.
CREATE FUNCTION pg_temp.at_commit(stmts text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	s	text;
BEGIN
	FOREACH s IN ARRAY stmts LOOP
		EXECUTE s;
	END LOOP;
	SET CONSTRAINTS ALL IMMEDIATE;
	SET CONSTRAINTS ALL DEFERRED;
END
$$;

-- Committed test data: two förbund, three insatser categorised for
-- persons, a volyminsats, questions, a deltagaransvarig, the register
-- with one protected person, and one participation (F: 189009189805 in
-- D insats from 2019-01-01) with its audit row.
BEGIN;
INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
VALUES ('D förbund', 1, '2015-01-01'), ('D annat förbund', 1, '2015-01-01');
INSERT INTO insats (samverkansorg_id, namn, startdatum, slutdatum)
VALUES
	(pg_temp.sorg('D förbund'), 'D insats', '2018-01-01', '2024-12-31'),
	(pg_temp.sorg('D förbund'), 'D öppen', '2018-01-01', NULL),
	(pg_temp.sorg('D förbund'), 'D volym', '2018-01-01', NULL),
	(pg_temp.sorg('D annat förbund'), 'D annan', '2018-01-01', NULL);
UPDATE insats SET inriktning_id = pg_temp.kod('inriktning', 'INDIVID'),
    preciserad_id = pg_temp.kod('preciserad_inriktning', 'REHAB'),
    matningsmetod_id = pg_temp.kod('matningsmetod', 'PERSON')
WHERE namn IN ('D insats', 'D öppen', 'D annan');
UPDATE insats SET inriktning_id = pg_temp.kod('inriktning', 'STRUKTUR'),
    preciserad_id = pg_temp.kod('preciserad_inriktning', 'NATVERK'),
    matningsmetod_id = pg_temp.kod('matningsmetod', 'ANTAL')
WHERE namn = 'D volym';
INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
SELECT id, pg_temp.kod('malgrupp', 'UNGA') FROM insats
WHERE namn IN ('D insats', 'D öppen', 'D volym', 'D annan');
INSERT INTO fraga (samverkansorg_id, namn, giltig_from, mattillfalle,
    svarstyp, ordning)
VALUES
	(pg_temp.sorg('D förbund'), 'D in', '2018-01-01', 'in', 'janej', 1),
	(pg_temp.sorg('D förbund'), 'D ut', '2018-01-01', 'ut', 'enval', 2),
	(pg_temp.sorg('D förbund'), 'D senare', '2022-01-01', 'in', 'janej', 3),
	(pg_temp.sorg('D förbund'), 'D båda', '2018-01-01', 'bada', 'heltal',
	    4),
	(pg_temp.sorg('D förbund'), 'D ut2', '2018-01-01', 'ut', 'enval', 5),
	(pg_temp.sorg('D annat förbund'), 'D annans', '2018-01-01', 'in',
	    'janej', 1);
INSERT INTO fraga_alternativ (fraga_id, text, ordning)
VALUES (pg_temp.fraga('D ut'), 'Nöjd', 1), (pg_temp.fraga('D ut'), 'Missnöjd', 2),
    (pg_temp.fraga('D ut2'), 'Ja', 1), (pg_temp.fraga('D ut2'), 'Nej', 2);
INSERT INTO folkbokforing (personnummer, namn, kommunkod, skyddad)
VALUES ('189009199812', 'Skyddad Testperson', '1480', true),
       ('189202209806', 'Öppen Testperson', '1480', false);
SELECT pg_temp.delt('D insats', '189009189805', '2019-01-01', NULL);
SELECT pg_temp.tf(pg_temp.did('D insats', '189009189805', '2019-01-01'), 'in',
    'ARBETSSOKANDE', NULL, 'GYMN', 'UNDER_1', NULL);
SELECT pg_temp.fors(pg_temp.did('D insats', '189009189805', '2019-01-01'),
    'in', 'AKASSA');
SELECT pg_temp.ja(pg_temp.did('D insats', '189009189805', '2019-01-01'),
    'D in', 'in', true);
-- G: a second one, for the application role's turn.
SELECT pg_temp.delt('D öppen', '189501029814', '2019-05-06', NULL);
SELECT pg_temp.tf(pg_temp.did('D öppen', '189501029814', '2019-05-06'), 'in',
    'INGEN', NULL, 'FORGYMN', 'OVER_10', NULL);
SELECT pg_temp.fors(pg_temp.did('D öppen', '189501029814', '2019-05-06'),
    'in', 'SJUKERSATTNING');
COMMIT;

BEGIN;
SELECT plan(185);

CREATE TEMP TABLE f AS
SELECT pg_temp.did('D insats', '189009189805', '2019-01-01') AS id,
    pg_temp.pid('189009189805') AS person;
CREATE TEMP TABLE g AS
SELECT pg_temp.did('D öppen', '189501029814', '2019-05-06') AS id;
GRANT SELECT ON f, g TO sus_app;

-- The tables and the view.
SELECT has_table(t) FROM unnest(ARRAY['folkbokforing', 'person',
    'mattillfalle', 'mattillfalle_forsorjning', 'audit_person',
    'audit_nyckel', 'gallring']) t;
SELECT has_view('deltagande_statistik');
SELECT col_is_unique('person', 'personnummer');
SELECT fk_ok('deltagande', 'person_id', 'person', 'id');
SELECT fk_ok('fraga_svar', 'deltagande_id', 'deltagande', 'id');
SELECT col_is_pk('mattillfalle', ARRAY['deltagande_id', 'typ']);
SELECT is((SELECT kod_kod(id) || ':' || fast FROM kod
    WHERE lista = 'avslutsanledning' AND namn = 'Samtycket återkallat'),
    'SAMTYCKE_ATERKALLAT:true', 'Samtycket återkallat is a fixed code');
SELECT is((SELECT count(*)::int FROM deltagande WHERE id = (SELECT id FROM f)
    AND samtycke AND person_id = (SELECT person FROM f)), 1,
    'the committed participation is there');

-- Dates against the insats (rule 40): SU050, SU051, SU054; ahead of
-- today: SU052; slut before start: SU053. The edges are accepted.
CREATE TEMP TABLE dp AS SELECT pg_temp.person('189202239811') AS id;
SELECT throws_ok($$SELECT pg_temp.raw('D insats', (SELECT id FROM dp),
    '2017-12-31', NULL, true, '2017-12-31', pg_temp.kod('kon', 'M'), 1892)$$,
    'SU050', NULL, 'a start before the insats is refused');
SELECT lives_ok($$SELECT pg_temp.delt('D insats', '189202239811',
    '2018-01-01', '2018-01-01')$$, 'a start on the insats''s first day');
SELECT throws_ok($$SELECT pg_temp.raw('D insats', (SELECT id FROM dp),
    '2025-01-01', NULL, true, '2024-01-01', pg_temp.kod('kon', 'M'), 1892)$$,
    'SU051', NULL, 'a start after the insats ended is refused');
SELECT throws_ok($$SELECT pg_temp.raw('D insats', (SELECT id FROM dp),
    '2024-01-01', '2025-01-01', true, '2024-01-01', pg_temp.kod('kon', 'M'),
    1892)$$, 'SU054', NULL, 'a slut after the insats ended is refused');
SELECT lives_ok($$SELECT pg_temp.delt('D insats', '189202239811',
    '2024-12-31', '2024-12-31')$$,
    'start and slut on the insats''s last day');
SELECT throws_ok($$SELECT pg_temp.raw('D öppen', (SELECT id FROM dp),
    (current_date + 1)::text, NULL, true, current_date::text,
    pg_temp.kod('kon', 'M'), 1892)$$,
    'SU052', NULL, 'a start tomorrow is refused');
SELECT throws_ok($$SELECT pg_temp.raw('D öppen', (SELECT id FROM dp),
    '2020-01-01', (current_date + 1)::text, true, '2020-01-01',
    pg_temp.kod('kon', 'M'), 1892)$$,
    'SU052', NULL, 'a slut tomorrow is refused');
SELECT throws_ok($$SELECT pg_temp.raw('D öppen', (SELECT id FROM dp),
    '2020-01-01', NULL, true, (current_date + 1)::text,
    pg_temp.kod('kon', 'M'), 1892)$$,
    'SU052', NULL, 'consent dated tomorrow is refused');
SELECT throws_ok($$SELECT pg_temp.raw('D öppen', (SELECT id FROM dp),
    '2020-01-02', '2020-01-01', true, '2020-01-01',
    pg_temp.kod('kon', 'M'), 1892)$$,
    'SU053', NULL, 'a slut before the start is refused');
SELECT lives_ok($$SELECT pg_temp.delt('D öppen', '189202239811',
    current_date::text, NULL)$$, 'a start today is accepted');
SELECT throws_ok($$UPDATE deltagande SET slutdatum = startdatum - 1
    WHERE id = pg_temp.did('D öppen', '189202239811', current_date::text)$$,
    'SU053', NULL, 'nor may an update end it before its start');

-- Consent (rules 32, 33): SU055; kön and födelseår are required.
SELECT throws_ok($$SELECT pg_temp.raw('D öppen', (SELECT id FROM dp),
    '2020-01-01', NULL, false, '2020-01-01', pg_temp.kod('kon', 'M'),
    1892)$$, 'SU055', NULL, 'no consent is refused');
SELECT throws_ok($$SELECT pg_temp.raw('D öppen', (SELECT id FROM dp),
    '2020-01-01', NULL, true, NULL, pg_temp.kod('kon', 'M'), 1892)$$,
    'SU055', NULL, 'consent without its date is refused');
SELECT throws_ok($$INSERT INTO deltagande (insats_id, startdatum, person_id,
    kon_id, fodelsear, samtycke_datum) VALUES (pg_temp.ins('D öppen'),
    '2020-01-01', (SELECT id FROM dp), pg_temp.kod('kon', 'M'), 1892,
    '2020-01-01')$$,
    'SU055', NULL, 'consent is not assumed (samtycke defaults to false)');
SELECT throws_ok($$UPDATE deltagande SET samtycke = false
    WHERE id = (SELECT id FROM f)$$,
    'SU055', NULL, 'nor taken away from a participation');
SELECT throws_ok($$SELECT pg_temp.raw('D öppen', (SELECT id FROM dp),
    '2020-01-01', NULL, true, '2020-01-01', NULL, 1892)$$,
    '23502', NULL, 'a participation needs a kön');
SELECT throws_ok($$SELECT pg_temp.raw('D öppen', (SELECT id FROM dp),
    '2020-01-01', NULL, true, '2020-01-01', pg_temp.kod('kon', 'M'),
    NULL)$$, '23502', NULL, 'and a födelseår');
SELECT throws_ok($$SELECT pg_temp.raw('D öppen', (SELECT id FROM dp),
    '2020-01-01', '2020-06-30', true, '2020-01-01', pg_temp.kod('kon', 'M'),
    1879)$$, '23514', NULL, 'a födelseår before 1880 is refused');
SELECT throws_ok($$SELECT pg_temp.raw('D öppen', (SELECT id FROM dp),
    '2020-01-01', '2020-06-30', true, '2020-01-01',
    pg_temp.kod('sysselsattning', 'ARBETE'), 1892)$$,
    '23503', NULL, 'a kön that is a code of another list is refused');

-- Protected identity (rule 34): SU056.
SELECT throws_ok($$SELECT pg_temp.delt('D öppen', '189009199812',
    '2020-01-01', NULL)$$,
    'SU056', NULL, 'a person with skyddade personuppgifter is refused');
SELECT lives_ok($$SELECT pg_temp.delt('D öppen', '189202209806',
    '2020-01-01', NULL)$$, 'a person in the register without it is accepted');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE folkbokforing SET skyddad = true'
    ' WHERE personnummer = ''189202209806''',
    'UPDATE deltagande SET fodelsear = fodelsear'
    ' WHERE id = pg_temp.did(''D öppen'', ''189202209806'','
    ' ''2020-01-01'')'])$$,
    'SU056', NULL, 'once protected, the participation is not changed');

-- The same person twice in the insats at the same time: SU057. Again
-- after the first ended, and in another insats at once, are accepted.
SELECT lives_ok($$SELECT pg_temp.delt('D insats', '189202209806',
    '2019-01-01', '2019-06-30')$$, 'a first period');
SELECT throws_ok($$SELECT pg_temp.delt('D insats', '189202209806',
    '2019-06-30', NULL)$$,
    'SU057', NULL, 'a second from the first''s last day is refused');
SELECT throws_ok($$SELECT pg_temp.delt('D insats', '189202209806',
    '2018-06-01', '2019-01-01')$$,
    'SU057', NULL, 'one that ends on the first''s start day too');
SELECT lives_ok($$SELECT pg_temp.delt('D insats', '189202209806',
    '2019-07-01', NULL)$$, 'a second from the day after is accepted');
SELECT lives_ok($$SELECT pg_temp.delt('D annan', '189202209806',
    '2019-03-01', NULL)$$, 'the same person in another insats at once');
SELECT throws_ok($$UPDATE deltagande SET slutdatum = NULL
    WHERE id = pg_temp.did('D insats', '189202209806', '2019-01-01')$$,
    'SU057', NULL, 'reopening the first period is refused');
SELECT is((SELECT count(*)::int FROM deltagande
    WHERE person_id = pg_temp.pid('189202209806')), 4,
    'one person, four participations, each its own row');

-- Occasions: fields by kind (SU060), sysselsättning and omfattning
-- (SU059, rule 45).
CREATE TEMP TABLE o AS SELECT pg_temp.delt('D öppen', '189202299815',
    '2021-02-01', NULL) AS id;
GRANT SELECT ON o TO sus_app;
SELECT set_eq($$SELECT kod_kod(id) FROM kod WHERE lista = 'sysselsattning'
    AND sysselsattning_har_omfattning(id)$$,
    ARRAY['ARBETE', 'ARBETE_STOD', 'EGET_FORETAG', 'STUDIER', 'PROGRAM'],
    'the five sysselsättningar that carry an omfattning');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'in', 'ARBETSSOKANDE',
    NULL, 'GYMN', 'UNDER_1', 'ENLIGT_PLAN')$$,
    'SU060', NULL, 'an inregistrering with an avslutsanledning');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'in', 'ARBETSSOKANDE',
    NULL, NULL, 'UNDER_1', NULL)$$,
    'SU060', NULL, 'an inregistrering without utbildningsnivå');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'in', 'ARBETSSOKANDE',
    NULL, 'GYMN', NULL, NULL)$$,
    'SU060', NULL, 'an inregistrering without tid i försörjning');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'in', NULL, NULL,
    'GYMN', 'UNDER_1', NULL)$$,
    'SU059', NULL, 'an inregistrering without sysselsättning');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'in', 'ARBETE', NULL,
    'GYMN', 'UNDER_1', NULL)$$,
    'SU059', NULL, 'work without its omfattning');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'in', 'STUDIER', NULL,
    'GYMN', 'UNDER_1', NULL)$$,
    'SU059', NULL, 'studies without their omfattning');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'in', 'INGEN', 50,
    'GYMN', 'UNDER_1', NULL)$$,
    'SU059', NULL, 'an omfattning where none applies');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'in', 'ARBETE', 101,
    'GYMN', 'UNDER_1', NULL)$$,
    '23514', NULL, 'an omfattning above 100 per cent');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'in', 'ARBETE', 0,
    'GYMN', 'UNDER_1', NULL)$$,
    '23514', NULL, 'an omfattning of 0 per cent');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'mitt', 'INGEN',
    NULL, 'GYMN', 'UNDER_1', NULL)$$,
    '23514', NULL, 'an occasion is in or ut');
SELECT throws_ok($$INSERT INTO mattillfalle (deltagande_id, typ,
    sysselsattning_id, utbildning_id, tid_id) VALUES ((SELECT id FROM o),
    'in', pg_temp.kod('avslutsanledning', 'ANNAT'),
    pg_temp.kod('utbildningsniva', 'GYMN'),
    pg_temp.kod('tid_forsorjning', 'UNDER_1'))$$,
    '23503', NULL, 'a sysselsättning from another list is refused');
SELECT lives_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'in', 'ARBETE', 100,
    'GYMN', 'UNDER_1', NULL)$$, 'work at 100 per cent is accepted');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'in', 'INGEN', NULL,
    'GYMN', 'UNDER_1', NULL)$$,
    '23505', NULL, 'one inregistrering per participation');
SELECT throws_ok($$UPDATE mattillfalle SET omfattning = NULL
    WHERE deltagande_id = (SELECT id FROM o) AND typ = 'in'$$,
    'SU059', NULL, 'nor may an update drop the omfattning');
SELECT lives_ok($$SELECT pg_temp.fors((SELECT id FROM o), 'in', k)
    FROM unnest(ARRAY['AKASSA', 'EKONOMISKT_BISTAND']) k$$,
    'two försörjningskällor before');
SELECT throws_ok($$SELECT pg_temp.fors((SELECT id FROM o), 'in', 'AKASSA')$$,
    '23505', NULL, 'the same källa twice is refused');
SELECT throws_ok($$SELECT pg_temp.fors((SELECT id FROM o), 'ut', 'AKASSA')$$,
    '23503', NULL, 'försörjning belongs to an occasion that exists');
UPDATE deltagande SET slutdatum = '2021-06-30' WHERE id = (SELECT id FROM o);
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'ut', 'ARBETE', 50,
    NULL, NULL, NULL)$$,
    'SU060', NULL, 'an utregistrering without an avslutsanledning');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'ut', 'ARBETE', 50,
    'GYMN', NULL, 'ARBETE')$$,
    'SU060', NULL, 'an utregistrering with an utbildningsnivå');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'ut', 'ARBETE', 50,
    NULL, 'UNDER_1', 'ARBETE')$$,
    'SU060', NULL, 'an utregistrering with tid i försörjning');
SELECT throws_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'ut', NULL, NULL,
    NULL, NULL, 'ENLIGT_PLAN')$$,
    'SU059', NULL, 'an utregistrering without sysselsättning');
SELECT lives_ok($$SELECT pg_temp.tf((SELECT id FROM o), 'ut', NULL, NULL,
    NULL, NULL, 'FELREGISTRERING')$$,
    'Felregistrering needs no sysselsättning');
SELECT lives_ok($$UPDATE mattillfalle
    SET avslut_id = pg_temp.kod('avslutsanledning', 'SAMTYCKE_ATERKALLAT')
    WHERE deltagande_id = (SELECT id FROM o) AND typ = 'ut'$$,
    'nor does withdrawn consent');
SELECT throws_ok($$UPDATE mattillfalle
    SET avslut_id = pg_temp.kod('avslutsanledning', 'ARBETE')
    WHERE deltagande_id = (SELECT id FROM o) AND typ = 'ut'$$,
    'SU059', NULL, 'but Till arbete does');
SELECT lives_ok($$UPDATE mattillfalle
    SET avslut_id = pg_temp.kod('avslutsanledning', 'ARBETE'),
    sysselsattning_id = pg_temp.kod('sysselsattning', 'EGET_FORETAG'),
    omfattning = 60
    WHERE deltagande_id = (SELECT id FROM o) AND typ = 'ut'$$,
    'Till arbete with Eget företag at 60 per cent');
SELECT throws_ok($$UPDATE mattillfalle
    SET avslut_id = pg_temp.kod('sysselsattning', 'INGEN')
    WHERE deltagande_id = (SELECT id FROM o) AND typ = 'ut'$$,
    '23503', NULL, 'an avslutsanledning from another list is refused');

-- Answers (rule 44): SU062.
SELECT lives_ok($$SELECT pg_temp.ja((SELECT id FROM o), 'D in', 'in', true)$$,
    'an answer to an in question at the inregistrering');
SELECT lives_ok($$SELECT pg_temp.val((SELECT id FROM o), 'D ut', 'ut',
    'Nöjd')$$, 'an option of an ut question at the utregistrering');
SELECT lives_ok($$INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle,
    heltal) VALUES (pg_temp.fraga('D båda'), (SELECT id FROM o), 'in', 3),
    (pg_temp.fraga('D båda'), (SELECT id FROM o), 'ut', 5)$$,
    'a question asked at both occasions, answered at both');
SELECT throws_ok($$SELECT pg_temp.ja((SELECT id FROM o), 'D annans', 'in',
    true)$$, 'SU062', NULL, 'a question of another organisation');
SELECT throws_ok($$SELECT pg_temp.val((SELECT id FROM o), 'D ut', 'in',
    'Nöjd')$$, 'SU062', NULL, 'an ut question at the inregistrering');
SELECT throws_ok($$SELECT pg_temp.ja((SELECT id FROM o), 'D in', 'ut',
    true)$$, 'SU062', NULL, 'an in question at the utregistrering');
SELECT throws_ok($$SELECT pg_temp.ja((SELECT id FROM o), 'D senare', 'in',
    true)$$, 'SU062', NULL, 'a question not yet valid on the start date');
SELECT throws_ok($$SELECT pg_temp.val((SELECT id FROM f), 'D ut', 'ut',
    'Nöjd')$$, 'SU062', NULL,
    'an utregistrering answer before there is an utregistrering');
SELECT throws_ok($$INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle,
    alternativ_id) VALUES (pg_temp.fraga('D ut'), (SELECT id FROM o), 'ut',
    pg_temp.alt('D ut2', 'Ja'))$$,
    'SU062', NULL, 'an option of another question');
SELECT throws_ok($$UPDATE fraga_svar SET tillfalle = 'ut'
    WHERE deltagande_id = (SELECT id FROM o)
    AND fraga_id = pg_temp.fraga('D in')$$,
    'SU062', NULL, 'nor may an update move an answer to another occasion');
SELECT throws_ok($$SELECT pg_temp.val((SELECT id FROM o), 'D ut', 'ut',
    'Nöjd')$$, '23505', NULL, 'the same option twice is refused');
SELECT throws_ok($$SELECT pg_temp.ja(999999, 'D in', 'in', true)$$,
    'SU062', NULL, 'an answer for no participation is refused');

-- Anonymous participants (rule 43): SU061.
SELECT throws_ok($$INSERT INTO anonym_deltagande (insats_id, ar, kon_id,
    antal) VALUES (pg_temp.ins('D insats'), 2017, pg_temp.kod('kon', 'K'),
    2)$$, 'SU061', NULL, 'a year before the insats');
SELECT throws_ok($$INSERT INTO anonym_deltagande (insats_id, ar, kon_id,
    antal) VALUES (pg_temp.ins('D insats'), 2025, pg_temp.kod('kon', 'K'),
    2)$$, 'SU061', NULL, 'a year after the insats');
SELECT throws_ok($$INSERT INTO anonym_deltagande (insats_id, ar, kon_id,
    antal) VALUES (pg_temp.ins('D öppen'),
    extract(year FROM current_date)::int + 1, pg_temp.kod('kon', 'K'), 2)$$,
    'SU061', NULL, 'next year');
SELECT lives_ok($$INSERT INTO anonym_deltagande (insats_id, ar, kon_id,
    antal) VALUES (pg_temp.ins('D insats'), 2018, pg_temp.kod('kon', 'K'), 2),
    (pg_temp.ins('D insats'), 2024, pg_temp.kod('kon', 'M'), 1),
    (pg_temp.ins('D öppen'), extract(year FROM current_date)::int,
    pg_temp.kod('kon', 'M'), 3)$$,
    'the insats''s first and last year, and this year');
SELECT throws_ok($$UPDATE anonym_deltagande SET ar = 2025
    WHERE insats_id = pg_temp.ins('D insats') AND ar = 2024$$,
    'SU061', NULL, 'nor may an update move a batch outside');
SELECT throws_ok($$INSERT INTO anonym_deltagande (insats_id, ar, kon_id,
    antal) VALUES (pg_temp.ins('D volym'), 2019, pg_temp.kod('kon', 'K'),
    2)$$, 'SU043', NULL, 'none on a volyminsats (0007 still holds)');

-- Rule SU063: no personal write without its audit row in the same
-- transaction, checked at COMMIT. F was committed with its audit row in
-- an earlier transaction: that row does not cover a write now.
SELECT ok((SELECT bool_and(tgdeferrable AND tginitdeferred) FROM pg_trigger
    WHERE tgname IN ('person_audited', 'deltagande_audited',
    'mattillfalle_audited', 'mattillfalle_forsorjning_audited',
    'fraga_svar_audited')) AND (SELECT count(*) FROM pg_trigger
    WHERE tgname IN ('person_audited', 'deltagande_audited',
    'mattillfalle_audited', 'mattillfalle_forsorjning_audited',
    'fraga_svar_audited')) = 5,
    'the audit check waits for the commit, on all five tables');
SELECT is((SELECT count(*)::int FROM audit_person
    WHERE deltagande_id = (SELECT id FROM f)), 1,
    'F has its one audit row, from the earlier transaction');
SELECT throws_ok($$SELECT pg_temp.then_undo(ARRAY[
    'UPDATE deltagande SET samtycke_datum = ''2018-12-20'''
    ' WHERE id = (SELECT id FROM f)'])$$,
    'P0001', 'undone', 'a write without audit is not refused at once');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE deltagande SET samtycke_datum = ''2018-12-21'''
    ' WHERE id = (SELECT id FROM f)'])$$,
    'SU063', NULL, 'but at the commit: a participation changed');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE person SET namn = ''Ändrad Testsson'''
    ' WHERE id = (SELECT person FROM f)'])$$,
    'SU063', NULL, 'a person changed');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'INSERT INTO person (personnummer, namn) VALUES (''189307299819'','
    ' ''Ny Testsson'')'])$$,
    'SU063', NULL, 'a person added');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'SELECT pg_temp.raw(''D öppen'', pg_temp.person(''189307299819''),'
    ' ''2022-01-01'', NULL, true, ''2022-01-01'', pg_temp.kod(''kon'','
    ' ''M''), 1893)'])$$,
    'SU063', NULL, 'a participation added with only its person audited');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE mattillfalle SET tid_id = pg_temp.kod(''tid_forsorjning'','
    ' ''AR_1_2'') WHERE deltagande_id = (SELECT id FROM f)'])$$,
    'SU063', NULL, 'an occasion changed');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'DELETE FROM mattillfalle WHERE deltagande_id = (SELECT id FROM f)'])$$,
    'SU063', NULL, 'an occasion deleted');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'SELECT pg_temp.fors((SELECT id FROM f), ''in'', ''SAKNAS'')'])$$,
    'SU063', NULL, 'a försörjningskälla added');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'DELETE FROM mattillfalle_forsorjning'
    ' WHERE deltagande_id = (SELECT id FROM f)'])$$,
    'SU063', NULL, 'a försörjningskälla removed');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE fraga_svar SET ja = false'
    ' WHERE deltagande_id = (SELECT id FROM f)'])$$,
    'SU063', NULL, 'an answer changed');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'DELETE FROM fraga_svar WHERE deltagande_id = (SELECT id FROM f)'])$$,
    'SU063', NULL, 'an answer deleted');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE deltagande SET samtycke_datum = ''2018-12-21'''
    ' WHERE id = (SELECT id FROM f)',
    'INSERT INTO audit_person (txid, action, purpose, deltagande_id)'
    ' SELECT txid_current() - 1, ''skriv'', ''Test'', id FROM f'])$$,
    'SU063', NULL, 'an audit row naming another transaction does not count');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE deltagande SET samtycke_datum = ''2018-12-21'''
    ' WHERE id = (SELECT id FROM f)',
    'INSERT INTO audit_person (action, purpose, deltagande_id)'
    ' SELECT ''skriv'', ''Test'', (SELECT id FROM o)'])$$,
    'SU063', NULL, 'nor one for another participation');
SELECT lives_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE deltagande SET samtycke_datum = ''2018-12-21'''
    ' WHERE id = (SELECT id FROM f)',
    'UPDATE person SET namn = ''Ändrad Testsson'''
    ' WHERE id = (SELECT person FROM f)',
    'UPDATE mattillfalle SET tid_id = pg_temp.kod(''tid_forsorjning'','
    ' ''AR_1_2'') WHERE deltagande_id = (SELECT id FROM f)',
    'SELECT pg_temp.fors((SELECT id FROM f), ''in'', ''SAKNAS'')',
    'UPDATE fraga_svar SET ja = false'
    ' WHERE deltagande_id = (SELECT id FROM f)',
    'SELECT pg_temp.logg((SELECT id FROM f), ''skriv'')'])$$,
    'with its audit row, written after the change, all of it passes');
SELECT lives_ok($$SELECT pg_temp.at_commit(ARRAY[]::text[])$$,
    'every write of this transaction so far is audited');

-- The audit trail is append-only, for its owner too.
SELECT throws_ok($$UPDATE audit_person SET purpose = 'x'$$,
    '42501', 'audit is append-only: UPDATE refused',
    'the owner cannot update audit_person');
SELECT throws_ok($$DELETE FROM audit_person WHERE id = (SELECT min(id)
    FROM audit_person)$$,
    '42501', 'audit is append-only: DELETE refused',
    'the owner cannot delete from audit_person');
SELECT throws_ok($$TRUNCATE audit_person$$,
    '42501', 'audit is append-only: TRUNCATE refused',
    'the owner cannot truncate audit_person');
SELECT throws_ok($$INSERT INTO audit_person (action, purpose)
    VALUES ('titta', 'Test')$$,
    '23514', NULL, 'an action outside the five is refused');
SELECT throws_ok($$INSERT INTO audit_person (action, purpose)
    VALUES ('las', '')$$, '23514', NULL, 'a purpose is required');
SELECT throws_ok($$INSERT INTO audit_person (action, purpose)
    VALUES ('las', repeat('x', 101))$$,
    '23514', NULL, 'a purpose is at most 100 characters');
SELECT throws_ok($$INSERT INTO audit_person (action, purpose, session_id)
    VALUES ('las', 'Test', repeat('a', 65))$$,
    '23514', NULL, 'a session id is at most 64 characters');
SELECT throws_ok($$INSERT INTO audit_person (id, action, purpose)
    VALUES (1, 'las', 'Test')$$,
    '428C9', NULL, 'nobody picks an audit row''s id');
SELECT is((SELECT count(*)::int FROM audit_person
    WHERE txid <> txid_current() OR at <> now()), 4,
    'the rows of this transaction carry its txid and time by default');

-- The gallring record is append-only too.
INSERT INTO gallring (orsak, utford_av, grans, antal_deltaganden,
    antal_personer, deltaganden)
VALUES ('gallring', 'susd gallra', '2020-01-01', 0, 0, '{}');
SELECT throws_ok($$UPDATE gallring SET antal_personer = 1$$,
    '42501', 'audit is append-only: UPDATE refused',
    'the owner cannot update gallring');
SELECT throws_ok($$DELETE FROM gallring$$,
    '42501', 'audit is append-only: DELETE refused',
    'the owner cannot delete from gallring');
SELECT throws_ok($$TRUNCATE gallring$$,
    '42501', 'audit is append-only: TRUNCATE refused',
    'the owner cannot truncate gallring');
SELECT throws_ok($$INSERT INTO gallring (orsak, utford_av, antal_deltaganden,
    antal_personer) VALUES ('tycke', 'susd gallra', 0, 0)$$,
    '23514', NULL, 'a gallring is for skyddad, samtycke or gallring');
SELECT throws_ok($$INSERT INTO gallring (orsak, utford_av, antal_deltaganden,
    antal_personer) VALUES ('gallring', 'susd gallra', -1, 0)$$,
    '23514', NULL, 'no negative counts');
SELECT throws_ok($$INSERT INTO gallring (orsak, utford_av, antal_deltaganden,
    antal_personer) VALUES ('gallring', '', 0, 0)$$,
    '23514', NULL, 'who did it is recorded');

-- The keyed hash: the same number gives the same hash, never the plain
-- sha256 that anyone could compute from a list of numbers.
SELECT is(pnr_hash('189009189805'), pnr_hash('189009189805'),
    'pnr_hash is deterministic');
SELECT isnt(pnr_hash('189009189805'), pnr_hash('189009199812'),
    'two numbers, two hashes');
SELECT isnt(pnr_hash('189009189805'),
    sha256(convert_to('189009189805', 'UTF8')),
    'pnr_hash is not the plain sha256 of the number');
SELECT is(octet_length(pnr_hash('189009189805')), 32,
    'pnr_hash is 32 bytes');
SELECT is((SELECT count(*)::int FROM audit_nyckel
    WHERE octet_length(nyckel) = 32), 1, 'one key of 32 bytes');
SELECT is(pnr_hash('189009189805'), sha256((SELECT nyckel FROM audit_nyckel)
    || convert_to('189009189805', 'UTF8')),
    'pnr_hash is sha256 over the key and the number');
SELECT ok((SELECT prosecdef AND array_to_string(proconfig, ',')
    LIKE '%search_path=public, pg_temp%' FROM pg_proc
    WHERE proname = 'pnr_hash'),
    'pnr_hash runs as its owner with a fixed search_path');
SELECT is((SELECT pnr_hash FROM audit_person
    WHERE deltagande_id = (SELECT id FROM f) ORDER BY id LIMIT 1),
    pnr_hash('189009189805'), 'the audit row holds the hash of F''s number');
SELECT is_empty($$SELECT id FROM audit_person
    WHERE encode(pnr_hash, 'escape') LIKE '%189009189805%'
    OR purpose LIKE '%189009189805%'$$,
    'and nowhere the number itself');

-- The application role: exactly what 0008 grants.
SELECT table_privs_are('folkbokforing', 'sus_app', ARRAY['SELECT'],
    'sus_app only reads the register copy');
SELECT table_privs_are('person', 'sus_app',
    ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    'sus_app reads and writes person (DELETE for stripping)');
SELECT table_privs_are('deltagande', 'sus_app',
    ARRAY['SELECT', 'INSERT', 'UPDATE'],
    'sus_app never deletes a participation');
SELECT table_privs_are(t, 'sus_app',
    ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    'sus_app reads and writes ' || t)
FROM unnest(ARRAY['mattillfalle', 'mattillfalle_forsorjning',
    'fraga_svar']) t;
SELECT table_privs_are(t, 'sus_app', ARRAY['SELECT', 'INSERT'],
    'sus_app only reads and adds to ' || t)
FROM unnest(ARRAY['anonym_deltagande', 'audit_person', 'gallring']) t;
SELECT table_privs_are('audit_nyckel', 'sus_app', ARRAY[]::text[],
    'sus_app has no right on the hash key');
SELECT table_privs_are('deltagande_statistik', 'sus_app', ARRAY['SELECT'],
    'sus_app reads the statistics view');
SELECT function_privs_are('pnr_hash', ARRAY['text'], 'sus_app',
    ARRAY['EXECUTE'], 'sus_app may call pnr_hash');
SELECT ok(NOT has_function_privilege('public', 'pnr_hash(text)', 'EXECUTE'),
    'PUBLIC may not call pnr_hash');

SET LOCAL ROLE sus_app;
SELECT throws_ok($$SELECT nyckel FROM audit_nyckel$$,
    '42501', NULL, 'sus_app cannot read the key');
SELECT is(pnr_hash('189009189805'), (SELECT pnr_hash FROM audit_person
    WHERE deltagande_id = (SELECT id FROM f) ORDER BY id LIMIT 1),
    'sus_app gets the same hash through pnr_hash');
SELECT lives_ok($$SELECT pg_temp.at_commit(ARRAY[
    'SELECT pg_temp.delt(''D öppen'', ''189412309800'', ''2023-03-01'','
    ' NULL)',
    'SELECT pg_temp.tf(pg_temp.did(''D öppen'', ''189412309800'','
    ' ''2023-03-01''), ''in'', ''PROGRAM'', 80, ''FORGYMN'', ''AR_3_5'','
    ' NULL)',
    'SELECT pg_temp.fors(pg_temp.did(''D öppen'', ''189412309800'','
    ' ''2023-03-01''), ''in'', ''AKTIVITETSSTOD'')',
    'SELECT pg_temp.ja(pg_temp.did(''D öppen'', ''189412309800'','
    ' ''2023-03-01''), ''D in'', ''in'', false)'])$$,
    'sus_app registers a participant with its audit row');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE mattillfalle SET tid_id = pg_temp.kod(''tid_forsorjning'','
    ' ''AR_6_10'') WHERE deltagande_id = (SELECT id FROM g)'])$$,
    'SU063', NULL, 'the commit check holds for sus_app');
SELECT lives_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE mattillfalle SET tid_id = pg_temp.kod(''tid_forsorjning'','
    ' ''AR_6_10'') WHERE deltagande_id = (SELECT id FROM g)',
    'SELECT pg_temp.logg((SELECT id FROM g), ''skriv'')'])$$,
    'and passes with the audit row');
SELECT throws_ok($$INSERT INTO folkbokforing (personnummer, namn)
    VALUES ('189307299819', 'Ny Testsson')$$,
    '42501', NULL, 'sus_app cannot add to the register copy');
SELECT throws_ok($$UPDATE folkbokforing SET skyddad = false$$,
    '42501', NULL, 'nor change it');
SELECT throws_ok($$DELETE FROM deltagande WHERE id = (SELECT id FROM f)$$,
    '42501', NULL, 'sus_app cannot delete a participation');
SELECT throws_ok($$UPDATE audit_person SET purpose = 'x'$$,
    '42501', NULL, 'sus_app cannot update audit_person');
SELECT throws_ok($$DELETE FROM audit_person$$,
    '42501', NULL, 'sus_app cannot delete from audit_person');
SELECT throws_ok($$TRUNCATE audit_person$$,
    '42501', NULL, 'sus_app cannot truncate audit_person');
SELECT throws_ok($$UPDATE gallring SET antal_personer = 1$$,
    '42501', NULL, 'sus_app cannot update gallring');
SELECT throws_ok($$DELETE FROM gallring$$,
    '42501', NULL, 'sus_app cannot delete from gallring');
SELECT throws_ok($$TRUNCATE gallring$$,
    '42501', NULL, 'sus_app cannot truncate gallring');
SELECT cmp_ok((SELECT count(*)::int FROM deltagande_statistik), '>', 0,
    'sus_app reads deltagande_statistik');
RESET ROLE;

-- What reports read holds no person: no personnummer, no name, no
-- address, and the view reads neither person nor the register.
SELECT set_eq($$SELECT column_name::text FROM information_schema.columns
    WHERE table_name = 'deltagande_statistik'$$,
    ARRAY['id', 'insats_id', 'samverkansorg_id', 'startdatum', 'slutdatum',
    'kon', 'fodelsear', 'avslutsanledning', 'sysselsattning_fore',
    'sysselsattning_efter', 'utbildningsniva', 'tid_forsorjning',
    'forsorjning_fore', 'forsorjning_efter'],
    'deltagande_statistik has exactly the columns reports need');
SELECT is_empty($$SELECT column_name FROM information_schema.columns
    WHERE table_name = 'deltagande_statistik' AND (column_name LIKE
    '%personnummer%' OR column_name LIKE '%namn%' OR column_name LIKE
    'person%' OR column_name LIKE '%kommun%' OR column_name LIKE
    '%stadsdel%')$$, 'no personnummer, namn, person or address column');
SELECT is_empty($$SELECT table_name FROM information_schema.view_table_usage
    WHERE view_name = 'deltagande_statistik'
    AND table_name IN ('person', 'folkbokforing', 'audit_person')$$,
    'the view reads neither person, the register nor the audit trail');
SELECT results_eq($$SELECT kon, fodelsear::int, avslutsanledning,
    sysselsattning_fore, sysselsattning_efter, utbildningsniva,
    tid_forsorjning, forsorjning_fore, forsorjning_efter
    FROM deltagande_statistik WHERE id = (SELECT id FROM o)$$,
    $$VALUES ('M', 1892, 'ARBETE', 'ARBETE', 'EGET_FORETAG', 'GYMN',
    'UNDER_1', ARRAY['AKASSA', 'EKONOMISKT_BISTAND'], ARRAY[]::text[])$$,
    'a participation as reports see it');

-- Stripping (protected identity, withdrawn consent, gallring) cuts the
-- person and changes nothing reports read. Three more participants with
-- both occasions and answers, one by samordningsnummer.
CREATE TEMP TABLE s AS
SELECT pg_temp.delt('D insats', v.pnr, v.fr, v.tom) AS id, v.pnr
FROM (VALUES ('189307269804', '2020-02-03', '2021-03-31'),
    ('189307299819', '2020-05-04', '2022-06-30'),
    ('191401682396', '2021-09-06', '2023-01-31')) AS v(pnr, fr, tom);
SELECT pg_temp.tf(id, 'in', 'ARBETSSOKANDE', NULL, 'EFTERGYMN_KORT', 'AR_1_2',
    NULL) FROM s;
SELECT pg_temp.fors(id, 'in', 'EKONOMISKT_BISTAND') FROM s;
SELECT pg_temp.tf(id, 'ut', 'STUDIER', 50, NULL, NULL, 'STUDIER') FROM s
WHERE pnr <> '191401682396';
SELECT pg_temp.tf(id, 'ut', NULL, NULL, NULL, NULL, 'SAMTYCKE_ATERKALLAT')
FROM s WHERE pnr = '191401682396';
SELECT pg_temp.fors(id, 'ut', 'INGEN') FROM s;
SELECT pg_temp.ja(id, 'D in', 'in', pnr < '1893') FROM s;
SELECT pg_temp.val(id, 'D ut', 'ut', 'Missnöjd') FROM s;
SELECT lives_ok($$SELECT pg_temp.at_commit(ARRAY[]::text[])$$,
    'the participants to strip are in, audited');
CREATE TEMP TABLE before AS SELECT * FROM deltagande_statistik;
CREATE TEMP TABLE before_agg AS
SELECT kon, fodelsear, avslutsanledning, count(*) AS n
FROM deltagande_statistik GROUP BY 1, 2, 3;

SELECT throws_ok($$UPDATE deltagande SET person_id = NULL
    WHERE id IN (SELECT id FROM s)$$,
    '23514', NULL, 'the person cannot go without marking it stripped');
SELECT throws_ok($$UPDATE deltagande SET avidentifierad = now(),
    avidentifierad_orsak = 'gallring' WHERE id IN (SELECT id FROM s)$$,
    'SU058', NULL, 'nor be kept on a row marked stripped');
SELECT throws_ok($$UPDATE deltagande SET person_id = NULL,
    avidentifierad = now() WHERE id IN (SELECT id FROM s)$$,
    '23514', NULL, 'a stripping states its reason');
SELECT throws_ok($$UPDATE deltagande SET person_id = NULL,
    avidentifierad = now(), avidentifierad_orsak = 'tycke'
    WHERE id IN (SELECT id FROM s)$$,
    '23514', NULL, 'one of skyddad, samtycke and gallring');
SELECT throws_ok($$UPDATE deltagande SET person_id = NULL,
    avidentifierad = now(), avidentifierad_orsak = 'gallring',
    slutdatum = slutdatum + 1 WHERE id IN (SELECT id FROM s)$$,
    'SU058', NULL, 'stripping changes no date');
SELECT throws_ok($$INSERT INTO deltagande (insats_id, startdatum, kon_id,
    fodelsear, avidentifierad, avidentifierad_orsak) VALUES
    (pg_temp.ins('D insats'), '2020-01-01', pg_temp.kod('kon', 'K'), 1890,
    now(), 'gallring')$$,
    'SU058', NULL, 'a participation is not made stripped');
SELECT lives_ok($$SELECT pg_temp.at_commit(ARRAY[
    'SELECT pg_temp.logg(id, ''avidentifiera'') FROM s',
    'UPDATE deltagande SET person_id = NULL, avidentifierad = now(),'
    ' avidentifierad_orsak = CASE WHEN id = (SELECT id FROM s'
    ' WHERE pnr = ''191401682396'') THEN ''samtycke'' ELSE ''gallring'''
    ' END WHERE id IN (SELECT id FROM s)',
    'DELETE FROM person WHERE personnummer IN (SELECT pnr FROM s)',
    'INSERT INTO gallring (orsak, utford_av, grans, antal_deltaganden,'
    ' antal_personer, deltaganden) SELECT ''gallring'', ''test'','
    ' ''2023-01-01'', count(*), count(*), array_agg(id) FROM s'])$$,
    'stripping with its audit rows and gallring record');
SELECT results_eq($$SELECT * FROM deltagande_statistik ORDER BY id$$,
    $$SELECT * FROM before ORDER BY id$$,
    'deltagande_statistik is unchanged, row by row');
SELECT results_eq($$SELECT kon, fodelsear, avslutsanledning, count(*)
    FROM deltagande_statistik GROUP BY 1, 2, 3 ORDER BY 1, 2, 3$$,
    $$SELECT kon, fodelsear, avslutsanledning, n FROM before_agg
    ORDER BY 1, 2, 3$$, 'and so is every count by kön, year and outcome');
SELECT is_empty($$SELECT p.id FROM person p WHERE p.personnummer IN
    (SELECT pnr FROM s)$$, 'the persons are gone');
SELECT is((SELECT count(*)::int FROM mattillfalle
    WHERE deltagande_id IN (SELECT id FROM s)), 6,
    'the occasions are kept');
SELECT is((SELECT count(*)::int FROM fraga_svar
    WHERE deltagande_id IN (SELECT id FROM s)), 6, 'and the answers');
SELECT is((SELECT count(*)::int FROM audit_person a JOIN s
    ON a.pnr_hash = pnr_hash(s.pnr) AND a.action = 'avidentifiera'), 3,
    'the trail still answers for each number by its hash');
SELECT throws_ok($$UPDATE deltagande SET fodelsear = 1900
    WHERE id = (SELECT min(id) FROM s)$$,
    'SU058', NULL, 'a stripped participation does not change');
SELECT throws_ok($$UPDATE deltagande SET person_id = (SELECT person FROM f),
    avidentifierad = NULL, avidentifierad_orsak = NULL
    WHERE id = (SELECT min(id) FROM s)$$,
    'SU058', NULL, 'nor gets a person back');
SELECT throws_ok($$UPDATE mattillfalle SET omfattning = 40
    WHERE deltagande_id = (SELECT min(id) FROM s) AND typ = 'ut'$$,
    'SU058', NULL, 'nor do its occasions');
SELECT throws_ok($$DELETE FROM mattillfalle
    WHERE deltagande_id = (SELECT min(id) FROM s)$$,
    'SU058', NULL, 'which are not deleted either');
SELECT throws_ok($$DELETE FROM person WHERE id = (SELECT person FROM f)$$,
    '23503', NULL, 'a person still taking part is not deleted');

-- CHECKs on the person and the register copy.
SELECT throws_ok($$SELECT pg_temp.person('8909189805')$$,
    '23514', NULL, 'a person''s number has twelve digits');
SELECT throws_ok($$INSERT INTO person (personnummer, namn)
    VALUES ('18900918-980', 'Test')$$,
    '23514', NULL, 'digits only');
SELECT throws_ok($$INSERT INTO person (personnummer, namn)
    VALUES ('189711089806', '')$$, '23514', NULL, 'a person has a name');
SELECT throws_ok($$INSERT INTO person (personnummer, namn)
    VALUES ('189009189805', 'Test')$$,
    '23505', NULL, 'one person per personnummer');
SELECT throws_ok($$INSERT INTO folkbokforing (personnummer, namn)
    VALUES ('8909189805', 'Test')$$,
    '23514', NULL, 'the register copy holds twelve digits');

SELECT * FROM finish();
ROLLBACK;
