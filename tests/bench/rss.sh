# make bench, issue 7: watches the resident memory of susd's session
# processes; source this file.
#
#	rss_watch_start LISTENER_PID
#	... run the import ...
#	rss_watch_stop		# prints the largest VmRSS seen, in KiB
#
# Sessions are the listener's children. Each is sampled from
# /proc/PID/status every 0.2 s; samples from a session's first two
# seconds are left out, since the login's argon2id check alone takes
# 64 MiB for a moment and would hide what the import itself uses. (The
# session's own peak, with that moment, is in susd's log: "session peak
# rss".)

RSS_WATCH_PID=
RSS_WATCH_OUT=

rss_watch_loop()
{
	local parent=$1 out=$2 max=0 c kb now
	declare -A seen=()

	while :; do
		now=$(date +%s%N)
		for c in $(pgrep -P "$parent" 2>/dev/null); do
			[ -n "${seen[$c]:-}" ] || seen[$c]=$now
			[ $((now - ${seen[$c]})) -ge 2000000000 ] || continue
			kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$c/status" \
			    2>/dev/null)
			if [ -n "$kb" ] && [ "$kb" -gt "$max" ]; then
				max=$kb
				echo "$max" >"$out"
			fi
		done
		sleep 0.2
	done
}

rss_watch_start()
{
	RSS_WATCH_OUT=$(mktemp /tmp/sus-bench-rss.XXXXXX) || return 1
	echo 0 >"$RSS_WATCH_OUT"
	rss_watch_loop "$1" "$RSS_WATCH_OUT" &
	RSS_WATCH_PID=$!
}

rss_watch_stop()
{
	if [ -n "$RSS_WATCH_PID" ]; then
		kill "$RSS_WATCH_PID" 2>/dev/null
		wait "$RSS_WATCH_PID" 2>/dev/null
		RSS_WATCH_PID=
	fi
	cat "$RSS_WATCH_OUT"
	rm -f "$RSS_WATCH_OUT"
}
