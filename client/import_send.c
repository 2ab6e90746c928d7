/*
 * sus import: batches. A batch holds up to -b rows of the file, all of
 * one insats; the rows refused here wait in it beside the rows sent, so
 * the report comes out in the file's order. Each batch goes under the
 * key the brief defines (SHA-256 of "sus-import-1", the user and the
 * encoded batch), so the same file sends the same batches with the same
 * keys: after a lost connection the unanswered batch is sent again and
 * applied once, and importing a file again registers nothing.
 */
#include <sys/types.h>

#include <sodium.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "import.h"
#include "proto.h"
#include "xmalloc.h"

/* The batch message of the file's kind, field by field. */
struct imp_msg {
	uint16_t	 type;
	void		*msg;
	uint32_t	*insats_id;
	char		**nyckel;
	uint8_t		*flaggor;
	uint32_t	*nrader;
	void		**rader;
	size_t		 rowsize;
};

/* Fills m with the parts of the kind's message. */
static void
imp_msg_of(struct imp *imp, struct imp_msg *m)
{
	struct imp_batch	*b = &imp->b;

#define IMP_MSG(t, s)							\
	do {								\
		m->type = (t);						\
		m->msg = &(s);						\
		m->insats_id = &(s).insats_id;				\
		m->nyckel = &(s).nyckel;				\
		m->flaggor = &(s).flaggor;				\
		m->nrader = &(s).nrader;				\
		m->rader = (void **)&(s).rader;				\
		m->rowsize = sizeof *(s).rader;				\
	} while (0)
	if (imp->kind == IMP_ANONYM)
		IMP_MSG(MSG_BATCH_ANONYM, b->a);
	else if (imp->kind == IMP_VOLYM)
		IMP_MSG(MSG_BATCH_VOLYM, b->v);
	else
		IMP_MSG(MSG_BATCH_DELTAGARE, b->d);
#undef IMP_MSG
}

/* Makes room for a batch of rows. */
static void
imp_batch_rows(struct imp *imp)
{
	struct imp_msg	m;

	imp_msg_of(imp, &m);
	*m.rader = xcalloc(imp->batch_rows, m.rowsize);
}

/* Allocates the batch: its items and its rows, once for the import. */
void
imp_batch_init(struct imp *imp)
{
	imp->b.items = xcalloc(imp->batch_rows, sizeof *imp->b.items);
	imp_batch_rows(imp);
}

/* Rows in the batch to be sent. */
uint32_t
imp_batch_nrows(const struct imp *imp)
{
	struct imp_msg	m;

	imp_msg_of((struct imp *)imp, &m);
	return *m.nrader;
}

/* 1 when the batch holds -b rows, or as much text as one should. */
int
imp_batch_full(const struct imp *imp)
{
	return imp->b.nitems >= imp->batch_rows ||
	    imp->b.bytes >= IMP_BATCH_BYTES;
}

/* Frees what a row of the file's kind holds. */
void
imp_row_free(const struct imp *imp, void *row)
{
	struct batch_deltagare_rad	*d = row;
	struct batch_volym_rad		*v = row;
	struct tillfalle_row		*t = &d->rad.tillfalle;

	if (imp->kind == IMP_VOLYM) {
		free(v->period);
		free(v->kommentar);
	}
	if (imp->kind != IMP_IN && imp->kind != IMP_UT)
		return;
	if (d->rad.personnummer != NULL)
		freezero(d->rad.personnummer, strlen(d->rad.personnummer));
	if (d->rad.namn != NULL)
		freezero(d->rad.namn, strlen(d->rad.namn));
	free(d->rad.kommunkod);
	free(d->rad.samtycke_datum);
	free(t->datum);
	free(t->forsorjning);
	free(t->svar);
	free(t->andrad);
	free(t->andrad_av);
}

/* The text a row carries, roughly, to keep a batch within bounds. */
static size_t
imp_row_bytes(const struct imp *imp, const void *row)
{
	const struct batch_deltagare_rad	*d = row;
	const struct batch_volym_rad		*v = row;
	const struct tillfalle_row		*t = &d->rad.tillfalle;

	if (imp->kind == IMP_VOLYM)
		return 64 + (v->kommentar != NULL ? strlen(v->kommentar) : 0);
	if (imp->kind == IMP_ANONYM)
		return 16;
	return 128 + strlen(d->rad.personnummer) + (d->rad.namn != NULL ?
	    strlen(d->rad.namn) : 0) + 4 * t->nforsorjning + 16 * t->nsvar;
}

/*
 * Whether a row can be sent: encoded alone, as the only row of a batch
 * of the file's kind, within every limit of the message layout. A row
 * that cannot be is refused alone, so one overlong cell never spoils the
 * rows it would have been sent with. 0 or a SUS_ERR_*.
 */
int
imp_row_fits(struct imp *imp, void *row)
{
	union {
		struct msg_batch_deltagare	d;
		struct msg_batch_anonym		a;
		struct msg_batch_volym		v;
	}		 m;
	uint16_t	 type;

	memset(&m, 0, sizeof m);
	if (imp->kind == IMP_ANONYM) {
		type = MSG_BATCH_ANONYM;
		m.a.nrader = 1;
		m.a.rader = row;
	} else if (imp->kind == IMP_VOLYM) {
		type = MSG_BATCH_VOLYM;
		m.v.nrader = 1;
		m.v.rader = row;
	} else {
		type = MSG_BATCH_DELTAGARE;
		m.d.nrader = 1;
		m.d.rader = row;
	}
	if (imp->b.fit == NULL && (imp->b.fit = buf_new(SUS_MSG_MAX)) == NULL)
		return SUS_ERR_ALLOC;
	buf_reset(imp->b.fit);
	return msg_encode(type, &m, imp->b.fit);
}

/* Takes a row into the batch. */
void
imp_batch_add(struct imp *imp, long line, const char *mask, void *row)
{
	struct imp_item	*it = &imp->b.items[imp->b.nitems++];
	struct imp_msg	 m;

	memset(it, 0, sizeof *it);
	it->line = line;
	it->sent = 1;
	snprintf(it->mask, sizeof it->mask, "%s", mask);
	imp_msg_of(imp, &m);
	memcpy((char *)*m.rader + *m.nrader * m.rowsize, row, m.rowsize);
	(*m.nrader)++;
	imp->b.bytes += imp_row_bytes(imp, row);
}

/* Records a row refused here, to be reported in its place. */
void
imp_batch_refuse(struct imp *imp, long line, const char *mask,
    const char *col, const char *fmt, ...)
{
	struct imp_item	*it = &imp->b.items[imp->b.nitems++];
	va_list		 ap;
	char		 msg[SUS_MESSAGE_MAX];

	memset(it, 0, sizeof *it);
	it->line = line;
	snprintf(it->mask, sizeof it->mask, "%s", mask != NULL ? mask : "");
	it->col = col;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	it->msg = xstrdup(msg);
}

/*
 * The batch's key: SHA-256 of "sus-import-1", NUL, the user, NUL and the
 * batch encoded with an empty key, as 64 lowercase hex digits.
 */
static int
imp_key(struct imp *imp, const struct imp_msg *m, char *out, size_t len)
{
	static const char		 tag[] = "sus-import-1";
	crypto_hash_sha256_state	 st;
	unsigned char			 h[crypto_hash_sha256_BYTES];
	struct buf			*b;
	int				 rv;

	if ((b = buf_new(SUS_MSG_MAX)) == NULL)
		return -1;
	*m->nyckel = NULL;
	if ((rv = msg_encode(m->type, m->msg, b)) == 0) {
		crypto_hash_sha256_init(&st);
		crypto_hash_sha256_update(&st, (const unsigned char *)tag,
		    sizeof tag);
		crypto_hash_sha256_update(&st,
		    (const unsigned char *)imp->c.keyuser,
		    strlen(imp->c.keyuser) + 1);
		crypto_hash_sha256_update(&st, buf_ptr(b), buf_len(b));
		crypto_hash_sha256_final(&st, h);
		sodium_bin2hex(out, len, h, sizeof h);
	}
	buf_free(b);
	return rv == 0 ? 0 : -1;
}

/* The column a server refusal names (enum batch_falt → the header). */
static const char *
imp_falt_col(const struct imp *imp, const struct batch_resultat_rad *r,
    char *buf, size_t len)
{
	static const int cols[] = {
		[BATCH_FALT_PNR] = C_PNR,
		[BATCH_FALT_NAMN] = C_NAMN,
		[BATCH_FALT_KOMMUN] = C_KOMMUN,
		[BATCH_FALT_STADSDEL] = C_STADSDEL,
		[BATCH_FALT_SAMTYCKE] = C_SAMTYCKE,
		[BATCH_FALT_SAMTYCKE_DATUM] = C_SAMTYCKE_DATUM,
		[BATCH_FALT_FORSORJNING] = C_FORSORJNING,
		[BATCH_FALT_SYSSELSATTNING] = C_SYSSELSATTNING,
		[BATCH_FALT_OMFATTNING] = C_OMFATTNING,
		[BATCH_FALT_UTBILDNING] = C_UTBILDNING,
		[BATCH_FALT_TID] = C_TID,
		[BATCH_FALT_AVSLUT] = C_AVSLUT,
		[BATCH_FALT_AR] = C_AR,
		[BATCH_FALT_PERIOD] = C_PERIOD,
		[BATCH_FALT_KOMMENTAR] = C_KOMMENTAR,
	};

	if (r->falt == BATCH_FALT_DATUM)
		return imp_col_name(imp, imp->kind == IMP_UT ? C_SLUT :
		    C_START);
	if (r->falt == BATCH_FALT_FRAGA)
		return imp_fraga_col(imp, r->fraga_id, buf, len);
	if (r->falt < sizeof cols / sizeof cols[0] && cols[r->falt] != 0)
		return imp_col_name(imp, (enum imp_col)cols[r->falt]);
	return "-";
}

/* Clears the progress bar so a report line starts on a clean line. */
static void
imp_progress_clear(struct imp *imp)
{
	if (imp->tty && !imp->quiet && imp->shown != 0) {
		fputs("\r\033[K", stderr);
		/* Drawn again at the next row. */
		imp->shown = 0;
	}
}

/* Prints one refused row. */
static void
imp_report(struct imp *imp, const struct imp_item *it, const char *col,
    const char *msg)
{
	imp_progress_clear(imp);
	if (it->mask[0] != '\0')
		printf("rad %ld, %s, %s: %s\n", it->line, col, it->mask, msg);
	else
		printf("rad %ld, %s: %s\n", it->line, col, msg);
}

/*
 * Reports the batch in the file's order: the rows refused here, and each
 * sent row by its outcome (res NULL: the batch as a whole was refused
 * with why). Counts them for the summary.
 */
static void
imp_batch_report(struct imp *imp, const struct msg_batch_result *res,
    const char *why, int replayed)
{
	const struct batch_resultat_rad	*r;
	struct imp_item			*it;
	const char			*icol;
	char				 buf[32];
	size_t				 i, j = 0;

	icol = imp->col[C_INSATS] >= 0 ? imp_col_name(imp, C_INSATS) : "-";
	for (i = 0; i < imp->b.nitems; i++) {
		it = &imp->b.items[i];
		if (!it->sent) {
			imp_report(imp, it, it->col, it->msg);
			imp->fel++;
			continue;
		}
		if (res == NULL || j >= res->nrader) {
			imp_report(imp, it, icol, why != NULL ? why :
			    "Servern svarade inte på raden.");
			imp->fel++;
			j++;
			continue;
		}
		r = &res->rader[j++];
		if (r->status == BATCH_FEL) {
			imp_report(imp, it, imp_falt_col(imp, r, buf, sizeof buf),
			    r->meddelande != NULL ? r->meddelande : "");
			imp->fel++;
		} else if (r->status == BATCH_FINNS || replayed)
			imp->finns++;
		else
			imp->ok++;
	}
	fflush(stdout);
}

/* Empties the batch for the next rows. */
static void
imp_batch_clear(struct imp *imp)
{
	struct imp_msg	 m;
	size_t		 i;

	for (i = 0; i < imp->b.nitems; i++)
		free(imp->b.items[i].msg);
	imp->b.nitems = 0;
	imp->b.bytes = 0;
	imp_msg_of(imp, &m);
	for (i = 0; i < *m.nrader; i++)
		imp_row_free(imp, (char *)*m.rader + i * m.rowsize);
	*m.nrader = 0;
}

/*
 * Sends the batch under its key (again after a reconnect, if need be),
 * prints its refusals and counts it. 0, or IMP_EXIT_CONN when the
 * connection is gone for good.
 */
int
imp_flush(struct imp *imp)
{
	struct msg_batch_result	 res;
	struct msg_err		 err;
	struct imp_msg		 m;
	char			 key[SUS_BATCH_KEY_LEN + 1];
	const char		*why = NULL;
	size_t			 i;
	int			 rv = 0, replayed = 0;

	memset(&res, 0, sizeof res);
	memset(&err, 0, sizeof err);
	imp_msg_of(imp, &m);
	if (*m.nrader == 0)
		goto report;
	*m.insats_id = imp->b.insats_id;
	*m.flaggor = imp->dry_run ? BATCH_F_DRY_RUN : 0;
	if (imp_key(imp, &m, key, sizeof key) != 0) {
		why = "Raderna är för långa för att skickas till servern.";
		goto report;
	}
	*m.nyckel = key;
	imp->c.resent = 0;
	rv = imp_call(imp, m.type, m.msg, MSG_BATCH_RESULT, &res, &err);
	*m.nyckel = NULL;
	if (rv == IMP_GAVE_UP) {
		/* What was judged here is still worth reporting. */
		for (i = 0; i < imp->b.nitems; i++) {
			if (imp->b.items[i].sent)
				continue;
			imp_report(imp, &imp->b.items[i], imp->b.items[i].col,
			    imp->b.items[i].msg);
			imp->fel++;
		}
		fflush(stdout);
		imp_batch_clear(imp);
		return IMP_EXIT_CONN;
	}
	if (rv == REMOTE_REPLY_ERR)
		why = err.message != NULL && *err.message != '\0' ?
		    err.message : remote_errcode_text(err.code);
	else if (rv != 0)
		why = imp->c.remote.error;
	else if (res.nrader != *m.nrader) {
		why = "Servern svarade med fel antal rader.";
	} else {
		imp->batches++;
		/* Sent again after a lost connection: this run applied it. */
		replayed = res.upprepad && !imp->c.resent;
		imp->replayed += replayed;
	}
report:
	imp_batch_report(imp, why == NULL && *m.nrader > 0 ? &res : NULL,
	    why, replayed);
	msg_clear(MSG_BATCH_RESULT, &res);
	msg_clear(MSG_ERR, &err);
	imp_batch_clear(imp);
	return 0;
}

/* Frees the batch and what its rows hold. */
void
imp_batch_free(struct imp *imp)
{
	struct imp_msg	m;

	imp_batch_clear(imp);
	imp_msg_of(imp, &m);
	free(*m.rader);
	*m.rader = NULL;
	free(imp->b.items);
	imp->b.items = NULL;
	buf_free(imp->b.fit);
	imp->b.fit = NULL;
}

/*
 * Progress on stderr: on a terminal one line redrawn in place, else a
 * plain line every tenth of the file or every ten seconds. Rows, the
 * share of a regular file read, rows per second; nothing personal.
 */
void
imp_progress(struct imp *imp, int last)
{
	char	 bar[21], pct[24] = "";
	long	 now = keys_now(), ms;
	off_t	 pos;
	int	 p = -1, i;

	if (imp->quiet || (!last && now - imp->shown < (imp->tty ? 200 :
	    1000)))
		return;
	if (imp->size > 0 && (pos = lseek(imp->fd, 0, SEEK_CUR)) >= 0) {
		p = (int)(pos * 100 / imp->size);
		if (p > 100 || last)
			p = 100;
		snprintf(pct, sizeof pct, " (%d %%)", p);
	}
	ms = now - imp->started > 0 ? now - imp->started : 1;
	if (imp->tty) {
		for (i = 0; i < 20; i++)
			bar[i] = p >= 0 && i < p / 5 ? '#' : (p < 0 &&
			    i == (int)(imp->rader / 100 % 20) ? '#' : '.');
		bar[20] = '\0';
		fprintf(stderr, "\r[%s] %lu rader%s, %lu rader/s\033[K%s", bar,
		    imp->rader, pct, (unsigned long)(imp->rader * 1000 /
		    (unsigned long)ms), last ? "\n" : "");
		imp->shown = now;
		return;
	}
	if (!last && !(p >= 0 && p / 10 > imp->shown_tenth) &&
	    now - imp->shown < 10000)
		return;
	if (p >= 0)
		imp->shown_tenth = p / 10;
	fprintf(stderr, "sus import: %lu rader%s, %lu rader/s\n", imp->rader,
	    pct, (unsigned long)(imp->rader * 1000 / (unsigned long)ms));
	imp->shown = now;
}
