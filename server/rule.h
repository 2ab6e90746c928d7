/*
 * Business rules that need no database: pure functions, linked into the
 * unit tests. The database keeps the same rules in triggers (schema
 * 0005); these give the Swedish sentence and refuse early.
 */
#ifndef RULE_H
#define RULE_H

#include <stddef.h>
#include <stdint.h>

/* What susd knows of a person when checking roles against rules 17-18. */
struct rule_person {
	uint32_t	 roles;		/* ROLE_* bits held or asked for */
	const char	*organisationstyp; /* the employer's, or NULL */
	int		 sus_forvaltning; /* employed by FK's SUS-förvaltning */
	int		 bestallare;	/* registered as a beställare */
};

/*
 * Checks rules 17 and 18 for roles on a person. Returns NULL when they
 * may be held together, else the Swedish reason.
 */
const char	*rule_roles_refusal(const struct rule_person *);

/*
 * The Swedish sentence for a database refusal by SQLSTATE: the SU class
 * of schema 0005, unique and check violations. NULL when the state is
 * not a rule (a fault).
 */
const char	*rule_db_message(const char *sqlstate);

/*
 * Checks a new password: length, not the username, not the old one.
 * Returns NULL when acceptable, else the Swedish reason.
 */
const char	*rule_password_refusal(const char *pw, const char *username,
		    const char *old);

/* The sentence for an SU01x/SU02x refusal of schema 0006, or NULL. */
const char	*rule_samorg_db_message(const char *sqlstate);

/* The sentence for an SU03x/SU04x refusal of schema 0007, or NULL. */
const char	*rule_insats_db_message(const char *sqlstate);
/*
 * rule_affk.c: the sentences of SU070-SU080 (schema 0010), which come
 * before rule_deltagande_db_message() for the states both use.
 */
const char	*rule_affk_db_message(const char *sqlstate);
/* The Swedish name of AFFK_AF or AFFK_FK ("Arbetsförmedlingen"). */
const char	*rule_affk_myndighet(int);
/* rule_deltagande.c: the sentences of SU050-SU063 (schema 0008). */
const char	*rule_deltagande_db_message(const char *sqlstate);
/*
 * Checks a personnummer or samordningsnummer as typed (10 or 12 digits,
 * "-" or "+") and writes the twelve-digit form to out; NULL when valid,
 * else a Swedish reason that does not repeat the number.
 */
const char	*rule_pnr_refusal(const char *typed, char *out, size_t len);
/* 1 when persons in the kommun are registered with a stadsdel (rule 39). */
int		 rule_stadsdel_kravs(const char *kommunkod);

/* Longest insatsnamn in characters (rule 24). */
#define RULE_INSATS_NAME_MAX	100

/* Checks an insatsnamn; NULL when acceptable, else the reason. */
const char	*rule_insats_name_refusal(const char *namn);

/* Checks a month YYYY-MM; 1 with its year and month when valid. */
int		 rule_insats_period(const char *, int *year, int *month);

/*
 * The year a year chooser opens on: ar when given, else this year when
 * it lies in forsta..sista (sista 0 = open), else the nearest end.
 */
uint32_t	 rule_year_pick(uint32_t ar, uint32_t this_year, uint32_t forsta,
		    uint32_t sista);

/* Shortest and longest password accepted, in bytes. */
#define RULE_PASSWORD_MIN	10
#define RULE_PASSWORD_MAX	128

/*
 * Small-cell suppression for reports (domain.md 6.6, issue 9): a table
 * of counts, rows by cols, row-major in cell, whose row sums (when
 * row_totals) and column sums (when col_totals) are shown beside it. A
 * count from 1 to threshold - 1 could point at a person, so it is
 * suppressed (primary); then, wherever a shown sum holds exactly one
 * suppressed count, that count could be had by subtraction, so the
 * smallest other count above zero on that row or column (or, when
 * there is none, a zero) is suppressed too (secondary), until no sum
 * gives one away. Zeros are otherwise shown: they say nothing about
 * anyone. The caller hides a sum that is itself small, like any count
 * (rule_suppress_small()), and a sum whose cells are all hidden (a line
 * of one cell). suppress[] gets 1 for every cell to hide. At national level
 * reports pass threshold 0, which suppresses nothing. Returns the
 * number of cells suppressed.
 */
size_t		 rule_suppress(const uint64_t *cell, uint8_t *suppress,
		    size_t rows, size_t cols, uint64_t threshold,
		    int row_totals, int col_totals);
/* Reports whether a shown count (or sum) of v must be hidden. */
int		 rule_suppress_small(uint64_t v, uint64_t threshold);

#endif
