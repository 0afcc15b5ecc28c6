/*
 * branch_likely.S - branch-likely instructions (MIPS II).
 *
 * UM appendix A (BEQL, BNEL, BLEZL, BGTZL, BLTZL, BGEZL, BLTZALL,
 * BGEZALL): when the branch is taken the delay slot executes; when it is
 * not taken the delay slot is nullified.  BLTZALL/BGEZALL write PC+8 into
 * r31 whether or not the branch is taken.  An exception in the delay slot
 * of a taken branch-likely sets Cause.BD and EPC = the branch (UM 5.3).
 */
#include "tests/asm/harness.h"

/* Check a branch-likely: taken = 1 if it must be taken (slot runs then). */
	.macro	BRL_TEST insn, taken, id, regs:vararg
	li	$s0, 0
	li	$s1, 0
	\insn	\regs, .Lt\@
	addiu	$s1, $s1, 1		/* delay slot: only if taken */
	b	.Ld\@
	nop
.Lt\@:	addiu	$s0, $s0, 1
.Ld\@:	CHECK_EQ $s0, \taken, \id
	CHECK_EQ $s1, \taken, \id
	.endm

TEST_MAIN
	li	$t0, 5
	li	$t1, 5
	li	$t2, -3
	BRL_TEST beql, 1, 10, $t0, $t1
	BRL_TEST beql, 0, 11, $t0, $t2
	BRL_TEST bnel, 0, 12, $t0, $t1
	BRL_TEST bnel, 1, 13, $t0, $t2
	BRL_TEST blezl, 1, 14, $zero
	BRL_TEST blezl, 1, 15, $t2
	BRL_TEST blezl, 0, 16, $t0
	BRL_TEST bgtzl, 0, 17, $zero
	BRL_TEST bgtzl, 1, 18, $t0
	BRL_TEST bltzl, 1, 19, $t2
	BRL_TEST bltzl, 0, 20, $zero
	BRL_TEST bgezl, 1, 21, $zero
	BRL_TEST bgezl, 0, 22, $t2
	dli	$t3, 0x8000000000000000
	BRL_TEST bltzl, 1, 23, $t3
	BRL_TEST bnel, 1, 24, $t3, $zero

	/* BLTZALL/BGEZALL: link always, slot only when taken. */
	li	$s1, 0
	li	$ra, 0
1:	bltzall	$t2, 2f
	addiu	$s1, $s1, 1
	FAIL	25
2:	la	$t5, 1b + 8
	CHECK_EQR $ra, $t5, 26
	CHECK_EQ $s1, 1, 27
	li	$ra, 0
3:	bltzall	$t0, 4f			/* not taken: slot nullified */
	addiu	$s1, $s1, 1
	la	$t5, 3b + 8
	CHECK_EQR $ra, $t5, 28
	CHECK_EQ $s1, 1, 29
4:	li	$ra, 0
5:	bgezall	$t0, 6f
	addiu	$s1, $s1, 1
	FAIL	30
6:	la	$t5, 5b + 8
	CHECK_EQR $ra, $t5, 31
	CHECK_EQ $s1, 2, 32
	li	$ra, 0
7:	bgezall	$t2, 8f			/* not taken */
	addiu	$s1, $s1, 1
	la	$t5, 7b + 8
	CHECK_EQR $ra, $t5, 33
8:	CHECK_EQ $s1, 2, 34

	/* A nullified delay slot raises no exception. */
	EXC_CLEAR
	beql	$t0, $t2, 9f
	syscall
9:	CHECK_NOEXC 35

	/* An exception in the slot of a taken branch-likely: BD, EPC=branch. */
	EXC_EXPECT 11f
10:	beql	$t0, $t1, 12f
	syscall
	FAIL	36
12:	FAIL	37
11:	CHECK_EXC EXC_SYS, 38
	CHECK_REC_ADDR REC_EPC, 10b, 39
	REC_LOAD $t0, REC_CAUSE
	CHECK_BITS $t0, CAUSE_BD, CAUSE_BD, 40

	/* Loop closed by a branch-likely with useful work in the slot. */
	li	$t0, 0
	li	$t1, 0
13:	addiu	$t0, $t0, 1
	sltiu	$t4, $t0, 8
	bnel	$t4, $zero, 13b
	addiu	$t1, $t1, 2		/* runs 7 times */
	CHECK_EQ $t0, 8, 41
	CHECK_EQ $t1, 14, 42
	PASS
