/*
 * The kompletterande frågor of a participant's occasion (domain.md 2.3,
 * rule 44): those of the insats's samverkansorganisation valid on the
 * occasion's date and asked at it (in or ut, and those asked at both), in
 * presentation order with their options. The list is the one Hantera
 * kompletterande frågor shows, so it is made by fraga_search() itself;
 * here the insats the deltagaransvarig's uppdrag names picks the
 * organisation, which the caller never chooses.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "proto.h"
#include "susd.h"

/* MSG_DELTAGARE_FRAGOR → MSG_FRAGA_LIST. */
int
deltagare_fragor(struct session *s, uint32_t id, void *m)
{
	struct msg_deltagare_fragor	*q = m;
	struct msg_fraga_search		 fs;
	PGresult			*res;
	char				 ins[16], datum[16];
	const char			*params[1];

	if (q->tillfalle != FRAGA_IN && q->tillfalle != FRAGA_UT)
		return session_refuse(s, id, ERR_VALIDATION, "Välj "
		    "inregistrering eller utregistrering.");
	if (q->datum[0] != '\0' && !date_valid(q->datum))
		return session_refuse(s, id, ERR_VALIDATION, "Datumet måste "
		    "skrivas ÅÅÅÅ-MM-DD.");
	snprintf(ins, sizeof ins, "%u", q->insats_id);
	params[0] = ins;
	if ((res = db_exec(s, "SELECT samverkansorg_id,"
	    " to_char(current_date, 'YYYY-MM-DD') FROM insats"
	    " WHERE id = $1::bigint", 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_NOT_FOUND,
		    "Insatsen finns inte.");
	}
	memset(&fs, 0, sizeof fs);
	fs.samorg_id = db_u32(res, 0, 0);
	snprintf(datum, sizeof datum, "%s", q->datum[0] != '\0' ? q->datum :
	    PQgetvalue(res, 0, 1));
	PQclear(res);
	fs.datum = datum;
	fs.mattillfalle = q->tillfalle;
	return fraga_search(s, id, &fs);
}
