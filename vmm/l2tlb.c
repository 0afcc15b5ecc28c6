/*
 * l2tlb.c - the second-level software TLB of a virtual CPU (Disco,
 * section 4.2.2): a cache of the guest's TLB entries already translated
 * to machine pages, much larger than the 48 entries the guest believes
 * it has, consulted on every user-segment miss before the miss is
 * forwarded to the guest.  Plain C, so host tests compile it.
 *
 * Entries are always 4 KB page pairs (hardware-ready), keyed by VPN2 and
 * guest ASID, or by VPN2 alone for a global entry; 256 sets of 4 ways,
 * the set chosen by a hash of the VPN2 only (a global entry must be found
 * whatever the ASID):
 *
 *   set = (vpn2 ^ vpn2 >> 8) & 255      vpn2 = va >> 13
 *
 *   set[s]: | way 0 | way 1 | way 2 | way 3 |   victim: next[s]++ & 3
 *   way:    | hi = VPN2 | ASID | lo0 | lo1 | flags (VALID, GLOBAL) |
 *
 * At most one entry of a set can match a (va, asid) lookup: inserting
 * removes every entry the new one would overlap.
 */
#include "memint.h"

/* The set of va's page pair. */
static struct l2tlb_entry *l2tlb_set(struct l2tlb *t, uint32_t va, int *s)
{
	uint32_t vpn2 = va >> 13;
	*s = (int)((vpn2 ^ (vpn2 >> 8)) & (L2TLB_SETS - 1));
	return t->set[*s];
}

/* Does entry e translate va for asid (asid ignored for a global e)? */
static int l2tlb_match(const struct l2tlb_entry *e, uint32_t va, uint32_t asid)
{
	if (!(e->flags & L2_VALID) || ((e->hi ^ va) & TLB_VPN2))
		return 0;
	return (e->flags & L2_GLOBAL) || (e->hi & TLB_ASID) == (asid & TLB_ASID);
}

/* Empty the whole cache. */
void l2tlb_clear(struct l2tlb *t)
{
	memset(t, 0, sizeof *t);
}

/* The entry translating va in address space asid, or 0. */
struct l2tlb_entry *l2tlb_lookup(struct l2tlb *t, uint32_t va, uint32_t asid)
{
	int s;
	struct l2tlb_entry *set = l2tlb_set(t, va, &s);
	for (int w = 0; w < L2TLB_WAYS; w++)
		if (l2tlb_match(&set[w], va, asid))
			return &set[w];
	return 0;
}

/* Remove the entries of va's pair matching asid (every ASID if global); L2_PURGED* bits. */
int l2tlb_purge(struct l2tlb *t, uint32_t va, uint32_t asid, int global)
{
	int s, r = 0;
	struct l2tlb_entry *set = l2tlb_set(t, va, &s);
	for (int w = 0; w < L2TLB_WAYS; w++) {
		struct l2tlb_entry *e = &set[w];
		if (!(e->flags & L2_VALID) || ((e->hi ^ va) & TLB_VPN2))
			continue;
		if (global || l2tlb_match(e, va, asid)) {
			r |= (e->flags & L2_GLOBAL) ? L2_PURGED_GLOBAL | L2_PURGED : L2_PURGED;
			e->flags = 0;
		}
	}
	return r;
}

/* Remove every entry in [lo, hi) matching asid (every ASID if global); L2_PURGED* bits. */
int l2tlb_purge_range(struct l2tlb *t, uint32_t lo, uint32_t hi, uint32_t asid,
		      int global)
{
	int r = 0;
	for (int s = 0; s < L2TLB_SETS; s++) {
		for (int w = 0; w < L2TLB_WAYS; w++) {
			struct l2tlb_entry *e = &t->set[s][w];
			uint32_t va = e->hi & TLB_VPN2;
			if (!(e->flags & L2_VALID) || va < (lo & TLB_VPN2) || va >= hi)
				continue;
			if (global || l2tlb_match(e, va, asid)) {
				r |= (e->flags & L2_GLOBAL) ? L2_PURGED_GLOBAL | L2_PURGED : L2_PURGED;
				e->flags = 0;
			}
		}
	}
	return r;
}

/* Cache the translated pair (lo0, lo1) of va for asid (or every ASID: global). */
void l2tlb_insert(struct l2tlb *t, uint32_t va, uint32_t asid, int global,
		  uint32_t lo0, uint32_t lo1)
{
	int s, w;
	struct l2tlb_entry *set = l2tlb_set(t, va, &s);
	l2tlb_purge(t, va, asid, global);
	for (w = 0; w < L2TLB_WAYS; w++)
		if (!(set[w].flags & L2_VALID))
			break;
	if (w == L2TLB_WAYS)
		w = t->next[s]++ & (L2TLB_WAYS - 1);
	set[w].hi = (va & TLB_VPN2) | (asid & TLB_ASID);
	set[w].lo0 = lo0;
	set[w].lo1 = lo1;
	set[w].flags = L2_VALID | (global ? L2_GLOBAL : 0);
}
