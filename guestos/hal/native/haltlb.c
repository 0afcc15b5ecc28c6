/*
 * haltlb.c - the native HAL's MMU: the R4000 TLB, written with CP0
 * instructions (R4000 User's Manual, chapter 4).
 *
 * The TLB has 48 entries, each mapping an even/odd pair of 4 KB pages:
 *
 *   EntryHi   | VPN2 (31:13) | 0 (12:8) | ASID (7:0) |
 *   EntryLo0/1| 0 (31:30) | PFN (29:6) | C (5:3) | D | V | G |
 *   Index     | P (31) | 0 | index (5:0) |      P: tlbp found nothing
 *   Context   | PTEBase (31:23) | BadVPN2 (22:4) | 0 |
 *
 * An unused entry is given a kseg0 VPN2 of its own (kseg0 is unmapped,
 * so it never matches and no two entries are alike) and invalid pages.
 */
#include <stdint.h>

#include "hal.h"
#include "halasm.h"

#define TLB_ENTRIES 48
#define INDEX_P     0x80000000u
#define ENTRYHI_ASID 0xffu

/* Read CP0 register n. */
#define MFC0(n) ({ uint32_t v_; __asm__ volatile("mfc0 %0, $" #n : "=r"(v_)); v_; })
/* Write CP0 register n; the nops cover the R4000's CP0 hazards. */
#define MTC0(n, v) __asm__ volatile("mtc0 %0, $" #n "\n\tnop\n\tnop" \
				    : : "r"((uint32_t)(v)) : "memory")
/* Run one TLB instruction, then wait out its hazard. */
#define TLBOP(op) __asm__ volatile(op "\n\tnop\n\tnop" : : : "memory")

/* Return the number of TLB entries. */
int hal_tlb_size(void)
{
	return TLB_ENTRIES;
}

/* Make entry i an invalid entry no address can match. */
static void tlb_invalidate_index(int i)
{
	MTC0(10, KERNBASE + ((uint32_t)i << 13));  /* EntryHi */
	MTC0(2, 0);                                 /* EntryLo0 */
	MTC0(3, 0);                                 /* EntryLo1 */
	MTC0(0, i);                                 /* Index */
	TLBOP("tlbwi");
}

/* Drop every TLB entry of this CPU. */
void hal_tlb_flush_all(void)
{
	uint32_t s = hal_intr_off();
	uint32_t hi = MFC0(10);
	for (int i = 0; i < TLB_ENTRIES; i++)
		tlb_invalidate_index(i);
	MTC0(10, hi);
	hal_intr_restore(s);
}

/* Set up this CPU's MMU: 4 KB pages, nothing wired, Context.PTEBase = cpu, TLB empty. */
void hal_tlb_init(int cpu)
{
	MTC0(5, 0);                                 /* PageMask: 4 KB */
	MTC0(6, 0);                                 /* Wired */
	MTC0(4, (uint32_t)cpu << CONTEXT_CPU_SHIFT);   /* Context */
	MTC0(10, 0);                                /* EntryHi: ASID 0 */
	hal_tlb_flush_all();
}

/* Make asid the current address space identifier (EntryHi.ASID). */
void hal_tlb_set_asid(uint32_t asid)
{
	MTC0(10, asid & ENTRYHI_ASID);
}

/* Write the pair hi -> (lo0, lo1) into a random TLB entry. */
void hal_tlb_write_random(uint32_t hi, uint32_t lo0, uint32_t lo1)
{
	uint32_t s = hal_intr_off();
	uint32_t old = MFC0(10);
	MTC0(10, hi);
	MTC0(2, lo0);
	MTC0(3, lo1);
	TLBOP("tlbwr");
	MTC0(10, old);
	hal_intr_restore(s);
}

/* Drop the entry mapping va's page pair in address space asid, if there is one. */
void hal_tlb_flush_va(uint32_t va, uint32_t asid)
{
	uint32_t s = hal_intr_off();
	uint32_t old = MFC0(10);
	MTC0(10, (va & ~0x1fffu) | (asid & ENTRYHI_ASID));
	TLBOP("tlbp");
	uint32_t index = MFC0(0);
	if (!(index & INDEX_P))
		tlb_invalidate_index((int)(index & 0x3f));
	MTC0(10, old);
	hal_intr_restore(s);
}
