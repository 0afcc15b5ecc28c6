/*
 * tlb_exc.S - TLB refill, invalid and modified exceptions; even/odd pages.
 *
 * UM 5.4 (TLB Refill, TLB Invalid, TLB Modified exceptions) and 4.3:
 *  - no matching entry: TLB refill, vector 0x80000000 when EXL=0;
 *  - matching entry with V=0: TLB invalid, general vector;
 *  - store through a valid entry with D=0: TLB modified (ExcCode 1),
 *    general vector;
 *  - ExcCode TLBL for loads and fetches, TLBS for stores; BadVAddr = the
 *    address, Context.BadVPN2 = VA[31:13] (PTEBase kept), EntryHi.VPN2 =
 *    VA[31:13] with the ASID unchanged;
 *  - an entry maps an even/odd pair of pages: VA bit 12 (4 KB pages)
 *    selects EntryLo0 or EntryLo1.
 */
#include "tests/asm/harness.h"

	.bss
	.balign	8192
tpage:	.space	8192			/* even page, odd page */

#define VA	0x00400000		/* mapped pair at VA, VA + 0x1000 */
#define ASID	0x33
#define PTEBASE	0xff800000

/* t6 = EntryLo of tpage's even page, t7 = odd page, with c/d/v/g. */
	.macro	TPAGE_LOS d0, v0, d1, v1
	la	$t6, tpage
	PHYS	$t6
	addiu	$t7, $t6, 0x1000
	ENTRYLO_REG $t6, $t6, 3, \d0, \v0, 1
	ENTRYLO_REG $t7, $t7, 3, \d1, \v1, 1
	.endm

/* Map VA with entry 3 using t6/t7; EntryHi keeps ASID. */
	.macro	MAP_VA
	li	$t0, 3
	li	$t1, VA | ASID
	TLBWI_REGS $t0, $t1, $t6, $t7, $zero
	.endm

/* insn raises code at vector vec, BadVAddr = bad, EPC = insn. */
	.macro	TLB_EXC id, code, vec, bad, insn:vararg
	EXC_EXPECT .Lc\@
.Li\@:	\insn
	FAIL	\id
.Lc\@:	CHECK_EXC \code, \id
	CHECK_REC REC_VEC, \vec, \id
	CHECK_REC_ADDR REC_EPC, .Li\@, \id
	CHECK_REC REC_BADVADDR, \bad, \id
	CHECK_REC REC_ENTRYHI, ((\bad) & 0xffffe000) | ASID, \id
	CHECK_REC REC_CONTEXT, PTEBASE | (((\bad) >> 13) << 4), \id
	.endm

TEST_MAIN
	li	$t0, ASID
	mtc0	$t0, C0_ENTRYHI
	li	$t0, PTEBASE
	mtc0	$t0, C0_CONTEXT
	la	$s0, tpage
	li	$s1, VA
	dli	$t0, 0x1111111122222222
	sd	$t0, 0($s0)
	dli	$t0, 0x3333333344444444
	sd	$t0, 0x1000($s0)

	/* Refill: load, store (no matching entry, EXL=0). */
	TLB_EXC	10, EXC_TLBL, VEC_REFILL, VA + 0x2344, lw $t2, 0x2344($s1)
	TLB_EXC	11, EXC_TLBS, VEC_REFILL, VA + 0x7ff8, sw $t2, 0x7ff8($s1)
	li	$t3, 0x7fffe000
	TLB_EXC	12, EXC_TLBL, VEC_REFILL, 0x7fffeffc, lb $t2, 0xffc($t3)
	/* Refill on an instruction fetch: EPC = BadVAddr = the target. */
	li	$t3, VA + 0x4000
	EXC_EXPECT 2f
	jr	$t3
	nop
	FAIL	13
2:	CHECK_EXC EXC_TLBL, 14
	CHECK_REC REC_VEC, VEC_REFILL, 15
	CHECK_REC REC_EPC, VA + 0x4000, 16
	CHECK_REC REC_BADVADDR, VA + 0x4000, 17
	CHECK_CAUSE EXC_TLBL << 2, 18

	/* Even page valid and dirty, odd page invalid. */
	TPAGE_LOS 1, 1, 1, 0
	MAP_VA
	EXC_CLEAR
	ld	$t2, 0($s1)
	CHECK_EQ64 $t2, 0x1111111122222222, 19
	lw	$t2, 4($s1)
	CHECK_EQ $t2, 0x22222222, 20
	li	$t2, 0x5555
	sw	$t2, 0x10($s1)
	lw	$t3, 0x10($s0)		/* visible through kseg0 */
	CHECK_EQ $t3, 0x5555, 21
	CHECK_NOEXC 22
	/* Invalid odd page: general vector, TLBL/TLBS. */
	TLB_EXC	23, EXC_TLBL, VEC_GENERAL, VA + 0x1008, lw $t2, 0x1008($s1)
	TLB_EXC	24, EXC_TLBS, VEC_GENERAL, VA + 0x1ffc, sw $t2, 0x1ffc($s1)
	lw	$t3, 0x1ffc($s0)		/* store did not happen */
	CHECK_EQ $t3, 0, 25
	/* Fetch from the invalid page. */
	li	$t3, VA + 0x1100
	EXC_EXPECT 3f
	jalr	$t3
	nop
	FAIL	26
3:	CHECK_EXC EXC_TLBL, 27
	CHECK_REC REC_VEC, VEC_GENERAL, 28
	CHECK_REC REC_EPC, VA + 0x1100, 29

	/* Both pages valid: VA bit 12 selects EntryLo1. */
	TPAGE_LOS 1, 1, 1, 1
	MAP_VA
	EXC_CLEAR
	ld	$t2, 0x1000($s1)
	CHECK_EQ64 $t2, 0x3333333344444444, 30
	ld	$t2, 0($s1)
	CHECK_EQ64 $t2, 0x1111111122222222, 31
	CHECK_NOEXC 32
	/* The pair ends at VA + 0x2000: the next page misses. */
	TLB_EXC	33, EXC_TLBL, VEC_REFILL, VA + 0x2000, lw $t2, 0x2000($s1)

	/* Odd page clean (D=0): loads work, stores raise Mod. */
	TPAGE_LOS 1, 1, 0, 1
	MAP_VA
	EXC_CLEAR
	ld	$t2, 0x1000($s1)
	CHECK_EQ64 $t2, 0x3333333344444444, 34
	CHECK_NOEXC 35
	TLB_EXC	36, EXC_MOD, VEC_GENERAL, VA + 0x1004, sw $t2, 0x1004($s1)
	TLB_EXC	37, EXC_MOD, VEC_GENERAL, VA + 0x1000, sb $t2, 0x1000($s1)
	TLB_EXC	38, EXC_MOD, VEC_GENERAL, VA + 0x1000, sd $t2, 0x1000($s1)
	ld	$t2, 0x1000($s0)
	CHECK_EQ64 $t2, 0x3333333344444444, 39
	/* The even page is still writable. */
	EXC_CLEAR
	sw	$zero, 0x20($s1)
	CHECK_NOEXC 40
	/* Invalid wins over clean: V=0, D=0 store is TLBS, not Mod. */
	TPAGE_LOS 1, 1, 0, 0
	MAP_VA
	TLB_EXC	41, EXC_TLBS, VEC_GENERAL, VA + 0x1040, sw $t2, 0x1040($s1)

	/* Kernel-mode fetch through the TLB (the user window mapping). */
	MAP_USER
	la	$t3, UVA(mapped_fn)
	li	$s2, 0
	jalr	$t3
	nop
	CHECK_EQ $s2, 1, 42
	PASS

	.section .user.text, "ax"
/* Count a call in $s2 and return to the kseg0 caller. */
mapped_fn:
	jr	$ra
	addiu	$s2, $s2, 1
