/*
 * fpu_round.S - the four FCSR rounding modes (RN, RZ, RP, RM; UM table
 * 6-4) on ADD, MUL, DIV, SQRT, and on CVT.S.D, CVT.S.W, CVT.S.L and
 * CVT.D.L: ties, signs, the sign of an exact zero sum, overflow (UM table
 * 7-1: infinity or the largest finite number by mode) and underflow
 * (denormal results with FS = 0; tininess after rounding).  Each row gives
 * the operands, the FCSR written before and the exact result bits and
 * FCSR expected after (Cause and Flags).  FR = 0.
 *
 * Expected values were computed with exact rational arithmetic and IEEE 754
 * rounding, independently of any FPU.
 */
#include "tests/asm/harness.h"

	.set	fp=64		/* let the assembler name odd registers */
	.set	oddspreg

#include "tests/asm/fpu_xtable.h"


TEST_MAIN
	li	$t0, ST_CU1		/* FPU usable, FR = 0 */
	mtc0	$t0, C0_STATUS
	nop
	nop
	XTABLE 5, t_m_add_s, 32, 32, add.s	$f4, $f0, $f2
	XTABLE 6, t_m_mul_s, 32, 32, mul.s	$f4, $f0, $f2
	XTABLE 7, t_m_div_s, 32, 32, div.s	$f4, $f0, $f2
	XTABLE 8, t_m_sqrt_s, 32, 32, sqrt.s	$f4, $f0
	XTABLE 9, t_m_add_d, 64, 64, add.d	$f4, $f0, $f2
	XTABLE 10, t_m_mul_d, 64, 64, mul.d	$f4, $f0, $f2
	XTABLE 11, t_m_div_d, 64, 64, div.d	$f4, $f0, $f2
	XTABLE 12, t_m_sqrt_d, 64, 64, sqrt.d	$f4, $f0
	XTABLE 13, t_cvt_s_d, 64, 32, cvt.s.d	$f4, $f0
	XTABLE 14, t_cvt_s_w, 32, 32, cvt.s.w	$f4, $f0
	XTABLE 15, t_cvt_s_l, 64, 32, cvt.s.l	$f4, $f0
	XTABLE 16, t_cvt_d_l, 64, 64, cvt.d.l	$f4, $f0
	CHECK_NOEXC 17
	PASS

	.data
	.balign	8
/* ADD.S in each rounding mode */
t_m_add_s:
	.dword	0x3f800000, 0x33800000, 0x3f800000;	.word	0x0, 0x1004	/* 1 + half ulp (tie), RN */
	.dword	0xbf800000, 0xb3800000, 0xbf800000;	.word	0x0, 0x1004	/* -1 - half ulp (tie), RN */
	.dword	0x3f800000, 0x33c00000, 0x3f800001;	.word	0x0, 0x1004	/* 1 + 3/4 ulp, RN */
	.dword	0x3f800000, 0xbf800000, 0x0;	.word	0x0, 0x0	/* 1 + -1, RN */
	.dword	0x3f800000, 0x33800000, 0x3f800000;	.word	0x1, 0x1005	/* 1 + half ulp (tie), RZ */
	.dword	0xbf800000, 0xb3800000, 0xbf800000;	.word	0x1, 0x1005	/* -1 - half ulp (tie), RZ */
	.dword	0x3f800000, 0x33c00000, 0x3f800000;	.word	0x1, 0x1005	/* 1 + 3/4 ulp, RZ */
	.dword	0x3f800000, 0xbf800000, 0x0;	.word	0x1, 0x1	/* 1 + -1, RZ */
	.dword	0x3f800000, 0x33800000, 0x3f800001;	.word	0x2, 0x1006	/* 1 + half ulp (tie), RP */
	.dword	0xbf800000, 0xb3800000, 0xbf800000;	.word	0x2, 0x1006	/* -1 - half ulp (tie), RP */
	.dword	0x3f800000, 0x33c00000, 0x3f800001;	.word	0x2, 0x1006	/* 1 + 3/4 ulp, RP */
	.dword	0x3f800000, 0xbf800000, 0x0;	.word	0x2, 0x2	/* 1 + -1, RP */
	.dword	0x3f800000, 0x33800000, 0x3f800000;	.word	0x3, 0x1007	/* 1 + half ulp (tie), RM */
	.dword	0xbf800000, 0xb3800000, 0xbf800001;	.word	0x3, 0x1007	/* -1 - half ulp (tie), RM */
	.dword	0x3f800000, 0x33c00000, 0x3f800000;	.word	0x3, 0x1007	/* 1 + 3/4 ulp, RM */
	.dword	0x3f800000, 0xbf800000, 0x80000000;	.word	0x3, 0x3	/* 1 + -1, RM */
t_m_add_s_end:
/* MUL.S in each rounding mode */
t_m_mul_s:
	.dword	0x7f7fffff, 0x40000000, 0x7f800000;	.word	0x0, 0x5014	/* max * 2: overflow, RN */
	.dword	0xff7fffff, 0x40000000, 0xff800000;	.word	0x0, 0x5014	/* -max * 2: overflow, RN */
	.dword	0x7f7fffff, 0x40000000, 0x7f7fffff;	.word	0x1, 0x5015	/* max * 2: overflow, RZ */
	.dword	0xff7fffff, 0x40000000, 0xff7fffff;	.word	0x1, 0x5015	/* -max * 2: overflow, RZ */
	.dword	0x7f7fffff, 0x40000000, 0x7f800000;	.word	0x2, 0x5016	/* max * 2: overflow, RP */
	.dword	0xff7fffff, 0x40000000, 0xff7fffff;	.word	0x2, 0x5016	/* -max * 2: overflow, RP */
	.dword	0x7f7fffff, 0x40000000, 0x7f7fffff;	.word	0x3, 0x5017	/* max * 2: overflow, RM */
	.dword	0xff7fffff, 0x40000000, 0xff800000;	.word	0x3, 0x5017	/* -max * 2: overflow, RM */
t_m_mul_s_end:
/* DIV.S in each rounding mode */
t_m_div_s:
	.dword	0x3f800000, 0x40400000, 0x3eaaaaab;	.word	0x0, 0x1004	/* 1 / 3, RN */
	.dword	0xbf800000, 0x40400000, 0xbeaaaaab;	.word	0x0, 0x1004	/* -1 / 3, RN */
	.dword	0x800000, 0x40400000, 0x2aaaab;	.word	0x0, 0x300c	/* min normal / 3: underflow, RN */
	.dword	0x80800000, 0x40400000, 0x802aaaab;	.word	0x0, 0x300c	/* -min normal / 3: underflow, RN */
	.dword	0x3f800000, 0x40400000, 0x3eaaaaaa;	.word	0x1, 0x1005	/* 1 / 3, RZ */
	.dword	0xbf800000, 0x40400000, 0xbeaaaaaa;	.word	0x1, 0x1005	/* -1 / 3, RZ */
	.dword	0x800000, 0x40400000, 0x2aaaaa;	.word	0x1, 0x300d	/* min normal / 3: underflow, RZ */
	.dword	0x80800000, 0x40400000, 0x802aaaaa;	.word	0x1, 0x300d	/* -min normal / 3: underflow, RZ */
	.dword	0x3f800000, 0x40400000, 0x3eaaaaab;	.word	0x2, 0x1006	/* 1 / 3, RP */
	.dword	0xbf800000, 0x40400000, 0xbeaaaaaa;	.word	0x2, 0x1006	/* -1 / 3, RP */
	.dword	0x800000, 0x40400000, 0x2aaaab;	.word	0x2, 0x300e	/* min normal / 3: underflow, RP */
	.dword	0x80800000, 0x40400000, 0x802aaaaa;	.word	0x2, 0x300e	/* -min normal / 3: underflow, RP */
	.dword	0x3f800000, 0x40400000, 0x3eaaaaaa;	.word	0x3, 0x1007	/* 1 / 3, RM */
	.dword	0xbf800000, 0x40400000, 0xbeaaaaab;	.word	0x3, 0x1007	/* -1 / 3, RM */
	.dword	0x800000, 0x40400000, 0x2aaaaa;	.word	0x3, 0x300f	/* min normal / 3: underflow, RM */
	.dword	0x80800000, 0x40400000, 0x802aaaab;	.word	0x3, 0x300f	/* -min normal / 3: underflow, RM */
t_m_div_s_end:
/* SQRT.S in each rounding mode */
t_m_sqrt_s:
	.dword	0x40000000, 0x0, 0x3fb504f3;	.word	0x0, 0x1004	/* sqrt 2, RN */
	.dword	0x40400000, 0x0, 0x3fddb3d7;	.word	0x0, 0x1004	/* sqrt 3, RN */
	.dword	0x40000000, 0x0, 0x3fb504f3;	.word	0x1, 0x1005	/* sqrt 2, RZ */
	.dword	0x40400000, 0x0, 0x3fddb3d7;	.word	0x1, 0x1005	/* sqrt 3, RZ */
	.dword	0x40000000, 0x0, 0x3fb504f4;	.word	0x2, 0x1006	/* sqrt 2, RP */
	.dword	0x40400000, 0x0, 0x3fddb3d8;	.word	0x2, 0x1006	/* sqrt 3, RP */
	.dword	0x40000000, 0x0, 0x3fb504f3;	.word	0x3, 0x1007	/* sqrt 2, RM */
	.dword	0x40400000, 0x0, 0x3fddb3d7;	.word	0x3, 0x1007	/* sqrt 3, RM */
t_m_sqrt_s_end:
/* ADD.D in each rounding mode */
t_m_add_d:
	.dword	0x3ff0000000000000, 0x3ca0000000000000, 0x3ff0000000000000;	.word	0x0, 0x1004	/* 1 + half ulp (tie), RN */
	.dword	0xbff0000000000000, 0xbca0000000000000, 0xbff0000000000000;	.word	0x0, 0x1004	/* -1 - half ulp (tie), RN */
	.dword	0x3ff0000000000000, 0x3ca8000000000000, 0x3ff0000000000001;	.word	0x0, 0x1004	/* 1 + 3/4 ulp, RN */
	.dword	0x3ff0000000000000, 0xbff0000000000000, 0x0;	.word	0x0, 0x0	/* 1 + -1, RN */
	.dword	0x3ff0000000000000, 0x3ca0000000000000, 0x3ff0000000000000;	.word	0x1, 0x1005	/* 1 + half ulp (tie), RZ */
	.dword	0xbff0000000000000, 0xbca0000000000000, 0xbff0000000000000;	.word	0x1, 0x1005	/* -1 - half ulp (tie), RZ */
	.dword	0x3ff0000000000000, 0x3ca8000000000000, 0x3ff0000000000000;	.word	0x1, 0x1005	/* 1 + 3/4 ulp, RZ */
	.dword	0x3ff0000000000000, 0xbff0000000000000, 0x0;	.word	0x1, 0x1	/* 1 + -1, RZ */
	.dword	0x3ff0000000000000, 0x3ca0000000000000, 0x3ff0000000000001;	.word	0x2, 0x1006	/* 1 + half ulp (tie), RP */
	.dword	0xbff0000000000000, 0xbca0000000000000, 0xbff0000000000000;	.word	0x2, 0x1006	/* -1 - half ulp (tie), RP */
	.dword	0x3ff0000000000000, 0x3ca8000000000000, 0x3ff0000000000001;	.word	0x2, 0x1006	/* 1 + 3/4 ulp, RP */
	.dword	0x3ff0000000000000, 0xbff0000000000000, 0x0;	.word	0x2, 0x2	/* 1 + -1, RP */
	.dword	0x3ff0000000000000, 0x3ca0000000000000, 0x3ff0000000000000;	.word	0x3, 0x1007	/* 1 + half ulp (tie), RM */
	.dword	0xbff0000000000000, 0xbca0000000000000, 0xbff0000000000001;	.word	0x3, 0x1007	/* -1 - half ulp (tie), RM */
	.dword	0x3ff0000000000000, 0x3ca8000000000000, 0x3ff0000000000000;	.word	0x3, 0x1007	/* 1 + 3/4 ulp, RM */
	.dword	0x3ff0000000000000, 0xbff0000000000000, 0x8000000000000000;	.word	0x3, 0x3	/* 1 + -1, RM */
t_m_add_d_end:
/* MUL.D in each rounding mode */
t_m_mul_d:
	.dword	0x7fefffffffffffff, 0x4000000000000000, 0x7ff0000000000000;	.word	0x0, 0x5014	/* max * 2: overflow, RN */
	.dword	0xffefffffffffffff, 0x4000000000000000, 0xfff0000000000000;	.word	0x0, 0x5014	/* -max * 2: overflow, RN */
	.dword	0x7fefffffffffffff, 0x4000000000000000, 0x7fefffffffffffff;	.word	0x1, 0x5015	/* max * 2: overflow, RZ */
	.dword	0xffefffffffffffff, 0x4000000000000000, 0xffefffffffffffff;	.word	0x1, 0x5015	/* -max * 2: overflow, RZ */
	.dword	0x7fefffffffffffff, 0x4000000000000000, 0x7ff0000000000000;	.word	0x2, 0x5016	/* max * 2: overflow, RP */
	.dword	0xffefffffffffffff, 0x4000000000000000, 0xffefffffffffffff;	.word	0x2, 0x5016	/* -max * 2: overflow, RP */
	.dword	0x7fefffffffffffff, 0x4000000000000000, 0x7fefffffffffffff;	.word	0x3, 0x5017	/* max * 2: overflow, RM */
	.dword	0xffefffffffffffff, 0x4000000000000000, 0xfff0000000000000;	.word	0x3, 0x5017	/* -max * 2: overflow, RM */
t_m_mul_d_end:
/* DIV.D in each rounding mode */
t_m_div_d:
	.dword	0x3ff0000000000000, 0x4008000000000000, 0x3fd5555555555555;	.word	0x0, 0x1004	/* 1 / 3, RN */
	.dword	0xbff0000000000000, 0x4008000000000000, 0xbfd5555555555555;	.word	0x0, 0x1004	/* -1 / 3, RN */
	.dword	0x10000000000000, 0x4008000000000000, 0x5555555555555;	.word	0x0, 0x300c	/* min normal / 3: underflow, RN */
	.dword	0x8010000000000000, 0x4008000000000000, 0x8005555555555555;	.word	0x0, 0x300c	/* -min normal / 3: underflow, RN */
	.dword	0x3ff0000000000000, 0x4008000000000000, 0x3fd5555555555555;	.word	0x1, 0x1005	/* 1 / 3, RZ */
	.dword	0xbff0000000000000, 0x4008000000000000, 0xbfd5555555555555;	.word	0x1, 0x1005	/* -1 / 3, RZ */
	.dword	0x10000000000000, 0x4008000000000000, 0x5555555555555;	.word	0x1, 0x300d	/* min normal / 3: underflow, RZ */
	.dword	0x8010000000000000, 0x4008000000000000, 0x8005555555555555;	.word	0x1, 0x300d	/* -min normal / 3: underflow, RZ */
	.dword	0x3ff0000000000000, 0x4008000000000000, 0x3fd5555555555556;	.word	0x2, 0x1006	/* 1 / 3, RP */
	.dword	0xbff0000000000000, 0x4008000000000000, 0xbfd5555555555555;	.word	0x2, 0x1006	/* -1 / 3, RP */
	.dword	0x10000000000000, 0x4008000000000000, 0x5555555555556;	.word	0x2, 0x300e	/* min normal / 3: underflow, RP */
	.dword	0x8010000000000000, 0x4008000000000000, 0x8005555555555555;	.word	0x2, 0x300e	/* -min normal / 3: underflow, RP */
	.dword	0x3ff0000000000000, 0x4008000000000000, 0x3fd5555555555555;	.word	0x3, 0x1007	/* 1 / 3, RM */
	.dword	0xbff0000000000000, 0x4008000000000000, 0xbfd5555555555556;	.word	0x3, 0x1007	/* -1 / 3, RM */
	.dword	0x10000000000000, 0x4008000000000000, 0x5555555555555;	.word	0x3, 0x300f	/* min normal / 3: underflow, RM */
	.dword	0x8010000000000000, 0x4008000000000000, 0x8005555555555556;	.word	0x3, 0x300f	/* -min normal / 3: underflow, RM */
t_m_div_d_end:
/* SQRT.D in each rounding mode */
t_m_sqrt_d:
	.dword	0x4000000000000000, 0x0, 0x3ff6a09e667f3bcd;	.word	0x0, 0x1004	/* sqrt 2, RN */
	.dword	0x4008000000000000, 0x0, 0x3ffbb67ae8584caa;	.word	0x0, 0x1004	/* sqrt 3, RN */
	.dword	0x4000000000000000, 0x0, 0x3ff6a09e667f3bcc;	.word	0x1, 0x1005	/* sqrt 2, RZ */
	.dword	0x4008000000000000, 0x0, 0x3ffbb67ae8584caa;	.word	0x1, 0x1005	/* sqrt 3, RZ */
	.dword	0x4000000000000000, 0x0, 0x3ff6a09e667f3bcd;	.word	0x2, 0x1006	/* sqrt 2, RP */
	.dword	0x4008000000000000, 0x0, 0x3ffbb67ae8584cab;	.word	0x2, 0x1006	/* sqrt 3, RP */
	.dword	0x4000000000000000, 0x0, 0x3ff6a09e667f3bcc;	.word	0x3, 0x1007	/* sqrt 2, RM */
	.dword	0x4008000000000000, 0x0, 0x3ffbb67ae8584caa;	.word	0x3, 0x1007	/* sqrt 3, RM */
t_m_sqrt_d_end:
/* t_cvt_s_d */
t_cvt_s_d:
	.dword	0x3fd5555555555555, 0x0, 0x3eaaaaab;	.word	0x0, 0x1004	/* cvt.s.d 0.333333, RN */
	.dword	0xbfd5555555555555, 0x0, 0xbeaaaaab;	.word	0x0, 0x1004	/* cvt.s.d -0.333333, RN */
	.dword	0x7fefffffffffffff, 0x0, 0x7f800000;	.word	0x0, 0x5014	/* cvt.s.d 1.79769e+308, RN */
	.dword	0xfe37e43c8800759c, 0x0, 0xff800000;	.word	0x0, 0x5014	/* cvt.s.d -1e+300, RN */
	.dword	0x37a16c262777579c, 0x0, 0x116c2;	.word	0x0, 0x300c	/* cvt.s.d 1e-40, RN */
	.dword	0xb58dee7a4ad4b81f, 0x0, 0x80000000;	.word	0x0, 0x300c	/* cvt.s.d -1e-50, RN */
	.dword	0x3fd5555555555555, 0x0, 0x3eaaaaaa;	.word	0x1, 0x1005	/* cvt.s.d 0.333333, RZ */
	.dword	0xbfd5555555555555, 0x0, 0xbeaaaaaa;	.word	0x1, 0x1005	/* cvt.s.d -0.333333, RZ */
	.dword	0x7fefffffffffffff, 0x0, 0x7f7fffff;	.word	0x1, 0x5015	/* cvt.s.d 1.79769e+308, RZ */
	.dword	0xfe37e43c8800759c, 0x0, 0xff7fffff;	.word	0x1, 0x5015	/* cvt.s.d -1e+300, RZ */
	.dword	0x37a16c262777579c, 0x0, 0x116c2;	.word	0x1, 0x300d	/* cvt.s.d 1e-40, RZ */
	.dword	0xb58dee7a4ad4b81f, 0x0, 0x80000000;	.word	0x1, 0x300d	/* cvt.s.d -1e-50, RZ */
	.dword	0x3fd5555555555555, 0x0, 0x3eaaaaab;	.word	0x2, 0x1006	/* cvt.s.d 0.333333, RP */
	.dword	0xbfd5555555555555, 0x0, 0xbeaaaaaa;	.word	0x2, 0x1006	/* cvt.s.d -0.333333, RP */
	.dword	0x7fefffffffffffff, 0x0, 0x7f800000;	.word	0x2, 0x5016	/* cvt.s.d 1.79769e+308, RP */
	.dword	0xfe37e43c8800759c, 0x0, 0xff7fffff;	.word	0x2, 0x5016	/* cvt.s.d -1e+300, RP */
	.dword	0x37a16c262777579c, 0x0, 0x116c3;	.word	0x2, 0x300e	/* cvt.s.d 1e-40, RP */
	.dword	0xb58dee7a4ad4b81f, 0x0, 0x80000000;	.word	0x2, 0x300e	/* cvt.s.d -1e-50, RP */
	.dword	0x3fd5555555555555, 0x0, 0x3eaaaaaa;	.word	0x3, 0x1007	/* cvt.s.d 0.333333, RM */
	.dword	0xbfd5555555555555, 0x0, 0xbeaaaaab;	.word	0x3, 0x1007	/* cvt.s.d -0.333333, RM */
	.dword	0x7fefffffffffffff, 0x0, 0x7f7fffff;	.word	0x3, 0x5017	/* cvt.s.d 1.79769e+308, RM */
	.dword	0xfe37e43c8800759c, 0x0, 0xff800000;	.word	0x3, 0x5017	/* cvt.s.d -1e+300, RM */
	.dword	0x37a16c262777579c, 0x0, 0x116c2;	.word	0x3, 0x300f	/* cvt.s.d 1e-40, RM */
	.dword	0xb58dee7a4ad4b81f, 0x0, 0x80000001;	.word	0x3, 0x300f	/* cvt.s.d -1e-50, RM */
t_cvt_s_d_end:
/* t_cvt_s_w */
t_cvt_s_w:
	.dword	0x1000001, 0x0, 0x4b800000;	.word	0x0, 0x1004	/* cvt.s.w 16777217, RN */
	.dword	0xfefffffd, 0x0, 0xcb800002;	.word	0x0, 0x1004	/* cvt.s.w -16777219, RN */
	.dword	0x7, 0x0, 0x40e00000;	.word	0x0, 0x0	/* cvt.s.w 7, RN */
	.dword	0x1000001, 0x0, 0x4b800000;	.word	0x1, 0x1005	/* cvt.s.w 16777217, RZ */
	.dword	0xfefffffd, 0x0, 0xcb800001;	.word	0x1, 0x1005	/* cvt.s.w -16777219, RZ */
	.dword	0x7, 0x0, 0x40e00000;	.word	0x1, 0x1	/* cvt.s.w 7, RZ */
	.dword	0x1000001, 0x0, 0x4b800001;	.word	0x2, 0x1006	/* cvt.s.w 16777217, RP */
	.dword	0xfefffffd, 0x0, 0xcb800001;	.word	0x2, 0x1006	/* cvt.s.w -16777219, RP */
	.dword	0x7, 0x0, 0x40e00000;	.word	0x2, 0x2	/* cvt.s.w 7, RP */
	.dword	0x1000001, 0x0, 0x4b800000;	.word	0x3, 0x1007	/* cvt.s.w 16777217, RM */
	.dword	0xfefffffd, 0x0, 0xcb800002;	.word	0x3, 0x1007	/* cvt.s.w -16777219, RM */
	.dword	0x7, 0x0, 0x40e00000;	.word	0x3, 0x3	/* cvt.s.w 7, RM */
t_cvt_s_w_end:
/* t_cvt_s_l */
t_cvt_s_l:
	.dword	0x1000000000000001, 0x0, 0x5d800000;	.word	0x0, 0x1004	/* cvt.s.l 1152921504606846977, RN */
	.dword	0xfffffeffffffffff, 0x0, 0xd3800000;	.word	0x0, 0x1004	/* cvt.s.l -1099511627777, RN */
	.dword	0x1000000000000001, 0x0, 0x5d800000;	.word	0x1, 0x1005	/* cvt.s.l 1152921504606846977, RZ */
	.dword	0xfffffeffffffffff, 0x0, 0xd3800000;	.word	0x1, 0x1005	/* cvt.s.l -1099511627777, RZ */
	.dword	0x1000000000000001, 0x0, 0x5d800001;	.word	0x2, 0x1006	/* cvt.s.l 1152921504606846977, RP */
	.dword	0xfffffeffffffffff, 0x0, 0xd3800000;	.word	0x2, 0x1006	/* cvt.s.l -1099511627777, RP */
	.dword	0x1000000000000001, 0x0, 0x5d800000;	.word	0x3, 0x1007	/* cvt.s.l 1152921504606846977, RM */
	.dword	0xfffffeffffffffff, 0x0, 0xd3800001;	.word	0x3, 0x1007	/* cvt.s.l -1099511627777, RM */
t_cvt_s_l_end:
/* t_cvt_d_l */
t_cvt_d_l:
	.dword	0x20000000000001, 0x0, 0x4340000000000000;	.word	0x0, 0x1004	/* cvt.d.l 9007199254740993, RN */
	.dword	0xffdffffffffffffd, 0x0, 0xc340000000000002;	.word	0x0, 0x1004	/* cvt.d.l -9007199254740995, RN */
	.dword	0x7fffffffffffffff, 0x0, 0x43e0000000000000;	.word	0x0, 0x1004	/* cvt.d.l 9223372036854775807, RN */
	.dword	0x5, 0x0, 0x4014000000000000;	.word	0x0, 0x0	/* cvt.d.l 5, RN */
	.dword	0x20000000000001, 0x0, 0x4340000000000000;	.word	0x1, 0x1005	/* cvt.d.l 9007199254740993, RZ */
	.dword	0xffdffffffffffffd, 0x0, 0xc340000000000001;	.word	0x1, 0x1005	/* cvt.d.l -9007199254740995, RZ */
	.dword	0x7fffffffffffffff, 0x0, 0x43dfffffffffffff;	.word	0x1, 0x1005	/* cvt.d.l 9223372036854775807, RZ */
	.dword	0x5, 0x0, 0x4014000000000000;	.word	0x1, 0x1	/* cvt.d.l 5, RZ */
	.dword	0x20000000000001, 0x0, 0x4340000000000001;	.word	0x2, 0x1006	/* cvt.d.l 9007199254740993, RP */
	.dword	0xffdffffffffffffd, 0x0, 0xc340000000000001;	.word	0x2, 0x1006	/* cvt.d.l -9007199254740995, RP */
	.dword	0x7fffffffffffffff, 0x0, 0x43e0000000000000;	.word	0x2, 0x1006	/* cvt.d.l 9223372036854775807, RP */
	.dword	0x5, 0x0, 0x4014000000000000;	.word	0x2, 0x2	/* cvt.d.l 5, RP */
	.dword	0x20000000000001, 0x0, 0x4340000000000000;	.word	0x3, 0x1007	/* cvt.d.l 9007199254740993, RM */
	.dword	0xffdffffffffffffd, 0x0, 0xc340000000000002;	.word	0x3, 0x1007	/* cvt.d.l -9007199254740995, RM */
	.dword	0x7fffffffffffffff, 0x0, 0x43dfffffffffffff;	.word	0x3, 0x1007	/* cvt.d.l 9223372036854775807, RM */
	.dword	0x5, 0x0, 0x4014000000000000;	.word	0x3, 0x3	/* cvt.d.l 5, RM */
t_cvt_d_l_end:
