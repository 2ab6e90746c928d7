/*
 * Af/FK-samarbetet in the client (issue 8): the styrdata cache
 * (affk_data.c) and the screens of the Af/FK menu.
 *
 *	affk_data.c		styrdata, the caller's offices, next steps
 *	scr_affk_medverkan.c	Registrera medverkan
 *	scr_affk_uppgifter.c	Registrera uppgifter (after medverkan, an
 *				övergång, or Välj/Skapa in Historik)
 *	scr_affk_byt.c		Byt kontor
 *	scr_affk_historik.c	Historik enskild deltagare, Ny övergång
 *	scr_affk_sok.c		Visa deltagare
 *	scr_affk_kontor.c	Administration: Af/FK-kontor
 *
 * Anonymous Af/FK participants are counted on the anonym screen with the
 * office as insats.
 */
#ifndef AFFK_H
#define AFFK_H

#include <stddef.h>
#include <stdint.h>

#include "msg.h"

struct ui;
struct screen;

/* The styrdata, fetched once per login (NULL if that failed). */
const struct msg_affk_styrdata *affk_styrdata(struct ui *);
/* Drops it: after a new login or a change of offices. */
void		 affk_forget(struct ui *);
/* The offices where the caller is deltagaransvarig, in the server's order. */
size_t		 affk_mina_kontor(struct ui *,
		    const struct affk_kontor_row **out, size_t max);
/* Offices of one authority (AFFK_AF, AFFK_FK), open ones unless alla. */
size_t		 affk_kontor_list(struct ui *, int myndighet, int alla,
		    const struct affk_kontor_row **out, size_t max);
const struct affk_kontor_row *affk_kontor_by_id(struct ui *, uint32_t id);
const struct affk_kontor_row *affk_kontor_by_insats(struct ui *,
		    uint32_t insats_id);
const struct affk_insatstyp_row *affk_typ_by_id(struct ui *, uint32_t id);
/*
 * The insatstyper that may follow fran_id (0: the first step of an
 * ärende), and for each who registers it: out[i] and, when myndighet is
 * not NULL, myndighet[i].
 */
size_t		 affk_nasta_typer(struct ui *, uint32_t fran_id,
		    const struct affk_insatstyp_row **out, uint8_t *myndighet,
		    size_t max);
/* The questions of an insatstyp, in order. */
size_t		 affk_fragor(struct ui *, uint32_t insatstyp_id,
		    const struct affk_fraga_row **out, size_t max);
/* The codes of a list the Af/FK screens use, active ones unless alla. */
size_t		 affk_koder(struct ui *, const char *lista, int alla,
		    const struct affk_kod_row **out, size_t max);
/* A code's name by id, "" when unknown. */
const char	*affk_kod_namn(struct ui *, uint32_t id);
/* "Arbetsförmedlingen", "Försäkringskassan"; short "Af", "FK". */
const char	*affk_myndighet_namn(int myndighet);
const char	*affk_myndighet_kort(int myndighet);
/* "Aktuell", "I väntan", "Avslutad" for an AFFK_S_* status. */
const char	*affk_status_namn(int status);

/* Screens named by the menu table. */
struct screen	*scr_affk_medverkan_new(struct ui *);
struct screen	*scr_affk_historik_new(struct ui *);
struct screen	*scr_affk_sok_new(struct ui *);
struct screen	*scr_affk_byt_new(struct ui *);
struct screen	*scr_affk_anonym_new(struct ui *);
struct screen	*scr_affk_kontor_new(struct ui *);
/*
 * Registrera uppgifter for one period: pushed over the calling screen
 * after a medverkan or an övergång (ny 1: answers not yet given), or
 * from Historik (Välj: the answers given, to view and correct; Skapa:
 * missing). svar holds the answers known, nsvar of them.
 */
struct screen	*scr_affk_uppgifter_new(struct ui *, uint32_t kontor_insats_id,
		    uint32_t period_id, uint32_t insatstyp_id, const char *rubrik,
		    const struct affk_svar_row *svar, uint32_t nsvar);
/*
 * Historik opened on one ärende (from Visa deltagare), by its id.
 */
struct screen	*scr_affk_historik_arende(struct ui *,
		    uint32_t kontor_insats_id, uint32_t arende_id);
/*
 * Ny övergång on an open ärende (scr_affk_overgang.c), over Historik:
 * sets *stale when the history must be fetched again.
 */
struct screen	*scr_affk_overgang_new(struct ui *, uint32_t kontor_insats_id,
		    const struct affk_arende_row *, const char *namn,
		    int *stale);

#endif
