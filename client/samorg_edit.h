/*
 * Hantera samverkansorg's private parts, shared by its three files: the
 * screen and its keys (scr_samorg_edit.c), the page it scrolls through
 * (samorg_edit_page.c) and the organisation read, changed and saved
 * (samorg_edit_data.c).
 */
#ifndef SUS_SAMORG_EDIT_H
#define SUS_SAMORG_EDIT_H

#include "client.h"

/* Beskrivning: the schema's limit, in characters. */
#define EDIT_BESKRIVNING_MAX	2000
/* Samverkansformer offered: the code list has four. */
#define EDIT_FORMS		16

/* The one-line texts, with the schema's length limits in characters. */
enum edit_text {
	ET_NAMN, ET_START, ET_SLUT, ET_ADRESS, ET_POSTNR, ET_POSTORT,
	ET_TELEFON, ET_EPOST, ET_WEBB, ET_KNAMN, ET_KTEL, ET_KEPOST, ET__COUNT
};

#define ETF_BASE	0x01	/* locked without SAMORG_R_BASE */
#define ETF_DATE	0x02

struct edit_text_def {
	const char	*label;
	size_t		 max;
	size_t		 off;		/* in struct msg_samorg */
	int		 flags;
};

extern const struct edit_text_def samorg_edit_texts[ET__COUNT];

enum edit_panel { EP_KOMMUN, EP_ORG, EP_SA, EP_IA, EP__COUNT };

/* The page, top to bottom. */
enum item_kind {
	IK_HEAD, IK_NOTE, IK_TEXT, IK_FORM, IK_ORGNR, IK_AREA, IK_TOGGLE,
	IK_SUB, IK_PANEL, IK_BLANK
};

#define IF_CONTACT	0x01	/* shown with the contact panel */

struct edit_item {
	enum item_kind	 kind;
	const char	*label;
	int		 arg;		/* enum edit_text or enum edit_panel */
	int		 flags;
};

extern const struct edit_item samorg_edit_items[];

/* One row of an uppdrag panel. */
struct edit_person {
	/* Efternamn, förnamn, e-post, arbetsgivare. */
	char		*cell[4];
};

enum edit_mode { EM_CHOOSE, EM_EDIT };

struct samorg_edit {
	enum edit_mode		 mode;
	int			 direct;	/* opened on one organisation */
	int			 started;
	struct chooser		 ch;
	struct samorg_pick	 pick;
	uint32_t		 id;
	struct msg_samorg	 orig;		/* as read: andrad, rights */
	int			 loaded;
	struct entry		 text[ET__COUNT];
	struct textarea		 beskr;
	const char		*form_names[EDIT_FORMS];
	uint32_t		 form_ids[EDIT_FORMS];
	size_t			 nforms;
	int			 form;
	struct samorg_kommun	*kommuner;
	size_t			 nkommuner;
	struct samorg_org	*orgs;
	size_t			 norgs;
	struct edit_person	*people[2];	/* EP_SA, EP_IA */
	size_t			 npeople[2];
	size_t			 cur[EP__COUNT];
	int			 flag;		/* column in Ingående org. */
	int			 show_contact;
	size_t			 focus;		/* in samorg_edit_items */
	int			 top;		/* first page row shown */
	int			 people_stale;	/* after Hantera uppdrag */
	char			 note[256];	/* said after a pop-up */
};

/* samorg_edit_data.c */
size_t		 samorg_edit_panel_n(const struct samorg_edit *,
		    enum edit_panel);
void		 samorg_edit_lists_clear(struct samorg_edit *);
/* Fetches the organisation (and its uppdrag) into the fields. */
int		 samorg_edit_load(struct screen *);
int		 samorg_edit_people_load(struct screen *);
int		 samorg_edit_dirty(struct samorg_edit *);
/* The body of a Spara, every string owned; 0 when the fields are fit. */
int		 samorg_edit_collect(struct screen *, struct msg_samorg *);
void		 samorg_edit_kommun_picked(struct screen *,
		    const struct samorg_kommun *, size_t);
void		 samorg_edit_org_picked(struct screen *,
		    const struct samorg_org *);
void		 samorg_edit_remove(struct screen *, enum edit_panel);
void		 samorg_edit_flag_toggle(struct samorg_edit *);

/* samorg_edit_page.c */
int		 samorg_page_width(const struct screen *);
/* Scrolls so the focus shows. */
void		 samorg_page_follow(struct screen *);
/* Tab and Shift-Tab: the next focusable item, dir 1 or -1. */
void		 samorg_page_step(struct screen *, int dir);
/* PgDn and PgUp. */
void		 samorg_page_scroll(struct screen *, int dir);
void		 samorg_page_focus_text(struct screen *, enum edit_text);
void		 samorg_page_draw(struct screen *, WINDOW *);
int		 samorg_page_cursor(struct screen *, int *y, int *x);

#endif
