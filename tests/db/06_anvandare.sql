-- Users and roles.
BEGIN;
SELECT plan(20);

CREATE TEMP TABLE h AS SELECT '$argon2id$v=19$m=65536,t=2,p=1$bVzgR1MEv84a03Svn7KbnA$U6u1HnmW/kRpx34sAyHxVGT9T0QoCS4ffRHaNSy/qaI'::text AS hash;
GRANT SELECT ON h TO sus_app;

SELECT lives_ok($$INSERT INTO anvandare (username, password_hash, fornamn,
    efternamn, epost) SELECT 'kalle', hash, 'Kalle', 'Ek',
    'kalle@example.se' FROM h$$, 'a user is created');
SELECT throws_ok($$INSERT INTO anvandare (username, password_hash, fornamn,
    efternamn) SELECT 'kalle', hash, 'Kalle', 'Ek' FROM h$$,
    '23505', NULL, 'a duplicate username is refused');
SELECT throws_ok($$INSERT INTO anvandare (username, password_hash, fornamn,
    efternamn) SELECT 'Kalle2', hash, 'Kalle', 'Ek' FROM h$$,
    '23514', NULL, 'an upper-case username is refused');
SELECT throws_ok($$INSERT INTO anvandare (username, password_hash, fornamn,
    efternamn) SELECT 'kalle ek', hash, 'Kalle', 'Ek' FROM h$$,
    '23514', NULL, 'a username with a space is refused');
SELECT throws_ok($$INSERT INTO anvandare (username, password_hash, fornamn,
    efternamn) VALUES ('olle', 'demo2026', 'Olle', 'Ek')$$,
    '23514', NULL, 'a clear-text password is refused');
SELECT throws_ok($$INSERT INTO anvandare (username, fornamn, efternamn)
    VALUES ('olle', 'Olle', 'Ek')$$,
    '23502', NULL, 'a user without password hash is refused');
SELECT throws_ok($$INSERT INTO anvandare (username, password_hash, fornamn,
    efternamn, epost) SELECT 'olle', hash, 'Olle', 'Ek', 'olle' FROM h$$,
    '23514', NULL, 'an e-mail address without @ is refused');
SELECT throws_ok($$UPDATE anvandare SET failed_logins = -1$$,
    '23514', NULL, 'failed_logins cannot go negative');
SELECT ok((SELECT aktiv AND failed_logins = 0 AND locked_until IS NULL
    AND last_login IS NULL FROM anvandare WHERE username = 'kalle'),
    'a new user is active, unlocked, never logged in');

-- Roles.
SELECT throws_ok($$INSERT INTO anvandare_roll SELECT id, 'kung'
    FROM anvandare WHERE username = 'kalle'$$,
    '23514', NULL, 'an unknown role is refused');
INSERT INTO anvandare_roll SELECT id, 'insatsansvarig'
FROM anvandare WHERE username = 'kalle';
SELECT set_eq($$SELECT roll FROM anvandare_roll JOIN anvandare a
    ON a.id = anvandare_id WHERE username = 'kalle'$$,
    ARRAY['insatsansvarig', 'susrapport'],
    'susrapport comes with any other role (rule 19)');
SELECT lives_ok($$INSERT INTO anvandare_roll SELECT id, 'susrapport'
    FROM anvandare WHERE username = 'kalle' ON CONFLICT DO NOTHING$$,
    'granting susrapport explicitly as well is harmless');

SET CONSTRAINTS anvandare_roll_keep_susrapport IMMEDIATE;
SELECT throws_ok($$DELETE FROM anvandare_roll WHERE roll = 'susrapport'
    AND anvandare_id = (SELECT id FROM anvandare WHERE username = 'kalle')$$,
    '23514', NULL, 'susrapport cannot be removed while other roles remain');
SELECT lives_ok($$DELETE FROM anvandare_roll WHERE anvandare_id =
    (SELECT id FROM anvandare WHERE username = 'kalle')$$,
    'all roles can be removed together');
INSERT INTO anvandare_roll SELECT id, 'deltagaransvarig'
FROM anvandare WHERE username = 'kalle';
SELECT lives_ok($$DELETE FROM anvandare WHERE username = 'kalle'$$,
    'a user with roles can be removed');
SELECT is((SELECT count(*) FROM anvandare_roll)::int, 0,
    'removing a user removes the roles');
SET CONSTRAINTS anvandare_roll_keep_susrapport DEFERRED;

-- The application role manages users.
SET LOCAL ROLE sus_app;
SELECT lives_ok($$INSERT INTO anvandare (username, password_hash, fornamn,
    efternamn, arbetsgivare_id) SELECT 'stina', hash, 'Stina', 'Åberg',
    (SELECT id FROM organisation WHERE namn = 'Försäkringskassan')
    FROM h$$, 'sus_app creates a user');
SELECT lives_ok($$INSERT INTO anvandare_roll SELECT id, 'insatsansvarig'
    FROM anvandare WHERE username = 'stina'$$, 'sus_app grants a role');
SELECT is((SELECT count(*) FROM anvandare_roll r JOIN anvandare a
    ON a.id = r.anvandare_id WHERE username = 'stina')::int, 2,
    'the susrapport trigger works for sus_app');
SELECT lives_ok($$UPDATE anvandare SET failed_logins = failed_logins + 1,
    locked_until = now() + interval '5 minutes' WHERE username = 'stina'$$,
    'sus_app records a failed login');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
