#!/bin/sh
# tests/chaos/cli.sh - fixed hostile inputs for build/minidisco: files of
# the wrong kind or size for --disk, --module, --kernel, --machine and
# --stats, extreme shape options, long --append, broken INI files, and
# garbage debugger commands.  Each must give exit status 2 with one line
# "minidisco: ..." on stderr, or run correctly (the kernel powers off
# with 7), or (debugger) print one-line errors and carry on.  Never a
# signal, never a sanitizer report.
#
#   tests/chaos/cli.sh BIN CHAOS WORKDIR
#     BIN     build/host/minidisco (or build/san/minidisco)
#     CHAOS   the chaos tool (writes the kernels)
set -u
BIN=$1 CHAOS=$2 W=$3
mkdir -p "$W"
pass=0 fail=0

K=$W/power7.elf RK=$W/random.elf
# `chaos ini` makes the shared files (power7.elf, odd700, sparse600m...).
"$CHAOS" ini "$BIN" "$W" 1 1 >/dev/null || { echo "chaos ini failed"; exit 1; }
"$CHAOS" gen 3 "$RK" 3 || exit 1

# Judge the last run: $1 = want (refuse | run | dbg), $2.. = description.
judge() {
	want=$1 rc=$2; shift 2
	lines=$(wc -l <"$W/err")
	first=$(head -n 1 "$W/err")
	ok=0
	if grep -q 'Sanitizer\|runtime error:' "$W/err"; then
		ok=0
	elif [ "$want" = refuse ]; then
		[ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] &&
			case $first in "minidisco: "*) ok=1 ;; esac
	elif [ "$want" = run ]; then
		[ "$rc" -eq 7 ] && [ "$lines" -eq 0 ] && ok=1
	elif [ "$want" = either ]; then
		{ [ "$rc" -eq 7 ] && [ "$lines" -eq 0 ]; } ||
		{ [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ]; } && ok=1
	else # dbg: quits with the machine stopped, or ran to its end
		case $rc in 0|3|4) ok=1 ;; esac
	fi
	if [ $ok -eq 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL ($want): $* -> exit $rc, $lines line(s): $first"
	fi
}

# run WANT ARGS...: run BIN with ARGS (stdin /dev/null), then judge.
run() {
	want=$1; shift
	timeout 60 "$BIN" "$@" </dev/null >/dev/null 2>"$W/err"
	judge "$want" $? "$@"
}

# Files of every awkward kind.
: >"$W/zero"
head -c 3000 /dev/zero | tr '\0' 'a' >"$W/long3000"
head -c 100000 /dev/zero | tr '\0' 'a' >"$W/long100k"
head -c 4095 /dev/zero | tr '\0' 'a' >"$W/long4095"
cp "$W/odd700" "$W/d_odd"; : >"$W/d_zero"; cp "$W/small4k" "$W/d_4k"
mkdir -p "$W/adir"

# --disk
run refuse --kernel "$K" --disk "$W/adir"
run run --kernel "$K" --disk /dev/null
run run --kernel "$K" --disk "$W/d_zero"
run run --kernel "$K" --disk "$W/d_odd"
run refuse --kernel "$K" --disk "$W/nonexistent"
run refuse --kernel "$K" --disk "$W/d_4k" --disk "$W/d_4k"
run refuse --kernel "$K" --disk ""
run refuse --kernel "$K" $(for i in 1 2 3 4 5 6 7 8 9; do
	cp "$W/d_4k" "$W/d9_$i"; echo --disk "$W/d9_$i"; done)
# --module
run refuse --kernel "$K" --module "$W/adir"
run refuse --kernel "$K" --module /dev/zero
run refuse --kernel "$K" --module "$W/sparse600m"
run refuse --kernel "$K" --mem-per-node 496 --module "$W/sparse600m"
run run --kernel "$K" --module "$W/zero" --module "$W/d_odd"
run refuse --kernel "$K" $(for i in $(seq 17); do echo --module "$W/d_4k"; done)
run run --kernel "$K" $(for i in $(seq 16); do echo --module "$W/d_4k"; done)
run refuse --kernel "$K" --mem-per-node 1 --module "$W/long100k" \
	--module "$W/long100k" --module "$W/long100k" --module "$W/long100k" \
	--module "$W/long100k" --module "$W/long100k" --module "$W/long100k" \
	--module "$W/long100k" --module "$W/long100k" --module "$W/long100k"
# --append
run run --kernel "$K" --append "$(cat "$W/long4095")"
run refuse --kernel "$K" --append "$(cat "$W/long4095")b"
run refuse --kernel "$K" --append "$(cat "$W/long100k")"
run run --kernel "$K" --append ""
# --kernel
run refuse --kernel "$W/adir"
run refuse --kernel /dev/zero
run refuse --kernel "$W/zero"
run refuse --kernel "$W/sparse600m"
run refuse --kernel "$W/garbage.elf"
run refuse --kernel "$K" --kernel "$K" extra-word
# shape options at and past their limits
run refuse --kernel "$K" --nodes 32 --cpus-per-node 1
run run --kernel "$K" --nodes 32 --cpus-per-node 1 --mem-per-node 15
run refuse --kernel "$K" --nodes 33 --mem-per-node 1
run refuse --kernel "$K" --nodes 2 --cpus-per-node 17
run run --kernel "$K" --cpus-per-node 32 --mem-per-node 1
run run --kernel "$K" --mem-per-node 496
run refuse --kernel "$K" --mem-per-node 497
run refuse --kernel "$K" --mem-per-node 0
run refuse --kernel "$K" --nodes -1
run refuse --kernel "$K" --nodes 99999999999999999999999
run refuse --kernel "$K" --nodes ''
run refuse --kernel "$K" --timing slow
run refuse --kernel "$K" --max-insns 0
run refuse --kernel "$K" --max-insns -1
run refuse --kernel "$K" --max-insns 18446744073709551616
run run --kernel "$K" --max-insns 18446744073709551615
run refuse --kernel "$K" --stop-at 0x
run refuse --kernel "$K" --stop-at 0x123456789
run refuse --kernel "$K" --stop-at ''
run refuse --kernel "$K" --stats "$W/adir"
run refuse --kernel "$K" --stats /dev/full
run refuse --kernel "$K" --stats /nonexistent/dir/s.json
run refuse --kernel "$K" --bogus
run refuse --kernel "$K" --nodes
# --machine files
ini() { printf "$1" >"$W/t.ini"; run "$2" --machine "$W/t.ini" --kernel "$K"; }
ini '' run
ini '[machine]\nnodes = 2\n[machine]\ncpus_per_node = 2\n' run
ini '[machine]\nnodes = 2\n[cache]\n[machine]\nnodes = 2\n' refuse
ini 'nodes = 2\n' refuse
ini '[machine]\nnodes = -1\n' refuse
ini '[machine]\nnodes =\n' refuse
ini '[machine]\nnodes\n' refuse
ini '[machine\nnodes = 2\n' refuse
ini '[machine]\nnodes = 2\000junk\n' refuse
ini '[machine]\nnodes = 4294967298\n' refuse
ini '[cache]\nl2_size = 64M\nl2_line = 4\nl1_line = 4\nl1_size = 16M\n' run
ini '[cache]\nl1_size = 1G\n' refuse
ini '[disk]\noverhead = 1099511627775\nflush = 1099511627775\n' run
ini '[disk]\nseek_div = 0\n' refuse
ini '[memory]\nclock_mhz = 0\n' refuse
ini '[hotpage]\nthreshold = 0\n' refuse
ini '\357\273\277[machine]\nnodes = 2\n' either
ini '[machine]\r\nnodes = 2\r\n' either
run refuse --machine "$W/long3000" --kernel "$K"
run refuse --machine "$W/adir" --kernel "$K"
run refuse --machine /dev/zero --kernel "$K"
run refuse --machine "$W/garbage.elf" --kernel "$K"
run refuse --machine "$W/nonexistent.ini" --kernel "$K"

# Debugger: garbage arguments give one-line errors and the run goes on.
dbg() {
	timeout 60 "$BIN" --kernel "$RK" --batch --max-insns 20000 "$@" \
		</dev/null >/dev/null 2>"$W/err"
	judge dbg $? "$@"
}
for c in 'x/999999wx 0x80000000' 'x/99999999999999999999wx 0' 'x/-1wx 0' \
	'x/0wx 0' 'x/4wx 0xbf000000' 'x/4wx 0xbf002000' 'x/10i 0xbfc0fff8' \
	'x/2g 0x83fffffc' 'x/zz 0' 'x' 'x/' 'x/4s 0xffffffff' \
	'disas 0xbf000000' 'disas 0xbf000000 99999999' 'disas 0 -1' \
	'disas 0xffffffff 3' 'disas $pc 100000' 'where 0xffffffffffffffffffff' \
	'where 0x100000000' 'where 0xbf000000 store' 'where 0 bogus' 'where' \
	'cpu 99' 'cpu -1' 'cpu 2147483648' 'step 0' 'step -1' \
	'step 99999999999999999999' 'step abc' 'break' 'break 0xffffffffff' \
	'break 0x80000001' 'delete 99' 'delete -1' 'sym 0xzz' 'info symbol' \
	'info bogus' 'x/4wx $zz' 'x/4wx $sp+$sp+$sp+$sp' 'x/4wx ++' \
	'x/4wx 1-2-3-4-5' 'tlb 5' 'bogus' '' '#' 'c 5' 'fpu' 'cp0' 'stats' \
	'info all-registers' 'info cpus' "x/8s 0x80001000"; do
	dbg -ex "$c"
done
set --
for i in $(seq 0 19); do set -- "$@" -ex "break $((0x80001000 + 4 * i))"; done
dbg "$@" -ex 'info breakpoints' -ex c -ex delete -ex 'step 1000' -ex c \
	-ex c -ex 'x/8i $pc'
for s in 1 2 3 4 5 6; do
	"$CHAOS" gen "$s" "$W/dbg$s.elf"
	timeout 60 "$BIN" --nodes 4 --cpus-per-node 2 --kernel "$W/dbg$s.elf" \
		--batch --max-insns 100000 -ex 'break $pc+8' -ex 'step 777' \
		-ex 'cpu 7' -ex regs -ex 'x/4wx $sp' -ex 'x/3s $t9' \
		-ex 'where $t8 store' -ex 'disas $epc' -ex tlb -ex c \
		-ex 'step 5' -ex 'info cpus' -ex c -ex stats -ex c \
		</dev/null >/dev/null 2>"$W/err"
	judge dbg $? "8-cpu debugger session on chaos kernel $s"
done

echo "chaos cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
