#!/bin/bash
# tests/gdb/run.sh - the gdb remote stub (--gdb PORT) against Debian's
# gdb-multiarch in batch mode.
#
# usage: tests/gdb/run.sh MINIDISCO IMAGES_DIR
#   MINIDISCO   build/host/minidisco (or build/san/...)
#   IMAGES_DIR  where prog.elf and spin.elf are (build/mips/tests/gdb)
#
# Each check starts minidisco in the background with --gdb on a port
# picked at random in 20000..39999 (another one if that is busy), runs
# gdb-multiarch -batch with a command file against it, looks for lines
# in gdb's output, and checks the emulator's exit status.  Everything is
# bounded by timeout, and the emulator is always killed at the end.
# Prints one line per check, then "gdb: N passed, M failed"; exit 1 if M > 0.

MD=$1
T=$2
P=$T/prog.elf
SPIN=$T/spin.elf
GDB=gdb-multiarch

if [ -z "$T" ]; then
	echo "usage: $0 MINIDISCO IMAGES_DIR" >&2
	exit 2
fi
if ! command -v $GDB >/dev/null; then
	echo "gdb: $GDB is not installed (scripts/install-deps installs it)"
	exit 1
fi
S=$(mktemp -d /tmp/minidisco-gdb.XXXXXX) || exit 2
mdpid=
pass=0
fail=0

# Kill the emulator if it still runs (by its pid), remove the scratch dir.
cleanup() {
	[ -n "$mdpid" ] && kill "$mdpid" 2>/dev/null
	rm -rf "$S"
}
trap cleanup EXIT

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

# start ARGS...: start minidisco --gdb PORT ARGS in the background (stdout
# $S/md.out, stderr $S/md.err); sets port and mdpid once it listens (its
# own message, not "cannot listen on ...", which a busy port gives);
# false if it never does.
start() {
	local try i
	for try in 1 2 3 4 5 6 7 8; do
		port=$((20000 + RANDOM % 20000))
		timeout 60 "$MD" --gdb $port "$@" >"$S/md.out" 2>"$S/md.err" &
		mdpid=$!
		for i in $(seq 200); do
			grep -qsE "(waiting for gdb|gdb stub listening) on 127.0.0.1:$port\$" \
				"$S/md.err" && return 0
			kill -0 $mdpid 2>/dev/null || break
			sleep 0.05
		done
		wait $mdpid 2>/dev/null
		mdpid=
		grep -q "Address already in use" "$S/md.err" || return 1
	done
	return 1
}

# gdbrun ELF: gdb-multiarch against the emulator with the commands in
# $S/cmds; output in $S/gdb.out.
gdbrun() {
	timeout 60 $GDB -batch -nx -ex 'set architecture mips:4000' \
		-ex "target remote 127.0.0.1:$port" -x "$S/cmds" "$1" \
		>"$S/gdb.out" 2>&1
}

# finish: wait for the emulator (at most 10 s more), set st to its exit
# status (143: it had to be killed).
finish() {
	local i
	for i in $(seq 200); do
		kill -0 $mdpid 2>/dev/null || break
		sleep 0.05
	done
	kill $mdpid 2>/dev/null
	wait $mdpid 2>/dev/null
	st=$?
	mdpid=
}

# want TEXT...: why, if a TEXT is missing from gdb's output (else nothing).
want() {
	local t
	for t in "$@"; do
		if ! grep -qF -- "$t" "$S/gdb.out"; then
			echo "no '$t' in gdb's output"
			return
		fi
	done
}

# session NAME STATUS ELF ARGS... (commands on stdin): one check: start
# the emulator with ARGS, run the commands, want the emulator to exit
# with STATUS; then the caller's wants.
session() {
	local name=$1 status=$2 elf=$3
	shift 3
	cat >"$S/cmds"
	why=
	if ! start --kernel "$elf" "$@"; then
		why="the emulator did not listen: $(head -1 "$S/md.err")"
		return
	fi
	gdbrun "$elf"
	finish
	[ "$st" = "$status" ] ||
		why="emulator exit status $st, want $status ($(tail -1 "$S/md.err"))"
}

# check NAME WHY...: report a session's result, its own failure first.
check() {
	local name=$1
	shift
	if [ -n "$why" ] || [ -n "$*" ]; then
		result "$name" "${why:-$*}"
		sed 's/^/    | /' "$S/gdb.out" | tail -15
	else
		result "$name" ""
	fi
}

# 1. Break at a symbol, registers (64-bit values through $t5; FPRs with
# Status.FR = 0, set by fpu_setup), memory read and write, stepping, and
# the exit status.
session regs 5 "$P" --gdb-wait <<'EOF'
break add
continue
printf "a0=%d a1=%d\n", $a0, $a1
printf "pc-is-add=%d\n", $pc == add
info registers status cause badvaddr
p $f0
info float
x/4xw &words
set var words[1] = 0xcafef00d
x/2xw &words
monitor x/2wx words
set $t5 = -2
monitor regs
set $hi = 0x1234
printf "hi=%x\n", $hi
p/x $fir
set $ret = $ra
stepi
printf "pc-is-ra=%d\n", $pc == $ret
delete
continue
EOF
check regs "$(want 'Breakpoint 1, add (a=0, b=1)' 'a0=0 a1=1' \
	'pc-is-add=1' 'status' 'cause' 'badvaddr' '$1 = 1.5' \
	'f1:  0x000000003ff80000 flt: 1.9375' 'f2:  0x0000000040200000 flt: 2.5' \
	'0x11223344	0x55667788	0x99aabbcc	0xddeeff00' \
	'0x11223344	0xcafef00d' 't5 fffffffffffffffe' 'hi=1234' '= 0x500' \
	'pc-is-ra=1' \
	'exited with code 05')"

# 2. A write watchpoint fires right after the store (value and place),
# then a read watchpoint.
session watch 5 "$P" --gdb-wait <<'EOF'
break add
continue
watch counter
continue
p counter
x/i $pc-4
delete
rwatch words[2]
continue
x/i $pc-4
delete
continue
EOF
check watch "$(want 'Hardware watchpoint 2: counter' 'Old value = 0' \
	'New value = 1' '$1 = 1' 'sw	' 'Hardware read watchpoint 3: words[2]' \
	'Value = 2578103244' 'lw	' 'exited with code 05')"

# 3. Every CPU of a 4-CPU machine is a thread.
session threads 5 "$P" --gdb-wait --nodes 2 --cpus-per-node 2 <<'EOF'
break add
continue
info threads
thread 3
printf "cpu=%d\n", $a0
monitor info cpus
thread 1
delete
continue
EOF
check threads "$(want 'Thread 1 hit Breakpoint 1' 'Thread 1 (cpu 0 node 0' \
	'Thread 2 (cpu 1 node 0' 'Thread 3 (cpu 2 node 1' \
	'Thread 4 (cpu 3 node 1' '[Switching to thread 3' '    3    1 0x' \
	'exited with code 05')"

# 4. monitor passes console commands through (and refuses to run).
session monitor 5 "$P" --gdb-wait <<'EOF'
break add
continue
monitor tlb
monitor where add
monitor where 0xbf000000 store
monitor stats
monitor continue
python
try:
    gdb.execute("x/x 0xbf000000")
except gdb.MemoryError as e:
    print("refused:", e)
end
delete
continue
EOF
check monitor "$(want 'cpu 0: 48 entries, wired 0' 'segment:  kseg0, unmapped' \
	'node:     none: device space' 'machine: instructions' \
	'monitor: the machine runs only through gdb' \
	'refused: Cannot access memory at address 0xbf000000' \
	'exited with code 05')"

# 5. Breakpoints written into memory (no Z0 packets) and a code patch:
# patch() returns 2, so the exit status is 6.
session memory-breaks 6 "$P" --gdb-wait <<'EOF'
set remote software-breakpoint-packet off
break add
continue
continue
set {int}patch = 0x24020002
delete
continue
EOF
check memory-breaks "$(want 'Breakpoint 1, add (a=0, b=1)' \
	'Breakpoint 1, add (a=1, b=2)' 'exited with code 06')"

# 6. Attach to a running machine, continue, Ctrl-C (SIGINT to gdb makes
# it send 0x03), then kill: exit status 0.  The signal goes to gdb itself
# (the child of timeout): timeout would pass it on twice, to gdb and to
# its process group, and a second Ctrl-C makes gdb give up the target.
cat >"$S/cmds" <<'EOF'
continue
printf "spins-moved=%d\n", spins > 0
kill
EOF
why=
if start --kernel "$SPIN"; then
	timeout 60 $GDB -batch -nx -ex 'set architecture mips:4000' \
		-ex "target remote 127.0.0.1:$port" -x "$S/cmds" "$SPIN" \
		>"$S/gdb.out" 2>&1 &
	gpid=$!
	sleep 1
	child=$(cat /proc/$gpid/task/$gpid/children 2>/dev/null)
	kill -INT ${child:-$(pgrep -P $gpid)}
	wait $gpid
	finish
	[ "$st" = 0 ] || why="emulator exit status $st, want 0"
else
	why="the emulator did not listen"
fi
check ctrl-c "$(want 'Program received signal SIGINT' 'main (cpu=0' \
	'spins-moved=1' '(Remote target) killed]')"

# 7. Detach: the machine runs on to its power-off.
session detach 5 "$P" --gdb-wait <<'EOF'
break add
continue
detach
EOF
check detach "$(want 'Breakpoint 1, add' '(Remote target) detached]')"

# 8. --max-insns running out is reported as exit code 3.
session max-insns 3 "$SPIN" --gdb-wait --max-insns 5000 <<'EOF'
continue
EOF
check max-insns "$(want 'exited with code 03')"

# 9. Inferior calls on a 2-CPU machine: gdb saves every register, runs
# triple_plus_one on CPU 0 (every CPU runs), then writes back those that
# changed: Random and, with Compare just ahead of Count, Cause.IP7 have
# moved meanwhile, and the restore must still succeed (IP7 staying live;
# Count, marked save-restore="no", is not turned back).  Then a call on
# CPU 1, parked in WAIT, with scheduler-locking on (CPU 1 alone runs: the
# new pc must take it out of the run loop's parked set).  Then the
# program ends as usual.
session call 5 "$P" --gdb-wait --cpus-per-node 2 <<'EOF'
break add
continue
set $compare = $count + 1
set $old_count = $count
print triple_plus_one(13)
call triple_plus_one(1)
printf "a0=%d a1=%d pc-is-add=%d\n", $a0, $a1, $pc == add
maintenance flush register-cache
printf "ip7-live=%d count-not-rewound=%d\n", ($cause & 0x8000) != 0, $count != $old_count
thread 2
set scheduler-locking on
print triple_plus_one(5)
set scheduler-locking off
thread 1
delete
continue
EOF
check call "$(want '$1 = 40' '$2 = 4' 'a0=0 a1=1 pc-is-add=1' \
	'ip7-live=1 count-not-rewound=1' '$3 = 16' 'exited with code 05')"

# 10. CP0 writes mean what mtc0 would do: Cause takes IP1..IP0 only,
# Status its writable bits (bits 19 and 23 read as 0) with the mode
# following KSU, PRId, BadVAddr, fir and r0 ignore writes, EntryHi takes
# an ASID.  gdb's register cache is flushed so that it reads back what
# the stub holds.  ($s0, $t0, ... are registers: hence $old_*.)
session cp0-writes 5 "$P" --gdb-wait <<'EOF'
break add
continue
set $old_cause = $cause
set $cause = 0xffffffff
maintenance flush register-cache
printf "cause-sw=%x hw-kept=%d\n", $cause & 0x300, ($cause & ~0x300) == ($old_cause & ~0x300)
set $cause = $old_cause & ~0x300
maintenance flush register-cache
printf "cause-sw-cleared=%d\n", ($cause & 0x300) == 0
set $old_status = $status
set $status = $status ^ 0x100 | 0x880000
maintenance flush register-cache
printf "status-changed=%x\n", $status ^ $old_status
set $status = $old_status | 0x10
info threads
set $status = $old_status
set $old_prid = $prid
set $prid = 0x1234
set $fir = 0
set $zero = 5
set $badvaddr = 0x1000
set $entryhi = 0x2a
maintenance flush register-cache
printf "prid-kept=%d fir=%x zero=%d badvaddr=%x entryhi=%x\n", $prid == $old_prid, $fir, $zero, $badvaddr, $entryhi
set $entryhi = 0
delete
continue
EOF
check cp0-writes "$(want 'cause-sw=300 hw-kept=1' 'cause-sw-cleared=1' \
	'status-changed=100' 'Thread 1 (cpu 0 node 0 user)' \
	'prid-kept=1 fir=500 zero=0 badvaddr=0 entryhi=2a' \
	'exited with code 05')"

# 11. Raw protocol: what gdb never sends to a MIPS target (s, vCont;s, a
# bad checksum, escaped X data, ...), from tests/gdb/rsp.py.
why=
words=$("${CROSS:-mips-linux-gnu-}nm" "$P" | awk '$3 == "words" { print $1 }')
if start --kernel "$P" --gdb-wait --cpus-per-node 2; then
	timeout 30 python3 "$(dirname "$0")/rsp.py" $port "$words" \
		>"$S/gdb.out" 2>&1 || why="rsp.py failed"
	finish
	[ -z "$why" ] && [ "$st" != 0 ] && why="emulator exit status $st, want 0"
else
	why="the emulator did not listen"
fi
check raw-protocol ""

# 12. A busy port and --gdb-wait alone are one-line errors, exit 2.
why=
if start --kernel "$P" --gdb-wait; then
	timeout 10 "$MD" --kernel "$P" --gdb $port >/dev/null 2>"$S/err2"
	st2=$?
	kill $mdpid 2>/dev/null
	wait $mdpid 2>/dev/null
	mdpid=
	[ $st2 = 2 ] && [ "$(wc -l <"$S/err2")" = 1 ] &&
		grep -q "cannot listen on 127.0.0.1:$port" "$S/err2" ||
		why="second emulator on port $port: status $st2: $(cat "$S/err2")"
else
	why="the emulator did not listen"
fi
timeout 10 "$MD" --kernel "$P" --gdb-wait >/dev/null 2>"$S/err3"
st3=$?
[ -z "$why" ] && { [ $st3 = 2 ] && grep -q "needs --gdb" "$S/err3"; } ||
	why=${why:-"--gdb-wait alone: status $st3: $(cat "$S/err3")"}
: >"$S/gdb.out"
check errors ""

echo "gdb: $pass passed, $fail failed"
[ $fail = 0 ]
