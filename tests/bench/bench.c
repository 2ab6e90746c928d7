/*
 * make bench: the cost of going through susd (Noise channel, fork-per-
 * session server, request table, one transaction per request) measured
 * against the same SQL sent straight to PostgreSQL with libpq, in the same
 * run on the same data. Prints requests per second and latency
 * percentiles for both and their ratio; asserts nothing about speed.
 *
 *	bench host port pinfile conninfo [requests]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "buf.h"
#include "chan.h"
#include "chan_io.h"
#include "err.h"
#include "keyfile.h"
#include "known.h"
#include "msg.h"
#include "net.h"
#include "proto.h"
#include "samverkansorg.h"

#define BENCH_TIMEOUT	30000

/* Microseconds on the monotonic clock. */
static double
now_us(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Prints throughput and percentiles for n latencies; returns req/s. */
static double
report(const char *name, double *lat, int n, double total_us)
{
	double	rps = n / (total_us / 1e6);

	qsort(lat, (size_t)n, sizeof *lat, cmp_double);
	printf("%-28s %8.0f req/s  p50 %7.1f us  p99 %7.1f us\n", name, rps,
	    lat[n / 2], lat[(n * 99) / 100]);
	return rps;
}

/* Connects, checks the pin, logs in as rapport; returns the fd. */
static int
bench_connect(const char *host, int port, const char *pins,
    struct chan **cp)
{
	struct chan		*c;
	struct chan_msg		 m;
	struct msg_login	 l = { "rapport", "demo2026" };
	struct buf		*b;
	uint8_t			 priv[32], pub[32];
	char			 hp[128];
	int			 fd, e;

	noise_keypair(priv, pub);
	snprintf(hp, sizeof hp, "%d", port);
	if ((fd = net_connect(host, hp, BENCH_TIMEOUT, &e)) == -1)
		return -1;
	c = chan_new(CHAN_CLIENT, priv, "sus-bench");
	if (chan_io_handshake(c, fd, BENCH_TIMEOUT) != 0)
		return -1;
	snprintf(hp, sizeof hp, "%s:%d", host, port);
	if (known_check(pins, hp, chan_remote_static(c)) != KNOWN_MATCH) {
		fprintf(stderr, "bench: server key not pinned\n");
		return -1;
	}
	if (chan_accept(c) != 0)
		return -1;
	b = buf_new(SUS_MSG_MAX);
	msg_encode(MSG_LOGIN, &l, b);
	if (chan_io_send(c, fd, BENCH_TIMEOUT, MSG_LOGIN, 1, b) != 0 ||
	    chan_io_recv(c, fd, BENCH_TIMEOUT, &m) != 0 ||
	    m.type != MSG_LOGIN_OK) {
		fprintf(stderr, "bench: login failed\n");
		return -1;
	}
	buf_free(m.body);
	buf_free(b);
	*cp = c;
	return fd;
}

/*
 * The parameters both sides search with: what susd makes of the search
 * below (no samverkansform, län, kommun or status), offset and limit.
 */
static const char *bench_params[SAMORG_SEARCH_NFILTER + 2] = {
    "Samordningsf\xc3\xb6rbundet%", "0", "", "", "0", "0", "10" };

/* One search over raw libpq: the server's two queries in a transaction. */
static int
bench_pq_one(PGconn *pg)
{
	PGresult	*res;
	int		 ok;

	PQclear(PQexec(pg, "BEGIN"));
	PQclear(PQexecParams(pg, SAMORG_SEARCH_COUNT_SQL,
	    SAMORG_SEARCH_NFILTER, NULL, bench_params, NULL, NULL, 0));
	res = PQexecParams(pg, SAMORG_SEARCH_SQL, SAMORG_SEARCH_NFILTER + 2,
	    NULL, bench_params, NULL, NULL, 0);
	ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0;
	PQclear(res);
	PQclear(PQexec(pg, "COMMIT"));
	return ok ? 0 : -1;
}

/* One search through susd. */
static int
bench_sus_one(struct chan *c, int fd, struct buf *b, uint32_t id)
{
	struct msg_samorg_search q = {
	    .pattern = (char *)"Samordningsförbundet*", .limit = 10 };
	struct msg_samorg_list	 list;
	struct chan_msg		 m;
	int			 ok;

	buf_reset(b);
	msg_encode(MSG_SAMORG_SEARCH, &q, b);
	if (chan_io_send(c, fd, BENCH_TIMEOUT, MSG_SAMORG_SEARCH, id, b) != 0 ||
	    chan_io_recv(c, fd, BENCH_TIMEOUT, &m) != 0)
		return -1;
	ok = m.type == MSG_SAMORG_LIST &&
	    msg_decode(MSG_SAMORG_LIST, m.body, &list) == 0 && list.nrows > 0;
	if (ok)
		msg_clear(MSG_SAMORG_LIST, &list);
	buf_free(m.body);
	return ok ? 0 : -1;
}

int
main(int argc, char **argv)
{
	struct chan		*c;
	struct buf		*b;
	PGconn			*pg;
	double			*lat_pq, *lat_sus, t0, tot_pq = 0, tot_sus = 0;
	double			 sus_rps, pq_rps;
	uint32_t		 id = 2;
	int			 n, i, round, per, fd;

	if (argc < 5) {
		fprintf(stderr, "usage: bench host port pins conninfo [n]\n");
		return 2;
	}
	n = argc > 5 ? atoi(argv[5]) : 2000;
	if (sodium_init() < 0 || n < 100)
		return 2;
	lat_pq = calloc((size_t)n, sizeof *lat_pq);
	lat_sus = calloc((size_t)n, sizeof *lat_sus);
	if ((fd = bench_connect(argv[1], atoi(argv[2]), argv[3], &c)) == -1) {
		fprintf(stderr, "bench: cannot connect to susd\n");
		return 1;
	}
	pg = PQconnectdb(argv[4]);
	if (PQstatus(pg) != CONNECTION_OK) {
		fprintf(stderr, "bench: %s", PQerrorMessage(pg));
		return 1;
	}
	b = buf_new(SUS_MSG_MAX);
	printf("%d requests each: Sök samverkansorg, first page of 10\n", n);

	/* Warm both paths (caches, plans, the session's connection). */
	for (i = 0; i < 100; i++) {
		if (bench_pq_one(pg) != 0 || bench_sus_one(c, fd, b, id++) != 0) {
			fprintf(stderr, "bench: warm-up failed\n");
			return 1;
		}
	}
	/*
	 * Alternate in rounds so that whatever else the machine does hits
	 * both sides alike.
	 */
	per = n / 4;
	for (round = 0; round < 4; round++) {
		for (i = round * per; i < (round == 3 ? n : (round + 1) * per);
		    i++) {
			t0 = now_us();
			if (bench_pq_one(pg) != 0) {
				fprintf(stderr, "bench: libpq query failed\n");
				return 1;
			}
			lat_pq[i] = now_us() - t0;
			tot_pq += lat_pq[i];
		}
		for (i = round * per; i < (round == 3 ? n : (round + 1) * per);
		    i++) {
			t0 = now_us();
			if (bench_sus_one(c, fd, b, id++) != 0) {
				fprintf(stderr, "bench: sus request failed\n");
				return 1;
			}
			lat_sus[i] = now_us() - t0;
			tot_sus += lat_sus[i];
		}
	}
	pq_rps = report("raw libpq (same SQL)", lat_pq, n, tot_pq);
	sus_rps = report("sus protocol via susd", lat_sus, n, tot_sus);
	printf("ratio sus/libpq throughput: %.2f\n", sus_rps / pq_rps);
	buf_free(b);
	PQfinish(pg);
	chan_free(c);
	close(fd);
	free(lat_pq);
	free(lat_sus);
	return 0;
}
