-- make bench, issue 7: what the import benchmark registers participants
-- on, loaded into the bench cluster's demo database after "susd demo".
--
--	psql -v insatser=N -v historik=H -v pnrfil=PATH \
--	    -f tests/bench/import_setup.sql
--
-- N insatser "Bench 00001".. in Samordningsförbundet Malmö (no
-- kompletterande frågor, so none is mandatory; Malmö needs no stadsdel),
-- categorised and started years ago, not ended; a deltagaransvarig
-- "benchansv" (password demo2026, as every demo user) with an uppdrag on
-- each; and the official test personnummer of pnrfil in the register
-- copy (folkbokforing), registered in Malmö and not protected, so that
-- every row of the benchmark is valid as it stands. The demo's own rows
-- for some of these numbers (Göteborg, Stockholm without stadsdel, one
-- protected) are overwritten: this cluster is the benchmark's alone.
--
-- Then H participations already stored, 200 per insats "Historik
-- 00001".., written here with triggers off (the rows are valid by
-- construction) and ANALYZEd: without them every path would start on a
-- nearly empty deltagande, and the plan that deltagande_rules() caches
-- for its overlap check in each session would be a scan of the whole
-- table per row, right until autovacuum's next ANALYZE, which made the
-- first minute of each run quadratic and its numbers luck.
\set ON_ERROR_STOP 1

CREATE TEMP TABLE bench_pnr (personnummer char(12), kon text);
\set cmd '\\copy bench_pnr FROM ' :'pnrfil' ' WITH (FORMAT csv, HEADER, DELIMITER '';'')'
:cmd

BEGIN;

INSERT INTO folkbokforing (personnummer, namn, kommunkod, stadsdel_id,
    skyddad)
SELECT personnummer, 'Testperson ' || row_number() OVER (ORDER BY
    personnummer), '1280', NULL, false
FROM bench_pnr
ON CONFLICT (personnummer) DO UPDATE SET namn = EXCLUDED.namn,
    kommunkod = EXCLUDED.kommunkod, stadsdel_id = NULL, skyddad = false;

INSERT INTO anvandare (username, password_hash, fornamn, efternamn, epost,
    arbetsgivare_id)
SELECT 'benchansv', a.password_hash, 'Bengt', 'Bänk',
    'bengt.bank@example.se', a.arbetsgivare_id
FROM anvandare a WHERE a.username = 'deltagaransv';
INSERT INTO anvandare_roll (anvandare_id, roll)
SELECT a.id, r.roll FROM anvandare a,
    (VALUES ('deltagaransvarig'), ('susrapport')) AS r(roll)
WHERE a.username = 'benchansv';

INSERT INTO insats (samverkansorg_id, namn, startdatum, beskrivning,
    inriktning_id, preciserad_id, matningsmetod_id)
SELECT s.id, 'Bench ' || lpad(g::text, 5, '0'), '2020-01-01',
    'Insats för make bench.', r.id, p.id, m.id
FROM samverkansorg s, generate_series(1, :insatser) AS g,
    kod r, kod p, kod m
WHERE s.namn = 'Samordningsförbundet Malmö'
    AND r.lista = 'inriktning' AND r.kod = 'INDIVID'
    AND p.lista = 'preciserad_inriktning' AND p.kod = 'SAMORDNING'
    AND m.lista = 'matningsmetod' AND m.kod = 'PERSON'
ORDER BY g;

INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
SELECT i.id, k.id FROM insats i, kod k
WHERE i.namn LIKE 'Bench %' AND k.lista = 'malgrupp' AND k.kod = 'UNGA';

INSERT INTO uppdrag (anvandare_id, roll, insats_id, giltig_from)
SELECT a.id, 'deltagaransvarig', i.id, '2020-01-01'
FROM anvandare a, insats i
WHERE a.username = 'benchansv' AND i.namn LIKE 'Bench %';

COMMIT;

BEGIN;
SET LOCAL session_replication_role = replica;

INSERT INTO insats (samverkansorg_id, namn, startdatum, beskrivning,
    inriktning_id, preciserad_id, matningsmetod_id)
SELECT i.samverkansorg_id, 'Historik ' || lpad(g::text, 5, '0'),
    i.startdatum, i.beskrivning, i.inriktning_id, i.preciserad_id,
    i.matningsmetod_id
FROM insats i, generate_series(1, (:historik + 199) / 200) AS g
WHERE i.namn = 'Bench 00001'
ORDER BY g;
INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
SELECT i.id, k.id FROM insats i, kod k
WHERE i.namn LIKE 'Historik %' AND k.lista = 'malgrupp' AND k.kod = 'UNGA';

INSERT INTO person (personnummer, namn, kommunkod, stadsdel_id)
SELECT f.personnummer, f.namn, f.kommunkod, f.stadsdel_id
FROM folkbokforing f JOIN bench_pnr b ON b.personnummer = f.personnummer
ON CONFLICT (personnummer) DO UPDATE SET namn = EXCLUDED.namn,
    kommunkod = EXCLUDED.kommunkod, stadsdel_id = EXCLUDED.stadsdel_id;

CREATE TEMP TABLE bench_hist AS
SELECT nextval('deltagande_id_seq') AS did, i.id AS insats_id, p.id AS pid,
    p.personnummer, b.kon, ('2024-01-01'::date + (g % 700)) AS start
FROM insats i
CROSS JOIN LATERAL generate_series(1, 200) AS g
JOIN (SELECT personnummer, kon, row_number() OVER (ORDER BY personnummer)
    AS nr FROM bench_pnr) b ON b.nr = g
JOIN person p ON p.personnummer = b.personnummer
WHERE i.namn LIKE 'Historik %';

INSERT INTO deltagande (id, insats_id, startdatum, person_id, kon_id,
    fodelsear, samtycke, samtycke_datum, registrerad_av)
SELECT h.did, h.insats_id, h.start, h.pid, k.id,
    substr(h.personnummer, 1, 4)::smallint, true, h.start, a.id
FROM bench_hist h JOIN kod k ON k.lista = 'kon' AND k.kod = h.kon,
    anvandare a WHERE a.username = 'benchansv';
INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id,
    utbildning_id, tid_id)
SELECT h.did, 'in', s.id, u.id, t.id FROM bench_hist h, kod s, kod u, kod t
WHERE s.lista = 'sysselsattning' AND s.kod = 'INGEN'
    AND u.lista = 'utbildningsniva' AND u.kod = 'GYMN'
    AND t.lista = 'tid_forsorjning' AND t.kod = 'AR_1_2';
INSERT INTO mattillfalle_forsorjning (deltagande_id, typ, forsorjning_id)
SELECT h.did, 'in', k.id FROM bench_hist h, kod k
WHERE k.lista = 'forsorjning' AND k.kod = 'AKASSA';
INSERT INTO audit_person (anvandare_id, action, purpose, pnr_hash,
    person_id, deltagande_id, insats_id)
SELECT NULL, 'skriv', 'Demodata', pnr_hash(h.personnummer), h.pid, h.did,
    h.insats_id
FROM bench_hist h;

COMMIT;

ANALYZE;
