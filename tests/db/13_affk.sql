-- Af/FK-samarbetet (schema 0010): the tables, their keys and CHECKs,
-- every trigger refusal SU070-SU080 and the shared SU052, SU055, SU056,
-- SU058 and SU063 on the Af/FK tables, each with its SQLSTATE and the
-- accepted case at its edge; the period arithmetic; the content of the
-- övergång table for rules 47-49; the append-only office history; one
-- open ärende per person; what the application role may do; and that
-- the statistics view holds nothing that names a person.
--
-- Only official test personnummer (tests/data/testpersonnummer.csv).
--
-- A first transaction sets up and COMMITs offices and one ärende (E:
-- 200008102386, from 2024-01-10 in Begäran om GK) with its audit rows,
-- so the tests can show that an audit row of an earlier transaction does
-- not cover a later write (SU063). Everything else is made inside the
-- second transaction and rolled back. The checks that wait for COMMIT
-- run at once with SET CONSTRAINTS ALL IMMEDIATE inside a
-- subtransaction (pg_temp.at_commit).

-- Helpers: ids by name, live for the whole session.
CREATE FUNCTION pg_temp.kod(l text, k text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM kod WHERE lista = l AND kod = k $$;
CREATE FUNCTION pg_temp.typ(k text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT pg_temp.kod('affk_insatstyp', k) $$;
CREATE FUNCTION pg_temp.kontor(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM affk_kontor WHERE namn = n $$;
CREATE FUNCTION pg_temp.pid(pnr text) RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT id FROM person WHERE personnummer = pnr
$$;
-- The ärende of pnr that started on fr.
CREATE FUNCTION pg_temp.aid(pnr text, fr text) RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT a.id FROM affk_arende a JOIN person p ON p.id = a.person_id
	WHERE p.personnummer = pnr AND a.startdatum = fr::date
$$;
-- The open period of an ärende, or its last.
CREATE FUNCTION pg_temp.cur(aid bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT id FROM affk_period WHERE arende_id = aid
	ORDER BY startdatum DESC LIMIT 1
$$;
-- The person of pnr, added with its audit row if new.
CREATE FUNCTION pg_temp.person(pnr text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	p	bigint;
BEGIN
	p := pg_temp.pid(pnr);
	IF p IS NULL THEN
		INSERT INTO person (personnummer, namn, kommunkod)
		VALUES (pnr, 'Test Testsson', '1480') RETURNING id INTO p;
		INSERT INTO audit_person (action, purpose, pnr_hash, person_id)
		VALUES ('skriv', 'Test', pnr_hash(pnr), p);
	END IF;
	RETURN p;
END
$$;
-- One audit row naming the ärende (and its person), in this transaction.
CREATE FUNCTION pg_temp.logg(aid bigint) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO audit_person (action, purpose, pnr_hash, person_id,
	    arende_id)
	SELECT 'skriv', 'Test', pnr_hash(p.personnummer), a.person_id, a.id
	FROM affk_arende a LEFT JOIN person p ON p.id = a.person_id
	WHERE a.id = aid
$$;
-- A bare ärende of person p, without audit: for the refusals.
CREATE FUNCTION pg_temp.raw(p bigint, fr text, samtycke boolean,
    sdatum text, af text, fk text) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO affk_arende (person_id, kon_id, fodelsear, kommunkod,
	    initierad_av, samtycke, samtycke_datum, af_kontor_id,
	    fk_kontor_id, startdatum)
	VALUES (p, pg_temp.kod('kon', 'K'), 2000, '1480', 'FK', samtycke,
	    sdatum::date, pg_temp.kontor(af), pg_temp.kontor(fk), fr::date)
$$;
-- An ärende of pnr with consent on its first day and its audit row.
CREATE FUNCTION pg_temp.arende(pnr text, fr text, af text, fk text)
RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	a	bigint;
BEGIN
	PERFORM pg_temp.raw(pg_temp.person(pnr), fr, true, fr, af, fk);
	SELECT max(x.id) INTO a FROM affk_arende x
	    WHERE x.person_id = pg_temp.pid(pnr);
	PERFORM pg_temp.logg(a);
	RETURN a;
END
$$;
-- A bare övergång, without audit.
CREATE FUNCTION pg_temp.raw_steg(aid bigint, typ text, fr text, myn text)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO affk_period (arende_id, insatstyp_id, startdatum,
	    myndighet, af_kontor_id, fk_kontor_id)
	SELECT aid, pg_temp.typ(typ), fr::date, myn, a.af_kontor_id,
	    a.fk_kontor_id FROM affk_arende a WHERE a.id = aid
$$;
-- An övergång with its audit row; the new period's id.
CREATE FUNCTION pg_temp.steg(aid bigint, typ text, fr text, myn text)
RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_temp.logg(aid);
	PERFORM pg_temp.raw_steg(aid, typ, fr, myn);
	RETURN pg_temp.cur(aid);
END
$$;
-- An answer to question q of the period, a code of the question's list
-- (lista overrides the list, for the refusal).
CREATE FUNCTION pg_temp.svar(per bigint, q text, svar text, lst text)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO affk_svar (period_id, fraga_id, svar_lista, svar_id)
	SELECT per, f.id, coalesce(lst, f.lista), k.id
	FROM affk_fraga f JOIN kod k ON k.lista = coalesce(lst, f.lista)
	    AND k.kod = svar
	WHERE f.kod = q AND f.insatstyp_id = coalesce((SELECT p.insatstyp_id
	    FROM affk_period p JOIN affk_fraga g ON g.insatstyp_id =
	    p.insatstyp_id AND g.kod = q WHERE p.id = per),
	    (SELECT min(g.insatstyp_id) FROM affk_fraga g WHERE g.kod = q))
$$;
-- A change of offices, without audit.
CREATE FUNCTION pg_temp.byt(aid bigint, d text, af text, fk text)
RETURNS void
LANGUAGE sql AS $$
	INSERT INTO affk_kontorsbyte (arende_id, datum, fran_af_kontor_id,
	    till_af_kontor_id, fran_fk_kontor_id, till_fk_kontor_id)
	SELECT aid, d::date, a.af_kontor_id, pg_temp.kontor(af),
	    a.fk_kontor_id, pg_temp.kontor(fk) FROM affk_arende a
	WHERE a.id = aid
$$;
-- Runs the statements and then undoes them: throws_ok(..., 'P0001',
-- 'undone') shows they passed, and nothing of them stays.
CREATE FUNCTION pg_temp.then_undo(stmts text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	s	text;
BEGIN
	FOREACH s IN ARRAY stmts LOOP
		EXECUTE s;
	END LOOP;
	RAISE EXCEPTION 'undone';
END
$$;
-- Runs the statements, in one go.
CREATE FUNCTION pg_temp.run(stmts text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	s	text;
BEGIN
	FOREACH s IN ARRAY stmts LOOP
		EXECUTE s;
	END LOOP;
END
$$;
-- Runs the statements and the checks a COMMIT would run, then undoes
-- them: throws_ok(..., 'P0001', 'undone') shows they would commit.
CREATE FUNCTION pg_temp.commit_then_undo(stmts text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	s	text;
BEGIN
	FOREACH s IN ARRAY stmts LOOP
		EXECUTE s;
	END LOOP;
	SET CONSTRAINTS ALL IMMEDIATE;
	RAISE EXCEPTION 'undone';
END
$$;
-- Runs the statements and then the checks a COMMIT would run; inside
-- throws_ok/lives_ok the whole is one subtransaction.
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

-- Committed test data: offices of both authorities (one closed), a
-- Finsam förbund with an insats, the register with one protected
-- person, and E with its first period and one answer.
BEGIN;
INSERT INTO samverkansorg (namn, samverkansform_id, startdatum)
VALUES ('T förbund', 1, '2015-01-01');
INSERT INTO insats (samverkansorg_id, namn, startdatum)
SELECT s.id, v.namn, '2013-02-01' FROM (VALUES
	('AF', 'T Af Göteborg'), ('AF', 'T Af Angered'), ('AF', 'T Af Stängt'),
	('AF', 'T Af Ledig'), ('FK', 'T Fk Göteborg'), ('FK', 'T Fk Malmö'),
	('FK', 'T Fk Ledig')
) AS v(myndighet, namn)
JOIN samverkansorg s ON s.affk_myndighet = v.myndighet;
INSERT INTO insats (samverkansorg_id, namn, startdatum)
SELECT id, 'T Finsam insats', '2015-01-01' FROM samverkansorg
WHERE namn = 'T förbund';
INSERT INTO affk_kontor (myndighet, namn, omrade_lista, omrade_id,
    kontorstyp, insats_id, aktiv)
SELECT v.myndighet, v.namn, v.lista, pg_temp.kod(v.lista, v.omrade), v.typ,
    i.id, v.aktiv
FROM (VALUES
	('AF', 'T Af Göteborg', 'marknadsomrade', 'VAST', NULL, true),
	('AF', 'T Af Angered', 'marknadsomrade', 'VAST', NULL, true),
	('AF', 'T Af Stängt', 'marknadsomrade', 'VAST', NULL, false),
	('FK', 'T Fk Göteborg', 'verksamhetsomrade', 'SJUKFORSAKRING', 'TA',
	    true),
	('FK', 'T Fk Malmö', 'verksamhetsomrade', 'SJUKFORSAKRING', 'FV', true)
) AS v(myndighet, namn, lista, omrade, typ, aktiv)
JOIN insats i ON i.namn = v.namn;
INSERT INTO folkbokforing (personnummer, namn, kommunkod, skyddad)
VALUES ('201404232397', 'Skyddad Testsson', '1480', true);
SELECT pg_temp.arende('200008102386', '2024-01-10', 'T Af Göteborg',
    'T Fk Göteborg');
SELECT pg_temp.svar(pg_temp.steg(pg_temp.aid('200008102386', '2024-01-10'),
    'BEGARAN_GK', '2024-01-10', 'FK'), 'INSKRIVEN_AF_FORE', 'NEJ', NULL);
COMMIT;

BEGIN;
SELECT plan(170);

CREATE TEMP TABLE e AS SELECT pg_temp.aid('200008102386', '2024-01-10') AS id;

-- The tables and their keys.
SELECT has_table(t, 'table ' || t) FROM unnest(ARRAY['affk_kontor',
    'affk_insatstyp', 'affk_overgang', 'affk_fraga', 'affk_arende',
    'affk_period', 'affk_svar', 'affk_kontorsbyte']) AS t;
SELECT has_view('affk_statistik', 'view affk_statistik');
SELECT col_is_pk('affk_svar', ARRAY['period_id', 'fraga_id'],
    'an answer is keyed by its period and question');
SELECT col_is_pk('affk_insatstyp', 'kod_id',
    'an insatstyp is keyed by its code');
SELECT fk_ok('affk_arende', 'person_id', 'person', 'id');
SELECT fk_ok('affk_period', 'arende_id', 'affk_arende', 'id');
SELECT fk_ok('affk_kontor', 'insats_id', 'insats', 'id');
SELECT fk_ok('affk_svar', ARRAY['svar_lista', 'svar_id'], 'kod',
    ARRAY['lista', 'id']);
SELECT index_is_unique('public', 'affk_arende', 'affk_arende_oppet',
    'one open ärende per person (unique index)');
SELECT index_is_unique('public', 'affk_period', 'affk_period_oppen',
    'one open period per ärende (unique index)');
SELECT is((SELECT count(*)::int FROM samverkansorg s JOIN samverkansform f
    ON f.id = s.samverkansform_id WHERE f.kod = 'AFFK'
    AND s.affk_myndighet IS NOT NULL), 2,
    'the two fixed Af/FK organisations, made by the migration');

SELECT throws_ok($$TRUNCATE affk_kontorsbyte $$, '42501', NULL,
    'the office history cannot be truncated');

-- CHECKs and unique keys of the offices.
SELECT throws_ok($$INSERT INTO affk_kontor (myndighet, namn, omrade_lista,
    omrade_id, insats_id) VALUES ('AF', 'T Af Ny', 'verksamhetsomrade',
    pg_temp.kod('verksamhetsomrade', 'SJUKFORSAKRING'),
    (SELECT id FROM insats WHERE namn = 'T Af Ledig'))$$, '23514', NULL,
    'an Af office in a verksamhetsområde is refused');
SELECT throws_ok($$INSERT INTO affk_kontor (myndighet, namn, omrade_lista,
    omrade_id, insats_id) VALUES ('FK', 'T Fk Ny', 'verksamhetsomrade',
    pg_temp.kod('verksamhetsomrade', 'SJUKFORSAKRING'),
    (SELECT id FROM insats WHERE namn = 'T Fk Ledig'))$$, '23514', NULL,
    'an FK office without kontorstyp is refused');
SELECT throws_ok($$INSERT INTO affk_kontor (myndighet, namn, omrade_lista,
    omrade_id, kontorstyp, insats_id) VALUES ('AF', 'T Af Ny',
    'marknadsomrade', pg_temp.kod('marknadsomrade', 'VAST'), 'TA',
    (SELECT id FROM insats WHERE namn = 'T Af Ledig'))$$, '23514', NULL,
    'an Af office with a kontorstyp is refused');
SELECT throws_ok($$INSERT INTO affk_kontor (myndighet, namn, omrade_lista,
    omrade_id, amo_id, kontorstyp, insats_id) VALUES ('FK', 'T Fk Ny',
    'verksamhetsomrade', pg_temp.kod('verksamhetsomrade', 'SJUKFORSAKRING'),
    pg_temp.kod('arbetsmarknadsomrade', 'STORSTAD'), 'TA',
    (SELECT id FROM insats WHERE namn = 'T Fk Ledig'))$$, '23514', NULL,
    'an FK office with an arbetsmarknadsområde is refused');
SELECT throws_ok($$INSERT INTO affk_kontor (myndighet, namn, omrade_lista,
    omrade_id, insats_id) VALUES ('AF', 'T Af Göteborg', 'marknadsomrade',
    pg_temp.kod('marknadsomrade', 'VAST'),
    (SELECT id FROM insats WHERE namn = 'T Af Ledig'))$$, '23505', NULL,
    'two offices of one authority with one name are refused');
SELECT throws_ok($$INSERT INTO affk_kontor (myndighet, namn, omrade_lista,
    omrade_id, insats_id) VALUES ('AF', 'T Af Ny', 'marknadsomrade',
    pg_temp.kod('marknadsomrade', 'VAST'), (SELECT insats_id FROM affk_kontor
    WHERE namn = 'T Af Göteborg'))$$, '23505', NULL,
    'two offices on one insats are refused');
SELECT throws_ok($$INSERT INTO affk_kontor (myndighet, namn, omrade_lista,
    omrade_id, insats_id) VALUES ('AF', 'T Af Ny', 'marknadsomrade',
    pg_temp.kod('verksamhetsomrade', 'SJUKFORSAKRING'),
    (SELECT id FROM insats WHERE namn = 'T Af Ledig'))$$, '23503', NULL,
    'an område from another list is refused');

-- SU079: an office's insats belongs to its authority's organisation.
SELECT throws_ok($$INSERT INTO affk_kontor (myndighet, namn, omrade_lista,
    omrade_id, insats_id) VALUES ('AF', 'T Af Ny', 'marknadsomrade',
    pg_temp.kod('marknadsomrade', 'VAST'),
    (SELECT id FROM insats WHERE namn = 'T Finsam insats'))$$, 'SU079',
    NULL, 'SU079: an office on a Finsam insats');
SELECT throws_ok($$INSERT INTO affk_kontor (myndighet, namn, omrade_lista,
    omrade_id, insats_id) VALUES ('AF', 'T Af Ny', 'marknadsomrade',
    pg_temp.kod('marknadsomrade', 'VAST'),
    (SELECT id FROM insats WHERE namn = 'T Fk Ledig'))$$, 'SU079', NULL,
    'SU079: an Af office on an insats of Försäkringskassan''s organisation');
SELECT throws_ok($$UPDATE affk_kontor SET insats_id = (SELECT id FROM insats
    WHERE namn = 'T Fk Ledig') WHERE namn = 'T Af Angered'$$, 'SU079', NULL,
    'SU079: an office moved to the other authority''s insats');
SELECT throws_ok($$SELECT pg_temp.then_undo(ARRAY['INSERT INTO affk_kontor
    (myndighet, namn, omrade_lista, omrade_id, insats_id) VALUES (''AF'',
    ''T Af Ny'', ''marknadsomrade'', pg_temp.kod(''marknadsomrade'',
    ''VAST''), (SELECT id FROM insats WHERE namn = ''T Af Ledig''))'])$$,
    'P0001', 'undone', 'an Af office on its own organisation''s insats');

-- The insatstyper, their kind and authority (3.14).
SELECT set_eq($$SELECT kod_kod(kod_id) || ':' || slag || ':' || myndighet
    FROM affk_insatstyp$$,
    ARRAY['BEGARAN_GK:vantan:FK', 'GK:aktivitet:FK',
    'PLANERAD_FORBEREDANDE:vantan:FK', 'PLANERAD_ARBETSLIV:vantan:FK',
    'ARBETSFORBEREDANDE:aktivitet:AF', 'ARBETSLIVSINRIKTADE:aktivitet:AF',
    'KONSULTATIVT_STOD:aktivitet:FK', 'AVSLUTAT:avslut:bada',
    'AVBRUTET:avslut:bada'],
    'the nine insatstyper with their kind and authority');
SELECT is_empty($$SELECT kod FROM kod WHERE lista = 'affk_insatstyp'
    AND NOT fast$$, 'every insatstyp is a fixed code');

-- The övergångar (rules 47-49).
SELECT is((SELECT count(*)::int FROM affk_overgang), 25,
    'twenty-five övergångar');
SELECT is_empty($$SELECT fran_id, till_id FROM affk_overgang
    GROUP BY 1, 2 HAVING count(*) > 1$$,
    'each övergång is registered by one authority');
SELECT set_eq($$SELECT kod_kod(till_id) || ':' || myndighet FROM affk_overgang
    WHERE fran_id IS NULL$$, ARRAY['BEGARAN_GK:FK', 'GK:FK'],
    'FK registers the first step, Begäran om GK or GK');
SELECT set_eq($$SELECT kod_kod(fran_id) || ':' || myndighet FROM affk_overgang
    WHERE till_id = pg_temp.typ('AVSLUTAT') AND myndighet = 'FK'$$,
    ARRAY['GK:FK', 'KONSULTATIVT_STOD:FK'],
    'FK registers Avslutat samarbete only from GK and Konsultativt stöd');
SELECT set_eq($$SELECT kod_kod(fran_id) FROM affk_overgang
    WHERE till_id = pg_temp.typ('AVSLUTAT') AND myndighet = 'AF'$$,
    ARRAY['PLANERAD_FORBEREDANDE', 'PLANERAD_ARBETSLIV',
    'ARBETSFORBEREDANDE', 'ARBETSLIVSINRIKTADE'],
    'Af registers every later Avslutat samarbete');
SELECT is_empty($$SELECT 1 FROM affk_overgang o JOIN affk_insatstyp t
    ON t.kod_id = o.till_id WHERE t.myndighet <> 'bada'
    AND t.myndighet <> o.myndighet$$,
    'an insatstyp of one authority is registered by that authority: Af the '
    'aktiva insatser, FK the rest');
SELECT set_eq($$SELECT DISTINCT kod_kod(till_id) FROM affk_overgang
    WHERE myndighet = 'AF' AND till_id IN (SELECT kod_id FROM affk_insatstyp
    WHERE slag = 'aktivitet')$$,
    ARRAY['ARBETSFORBEREDANDE', 'ARBETSLIVSINRIKTADE'],
    'the aktiva insatser Af registers');
SELECT is_empty($$SELECT 1 FROM affk_overgang o JOIN affk_insatstyp t
    ON t.kod_id = o.fran_id WHERE t.slag = 'avslut'$$,
    'nothing leaves an ending');
SELECT set_eq($$SELECT kod_kod(o.fran_id) || ':' || o.myndighet
    FROM affk_overgang o WHERE o.till_id = pg_temp.typ('AVBRUTET')$$,
    ARRAY['BEGARAN_GK:FK', 'GK:FK', 'KONSULTATIVT_STOD:FK',
    'PLANERAD_FORBEREDANDE:AF', 'PLANERAD_ARBETSLIV:AF',
    'ARBETSFORBEREDANDE:AF', 'ARBETSLIVSINRIKTADE:AF'],
    'Avbrutet samarbete by the authority that owns the current step');
SELECT throws_ok($$INSERT INTO affk_overgang (fran_id, till_id, myndighet)
    VALUES (NULL, pg_temp.typ('GK'), 'bada')$$, '23514', NULL,
    'an övergång registered by both is refused');

-- The questions.
SELECT set_eq($$SELECT kod_kod(insatstyp_id) || ':' || kod || ':' || lista
    || ':' || obligatorisk FROM affk_fraga$$,
    ARRAY['BEGARAN_GK:INSKRIVEN_AF_FORE:janej:true',
    'BEGARAN_GK:FORSORJNING_FORE:forsorjning:true',
    'GK:INSKRIVEN_AF_FORE:janej:true', 'GK:FORSORJNING_FORE:forsorjning:true',
    'AVSLUTAT:INSKRIVEN_AF_EFTER:janej:true',
    'AVSLUTAT:ARBETAR_EFTER:janej:true',
    'AVSLUTAT:TYP_AV_ARBETE:affk_typ_arbete:true',
    'AVSLUTAT:STUDERAR_EFTER:janej:true', 'AVBRUTET:ORSAK:affk_avbrott:true'],
    'the step questions with their lists');
SELECT results_eq($$SELECT v.kod, kod_kod(f.villkor_svar_id) FROM affk_fraga f
    JOIN affk_fraga v ON v.id = f.villkor_fraga_id$$,
    $$VALUES ('ARBETAR_EFTER', 'JA')$$,
    'Typ av arbete is asked only when Arbetar direkt efter is Ja');
SELECT is_empty($$SELECT f.id FROM affk_fraga f JOIN affk_fraga v
    ON v.id = f.villkor_fraga_id WHERE v.insatstyp_id <> f.insatstyp_id$$,
    'a villkor is a question of the same step');
SELECT throws_ok($$INSERT INTO affk_fraga (insatstyp_id, kod, text, lista,
    villkor_fraga_id) VALUES (pg_temp.typ('GK'), 'X', 'x', 'janej',
    (SELECT min(id) FROM affk_fraga))$$, '23514', NULL,
    'a villkor without its answer is refused');
SELECT throws_ok($$INSERT INTO affk_fraga (insatstyp_id, kod, text, lista)
    VALUES (pg_temp.typ('GK'), 'fel kod', 'x', 'janej')$$, '23514', NULL,
    'a question code outside A-Z0-9_ is refused');
SELECT set_has($$SELECT lista || ':' || kod FROM kod WHERE fast$$,
    $$VALUES ('affk_avbrott:SAMTYCKE_ATERKALLAT'),
    ('affk_avbrott:EGET_AVBROTT'), ('janej:JA'), ('janej:NEJ')$$,
    'the answers the rules rely on are fixed codes');

-- The ärende (rules 34, 50, 52).
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.person('200008172397'),
    '2024-02-01', false, '2024-02-01', 'T Af Göteborg', 'T Fk Göteborg')$$,
    'SU055', NULL, 'SU055: an ärende without consent');
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.person('200008172397'),
    '2024-02-01', true, NULL, 'T Af Göteborg', 'T Fk Göteborg')$$,
    'SU055', NULL, 'SU055: consent without its date');
SELECT throws_ok(format($$SELECT pg_temp.raw(pg_temp.person('200008172397'),
    %L, true, %L, 'T Af Göteborg', 'T Fk Göteborg')$$, current_date + 1,
    current_date), 'SU052', NULL, 'SU052: an ärende starting tomorrow');
SELECT throws_ok(format($$SELECT pg_temp.raw(pg_temp.person('200008172397'),
    %L, true, %L, 'T Af Göteborg', 'T Fk Göteborg')$$, current_date,
    current_date + 1), 'SU052', NULL, 'SU052: consent given tomorrow');
SELECT throws_ok($$SELECT pg_temp.then_undo(ARRAY[format('SELECT pg_temp.arende(
    ''200008172397'', %L, ''T Af Göteborg'', ''T Fk Göteborg'')',
    current_date)])$$, 'P0001', 'undone', 'an ärende starting today');
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.person('200008172397'),
    '2013-01-31', true, '2013-01-31', 'T Af Göteborg', 'T Fk Göteborg')$$,
    'SU080', NULL, 'SU080: an ärende before the co-operation began');
SELECT throws_ok($$SELECT pg_temp.then_undo(ARRAY['SELECT pg_temp.arende(
    ''200008172397'', ''2013-02-01'', ''T Af Göteborg'', ''T Fk Göteborg'')'
    ])$$, 'P0001', 'undone', 'an ärende on the day it began');
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.person('200008172397'),
    '2024-02-01', true, '2024-02-01', 'T Fk Malmö', 'T Fk Göteborg')$$,
    'SU075', NULL, 'SU075: an FK office as the Af office');
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.person('200008172397'),
    '2024-02-01', true, '2024-02-01', 'T Af Göteborg', 'T Af Angered')$$,
    'SU075', NULL, 'SU075: an Af office as the FK office');
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.person('200008172397'),
    '2024-02-01', true, '2024-02-01', 'T Af Stängt', 'T Fk Göteborg')$$,
    'SU075', NULL, 'SU075: a closed office');
SELECT throws_ok($$UPDATE affk_arende SET af_kontor_id =
    pg_temp.kontor('T Fk Malmö') WHERE id = (SELECT id FROM e)$$, 'SU075',
    NULL, 'SU075: an ärende moved to an office of the wrong authority');
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.person('201404232397'),
    '2024-02-01', true, '2024-02-01', 'T Af Göteborg', 'T Fk Göteborg')$$,
    'SU056', NULL, 'SU056: a person with skyddade personuppgifter');
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.person('200008102386'),
    '2024-06-01', true, '2024-06-01', 'T Af Göteborg', 'T Fk Göteborg')$$,
    'SU074', NULL, 'SU074: a second open ärende for a person');
SELECT throws_ok($$INSERT INTO affk_arende (person_id, kon_id, fodelsear,
    initierad_av, samtycke, samtycke_datum, af_kontor_id, fk_kontor_id,
    startdatum, avidentifierad, avidentifierad_orsak) VALUES (NULL,
    pg_temp.kod('kon', 'K'), 2000, 'FK', true, '2024-01-01',
    pg_temp.kontor('T Af Göteborg'), pg_temp.kontor('T Fk Göteborg'),
    '2024-01-01', now(), 'gallring')$$, 'SU058', NULL,
    'SU058: an ärende inserted already stripped');
SELECT throws_ok($$INSERT INTO affk_arende (person_id, kon_id, fodelsear,
    initierad_av, samtycke, samtycke_datum, af_kontor_id, fk_kontor_id,
    startdatum) VALUES (NULL, pg_temp.kod('kon', 'K'), 2000, 'FK', true,
    '2024-01-01', pg_temp.kontor('T Af Göteborg'),
    pg_temp.kontor('T Fk Göteborg'), '2024-01-01')$$, '23514', NULL,
    'an ärende without a person that is not stripped is refused');
SELECT throws_ok($$INSERT INTO affk_arende (person_id, kon_id, fodelsear,
    initierad_av, samtycke, samtycke_datum, af_kontor_id, fk_kontor_id,
    startdatum) VALUES (pg_temp.person('200008172397'),
    pg_temp.kod('kon', 'K'), 1870, 'FK', true, '2024-01-01',
    pg_temp.kontor('T Af Göteborg'), pg_temp.kontor('T Fk Göteborg'),
    '2024-01-01')$$, '23514', NULL, 'a födelseår before 1880 is refused');
SELECT throws_ok($$INSERT INTO affk_arende (person_id, kon_id, fodelsear,
    initierad_av, samtycke, samtycke_datum, af_kontor_id, fk_kontor_id,
    startdatum) VALUES (pg_temp.person('200008172397'),
    pg_temp.kod('kon', 'K'), 2000, 'KOMMUN', true, '2024-01-01',
    pg_temp.kontor('T Af Göteborg'), pg_temp.kontor('T Fk Göteborg'),
    '2024-01-01')$$, '23514', NULL,
    'an ärende initiated by neither authority is refused');
SELECT throws_ok($$INSERT INTO affk_arende (person_id, kon_id, fodelsear,
    initierad_av, samtycke, samtycke_datum, af_kontor_id, fk_kontor_id,
    startdatum) VALUES (pg_temp.person('200008172397'),
    pg_temp.kod('forsorjning', 'SJUKPENNING'), 2000, 'FK', true,
    '2024-01-01', pg_temp.kontor('T Af Göteborg'),
    pg_temp.kontor('T Fk Göteborg'), '2024-01-01')$$, '23503', NULL,
    'a kön that is not of the kön list is refused');

-- The periods (A: 200008172397 from 2024-02-01).
CREATE TEMP TABLE a AS SELECT pg_temp.arende('200008172397', '2024-02-01',
    'T Af Göteborg', 'T Fk Göteborg') AS id;
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a),
    'ARBETSFORBEREDANDE', '2024-02-01', 'AF')$$, 'SU070', NULL,
    'SU070: an aktiv insats as the first step');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a), 'GK',
    '2024-02-01', 'AF')$$, 'SU071', NULL,
    'SU071: Af registering the first step');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a), 'BEGARAN_GK',
    '2024-02-02', 'FK')$$, 'SU072', NULL,
    'SU072: a first step off the ärende''s start');
SELECT lives_ok($$SELECT pg_temp.steg((SELECT id FROM a), 'BEGARAN_GK',
    '2024-02-01', 'FK')$$, 'FK registers Begäran om GK on the first day');
SELECT results_eq($$SELECT startdatum, slutdatum, myndighet, af_kontor_id,
    fk_kontor_id FROM affk_period WHERE arende_id = (SELECT id FROM a)$$,
    $$VALUES ('2024-02-01'::date, NULL::date, 'FK',
    pg_temp.kontor('T Af Göteborg'), pg_temp.kontor('T Fk Göteborg'))$$,
    'the first period is open, with the ärende''s offices');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a), 'GK',
    '2024-02-01', 'FK')$$, 'SU072', NULL,
    'SU072: an övergång on the current period''s first day');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a), 'GK',
    '2024-01-31', 'FK')$$, 'SU072', NULL,
    'SU072: an övergång before the current period');
SELECT throws_ok(format($$SELECT pg_temp.raw_steg((SELECT id FROM a), 'GK',
    %L, 'FK')$$, current_date + 1), 'SU052', NULL,
    'SU052: an övergång tomorrow');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a),
    'PLANERAD_ARBETSLIV', '2024-03-01', 'FK')$$, 'SU070', NULL,
    'SU070: from Begäran om GK straight to a planned insats');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a), 'GK',
    '2024-03-01', 'AF')$$, 'SU071', NULL, 'SU071: Af registering GK');
-- The offices given are not the period's: the ärende's are.
SELECT lives_ok($$INSERT INTO affk_period (arende_id, insatstyp_id,
    startdatum, myndighet, af_kontor_id, fk_kontor_id) VALUES
    ((SELECT id FROM a), pg_temp.typ('GK'), '2024-02-02', 'FK',
    pg_temp.kontor('T Af Angered'), pg_temp.kontor('T Fk Malmö'))$$,
    'FK registers GK the day after');
SELECT results_eq($$SELECT kod_kod(insatstyp_id), startdatum, slutdatum,
    af_kontor_id = pg_temp.kontor('T Af Göteborg'),
    fk_kontor_id = pg_temp.kontor('T Fk Göteborg')
    FROM affk_period WHERE arende_id = (SELECT id FROM a)
    ORDER BY startdatum$$,
    $$VALUES ('BEGARAN_GK', '2024-02-01'::date, '2024-02-01'::date, true,
    true), ('GK', '2024-02-02', NULL, true, true)$$,
    'the previous period ends the day before; the offices are the '
    'ärende''s, not those given');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a),
    'ARBETSFORBEREDANDE', '2024-03-01', 'AF')$$, 'SU070', NULL,
    'SU070: from GK straight to an aktiv insats');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a),
    'AVSLUTAT', '2024-03-01', 'AF')$$, 'SU071', NULL,
    'SU071: Af ending at GK');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a),
    'PLANERAD_FORBEREDANDE', '2024-03-01', 'AF')$$, 'SU071', NULL,
    'SU071: Af registering a planned insats');

-- SU078: a period changes only when the next övergång ends it, once.
SELECT throws_ok($$UPDATE affk_period SET insatstyp_id = pg_temp.typ('GK')
    WHERE id = (SELECT min(id) FROM affk_period
    WHERE arende_id = (SELECT id FROM a))$$, 'SU078', NULL,
    'SU078: a period''s insatstyp changed');
SELECT throws_ok($$UPDATE affk_period SET startdatum = '2024-02-03'
    WHERE id = pg_temp.cur((SELECT id FROM a))$$, 'SU078', NULL,
    'SU078: a period''s start changed');
SELECT throws_ok($$UPDATE affk_period SET slutdatum = '2024-02-05'
    WHERE id = (SELECT min(id) FROM affk_period
    WHERE arende_id = (SELECT id FROM a))$$, 'SU078', NULL,
    'SU078: an ended period''s end changed');
SELECT throws_ok($$UPDATE affk_period SET arende_id = (SELECT id FROM e)
    WHERE id = pg_temp.cur((SELECT id FROM a))$$, 'SU078', NULL,
    'SU078: a period moved to another ärende');
SELECT throws_ok($$UPDATE affk_period SET myndighet = 'AF'
    WHERE id = pg_temp.cur((SELECT id FROM a))$$, 'SU078', NULL,
    'SU078: a period''s authority changed');
SELECT throws_ok($$DELETE FROM affk_period
    WHERE id = pg_temp.cur((SELECT id FROM a))$$, '42501', NULL,
    'a period cannot be deleted');

-- SU077: answers to the questions of the period's step, from their list.
SELECT throws_ok($$SELECT pg_temp.svar(pg_temp.cur((SELECT id FROM a)),
    'ORSAK', 'ANNAN', NULL)$$, 'SU077', NULL,
    'SU077: an answer to a question of another step');
SELECT throws_ok($$SELECT pg_temp.svar(pg_temp.cur((SELECT id FROM a)),
    'INSKRIVEN_AF_FORE', 'ANSTALLD', 'affk_typ_arbete')$$, 'SU077', NULL,
    'SU077: an option of another list');
SELECT throws_ok($$INSERT INTO affk_svar (period_id, fraga_id, svar_lista,
    svar_id) SELECT pg_temp.cur((SELECT id FROM a)), f.id, 'janej',
    pg_temp.kod('forsorjning', 'SJUKPENNING') FROM affk_fraga f
    JOIN affk_insatstyp t ON t.kod_id = f.insatstyp_id
    WHERE f.kod = 'INSKRIVEN_AF_FORE' AND t.kod_id = pg_temp.typ('GK')$$,
    '23503', NULL, 'a code named as of a list it is not in');
SELECT lives_ok($$SELECT pg_temp.svar(pg_temp.cur((SELECT id FROM a)),
    'INSKRIVEN_AF_FORE', 'JA', NULL)$$, 'an answer to the step''s question');
SELECT lives_ok($$UPDATE affk_svar SET svar_id = pg_temp.kod('janej', 'NEJ')
    WHERE period_id = pg_temp.cur((SELECT id FROM a))$$,
    'an answer corrected');
SELECT throws_ok($$SELECT pg_temp.svar(pg_temp.cur((SELECT id FROM a)),
    'INSKRIVEN_AF_FORE', 'JA', NULL)$$, '23505', NULL,
    'one answer per question and period');

-- Through the planned insats to an aktiv insats, and the ending.
SELECT lives_ok($$SELECT pg_temp.steg((SELECT id FROM a),
    'PLANERAD_FORBEREDANDE', '2024-03-01', 'FK')$$,
    'FK registers the planned insats');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a),
    'ARBETSFORBEREDANDE', '2024-04-01', 'FK')$$, 'SU071', NULL,
    'SU071: FK registering an aktiv insats');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a),
    'AVSLUTAT', '2024-04-01', 'FK')$$, 'SU071', NULL,
    'SU071: FK ending after GK');
SELECT lives_ok($$SELECT pg_temp.steg((SELECT id FROM a),
    'ARBETSFORBEREDANDE', '2024-04-01', 'AF')$$,
    'Af registers Arbetsförberedande insatser');
SELECT lives_ok($$SELECT pg_temp.steg((SELECT id FROM a),
    'ARBETSLIVSINRIKTADE', '2024-05-01', 'AF')$$,
    'Af moves on to Arbetslivsinriktade insatser');

-- Byt kontor (rule 52): A is in Arbetslivsinriktade insatser since
-- 2024-05-01.
SELECT throws_ok($$SELECT pg_temp.byt((SELECT id FROM a), '2024-05-02',
    'T Af Göteborg', 'T Fk Göteborg')$$, 'SU076', NULL,
    'SU076: an office change that changes nothing');
SELECT throws_ok($$SELECT pg_temp.byt((SELECT id FROM a), '2024-05-02',
    'T Af Stängt', 'T Fk Göteborg')$$, 'SU075', NULL,
    'SU075: a change to a closed office');
SELECT throws_ok($$SELECT pg_temp.byt((SELECT id FROM a), '2024-05-02',
    'T Af Göteborg', 'T Af Angered')$$, 'SU075', NULL,
    'SU075: an Af office as the new FK office');
SELECT throws_ok($$SELECT pg_temp.byt((SELECT id FROM a), '2024-04-30',
    'T Af Angered', 'T Fk Göteborg')$$, 'SU072', NULL,
    'SU072: an office change before the current period');
SELECT throws_ok(format($$SELECT pg_temp.byt((SELECT id FROM a), %L,
    'T Af Angered', 'T Fk Göteborg')$$, current_date + 1), 'SU052', NULL,
    'SU052: an office change tomorrow');
SELECT lives_ok($$SELECT pg_temp.run(ARRAY['SELECT pg_temp.logg((SELECT id
    FROM a))', 'SELECT pg_temp.byt((SELECT id FROM a), ''2024-05-10'',
    ''T Af Angered'', ''T Fk Göteborg'')'])$$,
    'an office change within the current period');
SELECT results_eq($$SELECT fran_af_kontor_id = pg_temp.kontor('T Af Göteborg'),
    till_af_kontor_id = pg_temp.kontor('T Af Angered'),
    fran_fk_kontor_id = till_fk_kontor_id,
    (SELECT af_kontor_id = pg_temp.kontor('T Af Angered') AND fk_kontor_id =
    pg_temp.kontor('T Fk Göteborg') FROM affk_arende WHERE id = b.arende_id)
    FROM affk_kontorsbyte b WHERE arende_id = (SELECT id FROM a)$$,
    $$VALUES (true, true, true, true)$$,
    'the change records the old offices and the ärende takes the new');
SELECT lives_ok($$INSERT INTO affk_kontorsbyte (arende_id, datum,
    fran_af_kontor_id, till_af_kontor_id, fran_fk_kontor_id,
    till_fk_kontor_id) VALUES ((SELECT id FROM a), '2024-05-12',
    pg_temp.kontor('T Af Stängt'), pg_temp.kontor('T Af Angered'),
    pg_temp.kontor('T Fk Göteborg'), pg_temp.kontor('T Fk Malmö'))$$,
    'a second change, FK this time, with made-up old offices');
SELECT results_eq($$SELECT fran_af_kontor_id = pg_temp.kontor('T Af Angered'),
    fran_fk_kontor_id = pg_temp.kontor('T Fk Göteborg')
    FROM affk_kontorsbyte WHERE arende_id = (SELECT id FROM a)
    AND datum = '2024-05-12'$$, $$VALUES (true, true)$$,
    'the old offices are the ärende''s, not those given');
SELECT throws_ok($$SELECT pg_temp.byt((SELECT id FROM a), '2024-05-11',
    'T Af Göteborg', 'T Fk Malmö')$$, 'SU072', NULL,
    'SU072: an office change before an earlier one');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a), 'AVSLUTAT',
    '2024-05-11', 'AF')$$, 'SU072', NULL,
    'SU072: an övergång before an office change');
SELECT throws_ok($$UPDATE affk_kontorsbyte SET datum = '2024-05-20'
    WHERE arende_id = (SELECT id FROM a)$$, '42501', NULL,
    'the office history cannot be changed');
SELECT throws_ok($$DELETE FROM affk_kontorsbyte
    WHERE arende_id = (SELECT id FROM a)$$, '42501', NULL,
    'the office history cannot be deleted from');

-- The ending: a one-day period that ends the ärende.
SELECT lives_ok($$SELECT pg_temp.steg((SELECT id FROM a), 'AVSLUTAT',
    '2024-06-03', 'AF')$$, 'Af registers Avslutat samarbete');
SELECT results_eq($$SELECT kod_kod(p.insatstyp_id), p.startdatum, p.slutdatum,
    p.af_kontor_id = pg_temp.kontor('T Af Angered'),
    p.fk_kontor_id = pg_temp.kontor('T Fk Malmö')
    FROM affk_period p WHERE p.arende_id = (SELECT id FROM a)
    AND p.startdatum >= '2024-04-01' ORDER BY p.startdatum$$,
    $$VALUES ('ARBETSFORBEREDANDE', '2024-04-01'::date, '2024-04-30'::date,
    false, false), ('ARBETSLIVSINRIKTADE', '2024-05-01', '2024-06-02', false,
    false), ('AVSLUTAT', '2024-06-03', '2024-06-03', true, true)$$,
    'the ending''s period is its one day, with the offices of that day');
SELECT is((SELECT slutdatum FROM affk_arende WHERE id = (SELECT id FROM a)),
    '2024-06-03'::date, 'the ending ends the ärende');
SELECT lives_ok($$SELECT pg_temp.run(ARRAY['SELECT pg_temp.svar(
    pg_temp.cur((SELECT id FROM a)), ''ARBETAR_EFTER'', ''JA'', NULL)',
    'SELECT pg_temp.svar(pg_temp.cur((SELECT id FROM a)), ''TYP_AV_ARBETE'',
    ''EGET_FORETAG'', NULL)'])$$,
    'the ending''s questions are answered after it');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM a), 'AVBRUTET',
    '2024-06-10', 'AF')$$, 'SU073', NULL,
    'SU073: an övergång after the ending');
SELECT throws_ok($$SELECT pg_temp.byt((SELECT id FROM a), '2024-06-10',
    'T Af Göteborg', 'T Fk Göteborg')$$, 'SU073', NULL,
    'SU073: an office change after the ending');
SELECT throws_ok($$UPDATE affk_arende SET slutdatum = NULL
    WHERE id = (SELECT id FROM a)$$, 'SU073', NULL,
    'SU073: an ended ärende reopened');
SELECT throws_ok($$UPDATE affk_arende SET fk_kontor_id =
    pg_temp.kontor('T Fk Göteborg') WHERE id = (SELECT id FROM a)$$,
    'SU073', NULL, 'SU073: an ended ärende''s office changed');

-- A returning person: a new ärende only after the last one's end.
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.pid('200008172397'),
    '2024-06-03', true, '2024-06-03', 'T Af Göteborg', 'T Fk Göteborg')$$,
    'SU074', NULL, 'SU074: a new ärende on the day the last one ended');
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.pid('200008172397'),
    '2024-05-01', true, '2024-05-01', 'T Af Göteborg', 'T Fk Göteborg')$$,
    'SU074', NULL, 'SU074: a new ärende within the last one');
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.pid('200008172397'),
    '2024-06-04', true, '2024-06-03', 'T Af Göteborg', 'T Fk Göteborg')$$,
    'SU081', NULL, 'SU081: a returning person with a consent given '
    'before the last ärende ended');
SELECT lives_ok($$SELECT pg_temp.arende('200008172397', '2024-06-04',
    'T Af Göteborg', 'T Fk Göteborg')$$,
    'a new ärende the day after the ending');
SELECT is((SELECT count(*)::int FROM affk_arende
    WHERE person_id = pg_temp.pid('200008172397')), 2,
    'the returning person has two ärenden, one open');

-- Avbrutet samarbete, by the authority of the current step.
CREATE TEMP TABLE b AS SELECT pg_temp.arende('200111032389', '2024-03-04',
    'T Af Göteborg', 'T Fk Göteborg') AS id;
SELECT lives_ok($$SELECT pg_temp.steg((SELECT id FROM b), 'GK', '2024-03-04',
    'FK')$$, 'FK registers GK as the first step');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM b), 'AVBRUTET',
    '2024-04-01', 'AF')$$, 'SU071', NULL,
    'SU071: Af breaking off at GK');
SELECT lives_ok($$SELECT pg_temp.svar(pg_temp.steg((SELECT id FROM b),
    'AVBRUTET', '2024-04-01', 'FK'), 'ORSAK', 'SAMTYCKE_ATERKALLAT', NULL)$$,
    'FK breaks off at GK: consent withdrawn');
SELECT is((SELECT slutdatum FROM affk_arende WHERE id = (SELECT id FROM b)),
    '2024-04-01'::date, 'Avbrutet samarbete ends the ärende too');

-- SU058: a stripped ärende does not change.
SELECT lives_ok($$SELECT pg_temp.run(ARRAY['SELECT pg_temp.logg((SELECT id
    FROM b))', 'UPDATE affk_arende SET person_id = NULL, avidentifierad =
    now(), avidentifierad_orsak = ''samtycke'' WHERE id = (SELECT id
    FROM b)'])$$,
    'an ärende stripped: no person, the reason');
SELECT throws_ok($$UPDATE affk_arende SET kommunkod = '1280'
    WHERE id = (SELECT id FROM b)$$, 'SU058', NULL,
    'SU058: a stripped ärende changed');
SELECT throws_ok($$UPDATE affk_svar SET svar_id = pg_temp.kod('affk_avbrott',
    'ANNAN') WHERE period_id = pg_temp.cur((SELECT id FROM b))$$, 'SU058',
    NULL, 'SU058: an answer of a stripped ärende changed');
SELECT throws_ok($$DELETE FROM affk_svar
    WHERE period_id = pg_temp.cur((SELECT id FROM b))$$, 'SU058', NULL,
    'SU058: an answer of a stripped ärende deleted');
CREATE TEMP TABLE c AS SELECT pg_temp.arende('200111142394', '2024-03-04',
    'T Af Göteborg', 'T Fk Göteborg') AS id;
SELECT lives_ok($$SELECT pg_temp.steg((SELECT id FROM c), 'BEGARAN_GK',
    '2024-03-04', 'FK')$$, 'another ärende in Begäran om GK');
SELECT throws_ok($$SELECT pg_temp.raw(pg_temp.pid('200111142394'),
    '2024-03-05', true, '2024-03-05', 'T Af Göteborg', 'T Fk Göteborg')$$,
    'SU074', NULL, 'SU074: still one open ärende');
SELECT lives_ok($$SELECT pg_temp.run(ARRAY['SELECT pg_temp.logg((SELECT id
    FROM c))', 'UPDATE affk_arende SET person_id = NULL, avidentifierad =
    now(), avidentifierad_orsak = ''skyddad'' WHERE id = (SELECT id
    FROM c)'])$$,
    'an open ärende stripped');
SELECT throws_ok($$SELECT pg_temp.raw_steg((SELECT id FROM c), 'GK',
    '2024-04-01', 'FK')$$, 'SU058', NULL,
    'SU058: an övergång on a stripped ärende');
SELECT throws_ok($$SELECT pg_temp.byt((SELECT id FROM c), '2024-04-01',
    'T Af Angered', 'T Fk Göteborg')$$, 'SU058', NULL,
    'SU058: an office change on a stripped ärende');
SELECT throws_ok($$SELECT pg_temp.svar(pg_temp.cur((SELECT id FROM c)),
    'INSKRIVEN_AF_FORE', 'JA', NULL)$$, 'SU058', NULL,
    'SU058: an answer on a stripped ärende');
SELECT throws_ok($$UPDATE affk_arende SET avidentifierad_orsak = 'gallring'
    WHERE id = (SELECT id FROM c)$$, 'SU058', NULL,
    'SU058: a stripped ärende''s reason changed');
SELECT throws_ok($$UPDATE affk_arende SET person_id = NULL,
    avidentifierad = now(), avidentifierad_orsak = 'gallring',
    slutdatum = '2024-05-01' WHERE id = pg_temp.aid('200008172397',
    '2024-06-04')$$, 'SU058', NULL,
    'SU058: a stripping that changes the dates');
SELECT throws_ok($$UPDATE affk_arende SET person_id = NULL,
    avidentifierad = now() WHERE id = pg_temp.aid('200008172397',
    '2024-06-04')$$, '23514', NULL,
    'stripped without a reason is refused');
SELECT lives_ok($$SELECT pg_temp.arende('200111142394', '2024-03-05',
    'T Af Göteborg', 'T Fk Göteborg')$$,
    'a stripped open ärende does not block the person''s next one');

-- SU063: every write of an ärende, its periods, answers or office
-- changes needs an audit row naming the ärende in the same transaction.
SELECT ok((SELECT bool_and(tgdeferrable AND tginitdeferred) FROM pg_trigger
    WHERE tgname IN ('affk_arende_audited', 'affk_period_audited',
    'affk_svar_audited', 'affk_kontorsbyte_audited')) AND (SELECT count(*)
    FROM pg_trigger WHERE tgname IN ('affk_arende_audited',
    'affk_period_audited', 'affk_svar_audited',
    'affk_kontorsbyte_audited')) = 4,
    'the audit check waits for the commit, on all four tables');
SELECT throws_ok($$SELECT pg_temp.then_undo(ARRAY['UPDATE affk_arende SET
    kommunkod = ''1280'' WHERE id = (SELECT id FROM e)'])$$, 'P0001',
    'undone', 'a write without audit passes at once (the check waits)');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY['UPDATE affk_arende SET
    kommunkod = ''1281'' WHERE id = (SELECT id FROM e)'])$$, 'SU063', NULL,
    'SU063: an ärende changed (its audit row is of an earlier transaction)');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY['SELECT pg_temp.raw_steg(
    (SELECT id FROM e), ''GK'', ''2024-02-01'', ''FK'')'])$$, 'SU063', NULL,
    'SU063: an övergång');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY['SELECT pg_temp.svar(
    pg_temp.cur((SELECT id FROM e)), ''FORSORJNING_FORE'', ''SJUKPENNING'',
    NULL)'])$$, 'SU063', NULL, 'SU063: an answer added');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY['DELETE FROM affk_svar
    WHERE period_id = pg_temp.cur((SELECT id FROM e))'])$$, 'SU063', NULL,
    'SU063: an answer deleted');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY['SELECT pg_temp.byt(
    (SELECT id FROM e), ''2024-02-01'', ''T Af Angered'',
    ''T Fk Göteborg'')'])$$, 'SU063', NULL, 'SU063: an office change');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY['SELECT pg_temp.logg(
    (SELECT id FROM a))', 'SELECT pg_temp.byt((SELECT id FROM e),
    ''2024-02-01'', ''T Af Angered'', ''T Fk Göteborg'')'])$$, 'SU063', NULL,
    'SU063: an audit row naming another ärende does not cover it');
SELECT throws_ok($$SELECT pg_temp.at_commit(ARRAY['INSERT INTO audit_person
    (action, purpose, pnr_hash, person_id) SELECT ''skriv'', ''Test'',
    pnr_hash(''200008102386''), pg_temp.pid(''200008102386'')',
    'SELECT pg_temp.byt((SELECT id FROM e), ''2024-02-01'', ''T Af Angered'',
    ''T Fk Göteborg'')'])$$, 'SU063', NULL,
    'SU063: nor does one naming only the person');
SELECT throws_ok($$SELECT pg_temp.commit_then_undo(ARRAY['SELECT
    pg_temp.logg((SELECT id FROM e))', 'UPDATE affk_arende SET kommunkod =
    ''1281'' WHERE id = (SELECT id FROM e)', 'SELECT pg_temp.byt((SELECT id
    FROM e), ''2024-02-01'', ''T Af Angered'', ''T Fk Göteborg'')',
    'SELECT pg_temp.svar(pg_temp.cur((SELECT id FROM e)),
    ''FORSORJNING_FORE'', ''SJUKPENNING'', NULL)', 'DELETE FROM affk_svar
    WHERE period_id = pg_temp.cur((SELECT id FROM e)) AND fraga_id =
    (SELECT min(fraga_id) FROM affk_svar WHERE period_id =
    pg_temp.cur((SELECT id FROM e)))', 'SELECT pg_temp.raw_steg((SELECT id
    FROM e), ''GK'', ''2024-02-02'', ''FK'')'])$$, 'P0001', 'undone',
    'with its audit row every one of them passes the commit check');

-- What the application role may do.
SELECT table_privs_are(t, 'sus_app', ARRAY['SELECT'], 'sus_app only reads '
    || t) FROM unnest(ARRAY['affk_insatstyp', 'affk_overgang', 'affk_fraga',
    'affk_statistik']) AS t;
SELECT table_privs_are(t, 'sus_app', ARRAY['SELECT', 'INSERT', 'UPDATE'],
    'sus_app reads, adds and changes ' || t || ', never deletes')
    FROM unnest(ARRAY['affk_kontor', 'affk_arende', 'affk_period']) AS t;
SELECT table_privs_are('affk_svar', 'sus_app', ARRAY['SELECT', 'INSERT',
    'UPDATE', 'DELETE'], 'sus_app corrects answers, removing some');
SELECT table_privs_are('affk_kontorsbyte', 'sus_app', ARRAY['SELECT',
    'INSERT'], 'sus_app only appends to the office history');
SELECT ok((SELECT bool_and(has_sequence_privilege('sus_app', s, 'USAGE'))
    FROM unnest(ARRAY['affk_kontor_id_seq', 'affk_arende_id_seq',
    'affk_period_id_seq', 'affk_kontorsbyte_id_seq']) AS s),
    'sus_app uses the four sequences');
SET LOCAL ROLE sus_app;
SELECT throws_ok($$DELETE FROM affk_arende WHERE id = 0$$,
    '42501', NULL, 'sus_app cannot delete an ärende');
SELECT throws_ok($$INSERT INTO affk_overgang (fran_id, till_id, myndighet)
    VALUES (NULL, 1, 'FK')$$, '42501', NULL,
    'sus_app cannot add an övergång');
SELECT throws_ok($$DELETE FROM affk_period WHERE id = 0$$, '42501', NULL,
    'sus_app cannot delete a period');
SELECT lives_ok($$SELECT count(*) FROM affk_statistik$$,
    'sus_app reads the statistics view');
RESET ROLE;

-- The statistics view names no one, and counts stripped ärenden too.
SELECT columns_are('affk_statistik', ARRAY['period_id', 'arende_id',
    'initierad_av', 'kon', 'fodelsear', 'kommunkod', 'arende_start',
    'arende_slut', 'insatstyp', 'slag', 'startdatum', 'slutdatum',
    'af_kontor_id', 'fk_kontor_id', 'myndighet'],
    'affk_statistik has exactly its columns');
SELECT is_empty($$SELECT column_name FROM information_schema.columns
    WHERE table_name = 'affk_statistik' AND (column_name LIKE '%person%'
    OR column_name LIKE '%namn%' OR column_name LIKE '%pnr%')$$,
    'no personnummer, namn or person_id in affk_statistik');
SELECT is((SELECT count(*)::int FROM affk_statistik s
    WHERE s.arende_id IN ((SELECT id FROM b), (SELECT id FROM c))), 3,
    'the stripped ärenden''s periods are still counted');
SELECT is((SELECT count(*)::int FROM affk_statistik), (SELECT count(*)::int
    FROM affk_period), 'one row per period');

SELECT * FROM finish();
ROLLBACK;
