-- schema/demo.sql (loaded twice by the runner before this file).
BEGIN;
SELECT plan(16);

SELECT is((SELECT count(*) FROM samverkansorg)::int, 21,
    'the demo organisations exist exactly once after two loads');
SELECT is((SELECT count(*) FROM anvandare)::int, 9, 'nine demo users');
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
    'akarlsson:samverkansadmin'],
    'one role per demo user besides susrapport');
SELECT is((SELECT count(*) FROM anvandare a WHERE EXISTS (SELECT 1
    FROM anvandare_roll r WHERE r.anvandare_id = a.id
    AND r.roll = 'susrapport'))::int, 8,
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

SELECT * FROM finish();
ROLLBACK;
