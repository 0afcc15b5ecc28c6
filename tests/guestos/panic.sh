#!/bin/bash
# tests/guestos/panic.sh - a kernel fault ends in a clean panic, never a
# hang: gdb-multiarch, attached to the waiting machine, replaces the first
# instruction of sys_uptime with `lw t0, 0(zero)`; usertests calls
# uptime at once, the kernel faults (TLBL in kernel mode at address 0) and
# must print the panic line, the registers and a backtrace through
# sys_uptime, syscall and usertrap, then power off with status 1.
#
# usage: tests/guestos/panic.sh MINIDISCO KERNEL FSIMG WORKDIR
MD=$1 KERNEL=$2 IMG=$3 S=$4
mkdir -p "$S" || exit 2
cp "$IMG" "$S/panic.img" || exit 2

# Start the machine halted for gdb on a free port; sets port and mdpid.
start() {
	local try i
	for try in 1 2 3 4 5 6 7 8; do
		port=$((20000 + RANDOM % 20000))
		timeout 120 "$MD" --machine images/disco.ini --kernel "$KERNEL" \
			--disk "$S/panic.img" --append run=/bin/usertests \
			--gdb $port --gdb-wait </dev/null \
			>"$S/panic.out" 2>"$S/panic.err" &
		mdpid=$!
		for i in $(seq 200); do
			grep -q "on 127.0.0.1:$port" "$S/panic.err" && return 0
			kill -0 $mdpid 2>/dev/null || break
			sleep 0.05
		done
		wait $mdpid 2>/dev/null
		grep -q "Address already in use" "$S/panic.err" || return 1
	done
	return 1
}

why=""
if ! start; then
	why="the emulator did not listen: $(head -1 "$S/panic.err")"
else
	timeout 120 gdb-multiarch -batch -nx -ex 'set architecture mips:4000' \
		-ex "target remote 127.0.0.1:$port" \
		-ex 'set {unsigned int}sys_uptime = 0x8c080000' -ex continue \
		"$KERNEL" >"$S/gdb.out" 2>&1
	wait $mdpid
	st=$?
	[ $st = 1 ] || why="exit status $st, expected 1"
	grep -q "^panic (cpu [0-9]*): kernel trap TLBL" "$S/panic.out" ||
		why="$why; no panic line"
	grep -q "^ epc [0-9a-f]*  badvaddr 00000000" "$S/panic.out" ||
		why="$why; no registers"
	chain=$(sed -n '/^backtrace:/,$p' "$S/panic.out" | grep -o '0x[0-9a-f]*' |
		mips-linux-gnu-addr2line -f -e "$KERNEL" | sed -n 'p;n' | head -3 |
		tr '\n' ' ')
	[ "$chain" = "sys_uptime syscall usertrap " ] ||
		why="$why; backtrace '$chain'"
fi
if [ -z "$why" ]; then
	echo "ok   kernel fault: panic with registers and backtrace, status 1"
else
	echo "FAIL kernel fault: ${why#; } (see $S/panic.out)"
	exit 1
fi
