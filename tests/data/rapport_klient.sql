-- The report client's fixture (tests/tui/rapport.sh, tests/integ/
-- rapport_cli.sh): one samverkansorganisation of its own with 30
-- insatser running through 2009 only (no other test or demo data has
-- an insats in 2009), anonymous participants and one volyminsats month,
-- so an Insatsrapport for 2009 at national level is known exactly and
-- needs no personnummer at all.
--
-- Expected, Insatsrapport, from 2009-01-01 tom 2009-12-31, niva riket
-- (one unit, "Riket"; nothing hidden at national level):
--	rows "RK insats 01" .. "RK insats 30" (each with the förbund's
--	name after it) and "Summa"
--	Anonyma kvinnor: insats n has n, so the sum is 1 + ... + 30 = 465
--	Anonyma män: 1 each, sum 30
--	Volym kvinnor: 1200 for insats 01 (March 2009), shown "1 200"
--	Volym män: 34 for insats 01
--	Deltagare, planned numbers, budget: 0
-- Removed again by rapport_klient_bort.sql.
SET session_replication_role = replica;
INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
    SELECT 'Rapportklient förbund', min(id), DATE '2008-01-01'
    FROM samverkansform WHERE kod <> 'AFFK';
INSERT INTO insats (samverkansorg_id, namn, startdatum, slutdatum)
    SELECT s.id, 'RK insats ' || lpad(g::text, 2, '0'), DATE '2009-01-01',
    DATE '2009-12-31'
    FROM samverkansorg s, generate_series(1, 30) g
    WHERE s.namn = 'Rapportklient förbund';
INSERT INTO anonym_deltagande (insats_id, ar, kon_id, antal)
    SELECT i.id, 2009, k.id, CASE k.kod WHEN 'K'
    THEN substr(i.namn, 11)::integer ELSE 1 END
    FROM insats i JOIN samverkansorg s ON s.id = i.samverkansorg_id,
    kod k WHERE s.namn = 'Rapportklient förbund' AND k.lista = 'kon'
    AND k.kod IN ('K', 'M');
INSERT INTO volym_antal (insats_id, period, kvinnor, man)
    SELECT i.id, DATE '2009-03-01', 1200, 34
    FROM insats i JOIN samverkansorg s ON s.id = i.samverkansorg_id
    WHERE s.namn = 'Rapportklient förbund' AND i.namn = 'RK insats 01';
