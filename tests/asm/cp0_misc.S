/*
 * cp0_misc.S - CACHE and SYNC, PRId and Config, DMFC0/DMTC0.
 *
 * UM appendix A (CACHE, SYNC, DMFC0, DMTC0) and 4.3/5.2 (PRId, Config):
 *  - CACHE runs in kernel mode (and in user mode when CU0=1); the
 *    write-back operations keep memory contents intact;
 *  - SYNC is legal in every mode;
 *  - PRId.Imp = 0x04 for the R4000 (the machine's PRId is 0x00000422,
 *    DESIGN.md section 3); Config.BE (bit 15) = 1 on a big-endian CPU,
 *    Config.K0 (bits 2:0) is writable;
 *  - DMTC0/DMFC0 move all 64 bits of 64-bit CP0 registers (EPC, ErrorEPC)
 *    and are legal in kernel mode; MFC0 returns the low 32 bits,
 *    sign-extended.
 */
#include "tests/asm/harness.h"

	.data
	.balign	16
cdata:	.word	0x11111111, 0x22222222, 0x33333333, 0x44444444

	.section .user.data, "aw"
	.balign	16
udata:	.word	0x55555555, 0, 0, 0

TEST_MAIN
	/* Primary cache operations in kernel mode. */
	la	$a0, cdata
	li	$t0, 0x12345678
	sw	$t0, 4($a0)
	EXC_CLEAR
	cache	0x19, 0($a0)		/* Hit_Writeback_D */
	cache	0x15, 0($a0)		/* Hit_Writeback_Invalidate_D */
	cache	0x01, 0($a0)		/* Index_Writeback_Invalidate_D */
	la	$a1, test_main
	cache	0x10, 0($a1)		/* Hit_Invalidate_I */
	cache	0x00, 0($a1)		/* Index_Invalidate_I */
	sync
	CHECK_NOEXC 10
	lw	$t1, 4($a0)
	CHECK_EQ $t1, 0x12345678, 11
	lw	$t1, 8($a0)
	CHECK_EQ $t1, 0x33333333, 12

	/* User mode: SYNC is fine; CACHE needs CU0. */
	MAP_USER
	la	$a2, UVA(udata)
	EXC_EXPECT 1f
	ENTER_USER UVA(2f)
	FAIL	13
	.pushsection .user.text, "ax"
2:	sync
	syscall
	.popsection
1:	CHECK_EXC EXC_SYS, 14
	li	$t0, ST_CU0
	mtc0	$t0, C0_STATUS
	EXC_EXPECT 3f
	ENTER_USER UVA(4f)
	FAIL	15
	.pushsection .user.text, "ax"
4:	cache	0x15, 0($a2)
	syscall
	.popsection
3:	CHECK_EXC EXC_SYS, 16
	mtc0	$zero, C0_STATUS
	la	$t0, udata
	lw	$t1, 0($t0)
	CHECK_EQ $t1, 0x55555555, 17

	/* PRId and Config. */
	mfc0	$t0, C0_PRID
	CHECK_BITS $t0, 0xff00, 0x0400, 18
	CHECK_EQ $t0, 0x00000422, 19
	mfc0	$s0, C0_CONFIG
	CHECK_BITS $s0, 0x8000, 0x8000, 20
	ori	$t1, $s0, 7
	xori	$t1, $t1, 5			/* K0 = 2 (uncached) */
	mtc0	$t1, C0_CONFIG
	nop
	mfc0	$t2, C0_CONFIG
	CHECK_BITS $t2, 7, 2, 21
	mtc0	$s0, C0_CONFIG			/* restore */
	nop
	mfc0	$t2, C0_CONFIG
	CHECK_EQR $t2, $s0, 22

	/* DMTC0/DMFC0: 64-bit EPC and ErrorEPC. */
	dli	$t0, 0x123456789abcdef0
	dmtc0	$t0, C0_EPC
	nop
	dmfc0	$t1, C0_EPC
	CHECK_EQ64 $t1, 0x123456789abcdef0, 23
	mfc0	$t1, C0_EPC
	CHECK_EQ64 $t1, 0xffffffff9abcdef0, 24
	dli	$t0, 0xfedcba9800000004
	dmtc0	$t0, C0_ERROREPC
	nop
	dmfc0	$t1, C0_ERROREPC
	CHECK_EQ64 $t1, 0xfedcba9800000004, 25
	mfc0	$t1, C0_ERROREPC
	CHECK_EQ $t1, 4, 26
	/* MTC0 sign-extends into the 64-bit register. */
	li	$t0, 0x80001234
	mtc0	$t0, C0_EPC
	nop
	dmfc0	$t1, C0_EPC
	CHECK_EQ64 $t1, 0xffffffff80001234, 27
	/* After an exception, the 64-bit EPC is the sign-extended address
	   (the handler then set it to the continuation, 6f). */
	EXC_EXPECT 6f
5:	syscall
	FAIL	28
6:	dmfc0	$t3, C0_EPC
	CHECK_ADDR $t3, 6b, 29
	PASS
