/*
 * overflow.S - Integer Overflow exceptions (ADD, ADDI, SUB, DADD, DADDI,
 * DSUB) against the non-trapping ADDU, ADDIU, SUBU, DADDU, DADDIU, DSUBU.
 *
 * UM appendix A and 5.4 (Integer Overflow exception): on two's complement
 * overflow the destination register is not modified and an Ov exception
 * (ExcCode 12) is taken with EPC = the instruction (or the branch, BD=1,
 * when in a delay slot); the U forms never trap.
 */
#include "tests/asm/harness.h"

/* insn must raise Ov, leave $t9 (the destination) alone, EPC = insn. */
	.macro	OV_TEST id, insn:vararg
	li	$t9, 0x1234
	EXC_EXPECT .Lc\@
.Li\@:	\insn
	FAIL	\id
.Lc\@:	CHECK_EXC EXC_OV, \id
	CHECK_REC_ADDR REC_EPC, .Li\@, \id
	CHECK_EQ $t9, 0x1234, \id
	.endm

/* insn must not raise any exception. */
	.macro	NO_OV_TEST id, insn:vararg
	EXC_CLEAR
	\insn
	CHECK_NOEXC \id
	.endm

TEST_MAIN
	li	$t0, 0x7fffffff
	li	$t1, 1
	li	$t2, 0x80000000
	li	$t3, -1
	OV_TEST	10, add $t9, $t0, $t1
	OV_TEST	11, add $t9, $t2, $t3
	OV_TEST	12, add $t9, $t2, $t2
	OV_TEST	13, addi $t9, $t0, 1
	OV_TEST	14, addi $t9, $t2, -1
	OV_TEST	15, sub $t9, $t2, $t1
	OV_TEST	16, sub $t9, $t0, $t3
	dli	$t4, 0x7fffffffffffffff
	dli	$t5, 0x8000000000000000
	OV_TEST	17, dadd $t9, $t4, $t1
	OV_TEST	18, dadd $t9, $t5, $t3
	OV_TEST	19, daddi $t9, $t4, 1
	OV_TEST	20, daddi $t9, $t5, -0x8000
	OV_TEST	21, dsub $t9, $t5, $t1
	OV_TEST	22, dsub $t9, $t4, $t3
	/* The destination is unchanged even when it is also a source. */
	li	$t6, 0x7fffffff
	EXC_EXPECT 1f
	add	$t6, $t6, $t6
	FAIL	23
1:	CHECK_EXC EXC_OV, 24
	CHECK_EQ $t6, 0x7fffffff, 25

	/* The same operands do not trap with the unsigned forms. */
	NO_OV_TEST 26, addu $t9, $t0, $t1
	CHECK_EQ64 $t9, 0xffffffff80000000, 27
	NO_OV_TEST 28, addiu $t9, $t0, 1
	CHECK_EQ64 $t9, 0xffffffff80000000, 29
	NO_OV_TEST 30, subu $t9, $t2, $t1
	CHECK_EQ $t9, 0x7fffffff, 31
	NO_OV_TEST 32, daddu $t9, $t4, $t1
	CHECK_EQ64 $t9, 0x8000000000000000, 33
	NO_OV_TEST 34, daddiu $t9, $t4, 1
	CHECK_EQ64 $t9, 0x8000000000000000, 35
	NO_OV_TEST 36, dsubu $t9, $t5, $t1
	CHECK_EQ64 $t9, 0x7fffffffffffffff, 37
	/* Operands of opposite sign never overflow. */
	NO_OV_TEST 38, add $t9, $t0, $t3
	CHECK_EQ $t9, 0x7ffffffe, 39
	/* DADD of two 32-bit values that overflow 32 bits does not trap. */
	NO_OV_TEST 40, dadd $t9, $t0, $t1
	CHECK_EQ64 $t9, 0x0000000080000000, 41

	/* Overflow in a delay slot: BD set, EPC = the branch. */
	EXC_EXPECT 3f
2:	beq	$zero, $zero, 4f
	add	$t9, $t0, $t1
4:	FAIL	42
3:	CHECK_EXC EXC_OV, 43
	CHECK_REC_ADDR REC_EPC, 2b, 44
	REC_LOAD $t7, REC_CAUSE
	CHECK_BITS $t7, CAUSE_BD, CAUSE_BD, 45
	PASS
