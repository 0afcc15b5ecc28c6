/*
 * wait.S - WAIT parks the CPU until the timer interrupt wakes it.
 *
 * WAIT is not in the R4000 manual; it comes from the R4000-class R4600
 * (DESIGN.md section 3): the processor stops issuing instructions until an
 * interrupt is taken.  Only what holds for every implementation is checked:
 * execution does not go past WAIT before the interrupt, the interrupt is
 * the timer's (Int, IP7; UM 5.4), Count has reached Compare, and EPC is the
 * WAIT or the instruction after it.
 */
#include "tests/asm/harness.h"

TEST_MAIN
	li	$s0, 0
	EXC_EXPECT 1f
	mfc0	$t0, C0_COUNT
	addiu	$t0, $t0, 2000
	mtc0	$t0, C0_COMPARE
	move	$s1, $t0			/* Compare */
	li	$t1, ST_IE | ST_IM(7)
	mtc0	$t1, C0_STATUS
	nop
	nop
wait1:	wait
	addiu	$s0, $s0, 1
	FAIL	10
1:	CHECK_EXC EXC_INT, 11
	REC_LOAD $t1, REC_CAUSE
	CHECK_BITS $t1, CAUSE_IP(7), CAUSE_IP(7), 12
	/* EPC is the WAIT or the next instruction (not further). */
	REC_LOAD $t1, REC_EPC
	la	$t2, wait1
	subu	$t3, $t1, $t2
	CHECK_RANGE $t3, 0, 4, 13
	CHECK_EQ $s0, 0, 14
	/* Time passed: Count is at or past Compare. */
	mfc0	$t1, C0_COUNT
	subu	$t2, $t1, $s1
	sll	$t2, $t2, 0			/* sign of the 32-bit difference */
	CHECK_RANGE $t2, 0, 0x10000, 15

	/* A second WAIT, woken the same way, also resumes normally. */
	EXC_EXPECT 2f
	mfc0	$t0, C0_COUNT
	addiu	$t0, $t0, 500
	mtc0	$t0, C0_COMPARE
	li	$t1, ST_IE | ST_IM(7)
	mtc0	$t1, C0_STATUS
	nop
	nop
	wait
	nop
	FAIL	16
2:	CHECK_EXC EXC_INT, 17
	mtc0	$zero, C0_STATUS
	mfc0	$t0, C0_COUNT
	addiu	$t0, $t0, -1
	mtc0	$t0, C0_COMPARE
	PASS
