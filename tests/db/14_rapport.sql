-- Reports (schema 0011): the remembered choices (rapport_val) with their
-- key, CHECKs, upsert and cascade, what the application role may do, and
-- samorg_lan(): the län holding most of an organisation's kommuner, the
-- lowest länskod on a tie, none without kommuner. Everything is rolled
-- back.
BEGIN;
SELECT plan(21);

INSERT INTO anvandare (username, password_hash, fornamn, efternamn)
VALUES ('rapportval', '$argon2id$v=19$m=65536,t=2,p=1$bVzgR1MEv84a03Svn7KbnA$U6u1HnmW/kRpx34sAyHxVGT9T0QoCS4ffRHaNSy/qaI',
    'Rut', 'Val');
CREATE TEMP TABLE u AS SELECT id FROM anvandare WHERE username = 'rapportval';
GRANT SELECT ON u TO sus_app;

SELECT has_table('rapport_val', 'table rapport_val');
SELECT col_is_pk('rapport_val', ARRAY['anvandare_id', 'rapport', 'namn'],
    'a choice is keyed by user, report and name');
SELECT fk_ok('rapport_val', 'anvandare_id', 'anvandare', 'id');

SELECT lives_ok($$INSERT INTO rapport_val (anvandare_id, rapport, namn,
    varde) SELECT id, 'insats', 'niva', 'lan' FROM u$$, 'a choice is saved');
SELECT throws_ok($$INSERT INTO rapport_val (anvandare_id, rapport, namn,
    varde) SELECT id, 'insats', 'niva', 'samorg' FROM u$$, '23505', NULL,
    'one value per user, report and name');
SELECT lives_ok($$INSERT INTO rapport_val (anvandare_id, rapport, namn,
    varde) SELECT id, 'insats', 'niva', 'samorg' FROM u
    ON CONFLICT (anvandare_id, rapport, namn)
    DO UPDATE SET varde = EXCLUDED.varde, andrad = now()$$,
    'the upsert susd runs replaces it');
SELECT is((SELECT varde FROM rapport_val WHERE namn = 'niva'
    AND anvandare_id = (SELECT id FROM u)), 'samorg', 'the new value holds');
SELECT throws_ok($$INSERT INTO rapport_val (anvandare_id, rapport, namn,
    varde) SELECT id, 'Insats', 'kon', 'K' FROM u$$, '23514', NULL,
    'a report name is a-z and _ only');
SELECT throws_ok($$INSERT INTO rapport_val (anvandare_id, rapport, namn,
    varde) SELECT id, 'insats', 'ar1', '2001' FROM u$$, '23514', NULL,
    'a choice name is a-z and _ only');
SELECT throws_ok($$INSERT INTO rapport_val (anvandare_id, rapport, namn,
    varde) SELECT id, 'insats', repeat('a', 41), '' FROM u$$, '23514', NULL,
    'a choice name is at most 40 characters');
SELECT throws_ok($$INSERT INTO rapport_val (anvandare_id, rapport, namn,
    varde) SELECT id, 'insats', 'samorg', repeat('å', 101) FROM u$$,
    '23514', NULL, 'a value is at most 100 characters');
SELECT lives_ok($$INSERT INTO rapport_val (anvandare_id, rapport, namn,
    varde) SELECT id, 'insats', 'samorg', repeat('å', 100) FROM u$$,
    'a value of 100 characters is kept');
SELECT lives_ok($$INSERT INTO rapport_val (anvandare_id, rapport, namn,
    varde) SELECT id, 'insats', 'malgrupp', '' FROM u$$,
    'an empty value (all) is kept');

SELECT table_privs_are('rapport_val', 'sus_app', ARRAY['SELECT', 'INSERT',
    'UPDATE', 'DELETE'], 'sus_app reads and writes the choices');
SELECT ok(has_function_privilege('sus_app', 'samorg_lan(integer)',
    'EXECUTE'), 'sus_app may call samorg_lan()');
SET LOCAL ROLE sus_app;
SELECT lives_ok($$INSERT INTO rapport_val (anvandare_id, rapport, namn,
    varde) SELECT id, 'kostnad', 'ar_from', '2005' FROM u$$,
    'the application saves a choice');
RESET ROLE;

DELETE FROM anvandare WHERE username = 'rapportval';
SELECT is((SELECT count(*)::integer FROM rapport_val
    WHERE anvandare_id = (SELECT id FROM u)), 0,
    'a removed user''s choices go with the user');

-- samorg_lan(): Blekinge (10) two kommuner to Skåne's (12) one; a tie
-- between Skåne and Blekinge; no kommuner at all.
INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
SELECT v.namn, f.id, DATE '2000-01-01'
FROM (VALUES ('Lan mest Blekinge'), ('Lan lika'), ('Lan utan')) AS v(namn)
JOIN samverkansform f ON f.kod = 'FINSAM';
INSERT INTO samverkansorg_kommun (samverkansorg_id, kommunkod)
SELECT s.id, v.kommunkod
FROM (VALUES ('Lan mest Blekinge', '1080'), ('Lan mest Blekinge', '1081'),
    ('Lan mest Blekinge', '1280'), ('Lan lika', '1280'),
    ('Lan lika', '1082')) AS v(namn, kommunkod)
JOIN samverkansorg s ON s.namn = v.namn;

SELECT is(samorg_lan((SELECT id FROM samverkansorg
    WHERE namn = 'Lan mest Blekinge')), '10',
    'the län holding most of the kommuner');
SELECT is(samorg_lan((SELECT id FROM samverkansorg WHERE namn = 'Lan lika')),
    '10', 'on a tie, the lowest länskod');
SELECT is(samorg_lan((SELECT id FROM samverkansorg WHERE namn = 'Lan utan')),
    NULL, 'no kommuner, no län');
INSERT INTO samverkansorg_kommun (samverkansorg_id, kommunkod)
SELECT id, '1281' FROM samverkansorg WHERE namn = 'Lan lika';
SELECT is(samorg_lan((SELECT id FROM samverkansorg WHERE namn = 'Lan lika')),
    '12', 'a third kommun tips the balance');

SELECT * FROM finish();
ROLLBACK;
