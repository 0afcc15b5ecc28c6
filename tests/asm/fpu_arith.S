/*
 * fpu_arith.S - ADD, SUB, MUL, DIV, SQRT, ABS, NEG, MOV in .s and .d with
 * exact result bits and the whole FCSR after each (Cause and Flags), in
 * round-to-nearest with FR = 0 (doubles in even registers).
 *
 * Expected values were computed with exact rational arithmetic and IEEE 754
 * rounding, independently of any FPU.  NaNs use the MIPS legacy encoding
 * (UM 6.4, table 7-1): quiet NaNs have the top fraction bit clear, the
 * default NaN is 0x7fbfffff / 0x7ff7ffffffffffff; a signalling operand is
 * Invalid; a quiet one propagates (fs first).  ABS and NEG are arithmetic
 * (Invalid on a signalling NaN, Cause rewritten), MOV is not (UM 7.4).
 */
#include "tests/asm/harness.h"

	.set	fp=64		/* let the assembler name odd registers */
	.set	oddspreg

/*
 * Run each row of table tab (a, b, want, FCSR in, FCSR want: 5 words)
 * through insn, which must read $f0 (and $f2) and write $f4.
 */
	.macro	STABLE id, tab, insn:vararg
	la	$s0, \tab
	la	$s1, \tab\()_end
.Lrow\@:
	lw	$t0, 0($s0)
	mtc1	$t0, $f0
	lw	$t0, 4($s0)
	mtc1	$t0, $f2
	lw	$t0, 12($s0)
	ctc1	$t0, $31
	\insn
	mfc1	$t1, $f4
	lw	$t2, 8($s0)
	CHECK_EQR $t1, $t2, \id
	cfc1	$t1, $31
	lw	$t2, 16($s0)
	CHECK_EQR $t1, $t2, \id
	addiu	$s0, $s0, 20
	bne	$s0, $s1, .Lrow\@
	nop
	.endm

/* The same for doubles: rows are a, b, want (dwords), FCSR in, FCSR want. */
	.macro	DTABLE id, tab, insn:vararg
	la	$s0, \tab
	la	$s1, \tab\()_end
.Lrow\@:
	ldc1	$f0, 0($s0)
	ldc1	$f2, 8($s0)
	lw	$t0, 24($s0)
	ctc1	$t0, $31
	\insn
	dmfc1	$t1, $f4
	ld	$t2, 16($s0)
	CHECK_EQR $t1, $t2, \id
	cfc1	$t1, $31
	lw	$t2, 28($s0)
	CHECK_EQR $t1, $t2, \id
	addiu	$s0, $s0, 32
	bne	$s0, $s1, .Lrow\@
	nop
	.endm

TEST_MAIN
	li	$t0, ST_CU1		/* FPU usable, FR = 0 */
	mtc0	$t0, C0_STATUS
	nop
	nop
	STABLE 5, t_add_s, add.s	$f4, $f0, $f2
	STABLE 6, t_sub_s, sub.s	$f4, $f0, $f2
	STABLE 7, t_mul_s, mul.s	$f4, $f0, $f2
	STABLE 8, t_div_s, div.s	$f4, $f0, $f2
	STABLE 9, t_add_s_x, add.s	$f4, $f0, $f2
	STABLE 10, t_sub_s_x, sub.s	$f4, $f0, $f2
	STABLE 11, t_mul_s_x, mul.s	$f4, $f0, $f2
	STABLE 12, t_div_s_x, div.s	$f4, $f0, $f2
	STABLE 13, t_sqrt_s, sqrt.s	$f4, $f0
	STABLE 14, t_abs_s, abs.s	$f4, $f0
	STABLE 15, t_neg_s, neg.s	$f4, $f0
	STABLE 16, t_mov_s, mov.s	$f4, $f0
	DTABLE 17, t_add_d, add.d	$f4, $f0, $f2
	DTABLE 18, t_sub_d, sub.d	$f4, $f0, $f2
	DTABLE 19, t_mul_d, mul.d	$f4, $f0, $f2
	DTABLE 20, t_div_d, div.d	$f4, $f0, $f2
	DTABLE 21, t_add_d_x, add.d	$f4, $f0, $f2
	DTABLE 22, t_sub_d_x, sub.d	$f4, $f0, $f2
	DTABLE 23, t_mul_d_x, mul.d	$f4, $f0, $f2
	DTABLE 24, t_div_d_x, div.d	$f4, $f0, $f2
	DTABLE 25, t_sqrt_d, sqrt.d	$f4, $f0
	DTABLE 26, t_abs_d, abs.d	$f4, $f0
	DTABLE 27, t_neg_d, neg.d	$f4, $f0
	DTABLE 28, t_mov_d, mov.d	$f4, $f0
	CHECK_NOEXC 29
	PASS

/*
 * Tables: t_OP_F rows are ordinary operands (exact, inexact, overflow,
 * underflow), t_OP_F_x rows zeros, infinities and NaNs.  Single rows are
 * a, b, want, FCSR in, FCSR want; double rows the same with dword values.
 */
	.data
	.balign	8
t_add_s:
	.word	0x3f800000, 0x40400000, 0x40800000, 0x00000000, 0x00000000	/* 1 + 3 */
	.word	0x3fc00000, 0xc0200000, 0xbf800000, 0x00000000, 0x00000000	/* 1.5 + -2.5 */
	.word	0x3dcccccd, 0x40400000, 0x40466666, 0x00000000, 0x00001004	/* 0.1 + 3: inexact */
	.word	0x7f7fffff, 0x7f7fffff, 0x7f800000, 0x00000000, 0x00005014	/* max + max: overflow */
	.word	0x00800000, 0x80800001, 0x80000001, 0x00000000, 0x00000000	/* min + -(min+ulp) = -ulp: exact denormal */
t_add_s_end:
t_sub_s:
	.word	0x3f800000, 0x40400000, 0xc0000000, 0x00000000, 0x00000000	/* 1 - 3 */
	.word	0x3dcccccd, 0x40400000, 0xc039999a, 0x00000000, 0x00001004	/* 0.1 - 3: inexact */
	.word	0xff7fffff, 0x7f7fffff, 0xff800000, 0x00000000, 0x00005014	/* -max - max: overflow */
t_sub_s_end:
t_mul_s:
	.word	0x3fc00000, 0xc0200000, 0xc0700000, 0x00000000, 0x00000000	/* 1.5 * -2.5 */
	.word	0x3dcccccd, 0x40400000, 0x3e99999a, 0x00000000, 0x00001004	/* 0.1 * 3: inexact */
	.word	0x7f7fffff, 0x40000000, 0x7f800000, 0x00000000, 0x00005014	/* max * 2: overflow */
	.word	0x00800000, 0x3f000000, 0x00400000, 0x00000000, 0x00000000	/* min normal * 0.5: exact denormal */
	.word	0x00800000, 0x3eaaaaab, 0x002aaaab, 0x00000000, 0x0000300c	/* min normal * 1/3: underflow */
t_mul_s_end:
t_div_s:
	.word	0x3f800000, 0x40400000, 0x3eaaaaab, 0x00000000, 0x00001004	/* 1 / 3: inexact */
	.word	0xc0f00000, 0x40200000, 0xc0400000, 0x00000000, 0x00000000	/* -7.5 / 2.5 */
	.word	0x7f7fffff, 0x3f000000, 0x7f800000, 0x00000000, 0x00005014	/* max / 0.5: overflow */
	.word	0x00800000, 0x40400000, 0x002aaaab, 0x00000000, 0x0000300c	/* min normal / 3: underflow */
t_div_s_end:
t_add_s_x:
	.word	0x3f800000, 0xbf800000, 0x00000000, 0x00000000, 0x00000000	/* 1 + -1 = +0 */
	.word	0x80000000, 0x80000000, 0x80000000, 0x00000000, 0x00000000	/* -0 + -0 = -0 */
	.word	0x7f800000, 0x3f800000, 0x7f800000, 0x00000000, 0x00000000	/* inf + 1 */
	.word	0x7f800000, 0xff800000, 0x7fbfffff, 0x00000000, 0x00010040	/* inf + -inf: invalid */
	.word	0x7f800001, 0x3f800000, 0x7f800001, 0x00000000, 0x00000000	/* qNaN + 1 = that qNaN */
	.word	0x3f800000, 0x7fa00000, 0x7fa00000, 0x00000000, 0x00000000	/* 1 + qNaN = that qNaN */
	.word	0x7f800001, 0x7fa00000, 0x7f800001, 0x00000000, 0x00000000	/* qNaN + qNaN: fs wins */
	.word	0x7fc00000, 0x3f800000, 0x7fbfffff, 0x00000000, 0x00010040	/* sNaN + 1: invalid */
	.word	0x7f800001, 0x7fc00000, 0x7fbfffff, 0x00000000, 0x00010040	/* qNaN + sNaN: invalid */
t_add_s_x_end:
t_sub_s_x:
	.word	0x40400000, 0x40400000, 0x00000000, 0x00000000, 0x00000000	/* 3 - 3 = +0 */
	.word	0x7f800000, 0x7f800000, 0x7fbfffff, 0x00000000, 0x00010040	/* inf - inf: invalid */
	.word	0x3f800000, 0x7fc00000, 0x7fbfffff, 0x00000000, 0x00010040	/* 1 - sNaN: invalid */
t_sub_s_x_end:
t_mul_s_x:
	.word	0x00000000, 0x7f800000, 0x7fbfffff, 0x00000000, 0x00010040	/* 0 * inf: invalid */
	.word	0x80000000, 0x40a00000, 0x80000000, 0x00000000, 0x00000000	/* -0 * 5 = -0 */
	.word	0x7f800000, 0xc0000000, 0xff800000, 0x00000000, 0x00000000	/* inf * -2 = -inf */
	.word	0x7fa00000, 0x40000000, 0x7fa00000, 0x00000000, 0x00000000	/* qNaN * 2 */
t_mul_s_x_end:
t_div_s_x:
	.word	0x3f800000, 0x00000000, 0x7f800000, 0x00000000, 0x00008020	/* 1 / 0 = inf */
	.word	0xbf800000, 0x00000000, 0xff800000, 0x00000000, 0x00008020	/* -1 / 0 = -inf */
	.word	0x3f800000, 0x80000000, 0xff800000, 0x00000000, 0x00008020	/* 1 / -0 = -inf */
	.word	0x00000000, 0x00000000, 0x7fbfffff, 0x00000000, 0x00010040	/* 0 / 0: invalid */
	.word	0x7f800000, 0x7f800000, 0x7fbfffff, 0x00000000, 0x00010040	/* inf / inf: invalid */
	.word	0x7f800000, 0x00000000, 0x7f800000, 0x00000000, 0x00000000	/* inf / 0 = inf, no Z */
	.word	0x00000000, 0x40a00000, 0x00000000, 0x00000000, 0x00000000	/* 0 / 5 = 0 */
	.word	0x7fc00000, 0x00000000, 0x7fbfffff, 0x00000000, 0x00010040	/* sNaN / 0: invalid, not Z */
t_div_s_x_end:
t_sqrt_s:
	.word	0x40000000, 0x00000000, 0x3fb504f3, 0x00000000, 0x00001004	/* sqrt 2: inexact */
	.word	0x41100000, 0x00000000, 0x40400000, 0x00000000, 0x00000000	/* sqrt 9 = 3 */
	.word	0x00000001, 0x00000000, 0x1a3504f3, 0x00000000, 0x00001004	/* sqrt of the smallest denormal */
	.word	0xbf800000, 0x00000000, 0x7fbfffff, 0x00000000, 0x00010040	/* sqrt -1: invalid */
	.word	0x80000000, 0x00000000, 0x80000000, 0x00000000, 0x00000000	/* sqrt -0 = -0 */
	.word	0x7f800000, 0x00000000, 0x7f800000, 0x00000000, 0x00000000	/* sqrt inf = inf */
	.word	0xff800000, 0x00000000, 0x7fbfffff, 0x00000000, 0x00010040	/* sqrt -inf: invalid */
	.word	0x7f800001, 0x00000000, 0x7f800001, 0x00000000, 0x00000000	/* sqrt qNaN = that qNaN */
	.word	0x7fc00000, 0x00000000, 0x7fbfffff, 0x00000000, 0x00010040	/* sqrt sNaN: invalid */
t_sqrt_s_end:
t_abs_s:
	.word	0xc0200000, 0x00000000, 0x40200000, 0x0001f000, 0x00000000	/* abs -2.5, clears stale Cause */
	.word	0x80000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000	/* abs -0 = +0 */
	.word	0xff800001, 0x00000000, 0x7f800001, 0x00000000, 0x00000000	/* abs -qNaN = qNaN, no V */
	.word	0x7fc00000, 0x00000000, 0x7fbfffff, 0x0001f000, 0x00010040	/* abs sNaN: invalid */
t_abs_s_end:
t_neg_s:
	.word	0x3f800000, 0x00000000, 0xbf800000, 0x0001f000, 0x00000000	/* neg 1, clears stale Cause */
	.word	0x00000000, 0x00000000, 0x80000000, 0x00000000, 0x00000000	/* neg +0 = -0 */
	.word	0x7f800001, 0x00000000, 0xff800001, 0x00000000, 0x00000000	/* neg qNaN flips the sign, no V */
	.word	0xffc00000, 0x00000000, 0x7fbfffff, 0x00000000, 0x00010040	/* neg -sNaN: invalid */
t_neg_s_end:
t_mov_s:
	.word	0xc0200000, 0x00000000, 0xc0200000, 0x0001f000, 0x0001f000	/* mov: FCSR (stale Cause) untouched */
	.word	0x7fc00000, 0x00000000, 0x7fc00000, 0x00000000, 0x00000000	/* mov sNaN: copied, no V */
t_mov_s_end:
t_add_d:
	.dword	0x3ff0000000000000, 0x4008000000000000, 0x4010000000000000
	.word	0x00000000, 0x00000000		/* 1 + 3 */
	.dword	0x3ff8000000000000, 0xc004000000000000, 0xbff0000000000000
	.word	0x00000000, 0x00000000		/* 1.5 + -2.5 */
	.dword	0x3fb999999999999a, 0x4008000000000000, 0x4008cccccccccccd
	.word	0x00000000, 0x00001004		/* 0.1 + 3: inexact */
	.dword	0x7fefffffffffffff, 0x7fefffffffffffff, 0x7ff0000000000000
	.word	0x00000000, 0x00005014		/* max + max: overflow */
	.dword	0x0010000000000000, 0x8010000000000001, 0x8000000000000001
	.word	0x00000000, 0x00000000		/* min + -(min+ulp) = -ulp: exact denormal */
t_add_d_end:
t_sub_d:
	.dword	0x3ff0000000000000, 0x4008000000000000, 0xc000000000000000
	.word	0x00000000, 0x00000000		/* 1 - 3 */
	.dword	0x3fb999999999999a, 0x4008000000000000, 0xc007333333333333
	.word	0x00000000, 0x00001004		/* 0.1 - 3: inexact */
	.dword	0xffefffffffffffff, 0x7fefffffffffffff, 0xfff0000000000000
	.word	0x00000000, 0x00005014		/* -max - max: overflow */
t_sub_d_end:
t_mul_d:
	.dword	0x3ff8000000000000, 0xc004000000000000, 0xc00e000000000000
	.word	0x00000000, 0x00000000		/* 1.5 * -2.5 */
	.dword	0x3fb999999999999a, 0x4008000000000000, 0x3fd3333333333334
	.word	0x00000000, 0x00001004		/* 0.1 * 3: inexact */
	.dword	0x7fefffffffffffff, 0x4000000000000000, 0x7ff0000000000000
	.word	0x00000000, 0x00005014		/* max * 2: overflow */
	.dword	0x0010000000000000, 0x3fe0000000000000, 0x0008000000000000
	.word	0x00000000, 0x00000000		/* min normal * 0.5: exact denormal */
	.dword	0x0010000000000000, 0x3fd5555555555555, 0x0005555555555555
	.word	0x00000000, 0x0000300c		/* min normal * 1/3: underflow */
t_mul_d_end:
t_div_d:
	.dword	0x3ff0000000000000, 0x4008000000000000, 0x3fd5555555555555
	.word	0x00000000, 0x00001004		/* 1 / 3: inexact */
	.dword	0xc01e000000000000, 0x4004000000000000, 0xc008000000000000
	.word	0x00000000, 0x00000000		/* -7.5 / 2.5 */
	.dword	0x7fefffffffffffff, 0x3fe0000000000000, 0x7ff0000000000000
	.word	0x00000000, 0x00005014		/* max / 0.5: overflow */
	.dword	0x0010000000000000, 0x4008000000000000, 0x0005555555555555
	.word	0x00000000, 0x0000300c		/* min normal / 3: underflow */
t_div_d_end:
t_add_d_x:
	.dword	0x3ff0000000000000, 0xbff0000000000000, 0x0000000000000000
	.word	0x00000000, 0x00000000		/* 1 + -1 = +0 */
	.dword	0x8000000000000000, 0x8000000000000000, 0x8000000000000000
	.word	0x00000000, 0x00000000		/* -0 + -0 = -0 */
	.dword	0x7ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000
	.word	0x00000000, 0x00000000		/* inf + 1 */
	.dword	0x7ff0000000000000, 0xfff0000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* inf + -inf: invalid */
	.dword	0x7ff0000000000001, 0x3ff0000000000000, 0x7ff0000000000001
	.word	0x00000000, 0x00000000		/* qNaN + 1 = that qNaN */
	.dword	0x3ff0000000000000, 0x7ff4000000000000, 0x7ff4000000000000
	.word	0x00000000, 0x00000000		/* 1 + qNaN = that qNaN */
	.dword	0x7ff0000000000001, 0x7ff4000000000000, 0x7ff0000000000001
	.word	0x00000000, 0x00000000		/* qNaN + qNaN: fs wins */
	.dword	0x7ff8000000000000, 0x3ff0000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* sNaN + 1: invalid */
	.dword	0x7ff0000000000001, 0x7ff8000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* qNaN + sNaN: invalid */
t_add_d_x_end:
t_sub_d_x:
	.dword	0x4008000000000000, 0x4008000000000000, 0x0000000000000000
	.word	0x00000000, 0x00000000		/* 3 - 3 = +0 */
	.dword	0x7ff0000000000000, 0x7ff0000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* inf - inf: invalid */
	.dword	0x3ff0000000000000, 0x7ff8000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* 1 - sNaN: invalid */
t_sub_d_x_end:
t_mul_d_x:
	.dword	0x0000000000000000, 0x7ff0000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* 0 * inf: invalid */
	.dword	0x8000000000000000, 0x4014000000000000, 0x8000000000000000
	.word	0x00000000, 0x00000000		/* -0 * 5 = -0 */
	.dword	0x7ff0000000000000, 0xc000000000000000, 0xfff0000000000000
	.word	0x00000000, 0x00000000		/* inf * -2 = -inf */
	.dword	0x7ff4000000000000, 0x4000000000000000, 0x7ff4000000000000
	.word	0x00000000, 0x00000000		/* qNaN * 2 */
t_mul_d_x_end:
t_div_d_x:
	.dword	0x3ff0000000000000, 0x0000000000000000, 0x7ff0000000000000
	.word	0x00000000, 0x00008020		/* 1 / 0 = inf */
	.dword	0xbff0000000000000, 0x0000000000000000, 0xfff0000000000000
	.word	0x00000000, 0x00008020		/* -1 / 0 = -inf */
	.dword	0x3ff0000000000000, 0x8000000000000000, 0xfff0000000000000
	.word	0x00000000, 0x00008020		/* 1 / -0 = -inf */
	.dword	0x0000000000000000, 0x0000000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* 0 / 0: invalid */
	.dword	0x7ff0000000000000, 0x7ff0000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* inf / inf: invalid */
	.dword	0x7ff0000000000000, 0x0000000000000000, 0x7ff0000000000000
	.word	0x00000000, 0x00000000		/* inf / 0 = inf, no Z */
	.dword	0x0000000000000000, 0x4014000000000000, 0x0000000000000000
	.word	0x00000000, 0x00000000		/* 0 / 5 = 0 */
	.dword	0x7ff8000000000000, 0x0000000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* sNaN / 0: invalid, not Z */
t_div_d_x_end:
t_sqrt_d:
	.dword	0x4000000000000000, 0x0000000000000000, 0x3ff6a09e667f3bcd
	.word	0x00000000, 0x00001004		/* sqrt 2: inexact */
	.dword	0x4022000000000000, 0x0000000000000000, 0x4008000000000000
	.word	0x00000000, 0x00000000		/* sqrt 9 = 3 */
	.dword	0x0000000000000001, 0x0000000000000000, 0x1e60000000000000
	.word	0x00000000, 0x00000000		/* sqrt of the smallest denormal */
	.dword	0xbff0000000000000, 0x0000000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* sqrt -1: invalid */
	.dword	0x8000000000000000, 0x0000000000000000, 0x8000000000000000
	.word	0x00000000, 0x00000000		/* sqrt -0 = -0 */
	.dword	0x7ff0000000000000, 0x0000000000000000, 0x7ff0000000000000
	.word	0x00000000, 0x00000000		/* sqrt inf = inf */
	.dword	0xfff0000000000000, 0x0000000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* sqrt -inf: invalid */
	.dword	0x7ff0000000000001, 0x0000000000000000, 0x7ff0000000000001
	.word	0x00000000, 0x00000000		/* sqrt qNaN = that qNaN */
	.dword	0x7ff8000000000000, 0x0000000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* sqrt sNaN: invalid */
t_sqrt_d_end:
t_abs_d:
	.dword	0xc004000000000000, 0x0000000000000000, 0x4004000000000000
	.word	0x0001f000, 0x00000000		/* abs -2.5, clears stale Cause */
	.dword	0x8000000000000000, 0x0000000000000000, 0x0000000000000000
	.word	0x00000000, 0x00000000		/* abs -0 = +0 */
	.dword	0xfff0000000000001, 0x0000000000000000, 0x7ff0000000000001
	.word	0x00000000, 0x00000000		/* abs -qNaN = qNaN, no V */
	.dword	0x7ff8000000000000, 0x0000000000000000, 0x7ff7ffffffffffff
	.word	0x0001f000, 0x00010040		/* abs sNaN: invalid */
t_abs_d_end:
t_neg_d:
	.dword	0x3ff0000000000000, 0x0000000000000000, 0xbff0000000000000
	.word	0x0001f000, 0x00000000		/* neg 1, clears stale Cause */
	.dword	0x0000000000000000, 0x0000000000000000, 0x8000000000000000
	.word	0x00000000, 0x00000000		/* neg +0 = -0 */
	.dword	0x7ff0000000000001, 0x0000000000000000, 0xfff0000000000001
	.word	0x00000000, 0x00000000		/* neg qNaN flips the sign, no V */
	.dword	0xfff8000000000000, 0x0000000000000000, 0x7ff7ffffffffffff
	.word	0x00000000, 0x00010040		/* neg -sNaN: invalid */
t_neg_d_end:
t_mov_d:
	.dword	0xc004000000000000, 0x0000000000000000, 0xc004000000000000
	.word	0x0001f000, 0x0001f000		/* mov: FCSR (stale Cause) untouched */
	.dword	0x7ff8000000000000, 0x0000000000000000, 0x7ff8000000000000
	.word	0x00000000, 0x00000000		/* mov sNaN: copied, no V */
t_mov_d_end:
