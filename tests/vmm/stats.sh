#!/bin/sh
# tests/vmm/stats.sh - the top-level "monitor" key of --stats (make
# test-vmm-stats): tests/vmm/hcmon.elf commits a host-channel record named
# "monitor" holding
#   1. valid JSON: it appears as "monitor" and still in "hostchan";
#   2. text that is not JSON ("bad"): no "monitor" key, the text in "hostchan";
#   3. valid JSON over 64 KiB ("big"): "monitor" parsed from the whole
#      text, while "hostchan" keeps only its first 64 KiB as text.
# usage: tests/vmm/stats.sh MINIDISCO HCMON.ELF WORKDIR
set -u
md=$1 elf=$2 work=$3
mkdir -p "$work"
fails=0

# run NAME APPEND: run hcmon with that command line; the report in $work/NAME.json.
run() {
	"$md" --kernel "$elf" --append "$2" --stats "$work/$1.json" \
		>"$work/$1.out" 2>&1
}

# check NAME PYTHON-EXPRESSION: evaluate it on the report loaded as s.
check() {
	if python3 -c "import json,sys; s=json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" \
		"$work/$1.json"; then echo "ok   $1"; else
		echo "FAIL $1: $2"; fails=$((fails + 1)); fi
}

run good ""
check good 's["monitor"] == {"vms": [1, 2], "tlb": "asid"} and s["hostchan"][0]["value"] == s["monitor"]'
run bad "bad"
check bad '"monitor" not in s and s["hostchan"][0]["value"] == "{\"vms\": [1, 2"'
run big "big"
check big 's["monitor"]["vms"] == 3 and len(s["monitor"]["pad"]) == 70000 and s["hostchan"][0].get("truncated") is True'
[ $fails = 0 ]
