/*
 * tlb_pagesize.S - variable page sizes through PageMask: 4 KB to 16 MB.
 *
 * UM 4.3 (PageMask register, Table 4-5): MASK = 0x0000 (4 KB), 0x0003
 * (16 KB), 0x000F (64 KB), 0x003F (256 KB), 0x00FF (1 MB), 0x03FF (4 MB),
 * 0x0FFF (16 MB) in bits 24:13.  An entry maps a pair of pages of that
 * size; the VA bit just above the page offset selects EntryLo0 (even) or
 * EntryLo1 (odd), and the masked VPN2 bits are not compared.
 *
 * Memory: mark (64 KB aligned) holds A at offset 0 and B at 0x1000.  For
 * each size S the pair at VA 0x20000000 maps both pages to the frame of
 * size S that contains mark; reading at the offset of mark inside the
 * page must give A in both pages, and B 4 KB further on (4 KB pages: A
 * again, since that is already the odd page).  The next pair misses.
 */
#include "tests/asm/harness.h"

#define BASE	0x20000000
#define MARK_A	0x0a0a0a0a
#define MARK_B	0x0b0b0b0b

	.bss
	.balign	65536
mark:	.space	32768

/* Check the page size S (PageMask value mask) with check id id. */
	.macro	PS_TEST s, mask, id
	la	$t0, mark
	PHYS	$t0			/* t0 = P */
	li	$t1, -(\s)
	and	$t2, $t0, $t1		/* t2 = frame base */
	li	$t1, (\s) - 1
	and	$s0, $t0, $t1		/* s0 = offset of mark in the page */
	ENTRYLO_REG $t3, $t2, 3, 1, 1, 1
	li	$t4, 10
	li	$t5, BASE
	li	$t6, \mask
	TLBWI_REGS $t4, $t5, $t3, $t3, $t6
	li	$s1, BASE
	addu	$s1, $s1, $s0		/* s1 = VA of mark in the even page */
	EXC_CLEAR
	lw	$t7, 0($s1)
	CHECK_EQ $t7, MARK_A, \id
	lw	$t7, 0x1000($s1)
	.if	(\s) == 0x1000
	CHECK_EQ $t7, MARK_A, \id
	.else
	CHECK_EQ $t7, MARK_B, \id
	.endif
	li	$t1, \s
	addu	$s2, $s1, $t1		/* odd page */
	lw	$t7, 0($s2)
	CHECK_EQ $t7, MARK_A, \id
	CHECK_NOEXC \id
	/* The pair ends at BASE + 2S. */
	addu	$s2, $s2, $t1
	EXC_EXPECT .Lm\@
	lw	$t7, 0($s2)
	FAIL	\id
.Lm\@:	CHECK_EXC EXC_TLBL, \id
	CHECK_REC REC_VEC, VEC_REFILL, \id
	CHECK_RECR REC_BADVADDR, $s2, \id
	/* TLBR returns the mask; TLBP finds the entry from the odd page. */
	mtc0	$zero, C0_PAGEMASK
	mtc0	$t4, C0_INDEX
	nop
	tlbr
	nop
	nop
	mfc0	$t7, C0_PAGEMASK
	CHECK_EQ $t7, \mask, \id
	li	$t1, (BASE + (\s) + (\s) - 0x2000)
	mtc0	$t1, C0_ENTRYHI
	nop
	nop
	tlbp
	nop
	nop
	mfc0	$t7, C0_INDEX
	CHECK_EQ $t7, 10, \id
	mtc0	$zero, C0_ENTRYHI
	mtc0	$zero, C0_PAGEMASK
	.endm

TEST_MAIN
	la	$t0, mark
	li	$t1, MARK_A
	sw	$t1, 0($t0)
	li	$t1, MARK_B
	sw	$t1, 0x1000($t0)
	PS_TEST	0x1000, PM_4K, 10
	PS_TEST	0x4000, PM_16K, 11
	PS_TEST	0x10000, PM_64K, 12
	PS_TEST	0x40000, PM_256K, 13
	PS_TEST	0x100000, PM_1M, 14
	PS_TEST	0x400000, PM_4M, 15
	PS_TEST	0x1000000, PM_16M, 16

	/* A 16 KB page: VA bit 13 is inside the page, bit 14 selects odd. */
	la	$t0, mark
	PHYS	$t0
	ENTRYLO_REG $t3, $t0, 3, 1, 1, 1	/* even: mark's 16 KB frame */
	li	$t1, 0x4000
	addu	$t2, $t0, $t1
	ENTRYLO_REG $t5, $t2, 3, 1, 1, 1	/* odd: the next 16 KB */
	li	$t4, 10			/* replaces the 16 MB entry */
	li	$t6, BASE
	li	$t7, PM_16K
	TLBWI_REGS $t4, $t6, $t3, $t5, $t7
	la	$t0, mark
	li	$t1, 0x1234
	sw	$t1, 0x2000($t0)
	li	$t1, 0x5678
	sw	$t1, 0x4000($t0)
	li	$s1, BASE
	lw	$t7, 0x2000($s1)
	CHECK_EQ $t7, 0x1234, 17
	lw	$t7, 0x4000($s1)
	CHECK_EQ $t7, 0x5678, 18
	PASS
