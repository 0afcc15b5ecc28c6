/*
 * vtlb.c - a virtual CPU's 48-entry TLB, kept exactly as an R4000 keeps
 * its own: what the guest's tlbr reads back and tlbp finds.  Plain C on
 * struct vtlb_entry arrays (no CP0 access), so host tests compile it.
 *
 * An entry stores what a tlbwi/tlbwr would store (memint.h draws the
 * formats):
 *
 *   hi    VPN2 with the bits PageMask covers cleared | ASID; 12:8 zero
 *   lo0   EntryLo0 bits 29:0, G replaced by the entry's G
 *   lo1   EntryLo1 bits 29:0, G replaced by the entry's G
 *   mask  PageMask bits 24:13
 *   ign   mask with every bit below its highest one set: the VPN2 bits
 *         a lookup ignores, computed once when the entry is written (an
 *         entry set to zeroes but for hi is a 4 KB pair: ign 0 is right)
 *
 * The entry's G is EntryLo0.G AND EntryLo1.G; tlbr returns it in both.
 * A lookup is then one compare per entry:
 *
 *   match = ((hi ^ va) & VPN2 & ~ign) == 0 && (G || hi.ASID == asid)
 */
#include "memint.h"

/* The mask with every bit from 13 up to mask's highest bit set (legal masks are already so). */
static uint32_t vtlb_fullmask(uint32_t mask)
{
	uint32_t m = mask & TLB_MASK_BITS;
	for (uint32_t b = 0x01000000u; b > 0x2000u; b >>= 1)
		if (m & b)
			m |= b >> 1;
	return m;
}

/* Number of mask bits: the entry's pages are 4 KB << k. */
static int vtlb_order(const struct vtlb_entry *e)
{
	int k = 0;
	for (uint32_t m = e->ign >> 13; m; m >>= 1)
		k++;
	return k;
}

/* Store (hi, lo0, lo1, mask) as the hardware would into entry e. */
void vtlb_write(struct vtlb_entry *e, uint32_t hi, uint32_t lo0, uint32_t lo1,
		uint32_t mask)
{
	uint32_t g = lo0 & lo1 & TLB_G;
	e->mask = mask & TLB_MASK_BITS;
	e->ign = vtlb_fullmask(e->mask);
	e->hi = (hi & TLB_VPN2 & ~e->mask) | (hi & TLB_ASID);
	e->lo0 = (lo0 & TLB_LO_BITS & ~TLB_G) | g;
	e->lo1 = (lo1 & TLB_LO_BITS & ~TLB_G) | g;
}

/* Read entry e back as tlbr does: EntryHi (with its ASID), EntryLo0/1, PageMask. */
void vtlb_read(const struct vtlb_entry *e, uint32_t *hi, uint32_t *lo0,
	       uint32_t *lo1, uint32_t *mask)
{
	*hi = e->hi;
	*lo0 = e->lo0;
	*lo1 = e->lo1;
	*mask = e->mask;
}

/* Is entry e global (matches every ASID)? */
int vtlb_is_global(const struct vtlb_entry *e)
{
	return (e->lo0 & TLB_G) != 0;
}

/* Does entry e map a valid page in either half? */
int vtlb_is_valid(const struct vtlb_entry *e)
{
	return ((e->lo0 | e->lo1) & TLB_V) != 0;
}

/* Does entry e match virtual address va in address space asid? */
static inline int vtlb_match(const struct vtlb_entry *e, uint32_t va, uint32_t asid)
{
	if ((e->hi ^ va) & TLB_VPN2 & ~e->ign)
		return 0;
	return (e->lo0 & TLB_G) || ((e->hi ^ asid) & TLB_ASID) == 0;
}

/* tlbp: the index of the first of the n entries matching EntryHi hi, or -1. */
int vtlb_probe(const struct vtlb_entry *t, int n, uint32_t hi)
{
	return vtlb_find(t, n, hi & TLB_VPN2, hi & TLB_ASID);
}

/* The index of the first of the n entries translating va for asid, or -1. */
int vtlb_find(const struct vtlb_entry *t, int n, uint32_t va, uint32_t asid)
{
	for (int i = 0; i < n; i++)
		if (vtlb_match(&t[i], va, asid))
			return i;
	return -1;
}

/* Bytes of virtual space entry e covers (both halves). */
uint32_t vtlb_span(const struct vtlb_entry *e)
{
	return 2u * (MEM_PAGE << vtlb_order(e));
}

/*
 * The guest EntryLo of the 4 KB page holding va under entry e (which must
 * match va): the half's EntryLo with its PFN moved to that 4 KB page, as
 * the hardware forms the physical address of a large page.
 */
uint32_t vtlb_page_lo(const struct vtlb_entry *e, uint32_t va)
{
	int k = vtlb_order(e);
	uint32_t lo = (va >> (12 + k)) & 1 ? e->lo1 : e->lo0;
	uint32_t low = (1u << k) - 1;
	uint32_t pfn = (TLB_LO_PAGE(lo) & ~low) | ((va >> 12) & low);
	return (lo & ~TLB_LO_PFN) | TLB_PAGE_LO(pfn);
}

/* The virtual Random after a tlbwr: counts down from 47 to Wired, then wraps. */
uint32_t vtlb_random_next(uint32_t random, uint32_t wired)
{
	if (wired >= VMM_VTLB || random <= wired || random >= VMM_VTLB)
		return VMM_VTLB - 1;
	return random - 1;
}
