/*
 * mem.c - the slow paths of loads and stores: alignment, translation,
 * watchpoints, devices, code pages, and refilling the software TLB.
 */
#include "cpu/cpu_internal.h"

/*
 * True if WatchLo/WatchHi trap an access of kind acc to pa (User's Manual
 * 5.4, Watch exception; deferred while EXL or ERL is set):
 *
 *   WatchLo | PAddr0 (31:3) | 0 | R | W |     WatchHi | 0 | PAddr1 (3:0) |
 */
static bool mem_watched(const struct cpu *c, uint32_t pa, enum cpu_access acc)
{
	uint32_t lo = c->cp0.watchlo;
	uint32_t bit = acc == CPU_STORE ? 1u : 2u;
	if (!(lo & bit) || (c->cp0.watchhi & 0xfu))
		return false;
	if (c->cp0.status & (ST_EXL | ST_ERL))
		return false;
	return (pa & ~7u) == (lo & ~7u);
}

/* True if the page of pa holds the watched address (no shortcut for it). */
static bool mem_page_watched(const struct cpu *c, uint32_t pa)
{
	return (c->cp0.watchlo & 3u) &&
	       ((pa ^ c->cp0.watchlo) & ~0xfffu) == 0;
}

/*
 * A debugger watchpoint: if [va, va+size) meets a watched range of the
 * access's kind, let the instruction complete, then leave cpu_run.
 */
static void mem_debug_watch(struct cpu *c, uint32_t va, int size,
			    enum cpu_access acc)
{
	enum cpu_watch_kind kind =
		acc == CPU_STORE ? CPU_WATCH_WRITE : CPU_WATCH_READ;
	for (int k = 0; k < c->nwatches; k++) {
		const struct cpu_watch *w = &c->watches[k];
		if ((w->kind & kind) && va < w->va + w->len &&
		    w->va < va + (uint32_t)size) {
			c->watch_va = va;
			c->watch_kind = kind;
			cpu_stop_with(c, CPU_STOP_WATCH);
			return;
		}
	}
}

/*
 * Translate va for data access acc by instruction i, raising the exception
 * if it fails; returns 0 and sets *pa on success.
 */
static int mem_translate(struct cpu *c, struct dinsn *i, uint32_t va,
			 int size, enum cpu_access acc, uint32_t *pa,
			 bool *cacheable)
{
	uint32_t pc = cpu_pc_of(c, i);
	bool refill;
	if (va & (uint32_t)(size - 1)) {
		int code = acc == CPU_STORE ? EXC_ADES : EXC_ADEL;
		c->exc_ip = cpu_raise_addr(c, pc, code, va, false, false);
		return 1;
	}
	int code = cpu_translate(c, va, acc, pa, &refill, cacheable);
	if (code == EXC_DBE) {
		c->exc_ip = cpu_raise(c, pc, EXC_DBE, 0);
		return 1;
	}
	if (code) {
		bool tlb = code != EXC_ADEL && code != EXC_ADES;
		c->exc_ip = cpu_raise_addr(c, pc, code, va, tlb, refill);
		return 1;
	}
	if (mem_watched(c, *pa, acc)) {
		c->exc_ip = cpu_raise(c, pc, EXC_WATCH, 0);
		return 1;
	}
	if (unlikely(c->nwatches))
		mem_debug_watch(c, va, size, acc);
	return 0;
}

/*
 * Charge a RAM reference to the timing model, if there is one; return
 * whether the page may get a software TLB shortcut (not when uncached in
 * timed mode: every uncached reference must reach the model).
 */
static bool mem_timed(struct cpu *c, uint32_t pa, bool cacheable,
		      enum cpu_ref ref)
{
	if (!c->timing)
		return true;
	if (!cacheable) {
		cpu_timing_miss(c, pa, CPU_REF_UNCACHED);
		return false;
	}
	cpu_l1(c, pa, ref);
	return true;
}

/*
 * Fill software TLB entry e: virtual page of va -> host page of h (at pa);
 * not while debugger watchpoints need every access on the slow path.
 */
static void mem_shortcut(const struct cpu *c, struct cpu_stlb *e, uint32_t va,
			 uint32_t pa, uint8_t *h)
{
	if (unlikely(c->nwatches))
		return;
	e->tag = va & ~0xfffu;
	e->pa = pa & ~0xfffu;
	e->host = h - (pa & 0xfff);
}

/* A reference missed the primary cache: ask the model, add its stall. */
void cpu_timing_miss(struct cpu *c, uint32_t pa, enum cpu_ref ref)
{
	uint32_t stall = c->timing->miss(c->timing->ctx, c->id, pa, ref);
	c->left -= stall;
	c->stall += stall;
}

/* Read size bytes big-endian from host memory h. */
static uint64_t mem_get(const uint8_t *h, int size)
{
	uint64_t v = 0;
	for (int k = 0; k < size; k++)
		v = v << 8 | h[k];
	return v;
}

/* Write the low size bytes of v big-endian to host memory h. */
static void mem_put(uint8_t *h, int size, uint64_t v)
{
	for (int k = size - 1; k >= 0; k--, v >>= 8)
		h[k] = (uint8_t)v;
}

/* Load size bytes from va when the software TLB missed. */
int cpu_load_slow(struct cpu *c, struct dinsn *i, uint32_t va, int size,
		  uint64_t *val)
{
	uint32_t pa;
	bool cacheable;
	if (mem_translate(c, i, va, size, CPU_LOAD, &pa, &cacheable))
		return 1;
	uint8_t *h = cpu_phys_host(c->phys, pa, false);
	if (h) {
		*val = mem_get(h, size);
		if (mem_timed(c, pa, cacheable, CPU_REF_LOAD) &&
		    !mem_page_watched(c, pa))
			mem_shortcut(c, &c->rd[c->mode][(va >> 12) &
						    (CPU_STLB_N - 1)],
				     va, pa, h);
		return 0;
	}
	if (c->timing)
		cpu_timing_miss(c, pa, CPU_REF_UNCACHED);
	const struct cpu_mmio_ops *ops = c->phys->ops;
	if (ops && ops->read &&
	    ops->read(c->phys->ctx, c->id, pa, size, val) == CPU_BUS_OK) {
		if (size < 8)
			*val &= (1ull << (size * 8)) - 1;
		return 0;
	}
	c->exc_ip = cpu_raise(c, cpu_pc_of(c, i), EXC_DBE, 0);
	return 1;
}

/* Store size bytes at va when the software TLB missed. */
int cpu_store_slow(struct cpu *c, struct dinsn *i, uint32_t va, int size,
		   uint64_t val)
{
	uint32_t pa;
	bool cacheable;
	if (mem_translate(c, i, va, size, CPU_STORE, &pa, &cacheable))
		return 1;
	uint8_t *h = cpu_phys_host(c->phys, pa, true);
	if (h) {
		mem_put(h, size, val);
		bool code = cpu_phys_is_code(c->phys, pa);
		bool linked = cpu_phys_ll_watched(c->phys, pa);
		if (code)
			cpu_phys_code_write(c->phys, pa, size);
		if (linked)
			cpu_phys_ll_break(c->phys, c, pa, (uint32_t)size);
		if (mem_timed(c, pa, cacheable, CPU_REF_STORE) && !code &&
		    !linked && !mem_page_watched(c, pa))
			mem_shortcut(c, &c->wr[c->mode][(va >> 12) &
						    (CPU_STLB_N - 1)],
				     va, pa, h);
		return 0;
	}
	if (c->timing)
		cpu_timing_miss(c, pa, CPU_REF_UNCACHED);
	const struct cpu_mmio_ops *ops = c->phys->ops;
	if (ops && ops->write &&
	    ops->write(c->phys->ctx, c->id, pa, size, val) == CPU_BUS_OK)
		return 0;
	c->exc_ip = cpu_raise(c, cpu_pc_of(c, i), EXC_DBE, 0);
	return 1;
}
