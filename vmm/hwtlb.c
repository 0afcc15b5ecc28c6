/*
 * hwtlb.c - the real TLB of this physical CPU: inserting translated
 * entries, dropping them, the wired special page, and the misses of the
 * guest kernel's segment, which the monitor refills alone from the pmap.
 * Called with interrupts off (from a trap, or asidmap.c which turns them
 * off); every function leaves EntryHi holding the current real ASID and
 * PageMask 0.
 *
 * The 48 hardware entries:
 *
 *   0        wired: the running vCPU's special page, global, read-only
 *            GUEST_SPECIAL 0xDFFFE000 -> special_pa; odd page: its
 *            private page GUEST_PRIVATE, read-write
 *   1        wired: the monitor's text and read-only data, global,
 *            read-only, 2 x 64 KB: TEXT_VA 0xE0000000 -> this node's
 *            copy (textrep.h; boot.S writes it, textrep.c moves it)
 *   2 .. 47  replaced round robin: guest user pairs (real ASID, never global), and
 *            sseg pairs GUEST_KERNBASE + gpa -> pmap (global: they are
 *            the same under every ASID of the VM; asidmap.c drops them
 *            when another VM comes to this CPU)
 *
 * An unused entry gets a kseg0 VPN2 of its own: kseg0 is unmapped, so it
 * never matches and no two entries are alike.
 *
 * New pairs replace entries in round-robin order chosen here (tlbwi), not
 * by tlbwr: Random decrements once per instruction, so on a refill path
 * of fixed length tlbwr keeps landing on the same few entries (measured:
 * one nop more in the trap path changed the monitor's refills from 1.33 M
 * to 238 K for the same guest run).
 */
#include "memint.h"
#include "textrep.h"

/* Run one TLB instruction and wait out its hazard. */
#define HW_TLBOP(op) __asm__ volatile(op "\n\tnop\n\tnop" : : : "memory")

/* This CPU's memory state. */
struct mem_cpu *mem_cpu_here(void)
{
	return vmm_pcpu()->mem;
}

/* Put the current real ASID back into EntryHi. */
static void hwtlb_restore_hi(void)
{
	KCP0_WRITE(10, mem_cpu_here()->cur_asid);
}

/* Make hardware entry i unmatchable and invalid. */
static void hwtlb_invalidate(int i)
{
	KCP0_WRITE(10, KSEG0_BASE + ((uint32_t)i << 13));
	KCP0_WRITE(2, 0);
	KCP0_WRITE(3, 0);
	KCP0_WRITE(5, 0);
	KCP0_WRITE(0, i);
	HW_TLBOP("tlbwi");
}

/* Set up this CPU's TLB: 4 KB pages, two entries wired, every entry
   empty but the text's, which this CPU is running through. */
void hwtlb_init_cpu(void)
{
	KCP0_WRITE(5, 0);
	KCP0_WRITE(6, TLB_WIRED);
	for (int i = 0; i < TLB_NHW; i++)
		if (i != TEXT_TLB_INDEX)
			hwtlb_invalidate(i);
	hwtlb_restore_hi();
}

/* Drop every entry but the wired one. */
void hwtlb_flush(void)
{
	for (int i = TLB_WIRED; i < TLB_NHW; i++)
		hwtlb_invalidate(i);
	hwtlb_restore_hi();
}

/* Drop every global entry but the wired one (another VM's supervisor segment). */
void hwtlb_drop_global(void)
{
	for (int i = TLB_WIRED; i < TLB_NHW; i++) {
		KCP0_WRITE(0, i);
		HW_TLBOP("tlbr");
		if (KCP0_READ(2) & TLB_G)
			hwtlb_invalidate(i);
	}
	KCP0_WRITE(5, 0);
	hwtlb_restore_hi();
}

/* Write the pair hi -> (lo0, lo1) of size mask: over an entry that matches
   hi, else the next victim; nothing if hi falls in a wired entry. */
void hwtlb_write(uint32_t hi, uint32_t lo0, uint32_t lo1, uint32_t mask)
{
	KCP0_WRITE(10, hi);
	HW_TLBOP("tlbp");
	uint32_t index = KCP0_READ(0);
	if (!(index & TLB_INDEX_P) && (index & 0x3f) < TLB_WIRED) {
		hwtlb_restore_hi(); /* hi overlaps a wired entry: never replace it */
		return;
	}
	KCP0_WRITE(2, lo0 & TLB_LO_BITS);
	KCP0_WRITE(3, lo1 & TLB_LO_BITS);
	KCP0_WRITE(5, mask);
	if (index & TLB_INDEX_P) {
		struct mem_cpu *mc = mem_cpu_here();
		if (mc->victim < TLB_WIRED || mc->victim >= TLB_NHW)
			mc->victim = TLB_WIRED;
		KCP0_WRITE(0, mc->victim++);
	}
	HW_TLBOP("tlbwi");
	if (mask)
		KCP0_WRITE(5, 0);
	hwtlb_restore_hi();
}

/* Drop the entry matching hi (VPN2 | real ASID), if there is one and it is not wired. */
void hwtlb_drop(uint32_t hi)
{
	KCP0_WRITE(10, hi);
	HW_TLBOP("tlbp");
	uint32_t index = KCP0_READ(0);
	if (!(index & TLB_INDEX_P) && (index & 0x3f) >= TLB_WIRED)
		hwtlb_invalidate((int)(index & 0x3f));
	hwtlb_restore_hi();
}

/* Map v's special page at GUEST_SPECIAL, read-only, and its private page after it, read-write: global, in the wired entry. */
void hwtlb_special(struct vcpu *v)
{
	KCP0_WRITE(10, GUEST_SPECIAL);
	KCP0_WRITE(2, TLB_PAGE_LO(v->special_pa >> 12) | TLB_C_CACHED | TLB_V | TLB_G);
	KCP0_WRITE(3, TLB_PAGE_LO((v->special_pa >> 12) + 1) | TLB_C_CACHED | TLB_D | TLB_V | TLB_G);
	KCP0_WRITE(5, 0);
	KCP0_WRITE(0, 0);
	HW_TLBOP("tlbwi");
	hwtlb_restore_hi();
}

/* Make asid the real ASID the guest runs with. */
void hwtlb_set_asid(uint32_t asid)
{
	mem_cpu_here()->cur_asid = asid & TLB_ASID;
	hwtlb_restore_hi();
}

/*
 * A real TLB exception at va in the supervisor segment (0xC0000000 up):
 * guest-physical memory is refilled from the pmap (a large page with
 * lpage=on), the special page's wired entry rewritten; anything else (a
 * store to the special page, an address beyond the VM's memory) is
 * forwarded to the guest's general vector, as a kernel fault.  Returns 1
 * (handled or forwarded here).
 */
int hwtlb_sseg_miss(struct vcpu *v, uint32_t va, int exccode)
{
	struct pmap *pm = v->vm->pmap;
	uint32_t off = va - GUEST_KERNBASE, lo0, lo1, mask;
	if (off < pm->npages * MEM_PAGE && exccode != EXC_MOD) {
		uint32_t base = pmap_sseg_entry(pm, off, vmm_lpage, &lo0, &lo1, &mask);
		hwtlb_write(base | mem_cpu_here()->cur_asid, lo0, lo1, mask);
		v->st.tlb_refill_monitor++;
		return 1;
	}
	if ((va & TLB_VPN2) == GUEST_SPECIAL && exccode != EXC_MOD) {
		hwtlb_special(v);
		v->st.tlb_refill_monitor++;
		return 1;
	}
	v->st.tlb_forwarded++;
	vmm_forward(v, (uint32_t)exccode, va, 0);
	return 1;
}
