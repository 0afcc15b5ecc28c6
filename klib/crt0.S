/*
 * crt0.S - where every CPU starts (the ELF entry _start).
 *
 * Reset state (docs/usage.md, "Boot"): kernel mode, Status.ERL=1 and
 * BEV=1, a0 = CPU number, a1 = number of CPUs, a2 = physical address of
 * the boot information block.  Each CPU points sp at its own stack in
 * .kstack.  CPU 0 clears .bss and goes on to klib_boot; the others spin
 * on klib_released (in .data, so that they never read .bss before it is
 * cleared) until CPU 0 lets them into klib_boot too.  Nothing here uses
 * memory but the flag and the .bss being cleared.
 */
#include "kmemlayout.h"

	.set	noreorder
	.section .text.start, "ax"
	.globl	_start
	.ent	_start
_start:
	/* A CPU beyond KLIB_MAX_CPUS has no stack: park it. */
	sltiu	$t0, $a0, KLIB_MAX_CPUS
	beqz	$t0, 3f
	addiu	$t0, $a0, 1
	/* sp = top of this CPU's stack, less the o32 argument save area. */
	sll	$t0, $t0, KLIB_STACK_SHIFT
	la	$t1, klib_stacks
	addu	$sp, $t1, $t0
	addiu	$sp, $sp, -16
	move	$fp, $zero
	bnez	$a0, 2f
	nop

	/* CPU 0: clear .bss a word at a time (klib.ld aligns both ends). */
	la	$t0, __bss_start
	la	$t1, __bss_end
	beq	$t0, $t1, 1f
	nop
0:	sw	$zero, 0($t0)
	addiu	$t0, $t0, 4
	bne	$t0, $t1, 0b
	nop
1:	jal	klib_boot
	nop
	b	3f
	nop

	/* Other CPUs: wait for CPU 0, then enter klib_boot with their arguments. */
2:	la	$t0, klib_released
4:	lw	$t1, 0($t0)
	beqz	$t1, 4b
	nop
	sync
	jal	klib_boot
	nop

	/* klib_boot does not return; if it ever does, stay here. */
3:	wait
	b	3b
	nop
	.end	_start

	/* Set to 1 by CPU 0 once .bss is clear and the vectors are in place. */
	.data
	.align	2
	.globl	klib_released
klib_released:
	.word	0

	/* The per-CPU stacks: not loaded and not cleared. */
	.section .kstack, "aw", @nobits
	.align	4
	.globl	klib_stacks
klib_stacks:
	.space	KLIB_MAX_CPUS * KLIB_STACK_SIZE
