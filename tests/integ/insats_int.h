/*
 * What the insats integration cases share (tests/integ/insats.c, the
 * saves and their rules, and tests/integ/insats_sok.c, Sök insatser, the
 * view and the audit): the ids they look up, the save body and the
 * helpers that begin and end a case.
 */
#ifndef INSATS_INT_H
#define INSATS_INT_H

#include <stdint.h>

#include "integ.h"
#include "msg.h"

/* The replies these cases decode. */
union ireply {
	union reply		 r;
	struct msg_insats	 i;
	struct msg_insats_list	 l;
};

/* What the cases refer to, looked up by name. */
struct ids {
	uint32_t	 gbg;		/* SF Göteborg: FINSAM from 2005 */
	uint32_t	 sthlm;		/* SF Stockholms stad */
	uint32_t	 ended;		/* hA Avslutat förbund: 2010-2015 */
	uint32_t	 jarva;		/* insats of Stockholms stad */
	uint32_t	 individ, struktur;	/* inriktning */
	uint32_t	 rehab, traning, natverk; /* preciserad inriktning */
	uint32_t	 person, antal;	/* matningsmetod */
	uint32_t	 unga, sjuk, personal; /* malgrupp */
	uint32_t	 kvinna;	/* kon K */
	uint32_t	 insatsansv;	/* users */
	uint32_t	 slund;
};

/* An id no row will have. */
#define NO_SUCH_ID	2000000000u

/* One MSG_INSATS_SAVE body with room for its lists. */
struct ins {
	struct msg_insats	 m;
	struct insats_malgrupp	 mal[8];
	struct uppdrag_add	 add[4];
	struct uppdrag_remove	 rm[4];
};

/* Cleans up, finds the ids and logs in as user; 0 or -1. */
int		 ins_begin(struct conn *cn, const char *user, struct ids *d);
/* Closes, cleans up again and returns rv. */
int		 ins_end(struct conn *cn, int rv);
/* Logs in again as another user. */
int		 ins_relogin(struct conn *cn, const char *user);
/* A new insats of samorg with no categorisation. */
void		 ins_new(struct ins *w, uint32_t samorg, const char *namn,
		    const char *start, const char *slut);
/* Sets the categorisation; målgrupper end at the first 0. */
void		 ins_kat(struct ins *w, uint32_t inr, uint32_t prec,
		    uint32_t mm, uint32_t m1, uint32_t m2);
/*
 * A save of what o holds, as a client sends it back: o's strings, which
 * must outlive w, and its målgrupper; no panel changes.
 */
void		 ins_from(struct ins *w, const struct msg_insats *o);
/* Saves and fails unless accepted; the new id, or 0. */
uint32_t	 ins_save_ok(struct conn *cn, const struct ins *w,
		    const char *what);
/* MSG_INSATS_GET into *o (cleared by the caller); as integ_call(). */
int		 ins_get(struct conn *cn, uint32_t id, struct msg_insats *o);
/* Creates an insats in Göteborg with a categorisation; its id or 0. */
uint32_t	 ins_make(struct conn *cn, const struct ids *d,
		    const char *namn, uint32_t inr, uint32_t prec, uint32_t mm,
		    uint32_t m1);

#endif
