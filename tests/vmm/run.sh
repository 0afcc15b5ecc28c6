#!/bin/sh
# tests/vmm/run.sh - the monitor running guests (issue 6), `make test-vmm`:
#   1. two VMs of two vCPUs (64 MB each) on images/disco.ini run usertests
#      at once: all pass in both, exit status 0, and each VM's output
#      equals the native run's on a machine of the VM's shape (2 CPUs,
#      1 node, 64 MB); the --stats file has the monitor's counters;
#   2. the same with tlb=asid;
#   3. one VM of one vCPU against the native run on one CPU;
#   4. the console: input to VM 0, Ctrl-A 1 moves it to VM 1, and the end
#      of the input ends both shells;
#   5. isolation: VM 1 runs the hostile guest (tests/vmm/hostile.c, the
#      second --module, vm1.module=1) while VM 0 runs usertests: every
#      attack is refused and VM 0's usertests pass;
#   6. delay slots: a tiny guest (tests/vmm/delayslot.S) whose privileged
#      instructions and monitor call sit in branch delay slots powers off
#      with 0 only if the monitor emulated each one and its branch;
#   7. MC_TLB_DROP: a tiny guest (tests/vmm/tlbdrop.S) checks that the
#      call leaves its virtual TLB and registers as its own tlbp + tlbwi
#      would, and that the next access misses (powers off with 0);
#   8. disk DMA across a break in machine memory: a tiny guest
#      (tests/vmm/bounce.c) with memory on two home nodes writes and reads
#      8 sectors straddling guest-physical 16 MB, where its memory jumps
#      from node 0 to node 1; the data must come back intact and the
#      statistics must show the monitor's bounce sector used;
#   9. a bad configuration (unknown key, bad value, a VM number past vm7,
#      a module that is not there) is one "vmm: bad configuration" line
#      and exit status 2.
#
# Comparing with the native output.  Lines tagged "[vmI] " are VM I's;
# "[vmI]+ " continues a line of VM I that another VM's line cut (vcons.c),
# so those pieces are joined again first.  Then only numbers that measure
# time are replaced, because two runs on different timings cannot agree
# on them: "(N ticks)" of each test, and the step count of cowthreads (a
# race between threads by design).  The "guestos: cpu N (node M)
# scheduling" lines come in the order the CPUs got there, so they are
# compared as a sorted set.  Everything else (test names and results, pids
# of the faulting children, the trap lines, process and memory counts)
# must be byte for byte the same.
#
# usage: tests/vmm/run.sh MINIDISCO VMM.ELF KERNEL-DISCO.ELF KERNEL.ELF FSIMG HOSTILE.ELF WORKDIR DELAYSLOT.ELF TLBDROP.ELF BOUNCE.ELF
set -u
md=$1 vmm=$2 dkernel=$3 nkernel=$4 img=$5 hostile=$6 work=$7 dslot=$8 tlbdrop=$9
bounce=${10}
mkdir -p "$work"
fails=0
T=${VMM_TEST_TIMEOUT:-1200}

# check NAME STATUS MESSAGE: count and report one result.
check() {
	if [ "$2" = 0 ]; then echo "ok   $1"; else
		echo "FAIL $1: $3"; fails=$((fails + 1)); fi
}

# vm NAME DISKS APPEND [MODULE...]: boot the monitor; output in $work/NAME.out,
# statistics in $work/NAME.json; returns its exit status.
vm() {
	name=$1 n=$2 app=$3
	shift 3
	disks=""
	for i in $(seq 0 $((n - 1))); do
		cp "$img" "$work/$name-$i.img"
		disks="$disks --disk $work/$name-$i.img"
	done
	mods="--module $dkernel"
	for m in "$@"; do mods="$mods --module $m"; done
	timeout "$T" "$md" --machine images/disco.ini --kernel "$vmm" $mods \
		$disks --append "$app" --stats "$work/$name.json" \
		</dev/null >"$work/$name.out" 2>&1
}

# native NAME CPUS: usertests natively on a 1-node machine of CPUS CPUs, 64 MB.
native() {
	cp "$img" "$work/$1.img"
	timeout "$T" "$md" --nodes 1 --cpus-per-node "$2" --mem-per-node 64 \
		--kernel "$nkernel" --disk "$work/$1.img" \
		--append run=/bin/usertests </dev/null >"$work/$1.out" 2>&1
}

# vmout FILE I: VM I's console output, its cut lines joined again.
vmout() {
	awk -v tag="[vm$2]" '
		index($0, tag " ") == 1 { if (have) print line; line = substr($0, length(tag) + 2); have = 1; next }
		index($0, tag "+ ") == 1 { line = line substr($0, length(tag) + 3); next }
		END { if (have) print line }' "$1"
}

# normalize: the time-dependent numbers and line order (see above).
normalize() {
	sed -e 's/([0-9]* ticks)/(N ticks)/' \
	    -e 's/cowthreads: [0-9]* steps/cowthreads: N steps/' >"$work/norm.tmp"
	grep -v '^guestos: cpu [0-9]* (node [0-9]*) scheduling$' "$work/norm.tmp"
	grep '^guestos: cpu [0-9]* (node [0-9]*) scheduling$' "$work/norm.tmp" | sort
}

# same NAME OUT I NATIVE: VM I's normalized output equals the native one.
same() {
	vmout "$work/$2.out" "$3" | normalize >"$work/$1.vm"
	normalize <"$work/$4.out" | grep -v '^$' >"$work/$1.native"
	grep -v '^$' "$work/$1.vm" >"$work/$1.vm2"
	diff "$work/$1.native" "$work/$1.vm2" >"$work/$1.diff"
	check "$1" $? "differs from the native run: $work/$1.diff"
}

# passed OUT I: VM I's usertests said ALL TESTS PASSED.
passed() {
	vmout "$work/$1.out" "$2" | grep -q "ALL TESTS PASSED"
}

native native2 2 & n2=$!
native native1 1 & n1=$!

vm ut22 2 "vms=2 vcpus=2 mem=64 -- run=/bin/usertests"; st=$?
r=0; passed ut22 0 || r=1; passed ut22 1 || r=$((r + 2))
check "2 VMs x 2 vCPUs: usertests in both" $((st + r)) "status $st, missing ALL TESTS PASSED: $r (see $work/ut22.out)"
python3 - "$work/ut22.json" <<'EOF'; check "statistics under \"monitor\" in --stats" $? "see $work/ut22.json"
import json, sys
m = json.load(open(sys.argv[1]))["monitor"]
assert len(m["vms"]) == 2
for vm in m["vms"]:
    assert len(vm["vcpu"]) == 2 and vm["done"] and vm["status"] == 0
    t = vm["total"]
    assert t["traps"]["CpU"] > 0 and t["mcalls"]["cons_write"] > 0
    assert t["mcalls"]["disk_start"] > 0 and t["tlb_misses"]["monitor_refill"] > 0
    assert t["monitor_cycles"] > 0 and vm["console_out"] > 0
EOF

vm asid 2 "vms=2 vcpus=2 mem=64 tlb=asid -- run=/bin/usertests"; st=$?
r=0; passed asid 0 || r=1; passed asid 1 || r=$((r + 2))
check "tlb=asid: usertests in both" $((st + r)) "status $st, missing ALL TESTS PASSED: $r (see $work/asid.out)"

vm ut11 1 "vms=1 vcpus=1 mem=64 -- run=/bin/usertests"; st=$?
r=0; passed ut11 0 || r=1
check "1 VM x 1 vCPU: usertests" $((st + r)) "status $st (see $work/ut11.out)"

wait $n2; wait $n1
same "vm0 output = native (2 CPUs)" ut22 0 native2
same "vm1 output = native (2 CPUs)" ut22 1 native2
same "tlb=asid vm1 output = native" asid 1 native2
same "1 vCPU output = native (1 CPU)" ut11 0 native1

for i in 0 1; do cp "$img" "$work/tty-$i.img"; done
printf 'echo zero\n\0011echo one\n' |
	timeout "$T" "$md" --machine images/disco.ini --kernel "$vmm" \
	--module "$dkernel" --disk "$work/tty-0.img" --disk "$work/tty-1.img" \
	--append "vms=2 vcpus=1 --" >"$work/tty.out" 2>&1; st=$?
r=0
grep -q '^\[vm0\]\(+\)\? *\(\$ \)*zero$' "$work/tty.out" || r=1
grep -q '^\[vm1\]\(+\)\? *\(\$ \)*one$' "$work/tty.out" || r=$((r + 2))
grep -q '^vmm: console input to vm 1$' "$work/tty.out" || r=$((r + 4))
check "console: input to vm0, Ctrl-A 1 to vm1, end of input" $((st + r)) "status $st, r=$r (see $work/tty.out)"

vm hostile 2 "vms=2 vcpus=2 mem=64 vm1.vcpus=1 vm1.mem=16 vm1.module=1 -- run=/bin/usertests" "$hostile"; st=$?
r=0
passed hostile 0 || r=1
vmout "$work/hostile.out" 1 | grep -q '^hostile: [0-9]* checks, 0 failed$' || r=$((r + 2))
vmout "$work/hostile.out" 1 | grep -q 'NOT REFUSED\|BROKEN' && r=$((r + 4))
check "isolation: hostile vm1 refused, vm0 usertests pass" $((st + r)) "status $st, r=$r (see $work/hostile.out)"

vm delayslot 1 "vms=1 vcpus=1 vm0.module=1 -- x" "$dslot"; st=$?
check "delay slots: mfc0, mtc0, syscall, eret after branches" "$st" "status $st (bits of the failed checks; see $work/delayslot.out)"

vm tlbdrop 1 "vms=1 vcpus=1 vm0.module=1 -- x" "$tlbdrop"; st=$?
check "MC_TLB_DROP: as tlbp + tlbwi, and the next access misses" "$st" "status $st (bits of the failed checks; see $work/tlbdrop.out)"

vm bounce 1 "vms=1 vcpus=1 mem=32 vm0.home=0,1 vm0.module=1 -- x" "$bounce"; st=$?
nb=$(python3 -c 'import json, sys
print(sum(d["bounced"] for d in json.load(open(sys.argv[1]))["monitor"]["disks"]))' \
	"$work/bounce.json" 2>/dev/null)
check "disk DMA across a break in machine memory: intact, ${nb:-?} bounced" \
	"$([ "$st" = 0 ] && [ "${nb:-0}" -gt 0 ]; echo $?)" \
	"status $st, ${nb:-no} bounced commands (see $work/bounce.out)"

for bad in "foo=1" "tlb=foo" "vms=x" "vm9.mem=8" "vm0.module=5" "vcpus=99"; do
	cp "$img" "$work/bad.img"
	timeout 60 "$md" --kernel "$vmm" --module "$dkernel" --disk "$work/bad.img" \
		--append "$bad" </dev/null >"$work/bad.out" 2>&1; st=$?
	r=0
	[ "$(grep -c '^vmm: bad configuration: ' "$work/bad.out")" = 1 ] || r=1
	check "bad configuration '$bad': one line, status 2" $((r + (st != 2))) "status $st: $(head -c 200 "$work/bad.out")"
done

[ $fails = 0 ]
