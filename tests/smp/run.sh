#!/bin/bash
# tests/smp/run.sh - run the bare-metal SMP test programs on the machines
# they are meant for and check how each run ends.
#
# usage: tests/smp/run.sh MINIDISCO SCRATCH_DIR SMP_IMAGES_DIR
#   MINIDISCO       the binary under test (build/host/minidisco, ...)
#   SCRATCH_DIR     where disk images, modules and outputs are written
#   SMP_IMAGES_DIR  the programs, build/mips/tests/smp/*.elf
# The presets are read from images/ (run from the top of the tree).
# Prints one line per run, then "smp: N passed, M failed"; exits 1 if M > 0.

MD=$1
S=$2
T=$3
if [ -z "$MD" ] || [ -z "$S" ] || [ -z "$T" ]; then
	echo "usage: $0 MINIDISCO SCRATCH_DIR SMP_IMAGES_DIR" >&2
	exit 2
fi
mkdir -p "$S" || exit 2
pass=0
fail=0

# run NAME STATUS OUT_ERE ARGS...: run minidisco with stdin /dev/null and
# expect exit STATUS and a stdout line matching OUT_ERE ("" = no check);
# a failing run shows its output.
run() {
	local name=$1 want=$2 out=$3 why=""
	shift 3
	timeout 120 "$MD" "$@" </dev/null >"$S/out" 2>"$S/err"
	check_end "$name" "$want" "$out"
}

# check_end NAME STATUS OUT_ERE: judge the run whose status is in $?.
check_end() {
	local st=$? name=$1 want=$2 out=$3 why=""
	[ "$st" -eq "$want" ] || why="exit status $st, expected $want"
	if [ -n "$out" ] && ! grep -Eq -- "$out" "$S/out"; then
		why="${why:+$why; }no output line matching '$out'"
	fi
	if [ -z "$why" ]; then
		echo "ok   $name"
		pass=$((pass + 1))
	else
		echo "FAIL $name: $why"
		sed -n '1,10s/^/    /p' "$S/out" "$S/err"
		fail=$((fail + 1))
	fi
}

# Sum of a file's bytes, as bootinfo.c computes it.
bytesum() {
	od -An -tu1 -v "$1" | awk '{ for (i = 1; i <= NF; i++) s += $i }
		END { print s + 0 }'
}

for p in count whoami ipi intc bootinfo idle; do
	if [ ! -e "$T/$p.elf" ]; then
		echo "smp: $T/$p.elf is missing (run make test-smp)" >&2
		exit 2
	fi
done
DISCO="--machine images/disco.ini"
M32="--nodes 8 --cpus-per-node 4 --mem-per-node 16"

# --- LL/SC counter: exact totals on 1, 8, 16 and 32 CPUs ---
run "count, 1 cpu" 0 '^count: 1 cpus x 20000 = 20000,' \
	--kernel "$T/count.elf"
run "count, 8 cpus on 4 nodes (disco.ini)" 0 '^count: 8 cpus x 20000 = 160000,' \
	$DISCO --kernel "$T/count.elf"
run "count, 8 cpus, --timing fast" 0 '^count: 8 cpus x 20000 = 160000,' \
	$DISCO --timing fast --kernel "$T/count.elf"
run "count, 16 cpus on 8 nodes (flash16.ini)" 0 '^count: 16 cpus x 20000 = 320000,' \
	--machine images/flash16.ini --kernel "$T/count.elf"
run "count, 32 cpus on 8 nodes" 0 '^count: 32 cpus x 20000 = 640000,' \
	$M32 --kernel "$T/count.elf"

# --- identity register ---
run "whoami, 1 cpu" 0 '^whoami: 1 cpus on 1 nodes' --kernel "$T/whoami.elf"
run "whoami, 8 cpus on 4 nodes" 0 '^whoami: 8 cpus on 4 nodes, cpu 7 is 0x4080307$' \
	$DISCO --kernel "$T/whoami.elf"
run "whoami, 15 cpus on 3 nodes" 0 '^whoami: 15 cpus on 3 nodes, cpu 14 is 0x30f020e$' \
	--nodes 3 --cpus-per-node 5 --mem-per-node 8 --kernel "$T/whoami.elf"
run "whoami, 32 cpus on 32 nodes" 0 '^whoami: 32 cpus on 32 nodes, cpu 31 is 0x20201f1f$' \
	--nodes 32 --mem-per-node 4 --kernel "$T/whoami.elf"

# --- inter-processor interrupts ---
run "ipi, 2 cpus on 1 node" 0 '^ipi: broadcast to 1 cpus, ring of 2, self: ok$' \
	--cpus-per-node 2 --kernel "$T/ipi.elf"
run "ipi, 8 cpus on 4 nodes" 0 '^ipi: broadcast to 7 cpus, ring of 8, self: ok$' \
	$DISCO --kernel "$T/ipi.elf"
run "ipi, 32 cpus on 8 nodes" 0 '^ipi: broadcast to 31 cpus, ring of 32, self: ok$' \
	$M32 --kernel "$T/ipi.elf"

# --- interrupt controller: masks, latches, routing ---
truncate -s 64K "$S/d0.img" "$S/d1.img" || exit 2
run "intc, 4 cpus on 2 nodes, 2 disks" 0 '^intc: masks, latches, routing to cpus 1-3: ok$' \
	--nodes 2 --cpus-per-node 2 --mem-per-node 8 \
	--disk "$S/d0.img" --disk "$S/d1.img" --kernel "$T/intc.elf"

# --- boot information block ---
printf 'hello, module\n' >"$S/greet.txt"
head -c 70000 "$T/count.elf" >"$S/big.bin"
: >"$S/empty.bin"
mods="mod=greet.txt:14:$(bytesum "$S/greet.txt")"
mods="$mods mod=empty.bin:0:0 mod=big.bin:$(wc -c <"$S/big.bin"):$(bytesum "$S/big.bin")"
run "bootinfo, 8 cpus, 3 modules, 1 disk" 0 "^bootinfo: at 0x[0-9a-f]+000, .* 3 modules" \
	$DISCO --disk "$S/d0.img" --module "$S/greet.txt" \
	--module "$S/empty.bin" --module "$S/big.bin" \
	--append "nodes=4 cpus_per_node=2 mem_mb=64 timing=1 disks=1 $mods end=1" \
	--kernel "$T/bootinfo.elf"
run "bootinfo, 1 cpu, fast timing, no module" 0 "cmdline 'nodes=1 cpus_per_node=1 mem_mb=64 timing=0 disks=0 end=1'" \
	--timing fast --append "nodes=1 cpus_per_node=1 mem_mb=64 timing=0 disks=0 end=1" \
	--kernel "$T/bootinfo.elf"
run "bootinfo, 32 cpus on 8 nodes, 2 disks, 1 module" 0 "^bootinfo: .* 32 cpus, 8 nodes, 1 modules" \
	$M32 --disk "$S/d0.img" --disk "$S/d1.img" --module "$S/greet.txt" \
	--append "nodes=8 cpus_per_node=4 mem_mb=16 timing=1 disks=2 mod=greet.txt:14:$(bytesum "$S/greet.txt") end=1" \
	--kernel "$T/bootinfo.elf"
run "bootinfo fails on a wrong expectation (the test can fail)" 1 "^FAIL cpu 0" \
	--append "nodes=2 cpus_per_node=1 mem_mb=64 timing=1 disks=0 end=1" \
	--kernel "$T/bootinfo.elf"

# --- every CPU parked at once ---
for i in $(seq 0 255); do printf "\\$(printf %03o "$i")"; done >"$S/b256"
for i in $(seq 16); do cat "$S/b256"; done >"$S/pattern.img"
# READ of 8 sectors at sector 0 (sequential: no seek): 50000 + 8 * 1000.
printf '[disk]\noverhead = 50000\nper_sector = 1000\n' >"$S/disk.ini"
run "idle: time jumps to a disk completion; Count follows" 0 '^idle: disk read done while every cpu waited' \
	--machine "$S/disk.ini" --nodes 2 --cpus-per-node 2 --mem-per-node 8 \
	--disk "$S/pattern.img" --append "disk 58000" --kernel "$T/idle.elf"
run "idle: nothing can wake a cpu: exit 4" 4 "" \
	--nodes 2 --cpus-per-node 2 --mem-per-node 8 --append hang \
	--kernel "$T/idle.elf"
grep -q '^minidisco: fatal: every CPU is in WAIT' "$S/err"
check_end "  ... and says so on stderr" 0 ""
(sleep 0.3; echo "typed late") | timeout 60 "$MD" --nodes 2 --cpus-per-node 2 \
	--mem-per-node 8 --append rx --kernel "$T/idle.elf" >"$S/out" 2>"$S/err"
check_end "idle: the machine waits for console input that wakes cpu 1" 0 \
	"^idle: cpu 1 woke and read 'typed late'$"

echo "smp: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
