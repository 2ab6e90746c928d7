-- Migrations 0 -> N build the expected tables, columns, keys and role.
BEGIN;
SELECT plan(91);

-- Tables.
SELECT has_table('schema_version');
SELECT has_table('audit');
SELECT has_table('samverkansform');
SELECT has_table('lan');
SELECT has_table('kommun');
SELECT has_table('stadsdel');
SELECT has_table('organisation');
SELECT has_table('samverkansorg');
SELECT has_table('samverkansorg_kommun');
SELECT has_table('samverkansorg_organisation');
SELECT has_table('anvandare');
SELECT has_table('anvandare_roll');
-- Later issues build these; this layer must not.
SELECT has_table('insats');
SELECT has_table('uppdrag');
SELECT has_table('bestallare');
SELECT has_table('bestallning');
SELECT has_table('overenskommelse');
SELECT hasnt_table('deltagare');

-- The role.
SELECT has_role('sus_app');
SELECT ok(NOT rolcanlogin, 'sus_app cannot log in')
FROM pg_roles WHERE rolname = 'sus_app';

-- samverkansform.
SELECT col_type_is('samverkansform', 'id', 'smallint');
SELECT col_is_pk('samverkansform', 'id');
SELECT col_is_unique('samverkansform', 'kod');
SELECT col_type_is('samverkansform', 'stangd', 'date');
SELECT col_is_null('samverkansform', 'stangd');

-- Geography.
SELECT col_type_is('lan', 'lanskod', 'character(2)');
SELECT col_is_pk('lan', 'lanskod');
SELECT col_type_is('kommun', 'kommunkod', 'character(4)');
SELECT col_is_pk('kommun', 'kommunkod');
SELECT fk_ok('kommun', 'lanskod', 'lan', 'lanskod');
SELECT col_is_fk('stadsdel', 'kommunkod');
SELECT col_type_is('stadsdel', 'giltig_from', 'date');
SELECT col_not_null('stadsdel', 'giltig_from');
SELECT col_is_null('stadsdel', 'giltig_tom');

-- organisation.
SELECT col_is_pk('organisation', 'id');
SELECT col_not_null('organisation', 'namn');
SELECT col_not_null('organisation', 'organisationstyp');
-- Schema 0006: the type is a code of list organisationstyp, not a CHECK.
SELECT fk_ok('organisation',
    ARRAY['organisationstyp_lista', 'organisationstyp'],
    'kod', ARRAY['lista', 'namn']);

-- samverkansorg.
SELECT col_is_pk('samverkansorg', 'id');
SELECT col_type_is('samverkansorg', 'namn', 'character varying(50)');
SELECT col_not_null('samverkansorg', 'namn');
SELECT col_is_unique('samverkansorg', 'namn');
SELECT col_has_check('samverkansorg', 'namn');
SELECT col_type_is('samverkansorg', 'organisationsnummer', 'text');
SELECT col_has_check('samverkansorg', 'organisationsnummer');
SELECT fk_ok('samverkansorg', 'samverkansform_id', 'samverkansform', 'id');
SELECT col_not_null('samverkansorg', 'samverkansform_id');
SELECT col_has_check('samverkansorg', 'beskrivning');
SELECT col_type_is('samverkansorg', 'startdatum', 'date');
SELECT col_not_null('samverkansorg', 'startdatum');
SELECT col_is_null('samverkansorg', 'slutdatum');
SELECT has_check('samverkansorg');
SELECT col_type_is('samverkansorg', 'created_at',
    'timestamp with time zone');
SELECT col_type_is('samverkansorg', 'updated_at',
    'timestamp with time zone');
SELECT has_trigger('samverkansorg', 'samverkansorg_updated_at');
SELECT fk_ok('samverkansorg_kommun', 'samverkansorg_id',
    'samverkansorg', 'id');
SELECT fk_ok('samverkansorg_kommun', 'kommunkod', 'kommun', 'kommunkod');
SELECT col_is_null('samverkansorg_kommun', 'stadsdel_id');
SELECT col_is_pk('samverkansorg_organisation',
    ARRAY['samverkansorg_id', 'organisation_id']);

-- The Swedish collation on the names users sort by.
SELECT is((SELECT collation_name FROM information_schema.columns
    WHERE table_name = 'samverkansorg' AND column_name = 'namn'),
    'sv-SE-x-icu', 'samverkansorg.namn uses the Swedish ICU collation');
SELECT is((SELECT collation_name FROM information_schema.columns
    WHERE table_name = 'organisation' AND column_name = 'namn'),
    'sv-SE-x-icu', 'organisation.namn uses the Swedish ICU collation');
SELECT is((SELECT collation_name FROM information_schema.columns
    WHERE table_name = 'kommun' AND column_name = 'namn'),
    'sv-SE-x-icu', 'kommun.namn uses the Swedish ICU collation');
SELECT is((SELECT collation_name FROM information_schema.columns
    WHERE table_name = 'anvandare' AND column_name = 'efternamn'),
    'sv-SE-x-icu', 'anvandare.efternamn uses the Swedish ICU collation');

-- anvandare.
SELECT col_is_pk('anvandare', 'id');
SELECT col_is_unique('anvandare', 'username');
SELECT col_has_check('anvandare', 'username');
SELECT col_type_is('anvandare', 'password_hash', 'text');
SELECT col_not_null('anvandare', 'password_hash');
SELECT fk_ok('anvandare', 'arbetsgivare_id', 'organisation', 'id');
SELECT col_is_null('anvandare', 'arbetsgivare_id');
SELECT col_default_is('anvandare', 'aktiv', 'true');
SELECT col_default_is('anvandare', 'failed_logins', '0');
SELECT col_type_is('anvandare', 'locked_until', 'timestamp with time zone');
SELECT col_type_is('anvandare', 'last_login', 'timestamp with time zone');
SELECT col_is_pk('anvandare_roll', ARRAY['anvandare_id', 'roll']);
SELECT col_has_check('anvandare_roll', 'roll');

-- audit.
SELECT col_type_is('audit', 'id', 'bigint');
SELECT col_is_pk('audit', 'id');
SELECT col_type_is('audit', 'at', 'timestamp with time zone');
SELECT col_has_default('audit', 'at');
SELECT col_is_null('audit', 'anvandare_id');
SELECT col_not_null('audit', 'action');
SELECT col_type_is('audit', 'personal', 'boolean');
SELECT col_not_null('audit', 'personal');
SELECT col_default_is('audit', 'personal', 'false');
SELECT col_type_is('audit', 'detail', 'jsonb');
SELECT has_trigger('audit', 'audit_no_update');
SELECT has_trigger('audit', 'audit_no_delete');
SELECT has_trigger('audit', 'audit_no_truncate');

-- Every table in public is reachable by the application role, so a
-- migration cannot forget its GRANT; audit_nyckel, the key of pnr_hash
-- (schema 0008), is the one table kept from it on purpose.
SELECT is_empty($$
	SELECT c.relname::text FROM pg_class c
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = 'public' AND c.relkind = 'r'
	AND c.relname NOT IN ('schema_version', 'audit_nyckel')
	AND NOT has_table_privilege('sus_app', c.oid, 'SELECT')
$$, 'sus_app can read every table but the hash key');
SELECT ok(NOT has_table_privilege('sus_app', 'audit_nyckel', 'SELECT'),
    'sus_app cannot read audit_nyckel');

SELECT * FROM finish();
ROLLBACK;
