# Counts official test personnummer and samordningsnummer in files; source
# this file.
#
#	. tests/lib/pnrscan.sh
#	pnrscan_init "$scratch" || not_ok ...	(once, not in a subshell)
#	n=$(pnrscan "$log" "$errors")
#
# The numbers are those of tests/data/*.csv (first column, twelve digits;
# the tests use no others). Each is looked for in every form a person might
# write or a program print it: YYYYMMDDNNNC, YYMMDDNNNC, YYMMDD-NNNC,
# YYMMDD+NNNC and YYYYMMDD-NNNC. The ten-digit form is inside the twelve,
# and YYMMDD-NNNC inside YYYYMMDD-NNNC, so three fixed strings per number
# find all five, and one grep -F over a pattern file built once does the
# whole scan. A masked number (********-NNNC) is not a hit.
#
# Environment: SUS_TEST_DATA (default: tests/data beside this file).

# Writes the pattern file into directory $1 (default: a new one under
# /tmp, left to the caller) and sets PNRSCAN_PATTERNS to it. Fails when
# there are no numbers.
pnrscan_init()
{
	local data=${SUS_TEST_DATA:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../data" && pwd)}
	local dir=${1:-} f

	if [ -z "$dir" ]; then
		dir=$(mktemp -d /tmp/sus-pnrscan.XXXXXX) || return 1
	fi
	PNRSCAN_PATTERNS=$dir/pnrscan.patterns
	for f in "$data"/*.csv; do
		[ -f "$f" ] || continue
		cut -d';' -f1 "$f"
	done | tr -d '\r' | grep -E '^[0-9]{12}$' | sort -u |
	    sed -E 's/^..(.{6})(.{4})$/\1\2\n\1-\2\n\1+\2/' >"$PNRSCAN_PATTERNS"
	if [ ! -s "$PNRSCAN_PATTERNS" ]; then
		echo "pnrscan: no numbers in $data/*.csv" >&2
		PNRSCAN_PATTERNS=
		return 1
	fi
}

# Prints how many times any of the numbers occurs in the files given
# (a file that does not exist counts as empty). Builds the patterns first
# if pnrscan_init was not called. Fails, printing nothing, when there are
# no numbers to look for.
pnrscan()
{
	local f files=() tmp=""

	if [ -z "${PNRSCAN_PATTERNS:-}" ] || [ ! -s "$PNRSCAN_PATTERNS" ]; then
		tmp=$(mktemp -d /tmp/sus-pnrscan.XXXXXX) || return 1
		if ! pnrscan_init "$tmp"; then
			rm -rf "$tmp"
			return 1
		fi
	fi
	for f in "$@"; do
		[ -f "$f" ] && files+=("$f")
	done
	if [ ${#files[@]} -eq 0 ]; then
		echo 0
	else
		LC_ALL=C grep -ohaF -f "$PNRSCAN_PATTERNS" -- "${files[@]}" |
		    wc -l | tr -d ' '
	fi
	if [ -n "$tmp" ]; then
		rm -rf "$tmp"
		PNRSCAN_PATTERNS=
	fi
	return 0
}
