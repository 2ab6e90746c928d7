/*
 * The permission matrix: every request susd knows, called by every kind
 * of caller of domain.md §4.3, on a target inside and one outside the
 * caller's uppdrag, must be allowed or refused as matrix_expected.h says.
 *
 * The requests are not listed here: matrix.sh runs "susd requests" and
 * names its output in MATRIX_REQUESTS, so a request added to the server
 * without an expected row is a wrong case, not a silent gap. The targets'
 * ids come from the database (MATRIX_SAMORG_IN and so on, see matrix.sh).
 * The callers are one demo user per column; the last, slund, is a
 * deltagaransvarig with no uppdrag at all.
 *
 * A reply of ERR_FORBIDDEN is a refusal; any other answer (OK, a list,
 * ERR_VALIDATION, ERR_NOT_FOUND, ERR_UNSUPPORTED from a stub) means the
 * request got past authorisation. The bodies (matrix_body.c) are
 * harmless: every call that is allowed must change nothing (a user or
 * order that does not exist, a date that cannot be, a password that
 * breaks the rules, a registration without consent), so the demo data
 * stays as it was. A personal-data request that is allowed reads the
 * demo's participants of Steget vidare and is counted (personal.c) and
 * audited like any other access. Ends with one line
 * "permission matrix: N cases, W wrong"; MATRIX_VERBOSE=1 also prints
 * every answer as a "#" line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "integ.h"
#include "matrix_expected.h"
#include "matrix_int.h"
#include "msg.h"
#include "proto.h"
#include "xmalloc.h"

/* Most rows "susd requests" may print; more is an error, not a cut. */
#define MATRIX_MAX_REQUESTS	256

/* One row of "susd requests": type, name, prelogin|login, roles, scope. */
struct matrix_request {
	uint16_t	 type;
	char		 name[64];
	const struct matrix_expected *want;
	const struct matrix_builder *builder;
};

/* What came back, as far as authorisation goes. */
enum matrix_got {
	GOT_ALLOWED,
	GOT_REFUSED,
	GOT_UNKNOWN		/* no answer, or one that says nothing */
};

/* The demo users, one per column (schema/demo.sql). */
static const struct matrix_caller matrix_callers[] = {
	{ COL_SUPERADMIN, "superadmin", "admin",
	    ROLE_SUPERADMIN | ROLE_SUSRAPPORT },
	{ COL_SAMVERKANSADMIN, "samverkansadmin", "samadm",
	    ROLE_SAMVERKANSADMIN | ROLE_SUSRAPPORT },
	{ COL_INSATSANSVARIG, "insatsansvarig", "insatsansv",
	    ROLE_INSATSANSVARIG | ROLE_SUSRAPPORT },
	{ COL_DELTAGARANSVARIG, "deltagaransvarig", "deltagaransv",
	    ROLE_DELTAGARANSVARIG | ROLE_SUSRAPPORT },
	{ COL_SUSRAPPORT, "susrapport", "rapport", ROLE_SUSRAPPORT },
	{ COL_BESTALLARE, "beställare", "bestallare", ROLE_BESTALLARE },
	{ COL_DELTAGARANSVARIG_UTAN, "deltagaransvarig utan uppdrag", "slund",
	    ROLE_DELTAGARANSVARIG | ROLE_SUSRAPPORT },
};
#define MATRIX_NCALLERS	(sizeof matrix_callers / sizeof matrix_callers[0])
_Static_assert(sizeof matrix_callers / sizeof matrix_callers[0] ==
    MATRIX_NCOLS, "one demo user per column of the matrix");

/*
 * Inside: where samadm and insatsansv hold their uppdrag and deltagaransv
 * works. Outside: another förbund, where none of them has one. Both name
 * the same participation, one of Steget vidare: outside it is not of the
 * insats asked about.
 */
static struct matrix_target matrix_targets[] = {
	{ "inside", "MATRIX_SAMORG_IN", "MATRIX_INSATS_IN", "MATRIX_ORG_IN",
	    "Samordningsförbundet Göteborg", "222222-0101", "2005-01-01",
	    "Göteborgs stad", 0, 0, 0, 0 },
	{ "outside", "MATRIX_SAMORG_OUT", "MATRIX_INSATS_OUT",
	    "MATRIX_ORG_OUT", "Samordningsförbundet Stockholms stad",
	    "222222-0102", "2009-03-01", "Stockholms stad", 0, 0, 0, 0 },
};
/* The participation both targets name (matrix.sh). */
#define MATRIX_DELTAGANDE_ENV	"MATRIX_DELTAGANDE_IN"
#define MATRIX_NTARGETS	(sizeof matrix_targets / sizeof matrix_targets[0])

static struct matrix_request	matrix_requests[MATRIX_MAX_REQUESTS];
static size_t			matrix_nrequests;

/* The expected row for a type, or NULL. */
static const struct matrix_expected *
matrix_find_expected(uint16_t type)
{
	size_t	i;

	for (i = 0; i < sizeof matrix_expected / sizeof matrix_expected[0];
	    i++) {
		if (matrix_expected[i].type == type)
			return &matrix_expected[i];
	}
	return NULL;
}

/*
 * Reads the server's request table from the file in MATRIX_REQUESTS:
 * "type TAB name TAB prelogin|login TAB roles TAB scope TAB personal".
 * Only the type and name are used; the roles column is what is tested,
 * so it is never read.
 */
static int
matrix_load(void)
{
	const char	*path = getenv("MATRIX_REQUESTS");
	struct matrix_request *r;
	FILE		*fp;
	char		 line[512], *p, *type, *name, *phase, *end;
	unsigned long	 v;
	size_t		 i, lineno = 0;
	int		 rv = -1;

	matrix_nrequests = 0;
	if (path == NULL || *path == '\0')
		return fail("MATRIX_REQUESTS is not set (see matrix.sh)");
	if ((fp = fopen(path, "r")) == NULL)
		return fail("%s: %s", path, strerror(errno));
	while (fgets(line, sizeof line, fp) != NULL) {
		lineno++;
		if ((p = strchr(line, '\n')) == NULL) {
			fail("%s:%zu: line too long", path, lineno);
			goto out;
		}
		*p = '\0';
		p = line;
		type = strsep(&p, "\t");
		name = strsep(&p, "\t");
		phase = strsep(&p, "\t");
		errno = 0;
		v = strtoul(type, &end, 10);
		if (name == NULL || phase == NULL || *type == '\0' ||
		    *end != '\0' || errno != 0 || v == 0 || v > UINT16_MAX ||
		    (strcmp(phase, "prelogin") != 0 &&
		    strcmp(phase, "login") != 0)) {
			fail("%s:%zu: not a request row", path, lineno);
			goto out;
		}
		if (matrix_nrequests == MATRIX_MAX_REQUESTS) {
			fail("%s: more than %d requests", path,
			    MATRIX_MAX_REQUESTS);
			goto out;
		}
		for (i = 0; i < matrix_nrequests; i++) {
			if (matrix_requests[i].type == v) {
				fail("%s:%zu: type %lu twice", path, lineno, v);
				goto out;
			}
		}
		r = &matrix_requests[matrix_nrequests++];
		r->type = (uint16_t)v;
		strlcpy(r->name, name, sizeof r->name);
		r->want = matrix_find_expected(r->type);
		r->builder = matrix_find_builder(r->type);
	}
	if (ferror(fp)) {
		fail("%s: %s", path, strerror(errno));
		goto out;
	}
	if (matrix_nrequests == 0) {
		fail("%s: no requests", path);
		goto out;
	}
	rv = 0;
out:
	fclose(fp);
	return rv;
}

/* Reads the targets' ids from the environment. */
static int
matrix_targets_load(void)
{
	struct matrix_target	*t;
	const char		*names[4];
	uint32_t		*ids[4];
	const char		*s;
	char			*end;
	unsigned long		 v;
	size_t			 i, j;

	for (i = 0; i < MATRIX_NTARGETS; i++) {
		t = &matrix_targets[i];
		names[0] = t->samorg_env;
		names[1] = t->insats_env;
		names[2] = t->org_env;
		names[3] = MATRIX_DELTAGANDE_ENV;
		ids[0] = &t->samorg;
		ids[1] = &t->insats;
		ids[2] = &t->org;
		ids[3] = &t->deltagande;
		for (j = 0; j < 4; j++) {
			if ((s = getenv(names[j])) == NULL || *s == '\0')
				return fail("%s is not set (see matrix.sh)",
				    names[j]);
			errno = 0;
			v = strtoul(s, &end, 10);
			if (*end != '\0' || errno != 0 || v == 0 ||
			    v > UINT32_MAX)
				return fail("%s=%s is not an id", names[j], s);
			*ids[j] = (uint32_t)v;
		}
	}
	return 0;
}

/* Connects and logs the caller in, checking the roles LOGIN_OK gives. */
static int
matrix_login(struct conn *cn, const struct matrix_caller *c)
{
	struct msg_login_ok	ok;
	int			r;

	memset(&ok, 0, sizeof ok);
	if ((r = conn_open(cn, SUS_PROTO_MAJOR)) != 0) {
		printf("not ok - matrix: connect as %s: %s\n", c->user,
		    sus_strerror(r));
		return -1;
	}
	if ((r = conn_login(cn, c->user, INTEG_DEMO_PASSWORD, &ok)) != 0) {
		printf("not ok - matrix: login as %s: %s\n", c->user,
		    r > 0 ? "refused" : sus_strerror(r));
		conn_close(cn);
		return -1;
	}
	r = 0;
	if (ok.roles != c->roles) {
		/* The expectations of the column assume these roles. */
		printf("not ok - matrix: %s logs in with roles 0x%02x, not "
		    "0x%02x: the demo data changed\n", c->user, ok.roles,
		    c->roles);
		fail("demo user %s has roles 0x%02x", c->user, ok.roles);
	}
	if (ok.flags & LOGIN_F_MUST_CHANGE) {
		printf("not ok - matrix: %s must change password\n", c->user);
		fail("demo user %s must change password", c->user);
	}
	msg_clear(MSG_LOGIN_OK, &ok);
	return r;
}

/*
 * Sends one request and sorts the answer; what describes it for the
 * report. *closed is set when the connection is gone afterwards.
 */
static enum matrix_got
matrix_ask(struct conn *cn, uint16_t type, const void *m, char *what,
    size_t len, int *closed)
{
	struct chan_msg		rm;
	struct msg_err		e;
	enum matrix_got		got;
	uint32_t		id = ++cn->next_id;
	int			r;

	*closed = 0;
	memset(&rm, 0, sizeof rm);
	if ((r = conn_send(cn, type, id, m)) != 0 ||
	    (r = conn_recv(cn, INTEG_REPLY_MS, &rm)) != 0) {
		snprintf(what, len, "no answer: %s", sus_strerror(r));
		*closed = 1;
		return GOT_UNKNOWN;
	}
	if (rm.id != id) {
		snprintf(what, len, "%s for request id %u, not %u",
		    msg_name(rm.type), rm.id, id);
		buf_free(rm.body);
		*closed = 1;
		return GOT_UNKNOWN;
	}
	if (rm.type != MSG_ERR) {
		snprintf(what, len, "%s", msg_name(rm.type));
		buf_free(rm.body);
		/* BYE is answered with BYE, and then the session ends. */
		*closed = rm.type == MSG_BYE;
		return GOT_ALLOWED;
	}
	memset(&e, 0, sizeof e);
	r = msg_decode(MSG_ERR, rm.body, &e);
	buf_free(rm.body);
	if (r != 0) {
		snprintf(what, len, "ERR that does not decode");
		*closed = 1;
		return GOT_UNKNOWN;
	}
	snprintf(what, len, "ERR %u \"%s\"", e.code, e.message);
	switch (e.code) {
	case ERR_FORBIDDEN:
		got = GOT_REFUSED;
		break;
	case ERR_UNAVAILABLE:
	case ERR_PASSWORD_CHANGE:
	case ERR_ENDED:
		/* Stopped before or during authorisation: no verdict. */
		got = GOT_UNKNOWN;
		break;
	default:
		got = GOT_ALLOWED;
		break;
	}
	msg_clear(MSG_ERR, &e);
	return got;
}

/* Whether a want allows the call on target t (0 inside, 1 outside). */
static int
matrix_allows(enum matrix_want w, size_t t)
{
	return w == YES || (w == OWN && t == 0);
}

/*
 * Runs every request of the server's table as every caller on both
 * targets and prints the verdict line. Refusals go to MATRIX_REFUSED
 * (if set) as "user type" lines, for matrix.sh to match with the audit
 * table's "denied" rows.
 */
static int
matrix_run(void)
{
	const struct matrix_caller	*c;
	const struct matrix_target	*t;
	struct matrix_request		*rq;
	union matrix_body		 body;
	struct conn			 cn;
	const void			*m;
	const char			*path;
	enum matrix_got			 got;
	FILE				*refused = NULL;
	char				 what[640];
	size_t				 n = 0, wrong = 0, ci, ri, ti;
	int				 linked = 0, lost = 0, closed, want;
	int				 verbose, rv = -1;

	memset(&cn, 0, sizeof cn);
	cn.fd = -1;
	if (matrix_load() != 0 || matrix_targets_load() != 0)
		return -1;
	verbose = getenv("MATRIX_VERBOSE") != NULL;
	if ((path = getenv("MATRIX_REFUSED")) != NULL && *path != '\0' &&
	    (refused = fopen(path, "w")) == NULL)
		return fail("%s: %s", path, strerror(errno));

	/* A request with no expectation or no body is wrong everywhere. */
	for (ri = 0; ri < matrix_nrequests; ri++) {
		rq = &matrix_requests[ri];
		if (rq->want != NULL && rq->builder != NULL)
			continue;
		printf("not ok - matrix: %s (%u) has no %s in matrix%s: all "
		    "%zu of its cases are wrong\n", rq->name, rq->type,
		    rq->want == NULL ? "expected row" : "body builder",
		    rq->want == NULL ? "_expected.h" : ".c",
		    MATRIX_NCALLERS * MATRIX_NTARGETS);
		n += MATRIX_NCALLERS * MATRIX_NTARGETS;
		wrong += MATRIX_NCALLERS * MATRIX_NTARGETS;
	}

	for (ci = 0; ci < MATRIX_NCALLERS; ci++) {
		c = &matrix_callers[ci];
		for (ri = 0; ri < matrix_nrequests; ri++) {
			rq = &matrix_requests[ri];
			if (rq->want == NULL || rq->builder == NULL)
				continue;
			for (ti = 0; ti < MATRIX_NTARGETS; ti++) {
				t = &matrix_targets[ti];
				n++;
				/* After a failed login the column is lost. */
				if (!linked && !lost) {
					if (matrix_login(&cn, c) == 0)
						linked = 1;
					else
						lost = 1;
				}
				if (!linked) {
					wrong++;
					continue;
				}
				memset(&body, 0, sizeof body);
				m = rq->builder->build(&body, t, c);
				got = matrix_ask(&cn, rq->type, m, what,
				    sizeof what, &closed);
				if (closed) {
					conn_close(&cn);
					linked = 0;
				}
				want = matrix_allows(rq->want->want[c->col],
				    ti);
				if (got == GOT_REFUSED && refused != NULL)
					fprintf(refused, "%s %u\n", c->user,
					    rq->type);
				if (verbose)
					printf("# %s as %s %s: %s\n", rq->name,
					    c->column, t->scope, what);
				if (got == (want ? GOT_ALLOWED : GOT_REFUSED))
					continue;
				wrong++;
				printf("not ok - matrix: %s as %s %s: expected "
				    "%s got %s (%s)\n", rq->name, c->column,
				    t->scope, want ? "allowed" : "refused",
				    got == GOT_ALLOWED ? "allowed" :
				    got == GOT_REFUSED ? "refused" :
				    "no verdict", what);
			}
		}
		if (linked)
			conn_close(&cn);
		linked = lost = 0;
	}
	printf("permission matrix: %zu cases, %zu wrong\n", n, wrong);
	if (refused != NULL) {
		closed = fclose(refused);
		refused = NULL;
		if (closed != 0) {
			fail("%s: %s", path, strerror(errno));
			goto out;
		}
	}
	if (n != matrix_nrequests * MATRIX_NCALLERS * MATRIX_NTARGETS) {
		fail("%zu cases, not requests × callers × targets", n);
		goto out;
	}
	if (wrong != 0) {
		fail("%zu of %zu cases wrong", wrong, n);
		goto out;
	}
	rv = 0;
out:
	if (refused != NULL)
		fclose(refused);
	return rv;
}

/*
 * The other direction: an expected row for a request the server does not
 * have is stale (renamed or retired), and so is a row given twice.
 */
static int
matrix_no_stale(void)
{
	size_t	i, j, nexp;
	int	rv = 0;

	if (matrix_load() != 0)
		return -1;
	nexp = sizeof matrix_expected / sizeof matrix_expected[0];
	for (i = 0; i < nexp; i++) {
		for (j = 0; j < matrix_nrequests; j++) {
			if (matrix_requests[j].type == matrix_expected[i].type)
				break;
		}
		if (j == matrix_nrequests) {
			printf("not ok - matrix: expected row for %s (%u), "
			    "which susd does not have\n",
			    msg_name(matrix_expected[i].type),
			    matrix_expected[i].type);
			rv = fail("expected rows for requests susd lacks");
		}
		for (j = 0; j < i; j++) {
			if (matrix_expected[j].type == matrix_expected[i].type)
				rv = fail("expected row for %s twice",
				    msg_name(matrix_expected[i].type));
		}
		for (j = 0; j < MATRIX_NCOLS; j++) {
			if (matrix_expected[i].want[j] == MATRIX_NONE)
				rv = fail("expected row for %s has an empty "
				    "column",
				    msg_name(matrix_expected[i].type));
		}
	}
	return rv;
}

const struct integ_case cases_matrix[] = {
	{ "matrix", "permission_matrix_every_request_role_and_scope",
	    matrix_run },
	{ "matrix", "permission_matrix_no_stale_expected_rows",
	    matrix_no_stale },
	{ NULL, NULL, NULL }
};
