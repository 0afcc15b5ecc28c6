/*
 * golden.S - the program whose exc, tlb and insn trace is compared with
 * golden.golden: a system call, a TLB write, a TLB refill.
 *
 *   1. Status = 0 (BEV = 0: the vectors are in RAM at 0x80000000 and
 *      0x80000180), then `syscall`: the general vector steps over it.
 *   2. tlbwi entry 1: VA 0x00400000 -> PA 0x00020000 (even page only).
 *   3. A load from VA 0x00402000, which no entry maps: the refill vector
 *      writes entry 2 (VA 0x00402000 -> PA 0x00021000) and returns; the
 *      load runs again and reads the word stored at PA 0x00021000.
 *   4. A load through entry 1; power off with 0 if both loads read what
 *      was stored through kseg0, else 1.  Any other exception: 0xEE.
 */
#include "tests/trace/trace.h"

	.set	noreorder
	.text
	.globl	_start
_start:
	mtc0	$zero, $12		# Status = 0: kernel mode, BEV = 0
	li	$t0, 0x11223344
	lui	$t1, 0x8002
	sw	$t0, 0($t1)		# PA 0x00020000
	li	$t0, 0x55667788
	sw	$t0, 0x1000($t1)	# PA 0x00021000
	.globl	do_syscall
do_syscall:
	syscall
	TLBW	1, 0x00400000, LO(0x20000), 0, 0, write_entry1
	li	$t1, 0x00402000
	.globl	do_refill
do_refill:
	lw	$t2, 0($t1)		# refill, then again: 0x55667788
	lui	$t1, 0x0040
	lw	$t3, 0($t1)		# through entry 1: 0x11223344
	li	$t0, 0x55667788
	bne	$t2, $t0, bad
	nop
	li	$t0, 0x11223344
	bne	$t3, $t0, bad
	nop
	POWEROFF $zero
bad:	li	$t0, 1
	POWEROFF $t0

/* TLB refill: map the faulting page pair (EntryHi has its VPN2) at
 * entry 2, even page -> PA 0x00021000, and try again. */
	.section .refill, "ax"
	.globl	refill
refill:
	li	$k0, 2
	mtc0	$k0, $0
	li	$k0, LO(0x21000)
	mtc0	$k0, $2
	mtc0	$zero, $3
	nop
	tlbwi
	eret

/* Everything else: step over a syscall, power off 0xEE otherwise. */
	.section .vec, "ax"
	.globl	general
general:
	mfc0	$k0, $13
	andi	$k0, $k0, 0x7c
	li	$k1, 8 << 2		# ExcCode Sys
	bne	$k0, $k1, 1f
	nop
	mfc0	$k0, $14
	addiu	$k0, $k0, 4
	mtc0	$k0, $14
	nop
	eret
1:	li	$k1, 0xee
	POWEROFF $k1
