-- Kostnadsrapport fixture (issue 9, tests/integ/rapport_kostnad.c).
-- Budget years 2005-2006, Kronobergs län (07xx): no demo organisation
-- and no other test has money there. Loaded as the superuser with the
-- schema's triggers on (so the lines are ones the rules accept), and
-- removed again by the case.
--
-- Organisations (FINSAM, startdatum 2004-01-01):
--   Kostnadsfixtur Norr (0760 Uppvidinge, 0761 Lessebo)
--   Kostnadsfixtur Syd  (0765 Älmhult, 0767 Markaryd)
--   Kostnadsfixtur Tom  (0780 Växjö): money only in 2004, never listed
-- Finansiärer by group: Stat = Försäkringskassan, Arbetsförmedlingen;
-- Kommuner = Kostnadsfixtur {Lessebo,Uppvidinge,Älmhult} kommun;
-- Landsting = Kostnadsfixtur Region Kronoberg; Samordningsförbund =
-- Kostnadsfixtur Förbundet Öst; ESF = Kostnadsfixtur ESF-rådet; Övriga =
-- Kostnadsfixtur Stiftelse.
--
-- Lines (budget/utfall, "-" = no utfall):
--   Norr 2004 FK 999/999 (outside the years)
--   Norr 2005 FK 400000/400000, Uppvidinge 100000/100000,
--        Lessebo 100000/90000, Region 200000/200000,
--        ESF-rådet 50000/40000, Eget kapital 30000/-
--   Norr 2006 FK 420000/-, Af 10000/10000, Uppvidinge 110000/-,
--        Region 210000/210000, Förbundet Öst 20000/20000,
--        Stiftelse 5000/5000, Eget kapital 60000/60000
--   Syd  2005 FK 300000/300000, Älmhult 150000/150000,
--        Region 150000/140000
--   Syd  2006 FK 310000/305000, Älmhult 155000/-, ESF-rådet 80000/80000,
--        Stiftelse 7000/0
--   Tom  2004 FK 5000/5000
-- Administrativa kostnader:
--   Norr 2005 Kring 50000/48000, Personal 200000/210000
--   Norr 2006 Personal 220000/-, Revision 10000/10000
--   Syd  2005 Kring 30000/30000
--   Syd  2006 Övrigt 5000/4000, Personal 150000/150000
--   Syd  2007 Kring 1111/1111 (outside)
-- Insatser and budget lines (INSATS = Insatskostnad, ESF = ESF
-- Insatskostnad):
--   Norr "Kostnadsfixtur A": 2005 INSATS 100000/95000, ESF 40000/40000;
--                            2006 INSATS 120000/-
--   Norr "Kostnadsfixtur B": 2006 ESF 30000/25000
--   Syd  "Kostnadsfixtur C": 2005 INSATS 80000/80000;
--                            2006 INSATS 90000/85000, ESF 20000/-
--
-- Expected, years 2005-2006 (budget/utfall, kronor):
-- medel, Norr: Stat 830000/410000 (Af 10000/10000, FK 820000/400000);
--   Kommuner 310000/190000 (Lessebo 100000/90000, Uppvidinge
--   210000/100000); Landsting/regioner 410000/410000 (Region);
--   Samordningsförbund 20000/20000 (Förbundet Öst); ESF-medel
--   50000/40000 (ESF-rådet); Övriga 5000/5000 (Stiftelse); Eget kapital
--   90000/60000; Summa medelstillgångar 1715000/1135000.
-- medel, Syd: Stat 610000/605000 (FK); Kommuner 305000/150000
--   (Älmhult); Landsting/regioner 150000/140000; Samordningsförbund 0/0;
--   ESF-medel 80000/80000; Övriga 7000/0; Eget kapital 0/0;
--   Summa medelstillgångar 1152000/975000.
-- medel, Riket = Kronobergs län: Stat 1440000/1015000 (Af 10000/10000,
--   FK 1430000/1005000); Kommuner 615000/340000 (Lessebo 100000/90000,
--   Uppvidinge 210000/100000, Älmhult 305000/150000); Landsting/regioner
--   560000/550000; Samordningsförbund 20000/20000; ESF-medel
--   130000/120000; Övriga 12000/5000; Eget kapital 90000/60000;
--   Summa medelstillgångar 2867000/2110000.
-- medel, Riket, 2005 only: Summa medelstillgångar 1480000/1420000.
-- insatskostnad (Insatskostnad b/u, ESF b/u, Summa b/u):
--   Norr 220000/95000, 70000/65000, 290000/160000
--   Syd  170000/165000, 20000/0, 190000/165000
--   Summa (riket, län) 390000/260000, 90000/65000, 480000/325000
-- admin: Norr 480000/268000 (Kring 50000/48000, Personal 420000/210000,
--   Revision 10000/10000); Syd 185000/184000 (Kring 30000/30000,
--   Personal 150000/150000, Övrigt 5000/4000); Summa 665000/452000.
-- sammanstallning (Medelstillgångar, Administrativa kostnader,
--   Insatskostnader, Kvar):
--   Norr  1715000/1135000, 480000/268000, 290000/160000, 945000/707000
--   Syd   1152000/975000, 185000/184000, 190000/165000, 777000/626000
--   Riket 2867000/2110000, 665000/452000, 480000/325000, 1722000/1333000
BEGIN;

INSERT INTO organisation (namn, organisationstyp) VALUES
	('Kostnadsfixtur Uppvidinge kommun', 'Kommun'),
	('Kostnadsfixtur Lessebo kommun', 'Kommun'),
	('Kostnadsfixtur Älmhult kommun', 'Kommun'),
	('Kostnadsfixtur Region Kronoberg', 'Landsting/Region'),
	('Kostnadsfixtur Förbundet Öst', 'Samordningsförbund'),
	('Kostnadsfixtur ESF-rådet', 'ESF'),
	('Kostnadsfixtur Stiftelse', 'Övriga');

INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
SELECT v.namn, f.id, DATE '2004-01-01'
FROM (VALUES ('Kostnadsfixtur Norr'), ('Kostnadsfixtur Syd'),
    ('Kostnadsfixtur Tom')) AS v(namn)
JOIN samverkansform f ON f.kod = 'FINSAM';

INSERT INTO samverkansorg_kommun (samverkansorg_id, kommunkod)
SELECT s.id, v.kommun
FROM (VALUES ('Kostnadsfixtur Norr', '0760'),
    ('Kostnadsfixtur Norr', '0761'), ('Kostnadsfixtur Syd', '0765'),
    ('Kostnadsfixtur Syd', '0767'), ('Kostnadsfixtur Tom', '0780'))
    AS v(org, kommun)
JOIN samverkansorg s ON s.namn = v.org;

INSERT INTO samverkansorg_organisation (samverkansorg_id, organisation_id,
    medlem, finansiar)
SELECT s.id, o.id, true, true
FROM (VALUES
	('Kostnadsfixtur Norr', 'Försäkringskassan'),
	('Kostnadsfixtur Norr', 'Arbetsförmedlingen'),
	('Kostnadsfixtur Norr', 'Kostnadsfixtur Uppvidinge kommun'),
	('Kostnadsfixtur Norr', 'Kostnadsfixtur Lessebo kommun'),
	('Kostnadsfixtur Norr', 'Kostnadsfixtur Region Kronoberg'),
	('Kostnadsfixtur Norr', 'Kostnadsfixtur Förbundet Öst'),
	('Kostnadsfixtur Norr', 'Kostnadsfixtur ESF-rådet'),
	('Kostnadsfixtur Norr', 'Kostnadsfixtur Stiftelse'),
	('Kostnadsfixtur Syd', 'Försäkringskassan'),
	('Kostnadsfixtur Syd', 'Kostnadsfixtur Älmhult kommun'),
	('Kostnadsfixtur Syd', 'Kostnadsfixtur Region Kronoberg'),
	('Kostnadsfixtur Syd', 'Kostnadsfixtur ESF-rådet'),
	('Kostnadsfixtur Syd', 'Kostnadsfixtur Stiftelse'),
	('Kostnadsfixtur Tom', 'Försäkringskassan')
) AS v(org, finansiar)
JOIN samverkansorg s ON s.namn = v.org
JOIN organisation o ON o.namn = v.finansiar;

INSERT INTO samorg_finansiering (samverkansorg_id, ar, organisation_id,
    eget_kapital, belopp, utfall, beskrivning)
SELECT s.id, v.ar, o.id, v.finansiar IS NULL, v.belopp, v.utfall,
    CASE WHEN v.finansiar IS NULL THEN 'Eget kapital' ELSE 'Andel' END
FROM (VALUES
	('Kostnadsfixtur Norr', 2004, 'Försäkringskassan', 999, 999),
	('Kostnadsfixtur Norr', 2005, 'Försäkringskassan', 400000, 400000),
	('Kostnadsfixtur Norr', 2005, 'Kostnadsfixtur Uppvidinge kommun',
	    100000, 100000),
	('Kostnadsfixtur Norr', 2005, 'Kostnadsfixtur Lessebo kommun',
	    100000, 90000),
	('Kostnadsfixtur Norr', 2005, 'Kostnadsfixtur Region Kronoberg',
	    200000, 200000),
	('Kostnadsfixtur Norr', 2005, 'Kostnadsfixtur ESF-rådet', 50000,
	    40000),
	('Kostnadsfixtur Norr', 2005, NULL, 30000, NULL),
	('Kostnadsfixtur Norr', 2006, 'Försäkringskassan', 420000, NULL),
	('Kostnadsfixtur Norr', 2006, 'Arbetsförmedlingen', 10000, 10000),
	('Kostnadsfixtur Norr', 2006, 'Kostnadsfixtur Uppvidinge kommun',
	    110000, NULL),
	('Kostnadsfixtur Norr', 2006, 'Kostnadsfixtur Region Kronoberg',
	    210000, 210000),
	('Kostnadsfixtur Norr', 2006, 'Kostnadsfixtur Förbundet Öst', 20000,
	    20000),
	('Kostnadsfixtur Norr', 2006, 'Kostnadsfixtur Stiftelse', 5000, 5000),
	('Kostnadsfixtur Norr', 2006, NULL, 60000, 60000),
	('Kostnadsfixtur Syd', 2005, 'Försäkringskassan', 300000, 300000),
	('Kostnadsfixtur Syd', 2005, 'Kostnadsfixtur Älmhult kommun', 150000,
	    150000),
	('Kostnadsfixtur Syd', 2005, 'Kostnadsfixtur Region Kronoberg',
	    150000, 140000),
	('Kostnadsfixtur Syd', 2006, 'Försäkringskassan', 310000, 305000),
	('Kostnadsfixtur Syd', 2006, 'Kostnadsfixtur Älmhult kommun', 155000,
	    NULL),
	('Kostnadsfixtur Syd', 2006, 'Kostnadsfixtur ESF-rådet', 80000,
	    80000),
	('Kostnadsfixtur Syd', 2006, 'Kostnadsfixtur Stiftelse', 7000, 0),
	('Kostnadsfixtur Tom', 2004, 'Försäkringskassan', 5000, 5000)
) AS v(org, ar, finansiar, belopp, utfall)
JOIN samverkansorg s ON s.namn = v.org
LEFT JOIN organisation o ON o.namn = v.finansiar;

INSERT INTO samorg_admkostnad (samverkansorg_id, ar, kostnadstyp_id, budget,
    utfall, beskrivning)
SELECT s.id, v.ar, k.id, v.budget, v.utfall, 'Fixtur'
FROM (VALUES
	('Kostnadsfixtur Norr', 2005, 'KRING', 50000, 48000),
	('Kostnadsfixtur Norr', 2005, 'PERSONAL', 200000, 210000),
	('Kostnadsfixtur Norr', 2006, 'PERSONAL', 220000, NULL),
	('Kostnadsfixtur Norr', 2006, 'REVISION', 10000, 10000),
	('Kostnadsfixtur Syd', 2005, 'KRING', 30000, 30000),
	('Kostnadsfixtur Syd', 2006, 'OVRIGT', 5000, 4000),
	('Kostnadsfixtur Syd', 2006, 'PERSONAL', 150000, 150000),
	('Kostnadsfixtur Syd', 2007, 'KRING', 1111, 1111)
) AS v(org, ar, typ, budget, utfall)
JOIN samverkansorg s ON s.namn = v.org
JOIN kod k ON k.lista = 'kostnadstyp' AND k.kod = v.typ;

INSERT INTO insats (samverkansorg_id, namn, startdatum)
SELECT s.id, v.namn, DATE '2005-01-01'
FROM (VALUES ('Kostnadsfixtur Norr', 'Kostnadsfixtur A'),
    ('Kostnadsfixtur Norr', 'Kostnadsfixtur B'),
    ('Kostnadsfixtur Syd', 'Kostnadsfixtur C')) AS v(org, namn)
JOIN samverkansorg s ON s.namn = v.org;

INSERT INTO insats_budgetpost (insats_id, ar, budgettyp_id, budget, utfall,
    beskrivning)
SELECT i.id, v.ar, k.id, v.budget, v.utfall, 'Fixtur'
FROM (VALUES
	('Kostnadsfixtur A', 2005, 'INSATS', 100000, 95000),
	('Kostnadsfixtur A', 2005, 'ESF', 40000, 40000),
	('Kostnadsfixtur A', 2006, 'INSATS', 120000, NULL),
	('Kostnadsfixtur B', 2006, 'ESF', 30000, 25000),
	('Kostnadsfixtur C', 2005, 'INSATS', 80000, 80000),
	('Kostnadsfixtur C', 2006, 'INSATS', 90000, 85000),
	('Kostnadsfixtur C', 2006, 'ESF', 20000, NULL)
) AS v(insats, ar, typ, budget, utfall)
JOIN insats i ON i.namn = v.insats
JOIN kod k ON k.lista = 'budgettyp' AND k.kod = v.typ;

COMMIT;
