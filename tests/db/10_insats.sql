-- Insats (schema 0007): every rule SU030-SU045 refusing and accepting at
-- its edge, the categorisation lock by each kind of registration, the
-- name rule, volume counts and their history, planned years and budget
-- lines, the audit of every change, and what the application role may do.
-- Everything here is made inside the transaction and rolled back.
BEGIN;
SELECT plan(141);

-- Helpers: ids by name; an insats by name in any case, the first made.
CREATE FUNCTION pg_temp.org(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM organisation WHERE namn = n $$;
CREATE FUNCTION pg_temp.sorg(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM samverkansorg WHERE namn = n $$;
CREATE FUNCTION pg_temp.uid(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM anvandare WHERE username = n $$;
CREATE FUNCTION pg_temp.kod(l text, k text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM kod WHERE lista = l AND kod = k $$;
CREATE FUNCTION pg_temp.ins(n text) RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT id FROM insats WHERE lower(namn) = lower(n) ORDER BY id LIMIT 1
$$;
-- A new insats of a samverkansorganisation.
CREATE FUNCTION pg_temp.new(s text, n text, fr text, tom text)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO insats (samverkansorg_id, namn, startdatum, slutdatum)
	VALUES (pg_temp.sorg(s), n, fr::date, tom::date)
$$;
-- Categorises an insats: inriktning, preciserad inriktning, mätningsmetod
-- by code (NULL for none).
CREATE FUNCTION pg_temp.kat(n text, inr text, prec text, metod text)
RETURNS void
LANGUAGE sql AS $$
	UPDATE insats SET inriktning_id = pg_temp.kod('inriktning', inr),
	    preciserad_id = pg_temp.kod('preciserad_inriktning', prec),
	    matningsmetod_id = pg_temp.kod('matningsmetod', metod)
	WHERE id = pg_temp.ins(n)
$$;
CREATE FUNCTION pg_temp.mal(n text, k text) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
	VALUES (pg_temp.ins(n), pg_temp.kod('malgrupp', k))
$$;
-- A volume count for the month starting on p.
CREATE FUNCTION pg_temp.vol(n text, p text, k integer, m integer,
    o integer) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO volym_antal (insats_id, period, kvinnor, man, okant)
	VALUES (pg_temp.ins(n), p::date, k, m, o)
$$;
-- An Insatskostnad line; organisation NULL for none.
CREATE FUNCTION pg_temp.bud(n text, ar integer, o text) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO insats_budgetpost (insats_id, ar, budgettyp_id,
	    organisation_id, budget)
	VALUES (pg_temp.ins(n), ar, pg_temp.kod('budgettyp', 'INSATS'),
	    pg_temp.org(o), 1000)
$$;
-- A participant from fr (schema 0008): a new person with the first
-- official test personnummer not yet used, consent, and the audit row
-- the commit check (SU063) wants in the same transaction.
CREATE FUNCTION pg_temp.person(n text, fr text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	pnr	text;
	pid	bigint;
	did	bigint;
BEGIN
	SELECT v INTO pnr FROM unnest(ARRAY['189009189805', '189009199812',
	    '189202209806', '189202239811', '189202299815', '189307269804'])
	    WITH ORDINALITY AS t(v, o)
	WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.personnummer = v)
	ORDER BY o LIMIT 1;
	INSERT INTO person (personnummer, namn, kommunkod)
	VALUES (pnr, 'Test Testsson', '1480') RETURNING id INTO pid;
	INSERT INTO deltagande (insats_id, startdatum, person_id, kon_id,
	    fodelsear, samtycke, samtycke_datum)
	VALUES (pg_temp.ins(n), fr::date, pid, pg_temp.kod('kon', CASE WHEN
	    substr(pnr, 11, 1)::int % 2 = 1 THEN 'M' ELSE 'K' END),
	    substr(pnr, 1, 4)::smallint, true, fr::date)
	RETURNING id INTO did;
	INSERT INTO audit_person (action, purpose, pnr_hash, person_id,
	    deltagande_id, insats_id)
	VALUES ('skriv', 'Test', pnr_hash(pnr), pid, did, pg_temp.ins(n));
END
$$;
CREATE FUNCTION pg_temp.anonym(n text, ar integer) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO anonym_deltagande (insats_id, ar, kon_id, antal)
	VALUES (pg_temp.ins(n), ar, pg_temp.kod('kon', 'K'), 2)
$$;

-- Test data: a FINSAM förbund that ends, an open tvåpartsfinsam and
-- another förbund.
INSERT INTO organisation (namn, organisationstyp) VALUES
	('I kommun', 'Kommun'),
	('I region', 'Landsting/Region'),
	('I utanför', 'Kommun');
INSERT INTO samverkansorg (namn, samverkansform_id, startdatum, slutdatum)
SELECT v.namn, f.id, v.fr::date, v.tom::date
FROM (VALUES
	('I förbund', 'FINSAM', '2015-03-01', '2025-06-30'),
	('I tvåpart', 'TVAPARTSFINSAM', '2015-01-01', NULL),
	('I annat', 'FINSAM', '2016-01-01', NULL)
) AS v(namn, form, fr, tom)
JOIN samverkansform f ON f.kod = v.form;
INSERT INTO samverkansorg_organisation (samverkansorg_id, organisation_id,
    medlem, finansiar) VALUES
	(pg_temp.sorg('I förbund'), pg_temp.org('I kommun'), true, true),
	(pg_temp.sorg('I tvåpart'), pg_temp.org('I region'), true, true);
INSERT INTO anvandare (username, password_hash, fornamn, efternamn,
    arbetsgivare_id)
SELECT u, '$argon2id$v=19$x', 'Test', 'Testsson', pg_temp.org('I kommun')
FROM unnest(ARRAY['i_ansv', 'i_delt', 'i_aud']) AS u;
INSERT INTO anvandare_roll (anvandare_id, roll) VALUES
	(pg_temp.uid('i_ansv'), 'insatsansvarig'),
	(pg_temp.uid('i_delt'), 'deltagaransvarig'),
	(pg_temp.uid('i_aud'), 'insatsansvarig');
SELECT pg_temp.new('I förbund', 'I person', '2016-01-01', '2019-12-31');
SELECT pg_temp.new('I förbund', 'I anonym', '2016-01-01', '2019-12-31');
SELECT pg_temp.new('I förbund', 'I volym', '2016-02-15', '2024-11-15');
SELECT pg_temp.new('I förbund', 'I datum', '2016-01-01', '2020-12-31');
SELECT pg_temp.new('I förbund', 'I byte', '2016-01-01', '2020-12-31');
SELECT pg_temp.new('I tvåpart', 'I tvåinsats', '2015-01-01', NULL);

-- Rule 30: within the organisation's dates (SU030, SU031).
SELECT throws_ok($$SELECT pg_temp.new('I förbund', 'I tidig', '2015-02-28',
    '2016-12-31')$$,
    'SU030', NULL, 'an insats starting before its organisation is refused');
SELECT lives_ok($$SELECT pg_temp.new('I förbund', 'I kant', '2015-03-01',
    '2025-06-30')$$,
    'an insats over the organisation''s first and last day is accepted');
SELECT throws_ok($$SELECT pg_temp.new('I förbund', 'I öppen', '2016-01-01',
    NULL)$$,
    'SU031', NULL, 'an open-ended insats in an organisation that ends');
SELECT throws_ok($$SELECT pg_temp.new('I förbund', 'I sen', '2016-01-01',
    '2025-07-01')$$,
    'SU031', NULL, 'an insats ending after its organisation is refused');
SELECT throws_ok($$UPDATE insats SET startdatum = '2015-02-28'
    WHERE id = pg_temp.ins('I kant')$$,
    'SU030', NULL, 'an insats cannot be moved before its organisation');
SELECT throws_ok($$UPDATE insats SET slutdatum = NULL
    WHERE id = pg_temp.ins('I kant')$$,
    'SU031', NULL, 'nor left open in an organisation that ends');
SELECT lives_ok($$SELECT pg_temp.new('I tvåpart', 'I två öppen',
    '2015-01-01', NULL)$$,
    'an open-ended insats of an open-ended organisation is accepted');
SELECT throws_ok($$SELECT pg_temp.new('I tvåpart', 'I baklänges',
    '2017-01-01', '2016-12-31')$$,
    '23514', NULL, 'a slutdatum before the startdatum is refused');

-- An insats stays in its organisation (SU034).
SELECT throws_ok($$UPDATE insats SET samverkansorg_id = pg_temp.sorg('I annat')
    WHERE id = pg_temp.ins('I person')$$,
    'SU034', NULL, 'an insats cannot move to another samverkansorganisation');

-- Rule 24: one name per organisation, in any case.
SELECT throws_ok($$SELECT pg_temp.new('I förbund', 'i PERSON', '2016-01-01',
    '2016-12-31')$$,
    '23505', NULL, 'the same name in other case in the same organisation');
SELECT throws_ok($$UPDATE insats SET namn = 'I PERSON'
    WHERE id = pg_temp.ins('I anonym')$$,
    '23505', NULL, 'nor may another insats be renamed to it');
SELECT throws_ok($$SELECT pg_temp.new('I förbund', 'I person ', '2016-01-01',
    '2016-12-31')$$,
    '23514', NULL, 'a name with a space around it is refused');
SELECT lives_ok($$SELECT pg_temp.new('I annat', 'I Person', '2016-01-01',
    NULL)$$, 'the same name in another organisation is accepted');
SELECT lives_ok($$UPDATE insats SET namn = 'I PERSON'
    WHERE id = pg_temp.ins('I person')$$,
    'an insats may change the case of its own name');
UPDATE insats SET namn = 'I person' WHERE id = pg_temp.ins('I person');

-- Rule 27: the preciserad inriktning under the inriktning (SU032).
SELECT throws_ok($$SELECT pg_temp.kat('I person', 'INDIVID', 'NATVERK',
    'PERSON')$$,
    'SU032', NULL, 'a preciserad inriktning of the other inriktning');
SELECT throws_ok($$SELECT pg_temp.kat('I person', NULL, 'REHAB', 'PERSON')$$,
    'SU032', NULL, 'a preciserad inriktning without inriktning');
SELECT throws_ok($$UPDATE insats
    SET inriktning_id = pg_temp.kod('inriktning', 'INDIVID'),
    preciserad_id = pg_temp.kod('malgrupp', 'UNGA')
    WHERE id = pg_temp.ins('I person')$$,
    'SU032', NULL, 'a code of another list is no preciserad inriktning');
SELECT lives_ok($$SELECT pg_temp.kat('I person', 'STRUKTUR', 'KOMPETENS',
    'ANTAL')$$, 'a matching categorisation is accepted');
SELECT lives_ok($$SELECT pg_temp.kat('I person', 'INDIVID', 'REHAB',
    'PERSON')$$, 'and changed freely before anything is registered');

-- Rule 26: participants only on a categorised insats (SU042), persons
-- never on a volyminsats (SU043, rule 29).
SELECT throws_ok($$SELECT pg_temp.person('I kant', '2016-01-01')$$,
    'SU042', NULL, 'a participant on an insats not categorised is refused');
SELECT throws_ok($$SELECT pg_temp.anonym('I kant', 2016)$$,
    'SU042', NULL, 'an anonymous participant too');
SELECT pg_temp.kat('I kant', 'INDIVID', 'REHAB', 'PERSON');
SELECT throws_ok($$SELECT pg_temp.person('I kant', '2016-01-01')$$,
    'SU042', NULL, 'categorised without a målgrupp is not enough');
SELECT pg_temp.mal('I person', 'UNGA');
SELECT lives_ok($$SELECT pg_temp.person('I person', '2017-01-01')$$,
    'a participant on a categorised insats is accepted');
SELECT pg_temp.kat('I volym', 'STRUKTUR', 'NATVERK', 'ANTAL');
SELECT pg_temp.mal('I volym', 'PERSONAL');
SELECT throws_ok($$SELECT pg_temp.person('I volym', '2017-01-01')$$,
    'SU043', NULL, 'a participant on a volyminsats is refused');
SELECT throws_ok($$SELECT pg_temp.anonym('I volym', 2017)$$,
    'SU043', NULL, 'an anonymous participant on a volyminsats too');
SELECT throws_ok($$UPDATE deltagande SET insats_id = pg_temp.ins('I volym')
    WHERE insats_id = pg_temp.ins('I person')$$,
    'SU043', NULL, 'nor may a participant be moved to one');

-- Rule 26: the categorisation is locked by a participant (SU033).
SELECT ok(insats_har_deltagare(pg_temp.ins('I person')) AND
    NOT insats_har_deltagare(pg_temp.ins('I kant')),
    'insats_har_deltagare sees the participant');
SELECT throws_ok($$UPDATE insats
    SET inriktning_id = pg_temp.kod('inriktning', 'STRUKTUR'),
    preciserad_id = pg_temp.kod('preciserad_inriktning', 'KOMPETENS')
    WHERE id = pg_temp.ins('I person')$$,
    'SU033', NULL, 'the inriktning is locked after the first participant');
SELECT throws_ok($$UPDATE insats
    SET preciserad_id = pg_temp.kod('preciserad_inriktning', 'HALSA')
    WHERE id = pg_temp.ins('I person')$$,
    'SU033', NULL, 'the preciserad inriktning too');
SELECT throws_ok($$UPDATE insats
    SET matningsmetod_id = pg_temp.kod('matningsmetod', 'ANTAL')
    WHERE id = pg_temp.ins('I person')$$,
    'SU033', NULL, 'the mätningsmetod too');
SELECT throws_ok($$SELECT pg_temp.mal('I person', 'PSYKISK')$$,
    'SU033', NULL, 'no målgrupp may be added');
SELECT throws_ok($$DELETE FROM insats_malgrupp
    WHERE insats_id = pg_temp.ins('I person')$$,
    'SU033', NULL, 'nor removed');
SELECT throws_ok($$UPDATE insats_malgrupp
    SET malgrupp_id = pg_temp.kod('malgrupp', 'PSYKISK')
    WHERE insats_id = pg_temp.ins('I person')$$,
    'SU033', NULL, 'nor exchanged');
SELECT lives_ok($$UPDATE insats SET beskrivning = 'Pågår',
    namn = 'I person', slutdatum = '2019-06-30'
    WHERE id = pg_temp.ins('I person')$$,
    'name, description and dates stay editable');

-- An anonymous participant locks it too.
SELECT pg_temp.kat('I anonym', 'INDIVID', 'SAMORDNING', 'PERSON');
SELECT pg_temp.mal('I anonym', 'UNGA');
SELECT lives_ok($$SELECT pg_temp.anonym('I anonym', 2017)$$,
    'an anonymous participant on a categorised insats is accepted');
SELECT throws_ok($$UPDATE insats
    SET preciserad_id = pg_temp.kod('preciserad_inriktning', 'HALSA')
    WHERE id = pg_temp.ins('I anonym')$$,
    'SU033', NULL, 'an anonymous participant locks the categorisation');
SELECT throws_ok($$SELECT pg_temp.mal('I anonym', 'PSYKISK')$$,
    'SU033', NULL, 'and the målgrupper');

-- Volume counts lock only when above zero.
SELECT lives_ok($$SELECT pg_temp.vol('I volym', '2016-02-01', 0, 0, 0)$$,
    'a zero count for the month the insats starts in is accepted');
SELECT lives_ok($$UPDATE insats
    SET preciserad_id = pg_temp.kod('preciserad_inriktning', 'KOMPETENS')
    WHERE id = pg_temp.ins('I volym')$$,
    'zero counts do not lock the categorisation');
SELECT lives_ok($$SELECT pg_temp.mal('I volym', 'PSYKISK')$$,
    'nor the målgrupper');
SELECT lives_ok($$SELECT pg_temp.vol('I volym', '2016-03-01', 0, 0, 1)$$,
    'a count of one of okänt kön is accepted');
SELECT throws_ok($$UPDATE insats
    SET preciserad_id = pg_temp.kod('preciserad_inriktning', 'NATVERK')
    WHERE id = pg_temp.ins('I volym')$$,
    'SU033', NULL, 'a count above zero locks the categorisation');
SELECT throws_ok($$DELETE FROM insats_malgrupp
    WHERE insats_id = pg_temp.ins('I volym')
    AND malgrupp_id = pg_temp.kod('malgrupp', 'PSYKISK')$$,
    'SU033', NULL, 'and the målgrupper');

SELECT pg_temp.new('I förbund', 'I halv', '2016-01-01', '2016-12-31');
SELECT pg_temp.kat('I halv', 'STRUKTUR', NULL, 'ANTAL');
SELECT pg_temp.vol('I halv', '2016-05-01', 3, 0, 0);
SELECT throws_ok($$UPDATE insats
    SET inriktning_id = pg_temp.kod('inriktning', 'INDIVID')
    WHERE id = pg_temp.ins('I halv')$$,
    'SU033', NULL, 'the inriktning alone is locked too');

-- Counts only on a volyminsats (SU037), within it (SU038, rule 4).
SELECT throws_ok($$SELECT pg_temp.vol('I person', '2017-01-01', 1, 1, 0)$$,
    'SU037', NULL, 'counts on an insats that registers persons');
SELECT throws_ok($$SELECT pg_temp.vol('I byte', '2017-01-01', 1, 1, 0)$$,
    'SU037', NULL, 'counts on an insats not categorised');
SELECT throws_ok($$SELECT pg_temp.vol('I volym', '2016-01-01', 1, 0, 0)$$,
    'SU038', NULL, 'a month before the insats, in its first year');
SELECT throws_ok($$SELECT pg_temp.vol('I volym', '2015-12-01', 1, 0, 0)$$,
    'SU038', NULL, 'a month in the year before');
SELECT throws_ok($$SELECT pg_temp.vol('I volym', '2024-12-01', 1, 0, 0)$$,
    'SU038', NULL, 'a month after the insats, in its last year');
SELECT throws_ok($$SELECT pg_temp.vol('I volym', '2025-01-01', 1, 0, 0)$$,
    'SU038', NULL, 'a month in the year after');
SELECT lives_ok($$SELECT pg_temp.vol('I volym', '2024-11-01', 2, 3, 0)$$,
    'the insats''s last month is accepted');
SELECT throws_ok($$SELECT pg_temp.vol('I volym', '2017-03-15', 1, 0, 0)$$,
    '23514', NULL, 'a period is the first day of a month');
SELECT throws_ok($$SELECT pg_temp.vol('I volym', '2017-03-01', -1, 0, 0)$$,
    '23514', NULL, 'no negative counts');

-- History: a count is only marked replaced, once, and never deleted
-- (SU044); one current count per month.
CREATE TEMP TABLE v1 AS SELECT id FROM volym_antal
WHERE insats_id = pg_temp.ins('I volym') AND period = '2024-11-01';
SELECT throws_ok($$UPDATE volym_antal SET kvinnor = 5
    WHERE id = (SELECT id FROM v1)$$,
    'SU044', NULL, 'a count cannot be changed in place');
SELECT throws_ok($$UPDATE volym_antal SET ersatt = now(), kommentar = 'Fel'
    WHERE id = (SELECT id FROM v1)$$,
    'SU044', NULL, 'nor changed while it is marked replaced');
SELECT throws_ok($$DELETE FROM volym_antal WHERE id = (SELECT id FROM v1)$$,
    'SU044', NULL, 'nor deleted');
SELECT throws_ok($$UPDATE volym_antal SET ersatt = NULL
    WHERE id = (SELECT id FROM v1)$$,
    'SU044', NULL, 'an update must mark it replaced');
SELECT throws_ok($$SELECT pg_temp.vol('I volym', '2024-11-01', 4, 3, 0)$$,
    '23505', NULL, 'a second current count for the month is refused');
SELECT lives_ok($$UPDATE volym_antal SET ersatt = now()
    WHERE id = (SELECT id FROM v1)$$,
    'marking the count replaced is accepted');
SELECT throws_ok($$UPDATE volym_antal SET ersatt = now() + interval '1 day'
    WHERE id = (SELECT id FROM v1)$$,
    'SU044', NULL, 'once only');
SELECT throws_ok($$UPDATE volym_antal SET ersatt = NULL
    WHERE id = (SELECT id FROM v1)$$,
    'SU044', NULL, 'and never taken back');
SELECT throws_ok($$DELETE FROM volym_antal WHERE id = (SELECT id FROM v1)$$,
    'SU044', NULL, 'a replaced count is not deleted either');
SELECT lives_ok($$INSERT INTO volym_antal (insats_id, period, kvinnor, man,
    kommentar, ersatter) VALUES (pg_temp.ins('I volym'), '2024-11-01', 4, 3,
    'Rättad', (SELECT id FROM v1))$$,
    'the correction is a new row naming the one it replaces');
UPDATE volym_antal SET ersatt = now()
WHERE ersatter = (SELECT id FROM v1);
SELECT throws_ok($$INSERT INTO volym_antal (insats_id, period, kvinnor, man,
    ersatter) VALUES (pg_temp.ins('I volym'), '2024-11-01', 5, 3,
    (SELECT id FROM v1))$$,
    '23505', NULL, 'a count is replaced by one row only');
SELECT throws_ok($$INSERT INTO volym_antal (insats_id, period, kvinnor, man,
    ersatter) SELECT pg_temp.ins('I volym'), '2016-02-01', 5, 3, id
    FROM volym_antal WHERE ersatter = (SELECT id FROM v1)$$,
    'SU044', NULL, 'a correction replaces a count of its own month');
SELECT lives_ok($$INSERT INTO volym_antal (insats_id, period, kvinnor, man,
    ersatter) SELECT pg_temp.ins('I volym'), '2024-11-01', 5, 3, id
    FROM volym_antal WHERE ersatter = (SELECT id FROM v1)$$,
    'a correction of the correction is accepted');
SELECT results_eq($$SELECT period, kvinnor, man, okant FROM volym_antal
    WHERE insats_id = pg_temp.ins('I volym') AND ersatt IS NULL
    ORDER BY period$$,
    $$VALUES ('2016-02-01'::date, 0, 0, 0), ('2016-03-01', 0, 0, 1),
    ('2024-11-01', 5, 3, 0)$$,
    'one current count per month, the latest correction');
SELECT is((SELECT count(*) FROM volym_antal
    WHERE insats_id = pg_temp.ins('I volym') AND period = '2024-11-01')::int,
    3, 'the history keeps every count of the month');

-- Dates cannot leave what hangs on them outside (SU035).
SELECT pg_temp.kat('I datum', 'INDIVID', 'REHAB', 'PERSON');
SELECT pg_temp.mal('I datum', 'UNGA');
INSERT INTO insats_ar VALUES (pg_temp.ins('I datum'), 2016, 10);
SELECT throws_ok($$UPDATE insats SET startdatum = '2017-01-01'
    WHERE id = pg_temp.ins('I datum')$$,
    'SU035', NULL, 'a planned year left before the new start');
DELETE FROM insats_ar WHERE insats_id = pg_temp.ins('I datum');
SELECT pg_temp.bud('I datum', 2020, NULL);
SELECT throws_ok($$UPDATE insats SET slutdatum = '2019-12-31'
    WHERE id = pg_temp.ins('I datum')$$,
    'SU035', NULL, 'a budget year left after the new end');
DELETE FROM insats_budgetpost WHERE insats_id = pg_temp.ins('I datum');
SELECT pg_temp.person('I datum', '2016-06-01');
SELECT throws_ok($$UPDATE insats SET startdatum = '2016-06-02'
    WHERE id = pg_temp.ins('I datum')$$,
    'SU035', NULL, 'a participant who started before the new start');
SELECT throws_ok($$UPDATE insats SET slutdatum = '2016-05-31'
    WHERE id = pg_temp.ins('I datum')$$,
    'SU035', NULL, 'a participant who starts after the new end');
SELECT lives_ok($$UPDATE insats SET startdatum = '2016-06-01'
    WHERE id = pg_temp.ins('I datum')$$,
    'a start on the first participant''s day is accepted');
DELETE FROM deltagande WHERE insats_id = pg_temp.ins('I datum');
SELECT pg_temp.anonym('I datum', 2018);
SELECT throws_ok($$UPDATE insats SET slutdatum = '2017-12-31'
    WHERE id = pg_temp.ins('I datum')$$,
    'SU035', NULL, 'an anonymous participant''s year after the new end');
SELECT lives_ok($$UPDATE insats SET slutdatum = '2018-01-01'
    WHERE id = pg_temp.ins('I datum')$$,
    'an end within that year is accepted');
SELECT throws_ok($$UPDATE insats SET startdatum = '2016-03-01'
    WHERE id = pg_temp.ins('I volym')$$,
    'SU035', NULL, 'a counted month left before the new start');
SELECT throws_ok($$UPDATE insats SET slutdatum = '2024-10-31'
    WHERE id = pg_temp.ins('I volym')$$,
    'SU035', NULL, 'a counted month left after the new end');
SELECT lives_ok($$UPDATE insats SET startdatum = '2016-02-29',
    slutdatum = '2024-11-01' WHERE id = pg_temp.ins('I volym')$$,
    'dates inside the first and last counted months are accepted');

-- Rule 29: no deltagaransvarig on a volyminsats (SU036).
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, insats_id,
    giltig_from) VALUES (pg_temp.uid('i_delt'), 'deltagaransvarig',
    pg_temp.ins('I volym'), '2020-01-01')$$,
    'SU036', NULL, 'a deltagaransvarig on a volyminsats is refused');
SELECT pg_temp.kat('I byte', 'INDIVID', 'REHAB', 'PERSON');
SELECT lives_ok($$INSERT INTO uppdrag (anvandare_id, roll, insats_id,
    giltig_from) VALUES (pg_temp.uid('i_delt'), 'deltagaransvarig',
    pg_temp.ins('I byte'), '2020-01-01')$$,
    'a deltagaransvarig on an insats that registers persons is accepted');
SELECT throws_ok($$SELECT pg_temp.kat('I byte', 'STRUKTUR', 'NATVERK',
    'ANTAL')$$,
    'SU036', NULL, 'an insats with deltagaransvariga cannot start counting');
SELECT lives_ok($$UPDATE uppdrag SET giltig_tom = current_date - 1
    WHERE insats_id = pg_temp.ins('I byte')$$,
    'the uppdrag may end');
SELECT lives_ok($$SELECT pg_temp.kat('I byte', 'STRUKTUR', 'NATVERK',
    'ANTAL')$$, 'after which the insats may become a volyminsats');
SELECT throws_ok($$UPDATE uppdrag SET giltig_tom = NULL
    WHERE insats_id = pg_temp.ins('I byte')$$,
    'SU036', NULL, 'and the ended uppdrag cannot be reopened on it');
SELECT lives_ok($$UPDATE uppdrag SET giltig_tom = current_date - 2
    WHERE insats_id = pg_temp.ins('I byte')$$,
    'its history may still be corrected');

-- Planerat antal per year within the insats (SU039).
SELECT throws_ok($$INSERT INTO insats_ar
    VALUES (pg_temp.ins('I person'), 2015, 10)$$,
    'SU039', NULL, 'a planned year before the insats is refused');
SELECT throws_ok($$INSERT INTO insats_ar
    VALUES (pg_temp.ins('I person'), 2020, 10)$$,
    'SU039', NULL, 'a planned year after the insats is refused');
SELECT lives_ok($$INSERT INTO insats_ar VALUES
    (pg_temp.ins('I person'), 2016, 10), (pg_temp.ins('I person'), 2019, 12)$$,
    'its first and last years are accepted');
SELECT throws_ok($$UPDATE insats_ar SET ar = 2020
    WHERE insats_id = pg_temp.ins('I person') AND ar = 2019$$,
    'SU039', NULL, 'a planned year cannot be moved outside');
SELECT throws_ok($$INSERT INTO insats_ar
    VALUES (pg_temp.ins('I person'), 2016, 5)$$,
    '23505', NULL, 'one planned number per year');
SELECT throws_ok($$INSERT INTO insats_ar
    VALUES (pg_temp.ins('I person'), 2017, -1)$$,
    '23514', NULL, 'no negative planned number');

-- Budget lines: years within (SU039), FINSAM names no organisation
-- (SU040, rule 10), others an ingående organisation (SU041).
SELECT throws_ok($$SELECT pg_temp.bud('I person', 2017, 'I kommun')$$,
    'SU040', NULL, 'a FINSAM insats''s line names no organisation');
SELECT lives_ok($$SELECT pg_temp.bud('I person', 2017, NULL)$$,
    'a FINSAM insats''s line without organisation is accepted');
SELECT throws_ok($$UPDATE insats_budgetpost
    SET organisation_id = pg_temp.org('I kommun')
    WHERE insats_id = pg_temp.ins('I person')$$,
    'SU040', NULL, 'nor can one be given it later');
SELECT throws_ok($$SELECT pg_temp.bud('I tvåinsats', 2017, 'I utanför')$$,
    'SU041', NULL, 'a line of an organisation not ingående is refused');
SELECT throws_ok($$SELECT pg_temp.bud('I tvåinsats', 2017, 'I kommun')$$,
    'SU041', NULL, 'ingående in another organisation does not count');
SELECT lives_ok($$SELECT pg_temp.bud('I tvåinsats', 2017, 'I region')$$,
    'a line of an ingående organisation is accepted');
SELECT throws_ok($$SELECT pg_temp.bud('I person', 2015, NULL)$$,
    'SU039', NULL, 'a budget year before the insats is refused');
SELECT throws_ok($$SELECT pg_temp.bud('I person', 2020, NULL)$$,
    'SU039', NULL, 'a budget year after the insats is refused');
SELECT lives_ok($$SELECT pg_temp.bud('I person', 2019, NULL)$$,
    'the insats''s last year is accepted');
SELECT throws_ok($$UPDATE insats_budgetpost SET ar = 2020
    WHERE insats_id = pg_temp.ins('I person')$$,
    'SU039', NULL, 'a line cannot be moved outside');
-- Rules 4 and 6 both: a year of the insats before its organisation's
-- (only reachable with the organisation's own check switched off).
ALTER TABLE samverkansorg DISABLE TRIGGER samverkansorg_rules_insats;
UPDATE samverkansorg SET startdatum = '2017-01-01'
WHERE id = pg_temp.sorg('I tvåpart');
ALTER TABLE samverkansorg ENABLE TRIGGER samverkansorg_rules_insats;
SELECT throws_ok($$SELECT pg_temp.bud('I tvåinsats', 2016, 'I region')$$,
    'SU039', NULL, 'a budget year before the organisation is refused');
SELECT throws_ok($$INSERT INTO insats_ar
    VALUES (pg_temp.ins('I tvåinsats'), 2016, 1)$$,
    'SU039', NULL, 'a planned year before the organisation too');
ALTER TABLE samverkansorg DISABLE TRIGGER samverkansorg_rules_insats;
UPDATE samverkansorg SET startdatum = '2015-01-01'
WHERE id = pg_temp.sorg('I tvåpart');
ALTER TABLE samverkansorg ENABLE TRIGGER samverkansorg_rules_insats;
SELECT lives_ok($$SELECT pg_temp.bud('I tvåinsats', 2016, 'I region')$$,
    'with the organisation back, the year is accepted');

-- Rule 30 from the organisation's side (SU045); its budget years
-- (SU017) answer first.
SELECT throws_ok($$UPDATE samverkansorg SET slutdatum = '2025-06-29'
    WHERE id = pg_temp.sorg('I förbund')$$,
    'SU045', NULL, 'an organisation cannot end before its insatser');
SELECT throws_ok($$UPDATE samverkansorg SET startdatum = '2015-03-02'
    WHERE id = pg_temp.sorg('I förbund')$$,
    'SU045', NULL, 'nor start after one of them');
SELECT throws_ok($$UPDATE samverkansorg SET slutdatum = '2040-12-31'
    WHERE id = pg_temp.sorg('I tvåpart')$$,
    'SU045', NULL, 'an open-ended insats keeps its organisation open');
SELECT lives_ok($$UPDATE samverkansorg SET slutdatum = '2026-12-31'
    WHERE id = pg_temp.sorg('I förbund')$$,
    'a later end is accepted');
INSERT INTO samorg_finansiering (samverkansorg_id, ar, organisation_id,
    belopp) VALUES (pg_temp.sorg('I förbund'), 2026, pg_temp.org('I kommun'),
    1000);
SELECT throws_ok($$UPDATE samverkansorg SET slutdatum = '2025-06-29'
    WHERE id = pg_temp.sorg('I förbund')$$,
    'SU017', NULL, 'budget years answer first when both hold');
DELETE FROM samorg_finansiering
WHERE samverkansorg_id = pg_temp.sorg('I förbund');
SELECT lives_ok($$UPDATE samverkansorg SET slutdatum = '2025-06-30'
    WHERE id = pg_temp.sorg('I förbund')$$,
    'an end on the last insats''s last day is accepted');

-- Audit: every insert, update and delete of the insats tables, by whom,
-- under the insats for the rows keyed by it.
CREATE TEMP TABLE mark AS SELECT coalesce(max(id), 0) AS id FROM audit;
SELECT set_config('sus.user_id', pg_temp.uid('i_aud')::text, true);
SELECT pg_temp.new('I tvåpart', 'I granskad', '2016-01-01', NULL);
CREATE TEMP TABLE ga AS SELECT pg_temp.ins('I granskad') AS id;
SELECT pg_temp.kat('I granskad', 'INDIVID', 'REHAB', 'PERSON');
UPDATE insats SET namn = namn WHERE id = (SELECT id FROM ga);
SELECT pg_temp.mal('I granskad', 'UNGA');
UPDATE insats_malgrupp SET malgrupp_id = pg_temp.kod('malgrupp', 'PSYKISK')
WHERE insats_id = (SELECT id FROM ga);
DELETE FROM insats_malgrupp WHERE insats_id = (SELECT id FROM ga);
INSERT INTO insats_ar VALUES ((SELECT id FROM ga), 2016, 5);
UPDATE insats_ar SET planerat_antal = 6 WHERE insats_id = (SELECT id FROM ga);
DELETE FROM insats_ar WHERE insats_id = (SELECT id FROM ga);
SELECT pg_temp.bud('I granskad', 2016, 'I region');
UPDATE insats_budgetpost SET utfall = 900
WHERE insats_id = (SELECT id FROM ga);
DELETE FROM insats_budgetpost WHERE insats_id = (SELECT id FROM ga);
SELECT pg_temp.new('I tvåpart', 'I granskad volym', '2016-01-01', NULL);
SELECT pg_temp.kat('I granskad volym', 'STRUKTUR', 'NATVERK', 'ANTAL');
SELECT pg_temp.vol('I granskad volym', '2016-01-01', 1, 2, 0);
UPDATE volym_antal SET ersatt = now()
WHERE insats_id = pg_temp.ins('I granskad volym');
SELECT set_config('sus.user_id', '', true);

SELECT set_eq($$SELECT DISTINCT object_type || ':' || action FROM audit
    WHERE id > (SELECT id FROM mark)$$,
    ARRAY['insats:insert', 'insats:update', 'insats_malgrupp:insert',
    'insats_malgrupp:update', 'insats_malgrupp:delete', 'insats_ar:insert',
    'insats_ar:update', 'insats_ar:delete', 'insats_budgetpost:insert',
    'insats_budgetpost:update', 'insats_budgetpost:delete',
    'volym_antal:insert', 'volym_antal:update'],
    'every change of the insats tables is audited');
SELECT is_empty($$SELECT id FROM audit WHERE id > (SELECT id FROM mark)
    AND (object_id IS NULL OR anvandare_id IS DISTINCT FROM
    pg_temp.uid('i_aud'))$$,
    'every row names the object and who changed it');
SELECT is_empty($$SELECT id FROM audit WHERE id > (SELECT id FROM mark)
    AND object_type IN ('insats_malgrupp', 'insats_ar')
    AND object_id <> (SELECT id FROM ga)$$,
    'målgrupp and planned-year rows are audited under their insats');
SELECT is_empty($$SELECT id FROM audit WHERE id > (SELECT id FROM mark)
    AND object_type IN ('insats', 'insats_budgetpost', 'volym_antal')
    AND object_id <> coalesce(detail->'new'->>'id',
    detail->'old'->>'id')::bigint$$,
    'insatser, budget lines and counts are audited under their own id');
SELECT is((SELECT format('%s %s %s',
    coalesce(detail->'old'->>'inriktning_id', 'null'),
    detail->'new'->>'inriktning_id' = pg_temp.kod('inriktning',
    'INDIVID')::text, detail->'new'->>'matningsmetod_id' =
    pg_temp.kod('matningsmetod', 'PERSON')::text) FROM audit
    WHERE id > (SELECT id FROM mark) AND object_type = 'insats'
    AND object_id = (SELECT id FROM ga) AND action = 'update'),
    'null t t',
    'one update row for the categorisation, old and new (none for a '
    'save that changed nothing)');
SELECT is((SELECT format('%s %s %s', detail->'old'->>'ersatt' IS NULL,
    detail->'new'->>'ersatt' IS NOT NULL, detail->'new'->>'kvinnor') FROM audit
    WHERE id > (SELECT id FROM mark) AND object_type = 'volym_antal'
    AND action = 'update'),
    't t 1', 'a count marked replaced is audited old and new');
SELECT is_empty($$SELECT id FROM audit WHERE id > (SELECT id FROM mark)
    AND (detail->'new' ? 'updated_at' OR detail->'old' ? 'updated_at')$$,
    'updated_at is left out of the audit detail');

-- The application role: exactly the privileges of 0007, with those
-- 0008 added for registering participants.
SELECT table_privs_are('insats', 'sus_app', ARRAY['SELECT', 'INSERT',
    'UPDATE'], 'sus_app reads, adds and changes insatser, never deletes');
SELECT table_privs_are(t, 'sus_app',
    ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    'sus_app reads and writes ' || t)
FROM unnest(ARRAY['insats_malgrupp', 'insats_ar', 'insats_budgetpost']) t;
SELECT table_privs_are('deltagande', 'sus_app', ARRAY['SELECT', 'INSERT',
    'UPDATE'], 'sus_app reads, adds and changes participations (0008), '
    'never deletes them');
SELECT table_privs_are('anonym_deltagande', 'sus_app', ARRAY['SELECT',
    'INSERT'], 'sus_app reads and adds anonymous participants (0008), '
    'never changes or deletes them');
SELECT table_privs_are('volym_antal', 'sus_app', ARRAY['SELECT', 'INSERT'],
    'sus_app reads and adds counts, never deletes them');
SELECT column_privs_are('volym_antal', 'ersatt', 'sus_app',
    ARRAY['SELECT', 'INSERT', 'UPDATE'],
    'sus_app may mark a count replaced');
SELECT is_empty($$SELECT attname FROM pg_attribute
    WHERE attrelid = 'volym_antal'::regclass AND attnum > 0
    AND NOT attisdropped AND attname <> 'ersatt'
    AND has_column_privilege('sus_app', 'volym_antal', attname, 'UPDATE')$$,
    'and may update no other column of a count');
SELECT sequence_privs_are(s, 'sus_app', ARRAY['USAGE', 'SELECT'],
    'sus_app draws ids from ' || s)
FROM unnest(ARRAY['insats_id_seq', 'volym_antal_id_seq']) s;
SELECT sequence_privs_are(s, 'sus_app', ARRAY['USAGE', 'SELECT'],
    'sus_app draws ids from ' || s || ' (0008)')
FROM unnest(ARRAY['deltagande_id_seq', 'anonym_deltagande_id_seq']) s;

SET LOCAL ROLE sus_app;
SELECT set_config('sus.user_id', pg_temp.uid('i_ansv')::text, true);
SELECT lives_ok($$SELECT pg_temp.new('I tvåpart', 'I appen', '2016-01-01',
    NULL)$$, 'sus_app adds an insats');
SELECT lives_ok($$SELECT pg_temp.vol('I granskad volym', '2016-02-01', 3, 1,
    0)$$, 'sus_app adds a count');
SELECT lives_ok($$UPDATE volym_antal SET ersatt = now()
    WHERE insats_id = pg_temp.ins('I granskad volym')
    AND period = '2016-02-01'$$, 'sus_app marks a count replaced');
SELECT throws_ok($$UPDATE volym_antal SET kvinnor = 4
    WHERE insats_id = pg_temp.ins('I granskad volym')$$,
    '42501', NULL, 'sus_app cannot change a count');
SELECT throws_ok($$DELETE FROM volym_antal
    WHERE insats_id = pg_temp.ins('I granskad volym')$$,
    '42501', NULL, 'sus_app cannot delete a count');
SELECT lives_ok($$SELECT pg_temp.person('I person', '2018-01-01')$$,
    'sus_app registers a participant with its audit row (0008)');
SELECT lives_ok($$SELECT pg_temp.anonym('I person', 2018)$$,
    'and anonymous participants');
SELECT throws_ok($$DELETE FROM deltagande
    WHERE insats_id = pg_temp.ins('I person')$$,
    '42501', NULL, 'but deletes no participation');
SELECT throws_ok($$DELETE FROM anonym_deltagande
    WHERE insats_id = pg_temp.ins('I person')$$,
    '42501', NULL, 'nor anonymous participants');
SELECT throws_ok($$DELETE FROM insats WHERE namn = 'I appen'$$,
    '42501', NULL, 'sus_app cannot delete an insats');
SELECT throws_ok($$SELECT pg_temp.kat('I person', 'INDIVID', 'HALSA',
    'PERSON')$$, 'SU033', NULL, 'the rules hold for sus_app');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
