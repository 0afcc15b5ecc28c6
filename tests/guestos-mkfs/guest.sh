#!/bin/sh
# tests/guestos-mkfs/guest.sh MINIDISCO KERNEL FSIMG MKFS WORKDIR MB - the
# guest's file system on the 8-CPU machine:
#  1. a file written (and synced) before power-off is there after a second
#     boot from the same image, and mkfs --cat reads it on the host;
#  2. power cut (--max-insns) in the middle of usertests' file system
#     tests: the image, read back with its log replayed, is consistent
#     (mkfs --check), and so it is after the kernel's own recovery at the
#     next boot;
#  3. a disk that fills up: writes fail, nothing is lost or leaked, and
#     the space comes back after rm.
set -u
MD=$1
KERNEL=$2
FSIMG=$3
MKFS=$4
W=$5
MB=$6 # the MIPS build directory, for the recipe's ${MB}
rm -rf "$W" && mkdir -p "$W"
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# boot IMAGE OUT ARGS...: run the guest on IMAGE; print its exit status.
boot() {
	img=$1 out=$2
	shift 2
	"$MD" --machine images/disco.ini --timing fast --kernel "$KERNEL" \
		--disk "$img" "$@" >"$out" 2>&1
	echo $?
}

# 1. Persistence across a power-off.
cp "$FSIMG" "$W/p.img"
text=written-before-power-off
st=$(boot "$W/p.img" "$W/p1.out" --append "run=/bin/persist,write,/home/p.txt,$text")
[ "$st" = 0 ] && ok || bad "persist write: status $st: $(tail -3 "$W/p1.out")"
[ "$("$MKFS" --cat "$W/p.img" /home/p.txt)" = "$text" ] && ok ||
	bad "mkfs --cat does not find the text on the host"
st=$(boot "$W/p.img" "$W/p2.out" --append "run=/bin/persist,check,/home/p.txt,$text")
[ "$st" = 0 ] && ok || bad "second boot: status $st: $(tail -3 "$W/p2.out")"
st=$(boot "$W/p.img" "$W/p3.out" --append "run=/bin/persist,check,/home/p.txt,other")
[ "$st" = 1 ] && ok || bad "a wrong text is not noticed: status $st"
"$MKFS" --check "$W/p.img" >/dev/null && ok || bad "image after persist"

# 2. Power cuts during usertests' file system tests.
for n in 100000000 140000000 300000000; do
	cp "$FSIMG" "$W/c.img"
	st=$(boot "$W/c.img" "$W/c$n.out" --append run=/bin/usertests --max-insns $n)
	[ "$st" = 3 ] || bad "cut at $n: status $st, not 3: $(tail -3 "$W/c$n.out")"
	"$MKFS" --check "$W/c.img" >"$W/check1" 2>&1 && ok ||
		bad "cut at $n: $(cat "$W/check1")"
	st=$(boot "$W/c.img" "$W/r$n.out" --append run=/bin/ls)
	[ "$st" = 0 ] && ok || bad "boot after cut at $n: status $st"
	"$MKFS" --check "$W/c.img" >"$W/check2" 2>&1 && ok ||
		bad "after recovery from the cut at $n: $(cat "$W/check2")"
done

# 3. A nearly full disk: the recipe plus fill.sh in an image of 600 blocks.
(cat images/guestfs.recipe; echo "file /fill.sh tests/guestos-mkfs/fill.sh") >"$W/full.recipe"
"$MKFS" "$W/full.img" "$W/full.recipe" --size 600 -D MB="$MB" ||
	bad "cannot build the small image"
size=$("$MKFS" --cat "$W/full.img" /bin/usertests | wc -c)
st=$(boot "$W/full.img" "$W/full.out" --append run=/bin/sh,/fill.sh)
[ "$st" = 0 ] && grep -q "^fill done" "$W/full.out" && ok ||
	bad "fill.sh: status $st: $(tail -3 "$W/full.out")"
grep -Eq "^b +- +[0-9]+ +[0-9]+$" "$W/full.out" &&
	[ "$(awk '$1 == "b" { print $4 }' "$W/full.out")" -lt "$size" ] && ok ||
	bad "the second copy did not run out of space"
grep -q " $size /c$" "$W/full.out" && ok || bad "no room again after rm"
"$MKFS" --check "$W/full.img" >"$W/check3" 2>&1 && ok ||
	bad "full disk: $(cat "$W/check3")"

echo "test-guestos-fs: $pass passed, $fail failed"
[ $fail -eq 0 ]
