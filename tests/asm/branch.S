/*
 * branch.S - branches and jumps: conditions, delay slots, link registers.
 *
 * UM appendix A: every branch and jump has one delay slot, executed whether
 * or not the branch is taken; the link instructions (BLTZAL, BGEZAL, JAL,
 * JALR) write the address of the instruction after the delay slot (PC + 8)
 * into r31 (JALR: into rd), and BLTZAL/BGEZAL link even when not taken.
 * Conditions compare the full 64-bit registers.  Each taken-path counter
 * is in $s0, delay slot executions in $s1.
 */
#include "tests/asm/harness.h"

/* Check a conditional branch: cond is 1 if it must be taken. */
	.macro	BR_TEST insn, taken, id, regs:vararg
	li	$s0, 0
	li	$s1, 0
	\insn	\regs, .Lt\@
	addiu	$s1, $s1, 1		/* delay slot */
	b	.Ld\@
	nop
.Lt\@:	addiu	$s0, $s0, 1
.Ld\@:	CHECK_EQ $s0, \taken, \id
	CHECK_EQ $s1, 1, \id
	.endm

TEST_MAIN
	li	$t0, 5
	li	$t1, 5
	li	$t2, -3
	BR_TEST	beq, 1, 10, $t0, $t1
	BR_TEST	beq, 0, 11, $t0, $t2
	BR_TEST	bne, 0, 12, $t0, $t1
	BR_TEST	bne, 1, 13, $t0, $t2
	BR_TEST	blez, 1, 14, $zero
	BR_TEST	blez, 1, 15, $t2
	BR_TEST	blez, 0, 16, $t0
	BR_TEST	bgtz, 0, 17, $zero
	BR_TEST	bgtz, 0, 18, $t2
	BR_TEST	bgtz, 1, 19, $t0
	BR_TEST	bltz, 0, 20, $zero
	BR_TEST	bltz, 1, 21, $t2
	BR_TEST	bltz, 0, 22, $t0
	BR_TEST	bgez, 1, 23, $zero
	BR_TEST	bgez, 0, 24, $t2
	BR_TEST	bgez, 1, 25, $t0
	/* 64-bit comparisons. */
	dli	$t3, 0x8000000000000000	/* negative, low word zero */
	dli	$t4, 0x0000000100000000	/* positive, low word zero */
	BR_TEST	bltz, 1, 26, $t3
	BR_TEST	bgez, 0, 27, $t3
	BR_TEST	blez, 0, 28, $t4
	BR_TEST	bgtz, 1, 29, $t4
	BR_TEST	beq, 0, 30, $t4, $zero
	BR_TEST	bne, 1, 31, $t3, $zero

	/* BLTZAL/BGEZAL link with PC+8, taken or not. */
	li	$ra, 0
	li	$s1, 0
1:	bltzal	$t2, 2f
	addiu	$s1, $s1, 1
	FAIL	32
2:	la	$t5, 1b + 8
	CHECK_EQR $ra, $t5, 33
	CHECK_EQ $s1, 1, 34
	li	$ra, 0
3:	bltzal	$t0, 4f			/* not taken, still links */
	addiu	$s1, $s1, 1
	la	$t5, 3b + 8
	CHECK_EQR $ra, $t5, 35
	CHECK_EQ $s1, 2, 36
4:	li	$ra, 0
5:	bgezal	$zero, 6f
	addiu	$s1, $s1, 1
	FAIL	37
6:	la	$t5, 5b + 8
	CHECK_EQR $ra, $t5, 38
	li	$ra, 0
7:	bgezal	$t2, 8f			/* not taken, still links */
	addiu	$s1, $s1, 1
	la	$t5, 7b + 8
	CHECK_EQR $ra, $t5, 39
8:	CHECK_EQ $s1, 4, 40

	/* J and JAL: delay slot runs, JAL links PC+8. */
	li	$s1, 0
	j	9f
	addiu	$s1, $s1, 1
	FAIL	41
9:	CHECK_EQ $s1, 1, 42
	li	$ra, 0
10:	jal	sub_inc
	addiu	$s1, $s1, 1
	la	$t5, 10b + 8
	CHECK_EQR $ra, $t5, 43
	CHECK_EQ $s1, 12, 44		/* slot + sub_inc added 10 */

	/* JR and JALR, default link register and explicit rd. */
	la	$t6, 11f
	jr	$t6
	addiu	$s1, $s1, 1
	FAIL	45
11:	CHECK_EQ $s1, 13, 46
	la	$t6, sub_inc
	li	$ra, 0
12:	jalr	$t6
	addiu	$s1, $s1, 1
	la	$t5, 12b + 8
	CHECK_EQR $ra, $t5, 47
	CHECK_EQ $s1, 24, 48
	la	$t6, sub_ret_t7
	li	$t7, 0
13:	jalr	$t7, $t6
	addiu	$s1, $s1, 1
	la	$t5, 13b + 8
	CHECK_EQR $t7, $t5, 49
	CHECK_EQ $s1, 25, 50

	/* Backward branch loop. */
	li	$t0, 0
	li	$t1, 10
14:	addiu	$t0, $t0, 1
	bne	$t0, $t1, 14b
	nop
	CHECK_EQ $t0, 10, 51

	/* The delay slot may read the link register written by JAL. */
	li	$t8, 0
15:	jal	sub_nothing
	move	$t8, $ra
	la	$t5, 15b + 8
	CHECK_EQR $t8, $t5, 52
	PASS

/* Add 10 to $s1 and return. */
sub_inc:
	jr	$ra
	addiu	$s1, $s1, 10

/* Return through $t7. */
sub_ret_t7:
	jr	$t7
	nop

/* Return. */
sub_nothing:
	jr	$ra
	nop
