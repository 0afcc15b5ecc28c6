/*
 * trapasm.S - trap entry and exit.
 *
 * Entry (from the general vector, EXL = 1, k0/k1 free):
 *   from user mode (Status.KSU = user): switch to the kernel stack top of
 *     the CPU's running process, cpus[Context >> 23].ksp;
 *   from kernel mode: stay on the current stack.
 * Then push a trap frame (struct trapframe, kernel/trapframe.h) below the
 * stack pointer, drop to plain kernel mode (KSU = EXL = IE = CU1 = 0) and
 * call trap(tf).
 *
 *        old sp (or ksp) -> +---------------------------+
 *                           | struct trapframe (152 B)  |
 *        sp + TF_OFF     -> +---------------------------+
 *                           | argument area (16 B)      |
 *        sp              -> +---------------------------+
 *
 * Exit reloads every register from the frame, Status with EXL set (so
 * nothing interrupts the restore), EPC, and erets.
 */
#include "halasm.h"

	.set noreorder
	.set noat
	.text

/* Every register but zero, k0, k1 and sp, saved and restored as one list. */
#define GPRS 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,30,31

LEAF(trapentry)
	mfc0	k0, C0_STATUS
	andi	k0, k0, SR_USER
	beqz	k0, 1f				# from kernel mode: keep sp
	move	k1, sp				# (delay) the interrupted sp
	mfc0	k0, C0_CONTEXT
	srl	k0, k0, CONTEXT_CPU_SHIFT
	sll	k0, k0, CPU_SHIFT
	lui	sp, %hi(cpus)
	addiu	sp, sp, %lo(cpus)
	addu	sp, sp, k0
	lw	sp, CPU_KSP(sp)			# this CPU's process kernel stack
1:	addiu	sp, sp, -TRAPFRAME_BYTES
	sw	zero, TF_OFF + TF_REG(0)(sp)
	sw	k1, TF_OFF + TF_REG(29)(sp)
	.irp r, GPRS
	sw	$\r, TF_OFF + 4 * \r(sp)
	.endr
	mfhi	t0
	mflo	t1
	sw	t0, TF_OFF + TF_HI(sp)
	sw	t1, TF_OFF + TF_LO(sp)
	mfc0	t0, C0_STATUS
	mfc0	t1, C0_CAUSE
	mfc0	t2, C0_EPC
	mfc0	t3, C0_BADVADDR
	sw	t0, TF_OFF + TF_STATUS(sp)
	sw	t1, TF_OFF + TF_CAUSE(sp)
	sw	t2, TF_OFF + TF_EPC(sp)
	sw	t3, TF_OFF + TF_BADVADDR(sp)
	li	t1, ~(SR_KSU | SR_EXL | SR_IE | SR_CU1)
	and	t0, t0, t1
	mtc0	t0, C0_STATUS			# kernel mode, interrupts off
	move	ra, zero			# (backtraces stop at the trap)
	la	t9, trap
	jalr	t9
	addiu	a0, sp, TF_OFF			# (delay) trap(tf)
	b	trapexit
	nop
END(trapentry)

/* Resume the frame tf (a0): hal_trapret(tf) never returns. */
LEAF(hal_trapret)
	addiu	sp, a0, -TF_OFF
trapexit:
	lw	t0, TF_OFF + TF_STATUS(sp)
	ori	t0, t0, SR_EXL
	mtc0	t0, C0_STATUS			# EXL: no interrupt until eret
	lw	t1, TF_OFF + TF_EPC(sp)
	mtc0	t1, C0_EPC
	lw	t0, TF_OFF + TF_HI(sp)
	lw	t1, TF_OFF + TF_LO(sp)
	mthi	t0
	mtlo	t1
	.irp r, GPRS
	lw	$\r, TF_OFF + 4 * \r(sp)
	.endr
	lw	sp, TF_OFF + TF_REG(29)(sp)
	eret
END(hal_trapret)
