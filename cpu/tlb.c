/*
 * tlb.c - the R4000 address map and joint TLB (User's Manual, ch. 4): the
 * segment rules of each mode, the 48-entry TLB of even/odd page pairs with
 * variable page sizes, tlbp/tlbr/tlbwi/tlbwr, and keeping the software
 * TLBs of host pointers coherent with it.
 *
 * 32-bit address map (KX = SX = UX = 0):
 *
 *   0xFFFFFFFF +-----------+
 *              |   kseg3   |  kernel, mapped
 *   0xE0000000 +-----------+
 *              | sseg/ksseg|  supervisor and kernel, mapped
 *   0xC0000000 +-----------+
 *              |   kseg1   |  kernel, unmapped, uncached (pa = va - 0xA0000000)
 *   0xA0000000 +-----------+
 *              |   kseg0   |  kernel, unmapped, cached (pa = va - 0x80000000)
 *   0x80000000 +-----------+
 *              |kuseg/suseg|  all modes, mapped (unmapped in kernel if ERL=1)
 *   0x00000000 +-----------+
 */
#include "cpu/cpu_internal.h"

/* Address error code for an access kind. */
static int tlb_ade(enum cpu_access acc)
{
	return acc == CPU_STORE ? EXC_ADES : EXC_ADEL;
}

/* Index of the TLB entry that maps va under the current ASID, or -1. */
int cpu_tlb_match(const struct cpu *c, uint32_t va)
{
	uint32_t asid = c->cp0.entryhi & 0xffu;
	for (int k = 0; k < CPU_TLB_ENTRIES; k++) {
		const struct cpu_tlbe *e = &c->tlb[k];
		uint32_t mask = e->pagemask | 0x1fffu;
		if (((va ^ e->entryhi) & ~mask) == 0 &&
		    (e->g || (e->entryhi & 0xffu) == asid))
			return k;
	}
	return -1;
}

/* Translate a mapped va through the TLB; 0 or an exception code. */
static int tlb_lookup(const struct cpu *c, uint32_t va, enum cpu_access acc,
		      uint32_t *pa, bool *refill, bool *cacheable)
{
	int k = cpu_tlb_match(c, va);
	int miss = acc == CPU_STORE ? EXC_TLBS : EXC_TLBL;
	*refill = k < 0;
	if (k < 0)
		return miss;
	const struct cpu_tlbe *e = &c->tlb[k];
	uint32_t half = ((e->pagemask | 0x1fffu) + 1) >> 1; /* page size */
	uint32_t lo = (va & half) ? e->lo1 : e->lo0;
	if (!(lo & 2u))
		return miss;
	if (acc == CPU_STORE && !(lo & 4u))
		return EXC_MOD;
	uint64_t frame = (uint64_t)(lo >> 6 & 0xffffffu) << 12;
	uint64_t full = (frame & ~(uint64_t)(half - 1)) | (va & (half - 1));
	if (full >> 32)
		return acc == CPU_FETCH ? EXC_IBE : EXC_DBE;
	*pa = (uint32_t)full;
	*cacheable = ((lo >> 3) & 7u) != 2;
	return 0;
}

/*
 * Translate va for an access of kind acc in the current mode.  Returns 0
 * and sets *pa, or returns the exception code; *refill says whether a TLB
 * exception found no entry at all.  Changes no state.
 */
int cpu_translate(const struct cpu *c, uint32_t va, enum cpu_access acc,
		  uint32_t *pa, bool *refill, bool *cacheable)
{
	*refill = false;
	*cacheable = true;
	if (va < 0x80000000u) {
		if (c->mode == CPU_MODE_ERL) {
			*pa = va;
			return 0;
		}
		return tlb_lookup(c, va, acc, pa, refill, cacheable);
	}
	if (c->mode == CPU_MODE_USER)
		return tlb_ade(acc);
	if (c->mode == CPU_MODE_SUPER) {
		if (va >= 0xC0000000u && va < 0xE0000000u)
			return tlb_lookup(c, va, acc, pa, refill, cacheable);
		return tlb_ade(acc);
	}
	if (va < 0xA0000000u) {
		*pa = va - 0x80000000u;
		*cacheable = (c->cp0.config & 7u) != 2;
		return 0;
	}
	if (va < 0xC0000000u) {
		*pa = va - 0xA0000000u;
		*cacheable = false;
		return 0;
	}
	return tlb_lookup(c, va, acc, pa, refill, cacheable);
}

/* Invalidate every software TLB entry whose tag satisfies drop. */
static void stlb_flush_if(struct cpu *c, bool (*drop)(int mode, uint32_t tag))
{
	for (int m = 0; m < CPU_NMODES; m++)
		for (int k = 0; k < CPU_STLB_N; k++) {
			if (drop(m, c->rd[m][k].tag))
				c->rd[m][k].tag = CPU_STLB_INVALID;
			if (drop(m, c->wr[m][k].tag))
				c->wr[m][k].tag = CPU_STLB_INVALID;
			if (drop(m, c->it[m][k].tag))
				c->it[m][k].tag = CPU_STLB_INVALID;
		}
}

/* Every entry goes. */
static bool stlb_any(int mode, uint32_t tag)
{
	(void)mode, (void)tag;
	return true;
}

/* Entries for addresses that go through the TLB in that mode go. */
static bool stlb_mapped(int mode, uint32_t tag)
{
	return tag >= 0xC0000000u ||
	       (tag < 0x80000000u && mode != CPU_MODE_ERL);
}

/* Drop every software TLB entry of every mode. */
void cpu_stlb_flush_all(struct cpu *c)
{
	stlb_flush_if(c, stlb_any);
}

/* Drop software TLB entries for the pages of virtual [lo, hi]. */
void cpu_stlb_flush_range(struct cpu *c, uint32_t lo, uint32_t hi)
{
	if (((hi - lo) >> CPU_PAGE_SHIFT) >= CPU_STLB_N) {
		stlb_flush_if(c, stlb_mapped);
		return;
	}
	for (uint32_t pg = lo & ~0xfffu;; pg += CPU_PAGE_SIZE) {
		int k = (pg >> 12) & (CPU_STLB_N - 1);
		for (int m = 0; m < CPU_NMODES; m++) {
			if ((c->rd[m][k].tag & ~0xfffu) == pg)
				c->rd[m][k].tag = CPU_STLB_INVALID;
			if ((c->wr[m][k].tag & ~0xfffu) == pg)
				c->wr[m][k].tag = CPU_STLB_INVALID;
			if ((c->it[m][k].tag & ~0xfffu) == pg)
				c->it[m][k].tag = CPU_STLB_INVALID;
		}
		if (pg >= (hi & ~0xfffu))
			break;
	}
}

/* Drop the software TLB entries that depend on TLB entry k. */
static void tlb_forget(struct cpu *c, int k)
{
	const struct cpu_tlbe *e = &c->tlb[k];
	uint32_t mask = e->pagemask | 0x1fffu;
	uint32_t lo = e->entryhi & ~mask;
	cpu_stlb_flush_range(c, lo, lo + mask);
}

/* Set EntryHi, dropping mapped shortcuts when the ASID changes. */
void cpu_set_entryhi(struct cpu *c, uint32_t v)
{
	v &= 0xffffe0ffu;
	if ((v ^ c->cp0.entryhi) & 0xffu)
		stlb_flush_if(c, stlb_mapped);
	c->cp0.entryhi = v;
}

/* Current value of Random: counts down from 47 to Wired, once per insn. */
uint32_t cpu_random(const struct cpu *c)
{
	uint32_t wired = c->cp0.wired;
	if (wired >= CPU_TLB_ENTRIES)
		return CPU_TLB_ENTRIES - 1;
	uint32_t span = CPU_TLB_ENTRIES - wired;
	uint64_t steps = cpu_now_insns(c) - c->random_at;
	return CPU_TLB_ENTRIES - 1 - (uint32_t)(steps % span);
}

/* True if entries a and b can both match some address (R4000 shutdown). */
static bool tlb_overlap(const struct cpu_tlbe *a, const struct cpu_tlbe *b)
{
	uint32_t ma = a->pagemask | 0x1fffu, mb = b->pagemask | 0x1fffu;
	uint32_t la = a->entryhi & ~ma, lb = b->entryhi & ~mb;
	bool asid = a->g || b->g ||
		    (a->entryhi & 0xffu) == (b->entryhi & 0xffu);
	return asid && la <= lb + mb && lb <= la + ma;
}

/* The TLB checker: stop if entry index now overlaps another one. */
static void tlb_check(struct cpu *c, int index)
{
	for (int k = 0; k < CPU_TLB_ENTRIES; k++)
		if (k != index && tlb_overlap(&c->tlb[index], &c->tlb[k])) {
			c->tlb_written = index;
			c->tlb_other = k;
			cpu_stop_with(c, CPU_STOP_TLB);
			return;
		}
}

/*
 * Write EntryHi, EntryLo0/1 and PageMask into TLB entry index, for the
 * tlbwi/tlbwr at pc.
 */
void cpu_tlb_write(struct cpu *c, int index, uint32_t pc)
{
	if (index < 0 || index >= CPU_TLB_ENTRIES)
		return; /* the R4000 leaves this undefined; we ignore it */
	tlb_forget(c, index);
	struct cpu_tlbe *e = &c->tlb[index];
	e->pagemask = c->cp0.pagemask;
	e->entryhi = c->cp0.entryhi & ~e->pagemask;
	e->lo0 = c->cp0.entrylo0 & ~1u;
	e->lo1 = c->cp0.entrylo1 & ~1u;
	e->g = (c->cp0.entrylo0 & c->cp0.entrylo1 & 1u) != 0;
	c->tlb_writer[index] = pc;
	tlb_forget(c, index);
	if (c->check_tlb)
		tlb_check(c, index);
	if (unlikely(c->trace_mask & CPU_TRACE_TLB)) {
		struct cpu_tlb_entry img;
		cpu_tlb_get(c, index, &img);
		c->trace->tlb(c->trace_ctx, c->id, index, &img, pc);
	}
}

/* Read TLB entry index into EntryHi, EntryLo0/1 and PageMask (tlbr). */
void cpu_tlb_read(struct cpu *c, int index)
{
	if (index < 0 || index >= CPU_TLB_ENTRIES)
		return;
	const struct cpu_tlbe *e = &c->tlb[index];
	c->cp0.pagemask = e->pagemask;
	cpu_set_entryhi(c, e->entryhi);
	c->cp0.entrylo0 = e->lo0 | (e->g ? 1u : 0u);
	c->cp0.entrylo1 = e->lo1 | (e->g ? 1u : 0u);
}

/* Look EntryHi up in the TLB and set Index, or Index.P on a miss (tlbp). */
void cpu_tlb_probe(struct cpu *c)
{
	int k = cpu_tlb_match(c, c->cp0.entryhi);
	if (k >= 0)
		c->cp0.index = (uint32_t)k;
	else
		c->cp0.index |= 0x80000000u;
}
