/*
 * What the Deltagarrapport (rapport_deltagare.c) and the Standardrapport
 * deltagare (rapport_standard.c) share: which participations they count
 * and a table builder over a code list (rapport_deltagare_tab.c).
 *
 * Both count participations registered with personnummer, as the
 * deltagande_statistik view describes them (no person, name or number:
 * RD_D), each participation on its own (a person in two insatser counts twice). A
 * felregistrering counts nowhere. A participation is new when it starts
 * in the period and ended when it ends in it; the comparisons before and
 * after take the ended ones with an outcome (all but withdrawn consent,
 * which records nothing after).
 */
#ifndef RAPPORT_DELTAGARE_H
#define RAPPORT_DELTAGARE_H

#include <stddef.h>
#include <stdint.h>

#include "rapport.h"

/*
 * The participations as deltagande_statistik describes them (no person,
 * name or number), as a derived table d; a code not given is NULL. It
 * reads the tables themselves and looks the codes up by join: the view
 * calls kod_kod() for every code of every row, which on a national
 * volume costs ten times the rest of a report. Joins to what a query
 * does not use are removed by the planner (unique keys).
 */
#define RD_D								\
	" (SELECT d.id, d.insats_id, i.samverkansorg_id, d.startdatum,"	\
	" d.slutdatum, kon.kod AS kon, d.fodelsear,"			\
	" avs.kod AS avslutsanledning, sf.kod AS sysselsattning_fore,"	\
	" se.kod AS sysselsattning_efter, mi.omfattning AS omfattning_fore," \
	" mu.omfattning AS omfattning_efter, utb.kod AS utbildningsniva," \
	" tid.kod AS tid_forsorjning"					\
	" FROM deltagande d JOIN insats i ON i.id = d.insats_id"	\
	" LEFT JOIN kod kon ON kon.id = d.kon_id"			\
	" LEFT JOIN mattillfalle mi ON mi.deltagande_id = d.id"		\
	" AND mi.typ = 'in'"						\
	" LEFT JOIN mattillfalle mu ON mu.deltagande_id = d.id"		\
	" AND mu.typ = 'ut'"						\
	" LEFT JOIN kod avs ON avs.id = mu.avslut_id"			\
	" LEFT JOIN kod sf ON sf.id = mi.sysselsattning_id"		\
	" LEFT JOIN kod se ON se.id = mu.sysselsattning_id"		\
	" LEFT JOIN kod utb ON utb.id = mi.utbildning_id"		\
	" LEFT JOIN kod tid ON tid.id = mi.tid_id) d"

/*
 * The shared choices on a participation d of RD_D; the län, the
 * inriktning and the målgrupp are checked per insats (RD_INSATS).
 */
#define RD_URVAL							\
	" ($4::integer = 0 OR d.samverkansorg_id = $4::integer)"	\
	" AND ($5::integer = 0 OR d.insats_id = $5::integer)"		\
	" AND ($6::text = '' OR d.kon = $6::text)"			\
	/* On the column, so the planner can estimate it. */		\
	" AND d.fodelsear BETWEEN $9::integer - $8::integer"		\
	" AND $9::integer - $7::integer"				\
	" AND d.avslutsanledning IS DISTINCT FROM 'FELREGISTRERING'"

/* New, ended, ended with an outcome, and in the period at all. */
#define RD_NY		" d.startdatum BETWEEN $1::date AND $2::date"
#define RD_AVSLUTAD	" d.slutdatum BETWEEN $1::date AND $2::date"
#define RD_UTFALL	RD_AVSLUTAD " AND d.sysselsattning_efter IS NOT NULL"
#define RD_I_PERIODEN	" d.startdatum <= $2::date"			\
	" AND (d.slutdatum IS NULL OR d.slutdatum >= $1::date)"

/*
 * The insats i (of samverkansorg s) is in scope: län, organisation and
 * insats (rapport_scope_sql()), then inriktning ($10) and målgrupp ($11),
 * which every query of these reports binds (rd_query()).
 */
#define RD_INSATS							\
	" AND ($10::text = '' OR i.inriktning_id = (SELECT k.id FROM kod k" \
	" WHERE k.lista = 'inriktning' AND k.kod = $10::text))"		\
	" AND ($11::text = '' OR EXISTS (SELECT 1 FROM insats_malgrupp m" \
	" JOIN kod k ON k.id = m.malgrupp_id WHERE m.insats_id = i.id"	\
	" AND k.kod = $11::text))"

/* The parameters both reports start with (rapport_deltagare_tab.c). */
#define RD_PARAM_DELAD							\
	{ "from", "Från och med", RAPPORT_P_DATUM, "", 0, 1, "",	\
	    "arstart", NULL, 0 },					\
	{ "tom", "Till och med", RAPPORT_P_DATUM, "", 0, 1, "", "idag",	\
	    NULL, 0 },							\
	{ "niva", "Nivå", RAPPORT_P_VAL, "", 0, 1, "", "riket",		\
	    rapport_niva_val, RAPPORT_NIVA_NVAL },			\
	{ "kon", "Kön", RAPPORT_P_VAL, "", 0, 0, "", "",		\
	    rapport_kon_val, RAPPORT_KON_NVAL },			\
	{ "alder", "Åldersgrupp", RAPPORT_P_VAL, "", 0, 0, "", "",	\
	    rapport_alder_val, RAPPORT_ALDER_NVAL },			\
	{ "lan", "Län", RAPPORT_P_LAN, "", 1, 0, "", "", NULL, 0 },	\
	{ "samorg", "Samverkansorganisation", RAPPORT_P_SAMORG, "", 1,	\
	    0, "", "", NULL, 0 },					\
	{ "insats", "Insats", RAPPORT_P_INSATS, "", 1, 0, "", "",	\
	    NULL, 0 },							\
	{ "inriktning", "Inriktning", RAPPORT_P_KOD, "inriktning", 1,	\
	    0, "", "", NULL, 0 },					\
	{ "malgrupp", "Specifik målgrupp", RAPPORT_P_KOD, "malgrupp",	\
	    1, 0, "", "", NULL, 0 }

/* Most of a report's own parameters after $11. */
#define RD_EXTRA_MAX	8

/* A fixed row: what the query gives as kod, and the row's name. */
struct rd_kat {
	const char	*kod;
	const char	*namn;
};

/* A group of a number (age, months): its lowest value and its row. */
struct rd_grupp {
	int		 fran;
	struct rd_kat	 kat;
};

/*
 * A table whose rows are the codes of a list (or fixed rows), repeated
 * per unit of the level, with a sum row. The query (rd_tabell()) gives
 * per insats_id and kod the values v0..v(nv-1); kod NULL is the sum.
 */
struct rd_tabell {
	const char		*lista;	/* rows: the codes of this list, */
	const char		*utom;	/* but this one (NULL: none); */
	const struct rd_kat	*kat;	/* or these (lista NULL) */
	size_t			 nkat;
	const char		*summa;	/* the sum row's name; NULL none */
	int			 nv;	/* values per row, at most RD_NV_MAX */
	/* The cells of a row from its values and its unit's sum row. */
	void			(*celler)(struct rapport_ctx *,
				    const int64_t *v, const int64_t *sum);
};

#define RD_NV_MAX	9

/* Runs sql with $10, $11 (inriktning, målgrupp) and extra from $12. */
PGresult	*rd_query(struct rapport_ctx *, const char *sql, int n,
		    const char *const *extra);
/*
 * Builds t from inner, a query giving insats_id, kod, v0.. over the
 * participations (RD_URVAL and the period are its own business). 0, or
 * what the rapporttyp returns after a refusal.
 */
int		 rd_tabell(struct rapport_ctx *, const struct rd_tabell *t,
		    const char *inner, int n, const char *const *extra);
/* Cells: Före, Efter and the change; Kvinnor, Män, Totalt; Antal, Andel. */
/*
 * Sets t up for the n groups g by kön (rd_celler_kon, the rows in kat,
 * which holds n) and writes the lowest values after the first as an SQL
 * array, "{16,25,...}", to granser.
 */
void		 rd_grupper_kon(struct rd_tabell *t, struct rd_kat *kat,
		    const struct rd_grupp *g, size_t n, char *granser,
		    size_t len);
void		 rd_celler_fore_efter(struct rapport_ctx *, const int64_t *,
		    const int64_t *);
void		 rd_celler_kon(struct rapport_ctx *, const int64_t *,
		    const int64_t *);
void		 rd_celler_andel(struct rapport_ctx *, const int64_t *,
		    const int64_t *);
/* Columns for the cells above; the first names the rows. */
int		 rd_kol_fore_efter(struct rapport_ctx *, const char *rader);
int		 rd_kol_kon(struct rapport_ctx *, const char *rader);
int		 rd_kol_andel(struct rapport_ctx *, const char *rader,
		    const char *andel);
/* A refusal for an internal fault (a builder that ran out of room). */
int		 rd_fel(struct rapport_ctx *);

/* Rapporttyper both reports offer (rapport_deltagare_tab.c). */
int		 rd_forsorjning(struct rapport_ctx *);
int		 rd_forsorjning_kalla(struct rapport_ctx *);
int		 rd_sysselsattning(struct rapport_ctx *);

#endif
