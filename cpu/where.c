/*
 * where.c - explaining an address to a debugger: which segment, which TLB
 * entry, which physical address, and which exception an access from the
 * current mode would raise and why.  Nothing here changes CPU state.
 */
#include "cpu/cpu_internal.h"

/* Number of TLB entries (48). */
int cpu_tlb_size(void)
{
	return CPU_TLB_ENTRIES;
}

/* Read TLB entry k (0..47) without touching CP0; false if k is bad. */
bool cpu_tlb_get(const struct cpu *c, int k, struct cpu_tlb_entry *e)
{
	if (k < 0 || k >= CPU_TLB_ENTRIES)
		return false;
	const struct cpu_tlbe *t = &c->tlb[k];
	e->pagemask = t->pagemask;
	e->entryhi = t->entryhi;
	e->entrylo0 = t->lo0 | (t->g ? 1u : 0u);
	e->entrylo1 = t->lo1 | (t->g ? 1u : 0u);
	return true;
}

/* Name of the 32-bit segment holding va. */
static const char *where_segment(uint32_t va, enum cpu_mode mode)
{
	if (va < 0x80000000u)
		return mode == CPU_MODE_USER ? "useg"
		       : mode == CPU_MODE_SUPER ? "suseg" : "kuseg";
	if (va < 0xA0000000u)
		return "kseg0";
	if (va < 0xC0000000u)
		return "kseg1";
	if (va < 0xE0000000u)
		return mode == CPU_MODE_SUPER ? "sseg" : "ksseg";
	return "kseg3";
}

/* True if mode may reach the 32-bit segment holding va (R4000 segment rules). */
static bool where_segment_open(uint32_t va, enum cpu_mode mode)
{
	if (mode == CPU_MODE_USER)
		return va < 0x80000000u;
	if (mode == CPU_MODE_SUPER)
		return va < 0x80000000u || (va >= 0xC0000000u && va < 0xE0000000u);
	return true;
}

/* The sentence explaining exception code for this access by mode. */
static const char *where_why(int code, bool refill, uint32_t va,
			     enum cpu_mode mode, const struct cpu_where *w)
{
	switch (code) {
	case EXC_ADEL:
	case EXC_ADES:
		return where_segment_open(va, mode)
			       ? "the address is not aligned for this access"
			       : "the segment is not accessible in this mode";
	case EXC_TLBL:
	case EXC_TLBS:
		return refill ? "no TLB entry matches the VPN2 and the current "
				"ASID (or G)"
			      : "the matching TLB entry has V=0 for this page";
	case EXC_MOD:
		return "a store to a page whose TLB entry has D=0";
	case EXC_IBE:
	case EXC_DBE:
		return "the page maps beyond 4 GB of physical memory";
	default:
		return w->ok ? "no exception" : "unknown";
	}
}

/* Walk va through segment and TLB as an access would, changing nothing. */
void cpu_debug_where(const struct cpu *c, uint64_t va64,
		     enum cpu_where_access acc, struct cpu_where *w)
{
	static const char *const modes[CPU_NMODES] = {
		"kernel", "supervisor", "user", "kernel (ERL)",
	};
	static const enum cpu_access kinds[] = {CPU_LOAD, CPU_STORE, CPU_FETCH};
	uint32_t va = (uint32_t)va64;
	memset(w, 0, sizeof(*w));
	w->mode = modes[c->mode];
	w->segment = where_segment(va, c->mode);
	w->mapped = (va < 0x80000000u && c->mode != CPU_MODE_ERL) ||
		    va >= 0xC0000000u;
	w->tlb_index = w->mapped ? cpu_tlb_match(c, va) : -1;
	if (w->tlb_index >= 0) {
		const struct cpu_tlbe *e = &c->tlb[w->tlb_index];
		w->page_size = ((e->pagemask | 0x1fffu) + 1) >> 1;
		w->odd = (va & w->page_size) != 0;
	}
	int code = cpu_translate(c, va, kinds[acc], &w->pa, &w->refill,
				 &w->cached);
	if (code == 0 && acc == CPU_WHERE_FETCH && (va & 3u))
		code = EXC_ADEL; /* instructions are word-aligned */
	w->ok = code == 0;
	w->exc_code = code;
	w->why = where_why(code, w->refill, va, c->mode, w);
}
