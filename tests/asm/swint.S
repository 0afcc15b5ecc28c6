/*
 * swint.S - software interrupts through Cause.IP0 and Cause.IP1.
 *
 * UM 5.2 (Cause register, Figure 5-10, Table 5-5): IP1:0 are the only
 * software-writable bits of Cause (BD, CE, ExcCode and IP7:2 are read-only
 * there); a set IP bit whose IM bit is set causes an interrupt when IE=1,
 * EXL=0 and ERL=0 (UM 5.4, Interrupt exception).  EPC then points at the
 * first instruction that did not complete.  The CP0 hazard after MTC0 is
 * allowed for by accepting an interrupt up to 4 instructions late.
 */
#include "tests/asm/harness.h"

/* After the MTC0 that makes the interrupt possible: a counting run. */
	.macro	COUNT_RUN
	.rept	16
	addiu	$s0, $s0, 1
	.endr
	.endm

/* The interrupt hit the run at label: EPC = run + 4*s0, s0 <= 4. */
	.macro	CHECK_RUN run, ip, id
	CHECK_EXC EXC_INT, \id
	la	$t2, \run
	sll	$t3, $s0, 2
	addu	$t2, $t2, $t3
	CHECK_RECR REC_EPC, $t2, \id
	CHECK_RANGE $s0, 0, 4, \id
	REC_LOAD $t1, REC_CAUSE
	CHECK_BITS $t1, CAUSE_IP(0) | CAUSE_IP(1), CAUSE_IP(\ip), \id
	.endm

TEST_MAIN
	mfc0	$t0, C0_COUNT			/* keep IP7 clear */
	addiu	$t0, $t0, -1
	mtc0	$t0, C0_COMPARE
	/* Only IP1:0 are writable. */
	mfc0	$s1, C0_CAUSE
	li	$t0, -1
	mtc0	$t0, C0_CAUSE
	nop
	mfc0	$t1, C0_CAUSE
	CHECK_BITS $t1, 0xff00, 0x0300, 10
	li	$t2, CAUSE_BD | CAUSE_CE_MASK | CAUSE_EXC_MASK
	and	$t3, $t1, $t2
	and	$t4, $s1, $t2
	CHECK_EQR $t3, $t4, 11
	mtc0	$zero, C0_CAUSE
	nop
	mfc0	$t1, C0_CAUSE
	CHECK_BITS $t1, 0xff00, 0, 12

	/* IP0 pending with IE=0: nothing happens. */
	EXC_CLEAR
	li	$t0, ST_IM(0)
	mtc0	$t0, C0_STATUS
	li	$t0, CAUSE_IP(0)
	mtc0	$t0, C0_CAUSE
	nop
	nop
	nop
	nop
	CHECK_NOEXC 13
	/* Setting IE takes it. */
	li	$s0, 0
	EXC_EXPECT 1f
	li	$t0, ST_IE | ST_IM(0)
	mtc0	$t0, C0_STATUS
run1:	COUNT_RUN
	FAIL	14
1:	CHECK_RUN run1, 0, 15
	REC_LOAD $t1, REC_STATUS
	CHECK_EQ $t1, ST_IE | ST_IM(0) | ST_EXL, 16
	mtc0	$zero, C0_CAUSE

	/* IP1 with only IM0 enabled: nothing. */
	EXC_CLEAR
	li	$t0, ST_IE | ST_IM(0)
	mtc0	$t0, C0_STATUS
	li	$t0, CAUSE_IP(1)
	mtc0	$t0, C0_CAUSE
	nop
	nop
	nop
	nop
	CHECK_NOEXC 17
	/* Enabling IM1 takes it. */
	li	$s0, 0
	EXC_EXPECT 2f
	li	$t0, ST_IE | ST_IM(0) | ST_IM(1)
	mtc0	$t0, C0_STATUS
run2:	COUNT_RUN
	FAIL	18
2:	CHECK_RUN run2, 1, 19
	mtc0	$zero, C0_CAUSE

	/* With IE and IM1 already on, writing IP1 interrupts at once. */
	li	$s0, 0
	EXC_EXPECT 3f
	li	$t0, ST_IE | ST_IM(1)
	mtc0	$t0, C0_STATUS
	li	$t0, CAUSE_IP(1)
	mtc0	$t0, C0_CAUSE
run3:	COUNT_RUN
	FAIL	20
3:	CHECK_RUN run3, 1, 21
	/* Still pending until software clears it. */
	mfc0	$t1, C0_CAUSE
	CHECK_BITS $t1, CAUSE_IP(1), CAUSE_IP(1), 22
	mtc0	$zero, C0_CAUSE
	/* Cleared: enabling again takes nothing. */
	EXC_CLEAR
	li	$t0, ST_IE | ST_IM(0) | ST_IM(1)
	mtc0	$t0, C0_STATUS
	nop
	nop
	nop
	nop
	mtc0	$zero, C0_STATUS
	CHECK_NOEXC 23
	PASS
