-- The audit table is append-only for the application and for its owner.
-- The migrations may leave rows of their own (0008 adds a code, which is
-- audited): only rows past the mark are this test's.
BEGIN;
SELECT plan(14);
SELECT set_config('test.mark', (SELECT coalesce(max(id), 0) FROM audit)::text,
    true);

SET LOCAL ROLE sus_app;
SELECT lives_ok($$INSERT INTO audit (anvandare_id, session_id, action,
    object_type, object_id, personal, detail) VALUES (1, 's1',
    'deltagare.read', 'deltagare', 42, true, '{"insats": 7}')$$,
    'sus_app can append an audit row');
SELECT lives_ok($$INSERT INTO audit (action) VALUES ('login')$$,
    'sus_app can append a minimal audit row');
SELECT is((SELECT count(*) FROM audit
    WHERE id > current_setting('test.mark')::bigint)::int, 2,
    'sus_app can read audit');
SELECT ok((SELECT at IS NOT NULL AND NOT personal FROM audit
    WHERE action = 'login'), 'at and personal take their defaults');
SELECT throws_ok($$UPDATE audit SET action = 'x'$$,
    '42501', NULL, 'sus_app cannot update audit');
SELECT throws_ok($$DELETE FROM audit$$,
    '42501', NULL, 'sus_app cannot delete from audit');
SELECT throws_ok($$TRUNCATE audit$$,
    '42501', NULL, 'sus_app cannot truncate audit');
SELECT throws_ok($$INSERT INTO audit (action) VALUES (NULL)$$,
    '23502', NULL, 'an audit row needs an action');
RESET ROLE;

-- The owner (here the superuser) is stopped by the triggers.
SELECT throws_ok($$UPDATE audit SET action = 'x'$$,
    '42501', 'audit is append-only: UPDATE refused',
    'the owner cannot update audit');
SELECT throws_ok($$UPDATE audit SET action = 'x' WHERE false$$,
    '42501', 'audit is append-only: UPDATE refused',
    'even an update matching no row is refused');
SELECT throws_ok($$DELETE FROM audit WHERE action = 'login'$$,
    '42501', 'audit is append-only: DELETE refused',
    'the owner cannot delete from audit');
SELECT throws_ok($$TRUNCATE audit$$,
    '42501', 'audit is append-only: TRUNCATE refused',
    'the owner cannot truncate audit');
SELECT is((SELECT count(*) FROM audit
    WHERE id > current_setting('test.mark')::bigint)::int, 2,
    'both rows are still there');
SELECT results_eq($$SELECT action FROM audit
    WHERE id > current_setting('test.mark')::bigint ORDER BY id$$,
    ARRAY['deltagare.read', 'login'], 'rows are unchanged and in order');

SELECT * FROM finish();
ROLLBACK;
