/*
 * load_store.S - aligned loads and stores of every width, big-endian.
 *
 * UM appendix A: LB/LH/LW sign-extend, LBU/LHU/LWU zero-extend, LD loads
 * 64 bits; SB/SH/SW store the low 8/16/32 bits, SD all 64.  The machine is
 * big-endian (byte 0 is the most significant).  The R4000 interlocks on
 * loads (MIPS III has no load delay slot), so the next instruction may use
 * the loaded register.  LWU is a MIPS III instruction, legal in kernel mode.
 */
#include "tests/asm/harness.h"

	.data
	.balign	8
src:	.dword	0x0123456789abcdef
	.dword	0xfedcba9876543210
dst:	.dword	0
	.dword	0

TEST_MAIN
	la	$a0, src
	lb	$t0, 0($a0)
	CHECK_EQ $t0, 0x01, 10
	lb	$t0, 4($a0)
	CHECK_EQ64 $t0, 0xffffffffffffff89, 11
	lbu	$t0, 4($a0)
	CHECK_EQ64 $t0, 0x0000000000000089, 12
	lb	$t0, 7($a0)
	CHECK_EQ64 $t0, 0xffffffffffffffef, 13
	lh	$t0, 2($a0)
	CHECK_EQ $t0, 0x4567, 14
	lh	$t0, 4($a0)
	CHECK_EQ64 $t0, 0xffffffffffff89ab, 15
	lhu	$t0, 4($a0)
	CHECK_EQ64 $t0, 0x00000000000089ab, 16
	lw	$t0, 0($a0)
	CHECK_EQ $t0, 0x01234567, 17
	lw	$t0, 4($a0)
	CHECK_EQ64 $t0, 0xffffffff89abcdef, 18
	lwu	$t0, 4($a0)
	CHECK_EQ64 $t0, 0x0000000089abcdef, 19
	lwu	$t0, 0($a0)
	CHECK_EQ64 $t0, 0x0000000001234567, 20
	ld	$t0, 0($a0)
	CHECK_EQ64 $t0, 0x0123456789abcdef, 21
	ld	$t0, 8($a0)
	CHECK_EQ64 $t0, 0xfedcba9876543210, 22

	/* Negative offsets. */
	addiu	$a1, $a0, 16
	lw	$t0, -4($a1)
	CHECK_EQ $t0, 0x76543210, 23
	ld	$t0, -16($a1)
	CHECK_EQ64 $t0, 0x0123456789abcdef, 24

	/* No load delay: the loaded value is usable at once. */
	lw	$t0, 0($a0)
	addu	$t1, $t0, $t0
	CHECK_EQ $t1, 0x02468ace, 25
	/* A load into r0 is discarded. */
	lw	$zero, 0($a0)
	CHECK_EQ $zero, 0, 26

	/* Stores: only the addressed bytes change. */
	la	$a1, dst
	dli	$t0, 0x1111111111111111
	sd	$t0, 0($a1)
	dli	$t1, 0xaabbccddeeff0102
	sb	$t1, 1($a1)		/* low byte 0x02 */
	ld	$t2, 0($a1)
	CHECK_EQ64 $t2, 0x1102111111111111, 27
	sh	$t1, 4($a1)		/* low half 0x0102 */
	ld	$t2, 0($a1)
	CHECK_EQ64 $t2, 0x1102111101021111, 28
	sw	$t1, 0($a1)		/* low word 0xeeff0102 */
	ld	$t2, 0($a1)
	CHECK_EQ64 $t2, 0xeeff010201021111, 29
	sd	$t1, 8($a1)
	ld	$t2, 8($a1)
	CHECK_EQ64 $t2, 0xaabbccddeeff0102, 30
	lbu	$t2, 8($a1)
	CHECK_EQ $t2, 0xaa, 31
	lhu	$t2, 14($a1)
	CHECK_EQ $t2, 0x0102, 32
	sb	$t1, 15($a1)
	sb	$t1, 8($a1)
	ld	$t2, 8($a1)
	CHECK_EQ64 $t2, 0x02bbccddeeff0102, 33
	sh	$zero, 10($a1)
	ld	$t2, 8($a1)
	CHECK_EQ64 $t2, 0x02bb0000eeff0102, 34

	/* The same bytes through kseg1 (uncached view of the same memory). */
	la	$a1, src
	lui	$t0, 0x2000
	addu	$a1, $a1, $t0		/* 0x8... -> 0xa... */
	lw	$t2, 0($a1)
	CHECK_EQ $t2, 0x01234567, 35
	PASS
