# tests/cli/config.sh - the machine's configuration: shape options,
# --machine INI files and the presets in images/.  Sourced by run.sh,
# whose check/result helpers, $S, $U and $HELLO it uses.

# --- shape options ---
for v in 0 33 x ""; do
	check "--nodes '$v' refused" 2 "${U}--nodes: '$v' is not a decimal number from 1 to 32$" "" \
		--nodes "$v" --kernel "$HELLO"
	check "--cpus-per-node '$v' refused" 2 "${U}--cpus-per-node: '$v' is not" "" \
		--cpus-per-node "$v" --kernel "$HELLO"
done
check "--timing slow refused" 2 "${U}--timing: 'slow' is not fast or numa$" "" \
	--timing slow --kernel "$HELLO"
check "more than 32 cpus refused" 2 \
	"${U}--cpus-per-node: 4 nodes x 16 CPUs = 64 CPUs, more than 32$" "" \
	--nodes 4 --cpus-per-node 16 --kernel "$HELLO"
check "8 nodes of the default 64 MB do not fit" 2 \
	"${U}--nodes: 8 nodes x 64 MB = 512 MB of RAM does not fit below 0x1f000000 \(496 MB at most\)$" "" \
	--nodes 8 --kernel "$HELLO"
check "2 nodes of 300 MB do not fit" 2 "${U}--mem-per-node: 2 nodes x 300 MB = 600 MB" "" \
	--nodes 2 --mem-per-node 300 --kernel "$HELLO"
check "31 nodes of 16 MB: exactly 496 MB, 31 cpus" 0 "" "-" \
	--nodes 31 --mem-per-node 16 --kernel "$HELLO"
grep -q "^minidisco: this is cpu 30 of 31, on node 30 of 31$" "$S/out"
result "  ... every cpu speaks" "$([ $? -eq 0 ] || tail -c 200 "$S/out")"
check "32 cpus in one node" 0 "" "-" --cpus-per-node 32 --kernel "$HELLO"
grep -q "^minidisco: this is cpu 31 of 32, on node 0 of 1$" "$S/out"
result "  ... cpu 31 is on node 0" "$([ $? -eq 0 ] || tail -c 200 "$S/out")"

# --- presets ---
for p in disco:8:4 flash16:16:8 uma:8:4; do
	IFS=: read -r name cpus nodes <<<"$p"
	check "images/$name.ini boots the demo on $cpus cpus" 0 "" "-" \
		--machine "images/$name.ini" --stats "$S/$name.json" \
		--kernel "$HELLO"
	why=""
	last=$((cpus - 1))
	grep -q "this is cpu $last of $cpus, on node $((nodes - 1)) of $nodes$" \
		"$S/out" || why="no line from cpu $last"
	[ "$(grep -Ec '"node":[[:space:]]*1,' "$S/$name.json")" -eq \
	  $((cpus / nodes)) ] || why="$why; not $((cpus / nodes)) cpus on node 1"
	[ "$(grep -Ec '"mem_base":' "$S/$name.json")" -eq "$nodes" ] ||
		why="$why; not $nodes nodes in --stats"
	result "  ... --stats: $cpus cpus, $nodes nodes" "${why#; }"
done
grep -Eq '"uma":[[:space:]]*true' "$S/uma.json"
result "  ... uma.ini sets uma" "$([ $? -eq 0 ] || echo "uma is not true")"
grep -Eq '"uma":[[:space:]]*false' "$S/disco.json"
result "  ... disco.ini does not" "$([ $? -eq 0 ] || echo "uma is not false")"

# --- the command line wins over --machine, wherever it stands ---
check "--nodes 2 before --machine disco.ini" 0 "" "-" \
	--nodes 2 --machine images/disco.ini --kernel "$HELLO"
grep -q "this is cpu 3 of 4, on node 1 of 2$" "$S/out"
result "  ... 2 nodes of 2 cpus" "$([ $? -eq 0 ] || tail -c 200 "$S/out")"
check "--machine disco.ini --timing fast" 0 "" "-" --machine images/disco.ini \
	--timing fast --stats "$S/fast.json" --kernel "$HELLO"
grep -Eq '"timing":[[:space:]]*"fast"' "$S/fast.json"
result "  ... timing is fast" "$([ $? -eq 0 ] || echo "timing is not fast")"

# --- bad --machine files: one line naming the file, line and key ---
# ini NAME LINE...: write $S/NAME.ini with the given lines.
ini() {
	local f=$S/$1.ini
	shift
	printf '%s\n' "$@" >"$f"
}
check "--machine missing file" 2 "${U}--machine: cannot read '$S/none.ini': No such file" "" \
	--machine "$S/none.ini" --kernel "$HELLO"
check "--machine a directory" 2 "${U}--machine: error reading '$S'$" "" \
	--machine "$S" --kernel "$HELLO"
ini unknown "; a comment" "[machine]" "nodes = 2" "" "[cache]" "l2_size = 1M" \
	"l3_size = 8M"
check "unknown key" 2 "${U}$S/unknown.ini:7: unknown key 'l3_size'" "" \
	--machine "$S/unknown.ini" --kernel "$HELLO"
ini section "[machine]" "nodes = 2" "[caches]"
check "unknown section, even empty" 2 "${U}$S/section.ini:3: unknown section '\[caches\]'$" "" \
	--machine "$S/section.ini" --kernel "$HELLO"
ini four "[machine]" "nodes = four"
check "malformed number" 2 "${U}$S/four.ini:2: nodes: 'four' is not a decimal number from 1 to 32$" "" \
	--machine "$S/four.ini" --kernel "$HELLO"
ini empty "[machine]" "nodes ="
check "empty value" 2 "${U}$S/empty.ini:2: nodes: '' is not" "" \
	--machine "$S/empty.ini" --kernel "$HELLO"
ini pow2 "[cache]" "# size" "l2_size = 1000"
check "cache size not a power of two" 2 "${U}$S/pow2.ini:3: l2_size: '1000' is not a power of two" "" \
	--machine "$S/pow2.ini" --kernel "$HELLO"
ini suffix "[cache]" "l2_size = 2G"
check "unknown size suffix" 2 "${U}$S/suffix.ini:2: l2_size: '2G' is not" "" \
	--machine "$S/suffix.ini" --kernel "$HELLO"
ini bool "[memory]" "uma = maybe"
check "malformed boolean" 2 "${U}$S/bool.ini:2: uma: 'maybe' is not true or false$" "" \
	--machine "$S/bool.ini" --kernel "$HELLO"
ini twice "[machine]" "nodes = 2" "cpus_per_node = 2" "nodes = 4"
check "key set twice" 2 "${U}$S/twice.ini:4: nodes: set twice \(first at line 2\)$" "" \
	--machine "$S/twice.ini" --kernel "$HELLO"
ini outside "nodes = 2"
check "key outside a section" 2 "${U}$S/outside.ini:1: key 'nodes' outside any \[section\]$" "" \
	--machine "$S/outside.ini" --kernel "$HELLO"
ini syntax "[machine]" "nodes 2"
check "line without =" 2 "${U}$S/syntax.ini:2: syntax error" "" \
	--machine "$S/syntax.ini" --kernel "$HELLO"
ini long "[machine]" "; $(printf '%0300d' 0)"
check "line too long" 2 "${U}$S/long.ini:2: line longer than" "" \
	--machine "$S/long.ini" --kernel "$HELLO"
ini cpus "[machine]" "nodes = 8" "cpus_per_node = 8" "mem_per_node = 8"
check "too many cpus, blamed on the file's line" 2 \
	"${U}$S/cpus.ini:3: cpus_per_node: 8 nodes x 8 CPUs = 64 CPUs, more than 32$" "" \
	--machine "$S/cpus.ini" --kernel "$HELLO"
ini ram "[machine]" "nodes = 4" "mem_per_node = 200"
check "too much RAM, blamed on the file's line" 2 \
	"${U}$S/ram.ini:3: mem_per_node: 4 nodes x 200 MB = 800 MB" "" \
	--machine "$S/ram.ini" --kernel "$HELLO"
check "  ... which --mem-per-node overrides" 0 "" "-" \
	--machine "$S/ram.ini" --mem-per-node 100 --kernel "$HELLO"
ini line "[cache]" "l1_size = 64" "l1_line = 128"
check "cache smaller than its line" 2 \
	"${U}$S/line.ini:2: l1_size: 64 bytes is smaller than l1_line \(128 bytes\)$" "" \
	--machine "$S/line.ini" --kernel "$HELLO"
ini ok "[machine]" "timing = fast ; inline comment" "[cache]" "l1_size = 8k" \
	"l2_size = 2M" "[memory]" "uma = yes" "[disk]" "seek_div = 1"
check "suffixes, comments, yes" 0 "" "-" --machine "$S/ok.ini" \
	--stats "$S/ok.json" --kernel "$HELLO"
why=""
grep -Eq '"l1_size":[[:space:]]*8192,' "$S/ok.json" || why="l1_size"
grep -Eq '"l2_size":[[:space:]]*2097152,' "$S/ok.json" || why="$why l2_size"
grep -Eq '"timing":[[:space:]]*"fast"' "$S/ok.json" || why="$why timing"
result "  ... reach --stats" "${why:+wrong: $why}"
ini l1l2 "[cache]" "l1_line = 256"
check "L1 line larger than the L2 line" 2 \
	"${U}$S/l1l2.ini:2: l1_line: 256 bytes is larger than l2_line \(128 bytes\)$" "" \
	--machine "$S/l1l2.ini" --kernel "$HELLO"

# --- --max-insns counts every CPU, exactly ---
for t in fast numa; do
	check "--max-insns 12345 on 8 cpus, $t timing" 3 \
		"${U}--max-insns 12345 reached at pc" "-" --machine images/disco.ini \
		--timing $t --max-insns 12345 --stats "$S/max.json" \
		--kernel "$T/spin.elf"
	sum=$(awk -F: '/"instructions"/ { gsub(/[^0-9]/, "", $2); s += $2 }
		END { print s }' "$S/max.json")
	result "  ... the 8 cpus ran 12345 instructions in all" \
		"$([ "$sum" = 12345 ] || echo "they ran $sum")"
done
