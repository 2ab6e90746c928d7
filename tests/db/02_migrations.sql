-- The version table records exactly the files in schema/, in order.
-- The runner passes the file names in the psql variable "migrations".
BEGIN;
SELECT plan(5);

CREATE TEMP TABLE expected AS
SELECT f AS file, split_part(f, '_', 1)::int AS version
FROM unnest(string_to_array(:'migrations', ',')) AS f;

SELECT cmp_ok((SELECT count(*) FROM expected)::int, '>=', 4,
    'the runner passed the list of migration files');
SELECT set_eq('SELECT version FROM schema_version',
    'SELECT version FROM expected',
    'schema_version lists every schema/*.sql and nothing else');
SELECT is_empty($$
	SELECT v.version FROM schema_version v
	JOIN expected e USING (version)
	WHERE v.name NOT IN (e.file, regexp_replace(e.file, '\.sql$', ''),
	    regexp_replace(e.file, '^[0-9]+_|\.sql$', '', 'g'))
$$, 'each version carries the name of its file');
SELECT is((SELECT count(*) FROM schema_version WHERE applied_at IS NULL
    OR applied_at > now())::int, 0, 'every version has a past applied_at');
SELECT is((SELECT max(version) FROM schema_version),
    (SELECT count(*) FROM expected)::int,
    'versions are numbered 1..N without gaps');

SELECT * FROM finish();
ROLLBACK;
