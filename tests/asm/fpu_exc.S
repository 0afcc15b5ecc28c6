/*
 * fpu_exc.S - FCSR Cause/Enable/Flag bits and the Floating-Point exception
 * (UM 6.3 "Control/Status Register", 7.2-7.4), flush to zero (FS, UM 7.4
 * "Underflow Exception" and table 7-1) and NaN encodings across formats.
 *
 * - An operation whose Cause has an enabled bit traps (ExcCode FPE, EPC at
 *   it, BD and EPC at the branch in a delay slot): Cause holds every
 *   exception of the operation, Flags and the destination are unchanged.
 * - Otherwise the result is written and Flags accumulate the Cause bits.
 * - CTC1 writes FCSR first, then traps if a Cause bit is enabled or E set.
 * - FS = 1 with U and I disabled flushes a tiny result to 0, or to the
 *   smallest normal in RP (positive) / RM (negative), raising U and I.
 *   (The R4000 signals E where FS = 0; here the denormal is delivered, and
 *   with FS = 1 and U enabled the U trap is taken: see docs/fpu.md.)
 * - A NaN converted to another format becomes that format's default NaN.
 */
#include "tests/asm/harness.h"

	.set	fp=64		/* let the assembler name odd registers */
	.set	oddspreg

#define SENTINEL 0x5a5a5a5a5a5a5a5a

/* Set FCSR to the constant v. */
	.macro	SET_FCSR v
	li	$t0, \v
	ctc1	$t0, $31
	.endm

/* Fail check id unless FCSR equals the constant v. */
	.macro	CHECK_FCSR v, id
	cfc1	$t9, $31
	CHECK_EQ $t9, \v, \id
	.endm

/* Fail check id unless double register freg holds the constant v. */
	.macro	CHECK_D freg, v, id
	dmfc1	$t9, \freg
	CHECK_EQ64 $t9, \v, \id
	.endm

/* Fail check id unless single register freg holds the constant v. */
	.macro	CHECK_S freg, v, id
	mfc1	$t9, \freg
	CHECK_EQ $t9, \v, \id
	.endm

/*
 * With FCSR = fin, insn (writing $f20, preset to SENTINEL) must trap with
 * FPE at itself and leave FCSR = fout and $f20 unchanged.
 */
	.macro	FPE_TRAP id, fin, fout, insn:vararg
	dli	$t0, SENTINEL
	dmtc1	$t0, $f20
	SET_FCSR \fin
	EXC_CLEAR
.Lfp\@:	\insn
	CHECK_EXC EXC_FPE, \id
	CHECK_REC_ADDR REC_EPC, .Lfp\@, \id
	CHECK_FCSR \fout, \id
	CHECK_D	$f20, SENTINEL, \id
	.endm

/* With FCSR = fin, insn must not trap and must leave FCSR = fout. */
	.macro	NO_TRAP id, fin, fout, insn:vararg
	SET_FCSR \fin
	EXC_CLEAR
	\insn
	CHECK_NOEXC \id
	CHECK_FCSR \fout, \id
	.endm

/* Load double register freg with the constant v. */
	.macro	LD_D freg, v
	dli	$t0, \v
	dmtc1	$t0, \freg
	.endm

TEST_MAIN
	li	$t0, ST_CU1			/* FPU usable, FR = 0 */
	mtc0	$t0, C0_STATUS
	nop
	nop
	LD_D	$f0, 0x3ff0000000000000		/* 1.0 */
	LD_D	$f2, 0				/* 0.0 */
	LD_D	$f4, 0x4008000000000000		/* 3.0 */
	LD_D	$f6, 0x7fefffffffffffff		/* largest double */
	LD_D	$f8, 0x0010000000000000		/* smallest normal */
	LD_D	$f10, 0x4000000000000000	/* 2.0 */
	LD_D	$f12, 0x7ff8000000000000	/* signalling NaN */
	LD_D	$f14, 0x8010000000000000	/* -smallest normal */

	/* ---- each enable traps its exception ---- */
	FPE_TRAP 5, 0x0800, 0x00010800, div.d $f20, $f2, $f2	/* V: 0/0 */
	FPE_TRAP 6, 0x0400, 0x00008400, div.d $f20, $f0, $f2	/* Z: 1/0 */
	FPE_TRAP 7, 0x0200, 0x00005200, mul.d $f20, $f6, $f10	/* O (+I) */
	FPE_TRAP 8, 0x0100, 0x00003100, div.d $f20, $f8, $f4	/* U (+I) */
	FPE_TRAP 9, 0x0080, 0x00001080, div.d $f20, $f0, $f4	/* I: 1/3 */
	FPE_TRAP 10, 0x0080, 0x00005080, mul.d $f20, $f6, $f10	/* O, I on */
	FPE_TRAP 11, 0x087c, 0x0001087c, sub.d $f20, $f12, $f0	/* Flags kept */
	FPE_TRAP 12, 0x0800, 0x00010800, sqrt.d $f20, $f14	/* sqrt(-x) */
	FPE_TRAP 13, 0x0800, 0x00010800, cvt.w.d $f20, $f12	/* NaN -> W */
	FPE_TRAP 14, 0x0800, 0x00010800, trunc.l.d $f20, $f6	/* too big */
	FPE_TRAP 15, 0x0200, 0x00005200, cvt.s.d $f20, $f6	/* O */
	FPE_TRAP 16, 0x0800, 0x00010800, abs.d $f20, $f12	/* sNaN */
	FPE_TRAP 17, 0x0800, 0x00010800, c.eq.d $f0, $f12	/* sNaN */
	FPE_TRAP 18, 0x0800, 0x00010800, neg.d $f20, $f12	/* sNaN */
	li	$t0, 0x7fc00000			/* single sNaN */
	mtc1	$t0, $f16
	FPE_TRAP 19, 0x0800, 0x00010800, add.s $f20, $f16, $f0

	/* ---- untrapped: results written, Flags accumulate ---- */
	NO_TRAP	20, 0, 0x00001004, div.d $f20, $f0, $f4
	CHECK_D	$f20, 0x3fd5555555555555, 21
	SET_FCSR 0x00001004
	div.d	$f20, $f0, $f2			/* Cause Z only, Flags I|Z */
	CHECK_FCSR 0x00008024, 22
	CHECK_D	$f20, 0x7ff0000000000000, 23
	add.d	$f20, $f0, $f0			/* exact: Cause 0, Flags kept */
	CHECK_FCSR 0x00000024, 24
	NO_TRAP	25, 0x0f80, 0x0f80, mov.d $f20, $f12	/* MOV never traps */
	CHECK_D	$f20, 0x7ff8000000000000, 26

	/* ---- CTC1 ---- */
	EXC_CLEAR
	li	$t0, 0x00010800			/* Cause V, Enable V: trap */
.Lctc_v:
	ctc1	$t0, $31
	CHECK_EXC EXC_FPE, 27
	CHECK_REC_ADDR REC_EPC, .Lctc_v, 28
	CHECK_FCSR 0x00010800, 29		/* the write happened */
	EXC_CLEAR
	SET_FCSR 0x00020000			/* Cause E: always traps */
	CHECK_EXC EXC_FPE, 30
	CHECK_FCSR 0x00020000, 31
	NO_TRAP	32, 0x00011400, 0x00011400, nop	/* V, I with only Z on */
	NO_TRAP	33, 0xfe7c0003, 0x00000003, nop	/* bits 18-22, 25-31 read 0 */
	NO_TRAP	34, 0x01800f83, 0x01800f83, nop	/* FS, C, enables, RM */

	/* ---- a trap in a delay slot: BD = 1, EPC at the branch ---- */
	LD_D	$f20, SENTINEL
	SET_FCSR 0x0400
	EXC_EXPECT .Lds_back
.Lds_br:
	beq	$zero, $zero, .Lds_bad
	div.d	$f20, $f0, $f2
.Lds_bad:
	FAIL	35
.Lds_back:
	REC_LOAD $t8, REC_CAUSE
	CHECK_BITS $t8, 0x8000007c, 0x80000000 | (EXC_FPE << 2), 36
	CHECK_REC_ADDR REC_EPC, .Lds_br, 37
	CHECK_D	$f20, SENTINEL, 38

	/* ---- flush to zero (FS = 1, U and I disabled) ---- */
	LD_D	$f16, 0x3fe0000000000000	/* 0.5 */
	NO_TRAP	39, 0x01000000, 0x0100300c, mul.d $f20, $f8, $f16
	CHECK_D	$f20, 0, 40			/* RN: +0 */
	NO_TRAP	41, 0x01000000, 0x0100300c, div.d $f20, $f14, $f4
	CHECK_D	$f20, 0x8000000000000000, 42	/* RN: -0 */
	NO_TRAP	43, 0x01000002, 0x0100300e, div.d $f20, $f8, $f4
	CHECK_D	$f20, 0x0010000000000000, 44	/* RP: +min normal */
	NO_TRAP	45, 0x01000002, 0x0100300e, div.d $f20, $f14, $f4
	CHECK_D	$f20, 0x8000000000000000, 46	/* RP: -0 */
	NO_TRAP	47, 0x01000003, 0x0100300f, div.d $f20, $f14, $f4
	CHECK_D	$f20, 0x8010000000000000, 48	/* RM: -min normal */
	NO_TRAP	49, 0x01000003, 0x0100300f, div.d $f20, $f8, $f4
	CHECK_D	$f20, 0, 50			/* RM: +0 */
	NO_TRAP	51, 0x01000000, 0x01001004, div.d $f20, $f0, $f4
	CHECK_D	$f20, 0x3fd5555555555555, 52	/* normal result kept */
	li	$t0, 0x00800000			/* single smallest normal */
	mtc1	$t0, $f18
	li	$t0, 0x3f000000			/* 0.5 */
	mtc1	$t0, $f22
	NO_TRAP	53, 0x01000001, 0x0100300d, mul.s $f20, $f18, $f22
	CHECK_S	$f20, 0, 54			/* RZ: +0 */
	LD_D	$f24, 0x37a16c262777579c	/* 1e-40 */
	NO_TRAP	55, 0x01000000, 0x0100300c, cvt.s.d $f20, $f24
	CHECK_S	$f20, 0, 56
	NO_TRAP	57, 0x00000000, 0x00000000, cvt.s.d $f20, $f16
	FPE_TRAP 58, 0x01000100, 0x01002100, mul.d $f20, $f8, $f16

	/* ---- NaNs across formats, and the default NaN is quiet ---- */
	LD_D	$f24, 0x7ff0000000000001	/* quiet */
	NO_TRAP	59, 0, 0, cvt.s.d $f20, $f24
	CHECK_S	$f20, 0x7fbfffff, 60
	NO_TRAP	61, 0, 0x00010040, cvt.s.d $f20, $f12
	CHECK_S	$f20, 0x7fbfffff, 62
	li	$t0, 0x7f800001			/* single quiet NaN */
	mtc1	$t0, $f24
	NO_TRAP	63, 0, 0, cvt.d.s $f20, $f24
	CHECK_D	$f20, 0x7ff7ffffffffffff, 64
	li	$t0, 0x7fc00000			/* single signalling NaN */
	mtc1	$t0, $f24
	NO_TRAP	65, 0, 0x00010040, cvt.d.s $f20, $f24
	CHECK_D	$f20, 0x7ff7ffffffffffff, 66
	NO_TRAP	67, 0, 0x00010040, div.d $f26, $f2, $f2
	CHECK_D	$f26, 0x7ff7ffffffffffff, 68
	NO_TRAP	69, 0, 0x00800000, c.un.d $f26, $f0	/* quiet: no V */
	NO_TRAP	70, 0, 0, add.d $f20, $f26, $f0		/* propagates */
	CHECK_D	$f20, 0x7ff7ffffffffffff, 71

	/* ---- exact conversions ---- */
	li	$t0, 1				/* smallest single denormal */
	mtc1	$t0, $f24
	NO_TRAP	72, 0, 0, cvt.d.s $f20, $f24
	CHECK_D	$f20, 0x36a0000000000000, 73
	li	$t0, -7
	mtc1	$t0, $f24
	NO_TRAP	74, 0, 0, cvt.d.w $f20, $f24
	CHECK_D	$f20, 0xc01c000000000000, 75
	mtc1	$zero, $f24
	NO_TRAP	76, 0, 0, cvt.s.w $f20, $f24
	CHECK_S	$f20, 0, 77
	li	$t0, 0x3dcccccd			/* 0.1f */
	mtc1	$t0, $f24
	NO_TRAP	78, 0x3, 0x3, cvt.d.s $f20, $f24
	CHECK_D	$f20, 0x3fb99999a0000000, 79
	PASS
