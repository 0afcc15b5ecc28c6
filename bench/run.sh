#!/bin/sh
# bench/run.sh - run the compute benchmark on minidisco, qemu and gxemul and
# print a table of host wall-clock seconds and emulated MIPS.
#
# Usage: bench/run.sh MINIDISCO IMAGEDIR [--skip-minidisco]
#   MINIDISCO  the build/host/minidisco binary
#   IMAGEDIR   holds bench-minidisco.elf, bench-qemu.elf, bench-gxemul.elf;
#              console logs go to IMAGEDIR/logs/
#   --skip-minidisco  time qemu and gxemul only (no instruction count, so
#              no MIPS column); for use while minidisco cannot run it
# Environment: BENCH_RUNS (runs per emulator, best one counts; default 3),
#   BENCH_TIMEOUT (seconds per run; default 600), OBJCOPY (cross objcopy).
#
# The instruction count is minidisco's (the "instructions" counter of its
# --stats JSON report); qemu and gxemul run
# the same code, so MIPS for all three is that count over each one's time.
# Exit status: 0 if all ran and their checksums agree, 1 otherwise, 2 usage.
set -u

die() { echo "bench: $*" >&2; exit 1; }

usage() { echo "bench/run.sh: $*" >&2; exit 2; }

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	usage "usage: bench/run.sh MINIDISCO IMAGEDIR [--skip-minidisco]"
fi
MD=$1
DIR=$2
SKIP_MD=0
case ${3:-} in
"") ;;
--skip-minidisco) SKIP_MD=1 ;;
*) usage "unknown option '$3'" ;;
esac
RUNS=${BENCH_RUNS:-3}
TMO=${BENCH_TIMEOUT:-600}
case $RUNS in ''|*[!0-9]*|0) usage "BENCH_RUNS='$RUNS' is not a positive number" ;; esac
case $TMO in ''|*[!0-9]*|0) usage "BENCH_TIMEOUT='$TMO' is not a positive number" ;; esac
OBJCOPY=${OBJCOPY:-mips-linux-gnu-objcopy}
LOGS=$DIR/logs
mkdir -p "$LOGS" || die "cannot create $LOGS"

for p in minidisco qemu gxemul; do
	[ -f "$DIR/bench-$p.elf" ] || die "missing $DIR/bench-$p.elf (run make)"
done
if [ $SKIP_MD -eq 0 ] && [ ! -x "$MD" ]; then
	die "$MD not built (or pass --skip-minidisco)"
fi
command -v qemu-system-mips64 >/dev/null || die "qemu-system-mips64 not found (scripts/install-deps)"
command -v gxemul >/dev/null || die "gxemul not found (scripts/install-deps)"

# The compute code must be the same bytes in the three images.
for p in minidisco qemu gxemul; do
	"$OBJCOPY" -O binary -j .text -j .rodata -j .data "$DIR/bench-$p.elf" \
		"$LOGS/code-$p.bin" || die "$OBJCOPY failed on bench-$p.elf"
done
for p in qemu gxemul; do
	cmp -s "$LOGS/code-minidisco.bin" "$LOGS/code-$p.bin" ||
		die "compute code differs between bench-minidisco.elf and bench-$p.elf"
done

# gxemul polls its stdin; on /dev/null (end-of-file at every poll) it
# crawls, so it reads a FIFO opened read-write, which never has data and
# never reaches end-of-file.
FIFO=$LOGS/gxemul-stdin
rm -f "$FIFO"
mkfifo "$FIFO" || die "cannot create $FIFO"

# Seconds of host CPU (user + system) in a saved `times` output, whose
# second line is the children's "0m1.250s 0m0.010s".
cpu_of() {
	tail -n 1 "$1" | awk '{
		t = 0
		for (i = 1; i <= 2; i++) {
			split($i, f, "m"); sub("s", "", f[2]); t += f[1] * 60 + f[2]
		}
		printf "%.3f\n", t
	}'
}

# Run emulator $1 once: console to $LOGS/$1.out, stderr to $1.err, exit
# status to $1.rc; print the wall-clock and the CPU seconds.
run_once() {
	img=$DIR/bench-$1.elf
	times >"$LOGS/times0" # the builtin, in this shell: it sees the children
	t0=$(date +%s.%N)
	case $1 in
	minidisco)
		timeout "$TMO" "$MD" --timing fast --stats "$LOGS/$1.json" --kernel "$img" \
			</dev/null >"$LOGS/$1.out" 2>"$LOGS/$1.err" ;;
	qemu)
		timeout "$TMO" qemu-system-mips64 -M malta -cpu R4000 \
			-nographic -no-reboot -kernel "$img" \
			</dev/null >"$LOGS/$1.out" 2>"$LOGS/$1.err" ;;
	gxemul)
		timeout "$TMO" gxemul -E testmips -C R4000 -q "$img" \
			0<>"$FIFO" >"$LOGS/$1.out" 2>"$LOGS/$1.err" ;;
	esac
	echo $? >"$LOGS/$1.rc"
	t1=$(date +%s.%N)
	times >"$LOGS/times1"
	c0=$(cpu_of "$LOGS/times0")
	c1=$(cpu_of "$LOGS/times1")
	echo "$t0 $t1 $c0 $c1" | awk '{ printf "%.3f %.3f\n", $2 - $1, $4 - $3 }'
}

# The four result lines of a console log, carriage returns removed.
results() {
	tr -d '\r' <"$LOGS/$1.out" |
		grep -E '^(checksum|sort|interp|combined) 0x[0-9a-f]{8}$'
}

# Run emulator $1 $RUNS times, check each run, print the best wall-clock
# time and the CPU time of that run.
bench_one() {
	best=""
	i=0
	while [ $i -lt "$RUNS" ]; do
		s=$(run_once "$1")
		rc=$(cat "$LOGS/$1.rc")
		[ "$rc" = 124 ] && die "$1 timed out after $TMO s (see $LOGS/$1.out)"
		[ "$rc" = 0 ] || die "$1 exited with status $rc: $(head -n 1 "$LOGS/$1.err")" \
			"(see $LOGS/$1.out, $LOGS/$1.err)"
		[ "$(results "$1" | wc -l)" -eq 4 ] ||
			die "$1 printed no complete result (see $LOGS/$1.out, $LOGS/$1.err)"
		if [ -z "$best" ]; then
			best=$s
		else
			best=$(echo "$best $s" | awk '{
				print ($3 < $1) ? $3 " " $4 : $1 " " $2 }')
		fi
		i=$((i + 1))
	done
	echo "$best"
}

EMUS="qemu gxemul"
[ $SKIP_MD -eq 0 ] && EMUS="minidisco $EMUS"
for e in $EMUS; do
	echo "bench: running $e ($RUNS runs)..." >&2
	eval "T_$e=\$(bench_one $e)" || exit 1
	eval "[ -n \"\$T_$e\" ]" || exit 1
done

# Instruction count from minidisco's last run.
INSNS=""
if [ $SKIP_MD -eq 0 ]; then
	INSNS=$(sed -n 's/.*"instructions":[[:space:]]*\([0-9][0-9]*\).*/\1/p' \
		"$LOGS/minidisco.json" | head -n 1)
	[ -n "$INSNS" ] || die "no instruction count in $LOGS/minidisco.json (--stats)"
fi

# Every emulator must print the same four checksums.
ref=""
for e in $EMUS; do
	results "$e" >"$LOGS/$e.results"
	if [ -z "$ref" ]; then
		ref=$e
	elif ! cmp -s "$LOGS/$ref.results" "$LOGS/$e.results"; then
		echo "bench: CHECKSUM MISMATCH between $ref and $e:" >&2
		paste "$LOGS/$ref.results" "$LOGS/$e.results" >&2
		exit 1
	fi
done

echo
echo "compute benchmark: best of $RUNS runs per emulator, host wall-clock seconds"
sed 's/^/  /' "$LOGS/$ref.results"
printf '%-10s %13s %8s %8s %8s %9s %13s\n' emulator instructions seconds "cpu s" \
	MIPS "cpu MIPS" "vs minidisco"
for e in $EMUS; do
	t=""
	eval "t=\$T_$e"
	tm=${T_minidisco:-- -}
	echo "$e ${INSNS:--} $t $tm" | awk '{
		mips = "-"; cmips = "-"; ratio = "-"
		if ($2 != "-" && $3 > 0) mips = sprintf("%.1f", $2 / $3 / 1e6)
		if ($2 != "-" && $4 > 0) cmips = sprintf("%.1f", $2 / $4 / 1e6)
		if ($5 != "-" && $3 > 0) ratio = sprintf("%.2fx", $5 / $3)
		printf "%-10s %13s %8.3f %8.3f %8s %9s %13s\n", $1, $2, $3, $4,
			mips, cmips, ratio
	}'
done
echo "(instructions: minidisco's count, used for all three.  MIPS and vs minidisco"
echo " use wall-clock seconds, cpu MIPS the host CPU seconds of the same run; if"
echo " seconds is well above cpu s the host was busy.  vs minidisco > 1: faster.)"

# --- The cost of the timing model, and a multiprocessor run ---
# Each row: minidisco with the given options, best wall-clock of $RUNS
# runs; instructions summed over every CPU from --stats.
[ $SKIP_MD -eq 1 ] && exit 0
SMP_IMG=$DIR/smp.elf
PRESET=${BENCH_MACHINE:-images/disco.ini}

# Run minidisco with ARGS; print "wall cpu instructions" of the best run.
# Its exit status must be $MD_STATUS (3 for a run cut by --max-insns).
MD_STATUS=0
md_timed() {
	best=""
	i=0
	while [ $i -lt "$RUNS" ]; do
		times >"$LOGS/times0"
		t0=$(date +%s.%N)
		timeout "$TMO" "$MD" --stats "$LOGS/timed.json" "$@" \
			</dev/null >"$LOGS/timed.out" 2>"$LOGS/timed.err"
		[ $? = "$MD_STATUS" ] ||
			die "minidisco $* failed: $(head -n 1 "$LOGS/timed.err")"
		t1=$(date +%s.%N)
		times >"$LOGS/times1"
		n=$(sed -n 's/.*"instructions":[[:space:]]*\([0-9][0-9]*\).*/\1/p' \
			"$LOGS/timed.json" | awk '{ s += $1 } END { print s }')
		s=$(echo "$t0 $t1 $(cpu_of "$LOGS/times0") $(cpu_of "$LOGS/times1") $n" |
			awk '{ printf "%.3f %.3f %s\n", $2 - $1, $4 - $3, $5 }')
		if [ -z "$best" ]; then
			best=$s
		else
			best=$(echo "$best $s" | awk '{
				print ($4 < $1) ? $4 " " $5 " " $6 : $1 " " $2 " " $3 }')
		fi
		i=$((i + 1))
	done
	echo "$best"
}

echo
echo "timing model: minidisco alone, best of $RUNS runs"
printf '%-34s %13s %8s %8s %8s %9s\n' run instructions seconds "cpu s" MIPS "cpu MIPS"
row() {
	label=$1
	shift
	r=$(md_timed "$@") || exit 1
	echo "$label $r" | awk '{
		printf "%-34s %13s %8.3f %8.3f %8.1f %9.1f\n", $1, $4, $2, $3,
			$4 / $2 / 1e6, ($3 > 0 ? $4 / $3 / 1e6 : 0)
	}'
}
row "1_cpu,_--timing_fast" --timing fast --kernel "$DIR/bench-minidisco.elf" | tr _ ' ' | tee "$LOGS/row.fast"
row "1_cpu,_--timing_numa" --timing numa --kernel "$DIR/bench-minidisco.elf" | tr _ ' ' | tee "$LOGS/row.numa"
row "8_cpus_(disco.ini),_--timing_fast" --machine "$PRESET" --timing fast --kernel "$SMP_IMG" | tr _ ' '
row "8_cpus_(disco.ini),_--timing_numa" --machine "$PRESET" --timing numa --kernel "$SMP_IMG" | tr _ ' '
# The cost of tracing (docs/tracing.md).  Off, it is the fast row above:
# the hooks are always compiled in.  dev on, to /dev/null: the dispatch
# of every device access tests its bit, and the benchmark makes almost
# none (its console output), so this row measures tracing that is on but
# idle.  insn to /dev/null: one disassembled line per instruction, over
# the first million instructions only (that row is slow).
row "1_cpu,_fast,_trace_dev:/dev/null" --timing fast --trace dev:/dev/null \
	--kernel "$DIR/bench-minidisco.elf" | tr _ ' ' | tee "$LOGS/row.dev"
MD_STATUS=3
row "1_cpu,_fast,_trace_insn:/dev/null" --timing fast --trace insn:/dev/null \
	--max-insns 1000000 --kernel "$DIR/bench-minidisco.elf" | tr _ ' ' |
	tee "$LOGS/row.insn"
MD_STATUS=0
awk 'FNR == 1 { w[NR] = $(NF - 1) } END {
	printf "(numa timing keeps %.0f%% of fast timing'"'"'s speed on 1 CPU, by wall-clock MIPS)\n",
		100 * w[2] / w[1] }' "$LOGS/row.fast" "$LOGS/row.numa"
awk 'FNR == 1 { w[NR] = $(NF - 1) } END {
	printf "(tracing dev: %.1f%% of fast timing'"'"'s speed; insn: %.1f%%)\n",
		100 * w[2] / w[1], 100 * w[3] / w[1] }' \
	"$LOGS/row.fast" "$LOGS/row.dev" "$LOGS/row.insn"
