#!/bin/sh
# run.sh MINIDISCO TEST.elf... - run self-checking MIPS test programs.
#
# Each program runs alone on the emulator; it passes when it powers the
# machine off with status 0.  One line per program, then the summary
# "asm: N passed, M failed"; the exit status is 1 if any program failed.
# A failing program's console output (its "FAIL check N" line) and the
# emulator's messages are shown under its line.
#
# Environment: ASM_MAX_INSNS (default 20000000), ASM_TIMEOUT seconds of
# host time per program (default 120).

if [ $# -lt 1 ]; then
	echo "usage: $0 MINIDISCO TEST.elf..." >&2
	exit 2
fi
emu=$1
shift
if [ ! -x "$emu" ]; then
	echo "run.sh: emulator '$emu' not found or not executable" >&2
	exit 2
fi
max=${ASM_MAX_INSNS:-20000000}
limit=${ASM_TIMEOUT:-120}
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT

pass=0
fail=0
for elf in "$@"; do
	name=$(basename "$elf" .elf)
	timeout "$limit" "$emu" --kernel "$elf" --max-insns "$max" \
		>"$log" 2>&1 </dev/null
	status=$?
	if [ $status -eq 0 ]; then
		pass=$((pass + 1))
		echo "PASS $name"
		continue
	fi
	fail=$((fail + 1))
	case $status in
	3) why="status 3: --max-insns $max ran out" ;;
	4) why="status 4: fatal machine condition" ;;
	124) why="killed after ${limit}s of host time" ;;
	*) why="status $status" ;;
	esac
	echo "FAIL $name ($why)"
	sed -n '1,20s/^/    /p' "$log"
done
echo "asm: $pass passed, $fail failed"
[ $fail -eq 0 ]
