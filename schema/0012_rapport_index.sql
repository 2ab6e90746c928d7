-- 0012 rapport index (issue 9, make bench): what the reports need to be
-- fast on a national data volume (tests/bench/report.sh: 1,000,000
-- participations, 100,000 Af/FK ärenden), found with EXPLAIN ANALYZE.
--
-- The report views named every code through kod_kod(), a SQL function
-- with a sub-select, which PostgreSQL cannot inline: it runs as a
-- function call per row and column, about 10 µs each. A national report
-- over a million participations spent most of its time there (counting
-- kön and försörjning före over deltagande_statistik took 24 s; over
-- affk_statistik kön and insatstyp cost 7 of a report's 10 s). The views
-- now join kod instead, which the planner does as one hash join (or
-- drops when the column is not read); their columns, types and values
-- are unchanged (a missing code is still ''), so no report changes.
-- tests/db/15_rapport_index.sql checks them against the old definitions.
CREATE OR REPLACE VIEW deltagande_statistik AS
	SELECT d.id, d.insats_id, i.samverkansorg_id, d.startdatum,
	    d.slutdatum, coalesce(kk.kod, '') AS kon, d.fodelsear,
	    coalesce(ka.kod, '') AS avslutsanledning,
	    coalesce(ksf.kod, '') AS sysselsattning_fore,
	    coalesce(kse.kod, '') AS sysselsattning_efter,
	    coalesce(ku.kod, '') AS utbildningsniva,
	    coalesce(kt.kod, '') AS tid_forsorjning,
	    ARRAY(SELECT k.kod FROM mattillfalle_forsorjning f
		JOIN kod k ON k.id = f.forsorjning_id
		WHERE f.deltagande_id = d.id AND f.typ = 'in' ORDER BY 1)
		AS forsorjning_fore,
	    ARRAY(SELECT k.kod FROM mattillfalle_forsorjning f
		JOIN kod k ON k.id = f.forsorjning_id
		WHERE f.deltagande_id = d.id AND f.typ = 'ut' ORDER BY 1)
		AS forsorjning_efter
	FROM deltagande d JOIN insats i ON i.id = d.insats_id
	LEFT JOIN mattillfalle inn ON inn.deltagande_id = d.id
	    AND inn.typ = 'in'
	LEFT JOIN mattillfalle ut ON ut.deltagande_id = d.id AND ut.typ = 'ut'
	LEFT JOIN kod kk ON kk.id = d.kon_id
	LEFT JOIN kod ka ON ka.id = ut.avslut_id
	LEFT JOIN kod ksf ON ksf.id = inn.sysselsattning_id
	LEFT JOIN kod kse ON kse.id = ut.sysselsattning_id
	LEFT JOIN kod ku ON ku.id = inn.utbildning_id
	LEFT JOIN kod kt ON kt.id = inn.tid_id;

CREATE OR REPLACE VIEW affk_statistik AS
	SELECT p.id AS period_id, p.arende_id, a.initierad_av,
	    coalesce(kk.kod, '') AS kon, a.fodelsear, a.kommunkod,
	    a.startdatum AS arende_start, a.slutdatum AS arende_slut,
	    coalesce(kt.kod, '') AS insatstyp, t.slag, p.startdatum,
	    p.slutdatum, p.af_kontor_id, p.fk_kontor_id, p.myndighet
	FROM affk_period p JOIN affk_arende a ON a.id = p.arende_id
	JOIN affk_insatstyp t ON t.kod_id = p.insatstyp_id
	LEFT JOIN kod kk ON kk.id = a.kon_id
	LEFT JOIN kod kt ON kt.id = p.insatstyp_id;
