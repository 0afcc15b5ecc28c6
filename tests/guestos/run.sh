#!/bin/sh
# tests/guestos/run.sh - the guest OS running natively (issue 5), run by
# `make test-guestos`:
#   1. usertests on the 8-CPU machine (images/disco.ini, numa timing):
#      all pass, exit status 0, and (given MKFS) the image is clean after
#      with as many inodes and blocks in use as before (nothing leaked,
#      e.g. by a create that failed on a full inode table); and again on
#      a 1-CPU machine;
#   2. pcompute, a thread per CPU: the answer matches one thread's;
#   3. a shell script (pipes, redirection, lists, background, cd);
#   4. the interactive shell fed by a pipe: commands run, and the end of
#      the input powers the machine off with the shell's status;
#   5. persistence: a file written in one boot is there in the next;
#   6. halt 7: poweroff's status becomes the emulator's exit status;
#   7. the kernel's VM self-test (command-line word vmtest).
# Every boot uses its own copy of the disk image.
# usage: tests/guestos/run.sh MINIDISCO KERNEL FSIMG WORKDIR [MKFS]
set -u
md=$1 kernel=$2 img=$3 work=$4 mkfs=${5:-}
machine="--machine images/disco.ini"
mkdir -p "$work"
fails=0

# boot NAME DISK APPEND: boot the guest, output in $work/NAME.out; return its status.
boot() {
	timeout 300 "$md" $machine --kernel "$kernel" --disk "$2" --append "$3" \
		>"$work/$1.out" 2>&1
}

# check NAME COND MESSAGE: count and report one result.
check() {
	if [ "$2" = 0 ]; then echo "ok   $1"; else
		echo "FAIL $1: $3 (see $work/$1.out)"; fails=$((fails + 1)); fi
}

cp "$img" "$work/ut.img"
boot usertests "$work/ut.img" run=/bin/usertests; st=$?
grep -q "ALL TESTS PASSED" "$work/usertests.out"; found=$?
check usertests $((st + found)) "status $st"

# fscheck IMAGE: mkfs --check's verdict on IMAGE, without the file name.
fscheck() {
	"$mkfs" --check "$1" 2>&1 | sed 's/^[^:]*: //'
}
if [ -n "$mkfs" ]; then
	before=$(fscheck "$img") after=$(fscheck "$work/ut.img")
	[ "$before" = "$after" ]
	check "usertests leaves the file system as it found it" $? \
		"before: $before; after: $after"
fi

cp "$img" "$work/ut1.img"
eight=$machine
machine="--nodes 1 --cpus-per-node 1 --mem-per-node 64"
boot usertests1 "$work/ut1.img" run=/bin/usertests; st=$?
machine=$eight
grep -q "ALL TESTS PASSED" "$work/usertests1.out"; found=$?
check "usertests on one CPU" $((st + found)) "status $st"

cp "$img" "$work/pc.img"
boot pcompute "$work/pc.img" run=/bin/pcompute; st=$?
grep -q "answer .*matches one thread" "$work/pcompute.out"; found=$?
check pcompute $((st + found)) "status $st"

cp "$img" "$work/sh.img"
boot shell "$work/sh.img" run=/bin/sh,/home/shtest.sh; st=$?
r=0
for line in "2 2 11" "one" "two" "quoted  words" "nested" "beta" \
	"after-failed-grep" "background-job" "inside" "end of shtest"; do
	grep -qxF "$line" "$work/shell.out" || { echo "  missing: '$line'"; r=1; }
done
grep -q "cannot open /sh_tmp" "$work/shell.out" || r=1
check shell $((r + st)) "status $st"

cp "$img" "$work/tty.img"
printf 'echo typed | wc\nls /bin | grep usertests\n' |
	timeout 300 "$md" $machine --kernel "$kernel" --disk "$work/tty.img" \
	>"$work/tty.out" 2>&1; st=$?
r=0
grep -qxF '$ 1 1 6' "$work/tty.out" || r=1
grep -qF 'usertests' "$work/tty.out" || r=1
check "shell over a pipe; end of input powers off" $((st + r)) "status $st"

cp "$img" "$work/persist.img"
boot persist1 "$work/persist.img" run=/bin/persist,write,/home/kept,written-before-poweroff
st1=$?
boot persist2 "$work/persist.img" run=/bin/persist,check,/home/kept,written-before-poweroff
st2=$?
check persist $((st1 + st2)) "status $st1 then $st2"

cp "$img" "$work/halt.img"
boot halt "$work/halt.img" run=/bin/halt,7; st=$?
check halt $((st - 7)) "status $st, not 7"

cp "$img" "$work/vmtest.img"
boot vmtest "$work/vmtest.img" "vmtest run=/bin/halt"; st=$?
grep -q "^vm_test: ok" "$work/vmtest.out"; found=$?
check "kernel VM self-test" $((st + found)) "status $st"

[ $fails = 0 ]
