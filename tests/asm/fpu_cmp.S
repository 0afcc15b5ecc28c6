/*
 * fpu_cmp.S - C.cond.fmt for all 16 conditions in .s and .d, with ordered
 * operands (less, greater, equal, +0 = -0, infinities) and NaNs; and the
 * BC1F/BC1T/BC1FL/BC1TL branches on FCSR.C (bit 23) with their delay slots.
 *
 * UM appendix B, C.cond.fmt: cond bit 0 is true if unordered, bit 1 if
 * equal, bit 2 if less; bit 3 makes an unordered comparison Invalid, and a
 * signalling NaN is Invalid for every cond (UM 7.4).  Only compares and
 * CTC1 change C (UM 6.3).
 */
#include "tests/asm/harness.h"

	.set	fp=64		/* let the assembler name odd registers */
	.set	oddspreg

/*
 * Run each row of table tab (.dword a, b; .word C mask, V mask) through
 * insn, a C.cond.fmt $f0, $f2 with cond k; sw is the format's width.  FCSR
 * starts with C opposite to the expected result, and must end with C as
 * expected and Cause = Flags = V exactly when the V mask says so.
 */
	.macro	CTABLE id, tab, k, sw, insn:vararg
	la	$s0, \tab
	la	$s1, \tab\()_end
.Lrow\@:
	.if	\sw == 32
	lw	$t0, 4($s0)
	mtc1	$t0, $f0
	lw	$t0, 12($s0)
	mtc1	$t0, $f2
	.else
	ldc1	$f0, 0($s0)
	ldc1	$f2, 8($s0)
	.endif
	lw	$t3, 16($s0)
	srl	$t3, $t3, \k
	andi	$t3, $t3, 1		/* expected C */
	xori	$t0, $t3, 1
	sll	$t0, $t0, 23
	ctc1	$t0, $31		/* start with C = not expected */
	\insn
	sll	$t3, $t3, 23
	lw	$t4, 20($s0)
	srl	$t4, $t4, \k
	andi	$t4, $t4, 1
	beq	$t4, $zero, .Lnov\@
	nop
	ori	$t3, $t3, 0x0040	/* Flags V */
	lui	$t4, 0x0001		/* Cause V */
	or	$t3, $t3, $t4
.Lnov\@:
	cfc1	$t1, $31
	CHECK_EQR $t1, $t3, \id
	addiu	$s0, $s0, 24
	bne	$s0, $s1, .Lrow\@
	nop
	.endm

TEST_MAIN
	li	$t0, ST_CU1		/* FPU usable, FR = 0 */
	mtc0	$t0, C0_STATUS
	nop
	nop
	CTABLE 5, t_cmp_s, 0, 32, c.f.s	$f0, $f2
	CTABLE 6, t_cmp_s, 1, 32, c.un.s	$f0, $f2
	CTABLE 7, t_cmp_s, 2, 32, c.eq.s	$f0, $f2
	CTABLE 8, t_cmp_s, 3, 32, c.ueq.s	$f0, $f2
	CTABLE 9, t_cmp_s, 4, 32, c.olt.s	$f0, $f2
	CTABLE 10, t_cmp_s, 5, 32, c.ult.s	$f0, $f2
	CTABLE 11, t_cmp_s, 6, 32, c.ole.s	$f0, $f2
	CTABLE 12, t_cmp_s, 7, 32, c.ule.s	$f0, $f2
	CTABLE 13, t_cmp_s, 8, 32, c.sf.s	$f0, $f2
	CTABLE 14, t_cmp_s, 9, 32, c.ngle.s	$f0, $f2
	CTABLE 15, t_cmp_s, 10, 32, c.seq.s	$f0, $f2
	CTABLE 16, t_cmp_s, 11, 32, c.ngl.s	$f0, $f2
	CTABLE 17, t_cmp_s, 12, 32, c.lt.s	$f0, $f2
	CTABLE 18, t_cmp_s, 13, 32, c.nge.s	$f0, $f2
	CTABLE 19, t_cmp_s, 14, 32, c.le.s	$f0, $f2
	CTABLE 20, t_cmp_s, 15, 32, c.ngt.s	$f0, $f2
	CTABLE 21, t_cmp_d, 0, 64, c.f.d	$f0, $f2
	CTABLE 22, t_cmp_d, 1, 64, c.un.d	$f0, $f2
	CTABLE 23, t_cmp_d, 2, 64, c.eq.d	$f0, $f2
	CTABLE 24, t_cmp_d, 3, 64, c.ueq.d	$f0, $f2
	CTABLE 25, t_cmp_d, 4, 64, c.olt.d	$f0, $f2
	CTABLE 26, t_cmp_d, 5, 64, c.ult.d	$f0, $f2
	CTABLE 27, t_cmp_d, 6, 64, c.ole.d	$f0, $f2
	CTABLE 28, t_cmp_d, 7, 64, c.ule.d	$f0, $f2
	CTABLE 29, t_cmp_d, 8, 64, c.sf.d	$f0, $f2
	CTABLE 30, t_cmp_d, 9, 64, c.ngle.d	$f0, $f2
	CTABLE 31, t_cmp_d, 10, 64, c.seq.d	$f0, $f2
	CTABLE 32, t_cmp_d, 11, 64, c.ngl.d	$f0, $f2
	CTABLE 33, t_cmp_d, 12, 64, c.lt.d	$f0, $f2
	CTABLE 34, t_cmp_d, 13, 64, c.nge.d	$f0, $f2
	CTABLE 35, t_cmp_d, 14, 64, c.le.d	$f0, $f2
	CTABLE 36, t_cmp_d, 15, 64, c.ngt.d	$f0, $f2

	/* ---- BC1T / BC1F: the delay slot always runs ---- */
	li	$t0, 0x3f800000
	mtc1	$t0, $f0		/* 1.0 */
	li	$t0, 0x40000000
	mtc1	$t0, $f2		/* 2.0 */
	li	$s2, 0
	c.lt.s	$f0, $f2		/* true, and no instruction between */
	bc1t	1f
	addiu	$s2, $s2, 1		/* delay slot */
	FAIL	37			/* fell through a taken branch */
1:	CHECK_EQ $s2, 1, 38
	bc1f	2f			/* C = 1: not taken */
	addiu	$s2, $s2, 1		/* delay slot still runs */
	b	3f
	addiu	$s2, $s2, 1
2:	FAIL	39
3:	CHECK_EQ $s2, 3, 40

	c.eq.s	$f0, $f2		/* false */
	bc1f	4f
	addiu	$s2, $s2, 1
	FAIL	41
4:	bc1t	5f			/* not taken */
	addiu	$s2, $s2, 1
	b	6f
	nop
5:	FAIL	42
6:	CHECK_EQ $s2, 5, 43

	/* ---- likely forms: the slot is annulled when not taken ---- */
	c.eq.s	$f0, $f2		/* false */
	bc1tl	7f			/* not taken: slot annulled */
	addiu	$s2, $s2, 100
	CHECK_EQ $s2, 5, 44
	bc1fl	8f			/* taken: slot runs */
	addiu	$s2, $s2, 1
	FAIL	45
7:	FAIL	46
8:	CHECK_EQ $s2, 6, 47
	c.le.s	$f0, $f2		/* true */
	bc1fl	9f			/* not taken: slot annulled */
	addiu	$s2, $s2, 100
	CHECK_EQ $s2, 6, 48
	bc1tl	10f			/* taken: slot runs */
	addiu	$s2, $s2, 1
	FAIL	49
9:	FAIL	50
10:	CHECK_EQ $s2, 7, 51

	/* ---- C written by CTC1 is what BC1T tests ---- */
	lui	$t0, 0x0080		/* FCSR.C */
	ctc1	$t0, $31
	bc1t	11f
	nop
	FAIL	52
11:	ctc1	$zero, $31
	bc1t	12f
	nop
	b	13f
	nop
12:	FAIL	53
13:
	/* ---- a backward BC1T loop: count 1.0 up to 5.0 ---- */
	li	$t0, 0x40a00000
	mtc1	$t0, $f4		/* 5.0 */
	mtc1	$zero, $f6		/* x = 0.0 */
	li	$s2, 0
14:	add.s	$f6, $f6, $f0		/* x += 1 */
	c.lt.s	$f6, $f4
	bc1t	14b
	addiu	$s2, $s2, 1
	CHECK_EQ $s2, 5, 54
	mfc1	$t0, $f6
	CHECK_EQ $t0, 0x40a00000, 55

	/* ---- a compare that traps leaves C alone ---- */
	lui	$t0, 0x0080
	ori	$t0, $t0, 0x0800	/* C = 1, Enable V */
	ctc1	$t0, $31
	li	$t0, 0x7f800001		/* qNaN */
	mtc1	$t0, $f8
	EXC_CLEAR
.Ltrap:	c.lt.s	$f0, $f8		/* signalling cond, unordered: trap */
	CHECK_EXC EXC_FPE, 56
	CHECK_REC_ADDR REC_EPC, .Ltrap, 57
	cfc1	$t0, $31		/* C still 1, Cause V, no Flags */
	CHECK_EQ $t0, 0x00810800, 58
	PASS

	.data
	.balign	8
/* C.cond.S: a, b, then bit k of the first mask is the condition
   for cond k and bit k of the second says Invalid is raised */
t_cmp_s:
	.dword	0x3f800000, 0x40000000;	.word	0xf0f0, 0x0000	/* 1, 2 */
	.dword	0x40000000, 0x3f800000;	.word	0x0000, 0x0000	/* 2, 1 */
	.dword	0x40000000, 0x40000000;	.word	0xcccc, 0x0000	/* 2, 2 */
	.dword	0x0, 0x80000000;	.word	0xcccc, 0x0000	/* +0, -0 */
	.dword	0xff800000, 0x7f800000;	.word	0xf0f0, 0x0000	/* -inf, +inf */
	.dword	0x7f800000, 0x7f800000;	.word	0xcccc, 0x0000	/* inf, inf */
	.dword	0x3f800000, 0x7f800001;	.word	0xaaaa, 0xff00	/* 1, qNaN */
	.dword	0x7f800001, 0x3f800000;	.word	0xaaaa, 0xff00	/* qNaN, 1 */
	.dword	0x7f800001, 0x7f800001;	.word	0xaaaa, 0xff00	/* qNaN, qNaN */
	.dword	0x3f800000, 0x7fc00000;	.word	0xaaaa, 0xffff	/* 1, sNaN */
	.dword	0x7fc00000, 0x7f800001;	.word	0xaaaa, 0xffff	/* sNaN, qNaN */
t_cmp_s_end:
/* C.cond.D: a, b, then bit k of the first mask is the condition
   for cond k and bit k of the second says Invalid is raised */
t_cmp_d:
	.dword	0x3ff0000000000000, 0x4000000000000000;	.word	0xf0f0, 0x0000	/* 1, 2 */
	.dword	0x4000000000000000, 0x3ff0000000000000;	.word	0x0000, 0x0000	/* 2, 1 */
	.dword	0x4000000000000000, 0x4000000000000000;	.word	0xcccc, 0x0000	/* 2, 2 */
	.dword	0x0, 0x8000000000000000;	.word	0xcccc, 0x0000	/* +0, -0 */
	.dword	0xfff0000000000000, 0x7ff0000000000000;	.word	0xf0f0, 0x0000	/* -inf, +inf */
	.dword	0x7ff0000000000000, 0x7ff0000000000000;	.word	0xcccc, 0x0000	/* inf, inf */
	.dword	0x3ff0000000000000, 0x7ff0000000000001;	.word	0xaaaa, 0xff00	/* 1, qNaN */
	.dword	0x7ff0000000000001, 0x3ff0000000000000;	.word	0xaaaa, 0xff00	/* qNaN, 1 */
	.dword	0x7ff0000000000001, 0x7ff0000000000001;	.word	0xaaaa, 0xff00	/* qNaN, qNaN */
	.dword	0x3ff0000000000000, 0x7ff8000000000000;	.word	0xaaaa, 0xffff	/* 1, sNaN */
	.dword	0x7ff8000000000000, 0x7ff0000000000001;	.word	0xaaaa, 0xffff	/* sNaN, qNaN */
t_cmp_d_end:
