/*
 * exc_rules.S - general exception rules: EXL on entry, EPC and Cause.BD in
 * delay slots, nested exceptions with EXL=1, ERET with EXL and with ERL,
 * and the BEV=1 vectors in the boot PROM.
 *
 * UM 5.3 (Exception Processing, Table 5-3 vectors) and 5.4:
 *  - on an exception with EXL=0 the CPU sets EPC (the faulting instruction,
 *    or the branch with Cause.BD=1 when the instruction is in a delay slot,
 *    whether or not the branch is taken) and sets EXL;
 *  - with EXL=1 already set, EPC and BD are left unchanged and every
 *    exception, including TLB refill, goes to the general vector (+0x180);
 *  - BEV=1 moves the vectors to 0xBFC00200 (refill) / 0xBFC00380 (general).
 * UM appendix A (ERET): with ERL=1, PC = ErrorEPC and ERL is cleared;
 * otherwise PC = EPC and EXL is cleared.  ERET has no delay slot.
 */
#include "tests/asm/harness.h"

	.text
marker:	nop				/* an EPC value to recognise */

/* An address in kuseg that no TLB entry maps (the TLB is reset). */
#define UNMAPPED	0x00400000

TEST_MAIN
	/* EXL set on entry, the rest of Status kept. */
	li	$t0, ST_IM(3) | ST_IM(5)
	mtc0	$t0, C0_STATUS
	EXC_EXPECT 1f
	syscall
	FAIL	10
1:	REC_LOAD $t0, REC_STATUS
	CHECK_EQ $t0, ST_IM(3) | ST_IM(5) | ST_EXL, 11
	mfc0	$t0, C0_STATUS		/* continuation cleared EXL again */
	CHECK_EQ $t0, ST_IM(3) | ST_IM(5), 12
	mtc0	$zero, C0_STATUS

	/* Delay slot of a taken conditional branch. */
	EXC_EXPECT 3f
	li	$t1, 1
2:	bne	$t1, $zero, 4f
	syscall
4:	FAIL	13
3:	CHECK_EXC EXC_SYS, 14
	CHECK_REC_ADDR REC_EPC, 2b, 15
	CHECK_CAUSE CAUSE_BD | (EXC_SYS << 2), 16
	/* Delay slot of a branch that is not taken: still BD=1, EPC=branch. */
	EXC_EXPECT 6f
5:	beq	$t1, $zero, 7f
	break
	FAIL	17
7:	FAIL	18
6:	CHECK_EXC EXC_BP, 19
	CHECK_REC_ADDR REC_EPC, 5b, 20
	CHECK_CAUSE CAUSE_BD | (EXC_BP << 2), 21
	/* Delay slot of JR and JALR. */
	EXC_EXPECT 9f
	la	$t2, 10f
8:	jr	$t2
	syscall
10:	FAIL	22
9:	CHECK_REC_ADDR REC_EPC, 8b, 23
	CHECK_CAUSE CAUSE_BD | (EXC_SYS << 2), 24
	EXC_EXPECT 12f
11:	jalr	$t2
	teq	$zero, $zero
	FAIL	25
12:	CHECK_REC_ADDR REC_EPC, 11b, 26
	CHECK_CAUSE CAUSE_BD | (EXC_TR << 2), 27
	/* Not in a delay slot: BD clear again. */
	EXC_EXPECT 14f
13:	syscall
	FAIL	28
14:	CHECK_REC_ADDR REC_EPC, 13b, 29
	CHECK_CAUSE EXC_SYS << 2, 30

	/* Nested exception (EXL=1): general vector, EPC unchanged. */
	la	$t0, marker
	mtc0	$t0, C0_EPC
	li	$t0, ST_EXL
	mtc0	$t0, C0_STATUS
	EXC_EXPECT 15f
	syscall
	FAIL	31
15:	CHECK_EXC EXC_SYS, 32
	CHECK_REC REC_VEC, VEC_GENERAL, 33
	CHECK_REC_ADDR REC_EPC, marker, 34
	/* A TLB refill with EXL=1 also uses the general vector. */
	la	$t0, marker
	mtc0	$t0, C0_EPC
	li	$t0, ST_EXL
	mtc0	$t0, C0_STATUS
	li	$t3, UNMAPPED
	EXC_EXPECT 16f
	lw	$t4, 0($t3)
	FAIL	35
16:	CHECK_EXC EXC_TLBL, 36
	CHECK_REC REC_VEC, VEC_GENERAL, 37
	CHECK_REC_ADDR REC_EPC, marker, 38
	CHECK_REC REC_BADVADDR, UNMAPPED, 39
	/* The same refill with EXL=0 uses the refill vector. */
	EXC_EXPECT 18f
17:	lw	$t4, 0($t3)
	FAIL	40
18:	CHECK_EXC EXC_TLBL, 41
	CHECK_REC REC_VEC, VEC_REFILL, 42
	CHECK_REC_ADDR REC_EPC, 17b, 43

	/* ERET: PC = EPC, EXL cleared, the next instruction not executed. */
	li	$s0, 0
	la	$t0, 19f
	mtc0	$t0, C0_EPC
	li	$t0, ST_EXL | ST_IM(2)
	mtc0	$t0, C0_STATUS
	nop
	nop
	eret
	addiu	$s0, $s0, 1		/* no delay slot */
	FAIL	44
19:	CHECK_EQ $s0, 0, 45
	mfc0	$t0, C0_STATUS
	CHECK_EQ $t0, ST_IM(2), 46

	/* ERET with ERL=1: PC = ErrorEPC, ERL cleared, EXL kept. */
	la	$t0, 20f
	mtc0	$t0, C0_ERROREPC
	la	$t0, 21f
	mtc0	$t0, C0_EPC
	li	$t0, ST_ERL | ST_EXL
	mtc0	$t0, C0_STATUS
	nop
	nop
	eret
	FAIL	47
21:	FAIL	48
20:	mfc0	$t0, C0_STATUS
	CHECK_EQ $t0, ST_EXL, 49
	mtc0	$zero, C0_STATUS
	/* ERET with ERL=1 and EXL=0. */
	la	$t0, 22f
	mtc0	$t0, C0_ERROREPC
	li	$t0, ST_ERL
	mtc0	$t0, C0_STATUS
	nop
	nop
	eret
	FAIL	50
22:	mfc0	$t0, C0_STATUS
	CHECK_EQ $t0, 0, 51

	/* BEV=1: vectors in the boot PROM. */
	li	$t0, ST_BEV
	mtc0	$t0, C0_STATUS
	EXC_EXPECT 23f
	syscall
	FAIL	52
23:	CHECK_EXC EXC_SYS, 53
	CHECK_REC REC_VEC, VEC_BEV_GENERAL, 54
	EXC_EXPECT 25f
24:	lw	$t4, 0($t3)
	FAIL	55
25:	CHECK_EXC EXC_TLBL, 56
	CHECK_REC REC_VEC, VEC_BEV_REFILL, 57
	CHECK_REC_ADDR REC_EPC, 24b, 58
	REC_LOAD $t0, REC_STATUS
	CHECK_BITS $t0, ST_BEV | ST_EXL, ST_BEV | ST_EXL, 59
	/* Nested with BEV=1: BEV general vector. */
	li	$t0, ST_BEV | ST_EXL
	mtc0	$t0, C0_STATUS
	EXC_EXPECT 26f
	lw	$t4, 0($t3)
	FAIL	60
26:	CHECK_EXC EXC_TLBL, 61
	CHECK_REC REC_VEC, VEC_BEV_GENERAL, 62
	/* Back to BEV=0. */
	mtc0	$zero, C0_STATUS
	EXC_EXPECT 27f
	syscall
	FAIL	63
27:	CHECK_REC REC_VEC, VEC_GENERAL, 64
	PASS
