-- Import (schema 0009): the bulk batches' idempotency record. The two
-- tables and their columns, the key's shape, one key per user (another
-- user's same key is his own), the type and count CHECKs, each row's
-- outcome with status and kod agreeing, append-only for the owner and
-- the application role alike, and exactly the rights 0009 grants.
-- Everything here is made inside the transaction and rolled back.
BEGIN;
SELECT plan(56);

-- Helpers: ids by name, a key made of one repeated hex digit.
CREATE FUNCTION pg_temp.uid(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM anvandare WHERE username = n $$;
CREATE FUNCTION pg_temp.ins(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM insats WHERE namn = n $$;
CREATE FUNCTION pg_temp.key(c text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT repeat(c, 64) $$;
-- A batch of user u with key k and type t on the test insats; its id.
CREATE FUNCTION pg_temp.batch(u text, k text, t text) RETURNS bigint
LANGUAGE sql AS $$
	INSERT INTO import_batch (anvandare_id, nyckel, typ, insats_id,
	    antal_ok, antal_fel, antal_finns)
	VALUES (pg_temp.uid(u), k, t, pg_temp.ins('B insats'), 1, 1, 0)
	RETURNING id
$$;
-- Row n of batch b with status s, kod c and message m.
CREATE FUNCTION pg_temp.rad(b bigint, n integer, s integer, c integer,
    m text) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO import_batch_rad (batch_id, ordning, radnr, status,
	    objekt_id, falt, kod, meddelande)
	VALUES (b, n, n + 2, s, CASE WHEN s = 1 THEN NULL ELSE 7 END,
	    CASE WHEN s = 1 THEN 15 ELSE 0 END, c, m)
$$;
-- TRUNCATE of import_batch alone: its rows' table must cascade, and
-- that table's own trigger would refuse, so it is off for this one
-- statement (throws_ok's subtransaction undoes the ALTER).
CREATE FUNCTION pg_temp.truncate_batch() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	ALTER TABLE import_batch_rad DISABLE TRIGGER
	    import_batch_rad_no_truncate;
	SET LOCAL client_min_messages = warning;
	TRUNCATE import_batch CASCADE;
END
$$;

-- Test data: one förbund, one insats, two users.
INSERT INTO organisation (namn, organisationstyp) VALUES
	('B kommun', 'Kommun');
INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
SELECT 'B förbund', f.id, DATE '2020-01-01' FROM samverkansform f
WHERE f.kod = 'FINSAM';
INSERT INTO insats (samverkansorg_id, namn, startdatum)
SELECT id, 'B insats', DATE '2020-01-01' FROM samverkansorg
WHERE namn = 'B förbund';
INSERT INTO anvandare (username, password_hash, fornamn, efternamn,
    arbetsgivare_id)
SELECT u, '$argon2id$v=19$x', 'Test', 'Testsson',
    (SELECT id FROM organisation WHERE namn = 'B kommun')
FROM unnest(ARRAY['b_ett', 'b_tva']) AS u;

-- The tables and their columns.
SELECT has_table(t) FROM unnest(ARRAY['import_batch',
    'import_batch_rad']) t;
SELECT columns_are('import_batch', ARRAY['id', 'anvandare_id', 'nyckel',
    'typ', 'insats_id', 'utford', 'antal_ok', 'antal_fel', 'antal_finns'],
    'import_batch has the batch, its key, type, insats, time and counts');
SELECT columns_are('import_batch_rad', ARRAY['batch_id', 'ordning', 'radnr',
    'status', 'objekt_id', 'falt', 'fraga_id', 'kod', 'meddelande'],
    'import_batch_rad has each row''s outcome and nothing personal');
SELECT col_is_pk('import_batch_rad', ARRAY['batch_id', 'ordning'],
    'a batch''s rows are keyed by their order');
SELECT fk_ok('import_batch_rad', 'batch_id', 'import_batch', 'id');
SELECT fk_ok('import_batch', 'anvandare_id', 'anvandare', 'id');
SELECT fk_ok('import_batch', 'insats_id', 'insats', 'id');

-- The key: 64 lowercase hex digits, nothing else.
SELECT lives_ok($$SELECT pg_temp.batch('b_ett', pg_temp.key('a'),
    'anonym')$$, 'a key of 64 lowercase hex digits is accepted');
SELECT lives_ok($$SELECT pg_temp.batch('b_ett',
    repeat('0123456789abcdef', 4), 'volym')$$, 'every hex digit is');
SELECT throws_ok($$SELECT pg_temp.batch('b_ett', pg_temp.key('A'),
    'anonym')$$, '23514', NULL, 'an uppercase key is refused');
SELECT throws_ok($$SELECT pg_temp.batch('b_ett', repeat('b', 63),
    'anonym')$$, '23514', NULL, 'a key of 63 digits is refused');
SELECT throws_ok($$SELECT pg_temp.batch('b_ett', repeat('b', 65),
    'anonym')$$, '23514', NULL, 'a key of 65 digits is refused');
SELECT throws_ok($$SELECT pg_temp.batch('b_ett', repeat('b', 63) || 'g',
    'anonym')$$, '23514', NULL, 'a key with a letter past f is refused');
SELECT throws_ok($$SELECT pg_temp.batch('b_ett', '', 'anonym')$$,
    '23514', NULL, 'an empty key is refused');
SELECT throws_ok($$SELECT pg_temp.batch('b_ett', NULL, 'anonym')$$,
    '23502', NULL, 'a batch has a key');

-- One key per user: the same key again is the same batch.
SELECT throws_ok($$SELECT pg_temp.batch('b_ett', pg_temp.key('a'),
    'volym')$$, '23505', NULL, 'a user''s key is stored once');
SELECT lives_ok($$SELECT pg_temp.batch('b_tva', pg_temp.key('a'),
    'anonym')$$, 'another user''s same key is his own batch');
SELECT is((SELECT count(*)::int FROM import_batch
    WHERE nyckel = pg_temp.key('a')), 2, 'two batches under that key');

-- The type and the counts.
SELECT lives_ok($$SELECT pg_temp.batch('b_ett', pg_temp.key('c'),
    'deltagare')$$, 'a batch of participants is accepted');
SELECT throws_ok($$SELECT pg_temp.batch('b_ett', pg_temp.key('d'),
    'person')$$, '23514', NULL, 'a type besides the three is refused');
SELECT throws_ok($$INSERT INTO import_batch (anvandare_id, nyckel, typ,
    insats_id, antal_ok, antal_fel, antal_finns) VALUES
    (pg_temp.uid('b_ett'), pg_temp.key('e'), 'anonym',
    pg_temp.ins('B insats'), -1, 0, 0)$$,
    '23514', NULL, 'a negative count is refused');
SELECT throws_ok($$INSERT INTO import_batch (anvandare_id, nyckel, typ,
    insats_id, antal_ok, antal_fel, antal_finns) VALUES
    (pg_temp.uid('b_ett'), pg_temp.key('9'), 'anonym', 999999999, 0, 0,
    0)$$, '23503', NULL, 'a batch of an insats that does not exist');
SELECT throws_ok($$INSERT INTO import_batch (id, anvandare_id, nyckel, typ,
    insats_id, antal_ok, antal_fel, antal_finns) VALUES
    (1, pg_temp.uid('b_ett'), pg_temp.key('e'), 'anonym',
    pg_temp.ins('B insats'), 0, 0, 0)$$,
    '428C9', NULL, 'nobody picks a batch''s id');
SELECT is((SELECT utford FROM import_batch WHERE nyckel = pg_temp.key('c')),
    now(), 'a batch is stamped with its transaction''s time');

-- Each row's outcome: status one of three, kod set exactly when refused.
CREATE TEMP TABLE b AS SELECT id FROM import_batch
    WHERE nyckel = pg_temp.key('c');
GRANT SELECT ON b TO sus_app;
SELECT lives_ok($$SELECT pg_temp.rad((SELECT id FROM b), 0, 0, 0, '')$$,
    'a stored row');
SELECT lives_ok($$SELECT pg_temp.rad((SELECT id FROM b), 1, 1, 5,
    'År 2019 är före insatsens start.')$$, 'a refused row with its kod');
SELECT lives_ok($$SELECT pg_temp.rad((SELECT id FROM b), 2, 2, 0, '')$$,
    'a row already stored');
SELECT throws_ok($$SELECT pg_temp.rad((SELECT id FROM b), 3, 3, 0, '')$$,
    '23514', NULL, 'a status besides the three is refused');
SELECT throws_ok($$SELECT pg_temp.rad((SELECT id FROM b), 3, 1, 0, 'x')$$,
    '23514', NULL, 'a refused row without a kod is refused');
SELECT throws_ok($$SELECT pg_temp.rad((SELECT id FROM b), 3, 0, 5, '')$$,
    '23514', NULL, 'a stored row with a kod is refused');
SELECT throws_ok($$SELECT pg_temp.rad((SELECT id FROM b), 3, 2, 5, '')$$,
    '23514', NULL, 'a row already stored with a kod is refused');
SELECT throws_ok($$SELECT pg_temp.rad((SELECT id FROM b), 0, 0, 0, '')$$,
    '23505', NULL, 'a batch has one row per place');
SELECT throws_ok($$SELECT pg_temp.rad((SELECT id FROM b), -1, 0, 0, '')$$,
    '23514', NULL, 'no negative place');
SELECT throws_ok($$INSERT INTO import_batch_rad (batch_id, ordning, radnr,
    status) VALUES ((SELECT id FROM b), 3, -1, 0)$$,
    '23514', NULL, 'no negative row number');
SELECT lives_ok($$SELECT pg_temp.rad((SELECT id FROM b), 3, 1, 5,
    repeat('å', 1024))$$, 'a message of 1024 characters is accepted');
SELECT throws_ok($$SELECT pg_temp.rad((SELECT id FROM b), 4, 1, 5,
    repeat('å', 1025))$$, '23514', NULL, 'one of 1025 is refused');
SELECT throws_ok($$SELECT pg_temp.rad(999999999, 0, 0, 0, '')$$,
    '23503', NULL, 'a row belongs to a batch');

-- Append-only, for the owner too.
SELECT throws_ok($$UPDATE import_batch SET antal_ok = 0$$,
    '42501', 'audit is append-only: UPDATE refused',
    'the owner cannot update import_batch');
SELECT throws_ok($$DELETE FROM import_batch WHERE id = (SELECT id FROM b)$$,
    '42501', 'audit is append-only: DELETE refused',
    'the owner cannot delete from import_batch');
SELECT throws_ok($$SELECT pg_temp.truncate_batch()$$,
    '42501', 'audit is append-only: TRUNCATE refused',
    'the owner cannot truncate import_batch');
SELECT throws_ok($$UPDATE import_batch_rad SET meddelande = ''$$,
    '42501', 'audit is append-only: UPDATE refused',
    'the owner cannot update import_batch_rad');
SELECT throws_ok($$DELETE FROM import_batch_rad$$,
    '42501', 'audit is append-only: DELETE refused',
    'the owner cannot delete from import_batch_rad');
SELECT throws_ok($$TRUNCATE import_batch_rad$$,
    '42501', 'audit is append-only: TRUNCATE refused',
    'the owner cannot truncate import_batch_rad');

-- The application role reads and adds; PUBLIC has nothing.
SELECT table_privs_are(t, 'sus_app', ARRAY['SELECT', 'INSERT'],
    'sus_app only reads and adds to ' || t)
FROM unnest(ARRAY['import_batch', 'import_batch_rad']) t;
SELECT ok(NOT has_table_privilege('public', t, 'SELECT, INSERT, UPDATE,'
    ' DELETE, TRUNCATE, REFERENCES, TRIGGER'), 'PUBLIC has no right on ' || t)
FROM unnest(ARRAY['import_batch', 'import_batch_rad']) t;

SET LOCAL ROLE sus_app;
SELECT lives_ok($$INSERT INTO import_batch (anvandare_id, nyckel, typ,
    insats_id, antal_ok, antal_fel, antal_finns) VALUES
    (pg_temp.uid('b_tva'), pg_temp.key('f'), 'volym',
    pg_temp.ins('B insats'), 0, 0, 0)$$,
    'sus_app stores a batch');
SELECT lives_ok($$INSERT INTO import_batch_rad (batch_id, ordning, radnr,
    status, kod, meddelande) SELECT id, 0, 2, 1, 5, 'Nej.'
    FROM import_batch WHERE nyckel = pg_temp.key('f')$$,
    'and its rows');
SELECT is((SELECT count(*)::int FROM import_batch_rad r
    JOIN import_batch i ON i.id = r.batch_id
    WHERE i.nyckel IN (pg_temp.key('c'), pg_temp.key('f'))), 5,
    'and reads them back');
SELECT throws_ok($$UPDATE import_batch SET antal_ok = 0$$,
    '42501', NULL, 'sus_app cannot update import_batch');
SELECT throws_ok($$DELETE FROM import_batch_rad$$,
    '42501', NULL, 'sus_app cannot delete from import_batch_rad');
SELECT throws_ok($$TRUNCATE import_batch_rad$$,
    '42501', NULL, 'sus_app cannot truncate import_batch_rad');
RESET ROLE;

-- The indexes the per-row checks of a registration need (make bench
-- found the audit check scanning the whole trail without the first).
SELECT has_index('audit_person', 'audit_person_person_idx',
    ARRAY['person_id', 'txid'], 'the audit check of a person write is indexed');
SELECT has_index('deltagande', 'deltagande_person_insats_idx',
    ARRAY['person_id', 'insats_id'], 'the overlap check is indexed');

SELECT * FROM finish();
ROLLBACK;
