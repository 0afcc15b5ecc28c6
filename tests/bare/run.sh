#!/bin/sh
# run.sh MINIDISCO SRCDIR PROGRAM.elf... - run the bare-metal klib tests.
#
# A program NAME passes when it powers off with status 0 and prints
# "bare NAME: N passed, 0 failed".  SRCDIR/NAME.expect, if present, says
# otherwise, one directive a line ('#' starts a comment):
#   status N        the exit status the run must end with
#   output TEXT     a line containing TEXT must appear (fixed string)
#   run ARGS        one more run, with these emulator options; it is
#                   skipped while the emulator's --help lacks ARGS's first
#                   option
# One line per run, then "bare: N passed, M failed"; exit 1 on a failure.
# Environment: BARE_MAX_INSNS (default 200000000), BARE_TIMEOUT seconds of
# host time per run (default 120).

if [ $# -lt 2 ]; then
	echo "usage: $0 MINIDISCO SRCDIR PROGRAM.elf..." >&2
	exit 2
fi
emu=$1
src=$2
shift 2
if [ ! -x "$emu" ]; then
	echo "run.sh: emulator '$emu' not found or not executable" >&2
	exit 2
fi
max=${BARE_MAX_INSNS:-200000000}
limit=${BARE_TIMEOUT:-120}
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
help=$("$emu" --help 2>&1)
pass=0
fail=0

# check NAME EXPECTFILE STATUS: print why the run in $log failed, if it did.
check() {
	if [ ! -f "$2" ]; then
		[ "$3" -eq 0 ] || { echo "status $3, expected 0"; return; }
		grep -qE "^bare $1: [0-9]+ passed, 0 failed$" "$log" ||
			echo "no line 'bare $1: N passed, 0 failed'"
		return
	fi
	want=$(sed -n 's/^status //p' "$2")
	[ "$3" -eq "${want:-0}" ] || { echo "status $3, expected ${want:-0}"; return; }
	sed -n 's/^output //p' "$2" | while IFS= read -r text; do
		grep -qF -- "$text" "$log" || { echo "missing: $text"; break; }
	done
}

# run_one NAME ELF ARGS: run ELF once with ARGS and report.
run_one() {
	label=$1${3:+ [$3]}
	first=${3%% *}
	if [ -n "$first" ] && ! printf '%s\n' "$help" | grep -q -- "$first"; then
		echo "SKIP $label (the emulator has no $first yet)"
		return
	fi
	# shellcheck disable=SC2086 # ARGS are words
	timeout "$limit" "$emu" $3 --kernel "$2" --max-insns "$max" \
		>"$log" 2>&1 </dev/null
	status=$?
	case $status in
	124) why="killed after ${limit}s of host time" ;;
	*) why=$(check "$1" "$src/$1.expect" "$status") ;;
	esac
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		echo "PASS $label"
		return
	fi
	fail=$((fail + 1))
	[ $status -eq 3 ] && why="$why (--max-insns $max ran out)"
	echo "FAIL $label: $why"
	sed -n '1,40s/^/    /p' "$log"
}

for elf in "$@"; do
	name=$(basename "$elf" .elf)
	run_one "$name" "$elf" ""
	[ -f "$src/$name.expect" ] || continue
	sed -n 's/^run //p' "$src/$name.expect" >"$log.runs"
	while IFS= read -r args; do
		run_one "$name" "$elf" "$args"
	done <"$log.runs"
	rm -f "$log.runs"
done
echo "bare: $pass passed, $fail failed"
[ $fail -eq 0 ]
