/*
 * segments.S - address segments per mode, and ERL=1 making kuseg unmapped.
 *
 * UM 4.2 (32-bit mode address spaces, Figures 4-4..4-6, Table 4-2):
 *   user:        useg  0x00000000-0x7FFFFFFF mapped; the rest errors
 *   supervisor:  suseg 0x00000000-0x7FFFFFFF and sseg 0xC0000000-
 *                0xDFFFFFFF mapped; kseg0/kseg1/kseg3 address errors
 *   kernel:      kuseg, ksseg (0xC0000000-0xDFFFFFFF) and kseg3
 *                (0xE0000000-0xFFFFFFFF) mapped; kseg0/kseg1 unmapped
 * UM 4.2 (kuseg) / 5.2 (Status.ERL): with ERL=1, kuseg is an unmapped,
 * uncached window onto physical memory (VA = PA).  Supervisor code may
 * also execute from sseg (where the virtualized guest kernel of DESIGN.md
 * section 5 runs); a user fetch from there is an address error.
 */
#include "tests/asm/harness.h"

	.section .user.data, "aw"
	.balign	8
uword:	.word	0x600d600d
uout:	.word	0
	.word	0

	.bss
	.balign	8192
spage:	.space	8192

#define SSEG	0xc0000000
#define KSEG3	0xe0000000
#define SCODE	0xc0100000		/* user window frames, again */
#define SADDR(x) ((x)-USER_KSEG0+SCODE)

/* Map the pair at va (G, D, V) to spage's frame in entry idx. */
	.macro	MAP_SPAGE idx, va
	la	$t0, spage
	PHYS	$t0
	ENTRYLO_REG $t2, $t0, 3, 1, 1, 1
	li	$t0, \idx
	li	$t1, \va
	TLBWI_REGS $t0, $t1, $t2, $t2, $zero
	.endm

TEST_MAIN
	/* ERL=1: kuseg reaches physical memory directly, no TLB entry. */
	li	$t0, ST_ERL
	mtc0	$t0, C0_STATUS
	nop
	nop
	la	$s0, UVA(uword)			/* = its physical address */
	EXC_CLEAR
	lw	$t1, 0($s0)
	CHECK_EQ $t1, 0x600d600d, 10
	li	$t1, 0x1234
	sw	$t1, 4($s0)
	CHECK_NOEXC 11
	mtc0	$zero, C0_STATUS
	nop
	nop
	la	$t0, uout
	lw	$t1, 0($t0)
	CHECK_EQ $t1, 0x1234, 12
	/* ERL=0: the same address needs the TLB (refill). */
	EXC_EXPECT 1f
	lw	$t1, 0($s0)
	FAIL	13
1:	CHECK_EXC EXC_TLBL, 14
	CHECK_REC REC_VEC, VEC_REFILL, 15

	/* Kernel mode: ksseg and kseg3 are mapped. */
	la	$t0, spage
	li	$t1, 0xcafe
	sw	$t1, 0x100($t0)
	MAP_SPAGE 20, SSEG
	MAP_SPAGE 21, KSEG3
	EXC_CLEAR
	li	$s1, SSEG
	lw	$t1, 0x100($s1)
	CHECK_EQ $t1, 0xcafe, 16
	li	$s2, KSEG3
	lw	$t1, 0x100($s2)
	CHECK_EQ $t1, 0xcafe, 17
	CHECK_NOEXC 18

	/* Supervisor mode: sseg mapped works, kseg3 does not (even mapped). */
	MAP_USER
	la	$a0, UVA(uout)
	EXC_EXPECT 2f
	ENTER_SUPER UVA(super_sseg)
	FAIL	19
2:	CHECK_EXC EXC_SYS, 20
	la	$t0, uout
	lw	$t1, 0($t0)
	CHECK_EQ $t1, 0xcafe, 21
	EXC_EXPECT 3f
	ENTER_SUPER UVA(super_kseg3)
	FAIL	22
3:	CHECK_EXC EXC_ADEL, 23
	CHECK_REC REC_BADVADDR, KSEG3 + 0x100, 24
	/* Supervisor store to sseg. */
	EXC_EXPECT 4f
	ENTER_SUPER UVA(super_store)
	FAIL	25
4:	CHECK_EXC EXC_SYS, 26
	la	$t0, spage
	lw	$t1, 0x104($t0)
	CHECK_EQ $t1, 0x5555, 27

	/* User mode: sseg is an address error even though it is mapped. */
	EXC_EXPECT 5f
	ENTER_USER UVA(super_sseg)
	FAIL	28
5:	CHECK_EXC EXC_ADEL, 29
	CHECK_REC REC_BADVADDR, SSEG + 0x100, 30
	CHECK_REC REC_VEC, VEC_GENERAL, 31

	/* Supervisor code running from sseg (the user window's frames mapped
	   again at SCODE with a 64 KB page pair). */
	li	$t0, 22
	li	$t1, SCODE
	li	$t2, ENTRYLO(USER_PHYS, 3, 1, 1, 1)
	li	$t3, ENTRYLO(USER_PHYS + 0x10000, 3, 1, 1, 1)
	li	$t4, PM_64K
	TLBWI_REGS $t0, $t1, $t2, $t3, $t4
	mtc0	$zero, C0_PAGEMASK
	EXC_EXPECT 6f
	ENTER_SUPER SADDR(super_code)
	FAIL	32
6:	CHECK_EXC EXC_SYS, 33
	CHECK_REC_ADDR REC_EPC, SADDR(super_code_end), 34
	CHECK_EQ $t1, 0x5eed, 35
	/* The same fetch from user mode is an address error at the target. */
	EXC_EXPECT 7f
	ENTER_USER SADDR(super_code)
	FAIL	36
7:	CHECK_EXC EXC_ADEL, 37
	CHECK_REC_ADDR REC_EPC, SADDR(super_code), 38
	CHECK_REC_ADDR REC_BADVADDR, SADDR(super_code), 39
	PASS

	.section .user.text, "ax"
/* Load sseg + 0x100 and store it at (a0). */
super_sseg:
	li	$t0, SSEG
	lw	$t1, 0x100($t0)
	sw	$t1, 0($a0)
	syscall
/* Load kseg3 + 0x100. */
super_kseg3:
	li	$t0, KSEG3
	lw	$t1, 0x100($t0)
	syscall
/* Run from sseg: set t1 and come back. */
super_code:
	li	$t1, 0x5eed
super_code_end:
	syscall
/* Store 0x5555 at sseg + 0x104. */
super_store:
	li	$t0, SSEG
	li	$t1, 0x5555
	sw	$t1, 0x104($t0)
	syscall
