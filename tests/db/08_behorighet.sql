-- Behörighet (schema 0005): the incompatibility rules at every point where
-- they can arise, uppdrag and their scope, and the audit of every change.
-- Everything here is made inside the transaction and rolled back.
BEGIN;
SELECT plan(124);

-- Helpers: ids by name, and a user made with an employer.
CREATE FUNCTION pg_temp.org(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM organisation WHERE namn = n $$;
CREATE FUNCTION pg_temp.uid(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM anvandare WHERE username = n $$;
CREATE FUNCTION pg_temp.sorg(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM samverkansorg WHERE namn = n $$;
CREATE FUNCTION pg_temp.ins(n text) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM insats WHERE namn = n $$;
CREATE PROCEDURE pg_temp.mkuser(n text, employer text)
LANGUAGE sql AS $$
	INSERT INTO anvandare (username, password_hash, fornamn, efternamn,
	    arbetsgivare_id)
	VALUES (n, '$argon2id$v=19$m=65536,t=2,p=1$dGVzdA$aGFzaA', 'Test',
	    'Testsson', (SELECT id FROM organisation WHERE namn = employer))
$$;
-- Sets the session's user for the audit trigger, as susd does.
CREATE PROCEDURE pg_temp.actor(n text)
LANGUAGE sql AS $$
	SELECT set_config('sus.user_id', coalesce((SELECT id FROM anvandare
	    WHERE username = n)::text, ''), true)
$$;
-- The newest audit row for a table and object, as "action user old new"
-- where old and new are the JSON types of detail->'old' and ->'new'.
CREATE FUNCTION pg_temp.audit_last(t text, oid bigint) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT format('%s %s %s %s', action, coalesce(anvandare_id::text, '-'),
	    jsonb_typeof(detail->'old'), jsonb_typeof(detail->'new'))
	FROM audit WHERE object_type = t AND object_id = oid
	ORDER BY id DESC LIMIT 1
$$;
CREATE FUNCTION pg_temp.audit_max() RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT coalesce(max(id), 0) FROM audit $$;

INSERT INTO organisation (namn, organisationstyp) VALUES
	('G kommun', 'Kommun'),
	('G region', 'Landsting/Region'),
	('G förbund', 'Samordningsförbund'),
	('G utan avtal', 'Kommun'),
	('G avtal slut', 'Kommun'),
	('G avtal framtid', 'Kommun'),
	('G appkommun', 'Kommun'),
	('G auditkommun', 'Kommun');
INSERT INTO overenskommelse (organisation_id, undertecknad, upphor) VALUES
	(pg_temp.org('G kommun'), '2000-01-01', NULL),
	(pg_temp.org('G region'), '2000-01-01', NULL),
	(pg_temp.org('G förbund'), '2000-01-01', NULL),
	(pg_temp.org('G avtal slut'), '2000-01-01', current_date - 1),
	(pg_temp.org('G avtal framtid'), current_date + 1, NULL);
INSERT INTO samverkansorg (namn, samverkansform_id, startdatum) VALUES
	('G sorg ett', 1, '2010-01-01'),
	('G sorg två', 1, '2010-01-01');
INSERT INTO insats (samverkansorg_id, namn, startdatum) VALUES
	(pg_temp.sorg('G sorg ett'), 'G insats ett', '2020-01-01'),
	(pg_temp.sorg('G sorg två'), 'G insats två', '2020-01-01');

-- Rule 17: samverkansadministratör and deltagaransvarig (SU001).
CALL pg_temp.mkuser('g_sa_first', 'G kommun');
CALL pg_temp.mkuser('g_da_first', 'G kommun');
INSERT INTO anvandare_roll VALUES
	(pg_temp.uid('g_sa_first'), 'samverkansadmin'),
	(pg_temp.uid('g_da_first'), 'deltagaransvarig');
SELECT throws_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_sa_first'), 'deltagaransvarig')$$,
    'SU001', NULL, 'deltagaransvarig refused to a samverkansadministratör');
SELECT throws_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_da_first'), 'samverkansadmin')$$,
    'SU001', NULL, 'samverkansadministratör refused to a deltagaransvarig');
SELECT throws_ok($$INSERT INTO anvandare_roll (anvandare_id, roll)
    SELECT pg_temp.uid('g_sa_first'), r FROM unnest(ARRAY['insatsansvarig',
    'deltagaransvarig']) r$$,
    'SU001', NULL, 'SU001 also in a multi-row grant');
SELECT throws_ok($$UPDATE anvandare_roll SET roll = 'deltagaransvarig'
    WHERE anvandare_id = pg_temp.uid('g_sa_first')
    AND roll = 'susrapport'$$,
    'SU001', NULL, 'SU001 when a role row is changed');
SELECT lives_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_da_first'), 'insatsansvarig')$$,
    'deltagaransvarig and insatsansvarig may be held together');
SELECT set_eq($$SELECT roll FROM anvandare_roll
    WHERE anvandare_id = pg_temp.uid('g_sa_first')$$,
    ARRAY['samverkansadmin', 'susrapport'],
    'the refused grants left the roles as they were');

-- Rule 17: a förbund employee is never deltagaransvarig (SU002).
CALL pg_temp.mkuser('g_forbund', 'G förbund');
SELECT throws_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_forbund'), 'deltagaransvarig')$$,
    'SU002', NULL, 'deltagaransvarig refused to a förbund employee');
SELECT lives_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_forbund'), 'insatsansvarig')$$,
    'a förbund employee may be insatsansvarig');
SELECT throws_ok($$UPDATE anvandare_roll SET roll = 'deltagaransvarig'
    WHERE anvandare_id = pg_temp.uid('g_forbund')
    AND roll = 'insatsansvarig'$$,
    'SU002', NULL, 'SU002 when a role row is changed');
SELECT lives_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_forbund'), 'samverkansadmin')$$,
    'a förbund employee may be samverkansadministratör');

-- Rule 17: a registered beställare is never deltagaransvarig (SU003).
CALL pg_temp.mkuser('g_best_now', 'G kommun');
CALL pg_temp.mkuser('g_best_today', 'G kommun');
CALL pg_temp.mkuser('g_best_past', 'G kommun');
CALL pg_temp.mkuser('g_best_future', 'G kommun');
INSERT INTO bestallare (anvandare_id, organisation_id, giltig_from,
    giltig_tom) VALUES
	(pg_temp.uid('g_best_now'), pg_temp.org('G kommun'),
	    current_date - 30, current_date + 300),
	(pg_temp.uid('g_best_today'), pg_temp.org('G kommun'),
	    current_date - 30, current_date),
	(pg_temp.uid('g_best_past'), pg_temp.org('G kommun'),
	    current_date - 100, current_date - 1),
	(pg_temp.uid('g_best_future'), pg_temp.org('G kommun'),
	    current_date + 10, current_date + 300);
SELECT throws_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_best_now'), 'deltagaransvarig')$$,
    'SU003', NULL, 'deltagaransvarig refused to a beställare valid today');
SELECT throws_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_best_today'), 'deltagaransvarig')$$,
    'SU003', NULL, 'a registration ending today still counts');
SELECT throws_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_best_future'), 'deltagaransvarig')$$,
    'SU003', NULL, 'a registration starting later counts too');
SELECT lives_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_best_past'), 'deltagaransvarig')$$,
    'a registration that ended yesterday does not refuse it');
SELECT lives_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_best_now'), 'samverkansadmin')$$,
    'a beställare may be samverkansadministratör');

-- Rule 18: superadministratör only in the SUS-förvaltning (SU004).
CALL pg_temp.mkuser('g_fk', 'Försäkringskassan');
CALL pg_temp.mkuser('g_kommun_sup', 'G kommun');
CALL pg_temp.mkuser('g_sus', 'Försäkringskassan, SUS-förvaltningen');
INSERT INTO anvandare (username, password_hash, fornamn, efternamn)
VALUES ('g_noemp', '$argon2id$v=19$x', 'Ingen', 'Arbetsgivare');
SELECT throws_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_fk'), 'superadmin')$$,
    'SU004', NULL, 'superadmin refused outside the SUS-förvaltning (FK)');
SELECT throws_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_kommun_sup'), 'superadmin')$$,
    'SU004', NULL, 'superadmin refused to a kommun employee');
SELECT throws_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_noemp'), 'superadmin')$$,
    'SU004', NULL, 'superadmin refused to a user without employer');
SELECT lives_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_sus'), 'superadmin')$$,
    'superadmin allowed in the SUS-förvaltning');
SELECT lives_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_sus'), 'deltagaransvarig')$$,
    'a superadmin may also be deltagaransvarig');

-- Changing the employer re-checks the rules (SU002, SU004).
SELECT throws_ok($$UPDATE anvandare
    SET arbetsgivare_id = pg_temp.org('G förbund')
    WHERE username = 'g_da_first'$$,
    'SU002', NULL, 'a deltagaransvarig cannot move to a förbund');
SELECT throws_ok($$UPDATE anvandare
    SET arbetsgivare_id = pg_temp.org('Försäkringskassan')
    WHERE username = 'g_sus'$$,
    'SU004', NULL, 'a superadmin cannot move out of the SUS-förvaltning');
SELECT throws_ok($$UPDATE anvandare SET arbetsgivare_id = NULL
    WHERE username = 'g_sus'$$,
    'SU004', NULL, 'a superadmin cannot lose the employer');
SELECT lives_ok($$UPDATE anvandare
    SET arbetsgivare_id = pg_temp.org('G region')
    WHERE username = 'g_da_first'$$,
    'a deltagaransvarig may move to another party');
SELECT lives_ok($$UPDATE anvandare
    SET arbetsgivare_id = pg_temp.org('G kommun')
    WHERE username = 'g_forbund'$$,
    'a förbund employee without deltagaransvarig may move anywhere');
SELECT is((SELECT arbetsgivare_id FROM anvandare WHERE username = 'g_sus'),
    pg_temp.org('Försäkringskassan, SUS-förvaltningen'),
    'the refused moves left the employer as it was');

-- Beställare registrations (rules 17, 22).
CALL pg_temp.mkuser('g_noagr', 'G utan avtal');
CALL pg_temp.mkuser('g_ended', 'G avtal slut');
CALL pg_temp.mkuser('g_later', 'G avtal framtid');
CALL pg_temp.mkuser('g_b1', 'G kommun');
CALL pg_temp.mkuser('g_b2', 'G kommun');
CALL pg_temp.mkuser('g_b3', 'G kommun');
SELECT throws_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_da_first'),
    pg_temp.org('G region'), current_date, current_date + 30)$$,
    'SU003', NULL, 'a deltagaransvarig cannot become beställare');
SELECT throws_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_noagr'),
    pg_temp.org('G utan avtal'), current_date, current_date + 30)$$,
    'SU006', NULL, 'no beställare for an organisation without agreement');
SELECT throws_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_ended'),
    pg_temp.org('G avtal slut'), current_date, current_date + 30)$$,
    'SU006', NULL, 'no beställare under an agreement that ended');
SELECT lives_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_ended'),
    pg_temp.org('G avtal slut'), current_date - 1, current_date + 30)$$,
    'a registration from the agreement''s last day is accepted');
SELECT throws_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_later'),
    pg_temp.org('G avtal framtid'), current_date, current_date + 30)$$,
    'SU006', NULL, 'no beställare before the agreement is signed');
SELECT throws_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_b1'),
    pg_temp.org('G region'), current_date, current_date + 30)$$,
    'SU007', NULL, 'no beställare for an organisation not the employer');
SELECT throws_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_b1'),
    pg_temp.org('G kommun'), current_date,
    (current_date + interval '2 years')::date)$$,
    '23514', NULL, 'a registration of two years is refused');
SELECT throws_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_b1'),
    pg_temp.org('G kommun'), current_date,
    (current_date + interval '5 years')::date)$$,
    '23514', NULL, 'a registration of five years is refused');
SELECT lives_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_b1'),
    pg_temp.org('G kommun'), current_date,
    (current_date + interval '2 years')::date - 1)$$,
    'two years less one day is accepted');
SELECT throws_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_b2'),
    pg_temp.org('G kommun'), '2024-02-29', '2026-02-28')$$,
    '23514', NULL, 'from a leap day, two years end on 28 February');
SELECT lives_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_b2'),
    pg_temp.org('G kommun'), '2024-02-29', '2026-02-27')$$,
    'from a leap day, 27 February two years on is accepted');
SELECT throws_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_b3'),
    pg_temp.org('G kommun'), current_date, current_date - 1)$$,
    '23514', NULL, 'a registration cannot end before it starts');
SELECT ok(ar_bestallare(pg_temp.uid('g_b1'), current_date)
    AND ar_bestallare(pg_temp.uid('g_b2'), '2026-02-27')
    AND NOT ar_bestallare(pg_temp.uid('g_b2'), '2026-02-28')
    AND NOT ar_bestallare(pg_temp.uid('g_b3'), current_date),
    'ar_bestallare follows the registrations');
SELECT ok(har_overenskommelse(pg_temp.org('G kommun'), current_date)
    AND har_overenskommelse(pg_temp.org('G avtal slut'), current_date - 1)
    AND NOT har_overenskommelse(pg_temp.org('G avtal slut'), current_date)
    AND NOT har_overenskommelse(pg_temp.org('G avtal framtid'), current_date)
    AND NOT har_overenskommelse(pg_temp.org('G utan avtal'), current_date),
    'har_overenskommelse follows the agreements');

-- Uppdrag (rules 12, 16, SU005, SU008).
CALL pg_temp.mkuser('g_ia', 'G kommun');
CALL pg_temp.mkuser('g_da', 'G kommun');
CALL pg_temp.mkuser('g_off', 'G kommun');
INSERT INTO anvandare_roll VALUES
	(pg_temp.uid('g_ia'), 'insatsansvarig'),
	(pg_temp.uid('g_ia'), 'samverkansadmin'),
	(pg_temp.uid('g_da'), 'deltagaransvarig'),
	(pg_temp.uid('g_off'), 'insatsansvarig');
UPDATE anvandare SET aktiv = false WHERE username = 'g_off';
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, insats_id)
    VALUES (pg_temp.uid('g_ia'), 'deltagaransvarig',
    pg_temp.ins('G insats ett'))$$,
    'SU005', NULL, 'no uppdrag for a role not held');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id)
    VALUES (pg_temp.uid('g_da'), 'insatsansvarig',
    pg_temp.sorg('G sorg ett'))$$,
    'SU005', NULL, 'no insatsansvarig uppdrag for a deltagaransvarig');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id)
    VALUES (pg_temp.uid('g_off'), 'insatsansvarig',
    pg_temp.sorg('G sorg ett'))$$,
    'SU008', NULL, 'no uppdrag for an inactive user');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id)
    VALUES (pg_temp.uid('g_da'), 'deltagaransvarig',
    pg_temp.sorg('G sorg ett'))$$,
    '23514', NULL, 'a deltagaransvarig uppdrag needs an insats');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, insats_id)
    VALUES (pg_temp.uid('g_ia'), 'insatsansvarig',
    pg_temp.ins('G insats ett'))$$,
    '23514', NULL, 'an insatsansvarig uppdrag needs a samverkansorg');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, insats_id)
    VALUES (pg_temp.uid('g_ia'), 'samverkansadmin',
    pg_temp.ins('G insats ett'))$$,
    '23514', NULL, 'a samverkansadmin uppdrag needs a samverkansorg');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id,
    insats_id) VALUES (pg_temp.uid('g_da'), 'deltagaransvarig',
    pg_temp.sorg('G sorg ett'), pg_temp.ins('G insats ett'))$$,
    '23514', NULL, 'an uppdrag has one scope, not two');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll)
    VALUES (pg_temp.uid('g_ia'), 'insatsansvarig')$$,
    '23514', NULL, 'an uppdrag has a scope');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id)
    VALUES (pg_temp.uid('g_sus'), 'superadmin',
    pg_temp.sorg('G sorg ett'))$$,
    '23514', NULL, 'superadmin has no uppdrag');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_ia'), 'insatsansvarig',
    pg_temp.sorg('G sorg två'), current_date, current_date - 1)$$,
    '23514', NULL, 'an uppdrag cannot end before it starts');
SELECT lives_ok($$INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id)
    VALUES (pg_temp.uid('g_ia'), 'insatsansvarig',
    pg_temp.sorg('G sorg ett')),
    (pg_temp.uid('g_ia'), 'samverkansadmin', pg_temp.sorg('G sorg ett')),
    (pg_temp.uid('g_ia'), 'samverkansadmin', pg_temp.sorg('G sorg två'))$$,
    'uppdrag for held roles are accepted');
SELECT lives_ok($$INSERT INTO uppdrag (anvandare_id, roll, insats_id)
    VALUES (pg_temp.uid('g_da'), 'deltagaransvarig',
    pg_temp.ins('G insats ett'))$$,
    'a deltagaransvarig uppdrag on an insats is accepted');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id)
    VALUES (pg_temp.uid('g_ia'), 'insatsansvarig',
    pg_temp.sorg('G sorg ett'))$$,
    '23505', NULL, 'a duplicate samverkansorg uppdrag is refused');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, insats_id)
    VALUES (pg_temp.uid('g_da'), 'deltagaransvarig',
    pg_temp.ins('G insats ett'))$$,
    '23505', NULL, 'a duplicate insats uppdrag is refused');

-- har_uppdrag(): kind 1 samverkansorg, 2 insats, 3 the insats's owner.
SELECT ok(har_uppdrag(pg_temp.uid('g_ia'), 'samverkansadmin', 1,
    pg_temp.sorg('G sorg ett')), 'kind 1 true in the samverkansorg');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_ia'), 'insatsansvarig', 1,
    pg_temp.sorg('G sorg två')), 'kind 1 false in another one');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_da'), 'samverkansadmin', 1,
    pg_temp.sorg('G sorg ett')), 'kind 1 false without the uppdrag');
SELECT ok(har_uppdrag(pg_temp.uid('g_da'), 'deltagaransvarig', 2,
    pg_temp.ins('G insats ett')), 'kind 2 true on the insats');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_da'), 'deltagaransvarig', 2,
    pg_temp.ins('G insats två')), 'kind 2 false on another insats');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_ia'), 'insatsansvarig', 2,
    pg_temp.ins('G insats ett')),
    'kind 2 false for a samverkansorg uppdrag');
SELECT ok(har_uppdrag(pg_temp.uid('g_ia'), 'insatsansvarig', 3,
    pg_temp.ins('G insats ett')), 'kind 3 true on an insats of the org');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_ia'), 'insatsansvarig', 3,
    pg_temp.ins('G insats två')), 'kind 3 false on another org''s insats');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_ia'), 'insatsansvarig', 1,
    pg_temp.ins('G insats ett') + 100000) AND
    NOT har_uppdrag(pg_temp.uid('g_ia'), 'insatsansvarig', 3, -1),
    'unknown targets are false');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_ia'), 'insatsansvarig', 4,
    pg_temp.sorg('G sorg ett')), 'an unknown kind is false');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_da'), 'deltagaransvarig', 1,
    pg_temp.sorg('G sorg ett')), 'the wrong kind is false');

-- Dates of an uppdrag: a fresh user per case, the indexes allow one each.
CALL pg_temp.mkuser('g_d_past', 'G kommun');
CALL pg_temp.mkuser('g_d_today', 'G kommun');
CALL pg_temp.mkuser('g_d_later', 'G kommun');
CALL pg_temp.mkuser('g_d_open', 'G kommun');
INSERT INTO anvandare_roll SELECT pg_temp.uid('g_d_' || c), 'insatsansvarig'
FROM unnest(ARRAY['past', 'today', 'later', 'open']) c;
INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id, giltig_from,
    giltig_tom) VALUES
	(pg_temp.uid('g_d_past'), 'insatsansvarig', pg_temp.sorg('G sorg ett'),
	    current_date - 10, current_date - 1),
	(pg_temp.uid('g_d_today'), 'insatsansvarig',
	    pg_temp.sorg('G sorg ett'), current_date - 10, current_date),
	(pg_temp.uid('g_d_later'), 'insatsansvarig',
	    pg_temp.sorg('G sorg ett'), current_date + 1, NULL),
	(pg_temp.uid('g_d_open'), 'insatsansvarig', pg_temp.sorg('G sorg ett'),
	    current_date, NULL);
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_d_past'), 'insatsansvarig', 1,
    pg_temp.sorg('G sorg ett')), 'an uppdrag that ended yesterday is false');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_d_past'), 'insatsansvarig', 3,
    pg_temp.ins('G insats ett')), 'also through an insats (kind 3)');
SELECT ok(har_uppdrag(pg_temp.uid('g_d_today'), 'insatsansvarig', 1,
    pg_temp.sorg('G sorg ett')), 'an uppdrag that ends today is true');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_d_later'), 'insatsansvarig', 1,
    pg_temp.sorg('G sorg ett')), 'an uppdrag that starts tomorrow is false');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_d_later'), 'insatsansvarig', 3,
    pg_temp.ins('G insats ett')), 'also through an insats (kind 3)');
SELECT ok(har_uppdrag(pg_temp.uid('g_d_open'), 'insatsansvarig', 1,
    pg_temp.sorg('G sorg ett')), 'an open uppdrag from today is true');

-- Rule 16: a role taken away takes its uppdrag; deactivation takes all.
DELETE FROM anvandare_roll WHERE anvandare_id = pg_temp.uid('g_ia')
AND roll = 'samverkansadmin';
SELECT set_eq($$SELECT roll FROM uppdrag
    WHERE anvandare_id = pg_temp.uid('g_ia')$$, ARRAY['insatsansvarig'],
    'removing a role removes that role''s uppdrag only');
SELECT is((SELECT count(*) FROM uppdrag
    WHERE anvandare_id = pg_temp.uid('g_da'))::int, 1,
    'other users keep their uppdrag');
UPDATE anvandare SET aktiv = false WHERE username = 'g_ia';
SELECT is((SELECT count(*) FROM uppdrag
    WHERE anvandare_id = pg_temp.uid('g_ia'))::int, 0,
    'deactivating a user removes all their uppdrag');
SELECT ok(NOT har_uppdrag(pg_temp.uid('g_ia'), 'insatsansvarig', 1,
    pg_temp.sorg('G sorg ett')), 'and har_uppdrag says so');
SELECT throws_ok($$INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id)
    VALUES (pg_temp.uid('g_ia'), 'insatsansvarig',
    pg_temp.sorg('G sorg ett'))$$,
    'SU008', NULL, 'nor can one be given while inactive');
UPDATE anvandare SET aktiv = true WHERE username = 'g_ia';
SELECT is((SELECT count(*) FROM uppdrag
    WHERE anvandare_id = pg_temp.uid('g_ia'))::int, 0,
    'reactivation does not bring uppdrag back');
SELECT is((SELECT count(*) FROM uppdrag
    WHERE anvandare_id = pg_temp.uid('g_da'))::int, 1,
    'other users still keep theirs');

-- Audit: every change leaves who, what, old and new.
CALL pg_temp.mkuser('g_actor', 'G kommun');
CALL pg_temp.mkuser('g_subject', 'G auditkommun');
INSERT INTO overenskommelse (organisation_id, undertecknad) VALUES
	(pg_temp.org('G auditkommun'), '2020-01-01');
CALL pg_temp.actor('g_actor');
SET LOCAL sus.session_id = 'g-session';
CREATE TEMP TABLE a AS SELECT pg_temp.uid('g_actor')::text AS actor,
    pg_temp.uid('g_subject') AS subject;

-- anvandare_roll
INSERT INTO anvandare_roll VALUES (pg_temp.uid('g_subject'), 'insatsansvarig');
SELECT is((SELECT count(*) FROM audit WHERE object_type = 'anvandare_roll'
    AND object_id = (SELECT subject FROM a) AND action = 'insert'
    AND anvandare_id = pg_temp.uid('g_actor') AND session_id = 'g-session'
    AND detail->'old' = 'null' AND detail->'new'->>'roll' IN
    ('insatsansvarig', 'susrapport'))::int, 2,
    'a granted role and its susrapport are audited with who and session');
UPDATE anvandare_roll SET roll = 'samverkansadmin'
WHERE anvandare_id = pg_temp.uid('g_subject') AND roll = 'insatsansvarig';
SELECT is(pg_temp.audit_last('anvandare_roll', (SELECT subject FROM a)),
    'update ' || (SELECT actor FROM a) || ' object object',
    'a changed role row is audited');
SELECT ok((SELECT detail->'old'->>'roll' = 'insatsansvarig' AND
    detail->'new'->>'roll' = 'samverkansadmin' FROM audit
    WHERE object_type = 'anvandare_roll' ORDER BY id DESC LIMIT 1),
    'with the old and the new role');
DELETE FROM anvandare_roll WHERE anvandare_id = pg_temp.uid('g_subject')
AND roll = 'samverkansadmin';
SELECT is(pg_temp.audit_last('anvandare_roll', (SELECT subject FROM a)),
    'delete ' || (SELECT actor FROM a) || ' object null',
    'a removed role is audited with old and no new');

-- uppdrag
INSERT INTO anvandare_roll VALUES (pg_temp.uid('g_subject'), 'insatsansvarig');
INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id, skapad_av)
VALUES (pg_temp.uid('g_subject'), 'insatsansvarig',
    pg_temp.sorg('G sorg två'), pg_temp.uid('g_actor'));
CREATE TEMP TABLE u AS SELECT id FROM uppdrag
WHERE anvandare_id = pg_temp.uid('g_subject');
SELECT is(pg_temp.audit_last('uppdrag', (SELECT id FROM u)),
    'insert ' || (SELECT actor FROM a) || ' null object',
    'a new uppdrag is audited with no old');
SELECT is((SELECT (detail->'new'->>'samverkansorg_id')::int FROM audit
    WHERE object_type = 'uppdrag' AND object_id = (SELECT id FROM u)
    ORDER BY id DESC LIMIT 1), pg_temp.sorg('G sorg två'),
    'with the new uppdrag''s scope');
UPDATE uppdrag SET giltig_tom = '2099-12-31' WHERE id = (SELECT id FROM u);
SELECT is((SELECT format('%s %s %s', action,
    coalesce(detail->'old'->>'giltig_tom', 'null'),
    detail->'new'->>'giltig_tom') FROM audit WHERE object_type = 'uppdrag'
    AND object_id = (SELECT id FROM u) ORDER BY id DESC LIMIT 1),
    'update null 2099-12-31', 'a changed uppdrag is audited old and new');
DELETE FROM uppdrag WHERE id = (SELECT id FROM u);
SELECT is(pg_temp.audit_last('uppdrag', (SELECT id FROM u)),
    'delete ' || (SELECT actor FROM a) || ' object null',
    'a removed uppdrag is audited with no new');

-- bestallare
INSERT INTO bestallare (anvandare_id, organisation_id, giltig_from,
    giltig_tom) VALUES (pg_temp.uid('g_subject'),
    pg_temp.org('G auditkommun'), current_date, current_date + 100);
CREATE TEMP TABLE b AS SELECT id FROM bestallare
WHERE anvandare_id = pg_temp.uid('g_subject');
SELECT is(pg_temp.audit_last('bestallare', (SELECT id FROM b)),
    'insert ' || (SELECT actor FROM a) || ' null object',
    'a new beställare is audited');
UPDATE bestallare SET giltig_tom = current_date + 5
WHERE id = (SELECT id FROM b);
SELECT is((SELECT format('%s %s %s', action,
    (detail->'old'->>'giltig_tom')::date - current_date,
    (detail->'new'->>'giltig_tom')::date - current_date) FROM audit
    WHERE object_type = 'bestallare' AND object_id = (SELECT id FROM b)
    ORDER BY id DESC LIMIT 1), 'update 100 5',
    'a shortened registration is audited old and new');

-- bestallning
INSERT INTO bestallning (bestallare_id, typ, username, fornamn, efternamn,
    roller) VALUES ((SELECT id FROM b), 'ny', 'g_ordered', 'Ny', 'Person',
    '{insatsansvarig}');
CREATE TEMP TABLE o AS SELECT id FROM bestallning
WHERE username = 'g_ordered';
SELECT is(pg_temp.audit_last('bestallning', (SELECT id FROM o)),
    'insert ' || (SELECT actor FROM a) || ' null object',
    'a new order is audited');
UPDATE bestallning SET status = 'avslagen', beslutad = now(),
    beslutad_av = pg_temp.uid('g_actor') WHERE id = (SELECT id FROM o);
SELECT is((SELECT format('%s %s %s', action, detail->'old'->>'status',
    detail->'new'->>'status') FROM audit WHERE object_type = 'bestallning'
    AND object_id = (SELECT id FROM o) ORDER BY id DESC LIMIT 1),
    'update inskickad avslagen', 'a decision is audited old and new');
DELETE FROM bestallning WHERE id = (SELECT id FROM o);
SELECT is(pg_temp.audit_last('bestallning', (SELECT id FROM o)),
    'delete ' || (SELECT actor FROM a) || ' object null',
    'a removed order is audited');
DELETE FROM bestallare WHERE id = (SELECT id FROM b);
SELECT is(pg_temp.audit_last('bestallare', (SELECT id FROM b)),
    'delete ' || (SELECT actor FROM a) || ' object null',
    'a removed beställare is audited');

-- overenskommelse
INSERT INTO organisation (namn, organisationstyp)
VALUES ('G nyavtal', 'Kommun');
INSERT INTO overenskommelse (organisation_id, undertecknad)
VALUES (pg_temp.org('G nyavtal'), current_date);
CREATE TEMP TABLE ov AS SELECT id FROM overenskommelse
WHERE organisation_id = pg_temp.org('G nyavtal');
SELECT is(pg_temp.audit_last('overenskommelse', (SELECT id FROM ov)),
    'insert ' || (SELECT actor FROM a) || ' null object',
    'a new agreement is audited');
UPDATE overenskommelse SET upphor = current_date + 7
WHERE id = (SELECT id FROM ov);
SELECT is((SELECT format('%s %s %s', action,
    jsonb_typeof(detail->'old'->'upphor'),
    (detail->'new'->>'upphor')::date - current_date) FROM audit
    WHERE object_type = 'overenskommelse' AND object_id = (SELECT id FROM ov)
    ORDER BY id DESC LIMIT 1), 'update null 7',
    'an ended agreement is audited old and new');
DELETE FROM overenskommelse WHERE id = (SELECT id FROM ov);
SELECT is(pg_temp.audit_last('overenskommelse', (SELECT id FROM ov)),
    'delete ' || (SELECT actor FROM a) || ' object null',
    'a removed agreement is audited');

-- anvandare
CALL pg_temp.mkuser('g_acct', 'G kommun');
SELECT is(pg_temp.audit_last('anvandare', pg_temp.uid('g_acct')),
    'insert ' || (SELECT actor FROM a) || ' null object',
    'a new account is audited');
UPDATE anvandare SET epost = 'ny@example.se' WHERE username = 'g_acct';
SELECT is((SELECT format('%s %s %s', action,
    coalesce(detail->'old'->>'epost', 'null'), detail->'new'->>'epost')
    FROM audit WHERE object_type = 'anvandare'
    AND object_id = pg_temp.uid('g_acct') ORDER BY id DESC LIMIT 1),
    'update null ny@example.se', 'a changed account is audited old and new');
SELECT is_empty($$SELECT id FROM audit WHERE object_type = 'anvandare'
    AND (detail ? 'password_hash' OR detail->'old' ? 'password_hash'
    OR detail->'new' ? 'password_hash' OR detail::text LIKE '%argon2id%'
    OR detail->'new' ? 'failed_logins' OR detail->'new' ? 'last_login')$$,
    'no account audit row holds a hash or login bookkeeping');
CREATE TEMP TABLE m AS SELECT pg_temp.audit_max() AS id;
UPDATE anvandare SET failed_logins = failed_logins + 1,
    locked_until = now() + interval '5 minutes' WHERE username = 'g_acct';
UPDATE anvandare SET failed_logins = 0, locked_until = NULL,
    last_login = now() WHERE username = 'g_acct';
SELECT is(pg_temp.audit_max(), (SELECT id FROM m),
    'login bookkeeping leaves no audit row');
UPDATE anvandare SET password_hash = '$argon2id$v=19$m=65536,t=2,p=1$bmV3$bmV3'
WHERE username = 'g_acct';
SELECT is(pg_temp.audit_last('anvandare', pg_temp.uid('g_acct')),
    'password_rehash ' || (SELECT actor FROM a) || ' object object',
    'a new hash alone (an upgrade at login) is recorded as password_rehash');
SELECT ok((SELECT NOT (detail::text LIKE '%password_hash%'
    OR detail::text LIKE '%argon2id%') FROM audit
    WHERE object_type = 'anvandare' AND action = 'password_rehash'
    AND object_id = pg_temp.uid('g_acct')),
    'the password_rehash row holds neither the key nor the hash');
SELECT is((SELECT count(*) FROM audit WHERE id > (SELECT id FROM m))::int, 1,
    'one row for the rehash, none for the bookkeeping');
-- The way susd changes a password: the hash with its bookkeeping.
UPDATE anvandare SET password_hash = '$argon2id$v=19$m=65536,t=2,p=1$c3Vz$c3Vz',
    must_change_password = false, password_changed_at = now(),
    failed_logins = 0 WHERE username = 'g_acct';
SELECT ok((SELECT NOT (detail::text LIKE '%password_hash%'
    OR detail::text LIKE '%argon2id%') AND detail->'new' ? 'password_changed_at'
    AND action = 'password_change'
    FROM audit WHERE object_type = 'anvandare'
    AND object_id = pg_temp.uid('g_acct') ORDER BY id DESC LIMIT 1),
    'susd''s password change is a password_change row without the hash');
UPDATE anvandare SET aktiv = false, inaktiverad_at = now()
WHERE username = 'g_acct';
SELECT is((SELECT format('%s %s %s', action, detail->'old'->>'aktiv',
    detail->'new'->>'aktiv') FROM audit WHERE object_type = 'anvandare'
    AND object_id = pg_temp.uid('g_acct') ORDER BY id DESC LIMIT 1),
    'update true false', 'a deactivation is audited');
DELETE FROM anvandare WHERE username = 'g_acct';
SELECT ok((SELECT action = 'delete' AND jsonb_typeof(detail->'new') = 'null'
    AND detail->'old'->>'username' = 'g_acct'
    AND NOT detail->'old' ? 'password_hash' FROM audit
    WHERE object_type = 'anvandare' ORDER BY id DESC LIMIT 1),
    'a removed account is audited without the hash');
CALL pg_temp.actor(NULL);
SET LOCAL sus.session_id = '';
UPDATE anvandare SET epost = 'op@example.se' WHERE username = 'g_subject';
SELECT is(pg_temp.audit_last('anvandare', (SELECT subject FROM a)),
    'update - object object', 'an operator''s change is audited without who');

-- The application role does all the writes the server needs.
CALL pg_temp.mkuser('g_app_best', 'G appkommun');
CALL pg_temp.mkuser('g_app_ia', 'G appkommun');
CALL pg_temp.mkuser('g_app_admin', 'Försäkringskassan, SUS-förvaltningen');
INSERT INTO anvandare_roll VALUES (pg_temp.uid('g_app_ia'), 'insatsansvarig');
SET LOCAL ROLE sus_app;
CALL pg_temp.actor('g_app_admin');
SELECT lives_ok($$INSERT INTO overenskommelse (organisation_id, undertecknad,
    registrerad_av) VALUES (pg_temp.org('G appkommun'), current_date,
    pg_temp.uid('g_app_admin'))$$, 'sus_app registers an agreement');
SELECT lives_ok($$UPDATE overenskommelse SET upphor = current_date + 365
    WHERE organisation_id = pg_temp.org('G appkommun')$$,
    'sus_app ends an agreement');
SELECT lives_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom, registrerad_av)
    VALUES (pg_temp.uid('g_app_best'), pg_temp.org('G appkommun'),
    current_date, current_date + 365, pg_temp.uid('g_app_admin'))$$,
    'sus_app registers a beställare');
SELECT lives_ok($$UPDATE bestallare SET giltig_tom = current_date + 200
    WHERE anvandare_id = pg_temp.uid('g_app_best')$$,
    'sus_app shortens a registration');
SELECT throws_ok($$INSERT INTO bestallare (anvandare_id, organisation_id,
    giltig_from, giltig_tom) VALUES (pg_temp.uid('g_app_ia'),
    pg_temp.org('G utan avtal'), current_date, current_date + 1)$$,
    'SU006', NULL, 'the rules hold for sus_app too');
SELECT lives_ok($$INSERT INTO bestallning (bestallare_id, typ, username,
    fornamn, efternamn, epost, roller) SELECT id, 'ny', 'g_app_new', 'Åsa',
    'Öberg', 'asa@example.se', '{insatsansvarig}' FROM bestallare
    WHERE anvandare_id = pg_temp.uid('g_app_best')$$,
    'sus_app stores an order');
SELECT lives_ok($$INSERT INTO anvandare (username, password_hash, fornamn,
    efternamn, arbetsgivare_id, must_change_password)
    VALUES ('g_app_new', '$argon2id$v=19$x', 'Åsa', 'Öberg',
    pg_temp.org('G appkommun'), true)$$, 'sus_app creates the ordered user');
SELECT lives_ok($$UPDATE bestallning SET status = 'godkand',
    beslutad = now(), beslutad_av = pg_temp.uid('g_app_admin'),
    anvandare_id = pg_temp.uid('g_app_new') WHERE username = 'g_app_new'$$,
    'sus_app approves an order');
SELECT lives_ok($$INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id,
    skapad_av) VALUES (pg_temp.uid('g_app_ia'), 'insatsansvarig',
    pg_temp.sorg('G sorg ett'), pg_temp.uid('g_app_admin'))$$,
    'sus_app gives an uppdrag');
SELECT lives_ok($$DELETE FROM uppdrag
    WHERE anvandare_id = pg_temp.uid('g_app_ia')$$,
    'sus_app removes an uppdrag');
SELECT throws_ok($$INSERT INTO anvandare_roll
    VALUES (pg_temp.uid('g_app_best'), 'deltagaransvarig')$$,
    'SU003', NULL, 'sus_app meets the role rules too');
SELECT is((SELECT count(DISTINCT object_type)::int FROM audit
    WHERE anvandare_id = pg_temp.uid('g_app_admin')), 5,
    'sus_app''s writes are audited as the session''s user');
SELECT throws_ok($$UPDATE audit SET action = 'x'
    WHERE anvandare_id = pg_temp.uid('g_app_admin')$$,
    '42501', NULL, 'sus_app cannot update audit');
SELECT throws_ok($$DELETE FROM audit
    WHERE anvandare_id = pg_temp.uid('g_app_admin')$$,
    '42501', NULL, 'sus_app cannot delete from audit');
RESET ROLE;

-- A beställare orders for the employer: moving elsewhere is refused while
-- the registration runs (SU007), and ending a registration always works,
-- even when the organisation's agreement has since ended.
SELECT throws_ok($$UPDATE anvandare SET arbetsgivare_id = pg_temp.org('G region')
    WHERE username = 'g_best_now'$$, 'SU007', NULL,
    'a registered beställare cannot move to another employer');
SELECT lives_ok($$UPDATE anvandare SET arbetsgivare_id = pg_temp.org('G region')
    WHERE username = 'g_best_past'$$,
    'a former beställare may move to another employer');
UPDATE overenskommelse SET upphor = current_date - 1
WHERE organisation_id = pg_temp.org('G kommun');
SELECT lives_ok($$UPDATE bestallare SET giltig_tom = current_date
    WHERE anvandare_id = pg_temp.uid('g_best_now')$$,
    'a registration can be ended after the agreement ended');
SELECT throws_ok($$UPDATE bestallare SET giltig_from = current_date
    WHERE anvandare_id = pg_temp.uid('g_best_now')$$, 'SU006', NULL,
    'moving a registration into a time without agreement is refused');

SELECT * FROM finish();
ROLLBACK;
