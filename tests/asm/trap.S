/*
 * trap.S - conditional trap instructions (MIPS II), taken and not taken.
 *
 * UM appendix A (TEQ, TNE, TGE, TGEU, TLT, TLTU, TEQI, TNEI, TGEI, TGEIU,
 * TLTI, TLTIU) and 5.4 (Trap exception): when the condition holds a Trap
 * exception (ExcCode 13) is taken with EPC = the trap instruction; the
 * immediate forms sign-extend the 16-bit immediate, and TGEIU/TLTIU then
 * compare unsigned.  Comparisons use all 64 bits.
 */
#include "tests/asm/harness.h"

/* insn must trap with EPC = insn. */
	.macro	TRAP_YES id, insn:vararg
	EXC_EXPECT .Lc\@
.Li\@:	\insn
	FAIL	\id
.Lc\@:	CHECK_EXC EXC_TR, \id
	CHECK_REC_ADDR REC_EPC, .Li\@, \id
	.endm

/* insn must not trap. */
	.macro	TRAP_NO id, insn:vararg
	EXC_CLEAR
	\insn
	CHECK_NOEXC \id
	.endm

TEST_MAIN
	li	$t0, -1
	li	$t1, 1
	li	$t2, 1
	TRAP_YES 10, teq $t1, $t2
	TRAP_NO	11, teq $t0, $t1
	TRAP_YES 12, tne $t0, $t1
	TRAP_NO	13, tne $t1, $t2
	TRAP_YES 14, tge $t1, $t0	/* 1 >= -1 signed */
	TRAP_YES 15, tge $t1, $t2
	TRAP_NO	16, tge $t0, $t1
	TRAP_YES 17, tgeu $t0, $t1	/* 0xfff... >= 1 unsigned */
	TRAP_NO	18, tgeu $t1, $t0
	TRAP_YES 19, tlt $t0, $t1
	TRAP_NO	20, tlt $t1, $t0
	TRAP_NO	21, tlt $t1, $t2
	TRAP_YES 22, tltu $t1, $t0
	TRAP_NO	23, tltu $t0, $t1
	TRAP_NO	24, tltu $t1, $t2

	/* Immediate forms. */
	TRAP_YES 25, teqi $t0, -1
	TRAP_NO	26, teqi $t0, 1
	TRAP_YES 27, tnei $t0, 1
	TRAP_NO	28, tnei $t0, -1
	TRAP_YES 29, tgei $t1, -1
	TRAP_NO	30, tgei $t0, 0
	TRAP_YES 31, tgeiu $t0, -1	/* imm = 0xfff...: equal */
	TRAP_NO	32, tgeiu $t1, -1	/* 1 < 0xfff... unsigned */
	TRAP_YES 33, tgeiu $t1, 0
	TRAP_YES 34, tlti $t0, 0
	TRAP_NO	35, tlti $t1, -5
	TRAP_YES 36, tltiu $t1, -1	/* 1 < 0xfff... unsigned */
	TRAP_NO	37, tltiu $t0, 5

	/* 64-bit operands: equal low words, different high words. */
	dli	$t3, 0x0000000100000001
	TRAP_NO	38, teq $t3, $t1
	TRAP_YES 39, tne $t3, $t1
	TRAP_YES 40, tlt $t1, $t3
	dli	$t4, 0x8000000000000000
	TRAP_YES 41, tlti $t4, 0
	TRAP_YES 42, tgeiu $t4, 0x7fff

	/* A trap in a delay slot: BD set, EPC = the jump. */
	EXC_EXPECT 2f
1:	j	3f
	teq	$zero, $zero
3:	FAIL	43
2:	CHECK_EXC EXC_TR, 44
	CHECK_REC_ADDR REC_EPC, 1b, 45
	REC_LOAD $t5, REC_CAUSE
	CHECK_BITS $t5, CAUSE_BD, CAUSE_BD, 46

	/* A taken trap resumes after it (handler default: EPC+4). */
	EXC_CLEAR
	li	$s0, 0
	teq	$zero, $zero
	addiu	$s0, $s0, 1
	CHECK_EQ $s0, 1, 47
	REC_LOAD $t5, REC_COUNT
	CHECK_EQ $t5, 1, 48
	PASS
