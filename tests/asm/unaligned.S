/*
 * unaligned.S - LWL/LWR/SWL/SWR and LDL/LDR/SDL/SDR on a big-endian CPU.
 *
 * UM appendix A (LWL, LWR, SWL, SWR, LDL, LDR, SDL, SDR): with b the byte
 * offset inside the aligned word (doubleword), big-endian:
 *   LWL  bytes b..3 of the word go to the high end of rt, the low b bytes
 *        of rt are kept; the 32-bit result is sign-extended.
 *   LWR  bytes 0..b go to the low end of rt, the rest is kept.
 *   SWL  stores the high 4-b bytes of rt into bytes b..3.
 *   SWR  stores the low b+1 bytes of rt into bytes 0..b.
 *   LDL/LDR/SDL/SDR: the same on doublewords (b = 0..7), 64-bit.
 * LWR that leaves bit 31 from the old rt is only checked with a sign-
 * extended old rt, where "upper half kept" and "sign-extend bit 31" agree.
 */
#include "tests/asm/harness.h"

	.data
	.balign	8
mem:	.byte	0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77
	.byte	0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff
	.balign	8
wbuf:	.space	16

/* Fill wbuf with 0xee bytes; a1 = wbuf. */
	.macro	FILL_EE
	la	$a1, wbuf
	dli	$t9, 0xeeeeeeeeeeeeeeee
	sd	$t9, 0($a1)
	sd	$t9, 8($a1)
	.endm

/* Check both doublewords of wbuf. */
	.macro	CHECK_WBUF d0, d1, id
	ld	$t9, 0($a1)
	CHECK_EQ64 $t9, \d0, \id
	ld	$t9, 8($a1)
	CHECK_EQ64 $t9, \d1, \id
	.endm

TEST_MAIN
	la	$a0, mem
	/* LWL at each byte offset. */
	li	$t0, 0x0a0b0c0d
	lwl	$t0, 0($a0)
	CHECK_EQ $t0, 0x00112233, 10
	li	$t0, 0x0a0b0c0d
	lwl	$t0, 1($a0)
	CHECK_EQ $t0, 0x1122330d, 11
	li	$t0, 0x0a0b0c0d
	lwl	$t0, 2($a0)
	CHECK_EQ $t0, 0x22330c0d, 12
	li	$t0, 0x0a0b0c0d
	lwl	$t0, 3($a0)
	CHECK_EQ $t0, 0x330b0c0d, 13
	li	$t0, 0x0a0b0c0d
	lwl	$t0, 9($a0)
	CHECK_EQ64 $t0, 0xffffffff99aabb0d, 14
	/* LWR at each byte offset. */
	li	$t0, 0x0a0b0c0d
	lwr	$t0, 0($a0)
	CHECK_EQ $t0, 0x0a0b0c00, 15
	li	$t0, 0x0a0b0c0d
	lwr	$t0, 1($a0)
	CHECK_EQ $t0, 0x0a0b0011, 16
	li	$t0, 0x0a0b0c0d
	lwr	$t0, 2($a0)
	CHECK_EQ $t0, 0x0a001122, 17
	li	$t0, 0x0a0b0c0d
	lwr	$t0, 3($a0)
	CHECK_EQ $t0, 0x00112233, 18
	li	$t0, 0x0a0b0c0d
	lwr	$t0, 10($a0)
	CHECK_EQ $t0, 0x0a8899aa, 19
	li	$t0, 0x0a0b0c0d
	lwr	$t0, 11($a0)
	CHECK_EQ64 $t0, 0xffffffff8899aabb, 20
	li	$t0, 0xf0f0f0f0
	lwr	$t0, 0($a0)
	CHECK_EQ64 $t0, 0xfffffffff0f0f000, 21
	/* LWL+LWR pairs load unaligned words. */
	move	$t0, $zero
	lwl	$t0, 1($a0)
	lwr	$t0, 4($a0)
	CHECK_EQ $t0, 0x11223344, 22
	lwl	$t0, 6($a0)
	lwr	$t0, 9($a0)
	CHECK_EQ $t0, 0x66778899, 23
	lwl	$t0, 9($a0)
	lwr	$t0, 12($a0)
	CHECK_EQ64 $t0, 0xffffffff99aabbcc, 24

	/* LDL/LDR. */
	dli	$t1, 0x0102030405060708
	move	$t0, $t1
	ldl	$t0, 0($a0)
	CHECK_EQ64 $t0, 0x0011223344556677, 25
	move	$t0, $t1
	ldl	$t0, 3($a0)
	CHECK_EQ64 $t0, 0x3344556677060708, 26
	move	$t0, $t1
	ldl	$t0, 7($a0)
	CHECK_EQ64 $t0, 0x7702030405060708, 27
	move	$t0, $t1
	ldl	$t0, 9($a0)
	CHECK_EQ64 $t0, 0x99aabbccddeeff08, 28
	move	$t0, $t1
	ldr	$t0, 0($a0)
	CHECK_EQ64 $t0, 0x0102030405060700, 29
	move	$t0, $t1
	ldr	$t0, 3($a0)
	CHECK_EQ64 $t0, 0x0102030400112233, 30
	move	$t0, $t1
	ldr	$t0, 7($a0)
	CHECK_EQ64 $t0, 0x0011223344556677, 31
	move	$t0, $t1
	ldr	$t0, 9($a0)
	CHECK_EQ64 $t0, 0x0102030405068899, 32
	move	$t0, $t1
	ldr	$t0, 15($a0)
	CHECK_EQ64 $t0, 0x8899aabbccddeeff, 33
	move	$t0, $zero
	ldl	$t0, 3($a0)
	ldr	$t0, 10($a0)
	CHECK_EQ64 $t0, 0x33445566778899aa, 34

	/* SWL/SWR. */
	li	$t0, 0x11223344
	FILL_EE
	swl	$t0, 1($a1)
	swr	$t0, 6($a1)
	CHECK_WBUF 0xee112233223344ee, 0xeeeeeeeeeeeeeeee, 35
	FILL_EE
	swl	$t0, 0($a1)
	li	$t1, 0x55667788
	swr	$t1, 7($a1)
	CHECK_WBUF 0x1122334455667788, 0xeeeeeeeeeeeeeeee, 36
	FILL_EE
	swl	$t0, 3($a1)
	swr	$t0, 4($a1)
	CHECK_WBUF 0xeeeeee1144eeeeee, 0xeeeeeeeeeeeeeeee, 37
	FILL_EE
	swl	$t0, 1($a1)		/* unaligned word store at +1 */
	swr	$t0, 4($a1)
	CHECK_WBUF 0xee11223344eeeeee, 0xeeeeeeeeeeeeeeee, 38
	/* SWL/SWR store the low word of a 64-bit register. */
	FILL_EE
	dli	$t1, 0xaaaaaaaa11223344
	swl	$t1, 0($a1)
	CHECK_WBUF 0x11223344eeeeeeee, 0xeeeeeeeeeeeeeeee, 39

	/* SDL/SDR. */
	dli	$t0, 0x0102030405060708
	FILL_EE
	sdl	$t0, 3($a1)
	CHECK_WBUF 0xeeeeee0102030405, 0xeeeeeeeeeeeeeeee, 40
	FILL_EE
	sdr	$t0, 10($a1)
	CHECK_WBUF 0xeeeeeeeeeeeeeeee, 0x060708eeeeeeeeee, 41
	FILL_EE
	sdl	$t0, 3($a1)		/* unaligned doubleword store at +3 */
	sdr	$t0, 10($a1)
	CHECK_WBUF 0xeeeeee0102030405, 0x060708eeeeeeeeee, 42
	FILL_EE
	sdl	$t0, 0($a1)
	sdr	$t0, 15($a1)
	CHECK_WBUF 0x0102030405060708, 0x0102030405060708, 43
	FILL_EE
	sdl	$t0, 7($a1)
	sdr	$t0, 8($a1)
	CHECK_WBUF 0xeeeeeeeeeeeeee01, 0x08eeeeeeeeeeeeee, 44
	PASS
