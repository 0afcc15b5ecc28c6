#!/bin/sh
# tests/vmm/numa.sh - NUMA locality of the monitor, `make test-vmm-numa`.
#
# A. Its code and read-only data replicated on every node (vmm/textrep.h).
# The monitor boots two VMs on images/disco.ini (8 CPUs, 4 nodes of 64 MB) and the
# debugger stops at vmm_sched_start until every CPU has been there (each
# has mapped its node's copy by then); then, through the debugger console:
#   1. every CPU's wired TLB entry 1 maps 0xe0000000 to its own node's copy
#      (CPU c on node c/2): node 0's is the ELF's load address 0x10000, the
#      others the top 128 KB of the node, out of its large-page blocks;
#      2 x 64 KB pages, global, without D (read-only);
#   2. the four copies, read through kseg0 by the CPU that stopped last
#      (in kernel mode at the breakpoint), hold the same bytes.
#
# B. vCPUs kept near their VM's memory (vmm/sched.c, loader.c).  Four VMs
# of two vCPUs (32 MB, home nodes 0..3) run `pcompute 2`; from --stats
# (emulated, deterministic), the L2 misses served by a remote node must
# stay under 12% of all L2 misses (measured: 8.9%; 15.0% with the vCPUs
# in node 0's .bss and foreign vCPUs never sent home, 33.8% when an idle
# CPU took any VM's vCPU, 49.2% with one copy of the monitor's text), and
# every VM must get the right answer.
#
# usage: tests/vmm/numa.sh MINIDISCO VMM.ELF KERNEL-DISCO.ELF FSIMG WORKDIR
set -u
md=$1 vmm=$2 dkernel=$3 img=$4 work=$5
mkdir -p "$work"
fails=0

# check NAME STATUS MESSAGE: count and report one result.
check() {
	if [ "$2" = 0 ]; then echo "ok   $1"; else
		echo "FAIL $1: $3"; fails=$((fails + 1)); fi
}

cp "$img" "$work/tr-0.img"
cp "$img" "$work/tr-1.img"
set -- -ex 'b vmm_sched_start'
for c in 0 1 2 3 4 5 6 7; do set -- "$@" -ex c; done
for pa in 0x80010000 0x87fe0000 0x8bfe0000 0x8ffe0000; do
	set -- "$@" -ex "x/64x $pa"
done
for c in 0 1 2 3 4 5 6 7; do set -- "$@" -ex "cpu $c" -ex tlb; done
timeout 120 "$md" --machine images/disco.ini --kernel "$vmm" \
	--module "$dkernel" --disk "$work/tr-0.img" --disk "$work/tr-1.img" \
	--append "vms=2 vcpus=2 -- run=/bin/echo" --batch "$@" \
	</dev/null >"$work/tr.out" 2>&1
st=$?
check "boot to vmm_sched_start on 8 CPUs" \
	"$(grep -c 'stopped at breakpoint 1, pc 0x[0-9a-f]* <vmm_sched_start>' \
		"$work/tr.out" | grep -qx 8; echo $?)" "status $st, see $work/tr.out"

# Each CPU's entry 1, in CPU order, against the copy of its node.
grep -E '^ 1 W ' "$work/tr.out" >"$work/tr.tlb"
want=""
for pa in 0x000010000 0x000010000 0x007fe0000 0x007fe0000 0x00bfe0000 \
	0x00bfe0000 0x00ffe0000 0x00ffe0000; do
	odd=$(printf '0x%09x' $((pa + 0x10000)))
	want="$want 1 W 0x70000 0xe0000000 0x00 G 64K    $pa 3 - V    $odd 3 - V
"
done
printf '%s' "$want" | cmp -s - "$work/tr.tlb"
check "every CPU maps its own node's copy, wired, global, 64 KB, read-only" \
	$? "$(printf '%s' "$want" | diff - "$work/tr.tlb" | head -3)"

# The 64 words of each copy (16 lines of x each), the addresses cut off:
# the four dumps the same, and not all zero.
awk '/^0x8[0-9a-f]*:/ { sub(/^[^:]*:/, ""); f = w "." int(n / 16); n++
	print > f }' \
	w="$work/tr.words" "$work/tr.out"
same=0
for i in 1 2 3; do cmp -s "$work/tr.words.0" "$work/tr.words.$i" || same=1; done
check "every node's copy holds the same bytes" $same \
	"$(wc -l "$work"/tr.words.* | tr '\n' ' ')"
cat "$work"/tr.words.* >"$work/tr.words" 2>/dev/null
check "the copies are not empty" \
	"$(grep -q '0x0*[1-9a-f]' "$work/tr.words"; echo $?)" "only zeros"

# B: four VMs at home.
disks=""
for i in 0 1 2 3; do
	cp "$img" "$work/numa-$i.img"
	disks="$disks --disk $work/numa-$i.img"
done
timeout 300 "$md" --machine images/disco.ini --kernel "$vmm" \
	--module "$dkernel" $disks --stats "$work/numa.json" \
	--append "vms=4 vcpus=2 mem=32 -- run=/bin/pcompute,2" \
	</dev/null >"$work/numa.out" 2>&1
st=$?
check "4 VMs x 2 vCPUs of pcompute 2: status 0, four right answers" \
	"$([ $st = 0 ] && [ "$(grep -c 'matches one thread' "$work/numa.out")" = 4 ]
		echo $?)" "status $st, see $work/numa.out"
share=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
r = sum(c["l2_misses_remote"] for c in d["cpus"])
l = sum(c["l2_misses_local"] for c in d["cpus"])
print(r * 1000 // max(r + l, 1))' "$work/numa.json" 2>/dev/null)
check "remote L2 misses under 12% of all (${share:-?} per mille)" \
	"$([ -n "$share" ] && [ "$share" -lt 120 ]; echo $?)" \
	"${share:-no statistics} per mille"

echo "vmm-numa: $fails failed"
[ "$fails" = 0 ]
