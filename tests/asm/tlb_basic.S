/*
 * tlb_basic.S - TLBWI/TLBR/TLBP and the TLB register formats.
 *
 * UM 4.3 (Figures 4-9..4-13, Tables 4-4..4-9) in 32-bit mode:
 *   EntryHi   VPN2 31:13, 0 12:8, ASID 7:0
 *   EntryLo   0 31:30, PFN 29:6, C 5:3, D 2, V 1, G 0
 *   PageMask  0 31:25, MASK 24:13, 0 12:0
 *   Index     P 31, 0 30:6, Index 5:0
 *   Context   PTEBase 31:23, BadVPN2 22:4, 0 3:0
 * Fields shown as 0 read as zero.  UM appendix A (TLBR): the entry's single
 * G bit (the AND of the two written G bits, UM 4.3 EntryLo) is returned
 * in both EntryLo0 and EntryLo1.  TLBP sets Index to the matching entry,
 * or sets Index.P (bit 31) when nothing matches.
 */
#include "tests/asm/harness.h"

/* Write TLB entry idx from the given register images. */
	.macro	TLB_WRITE idx, hi, lo0, lo1, mask
	li	$t0, \idx
	mtc0	$t0, C0_INDEX
	li	$t0, \hi
	mtc0	$t0, C0_ENTRYHI
	li	$t0, \lo0
	mtc0	$t0, C0_ENTRYLO0
	li	$t0, \lo1
	mtc0	$t0, C0_ENTRYLO1
	li	$t0, \mask
	mtc0	$t0, C0_PAGEMASK
	nop
	tlbwi
	nop
	.endm

/* Read TLB entry idx into EntryHi/EntryLo0/EntryLo1/PageMask = t1..t4. */
	.macro	TLB_READ idx
	mtc0	$zero, C0_ENTRYHI
	mtc0	$zero, C0_ENTRYLO0
	mtc0	$zero, C0_ENTRYLO1
	mtc0	$zero, C0_PAGEMASK
	li	$t0, \idx
	mtc0	$t0, C0_INDEX
	nop
	tlbr
	nop
	nop
	mfc0	$t1, C0_ENTRYHI
	mfc0	$t2, C0_ENTRYLO0
	mfc0	$t3, C0_ENTRYLO1
	mfc0	$t4, C0_PAGEMASK
	.endm

/* TLBP for EntryHi = hi; Index into t5. */
	.macro	TLB_PROBE hi
	li	$t0, \hi
	mtc0	$t0, C0_ENTRYHI
	nop
	nop
	tlbp
	nop
	nop
	mfc0	$t5, C0_INDEX
	.endm

TEST_MAIN
	/* Register read-back masks. */
	li	$t0, -1
	mtc0	$t0, C0_ENTRYHI
	mtc0	$t0, C0_ENTRYLO0
	mtc0	$t0, C0_ENTRYLO1
	mtc0	$t0, C0_PAGEMASK
	mtc0	$t0, C0_CONTEXT
	nop
	mfc0	$t1, C0_ENTRYHI
	CHECK_EQ $t1, 0xffffe0ff, 10
	mfc0	$t1, C0_ENTRYLO0
	CHECK_EQ $t1, 0x3fffffff, 11
	mfc0	$t1, C0_ENTRYLO1
	CHECK_EQ $t1, 0x3fffffff, 12
	mfc0	$t1, C0_PAGEMASK
	CHECK_EQ $t1, 0x01ffe000, 13
	mfc0	$t1, C0_CONTEXT
	CHECK_BITS $t1, 0xff80000f, 0xff800000, 14
	li	$t0, 5
	mtc0	$t0, C0_INDEX
	nop
	mfc0	$t1, C0_INDEX
	CHECK_EQ $t1, 5, 15
	li	$t0, 10
	mtc0	$t0, C0_WIRED
	nop
	mfc0	$t1, C0_WIRED
	CHECK_EQ $t1, 10, 16
	mtc0	$zero, C0_WIRED
	mtc0	$zero, C0_CONTEXT

	/* TLBWI then TLBR returns the same entry. */
	TLB_WRITE 5, 0x1234605a, ENTRYLO(0x00123000, 3, 1, 1, 0), ENTRYLO(0x00456000, 2, 0, 1, 0), PM_4K
	TLB_READ 5
	CHECK_EQ $t1, 0x1234605a, 17
	CHECK_EQ $t2, ENTRYLO(0x00123000, 3, 1, 1, 0), 18
	CHECK_EQ $t3, ENTRYLO(0x00456000, 2, 0, 1, 0), 19
	CHECK_EQ $t4, PM_4K, 20
	/* Another entry with a 16 KB page and top PFN bits. */
	TLB_WRITE 47, 0x7fff8001, 0x3fffffc7, ENTRYLO(0x0fffc000, 0, 0, 0, 1), PM_16K
	TLB_READ 47
	CHECK_EQ $t1, 0x7fff8001, 21
	CHECK_EQ $t2, 0x3fffffc7, 22
	CHECK_EQ $t3, ENTRYLO(0x0fffc000, 0, 0, 0, 1), 23
	CHECK_EQ $t4, PM_16K, 24
	/* Entry 5 was not disturbed by writing entry 47. */
	TLB_READ 5
	CHECK_EQ $t1, 0x1234605a, 25
	CHECK_EQ $t2, ENTRYLO(0x00123000, 3, 1, 1, 0), 26

	/* G is the AND of the two written G bits and reads back in both. */
	TLB_WRITE 6, 0x00200000, ENTRYLO(0x1000, 3, 0, 1, 1), ENTRYLO(0x2000, 3, 0, 1, 0), PM_4K
	TLB_READ 6
	CHECK_EQ $t2, ENTRYLO(0x1000, 3, 0, 1, 0), 27
	CHECK_EQ $t3, ENTRYLO(0x2000, 3, 0, 1, 0), 28
	TLB_WRITE 7, 0x00300000, ENTRYLO(0x3000, 3, 0, 1, 1), ENTRYLO(0x4000, 3, 0, 1, 1), PM_4K
	TLB_READ 7
	CHECK_EQ $t2, ENTRYLO(0x3000, 3, 0, 1, 1), 29
	CHECK_EQ $t3, ENTRYLO(0x4000, 3, 0, 1, 1), 30

	/* TLBP: hit with the right ASID, miss with another (not global). */
	TLB_PROBE 0x1234605a
	CHECK_EQ $t5, 5, 31
	TLB_PROBE 0x1234605b
	CHECK_BITS $t5, 0x80000000, 0x80000000, 32
	TLB_PROBE 0x12348000 | 0x5a	/* next VPN2 */
	CHECK_BITS $t5, 0x80000000, 0x80000000, 33
	/* The odd page of a pair has the same VPN2: bit 12 is not compared. */
	TLB_PROBE 0x1234705a
	CHECK_EQ $t5, 5, 34
	/* Global entry: any ASID matches. */
	TLB_PROBE 0x003000ff
	CHECK_EQ $t5, 7, 35
	/* Entry 6 is not global (one G bit clear): ASID must match. */
	TLB_PROBE 0x00200000
	CHECK_EQ $t5, 6, 36
	TLB_PROBE 0x00200001
	CHECK_BITS $t5, 0x80000000, 0x80000000, 37
	/* A 16 KB pair covers 32 KB: VPN2 bit 13 is masked. */
	TLB_PROBE 0x7fffa001
	CHECK_EQ $t5, 47, 38
	TLB_PROBE 0x7fff6001
	CHECK_BITS $t5, 0x80000000, 0x80000000, 39
	/* A hit after a miss clears P. */
	TLB_PROBE 0x1234605a
	CHECK_EQ $t5, 5, 40

	/* TLBR loads the entry's ASID into EntryHi. */
	li	$t0, 0x77
	mtc0	$t0, C0_ENTRYHI
	li	$t0, 5
	mtc0	$t0, C0_INDEX
	nop
	tlbr
	nop
	nop
	mfc0	$t1, C0_ENTRYHI
	CHECK_EQ $t1, 0x1234605a, 41

	/* Writing EntryHi afterwards does not change the stored entry. */
	li	$t0, 0x0abcc000
	mtc0	$t0, C0_ENTRYHI
	TLB_READ 5
	CHECK_EQ $t1, 0x1234605a, 42
	PASS
