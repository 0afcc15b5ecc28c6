/*
 * tlb_random.S - Random and Wired registers, TLBWR.
 *
 * UM 4.3 (Random register, Wired register, Figure 4-10): Random
 * decrements as instructions execute and stays between Wired and the top
 * entry (47); it is set to 47 at reset and whenever Wired is written.
 * TLBWR writes the entry Random names, so it never writes an entry below
 * Wired (the wired entries are safe from TLBWR).
 */
#include "tests/asm/harness.h"

/* Sample Random n times; every value must be within [lo, 47]. */
	.macro	SAMPLE n, lo, id
	li	$s0, \n
.Ls\@:	mfc0	$t0, C0_RANDOM
	CHECK_RANGE $t0, \lo, 47, \id
	addiu	$s0, $s0, -1
	bne	$s0, $zero, .Ls\@
	nop
	.endm

TEST_MAIN
	/* Wired = 0: Random in [0, 47] and changing. */
	mtc0	$zero, C0_WIRED
	SAMPLE	100, 0, 10
	mfc0	$t1, C0_RANDOM
	nop
	nop
	nop
	mfc0	$t2, C0_RANDOM
	CHECK_RANGE $t1, 0, 47, 11
	bne	$t1, $t2, 1f
	nop
	FAIL	12
1:
	/* Writing Wired sets Random to 47 (it then counts down). */
	li	$t0, 10
	mtc0	$t0, C0_WIRED
	mfc0	$t1, C0_RANDOM
	CHECK_RANGE $t1, 44, 47, 13
	mfc0	$t1, C0_WIRED
	CHECK_EQ $t1, 10, 14
	SAMPLE	200, 10, 15
	li	$t0, 40
	mtc0	$t0, C0_WIRED
	SAMPLE	200, 40, 16
	li	$t0, 47
	mtc0	$t0, C0_WIRED
	SAMPLE	20, 47, 17

	/* TLBWR with Wired = 10 never touches entries 0..9. */
	li	$t0, 10
	mtc0	$t0, C0_WIRED
	mtc0	$zero, C0_ENTRYLO0
	mtc0	$zero, C0_ENTRYLO1
	mtc0	$zero, C0_PAGEMASK
	li	$s0, 120			/* number of TLBWRs */
	li	$s1, 0x80100000			/* unique unmapped VPN2s */
2:	mtc0	$s1, C0_ENTRYHI
	nop
	nop
	tlbwr
	addiu	$s1, $s1, 0x2000
	addiu	$s0, $s0, -1
	bne	$s0, $zero, 2b
	nop
	/* Entries 0..9 still hold their reset VPN2 (0x80000000 + i*8K). */
	li	$s0, 0
	li	$s1, 0x80000000
3:	mtc0	$s0, C0_INDEX
	nop
	tlbr
	nop
	nop
	mfc0	$t1, C0_ENTRYHI
	CHECK_EQR $t1, $s1, 18
	addiu	$s0, $s0, 1
	addiu	$s1, $s1, 0x2000
	sltiu	$t0, $s0, 10
	bne	$t0, $zero, 3b
	nop
	/* Entries 10..47: count those TLBWR wrote (VPN2 >= 0x80100000). */
	li	$s0, 10
	li	$s2, 0
4:	mtc0	$s0, C0_INDEX
	nop
	tlbr
	nop
	nop
	mfc0	$t1, C0_ENTRYHI
	li	$t2, 0x80100000
	sltu	$t3, $t1, $t2
	bne	$t3, $zero, 5f
	nop
	addiu	$s2, $s2, 1
5:	addiu	$s0, $s0, 1
	sltiu	$t0, $s0, 48
	bne	$t0, $zero, 4b
	nop
	CHECK_RANGE $s2, 2, 38, 19

	/* A TLBWR'd entry is found by TLBP at an index >= Wired. */
	li	$t0, 0x00a00000
	mtc0	$t0, C0_ENTRYHI
	nop
	nop
	tlbwr
	nop
	nop
	tlbp
	nop
	nop
	mfc0	$t1, C0_INDEX
	CHECK_RANGE $t1, 10, 47, 20
	mtc0	$zero, C0_WIRED
	PASS
