/*
 * timer.S - Count/Compare and the timer interrupt (IP7).
 *
 * UM 5.2 (Count, Compare, Cause, Status registers) and 5.4 (Interrupt
 * exception): Count increments at half the pipeline clock; when Count
 * equals Compare, Cause.IP7 is set; writing Compare clears it.  An
 * interrupt is taken when IE=1, EXL=0, ERL=0 and IP7 and IM7 are both set;
 * ExcCode is Int (0) and EPC points at the first instruction that did not
 * complete.  This machine runs one instruction per cycle without memory
 * stalls (DESIGN.md section 3), so Count advances by at least one for every
 * two instructions.
 */
#include "tests/asm/harness.h"

/* Arm the timer: Compare = Count + n. */
	.macro	ARM n
	mfc0	$t0, C0_COUNT
	addiu	$t0, $t0, \n
	mtc0	$t0, C0_COMPARE
	.endm

/* Wait (bounded) until Cause.IP7 is set, else fail id. */
	.macro	WAIT_IP7 id
	li	$t2, 20000
.Lw\@:	mfc0	$t1, C0_CAUSE
	andi	$t1, $t1, CAUSE_IP(7)
	bne	$t1, $zero, .Ld\@
	addiu	$t2, $t2, -1
	bne	$t2, $zero, .Lw\@
	nop
	FAIL	\id
.Ld\@:
	.endm

TEST_MAIN
	/* Count advances: 500 loop iterations are about 1000 instructions. */
	mfc0	$s0, C0_COUNT
	DELAY	$t0, 500
	mfc0	$s1, C0_COUNT
	subu	$s2, $s1, $s0
	CHECK_RANGE $s2, 495, 700, 10
	/* Count is writable. */
	li	$t0, 0x10000
	mtc0	$t0, C0_COUNT
	nop
	mfc0	$t1, C0_COUNT
	CHECK_RANGE $t1, 0x10000, 0x10100, 11

	/* Count reaching Compare sets IP7; writing Compare clears it. */
	ARM	20
	WAIT_IP7 12
	mfc0	$t0, C0_COMPARE
	mtc0	$t0, C0_COMPARE
	nop
	nop
	mfc0	$t1, C0_CAUSE
	CHECK_BITS $t1, CAUSE_IP(7), 0, 13
	mfc0	$t1, C0_COMPARE
	CHECK_EQR $t1, $t0, 14

	/* IP7 pending but IE=0: no interrupt. */
	EXC_CLEAR
	li	$t0, ST_IM(7)
	mtc0	$t0, C0_STATUS
	ARM	20
	WAIT_IP7 15
	CHECK_NOEXC 16
	/* IE=1 but IM7=0: no interrupt. */
	li	$t0, ST_IE | ST_IM(6)
	mtc0	$t0, C0_STATUS
	nop
	nop
	nop
	CHECK_NOEXC 17
	/* EXL=1 masks interrupts too. */
	li	$t0, ST_IE | ST_IM(7) | ST_EXL
	mtc0	$t0, C0_STATUS
	nop
	nop
	nop
	mtc0	$zero, C0_STATUS
	CHECK_NOEXC 18
	/* Enabling it takes the pending interrupt (handler clears IE). */
	li	$t0, ST_IE | ST_IM(7)
	mtc0	$t0, C0_STATUS
	nop
	nop
	nop
	nop
	CHECK_EXC EXC_INT, 19
	CHECK_REC REC_VEC, VEC_GENERAL, 20
	REC_LOAD $t1, REC_CAUSE
	CHECK_BITS $t1, CAUSE_IP(7) | CAUSE_BD, CAUSE_IP(7), 21
	mfc0	$t1, C0_STATUS
	CHECK_EQ $t1, ST_IM(7), 22
	ARM	-1				/* clear IP7 */

	/* The interrupt hits a run of counting instructions: EPC is the
	   first one not executed, so EPC = block + 4 * count. */
	li	$s0, 0
	EXC_EXPECT 1f
	ARM	50
	li	$t1, ST_IE | ST_IM(7)
	mtc0	$t1, C0_STATUS
block:
	.rept	400
	addiu	$s0, $s0, 1
	.endr
	FAIL	23
1:	CHECK_EXC EXC_INT, 24
	la	$t2, block
	sll	$t3, $s0, 2
	addu	$t2, $t2, $t3
	CHECK_RECR REC_EPC, $t2, 25
	CHECK_RANGE $s0, 0, 110, 26
	REC_LOAD $t1, REC_CAUSE
	CHECK_BITS $t1, CAUSE_IP(7) | CAUSE_BD, CAUSE_IP(7), 27
	REC_LOAD $t1, REC_STATUS
	CHECK_EQ $t1, ST_IE | ST_IM(7) | ST_EXL, 28
	mtc0	$zero, C0_STATUS
	ARM	-1
	PASS
