/*
 * fpu_fr.S - the two register models of Status.FR (UM 6.3, fig. 6-2; UM
 * appendix B, ValueFPR/StoreFPR) and the FPU loads and stores.
 *
 * FR = 0: 32 32-bit FGRs; a double names an even/odd pair, FGR 2k+1 being
 * its high word.  FR = 1: 32 64-bit registers, odd numbers hold doubles too,
 * and a single lives in the low word.  Both views are of the same 32
 * physical registers: with FR = 0 the pair 2k/2k+1 is 64-bit register 2k,
 * and the odd 64-bit registers are out of sight but keep their values.
 * LWC1/LDC1/SWC1/SDC1 are big-endian and need natural alignment (AdEL /
 * AdES with BadVAddr otherwise).
 */
#include "tests/asm/harness.h"

	.set	fp=64		/* let the assembler name odd registers */
	.set	oddspreg

/* Set Status to st (FR changes take effect for the next instructions). */
	.macro	SET_STATUS st
	li	$t0, \st
	mtc0	$t0, C0_STATUS
	nop
	nop
	.endm

/* Expect insn to raise address error exc with BadVAddr = mem + off. */
	.macro	ADDR_TRAP exc, off, id, insn:vararg
	EXC_CLEAR
	\insn
	CHECK_EXC \exc, \id
	la	$t9, mem + \off
	CHECK_RECR REC_BADVADDR, $t9, \id
	.endm

TEST_MAIN
	SET_STATUS ST_CU1			/* FR = 0 */
	la	$s0, mem

	/* FGR 2k is the low and FGR 2k+1 the high word of double 2k. */
	li	$t0, 0x11111111
	mtc1	$t0, $f0
	li	$t0, 0x22222222
	mtc1	$t0, $f1
	dmfc1	$t2, $f0
	CHECK_EQ64 $t2, 0x2222222211111111, 5
	mfc1	$t2, $f1
	CHECK_EQ $t2, 0x22222222, 6
	dli	$t0, 0x3ff0000000000000		/* 1.0 */
	dmtc1	$t0, $f2
	mfc1	$t2, $f3
	CHECK_EQ $t2, 0x3ff00000, 7
	mfc1	$t2, $f2
	CHECK_EQ $t2, 0, 8

	/* Loads and stores: memory is big-endian, the high word first. */
	ldc1	$f4, 0($s0)
	mfc1	$t2, $f4
	CHECK_EQ $t2, 0x89abcdef, 9
	mfc1	$t2, $f5
	CHECK_EQ $t2, 0x01234567, 10
	lwc1	$f6, 0($s0)
	lwc1	$f7, 4($s0)
	dmfc1	$t2, $f6
	CHECK_EQ64 $t2, 0x89abcdef01234567, 11
	sdc1	$f6, 8($s0)
	ld	$t2, 8($s0)
	CHECK_EQ64 $t2, 0x89abcdef01234567, 12
	swc1	$f5, 16($s0)
	lw	$t2, 16($s0)
	CHECK_EQ $t2, 0x01234567, 13

	/* A double built from two MTC1s: 3.0 + 1.0 = 4.0. */
	mtc1	$zero, $f8
	li	$t0, 0x40080000
	mtc1	$t0, $f9
	add.d	$f10, $f8, $f2
	dmfc1	$t2, $f10
	CHECK_EQ64 $t2, 0x4010000000000000, 14
	mfc1	$t2, $f11
	CHECK_EQ $t2, 0x40100000, 15

	/* ---- FR = 1: the pair 0/1 is now 64-bit register 0 ---- */
	SET_STATUS ST_CU1 | ST_FR
	dmfc1	$t2, $f0
	CHECK_EQ64 $t2, 0x2222222211111111, 16
	mfc1	$t2, $f0
	CHECK_EQ $t2, 0x11111111, 17
	dli	$t0, 0x5555555566666666
	dmtc1	$t0, $f1			/* a register of its own */
	dmfc1	$t2, $f0
	CHECK_EQ64 $t2, 0x2222222211111111, 18

	/* Odd registers hold doubles; singles use the low word. */
	dli	$t0, 0x3ff8000000000000		/* 1.5 */
	dmtc1	$t0, $f3
	add.d	$f5, $f3, $f3
	dmfc1	$t2, $f5
	CHECK_EQ64 $t2, 0x4008000000000000, 19
	ldc1	$f7, 0($s0)
	dmfc1	$t2, $f7
	CHECK_EQ64 $t2, 0x0123456789abcdef, 20
	sdc1	$f7, 24($s0)
	ld	$t2, 24($s0)
	CHECK_EQ64 $t2, 0x0123456789abcdef, 21
	lwc1	$f9, 4($s0)
	mfc1	$t2, $f9
	CHECK_EQ $t2, 0x89abcdef, 22
	swc1	$f9, 32($s0)
	lw	$t2, 32($s0)
	CHECK_EQ $t2, 0x89abcdef, 23
	li	$t0, 0x3f800000
	mtc1	$t0, $f11
	add.s	$f13, $f11, $f11
	mfc1	$t2, $f13
	CHECK_EQ $t2, 0x40000000, 24
	cvt.d.s	$f15, $f13
	dmfc1	$t2, $f15
	CHECK_EQ64 $t2, 0x4000000000000000, 25
	c.lt.d	$f15, $f5			/* 2.0 < 3.0 */
	cfc1	$t2, $31
	CHECK_EQ $t2, 0x00800000, 26
	li	$t0, 0xaaaaaaaa
	mtc1	$t0, $f1
	mfc1	$t2, $f1
	CHECK_EQ $t2, 0xaaaaaaaa, 27

	/* ---- back to FR = 0: FGR 1 is the high word of register 0 ---- */
	SET_STATUS ST_CU1
	mfc1	$t2, $f1
	CHECK_EQ $t2, 0x22222222, 28
	dmfc1	$t2, $f0
	CHECK_EQ64 $t2, 0x2222222211111111, 29
	li	$t0, 0x33333333
	mtc1	$t0, $f1

	/* ---- FR = 1 again: register 1 kept its value ---- */
	SET_STATUS ST_CU1 | ST_FR
	mfc1	$t2, $f1
	CHECK_EQ $t2, 0xaaaaaaaa, 30
	dmfc1	$t2, $f0
	CHECK_EQ64 $t2, 0x3333333311111111, 31
	dmfc1	$t2, $f5
	CHECK_EQ64 $t2, 0x4008000000000000, 32

	/* ---- alignment: AdEL / AdES, nothing loaded or stored ---- */
	dli	$t0, 0x7777777777777777
	dmtc1	$t0, $f0
	ADDR_TRAP EXC_ADEL, 2, 33, lwc1 $f0, 2($s0)
	ADDR_TRAP EXC_ADEL, 4, 34, ldc1 $f0, 4($s0)
	dmfc1	$t2, $f0
	CHECK_EQ64 $t2, 0x7777777777777777, 35
	ADDR_TRAP EXC_ADES, 1, 36, swc1 $f0, 1($s0)
	ADDR_TRAP EXC_ADES, 12, 37, sdc1 $f0, 12($s0)
	ld	$t2, 8($s0)
	CHECK_EQ64 $t2, 0x89abcdef01234567, 38
	ld	$t2, 16($s0)
	CHECK_EQ64 $t2, 0x0123456700000000, 39
	PASS

	.data
	.balign	8
mem:	.dword	0x0123456789abcdef
	.space	32
