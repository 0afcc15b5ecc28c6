# tests/cli/boot.sh - the boot options: --module, --append, --disk.
# Sourced by run.sh, whose check/result helpers, $S, $U and $HELLO it uses.
# (tests/smp/bootinfo.c checks what the boot information block holds.)

check "--module missing file" 2 "${U}--module $S/nomod: No such file or directory$" "" \
	--module "$S/nomod" --kernel "$HELLO"
check "--module a directory" 2 "${U}--module $S: not a regular file$" "" \
	--module "$S" --kernel "$HELLO"
head -c 2000000 /dev/zero >"$S/big.mod"
check "--module larger than RAM" 2 \
	"${U}--module $S/big.mod: 2000000 bytes at 0x00011000 do not fit in RAM \(it ends at 0x00100000\)$" "" \
	--mem-per-node 1 --module "$S/big.mod" --kernel "$HELLO"
head -c $((0x100000 - 0x11000)) /dev/zero >"$S/fill.mod"
check "--module filling RAM leaves no room for the boot info" 2 \
	"${U}the boot information block \([0-9]+ bytes at 0x00100000\) does not fit in RAM$" "" \
	--mem-per-node 1 --module "$S/fill.mod" --kernel "$HELLO"
head -c $((0x100000 - 0x12000)) /dev/zero >"$S/fill2.mod"
check "  ... one page less and it fits" 0 "" "-" --mem-per-node 1 \
	--module "$S/fill2.mod" --kernel "$HELLO"
mods=()
for i in $(seq 17); do mods+=(--module "$HELLO"); done
check "17 modules" 2 "${U}--module: more than 16 given$" "" "${mods[@]}" \
	--kernel "$HELLO"
check "16 modules" 0 "" "-" "${mods[@]:2}" --kernel "$HELLO"
check "--append of 4096 bytes" 2 "${U}--append: longer than 4095 bytes$" "" \
	--append "$(printf '%04096d' 0)" --kernel "$HELLO"
check "--append of 4095 bytes" 0 "" "-" --append "$(printf '%04095d' 0)" \
	--kernel "$HELLO"
disks=()
for i in $(seq 9); do disks+=(--disk "$S/disk$i.img"); done
check "9 disks" 2 "${U}--disk: more than 8 given$" "" "${disks[@]}" \
	--kernel "$HELLO"
check "--disk missing image" 2 "${U}--disk $S/nodisk.img: cannot open" "" \
	--disk "$S/nodisk.img" --kernel "$HELLO"
