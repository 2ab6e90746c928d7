/*
 * Reports (issue 9, domain.md 6): the engine every report uses.
 *
 * A report is a row of rapport_defs[] (rapport_def.c): its name, title,
 * menu group, rapporttyper and parameters. A rapporttyp is a function
 * that reads aggregated data (never a person, a name or a number) and
 * fills the table through the builder below. The engine (rapport.c)
 * answers MSG_RAPPORT_DEFS_GET, and for MSG_RAPPORT_RUN checks and
 * parses the choices, remembers them for the caller, runs the
 * rapporttyp, hides small counts (rapport_dolj.c, rule_suppress()) below
 * national level, and replies.
 *
 * Files: rapport.c (engine, requests), rapport_urval.c (checking and
 * remembering the choices), rapport_bygg.c (the builder), rapport_def.c
 * (the table of reports and parameters), rapport_dolj.c (suppression of
 * a built table), rule_rapport_val.c (the pure pieces, unit-tested),
 * rapport_insats.c, rapport_deltagare.c, rapport_standard.c,
 * rapport_kostnad.c, rapport_affk.c (the reports).
 */
#ifndef RAPPORT_H
#define RAPPORT_H

#include <stddef.h>
#include <stdint.h>

#include <libpq-fe.h>

#include "msg.h"

struct session;
struct rapport_ctx;

/* The level a report is broken down by (parameter "niva"). */
enum rapport_niva {
	NIVA_RIKET = 0,		/* one unit: the whole country */
	NIVA_LAN,		/* per län (of the organisation's kommuner) */
	NIVA_SAMORG,		/* per samverkansorganisation */
	NIVA_INSATS,		/* per insats */
	NIVA_KONTOR		/* Af/FK: per office */
};

/* A parameter as the table declares it (sent as rapport_param_row). */
struct rapport_param {
	const char	*namn;
	const char	*titel;
	int		 slag;		/* RAPPORT_P_* */
	const char	*lista;		/* RAPPORT_P_KOD */
	int		 fler;		/* behind "Fler urval" */
	int		 kravs;
	const char	*typer;		/* "" = every rapporttyp */
	const char	*standard;	/* "" = none; "idag", "ar" allowed */
	const struct rapport_val_row *val; /* RAPPORT_P_VAL */
	size_t		 nval;
};

struct rapport_typ {
	const char	*namn;
	const char	*titel;
	const char	*beskrivning;
	int		(*run)(struct rapport_ctx *);
};

struct rapport_def {
	const char	*namn;
	const char	*titel;
	const char	*grupp;		/* "Rapporter Finsam", "Rapporter Af/FK" */
	const char	*beskrivning;
	const struct rapport_typ *typer;
	size_t		 ntyper;
	const struct rapport_param *param;
	size_t		 nparam;
};

/* The reports in menu order (rapport_def.c); rapport_def_init() first. */
void		 rapport_def_init(void);
size_t		 rapport_def_count(void);
const struct rapport_def *rapport_def_at(size_t);
/* A report by name, NULL when there is none. */
const struct rapport_def *rapport_def_find(const char *namn);

/*
 * The choices every report shares, parsed and checked by the engine
 * before the rapporttyp runs; the rest are read with rapport_arg().
 */
struct rapport_urval {
	char		 from[11];	/* "from": period start, YYYY-MM-DD */
	char		 tom[11];	/* "tom": period end */
	int		 ar_from;	/* "ar_from", "ar_tom": budget years */
	int		 ar_tom;
	enum rapport_niva niva;		/* "niva" */
	char		 lanskod[3];	/* "lan": "" = all */
	uint32_t	 samorg_id;	/* "samorg": 0 = all */
	uint32_t	 insats_id;	/* "insats": 0 = all */
	char		 kon[2];	/* "kon": "K", "M" or "" */
	int		 alder_min;	/* "alder": an åldersgrupp, as */
	int		 alder_max;	/* ages; 0 and 200 when all */
	int		 troskel;	/* susd.conf rapport_troskel */
};

/*
 * The standard SQL parameters, bound by rapport_query() as $1..$9 before
 * the rapporttyp's own (which start at $10):
 *	$1 from (date)  $2 tom (date)  $3 lanskod (text, '' = all)
 *	$4 samorg_id (integer, 0 = all)  $5 insats_id (integer, 0 = all)
 *	$6 kon (text 'K'/'M', '' = all)  $7 alder_min  $8 alder_max
 *	$9 ar (integer: the year of tom, for "per year" figures)
 * Reports join their data to the unit of the level with
 * rapport_niva_sql(), which gives the SQL expression for the unit's
 * label over an insats i and its samverkansorg s (or an Af/FK office).
 */
#define RAPPORT_STD_PARAMS	9

/* Most columns a report has (the layout's cap is 101 with the names). */
#define RAPPORT_KOL_MAX		100

struct rapport_ctx {
	struct session		*s;
	uint32_t		 id;	/* the request id */
	const struct rapport_def *def;
	const struct rapport_typ *typ;
	const struct msg_rapport_run *q;
	struct rapport_urval	 u;
	struct msg_rapport	 out;	/* built by the functions below */
	size_t			 krad;	/* room in out.rader */
	int			 fran[RAPPORT_KOL_MAX + 1][2]; /* see below */
	/* Added by the engine (rapport.c); the rapporttyper need not look. */
	int			 summa[RAPPORT_KOL_MAX + 1][2]; /* kol_summa */
	char			 idag[11];	/* the database's current_date */
	char			**varde;	/* per def->param: the value */
	uint32_t		 ncell;		/* cells filled in the last row */
	int			 for_manga;	/* rows beyond RAPPORT_RADER_MAX */
	int			 avgransad;	/* a unit chosen: not the country */
	struct rapport_radinfo	*radinfo;	/* per row, see rapport_rad_utanfor() */
};

/* What the engine knows of a row beyond the message (rapport_bygg.c). */
struct rapport_radinfo {
	int		 utanfor;	/* no part of the unit's total */
	int		 slag;		/* RAPPORT_UTANFOR_* */
	int		 foralder;	/* out.rader index, or -1 */
};

/* Most rows a result has (the message's cap). */
#define RAPPORT_RADER_MAX	5000

/* The value of a choice by name: the caller's, or the standard; never NULL. */
const char	*rapport_arg(const struct rapport_ctx *, const char *namn);
/*
 * Runs sql with the standard parameters and n more; NULL has replied
 * (the rapporttyp then returns REQ_ROLLBACK). The statement is prepared
 * once per session with a first CTE, rapport_std(fran, tom, lan, samorg,
 * insats, kon, alder_min, alder_max, ar), that types $1..$9, so a query
 * need not use all of them (it may also join rapport_std); write each
 * $n with the type above ($1::date, $4::integer...), and type $10.. on
 * their first use.
 */
PGresult	*rapport_query(struct rapport_ctx *, const char *sql, int n,
		    const char *const *extra);
/*
 * The SQL condition restricting an insats i of samverkansorg s to the
 * chosen län ($3), samverkansorganisation ($4) and insats ($5).
 */
const char	*rapport_scope_sql(void);
/*
 * The SQL expression naming the level's unit for a row with insats i and
 * samverkansorg s in scope ("'Riket'", the län's name, s.namn, i.namn).
 */
const char	*rapport_niva_sql(enum rapport_niva);

/* Builder: columns first (kol 0 names the rows), then rows and cells. */
int		 rapport_kol(struct rapport_ctx *, const char *titel, int slag,
		    int skala);
int		 rapport_rad(struct rapport_ctx *, const char *grupp,
		    const char *namn, int summa);
/*
 * Adds a row that is no part of its unit's total, wherever it stands in
 * the unit: it is never one of the rows a sum row (summa set) holds the
 * column totals of, and is sent as a plain row (not a sum). Kinds:
 *	RAPPORT_UTANFOR_DEL	  a part of the earlier row foralder of the
 *				  same grupp ("varav avslutade med arbete"),
 *				  or beside the table when foralder is -1
 *				  (anonymous participants)
 *	RAPPORT_UTANFOR_UPPDELNING one of the rows that together make up
 *				  foralder (the types of work of those who
 *				  work after)
 * foralder is what rapport_rad() or this returned for that row. At the
 * levels rapport_dolj() hides at, it hides the row's counts from 1 to
 * troskel - 1 by their own; for a DEL, each count whose difference from
 * foralder's would be that small; where foralder is shown and exactly
 * one row of its UPPDELNING is hidden, the smallest other (or foralder
 * when there is none); and what a row total (rapport_kol_summa()) would
 * give away. The row's index, or -1 when the table is full.
 */
#define RAPPORT_UTANFOR_DEL		0
#define RAPPORT_UTANFOR_UPPDELNING	1
int		 rapport_rad_utanfor(struct rapport_ctx *, const char *grupp,
		    const char *namn, int foralder, int slag);
/* The next cell of the last row. */
void		 rapport_cell(struct rapport_ctx *, int64_t varde);
void		 rapport_cell_tom(struct rapport_ctx *);
/* A change in per cent from a to b, one decimal; empty when a is 0. */
void		 rapport_cell_andring(struct rapport_ctx *, int64_t a,
		    int64_t b);
/* A share in per cent (del of hel), one decimal; empty when hel is 0. */
void		 rapport_cell_andel(struct rapport_ctx *, int64_t del,
		    int64_t hel);
int		 rapport_fotnot(struct rapport_ctx *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
void		 rapport_diagram(struct rapport_ctx *, uint32_t kol);
/*
 * Marks column kol as computed from columns a and b (-1: none), so that
 * rapport_dolj() hides its cell wherever one of theirs is hidden.
 */
void		 rapport_kol_fran(struct rapport_ctx *, uint32_t kol, int a,
		    int b);
/*
 * Marks RAPPORT_K_ANTAL column kol as the row total of the ANTAL columns
 * forsta..sista (e.g. Totalt after Kvinnor, Män), so that rapport_dolj()
 * also hides what the total would give away.
 */
void		 rapport_kol_summa(struct rapport_ctx *, uint32_t kol,
		    uint32_t forsta, uint32_t sista);

/*
 * The reports' own tables (one file each), gathered by rapport_def.c.
 * Every report lists all its parameters, the shared ones included; the
 * engine reads from, tom, ar_from, ar_tom, niva, lan, samorg, insats,
 * kon and alder when a report has them.
 */
#define RAPPORT_EXTERN(x)						\
	extern const struct rapport_typ	 rapport_##x##_typer[];		\
	extern const size_t		 rapport_##x##_ntyper;		\
	extern const struct rapport_param rapport_##x##_param[];	\
	extern const size_t		 rapport_##x##_nparam
RAPPORT_EXTERN(insats);
RAPPORT_EXTERN(deltagare);
RAPPORT_EXTERN(kostnad);
RAPPORT_EXTERN(standard);
RAPPORT_EXTERN(affk_deltagare);
RAPPORT_EXTERN(affk_status);
#undef RAPPORT_EXTERN

/*
 * Options shared by several reports (rapport_def.c). The counts are also
 * constants, for the nval of a parameter table (rapport_def.c checks
 * them against the lists when it compiles).
 */
#define RAPPORT_NIVA_NVAL	4
#define RAPPORT_AFFK_NIVA_NVAL	3
#define RAPPORT_KON_NVAL	3
#define RAPPORT_ALDER_NVAL	7
extern const struct rapport_val_row rapport_niva_val[];	/* riket..insats */
extern const size_t		 rapport_niva_nval;
extern const struct rapport_val_row rapport_affk_niva_val[]; /* ..kontor */
extern const size_t		 rapport_affk_niva_nval;
extern const struct rapport_val_row rapport_kon_val[];	/* "", K, M */
extern const size_t		 rapport_kon_nval;
extern const struct rapport_val_row rapport_alder_val[];	/* "", 16-24.. */
extern const size_t		 rapport_alder_nval;

/*
 * Hides small counts (rapport_dolj.c): within each grupp, the cells of
 * RAPPORT_K_ANTAL columns below the threshold and the ones that would
 * give them away (rule_suppress()), and those of the rows outside the
 * total (rapport_rad_utanfor()); percentages computed from a hidden
 * count are hidden too. Nothing is hidden at NIVA_RIKET for the whole
 * country; a national report the choices narrow to a län, an
 * organisation, an insats, a kommun, an office or an Af/FK area
 * (c->avgransad) hides like any level below. Adds the footnote when
 * anything was hidden. Called by the engine.
 */
void		 rapport_dolj(struct rapport_ctx *);

/* Frees what the builder allocated. */
void		 rapport_clear(struct rapport_ctx *);

/*
 * Pure pieces (rule_rapport_val.c, unit-tested). A parameter's standard
 * value resolved against today (YYYY-MM-DD): "idag", "ar" (this year),
 * "ar-1"/"ar+1", "arstart" and "arslut" (1 January and 31 December of
 * this year, also "arstart-1" etc.), "manadstart" (the 1st of this
 * month); anything else is taken as it stands. 0, or -1 when it does not
 * fit in len or a resolved year leaves 1990..2200.
 */
int		 rapport_standard(const char *standard, const char *idag,
		    char *out, size_t len);
/* Whether s is a real day YYYY-MM-DD in the years 1990..2200. */
int		 rapport_datum_ok(const char *s);
/* An åldersgrupp kod ("", "16-24", "60-") as ages; 0 or -1. */
int		 rapport_alder_parse(const char *kod, int *min, int *max);
/* del / hel in tenths of a per cent, rounded half away from zero. */
int64_t		 rapport_promille(int64_t del, int64_t hel);
/* Appends "titel: varde" to the urval line in buf, "; " between. */
void		 rapport_urval_add(char *buf, size_t len, const char *titel,
		    const char *varde);

#endif
