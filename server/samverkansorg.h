/*
 * The SQL behind "Sök samverkansorg", shared with make bench so that the
 * benchmark's raw libpq run sends exactly what the server sends, and the
 * pure rules of a samverkansorganisation (rule_samorg.c), shared with the
 * unit tests.
 */
#ifndef SUSD_SAMVERKANSORG_H
#define SUSD_SAMVERKANSORG_H

#include <stddef.h>
#include <stdint.h>

#include <libpq-fe.h>

/*
 * The filters: $1 a LIKE pattern, $2 samverkansform id (0 = any), $3
 * länskod and $4 kommunkod of a kommun served ("" = any), $5 status
 * (SAMORG_ALL, _ACTIVE: no slutdatum or one today or later, _ENDED). The
 * page query adds $6 offset and $7 limit.
 */
#define SAMORG_SEARCH_WHERE						\
	" WHERE s.namn ILIKE $1"					\
	" AND ($2::bigint = 0 OR s.samverkansform_id = $2::bigint)"	\
	" AND ($3::bpchar = '' OR EXISTS (SELECT 1"			\
	"  FROM samverkansorg_kommun sk JOIN kommun k"			\
	"  ON k.kommunkod = sk.kommunkod"				\
	"  WHERE sk.samverkansorg_id = s.id AND k.lanskod = $3::bpchar))" \
	" AND ($4::bpchar = '' OR EXISTS (SELECT 1"			\
	"  FROM samverkansorg_kommun sk WHERE sk.samverkansorg_id = s.id" \
	"  AND sk.kommunkod = $4::bpchar))"				\
	" AND ($5::integer = 0 OR ($5::integer = 1) ="			\
	"  (s.slutdatum IS NULL OR s.slutdatum >= current_date))"

/* Parameters of the count; the page query has two more. */
#define SAMORG_SEARCH_NFILTER	5

#define SAMORG_SEARCH_COUNT_SQL						\
	"SELECT count(*) FROM samverkansorg s" SAMORG_SEARCH_WHERE

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
	SAMORG_SEARCH_WHERE						\
	" ORDER BY s.namn COLLATE \"sv-SE-x-icu\", s.id"		\
	" OFFSET $6 LIMIT $7"

/*
 * Pure rules (rule_samorg.c): no I/O, so the unit tests call them. The
 * database keeps the same rules in schema 0003 and 0006; these give the
 * more precise Swedish sentence first.
 */

/* Longest name, in characters including spaces (rule 2). */
#define RULE_SAMORG_NAME_MAX	50

/* What a text field of the organisation must look like. */
enum rule_field_format {
	RULE_FIELD_TEXT,	/* free text, newlines and tabs allowed */
	RULE_FIELD_LINE,	/* one line */
	RULE_FIELD_POSTNUMMER,	/* NNN NN, or five digits */
	RULE_FIELD_EPOST,	/* one @ with text either side, no space */
	RULE_FIELD_TELEFON	/* digits, spaces and + - ( ) */
};

/* Characters (code points) in a valid UTF-8 string. */
size_t		 rule_utf8_chars(const char *);
/*
 * The samverkansform of forms that namn contains, compared as the
 * database compares (case and '-' or ' ' aside); the longest if several,
 * NULL if none.
 */
const char	*rule_samorg_name_form(const char *namn,
		    const char *const *forms, size_t nforms);
/*
 * Checks a name (rule 2): given, at most RULE_SAMORG_NAME_MAX characters,
 * one line, no samverkansform. NULL when fine, else out holding the
 * Swedish reason.
 */
const char	*rule_samorg_name_refusal(const char *namn,
		    const char *const *forms, size_t nforms, char *out,
		    size_t len);
/*
 * Checks an optional field named label ("" is always fine): at most max
 * characters and the format. NULL when fine, else out holding the reason.
 */
const char	*rule_samorg_field_refusal(const char *label,
		    const char *value, size_t max, int format, char *out,
		    size_t len);
/* Writes a postnummer as "NNN NN" into out (7 bytes); 0 or -1. */
int		 rule_postnummer(const char *in, char *out, size_t len);
/*
 * Writes an organisationsnummer as NNNNNN-NNNN into out (12 bytes):
 * spaces go, ten digits get the hyphen. 0, or -1 for another shape.
 */
int		 rule_orgnr_normalise(const char *in, char *out, size_t len);
/* Reports whether the check digit of NNNNNN-NNNN is right (Luhn). */
int		 rule_orgnr_luhn(const char *nr);

/*
 * Reads organisation sid's own row into o (strings point into *resp,
 * which the caller clears) with the caller's rights; lock takes the row
 * for a save. Returns 0, or what the handler returns after answering.
 */
struct session;
struct msg_samorg;
int		 samverkansorg_read(struct session *, uint32_t id,
		    const char *sid, int lock, struct msg_samorg *,
		    PGresult **resp);

#endif
