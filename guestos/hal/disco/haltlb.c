/*
 * haltlb.c - the virtualized HAL's MMU: the vCPU's virtual TLB, written
 * with the native CP0 instructions.  Each of them traps (the kernel runs
 * without CP0) and the monitor emulates it on the virtual TLB, translating
 * the guest-physical PFNs through the VM's pmap into the hardware TLB.
 * EntryHi is read from the special page; Index (after tlbp) with mfc0.
 * Dropping one page pair is a monitor call instead (MC_TLB_DROP): one
 * trap for the eight of tlbp and tlbwi, with the same effect.
 *
 *   EntryHi   | VPN2 (31:13) | 0 (12:8) | ASID (7:0) |
 *   EntryLo0/1| 0 (31:30) | PFN (29:6) | C (5:3) | D | V | G |
 *   Index     | P (31) | 0 | index (5:0) |      P: tlbp found nothing
 *   Context   | PTEBase (31:23) | BadVPN2 (22:4) | 0 |
 *
 * An unused entry gets a VPN2 in kseg0 of its own, as natively: kseg0 is
 * never translated by the TLB (and unreachable in supervisor mode), so it
 * matches nothing, and no two entries are alike.  It is a tag only, never
 * an address this kernel touches.
 */
#include <stdint.h>

#include "hal.h"
#include "halasm.h"
#include "halmcall.h"

#define TLB_ENTRIES 48
#define ENTRYHI_ASID 0xffu
#define UNUSED_VPN2 0x80000000u /* kseg0: no TLB lookup ever matches it */

/* Write CP0 register n (traps; emulated, so no hazard to wait out). */
#define MTC0(n, v) __asm__ volatile("mtc0 %0, $" #n : : "r"((uint32_t)(v)) : "memory")
/* Run one TLB instruction (traps; emulated). */
#define TLBOP(op) __asm__ volatile(op : : : "memory")

/* The virtual EntryHi, from the special page. */
static uint32_t entryhi(void)
{
	return SPECIAL(SP_ENTRYHI);
}

/* Return the number of TLB entries. */
int hal_tlb_size(void)
{
	return TLB_ENTRIES;
}

/* Make the entry Index selects an invalid entry no address can match (i: that index). */
static void tlb_invalidate_indexed(int i)
{
	MTC0(10, UNUSED_VPN2 + ((uint32_t)i << 13)); /* EntryHi */
	MTC0(2, 0);                                  /* EntryLo0 */
	MTC0(3, 0);                                  /* EntryLo1 */
	TLBOP("tlbwi");
}

/* Make entry i an invalid entry no address can match. */
static void tlb_invalidate_index(int i)
{
	MTC0(0, i);                                  /* Index */
	tlb_invalidate_indexed(i);
}

/* Drop every TLB entry of this vCPU. */
void hal_tlb_flush_all(void)
{
	uint32_t s = hal_intr_off();
	uint32_t hi = entryhi();
	for (int i = 0; i < TLB_ENTRIES; i++)
		tlb_invalidate_index(i);
	MTC0(10, hi);
	hal_intr_restore(s);
}

/* Set up this vCPU's MMU: 4 KB pages, nothing wired, Context.PTEBase = cpu, TLB empty. */
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
	uint32_t old = entryhi();
	MTC0(10, hi);
	MTC0(2, lo0);
	MTC0(3, lo1);
	TLBOP("tlbwr");
	MTC0(10, old);
	hal_intr_restore(s);
}

/* Drop the entry mapping va's page pair in address space asid, if there is one (one monitor call). */
void hal_tlb_flush_va(uint32_t va, uint32_t asid)
{
	mc_tlb_drop(va, asid);
}
