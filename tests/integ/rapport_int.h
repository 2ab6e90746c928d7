/*
 * Integration tests of the reports (issue 9): what the report cases share
 * (rapport_motor.c holds the helpers).
 */
#ifndef RAPPORT_INT_H
#define RAPPORT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "integ.h"
#include "msg.h"

/*
 * Runs report rapport (rapporttyp typ, "" = the first) with the choices
 * kv: name, value, name, value..., NULL. out is filled on success (the
 * caller clears it with msg_clear(MSG_RAPPORT, out)). Returns as
 * integ_call(): 0, an ERR code (> 0, text in integ_last_err) or -1.
 */
int		 rapport_kor(struct conn *, const char *rapport, const char *typ,
		    const char *const *kv, struct msg_rapport *out);
/* The column titled titel (kol index, 1 = first cell), or -1. */
int		 rapport_kol_index(const struct msg_rapport *, const char *titel);
/* The row of grupp and namn, or NULL. */
const struct rapport_rad_row *rapport_rad_hitta(const struct msg_rapport *,
		    const char *grupp, const char *namn);
/*
 * The cell of row (grupp, namn) in column titel: *varde and *flagga.
 * 0, or -1 after fail() when there is no such row or column.
 */
int		 rapport_cell_las(const struct msg_rapport *, const char *grupp,
		    const char *namn, const char *titel, int64_t *varde,
		    uint8_t *flagga);
/*
 * Checks one cell: want >= 0 a shown figure, RAPPORT_DOLD a hidden one,
 * RAPPORT_TOM an empty one. 0, or -1 after fail().
 */
#define RAPPORT_DOLD	(-1000000001LL)
#define RAPPORT_TOM	(-1000000002LL)
int		 rapport_cell_ar(const struct msg_rapport *, const char *grupp,
		    const char *namn, const char *titel, int64_t want);
/*
 * Looks for each of the NULL-terminated strings in every text of a
 * reply; returns the first found, or NULL.
 */
const char	*rapport_skanna(const struct msg_rapport *,
		    const char *const *forbjudna);
/* Loads tests/data/NAME through psql as the superuser; 0 or -1. */
int		 rapport_fixture(const char *name);
/*
 * Removes tests/data/rapport_insats.sql's rows (and everyone's
 * remembered choices of the Insatsrapport); 0 or -1.
 */
int		 rapport_fixture_bort(void);

#endif
