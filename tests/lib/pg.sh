# Throwaway PostgreSQL clusters for the test layers; source this file.
#
#	. tests/lib/pg.sh
#	pg_test_start "$tmp/pg" || exit 1
#	trap pg_test_cleanup EXIT
#	pg_test_createdb tmpl && pg_test_psql -d tmpl -c 'select 1'
#	pg_test_createdb t1 tmpl
#	pg_test_stop
#
# One cluster per test run, one database per test file copied from a
# migrated template: a fresh cluster costs ~1.6 s, a template copy ~35 ms.
# The cluster listens on a Unix socket only and trusts every local
# connection, so it must never hold anything but test data.
#
# PostgreSQL refuses to run as root, so as root the server runs as the
# "postgres" account (override with PG_TEST_OWNER) and clients connect with
# -U postgres; as a normal user everything runs as that user. The
# superuser is named "postgres" in both cases (initdb -U postgres), so
# callers can always use PGUSER=postgres.
#
# The socket directory is 0700 unless PG_TEST_SOCK_MODE says otherwise
# (tests/lib/stack.sh opens it to susd's unprivileged account as root).
#
# Functions return non-zero and print the log tail to stderr on failure;
# callers decide whether to exit ("pg_test_start DIR || exit 1").
#
# Exported after pg_test_start: PGHOST (the socket directory, absolute),
# PGPORT, PGUSER, PGDATABASE=postgres, PG_TEST_DIR, PG_TEST_BINDIR.

# Finds the PostgreSQL server binaries: $PG_TEST_BINDIR, the highest
# /usr/lib/postgresql/*/bin, or pg_config --bindir.
pg_test_bindir()
{
	local d best="" v bestv=0

	if [ -n "${PG_TEST_BINDIR:-}" ] && [ -x "$PG_TEST_BINDIR/initdb" ]; then
		printf '%s\n' "$PG_TEST_BINDIR"
		return 0
	fi
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] || continue
		v=${d#/usr/lib/postgresql/}
		v=${v%/bin}
		case $v in *[!0-9]*) continue ;; esac
		if [ "$v" -gt "$bestv" ]; then
			bestv=$v
			best=$d
		fi
	done
	if [ -z "$best" ] && command -v pg_config >/dev/null 2>&1; then
		best=$(pg_config --bindir 2>/dev/null)
		[ -x "$best/initdb" ] || best=""
	fi
	if [ -z "$best" ]; then
		echo "pg.sh: no PostgreSQL server binaries found" >&2
		return 1
	fi
	printf '%s\n' "$best"
}

# Runs a command as the cluster owner, from a directory it can read.
pg_test_as_owner()
{
	if [ "$(id -u)" -eq 0 ]; then
		(cd /tmp && runuser -u "${PG_TEST_OWNER:-postgres}" -- "$@")
	else
		"$@"
	fi
}

# Prints the last lines of the server log to stderr.
pg_test_log_tail()
{
	local log="${PG_TEST_DIR:-}/log"

	if [ -n "${PG_TEST_DIR:-}" ] && [ -f "$log" ]; then
		echo "pg.sh: last lines of $log:" >&2
		tail -n 20 "$log" | sed 's/^/    /' >&2
	fi
}

# Creates DIR if missing, owned by the cluster owner, with mode MODE.
pg_test_mkdir()
{
	local dir=$1 mode=$2

	if [ "$(id -u)" -eq 0 ]; then
		install -d -o "${PG_TEST_OWNER:-postgres}" -m "$mode" "$dir"
	else
		install -d -m "$mode" "$dir"
	fi
}

# Creates (first time) and starts a cluster in DIR; reuses a running one.
pg_test_start()
{
	local dir=$1 bindir out owner=${PG_TEST_OWNER:-postgres}

	if [ -z "$dir" ]; then
		echo "usage: pg_test_start DIR" >&2
		return 2
	fi
	bindir=$(pg_test_bindir) || return 1
	mkdir -p "$dir" || return 1
	dir=$(cd "$dir" && pwd) || return 1

	export PG_TEST_DIR="$dir"
	export PG_TEST_BINDIR="$bindir"
	export PGHOST="$dir/sock"
	export PGPORT="${PGPORT:-5432}"
	export PGUSER=postgres
	export PGDATABASE=postgres

	if [ "$(id -u)" -eq 0 ]; then
		# The owner must be able to reach DIR itself.
		chmod 755 "$dir" || return 1
	fi
	pg_test_mkdir "$dir/sock" "${PG_TEST_SOCK_MODE:-700}" || return 1
	if [ ! -f "$dir/log" ]; then
		: >"$dir/log" || return 1
		[ "$(id -u)" -ne 0 ] || chown "$owner" "$dir/log" || return 1
	fi

	if [ ! -f "$dir/data/PG_VERSION" ]; then
		pg_test_mkdir "$dir/data" 700 || return 1
		if ! out=$(pg_test_as_owner "$bindir/initdb" -D "$dir/data" \
		    -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
		    --no-sync 2>&1); then
			echo "pg.sh: initdb failed in $dir/data:" >&2
			printf '%s\n' "$out" | tail -n 20 >&2
			return 1
		fi
		cat >>"$dir/data/postgresql.conf" <<-EOF
		# Test cluster: socket only, no durability needed.
		listen_addresses = ''
		unix_socket_directories = '$dir/sock'
		port = $PGPORT
		fsync = off
		synchronous_commit = off
		full_page_writes = off
		max_connections = 50
		shared_buffers = 32MB
		EOF
	fi

	if pg_test_as_owner "$bindir/pg_ctl" -D "$dir/data" status \
	    >/dev/null 2>&1; then
		return 0
	fi
	if ! pg_test_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" \
	    -w -t 60 -s start >/dev/null 2>&1; then
		echo "pg.sh: could not start PostgreSQL in $dir/data" >&2
		pg_test_log_tail
		return 1
	fi
}

# Stops the cluster started by pg_test_start (fast shutdown).
pg_test_stop()
{
	local dir=${1:-${PG_TEST_DIR:-}} bindir

	if [ -z "$dir" ] || [ ! -f "$dir/data/PG_VERSION" ]; then
		return 0
	fi
	bindir=${PG_TEST_BINDIR:-$(pg_test_bindir)} || return 1
	if ! pg_test_as_owner "$bindir/pg_ctl" -D "$dir/data" status \
	    >/dev/null 2>&1; then
		return 0
	fi
	if ! pg_test_as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w \
	    -t 60 -s stop >/dev/null 2>&1; then
		echo "pg.sh: could not stop PostgreSQL in $dir/data" >&2
		pg_test_log_tail
		return 1
	fi
}

# Trap-friendly stop: never fails and keeps the caller's exit status.
pg_test_cleanup()
{
	local rc=$?

	pg_test_stop >/dev/null 2>&1 || true
	return $rc
}

# Runs psql against the test cluster as the superuser, stopping on errors.
pg_test_psql()
{
	if [ -z "${PGHOST:-}" ]; then
		echo "pg.sh: pg_test_psql before pg_test_start" >&2
		return 1
	fi
	"${PG_TEST_BINDIR:-$(pg_test_bindir)}/psql" -X -q -v ON_ERROR_STOP=1 \
	    -U postgres "$@"
}

# Creates database NAME, empty or as a copy of TEMPLATE; replaces an old NAME.
pg_test_createdb()
{
	local name=$1 template=${2:-template0} out

	if [ -z "$name" ]; then
		echo "usage: pg_test_createdb NAME [TEMPLATE]" >&2
		return 2
	fi
	# Identifiers are quoted by psql's :"var" so any name is safe.
	if ! out=$(pg_test_psql -d postgres -v db="$name" -v tmpl="$template" \
	    2>&1 <<-'EOF'
	DROP DATABASE IF EXISTS :"db";
	CREATE DATABASE :"db" TEMPLATE :"tmpl";
	EOF
	); then
		echo "pg.sh: cannot create database $name from $template:" >&2
		printf '%s\n' "$out" >&2
		pg_test_log_tail
		return 1
	fi
}

# Drops database NAME if it exists.
pg_test_dropdb()
{
	printf '%s\n' 'DROP DATABASE IF EXISTS :"db";' |
	    pg_test_psql -d postgres -v db="$1" >/dev/null
}

# Prints a libpq connection string for database NAME on the test cluster.
pg_test_conninfo()
{
	printf 'host=%s port=%s user=postgres dbname=%s\n' "$PGHOST" \
	    "$PGPORT" "${1:-postgres}"
}
