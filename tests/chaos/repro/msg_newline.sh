#!/bin/sh
# tests/chaos/repro/msg_newline.sh BIN - a regression test run by test-chaos (the bug below is fixed).
#
# Option and INI values are quoted verbatim in error messages, so a value
# holding a newline (or terminal escapes) breaks the "one line on stderr"
# rule: --nodes "$(printf '4\nx')" prints two lines.  Expected: one line,
# the value's control characters escaped (e.g. '4\nx').
BIN=${1:-build/host/minidisco}
n=$("$BIN" --nodes "$(printf '4\nx')" --kernel /dev/null 2>&1 >/dev/null |
	wc -l)
[ "$n" -eq 1 ] && { echo "msg_newline: ok"; exit 0; }
echo "msg_newline: FAIL: $n stderr lines"
exit 1
