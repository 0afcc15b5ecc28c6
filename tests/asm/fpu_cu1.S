/*
 * fpu_cu1.S - which COP1 encodings trap, and how.
 *
 * - Status.CU1 = 0: every COP1 instruction and LWC1/LDC1/SWC1/SDC1 takes
 *   Coprocessor Unusable with Cause.CE = 1 and EPC at the instruction,
 *   with no effect; Cause.BD and EPC at the branch in a delay slot
 *   (UM 5.4 "Coprocessor Unusable Exception").
 * - CU1 = 1: reserved rs and BC encodings are Reserved Instruction; a
 *   reserved function or format (CVT.S.S, ADD.W, fmt 18) is the
 *   Unimplemented Operation: FCSR Cause = E and the Floating-Point
 *   exception (UM 7.4 "Unimplemented Instruction Exception (E)").
 * - DMFC1/DMTC1 are Reserved Instruction in 32-bit user mode; CVT.L.D is
 *   not (UM B, DMFC1 and CVT.L.fmt).
 * - FIR (FCR0) reads 0x00000500: Implementation 5, Revision 0.
 */
#include "tests/asm/harness.h"

	.set	fp=64		/* let the assembler name odd registers (FR=0 */
	.set	oddspreg	/* FGRs too); encodings do not change */

/* Expect insn to raise CpU, CE=1, BD=0, EPC at it, exactly once. */
	.macro	CU_TRAP id, insn:vararg
	EXC_CLEAR
.Lcu\@:	\insn
	REC_LOAD $t8, REC_CAUSE
	CHECK_BITS $t8, 0xB000007C, 0x1000002C, \id
	CHECK_REC_ADDR REC_EPC, .Lcu\@, \id
	CHECK_REC REC_COUNT, 1, \id
	.endm

/* Expect insn to raise exception code exc (CE=0) at it, exactly once. */
	.macro	EXC_TRAP exc, id, insn:vararg
	EXC_CLEAR
.Lex\@:	\insn
	REC_LOAD $t8, REC_CAUSE
	CHECK_BITS $t8, 0xB000007C, ((\exc) << 2), \id
	CHECK_REC_ADDR REC_EPC, .Lex\@, \id
	CHECK_REC REC_COUNT, 1, \id
	.endm

/* Expect insn to be an Unimplemented Operation: FPE with FCSR Cause = E. */
	.macro	UNIMPL id, insn:vararg
	ctc1	$zero, $31
	EXC_TRAP EXC_FPE, \id, \insn
	cfc1	$t8, $31
	CHECK_EQ $t8, 0x00020000, \id
	.endm

TEST_MAIN
	/* ---- CU1 = 0 (the harness starts with Status = 0) ---- */
	li	$t0, 0x1234
	CU_TRAP 5, mfc1 $t0, $f0
	CHECK_EQ $t0, 0x1234, 6			/* rt not written */
	CU_TRAP 7, mtc1 $t0, $f0
	CU_TRAP 8, dmfc1 $t0, $f0
	CHECK_EQ $t0, 0x1234, 9
	CU_TRAP 10, dmtc1 $t0, $f0
	CU_TRAP 11, cfc1 $t0, $0
	CHECK_EQ $t0, 0x1234, 12
	CU_TRAP 13, ctc1 $t0, $31
	la	$s0, buf
	CU_TRAP 14, lwc1 $f0, 0($s0)
	CU_TRAP 15, ldc1 $f0, 0($s0)
	CU_TRAP 16, swc1 $f0, 0($s0)
	CU_TRAP 17, sdc1 $f0, 0($s0)
	lw	$t1, 0($s0)			/* stores did not happen */
	CHECK_EQ $t1, 0x5a5a5a5a, 18
	lw	$t1, 4($s0)
	CHECK_EQ $t1, 0x5a5a5a5a, 19
	CU_TRAP 20, add.s $f0, $f2, $f4
	CU_TRAP 21, add.d $f0, $f2, $f4
	CU_TRAP 22, mov.d $f0, $f2
	CU_TRAP 23, c.eq.s $f0, $f2
	CU_TRAP 24, cvt.d.s $f0, $f2
	CU_TRAP 25, trunc.w.d $f0, $f2
	CU_TRAP 26, .word 0x44600000		/* reserved rs 3: CpU first */
	CU_TRAP 27, .word 0x46000010		/* reserved function of .s */

	/* BC1T with CU1 = 0: CpU at the branch, the branch not taken. */
	EXC_CLEAR
.Lbc:	bc1t	.Lbc_bad
	nop
	b	.Lbc_ok
	nop
.Lbc_bad:
	FAIL 28
.Lbc_ok:
	REC_LOAD $t8, REC_CAUSE
	CHECK_BITS $t8, 0xB000007C, 0x1000002C, 29
	CHECK_REC_ADDR REC_EPC, .Lbc, 30

	/* In a delay slot: BD = 1 and EPC at the branch. */
	EXC_EXPECT .Lds_back
.Lds_br:
	beq	$zero, $zero, .Lds_bad
	add.d	$f0, $f2, $f4
.Lds_bad:
	FAIL 31
.Lds_back:
	REC_LOAD $t8, REC_CAUSE
	CHECK_BITS $t8, 0xB000007C, 0x9000002C, 32
	CHECK_REC_ADDR REC_EPC, .Lds_br, 33

	/* ---- CU1 = 1 ---- */
	li	$t0, ST_CU1
	mtc0	$t0, C0_STATUS
	nop
	nop
	EXC_CLEAR
	cfc1	$t0, $0				/* FIR */
	CHECK_EQ $t0, 0x00000500, 34
	CHECK_NOEXC 35

	/* Reserved rs values 3, 7, 9 and BC with rt = 4: RI. */
	EXC_TRAP EXC_RI, 36, .word 0x44600000
	EXC_TRAP EXC_RI, 37, .word 0x44e00000
	EXC_TRAP EXC_RI, 38, .word 0x45200000
	EXC_TRAP EXC_RI, 39, .word 0x45040001

	/* Reserved functions and formats: Unimplemented Operation. */
	li	$t0, 0x3f800000
	mtc1	$t0, $f6
	mtc1	$t0, $f8
	UNIMPL	40, .word 0x46003220		/* cvt.s.s $f8, $f6 */
	mfc1	$t1, $f8			/* destination unchanged */
	CHECK_EQ $t1, 0x3f800000, 41
	UNIMPL	42, .word 0x46803200		/* add.w $f8, $f6, $f0 */
	UNIMPL	43, .word 0x46403200		/* fmt 18 (reserved) */
	UNIMPL	44, .word 0x46003210		/* .s function 16 */
	UNIMPL	45, .word 0x46803232		/* c.eq.w */
	UNIMPL	46, .word 0x46a03224		/* cvt.w.l */
	UNIMPL	47, .word 0x46003226		/* .s function 38 */
	UNIMPL	48, .word 0x47e03200		/* fmt 31 */

	/* Flags are left alone by an E trap: Flags V set before stays. */
	li	$t0, 0x40
	ctc1	$t0, $31
	EXC_TRAP EXC_FPE, 49, .word 0x46003220
	cfc1	$t8, $31
	CHECK_EQ $t8, 0x00020040, 50

	/* ---- 32-bit user mode with CU1 = 1 ---- */
	ctc1	$zero, $31
	MAP_USER
	dli	$t0, 0x4000000000000000		/* 2.0 */
	dmtc1	$t0, $f0
	dmtc1	$zero, $f2
	EXC_EXPECT .Lu_dmfc1_back
	ENTER_USER UVA(user_dmfc1)
.Lu_dmfc1_back:
	REC_LOAD $t8, REC_CAUSE
	CHECK_BITS $t8, 0xB000007C, (EXC_RI << 2), 51
	REC_LOAD $t8, REC_EPC
	la	$t9, UVA(user_dmfc1)
	CHECK_EQR $t8, $t9, 52

	EXC_EXPECT .Lu_dmtc1_back
	ENTER_USER UVA(user_dmtc1)
.Lu_dmtc1_back:
	REC_LOAD $t8, REC_CAUSE
	CHECK_BITS $t8, 0xB000007C, (EXC_RI << 2), 53
	dmfc1	$t0, $f2
	CHECK_EQ $t0, 0, 54

	/* CVT.L.D is legal in 32-bit user mode: only the SYSCALL traps. */
	EXC_EXPECT .Lu_cvtl_back
	ENTER_USER UVA(user_cvtl)
.Lu_cvtl_back:
	CHECK_EXC EXC_SYS, 55
	dmfc1	$t0, $f2
	CHECK_EQ64 $t0, 2, 56
	mfc1	$t0, $f4			/* MFC1 worked in user mode */
	CHECK_EQ $t0, 0x40000000, 57
	PASS

	.section .user.text, "ax", @progbits
user_dmfc1:
	dmfc1	$t0, $f0
	FAIL	58
user_dmtc1:
	dmtc1	$t0, $f2
	FAIL	59
user_cvtl:
	cvt.l.d	$f2, $f0
	mfc1	$t1, $f1
	mtc1	$t1, $f4
	syscall
	FAIL	60

	.data
	.balign	8
buf:	.word	0x5a5a5a5a, 0x5a5a5a5a
