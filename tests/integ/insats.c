/*
 * Insats cases (domain.md 2.4, rules 24-30) through the real protocol:
 * Registrera insats with its checks (a unique name in the organisation,
 * dates within it, the categorisation and its lock after the first
 * participant, rule 28's default, no deltagaransvariga on a volyminsats),
 * the version check, the organisation check, the view with the caller's
 * rights, Sök insatser's filters, and the audit rows a save leaves.
 *
 * Every insats the cases make is named "hA …" and removed, with what
 * hangs on it, before and after each case through psql as the database
 * superuser ($PG_TEST_BINDIR, $STACK_DB_ADMIN from tests/lib/stack.sh);
 * participants are inserted the same way, since no request makes them
 * yet. An ended organisation, "hA Avslutat förbund", is made once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "insats_int.h"
#include "integ.h"
#include "msg.h"
#include "proto.h"

/*
 * Removes every insats the cases make, and what hangs on them, and
 * takes the codes insats_inactive_code retires back into use.
 */
#define CLEAN_SQL							\
	"DELETE FROM uppdrag WHERE insats_id IN (SELECT id FROM insats"	\
	" WHERE namn ILIKE 'hA %%');"					\
	" DELETE FROM deltagande WHERE insats_id IN (SELECT id FROM insats" \
	" WHERE namn ILIKE 'hA %%');"					\
	" DELETE FROM anonym_deltagande WHERE insats_id IN (SELECT id"	\
	" FROM insats WHERE namn ILIKE 'hA %%');"			\
	" DELETE FROM insats WHERE namn ILIKE 'hA %%';"			\
	" UPDATE kod SET aktiv = true WHERE NOT aktiv AND ((lista ="	\
	" 'malgrupp' AND kod = 'MISSBRUK') OR (lista ="			\
	" 'preciserad_inriktning' AND kod = 'OVRIGT_INDIVID'))"

/* The ended organisation, made when missing. */
#define ENDED_SQL							\
	"INSERT INTO samverkansorg (namn, samverkansform_id,"		\
	" startdatum, slutdatum) SELECT 'hA Avslutat förbund',"		\
	" (SELECT min(id) FROM samverkansform), '2010-01-01',"		\
	" '2015-12-31' WHERE NOT EXISTS (SELECT 1 FROM samverkansorg"	\
	" WHERE namn = 'hA Avslutat förbund')"

/* Looks up every id the cases use; 0 or -1. */
static int
find_ids(struct ids *d)
{
	static const char samorg[] =
	    "SELECT id FROM samverkansorg WHERE namn = '%s'";
	static const char kod[] =
	    "SELECT id FROM kod WHERE lista = '%s' AND kod = '%s'";
	static const char user[] =
	    "SELECT id FROM anvandare WHERE username = '%s'";

	memset(d, 0, sizeof *d);
	if ((d->gbg = integ_sql_u32(samorg,
	    "Samordningsförbundet Göteborg")) == 0 ||
	    (d->sthlm = integ_sql_u32(samorg,
	    "Samordningsförbundet Stockholms stad")) == 0 ||
	    (d->ended = integ_sql_u32(samorg, "hA Avslutat förbund")) == 0 ||
	    (d->jarva = integ_sql_u32("SELECT id FROM insats"
	    " WHERE namn = 'Järva jobbstart'")) == 0 ||
	    (d->individ = integ_sql_u32(kod, "inriktning", "INDIVID")) == 0 ||
	    (d->struktur = integ_sql_u32(kod, "inriktning", "STRUKTUR")) == 0 ||
	    (d->rehab = integ_sql_u32(kod, "preciserad_inriktning",
	    "REHAB")) == 0 ||
	    (d->traning = integ_sql_u32(kod, "preciserad_inriktning",
	    "ARBETSTRANING")) == 0 ||
	    (d->natverk = integ_sql_u32(kod, "preciserad_inriktning",
	    "NATVERK")) == 0 ||
	    (d->person = integ_sql_u32(kod, "matningsmetod", "PERSON")) == 0 ||
	    (d->antal = integ_sql_u32(kod, "matningsmetod", "ANTAL")) == 0 ||
	    (d->unga = integ_sql_u32(kod, "malgrupp", "UNGA")) == 0 ||
	    (d->sjuk = integ_sql_u32(kod, "malgrupp", "LANGTIDSSJUK")) == 0 ||
	    (d->personal = integ_sql_u32(kod, "malgrupp", "PERSONAL")) == 0 ||
	    (d->kvinna = integ_sql_u32(kod, "kon", "K")) == 0 ||
	    (d->insatsansv = integ_sql_u32(user, "insatsansv")) == 0 ||
	    (d->slund = integ_sql_u32(user, "slund")) == 0)
		return -1;
	return 0;
}

/* Cleans up, finds the ids and logs in as user; 0 or -1. */
int
ins_begin(struct conn *cn, const char *user, struct ids *d)
{
	memset(cn, 0, sizeof *cn);
	cn->fd = -1;
	if (integ_sql(NULL, 0, CLEAN_SQL) != 0 ||
	    integ_sql(NULL, 0, ENDED_SQL) != 0 || find_ids(d) != 0)
		return -1;
	return case_login(cn, user) != 0 ? -1 : 0;
}

/* Closes, cleans up again and returns rv. */
int
ins_end(struct conn *cn, int rv)
{
	if (cn->fd != -1)
		conn_close(cn);
	if (integ_sql(NULL, 0, CLEAN_SQL) != 0)
		rv = -1;
	return rv;
}

/* Logs in again as another user. */
int
ins_relogin(struct conn *cn, const char *user)
{
	if (cn->fd != -1)
		conn_close(cn);
	cn->fd = -1;
	return case_login(cn, user);
}

/* A new insats of samorg with no categorisation. */
void
ins_new(struct ins *w, uint32_t samorg, const char *namn, const char *start,
    const char *slut)
{
	memset(w, 0, sizeof *w);
	w->m.samorg_id = samorg;
	w->m.samorg = w->m.samverkansform = (char *)"";
	w->m.samorg_start = w->m.samorg_slut = (char *)"";
	w->m.namn = (char *)namn;
	w->m.beskrivning = (char *)"";
	w->m.startdatum = (char *)start;
	w->m.slutdatum = (char *)slut;
	w->m.inriktning = w->m.preciserad = w->m.matningsmetod = (char *)"";
	w->m.andrad = (char *)"";
	w->m.malgrupper = w->mal;
	w->m.da_adds = w->add;
	w->m.da_removes = w->rm;
}

/* Sets the categorisation; målgrupper end at the first 0. */
void
ins_kat(struct ins *w, uint32_t inr, uint32_t prec, uint32_t mm,
    uint32_t m1, uint32_t m2)
{
	w->m.inriktning_id = inr;
	w->m.preciserad_id = prec;
	w->m.matningsmetod_id = mm;
	w->m.nmalgrupper = 0;
	if (m1 != 0)
		w->mal[w->m.nmalgrupper++].id = m1;
	if (m2 != 0)
		w->mal[w->m.nmalgrupper++].id = m2;
}

/*
 * A save of what o holds, as a client sends it back: o's strings, which
 * must outlive w, and its målgrupper; no panel changes.
 */
void
ins_from(struct ins *w, const struct msg_insats *o)
{
	uint32_t	i;

	memset(w, 0, sizeof *w);
	w->m = *o;
	w->m.nar = w->m.nda = 0;
	w->m.ar = NULL;
	w->m.deltagaransvariga = NULL;
	w->m.malgrupper = w->mal;
	w->m.da_adds = w->add;
	w->m.da_removes = w->rm;
	for (i = 0; i < o->nmalgrupper && i < 8; i++)
		w->mal[i].id = o->malgrupper[i].id;
	w->m.nmalgrupper = i;
}

/* MSG_INSATS_SAVE: 0 (the id in integ_last_ok_id), the ERR code or -1. */
static int
save(struct conn *cn, const struct ins *w)
{
	return integ_call(cn, MSG_INSATS_SAVE, &w->m, MSG_OK, NULL);
}

/* Saves and fails unless accepted; the new id, or 0. */
uint32_t
ins_save_ok(struct conn *cn, const struct ins *w, const char *what)
{
	if (integ_accepted(save(cn, w), what) != 0)
		return 0;
	if (integ_last_ok_id == 0 || strcmp(integ_last_ok,
	    "Insatsen är sparad.") != 0) {
		fail("%s: OK %u \"%s\"", what, integ_last_ok_id,
		    integ_last_ok);
		return 0;
	}
	return integ_last_ok_id;
}

/* MSG_INSATS_GET into *o (cleared by the caller); as integ_call(). */
int
ins_get(struct conn *cn, uint32_t id, struct msg_insats *o)
{
	struct msg_insats_get	q;
	union ireply		u;
	int			r;

	memset(o, 0, sizeof *o);
	memset(&u, 0, sizeof u);
	q.id = id;
	if ((r = integ_call(cn, MSG_INSATS_GET, &q, MSG_INSATS, &u.i)) == 0)
		*o = u.i;
	return r;
}

/* Creates an insats in Göteborg with a categorisation; its id or 0. */
uint32_t
ins_make(struct conn *cn, const struct ids *d, const char *namn, uint32_t inr,
    uint32_t prec, uint32_t mm, uint32_t m1)
{
	struct ins	w;

	ins_new(&w, d->gbg, namn, "2021-01-01", "");
	ins_kat(&w, inr, prec, mm, m1, 0);
	return ins_save_ok(cn, &w, namn);
}

/* Saves and checks the refusal; 0 or -1. */
static int
refused(struct conn *cn, const struct ins *w, uint32_t code,
    const char *text, const char *what)
{
	return integ_refused(save(cn, w), code, text, what);
}

/* Create, then read back everything; the name rule; a missing insats. */
static int
insats_create_get(void)
{
	struct conn		cn;
	struct ids		d;
	struct ins		w;
	struct msg_insats	o;
	uint32_t		id;
	int			rv = -1;

	memset(&o, 0, sizeof o);
	if (ins_begin(&cn, "insatsansv", &d) != 0)
		goto out;
	ins_new(&w, d.gbg, "", "2021-01-01", "");
	if (refused(&cn, &w, ERR_VALIDATION, "Ange ett insatsnamn",
	    "no name") != 0)
		goto out;
	w.m.namn = (char *)"hA Jobbspåret ";
	if (refused(&cn, &w, ERR_VALIDATION, "mellanslag", "trailing space")
	    != 0)
		goto out;
	w.m.namn = (char *)"hA Jobbspåret";
	w.m.beskrivning = (char *)"Arbetsträning för unga vuxna.\nTvå rader.";
	w.m.slutdatum = (char *)"2030-06-30";
	ins_kat(&w, d.individ, d.traning, d.person, d.sjuk, d.unga);
	if ((id = ins_save_ok(&cn, &w, "create")) == 0)
		goto out;
	CHECK(ins_get(&cn, id, &o) == 0, "GET: %s", integ_last_err);
	CHECK(o.id == id && o.samorg_id == d.gbg &&
	    strcmp(o.samorg, "Samordningsförbundet Göteborg") == 0 &&
	    strcmp(o.samverkansform, "FINSAM") == 0 &&
	    strcmp(o.samorg_start, "2005-01-01") == 0 &&
	    o.samorg_slut[0] == '\0', "organisation: %s %s %s-%s", o.samorg,
	    o.samverkansform, o.samorg_start, o.samorg_slut);
	CHECK(strcmp(o.namn, "hA Jobbspåret") == 0 &&
	    strcmp(o.beskrivning, w.m.beskrivning) == 0 &&
	    strcmp(o.startdatum, "2021-01-01") == 0 &&
	    strcmp(o.slutdatum, "2030-06-30") == 0, "base: %s, %s-%s",
	    o.namn, o.startdatum, o.slutdatum);
	CHECK(o.inriktning_id == d.individ &&
	    strcmp(o.inriktning, "Individinriktad") == 0 &&
	    o.preciserad_id == d.traning &&
	    strcmp(o.preciserad, "Arbetsträning/praktik") == 0 &&
	    o.matningsmetod_id == d.person &&
	    strcmp(o.matningsmetod, "Personuppgifter/anonym") == 0,
	    "codes: %s / %s / %s", o.inriktning, o.preciserad,
	    o.matningsmetod);
	/* In the code list's order, not the order sent. */
	CHECK(o.nmalgrupper == 2 && o.malgrupper[0].id == d.unga &&
	    strcmp(o.malgrupper[0].namn, "Unga 16–29 år") == 0 &&
	    o.malgrupper[1].id == d.sjuk, "målgrupper: %u", o.nmalgrupper);
	CHECK(o.andrad[0] != '\0' && o.rights == INSATS_R_EDIT &&
	    o.locked == 0 && o.antal_deltagande == 0 && o.nda == 0 &&
	    o.nar == 0, "andrad \"%s\", rights %u, locked %u, antal %u",
	    o.andrad, o.rights, o.locked, o.antal_deltagande);
	CHECK(integ_sql_u32("SELECT count(*) FROM insats WHERE id = %u"
	    " AND skapad_av = %u", id, d.insatsansv) == 1,
	    "skapad_av is not the caller");
	msg_clear(MSG_INSATS, &o);
	if (integ_refused(ins_get(&cn, NO_SUCH_ID, &o), ERR_NOT_FOUND,
	    "Insatsen finns inte", "GET of no insats") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_INSATS, &o);
	return ins_end(&cn, rv);
}

/* Rule 24: unique in the organisation whatever the case, not beyond. */
static int
insats_name_unique(void)
{
	struct conn		cn;
	struct ids		d;
	struct ins		w;
	struct msg_insats	o;
	uint32_t		other;
	int			rv = -1;

	memset(&o, 0, sizeof o);
	if (ins_begin(&cn, "insatsansv", &d) != 0)
		goto out;
	ins_new(&w, d.gbg, "hA Dubblett", "2021-01-01", "");
	if (ins_save_ok(&cn, &w, "first") == 0)
		goto out;
	if (refused(&cn, &w, ERR_CONFLICT, "Det finns redan en insats med "
	    "namnet hA Dubblett i Samordningsförbundet Göteborg",
	    "same name") != 0)
		goto out;
	w.m.namn = (char *)"HA DUBBLETT";
	if (refused(&cn, &w, ERR_CONFLICT, "namnet hA Dubblett i",
	    "other case") != 0)
		goto out;
	/* Renaming another insats onto the name is the same thing. */
	w.m.namn = (char *)"hA Annan";
	if ((other = ins_save_ok(&cn, &w, "other")) == 0)
		goto out;
	CHECK(ins_get(&cn, other, &o) == 0, "GET: %s", integ_last_err);
	ins_from(&w, &o);
	w.m.namn = (char *)"ha dubblett";
	if (refused(&cn, &w, ERR_CONFLICT, "namnet hA Dubblett i", "rename")
	    != 0)
		goto out;
	/* Another organisation may have it; insatsansv may not go there. */
	ins_new(&w, d.sthlm, "hA Dubblett", "2021-01-01", "");
	if (refused(&cn, &w, ERR_FORBIDDEN, NULL, "insatsansv in Stockholm")
	    != 0 || ins_relogin(&cn, "admin") != 0)
		goto out;
	if (ins_save_ok(&cn, &w, "admin in Stockholm") == 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM insats"
	    " WHERE lower(namn) = 'ha dubblett'") == 2,
	    "not one insats of the name in each organisation");
	rv = 0;
out:
	msg_clear(MSG_INSATS, &o);
	return ins_end(&cn, rv);
}

/* Rule 30: within the organisation, slutdatum not before startdatum. */
static int
insats_dates(void)
{
	struct conn	cn;
	struct ids	d;
	struct ins	w;
	int		rv = -1;

	if (ins_begin(&cn, "insatsansv", &d) != 0)
		goto out;
	ins_new(&w, d.gbg, "hA Datum", "2004-12-31", "");
	if (refused(&cn, &w, ERR_VALIDATION, "Startdatum får inte vara före "
	    "2005-01-01, då Samordningsförbundet Göteborg startade",
	    "start before the organisation") != 0)
		goto out;
	w.m.startdatum = (char *)"2021-02-30";
	if (refused(&cn, &w, ERR_VALIDATION, "Startdatum måste vara ett datum",
	    "no such day") != 0)
		goto out;
	w.m.startdatum = (char *)"2021-01-01";
	w.m.slutdatum = (char *)"2020-12-31";
	if (refused(&cn, &w, ERR_VALIDATION, "Slutdatum får inte vara före "
	    "startdatum", "slut before start") != 0)
		goto out;
	w.m.startdatum = w.m.slutdatum = (char *)"2005-01-01";
	if (ins_save_ok(&cn, &w, "one day, the organisation's first") == 0)
		goto out;

	/* An organisation that ended 2015-12-31. */
	if (ins_relogin(&cn, "admin") != 0)
		goto out;
	ins_new(&w, d.ended, "hA Sent", "2014-01-01", "2016-01-31");
	if (refused(&cn, &w, ERR_VALIDATION, "Slutdatum får inte vara efter "
	    "2015-12-31, då hA Avslutat förbund slutar",
	    "slut after the organisation") != 0)
		goto out;
	w.m.slutdatum = (char *)"";
	if (refused(&cn, &w, ERR_VALIDATION,
	    "Ange ett slutdatum, senast 2015-12-31",
	    "open after the organisation") != 0)
		goto out;
	w.m.startdatum = (char *)"2016-02-01";
	w.m.slutdatum = (char *)"2016-03-01";
	if (refused(&cn, &w, ERR_VALIDATION,
	    "efter 2015-12-31, då hA Avslutat förbund slutade",
	    "start after the organisation") != 0)
		goto out;
	w.m.startdatum = (char *)"2014-01-01";
	w.m.slutdatum = (char *)"2015-12-31";
	if (ins_save_ok(&cn, &w, "to the organisation's last day") == 0)
		goto out;
	rv = 0;
out:
	return ins_end(&cn, rv);
}

/* Rules 27 and 28, a partial categorisation, codes of the right lists. */
static int
insats_kategorisering(void)
{
	struct conn		cn;
	struct ids		d;
	struct ins		w;
	struct msg_insats	o;
	uint32_t		id;
	int			rv = -1;

	memset(&o, 0, sizeof o);
	if (ins_begin(&cn, "insatsansv", &d) != 0)
		goto out;
	ins_new(&w, d.gbg, "hA Kategori", "2021-01-01", "");
	ins_kat(&w, d.individ, d.natverk, d.person, d.unga, 0);
	if (refused(&cn, &w, ERR_VALIDATION, "Samverkansstruktur/nätverk hör "
	    "inte till inriktningen Individinriktad", "rule 27") != 0)
		goto out;
	ins_kat(&w, 0, d.rehab, 0, 0, 0);
	if (refused(&cn, &w, ERR_VALIDATION, "Välj inriktning innan",
	    "preciserad alone") != 0)
		goto out;
	ins_kat(&w, d.unga, 0, 0, 0, 0);
	if (refused(&cn, &w, ERR_VALIDATION, "Inriktningen finns inte",
	    "a målgrupp as inriktning") != 0)
		goto out;
	ins_kat(&w, d.individ, d.rehab, d.person, d.unga, d.unga);
	if (refused(&cn, &w, ERR_VALIDATION, "Unga 16–29 år är vald två "
	    "gånger", "one målgrupp twice") != 0)
		goto out;
	ins_kat(&w, d.individ, d.rehab, d.person, d.individ, 0);
	if (refused(&cn, &w, ERR_VALIDATION, "finns inte",
	    "an inriktning as målgrupp") != 0)
		goto out;
	/* Partial: only the inriktning, for now. */
	ins_kat(&w, d.individ, 0, 0, 0, 0);
	if ((id = ins_save_ok(&cn, &w, "inriktning alone")) == 0)
		goto out;
	CHECK(ins_get(&cn, id, &o) == 0, "GET: %s", integ_last_err);
	CHECK(o.inriktning_id == d.individ && o.preciserad_id == 0 &&
	    o.matningsmetod_id == 0 && o.nmalgrupper == 0,
	    "partial read back: %u %u %u", o.inriktning_id, o.preciserad_id,
	    o.matningsmetod_id);
	msg_clear(MSG_INSATS, &o);

	/* Rule 28: strukturövergripande counts unless told otherwise. */
	ins_new(&w, d.gbg, "hA Struktur", "2021-01-01", "");
	ins_kat(&w, d.struktur, d.natverk, 0, d.personal, 0);
	if ((id = ins_save_ok(&cn, &w, "struktur")) == 0)
		goto out;
	CHECK(ins_get(&cn, id, &o) == 0, "GET: %s", integ_last_err);
	CHECK(o.matningsmetod_id == d.antal &&
	    strcmp(o.matningsmetod, "Endast antal (volyminsats)") == 0 &&
	    o.rights == (INSATS_R_EDIT | INSATS_R_VOLYM),
	    "struktur: matningsmetod %u (%s), rights %u", o.matningsmetod_id,
	    o.matningsmetod, o.rights);
	msg_clear(MSG_INSATS, &o);
	ins_new(&w, d.gbg, "hA Struktur med personer", "2021-01-01", "");
	ins_kat(&w, d.struktur, d.natverk, d.person, d.personal, 0);
	if ((id = ins_save_ok(&cn, &w, "struktur, person")) == 0)
		goto out;
	CHECK(integ_sql_u32("SELECT matningsmetod_id FROM insats WHERE id = %u",
	    id) == d.person, "a chosen mätningsmetod was replaced");
	rv = 0;
out:
	msg_clear(MSG_INSATS, &o);
	return ins_end(&cn, rv);
}

/* A retired code is not chosen anew, but an insats that has it keeps it. */
static int
insats_inactive_code(void)
{
	struct conn		cn;
	struct ids		d;
	struct ins		w;
	struct msg_insats	o;
	uint32_t		id, missbruk, ovrigt;
	int			rv = -1;

	memset(&o, 0, sizeof o);
	if (ins_begin(&cn, "insatsansv", &d) != 0 ||
	    (missbruk = integ_sql_u32("SELECT id FROM kod WHERE lista ="
	    " 'malgrupp' AND kod = 'MISSBRUK'")) == 0 ||
	    (ovrigt = integ_sql_u32("SELECT id FROM kod WHERE lista ="
	    " 'preciserad_inriktning' AND kod = 'OVRIGT_INDIVID'")) == 0 ||
	    (id = ins_make(&cn, &d, "hA Före", d.individ, ovrigt, d.person,
	    missbruk)) == 0)
		goto out;
	if (integ_sql(NULL, 0, "UPDATE kod SET aktiv = false"
	    " WHERE id IN (%u, %u)", missbruk, ovrigt) != 0)
		goto out;
	ins_new(&w, d.gbg, "hA Efter", "2021-01-01", "");
	ins_kat(&w, d.individ, d.rehab, d.person, missbruk, 0);
	if (refused(&cn, &w, ERR_VALIDATION, "Målgruppen Missbruk/beroende "
	    "används inte längre", "a retired målgrupp") != 0)
		goto out;
	ins_kat(&w, d.individ, ovrigt, d.person, d.unga, 0);
	if (refused(&cn, &w, ERR_VALIDATION, "Den preciserade inriktningen "
	    "Övrigt (individinriktad) används inte längre",
	    "a retired preciserad inriktning") != 0)
		goto out;
	CHECK(ins_get(&cn, id, &o) == 0, "GET: %s", integ_last_err);
	ins_from(&w, &o);
	w.m.beskrivning = (char *)"Målgruppen finns kvar.";
	if (ins_save_ok(&cn, &w, "keeping a retired målgrupp") == 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_INSATS, &o);
	return ins_end(&cn, rv);
}

/*
 * Rule 26: after the first participant the categorisation and the
 * målgrupper stay; beskrivning and slutdatum may still change.
 */
static int
insats_lock(void)
{
	struct conn		cn;
	struct ids		d;
	struct ins		w;
	struct msg_insats	o;
	uint32_t		id;
	int			rv = -1;

	memset(&o, 0, sizeof o);
	if (ins_begin(&cn, "insatsansv", &d) != 0)
		goto out;
	if ((id = ins_make(&cn, &d, "hA Låst", d.individ, d.rehab, d.person,
	    d.unga)) == 0)
		goto out;
	if (integ_deltagande(id, "2021-03-01", NULL) != 0 ||
	    integ_sql(NULL, 0, "INSERT INTO anonym_deltagande (insats_id, ar,"
	    " kon_id, antal) VALUES (%u, 2021, %u, 3)", id, d.kvinna) != 0)
		goto out;
	CHECK(ins_get(&cn, id, &o) == 0, "GET: %s", integ_last_err);
	CHECK(o.locked == 1 && o.antal_deltagande == 4,
	    "locked %u, antal %u (want 1, 4)", o.locked, o.antal_deltagande);
	ins_from(&w, &o);
	w.m.preciserad_id = d.traning;
	if (refused(&cn, &w, ERR_VALIDATION, "kategoriseringen kan inte "
	    "längre ändras", "preciserad changed") != 0)
		goto out;
	w.m.preciserad_id = d.rehab;
	w.m.matningsmetod_id = 0;
	if (refused(&cn, &w, ERR_VALIDATION, "kan inte längre ändras",
	    "matningsmetod removed") != 0)
		goto out;
	w.m.matningsmetod_id = d.person;
	w.mal[w.m.nmalgrupper++].id = d.sjuk;
	if (refused(&cn, &w, ERR_VALIDATION, "kan inte längre ändras",
	    "målgrupp added") != 0)
		goto out;
	w.mal[0].id = d.sjuk;
	w.m.nmalgrupper = 1;
	if (refused(&cn, &w, ERR_VALIDATION, "kan inte längre ändras",
	    "målgrupp replaced") != 0)
		goto out;
	w.mal[0].id = d.unga;
	w.m.beskrivning = (char *)"Ny beskrivning efter start.";
	w.m.slutdatum = (char *)"2030-12-31";
	if (ins_save_ok(&cn, &w, "beskrivning and slutdatum") == 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM insats i WHERE id = %u"
	    " AND preciserad_id = %u AND beskrivning = '%s'"
	    " AND slutdatum = '2030-12-31' AND (SELECT count(*)"
	    " FROM insats_malgrupp m WHERE m.insats_id = i.id) = 1", id,
	    d.rehab, w.m.beskrivning) == 1, "the allowed change not stored");
	rv = 0;
out:
	msg_clear(MSG_INSATS, &o);
	return ins_end(&cn, rv);
}

/* Sets one deltagaransvarig add of user with roll, from today. */
static void
ins_add(struct ins *w, uint32_t user, uint32_t roll)
{
	struct uppdrag_add	*a = &w->add[w->m.nda_adds++];

	a->user_id = user;
	a->roll = roll;
	a->giltig_from = a->giltig_tom = (char *)"";
}

/*
 * The Deltagaransvariga panel in the same Spara: not on a volyminsats
 * (rule 29) nor before the insats registers persons; added, shown,
 * taken away; all or nothing.
 */
static int
insats_deltagaransvariga(void)
{
	struct conn		cn;
	struct ids		d;
	struct ins		w;
	struct msg_insats	o;
	uint32_t		id;
	int			rv = -1;

	memset(&o, 0, sizeof o);
	if (ins_begin(&cn, "insatsansv", &d) != 0)
		goto out;
	ins_new(&w, d.gbg, "hA Volym", "2021-01-01", "");
	ins_kat(&w, d.struktur, d.natverk, 0, d.personal, 0);
	ins_add(&w, d.slund, ROLE_DELTAGARANSVARIG);
	if (refused(&cn, &w, ERR_VALIDATION, "antalen registreras av "
	    "insatsansvarig", "add on a volyminsats") != 0)
		goto out;
	ins_kat(&w, d.individ, 0, 0, 0, 0);
	if (refused(&cn, &w, ERR_VALIDATION, "Välj mätningsmetod "
	    "Personuppgifter/anonym", "add before the mätningsmetod") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM insats"
	    " WHERE namn = 'hA Volym'") == 0, "a refused save stored");

	ins_new(&w, d.gbg, "hA Personer", "2021-01-01", "");
	ins_kat(&w, d.individ, d.rehab, d.person, d.unga, 0);
	ins_add(&w, d.slund, ROLE_INSATSANSVARIG);
	if (refused(&cn, &w, ERR_VALIDATION, "bara ges som deltagaransvarig",
	    "wrong roll") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM insats"
	    " WHERE namn = 'hA Personer'") == 0, "not all or nothing");
	w.add[0].roll = ROLE_DELTAGARANSVARIG;
	if ((id = ins_save_ok(&cn, &w, "with a deltagaransvarig")) == 0)
		goto out;
	CHECK(ins_get(&cn, id, &o) == 0, "GET: %s", integ_last_err);
	CHECK(o.nda == 1 && o.deltagaransvariga[0].user_id == d.slund &&
	    o.deltagaransvariga[0].roll == ROLE_DELTAGARANSVARIG &&
	    o.deltagaransvariga[0].insats_id == id &&
	    strcmp(o.deltagaransvariga[0].efternamn, "Lund") == 0 &&
	    strcmp(o.deltagaransvariga[0].arbetsgivare,
	    "Arbetsförmedlingen") == 0, "deltagaransvariga: %u", o.nda);

	/* Becoming a volyminsats: only with the deltagaransvarig gone. */
	ins_from(&w, &o);
	w.m.matningsmetod_id = d.antal;
	if (refused(&cn, &w, ERR_VALIDATION, "ta bort dem innan",
	    "volyminsats with a deltagaransvarig") != 0)
		goto out;
	w.rm[0].id = o.deltagaransvariga[0].id;
	w.m.nda_removes = 1;
	if (ins_save_ok(&cn, &w, "volyminsats, deltagaransvarig removed") == 0)
		goto out;
	msg_clear(MSG_INSATS, &o);
	CHECK(ins_get(&cn, id, &o) == 0, "GET: %s", integ_last_err);
	CHECK(o.nda == 0 && o.matningsmetod_id == d.antal,
	    "after: %u deltagaransvariga, matningsmetod %u", o.nda,
	    o.matningsmetod_id);
	rv = 0;
out:
	msg_clear(MSG_INSATS, &o);
	return ins_end(&cn, rv);
}

/*
 * The organisation sent must be the insats's own, or an insatsansvarig
 * of one förbund could change another's; a save over a newer one is
 * refused.
 */
static int
insats_other_org_and_version(void)
{
	struct conn		cn;
	struct ids		d;
	struct ins		w;
	struct msg_insats	o, j;
	uint32_t		id;
	int			rv = -1;

	memset(&o, 0, sizeof o);
	memset(&j, 0, sizeof j);
	if (ins_begin(&cn, "insatsansv", &d) != 0)
		goto out;
	CHECK(ins_get(&cn, d.jarva, &j) == 0, "GET Järva: %s", integ_last_err);
	CHECK(j.rights == 0, "insatsansv has rights %u on Järva", j.rights);
	ins_from(&w, &j);
	w.m.beskrivning = (char *)"Kapad";
	if (refused(&cn, &w, ERR_FORBIDDEN, NULL, "Järva as Stockholm") != 0)
		goto out;
	w.m.samorg_id = d.gbg;
	if (refused(&cn, &w, ERR_FORBIDDEN, "hör inte till den valda "
	    "samverkansorganisationen", "Järva as Göteborg") != 0)
		goto out;
	CHECK(integ_sql_u32("SELECT count(*) FROM insats WHERE id = %u"
	    " AND beskrivning <> 'Kapad'", d.jarva) == 1, "Järva changed");

	if ((id = ins_make(&cn, &d, "hA Version", d.individ, 0, 0, 0)) == 0)
		goto out;
	CHECK(ins_get(&cn, id, &o) == 0, "GET: %s", integ_last_err);
	ins_from(&w, &o);
	w.m.beskrivning = (char *)"Första ändringen.";
	if (ins_save_ok(&cn, &w, "first change") == 0)
		goto out;
	w.m.beskrivning = (char *)"Andra, över den första.";
	if (refused(&cn, &w, ERR_CONFLICT, "Insatsen har ändrats av någon "
	    "annan sedan du hämtade den. Hämta den igen.", "stale andrad")
	    != 0)
		goto out;
	w.m.andrad = (char *)"";
	if (refused(&cn, &w, ERR_CONFLICT, "Hämta den igen", "no andrad") != 0)
		goto out;
	w.m.id = NO_SUCH_ID;
	if (refused(&cn, &w, ERR_NOT_FOUND, "Insatsen finns inte",
	    "no such insats") != 0)
		goto out;
	rv = 0;
out:
	msg_clear(MSG_INSATS, &o);
	msg_clear(MSG_INSATS, &j);
	return ins_end(&cn, rv);
}


const struct integ_case cases_insats[] = {
	{ "main", "insats_create_get", insats_create_get },
	{ "main", "insats_name_unique", insats_name_unique },
	{ "main", "insats_dates", insats_dates },
	{ "main", "insats_kategorisering", insats_kategorisering },
	{ "main", "insats_inactive_code", insats_inactive_code },
	{ "main", "insats_lock", insats_lock },
	{ "main", "insats_deltagaransvariga", insats_deltagaransvariga },
	{ "main", "insats_other_org_and_version",
	    insats_other_org_and_version },
	{ NULL, NULL, NULL }
};
