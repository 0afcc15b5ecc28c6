/*
 * elf64.S - assembled with -mabi=64 into an ELF64 big-endian MIPS
 * executable, which the loader must refuse.
 */
	.text
	.globl	_start
_start:
1:	b	1b
	nop
