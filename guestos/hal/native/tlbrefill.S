/*
 * tlbrefill.S - the TLB refill handler, in the spirit of IRIX's utlbmiss.
 *
 * Boot code copies tlbrefill..tlbrefill_end to the refill vector
 * (VEC_REFILL, 128 bytes before the XTLB vector), so the code is
 * position-independent: no jumps, absolute addresses built with lui.
 * The R4000 comes here on a TLB miss with Status.EXL clear, with the
 * missing address's VPN2 in Context and EntryHi (the ASID is kept):
 *
 *   Context  | CPU number (31:23) | VPN2 = va 31:13 (22:4) | 0 (3:0) |
 *                                   \ dir  /\ table/
 *                                   22   13 12    4
 *
 * It loads cpus[cpu].pgdir, the page table from the directory slot of
 * va 31:22 (empty slots point at an all-zero table: no branch), and the
 * even/odd PTE pair of va 21:13 straight into EntryLo0/1 (mtc0 drops the
 * software bits 31:30), then writes a random entry.  A pair with V = 0
 * (no page, or an address outside kuseg: the directory's upper half is
 * empty) makes the retried access take a TLB invalid exception at the
 * general vector, where vm_fault or the kernel-fault panic handles it.
 * Only k0 and k1 are touched; every load is from kseg0.
 */
#include "halasm.h"

	.set	noreorder
	.set	noat
	.text

LEAF(tlbrefill)
	mfc0	k0, C0_CONTEXT
	lui	k1, %hi(cpus)
	srl	k0, k0, CONTEXT_CPU_SHIFT
	sll	k0, k0, CPU_SHIFT           /* &cpus[cpu] - &cpus[0] */
	addu	k1, k1, k0
	lw	k1, %lo(cpus)+CPU_PGDIR(k1) /* k1 = directory */
	mfc0	k0, C0_CONTEXT
	srl	k0, k0, 11
	andi	k0, k0, 0xffc               /* (va >> 22) * 4 */
	addu	k1, k1, k0
	lw	k1, 0(k1)                   /* k1 = page table */
	mfc0	k0, C0_CONTEXT
	andi	k0, k0, 0x1ff0
	srl	k0, k0, 1                   /* (va >> 13 & 0x1ff) * 8: even PTE */
	addu	k1, k1, k0
	lw	k0, 0(k1)
	lw	k1, 4(k1)
	mtc0	k0, C0_ENTRYLO0
	mtc0	k1, C0_ENTRYLO1
	nop                                 /* CP0 hazard before tlbwr */
	tlbwr
	nop                                 /* tlbwr hazard before eret */
	eret
	.globl	tlbrefill_end
tlbrefill_end:
END(tlbrefill)
