/*
 * Registrera deltagare's form, private to its files: the screen, its
 * keys and requests (scr_deltagare_form.c), the page it scrolls through
 * (deltagare_form_page.c), the fields filled from what was read and the
 * body of a Spara built back from them (deltagare_form_data.c), the
 * person fetched with Hämta or typed (deltagare_form_person.c), and the
 * kompletterande frågor of the occasion (deltagare_form_fragor.c).
 *
 * The form is one column of fields (struct mform for the keys); the page
 * draws each with its label to the left when both fit in the width, else
 * with the label on a line of its own above, so 80x24 shows every choice
 * whole.
 */
#ifndef SUS_DELTAGARE_FORM_H
#define SUS_DELTAGARE_FORM_H

#include "client.h"

/* The schema's limits: namn in characters, omfattning in per cent. */
#define DF_NAMN_MAX		200
#define DF_OMF_MAX		100
/* Check boxes of list forsorjning: ten codes, room to grow. */
#define DF_FORS_MAX		24
/* The column the values of labelled fields start after. */
#define DF_LABEL_W		16
/* Digits of a heltal answer: fits u32 with room to spare. */
#define DF_HELTAL_DIGITS	9

/*
 * The fields, top to bottom. Those past DF_Q are the questions', made
 * anew for each list of questions.
 */
enum df_field {
	DF_H_PERSON,		/* heading "Deltagare" */
	DF_PNR,			/* Personnummer: an entry, or the number */
	DF_NAMN,		/* from the register, or typed */
	DF_KON,			/* Kön, födelseår */
	DF_KOMMUN,		/* from the register, or a button */
	DF_STADSDEL,		/* from the register, or a choice */
	DF_TILLFALLE,		/* Mättillfälle, after Hämta */
	DF_START_INFO,		/* the startdatum, at an utregistrering */
	DF_SAMTYCKE,		/* blankett 9443, for a nyinregistrering */
	DF_SAMT_DATUM,
	DF_H_OCC,		/* heading Inregistrering / Utregistrering */
	DF_DATUM,		/* Startdatum or Slutdatum */
	DF_AVSLUT,		/* Avslutsanledning */
	DF_FELREG,		/* what Felregistrering leaves out */
	DF_FORS_LABEL,
	DF_FORS,		/* DF_FORS_MAX check boxes */
	DF_SYSS = DF_FORS + DF_FORS_MAX,
	DF_OMF,			/* Omfattning %, for work and study */
	DF_UTB,			/* Utbildningsnivå, at inregistrering */
	DF_TID,			/* Tid i offentlig försörjning, the same */
	DF_H_FRAGOR,		/* heading Kompletterande frågor */
	DF_FRAGOR_NOTE,		/* none asked, or not fetched */
	DF_Q			/* the first field of the first question */
};

/* How a field is drawn beyond what struct mfield says. */
struct df_meta {
	int		 attr;		/* A_BOLD for headings and questions */
	int		 blank;		/* a blank row above it */
	int		 indent;	/* columns in, for unlabelled fields */
	int		 digits;	/* an entry taking digits only */
};

/* A choice over a code list: names shown, the codes behind them. */
struct df_choice {
	size_t		 n;
	const char	**names;	/* for struct mfield: the copies */
	char		**kods;
	uint32_t	*ids;		/* 0 for "(välj)" */
};

/* One question of the occasion and the fields that answer it. */
struct df_fraga {
	uint32_t	 fraga_id;
	uint8_t		 svarstyp;	/* SVAR_* */
	uint8_t		 obligatorisk;
	char		*text;		/* "1. Har ... *" */
	size_t		 first;		/* its first answer field */
	size_t		 n;		/* answer fields */
	size_t		 nalt;		/* options */
	const char	**names;	/* a choice's names */
	uint32_t	*alt;		/* option id per choice or check box */
};

/* A Mättillfälle of the person's earlier participations. */
struct df_tillf {
	uint32_t	 deltagande_id;	/* 0: Nyinregistrering */
	uint8_t		 typ;		/* FRAGA_IN or FRAGA_UT */
	char		 name[96];
};

struct deltagare_form {
	uint32_t		 insats_id;
	int			 direct;	/* opened on a participation */
	int			 started;
	int			 open_failed;	/* a direct open failed */
	struct msg_insats	 insats;
	int			 insats_loaded;
	/* What is edited: 0 with FRAGA_IN is a nyinregistrering. */
	uint32_t		 deltagande_id;
	uint8_t			 typ;
	struct msg_deltagare	 orig;		/* as read, when loaded */
	int			 loaded;
	/* Hämta: the person as the register has it. */
	struct msg_person	 person;
	int			 hamtad;
	char			 hamtad_pnr[13];
	/* A kommun chosen by hand, and the stadsdelar it has. */
	char			 kommunkod[5];
	char			 kommun[DF_NAMN_MAX * 4 + 1];
	uint32_t		 picked_stadsdel;
	int			 kommun_check;	/* look up its stadsdelar */
	struct df_choice	 stadsdel;
	struct df_tillf		*tillf;
	const char		**tillf_names;
	size_t			 ntillf;
	/* The code lists the choices offer. */
	struct df_choice	 fors, syss, utb, tid, avslut;
	/* The questions, for the date and occasion they were fetched. */
	struct msg_fraga_list	 fragor;
	int			 fragor_loaded;
	char			 fragor_datum[16];
	uint8_t			 fragor_typ;
	struct df_fraga		*q;
	size_t			 nq;
	/* The form. */
	struct mfield		*fields;
	struct df_meta		*meta;
	size_t			 nfields, cap;
	struct mform		 form;
	char			*base_person;	/* the person's part, filled */
	char			*base_occ;	/* the occasion's, consent on */
	int			 top;		/* first page row shown */
	char			 pnr_said[160];	/* the last pnr message */
	char			 hint_datum[64];
	char			 omf_text[64];
	char			 kon_text[64];
	char			 pnr_text[16];
	char			 start_text[32];
	char			 occ_head[64];
	char			 fragor_note[128];
	char			 fors_label[64];
	char			 syss_label[64];
};

/* deltagare_form_data.c */
/* A string of a message, "" for none. */
const char	*df_str(const char *);
void		 df_choice_clear(struct df_choice *);
void		 df_choice_add(struct df_choice *, uint32_t id, const char *kod,
		    const char *name);
/* Points a choice field at its names, choosing code id (0: the first). */
void		 df_choice_field(struct deltagare_form *, size_t field,
		    const struct df_choice *, uint32_t id);
/* The code behind a choice field's value, 0 for none. */
uint32_t	 df_choice_id(const struct deltagare_form *,
		    const struct df_choice *, size_t field);
/* Sets a field's kind, label and text, and shows it. */
void		 df_show(struct deltagare_form *, size_t field,
		    enum mfield_kind, const char *label, const char *text);
/* Says why the fields are not fit, with the focus there; returns -1. */
int		 df_refuse(struct screen *, size_t field, const char *why);
void		 df_init(struct deltagare_form *);
void		 df_free(struct deltagare_form *);
/* The code lists into the choices; the current values are kept. */
void		 df_codes(struct screen *);
/* Hides, shows and labels the fields for what is edited now. */
void		 df_arrange(struct screen *);
/* Reports whether the form registers a new participant. */
int		 df_is_ny(const struct deltagare_form *);
/* The occasion read for what is edited, NULL for a new one. */
const struct tillfalle_row *df_tillfalle(const struct deltagare_form *);
/* Empty occasion fields (dates today) for what is edited. */
void		 df_occasion_defaults(struct screen *);
/* The occasion's fields from what was read. */
void		 df_occasion_fill(struct screen *,
		    const struct tillfalle_row *);
/* Forgets the person and the participation: a blank nyinregistrering. */
void		 df_clear(struct screen *);
/* Omfattning and Felregistrering follow the choices made. */
void		 df_follow_choices(struct screen *);
/* Whether sysselsättning is work or study (rule 45). */
int		 df_syss_has_omf(const struct deltagare_form *);
/* Whether avslutsanledning is Felregistrering. */
int		 df_is_felreg(const struct deltagare_form *);
/*
 * Remembers the values of the person's part (up to the consent) or the
 * occasion's (the consent on) as unchanged; df_dirty() compares with
 * them: the person after it was fetched, the occasion after it was read.
 */
void		 df_mark_person_clean(struct deltagare_form *);
void		 df_mark_occ_clean(struct deltagare_form *);
int		 df_dirty(const struct deltagare_form *);
/* Whether the occasion's part differs from when it was filled. */
int		 df_occ_dirty(const struct deltagare_form *);
/* A field's text, trimmed, into buf. */
void		 df_entry_text(const struct deltagare_form *, size_t field,
		    char *buf, size_t len);
/*
 * The body of a Spara, every string owned (msg_clear frees it); 0 when
 * the client found the fields fit, else it has said why.
 */
int		 df_collect(struct screen *, struct msg_deltagare_save *);

/* deltagare_form_person.c */
/* After Hämta: the person's fields and the Mättillfälle choice. */
void		 df_person_fill(struct screen *);
/* Forgets what Hämta brought, when the personnummer changes. */
void		 df_person_forget(struct screen *);
/* The stadsdelar of a kommun into the choice; 0 on success. */
int		 df_stadsdelar(struct screen *, const char *kommunkod,
		    const char *kommun, uint32_t chosen);
/* Shows and labels the person's fields for what is known of them. */
void		 df_arrange_person(struct screen *);
/* The person of a nyinregistrering into a Spara's body; 0 when fit. */
int		 df_collect_person(struct screen *,
		    struct msg_deltagare_save *);

/* deltagare_form_fragor.c */
/*
 * Fetches the questions for the date in the date field and the occasion,
 * keeping the answers given to questions still asked; 0 on success.
 */
int		 df_fragor_fetch(struct screen *);
/* Whether the date field holds another valid date than was fetched for. */
int		 df_fragor_stale(const struct deltagare_form *);
/* The answers into svar rows (allocated, *n set). */
struct svar_row	*df_fragor_answers(const struct deltagare_form *, uint32_t *);
/* Sets the answer fields from svar rows. */
void		 df_fragor_apply(struct deltagare_form *,
		    const struct svar_row *, uint32_t);
/* The first mandatory question without an answer, or NULL. */
const struct df_fraga *df_fragor_missing(const struct deltagare_form *);
/* Grows the field arrays to hold n fields. */
void		 df_fields_reserve(struct deltagare_form *, size_t n);
void		 df_fragor_free(struct deltagare_form *);

/* deltagare_form_page.c */
/* PgDn and PgUp: the first field of the next or previous part. */
void		 df_page_jump(struct screen *, int dir);
void		 df_page_draw(struct screen *, WINDOW *);
int		 df_page_cursor(struct screen *, int *y, int *x);

#endif
