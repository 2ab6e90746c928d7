-- make bench, issue 9: a national dataset for the report benchmark,
-- loaded by tests/bench/report.sh into a fresh migrated demo database of
-- its own (the import benchmark's rows stay out of it) as the superuser:
--
--	psql -v forbund=80 -v insatser=2000 -v deltagande=1000000 \
--	    -v arenden=100000 -v pnrfil=PATH -f tests/bench/report_gen.sql
--
-- What it makes (issue 9, "Benchmark"), all named "Rapportbänk ..":
--   * :forbund samordningsförbund (one in ten Tvåpartsfinsam), started
--     2015, sharing the 290 kommuner in kommunkod order, so that each
--     holds a run of neighbouring kommuner of one or two län; as
--     organisations FK, the region of each län, each kommun, ESF and a
--     few others, ingående as medlem and finansiär;
--   * budgets 2020-2026: finansiering per finansiär (FK half, region a
--     quarter, the kommuner a quarter, ESF in every fifth förbund, eget
--     kapital), administrativa kostnader per kostnadstyp (Finsam only),
--     insats budget lines (Insatskostnad, ESF Insatskostnad in every
--     fifth insats), utfall up to 2025;
--   * :insatser insatser, as many per förbund, categorised (inriktning,
--     preciserad inriktning, one or two målgrupper, planned numbers per
--     year), started 2019-2020, one in seven ended mid 2025; one in ten
--     is a volyminsats (ANTAL) with a count per month 2020-2026 (one in
--     twenty counts corrected once, the old row kept as ersatt);
--   * :deltagande participations on the PERSON insatser, starting
--     2020-07-01..2025-12-31, 30-700 days long (ongoing when that runs
--     past 2026-10-31, and one in twenty ongoing anyway), each with its
--     inregistrering and, when ended, utregistrering (försörjning one or
--     two codes, sysselsättning with omfattning where it applies,
--     utbildning, tid i offentlig försörjning, avslutsanledning); one in
--     thirty stripped (gallring); answers to the förbund's two
--     kompletterande frågor for a third of them;
--   * anonymous participants per year and kön on a quarter of the PERSON
--     insatser and on every Af/FK office;
--   * Af/FK: 60 Af and 40 FK offices, :arenden ärenden starting
--     2020-07-01..2025-12-31 along the övergångar (begäran om GK, GK,
--     planerad, aktiv insats, avslutat/avbrutet; or konsultativt stöd;
--     or avbrutet after the begäran), with the answers of each step.
--
-- Persons: the official test personnummer of pnrfil born 1940-2005 (96
-- of them), reused across all participations and ärenden. An ärende is
-- open for at most one person at a time (affk_arende_oppet), so the open
-- ärenden beyond the first per person are stored stripped.
--
-- Row triggers are off (session_replication_role = replica): the rows
-- are valid by construction, and the audit trail is not the point here.
-- Random choices come from random() after setseed(), so two runs make
-- the same data.
\set ON_ERROR_STOP 1

SELECT setseed(0.2026);

CREATE TEMP TABLE rb_pnr (personnummer char(12), kon text);
\set cmd '\\copy rb_pnr FROM ' :'pnrfil' ' WITH (FORMAT csv, HEADER, DELIMITER '';'')'
:cmd

BEGIN;
SET LOCAL session_replication_role = replica;

-- The code ids by list, in their order, for picking.
CREATE TEMP TABLE rb_kod AS
SELECT lista, array_agg(id ORDER BY ordning, id) AS ids,
    array_agg(kod ORDER BY ordning, id) AS kods
FROM kod GROUP BY lista;
CREATE FUNCTION pg_temp.rb_id(l text, k text) RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT id FROM kod WHERE lista = l AND kod = k
$$;

-- Persons.
INSERT INTO person (personnummer, namn, kommunkod)
SELECT b.personnummer, 'Rapportbänk person ' || row_number() OVER
    (ORDER BY b.personnummer), '0180'
FROM rb_pnr b
WHERE substr(b.personnummer, 1, 4)::integer BETWEEN 1940 AND 2005
ON CONFLICT (personnummer) DO NOTHING;
CREATE TEMP TABLE rb_person AS
SELECT (row_number() OVER (ORDER BY p.personnummer) - 1)::integer AS nr,
    p.id, pg_temp.rb_id('kon', b.kon) AS kon_id,
    substr(p.personnummer, 1, 4)::smallint AS fodelsear
FROM person p JOIN rb_pnr b ON b.personnummer = p.personnummer
WHERE substr(b.personnummer, 1, 4)::integer BETWEEN 1940 AND 2005;
SELECT count(*) AS npers FROM rb_person \gset

-- Förbund and their kommuner.
INSERT INTO samverkansorg (namn, samverkansform_id, beskrivning, startdatum)
SELECT 'Rapportbänk förbund ' || lpad(g::text, 2, '0'),
    CASE WHEN g % 10 = 0 THEN 2 ELSE 1 END,
    'Samordningsförbund för make bench.', '2015-01-01'
FROM generate_series(1, :forbund) AS g;
CREATE TEMP TABLE rb_forbund AS
SELECT s.id, row_number() OVER (ORDER BY s.namn)::integer AS nr,
    s.samverkansform_id = 1 AS finsam
FROM samverkansorg s WHERE s.namn LIKE 'Rapportbänk förbund %';
INSERT INTO samverkansorg_kommun (samverkansorg_id, kommunkod)
SELECT f.id, k.kommunkod
FROM (SELECT kommunkod, row_number() OVER (ORDER BY kommunkod) - 1 AS r,
    count(*) OVER () AS n FROM kommun) k
JOIN rb_forbund f ON f.nr = 1 + (k.r * :forbund) / k.n;

-- Organisations: the region of each län, each kommun, others.
INSERT INTO organisation (namn, organisationstyp, lanskod)
SELECT 'Rapportbänk region ' || l.namn, 'Landsting/Region', l.lanskod
FROM lan l;
INSERT INTO organisation (namn, organisationstyp, kommunkod, lanskod)
SELECT 'Rapportbänk kommun ' || k.namn, 'Kommun', k.kommunkod, k.lanskod
FROM kommun k;
INSERT INTO organisation (namn, organisationstyp)
SELECT 'Rapportbänk förening ' || g, 'Övriga'
FROM generate_series(1, 8) AS g;
INSERT INTO organisation (namn, organisationstyp)
SELECT 'Rapportbänk ESF', 'ESF';

-- Who funds each förbund, with its share of a year's money.
CREATE TEMP TABLE rb_finansiar AS
SELECT f.id AS sid, o.id AS oid, 0.5 AS andel
FROM rb_forbund f, organisation o WHERE o.namn = 'Försäkringskassan'
UNION ALL
SELECT f.id, o.id, 0.25 FROM rb_forbund f JOIN organisation o
    ON o.namn = 'Rapportbänk region ' || (SELECT l.namn FROM lan l
    WHERE l.lanskod = samorg_lan(f.id))
UNION ALL
SELECT f.id, o.id, 0.25 / count(*) OVER (PARTITION BY f.id)
FROM rb_forbund f JOIN samverkansorg_kommun sk ON sk.samverkansorg_id = f.id
JOIN organisation o ON o.kommunkod = sk.kommunkod
    AND o.namn LIKE 'Rapportbänk kommun %'
WHERE f.finsam
UNION ALL
SELECT f.id, o.id, 0.05 FROM rb_forbund f, organisation o
WHERE f.nr % 5 = 0 AND o.namn = 'Rapportbänk ESF'
UNION ALL
SELECT f.id, o.id, 0.02 FROM rb_forbund f, organisation o
WHERE f.nr % 3 = 0 AND o.namn = 'Rapportbänk förening ' || (1 + f.nr % 8);
INSERT INTO samverkansorg_organisation (samverkansorg_id, organisation_id,
    medlem, finansiar)
SELECT sid, oid, true, true FROM rb_finansiar;

-- Budgets 2020-2026: 4-16 million a förbund a year.
INSERT INTO samorg_finansiering (samverkansorg_id, ar, organisation_id,
    belopp, utfall, beskrivning)
SELECT x.sid, a.ar, x.oid,
    round(x.andel * (4000000 + (hashint4(x.sid) & 7) * 1500000)),
    CASE WHEN a.ar <= 2025 THEN round(x.andel * (4000000 +
    (hashint4(x.sid) & 7) * 1500000) * (0.9 + random() * 0.15)) END, ''
FROM rb_finansiar x, generate_series(2020, 2026) AS a(ar);
INSERT INTO samorg_finansiering (samverkansorg_id, ar, organisation_id,
    eget_kapital, belopp, utfall, beskrivning)
SELECT f.id, a.ar, NULL, true, 200000 + f.nr * 10000,
    CASE WHEN a.ar <= 2025 THEN 200000 + f.nr * 10000 END, 'Eget kapital'
FROM rb_forbund f, generate_series(2020, 2026) AS a(ar);
INSERT INTO samorg_admkostnad (samverkansorg_id, ar, kostnadstyp_id,
    budget, utfall)
SELECT f.id, a.ar, k.id, 100000 + floor(random() * 900000),
    CASE WHEN a.ar <= 2025 THEN 100000 + floor(random() * 900000) END
FROM rb_forbund f, generate_series(2020, 2026) AS a(ar), kod k
WHERE f.finsam AND k.lista = 'kostnadstyp';

-- Insatser, evenly over the förbund.
CREATE TEMP TABLE rb_insats AS
SELECT g, f.id AS sid, f.finsam,
    CASE WHEN g % 10 = 0 THEN 'ANTAL' ELSE 'PERSON' END AS metod,
    CASE WHEN g % 7 = 3 THEN 'STRUKTUR' ELSE 'INDIVID' END AS inriktning,
    '2019-01-01'::date + (g * 37) % 540 AS start,
    CASE WHEN g % 7 = 0 THEN '2025-06-30'::date END AS slut
FROM generate_series(1, :insatser) AS g
JOIN rb_forbund f ON f.nr = 1 + ((g - 1) * :forbund) / :insatser;
INSERT INTO insats (samverkansorg_id, namn, startdatum, slutdatum,
    beskrivning, inriktning_id, preciserad_id, matningsmetod_id)
SELECT r.sid, 'Rapportbänk insats ' || lpad(r.g::text, 4, '0'), r.start,
    r.slut, 'Insats för make bench.', i.id,
    (SELECT p.id FROM kod p WHERE p.lista = 'preciserad_inriktning'
	AND p.overordnad_id = i.id ORDER BY p.ordning
	OFFSET r.g % 6 LIMIT 1),
    pg_temp.rb_id('matningsmetod', r.metod)
FROM rb_insats r JOIN kod i ON i.lista = 'inriktning' AND i.kod = r.inriktning
ORDER BY r.g;
ALTER TABLE rb_insats ADD COLUMN id integer;
UPDATE rb_insats r SET id = i.id FROM insats i
WHERE i.namn = 'Rapportbänk insats ' || lpad(r.g::text, 4, '0');
INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
SELECT r.id, k.ids[1 + r.g % 11] FROM rb_insats r, rb_kod k
WHERE k.lista = 'malgrupp'
UNION
SELECT r.id, k.ids[1 + (r.g * 7) % 11] FROM rb_insats r, rb_kod k
WHERE k.lista = 'malgrupp' AND r.g % 3 = 0;
INSERT INTO insats_ar (insats_id, ar, planerat_antal)
SELECT r.id, a.ar, 50 + (r.g * 13) % 500
FROM rb_insats r, generate_series(2020, 2026) AS a(ar)
WHERE a.ar >= extract(year FROM r.start)
    AND (r.slut IS NULL OR a.ar <= extract(year FROM r.slut));
INSERT INTO insats_budgetpost (insats_id, ar, budgettyp_id, budget, utfall)
SELECT r.id, a.ar, pg_temp.rb_id('budgettyp', t.typ),
    100000 + (r.g * 7919) % 1500000,
    CASE WHEN a.ar <= 2025 THEN 90000 + (r.g * 7919 + a.ar) % 1600000 END
FROM rb_insats r, generate_series(2020, 2026) AS a(ar),
    (VALUES ('INSATS'), ('ESF')) AS t(typ)
WHERE a.ar >= extract(year FROM r.start)
    AND (r.slut IS NULL OR a.ar <= extract(year FROM r.slut))
    AND (t.typ = 'INSATS' OR r.g % 5 = 0);

-- Volume counts per month on the volyminsatser, some corrected once.
CREATE TEMP TABLE rb_volym AS
SELECT r.id AS insats_id, m::date AS period,
    floor(random() * 40)::integer AS kvinnor,
    floor(random() * 40)::integer AS man,
    floor(random() * 3)::integer AS okant, random() < 0.05 AS rattad
FROM rb_insats r, generate_series('2020-01-01'::date, '2026-10-01',
    '1 month') AS m
WHERE r.metod = 'ANTAL' AND m >= date_trunc('month', r.start)
    AND (r.slut IS NULL OR m <= r.slut);
INSERT INTO volym_antal (insats_id, period, kvinnor, man, okant, ersatt)
SELECT insats_id, period, kvinnor + 5, man, okant, now()
FROM rb_volym WHERE rattad;
INSERT INTO volym_antal (insats_id, period, kvinnor, man, okant, ersatter)
SELECT v.insats_id, v.period, v.kvinnor, v.man, v.okant, o.id
FROM rb_volym v LEFT JOIN volym_antal o ON v.rattad
    AND o.insats_id = v.insats_id AND o.period = v.period
    AND o.ersatt IS NOT NULL;

-- Kompletterande frågor: two per förbund, answered below.
INSERT INTO fraga (samverkansorg_id, namn, giltig_from, mattillfalle,
    svarstyp, ordning)
SELECT f.id, v.namn, '2015-01-01', v.tillfalle, v.svarstyp, v.ordning
FROM rb_forbund f, (VALUES
	('Har deltagaren deltagit i en insats tidigare?', 'in', 'janej', 1),
	('Hur nöjd är deltagaren med stödet?', 'ut', 'enval', 2)
) AS v(namn, tillfalle, svarstyp, ordning);
INSERT INTO fraga_alternativ (fraga_id, text, ordning)
SELECT q.id, v.text, v.ordning
FROM fraga q JOIN rb_forbund f ON f.id = q.samverkansorg_id,
    (VALUES ('Mycket nöjd', 1), ('Ganska nöjd', 2), ('Inte nöjd', 3))
    AS v(text, ordning)
WHERE q.svarstyp = 'enval';

-- Participations, first as a plan: 7 is prime to the number of PERSON
-- insatser, so row n lands on insats 7n mod their number and every
-- insats gets as many.
CREATE TEMP TABLE rb_pins AS
SELECT row_number() OVER (ORDER BY g)::integer - 1 AS nr, id, g, sid,
    greatest(start, '2020-07-01') AS lo,
    least(coalesce(slut, '2025-12-31'), '2025-12-31') AS hi, slut
FROM rb_insats WHERE metod = 'PERSON';
SELECT count(*) AS npins FROM rb_pins \gset

-- The lists rows pick from, in one row.
CREATE TEMP TABLE rb_val AS
SELECT (SELECT ids FROM rb_kod WHERE lista = 'sysselsattning') AS syss,
    (SELECT ids FROM rb_kod WHERE lista = 'utbildningsniva') AS utb,
    (SELECT ids FROM rb_kod WHERE lista = 'tid_forsorjning') AS tid,
    (SELECT ids FROM rb_kod WHERE lista = 'forsorjning') AS fors,
    (SELECT ids FROM rb_kod WHERE lista = 'avslutsanledning') AS avslut,
    (SELECT array_agg(id) FROM kod WHERE lista = 'sysselsattning'
	AND kod IN ('ARBETE', 'ARBETE_STOD', 'EGET_FORETAG', 'STUDIER',
	'PROGRAM')) AS omf,
    (SELECT array_agg(id) FROM kod WHERE lista = 'avslutsanledning'
	AND kod IN ('FELREGISTRERING', 'SAMTYCKE_ATERKALLAT')) AS utan,
    (SELECT array_agg(kommunkod ORDER BY kommunkod) FROM kommun) AS kommuner;

CREATE TEMP TABLE rb_d AS
SELECT nextval('deltagande_id_seq') AS id, x.insats_id, x.sid, x.pnr,
    x.start, CASE WHEN x.islut IS NOT NULL THEN least(x.slut, x.islut)
    WHEN x.slut > '2026-10-31' OR x.pagar THEN NULL ELSE x.slut END AS slut,
    x.strip
FROM (SELECT y.*, y.start + 30 + floor(random() * 670)::integer AS slut
    FROM (SELECT p.id AS insats_id, p.sid, n % :npers AS pnr,
	p.lo + floor(random() * (p.hi - p.lo + 1))::integer AS start,
	p.slut AS islut, random() < 0.05 AS pagar,
	random() < 1.0 / 30 AS strip
	FROM generate_series(0, :deltagande - 1) AS n
	JOIN rb_pins p ON p.nr = (n * 7) % :npins) y) x;

INSERT INTO deltagande (id, insats_id, startdatum, slutdatum, person_id,
    kon_id, fodelsear, samtycke, samtycke_datum, avidentifierad,
    avidentifierad_orsak)
SELECT d.id, d.insats_id, d.start, d.slut,
    CASE WHEN NOT d.strip THEN p.id END, p.kon_id, p.fodelsear, true,
    d.start, CASE WHEN d.strip THEN now() END,
    CASE WHEN d.strip THEN 'gallring' END
FROM rb_d d JOIN rb_person p ON p.nr = d.pnr
ORDER BY d.id;

-- Inregistrering: sysselsättning (omfattning where it applies),
-- utbildning, tid, and one or two försörjning codes.
CREATE TEMP TABLE rb_in AS
SELECT d.id, v.syss[1 + floor(random() * cardinality(v.syss))::integer]
	AS syss,
    v.utb[1 + floor(random() * cardinality(v.utb))::integer] AS utb,
    v.tid[1 + floor(random() * cardinality(v.tid))::integer] AS tid,
    v.fors[1 + floor(random() * cardinality(v.fors))::integer] AS f1,
    CASE WHEN random() < 0.3 THEN
	v.fors[1 + floor(random() * cardinality(v.fors))::integer] END AS f2
FROM rb_d d, rb_val v;
INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id, omfattning,
    utbildning_id, tid_id)
SELECT i.id, 'in', i.syss, CASE WHEN i.syss = ANY (v.omf)
    THEN 25 * (1 + i.id % 4) END, i.utb, i.tid
FROM rb_in i, rb_val v ORDER BY i.id;
INSERT INTO mattillfalle_forsorjning (deltagande_id, typ, forsorjning_id)
SELECT id, 'in', f1 FROM rb_in
UNION
SELECT id, 'in', f2 FROM rb_in WHERE f2 IS NOT NULL
ORDER BY 1;

-- Utregistrering of the ended ones (no outcome after a felregistrering
-- or withdrawn consent).
CREATE TEMP TABLE rb_ut AS
SELECT x.id, x.avslut, CASE WHEN x.avslut = ANY (v.utan) THEN NULL
    ELSE v.syss[1 + floor(random() * cardinality(v.syss))::integer] END
	AS syss,
    v.fors[1 + floor(random() * cardinality(v.fors))::integer] AS f1,
    CASE WHEN random() < 0.3 THEN
	v.fors[1 + floor(random() * cardinality(v.fors))::integer] END AS f2
FROM (SELECT d.id,
	v.avslut[1 + floor(random() * cardinality(v.avslut))::integer]
	AS avslut
    FROM rb_d d, rb_val v WHERE d.slut IS NOT NULL) x, rb_val v;
INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id, omfattning,
    avslut_id)
SELECT u.id, 'ut', u.syss, CASE WHEN u.syss = ANY (v.omf)
    THEN 25 * (1 + u.id % 4) END, u.avslut
FROM rb_ut u, rb_val v ORDER BY u.id;
INSERT INTO mattillfalle_forsorjning (deltagande_id, typ, forsorjning_id)
SELECT id, 'ut', f1 FROM rb_ut WHERE syss IS NOT NULL
UNION
SELECT id, 'ut', f2 FROM rb_ut WHERE syss IS NOT NULL AND f2 IS NOT NULL
ORDER BY 1;

-- Answers to the kompletterande frågor, for a third.
CREATE TEMP TABLE rb_alt AS
SELECT q.id AS fraga_id, q.samverkansorg_id AS sid,
    array_agg(a.id ORDER BY a.ordning) AS ids
FROM fraga q JOIN fraga_alternativ a ON a.fraga_id = q.id
GROUP BY q.id;
INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle, ja)
SELECT q.id, d.id, 'in', d.id % 2 = 0
FROM rb_d d JOIN fraga q ON q.samverkansorg_id = d.sid
    AND q.svarstyp = 'janej'
WHERE d.id % 3 = 0;
INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle, alternativ_id)
SELECT q.fraga_id, d.id, 'ut', q.ids[1 + (d.id / 3) % 3]
FROM rb_d d JOIN rb_alt q ON q.sid = d.sid
WHERE d.id % 3 = 0 AND d.slut IS NOT NULL;

-- Anonymous participants: a quarter of the PERSON insatser, per year and
-- kön within the insats.
INSERT INTO anonym_deltagande (insats_id, ar, kon_id, antal)
SELECT p.id, a.ar, k.id, 1 + floor(random() * 20)::integer
FROM rb_pins p, generate_series(2020, 2025) AS a(ar), kod k
WHERE p.g % 4 = 1 AND k.lista = 'kon'
    AND a.ar >= extract(year FROM p.lo)
    AND (p.slut IS NULL OR a.ar <= extract(year FROM p.slut));

-- Af/FK offices: each an insats of its authority's organisation.
INSERT INTO insats (samverkansorg_id, namn, startdatum, beskrivning)
SELECT s.id, 'Rapportbänk ' || CASE s.affk_myndighet WHEN 'AF' THEN
    'Arbetsförmedlingen ' ELSE 'Försäkringskassan ' END
    || lpad(g::text, 2, '0'), '2013-02-01', 'Kontor för make bench.'
FROM samverkansorg s, generate_series(1, 60) AS g
WHERE s.affk_myndighet = 'AF' OR (s.affk_myndighet = 'FK' AND g <= 40);
INSERT INTO affk_kontor (myndighet, namn, omrade_lista, omrade_id, amo_id,
    kontorstyp, insats_id)
SELECT s.affk_myndighet, i.namn,
    CASE s.affk_myndighet WHEN 'AF' THEN 'marknadsomrade'
    ELSE 'verksamhetsomrade' END,
    CASE s.affk_myndighet WHEN 'AF' THEN
    m.ids[1 + i.id % cardinality(m.ids)]
    ELSE v.ids[1 + i.id % cardinality(v.ids)] END,
    CASE WHEN s.affk_myndighet = 'AF' THEN
    a.ids[1 + i.id % cardinality(a.ids)] END,
    CASE WHEN s.affk_myndighet = 'FK' THEN
    CASE WHEN i.id % 3 = 0 THEN 'FV' ELSE 'TA' END END, i.id
FROM insats i JOIN samverkansorg s ON s.id = i.samverkansorg_id,
    rb_kod m, rb_kod v, rb_kod a
WHERE i.namn LIKE 'Rapportbänk %' AND s.affk_myndighet IS NOT NULL
    AND m.lista = 'marknadsomrade' AND v.lista = 'verksamhetsomrade'
    AND a.lista = 'arbetsmarknadsomrade';
CREATE TEMP TABLE rb_kontor AS
SELECT myndighet, array_agg(id ORDER BY id) AS ids
FROM affk_kontor WHERE namn LIKE 'Rapportbänk %' GROUP BY myndighet;
INSERT INTO anonym_deltagande (insats_id, ar, kon_id, antal)
SELECT k.insats_id, a.ar, c.id, 1 + floor(random() * 10)::integer
FROM affk_kontor k, generate_series(2020, 2025) AS a(ar), kod c
WHERE k.namn LIKE 'Rapportbänk %' AND c.lista = 'kon';

-- Ärenden: a path of steps and their lengths in days.
CREATE TEMP TABLE rb_a AS
SELECT nextval('affk_arende_id_seq') AS id, x.*,
    CASE x.slag
	WHEN 0 THEN ARRAY['BEGARAN_GK', 'GK', x.plan, x.aktiv, x.slut]
	WHEN 1 THEN ARRAY['GK', x.plan, x.aktiv, x.slut]
	WHEN 2 THEN ARRAY['GK', 'KONSULTATIVT_STOD', x.slut]
	ELSE ARRAY['BEGARAN_GK', 'AVBRUTET'] END AS steg,
    CASE x.slag
	WHEN 0 THEN ARRAY[x.d1, x.d2, x.d3, x.d4, 1]
	WHEN 1 THEN ARRAY[x.d2, x.d3, x.d4, 1]
	WHEN 2 THEN ARRAY[x.d2, x.d4, 1]
	ELSE ARRAY[x.d1, 1] END AS dagar
FROM (SELECT g, g % :npers AS pnr,
	'2020-07-01'::date + floor(random() * 2010)::integer AS start,
	CASE WHEN random() < 0.4 THEN 'AF' ELSE 'FK' END AS initierad_av,
	v.kommuner[1 + (g * 31) % cardinality(v.kommuner)] AS kommunkod,
	CASE WHEN g % 10 < 5 THEN 0 WHEN g % 10 < 8 THEN 1
	    WHEN g % 10 < 9 THEN 2 ELSE 3 END AS slag,
	CASE WHEN g % 2 = 0 THEN 'PLANERAD_FORBEREDANDE'
	    ELSE 'PLANERAD_ARBETSLIV' END AS plan,
	CASE WHEN g % 3 = 0 THEN 'ARBETSLIVSINRIKTADE'
	    ELSE 'ARBETSFORBEREDANDE' END AS aktiv,
	CASE WHEN g % 7 = 0 THEN 'AVBRUTET' ELSE 'AVSLUTAT' END AS slut,
	10 + floor(random() * 30)::integer AS d1,
	20 + floor(random() * 40)::integer AS d2,
	10 + floor(random() * 80)::integer AS d3,
	60 + floor(random() * 300)::integer AS d4
    FROM generate_series(0, :arenden - 1) AS g, rb_val v) x;
ALTER TABLE rb_a ADD COLUMN af integer, ADD COLUMN fk integer;
UPDATE rb_a a SET af = ka.ids[1 + a.g % cardinality(ka.ids)],
    fk = kf.ids[1 + (a.g * 7) % cardinality(kf.ids)]
FROM rb_kontor ka, rb_kontor kf
WHERE ka.myndighet = 'AF' AND kf.myndighet = 'FK';

-- The periods: each step from the day after the last, an ending on its
-- one day; steps after 2026-10-31 have not happened yet.
CREATE TEMP TABLE rb_p AS
SELECT y.*, nextval('affk_period_id_seq') AS pid
FROM (SELECT s.id AS arende_id, s.nr, s.typ, s.start AS pstart,
	CASE WHEN t.slag = 'avslut' THEN s.start
	    WHEN lead(s.start) OVER w IS NULL
		OR lead(s.start) OVER w > '2026-10-31' THEN NULL
	    ELSE lead(s.start) OVER w - 1 END AS pslut,
	t.kod_id AS insatstyp_id, t.slag,
	CASE WHEN s.typ IN ('ARBETSFORBEREDANDE', 'ARBETSLIVSINRIKTADE')
	    OR (t.slag = 'avslut' AND lag(s.typ) OVER w IN
	    ('ARBETSFORBEREDANDE', 'ARBETSLIVSINRIKTADE', 'PLANERAD_ARBETSLIV',
	    'PLANERAD_FORBEREDANDE')) THEN 'AF' ELSE 'FK' END AS myndighet,
	s.af, s.fk
    FROM (SELECT a.id, a.af, a.fk, u.nr, u.typ, a.start + coalesce(sum(u.d)
	    OVER (PARTITION BY a.id ORDER BY u.nr ROWS BETWEEN UNBOUNDED
	    PRECEDING AND 1 PRECEDING), 0)::integer AS start
	FROM rb_a a CROSS JOIN LATERAL unnest(a.steg, a.dagar)
	    WITH ORDINALITY AS u(typ, d, nr)) s
    JOIN kod k ON k.lista = 'affk_insatstyp' AND k.kod = s.typ
    JOIN affk_insatstyp t ON t.kod_id = k.id
    WINDOW w AS (PARTITION BY s.id ORDER BY s.nr)) y
WHERE y.pstart <= '2026-10-31';
-- A planned insats ended from FK's side before anything active began is
-- not an övergång the co-operation has; the paths above never make one.

ALTER TABLE rb_a ADD COLUMN slutdatum date, ADD COLUMN oppen_nr bigint;
UPDATE rb_a a SET slutdatum = p.pstart FROM rb_p p
WHERE p.arende_id = a.id AND p.slag = 'avslut';
UPDATE rb_a a SET oppen_nr = o.nr
FROM (SELECT id, row_number() OVER (PARTITION BY pnr ORDER BY id) AS nr
    FROM rb_a WHERE slutdatum IS NULL) o
WHERE o.id = a.id;
-- A person the demo data already has an open ärende for has none here.
UPDATE rb_a a SET oppen_nr = 2 FROM rb_person p
WHERE a.oppen_nr = 1 AND p.nr = a.pnr AND EXISTS (SELECT 1
    FROM affk_arende x WHERE x.person_id = p.id AND x.slutdatum IS NULL);

INSERT INTO affk_arende (id, person_id, kon_id, fodelsear, kommunkod,
    initierad_av, samtycke, samtycke_datum, af_kontor_id, fk_kontor_id,
    startdatum, slutdatum, avidentifierad, avidentifierad_orsak)
SELECT a.id, CASE WHEN coalesce(a.oppen_nr, 1) = 1 THEN p.id END,
    p.kon_id, p.fodelsear, a.kommunkod, a.initierad_av, true, a.start,
    a.af, a.fk, a.start, a.slutdatum,
    CASE WHEN coalesce(a.oppen_nr, 1) > 1 THEN now() END,
    CASE WHEN coalesce(a.oppen_nr, 1) > 1 THEN 'gallring' END
FROM rb_a a JOIN rb_person p ON p.nr = a.pnr;
INSERT INTO affk_period (id, arende_id, insatstyp_id, startdatum, slutdatum,
    af_kontor_id, fk_kontor_id, myndighet)
SELECT pid, arende_id, insatstyp_id, pstart, pslut, af, fk, myndighet
FROM rb_p;

-- The answers of each step (affk_fraga), a random code of the question's
-- list; the type of work only where the answer to "arbetar" is yes.
INSERT INTO affk_svar (period_id, fraga_id, svar_lista, svar_id)
SELECT p.pid, f.id, f.lista,
    k.ids[1 + floor(random() * cardinality(k.ids))::integer]
FROM rb_p p JOIN affk_fraga f ON f.insatstyp_id = p.insatstyp_id
JOIN rb_kod k ON k.lista = f.lista
WHERE f.villkor_fraga_id IS NULL;
INSERT INTO affk_svar (period_id, fraga_id, svar_lista, svar_id)
SELECT s.period_id, f.id, f.lista,
    k.ids[1 + (s.period_id % cardinality(k.ids))::integer]
FROM affk_svar s JOIN rb_p p ON p.pid = s.period_id
JOIN affk_fraga f ON f.villkor_fraga_id = s.fraga_id
    AND f.villkor_svar_id = s.svar_id
JOIN rb_kod k ON k.lista = f.lista;

COMMIT;

-- As autovacuum would have left a database in use: statistics, and the
-- visibility map that index-only scans need.
VACUUM (ANALYZE);

SELECT (SELECT count(*) FROM samverkansorg WHERE namn LIKE 'Rapportbänk%')
    AS forbund,
    (SELECT count(*) FROM insats WHERE namn LIKE 'Rapportbänk insats%')
    AS insatser,
    (SELECT count(*) FROM deltagande) AS deltagande,
    (SELECT count(*) FROM mattillfalle) AS mattillfallen,
    (SELECT count(*) FROM volym_antal) AS volym,
    (SELECT count(*) FROM anonym_deltagande) AS anonyma,
    (SELECT count(*) FROM affk_arende) AS arenden,
    (SELECT count(*) FROM affk_period) AS perioder,
    (SELECT count(*) FROM affk_svar) AS svar;
