-- schema/demo.sql (loaded twice by the runner before this file).
BEGIN;
SELECT plan(68);

SELECT is((SELECT count(*) FROM samverkansorg)::int, 21,
    'the demo organisations exist exactly once after two loads');
SELECT is((SELECT count(*) FROM anvandare)::int, 12, 'twelve demo users');
SELECT cmp_ok((SELECT count(*) FROM samverkansorg s JOIN samverkansform f
    ON f.id = s.samverkansform_id WHERE f.kod = 'FINSAM')::int, '>=', 15,
    'at least 15 samordningsförbund');
SELECT cmp_ok((SELECT count(*) FROM samverkansorg s JOIN samverkansform f
    ON f.id = s.samverkansform_id WHERE f.kod = 'TVAPARTSFINSAM')::int,
    '>=', 2, 'a few Tvåpartsfinsam organisations');
SELECT is_empty($$SELECT s.namn FROM samverkansorg s JOIN samverkansform f
    ON f.id = s.samverkansform_id WHERE f.kod <> 'AFFK' AND NOT EXISTS
    (SELECT 1 FROM samverkansorg_kommun k WHERE k.samverkansorg_id = s.id)$$,
    'every regional organisation serves at least one kommun');
SELECT is((SELECT string_agg(kommunkod, ',' ORDER BY kommunkod)
    FROM samverkansorg_kommun k JOIN samverkansorg s
    ON s.id = k.samverkansorg_id
    WHERE s.namn = 'Samordningsförbundet Göteborg'
    AND k.stadsdel_id IS NULL), '1480', 'Göteborg serves kommun 1480');
SELECT is((SELECT count(*) FROM samverkansorg_kommun
    WHERE stadsdel_id IS NOT NULL)::int, 4, 'four stadsdel links');
SELECT is_empty($$SELECT namn FROM samverkansorg
    WHERE startdatum NOT BETWEEN '2004-01-01' AND '2015-12-31'$$,
    'every startdatum lies in 2004..2015');
SELECT is_empty($$SELECT namn FROM samverkansorg
    WHERE organisationsnummer NOT LIKE '222222-%'$$,
    'organisationsnummer are in the invented 222222 range');
SELECT is((SELECT namn::text COLLATE "default" FROM samverkansorg
    ORDER BY samverkansorg.namn DESC LIMIT 1),
    'Östersunds samordningsförbund', 'an Ö name sorts last');
SELECT ok((SELECT bool_and(password_hash =
    '$argon2id$v=19$m=65536,t=2,p=1$bVzgR1MEv84a03Svn7KbnA$U6u1HnmW/kRpx34sAyHxVGT9T0QoCS4ffRHaNSy/qaI')
    FROM anvandare), 'every demo user has the demo2026 hash');
SELECT set_eq($$SELECT username || ':' || roll FROM anvandare a
    JOIN anvandare_roll r ON r.anvandare_id = a.id
    WHERE roll <> 'susrapport'$$,
    ARRAY['admin:superadmin', 'samadm:samverkansadmin',
    'insatsansv:insatsansvarig', 'deltagaransv:deltagaransvarig',
    'nberg:insatsansvarig', 'slund:deltagaransvarig',
    'akarlsson:samverkansadmin', 'afhandl:deltagaransvarig',
    'fkhandl:deltagaransvarig', 'affkansv:insatsansvarig'],
    'one role per demo user besides susrapport');
SELECT is((SELECT count(*) FROM anvandare a WHERE EXISTS (SELECT 1
    FROM anvandare_roll r WHERE r.anvandare_id = a.id
    AND r.roll = 'susrapport'))::int, 11,
    'every user but the beställare has susrapport');
SELECT is_empty($$SELECT username FROM anvandare
    WHERE epost NOT LIKE '%@example.se'$$,
    'demo e-mail addresses are @example.se');
SELECT is_empty($$SELECT a.username FROM anvandare a
    JOIN anvandare_roll r ON r.anvandare_id = a.id
    JOIN organisation o ON o.id = a.arbetsgivare_id
    WHERE r.roll = 'deltagaransvarig'
    AND o.organisationstyp = 'Samordningsförbund'$$,
    'no förbund employee is deltagaransvarig (rule 17)');
SELECT ok((SELECT count(*) FROM samverkansorg_organisation
    WHERE finansiar) >= 10, 'ingående organisationer with finansiärer');

-- Samverkansorganisation administration (schema 0006): Göteborg alone
-- has budget data, for last year and this year.
CREATE TEMP TABLE g AS SELECT id, extract(year FROM current_date)::int AS y
FROM samverkansorg WHERE namn = 'Samordningsförbundet Göteborg';
SELECT set_has($$SELECT o.namn::text COLLATE "default"
    FROM samverkansorg_organisation so
    JOIN organisation o ON o.id = so.organisation_id
    WHERE so.samverkansorg_id = (SELECT id FROM g) AND so.medlem
    AND so.finansiar$$, $$VALUES ('Försäkringskassan'),
    ('Arbetsförmedlingen'), ('Region Västra Götaland'), ('Göteborgs stad')$$,
    'Göteborg''s four parties are members and finansiärer');
SELECT is_empty($$SELECT samverkansorg_id FROM samorg_finansiering
    WHERE samverkansorg_id <> (SELECT id FROM g)
    UNION ALL SELECT samverkansorg_id FROM samorg_admkostnad
    WHERE samverkansorg_id <> (SELECT id FROM g)
    UNION ALL SELECT i.samverkansorg_id FROM insats_budgetpost b
    JOIN insats i ON i.id = b.insats_id
    WHERE i.samverkansorg_id <> (SELECT id FROM g)$$,
    'no other organisation has budget lines');
SELECT results_eq($$SELECT ar::int, count(*)::int, sum(belopp)::bigint,
    count(utfall)::int FROM samorg_finansiering
    WHERE samverkansorg_id = (SELECT id FROM g) AND NOT eget_kapital
    GROUP BY ar ORDER BY ar$$,
    $$VALUES ((SELECT y - 1 FROM g), 3, 12000000::bigint, 3),
    ((SELECT y FROM g), 3, 12800000::bigint, 0)$$,
    'finance lines for last year (with utfall) and this year, once each');
SELECT results_eq($$SELECT ar::int, beskrivning, organisation_id IS NULL
    FROM samorg_finansiering WHERE samverkansorg_id = (SELECT id FROM g)
    AND eget_kapital$$,
    $$VALUES ((SELECT y FROM g), 'Eget kapital från ' ||
    (SELECT y - 1 FROM g)::text, true)$$,
    'one Eget kapital line this year');
SELECT set_eq($$SELECT a.ar || ':' || k.kod FROM samorg_admkostnad a
    JOIN kod k ON k.id = a.kostnadstyp_id
    WHERE a.samverkansorg_id = (SELECT id FROM g)$$,
    $$SELECT (y + d) || ':' || k FROM g, unnest(ARRAY[-1, 0]) d,
    unnest(ARRAY['KRING', 'PERSONAL']) k$$,
    'administrativa kostnader Kring and Personal both years');
SELECT is((SELECT count(*) FROM samorg_admkostnad
    WHERE samverkansorg_id = (SELECT id FROM g) AND utfall IS NOT NULL
    AND ar = (SELECT y - 1 FROM g))::int, 2,
    'last year''s administrativa kostnader have utfall');
SELECT set_eq($$SELECT i.namn || ':' || (b.ar - (SELECT y FROM g))
    FROM insats_budgetpost b JOIN insats i ON i.id = b.insats_id$$,
    ARRAY['Steget vidare:-1', 'Steget vidare:0', 'Hisingens arbetsväg:0'],
    'insats budget lines on two of Göteborg''s insatser');
SELECT is_empty($$SELECT id FROM insats_budgetpost
    WHERE organisation_id IS NOT NULL$$,
    'FINSAM insats lines name no organisation (rule 10)');
SELECT results_eq($$SELECT f.mattillfalle, f.svarstyp, f.ordning,
    count(a.id)::int FROM fraga f
    LEFT JOIN fraga_alternativ a ON a.fraga_id = f.id
    GROUP BY f.id ORDER BY f.ordning$$,
    $$VALUES ('in', 'janej', 1, 0), ('ut', 'enval', 2, 3)$$,
    'two kompletterande frågor: ja/nej in, single choice out with three');
SELECT is_empty($$SELECT id FROM fraga
    WHERE samverkansorg_id <> (SELECT id FROM g)$$,
    'the questions are Göteborg''s');
SELECT is_empty($$SELECT s.id FROM fraga_svar s JOIN deltagande d
    ON d.id = s.deltagande_id JOIN insats i ON i.id = d.insats_id
    WHERE i.namn <> 'Steget vidare'$$,
    'answers only from the demo participants of Steget vidare');

-- Insats (schema 0007): the demo insatser categorised, one volyminsats
-- with counts and one correction, one förstudie not yet categorised.
SELECT set_eq($$SELECT s.namn || '/' || i.namn FROM insats i
    JOIN samverkansorg s ON s.id = i.samverkansorg_id$$,
    ARRAY['Samordningsförbundet Göteborg/Steget vidare',
    'Samordningsförbundet Göteborg/Hisingens arbetsväg',
    'Samordningsförbundet Göteborg/Nordost i arbete',
    'Samordningsförbundet Göteborg/Nätverksträffar Göteborg',
    'Samordningsförbundet Göteborg/Förstudie Angered',
    'Samordningsförbundet Stockholms stad/Järva jobbstart',
    'Samordningsförbundet Malmö/Malmö navigator',
    'Arbetsförmedlingen (Af/FK)/Arbetsförmedlingen Göteborg',
    'Arbetsförmedlingen (Af/FK)/Arbetsförmedlingen Angered',
    'Arbetsförmedlingen (Af/FK)/Arbetsförmedlingen Malmö',
    'Arbetsförmedlingen (Af/FK)/Arbetsförmedlingen Uppsala',
    'Försäkringskassan (Af/FK)/Försäkringskassan Göteborg',
    'Försäkringskassan (Af/FK)/Försäkringskassan Malmö',
    'Försäkringskassan (Af/FK)/Försäkringskassan Uppsala'],
    'seven demo insatser and seven Af/FK offices, each once after two '
    'loads');
SELECT set_eq($$SELECT i.namn || ':' || kod_kod(i.inriktning_id) || '/' ||
    kod_kod(i.preciserad_id) || ':' || kod_kod(i.matningsmetod_id)
    FROM insats i$$,
    ARRAY['Steget vidare:INDIVID/ARBETSTRANING:PERSON',
    'Hisingens arbetsväg:INDIVID/SAMORDNING:PERSON',
    'Nordost i arbete:INDIVID/REHAB:PERSON',
    'Nätverksträffar Göteborg:STRUKTUR/NATVERK:ANTAL',
    'Förstudie Angered:/:',
    'Järva jobbstart:INDIVID/KARTLAGGNING:PERSON',
    'Malmö navigator:INDIVID/SAMORDNING:PERSON',
    'Arbetsförmedlingen Göteborg:/:', 'Arbetsförmedlingen Angered:/:',
    'Arbetsförmedlingen Malmö:/:', 'Arbetsförmedlingen Uppsala:/:',
    'Försäkringskassan Göteborg:/:', 'Försäkringskassan Malmö:/:',
    'Försäkringskassan Uppsala:/:'],
    'inriktning, preciserad inriktning and mätningsmetod of each insats '
    '(none for an office)');
SELECT set_eq($$SELECT i.namn || ':' || k.kod FROM insats_malgrupp m
    JOIN insats i ON i.id = m.insats_id JOIN kod k ON k.id = m.malgrupp_id$$,
    ARRAY['Steget vidare:LANGTIDSARBETSLOS', 'Steget vidare:FORSORJNINGSSTOD',
    'Hisingens arbetsväg:UNGA', 'Nordost i arbete:LANGTIDSSJUK',
    'Nätverksträffar Göteborg:PERSONAL', 'Järva jobbstart:NYANLANDA',
    'Malmö navigator:UNGA'],
    'the specifika målgrupper');
SELECT set_eq($$SELECT namn::text COLLATE "default" || ':' ||
    insats_kategoriserad(id) FROM insats$$,
    ARRAY['Förstudie Angered:false', 'Hisingens arbetsväg:true',
    'Järva jobbstart:true', 'Malmö navigator:true',
    'Nordost i arbete:true', 'Nätverksträffar Göteborg:true',
    'Steget vidare:true', 'Arbetsförmedlingen Göteborg:false',
    'Arbetsförmedlingen Angered:false', 'Arbetsförmedlingen Malmö:false',
    'Arbetsförmedlingen Uppsala:false', 'Försäkringskassan Göteborg:false',
    'Försäkringskassan Malmö:false', 'Försäkringskassan Uppsala:false'],
    'every insats but the förstudie and the offices is categorised');
SELECT set_eq($$SELECT i.id FROM insats i WHERE NOT insats_kategoriserad(i.id)
    AND i.namn <> 'Förstudie Angered'$$,
    $$SELECT k.insats_id FROM affk_kontor k JOIN insats i
    ON i.id = k.insats_id JOIN samverkansorg s ON s.id = i.samverkansorg_id
    WHERE s.affk_myndighet = k.myndighet$$,
    'the uncategorised ones besides the förstudie are exactly the offices, '
    'each in its authority''s organisation');
SELECT results_eq($$SELECT startdatum, slutdatum FROM insats
    WHERE namn = 'Förstudie Angered'$$,
    $$VALUES (make_date((SELECT y FROM g), 1, 1), NULL::date)$$,
    'Förstudie Angered starts on 1 January this year, open-ended');
SELECT results_eq($$SELECT startdatum, slutdatum FROM insats
    WHERE namn = 'Nätverksträffar Göteborg'$$,
    $$VALUES ('2022-01-01'::date, NULL::date)$$,
    'Nätverksträffar Göteborg starts 2022-01-01, open-ended');
SELECT set_eq($$SELECT i.namn || ':' || (a.ar - (SELECT y FROM g)) || ':' ||
    a.planerat_antal FROM insats_ar a JOIN insats i ON i.id = a.insats_id$$,
    ARRAY['Steget vidare:0:40'],
    'planerat antal deltagare: 40 for Steget vidare this year');
SELECT results_eq($$SELECT extract(month FROM v.period)::int, v.kvinnor,
    v.man, v.okant FROM volym_antal v JOIN insats i ON i.id = v.insats_id
    WHERE i.namn = 'Nätverksträffar Göteborg' AND v.ersatt IS NULL
    AND extract(year FROM v.period) = (SELECT y - 1 FROM g)
    ORDER BY v.period$$,
    $$VALUES (9, 14, 6, 0), (10, 13, 5, 1), (11, 17, 8, 1)$$,
    'current counts for September to November last year');
SELECT results_eq($$SELECT o.kvinnor, o.man, o.okant, n.kommentar,
    o.ersatt <= n.registrerad FROM volym_antal o
    JOIN volym_antal n ON n.ersatter = o.id$$,
    $$VALUES (11, 5, 0, 'Rättat efter närvarolistan', true)$$,
    'October''s first count is kept, replaced by the correction');
SELECT is_empty($$SELECT v.id FROM volym_antal v JOIN insats i
    ON i.id = v.insats_id JOIN anvandare a ON a.id = v.registrerad_av
    WHERE i.namn <> 'Nätverksträffar Göteborg' OR a.username <> 'insatsansv'
    OR v.period < i.startdatum$$,
    'counts only on the volyminsats, by insatsansv, within the insats');
SELECT results_eq($$SELECT i.namn::text COLLATE "default",
    insats_har_deltagare(i.id),
    EXISTS (SELECT 1 FROM uppdrag u WHERE u.insats_id = i.id)
    FROM insats i WHERE i.namn IN ('Nätverksträffar Göteborg',
    'Steget vidare') ORDER BY i.namn COLLATE "C"$$,
    $$VALUES ('Nätverksträffar Göteborg', true, false),
    ('Steget vidare', true, true)$$,
    'the volyminsats is locked and has no deltagaransvarig (rule 29); '
    'Steget vidare has one, and its participants lock it');

-- Deltagande (schema 0008): six participants of Steget vidare, from the
-- register copy, each with its audit row.
CREATE TEMP TABLE sv AS SELECT d.*, p.personnummer FROM deltagande d
JOIN person p ON p.id = d.person_id
JOIN insats i ON i.id = d.insats_id WHERE i.namn = 'Steget vidare';
SELECT is((SELECT count(*)::int FROM deltagande), 6,
    'six demo participants, each once after two loads');
SELECT is((SELECT count(*)::int FROM sv), 6, 'all six in Steget vidare');
SELECT is((SELECT count(*)::int FROM person), 11,
    'eleven persons: six participants, five in Af/FK ärenden');
SELECT is_empty($$SELECT p.id FROM person p WHERE EXISTS (SELECT 1
    FROM deltagande d WHERE d.person_id = p.id) = EXISTS (SELECT 1
    FROM affk_arende a WHERE a.person_id = p.id)$$,
    'each person a participant or in an ärende, not both');
SELECT is_empty($$SELECT sv.personnummer FROM sv LEFT JOIN folkbokforing f
    ON f.personnummer = sv.personnummer
    WHERE f.personnummer IS NULL OR f.skyddad OR f.kommunkod <> '1480'$$,
    'every one a Göteborg person of the register, none protected');
SELECT is_empty($$SELECT sv.personnummer FROM sv
    WHERE sv.personnummer = '196201122808'$$,
    'Åsa Lindqvist is left for the tests to register');
SELECT is_empty($$SELECT p.personnummer FROM person p JOIN folkbokforing f
    ON f.personnummer = p.personnummer WHERE p.namn <> f.namn
    OR p.kommunkod IS DISTINCT FROM f.kommunkod
    OR p.stadsdel_id IS DISTINCT FROM f.stadsdel_id$$,
    'name, kommun and stadsdel as the register has them');
SELECT is_empty($$SELECT sv.personnummer FROM sv
    WHERE sv.fodelsear <> substr(sv.personnummer, 1, 4)::int
    OR kod_kod(sv.kon_id) <> CASE WHEN substr(sv.personnummer, 11, 1)::int
    % 2 = 1 THEN 'M' ELSE 'K' END OR NOT sv.samtycke
    OR sv.samtycke_datum IS NULL OR sv.avidentifierad IS NOT NULL
    OR sv.registrerad_av <> (SELECT id FROM anvandare
    WHERE username = 'deltagaransv')$$,
    'kön and födelseår from the number, consent, registered by '
    'deltagaransv');
SELECT results_eq($$SELECT coalesce(s.avslutsanledning, ''), count(*)::int
    FROM deltagande_statistik s JOIN sv ON sv.id = s.id
    GROUP BY 1 ORDER BY 1$$,
    $$VALUES ('', 3), ('ARBETE', 1), ('FELREGISTRERING', 1),
    ('STUDIER', 1)$$,
    'three taking part; ended: Till arbete, Till studier, Felregistrering');
SELECT is_empty($$SELECT sv.id FROM sv WHERE (sv.slutdatum IS NULL) <>
    NOT EXISTS (SELECT 1 FROM mattillfalle m WHERE m.deltagande_id = sv.id
    AND m.typ = 'ut') OR NOT EXISTS (SELECT 1 FROM mattillfalle m
    WHERE m.deltagande_id = sv.id AND m.typ = 'in')$$,
    'an inregistrering each, an utregistrering exactly for those ended');
SELECT is_empty($$SELECT sv.id FROM sv WHERE NOT EXISTS (SELECT 1
    FROM mattillfalle_forsorjning f WHERE f.deltagande_id = sv.id
    AND f.typ = 'in')$$, 'försörjning before for each');
SELECT is((SELECT count(DISTINCT f.deltagande_id)::int
    FROM mattillfalle_forsorjning f WHERE f.typ = 'ut'), 2,
    'försörjning after for the two who ended for real');
SELECT results_eq($$SELECT q.mattillfalle, count(DISTINCT s.deltagande_id)::int
    FROM fraga_svar s JOIN fraga q ON q.id = s.fraga_id
    GROUP BY 1 ORDER BY 1$$, $$VALUES ('in', 6), ('ut', 2)$$,
    'the in question answered by all six, the ut question by the two');
SELECT set_eq($$SELECT a.text::text FROM fraga_svar s
    JOIN fraga_alternativ a ON a.id = s.alternativ_id$$,
    ARRAY['Mycket nöjd', 'Ganska nöjd'], 'their answers, with Swedish letters');
SELECT is_empty($$SELECT sv.id FROM sv WHERE (SELECT count(*) FROM
    audit_person a WHERE a.deltagande_id = sv.id AND a.person_id =
    sv.person_id AND a.insats_id = sv.insats_id AND a.action = 'skriv'
    AND a.purpose = 'Demodata' AND a.session_id IS NULL
    AND a.pnr_hash = pnr_hash(sv.personnummer)) <> 1$$,
    'one Demodata audit row per participation and person, no session');
SELECT is((SELECT count(*)::int FROM audit_person
    WHERE arende_id IS NULL), 6,
    'and no other audit_person row for a participation');
SELECT is((SELECT count(*)::int FROM audit_person
    WHERE session_id IS NOT NULL AND action IN ('las', 'skriv')), 0,
    'none counted as a session''s access to personal data');

-- Af/FK-samarbetet (schema 0010): five ärenden on the Göteborg offices,
-- one at each kind of step, by afhandl and fkhandl, each audited.
CREATE TEMP TABLE ar AS SELECT a.*, p.personnummer,
    (SELECT kod_kod(q.insatstyp_id) FROM affk_period q
    WHERE q.arende_id = a.id ORDER BY q.startdatum DESC LIMIT 1) AS steg
FROM affk_arende a JOIN person p ON p.id = a.person_id;
SELECT is((SELECT count(*)::int FROM affk_arende), 5,
    'five demo ärenden, each once after two loads');
SELECT results_eq($$SELECT personnummer::text, steg, slutdatum IS NULL
    FROM ar ORDER BY personnummer$$,
    $$VALUES ('200008102386', 'BEGARAN_GK', true), ('200008172397', 'GK', true),
    ('200111032389', 'PLANERAD_ARBETSLIV', true),
    ('200111142394', 'ARBETSFORBEREDANDE', true),
    ('200302022389', 'AVSLUTAT', false)$$,
    'one in Begäran om GK, one in GK, one planned, one in an active '
    'insats, one ended');
SELECT is_empty($$SELECT ar.personnummer FROM ar LEFT JOIN folkbokforing f
    ON f.personnummer = ar.personnummer
    WHERE f.personnummer IS NULL OR f.skyddad OR f.kommunkod <> '1480'
    OR f.stadsdel_id IS NULL OR ar.kommunkod <> '1480'$$,
    'every one a Göteborg person of the register with a stadsdel, none '
    'protected');
SELECT is_empty($$SELECT ar.id FROM ar
    WHERE ar.af_kontor_id <> (SELECT id FROM affk_kontor
    WHERE namn = 'Arbetsförmedlingen Göteborg')
    OR ar.fk_kontor_id <> (SELECT id FROM affk_kontor
    WHERE namn = 'Försäkringskassan Göteborg')$$,
    'all on Arbetsförmedlingen Göteborg and Försäkringskassan Göteborg now');
SELECT is_empty($$SELECT ar.id FROM ar
    WHERE ar.fodelsear <> substr(ar.personnummer, 1, 4)::int
    OR kod_kod(ar.kon_id) <> CASE WHEN substr(ar.personnummer, 11, 1)::int
    % 2 = 1 THEN 'M' ELSE 'K' END OR NOT ar.samtycke
    OR ar.samtycke_datum <> ar.startdatum OR ar.avidentifierad IS NOT NULL
    OR ar.startdatum <> (SELECT min(q.startdatum) FROM affk_period q
    WHERE q.arende_id = ar.id)$$,
    'kön and födelseår from the number, consent on the first day, which '
    'is the first period''s');
SELECT is_empty($$SELECT q.id FROM affk_period q JOIN ar ON ar.id = q.arende_id
    JOIN anvandare u ON u.id = q.registrerad_av
    WHERE u.username <> CASE q.myndighet WHEN 'AF' THEN 'afhandl'
    ELSE 'fkhandl' END OR NOT EXISTS (SELECT 1 FROM affk_overgang o
    WHERE o.till_id = q.insatstyp_id AND o.myndighet = q.myndighet
    AND o.fran_id IS NOT DISTINCT FROM (SELECT r.insatstyp_id
    FROM affk_period r WHERE r.arende_id = q.arende_id
    AND r.startdatum < q.startdatum ORDER BY r.startdatum DESC LIMIT 1))$$,
    'every övergång one the co-operation has, registered by its authority '
    '(afhandl for Af, fkhandl for FK)');
SELECT is_empty($$SELECT q.id FROM affk_period q JOIN affk_period n
    ON n.arende_id = q.arende_id AND n.startdatum = (SELECT min(x.startdatum)
    FROM affk_period x WHERE x.arende_id = q.arende_id
    AND x.startdatum > q.startdatum)
    WHERE q.slutdatum IS DISTINCT FROM n.startdatum - 1$$,
    'each period ends the day before the next');
SELECT results_eq($$SELECT q.startdatum, q.slutdatum, ar.slutdatum
    FROM affk_period q JOIN ar ON ar.id = q.arende_id
    WHERE ar.personnummer = '200302022389' ORDER BY q.startdatum$$,
    $$VALUES ('2024-09-02'::date, '2024-11-03'::date, '2025-03-14'::date),
    ('2024-11-04', '2025-03-13', '2025-03-14'),
    ('2025-03-14', '2025-03-14', '2025-03-14')$$,
    'the ended one: GK, Konsultativt stöd, Avslutat samarbete on 2025-03-14');
SELECT set_eq($$SELECT ar.personnummer || ':' || kod_kod(q.insatstyp_id) || ':'
    || f.kod || '=' || kod_kod(s.svar_id) FROM affk_svar s
    JOIN affk_period q ON q.id = s.period_id
    JOIN affk_fraga f ON f.id = s.fraga_id JOIN ar ON ar.id = q.arende_id$$,
    ARRAY['200008172397:BEGARAN_GK:INSKRIVEN_AF_FORE=NEJ',
    '200008172397:BEGARAN_GK:FORSORJNING_FORE=SJUKPENNING',
    '200111032389:GK:INSKRIVEN_AF_FORE=JA',
    '200111032389:GK:FORSORJNING_FORE=AKTIVITETSSTOD',
    '200111142394:GK:INSKRIVEN_AF_FORE=NEJ',
    '200111142394:GK:FORSORJNING_FORE=SJUKERSATTNING',
    '200302022389:GK:INSKRIVEN_AF_FORE=JA',
    '200302022389:GK:FORSORJNING_FORE=SJUKPENNING',
    '200302022389:AVSLUTAT:INSKRIVEN_AF_EFTER=JA',
    '200302022389:AVSLUTAT:ARBETAR_EFTER=JA',
    '200302022389:AVSLUTAT:TYP_AV_ARBETE=ANSTALLD',
    '200302022389:AVSLUTAT:STUDERAR_EFTER=NEJ'],
    'the answers: none yet for the one in Begäran om GK, the ending''s all');
SELECT results_eq($$SELECT b.datum = current_date - 130,
    fa.namn::text COLLATE "default", ta.namn::text COLLATE "default",
    b.fran_fk_kontor_id = b.till_fk_kontor_id,
    (SELECT string_agg(k.namn::text COLLATE "default" || ':' ||
    kod_kod(q.insatstyp_id), ','
    ORDER BY q.startdatum) FROM affk_period q JOIN affk_kontor k
    ON k.id = q.af_kontor_id WHERE q.arende_id = b.arende_id)
    FROM affk_kontorsbyte b JOIN affk_kontor fa ON fa.id = b.fran_af_kontor_id
    JOIN affk_kontor ta ON ta.id = b.till_af_kontor_id$$,
    $$VALUES (true, 'Arbetsförmedlingen Angered', 'Arbetsförmedlingen Göteborg',
    true, 'Arbetsförmedlingen Angered:GK,Arbetsförmedlingen Angered:'
    'PLANERAD_FORBEREDANDE,Arbetsförmedlingen Göteborg:ARBETSFORBEREDANDE')$$,
    'one office change, Angered to Göteborg, the periods with the office '
    'of their day');
SELECT is_empty($$SELECT ar.id FROM ar WHERE (SELECT count(*) FROM
    audit_person a WHERE a.arende_id = ar.id AND a.person_id = ar.person_id
    AND a.action = 'skriv' AND a.purpose = 'Demodata'
    AND a.session_id IS NULL AND a.deltagande_id IS NULL
    AND a.pnr_hash = pnr_hash(ar.personnummer)) <> 1$$,
    'one Demodata audit row per ärende and person, no session');
SELECT is((SELECT count(*)::int FROM audit_person
    WHERE arende_id IS NOT NULL), 5, 'and no other audit row for an ärende');

SELECT * FROM finish();
ROLLBACK;
