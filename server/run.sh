#!/usr/bin/env bash
# make run: start susd on the embedded default (a private PostgreSQL
# cluster under ./var, created on first run and kept), load the demo data,
# and open the client. Quitting the client stops what this started.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
# The migrations and demo data of this checkout, not an installed copy.
export SUSD_SCHEMA_DIR=$top/schema
state=$top/var
port=${SUS_PORT:-4646}
log=$state/susd.log

mkdir -p "$state"
chmod 711 "$state"

# As root susd serves as _susd and the cluster runs as postgres; a
# normal user runs everything as itself. The sessions' account is made
# here on first use, as susd(8) says to.
if [ "$(id -u)" -eq 0 ] && ! id -u _susd >/dev/null 2>&1; then
	useradd --system --no-create-home --home-dir /nonexistent \
	    --shell /usr/sbin/nologin _susd
	echo "Skapade kontot _susd, som susd:s sessioner körs som."
fi

# Neither account can pass a 0700 home such as /root. Then the cluster
# lives where both can reach it, and ./var/pg links to it; susd follows
# the link.
if [ "$(id -u)" -eq 0 ] && [ ! -e "$state/pg" ] &&
    { ! runuser -u postgres -- test -x "$state" 2>/dev/null ||
    ! runuser -u _susd -- test -x "$state" 2>/dev/null; }; then
	real=/var/lib/sus/run-$(printf '%s' "$top" | sha256sum | cut -c1-12)
	install -d -m 711 /var/lib/sus "$real"
	ln -s "$real" "$state/pg"
	echo "postgres eller _susd når inte $top; klustret ligger i $real (länkat från var/pg)"
fi

opts=(-f /dev/null -o state_dir="$state" -o listen=127.0.0.1
    -o port="$port" -o log_file="$log")
susd()
{
	"$top/server/susd" "${opts[@]}" "$@"
}

# A port already taken is most often an earlier make run still running.
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
	echo "Port $port används redan. Avsluta den andra sus-servern eller" \
	    "kör: SUS_PORT=4647 make run" >&2
	exit 1
fi

echo "Startar susd (första gången skapas databasen i ./var, det tar en stund)..."
: >>"$log"
seen=$(grep -c "listening on" "$log" || true)
# susd's standard error goes through a FIFO: the keeper process, which
# stops the cluster after susd has exited (also after a crash), keeps it
# open until the cluster is down, so the reader's end says when it is.
errfifo=$state/susd.stderr
rm -f "$errfifo"
mkfifo -m 600 "$errfifo"
cat "$errfifo" >&2 &
errpid=$!
# Not through the function: $! must be susd itself, to signal it.
"$top/server/susd" "${opts[@]}" serve 2>"$errfifo" &
pid=$!
stop()
{
	local i=0

	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	while kill -0 "$errpid" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 900 ]; then
			echo "klustret stoppades inte inom 90 s; se $log" >&2
			break
		fi
		sleep 0.1
	done
	rm -f "$errfifo"
}
trap stop EXIT INT TERM

i=0
until [ "$(grep -c "listening on" "$log" || true)" -gt "$seen" ]; do
	if ! kill -0 "$pid" 2>/dev/null; then
		echo "susd kunde inte starta; se $log:" >&2
		tail -n 20 "$log" >&2
		exit 1
	fi
	i=$((i + 1))
	[ $i -gt 600 ] && { echo "susd startade inte inom 60 s" >&2; exit 1; }
	sleep 0.1
done

# The demo data is idempotent; the running cluster is reused.
susd demo >/dev/null 2>>"$log" || { echo "demodata kunde inte laddas; se $log" >&2; exit 1; }

# This key was made here a moment ago, so pin it instead of asking.
pins=$state/known_servers
echo "127.0.0.1:$port $(susd pubkey 2>/dev/null)" >"$pins"

cat <<MSG

sus körs på 127.0.0.1:$port. Demoinloggningar (lösenord demo2026):
  admin         Superadministratör
  samadm        Samverkansadministratör
  insatsansv    Insatsansvarig
  deltagaransv  Deltagaransvarig
  rapport       SUSrapport
MSG
SUS_KNOWN_SERVERS=$pins "$top/client/sus" "127.0.0.1:$port" || true
