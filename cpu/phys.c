/*
 * phys.c - physical memory as the CPUs see it: host-backed regions (RAM at
 * 0, an optional boot PROM), the device callbacks for everything else, and
 * the cache of decoded code pages that stores must keep honest.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cpu/cpu_internal.h"

/* Abort with a message naming the function: an internal invariant broke. */
static void phys_die(const char *fn, const char *why)
{
	fprintf(stderr, "minidisco: internal error in %s: %s\n", fn, why);
	abort();
}

/* Set up region r over host[0, bytes) at physical base. */
static void phys_region_init(struct cpu_region *r, uint32_t base,
			     uint8_t *host, uint32_t bytes, bool rom)
{
	r->base = base;
	r->bytes = bytes;
	r->host = host;
	r->rom = rom;
	uint32_t pages = (bytes + CPU_PAGE_SIZE - 1) / CPU_PAGE_SIZE;
	r->dpages = calloc(pages, sizeof(*r->dpages));
	r->llwatch = calloc(pages, 1);
	if (!r->dpages || !r->llwatch)
		phys_die(__func__, "out of memory");
}

/* Create the physical memory view over ram[0, ram_bytes). */
struct cpu_phys *cpu_phys_create(uint8_t *ram, uint64_t ram_bytes,
				 const struct cpu_mmio_ops *ops, void *ctx)
{
	struct cpu_phys *p = calloc(1, sizeof(*p));
	if (!p)
		phys_die(__func__, "out of memory");
	if (ram_bytes > 0x80000000u || (ram_bytes & (CPU_PAGE_SIZE - 1)))
		phys_die(__func__, "RAM size not page-aligned or too large");
	phys_region_init(&p->reg[0], 0, ram, (uint32_t)ram_bytes, false);
	p->nreg = 1;
	p->ops = ops;
	p->ctx = ctx;
	return p;
}

/* Add read-only memory (a boot PROM) at physical [base, base+bytes). */
void cpu_phys_add_rom(struct cpu_phys *p, uint32_t base, uint8_t *host,
		      uint32_t bytes)
{
	if (p->nreg >= 2 || ((base | bytes) & (CPU_PAGE_SIZE - 1)))
		phys_die(__func__, "bad or second ROM");
	phys_region_init(&p->reg[p->nreg++], base, host, bytes, true);
}

/* Free the physical memory view and its decoded-code cache. */
void cpu_phys_destroy(struct cpu_phys *p)
{
	if (!p)
		return;
	for (int r = 0; r < p->nreg; r++) {
		uint32_t n = p->reg[r].bytes / CPU_PAGE_SIZE;
		for (uint32_t k = 0; k < n; k++)
			free(p->reg[r].dpages[k]);
		free(p->reg[r].dpages);
		free(p->reg[r].llwatch);
	}
	free(p);
}

/* The region holding physical address pa, or NULL for device space. */
static struct cpu_region *phys_region(struct cpu_phys *p, uint32_t pa)
{
	for (int r = 0; r < p->nreg; r++)
		if (pa - p->reg[r].base < p->reg[r].bytes)
			return &p->reg[r];
	return NULL;
}

/* Host pointer for pa, or NULL if pa is device space (or ROM, for write). */
uint8_t *cpu_phys_host(struct cpu_phys *p, uint32_t pa, bool write)
{
	struct cpu_region *r = phys_region(p, pa);
	if (!r || (write && r->rom))
		return NULL;
	return r->host + (pa - r->base);
}

/* True if the page holding pa has decoded code. */
bool cpu_phys_is_code(struct cpu_phys *p, uint32_t pa)
{
	struct cpu_region *r = phys_region(p, pa);
	return r && r->dpages[(pa - r->base) >> CPU_PAGE_SHIFT];
}

/* Forget every write shortcut any CPU has to the page at pa. */
static void phys_unshortcut(struct cpu_phys *p, uint32_t pa)
{
	uint8_t *page = cpu_phys_host(p, pa & ~(CPU_PAGE_SIZE - 1), false);
	for (int k = 0; k < p->ncpus; k++) {
		struct cpu *c = p->cpus[k];
		for (int m = 0; m < CPU_NMODES; m++)
			for (int e = 0; e < CPU_STLB_N; e++)
				if (c->wr[m][e].host == page)
					c->wr[m][e].tag = CPU_STLB_INVALID;
	}
}

/* The decoded page for the code at pa (allocated on first use), or NULL. */
struct cpu_dpage *cpu_phys_dpage(struct cpu_phys *p, uint32_t pa)
{
	struct cpu_region *r = phys_region(p, pa);
	if (!r)
		return NULL;
	uint32_t n = (pa - r->base) >> CPU_PAGE_SHIFT;
	if (r->dpages[n])
		return r->dpages[n];
	/* Aligned so that a primary cache line is an aligned group of dinsns. */
	struct cpu_dpage *d = aligned_alloc(4096, (sizeof(*d) + 4095) & ~4095ul);
	if (!d)
		phys_die(__func__, "out of memory");
	for (int k = 0; k < CPU_PAGE_INSNS; k++)
		d->insn[k].fn = op_decode;
	d->insn[CPU_PAGE_INSNS].fn = op_page_end;
	d->insn[CPU_PAGE_INSNS + 1].fn = op_page_end;
	d->paddr = r->base + (n << CPU_PAGE_SHIFT);
	d->host = r->host + (n << CPU_PAGE_SHIFT);
	r->dpages[n] = d;
	phys_unshortcut(p, pa);
	return d;
}

/* A store of size bytes at pa hit a code page: re-decode those words. */
void cpu_phys_code_write(struct cpu_phys *p, uint32_t pa, int size)
{
	struct cpu_region *r = phys_region(p, pa);
	if (!r)
		return;
	struct cpu_dpage *d = r->dpages[(pa - r->base) >> CPU_PAGE_SHIFT];
	if (!d)
		return;
	uint32_t first = (pa & 0xfff) >> 2, last = ((pa & 0xfff) + size - 1) >> 2;
	for (uint32_t k = first; k <= last && k < CPU_PAGE_INSNS; k++)
		d->insn[k].fn = op_decode;
}

/* True if some CPU did a load-linked in the page holding pa. */
bool cpu_phys_ll_watched(struct cpu_phys *p, uint32_t pa)
{
	struct cpu_region *r = phys_region(p, pa);
	return r && r->llwatch[(pa - r->base) >> CPU_PAGE_SHIFT];
}

/*
 * A CPU did a load-linked at pa: from now on every store to that page
 * takes the slow path, which breaks the links of other CPUs.
 */
void cpu_phys_ll_watch(struct cpu_phys *p, uint32_t pa)
{
	struct cpu_region *r = phys_region(p, pa);
	if (!r || r->llwatch[(pa - r->base) >> CPU_PAGE_SHIFT])
		return;
	r->llwatch[(pa - r->base) >> CPU_PAGE_SHIFT] = 1;
	phys_unshortcut(p, pa);
}

/*
 * A store by writer (NULL: a device) to [pa, pa+len) clears the LLbit of
 * every other CPU linked to a primary cache line (32 bytes) it touches,
 * as the coherence protocol's invalidation does on the R4000.
 */
void cpu_phys_ll_break(struct cpu_phys *p, const struct cpu *writer,
		       uint32_t pa, uint32_t len)
{
	uint32_t first = pa >> 5, last = (pa + len - 1) >> 5;
	for (int k = 0; k < p->ncpus; k++) {
		struct cpu *c = p->cpus[k];
		if (c != writer && c->llbit && (c->ll_pa >> 5) >= first &&
		    (c->ll_pa >> 5) <= last)
			c->llbit = false;
	}
}

/* Tell the CPUs that [paddr, paddr+len) changed behind their back (DMA). */
void cpu_phys_invalidate(struct cpu_phys *p, uint32_t paddr, uint32_t len)
{
	if (len == 0)
		return;
	cpu_phys_ll_break(p, NULL, paddr, len);
	uint32_t a = paddr & ~3u, end = paddr + len;
	while (a < end) {
		uint32_t chunk = CPU_PAGE_SIZE - (a & 0xfff);
		if (chunk > end - a)
			chunk = end - a;
		if (cpu_phys_is_code(p, a))
			for (uint32_t k = 0; k < chunk; k += 4)
				cpu_phys_code_write(p, a + k, 4);
		a += chunk;
	}
}
