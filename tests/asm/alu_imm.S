/*
 * alu_imm.S - immediate ALU instructions and their immediate extension.
 *
 * UM appendix A: ADDI/ADDIU/SLTI/SLTIU/DADDI/DADDIU sign-extend the 16-bit
 * immediate (SLTIU then compares unsigned); ANDI/ORI/XORI zero-extend it;
 * LUI shifts it left 16 and sign-extends the 32-bit result.
 */
#include "tests/asm/harness.h"

TEST_MAIN
	/* ADDIU: immediate sign-extended, 32-bit result sign-extended. */
	addiu	$t0, $zero, -1
	CHECK_EQ64 $t0, 0xffffffffffffffff, 10
	addiu	$t0, $zero, 0x7fff
	CHECK_EQ $t0, 0x7fff, 11
	addiu	$t0, $zero, -0x8000
	CHECK_EQ64 $t0, 0xffffffffffff8000, 12
	li	$t1, 0x7fffffff
	addiu	$t0, $t1, 1
	CHECK_EQ64 $t0, 0xffffffff80000000, 13
	/* ADDI without overflow. */
	li	$t1, 10
	addi	$t0, $t1, -20
	CHECK_EQ $t0, -10, 14

	/* SLTI: signed compare with the sign-extended immediate. */
	li	$t1, -3
	slti	$t0, $t1, -2
	CHECK_EQ $t0, 1, 15
	slti	$t0, $t1, -3
	CHECK_EQ $t0, 0, 16
	li	$t1, 5
	slti	$t0, $t1, 0x7fff
	CHECK_EQ $t0, 1, 17
	/* SLTIU: immediate sign-extended, then compared unsigned. */
	sltiu	$t0, $t1, -1		/* 5 < 0xffff...ffff */
	CHECK_EQ $t0, 1, 18
	li	$t1, -1
	sltiu	$t0, $t1, -1		/* equal */
	CHECK_EQ $t0, 0, 19
	li	$t1, 0x8000
	sltiu	$t0, $t1, -0x8000	/* 0x8000 < 0xffff...8000 */
	CHECK_EQ $t0, 1, 20
	sltiu	$t0, $zero, 1
	CHECK_EQ $t0, 1, 21

	/* ANDI/ORI/XORI: immediate zero-extended. */
	li	$t1, -1
	andi	$t0, $t1, 0x8000
	CHECK_EQ64 $t0, 0x0000000000008000, 22
	andi	$t0, $t1, 0xffff
	CHECK_EQ64 $t0, 0x000000000000ffff, 23
	ori	$t0, $zero, 0xffff
	CHECK_EQ64 $t0, 0x000000000000ffff, 24
	li	$t1, 0x12340000
	ori	$t0, $t1, 0x8001
	CHECK_EQ $t0, 0x12348001, 25
	li	$t1, -1
	xori	$t0, $t1, 0xffff
	CHECK_EQ64 $t0, 0xffffffffffff0000, 26
	dli	$t1, 0x8000000000000000
	xori	$t0, $t1, 0x8000	/* upper bits pass through */
	CHECK_EQ64 $t0, 0x8000000000008000, 27

	/* LUI: 32-bit result sign-extended. */
	lui	$t0, 0x8000
	CHECK_EQ64 $t0, 0xffffffff80000000, 28
	lui	$t0, 0x7fff
	CHECK_EQ64 $t0, 0x000000007fff0000, 29
	lui	$t0, 0xffff
	CHECK_EQ64 $t0, 0xffffffffffff0000, 30

	/* DADDIU/DADDI: 64-bit, immediate sign-extended. */
	dli	$t1, 0x00000000ffffffff
	daddiu	$t0, $t1, 1
	CHECK_EQ64 $t0, 0x0000000100000000, 31
	daddiu	$t0, $zero, -1
	CHECK_EQ64 $t0, 0xffffffffffffffff, 32
	dli	$t1, 0x0000000100000000
	daddiu	$t0, $t1, -0x8000
	CHECK_EQ64 $t0, 0x00000000ffff8000, 33
	dli	$t1, 0x7ffffffffffffff0
	daddi	$t0, $t1, 15
	CHECK_EQ64 $t0, 0x7fffffffffffffff, 34
	daddi	$t0, $zero, -7
	CHECK_EQ $t0, -7, 35
	PASS
