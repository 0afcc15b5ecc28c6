/*
 * tlb_asid.S - ASID matching and global entries.
 *
 * UM 4.3 (TLB entry, EntryHi, EntryLo G bit): a TLB entry matches when
 * its VPN2 equals the address's and either its G bit is set or its ASID
 * equals EntryHi.ASID; the entry's G bit is set only when both EntryLo0.G
 * and EntryLo1.G were set on the write.  Several entries may share a VPN2
 * with different ASIDs (only one of them can match at a time).
 */
#include "tests/asm/harness.h"

	.bss
	.balign	4096
pga:	.space	4096
pgb:	.space	4096
pgc:	.space	4096

#define VA1	0x00600000
#define VA2	0x00700000
#define VA3	0x00800000

/* Map entry idx: VPN2 va, ASID asid, even page at label pg, G bits g0/g1. */
	.macro	MAP idx, va, asid, pg, g0, g1
	la	$t0, \pg
	PHYS	$t0
	ENTRYLO_REG $t2, $t0, 3, 1, 1, \g0
	ENTRYLO_REG $t3, $t0, 3, 1, 0, \g1	/* odd page invalid */
	li	$t0, \idx
	li	$t1, (\va) | (\asid)
	TLBWI_REGS $t0, $t1, $t2, $t3, $zero
	.endm

/* Set the current ASID. */
	.macro	SET_ASID asid
	li	$t0, \asid
	mtc0	$t0, C0_ENTRYHI
	nop
	nop
	.endm

/* With ASID asid, a load from va must miss: refill, EntryHi = VPN2|asid. */
	.macro	MISS va, asid, id
	SET_ASID \asid
	li	$t5, \va
	EXC_EXPECT .Lc\@
	lw	$t6, 0($t5)
	FAIL	\id
.Lc\@:	CHECK_EXC EXC_TLBL, \id
	CHECK_REC REC_VEC, VEC_REFILL, \id
	CHECK_REC REC_ENTRYHI, ((\va) & 0xffffe000) | (\asid), \id
	.endm

TEST_MAIN
	la	$t0, pga
	li	$t1, 0xaaaa
	sw	$t1, 0($t0)
	la	$t0, pgb
	li	$t1, 0xbbbb
	sw	$t1, 0($t0)
	la	$t0, pgc
	li	$t1, 0xcccc
	sw	$t1, 0($t0)

	MAP	12, VA1, 5, pga, 0, 0
	MAP	13, VA1, 6, pgb, 0, 0
	MAP	14, VA2, 5, pgc, 1, 1
	MAP	15, VA3, 5, pgc, 1, 0

	/* Same VPN2, the ASID selects the entry. */
	li	$s0, VA1
	SET_ASID 5
	lw	$t6, 0($s0)
	CHECK_EQ $t6, 0xaaaa, 10
	SET_ASID 6
	lw	$t6, 0($s0)
	CHECK_EQ $t6, 0xbbbb, 11
	MISS	VA1, 7, 12
	MISS	VA1 + 0x10, 0xff, 13
	/* Global entry: every ASID. */
	li	$s1, VA2
	SET_ASID 5
	lw	$t6, 0($s1)
	CHECK_EQ $t6, 0xcccc, 14
	SET_ASID 0
	lw	$t6, 0($s1)
	CHECK_EQ $t6, 0xcccc, 15
	SET_ASID 0xfe
	lw	$t6, 0($s1)
	CHECK_EQ $t6, 0xcccc, 16
	/* G in EntryLo0 only: not global. */
	li	$s2, VA3
	SET_ASID 5
	lw	$t6, 0($s2)
	CHECK_EQ $t6, 0xcccc, 17
	MISS	VA3, 9, 18
	/* TLBP honours the ASID too. */
	SET_ASID 6
	li	$t0, VA1 | 6
	mtc0	$t0, C0_ENTRYHI
	nop
	nop
	tlbp
	nop
	nop
	mfc0	$t1, C0_INDEX
	CHECK_EQ $t1, 13, 19
	li	$t0, VA1 | 5
	mtc0	$t0, C0_ENTRYHI
	nop
	nop
	tlbp
	nop
	nop
	mfc0	$t1, C0_INDEX
	CHECK_EQ $t1, 12, 20
	/* A store with ASID 6 lands in pgb only. */
	SET_ASID 6
	li	$t1, 0x6666
	sw	$t1, 4($s0)
	la	$t0, pgb
	lw	$t2, 4($t0)
	CHECK_EQ $t2, 0x6666, 21
	la	$t0, pga
	lw	$t2, 4($t0)
	CHECK_EQ $t2, 0, 22
	PASS
