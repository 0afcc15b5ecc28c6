/*
 * pmap.c - a VM's physical map (Disco, section 4.2.2): for each
 * guest-physical page, the machine page behind it as a precomputed
 * EntryLo, the size of the large page it may be mapped with, and a
 * backmap of the virtual CPUs that got a user-segment mapping of it.
 *
 *   gpn = gpa >> 12
 *   lo[gpn]      | 0 | machine PFN (29:6) | C = 3 | D = 1 | V = 1 | G = 0 |
 *   order[gpn]   k: the 2^k pages from gpn are machine-contiguous and
 *                machine-aligned like gpn (meaningful where gpn is aligned
 *                to 2^k); 0 at least
 *   backmap[gpn] bit i: vCPU i inserted a translation of the page into
 *                its L2TLB or hardware TLB (who must forget it before the
 *                page may move: migration, replication, reclaiming)
 *
 * Guest EntryLo values are translated here; whatever PFN the guest
 * writes, the result is a page of this pmap or an invalid entry.
 */
#include "memint.h"

#define PMAP_MAXORDER 12   /* 2^12 pages: a 16 MB half, the R4000's largest */

/* Allocate the arrays of a pmap of npages guest pages on node; 0, or -1. */
int pmap_init(struct pmap *pm, uint32_t npages, int node)
{
	uint32_t bytes = npages * 4 + npages + npages * 4;
	char *p = mem_alloc_pages(node, (bytes + MEM_PAGE - 1) / MEM_PAGE);
	if (!p)
		return -1;
	pm->npages = npages;
	pm->lo = (uint32_t *)p;
	pm->backmap = (volatile uint32_t *)(p + npages * 4);
	pm->order = (uint8_t *)(p + npages * 8);
	pm->zeroed = pm->freed = 0;
	return 0;
}

/* Back guest page gpn with the machine page at pa (pmap_order_compute afterwards). */
void pmap_set(struct pmap *pm, uint32_t gpn, uint32_t pa)
{
	pm->lo[gpn] = TLB_PAGE_LO(pa >> 12) | TLB_C_CACHED | TLB_D | TLB_V;
}

/* Is [g, g + 2n) two machine-contiguous runs of order k-1 forming one aligned run? */
static int pmap_can_merge(const struct pmap *pm, uint32_t g, uint32_t n, int k)
{
	if (g + 2 * n > pm->npages)
		return 0;
	if (pm->order[g] < k - 1 || pm->order[g + n] < k - 1)
		return 0;
	uint32_t m0 = TLB_LO_PAGE(pm->lo[g]), m1 = TLB_LO_PAGE(pm->lo[g + n]);
	return m1 == m0 + n && (m0 & (2 * n - 1)) == 0;
}

/* Fill order[]: bottom-up, each aligned block of 2^k pages from two of 2^(k-1). */
void pmap_order_compute(struct pmap *pm)
{
	memset(pm->order, 0, pm->npages);
	for (int k = 1; k <= PMAP_MAXORDER; k++) {
		uint32_t n = 1u << (k - 1);
		for (uint32_t g = 0; g + 2 * n <= pm->npages; g += 2 * n)
			if (pmap_can_merge(pm, g, n, k))
				pm->order[g] = (uint8_t)k;
	}
}

/*
 * The machine EntryLo for the guest's EntryLo glo (already narrowed to
 * one 4 KB page): invalid if the guest's is, TLB_LO_BAD (invalid too) if
 * its PFN is outside the VM; D only if the guest's D; never G.
 */
uint32_t pmap_translate(struct pmap *pm, uint32_t glo)
{
	if (!(glo & TLB_V))
		return 0;
	uint32_t gpn = TLB_LO_PAGE(glo);
	if (gpn >= pm->npages)
		return TLB_LO_BAD;
	uint32_t lo = pm->lo[gpn];
	return (glo & TLB_D) ? lo : lo & ~TLB_D;
}

/* Note in the backmap that vCPU vcpu maps the page of guest EntryLo glo (other CPUs may too: LL/SC). */
void pmap_backmap_add(struct pmap *pm, uint32_t glo, int vcpu)
{
	uint32_t gpn = TLB_LO_PAGE(glo), bit = 1u << (vcpu & 31), old;
	if (!(glo & TLB_V) || gpn >= pm->npages)
		return;
	do {
		old = pm->backmap[gpn];
		if (old & bit)
			return;
	} while (!katomic_cas(&pm->backmap[gpn], old, old | bit));
}

/*
 * The hardware entry mapping guest-physical offset off in the supervisor
 * segment: returns its virtual base (GUEST_KERNBASE + the pair's gpa) and
 * fills EntryLo0/1 (global) and PageMask.  With lpage, the largest R4000
 * page size whose two halves are each machine-contiguous and aligned;
 * the choice depends only on off, so entries never overlap.
 */
uint32_t pmap_sseg_entry(const struct pmap *pm, uint32_t off, int lpage,
			 uint32_t *lo0, uint32_t *lo1, uint32_t *mask)
{
	uint32_t gpn = off >> 12;
	int k = lpage ? PMAP_MAXORDER : 0;
	for (; k > 0; k -= 2) {
		uint32_t half = 1u << k, base = gpn & ~(2 * half - 1);
		if (base + 2 * half <= pm->npages && pm->order[base] >= k &&
		    pm->order[base + half] >= k)
			break;
	}
	uint32_t half = 1u << k, base = gpn & ~(2 * half - 1);
	*lo0 = pm->lo[base] | TLB_G;
	*lo1 = base + half < pm->npages ? pm->lo[base + half] | TLB_G : TLB_G;
	*mask = (half - 1) << 13;
	return GUEST_KERNBASE + base * MEM_PAGE;
}
