/*
 * swtch.S - switch kernel stacks.  swtch(&old, new) pushes the
 * callee-saved registers (struct context, proc.h) on the current stack,
 * stores that stack pointer in *old, loads new as the stack pointer and
 * pops the registers saved there: it returns on the other stack.
 */
#include "halasm.h"

	.set noreorder
	.text
LEAF(swtch)
	addiu	sp, sp, -40
	sw	s0, 0(sp)
	sw	s1, 4(sp)
	sw	s2, 8(sp)
	sw	s3, 12(sp)
	sw	s4, 16(sp)
	sw	s5, 20(sp)
	sw	s6, 24(sp)
	sw	s7, 28(sp)
	sw	fp, 32(sp)
	sw	ra, 36(sp)
	sw	sp, 0(a0)
	move	sp, a1
	lw	s0, 0(sp)
	lw	s1, 4(sp)
	lw	s2, 8(sp)
	lw	s3, 12(sp)
	lw	s4, 16(sp)
	lw	s5, 20(sp)
	lw	s6, 24(sp)
	lw	s7, 28(sp)
	lw	fp, 32(sp)
	lw	ra, 36(sp)
	jr	ra
	addiu	sp, sp, 40
END(swtch)

/* A new process's first switch lands here: forkret, with ra = 0 so that
 * backtraces stop at it. */
LEAF(swtch_newproc)
	la	t9, forkret
	jr	t9
	move	ra, zero
END(swtch_newproc)
