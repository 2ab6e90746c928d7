# make bench, issue 7: sus import against raw libpq on the same cluster,
# in the same run; sourced by tests/bench/run after stack_start.
#
#	bench_import		prints the settings, then the three lines
#
# BENCH_IMPORT_ROWS (100000), BENCH_IMPORT_BIG (1000000), BENCH_SINGLE
# (2000) and BENCH_HISTORY (20000, participations stored before any path
# starts; see import_setup.sql) change the counts; each must be a
# multiple of the 200 test personnummer. Speed is reported, never
# asserted. This benchmark found two indexes the schema lacked, now in
# schema 0009: audit_person (person_id, txid), for SU063's commit check
# of each person written, which read the whole trail without it, and
# deltagande (person_id, insats_id), for the overlap check (rule 38),
# which read every participation of the person (here each of the 200
# test numbers takes part in thousands).
#
# Rows (tests/bench/rows.h) are numbered through the bench insatser, 200
# per insats, one per person: 0.. the ROWS import, then the BIG import,
# then the single-row rounds. The baselines write the same rows into
# copies of the same database (bench_pipe, bench_copy), made from it
# after the setup, so every path starts from the same state.

. "$SUS_TOP/tests/bench/rss.sh"

BENCH_PNR=$SUS_TOP/tests/data/testpersonnummer.csv

# Prints one figure: rows per second.
bench_rate()
{
	awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0) ? n / s : 0 }'
}

bench_ratio()
{
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'
}

# 100000 -> 100k, 1000000 -> 1M.
bench_k()
{
	if [ $(($1 % 1000000)) -eq 0 ]; then
		echo "$(($1 / 1000000))M"
	else
		echo "$(($1 / 1000))k"
	fi
}

bench_mib()
{
	awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

# The machine and the PostgreSQL settings that matter, as the cluster
# runs them.
bench_settings()
{
	echo "cores: $(nproc) ($(uname -m)); $(pg_test_psql -d sus -At \
	    -c 'SELECT version()' | cut -d, -f1)"
	pg_test_psql -d sus -At -F ' ' -c "SELECT name || '=' || setting ||
	    coalesce(unit, '') FROM pg_settings WHERE name IN
	    ('shared_buffers', 'synchronous_commit', 'fsync',
	    'full_page_writes', 'wal_level', 'max_wal_size', 'work_mem',
	    'maintenance_work_mem', 'effective_cache_size', 'checkpoint_timeout',
	    'autovacuum', 'autovacuum_naptime', 'jit', 'max_connections')
	    ORDER BY name" | paste -sd' ' | fold -s -w 78 |
	    sed 's/^/postgresql: /'
}

# The setup: insatser, the user, the register; ids to $1.
bench_import_setup()
{
	local n=$1 ids=$2

	pg_test_psql -d sus -v insatser="$n" \
	    -v historik="${BENCH_HISTORY:-20000}" -v pnrfil="$BENCH_PNR" \
	    -f "$SUS_TOP/tests/bench/import_setup.sql" >/dev/null || return 1
	pg_test_psql -d sus -At -c "SELECT id FROM insats
	    WHERE namn LIKE 'Bench %' ORDER BY namn" >"$ids" || return 1
	# The schema's own indexes decide the speed of every path alike;
	# say so when the audit check of a person write has none to use.
	if [ "$(pg_test_psql -d sus -At -c "SELECT count(*) FROM pg_indexes
	    WHERE tablename = 'audit_person'
	    AND indexdef LIKE '%(person_id%'")" = 0 ]; then
		echo "bench: warning: audit_person has no index on person_id:" \
		    "SU063's commit check scans it for every person written," \
		    "so every path slows as the table grows"
	fi
	pg_test_createdb bench_pipe sus && pg_test_createdb bench_copy sus
}

# Runs sus import on a file; sets IMP_SECS, IMP_SUS_KB, IMP_SUSD_KB (the
# session's VmRSS, sampled), IMP_PEAK_KB (its ru_maxrss as logged) and
# IMP_OUT (its last line). Returns 2 when sus import is not built yet.
bench_sus_import()
{
	local file=$1 out=$STACK_DIR/import.out t0 t1 rc logn

	logn=$(wc -l <"$STACK_LOG")
	rss_watch_start "$STACK_SUSD_PID" || return 1
	t0=$(date +%s.%N)
	SUS_PASSWORD_FILE=$BENCH_PWFILE "$SUS_TOP/tests/bin/bench_rss" \
	    "$STACK_DIR/sus.rss" "$SUS_TOP/client/sus" import -q \
	    -k "$SUS_KNOWN_SERVERS" "benchansv@$SUS_HOST:$SUS_PORT" "$file" \
	    </dev/null >"$out" 2>&1
	rc=$?
	t1=$(date +%s.%N)
	IMP_SUSD_KB=$(rss_watch_stop)
	IMP_SUS_KB=$(cat "$STACK_DIR/sus.rss" 2>/dev/null || echo 0)
	IMP_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
	IMP_OUT=$(tail -n 1 "$out")
	# The session has logged its peak by the time sus has seen BYE.
	sleep 0.5
	IMP_PEAK_KB=$(tail -n +$((logn + 1)) "$STACK_LOG" |
	    grep -o 'session peak rss [0-9]* KiB' | awk '{ print $4 }' |
	    sort -n | tail -n 1)
	if grep -qi "inte byggt" "$out"; then
		return 2
	fi
	if [ $rc -ne 0 ]; then
		echo "bench: sus import exited $rc: $IMP_OUT" >&2
		tail -n 5 "$out" | sed 's/^/    /' >&2
		return 1
	fi
	return 0
}

bench_import()
{
	local rows=${BENCH_IMPORT_ROWS:-100000} big=${BENCH_IMPORT_BIG:-1000000}
	local single=${BENCH_SINGLE:-2000} ids=$STACK_DIR/bench_ids
	local pipe_conn copy_conn t0 line pipe copy imp imp_big=""
	local susd100 sus100 susd1m sus1m peak100 rc

	for n in "$rows" "$big" "$single"; do
		if [ $((n % 200)) -ne 0 ] || [ "$n" -le 0 ]; then
			echo "bench: counts must be multiples of 200" >&2
			return 1
		fi
	done
	bench_settings
	t0=$(date +%s)
	# The single-row rounds take 2 * single rows: MSG_DELTAGARE_SAVE's
	# and the one-row batches'.
	bench_import_setup $(((rows + big + 2 * single) / 200)) "$ids" ||
	    return 1
	BENCH_PWFILE=$STACK_DIR/password
	(umask 077 && echo demo2026 >"$BENCH_PWFILE")
	"$SUS_TOP/tests/bin/bench_gen" "$BENCH_PNR" "$ids" 0 "$rows" \
	    >"$STACK_DIR/import_small.csv" || return 1
	"$SUS_TOP/tests/bin/bench_gen" "$BENCH_PNR" "$ids" "$rows" "$big" \
	    >"$STACK_DIR/import_big.csv" || return 1
	echo "import setup: $(((rows + big + 2 * single) / 200)) insatser," \
	    "$rows + $big rows of CSV, $(($(date +%s) - t0)) s"

	pipe_conn="host=$PGHOST port=$PGPORT dbname=bench_pipe user=susd"
	copy_conn="host=$PGHOST port=$PGPORT dbname=bench_copy user=postgres"
	line=$("$SUS_TOP/tests/bin/bench_base" pipeline "$pipe_conn" \
	    "$BENCH_PNR" "$ids" 0 "$rows") || return 1
	echo "libpq $line"
	pipe=$(echo "$line" | awk '{ print $NF }')
	line=$("$SUS_TOP/tests/bin/bench_base" copy "$copy_conn" \
	    "$BENCH_PNR" "$ids" 0 "$rows") || return 1
	echo "libpq $line"
	copy=$(echo "$line" | awk '{ print $NF }')

	bench_sus_import "$STACK_DIR/import_small.csv"
	rc=$?
	if [ $rc -eq 2 ]; then
		echo "bench import: sus import is not built yet;" \
		    "pipeline baseline $pipe rows/s; copy limit $copy rows/s"
	elif [ $rc -ne 0 ]; then
		return 1
	else
		imp=$(bench_rate "$rows" "$IMP_SECS")
		susd100=$IMP_SUSD_KB
		sus100=$IMP_SUS_KB
		peak100=$IMP_PEAK_KB
		echo "sus import $rows rows: $IMP_SECS s: $IMP_OUT"
	fi

	line=$("$SUS_TOP/tests/bin/bench_single" "$SUS_HOST" "$SUS_PORT" \
	    "$SUS_KNOWN_SERVERS" benchansv "$STACK_DB_APP" "$pipe_conn" \
	    "$BENCH_PNR" "$ids" $((rows + big)) "$single") || return 1
	echo "$line" | awk '{ printf "single-row round trip, %s rows each:" \
	    " MSG_DELTAGARE_SAVE through susd p50 %s ms p99 %s ms; one-row" \
	    " MSG_BATCH_DELTAGARE (as the grid sends) p50 %s ms p99 %s ms;" \
	    " libpq BEGIN, the 5 writes, COMMIT p50 %s ms p99 %s ms\n",
	    $3, $6, $8, $16, $18, $11, $13 }' | fold -s -w 78

	if [ $rc -eq 0 ]; then
		bench_sus_import "$STACK_DIR/import_big.csv" || return 1
		imp_big=$(bench_rate "$big" "$IMP_SECS")
		susd1m=$IMP_SUSD_KB
		sus1m=$IMP_SUS_KB
		echo "sus import $big rows: $IMP_SECS s ($imp_big rows/s):" \
		    "$IMP_OUT"
		echo "susd session peak as it logs it (ru_maxrss, with the" \
		    "login's 64 MiB argon2id): $(bench_mib "${peak100:-0}")" \
		    "MiB at $(bench_k "$rows"), $(bench_mib "${IMP_PEAK_KB:-0}")" \
		    "MiB at $(bench_k "$big")"
		echo "bench import: $imp rows/s; pipeline baseline $pipe rows/s" \
		    "(ratio $(bench_ratio "$imp" "$pipe")); copy limit $copy" \
		    "rows/s (ratio $(bench_ratio "$imp" "$copy"))"
	fi
	echo "$line" | awk '{ printf "bench single: p50 %s ms p99 %s ms;" \
	    " baseline p50 %s ms p99 %s ms\n", $6, $8, $11, $13 }'
	if [ $rc -eq 0 ]; then
		echo "bench rss: susd $(bench_mib "$susd100") MiB, sus" \
		    "$(bench_mib "$sus100") MiB at $(bench_k "$rows"); susd" \
		    "$(bench_mib "$susd1m") MiB, sus $(bench_mib "$sus1m") MiB" \
		    "at $(bench_k "$big")"
	fi
	rm -f "$STACK_DIR/import_small.csv" "$STACK_DIR/import_big.csv"
	echo "import bench: $(($(date +%s) - t0)) s"
}
