-- 0010 affk (domain.md 2.6(d), 3.14, 5.2, rules 47-53): the
-- Arbetsförmedlingen/Försäkringskassan co-operation. Its two fixed
-- samverkansorganisationer, the offices (each stands for an insats, so
-- that deltagaransvarig uppdrag and the request table work on offices
-- exactly as on insatser), the insatstyper with their kind and the
-- authority that registers them, the övergångar allowed between them,
-- the questions of each step, and per participant an ärende with one
-- period per insatstyp, the answers of each period and the history of
-- handläggande kontor.
--
-- Personal data: an ärende names its person (person, 0008); everything
-- else about it is tied to that person and so is written only with an
-- audit_person row naming the ärende in the same transaction (SU063).
--
-- Rules live in triggers with their own SQLSTATEs; susd puts a Swedish
-- sentence on each (server/rule_affk.c).
--	SU052	a date later than today
--	SU055	no confirmed consent (rule 50)
--	SU056	a person with skyddade personuppgifter (rule 34)
--	SU058	a stripped ärende changed
--	SU063	a personal-data change without its audit row
--	SU070	an övergång the co-operation does not have (from the current
--		insatstyp to this one)
--	SU071	an övergång registered by the other authority (rules 47, 48)
--	SU072	an övergång or office change dated on or before the current
--		period's start (the period before ends the day before)
--	SU073	a change to an ended ärende (a returning person starts a new
--		one, rule 50)
--	SU074	a second open ärende for a person, or a new one starting on
--		or before the end of the person's last one
--	SU075	an office of the wrong authority, or an office closed
--	SU076	an office change that changes nothing
--	SU077	an answer to a question not asked at that step, or an option
--		of another list
--	SU078	a period's insatstyp, dates or ärende changed other than by
--		the next övergång
--	SU079	an office's insats not in its authority's organisation
--	SU080	an ärende starting before the co-operation began
--	SU081	a returning person's consent dated before the last ärende
--		ended (rule 50: a new co-operation needs a new consent)

-- Code lists: areas the offices belong to, the insatstyper, and the
-- answer lists of the step questions.
INSERT INTO kodlista (namn, titel, overordnad, ordning, beskrivning) VALUES
	('marknadsomrade', 'Marknadsområde (Arbetsförmedlingen)', NULL, 20,
	    'Arbetsförmedlingens kontor hör till ett marknadsområde.'),
	('arbetsmarknadsomrade', 'Arbetsmarknadsområde (Arbetsförmedlingen, '
	    'äldre indelning)', NULL, 21,
	    'Den äldre indelningen; finns kvar som urval.'),
	('verksamhetsomrade', 'Verksamhetsområde (Försäkringskassan)', NULL,
	    22, 'Försäkringskassans kontor hör till ett verksamhetsområde.'),
	('affk_insatstyp', 'Insatstyp (Af/FK-samarbetet)', NULL, 23,
	    'Stegen en deltagare går igenom. Slag och vem som registrerar '
	    'står i tabellen affk_insatstyp.'),
	('janej', 'Ja eller nej', NULL, 24, NULL),
	('affk_typ_arbete', 'Typ av arbete (Af/FK-samarbetet)', NULL, 25,
	    NULL),
	('affk_avbrott', 'Orsak till avbrutet samarbete', NULL, 26, NULL);

INSERT INTO kod (lista, kod, namn, ordning, fast) VALUES
	('affk_insatstyp', 'BEGARAN_GK', 'Begäran om gemensam kartläggning',
	    1, true),
	('affk_insatstyp', 'GK', 'Gemensam kartläggning', 2, true),
	('affk_insatstyp', 'PLANERAD_FORBEREDANDE',
	    'Planerad arbetsförberedande insats', 3, true),
	('affk_insatstyp', 'PLANERAD_ARBETSLIV',
	    'Planerad arbetslivsinriktad insats', 4, true),
	('affk_insatstyp', 'ARBETSFORBEREDANDE', 'Arbetsförberedande insatser',
	    5, true),
	('affk_insatstyp', 'ARBETSLIVSINRIKTADE',
	    'Arbetslivsinriktade insatser', 6, true),
	('affk_insatstyp', 'KONSULTATIVT_STOD', 'Konsultativt stöd', 7, true),
	('affk_insatstyp', 'AVSLUTAT', 'Avslutat samarbete', 8, true),
	('affk_insatstyp', 'AVBRUTET', 'Avbrutet samarbete', 9, true),
	('janej', 'JA', 'Ja', 1, true),
	('janej', 'NEJ', 'Nej', 2, true),
	('affk_typ_arbete', 'ANSTALLD', 'Anställd', 1, true),
	('affk_typ_arbete', 'ANSTALLD_STOD', 'Anställd med stöd', 2, false),
	('affk_typ_arbete', 'EGET_FORETAG', 'Eget företag', 3, true),
	('affk_avbrott', 'SAMTYCKE_ATERKALLAT', 'Samtycket återkallat', 1,
	    true),
	('affk_avbrott', 'EGET_AVBROTT', 'Deltagaren avbröt själv', 2, true),
	('affk_avbrott', 'ANNAN', 'Annan orsak', 3, false);

-- The areas, as Arbetsförmedlingen and Försäkringskassan name them
-- [G: the real lists were not found]; the superadministratör keeps them.
INSERT INTO kod (lista, kod, namn, ordning) VALUES
	('marknadsomrade', 'NORD', 'Nord', 1),
	('marknadsomrade', 'MITT', 'Mitt', 2),
	('marknadsomrade', 'OST', 'Öst', 3),
	('marknadsomrade', 'STOCKHOLM_GOTLAND', 'Stockholm och Gotland', 4),
	('marknadsomrade', 'VAST', 'Väst', 5),
	('marknadsomrade', 'SYD', 'Syd', 6),
	('arbetsmarknadsomrade', 'STORSTAD', 'Storstad', 1),
	('arbetsmarknadsomrade', 'OVRIGA', 'Övriga landet', 2),
	('verksamhetsomrade', 'SJUKFORSAKRING', 'Sjukförsäkring', 1),
	('verksamhetsomrade', 'FUNKTIONSNEDSATTNING',
	    'Funktionsnedsättning', 2),
	('verksamhetsomrade', 'BARN_FAMILJ', 'Barn och familj', 3);

-- The two fixed samverkansorganisationer (A9: "Af i Af/FK-samarbete" and
-- "FK i Af/FK-samarbete"; rule 2 keeps the samverkansform out of the
-- name). Each authority's offices are insatser of its own.
ALTER TABLE samverkansorg ADD COLUMN affk_myndighet text UNIQUE
    CHECK (affk_myndighet IN ('AF', 'FK'));
INSERT INTO samverkansorg (namn, samverkansform_id, beskrivning, startdatum,
    affk_myndighet)
SELECT v.namn, f.id, v.beskrivning, '2013-02-01', v.myndighet
FROM (VALUES
	('Arbetsförmedlingen (Af/FK)', 'Arbetsförmedlingens del av '
	    'Af/FK-samarbetet: dess kontor är insatserna.', 'AF'),
	('Försäkringskassan (Af/FK)', 'Försäkringskassans del av '
	    'Af/FK-samarbetet: dess kontor är insatserna.', 'FK')
) AS v(namn, beskrivning, myndighet)
JOIN samverkansform f ON f.kod = 'AFFK';

-- An office. Arbetsförmedlingen's belong to a marknadsområde (and may
-- keep the older arbetsmarknadsområde), Försäkringskassan's to a
-- verksamhetsområde and are of type TA or FV (A5).
CREATE TABLE affk_kontor (
	id		integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	myndighet	text NOT NULL CHECK (myndighet IN ('AF', 'FK')),
	namn		text COLLATE "sv-SE-x-icu" NOT NULL
			CHECK (char_length(namn) BETWEEN 1 AND 100
			AND namn = btrim(namn)),
	omrade_lista	text NOT NULL CHECK (omrade_lista IN
			('marknadsomrade', 'verksamhetsomrade')),
	omrade_id	integer NOT NULL,
	amo_lista	text NOT NULL DEFAULT 'arbetsmarknadsomrade'
			CHECK (amo_lista = 'arbetsmarknadsomrade'),
	amo_id		integer,
	kontorstyp	text CHECK (kontorstyp IN ('TA', 'FV')),
	insats_id	integer NOT NULL UNIQUE REFERENCES insats,
	aktiv		boolean NOT NULL DEFAULT true,
	UNIQUE (myndighet, namn),
	FOREIGN KEY (omrade_lista, omrade_id) REFERENCES kod (lista, id),
	FOREIGN KEY (amo_lista, amo_id) REFERENCES kod (lista, id),
	CHECK ((myndighet = 'AF') = (omrade_lista = 'marknadsomrade')),
	CHECK (myndighet = 'AF' OR amo_id IS NULL),
	CHECK ((myndighet = 'FK') = (kontorstyp IS NOT NULL))
);

CREATE FUNCTION affk_kontor_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM insats i JOIN samverkansorg s
	    ON s.id = i.samverkansorg_id WHERE i.id = NEW.insats_id
	    AND s.affk_myndighet = NEW.myndighet) THEN
		RAISE EXCEPTION 'office insats outside its organisation'
		    USING ERRCODE = 'SU079';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER affk_kontor_rules BEFORE INSERT OR UPDATE ON affk_kontor
    FOR EACH ROW EXECUTE FUNCTION affk_kontor_rules();
CREATE TRIGGER affk_kontor_audit AFTER INSERT OR UPDATE OR DELETE
    ON affk_kontor FOR EACH ROW EXECUTE FUNCTION audit_change();

-- The insatstyper's kind and who registers them (3.14). 'bada' is for
-- the endings, which either authority registers in its own phase.
CREATE TABLE affk_insatstyp (
	kod_lista	text NOT NULL DEFAULT 'affk_insatstyp'
			CHECK (kod_lista = 'affk_insatstyp'),
	kod_id		integer PRIMARY KEY,
	slag		text NOT NULL CHECK (slag IN ('aktivitet', 'vantan',
			'avslut')),
	myndighet	text NOT NULL CHECK (myndighet IN ('AF', 'FK', 'bada')),
	UNIQUE (kod_lista, kod_id),
	FOREIGN KEY (kod_lista, kod_id) REFERENCES kod (lista, id)
);
INSERT INTO affk_insatstyp (kod_id, slag, myndighet)
SELECT k.id, v.slag, v.myndighet FROM (VALUES
	('BEGARAN_GK', 'vantan', 'FK'),
	('GK', 'aktivitet', 'FK'),
	('PLANERAD_FORBEREDANDE', 'vantan', 'FK'),
	('PLANERAD_ARBETSLIV', 'vantan', 'FK'),
	('ARBETSFORBEREDANDE', 'aktivitet', 'AF'),
	('ARBETSLIVSINRIKTADE', 'aktivitet', 'AF'),
	('KONSULTATIVT_STOD', 'aktivitet', 'FK'),
	('AVSLUTAT', 'avslut', 'bada'),
	('AVBRUTET', 'avslut', 'bada')
) AS v(kod, slag, myndighet)
JOIN kod k ON k.lista = 'affk_insatstyp' AND k.kod = v.kod;

-- The övergångar the co-operation has, and which authority registers
-- each (rules 47-49). fran_id null: the first step of an ärende. FK
-- registers up to the last GK meeting, including an ending then and
-- konsultativt stöd; Af registers the aktiva insatser and every ending
-- after them. There is no övergång out of an ending.
CREATE TABLE affk_overgang (
	fran_id		integer REFERENCES affk_insatstyp,
	till_id		integer NOT NULL REFERENCES affk_insatstyp,
	myndighet	text NOT NULL CHECK (myndighet IN ('AF', 'FK')),
	UNIQUE NULLS NOT DISTINCT (fran_id, till_id, myndighet)
);
INSERT INTO affk_overgang (fran_id, till_id, myndighet)
SELECT f.id, t.id, v.myndighet FROM (VALUES
	(NULL, 'BEGARAN_GK', 'FK'),
	(NULL, 'GK', 'FK'),
	('BEGARAN_GK', 'GK', 'FK'),
	('BEGARAN_GK', 'AVBRUTET', 'FK'),
	('GK', 'PLANERAD_FORBEREDANDE', 'FK'),
	('GK', 'PLANERAD_ARBETSLIV', 'FK'),
	('GK', 'KONSULTATIVT_STOD', 'FK'),
	('GK', 'AVSLUTAT', 'FK'),
	('GK', 'AVBRUTET', 'FK'),
	('KONSULTATIVT_STOD', 'AVSLUTAT', 'FK'),
	('KONSULTATIVT_STOD', 'AVBRUTET', 'FK'),
	('PLANERAD_FORBEREDANDE', 'ARBETSFORBEREDANDE', 'AF'),
	('PLANERAD_FORBEREDANDE', 'ARBETSLIVSINRIKTADE', 'AF'),
	('PLANERAD_FORBEREDANDE', 'AVSLUTAT', 'AF'),
	('PLANERAD_FORBEREDANDE', 'AVBRUTET', 'AF'),
	('PLANERAD_ARBETSLIV', 'ARBETSLIVSINRIKTADE', 'AF'),
	('PLANERAD_ARBETSLIV', 'ARBETSFORBEREDANDE', 'AF'),
	('PLANERAD_ARBETSLIV', 'AVSLUTAT', 'AF'),
	('PLANERAD_ARBETSLIV', 'AVBRUTET', 'AF'),
	('ARBETSFORBEREDANDE', 'ARBETSLIVSINRIKTADE', 'AF'),
	('ARBETSFORBEREDANDE', 'AVSLUTAT', 'AF'),
	('ARBETSFORBEREDANDE', 'AVBRUTET', 'AF'),
	('ARBETSLIVSINRIKTADE', 'ARBETSFORBEREDANDE', 'AF'),
	('ARBETSLIVSINRIKTADE', 'AVSLUTAT', 'AF'),
	('ARBETSLIVSINRIKTADE', 'AVBRUTET', 'AF')
) AS v(fran, till, myndighet)
LEFT JOIN kod f ON f.lista = 'affk_insatstyp' AND f.kod = v.fran
JOIN kod t ON t.lista = 'affk_insatstyp' AND t.kod = v.till;

-- The questions of a step (Registrera uppgifter). Every answer is a code
-- of the question's list. A question with a villkor is asked only when
-- the other question of the step has that answer.
CREATE TABLE affk_fraga (
	id		integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	insatstyp_id	integer NOT NULL REFERENCES affk_insatstyp,
	kod		text NOT NULL CHECK (kod ~ '^[A-Z0-9_]{1,40}$'),
	text		text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 200),
	lista		text NOT NULL REFERENCES kodlista,
	obligatorisk	boolean NOT NULL DEFAULT true,
	villkor_fraga_id integer REFERENCES affk_fraga,
	villkor_svar_id	integer REFERENCES kod,
	ordning		smallint NOT NULL DEFAULT 0,
	UNIQUE (insatstyp_id, kod),
	CHECK ((villkor_fraga_id IS NULL) = (villkor_svar_id IS NULL))
);
INSERT INTO affk_fraga (insatstyp_id, kod, text, lista, ordning)
SELECT k.id, v.kod, v.text, v.lista, v.ordning FROM (VALUES
	('BEGARAN_GK', 'INSKRIVEN_AF_FORE', 'Inskriven hos Arbetsförmedlingen '
	    'före samarbetet', 'janej', 1),
	('BEGARAN_GK', 'FORSORJNING_FORE', 'Försörjning före samarbetet',
	    'forsorjning', 2),
	('GK', 'INSKRIVEN_AF_FORE', 'Inskriven hos Arbetsförmedlingen '
	    'före samarbetet', 'janej', 1),
	('GK', 'FORSORJNING_FORE', 'Försörjning före samarbetet',
	    'forsorjning', 2),
	('AVSLUTAT', 'INSKRIVEN_AF_EFTER', 'Inskriven hos Arbetsförmedlingen '
	    'efter samarbetet', 'janej', 1),
	('AVSLUTAT', 'ARBETAR_EFTER', 'Arbetar direkt efter samarbetet',
	    'janej', 2),
	('AVSLUTAT', 'TYP_AV_ARBETE', 'Typ av arbete', 'affk_typ_arbete', 3),
	('AVSLUTAT', 'STUDERAR_EFTER', 'Studerar direkt efter samarbetet',
	    'janej', 4),
	('AVBRUTET', 'ORSAK', 'Orsak till att samarbetet avbröts',
	    'affk_avbrott', 1)
) AS v(typ, kod, text, lista, ordning)
JOIN kod k ON k.lista = 'affk_insatstyp' AND k.kod = v.typ;
UPDATE affk_fraga f SET villkor_fraga_id = a.id, villkor_svar_id = j.id
FROM affk_fraga a, kod j
WHERE f.kod = 'TYP_AV_ARBETE' AND a.kod = 'ARBETAR_EFTER'
AND a.insatstyp_id = f.insatstyp_id AND j.lista = 'janej' AND j.kod = 'JA';

-- The ärende (samarbetsärende): one person's co-operation from its first
-- step to its ending. af_kontor_id and fk_kontor_id are the offices
-- handling it now; their history is affk_kontorsbyte. Kön, födelseår
-- and kommun stay for reports when the person is stripped.
CREATE TABLE affk_arende (
	id		bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	person_id	bigint REFERENCES person,
	kon_lista	text NOT NULL DEFAULT 'kon' CHECK (kon_lista = 'kon'),
	kon_id		integer NOT NULL,
	fodelsear	smallint NOT NULL CHECK (fodelsear BETWEEN 1880 AND 2200),
	kommunkod	char(4) REFERENCES kommun,
	initierad_av	text NOT NULL CHECK (initierad_av IN ('AF', 'FK')),
	samtycke	boolean NOT NULL DEFAULT false,
	samtycke_datum	date,
	af_kontor_id	integer NOT NULL REFERENCES affk_kontor,
	fk_kontor_id	integer NOT NULL REFERENCES affk_kontor,
	startdatum	date NOT NULL,
	slutdatum	date,		-- the day of its ending
	registrerad_av	integer REFERENCES anvandare,
	skapad		timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	avidentifierad	timestamptz,
	avidentifierad_orsak text CHECK (avidentifierad_orsak IN
			('skyddad', 'samtycke', 'gallring')),
	FOREIGN KEY (kon_lista, kon_id) REFERENCES kod (lista, id),
	CHECK ((avidentifierad IS NULL) = (avidentifierad_orsak IS NULL)),
	CHECK (avidentifierad IS NOT NULL OR person_id IS NOT NULL),
	CHECK (slutdatum IS NULL OR slutdatum >= startdatum)
);
CREATE INDEX affk_arende_person_idx ON affk_arende (person_id);
CREATE INDEX affk_arende_af_idx ON affk_arende (af_kontor_id);
CREATE INDEX affk_arende_fk_idx ON affk_arende (fk_kontor_id);
CREATE UNIQUE INDEX affk_arende_oppet ON affk_arende (person_id)
    WHERE slutdatum IS NULL AND person_id IS NOT NULL;
CREATE TRIGGER affk_arende_updated BEFORE UPDATE ON affk_arende
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- A period: the ärende in one insatstyp from startdatum (the day of the
-- övergång) to slutdatum (the day before the next). An ending's period
-- is its one day. The offices are those of the ärende when it began.
CREATE TABLE affk_period (
	id		bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	arende_id	bigint NOT NULL REFERENCES affk_arende,
	insatstyp_id	integer NOT NULL REFERENCES affk_insatstyp,
	startdatum	date NOT NULL,
	slutdatum	date,
	af_kontor_id	integer NOT NULL REFERENCES affk_kontor,
	fk_kontor_id	integer NOT NULL REFERENCES affk_kontor,
	myndighet	text NOT NULL CHECK (myndighet IN ('AF', 'FK')),
	registrerad_av	integer REFERENCES anvandare,
	skapad		timestamptz NOT NULL DEFAULT now(),
	CHECK (slutdatum IS NULL OR slutdatum >= startdatum)
);
CREATE INDEX affk_period_arende_idx ON affk_period (arende_id, startdatum);
CREATE UNIQUE INDEX affk_period_oppen ON affk_period (arende_id)
    WHERE slutdatum IS NULL;

-- The answers of a period (Registrera uppgifter); correctable.
CREATE TABLE affk_svar (
	period_id	bigint NOT NULL REFERENCES affk_period,
	fraga_id	integer NOT NULL REFERENCES affk_fraga,
	svar_lista	text NOT NULL,
	svar_id		integer NOT NULL,
	andrad_av	integer REFERENCES anvandare,
	andrad		timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (period_id, fraga_id),
	FOREIGN KEY (svar_lista, svar_id) REFERENCES kod (lista, id)
);

-- Byt kontor (A5): append-only history of the handläggande kontor.
CREATE TABLE affk_kontorsbyte (
	id		bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	arende_id	bigint NOT NULL REFERENCES affk_arende,
	datum		date NOT NULL,
	fran_af_kontor_id integer NOT NULL REFERENCES affk_kontor,
	till_af_kontor_id integer NOT NULL REFERENCES affk_kontor,
	fran_fk_kontor_id integer NOT NULL REFERENCES affk_kontor,
	till_fk_kontor_id integer NOT NULL REFERENCES affk_kontor,
	andrad_av	integer REFERENCES anvandare,
	at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX affk_kontorsbyte_arende_idx ON affk_kontorsbyte (arende_id,
    datum);
CREATE TRIGGER affk_kontorsbyte_no_update BEFORE UPDATE ON affk_kontorsbyte
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER affk_kontorsbyte_no_delete BEFORE DELETE ON affk_kontorsbyte
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER affk_kontorsbyte_no_truncate BEFORE TRUNCATE
    ON affk_kontorsbyte FOR EACH STATEMENT
    EXECUTE FUNCTION audit_refuse_change();

-- The audit trail names the ärende read or written.
ALTER TABLE audit_person ADD COLUMN arende_id bigint;
CREATE INDEX audit_person_arende_idx ON audit_person (arende_id, txid)
    WHERE arende_id IS NOT NULL;

-- Whether an office is of the authority and open.
-- The row is share-locked, so an office being closed at the same moment
-- either waits for this transaction or is seen closed.
CREATE FUNCTION affk_kontor_ok(kid integer, myndighet_ text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	RETURN EXISTS (SELECT 1 FROM affk_kontor k WHERE k.id = kid
	    AND k.myndighet = myndighet_ AND k.aktiv FOR SHARE);
END
$$;

-- The ärende (rules 34, 50, 52): consent, a person who may be
-- registered, offices of the right authorities, one open ärende per
-- person and a new one only after the last has ended.
CREATE FUNCTION affk_arende_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	org_start	date;
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.avidentifierad IS NOT NULL THEN
		RAISE EXCEPTION 'stripped ärende changed'
		    USING ERRCODE = 'SU058';
	END IF;
	IF NEW.avidentifierad IS NOT NULL THEN
		IF TG_OP = 'INSERT' OR NEW.person_id IS NOT NULL OR
		    NEW.startdatum <> OLD.startdatum OR NEW.slutdatum IS
		    DISTINCT FROM OLD.slutdatum THEN
			RAISE EXCEPTION 'stripped ärende changed'
			    USING ERRCODE = 'SU058';
		END IF;
		RETURN NEW;
	END IF;
	IF TG_OP = 'UPDATE' AND OLD.slutdatum IS NOT NULL AND
	    (NEW.af_kontor_id <> OLD.af_kontor_id OR NEW.fk_kontor_id <>
	    OLD.fk_kontor_id OR NEW.slutdatum IS DISTINCT FROM OLD.slutdatum)
	THEN
		RAISE EXCEPTION 'ended ärende changed' USING ERRCODE = 'SU073';
	END IF;
	IF NOT NEW.samtycke OR NEW.samtycke_datum IS NULL THEN
		RAISE EXCEPTION 'no consent' USING ERRCODE = 'SU055';
	END IF;
	IF NEW.startdatum > current_date OR NEW.samtycke_datum > current_date
	THEN
		RAISE EXCEPTION 'date ahead' USING ERRCODE = 'SU052';
	END IF;
	SELECT min(s.startdatum) INTO org_start FROM samverkansorg s
	    WHERE s.affk_myndighet IS NOT NULL;
	IF NEW.startdatum < org_start THEN
		RAISE EXCEPTION 'before the co-operation'
		    USING ERRCODE = 'SU080';
	END IF;
	IF (TG_OP = 'INSERT' OR NEW.af_kontor_id <> OLD.af_kontor_id) AND
	    NOT affk_kontor_ok(NEW.af_kontor_id, 'AF') THEN
		RAISE EXCEPTION 'af office' USING ERRCODE = 'SU075';
	END IF;
	IF (TG_OP = 'INSERT' OR NEW.fk_kontor_id <> OLD.fk_kontor_id) AND
	    NOT affk_kontor_ok(NEW.fk_kontor_id, 'FK') THEN
		RAISE EXCEPTION 'fk office' USING ERRCODE = 'SU075';
	END IF;
	IF EXISTS (SELECT 1 FROM person p JOIN folkbokforing f
	    ON f.personnummer = p.personnummer
	    WHERE p.id = NEW.person_id AND f.skyddad) THEN
		RAISE EXCEPTION 'protected person' USING ERRCODE = 'SU056';
	END IF;
	IF TG_OP = 'INSERT' THEN
		PERFORM 1 FROM person p WHERE p.id = NEW.person_id FOR UPDATE;
		IF EXISTS (SELECT 1 FROM affk_arende a WHERE a.person_id =
		    NEW.person_id AND (a.slutdatum IS NULL OR
		    a.slutdatum >= NEW.startdatum)) THEN
			RAISE EXCEPTION 'ärende open or later'
			    USING ERRCODE = 'SU074';
		END IF;
		-- Rule 50: a returning person gives a new consent.
		IF EXISTS (SELECT 1 FROM affk_arende a WHERE a.person_id =
		    NEW.person_id AND a.slutdatum >= NEW.samtycke_datum) THEN
			RAISE EXCEPTION 'consent of an earlier ärende'
			    USING ERRCODE = 'SU081';
		END IF;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER affk_arende_rules BEFORE INSERT OR UPDATE ON affk_arende
    FOR EACH ROW EXECUTE FUNCTION affk_arende_rules();

-- An övergång (rules 47-49): allowed from the current insatstyp, by the
-- authority registering it, dated after the current period began. The
-- period before ends the day before; an ending ends the ärende. The
-- offices are the ärende's.
CREATE FUNCTION affk_period_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	a	affk_arende%ROWTYPE;
	cur	affk_period%ROWTYPE;
	typ	affk_insatstyp%ROWTYPE;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		-- Only the next övergång ends a period, once.
		IF NEW.arende_id <> OLD.arende_id OR NEW.insatstyp_id <>
		    OLD.insatstyp_id OR NEW.startdatum <> OLD.startdatum OR
		    NEW.af_kontor_id <> OLD.af_kontor_id OR NEW.fk_kontor_id <>
		    OLD.fk_kontor_id OR NEW.myndighet <> OLD.myndighet OR
		    OLD.slutdatum IS NOT NULL OR NEW.slutdatum IS NULL THEN
			RAISE EXCEPTION 'period changed'
			    USING ERRCODE = 'SU078';
		END IF;
		RETURN NEW;
	END IF;
	SELECT * INTO a FROM affk_arende WHERE id = NEW.arende_id FOR UPDATE;
	IF a.avidentifierad IS NOT NULL THEN
		RAISE EXCEPTION 'stripped ärende changed'
		    USING ERRCODE = 'SU058';
	END IF;
	IF a.slutdatum IS NOT NULL THEN
		RAISE EXCEPTION 'ended ärende changed' USING ERRCODE = 'SU073';
	END IF;
	SELECT * INTO typ FROM affk_insatstyp WHERE kod_id = NEW.insatstyp_id;
	SELECT * INTO cur FROM affk_period WHERE arende_id = NEW.arende_id
	    AND slutdatum IS NULL;
	IF NOT EXISTS (SELECT 1 FROM affk_overgang o
	    WHERE o.fran_id IS NOT DISTINCT FROM cur.insatstyp_id
	    AND o.till_id = NEW.insatstyp_id) THEN
		RAISE EXCEPTION 'no such övergång' USING ERRCODE = 'SU070';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM affk_overgang o
	    WHERE o.fran_id IS NOT DISTINCT FROM cur.insatstyp_id
	    AND o.till_id = NEW.insatstyp_id
	    AND o.myndighet = NEW.myndighet) THEN
		RAISE EXCEPTION 'the other authority registers this'
		    USING ERRCODE = 'SU071';
	END IF;
	IF NEW.startdatum > current_date THEN
		RAISE EXCEPTION 'date ahead' USING ERRCODE = 'SU052';
	END IF;
	IF cur.id IS NULL THEN
		IF NEW.startdatum <> a.startdatum THEN
			RAISE EXCEPTION 'first period off the ärende start'
			    USING ERRCODE = 'SU072';
		END IF;
	ELSE
		IF NEW.startdatum <= cur.startdatum OR EXISTS (SELECT 1 FROM
		    affk_kontorsbyte b WHERE b.arende_id = NEW.arende_id
		    AND b.datum > NEW.startdatum) THEN
			RAISE EXCEPTION 'övergång before the current period'
			    USING ERRCODE = 'SU072';
		END IF;
		UPDATE affk_period SET slutdatum = NEW.startdatum - 1
		    WHERE id = cur.id;
	END IF;
	NEW.af_kontor_id := a.af_kontor_id;
	NEW.fk_kontor_id := a.fk_kontor_id;
	IF typ.slag = 'avslut' THEN
		NEW.slutdatum := NEW.startdatum;
		UPDATE affk_arende SET slutdatum = NEW.startdatum
		    WHERE id = NEW.arende_id;
	ELSE
		NEW.slutdatum := NULL;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER affk_period_rules BEFORE INSERT OR UPDATE ON affk_period
    FOR EACH ROW EXECUTE FUNCTION affk_period_rules();
CREATE TRIGGER affk_period_no_delete BEFORE DELETE ON affk_period
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- An answer belongs to a question of its period's insatstyp and is a
-- code of that question's list.
CREATE FUNCTION affk_svar_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	r	record;
BEGIN
	IF TG_OP = 'DELETE' THEN
		r := OLD;
	ELSE
		r := NEW;
	END IF;
	IF EXISTS (SELECT 1 FROM affk_period p JOIN affk_arende a
	    ON a.id = p.arende_id WHERE p.id = r.period_id
	    AND a.avidentifierad IS NOT NULL) THEN
		RAISE EXCEPTION 'stripped ärende changed'
		    USING ERRCODE = 'SU058';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM affk_fraga f JOIN affk_period p
	    ON p.insatstyp_id = f.insatstyp_id WHERE f.id = NEW.fraga_id
	    AND p.id = NEW.period_id AND f.lista = NEW.svar_lista) THEN
		RAISE EXCEPTION 'answer to a question not asked'
		    USING ERRCODE = 'SU077';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER affk_svar_rules BEFORE INSERT OR UPDATE OR DELETE ON affk_svar
    FOR EACH ROW EXECUTE FUNCTION affk_svar_rules();

-- Byt kontor (rule 52): an open ärende, both new offices of the right
-- authority, something changed, dated within the current period and
-- not before an earlier change. The ärende takes the new offices.
CREATE FUNCTION affk_kontorsbyte_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	a	affk_arende%ROWTYPE;
BEGIN
	SELECT * INTO a FROM affk_arende WHERE id = NEW.arende_id FOR UPDATE;
	IF a.avidentifierad IS NOT NULL THEN
		RAISE EXCEPTION 'stripped ärende changed'
		    USING ERRCODE = 'SU058';
	END IF;
	IF a.slutdatum IS NOT NULL THEN
		RAISE EXCEPTION 'ended ärende changed' USING ERRCODE = 'SU073';
	END IF;
	IF NOT affk_kontor_ok(NEW.till_af_kontor_id, 'AF') OR
	    NOT affk_kontor_ok(NEW.till_fk_kontor_id, 'FK') THEN
		RAISE EXCEPTION 'office' USING ERRCODE = 'SU075';
	END IF;
	IF NEW.till_af_kontor_id = a.af_kontor_id AND
	    NEW.till_fk_kontor_id = a.fk_kontor_id THEN
		RAISE EXCEPTION 'nothing changed' USING ERRCODE = 'SU076';
	END IF;
	IF NEW.datum > current_date THEN
		RAISE EXCEPTION 'date ahead' USING ERRCODE = 'SU052';
	END IF;
	IF NEW.datum < (SELECT p.startdatum FROM affk_period p
	    WHERE p.arende_id = a.id AND p.slutdatum IS NULL) OR EXISTS
	    (SELECT 1 FROM affk_kontorsbyte b WHERE b.arende_id = a.id
	    AND b.datum > NEW.datum) THEN
		RAISE EXCEPTION 'office change before the current period'
		    USING ERRCODE = 'SU072';
	END IF;
	NEW.fran_af_kontor_id := a.af_kontor_id;
	NEW.fran_fk_kontor_id := a.fk_kontor_id;
	UPDATE affk_arende SET af_kontor_id = NEW.till_af_kontor_id,
	    fk_kontor_id = NEW.till_fk_kontor_id WHERE id = a.id;
	RETURN NEW;
END
$$;
CREATE TRIGGER affk_kontorsbyte_rules BEFORE INSERT ON affk_kontorsbyte
    FOR EACH ROW EXECUTE FUNCTION affk_kontorsbyte_rules();

-- No write of an ärende, its periods, answers or office changes without
-- an audit_person row naming the ärende in the same transaction.
CREATE FUNCTION affk_write_audited() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	aid	bigint;
BEGIN
	IF TG_TABLE_NAME = 'affk_arende' THEN
		aid := NEW.id;
	ELSIF TG_TABLE_NAME = 'affk_svar' THEN
		IF TG_OP = 'DELETE' THEN
			SELECT p.arende_id INTO aid FROM affk_period p
			    WHERE p.id = OLD.period_id;
		ELSE
			SELECT p.arende_id INTO aid FROM affk_period p
			    WHERE p.id = NEW.period_id;
		END IF;
	ELSE
		aid := NEW.arende_id;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM audit_person a WHERE a.arende_id = aid
	    AND a.txid = txid_current()) THEN
		RAISE EXCEPTION 'personal data written without audit'
		    USING ERRCODE = 'SU063';
	END IF;
	RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER affk_arende_audited AFTER INSERT OR UPDATE
    ON affk_arende DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION affk_write_audited();
CREATE CONSTRAINT TRIGGER affk_period_audited AFTER INSERT OR UPDATE
    ON affk_period DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION affk_write_audited();
CREATE CONSTRAINT TRIGGER affk_svar_audited AFTER INSERT OR UPDATE OR DELETE
    ON affk_svar DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION affk_write_audited();
CREATE CONSTRAINT TRIGGER affk_kontorsbyte_audited AFTER INSERT
    ON affk_kontorsbyte DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION affk_write_audited();

-- Anonymous Af/FK participants are counted on an office, an insats that
-- is neither categorised nor measured by person; participations keep
-- the Finsam rules of 0007 (SU042, SU043) unchanged.
CREATE OR REPLACE FUNCTION deltagande_insats_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_TABLE_NAME = 'anonym_deltagande' AND EXISTS (SELECT 1
	    FROM affk_kontor k WHERE k.insats_id = NEW.insats_id) THEN
		RETURN NEW;
	END IF;
	IF NOT insats_kategoriserad(NEW.insats_id) THEN
		RAISE EXCEPTION 'insats not categorised'
		    USING ERRCODE = 'SU042';
	END IF;
	IF kod_kod((SELECT matningsmetod_id FROM insats
	    WHERE id = NEW.insats_id)) <> 'PERSON' THEN
		RAISE EXCEPTION 'participant on a volyminsats'
		    USING ERRCODE = 'SU043';
	END IF;
	RETURN NEW;
END
$$;

-- What reports may read about ärenden and their periods: no person, no
-- name, no number.
CREATE VIEW affk_statistik AS
	SELECT p.id AS period_id, p.arende_id, a.initierad_av,
	    kod_kod(a.kon_id) AS kon, a.fodelsear, a.kommunkod,
	    a.startdatum AS arende_start, a.slutdatum AS arende_slut,
	    kod_kod(p.insatstyp_id) AS insatstyp, t.slag, p.startdatum,
	    p.slutdatum, p.af_kontor_id, p.fk_kontor_id, p.myndighet
	FROM affk_period p JOIN affk_arende a ON a.id = p.arende_id
	JOIN affk_insatstyp t ON t.kod_id = p.insatstyp_id;

REVOKE ALL ON affk_kontor, affk_insatstyp, affk_overgang, affk_fraga,
    affk_arende, affk_period, affk_svar, affk_kontorsbyte, affk_statistik
    FROM PUBLIC;
GRANT SELECT ON affk_insatstyp, affk_overgang, affk_fraga, affk_statistik
    TO sus_app;
GRANT SELECT, INSERT, UPDATE ON affk_kontor, affk_arende, affk_period
    TO sus_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON affk_svar TO sus_app;
GRANT SELECT, INSERT ON affk_kontorsbyte TO sus_app;
GRANT USAGE, SELECT ON SEQUENCE affk_kontor_id_seq, affk_arende_id_seq,
    affk_period_id_seq, affk_kontorsbyte_id_seq TO sus_app;
