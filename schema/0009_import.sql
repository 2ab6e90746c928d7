-- 0009 import (issue 7): bulk batches from the Snabbregistrering grid and
-- sus import. Every batch a client sends carries an idempotency key; the
-- batch and the outcome of each of its rows are stored in the transaction
-- that applied it, so a batch sent again (after a lost connection, a
-- crash, or the same file imported twice) is answered from here and
-- applies nothing.
--
-- Nothing here is personal data: a row's outcome names the participation
-- by id, and the messages never repeat a personnummer.

CREATE TABLE import_batch (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	anvandare_id	integer NOT NULL REFERENCES anvandare,
	nyckel		text NOT NULL CHECK (nyckel ~ '^[0-9a-f]{64}$'),
	typ		text NOT NULL CHECK (typ IN ('deltagare', 'anonym',
			'volym')),
	insats_id	integer NOT NULL REFERENCES insats,
	utford		timestamptz NOT NULL DEFAULT now(),
	antal_ok	integer NOT NULL CHECK (antal_ok >= 0),
	antal_fel	integer NOT NULL CHECK (antal_fel >= 0),
	antal_finns	integer NOT NULL CHECK (antal_finns >= 0),
	-- A key is the sender's: another user's batch is never replayed.
	UNIQUE (anvandare_id, nyckel)
);
COMMENT ON TABLE import_batch IS
    'Append-only: each bulk batch applied, by idempotency key.';

-- Each row's outcome as MSG_BATCH_RESULT carried it (status BATCH_OK 0,
-- BATCH_FEL 1, BATCH_FINNS 2; falt is enum batch_falt, kod an ERR_*).
CREATE TABLE import_batch_rad (
	batch_id	bigint NOT NULL REFERENCES import_batch,
	ordning		integer NOT NULL CHECK (ordning >= 0),
	radnr		bigint NOT NULL CHECK (radnr >= 0),
	status		smallint NOT NULL CHECK (status IN (0, 1, 2)),
	objekt_id	bigint,
	falt		smallint NOT NULL DEFAULT 0,
	fraga_id	integer,
	kod		smallint NOT NULL DEFAULT 0,
	meddelande	text NOT NULL DEFAULT ''
			CHECK (char_length(meddelande) <= 1024),
	PRIMARY KEY (batch_id, ordning),
	CHECK ((status = 1) = (kod <> 0))
);

CREATE TRIGGER import_batch_no_update BEFORE UPDATE ON import_batch
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER import_batch_no_delete BEFORE DELETE ON import_batch
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER import_batch_no_truncate BEFORE TRUNCATE ON import_batch
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER import_batch_rad_no_update BEFORE UPDATE ON import_batch_rad
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER import_batch_rad_no_delete BEFORE DELETE ON import_batch_rad
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER import_batch_rad_no_truncate BEFORE TRUNCATE
    ON import_batch_rad FOR EACH STATEMENT
    EXECUTE FUNCTION audit_refuse_change();

-- Found by make bench: the commit check of every person written (SU063,
-- personal_write_audited) looks for its audit row by person and
-- transaction, and without this index scanned the whole append-only
-- trail, so every registration slowed as the trail grew.
CREATE INDEX audit_person_person_idx ON audit_person (person_id, txid);
-- The overlap check of a registration (rule 38) asks for one person's
-- participations in one insats.
CREATE INDEX deltagande_person_insats_idx ON deltagande (person_id,
    insats_id);

REVOKE ALL ON import_batch, import_batch_rad FROM PUBLIC;
GRANT SELECT, INSERT ON import_batch, import_batch_rad TO sus_app;
