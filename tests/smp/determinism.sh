#!/bin/bash
# tests/smp/determinism.sh - two runs of the same SMP program with the
# same inputs must write byte-identical console output and --stats files.
#
# usage: tests/smp/determinism.sh MINIDISCO SCRATCH_DIR SMP_IMAGES_DIR
# Each case runs twice and compares with cmp; a last check makes sure
# the comparison can fail (8 and 32 CPUs must give different statistics).
# Prints one line per case, then "determinism: N passed, M failed".

MD=$1
S=$2/det
T=$3
if [ -z "$MD" ] || [ -z "$2" ] || [ -z "$T" ]; then
	echo "usage: $0 MINIDISCO SCRATCH_DIR SMP_IMAGES_DIR" >&2
	exit 2
fi
mkdir -p "$S" || exit 2
pass=0
fail=0

# result NAME WHY: count one check (WHY empty = passed).
result() {
	if [ -z "$2" ]; then
		echo "ok   $1"
		pass=$((pass + 1))
	else
		echo "FAIL $1: $2"
		fail=$((fail + 1))
	fi
}

# twice NAME ARGS...: run twice into $S/NAME.{1,2}.{out,json}, compare.
twice() {
	local name=$1 why="" k
	shift
	for k in 1 2; do
		timeout 120 "$MD" --stats "$S/$name.$k.json" "$@" </dev/null \
			>"$S/$name.$k.out" 2>&1 || why="run $k: exit status $?"
	done
	[ -s "$S/$name.1.out" ] || why="${why:+$why; }no console output"
	cmp -s "$S/$name.1.out" "$S/$name.2.out" ||
		why="${why:+$why; }console output differs"
	cmp -s "$S/$name.1.json" "$S/$name.2.json" ||
		why="${why:+$why; }--stats differ"
	result "$name: identical output and --stats" "$why"
}

M32="--nodes 8 --cpus-per-node 4 --mem-per-node 16"
twice count8 --machine images/disco.ini --kernel "$T/count.elf"
twice count32 $M32 --kernel "$T/count.elf"
twice ipi32 $M32 --kernel "$T/ipi.elf"
twice count16-fast --machine images/flash16.ini --timing fast \
	--kernel "$T/count.elf"
truncate -s 64K "$S/d0.img" "$S/d1.img" || exit 2
twice intc --nodes 2 --cpus-per-node 2 --mem-per-node 8 \
	--disk "$S/d0.img" --disk "$S/d1.img" --kernel "$T/intc.elf"
why=""
cmp -s "$S/count8.1.json" "$S/count32.1.json" && why="the same --stats"
result "the comparison can fail: 8 and 32 cpus differ" "$why"

echo "determinism: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
