/*
 * delayslot.S - a tiny guest kernel (booted by the monitor like
 * kernel-disco.elf, linked by hostile.ld) whose privileged instructions
 * and monitor call sit in branch delay slots, where the R4000 reports the
 * exception at the branch (EPC = branch, Cause.BD = 1) and the monitor
 * must emulate the instruction and then the branch.  Each failed check
 * adds a bit to s0; the guest powers its VM off with s0 (0: all passed):
 *   1   mfc0 in the slot of a taken beq (the instruction after is skipped)
 *   2   ... and mfc0 really ran (Status reads 0 at start)
 *   4   mtc0 Compare in the slot of a not-taken bne, read back
 *   8   syscall (MC_IPI_TAKE) in the slot of jal: v0 = 0, ra = jal + 8
 *   16  mfc0 in the slot of jr: the jump uses t3 before the mfc0 writes it
 *   32  ... and t3 then holds Status (0)
 *   64  eret to the EPC it was given
 */
#include "mcall.h"
	.set noreorder
	.set noat
	.text
	.globl _start
_start:
	li	$s0, 0				# failures
	/* 1: mfc0 in the delay slot of a taken beq: t0 = Status (0 at start) */
	li	$t0, 0x1234
	beq	$zero, $zero, 1f
	mfc0	$t0, $12
	addiu	$s0, $s0, 1			# must be skipped
1:	beqz	$t0, 2f
	nop
	addiu	$s0, $s0, 2
	/* 2: mtc0 Compare in the delay slot of a not-taken bne, then read back */
2:	li	$t1, 0x5555
	bne	$zero, $zero, 3f
	mtc0	$t1, $11
	mfc0	$t2, $11
	beq	$t1, $t2, 3f
	nop
	addiu	$s0, $s0, 4
	/* 3: syscall (MC_IPI_TAKE -> 0) in the delay slot of jal: ra and v0 */
3:	li	$v0, MC_IPI_TAKE
	jal	4f
	syscall
	b	5f				# returns here (ra = jal + 8)
	nop
4:	bnez	$v0, 41f
	nop
	jr	$ra
	nop
41:	addiu	$s0, $s0, 8
	jr	$ra
	nop
	/* 4: mfc0 in the delay slot of jr: the branch uses t3 before the mfc0 writes it */
5:	la	$t3, 6f
	jr	$t3
	mfc0	$t3, $12
	addiu	$s0, $s0, 16
6:	bnez	$t3, 7f
	nop
	b	8f
	nop
7:	addiu	$s0, $s0, 32
8:	/* 5: eret after setting EPC */
	la	$t4, 9f
	mtc0	$t4, $14
	li	$t5, 2				# EXL
	mtc0	$t5, $12
	eret
	addiu	$s0, $s0, 64
9:	move	$a0, $s0
	li	$v0, MC_POWEROFF
	syscall
10:	b	10b
	nop
