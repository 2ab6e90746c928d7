-- Demo data for "susd demo": samverkansorganisationer, organisations and
-- one user per role, all with the password "demo2026". Not a migration.
--
-- Loaded into a migrated database with one PQexec; does nothing when the
-- demo data is already there, so loading it twice is harmless.
-- Organisationsnummer are invented in the 222222-xxxx range, which no real
-- organisation uses; people and e-mail addresses are invented.

DO $demo$
BEGIN
	IF EXISTS (SELECT 1 FROM anvandare WHERE username = 'admin') OR
	    EXISTS (SELECT 1 FROM samverkansorg
	    WHERE organisationsnummer LIKE '222222-%') THEN
		RETURN;
	END IF;

	INSERT INTO organisation (namn, organisationstyp, kommunkod, lanskod)
	VALUES
		('Försäkringskassan', 'Stat', NULL, NULL),
		('Arbetsförmedlingen', 'Stat', NULL, NULL),
		('Region Stockholm', 'Landsting/Region', NULL, '01'),
		('Region Uppsala', 'Landsting/Region', NULL, '03'),
		('Region Skåne', 'Landsting/Region', NULL, '12'),
		('Region Västra Götaland', 'Landsting/Region', NULL, '14'),
		('Region Jämtland Härjedalen', 'Landsting/Region', NULL, '23'),
		('Stockholms stad', 'Kommun', '0180', '01'),
		('Uppsala kommun', 'Kommun', '0380', '03'),
		('Malmö stad', 'Kommun', '1280', '12'),
		('Göteborgs stad', 'Kommun', '1480', '14'),
		('Skövde kommun', 'Kommun', '1496', '14'),
		('Östersunds kommun', 'Kommun', '2380', '23'),
		('Samordningsförbundet Göteborg', 'Samordningsförbund',
		    '1480', '14'),
		('Svenska ESF-rådet', 'ESF', NULL, NULL),
		('Ideell förening Arbetsbron', 'Övriga', '1480', '14')
	ON CONFLICT (namn) DO NOTHING;

	INSERT INTO samverkansorg (namn, organisationsnummer,
	    samverkansform_id, beskrivning, startdatum, slutdatum, postort,
	    epost)
	SELECT v.namn, v.orgnr, f.id, v.beskrivning, v.startdatum::date,
	    v.slutdatum::date, v.postort, v.epost
	FROM (VALUES
		('Samordningsförbundet Göteborg', '222222-0101', 'FINSAM',
		    'Finansiell samordning för rehabilitering av Göteborgare '
		    'som behöver stöd från flera myndigheter.',
		    '2005-01-01', NULL, 'Göteborg',
		    'info@sf-goteborg.example.se'),
		('Samordningsförbundet Stockholms stad', '222222-0102',
		    'FINSAM', 'Samordnade insatser för personer som står '
		    'långt från arbetsmarknaden i Stockholms stad.',
		    '2009-03-01', NULL, 'Stockholm',
		    'kansli@sf-stockholm.example.se'),
		('Samordningsförbundet Malmö', '222222-0103', 'FINSAM',
		    'Samverkan mellan Malmö stad, Region Skåne, '
		    'Försäkringskassan och Arbetsförmedlingen.',
		    '2007-01-01', NULL, 'Malmö', NULL),
		('Samordningsförbundet Uppsala län', '222222-0104', 'FINSAM',
		    'Länsövergripande förbund för länets åtta kommuner.',
		    '2008-01-01', NULL, 'Uppsala', NULL),
		('Samordningsförbundet Östra Skaraborg', '222222-0105',
		    'FINSAM', 'Sex kommuner i östra Skaraborg samverkar kring '
		    'arbetslivsinriktad rehabilitering.',
		    '2006-04-01', NULL, 'Skövde', NULL),
		('Samordningsförbundet Östra Södertörn', '222222-0106',
		    'FINSAM', NULL, '2010-01-01', NULL, 'Haninge', NULL),
		('Samordningsförbundet Halland', '222222-0107', 'FINSAM',
		    'Förbund för samtliga kommuner i Hallands län.',
		    '2011-01-01', NULL, 'Halmstad', NULL),
		('Samordningsförbundet Gotland', '222222-0108', 'FINSAM',
		    NULL, '2006-01-01', NULL, 'Visby', NULL),
		('Samordningsförbundet Malmfälten', '222222-0109', 'FINSAM',
		    'Kiruna och Gällivare samverkar i Malmfälten.',
		    '2012-01-01', NULL, 'Kiruna', NULL),
		('Samordningsförbundet Västerås', '222222-0110', 'FINSAM',
		    NULL, '2004-09-01', NULL, 'Västerås', NULL),
		('Samordningsförbundet Umeå', '222222-0111', 'FINSAM',
		    NULL, '2008-06-01', '2019-12-31', 'Umeå', NULL),
		('Samordningsförbundet Linköping', '222222-0112', 'FINSAM',
		    NULL, '2013-01-01', NULL, 'Linköping', NULL),
		('Östersunds samordningsförbund', '222222-0113', 'FINSAM',
		    'Finsam i Östersund med stöd av Region Jämtland '
		    'Härjedalen.', '2014-01-01', NULL, 'Östersund', NULL),
		('Ängelholms samordningsförbund', '222222-0114', 'FINSAM',
		    NULL, '2015-01-01', NULL, 'Ängelholm', NULL),
		('Årjängs och Edas samordningsförbund', '222222-0115',
		    'FINSAM', NULL, '2012-07-01', NULL, 'Årjäng', NULL),
		('LFC Sundsvall och Landstinget Västernorrland',
		    '222222-0201', 'TVAPARTSFINSAM',
		    'Tvåpartssamverkan mellan lokalt försäkringscenter och '
		    'landstinget.', '2005-01-01', '2014-12-31', 'Sundsvall',
		    NULL),
		('LFC Karlstad och Landstinget i Värmland', '222222-0202',
		    'TVAPARTSFINSAM', NULL, '2006-01-01', NULL, 'Karlstad',
		    NULL),
		('LFC Kalmar och Landstinget i Kalmar län', '222222-0203',
		    'TVAPARTSFINSAM', NULL, '2007-01-01', NULL, 'Kalmar', NULL),
		('Samverkansområde Dalarna', '222222-0301', 'HANDLINGSPLAN',
		    'Handlingsplansamverkan, registrerad till februari 2013.',
		    '2008-01-01', '2013-01-31', 'Falun', NULL)
		-- The two Af/FK organisations are fixed: schema 0010.
	) AS v(namn, orgnr, kod, beskrivning, startdatum, slutdatum, postort,
	    epost)
	JOIN samverkansform f ON f.kod = v.kod;

	-- The kommuner each one serves (Af/FK works nationwide: none).
	INSERT INTO samverkansorg_kommun (samverkansorg_id, kommunkod)
	SELECT s.id, k.kod
	FROM (VALUES
		('Samordningsförbundet Göteborg', ARRAY['1480']),
		('Samordningsförbundet Stockholms stad', ARRAY['0180']),
		('Samordningsförbundet Malmö', ARRAY['1280']),
		('Samordningsförbundet Uppsala län', ARRAY['0305', '0319',
		    '0330', '0331', '0360', '0380', '0381', '0382']),
		('Samordningsförbundet Östra Skaraborg', ARRAY['1446', '1472',
		    '1496', '1497', '1498', '1499']),
		('Samordningsförbundet Östra Södertörn', ARRAY['0136', '0138',
		    '0192']),
		('Samordningsförbundet Halland', ARRAY['1315', '1380', '1381',
		    '1382', '1383', '1384']),
		('Samordningsförbundet Gotland', ARRAY['0980']),
		('Samordningsförbundet Malmfälten', ARRAY['2523', '2584']),
		('Samordningsförbundet Västerås', ARRAY['1980']),
		('Samordningsförbundet Umeå', ARRAY['2480']),
		('Samordningsförbundet Linköping', ARRAY['0580']),
		('Östersunds samordningsförbund', ARRAY['2380']),
		('Ängelholms samordningsförbund', ARRAY['1292']),
		('Årjängs och Edas samordningsförbund', ARRAY['1730', '1765']),
		('LFC Sundsvall och Landstinget Västernorrland',
		    ARRAY['2262', '2281']),
		('LFC Karlstad och Landstinget i Värmland', ARRAY['1780']),
		('LFC Kalmar och Landstinget i Kalmar län', ARRAY['0880',
		    '0881', '0885']),
		('Samverkansområde Dalarna', ARRAY['2080', '2081', '2085'])
	) AS v(namn, koder)
	JOIN samverkansorg s ON s.namn = v.namn
	CROSS JOIN LATERAL unnest(v.koder) AS k(kod);

	-- Two förbund that serve only some districts of their city.
	INSERT INTO samverkansorg_kommun (samverkansorg_id, kommunkod,
	    stadsdel_id)
	SELECT s.id, d.kommunkod, d.id
	FROM (VALUES
		('Samordningsförbundet Göteborg', '1480', 'Nordost'),
		('Samordningsförbundet Göteborg', '1480', 'Hisingen'),
		('Samordningsförbundet Stockholms stad', '0180', 'Järva'),
		('Samordningsförbundet Stockholms stad', '0180', 'Södermalm')
	) AS v(namn, kommunkod, stadsdel)
	JOIN samverkansorg s ON s.namn = v.namn
	JOIN stadsdel d ON d.kommunkod = v.kommunkod AND d.namn = v.stadsdel
	    AND d.giltig_tom IS NULL;

	INSERT INTO samverkansorg_organisation (samverkansorg_id,
	    organisation_id, medlem, finansiar, konsument)
	SELECT s.id, o.id, v.medlem, v.finansiar, v.konsument
	FROM (VALUES
		('Samordningsförbundet Göteborg', 'Försäkringskassan',
		    true, true, false),
		('Samordningsförbundet Göteborg', 'Arbetsförmedlingen',
		    true, true, false),
		('Samordningsförbundet Göteborg', 'Region Västra Götaland',
		    true, true, true),
		('Samordningsförbundet Göteborg', 'Göteborgs stad',
		    true, true, true),
		('Samordningsförbundet Göteborg', 'Svenska ESF-rådet',
		    false, true, false),
		('Samordningsförbundet Göteborg', 'Ideell förening Arbetsbron',
		    false, false, true),
		('Samordningsförbundet Stockholms stad', 'Försäkringskassan',
		    true, true, false),
		('Samordningsförbundet Stockholms stad', 'Arbetsförmedlingen',
		    true, true, false),
		('Samordningsförbundet Stockholms stad', 'Region Stockholm',
		    true, true, true),
		('Samordningsförbundet Stockholms stad', 'Stockholms stad',
		    true, true, true),
		('Samordningsförbundet Malmö', 'Försäkringskassan',
		    true, true, false),
		('Samordningsförbundet Malmö', 'Arbetsförmedlingen',
		    true, true, false),
		('Samordningsförbundet Malmö', 'Region Skåne',
		    true, true, true),
		('Samordningsförbundet Malmö', 'Malmö stad', true, true, true),
		('Samordningsförbundet Uppsala län', 'Region Uppsala',
		    true, true, true),
		('Samordningsförbundet Uppsala län', 'Uppsala kommun',
		    true, true, true),
		('Samordningsförbundet Östra Skaraborg', 'Skövde kommun',
		    true, true, true),
		('Östersunds samordningsförbund', 'Östersunds kommun',
		    true, true, true),
		('Östersunds samordningsförbund', 'Region Jämtland Härjedalen',
		    true, true, true)
	) AS v(namn, organisation, medlem, finansiar, konsument)
	JOIN samverkansorg s ON s.namn = v.namn
	JOIN organisation o ON o.namn = v.organisation;

	-- One user per role; the hash is crypto_pwhash_str("demo2026").
	INSERT INTO anvandare (username, password_hash, fornamn, efternamn,
	    epost, arbetsgivare_id)
	SELECT v.username,
	    '$argon2id$v=19$m=65536,t=2,p=1$bVzgR1MEv84a03Svn7KbnA$U6u1HnmW/kRpx34sAyHxVGT9T0QoCS4ffRHaNSy/qaI',
	    v.fornamn, v.efternamn, v.epost, o.id
	FROM (VALUES
		('admin', 'Anna', 'Lindqvist', 'anna.lindqvist@example.se',
		    'Försäkringskassan, SUS-förvaltningen'),
		('samadm', 'Erik', 'Öberg', 'erik.oberg@example.se',
		    'Samordningsförbundet Göteborg'),
		('insatsansv', 'Maria', 'Åkesson', 'maria.akesson@example.se',
		    'Göteborgs stad'),
		('deltagaransv', 'Johan', 'Ekström',
		    'johan.ekstrom@example.se', 'Region Västra Götaland'),
		('rapport', 'Karin', 'Nyberg', 'karin.nyberg@example.se',
		    'Region Stockholm')
	) AS v(username, fornamn, efternamn, epost, arbetsgivare)
	JOIN organisation o ON o.namn = v.arbetsgivare;

	-- Every user also holds susrapport (rule 19).
	INSERT INTO anvandare_roll (anvandare_id, roll)
	SELECT a.id, r.roll
	FROM (VALUES
		('admin', 'superadmin'),
		('samadm', 'samverkansadmin'),
		('insatsansv', 'insatsansvarig'),
		('deltagaransv', 'deltagaransvarig'),
		('admin', 'susrapport'),
		('samadm', 'susrapport'),
		('insatsansv', 'susrapport'),
		('deltagaransv', 'susrapport'),
		('rapport', 'susrapport')
	) AS r(username, roll)
	JOIN anvandare a ON a.username = r.username
	ON CONFLICT DO NOTHING;
END
$demo$;

-- Behörigheter (schema 0005): agreements, a beställare with an order
-- waiting, insatser and the uppdrag that let the demo users work. Its own
-- block, so a database loaded before 0005 gets it on the next "demo".
DO $demo$
BEGIN
	IF EXISTS (SELECT 1 FROM anvandare WHERE username = 'bestallare') THEN
		RETURN;
	END IF;

	INSERT INTO overenskommelse (organisation_id, undertecknad)
	SELECT o.id, v.undertecknad::date
	FROM (VALUES
		('Göteborgs stad', '2014-05-12'),
		('Region Västra Götaland', '2014-06-02'),
		('Samordningsförbundet Göteborg', '2014-05-20'),
		('Stockholms stad', '2015-01-15'),
		('Arbetsförmedlingen', '2014-04-21')
	) AS v(namn, undertecknad)
	JOIN organisation o ON o.namn = v.namn
	ON CONFLICT (organisation_id) DO NOTHING;

	INSERT INTO anvandare (username, password_hash, fornamn, efternamn,
	    epost, arbetsgivare_id)
	SELECT v.username,
	    '$argon2id$v=19$m=65536,t=2,p=1$bVzgR1MEv84a03Svn7KbnA$U6u1HnmW/kRpx34sAyHxVGT9T0QoCS4ffRHaNSy/qaI',
	    v.fornamn, v.efternamn, v.epost, o.id
	FROM (VALUES
		('bestallare', 'Lena', 'Holm', 'lena.holm@example.se',
		    'Göteborgs stad'),
		('nberg', 'Nils', 'Berg', 'nils.berg@example.se',
		    'Göteborgs stad'),
		('slund', 'Sara', 'Lund', 'sara.lund@example.se',
		    'Arbetsförmedlingen'),
		('akarlsson', 'Ahmed', 'Karlsson', 'ahmed.karlsson@example.se',
		    'Samordningsförbundet Göteborg')
	) AS v(username, fornamn, efternamn, epost, arbetsgivare)
	JOIN organisation o ON o.namn = v.arbetsgivare;

	INSERT INTO anvandare_roll (anvandare_id, roll)
	SELECT a.id, r.roll
	FROM (VALUES
		('nberg', 'insatsansvarig'),
		('slund', 'deltagaransvarig'),
		('akarlsson', 'samverkansadmin')
	) AS r(username, roll)
	JOIN anvandare a ON a.username = r.username
	ON CONFLICT DO NOTHING;

	-- Lena Holm may order users for Göteborgs stad until next year.
	INSERT INTO bestallare (anvandare_id, organisation_id, giltig_from,
	    giltig_tom)
	SELECT a.id, a.arbetsgivare_id, current_date - 90, current_date + 640
	FROM anvandare a WHERE a.username = 'bestallare';

	INSERT INTO bestallning (bestallare_id, typ, username, fornamn,
	    efternamn, epost, roller)
	SELECT b.id, 'ny', 'pgren', 'Per', 'Gren', 'per.gren@example.se',
	    ARRAY['deltagaransvarig', 'susrapport']
	FROM bestallare b JOIN anvandare a ON a.id = b.anvandare_id
	WHERE a.username = 'bestallare';

	INSERT INTO insats (samverkansorg_id, namn, startdatum, slutdatum)
	SELECT s.id, v.namn, v.startdatum::date, v.slutdatum::date
	FROM (VALUES
		('Samordningsförbundet Göteborg', 'Steget vidare',
		    '2020-01-01', NULL),
		('Samordningsförbundet Göteborg', 'Hisingens arbetsväg',
		    '2021-03-01', NULL),
		('Samordningsförbundet Göteborg', 'Nordost i arbete',
		    '2016-09-01', '2019-12-31'),
		('Samordningsförbundet Stockholms stad', 'Järva jobbstart',
		    '2019-02-01', NULL),
		('Samordningsförbundet Malmö', 'Malmö navigator',
		    '2018-01-15', NULL)
	) AS v(samorg, namn, startdatum, slutdatum)
	JOIN samverkansorg s ON s.namn = v.samorg;

	INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id, giltig_from)
	SELECT a.id, v.roll, s.id, '2024-01-01'
	FROM (VALUES
		('samadm', 'samverkansadmin', 'Samordningsförbundet Göteborg'),
		('insatsansv', 'insatsansvarig',
		    'Samordningsförbundet Göteborg')
	) AS v(username, roll, samorg)
	JOIN anvandare a ON a.username = v.username
	JOIN samverkansorg s ON s.namn = v.samorg;

	INSERT INTO uppdrag (anvandare_id, roll, insats_id, giltig_from)
	SELECT a.id, 'deltagaransvarig', i.id, '2024-01-01'
	FROM anvandare a, insats i
	WHERE a.username = 'deltagaransv' AND i.namn = 'Steget vidare';
END
$demo$;

-- Samverkansorganisation administration (schema 0006): Samordningsförbundet
-- Göteborg's budget and utfall for last year and this year, its insatser's
-- budget lines and two kompletterande frågor. No other organisation gets
-- budget data: the tests use them empty. Its own block, so a database
-- loaded before 0006 gets it on the next "demo".
DO $demo$
DECLARE
	sorg	integer;
	y	integer := extract(year FROM current_date)::integer;
BEGIN
	SELECT id INTO sorg FROM samverkansorg
	WHERE namn = 'Samordningsförbundet Göteborg';
	IF sorg IS NULL OR EXISTS (SELECT 1 FROM samorg_finansiering
	    WHERE samverkansorg_id = sorg) OR EXISTS (SELECT 1 FROM fraga
	    WHERE samverkansorg_id = sorg) THEN
		RETURN;
	END IF;

	-- The parties of a Finsam förbund, all members and finansiärer.
	INSERT INTO samverkansorg_organisation (samverkansorg_id,
	    organisation_id, medlem, finansiar, konsument)
	SELECT sorg, o.id, true, true, v.konsument
	FROM (VALUES
		('Försäkringskassan', false),
		('Arbetsförmedlingen', false),
		('Region Västra Götaland', true),
		('Göteborgs stad', true)
	) AS v(namn, konsument)
	JOIN organisation o ON o.namn = v.namn
	ON CONFLICT (samverkansorg_id, organisation_id) DO UPDATE
	    SET medlem = true, finansiar = true;

	-- Half from the state through Försäkringskassan, a quarter each from
	-- the region and the city; last year with utfall.
	INSERT INTO samorg_finansiering (samverkansorg_id, ar, organisation_id,
	    eget_kapital, belopp, utfall, beskrivning)
	SELECT sorg, y + v.ar, o.id, false, v.belopp, v.utfall, v.beskrivning
	FROM (VALUES
		(-1, 'Försäkringskassan', 6000000, 6000000,
		    'Statens andel'),
		(-1, 'Region Västra Götaland', 3000000, 3000000,
		    'Regionens andel'),
		(-1, 'Göteborgs stad', 3000000, 2950000, 'Kommunens andel'),
		(0, 'Försäkringskassan', 6400000, NULL, 'Statens andel'),
		(0, 'Region Västra Götaland', 3200000, NULL,
		    'Regionens andel'),
		(0, 'Göteborgs stad', 3200000, NULL, 'Kommunens andel')
	) AS v(ar, organisation, belopp, utfall, beskrivning)
	JOIN organisation o ON o.namn = v.organisation;
	INSERT INTO samorg_finansiering (samverkansorg_id, ar, organisation_id,
	    eget_kapital, belopp, beskrivning)
	VALUES (sorg, y, NULL, true, 850000,
	    'Eget kapital från ' || (y - 1)::text);

	INSERT INTO samorg_admkostnad (samverkansorg_id, ar, kostnadstyp_id,
	    budget, utfall, beskrivning)
	SELECT sorg, y + v.ar, k.id, v.budget, v.utfall, v.beskrivning
	FROM (VALUES
		(-1, 'KRING', 420000, 398500, 'Lokal, telefoni och material'),
		(-1, 'PERSONAL', 1650000, 1702300,
		    'Förbundschef och samordnare'),
		(0, 'KRING', 440000, NULL, 'Lokal, telefoni och material'),
		(0, 'PERSONAL', 1720000, NULL, 'Förbundschef och samordnare')
	) AS v(ar, kod, budget, utfall, beskrivning)
	JOIN kod k ON k.lista = 'kostnadstyp' AND k.kod = v.kod;

	-- Rule 10: a FINSAM insats's lines name no organisation.
	INSERT INTO insats_budgetpost (insats_id, ar, budgettyp_id, budget,
	    utfall, beskrivning)
	SELECT i.id, y + v.ar, k.id, v.budget, v.utfall, v.beskrivning
	FROM (VALUES
		('Steget vidare', -1, 2400000, 2310000, 'Personal och lokal'),
		('Steget vidare', 0, 2500000, NULL, 'Personal och lokal'),
		('Hisingens arbetsväg', 0, 1800000, NULL,
		    'Coacher och arbetsträning')
	) AS v(insats, ar, budget, utfall, beskrivning)
	JOIN insats i ON i.samverkansorg_id = sorg AND i.namn = v.insats
	JOIN kod k ON k.lista = 'budgettyp' AND k.kod = 'INSATS';

	INSERT INTO fraga (samverkansorg_id, namn, giltig_from, mattillfalle,
	    svarstyp, obligatorisk, ordning)
	VALUES
		(sorg, 'Har deltagaren tidigare deltagit i en insats hos '
		    'förbundet?', '2024-01-01', 'in', 'janej', true, 1),
		(sorg, 'Hur nöjd är deltagaren med stödet i insatsen?',
		    '2024-01-01', 'ut', 'enval', false, 2);
	INSERT INTO fraga_alternativ (fraga_id, text, ordning)
	SELECT f.id, v.text, v.ordning
	FROM (VALUES
		('Mycket nöjd', 1),
		('Ganska nöjd', 2),
		('Inte nöjd', 3)
	) AS v(text, ordning)
	JOIN fraga f ON f.samverkansorg_id = sorg
	    AND f.namn = 'Hur nöjd är deltagaren med stödet i insatsen?';
END
$demo$;

-- Insats (schema 0007): the demo insatser categorised, planned
-- participants for Steget vidare this year, a volyminsats with counts for
-- three months of last year (one corrected once, so the history shows)
-- and a new förstudie not yet categorised. Its own block, so a database
-- loaded before 0007 gets it on the next "demo".
DO $demo$
DECLARE
	sorg	integer;
	ansv	integer;
	nat	integer;
	fel	integer;
	y	integer := extract(year FROM current_date)::integer;
BEGIN
	SELECT id INTO sorg FROM samverkansorg
	WHERE namn = 'Samordningsförbundet Göteborg';
	IF sorg IS NULL OR EXISTS (SELECT 1 FROM insats
	    WHERE samverkansorg_id = sorg
	    AND lower(namn) = lower('Nätverksträffar Göteborg')) THEN
		RETURN;
	END IF;
	SELECT id INTO ansv FROM anvandare WHERE username = 'insatsansv';

	INSERT INTO insats (samverkansorg_id, namn, startdatum, beskrivning,
	    skapad_av)
	VALUES
		(sorg, 'Nätverksträffar Göteborg', '2022-01-01',
		    'Återkommande nätverksträffar för handläggare hos '
		    'parterna om samverkan kring rehabilitering.', ansv),
		(sorg, 'Förstudie Angered', make_date(y, 1, 1),
		    'Förstudie om behovet av en samordnad insats för unga '
		    'i Angered.', ansv);

	-- Categorisation; only insatser nobody has categorised yet.
	UPDATE insats i
	SET inriktning_id = r.id, preciserad_id = p.id,
	    matningsmetod_id = m.id,
	    beskrivning = CASE WHEN i.beskrivning = '' THEN v.beskrivning
		ELSE i.beskrivning END
	FROM (VALUES
		('Samordningsförbundet Göteborg', 'Steget vidare', 'INDIVID',
		    'ARBETSTRANING', 'PERSON', 'Arbetsträning med stöd av '
		    'coach för den som länge stått utanför arbetsmarknaden.'),
		('Samordningsförbundet Göteborg', 'Hisingens arbetsväg',
		    'INDIVID', 'SAMORDNING', 'PERSON', 'Samordnat stöd till '
		    'unga på Hisingen på väg mot arbete eller studier.'),
		('Samordningsförbundet Göteborg', 'Nordost i arbete',
		    'INDIVID', 'REHAB', 'PERSON', 'Arbetslivsinriktad '
		    'rehabilitering för långtidssjukskrivna i Nordost.'),
		('Samordningsförbundet Göteborg', 'Nätverksträffar Göteborg',
		    'STRUKTUR', 'NATVERK', 'ANTAL', NULL),
		('Samordningsförbundet Stockholms stad', 'Järva jobbstart',
		    'INDIVID', 'KARTLAGGNING', 'PERSON', 'Kartläggning och '
		    'stöd till nyanlända i Järva.'),
		('Samordningsförbundet Malmö', 'Malmö navigator', 'INDIVID',
		    'SAMORDNING', 'PERSON', 'Navigatorer som lotsar unga '
		    'mellan myndigheterna.')
	) AS v(samorg, namn, inriktning, preciserad, metod, beskrivning)
	JOIN samverkansorg s ON s.namn = v.samorg
	JOIN kod r ON r.lista = 'inriktning' AND r.kod = v.inriktning
	JOIN kod p ON p.lista = 'preciserad_inriktning' AND p.kod = v.preciserad
	JOIN kod m ON m.lista = 'matningsmetod' AND m.kod = v.metod
	WHERE i.samverkansorg_id = s.id AND i.namn = v.namn
	    AND i.inriktning_id IS NULL;

	INSERT INTO insats_malgrupp (insats_id, malgrupp_id)
	SELECT i.id, k.id
	FROM (VALUES
		('Samordningsförbundet Göteborg', 'Steget vidare',
		    'LANGTIDSARBETSLOS'),
		('Samordningsförbundet Göteborg', 'Steget vidare',
		    'FORSORJNINGSSTOD'),
		('Samordningsförbundet Göteborg', 'Hisingens arbetsväg', 'UNGA'),
		('Samordningsförbundet Göteborg', 'Nordost i arbete',
		    'LANGTIDSSJUK'),
		('Samordningsförbundet Göteborg', 'Nätverksträffar Göteborg',
		    'PERSONAL'),
		('Samordningsförbundet Stockholms stad', 'Järva jobbstart',
		    'NYANLANDA'),
		('Samordningsförbundet Malmö', 'Malmö navigator', 'UNGA')
	) AS v(samorg, namn, malgrupp)
	JOIN samverkansorg s ON s.namn = v.samorg
	JOIN insats i ON i.samverkansorg_id = s.id AND i.namn = v.namn
	JOIN kod k ON k.lista = 'malgrupp' AND k.kod = v.malgrupp
	ON CONFLICT DO NOTHING;

	INSERT INTO insats_ar (insats_id, ar, planerat_antal)
	SELECT i.id, y, 40 FROM insats i
	WHERE i.samverkansorg_id = sorg AND i.namn = 'Steget vidare'
	ON CONFLICT DO NOTHING;

	-- September to November last year, each registered early the month
	-- after; October's count was corrected from the attendance lists.
	SELECT id INTO nat FROM insats
	WHERE samverkansorg_id = sorg AND namn = 'Nätverksträffar Göteborg';
	INSERT INTO volym_antal (insats_id, period, kvinnor, man, okant,
	    kommentar, registrerad_av, registrerad, ersatt)
	VALUES
		(nat, make_date(y - 1, 9, 1), 14, 6, 0, '', ansv,
		    make_date(y - 1, 10, 3), NULL),
		(nat, make_date(y - 1, 10, 1), 11, 5, 0, '', ansv,
		    make_date(y - 1, 11, 4), make_date(y - 1, 11, 18)),
		(nat, make_date(y - 1, 11, 1), 17, 8, 1, '', ansv,
		    make_date(y - 1, 12, 2), NULL);
	SELECT id INTO fel FROM volym_antal
	WHERE insats_id = nat AND ersatt IS NOT NULL;
	INSERT INTO volym_antal (insats_id, period, kvinnor, man, okant,
	    kommentar, ersatter, registrerad_av, registrerad)
	VALUES (nat, make_date(y - 1, 10, 1), 13, 5, 1,
	    'Rättat efter närvarolistan', fel, ansv,
	    make_date(y - 1, 11, 18));
END
$demo$;

-- Deltagande (issue 6): the population register copy that "Hämta" reads.
-- Skatteverket's official test personnummer only, with made-up names;
-- 197911109291 is marked skyddad so the refusal can be tried. Persons not
-- listed here are typed in by hand (namn and kommun).
INSERT INTO folkbokforing (personnummer, namn, kommunkod, stadsdel_id,
    skyddad)
SELECT v.pnr, v.namn, v.kommun, (SELECT s.id FROM stadsdel s
    WHERE s.kommunkod = v.kommun AND s.namn = v.stadsdel
    AND s.giltig_tom IS NULL), v.skyddad
FROM (VALUES
	('196201122808', 'Åsa Lindqvist', '1480', 'Nordost', false),
	('196204142852', 'Örjan Bergström', '1480', 'Hisingen', false),
	('196505092962', 'Märta Söderberg', '1480', 'Centrum', false),
	('196510313114', 'Håkan Öberg', '1480', 'Sydväst', false),
	('197101169295', 'Björn Ekström', '1480', 'Nordost', false),
	('197109259288', 'Sofia Åkesson', '1480', 'Hisingen', false),
	('197901049283', 'Leila Hassan', '1480', 'Nordost', false),
	('197903309230', 'Mikael Strömberg', '1480', 'Centrum', false),
	('198010279266', 'Emma Nordin', '1480', 'Sydväst', false),
	('198008209275', 'Jonas Väisänen', '1480', 'Hisingen', false),
	('197911109291', 'Skyddad Person', '1480', NULL, true),
	('195503142027', 'Britt Ljungqvist', '0180', NULL, false),
	('196008133065', 'Karin Wåhlin', '1280', NULL, false)
) AS v(pnr, namn, kommun, stadsdel, skyddad)
ON CONFLICT (personnummer) DO NOTHING;

-- Deltagande (issue 6): six participants of Steget vidare, so the list
-- has something to show, each a person of the register copy above
-- (Göteborg, not protected, and not Åsa Lindqvist, whom the tests fetch
-- with "Hämta"). Three are still taking part, two ended (Till arbete,
-- Till studier) with their utregistrering and the 'ut' question
-- answered, and one was registered by mistake and ended at once with
-- Felregistrering. Every participation has its inregistrering with
-- försörjning and the 'in' question answered, and one audit_person row
-- naming it and its person, purpose Demodata, no session: the load is an
-- operator's, in the one transaction that writes the rows (the commit
-- check SU063 wants it there). Its own block, so a database loaded
-- before 0008 gets it on the next "demo".
DO $demo$
DECLARE
	steget	integer;
	ansv	integer;
	fin	integer;
	fut	integer;
	r	record;
	p	bigint;
	d	bigint;
BEGIN
	SELECT i.id INTO steget FROM insats i JOIN samverkansorg s
	    ON s.id = i.samverkansorg_id
	WHERE s.namn = 'Samordningsförbundet Göteborg'
	    AND i.namn = 'Steget vidare';
	SELECT id INTO ansv FROM anvandare WHERE username = 'deltagaransv';
	SELECT f.id INTO fin FROM fraga f JOIN insats i
	    ON i.samverkansorg_id = f.samverkansorg_id
	WHERE i.id = steget AND f.namn = 'Har deltagaren tidigare deltagit '
	    'i en insats hos förbundet?';
	SELECT f.id INTO fut FROM fraga f JOIN insats i
	    ON i.samverkansorg_id = f.samverkansorg_id
	WHERE i.id = steget AND f.namn = 'Hur nöjd är deltagaren med stödet '
	    'i insatsen?';
	IF steget IS NULL OR ansv IS NULL OR fin IS NULL OR fut IS NULL OR
	    EXISTS (SELECT 1 FROM deltagande WHERE insats_id = steget) THEN
		RETURN;
	END IF;

	FOR r IN SELECT * FROM (VALUES
		('196505092962', '2024-03-04', '2025-06-13', 'ARBETE',
		    'ARBETSSOKANDE', NULL, 'GYMN', 'AR_3_5',
		    ARRAY['EKONOMISKT_BISTAND'], 'ARBETE', 75, ARRAY['INGEN'],
		    false, 'Mycket nöjd'),
		('196510313114', '2024-05-13', '2025-03-28', 'STUDIER',
		    'INGEN', NULL, 'FORGYMN', 'OVER_10',
		    ARRAY['SJUKERSATTNING', 'EKONOMISKT_BISTAND'], 'STUDIER', 50,
		    ARRAY['AKTIVITETSSTOD'], true, 'Ganska nöjd'),
		('197101169295', '2025-02-03', '2025-02-03', 'FELREGISTRERING',
		    'ARBETSSOKANDE', NULL, 'GYMN', 'UNDER_1', ARRAY['AKASSA'],
		    NULL, NULL, ARRAY[]::text[], false, NULL),
		('197109259288', '2025-04-22', NULL, NULL,
		    'ARBETE_STOD', 50, 'EFTERGYMN_KORT', 'AR_1_2',
		    ARRAY['SJUKPENNING'], NULL, NULL, NULL, false, NULL),
		('198010279266', '2025-09-01', NULL, NULL,
		    'PROGRAM', 100, 'EFTERGYMN_LANG', 'AR_1_2',
		    ARRAY['AKTIVITETSSTOD'], NULL, NULL, NULL, true, NULL),
		('198008209275', '2025-11-17', NULL, NULL,
		    'INGEN', NULL, 'FORGYMN_KORT', 'AR_6_10',
		    ARRAY['EKONOMISKT_BISTAND', 'ANNAN'], NULL, NULL, NULL, false,
		    NULL)
	) AS v(pnr, startdatum, slutdatum, avslut, syss_in, omf_in, utb, tid,
	    fors_in, syss_ut, omf_ut, fors_ut, tidigare, nojd)
	LOOP
		INSERT INTO person (personnummer, namn, kommunkod, stadsdel_id)
		SELECT f.personnummer, f.namn, f.kommunkod, f.stadsdel_id
		FROM folkbokforing f WHERE f.personnummer = r.pnr
		ON CONFLICT (personnummer) DO NOTHING;
		SELECT id INTO p FROM person WHERE personnummer = r.pnr;
		INSERT INTO deltagande (insats_id, person_id, kon_id, fodelsear,
		    samtycke, samtycke_datum, registrerad_av, startdatum,
		    slutdatum, skapad)
		SELECT steget, p, k.id, substr(r.pnr, 1, 4)::smallint, true,
		    r.startdatum::date, ansv, r.startdatum::date,
		    r.slutdatum::date, r.startdatum::date + time '10:00'
		FROM kod k WHERE k.lista = 'kon' AND k.kod = CASE WHEN
		    substr(r.pnr, 11, 1)::integer % 2 = 1 THEN 'M' ELSE 'K' END
		RETURNING id INTO d;
		INSERT INTO audit_person (anvandare_id, session_id, action,
		    purpose, pnr_hash, person_id, deltagande_id, insats_id)
		VALUES (NULL, NULL, 'skriv', 'Demodata', pnr_hash(r.pnr), p, d,
		    steget);

		INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id,
		    omfattning, utbildning_id, tid_id, skapad_av, andrad_av)
		SELECT d, 'in', s.id, r.omf_in, u.id, t.id, ansv, ansv
		FROM kod s, kod u, kod t
		WHERE s.lista = 'sysselsattning' AND s.kod = r.syss_in
		    AND u.lista = 'utbildningsniva' AND u.kod = r.utb
		    AND t.lista = 'tid_forsorjning' AND t.kod = r.tid;
		INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,
		    forsorjning_id)
		SELECT d, 'in', k.id FROM kod k
		WHERE k.lista = 'forsorjning' AND k.kod = ANY (r.fors_in);
		INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle, ja)
		VALUES (fin, d, 'in', r.tidigare);

		CONTINUE WHEN r.slutdatum IS NULL;
		INSERT INTO mattillfalle (deltagande_id, typ, sysselsattning_id,
		    omfattning, avslut_id, skapad_av, andrad_av)
		SELECT d, 'ut', (SELECT s.id FROM kod s WHERE
		    s.lista = 'sysselsattning' AND s.kod = r.syss_ut), r.omf_ut,
		    a.id, ansv, ansv
		FROM kod a WHERE a.lista = 'avslutsanledning'
		    AND a.kod = r.avslut;
		INSERT INTO mattillfalle_forsorjning (deltagande_id, typ,
		    forsorjning_id)
		SELECT d, 'ut', k.id FROM kod k
		WHERE k.lista = 'forsorjning' AND k.kod = ANY (r.fors_ut);
		INSERT INTO fraga_svar (fraga_id, deltagande_id, tillfalle,
		    alternativ_id)
		SELECT fut, d, 'ut', a.id FROM fraga_alternativ a
		WHERE a.fraga_id = fut AND a.text = r.nojd;
	END LOOP;
END
$demo$;

-- Af/FK-samarbetet (schema 0010): offices, each with the insats that
-- stands for it in its authority's organisation, and the demo users who
-- work there: afhandl on Arbetsförmedlingen Göteborg, fkhandl on
-- Försäkringskassan Göteborg, and affkansv, the insatsansvarig of both
-- organisations who connects deltagaransvariga to offices.
DO $demo$
BEGIN
	IF EXISTS (SELECT 1 FROM anvandare WHERE username = 'afhandl') OR
	    NOT EXISTS (SELECT 1 FROM anvandare WHERE username = 'admin') THEN
		RETURN;
	END IF;

	INSERT INTO insats (samverkansorg_id, namn, startdatum, beskrivning)
	SELECT s.id, v.namn, '2013-02-01', 'Kontor i Af/FK-samarbetet.'
	FROM (VALUES
		('AF', 'Arbetsförmedlingen Göteborg'),
		('AF', 'Arbetsförmedlingen Angered'),
		('AF', 'Arbetsförmedlingen Malmö'),
		('AF', 'Arbetsförmedlingen Uppsala'),
		('FK', 'Försäkringskassan Göteborg'),
		('FK', 'Försäkringskassan Malmö'),
		('FK', 'Försäkringskassan Uppsala')
	) AS v(myndighet, namn)
	JOIN samverkansorg s ON s.affk_myndighet = v.myndighet;

	INSERT INTO affk_kontor (myndighet, namn, omrade_lista, omrade_id,
	    amo_id, kontorstyp, insats_id)
	SELECT v.myndighet, v.namn, o.lista, o.id, amo.id, v.typ, i.id
	FROM (VALUES
		('AF', 'Arbetsförmedlingen Göteborg', 'marknadsomrade', 'VAST',
		    'STORSTAD', NULL),
		('AF', 'Arbetsförmedlingen Angered', 'marknadsomrade', 'VAST',
		    'STORSTAD', NULL),
		('AF', 'Arbetsförmedlingen Malmö', 'marknadsomrade', 'SYD',
		    'STORSTAD', NULL),
		('AF', 'Arbetsförmedlingen Uppsala', 'marknadsomrade', 'OST',
		    'OVRIGA', NULL),
		('FK', 'Försäkringskassan Göteborg', 'verksamhetsomrade',
		    'SJUKFORSAKRING', NULL, 'TA'),
		('FK', 'Försäkringskassan Malmö', 'verksamhetsomrade',
		    'SJUKFORSAKRING', NULL, 'TA'),
		('FK', 'Försäkringskassan Uppsala', 'verksamhetsomrade',
		    'FUNKTIONSNEDSATTNING', NULL, 'FV')
	) AS v(myndighet, namn, lista, omrade, amo, typ)
	JOIN samverkansorg s ON s.affk_myndighet = v.myndighet
	JOIN insats i ON i.samverkansorg_id = s.id AND i.namn = v.namn
	JOIN kod o ON o.lista = v.lista AND o.kod = v.omrade
	LEFT JOIN kod amo ON amo.lista = 'arbetsmarknadsomrade'
	    AND amo.kod = v.amo;

	INSERT INTO anvandare (username, password_hash, fornamn, efternamn,
	    epost, arbetsgivare_id)
	SELECT v.username,
	    '$argon2id$v=19$m=65536,t=2,p=1$bVzgR1MEv84a03Svn7KbnA$U6u1HnmW/kRpx34sAyHxVGT9T0QoCS4ffRHaNSy/qaI',
	    v.fornamn, v.efternamn, v.epost, o.id
	FROM (VALUES
		('afhandl', 'Anna', 'Tapper', 'anna.tapper@example.se',
		    'Arbetsförmedlingen'),
		('fkhandl', 'Fredrik', 'Kvist', 'fredrik.kvist@example.se',
		    'Försäkringskassan'),
		('affkansv', 'Maria', 'Ek', 'maria.ek@example.se',
		    'Försäkringskassan')
	) AS v(username, fornamn, efternamn, epost, arbetsgivare)
	JOIN organisation o ON o.namn = v.arbetsgivare;

	INSERT INTO anvandare_roll (anvandare_id, roll)
	SELECT a.id, r.roll
	FROM (VALUES
		('afhandl', 'deltagaransvarig'),
		('fkhandl', 'deltagaransvarig'),
		('affkansv', 'insatsansvarig')
	) AS r(username, roll)
	JOIN anvandare a ON a.username = r.username
	ON CONFLICT DO NOTHING;

	INSERT INTO uppdrag (anvandare_id, roll, samverkansorg_id, giltig_from)
	SELECT a.id, 'insatsansvarig', s.id, '2024-01-01'
	FROM anvandare a, samverkansorg s
	WHERE a.username = 'affkansv' AND s.affk_myndighet IS NOT NULL;

	INSERT INTO uppdrag (anvandare_id, roll, insats_id, giltig_from)
	SELECT a.id, 'deltagaransvarig', k.insats_id, '2024-01-01'
	FROM (VALUES
		('afhandl', 'Arbetsförmedlingen Göteborg'),
		('fkhandl', 'Försäkringskassan Göteborg')
	) AS v(username, kontor)
	JOIN anvandare a ON a.username = v.username
	JOIN affk_kontor k ON k.namn = v.kontor;
END
$demo$;

-- Af/FK-samarbetet (issue 8): five ärenden on Arbetsförmedlingen
-- Göteborg and Försäkringskassan Göteborg, one at each kind of step, so
-- that afhandl and fkhandl have something to show: one waiting in Begäran
-- om gemensam kartläggning (its questions not yet answered), one in
-- Gemensam kartläggning, one planned for an arbetslivsinriktad insats,
-- one in Arbetsförberedande insatser after an office change from
-- Angered, and one Avslutat samarbete after Konsultativt stöd with the
-- ending's questions answered. Persons of the register copy (official
-- test personnummer, invented names); each övergång is registered by the
-- authority affk_overgang names for it, by afhandl or fkhandl; each
-- ärende has one audit_person row naming it, purpose Demodata, in the
-- transaction that writes it (the commit check SU063). Done once: the
-- first register row below marks the block as loaded.
DO $demo$
DECLARE
	af	integer;
	fk	integer;
	afh	integer;
	fkh	integer;
	r	record;
	p	bigint;
	a	bigint;
	per	bigint;
	prev	integer;
	typ	integer;
	myn	text;
	i	integer;
	steg	text;
BEGIN
	SELECT id INTO af FROM affk_kontor
	    WHERE namn = 'Arbetsförmedlingen Göteborg';
	SELECT id INTO fk FROM affk_kontor
	    WHERE namn = 'Försäkringskassan Göteborg';
	SELECT id INTO afh FROM anvandare WHERE username = 'afhandl';
	SELECT id INTO fkh FROM anvandare WHERE username = 'fkhandl';
	IF af IS NULL OR fk IS NULL OR afh IS NULL OR fkh IS NULL OR
	    EXISTS (SELECT 1 FROM folkbokforing
	    WHERE personnummer = '200008102386') THEN
		RETURN;
	END IF;

	INSERT INTO folkbokforing (personnummer, namn, kommunkod, stadsdel_id)
	SELECT v.pnr, v.namn, '1480', s.id
	FROM (VALUES
		('200008102386', 'Elin Berglund', 'Hisingen'),
		('200008172397', 'Oskar Lindahl', 'Nordost'),
		('200111032389', 'Nora Holm', 'Centrum'),
		('200111142394', 'Adam Sjöberg', 'Sydväst'),
		('200302022389', 'Ida Wallin', 'Hisingen')
	) AS v(pnr, namn, stadsdel)
	JOIN stadsdel s ON s.kommunkod = '1480' AND s.namn = v.stadsdel
	    AND s.giltig_tom IS NULL
	ON CONFLICT (personnummer) DO NOTHING;

	-- steg: an insatstyp's code, or BYT:office for a change of Af
	-- office; dag: its date; svar: STEG:FRAGA:KOD answers.
	FOR r IN SELECT * FROM (VALUES
		('200008102386', 'FK', 'Arbetsförmedlingen Göteborg',
		    ARRAY['BEGARAN_GK'], ARRAY[current_date - 12],
		    ARRAY[]::text[]),
		('200008172397', 'FK', 'Arbetsförmedlingen Göteborg',
		    ARRAY['BEGARAN_GK', 'GK'],
		    ARRAY[current_date - 75, current_date - 40],
		    ARRAY['BEGARAN_GK:INSKRIVEN_AF_FORE:NEJ',
		    'BEGARAN_GK:FORSORJNING_FORE:SJUKPENNING']),
		('200111032389', 'AF', 'Arbetsförmedlingen Göteborg',
		    ARRAY['GK', 'PLANERAD_ARBETSLIV'],
		    ARRAY[current_date - 160, current_date - 30],
		    ARRAY['GK:INSKRIVEN_AF_FORE:JA',
		    'GK:FORSORJNING_FORE:AKTIVITETSSTOD']),
		('200111142394', 'FK', 'Arbetsförmedlingen Angered',
		    ARRAY['GK', 'PLANERAD_FORBEREDANDE',
		    'BYT:Arbetsförmedlingen Göteborg', 'ARBETSFORBEREDANDE'],
		    ARRAY[current_date - 300, current_date - 200,
		    current_date - 130, current_date - 120],
		    ARRAY['GK:INSKRIVEN_AF_FORE:NEJ',
		    'GK:FORSORJNING_FORE:SJUKERSATTNING']),
		('200302022389', 'FK', 'Arbetsförmedlingen Göteborg',
		    ARRAY['GK', 'KONSULTATIVT_STOD', 'AVSLUTAT'],
		    ARRAY[DATE '2024-09-02', DATE '2024-11-04',
		    DATE '2025-03-14'],
		    ARRAY['GK:INSKRIVEN_AF_FORE:JA',
		    'GK:FORSORJNING_FORE:SJUKPENNING',
		    'AVSLUTAT:INSKRIVEN_AF_EFTER:JA',
		    'AVSLUTAT:ARBETAR_EFTER:JA', 'AVSLUTAT:TYP_AV_ARBETE:ANSTALLD',
		    'AVSLUTAT:STUDERAR_EFTER:NEJ'])
	) AS v(pnr, initierad, afkontor, steg, dag, svar)
	LOOP
		INSERT INTO person (personnummer, namn, kommunkod, stadsdel_id)
		SELECT f.personnummer, f.namn, f.kommunkod, f.stadsdel_id
		FROM folkbokforing f WHERE f.personnummer = r.pnr
		ON CONFLICT (personnummer) DO NOTHING;
		SELECT id INTO p FROM person WHERE personnummer = r.pnr;
		INSERT INTO affk_arende (person_id, kon_id, fodelsear,
		    kommunkod, initierad_av, samtycke, samtycke_datum,
		    af_kontor_id, fk_kontor_id, startdatum, registrerad_av,
		    skapad)
		SELECT p, k.id, substr(r.pnr, 1, 4)::smallint, '1480',
		    r.initierad, true, r.dag[1],
		    (SELECT id FROM affk_kontor WHERE namn = r.afkontor), fk,
		    r.dag[1], fkh, r.dag[1] + time '09:30'
		FROM kod k WHERE k.lista = 'kon' AND k.kod = CASE WHEN
		    substr(r.pnr, 11, 1)::integer % 2 = 1 THEN 'M' ELSE 'K' END
		RETURNING id INTO a;
		INSERT INTO audit_person (anvandare_id, session_id, action,
		    purpose, pnr_hash, person_id, arende_id, insats_id)
		SELECT NULL, NULL, 'skriv', 'Demodata', pnr_hash(r.pnr), p, a,
		    k.insats_id FROM affk_kontor k WHERE k.id = fk;

		prev := NULL;
		FOR i IN 1 .. array_length(r.steg, 1) LOOP
			steg := r.steg[i];
			IF steg LIKE 'BYT:%' THEN
				INSERT INTO affk_kontorsbyte (arende_id, datum,
				    fran_af_kontor_id, till_af_kontor_id,
				    fran_fk_kontor_id, till_fk_kontor_id,
				    andrad_av)
				SELECT a, r.dag[i], x.af_kontor_id, k.id,
				    x.fk_kontor_id, x.fk_kontor_id, afh
				FROM affk_arende x, affk_kontor k
				WHERE x.id = a AND k.namn = substr(steg, 5);
				CONTINUE;
			END IF;
			SELECT id INTO typ FROM kod
			    WHERE lista = 'affk_insatstyp' AND kod = steg;
			SELECT o.myndighet INTO myn FROM affk_overgang o
			    WHERE o.fran_id IS NOT DISTINCT FROM prev
			    AND o.till_id = typ;
			INSERT INTO affk_period (arende_id, insatstyp_id,
			    startdatum, myndighet, registrerad_av, skapad)
			VALUES (a, typ, r.dag[i], myn, CASE myn WHEN 'AF'
			    THEN afh ELSE fkh END, r.dag[i] + time '10:00')
			RETURNING id INTO per;
			INSERT INTO affk_svar (period_id, fraga_id, svar_lista,
			    svar_id, andrad_av, andrad)
			SELECT per, f.id, f.lista, k.id, CASE myn WHEN 'AF'
			    THEN afh ELSE fkh END, r.dag[i] + time '10:05'
			FROM unnest(r.svar) AS s(t)
			JOIN affk_fraga f ON f.insatstyp_id = typ
			    AND f.kod = split_part(s.t, ':', 2)
			JOIN kod k ON k.lista = f.lista
			    AND k.kod = split_part(s.t, ':', 3)
			WHERE split_part(s.t, ':', 1) = steg;
			prev := typ;
		END LOOP;
	END LOOP;
END
$demo$;
