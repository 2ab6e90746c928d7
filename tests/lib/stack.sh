# A whole sus stack for integration and TUI tests; source this file.
#
#	. tests/lib/stack.sh
#	stack_start NAME [-o key=value ...] || exit 1
#	trap stack_stop EXIT
#
# Needs $SUSD (the server binary, normally the sanitizer build). After
# stack_start: SUS_HOST, SUS_PORT, SUS_KNOWN_SERVERS (a pin file holding
# the server's key), STACK_DIR, STACK_LOG (susd's log), STACK_DB_APP and
# STACK_DB_ADMIN (conninfo strings), and STACK_SUSD_PID.
#
# susd is started as the calling user; when that is root it drops to the
# _susd account, as in production (stack_accounts creates it). The
# database is a real PostgreSQL cluster from tests/lib/pg.sh, whose socket
# directory _susd may then pass, and susd listens on a random loopback
# port.

. "$(dirname "${BASH_SOURCE[0]}")/pg.sh"

# susd works in Swedish time (server/db.c sets Europe/Stockholm on every
# connection); the tests' own clocks must agree, or "today" differs from
# susd's between midnight in Sweden and midnight UTC: psql for
# current_date, the C client and the shell for theirs.
export TZ=Europe/Stockholm PGTZ=Europe/Stockholm

# susd takes its migrations and demo data from this checkout.
export SUSD_SCHEMA_DIR=${SUS_TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}/schema

# As root, creates the unprivileged account susd drops to, as susd(8)
# tells an operator to; a normal user needs none.
stack_accounts()
{
	[ "$(id -u)" -eq 0 ] || return 0
	id -u _susd >/dev/null 2>&1 && return 0
	useradd --system --no-create-home --home-dir /nonexistent \
	    --shell /usr/sbin/nologin _susd
}

# Starts susd with the given extra -o options; waits until it listens.
stack_susd_start()
{
	local tries=0 port

	while [ $tries -lt 20 ]; do
		port=$(( (RANDOM % 30000) + 20000 ))
		: >"$STACK_LOG"
		"$SUSD" -f /dev/null -o state_dir="$STACK_DIR/state" \
		    -o listen=127.0.0.1 -o port="$port" \
		    -o database="$STACK_DB_APP" \
		    -o admin_database="$STACK_DB_ADMIN" "$@" \
		    >>"$STACK_LOG" 2>&1 &
		STACK_SUSD_PID=$!
		local i=0
		while [ $i -lt 100 ]; do
			if grep -q "listening on" "$STACK_LOG"; then
				SUS_PORT=$port
				export SUS_PORT STACK_SUSD_PID
				return 0
			fi
			kill -0 "$STACK_SUSD_PID" 2>/dev/null || break
			sleep 0.05
			i=$((i + 1))
		done
		kill "$STACK_SUSD_PID" 2>/dev/null
		wait "$STACK_SUSD_PID" 2>/dev/null
		grep -q "cannot listen" "$STACK_LOG" || break
		tries=$((tries + 1))
	done
	echo "stack.sh: susd did not start; its log:" >&2
	sed 's/^/    /' "$STACK_LOG" >&2
	return 1
}

# Stops susd (SIGTERM) and waits for it.
stack_susd_stop()
{
	if [ -n "${STACK_SUSD_PID:-}" ]; then
		kill "$STACK_SUSD_PID" 2>/dev/null
		wait "$STACK_SUSD_PID" 2>/dev/null
		STACK_SUSD_PID=
	fi
}

# Starts the cluster, a migrated database with demo data, and susd.
stack_start()
{
	local name=${1:-stack} pub sockmode=700
	[ $# -gt 0 ] && shift
	# SUS_TEST_OUT lets several test runs share a checkout at once.
	STACK_DIR=${SUS_TEST_OUT:-$SUS_TOP/tests/out}/$name
	STACK_LOG=$STACK_DIR/susd.log
	rm -rf "$STACK_DIR"
	mkdir -p "$STACK_DIR/state"
	chmod 755 "$STACK_DIR"
	# As root the cluster runs as postgres, which must be able to reach
	# its directory: the checkout may sit under a 0700 home (/root), so
	# the cluster goes to a scratch directory of its own under /tmp.
	# The sessions, as _susd, connect through the socket directory, so
	# it must be passable; the test cluster trusts whoever gets through,
	# which is fine for test data only.
	if [ "$(id -u)" -eq 0 ]; then
		stack_accounts || return 1
		STACK_PG=$(mktemp -d /tmp/sus-stack.XXXXXX) || return 1
		chmod 755 "$STACK_PG"
		sockmode=711
	else
		STACK_PG=$STACK_DIR
	fi
	export STACK_PG
	PG_TEST_SOCK_MODE=$sockmode pg_test_start "$STACK_PG/pg" || return 1
	pg_test_createdb sus || return 1
	STACK_DB_ADMIN="host=$PGHOST port=$PGPORT dbname=sus user=postgres"
	STACK_DB_APP="host=$PGHOST port=$PGPORT dbname=sus user=susd"
	export STACK_DIR STACK_LOG STACK_DB_ADMIN STACK_DB_APP
	"$SUSD" -f /dev/null -o state_dir="$STACK_DIR/state" \
	    -o database="$STACK_DB_ADMIN" migrate >"$STACK_DIR/migrate.log" 2>&1 ||
	    { cat "$STACK_DIR/migrate.log" >&2; return 1; }
	pg_test_psql -d sus -q -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM
	    pg_roles WHERE rolname = 'susd') THEN CREATE ROLE susd LOGIN
	    IN ROLE sus_app; END IF; END \$\$" >/dev/null || return 1
	"$SUSD" -f /dev/null -o state_dir="$STACK_DIR/state" \
	    -o database="$STACK_DB_ADMIN" demo >"$STACK_DIR/demo.log" 2>&1 ||
	    { cat "$STACK_DIR/demo.log" >&2; return 1; }
	"$SUSD" -f /dev/null -o state_dir="$STACK_DIR/state" keygen \
	    >/dev/null 2>&1 || return 1
	stack_susd_start "$@" || return 1
	SUS_HOST=127.0.0.1
	pub=$("$SUSD" -f /dev/null -o state_dir="$STACK_DIR/state" pubkey \
	    2>/dev/null) || return 1
	SUS_KNOWN_SERVERS=$STACK_DIR/known_servers
	echo "$SUS_HOST:$SUS_PORT $pub" >"$SUS_KNOWN_SERVERS"
	export SUS_HOST SUS_KNOWN_SERVERS
}

# Stops susd and the cluster.
stack_stop()
{
	stack_susd_stop
	pg_test_stop >/dev/null 2>&1
	if [ -n "${STACK_PG:-}" ] && [ "$STACK_PG" != "${STACK_DIR:-}" ]; then
		rm -rf "$STACK_PG"
	fi
	STACK_PG=
}
