#!/bin/sh
# tests/chaos/repro/ini_nul.sh BIN CHAOS - a regression test run by test-chaos (the bug below is fixed).
#
# A --machine line holding a NUL byte is refused (exit 2, one line: good)
# but with a wrong reason: "nul.ini:2: line longer than 198 characters"
# for a 15-byte line (machine/config_ini.c).  Expected: a message that
# names the real problem (a NUL byte, or a malformed line).
BIN=${1:-build/host/minidisco}
CHAOS=${2:-build/host/tests/chaos/chaos}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
"$CHAOS" gen 1 "$W/k.elf" || exit 2
printf '[machine]\nnodes = 2\000junk\n' >"$W/nul.ini"
err=$("$BIN" --machine "$W/nul.ini" --kernel "$W/k.elf" --max-insns 10 \
	2>&1 >/dev/null)
case $err in
*"longer than"*) echo "ini_nul: FAIL: $err"; exit 1 ;;
esac
echo "ini_nul: ok: $err"
