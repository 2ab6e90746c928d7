/*
 * Af/FK-samarbetet: what every Af/FK handler shares. The caller's office
 * (the insats the request names, which the request table has already
 * checked the uppdrag on) and its authority, whether an ärende is on
 * that office (rule 51), the audit rows naming ärenden, and the styrdata
 * every Af/FK screen reads: offices, insatstyper, övergångar, questions
 * and the codes they use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "proto.h"
#include "rule.h"
#include "susd.h"
#include "xmalloc.h"

static const char affk_kontor_sql[] =
	"SELECT k.id, CASE k.myndighet WHEN 'AF' THEN 1 ELSE 2 END, k.namn,"
	" k.aktiv FROM affk_kontor k WHERE k.insats_id = $1::integer";

/* Reads the office the insats stands for (susd.h). */
int
affk_kontor_of(struct session *s, uint32_t id, uint32_t insats_id,
    struct affk_kontor *k)
{
	PGresult	*res;
	const char	*params[1];
	char		 iid[16];

	memset(k, 0, sizeof *k);
	snprintf(iid, sizeof iid, "%u", insats_id);
	params[0] = iid;
	if ((res = db_exec(s, affk_kontor_sql, 1, params)) == NULL)
		return db_refused(s, id);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return session_refuse(s, id, ERR_VALIDATION, "Insatsen är inte "
		    "ett kontor i Af/FK-samarbetet.");
	}
	k->id = db_u32(res, 0, 0);
	k->insats_id = insats_id;
	k->myndighet = (int)db_u32(res, 0, 1);
	snprintf(k->namn, sizeof k->namn, "%s", PQgetvalue(res, 0, 2));
	k->aktiv = PQgetvalue(res, 0, 3)[0] == 't';
	PQclear(res);
	return 0;
}

static const char affk_arende_own_sql[] =
	"SELECT a.id FROM affk_arende a WHERE a.id = $1::bigint"
	" AND a.avidentifierad IS NULL"
	" AND (a.af_kontor_id = $2::integer OR a.fk_kontor_id = $2::integer)";
static const char affk_arende_own_lock_sql[] =
	"SELECT a.id FROM affk_arende a WHERE a.id = $1::bigint"
	" AND a.avidentifierad IS NULL"
	" AND (a.af_kontor_id = $2::integer OR a.fk_kontor_id = $2::integer)"
	" FOR UPDATE";

/* Refuses an ärende not handled by the office (susd.h). */
int
affk_arende_own(struct session *s, uint32_t id, const struct affk_kontor *k,
    uint32_t arende_id, int lock)
{
	PGresult	*res;
	const char	*params[2];
	char		 aid[16], kid[16];
	int		 n;

	snprintf(aid, sizeof aid, "%u", arende_id);
	snprintf(kid, sizeof kid, "%u", k->id);
	params[0] = aid;
	params[1] = kid;
	if ((res = db_exec(s, lock ? affk_arende_own_lock_sql :
	    affk_arende_own_sql, 2, params)) == NULL)
		return db_refused(s, id);
	n = PQntuples(res);
	PQclear(res);
	if (n != 1)
		return session_refuse(s, id, ERR_NOT_FOUND, "Deltagaren finns "
		    "inte på ditt kontor (%s).", k->namn);
	return 0;
}

/* The styrdata queries; $1 is the caller, $2 whether closed offices too. */
static const char affk_styr_kontor_sql[] =
	"SELECT k.id, CASE k.myndighet WHEN 'AF' THEN 1 ELSE 2 END, k.namn,"
	" k.omrade_id, o.namn, coalesce(k.amo_id, 0),"
	" coalesce(k.kontorstyp, ''), k.insats_id, k.aktiv,"
	" har_uppdrag($1::integer, 'deltagaransvarig', 2, k.insats_id)"
	" FROM affk_kontor k JOIN kod o ON o.id = k.omrade_id"
	" WHERE k.aktiv OR $2::boolean"
	" ORDER BY k.myndighet, k.namn";
static const char affk_styr_typer_sql[] =
	"SELECT k.id, k.kod, k.namn, CASE t.slag WHEN 'aktivitet' THEN 1"
	" WHEN 'vantan' THEN 2 ELSE 3 END, CASE t.myndighet WHEN 'AF' THEN 1"
	" WHEN 'FK' THEN 2 ELSE 3 END, k.ordning"
	" FROM affk_insatstyp t JOIN kod k ON k.id = t.kod_id"
	" WHERE k.aktiv ORDER BY k.ordning, k.id";
static const char affk_styr_overgang_sql[] =
	"SELECT coalesce(o.fran_id, 0), o.till_id,"
	" CASE o.myndighet WHEN 'AF' THEN 1 ELSE 2 END"
	" FROM affk_overgang o JOIN kod k ON k.id = o.till_id WHERE k.aktiv"
	" ORDER BY o.fran_id NULLS FIRST, k.ordning, o.myndighet";
static const char affk_styr_fragor_sql[] =
	"SELECT f.id, f.insatstyp_id, f.kod, f.text, f.lista, f.obligatorisk,"
	" coalesce(f.villkor_fraga_id, 0), coalesce(f.villkor_svar_id, 0),"
	" f.ordning FROM affk_fraga f ORDER BY f.insatstyp_id, f.ordning, f.id";
static const char affk_styr_koder_sql[] =
	"SELECT k.id, k.lista, k.kod, k.namn, k.aktiv FROM kod k"
	" WHERE k.lista IN ('marknadsomrade', 'arbetsmarknadsomrade',"
	" 'verksamhetsomrade') OR k.lista IN (SELECT f.lista FROM affk_fraga f)"
	" ORDER BY k.lista, k.ordning, k.namn";

/* MSG_AFFK_STYRDATA_GET → MSG_AFFK_STYRDATA: anyone may read it. */
int
affk_styrdata_get(struct session *s, uint32_t id, void *m)
{
	struct msg_affk_styrdata_get	*q = m;
	struct msg_affk_styrdata	 r;
	PGresult			*kon = NULL, *typ = NULL, *ov = NULL;
	PGresult			*fr = NULL, *kod = NULL;
	const char			*params[2];
	char				 uid[16];
	int				 i, rv;

	memset(&r, 0, sizeof r);
	snprintf(uid, sizeof uid, "%u", s->user_id);
	params[0] = uid;
	params[1] = q->alla ? "true" : "false";
	if ((kon = db_exec(s, affk_styr_kontor_sql, 2, params)) == NULL ||
	    (typ = db_exec(s, affk_styr_typer_sql, 0, NULL)) == NULL ||
	    (ov = db_exec(s, affk_styr_overgang_sql, 0, NULL)) == NULL ||
	    (fr = db_exec(s, affk_styr_fragor_sql, 0, NULL)) == NULL ||
	    (kod = db_exec(s, affk_styr_koder_sql, 0, NULL)) == NULL) {
		rv = db_refused(s, id);
		goto out;
	}
	r.nkontor = (uint32_t)PQntuples(kon);
	r.kontor = xcalloc(r.nkontor + 1, sizeof *r.kontor);
	for (i = 0; i < PQntuples(kon); i++) {
		r.kontor[i].id = db_u32(kon, i, 0);
		r.kontor[i].myndighet = (uint8_t)db_u32(kon, i, 1);
		r.kontor[i].namn = PQgetvalue(kon, i, 2);
		r.kontor[i].omrade_id = db_u32(kon, i, 3);
		r.kontor[i].omrade = PQgetvalue(kon, i, 4);
		r.kontor[i].amo_id = db_u32(kon, i, 5);
		r.kontor[i].kontorstyp = PQgetvalue(kon, i, 6);
		r.kontor[i].insats_id = db_u32(kon, i, 7);
		r.kontor[i].aktiv = PQgetvalue(kon, i, 8)[0] == 't';
		r.kontor[i].eget = PQgetvalue(kon, i, 9)[0] == 't';
	}
	r.ntyper = (uint32_t)PQntuples(typ);
	r.typer = xcalloc(r.ntyper + 1, sizeof *r.typer);
	for (i = 0; i < PQntuples(typ); i++) {
		r.typer[i].id = db_u32(typ, i, 0);
		r.typer[i].kod = PQgetvalue(typ, i, 1);
		r.typer[i].namn = PQgetvalue(typ, i, 2);
		r.typer[i].slag = (uint8_t)db_u32(typ, i, 3);
		r.typer[i].myndighet = (uint8_t)db_u32(typ, i, 4);
		r.typer[i].ordning = db_u32(typ, i, 5);
	}
	r.novergangar = (uint32_t)PQntuples(ov);
	r.overgangar = xcalloc(r.novergangar + 1, sizeof *r.overgangar);
	for (i = 0; i < PQntuples(ov); i++) {
		r.overgangar[i].fran_id = db_u32(ov, i, 0);
		r.overgangar[i].till_id = db_u32(ov, i, 1);
		r.overgangar[i].myndighet = (uint8_t)db_u32(ov, i, 2);
	}
	r.nfragor = (uint32_t)PQntuples(fr);
	r.fragor = xcalloc(r.nfragor + 1, sizeof *r.fragor);
	for (i = 0; i < PQntuples(fr); i++) {
		r.fragor[i].id = db_u32(fr, i, 0);
		r.fragor[i].insatstyp_id = db_u32(fr, i, 1);
		r.fragor[i].kod = PQgetvalue(fr, i, 2);
		r.fragor[i].text = PQgetvalue(fr, i, 3);
		r.fragor[i].lista = PQgetvalue(fr, i, 4);
		r.fragor[i].obligatorisk = PQgetvalue(fr, i, 5)[0] == 't';
		r.fragor[i].villkor_fraga_id = db_u32(fr, i, 6);
		r.fragor[i].villkor_svar_id = db_u32(fr, i, 7);
		r.fragor[i].ordning = db_u32(fr, i, 8);
	}
	r.nkoder = (uint32_t)PQntuples(kod);
	r.koder = xcalloc(r.nkoder + 1, sizeof *r.koder);
	for (i = 0; i < PQntuples(kod); i++) {
		r.koder[i].id = db_u32(kod, i, 0);
		r.koder[i].lista = PQgetvalue(kod, i, 1);
		r.koder[i].kod = PQgetvalue(kod, i, 2);
		r.koder[i].namn = PQgetvalue(kod, i, 3);
		r.koder[i].aktiv = PQgetvalue(kod, i, 4)[0] == 't';
	}
	rv = session_reply(s, id, MSG_AFFK_STYRDATA, &r);
out:
	/* Strings belong to the results; only the arrays are ours. */
	free(r.kontor);
	free(r.typer);
	free(r.overgangar);
	free(r.fragor);
	free(r.koder);
	PQclear(kon);
	PQclear(typ);
	PQclear(ov);
	PQclear(fr);
	PQclear(kod);
	return rv;
}
