/*
 * bd_not_taken.S - an exception in the delay slot of a branch that is NOT
 * taken must still set Cause.BD and point EPC at the branch.
 *
 * R4000 User's Manual (2nd ed.), chapter 5, EPC register: EPC holds the
 * address of the instruction that caused the exception or, when that
 * instruction is in a branch delay slot (Cause.BD set), the address of the
 * preceding branch or jump.  The delay slot executes whether or not the
 * branch is taken, so this holds for a not-taken branch too.  Found by
 * tests/diff (difftest --seed 0x6d696e69 --stream 1 at the time it was found).
 *
 * Bare metal: powers off with 0 if BD=1, ExcCode=Ov and EPC = the branch,
 * with 1 otherwise, after printing "ok" or "FAIL".
 *
 *   make diff-repro
 */
	.set	noreorder
	.set	noat

	.text
	.globl	_start
_start:
	mtc0	$0, $12			/* Status: kernel, ERL=EXL=0, BEV=0 */
	nop
	nop
	li	$8, 1
	li	$9, 2
	li	$10, 0x7fffffff
branch:
	beq	$8, $9, 1f		/* not taken */
	add	$11, $10, $10		/* delay slot: overflow */
1:	j	fail			/* no exception at all */
	nop

pass:
	la	$4, msg_ok
	j	finish
	li	$5, 0
fail:
	la	$4, msg_fail
	li	$5, 1
finish:
	lui	$6, 0xbf00		/* console 0xBF000000, power +0x10 */
2:	lbu	$7, 0($4)
	beq	$7, $0, 3f
	addiu	$4, $4, 1
	b	2b
	sb	$7, 0($6)
3:	sw	$5, 0x10($6)
4:	b	4b
	nop

	/* General exception vector, linked at 0x80000180. */
	.section .vector, "ax"
	mfc0	$26, $13		/* Cause */
	mfc0	$27, $14		/* EPC */
	bgez	$26, fail		/* BD (bit 31) clear */
	nop
	andi	$12, $26, 0x7c
	li	$13, 12 << 2		/* ExcCode Ov */
	bne	$12, $13, fail
	nop
	la	$13, branch
	bne	$27, $13, fail
	nop
	j	pass
	nop

	.data
msg_ok:	.asciz	"ok\n"
msg_fail: .asciz "FAIL\n"
