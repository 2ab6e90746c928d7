-- Constraints on samverkansorg and the area it serves.
BEGIN;
SELECT plan(31);

-- Names: at most 50 characters, counted in characters, not bytes.
SELECT lives_ok($$INSERT INTO samverkansorg (namn, samverkansform_id,
    startdatum) VALUES (repeat('x', 50), 1, '2010-01-01')$$,
    'a 50-character name is accepted');
SELECT throws_ok($$INSERT INTO samverkansorg (namn, samverkansform_id,
    startdatum) VALUES (repeat('y', 51), 1, '2010-01-01')$$,
    '22001', NULL, 'a 51-character name is refused');
SELECT lives_ok($$INSERT INTO samverkansorg (namn, samverkansform_id,
    startdatum) VALUES (repeat('Ö', 50), 1, '2010-01-01')$$,
    '50 two-byte characters are accepted');
SELECT throws_ok($$INSERT INTO samverkansorg (namn, samverkansform_id,
    startdatum) VALUES ('', 1, '2010-01-01')$$,
    '23514', NULL, 'an empty name is refused');
SELECT throws_ok($$INSERT INTO samverkansorg (namn, samverkansform_id,
    startdatum) VALUES (NULL, 1, '2010-01-01')$$,
    '23502', NULL, 'a missing name is refused');
SELECT throws_ok($$INSERT INTO samverkansorg (namn, samverkansform_id,
    startdatum) VALUES (repeat('x', 50), 2, '2011-01-01')$$,
    '23505', NULL, 'a duplicate name is refused');

-- Dates.
SELECT throws_ok($$INSERT INTO samverkansorg (namn, samverkansform_id,
    startdatum, slutdatum) VALUES ('Samordningsförbundet Bakåt', 1,
    '2010-01-02', '2010-01-01')$$,
    '23514', NULL, 'slutdatum before startdatum is refused');
SELECT lives_ok($$INSERT INTO samverkansorg (namn, samverkansform_id,
    startdatum, slutdatum) VALUES ('Samordningsförbundet Endag', 1,
    '2010-01-01', '2010-01-01')$$,
    'slutdatum equal to startdatum is accepted');
SELECT throws_ok($$INSERT INTO samverkansorg (namn, samverkansform_id)
    VALUES ('Samordningsförbundet Utan start', 1)$$,
    '23502', NULL, 'a missing startdatum is refused');

-- Organisationsnummer NNNNNN-NNNN.
SELECT lives_ok($$INSERT INTO samverkansorg (namn, organisationsnummer,
    samverkansform_id, startdatum) VALUES ('Samordningsförbundet Orgnr',
    '222222-0001', 1, '2010-01-01')$$,
    'a well-formed organisationsnummer is accepted');
SELECT throws_ok($$INSERT INTO samverkansorg (namn, organisationsnummer,
    samverkansform_id, startdatum) VALUES ('Samordningsförbundet A',
    '2222220001', 1, '2010-01-01')$$,
    '23514', NULL, 'an organisationsnummer without hyphen is refused');
SELECT throws_ok($$INSERT INTO samverkansorg (namn, organisationsnummer,
    samverkansform_id, startdatum) VALUES ('Samordningsförbundet B',
    '22222-00011', 1, '2010-01-01')$$,
    '23514', NULL, 'a misplaced hyphen is refused');
SELECT throws_ok($$INSERT INTO samverkansorg (namn, organisationsnummer,
    samverkansform_id, startdatum) VALUES ('Samordningsförbundet C',
    '222222-000A', 1, '2010-01-01')$$,
    '23514', NULL, 'a letter in the organisationsnummer is refused');
SELECT throws_ok($$INSERT INTO samverkansorg (namn, organisationsnummer,
    samverkansform_id, startdatum) VALUES ('Samordningsförbundet D',
    '222222-0001 ', 1, '2010-01-01')$$,
    '23514', NULL, 'trailing space in the organisationsnummer is refused');

-- Beskrivning at most 2000 characters.
SELECT lives_ok($$UPDATE samverkansorg SET beskrivning = repeat('å', 2000)
    WHERE namn = 'Samordningsförbundet Orgnr'$$,
    'a 2000-character beskrivning is accepted');
SELECT throws_ok($$UPDATE samverkansorg SET beskrivning = repeat('å', 2001)
    WHERE namn = 'Samordningsförbundet Orgnr'$$,
    '23514', NULL, 'a 2001-character beskrivning is refused');

-- Samverkansform must exist.
SELECT throws_ok($$INSERT INTO samverkansorg (namn, samverkansform_id,
    startdatum) VALUES ('Samordningsförbundet E', 99, '2010-01-01')$$,
    '23503', NULL, 'an unknown samverkansform is refused');

-- updated_at follows every update.
UPDATE samverkansorg SET updated_at = '2020-01-01', created_at = '2020-01-01'
WHERE namn = 'Samordningsförbundet Endag';
UPDATE samverkansorg SET beskrivning = 'ny' WHERE namn =
    'Samordningsförbundet Endag';
SELECT is((SELECT updated_at FROM samverkansorg
    WHERE namn = 'Samordningsförbundet Endag'), now(),
    'an update sets updated_at');

-- Swedish sorting without an explicit COLLATE clause.
DELETE FROM samverkansorg;
INSERT INTO samverkansorg (namn, samverkansform_id, startdatum) VALUES
	('Samordningsförbundet Östra Skaraborg', 1, '2005-01-01'),
	('Samordningsförbundet Ängelholm', 1, '2005-01-01'),
	('Samordningsförbundet Zeta', 1, '2005-01-01'),
	('Samordningsförbundet Åre', 1, '2005-01-01'),
	('Samordningsförbundet Adelsö', 1, '2005-01-01'),
	('Samordningsförbundet Västra', 1, '2005-01-01');
SELECT results_eq($$SELECT namn::text COLLATE "default" FROM samverkansorg
    ORDER BY samverkansorg.namn$$,
    ARRAY['Samordningsförbundet Adelsö', 'Samordningsförbundet Västra',
    'Samordningsförbundet Zeta', 'Samordningsförbundet Åre',
    'Samordningsförbundet Ängelholm',
    'Samordningsförbundet Östra Skaraborg'],
    'ORDER BY namn sorts Å, Ä, Ö after Z and Å before Ä before Ö');
SELECT is((SELECT max(namn)::text COLLATE "default" FROM samverkansorg),
    'Samordningsförbundet Östra Skaraborg', 'max(namn) is the Ö name');

-- The area served.
SELECT lives_ok($$INSERT INTO samverkansorg_kommun (samverkansorg_id,
    kommunkod) SELECT id, '1480' FROM samverkansorg
    WHERE namn = 'Samordningsförbundet Zeta'$$,
    'a whole kommun can be linked');
SELECT throws_ok($$INSERT INTO samverkansorg_kommun (samverkansorg_id,
    kommunkod) SELECT id, '1480' FROM samverkansorg
    WHERE namn = 'Samordningsförbundet Zeta'$$,
    '23505', NULL, 'the same whole kommun cannot be linked twice');
SELECT lives_ok($$INSERT INTO samverkansorg_kommun (samverkansorg_id,
    kommunkod, stadsdel_id) SELECT o.id, '1480', s.id FROM samverkansorg o,
    stadsdel s WHERE o.namn = 'Samordningsförbundet Zeta'
    AND s.kommunkod = '1480' AND s.namn = 'Nordost'$$,
    'a stadsdel of the kommun can be linked');
SELECT throws_ok($$INSERT INTO samverkansorg_kommun (samverkansorg_id,
    kommunkod, stadsdel_id) SELECT o.id, '1480', s.id FROM samverkansorg o,
    stadsdel s WHERE o.namn = 'Samordningsförbundet Zeta'
    AND s.kommunkod = '1480' AND s.namn = 'Nordost'$$,
    '23505', NULL, 'the same stadsdel cannot be linked twice');
SELECT throws_ok($$INSERT INTO samverkansorg_kommun (samverkansorg_id,
    kommunkod, stadsdel_id) SELECT o.id, '1480', s.id FROM samverkansorg o,
    stadsdel s WHERE o.namn = 'Samordningsförbundet Zeta'
    AND s.kommunkod = '0180' AND s.namn = 'Bromma' LIMIT 1$$,
    '23503', NULL, 'a stadsdel of another kommun is refused');
SELECT throws_ok($$INSERT INTO samverkansorg_kommun (samverkansorg_id,
    kommunkod) SELECT id, '9999' FROM samverkansorg
    WHERE namn = 'Samordningsförbundet Zeta'$$,
    '23503', NULL, 'an unknown kommun is refused');
DELETE FROM samverkansorg WHERE namn = 'Samordningsförbundet Zeta';
SELECT is((SELECT count(*) FROM samverkansorg_kommun)::int, 0,
    'removing the organisation removes its area');

-- The application role may write business tables.
SET LOCAL ROLE sus_app;
SELECT lives_ok($$INSERT INTO samverkansorg (namn, samverkansform_id,
    startdatum) VALUES ('Samordningsförbundet Appen', 1, '2012-01-01')$$,
    'sus_app can create a samverkansorg');
SELECT lives_ok($$INSERT INTO samverkansorg_organisation (samverkansorg_id,
    organisation_id, medlem, finansiar) SELECT s.id, o.id, true, true
    FROM samverkansorg s, organisation o WHERE s.namn =
    'Samordningsförbundet Appen' AND o.namn = 'Försäkringskassan'$$,
    'sus_app can add an ingående organisation');
SELECT lives_ok($$UPDATE samverkansorg SET slutdatum = '2020-12-31'
    WHERE namn = 'Samordningsförbundet Appen'$$,
    'sus_app can update a samverkansorg');
SELECT throws_ok($$UPDATE samverkansorg SET slutdatum = '2011-12-31'
    WHERE namn = 'Samordningsförbundet Appen'$$,
    '23514', NULL, 'the CHECK also binds sus_app');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
