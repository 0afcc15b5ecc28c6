#!/bin/bash
# tests/cli/run.sh - drive build/minidisco's command line and check exit
# statuses, messages and output.
#
# usage: tests/cli/run.sh MINIDISCO SCRATCH_DIR [IMAGES_DIR]
#   MINIDISCO   the binary under test (build/host/minidisco, build/san/...)
#   SCRATCH_DIR where broken ELF files and outputs are written
#   IMAGES_DIR  the MIPS images (default build/mips): demo/hello.elf and
#               tests/cli/*.elf, built by `make test-cli`
# Environment: CLI_FUZZ=N mutated ELF files to try (default 300),
#              CROSS=prefix of the MIPS binutils (default mips-linux-gnu-).
# Prints one line per check, then "cli: N passed, M failed"; exits 1 if M > 0.

MD=$1
S=$2
IMG=${3:-build/mips}
T=$IMG/tests/cli
NM=${CROSS:-mips-linux-gnu-}nm
FUZZ=${CLI_FUZZ:-300}

if [ -z "$MD" ] || [ -z "$S" ]; then
	echo "usage: $0 MINIDISCO SCRATCH_DIR [IMAGES_DIR]" >&2
	exit 2
fi
mkdir -p "$S" || exit 2
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

# Run minidisco with the given arguments; leave status in $st (124 if it
# ran for more than a minute).
md() {
	timeout 60 "$MD" "$@" </dev/null >"$S/out" 2>"$S/err"
	st=$?
}

# check NAME STATUS ERR OUT ARGS...: run minidisco with ARGS and expect
# exit STATUS; ERR "" = empty stderr, "-" = anything, else an ERE that
# stderr's single line must match; OUT "-" = anything, else exact stdout
# (printf format).
check() {
	local name=$1 want=$2 err=$3 out=$4 why=""
	shift 4
	md "$@"
	[ "$st" -eq "$want" ] || why="exit status $st, expected $want"
	if [ -z "$err" ]; then
		[ -s "$S/err" ] && why="$why; stderr: $(head -c 300 "$S/err")"
	elif [ "$err" != "-" ]; then
		if [ "$(wc -l <"$S/err")" -ne 1 ] ||
		   ! grep -Eq -- "$err" "$S/err"; then
			why="$why; stderr: $(head -c 300 "$S/err")"
		fi
	fi
	if [ "$out" != "-" ]; then
		# shellcheck disable=SC2059
		printf "$out" >"$S/want"
		cmp -s "$S/want" "$S/out" ||
			why="$why; stdout: $(head -c 300 "$S/out" | tr '\n' '|')"
	fi
	result "$name" "${why#; }"
}

# patch FILE OFFSET BYTE...: overwrite bytes (given as two hex digits).
patch() {
	local f=$1 off=$2 b
	shift 2
	for b in "$@"; do
		printf "\\x$b" | dd of="$f" bs=1 seek="$off" conv=notrunc \
			status=none
		off=$((off + 1))
	done
}

# Address of symbol $2 in ELF file $1, as 8 hex digits (nm may print the
# sign-extended 16-digit form).
symaddr() {
	"$NM" "$1" | awk -v s="$2" '$3 == s { print substr($1, length($1) - 7) }'
}

for f in "$MD" "$IMG/demo/hello.elf" "$T/power42.elf" "$T/elf64.elf"; do
	if [ ! -e "$f" ]; then
		echo "cli: $f is missing (run make test-cli)" >&2
		exit 2
	fi
done
HELLO=$IMG/demo/hello.elf
U='^minidisco: '

# --- the command line itself ---
md --help
why=""
[ "$st" -eq 0 ] || why="exit status $st"
for o in kernel machine nodes cpus-per-node mem-per-node timing module append \
	disk ex batch max-insns stop-at stats dump-regs help version; do
	[ "$(grep -c -- "^  --$o\b" "$S/out")" -eq 1 ] || why="$why; no --$o line"
done
result "--help lists every option, exit 0" "${why#; }"
check "--version" 0 "" "-" --version
check "unknown option" 2 "${U}unknown or ambiguous option '--frobnicate'" "" \
	--frobnicate --kernel "$HELLO"
check "unknown short option" 2 "${U}unknown option '-z'" "" -z
check "missing --kernel" 2 "${U}missing --kernel" ""
check "ambiguous abbreviation --m" 2 "${U}unknown or ambiguous option '--m'" "" \
	--m 1 --kernel "$HELLO"
check "--kernel with an empty name" 2 "${U}--kernel: empty file name" "" \
	--kernel=
check "abbreviation and --opt=value work" 0 "" "-" --mem=32 --kern "$HELLO"
check "--kernel without a value" 2 "${U}option '--kernel' needs a value" "" \
	--kernel
check "stray argument" 2 "${U}unexpected argument 'extra'" "" \
	--kernel "$HELLO" extra
check "missing kernel file" 2 "${U}$S/nonexistent.elf: No such file" "" \
	--kernel "$S/nonexistent.elf"
check "kernel is a directory" 2 "${U}.*: not a regular file" "" --kernel "$S"
for v in 0 497 abc -5 12x ""; do
	check "--mem-per-node '$v' refused" 2 "${U}--mem-per-node: '$v'" "" \
		--mem-per-node "$v" --kernel "$HELLO"
done
source "$(dirname "$0")/config.sh"
source "$(dirname "$0")/boot.sh"
for v in 0 x 1e6 -1 99999999999999999999999; do
	check "--max-insns '$v' refused" 2 "${U}--max-insns: '$v'" "" \
		--max-insns "$v" --kernel "$HELLO"
done
for v in 0x 0xzz 0x100000000 0x123456789abcdef01; do
	check "--stop-at '$v' refused" 2 "${U}--stop-at: '$v'" "" \
		--stop-at "$v" --kernel "$HELLO"
done
check "--stop-at unknown symbol" 2 "${U}--stop-at: no symbol 'nosuch'" "" \
	--stop-at nosuch --kernel "$HELLO"

# --- images the loader must refuse ---
printf 'this is not an ELF file\n' >"$S/text.elf"
check "not an ELF file" 2 "${U}.*text.elf: not an ELF file" "" \
	--kernel "$S/text.elf"
: >"$S/empty.elf"
check "empty file" 2 "${U}.*empty.elf: not an ELF file" "" \
	--kernel "$S/empty.elf"
cp "$HELLO" "$S/le.elf" && patch "$S/le.elf" 5 01
check "little-endian ELF" 2 "${U}.*le.elf: little-endian ELF" "" \
	--kernel "$S/le.elf"
check "ELF64 image" 2 "${U}.*elf64.elf: ELF64" "" --kernel "$T/elf64.elf"
cp "$HELLO" "$S/x86.elf" && patch "$S/x86.elf" 18 00 03
check "not MIPS (e_machine 3)" 2 "${U}.*x86.elf: not a MIPS" "" \
	--kernel "$S/x86.elf"
cp "$HELLO" "$S/dyn.elf" && patch "$S/dyn.elf" 16 00 03
check "not executable (ET_DYN)" 2 "${U}.*dyn.elf: not an executable" "" \
	--kernel "$S/dyn.elf"
size=$(wc -c <"$HELLO")
for cut in 12 40 60 $((size - 1)); do
	head -c "$cut" "$HELLO" >"$S/cut$cut.elf"
	check "truncated ELF ($cut of $size bytes)" 2 "${U}.*truncated" "" \
		--kernel "$S/cut$cut.elf"
done
# Without section headers the first thing past the end is the segment.
cp "$HELLO" "$S/nosh.elf" && patch "$S/nosh.elf" 48 00 00
check "no section headers still boots" 0 "" "-" --kernel "$S/nosh.elf"
head -c 128 "$S/nosh.elf" >"$S/cutseg.elf"
check "truncated segment" 2 "${U}.*cutseg.elf: segment 0 .*truncated" "" \
	--kernel "$S/cutseg.elf"
check "segment in device space" 2 \
	"${U}.*devseg.elf: segment 1 \(physical 0x1f000000-0x1f000003\) overlaps device space" \
	"" --kernel "$T/devseg.elf"
check "segment beyond RAM (--mem-per-node 8)" 2 \
	"${U}.*far.elf: segment 1 \(physical 0x00800000-0x00800003\) lies beyond RAM" \
	"" --mem-per-node 8 --kernel "$T/far.elf"
check "segment at 8 MB loads with --mem-per-node 9" 0 "" "" \
	--mem-per-node 9 --kernel "$T/far.elf"
cp "$HELLO" "$S/entry.elf" && patch "$S/entry.elf" 24 c0 00 00 00
check "entry point in kseg2" 2 "${U}.*entry point 0xc0000000 is not in kseg0" "" \
	--kernel "$S/entry.elf"
cp "$HELLO" "$S/entry2.elf" && patch "$S/entry2.elf" 24 80 01 00 02
check "entry point not word-aligned" 2 "${U}.*entry point 0x80010002" "" \
	--kernel "$S/entry2.elf"
cp "$HELLO" "$S/entry3.elf" && patch "$S/entry3.elf" 24 84 00 00 00
check "entry point beyond RAM" 2 "${U}.*entry point 0x84000000 is not in RAM" "" \
	--kernel "$S/entry3.elf"

# --- running programs ---
check "demo prints its greeting, exit 0" 0 "" \
	"minidisco: hello from the R4000\nminidisco: this is cpu 0 of 1, on node 0 of 1\n" \
	--kernel "$HELLO"
check "demo on 4 cpus on 2 nodes: each cpu in turn" 0 "" \
	"minidisco: hello from the R4000\nminidisco: this is cpu 0 of 4, on node 0 of 2\nminidisco: this is cpu 1 of 4, on node 0 of 2\nminidisco: this is cpu 2 of 4, on node 1 of 2\nminidisco: this is cpu 3 of 4, on node 1 of 2\n" \
	--nodes 2 --cpus-per-node 2 --kernel "$HELLO"
check "demo with the largest RAM (496 MB)" 0 "" "-" \
	--mem-per-node 496 --kernel "$HELLO"
check "power off with 42" 42 "" "" --kernel "$T/power42.elf"
check "kseg0 p_paddr (no AT in the link) is masked to physical" 42 "" "" \
	--kernel "$T/kseg0-paddr.elf"
check "--max-insns 4 lets the 4th instruction power off" 42 "" "" \
	--max-insns 4 --kernel "$T/power42.elf"
check "--max-insns 3 stops before it" 3 \
	"${U}--max-insns 3 reached at pc 0x8001000c \(_start\+0xc\)$" "" \
	--max-insns 3 --kernel "$T/power42.elf"
# --stats: the report is JSON and counts what ran.
check "--stats after --max-insns" 3 "-" "" --timing fast \
	--stats "$S/stats.json" --max-insns 2500000 --kernel "$T/spin.elf"
why=""
grep -Eq '"instructions":[[:space:]]*2500000,' "$S/stats.json" ||
	why="no instructions 2500000 in $(tr -d '\n\t' <"$S/stats.json" | head -c 200)"
grep -Eq '"cycles":[[:space:]]*2500000,' "$S/stats.json" || why="$why; cycles"
grep -Eq '"Sys":[[:space:]]*0,' "$S/stats.json" || why="$why; exceptions.Sys"
result "  ... counts exactly the instructions run" "${why#; }"
check "--stats into a missing directory" 2 "${U}--stats: cannot write '$S/no/such/s.json'" "" \
	--stats "$S/no/such/s.json" --kernel "$HELLO"
# One nop, then 1249999 turns of the 2-instruction loop and its branch:
# the run stops exactly between the branch and its delay slot.
check "--max-insns exhausted in a loop stops at the exact instruction" 3 \
	"${U}--max-insns 2500000 reached at pc 0x[0-9a-f]+ \(spin_loop\+0x4\)$" "" \
	--max-insns 2500000 --kernel "$T/spin.elf"
check "console: sb, low byte of sw, registers read 0" 0 "" "sb ok\nW\n" \
	--kernel "$T/console.elf"
check "boot from PROM, bus errors (load, PROM store) to its BEV vector" 0 "" "prom\ndbe\ndbe\n" \
	--kernel "$T/prom.elf"
check "misaligned lh/sh/ld/sd in page 0 raise AdEL/AdES" 0 "" "4\n5\n4\n5\n" \
	--kernel "$T/align.elf"
check "WAIT with nothing to wake the CPU is fatal" 4 "-" "" \
	--kernel "$T/idle.elf"
grep -q "${U}fatal: every CPU is in WAIT" "$S/err"
result "  ... and says so on stderr" "$([ $? -eq 0 ] || head -c 300 "$S/err")"

# --- --stop-at and --dump-regs ---
target=$(symaddr "$T/stopat.elf" target)
check "without --stop-at the program ends with 7" 7 "" "" \
	--kernel "$T/stopat.elf"
check "--stop-at target" 0 "${U}cpu 0 stopped at pc 0x$target \(target\)$" \
	"-" --stop-at target --dump-regs --kernel "$T/stopat.elf"
why=""
want_pc="0xffffffff$target"
grep -qx "pc $want_pc" "$S/out" || why="no 'pc $want_pc' line"
grep -Eqx "r6 0x00000000000[0-9a-f]{2}000" "$S/out" ||
	why="$why; a2 (r6) is not the boot information block's page"
for line in "cpu 0" "r0 0x0000000000000000" "r4 0x0000000000000000" \
	"r5 0x0000000000000001" \
	"r8 0x0000000012345678" "r9 0xffffffffffffffff" \
	"r10 0x0000000000000000"; do
	grep -qx "$line" "$S/out" || why="$why; no '$line' line"
done
for reg in r1 r2 r3 r7 r11 r12 r13 r14 r15 r16 r17 r18 r19 r20 r21 r22 \
	r23 r24 r25 r26 r27 r28 r29 r30 r31 hi lo status cause epc; do
	grep -Eqx "$reg 0x[0-9a-f]{16}" "$S/out" || why="$why; no $reg line"
done
result "  ... --dump-regs: pc at target, a0/a1/a2, t0/t1 set, t2 not yet" \
	"${why#; }"
check "--stop-at 0xADDR --batch" 0 "${U}cpu 0 stopped at pc 0x$target" "" \
	--batch --stop-at "0x$target" --kernel "$T/stopat.elf"
check "--stop-at without --batch: the console says where, stdin ends it" 0 \
	"${U}cpu 0 stopped at pc 0x$target" "-" \
	--stop-at "0x$target" --kernel "$T/stopat.elf"
grep -q "^cpu 0 stopped at breakpoint 1, pc 0x$target <target>$" "$S/out"
result "  ... on stdout" "$([ $? -eq 0 ] || head -c 300 "$S/out")"
check "-ex commands, --batch" 0 "${U}cpu 0 stopped at pc 0x$target" "-" \
	--batch -ex "break target" -ex continue --kernel "$T/stopat.elf"
grep -q "^cpu 0 stopped at breakpoint 1, pc 0x$target <target>$" "$S/out"
result "  ... stop at the breakpoint they set" "$([ $? -eq 0 ] || head -c 300 "$S/out")"
check "--stop-at sign-extended 0xffffffffADDR" 0 "${U}cpu 0 stopped" "" \
	--batch --stop-at "0xffffffff$target" --kernel "$T/stopat.elf"
check "--stop-at never reached: program runs to power-off" 42 "" "" \
	--stop-at 0x80012000 --kernel "$T/power42.elf"
check "--dump-regs at power-off" 42 "" "-" --dump-regs --kernel "$T/power42.elf"
why=""
grep -qx "cpu 0" "$S/out" || why="no 'cpu 0' line"
grep -qx "r9 0x000000000000002a" "$S/out" || why="$why; no 'r9 0x...2a' line"
grep -qx "pc 0xffffffff80010010" "$S/out" || why="$why; pc not after the sw"
result "  ... registers as at power-off" "${why#; }"

# --- fuzz: broken ELF files must give a clean answer, never a crash ---
RANDOM=1997
bad=""
for ((i = 0; i < FUZZ; i++)); do
	cp "$HELLO" "$S/fuzz.elf"
	if ((i % 4 == 0)); then
		head -c $((RANDOM % size)) "$HELLO" >"$S/fuzz.elf"
	else
		for ((k = 0; k < 1 + RANDOM % 4; k++)); do
			if ((RANDOM % 2)); then off=$((RANDOM % 96))
			else off=$((RANDOM % size)); fi
			byte=$((RANDOM % 256)) # not inside $(): subshells reseed
			patch "$S/fuzz.elf" "$off" "$(printf %02x "$byte")"
		done
	fi
	timeout 60 "$MD" --max-insns 20000 --kernel "$S/fuzz.elf" </dev/null \
		>/dev/null 2>"$S/err"
	st=$?
	if [ "$st" -ge 124 ] ||
	   grep -Eq 'Sanitizer|runtime error|internal error' "$S/err"; then
		cp "$S/fuzz.elf" "$S/fuzz-crash-$i.elf"
		bad="$bad $i(status $st)"
	fi
done
result "fuzz: $FUZZ mutated images, no crash" \
	"${bad:+crashed on:$bad (kept as $S/fuzz-crash-*.elf)}"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
