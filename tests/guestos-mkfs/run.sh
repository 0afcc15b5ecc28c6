#!/bin/sh
# tests/guestos-mkfs/run.sh MKFS WORKDIR - tests of the guest's mkfs:
# build images from small recipes, read them back with --list, --cat and
# --check, check the one-line errors (status 2) of bad recipes, catch a
# corrupted bitmap, and replay a hand-made committed log.
set -u
MKFS=$1
W=$2
rm -rf "$W" && mkdir -p "$W"
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# Host files: a small one, one that needs the single indirect block
# (20 KB), one that needs the double indirect block (300 KB).
printf 'hello, disk\n' >"$W/small"
head -c 20480 /dev/urandom >"$W/mid"
head -c 307200 /dev/urandom >"$W/big"

cat >"$W/good.recipe" <<EOF
# a comment line
dir /bin
dir /bin/sub      # a comment after an entry
file /bin/small   ${W}/small
file /mid         \${W}/mid
file /bin/sub/big $W/big
dev /console 1 0
dir /empty
EOF

# 1. A good recipe: the tree, the contents, a clean image of whole sectors.
if "$MKFS" "$W/good.img" "$W/good.recipe" --size 2000 -D W="$W"; then ok; else bad "good recipe"; fi
size=$(stat -c %s "$W/good.img")
[ "$size" -eq $((2000 * 1024)) ] && ok || bad "image is $size bytes, not 2000 blocks"
"$MKFS" --list "$W/good.img" >"$W/list.out" || bad "--list"
cat >"$W/list.want" <<EOF
dir      1   3         96 /
dir      2   2         64 /bin
dir      3   1         48 /bin/sub
file     6   1     307200 /bin/sub/big
file     4   1         12 /bin/small
file     5   1      20480 /mid
dev      7   1        1,0 /console
dir      8   1         32 /empty
EOF
if diff -u "$W/list.want" "$W/list.out"; then ok; else bad "--list output"; fi
for f in small:/bin/small mid:/mid big:/bin/sub/big; do
	"$MKFS" --cat "$W/good.img" "${f#*:}" >"$W/cat.out" &&
		cmp -s "$W/cat.out" "$W/${f%%:*}" && ok || bad "--cat ${f#*:}"
done
"$MKFS" --check "$W/good.img" >/dev/null && ok || bad "--check of a good image"
"$MKFS" --cat "$W/good.img" /nope >/dev/null 2>&1
[ $? -eq 1 ] && ok || bad "--cat of a missing file is not status 1"

# 2. Bad recipes: status 2 and one line naming RECIPE:LINE.
expect_error() { # LINE TEXT... : recipe text; the error must name that line
	line=$1; shift
	printf '%s\n' "$@" >"$W/bad.recipe"
	"$MKFS" "$W/bad.img" "$W/bad.recipe" -D W="$W" 2>"$W/err" >/dev/null
	st=$?
	if [ $st -ne 2 ] || [ "$(wc -l <"$W/err")" -ne 1 ] ||
		! grep -q "^mkfs: $W/bad.recipe:$line: " "$W/err"; then
		bad "recipe [$*]: status $st, message: $(cat "$W/err")"
	else
		ok
	fi
}
expect_error 1 "file /a/b $W/small"                 # parent missing
expect_error 2 "dir /a" "frob /a/b"                  # unknown entry
expect_error 1 "dir /abcdefghijklmnop"               # name too long
expect_error 2 "dir /a" "dir /a"                     # listed twice
expect_error 1 "file /x $W/does-not-exist"           # missing host file
expect_error 1 "dev /c 1 zero"                       # bad device number
expect_error 1 "dev /c 1"                            # too few words
expect_error 1 "file /x \${NOPE}/small"              # undefined variable
expect_error 1 "dir relative"                        # not absolute
expect_error 2 "file /f $W/small" "dir /f/g"         # parent not a directory
"$MKFS" "$W/bad.img" "$W/good.recipe" --size 50 -D W="$W" 2>"$W/err"
[ $? -eq 2 ] && grep -q "too small" "$W/err" && ok || bad "--size 50: $(cat "$W/err")"
"$MKFS" "$W/bad.img" "$W/good.recipe" --size 300 -D W="$W" 2>"$W/err"
[ $? -eq 2 ] && grep -q "full" "$W/err" && ok || bad "full image: $(cat "$W/err")"
"$MKFS" "$W/bad.img" 2>/dev/null
[ $? -eq 2 ] && ok || bad "missing recipe argument"
"$MKFS" --list "$W/small" 2>/dev/null
[ $? -eq 2 ] && ok || bad "--list of a non-image"

# 3. A corrupted bitmap (block 3 marked free) is caught.
# Layout: super 1, log 2..128, inodes 129..192, bitmap 193.
cp "$W/good.img" "$W/corrupt.img"
printf '\367' | dd of="$W/corrupt.img" bs=1 seek=$((193 * 1024)) conv=notrunc 2>/dev/null
"$MKFS" --check "$W/corrupt.img" >/dev/null 2>"$W/err"
[ $? -eq 1 ] && grep -q "block 3 is in use but marked free" "$W/err" && ok ||
	bad "corrupt bitmap: $(cat "$W/err")"

# 4. A committed log is replayed: log block 3 holds new contents for the
# data block of /bin/small, the header in block 2 says so.
blk=$(od -An -tu1 -j $((129 * 1024 + 4 * 64 + 12)) -N4 "$W/good.img" |
	awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
cp "$W/good.img" "$W/log.img"
printf 'replayed!!!\n' | dd of="$W/log.img" bs=1 seek=$((3 * 1024)) conv=notrunc 2>/dev/null
printf "\\000\\000\\000\\001\\$(printf %03o $((blk >> 24 & 255)))\\$(printf %03o $((blk >> 16 & 255)))\\$(printf %03o $((blk >> 8 & 255)))\\$(printf %03o $((blk & 255)))" |
	dd of="$W/log.img" bs=1 seek=$((2 * 1024)) conv=notrunc 2>/dev/null
out=$("$MKFS" --cat "$W/log.img" /bin/small 2>"$W/err")
[ "$out" = "replayed!!!" ] && grep -q "replayed 1 logged blocks" "$W/err" && ok ||
	bad "log replay: got '$out', $(cat "$W/err")"

echo "test-mkfs: $pass passed, $fail failed"
[ $fail -eq 0 ]
