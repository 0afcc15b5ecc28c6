#!/bin/sh
# tests/cli/repro-at-break.sh - reproducer of a CPU bug (cpu/core.c), not
# part of `make test-cli`: run it by hand after `make test-cli`.
#
# With --timing fast and no breakpoint left, core_chunk takes its fast
# loop, which never clears c->at_break; so after a CPU stopped at a
# breakpoint that is then deleted, the next cpu_run returns CPU_STOP_BREAK
# at the end of its first chunk although no breakpoint is set.  Expected:
# the run goes on to --max-insns (exit 3); seen: "cpu 0 stopped at pc
# 0x80010004 (spin_loop)", exit 0.  With --timing numa the checked loop
# clears the flag and the run ends with 3 as it should.
MD=${1:-build/minidisco}
"$MD" --timing fast --max-insns 100000 --batch -ex 'break spin_loop' \
	-ex continue -ex 'delete 1' -ex continue \
	--kernel build/mips/tests/cli/spin.elf </dev/null >/dev/null 2>&1
st=$?
if [ $st -eq 3 ]; then
	echo "at_break: fixed (exit 3)"
else
	echo "at_break: BUG still there (exit $st, expected 3)"
	exit 1
fi
