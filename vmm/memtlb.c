/*
 * memtlb.c - the guest's TLB instructions and the real TLB misses of its
 * user segment: the virtual TLB (vtlb.c) answers tlbr and tlbp exactly as
 * an R4000 would; what the guest writes is translated through the pmap,
 * cached in the L2TLB (l2tlb.c) and inserted into the hardware TLB.
 *
 *   guest tlbwi/tlbwr --> vtlb[i] --translate--> L2TLB --> hardware TLB
 *                          (guest PFNs)   pmap     (machine PFNs, 4 KB pairs)
 *
 *   real miss at va < 0x80000000:  L2TLB, else vtlb  -> insert, resume
 *                                  neither           -> forward (refill)
 *
 * Only user-segment entries (VPN2 below 0x80000000) reach the hardware:
 * the supervisor segment belongs to the monitor.  A guest's global entry
 * is inserted under the current real ASID (never global: that would match
 * other VMs).  Lifetimes:
 *
 * - tlbwr replaces an entry for room only: what it translated stays in
 *   the L2TLB and the hardware (Disco's second-level TLB: the guest's
 *   page tables still say so until it drops the translation itself);
 * - tlbwi drops what the overwritten entry translated;
 * - tlbp drops the L2TLB and hardware entries of the probed VPN2 + ASID
 *   (the guest probes before it changes or drops a mapping);
 * - when the guest's TLB holds no valid page any more (a full flush, as
 *   the guest does when its ASIDs wrap), all of the vCPU's are dropped.
 *
 * MC_TLB_DROP(va, asid) does in one trap what the guest's flush of one
 * page pair does in eight (mtc0 EntryHi, tlbp, mfc0 Index, mtc0 EntryHi,
 * EntryLo0, EntryLo1, tlbwi, mtc0 EntryHi), with the same effect on every
 * virtual register and entry: tlbp of (va, asid); if an entry matched,
 * it becomes the unmatchable invalid entry KSEG0 + index << 13 (tlbwi,
 * EntryLo0/1 = 0); the virtual EntryHi is left as it was.
 */
#include "memint.h"

/* The guest's current ASID: its virtual EntryHi's. */
uint32_t mem_guest_asid(struct vcpu *v)
{
	return v->special[SP_ENTRYHI / 4] & TLB_ASID;
}

/* Translate the 4 KB pair of va under guest entry e into machine EntryLo0/1. */
static void memtlb_translate(struct vcpu *v, const struct vtlb_entry *e,
			     uint32_t va, uint32_t *lo0, uint32_t *lo1)
{
	struct pmap *pm = v->vm->pmap;
	uint32_t g0 = vtlb_page_lo(e, va & TLB_VPN2);
	uint32_t g1 = vtlb_page_lo(e, (va & TLB_VPN2) | MEM_PAGE);
	*lo0 = pmap_translate(pm, g0);
	*lo1 = pmap_translate(pm, g1);
	pmap_backmap_add(pm, g0, v->id);
	pmap_backmap_add(pm, g1, v->id);
}

/* The machine pair translating user va for asid: from the L2TLB, else the vtlb (then cached); 0 or -1. */
int mem_user_pair(struct vcpu *v, uint32_t va, uint32_t asid,
		  uint32_t *lo0, uint32_t *lo1)
{
	struct mem_vcpu *mv = v->l2tlb;
	struct l2tlb_entry *l = l2tlb_lookup(&mv->l2, va, asid);
	if (l) {
		*lo0 = l->lo0;
		*lo1 = l->lo1;
		return 0;
	}
	int i = vtlb_find(v->vtlb, VMM_VTLB, va, asid);
	if (i < 0)
		return -1;
	memtlb_translate(v, &v->vtlb[i], va, lo0, lo1);
	l2tlb_insert(&mv->l2, va, asid, vtlb_is_global(&v->vtlb[i]), *lo0, *lo1);
	return 0;
}

/* Insert the machine pair of user va under the current real ASID. */
static void memtlb_hw_insert(uint32_t va, uint32_t lo0, uint32_t lo1)
{
	hwtlb_write((va & TLB_VPN2) | mem_cpu_here()->cur_asid, lo0, lo1, 0);
}

/* Drop this CPU's hardware entry of va for guest asid; all of v's if heavy. */
static void memtlb_hw_forget(struct vcpu *v, uint32_t va, uint32_t asid, int heavy)
{
	if (heavy) {
		asid_forget_vcpu(v);
		return;
	}
	int a = asid_peek(v, asid);
	if (a >= 0)
		hwtlb_drop((va & TLB_VPN2) | (uint32_t)a);
}

/* Drop the L2TLB and hardware entries derived from (or shadowed by) guest entry e. */
static void memtlb_forget(struct vcpu *v, const struct vtlb_entry *e)
{
	struct mem_vcpu *mv = v->l2tlb;
	uint32_t va = e->hi & TLB_VPN2, asid = e->hi & TLB_ASID;
	int global = vtlb_is_global(e), r;
	if (va >= MEM_SUSEG_TOP)
		return;
	if (e->mask == 0)
		r = l2tlb_purge(&mv->l2, va, asid, global);
	else
		r = l2tlb_purge_range(&mv->l2, va, va + vtlb_span(e), asid, global);
	memtlb_hw_forget(v, va, asid, global || e->mask || (r & L2_PURGED_GLOBAL));
}

/* Load a freshly written guest entry e: into the L2TLB, and the hardware if it is current. */
static void memtlb_load(struct vcpu *v, const struct vtlb_entry *e)
{
	struct mem_vcpu *mv = v->l2tlb;
	uint32_t va = e->hi & TLB_VPN2, asid = e->hi & TLB_ASID, lo0, lo1;
	int global = vtlb_is_global(e);
	if (va >= MEM_SUSEG_TOP)
		return;
	if (e->mask || global) {
		memtlb_forget(v, e);    /* whatever it shadows, on every ASID */
		return;                 /* loaded on its first miss */
	}
	memtlb_translate(v, e, va, &lo0, &lo1);
	l2tlb_insert(&mv->l2, va, asid, 0, lo0, lo1);
	if (asid == mem_guest_asid(v))
		memtlb_hw_insert(va, lo0, lo1);
	else
		memtlb_hw_forget(v, va, asid, 0);
}

/* Write the virtual EntryHi/EntryLo0/EntryLo1/PageMask into virtual entry i (tlbwi: drop the old one). */
static void memtlb_write(struct vcpu *v, int i, int drop_old)
{
	struct mem_vcpu *mv = v->l2tlb;
	struct vtlb_entry *e = &v->vtlb[i];
	int before = mv->nvalid;
	if (drop_old)
		memtlb_forget(v, e);
	mv->nvalid -= vtlb_is_valid(e);
	vtlb_write(e, v->special[SP_ENTRYHI / 4], v->entrylo0, v->entrylo1, v->pagemask);
	mv->nvalid += vtlb_is_valid(e);
	memtlb_load(v, e);
	if (before > 0 && mv->nvalid == 0) {
		l2tlb_clear(&mv->l2);   /* the guest emptied its TLB */
		asid_forget_vcpu(v);
	}
}

/* Emulate tlbwi: write the virtual TLB entry at the virtual Index. */
void mem_emul_tlbwi(struct vcpu *v)
{
	uint32_t i = v->index & 0x3f;
	if (i < VMM_VTLB)
		memtlb_write(v, (int)i, 1);
}

/* Emulate tlbwr: write the entry at the virtual Random, which then counts down. */
void mem_emul_tlbwr(struct vcpu *v)
{
	uint32_t r = v->random;
	if (r < v->wired || r >= VMM_VTLB)
		r = VMM_VTLB - 1;
	memtlb_write(v, (int)r, 0);
	v->random = vtlb_random_next(r, v->wired);
}

/* Emulate tlbr: load the virtual EntryHi (its ASID too), EntryLo0/1 and PageMask from entry Index. */
void mem_emul_tlbr(struct vcpu *v)
{
	uint32_t i = v->index & 0x3f, hi;
	if (i >= VMM_VTLB)
		return;
	uint32_t old = mem_guest_asid(v);
	vtlb_read(&v->vtlb[i], &hi, &v->entrylo0, &v->entrylo1, &v->pagemask);
	v->special[SP_ENTRYHI / 4] = hi;
	if ((hi & TLB_ASID) != old)
		mem_guest_asid_changed(v);
}

/* Emulate tlbp: Index of the entry matching the virtual EntryHi, or P; drop its cached translations. */
void mem_emul_tlbp(struct vcpu *v)
{
	struct mem_vcpu *mv = v->l2tlb;
	uint32_t hi = v->special[SP_ENTRYHI / 4];
	int i = vtlb_probe(v->vtlb, VMM_VTLB, hi);
	v->index = i < 0 ? TLB_INDEX_P : (uint32_t)i;
	uint32_t va = hi & TLB_VPN2, asid = hi & TLB_ASID;
	if (va < MEM_SUSEG_TOP) {
		int r = l2tlb_purge(&mv->l2, va, asid, 0);
		memtlb_hw_forget(v, va, asid, r & L2_PURGED_GLOBAL);
	}
}

/* Was the access at va that faulted an instruction fetch (the guest's pc, or its delay slot)? */
static int memtlb_is_fetch(struct vcpu *v, uint32_t va)
{
	if (v->regs.cause & CAUSE_BD)
		return va == v->regs.pc + 4 || va == v->regs.pc;
	return va == v->regs.pc;
}

/*
 * A real TLB exception while v ran (refill, TLBL/TLBS invalid, Mod).
 * Supervisor segment: hwtlb.c.  User segment: a translation the L2TLB or
 * the virtual TLB holds is inserted; if the page it gives is invalid the
 * guest gets a TLB invalid exception at its general vector (as its
 * hardware would raise on retry), or a bus error for a guest PFN outside
 * its memory.  1 if handled here (resumed or forwarded), 0 if the caller
 * must forward the exception as it came.
 */
int mem_tlb_miss(struct vcpu *v, uint32_t badvaddr, int exccode, int refill)
{
	uint32_t lo0, lo1;
	(void)refill;
	if (badvaddr >= GUEST_KERNBASE)
		return hwtlb_sseg_miss(v, badvaddr, exccode);
	if (badvaddr >= MEM_SUSEG_TOP || exccode == EXC_MOD ||
	    mem_user_pair(v, badvaddr, mem_guest_asid(v), &lo0, &lo1) < 0)
		return 0;               /* the caller forwards and counts it */
	memtlb_hw_insert(badvaddr, lo0, lo1);
	uint32_t lo = (badvaddr & MEM_PAGE) ? lo1 : lo0;
	if (lo & TLB_V) {
		v->st.tlb_l2tlb_hit++;
		return 1;
	}
	v->st.tlb_forwarded++;
	if (lo & TLB_LO_BAD)
		vmm_forward(v, memtlb_is_fetch(v, badvaddr) ? EXC_IBE : EXC_DBE, badvaddr, 0);
	else
		vmm_forward(v, (uint32_t)exccode, badvaddr, 0);
	return 1;
}

/* MC_TLB_DROP(va, asid): tlbp, then tlbwi of an unmatchable invalid entry if found; 1 if dropped, else 0. */
int32_t mem_mc_tlb_drop(struct vcpu *v, uint32_t va, uint32_t asid, uint32_t a2,
			uint32_t a3, uint32_t t0, uint32_t t1)
{
	(void)a2; (void)a3; (void)t0; (void)t1;
	uint32_t old = v->special[SP_ENTRYHI / 4];
	v->special[SP_ENTRYHI / 4] = (va & TLB_VPN2) | (asid & TLB_ASID);
	mem_emul_tlbp(v);
	int found = !(v->index & TLB_INDEX_P);
	if (found) {
		uint32_t i = v->index & 0x3f;
		v->special[SP_ENTRYHI / 4] = KSEG0_BASE + (i << 13);
		v->entrylo0 = v->entrylo1 = 0;
		memtlb_write(v, (int)i, 1);
	}
	v->special[SP_ENTRYHI / 4] = old;
	return found;
}
