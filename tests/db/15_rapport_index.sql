-- The report views (schema 0012) give exactly what their first
-- definitions (0008 deltagande_statistik, 0010 affk_statistik) gave,
-- which named every code through kod_kod(): the same columns and types,
-- and row for row the same values, '' where a code is missing (an
-- ongoing participation's utregistrering, a stripped one, a
-- felregistrering without outcome, no occasion at all), the försörjning
-- arrays sorted and empty where there is none. They no longer call
-- kod_kod(), whose per-row cost was the point of 0012.
--
-- The rows are written with triggers off (session_replication_role):
-- only the views are under test here, the rules have their own files.
-- Everything is rolled back.
BEGIN;
SELECT plan(8);

SET LOCAL session_replication_role = replica;

CREATE FUNCTION pg_temp.kod(l text, k text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM kod WHERE lista = l AND kod = k $$;

INSERT INTO samverkansorg (id, namn, samverkansform_id, startdatum)
VALUES (9001, 'Vytest förbund', 1, '2015-01-01');
INSERT INTO insats (id, samverkansorg_id, namn, startdatum, inriktning_id,
    preciserad_id, matningsmetod_id)
VALUES (9001, 9001, 'Vytest insats', '2015-01-01',
    pg_temp.kod('inriktning', 'INDIVID'),
    pg_temp.kod('preciserad_inriktning', 'SAMORDNING'),
    pg_temp.kod('matningsmetod', 'PERSON'));

-- 1 ended with everything; 2 ongoing; 3 ended by felregistrering (no
-- outcome, no försörjning after); 4 no occasion at all; 5 a kön id that
-- names no code (kod_kod gave '').
INSERT INTO deltagande (id, insats_id, startdatum, slutdatum, person_id,
    kon_id, fodelsear, samtycke, avidentifierad, avidentifierad_orsak)
VALUES
	(9001, 9001, '2021-01-01', '2021-06-30', NULL,
	    pg_temp.kod('kon', 'K'), 1980, true, now(), 'gallring'),
	(9002, 9001, '2021-02-01', NULL, NULL,
	    pg_temp.kod('kon', 'M'), 1990, true, now(), 'gallring'),
	(9003, 9001, '2021-03-01', '2021-03-02', NULL,
	    pg_temp.kod('kon', 'K'), 2000, true, now(), 'gallring'),
	(9004, 9001, '2021-04-01', NULL, NULL,
	    pg_temp.kod('kon', 'M'), 1970, true, now(), 'gallring'),
	(9005, 9001, '2021-05-01', NULL, NULL, -1, 1960, true, now(),
	    'gallring');
INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id, omfattning,
    utbildning_id, tid_id, avslut_id)
VALUES
	(9001, 'in', pg_temp.kod('sysselsattning', 'ARBETE'), 50,
	    pg_temp.kod('utbildningsniva', 'GYMN'),
	    pg_temp.kod('tid_forsorjning', 'AR_1_2'), NULL),
	(9001, 'ut', pg_temp.kod('sysselsattning', 'STUDIER'), 100, NULL, NULL,
	    pg_temp.kod('avslutsanledning', 'STUDIER')),
	(9002, 'in', pg_temp.kod('sysselsattning', 'INGEN'), NULL,
	    pg_temp.kod('utbildningsniva', 'FORGYMN'),
	    pg_temp.kod('tid_forsorjning', 'OVER_10'), NULL),
	(9003, 'in', pg_temp.kod('sysselsattning', 'ARBETSSOKANDE'), NULL,
	    pg_temp.kod('utbildningsniva', 'SAKNAS'),
	    pg_temp.kod('tid_forsorjning', 'INGEN'), NULL),
	(9003, 'ut', NULL, NULL, NULL, NULL,
	    pg_temp.kod('avslutsanledning', 'FELREGISTRERING'));
INSERT INTO mattillfalle_forsorjning (deltagande_id, typ, forsorjning_id)
VALUES
	(9001, 'in', pg_temp.kod('forsorjning', 'SJUKPENNING')),
	(9001, 'in', pg_temp.kod('forsorjning', 'AKASSA')),
	(9001, 'ut', pg_temp.kod('forsorjning', 'INGEN')),
	(9002, 'in', pg_temp.kod('forsorjning', 'EKONOMISKT_BISTAND')),
	(9003, 'in', pg_temp.kod('forsorjning', 'ANNAN'));

-- Af/FK: one office of each authority, two ärenden (one ended, one with
-- a kön id that names no code), periods of several insatstyper.
INSERT INTO insats (id, samverkansorg_id, namn, startdatum)
SELECT 9100 + row_number() OVER (ORDER BY s.affk_myndighet), s.id,
    'Vytest kontor ' || s.affk_myndighet, '2013-02-01'
FROM samverkansorg s WHERE s.affk_myndighet IS NOT NULL;
INSERT INTO affk_kontor (id, myndighet, namn, omrade_lista, omrade_id,
    kontorstyp, insats_id)
SELECT 9100 + row_number() OVER (ORDER BY s.affk_myndighet),
    s.affk_myndighet, 'Vytest kontor ' || s.affk_myndighet,
    CASE s.affk_myndighet WHEN 'AF' THEN 'marknadsomrade'
    ELSE 'verksamhetsomrade' END,
    CASE s.affk_myndighet WHEN 'AF' THEN pg_temp.kod('marknadsomrade', 'SYD')
    ELSE pg_temp.kod('verksamhetsomrade', 'SJUKFORSAKRING') END,
    CASE s.affk_myndighet WHEN 'FK' THEN 'TA' END, i.id
FROM samverkansorg s JOIN insats i ON i.samverkansorg_id = s.id
WHERE s.affk_myndighet IS NOT NULL AND i.namn LIKE 'Vytest kontor %';
INSERT INTO affk_arende (id, person_id, kon_id, fodelsear, kommunkod,
    initierad_av, samtycke, af_kontor_id, fk_kontor_id, startdatum,
    slutdatum, avidentifierad, avidentifierad_orsak)
VALUES
	(9001, NULL, pg_temp.kod('kon', 'K'), 1985, '1280', 'FK', true,
	    9101, 9102, '2021-01-10', '2021-09-01', now(), 'gallring'),
	(9002, NULL, -1, 1975, NULL, 'AF', true, 9101, 9102, '2021-02-10',
	    NULL, now(), 'gallring');
INSERT INTO affk_period (id, arende_id, insatstyp_id, startdatum, slutdatum,
    af_kontor_id, fk_kontor_id, myndighet)
SELECT 9000 + v.nr, v.arende, pg_temp.kod('affk_insatstyp', v.typ),
    v.fr::date, v.tom::date, 9101, 9102, v.myndighet
FROM (VALUES
	(1, 9001, 'BEGARAN_GK', '2021-01-10', '2021-02-01', 'FK'),
	(2, 9001, 'GK', '2021-02-02', '2021-04-30', 'FK'),
	(3, 9001, 'PLANERAD_ARBETSLIV', '2021-05-01', '2021-05-31', 'FK'),
	(4, 9001, 'ARBETSLIVSINRIKTADE', '2021-06-01', '2021-08-31', 'AF'),
	(5, 9001, 'AVSLUTAT', '2021-09-01', '2021-09-01', 'AF'),
	(6, 9002, 'GK', '2021-02-10', NULL, 'FK')
) AS v(nr, arende, typ, fr, tom, myndighet);

-- The first definitions, as 0008 and 0010 made them.
CREATE TEMP VIEW gammal_deltagande AS
	SELECT d.id, d.insats_id, i.samverkansorg_id, d.startdatum,
	    d.slutdatum, kod_kod(d.kon_id) AS kon, d.fodelsear,
	    kod_kod(ut.avslut_id) AS avslutsanledning,
	    kod_kod(inn.sysselsattning_id) AS sysselsattning_fore,
	    kod_kod(ut.sysselsattning_id) AS sysselsattning_efter,
	    kod_kod(inn.utbildning_id) AS utbildningsniva,
	    kod_kod(inn.tid_id) AS tid_forsorjning,
	    ARRAY(SELECT kod_kod(f.forsorjning_id) FROM
		mattillfalle_forsorjning f WHERE f.deltagande_id = d.id
		AND f.typ = 'in' ORDER BY 1) AS forsorjning_fore,
	    ARRAY(SELECT kod_kod(f.forsorjning_id) FROM
		mattillfalle_forsorjning f WHERE f.deltagande_id = d.id
		AND f.typ = 'ut' ORDER BY 1) AS forsorjning_efter
	FROM deltagande d JOIN insats i ON i.id = d.insats_id
	LEFT JOIN mattillfalle inn ON inn.deltagande_id = d.id
	    AND inn.typ = 'in'
	LEFT JOIN mattillfalle ut ON ut.deltagande_id = d.id AND ut.typ = 'ut';
CREATE TEMP VIEW gammal_affk AS
	SELECT p.id AS period_id, p.arende_id, a.initierad_av,
	    kod_kod(a.kon_id) AS kon, a.fodelsear, a.kommunkod,
	    a.startdatum AS arende_start, a.slutdatum AS arende_slut,
	    kod_kod(p.insatstyp_id) AS insatstyp, t.slag, p.startdatum,
	    p.slutdatum, p.af_kontor_id, p.fk_kontor_id, p.myndighet
	FROM affk_period p JOIN affk_arende a ON a.id = p.arende_id
	JOIN affk_insatstyp t ON t.kod_id = p.insatstyp_id;

SELECT results_eq(
    'SELECT * FROM deltagande_statistik WHERE id BETWEEN 9001 AND 9005
	ORDER BY id',
    'SELECT * FROM gammal_deltagande WHERE id BETWEEN 9001 AND 9005
	ORDER BY id',
    'deltagande_statistik: the first definition''s rows and values');
SELECT results_eq(
    $$SELECT kon, avslutsanledning, sysselsattning_efter,
	forsorjning_fore, forsorjning_efter FROM deltagande_statistik
	WHERE id IN (9001, 9003, 9005) ORDER BY id$$,
    $$VALUES ('K', 'STUDIER', 'STUDIER', '{AKASSA,SJUKPENNING}'::text[],
	'{INGEN}'::text[]),
	('K', 'FELREGISTRERING', '', '{ANNAN}'::text[], '{}'::text[]),
	('', '', '', '{}'::text[], '{}'::text[])$$,
    'deltagande_statistik: codes by name, '''' where none, arrays sorted');
SELECT results_eq(
    'SELECT * FROM affk_statistik WHERE arende_id IN (9001, 9002)
	ORDER BY period_id',
    'SELECT * FROM gammal_affk WHERE arende_id IN (9001, 9002)
	ORDER BY period_id',
    'affk_statistik: the first definition''s rows and values');
SELECT results_eq(
    $$SELECT kon, insatstyp FROM affk_statistik
	WHERE period_id IN (9005, 9006) ORDER BY period_id$$,
    $$VALUES ('K', 'AVSLUTAT'), ('', 'GK')$$,
    'affk_statistik: kön and insatstyp by code, '''' where none');
-- Column names and types unchanged (a report binds them by position).
SELECT results_eq(
    $$SELECT attname::text, format_type(atttypid, atttypmod)
	FROM pg_attribute WHERE attrelid = 'deltagande_statistik'::regclass
	AND attnum > 0 ORDER BY attnum$$,
    $$SELECT attname::text, format_type(atttypid, atttypmod)
	FROM pg_attribute WHERE attrelid = 'gammal_deltagande'::regclass
	AND attnum > 0 ORDER BY attnum$$,
    'deltagande_statistik: the same columns and types');
SELECT results_eq(
    $$SELECT attname::text, format_type(atttypid, atttypmod)
	FROM pg_attribute WHERE attrelid = 'affk_statistik'::regclass
	AND attnum > 0 ORDER BY attnum$$,
    $$SELECT attname::text, format_type(atttypid, atttypmod)
	FROM pg_attribute WHERE attrelid = 'gammal_affk'::regclass
	AND attnum > 0 ORDER BY attnum$$,
    'affk_statistik: the same columns and types');
SELECT ok(pg_get_viewdef('deltagande_statistik'::regclass) NOT LIKE
    '%kod_kod%', 'deltagande_statistik calls no kod_kod() per row');
SELECT ok(pg_get_viewdef('affk_statistik'::regclass) NOT LIKE '%kod_kod%',
    'affk_statistik calls no kod_kod() per row');

SELECT * FROM finish();
ROLLBACK;
