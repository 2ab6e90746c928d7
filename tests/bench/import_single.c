/*
 * make bench, issue 7: the round trip of one registration. Rows
 * first..first+n-1 of rows.h go one at a time through susd as
 * MSG_DELTAGARE_SAVE (Noise channel, session process, every check of
 * deltagare_save.c, one transaction) and the same rows, into a copy of
 * the same database, as a raw libpq insert-and-commit of the same writes
 * (pqrow.c: BEGIN, five prepared statements one at a time, COMMIT), in
 * alternating rounds so that whatever else the machine does hits both
 * alike. Rows first+n..first+2n-1 go as one-row MSG_BATCH_DELTAGARE, as
 * the Snabbregistrering grid sends them, for a third figure. Prints the
 * latency percentiles; asserts nothing.
 *
 *	bench_single host port pins user conninfo-sus conninfo-base
 *	    pnrfile idsfile first n
 *
 * conninfo-sus reads the code ids from susd's own database (nothing is
 * written through it); conninfo-base is where the libpq rows go. The
 * password is demo2026, as for every demo user.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "buf.h"
#include "chan.h"
#include "chan_io.h"
#include "known.h"
#include "msg.h"
#include "net.h"
#include "noise.h"
#include "pqrow.h"
#include "proto.h"
#include "rows.h"

#define BENCH_TIMEOUT	30000
#define BENCH_ROUNDS	4

/* A logged-in connection to susd. */
struct bench_sus {
	struct chan	*c;
	int		 fd;
	uint32_t	 id;
	struct buf	*b;
};

static void
bench_sus_connect(struct bench_sus *s, const char *host, const char *port,
    const char *pins, const char *user)
{
	struct chan_msg		 m;
	struct msg_login	 l;
	uint8_t			 priv[32], pub[32];
	char			 hp[300];
	int			 e;

	memset(s, 0, sizeof *s);
	noise_keypair(priv, pub);
	if ((s->fd = net_connect(host, port, BENCH_TIMEOUT, &e)) == -1)
		bench_die("cannot connect to susd");
	s->c = chan_new(CHAN_CLIENT, priv, "sus-bench");
	if (chan_io_handshake(s->c, s->fd, BENCH_TIMEOUT) != 0)
		bench_die("handshake with susd failed");
	snprintf(hp, sizeof hp, "%s:%s", host, port);
	if (known_check(pins, hp, chan_remote_static(s->c)) != KNOWN_MATCH)
		bench_die("susd's key is not pinned");
	if (chan_accept(s->c) != 0)
		bench_die("channel");
	s->b = buf_new(SUS_MSG_MAX);
	memset(&l, 0, sizeof l);
	l.username = (char *)user;
	l.password = (char *)"demo2026";
	msg_encode(MSG_LOGIN, &l, s->b);
	if (chan_io_send(s->c, s->fd, BENCH_TIMEOUT, MSG_LOGIN, 1, s->b) != 0 ||
	    chan_io_recv(s->c, s->fd, BENCH_TIMEOUT, &m) != 0 ||
	    m.type != MSG_LOGIN_OK)
		bench_die("login as %s failed", user);
	buf_free(m.body);
	s->id = 2;
}

static void
bench_sus_close(struct bench_sus *s)
{
	buf_reset(s->b);
	(void)chan_io_send(s->c, s->fd, BENCH_TIMEOUT, MSG_BYE, s->id++,
	    s->b);
	buf_free(s->b);
	chan_free(s->c);
	close(s->fd);
}

/* Row i as the one registration susd is sent. */
static void
bench_save_fill(const struct bench_ctx *c, long i, struct bench_row *r,
    struct kod_ref *fors, struct msg_deltagare_save *q)
{
	bench_row(&c->set, i, r);
	memset(q, 0, sizeof *q);
	memset(fors, 0, sizeof *fors);
	fors->id = bench_code(&c->codes, 0, r->fors);
	q->insats_id = r->insats;
	q->personnummer = (char *)r->p->pnr;
	q->namn = (char *)"";
	q->kommunkod = (char *)"";
	q->samtycke = 1;
	q->samtycke_datum = (char *)"";
	q->tillfalle.typ = FRAGA_IN;
	q->tillfalle.datum = r->start;
	q->tillfalle.nforsorjning = 1;
	q->tillfalle.forsorjning = fors;
	q->tillfalle.sysselsattning_id = bench_code(&c->codes, 1, r->syss);
	q->tillfalle.omfattning = (uint32_t)r->omf;
	q->tillfalle.utbildning_id = bench_code(&c->codes, 2, r->utb);
	q->tillfalle.tid_id = bench_code(&c->codes, 3, r->tid);
	q->tillfalle.andrad = (char *)"";
	q->tillfalle.andrad_av = (char *)"";
}

/* Sends the request in s->b and returns the answer; dies on EOF. */
static void
bench_sus_call(struct bench_sus *s, uint16_t type, long i, uint16_t want,
    struct chan_msg *m)
{
	struct msg_err	 err;

	if (chan_io_send(s->c, s->fd, BENCH_TIMEOUT, type, s->id++,
	    s->b) != 0 || chan_io_recv(s->c, s->fd, BENCH_TIMEOUT, m) != 0)
		bench_die("susd went away at row %ld", i);
	if (m->type != want) {
		memset(&err, 0, sizeof err);
		if (m->type == MSG_ERR && msg_decode(MSG_ERR, m->body, &err) == 0)
			bench_die("row %ld refused: %s", i, err.message);
		bench_die("row %ld: answer type %u", i, m->type);
	}
}

/* Row i through susd as one MSG_DELTAGARE_SAVE; dies on a refusal. */
static void
bench_sus_save(struct bench_sus *s, const struct bench_ctx *c, long i)
{
	struct msg_deltagare_save	 q;
	struct kod_ref			 fors;
	struct bench_row		 r;
	struct chan_msg			 m;

	bench_save_fill(c, i, &r, &fors, &q);
	buf_reset(s->b);
	if (msg_encode(MSG_DELTAGARE_SAVE, &q, s->b) != 0)
		bench_die("cannot encode row %ld", i);
	bench_sus_call(s, MSG_DELTAGARE_SAVE, i, MSG_OK, &m);
	buf_free(m.body);
}

/*
 * Row i through susd as a one-row MSG_BATCH_DELTAGARE under a fresh key,
 * as the grid sends a row; dies unless it was stored.
 */
static void
bench_sus_batch1(struct bench_sus *s, const struct bench_ctx *c, long i)
{
	struct msg_batch_deltagare	 q;
	struct batch_deltagare_rad	 rad;
	struct msg_batch_result		 res;
	struct kod_ref			 fors;
	struct bench_row		 r;
	struct chan_msg			 m;
	uint8_t				 key[SUS_BATCH_KEY_LEN / 2];
	char				 hex[SUS_BATCH_KEY_LEN + 1];

	memset(&rad, 0, sizeof rad);
	bench_save_fill(c, i, &r, &fors, &rad.rad);
	rad.radnr = (uint32_t)(i + 1);
	randombytes_buf(key, sizeof key);
	sodium_bin2hex(hex, sizeof hex, key, sizeof key);
	memset(&q, 0, sizeof q);
	q.insats_id = r.insats;
	q.nyckel = hex;
	q.nrader = 1;
	q.rader = &rad;
	buf_reset(s->b);
	if (msg_encode(MSG_BATCH_DELTAGARE, &q, s->b) != 0)
		bench_die("cannot encode row %ld", i);
	bench_sus_call(s, MSG_BATCH_DELTAGARE, i, MSG_BATCH_RESULT, &m);
	memset(&res, 0, sizeof res);
	if (msg_decode(MSG_BATCH_RESULT, m.body, &res) != 0)
		bench_die("row %ld: bad MSG_BATCH_RESULT", i);
	if (res.antal_ok != 1)
		bench_die("row %ld not stored: %s", i, res.nrader > 0 ?
		    res.rader[0].meddelande : "");
	msg_clear(MSG_BATCH_RESULT, &res);
	buf_free(m.body);
}

int
main(int argc, char **argv)
{
	struct bench_ctx	 sc, bc;
	struct bench_sus	 s;
	double			*lat_sus, *lat_pq, *lat_b1, t0;
	long			 first, n, i, per, round, from, to;

	if (argc != 11) {
		fprintf(stderr, "usage: bench_single host port pins user "
		    "conninfo-sus conninfo-base pnrfile idsfile first n\n");
		return 2;
	}
	if (sodium_init() < 0)
		return 2;
	first = atol(argv[9]);
	n = atol(argv[10]);
	if (n < BENCH_ROUNDS * 10)
		bench_die("n must be at least %d", BENCH_ROUNDS * 10);
	lat_sus = calloc((size_t)n, sizeof *lat_sus);
	lat_pq = calloc((size_t)n, sizeof *lat_pq);
	lat_b1 = calloc((size_t)n, sizeof *lat_b1);
	if (lat_sus == NULL || lat_pq == NULL || lat_b1 == NULL)
		bench_die("out of memory");
	bench_ctx_open(&sc, argv[5], argv[7], argv[8]);
	bench_ctx_open(&bc, argv[6], argv[7], argv[8]);
	bench_prepare(&bc);
	bench_sus_connect(&s, argv[1], argv[2], argv[3], argv[4]);

	per = n / BENCH_ROUNDS;
	for (round = 0; round < BENCH_ROUNDS; round++) {
		from = round * per;
		to = round == BENCH_ROUNDS - 1 ? n : from + per;
		for (i = from; i < to; i++) {
			t0 = bench_now_us();
			bench_seq_tx(&bc, first + i);
			lat_pq[i] = bench_now_us() - t0;
		}
		for (i = from; i < to; i++) {
			t0 = bench_now_us();
			bench_sus_save(&s, &sc, first + i);
			lat_sus[i] = bench_now_us() - t0;
		}
		for (i = from; i < to; i++) {
			t0 = bench_now_us();
			bench_sus_batch1(&s, &sc, first + n + i);
			lat_b1[i] = bench_now_us() - t0;
		}
	}
	printf("single n %ld sus p50 %.2f p99 %.2f base p50 %.2f p99 %.2f"
	    " batch1 p50 %.2f p99 %.2f\n", n, bench_pct(lat_sus, n, 50) / 1e3,
	    bench_pct(lat_sus, n, 99) / 1e3, bench_pct(lat_pq, n, 50) / 1e3,
	    bench_pct(lat_pq, n, 99) / 1e3, bench_pct(lat_b1, n, 50) / 1e3,
	    bench_pct(lat_b1, n, 99) / 1e3);
	bench_sus_close(&s);
	bench_ctx_close(&sc);
	bench_ctx_close(&bc);
	free(lat_sus);
	free(lat_pq);
	free(lat_b1);
	return 0;
}
