#!/bin/sh
# tests/chaos/repro/hostchan_mem.sh BIN - a regression test run by test-chaos (the bug below is fixed;
# about a minute; normal build only: ASan cannot run under ulimit -v).
#
# docs/dev-hostchan.md: "a guest can make the emulator hold at most about
# 65 MiB however it behaves".  With --stats, machine/stats.c parses every
# committed record that is valid JSON into a cJSON tree and prints the
# whole report with cJSON_Print: 64 records of "[0,0,...,0]" (1 MiB each,
# hostchan_json.S) peak at about 2.8 GB of host memory (measured: max RSS
# 2,792,952 KB, 34 s), and 64 records of 1 MiB of \x01 bytes
# (hostchan_flood.S) at 532 MB.  Under a 1 GiB address-space limit the
# run loses its statistics and its power-off status: exit 2 with
# "minidisco: --stats: error writing" (it is out of memory, not a write
# error).  Expected: exit 0 (the guest's power-off) and a complete file.
set -u
BIN=${1:-build/host/minidisco}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
"$(dirname "$0")/build.sh" hostchan_json "$W/json.elf" || exit 2
(ulimit -v 1048576; "$BIN" --timing fast --kernel "$W/json.elf" \
	--stats "$W/s.json" </dev/null >/dev/null 2>"$W/err")
rc=$?
if [ $rc -ne 0 ]; then
	echo "hostchan_mem: FAIL: exit $rc under a 1 GiB limit: $(cat "$W/err")"
	exit 1
fi
echo "hostchan_mem: ok"
