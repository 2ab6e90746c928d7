/*
 * The sus wire protocol: versions, message types, flags, error codes and
 * limits. The design is in man/sus-protocol.7.
 *
 * Versioning rule: bump SUS_PROTO_MAJOR when framing or the handshake
 * change; bump SUS_PROTO_MINOR when adding message types or fields. Never
 * renumber or reuse a message type: retired numbers stay retired.
 */
#ifndef SUS_PROTO_H
#define SUS_PROTO_H

#include <stdint.h>

#define SUS_PROTO_MAGIC		"SUS1"
#define SUS_PROTO_MAJOR		1
#define SUS_PROTO_MINOR		7
#define SUS_PREAMBLE_LEN	8
#define SUS_NOISE_PROLOGUE	"sus-noise-v1"
#define SUS_DEFAULT_PORT	4646

/* Limits, each with the reason for its value. */

/* A transport frame carries a u16 length, so no frame can exceed this. */
#define SUS_FRAME_MAX		65535
/* The AEAD tag alone is 16 bytes: a shorter frame cannot be genuine. */
#define SUS_FRAME_MIN		16
/* Handshake messages are small (keys plus a hello); 1 KiB bounds them. */
#define SUS_HS_MSG_MAX		1024
/* Message 1 is exactly one ephemeral key with an empty payload. */
#define SUS_HS_MSG1_LEN		32
/* Record header: u16 type, u16 flags, u32 request id. */
#define SUS_RECORD_HDR		8
/* Largest plaintext in one frame: frame minus tag. */
#define SUS_RECORD_MAX		(SUS_FRAME_MAX - 16)
/* Reassembled messages: big enough for a page of rows or a batch chunk. */
#define SUS_MSG_MAX		(1024 * 1024)
/* Before login only tiny messages make sense; keep the attack surface small. */
#define SUS_MSG_MAX_PRELOGIN	4096
/* The whole handshake must finish in this time (milliseconds). */
#define SUS_HS_TIMEOUT_MS	10000
/* A login must arrive within this time after the handshake (milliseconds). */
#define SUS_LOGIN_TIMEOUT_MS	60000
/* Bad passwords on one connection before it is closed. */
#define SUS_LOGIN_ATTEMPTS	3
/* Longest username and password accepted, in bytes. */
#define SUS_USERNAME_MAX	64
#define SUS_PASSWORD_MAX	256
/* Longest search text, in bytes: a name is 50 characters, so twice that. */
#define SUS_PATTERN_MAX		100
/* Longest person or organisation name part in a reply, in bytes. */
#define SUS_NAME_MAX		200
/* Longest message text (ERR, OK) in bytes. */
#define SUS_MESSAGE_MAX		1024
/* Longest free-text string field in any message, in bytes. */
#define SUS_STRING_MAX		8192
/* Most rows one list reply carries; clients page with offset. */
#define SUS_LIST_MAX		500
/*
 * Most rows one bulk batch carries: a batch is one transaction, and a
 * thousand participants (about 200 KiB) keep it well inside SUS_MSG_MAX
 * and short enough that a retry after a lost connection is cheap.
 */
#define SUS_BATCH_MAX		1000
/* An idempotency key: 32 bytes as 64 lowercase hex digits. */
#define SUS_BATCH_KEY_LEN	64

/* Record flags. */
#define SUS_FLAG_MORE		0x0001	/* the body continues in the next record */

/*
 * Message types, grouped by hundreds like tmux-protocol.h.
 *   1xx session, 2xx samverkansorganisation, 3xx insats, 4xx deltagande,
 *   5xx bulk batches, 6xx reports, 7xx administration, 8xx Af/FK.
 */
enum msg_type {
	/* Session. */
	MSG_LOGIN = 100,	/* C→S username, password */
	MSG_LOGIN_OK = 101,	/* S→C who you are and your roles */
	MSG_PING = 102,		/* C→S nonce */
	MSG_PONG = 103,		/* S→C echoes the nonce */
	MSG_BYE = 104,		/* either way: orderly end */
	MSG_ERR = 105,		/* S→C code, message (Swedish) */
	MSG_OK = 106,		/* S→C generic success */
	MSG_PASSWORD_CHANGE = 107, /* C→S old and new password */

	/* Samverkansorganisation. */
	MSG_SAMORG_SEARCH = 200, /* C→S name pattern with '*', filters, paging */
	MSG_SAMORG_LIST = 201,	 /* S→C one page of organisations */
	MSG_SAMORG_GET = 202,	 /* C→S one organisation by id */
	MSG_SAMORG = 203,	 /* S→C the whole organisation */
	MSG_SAMORG_SAVE = 204,	 /* C→S a changed MSG_SAMORG */
	MSG_SAMORG_ORDER_SUBMIT = 205, /* C→S a 9447 order */
	MSG_SAMORG_ORDER_SEARCH = 206, /* C→S 9447 orders by status */
	MSG_SAMORG_ORDER_LIST = 207, /* S→C one page of 9447 orders */
	MSG_SAMORG_ORDER_DECIDE = 208, /* C→S approve (creates) or reject */
	MSG_KOMMUN_SEARCH = 209, /* C→S kommuner by län and name */
	MSG_KOMMUN_LIST = 210,	 /* S→C kommuner and their stadsdelar */
	MSG_BUDGET_GET = 211,	 /* C→S one organisation's year */
	MSG_BUDGET = 212,	 /* S→C the year's lines and insats sums */
	MSG_BUDGET_SAVE = 213,	 /* C→S the year's lines, all of them */
	MSG_FRAGA_SEARCH = 214,	 /* C→S an organisation's questions */
	MSG_FRAGA_LIST = 215,	 /* S→C the questions in order */
	MSG_FRAGA_SAVE = 216,	 /* C→S one question, new or changed */
	MSG_FRAGA_DELETE = 217,	 /* C→S delete an unanswered question */
	MSG_FRAGA_ORDER = 218,	 /* C→S the new presentation order */

	/* Insats. */
	MSG_INSATS_SEARCH = 300, /* C→S samverkansorg, name pattern, paging */
	MSG_INSATS_LIST = 301,	 /* S→C one page of insatser */
	MSG_INSATS_GET = 302,	 /* C→S one insats by id */
	MSG_INSATS = 303,	 /* S→C the whole insats, no personal data */
	MSG_INSATS_SAVE = 304,	 /* C→S a new or changed MSG_INSATS */
	MSG_INSATS_BUDGET_GET = 305, /* C→S one insats's year */
	MSG_INSATS_BUDGET = 306, /* S→C planned participants and lines */
	MSG_INSATS_BUDGET_SAVE = 307, /* C→S the year, all of it */
	MSG_VOLYM_GET = 308,	 /* C→S a volyminsats's counts for a year */
	MSG_VOLYM = 309,	 /* S→C the counts and their history */
	MSG_VOLYM_SAVE = 310,	 /* C→S one month's counts, new or corrected */
	MSG_START_GET = 311,	 /* C→S the Startsida of the caller */
	MSG_START = 312,	 /* S→C the caller's organisations and insatser */

	/* Deltagande: every request here is the deltagaransvarig's. */
	MSG_DELTAGARE_SEARCH = 400, /* C→S an insats's participants */
	MSG_DELTAGARE_LIST = 401, /* S→C one page, personnummer masked */
	MSG_DELTAGARE_GET = 402, /* C→S one participation */
	MSG_DELTAGARE = 403,	 /* S→C the participation and its occasions */
	MSG_PERSON_LOOKUP = 404, /* C→S "Hämta": a personnummer */
	MSG_PERSON = 405,	 /* S→C register data, earlier participations */
	MSG_DELTAGARE_SAVE = 406, /* C→S one in- or utregistrering */
	MSG_SAMTYCKE_ATERKALLA = 407, /* C→S consent withdrawn: end, strip */
	MSG_DELTAGARE_FRAGOR = 408, /* C→S questions for a date and occasion */
	MSG_ANONYM_GET = 409,	 /* C→S anonymous participants of a year */
	MSG_ANONYM = 410,	 /* S→C the year's counts and batches */
	MSG_ANONYM_SAVE = 411,	 /* C→S women and men to add for a year */

	/*
	 * Bulk batches: rows of one insats under an idempotency key, each
	 * checked by the rules of the single request, stored in one
	 * transaction; a key seen before is answered from the stored outcome.
	 */
	MSG_BATCH_DELTAGARE = 500, /* C→S in- or utregistreringar */
	MSG_BATCH_RESULT = 501,	 /* S→C every row's outcome */
	MSG_BATCH_ANONYM = 502,	 /* C→S anonymous participants by year */
	MSG_BATCH_VOLYM = 503,	 /* C→S a volyminsats's monthly counts */

	/*
	 * Reports (issue 9): the server describes every report, its
	 * rapporttyper and its choices, so the client has one urvalsbild
	 * and one result screen for all of them. No personal data.
	 */
	MSG_RAPPORT_DEFS_GET = 600, /* C→S the reports and the caller's choices */
	MSG_RAPPORT_DEFS = 601,	 /* S→C reports, rapporttyper, parameters */
	MSG_RAPPORT_RUN = 602,	 /* C→S one report with its choices */
	MSG_RAPPORT = 603,	 /* S→C the table: columns, rows, footnotes */

	/* Administration: users, the ordering chain, uppdrag. */
	MSG_USER_SEARCH = 700,	 /* C→S name, employer, role filters */
	MSG_USER_LIST = 701,	 /* S→C one page of users */
	MSG_ROLE_SET = 702,	 /* C→S a user's whole role set */
	MSG_USER_ACTIVE = 703,	 /* C→S activate or deactivate a user */
	MSG_ORG_SEARCH = 704,	 /* C→S organisations by name */
	MSG_ORG_LIST = 705,	 /* S→C one page of organisations */
	MSG_AGREEMENT_SAVE = 706, /* C→S an organisation's överenskommelse */
	MSG_BESTALLARE_SAVE = 707, /* C→S register a beställare (9463) */
	MSG_ORDER_SUBMIT = 710,	 /* C→S a beställare's order (9445) */
	MSG_ORDER_SEARCH = 711,	 /* C→S orders by status */
	MSG_ORDER_LIST = 712,	 /* S→C one page of orders */
	MSG_ORDER_DECIDE = 713,	 /* C→S approve or reject an order */
	MSG_UPPDRAG_SEARCH = 720, /* C→S uppdrag by user, samorg or insats */
	MSG_UPPDRAG_LIST = 721,	 /* S→C one page of uppdrag */
	MSG_UPPDRAG_SAVE_SAMORG = 722, /* C→S adds and removals, one samorg */
	MSG_UPPDRAG_SAVE_INSATS = 723, /* C→S adds and removals, one insats */
	MSG_KOD_SEARCH = 730,	 /* C→S code lists, one or all */
	MSG_KOD_LIST = 731,	 /* S→C the lists and their codes */
	MSG_KOD_SAVE = 732,	 /* C→S one code, new or changed */
	MSG_ORG_SAVE = 733,	 /* C→S one organisation of the register */

	/*
	 * Af/FK-samarbetet. Every office stands for an insats; a request
	 * names the caller's office by that insats (kontor_insats_id), and
	 * the request table authorises against it as against any insats.
	 */
	MSG_AFFK_STYRDATA_GET = 800, /* C→S offices, insatstyper, questions */
	MSG_AFFK_STYRDATA = 801, /* S→C all of it, the caller's offices marked */
	MSG_AFFK_KONTOR_SAVE = 802, /* C→S one office, new or changed */
	MSG_AFFK_MEDVERKAN_SAVE = 803, /* C→S Registrera medverkan */
	MSG_AFFK_SAVED = 804,	 /* S→C the ärende and the period written */
	MSG_AFFK_OVERGANG_SAVE = 805, /* C→S an övergång to an insatstyp */
	MSG_AFFK_UPPGIFTER_SAVE = 806, /* C→S a period's answers, all of them */
	MSG_AFFK_HISTORIK_GET = 807, /* C→S a person's ärenden on the office */
	MSG_AFFK_HISTORIK = 808, /* S→C ärenden, periods, answers, office changes */
	MSG_AFFK_SOK = 809,	 /* C→S Visa deltagare: criteria, paging */
	MSG_AFFK_SOK_LIST = 810, /* S→C one page, personnummer masked */
	MSG_AFFK_BYT_KONTOR = 811, /* C→S new Af and FK office from a date */
};

/* Error codes carried by MSG_ERR. */
enum sus_errcode {
	ERR_UNSUPPORTED = 1,	/* unknown message type */
	ERR_BAD_REQUEST = 2,	/* body did not decode or a value is invalid */
	ERR_LOGIN_FAILED = 3,	/* wrong username or password */
	ERR_LOCKED = 4,		/* account locked after repeated failures */
	ERR_FORBIDDEN = 5,	/* role or scope does not allow this */
	ERR_NOT_FOUND = 6,
	ERR_CONFLICT = 7,	/* unique or state conflict */
	ERR_VALIDATION = 8,	/* a business rule failed; message says which */
	ERR_INTERNAL = 9,	/* server fault; details only in the server log */
	ERR_NO_AUTH = 10,	/* "Du saknar behörighet till SUS" */
	ERR_UNAVAILABLE = 11,	/* database unavailable */
	ERR_PASSWORD_CHANGE = 12, /* a new password must be chosen first */
	ERR_ENDED = 13,		/* the session was ended by the server */
};

/* LOGIN_OK flags. */
#define LOGIN_F_MUST_CHANGE	0x0001	/* first login: choose a password */

/* Order kinds and states (blankett 9445). */
#define ORDER_NEW		1	/* a new user */
#define ORDER_CHANGE		2	/* new roles for an existing user */
#define ORDER_REMOVE		3	/* removal of a user's authorisation */
#define ORDER_SUBMITTED		1
#define ORDER_APPROVED		2
#define ORDER_REJECTED		3

/* MSG_SAMORG_SEARCH status filter. */
#define SAMORG_ALL		0
#define SAMORG_ACTIVE		1	/* no slutdatum, or one in the future */
#define SAMORG_ENDED		2

/* MSG_SAMORG rights: what the caller may change. */
#define SAMORG_R_EDIT		0x01	/* beskrivning, slutdatum, panels */
#define SAMORG_R_BASE		0x02	/* namn, samverkansform, startdatum */

/* Kompletterande frågor: the occasion asked at and the answer type. */
#define FRAGA_IN		1	/* inregistrering */
#define FRAGA_UT		2	/* utregistrering */
#define FRAGA_BADA		3	/* both */
#define SVAR_JANEJ		1
#define SVAR_ENVAL		2	/* one option */
#define SVAR_FLERVAL		3	/* several options */
#define SVAR_HELTAL		4	/* an integer */

/* MSG_INSATS_SEARCH flags. */
#define INSATS_S_EGNA		0x01	/* where the caller may edit */
#define INSATS_S_VOLYM		0x02	/* volyminsatser only */
#define INSATS_S_PERSON		0x04	/* insatser that register persons */

/* MSG_INSATS rights: what the caller may do with the insats. */
#define INSATS_R_EDIT		0x01	/* base, budget, deltagaransvariga */
#define INSATS_R_VOLYM		0x02	/* register volume counts */

/* MSG_START actions: what a row of the Startsida offers. */
#define START_A_SAMORG		0x0001	/* Hantera samverkansorg */
#define START_A_SAMORG_BUDGET	0x0002	/* its Budget tab */
#define START_A_FRAGOR		0x0004	/* Hantera frågor */
#define START_A_UPPDRAG		0x0008	/* Hantera uppdrag */
#define START_A_NY_INSATS	0x0010	/* Registrera ny insats here */
#define START_A_INSATS		0x0020	/* Registrera insats (edit) */
#define START_A_INSATS_BUDGET	0x0040	/* its Budget tab */
#define START_A_DELTAGARANSV	0x0080	/* Deltagaransvariga för insatsen */
#define START_A_VOLYM		0x0100	/* Registrera antal i volyminsats */
#define START_A_DELTAGARE	0x0200	/* Registrera deltagare */
#define START_A_VISA		0x0400	/* the read-only view */
#define START_A_ANONYM		0x0800	/* Registrera anonyma deltagare */
#define START_A_AFFK		0x1000	/* Af/FK: medverkan, historik, ... */

/* MSG_DELTAGARE_SEARCH status filter. */
#define DELTAGARE_S_ALLA	0
#define DELTAGARE_S_PAGAENDE	1	/* not registered out */
#define DELTAGARE_S_AVSLUTADE	2	/* registered out */

/* MSG_BATCH_* flags. */
#define BATCH_F_DRY_RUN		0x01	/* check every row, store nothing */

/* MSG_BATCH_RESULT: a row's outcome. */
#define BATCH_OK		0	/* stored */
#define BATCH_FEL		1	/* refused: kod, falt and meddelande say why */
#define BATCH_FINNS		2	/* already stored: same person, same start */

/*
 * MSG_BATCH_RESULT: the cell a refusal names, so that a grid can put the
 * cursor on it and an import report can name the column.
 */
enum batch_falt {
	BATCH_FALT_INGET = 0,	/* the row as a whole */
	BATCH_FALT_PNR = 1,	/* personnummer */
	BATCH_FALT_NAMN = 2,
	BATCH_FALT_KOMMUN = 3,	/* folkbokföringskommun */
	BATCH_FALT_STADSDEL = 4,
	BATCH_FALT_SAMTYCKE = 5,
	BATCH_FALT_SAMTYCKE_DATUM = 6,
	BATCH_FALT_DATUM = 7,	/* startdatum, or slutdatum when ut */
	BATCH_FALT_FORSORJNING = 8,
	BATCH_FALT_SYSSELSATTNING = 9,
	BATCH_FALT_OMFATTNING = 10,
	BATCH_FALT_UTBILDNING = 11,
	BATCH_FALT_TID = 12,	/* tid i offentlig försörjning */
	BATCH_FALT_AVSLUT = 13,	/* avslutsanledning */
	BATCH_FALT_FRAGA = 14,	/* a question: fraga_id says which */
	BATCH_FALT_AR = 15,	/* anonym: the year */
	BATCH_FALT_PERIOD = 16,	/* volym: the month */
	BATCH_FALT_ANTAL = 17,	/* anonym, volym: a count */
	BATCH_FALT_KOMMENTAR = 18
};

/* Af/FK: the two authorities, and an insatstyp either registers. */
#define AFFK_AF			1	/* Arbetsförmedlingen */
#define AFFK_FK			2	/* Försäkringskassan */
#define AFFK_BADA		3

/* Af/FK: the kind of an insatstyp (domain.md 3.14). */
#define AFFK_AKTIVITET		1
#define AFFK_VANTAN		2
#define AFFK_AVSLUT		3

/* Af/FK: an ärende's status, and the MSG_AFFK_SOK filter (0 = all). */
#define AFFK_S_ALLA		0
#define AFFK_S_AKTUELL		1	/* in an aktivitet */
#define AFFK_S_VANTAN		2	/* waiting */
#define AFFK_S_AVSLUTAD		3	/* ended */
#define AFFK_S_PAGAENDE		4	/* filter only: aktuell or väntan */

/* Af/FK: the state of a period's answers. */
#define AFFK_U_INGA		0	/* the step asks nothing */
#define AFFK_U_SAKNAS		1	/* some asked are missing: Skapa */
#define AFFK_U_FINNS		2	/* answered: Välj to view, correct */

/* Reports: the kind of a parameter (what the urvalsbild shows). */
#define RAPPORT_P_DATUM		1	/* a day, YYYY-MM-DD */
#define RAPPORT_P_AR		2	/* a year */
#define RAPPORT_P_VAL		3	/* one of the options sent with it */
#define RAPPORT_P_KOD		4	/* a code of list (kod.c), "" = all */
#define RAPPORT_P_SAMORG	5	/* a samverkansorganisation id */
#define RAPPORT_P_INSATS	6	/* an insats id */
#define RAPPORT_P_LAN		7	/* a länskod */
#define RAPPORT_P_KOMMUN	8	/* a kommunkod */
#define RAPPORT_P_AF_KONTOR	9	/* an Af/FK office id (Af) */
#define RAPPORT_P_FK_KONTOR	10	/* an Af/FK office id (FK) */

/* Reports: the kind of a column, for alignment, charts and CSV. */
#define RAPPORT_K_TEXT		1	/* the row's name; no cells */
#define RAPPORT_K_ANTAL		2	/* persons: suppressed when small */
#define RAPPORT_K_TAL		3	/* other counts (insatser, months) */
#define RAPPORT_K_BELOPP	4	/* kronor */
#define RAPPORT_K_PROCENT	5	/* per cent, scaled by 10^skala */

/* Reports: a cell. */
#define RAPPORT_C_VARDE		0	/* varde holds the figure */
#define RAPPORT_C_DOLD		1	/* suppressed: too few to show */
#define RAPPORT_C_TOM		2	/* nothing to show (no base for a %) */

/* Roles, as a bit set in MSG_LOGIN_OK. */
#define ROLE_SUPERADMIN		0x01	/* Superadministratör */
#define ROLE_SAMVERKANSADMIN	0x02	/* Samverkansadministratör */
#define ROLE_INSATSANSVARIG	0x04	/* Insatsansvarig */
#define ROLE_DELTAGARANSVARIG	0x08	/* Deltagaransvarig */
#define ROLE_SUSRAPPORT		0x10	/* SUSrapport */
#define ROLE_ANY		0x1f
/*
 * Not a role (domain.md 4.1) but a capability the session carries while
 * the user is registered as a beställare: it opens the order screens.
 */
#define ROLE_BESTALLARE		0x20
/*
 * Likewise not a role: a deltagaransvarig with an uppdrag on an Af/FK
 * office (an insats of the two Af/FK organisations). It opens the Af/FK
 * menu; the requests themselves are authorised by the uppdrag.
 */
#define ROLE_AFFK		0x40

#endif
