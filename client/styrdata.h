/*
 * What the two Styrdata screens share (client/scr_styrdata.c: Kodlistor,
 * client/scr_orgreg.c: Organisationer): choice lists copied from the
 * cache and the small form both edit with.
 */
#ifndef SUS_STYRDATA_H
#define SUS_STYRDATA_H

/* Longest code or organisation name, in characters (schema 0006). */
#define STYR_NAMN_MAX		100
/* Longest code name in bytes: kod_row.namn (common/msg.c). */
#define STYR_NAMN_BYTES		400
/* Longest kod: A-Z, 0-9 and _ (schema 0006). */
#define STYR_KOD_MAX		40
/* Rows of the lists panel: four leave the codes room at 80x24. */
#define STYR_LIST_ROWS		4
/* Most choices a form offers: codes of one list, kommuner of one län. */
#define STYR_CHOICES_MAX	400

/* Choices copied from the cache, with the key each one stands for. */
struct choices {
	const char	*text[STYR_CHOICES_MAX];
	char		*key[STYR_CHOICES_MAX];
	size_t		 n;
};

/*
 * What Ny kod and Ny organisation share: the fields, what F2 does, what
 * follows a change, and why a locked field is locked. Each form's data
 * starts with one, so one draw, key and cursor function serve both.
 */
struct styrform {
	struct mform	 form;
	void		(*submit)(struct screen *);
	void		(*changed)(struct screen *);	/* or NULL */
	const char	*locked;
};

void		 choices_add(struct choices *, const char *text,
		    const char *key);
void		 choices_clear(struct choices *);
/* The index of the choice for key, or -1. */
int		 choices_find(const struct choices *, const char *key);
void		 choices_attach(struct mfield *, const struct choices *,
		    int value);
/* A typed letter moves a choice to the next one starting with it. */
void		 styr_get(const struct mfield *, char *out, size_t len);
int		 styr_cancel(struct screen *);
int		 styr_save(struct screen *, uint16_t type, const void *req,
		    int *stale, uint32_t *want_id);
void		 styrform_draw(struct screen *, WINDOW *);
int		 styrform_key(struct screen *, const struct keyev *);
int		 styrform_cursor(struct screen *, int *y, int *x);

#endif
