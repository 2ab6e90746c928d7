-- Samverkansorganisation administration (schema 0006): the code lists and
-- their fixed codes, the 9447 order, budget and utfall, kompletterande
-- frågor, every rule SU010-SU023 refusing and accepting at its edge, the
-- audit of every change, and what the application role may do.
-- Everything here is made inside the transaction and rolled back.
BEGIN;
SELECT plan(173);

-- Helpers: ids by name.
CREATE FUNCTION pg_temp.org(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM organisation WHERE namn = n $$;
CREATE FUNCTION pg_temp.sorg(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM samverkansorg WHERE namn = n $$;
CREATE FUNCTION pg_temp.uid(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM anvandare WHERE username = n $$;
CREATE FUNCTION pg_temp.kod(l text, k text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM kod WHERE lista = l AND kod = k $$;
CREATE FUNCTION pg_temp.fraga(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM fraga WHERE namn = n $$;
CREATE FUNCTION pg_temp.alt(f text, t text) RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT a.id FROM fraga_alternativ a JOIN fraga q ON q.id = a.fraga_id
	WHERE q.namn = f AND a.text = t
$$;

-- A finance line: organisation NULL for eget kapital.
CREATE FUNCTION pg_temp.fin(s text, ar integer, o text, ek boolean,
    beskr text) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO samorg_finansiering (samverkansorg_id, ar,
	    organisation_id, eget_kapital, belopp, beskrivning)
	VALUES (pg_temp.sorg(s), ar, pg_temp.org(o), ek, 100000, beskr)
$$;
-- An administrativ kostnad of a kostnadstyp given as (list, code).
CREATE FUNCTION pg_temp.adm(s text, ar integer, l text, k text)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO samorg_admkostnad (samverkansorg_id, ar, kostnadstyp_id,
	    budget) VALUES (pg_temp.sorg(s), ar, pg_temp.kod(l, k), 50000)
$$;
-- A 9447 order by h_admin for h_admin.
CREATE FUNCTION pg_temp.order9447(n text, orgnr text, form integer)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO samorg_bestallning (namn, organisationsnummer,
	    samverkansform_id, startdatum, admin_id, kontakt_namn,
	    kontakt_telefon, kontakt_epost, skapad_av)
	VALUES (n, orgnr, form, '2027-01-01', pg_temp.uid('h_admin'),
	    'Beställare Test', '031-123456', 'bestallare@example.se',
	    pg_temp.uid('h_admin'))
$$;
-- A question of H förbund.
CREATE FUNCTION pg_temp.q(n text, typ text, ordn integer) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO fraga (samverkansorg_id, namn, giltig_from, mattillfalle,
	    svarstyp, ordning)
	VALUES (pg_temp.sorg('H förbund'), n, '2016-01-01', 'in', typ, ordn)
$$;
CREATE FUNCTION pg_temp.opt(f text, t text, ordn integer) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO fraga_alternativ (fraga_id, text, ordning)
	VALUES (pg_temp.fraga(f), t, ordn)
$$;
-- Runs the statements and then checks the deferred rules as a commit
-- would; inside throws_ok/lives_ok the whole is one subtransaction.
CREATE FUNCTION pg_temp.at_commit(stmts text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	s	text;
BEGIN
	FOREACH s IN ARRAY stmts LOOP
		EXECUTE s;
	END LOOP;
	SET CONSTRAINTS ALL IMMEDIATE;
	SET CONSTRAINTS ALL DEFERRED;
END
$$;

-- A participant of insats n from startdatum fr (schema 0008): the person
-- (an official test personnummer), the participation with consent, and
-- the audit row the commit check (SU063) wants in the same transaction.
CREATE FUNCTION pg_temp.deltagare(n text, pnr text, fr text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	pid	bigint;
	did	bigint;
BEGIN
	INSERT INTO person (personnummer, namn, kommunkod)
	VALUES (pnr, 'Test Testsson', '1480') RETURNING id INTO pid;
	INSERT INTO deltagande (insats_id, startdatum, person_id, kon_id,
	    fodelsear, samtycke, samtycke_datum)
	SELECT i.id, fr::date, pid, pg_temp.kod('kon', CASE WHEN
	    substr(pnr, 11, 1)::int % 2 = 1 THEN 'M' ELSE 'K' END),
	    substr(pnr, 1, 4)::smallint, true, fr::date
	FROM insats i WHERE i.namn = n RETURNING id INTO did;
	INSERT INTO audit_person (action, purpose, pnr_hash, person_id,
	    deltagande_id, insats_id)
	SELECT 'skriv', 'Test', pnr_hash(pnr), pid, did, d.insats_id
	FROM deltagande d WHERE d.id = did;
	RETURN did;
END
$$;

-- Test data.
INSERT INTO organisation (namn, organisationstyp) VALUES
	('H kommun', 'Kommun'),
	('H region', 'Landsting/Region'),
	('H förening', 'Övriga');
INSERT INTO anvandare (username, password_hash, fornamn, efternamn,
    arbetsgivare_id)
VALUES ('h_admin', '$argon2id$v=19$x', 'Hanna', 'Admin',
    pg_temp.org('Försäkringskassan, SUS-förvaltningen'));
INSERT INTO samverkansorg (namn, samverkansform_id, startdatum, slutdatum)
VALUES
	('H förbund', 1, '2015-03-01', '2020-06-30'),
	('H tvåpart', 2, '2015-01-01', NULL);
INSERT INTO samverkansorg_organisation (samverkansorg_id, organisation_id,
    medlem, finansiar, konsument) VALUES
	(pg_temp.sorg('H förbund'), pg_temp.org('H kommun'), true, true, false),
	(pg_temp.sorg('H förbund'), pg_temp.org('H region'), true, true, true),
	(pg_temp.sorg('H förbund'), pg_temp.org('H förening'), false, false,
	    true),
	(pg_temp.sorg('H tvåpart'), pg_temp.org('H region'), true, true, false);
INSERT INTO insats (samverkansorg_id, namn, startdatum, slutdatum)
VALUES (pg_temp.sorg('H förbund'), 'H insats', '2016-01-01', '2019-12-31');

-- Code lists (domain.md 3.2-3.13, organisationstyp and spärrord).
SELECT set_eq($$SELECT namn FROM kodlista$$,
    ARRAY['organisationstyp', 'kostnadstyp', 'inriktning',
    'preciserad_inriktning', 'matningsmetod', 'malgrupp', 'budgettyp',
    'forsorjning', 'sysselsattning', 'utbildningsniva', 'tid_forsorjning',
    'avslutsanledning', 'kon', 'sparrord', 'marknadsomrade',
    'arbetsmarknadsomrade', 'verksamhetsomrade', 'affk_insatstyp', 'janej',
    'affk_typ_arbete', 'affk_avbrott'],
    'the fourteen code lists and the seven of Af/FK (0010)');
SELECT results_eq($$SELECT lista, count(*)::int FROM kod WHERE aktiv
    GROUP BY lista ORDER BY lista$$,
    $$VALUES ('affk_avbrott'::text, 3), ('affk_insatstyp', 9),
    ('affk_typ_arbete', 3), ('arbetsmarknadsomrade', 2),
    ('avslutsanledning', 11), ('budgettyp', 2),
    ('forsorjning', 10), ('inriktning', 2), ('janej', 2), ('kon', 2),
    ('kostnadstyp', 4), ('malgrupp', 12), ('marknadsomrade', 6),
    ('matningsmetod', 2), ('organisationstyp', 6),
    ('preciserad_inriktning', 14), ('sparrord', 10), ('sysselsattning', 8),
    ('tid_forsorjning', 6), ('utbildningsniva', 6),
    ('verksamhetsomrade', 3)$$,
    'every list holds its values, all active');
SELECT set_eq($$SELECT namn::text COLLATE "default" FROM kod
    WHERE lista = 'organisationstyp' AND fast$$,
    ARRAY['Stat', 'Kommun', 'Landsting/Region', 'Samordningsförbund', 'ESF',
    'Övriga'], 'the six organisationstyper, all fixed (kostnadsrapport)');
SELECT set_eq($$SELECT lista || ':' || namn FROM kod WHERE lista IN
    ('inriktning', 'matningsmetod', 'budgettyp', 'kon')$$,
    ARRAY['inriktning:Individinriktad', 'inriktning:Strukturövergripande',
    'matningsmetod:Personuppgifter/anonym',
    'matningsmetod:Endast antal (volyminsats)', 'budgettyp:Insatskostnad',
    'budgettyp:ESF Insatskostnad', 'kon:Kvinna', 'kon:Man'],
    'inriktning, mätningsmetod, budgettyp and kön as the sources name them');
SELECT is_empty($$SELECT lista || ':' || namn FROM kod
    WHERE lista IN ('inriktning', 'matningsmetod', 'budgettyp', 'kon')
    AND NOT fast$$, 'the codes the rules rely on are fixed');
SELECT set_has($$SELECT lista || ':' || namn FROM kod WHERE fast$$,
    $$VALUES ('avslutsanledning:Felregistrering'),
    ('avslutsanledning:Samtycket återkallat'),
    ('forsorjning:Ingen offentlig försörjning'),
    ('forsorjning:Uppgift saknas'), ('utbildningsniva:Uppgift saknas')$$,
    'Felregistrering, Samtycket återkallat (0008), Ingen offentlig '
    'försörjning and Uppgift saknas fixed');
SELECT set_has($$SELECT namn::text COLLATE "default" FROM kod
    WHERE lista = 'kostnadstyp'$$, $$VALUES ('Kring'), ('Personal')$$,
    'kostnadstyp has Kring and Personal');
SELECT is_empty($$SELECT k.namn FROM kod k LEFT JOIN kod p
    ON p.lista = k.overordnad_lista AND p.id = k.overordnad_id
    WHERE k.lista = 'preciserad_inriktning'
    AND (p.lista IS DISTINCT FROM 'inriktning')$$,
    'every preciserad inriktning hangs under an inriktning');
SELECT is_empty($$SELECT p.namn FROM kod p WHERE p.lista = 'inriktning'
    AND (SELECT count(*) FROM kod k WHERE k.overordnad_lista = 'inriktning'
    AND k.overordnad_id = p.id) < 6$$,
    'each inriktning has its preciserade inriktningar');
SELECT is_empty($$SELECT namn FROM kod WHERE overordnad_id IS NOT NULL
    AND lista <> 'preciserad_inriktning'$$,
    'no other list hangs under a parent');

-- Fixed codes keep kod, namn, list and activity (SU016).
SELECT throws_ok($$UPDATE kod SET namn = 'Kvinnor'
    WHERE id = pg_temp.kod('kon', 'K')$$,
    'SU016', NULL, 'a fixed code cannot be renamed');
SELECT throws_ok($$UPDATE kod SET kod = 'KV'
    WHERE id = pg_temp.kod('kon', 'K')$$,
    'SU016', NULL, 'a fixed code cannot be recoded');
SELECT throws_ok($$UPDATE kod SET aktiv = false
    WHERE id = pg_temp.kod('avslutsanledning', 'FELREGISTRERING')$$,
    'SU016', NULL, 'a fixed code cannot be deactivated');
SELECT throws_ok($$UPDATE kod SET fast = false
    WHERE id = pg_temp.kod('kon', 'M')$$,
    'SU016', NULL, 'a fixed code cannot be made ordinary');
SELECT throws_ok($$DELETE FROM kod WHERE id = pg_temp.kod('budgettyp', 'ESF')$$,
    'SU016', NULL, 'a fixed code cannot be deleted');
SELECT throws_ok($$UPDATE kod SET namn = 'Övrigt'
    WHERE id = pg_temp.kod('organisationstyp', 'OVRIGA')$$,
    'SU016', NULL, 'a fixed organisationstyp cannot be renamed');
SELECT lives_ok($$UPDATE kod SET ordning = 9
    WHERE id = pg_temp.kod('kon', 'K')$$,
    'a fixed code may be given another place in the list');
SELECT is((SELECT format('%s %s %s %s', kod, namn, aktiv, fast) FROM kod
    WHERE id = pg_temp.kod('kon', 'K')), 'K Kvinna t t',
    'the refused changes left the fixed code as it was');
SELECT lives_ok($$UPDATE kod SET namn = 'Övriga kostnader'
    WHERE id = pg_temp.kod('kostnadstyp', 'OVRIGT')$$,
    'an ordinary code may be renamed');
SELECT lives_ok($$UPDATE kod SET aktiv = false
    WHERE id = pg_temp.kod('malgrupp', 'OVRIGT')$$,
    'an ordinary code may be deactivated');
SELECT lives_ok($$DELETE FROM kod WHERE id = pg_temp.kod('malgrupp', 'OVRIGT')$$,
    'an ordinary code no one uses may be deleted');

-- A code hangs under a code of its list's parent list, and only there
-- (SU020).
SELECT throws_ok($$INSERT INTO kod (lista, kod, namn)
    VALUES ('preciserad_inriktning', 'H_UTAN', 'Utan inriktning')$$,
    'SU020', NULL, 'a preciserad inriktning needs an inriktning');
SELECT throws_ok($$INSERT INTO kod (lista, kod, namn, overordnad_lista,
    overordnad_id) VALUES ('preciserad_inriktning', 'H_KON', 'Under kön',
    'kon', pg_temp.kod('kon', 'K'))$$,
    'SU020', NULL, 'a preciserad inriktning under another list is refused');
SELECT throws_ok($$INSERT INTO kod (lista, kod, namn, overordnad_lista,
    overordnad_id) VALUES ('malgrupp', 'H_UNDER', 'Under inriktning',
    'inriktning', pg_temp.kod('inriktning', 'INDIVID'))$$,
    'SU020', NULL, 'a code of a list without parent cannot have one');
SELECT throws_ok($$INSERT INTO kod (lista, kod, namn, overordnad_lista,
    overordnad_id) VALUES ('preciserad_inriktning', 'H_FEL', 'Fel förälder',
    'inriktning', pg_temp.kod('kon', 'K'))$$,
    '23503', NULL, 'the parent must be a code of the parent list');
SELECT lives_ok($$INSERT INTO kod (lista, kod, namn, overordnad_lista,
    overordnad_id) VALUES ('preciserad_inriktning', 'H_NY', 'Ny inriktning',
    'inriktning', pg_temp.kod('inriktning', 'INDIVID'))$$,
    'a preciserad inriktning under an inriktning is accepted');
SELECT lives_ok($$UPDATE kod SET overordnad_id =
    pg_temp.kod('inriktning', 'STRUKTUR')
    WHERE id = pg_temp.kod('preciserad_inriktning', 'H_NY')$$,
    'an ordinary code may move to another inriktning');
SELECT throws_ok($$UPDATE kod SET overordnad_lista = NULL,
    overordnad_id = NULL
    WHERE id = pg_temp.kod('preciserad_inriktning', 'H_NY')$$,
    'SU020', NULL, 'nor may it lose its inriktning');
SELECT throws_ok($$INSERT INTO kod (lista, kod, namn)
    VALUES ('kon', 'k', 'Gemener')$$,
    '23514', NULL, 'a kod is A-Z, 0-9 and _');

-- The organisations register takes its types from the code list.
SELECT throws_ok($$INSERT INTO organisation (namn, organisationstyp)
    VALUES ('H företag', 'Företag')$$,
    '23503', NULL, 'an organisationstyp not in the list is refused');
SELECT throws_ok($$INSERT INTO organisation (namn, organisationstyp)
    VALUES ('H kvinna', 'Kvinna')$$,
    '23503', NULL, 'a code of another list is no organisationstyp');
SELECT throws_ok($$INSERT INTO organisation (namn, organisationstyp,
    organisationstyp_lista) VALUES ('H kön', 'Kvinna', 'kon')$$,
    '23514', NULL, 'the reference cannot be pointed at another list');
INSERT INTO kod (lista, kod, namn) VALUES
	('organisationstyp', 'H_PRIVAT', 'Privat sektor');
INSERT INTO organisation (namn, organisationstyp)
VALUES ('H företag', 'Privat sektor');
UPDATE kod SET namn = 'Privata företag'
WHERE id = pg_temp.kod('organisationstyp', 'H_PRIVAT');
SELECT is((SELECT organisationstyp FROM organisation
    WHERE namn = 'H företag'), 'Privata företag',
    'renaming an ordinary organisationstyp renames it in the register');
SELECT throws_ok($$DELETE FROM kod
    WHERE id = pg_temp.kod('organisationstyp', 'H_PRIVAT')$$,
    '23503', NULL, 'an organisationstyp in use cannot be deleted');
UPDATE organisation SET updated_at = '2000-01-01', aktiv = false
WHERE namn = 'H företag';
SELECT is((SELECT updated_at FROM organisation WHERE namn = 'H företag'),
    now(), 'a changed organisation gets a new updated_at');

-- A name never carries a samverkansform (SU010), in any case.
CREATE FUNCTION pg_temp.new_sorg(n text, form integer) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
	VALUES (n, form, '2015-01-01')
$$;
SELECT throws_ok($$SELECT pg_temp.new_sorg('Samordningsförbundet FINSAM Väst',
    1)$$, 'SU010', NULL, 'FINSAM in the name is refused');
SELECT throws_ok($$SELECT pg_temp.new_sorg('Samordningsförbundet finsam väst',
    1)$$, 'SU010', NULL, 'finsam in lower case too');
SELECT throws_ok($$SELECT pg_temp.new_sorg('Finsam Östra Götaland', 1)$$,
    'SU010', NULL, 'Finsam at the start too');
SELECT throws_ok($$SELECT pg_temp.new_sorg('LFC Norr Tvåpartsfinsam', 2)$$,
    'SU010', NULL, 'Tvåpartsfinsam in the name is refused');
SELECT throws_ok($$SELECT pg_temp.new_sorg('Af/FK-samarbete Syd', 4)$$,
    'SU010', NULL, 'Af/FK-samarbete in the name is refused');
SELECT throws_ok($$SELECT pg_temp.new_sorg('Syd AF/FK SAMARBETE', 4)$$,
    'SU010', NULL, 'AF/FK SAMARBETE with a space for the dash too');
SELECT throws_ok($$SELECT pg_temp.new_sorg('Handlingsplansamverkan Dalarna',
    1)$$, 'SU010', NULL, 'another form than the own is refused too');
SELECT lives_ok($$SELECT pg_temp.new_sorg('Samordningsförbundet Väst', 1)$$,
    'a neutral name is accepted');
SELECT throws_ok($$UPDATE samverkansorg SET namn = 'H förbund Finsam'
    WHERE id = pg_temp.sorg('H förbund')$$,
    'SU010', NULL, 'a rename to a name with the form is refused');
SELECT lives_ok($$UPDATE samverkansorg SET namn = 'H förbund'
    WHERE id = pg_temp.sorg('H förbund')$$,
    'saving an unchanged neutral name is accepted');
SELECT throws_ok($$SELECT pg_temp.new_sorg(repeat('Å', 51), 1)$$,
    '22001', NULL, '51 characters are refused');
SELECT lives_ok($$SELECT pg_temp.new_sorg(repeat('Å', 50), 1)$$,
    '50 characters (100 bytes) are accepted');

-- The 9447 order: the name rule (SU010), closed forms (SU022) and one
-- order per organisation (SU019), where a rejected order does not count.
SELECT throws_ok($$SELECT pg_temp.order9447(
    'Samordningsförbundet finsam Nord', '222222-9001', 1)$$,
    'SU010', NULL, 'an order with finsam in the name is refused');
SELECT throws_ok($$SELECT pg_temp.order9447('LFC Nord TVÅPARTSFINSAM',
    '222222-9001', 2)$$,
    'SU010', NULL, 'an order with Tvåpartsfinsam in the name is refused');
SELECT throws_ok($$SELECT pg_temp.order9447('Nord Af/FK-samarbete',
    '222222-9001', 4)$$,
    'SU010', NULL, 'an order with Af/FK-samarbete in the name is refused');
SELECT throws_ok($$SELECT pg_temp.order9447('Samverkansområde Nord',
    '222222-9001', 3)$$,
    'SU022', NULL, 'an order for the closed Handlingsplansamverkan is refused');
SELECT lives_ok($$SELECT pg_temp.order9447('Samordningsförbundet Nord',
    '222222-9001', 1)$$, 'an order with a neutral name is accepted');
SELECT throws_ok($$SELECT pg_temp.order9447('SAMORDNINGSFÖRBUNDET NORD',
    '222222-9002', 1)$$,
    'SU019', NULL, 'a second order for the same name is refused');
SELECT throws_ok($$SELECT pg_temp.order9447('Samordningsförbundet Nordväst',
    '222222-9001', 1)$$,
    'SU019', NULL, 'a second order for the same organisationsnummer too');
SELECT throws_ok($$SELECT pg_temp.order9447('h förbund', '222222-9003', 2)$$,
    'SU019', NULL, 'an order for an existing organisation''s name too');
SELECT throws_ok($$SELECT pg_temp.order9447('Samordningsförbundet Syd',
    '2222229004', 1)$$,
    '23514', NULL, 'an organisationsnummer is NNNNNN-NNNN');
UPDATE samorg_bestallning SET status = 'avslagen', beslutad = now(),
    beslutad_av = pg_temp.uid('h_admin'), kommentar = 'Fel startdatum'
WHERE namn = 'Samordningsförbundet Nord';
SELECT lives_ok($$SELECT pg_temp.order9447('Samordningsförbundet Nord',
    '222222-9001', 1)$$, 'after a rejection the organisation may be ordered again');
SELECT throws_ok($$SELECT pg_temp.order9447('Samordningsförbundet Nord',
    '222222-9005', 1)$$,
    'SU019', NULL, 'and the new order blocks a third one');
INSERT INTO samverkansorg (namn, organisationsnummer, samverkansform_id,
    startdatum) VALUES ('Samordningsförbundet Nord', '222222-9001', 1,
    '2027-01-01');
SELECT lives_ok($$UPDATE samorg_bestallning SET status = 'godkand',
    beslutad = now(), beslutad_av = pg_temp.uid('h_admin'),
    samverkansorg_id = pg_temp.sorg('Samordningsförbundet Nord')
    WHERE namn = 'Samordningsförbundet Nord' AND status = 'inskickad'$$,
    'approving the order after creating its organisation is accepted');
SELECT throws_ok($$UPDATE samorg_bestallning SET status = 'inskickad',
    beslutad = NULL, beslutad_av = NULL
    WHERE namn = 'Samordningsförbundet Nord' AND status = 'avslagen'$$,
    'SU019', NULL, 'a rejected order cannot come back beside the approved one');

-- Finance lines only from finansiärer (SU011), years inside the
-- organisation's life (SU012), surplus as Eget kapital (SU014).
SELECT throws_ok($$SELECT pg_temp.fin('H förbund', 2016, 'H förening', false,
    'Bidrag')$$, 'SU011', NULL,
    'a finance line from an ingående organisation that is not finansiär');
SELECT throws_ok($$SELECT pg_temp.fin('H förbund', 2016, 'Arbetsförmedlingen',
    false, 'Bidrag')$$, 'SU011', NULL,
    'a finance line from an organisation that is not ingående');
SELECT throws_ok($$SELECT pg_temp.fin('H tvåpart', 2016, 'H kommun', false,
    'Bidrag')$$, 'SU011', NULL,
    'a finansiär of another organisation does not count');
SELECT lives_ok($$SELECT pg_temp.fin('H förbund', 2015, 'H kommun', false,
    'Bidrag')$$, 'a finance line for the start year is accepted');
SELECT throws_ok($$SELECT pg_temp.fin('H förbund', 2014, 'H kommun', false,
    'Bidrag')$$, 'SU012', NULL, 'the year before the start year is refused');
SELECT lives_ok($$SELECT pg_temp.fin('H förbund', 2020, 'H region', false,
    'Bidrag')$$, 'a finance line for the end year is accepted');
SELECT throws_ok($$SELECT pg_temp.fin('H förbund', 2021, 'H region', false,
    'Bidrag')$$, 'SU012', NULL, 'the year after the end year is refused');
SELECT throws_ok($$UPDATE samorg_finansiering SET ar = 2014
    WHERE samverkansorg_id = pg_temp.sorg('H förbund') AND ar = 2015$$,
    'SU012', NULL, 'a line cannot be moved before the start year');
SELECT throws_ok($$UPDATE samorg_finansiering
    SET organisation_id = pg_temp.org('H förening')
    WHERE samverkansorg_id = pg_temp.sorg('H förbund') AND ar = 2015$$,
    'SU011', NULL, 'nor moved to an organisation that is not finansiär');
SELECT lives_ok($$SELECT pg_temp.fin('H förbund', 2016, NULL, true,
    'Eget kapital')$$, 'surplus described Eget kapital is accepted');
SELECT lives_ok($$SELECT pg_temp.fin('H förbund', 2017, NULL, true,
    '  eget kapital från 2016')$$,
    'in any case, with more words and leading spaces');
SELECT throws_ok($$SELECT pg_temp.fin('H förbund', 2017, NULL, true,
    'Överskott från 2016')$$, 'SU014', NULL,
    'surplus described otherwise is refused');
SELECT throws_ok($$SELECT pg_temp.fin('H förbund', 2017, 'H kommun', true,
    'Kapital')$$, 'SU014', NULL,
    'a line marked surplus is Eget kapital even with a finansiär');
SELECT throws_ok($$UPDATE samorg_finansiering SET beskrivning = 'Överskott'
    WHERE samverkansorg_id = pg_temp.sorg('H förbund') AND ar = 2016
    AND eget_kapital$$, 'SU014', NULL,
    'an Eget kapital line cannot be renamed to something else');
SELECT throws_ok($$SELECT pg_temp.fin('H förbund', 2017, NULL, false,
    'Bidrag')$$, '23514', NULL, 'a line that is not surplus has a finansiär');

-- A finansiär with lines stays finansiär and ingående (SU011).
SELECT throws_ok($$UPDATE samverkansorg_organisation SET finansiar = false
    WHERE samverkansorg_id = pg_temp.sorg('H förbund')
    AND organisation_id = pg_temp.org('H kommun')$$,
    'SU011', NULL, 'the finansiär flag cannot go while lines exist');
SELECT throws_ok($$DELETE FROM samverkansorg_organisation
    WHERE samverkansorg_id = pg_temp.sorg('H förbund')
    AND organisation_id = pg_temp.org('H kommun')$$,
    'SU011', NULL, 'nor the ingående organisation');
SELECT lives_ok($$UPDATE samverkansorg_organisation SET medlem = false
    WHERE samverkansorg_id = pg_temp.sorg('H förbund')
    AND organisation_id = pg_temp.org('H kommun')$$,
    'its other flags may change');
SELECT lives_ok($$UPDATE samverkansorg_organisation SET finansiar = false
    WHERE samverkansorg_id = pg_temp.sorg('H tvåpart')
    AND organisation_id = pg_temp.org('H region')$$,
    'a finansiär without lines (here: in another organisation) may stop');
SELECT ok((SELECT finansiar FROM samverkansorg_organisation
    WHERE samverkansorg_id = pg_temp.sorg('H förbund')
    AND organisation_id = pg_temp.org('H region')),
    'the same organisation stays finansiär where it has lines');

-- Administrativa kostnader: FINSAM only (SU013), inside the years
-- (SU012), kostnadstyp from its list.
SELECT lives_ok($$SELECT pg_temp.adm('H förbund', 2015, 'kostnadstyp',
    'KRING')$$, 'administrativa kostnader of a FINSAM förbund');
SELECT lives_ok($$SELECT pg_temp.adm('H förbund', 2020, 'kostnadstyp',
    'PERSONAL')$$, 'in its end year too');
SELECT throws_ok($$SELECT pg_temp.adm('H förbund', 2014, 'kostnadstyp',
    'KRING')$$, 'SU012', NULL, 'not before the start year');
SELECT throws_ok($$SELECT pg_temp.adm('H förbund', 2021, 'kostnadstyp',
    'KRING')$$, 'SU012', NULL, 'not after the end year');
SELECT throws_ok($$SELECT pg_temp.adm('H tvåpart', 2016, 'kostnadstyp',
    'KRING')$$, 'SU013', NULL, 'not for a Tvåpartsfinsam organisation');
SELECT throws_ok($$SELECT pg_temp.adm('H förbund', 2016, 'kon', 'K')$$,
    '23503', NULL, 'the kostnadstyp must be a code of its list');
SELECT throws_ok($$UPDATE samverkansorg SET samverkansform_id = 2
    WHERE id = pg_temp.sorg('H förbund')$$,
    'SU013', NULL, 'a FINSAM förbund with administrativa kostnader stays FINSAM');
SELECT lives_ok($$UPDATE samverkansorg SET samverkansform_id = 1
    WHERE id = pg_temp.sorg('H tvåpart')$$,
    'an organisation without them may change form');
UPDATE samverkansorg SET samverkansform_id = 2
WHERE id = pg_temp.sorg('H tvåpart');

-- Dates that would leave budget years outside (SU017).
SELECT throws_ok($$UPDATE samverkansorg SET slutdatum = '2019-12-31'
    WHERE id = pg_temp.sorg('H förbund')$$,
    'SU017', NULL, 'slutdatum before a budget year is refused');
SELECT throws_ok($$UPDATE samverkansorg SET startdatum = '2016-01-01'
    WHERE id = pg_temp.sorg('H förbund')$$,
    'SU017', NULL, 'startdatum after a budget year is refused');
SELECT lives_ok($$UPDATE samverkansorg SET slutdatum = '2020-01-01',
    startdatum = '2015-12-31' WHERE id = pg_temp.sorg('H förbund')$$,
    'dates inside the first and last budget years are accepted');
SELECT throws_ok($$UPDATE samverkansorg SET slutdatum = '2015-06-01'
    WHERE id = pg_temp.sorg('H förbund')$$,
    '23514', NULL, 'slutdatum before startdatum is refused');
UPDATE samverkansorg SET startdatum = '2015-03-01', slutdatum = '2020-06-30'
WHERE id = pg_temp.sorg('H förbund');
SELECT is((SELECT count(*) FROM samorg_finansiering
    WHERE samverkansorg_id = pg_temp.sorg('H förbund'))::int, 4,
    'the accepted finance lines are there, the refused ones not');

-- Insats budget lines: budgettyp from its list.
SELECT lives_ok($$INSERT INTO insats_budgetpost (insats_id, ar, budgettyp_id,
    budget) SELECT id, 2016, pg_temp.kod('budgettyp', 'INSATS'), 200000
    FROM insats WHERE namn = 'H insats'$$, 'an insats budget line');
SELECT throws_ok($$INSERT INTO insats_budgetpost (insats_id, ar, budgettyp_id,
    budget) SELECT id, 2016, pg_temp.kod('kostnadstyp', 'KRING'), 200000
    FROM insats WHERE namn = 'H insats'$$,
    '23503', NULL, 'a budgettyp from another list is refused');
SELECT throws_ok($$INSERT INTO insats_budgetpost (insats_id, ar, budgettyp_id,
    budget) SELECT id, 2016, pg_temp.kod('budgettyp', 'INSATS'), -1
    FROM insats WHERE namn = 'H insats'$$,
    '23514', NULL, 'a negative budget is refused');

-- A whole organisation goes with its budget.
INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
VALUES ('H kortlivad', 1, '2018-01-01');
INSERT INTO samverkansorg_organisation (samverkansorg_id, organisation_id,
    finansiar) VALUES (pg_temp.sorg('H kortlivad'), pg_temp.org('H kommun'),
    true);
SELECT pg_temp.fin('H kortlivad', 2018, 'H kommun', false, 'Bidrag');
SELECT pg_temp.adm('H kortlivad', 2018, 'kostnadstyp', 'KRING');
SELECT lives_ok($$DELETE FROM samverkansorg WHERE namn = 'H kortlivad'$$,
    'an organisation with finansiärer and lines can be deleted whole');

-- Kompletterande frågor. Valid questions first: SU023 is checked at
-- commit, and every check below sees these too.
SELECT pg_temp.q('Har du körkort?', 'janej', 1);
SELECT pg_temp.q('Hur hörde du talas om insatsen?', 'enval', 2);
SELECT pg_temp.opt('Hur hörde du talas om insatsen?', 'Arbetsförmedlingen', 1);
SELECT pg_temp.opt('Hur hörde du talas om insatsen?', 'Försäkringskassan', 2);
SELECT pg_temp.opt('Hur hörde du talas om insatsen?', 'Annat', 3);
SELECT pg_temp.q('Antal år i yrket', 'heltal', 3);
SELECT pg_temp.q('Har du deltagit förut?', 'janej', 4);
SELECT pg_temp.q('Arbetar du?', 'enval', 5);
SELECT pg_temp.opt('Arbetar du?', 'Ja, heltid', 1);
SELECT pg_temp.opt('Arbetar du?', 'Ja, deltid', 2);
SELECT pg_temp.opt('Arbetar du?', 'Nej', 3);
SELECT pg_temp.q('Hur stor är hushållets inkomst?', 'heltal', 6);
SELECT pg_temp.opt('Arbetar du?', 'Ja, med inkomst', 4);
-- Answers belong to a participation (schema 0008): one on H insats,
-- categorised for persons, with its audit row in this transaction.
UPDATE insats SET inriktning_id = pg_temp.kod('inriktning', 'INDIVID'),
    preciserad_id = pg_temp.kod('preciserad_inriktning', 'REHAB'),
    matningsmetod_id = pg_temp.kod('matningsmetod', 'PERSON')
WHERE namn = 'H insats';
INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
SELECT id, pg_temp.kod('malgrupp', 'UNGA') FROM insats WHERE namn = 'H insats';
CREATE TEMP TABLE hd AS SELECT pg_temp.deltagare('H insats', '189202209806',
    '2016-03-01') AS id;
GRANT SELECT ON hd TO sus_app;
INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle, ja)
VALUES (pg_temp.fraga('Har du deltagit förut?'), (SELECT id FROM hd), 'in',
    true);
INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle, alternativ_id)
VALUES (pg_temp.fraga('Arbetar du?'), (SELECT id FROM hd), 'in',
    pg_temp.alt('Arbetar du?', 'Ja, heltid'));
SELECT lives_ok($$SELECT pg_temp.at_commit(ARRAY[]::text[])$$,
    'the valid questions pass the commit check');

-- Blocked words (SU021), from the list, in any case.
SELECT throws_ok($$SELECT pg_temp.q('Hur är din HÄLSA?', 'janej', 6)$$,
    'SU021', NULL, 'a question about HÄLSA is refused');
SELECT throws_ok($$SELECT pg_temp.q('Har du en diagnos?', 'janej', 6)$$,
    'SU021', NULL, 'a question about a diagnos is refused');
SELECT throws_ok($$UPDATE fraga SET namn = 'Har du begått brott?'
    WHERE id = pg_temp.fraga('Har du körkort?')$$,
    'SU021', NULL, 'a question cannot be changed to one');
SELECT throws_ok($$SELECT pg_temp.opt('Hur hörde du talas om insatsen?',
    'Via min Religion', 4)$$,
    'SU021', NULL, 'an option with a blocked word is refused');
SELECT throws_ok($$UPDATE fraga_alternativ SET text = 'Sjukdom'
    WHERE id = pg_temp.alt('Hur hörde du talas om insatsen?', 'Annat')$$,
    'SU021', NULL, 'an option cannot be changed to one');
SELECT lives_ok($$SELECT pg_temp.opt('Hur hörde du talas om insatsen?',
    'Via en vän', 4)$$, 'a neutral option is accepted');
INSERT INTO kod (lista, kod, namn) VALUES ('sparrord', 'H_INKOMST', 'inkomst');
UPDATE kod SET aktiv = false WHERE id = pg_temp.kod('sparrord', 'POLITISK');
SELECT throws_ok($$SELECT pg_temp.q('Vad är din inkomst?', 'heltal', 6)$$,
    'SU021', NULL, 'a word added to the list blocks at once');
SELECT lives_ok($$SELECT pg_temp.q('Var det en politisk fråga?', 'janej', 6)$$,
    'a deactivated word no longer blocks');
SELECT lives_ok($$UPDATE fraga SET giltig_tom = '2026-12-31', ordning = 16,
    namn = namn WHERE id = pg_temp.fraga('Hur stor är hushållets inkomst?')$$,
    'a question from before the word was blocked may still be closed');
SELECT throws_ok($$UPDATE fraga SET namn = 'Hur stor är din inkomst?'
    WHERE id = pg_temp.fraga('Hur stor är hushållets inkomst?')$$,
    'SU021', NULL, 'but not reworded with the word still in it');
SELECT lives_ok($$UPDATE fraga_alternativ SET ordning = 14
    WHERE id = pg_temp.alt('Arbetar du?', 'Ja, med inkomst')$$,
    'an option from before the word was blocked may still move');
SELECT throws_ok($$UPDATE fraga_alternativ SET text = 'Ja, med lön (inkomst)'
    WHERE id = pg_temp.alt('Arbetar du?', 'Ja, med inkomst')$$,
    'SU021', NULL, 'but not be reworded with the word still in it');

-- Answered questions: not deleted (SU015), type and answered options
-- kept (SU018); closing and rewording are allowed.
SELECT throws_ok($$DELETE FROM fraga
    WHERE id = pg_temp.fraga('Har du deltagit förut?')$$,
    'SU015', NULL, 'an answered question cannot be deleted');
SELECT lives_ok($$DELETE FROM fraga
    WHERE id = pg_temp.fraga('Antal år i yrket')$$,
    'an unanswered question may be deleted');
SELECT throws_ok($$UPDATE fraga SET svarstyp = 'heltal'
    WHERE id = pg_temp.fraga('Har du deltagit förut?')$$,
    'SU018', NULL, 'an answered question keeps its answer type');
SELECT lives_ok($$UPDATE fraga SET svarstyp = 'heltal'
    WHERE id = pg_temp.fraga('Har du körkort?')$$,
    'an unanswered question may change answer type');
SELECT lives_ok($$UPDATE fraga SET giltig_tom = '2026-12-31',
    namn = 'Har du deltagit i en insats förut?'
    WHERE id = pg_temp.fraga('Har du deltagit förut?')$$,
    'an answered question may be closed and reworded');
SELECT throws_ok($$UPDATE fraga SET giltig_tom = '2015-12-31'
    WHERE id = pg_temp.fraga('Arbetar du?')$$,
    '23514', NULL, 'a question cannot close before it opens');
SELECT throws_ok($$DELETE FROM fraga_alternativ
    WHERE id = pg_temp.alt('Arbetar du?', 'Ja, heltid')$$,
    'SU018', NULL, 'an answered option cannot be deleted');
SELECT throws_ok($$UPDATE fraga_alternativ SET text = 'Ja, mer än halvtid'
    WHERE id = pg_temp.alt('Arbetar du?', 'Ja, heltid')$$,
    'SU018', NULL, 'an answered option cannot be renamed');
SELECT lives_ok($$UPDATE fraga_alternativ SET ordning = 9
    WHERE id = pg_temp.alt('Arbetar du?', 'Ja, heltid')$$,
    'an answered option may move');
SELECT lives_ok($$UPDATE fraga_alternativ SET text = 'Ja, mindre än heltid'
    WHERE id = pg_temp.alt('Arbetar du?', 'Ja, deltid')$$,
    'an unanswered option may be renamed');
SELECT lives_ok($$DELETE FROM fraga_alternativ
    WHERE id = pg_temp.alt('Arbetar du?', 'Nej')$$,
    'an unanswered option may be deleted');
SELECT throws_ok($$SELECT pg_temp.opt('Arbetar du?', 'Ja, mindre än heltid',
    4)$$, '23505', NULL, 'the same option twice is refused');
UPDATE fraga SET updated_at = '2000-01-01', obligatorisk = true
WHERE id = pg_temp.fraga('Arbetar du?');
SELECT is((SELECT updated_at FROM fraga
    WHERE id = pg_temp.fraga('Arbetar du?')), now(),
    'a changed question gets a new updated_at');

-- Options fit the answer type at commit (SU023).
SELECT ok((SELECT bool_and(tgdeferrable AND tginitdeferred) FROM pg_trigger
    WHERE tgname = 'fraga_alternativ_count') AND (SELECT count(*)
    FROM pg_trigger WHERE tgname = 'fraga_alternativ_count') = 2,
    'the option count waits for the commit, on both tables');
SELECT lives_ok($$SELECT pg_temp.at_commit(ARRAY[]::text[])$$,
    'every change above left valid questions');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'SELECT pg_temp.q(''En fråga'', ''enval'', 7)',
    'SELECT pg_temp.opt(''En fråga'', ''Bara ett'', 1)'])$$,
    'SU023', NULL, 'a single choice question with one option');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'SELECT pg_temp.q(''Tom fråga'', ''flerval'', 7)'])$$,
    'SU023', NULL, 'a multiple choice question without options');
SELECT lives_ok($$SELECT pg_temp.at_commit(ARRAY[
    'SELECT pg_temp.q(''Vilka dagar passar?'', ''flerval'', 7)',
    'SELECT pg_temp.opt(''Vilka dagar passar?'', ''Måndag'', 1)',
    'SELECT pg_temp.opt(''Vilka dagar passar?'', ''Tisdag'', 2)'])$$,
    'a choice question whose options come in later statements');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'SELECT pg_temp.q(''Ja eller nej?'', ''janej'', 8)',
    'SELECT pg_temp.opt(''Ja eller nej?'', ''Kanske'', 1)'])$$,
    'SU023', NULL, 'a ja/nej question with an option');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'SELECT pg_temp.q(''Hur många?'', ''heltal'', 8)',
    'SELECT pg_temp.opt(''Hur många?'', ''Tre'', 1)'])$$,
    'SU023', NULL, 'an integer question with an option');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'DELETE FROM fraga_alternativ WHERE id = pg_temp.alt(''Arbetar du?'', '
    '''Ja, mindre än heltid'')',
    'DELETE FROM fraga_alternativ WHERE id = pg_temp.alt(''Arbetar du?'', '
    '''Ja, med inkomst'')'])$$,
    'SU023', NULL, 'removing all but one option of a choice question');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE fraga SET svarstyp = ''janej'' WHERE id = '
    'pg_temp.fraga(''Hur hörde du talas om insatsen?'')'])$$,
    'SU023', NULL, 'a choice question turned ja/nej keeping its options');
SELECT lives_ok($$SELECT pg_temp.at_commit(ARRAY[
    'UPDATE fraga SET svarstyp = ''flerval'' WHERE id = '
    'pg_temp.fraga(''Hur hörde du talas om insatsen?'')'])$$,
    'single choice turned multiple choice');
SELECT lives_ok($$SELECT pg_temp.at_commit(ARRAY[
    'DELETE FROM fraga WHERE id = '
    'pg_temp.fraga(''Hur hörde du talas om insatsen?'')'])$$,
    'a choice question deleted with its options');
SET CONSTRAINTS ALL DEFERRED;

-- Audit: a row for every insert, update and delete of each table, with
-- who and the object's id (the samverkansorg's for rows without one).
INSERT INTO anvandare (username, password_hash, fornamn, efternamn,
    arbetsgivare_id) VALUES ('h_actor', '$argon2id$v=19$x', 'Aud', 'Itor',
    pg_temp.org('H kommun'));
CREATE TEMP TABLE mark AS SELECT coalesce(max(id), 0) AS id FROM audit;
SELECT set_config('sus.user_id', pg_temp.uid('h_actor')::text, true);

INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
VALUES ('H audit', 1, '2020-01-01');
UPDATE samverkansorg SET beskrivning = 'Granskas' WHERE namn = 'H audit';
CREATE TEMP TABLE aud AS SELECT pg_temp.sorg('H audit') AS sorg;
INSERT INTO samverkansorg_kommun (samverkansorg_id, kommunkod)
VALUES ((SELECT sorg FROM aud), '1480');
UPDATE samverkansorg_kommun SET kommunkod = '1481'
WHERE samverkansorg_id = (SELECT sorg FROM aud);
DELETE FROM samverkansorg_kommun WHERE samverkansorg_id = (SELECT sorg FROM aud);
INSERT INTO samverkansorg_organisation (samverkansorg_id, organisation_id,
    finansiar) VALUES ((SELECT sorg FROM aud), pg_temp.org('H kommun'), true);
UPDATE samverkansorg_organisation SET konsument = true
WHERE samverkansorg_id = (SELECT sorg FROM aud);
SELECT pg_temp.fin('H audit', 2020, 'H kommun', false, 'Bidrag');
UPDATE samorg_finansiering SET belopp = 123456, utfall = 120000
WHERE samverkansorg_id = (SELECT sorg FROM aud);
CREATE TEMP TABLE audfin AS SELECT id FROM samorg_finansiering
WHERE samverkansorg_id = (SELECT sorg FROM aud);
DELETE FROM samorg_finansiering WHERE samverkansorg_id = (SELECT sorg FROM aud);
DELETE FROM samverkansorg_organisation
WHERE samverkansorg_id = (SELECT sorg FROM aud);
SELECT pg_temp.adm('H audit', 2020, 'kostnadstyp', 'PERSONAL');
UPDATE samorg_admkostnad SET utfall = 1000
WHERE samverkansorg_id = (SELECT sorg FROM aud);
DELETE FROM samorg_admkostnad WHERE samverkansorg_id = (SELECT sorg FROM aud);
INSERT INTO insats (samverkansorg_id, namn, startdatum)
VALUES ((SELECT sorg FROM aud), 'H audit insats', '2020-01-01');
INSERT INTO insats_budgetpost (insats_id, ar, budgettyp_id, budget)
SELECT id, 2020, pg_temp.kod('budgettyp', 'ESF'), 1 FROM insats
WHERE namn = 'H audit insats';
UPDATE insats_budgetpost SET utfall = 1 WHERE insats_id =
    (SELECT id FROM insats WHERE namn = 'H audit insats');
DELETE FROM insats_budgetpost WHERE insats_id =
    (SELECT id FROM insats WHERE namn = 'H audit insats');
DELETE FROM insats WHERE namn = 'H audit insats';
INSERT INTO fraga (samverkansorg_id, namn, giltig_from, mattillfalle,
    svarstyp, ordning) VALUES ((SELECT sorg FROM aud), 'Granskad fråga',
    '2020-01-01', 'bada', 'enval', 1);
INSERT INTO fraga_alternativ (fraga_id, text, ordning)
SELECT pg_temp.fraga('Granskad fråga'), t, o
FROM (VALUES ('Ett', 1), ('Två', 2), ('Tre', 3)) AS v(t, o);
UPDATE fraga_alternativ SET text = 'Fyra'
WHERE id = pg_temp.alt('Granskad fråga', 'Tre');
DELETE FROM fraga_alternativ WHERE id = pg_temp.alt('Granskad fråga', 'Fyra');
UPDATE fraga SET obligatorisk = true WHERE namn = 'Granskad fråga';
DELETE FROM fraga WHERE namn = 'Granskad fråga';
DELETE FROM samverkansorg WHERE namn = 'H audit';
SELECT pg_temp.order9447('Samordningsförbundet Granskad', '222222-9009', 1);
UPDATE samorg_bestallning SET kontakt_telefon = '031-999999'
WHERE namn = 'Samordningsförbundet Granskad';
DELETE FROM samorg_bestallning WHERE namn = 'Samordningsförbundet Granskad';
INSERT INTO kod (lista, kod, namn) VALUES ('malgrupp', 'H_AUDIT', 'Granskade');
UPDATE kod SET ordning = 99 WHERE id = pg_temp.kod('malgrupp', 'H_AUDIT');
DELETE FROM kod WHERE id = pg_temp.kod('malgrupp', 'H_AUDIT');
INSERT INTO organisation (namn, organisationstyp)
VALUES ('H granskad', 'Kommun');
UPDATE organisation SET kommunkod = '1480' WHERE namn = 'H granskad';
DELETE FROM organisation WHERE namn = 'H granskad';
SELECT set_config('sus.user_id', '', true);

-- Insatser are audited too since 0007; tests/db/10_insats.sql checks them.
SELECT set_eq($$SELECT DISTINCT object_type || ':' || action FROM audit
    WHERE id > (SELECT id FROM mark) AND object_type <> 'insats'$$,
    $$SELECT t || ':' || a FROM unnest(ARRAY['samverkansorg',
    'samverkansorg_kommun', 'samverkansorg_organisation',
    'samorg_finansiering', 'samorg_admkostnad', 'insats_budgetpost',
    'samorg_bestallning', 'fraga', 'fraga_alternativ', 'kod',
    'organisation']) AS t, unnest(ARRAY['insert', 'update', 'delete']) AS a$$,
    'every insert, update and delete of the eleven tables is audited');
SELECT is_empty($$SELECT id FROM audit WHERE id > (SELECT id FROM mark)
    AND (object_id IS NULL OR anvandare_id IS DISTINCT FROM
    pg_temp.uid('h_actor'))$$,
    'every row names the object and who changed it');
SELECT is_empty($$SELECT id FROM audit WHERE id > (SELECT id FROM mark)
    AND object_type NOT IN ('samverkansorg_kommun',
    'samverkansorg_organisation') AND object_id <>
    coalesce(detail->'new'->>'id', detail->'old'->>'id')::bigint$$,
    'a row with an id is audited under that id');
SELECT is((SELECT count(*) FROM audit WHERE id > (SELECT id FROM mark)
    AND object_type IN ('samverkansorg_kommun', 'samverkansorg_organisation')
    AND object_id = (SELECT sorg FROM aud))::int, 6,
    'kommun and ingående rows are audited under their samverkansorg');
SELECT is((SELECT format('%s %s %s %s', action, detail->'old'->>'belopp',
    detail->'new'->>'belopp', detail->'new'->>'utfall') FROM audit
    WHERE id > (SELECT id FROM mark) AND object_type = 'samorg_finansiering'
    AND object_id = (SELECT id FROM audfin) AND action = 'update'),
    'update 100000 123456 120000', 'a changed line is audited old and new');
SELECT is((SELECT count(*) FROM audit WHERE id > (SELECT id FROM mark)
    AND object_type = 'fraga_alternativ' AND action = 'delete')::int, 3,
    'options deleted with their question are audited one by one');
SELECT is_empty($$SELECT id FROM audit WHERE id > (SELECT id FROM mark)
    AND (detail->'new' ? 'updated_at' OR detail->'old' ? 'updated_at')$$,
    'updated_at is left out of the audit detail');

-- The application role: exactly the privileges of 0006 (and 0003 for
-- the samverkansorg tables it builds on), answers as 0008 widened them.
SELECT table_privs_are('kodlista', 'sus_app', ARRAY['SELECT'],
    'sus_app only reads kodlista');
SELECT table_privs_are('fraga_svar', 'sus_app',
    ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    'sus_app reads and writes fraga_svar (the answers, schema 0008)');
SELECT table_privs_are('kod', 'sus_app', ARRAY['SELECT', 'INSERT', 'UPDATE'],
    'sus_app reads, adds and changes codes, never deletes them');
SELECT table_privs_are('organisation', 'sus_app',
    ARRAY['SELECT', 'INSERT', 'UPDATE'],
    'sus_app reads, adds and changes organisations');
SELECT table_privs_are('samorg_bestallning', 'sus_app',
    ARRAY['SELECT', 'INSERT', 'UPDATE'],
    'sus_app reads, adds and decides 9447 orders');
SELECT table_privs_are('samverkansorg', 'sus_app',
    ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    'sus_app on samverkansorg as 0003 gave it');
SELECT table_privs_are(t, 'sus_app',
    ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    'sus_app reads and writes ' || t)
FROM unnest(ARRAY['samorg_finansiering', 'samorg_admkostnad',
    'insats_budgetpost', 'fraga', 'fraga_alternativ']) AS t;
SELECT sequence_privs_are(s, 'sus_app', ARRAY['USAGE', 'SELECT'],
    'sus_app draws ids from ' || s)
FROM unnest(ARRAY['kod_id_seq', 'organisation_id_seq',
    'samorg_finansiering_id_seq', 'samorg_admkostnad_id_seq',
    'insats_budgetpost_id_seq', 'samorg_bestallning_id_seq', 'fraga_id_seq',
    'fraga_alternativ_id_seq']) AS s;
SELECT sequence_privs_are('fraga_svar_id_seq', 'sus_app',
    ARRAY['USAGE', 'SELECT'], 'sus_app draws answer ids (schema 0008)');

SET LOCAL ROLE sus_app;
SELECT set_config('sus.user_id', pg_temp.uid('h_admin')::text, true);
SELECT lives_ok($$INSERT INTO kod (lista, kod, namn)
    VALUES ('malgrupp', 'H_APP', 'Appens målgrupp')$$, 'sus_app adds a code');
SELECT lives_ok($$INSERT INTO organisation (namn, organisationstyp)
    VALUES ('H appens kommun', 'Kommun')$$, 'sus_app adds an organisation');
SELECT lives_ok($$SELECT pg_temp.fin('H förbund', 2018, 'H kommun', false,
    'Från appen')$$, 'sus_app adds a finance line');
SELECT lives_ok($$SELECT pg_temp.order9447('Samordningsförbundet Appen',
    '222222-9010', 1)$$, 'sus_app stores a 9447 order');
SELECT throws_ok($$DELETE FROM kod WHERE id = pg_temp.kod('malgrupp', 'H_APP')$$,
    '42501', NULL, 'sus_app cannot delete a code');
SELECT throws_ok($$INSERT INTO kodlista (namn, titel, ordning)
    VALUES ('h_lista', 'Lista', 99)$$,
    '42501', NULL, 'sus_app cannot add a code list');
SELECT throws_ok($$INSERT INTO fraga_svar (fraga_id, deltagande_id,
    tillfalle, heltal) VALUES (pg_temp.fraga('Har du körkort?'),
    (SELECT id FROM hd), 'ut', 3)$$, 'SU062', NULL,
    'sus_app''s answers are held to the questions'' rules');
SELECT throws_ok($$DELETE FROM organisation
    WHERE namn = 'H appens kommun'$$,
    '42501', NULL, 'sus_app cannot delete an organisation');
SELECT throws_ok($$DELETE FROM samorg_bestallning$$,
    '42501', NULL, 'sus_app cannot delete an order');
SELECT throws_ok($$SELECT pg_temp.fin('H förbund', 2018, 'H förening', false,
    'Från appen')$$, 'SU011', NULL, 'the rules hold for sus_app');
SELECT throws_ok($$DELETE FROM fraga
    WHERE id = pg_temp.fraga('Har du deltagit i en insats förut?')$$,
    'SU015', NULL, 'sus_app sees the answers that keep a question');
SELECT is((SELECT count(DISTINCT object_type)::int FROM audit
    WHERE anvandare_id = pg_temp.uid('h_admin')), 4,
    'sus_app''s writes are audited as the session''s user');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
