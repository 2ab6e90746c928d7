-- 0011 rapport (domain.md 6, issue 9): what the reports need besides the
-- data they count. The choices each user made last in each report's
-- urvalsbild, so the next visit opens with them; they hold no personal
-- data (dates, levels, code and organisation ids).
CREATE TABLE rapport_val (
	anvandare_id	integer NOT NULL REFERENCES anvandare ON DELETE CASCADE,
	rapport		text NOT NULL CHECK (rapport ~ '^[a-z_]{1,40}$'),
	namn		text NOT NULL CHECK (namn ~ '^[a-z_]{1,40}$'),
	varde		text NOT NULL CHECK (char_length(varde) <= 100),
	andrad		timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (anvandare_id, rapport, namn)
);

-- The län a samverkansorganisation is counted under at level län: the
-- one holding most of its kommuner (the lowest länskod on a tie), so
-- that every organisation counts in exactly one län.
CREATE FUNCTION samorg_lan(sid integer) RETURNS char(2)
LANGUAGE sql STABLE AS $$
	SELECT k.lanskod FROM samverkansorg_kommun sk
	JOIN kommun k ON k.kommunkod = sk.kommunkod
	WHERE sk.samverkansorg_id = sid
	GROUP BY k.lanskod ORDER BY count(*) DESC, k.lanskod LIMIT 1
$$;

REVOKE ALL ON rapport_val FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON rapport_val TO sus_app;
GRANT EXECUTE ON FUNCTION samorg_lan(integer) TO sus_app;
