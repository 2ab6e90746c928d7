/*
 * Reports in the client (issue 9). The server describes every report
 * (MSG_RAPPORT_DEFS), so one urvalsbild and one result screen serve
 * them all:
 *
 *	rapport_data.c		the definitions and the caller's remembered
 *				choices, fetched once per login
 *	scr_rapport.c		the urvalsbild (choices, "Fler urval")
 *	scr_rapport_visa.c	the result: table, chart (chart.c), paging
 *	rapport_csv.c		CSV for Swedish Excel (common/csvw.c), from
 *				the screen and from `sus report`
 *	rapport_cli.c		`sus report NAME --param k=v --csv FILE`
 */
#ifndef RAPPORT_CLIENT_H
#define RAPPORT_CLIENT_H

#include <stdint.h>
#include <stdio.h>

#include "msg.h"

struct ui;
struct screen;

/* The definitions, fetched once per login (NULL if that failed). */
const struct msg_rapport_defs *rapport_defs(struct ui *);
void		 rapport_forget(struct ui *);
const struct rapport_def_row *rapport_def_by_name(struct ui *,
		    const char *namn);

/* The urvalsbild of one report. */
struct screen	*scr_rapport_new(struct ui *, const char *rapport);
/* Menu constructors, one per report. */
struct screen	*scr_rapport_insats_new(struct ui *);
struct screen	*scr_rapport_deltagare_new(struct ui *);
struct screen	*scr_rapport_kostnad_new(struct ui *);
struct screen	*scr_rapport_standard_new(struct ui *);
struct screen	*scr_rapport_affk_deltagare_new(struct ui *);
struct screen	*scr_rapport_affk_status_new(struct ui *);
/* The result screen over the urvalsbild; takes over *r. */
struct screen	*scr_rapport_visa_new(struct ui *, struct msg_rapport *r);

/*
 * Writes a report as CSV for Swedish Excel: UTF-8 with BOM, ';', CRLF,
 * decimal comma, the title and choices first, hidden cells as "..", the
 * footnotes last. 0, or -1 with a Swedish reason in why.
 */
int		 rapport_csv_write(const struct msg_rapport *, const char *path,
		    char *why, size_t len);

/* The same to an open stream (stdout for `sus report --csv -`). */
int		 rapport_csv_fp(const struct msg_rapport *, FILE *);

/* rapport_data.c: what the urvalsbild and `sus report` share. */
const struct rapport_def_row *rapport_defs_find(const struct msg_rapport_defs *,
		    const char *namn);
/* 1 when the parameter applies to rapporttyp typ (its typer "" = all). */
int		 rapport_param_galler(const struct rapport_param_row *,
		    const char *typ);
/* The caller's remembered value of a choice ("typ" too), NULL if none. */
const char	*rapport_sparad(const struct msg_rapport_defs *,
		    const char *rapport, const char *namn);
/* A parameter's standard as a value: "idag", "arstart-1"... resolved. */
void		 rapport_std_varde(const struct rapport_param_row *, char *,
		    size_t);
/* After a successful run: the choices sent become the remembered ones. */
void		 rapport_spara(struct ui *, const struct msg_rapport_run *);
/* A figure in Swedish: "12 345", "-3,5" (varde / 10^skala). */
void		 rapport_tal(int64_t varde, int skala, char *, size_t);
/* A cell as the table shows it: figure, ".." hidden, "–" empty. */
void		 rapport_cell_text(const struct msg_rapport *,
		    const struct rapport_rad_row *, uint32_t kol, char *,
		    size_t);
/* 1 when bars may be drawn in block characters, 0 for '#'. */
int		 rapport_unicode(void);

/*
 * rapport_valj.c: a pop-up over the urvalsbild choosing one
 * samverkansorganisation (RAPPORT_P_SAMORG) or insats (RAPPORT_P_INSATS)
 * by name; done gets its id and name.
 */
typedef void	(*rapport_valj_done)(struct screen *parent, uint32_t id,
		    const char *namn);
struct screen	*rapport_valj_new(struct ui *, struct screen *parent,
		    int slag, rapport_valj_done);

/* `sus report ...`; returns the exit status. */
int		 rapport_main(int argc, char **argv);

#endif
