/*
 * Message bodies, defined once for both programs. Each message type has a
 * C struct and a layout table (common/msg.c) from which one generic
 * encoder and decoder work, so the two ends cannot disagree.
 *
 * Strings are u32 length || UTF-8 bytes without NUL and decode to newly
 * allocated C strings; lists are u32 count || elements. Decoding consumes
 * the body exactly: trailing bytes are an error. A declared list count is
 * checked against the bytes present before anything is allocated.
 */
#ifndef SUS_MSG_H
#define SUS_MSG_H

#include <stddef.h>
#include <stdint.h>

struct buf;

struct msg_login {
	char		*username;
	char		*password;
};

struct msg_login_ok {
	uint32_t	 user_id;
	char		*username;
	char		*fornamn;
	char		*efternamn;
	uint32_t	 roles;		/* ROLE_* bits, ROLE_BESTALLARE too */
	uint32_t	 flags;		/* LOGIN_F_* */
};

struct msg_password_change {
	char		*old_password;
	char		*new_password;
};

struct msg_ping {
	uint64_t	 nonce;
};

struct msg_err {
	uint32_t	 code;		/* enum sus_errcode */
	char		*message;	/* Swedish, for the message line */
};

struct msg_ok {
	uint32_t	 id;		/* id of what was created, or 0 */
	char		*message;
};

struct msg_samorg_search {
	char		*pattern;	/* name, '*' as wildcard; "" = all */
	uint32_t	 offset;
	uint32_t	 limit;
};

struct samorg_row {
	uint32_t	 id;
	char		*namn;
	char		*samverkansform;
	char		*organisationsnummer;
	char		*startdatum;	/* YYYY-MM-DD */
	char		*slutdatum;	/* YYYY-MM-DD or "" */
	char		*kommuner;	/* "Kommun (stadsdel, ...), Kommun" */
};

struct msg_samorg_list {
	uint32_t	 total;		/* matches in all, for the pager */
	uint32_t	 nrows;
	struct samorg_row *rows;
};

struct msg_insats_search {
	uint32_t	 samorg_id;	/* 0 = every samverkansorganisation */
	char		*pattern;	/* name, '*' as wildcard */
	uint32_t	 offset;
	uint32_t	 limit;
};

struct insats_row {
	uint32_t	 id;
	uint32_t	 samorg_id;
	char		*samorg;	/* the owner's name */
	char		*namn;
	char		*startdatum;
	char		*slutdatum;	/* "" while open */
};

struct msg_insats_list {
	uint32_t	 total;
	uint32_t	 nrows;
	struct insats_row *rows;
};

/* Users: pickers, Visa användare and Administration share one search. */
struct msg_user_search {
	char		*fornamn;	/* '*' as wildcard; "" = any */
	char		*efternamn;
	char		*arbetsgivare;	/* employer name pattern */
	uint32_t	 organisation_id; /* employer, 0 = any */
	uint32_t	 roles;		/* holds any of these; 0 = any */
	uint32_t	 offset;
	uint32_t	 limit;
};

struct user_row {
	uint32_t	 id;
	char		*username;	/* only superadministratörer see it */
	char		*fornamn;
	char		*efternamn;
	char		*epost;
	uint32_t	 arbetsgivare_id;
	char		*arbetsgivare;
	uint32_t	 roles;
	uint8_t		 aktiv;
	char		*bestallare_tom; /* YYYY-MM-DD while a beställare */
};

struct msg_user_list {
	uint32_t	 total;
	uint32_t	 nrows;
	struct user_row	*rows;
};

struct msg_role_set {
	uint32_t	 user_id;
	uint32_t	 roles;		/* the whole new set; SUSrapport implied */
};

struct msg_user_active {
	uint32_t	 user_id;
	uint8_t		 aktiv;
};

struct msg_org_search {
	char		*pattern;
	uint32_t	 offset;
	uint32_t	 limit;
};

struct org_row {
	uint32_t	 id;
	char		*namn;
	char		*organisationstyp;
	char		*undertecknad;	/* agreement signed, "" if none */
	char		*upphor;	/* agreement ends, "" if open */
	uint8_t		 sus_forvaltning;
};

struct msg_org_list {
	uint32_t	 total;
	uint32_t	 nrows;
	struct org_row	*rows;
};

struct msg_agreement_save {
	uint32_t	 organisation_id;
	char		*undertecknad;	/* YYYY-MM-DD */
	char		*upphor;	/* YYYY-MM-DD or "" */
};

struct msg_bestallare_save {
	uint32_t	 user_id;	/* the organisation is the employer */
	char		*giltig_from;
	char		*giltig_tom;	/* at most two years on */
};

struct msg_order_submit {
	uint8_t		 typ;		/* ORDER_NEW, _CHANGE, _REMOVE */
	uint32_t	 user_id;	/* 0 for ORDER_NEW */
	char		*username;	/* ORDER_NEW only */
	char		*fornamn;
	char		*efternamn;
	char		*epost;
	uint32_t	 roles;		/* requested roles; none to remove */
};

struct msg_order_search {
	uint8_t		 status;	/* ORDER_SUBMITTED ..., 0 = any */
	uint32_t	 offset;
	uint32_t	 limit;
};

struct order_row {
	uint32_t	 id;
	uint8_t		 typ;
	uint8_t		 status;
	char		*skapad;	/* YYYY-MM-DD HH:MM */
	char		*bestallare;	/* name of the orderer */
	char		*organisation;	/* the orderer's organisation */
	uint32_t	 user_id;	/* 0 until a new user exists */
	char		*fornamn;
	char		*efternamn;
	uint32_t	 roles;
	char		*beslutad;	/* "" while submitted */
	char		*beslutad_av;
	char		*kommentar;
};

struct msg_order_list {
	uint32_t	 total;
	uint32_t	 nrows;
	struct order_row *rows;
};

struct msg_order_decide {
	uint32_t	 order_id;
	uint8_t		 approve;
	char		*kommentar;
};

struct msg_uppdrag_search {
	uint32_t	 user_id;	/* 0 = any */
	uint32_t	 samorg_id;	/* 0 = any; includes its insatser */
	uint32_t	 insats_id;	/* 0 = any */
	uint32_t	 offset;
	uint32_t	 limit;
};

struct uppdrag_row {
	uint32_t	 id;
	uint32_t	 user_id;
	char		*fornamn;
	char		*efternamn;
	char		*epost;
	char		*arbetsgivare;
	uint32_t	 roll;		/* one ROLE_* bit */
	uint32_t	 samorg_id;
	char		*samorg;
	uint32_t	 insats_id;	/* 0 for samverkansorganisation uppdrag */
	char		*insats;
	char		*giltig_from;
	char		*giltig_tom;	/* "" while open */
};

struct msg_uppdrag_list {
	uint32_t	 total;
	uint32_t	 nrows;
	struct uppdrag_row *rows;
};

struct uppdrag_add {
	uint32_t	 user_id;
	uint32_t	 roll;		/* one ROLE_* bit */
	char		*giltig_from;	/* "" = today */
	char		*giltig_tom;	/* "" = open */
};

struct uppdrag_remove {
	uint32_t	 id;		/* an uppdrag id */
};

/*
 * One Spara of the uppdrag panels: everything added and removed in the
 * picker, applied in one transaction or not at all. target_id is the
 * samverkansorganisation (..._SAMORG) or the insats (..._INSATS).
 */
struct msg_uppdrag_save {
	uint32_t	 target_id;
	uint32_t	 nadds;
	struct uppdrag_add *adds;
	uint32_t	 nremoves;
	struct uppdrag_remove *removes;
};

/* Reports whether type has a layout (i.e. is a known message type). */
int		 msg_known(uint16_t type);
/* The struct size for a type, 0 if unknown. */
size_t		 msg_size(uint16_t type);
/* The type's name for logs, "unknown" if none. */
const char	*msg_name(uint16_t type);
/* Appends the encoding of m (a struct of type's layout) to out. */
int		 msg_encode(uint16_t type, const void *m, struct buf *out);
/*
 * Decodes all of in into m (zeroed first). On failure m is left empty
 * and nothing leaks.
 */
int		 msg_decode(uint16_t type, struct buf *in, void *m);
/* Frees what a decoded (or hand-filled) m owns and zeroes it. */
void		 msg_clear(uint16_t type, void *m);

#endif
