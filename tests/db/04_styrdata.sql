-- Reference data loaded by the migrations, and that it is read-only for
-- the application except the organisations register, which the
-- superadministratör maintains through susd (schema 0006).
BEGIN;
SELECT plan(28);

SELECT is((SELECT count(*) FROM kommun)::int, 290, '290 kommuner');
SELECT is((SELECT count(*) FROM lan)::int, 21, '21 län');
SELECT is((SELECT count(*) FROM stadsdel)::int, 52, '52 stadsdel rows');
SELECT is((SELECT namn::text FROM kommun WHERE kommunkod = '0180'),
    'Stockholm', '0180 is Stockholm');
SELECT is((SELECT namn::text FROM kommun WHERE kommunkod = '1480'),
    'Göteborg', '1480 is Göteborg (UTF-8 intact)');
SELECT is((SELECT namn::text FROM kommun WHERE kommunkod = '2584'),
    'Kiruna', '2584 is Kiruna');
SELECT is((SELECT l.namn::text FROM kommun k JOIN lan l USING (lanskod)
    WHERE k.kommunkod = '1280'), 'Skåne län', 'Malmö lies in Skåne län');
SELECT is((SELECT count(*) FROM kommun WHERE lanskod = '14')::int, 49,
    'Västra Götaland has 49 kommuner');
SELECT is((SELECT count(*) FROM stadsdel WHERE kommunkod = '0180'
    AND giltig_tom IS NULL)::int, 11, 'Stockholm has 11 current stadsdelar');
SELECT is((SELECT count(*) FROM stadsdel WHERE kommunkod = '1480'
    AND giltig_tom IS NULL)::int, 4, 'Göteborg has 4 current stadsområden');
SELECT is((SELECT max(giltig_tom) FROM stadsdel WHERE kommunkod = '0180'
    AND namn = 'Rinkeby-Kista'), '2023-06-30'::date,
    'Rinkeby-Kista ended on 2023-06-30');
SELECT is((SELECT count(DISTINCT kommunkod) FROM stadsdel)::int, 2,
    'only Stockholm and Göteborg have stadsdelar');

-- Samverkansformer.
SELECT set_eq('SELECT namn::text COLLATE "default" FROM samverkansform',
    ARRAY['FINSAM', 'Tvåpartsfinsam', 'Handlingsplansamverkan',
    'Af/FK-samarbete'], 'the four samverkansformer');
SELECT is((SELECT stangd FROM samverkansform
    WHERE namn = 'Handlingsplansamverkan'), '2013-02-01'::date,
    'Handlingsplansamverkan closed 2013-02-01');
SELECT is((SELECT count(*) FROM samverkansform WHERE aktiv)::int, 3,
    'three samverkansformer are open');

-- Constraints on the reference tables.
SELECT throws_ok($$INSERT INTO kommun VALUES ('0199', 'Felkod', '03')$$,
    '23514', NULL, 'a kommunkod outside its län is refused');
SELECT throws_ok($$INSERT INTO kommun VALUES ('0299', 'Ingen', '02')$$,
    '23503', NULL, 'a kommun in an unknown län is refused');
SELECT throws_ok($$INSERT INTO organisation (namn, organisationstyp)
    VALUES ('Privat AB', 'Företag')$$, '23503', NULL,
    'an organisationstyp not in the code list is refused');
SELECT lives_ok($$INSERT INTO organisation (namn, organisationstyp)
    VALUES ('Region Testland', 'Landsting/Region')$$,
    'a Landsting/Region organisation is accepted');
SELECT throws_ok($$INSERT INTO stadsdel (kommunkod, namn, giltig_from,
    giltig_tom) VALUES ('0180', 'Baklänges', '2020-01-02', '2020-01-01')$$,
    '23514', NULL, 'a stadsdel ending before it starts is refused');

-- The application reads styrdata and writes only the organisations
-- register, which it may add to and change but never delete from.
SELECT set_eq($$
	SELECT t || ':' || p FROM unnest(ARRAY['samverkansform', 'lan',
	    'kommun', 'stadsdel', 'organisation']) AS t,
	    unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p
	WHERE has_table_privilege('sus_app', t, p)
$$, ARRAY['organisation:INSERT', 'organisation:UPDATE'],
    'sus_app writes no styrdata table but the organisations register');
SET LOCAL ROLE sus_app;
SELECT is((SELECT count(*) FROM kommun)::int, 290, 'sus_app reads kommun');
SELECT throws_ok($$INSERT INTO kommun VALUES ('0198', 'Ny', '01')$$,
    '42501', NULL, 'sus_app cannot insert a kommun');
SELECT throws_ok($$UPDATE lan SET namn = 'x' WHERE lanskod = '01'$$,
    '42501', NULL, 'sus_app cannot update a län');
SELECT throws_ok($$DELETE FROM samverkansform$$,
    '42501', NULL, 'sus_app cannot delete a samverkansform');
SELECT lives_ok($$INSERT INTO organisation (namn, organisationstyp)
    VALUES ('Region Appen', 'Landsting/Region')$$,
    'sus_app adds an organisation to the register');
SELECT throws_ok($$DELETE FROM organisation WHERE namn = 'Region Appen'$$,
    '42501', NULL, 'sus_app cannot delete an organisation');
SELECT throws_ok($$TRUNCATE stadsdel CASCADE$$,
    '42501', NULL, 'sus_app cannot truncate stadsdel');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
