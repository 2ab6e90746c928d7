-- Fixture of the Deltagarrapport and the Standardrapport deltagare (issue
-- 9, domain.md 6.2 and 6.4; tests/integ/rapport_deltagare.c and
-- rapport_standard.c). Loaded by psql as the database superuser with
-- the triggers off (the dates are years back, and no audit rows are
-- needed for rows no session wrote); removed again by the cases (the
-- first statements below also remove what a broken run left).
--
-- Two förbund in Jönköpings län (06), both from 2002-01-01:
--   A "R2 Förbund Vätterstrand" (0680 Jönköping, 0643 Habo): insatser
--     A1 "R2 Steg ett", A2 "R2 Arbetsträning"
--   B "R2 Förbund Höglandet" (0686 Eksjö, 0687 Tranås): insatser
--     B1 "R2 Studiestöd", B2 "R2 Vägledning"
-- Four persons (official test numbers; födelseår is set apart from the
-- number so that the ages spread, kön follows the number):
--   P1 202004162398 M 1978 (26 år 2004: 25-29)
--   P2 202004172389 K 1985 (19 år: 16-24)
--   P3 202106062397 M 1962 (42 år: 40-49)
--   P4 202106092386 K 1970 (34 år: 30-39)
--
-- Participations (in: sysselsättning(omfattning) utbildning tid
-- {försörjning}; ut: avslut sysselsättning(omfattning) {försörjning}):
--  D01 A1 P1 2003-02-03..2003-05-30 in ARBETSSOKANDE GYMN UNDER_1 {AKASSA}
--      ut ENLIGT_PLAN ARBETE(100) {INGEN}
--  D02 A1 P2 2003-03-10..2003-09-15 in INGEN FORGYMN AR_3_5
--      {EKONOMISKT_BISTAND} ut ARBETE ARBETE(50) {INGEN}
--  D03 A1 P3 2003-08-01..2004-01-20 in ARBETSSOKANDE GYMN UNDER_1
--      {AKTIVITETSSTOD} ut STUDIER STUDIER(100) {INGEN}
--  D04 A1 P4 2003-09-01..2004-03-31 in INGEN EFTERGYMN_KORT AR_1_2
--      {SJUKPENNING,EKONOMISKT_BISTAND} ut AVBRUTET INGEN {SJUKPENNING}
--  D05 A1 P1 2003-10-01..       in ARBETE_STOD(50) GYMN AR_1_2 {SJUKPENNING}
--  D06 A1 P2 2004-02-02..2004-06-30 in ARBETE(25) FORGYMN UNDER_1 {AKASSA}
--      ut ARBETE ARBETE(75) {INGEN}
--  D07 A1 P3 2004-08-02..       in INGEN GYMN UNDER_1 {EKONOMISKT_BISTAND}
--  D08 A2 P4 2003-01-15..2004-02-27 in STUDIER(50) GYMN AR_6_10
--      {AKTIVITETSERSATTNING} ut ENLIGT_PLAN STUDIER(100)
--      {AKTIVITETSERSATTNING}
--  D09 A2 P1 2003-06-02..2004-09-30 in ARBETSSOKANDE GYMN AR_1_2 {AKASSA}
--      ut ARBETE ARBETE(100) {INGEN}
--  D10 A2 P2 2003-11-03..2004-05-14 in ARBETSSOKANDE FORGYMN UNDER_1
--      {AKASSA} ut SAMTYCKE_ATERKALLAT (nothing after)
--  D11 A2 P3 2004-01-12..2004-01-12 in INGEN GYMN UNDER_1
--      {EKONOMISKT_BISTAND} ut FELREGISTRERING (counts nowhere)
--  D12 A2 P3 2004-03-01..2004-06-11 in PROGRAM(100) GYMN AR_3_5
--      {AKTIVITETSSTOD} ut UPPHORT ARBETSSOKANDE {AKASSA}
--  D13 B1 P1 2003-04-07..2003-12-19 in INGEN FORGYMN_KORT OVER_10
--      {SJUKERSATTNING} ut STUDIER STUDIER(50) {SJUKERSATTNING}
--  D14 B1 P2 2003-08-18..       in STUDIER(100) GYMN INGEN {INGEN}
--  D15 B1 P4 2004-01-07..2004-06-04 in ARBETSSOKANDE EFTERGYMN_LANG UNDER_1
--      {AKASSA} ut ARBETE EGET_FORETAG(100) {INGEN}
--  D16 B1 P3 2004-04-05..       in OVRIGT SAKNAS AR_6_10 {SAKNAS}
--  D17 B2 P1 2004-03-22..2004-05-28 in ARBETSSOKANDE GYMN UNDER_1 {AKASSA}
--      ut ANNAT ARBETE_STOD(50) {ANNAN}
--  D18 B2 P4 2003-05-05..2003-06-30 in INGEN EFTERGYMN_LANG AR_1_2
--      {EKONOMISKT_BISTAND} ut ENLIGT_PLAN ARBETSSOKANDE {EKONOMISKT_BISTAND}
--
-- Kompletterande frågor: A has Q1 "R2 Har deltagaren körkort?" (ja/nej,
-- at inregistrering), B has Q2 "R2 Hur nöjd är deltagaren?" (enval at
-- utregistrering: Nöjd, Varken eller, Missnöjd).
--   Q1: D02 ja, D03 ja, D04 nej, D05 ja, D06 nej, D07 ja, D10 ja, D11 ja,
--       D12 ja
--   Q2: D13 Nöjd, D15 Nöjd, D17 Missnöjd, D18 Nöjd
--
-- ===== Expected figures, period 2003-07-01..2004-06-30 =====
-- At riket over the whole country (no län chosen: no other data lies in
-- these years), nothing hidden. A län, förbund or insats chosen narrows
-- riket to that unit, which then hides exactly what the unit's own table
-- at the level below hides (lan 06 as Jönköpings län at level län, one
-- förbund as its table per förbund); the levels below run with lan 06.
-- (a felregistrering, D11, counts nowhere)
-- Ended in the period, E (10): D02 D03 D04 D06 D08 D10 D12 D13 D15 D17
--   (D01 and D18 ended before it, D09 after it). With an outcome after,
--   U = E without D10 (samtycke återkallat, nothing after) (9).
-- New in the period, N (10): D03 D04 D05 D06 D10 D12 D14 D15 D16 D17
--   (5 K: D04 D06 D10 D14 D15; 5 M: D03 D05 D12 D16 D17).
-- Ongoing at tom (4): D05 D09 D14 D16.
--
-- Deltagare forsorjning (U; Före Efter Förändring in tenths of per cent):
--   Sjukpenning 1 1 0, Sjukersättning 1 1 0, Aktivitetsersättning 1 1 0,
--   A-kassa 3 1 -667, Aktivitetsstöd 2 0 -1000, Etablering 0 0 -,
--   Försörjningsstöd 2 0 -1000, Annan 0 1 -, Ingen 0 4 -, Saknas 0 0 -;
--   Samtliga avslutade 9 9 0.
--   Per förbund: A (U: D02 D03 D04 D06 D08 D12): Sjukpenning 1 1,
--   Aktivitetsersättning 1 1, A-kassa 1 1, Aktivitetsstöd 2 0,
--   Försörjningsstöd 2 0, Ingen 0 3, sum 6 6; B (D13 D15 D17):
--   Sjukersättning 1 1, A-kassa 2 0, Annan 0 1, Ingen 0 1, sum 3 3.
--   Below riket (and at riket narrowed to a unit) every 1 and 2 is
--   hidden, and the change beside it.
-- forsorjning_kalla fore=AKASSA (D06 D15 D17): Ingen 2 (66.7 %),
--   Annan 1 (33.3 %), the rest 0; base 3. fore=EKONOMISKT_BISTAND (D02
--   D04): Sjukpenning 1 (50.0), Ingen 1 (50.0); base 2.
-- sysselsattning (U): Arbete 1 2 +1000, Arbete med stöd 0 1 -, Eget
--   företag 0 1 -, Studier 1 3 +2000, Arbetssökande 3 1 -667, Program
--   1 0 -1000, Ingen 3 1 -667, Övrigt 0 0 -; sum 9 9 0.
-- bakgrund (N; Kvinnor Män Totalt):
--   utbildning: Förgymn. kort 0 0 0, Förgymn. 2 0 2, Gymnasial 1 4 5,
--     Eftergymn. < 3 1 0 1, Eftergymn. >= 3 1 0 1, Saknas 0 1 1; 5 5 10.
--   alder: under 16 0 0 0, 16-24 3 0 3, 25-29 0 2 2, 30-39 2 0 2,
--     40-49 0 3 3, 50-59 0 0 0, 60- 0 0 0; 5 5 10.
--   tid: Ingen 1 0 1, < 1 år 3 2 5, 1-2 år 1 1 2, 3-5 år 0 1 1, 6-10 år
--     0 1 1, > 10 år 0 0 0; 5 5 10.
-- avslut (E): Enligt plan 1 0 1, Till arbete 3 0 3, Till studier 0 2 2,
--   Annan insats 0 0 0, Avbrutet 1 0 1, Sjukdom 0 0 0, Flyttat 0 0 0,
--   Upphört 0 1 1, Annat 0 1 1, Samtycket återkallat 1 0 1; 6 4 10.
-- fragor (answers at an occasion in the period): Q2 besvarad 3, Nöjd 2,
--   Varken eller 0, Missnöjd 1; Q1 besvarad 6, Ja 4, Nej 2.
-- per_insats (Nya K M T, Avslutade K M T, Pågående K M T):
--   Arbetsträning 1 1 2, 2 1 3, 0 1 1; Steg ett 2 2 4, 3 1 4, 0 1 1;
--   Studiestöd 2 1 3, 1 1 2, 1 1 2; Vägledning 0 1 1, 0 1 1, 0 0 0;
--   Samtliga 5 5 10, 6 4 10, 1 3 4.
-- Standard sysselsattning_grupp (U): Förvärvsarbete 1 4 +3000, Studier
--   1 3 +2000, Aktivt arbetssökande 4 1 -750, Övriga 3 1 -667; 9 9 0.
-- Standard arbete_studier (U = 9; antal, andel): arbetar 4 (444),
--   studerar 3 (333), arbetar eller studerar 7 (778), har börjat 5 (556:
--   D02 D03 D13 D15 D17), har ökat omfattningen 2 (222: D06 25->75, D08
--   50->100), börjat eller ökat 7 (778); samtliga 9 (1000).
-- Standard tid (E; K M T): 0-3 mån 0 1 1 (D17), 3-6 mån 2 2 4 (D03 D06
--   D12 D15), 6-12 mån 3 1 4 (D02 D04 D10 D13), 12 mån- 1 0 1 (D08);
--   6 4 10.
-- The cases hold the figures of the other levels and filters, each
-- worked from the table above.

SET session_replication_role = replica;

-- What an earlier run may have left.
DELETE FROM fraga_svar WHERE fraga_id IN (SELECT f.id FROM fraga f
    JOIN samverkansorg s ON s.id = f.samverkansorg_id
    WHERE s.namn LIKE 'R2 Förbund %');
DELETE FROM fraga_alternativ WHERE fraga_id IN (SELECT f.id FROM fraga f
    JOIN samverkansorg s ON s.id = f.samverkansorg_id
    WHERE s.namn LIKE 'R2 Förbund %');
DELETE FROM fraga WHERE samverkansorg_id IN (SELECT id FROM samverkansorg
    WHERE namn LIKE 'R2 Förbund %');
DELETE FROM mattillfalle_forsorjning WHERE deltagande_id IN (SELECT d.id
    FROM deltagande d JOIN insats i ON i.id = d.insats_id
    JOIN samverkansorg s ON s.id = i.samverkansorg_id
    WHERE s.namn LIKE 'R2 Förbund %');
DELETE FROM mattillfalle WHERE deltagande_id IN (SELECT d.id
    FROM deltagande d JOIN insats i ON i.id = d.insats_id
    JOIN samverkansorg s ON s.id = i.samverkansorg_id
    WHERE s.namn LIKE 'R2 Förbund %');
DELETE FROM deltagande WHERE insats_id IN (SELECT i.id FROM insats i
    JOIN samverkansorg s ON s.id = i.samverkansorg_id
    WHERE s.namn LIKE 'R2 Förbund %');
DELETE FROM insats_malgrupp WHERE insats_id IN (SELECT i.id FROM insats i
    JOIN samverkansorg s ON s.id = i.samverkansorg_id
    WHERE s.namn LIKE 'R2 Förbund %');
DELETE FROM insats WHERE samverkansorg_id IN (SELECT id FROM samverkansorg
    WHERE namn LIKE 'R2 Förbund %');
DELETE FROM samverkansorg WHERE namn LIKE 'R2 Förbund %';
DELETE FROM person p WHERE p.personnummer IN ('202004162398',
    '202004172389', '202106062397', '202106092386')
    AND NOT EXISTS (SELECT 1 FROM deltagande d WHERE d.person_id = p.id);

INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
SELECT v.namn, (SELECT id FROM samverkansform WHERE kod = 'FINSAM'),
    DATE '2002-01-01'
FROM (VALUES ('R2 Förbund Vätterstrand'), ('R2 Förbund Höglandet'))
    AS v(namn);
INSERT INTO samverkansorg_kommun (samverkansorg_id, kommunkod)
SELECT s.id, v.kommun FROM (VALUES ('R2 Förbund Vätterstrand', '0680'),
    ('R2 Förbund Vätterstrand', '0643'), ('R2 Förbund Höglandet', '0686'),
    ('R2 Förbund Höglandet', '0687')) AS v(namn, kommun)
JOIN samverkansorg s ON s.namn = v.namn;

INSERT INTO insats (samverkansorg_id, namn, startdatum, inriktning_id,
    matningsmetod_id)
SELECT s.id, v.namn, DATE '2002-06-01',
    (SELECT id FROM kod WHERE lista = 'inriktning' AND kod = 'INDIVID'),
    (SELECT id FROM kod WHERE lista = 'matningsmetod' AND kod = 'PERSON')
FROM (VALUES ('R2 Förbund Vätterstrand', 'R2 Steg ett'),
    ('R2 Förbund Vätterstrand', 'R2 Arbetsträning'),
    ('R2 Förbund Höglandet', 'R2 Studiestöd'),
    ('R2 Förbund Höglandet', 'R2 Vägledning')) AS v(samorg, namn)
JOIN samverkansorg s ON s.namn = v.samorg;
INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
SELECT i.id, k.id FROM insats i JOIN samverkansorg s
    ON s.id = i.samverkansorg_id, kod k
WHERE s.namn LIKE 'R2 Förbund %' AND k.lista = 'malgrupp'
    AND k.kod = 'LANGTIDSARBETSLOS';

INSERT INTO person (personnummer, namn) VALUES
    ('202004162398', 'Fixtur Ett'), ('202004172389', 'Fixtur Två'),
    ('202106062397', 'Fixtur Tre'), ('202106092386', 'Fixtur Fyra')
    ON CONFLICT (personnummer) DO NOTHING;

CREATE TEMP TABLE r2_person (p text PRIMARY KEY, pnr char(12), kon text,
    fodelsear smallint);
INSERT INTO r2_person VALUES ('P1', '202004162398', 'M', 1978),
    ('P2', '202004172389', 'K', 1985), ('P3', '202106062397', 'M', 1962),
    ('P4', '202106092386', 'K', 1970);

CREATE TEMP TABLE r2_insats (kort text PRIMARY KEY, namn text);
INSERT INTO r2_insats VALUES ('A1', 'R2 Steg ett'),
    ('A2', 'R2 Arbetsträning'), ('B1', 'R2 Studiestöd'),
    ('B2', 'R2 Vägledning');

CREATE TEMP TABLE r2_d (d text PRIMARY KEY, ins text, p text, start date,
    slut date, syss_in text, omf_in smallint, utb text, tid text,
    fors_in text[], avslut text, syss_ut text, omf_ut smallint,
    fors_ut text[]);
INSERT INTO r2_d VALUES
 ('D01', 'A1', 'P1', '2003-02-03', '2003-05-30', 'ARBETSSOKANDE', NULL,
  'GYMN', 'UNDER_1', '{AKASSA}', 'ENLIGT_PLAN', 'ARBETE', 100, '{INGEN}'),
 ('D02', 'A1', 'P2', '2003-03-10', '2003-09-15', 'INGEN', NULL,
  'FORGYMN', 'AR_3_5', '{EKONOMISKT_BISTAND}', 'ARBETE', 'ARBETE', 50,
  '{INGEN}'),
 ('D03', 'A1', 'P3', '2003-08-01', '2004-01-20', 'ARBETSSOKANDE', NULL,
  'GYMN', 'UNDER_1', '{AKTIVITETSSTOD}', 'STUDIER', 'STUDIER', 100,
  '{INGEN}'),
 ('D04', 'A1', 'P4', '2003-09-01', '2004-03-31', 'INGEN', NULL,
  'EFTERGYMN_KORT', 'AR_1_2', '{SJUKPENNING,EKONOMISKT_BISTAND}',
  'AVBRUTET', 'INGEN', NULL, '{SJUKPENNING}'),
 ('D05', 'A1', 'P1', '2003-10-01', NULL, 'ARBETE_STOD', 50,
  'GYMN', 'AR_1_2', '{SJUKPENNING}', NULL, NULL, NULL, NULL),
 ('D06', 'A1', 'P2', '2004-02-02', '2004-06-30', 'ARBETE', 25,
  'FORGYMN', 'UNDER_1', '{AKASSA}', 'ARBETE', 'ARBETE', 75, '{INGEN}'),
 ('D07', 'A1', 'P3', '2004-08-02', NULL, 'INGEN', NULL,
  'GYMN', 'UNDER_1', '{EKONOMISKT_BISTAND}', NULL, NULL, NULL, NULL),
 ('D08', 'A2', 'P4', '2003-01-15', '2004-02-27', 'STUDIER', 50,
  'GYMN', 'AR_6_10', '{AKTIVITETSERSATTNING}', 'ENLIGT_PLAN', 'STUDIER',
  100, '{AKTIVITETSERSATTNING}'),
 ('D09', 'A2', 'P1', '2003-06-02', '2004-09-30', 'ARBETSSOKANDE', NULL,
  'GYMN', 'AR_1_2', '{AKASSA}', 'ARBETE', 'ARBETE', 100, '{INGEN}'),
 ('D10', 'A2', 'P2', '2003-11-03', '2004-05-14', 'ARBETSSOKANDE', NULL,
  'FORGYMN', 'UNDER_1', '{AKASSA}', 'SAMTYCKE_ATERKALLAT', NULL, NULL,
  '{}'),
 ('D11', 'A2', 'P3', '2004-01-12', '2004-01-12', 'INGEN', NULL,
  'GYMN', 'UNDER_1', '{EKONOMISKT_BISTAND}', 'FELREGISTRERING', NULL, NULL,
  '{}'),
 ('D12', 'A2', 'P3', '2004-03-01', '2004-06-11', 'PROGRAM', 100,
  'GYMN', 'AR_3_5', '{AKTIVITETSSTOD}', 'UPPHORT', 'ARBETSSOKANDE', NULL,
  '{AKASSA}'),
 ('D13', 'B1', 'P1', '2003-04-07', '2003-12-19', 'INGEN', NULL,
  'FORGYMN_KORT', 'OVER_10', '{SJUKERSATTNING}', 'STUDIER', 'STUDIER', 50,
  '{SJUKERSATTNING}'),
 ('D14', 'B1', 'P2', '2003-08-18', NULL, 'STUDIER', 100,
  'GYMN', 'INGEN', '{INGEN}', NULL, NULL, NULL, NULL),
 ('D15', 'B1', 'P4', '2004-01-07', '2004-06-04', 'ARBETSSOKANDE', NULL,
  'EFTERGYMN_LANG', 'UNDER_1', '{AKASSA}', 'ARBETE', 'EGET_FORETAG', 100,
  '{INGEN}'),
 ('D16', 'B1', 'P3', '2004-04-05', NULL, 'OVRIGT', NULL,
  'SAKNAS', 'AR_6_10', '{SAKNAS}', NULL, NULL, NULL, NULL),
 ('D17', 'B2', 'P1', '2004-03-22', '2004-05-28', 'ARBETSSOKANDE', NULL,
  'GYMN', 'UNDER_1', '{AKASSA}', 'ANNAT', 'ARBETE_STOD', 50, '{ANNAN}'),
 ('D18', 'B2', 'P4', '2003-05-05', '2003-06-30', 'INGEN', NULL,
  'EFTERGYMN_LANG', 'AR_1_2', '{EKONOMISKT_BISTAND}', 'ENLIGT_PLAN',
  'ARBETSSOKANDE', NULL, '{EKONOMISKT_BISTAND}');

CREATE TEMP TABLE r2_id (d text PRIMARY KEY, id bigint);

WITH n AS (
	INSERT INTO deltagande (insats_id, startdatum, slutdatum, person_id,
	    kon_id, fodelsear, samtycke, samtycke_datum)
	SELECT i.id, r.start, r.slut, pe.id,
	    (SELECT id FROM kod WHERE lista = 'kon' AND kod = p.kon),
	    p.fodelsear, true, r.start
	FROM r2_d r JOIN r2_insats ri ON ri.kort = r.ins
	JOIN insats i ON i.namn = ri.namn
	JOIN r2_person p ON p.p = r.p
	JOIN person pe ON pe.personnummer = p.pnr
	ORDER BY r.d
	RETURNING id, insats_id, person_id, startdatum
)
INSERT INTO r2_id (d, id)
SELECT r.d, n.id FROM n JOIN insats i ON i.id = n.insats_id
JOIN r2_insats ri ON ri.namn = i.namn
JOIN person pe ON pe.id = n.person_id
JOIN r2_person p ON p.pnr = pe.personnummer
JOIN r2_d r ON r.ins = ri.kort AND r.p = p.p AND r.start = n.startdatum;

INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id,
    omfattning, utbildning_id, tid_id)
SELECT x.id, 'in', s.id, r.omf_in, u.id, t.id
FROM r2_d r JOIN r2_id x ON x.d = r.d
JOIN kod s ON s.lista = 'sysselsattning' AND s.kod = r.syss_in
JOIN kod u ON u.lista = 'utbildningsniva' AND u.kod = r.utb
JOIN kod t ON t.lista = 'tid_forsorjning' AND t.kod = r.tid;

INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id,
    omfattning, avslut_id)
SELECT x.id, 'ut', (SELECT s.id FROM kod s WHERE s.lista = 'sysselsattning'
    AND s.kod = r.syss_ut), r.omf_ut, a.id
FROM r2_d r JOIN r2_id x ON x.d = r.d
JOIN kod a ON a.lista = 'avslutsanledning' AND a.kod = r.avslut;

INSERT INTO mattillfalle_forsorjning (deltagande_id, typ, forsorjning_id)
SELECT x.id, 'in', k.id FROM r2_d r JOIN r2_id x ON x.d = r.d
JOIN kod k ON k.lista = 'forsorjning' AND k.kod = ANY (r.fors_in);
INSERT INTO mattillfalle_forsorjning (deltagande_id, typ, forsorjning_id)
SELECT x.id, 'ut', k.id FROM r2_d r JOIN r2_id x ON x.d = r.d
JOIN kod k ON k.lista = 'forsorjning' AND k.kod = ANY (r.fors_ut)
WHERE r.avslut IS NOT NULL;

INSERT INTO fraga (samverkansorg_id, namn, giltig_from, mattillfalle,
    svarstyp, ordning)
SELECT s.id, v.namn, DATE '2003-01-01', v.tillfalle, v.svarstyp, 1
FROM (VALUES ('R2 Förbund Vätterstrand', 'R2 Har deltagaren körkort?',
    'in', 'janej'), ('R2 Förbund Höglandet', 'R2 Hur nöjd är deltagaren?',
    'ut', 'enval')) AS v(samorg, namn, tillfalle, svarstyp)
JOIN samverkansorg s ON s.namn = v.samorg;
INSERT INTO fraga_alternativ (fraga_id, text, ordning)
SELECT f.id, v.text, v.ordning FROM fraga f, (VALUES ('Nöjd', 1),
    ('Varken eller', 2), ('Missnöjd', 3)) AS v(text, ordning)
WHERE f.namn = 'R2 Hur nöjd är deltagaren?';

INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle, ja)
SELECT f.id, x.id, 'in', v.ja
FROM (VALUES ('D02', true), ('D03', true), ('D04', false), ('D05', true),
    ('D06', false), ('D07', true), ('D10', true), ('D11', true),
    ('D12', true)) AS v(d, ja)
JOIN r2_id x ON x.d = v.d, fraga f
WHERE f.namn = 'R2 Har deltagaren körkort?';
INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle, alternativ_id)
SELECT f.id, x.id, 'ut', a.id
FROM (VALUES ('D13', 'Nöjd'), ('D15', 'Nöjd'), ('D17', 'Missnöjd'),
    ('D18', 'Nöjd')) AS v(d, svar)
JOIN r2_id x ON x.d = v.d
JOIN fraga f ON f.namn = 'R2 Hur nöjd är deltagaren?'
JOIN fraga_alternativ a ON a.fraga_id = f.id AND a.text = v.svar;
