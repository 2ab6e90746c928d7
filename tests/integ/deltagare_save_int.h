/*
 * What the Registrera deltagare cases share: tests/integ/deltagare_save.c
 * (the fixtures, the helpers, the nyinregistrering and who may make it)
 * and tests/integ/deltagare_tillfalle.c (utregistrering, corrections,
 * answers and the questions of an occasion).
 */
#ifndef DELTAGARE_SAVE_INT_H
#define DELTAGARE_SAVE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "integ.h"
#include "msg.h"

#define GBG		"Samordningsförbundet Göteborg"
/* Every fixture's name starts so; the clean-up removes them all. */
#define FX		"Integ dsave"
#define FX_ORG		FX " förbund"

/* Official test numbers (tests/data) and what the demo register holds. */
#define P_ASA		"196201122808"	/* register: Göteborg, Nordost */
#define P_ORJAN		"196204142852"	/* register: Göteborg, a man */
#define P_BRITT		"195503142027"	/* register: Stockholm, no stadsdel */
#define P_KARIN		"196008133065"	/* register: Malmö */
#define P_SKYDD		"197911109291"	/* register: skyddad */
#define P_MIKAEL	"197903309230"	/* register: for Steget vidare */
#define P_HAND		"198412099296"	/* not in the register, a man */
#define P_SAMO		"200002872380"	/* samordningsnummer, a woman */

/* The insatser a case has. */
enum fx_kind {
	FX_OPEN,	/* Göteborg, 2023-01-01, open */
	FX_OTHER,	/* Göteborg, 2023-01-01, open */
	FX_ENDED,	/* Göteborg, 2020-01-01 to 2021-06-30 */
	FX_NOUPP,	/* Göteborg, no uppdrag for deltagaransv */
	FX_EARLY,	/* own organisation (2022), starts 2021: triggers off */
	FX_OWN,		/* own organisation, 2022-03-01, its questions */
	FX__COUNT
};

/* The questions of the own organisation, by ordning. */
#define Q_JANEJ		FX " ja/nej vid in"	/* obligatorisk */
#define Q_FLERVAL	FX " flerval vid båda"	/* Alfa, Beta, Gamma */
#define Q_HELTAL	FX " heltal vid in"
#define Q_ENVAL		FX " enval vid ut"	/* obligatorisk; Ja, helt */
#define Q_GAMMAL	FX " utgången vid in"	/* 2022 only, obligatorisk */

/* What a case knows: insatser, codes, today. */
struct ds_known {
	uint32_t	 iid[FX__COUNT];
	uint32_t	 steget_did;	/* made in Steget vidare, to remove */
	uint32_t	 akassa, ingen_f, sjukpenning;	/* forsorjning */
	uint32_t	 arbete, sokande, ingen_s;	/* sysselsattning */
	uint32_t	 gymn, under1;			/* in only */
	uint32_t	 plan, felreg, aterkallat;	/* avslut */
	char		 today[16], tomorrow[16];
};

extern struct ds_known	ds_k;

/* One request with room for its lists. */
struct req {
	struct msg_deltagare_save	 q;
	struct kod_ref			 fors[4];
	struct svar_row			 svar[8];
};

/* Cleans, makes every fixture and logs in as user; 0 or -1. */
int		 ds_begin(struct conn *, const char *user);
/* Cleans up and closes; returns rv. */
int		 ds_end(struct conn *, int rv);
/* A nyinregistrering that passes every rule, for the case to spoil. */
void		 ds_req_in(struct req *, enum fx_kind, const char *pnr,
		    const char *start);
/* An utregistrering (andrad "") or a correction of one. */
void		 ds_req_ut(struct req *, enum fx_kind, uint32_t did,
		    const char *slut, const char *andrad);
void		 ds_svar(struct req *, uint32_t fid, uint32_t alt,
		    int har_heltal, uint32_t heltal, int ja);
/* MSG_DELTAGARE_SAVE; as integ_call(). */
int		 ds_save(struct conn *, struct req *);
/* Expects a refusal holding text that repeats none of the numbers. */
int		 ds_refuse(struct conn *, struct req *, uint32_t code,
		    const char *text, const char *what);
/* Expects OK with message msg (unless NULL); the id goes to *did. */
int		 ds_accept(struct conn *, struct req *, const char *msg,
		    uint32_t *did, const char *what);
/* The audit_person 'skriv' rows of a participation, each as it must be. */
uint32_t	 ds_skriv(uint32_t did);
/* Participations of a person (by number) in fixture k. */
uint32_t	 ds_delt(enum fx_kind, const char *pnr);
/* The version of an occasion, as the person's view sends it; 0 or -1. */
int		 ds_version(uint32_t did, const char *typ, char *out,
		    size_t len);
/* A question's id by its text. */
uint32_t	 ds_fraga(const char *namn);

/* deltagare_tillfalle.c */
int		 dsave_twice(void);
int		 dsave_utregistrering(void);
int		 dsave_correct_in(void);
int		 dsave_felregistrering(void);
int		 dsave_questions(void);
int		 dsave_fragor(void);

#endif
