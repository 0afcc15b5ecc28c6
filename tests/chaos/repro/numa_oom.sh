#!/bin/sh
# tests/chaos/repro/numa_oom.sh BIN - a regression test run by test-chaos (the bug below is fixed;
# normal build only: ASan cannot run under ulimit -v).
#
# A machine whose cache tags do not fit in host memory is refused with exit
# 2, but numa/numa.c prints "numa: out of memory for caches and directory"
# without the "minidisco: " prefix every other error has (also numa.c's
# "numa: out of memory" and dev_numa.c's "numa: out of memory for the
# hot-page unit").  Expected: "minidisco: numa: out of memory ...".
set -u
BIN=${1:-build/host/minidisco}
CHAOS=${2:-build/host/tests/chaos/chaos}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
printf '[machine]\nnodes = 32\nmem_per_node = 15\n[cache]\nl2_size = 64M\n'\
'l2_line = 4\nl1_line = 4\nl1_size = 16M\n' >"$W/big.ini"
"$CHAOS" gen 1 "$W/k.elf" || exit 2
err=$(ulimit -v 1500000; "$BIN" --machine "$W/big.ini" --kernel "$W/k.elf" \
	--max-insns 1000 </dev/null 2>&1 >/dev/null)
case $err in
"minidisco: "*) echo "numa_oom: ok: $err"; exit 0 ;;
esac
echo "numa_oom: FAIL: '$err'"
exit 1
