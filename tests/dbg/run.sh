#!/bin/bash
# tests/dbg/run.sh - tests of the debugger console, driven by command lines.
#
# usage: tests/dbg/run.sh MINIDISCO DBGDRV IMAGES_DIR SCRATCH_DIR
#   MINIDISCO   build/host/minidisco (or build/san/...)
#   DBGDRV      the unit-level driver tests/dbg/dbgdrv.c
#   IMAGES_DIR  where prog.elf and spin.elf are (build/mips/tests/dbg)
#   SCRATCH_DIR where outputs go
#
# Console commands run as `minidisco --kernel K --batch -ex CMD ...` when
# minidisco's --help lists -ex; otherwise through `dbgdrv K CMD ...`, which
# runs them through the same dbg_session_run.  The --pure checks (nothing
# changes the machine) always use dbgdrv, which can compare the whole
# machine state.  Environment: CROSS = prefix of the MIPS binutils.
# Prints one line per check, then "dbg: N passed, M failed"; exit 1 if M > 0.

MD=$1
DRV=$2
T=$3
S=$4
NM=${CROSS:-mips-linux-gnu-}nm
OBJDUMP=${CROSS:-mips-linux-gnu-}objdump
P=$T/prog.elf
SPIN=$T/spin.elf
WAITP=$T/wait.elf

if [ -z "$S" ]; then
	echo "usage: $0 MINIDISCO DBGDRV IMAGES_DIR SCRATCH_DIR" >&2
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

# Address of symbol $2 in ELF file $1, as 8 hex digits (nm may print it
# sign-extended to 16).
addr() {
	"$NM" "$1" | awk -v s="$2" '$3 == s { print substr($1, length($1) - 7) }'
}

CLI=0
"$MD" --help 2>/dev/null | grep -q -- '-ex' && CLI=1
if [ $CLI = 1 ]; then
	echo "dbg: commands go through $MD --batch -ex"
else
	echo "dbg: $MD has no -ex yet: commands go through $DRV"
fi

# run [-2] [-f] [-m N] KERNEL CMD...: run commands in batch mode; stdout
# in $S/out, stderr in $S/err, exit status in $st.  -2: two CPUs; -f:
# --timing fast; -m N: --max-insns N.
run() {
	local two=0 fast=0 max="" k args=()
	while :; do
		case $1 in
		-2) two=1; shift ;;
		-f) fast=1; shift ;;
		-m) max=$2; shift 2 ;;
		*) break ;;
		esac
	done
	k=$1
	shift
	if [ $CLI = 1 ]; then
		[ $two = 1 ] && args+=(--cpus-per-node 2)
		[ $fast = 1 ] && args+=(--timing fast)
		[ -n "$max" ] && args+=(--max-insns "$max")
		for c in "$@"; do args+=(-ex "$c"); done
		timeout 60 "$MD" --kernel "$k" --batch "${args[@]}" \
			>"$S/out" 2>"$S/err" </dev/null
	else
		[ $two = 1 ] && args+=(--cpus 2)
		[ $fast = 1 ] && args+=(--fast)
		[ -n "$max" ] && args+=(--max-insns "$max")
		timeout 60 "$DRV" "${args[@]}" "$k" "$@" \
			>"$S/out" 2>"$S/err" </dev/null
	fi
	st=$?
}

# has NAME FILE TEXT...: check that FILE has a line holding each TEXT
# (fixed strings); FILE is out or err.
has() {
	local name=$1 f=$S/$2 why=""
	shift 2
	for t in "$@"; do
		grep -qF -- "$t" "$f" || why="$why; no '$t' in $(basename "$f")"
	done
	[ $st -le 9 ] || why="$why; exit status $st"
	result "$name" "${why#; }"
}

# status NAME WANT: check the exit status of the last run.
status() {
	[ "$st" -eq "$2" ] && result "$1" "" ||
		result "$1" "exit status $st, expected $2"
}

for f in "$P" "$SPIN" "$WAITP"; do
	[ -f "$f" ] || { echo "dbg: missing $f (make test-dbg builds it)"; exit 2; }
done
A_START=$(addr "$P" _start)
A_KSTOP=$(addr "$P" kernel_stop)
A_TLB=$(addr "$P" tlb_done)
A_FUNC=$(addr "$P" func)
A_WORDS=$(addr "$P" words)
A_MSG=$(addr "$P" msg)
A_DW=$(addr "$P" dwords)
A_BYTES=$(addr "$P" bytes)
A_SPIN=$(addr "$SPIN" spin)
A_SPIN4=$(printf '%08x' $((0x$A_SPIN + 4)))

# wait_for FILE TEXT: wait (up to 30 s) until FILE holds TEXT.
wait_for() {
	local i
	for i in $(seq 300); do
		grep -q "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# --- help and errors ---
run "$P" help
n=$(grep -cE '^  [a-z]' "$S/out")
has "help lists every command, one line each" out "continue (c)" \
	"step (s)" "break (b)" "delete (d)" "info (i)" "regs (r)" "cp0 " \
	"fpu " "tlb " "x/NFU " "disas " "sym " "cpu " "stats " "where " \
	"trace " "quit (q)"
[ "$n" -eq 18 ] && result "help has 18 command lines" "" ||
	result "help has 18 command lines" "$n lines"

run "$P" frob 'x/4q words' 'x/wx nosuch' 'where 0 sideways' 'cpu 3' \
	'b 0x80010002' 'delete 9' 'x/wx 0xbf000000' 'step 0' \
	'b 0xffffffffff' regs
has "errors are one line each" err "unknown command 'frob' (try help)" \
	"bad x format 'q' (formats x d u c s i, units b h w g)" \
	"no symbol 'nosuch'" "where: 'sideways' is not load, store or fetch" \
	"no cpu 3 (the machine has 1)" "0x80010002 is not word-aligned" \
	"no breakpoint number 9" \
	"0xbf000000 is device space (physical 0x1f000000): the debugger does not read devices" \
	"'0' is not a number from 1 to 4294967295" \
	"'0xffffffffff' is not a 32-bit address"
has "commands after errors still run" out "  pc ffffffff$A_START <_start>"
status "machine still stopped after -ex: exit status 0" 0
run "$P" 'st' 'info xyz'
has "ambiguous and unknown names" err "ambiguous command 'st' (try help)" \
	"unknown info subcommand 'xyz' (try help)"

# --- break, continue, step ---
run "$P" 'b kernel_stop' c regs
has "break at a symbol + continue stops there" out \
	"breakpoint 1 at 0x$A_KSTOP <kernel_stop>" \
	"cpu 0 stopped at breakpoint 1, pc 0x$A_KSTOP <kernel_stop>" \
	"  pc ffffffff$A_KSTOP <kernel_stop>"
has "regs at the breakpoint: t0, t1, v0 from func, ra with its symbol" out \
	"  t0 0000000012345678" "  t1 ffffffffffffffff" \
	"  v0 000000000000002a" "  ra ffffffff$A_KSTOP <kernel_stop>" \
	"  hi 0000000000000000    lo 0000000000000000"

run "$P" step regs 'step 3' 'info cpus'
has "step 1 advances pc by one instruction" out \
	"=> 0x80010004 <_start+0x4>:" "  pc ffffffff80010004 <_start+0x4>"
has "step 3 then info cpus: 4 instructions" out \
	"=> 0x80010010 <_start+0x10>:" \
	"*   0    0 0x80010010  kernel (ERL)  running  4 "

run "$P" 'b kernel_stop' 'b tlb_done' 'delete 1' 'info breakpoints' c
has "delete N, info breakpoints, continue to the remaining one" out \
	"deleted breakpoint 1" "2    0x$A_TLB  <tlb_done>" \
	"cpu 0 stopped at breakpoint 2, pc 0x$A_TLB <tlb_done>"
grep -q "stopped at breakpoint 1" "$S/out" &&
	result "a deleted breakpoint does not stop" "it stopped" ||
	result "a deleted breakpoint does not stop" ""

# A CPU stopped at a breakpoint that is then deleted must not stop again
# (cpu/ remembers "stopped at a breakpoint" to step over it next time).
for f in "" -f; do
	run $f "$P" 'b tlb_done' c 'delete 1' c
	has "delete the breakpoint a CPU sits on, continue runs to the end${f:+ (--timing fast)}" \
		out "the machine powered off (status 9, cpu 0)"
done

run "$P" 'b kernel_stop' c c 'info cpus' c
has "continue to power-off; the end is said; nothing more to run" out \
	"the machine powered off (status 9, cpu 0)" \
	"kernel        ended"
has "continue after the end is refused" err \
	"the machine has ended; nothing to run"
status "exit status is the machine's power value" 9

run -m 5 "$P" c
has "--max-insns ends a continue" out "--max-insns 5 reached (cpu 0)"
status "exit status 3 when --max-insns ran out" 3

# --- regs, cp0, fpu, tlb ---
run "$P" "b general_vector" c cp0 fpu stats
has "cp0 names every register; Status and Cause decoded" out \
	" 0 index     0x0000000000000005" " 6 wired     0x0000000000000006" \
	"10 entryhi   0x0000000000400000" "14 epc       0x0000000000400004" \
	"15 prid      0x0000000000000422" "30 errorepc" "20 xcontext" \
	"  status: CU=0x0 RP=0 FR=0 RE=0 BEV=0 TS=0 SR=0 CH=0 CE=0 DE=0 IM=0x00 KX=0 SX=0 UX=0 KSU=user ERL=0 EXL=1 IE=0" \
	"  cause:  BD=0 CE=0 IP=0x00 (none) ExcCode=8 (Sys)"
n=$(grep -cE '^[ 0-9][0-9] [a-z]' "$S/out")
[ "$n" -eq 25 ] && result "cp0 prints the 25 named registers" "" ||
	result "cp0 prints the 25 named registers" "$n lines"
has "stats: instructions and the system call by name" out \
	"cpu 0 (node 0): instructions 35, cycles " "  exceptions: Sys 1" \
	"machine: instructions 35"
has "fpu: f0..f31 and fcsr decoded" out "  f0 0000000000000000" \
	" f31 0000000000000000" \
	"fcsr 0x00000000: FS=0 C=0 cause=- enables=- flags=- RM=RN"

run "$P" 'b tlb_done' c tlb
has "tlb decodes entry 5 and marks wired ones" out \
	"cpu 0: 48 entries, wired 6" \
	" 5 W 0x00200 0x00400000 0x00 - 4K     0x000020000 3 D V    0x000000000 0 - -" \
	" 4 W 0x40004 0x80008000" " 6   0x40006 0x8000c000" "47   0x4002f"
n=$(grep -cE '^[ 0-9][0-9] [W ] 0x' "$S/out")
[ "$n" -eq 48 ] && result "tlb prints all 48 entries" "" ||
	result "tlb prints all 48 entries" "$n lines"

# --- memory ---
run "$P" 'x/4wx words' 'x/s msg' 'x/2xg dwords' 'x/4xb bytes' \
	'x/2c bytes' 'x/2dw words' 'x/2dh words' 'x/1dw dwords+8' \
	'x/1uw dwords+8' "x/wx 0x$A_WORDS+4" 'x/2wx $pc'
W=0x$A_WORDS
has "x/4wx, x/s, x/2xg, x/4xb, x/c, x/d, x/u, hex and \$pc addresses" out \
	"$W <words>:	0x11223344	0x55667788	0x99aabbcc	0xddeeff00" \
	"0x$A_MSG <msg>:	\"hello, debugger\"" \
	"0x$A_DW <dwords>:	0x0123456789abcdef	0xfedcba9876543210" \
	"0x$A_BYTES <bytes>:	0x41	0x42	0xff	0x00" \
	"0x$A_BYTES <bytes>:	65 'A'	66 'B'" \
	"$W <words>:	287454020	1432778632" \
	"$W <words>:	4386	13124" "<dwords+0x8>:	-19088744" \
	"<dwords+0x8>:	4275878552" "<words+0x4>:	0x55667788" \
	"0x$A_START <_start>:	0x3c081234	0x35085678"

# --- disassembly: against the assembled program ---
run "$P" 'disas _start 9' 'x/2i seq_end'
has "disas: mnemonics, CP0 names, branch targets with symbols, pc mark" out \
	"=> 0x$A_START <_start>:	3c081234	lui \$t0, 0x1234" \
	"<_start+0x4>:	35085678	ori \$t0, \$t0, 0x5678" \
	"<_start+0x8>:	2409ffff	addiu \$t1, \$zero, -1" \
	"<_start+0xc>:	400b6000	mfc0 \$t3, \$12	# status" \
	"<_start+0x10>:	1109001a	beq \$t0, \$t1, 0x$A_FUNC <func>" \
	"<seq_end>:	0c00401f	jal 0x$A_FUNC <func>" \
	"<kernel_stop>:	40806000	mtc0 \$zero, \$12	# status"
"$OBJDUMP" -d -z -j .text "$P" | awk '/^[ ]*[0-9a-f]+:\t/ { print $2 }' \
	>"$S/objdump.words"
nw=$(wc -l <"$S/objdump.words")
run "$P" "disas _start $nw"
awk -F'\t' '{ print $2 }' "$S/out" >"$S/disas.words"
cmp -s "$S/objdump.words" "$S/disas.words" &&
	result "disas reads the same $nw words objdump finds in .text" "" ||
	result "disas reads the same $nw words objdump finds in .text" \
		"$(diff "$S/objdump.words" "$S/disas.words" | head -3)"
bad=$(awk -F'\t' '$3 ~ /^\.word/' "$S/out" | head -1)
result "capstone decodes every instruction of .text" "$bad"

# --- symbols ---
run "$P" 'sym words+4' 'info symbol msg' 'sym 0' 'sym 0x84c4b4b4'
has "sym and info symbol" out "0x800100a4 is words+0x4" \
	"0x$A_MSG is msg"
has "sym of an address no symbol holds" err "no symbol holds 0x00000000"
has "a label does not reach past the end of its section" err \
	"no symbol holds 0x84c4b4b4"

# --- where ---
run "$P" 'where 0x80010000' 'where 0xa0010000 store' 'where 0xbfc00000 fetch'
has "where kseg0 and kseg1 from kernel mode (ERL)" out \
	"where 0x80010000: load by cpu 0 in kernel (ERL) mode" \
	"  segment:  kseg0, unmapped" "  physical: 0x00010000" \
	"  node:     0 (its memory: 0x00000000-0x03ffffff)" \
	"  cached:   yes" "  result:   no exception" \
	"where 0xa0010000: store by cpu 0 in kernel (ERL) mode" \
	"  segment:  kseg1, unmapped" "  cached:   no" \
	"  node:     none: boot PROM (read-only)"

run "$P" 'b kmapped_stop' c 'where 0x00500000'
has "where an unmapped kuseg address: TLB refill, TLBL" out \
	"where 0x00500000: load by cpu 0 in kernel mode" \
	"  segment:  kuseg, mapped through the TLB" \
	"  tlb:      no entry matches VPN2 0x00280 with ASID 0x00 or G" \
	"  result:   TLBL (TLB miss or invalid entry, load or fetch) through the TLB refill vector: no TLB entry matches the VPN2 and the current ASID (or G)"

run "$P" 'b user_stop' c 'where 0x80010000' 'where 0x00400000 fetch' \
	'where 0x00401000' 'where 0x00500000 store' 'where 0x00400002 fetch'
has "where from user mode: kseg0 is AdEL" out \
	"where 0x80010000: load by cpu 0 in user mode" \
	"  result:   AdEL (address error, load or fetch): the segment is not accessible in this mode"
has "where a fetch off a word boundary: AdEL, not aligned" out \
	"where 0x00400002: fetch by cpu 0 in user mode" \
	"  result:   AdEL (address error, load or fetch): the address is not aligned for this access"
has "where a mapped page: entry, even/odd, size, physical" out \
	"  tlb:      entry 5, even page of 4 KB" "  physical: 0x00020000" \
	"  tlb:      entry 5, odd page of 4 KB" \
	"  result:   TLBL (TLB miss or invalid entry, load or fetch): the matching TLB entry has V=0 for this page" \
	"  result:   TLBS (TLB miss or invalid entry, store) through the TLB refill vector"

# --- several CPUs ---
run -2 "$P" 'info cpus' 'b kernel_stop' c c 'cpu 1' regs 'cpu' 'cpu 2'
has "two CPUs: info cpus, both stop, cpu 1 selected" out \
	"*   0    0 0x$A_START  kernel (ERL)  running  0 " \
	"    1    0 0x$A_START  kernel (ERL)  running  0 " \
	"cpu 0 stopped at breakpoint 1" "cpu 1 stopped at breakpoint 1" \
	"cpu 1 of 2 selected" "  a0 0000000000000001    a1 0000000000000002"
has "cpu 2 of a 2-CPU machine is refused" err "no cpu 2 (the machine has 2)"

W=$WAITP
run -2 "$W" 'b cpu0_done' c 'info cpus'
has "info cpus: a CPU parked in WAIT is waiting, one at a breakpoint stopped" \
	out "    1    0 0x$(addr "$W" after_wait)  kernel (ERL)  waiting  3 " \
	"*   0    0 0x$(addr "$W" cpu0_done)  kernel (ERL)  stopped "

# --- inspection changes nothing ---
INSPECT=(help regs cp0 fpu tlb 'x/4wx words' 'x/s msg' 'x/8i $pc' disas
	'info cpus' stats 'sym $pc' 'where 0x00500000 store'
	'where 0x80010000 fetch' 'where 0x00401000' 'info all-registers'
	'info breakpoints' 'cpu 0' 'x/wx 0xbf000000' 'x/4xg 0xbfc00000'
	'x/64xb $sp')
for at in "" kernel_stop kmapped_stop user_stop; do
	setup=()
	[ -n "$at" ] && setup=("b $at" c --)
	timeout 60 "$DRV" --pure "$P" "${setup[@]}" "${INSPECT[@]}" \
		>"$S/out" 2>"$S/err"
	st=$?
	[ $st = 0 ] && result "inspection changes nothing (at ${at:-reset})" "" ||
		result "inspection changes nothing (at ${at:-reset})" \
			"$(grep -A2 '^pure' "$S/out" | tr '\n' ' ')"
done
timeout 60 "$DRV" --pure "$P" step >"$S/out" 2>"$S/err"
grep -q "pure: CHANGED" "$S/out" &&
	result "the purity check sees a step (it can fail)" "" ||
	result "the purity check sees a step (it can fail)" "not seen"
run "$P" 'b user_stop' c 'info all-registers' tlb "${INSPECT[@]}" \
	'info all-registers' tlb
awk '/^cpu 0$/ { n++ } n == 1' "$S/out" | head -60 >"$S/dump1"
awk '/^cpu 0$/ { n++ } n == 2' "$S/out" | head -60 >"$S/dump2"
[ -s "$S/dump1" ] && cmp -s "$S/dump1" "$S/dump2" &&
	result "registers and CP0 the same before and after inspection" "" ||
	result "registers and CP0 the same before and after inspection" \
		"$(diff "$S/dump1" "$S/dump2" | head -3)"

# --- the console: lines from stdin, Ctrl-C, readline on a terminal ---
# (minidisco: with -ex and without --batch, a stdin that is not a terminal
# belongs to the console, not to the guest's console device.)
printf 'regs\nquit\n' >"$S/in"
if [ $CLI = 1 ]; then
	CONSOLE=("$MD" --kernel)
else
	CONSOLE=("$DRV" --console)
fi
timeout 60 "${CONSOLE[@]}" "$P" -ex 'b kernel_stop' -ex c \
	<"$S/in" >"$S/out" 2>"$S/err"
st=$?
has "without --batch the console reads commands from stdin" out \
	"  pc ffffffff$A_KSTOP <kernel_stop>"
status "quit with the machine stopped: exit status 0" 0

if [ $CLI = 1 ]; then
	timeout 60 "$MD" --kernel "$P" --stop-at tlb_done \
		</dev/null >"$S/out" 2>"$S/err"
	st=$?
	has "--stop-at enters the console" out \
		"cpu 0 stopped at breakpoint 1, pc 0x$A_TLB <tlb_done>" \
		"=> 0x$A_TLB <tlb_done>:"
	timeout 60 "$MD" --kernel "$P" --stop-at tlb_done --batch \
		</dev/null >"$S/out" 2>"$S/err"
	st=$?
	[ ! -s "$S/out" ] && [ $st = 0 ] &&
		result "--stop-at with --batch: no console" "" ||
		result "--stop-at with --batch: no console" "status $st"
fi

# Ctrl-C: the spinning program stops between quanta; the console then
# reads stdin (/dev/null: end of input, so it quits).  Ctrl-C goes only
# once the program has said it spins: earlier, the default action of
# SIGINT would end the process, as it would for any program.
"${CONSOLE[@]}" "$SPIN" </dev/null >"$S/out" 2>"$S/err" &
pid=$!
wait_for "$S/out" spinning
kill -INT $pid
( sleep 30; kill -KILL $pid 2>/dev/null ) >/dev/null 2>&1 &
guard=$!
wait $pid
st=$?
kill $guard 2>/dev/null
has "Ctrl-C stops a running machine and enters the console" out \
	"cpu 0 interrupted at pc 0x"
status "end of input after Ctrl-C: exit status 0" 0

# Ctrl-C at the prompt (stdin a pipe that stays open) does not end the
# console, as in gdb: the commands written after it still run.  (Opening
# the fifo waits for the writer, so out is made first; env gives
# the background job SIGINT's default action, which bash would ignore.)
mkfifo "$S/fifo"
rm -f "$S/out"
env --default-signal=INT "${CONSOLE[@]}" "$P" -ex 'b kernel_stop' -ex c \
	>"$S/out" 2>"$S/err" <"$S/fifo" &
pid=$!
exec 7>"$S/fifo"
wait_for "$S/out" "<kernel_stop>"
sleep 0.2
kill -INT $pid
sleep 0.2
( trap '' PIPE; printf 'regs\nquit\n' >&7 ) 2>/dev/null # if it died
exec 7>&-
( sleep 30; kill -KILL $pid 2>/dev/null ) >/dev/null 2>&1 &
guard=$!
wait $pid
st=$?
kill $guard 2>/dev/null
[ "$(grep -c "pc ffffffff$A_KSTOP <kernel_stop>" "$S/out")" -ge 1 ] &&
	result "Ctrl-C at the prompt: the next commands still run" "" ||
	result "Ctrl-C at the prompt: the next commands still run" \
		"regs did not run"
status "Ctrl-C at the prompt, then quit: exit status 0" 0

# On a terminal (script(1) makes one): readline, completion, Ctrl-C, and
# an empty line repeating step.  Keys are typed with pauses so that each
# reaches the program in the state it is meant for.  The command is exec'd:
# script(1) runs it through $SHELL -c, and a dash left waiting as its
# parent in the terminal's process group dies of the Ctrl-C (status 130).
if command -v script >/dev/null; then
	{
		wait_for "$S/tty" spinning; printf '\003' # stop the machine
		sleep 1; printf 'info cp\t\n'  # info subcommand completion
		sleep 0.5; printf 'x/1i sp\t\n' # symbol completion
		sleep 0.5; printf 'junk\003'     # Ctrl-C drops the line
		sleep 0.5; printf 'step\n'
		sleep 0.5; printf '\n'           # repeats step
		sleep 0.5; printf 'quit\n'
		sleep 1
	} | timeout 60 script -qec "exec $(printf '%q ' "${CONSOLE[@]}" "$SPIN")" \
		/dev/null >"$S/tty" 2>&1
	st=$?
	tr -d '\r' <"$S/tty" | sed 's/\x1b\[[?0-9;]*[a-zA-Z]//g' >"$S/out"
	has "terminal: Ctrl-C, prompt, info cpus completed, spin completed" \
		out "cpu 0 interrupted at pc 0x" "(minidisco) info cpus" \
		"(minidisco) x/1i spin" "0x$A_SPIN <spin>:	1000ffff"
	n=$(grep -c "^=> 0x\\($A_SPIN\\|$A_SPIN4\\) <spin" "$S/out") # Ctrl-C, step, again
	[ "$n" -ge 3 ] && result "terminal: step, then an empty line steps again" "" ||
		result "terminal: step, then an empty line steps again" \
			"$n instruction lines"
	grep -q "unknown command 'junk" "$S/out" &&
		result "terminal: Ctrl-C drops the line being typed" "it ran" ||
		result "terminal: Ctrl-C drops the line being typed" ""
	status "terminal: quit, exit status 0" 0
else
	echo "note: no script(1): the terminal checks are skipped"
fi

echo "dbg: $pass passed, $fail failed"
[ $fail -eq 0 ]
