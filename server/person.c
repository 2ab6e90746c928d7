/*
 * A person registered with personnummer (person.h): the checks and the
 * write Registrera deltagare and Registrera medverkan share.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "deltagare_save.h"
#include "person.h"
#include "pnr.h"
#include "proto.h"
#include "rule.h"
#include "samverkansorg.h"
#include "susd.h"
#include "xmalloc.h"

static const char person_reg_sql[] =
	PERSON_REG_WITH PERSON_REG_SELECT PERSON_REG_FROM;

/* The kommun ($1) and whether stadsdel $2 lies in it today. */
static const char person_kommun_sql[] =
	"SELECT k.namn, EXISTS (SELECT 1 FROM stadsdel sd"
	" WHERE sd.id = $2::integer AND sd.kommunkod = k.kommunkod"
	" AND (sd.giltig_tom IS NULL OR sd.giltig_tom >= current_date))"
	" FROM kommun k WHERE k.kommunkod = $1";

/* The person, kept or new; the register's data replaces what was typed. */
static const char person_store_sql[] =
	"INSERT INTO person (personnummer, namn, kommunkod, stadsdel_id)"
	" VALUES ($1, $2, $3, nullif($4::integer, 0))"
	" ON CONFLICT (personnummer) DO UPDATE SET namn = EXCLUDED.namn,"
	" kommunkod = EXCLUDED.kommunkod, stadsdel_id = EXCLUDED.stadsdel_id"
	" RETURNING id";

int
person_pnr(struct session *s, uint32_t id, const char *typed,
    struct person_reg *pe)
{
	const char	*why;

	memset(pe, 0, sizeof *pe);
	session_falt(s, BATCH_FALT_PNR, 0);
	if ((why = rule_pnr_refusal(typed, pe->pnr, sizeof pe->pnr)) != NULL)
		return session_refuse(s, id, ERR_VALIDATION, "%s", why);
	if (pnr_parse(pe->pnr, 0, &pe->p) != PNR_OK)
		return session_refuse(s, id, ERR_VALIDATION,
		    "Personnumret är felaktigt.");
	return 0;
}

/* Reads the PERSON_REG_SELECT columns of row 0 of res into pe. */
static void
person_reg_fill(PGresult *res, struct person_reg *pe)
{
	pe->i_register = PQgetvalue(res, 0, 0)[0] == 't';
	if (pe->i_register) {
		strlcpy(pe->namn, PQgetvalue(res, 0, 1), sizeof pe->namn);
		strlcpy(pe->kommun, PQgetvalue(res, 0, 2), sizeof pe->kommun);
		pe->stadsdel_id = db_u32(res, 0, 3);
		pe->skyddad = PQgetvalue(res, 0, 4)[0] == 't';
	}
	pe->id = db_u32(res, 0, 5);
}

int
person_reg_run(struct session *s, uint32_t id, const char *sql, int n,
    const char *const *params, struct person_reg *pe, PGresult **rowp)
{
	PGresult	*res;

	if (rowp != NULL)
		*rowp = NULL;
	if ((res = db_exec(s, sql, n, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_INTERNAL, "Uppgifterna kunde "
		    "inte sparas på grund av ett serverfel.");
	}
	person_reg_fill(res, pe);
	if (rowp != NULL)
		*rowp = res;
	else
		PQclear(res);
	return 0;
}

int
person_reg_lookup(struct session *s, uint32_t id, struct person_reg *pe)
{
	const char	*params[1];

	params[0] = pe->pnr;
	return person_reg_run(s, id, person_reg_sql, 1, params, pe, NULL);
}

/* Checks a namn typed for a person the register does not hold. */
static int
person_namn_check(struct session *s, uint32_t id, const char *namn)
{
	const unsigned char	*u;

	session_falt(s, BATCH_FALT_NAMN, 0);
	if (strspn(namn, " ") == strlen(namn))
		return session_refuse(s, id, ERR_VALIDATION, "Ange namn: "
		    "personen finns inte i folkbokföringen.");
	if (rule_utf8_chars(namn) > PERSON_NAMN_MAX)
		return session_refuse(s, id, ERR_VALIDATION, "Namnet får vara "
		    "högst %d tecken.", PERSON_NAMN_MAX);
	for (u = (const unsigned char *)namn; *u != '\0'; u++) {
		if (*u < 0x20 || *u == 0x7f)
			return session_refuse(s, id, ERR_VALIDATION,
			    "Namnet får inte innehålla radbrytningar eller "
			    "tabbar.");
	}
	return 0;
}

/*
 * Checks the folkbokföringskommun and stadsdel (rule 39): Stockholm and
 * Göteborg need a stadsdel, which the register may lack.
 */
static int
person_kommun_check(struct session *s, uint32_t id, struct dt_cache *c,
    const struct person_reg *pe)
{
	PGresult	*res;
	char		 sd[16], kommun[128], key[64];
	const char	*params[2];
	int		 in_kommun, borrowed;

	session_falt(s, BATCH_FALT_KOMMUN, 0);
	if (pe->kommun[0] == '\0')
		return session_refuse(s, id, ERR_VALIDATION, "Ange "
		    "folkbokföringskommun: %s.", pe->i_register ?
		    "folkbokföringen saknar den" :
		    "personen finns inte i folkbokföringen");
	snprintf(sd, sizeof sd, "%u", pe->stadsdel_id);
	params[0] = pe->kommun;
	params[1] = sd;
	snprintf(key, sizeof key, "kommun %s %s", pe->kommun, sd);
	if ((res = dt_cache_query(s, c, key, person_kommun_sql, 2, params,
	    &borrowed)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		if (!borrowed)
			PQclear(res);
		return session_refuse(s, id, ERR_VALIDATION, "Kommunen finns "
		    "inte: välj folkbokföringskommun i listan.");
	}
	strlcpy(kommun, PQgetvalue(res, 0, 0), sizeof kommun);
	in_kommun = PQgetvalue(res, 0, 1)[0] == 't';
	if (!borrowed)
		PQclear(res);
	session_falt(s, BATCH_FALT_STADSDEL, 0);
	if (pe->stadsdel_id == 0 && rule_stadsdel_kravs(pe->kommun))
		return session_refuse(s, id, ERR_VALIDATION, "Välj stadsdel: "
		    "den krävs för personer folkbokförda i %s.", kommun);
	if (pe->stadsdel_id != 0 && pe->stadsdel_sent && !in_kommun)
		return session_refuse(s, id, ERR_VALIDATION, "Stadsdelen hör "
		    "inte till %s.", kommun);
	return 0;
}

int
person_reg_check(struct session *s, uint32_t id, struct dt_cache *c,
    const char *namn, const char *kommunkod, uint32_t stadsdel_id,
    struct person_reg *pe)
{
	int	rv;

	session_falt(s, BATCH_FALT_PNR, 0);
	if (pe->i_register && pe->skyddad)
		return session_refuse(s, id, ERR_VALIDATION, "%s",
		    rule_deltagande_db_message("SU056"));
	if (!pe->i_register) {
		if ((rv = person_namn_check(s, id, namn)) != 0)
			return rv;
		strlcpy(pe->namn, namn, sizeof pe->namn);
	}
	if (pe->kommun[0] == '\0')
		strlcpy(pe->kommun, kommunkod, sizeof pe->kommun);
	if (pe->stadsdel_id == 0) {
		pe->stadsdel_id = stadsdel_id;
		pe->stadsdel_sent = 1;
	}
	return person_kommun_check(s, id, c, pe);
}

int
person_reg_store(struct session *s, uint32_t id, struct person_reg *pe)
{
	PGresult	*res;
	char		 sd[16];
	const char	*params[4];

	snprintf(sd, sizeof sd, "%u", pe->stadsdel_id);
	params[0] = pe->pnr;
	params[1] = pe->namn;
	params[2] = pe->kommun;
	params[3] = sd;
	if ((res = db_exec(s, person_store_sql, 4, params)) == NULL)
		return db_refused(s, id);
	pe->id = PQntuples(res) == 1 ? db_u32(res, 0, 0) : 0;
	PQclear(res);
	if (pe->id == 0)
		return session_refuse(s, id, ERR_INTERNAL, "Uppgifterna kunde "
		    "inte sparas på grund av ett serverfel.");
	return 0;
}
