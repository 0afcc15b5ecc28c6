#!/bin/bash
# tests/trace/run.sh - tests of --trace, the trace-control register, the
# console's trace command and --check-tlb.
#
# usage: tests/trace/run.sh MINIDISCO IMAGES_DIR SCRATCH_DIR
#   MINIDISCO   build/host/minidisco (or build/san/...)
#   IMAGES_DIR  the programs tests/trace/*.S as NAME.elf
#   SCRATCH_DIR where outputs go
#
# Every run uses --timing fast unless it says otherwise, so cycle counts
# are instruction counts and the golden file is exact.  Environment:
# CROSS = prefix of the MIPS binutils (for nm).
# Prints one line per check, then "trace: N passed, M failed"; exit 1 if
# M > 0.

MD=$1
T=$2
S=$3
HERE=$(dirname "$0")
NM=${CROSS:-mips-linux-gnu-}nm

if [ -z "$S" ]; then
	echo "usage: $0 MINIDISCO IMAGES_DIR SCRATCH_DIR" >&2
	exit 2
fi
mkdir -p "$S" || exit 2
rm -f "$S"/* # no trace of an earlier run can pass a check
pass=0
fail=0

# Count one check: ok NAME, or FAIL NAME: WHY.
result() {
	if [ -z "$2" ]; then
		echo "ok   $1"
		pass=$((pass + 1))
	else
		echo "FAIL $1: $2"
		fail=$((fail + 1))
	fi
}

# Address of symbol $2 in ELF file $1, as 8 hex digits.
addr() {
	"$NM" "$1" | awk -v s="$2" '$3 == s { print substr($1, length($1) - 7) }'
}

# run ARGS...: minidisco with stdin at its end; stdout in $S/out, stderr
# in $S/err, exit status in $st.
run() {
	timeout 60 "$MD" "$@" </dev/null >"$S/out" 2>"$S/err"
	st=$?
}

# want_status NAME N: "" if $st is N, else why not.
want_status() {
	[ "$st" = "$2" ] || echo "exit status $st, want $2 ($(head -c 300 "$S/err"))"
}

# Lines of file $2 whose third field (the category) is $1.
cat_lines() {
	awk -v c="$1" '$3 == c' "$2"
}

# --- The golden trace: exc, tlb and insn of golden.elf ---
G=$HERE/golden.golden
run --timing fast --kernel "$T/golden.elf" --trace "exc,tlb,insn:$S/golden.trace"
why=$(want_status golden 0)
[ -z "$why" ] && ! diff -u "$G" "$S/golden.trace" >"$S/golden.diff" &&
	why="differs from $G (see $S/golden.diff)"
result "golden: exc,tlb,insn trace of golden.elf matches golden.golden" "$why"

# The golden file itself has what the program does (so it cannot be empty
# or stale in a way that hides a missing category).
why=""
grep -Eq '^[0-9]+ cpu0 exc Sys code 8 epc 0x[0-9a-f]{8} badvaddr 0x00000000 vector 0x80000180$' "$G" || why="no syscall exception"
grep -Eq '^[0-9]+ cpu0 tlb write 1 vpn2 0x00200 va 0x00400000 asid 0x00 - size 4K even 0x000020000 c3 D V odd 0x000000000 c0 - - pc 0x[0-9a-f]{8}$' "$G" || why="no tlbwi of entry 1"
grep -Eq '^[0-9]+ cpu0 tlb refill TLBL badvaddr 0x00402000 epc 0x[0-9a-f]{8} vector 0x80000000$' "$G" || why="no refill"
grep -Eq '^[0-9]+ cpu0 tlb write 2 vpn2 0x00201 va 0x00402000 ' "$G" || why="no write of entry 2"
[ "$(grep -c ' insn ' "$G")" -gt 40 ] || why="too few insn lines"
result "golden: golden.golden has the syscall, both writes and the refill" "$why"

# Repeated --trace options to one file give the same trace; to stderr too.
run --timing fast --kernel "$T/golden.elf" --trace "exc:$S/rep.trace" \
	--trace "tlb,insn:$S/rep.trace"
why=$(want_status rep 0)
[ -z "$why" ] && ! cmp -s "$G" "$S/rep.trace" && why="differs from golden"
result "golden: --trace exc:F --trace tlb,insn:F writes the same file" "$why"
run --timing fast --kernel "$T/golden.elf" --trace all
why=$(want_status all 0)
[ -z "$why" ] && ! diff <(grep '^[0-9]' "$S/err" | grep -v ' dev ') "$G" >/dev/null &&
	why="stderr without dev lines differs from golden"
[ -z "$why" ] && [ "$(cat_lines dev "$S/err" | wc -l)" -ne 1 ] &&
	why="want exactly one dev line (the power-off)"
result "golden: --trace all on stderr is the golden trace plus dev" "$why"

# Categories to separate files.
run --timing fast --kernel "$T/golden.elf" --trace "insn:$S/a.trace" \
	--trace "exc,tlb:$S/b.trace"
why=$(want_status split 0)
[ -z "$why" ] && ! cmp -s <(cat_lines insn "$G") "$S/a.trace" && why="insn file differs"
[ -z "$why" ] && ! cmp -s <(awk '$3 != "insn"' "$G") "$S/b.trace" && why="exc,tlb file differs"
[ -z "$why" ] && [ -s "$S/err" ] && why="stderr not empty: $(head -n 1 "$S/err")"
result "files: --trace insn:A --trace exc,tlb:B split the golden trace" "$why"

# --- dev and irq: the console's END interrupt and an IPI ---
cat >"$S/devirq.want" <<'EOF'
cpu0 dev w intc +0x8 size 4 0x00000001
cpu0 irq source 0 console level 1
cpu0 irq line 0 level 1
cpu0 dev w console +0xc size 4 0x00000002
cpu0 dev r intc +0x10 size 4 0x00000001
cpu0 irq source 0 console level 0
cpu0 dev w console +0xc size 4 0x00000000
cpu0 irq line 0 level 0
cpu0 dev w intc +0x4 size 4 0x00000001
cpu0 irq ipi to 0x1
cpu0 irq line 1 level 1
cpu0 dev w intc +0x18 size 4 0x00000001
cpu0 dev r intc +0x1c size 4 0x00000001
cpu0 irq line 1 level 0
cpu0 dev w intc +0x1c size 4 0x00000001
cpu0 dev w power +0x0 size 4 0x00000000
EOF
run --timing fast --kernel "$T/devirq.elf" --trace "dev,irq:$S/devirq.trace"
why=$(want_status devirq 0)
grep -sv ' dev r console +0x4 ' "$S/devirq.trace" | cut -d' ' -f2- >"$S/devirq.got"
[ -z "$why" ] && ! diff -u "$S/devirq.want" "$S/devirq.got" >"$S/devirq.diff" &&
	why="trace differs (see $S/devirq.diff)"
[ -z "$why" ] && ! grep -Eqs '^[0-9]+ cpu0 dev r console \+0x4 size 4 0x0000000[67]$' "$S/devirq.trace" &&
	why="no STATUS read with END"
result "dev,irq: register accesses, console source, lines 0 and 1, IPI" "$why"

# --- mem: misses with node, page and latency (--timing numa, 2 nodes) ---
run --nodes 2 --mem-per-node 16 --kernel "$T/memnuma.elf" --trace "mem:$S/mem.trace"
why=$(want_status mem 0)
m() { grep -Eqs "^[0-9]+ cpu0 mem $1\$" "$S/mem.trace" || why="no line '$1'"; }
m "ifetch 0x00010000 home 0 page 0x00010 from local latency 60"
m "load 0x01000100 home 1 page 0x01000 from remote latency 180"
m "load 0x00200200 home 0 page 0x00200 from local latency 60"
m "uncached 0x00300300 home 0 page 0x00300 from local latency 60"
m "uncached 0x1f000010 home - page 0x1f000 from device latency 100"
grep -qs '0x00200204' "$S/mem.trace" && why="a primary-cache hit was traced"
[ "$(cat "$S/mem.trace" 2>/dev/null | wc -l)" -lt 6 ] && why="fewer than 6 lines"
result "mem: remote and local misses, uncached, device, no hits" "$why"

run --timing fast --kernel "$T/memnuma.elf" --trace "mem:$S/memfast.trace"
why=$(want_status memfast 0)
[ -z "$why" ] && [ -s "$S/memfast.trace" ] && why="lines with fast timing"
[ -z "$why" ] && [ "$(grep -c 'timing fast has no cache model' "$S/err")" != 1 ] &&
	why="no one-line warning: $(cat "$S/err")"
result "mem: --timing fast says there is nothing to trace" "$why"

# --- Switching from software: the trace-control register ---
on=$(addr "$T/regswitch.elf" trace_on)
off=$(addr "$T/regswitch.elf" trace_off)
run --timing fast --kernel "$T/regswitch.elf"
why=$(want_status regswitch 0)
cat_lines insn "$S/err" >"$S/regswitch.insn"
[ -z "$why" ] && [ "$(wc -l <"$S/regswitch.insn")" != 6 ] &&
	why="$(wc -l <"$S/regswitch.insn") insn lines, want 6"
first=$(printf '%08x' $((0x$on + 4)))
[ -z "$why" ] && [ "$(awk 'NR == 1 { print $4 }' "$S/regswitch.insn")" != "0x$first" ] &&
	why="first traced pc is not trace_on+4 (0x$first)"
[ -z "$why" ] && [ "$(awk 'END { print $4 }' "$S/regswitch.insn")" != "0x$off" ] &&
	why="last traced pc is not trace_off (0x$off)"
result "register: MASK = insn for 5 instructions traces 6 lines" "$why"

# With --trace dev:FILE the program finds dev on, turns it off (insn on,
# to stderr), and restores it: dev lines before and after, none between.
run --timing fast --kernel "$T/regswitch.elf" --trace "dev:$S/rs.trace"
why=$(want_status regswitch-dev 0)
cut -s -d' ' -f2- "$S/rs.trace" >"$S/rs.got" 2>/dev/null
printf '%s\n' "cpu0 dev r tracectl +0x0 size 4 0x00000020" \
	"cpu0 dev w tracectl +0x0 size 4 0x00000020" \
	"cpu0 dev r tracectl +0x0 size 4 0x00000020" \
	"cpu0 dev w power +0x0 size 4 0x00000000" >"$S/rs.want"
[ -z "$why" ] && ! cmp -s "$S/rs.want" "$S/rs.got" && why="dev trace: $(tr '\n' '|' <"$S/rs.got")"
[ -z "$why" ] && [ "$(cat_lines insn "$S/err" | wc -l)" != 6 ] && why="not 6 insn lines on stderr"
result "register: reads --trace's mask, categories keep their file" "$why"

# --- Switching from the console ---
run --timing fast --kernel "$T/golden.elf" --batch -ex 'trace insn on' \
	-ex 'step 3' -ex 'trace insn off' -ex 'step 2' -ex trace
why=$(want_status console 0)
cat_lines insn "$S/err" | awk '{ print $1, $4 }' >"$S/console.got"
printf '%s\n' "0 0x80010000" "1 0x80010004" "2 0x80010008" >"$S/console.want"
[ -z "$why" ] && ! cmp -s "$S/console.want" "$S/console.got" &&
	why="insn lines: $(tr '\n' '|' <"$S/console.got")"
[ -z "$why" ] && ! grep -Eq '^insn +off +stderr$' "$S/out" && why="trace shows no 'insn off stderr'"
result "console: trace insn on, step 3, off, step 2: three lines" "$why"

run --timing fast --kernel "$T/golden.elf" --trace "exc,tlb:$S/c.trace" \
	--batch -ex trace -ex 'trace exc off' -ex 'trace bogus on' -ex c
why=$(want_status console-show 0)
[ -z "$why" ] && ! grep -Eq "^exc +on +$S/c.trace\$" "$S/out" && why="trace does not show exc on $S/c.trace"
[ -z "$why" ] && ! grep -Eq '^dev +off +stderr$' "$S/out" && why="trace does not show dev off"
[ -z "$why" ] && ! grep -q "^trace: unknown category 'bogus'" "$S/err" && why="no error for bogus"
[ -z "$why" ] && [ "$(cat_lines exc "$S/c.trace" | wc -l)" != 0 ] && why="exc lines after trace exc off"
[ -z "$why" ] && [ "$(cat_lines tlb "$S/c.trace" | wc -l)" != 3 ] && why="want 3 tlb lines"
result "console: trace shows files; exc off keeps tlb; bad category" "$why"

# --- Bad --trace arguments: one line, exit 2 ---
for bad in "insn,bogus" "" "insn:" "insn,,exc" "insn:/nonexistent/dir/f"; do
	run --kernel "$T/golden.elf" --trace "$bad"
	why=$(want_status bad 2)
	[ -z "$why" ] && [ "$(wc -l <"$S/err")" != 1 ] && why="not one line: $(cat "$S/err")"
	[ -z "$why" ] && ! grep -q -- '^minidisco: --trace: ' "$S/err" && why="message does not start with 'minidisco: --trace: '"
	[ -z "$why" ] && [ -s "$S/out" ] && why="the machine ran"
	result "bad: --trace '$bad' is a one-line error, exit 2" "$why"
done
run --help
why=$(want_status help 0)
grep -q -- '--trace CATS\[:FILE\]' "$S/out" || why="--help lacks --trace"
grep -q -- '--check-tlb' "$S/out" || why="--help lacks --check-tlb"
result "help: --trace and --check-tlb are listed" "$why"

# --- --check-tlb ---
first=$(addr "$T/tlbdup.elf" first_write)
second=$(addr "$T/tlbdup.elf" second_write)
run --timing fast --kernel "$T/tlbdup.elf" --check-tlb
why=$(want_status tlbdup 4)
want() { grep -Eq -- "$1" "$S/err" || why="report lacks /$1/: $(cat "$S/err")"; }
want "^minidisco: fatal: --check-tlb: cpu 0: the TLB write at 0x$second <second_write> made entry 2 overlap entry 1"
want "^  entry 2: vpn2 0x00200 va 0x00400000 asid 0x00 - size 4K even 0x000030000 c3 D V"
want "^    written by: 0x$second <second_write> \\(the write that just ran\\)$"
want "^  entry 1: vpn2 0x00200 va 0x00400000 asid 0x00 - size 4K even 0x000020000 c3 D V"
want "^    written by: 0x$first <first_write>$"
want "^  cpu 0 stopped at pc 0x[0-9a-f]{8} <second_write\\+0x4>$"
result "check-tlb: duplicate entries: exit 4, both entries and writers" "$why"

run --timing fast --kernel "$T/tlbdup.elf"
result "check-tlb: the same program without --check-tlb powers off" \
	"$(want_status nocheck 0)"

for p in tlbsame tlbasid; do
	run --timing fast --kernel "$T/$p.elf" --check-tlb
	why=$(want_status "$p" 0)
	[ -z "$why" ] && [ -s "$S/err" ] && why="stderr: $(head -n 1 "$S/err")"
	result "check-tlb: $p.elf (no overlap) runs to power-off quietly" "$why"
done

run --timing fast --kernel "$T/tlbglobal.elf" --check-tlb
why=$(want_status tlbglobal 4)
want "^  entry 2: vpn2 0x00200 va 0x00400000 asid 0x02 G size 4K"
want "^  entry 1: vpn2 0x00200 va 0x00400000 asid 0x01 - size 4K"
result "check-tlb: a global entry overlaps another ASID's" "$why"

run --timing fast --kernel "$T/tlbsize.elf" --check-tlb
why=$(want_status tlbsize 4)
want "^  entry 1: vpn2 0x00200 va 0x00400000 asid 0x00 - size 16K"
want "^  entry 2: vpn2 0x00202 va 0x00404000 "
result "check-tlb: a 4K pair inside a 16K pair overlaps" "$why"

run --timing fast --kernel "$T/tlbdup.elf" --check-tlb --batch -ex c -ex regs
why=$(want_status console-check 4)
[ -z "$why" ] && ! grep -q '^--check-tlb: cpu 0 made two TLB entries overlap$' "$S/out" &&
	why="console did not say so: $(cat "$S/out")"
want "made entry 2 overlap entry 1"
result "check-tlb: under the console, continue ends the machine (exit 4)" "$why"

run --timing numa --cpus-per-node 2 --kernel "$T/tlbdup.elf" --check-tlb
why=$(want_status smp 4)
want "^minidisco: fatal: --check-tlb: cpu [01]: "
result "check-tlb: two CPUs, numa timing: the CPU is named" "$why"

echo "trace: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
