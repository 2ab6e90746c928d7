/*
 * The SQL behind "Sök samverkansorg", shared with make bench so that the
 * benchmark's raw libpq run sends exactly what the server sends.
 * $1 is a LIKE pattern, $2 the offset, $3 the limit.
 */
#ifndef SUSD_SAMVERKANSORG_H
#define SUSD_SAMVERKANSORG_H

#define SAMORG_SEARCH_COUNT_SQL						\
	"SELECT count(*) FROM samverkansorg WHERE namn ILIKE $1"

#define SAMORG_SEARCH_SQL						\
	"SELECT s.id, s.namn, f.namn, coalesce(s.organisationsnummer, '')," \
	" to_char(s.startdatum, 'YYYY-MM-DD'),"				\
	" coalesce(to_char(s.slutdatum, 'YYYY-MM-DD'), ''),"		\
	" coalesce((SELECT string_agg(x.txt, ', '"			\
	"   ORDER BY x.namn COLLATE \"sv-SE-x-icu\") FROM"		\
	"   (SELECT k.namn, k.namn || coalesce(' (' ||"			\
	"     string_agg(d.namn, ', ' ORDER BY d.namn) || ')', '') AS txt" \
	"   FROM samverkansorg_kommun sk JOIN kommun k"			\
	"   ON k.kommunkod = sk.kommunkod"				\
	"   LEFT JOIN stadsdel d ON d.id = sk.stadsdel_id"		\
	"   WHERE sk.samverkansorg_id = s.id"				\
	"   GROUP BY k.kommunkod, k.namn) x), '')"			\
	" FROM samverkansorg s"						\
	" JOIN samverkansform f ON f.id = s.samverkansform_id"		\
	" WHERE s.namn ILIKE $1"					\
	" ORDER BY s.namn COLLATE \"sv-SE-x-icu\", s.id"		\
	" OFFSET $2 LIMIT $3"

#endif
