/*
 * shift.S - 32-bit and 64-bit shifts, fixed and variable.
 *
 * UM appendix A: SLL/SRL/SRA shift the low 32 bits and sign-extend the
 * 32-bit result; SLLV/SRLV/SRAV use the low 5 bits of rs; DSLL/DSRL/DSRA
 * shift by 0..31, DSLL32/DSRL32/DSRA32 by 32..63, DSLLV/DSRLV/DSRAV by the
 * low 6 bits of rs.  Operands of 32-bit shifts are sign-extended 32-bit
 * values (SRL/SRA of other values is UNPREDICTABLE, not tested).
 */
#include "tests/asm/harness.h"

TEST_MAIN
	li	$t1, 0x40000001
	sll	$t0, $t1, 1
	CHECK_EQ64 $t0, 0xffffffff80000002, 10
	sll	$t0, $t1, 0
	CHECK_EQ $t0, 0x40000001, 11
	sll	$t0, $t1, 31
	CHECK_EQ64 $t0, 0xffffffff80000000, 12
	/* SLL of a 64-bit value keeps only the low word, sign-extended. */
	dli	$t1, 0x123456780000ffff
	sll	$t0, $t1, 16
	CHECK_EQ64 $t0, 0xffffffffffff0000, 13

	li	$t1, 0x80000000
	srl	$t0, $t1, 1
	CHECK_EQ64 $t0, 0x0000000040000000, 14
	srl	$t0, $t1, 0
	CHECK_EQ64 $t0, 0xffffffff80000000, 15
	srl	$t0, $t1, 31
	CHECK_EQ $t0, 1, 16
	sra	$t0, $t1, 4
	CHECK_EQ64 $t0, 0xfffffffff8000000, 17
	sra	$t0, $t1, 31
	CHECK_EQ64 $t0, 0xffffffffffffffff, 18
	li	$t1, 0x7ffffff0
	sra	$t0, $t1, 4
	CHECK_EQ $t0, 0x07ffffff, 19

	/* Variable shifts use rs[4:0]. */
	li	$t1, 0x00000003
	li	$t2, 33			/* shifts by 1 */
	sllv	$t0, $t1, $t2
	CHECK_EQ $t0, 6, 20
	li	$t2, 30
	sllv	$t0, $t1, $t2
	CHECK_EQ64 $t0, 0xffffffffc0000000, 21
	li	$t1, 0x80000000
	li	$t2, 0x24		/* shifts by 4 */
	srlv	$t0, $t1, $t2
	CHECK_EQ $t0, 0x08000000, 22
	srav	$t0, $t1, $t2
	CHECK_EQ64 $t0, 0xfffffffff8000000, 23
	li	$t2, 0
	srav	$t0, $t1, $t2
	CHECK_EQ64 $t0, 0xffffffff80000000, 24

	/* 64-bit fixed shifts. */
	dli	$t1, 0x8000000080000001
	dsll	$t0, $t1, 1
	CHECK_EQ64 $t0, 0x0000000100000002, 25
	dsll	$t0, $t1, 31
	CHECK_EQ64 $t0, 0x4000000080000000, 26
	dsrl	$t0, $t1, 1
	CHECK_EQ64 $t0, 0x4000000040000000, 27
	dsra	$t0, $t1, 1
	CHECK_EQ64 $t0, 0xc000000040000000, 28
	dsra	$t0, $t1, 0
	CHECK_EQ64 $t0, 0x8000000080000001, 29
	dsll32	$t0, $t1, 0
	CHECK_EQ64 $t0, 0x8000000100000000, 30
	dsll32	$t0, $t1, 31
	CHECK_EQ64 $t0, 0x8000000000000000, 31
	dsrl32	$t0, $t1, 0
	CHECK_EQ64 $t0, 0x0000000080000000, 32
	dsrl32	$t0, $t1, 31
	CHECK_EQ $t0, 1, 33
	dsra32	$t0, $t1, 0
	CHECK_EQ64 $t0, 0xffffffff80000000, 34
	dsra32	$t0, $t1, 31
	CHECK_EQ64 $t0, 0xffffffffffffffff, 35
	dli	$t1, 0x7fffffff00000000
	dsra32	$t0, $t1, 4
	CHECK_EQ64 $t0, 0x0000000007ffffff, 36

	/* 64-bit variable shifts use rs[5:0]. */
	dli	$t1, 0x00000000000000ff
	li	$t2, 60
	dsllv	$t0, $t1, $t2
	CHECK_EQ64 $t0, 0xf000000000000000, 37
	li	$t2, 65			/* shifts by 1 */
	dsllv	$t0, $t1, $t2
	CHECK_EQ64 $t0, 0x00000000000001fe, 38
	dli	$t1, 0xf000000000000000
	li	$t2, 60
	dsrlv	$t0, $t1, $t2
	CHECK_EQ $t0, 0xf, 39
	dsrav	$t0, $t1, $t2
	CHECK_EQ64 $t0, 0xffffffffffffffff, 40
	li	$t2, 36
	dsrav	$t0, $t1, $t2
	CHECK_EQ64 $t0, 0xffffffffff000000, 41
	li	$t2, 64			/* shifts by 0 */
	dsrlv	$t0, $t1, $t2
	CHECK_EQ64 $t0, 0xf000000000000000, 42
	PASS
