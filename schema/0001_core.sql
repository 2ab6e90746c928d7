-- 0001 core: the application role, shared trigger functions and the
-- append-only audit table.
--
-- Applied by susd inside one transaction; no psql meta-commands here.

-- Roles are cluster-wide and the tests build many databases in one cluster,
-- so create the role only when it is missing; two migrations racing on a
-- fresh cluster may both see it missing, hence the exception handler.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sus_app') THEN
		CREATE ROLE sus_app NOLOGIN;
	END IF;
EXCEPTION
	WHEN duplicate_object OR unique_violation THEN
		NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO sus_app;

-- Keeps updated_at honest whoever writes the row.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.updated_at := now();
	RETURN NEW;
END
$$;

-- The audit trail of who read or changed what (domain.md section 8). It
-- has no foreign key to anvandare on purpose: a user may be removed later,
-- and a cascade or SET NULL would have to rewrite audit rows.
CREATE TABLE audit (
	id		bigserial PRIMARY KEY,
	at		timestamptz NOT NULL DEFAULT now(),
	anvandare_id	integer,
	session_id	text CHECK (char_length(session_id) <= 64),
	action		text NOT NULL
			CHECK (char_length(action) BETWEEN 1 AND 64),
	object_type	text CHECK (char_length(object_type) <= 64),
	object_id	bigint,
	personal	boolean NOT NULL DEFAULT false,
	detail		jsonb
);

COMMENT ON TABLE audit IS
    'Append-only audit trail; rows are never updated or deleted.';
COMMENT ON COLUMN audit.personal IS
    'True when the action read or wrote participant personal data.';

CREATE INDEX audit_at_idx ON audit (at);
CREATE INDEX audit_anvandare_idx ON audit (anvandare_id, at);
CREATE INDEX audit_object_idx ON audit (object_type, object_id);

-- Refuses any change to the audit trail. Statement-level, so even an
-- UPDATE or DELETE that matches no row is refused, and it fires for the
-- table owner too: privileges alone would not stop the owner.
CREATE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit is append-only: % refused', TG_OP
	    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

REVOKE ALL ON audit FROM PUBLIC;
GRANT SELECT, INSERT ON audit TO sus_app;
GRANT USAGE ON SEQUENCE audit_id_seq TO sus_app;
