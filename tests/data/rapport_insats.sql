-- Fixture for the Insatsrapport and the report engine (issue 9):
-- tests/integ/rapport_insats.c and rapport_motor.c load it through psql as
-- the superuser and remove it again (rapport_fixture_bort()). Triggers are
-- off (session_replication_role = replica): the dates are old and no
-- audit rows are wanted. Its own organisations and years (2001-2002) in
-- Blekinge (10xx), where no demo organisation is, so no other data
-- disturbs the figures below.
--
-- Two förbund, both counted under Blekinge län (samorg_lan):
--   ÖST  "Rapporttest Östra Blekinge"   kommuner 1080, 1081
--   VÄST "Rapporttest Västra Blekinge"  kommuner 1082, 1083, 1060
-- Insatser (inriktning, mätningsmetod, målgrupper, dates):
--   I1 ÖST  "RT Steg ett" INDIVID PERSON UNGA          2000-06-01 -
--   I2 ÖST  "RT Volym"    STRUKTUR ANTAL PSYKISK       2001-01-01 - 2002-12-31
--   I3 ÖST  "RT Gammal"   INDIVID PERSON UNGA          2000-01-01 - 2001-06-30
--   I4 VÄST "RT Steg ett" INDIVID PERSON LANGTIDSSJUK  2000-01-01 -
--   I5 VÄST "RT Liten"    INDIVID PERSON UNGA+LANGTIDSSJUK 2002-06-30 -
--   I6 VÄST "RT Sen"      INDIVID PERSON UNGA          2002-07-01 -
--
-- The period of the tests: from 2001-07-01 tom 2002-06-30, so the year of
-- tom is 2002. In scope: insatser with start <= tom and (no end or end >=
-- from): I1, I2, I4, I5 (I3 ends the day before from, I6 starts the day
-- after tom).
--
-- Participations (kön, födelseår: age in 2002, start - slut):
--   I1 d1  K 1980 (22) 2000-09-01 -             in, ongoing
--      d2  M 1975 (27) 2001-07-01 - 2001-12-31  in, new (from), ended
--      d3  K 1985 (17) 2001-03-01 - 2001-06-30  not in (ends before from)
--      d4  M 1985 (17) 2002-06-30 -             in, new (tom), ongoing
--      d5  K 1960 (42) 2001-01-01 - 2002-06-30  in, ended (tom)
--      d6  K 1972 (30) 2002-07-01 -             not in (starts after tom)
--      d7  M 1950 (52) 2000-01-01 - 2002-07-01  in, ongoing (ends after)
--   I3 d8  K 1980 (22) 2000-02-01 - 2001-06-30  insats not in scope
--   I4 d9  K 1982 (20) 2001-08-01 -             in, new, ongoing
--      d10 M 1970 (32) 2000-05-01 - 2001-07-01  in (ends on from), ended
--      d11 K 1979 (23) 2001-10-01 - 2002-03-31  in, new, ended
--   I5 d12 M 1984 (18) 2002-06-30 -             in, new, ongoing
-- Anonymous (year, kön, antal): I1 2000 K 4 (out), 2000 M 5 (out),
--   2001 K 2, 2001 M 1, 2002 K 3; I4 2002 K 1, 2002 M 2.
-- Volume, I2 (month: K M okänt): 2001-06 10 10 1 (out, ends before from),
--   2001-07 3 2 1 (replacing 50 50 50, ersatt: out), 2001-12 4 0 0,
--   2002-06 1 5 2, 2002-07 9 9 9 (out).
-- Planned (insats_ar): I1 2001 99 (out), I1 2002 20, I2 2002 100,
--   I4 2002 8, I5 2002 4.
-- Budget lines: I1 2002 INSATS 100000 utfall 80000, I1 2002 ESF 50000 no
--   utfall, I1 2001 INSATS 77777 utfall 77777 (out), I2 2002 INSATS 30000
--   utfall 25000, I4 2002 INSATS 60000 utfall 61000.
-- Deltagaransvariga now: I1 deltagaransv and insatsansv (current),
--   rapport (ended 2001-12-31, not counted); I4 deltagaransv.
--
-- Expected rows, columns: Planerat, Deltagare under perioden, Nya,
-- Avslutade, Pågående vid periodens slut, Anonyma K, Anonyma M, Volym K,
-- Volym M, Volym okänt, Budget, Utfall, Deltagaransvariga:
--   I1  20  5  2  2  3   5  1   0  0  0  150000  80000  2
--   I2 100  0  0  0  0   0  0   8  7  3   30000  25000  0
--   I4   8  3  2  2  1   1  2   0  0  0   60000  61000  1
--   I5   4  1  1  0  1   0  0   0  0  0       0      0  0
--   sum (Blekinge) 132  9  5  4  5   6  3   8  7  3  240000  166000  3
--   ÖST sum  120  5  2  2  3   5  1   8  7  3  180000  105000  2
--   VÄST sum  12  4  3  2  2   1  2   0  0  0   60000   61000  1
--
-- Hidden below riket, and at riket narrowed to one unit (threshold 3;
-- D = hidden; ANTAL columns are the four person counts and the two
-- anonymous ones):
--   samorg ÖST:  I1 5 D D 3 5 D; I2 0 0 0 0 0 0; sum 5 D D 3 5 D
--     (2, 2, 1 are small; the sums 2, 2, 1 are small themselves)
--   samorg VÄST: I4 D D D D D D; I5 D D 0 D 0 0; sum 4 3 D D D D
--     (I4's 3 under perioden is hidden because the sum 4 would give
--     I5's 1 away: secondary suppression)
--   län Blekinge: I1 5 D D 3 D D; I2 0 0 0 0 0 0; I4 D D D D D D;
--     I5 D D 0 D 0 0; sum 9 5 4 5 6 3 (I4's 3 hides with I5's 1 under
--     the sum 9; I1's 5 anonyma kvinnor hides with I4's 1 under the 6)
--   insats (one row per group, no sum row): I1 5 D D 3 5 D;
--     I2 0 0 0 0 0 0; I4 3 D D D D D; I5 D D 0 D 0 0
-- Other columns are never hidden.
--
-- At riket over the whole country nothing is hidden: the rows above (no
-- other data lies in these years). Riket narrowed to Blekinge (lan 10)
-- shows that one län, so it hides exactly what "län Blekinge" above
-- hides, with the same sum row. RT Volym alone (insats filter, narrowed
-- too): its row and a sum row equal to it; nothing in it is small, so
-- nothing is hidden.
--
-- Filters at level län (Blekinge), rows I1 I2 I4 I5 and sum; the seven
-- columns Planerat..Anonyma M, then Volym K M okänt (Budget, Utfall and
-- Deltagaransvariga are as above for each row: filters do not touch them):
--   kön K:  I1 20 D 0 D D D 0 | 0 0 0;  I2 100 0 0 0 0 0 0 | 8 0 0;
--           I4 8 D D D D D 0 | 0 0 0;   I5 4 0 0 0 0 0 0 | 0 0 0;
--           sum 132 4 D D D 6 0 | 8 0 0
--     (persons K: I1 d1 d5 = 2 0 1 1, I4 d9 d11 = 2 2 1 1; anonymous K
--     5 and 1: the 1 hides the 5 under the sum 6; the sums 2 are small)
--   kön M:  I1 20 3 D D D 0 D | 0 0 0;  I2 100 0 0 0 0 0 0 | 0 7 0;
--           I4 8 D 0 D 0 0 D | 0 0 0;   I5 4 D D 0 D 0 0 | 0 0 0;
--           sum 132 5 3 D 3 0 3 | 0 7 0
--     (persons M: I1 d2 d4 d7 = 3 2 1 2, I4 d10 = 1 0 1 0, I5 d12 =
--     1 1 0 1; anonymous M 1 and 2)
--   ålder 16-24 (anonymous and volume empty: they have no age):
--           I1 20 D D 0 D;  I2 100 0 0 0 0;  I4 8 D D D D;  I5 4 D D 0 D;
--           sum 132 5 4 D 4
--     (I1 d1 d4 = 2 1 0 2, I4 d9 d11 = 2 2 1 1, I5 d12 = 1 1 0 1)
--   inriktning STRUKTUR: I2 alone, its sum equal to it, nothing hidden
--   målgrupp UNGA: I1 20 D D D D 5 D | 0 0 0;  I5 4 D D 0 D 0 0 | 0 0 0;
--           sum 24 6 3 D 4 5 D | 0 0 0, budget 150000 utfall 80000,
--           2 deltagaransvariga
--     (I5's 1 under perioden and 1 pågående hide I1's 5 and 3 under the
--     sums 6 and 4)
SET session_replication_role = replica;

INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
SELECT v.namn, f.id, DATE '2000-01-01'
FROM (VALUES ('Rapporttest Östra Blekinge'),
    ('Rapporttest Västra Blekinge')) AS v(namn)
JOIN samverkansform f ON f.kod = 'FINSAM';

INSERT INTO samverkansorg_kommun (samverkansorg_id, kommunkod)
SELECT s.id, v.kommunkod
FROM (VALUES ('Rapporttest Östra Blekinge', '1080'),
    ('Rapporttest Östra Blekinge', '1081'),
    ('Rapporttest Västra Blekinge', '1082'),
    ('Rapporttest Västra Blekinge', '1083'),
    ('Rapporttest Västra Blekinge', '1060')) AS v(samorg, kommunkod)
JOIN samverkansorg s ON s.namn = v.samorg;

CREATE TEMP TABLE rt_insats (kort text, samorg text, namn text,
    inriktning text, metod text, startdatum date, slutdatum date);
INSERT INTO rt_insats VALUES
    ('I1', 'Rapporttest Östra Blekinge', 'RT Steg ett', 'INDIVID', 'PERSON',
	'2000-06-01', NULL),
    ('I2', 'Rapporttest Östra Blekinge', 'RT Volym', 'STRUKTUR', 'ANTAL',
	'2001-01-01', '2002-12-31'),
    ('I3', 'Rapporttest Östra Blekinge', 'RT Gammal', 'INDIVID', 'PERSON',
	'2000-01-01', '2001-06-30'),
    ('I4', 'Rapporttest Västra Blekinge', 'RT Steg ett', 'INDIVID', 'PERSON',
	'2000-01-01', NULL),
    ('I5', 'Rapporttest Västra Blekinge', 'RT Liten', 'INDIVID', 'PERSON',
	'2002-06-30', NULL),
    ('I6', 'Rapporttest Västra Blekinge', 'RT Sen', 'INDIVID', 'PERSON',
	'2002-07-01', NULL);

INSERT INTO insats (samverkansorg_id, namn, startdatum, slutdatum,
    inriktning_id, matningsmetod_id)
SELECT s.id, r.namn, r.startdatum, r.slutdatum,
    (SELECT id FROM kod WHERE lista = 'inriktning' AND kod = r.inriktning),
    (SELECT id FROM kod WHERE lista = 'matningsmetod' AND kod = r.metod)
FROM rt_insats r JOIN samverkansorg s ON s.namn = r.samorg;

-- The insats of a short name.
CREATE TEMP VIEW rt_i AS
SELECT r.kort, i.id FROM rt_insats r
JOIN samverkansorg s ON s.namn = r.samorg
JOIN insats i ON i.samverkansorg_id = s.id AND i.namn = r.namn;

INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
SELECT i.id, k.id
FROM (VALUES ('I1', 'UNGA'), ('I2', 'PSYKISK'), ('I3', 'UNGA'),
    ('I4', 'LANGTIDSSJUK'), ('I5', 'UNGA'), ('I5', 'LANGTIDSSJUK'),
    ('I6', 'UNGA')) AS v(kort, kod)
JOIN rt_i i ON i.kort = v.kort
JOIN kod k ON k.lista = 'malgrupp' AND k.kod = v.kod;

-- The persons: official test personnummer, reused across participations.
-- Ids of persons and participations are large and odd, so that the tests
-- can look for them in every reply (9182736xx).
DELETE FROM person WHERE personnummer IN ('201806052385', '201806122394',
    '201906232382', '201906262397') AND NOT EXISTS (SELECT 1 FROM deltagande
    d WHERE d.person_id = person.id);
INSERT INTO person (id, personnummer, namn, kommunkod) VALUES
    (918273601, '201806052385', 'Rapportina Testsson', '1080'),
    (918273602, '201806122394', 'Rapportus Testsson', '1081'),
    (918273603, '201906232382', 'Insatsa Provdottir', '1082'),
    (918273604, '201906262397', 'Insatso Provsson', '1083');

INSERT INTO deltagande (id, insats_id, person_id, kon_id, fodelsear,
    samtycke, samtycke_datum, startdatum, slutdatum)
SELECT v.id, i.id, p.id, k.id, v.fodelsear, true, v.startdatum::date,
    v.startdatum::date, v.slutdatum::date
FROM (VALUES
    (918273611, 'I1', '201806052385', 'K', 1980, '2000-09-01', NULL),
    (918273612, 'I1', '201806122394', 'M', 1975, '2001-07-01', '2001-12-31'),
    (918273613, 'I1', '201906232382', 'K', 1985, '2001-03-01', '2001-06-30'),
    (918273614, 'I1', '201906262397', 'M', 1985, '2002-06-30', NULL),
    (918273615, 'I1', '201906232382', 'K', 1960, '2001-01-01', '2002-06-30'),
    (918273616, 'I1', '201806052385', 'K', 1972, '2002-07-01', NULL),
    (918273617, 'I1', '201806122394', 'M', 1950, '2000-01-01', '2002-07-01'),
    (918273618, 'I3', '201806052385', 'K', 1980, '2000-02-01', '2001-06-30'),
    (918273619, 'I4', '201906232382', 'K', 1982, '2001-08-01', NULL),
    (918273620, 'I4', '201906262397', 'M', 1970, '2000-05-01', '2001-07-01'),
    (918273621, 'I4', '201806052385', 'K', 1979, '2001-10-01', '2002-03-31'),
    (918273622, 'I5', '201806122394', 'M', 1984, '2002-06-30', NULL)
) AS v(id, kort, pnr, kon, fodelsear, startdatum, slutdatum)
JOIN rt_i i ON i.kort = v.kort
JOIN person p ON p.personnummer = v.pnr
JOIN kod k ON k.lista = 'kon' AND k.kod = v.kon;

INSERT INTO anonym_deltagande (insats_id, ar, kon_id, antal)
SELECT i.id, v.ar, k.id, v.antal
FROM (VALUES ('I1', 2000, 'K', 4), ('I1', 2001, 'K', 2), ('I1', 2001, 'M', 1),
    ('I1', 2002, 'K', 3), ('I1', 2000, 'M', 5), ('I4', 2002, 'K', 1),
    ('I4', 2002, 'M', 2)) AS v(kort, ar, kon, antal)
JOIN rt_i i ON i.kort = v.kort
JOIN kod k ON k.lista = 'kon' AND k.kod = v.kon;

INSERT INTO volym_antal (insats_id, period, kvinnor, man, okant, ersatt)
SELECT i.id, v.period::date, v.k, v.m, v.o, v.ersatt::timestamptz
FROM (VALUES ('2001-06-01', 10, 10, 1, NULL),
    ('2001-07-01', 50, 50, 50, '2001-08-01'),
    ('2001-07-01', 3, 2, 1, NULL), ('2001-12-01', 4, 0, 0, NULL),
    ('2002-06-01', 1, 5, 2, NULL), ('2002-07-01', 9, 9, 9, NULL))
    AS v(period, k, m, o, ersatt)
JOIN rt_i i ON i.kort = 'I2';

INSERT INTO insats_ar (insats_id, ar, planerat_antal)
SELECT i.id, v.ar, v.antal
FROM (VALUES ('I1', 2001, 99), ('I1', 2002, 20), ('I2', 2002, 100),
    ('I4', 2002, 8), ('I5', 2002, 4)) AS v(kort, ar, antal)
JOIN rt_i i ON i.kort = v.kort;

INSERT INTO insats_budgetpost (insats_id, ar, budgettyp_id, budget, utfall,
    beskrivning)
SELECT i.id, v.ar, k.id, v.budget, v.utfall, 'Rapporttest'
FROM (VALUES ('I1', 2002, 'INSATS', 100000, 80000),
    ('I1', 2002, 'ESF', 50000, NULL), ('I1', 2001, 'INSATS', 77777, 77777),
    ('I2', 2002, 'INSATS', 30000, 25000), ('I4', 2002, 'INSATS', 60000, 61000))
    AS v(kort, ar, typ, budget, utfall)
JOIN rt_i i ON i.kort = v.kort
JOIN kod k ON k.lista = 'budgettyp' AND k.kod = v.typ;

INSERT INTO uppdrag (anvandare_id, roll, insats_id, giltig_from, giltig_tom)
SELECT a.id, 'deltagaransvarig', i.id, DATE '2001-01-01', v.tom::date
FROM (VALUES ('I1', 'deltagaransv', NULL), ('I1', 'insatsansv', NULL),
    ('I1', 'rapport', '2001-12-31'), ('I4', 'deltagaransv', NULL))
    AS v(kort, username, tom)
JOIN rt_i i ON i.kort = v.kort
JOIN anvandare a ON a.username = v.username;

DROP VIEW rt_i;
DROP TABLE rt_insats;
