#!/usr/bin/env bash
# make bench, issue 9: every report at national level over five years on a
# national dataset, through susd against the same SQL over raw libpq, in
# the same run on the same cluster; sourced by tests/bench/run after
# stack_start (and after the import benchmark), or run alone:
#
#	tests/bench/report.sh [only]	(make first; only: "insats" or
#					 "insats/typ")
#
#	bench_report [only]	makes the dataset, prints its size and how
#				long it took, then one line per rapporttyp:
#				bench report NAME/TYP: X ms; sql Y ms (ratio R)
#
# The dataset (tests/bench/report_gen.sql) goes into a database of its
# own, bench_rapport, migrated and given the demo data like the stack's,
# so the import benchmark's rows stay out of it; susd is restarted on it.
# BENCH_REPORT_FORBUND (80), BENCH_REPORT_INSATSER (2000),
# BENCH_REPORT_DELTAGANDE (1000000) and BENCH_REPORT_ARENDEN (100000)
# change the size; BENCH_REPORT_FROM and BENCH_REPORT_TOM (2021-01-01,
# 2025-12-31) the period. Speed is reported, never asserted.
#
# How the bare SQL is found (the statements the report ran, read from
# PostgreSQL's log) and timed: tests/bench/report_run.c.

BENCH_REPORT_DB=bench_rapport

bench_report_db()
{
	local db=$1 admin

	admin="host=$PGHOST port=$PGPORT dbname=$db user=postgres"
	pg_test_createdb "$db" || return 1
	"$SUSD" -f /dev/null -o state_dir="$STACK_DIR/state" \
	    -o database="$admin" migrate >"$STACK_DIR/rapport_migrate.log" \
	    2>&1 || { cat "$STACK_DIR/rapport_migrate.log" >&2; return 1; }
	"$SUSD" -f /dev/null -o state_dir="$STACK_DIR/state" \
	    -o database="$admin" demo >"$STACK_DIR/rapport_demo.log" 2>&1 ||
	    { cat "$STACK_DIR/rapport_demo.log" >&2; return 1; }
}

# Restarts susd on database $1 and pins its key at the new port.
bench_report_susd()
{
	local db=$1 pub

	stack_susd_stop
	STACK_DB_APP="host=$PGHOST port=$PGPORT dbname=$db user=susd"
	STACK_DB_ADMIN="host=$PGHOST port=$PGPORT dbname=$db user=postgres"
	export STACK_DB_APP STACK_DB_ADMIN
	stack_susd_start || return 1
	pub=$("$SUSD" -f /dev/null -o state_dir="$STACK_DIR/state" pubkey \
	    2>/dev/null) || return 1
	echo "$SUS_HOST:$SUS_PORT $pub" >"$SUS_KNOWN_SERVERS"
}

bench_report()
{
	local only=${1:-} db=$BENCH_REPORT_DB t0 t1 secs
	local from=${BENCH_REPORT_FROM:-2021-01-01}
	local tom=${BENCH_REPORT_TOM:-2025-12-31}

	t0=$(date +%s.%N)
	bench_report_db "$db" || return 1
	t1=$(date +%s.%N)
	pg_test_psql -d "$db" -v forbund="${BENCH_REPORT_FORBUND:-80}" \
	    -v insatser="${BENCH_REPORT_INSATSER:-2000}" \
	    -v deltagande="${BENCH_REPORT_DELTAGANDE:-1000000}" \
	    -v arenden="${BENCH_REPORT_ARENDEN:-100000}" \
	    -v pnrfil="$SUS_TOP/tests/data/testpersonnummer.csv" \
	    -f "$SUS_TOP/tests/bench/report_gen.sql" -At -F ' ' \
	    >"$STACK_DIR/rapport_gen.out" || return 1
	secs=$(awk -v a="$t1" -v b="$(date +%s.%N)" \
	    'BEGIN { printf "%.1f", b - a }')
	tail -n 1 "$STACK_DIR/rapport_gen.out" | awk -v s="$secs" '{
	    printf "report dataset: %s förbund, %s insatser, %s deltaganden" \
	    " (%s mättillfällen), %s volymrader, %s anonyma, %s Af/FK-" \
	    "ärenden (%s perioder, %s svar); generated in %s s\n",
	    $1, $2, $3, $4, $5, $6, $7, $8, $9, s }' | fold -s -w 78
	echo "report database: $(pg_test_psql -d "$db" -At -c \
	    "SELECT pg_size_pretty(pg_database_size(current_database()))");" \
	    "migrated with demo data in $(awk -v a="$t0" -v b="$t1" \
	    'BEGIN { printf "%.1f", b - a }') s"

	bench_report_susd "$db" || return 1
	"$SUS_TOP/tests/bin/bench_report" "$SUS_HOST" "$SUS_PORT" \
	    "$SUS_KNOWN_SERVERS" rapport "$STACK_DB_APP" "$STACK_DB_ADMIN" \
	    "$PG_TEST_DIR/log" "$from" "$tom" ${only:+"$only"} || return 1
	echo "report bench: $(($(date +%s) - ${t0%.*})) s"
}

# Run alone: a stack of its own with the optimised susd.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -u
	cd "$(dirname "$0")/../.." || exit 1
	export SUS_TOP=$(pwd)
	export SUSD=$SUS_TOP/server/susd
	. tests/lib/stack.sh
	. tests/bench/import.sh
	stack_start bench_report || exit 1
	trap stack_stop EXIT
	bench_settings
	bench_report "${1:-}" || exit 1
fi
