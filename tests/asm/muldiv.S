/*
 * muldiv.S - MULT/MULTU/DIV/DIVU, DMULT/DMULTU/DDIV/DDIVU, MFHI/MFLO,
 * MTHI/MTLO.
 *
 * UM appendix A: MULT/MULTU put the low word of the 64-bit product in LO
 * and the high word in HI, each sign-extended; DIV/DIVU put the quotient
 * in LO and the remainder in HI (quotient rounded toward zero, remainder
 * with the sign of the dividend), sign-extended; the D forms are 64-bit
 * (128-bit product).  Division by zero raises no exception (results
 * undefined, not checked); overflowing DIV (0x80000000 / -1) is not
 * tested.  HI/LO are read at least two instructions before the next
 * multiply/divide (UM appendix A, MFHI/MFLO restriction).
 */
#include "tests/asm/harness.h"

/* Check HI and LO against two 64-bit constants. */
	.macro	CHECK_HILO hi, lo, id
	nop
	nop
	mfhi	$t8
	mflo	$t9
	CHECK_EQ64 $t8, \hi, \id
	CHECK_EQ64 $t9, \lo, \id
	.endm

TEST_MAIN
	li	$t0, 0x7fffffff
	li	$t1, 2
	mult	$t0, $t1
	CHECK_HILO 0, 0xfffffffffffffffe, 10
	li	$t0, -1
	li	$t1, -1
	mult	$t0, $t1
	CHECK_HILO 0, 1, 11
	li	$t0, 0x80000000
	mult	$t0, $t0		/* (-2^31)^2 = 2^62 */
	CHECK_HILO 0x0000000040000000, 0, 12
	li	$t0, -3
	li	$t1, 5
	mult	$t0, $t1
	CHECK_HILO 0xffffffffffffffff, 0xfffffffffffffff1, 13
	li	$t0, 0x12345678
	li	$t1, 0x9abcdef0 - 0x100000000
	mult	$t0, $t1		/* 0x12345678 * -0x65432110 */
	CHECK_HILO 0xfffffffff8cc93d6, 0x00000000242d2080, 14

	li	$t0, -1
	multu	$t0, $t0		/* 0xffffffff^2 = 0xfffffffe00000001 */
	CHECK_HILO 0xfffffffffffffffe, 1, 15
	li	$t0, 0x80000000
	li	$t1, 2
	multu	$t0, $t1
	CHECK_HILO 1, 0, 16
	li	$t0, 0x12345678
	li	$t1, 0x9abcdef0 - 0x100000000
	multu	$t0, $t1
	CHECK_HILO 0x000000000b00ea4e, 0x00000000242d2080, 17

	li	$t0, 7
	li	$t1, -2
	div	$zero, $t0, $t1
	CHECK_HILO 1, -3, 18
	li	$t0, -7
	li	$t1, 2
	div	$zero, $t0, $t1
	CHECK_HILO -1, -3, 19
	li	$t0, -7
	li	$t1, -2
	div	$zero, $t0, $t1
	CHECK_HILO -1, 3, 20
	li	$t0, -1
	li	$t1, 2
	divu	$zero, $t0, $t1		/* 0xffffffff / 2 */
	CHECK_HILO 1, 0x7fffffff, 21
	li	$t0, 0x80000000
	li	$t1, 0x10
	divu	$zero, $t0, $t1
	CHECK_HILO 0, 0x08000000, 22
	li	$t0, 100
	li	$t1, 0x80000001 - 0x100000000
	divu	$zero, $t0, $t1		/* 100 / 0x80000001 */
	CHECK_HILO 100, 0, 23

	/* Division by zero: no exception. */
	EXC_CLEAR
	li	$t0, 5
	div	$zero, $t0, $zero
	divu	$zero, $t0, $zero
	ddiv	$zero, $t0, $zero
	ddivu	$zero, $t0, $zero
	nop
	nop
	CHECK_NOEXC 24

	/* MTHI/MTLO move all 64 bits. */
	dli	$t0, 0x0123456789abcdef
	dli	$t1, 0xfedcba9876543210
	mthi	$t0
	mtlo	$t1
	CHECK_HILO 0x0123456789abcdef, 0xfedcba9876543210, 25

	/* 64-bit multiply. */
	li	$t0, -3
	li	$t1, 5
	dmult	$t0, $t1
	CHECK_HILO 0xffffffffffffffff, 0xfffffffffffffff1, 26
	dli	$t0, 0x0000000100000000
	dmult	$t0, $t0		/* 2^64 */
	CHECK_HILO 1, 0, 27
	dli	$t0, 0x123456789abcdef0
	dli	$t1, 0x0fedcba987654321
	dmult	$t0, $t1
	CHECK_HILO 0x0121fa00ad77d742, 0x2236d88fe5618cf0, 28
	dli	$t0, 0x8000000000000000
	li	$t1, -1
	dmult	$t0, $t1		/* 2^63 */
	CHECK_HILO 0, 0x8000000000000000, 29
	li	$t0, -1
	li	$t1, 2
	dmultu	$t0, $t1
	CHECK_HILO 1, 0xfffffffffffffffe, 30
	li	$t0, -1
	dmultu	$t0, $t0		/* (2^64-1)^2 */
	CHECK_HILO 0xfffffffffffffffe, 1, 31

	/* 64-bit divide. */
	li	$t0, -100
	li	$t1, 7
	ddiv	$zero, $t0, $t1
	CHECK_HILO -2, -14, 32
	dli	$t0, 0x7fffffffffffffff
	dli	$t1, 0x0000000100000000
	ddiv	$zero, $t0, $t1
	CHECK_HILO 0x00000000ffffffff, 0x000000007fffffff, 33
	li	$t0, -1
	li	$t1, 0x10
	ddivu	$zero, $t0, $t1
	CHECK_HILO 15, 0x0fffffffffffffff, 34
	dli	$t0, 0x8000000000000000
	li	$t1, 3
	ddivu	$zero, $t0, $t1
	CHECK_HILO 2, 0x2aaaaaaaaaaaaaaa, 35

	/* Multiply and divide leave the general registers alone. */
	li	$t0, 6
	li	$t1, 7
	mult	$t0, $t1
	CHECK_EQ $t0, 6, 36
	CHECK_EQ $t1, 7, 37
	CHECK_HILO 0, 42, 38
	PASS
