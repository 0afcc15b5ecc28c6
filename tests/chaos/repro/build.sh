#!/bin/sh
# tests/chaos/repro/build.sh NAME OUT.elf - assemble repro/NAME.S with the
# project's cross toolchain (the same flags as tests/cli), for the
# reproducers that need a hand-written guest.
set -e
mips-linux-gnu-gcc -march=r4000 -mabi=32 -EB -mno-abicalls -fno-pic -G0 \
	-nostdlib -no-pie -static -Wl,--build-id=none -Wl,-Ttext=0x80010000 \
	-Wl,-e,_start -o "$2" "$(dirname "$0")/$1.S"
