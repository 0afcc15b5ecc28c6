#!/bin/sh
# tests/devices/run.sh - run the device programs of tests/devices/*.S on
# build/minidisco and check what they leave behind: the disk image file,
# the console output for input from a pipe, a file and /dev/null, and the
# host channel records in the --stats file.
#
# usage: tests/devices/run.sh MINIDISCO ELF_DIR SCRATCH_DIR
#   MINIDISCO    the binary under test (build/host/minidisco, ...)
#   ELF_DIR      where the programs (disk_dma.elf, ...) are
#   SCRATCH_DIR  where images, inputs and outputs are written
# Prints one line per check, then "devices: N passed, M failed"; exits 1
# if M > 0, 2 on a usage error.

MD=$1
T=$2
S=$3
if [ -z "$MD" ] || [ -z "$T" ] || [ -z "$S" ]; then
	echo "usage: $0 MINIDISCO ELF_DIR SCRATCH_DIR" >&2
	exit 2
fi
if [ ! -x "$MD" ]; then
	echo "run.sh: emulator '$MD' not found or not executable" >&2
	exit 2
fi
mkdir -p "$S" || exit 2
pass=0
fail=0
MAX=50000000
CONMAX=2000000000 # the console program spins until host input comes

# Count one check: ok NAME, or FAIL NAME: WHY (WHY empty means ok).
result() {
	if [ -z "$2" ]; then
		echo "ok   $1"
		pass=$((pass + 1))
	else
		echo "FAIL $1: $2"
		fail=$((fail + 1))
	fi
}

# Run minidisco with the arguments, stdin from $IN (default /dev/null);
# status in $st, output in $S/out, errors in $S/err.
md() {
	timeout 60 "$MD" "$@" <"${IN:-/dev/null}" >"$S/out" 2>"$S/err"
	st=$?
}

# Why a run that should pass did not ("" if it passed).
why_run() {
	if [ "$st" -ne 0 ]; then
		echo "status $st: $(head -c 300 "$S/out" "$S/err" | tr '\n' ' ')"
	elif [ -s "$S/err" ]; then
		echo "stderr: $(head -c 200 "$S/err")"
	fi
}

# ---- disk: DMA read and write, the bytes checked in the image file ----
img=$S/disk.img
yes "minidisco disk test" | head -c 4096 >"$S/disk.orig"
yes "written by the guest" | head -c 1024 >"$S/guest.txt"
cp "$S/disk.orig" "$img"
md --disk "$img" --max-insns $MAX --stats "$S/disk1.json" \
	--kernel "$T/disk_dma.elf"
result "disk_dma runs" "$(why_run)"
why=""
[ "$(wc -c <"$img")" -eq 4096 ] || why="image size $(wc -c <"$img")"
cmp -s -n 2560 "$img" "$S/disk.orig" || why="$why; sectors 0-4 changed"
cmp -s -i 2560:0 -n 1024 "$img" "$S/guest.txt" ||
	why="$why; sectors 5-6 are not the guest's text"
cmp -s -i 3584:3584 "$img" "$S/disk.orig" || why="$why; sector 7 changed"
result "disk image holds the guest's sectors 5-6 and nothing else" "$why"

# The same run again gives the same statistics (completion times).
cp "$S/disk.orig" "$img"
md --disk "$img" --max-insns $MAX --stats "$S/disk2.json" \
	--kernel "$T/disk_dma.elf"
why=$(why_run)
[ -z "$why" ] && ! cmp -s "$S/disk1.json" "$S/disk2.json" &&
	why="statistics differ"
result "disk_dma twice: identical statistics" "$why"

# A CPU parked in WAIT wakes on the completion interrupt, and Count shows
# the modelled latency (the machine jumps its idle time to the due cycle).
cp "$S/disk.orig" "$img"
md --disk "$img" --max-insns $MAX --kernel "$T/disk_wait.elf"
result "disk_wait: WAIT until the completion interrupt" "$(why_run)"

# Bad images are one-line errors with status 2.
md --disk "$S/missing.img" --kernel "$T/disk_dma.elf"
why=""
[ "$st" -eq 2 ] || why="status $st"
[ "$(cat "$S/err")" = "minidisco: --disk $S/missing.img: cannot open: No such file or directory" ] ||
	why="$why; stderr: $(head -c 200 "$S/err")"
result "missing image: status 2, one line" "$why"
md --disk "$img" --disk "$img" --kernel "$T/disk_dma.elf"
why=""
[ "$st" -eq 2 ] || why="status $st"
[ "$(cat "$S/err")" = "minidisco: --disk $img: already in use" ] ||
	why="$why; stderr: $(head -c 200 "$S/err")"
result "same image twice: status 2, one line" "$why"

# ---- console: receive from a pipe, a file, /dev/null ----
# Check the console program's output for input $IN (or a pipe): $1 name,
# $2 expected output (printf format).
console_check() {
	why=$(why_run)
	exp=$(printf "$2" | od -An -c)
	got=$(od -An -c <"$S/out")
	[ -z "$why" ] && [ "$exp" != "$got" ] && why="output:$got"
	result "$1" "$why"
}
printf 'Hello\nworld' >"$S/in.pipe.txt"
st=0
timeout 60 sh -c 'cat "$1" | "$2" --max-insns "$3" --kernel "$4"' sh \
	"$S/in.pipe.txt" "$MD" $CONMAX "$T/console_rx.elf" \
	>"$S/out" 2>"$S/err" </dev/null || st=$?
console_check "console from a pipe" 'HELLO\nWORLD\n'
printf 'abc' >"$S/in.txt"
IN=$S/in.txt md --max-insns $CONMAX --kernel "$T/console_rx.elf"
console_check "console from a file" 'ABC\n'
md --max-insns $CONMAX --kernel "$T/console_rx.elf"
console_check "console from /dev/null" '\n'
# More than the 64-byte FIFO, from a pipe that a slow writer fills.
yes "more than a fifo" | head -c 1000 >"$S/in.long.txt"
tr a-z A-Z <"$S/in.long.txt" >"$S/want.long.txt"
echo >>"$S/want.long.txt"
timeout 60 sh -c '(head -c 500 "$1"; sleep 0.2; tail -c 500 "$1") |
	"$2" --max-insns "$4" --kernel "$3"' sh "$S/in.long.txt" "$MD" \
	"$T/console_rx.elf" $CONMAX >"$S/out" 2>"$S/err" </dev/null
st=$?
why=$(why_run)
[ -z "$why" ] && ! cmp -s "$S/out" "$S/want.long.txt" &&
	why="output differs: $(cmp "$S/out" "$S/want.long.txt" 2>&1)"
result "console: 1000 bytes in two bursts, none lost" "$why"

# Receive by interrupt with the CPU parked in WAIT between two bursts:
# few instructions run while the machine sleeps on the host input.
timeout 60 sh -c '(printf "one\n"; sleep 0.3; printf "two") |
	"$1" --max-insns 1000000 --kernel "$2"' sh "$MD" \
	"$T/console_wait.elf" >"$S/out" 2>"$S/err" </dev/null
st=$?
console_check "console_wait: WAIT between bursts of input" 'ONE\nTWO\n'

# ---- host channel: records in the --stats file ----
md --max-insns $MAX --stats "$S/hc.json" --kernel "$T/hostchan.elf"
why=$(why_run)
flat=$(tr -d ' \n\t' <"$S/hc.json" 2>/dev/null)
want='"hostchan":[{"name":"monitor","value":{"version":2,"vms":[1,2]}},{"name":"","value":"hello"}]'
case $flat in
*"$want"*) ;;
*) [ -z "$why" ] && why="no $want in: $(echo "$flat" | grep -o '"hostchan".*' | head -c 300)" ;;
esac
result "host channel records in --stats" "$why"

# ---- a terminal in raw mode is restored when SIGTERM ends the run ----
# term.sh runs inside script(1)'s terminal: minidisco in the foreground
# (the console puts the terminal in raw mode), SIGTERM from a sub-shell.
if command -v script >/dev/null; then
	cat >"$S/term.sh" <<'EOT'
md=$1 elf=$2 out=$3
( sleep 1; pkill -TERM -f "^$md --kernel $elf" ) &
"$md" --kernel "$elf"
echo $? >"$out/tty.status"
stty -a | grep -o -- '-\?icanon' >"$out/tty.after"
EOT
	rm -f "$S/tty.after" "$S/tty.status"
	timeout 30 script -qc "bash $S/term.sh $MD $T/console_rx.elf $S" \
		/dev/null >/dev/null 2>&1 </dev/null
	why=""
	[ "$(cat "$S/tty.status" 2>/dev/null)" = 143 ] ||
		why="exit status $(cat "$S/tty.status" 2>/dev/null), expected 143 (SIGTERM)"
	[ "$(cat "$S/tty.after" 2>/dev/null)" = icanon ] ||
		why="$why; terminal left as '$(cat "$S/tty.after" 2>/dev/null)'"
	result "SIGTERM restores the terminal's mode" "${why#; }"
else
	echo "note: no script(1): the terminal check is skipped"
fi

echo "devices: $pass passed, $fail failed"
[ $fail -eq 0 ]
