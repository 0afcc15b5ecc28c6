/*
 * alu.S - three-register ALU instructions, 32-bit (MIPS I) and 64-bit
 * (MIPS III, legal in kernel mode), without overflow.
 *
 * UM appendix A: 32-bit operations (ADD/ADDU/SUB/SUBU) produce a 32-bit
 * result that is sign-extended into the 64-bit register; logical operations
 * and SLT/SLTU work on all 64 bits; DADD/DADDU/DSUB/DSUBU are 64-bit.
 * Every operand of a 32-bit operation here is a sign-extended 32-bit value
 * (other operands are UNPREDICTABLE on the R4000 and are not tested).
 */
#include "tests/asm/harness.h"

TEST_MAIN
	/* ADDU wraps, result sign-extended from bit 31. */
	li	$t0, 0x7fffffff
	li	$t1, 1
	addu	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0xffffffff80000000, 10
	li	$t0, -1
	addu	$t2, $t0, $t1
	CHECK_EQ $t2, 0, 11
	/* ADD without overflow. */
	li	$t0, -5
	li	$t1, 3
	add	$t2, $t0, $t1
	CHECK_EQ $t2, -2, 12
	li	$t0, 0x3fffffff
	add	$t2, $t0, $t0
	CHECK_EQ $t2, 0x7ffffffe, 13
	/* SUBU wraps both ways. */
	li	$t0, 0
	li	$t1, 1
	subu	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0xffffffffffffffff, 14
	li	$t0, 0x80000000
	subu	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0x000000007fffffff, 15
	/* SUB without overflow. */
	li	$t0, 100
	li	$t1, 300
	sub	$t2, $t0, $t1
	CHECK_EQ $t2, -200, 16

	/* Logical operations on full 64-bit values. */
	dli	$t0, 0xff00ff00f0f0f0f0
	dli	$t1, 0x0ff00ff0ffff0000
	and	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0x0f000f00f0f00000, 17
	or	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0xfff0fff0fffff0f0, 18
	xor	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0xf0f0f0f00f0ff0f0, 19
	nor	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0x000f000f00000f0f, 20
	nor	$t2, $zero, $zero
	CHECK_EQ64 $t2, 0xffffffffffffffff, 21

	/* SLT is signed, SLTU unsigned, both on 64 bits. */
	li	$t0, -1
	li	$t1, 1
	slt	$t2, $t0, $t1
	CHECK_EQ $t2, 1, 22
	slt	$t2, $t1, $t0
	CHECK_EQ $t2, 0, 23
	sltu	$t2, $t0, $t1
	CHECK_EQ $t2, 0, 24
	sltu	$t2, $t1, $t0
	CHECK_EQ $t2, 1, 25
	slt	$t2, $t1, $t1
	CHECK_EQ $t2, 0, 26
	dli	$t0, 0x0000000100000000	/* differs only above bit 31 */
	li	$t1, 0x7fffffff
	slt	$t2, $t1, $t0
	CHECK_EQ $t2, 1, 27
	sltu	$t2, $t0, $t1
	CHECK_EQ $t2, 0, 28
	dli	$t0, 0x8000000000000000
	slt	$t2, $t0, $zero
	CHECK_EQ $t2, 1, 29
	sltu	$t2, $zero, $t0
	CHECK_EQ $t2, 1, 30

	/* DADDU / DSUBU carry and borrow across bit 31. */
	dli	$t0, 0x00000000ffffffff
	li	$t1, 1
	daddu	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0x0000000100000000, 31
	dli	$t0, 0xffffffffffffffff
	daddu	$t2, $t0, $t1
	CHECK_EQ $t2, 0, 32
	dli	$t0, 0x0000000100000000
	dsubu	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0x00000000ffffffff, 33
	dsubu	$t2, $zero, $t1
	CHECK_EQ64 $t2, 0xffffffffffffffff, 34
	/* DADD / DSUB without overflow. */
	dli	$t0, 0x7ffffffffffffffe
	dadd	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0x7fffffffffffffff, 35
	dli	$t0, 0x8000000000000001
	dsub	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0x8000000000000000, 36
	dli	$t0, 0x123456789abcdef0
	dli	$t1, 0x0fedcba987654321
	dadd	$t2, $t0, $t1
	CHECK_EQ64 $t2, 0x2222222222222211, 37

	/* r0 stays zero whatever is written to it. */
	li	$t0, 5
	addu	$zero, $t0, $t0
	or	$zero, $t0, $t0
	daddu	$zero, $t0, $t0
	CHECK_EQ $zero, 0, 38
	or	$t2, $zero, $zero
	CHECK_EQ $t2, 0, 39

	/* Source and destination may be the same register. */
	li	$t0, 21
	addu	$t0, $t0, $t0
	CHECK_EQ $t0, 42, 40
	PASS
