/* susd: private declarations shared by the server's files. */
#ifndef SUSD_H
#define SUSD_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include <libpq-fe.h>

#include "config.h"
#include "noise.h"
#include "proto.h"

struct buf;
struct chan;
struct msg_uppdrag_save;
struct msg_deltagare_save;
struct msg_anonym_save;
struct msg_volym_save;
struct budget_year;

/* What the parent knows after start-up; inherited by every child. */
struct susd {
	struct config	 conf;
	const char	*conf_path;
	uint8_t		 key_priv[NOISE_KEY_LEN];
	uint8_t		 key_pub[NOISE_KEY_LEN];
	char		 app_conninfo[1100];	/* sessions connect with this */
	char		 admin_conninfo[1024];	/* migrations, demo, useradd */
	int		 embedded;		/* we run the cluster */
	char		 pg_dir[1600];
	int		 listen_fd;
};

extern struct susd		 susd;
extern volatile sig_atomic_t	 susd_got_term;
extern volatile sig_atomic_t	 susd_got_hup;
extern volatile sig_atomic_t	 susd_got_chld;

/* One connected, logged-in (or logging-in) client: lives in the child. */
struct session {
	int		 fd;
	struct chan	*chan;
	char		 peer[64];	/* address:port, for logs */
	PGconn		*db;		/* opened lazily, released when idle */
	int		 logged_in;
	int		 failures;	/* bad passwords on this connection */
	uint32_t	 user_id;
	char		 username[65];
	uint32_t	 roles;		/* ROLE_* bits, ROLE_BESTALLARE too */
	int		 must_change;	/* first login: only a new password */
	char		 sqlstate[6];	/* of the last failed query, or "" */
	int		 startup_fd;	/* closed at login: tells the parent */
	struct buf	*reply;		/* held until the request commits */
	uint16_t	 reply_type;
	uint32_t	 reply_id;
	/*
	 * While a batch row runs (batch.c), refusals are kept here instead
	 * of replied, and falt names the cell the check at hand concerns.
	 */
	struct session_capture *capture;
	uint32_t	 falt;		/* enum batch_falt of the running check */
	uint32_t	 falt_fraga;	/* with BATCH_FALT_FRAGA */
};

/* A refusal kept by session_error() while s->capture is set. */
struct session_capture {
	int		 set;
	uint32_t	 code;		/* ERR_* */
	uint32_t	 falt;		/* s->falt when it was made */
	uint32_t	 fraga_id;
	char		 text[SUS_MESSAGE_MAX];
};

/* Names the cell the checks that follow concern (batch rows). */
#define session_falt(s, f, q) do {					\
	(s)->falt = (f);						\
	(s)->falt_fraga = (q);						\
} while (0)

/* db.c */
int		 db_open(struct session *);
void		 db_close(struct session *);
int		 db_begin(struct session *);
int		 db_commit(struct session *);
void		 db_rollback(struct session *);
PGresult	*db_exec(struct session *, const char *sql, int n,
		    const char *const *params);
int		 db_exec_cmd(struct session *, const char *sql, int n,
		    const char *const *params);
int		 db_set_user(struct session *);
uint32_t	 db_u32(PGresult *, int row, int col);
uint64_t	 db_u64(PGresult *, int row, int col);
/* The row of res whose column 0 is id, or -1. */
int		 db_find_row(PGresult *, uint32_t id);

/* One page of a list request: all matches counted, then the rows. */
struct db_page {
	PGresult	*count;
	PGresult	*rows;
	uint32_t	 total;
	uint32_t	 nrows;
	char		 offset[16];
	char		 limit[16];
};

void		 db_page_init(struct db_page *, uint32_t offset,
		    uint32_t limit, uint32_t dflt);
int		 db_page_fetch(struct session *, uint32_t id, struct db_page *,
		    const char *count_sql, const char *rows_sql,
		    const char **params, int nfilter);
void		 db_page_clear(struct db_page *);
int		 db_refused(struct session *, uint32_t id);
PGconn		*db_connect(const char *conninfo);

/* audit.c */
int		 audit_log(struct session *, const char *action,
		    const char *object_type, long long object_id, int personal,
		    const char *detail_json);
/*
 * The personal-data trail (audit_person), in the caller's transaction:
 * one row per participation in ids (the person and the hash of the
 * personnummer are taken from them), or one row for a personnummer
 * looked up (pnr twelve digits; the person row if there is one). action
 * is "las" or "skriv"; purpose names the screen or request.
 */
int		 audit_person_deltaganden(struct session *, const char *action,
		    const char *purpose, uint32_t insats_id,
		    const uint32_t *ids, size_t n);
int		 audit_person_pnr(struct session *, const char *action,
		    const char *purpose, uint32_t insats_id, const char *pnr);

/* One audit_person row per Af/FK ärende in ids, as above. */
int		 audit_person_arenden(struct session *, const char *action,
		    const char *purpose, uint32_t insats_id,
		    const uint32_t *ids, size_t n);

/*
 * Af/FK-samarbetet (issue 8). affk.c: what every handler shares and the
 * styrdata; affk_arende.c: medverkan, övergång, uppgifter, historik;
 * affk_kontor.c: offices, Byt kontor; affk_sok.c: Visa deltagare.
 */
struct affk_kontor {
	uint32_t	 id;		/* affk_kontor.id */
	uint32_t	 insats_id;
	int		 myndighet;	/* AFFK_AF or AFFK_FK */
	int		 aktiv;
	char		 namn[SUS_NAME_MAX * 2 + 1]; /* 100 characters */
};
/*
 * Reads the office insats_id stands for; refuses (returns the refusal)
 * when the insats is not an Af/FK office.
 */
int		 affk_kontor_of(struct session *, uint32_t id,
		    uint32_t insats_id, struct affk_kontor *);
/*
 * Refuses an ärende that is not open to the office (rule 51): unknown,
 * stripped, or handled by other offices. The refusal says the same in
 * every case, so nobody learns that a person exists elsewhere. lock
 * takes the ärende's row lock.
 */
int		 affk_arende_own(struct session *, uint32_t id,
		    const struct affk_kontor *, uint32_t arende_id, int lock);
int		 affk_styrdata_get(struct session *, uint32_t, void *);
int		 affk_kontor_save(struct session *, uint32_t, void *);
int		 affk_medverkan_save(struct session *, uint32_t, void *);
int		 affk_overgang_save(struct session *, uint32_t, void *);
int		 affk_uppgifter_save(struct session *, uint32_t, void *);
int		 affk_historik_get(struct session *, uint32_t, void *);
int		 affk_sok(struct session *, uint32_t, void *);
int		 affk_byt_kontor(struct session *, uint32_t, void *);

/* rapport.c: the reports (issue 9); the engine is in rapport.h. */
int		 rapport_defs_get(struct session *, uint32_t, void *);
int		 rapport_run(struct session *, uint32_t, void *);

/* auth.c */
int		 auth_login(struct session *, uint32_t id, void *m);
int		 auth_hash_password(const char *, char *out, size_t len);
int		 auth_password_change(struct session *, uint32_t id, void *m);
int		 session_refresh(struct session *, int begin);
uint32_t	 auth_role_bit(const char *name);
uint32_t	 auth_roles_parse(const char *list);
const char	*auth_role_name(uint32_t bit);

/* request.c: handler results besides 0 (commit) and negative (close). */
#define REQ_ROLLBACK	1	/* error reply sent; roll back */
#define REQ_CLOSE	2	/* orderly end of the session */

int		 request_table_check(void);
void		 request_table_print(FILE *);
int		 request_dispatch(struct session *, uint16_t type, uint32_t id,
		    struct buf *body);
int		 session_reply(struct session *, uint32_t id, uint16_t type,
		    const void *m);
int		 session_reply_flush(struct session *);
int		 session_error(struct session *, uint32_t id, uint32_t code,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* session_error(), then REQ_ROLLBACK: how a handler says no. */
int		 session_refuse(struct session *, uint32_t id, uint32_t code,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Issue 4 handlers: samverkansorg.c (search, view, save, kommun search),
 * samorg_order.c (the 9447 order), budget.c, fraga.c, styrdata.c.
 */
int		 samverkansorg_get(struct session *, uint32_t, void *);
int		 samverkansorg_save(struct session *, uint32_t, void *);
int		 kommun_search(struct session *, uint32_t, void *);
int		 samorg_order_submit(struct session *, uint32_t, void *);
int		 samorg_order_search(struct session *, uint32_t, void *);
int		 samorg_order_decide(struct session *, uint32_t, void *);
/* What the checks of a budget line look at, in either budget. */
struct budget_line {
	uint32_t	 id;		/* 0 = a new line */
	uint64_t	 belopp;
	int		 has_utfall;
	uint64_t	 utfall;
	const char	*beskrivning;
};
uint32_t	 budget_line_refusal(PGresult *old, const uint32_t *ids,
		    uint32_t n, const struct budget_line *, char *why,
		    size_t len);
void		 budget_years_fill(PGresult *, struct budget_year **,
		    uint32_t *);
int		 budget_get(struct session *, uint32_t, void *);
int		 budget_save(struct session *, uint32_t, void *);
int		 fraga_search(struct session *, uint32_t, void *);
int		 fraga_save(struct session *, uint32_t, void *);
int		 fraga_delete(struct session *, uint32_t, void *);
int		 fraga_order(struct session *, uint32_t, void *);
int		 kod_search(struct session *, uint32_t, void *);
int		 kod_save(struct session *, uint32_t, void *);
int		 organisation_save(struct session *, uint32_t, void *);

/* session.c */
void		 session_run(int fd, const char *peer, int startup_fd);
/* Milliseconds on the monotonic clock, for timeouts and timings. */
long long	 session_now_ms(void);

/* susd.c */
void		 susd_reload(void);
void		 susd_child_close_keeper(void);

/* listen.c */
int		 listen_open(const char *addr, int port);
int		 listen_loop(void);

/* migrate.c */
int		 migrate_run(const char *conninfo, const char *schema_dir,
		    int verbose);
const char	*migrate_schema_dir(void);

/* samverkansorg.c */
/*
 * Turns a user's search text into a LIKE pattern (escape '\\'): '*'
 * matches anything, text without '*' matches names containing it.
 */
void		 search_pattern(const char *in, char *out, size_t len);
int		 samverkansorg_search(struct session *, uint32_t id, void *m);

/* insats.c: Sök insatser and the read-only view (issue 5) */
int		 insats_search(struct session *, uint32_t id, void *m);
int		 insats_get(struct session *, uint32_t id, void *m);

/* insats_save.c: Registrera (ny) insats, categorisation, deltagaransvariga */
int		 insats_save(struct session *, uint32_t id, void *m);

/* insats_budget.c: the insats's Budget tab */
int		 insats_budget_get(struct session *, uint32_t id, void *m);
int		 insats_budget_save(struct session *, uint32_t id, void *m);

/* volym.c: Registrera antal i volyminsats */
int		 volym_get(struct session *, uint32_t id, void *m);
int		 volym_save(struct session *, uint32_t id, void *m);

/* startsida.c: the caller's organisations and insatser */
int		 start_get(struct session *, uint32_t id, void *m);

/*
 * Deltagande (issue 6). deltagare.c: the participant list, the person's
 * own view and "Hämta"; deltagare_save.c: in- and utregistrering and the
 * questions of an occasion; samtycke.c: consent withdrawn; anonym.c:
 * anonymous participants.
 */
int		 deltagare_search(struct session *, uint32_t id, void *m);
int		 deltagare_get(struct session *, uint32_t id, void *m);
int		 person_lookup(struct session *, uint32_t id, void *m);
int		 deltagare_save(struct session *, uint32_t id, void *m);
/*
 * One MSG_DELTAGARE_SAVE checked and written with its audit row, without
 * the reply: *did gets the participation, *msg the sentence for the user.
 * Returns 0, REQ_ROLLBACK after a refusal, or a negative error.
 */
int		 deltagare_save_apply(struct session *, uint32_t id,
		    const struct msg_deltagare_save *, uint32_t *did,
		    const char **msg);
int		 deltagare_fragor(struct session *, uint32_t id, void *m);
int		 samtycke_aterkalla(struct session *, uint32_t id, void *m);
int		 anonym_get(struct session *, uint32_t id, void *m);
int		 anonym_save(struct session *, uint32_t id, void *m);

/*
 * What anonym_save_apply() and volym_save_apply() did: the single
 * request replies with id and text, a batch row records id and status.
 */
struct count_saved {
	uint32_t	 id;		/* last row written; FINNS: the month's */
	uint8_t		 status;	/* BATCH_OK, or BATCH_FINNS */
	char		 text[128];	/* the sentence for the user */
};
/*
 * One MSG_ANONYM_SAVE or MSG_VOLYM_SAVE checked and written without the
 * reply, naming each check's cell (session_falt) for a batch row.
 * Returns 0, REQ_ROLLBACK after a refusal, or a negative error. With
 * batch set, a row (ersatter 0) for a month already counted is
 * BATCH_FINNS when the counts are the same and refused when they differ.
 */
int		 anonym_save_apply(struct session *, uint32_t id,
		    const struct msg_anonym_save *, struct count_saved *);
int		 volym_save_apply(struct session *, uint32_t id,
		    const struct msg_volym_save *, int batch,
		    struct count_saved *);

/*
 * Bulk batches (issue 7). batch.c: MSG_BATCH_DELTAGARE, the idempotency
 * keys and the stored outcomes; batch_count.c: MSG_BATCH_ANONYM and
 * MSG_BATCH_VOLYM.
 */
int		 batch_deltagare(struct session *, uint32_t id, void *m);
int		 batch_anonym(struct session *, uint32_t id, void *m);
int		 batch_volym(struct session *, uint32_t id, void *m);

/* anvandare.c: users, roles, employers */
int		 anvandare_search(struct session *, uint32_t id, void *m);
int		 anvandare_role_set(struct session *, uint32_t id, void *m);
int		 anvandare_active(struct session *, uint32_t id, void *m);
int		 organisation_search(struct session *, uint32_t id, void *m);

/* bestallning.c: agreements, beställare, orders */
int		 bestallning_agreement_save(struct session *, uint32_t id,
		    void *m);
int		 bestallning_bestallare_save(struct session *, uint32_t id,
		    void *m);
int		 bestallning_submit(struct session *, uint32_t id, void *m);
int		 bestallning_search(struct session *, uint32_t id, void *m);
int		 bestallning_decide(struct session *, uint32_t id, void *m);

/* uppdrag.c */
int		 uppdrag_search(struct session *, uint32_t id, void *m);
int		 uppdrag_save_samorg(struct session *, uint32_t id, void *m);
int		 uppdrag_save_insats(struct session *, uint32_t id, void *m);
/*
 * Applies the adds and removals of q to the deltagaransvariga of insats
 * q->target_id without replying: MSG_INSATS_SAVE's part. Returns 0, or
 * what a handler returns after a refusal.
 */
int		 uppdrag_apply_insats(struct session *, uint32_t id,
		    const struct msg_uppdrag_save *q);

/* admin.c: operator commands run from the shell */
int		 admin_useradd(int argc, char **argv);
int		 admin_demo(void);

/*
 * gallring.c: the personal-data operator commands. folkbokforing loads
 * the register copy from a file; skydda strips the persons whose
 * personnummer are read from stdin and marks them protected; gallra
 * strips participations ended more than gallring_ar years ago and those
 * of persons the register marks protected; registerutdrag prints a
 * person's data and access history for a GDPR request (personnummer on
 * stdin). Each returns 0 or an error already logged.
 */
int		 admin_folkbokforing(int argc, char **argv);
int		 admin_skydda(int argc, char **argv);
int		 admin_gallra(int argc, char **argv);
int		 admin_registerutdrag(int argc, char **argv);

#endif
