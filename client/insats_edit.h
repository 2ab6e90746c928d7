/*
 * Registrera (ny) insats's private parts, shared by its three files: the
 * screen, its keys and requests (scr_insats_edit.c), the page it scrolls
 * through (insats_edit_page.c) and the insats read, changed and saved
 * (insats_edit_data.c).
 */
#ifndef SUS_INSATS_EDIT_H
#define SUS_INSATS_EDIT_H

#include "client.h"

/* The schema's limits, in characters. */
#define IE_NAMN_MAX		100
#define IE_BESKRIVNING_MAX	2000
/* Choices of one code list, "(ej vald)" included. */
#define IE_CODES		32
/* Specifika målgrupper offered. */
#define IE_MALGRUPPER		32
/* A code's name: 100 characters of UTF-8. */
#define IE_NAME_MAX		401

/* Grunduppgifter: one-line fields of the first form. */
enum ie_base { IB_NAMN, IB_START, IB_SLUT, IB__COUNT };

/*
 * Kategorisering av insats: a form of a label over each choice (the long
 * names need the whole width at 80x24) and one check box per målgrupp
 * from KF_MALGRUPP on.
 */
enum ie_kat {
	KF_INR_LABEL, KF_INR, KF_PREC_LABEL, KF_PREC,
	KF_METOD_LABEL, KF_METOD, KF_MAL_LABEL, KF_MALGRUPP
};
#define IE_KAT_FIELDS		(KF_MALGRUPP + IE_MALGRUPPER)

/* The parts of the page the focus moves through, top to bottom. */
enum ie_zone { IZ_BASE, IZ_BESKR, IZ_KAT, IZ_DA, IZ__COUNT };

/*
 * A choice over a code list: names shown and the codes behind them. The
 * names are copies: the code lists are fetched again after a new login.
 */
struct ie_choice {
	char		 buf[IE_CODES][IE_NAME_MAX];
	char		 kods[IE_CODES][64];	/* the codes' kod, "" if none */
	const char	*names[IE_CODES];
	uint32_t	 ids[IE_CODES];	/* 0: "(ej vald)" */
	size_t		 n;
};

/* A row of Deltagaransvariga för insatsen: in force, or added here. */
struct ie_da {
	uint32_t	 uppdrag_id;	/* 0 while only added */
	uint32_t	 user_id;
	char		*cell[4];	/* efternamn, förnamn, e-post, org. */
	char		*from;
	char		*tom;
	int		 remove;	/* marked "tas bort" */
};

enum ie_mode { IEM_CHOOSE, IEM_EDIT };

struct insats_edit {
	enum ie_mode		 mode;
	int			 direct;	/* opened on one insats/org */
	int			 started;
	struct chooser		 ch;
	struct samorg_pick	 pick;
	uint32_t		 id;		/* 0: a new insats */
	uint32_t		 samorg_id;
	struct msg_insats	 orig;		/* as read, or empty if new */
	int			 loaded;
	struct mfield		 base[IB__COUNT];
	struct mform		 bform;
	struct textarea		 beskr;
	struct mfield		 kat[IE_KAT_FIELDS];
	struct mform		 kform;
	struct ie_choice	 inr, prec, metod;
	uint32_t		 mal_ids[IE_MALGRUPPER];
	char			 mal_names[IE_MALGRUPPER][IE_NAME_MAX];
	size_t			 nmal;
	char			 start_hint[64];
	char			 slut_hint[64];
	struct ie_da		*da;
	size_t			 nda;
	size_t			 da_cur;
	enum ie_zone		 zone;
	int			 shown;		/* the zone last scrolled to */
	int			 top;		/* first page row shown */
	char			 note[256];	/* said after a pop-up */
};

/* insats_edit_data.c */
/* The code behind a choice's value, 0 for "(ej vald)". */
uint32_t	 ie_choice_id(const struct insats_edit *, enum ie_kat);
/* Whether mätningsmetod is the code kod (PERSON, ANTAL). */
int		 ie_metod_is(const struct insats_edit *, const char *kod);
/* Whether the caller may change anything; the categorisation too. */
int		 ie_editable(const struct insats_edit *);
int		 ie_kat_editable(const struct insats_edit *);
/* Fetches the insats into the fields; 0 on success. */
int		 ie_load(struct screen *);
/* Empty fields for a new insats in e->samorg_id; 0 on success. */
int		 ie_start_new(struct screen *);
void		 ie_forget(struct insats_edit *);
int		 ie_dirty(struct insats_edit *);
/* The body of a Spara, every string owned; 0 when the fields are fit. */
int		 ie_collect(struct screen *, struct msg_insats *);
/*
 * After a key in Kategorisering, given the inriktning and mätningsmetod
 * before it: a new inriktning has its own preciseringar and may set the
 * mätningsmetod (rule 28); a volyminsats has no deltagaransvariga.
 */
void		 ie_kat_changed(struct screen *, int old_inr, int old_metod);
/* Whether inriktning, preciserad, mätningsmetod and a målgrupp are set. */
int		 ie_kat_complete(const struct insats_edit *);
void		 ie_da_picked(struct screen *, uint32_t roll,
		    const struct picker_pick *, size_t, const char *from,
		    const char *tom);
void		 ie_da_remove(struct screen *);
/* Rows of the Deltagaransvariga panel that are not marked removed. */
size_t		 ie_da_kept(const struct insats_edit *);

/* insats_edit_page.c */
/* Whether the Deltagaransvariga panel is on the page. */
int		 ie_page_has_da(struct screen *);
/* Tab, Shift-Tab and the arrows past a part: the next one, dir ±1. */
void		 ie_page_step(struct screen *, int dir);
/* Whether the focus is on the first (dir -1) or last (1) of its part. */
int		 ie_page_at_edge(struct screen *, int dir);
/* Puts the focus on a field (a row of the panel) of a part. */
void		 ie_page_focus(struct screen *, enum ie_zone, size_t field);
/* PgDn and PgUp: the next or previous part, or the page's end. */
void		 ie_page_jump(struct screen *, int dir);
int		 ie_page_width(const struct screen *);
void		 ie_page_draw(struct screen *, WINDOW *);
int		 ie_page_cursor(struct screen *, int *y, int *x);

#endif
