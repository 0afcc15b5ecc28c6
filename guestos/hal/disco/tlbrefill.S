/*
 * tlbrefill.S - the guest's TLB refill handler, the native one with the
 * special page in place of mfc0.
 *
 * Boot code copies tlbrefill..tlbrefill_end to the refill vector
 * (VEC_REFILL = GUEST_KERNBASE + 0), so the code is position-independent:
 * no jumps, absolute addresses built with lui.  The monitor comes here
 * for a suseg miss that its second-level TLB could not satisfy, with
 * virtual EXL set and the missing address's VPN2 in the virtual Context,
 * which the special page holds:
 *
 *   Context  | CPU number (31:23) | VPN2 = va 31:13 (22:4) | 0 (3:0) |
 *                                   \ dir  /\ table/
 *                                   22   13 12    4
 *
 * It loads cpus[cpu].pgdir, the page table from the directory slot of
 * va 31:22 (empty slots point at an all-zero table: no branch), and the
 * even/odd PTE pair of va 21:13, then writes them to EntryLo0/1 and a
 * random entry.  A pair with V = 0 makes the retried access take a TLB
 * invalid exception at the general vector, as natively.  Only k0 and k1
 * are touched; every load is from sseg (the monitor refills its misses
 * itself).  Cost under the monitor: four traps, each emulated:
 *   mtc0 EntryLo0, mtc0 EntryLo1, tlbwr (translated through the pmap into
 *   the hardware TLB and the L2TLB), eret.
 */
#include "halasm.h"

	.set	noreorder
	.set	noat
	.text

LEAF(tlbrefill)
	lui	k0, SPECIAL_HI
	lw	k0, SPECIAL_LO(SP_CONTEXT)(k0)
	lui	k1, %hi(cpus)
	srl	k0, k0, CONTEXT_CPU_SHIFT
	sll	k0, k0, CPU_SHIFT           /* &cpus[cpu] - &cpus[0] */
	addu	k1, k1, k0
	lw	k1, %lo(cpus)+CPU_PGDIR(k1) /* k1 = directory */
	lui	k0, SPECIAL_HI
	lw	k0, SPECIAL_LO(SP_CONTEXT)(k0)
	srl	k0, k0, 11
	andi	k0, k0, 0xffc               /* (va >> 22) * 4 */
	addu	k1, k1, k0
	lw	k1, 0(k1)                   /* k1 = page table */
	lui	k0, SPECIAL_HI
	lw	k0, SPECIAL_LO(SP_CONTEXT)(k0)
	andi	k0, k0, 0x1ff0
	srl	k0, k0, 1                   /* (va >> 13 & 0x1ff) * 8: even PTE */
	addu	k1, k1, k0
	lw	k0, 0(k1)
	lw	k1, 4(k1)
	mtc0	k0, C0_ENTRYLO0             /* (traps) */
	mtc0	k1, C0_ENTRYLO1             /* (traps) */
	tlbwr                               /* (traps) */
	eret                                /* (traps) */
	.globl	tlbrefill_end
tlbrefill_end:
END(tlbrefill)
