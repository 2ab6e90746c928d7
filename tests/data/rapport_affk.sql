-- Af/FK reports fixture (issue 9, tests/integ/rapport_affk.c): three
-- offices of its own, ten ärenden in 2014-2015 (the co-operation starts
-- 2013-02-01; no demo ärende is there) and anonymous counts. Loaded as
-- the superuser with session_replication_role = replica: the periods'
-- dates and endings are written as the triggers would leave them, and
-- the ärenden need no audit rows. Removed again by the case. Ids are
-- fixed and large (persons 930010x, ärenden 930000x, periods 93010xx) so
-- that the case can look for them in every reply.
--
-- Offices: Af "Affkfixtur Af Växjö" (AF1, marknadsområde Syd),
-- Af "Affkfixtur Af Ljungby" (AF2, Öst), FK "Affkfixtur FK Växjö" (FK1,
-- Sjukförsäkring, TA). Every ärende has FK1.
--
-- Ärenden (kön, födelseår, kommun, initierad av, Af office, periods,
-- answers; * = a person of the test slice, else avidentifierad):
--   A1*  K 1980 0780 FK AF1: BEGARAN_GK 2014-03-01, GK 2014-04-01,
--        PLANERAD_ARBETSLIV 2014-10-01, ARBETSLIVSINRIKTADE 2015-02-01
--        (open); BEGARAN_GK INSKRIVEN_AF_FORE=JA
--   A2*  M 1975 0780 FK AF1: GK 2014-11-01, AVSLUTAT 2015-03-01;
--        GK INSKRIVEN_AF_FORE=NEJ; AVSLUTAT INSKRIVEN_AF_EFTER=JA,
--        ARBETAR_EFTER=JA, TYP_AV_ARBETE=ANSTALLD, STUDERAR_EFTER=NEJ
--   A3*  K 1990 1280 AF AF2: BEGARAN_GK 2015-05-01 (open);
--        INSKRIVEN_AF_FORE=JA
--   A4   M 1960 0780 FK AF1: GK 2014-01-15, PLANERAD_FORBEREDANDE
--        2014-07-01, ARBETSFORBEREDANDE 2014-09-01, AVBRUTET 2015-04-15;
--        GK INSKRIVEN_AF_FORE=NEJ; AVBRUTET ORSAK=EGET_AVBROTT
--   A5   K 1985 0780 FK AF1: GK 2014-02-01, AVSLUTAT 2014-06-01;
--        INSKRIVEN_AF_EFTER=JA, ARBETAR_EFTER=NEJ, STUDERAR_EFTER=NEJ
--   A6*  K 1995 0780 FK AF2: GK 2015-06-01 (open); INSKRIVEN_AF_FORE=JA
--   A7   M 1970 1280 AF AF2: GK 2014-12-01, PLANERAD_FORBEREDANDE
--        2015-02-01 (open)
--   A8   K 1988 0780 FK AF1: GK 2015-01-10, KONSULTATIVT_STOD
--        2015-04-01, AVSLUTAT 2015-05-20; INSKRIVEN_AF_EFTER=NEJ,
--        ARBETAR_EFTER=NEJ, STUDERAR_EFTER=JA
--   A9*  M 1980 0780 FK AF1: GK 2015-08-01 (open; after the period)
--   A10  K 1992 0780 AF AF1: GK 2015-02-01, PLANERAD_ARBETSLIV
--        2015-03-01, ARBETSLIVSINRIKTADE 2015-04-01, AVSLUTAT
--        2015-06-01; INSKRIVEN_AF_EFTER=JA, ARBETAR_EFTER=JA,
--        TYP_AV_ARBETE=EGET_FORETAG, STUDERAR_EFTER=JA
-- Anonymous: AF1 2015 K 4, M 2; FK1 2015 K 1; AF1 2014 M 5.
--
-- Expected (Kvinnor/Män/Totalt), period 2015-01-01..2015-06-30 (status
-- at 2015-06-30; age = 2015 - födelseår). In the period: A1 A2 A3 A4 A6
-- A7 A8 A10 (K 5, M 3).
-- insatstyp, riket: Begäran om GK 1/0/1 (A3); GK 3/2/5 (A2 A6 A7 A8
--   A10); Planerad arbetsförberedande 0/1/1 (A7); Planerad
--   arbetslivsinriktad 2/0/2 (A1 A10); Arbetsförberedande 0/1/1 (A4);
--   Arbetslivsinriktade 2/0/2 (A1 A10); Konsultativt stöd 1/0/1 (A8);
--   Avslutat 2/1/3 (A2 A8 A10); Avbrutet 0/1/1 (A4); Samtliga 5/3/8.
-- status, riket: I insats (aktuell) 2/0/2 (A1 A6); I väntan 1/1/2 (A3
--   A7); Avslutad 2/2/4 (A2 A4 A8 A10); Samtliga 5/3/8.
-- status, län: Kronobergs län 2/0/2, 0/0/0, 2/2/4, 4/2/6;
--   Skåne län 0/0/0, 1/1/2, 0/0/0, 1/1/2.
-- status, kontor (Af): Affkfixtur Af Ljungby 1/0/1, 1/1/2, 0/0/0, 2/1/3;
--   Affkfixtur Af Växjö 1/0/1, 0/0/0, 2/2/4, 3/2/5.
-- avslut, riket: Avslutat samarbete 2/1/3; Avbrutet samarbete 0/1/1;
--   Inskriven hos Af efter 1/1/2 (A2 A10); Arbetar efter 1/1/2;
--   Typ av arbete: Anställd 0/1/1, Anställd med stöd 0/0/0, Eget
--   företag 1/0/1; Studerar efter 2/0/2 (A8 A10); Samtliga avslutade
--   2/2/4.
-- initierad, riket: Af 2/1/3 (A3 A7 A10); FK 3/2/5; Samtliga 5/3/8.
-- kontor, riket, Af: Ljungby 2/1/3 (A3 A6 A7); Växjö 3/2/5; Samtliga
--   5/3/8. FK: Affkfixtur FK Växjö 5/3/8; Samtliga 5/3/8.
-- status with filters (riket; aktuell, väntan, avslutad, Samtliga):
--   kon K: 2/0/2, 1/0/1, 2/0/2, 5/0/5
--   ålder 25-29 (A3 25 år, A8 27 år): 0/0/0, 1/0/1, 1/0/1, 2/0/2
--   initierad av Af: 0/0/0, 1/1/2, 1/0/1, 2/1/3
--   inskriven före ja (A1 A3 A6): 2/0/2, 1/0/1, 0/0/0, 3/0/3
--   inskriven före nej (A2 A4): 0/0/0, 0/0/0, 0/2/2, 0/2/2
--   marknadsområde Öst (AF2: A3 A6 A7): 1/0/1, 1/1/2, 0/0/0, 2/1/3
--   Af-kontor AF1 (A1 A2 A4 A8 A10): 1/0/1, 0/0/0, 2/2/4, 3/2/5
--   kommun 1280, or län 12 (A3 A7): 0/0/0, 1/1/2, 0/0/0, 1/1/2
--   status avslutad: 0/0/0, 0/0/0, 2/2/4, 2/2/4
--   verksamhetsområde Funktionsnedsättning: no rows
-- status on the single day 2015-03-01 (A1 A2 A4 A7 A8 A10): aktuell
--   2/1/3 (A1 A4 A8); väntan 1/1/2 (A7 A10); avslutad 0/1/1 (A2);
--   Samtliga 3/3/6.
-- Standardrapport status (rows: I insats, I väntan, Avslutade under
--   perioden, Samtliga (utom anonyma), varav avslutade med arbete eller
--   studier efter, Anonyma deltagare), 2015-01-01..2015-06-30:
--   riket 2/0/2, 1/1/2, 2/2/4, 5/3/8, 2/1/3 (A2 A8 A10), 5/2/7.
--   Kontor (Af): Ljungby 1/0/1, 1/1/2, 0/0/0, 2/1/3, 0/0/0 (no anonymous
--   row); Växjö 1/0/1, 0/0/0, 2/2/4, 3/2/5, 2/1/3, anonyma 4/2/6.
--   Kontor (FK): FK Växjö as riket but anonyma 1/0/1.
--   Ålder 25-29: 0/0/0, 1/0/1, 1/0/1, 2/0/2, 1/0/1 (A8), no anonymous
--   row. Län: Kronobergs län 2/0/2, 0/0/0, 2/2/4, 4/2/6, 2/1/3; Skåne
--   län 0/0/0, 1/1/2, 0/0/0, 1/1/2, 0/0/0; no anonymous rows.
-- Standardrapport status, 2014: A1 väntan (K), A2 A4 A7 i insats (M),
--   A5 avslutad (K, neither works nor studies): 0/3/3, 1/0/1, 1/0/1,
--   2/3/5, 0/0/0; anonyma 0/5/5.
-- Hidden below riket (threshold 3), rows below the sum row (the report
--   hides them): avslut, kontor Växjö: Inskriven efter 1/1/2 and Arbetar
--   efter 1/1/2 all hidden; Anställd 0/1/1 -> 0/-/-; Eget företag
--   1/0/1 -> -/0/-; Studerar 2/0/2 -> -/0/-. Standardrapport, Växjö:
--   varav 2/1/3 all hidden (3 of Avslutade 4 leaves 1), anonyma 4/2/6
--   -> -/-/6 (Totalt 6 would give Kvinnor away once Män is hidden);
--   FK Växjö: varav all hidden, anonyma 1/0/1 -> -/0/-; Kronobergs län:
--   varav all hidden. The engine hides counts 1-2 above the sum row.
BEGIN;
SET LOCAL session_replication_role = replica;

INSERT INTO insats (id, samverkansorg_id, namn, startdatum)
SELECT v.id, s.id, v.namn, DATE '2013-02-01'
FROM (VALUES (9300201, 'AF', 'Affkfixtur Af Växjö'),
    (9300202, 'AF', 'Affkfixtur Af Ljungby'),
    (9300203, 'FK', 'Affkfixtur FK Växjö')) AS v(id, myndighet, namn)
JOIN samverkansorg s ON s.affk_myndighet = v.myndighet;

INSERT INTO affk_kontor (id, myndighet, namn, omrade_lista, omrade_id,
    kontorstyp, insats_id)
SELECT v.id, v.myndighet, v.namn, v.lista, k.id, v.typ, v.insats
FROM (VALUES
	(9300301, 'AF', 'Affkfixtur Af Växjö', 'marknadsomrade', 'SYD', NULL,
	    9300201),
	(9300302, 'AF', 'Affkfixtur Af Ljungby', 'marknadsomrade', 'OST',
	    NULL, 9300202),
	(9300303, 'FK', 'Affkfixtur FK Växjö', 'verksamhetsomrade',
	    'SJUKFORSAKRING', 'TA', 9300203)
) AS v(id, myndighet, namn, lista, omrade, typ, insats)
JOIN kod k ON k.lista = v.lista AND k.kod = v.omrade;

INSERT INTO person (id, personnummer, namn, kommunkod) VALUES
	(9300101, '202112142399', 'Tilda Rapportfixtursson', '0780'),
	(9300102, '202112212382', 'Måns Rapportfixtursson', '0780'),
	(9300103, '202207172392', 'Saga Rapportfixtursdotter', '1280'),
	(9300104, '202207182383', 'Vera Rapportfixtursdotter', '0780');

INSERT INTO affk_arende (id, person_id, kon_id, fodelsear, kommunkod,
    initierad_av, samtycke, samtycke_datum, af_kontor_id, fk_kontor_id,
    startdatum, slutdatum, avidentifierad, avidentifierad_orsak)
SELECT v.id, v.person, k.id, v.fodelsear, v.kommun, v.initierad, true,
    v.startdatum, v.af, 9300303, v.startdatum, v.slutdatum,
    CASE WHEN v.person IS NULL THEN timestamptz '2016-01-01' END,
    CASE WHEN v.person IS NULL THEN 'gallring' END
FROM (VALUES
	(9300001, 9300101, 'K', 1980, '0780', 'FK', 9300301,
	    DATE '2014-03-01', NULL::date),
	(9300002, 9300102, 'M', 1975, '0780', 'FK', 9300301,
	    DATE '2014-11-01', DATE '2015-03-01'),
	(9300003, 9300103, 'K', 1990, '1280', 'AF', 9300302,
	    DATE '2015-05-01', NULL),
	(9300004, NULL, 'M', 1960, '0780', 'FK', 9300301,
	    DATE '2014-01-15', DATE '2015-04-15'),
	(9300005, NULL, 'K', 1985, '0780', 'FK', 9300301,
	    DATE '2014-02-01', DATE '2014-06-01'),
	(9300006, 9300104, 'K', 1995, '0780', 'FK', 9300302,
	    DATE '2015-06-01', NULL),
	(9300007, NULL, 'M', 1970, '1280', 'AF', 9300302,
	    DATE '2014-12-01', NULL),
	(9300008, NULL, 'K', 1988, '0780', 'FK', 9300301,
	    DATE '2015-01-10', DATE '2015-05-20'),
	(9300009, 9300102, 'M', 1980, '0780', 'FK', 9300301,
	    DATE '2015-08-01', NULL),
	(9300010, NULL, 'K', 1992, '0780', 'AF', 9300301,
	    DATE '2015-02-01', DATE '2015-06-01')
) AS v(id, person, kon, fodelsear, kommun, initierad, af, startdatum,
    slutdatum)
JOIN kod k ON k.lista = 'kon' AND k.kod = v.kon;

INSERT INTO affk_period (id, arende_id, insatstyp_id, startdatum, slutdatum,
    af_kontor_id, fk_kontor_id, myndighet)
SELECT v.id, v.arende, k.id, v.startdatum, v.slutdatum, a.af_kontor_id,
    a.fk_kontor_id, v.myndighet
FROM (VALUES
	(9301011, 9300001, 'BEGARAN_GK', DATE '2014-03-01',
	    DATE '2014-03-31', 'FK'),
	(9301012, 9300001, 'GK', DATE '2014-04-01', DATE '2014-09-30', 'FK'),
	(9301013, 9300001, 'PLANERAD_ARBETSLIV', DATE '2014-10-01',
	    DATE '2015-01-31', 'FK'),
	(9301014, 9300001, 'ARBETSLIVSINRIKTADE', DATE '2015-02-01', NULL,
	    'AF'),
	(9301021, 9300002, 'GK', DATE '2014-11-01', DATE '2015-02-28', 'FK'),
	(9301022, 9300002, 'AVSLUTAT', DATE '2015-03-01', DATE '2015-03-01',
	    'FK'),
	(9301031, 9300003, 'BEGARAN_GK', DATE '2015-05-01', NULL, 'FK'),
	(9301041, 9300004, 'GK', DATE '2014-01-15', DATE '2014-06-30', 'FK'),
	(9301042, 9300004, 'PLANERAD_FORBEREDANDE', DATE '2014-07-01',
	    DATE '2014-08-31', 'FK'),
	(9301043, 9300004, 'ARBETSFORBEREDANDE', DATE '2014-09-01',
	    DATE '2015-04-14', 'AF'),
	(9301044, 9300004, 'AVBRUTET', DATE '2015-04-15', DATE '2015-04-15',
	    'AF'),
	(9301051, 9300005, 'GK', DATE '2014-02-01', DATE '2014-05-31', 'FK'),
	(9301052, 9300005, 'AVSLUTAT', DATE '2014-06-01', DATE '2014-06-01',
	    'FK'),
	(9301061, 9300006, 'GK', DATE '2015-06-01', NULL, 'FK'),
	(9301071, 9300007, 'GK', DATE '2014-12-01', DATE '2015-01-31', 'FK'),
	(9301072, 9300007, 'PLANERAD_FORBEREDANDE', DATE '2015-02-01', NULL,
	    'FK'),
	(9301081, 9300008, 'GK', DATE '2015-01-10', DATE '2015-03-31', 'FK'),
	(9301082, 9300008, 'KONSULTATIVT_STOD', DATE '2015-04-01',
	    DATE '2015-05-19', 'FK'),
	(9301083, 9300008, 'AVSLUTAT', DATE '2015-05-20', DATE '2015-05-20',
	    'FK'),
	(9301091, 9300009, 'GK', DATE '2015-08-01', NULL, 'FK'),
	(9301101, 9300010, 'GK', DATE '2015-02-01', DATE '2015-02-28', 'FK'),
	(9301102, 9300010, 'PLANERAD_ARBETSLIV', DATE '2015-03-01',
	    DATE '2015-03-31', 'FK'),
	(9301103, 9300010, 'ARBETSLIVSINRIKTADE', DATE '2015-04-01',
	    DATE '2015-05-31', 'AF'),
	(9301104, 9300010, 'AVSLUTAT', DATE '2015-06-01', DATE '2015-06-01',
	    'AF')
) AS v(id, arende, typ, startdatum, slutdatum, myndighet)
JOIN affk_arende a ON a.id = v.arende
JOIN kod k ON k.lista = 'affk_insatstyp' AND k.kod = v.typ;

INSERT INTO affk_svar (period_id, fraga_id, svar_lista, svar_id)
SELECT v.period, f.id, f.lista, k.id
FROM (VALUES
	(9301011, 'INSKRIVEN_AF_FORE', 'JA'),
	(9301021, 'INSKRIVEN_AF_FORE', 'NEJ'),
	(9301022, 'INSKRIVEN_AF_EFTER', 'JA'),
	(9301022, 'ARBETAR_EFTER', 'JA'),
	(9301022, 'TYP_AV_ARBETE', 'ANSTALLD'),
	(9301022, 'STUDERAR_EFTER', 'NEJ'),
	(9301031, 'INSKRIVEN_AF_FORE', 'JA'),
	(9301041, 'INSKRIVEN_AF_FORE', 'NEJ'),
	(9301044, 'ORSAK', 'EGET_AVBROTT'),
	(9301052, 'INSKRIVEN_AF_EFTER', 'JA'),
	(9301052, 'ARBETAR_EFTER', 'NEJ'),
	(9301052, 'STUDERAR_EFTER', 'NEJ'),
	(9301061, 'INSKRIVEN_AF_FORE', 'JA'),
	(9301083, 'INSKRIVEN_AF_EFTER', 'NEJ'),
	(9301083, 'ARBETAR_EFTER', 'NEJ'),
	(9301083, 'STUDERAR_EFTER', 'JA'),
	(9301104, 'INSKRIVEN_AF_EFTER', 'JA'),
	(9301104, 'ARBETAR_EFTER', 'JA'),
	(9301104, 'TYP_AV_ARBETE', 'EGET_FORETAG'),
	(9301104, 'STUDERAR_EFTER', 'JA')
) AS v(period, fraga, svar)
JOIN affk_period p ON p.id = v.period
JOIN affk_fraga f ON f.insatstyp_id = p.insatstyp_id AND f.kod = v.fraga
JOIN kod k ON k.lista = f.lista AND k.kod = v.svar;

INSERT INTO anonym_deltagande (insats_id, ar, kon_id, antal)
SELECT v.insats, v.ar, k.id, v.antal
FROM (VALUES (9300201, 2015, 'K', 4), (9300201, 2015, 'M', 2),
    (9300203, 2015, 'K', 1), (9300201, 2014, 'M', 5))
    AS v(insats, ar, kon, antal)
JOIN kod k ON k.lista = 'kon' AND k.kod = v.kon;

COMMIT;
