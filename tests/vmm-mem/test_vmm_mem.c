/*
 * test_vmm_mem.c - host tests of the monitor's virtual TLB, L2TLB and
 * pmap logic (vmm/vtlb.c, vmm/l2tlb.c, vmm/pmap.c): R4000 answers to
 * tlbr/tlbp, large guest pages, L2TLB keys and purges, pmap translation
 * (isolation) and the large-page choice for the supervisor segment.
 */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "memint.h"

/* The pmap's arrays come from here instead of machine pages. */
void *mem_alloc_pages(int node, uint32_t npages)
{
	(void)node;
	return calloc(npages, MEM_PAGE);
}

/* The host's compare-and-swap for the backmap. */
bool katomic_cas(volatile uint32_t *p, uint32_t old, uint32_t new)
{
	return __atomic_compare_exchange_n(p, &old, new, 0, __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST);
}

#define LO(pfn, flags) (((uint32_t)(pfn) << 6) | (flags))

Test(vtlb, write_read_as_r4000)
{
	struct vtlb_entry e;
	uint32_t hi, lo0, lo1, mask;
	vtlb_write(&e, 0x00407fff, LO(5, 0x1f) | 0xc0000000u, LO(6, 0x1e), 0x6000);
	vtlb_read(&e, &hi, &lo0, &lo1, &mask);
	cr_expect_eq(hi, 0x004000ff, "VPN2 bits under the mask and 12:8 read as 0: %x", hi);
	cr_expect_eq(mask, 0x6000);
	cr_expect_eq(lo0, LO(5, 0x1e), "bits 31:30 dropped, G = lo0.G & lo1.G = 0");
	cr_expect_eq(lo1, LO(6, 0x1e));
	vtlb_write(&e, 0x2000, LO(1, 0x7), LO(2, 0x1), 0);
	vtlb_read(&e, &hi, &lo0, &lo1, &mask);
	cr_expect_eq(lo0 & TLB_G, 1u, "both G set: G reads back in both");
	cr_expect_eq(lo1 & TLB_G, 1u);
}

Test(vtlb, probe_asid_global_mask)
{
	struct vtlb_entry t[4];
	vtlb_write(&t[0], 0x00010000 | 5, LO(1, 6), 0, 0);
	vtlb_write(&t[1], 0x00020000 | 7, LO(2, 7), LO(3, 7), 0);   /* global */
	vtlb_write(&t[2], 0x00400000 | 5, LO(8, 6), LO(12, 6), 0x6000);
	vtlb_write(&t[3], 0x80000000, 0, 0, 0);
	cr_expect_eq(vtlb_probe(t, 4, 0x00010000 | 5), 0);
	cr_expect_eq(vtlb_probe(t, 4, 0x00010000 | 6), -1, "other ASID");
	cr_expect_eq(vtlb_probe(t, 4, 0x00020000 | 99), 1, "global matches any ASID");
	cr_expect_eq(vtlb_probe(t, 4, 0x00406000 | 5), 2, "inside a 16 KB pair");
	cr_expect_eq(vtlb_probe(t, 4, 0x00408000 | 5), -1, "past it");
	cr_expect_eq(vtlb_find(t, 4, 0x00011234, 5), 0);
	cr_expect_eq(vtlb_find(t, 4, 0x00012000, 5), -1);
}

Test(vtlb, find_large_and_odd_masks)
{
	struct vtlb_entry t[3];
	vtlb_write(&t[0], 0x02000000 | 4, LO(0x1000, 6), LO(0x2000, 6), 0x01FFE000); /* 16 MB pair */
	vtlb_write(&t[1], 0x08000000 | 4, LO(8, 6), LO(9, 6), 0x4000);  /* not a legal mask: as 0x6000 */
	t[2] = (struct vtlb_entry){ .hi = 0x00002000 | 4 };             /* set as the loader does: 4 KB */
	cr_expect_eq(vtlb_find(t, 3, 0x03ffffff, 4), 0, "last byte of the 32 MB");
	cr_expect_eq(vtlb_find(t, 3, 0x04000000, 4), -1, "past it");
	cr_expect_eq(vtlb_span(&t[0]), 0x02000000u);
	cr_expect_eq(vtlb_find(t, 3, 0x08006000, 4), 1, "16 KB pair from the widened mask");
	uint32_t hi, lo0, lo1, mask;
	vtlb_read(&t[1], &hi, &lo0, &lo1, &mask);
	cr_expect_eq(mask, 0x4000u, "tlbr returns the mask as written");
	cr_expect_eq(vtlb_find(t, 3, 0x00003fff, 4), 2);
	cr_expect_eq(vtlb_find(t, 3, 0x00004000, 4), -1, "a 4 KB pair only");
}

Test(vtlb, large_page_lo)
{
	struct vtlb_entry e;
	/* 16 KB pages: even half PFN 8 (covers 8..11), odd half PFN 12. */
	vtlb_write(&e, 0x00400000, LO(8, 6), LO(12, 2), 0x6000);
	cr_expect_eq(vtlb_span(&e), 0x8000u);
	cr_expect_eq(TLB_LO_PAGE(vtlb_page_lo(&e, 0x00400000)), 8u);
	cr_expect_eq(TLB_LO_PAGE(vtlb_page_lo(&e, 0x00403000)), 11u);
	cr_expect_eq(TLB_LO_PAGE(vtlb_page_lo(&e, 0x00404000)), 12u);
	cr_expect_eq(TLB_LO_PAGE(vtlb_page_lo(&e, 0x00405fff)), 13u);
	cr_expect_eq(vtlb_page_lo(&e, 0x00405000) & 7, 2u, "odd half's flags");
	struct vtlb_entry s;
	vtlb_write(&s, 0x00002000, LO(40, 6), LO(41, 6), 0);
	cr_expect_eq(TLB_LO_PAGE(vtlb_page_lo(&s, 0x3000)), 41u);
	cr_expect_eq(vtlb_span(&s), 0x2000u);
}

Test(vtlb, random_counts_down_to_wired)
{
	cr_expect_eq(vtlb_random_next(47, 0), 46u);
	cr_expect_eq(vtlb_random_next(0, 0), 47u);
	cr_expect_eq(vtlb_random_next(3, 3), 47u);
	cr_expect_eq(vtlb_random_next(4, 3), 3u);
	cr_expect_eq(vtlb_random_next(60, 0), 47u, "out of range restarts at 47");
}

Test(l2tlb, insert_lookup_asid)
{
	static struct l2tlb t;
	l2tlb_clear(&t);
	l2tlb_insert(&t, 0x00400000, 5, 0, 0x111, 0x222);
	struct l2tlb_entry *e = l2tlb_lookup(&t, 0x00401234, 5);
	cr_assert(e);
	cr_expect_eq(e->lo0, 0x111u);
	cr_expect_eq(e->lo1, 0x222u);
	cr_expect_null(l2tlb_lookup(&t, 0x00400000, 6), "other ASID");
	cr_expect_null(l2tlb_lookup(&t, 0x00402000, 5), "other pair");
	l2tlb_insert(&t, 0x00400000, 5, 0, 0x333, 0x444);
	cr_expect_eq(l2tlb_lookup(&t, 0x00400000, 5)->lo0, 0x333u, "replaced, not doubled");
	l2tlb_insert(&t, 0x00800000, 9, 1, 0x555, 0);
	cr_expect_not_null(l2tlb_lookup(&t, 0x00800000, 1), "global: any ASID");
}

Test(l2tlb, purge)
{
	static struct l2tlb t;
	l2tlb_clear(&t);
	l2tlb_insert(&t, 0x00400000, 5, 0, 1, 2);
	l2tlb_insert(&t, 0x00400000, 6, 0, 3, 4);
	cr_expect_eq(l2tlb_purge(&t, 0x00400000, 5, 0), L2_PURGED);
	cr_expect_null(l2tlb_lookup(&t, 0x00400000, 5));
	cr_expect_not_null(l2tlb_lookup(&t, 0x00400000, 6), "other ASID stays");
	cr_expect_eq(l2tlb_purge(&t, 0x00400000, 5, 0), 0);
	l2tlb_insert(&t, 0x00600000, 0, 1, 1, 1);
	cr_expect_eq(l2tlb_purge(&t, 0x00600000, 3, 0), L2_PURGED | L2_PURGED_GLOBAL);
	for (uint32_t va = 0x01000000; va < 0x01010000; va += 0x2000)
		l2tlb_insert(&t, va, 2, 0, 7, 7);
	cr_expect_eq(l2tlb_purge_range(&t, 0x01004000, 0x01008000, 2, 0), L2_PURGED);
	cr_expect_null(l2tlb_lookup(&t, 0x01006000, 2));
	cr_expect_not_null(l2tlb_lookup(&t, 0x01008000, 2));
	cr_expect_not_null(l2tlb_lookup(&t, 0x01002000, 2));
}

Test(l2tlb, set_conflicts_evict_one)
{
	static struct l2tlb t;
	l2tlb_clear(&t);
	/* The same VA in L2TLB_WAYS + 1 address spaces: one set, one victim. */
	for (uint32_t a = 1; a <= L2TLB_WAYS + 1; a++)
		l2tlb_insert(&t, 0x00400000, a, 0, a, a);
	int found = 0;
	for (uint32_t a = 1; a <= L2TLB_WAYS + 1; a++)
		found += l2tlb_lookup(&t, 0x00400000, a) != 0;
	cr_expect_eq(found, L2TLB_WAYS);
	cr_expect_not_null(l2tlb_lookup(&t, 0x00400000, L2TLB_WAYS + 1), "newest kept");
}

/* A pmap of npages backed contiguously from machine page first. */
static void pmap_contig(struct pmap *pm, uint32_t npages, uint32_t first)
{
	cr_assert_eq(pmap_init(pm, npages, 0), 0);
	for (uint32_t g = 0; g < npages; g++)
		pmap_set(pm, g, (first + g) * MEM_PAGE);
	pmap_order_compute(pm);
}

/* Give back a pmap_contig's arrays (one allocation, starting at lo). */
static void pmap_contig_free(struct pmap *pm)
{
	free(pm->lo);
}

Test(pmap, translate_isolates)
{
	struct pmap pm;
	pmap_contig(&pm, 256, 0x1000);
	cr_expect_eq(pmap_translate(&pm, LO(3, TLB_V | TLB_D | TLB_G)),
		     LO(0x1003, TLB_C_CACHED | TLB_D | TLB_V), "machine page, no G");
	cr_expect_eq(pmap_translate(&pm, LO(3, TLB_V)) & TLB_D, 0u, "guest's D only");
	cr_expect_eq(pmap_translate(&pm, LO(3, TLB_D)), 0u, "invalid stays invalid");
	cr_expect_eq(pmap_translate(&pm, LO(256, TLB_V | TLB_D)), TLB_LO_BAD);
	cr_expect_eq(pmap_translate(&pm, LO(0xffffff, TLB_V | TLB_D)), TLB_LO_BAD);
	cr_expect_eq(pmap_translate(&pm, 0xffffffffu), TLB_LO_BAD, "every bit set");
	cr_expect_eq(TLB_LO_BAD & TLB_LO_BITS, 0u, "BAD never reaches the hardware");
	pmap_backmap_add(&pm, LO(3, TLB_V), 2);
	pmap_backmap_add(&pm, LO(3, TLB_V), 5);
	pmap_backmap_add(&pm, LO(4, 0), 1);
	pmap_backmap_add(&pm, LO(999, TLB_V), 1);
	cr_expect_eq(pm.backmap[3], 0x24u, "vCPUs 2 and 5");
	cr_expect_eq(pm.backmap[4], 0u, "invalid pages are not mapped");
	pmap_contig_free(&pm);
}

Test(pmap, sseg_large_pages)
{
	struct pmap pm;
	uint32_t lo0, lo1, mask;
	pmap_contig(&pm, 16384, 0x4000);   /* 64 MB at machine 64 MB: aligned */
	uint32_t base = pmap_sseg_entry(&pm, 0x01234567, 1, &lo0, &lo1, &mask);
	cr_expect_eq(mask, 0x01FFE000u, "16 MB pages");
	cr_expect_eq(base, GUEST_KERNBASE, "32 MB pair at 0");
	cr_expect_eq(TLB_LO_PAGE(lo1), 0x4000u + 4096);
	cr_expect_eq(lo0 & TLB_G, 1u);
	base = pmap_sseg_entry(&pm, 0x01234567, 0, &lo0, &lo1, &mask);
	cr_expect_eq(mask, 0u, "lpage off: 4 KB");
	cr_expect_eq(base, GUEST_KERNBASE + 0x01234000);
	cr_expect_eq(TLB_LO_PAGE(lo0), 0x4000u + 0x1234);
	/* One page moved elsewhere breaks the blocks holding it, no others. */
	pmap_set(&pm, 0x1235, 0x100000 * MEM_PAGE);
	pmap_order_compute(&pm);
	base = pmap_sseg_entry(&pm, 0x01234567, 1, &lo0, &lo1, &mask);
	cr_expect_eq(mask, 0u, "its pair is 4 KB");
	base = pmap_sseg_entry(&pm, 0x01238000, 1, &lo0, &lo1, &mask);
	cr_expect_eq(mask, 0x6000u, "the next 32 KB: 16 KB pages");
	base = pmap_sseg_entry(&pm, 0x02000000, 1, &lo0, &lo1, &mask);
	cr_expect_eq(mask, 0x01FFE000u, "the other 32 MB untouched");
	cr_expect_eq(base, GUEST_KERNBASE + 0x02000000);
	pmap_contig_free(&pm);
}

Test(pmap, sseg_misaligned_machine_memory)
{
	struct pmap pm;
	uint32_t lo0, lo1, mask;
	pmap_contig(&pm, 1024, 0x4001);    /* contiguous but off by one page */
	pmap_sseg_entry(&pm, 0x00100000, 1, &lo0, &lo1, &mask);
	cr_expect_eq(mask, 0u, "no aligned block: 4 KB pairs");
	pmap_contig_free(&pm);
	pmap_contig(&pm, 1024, 0x4004);    /* 16 KB aligned */
	pmap_sseg_entry(&pm, 0x00100000, 1, &lo0, &lo1, &mask);
	cr_expect_eq(mask, 0x6000u);
	pmap_contig_free(&pm);
}
