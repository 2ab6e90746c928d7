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
	uint32_t	 samverkansform_id; /* 0 = any */
	char		*lanskod;	/* serves a kommun in this län; "" any */
	char		*kommunkod;	/* serves this kommun; "" = any */
	uint8_t		 status;	/* SAMORG_ALL, _ACTIVE, _ENDED */
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

struct msg_samorg_get {
	uint32_t	 id;
};

/* One row of the Kommun, stadsdel panel: a whole kommun or a stadsdel. */
struct samorg_kommun {
	char		*kommunkod;
	char		*kommun;	/* filled in by the server */
	uint32_t	 stadsdel_id;	/* 0 = the whole kommun */
	char		*stadsdel;	/* "" for the whole kommun */
	char		*lan;
};

/* One ingående organisation with its three flags. */
struct samorg_org {
	uint32_t	 organisation_id;
	char		*namn;		/* filled in by the server */
	char		*organisationstyp;
	uint8_t		 medlem;
	uint8_t		 finansiar;
	uint8_t		 konsument;
};

/*
 * A whole samverkansorganisation (domain.md 2.1): the reply to
 * MSG_SAMORG_GET and, changed, the body of MSG_SAMORG_SAVE. A save
 * replaces the panels with the lists sent; names the server fills in are
 * ignored. andrad is the version read: a save over someone else's newer
 * change is refused. rights says what the caller may change.
 */
struct msg_samorg {
	uint32_t	 id;
	char		*namn;
	char		*organisationsnummer;
	uint32_t	 samverkansform_id;
	char		*samverkansform;
	char		*startdatum;
	char		*slutdatum;	/* "" while active */
	char		*beskrivning;
	char		*utdelningsadress;
	char		*postnummer;
	char		*postort;
	char		*telefon;
	char		*epost;
	char		*webbplats;
	char		*kontakt_namn;
	char		*kontakt_telefon;
	char		*kontakt_epost;
	char		*andrad;	/* opaque version of the row */
	uint8_t		 rights;	/* SAMORG_R_* of the caller */
	uint32_t	 nkommuner;
	struct samorg_kommun *kommuner;
	uint32_t	 norganisationer;
	struct samorg_org *organisationer;
};

/* The 9447 order (seed 003): whoever is responsible for the förbund. */
struct msg_samorg_order_submit {
	char		*namn;		/* at most 50 characters */
	char		*organisationsnummer; /* NNNNNN-NNNN */
	uint32_t	 samverkansform_id;
	char		*startdatum;
	uint32_t	 admin_id;	/* the first samverkansadministratör */
	char		*kontakt_namn;	/* the orderer's contact details */
	char		*kontakt_telefon;
	char		*kontakt_epost;
};

struct msg_samorg_order_search {
	uint8_t		 status;	/* ORDER_SUBMITTED ..., 0 = any */
	uint32_t	 offset;
	uint32_t	 limit;
};

struct samorg_order_row {
	uint32_t	 id;
	uint8_t		 status;	/* ORDER_SUBMITTED ... */
	char		*skapad;	/* YYYY-MM-DD HH:MM */
	char		*skapad_av;	/* the orderer's name */
	char		*namn;
	char		*organisationsnummer;
	uint32_t	 samverkansform_id;
	char		*samverkansform;
	char		*startdatum;
	uint32_t	 admin_id;
	char		*admin;		/* name, employer */
	char		*kontakt_namn;
	char		*kontakt_telefon;
	char		*kontakt_epost;
	char		*beslutad;	/* "" while submitted */
	char		*beslutad_av;
	char		*kommentar;
	uint32_t	 samorg_id;	/* created on approval, else 0 */
};

struct msg_samorg_order_list {
	uint32_t	 total;
	uint32_t	 nrows;
	struct samorg_order_row *rows;
};

struct msg_samorg_order_decide {
	uint32_t	 order_id;
	uint8_t		 approve;
	char		*kommentar;
};

/* Välj kommun, stadsdel: län chosen, kommun name with '*'. */
struct msg_kommun_search {
	char		*lanskod;	/* "" = every län */
	char		*pattern;
	uint32_t	 offset;
	uint32_t	 limit;
};

/* A kommun (stadsdel_id 0), then each of its stadsdelar in force. */
struct kommun_row {
	char		*kommunkod;
	char		*kommun;
	char		*lanskod;
	char		*lan;
	uint32_t	 stadsdel_id;
	char		*stadsdel;
};

struct msg_kommun_list {
	uint32_t	 total;
	uint32_t	 nrows;
	struct kommun_row *rows;
};

/* Budget (domain.md 2.2): whole kronor; utfall only when has_utfall. */
struct budget_fin {
	uint32_t	 id;		/* 0 = a new line */
	uint32_t	 organisation_id; /* 0 only for eget kapital */
	char		*organisation;
	uint8_t		 eget_kapital;	/* surplus carried over (rule 8) */
	uint64_t	 belopp;
	uint8_t		 has_utfall;
	uint64_t	 utfall;
	char		*beskrivning;
};

struct budget_adm {
	uint32_t	 id;		/* 0 = a new line */
	uint32_t	 kostnadstyp_id; /* a code of list kostnadstyp */
	char		*kostnadstyp;
	uint64_t	 budget;
	uint8_t		 has_utfall;
	uint64_t	 utfall;
	char		*beskrivning;
};

/* One insats's budget and utfall for the year, read-only here. */
struct budget_insats {
	uint32_t	 insats_id;
	char		*namn;
	uint64_t	 budget;
	uint64_t	 utfall;
};

struct budget_year {
	uint32_t	 ar;
};

struct msg_budget_get {
	uint32_t	 samorg_id;
	uint32_t	 ar;
};

/*
 * One organisation's year: the reply to MSG_BUDGET_GET and, with the
 * lines changed, the body of MSG_BUDGET_SAVE, which makes the year's
 * lines exactly those sent (id 0 adds, a missing id deletes). The
 * rest is read-only context the server fills in.
 */
struct msg_budget {
	uint32_t	 samorg_id;
	uint32_t	 ar;
	char		*samorg;	/* name, form and dates for the header */
	char		*samverkansform;
	char		*startdatum;
	char		*slutdatum;
	uint32_t	 forsta_ar;	/* years that may have a budget */
	uint32_t	 sista_ar;	/* 0 = open */
	uint8_t		 finsam;	/* administrativa kostnader allowed */
	uint32_t	 nar;
	struct budget_year *ar_med_data; /* years that have lines */
	uint32_t	 nfin;
	struct budget_fin *fin;
	uint32_t	 nadm;
	struct budget_adm *adm;
	uint32_t	 ninsatser;
	struct budget_insats *insatser;
	uint64_t	 insats_budget;	/* Budgeterat i insatserna */
	uint64_t	 insats_utfall;
};

/* Kompletterande frågor (domain.md 2.3). */
struct fraga_alt {
	uint32_t	 id;		/* 0 = a new option */
	char		*text;
};

/*
 * One question: a row of MSG_FRAGA_LIST and the body of MSG_FRAGA_SAVE
 * (id 0 = new; the options sent replace the old ones, kept by id).
 */
struct msg_fraga {
	uint32_t	 id;
	uint32_t	 samorg_id;
	char		*namn;		/* the question, at most 200 characters */
	char		*giltig_from;
	char		*giltig_tom;	/* "" = open */
	uint8_t		 mattillfalle;	/* FRAGA_IN, _UT, _BADA */
	uint8_t		 svarstyp;	/* SVAR_* */
	uint8_t		 obligatorisk;
	uint32_t	 ordning;	/* set by the server */
	uint32_t	 antal_svar;	/* answers given; > 0 locks deletion */
	uint32_t	 nalternativ;
	struct fraga_alt *alternativ;
};

struct msg_fraga_search {
	uint32_t	 samorg_id;
	char		*datum;		/* valid on this day; "" = all */
	uint8_t		 mattillfalle;	/* asked at this occasion; 0 = all */
};

struct msg_fraga_list {
	uint32_t	 nrows;
	struct msg_fraga *rows;
};

struct msg_fraga_delete {
	uint32_t	 samorg_id;
	uint32_t	 fraga_id;
};

struct fraga_ref {
	uint32_t	 id;
};

/* Every question of the organisation, in the new order. */
struct msg_fraga_order {
	uint32_t	 samorg_id;
	uint32_t	 nids;
	struct fraga_ref *ids;
};

/* Sök insatser (domain.md 5.2): open to every role. */
struct msg_insats_search {
	uint32_t	 samorg_id;	/* 0 = every samverkansorganisation */
	char		*pattern;	/* name, '*' as wildcard */
	uint32_t	 inriktning_id;	/* 0 = any */
	uint32_t	 malgrupp_id;	/* 0 = any */
	char		*aktiv_from;	/* active some day in from..tom; */
	char		*aktiv_tom;	/* "" leaves that end open */
	uint8_t		 flags;		/* INSATS_S_* */
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
	char		*inriktning;	/* "" until categorised */
	char		*matningsmetod;	/* "" until categorised */
	uint8_t		 volym;		/* mätningsmetod Endast antal */
	uint8_t		 kategoriserad;	/* ready for participants */
};

struct msg_insats_list {
	uint32_t	 total;
	uint32_t	 nrows;
	struct insats_row *rows;
};

struct msg_insats_get {
	uint32_t	 id;
};

struct insats_malgrupp {
	uint32_t	 id;		/* a code of list malgrupp */
	char		*namn;		/* filled in by the server */
};

/* One budget year of the insats, for the read-only view. */
struct insats_ar_sum {
	uint32_t	 ar;
	uint8_t		 has_planerat;
	uint32_t	 planerat;
	uint64_t	 budget;
	uint64_t	 utfall;
};

/*
 * A whole insats (domain.md 2.4): the reply to MSG_INSATS_GET and, with
 * id 0 for a new one, the body of MSG_INSATS_SAVE. Names and the
 * organisation's context are filled in by the server and ignored on
 * save. On save the målgrupper sent become the insats's, and the
 * deltagaransvariga are changed by da_adds and da_removes in the same
 * transaction (rule 15); deltagaransvariga lists those in force.
 * andrad is the version read: a save over a newer change is refused.
 */
struct msg_insats {
	uint32_t	 id;
	uint32_t	 samorg_id;
	char		*samorg;
	char		*samverkansform;
	char		*samorg_start;
	char		*samorg_slut;	/* "" while active */
	char		*namn;
	char		*beskrivning;
	char		*startdatum;
	char		*slutdatum;	/* "" while open */
	uint32_t	 inriktning_id;	/* 0 until categorised */
	char		*inriktning;
	uint32_t	 preciserad_id;
	char		*preciserad;
	uint32_t	 matningsmetod_id;
	char		*matningsmetod;
	uint32_t	 nmalgrupper;
	struct insats_malgrupp *malgrupper;
	char		*andrad;	/* opaque version, "" for a new one */
	uint8_t		 rights;	/* INSATS_R_* of the caller */
	uint8_t		 locked;	/* participants: categorisation locked */
	uint32_t	 antal_deltagande; /* registrations of all kinds */
	uint32_t	 nar;
	struct insats_ar_sum *ar;	/* budget per year, for the view */
	uint32_t	 nda;
	struct uppdrag_row *deltagaransvariga;
	uint32_t	 nda_adds;
	struct uppdrag_add *da_adds;	/* roll ROLE_DELTAGARANSVARIG */
	uint32_t	 nda_removes;
	struct uppdrag_remove *da_removes;
};

struct msg_insats_budget_get {
	uint32_t	 insats_id;
	uint32_t	 ar;		/* 0 = this year, or the nearest */
};

/* One budget line of an insats (domain.md 2.5). */
struct insats_budgetrad {
	uint32_t	 id;		/* 0 = a new line */
	uint32_t	 budgettyp_id;	/* a code of list budgettyp */
	char		*budgettyp;
	uint32_t	 organisation_id; /* 0 = none; always 0 in FINSAM */
	char		*organisation;
	uint64_t	 budget;	/* whole kronor */
	uint8_t		 has_utfall;
	uint64_t	 utfall;
	char		*beskrivning;	/* at most 100 characters */
};

/*
 * One insats's year: the reply to MSG_INSATS_BUDGET_GET and, changed,
 * the body of MSG_INSATS_BUDGET_SAVE, which makes the year's planned
 * number and lines exactly those sent (id 0 adds, a missing id
 * deletes). The rest is read-only context.
 */
struct msg_insats_budget {
	uint32_t	 insats_id;
	uint32_t	 ar;
	char		*insats;
	char		*samorg;
	char		*samverkansform;
	char		*startdatum;	/* the insats's */
	char		*slutdatum;
	uint32_t	 forsta_ar;	/* years that may have a budget */
	uint32_t	 sista_ar;	/* 0 = open */
	uint8_t		 finsam;	/* Organisation disabled (rule 10) */
	uint32_t	 nar;
	struct budget_year *ar_med_data; /* years that have data */
	uint8_t		 has_planerat;
	uint32_t	 planerat;	/* Planerat antal deltagare */
	uint32_t	 nrader;
	struct insats_budgetrad *rader;
};

struct msg_volym_get {
	uint32_t	 insats_id;
	uint32_t	 ar;		/* 0 = this year, or the nearest */
};

/* One month's counts as registered; corrected rows stay as history. */
struct volym_rad {
	uint32_t	 id;
	char		*period;	/* YYYY-MM */
	uint32_t	 kvinnor;
	uint32_t	 man;
	uint32_t	 okant;		/* kön not known */
	char		*kommentar;
	char		*registrerad;	/* YYYY-MM-DD HH:MM */
	char		*registrerad_av; /* the user's name */
	uint8_t		 aktuell;	/* 0 = replaced by a correction */
	uint32_t	 ersatter;	/* the row this one corrected, or 0 */
};

/*
 * A volyminsats's year: the current row of each month that has counts,
 * then the replaced rows, newest first.
 */
struct msg_volym {
	uint32_t	 insats_id;
	uint32_t	 ar;
	char		*insats;
	char		*samorg;
	char		*startdatum;
	char		*slutdatum;
	uint32_t	 forsta_ar;
	uint32_t	 sista_ar;	/* 0 = open */
	uint32_t	 nrader;
	struct volym_rad *rader;
};

/*
 * One month's counts. ersatter names the current row being corrected
 * (0 when the month has none); a stale one is refused, and a
 * correction needs a kommentar saying why.
 */
struct msg_volym_save {
	uint32_t	 insats_id;
	char		*period;	/* YYYY-MM */
	uint32_t	 ersatter;
	uint32_t	 kvinnor;
	uint32_t	 man;
	uint32_t	 okant;
	char		*kommentar;
};

/* One row of the Startsida: an organisation (insats_id 0) or insats. */
struct start_rad {
	uint32_t	 samorg_id;
	char		*samorg;
	uint32_t	 insats_id;
	char		*insats;
	char		*startdatum;
	char		*slutdatum;	/* "" while open */
	uint8_t		 volym;
	uint8_t		 kategoriserad;
	uint32_t	 roller;	/* the caller's ROLE_* bits here */
	uint32_t	 actions;	/* START_A_* */
};

/* The Startsida: organisations, each followed by its insatser. */
struct msg_start {
	uint32_t	 nrader;
	struct start_rad *rader;
};

/*
 * Deltagande (domain.md 2.6). Ids of participations and persons fit in
 * u32. Personnummer travel as twelve digits; lists carry them masked.
 */
struct msg_deltagare_search {
	uint32_t	 insats_id;
	uint8_t		 status;	/* DELTAGARE_S_* */
	char		*pattern;	/* namn with '*', or a personnummer;
					   "" = all */
	uint32_t	 offset;
	uint32_t	 limit;
};

struct deltagare_row {
	uint32_t	 deltagande_id;
	uint32_t	 person_id;	/* 0 once stripped */
	char		*personnummer;	/* masked "********-NNNC"; "" stripped */
	char		*namn;		/* "" once stripped */
	char		*kon;		/* Kvinna, Man */
	uint32_t	 fodelsear;
	char		*startdatum;
	char		*slutdatum;	/* "" while taking part */
	char		*avslutsanledning; /* code name, "" while taking part */
	uint8_t		 avidentifierad;
};

struct msg_deltagare_list {
	uint32_t	 total;
	uint32_t	 nrows;
	struct deltagare_row *rows;
};

struct msg_deltagare_get {
	uint32_t	 insats_id;
	uint32_t	 deltagande_id;
};

struct kod_ref {
	uint32_t	 id;
};

/* One answer: the option chosen (one row per option for flerval). */
struct svar_row {
	uint32_t	 fraga_id;
	uint32_t	 alternativ_id;	/* enval, flerval; else 0 */
	uint8_t		 har_heltal;
	uint32_t	 heltal;	/* heltal */
	uint8_t		 ja;		/* janej: 1 ja, 0 nej */
};

/* A mättillfälle: the inregistrering or the utregistrering. */
struct tillfalle_row {
	uint8_t		 typ;		/* FRAGA_IN or FRAGA_UT */
	char		*datum;		/* startdatum or slutdatum */
	uint32_t	 nforsorjning;
	struct kod_ref	*forsorjning;	/* 1..n codes of list forsorjning */
	uint32_t	 sysselsattning_id;
	uint32_t	 omfattning;	/* per cent of 40 h/week; 0 = none */
	uint32_t	 utbildning_id;	/* FRAGA_IN only */
	uint32_t	 tid_id;	/* FRAGA_IN only */
	uint32_t	 avslut_id;	/* FRAGA_UT only */
	uint32_t	 nsvar;
	struct svar_row	*svar;
	char		*andrad;	/* version, YYYY-MM-DD HH:MM:SS.ffffff */
	char		*andrad_av;	/* name of who saved it last */
};

/* The person's own view: everything about one participation. */
struct msg_deltagare {
	uint32_t	 insats_id;
	uint32_t	 deltagande_id;
	uint32_t	 person_id;	/* 0 once stripped */
	char		*personnummer;	/* in full; "" once stripped */
	char		*namn;
	char		*kommunkod;
	char		*kommun;
	uint32_t	 stadsdel_id;
	char		*stadsdel;
	char		*kon;
	uint32_t	 fodelsear;
	char		*samtycke_datum;
	char		*registrerad;	/* YYYY-MM-DD HH:MM */
	char		*registrerad_av;
	char		*startdatum;
	char		*slutdatum;
	uint8_t		 avidentifierad;
	uint32_t	 ntillfallen;
	struct tillfalle_row *tillfallen; /* in first, then ut if any */
};

struct msg_person_lookup {
	uint32_t	 insats_id;
	char		*personnummer;	/* as typed: 10 or 12 digits, - or + */
};

/*
 * The answer to "Hämta": the number in full form, what the register
 * holds, and the person's participations in this insats (for the
 * Mättillfälle choice). A protected person is refused instead.
 */
struct msg_person {
	char		*personnummer;	/* twelve digits */
	uint8_t		 samordningsnummer;
	uint8_t		 i_register;	/* found in folkbokföringen */
	char		*namn;
	char		*kommunkod;
	char		*kommun;
	uint32_t	 stadsdel_id;
	char		*stadsdel;
	uint8_t		 stadsdel_kravs; /* Stockholm, Göteborg: choose one */
	char		*kon;
	uint32_t	 fodelsear;
	uint32_t	 ndeltaganden;
	struct deltagare_row *deltaganden; /* personnummer there is "" */
};

/*
 * One Spara of Registrera deltagare. deltagande_id 0 with FRAGA_IN is a
 * nyinregistrering: personnummer, samtycke and (for a person not in the
 * register) namn and kommun are needed. Otherwise the occasion of that
 * participation is created or corrected; tillfalle.andrad must then be
 * the version read ("" for a new utregistrering).
 */
struct msg_deltagare_save {
	uint32_t	 insats_id;
	uint32_t	 deltagande_id;
	char		*personnummer;
	char		*namn;
	char		*kommunkod;
	uint32_t	 stadsdel_id;
	uint8_t		 samtycke;	/* signed 9443 exists */
	char		*samtycke_datum; /* "" = today */
	struct tillfalle_row tillfalle;
};

struct msg_samtycke_aterkalla {
	uint32_t	 insats_id;
	uint32_t	 deltagande_id;
	char		*datum;		/* the participation ends here */
};

/* The questions of the insats's organisation valid on datum. */
struct msg_deltagare_fragor {
	uint32_t	 insats_id;
	char		*datum;
	uint8_t		 tillfalle;	/* FRAGA_IN or FRAGA_UT */
};

struct msg_anonym_get {
	uint32_t	 insats_id;
	uint32_t	 ar;		/* 0 = this year */
};

struct anonym_rad {
	uint32_t	 id;
	char		*kon;
	uint32_t	 antal;
	char		*registrerad;	/* YYYY-MM-DD HH:MM */
	char		*registrerad_av;
};

struct msg_anonym {
	uint32_t	 insats_id;
	uint32_t	 ar;
	char		*insats;
	char		*samorg;
	uint32_t	 forsta_ar;
	uint32_t	 sista_ar;
	uint32_t	 kvinnor;	/* the year's sums */
	uint32_t	 man;
	uint32_t	 nrader;
	struct anonym_rad *rader;
};

struct msg_anonym_save {
	uint32_t	 insats_id;
	uint32_t	 ar;
	uint32_t	 kvinnor;
	uint32_t	 man;
};

/*
 * Bulk batches (5xx). Every batch names one insats (the request table
 * authorises against it), carries the client's idempotency key and its
 * rows, each with the client's row number (a CSV line, a grid row) that
 * the result repeats. A batch is one transaction; a key the caller has
 * sent before is answered with the stored outcome and applies nothing.
 *
 * A participant row is one MSG_DELTAGARE_SAVE, rad.insats_id equal to
 * the batch's. An utregistrering may name the participation by
 * personnummer instead of id (deltagande_id 0, tillfalle.typ FRAGA_UT):
 * the person's ongoing participation in the insats is meant.
 */
struct batch_deltagare_rad {
	uint32_t	 radnr;
	struct msg_deltagare_save rad;
};

struct msg_batch_deltagare {
	uint32_t	 insats_id;
	char		*nyckel;	/* SUS_BATCH_KEY_LEN hex digits */
	uint8_t		 flaggor;	/* BATCH_F_* */
	uint32_t	 nrader;	/* 1..SUS_BATCH_MAX */
	struct batch_deltagare_rad *rader;
};

struct batch_anonym_rad {
	uint32_t	 radnr;
	uint32_t	 ar;
	uint32_t	 kvinnor;
	uint32_t	 man;
};

struct msg_batch_anonym {
	uint32_t	 insats_id;
	char		*nyckel;
	uint8_t		 flaggor;
	uint32_t	 nrader;
	struct batch_anonym_rad *rader;
};

/* One month of a volyminsats, as MSG_VOLYM_SAVE (ersatter 0: new). */
struct batch_volym_rad {
	uint32_t	 radnr;
	char		*period;	/* YYYY-MM */
	uint32_t	 kvinnor;
	uint32_t	 man;
	uint32_t	 okant;
	char		*kommentar;
};

struct msg_batch_volym {
	uint32_t	 insats_id;
	char		*nyckel;
	uint8_t		 flaggor;
	uint32_t	 nrader;
	struct batch_volym_rad *rader;
};

/* A row's outcome; the message never repeats a personnummer. */
struct batch_resultat_rad {
	uint32_t	 radnr;
	uint8_t		 status;	/* BATCH_OK, BATCH_FEL, BATCH_FINNS */
	uint32_t	 id;		/* deltagande, anonym or volym row id */
	uint32_t	 falt;		/* enum batch_falt */
	uint32_t	 fraga_id;	/* with BATCH_FALT_FRAGA */
	uint32_t	 kod;		/* ERR_* when BATCH_FEL */
	char		*meddelande;	/* Swedish, as the single request says */
};

struct msg_batch_result {
	char		*nyckel;
	uint8_t		 upprepad;	/* applied before: the stored outcome */
	uint8_t		 provkorning;	/* BATCH_F_DRY_RUN: nothing stored */
	char		*utford;	/* when applied, YYYY-MM-DD HH:MM:SS */
	uint32_t	 antal_ok;
	uint32_t	 antal_fel;
	uint32_t	 antal_finns;
	uint32_t	 nrader;
	struct batch_resultat_rad *rader; /* in the batch's order */
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
	char		*kommunkod;	/* "" if none */
	char		*lanskod;	/* "" if none */
	uint8_t		 aktiv;
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

/* Code lists (domain.md 3): "" = every list. */
struct msg_kod_search {
	char		*lista;
};

struct kodlista_row {
	char		*namn;		/* the key, a-z and _ */
	char		*titel;		/* Swedish */
	char		*beskrivning;
	char		*overordnad;	/* parent list, "" if none */
	uint8_t		 editable;	/* samverkansform and lan are not */
};

/* A code; also the body of MSG_KOD_SAVE (id 0 = new). */
struct kod_row {
	uint32_t	 id;
	char		*lista;
	char		*kod;		/* A-Z, 0-9 and _ */
	char		*namn;
	uint32_t	 ordning;
	uint8_t		 aktiv;
	uint8_t		 fast;		/* rules rely on it; read-only */
	uint32_t	 overordnad_id;	/* 0 if none */
};

struct msg_kod_list {
	uint32_t	 nlistor;
	struct kodlista_row *listor;
	uint32_t	 nrows;
	struct kod_row	*rows;
};

/* The organisations register (id 0 = new). */
struct msg_org_save {
	uint32_t	 id;
	char		*namn;
	char		*organisationstyp; /* a name from list organisationstyp */
	char		*kommunkod;	/* "" = none */
	char		*lanskod;	/* "" = none */
	uint8_t		 aktiv;
};

/*
 * Af/FK-samarbetet (8xx). kontor_insats_id is the insats that stands for
 * the caller's office: the request table checks the uppdrag on it, and
 * the handler that it is an office. Dates are YYYY-MM-DD.
 */
struct msg_affk_styrdata_get {
	uint8_t		 alla;		/* closed offices too */
};

/* An office; also the body of MSG_AFFK_KONTOR_SAVE (id 0 = new). */
struct affk_kontor_row {
	uint32_t	 id;
	uint8_t		 myndighet;	/* AFFK_AF or AFFK_FK */
	char		*namn;
	uint32_t	 omrade_id;	/* marknadsområde (Af), verksamhetsområde (FK) */
	char		*omrade;	/* its name (reply only) */
	uint32_t	 amo_id;	/* Af: arbetsmarknadsområde, 0 = none */
	char		*kontorstyp;	/* FK: "TA" or "FV"; Af: "" */
	uint32_t	 insats_id;	/* the insats standing for it (reply only) */
	uint8_t		 aktiv;
	uint8_t		 eget;		/* caller is deltagaransvarig (reply only) */
};

struct affk_insatstyp_row {
	uint32_t	 id;		/* a code of list affk_insatstyp */
	char		*kod;
	char		*namn;
	uint8_t		 slag;		/* AFFK_AKTIVITET, _VANTAN, _AVSLUT */
	uint8_t		 myndighet;	/* AFFK_AF, AFFK_FK or AFFK_BADA */
	uint32_t	 ordning;
};

/* An övergång the co-operation has, and who registers it. */
struct affk_overgang_row {
	uint32_t	 fran_id;	/* 0 = the first step of an ärende */
	uint32_t	 till_id;
	uint8_t		 myndighet;	/* AFFK_AF or AFFK_FK */
};

/* A step's question; its answers are codes of lista. */
struct affk_fraga_row {
	uint32_t	 id;
	uint32_t	 insatstyp_id;
	char		*kod;
	char		*text;
	char		*lista;
	uint8_t		 obligatorisk;
	uint32_t	 villkor_fraga_id; /* asked only when that question ... */
	uint32_t	 villkor_svar_id; /* ... has this answer; 0 = always */
	uint32_t	 ordning;
};

/* A code the Af/FK screens use: answers and office areas. */
struct affk_kod_row {
	uint32_t	 id;
	char		*lista;
	char		*kod;
	char		*namn;
	uint8_t		 aktiv;
};

struct msg_affk_styrdata {
	uint32_t	 nkontor;
	struct affk_kontor_row *kontor;	/* Af first, then FK, by name */
	uint32_t	 ntyper;
	struct affk_insatstyp_row *typer; /* in order */
	uint32_t	 novergangar;
	struct affk_overgang_row *overgangar;
	uint32_t	 nfragor;
	struct affk_fraga_row *fragor;	/* by insatstyp, then order */
	uint32_t	 nkoder;
	struct affk_kod_row *koder;	/* every list the above names */
};

/*
 * Registrera medverkan: a new ärende and its first period. namn and
 * kommunkod only for a person the register copy does not know.
 */
struct msg_affk_medverkan_save {
	uint32_t	 kontor_insats_id;
	char		*personnummer;
	char		*namn;
	char		*kommunkod;
	uint32_t	 stadsdel_id;	/* Stockholm, Göteborg; 0 = none */
	uint8_t		 samtycke;	/* the joint consent is signed */
	char		*samtycke_datum; /* "" = today */
	uint8_t		 initierad_av;	/* AFFK_AF or AFFK_FK */
	uint32_t	 af_kontor_id;
	uint32_t	 fk_kontor_id;
	uint32_t	 insatstyp_id;	/* the first step */
	char		*datum;		/* its start, the ärende's start */
};

/* The reply to every Af/FK write. */
struct msg_affk_saved {
	uint32_t	 arende_id;
	uint32_t	 period_id;	/* the period written, 0 if none */
	uint32_t	 nfragor;	/* questions that period asks */
};

/* An övergång: the current period ends the day before datum. */
struct msg_affk_overgang_save {
	uint32_t	 kontor_insats_id;
	uint32_t	 arende_id;
	uint32_t	 insatstyp_id;
	char		*datum;
};

struct affk_svar_row {
	uint32_t	 fraga_id;
	uint32_t	 svar_id;	/* a code of the question's list */
};

/* Registrera uppgifter: a period's answers, replacing what it had. */
struct msg_affk_uppgifter_save {
	uint32_t	 kontor_insats_id;
	uint32_t	 period_id;
	uint32_t	 nsvar;
	struct affk_svar_row *svar;
};

/* Historik enskild deltagare: by personnummer, or by ärende. */
struct msg_affk_historik_get {
	uint32_t	 kontor_insats_id;
	char		*personnummer;	/* "" when arende_id is given */
	uint32_t	 arende_id;
};

struct affk_period_row {
	uint32_t	 id;
	uint32_t	 insatstyp_id;
	char		*insatstyp;
	uint8_t		 slag;
	char		*startdatum;
	char		*slutdatum;	/* "" while current */
	uint32_t	 af_kontor_id;
	char		*af_kontor;
	uint32_t	 fk_kontor_id;
	char		*fk_kontor;
	uint8_t		 myndighet;	/* who registered it */
	char		*registrerad_av;
	uint8_t		 uppgifter;	/* AFFK_U_* */
	uint32_t	 nsvar;
	struct affk_svar_row *svar;
};

struct affk_kontorsbyte_row {
	char		*datum;
	char		*fran_af_kontor;
	char		*till_af_kontor;
	char		*fran_fk_kontor;
	char		*till_fk_kontor;
	char		*andrad_av;
};

struct affk_arende_row {
	uint32_t	 id;
	uint8_t		 initierad_av;
	char		*samtycke_datum;
	char		*startdatum;
	char		*slutdatum;	/* "" while open */
	uint32_t	 af_kontor_id;
	char		*af_kontor;
	uint32_t	 fk_kontor_id;
	char		*fk_kontor;
	uint8_t		 status;	/* AFFK_S_AKTUELL, _VANTAN, _AVSLUTAD */
	uint32_t	 nperioder;
	struct affk_period_row *perioder; /* oldest first */
	uint32_t	 nbyten;
	struct affk_kontorsbyte_row *byten; /* oldest first */
};

/* The person and their ärenden on the caller's office, newest first. */
struct msg_affk_historik {
	char		*personnummer;	/* twelve digits */
	char		*namn;
	char		*kommun;
	char		*kon;
	uint32_t	 fodelsear;
	uint32_t	 narenden;
	struct affk_arende_row *arenden;
};

/* Visa deltagare: the ärenden on the caller's office that match. */
struct msg_affk_sok {
	uint32_t	 kontor_insats_id;
	uint8_t		 status;	/* AFFK_S_*, 0 = all */
	uint32_t	 insatstyp_id;	/* the current step; 0 = any */
	char		*from;		/* in the co-operation some day in */
	char		*tom;		/* [from, tom]; "" = open */
	uint8_t		 initierad_av;	/* 0 = either */
	char		*kon;		/* "K", "M" or "" */
	char		*namn;		/* pattern with '*'; "" = any */
	uint32_t	 offset;
	uint32_t	 limit;
};

struct affk_sok_row {
	uint32_t	 arende_id;
	char		*personnummer;	/* masked: ********-NNNC */
	char		*namn;
	uint32_t	 insatstyp_id;	/* the current (or last) step */
	char		*insatstyp;
	uint8_t		 status;
	char		*sedan;		/* its start */
	char		*startdatum;	/* the ärende's */
	char		*slutdatum;
	char		*af_kontor;
	char		*fk_kontor;
};

struct msg_affk_sok_list {
	uint32_t	 total;
	uint32_t	 nrows;
	struct affk_sok_row *rows;
};

/* Byt kontor (rule 52): both new offices, from datum. */
struct msg_affk_byt_kontor {
	uint32_t	 kontor_insats_id;
	uint32_t	 arende_id;
	uint32_t	 af_kontor_id;
	uint32_t	 fk_kontor_id;
	char		*datum;
};

/*
 * Reports (6xx). A report has rapporttyper and parameters; a parameter
 * applies to the rapporttyper named in typer ("" = all) and fler puts
 * it behind "Fler urval". Values travel as text: dates YYYY-MM-DD, ids
 * and years in decimal, option and code kods as they are.
 */
struct msg_rapport_defs_get {
	uint8_t		 reserverad;	/* 0 */
};

struct rapport_val_row {
	char		*kod;
	char		*namn;
};

struct rapport_param_row {
	char		*namn;		/* the key, a-z and _ */
	char		*titel;		/* Swedish label */
	uint8_t		 slag;		/* RAPPORT_P_* */
	char		*lista;		/* RAPPORT_P_KOD: the code list */
	uint8_t		 fler;		/* behind "Fler urval" */
	uint8_t		 kravs;		/* must be given */
	char		*typer;		/* "a,b": only these rapporttyper */
	char		*standard;	/* the value before any choice */
	uint32_t	 nval;
	struct rapport_val_row *val;	/* RAPPORT_P_VAL: the options */
};

struct rapport_typ_row {
	char		*namn;
	char		*titel;
	char		*beskrivning;
};

struct rapport_def_row {
	char		*namn;		/* as `sus report NAME` takes it */
	char		*titel;
	char		*grupp;		/* the menu heading */
	char		*beskrivning;
	uint32_t	 ntyper;
	struct rapport_typ_row *typer;
	uint32_t	 nparam;
	struct rapport_param_row *param;
};

/* One remembered choice of the caller (saved by every MSG_RAPPORT_RUN). */
struct rapport_arg {
	char		*namn;		/* a parameter, or "typ" */
	char		*varde;
};

struct rapport_sparad_row {
	char		*rapport;
	char		*namn;
	char		*varde;
};

struct msg_rapport_defs {
	uint32_t	 troskel;	/* counts below this are hidden */
	uint32_t	 ndefs;
	struct rapport_def_row *defs;
	uint32_t	 nsparade;
	struct rapport_sparad_row *sparade;
};

struct msg_rapport_run {
	char		*rapport;
	char		*typ;		/* a rapporttyp; "" = the first */
	uint32_t	 nargs;
	struct rapport_arg *args;	/* missing ones take their standard */
};

struct rapport_kol_row {
	char		*titel;
	uint8_t		 slag;		/* RAPPORT_K_* */
	uint8_t		 skala;		/* decimals: varde / 10^skala */
};

/* A figure; varde is signed (a change in per cent may be negative). */
struct rapport_cell_row {
	int64_t		 varde;
	uint8_t		 flagga;	/* RAPPORT_C_* */
};

struct rapport_rad_row {
	char		*grupp;		/* the level's unit: län, förbund... */
	char		*namn;		/* the row's category */
	uint8_t		 summa;		/* a sum row */
	uint32_t	 nceller;
	struct rapport_cell_row *celler; /* one per column after the first */
};

struct rapport_text_row {
	char		*text;
};

struct msg_rapport {
	char		*rapport;
	char		*typ;
	char		*titel;		/* report and rapporttyp */
	char		*urval;		/* the choices in words, one line */
	char		*skapad;	/* YYYY-MM-DD HH:MM */
	uint32_t	 diagram_kol;	/* the column a chart shows first */
	uint32_t	 nkol;
	struct rapport_kol_row *kol;	/* kol[0] names the rows */
	uint32_t	 nrader;
	struct rapport_rad_row *rader;
	uint32_t	 nfotnoter;
	struct rapport_text_row *fotnoter;
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
